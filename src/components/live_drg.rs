use leptos::prelude::*;

use crate::codebook::CodesStatus;
use crate::coding_state::use_coding;
use crate::state::use_app;

/// The MS-DRG the coding produces as it stands, with the reasons, updated
/// as codes are typed (inpatient charts only).
#[component]
pub fn LiveDrg() -> impl IntoView {
    let state = use_app();
    let ui = use_coding();
    let result = Memo::new(move |_| {
        let answer = ui.answer();
        let CodesStatus::Ready(cb) = state.codes.get() else { return None };
        let dx: Vec<String> = answer.diagnoses.iter().map(|d| d.code.clone()).filter(|c| !c.trim().is_empty()).collect();
        let procs: Vec<String> = answer.procedures.iter().map(|p| p.code.clone()).filter(|c| !c.trim().is_empty()).collect();
        (!dx.is_empty()).then(|| ui.chart.with_value(|c| {
            let claim = hit_core::grading::claim_for(c, &dx, &procs);
            (cb.sets.grouper.group(&claim), hit_core::grading::mce_edits(&cb.sets.mce, &claim))
        }))
    });
    view! {
        <section class="card live-drg" aria-labelledby="live-drg-heading" aria-live="polite">
            <h2 id="live-drg-heading">"MS-DRG for your coding"</h2>
            {move || match result.get() {
                None => view! { <p class="muted">"Add a principal diagnosis to see the MS-DRG it groups to."</p> }.into_any(),
                Some((r, edits)) => view! {
                    <p class="drg-line">
                        <span class="drg-number">{format!("MS-DRG {:03}", r.drg)}</span>" "{r.title.clone()}
                    </p>
                    <p>{r.weight.map_or("No relative weight.".to_string(), |w| format!("Relative weight {w:.4}"))}</p>
                    <ul class="drg-reasons">
                        {r.ungroupable.clone().map(|u| view! { <li>{u}</li> })}
                        {(!r.why.mdc.is_empty()).then(|| view! { <li>{r.why.mdc.clone()}</li> })}
                        {r.why.severity_from.iter().map(|(c, s)| view! { <li>{format!("{c} is {} {}", if s.label() == "MCC" { "an" } else { "a" }, s.label())}</li> }).collect_view()}
                        {r.why.severity_excluded.iter().map(|(c, why)| view! { <li>{format!("{c} does not count: {why}")}</li> }).collect_view()}
                        {(!r.why.procedures.is_empty()).then(|| view! { <li>{format!("Surgical DRG from {}", r.why.procedures.join(", "))}</li> })}
                    </ul>
                    <h3 class="mce-heading">"Medicare Code Editor"</h3>
                    {if edits.is_empty() {
                        view! { <p class="muted">"No MCE edits: the claim passes the diagnosis edits."</p> }.into_any()
                    } else {
                        view! { <ul class="mce-edits">{edits.into_iter().map(|e| view! { <li>{e.message}</li> }).collect_view()}</ul> }.into_any()
                    }}
                }.into_any(),
            }}
        </section>
    }
}
