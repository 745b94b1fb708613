use hit_core::rhit::Domain;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::focus_element;
use crate::exam_session::{end_quiz, quiz_go_to, start_quiz, with_bank};
use crate::state::use_app;

/// The end of a quiz: the score, how each domain went, every question with
/// its result (each one reopens), and a retry of the missed ones.
#[component]
pub fn QuizSummary() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let Some(session) = state.quiz.get_untracked().session else { return ().into_any() };
    let summary = with_bank(&state, |b| session.summary(b));
    let missed_ids: Vec<String> = summary.missed.iter().filter_map(|&p| session.ids.get(p).cloned()).collect();
    let unanswered: Vec<usize> = (0..session.ids.len()).filter(|p| !session.answers.contains_key(p)).collect();
    let percent = if summary.answered == 0 { 0 } else { (summary.right * 100 + summary.answered / 2) / summary.answered };
    request_animation_frame(|| focus_element("summary-heading"));
    let retry = {
        let navigate = navigate.clone();
        move |_| {
            if start_quiz(&state, "Retry of missed questions", missed_ids.clone()) {
                navigate("/exam/quiz", Default::default());
            }
        }
    };
    let has_missed = !summary.missed.is_empty();
    // An assignment's quiz goes back to the assignment (its answers are kept there).
    let (back, back_label) = if session.assignment.is_some() { ("/assignments", "Finish and go back to your assignments") } else { ("/exam", "Finish and go back to exam prep") };
    let finish = move |_| {
        end_quiz(&state);
        navigate(back, Default::default());
    };
    view! {
        <section class="card quiz-summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading" tabindex="-1">{format!("You got {} of {} right ({percent}%)", summary.right, summary.answered)}</h2>
            {(!unanswered.is_empty()).then(|| view! {
                <p>{format!("{} of {} questions are not answered yet. ", unanswered.len(), summary.total)}
                    <button type="button" class="button button--small button--quiet"
                        on:click={let first = unanswered[0]; move |_| quiz_go_to(&state, first)}>
                        {format!("Go to question {}", unanswered[0] + 1)}
                    </button>
                </p>
            })}
            <div class="table-scroll">
                <table class="data-table compact">
                    <caption class="visually-hidden">"Your answers in this quiz by RHIT domain"</caption>
                    <thead><tr><th scope="col">"Domain"</th><th scope="col">"Right"</th></tr></thead>
                    <tbody>
                        {summary.by_domain.iter().map(|(d, m)| view! {
                            <tr>
                                <td>{Domain::new(*d).map_or(String::new(), |d| format!("{}. {}", d.number(), d.name()))}</td>
                                <td>{format!("{} of {} ({:.0}%)", m.right, m.total, m.percent())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"Every question"</h3>
            <ol class="quiz-results">
                {(0..session.ids.len()).map(|p| {
                    let label = match session.answers.get(&p) {
                        None => "not answered",
                        Some(_) if summary.missed.contains(&p) => "wrong",
                        Some(_) => "right",
                    };
                    view! {
                        <li>
                            <button type="button" class="button button--small button--quiet" on:click=move |_| quiz_go_to(&state, p)>
                                {format!("Question {}: {label}", p + 1)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <div class="actions">
                {has_missed.then(|| view! { <button type="button" class="button" on:click=retry>"Retry the questions you missed"</button> })}
                <button type="button" class="button button--secondary" on:click=finish>{back_label}</button>
            </div>
        </section>
    }
    .into_any()
}
