use leptos::prelude::*;

use crate::browser::focus_main;

/// "Skip to main content". The router intercepts fragment links, so the
/// click moves focus to the main region itself, as a browser would.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                focus_main();
            }
        >
            "Skip to main content"
        </a>
    }
}
