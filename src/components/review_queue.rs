use hit_core::review::{Target, target};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::{local_date, now_ms};
use crate::components::code_review::CodeReview;
use crate::exam_session::start_quiz;
use crate::state::use_app;

/// The review queue: what is due now, questions as a quiz and codes one by
/// one, and what is scheduled.
#[component]
pub fn ReviewQueue() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let now = now_ms();
    let due = Memo::new(move |_| state.review.with(|r| r.due(now).into_iter().map(String::from).collect::<Vec<_>>()));
    let stats = Memo::new(move |_| state.review.with(|r| (r.cards.len(), r.learned(), r.next_due_ms(now))));
    let questions = move || due.with(|d| d.iter().filter_map(|k| match target(k) { Some(Target::Question(id)) => Some(id.to_string()), _ => None }).collect::<Vec<_>>());
    // Fixed when the page opens, so a card checked here keeps showing its answer.
    let codes: Vec<String> = due.with_untracked(|d| d.iter().filter(|k| matches!(target(k), Some(Target::Code(..)))).take(10).cloned().collect());
    let start = Callback::new(move |()| {
        if start_quiz(&state, "Review queue", questions()) {
            navigate("/exam/quiz", Default::default());
        }
    });
    view! {
        <section class="card" aria-labelledby="review-heading">
            <h2 id="review-heading">"Review queue"</h2>
            <p>{move || {
                let (total, learned, next) = stats.get();
                let n = due.with(Vec::len);
                if total == 0 {
                    return "Questions you get wrong and codes you miss on graded charts come back here, spaced out further each time you get them right (FSRS scheduling).".to_string();
                }
                let next = next.map_or(String::new(), |t| format!(" The next one after these is due {}.", local_date(t)));
                format!("{n} due now, {total} in the queue, {learned} learned (back in three weeks or more).{next}")
            }}</p>
            {move || {
                let q = questions();
                (!q.is_empty()).then(|| view! {
                    <p><button type="button" class="button" on:click=move |_| start.run(())>{format!("Review {} due questions", q.len())}</button></p>
                })
            }}
            {(!codes.is_empty()).then(|| view! {
                <h3>"Codes to recall"</h3>
                <ul class="code-reviews">
                    {codes.into_iter().map(|key| view! { <li><CodeReview key=key/></li> }).collect_view()}
                </ul>
            })}
            <p class="hint">"How soon cards return follows the desired retention in "<a href="/settings">"Settings"</a>"."</p>
        </section>
    }
}
