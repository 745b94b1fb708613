use hit_core::scenario::Scenario;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Opens one exact chart by case and seed, so an instructor can hand a class
/// the same record.
#[component]
pub fn OpenChartForm(scenarios: Vec<Scenario>) -> impl IntoView {
    let mut sorted = scenarios;
    sorted.sort_by(|a, b| a.title.cmp(&b.title));
    let first = sorted.first().map(|s| s.id.clone()).unwrap_or_default();
    let scenario = RwSignal::new(first);
    let seed = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let navigate = use_navigate();
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match seed.get_untracked().trim().parse::<u64>() {
            Ok(n) => {
                error.set(String::new());
                navigate(&format!("/charts/{}/{n}", scenario.get_untracked()), Default::default());
            }
            Err(_) => error.set("Enter the seed as a whole number, such as 1024.".into()),
        }
    };
    view! {
        <section class="card" aria-labelledby="open-chart-heading">
            <h2 id="open-chart-heading">"Open a specific chart"</h2>
            <p class="hint">"Everyone who opens the same case with the same seed sees the same patient and documents."</p>
            <form class="open-chart" on:submit=open novalidate>
                <div class="field">
                    <label for="open-scenario">"Case"</label>
                    <select id="open-scenario" on:change=move |ev| scenario.set(event_target_value(&ev)) prop:value=scenario>
                        {sorted.into_iter().map(|s| view! { <option value=s.id.clone()>{s.title.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="open-seed">"Seed"</label>
                    <input id="open-seed" type="text" inputmode="numeric" autocomplete="off"
                        aria-describedby="open-seed-error" aria-invalid=move || (!error.with(String::is_empty)).to_string()
                        prop:value=seed on:input=move |ev| seed.set(event_target_value(&ev))/>
                    <p id="open-seed-error" class="field-error" aria-live="polite">{error}</p>
                </div>
                <button type="submit" class="button button--secondary">"Open chart"</button>
            </form>
        </section>
    }
}
