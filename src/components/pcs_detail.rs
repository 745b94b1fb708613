use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use super::pcs_builder::PcsBuilder;
use crate::codebook::Codebook;

/// One ICD-10-PCS code: each character's meaning and the definitions of
/// its operation, approach, body part, device or substance.
#[component]
pub fn PcsDetail(code: String, codebook: Arc<Codebook>) -> impl IntoView {
    let pcs = &codebook.sets.pcs;
    let validation = pcs.validate(&code);
    // A partial code (from the index) opens the builder where it leaves off.
    let key = hit_core::codes::normalize(&code);
    if key.len() < 7 && !pcs.next_values(&key).1.is_empty() {
        return view! {
            <p class="card">{key.clone()} " is the start of a code. Finish it with the table builder:"</p>
            <PcsBuilder codebook=codebook.clone() start=key/>
        }
        .into_any();
    }
    let Some(axes) = pcs.describe(&validation.code) else {
        return view! {
            <article class="card code-detail">
                <h2><span class="code">{validation.code.clone()}</span></h2>
                <p class="badge badge--bad">"Not a valid code"</p>
                <p>{validation.reason.clone()}</p>
                <p><A href="/codebook">"Build a code with the table builder"</A></p>
            </article>
        }
        .into_any();
    };
    let definitions: Vec<(String, String, String)> = pcs
        .definitions_for(&validation.code)
        .into_iter()
        .map(|k| {
            let text = if k.definition.is_empty() { format!("Includes: {}", k.includes.join("; ")) } else { k.definition.clone() };
            (k.axis.clone(), k.terms.join(" / "), text)
        })
        .collect();
    view! {
        <article class="card code-detail" aria-labelledby="code-heading">
            <h2 id="code-heading">
                <span class="code">{validation.code.clone()}</span>" "
                <span>{validation.title.clone()}</span>
            </h2>
            <p class="badge badge--ok">"Valid code"</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Meaning of each character">
            <table class="data-table compact">
                <caption class="visually-hidden">"Meaning of each character"</caption>
                <thead><tr><th scope="col">"#"</th><th scope="col">"Axis"</th><th scope="col">"Value"</th><th scope="col">"Meaning"</th></tr></thead>
                <tbody>
                    {axes.into_iter().map(|a| view! {
                        <tr><td>{a.position}</td><td>{a.title}</td><td class="code">{a.character.to_string()}</td><td>{a.label}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            {(!definitions.is_empty()).then(|| view! {
                <h3>"Definitions"</h3>
                <dl class="definitions">
                    {definitions.into_iter().map(|(axis, term, text)| view! {
                        <dt>{term}" "<span class="muted">"(" {axis} ")"</span></dt>
                        <dd>{text}</dd>
                    }).collect_view()}
                </dl>
            })}
        </article>
    }
    .into_any()
}
