use hit_core::mock::score;
use leptos::prelude::*;

use crate::browser::now_ms;
use crate::exam_session::with_bank;
use crate::state::use_app;

/// The mock exam on the exam-prep page: its shape, a start or resume link,
/// and every past result.
#[component]
pub fn MockCard() -> impl IntoView {
    let state = use_app();
    let Some(shape) = state.content.with_value(|c| c.as_ref().map(|c| c.blueprint.shape.clone())) else { return ().into_any() };
    let results = Memo::new(move |_| {
        state.mocks.with(|h| {
            with_bank(&state, |b| h.exams.iter().enumerate().map(|(i, e)| (i + 1, e.submitted_ms.unwrap_or(e.deadline_ms), score(e, b, &shape))).rev().collect::<Vec<_>>())
        })
    });
    let in_progress = Memo::new(move |_| state.mock.with(|m| m.exam.as_ref().map(|e| (e.answered(), e.slots.len(), e.remaining_ms(now_ms())))));
    let lead = state.content.with_value(|c| {
        c.as_ref().map(|c| {
            let s = &c.blueprint.shape;
            format!("{} questions in {} hours {} minutes, like the real exam: {} scored and {} unscored pretest questions mixed in unmarked, a countdown, flags and a review screen, and no feedback until you submit.",
                s.items, s.minutes / 60, s.minutes % 60, s.scored, s.pretest)
        })
    });
    view! {
        <section class="card callout" aria-labelledby="mock-heading">
            <h2 id="mock-heading">"Mock exam"</h2>
            <p>{lead}</p>
            {move || match in_progress.get() {
                Some((done, total, left)) => view! {
                    <p>{format!("You have a mock exam under way: {done} of {total} answered, {} left.", hit_core::mock::clock(left))}</p>
                    <p><a class="button" href="/exam/mock">"Resume the mock exam"</a></p>
                }.into_any(),
                None => view! { <p><a class="button" href="/exam/mock">"Go to the mock exam"</a></p> }.into_any(),
            }}
            {move || {
                let results = results.get();
                (!results.is_empty()).then(|| view! {
                    <h3>"Your mock exam results"</h3>
                    <ul class="mock-results">
                        {results.into_iter().map(|(n, at, r)| {
                            let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64)).to_locale_date_string("en-US", &wasm_bindgen::JsValue::UNDEFINED);
                            view! {
                                <li>
                                    <a href=format!("/exam/mock/results/{n}")>{format!("Mock exam {n}, {}", String::from(when))}</a>
                                    {format!(": estimated {} ({} of {} scored right){}", r.scaled, r.right, r.scored, if r.passed { ", above the pass line" } else { "" })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
    .into_any()
}
