use leptos::prelude::*;

use crate::state::use_app;

/// Every graded attempt, newest first, each linking back to its chart.
#[component]
pub fn AttemptHistory() -> impl IntoView {
    let state = use_app();
    let titles = state.content.with_value(|c| {
        c.as_ref().map(|c| c.scenarios.iter().map(|s| (s.id.clone(), s.title.clone())).collect::<std::collections::HashMap<_, _>>()).unwrap_or_default()
    });
    let titles = StoredValue::new(titles);
    view! {
        {move || {
            let attempts = state.attempts.get();
            if attempts.attempts.is_empty() {
                return view! { <p>"No graded attempts yet. Open a chart, code it and grade it: it will be listed here."</p> }.into_any();
            }
            view! {
                <div class="table-scroll">
                    <table class="data-table compact">
                        <caption class="visually-hidden">"Your graded coding attempts, newest first"</caption>
                        <thead><tr><th scope="col">"Graded"</th><th scope="col">"Chart"</th><th scope="col">"Score"</th><th scope="col">"Your MS-DRG"</th><th scope="col">"Correct MS-DRG"</th></tr></thead>
                        <tbody>
                            {attempts.newest_first().map(|a| {
                                let title = titles.with_value(|t| t.get(&a.scenario).cloned().unwrap_or_else(|| a.scenario.clone()));
                                let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(a.at_ms as f64)).to_locale_string("en-US", &wasm_bindgen::JsValue::UNDEFINED);
                                let drg = |d: u16| if d == 0 { "—".to_string() } else { format!("{d:03}") };
                                view! {
                                    <tr>
                                        <td>{String::from(when)}</td>
                                        <td><a href=format!("/code/{}/{}", a.scenario, a.seed)>{format!("{title} (seed {})", a.seed)}</a></td>
                                        <td>{format!("{}%", a.percent())}</td>
                                        <td>{drg(a.your_drg)}</td>
                                        <td>{drg(a.correct_drg)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
