use hit_core::icd10cm::{Icd10Cm, NoteGroup, NoteKind, Segment, segments};
use leptos::prelude::*;
use leptos_router::components::A;

/// Notes of one kind, each split into text and links.
pub type KindNotes = (NoteKind, Vec<Vec<Segment>>);

/// The instructional notes that apply to a code, owner by owner, so the
/// student sees what is inherited and from where.
#[component]
pub fn NoteGroups(groups: Vec<(String, String, Vec<KindNotes>)>) -> impl IntoView {
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
                            <ul>{texts.into_iter().map(|parts| view! { <li>{parts.into_iter().map(render).collect_view()}</li> }).collect_view()}</ul>
                        </div>
                    }).collect_view()}
                </section>
            }).collect_view()}
        </div>
    }
    .into_any()
}

fn render(segment: Segment) -> AnyView {
    match segment {
        Segment::Text(t) => t.into_any(),
        Segment::Code { shown, target } => view! { <A href=format!("/codebook/icd10cm/{target}")>{shown}</A> }.into_any(),
    }
}

/// Groups a code's notes by kind, keeping the tabular's order of kinds, and
/// splits each into text and links to the codes it names that exist.
pub fn by_kind(group: &NoteGroup, cm: &Icd10Cm) -> Vec<KindNotes> {
    let mut out: Vec<KindNotes> = Vec::new();
    for note in group.notes {
        let parts = segments(&note.text)
            .into_iter()
            .map(|s| match s {
                Segment::Code { shown, target } if cm.node(&target).is_none() => Segment::Text(shown),
                other => other,
            })
            .collect();
        match out.iter_mut().find(|(k, _)| *k == note.kind) {
            Some((_, texts)) => texts.push(parts),
            None => out.push((note.kind, vec![parts])),
        }
    }
    out
}
