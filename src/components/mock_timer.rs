use hit_core::mock::{clock, time_warning};
use leptos::prelude::*;

/// The countdown. It is not a live region (a screen reader would read it
/// every second); warnings are announced at set points instead.
#[component]
pub fn MockTimer(#[prop(into)] remaining: Signal<i64>) -> impl IntoView {
    let announce = RwSignal::new("");
    Effect::new(move |_| {
        if let Some(w) = time_warning(remaining.get()) {
            announce.set(w);
        }
    });
    view! {
        <p class=move || if remaining.get() <= 600_000 { "mock-timer mock-timer--low" } else { "mock-timer" }>
            <span>"Time left "</span>
            <span role="timer" aria-label="Time left">{move || clock(remaining.get())}</span>
        </p>
        <p class="visually-hidden" aria-live="assertive">{move || announce.get()}</p>
    }
}
