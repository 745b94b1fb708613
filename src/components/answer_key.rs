use hit_core::chart::Chart;
use leptos::prelude::*;

/// The chart's answer key and rationale, closed until the reader asks:
/// students code first, then check.
#[component]
pub fn AnswerKey(chart: Chart, rationale: String, #[prop(optional)] open: bool) -> impl IntoView {
    let key = chart.key;
    let inpatient = chart.setting == hit_core::scenario::Setting::Inpatient;
    let disposition = hit_core::discharge::label(&key.discharge_disposition).unwrap_or("Not recorded");
    let poa = |p: &Option<String>| p.clone().unwrap_or_else(|| if inpatient { "exempt".into() } else { "not reported".into() });
    let mut rows = vec![("Principal".to_string(), key.principal.code.clone(), poa(&key.principal.poa))];
    if !inpatient {
        rows[0].0 = "First-listed".into();
    }
    rows.extend(key.secondary.iter().map(|k| {
        let role = if k.required { "Secondary" } else { "Secondary (accepted, not required)" };
        (role.to_string(), k.code.clone(), poa(&k.poa))
    }));
    view! {
        <details class="card answer-key no-print" open=open>
            <summary>{if open { "Answer key and rationale" } else { "Answer key and rationale (open after you have coded the chart)" }}</summary>
            <h2>"Diagnoses (ICD-10-CM)"</h2>
            <div class="table-scroll">
                <table class="data-table compact">
                    <thead><tr><th scope="col">"Role"</th><th scope="col">"Code"</th><th scope="col">"POA"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(role, code, poa)| view! {
                            <tr><td>{role}</td><td><a class="code" href=format!("/codebook/icd10cm/{code}")>{code.clone()}</a></td><td>{poa}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h2>"Procedures (ICD-10-PCS)"</h2>
            {if key.procedures.is_empty() {
                view! { <p>{if inpatient { "None reported." } else { "Not reported with ICD-10-PCS in this setting (outpatient procedures use CPT/HCPCS)." }}</p> }.into_any()
            } else {
                view! {
                    <ul class="code-list">
                        {key.procedures.iter().map(|p| view! {
                            <li><a class="code" href=format!("/codebook/icd10pcs/{}", p.code)>{p.code.clone()}</a>{format!(" on {}{}", p.date, if p.required { "" } else { " (accepted, not required)" })}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p><strong>"Discharge disposition: "</strong>{format!("{} {disposition}", key.discharge_disposition)}</p>
            <h2>"Rationale"</h2>
            <p class="rationale">{rationale}</p>
        </details>
    }
}
