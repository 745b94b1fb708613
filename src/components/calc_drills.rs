use hit_core::{parametric, quiz};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::random_seed;
use crate::exam_session::start_quiz;
use crate::state::use_app;

/// Calculation drills: five questions of one type (healthcare statistics,
/// reimbursement, HIM operations), new numbers every time, each with its
/// worked solution after answering.
#[component]
pub fn CalcDrills() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let kind = RwSignal::new(parametric::KINDS[0].0.to_string());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let k = kind.get_untracked();
        let name = parametric::KINDS.iter().find(|(id, _)| *id == k).map_or("Calculation", |(_, n)| *n);
        if start_quiz(&state, &format!("Calculation drill: {name}"), quiz::calc_drill(&k, 5, random_seed())) {
            navigate("/exam/quiz", Default::default());
        }
    };
    view! {
        <form class="card stack" aria-labelledby="calc-heading" on:submit=submit>
            <h2 id="calc-heading">"Calculation drills"</h2>
            <p>{format!("{} kinds of calculation from the exam: statistics, reimbursement and HIM operations. Each drill is five questions with new numbers, the rounding stated, and a worked solution.", parametric::KINDS.len())}</p>
            <div class="field">
                <label for="calc-kind">"Calculation"</label>
                <select id="calc-kind" on:change=move |ev| kind.set(event_target_value(&ev)) prop:value=move || kind.get()>
                    {parametric::KINDS.iter().map(|(id, name)| view! { <option value=*id>{*name}</option> }).collect_view()}
                </select>
            </div>
            <div class="actions"><button type="submit" class="button">"Start the drill"</button></div>
        </form>
    }
}
