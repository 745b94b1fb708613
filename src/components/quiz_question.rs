use hit_core::exam::ItemType;
use hit_core::quiz::option_order;
use leptos::prelude::*;

use crate::browser::{focus_element, now_ms};
use crate::components::{item_feedback::ItemFeedback, item_view::ItemView};
use crate::exam_session::{answer_quiz, case_of, item, quiz_go_to, toggle_flag};
use crate::state::use_app;

/// The quiz item at `pos`: answer it, get feedback at once, flag it, move on.
#[component]
pub fn QuizQuestion(pos: usize) -> impl IntoView {
    let state = use_app();
    let (id, total, seed) = state.quiz.with_untracked(|q| {
        q.session.as_ref().map(|s| (s.ids.get(pos).cloned().unwrap_or_default(), s.ids.len(), s.seed)).unwrap_or_default()
    });
    let chosen = Memo::new(move |_| state.quiz.with(|q| q.session.as_ref().and_then(|s| s.answers.get(&pos).cloned())));
    let last = pos + 1 >= total;
    let next_label = move || match (last, chosen.with(Option::is_some)) {
        (true, _) => "See your results",
        (false, true) => "Next question",
        (false, false) => "Skip this question",
    };
    // Moving on puts focus on the next question's heading (or the summary's).
    let go = move |to: usize| {
        quiz_go_to(&state, to);
        request_animation_frame(|| focus_element("question-heading"));
    };
    let nav = view! {
        <div class="actions quiz-nav">
            {(pos > 0).then(|| view! {
                <button type="button" class="button button--quiet" on:click=move |_| go(pos - 1)>"Previous question"</button>
            })}
            <button type="button" class="button button--secondary" on:click=move |_| go(pos + 1)>{next_label}</button>
        </div>
    };
    let Some(it) = item(&state, &id) else {
        return view! {
            <p class="notice" role="alert">{format!("Question “{id}” is no longer in the question bank. Skip it to go on.")}</p>
            {nav}
        }
        .into_any();
    };
    let order = option_order(&it, seed);
    let case = case_of(&state, &it);
    let selected = RwSignal::new(chosen.get_untracked().unwrap_or_default());
    let status = RwSignal::new(String::new());
    let shown_at = now_ms();
    let (kind, choose) = (it.kind, it.choose);
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let picked = selected.get_untracked();
        if picked.is_empty() {
            status.set("Choose an answer first.".into());
            return;
        }
        if kind == ItemType::Multiple && picked.len() != choose {
            status.set(format!("Choose exactly {choose} answers; you have chosen {}.", picked.len()));
            return;
        }
        status.set(String::new());
        let seconds = ((now_ms() - shown_at) / 1000).clamp(0, i64::from(u32::MAX)) as u32;
        if answer_quiz(&state, pos, picked, seconds).is_some() {
            request_animation_frame(|| focus_element("feedback-heading"));
        }
    };
    let flag_id = id.clone();
    let data_item = id.clone();
    let flagged = Memo::new(move |_| state.history.with(|h| h.flags.contains(&flag_id)));
    let feedback_item = StoredValue::new((it.clone(), order.clone()));
    view! {
        <form class="card quiz-item" aria-labelledby="question-heading" data-item=data_item on:submit=check>
            <div class="quiz-item__top">
                <h2 id="question-heading" tabindex="-1">{format!("Question {} of {total}", pos + 1)}</h2>
                <p class="muted">{format!("Domain {} · {} · {}", it.domain.number(), it.domain.name(), it.cognitive.label())}</p>
            </div>
            <ItemView item=it order=order case=case selected=selected locked=Signal::derive(move || chosen.with(Option::is_some))/>
            <div class="actions">
                {move || chosen.with(Option::is_none).then(|| view! { <button type="submit" class="button">"Check answer"</button> })}
                <button type="button" class="button button--quiet" aria-pressed=move || flagged.get().to_string()
                    on:click=move |_| { toggle_flag(&state, &id); }>
                    {move || if flagged.get() { "Flagged for review" } else { "Flag for review" }}
                </button>
                <p class="status" role="status">{move || status.get()}</p>
            </div>
        </form>
        {move || chosen.get().map(|c| {
            let (it, order) = feedback_item.get_value();
            view! { <section class="card" aria-label="Feedback"><ItemFeedback item=it order=order chosen=c heading_id="feedback-heading"/></section> }
        })}
        {nav}
    }
    .into_any()
}
