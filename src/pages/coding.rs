//! `/code`: how the coding workspace works, a way in, and the history of
//! graded attempts.

use leptos::prelude::*;

use crate::browser::random_seed;
use crate::components::{attempt_history::AttemptHistory, card_section::CardSection, page_header::PageHeader};
use crate::state::use_app;

#[component]
pub fn Coding() -> impl IntoView {
    let state = use_app();
    let inpatient: Vec<String> = state.content.with_value(|c| {
        c.as_ref().map(|c| c.scenarios.iter().filter(|s| s.setting == hit_core::scenario::Setting::Inpatient).map(|s| s.id.clone()).collect()).unwrap_or_default()
    });
    let navigate = leptos_router::hooks::use_navigate();
    let random = move |_| {
        if !inpatient.is_empty() {
            let seed = random_seed();
            let id = &inpatient[(seed % inpatient.len() as u64) as usize];
            navigate(&format!("/code/{id}/{seed}"), Default::default());
        }
    };
    view! {
        <PageHeader title="Coding" lead="Code a chart the way a hospital coder does, then see how your coding is graded and grouped."/>
        <CardSection id="start" title="Code a chart">
            <p>
                "Open any chart from the "<a href="/charts">"chart library"</a>" and choose “Code this chart”. "
                "The chart stays on one side while you code on the other: diagnoses with POA indicators, principal first, "
                "and ICD-10-PCS procedures with their dates. Codes are checked as you type, the codebook is beside the form, "
                "and the MS-DRG updates as you go. Your unfinished work is kept on this device."
            </p>
            <div class="actions">
                <button type="button" class="button" on:click=random>"Code a random inpatient chart"</button>
                <a class="button button--secondary" href="/charts">"Choose a chart"</a>
            </div>
        </CardSection>
        <CardSection id="history" title="Your graded attempts">
            <AttemptHistory/>
        </CardSection>
    }
}
