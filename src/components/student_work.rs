use hit_core::assignment::Report;
use leptos::prelude::*;

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
                Some(s) => view! {
                    <div class="table-scroll">
                        <table class="data-table compact">
                            <caption>{format!("{title}: {:.1}%", s.percent())}</caption>
                            <thead><tr><th scope="col">"Answer key"</th><th scope="col">"Coded"</th><th scope="col">"Result"</th><th scope="col">"Why"</th></tr></thead>
                            <tbody>
                                {s.grade.items.iter().map(|i| view! {
                                    <tr>
                                        <td class="code">{i.expected.clone().unwrap_or_else(|| "—".into())}</td>
                                        <td class="code">{i.given.clone().unwrap_or_else(|| "—".into())}</td>
                                        <td>{i.verdict.label()}</td>
                                        <td>{i.message.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }).collect_view()}
            {(!report.by_question.is_empty()).then(|| view! {
                <p>{report.by_question.iter().enumerate().map(|(i, r)| format!("Question {}: {}", i + 1, outcome(r))).collect::<Vec<_>>().join(" · ")}</p>
            })}
        </details>
    }
}
