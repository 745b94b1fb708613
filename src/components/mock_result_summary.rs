use hit_core::exam::ExamShape;
use hit_core::mock::{MockResult, scaled_explanation};
use hit_core::rhit::Domain;
use leptos::prelude::*;

/// The headline of a mock exam result: the scaled-score estimate and how it
/// is computed, the score by domain, and the time used.
#[component]
pub fn MockResultSummary(result: MockResult, shape: ExamShape, timed_out: bool) -> impl IntoView {
    let percent = if result.scored == 0 { 0.0 } else { f64::from(result.right) / f64::from(result.scored) * 100.0 };
    let verdict = if result.passed { "at or above the pass line" } else { "below the pass line" };
    let answered = result.slots.iter().filter(|s| s.answered).count();
    let seconds: u32 = result.slots.iter().map(|s| s.seconds).sum();
    let average = if answered == 0 { 0 } else { seconds / answered as u32 };
    let slowest = result.slots.iter().max_by_key(|s| s.seconds).filter(|s| s.seconds > 0).map(|s| (s.slot + 1, s.seconds));
    view! {
        <section class="card callout" aria-labelledby="result-heading">
            <h2 id="result-heading" tabindex="-1">{format!("Estimated scaled score: {}", result.scaled)}</h2>
            <p class="grade-points">{format!("{verdict} ({}). {} of {} scored questions right ({percent:.1}%).", shape.passing_scaled, result.right, result.scored)}</p>
            {timed_out.then(|| view! { <p><strong>"Time ran out, so the exam was submitted with the answers you had given."</strong></p> })}
            <p>{format!("You answered {answered} of {} questions in {:.0} minutes of the {}; about {} seconds a question{}.",
                result.slots.len(), result.minutes_used, shape.minutes, average,
                slowest.map_or(String::new(), |(n, s)| format!(", longest on question {n} ({s} seconds)")))}</p>
            <details>
                <summary>"How the estimate is worked out"</summary>
                <p>{scaled_explanation(&shape)}</p>
            </details>
            <h3>"By domain"</h3>
            <div class="table-scroll">
                <table class="data-table compact">
                    <caption class="visually-hidden">"Scored questions right in each RHIT domain"</caption>
                    <thead><tr><th scope="col">"Domain"</th><th scope="col">"Right"</th><th scope="col">"Share"</th></tr></thead>
                    <tbody>
                        {result.by_domain.iter().filter(|(_, (_, n))| *n > 0).map(|(d, (r, n))| {
                            let p = f64::from(*r) / f64::from(*n) * 100.0;
                            view! {
                                <tr>
                                    <th scope="row">{Domain::new(*d).map_or(String::new(), |d| format!("{}. {}", d.number(), d.name()))}</th>
                                    <td>{format!("{r} of {n}")}</td>
                                    <td>{format!("{p:.0}%")}<meter min="0" max="100" low="60" high="70" optimum="100" value=format!("{p:.0}") aria-label=format!("Domain {d} share right")></meter></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
