use leptos::prelude::*;
use leptos_meta::Title;

/// A page's title (also the document title) and its one-line purpose.
#[component]
pub fn PageHeader(title: &'static str, #[prop(optional)] lead: &'static str) -> impl IntoView {
    view! {
        <Title text=title/>
        <header class="page-header">
            <h1>{title}</h1>
            {(!lead.is_empty()).then(|| view! { <p class="lead">{lead}</p> })}
        </header>
    }
}
