use hit_core::assignment::Report;
use leptos::prelude::*;

use crate::components::grade_items::GradeItems;

/// One student's work, code by code and question by question, for feedback.
#[component]
pub fn StudentWork(report: Report, titles: Vec<String>) -> impl IntoView {
    let outcome = |r: &Option<bool>| match r {
        Some(true) => "right",
        Some(false) => "wrong",
        None => "not answered",
    };
    view! {
        <details class="student-work">
            <summary>{format!("{}’s work", report.student)}</summary>
            {report.charts.iter().zip(titles).map(|(c, title)| match &c.score {
                None => view! { <p>{format!("{title}: not graded.")}</p> }.into_any(),
                Some(s) => view! { <GradeItems grade=s.grade.clone() caption=format!("{title}: {:.1}%", s.percent()) coded_header="Coded"/> }.into_any(),
            }).collect_view()}
            {(!report.by_question.is_empty()).then(|| view! {
                <p>{report.by_question.iter().enumerate().map(|(i, r)| format!("Question {}: {}", i + 1, outcome(r))).collect::<Vec<_>>().join(" · ")}</p>
            })}
        </details>
    }
}
