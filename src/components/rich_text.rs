use hit_core::prose::{Block, blocks};
use leptos::prelude::*;

/// Item text (stems, cases, rationales) as paragraphs and tables; see
/// `hit_core::prose` for the format.
#[component]
pub fn RichText(text: String, #[prop(optional)] id: Option<&'static str>, #[prop(optional)] class: &'static str) -> impl IntoView {
    view! {
        <div id=id class=format!("rich-text {class}")>
            {blocks(&text).into_iter().map(|b| match b {
                Block::Paragraph(p) => view! { <p class="prose">{p}</p> }.into_any(),
                Block::Table { header, rows } => view! {
                    <div class="table-scroll item-table">
                        <table class="data-table compact">
                            <thead><tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }).collect_view()}
        </div>
    }
}
