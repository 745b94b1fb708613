use hit_core::coding::check_procedure;
use leptos::prelude::*;

use crate::codebook::CodesStatus;
use crate::coding_state::{ProcRow, use_coding};
use crate::state::use_app;

/// One procedure line: the ICD-10-PCS code, its date within the stay, and
/// what is wrong with it (or its title).
#[component]
pub fn ProcedureRow(row: ProcRow) -> impl IntoView {
    let state = use_app();
    let ui = use_coding();
    let id = row.id;
    let (admitted, discharged) = ui.chart.with_value(|c| (c.patient.admitted, c.patient.discharged));
    let dates: Vec<String> = (0..=discharged.0 - admitted.0).map(|d| admitted.plus_days(d as i32).to_string()).collect();
    let position = Memo::new(move |_| ui.procedures.with(|l| l.iter().position(|r| r.id == id).unwrap_or(0)));
    let check = Memo::new(move |_| {
        let earlier: Vec<String> = ui.procedures.with(|l| l.iter().take_while(|r| r.id != id).map(|r| r.code.get()).collect());
        match state.codes.get() {
            CodesStatus::Ready(cb) => Some(check_procedure(&cb.sets, &row.code.get(), Some(&row.date.get()), (admitted, discharged), &earlier)),
            _ => None,
        }
    });
    let shown = move || {
        let code = row.code.get();
        if code.trim().is_empty() { "this procedure".to_string() } else { code }
    };
    let input_id = format!("proc-{id}-code");
    let message_id = format!("proc-{id}-message");
    view! {
        <li class="coding-row">
            <div class="coding-row__main">
                <label class="visually-hidden" for=input_id.clone()>{move || format!("Procedure {} code", position.get() + 1)}</label>
                <input id=input_id type="text" class="code-input" autocomplete="off" spellcheck="false" placeholder="e.g. 0DTJ4ZZ"
                    aria-describedby=message_id.clone()
                    aria-invalid=move || check.get().is_some_and(|c| c.problem.is_some()).to_string()
                    bind:value=row.code/>
            </div>
            <label class="visually-hidden" for=format!("proc-{id}-date")>{move || format!("Date of {}", shown())}</label>
            <select id=format!("proc-{id}-date") bind:value=row.date>
                {dates.into_iter().map(|d| view! { <option value=d.clone()>{d.clone()}</option> }).collect_view()}
            </select>
            <div class="coding-row__tools">
                <button type="button" class="icon-button" aria-label=move || format!("Remove {}", shown())
                    on:click=move |_| ui.procedures.update(|l| l.retain(|r| r.id != id))>"✕"</button>
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
