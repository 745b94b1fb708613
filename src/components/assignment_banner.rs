use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::use_app;

/// On a chart an assignment asks for: which assignment, and whether the
/// attempt that counts is still to come.
#[component]
pub fn AssignmentBanner(scenario: String, seed: u64) -> impl IntoView {
    let state = use_app();
    let asking = Memo::new(move |_| state.assignments.with(|m| state.attempts.with(|a| m.asking_for(&scenario, seed, a))));
    move || {
        asking
            .get()
            .into_iter()
            .map(|(_, title, counted)| {
                let said = match counted {
                    None => format!("This chart is part of your assignment “{title}”: your first graded attempt is the one your instructor sees."),
                    Some(p) => format!("This chart is part of your assignment “{title}”: the attempt your instructor sees scored {p:.1}%. Grading again is practice."),
                };
                view! { <p class="notice assignment-banner">{said}" "<A href="/assignments">"Back to your assignments"</A></p> }
            })
            .collect_view()
    }
}
