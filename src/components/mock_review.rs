use leptos::prelude::*;

use crate::browser::focus_element;
use crate::state::use_app;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Show {
    All,
    Unanswered,
    Flagged,
}

/// The review screen: how many are answered and flagged, every question (or
/// only the unanswered or flagged ones) to go back to, and submitting, with
/// a confirmation that says what is still open.
#[component]
pub fn MockReview(on_go: Callback<usize>, on_submit: Callback<()>) -> impl IntoView {
    let state = use_app();
    let show = RwSignal::new(Show::All);
    let confirming = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        state.mock.with(|m| {
            m.exam.as_ref().map_or_else(Vec::new, |e| (0..e.slots.len()).map(|i| (i, e.answers.contains_key(&i), e.flags.contains(&i))).collect::<Vec<_>>())
        })
    });
    let counts = Memo::new(move |_| {
        rows.with(|r| (r.len(), r.iter().filter(|x| x.1).count(), r.iter().filter(|x| x.2).count()))
    });
    let filter = |value: Show, label: &'static str| view! {
        <label class="segment">
            <input type="radio" name="review-show" prop:checked=move || show.get() == value on:change=move |_| show.set(value)/>
            <span>{label}</span>
        </label>
    };
    view! {
        <section class="card mock-review" aria-labelledby="review-heading">
            <h2 id="review-heading" tabindex="-1">"Review your answers"</h2>
            <p>{move || {
                let (total, answered, flagged) = counts.get();
                format!("{answered} of {total} answered, {} not answered, {flagged} flagged for review.", total - answered)
            }}</p>
            <fieldset class="segmented">
                <legend class="visually-hidden">"Which questions to list"</legend>
                {filter(Show::All, "All")}
                {filter(Show::Unanswered, "Not answered")}
                {filter(Show::Flagged, "Flagged")}
            </fieldset>
            <ul class="review-list">
                {move || {
                    let listed: Vec<_> = rows.get().into_iter().filter(|(_, a, f)| match show.get() {
                        Show::All => true,
                        Show::Unanswered => !a,
                        Show::Flagged => *f,
                    }).collect();
                    if listed.is_empty() {
                        return view! { <li class="muted">"None."</li> }.into_any();
                    }
                    listed.into_iter().map(|(i, answered, flagged)| view! {
                        <li>
                            <button type="button" class="button button--small button--quiet" on:click=move |_| on_go.run(i)>
                                {format!("Question {}: {}{}", i + 1, if answered { "answered" } else { "not answered" }, if flagged { ", flagged" } else { "" })}
                            </button>
                        </li>
                    }).collect_view().into_any()
                }}
            </ul>
            <div class="actions">
                {move || if confirming.get() {
                    let (total, answered, _) = counts.get();
                    view! {
                        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                            <p id="confirm-text"><strong>{if answered < total {
                                format!("Submit with {} questions not answered? Unanswered questions are scored as wrong, and you cannot change answers after submitting.", total - answered)
                            } else {
                                "Submit the exam? You cannot change answers after submitting.".to_string()
                            }}</strong></p>
                            <div class="actions">
                                <button type="button" id="confirm-submit" class="button" on:click=move |_| on_submit.run(())>"Yes, submit the exam"</button>
                                <button type="button" class="button button--quiet" on:click=move |_| confirming.set(false)>"Keep working"</button>
                            </div>
                        </div>
                    }.into_any()
                } else {
                    view! { <button type="button" class="button" on:click=move |_| {
                        confirming.set(true);
                        request_animation_frame(|| focus_element("confirm-submit"));
                    }>"Submit the exam"</button> }.into_any()
                }}
            </div>
        </section>
    }
}
