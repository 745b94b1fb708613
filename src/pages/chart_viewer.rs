//! `/charts/SCENARIO/SEED`: one generated chart in an EHR-style viewer.
//! `?doc=N` selects the document, so a link can point at a page of a chart.

use hit_core::chart::{Chart, generate};
use hit_core::scenario::Scenario;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::browser::{mark, measure, print_page, random_seed};
use crate::components::{
    answer_key::AnswerKey, document_nav::DocumentNav, document_view::DocumentView, download_link::DownloadLink,
    patient_banner::PatientBanner,
};
use crate::state::use_app;

#[component]
pub fn ChartViewer() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let query = use_query_map();
    let loaded = Memo::new(move |_| {
        let (id, seed) = params.with(|p| (p.get("scenario").unwrap_or_default(), p.get("seed").unwrap_or_default()));
        state.content.with_value(|c| open(c.as_ref().map(|c| (&c.scenarios[..], &c.names)), &id, &seed))
    });
    let selected = Signal::derive(move || query.with(|q| q.get("doc").and_then(|d| d.parse::<usize>().ok()).unwrap_or(0)));
    move || match loaded.get() {
        Ok((scenario, chart)) => view! { <ChartPage scenario=scenario chart=chart selected=selected/> }.into_any(),
        Err(message) => view! {
            <Title text="Chart not found"/>
            <header class="page-header"><h1>"Chart not found"</h1></header>
            <section class="card notice" role="alert">
                <p>{message}</p>
                <p><a href="/charts">"Back to the chart library"</a></p>
            </section>
        }
        .into_any(),
    }
}

/// The scenario and its chart for URL parts, or a message saying what is wrong.
pub(crate) fn open(
    content: Option<(&[Scenario], &hit_core::chart::Names)>,
    id: &str,
    seed: &str,
) -> Result<(Scenario, Chart), String> {
    let (scenarios, names) = content.ok_or("The chart content failed to load; see the notice above.")?;
    let scenario = scenarios.iter().find(|s| s.id == id).ok_or(format!("There is no case named “{id}” in this version of HIT Trainer."))?;
    let seed: u64 = seed.parse().map_err(|_| format!("“{seed}” is not a seed; a seed is a whole number such as 1024."))?;
    mark("hit:chart-start");
    let chart = generate(scenario, names, seed);
    mark("hit:chart-generated");
    measure("hit:chart-generate", "hit:chart-start", "hit:chart-generated");
    Ok((scenario.clone(), chart))
}

#[component]
fn ChartPage(scenario: Scenario, chart: Chart, selected: Signal<usize>) -> impl IntoView {
    let base = format!("/charts/{}/{}", chart.scenario, chart.seed);
    let json = serde_json::to_string_pretty(&chart.to_json()).unwrap_or_default();
    let filename = format!("{}-{}.json", chart.scenario, chart.seed);
    let another = format!("/charts/{}/{}", chart.scenario, random_seed());
    let count = chart.documents.len();
    let selected = Signal::derive(move || selected.get().min(count.saturating_sub(1)));
    let chart = StoredValue::new(chart);
    view! {
        <Title text=format!("{} · chart {}", scenario.title, chart.with_value(|c| c.seed))/>
        <header class="page-header chart-header">
            <p class="eyebrow">{format!("{} chart · case “{}” · seed {}", scenario.setting.title(), scenario.id, chart.with_value(|c| c.seed))}</p>
            <h1>{scenario.title.clone()}</h1>
        </header>
        {chart.with_value(|c| view! { <PatientBanner chart=c.clone()/> })}
        <div class="actions chart-actions no-print">
            <a class="button" href=format!("/code/{}/{}", chart.with_value(|c| c.scenario.clone()), chart.with_value(|c| c.seed))>"Code this chart"</a>
            <a class="button button--secondary" href="/charts">"Chart library"</a>
            <a class="button button--secondary" href=another>"Another patient, same case"</a>
            <a class="button button--secondary" href=format!("/instructor?chart={}&seed={}", chart.with_value(|c| c.scenario.clone()), chart.with_value(|c| c.seed))>"Assign this chart to a class"</a>
            <button type="button" class="button button--secondary" on:click=|_| print_page()>"Print chart"</button>
            <DownloadLink text=json filename=filename label="Download chart as JSON".into()/>
        </div>
        <div class="chart-layout">
            {chart.with_value(|c| view! { <DocumentNav documents=c.documents.clone() base=base.clone() selected=selected/> })}
            <div class="chart-documents">
                {chart.with_value(|c| {
                    c.documents.iter().enumerate().map(|(i, d)| view! {
                        <DocumentView document=d.clone() index=i hidden=Signal::derive(move || selected.get() != i)/>
                    }).collect_view()
                })}
            </div>
        </div>
        {chart.with_value(|c| view! { <AnswerKey chart=c.clone() rationale=scenario.rationale.clone()/> })}
    }
}
