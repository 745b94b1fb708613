//! The answer history of practice, quizzes and mock exams: every answer,
//! the flagged items, and days folded into totals when storage ran short.
//! Stored compactly: item ids once, each answer as a short JSON array.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::exam::Item;
use crate::store::{Compact, Merge, Record};

const DAY_MS: i64 = 86_400_000;

/// Every practice and quiz answer, and the flagged items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Wire", into = "Wire")]
pub struct History {
    /// Oldest first.
    pub answers: Vec<Answered>,
    pub flags: BTreeSet<String>,
    /// When each item's flag last changed, so two copies merge to the newer choice.
    pub flag_changes: BTreeMap<String, i64>,
    /// Totals for answers folded away by compaction, by UTC day number.
    pub days: BTreeMap<i64, DayTotal>,
}

impl Record for History {
    const KEY: &'static str = "hit.quiz-history";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "your practice answers";
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub item: String,
    pub domain: u8,
    pub correct: bool,
    /// Milliseconds since the Unix epoch; with the item it identifies the answer.
    pub at_ms: i64,
    /// Time spent on the item, in seconds.
    pub seconds: u32,
}

/// Answers of one day, once their detail is folded away.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayTotal {
    pub answered: u32,
    pub right: u32,
    pub seconds: u32,
}

/// Right and total answers in a domain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mastery {
    pub right: u32,
    pub total: u32,
}

impl Mastery {
    pub fn percent(&self) -> f64 {
        if self.total == 0 { 0.0 } else { f64::from(self.right) / f64::from(self.total) * 100.0 }
    }
}

impl History {
    pub fn record(&mut self, item: &Item, correct: bool, at_ms: i64, seconds: u32) {
        self.answers.push(Answered { item: item.id.clone(), domain: item.domain.number(), correct, at_ms, seconds });
    }

    /// Whether the latest answer to `id` was wrong.
    pub fn missed(&self, id: &str) -> bool {
        self.answers.iter().rev().find(|a| a.item == id).is_some_and(|a| !a.correct)
    }

    /// How many items were answered wrong the last time they were answered.
    pub fn missed_count(&self) -> usize {
        self.latest().values().filter(|a| !a.correct).count()
    }

    /// Flags or unflags `id`; returns whether it is now flagged.
    pub fn toggle_flag(&mut self, id: &str, now_ms: i64) -> bool {
        let on = !self.flags.remove(id);
        if on {
            self.flags.insert(id.to_string());
        }
        self.flag_changes.insert(id.to_string(), now_ms);
        on
    }

    /// The latest answer to each item.
    pub fn latest(&self) -> BTreeMap<&str, &Answered> {
        let mut latest = BTreeMap::new();
        for a in &self.answers {
            latest.insert(a.item.as_str(), a);
        }
        latest
    }

    /// Mastery per domain over the latest answer to each item, so an item
    /// answered again counts once, as it stands now.
    pub fn mastery(&self) -> BTreeMap<u8, Mastery> {
        let mut out: BTreeMap<u8, Mastery> = BTreeMap::new();
        for a in self.latest().values() {
            let m = out.entry(a.domain).or_default();
            m.total += 1;
            m.right += u32::from(a.correct);
        }
        out
    }

    /// Answers, right answers and seconds per UTC day, folded days included.
    pub fn by_day(&self) -> BTreeMap<i64, DayTotal> {
        let mut out = self.days.clone();
        for a in &self.answers {
            let d = out.entry(a.at_ms.div_euclid(DAY_MS)).or_default();
            d.answered += 1;
            d.right += u32::from(a.correct);
            d.seconds += a.seconds;
        }
        out
    }
}

impl Merge for History {
    fn merge_from(&mut self, other: History) {
        let known: BTreeSet<(String, i64)> = self.answers.iter().map(|a| (a.item.clone(), a.at_ms)).collect();
        self.answers.extend(other.answers.into_iter().filter(|a| !known.contains(&(a.item.clone(), a.at_ms))));
        self.answers.sort_by(|a, b| a.at_ms.cmp(&b.at_ms).then_with(|| a.item.cmp(&b.item)));
        // Flags: the newer change wins; flags with no recorded change are kept.
        for (id, at) in other.flag_changes {
            let ours = self.flag_changes.get(&id).copied();
            if ours.is_none_or(|o| at > o) {
                if other.flags.contains(&id) {
                    self.flags.insert(id.clone());
                } else {
                    self.flags.remove(&id);
                }
                self.flag_changes.insert(id, at);
            }
        }
        for id in other.flags {
            if !self.flag_changes.contains_key(&id) {
                self.flags.insert(id);
            }
        }
        // Folded days: both sides folded the same answers, so take the larger count.
        for (day, t) in other.days {
            let d = self.days.entry(day).or_default();
            if t.answered > d.answered {
                *d = t;
            }
        }
    }
}

impl History {
    /// Detail kept when storage is full: the last 90 days.
    pub const KEEP_DAYS: i64 = 90;
}

impl Compact for History {
    /// Folds answers older than [`History::KEEP_DAYS`] into daily totals,
    /// keeping the latest answer to each item (mastery, the missed set and
    /// the review queue rest on it).
    fn compact(&mut self, now_ms: i64) -> Option<String> {
        let cutoff = now_ms - Self::KEEP_DAYS * DAY_MS;
        let latest: BTreeSet<(String, i64)> = self.latest().values().map(|a| (a.item.clone(), a.at_ms)).collect();
        let (old, keep): (Vec<Answered>, Vec<Answered>) =
            std::mem::take(&mut self.answers).into_iter().partition(|a| a.at_ms < cutoff && !latest.contains(&(a.item.clone(), a.at_ms)));
        self.answers = keep;
        for a in &old {
            let d = self.days.entry(a.at_ms.div_euclid(DAY_MS)).or_default();
            d.answered += 1;
            d.right += u32::from(a.correct);
            d.seconds += a.seconds;
        }
        (!old.is_empty()).then(|| format!("the detail of {} practice answers older than {} days (daily totals and your latest answer to each question stay)", old.len(), Self::KEEP_DAYS))
    }
}

// ---------- the stored form ----------

#[derive(Serialize, Deserialize)]
struct Wire {
    /// `[item id, domain]`, each once.
    #[serde(default)]
    items: Vec<(String, u8)>,
    /// `[item index, right (1) or wrong (0), at_ms, seconds]`.
    #[serde(default, rename = "a")]
    answers: Vec<(u32, u8, i64, u32)>,
    /// Item id -> `[flagged (1) or not (0), when it changed]`.
    #[serde(default)]
    flags: BTreeMap<String, (u8, i64)>,
    /// Day number -> `[answered, right, seconds]`.
    #[serde(default)]
    days: BTreeMap<i64, (u32, u32, u32)>,
}

impl From<History> for Wire {
    fn from(h: History) -> Wire {
        let mut index: BTreeMap<String, u32> = BTreeMap::new();
        let mut items = Vec::new();
        let answers = h
            .answers
            .into_iter()
            .map(|a| {
                let i = *index.entry(a.item.clone()).or_insert_with(|| {
                    items.push((a.item.clone(), a.domain));
                    items.len() as u32 - 1
                });
                (i, u8::from(a.correct), a.at_ms, a.seconds)
            })
            .collect();
        let mut flags: BTreeMap<String, (u8, i64)> = h.flag_changes.into_iter().map(|(id, at)| (id.clone(), (u8::from(h.flags.contains(&id)), at))).collect();
        for id in h.flags {
            flags.entry(id).or_insert((1, 0));
        }
        let days = h.days.into_iter().map(|(d, t)| (d, (t.answered, t.right, t.seconds))).collect();
        Wire { items, answers, flags, days }
    }
}

impl From<Wire> for History {
    fn from(w: Wire) -> History {
        let answers = w
            .answers
            .into_iter()
            .filter_map(|(i, c, at_ms, seconds)| {
                let (item, domain) = w.items.get(i as usize)?.clone();
                Some(Answered { item, domain, correct: c == 1, at_ms, seconds })
            })
            .collect();
        let flags = w.flags.iter().filter(|(_, (on, _))| *on == 1).map(|(id, _)| id.clone()).collect();
        let flag_changes = w.flags.into_iter().filter(|(_, (_, at))| *at > 0).map(|(id, (_, at))| (id, at)).collect();
        let days = w.days.into_iter().map(|(d, (answered, right, seconds))| (d, DayTotal { answered, right, seconds })).collect();
        History { answers, flags, flag_changes, days }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{MemoryStore, Store};

    fn answer(item: &str, domain: u8, correct: bool, at_ms: i64) -> Answered {
        Answered { item: item.into(), domain, correct, at_ms, seconds: 30 }
    }

    #[test]
    fn history_is_compact_and_round_trips() {
        let mut h = History::default();
        h.answers = vec![answer("d2-x", 2, true, 1_700_000_000_000), answer("d2-x", 2, false, 1_700_000_100_000), answer("calc-cmi-5", 4, true, 1_700_000_200_000)];
        h.toggle_flag("d2-x", 1_700_000_300_000);
        let json = serde_json::to_string(&h).unwrap();
        assert_eq!(
            json,
            r#"{"items":[["d2-x",2],["calc-cmi-5",4]],"a":[[0,1,1700000000000,30],[0,0,1700000100000,30],[1,1,1700000200000,30]],"flags":{"d2-x":[1,1700000300000]},"days":{}}"#
        );
        let mut store = MemoryStore::new();
        store.save(&h, 0).unwrap();
        assert_eq!(store.load::<History>(0).unwrap().into_record(), Some(h));
        // 10,000 answers take about a quarter of a megabyte.
        let mut big = History::default();
        for n in 0..10_000 {
            big.answers.push(answer(&format!("d{}-item-number-{}", n % 6 + 1, n % 500), (n % 6 + 1) as u8, n % 3 > 0, 1_764_000_000_000 + n * 60_000));
        }
        let size = serde_json::to_string(&big).unwrap().len();
        assert!(size < 330_000, "{size} bytes");
    }

    #[test]
    fn copies_merge_answers_once_and_flags_by_the_newer_change() {
        let mut a = History { answers: vec![answer("x", 1, true, 10), answer("y", 1, false, 20)], ..Default::default() };
        let mut b = History { answers: vec![answer("y", 1, false, 20), answer("z", 2, true, 15)], ..Default::default() };
        a.toggle_flag("x", 100);
        b.toggle_flag("x", 50);
        b.toggle_flag("x", 200); // b unflagged x after a flagged it
        b.toggle_flag("y", 150);
        a.merge_from(b.clone());
        assert_eq!(a.answers.iter().map(|a| (a.item.as_str(), a.at_ms)).collect::<Vec<_>>(), [("x", 10), ("z", 15), ("y", 20)]);
        assert_eq!(a.flags, BTreeSet::from(["y".to_string()]));
        // Merging again changes nothing.
        let before = a.clone();
        a.merge_from(b);
        assert_eq!(a, before);
        // Two tabs answering through one store keep every answer.
        let mut store = MemoryStore::new();
        let (mut t1, mut t2) = (History::default(), History::default());
        t1.answers.push(answer("p", 1, true, 1));
        store.save_merged(&mut t1, 0).unwrap();
        t2.answers.push(answer("q", 2, false, 2));
        store.save_merged(&mut t2, 0).unwrap();
        t1.answers.push(answer("r", 3, true, 3));
        store.save_merged(&mut t1, 0).unwrap();
        assert_eq!(store.load::<History>(0).unwrap().into_record().unwrap().answers.len(), 3);
    }

    #[test]
    fn compaction_folds_old_days_and_keeps_each_latest_answer() {
        let now = 200 * DAY_MS;
        let mut h = History::default();
        h.answers = vec![answer("a", 1, false, DAY_MS), answer("a", 1, true, 2 * DAY_MS), answer("b", 2, false, 3 * DAY_MS), answer("a", 1, true, 150 * DAY_MS)];
        let (mastery, missed, by_day) = (h.mastery(), h.missed_count(), h.by_day());
        let said = h.compact(now).unwrap();
        assert!(said.contains("2 practice answers"), "{said}");
        assert_eq!(h.answers.len(), 2, "b's only answer and a's latest stay");
        assert_eq!((h.mastery(), h.missed_count(), h.by_day()), (mastery, missed, by_day), "what the progress views show is unchanged");
        assert_eq!(h.compact(now), None);
    }
}
