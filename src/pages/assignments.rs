//! A student's assignments: opened from an instructor's link (`?open=`),
//! worked through in the coding workspace and the quiz, and handed in as a
//! submission file.

use hit_core::assignment::Assignment;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::browser::now_ms;
use crate::components::{assignment_card::AssignmentCard, open_assignment_form::OpenAssignmentForm, page_header::PageHeader};
use crate::state::{AppState, use_app};

#[component]
pub fn Assignments() -> impl IntoView {
    let state = use_app();
    let query = use_query_map();
    let message = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let open = move |text: String| match open_assignment(&state, &text) {
        Ok(said) => {
            error.set(String::new());
            message.set(said);
        }
        Err(e) => {
            message.set(String::new());
            error.set(e);
        }
    };
    // A link from an instructor opens its assignment once, on arrival.
    if let Some(code) = query.with_untracked(|q| q.get("open")) {
        open(code);
    }
    let ids = Memo::new(move |_| state.assignments.with(|m| m.list.iter().map(|r| r.assignment.id()).collect::<Vec<_>>()));
    view! {
        <PageHeader
            title="Assignments"
            lead="Work your instructor set: charts to code and questions to answer. When you are done, download your submission and send it to your instructor."
        />
        <OpenAssignmentForm on_open=Callback::new(open)/>
        <p class="status" role="status">{move || message.get()}</p>
        <p class="field-error" role="alert">{move || error.get()}</p>
        <Show
            when=move || !ids.with(Vec::is_empty)
            fallback=|| view! { <p class="muted">"No assignments yet. Open the link your instructor sent you, or paste it above."</p> }
        >
            <div class="stack">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <AssignmentCard id=id/>
                </For>
            </div>
        </Show>
    }
}

/// Adds the assignment in a link or code; says what happened.
fn open_assignment(state: &AppState, text: &str) -> Result<String, String> {
    let parsed = state.content.with_value(|c| match c {
        Some(c) => Assignment::from_link(text, c).map_err(|e| e.to_string()),
        None => Err("The app's content did not load, so assignments cannot be opened. Reload the page.".into()),
    })?;
    let title = parsed.title.clone();
    let mut added = false;
    if !state.change_merged(state.assignments, |m| added = m.add(parsed, now_ms())) {
        return Err(format!("“{title}” could not be saved in this browser (see the notice above)."));
    }
    Ok(if added { format!("Added “{title}” to your assignments.") } else { format!("“{title}” is already in your assignments.") })
}
