use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::feature_card::FeatureCard;
use crate::components::tip_card::TipCard;
use crate::state::use_app;

/// The sections shown on the dashboard: (route, title, blurb, ready).
const FEATURES: &[(&str, &str, &str, bool)] = &[
    ("/charts", "Charts", "Read synthetic patient records: face sheet, H&P, progress notes, labs, operative and pathology reports, discharge summary.", true),
    ("/code", "Coding", "Code a chart in ICD-10-CM with POA and ICD-10-PCS, sequence the principal diagnosis, and see the MS-DRG your coding produces.", true),
    ("/exam", "Exam prep", "Practise RHIT-style questions by domain, build custom quizzes, and sit a timed mock exam in the real exam's format.", true),
    ("/codebook", "Codebook", "Search the FY2026 ICD-10-CM tabular with every instructional note, and build PCS codes table by table.", true),
    ("/progress", "Progress", "Follow your scores, domain mastery and review queue. Everything is kept in this browser and can be exported.", true),
    ("/assignments", "Assignments", "Open what your instructor assigned, work through its charts and questions, and hand in a submission file.", true),
    ("/instructor", "Instructor", "Assign charts and questions to a class with one link, then import the submissions and see results graded here.", true),
];

/// The dashboard.
#[component]
pub fn Home() -> impl IntoView {
    let state = use_app();
    let name = move || state.settings.with(|s| s.display_name.clone());
    view! {
        <Title text=""/>
        <section class="hero" aria-labelledby="home-heading">
            <h1 id="home-heading">
                {move || {
                    let name = name();
                    if name.is_empty() { "Welcome to HIT Trainer".to_string() } else { format!("Welcome back, {name}") }
                }}
            </h1>
            <p class="lead">
                "Practise the everyday work of a health information technician on synthetic charts, "
                "and prepare for the RHIT exam with questions written for it."
            </p>
            <Show when=move || name().is_empty()>
                <p class="hero__aside">
                    <A href="/settings">"Add your name"</A> " to personalise this page."
                </p>
            </Show>
        </section>

        <div class="dashboard">
            <section class="card progress-summary" aria-labelledby="progress-heading">
                <h2 id="progress-heading">"Your progress"</h2>
                <p class="empty-state">"No activity recorded yet."</p>
                <p>
                    "Scores, mastery by RHIT domain, and a review queue of missed questions and codes "
                    "will appear here as exercises become available and you complete them."
                </p>
            </section>
            <TipCard/>
        </div>

        <section aria-labelledby="sections-heading">
            <h2 id="sections-heading">"What HIT Trainer covers"</h2>
            <ul class="feature-grid">
                {FEATURES
                    .iter()
                    .map(|(href, title, blurb, ready)| view! { <FeatureCard href=*href title=*title blurb=*blurb ready=*ready/> })
                    .collect_view()}
            </ul>
        </section>
    }
}
