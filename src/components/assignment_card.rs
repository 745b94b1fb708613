use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::browser::local_date;
use crate::components::{confirm_button::ConfirmButton, submission_form::SubmissionForm};
use crate::exam_session::start_assignment_quiz;
use crate::state::use_app;

/// One assignment as a student sees it: what to do, how far they are, and
/// handing it in.
#[component]
pub fn AssignmentCard(id: String) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let heading = format!("assignment-{id}");
    let lookup = id.clone();
    let received = Memo::new(move |_| state.assignments.with(|m| m.get(&lookup).cloned()));
    let standing = Memo::new(move |_| {
        let r = received.get()?;
        let s = state.attempts.with(|a| state.content.with_value(|c| c.as_ref().map(|c| {
            let s = r.standing(a, c);
            (s.charts.iter().map(|a| a.map(|a| a.percent())).collect::<Vec<_>>(), s.answered, s.right)
        })))?;
        Some(s)
    });
    let title_of = move |scenario: &str| state.content.with_value(|c| c.as_ref().map_or_else(|| scenario.to_string(), |c| c.scenario_title(scenario)));
    let quiz_id = id.clone();
    let answer = move |_| {
        if start_assignment_quiz(&state, &quiz_id) {
            navigate("/exam/quiz", Default::default());
        }
    };
    let remove_id = id.clone();
    let remove = Callback::new(move |()| {
        state.change(state.assignments, |m| m.remove(&remove_id));
    });
    move || {
        let Some(r) = received.get() else { return ().into_any() };
        let (charts, answered, right) = standing.get().unwrap_or_default();
        let a = r.assignment.clone();
        let total = a.questions.len();
        let title = a.title.clone();
        let name = a.title.clone();
        view! {
            <article class="card stack assignment" aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>{a.title.clone()}</h2>
                <p class="muted">
                    {a.due.as_ref().map(|d| format!("Due {d} · ")).unwrap_or_default()}
                    {format!("opened {}", local_date(r.received_ms))}
                </p>
                {(!a.instructions.trim().is_empty()).then(|| view! { <p class="instructions">{a.instructions.clone()}</p> })}
                {(!a.charts.is_empty()).then(|| view! {
                    <h3>"Charts to code"</h3>
                    <ol class="assignment-tasks">
                        {a.charts.iter().zip(charts.iter().copied().chain(std::iter::repeat(None))).map(|(t, score)| {
                            let name = title_of(&t.scenario);
                            view! {
                                <li>
                                    <A href=format!("/code/{}/{}", t.scenario, t.seed)>{format!("Code “{name}” (seed {})", t.seed)}</A>
                                    <span class="task-status">{match score {
                                        Some(p) => format!("Graded: {p:.1}%"),
                                        None => "Not graded yet".to_string(),
                                    }}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                })}
                {(total > 0).then(|| view! {
                    <h3>"Questions"</h3>
                    <p>{format!("{answered} of {total} answered, {right} right.")}</p>
                    {(answered < total).then(|| view! {
                        <button type="button" class="button" on:click=answer.clone()>
                            {if answered == 0 { format!("Answer the questions of “{title}”") } else { format!("Continue the questions of “{title}”") }}
                        </button>
                    })}
                })}
                <p class="hint">"Your instructor sees your first graded attempt at each chart after you opened this assignment, and your first answer to each question."</p>
                <SubmissionForm id=id.clone() left=to_go(charts.iter().filter(|c| c.is_none()).count(), total - answered.min(total))/>
                <ConfirmButton
                    id=format!("remove-{id}")
                    label=format!("Remove “{name}”…")
                    trigger_class="button button--quiet"
                    question=format!("Remove “{name}” from this browser? Your graded charts and answers stay in your progress.")
                    confirm="Yes, remove it".into()
                    on_confirm=remove
                />
            </article>
        }
        .into_any()
    }
}

/// What is left, in words: "1 chart and 3 questions", or empty when done.
fn to_go(charts: usize, questions: usize) -> String {
    let part = |n: usize, one: &str, many: &str| (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }));
    [part(charts, "chart", "charts"), part(questions, "question", "questions")].into_iter().flatten().collect::<Vec<_>>().join(" and ")
}
