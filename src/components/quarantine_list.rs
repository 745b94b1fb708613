use leptos::prelude::*;

use super::download_link::DownloadLink;
use crate::state::use_app;

/// Records that could not be read and were moved aside, each downloadable
/// and deletable (only on request).
#[component]
pub fn QuarantineList() -> impl IntoView {
    let state = use_app();
    view! {
        <Show
            when=move || state.quarantine.with(|q| !q.is_empty())
            fallback=|| view! { <p class="muted">"No unreadable data has been found. Everything saved reads correctly."</p> }
        >
            <ul class="quarantine-list">
                <For each=move || state.quarantine.get() key=|entry| entry.key.clone() let:entry>
                    {
                        let key = entry.key.clone();
                        let when = js_sys::Date::new(&(entry.at_ms as f64).into())
                            .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED);
                        let filename = format!("hit-trainer-unreadable-{}-{}.json", entry.original_key.trim_start_matches("hit."), entry.at_ms);
                        view! {
                            <li>
                                <p>
                                    <strong>{entry.original_key.clone()}</strong>
                                    " moved aside " {String::from(when)} " (" {entry.raw.len()} " bytes)"
                                </p>
                                <div class="actions">
                                    <DownloadLink text=entry.raw.clone() filename label=format!("Download {}", entry.original_key)/>
                                    <button
                                        type="button"
                                        class="button button--danger"
                                        aria-label=format!("Delete the unreadable copy of {}", entry.original_key)
                                        on:click=move |_| {
                                            let ok = window()
                                                .confirm_with_message("Delete this unreadable data for good? Download it first if you might need it.")
                                                .unwrap_or(false);
                                            if ok {
                                                state.discard_quarantined(&key);
                                            }
                                        }
                                    >
                                        "Delete"
                                    </button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
    }
}
