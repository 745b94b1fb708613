use hit_core::quiz::{self, QuizSpec};
use hit_core::rhit::Domain;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::random_seed;
use crate::exam_session::{start_quiz, with_bank};
use crate::state::use_app;

/// Practice and custom quizzes: which domains, how many, how hard, only the
/// missed or flagged ones, with or without calculations.
#[component]
pub fn CustomQuizForm() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let domains = RwSignal::new(Vec::<u8>::new());
    let count = RwSignal::new(20usize);
    let difficulty = RwSignal::new(None::<u8>);
    let only_missed = RwSignal::new(false);
    let only_flagged = RwSignal::new(false);
    let calculations = RwSignal::new(true);
    let status = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let spec = QuizSpec {
            domains: domains.get_untracked(),
            count: count.get_untracked(),
            difficulty: difficulty.get_untracked(),
            only_missed: only_missed.get_untracked(),
            only_flagged: only_flagged.get_untracked(),
            calculations: calculations.get_untracked(),
        };
        let ids = with_bank(&state, |b| state.history.with_untracked(|h| quiz::choose(b, h, &spec, random_seed())));
        if ids.is_empty() {
            status.set("No questions match these choices. Choose more domains or clear “only missed” and “only flagged”.".into());
        } else if start_quiz(&state, "Custom quiz", ids) {
            navigate("/exam/quiz", Default::default());
        }
    };
    let toggle_domain = move |d: u8, on: bool| domains.update(|ds| if on { ds.push(d) } else { ds.retain(|x| *x != d) });
    view! {
        <form class="card stack custom-quiz" aria-labelledby="custom-heading" on:submit=submit>
            <h2 id="custom-heading">"Practice and custom quizzes"</h2>
            <p>"Questions come one at a time, with the answer and its rationale as soon as you answer."</p>
            <fieldset class="choice-group">
                <legend>"Domains"</legend>
                <p class="hint">"Leave all unticked to draw from every domain."</p>
                {Domain::all().map(|d| view! {
                    <label class="choice">
                        <input type="checkbox" on:change=move |ev| toggle_domain(d.number(), event_target_checked(&ev))/>
                        {format!("{}. {}", d.number(), d.name())}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="quiz-count">"Number of questions"</label>
                <select id="quiz-count" on:change=move |ev| count.set(event_target_value(&ev).parse().unwrap_or(20)) prop:value=move || count.get().to_string()>
                    {[5usize, 10, 20, 30, 50].map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).to_vec()}
                </select>
            </div>
            <div class="field">
                <label for="quiz-difficulty">"Difficulty"</label>
                <select id="quiz-difficulty" on:change=move |ev| difficulty.set(event_target_value(&ev).parse().ok())>
                    <option value="">"Any difficulty"</option>
                    <option value="1">"1 · foundational"</option>
                    <option value="2">"2 · intermediate"</option>
                    <option value="3">"3 · advanced"</option>
                </select>
            </div>
            <fieldset class="choice-group">
                <legend>"Options"</legend>
                <label class="choice"><input type="checkbox" on:change=move |ev| only_missed.set(event_target_checked(&ev))/>"Only questions I missed"</label>
                <label class="choice"><input type="checkbox" on:change=move |ev| only_flagged.set(event_target_checked(&ev))/>"Only questions I flagged"</label>
                <label class="choice"><input type="checkbox" prop:checked=move || calculations.get() on:change=move |ev| calculations.set(event_target_checked(&ev))/>"Include calculation questions"</label>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button">"Start the quiz"</button>
                <p class="status" role="status">{move || status.get()}</p>
            </div>
        </form>
    }
}
