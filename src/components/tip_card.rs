use leptos::prelude::*;

use crate::browser::local_day;
use crate::state::use_app;

/// Today's study tip; the same tip on every device on the same day.
#[component]
pub fn TipCard() -> impl IntoView {
    let state = use_app();
    let tip = state
        .content
        .with_value(|c| c.as_ref().and_then(|c| hit_core::tips::daily_tip(&c.tips, local_day()).cloned()));
    tip.map(|tip| {
        view! {
            <section class="card tip-card" aria-labelledby="tip-heading">
                <h2 id="tip-heading">"Tip of the day"</h2>
                <p class="tip-card__text">{tip.text}</p>
                <p class="tip-card__domain">
                    "RHIT domain " {tip.domain.number()} ": " {tip.domain.name()}
                </p>
            </section>
        }
    })
}
