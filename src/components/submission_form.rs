use leptos::prelude::*;

use crate::browser::{download_text, now_ms};
use crate::state::use_app;

/// Hand in: the student's name and a download of their submission file.
#[component]
pub fn SubmissionForm(id: String, left: String) -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(state.settings.with_untracked(|s| s.display_name.clone()));
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let input_id = format!("student-name-{id}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let student = name.get_untracked().trim().to_string();
        if student.is_empty() {
            error.set("Type your name, so your instructor knows whose work this is.".into());
            return;
        }
        let now = now_ms();
        let Some(sub) = state.assignments.with_untracked(|m| m.get(&id).map(|r| state.attempts.with_untracked(|a| r.submission(a, &student, now)))) else { return };
        let filename = format!("hit-trainer-submission-{}-{}.json", slug(&sub.assignment.title), slug(&student));
        if download_text(&filename, &sub.to_text()) {
            error.set(String::new());
            state.change_merged(state.assignments, |m| {
                if let Some(r) = m.get_mut(&id) {
                    r.submitted_ms = Some(now);
                }
            });
            status.set(format!("Saved {filename} to your downloads. Send it to your instructor (by email or your course site)."));
        } else {
            error.set("The browser did not start the download. Try again, or allow downloads for this site.".into());
        }
    };
    view! {
        <form class="stack hand-in" on:submit=submit>
            <h3>"Hand in"</h3>
            {(!left.is_empty()).then(|| view! { <p class="notice">{format!("Not finished: {left} to go. You can still hand in what you have.")}</p> })}
            <div class="field">
                <label for=input_id.clone()>"Your name, as your instructor knows you"</label>
                <input id=input_id type="text" autocomplete="name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="actions">
                <button type="submit" class="button button--secondary">"Download my submission"</button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </form>
    }
}

/// A file-name-safe form of a title: lowercase letters and digits joined by dashes.
fn slug(text: &str) -> String {
    let words: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.is_empty() { "untitled".into() } else { words.join("-") }
}
