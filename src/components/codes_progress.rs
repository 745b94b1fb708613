use leptos::prelude::*;

use crate::codebook::{CodesStatus, ensure_loaded};
use crate::state::use_app;

/// Download and preparation progress of the code sets, or why they failed.
#[component]
pub fn CodesProgress() -> impl IntoView {
    let state = use_app();
    move || match state.codes.get() {
        CodesStatus::Idle | CodesStatus::Ready(_) => ().into_any(),
        CodesStatus::Downloading { received, total } => {
            let percent = if total > 0.0 { (received / total * 100.0).round().min(100.0) } else { 0.0 };
            view! {
                <div class="card loading" role="status">
                    <label for="codes-progress">"Loading the FY2026 code sets: " {percent} "%"</label>
                    <progress id="codes-progress" max="100" value=percent></progress>
                    <p class="muted">{format!("{:.1} of {:.1} MB", received / 1e6, total / 1e6)} ". The rest of the app works meanwhile."</p>
                </div>
            }
            .into_any()
        }
        CodesStatus::Preparing => view! {
            <div class="card loading" role="status">
                <p>"Preparing the code sets for search…"</p>
                <progress max="100"></progress>
            </div>
        }
        .into_any(),
        CodesStatus::Failed(message) => view! {
            <div class="notice" role="alert">
                <h2>"The code sets could not be loaded"</h2>
                <p>{message}</p>
                <button type="button" class="button" on:click=move |_| {
                    state.codes.set(CodesStatus::Idle);
                    ensure_loaded(state.codes);
                }>"Try again"</button>
            </div>
        }
        .into_any(),
    }
}
