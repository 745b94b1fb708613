use leptos::prelude::*;

use hit_core::settings::{MAX_NAME_CHARS, normalize_display_name};

use crate::state::use_app;

/// Edits the display name used in greetings.
#[component]
pub fn NameForm() -> impl IntoView {
    let state = use_app();
    let draft = RwSignal::new(state.settings.with_untracked(|s| s.display_name.clone()));
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match normalize_display_name(&draft.get_untracked()) {
            Ok(name) => {
                error.set(None);
                draft.set(name.clone());
                let cleared = name.is_empty();
                let saved = state.update_settings(|s| s.display_name = name);
                status.set(match (saved, cleared) {
                    (true, false) => "Name saved.".into(),
                    (true, true) => "Name cleared.".into(),
                    (false, _) => "Name changed for this visit, but it could not be saved.".into(),
                });
            }
            Err(e) => {
                status.set(String::new());
                error.set(Some(e.to_string()));
            }
        }
    };
    view! {
        <form class="stack" on:submit=on_submit novalidate>
            <div class="field">
                <label for="display-name">"Display name"</label>
                <p class="hint" id="display-name-hint">
                    "Used to greet you on this device. Up to " {MAX_NAME_CHARS} " characters; leave empty to clear."
                </p>
                <input
                    id="display-name"
                    type="text"
                    autocomplete="nickname"
                    aria-describedby="display-name-hint display-name-error"
                    aria-invalid=move || error.with(|e| e.is_some()).to_string()
                    bind:value=draft
                />
                <p class="field-error" id="display-name-error">{move || error.get()}</p>
            </div>
            <div class="actions">
                <button type="submit" class="button">"Save name"</button>
                <p class="status" role="status">{move || status.get()}</p>
            </div>
        </form>
    }
}
