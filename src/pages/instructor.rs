//! The instructor's area: make assignments, share their links, import the
//! submissions students send back and see the class's results, graded here.

use hit_core::assignment::ChartTask;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::codebook::ensure_loaded;
use crate::components::{assignment_form::AssignmentForm, assignment_results::AssignmentResults, page_header::PageHeader, submission_import::SubmissionImport};
use crate::state::use_app;

#[component]
pub fn Instructor() -> impl IntoView {
    let state = use_app();
    // Grading submissions needs the code sets.
    Effect::new(move |_| ensure_loaded(state.codes));
    // "Assign this chart" in the chart viewer links here with the chart.
    let query = use_query_map();
    let first = query.with_untracked(|q| Some(ChartTask { scenario: q.get("chart")?, seed: q.get("seed")?.parse().ok()? }));
    let ids = Memo::new(move |_| state.gradebook.with(|g| g.assignments.iter().map(|a| a.id()).collect::<Vec<_>>()));
    view! {
        <PageHeader
            title="Instructor"
            lead="Assign charts and questions to a class, share one link, and grade the submissions students send back. Every chart is rebuilt from its scenario and seed, so everyone codes the same record."
        />
        <AssignmentForm first=first/>
        <SubmissionImport/>
        <Show when=move || !ids.with(Vec::is_empty) fallback=|| view! { <p class="muted">"Assignments you make appear here, with their links and results."</p> }>
            <div class="stack">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <AssignmentResults id=id/>
                </For>
            </div>
        </Show>
        <section class="card stack" aria-labelledby="own-scenarios-heading">
            <h2 id="own-scenarios-heading">"Your own scenarios"</h2>
            <p>"Scenarios are plain TOML files in the project's content/scenarios folder, documented in its README: a clinical story with slots, what varies, and the answer key each variant implies. A scenario you add is checked by the project's tests and appears in the chart library."</p>
        </section>
    }
}
