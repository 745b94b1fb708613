use hit_core::settings::parse_base_rate;
use leptos::prelude::*;

use crate::state::use_app;

/// Edits the base rate that turns an MS-DRG's relative weight into dollars.
#[component]
pub fn BaseRateForm() -> impl IntoView {
    let state = use_app();
    let draft = RwSignal::new(state.settings.with_untracked(|s| s.drg_base_rate.to_string()));
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_base_rate(&draft.get_untracked()) {
            Ok(rate) => {
                error.set(None);
                draft.set(rate.to_string());
                let saved = state.update_settings(|s| s.drg_base_rate = rate);
                status.set(if saved { format!("Base rate saved: ${rate} per unit of weight.") } else { "Changed for this visit, but it could not be saved.".into() });
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
                <label for="base-rate">"MS-DRG base rate (dollars)"</label>
                <p class="hint" id="base-rate-hint">
                    "Payment for a stay is the MS-DRG's relative weight times this rate. The default is an example; "
                    "enter your hospital's rate to see its real dollars."
                </p>
                <input id="base-rate" type="text" inputmode="numeric" autocomplete="off"
                    aria-describedby="base-rate-hint base-rate-error"
                    aria-invalid=move || error.with(|e| e.is_some()).to_string()
                    bind:value=draft/>
                <p class="field-error" id="base-rate-error">{move || error.get()}</p>
            </div>
            <div class="actions">
                <button type="submit" class="button">"Save base rate"</button>
                <p class="status" role="status">{move || status.get()}</p>
            </div>
        </form>
    }
}
