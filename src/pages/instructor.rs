use leptos::prelude::*;

use crate::components::{page_header::PageHeader, planned_feature::PlannedFeature};

#[component]
pub fn Instructor() -> impl IntoView {
    view! {
        <PageHeader title="Instructor" lead="Tools for HIM programs using HIT Trainer in a course."/>
        <PlannedFeature
            summary="Instructors will be able to assign the same charts and quizzes to a whole class, since every chart is reproducible from its scenario and seed, and review the results students bring back."
            items=&[
                "Assignments as shareable links to a chart, seed and quiz",
                "Answer keys with rationales for discussion",
                "A guide to writing your own scenarios in the documented content format",
            ]
        />
    }
}
