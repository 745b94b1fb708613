use hit_core::progress::{Week, describe_trend};
use leptos::prelude::*;

use crate::browser::day_label;

const W: f64 = 640.0;
const H: f64 = 220.0;
const LEFT: f64 = 40.0;
const BOTTOM: f64 = 30.0;

/// The weekly score trend: questions right and coding score, as an SVG line
/// chart with a text alternative and the numbers in a table.
#[component]
pub fn TrendChart(weeks: Vec<Week>) -> impl IntoView {
    let n = weeks.len().max(1) as f64;
    let x = move |i: usize| LEFT + (W - LEFT - 10.0) * (i as f64 + 0.5) / n;
    let y = |p: f64| 10.0 + (H - BOTTOM - 10.0) * (1.0 - p / 100.0);
    let series = |values: Vec<(usize, f64)>, class: &'static str, label: &'static str| {
        let points: String = values.iter().map(|(i, p)| format!("{:.1},{:.1}", x(*i), y(*p))).collect::<Vec<_>>().join(" ");
        view! {
            <g class=class>
                <polyline points=points fill="none"/>
                {values.into_iter().map(|(i, p)| view! { <circle cx=format!("{:.1}", x(i)) cy=format!("{:.1}", y(p)) r="4"><title>{format!("{label}: {p:.0}%")}</title></circle> }).collect_view()}
            </g>
        }
    };
    let questions: Vec<(usize, f64)> = weeks.iter().enumerate().filter_map(|(i, w)| w.questions.percent().map(|p| (i, p))).collect();
    let coding: Vec<(usize, f64)> = weeks.iter().enumerate().filter_map(|(i, w)| w.coding.map(|(p, _)| (i, p))).collect();
    let description = describe_trend(&weeks);
    let rows = weeks.clone();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="trend-title trend-desc" class="trend-chart">
                <title id="trend-title">"Score trend by week"</title>
                <desc id="trend-desc">{description.clone()}</desc>
                {[0.0, 50.0, 70.0, 100.0].map(|p| view! {
                    <g class="grid">
                        <line x1=LEFT x2=W - 10.0 y1=y(p) y2=y(p)/>
                        <text x=LEFT - 6.0 y=y(p) + 4.0 text-anchor="end">{format!("{p:.0}%")}</text>
                    </g>
                }).to_vec()}
                {weeks.iter().enumerate().filter(|(i, _)| i % 2 == 1 || weeks.len() <= 6).map(|(i, w)| view! {
                    <text class="axis" x=x(i) y=H - 8.0 text-anchor="middle">{day_label(w.first_day).split(", ").nth(1).unwrap_or_default().to_string()}</text>
                }).collect_view()}
                {series(questions, "series series--questions", "Questions right")}
                {series(coding, "series series--coding", "Coding score")}
            </svg>
            <figcaption>
                <span class="legend legend--questions">"Questions right"</span>
                <span class="legend legend--coding">"Coding score"</span>
                <span class="muted">"Weeks start on the date shown; the 70% line is the share the scaled-score estimate treats as passing."</span>
            </figcaption>
            <details>
                <summary>"Show the numbers"</summary>
                <div class="table-scroll">
                    <table class="data-table compact">
                        <caption class="visually-hidden">"Score trend by week"</caption>
                        <thead><tr><th scope="col">"Week of"</th><th scope="col">"Questions right"</th><th scope="col">"Coding score"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|w| view! {
                                <tr>
                                    <td>{day_label(w.first_day)}</td>
                                    <td>{w.questions.percent().map_or("—".to_string(), |p| format!("{p:.0}% of {}", w.questions.total))}</td>
                                    <td>{w.coding.map_or("—".to_string(), |(p, n)| format!("{p:.0}% over {n} charts"))}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
