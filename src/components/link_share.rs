use leptos::prelude::*;

use crate::browser::copy_text;

/// A link to hand out: shown in a read-only field (select it to copy by
/// hand) with a button that copies it.
#[component]
pub fn LinkShare(link: String, label: String, field_id: String) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copied = link.clone();
    let copy = move |_| {
        let link = copied.clone();
        leptos::task::spawn_local(async move {
            status.set(if copy_text(&link).await { "Link copied.".into() } else { "The browser did not allow copying: select the link and copy it.".into() });
        });
    };
    view! {
        <div class="field link-share">
            <label for=field_id.clone()>{label.clone()}</label>
            <div class="link-share__row">
                <input id=field_id type="text" readonly prop:value=link on:focus=|ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                }/>
                <button type="button" class="button button--secondary" on:click=copy aria-label=format!("Copy: {label}")>"Copy"</button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
        </div>
    }
}
