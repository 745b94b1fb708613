//! The RHIT exam content: the blueprint (content/exam/blueprint.toml:
//! domains, tasks, weight ranges by source, the exam's shape) and the
//! question bank (content/exam/items/*.toml: single-best-answer and
//! multiple-response items, and scenario sets). Formats: content/exam/README.md.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use crate::content::{ContentError, Source};
use crate::rhit::Domain;
use crate::tips::is_slug;

// ---------- blueprint ----------

#[derive(Debug, Clone, PartialEq)]
pub struct Blueprint {
    pub domains: Vec<BlueprintDomain>,
    pub shape: ExamShape,
    /// Where each set of weight ranges comes from.
    pub sources: Vec<WeightSource>,
    /// The id of the source the mock exam follows.
    pub mock_source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BlueprintDomain {
    pub domain: Domain,
    pub tasks: Vec<Task>,
    /// Percent ranges of the scored items, by source id.
    pub weights: BTreeMap<String, (f64, f64)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// "2.3": domain, then task.
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamShape {
    pub items: u32,
    pub scored: u32,
    pub pretest: u32,
    pub minutes: u32,
    pub scale_min: u32,
    pub scale_max: u32,
    pub passing_scaled: u32,
    /// The share of scored items right that we take to be the cut score
    /// (AHIMA does not publish it): the scaled-score estimate rests on it.
    pub assumed_cut_percent: f64,
    pub item_types: Vec<String>,
    /// Where the figures come from.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightSource {
    pub id: String,
    pub name: String,
    pub url: String,
    pub retrieved: String,
    pub note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlueprint {
    mock_source: String,
    shape: ExamShape,
    source: Vec<WeightSource>,
    domain: Vec<Spanned<RawDomain>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDomain {
    number: u8,
    name: String,
    weights: BTreeMap<String, (f64, f64)>,
    task: Vec<Task>,
}

pub(crate) fn parse_blueprint(path: &str, text: &str) -> Result<Blueprint, Vec<ContentError>> {
    let source = Source::new(path, text);
    let raw: RawBlueprint = source.parse()?;
    let mut errors = Vec::new();
    let source_ids: Vec<&str> = raw.source.iter().map(|s| s.id.as_str()).collect();
    let mut top = |field: &str, message: String| {
        let line = text.lines().position(|l| l.split('=').next().is_some_and(|k| k.trim() == field)).map_or(1, |i| i + 1);
        errors.push(ContentError { file: path.into(), line, field: field.into(), message });
    };
    if !source_ids.contains(&raw.mock_source.as_str()) {
        top("mock_source", format!("{:?} is not the id of a [[source]]", raw.mock_source));
    }
    let s = &raw.shape;
    if s.scored + s.pretest != s.items || s.minutes == 0 || s.scale_min >= s.passing_scaled || s.passing_scaled >= s.scale_max {
        top("shape", "scored + pretest must equal items, minutes must be set, and scale_min < passing_scaled < scale_max".into());
    }
    if !(1.0..100.0).contains(&s.assumed_cut_percent) {
        top("assumed_cut_percent", "must be a percentage between 1 and 100".into());
    }
    let mut domains = Vec::new();
    for (i, d) in raw.domain.iter().enumerate() {
        let span = d.span();
        let d = d.get_ref();
        let mut fail = |field: &str, message: String| errors.push(source.field_error("domain", i, &span, field, message));
        let Some(domain) = Domain::new(d.number).filter(|dom| usize::from(dom.number()) == i + 1) else {
            fail("number", format!("domains are numbered 1 to 6 in order; this one says {}", d.number));
            continue;
        };
        if d.name != domain.name() {
            fail("name", format!("domain {} is {:?}", d.number, domain.name()));
        }
        for (sid, (lo, hi)) in &d.weights {
            if !source_ids.contains(&sid.as_str()) {
                fail("weights", format!("{sid:?} is not the id of a [[source]]"));
            } else if !(0.0..=100.0).contains(lo) || lo > hi || *hi > 100.0 {
                fail("weights", format!("{sid} range [{lo}, {hi}] must be [low, high] percentages"));
            }
        }
        if !d.weights.contains_key(&raw.mock_source) {
            fail("weights", format!("needs a range from the mock exam's source {:?}", raw.mock_source));
        }
        if d.task.is_empty() {
            fail("task", "list the domain's task statements".into());
        }
        for t in &d.task {
            if !t.id.starts_with(&format!("{}.", d.number)) || t.text.trim().is_empty() {
                fail("task", format!("task {:?} must be numbered {}.N and have text", t.id, d.number));
            }
        }
        domains.push(BlueprintDomain { domain, tasks: d.task.clone(), weights: d.weights.clone() });
    }
    if domains.len() != 6 && errors.is_empty() {
        errors.push(ContentError { file: path.into(), line: 1, field: "domain".into(), message: format!("needs all six domains, has {}", domains.len()) });
    }
    if errors.is_empty() {
        Ok(Blueprint { domains, shape: raw.shape, sources: raw.source, mock_source: raw.mock_source })
    } else {
        Err(errors)
    }
}

impl Blueprint {
    pub fn domain(&self, d: Domain) -> &BlueprintDomain {
        &self.domains[usize::from(d.number() - 1)]
    }

    pub fn task(&self, id: &str) -> Option<&Task> {
        self.domains.iter().flat_map(|d| &d.tasks).find(|t| t.id == id)
    }

    /// How many of `n` items each domain gets under the mock exam's source:
    /// in proportion to the midpoints of the ranges, rounded so they add up
    /// to `n` (largest remainders first).
    pub fn allocate(&self, n: u32) -> [u32; 6] {
        let mids: Vec<f64> = self.domains.iter().map(|d| d.weights.get(&self.mock_source).map_or(0.0, |(lo, hi)| (lo + hi) / 2.0)).collect();
        let total: f64 = mids.iter().sum();
        let exact: Vec<f64> = mids.iter().map(|m| m / total * f64::from(n)).collect();
        let mut counts = [0u32; 6];
        for (i, e) in exact.iter().enumerate() {
            counts[i] = e.floor() as u32;
        }
        let mut rest: Vec<usize> = (0..6).collect();
        rest.sort_by(|a, b| (exact[*b] - exact[*b].floor()).total_cmp(&(exact[*a] - exact[*a].floor())).then(a.cmp(b)));
        let short = n - counts.iter().sum::<u32>();
        for i in rest.into_iter().take(short as usize) {
            counts[i] += 1;
        }
        counts
    }
}

// ---------- items ----------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemType {
    /// Single best answer, four options.
    Single,
    /// Multiple response: choose exactly `choose` of the options.
    Multiple,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cognitive {
    Recall,
    Application,
    Analysis,
}

impl Cognitive {
    pub fn label(self) -> &'static str {
        match self {
            Cognitive::Recall => "recall",
            Cognitive::Application => "application",
            Cognitive::Analysis => "analysis",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub domain: Domain,
    pub task: String,
    pub kind: ItemType,
    pub cognitive: Cognitive,
    pub difficulty: u8,
    /// The scenario set it belongs to, if any.
    pub set: Option<String>,
    pub stem: String,
    pub options: Vec<Choice>,
    /// For multiple response: how many to choose (the stem says so).
    pub choose: usize,
    pub rationale: String,
    pub reference: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    /// Why this option is right, or why it is wrong.
    pub why: String,
}

impl Item {
    /// Indexes of the correct options.
    pub fn answer(&self) -> Vec<usize> {
        self.options.iter().enumerate().filter(|(_, o)| o.correct).map(|(i, _)| i).collect()
    }

    /// Whether `chosen` (option indexes) is exactly the answer.
    pub fn is_correct(&self, chosen: &[usize]) -> bool {
        let mut c = chosen.to_vec();
        c.sort_unstable();
        c.dedup();
        c == self.answer()
    }
}

/// A short case with three to five items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSet {
    pub id: String,
    pub title: String,
    pub case: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bank {
    pub items: Vec<Item>,
    pub sets: Vec<ItemSet>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    set: Vec<Spanned<RawSet>>,
    #[serde(default)]
    item: Vec<Spanned<RawItem>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    id: String,
    title: String,
    case: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    domain: u8,
    task: String,
    #[serde(rename = "type")]
    kind: ItemType,
    cognitive: Cognitive,
    difficulty: u8,
    #[serde(default)]
    set: Option<String>,
    stem: String,
    #[serde(default)]
    choose: Option<usize>,
    rationale: String,
    reference: String,
    #[serde(default)]
    tags: Vec<String>,
    option: Vec<Choice>,
}

const NUMBER_WORDS: [&str; 7] = ["zero", "one", "two", "three", "four", "five", "six"];

/// Parses one items file into `bank`, checking each item on its own (ids,
/// answers, options, the stem's "choose N"); cross-file checks are in
/// [`check_bank`].
pub(crate) fn parse_items(path: &str, text: &str, bank: &mut Bank) -> Result<(), Vec<ContentError>> {
    let source = Source::new(path, text);
    let raw: RawFile = source.parse()?;
    let mut errors = Vec::new();
    for (i, s) in raw.set.iter().enumerate() {
        let span = s.span();
        let s = s.get_ref();
        if !is_slug(&s.id) || s.case.trim().len() < 80 || s.title.trim().is_empty() {
            errors.push(source.field_error("set", i, &span, "case", "a set needs a slug id, a title and a case of a few sentences".into()));
        }
        for problem in crate::prose::check(&s.case) {
            errors.push(source.field_error("set", i, &span, "case", problem));
        }
        bank.sets.push(ItemSet { id: s.id.clone(), title: s.title.trim().into(), case: s.case.trim().into() });
    }
    for (i, it) in raw.item.iter().enumerate() {
        let span = it.span();
        let r = it.get_ref();
        let mut fail = |field: &str, message: String| errors.push(source.field_error("item", i, &span, field, message));
        let Some(domain) = Domain::new(r.domain) else {
            fail("domain", format!("must be 1 to 6, not {}", r.domain));
            continue;
        };
        if !is_slug(&r.id) {
            fail("id", format!("{:?} must be lowercase letters, digits and hyphens", r.id));
        }
        if !r.task.starts_with(&format!("{}.", r.domain)) {
            fail("task", format!("{:?} is not a task of domain {}", r.task, r.domain));
        }
        if !(1..=3).contains(&r.difficulty) {
            fail("difficulty", format!("must be 1, 2 or 3, not {}", r.difficulty));
        }
        let correct = r.option.iter().filter(|o| o.correct).count();
        let mut texts = HashSet::new();
        if r.option.iter().any(|o| !texts.insert(o.text.trim().to_lowercase())) {
            fail("option", "two options have the same text".into());
        }
        if r.option.iter().any(|o| o.text.trim().is_empty() || o.why.trim().is_empty()) {
            fail("option", "every option needs text and a `why` (why it is right, or why it is wrong)".into());
        }
        let choose = match r.kind {
            ItemType::Single => {
                if r.option.len() != 4 {
                    fail("option", format!("a single-best-answer item has four options, not {}", r.option.len()));
                }
                if correct != 1 {
                    fail("option", format!("a single-best-answer item has exactly one correct option, not {correct}"));
                }
                if r.choose.is_some() {
                    fail("choose", "only multiple-response items choose more than one".into());
                }
                1
            }
            ItemType::Multiple => {
                let n = r.choose.unwrap_or(0);
                if n < 2 || n != correct || r.option.len() < n + 2 || r.option.len() > 7 {
                    fail("choose", format!("a multiple-response item chooses 2 or more, has that many correct options ({correct} here) and at least two more options, seven at most"));
                }
                let stem = r.stem.to_lowercase();
                let said = NUMBER_WORDS.get(n).is_some_and(|w| stem.contains(&format!("choose {w}")) || stem.contains(&format!("select {w}")))
                    || stem.contains(&format!("choose {n}"))
                    || stem.contains(&format!("select {n}"));
                if !said {
                    fail("stem", format!("the stem must say how many to choose (\"Choose {}.\")", NUMBER_WORDS.get(n).unwrap_or(&"N")));
                }
                n
            }
        };
        if r.stem.trim().len() < 20 || r.rationale.trim().is_empty() || r.reference.trim().is_empty() {
            fail("stem", "an item needs a stem, a rationale and a reference".into());
        }
        for (field, text) in [("stem", &r.stem), ("rationale", &r.rationale)] {
            for problem in crate::prose::check(text) {
                fail(field, problem);
            }
        }
        bank.items.push(Item {
            id: r.id.clone(),
            domain,
            task: r.task.clone(),
            kind: r.kind,
            cognitive: r.cognitive,
            difficulty: r.difficulty,
            set: r.set.clone(),
            stem: r.stem.trim().into(),
            options: r.option.clone(),
            choose,
            rationale: r.rationale.trim().into(),
            reference: r.reference.trim().into(),
            tags: r.tags.clone(),
        });
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// Checks across files: unique ids, tasks in the blueprint, sets of three to
/// five items that exist. Errors name the item by id.
pub(crate) fn check_bank(bank: &Bank, blueprint: &Blueprint) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let err = |id: &str, field: &str, message: String| ContentError { file: "exam/items".into(), line: 0, field: format!("item {id}.{field}"), message };
    let mut seen = HashSet::new();
    for it in &bank.items {
        if !seen.insert(it.id.as_str()) {
            errors.push(err(&it.id, "id", "is used by two items; ids must be unique across the bank".into()));
        }
        if blueprint.task(&it.task).is_none() {
            errors.push(err(&it.id, "task", format!("{:?} is not a task in exam/blueprint.toml", it.task)));
        }
        if let Some(set) = &it.set
            && !bank.sets.iter().any(|s| &s.id == set)
        {
            errors.push(err(&it.id, "set", format!("{set:?} is not a [[set]]")));
        }
    }
    let mut set_ids = HashSet::new();
    for s in &bank.sets {
        if !set_ids.insert(s.id.as_str()) {
            errors.push(err(&s.id, "set", "two sets share this id".into()));
        }
        let n = bank.items.iter().filter(|i| i.set.as_deref() == Some(s.id.as_str())).count();
        if !(3..=5).contains(&n) {
            errors.push(err(&s.id, "set", format!("a scenario set has three to five items, not {n}")));
        }
    }
    errors
}

/// What keeps the bank from covering the blueprint: every task needs an
/// item, and every domain at least twice its share of a full mock exam.
pub fn coverage_problems(bank: &Bank, blueprint: &Blueprint) -> Vec<String> {
    let mut out = Vec::new();
    let shares = blueprint.allocate(blueprint.shape.items);
    for (d, share) in blueprint.domains.iter().zip(shares) {
        let n = bank.items.iter().filter(|i| i.domain == d.domain).count();
        if n < 2 * share as usize {
            out.push(format!(
                "domain {} ({}) has {n} items; a {}-item mock exam draws {share} from it, so it needs at least {}",
                d.domain.number(),
                d.domain.name(),
                blueprint.shape.items,
                2 * share
            ));
        }
        for t in &d.tasks {
            if !bank.items.iter().any(|i| i.task == t.id) {
                out.push(format!("task {} (\"{}\") has no item", t.id, t.text));
            }
        }
    }
    out
}

/// Counts for `hit content check`: by domain, type and cognitive level.
pub fn counts(bank: &Bank) -> (BTreeMap<u8, usize>, BTreeMap<ItemType, usize>, BTreeMap<Cognitive, usize>) {
    let (mut d, mut t, mut c) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    for it in &bank.items {
        *d.entry(it.domain.number()).or_default() += 1;
        *t.entry(it.kind).or_default() += 1;
        *c.entry(it.cognitive).or_default() += 1;
    }
    (d, t, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = r#"
[[item]]
id = "d2-auth-elements"
domain = 2
task = "2.1"
type = "single"
cognitive = "recall"
difficulty = 1
stem = "Which element must a valid HIPAA authorization contain?"
rationale = "45 CFR 164.508(c) lists the core elements."
reference = "45 CFR 164.508(c)"
tags = ["hipaa"]
[[item.option]]
text = "An expiration date or event"
correct = true
why = "A core element."
[[item.option]]
text = "The patient's diagnosis"
why = "Not required."
[[item.option]]
text = "A notary's seal"
why = "Not required."
[[item.option]]
text = "The physician's signature"
why = "The individual signs, not the physician."
"#;

    #[test]
    fn items_parse_and_answers_check() {
        let mut bank = Bank::default();
        parse_items("exam/items/t.toml", ITEM, &mut bank).unwrap();
        let it = &bank.items[0];
        assert_eq!(it.answer(), [0]);
        assert!(it.is_correct(&[0]) && !it.is_correct(&[1]) && !it.is_correct(&[0, 1]));
        assert_eq!(it.choose, 1);
    }

    #[test]
    fn malformed_items_are_located() {
        let check = |text: &str, field: &str, part: &str| {
            let mut bank = Bank::default();
            let e = parse_items("exam/items/t.toml", text, &mut bank).unwrap_err();
            assert!(e.iter().any(|e| e.field.ends_with(field) && e.message.contains(part)), "{e:#?}");
        };
        check(&ITEM.replacen("correct = true", "correct = false", 1), "option", "exactly one correct");
        check(&ITEM.replacen("The patient's diagnosis", "An expiration date or event", 1), "option", "same text");
        check(&ITEM.replacen("domain = 2", "domain = 9", 1), "domain", "1 to 6");
        check(&ITEM.replacen("task = \"2.1\"", "task = \"3.1\"", 1), "task", "not a task of domain 2");
        let multiple = ITEM.replacen("type = \"single\"", "type = \"multiple\"\nchoose = 2", 1).replacen("why = \"Not required.\"", "correct = true\nwhy = \"x\"", 1);
        check(&multiple, "stem", "must say how many to choose");
    }

    #[test]
    fn allocation_follows_the_mock_source_and_adds_up() {
        let bp = crate::content::bundled().unwrap().blueprint;
        for n in [130, 150, 20, 7] {
            let a = bp.allocate(n);
            assert_eq!(a.iter().sum::<u32>(), n, "{a:?}");
        }
        let a = bp.allocate(130);
        for (d, count) in bp.domains.iter().zip(a) {
            let (lo, hi) = d.weights[&bp.mock_source];
            let pct = f64::from(count) / 130.0 * 100.0;
            assert!(pct >= lo - 1.0 && pct <= hi + 1.0, "domain {} gets {pct:.1}% outside [{lo}, {hi}]", d.domain.number());
        }
    }

    #[test]
    fn the_bundled_bank_is_big_enough_and_covers_the_blueprint() {
        let c = crate::content::bundled().unwrap();
        let bank = &c.bank;
        let (_, by_type, by_level) = counts(bank);
        assert!(by_type[&ItemType::Single] >= 400, "{by_type:?}");
        assert!(by_type[&ItemType::Multiple] >= 40, "{by_type:?}");
        assert!(bank.sets.len() >= 10, "{} sets", bank.sets.len());
        for set in &bank.sets {
            let n = bank.items.iter().filter(|i| i.set.as_ref() == Some(&set.id)).count();
            assert!((3..=5).contains(&n), "set {} has {n} items", set.id);
        }
        for it in &bank.items {
            match it.kind {
                ItemType::Single => assert!(it.options.len() == 4 && it.answer().len() == 1, "{}", it.id),
                ItemType::Multiple => assert!(it.answer().len() == it.choose && it.choose >= 2, "{}", it.id),
            }
        }
        // Every level is well represented (the writers' brief asks for about 35/45/20).
        let total = bank.items.len() as f64;
        for (level, n) in &by_level {
            assert!(*n as f64 / total >= 0.15, "{level:?}: {n} of {total}");
        }
        assert_eq!(coverage_problems(bank, &c.blueprint), Vec::<String>::new());
        assert!(check_bank(bank, &c.blueprint).is_empty());
    }
}
