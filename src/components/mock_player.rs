use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::{focus_element, now_ms};
use crate::components::{mock_navigator::MockNavigator, mock_question::MockQuestion, mock_review::MockReview, mock_timer::MockTimer};
use crate::exam_session::{change_mock, finish_mock};
use crate::state::use_app;

/// The mock exam under way: countdown, one question at a time, flags, the
/// navigator and the review screen. When time runs out it submits itself.
#[component]
pub fn MockPlayer() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_millis(1000)) {
        on_cleanup(move || handle.clear());
    }
    let deadline = state.mock.with_untracked(|m| m.exam.as_ref().map_or(0, |e| e.deadline_ms));
    let remaining = Signal::derive(move || deadline - now.get());
    let reviewing = RwSignal::new(false);
    let current = Memo::new(move |_| state.mock.with(|m| m.exam.as_ref().map_or(0, |e| e.current)));
    let total = state.mock.with_untracked(|m| m.exam.as_ref().map_or(0, |e| e.slots.len()));
    let entered = StoredValue::new(now_ms());
    let seconds_here = move || ((now_ms() - entered.get_value()) / 1000).clamp(0, 86_400) as u32;
    let go = Callback::new(move |slot: usize| {
        let secs = seconds_here();
        change_mock(&state, |e| e.go_to(slot, secs));
        entered.set_value(now_ms());
        reviewing.set(false);
        request_animation_frame(|| focus_element("question-heading"));
    });
    let submit = Callback::new(move |()| {
        if let Some(n) = finish_mock(&state, seconds_here()) {
            navigate(&format!("/exam/mock/results/{n}"), Default::default());
        }
    });
    // The clock submits at the deadline (a reload after it is handled by the page).
    Effect::new(move |_| {
        if remaining.get() <= 0 && state.mock.with_untracked(|m| m.exam.is_some()) {
            submit.run(());
        }
    });
    let answered = Memo::new(move |_| state.mock.with(|m| m.exam.as_ref().map_or(0, |e| e.answered())));
    let open_review = move |_: ()| {
        reviewing.set(true);
        request_animation_frame(|| focus_element("review-heading"));
    };
    view! {
        <div class="mock-bar card" role="region" aria-label="Exam status">
            <MockTimer remaining=remaining/>
            <p class="mock-bar__count">{move || format!("{} of {total} answered", answered.get())}</p>
            <div class="actions">
                <button type="button" class="button button--secondary" on:click=move |_| open_review(())>"Review and submit"</button>
            </div>
        </div>
        <div class="mock-layout">
            <div class="mock-main">
                {move || if reviewing.get() {
                    view! { <MockReview on_go=go on_submit=submit/> }.into_any()
                } else {
                    view! { <MockQuestion index=current.get() on_go=go on_review=Callback::new(move |()| open_review(()))/> }.into_any()
                }}
            </div>
            <MockNavigator on_go=go/>
        </div>
    }
}
