use hit_core::progress::count_label;
use leptos::prelude::*;

/// The headline figures: streak, time spent and how much has been done.
#[component]
pub fn ProgressSummary(streak: u32, seconds: u64, answers: usize, charts: usize, exams: usize) -> impl IntoView {
    let time = if seconds >= 3600 { format!("{} h {} min", seconds / 3600, seconds / 60 % 60) } else { format!("{} min", seconds / 60) };
    let days = if streak == 1 { "1 day".to_string() } else { format!("{streak} days") };
    view! {
        <dl class="stat-grid" aria-label="Your progress in figures">
            <div class="stat"><dt>"Streak"</dt><dd>{days}</dd></div>
            <div class="stat"><dt>"Time spent"</dt><dd>{time}</dd></div>
            <div class="stat"><dt>"Questions answered"</dt><dd>{count_label(answers as u64)}</dd></div>
            <div class="stat"><dt>"Charts graded"</dt><dd>{count_label(charts as u64)}</dd></div>
            <div class="stat"><dt>"Mock exams"</dt><dd>{count_label(exams as u64)}</dd></div>
        </dl>
    }
}
