use std::sync::Arc;

use hit_core::icd10cm::Status;
use leptos::prelude::*;
use leptos_router::components::A;

use super::note_groups::{NoteGroups, by_kind};
use crate::codebook::Codebook;

/// One ICD-10-CM code: title, billable status, hierarchy, every note that
/// applies (own and inherited), subdivisions and 7th characters.
#[component]
pub fn CmDetail(code: String, codebook: Arc<Codebook>) -> impl IntoView {
    let cm = &codebook.sets.cm;
    let validation = cm.validate(&code);
    let Some(node) = cm.node_for(&code) else {
        return view! {
            <article class="card code-detail">
                <h2><span class="code">{validation.code.clone()}</span></h2>
                <p class="badge badge--bad">"Not a valid code"</p>
                <p>{validation.status.reason()}</p>
            </article>
        }
        .into_any();
    };
    let (section, chapter) = cm.placement(node);
    let mut trail: Vec<(String, String)> = cm.ancestors(node).map(|a| (a.code.clone(), a.title.clone())).collect();
    trail.reverse();
    let (badge_class, badge) = match &validation.status {
        Status::Billable => ("badge badge--ok", "Billable".to_string()),
        Status::Incomplete(_) => ("badge badge--warn", "Not billable".to_string()),
        Status::Unknown(_) => ("badge badge--bad", "Not a valid code".to_string()),
    };
    let reason = validation.status.reason();
    let chosen = (validation.code.len() == 8).then(|| validation.code.chars().last()).flatten();
    let seventh: Vec<(char, String)> = cm.seventh_choices(node).iter().map(|s| (s.character, s.text.clone())).collect();
    let children: Vec<(String, String)> = node.children.iter().map(|&c| &cm.nodes()[c as usize]).map(|c| (c.code.clone(), c.title.clone())).collect();
    let groups = cm
        .notes_for(node)
        .iter()
        .map(|g| {
            let heading = if g.owner == node.code { format!("{} (this code)", g.owner) } else { format!("Inherited from {}", g.owner) };
            (g.owner.clone(), heading, by_kind(g, cm))
        })
        .collect::<Vec<_>>();
    view! {
        <article class="card code-detail" aria-labelledby="code-heading">
            <nav class="breadcrumb" aria-label="Hierarchy">
                <ol>
                    <li>{format!("Chapter {}: {}", chapter.number, chapter.title)}</li>
                    <li>{format!("{} {}", section.range, section.title)}</li>
                    {trail.into_iter().map(|(c, t)| view! {
                        <li><A href=format!("/codebook/icd10cm/{c}")>{c.clone()}</A>" " {t}</li>
                    }).collect_view()}
                </ol>
            </nav>
            <h2 id="code-heading">
                <span class="code">{validation.code.clone()}</span>" "
                <span>{validation.title.clone().unwrap_or_else(|| node.title.clone())}</span>
            </h2>
            <p class=badge_class>{badge}</p>
            {reason.map(|r| view! { <p class="muted">{r}</p> })}
            {(!children.is_empty()).then(|| view! {
                <h3>"Codes under " {node.code.clone()}</h3>
                <ul class="code-list">
                    {children.into_iter().map(|(c, t)| view! {
                        <li><A href=format!("/codebook/icd10cm/{c}")><span class="code">{c.clone()}</span>" " {t}</A></li>
                    }).collect_view()}
                </ul>
            })}
            {(!seventh.is_empty()).then(|| view! {
                <h3>"7th characters"</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-label="7th characters">
                <table class="data-table compact">
                    <thead><tr><th scope="col">"Character"</th><th scope="col">"Meaning"</th></tr></thead>
                    <tbody>
                        {seventh.into_iter().map(|(c, text)| view! {
                            <tr class:chosen=chosen == Some(c)><td class="code">{c.to_string()}</td><td>{text}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            })}
            <h3>"Instructional notes"</h3>
            <NoteGroups groups/>
        </article>
    }
    .into_any()
}
