use hit_core::settings::RETENTION_CHOICES;
use leptos::prelude::*;

use crate::state::use_app;

/// The review queue's desired retention: the share of cards you should
/// still recall when they come due. Higher brings them back sooner.
#[component]
pub fn RetentionPicker() -> impl IntoView {
    let state = use_app();
    let status = RwSignal::new(String::new());
    let change = move |ev| {
        if let Ok(r) = event_target_value(&ev).parse::<u8>() {
            let saved = state.update_settings(|s| s.review_retention = r);
            status.set(if saved { format!("Desired retention saved: {r}%. It applies from each card's next review.") } else { "Changed for this visit, but it could not be saved.".into() });
        }
    };
    view! {
        <div class="field">
            <label for="retention">"Desired retention for reviews"</label>
            <p class="hint" id="retention-hint">"The share of review cards you should still remember when they come due. 90% suits most; higher means more frequent reviews."</p>
            <select id="retention" aria-describedby="retention-hint" on:change=change prop:value=move || state.settings.with(|s| s.review_retention.to_string())>
                {RETENTION_CHOICES.map(|r| view! { <option value=r.to_string()>{format!("{r}%")}</option> }).to_vec()}
            </select>
            <p class="status" role="status">{move || status.get()}</p>
        </div>
    }
}
