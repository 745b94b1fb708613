use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::codebook::Codebook;

/// Builds a PCS code character by character, offering only values that the
/// tables allow after what has been chosen. `start` is a partial code to
/// begin from (an index entry such as 0FT4).
#[component]
pub fn PcsBuilder(codebook: Arc<Codebook>, #[prop(optional)] start: String) -> impl IntoView {
    let prefix = RwSignal::new(start);
    let cb = codebook.clone();
    let next = Memo::new(move |_| cb.sets.pcs.next_values(&prefix.get()));
    view! {
        <section class="card builder" aria-labelledby="builder-heading">
            <h2 id="builder-heading">"PCS table builder"</h2>
            <p class="muted">"Choose one character at a time; only values the FY2026 tables allow are offered."</p>
            <p class="slots" aria-label=move || format!("Code so far: {}", if prefix.get().is_empty() { "empty".into() } else { prefix.get() })>
                {move || (0..7).map(|i| {
                    let c = prefix.get().chars().nth(i).map(String::from).unwrap_or_else(|| "·".into());
                    view! { <span class="slot" aria-hidden="true">{c}</span> }
                }).collect_view()}
            </p>
            <div class="actions">
                <button type="button" class="button button--quiet" disabled=move || prefix.get().is_empty()
                    on:click=move |_| prefix.update(|p| { p.pop(); })>"Back one character"</button>
                <button type="button" class="button button--quiet" disabled=move || prefix.get().is_empty()
                    on:click=move |_| prefix.set(String::new())>"Start over"</button>
            </div>
            {move || {
                let code = prefix.get();
                if code.len() == 7 {
                    return view! {
                        <p class="complete">"Complete: " <A href=format!("/codebook/icd10pcs/{code}")>{format!("View {code}")}</A></p>
                    }.into_any();
                }
                let (title, values) = next.get();
                view! {
                    <h3>{format!("Character {}: {title}", code.len() + 1)}</h3>
                    <ul class="choices">
                        {values.into_iter().map(|(c, label)| view! {
                            <li><button type="button" class="choice-button" on:click=move |_| prefix.update(|p| p.push(c))>
                                <span class="code">{c.to_string()}</span>" " {label}
                            </button></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
