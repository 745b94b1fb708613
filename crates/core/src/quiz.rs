//! Quizzes over the question bank: choosing items (practice, quick sets,
//! custom quizzes), answering them, and the answer history they leave
//! (domain mastery, missed and flagged items). Randomness comes from a seed.

use std::collections::BTreeMap;

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::exam::{Bank, Item};
use crate::rhit::Domain;
use crate::store::Record;

pub use crate::history::{Answered, History, Mastery};

/// What a custom quiz draws from. Empty `domains` means all six.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSpec {
    pub domains: Vec<u8>,
    pub count: usize,
    /// 1 to 3, or `None` for any.
    pub difficulty: Option<u8>,
    /// Only items answered wrong last time.
    pub only_missed: bool,
    /// Only flagged items.
    pub only_flagged: bool,
    /// Mix in calculation drills (domains 1 to 4 and 6).
    pub calculations: bool,
}

/// The ids of the items a quiz asks, in order. Calculation items have ids
/// `calc-KIND-SEED` and are generated on demand.
pub fn choose(bank: &Bank, history: &History, spec: &QuizSpec, seed: u64) -> Vec<String> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let in_domain = |d: Domain| spec.domains.is_empty() || spec.domains.contains(&d.number());
    let mut pool: Vec<&Item> = bank
        .items
        .iter()
        .filter(|i| in_domain(i.domain))
        .filter(|i| spec.difficulty.is_none_or(|d| i.difficulty == d))
        .filter(|i| !spec.only_missed || history.missed(&i.id))
        .filter(|i| !spec.only_flagged || history.flags.contains(&i.id))
        .collect();
    pool.shuffle(&mut rng);
    let calc = spec.calculations && !spec.only_missed && !spec.only_flagged;
    let kinds: Vec<&str> = if calc {
        crate::parametric::KINDS
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| crate::parametric::generate(k, 0).is_some_and(|i| in_domain(i.domain) && spec.difficulty.is_none_or(|d| i.difficulty == d)))
            .collect()
    } else {
        Vec::new()
    };
    // About one in five items a calculation, when asked for.
    let n_calc = if kinds.is_empty() { 0 } else { (spec.count / 5).max(1).min(spec.count) };
    let target = spec.count - n_calc;
    let mut ids: Vec<String> = Vec::new();
    for item in pool {
        if ids.len() >= target {
            break;
        }
        if ids.contains(&item.id) {
            continue;
        }
        match &item.set {
            // A scenario set's items come together, in file order, if they fit.
            Some(set) if !spec.only_missed && !spec.only_flagged => {
                let members: Vec<&Item> = bank.items.iter().filter(|i| i.set.as_ref() == Some(set)).collect();
                if ids.len() + members.len() <= target {
                    ids.extend(members.iter().map(|m| m.id.clone()));
                }
            }
            _ => ids.push(item.id.clone()),
        }
    }
    for _ in 0..n_calc {
        let kind = kinds[rng.random_range(0..kinds.len())];
        let at = rng.random_range(0..=ids.len());
        ids.insert(at, format!("calc-{kind}-{}", rng.random_range(0..1_000_000u32)));
    }
    ids
}

/// An item of the bank, or a generated calculation item, by id.
pub fn item<'a>(bank: &'a Bank, id: &str) -> Option<std::borrow::Cow<'a, Item>> {
    if let Some((kind, seed)) = crate::parametric::parse_id(id) {
        return crate::parametric::generate(kind, seed).map(std::borrow::Cow::Owned);
    }
    bank.items.iter().find(|i| i.id == id).map(std::borrow::Cow::Borrowed)
}

/// The question of the day: the same item on every device on a given day
/// (`day` counts days since the Unix epoch), each item once per cycle.
pub fn question_of_the_day(bank: &Bank, day: i64) -> Option<&Item> {
    let standalone: Vec<&Item> = bank.items.iter().filter(|i| i.set.is_none()).collect();
    if standalone.is_empty() {
        return None;
    }
    let len = standalone.len() as i64;
    let mut order: Vec<usize> = (0..standalone.len()).collect();
    order.shuffle(&mut ChaCha8Rng::seed_from_u64(day.div_euclid(len) as u64 ^ 0x5eed));
    Some(standalone[order[day.rem_euclid(len) as usize]])
}

/// Quick sets a candidate can start in one click.
pub fn quick_ten(bank: &Bank, history: &History, seed: u64) -> Vec<String> {
    choose(bank, history, &QuizSpec { count: 10, calculations: true, ..Default::default() }, seed)
}

pub fn missed_set(bank: &Bank, history: &History, seed: u64) -> Vec<String> {
    choose(bank, history, &QuizSpec { count: 20, only_missed: true, ..Default::default() }, seed)
}

/// The domain to practise next: one never answered yet, else the one with
/// the lowest mastery; `None` before any answer at all.
pub fn weakest_domain(history: &History) -> Option<Domain> {
    if history.answers.is_empty() {
        return None;
    }
    let mastery = history.mastery();
    Domain::all().min_by(|a, b| {
        let m = |d: &Domain| mastery.get(&d.number()).map_or(-1.0, |m| m.percent());
        m(a).total_cmp(&m(b)).then(a.cmp(b))
    })
}

/// Ten items from the weakest domain (see [`weakest_domain`]); from every
/// domain before the first answer.
pub fn weakest_set(bank: &Bank, history: &History, seed: u64) -> Vec<String> {
    let domains = weakest_domain(history).map(|d| vec![d.number()]).unwrap_or_default();
    choose(bank, history, &QuizSpec { domains, count: 10, ..Default::default() }, seed)
}

/// A drill of `count` calculation items of one generator kind, each with
/// its own numbers.
pub fn calc_drill(kind: &str, count: usize, seed: u64) -> Vec<String> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..count).map(|_| format!("calc-{kind}-{}", rng.random_range(0..1_000_000u32))).collect()
}

/// A quiz being taken: its items are fixed when it starts (answering changes
/// what counts as "missed", which must not reshuffle the quiz), and it is
/// saved after every answer so a reload resumes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub title: String,
    pub ids: Vec<String>,
    /// Chosen option indexes (in the item's own order), by position.
    #[serde(default)]
    pub answers: BTreeMap<usize, Vec<usize>>,
    #[serde(default)]
    pub current: usize,
    /// Seeds the option order, so it stays put across reloads.
    pub seed: u64,
    pub started_ms: i64,
    /// The assignment this quiz is the questions of, if any: its answers
    /// are kept for the student's submission too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<String>,
}

/// The quiz in progress, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CurrentQuiz {
    pub session: Option<Session>,
}

impl Record for CurrentQuiz {
    const KEY: &'static str = "hit.quiz-session";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "your quiz in progress";
}

/// How a finished (or partly answered) quiz went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionSummary {
    pub right: usize,
    pub answered: usize,
    pub total: usize,
    pub by_domain: BTreeMap<u8, Mastery>,
    /// Positions answered wrong.
    pub missed: Vec<usize>,
}

impl Session {
    pub fn new(title: impl Into<String>, ids: Vec<String>, seed: u64, now_ms: i64) -> Session {
        Session { title: title.into(), ids, answers: BTreeMap::new(), current: 0, seed, started_ms: now_ms, assignment: None }
    }

    /// Answers the item at `pos` once (a second answer is ignored: feedback
    /// has been seen) and records it in `history`. Returns whether it was
    /// right, or `None` if nothing was recorded.
    pub fn answer(&mut self, bank: &Bank, history: &mut History, pos: usize, chosen: Vec<usize>, now_ms: i64, seconds: u32) -> Option<bool> {
        if chosen.is_empty() || self.answers.contains_key(&pos) {
            return None;
        }
        let item = item(bank, self.ids.get(pos)?)?;
        let correct = item.is_correct(&chosen);
        history.record(&item, correct, now_ms, seconds);
        self.answers.insert(pos, chosen);
        Some(correct)
    }

    pub fn is_finished(&self) -> bool {
        self.answers.len() >= self.ids.len()
    }

    pub fn summary(&self, bank: &Bank) -> SessionSummary {
        let mut s = SessionSummary { total: self.ids.len(), ..Default::default() };
        for (&pos, chosen) in &self.answers {
            let Some(item) = self.ids.get(pos).and_then(|id| item(bank, id)) else { continue };
            let correct = item.is_correct(chosen);
            s.answered += 1;
            s.right += usize::from(correct);
            let m = s.by_domain.entry(item.domain.number()).or_default();
            m.total += 1;
            m.right += u32::from(correct);
            if !correct {
                s.missed.push(pos);
            }
        }
        s
    }
}

/// Option order for showing an item: shuffled by a seed so the answer's
/// position is not a cue, the same for the same item and seed.
pub fn option_order(item: &Item, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..item.options.len()).collect();
    let key = item.id.bytes().fold(seed ^ 0x9e37_79b9_7f4a_7c15, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    order.shuffle(&mut ChaCha8Rng::seed_from_u64(key));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use crate::exam::{Choice, Cognitive, ItemType};

    fn make(id: &str, domain: u8, difficulty: u8, set: Option<&str>) -> Item {
        let o = |t: &str, c: bool| Choice { text: t.into(), correct: c, why: "w".into() };
        Item {
            id: id.into(),
            domain: Domain::new(domain).unwrap(),
            task: format!("{domain}.1"),
            kind: ItemType::Single,
            cognitive: Cognitive::Recall,
            difficulty,
            set: set.map(String::from),
            stem: "stem".into(),
            options: vec![o("a", true), o("b", false), o("c", false), o("d", false)],
            choose: 1,
            rationale: "r".into(),
            reference: "ref".into(),
            tags: vec![],
        }
    }

    fn bank() -> Bank {
        let mut items: Vec<Item> = (0..60).map(|i| make(&format!("i{i}"), (i % 6 + 1) as u8, (i % 3 + 1) as u8, None)).collect();
        items.extend((0..3).map(|i| make(&format!("s{i}"), 2, 2, Some("set-a"))));
        Bank { items, sets: vec![] }
    }

    #[test]
    fn custom_quizzes_follow_their_spec() {
        let b = bank();
        let h = History::default();
        let spec = QuizSpec { domains: vec![2], count: 5, difficulty: Some(2), ..Default::default() };
        let ids = choose(&b, &h, &spec, 1);
        assert!(!ids.is_empty() && ids.len() <= 5);
        for id in &ids {
            let it = item(&b, id).unwrap();
            assert_eq!((it.domain.number(), it.difficulty), (2, 2), "{id}");
        }
        assert_eq!(choose(&b, &h, &spec, 1), choose(&b, &h, &spec, 1), "same seed, same quiz");
        // A set's items come together.
        let all = choose(&b, &h, &QuizSpec { domains: vec![2], count: 30, ..Default::default() }, 3);
        let at: Vec<usize> = all.iter().enumerate().filter(|(_, i)| i.starts_with('s')).map(|(n, _)| n).collect();
        assert_eq!(at.len(), 3);
        assert_eq!(at[2] - at[0], 2, "consecutive: {all:?}");
        // Calculation drills mix in with generated ids.
        let calc = choose(&b, &h, &QuizSpec { count: 10, calculations: true, ..Default::default() }, 4);
        assert!(calc.iter().any(|i| i.starts_with("calc-")), "{calc:?}");
        assert!(calc.iter().all(|i| item(&b, i).is_some()));
        assert_eq!(calc.len(), 10);
    }

    #[test]
    fn history_tracks_missed_flags_and_mastery() {
        let b = bank();
        let mut h = History::default();
        h.record(&b.items[0], false, 1, 30);
        h.record(&b.items[6], true, 2, 20);
        h.record(&b.items[0], true, 3, 25);
        h.record(&b.items[1], false, 4, 10);
        assert!(!h.missed("i0"), "answered right since");
        assert!(h.missed("i1"));
        let m = h.mastery();
        assert_eq!(m[&1], Mastery { right: 2, total: 2 });
        assert_eq!(m[&2], Mastery { right: 0, total: 1 });
        assert_eq!(weakest_domain(&h).unwrap().number(), 3, "a domain never answered comes first");
        let mut all = h.clone();
        for d in 3..=6 {
            all.record(&b.items[d - 1], true, 5, 5);
        }
        assert_eq!(weakest_domain(&all).unwrap().number(), 2, "then the lowest mastery");
        let missed = missed_set(&b, &h, 1);
        assert_eq!(missed, ["i1"]);
        assert!(h.toggle_flag("i5", 10) && h.flags.contains("i5"));
        assert!(!h.toggle_flag("i5", 11) && h.flags.is_empty());
        h.toggle_flag("i7", 12);
        let flagged = choose(&b, &h, &QuizSpec { count: 10, only_flagged: true, ..Default::default() }, 2);
        assert_eq!(flagged, ["i7"]);
        assert_eq!(weakest_domain(&History::default()), None);
    }

    #[test]
    fn the_question_of_the_day_is_stable_and_cycles() {
        let b = bank();
        assert_eq!(question_of_the_day(&b, 20_000).unwrap().id, question_of_the_day(&b, 20_000).unwrap().id);
        let standalone = b.items.iter().filter(|i| i.set.is_none()).count() as i64;
        let start = 20_000 - 20_000 % standalone;
        let seen: BTreeSet<&str> = (start..start + standalone).map(|d| question_of_the_day(&b, d).unwrap().id.as_str()).collect();
        assert_eq!(seen.len() as i64, standalone, "each item once per cycle");
    }

    #[test]
    fn options_are_shuffled_per_seed_but_stable() {
        let it = make("x", 1, 1, None);
        assert_eq!(option_order(&it, 5), option_order(&it, 5));
        let orders: BTreeSet<Vec<usize>> = (0..30).map(|s| option_order(&it, s)).collect();
        assert!(orders.len() > 5);
    }

    #[test]
    fn a_session_records_each_answer_once_and_sums_up() {
        let bank = bank();
        let mut history = History::default();
        let ids: Vec<String> = ["i0", "i1", "calc-alos-7"].map(String::from).to_vec();
        let mut s = Session::new("Test", ids, 3, 1_000);
        assert_eq!(s.answer(&bank, &mut history, 0, vec![0], 2_000, 5), Some(true));
        assert_eq!(s.answer(&bank, &mut history, 0, vec![1], 2_000, 5), None, "a second answer is ignored");
        assert_eq!(s.answer(&bank, &mut history, 1, vec![], 2_000, 5), None, "no choice, no answer");
        assert_eq!(s.answer(&bank, &mut history, 1, vec![2], 2_000, 5), Some(false));
        assert!(!s.is_finished());
        let calc = item(&bank, "calc-alos-7").unwrap();
        assert_eq!(s.answer(&bank, &mut history, 2, calc.answer(), 3_000, 40), Some(true));
        assert!(s.is_finished());
        assert_eq!(history.answers.len(), 3);
        assert!(history.missed("i1") && !history.missed("i0"));
        let sum = s.summary(&bank);
        assert_eq!((sum.right, sum.answered, sum.total, sum.missed.clone()), (2, 3, 3, vec![1]));
        // The session survives the store.
        let mut store = crate::store::MemoryStore::default();
        let cur = CurrentQuiz { session: Some(s.clone()) };
        crate::store::Store::save(&mut store, &cur, 0).unwrap();
        let back: CurrentQuiz = crate::store::Store::load(&mut store, 0).unwrap().into_record().unwrap();
        assert_eq!(back.session, Some(s));
    }

    #[test]
    fn calculation_drills_vary_their_numbers() {
        let ids = calc_drill("cmi", 5, 9);
        assert_eq!(ids, calc_drill("cmi", 5, 9));
        assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 5);
        let stems: BTreeSet<String> = ids.iter().map(|id| item(&Bank::default(), id).unwrap().stem.clone()).collect();
        assert!(stems.len() >= 4, "{stems:?}");
        let mut h = History::default();
        let bank = bank();
        h.record(&bank.items[0], false, 0, 1);
        h.record(&bank.items[1], false, 0, 1);
        h.record(&bank.items[0], true, 1, 1);
        assert_eq!(h.missed_count(), 1);
    }

    #[test]
    fn the_weakest_set_draws_from_the_weakest_domain() {
        let bank = bank();
        let mut history = History::default();
        assert!(!weakest_set(&bank, &history, 1).is_empty());
        for d in 1..=6u8 {
            let it = bank.items.iter().find(|i| i.domain.number() == d).unwrap();
            history.record(it, d != 4, 0, 1);
        }
        let ids = weakest_set(&bank, &history, 1);
        assert!(!ids.is_empty());
        assert!(ids.iter().all(|id| item(&bank, id).unwrap().domain.number() == 4), "{ids:?}");
    }
}
