use hit_core::quiz;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::{local_day, random_seed};
use crate::exam_session::{start_quiz, with_bank};
use crate::state::use_app;

/// One-click sets: the question of the day, a quick ten, the missed
/// questions, and ten from the weakest domain.
#[component]
pub fn QuickSets() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let status = RwSignal::new(String::new());
    let start = move |title: &'static str, pick: fn(&hit_core::exam::Bank, &quiz::History, u64) -> Vec<String>| {
        let navigate = navigate.clone();
        move |_| {
            let ids = with_bank(&state, |b| state.history.with_untracked(|h| pick(b, h, random_seed())));
            if start_quiz(&state, title, ids) {
                navigate("/exam/quiz", Default::default());
            } else {
                status.set(format!("{title}: no questions to ask yet."));
            }
        }
    };
    let of_the_day = |b: &hit_core::exam::Bank, _: &quiz::History, _: u64| {
        quiz::question_of_the_day(b, local_day()).map(|i| vec![i.id.clone()]).unwrap_or_default()
    };
    let missed = Memo::new(move |_| state.history.with(|h| h.missed_count()));
    let weakest = Memo::new(move |_| state.history.with(quiz::weakest_domain));
    view! {
        <section class="card" aria-labelledby="quick-heading">
            <h2 id="quick-heading">"Quick sets"</h2>
            <ul class="quick-sets">
                <li>
                    <button type="button" class="button" on:click=start("Question of the day", of_the_day)>"Answer the question of the day"</button>
                    <p class="hint">"The same question for everyone today; a new one tomorrow."</p>
                </li>
                <li>
                    <button type="button" class="button button--secondary" on:click=start("Quick 10", quiz::quick_ten)>"Start a quick 10"</button>
                    <p class="hint">"Ten questions from every domain, calculations included."</p>
                </li>
                <li>
                    <button type="button" class="button button--secondary" disabled=move || missed.get() == 0
                        on:click=start("Missed questions", quiz::missed_set)>"Practise the questions you missed"</button>
                    <p class="hint">{move || match missed.get() {
                        0 => "Nothing missed yet.".to_string(),
                        1 => "1 question you got wrong last time.".to_string(),
                        n => format!("{n} questions you got wrong last time (up to 20 at a time)."),
                    }}</p>
                </li>
                <li>
                    <button type="button" class="button button--secondary" on:click=start("Weakest domain", quiz::weakest_set)>"Practise your weakest domain"</button>
                    <p class="hint">{move || weakest.get().map_or("Answer a few questions first; until then this draws from every domain.".to_string(),
                        |d| format!("Now: domain {}, {}.", d.number(), d.name()))}</p>
                </li>
            </ul>
            <p class="status" role="status">{move || status.get()}</p>
        </section>
    }
}
