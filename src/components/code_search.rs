use hit_core::codes::System;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::codebook::CodesStatus;
use crate::state::use_app;

/// How many results to show at once.
const LIMIT: usize = 50;

/// The search box, the code-set switch and the ranked results.
#[component]
pub fn CodeSearch(query: RwSignal<String>, system: RwSignal<System>) -> impl IntoView {
    let state = use_app();
    let hits = Memo::new(move |_| {
        let q = query.get();
        match state.codes.get() {
            CodesStatus::Ready(cb) if !q.trim().is_empty() => Some(cb.index(system.get()).search(&q, LIMIT)),
            _ => None,
        }
    });
    let switch = move |s: System| {
        view! {
            <label class="segment">
                <input type="radio" name="code-set" prop:checked=move || system.get() == s on:change=move |_| system.set(s)/>
                <span>{s.name()}</span>
            </label>
        }
    };
    view! {
        <div class="code-search" role="search" aria-label="Codebook">
            <div class="field">
                <label for="code-query">"Search codes"</label>
                <input id="code-query" type="search" autocomplete="off" spellcheck="false"
                    placeholder="Words or a code, e.g. diabetes hyperglycemia, E11.6, 0DT"
                    bind:value=query/>
            </div>
            <fieldset class="segmented">
                <legend class="visually-hidden">"Code set"</legend>
                {switch(System::Icd10Cm)}
                {switch(System::Icd10Pcs)}
            </fieldset>
            <p class="status muted" role="status">
                {move || match hits.get() {
                    Some(h) if h.is_empty() => "No codes match every word.".to_string(),
                    Some(h) if h.len() == LIMIT => format!("Top {LIMIT} results"),
                    Some(h) => format!("{} result{}", h.len(), if h.len() == 1 { "" } else { "s" }),
                    None => String::new(),
                }}
            </p>
            <ul class="results" aria-label="Search results">
                <For each=move || hits.get().unwrap_or_default() key=|h| h.code.clone() let:hit>
                    <li>
                        <A href=format!("/codebook/{}/{}", system.get_untracked().id(), hit.code)>
                            <span class="code">{hit.code.clone()}</span>" "
                            <span class="title">{hit.title.clone()}</span>
                        </A>
                    </li>
                </For>
            </ul>
        </div>
    }
}
