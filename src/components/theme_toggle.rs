use leptos::prelude::*;

use crate::browser::prefers_dark;
use crate::state::use_app;

/// One-click switch between light and dark. Its name says what a press
/// does; the full choice (including "match my device") is in Settings.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let state = use_app();
    let next = Memo::new(move |_| state.settings.with(|s| s.theme.toggled(prefers_dark())));
    let label = move || format!("Switch to {} theme", next.get().label().to_lowercase());
    view! {
        <button
            type="button"
            class="icon-button"
            aria-label=label
            title=label
            on:click=move |_| {
                let theme = next.get_untracked();
                state.update_settings(|s| s.theme = theme);
            }
        >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="icon-moon">
                <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z"/>
            </svg>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="icon-sun">
                <circle cx="12" cy="12" r="4"/>
                <path d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8"/>
            </svg>
        </button>
    }
}
