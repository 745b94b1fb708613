use hit_core::codes::System;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;

use crate::codebook::{CodesStatus, ensure_loaded};
use crate::components::{
    cm_detail::CmDetail, code_search::CodeSearch, codes_progress::CodesProgress, page_header::PageHeader,
    pcs_builder::PcsBuilder, pcs_detail::PcsDetail,
};
use crate::state::use_app;

/// Search state shared by the codebook's child routes.
#[derive(Clone, Copy)]
struct CodebookUi {
    query: RwSignal<String>,
    system: RwSignal<System>,
}

/// `/codebook`: search on one side, the selected code or the PCS table
/// builder on the other. The code sets load after the page paints.
#[component]
pub fn Codebook() -> impl IntoView {
    let state = use_app();
    let ui = CodebookUi { query: RwSignal::new(String::new()), system: RwSignal::new(System::Icd10Cm) };
    provide_context(ui);
    // Start the download once the page has painted.
    Effect::new(move |_| ensure_loaded(state.codes));
    view! {
        <PageHeader title="Codebook" lead="The FY2026 ICD-10-CM tabular with every instructional note, and the ICD-10-PCS tables."/>
        <CodesProgress/>
        <div class="codebook">
            <CodeSearch query=ui.query system=ui.system/>
            <div class="codebook__detail">
                <Outlet/>
            </div>
        </div>
    }
}

/// `/codebook`: guidance, or the PCS table builder when PCS is selected.
#[component]
pub fn CodebookHome() -> impl IntoView {
    let state = use_app();
    let ui = expect_context::<CodebookUi>();
    move || match (state.codes.get(), ui.system.get()) {
        (CodesStatus::Ready(cb), System::Icd10Pcs) => view! { <PcsBuilder codebook=cb/> }.into_any(),
        _ => view! {
            <section class="card" aria-labelledby="howto-heading">
                <h2 id="howto-heading">"Look up a code"</h2>
                <p>"Type words in any order, or the start of a code. Every word must match the start of a word in a title or an inclusion term."</p>
                <ul class="checklist">
                    <li><code>"diabetes hyperglycemia type 2"</code></li>
                    <li><code>"E11.6"</code>" lists the codes under E11.6"</li>
                    <li>"Switch to ICD-10-PCS to search procedures or build a code from the tables."</li>
                </ul>
            </section>
        }
        .into_any(),
    }
}

/// `/codebook/:system/:code`: one code, linkable.
#[component]
pub fn CodeView() -> impl IntoView {
    let state = use_app();
    let ui = expect_context::<CodebookUi>();
    let params = use_params_map();
    let system = move || params.with(|p| p.get("system").and_then(|s| System::from_id(&s)));
    let code = move || params.with(|p| p.get("code").unwrap_or_default());
    Effect::new(move |_| {
        if let Some(s) = system() {
            ui.system.set(s);
        }
    });
    move || match (state.codes.get(), system()) {
        (CodesStatus::Ready(cb), Some(System::Icd10Cm)) => view! { <CmDetail code=code() codebook=cb/> }.into_any(),
        (CodesStatus::Ready(cb), Some(System::Icd10Pcs)) => view! { <PcsDetail code=code() codebook=cb/> }.into_any(),
        (_, None) => view! {
            <p class="card">"Unknown code set. Use /codebook/icd10cm/CODE or /codebook/icd10pcs/CODE."</p>
        }
        .into_any(),
        _ => view! { <p class="card muted">"The code will show once the code sets have loaded."</p> }.into_any(),
    }
}
