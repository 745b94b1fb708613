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
            <div class="stat"><dt>"Questions answered"</dt><dd>{answers.to_string()}</dd></div>
            <div class="stat"><dt>"Charts graded"</dt><dd>{charts.to_string()}</dd></div>
            <div class="stat"><dt>"Mock exams"</dt><dd>{exams.to_string()}</dd></div>
        </dl>
    }
}
