use leptos::prelude::*;

use crate::components::{page_header::PageHeader, planned_feature::PlannedFeature};

#[component]
pub fn Exam() -> impl IntoView {
    view! {
        <PageHeader title="Exam prep" lead="Original RHIT-style questions mapped to the six exam domains."/>
        <PlannedFeature
            summary="Exam prep will offer practice with instant feedback, custom quizzes, calculation questions with worked solutions, and a timed mock exam that follows the published exam blueprint."
            items=&[
                "Single-best-answer, multiple-response and case-based questions with a rationale for every option",
                "Healthcare statistics and reimbursement calculations with new numbers every time",
                "Question of the day, quick sets, and practice on your weakest domain",
                "A mock exam with countdown, flags, review screen and a scaled-score estimate",
            ]
        />
    }
}
