use hit_core::coding::{POA_CHOICES, check_diagnosis};
use leptos::prelude::*;

use crate::browser::focus_element;
use crate::codebook::CodesStatus;
use crate::coding_state::{DxRow, use_coding};
use crate::state::use_app;

/// One diagnosis line: the code, what is wrong with it (or its title), the
/// POA indicator on inpatient charts, and controls to reorder or remove it
/// by keyboard. The handle drags it with a pointer.
#[component]
pub fn DiagnosisRow(row: DxRow, dragged: RwSignal<Option<u32>>) -> impl IntoView {
    let state = use_app();
    let ui = use_coding();
    let inpatient = ui.inpatient();
    let id = row.id;
    let position = Memo::new(move |_| ui.diagnoses.with(|l| l.iter().position(|r| r.id == id).unwrap_or(0)));
    let count = Memo::new(move |_| ui.diagnoses.with(Vec::len));
    let check = Memo::new(move |_| {
        let earlier: Vec<String> = ui.diagnoses.with(|l| l.iter().take_while(|r| r.id != id).map(|r| r.code.get()).collect());
        match state.codes.get() {
            CodesStatus::Ready(cb) => state.content.with_value(|c| {
                c.as_ref().map(|c| check_diagnosis(&cb.sets, &c.poa_exempt, &row.code.get(), Some(&row.poa.get()), inpatient, &earlier))
            }),
            _ => None,
        }
    });
    let shown = move || {
        let code = row.code.get();
        if code.trim().is_empty() { "this diagnosis".to_string() } else { code }
    };
    let move_to = move |to: usize| {
        ui.diagnoses.update(|l| hit_core::coding::move_entry(l, position.get_untracked(), to));
        // The row's controls move with it; keep focus on the one used.
        request_animation_frame(move || focus_element(&format!("dx-{id}-code")));
    };
    let input_id = format!("dx-{id}-code");
    let message_id = format!("dx-{id}-message");
    view! {
        <li
            class="coding-row"
            class:coding-row--dragging=move || dragged.get() == Some(id)
            on:dragover=|ev| ev.prevent_default()
            on:drop=move |ev| {
                ev.prevent_default();
                if let Some(from) = dragged.get_untracked() {
                    let from_pos = ui.diagnoses.with_untracked(|l| l.iter().position(|r| r.id == from));
                    if let Some(from_pos) = from_pos {
                        ui.diagnoses.update(|l| hit_core::coding::move_entry(l, from_pos, position.get_untracked()));
                    }
                }
                dragged.set(None);
            }
        >
            <span class="coding-row__role">{move || if position.get() == 0 { if inpatient { "Principal" } else { "First-listed" } } else { "Secondary" }}</span>
            <span class="drag-handle" draggable="true" title="Drag to reorder" aria-hidden="true"
                on:dragstart=move |_| dragged.set(Some(id)) on:dragend=move |_| dragged.set(None)>"⠿"</span>
            <div class="coding-row__main">
                <label class="visually-hidden" for=input_id.clone()>{move || format!("Diagnosis {} code", position.get() + 1)}</label>
                <input id=input_id type="text" class="code-input" autocomplete="off" spellcheck="false" placeholder="e.g. J18.9"
                    aria-describedby=message_id.clone()
                    aria-invalid=move || check.get().is_some_and(|c| c.problem.is_some()).to_string()
                    bind:value=row.code/>
            </div>
            {inpatient.then(|| view! {
                <label class="visually-hidden" for=format!("dx-{id}-poa")>{move || format!("POA indicator for {}", shown())}</label>
                <select id=format!("dx-{id}-poa") class="poa-select" bind:value=row.poa>
                    <option value="" disabled=true selected=move || row.poa.get().is_empty()>"POA…"</option>
                    {POA_CHOICES.iter().map(|(v, label)| view! { <option value=*v>{*label}</option> }).collect_view()}
                </select>
            })}
            <div class="coding-row__tools">
                <button type="button" class="icon-button" aria-label=move || format!("Move {} up", shown())
                    disabled=move || position.get() == 0 on:click=move |_| move_to(position.get_untracked().saturating_sub(1))>"↑"</button>
                <button type="button" class="icon-button" aria-label=move || format!("Move {} down", shown())
                    disabled=move || { position.get() + 1 >= count.get() } on:click=move |_| move_to(position.get_untracked() + 1)>"↓"</button>
                <button type="button" class="icon-button" aria-label=move || format!("Remove {}", shown())
                    on:click=move |_| ui.diagnoses.update(|l| l.retain(|r| r.id != id))>"✕"</button>
            </div>
            <div id=message_id class="coding-row__message">
                {move || match check.get() {
                    Some(c) => view! {
                        {c.title.map(|t| view! { <span class="coding-row__title">{t}</span> })}
                        {c.problem.map(|p| view! { <span class="field-error">{p}</span> })}
                    }.into_any(),
                    None => view! { <span>"Checking needs the code sets, which are loading."</span> }.into_any(),
                }}
            </div>
        </li>
    }
}
