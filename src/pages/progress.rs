use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{card_section::CardSection, page_header::PageHeader, planned_feature::PlannedFeature};

#[component]
pub fn Progress() -> impl IntoView {
    view! {
        <PageHeader title="Progress" lead="Your scores, mastery and review queue, kept in this browser."/>
        <PlannedFeature
            summary="Progress will chart your results over time, estimate your readiness for the RHIT exam with its reasoning shown, and bring missed items back on a spaced-repetition schedule."
            items=&[
                "Score trend, activity calendar, streak and time spent",
                "Mastery per RHIT domain and per coding skill",
                "A review queue of missed questions and codes",
                "Export to a file and import on another device, without losing either side",
            ]
        />
        <CardSection id="where" title="Where your data lives">
            <p>
                "HIT Trainer has no account and no server: what you save stays in this browser's local storage. "
                "Settings shows what is stored and any data that could not be read. "
                <A href="/settings">"Open Settings"</A>
            </p>
        </CardSection>
    }
}
