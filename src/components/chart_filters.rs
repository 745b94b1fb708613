use hit_core::scenario::{ScenarioFilter, Setting, difficulty_label};
use leptos::prelude::*;

/// The chart library's filters: setting, body system and difficulty. Each
/// change is reported whole through `on_change` (the page keeps it in the URL).
#[component]
pub fn ChartFilters(
    filter: Signal<ScenarioFilter>,
    systems: Vec<&'static str>,
    on_change: Callback<ScenarioFilter>,
) -> impl IntoView {
    let set_setting = move |ev| {
        let mut f = filter.get_untracked();
        f.setting = Setting::from_id(&event_target_value(&ev));
        on_change.run(f);
    };
    let set_system = move |ev| {
        let mut f = filter.get_untracked();
        f.body_system = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
        on_change.run(f);
    };
    let set_difficulty = move |ev| {
        let mut f = filter.get_untracked();
        f.difficulty = event_target_value(&ev).parse().ok();
        on_change.run(f);
    };
    view! {
        <form class="filters" aria-label="Filter the chart library" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="filter-setting">"Setting"</label>
                <select id="filter-setting" on:change=set_setting
                    prop:value=move || filter.with(|f| f.setting.map_or("", Setting::id).to_string())>
                    <option value="">"All settings"</option>
                    {Setting::ALL.map(|s| view! { <option value=s.id()>{s.title()}</option> }).to_vec()}
                </select>
            </div>
            <div class="field">
                <label for="filter-system">"Body system"</label>
                <select id="filter-system" on:change=set_system
                    prop:value=move || filter.with(|f| f.body_system.clone().unwrap_or_default())>
                    <option value="">"All body systems"</option>
                    {systems.into_iter().map(|b| view! { <option value=b>{b}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-difficulty">"Difficulty"</label>
                <select id="filter-difficulty" on:change=set_difficulty
                    prop:value=move || filter.with(|f| f.difficulty.map(|d| d.to_string()).unwrap_or_default())>
                    <option value="">"All levels"</option>
                    {(1..=3u8).map(|d| view! { <option value=d.to_string()>{format!("{d} · {}", difficulty_label(d))}</option> }).collect_view()}
                </select>
            </div>
        </form>
    }
}
