//! `/exam/quiz`: the quiz in progress, one item at a time with feedback at
//! once, then a summary. The quiz is saved after every answer, so a reload
//! or a closed tab resumes it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{quiz_question::QuizQuestion, quiz_summary::QuizSummary};
use crate::state::use_app;

#[component]
pub fn Quiz() -> impl IntoView {
    let state = use_app();
    // Re-render when the position changes, not on every answer.
    let at = Memo::new(move |_| state.quiz.with(|q| q.session.as_ref().map(|s| (s.title.clone(), s.current, s.ids.len(), s.started_ms))));
    move || match at.get() {
        None => view! {
            <Title text="Quiz"/>
            <header class="page-header"><h1>"No quiz in progress"</h1></header>
            <section class="card">
                <p>"Start practice, a quick set or a custom quiz from exam prep."</p>
                <p><a class="button" href="/exam">"Go to exam prep"</a></p>
            </section>
        }
        .into_any(),
        Some((title, pos, total, _)) => view! {
            <Title text=title.clone()/>
            <header class="page-header">
                <p class="eyebrow">"Exam prep · practice"</p>
                <h1>{title}</h1>
                <progress class="quiz-progress" max=total.to_string() value=pos.min(total).to_string()
                    aria-label=format!("Progress: {} of {total} questions", pos.min(total))></progress>
            </header>
            {if pos >= total { view! { <QuizSummary/> }.into_any() } else { view! { <QuizQuestion pos=pos/> }.into_any() }}
        }
        .into_any(),
    }
}
