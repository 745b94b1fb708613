use hit_core::assignment::{self, Assignment, Report};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::{local_date, origin};
use crate::codebook::CodesStatus;
use crate::components::{class_analysis::ClassAnalysis, confirm_button::ConfirmButton, class_results::ResultsTable, download_link::DownloadLink, link_share::LinkShare, student_work::StudentWork};
use crate::state::{AppState, use_app};

/// One assignment as its instructor sees it: the link to share, what it
/// asks, and the class's results, graded here.
#[component]
pub fn AssignmentResults(id: String) -> impl IntoView {
    let state = use_app();
    let lookup = id.clone();
    let a = Memo::new(move |_| state.gradebook.with(|g| g.assignments.iter().find(|a| a.id() == lookup).cloned()));
    let reports = Memo::new(move |_| a.get().and_then(|a| reports(&state, &a)));
    let remove_id = id.clone();
    let remove = Callback::new(move |()| {
        state.change(state.gradebook, |g| g.remove_assignment(&remove_id));
    });
    let title_of = move |scenario: &str| state.content.with_value(|c| c.as_ref().map_or_else(|| scenario.to_string(), |c| c.scenario_title(scenario)));
    move || {
        let Some(a) = a.get() else { return ().into_any() };
        let heading = format!("results-{}", a.id());
        let link = format!("{}/assignments?open={}", origin(), a.link_code());
        let csv = reports.get().map(|r| assignment::class_csv(&a, &r, |s| title_of(s)));
        let title = a.title.clone();
        view! {
            <section class="card stack" aria-labelledby=heading.clone()>
                <h2 id=heading.clone() tabindex="-1">{a.title.clone()}</h2>
                <p class="muted">{format!(
                    "{} · {}{} · made {}",
                    count(a.charts.len(), "chart", "charts"), count(a.questions.len(), "question", "questions"),
                    a.due.as_ref().map(|d| format!(" · due {d}")).unwrap_or_default(),
                    local_date(a.created_ms),
                )}</p>
                <LinkShare link=link label=format!("Link for students to “{}”", a.title) field_id=format!("link-{}", a.id())/>
                {(!a.charts.is_empty()).then(|| view! {
                    <details>
                        <summary>"Charts in this assignment"</summary>
                        <ul>{a.charts.iter().map(|t| view! { <li><A href=format!("/charts/{}/{}", t.scenario, t.seed)>{format!("{} (seed {})", title_of(&t.scenario), t.seed)}</A></li> }).collect_view()}</ul>
                    </details>
                })}
                <h3>"Results"</h3>
                {match reports.get() {
                    None => view! { <p class="muted">"Loading the code sets to grade submissions…"</p> }.into_any(),
                    Some(r) if r.is_empty() => view! { <p class="muted">"No submissions yet. Import the files students send you, above."</p> }.into_any(),
                    Some(r) => {
                        let titles: Vec<String> = a.charts.iter().map(|t| format!("{} (seed {})", title_of(&t.scenario), t.seed)).collect();
                        view! {
                            <ResultsTable a=a.clone() reports=r.clone() titles=titles.clone()/>
                            <ClassAnalysis a=a.clone() reports=r.clone() titles=titles.clone()/>
                            {r.into_iter().map(|report| view! { <StudentWork report=report titles=titles.clone()/> }).collect_view()}
                        }.into_any()
                    }
                }}
                {csv.filter(|_| reports.with(|r| r.as_ref().is_some_and(|r| !r.is_empty()))).map(|csv| view! {
                    <div class="actions"><DownloadLink text=csv filename=format!("hit-trainer-results-{}.csv", a.id()) label=format!("Download results for “{}” as CSV", a.title)/></div>
                })}
                <ConfirmButton
                    id=format!("delete-{}", a.id())
                    label=format!("Delete “{title}”…")
                    trigger_class="button button--quiet"
                    question=format!("Delete “{title}” and every submission imported for it? Students keep their own work.")
                    confirm="Yes, delete it".into()
                    on_confirm=remove
                />
            </section>
        }
        .into_any()
    }
}

/// The assignment's submissions graded, or `None` while the code sets load.
fn reports(state: &AppState, a: &Assignment) -> Option<Vec<Report>> {
    let CodesStatus::Ready(cb) = state.codes.get() else { return None };
    state.gradebook.with(|g| state.content.with_value(|c| c.as_ref().map(|c| g.submissions_for(a).into_iter().map(|s| assignment::grade_submission(s, c, &cb.sets)).collect())))
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
