use hit_core::assignment::{Assignment, Report};
use leptos::prelude::*;

use crate::browser::local_date;

/// A class's results for one assignment: a row per student, a column per
/// chart (with whether the MS-DRG came out right), the questions, overall.
#[component]
pub fn ResultsTable(a: Assignment, reports: Vec<Report>, titles: Vec<String>) -> impl IntoView {
    let n = reports.len() as f64;
    let average = reports.iter().map(Report::overall_percent).sum::<f64>() / n;
    view! {
        <div class="table-scroll" role="region" aria-label=format!("Results for “{}”", a.title) tabindex="0">
            <table class="data-table">
                <caption>{format!("{} · class average {average:.1}%", if reports.len() == 1 { "1 submission".to_string() } else { format!("{} submissions", reports.len()) })}</caption>
                <thead><tr>
                    <th scope="col">"Student"</th>
                    {titles.into_iter().map(|t| view! { <th scope="col">{t}</th> }).collect_view()}
                    {(!a.questions.is_empty()).then(|| view! { <th scope="col">"Questions"</th> })}
                    <th scope="col">"Overall"</th>
                    <th scope="col">"Handed in"</th>
                </tr></thead>
                <tbody>
                    {reports.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.student.clone()}</th>
                            {r.charts.iter().map(|c| view! { <td>{c.score.as_ref().map_or("not done".to_string(), |s| {
                                let drg = s.drgs.map(|(y, k)| if y == k { " · DRG right".to_string() } else { format!(" · DRG {y:03}, key {k:03}") }).unwrap_or_default();
                                format!("{:.1}%{drg}", s.percent())
                            })}</td> }).collect_view()}
                            {(r.questions > 0).then(|| view! { <td>{format!("{} of {} right", r.right, r.questions)}</td> })}
                            <td>{format!("{:.1}%", r.overall_percent())}</td>
                            <td>{local_date(r.submitted_ms)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="hint">"Overall: each chart counts as one part and the question set as one part; a chart not done counts zero."</p>
    }
}
