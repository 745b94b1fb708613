use hit_core::grading::{Grade, Verdict};
use leptos::prelude::*;

/// Every code of a grading: the key's code, what was coded, the verdict,
/// the points and why. Shown to the student after grading and to the
/// instructor for each submission.
#[component]
pub fn GradeItems(grade: Grade, caption: String, #[prop(optional)] caption_hidden: bool, coded_header: &'static str) -> impl IntoView {
    let class = |v: Verdict| match v {
        Verdict::Exact | Verdict::Accepted => "verdict verdict--ok",
        Verdict::Missing | Verdict::Extra => "verdict verdict--bad",
        _ => "verdict verdict--partial",
    };
    view! {
        <div class="table-scroll">
            <table class="data-table compact grade-table">
                <caption class:visually-hidden=caption_hidden>{caption}</caption>
                <thead><tr><th scope="col">"Answer key"</th><th scope="col">{coded_header}</th><th scope="col">"Result"</th><th scope="col">"Points"</th><th scope="col">"Why"</th></tr></thead>
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
    }
}

/// Points without trailing zeros: 2, 1.5, 0.25.
pub fn points(p: f64) -> String {
    if p.fract() == 0.0 { format!("{p:.0}") } else { format!("{p:.2}").trim_end_matches('0').to_string() }
}
