use hit_core::backup::{self, BackupStatus};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{download_text, local_date, now_ms, read_chosen_file};
use crate::components::confirm_button::ConfirmButton;
use crate::state::use_app;
use crate::storage::LocalStore;

/// Backup and restore: export everything to a file, import one (merged with
/// what is here), delete everything after a confirmation, and a reminder.
#[component]
pub fn BackupCard(#[prop(into)] has_progress: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let message = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let export = move |_| {
        error.set(String::new());
        let now = now_ms();
        match backup::export(&mut LocalStore, now, hit_core::VERSION) {
            Ok(text) => {
                let name = format!("hit-trainer-progress-{}.json", js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default().get(..10).unwrap_or("backup"));
                if download_text(&name, &text) {
                    state.change(state.backup_status, |s| s.last_export_ms = Some(now));
                    message.set(format!("Saved {name} to your downloads. Keep it somewhere safe, such as a cloud drive."));
                } else {
                    error.set("The browser did not start the download. Try again, or allow downloads for this site.".into());
                }
            }
            Err(e) => error.set(e.to_string()),
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        message.set(String::new());
        error.set(String::new());
        leptos::task::spawn_local(async move {
            match read_chosen_file(&input).await {
                Ok(text) => match backup::import(&mut LocalStore, &text, now_ms()) {
                    Ok(summary) => {
                        crate::tabs::reload_all(&state);
                        message.set(summary.describe());
                    }
                    Err(e) => error.set(e.to_string()),
                },
                Err(e) => error.set(e),
            }
            input.set_value("");
        });
    };
    let reset = move |()| {
        match backup::reset(&mut LocalStore) {
            Ok(_) => {
                crate::tabs::reload_all(&state);
                message.set("All progress in this browser was deleted.".into());
            }
            Err(e) => error.set(e.to_string()),
        }
    };
    let reminder = Memo::new(move |_| {
        let last = state.backup_status.with(|s: &BackupStatus| s.last_export_ms);
        match last {
            _ if !has_progress.get() => None,
            None => Some("You have never backed up. Browsers can delete a site's data (after weeks without a visit, to free space, or when you clear browsing data): export a file now and then.".to_string()),
            Some(t) if now_ms() - t > 14 * 86_400_000 => Some(format!("Your last backup was on {}. Export a fresh one: browsers can delete a site's data.", local_date(t))),
            Some(_) => None,
        }
    });
    view! {
        <section class="card stack" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Backup and restore"</h2>
            {move || reminder.get().map(|r| view! { <p class="notice">{r}</p> })}
            <p>"Your progress lives only in this browser. A backup file holds all of it; importing one adds what it has to what is here, without losing either and without counting anything twice."</p>
            <div class="actions">
                <button type="button" class="button" on:click=export>"Export my progress"</button>
                <label class="button button--secondary file-button">
                    "Import a backup file"
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=import/>
                </label>
            </div>
            <p class="status" role="status">{move || message.get()}</p>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <h3>"Start over"</h3>
            <ConfirmButton
                id="reset".into()
                label="Delete all my progress…".into()
                trigger_class="button button--danger"
                question="Delete every answer, graded chart, mock exam, review card and setting in this browser? This cannot be undone; export a backup first if you may want them.".into()
                confirm="Yes, delete all my progress".into()
                on_confirm=Callback::new(reset)
            />
        </section>
    }
}
