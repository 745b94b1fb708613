use hit_core::assignment::{self, Assignment, ChartTask};
use hit_core::rhit::Domain;
use leptos::prelude::*;

use crate::browser::{focus_element, now_ms, random_seed};
use crate::state::use_app;

/// Making an assignment: title, instructions, due date, charts (scenario and
/// seed) and a number of questions drawn from chosen domains. `first` is a
/// chart to start with (from "Assign this chart" in the chart viewer).
#[component]
pub fn AssignmentForm(first: Option<ChartTask>) -> impl IntoView {
    let state = use_app();
    let title = RwSignal::new(String::new());
    let instructions = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let charts = RwSignal::new(Vec::<ChartTask>::new());
    let pick = RwSignal::new(String::new());
    let count = RwSignal::new(10usize);
    let domains = RwSignal::new(Vec::<u8>::new());
    let calculations = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let scenarios: Vec<(String, String)> = state.content.with_value(|c| c.as_ref().map(|c| c.scenarios.iter().map(|s| (s.id.clone(), format!("{} · {}", s.title, s.setting.title()))).collect()).unwrap_or_default());
    if let Some(t) = first.filter(|t| scenarios.iter().any(|(id, _)| *id == t.scenario)) {
        charts.set(vec![t]);
    }
    let names = StoredValue::new(scenarios.clone());
    let name_of = move |id: &str| names.with_value(|n| n.iter().find(|(i, _)| i == id).map(|(_, t)| t.clone()).unwrap_or_else(|| id.to_string()));
    let add_chart = move |_| {
        let id = pick.get_untracked();
        if id.is_empty() {
            error.set("Choose a chart to add first.".into());
            return;
        }
        error.set(String::new());
        charts.update(|c| c.push(ChartTask { scenario: id, seed: random_seed() % 10_000 }));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(made) = state.content.with_value(|c| {
            c.as_ref().map(|c| {
                let a = Assignment {
                    title: title.get_untracked().trim().to_string(),
                    instructions: instructions.get_untracked().trim().to_string(),
                    due: Some(due.get_untracked()).filter(|d| !d.is_empty()),
                    charts: charts.get_untracked(),
                    questions: assignment::pick_questions(c, &domains.get_untracked(), count.get_untracked(), calculations.get_untracked(), random_seed()),
                    created_ms: now_ms(),
                };
                a.validate(c).map(|_| a)
            })
        }) else { return };
        match made {
            Ok(a) => {
                let (name, id) = (a.title.clone(), a.id());
                state.change_merged(state.gradebook, |g| {
                    g.add_assignment(a);
                });
                error.set(String::new());
                status.set(format!("Created “{name}”. Share its link, below, with your class."));
                title.set(String::new());
                instructions.set(String::new());
                due.set(String::new());
                charts.set(Vec::new());
                request_animation_frame(move || focus_element(&format!("results-{id}")));
            }
            Err(e) => error.set(e.to_string()),
        }
    };
    view! {
        <form class="card stack" aria-labelledby="new-assignment-heading" on:submit=submit>
            <h2 id="new-assignment-heading">"New assignment"</h2>
            <div class="field">
                <label for="assignment-title">"Title"</label>
                <input id="assignment-title" type="text" required prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="assignment-instructions">"Instructions for students"</label>
                <textarea id="assignment-instructions" rows="3" prop:value=move || instructions.get() on:input=move |ev| instructions.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="assignment-due">"Due date (optional)"</label>
                <input id="assignment-due" type="date" prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev))/>
            </div>
            <fieldset class="stack">
                <legend>"Charts to code"</legend>
                <p class="hint">"Each chart gets a seed, so every student codes the same record."</p>
                <div class="field">
                    <label for="assignment-chart">"Chart"</label>
                    <select id="assignment-chart" on:change=move |ev| pick.set(event_target_value(&ev))>
                        <option value="">"Choose a chart…"</option>
                        {scenarios.into_iter().map(|(id, t)| view! { <option value=id>{t}</option> }).collect_view()}
                    </select>
                </div>
                <div class="actions"><button type="button" class="button button--secondary" on:click=add_chart>"Add this chart"</button></div>
                <ol class="assignment-tasks">
                    {move || charts.get().into_iter().enumerate().map(|(i, t)| {
                        let name = name_of(&t.scenario);
                        view! {
                            <li>
                                {format!("{name} (seed {})", t.seed)}
                                <button type="button" class="button button--small button--quiet" aria-label=format!("Remove {name} (seed {})", t.seed) on:click=move |_| charts.update(|c| { c.remove(i); })>"Remove"</button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </fieldset>
            <fieldset class="stack">
                <legend>"Questions"</legend>
                <div class="field">
                    <label for="assignment-count">"Number of questions"</label>
                    <select id="assignment-count" prop:value=move || count.get().to_string() on:change=move |ev| count.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {[0usize, 5, 10, 15, 20, 30, 40, 50].map(|n| view! { <option value=n.to_string()>{if n == 0 { "None".to_string() } else { n.to_string() }}</option> }).to_vec()}
                    </select>
                </div>
                <div class="choice-group" role="group" aria-labelledby="assignment-domains">
                    <p id="assignment-domains" class="hint">"Domains to draw from (none ticked: all six)"</p>
                    {Domain::all().map(|d| view! {
                        <label class="choice">
                            <input type="checkbox" on:change=move |ev| { let on = event_target_checked(&ev); domains.update(|ds| if on { ds.push(d.number()) } else { ds.retain(|x| *x != d.number()) }) }/>
                            {format!("{}. {}", d.number(), d.name())}
                        </label>
                    }).collect_view()}
                    <label class="choice"><input type="checkbox" on:change=move |ev| calculations.set(event_target_checked(&ev))/>"Include calculation questions"</label>
                </div>
            </fieldset>
            <div class="actions"><button type="submit" class="button">"Create the assignment"</button></div>
            <p class="status" role="status">{move || status.get()}</p>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </form>
    }
}
