//! `/charts`: the chart library, and `/charts/SCENARIO`, which opens a new
//! chart of a scenario with a fresh seed.

use hit_core::scenario::{Scenario, ScenarioFilter, Setting, body_systems_in_use};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::browser::random_seed;
use crate::components::{
    chart_filters::ChartFilters, open_chart_form::OpenChartForm, page_header::PageHeader, scenario_card::ScenarioCard,
};
use crate::state::use_app;

/// The library: filters kept in the URL (`?setting=&system=&difficulty=`),
/// the matching scenarios, and a button for a random chart among them.
#[component]
pub fn Charts() -> impl IntoView {
    let state = use_app();
    let scenarios: Vec<Scenario> = state.content.with_value(|c| c.as_ref().map(|c| c.scenarios.clone()).unwrap_or_default());
    let query = use_query_map();
    let filter = Signal::derive(move || {
        query.with(|q| ScenarioFilter {
            setting: q.get("setting").and_then(|s| Setting::from_id(&s)),
            body_system: q.get("system").filter(|s| !s.is_empty()),
            difficulty: q.get("difficulty").and_then(|d| d.parse().ok()),
        })
    });
    let navigate = use_navigate();
    let on_change = Callback::new(move |f: ScenarioFilter| {
        navigate(&library_url(&f), NavigateOptions { replace: true, scroll: false, ..Default::default() });
    });
    let systems = body_systems_in_use(&scenarios);
    let all = StoredValue::new(scenarios);
    let shown = Memo::new(move |_| all.with_value(|all| filter.with(|f| f.apply(all).into_iter().cloned().collect::<Vec<_>>())));
    let total = all.with_value(Vec::len);
    let navigate = use_navigate();
    let random_chart = move |_| {
        let list = shown.get_untracked();
        if !list.is_empty() {
            let pick = &list[(random_seed() as usize) % list.len()];
            navigate(&format!("/charts/{}/{}", pick.id, random_seed()), Default::default());
        }
    };
    view! {
        <PageHeader title="Charts" lead="Synthetic patient records to read and code. The same case and seed always give the same chart, so a class can share one."/>
        <section class="card library-tools" aria-label="Find a chart">
            <ChartFilters filter=filter systems=systems on_change=on_change/>
            <div class="actions">
                <button type="button" class="button" on:click=random_chart disabled=move || shown.with(Vec::is_empty)>
                    "New random chart"
                </button>
                <p class="status" role="status">
                    {move || format!("Showing {} of {total} cases", shown.with(Vec::len))}
                </p>
            </div>
        </section>
        <Show when=move || shown.with(Vec::is_empty)>
            <p class="empty-state">"No case matches these filters. Choose “All” in one of them to see more."</p>
        </Show>
        <h2 id="cases-heading" class="visually-hidden">"Cases"</h2>
        <ul class="scenario-list" aria-labelledby="cases-heading">
            <For each=move || shown.get() key=|s| s.id.clone() let:scenario>
                <ScenarioCard scenario=scenario/>
            </For>
        </ul>
        <OpenChartForm scenarios=all.get_value()/>
    }
}

fn library_url(f: &ScenarioFilter) -> String {
    let mut parts = Vec::new();
    if let Some(s) = f.setting {
        parts.push(format!("setting={}", s.id()));
    }
    if let Some(b) = &f.body_system {
        parts.push(format!("system={}", js_sys::encode_uri_component(b)));
    }
    if let Some(d) = f.difficulty {
        parts.push(format!("difficulty={d}"));
    }
    if parts.is_empty() { "/charts".into() } else { format!("/charts?{}", parts.join("&")) }
}

/// `/charts/SCENARIO`: replaces itself with a chart of a fresh seed.
#[component]
pub fn NewChart() -> impl IntoView {
    let params = use_params_map();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let id = params.with(|p| p.get("scenario").unwrap_or_default());
        navigate(&format!("/charts/{id}/{}", random_seed()), NavigateOptions { replace: true, ..Default::default() });
    });
    view! { <p class="status">"Opening a new chart…"</p> }
}
