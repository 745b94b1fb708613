use leptos::prelude::*;

use crate::components::{page_header::PageHeader, planned_feature::PlannedFeature};

#[component]
pub fn Charts() -> impl IntoView {
    view! {
        <PageHeader title="Charts" lead="Synthetic patient records to read and code, generated from scenario templates."/>
        <PlannedFeature
            summary="The chart library will hold inpatient, outpatient, emergency and same-day surgery cases across body systems and three difficulty levels. The same case and seed always produce the same chart, so a class can work on identical records."
            items=&[
                "Filter by setting, body system and difficulty, or open a new random chart",
                "An EHR-style viewer: patient banner, document navigator and print layout",
                "Face sheet, H&P, progress notes, orders, labs with reference ranges, imaging, operative and pathology reports, discharge summary",
                "A link from every chart straight into the coding workspace",
            ]
        />
    }
}
