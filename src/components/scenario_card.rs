use hit_core::scenario::{Scenario, difficulty_label};
use leptos::prelude::*;

/// One scenario in the chart library; its title opens a new chart of it.
#[component]
pub fn ScenarioCard(scenario: Scenario) -> impl IntoView {
    let href = format!("/charts/{}", scenario.id);
    let level = scenario.difficulty;
    view! {
        <li class="scenario-card">
            <h3><a href=href>{scenario.title.clone()}</a></h3>
            <p class="chips">
                <span class="status-chip">{scenario.setting.title()}</span>
                <span class="status-chip">{scenario.body_system.clone()}</span>
                <span class=format!("status-chip level-{level}")>{format!("Level {level} · {}", difficulty_label(level))}</span>
                <span class="status-chip">{format!("MDC {}", scenario.mdc)}</span>
            </p>
        </li>
    }
}
