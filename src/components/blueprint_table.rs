use hit_core::exam::Blueprint;
use leptos::prelude::*;

/// The exam blueprint: each domain with its published weight ranges (every
/// source, named), how many scored items a mock exam gives it, and its tasks.
#[component]
pub fn BlueprintTable(blueprint: Blueprint) -> impl IntoView {
    let mock = blueprint.allocate(blueprint.shape.scored);
    let sources = blueprint.sources.clone();
    let range = |w: Option<&(f64, f64)>| w.map_or("not given".to_string(), |(lo, hi)| format!("{lo:.0}–{hi:.0}%"));
    view! {
        <details class="blueprint">
            <summary>"The exam blueprint: domains, weights and tasks"</summary>
            <div class="table-scroll">
                <table class="data-table compact">
                    <caption class="visually-hidden">"RHIT domains with their weight ranges by source and the scored items in a mock exam"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Domain"</th>
                            {sources.iter().map(|s| view! { <th scope="col">{s.name.clone()}</th> }).collect_view()}
                            <th scope="col">"Mock exam (scored items)"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {blueprint.domains.iter().enumerate().map(|(i, d)| view! {
                            <tr>
                                <th scope="row">
                                    {format!("{}. {}", d.domain.number(), d.domain.name())}
                                    <ul class="task-list">
                                        {d.tasks.iter().map(|t| view! { <li>{format!("{} {}", t.id, t.text)}</li> }).collect_view()}
                                    </ul>
                                </th>
                                {sources.iter().map(|s| view! { <td>{range(d.weights.get(&s.id))}</td> }).collect_view()}
                                <td>{mock[i].to_string()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"Sources"</h3>
            <ul>
                {blueprint.sources.iter().map(|s| view! {
                    <li><a href=s.url.clone() rel="noopener">{s.name.clone()}</a>{format!(" (retrieved {}). {}", s.retrieved, s.note)}</li>
                }).collect_view()}
                <li>{blueprint.shape.source.clone()}</li>
            </ul>
            <p class="hint">{format!("The mock exam follows “{}”: each domain gets a share of the {} scored and {} pretest items in proportion to the midpoint of its range.",
                blueprint.sources.iter().find(|s| s.id == blueprint.mock_source).map_or(blueprint.mock_source.clone(), |s| s.name.clone()),
                blueprint.shape.scored, blueprint.shape.pretest)}</p>
        </details>
    }
}
