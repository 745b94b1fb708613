//! What the Progress dashboard shows, computed from the stored records:
//! activity by day, streak, time spent, the weekly score trend, the weakest
//! areas, and readiness for the RHIT exam with its reasoning. Time and the
//! user's UTC offset are passed in.

use std::collections::BTreeMap;

use crate::attempts::Attempts;
use crate::exam::Blueprint;
use crate::grading::{Skills, Tally};
use crate::history::History;
use crate::mock::{MockHistory, scaled_score};
use crate::rhit::Domain;

const DAY_MS: i64 = 86_400_000;

/// The local day number of an instant (days since 1970-01-01 in the user's zone).
pub fn local_day(at_ms: i64, utc_offset_ms: i64) -> i64 {
    (at_ms + utc_offset_ms).div_euclid(DAY_MS)
}

/// What was done on one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayActivity {
    pub answers: u32,
    pub attempts: u32,
    pub exams: u32,
    pub seconds: u64,
}

impl DayActivity {
    pub fn is_active(&self) -> bool {
        self.answers + self.attempts + self.exams > 0
    }
}

/// Activity per local day. Days folded by compaction count on their UTC day.
pub fn activity(history: &History, attempts: &Attempts, mocks: &MockHistory, utc_offset_ms: i64) -> BTreeMap<i64, DayActivity> {
    let mut out: BTreeMap<i64, DayActivity> = BTreeMap::new();
    for (day, t) in &history.days {
        let d = out.entry(*day).or_default();
        d.answers += t.answered;
        d.seconds += u64::from(t.seconds);
    }
    for a in &history.answers {
        let d = out.entry(local_day(a.at_ms, utc_offset_ms)).or_default();
        d.answers += 1;
        d.seconds += u64::from(a.seconds);
    }
    for a in &attempts.attempts {
        let d = out.entry(local_day(a.at_ms, utc_offset_ms)).or_default();
        d.attempts += 1;
        d.seconds += u64::from(a.seconds);
    }
    for e in &mocks.exams {
        let end = e.submitted_ms.unwrap_or(e.deadline_ms);
        let d = out.entry(local_day(end, utc_offset_ms)).or_default();
        d.exams += 1;
        d.seconds += ((end - e.started_ms).max(0) / 1000) as u64;
    }
    out
}

/// Consecutive active days ending today, or ending yesterday when nothing
/// has been done yet today (the streak is still alive until midnight).
pub fn streak(activity: &BTreeMap<i64, DayActivity>, today: i64) -> u32 {
    let active = |d: i64| activity.get(&d).is_some_and(DayActivity::is_active);
    let mut day = if active(today) { today } else { today - 1 };
    let mut n = 0;
    while active(day) {
        n += 1;
        day -= 1;
    }
    n
}

/// A count as the dashboard shows it, digits grouped by thousands: 20,001.
pub fn count_label(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Total time spent, in seconds.
pub fn time_spent(activity: &BTreeMap<i64, DayActivity>) -> u64 {
    activity.values().map(|d| d.seconds).sum()
}

/// One week of the score trend.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Week {
    /// Local day number of its first day.
    pub first_day: i64,
    /// Questions right and answered that week.
    pub questions: Tally,
    /// Mean coding score (percent) and how many charts.
    pub coding: Option<(f64, u32)>,
}

/// The last `weeks` weeks, oldest first, ending with the one holding `today`.
pub fn weekly_trend(history: &History, attempts: &Attempts, utc_offset_ms: i64, today: i64, weeks: u32) -> Vec<Week> {
    let first = today - i64::from(weeks) * 7 + 1;
    let mut out: Vec<Week> = (0..weeks).map(|w| Week { first_day: first + i64::from(w) * 7, ..Week::default() }).collect();
    let slot = |day: i64| (day >= first && day <= today).then(|| ((day - first) / 7) as usize);
    for a in &history.answers {
        if let Some(w) = slot(local_day(a.at_ms, utc_offset_ms)) {
            out[w].questions.add(a.correct);
        }
    }
    let mut coding: Vec<(f64, u32)> = vec![(0.0, 0); out.len()];
    for a in &attempts.attempts {
        if let Some(w) = slot(local_day(a.at_ms, utc_offset_ms)) {
            coding[w].0 += a.percent();
            coding[w].1 += 1;
        }
    }
    for (w, (sum, n)) in out.iter_mut().zip(coding) {
        w.coding = (n > 0).then(|| (sum / f64::from(n), n));
    }
    out
}

/// The trend in words, for the chart's text alternative.
pub fn describe_trend(weeks: &[Week]) -> String {
    let q: Vec<(usize, f64)> = weeks.iter().enumerate().filter_map(|(i, w)| w.questions.percent().map(|p| (i, p))).collect();
    let c: Vec<(usize, f64)> = weeks.iter().enumerate().filter_map(|(i, w)| w.coding.map(|(p, _)| (i, p))).collect();
    if q.is_empty() && c.is_empty() {
        return format!("No questions answered or charts graded in the last {} weeks.", weeks.len());
    }
    let part = |name: &str, v: &[(usize, f64)]| match v {
        [] => format!("{name}: none in these weeks"),
        [(_, p)] => format!("{name}: {p:.0}% in the one week with any"),
        [(_, first), .., (_, last)] => {
            let way = if last > first { "up" } else if last < first { "down" } else { "level" };
            format!("{name}: {first:.0}% in the first week with any, {last:.0}% in the latest ({way}), over {} weeks", v.len())
        }
    };
    format!("Weekly scores over the last {} weeks. {}; {}.", weeks.len(), part("Questions right", &q), part("coding score", &c))
}

/// Active days in words, for the calendar's text alternative.
pub fn describe_activity(activity: &BTreeMap<i64, DayActivity>, today: i64, days: i64) -> String {
    let active = (today - days + 1..=today).filter(|d| activity.get(d).is_some_and(DayActivity::is_active)).count();
    let answers: u32 = (today - days + 1..=today).filter_map(|d| activity.get(&d)).map(|a| a.answers).sum();
    let charts: u32 = (today - days + 1..=today).filter_map(|d| activity.get(&d)).map(|a| a.attempts).sum();
    format!("Active on {active} of the last {days} days: {answers} questions answered and {charts} charts graded.")
}

/// An area to practise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Domain(Domain),
    /// An index into [`Skills::NAMES`].
    Skill(usize),
}

impl Area {
    pub fn name(&self) -> String {
        match self {
            Area::Domain(d) => format!("Domain {}: {}", d.number(), d.name()),
            Area::Skill(i) => Skills::NAMES[*i].to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weak {
    pub area: Area,
    pub percent: f64,
    pub evidence: u32,
}

/// The areas with the lowest share right, among those with at least
/// `min_evidence` answers (domains) or scored items (coding skills), up to
/// `limit`, weakest first.
pub fn weakest(history: &History, attempts: &Attempts, min_evidence: u32, limit: usize) -> Vec<Weak> {
    let mut areas: Vec<Weak> = history
        .mastery()
        .into_iter()
        .filter_map(|(d, m)| Some(Weak { area: Area::Domain(Domain::new(d)?), percent: m.percent(), evidence: m.total }))
        .collect();
    for (i, t) in attempts.skills().all().iter().enumerate() {
        if let Some(p) = t.percent() {
            areas.push(Weak { area: Area::Skill(i), percent: p, evidence: u32::from(t.total) });
        }
    }
    areas.retain(|w| w.evidence >= min_evidence);
    areas.sort_by(|a, b| a.percent.total_cmp(&b.percent).then(b.evidence.cmp(&a.evidence)));
    areas.truncate(limit);
    areas
}

/// A chart that exercises a coding skill (an index into [`Skills::NAMES`]):
/// one with procedures for ICD-10-PCS, an inpatient one for sequencing, POA
/// and the MS-DRG, any for ICD-10-CM. `seed` picks among them.
pub fn practice_chart(skill: usize, scenarios: &[crate::scenario::Scenario], seed: u64) -> Option<&crate::scenario::Scenario> {
    use crate::scenario::Setting;
    let fits = |s: &&crate::scenario::Scenario| match skill {
        1 => !s.procedures.is_empty(),
        2..=4 => s.setting == Setting::Inpatient,
        _ => true,
    };
    let candidates: Vec<&crate::scenario::Scenario> = scenarios.iter().filter(fits).collect();
    (!candidates.is_empty()).then(|| candidates[(seed % candidates.len() as u64) as usize])
}

/// How much the readiness estimate rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    None,
    Little,
    Some,
    Good,
}

impl Evidence {
    pub fn label(self) -> &'static str {
        match self {
            Evidence::None => "no evidence yet",
            Evidence::Little => "little evidence",
            Evidence::Some => "some evidence",
            Evidence::Good => "good evidence",
        }
    }
}

/// One domain's part in the readiness estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DomainReadiness {
    pub domain: Domain,
    /// Its share of the scored items, 0 to 1.
    pub weight: f64,
    pub right: u32,
    pub answered: u32,
    /// The share right, pulled toward 50% when there are few answers.
    pub estimate: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    /// Expected share of scored items right, 0 to 100.
    pub percent: f64,
    pub scaled: u32,
    pub passing_scaled: u32,
    pub evidence: Evidence,
    pub domains: Vec<DomainReadiness>,
    /// The reasoning, in sentences, most important first.
    pub reasons: Vec<String>,
}

/// Answers older than this do not count toward readiness.
pub const READINESS_WINDOW_DAYS: i64 = 120;
/// Pseudo-answers at 50% added to each domain, so a domain with three
/// answers cannot swing the estimate.
const PRIOR_ANSWERS: f64 = 4.0;

/// Readiness for the RHIT exam: the latest answer to each question in the
/// window, per domain, weighted by the blueprint's share of each domain.
/// `last_mock_scaled` is the estimate of the latest mock exam, if any.
pub fn readiness(history: &History, last_mock_scaled: Option<u32>, blueprint: &Blueprint, now_ms: i64) -> Readiness {
    let shape = &blueprint.shape;
    let cut = shape.assumed_cut_percent / 100.0;
    let shares = blueprint.allocate(shape.scored);
    let since = now_ms - READINESS_WINDOW_DAYS * DAY_MS;
    let mut tallies: BTreeMap<u8, (u32, u32)> = BTreeMap::new();
    for a in history.latest().values().filter(|a| a.at_ms >= since) {
        let t = tallies.entry(a.domain).or_default();
        t.0 += u32::from(a.correct);
        t.1 += 1;
    }
    let domains: Vec<DomainReadiness> = Domain::all()
        .map(|d| {
            let (right, answered) = tallies.get(&d.number()).copied().unwrap_or_default();
            DomainReadiness {
                domain: d,
                weight: f64::from(shares[usize::from(d.number() - 1)]) / f64::from(shape.scored),
                right,
                answered,
                estimate: (f64::from(right) + 0.5 * PRIOR_ANSWERS) / (f64::from(answered) + PRIOR_ANSWERS),
            }
        })
        .collect();
    let percent = domains.iter().map(|d| d.weight * d.estimate).sum::<f64>() * 100.0;
    let total: u32 = domains.iter().map(|d| d.answered).sum();
    let least = domains.iter().map(|d| d.answered).min().unwrap_or(0);
    let evidence = match (total, least) {
        (0, _) => Evidence::None,
        (t, l) if t < 60 || l < 5 => Evidence::Little,
        (t, l) if t < 180 || l < 15 => Evidence::Some,
        _ => Evidence::Good,
    };
    let mut reasons = Vec::new();
    if total == 0 {
        reasons.push("Answer practice questions and the estimate appears here; until then every domain counts as 50%.".to_string());
    } else {
        reasons.push(format!(
            "Based on your latest answer to each of {total} questions in the last {READINESS_WINDOW_DAYS} days, weighted by each domain's share of the exam's {} scored items.",
            shape.scored
        ));
    }
    let mut behind: Vec<&DomainReadiness> = domains.iter().filter(|d| d.answered > 0 && d.estimate < cut).collect();
    behind.sort_by(|a, b| (b.weight * (cut - b.estimate)).total_cmp(&(a.weight * (cut - a.estimate))));
    for d in behind.iter().take(3) {
        reasons.push(format!(
            "Domain {} ({}, {:.0}% of the exam) holds the estimate back: {} of {} right.",
            d.domain.number(),
            d.domain.name(),
            d.weight * 100.0,
            d.right,
            d.answered
        ));
    }
    let unanswered: Vec<String> = domains.iter().filter(|d| d.answered == 0).map(|d| d.domain.number().to_string()).collect();
    if !unanswered.is_empty() && total > 0 {
        reasons.push(format!("No recent answers in domain {}: counted as 50% until you practise it.", unanswered.join(", ")));
    }
    if matches!(evidence, Evidence::Little | Evidence::Some) {
        reasons.push("The evidence is thin: answer at least 15 questions in every domain (180 in all) for a firmer estimate.".to_string());
    }
    if let Some(scaled) = last_mock_scaled {
        let side = if scaled >= shape.passing_scaled { "at or above" } else { "below" };
        reasons.push(format!("Your latest mock exam scored an estimated {scaled}, {side} the pass line of {}; its answers count above too.", shape.passing_scaled));
    }
    Readiness { percent, scaled: scaled_score(percent, shape), passing_scaled: shape.passing_scaled, evidence, domains, reasons }
}

/// Realistic progress for benchmarks and size tests: `attempts` graded
/// charts (five diagnoses and one or two procedures each, over the bundled
/// scenarios) and `answers` practice answers over the bundled bank, a few a
/// minute over recent months, with review cards for the misses.
pub fn sample_progress(attempts: usize, answers: usize, seed: u64) -> (Attempts, History, crate::review::ReviewQueue) {
    use crate::grading::{Answer, AnswerCode, AnswerProcedure};
    use rand::{RngExt, SeedableRng};
    let content = crate::content::bundled().expect("bundled content loads");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let start = 1_760_000_000_000i64;
    let codes = ["J18.9", "I50.33", "N17.9", "E11.22", "I10", "Z87.891", "K35.80", "E87.1", "D64.9", "F17.210"];
    let attempts = (0..attempts)
        .map(|i| {
            let s = &content.scenarios[rng.random_range(0..content.scenarios.len())];
            let diagnoses = (0..5).map(|_| AnswerCode { code: codes[rng.random_range(0..codes.len())].into(), poa: Some("Y".into()) }).collect();
            let procedures = (0..rng.random_range(1..=2)).map(|_| AnswerProcedure { code: "0DTJ4ZZ".into(), date: Some("2026-03-14".into()) }).collect();
            let mut skills = Skills::default();
            for _ in 0..6 {
                skills.cm.add(rng.random_bool(0.8));
            }
            skills.pcs.add(true);
            skills.sequencing.add(rng.random_bool(0.9));
            skills.drg.add(rng.random_bool(0.7));
            crate::attempts::Attempt {
                scenario: s.id.clone(),
                seed: rng.random_range(1..100_000),
                at_ms: start + i as i64 * 600_000,
                points: f64::from(rng.random_range(20..=40u32)) / 4.0,
                possible: 10.0,
                answer: Answer { diagnoses, procedures },
                your_drg: 193,
                correct_drg: 194,
                seconds: rng.random_range(120..1500),
                skills,
            }
        })
        .collect();
    let mut history = History::default();
    let mut queue = crate::review::ReviewQueue::default();
    let params = crate::fsrs::Params::default();
    for i in 0..answers {
        let item = &content.bank.items[rng.random_range(0..content.bank.items.len())];
        let correct = rng.random_bool(0.72);
        let at = start + i as i64 * 90_000;
        history.record(item, correct, at, rng.random_range(15..150));
        queue.record_answer(&item.id, correct, at, &params);
    }
    (Attempts { attempts }, history, queue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        for (n, want) in [(0, "0"), (999, "999"), (1_000, "1,000"), (20_001, "20,001"), (1_234_567, "1,234,567")] {
            assert_eq!(count_label(n), want);
        }
    }
    use crate::attempts::Attempt;
    use crate::grading::Answer;
    use crate::history::Answered;

    const T0: i64 = 1_764_000_000_000;

    fn answer(item: &str, domain: u8, correct: bool, at_ms: i64) -> Answered {
        Answered { item: item.into(), domain, correct, at_ms, seconds: 60 }
    }

    #[test]
    fn activity_streak_and_time_follow_local_days() {
        let offset = -5 * 3_600_000; // UTC-5
        let mut h = History::default();
        let today = local_day(T0, offset);
        // Three consecutive days, then a gap.
        for (d, n) in [(0, 2), (1, 1), (2, 3), (4, 1)] {
            for i in 0..n {
                h.answers.push(answer(&format!("i{d}{i}"), 1, true, T0 - d * DAY_MS + i * 1000));
            }
        }
        let attempts = Attempts {
            attempts: vec![Attempt { scenario: "x".into(), seed: 1, at_ms: T0, points: 8.0, possible: 10.0, answer: Answer::default(), your_drg: 0, correct_drg: 0, seconds: 600, skills: Skills::default() }],
        };
        let act = activity(&h, &attempts, &MockHistory::default(), offset);
        assert_eq!(act[&today], DayActivity { answers: 2, attempts: 1, exams: 0, seconds: 720 });
        assert_eq!(streak(&act, today), 3);
        assert_eq!(streak(&act, today + 1), 3, "alive until the end of the next day");
        assert_eq!(streak(&act, today + 2), 0);
        assert_eq!(time_spent(&act), 7 * 60 + 600);
        // A minute before local midnight and a minute after are different days.
        let midnight = (today + 1) * DAY_MS - offset;
        assert_eq!(local_day(midnight - 60_000, offset), today);
        assert_eq!(local_day(midnight + 60_000, offset), today + 1);
    }

    #[test]
    fn the_trend_buckets_weeks_and_the_weakest_areas_need_evidence() {
        let mut h = History::default();
        h.answers.push(answer("a", 2, false, T0 - 8 * DAY_MS));
        h.answers.push(answer("b", 2, true, T0));
        h.answers.push(answer("c", 3, false, T0));
        let today = local_day(T0, 0);
        let weeks = weekly_trend(&h, &Attempts::default(), 0, today, 4);
        assert_eq!(weeks.len(), 4);
        assert_eq!(weeks[3].questions, Tally { right: 1, total: 2 });
        assert_eq!(weeks[2].questions, Tally { right: 0, total: 1 });
        assert_eq!(weeks[3].first_day, today - 6);
        assert!(weeks[0].coding.is_none());
        let w = weakest(&h, &Attempts::default(), 1, 5);
        assert_eq!(w.iter().map(|w| w.area).collect::<Vec<_>>(), [Area::Domain(Domain::new(3).unwrap()), Area::Domain(Domain::new(2).unwrap())]);
        assert!(weakest(&h, &Attempts::default(), 3, 5).is_empty());
    }

    /// Not a timing: the stored size is a property of the format.
    #[test]
    fn ten_thousand_attempts_fit_well_under_a_megabyte() {
        let (attempts, history, queue) = sample_progress(10_000, 10_000, 7);
        let size = |text: String| text.len();
        let a = size(crate::store::encode_envelope(&attempts).unwrap());
        let h = size(crate::store::encode_envelope(&history).unwrap());
        let q = size(crate::store::encode_envelope(&queue).unwrap());
        assert!(a < 400_000, "10,000 coding attempts take {a} bytes");
        assert!(h < 200_000, "10,000 practice answers take {h} bytes");
        assert!(q < 100_000, "their review cards take {q} bytes");
        assert!(a + h + q < 600_000);
    }

    #[test]
    fn trend_and_activity_read_as_sentences() {
        let mut weeks = vec![Week::default(); 4];
        assert_eq!(describe_trend(&weeks), "No questions answered or charts graded in the last 4 weeks.");
        weeks[0].questions = Tally { right: 5, total: 10 };
        weeks[3].questions = Tally { right: 8, total: 10 };
        weeks[2].coding = Some((72.4, 2));
        assert_eq!(
            describe_trend(&weeks),
            "Weekly scores over the last 4 weeks. Questions right: 50% in the first week with any, 80% in the latest (up), over 2 weeks; coding score: 72% in the one week with any."
        );
        let mut act = BTreeMap::new();
        act.insert(10, DayActivity { answers: 3, attempts: 1, ..Default::default() });
        act.insert(2, DayActivity { answers: 9, ..Default::default() });
        assert_eq!(describe_activity(&act, 10, 7), "Active on 1 of the last 7 days: 3 questions answered and 1 charts graded.");
    }

    #[test]
    fn practice_charts_fit_the_skill() {
        let scenarios = crate::content::bundled().unwrap().scenarios;
        for seed in 0..20 {
            assert!(!practice_chart(1, &scenarios, seed).unwrap().procedures.is_empty());
            assert_eq!(practice_chart(3, &scenarios, seed).unwrap().setting, crate::scenario::Setting::Inpatient);
        }
        let picked: std::collections::BTreeSet<&str> = (0..20).map(|s| practice_chart(0, &scenarios, s).unwrap().id.as_str()).collect();
        assert!(picked.len() > 10);
    }

    #[test]
    fn readiness_weights_domains_by_the_blueprint_and_explains_itself() {
        let bp = crate::content::bundled().unwrap().blueprint;
        let none = readiness(&History::default(), None, &bp, T0);
        assert_eq!(none.evidence, Evidence::None);
        assert!((none.percent - 50.0).abs() < 1e-9);
        // Strong everywhere but domain 4.
        let mut h = History::default();
        for d in 1..=6u8 {
            for i in 0..30 {
                let right = if d == 4 { i % 2 == 0 } else { i % 10 != 0 };
                h.answers.push(answer(&format!("d{d}-{i}"), d, right, T0 - i64::from(i) * 3_600_000));
            }
        }
        let r = readiness(&h, Some(310), &bp, T0);
        assert_eq!(r.evidence, Evidence::Good);
        let d4 = r.domains[3];
        assert_eq!((d4.right, d4.answered), (15, 30));
        let expected: f64 = r.domains.iter().map(|d| d.weight * d.estimate).sum::<f64>() * 100.0;
        assert!((r.percent - expected).abs() < 1e-9 && r.percent > 75.0 && r.percent < 90.0, "{}", r.percent);
        assert!((r.domains.iter().map(|d| d.weight).sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(r.scaled >= r.passing_scaled);
        assert!(r.reasons[1].starts_with("Domain 4 (Revenue Cycle Management"), "{:?}", r.reasons);
        assert!(r.reasons.last().unwrap().contains("estimated 310, at or above"));
        // Old answers fall out of the window.
        let later = readiness(&h, None, &bp, T0 + (READINESS_WINDOW_DAYS + 2) * DAY_MS);
        assert_eq!(later.evidence, Evidence::None);
        // Thin evidence says so.
        let mut thin = History::default();
        thin.answers.push(answer("x", 1, true, T0));
        let r = readiness(&thin, None, &bp, T0);
        assert_eq!(r.evidence, Evidence::Little);
        assert!(r.reasons.iter().any(|s| s.contains("evidence is thin")) && r.reasons.iter().any(|s| s.contains("No recent answers in domain 2, 3, 4, 5, 6")));
    }
}
