use hit_core::quiz::option_order;
use leptos::prelude::*;

use crate::browser::now_ms;
use crate::components::item_view::ItemView;
use crate::exam_session::{case_of, change_mock, item};
use crate::state::use_app;

/// The mock exam item at `slot` with its buttons: previous, flag, next (or
/// the review screen after the last). Each choice is saved at once; there is
/// no feedback until the exam is submitted.
#[component]
pub fn MockQuestion(index: usize, on_go: Callback<usize>, on_review: Callback<()>) -> impl IntoView {
    let state = use_app();
    let slot = index;
    let (id, total, seed, chosen) = state.mock.with_untracked(|m| {
        m.exam
            .as_ref()
            .map(|e| (e.slots.get(slot).map(|s| s.item.clone()).unwrap_or_default(), e.slots.len(), e.seed, e.answers.get(&slot).cloned().unwrap_or_default()))
            .unwrap_or_default()
    });
    let flagged = Memo::new(move |_| state.mock.with(|m| m.exam.as_ref().is_some_and(|e| e.flags.contains(&slot))));
    let last = slot + 1 >= total;
    let body = match item(&state, &id) {
        Some(it) => {
            let order = option_order(&it, seed);
            let case = case_of(&state, &it);
            let selected = RwSignal::new(chosen);
            let on_change = Callback::new(move |picked: Vec<usize>| change_mock(&state, |e| e.answer(slot, picked, now_ms())));
            view! { <ItemView item=it order=order case=case selected=selected locked=false on_change=on_change/> }.into_any()
        }
        None => view! { <p class="notice" role="alert">{format!("Question “{id}” is no longer in the question bank; it will be scored as unanswered.")}</p> }.into_any(),
    };
    view! {
        <form class="card quiz-item" aria-labelledby="question-heading" data-item=id.clone() on:submit=|ev| ev.prevent_default()>
            <h2 id="question-heading" tabindex="-1">{format!("Question {} of {total}", slot + 1)}</h2>
            {body}
            <div class="actions">
                <button type="button" class="button button--quiet" disabled=slot == 0 on:click=move |_| on_go.run(slot.saturating_sub(1))>"Previous question"</button>
                <button type="button" class="button button--quiet" aria-pressed=move || flagged.get().to_string()
                    on:click=move |_| change_mock(&state, |e| e.toggle_flag(slot))>
                    {move || if flagged.get() { "Flagged for review" } else { "Flag for review" }}
                </button>
                {if last {
                    view! { <button type="button" class="button" on:click=move |_| on_review.run(())>"Go to the review screen"</button> }.into_any()
                } else {
                    view! { <button type="button" class="button" on:click=move |_| on_go.run(slot + 1)>"Next question"</button> }.into_any()
                }}
            </div>
        </form>
    }
}
