use hit_core::icd10cm::{NoteGroup, NoteKind};
use leptos::prelude::*;

/// The instructional notes that apply to a code, owner by owner, so the
/// student sees what is inherited and from where.
#[component]
pub fn NoteGroups(groups: Vec<(String, String, Vec<(NoteKind, Vec<String>)>)>) -> impl IntoView {
    if groups.is_empty() {
        return view! { <p class="muted">"No instructional notes apply to this code."</p> }.into_any();
    }
    view! {
        <div class="note-groups">
            {groups.into_iter().map(|(owner, heading, kinds)| view! {
                <section class="note-group" aria-label=format!("Notes at {owner}")>
                    <h4>{heading}</h4>
                    {kinds.into_iter().map(|(kind, texts)| view! {
                        <div class=format!("note note--{kind:?}").to_lowercase()>
                            <p class="note__kind">{kind.label()}</p>
                            <ul>{texts.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                        </div>
                    }).collect_view()}
                </section>
            }).collect_view()}
        </div>
    }
    .into_any()
}

/// Groups a code's notes by kind, keeping the tabular's order of kinds.
pub fn by_kind(group: &NoteGroup) -> Vec<(NoteKind, Vec<String>)> {
    let mut out: Vec<(NoteKind, Vec<String>)> = Vec::new();
    for note in group.notes {
        match out.iter_mut().find(|(k, _)| *k == note.kind) {
            Some((_, texts)) => texts.push(note.text.clone()),
            None => out.push((note.kind, vec![note.text.clone()])),
        }
    }
    out
}
