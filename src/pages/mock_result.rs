//! `/exam/mock/results/N`: the Nth submitted mock exam.

use hit_core::mock::score;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::{mock_item_review::MockItemReview, mock_result_summary::MockResultSummary};
use crate::exam_session::with_bank;
use crate::state::use_app;

#[component]
pub fn MockResultPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let n = Memo::new(move |_| params.with(|p| p.get("n").and_then(|n| n.parse::<usize>().ok())).unwrap_or(0));
    move || {
        let n = n.get();
        let exam = state.mocks.with(|h| n.checked_sub(1).and_then(|i| h.exams.get(i).cloned()));
        let shape = state.content.with_value(|c| c.as_ref().map(|c| c.blueprint.shape.clone()));
        match (exam, shape) {
            (Some(exam), Some(shape)) => {
                let result = with_bank(&state, |b| score(&exam, b, &shape));
                let timed_out = exam.timed_out;
                view! {
                    <Title text=format!("Mock exam {n} results")/>
                    <header class="page-header">
                        <p class="eyebrow">"Exam prep · mock exam"</p>
                        <h1>{format!("Mock exam {n}: results")}</h1>
                    </header>
                    <MockResultSummary result=result.clone() shape=shape timed_out=timed_out/>
                    <MockItemReview exam=exam result=result/>
                    <p class="actions"><a class="button" href="/exam">"Back to exam prep"</a><a class="button button--secondary" href="/exam/mock">"Take another mock exam"</a></p>
                }
                .into_any()
            }
            _ => view! {
                <Title text="Result not found"/>
                <header class="page-header"><h1>"Result not found"</h1></header>
                <section class="card notice" role="alert">
                    <p>{format!("There is no mock exam {n} in this browser. Results are kept in the browser where the exam was taken.")}</p>
                    <p><a href="/exam">"Back to exam prep"</a></p>
                </section>
            }
            .into_any(),
        }
    }
}
