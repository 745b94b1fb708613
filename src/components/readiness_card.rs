use hit_core::progress::Readiness;
use leptos::prelude::*;

/// Readiness for the RHIT exam: the estimate, how much evidence it rests
/// on, the reasons, and each domain's part.
#[component]
pub fn ReadinessCard(readiness: Readiness) -> impl IntoView {
    let r = readiness;
    let verdict = if r.scaled >= r.passing_scaled { "at or above the pass line" } else { "below the pass line" };
    view! {
        <section class="card readiness" aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">"Readiness for the RHIT exam"</h2>
            <p class="readiness__figure">
                {format!("Estimated {} on the 100–400 scale, {verdict} of {} ", r.scaled, r.passing_scaled)}
                <span class="status-chip">{r.evidence.label()}</span>
            </p>
            <p>{format!("That is about {:.0}% of the scored questions right.", r.percent)}</p>
            <ul class="reasons">{r.reasons.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
            <details>
                <summary>"How each domain counts"</summary>
                <div class="table-scroll">
                    <table class="data-table compact">
                        <caption class="visually-hidden">"Each domain's weight and recent result"</caption>
                        <thead><tr><th scope="col">"Domain"</th><th scope="col">"Share of the exam"</th><th scope="col">"Recent answers"</th><th scope="col">"Counted as"</th></tr></thead>
                        <tbody>
                            {r.domains.iter().map(|d| view! {
                                <tr>
                                    <th scope="row">{format!("{}. {}", d.domain.number(), d.domain.name())}</th>
                                    <td>{format!("{:.0}%", d.weight * 100.0)}</td>
                                    <td>{if d.answered == 0 { "none".to_string() } else { format!("{} of {} right", d.right, d.answered) }}</td>
                                    <td>{format!("{:.0}%", d.estimate * 100.0)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="hint">"Each domain counts its share right with four extra answers at 50% added, so a few answers cannot swing it; the shares come from the blueprint the mock exam follows. The scaled figure uses the same assumption as the mock exam's estimate."</p>
            </details>
        </section>
    }
}
