use hit_core::assignment::{Assignment, Report, class_summary};
use leptos::prelude::*;

use crate::exam_session::item;
use crate::state::use_app;

/// What to go over with the class: each question's share right, and each
/// key code of each chart with how many coded it exactly, partly or not.
#[component]
pub fn ClassAnalysis(a: Assignment, reports: Vec<Report>, titles: Vec<String>) -> impl IntoView {
    let state = use_app();
    let summary = class_summary(&a, &reports);
    let stem = move |id: &str| {
        let text = item(&state, id).map(|i| i.stem).unwrap_or_else(|| id.to_string());
        let short: String = text.chars().take(110).collect();
        if short.len() < text.len() { format!("{}…", short.trim_end()) } else { short }
    };
    let share = |n: usize, of: usize| if of == 0 { "no answers".to_string() } else { format!("{n} of {of} ({:.0}%)", 100.0 * n as f64 / of as f64) };
    view! {
        {(!a.questions.is_empty()).then(|| view! {
            <details class="class-analysis">
                <summary>"Question by question"</summary>
                <div class="table-scroll">
                    <table class="data-table compact">
                        <caption class="visually-hidden">{format!("How the class answered each question of “{}”", a.title)}</caption>
                        <thead><tr><th scope="col">"Question"</th><th scope="col">"Right"</th></tr></thead>
                        <tbody>
                            {a.questions.iter().zip(&summary.questions).enumerate().map(|(i, (q, (right, of)))| view! {
                                <tr><th scope="row">{format!("{}. {}", i + 1, stem(q))}</th><td>{share(*right, *of)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        })}
        {summary.codes.iter().zip(titles).filter(|(t, _)| !t.is_empty()).map(|(tallies, title)| view! {
            <details class="class-analysis">
                <summary>{format!("Codes in {title}")}</summary>
                <div class="table-scroll">
                    <table class="data-table compact">
                        <caption class="visually-hidden">{format!("How the class coded each answer-key code of {title}")}</caption>
                        <thead><tr><th scope="col">"Answer key"</th><th scope="col">"Exact"</th><th scope="col">"Partly right"</th><th scope="col">"Missing"</th></tr></thead>
                        <tbody>
                            {tallies.iter().map(|t| view! {
                                <tr>
                                    <th scope="row" class="code">{t.code.clone()}</th>
                                    <td>{share(t.exact, t.of())}</td>
                                    <td>{share(t.partly, t.of())}</td>
                                    <td>{share(t.missing, t.of())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        }).collect_view()}
    }
}
