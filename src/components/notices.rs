use leptos::prelude::*;
use leptos_router::components::A;

use super::download_link::DownloadLink;
use crate::state::{Notice, Posted, use_app};

/// Messages about storage and content, at the top of every page until
/// dismissed. Each is an alert so assistive technology announces it.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="notices">
            <For each=move || state.notices.get() key=|posted| posted.id let:posted>
                <NoticeView posted/>
            </For>
        </div>
    }
}

#[component]
fn NoticeView(posted: Posted) -> impl IntoView {
    let state = use_app();
    let id = posted.id;
    let dismiss = move |_| state.dismiss(id);
    let body = match posted.notice {
        Notice::Quarantined(n) => {
            let filename = format!("hit-trainer-unreadable-{}.json", n.original_key.trim_start_matches("hit."));
            view! {
                <h2>"We couldn't read " {n.label.clone()}</h2>
                <p>
                    "They have been moved aside, not deleted, and defaults are in use for now. "
                    "Download the unreadable data to keep it, or send it to support. "
                    <span class="muted">"Details: " {n.reason}</span>
                </p>
                <div class="actions">
                    <DownloadLink text=n.raw filename label="Download the unreadable data".into()/>
                    <A href="/settings" attr:class="button button--quiet">"Manage stored data"</A>
                    <button type="button" class="button button--quiet" on:click=dismiss>"Dismiss"</button>
                </div>
            }
            .into_any()
        }
        Notice::Storage(error) => view! {
            <h2>"Couldn't save your change"</h2>
            <p>{error.to_string()}</p>
            <div class="actions">
                <button type="button" class="button button--quiet" on:click=dismiss>"Dismiss"</button>
            </div>
        }
        .into_any(),
        Notice::Compacted(dropped) => view! {
            <h2>"Browser storage was full, so older detail was compacted"</h2>
            <p>"To keep saving your work, HIT Trainer removed:"</p>
            <ul>{dropped.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
            <p>"Your scores, mastery, streak and review queue are unchanged. Export a backup from Progress to keep everything."</p>
            <div class="actions">
                <A href="/progress" attr:class="button button--quiet">"Go to Progress"</A>
                <button type="button" class="button button--quiet" on:click=dismiss>"Dismiss"</button>
            </div>
        }
        .into_any(),
        Notice::Content(errors) => view! {
            <h2>"Some built-in content could not be loaded"</h2>
            <p>"Parts of the app that use it are unavailable. Please report this problem:"</p>
            <ul>{errors.into_iter().map(|e| view! { <li><code>{e.to_string()}</code></li> }).collect_view()}</ul>
        }
        .into_any(),
    };
    view! { <div class="notice" role="alert">{body}</div> }
}
