use leptos::prelude::*;
use hit_core::sources::Status;

use crate::components::{card_section::CardSection, page_header::PageHeader};
use crate::state::use_app;

#[component]
pub fn About() -> impl IntoView {
    let state = use_app();
    let sources = state.content.with_value(|c| c.as_ref().map(|c| c.sources.clone()).unwrap_or_default());
    view! {
        <PageHeader title="About HIT Trainer" lead="A practice lab for health information technicians and RHIT candidates."/>
        <CardSection id="synthetic" title="Every patient is synthetic" class="callout">
            <p>
                "Every patient, chart, date and record number in HIT Trainer is invented, generated from scenarios we wrote. "
                "No real patient data is used, collected or stored. Any resemblance to a real person is coincidence."
            </p>
        </CardSection>
        <CardSection id="privacy" title="Your data">
            <p>
                "There is no account and no server. Your settings and progress are stored in this browser's local storage "
                "and never leave your device unless you export them."
            </p>
        </CardSection>
        <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">"Data sources and licences"</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table of data sources and licences">
                <table class="data-table">
                    <thead>
                        <tr><th scope="col">"Source"</th><th scope="col">"Version"</th><th scope="col">"Licence"</th><th scope="col">"In the app"</th></tr>
                    </thead>
                    <tbody>
                        {sources.into_iter().map(|s| view! {
                            <tr>
                                <th scope="row">{s.name}<span class="muted block">{s.publisher}</span></th>
                                <td>{s.version}</td>
                                <td>{s.licence}</td>
                                <td>
                                    <span class="status-chip" class:ready=s.status == Status::Bundled class:excluded=s.status == Status::Excluded>
                                        {s.status.label()}
                                    </span>
                                    <span class="block">{s.purpose}</span>
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <CardSection id="cpt" title="Why CPT is not included">
            <p>
                "CPT codes and descriptions belong to the American Medical Association, which licenses them for a fee. "
                "Bundling them would break that licence, so HIT Trainer teaches outpatient coding with ICD-10-CM and HCPCS Level II, "
                "which are public domain. A program that holds its own CPT licence will be able to load its CPT data itself. "
                "ICD-O-3, the WHO's oncology classification, is left out for the same reason."
            </p>
        </CardSection>
        <CardSection id="independence" title="Independence">
            <p>
                "HIT Trainer is an independent study tool. It is not affiliated with or endorsed by AHIMA, and its questions are "
                "our own writing, not items from any exam. RHIT is a credential of AHIMA."
            </p>
        </CardSection>
    }
}
