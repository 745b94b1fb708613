use leptos::prelude::*;

use crate::browser::{json_blob_url, revoke_url};

/// A link that downloads `text` as a file named `filename`. The object URL
/// is released when the link leaves the page.
#[component]
pub fn DownloadLink(text: String, filename: String, label: String) -> impl IntoView {
    let url = json_blob_url(&text);
    let cleanup = url.clone();
    on_cleanup(move || {
        if let Some(url) = cleanup {
            revoke_url(&url);
        }
    });
    match url {
        Some(url) => view! { <a class="button button--secondary" href=url download=filename>{label}</a> }.into_any(),
        None => view! {
            <span class="muted">"This browser could not prepare a download; the data stays in storage."</span>
        }
        .into_any(),
    }
}
