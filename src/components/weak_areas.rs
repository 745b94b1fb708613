use hit_core::progress::{Area, Weak, practice_chart};
use hit_core::quiz::{self, QuizSpec};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::random_seed;
use crate::exam_session::{start_quiz, with_bank};
use crate::state::use_app;

/// The weakest areas, each with one button that starts practice on it: a
/// quiz on a weak domain, a chart that exercises a weak coding skill.
#[component]
pub fn WeakAreas(areas: Vec<Weak>) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    if areas.is_empty() {
        return view! { <p>"Answer a few questions and grade a chart or two: your weakest areas will show here, each with a button to practise it."</p> }.into_any();
    }
    let practise = move |area: Area| {
        let navigate = navigate.clone();
        move |_| match area {
            Area::Domain(d) => {
                let spec = QuizSpec { domains: vec![d.number()], count: 10, ..Default::default() };
                let ids = with_bank(&state, |b| state.history.with_untracked(|h| quiz::choose(b, h, &spec, random_seed())));
                if start_quiz(&state, &format!("Practice: domain {}", d.number()), ids) {
                    navigate("/exam/quiz", Default::default());
                }
            }
            Area::Skill(i) => {
                let seed = random_seed();
                let target = state.content.with_value(|c| c.as_ref().and_then(|c| practice_chart(i, &c.scenarios, seed).map(|s| s.id.clone())));
                if let Some(id) = target {
                    navigate(&format!("/code/{id}/{seed}"), Default::default());
                }
            }
        }
    };
    view! {
        <ul class="weak-areas">
            {areas.into_iter().map(|w| {
                let name = w.area.name();
                let action = match w.area { Area::Domain(_) => format!("Practise 10 questions: {name}"), Area::Skill(_) => format!("Code a chart for {name}") };
                view! {
                    <li>
                        <p><strong>{name}</strong>{format!(": {:.0}% right over {}", w.percent, w.evidence)}</p>
                        <button type="button" class="button button--secondary" on:click=practise(w.area)>{action}</button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
