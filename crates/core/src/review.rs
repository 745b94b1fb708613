//! The review queue: questions answered wrong and codes missed on a graded
//! chart come back on an FSRS schedule until they stick. Time and the
//! desired retention are passed in.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::codes::System;
use crate::fsrs::{Card, Params, Rating};
use crate::grading::{Grade, ItemKind, Verdict};
use crate::store::{Merge, Record};

/// Every card, by key: `q:ITEM` for a question, `cm:CODE` or `pcs:CODE` for a code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewQueue {
    pub cards: BTreeMap<String, Card>,
}

impl Record for ReviewQueue {
    const KEY: &'static str = "hit.review-queue";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "your review queue";
}

/// What a card asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    Question(&'a str),
    Code(System, &'a str),
}

impl Target<'_> {
    pub fn key(&self) -> String {
        match self {
            Target::Question(id) => format!("q:{id}"),
            Target::Code(System::Icd10Cm, c) => format!("cm:{c}"),
            Target::Code(System::Icd10Pcs, c) => format!("pcs:{c}"),
        }
    }
}

/// The target a key names.
pub fn target(key: &str) -> Option<Target<'_>> {
    let (kind, rest) = key.split_once(':')?;
    match kind {
        "q" => Some(Target::Question(rest)),
        "cm" => Some(Target::Code(System::Icd10Cm, rest)),
        "pcs" => Some(Target::Code(System::Icd10Pcs, rest)),
        _ => None,
    }
}

/// Whether a typed code is the expected one (case, dots and spaces aside).
pub fn same_code(expected: &str, typed: &str) -> bool {
    let typed = crate::codes::normalize(typed);
    !typed.is_empty() && typed == crate::codes::normalize(expected)
}

/// A card counts as learned once its interval reaches three weeks.
pub const LEARNED_DAYS: u32 = 21;

impl ReviewQueue {
    /// Something was got wrong: a new card, back tomorrow, or for a card
    /// already here a lapse, which shortens its interval.
    pub fn missed(&mut self, target: Target, now_ms: i64, p: &Params) {
        let card = self.cards.entry(target.key()).or_default();
        *card = card.review(Rating::Again, now_ms, p);
    }

    /// Something was answered: if it has a card, the card is reviewed (right
    /// is "good", wrong "again"). Returns whether it had a card.
    pub fn answered(&mut self, target: Target, correct: bool, now_ms: i64, p: &Params) -> bool {
        if !correct {
            self.missed(target, now_ms, p);
            return true;
        }
        match self.cards.get_mut(&target.key()) {
            Some(card) => {
                *card = card.review(Rating::Good, now_ms, p);
                true
            }
            None => false,
        }
    }

    /// A practice answer feeds the queue. Calculation items are left out:
    /// they come back with new numbers anyway.
    pub fn record_answer(&mut self, item_id: &str, correct: bool, now_ms: i64, p: &Params) {
        if crate::parametric::parse_id(item_id).is_none() {
            self.answered(Target::Question(item_id), correct, now_ms, p);
        }
    }

    /// A graded chart feeds the queue: each key code missed or coded at the
    /// wrong specificity gets a card (or lapses); each key code coded right
    /// counts as a review of its card, if it has one.
    pub fn record_grade(&mut self, grade: &Grade, now_ms: i64, p: &Params) {
        for item in &grade.items {
            let Some(code) = &item.expected else { continue };
            let system = if item.kind == ItemKind::Procedure { System::Icd10Pcs } else { System::Icd10Cm };
            match item.verdict {
                Verdict::Missing | Verdict::WrongSpecificity => self.missed(Target::Code(system, code), now_ms, p),
                Verdict::Exact | Verdict::WrongPoa | Verdict::PrincipalNotFirst | Verdict::WrongDate => {
                    self.answered(Target::Code(system, code), true, now_ms, p);
                }
                Verdict::Extra | Verdict::Accepted => {}
            }
        }
    }

    /// Keys of the cards due at `now_ms`, the longest overdue first.
    pub fn due(&self, now_ms: i64) -> Vec<&str> {
        let mut due: Vec<(&str, &Card)> = self.cards.iter().filter(|(_, c)| c.is_due(now_ms)).map(|(k, c)| (k.as_str(), c)).collect();
        due.sort_by_key(|(k, c)| (c.due_ms, *k));
        due.into_iter().map(|(k, _)| k).collect()
    }

    /// When the next card comes due, if any is scheduled after `now_ms`.
    pub fn next_due_ms(&self, now_ms: i64) -> Option<i64> {
        self.cards.values().map(|c| c.due_ms).filter(|&d| d > now_ms).min()
    }

    pub fn learned(&self) -> usize {
        self.cards.values().filter(|c| c.interval_days >= LEARNED_DAYS).count()
    }
}

impl Merge for ReviewQueue {
    /// Per card, the copy with more reviews wins (the later review on a tie).
    fn merge_from(&mut self, other: ReviewQueue) {
        for (key, theirs) in other.cards {
            match self.cards.get(&key) {
                Some(ours) if (ours.reps, ours.last_review_ms) >= (theirs.reps, theirs.last_review_ms) => {}
                _ => {
                    self.cards.insert(key, theirs);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    #[test]
    fn a_missed_question_comes_back_and_then_spaces_out() {
        let p = Params::default();
        let mut q = ReviewQueue::default();
        let t0 = 1_700_000_000_000;
        let item = Target::Question("d2-x");
        assert!(!q.answered(item, true, t0, &p), "a right answer to an unknown item adds nothing");
        assert!(q.cards.is_empty());
        q.missed(item, t0, &p);
        assert_eq!(q.due(t0), Vec::<&str>::new(), "not due again the same day");
        assert_eq!(q.due(t0 + DAY), vec!["q:d2-x"]);
        // Each right answer on time pushes it further out.
        let mut now = t0 + DAY;
        let mut gaps = Vec::new();
        for _ in 0..4 {
            assert!(q.answered(item, true, now, &p));
            let card = q.cards["q:d2-x"];
            gaps.push(card.interval_days);
            now = card.due_ms;
        }
        assert!(gaps.windows(2).all(|w| w[1] > w[0]), "{gaps:?}");
        assert!(q.learned() == 1 || gaps.last().unwrap() < &LEARNED_DAYS);
        // Wrong again: a lapse, back much sooner.
        q.answered(item, false, now, &p);
        let card = q.cards["q:d2-x"];
        assert!(card.interval_days < *gaps.last().unwrap() / 2, "{} after {gaps:?}", card.interval_days);
        assert_eq!(card.lapses, 1);
        assert_eq!(q.next_due_ms(now), Some(now + i64::from(card.interval_days) * DAY));
    }

    #[test]
    fn keys_name_their_targets_and_due_cards_come_oldest_first() {
        for t in [Target::Question("d1-a"), Target::Code(System::Icd10Cm, "J18.9"), Target::Code(System::Icd10Pcs, "0DTJ4ZZ")] {
            assert_eq!(target(&t.key()), Some(t));
        }
        assert_eq!(target("zz:1"), None);
        assert!(same_code("J18.9", " j189 ") && same_code("0DTJ4ZZ", "0dtj4zz") && !same_code("J18.9", "J18.8") && !same_code("J18.9", ""));
        let p = Params::default();
        let mut q = ReviewQueue::default();
        q.missed(Target::Code(System::Icd10Cm, "J18.9"), 5 * DAY, &p);
        q.missed(Target::Question("b"), 2 * DAY, &p);
        q.missed(Target::Question("a"), 2 * DAY, &p);
        assert_eq!(q.due(10 * DAY), vec!["q:a", "q:b", "cm:J18.9"]);
    }

    #[test]
    fn graded_charts_and_answers_feed_the_queue() {
        use crate::grading::Item;
        let p = Params::default();
        let item = |kind, expected: &str, verdict| Item { kind, expected: Some(expected.into()), given: None, verdict, points: 0.0, possible: 1.0, message: String::new() };
        let grade = Grade {
            items: vec![
                item(ItemKind::Principal, "J18.9", Verdict::Exact),
                item(ItemKind::Secondary, "N17.9", Verdict::Missing),
                item(ItemKind::Secondary, "E11.65", Verdict::WrongSpecificity),
                item(ItemKind::Procedure, "0BH17EZ", Verdict::Missing),
                Item { expected: None, ..item(ItemKind::Secondary, "", Verdict::Extra) },
            ],
            excludes1: vec![],
            points: 1.0,
            possible: 4.0,
        };
        let mut q = ReviewQueue::default();
        q.record_grade(&grade, 0, &p);
        assert_eq!(q.cards.keys().collect::<Vec<_>>(), ["cm:E11.65", "cm:N17.9", "pcs:0BH17EZ"]);
        q.record_answer("calc-cmi-4", false, 0, &p);
        q.record_answer("d3-x", false, 0, &p);
        assert!(q.cards.contains_key("q:d3-x") && !q.cards.keys().any(|k| k.contains("calc")));
    }

    #[test]
    fn copies_merge_to_the_card_with_more_reviews() {
        let p = Params::default();
        let (mut a, mut b) = (ReviewQueue::default(), ReviewQueue::default());
        a.missed(Target::Question("x"), 0, &p);
        b.missed(Target::Question("x"), 0, &p);
        b.answered(Target::Question("x"), true, DAY, &p);
        b.missed(Target::Question("y"), 0, &p);
        a.merge_from(b.clone());
        assert_eq!(a.cards["q:x"], b.cards["q:x"]);
        assert!(a.cards.contains_key("q:y"));
        let mut store = crate::store::MemoryStore::new();
        crate::store::Store::save(&mut store, &a, 0).unwrap();
        assert_eq!(crate::store::Store::load::<ReviewQueue>(&mut store, 0).unwrap().into_record(), Some(a));
    }
}
