//! The history of graded coding attempts, persisted through the Store,
//! and the unfinished coding per chart.
//!
//! Attempts are stored compactly (schema 2): scenario ids once, each attempt
//! as one JSON array with its answer as a short string, so 10,000 attempts
//! stay well under a megabyte (see the storage benchmark).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::grading::{Answer, AnswerCode, AnswerProcedure, Grade, Skills, Tally};
use crate::store::{Compact, Merge, Record};

/// Every graded attempt, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "Wire", into = "Wire")]
pub struct Attempts {
    pub attempts: Vec<Attempt>,
}

impl Record for Attempts {
    const KEY: &'static str = "hit.coding-attempts";
    const VERSION: u32 = 2;
    const LABEL: &'static str = "your graded coding attempts";

    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        match from {
            // Schema 1 stored each attempt as an object, without time spent or skills.
            1 => {
                let old: V1 = serde_json::from_value(data).map_err(|e| e.to_string())?;
                let attempts = old
                    .attempts
                    .into_iter()
                    .map(|a| Attempt { scenario: a.scenario, seed: a.seed, at_ms: a.at_ms, points: a.points, possible: a.possible, answer: a.answer, your_drg: a.your_drg, correct_drg: a.correct_drg, seconds: 0, skills: Skills::default() })
                    .collect();
                serde_json::to_value(Attempts { attempts }).map_err(|e| e.to_string())
            }
            _ => Err(format!("no migration from schema version {from}")),
        }
    }
}

#[derive(Deserialize)]
struct V1 {
    #[serde(default)]
    attempts: Vec<V1Attempt>,
}

#[derive(Deserialize)]
struct V1Attempt {
    scenario: String,
    seed: u64,
    at_ms: i64,
    points: f64,
    possible: f64,
    answer: Answer,
    your_drg: u16,
    correct_drg: u16,
}

/// One graded chart: enough to list it, reopen it, regrade it and count it
/// toward each coding skill.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub scenario: String,
    pub seed: u64,
    /// When it was graded, milliseconds since the Unix epoch. With the
    /// chart it identifies the attempt (an import never counts it twice).
    pub at_ms: i64,
    pub points: f64,
    pub possible: f64,
    /// What was coded; emptied for old attempts when storage is full.
    pub answer: Answer,
    /// MS-DRG of the student's coding and of the key (0 outside inpatient).
    pub your_drg: u16,
    pub correct_drg: u16,
    /// Time spent on the chart before grading.
    pub seconds: u32,
    pub skills: Skills,
}

impl Attempt {
    #[allow(clippy::too_many_arguments)]
    pub fn new(scenario: &str, seed: u64, at_ms: i64, grade: &Grade, answer: &Answer, your_drg: u16, correct_drg: u16, seconds: u32, skills: Skills) -> Attempt {
        Attempt { scenario: scenario.into(), seed, at_ms, points: grade.points, possible: grade.possible, answer: answer.clone(), your_drg, correct_drg, seconds, skills }
    }

    /// 0 to 100, one decimal.
    pub fn percent(&self) -> f64 {
        if self.possible <= 0.0 { 0.0 } else { (self.points / self.possible * 1000.0).round() / 10.0 }
    }

    fn identity(&self) -> (&str, u64, i64) {
        (&self.scenario, self.seed, self.at_ms)
    }
}

impl Attempts {
    /// The attempts, newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = &Attempt> {
        self.attempts.iter().rev()
    }

    /// The best score on one chart, if it was attempted.
    pub fn best(&self, scenario: &str, seed: u64) -> Option<f64> {
        self.attempts.iter().filter(|a| a.scenario == scenario && a.seed == seed).map(Attempt::percent).reduce(f64::max)
    }

    /// Skill totals over every attempt.
    pub fn skills(&self) -> Skills {
        let mut total = Skills::default();
        self.attempts.iter().for_each(|a| total.merge(&a.skills));
        total
    }
}

impl Merge for Attempts {
    fn merge_from(&mut self, other: Attempts) {
        let known: BTreeSet<(String, u64, i64)> = self.attempts.iter().map(|a| (a.scenario.clone(), a.seed, a.at_ms)).collect();
        self.attempts.extend(other.attempts.into_iter().filter(|a| !known.contains(&(a.scenario.clone(), a.seed, a.at_ms))));
        self.attempts.sort_by(|a, b| a.at_ms.cmp(&b.at_ms).then_with(|| a.identity().cmp(&b.identity())));
    }
}

impl Attempts {
    /// Answers kept when storage is full: those of the newest attempts.
    pub const KEEP_ANSWERS: usize = 500;
}

impl Compact for Attempts {
    /// Drops the coded answers of all but the newest attempts; scores,
    /// skills, MS-DRGs and times stay.
    fn compact(&mut self, _now_ms: i64) -> Option<String> {
        let old = self.attempts.len().saturating_sub(Self::KEEP_ANSWERS);
        let mut n = 0;
        for a in &mut self.attempts[..old] {
            if !a.answer.diagnoses.is_empty() || !a.answer.procedures.is_empty() {
                a.answer = Answer::default();
                n += 1;
            }
        }
        (n > 0).then(|| format!("the codes you entered on {n} older coding attempts (their scores and skills stay)"))
    }
}

// ---------- the stored form ----------

#[derive(Serialize, Deserialize)]
struct Wire {
    #[serde(default, rename = "c")]
    charts: Vec<String>,
    #[serde(default, rename = "a")]
    attempts: Vec<WireAttempt>,
}

/// `[chart, seed, at_ms, points x100, possible x100, your DRG, correct DRG, seconds, skills, answer]`.
#[derive(Serialize, Deserialize)]
struct WireAttempt(u32, u64, i64, i64, i64, u16, u16, u32, String, String);

impl From<Attempts> for Wire {
    fn from(a: Attempts) -> Wire {
        let mut charts: Vec<String> = Vec::new();
        let attempts = a
            .attempts
            .into_iter()
            .map(|a| {
                let i = charts.iter().position(|c| *c == a.scenario).unwrap_or_else(|| {
                    charts.push(a.scenario.clone());
                    charts.len() - 1
                });
                let hundredths = |x: f64| (x * 100.0).round() as i64;
                WireAttempt(i as u32, a.seed, a.at_ms, hundredths(a.points), hundredths(a.possible), a.your_drg, a.correct_drg, a.seconds, skills_text(&a.skills), answer_text(&a.answer))
            })
            .collect();
        Wire { charts, attempts }
    }
}

impl From<Wire> for Attempts {
    fn from(w: Wire) -> Attempts {
        let attempts = w
            .attempts
            .into_iter()
            .map(|WireAttempt(c, seed, at_ms, points, possible, your_drg, correct_drg, seconds, skills, answer)| Attempt {
                scenario: w.charts.get(c as usize).cloned().unwrap_or_default(),
                seed,
                at_ms,
                points: points as f64 / 100.0,
                possible: possible as f64 / 100.0,
                answer: parse_answer(&answer),
                your_drg,
                correct_drg,
                seconds,
                skills: parse_skills(&skills),
            })
            .collect();
        Attempts { attempts }
    }
}

/// "r/t r/t r/t r/t r/t" for CM, PCS, sequencing, POA and MS-DRG.
fn skills_text(s: &Skills) -> String {
    s.all().iter().map(|t| format!("{}/{}", t.right, t.total)).collect::<Vec<_>>().join(" ")
}

fn parse_skills(text: &str) -> Skills {
    let t: Vec<Tally> = text
        .split(' ')
        .map(|p| {
            let (r, t) = p.split_once('/').unwrap_or(("0", "0"));
            Tally { right: r.parse().unwrap_or(0), total: t.parse().unwrap_or(0) }
        })
        .collect();
    let at = |i: usize| t.get(i).copied().unwrap_or_default();
    Skills { cm: at(0), pcs: at(1), sequencing: at(2), poa: at(3), drg: at(4) }
}

/// Diagnoses as `CODE:POA` (or `CODE`), then `|`, then procedures as
/// `CODE@DATE` (or `CODE`), each list space-separated: "K35.80:Y|0DTJ4ZZ@2026-03-14".
fn answer_text(a: &Answer) -> String {
    let dx = a.diagnoses.iter().map(|d| match &d.poa {
        Some(p) => format!("{}:{p}", d.code.trim()),
        None => d.code.trim().to_string(),
    });
    let px = a.procedures.iter().map(|p| match &p.date {
        Some(d) => format!("{}@{d}", p.code.trim()),
        None => p.code.trim().to_string(),
    });
    let join = |i: &mut dyn Iterator<Item = String>| i.filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
    let (dx, px) = (join(&mut dx.into_iter()), join(&mut px.into_iter()));
    if px.is_empty() { dx } else { format!("{dx}|{px}") }
}

fn parse_answer(text: &str) -> Answer {
    let (dx, px) = text.split_once('|').unwrap_or((text, ""));
    Answer {
        diagnoses: dx
            .split_whitespace()
            .map(|d| match d.split_once(':') {
                Some((code, poa)) => AnswerCode { code: code.into(), poa: Some(poa.into()) },
                None => AnswerCode { code: d.into(), poa: None },
            })
            .collect(),
        procedures: px
            .split_whitespace()
            .map(|p| match p.split_once('@') {
                Some((code, date)) => AnswerProcedure { code: code.into(), date: Some(date.into()) },
                None => AnswerProcedure { code: p.into(), date: None },
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Loaded, MemoryStore, Store};

    const FIXTURES: &[(u32, &str)] = &[
        (
            1,
            r#"{"schema":1,"data":{"attempts":[{"scenario":"lap-appendectomy","seed":7,"at_ms":1700000000000,"points":9.0,"possible":10.0,
            "answer":{"diagnoses":[{"code":"K35.80","poa":"Y"}],"procedures":[{"code":"0DTJ4ZZ","date":"2026-03-14"}]},"your_drg":399,"correct_drg":399}]}}"#,
        ),
        (2, r#"{"schema":2,"data":{"c":["lap-appendectomy"],"a":[[0,7,1700000000000,900,1000,399,399,0,"0/0 0/0 0/0 0/0 0/0","K35.80:Y|0DTJ4ZZ@2026-03-14"]]}}"#),
    ];

    fn attempt(scenario: &str, seed: u64, at_ms: i64, points: f64) -> Attempt {
        let answer = Answer {
            diagnoses: vec![AnswerCode { code: "J18.9".into(), poa: Some("Y".into()) }, AnswerCode { code: "Z87.891".into(), poa: None }],
            procedures: vec![AnswerProcedure { code: "0BH17EZ".into(), date: Some("2026-02-01".into()) }, AnswerProcedure { code: "3E0G76Z".into(), date: None }],
        };
        let mut skills = Skills::default();
        skills.cm = Tally { right: 2, total: 3 };
        skills.drg.add(true);
        Attempt { scenario: scenario.into(), seed, at_ms, points, possible: 10.0, answer, your_drg: 195, correct_drg: 194, seconds: 300, skills }
    }

    #[test]
    fn every_schema_version_has_a_fixture_that_loads() {
        let versions: Vec<u32> = FIXTURES.iter().map(|(v, _)| *v).collect();
        assert_eq!(versions, (1..=Attempts::VERSION).collect::<Vec<_>>());
        for (version, raw) in FIXTURES {
            let mut store = MemoryStore::new();
            store.set_raw(Attempts::KEY, raw).unwrap();
            let a = store.load::<Attempts>(0).unwrap().into_record().unwrap_or_else(|| panic!("fixture {version} did not load"));
            assert_eq!(a.attempts[0].answer.diagnoses[0], AnswerCode { code: "K35.80".into(), poa: Some("Y".into()) });
            assert_eq!(a.attempts[0].answer.procedures[0].date.as_deref(), Some("2026-03-14"));
            assert_eq!(a.attempts[0].percent(), 90.0);
        }
    }

    #[test]
    fn saved_attempts_round_trip_compactly_and_damage_is_quarantined() {
        let mut store = MemoryStore::new();
        let mut list = Attempts::default();
        for (seed, points) in [(1, 5.0), (1, 8.25), (2, 3.0)] {
            list.attempts.push(attempt("x", seed, seed as i64, points));
        }
        store.save(&list, 0).unwrap();
        let loaded = store.load::<Attempts>(0).unwrap().into_record().unwrap();
        assert_eq!(loaded, list);
        assert_eq!(loaded.best("x", 1), Some(82.5));
        assert_eq!(loaded.best("x", 3), None);
        assert_eq!(loaded.newest_first().next().unwrap().seed, 2);
        assert_eq!(loaded.skills().cm, Tally { right: 6, total: 9 });
        let raw = store.get_raw(Attempts::KEY).unwrap().unwrap();
        assert!(raw.len() / 3 < 130, "{} bytes for 3 attempts: {raw}", raw.len());
        store.set_raw(Attempts::KEY, "{\"schema\":2,\"data\":{\"a\":[[\"x\"]]}}").unwrap();
        assert!(matches!(store.load::<Attempts>(5).unwrap(), Loaded::Quarantined(_)));
        assert_eq!(store.quarantined().unwrap().len(), 1, "the damaged history is kept aside, not lost");
    }

    #[test]
    fn two_copies_merge_without_losing_or_doubling_an_attempt() {
        let check = |ours: &[(u64, i64)], theirs: &[(u64, i64)], want: &[(u64, i64)]| {
            let make = |l: &[(u64, i64)]| Attempts { attempts: l.iter().map(|&(s, t)| attempt("x", s, t, 5.0)).collect() };
            let mut a = make(ours);
            a.merge_from(make(theirs));
            assert_eq!(a.attempts.iter().map(|a| (a.seed, a.at_ms)).collect::<Vec<_>>(), want);
        };
        check(&[(1, 10), (2, 20)], &[(1, 10), (3, 15)], &[(1, 10), (3, 15), (2, 20)]);
        check(&[], &[(1, 10)], &[(1, 10)]);
        check(&[(1, 10)], &[], &[(1, 10)]);
        // Two tabs saving through one store keep both attempts.
        let mut store = MemoryStore::new();
        let mut tab_a = Attempts::default();
        let mut tab_b = Attempts::default();
        tab_a.attempts.push(attempt("a", 1, 100, 5.0));
        store.save_merged(&mut tab_a, 0).unwrap();
        tab_b.attempts.push(attempt("b", 1, 200, 5.0));
        store.save_merged(&mut tab_b, 0).unwrap();
        tab_a.attempts.push(attempt("a", 2, 300, 5.0));
        store.save_merged(&mut tab_a, 0).unwrap();
        let stored = store.load::<Attempts>(0).unwrap().into_record().unwrap();
        assert_eq!(stored.attempts.len(), 3);
        assert_eq!(tab_a, stored);
    }

    #[test]
    fn compaction_drops_old_answers_and_keeps_scores() {
        let mut list = Attempts { attempts: (0..Attempts::KEEP_ANSWERS as i64 + 20).map(|i| attempt("x", 1, i, 7.0)).collect() };
        let before = serde_json::to_string(&list).unwrap().len();
        let said = list.compact(0).unwrap();
        assert!(said.contains("20 older coding attempts"), "{said}");
        assert!(list.attempts[..20].iter().all(|a| a.answer == Answer::default() && a.percent() == 70.0 && a.skills.cm.total == 3));
        assert!(list.attempts[20..].iter().all(|a| !a.answer.diagnoses.is_empty()));
        assert!(serde_json::to_string(&list).unwrap().len() < before);
        assert_eq!(list.compact(0), None, "nothing more to drop");
    }
}

/// Unfinished coding, per chart, so leaving the page or reloading loses
/// nothing. Newest last; only the most recent [`Drafts::KEEP`] charts are kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Drafts {
    pub drafts: Vec<Draft>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub scenario: String,
    pub seed: u64,
    pub answer: Answer,
}

impl Record for Drafts {
    const KEY: &'static str = "hit.coding-drafts";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "your unfinished coding";
}

impl Drafts {
    pub const KEEP: usize = 50;

    pub fn get(&self, scenario: &str, seed: u64) -> Option<&Answer> {
        self.drafts.iter().find(|d| d.scenario == scenario && d.seed == seed).map(|d| &d.answer)
    }

    /// Stores the draft for a chart as the newest; an empty answer removes it.
    pub fn put(&mut self, scenario: &str, seed: u64, answer: &Answer) {
        self.drafts.retain(|d| !(d.scenario == scenario && d.seed == seed));
        if !answer.diagnoses.is_empty() || !answer.procedures.is_empty() {
            self.drafts.push(Draft { scenario: scenario.into(), seed, answer: answer.clone() });
        }
        let excess = self.drafts.len().saturating_sub(Self::KEEP);
        self.drafts.drain(..excess);
    }
}

#[cfg(test)]
mod draft_tests {
    use super::*;
    use crate::grading::AnswerCode;

    #[test]
    fn drafts_replace_per_chart_and_keep_the_newest() {
        let a = Answer { diagnoses: vec![AnswerCode { code: "J18.9".into(), poa: None }], procedures: vec![] };
        let mut d = Drafts::default();
        d.put("x", 1, &a);
        d.put("x", 1, &a);
        assert_eq!(d.drafts.len(), 1);
        assert_eq!(d.get("x", 1), Some(&a));
        d.put("x", 1, &Answer::default());
        assert_eq!(d.get("x", 1), None, "an emptied form leaves no draft");
        for seed in 0..60 {
            d.put("y", seed, &a);
        }
        assert_eq!(d.drafts.len(), Drafts::KEEP);
        assert!(d.get("y", 9).is_none() && d.get("y", 10).is_some() && d.get("y", 59).is_some());
    }
}
