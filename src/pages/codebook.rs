use leptos::prelude::*;

use crate::components::{page_header::PageHeader, planned_feature::PlannedFeature};

#[component]
pub fn Codebook() -> impl IntoView {
    view! {
        <PageHeader title="Codebook" lead="The FY2026 code sets, searchable, with every instructional note."/>
        <PlannedFeature
            summary="The codebook will carry the complete FY2026 ICD-10-CM and ICD-10-PCS, built from the official CMS and NCHS files, and load after the page so the rest of the app stays quick."
            items=&[
                "Search titles, inclusion terms and codes as you type",
                "Each code with its billable status, hierarchy and every note, including inherited Excludes1, Excludes2 and Code first notes",
                "A PCS table builder that offers only valid values, character by character",
                "Links you can share, such as a direct link to one code",
            ]
        />
    }
}
