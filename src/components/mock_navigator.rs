use leptos::prelude::*;

use crate::state::use_app;

/// Every question of the mock exam as a button showing whether it is
/// answered and flagged; pressing one goes to it.
#[component]
pub fn MockNavigator(on_go: Callback<usize>) -> impl IntoView {
    let state = use_app();
    let slots = Memo::new(move |_| {
        state.mock.with(|m| {
            m.exam.as_ref().map_or_else(Vec::new, |e| (0..e.slots.len()).map(|i| (e.answers.contains_key(&i), e.flags.contains(&i), e.current == i)).collect::<Vec<_>>())
        })
    });
    view! {
        <nav class="mock-navigator" aria-label="Question navigator">
            <ol>
                {move || slots.get().into_iter().enumerate().map(|(i, (answered, flagged, current))| {
                    let label = format!("Question {}, {}{}", i + 1, if answered { "answered" } else { "not answered" }, if flagged { ", flagged" } else { "" });
                    let class = format!("nav-slot{}{}", if answered { " nav-slot--answered" } else { "" }, if flagged { " nav-slot--flagged" } else { "" });
                    view! {
                        <li>
                            <button type="button" class=class aria-label=label aria-current=current.then_some("step")
                                on:click=move |_| on_go.run(i)>{(i + 1).to_string()}</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p class="hint nav-legend">"Filled: answered. Marked with a corner: flagged for review."</p>
        </nav>
    }
}
