//! `/code/SCENARIO/SEED`: the coding workspace. The chart on one side, the
//! coding form (diagnoses, procedures, live MS-DRG, codebook) on the other;
//! grading below. Unfinished work is kept as a draft per chart.

use hit_core::attempts::Attempt;
use hit_core::chart::Chart;
use hit_core::grading::{DrgComparison, Grade, Skills, compare_drgs, grade};
use hit_core::scenario::{Scenario, Setting};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::browser::{focus_element, now_ms};
use crate::codebook::{CodesStatus, ensure_loaded};
use crate::coding_state::CodingUi;
use crate::components::{
    assignment_banner::AssignmentBanner,
    code_finder::CodeFinder, codes_progress::CodesProgress, coding_lists::CodingLists, document_nav::DocumentNav,
    document_view::DocumentView, grade_report::GradeReport, live_drg::LiveDrg, patient_banner::PatientBanner,
};
use crate::state::use_app;

#[component]
pub fn Workspace() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let loaded = Memo::new(move |_| {
        let (id, seed) = params.with(|p| (p.get("scenario").unwrap_or_default(), p.get("seed").unwrap_or_default()));
        state.content.with_value(|c| super::chart_viewer::open(c.as_ref().map(|c| (&c.scenarios[..], &c.names)), &id, &seed))
    });
    Effect::new(move |_| ensure_loaded(state.codes));
    move || match loaded.get() {
        Ok((scenario, chart)) => view! { <WorkspacePage scenario=scenario chart=chart/> }.into_any(),
        Err(message) => view! {
            <Title text="Chart not found"/>
            <header class="page-header"><h1>"Chart not found"</h1></header>
            <section class="card notice" role="alert"><p>{message}</p><p><a href="/charts">"Back to the chart library"</a></p></section>
        }
        .into_any(),
    }
}

/// One graded attempt, as shown under the form.
#[derive(Clone)]
struct Graded {
    grade: Grade,
    drgs: Option<DrgComparison>,
}

#[component]
fn WorkspacePage(scenario: Scenario, chart: Chart) -> impl IntoView {
    let state = use_app();
    let query = use_query_map();
    let ui = CodingUi::new(chart.clone());
    provide_context(ui);
    let (id, seed) = (chart.scenario.clone(), chart.seed);
    if let Some(answer) = state.drafts.with_untracked(|d| d.get(&id, seed).cloned()) {
        ui.load(&answer);
    } else {
        ui.add_diagnosis("");
    }
    // Keep a draft of every change (not of the form as first filled).
    let draft_id = id.clone();
    Effect::new(move |first: Option<()>| {
        let answer = ui.answer();
        if first.is_some() {
            state.save_draft(&draft_id, seed, &answer);
        }
    });
    let graded = RwSignal::new(None::<Graded>);
    // Time on the chart counts from opening it.
    let opened_ms = now_ms();
    let inpatient = chart.setting == Setting::Inpatient;
    let status = RwSignal::new(String::new());
    let grade_id = id.clone();
    let submit = move |_| {
        let CodesStatus::Ready(cb) = state.codes.get_untracked() else {
            status.set("The code sets are still loading; grade again in a moment.".into());
            return;
        };
        let Some(rubric) = state.content.with_value(|c| c.as_ref().map(|c| c.rubric.clone())) else { return };
        let answer = ui.answer();
        let (g, drgs) = ui.chart.with_value(|c| {
            let g = grade(&c.key, c.setting, &answer, &rubric, &cb.sets);
            let base = f64::from(state.settings.with_untracked(|s| s.drg_base_rate));
            (g, inpatient.then(|| compare_drgs(&cb.sets.grouper, c, &answer, base)))
        });
        let (yours, correct) = drgs.as_ref().map_or((0, 0), |d| (d.yours.drg, d.correct.drg));
        let skills = Skills::of(&g, inpatient, drgs.as_ref().map(|d| d.yours.drg == d.correct.drg));
        let now = now_ms();
        let seconds = ((now - opened_ms) / 1000).clamp(0, i64::from(u32::MAX)) as u32;
        let saved = state.record_attempt(Attempt::new(&grade_id, seed, now, &g, &answer, yours, correct, seconds, skills));
        let params = state.settings.with_untracked(|s| s.review_params());
        state.change_merged(state.review, |r| r.record_grade(&g, now, &params));
        status.set(if saved { "Graded and saved to your history.".into() } else { "Graded, but it could not be saved (see the notice above).".into() });
        graded.set(Some(Graded { grade: g, drgs }));
        request_animation_frame(|| focus_element("grade-heading"));
    };
    let selected = Signal::derive(move || query.with(|q| q.get("doc").and_then(|d| d.parse::<usize>().ok()).unwrap_or(0)));
    let count = chart.documents.len();
    let selected = Signal::derive(move || selected.get().min(count.saturating_sub(1)));
    let base = format!("/code/{id}/{seed}");
    let rubric_text = state.content.with_value(|c| c.as_ref().map(|c| c.rubric.explanation.text.trim().to_string()).unwrap_or_default());
    let rationale = scenario.rationale.clone();
    let report_chart = StoredValue::new(chart.clone());
    view! {
        <Title text=format!("Code: {} · seed {seed}", scenario.title)/>
        <header class="page-header chart-header">
            <p class="eyebrow">{format!("Coding · {} chart · case “{}” · seed {seed}", scenario.setting.title(), scenario.id)}</p>
            <h1>{scenario.title.clone()}</h1>
        </header>
        <PatientBanner chart=chart.clone()/>
        <AssignmentBanner scenario=scenario.id.clone() seed=seed/>
        <CodesProgress/>
        <div class="workspace">
            <div class="workspace__chart" aria-label="The chart">
                <DocumentNav documents=chart.documents.clone() base=base selected=selected/>
                <div class="chart-documents">
                    {chart.documents.iter().enumerate().map(|(i, d)| view! {
                        <DocumentView document=d.clone() index=i hidden=Signal::derive(move || selected.get() != i)/>
                    }).collect_view()}
                </div>
            </div>
            <form class="workspace__coding card" aria-labelledby="coding-heading" on:submit=|ev| ev.prevent_default()>
                <h2 id="coding-heading">"Your coding"</h2>
                <CodingLists/>
                <div class="actions">
                    <button type="button" class="button" on:click=submit>"Grade my coding"</button>
                    <p class="status" role="status">{move || status.get()}</p>
                </div>
            </form>
            <div class="workspace__tools">
                {inpatient.then(|| view! { <LiveDrg/> })}
                <CodeFinder/>
            </div>
        </div>
        {move || graded.get().map(|g| view! {
            <GradeReport grade=g.grade drgs=g.drgs chart=report_chart.get_value() rationale=rationale.clone()
                rubric=rubric_text.clone() base_rate=state.settings.with_untracked(|s| s.drg_base_rate)/>
        })}
    }
}
