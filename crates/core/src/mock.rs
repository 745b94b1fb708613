//! The timed mock exam in the real exam's shape: item count and domain mix
//! from the blueprint, unscored pretest items mixed in unmarked, a deadline,
//! flags, and a result with a scaled-score estimate, a domain breakdown and
//! time per item. Time is passed in (`now_ms`); nothing here reads a clock.

use std::collections::{BTreeMap, BTreeSet};

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::exam::{Bank, Blueprint, ExamShape};
use crate::rhit::Domain;
use crate::store::Record;

/// One place in the exam.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub item: String,
    /// Unscored, and never shown as such.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pretest: bool,
}

/// A mock exam, in progress or finished. Saved after every change, so a
/// reload or a closed tab resumes where the candidate was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MockExam {
    pub seed: u64,
    pub started_ms: i64,
    pub deadline_ms: i64,
    pub slots: Vec<Slot>,
    /// Chosen option indexes (in the item's own order), by slot.
    #[serde(default)]
    pub answers: BTreeMap<usize, Vec<usize>>,
    #[serde(default)]
    pub flags: BTreeSet<usize>,
    /// Seconds spent on each slot.
    #[serde(default)]
    pub seconds: BTreeMap<usize, u32>,
    #[serde(default)]
    pub current: usize,
    #[serde(default)]
    pub submitted_ms: Option<i64>,
    /// Submitted by the clock rather than the candidate.
    #[serde(default)]
    pub timed_out: bool,
}

/// The exam in progress, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CurrentMock {
    pub exam: Option<MockExam>,
}

impl Record for CurrentMock {
    const KEY: &'static str = "hit.mock-exam";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "your mock exam in progress";
}

/// Every submitted mock exam, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MockHistory {
    pub exams: Vec<MockExam>,
}

impl Record for MockHistory {
    const KEY: &'static str = "hit.mock-exams";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "your mock exam results";
}

impl crate::store::Merge for MockHistory {
    /// An exam is identified by its seed and start time.
    fn merge_from(&mut self, other: MockHistory) {
        for exam in other.exams {
            if !self.exams.iter().any(|e| e.seed == exam.seed && e.started_ms == exam.started_ms) {
                self.exams.push(exam);
            }
        }
        self.exams.sort_by_key(|e| e.submitted_ms.unwrap_or(e.deadline_ms));
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MockError {
    #[error("The question bank has {have} items in domain {domain} but a mock exam needs {need}; add items to content/exam/items.")]
    BankTooSmall { domain: u8, have: usize, need: usize },
}

/// Builds a mock exam: per domain, the blueprint's share of the scored and
/// of the pretest items, scenario sets kept whole and together, then the
/// whole exam shuffled as blocks. Same bank and seed, same exam.
pub fn assemble(bank: &Bank, blueprint: &Blueprint, seed: u64, now_ms: i64) -> Result<MockExam, MockError> {
    let shape = &blueprint.shape;
    let scored = blueprint.allocate(shape.scored);
    let pretest = blueprint.allocate(shape.pretest);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut blocks: Vec<Vec<Slot>> = Vec::new();
    for d in Domain::all() {
        let i = usize::from(d.number() - 1);
        let (need_scored, need_pretest) = (scored[i] as usize, pretest[i] as usize);
        // Candidate blocks of this domain: single items and whole sets.
        let mut candidates: Vec<Vec<&str>> = Vec::new();
        let mut seen_sets = BTreeSet::new();
        for it in bank.items.iter().filter(|it| it.domain == d) {
            match &it.set {
                None => candidates.push(vec![it.id.as_str()]),
                Some(set) if seen_sets.insert(set.as_str()) => {
                    candidates.push(bank.items.iter().filter(|m| m.set.as_ref() == Some(set)).map(|m| m.id.as_str()).collect());
                }
                Some(_) => {}
            }
        }
        candidates.shuffle(&mut rng);
        let have: usize = candidates.iter().map(Vec::len).sum();
        if have < need_scored + need_pretest {
            return Err(MockError::BankTooSmall { domain: d.number(), have, need: need_scored + need_pretest });
        }
        let mut take = |n: usize, pretest: bool, candidates: &mut Vec<Vec<&str>>| {
            let mut got = 0;
            let mut i = 0;
            while got < n && i < candidates.len() {
                if got + candidates[i].len() <= n {
                    let block = candidates.remove(i);
                    got += block.len();
                    blocks.push(block.into_iter().map(|id| Slot { item: id.to_string(), pretest }).collect());
                } else {
                    i += 1;
                }
            }
            got
        };
        let got = take(need_scored, false, &mut candidates);
        let got_pre = take(need_pretest, true, &mut candidates);
        if got < need_scored || got_pre < need_pretest {
            return Err(MockError::BankTooSmall { domain: d.number(), have, need: need_scored + need_pretest });
        }
    }
    blocks.shuffle(&mut rng);
    let slots: Vec<Slot> = blocks.into_iter().flatten().collect();
    Ok(MockExam {
        seed,
        started_ms: now_ms,
        deadline_ms: now_ms + i64::from(shape.minutes) * 60_000,
        slots,
        answers: BTreeMap::new(),
        flags: BTreeSet::new(),
        seconds: BTreeMap::new(),
        current: 0,
        submitted_ms: None,
        timed_out: false,
    })
}

impl MockExam {
    pub fn remaining_ms(&self, now_ms: i64) -> i64 {
        (self.deadline_ms - now_ms).max(0)
    }

    pub fn is_over(&self, now_ms: i64) -> bool {
        self.submitted_ms.is_some() || now_ms >= self.deadline_ms
    }

    /// Records an answer; ignored once the exam is over.
    pub fn answer(&mut self, slot: usize, chosen: Vec<usize>, now_ms: i64) {
        if !self.is_over(now_ms) && slot < self.slots.len() {
            if chosen.is_empty() {
                self.answers.remove(&slot);
            } else {
                self.answers.insert(slot, chosen);
            }
        }
    }

    pub fn toggle_flag(&mut self, slot: usize) {
        if !self.flags.remove(&slot) {
            self.flags.insert(slot);
        }
    }

    /// Moves to `slot`, adding the seconds spent on the one being left.
    pub fn go_to(&mut self, slot: usize, seconds_on_current: u32) {
        *self.seconds.entry(self.current).or_default() += seconds_on_current;
        self.current = slot.min(self.slots.len().saturating_sub(1));
    }

    /// Ends the exam: by the candidate, or (`now_ms` past the deadline) by the clock.
    pub fn submit(&mut self, now_ms: i64, seconds_on_current: u32) {
        if self.submitted_ms.is_none() {
            *self.seconds.entry(self.current).or_default() += seconds_on_current;
            self.timed_out = now_ms >= self.deadline_ms;
            self.submitted_ms = Some(now_ms.min(self.deadline_ms));
        }
    }

    pub fn answered(&self) -> usize {
        self.answers.len()
    }
}

/// How one slot went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotResult {
    pub slot: usize,
    pub item: String,
    pub domain: u8,
    pub pretest: bool,
    pub answered: bool,
    pub correct: bool,
    pub seconds: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MockResult {
    pub right: u32,
    pub scored: u32,
    pub scaled: u32,
    pub passed: bool,
    /// Right and scored items per domain, pretest items left out.
    pub by_domain: BTreeMap<u8, (u32, u32)>,
    pub slots: Vec<SlotResult>,
    pub minutes_used: f64,
}

/// Scores a mock exam against the bank. Unanswered items are wrong; pretest
/// items count toward nothing; multiple-response items are all or nothing.
pub fn score(exam: &MockExam, bank: &Bank, shape: &ExamShape) -> MockResult {
    let mut by_domain: BTreeMap<u8, (u32, u32)> = Domain::all().map(|d| (d.number(), (0, 0))).collect();
    let mut slots = Vec::new();
    let (mut right, mut scored) = (0, 0);
    for (i, slot) in exam.slots.iter().enumerate() {
        let item = crate::quiz::item(bank, &slot.item);
        let chosen = exam.answers.get(&i);
        let correct = match (&item, chosen) {
            (Some(it), Some(c)) => it.is_correct(c),
            _ => false,
        };
        let domain = item.as_ref().map_or(0, |it| it.domain.number());
        if !slot.pretest {
            scored += 1;
            right += u32::from(correct);
            let e = by_domain.entry(domain).or_default();
            e.0 += u32::from(correct);
            e.1 += 1;
        }
        slots.push(SlotResult {
            slot: i,
            item: slot.item.clone(),
            domain,
            pretest: slot.pretest,
            answered: chosen.is_some(),
            correct,
            seconds: exam.seconds.get(&i).copied().unwrap_or(0),
        });
    }
    let end = exam.submitted_ms.unwrap_or(exam.deadline_ms);
    let scaled = scaled_score(if scored == 0 { 0.0 } else { f64::from(right) / f64::from(scored) * 100.0 }, shape);
    MockResult {
        right,
        scored,
        scaled,
        passed: scaled >= shape.passing_scaled,
        by_domain,
        slots,
        minutes_used: (end - exam.started_ms).max(0) as f64 / 60_000.0,
    }
}

/// Adds a submitted exam's answers to the practice history, so mastery and
/// the missed set include them. Pretest items count here: the candidate
/// answered them like any other.
pub fn record_answers(exam: &MockExam, bank: &Bank, history: &mut crate::quiz::History) {
    let at = exam.submitted_ms.unwrap_or(exam.deadline_ms);
    for (&i, chosen) in &exam.answers {
        if let Some(item) = exam.slots.get(i).and_then(|s| crate::quiz::item(bank, &s.item)) {
            history.record(&item, item.is_correct(chosen), at, exam.seconds.get(&i).copied().unwrap_or(0));
        }
    }
}

/// The scaled-score estimate for `percent` of scored items right: a straight
/// line from the bottom of the scale (0%) to the passing score at the
/// assumed cut percentage, and another from there to the top (100%).
pub fn scaled_score(percent: f64, shape: &ExamShape) -> u32 {
    let (lo, pass, hi) = (f64::from(shape.scale_min), f64::from(shape.passing_scaled), f64::from(shape.scale_max));
    let cut = shape.assumed_cut_percent;
    let p = percent.clamp(0.0, 100.0);
    let s = if p <= cut { lo + p / cut * (pass - lo) } else { pass + (p - cut) / (100.0 - cut) * (hi - pass) };
    // Below the cut, round down, so an estimate never says "pass" for a fail.
    if p < cut { (s.floor() as u32).min(shape.passing_scaled - 1) } else { s.round() as u32 }
}

/// `h:mm:ss` for a duration in milliseconds (rounded up to the second, so
/// "0:00:00" means time is really up).
pub fn clock(ms: i64) -> String {
    let s = (ms.max(0) + 999) / 1000;
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// The spoken warning for `ms` left, at 30, 10, 5 and 1 minutes.
pub fn time_warning(ms: i64) -> Option<&'static str> {
    match (ms + 999) / 1000 {
        1800 => Some("30 minutes left."),
        600 => Some("10 minutes left."),
        300 => Some("5 minutes left."),
        60 => Some("1 minute left. The exam is submitted when time runs out."),
        _ => None,
    }
}

/// How the estimate is computed, for the results page.
pub fn scaled_explanation(shape: &ExamShape) -> String {
    format!(
        "AHIMA reports scaled scores from {} to {} and a pass at {}, but does not publish how many correct answers a pass takes; it varies with the difficulty of each exam form. This estimate assumes the pass is {}% of the {} scored items, and maps your percentage onto the scale along two straight lines: 0% to {}, {}% to {}, and 100% to {}. Pretest items are not counted. Treat the number as a rough guide, not a prediction.",
        shape.scale_min, shape.scale_max, shape.passing_scaled, shape.assumed_cut_percent, shape.scored, shape.scale_min, shape.assumed_cut_percent, shape.passing_scaled, shape.scale_max
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exam::{Choice, Cognitive, Item, ItemType};

    fn bank() -> Bank {
        let o = |t: &str, c: bool| Choice { text: t.into(), correct: c, why: "w".into() };
        let mut items = Vec::new();
        for d in 1..=6u8 {
            for n in 0..70 {
                let set = (n < 8).then(|| format!("set-{d}-{}", n / 4));
                items.push(Item {
                    id: format!("d{d}-{n}"),
                    domain: Domain::new(d).unwrap(),
                    task: format!("{d}.1"),
                    kind: ItemType::Single,
                    cognitive: Cognitive::Recall,
                    difficulty: 1,
                    set,
                    stem: "s".into(),
                    options: vec![o("a", true), o("b", false), o("c", false), o("d", false)],
                    choose: 1,
                    rationale: "r".into(),
                    reference: "x".into(),
                    tags: vec![],
                });
            }
        }
        Bank { items, sets: vec![] }
    }

    fn blueprint() -> Blueprint {
        crate::content::bundled().unwrap().blueprint
    }

    #[test]
    fn a_mock_exam_has_the_real_shape() {
        let (b, bp) = (bank(), blueprint());
        let exam = assemble(&b, &bp, 7, 1_000).unwrap();
        assert_eq!(exam.slots.len(), 150);
        assert_eq!(exam.slots.iter().filter(|s| s.pretest).count(), 20);
        let unique: BTreeSet<&str> = exam.slots.iter().map(|s| s.item.as_str()).collect();
        assert_eq!(unique.len(), 150, "no item twice");
        assert_eq!(exam.deadline_ms - exam.started_ms, 210 * 60_000);
        // The scored items follow the blueprint's allocation per domain.
        let alloc = bp.allocate(130);
        for d in 1..=6u8 {
            let n = exam.slots.iter().filter(|s| !s.pretest && s.item.starts_with(&format!("d{d}-"))).count();
            assert_eq!(n as u32, alloc[usize::from(d - 1)], "domain {d}");
        }
        // Set items stay together.
        let pos: Vec<usize> = exam.slots.iter().enumerate().filter(|(_, s)| ["d1-0", "d1-1", "d1-2", "d1-3"].contains(&s.item.as_str())).map(|(i, _)| i).collect();
        assert!(pos.is_empty() || (pos.len() == 4 && pos[3] - pos[0] == 3), "{pos:?}");
        assert_eq!(assemble(&b, &bp, 7, 1_000).unwrap(), exam, "same seed, same exam");
        assert_ne!(assemble(&b, &bp, 8, 1_000).unwrap().slots, exam.slots);
        let small = Bank { items: b.items[..100].to_vec(), sets: vec![] };
        assert!(matches!(assemble(&small, &bp, 1, 0), Err(MockError::BankTooSmall { .. })));
    }

    #[test]
    fn answers_flags_time_and_the_clock() {
        let (b, bp) = (bank(), blueprint());
        let mut exam = assemble(&b, &bp, 3, 0).unwrap();
        exam.answer(0, vec![0], 10);
        exam.answer(1, vec![2], 10);
        exam.answer(1, vec![], 11);
        assert_eq!(exam.answered(), 1);
        exam.toggle_flag(4);
        exam.go_to(4, 30);
        exam.go_to(5, 12);
        assert_eq!((exam.current, exam.seconds[&0], exam.seconds[&4]), (5, 30, 12));
        assert!(!exam.is_over(exam.deadline_ms - 1));
        // After the deadline nothing more is recorded, and submitting says the clock did it.
        exam.answer(2, vec![0], exam.deadline_ms + 5);
        assert!(!exam.answers.contains_key(&2));
        exam.submit(exam.deadline_ms + 5, 0);
        assert!(exam.timed_out);
        assert_eq!(exam.submitted_ms, Some(exam.deadline_ms));
        let r = score(&exam, &b, &bp.shape);
        assert_eq!(r.scored, 130);
        assert!(r.right <= 1);
        assert!((r.minutes_used - 210.0).abs() < 1e-9);
    }

    #[test]
    fn scoring_leaves_pretest_items_out() {
        let (b, bp) = (bank(), blueprint());
        let mut exam = assemble(&b, &bp, 5, 0).unwrap();
        for i in 0..exam.slots.len() {
            exam.answer(i, vec![0], 1);
        }
        // Get every pretest item wrong: the score does not move.
        for (i, s) in exam.slots.clone().iter().enumerate() {
            if s.pretest {
                exam.answer(i, vec![1], 1);
            }
        }
        exam.submit(60_000, 0);
        let r = score(&exam, &b, &bp.shape);
        assert_eq!((r.right, r.scored, r.scaled, r.passed), (130, 130, 400, true));
        assert_eq!(r.by_domain.values().map(|(_, t)| t).sum::<u32>(), 130);
        assert_eq!(r.slots.iter().filter(|s| s.pretest && !s.correct).count(), 20);
        // Every answer, pretest ones too, goes into the practice history.
        let mut history = crate::quiz::History::default();
        exam.answers.remove(&0);
        record_answers(&exam, &b, &mut history);
        assert_eq!(history.answers.len(), 149);
        assert_eq!(history.answers.iter().filter(|a| !a.correct).count(), 20);
        assert!(history.answers.iter().all(|a| a.at_ms == 60_000));
    }

    #[test]
    fn the_clock_reads_hours_minutes_seconds() {
        let check = |ms: i64, want: &str| assert_eq!(clock(ms), want, "{ms} ms");
        check(210 * 60_000, "3:30:00");
        check(3_599_001, "1:00:00");
        check(59_000, "0:00:59");
        check(1, "0:00:01");
        check(0, "0:00:00");
        check(-5, "0:00:00");
        assert_eq!(time_warning(600_000), Some("10 minutes left."));
        assert_eq!(time_warning(599_500), Some("10 minutes left."));
        assert_eq!(time_warning(601_000), None);
    }

    #[test]
    fn mock_histories_merge_each_exam_once() {
        use crate::store::Merge;
        let (b, bp) = (bank(), blueprint());
        let mut e1 = assemble(&b, &bp, 1, 100).unwrap();
        e1.submit(200, 0);
        let mut e2 = assemble(&b, &bp, 2, 50).unwrap();
        e2.submit(300, 0);
        let mut ours = MockHistory { exams: vec![e1.clone()] };
        ours.merge_from(MockHistory { exams: vec![e2.clone(), e1.clone()] });
        assert_eq!(ours.exams, vec![e1, e2]);
    }

    #[test]
    fn scaled_scores_follow_the_stated_lines() {
        let shape = blueprint().shape;
        let check = |p: f64, s: u32| assert_eq!(scaled_score(p, &shape), s, "{p}%");
        check(0.0, 100);
        check(35.0, 200);
        check(70.0, 300);
        check(69.9, 299);
        check(85.0, 350);
        check(100.0, 400);
        check(120.0, 400);
        assert!(scaled_explanation(&shape).contains("70% of the 130 scored items"));
    }

    #[test]
    fn the_exam_in_progress_round_trips_through_the_store() {
        let (b, bp) = (bank(), blueprint());
        let mut exam = assemble(&b, &bp, 9, 5).unwrap();
        exam.answer(3, vec![1], 6);
        let current = CurrentMock { exam: Some(exam) };
        let mut store = crate::store::MemoryStore::new();
        crate::store::Store::save(&mut store, &current, 0).unwrap();
        let raw = crate::store::Store::get_raw(&store, CurrentMock::KEY).unwrap().unwrap();
        assert!(raw.len() < 12_000, "compact: {} bytes", raw.len());
        assert_eq!(crate::store::Store::load::<CurrentMock>(&mut store, 0).unwrap().into_record(), Some(current));
    }

    #[test]
    fn mock_exams_from_the_bundled_bank_follow_the_blueprint() {
        let c = crate::content::bundled().unwrap();
        let (scored, pretest) = (c.blueprint.allocate(c.blueprint.shape.scored), c.blueprint.allocate(c.blueprint.shape.pretest));
        for seed in 0..25 {
            let exam = assemble(&c.bank, &c.blueprint, seed, 0).unwrap();
            assert_eq!(exam.slots.len(), 150);
            let mut per_domain = [[0u32; 2]; 6];
            let mut seen = BTreeSet::new();
            for s in &exam.slots {
                assert!(seen.insert(s.item.as_str()), "seed {seed}: {} twice", s.item);
                let d = crate::quiz::item(&c.bank, &s.item).unwrap().domain.number();
                per_domain[usize::from(d - 1)][usize::from(s.pretest)] += 1;
            }
            for d in 0..6 {
                assert_eq!(per_domain[d], [scored[d], pretest[d]], "seed {seed}, domain {}", d + 1);
            }
            // A set's items sit together, in order.
            for set in &c.bank.sets {
                let at: Vec<usize> = exam.slots.iter().enumerate().filter(|(_, s)| c.bank.items.iter().any(|i| i.id == s.item && i.set.as_ref() == Some(&set.id))).map(|(i, _)| i).collect();
                assert!(at.windows(2).all(|w| w[1] == w[0] + 1), "seed {seed}: set {} is split: {at:?}", set.id);
            }
        }
        assert_ne!(assemble(&c.bank, &c.blueprint, 1, 0).unwrap().slots, assemble(&c.bank, &c.blueprint, 2, 0).unwrap().slots);
        assert_eq!(assemble(&c.bank, &c.blueprint, 3, 0).unwrap(), assemble(&c.bank, &c.blueprint, 3, 0).unwrap());
    }
}
