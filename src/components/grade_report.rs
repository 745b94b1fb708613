use hit_core::chart::Chart;
use hit_core::grading::{DrgComparison, Grade, Verdict};
use leptos::prelude::*;

use crate::components::{answer_key::AnswerKey, drg_comparison::DrgComparisonView};

/// The grading of one attempt: the score, every code with its verdict and
/// the points it earned, Excludes1 conflicts, the rubric, the MS-DRGs and
/// the rationale.
#[component]
pub fn GradeReport(grade: Grade, drgs: Option<DrgComparison>, chart: Chart, rationale: String, rubric: String, base_rate: u32) -> impl IntoView {
    let points = |p: f64| if p.fract() == 0.0 { format!("{p:.0}") } else { format!("{p:.2}").trim_end_matches('0').to_string() };
    let class = |v: Verdict| match v {
        Verdict::Exact | Verdict::Accepted => "verdict verdict--ok",
        Verdict::Missing | Verdict::Extra => "verdict verdict--bad",
        _ => "verdict verdict--partial",
    };
    let summary = format!(
        "{} exact, {} partly right, {} missing, {} extra.",
        grade.count(Verdict::Exact),
        grade.count(Verdict::WrongSpecificity) + grade.count(Verdict::WrongPoa) + grade.count(Verdict::PrincipalNotFirst) + grade.count(Verdict::WrongDate),
        grade.count(Verdict::Missing),
        grade.count(Verdict::Extra)
    );
    view! {
        <section class="card grade-report" aria-labelledby="grade-heading">
            <h2 id="grade-heading" tabindex="-1">{format!("Your score: {}%", grade.percent())}</h2>
            <p class="grade-points">{format!("{} of {} points. {summary}", points(grade.points), points(grade.possible))}</p>
            <div class="table-scroll">
                <table class="data-table compact grade-table">
                    <caption class="visually-hidden">"Each code in the answer key, what you coded, and the points earned"</caption>
                    <thead><tr><th scope="col">"Answer key"</th><th scope="col">"You coded"</th><th scope="col">"Result"</th><th scope="col">"Points"</th><th scope="col">"Why"</th></tr></thead>
                    <tbody>
                        {grade.items.iter().map(|i| view! {
                            <tr>
                                <td class="code">{i.expected.clone().unwrap_or_else(|| "—".into())}</td>
                                <td class="code">{i.given.clone().unwrap_or_else(|| "—".into())}</td>
                                <td><span class=class(i.verdict)>{i.verdict.label()}</span></td>
                                <td>{format!("{} / {}", points(i.points), points(i.possible))}</td>
                                <td>{i.message.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(!grade.excludes1.is_empty()).then(|| view! {
                <h3>"Excludes1 conflicts in your coding"</h3>
                <ul>
                    {grade.excludes1.iter().map(|e| view! {
                        <li>{format!("{} and {} cannot be coded together: the note at {} says “{}”.", e.code, e.excluded, e.code, e.note)}</li>
                    }).collect_view()}
                </ul>
            })}
            <details class="rubric">
                <summary>"How this is scored"</summary>
                <p>{rubric}</p>
            </details>
            {drgs.map(|c| view! { <DrgComparisonView comparison=c base_rate=base_rate/> })}
        </section>
        <AnswerKey chart=chart rationale=rationale open=true/>
    }
}
