//! `/exam/mock`: the timed mock exam. Before it starts: its rules and a
//! start button. Under way: the player. An exam whose time ran out while the
//! tab was closed is submitted on arrival and its results shown.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::components::mock_player::MockPlayer;
use crate::exam_session::{settle_mock, start_mock};
use crate::state::use_app;

#[component]
pub fn Mock() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    if let Some(n) = settle_mock(&state) {
        navigate(&format!("/exam/mock/results/{n}"), Default::default());
    }
    let under_way = Memo::new(move |_| state.mock.with(|m| m.exam.as_ref().map(|e| e.submitted_ms.is_none())));
    view! {
        <Title text="Mock exam"/>
        <header class="page-header">
            <p class="eyebrow">"Exam prep"</p>
            <h1>"Mock exam"</h1>
        </header>
        {move || match under_way.get() {
            Some(true) => view! { <MockPlayer/> }.into_any(),
            Some(false) => view! {
                <section class="card notice" role="alert">
                    <p>"Your exam was submitted but its results could not be saved (see the notice above). They are kept here; free some storage and reload to save them."</p>
                </section>
            }.into_any(),
            None => view! { <MockIntro/> }.into_any(),
        }}
    }
}

/// The rules of the mock exam and the button that starts it.
#[component]
fn MockIntro() -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(String::new());
    let Some(shape) = state.content.with_value(|c| c.as_ref().map(|c| c.blueprint.shape.clone())) else { return ().into_any() };
    let start = move |_| {
        if let Err(e) = start_mock(&state) {
            error.set(e.to_string());
        }
    };
    view! {
        <section class="card stack" aria-labelledby="rules-heading">
            <h2 id="rules-heading">"Before you start"</h2>
            <ul class="checklist">
                <li>{format!("{} questions: {} are scored and {} are unscored pretest questions, mixed in and not marked, as on the RHIT exam.", shape.items, shape.scored, shape.pretest)}</li>
                <li>{format!("{} hours {} minutes on the clock. It keeps running if you close the tab, and the exam is submitted when it runs out.", shape.minutes / 60, shape.minutes % 60)}</li>
                <li>"Single-best-answer and multiple-response questions; the question says how many to choose. Multiple-response questions score only if every choice is right."</li>
                <li>"No feedback until you submit. Flag questions to come back to, and use the navigator or the review screen to move around."</li>
                <li>"Your answers are saved as you go: reload or come back later and you resume where you were."</li>
                <li>{format!("Afterwards: an estimated scaled score ({} to {}, {} to pass) with how it is worked out, your result by domain, time per question, and every question with its rationale.", shape.scale_min, shape.scale_max, shape.passing_scaled)}</li>
            </ul>
            <div class="actions">
                <button type="button" class="button" on:click=start>"Start the mock exam"</button>
                <a class="button button--quiet" href="/exam">"Back to exam prep"</a>
            </div>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
    .into_any()
}
