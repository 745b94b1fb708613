use std::collections::BTreeMap;

use hit_core::progress::{DayActivity, describe_activity};
use leptos::prelude::*;

use crate::browser::day_label;

const WEEKS: i64 = 18;
const CELL: f64 = 14.0;

/// The last eighteen weeks as a calendar of squares, darker for busier
/// days, each with its date and counts; the text alternative sums it up.
#[component]
pub fn ActivityCalendar(activity: BTreeMap<i64, DayActivity>, today: i64) -> impl IntoView {
    // Columns are weeks ending with today's; rows are weekdays (Sunday first).
    let weekday = (today + 4).rem_euclid(7); // 1970-01-01 was a Thursday
    let last_sunday = today - weekday;
    let first = last_sunday - (WEEKS - 1) * 7;
    let days = today - first + 1;
    let level = |a: &DayActivity| match a.answers + a.attempts * 5 + a.exams * 20 {
        0 => 0,
        1..=5 => 1,
        6..=20 => 2,
        _ => 3,
    };
    let cells = (first..=today).map(|d| {
        let a = activity.get(&d).copied().unwrap_or_default();
        let (col, row) = ((d - first) / 7, (d - first) % 7);
        let label = format!("{}: {} questions, {} charts, {} mock exams", day_label(d), a.answers, a.attempts, a.exams);
        view! {
            <rect class=format!("day day--{}", level(&a)) x=format!("{:.0}", 30.0 + col as f64 * CELL) y=format!("{:.0}", 4.0 + row as f64 * CELL) width="11" height="11" rx="2">
                <title>{label}</title>
            </rect>
        }
    }).collect_view();
    let description = describe_activity(&activity, today, days);
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} {}", 34.0 + WEEKS as f64 * CELL, 8.0 + 7.0 * CELL) role="img" aria-labelledby="calendar-title calendar-desc" class="activity-calendar">
                <title id="calendar-title">"Activity calendar"</title>
                <desc id="calendar-desc">{description}</desc>
                {[(1, "Mon"), (3, "Wed"), (5, "Fri")].map(|(r, t)| view! { <text x="0" y=format!("{:.0}", 14.0 + f64::from(r) * CELL) class="axis">{t}</text> }).to_vec()}
                {cells}
            </svg>
            <figcaption class="muted">
                "Each square is a day, darkest for the busiest. "
                <span class="legend-scale" aria-hidden="true">
                    "Less " <span class="swatch day--0"></span><span class="swatch day--1"></span><span class="swatch day--2"></span><span class="swatch day--3"></span> " More"
                </span>
            </figcaption>
        </figure>
    }
}
