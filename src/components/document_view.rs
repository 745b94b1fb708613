use hit_core::chart::{Block, Document, blocks};
use hit_core::scenario::document_kind_label;
use leptos::prelude::*;

/// One clinical document. All of a chart's documents are in the page; the
/// ones not selected are hidden on screen and printed in full.
#[component]
pub fn DocumentView(document: Document, index: usize, hidden: Signal<bool>) -> impl IntoView {
    let heading = format!("document-{index}-title");
    let labelled_by = heading.clone();
    let status = if document.authenticated { "Authenticated (signed)" } else { "Unsigned: awaiting authentication" };
    let body = match document.kind.as_str() {
        "lab-results" => blocks(&document.text).into_iter().map(block_view).collect_view().into_any(),
        // The face sheet lines up its fields in columns.
        "face-sheet" => view! { <div class="clinical-text clinical-text--tabular">{document.text.clone()}</div> }.into_any(),
        _ => view! { <div class="clinical-text">{document.text.clone()}</div> }.into_any(),
    };
    view! {
        <article class="clinical-document" aria-labelledby=labelled_by hidden=hidden>
            <header class="clinical-document__header">
                <p class="eyebrow">{document_kind_label(&document.kind)}</p>
                <h2 id=heading>{document.title.clone()}</h2>
                <dl class="clinical-document__meta">
                    <div><dt>"Author"</dt><dd>{document.author.clone()}</dd></div>
                    <div><dt>"Date and time"</dt><dd>{document.datetime.clone()}</dd></div>
                    <div>
                        <dt>"Status"</dt>
                        <dd class=if document.authenticated { "signed" } else { "unsigned" }>{status}</dd>
                    </div>
                </dl>
            </header>
            {body}
        </article>
    }
}

/// Results tables get real table markup, with abnormal flags emphasised.
fn block_view(block: Block) -> AnyView {
    match block {
        Block::Text(text) => view! { <div class="clinical-text">{text.trim_matches('\n').to_string()}</div> }.into_any(),
        Block::Table { header, rows } => {
            let flag_col = header.as_ref().and_then(|h| h.iter().position(|c| c == "FLAG"));
            view! {
                <div class="table-scroll">
                    <table class="data-table compact results-table">
                        {header.map(|h| view! {
                            <thead><tr>{h.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
                        })}
                        <tbody>
                            {rows.into_iter().map(|row| view! {
                                <tr>
                                    {row.into_iter().enumerate().map(|(i, c)| {
                                        let abnormal = Some(i) == flag_col && !c.is_empty();
                                        if i == 0 {
                                            view! { <th scope="row">{c}</th> }.into_any()
                                        } else {
                                            view! { <td class:flag=abnormal>{c}</td> }.into_any()
                                        }
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    }
}
