use hit_core::mock::{MockExam, MockResult};
use hit_core::quiz::option_order;
use leptos::prelude::*;

use crate::components::{item_feedback::ItemFeedback, rich_text::RichText};
use crate::exam_session::{case_of, item};
use crate::state::use_app;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Show {
    All,
    Wrong,
    Flagged,
}

/// Every question of a submitted mock exam, with the candidate's answer,
/// whether it was right, the time spent, and the rationale for each option.
#[component]
pub fn MockItemReview(exam: MockExam, result: MockResult) -> impl IntoView {
    let state = use_app();
    let show = RwSignal::new(Show::All);
    let filter = |value: Show, label: &'static str| view! {
        <label class="segment">
            <input type="radio" name="result-show" prop:checked=move || show.get() == value on:change=move |_| show.set(value)/>
            <span>{label}</span>
        </label>
    };
    let rows: Vec<_> = result
        .slots
        .iter()
        .map(|s| {
            let it = item(&state, &s.item);
            let case = it.as_ref().and_then(|i| case_of(&state, i));
            let flagged = exam.flags.contains(&s.slot);
            let chosen = exam.answers.get(&s.slot).cloned().unwrap_or_default();
            (s.clone(), it, case, flagged, chosen)
        })
        .collect();
    let seed = exam.seed;
    view! {
        <section class="card" aria-labelledby="review-all-heading">
            <h2 id="review-all-heading">"Every question"</h2>
            <fieldset class="segmented">
                <legend class="visually-hidden">"Which questions to list"</legend>
                {filter(Show::All, "All")}
                {filter(Show::Wrong, "Wrong or not answered")}
                {filter(Show::Flagged, "Flagged")}
            </fieldset>
            <ol class="result-items">
                {rows.into_iter().map(|(s, it, case, flagged, chosen)| {
                    let verdict = match (s.answered, s.correct) { (false, _) => "not answered", (true, true) => "right", (true, false) => "wrong" };
                    let summary = format!("Question {}: {verdict}, {} seconds{}{}", s.slot + 1, s.seconds,
                        if flagged { ", flagged" } else { "" }, if s.pretest { ", unscored pretest question" } else { "" });
                    let correct = s.correct;
                    let hidden = move || match show.get() { Show::All => false, Show::Wrong => correct, Show::Flagged => !flagged };
                    view! {
                        <li hidden=hidden>
                            <details class="result-item">
                                <summary>{summary}</summary>
                                {match it {
                                    Some(it) => {
                                        let order = option_order(&it, seed);
                                        view! {
                                            {case.map(|(t, c)| view! { <div class="item-case"><h3>{t}</h3><RichText text=c/></div> })}
                                            <RichText text=it.stem.clone() class="item-stem"/>
                                            <ItemFeedback item=it order=order chosen=chosen/>
                                        }.into_any()
                                    }
                                    None => view! { <p>"This question is no longer in the question bank."</p> }.into_any(),
                                }}
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
