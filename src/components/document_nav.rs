use hit_core::chart::Document;
use hit_core::scenario::document_kind_label;
use leptos::prelude::*;

/// The chart's table of contents: one link per document, in time order,
/// marking the open one with `aria-current`.
#[component]
pub fn DocumentNav(documents: Vec<Document>, base: String, selected: Signal<usize>) -> impl IntoView {
    view! {
        <nav class="document-nav no-print" aria-label="Documents in this chart">
            <ol>
                {documents.into_iter().enumerate().map(|(i, d)| {
                    let href = format!("{base}?doc={i}");
                    let current = move || (selected.get() == i).then_some("page");
                    view! {
                        <li>
                            <a href=href aria-current=current>
                                <span class="document-nav__title">{d.title.clone()}</span>
                                <span class="document-nav__meta">
                                    {format!("{} · {}", document_kind_label(&d.kind), d.datetime)}
                                </span>
                                {(!d.authenticated).then(|| view! { <span class="badge badge--warn">"Unsigned"</span> })}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}
