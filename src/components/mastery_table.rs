use hit_core::rhit::Domain;
use leptos::prelude::*;

use crate::state::use_app;

/// Mastery per RHIT domain: the share right of the latest answer to each
/// question, with how many questions that rests on.
#[component]
pub fn MasteryTable() -> impl IntoView {
    let state = use_app();
    let mastery = Memo::new(move |_| state.history.with(|h| h.mastery()));
    view! {
        <section class="card" aria-labelledby="mastery-heading">
            <h2 id="mastery-heading">"Your domain mastery"</h2>
            <p class="hint">"The share of questions right the last time you answered each one, from practice, quizzes and mock exams."</p>
            <div class="table-scroll">
                <table class="data-table compact mastery-table">
                    <caption class="visually-hidden">"Mastery by RHIT exam domain"</caption>
                    <thead><tr><th scope="col">"Domain"</th><th scope="col">"Questions answered"</th><th scope="col">"Right"</th></tr></thead>
                    <tbody>
                        {Domain::all().map(|d| {
                            let m = move || mastery.with(|m| m.get(&d.number()).copied().unwrap_or_default());
                            view! {
                                <tr>
                                    <th scope="row">{format!("{}. {}", d.number(), d.name())}</th>
                                    <td>{move || m().total.to_string()}</td>
                                    <td>{move || {
                                        let m = m();
                                        if m.total == 0 { "—".to_string() } else { format!("{:.0}%", m.percent()) }
                                    }}
                                        <meter min="0" max="100" low="60" high="75" optimum="100" value=move || format!("{:.0}", m().percent())
                                            aria-label=format!("Mastery of domain {}", d.number())></meter>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
