use leptos::prelude::*;

use crate::browser::focus_element;
use crate::coding_state::use_coding;
use crate::components::{diagnosis_row::DiagnosisRow, procedure_row::ProcedureRow};

/// The diagnosis list (principal first) and, on inpatient charts, the
/// procedure list, each with a button that adds a line and focuses it.
#[component]
pub fn CodingLists() -> impl IntoView {
    let ui = use_coding();
    let dragged = RwSignal::new(None::<u32>);
    let inpatient = ui.inpatient();
    let add_dx = move |_| {
        let id = ui.add_diagnosis("");
        request_animation_frame(move || focus_element(&format!("dx-{id}-code")));
    };
    let add_proc = move |_| {
        let id = ui.add_procedure("");
        request_animation_frame(move || focus_element(&format!("proc-{id}-code")));
    };
    view! {
        <section class="coding-section" aria-labelledby="dx-heading">
            <h3 id="dx-heading">"Diagnoses (ICD-10-CM)"</h3>
            <p class="hint">
                {if inpatient { "Principal diagnosis first, then the secondary diagnoses, each with its POA indicator." }
                 else { "First-listed diagnosis first (the reason for the encounter), then the others. POA is not reported outside inpatient care." }}
                " Reorder with the arrow buttons or by dragging the handle."
            </p>
            <ol class="coding-list" aria-label="Your diagnosis codes">
                <For each=move || ui.diagnoses.get() key=|r| r.id let:row>
                    <DiagnosisRow row=row dragged=dragged/>
                </For>
            </ol>
            <button type="button" class="button button--secondary" on:click=add_dx>"Add a diagnosis"</button>
        </section>
        {inpatient.then(|| view! {
            <section class="coding-section" aria-labelledby="proc-heading">
                <h3 id="proc-heading">"Procedures (ICD-10-PCS)"</h3>
                <p class="hint">"Each significant procedure with the date it was done."</p>
                <ol class="coding-list" aria-label="Your procedure codes">
                    <For each=move || ui.procedures.get() key=|r| r.id let:row>
                        <ProcedureRow row=row/>
                    </For>
                </ol>
                <button type="button" class="button button--secondary" on:click=add_proc>"Add a procedure"</button>
            </section>
        })}
    }
}
