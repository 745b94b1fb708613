//! The history of graded coding attempts, persisted through the Store.

use serde::{Deserialize, Serialize};

use crate::grading::{Answer, Grade};
use crate::store::Record;

/// Every graded attempt, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attempts {
    pub attempts: Vec<Attempt>,
}

impl Record for Attempts {
    const KEY: &'static str = "hit.coding-attempts";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "your graded coding attempts";
}

/// One graded chart: enough to list it, reopen it and regrade it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub scenario: String,
    pub seed: u64,
    /// When it was graded, milliseconds since the Unix epoch.
    pub at_ms: i64,
    pub points: f64,
    pub possible: f64,
    pub answer: Answer,
    /// MS-DRG of the student's coding and of the key.
    pub your_drg: u16,
    pub correct_drg: u16,
}

impl Attempt {
    pub fn new(scenario: &str, seed: u64, at_ms: i64, grade: &Grade, answer: &Answer, your_drg: u16, correct_drg: u16) -> Attempt {
        Attempt { scenario: scenario.into(), seed, at_ms, points: grade.points, possible: grade.possible, answer: answer.clone(), your_drg, correct_drg }
    }

    /// 0 to 100, one decimal.
    pub fn percent(&self) -> f64 {
        if self.possible <= 0.0 { 0.0 } else { (self.points / self.possible * 1000.0).round() / 10.0 }
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::AnswerCode;
    use crate::store::{Loaded, MemoryStore, Store};

    const FIXTURES: &[(u32, &str)] = &[(
        1,
        r#"{"schema":1,"data":{"attempts":[{"scenario":"lap-appendectomy","seed":7,"at_ms":1700000000000,"points":9.0,"possible":10.0,
            "answer":{"diagnoses":[{"code":"K35.80","poa":"Y"}],"procedures":[{"code":"0DTJ4ZZ","date":"2026-03-14"}]},"your_drg":399,"correct_drg":399}]}}"#,
    )];

    #[test]
    fn every_schema_version_has_a_fixture_that_loads() {
        let versions: Vec<u32> = FIXTURES.iter().map(|(v, _)| *v).collect();
        assert_eq!(versions, (1..=Attempts::VERSION).collect::<Vec<_>>());
        for (version, raw) in FIXTURES {
            let mut store = MemoryStore::new();
            store.set_raw(Attempts::KEY, raw).unwrap();
            let Loaded::Found(a) = store.load::<Attempts>(0).unwrap() else { panic!("fixture {version} did not load") };
            assert_eq!(a.attempts[0].answer.diagnoses[0], AnswerCode { code: "K35.80".into(), poa: Some("Y".into()) });
            assert_eq!(a.attempts[0].percent(), 90.0);
        }
    }

    #[test]
    fn saved_attempts_round_trip_and_damage_is_quarantined() {
        let mut store = MemoryStore::new();
        let mut list = Attempts::default();
        for (seed, points) in [(1, 5.0), (1, 8.0), (2, 3.0)] {
            list.attempts.push(Attempt { scenario: "x".into(), seed, at_ms: seed as i64, points, possible: 10.0, answer: Answer::default(), your_drg: 195, correct_drg: 194 });
        }
        store.save(&list, 0).unwrap();
        let loaded = store.load::<Attempts>(0).unwrap().into_record().unwrap();
        assert_eq!(loaded, list);
        assert_eq!(loaded.best("x", 1), Some(80.0));
        assert_eq!(loaded.best("x", 3), None);
        assert_eq!(loaded.newest_first().next().unwrap().seed, 2);
        store.set_raw(Attempts::KEY, "{\"schema\":1,\"data\":{\"attempts\":[{\"seed\":\"x\"}]}}").unwrap();
        assert!(matches!(store.load::<Attempts>(5).unwrap(), Loaded::Quarantined(_)));
        assert_eq!(store.quarantined().unwrap().len(), 1, "the damaged history is kept aside, not lost");
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
