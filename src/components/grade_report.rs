use hit_core::chart::Chart;
use hit_core::grading::{DrgComparison, Grade, Verdict};
use leptos::prelude::*;

use crate::components::{answer_key::AnswerKey, drg_comparison::DrgComparisonView, grade_items::{GradeItems, points}};

/// The grading of one attempt: the score, every code with its verdict and
/// the points it earned, Excludes1 conflicts, the rubric, the MS-DRGs and
/// the rationale.
#[component]
pub fn GradeReport(grade: Grade, drgs: Option<DrgComparison>, chart: Chart, rationale: String, rubric: String, base_rate: u32) -> impl IntoView {
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
            <GradeItems grade=grade.clone() caption="Each code in the answer key, what you coded, and the points earned".into() caption_hidden=true coded_header="You coded"/>
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
