//! Grading a student's coding of a chart against its answer key:
//! `grade(&key, &answer, ...) -> Grade`, per code (exact, wrong specificity,
//! wrong POA, principal not listed first, wrong date, missing, extra) with
//! partial credit from the rubric (content/grading-rubric.toml), Excludes1
//! conflicts flagged, and the MS-DRG each coding produces.

use serde::{Deserialize, Serialize};

use crate::chart::{Chart, Key};
use crate::codes::{CodeSets, canonical_cm, normalize};
use crate::content::{ContentError, Source};
use crate::grouper::{Claim, DrgResult, Grouper};
use crate::icd10cm::Conflict;
use crate::scenario::Setting;

/// What a student coded. The first diagnosis is the principal (or, outside
/// inpatient care, the first-listed) diagnosis.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default)]
    pub diagnoses: Vec<AnswerCode>,
    #[serde(default)]
    pub procedures: Vec<AnswerProcedure>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerCode {
    pub code: String,
    /// Y, N, U, W, or empty/None for an exempt code (inpatient charts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poa: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerProcedure {
    pub code: String,
    /// "2026-03-14".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// Points and credit shares (content/grading-rubric.toml).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub points: Points,
    pub credit: Credit,
    pub penalty: Penalty,
    pub explanation: Explanation,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Points {
    pub principal: f64,
    pub secondary: f64,
    pub procedure: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credit {
    pub exact: f64,
    pub wrong_specificity: f64,
    pub wrong_poa: f64,
    pub principal_not_first: f64,
    pub wrong_date: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Penalty {
    pub extra: f64,
    pub excludes1: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    pub text: String,
}

pub(crate) fn parse_rubric(path: &str, text: &str) -> Result<Rubric, Vec<ContentError>> {
    let source = Source::new(path, text);
    let rubric: Rubric = source.parse()?;
    let mut errors = Vec::new();
    let mut check = |field: &str, value: f64, max: f64| {
        if !(0.0..=max).contains(&value) || value.is_nan() {
            let line = text.lines().position(|l| l.split('=').next().is_some_and(|k| k.trim() == field)).map_or(1, |i| i + 1);
            errors.push(ContentError { file: path.into(), line, field: field.into(), message: format!("must be from 0 to {max}, not {value}") });
        }
    };
    let (p, c, n) = (&rubric.points, &rubric.credit, &rubric.penalty);
    for (field, v) in [("principal", p.principal), ("secondary", p.secondary), ("procedure", p.procedure), ("extra", n.extra), ("excludes1", n.excludes1)] {
        check(field, v, 100.0);
    }
    for (field, v) in [
        ("exact", c.exact),
        ("wrong_specificity", c.wrong_specificity),
        ("wrong_poa", c.wrong_poa),
        ("principal_not_first", c.principal_not_first),
        ("wrong_date", c.wrong_date),
    ] {
        check(field, v, 1.0);
    }
    if rubric.explanation.text.trim().is_empty() {
        errors.push(ContentError { file: path.into(), line: 1, field: "explanation.text".into(), message: "is empty".into() });
    }
    if errors.is_empty() { Ok(rubric) } else { Err(errors) }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Principal,
    Secondary,
    Procedure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Exact,
    WrongSpecificity,
    WrongPoa,
    PrincipalNotFirst,
    WrongDate,
    Missing,
    Extra,
    /// A code the key accepts but does not require.
    Accepted,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Exact => "Exact",
            Verdict::WrongSpecificity => "Wrong specificity",
            Verdict::WrongPoa => "Wrong POA",
            Verdict::PrincipalNotFirst => "Not sequenced first",
            Verdict::WrongDate => "Wrong date",
            Verdict::Missing => "Missing",
            Verdict::Extra => "Extra",
            Verdict::Accepted => "Accepted",
        }
    }
}

/// One line of the grading: a key code and what was coded for it, or an extra code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub kind: ItemKind,
    pub expected: Option<String>,
    pub given: Option<String>,
    pub verdict: Verdict,
    /// Points earned (negative for a penalty).
    pub points: f64,
    /// Points the key code is worth (0 for extras).
    pub possible: f64,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grade {
    pub items: Vec<Item>,
    /// Excludes1 pairs among the coded diagnoses.
    pub excludes1: Vec<Excludes1>,
    /// Sum of item points, penalties included, never below zero.
    pub points: f64,
    pub possible: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excludes1 {
    pub code: String,
    pub excluded: String,
    pub note: String,
}

impl Grade {
    /// 0 to 100, rounded to one decimal.
    pub fn percent(&self) -> f64 {
        if self.possible <= 0.0 { 0.0 } else { (self.points / self.possible * 1000.0).round() / 10.0 }
    }

    pub fn count(&self, verdict: Verdict) -> usize {
        self.items.iter().filter(|i| i.verdict == verdict).count()
    }
}

/// Right and total for one coding skill.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub right: u16,
    pub total: u16,
}

impl Tally {
    pub fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += u16::from(right);
    }

    pub fn merge(&mut self, other: Tally) {
        self.right += other.right;
        self.total += other.total;
    }

    pub fn percent(&self) -> Option<f64> {
        (self.total > 0).then(|| f64::from(self.right) / f64::from(self.total) * 100.0)
    }
}

/// How one graded chart went, skill by skill.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skills {
    /// ICD-10-CM codes: key diagnoses coded right, over key plus extra diagnoses.
    pub cm: Tally,
    /// ICD-10-PCS codes, the same way.
    pub pcs: Tally,
    /// The principal diagnosis chosen and sequenced first.
    pub sequencing: Tally,
    /// POA indicators on the diagnoses coded right (inpatient charts).
    pub poa: Tally,
    /// The MS-DRG the coding produces equals the key's (inpatient charts).
    pub drg: Tally,
}

impl Skills {
    pub const NAMES: [&'static str; 5] = ["ICD-10-CM codes", "ICD-10-PCS codes", "Principal diagnosis sequencing", "POA indicators", "MS-DRG"];

    pub fn of(grade: &Grade, inpatient: bool, drg_matches: Option<bool>) -> Skills {
        let mut s = Skills::default();
        for item in &grade.items {
            let code_right = matches!(item.verdict, Verdict::Exact | Verdict::WrongPoa | Verdict::PrincipalNotFirst | Verdict::WrongDate);
            if item.verdict == Verdict::Accepted {
                continue;
            }
            match item.kind {
                ItemKind::Principal | ItemKind::Secondary => {
                    s.cm.add(code_right);
                    if inpatient && code_right {
                        s.poa.add(item.verdict != Verdict::WrongPoa);
                    }
                    if item.kind == ItemKind::Principal {
                        s.sequencing.add(matches!(item.verdict, Verdict::Exact | Verdict::WrongPoa));
                    }
                }
                ItemKind::Procedure => s.pcs.add(code_right),
            }
        }
        if let Some(m) = drg_matches.filter(|_| inpatient) {
            s.drg.add(m);
        }
        s
    }

    pub fn all(&self) -> [Tally; 5] {
        [self.cm, self.pcs, self.sequencing, self.poa, self.drg]
    }

    pub fn merge(&mut self, other: &Skills) {
        self.cm.merge(other.cm);
        self.pcs.merge(other.pcs);
        self.sequencing.merge(other.sequencing);
        self.poa.merge(other.poa);
        self.drg.merge(other.drg);
    }
}

/// Grades `answer` against `key`. POA is compared only on inpatient charts.
pub fn grade(key: &Key, setting: Setting, answer: &Answer, rubric: &Rubric, sets: &CodeSets) -> Grade {
    let inpatient = setting == Setting::Inpatient;
    let cm_title = |code: &str| sets.cm.validate(code).title.map(|t| format!(" {t}")).unwrap_or_default();
    let shown_dx = |code: &str| canonical_cm(&normalize(code));
    let given: Vec<(String, Option<String>)> =
        answer.diagnoses.iter().filter(|d| !d.code.trim().is_empty()).map(|d| (normalize(&d.code), poa_of(&d.poa))).collect();
    let mut used = vec![false; given.len()];
    let mut items = Vec::new();
    let (pts, cr) = (&rubric.points, &rubric.credit);

    // The principal diagnosis.
    let p = normalize(&key.principal.code);
    let p_poa = key.principal.poa.clone();
    let first = given.first();
    let elsewhere = given.iter().skip(1).position(|(c, _)| *c == p).map(|i| i + 1);
    let principal_item = match (first, elsewhere) {
        (Some((c, poa)), _) if *c == p => {
            used[0] = true;
            poa_item(ItemKind::Principal, &p, poa, &p_poa, inpatient, pts.principal, cr, &shown_dx, &cm_title)
        }
        (_, Some(i)) => {
            used[i] = true;
            Item {
                kind: ItemKind::Principal,
                expected: Some(shown_dx(&p)),
                given: Some(shown_dx(&p)),
                verdict: Verdict::PrincipalNotFirst,
                points: pts.principal * cr.principal_not_first,
                possible: pts.principal,
                message: format!(
                    "{}{} is the principal diagnosis but you listed it in position {}; the principal diagnosis goes first.",
                    shown_dx(&p),
                    cm_title(&p),
                    i + 1
                ),
            }
        }
        (Some((c, _)), None) if same_category(c, &p) => {
            used[0] = true;
            Item {
                kind: ItemKind::Principal,
                expected: Some(shown_dx(&p)),
                given: Some(shown_dx(c)),
                verdict: Verdict::WrongSpecificity,
                points: pts.principal * cr.wrong_specificity,
                possible: pts.principal,
                message: format!(
                    "Right category ({}), wrong code: the documentation supports {}{}, not {}{}.",
                    &shown_dx(&p)[..3.min(p.len())],
                    shown_dx(&p),
                    cm_title(&p),
                    shown_dx(c),
                    cm_title(c)
                ),
            }
        }
        _ => Item {
            kind: ItemKind::Principal,
            expected: Some(shown_dx(&p)),
            given: first.map(|(c, _)| shown_dx(c)),
            verdict: Verdict::Missing,
            points: 0.0,
            possible: pts.principal,
            message: match first {
                Some((c, _)) => format!("The principal diagnosis is {}{}; you listed {} first.", shown_dx(&p), cm_title(&p), shown_dx(c)),
                None => format!("The principal diagnosis is {}{}; you coded no diagnoses.", shown_dx(&p), cm_title(&p)),
            },
        },
    };
    items.push(principal_item);

    // Secondary diagnoses: exact matches first, then same-category ones.
    let secondaries: Vec<(String, Option<String>)> = key.secondary.iter().map(|k| (normalize(&k.code), k.poa.clone())).collect();
    let mut matched: Vec<Option<Item>> = vec![None; secondaries.len()];
    for (j, (code, poa)) in secondaries.iter().enumerate() {
        if let Some(i) = given.iter().enumerate().position(|(i, (c, _))| !used[i] && c == code) {
            used[i] = true;
            matched[j] = Some(poa_item(ItemKind::Secondary, code, &given[i].1, poa, inpatient, pts.secondary, cr, &shown_dx, &cm_title));
        }
    }
    for (j, (code, _)) in secondaries.iter().enumerate() {
        if matched[j].is_some() {
            continue;
        }
        if let Some(i) = given.iter().enumerate().position(|(i, (c, _))| !used[i] && same_category(c, code)) {
            used[i] = true;
            let c = &given[i].0;
            matched[j] = Some(Item {
                kind: ItemKind::Secondary,
                expected: Some(shown_dx(code)),
                given: Some(shown_dx(c)),
                verdict: Verdict::WrongSpecificity,
                points: pts.secondary * cr.wrong_specificity,
                possible: pts.secondary,
                message: format!("Right category, wrong code: the documentation supports {}{}, not {}{}.", shown_dx(code), cm_title(code), shown_dx(c), cm_title(c)),
            });
        }
    }
    for (j, (code, _)) in secondaries.iter().enumerate() {
        if !key.secondary[j].required {
            // Accepted if coded (no credit, no penalty), nothing if left out.
            if let Some(mut item) = matched[j].take().filter(|i| i.verdict != Verdict::WrongSpecificity) {
                item.verdict = Verdict::Accepted;
                item.points = 0.0;
                item.possible = 0.0;
                item.message = format!("{}{}: accepted; facilities differ on reporting it, so it is not required.", shown_dx(code), cm_title(code));
                items.push(item);
            } else if let Some(item) = matched[j].take() {
                // A same-category guess at an optional code is simply extra.
                items.push(extra(ItemKind::Secondary, item.given.unwrap_or_default(), rubric, format!("Extra: not called for by this chart (the key accepts {} but does not require it).", shown_dx(code))));
            }
            continue;
        }
        items.push(matched[j].take().unwrap_or_else(|| Item {
            kind: ItemKind::Secondary,
            expected: Some(shown_dx(code)),
            given: None,
            verdict: Verdict::Missing,
            points: 0.0,
            possible: pts.secondary,
            message: format!("Missing: {}{}.", shown_dx(code), cm_title(code)),
        }));
    }
    for (i, (c, _)) in given.iter().enumerate() {
        if !used[i] {
            let v = sets.cm.validate(c);
            let why = if v.status.is_billable() {
                format!("Extra: {}{} is not called for by this chart.", shown_dx(c), cm_title(c))
            } else {
                format!("Extra: {} is not a billable FY2026 ICD-10-CM code ({}).", shown_dx(c), v.status.reason().unwrap_or_default())
            };
            items.push(extra(ItemKind::Secondary, shown_dx(c), rubric, why));
        }
    }

    // Procedures.
    let pcs_title = |code: &str| sets.pcs.validate(code).title.map(|t| format!(" {t}")).unwrap_or_default();
    let done: Vec<(String, Option<String>)> =
        answer.procedures.iter().filter(|p| !p.code.trim().is_empty()).map(|p| (normalize(&p.code), p.date.clone().filter(|d| !d.is_empty()))).collect();
    let mut used = vec![false; done.len()];
    let mut proc_items: Vec<Option<Item>> = vec![None; key.procedures.len()];
    for (j, k) in key.procedures.iter().enumerate() {
        let code = normalize(&k.code);
        let date = k.date.to_string();
        if let Some(i) = done.iter().enumerate().position(|(i, (c, _))| !used[i] && *c == code) {
            used[i] = true;
            let right_date = done[i].1.as_deref() == Some(date.as_str());
            proc_items[j] = Some(Item {
                kind: ItemKind::Procedure,
                expected: Some(code.clone()),
                given: Some(code.clone()),
                verdict: if right_date { Verdict::Exact } else { Verdict::WrongDate },
                points: rubric.points.procedure * if right_date { cr.exact } else { cr.wrong_date },
                possible: rubric.points.procedure,
                message: if right_date {
                    format!("{code}{} on {date}.", pcs_title(&code))
                } else {
                    format!("{code}{}: right code, but it was done on {date}, not {}.", pcs_title(&code), done[i].1.as_deref().unwrap_or("(no date)"))
                },
            });
        }
    }
    for (j, k) in key.procedures.iter().enumerate() {
        let code = normalize(&k.code);
        if proc_items[j].is_some() {
            continue;
        }
        if let Some(i) = done.iter().enumerate().position(|(i, (c, _))| !used[i] && c.get(..3) == code.get(..3)) {
            used[i] = true;
            let c = &done[i].0;
            proc_items[j] = Some(Item {
                kind: ItemKind::Procedure,
                expected: Some(code.clone()),
                given: Some(c.clone()),
                verdict: Verdict::WrongSpecificity,
                points: rubric.points.procedure * cr.wrong_specificity,
                possible: rubric.points.procedure,
                message: format!("Right table ({}), wrong code: the report supports {code}{}, not {c}{}.", &code[..3], pcs_title(&code), pcs_title(c)),
            });
        }
    }
    for (j, k) in key.procedures.iter().enumerate() {
        let code = normalize(&k.code);
        if !k.required {
            if let Some(mut item) = proc_items[j].take().filter(|i| i.verdict != Verdict::WrongSpecificity) {
                item.verdict = Verdict::Accepted;
                item.points = 0.0;
                item.possible = 0.0;
                item.message = format!("{code}{}: accepted; facilities differ on reporting it, so it is not required.", pcs_title(&code));
                items.push(item);
            } else if let Some(item) = proc_items[j].take() {
                items.push(extra(ItemKind::Procedure, item.given.unwrap_or_default(), rubric, format!("Extra: not called for by this chart (the key accepts {code} but does not require it).")));
            }
            continue;
        }
        items.push(proc_items[j].take().unwrap_or_else(|| Item {
            kind: ItemKind::Procedure,
            expected: Some(code.clone()),
            given: None,
            verdict: Verdict::Missing,
            points: 0.0,
            possible: rubric.points.procedure,
            message: format!("Missing: {code}{} on {}.", pcs_title(&code), k.date),
        }));
    }
    for (i, (c, _)) in done.iter().enumerate() {
        if !used[i] {
            let why = if sets.pcs.validate(c).valid {
                format!("Extra: {c}{} is not called for by this chart.", pcs_title(c))
            } else {
                format!("Extra: {c} is not a valid FY2026 ICD-10-PCS code.")
            };
            items.push(extra(ItemKind::Procedure, c.clone(), rubric, why));
        }
    }

    let codes: Vec<&str> = given.iter().map(|(c, _)| c.as_str()).collect();
    let excludes1: Vec<Excludes1> = sets
        .cm
        .excludes1_conflicts(&codes)
        .into_iter()
        .map(|Conflict { code, excluded, note }| Excludes1 { code, excluded, note })
        .collect();
    let possible: f64 = items.iter().map(|i| i.possible).sum();
    let earned: f64 = items.iter().map(|i| i.points).sum::<f64>() - rubric.penalty.excludes1 * excludes1.len() as f64;
    Grade { items, excludes1, points: earned.max(0.0), possible }
}

/// "Y" stays "Y"; blank and "exempt" mean no indicator.
fn poa_of(poa: &Option<String>) -> Option<String> {
    poa.as_deref().map(str::trim).filter(|p| !p.is_empty() && !p.eq_ignore_ascii_case("exempt")).map(str::to_uppercase)
}

fn same_category(a: &str, b: &str) -> bool {
    a.len() >= 3 && b.len() >= 3 && a[..3] == b[..3]
}

#[allow(clippy::too_many_arguments)]
fn poa_item(
    kind: ItemKind,
    code: &str,
    given: &Option<String>,
    expected: &Option<String>,
    inpatient: bool,
    possible: f64,
    cr: &Credit,
    shown: &dyn Fn(&str) -> String,
    title: &dyn Fn(&str) -> String,
) -> Item {
    let show = |p: &Option<String>| p.clone().unwrap_or_else(|| "exempt (blank)".into());
    let poa_right = !inpatient || given == expected;
    Item {
        kind,
        expected: Some(shown(code)),
        given: Some(shown(code)),
        verdict: if poa_right { Verdict::Exact } else { Verdict::WrongPoa },
        points: possible * if poa_right { cr.exact } else { cr.wrong_poa },
        possible,
        message: if poa_right {
            format!("{}{}.", shown(code), title(code))
        } else {
            format!("{}{}: right code, but POA is {}, not {}.", shown(code), title(code), show(expected), show(given))
        },
    }
}

fn extra(kind: ItemKind, code: String, rubric: &Rubric, message: String) -> Item {
    Item { kind, expected: None, given: Some(code), verdict: Verdict::Extra, points: -rubric.penalty.extra, possible: 0.0, message }
}

/// The MS-DRG of the key and of the student's coding, side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct DrgComparison {
    pub yours: DrgResult,
    pub correct: DrgResult,
    /// Weight times the base rate, in dollars; `None` for a DRG without a weight.
    pub your_payment: Option<f64>,
    pub correct_payment: Option<f64>,
}

impl DrgComparison {
    /// Your payment minus the correct one (negative: the hospital is underpaid).
    pub fn difference(&self) -> Option<f64> {
        Some(self.your_payment? - self.correct_payment?)
    }
}

/// The claim a chart's patient and a list of codes make.
pub fn claim_for(chart: &Chart, diagnoses: &[String], procedures: &[String]) -> Claim {
    Claim {
        pdx: diagnoses.first().cloned().unwrap_or_default(),
        sdx: diagnoses.iter().skip(1).cloned().collect(),
        procedures: procedures.to_vec(),
        age: chart.patient.age,
        sex: chart.patient.sex,
        discharge_status: chart.key.discharge_disposition.clone(),
    }
}

/// The key's codes as a claim.
pub fn key_claim(chart: &Chart) -> Claim {
    let dx: Vec<String> = std::iter::once(&chart.key.principal).chain(&chart.key.secondary).map(|k| k.code.clone()).collect();
    let procs: Vec<String> = chart.key.procedures.iter().map(|p| p.code.clone()).collect();
    claim_for(chart, &dx, &procs)
}

/// The Medicare Code Editor's diagnosis edits for a claim.
pub fn mce_edits(mce: &crate::mce::Mce, claim: &Claim) -> Vec<crate::mce::Edit> {
    let secondary: Vec<&str> = claim.sdx.iter().map(String::as_str).collect();
    mce.edit(&crate::mce::Claim { principal: &claim.pdx, secondary: &secondary, age: claim.age, sex: claim.sex, discharge_status: &claim.discharge_status })
}

/// Groups the key and the answer and prices both at `base_rate` dollars.
pub fn compare_drgs(grouper: &Grouper, chart: &Chart, answer: &Answer, base_rate: f64) -> DrgComparison {
    let dx: Vec<String> = answer.diagnoses.iter().map(|d| d.code.clone()).filter(|c| !c.trim().is_empty()).collect();
    let procs: Vec<String> = answer.procedures.iter().map(|p| p.code.clone()).filter(|c| !c.trim().is_empty()).collect();
    let yours = grouper.group(&claim_for(chart, &dx, &procs));
    let correct = grouper.group(&key_claim(chart));
    let price = |r: &DrgResult| r.weight.map(|w| (w * base_rate * 100.0).round() / 100.0);
    DrgComparison { your_payment: price(&yours), correct_payment: price(&correct), yours, correct }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{KeyCode, KeyProcedure};
    use crate::codes::test_code_sets;
    use crate::date::Date;

    fn rubric() -> Rubric {
        crate::content::bundled().unwrap().rubric
    }

    fn key() -> Key {
        let k = KeyCode::new;
        Key {
            principal: k("J18.9", Some("Y")),
            secondary: vec![k("E11.9", Some("Y")), k("I10", Some("Y")), k("Z87.891", None), KeyCode { required: false, ..k("Z79.899", None) }],
            procedures: vec![KeyProcedure { code: "0DTJ4ZZ".into(), date: Date::from_ymd(2026, 3, 14), required: true }],
            discharge_disposition: "01".into(),
        }
    }

    fn answer(dx: &[(&str, Option<&str>)], procs: &[(&str, &str)]) -> Answer {
        Answer {
            diagnoses: dx.iter().map(|(c, p)| AnswerCode { code: c.to_string(), poa: p.map(String::from) }).collect(),
            procedures: procs.iter().map(|(c, d)| AnswerProcedure { code: c.to_string(), date: Some(d.to_string()) }).collect(),
        }
    }

    /// Grades and returns (verdicts in item order, percent).
    fn check(dx: &[(&str, Option<&str>)], procs: &[(&str, &str)], setting: Setting) -> (Vec<(Verdict, Option<String>)>, f64) {
        let g = grade(&key(), setting, &answer(dx, procs), &rubric(), test_code_sets());
        (g.items.iter().map(|i| (i.verdict, i.given.clone())).collect(), g.percent())
    }

    #[test]
    fn a_perfect_answer_scores_100() {
        let (v, pct) = check(&[("J18.9", Some("Y")), ("E11.9", Some("Y")), ("I10", Some("Y")), ("Z87.891", None)], &[("0DTJ4ZZ", "2026-03-14")], Setting::Inpatient);
        assert!(v.iter().all(|(v, _)| *v == Verdict::Exact), "{v:?}");
        assert_eq!(pct, 100.0);
        // Dots, case and "exempt" spelled out do not matter.
        let (_, pct) = check(&[("j189", Some("y")), ("E119", Some("Y")), ("i10", Some("Y")), ("Z87891", Some("exempt"))], &[("0dtj4zz", "2026-03-14")], Setting::Inpatient);
        assert_eq!(pct, 100.0);
    }

    #[test]
    fn each_kind_of_error_gets_its_verdict_and_credit() {
        let (v, pct) = check(
            &[("J18.1", Some("Y")), ("E11.9", Some("N")), ("I10", Some("Y")), ("K21.9", Some("Y"))],
            &[("0DTJ0ZZ", "2026-03-14")],
            Setting::Inpatient,
        );
        use Verdict::*;
        let verdicts: Vec<Verdict> = v.iter().map(|(v, _)| *v).collect();
        assert_eq!(verdicts, [WrongSpecificity, WrongPoa, Exact, Missing, Extra, WrongSpecificity]);
        // Points: principal 2/4, E11.9 1/2, I10 2/2, Z87.891 0/2, extra -1, procedure 1.5/3 -> 5.5/13.
        assert_eq!(pct, 42.3);
        // POA is not graded outside inpatient care.
        let (v, _) = check(&[("J18.9", None), ("E11.9", Some("N"))], &[], Setting::Emergency);
        assert_eq!(v[1].0, Exact);
    }

    #[test]
    fn the_principal_out_of_place_earns_part_credit_and_the_first_code_is_judged_too() {
        let (v, pct) = check(&[("E11.9", Some("Y")), ("J18.9", Some("Y")), ("I10", Some("Y")), ("Z87.891", None)], &[("0DTJ4ZZ", "2026-03-15")], Setting::Inpatient);
        use Verdict::*;
        assert_eq!(v.iter().map(|(v, _)| *v).collect::<Vec<_>>(), [PrincipalNotFirst, Exact, Exact, Exact, WrongDate]);
        // 2 + 2 + 2 + 2 + 2.25 of 13.
        assert_eq!(pct, 78.8);
        // Nothing coded: everything missing, no division trouble.
        let (v, pct) = check(&[], &[], Setting::Inpatient);
        assert!(v.iter().all(|(v, _)| *v == Missing));
        assert_eq!(pct, 0.0);
    }

    #[test]
    fn codes_the_key_accepts_are_neither_required_nor_penalized() {
        let full = [("J18.9", Some("Y")), ("E11.9", Some("Y")), ("I10", Some("Y")), ("Z87.891", None)];
        let (v, pct) = check(&full, &[("0DTJ4ZZ", "2026-03-14")], Setting::Inpatient);
        assert!(!v.iter().any(|(v, _)| *v == Verdict::Missing), "left out, Z79.899 is not missing: {v:?}");
        assert_eq!(pct, 100.0);
        let with = [&full[..], &[("Z79.899", None)]].concat();
        let g = grade(&key(), Setting::Inpatient, &answer(&with, &[("0DTJ4ZZ", "2026-03-14")]), &rubric(), test_code_sets());
        assert_eq!(g.percent(), 100.0);
        assert!(g.items.iter().any(|i| i.verdict == Verdict::Accepted && i.given.as_deref() == Some("Z79.899")));
    }

    #[test]
    fn extras_and_excludes1_take_points_off_but_not_below_zero() {
        let g = grade(&key(), Setting::Inpatient, &answer(&[("E10.9", Some("Y")), ("E11.9", Some("Y")), ("XX1", None)], &[]), &rubric(), test_code_sets());
        assert_eq!(g.excludes1.len(), 1, "{:?}", g.excludes1);
        assert!(g.items.iter().any(|i| i.verdict == Verdict::Extra && i.message.contains("not a billable")), "{:#?}", g.items);
        assert_eq!(g.points, 0.0);
        assert_eq!(g.possible, 13.0);
    }

    #[test]
    fn rubric_values_are_checked() {
        let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/grading-rubric.toml")).unwrap();
        assert!(parse_rubric("grading-rubric.toml", &text).is_ok());
        let e = parse_rubric("grading-rubric.toml", &text.replace("wrong_poa = 0.5", "wrong_poa = 1.5")).unwrap_err();
        assert_eq!(e[0].field, "wrong_poa");
        assert!(e[0].line > 1);
    }

    #[test]
    fn mce_edits_come_with_the_claim() {
        let c = crate::content::bundled().unwrap();
        let s = c.scenarios.iter().find(|s| s.id == "community-acquired-pneumonia").unwrap();
        let chart = crate::chart::generate(s, &c.names, 3);
        let clean = claim_for(&chart, &["J18.9".into()], &[]);
        assert!(mce_edits(&test_code_sets().mce, &clean).is_empty());
        let manifestation = claim_for(&chart, &["F02.80".into(), "J18.9".into()], &[]);
        let edits = mce_edits(&test_code_sets().mce, &manifestation);
        assert!(edits.iter().any(|e| e.kind == crate::mce::EditKind::ManifestationAsPrincipal), "{edits:?}");
    }

    #[test]
    fn drgs_of_key_and_answer_are_priced_at_the_base_rate() {
        let c = crate::content::bundled().unwrap();
        let s = c.scenarios.iter().find(|s| s.id == "community-acquired-pneumonia").unwrap();
        let chart = crate::chart::generate(s, &c.names, 3);
        let wrong = answer(&[("R05.9", Some("Y"))], &[]);
        let cmp = compare_drgs(&test_code_sets().grouper, &chart, &wrong, 6000.0);
        assert_eq!(cmp.yours.drg, 204, "cough groups to respiratory signs and symptoms");
        assert!(matches!(cmp.correct.drg, 193..=195));
        let price = |r: &DrgResult| (r.weight.unwrap() * 6000.0 * 100.0).round() / 100.0;
        assert_eq!(cmp.your_payment, Some(price(&cmp.yours)));
        assert_eq!(cmp.correct_payment, Some(price(&cmp.correct)));
        assert_eq!(cmp.difference().unwrap(), price(&cmp.yours) - price(&cmp.correct));
        // Ungroupable coding has no payment, so no difference.
        let none = compare_drgs(&test_code_sets().grouper, &chart, &Answer::default(), 6000.0);
        assert_eq!((none.yours.drg, none.your_payment, none.difference()), (999, None, None));
    }
}
