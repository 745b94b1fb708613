use leptos::prelude::*;

use hit_core::settings::ThemeChoice;

use crate::state::use_app;

/// The full theme choice: follow the device, or force light or dark.
#[component]
pub fn ThemePicker() -> impl IntoView {
    let state = use_app();
    view! {
        <fieldset class="choice-group">
            <legend>"Theme"</legend>
            {ThemeChoice::ALL
                .into_iter()
                .map(|choice| {
                    let id = format!("theme-{choice:?}").to_lowercase();
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                name="theme"
                                id=id.clone()
                                prop:checked=move || state.settings.with(|s| s.theme == choice)
                                on:change=move |_| {
                                    state.update_settings(|s| s.theme = choice);
                                }
                            />
                            <label for=id>{choice.label()}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
