use leptos::prelude::*;

use crate::components::{page_header::PageHeader, planned_feature::PlannedFeature};

#[component]
pub fn Coding() -> impl IntoView {
    view! {
        <PageHeader title="Coding" lead="Code a chart the way a hospital coder does, then see how your coding is graded and grouped."/>
        <PlannedFeature
            summary="The coding workspace will put a chart beside a coding form, check codes as you type, and grade your work against the answer key with partial credit and a rationale tied to the coding guidelines."
            items=&[
                "ICD-10-CM diagnoses with POA indicators, principal diagnosis first, reorderable by keyboard",
                "ICD-10-PCS procedures with dates, and a codebook side panel",
                "Grading per code: exact, wrong specificity, missing, extra, wrong POA, wrong principal diagnosis",
                "Your MS-DRG beside the correct one, with relative weight and the payment difference",
            ]
        />
    }
}
