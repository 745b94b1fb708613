use hit_core::codes::System;
use leptos::prelude::*;

use crate::codebook::CodesStatus;
use crate::coding_state::use_coding;
use crate::state::use_app;

const LIMIT: usize = 12;

/// The codebook beside the coding form: search either code set and add a
/// result to your codes. "Open in codebook" shows every note in a new tab.
#[component]
pub fn CodeFinder() -> impl IntoView {
    let state = use_app();
    let ui = use_coding();
    let query = RwSignal::new(String::new());
    let system = RwSignal::new(System::Icd10Cm);
    let added = RwSignal::new(String::new());
    let inpatient = ui.inpatient();
    let hits = Memo::new(move |_| match state.codes.get() {
        CodesStatus::Ready(cb) if !query.with(|q| q.trim().is_empty()) => Some(cb.index(system.get()).search(&query.get(), LIMIT)),
        _ => None,
    });
    let add = move |code: String| {
        match system.get_untracked() {
            System::Icd10Cm => ui.add_diagnosis(&code),
            System::Icd10Pcs => ui.add_procedure(&code),
        };
        added.set(format!("Added {code} to your {}.", if system.get_untracked() == System::Icd10Cm { "diagnoses" } else { "procedures" }));
    };
    view! {
        <section class="card code-finder" aria-labelledby="finder-heading">
            <h2 id="finder-heading">"Codebook"</h2>
            <div class="field">
                <label for="finder-query">"Search codes"</label>
                <input id="finder-query" type="search" autocomplete="off" spellcheck="false" placeholder="Words or a code" bind:value=query/>
            </div>
            {inpatient.then(|| view! {
                <fieldset class="segmented">
                    <legend class="visually-hidden">"Code set to search"</legend>
                    <label class="segment">
                        <input type="radio" name="finder-set" prop:checked=move || system.get() == System::Icd10Cm on:change=move |_| system.set(System::Icd10Cm)/>
                        <span>"ICD-10-CM"</span>
                    </label>
                    <label class="segment">
                        <input type="radio" name="finder-set" prop:checked=move || system.get() == System::Icd10Pcs on:change=move |_| system.set(System::Icd10Pcs)/>
                        <span>"ICD-10-PCS"</span>
                    </label>
                </fieldset>
            })}
            <p class="status" role="status">{move || added.get()}</p>
            <ul class="finder-results" aria-label="Codebook search results">
                <For each=move || hits.get().unwrap_or_default() key=|h| h.code.clone() let:hit>
                    {
                        let code = hit.code.clone();
                        let href = format!("/codebook/{}/{}", system.get_untracked().id(), hit.code);
                        view! {
                            <li>
                                <span class="code">{hit.code.clone()}</span>" "<span class="title">{hit.title.clone()}</span>
                                <span class="finder-actions">
                                    <button type="button" class="button button--small" aria-label=format!("Add {} to my codes", hit.code)
                                        on:click=move |_| add(code.clone())>"Add to my codes"</button>
                                    <a href=href target="_blank" rel="noopener" aria-label=format!("Open {} in the codebook (new tab)", hit.code)>"Notes"</a>
                                </span>
                            </li>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}
