use hit_core::assignment::{Filed, Submission};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::read_chosen_files;
use crate::state::use_app;

/// Importing the submission files students send: each is checked, then
/// filed under its assignment (one per student, the newest standing).
#[component]
pub fn SubmissionImport() -> impl IntoView {
    let state = use_app();
    let lines = RwSignal::new(Vec::<(bool, String)>::new());
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        leptos::task::spawn_local(async move {
            let mut said = Vec::new();
            let mut good = Vec::new();
            for (name, text) in read_chosen_files(&input).await {
                let parsed = text.and_then(|t| state.content.with_value(|c| c.as_ref().ok_or("The app's content did not load; reload the page.".to_string()).and_then(|c| Submission::parse(&t, c).map_err(|e| e.to_string()))));
                match parsed {
                    Ok(s) => good.push((name, s)),
                    Err(e) => said.push((false, format!("{name}: {e}"))),
                }
            }
            if !good.is_empty() {
                let mut filed = Vec::new();
                let saved = state.change_merged(state.gradebook, |g| filed = good.into_iter().map(|(name, s)| (name, s.student.clone(), s.assignment.title.clone(), g.file(s))).collect());
                for (name, student, title, f) in filed {
                    said.push((true, match f {
                        Filed::Added => format!("{name}: added {student}'s submission for “{title}”."),
                        Filed::Replaced => format!("{name}: replaced {student}'s earlier submission for “{title}” with this newer one."),
                        Filed::AlreadyHere => format!("{name}: {student}'s submission for “{title}” was already here (this one is the same or older)."),
                    }));
                }
                if !saved {
                    said.push((false, "The gradebook could not be saved in this browser (see the notice above); the results show until you close this tab.".into()));
                }
            }
            lines.set(said);
            input.set_value("");
        });
    };
    view! {
        <section class="card stack" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import submissions"</h2>
            <p>"Students download a submission file from their Assignments page and send it to you. Choose one or many files; each is graded here, from the student's coding and answers, against the same charts and keys."</p>
            <p class="hint">"A file's checksum catches damage and hand edits, but like any take-home work it is no proof against a determined student."</p>
            <div class="actions">
                <label class="button file-button">
                    "Choose submission files"
                    <input type="file" multiple accept=".json,application/json" class="visually-hidden" on:change=import/>
                </label>
            </div>
            <ul class="import-log" aria-live="polite">
                {move || lines.get().into_iter().map(|(ok, text)| view! { <li class:field-error=!ok role=(!ok).then_some("alert")>{text}</li> }).collect_view()}
            </ul>
        </section>
    }
}
