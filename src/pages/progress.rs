//! `/progress`: the dashboard. Figures, the score trend, mastery by domain
//! and by coding skill, the activity calendar, the weakest areas, readiness
//! for the exam, the review queue, and backup and restore.

use hit_core::grading::Skills;
use hit_core::mock::score;
use hit_core::progress::{self, local_day};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::browser::{now_ms, utc_offset_ms};
use crate::codebook::ensure_loaded;
use crate::components::{
    activity_calendar::ActivityCalendar,
    backup_card::BackupCard,
    bar_chart::{Bar, BarChart},
    card_section::CardSection,
    page_header::PageHeader,
    progress_summary::ProgressSummary,
    readiness_card::ReadinessCard,
    review_queue::ReviewQueue,
    trend_chart::TrendChart,
    weak_areas::WeakAreas,
};
use crate::exam_session::with_bank;
use crate::state::use_app;

#[component]
pub fn Progress() -> impl IntoView {
    let state = use_app();
    // Code cards in the review queue show the code's title.
    Effect::new(move |_| ensure_loaded(state.codes));
    let (now, offset) = (now_ms(), utc_offset_ms());
    let today = local_day(now, offset);
    let activity = Memo::new(move |_| state.history.with(|h| state.attempts.with(|a| state.mocks.with(|m| progress::activity(h, a, m, offset)))));
    let has_progress = Signal::derive(move || activity.with(|a| !a.is_empty()));
    let dashboard = move || {
        let act = activity.get();
        let (answers, charts, exams) = (state.history.with(|h| h.answers.len() as u32 + h.days.values().map(|d| d.answered).sum::<u32>()), state.attempts.with(|a| a.attempts.len()), state.mocks.with(|m| m.exams.len()));
        let weeks = state.history.with(|h| state.attempts.with(|a| progress::weekly_trend(h, a, offset, today, 12)));
        let mastery = state.history.with(|h| h.mastery());
        let domain_bars: Vec<Bar> = hit_core::rhit::Domain::all()
            .map(|d| {
                let m = mastery.get(&d.number()).copied().unwrap_or_default();
                Bar { label: format!("{}. {}", d.number(), d.name()), percent: (m.total > 0).then(|| m.percent()), evidence: m.total }
            })
            .collect();
        let skills = state.attempts.with(|a| a.skills());
        let skill_bars: Vec<Bar> = skills.all().iter().zip(Skills::NAMES).map(|(t, name)| Bar { label: name.to_string(), percent: t.percent(), evidence: u32::from(t.total) }).collect();
        let weak = state.history.with(|h| state.attempts.with(|a| progress::weakest(h, a, 3, 3)));
        let last_mock = state.mocks.with(|m| m.exams.last().cloned());
        let readiness = state.content.with_value(|c| {
            c.as_ref().map(|c| {
                let last = last_mock.as_ref().map(|e| with_bank(&state, |b| score(e, b, &c.blueprint.shape).scaled));
                state.history.with(|h| progress::readiness(h, last, &c.blueprint, now))
            })
        });
        view! {
            <ProgressSummary streak=progress::streak(&act, today) seconds=progress::time_spent(&act) answers=answers as usize charts=charts exams=exams/>
            {readiness.map(|r| view! { <ReadinessCard readiness=r/> })}
            <CardSection id="trend" title="Score trend">
                <TrendChart weeks=weeks/>
            </CardSection>
            <div class="dashboard">
                <CardSection id="domains" title="Mastery by RHIT domain">
                    <BarChart id="domain-bars" title="Share right by RHIT domain".into() bars=domain_bars unit="questions"/>
                </CardSection>
                <CardSection id="skills" title="Mastery by coding skill">
                    <BarChart id="skill-bars" title="Share right by coding skill".into() bars=skill_bars unit="scored items"/>
                </CardSection>
            </div>
            <div class="dashboard">
                <CardSection id="activity" title="Activity">
                    <ActivityCalendar activity=act today=today/>
                </CardSection>
                <CardSection id="weakest" title="Weakest areas">
                    <WeakAreas areas=weak/>
                </CardSection>
            </div>
        }
    };
    view! {
        <Title text="Progress"/>
        <PageHeader title="Progress" lead="Your scores, mastery and review queue, kept in this browser."/>
        {dashboard}
        <ReviewQueue/>
        <BackupCard has_progress=has_progress/>
    }
}
