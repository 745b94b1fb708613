//! Synthetic charts: (scenario, seed) gives one chart with its answer key,
//! identical on every platform (ChaCha8 seeded from both).

use std::collections::BTreeMap;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use serde_json::json;

use crate::codes::CodeSets;
use crate::content::{ContentError, Source};
use crate::date::Date;
use crate::mce::{Claim, Sex};
use crate::poa::PoaExempt;
use crate::scenario::{Scenario, Setting, SexSpec};

/// Name lists (content/names.toml).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub female: Vec<String>,
    pub male: Vec<String>,
    pub last: Vec<String>,
    pub clinician_last: Vec<String>,
}

pub(crate) fn parse_names(path: &str, text: &str) -> Result<Names, Vec<ContentError>> {
    let names: Names = Source::new(path, text).parse()?;
    let lists = [("female", &names.female), ("male", &names.male), ("last", &names.last), ("clinician_last", &names.clinician_last)];
    let errors: Vec<ContentError> = lists
        .iter()
        .filter(|(_, l)| l.len() < 10)
        .map(|(field, l)| ContentError {
            file: path.into(),
            line: text.lines().position(|x| x.starts_with(field)).map_or(1, |i| i + 1),
            field: field.to_string(),
            message: format!("needs at least 10 names, has {}", l.len()),
        })
        .collect();
    if errors.is_empty() { Ok(names) } else { Err(errors) }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub scenario: String,
    pub seed: u64,
    pub setting: Setting,
    pub patient: Patient,
    pub documents: Vec<Document>,
    pub key: Key,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patient {
    pub first_name: String,
    pub last_name: String,
    pub sex: Sex,
    pub age: u8,
    pub birth_date: Date,
    pub mrn: String,
    pub account: String,
    pub payer: String,
    pub admitted: Date,
    pub discharged: Date,
    pub attending: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub kind: String,
    pub title: String,
    pub author: String,
    /// "2026-03-14 14:20".
    pub datetime: String,
    pub authenticated: bool,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCode {
    pub code: String,
    /// Y, N, U or W; `None` for POA-exempt codes and for every code of an
    /// encounter that is not an inpatient admission.
    pub poa: Option<String>,
    /// False for a code facilities differ on reporting: accepted when coded,
    /// not counted missing when left out.
    pub required: bool,
}

impl KeyCode {
    pub fn new(code: &str, poa: Option<&str>) -> KeyCode {
        KeyCode { code: code.into(), poa: poa.map(String::from), required: true }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProcedure {
    pub code: String,
    pub date: Date,
    /// As for [`KeyCode::required`].
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub principal: KeyCode,
    pub secondary: Vec<KeyCode>,
    pub procedures: Vec<KeyProcedure>,
    pub discharge_disposition: String,
}

impl Chart {
    /// The chart in the shape `hit chart SCENARIO SEED --json` prints; the
    /// app's "Download JSON" gives the same bytes.
    pub fn to_json(&self) -> serde_json::Value {
        let chart = self;
        let p = &chart.patient;
        let sex = match p.sex {
            Sex::Female => "F",
            Sex::Male => "M",
            Sex::Unknown => "U",
        };
        let key = &chart.key;
        json!({
            "scenario": chart.scenario,
            "seed": chart.seed,
            "setting": chart.setting.label(),
            "patient": {
                "name": format!("{} {}", p.first_name, p.last_name),
                "sex": sex,
                "age": p.age,
                "birth_date": p.birth_date.to_string(),
                "mrn": p.mrn,
                "account": p.account,
                "payer": p.payer,
                "admitted": p.admitted.to_string(),
                "discharged": p.discharged.to_string(),
                "attending": p.attending,
            },
            "documents": chart.documents.iter().map(|d| json!({
                "type": d.kind, "title": d.title, "author": d.author, "datetime": d.datetime,
                "authenticated": d.authenticated, "text": d.text,
            })).collect::<Vec<_>>(),
            "key": {
                "principal_dx": {"code": key.principal.code, "poa": key.principal.poa},
                "secondary_dx": key.secondary.iter().map(|k| optional(json!({"code": k.code, "poa": k.poa}), k.required)).collect::<Vec<_>>(),
                "procedures": key.procedures.iter().map(|pr| optional(json!({"code": pr.code, "date": pr.date.to_string()}), pr.required)).collect::<Vec<_>>(),
                "discharge_disposition": key.discharge_disposition,
            },
        })
    }
}

/// Marks a key entry `"required": false` when it is accepted but not required.
fn optional(mut entry: serde_json::Value, required: bool) -> serde_json::Value {
    if !required {
        entry["required"] = json!(false);
    }
    entry
}

/// A piece of a document's text, as a viewer lays it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Text(String),
    /// Rows of cells; `header` when the first row is all capitals (TEST, RESULT, ...).
    Table { header: Option<Vec<String>>, rows: Vec<Vec<String>> },
}

/// Splits a results document into text and tables. A table row is a line
/// whose columns are separated by two or more spaces, as scenario authors
/// write lab results; consecutive rows form one table, padded to its widest row.
pub fn blocks(text: &str) -> Vec<Block> {
    let cells = |line: &str| -> Vec<String> {
        line.split("  ").map(str::trim).filter(|c| !c.is_empty()).map(String::from).collect()
    };
    let mut out: Vec<Block> = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let flush = |table: &mut Vec<Vec<String>>, out: &mut Vec<Block>| {
        if table.is_empty() {
            return;
        }
        let width = table.iter().map(Vec::len).max().unwrap_or(0);
        let mut rows: Vec<Vec<String>> = table.drain(..).map(|mut r| {
            r.resize(width, String::new());
            r
        }).collect();
        let is_header = rows[0].iter().all(|c| c.chars().any(char::is_alphabetic) && !c.chars().any(char::is_lowercase));
        let header = (is_header && rows.len() > 1).then(|| rows.remove(0));
        out.push(Block::Table { header, rows });
    };
    for line in text.lines() {
        let row = cells(line);
        if row.len() >= 2 {
            table.push(row);
            continue;
        }
        flush(&mut table, &mut out);
        match out.last_mut() {
            Some(Block::Text(t)) => {
                t.push('\n');
                t.push_str(line);
            }
            _ => out.push(Block::Text(line.to_string())),
        }
    }
    flush(&mut table, &mut out);
    out.retain(|b| !matches!(b, Block::Text(t) if t.trim().is_empty()));
    out
}

/// First and last admission dates used: fiscal year 2026.
const FIRST_DAY: (i32, u32, u32) = (2025, 10, 1);
const FY_DAYS: i32 = 365;

/// Generates the chart for `seed`. Every draw happens in a fixed order, so
/// the same scenario and seed give the same chart everywhere.
pub fn generate(scenario: &Scenario, names: &Names, seed: u64) -> Chart {
    let mut rng = rng_for(&scenario.id, seed);
    let sex = match scenario.sex {
        SexSpec::Female => Sex::Female,
        SexSpec::Male => Sex::Male,
        SexSpec::Any if rng.random_bool(0.5) => Sex::Female,
        SexSpec::Any => Sex::Male,
    };
    let age = rng.random_range(scenario.age.0..=scenario.age.1);
    let first_list = if sex == Sex::Female { &names.female } else { &names.male };
    let first_name = pick(&mut rng, first_list);
    let last_name = pick(&mut rng, &names.last);
    let (y, m, d) = FIRST_DAY;
    let stay = i32::from(rng.random_range(scenario.stay_days.0..=scenario.stay_days.1));
    let admitted = Date::from_ymd(y, m, d).plus_days(rng.random_range(0..FY_DAYS - stay));
    let discharged = admitted.plus_days(stay);
    // A birthday that makes the patient exactly `age` on admission.
    let birth_date = Date::from_ymd(admitted.ymd().0 - i32::from(age) - 1, 1, 1).plus_days(rng.random_range(0..365));
    let birth_date = if admitted.years_since(birth_date) > i32::from(age) { birth_date.plus_days(365) } else { birth_date };
    let birth_date = if scenario.newborn { admitted } else { birth_date };
    let mrn = format!("{:08}", rng.random_range(10_000_000u32..100_000_000));
    let account = format!("A{:09}", rng.random_range(100_000_000u32..1_000_000_000));
    let payer = if age >= 65 {
        "Medicare".to_string()
    } else {
        pick(&mut rng, &["Commercial PPO".into(), "Commercial HMO".into(), "Medicaid".into(), "Self-pay".into()])
    };
    let mut clinicians = BTreeMap::new();
    // Each role a different clinician: surnames are drawn without repeats
    // while the list lasts.
    let mut surnames: Vec<String> = names.clinician_last.clone();
    for role in crate::scenario::AUTHOR_ROLES {
        let initial = (b'A' + rng.random_range(0..26u8)) as char;
        if surnames.is_empty() {
            surnames = names.clinician_last.clone();
        }
        let last = surnames.remove(rng.random_range(0..surnames.len()));
        let name = match *role {
            "nurse" => format!("{initial}. {last}, RN"),
            // Results are released by the laboratory, verified by a technologist.
            "laboratory" => format!("Clinical Laboratory (verified by {initial}. {last}, MLS)"),
            _ => format!("{initial}. {last}, MD"),
        };
        clinicians.insert(role.to_string(), name);
    }
    let mut present: BTreeMap<String, bool> =
        scenario.optional.iter().map(|(id, p)| (id.clone(), rng.random_bool(p.clamp(0.0, 1.0)))).collect();
    // One option of each variant, by cumulative probability (options in name order).
    for (variant, options) in &scenario.variants {
        let mut draw: f64 = rng.random_range(0.0..1.0);
        let chosen = options.iter().find(|(_, p)| {
            draw -= **p;
            draw < 0.0
        });
        let chosen = chosen.or(options.iter().last()).map(|(o, _)| o.as_str()).unwrap_or_default();
        for option in options.keys() {
            present.insert(format!("{variant}.{option}"), option == chosen);
        }
    }
    let mut slots: BTreeMap<String, String> = BTreeMap::new();
    for (name, spec) in &scenario.values {
        let v = rng.random_range(spec.range.0..=spec.range.1);
        slots.insert(name.clone(), format!("{v:.*}", usize::from(spec.decimals)));
    }
    let female = sex == Sex::Female;
    for (k, v) in [
        ("name", format!("{first_name} {last_name}")),
        ("first_name", first_name.clone()),
        ("last_name", last_name.clone()),
        ("age", age.to_string()),
        ("a_age", format!("{} {age}", article(age, "a", "an"))),
        ("A_age", format!("{} {age}", article(age, "A", "An"))),
        ("sex", if female { "female" } else { "male" }.into()),
        ("pronoun", if female { "she" } else { "he" }.into()),
        ("Pronoun", if female { "She" } else { "He" }.into()),
        ("possessive", if female { "her" } else { "his" }.into()),
        ("Possessive", if female { "Her" } else { "His" }.into()),
        ("object", if female { "her" } else { "him" }.into()),
        ("admit_date", admitted.to_string()),
        ("discharge_date", discharged.to_string()),
        ("mrn", mrn.clone()),
        ("stay_days", stay.to_string()),
    ] {
        slots.insert(k.to_string(), v);
    }
    for (role, name) in &clinicians {
        slots.insert(role.clone(), name.clone());
    }
    let applies = |when: &Option<String>| when.as_deref().is_none_or(|w| holds(w, &present));
    let mut documents: Vec<Document> = scenario
        .documents
        .iter()
        .filter(|d| applies(&d.when))
        .map(|d| Document {
            kind: d.kind.clone(),
            title: d.title.clone(),
            author: clinicians.get(&d.author).cloned().unwrap_or_default(),
            // A discharge summary is dated on discharge; nothing falls after it.
            datetime: format!(
                "{} {}",
                if d.kind == "discharge-summary" { discharged } else { admitted.plus_days(i32::from(d.day).min(stay)) },
                d.time
            ),
            authenticated: d.signed,
            text: render(&d.text, &slots, &present).trim().to_string(),
        })
        .collect();
    documents.sort_by(|a, b| a.datetime.cmp(&b.datetime));
    let to_key = |d: &crate::scenario::KeyDiagnosis| KeyCode {
        code: d.code.clone(),
        poa: d.poa.clone().filter(|p| p != "exempt"),
        required: d.required,
    };
    let dx: Vec<_> = scenario.diagnoses.iter().filter(|d| applies(&d.when)).collect();
    // A principal that holds only under a condition (the left wrist, say)
    // replaces the unconditional one whenever its condition holds.
    let principal = dx
        .iter()
        .find(|d| d.principal && d.when.is_some())
        .or_else(|| dx.iter().find(|d| d.principal))
        .map(|d| to_key(d))
        .unwrap_or_else(|| to_key(dx[0]));
    let key = Key {
        secondary: dx.iter().filter(|d| !d.principal).map(|d| to_key(d)).collect(),
        principal,
        procedures: scenario
            .procedures
            .iter()
            .filter(|p| applies(&p.when))
            .map(|p| KeyProcedure { code: p.code.clone(), date: admitted.plus_days(i32::from(p.day).min(stay)), required: p.required })
            .collect(),
        discharge_disposition: scenario.discharge.clone(),
    };
    let policy = format!("{}{:08}", (b'A' + rng.random_range(0..26u8)) as char, rng.random_range(0..100_000_000u32));
    let mut chart = Chart {
        scenario: scenario.id.clone(),
        seed,
        setting: scenario.setting,
        patient: Patient {
            first_name,
            last_name,
            sex,
            age,
            birth_date,
            mrn,
            account,
            payer,
            admitted,
            discharged,
            attending: clinicians.get("attending").cloned().unwrap_or_default(),
        },
        documents,
        key,
    };
    chart.documents.insert(0, face_sheet(&chart, &policy));
    chart
}

/// The registration face sheet, built from the chart's demographics.
fn face_sheet(chart: &Chart, policy: &str) -> Document {
    let p = &chart.patient;
    let sex = match p.sex {
        Sex::Female => "Female",
        Sex::Male => "Male",
        Sex::Unknown => "Unknown",
    };
    // Registration happens before the first clinical note.
    let time = chart.documents.first().map_or("08:00", |d| &d.datetime[11..]);
    let class = match chart.setting {
        Setting::Inpatient => "Inpatient",
        Setting::Outpatient => "Outpatient",
        Setting::Emergency => "Emergency",
        Setting::SameDaySurgery => "Outpatient surgery (same day)",
    };
    let disposition = crate::discharge::label(&chart.key.discharge_disposition).unwrap_or("Not recorded");
    let policy = if p.payer == "Self-pay" { "none".to_string() } else { policy.to_string() };
    let text = format!(
        "PATIENT: {last}, {first}\nMRN: {mrn}    ACCOUNT: {account}\nDATE OF BIRTH: {birth}    AGE: {age}    SEX: {sex}\n\n\
         PATIENT CLASS: {class}\nADMISSION DATE: {admitted}    DISCHARGE DATE: {discharged}\nATTENDING PHYSICIAN: {attending}\n\n\
         PRIMARY PAYER: {payer}    POLICY NUMBER: {policy}\n\n\
         DISCHARGE DISPOSITION: {status} {disposition}",
        last = p.last_name,
        first = p.first_name,
        mrn = p.mrn,
        account = p.account,
        birth = p.birth_date,
        age = p.age,
        admitted = p.admitted,
        discharged = p.discharged,
        attending = p.attending,
        payer = p.payer,
        status = chart.key.discharge_disposition,
    );
    Document {
        kind: "face-sheet".into(),
        title: "Face Sheet".into(),
        author: "Patient Access (registration)".into(),
        datetime: format!("{} {time}", p.admitted),
        authenticated: true,
        text,
    }
}

/// "an 81-year-old", "a 72-year-old": the article before a number spoken
/// with a vowel sound.
fn article(n: u8, a: &'static str, an: &'static str) -> &'static str {
    let vowel = n.to_string().starts_with('8') || n == 11 || n == 18;
    if vowel { an } else { a }
}

/// The generator's random source: ChaCha8 keyed by the seed and the
/// scenario id (FNV-1a), so two scenarios with one seed differ.
fn rng_for(id: &str, seed: u64) -> ChaCha8Rng {
    let fnv = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&fnv.to_le_bytes());
    ChaCha8Rng::from_seed(key)
}

fn pick(rng: &mut ChaCha8Rng, list: &[String]) -> String {
    list[rng.random_range(0..list.len())].clone()
}

/// Whether a condition holds: "copd", "!copd" for its absence,
/// "side.left" for a variant option, or terms joined by `&`.
fn holds(condition: &str, present: &BTreeMap<String, bool>) -> bool {
    condition.split('&').map(str::trim).all(|term| match term.strip_prefix('!') {
        Some(id) => !present.get(id.trim()).copied().unwrap_or(false),
        None => present.get(term).copied().unwrap_or(false),
    })
}

/// Fills `{slot}`s and keeps or drops `[if id]...[/if]` and
/// `[if !id]...[/if]` blocks (not nested).
pub fn render(text: &str, slots: &BTreeMap<String, String>, present: &BTreeMap<String, bool>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[if ") {
        out.push_str(&fill(&rest[..start], slots));
        let after = &rest[start + 4..];
        let close = after.find(']').unwrap_or(0);
        let cond = &after[..close];
        let body_start = &after[close + 1..];
        let end = body_start.find("[/if]").unwrap_or(body_start.len());
        if holds(cond, present) {
            out.push_str(&fill(&body_start[..end], slots));
        }
        rest = body_start.get(end + 5..).unwrap_or("");
    }
    out.push_str(&fill(rest, slots));
    // Dropped blocks leave runs of blank lines; keep at most one.
    let mut tidy = String::with_capacity(out.len());
    for line in out.lines() {
        if !(line.trim().is_empty() && tidy.ends_with("\n\n")) {
            tidy.push_str(&fix_articles(line.trim_end()));
            tidy.push('\n');
        }
    }
    tidy
}

/// "a 8 mm stone" -> "an 8 mm stone": a drawn number can start with a vowel
/// sound (8, 11, 18, 80-89, 800...) after an article written for others.
fn fix_articles(line: &str) -> std::borrow::Cow<'_, str> {
    let b = line.as_bytes();
    let mut fixes = Vec::new();
    for i in 0..b.len().saturating_sub(2) {
        let starts_word = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if starts_word && (b[i] == b'a' || b[i] == b'A') && b[i + 1] == b' ' {
            let digits: String = line[i + 2..].chars().take_while(char::is_ascii_digit).collect();
            if digits.starts_with('8') || digits == "11" || digits == "18" {
                fixes.push(i + 1);
            }
        }
    }
    if fixes.is_empty() {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + fixes.len());
    let mut last = 0;
    for at in fixes {
        out.push_str(&line[last..at]);
        out.push('n');
        last = at;
    }
    out.push_str(&line[last..]);
    std::borrow::Cow::Owned(out)
}

fn fill(text: &str, slots: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => {
                let name = &rest[open + 1..open + close];
                out.push_str(slots.get(name).map_or(&rest[open..=open + close], String::as_str));
                rest = &rest[open + close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Checks a template: every `{slot}` is known, every `[if]` names
/// defined conditions and is closed.
pub fn check_template(text: &str, known: &[&str], conditions: &crate::scenario::Conditions) -> Result<(), String> {
    let mut open = false;
    for (i, _) in text.match_indices('[') {
        if text[i..].starts_with("[if ") {
            if open {
                return Err("an [if ...] block cannot contain another; put them side by side".into());
            }
            open = true;
        } else if text[i..].starts_with("[/if]") {
            if !open {
                return Err("[/if] without an [if ...]".into());
            }
            open = false;
        }
    }
    if open {
        return Err("every [if ...] needs a matching [/if]".into());
    }
    for part in text.split("[if ").skip(1) {
        conditions.check(part.split(']').next().unwrap_or(""))?;
    }
    for part in text.split('{').skip(1) {
        let name = part.split('}').next().unwrap_or("");
        if !known.contains(&name) {
            return Err(format!("{{{name}}} is not a known slot; use one of the values or {}", crate::scenario::BUILTIN_SLOTS.join(", ")));
        }
    }
    Ok(())
}

/// What is wrong with a chart's key against the code sets and the MCE:
/// invalid or non-billable codes, POA on the wrong codes, Excludes1
/// conflicts, and MCE edits for the generated patient.
pub fn key_problems(chart: &Chart, sets: &CodeSets, exempt: &PoaExempt) -> Vec<String> {
    let mut problems = Vec::new();
    let key = &chart.key;
    let dx: Vec<&KeyCode> = std::iter::once(&key.principal).chain(&key.secondary).collect();
    for code in &dx {
        let v = sets.cm.validate(&code.code);
        if !v.status.is_billable() {
            problems.push(format!("{}: {}", code.code, v.status.reason().unwrap_or_default()));
        }
        match (&code.poa, chart.setting == Setting::Inpatient) {
            (Some(poa), true) if !["Y", "N", "U", "W"].contains(&poa.as_str()) => {
                problems.push(format!("{}: POA {poa:?} is not Y, N, U or W", code.code));
            }
            (Some(_), true) if exempt.is_exempt(&code.code) => {
                problems.push(format!("{}: on the POA exempt list; it takes no indicator", code.code));
            }
            (None, true) if !exempt.is_exempt(&code.code) => {
                problems.push(format!("{}: needs a POA indicator (it is not on the POA exempt list)", code.code));
            }
            (Some(_), false) => problems.push(format!("{}: POA is reported only for inpatient admissions", code.code)),
            _ => {}
        }
    }
    for p in &key.procedures {
        let v = sets.pcs.validate(&p.code);
        if !v.valid {
            problems.push(format!("{}: {}", p.code, v.reason.unwrap_or_default()));
        }
    }
    let codes: Vec<&str> = dx.iter().map(|c| c.code.as_str()).collect();
    for c in sets.cm.excludes1_conflicts(&codes) {
        problems.push(format!("Excludes1: {} excludes {} ({})", c.code, c.excluded, c.note));
    }
    let secondary: Vec<&str> = codes[1..].to_vec();
    let claim = Claim {
        principal: codes[0],
        secondary: &secondary,
        age: chart.patient.age,
        sex: chart.patient.sex,
        discharge_status: &key.discharge_disposition,
    };
    // The MCE edits inpatient claims.
    if chart.setting == Setting::Inpatient {
        for edit in sets.mce.edit(&claim) {
            problems.push(format!("MCE: {}", edit.message));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::test_code_sets;

    fn content() -> &'static crate::content::Content {
        static CONTENT: std::sync::OnceLock<crate::content::Content> = std::sync::OnceLock::new();
        CONTENT.get_or_init(|| crate::content::bundled().expect("bundled content loads"))
    }

    #[test]
    fn every_scenario_key_is_sound_over_many_seeds() {
        let c = content();
        assert!(!c.scenarios.is_empty());
        for scenario in &c.scenarios {
            for seed in 0..60 {
                let chart = generate(scenario, &c.names, seed);
                let problems = key_problems(&chart, test_code_sets(), &c.poa_exempt);
                assert!(problems.is_empty(), "{} seed {seed}: {problems:#?}", scenario.id);
                for doc in &chart.documents {
                    assert!(!doc.text.contains('{') && !doc.text.contains("[if") && !doc.text.contains("[/if]"), "{} seed {seed}: {}", scenario.id, doc.text);
                }
                let age = chart.patient.admitted.years_since(chart.patient.birth_date);
                assert_eq!(age, i32::from(chart.patient.age), "{} seed {seed}: age matches birth date", scenario.id);
                assert!((scenario.age.0..=scenario.age.1).contains(&chart.patient.age));
                assert!(chart.patient.discharged >= chart.patient.admitted);
                let (first, last) = (chart.patient.admitted.to_string(), chart.patient.discharged.to_string());
                for doc in &chart.documents {
                    let date = &doc.datetime[..10];
                    assert!(first.as_str() <= date && date <= last.as_str(), "{} seed {seed}: {} dated {date}", scenario.id, doc.title);
                    if doc.kind == "discharge-summary" {
                        assert_eq!(date, last, "{} seed {seed}: discharge summary date", scenario.id);
                    }
                }
            }
        }
    }

    /// "a 81-year-old": the article before a number read with a vowel sound.
    fn article_slip(text: &str) -> Option<String> {
        let b = text.as_bytes();
        (0..b.len().saturating_sub(3)).find_map(|i| {
            let starts_word = i == 0 || !b[i - 1].is_ascii_alphanumeric();
            let digits: String = text[i + 2..].chars().take_while(char::is_ascii_digit).collect();
            let vowel_sound = digits.starts_with('8') || digits == "11" || digits == "18";
            (starts_word && (b[i] == b'a' || b[i] == b'A') && b[i + 1] == b' ' && vowel_sound)
                .then(|| text[i..(i + 12).min(text.len())].to_string())
        })
    }

    #[test]
    fn generated_text_has_no_article_slips() {
        assert_eq!(article_slip("a 81-year-old").as_deref(), Some("a 81-year-ol"));
        assert_eq!(article_slip("an 81-year-old, a 72-year-old, a 1"), None);
        let c = content();
        for scenario in &c.scenarios {
            for seed in 0..40 {
                for doc in generate(scenario, &c.names, seed).documents {
                    if let Some(slip) = article_slip(&doc.text) {
                        panic!("{} seed {seed}, {}: {slip:?}; use {{a_age}} or rephrase", scenario.id, doc.title);
                    }
                }
            }
        }
    }

    #[test]
    fn every_role_is_a_different_clinician() {
        let c = content();
        for seed in 0..30 {
            let chart = generate(&c.scenarios[0], &c.names, seed);
            // "G. Chen, MD", "Clinical Laboratory (verified by N. Iwasaki, MLS)".
            let authors: std::collections::BTreeSet<&str> =
                chart.documents.iter().map(|d| d.author.as_str()).filter(|a| a.contains(", ")).collect();
            let surnames: std::collections::BTreeSet<&str> =
                authors.iter().filter_map(|a| a.split(", ").next()?.rsplit(". ").next()).collect();
            assert!(authors.len() >= 3, "{authors:?}");
            assert_eq!(authors.len(), surnames.len(), "seed {seed}: {authors:?}");
        }
    }

    #[test]
    fn same_scenario_and_seed_give_the_same_chart() {
        let c = content();
        let s = &c.scenarios[0];
        assert_eq!(generate(s, &c.names, 42), generate(s, &c.names, 42));
        assert_ne!(generate(s, &c.names, 42).patient, generate(s, &c.names, 43).patient);
        // Pinned: a change to the draw order shows up here (and would change every shared chart).
        let chart = generate(s, &c.names, 1);
        let again = generate(s, &c.names, 1);
        assert_eq!(chart.patient.mrn, again.patient.mrn);
        assert_eq!(chart.patient.mrn.len(), 8);
    }

    #[test]
    fn optional_conditions_vary_the_key_and_the_text_together() {
        let c = content();
        let pneumonia = c.scenarios.iter().find(|s| s.id == "community-acquired-pneumonia").unwrap();
        let (mut with, mut without) = (0, 0);
        for seed in 0..40 {
            let chart = generate(pneumonia, &c.names, seed);
            let coded = chart.key.secondary.iter().any(|k| k.code == "E11.9");
            let documented = chart.documents.iter().any(|d| d.text.contains("Type 2 diabetes mellitus without complications"));
            assert_eq!(coded, documented, "seed {seed}");
            if coded { with += 1 } else { without += 1 }
        }
        assert!(with > 5 && without > 5, "{with} with, {without} without");
    }

    #[test]
    fn a_conditional_principal_replaces_the_default_when_it_holds() {
        let c = content();
        let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/scenarios/ed-distal-radius-fracture.toml")).unwrap();
        // Listed after the default on purpose: order does not matter.
        let text = text
            .replacen("[optional]\n", "[optional]\nleft = 0.5\n", 1)
            .replacen("[[key.diagnosis]]\ncode = \"W01.0XXA\"", "[[key.diagnosis]]\ncode = \"S52.502A\"\nprincipal = true\nwhen = \"left\"\n\n[[key.diagnosis]]\ncode = \"W01.0XXA\"", 1);
        let scenario = crate::scenario::parse("scenarios/ed-distal-radius-fracture.toml", &text).unwrap();
        let (mut left, mut right) = (0, 0);
        for seed in 0..30 {
            let key = generate(&scenario, &c.names, seed).key;
            let all: Vec<&str> = std::iter::once(&key.principal).chain(&key.secondary).map(|k| k.code.as_str()).collect();
            assert_eq!(all.iter().filter(|c| c.starts_with("S52.50")).count(), 1, "one fracture code: {all:?}");
            if key.principal.code == "S52.502A" { left += 1 } else { right += 1 }
        }
        assert!(left > 3 && right > 3, "{left} left, {right} right");
    }

    #[test]
    fn exactly_one_option_of_each_variant_holds_and_picks_the_key() {
        let c = content();
        let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/scenarios/ed-distal-radius-fracture.toml")).unwrap();
        let text = text
            .replacen("[optional]\n", "[variants]\nside = { left = 0.3, right = 0.5, both = 0.2 }\n\n[optional]\n", 1)
            .replacen(
                "[[key.diagnosis]]\ncode = \"W01.0XXA\"",
                "[[key.diagnosis]]\ncode = \"S52.502A\"\nprincipal = true\nwhen = \"side.left\"\n\n\
                 [[key.diagnosis]]\ncode = \"S52.502A\"\nwhen = \"side.both & former_smoker\"\n\n[[key.diagnosis]]\ncode = \"W01.0XXA\"",
                1,
            );
        let scenario = crate::scenario::parse("scenarios/ed-distal-radius-fracture.toml", &text).unwrap();
        let mut seen = BTreeMap::new();
        for seed in 0..200 {
            let key = generate(&scenario, &c.names, seed).key;
            let all: Vec<&str> = std::iter::once(&key.principal).chain(&key.secondary).map(|k| k.code.as_str()).collect();
            let lefts = all.iter().filter(|c| **c == "S52.502A").count();
            let side = match (key.principal.code.as_str(), lefts) {
                ("S52.502A", 1) => "left",
                ("S52.501A", 0) => "right or both without smoking",
                ("S52.501A", 1) => "both with smoking",
                other => panic!("seed {seed}: {other:?} in {all:?}"),
            };
            *seen.entry(side).or_insert(0) += 1;
        }
        assert_eq!(seen.len(), 3, "{seen:?}");
        assert!((40..80).contains(&seen["left"]), "about 30% left: {seen:?}");
        // Probabilities must add up to 1, and option names must be defined.
        let bad = text.replacen("left = 0.3", "left = 0.4", 1);
        let e = crate::scenario::parse("scenarios/ed-distal-radius-fracture.toml", &bad).unwrap_err();
        assert!(e[0].message.contains("add up to 1"), "{e:?}");
        let bad = text.replacen("when = \"side.left\"", "when = \"side.lft\"", 1);
        let e = crate::scenario::parse("scenarios/ed-distal-radius-fracture.toml", &bad).unwrap_err();
        assert!(e[0].message.contains("\"side.lft\"") && e[0].message.contains("side.left"), "{e:?}");
    }

    #[test]
    fn exempt_codes_carry_no_poa() {
        let c = content();
        let pneumonia = c.scenarios.iter().find(|s| s.id == "community-acquired-pneumonia").unwrap();
        let chart = (0..40).map(|seed| generate(pneumonia, &c.names, seed)).find(|ch| ch.key.secondary.iter().any(|k| k.code == "Z87.891")).unwrap();
        assert_eq!(chart.key.secondary.iter().find(|k| k.code == "Z87.891").unwrap().poa, None);
        assert_eq!(chart.key.principal, KeyCode::new("J18.9", Some("Y")));
        // Outside inpatient admissions no code carries a POA indicator.
        let ed = content().scenarios.iter().find(|s| s.setting != Setting::Inpatient).expect("an outpatient or ED scenario");
        let ed_chart = generate(ed, &content().names, 5);
        assert!(std::iter::once(&ed_chart.key.principal).chain(&ed_chart.key.secondary).all(|k| k.poa.is_none()));
    }

    #[test]
    fn key_problems_catch_bad_keys() {
        let c = content();
        let mut chart = generate(&c.scenarios[0], &c.names, 3);
        chart.patient.age = 70;
        chart.key.principal = KeyCode::new("O80", Some("Y"));
        chart.key.secondary = vec![
            KeyCode::new("E10.9", Some("Y")),
            KeyCode::new("E11.9", Some("Q")),
            KeyCode::new("E11", Some("Y")),
            KeyCode::new("Z87.891", Some("Y")),
            KeyCode::new("I10", None),
        ];
        chart.key.procedures = vec![KeyProcedure { code: "0DTJ4ZX".into(), date: chart.patient.admitted, required: true }];
        let problems = key_problems(&chart, test_code_sets(), &c.poa_exempt).join("\n");
        for part in [
            "Z87.891: on the POA exempt list",
            "I10: needs a POA indicator",
            "E11: not billable",
            "POA \"Q\" is not Y, N, U or W", "0DTJ4ZX: table 0DT", "Excludes1:", "MCE: O80 is a maternity code"] {
            assert!(problems.contains(part), "{part:?} missing from:\n{problems}");
        }
    }

    #[test]
    fn results_split_into_tables_and_text() {
        let text = "TEST     RESULT     REFERENCE RANGE   FLAG\nWBC      18.5 K/uL  4.0-11.0 K/uL     H\nSodium   139 mmol/L  136-145 mmol/L\nCulture  No growth\n\nCOMMENT: Specimen slightly hemolyzed.";
        let b = blocks(text);
        assert_eq!(b.len(), 2, "{b:?}");
        let Block::Table { header, rows } = &b[0] else { panic!("{b:?}") };
        assert_eq!(header.as_deref().unwrap(), ["TEST", "RESULT", "REFERENCE RANGE", "FLAG"]);
        assert_eq!(rows[0], ["WBC", "18.5 K/uL", "4.0-11.0 K/uL", "H"]);
        assert_eq!(rows[1], ["Sodium", "139 mmol/L", "136-145 mmol/L", ""]);
        assert_eq!(rows[2], ["Culture", "No growth", "", ""]);
        assert_eq!(b[1], Block::Text("\nCOMMENT: Specimen slightly hemolyzed.".into()));
        // Prose stays prose; a table without a capitalised first row has no header.
        assert_eq!(blocks("Afebrile. Cough better."), vec![Block::Text("Afebrile. Cough better.".into())]);
        let Block::Table { header, .. } = &blocks("pH  7.31\npCO2  52 mmHg")[0] else { panic!() };
        assert!(header.is_none());
    }

    #[test]
    fn templates_render_and_are_checked() {
        let slots: BTreeMap<String, String> = [("name".to_string(), "Ada".to_string())].into();
        let present: BTreeMap<String, bool> = [("x".to_string(), true), ("y".to_string(), false)].into();
        assert_eq!(render("Hi {name}.[if x] X.[/if][if y] Y.[/if][if !y] not Y.[/if]", &slots, &present), "Hi Ada. X. not Y.\n");
        // Articles agree with the numbers drawn into the text.
        assert_eq!(fix_articles("A 8 mm stone, a 11 cm mass, a 7 mm node, a 1.8 cm cyst, Ana 8"), "An 8 mm stone, an 11 cm mass, a 7 mm node, a 1.8 cm cyst, Ana 8");
        let optional: BTreeMap<String, f64> = [("x".to_string(), 0.5)].into();
        let variants: BTreeMap<String, BTreeMap<String, f64>> =
            [("side".to_string(), [("left".to_string(), 0.5), ("right".to_string(), 0.5)].into())].into();
        let known = crate::scenario::Conditions::new(&optional, &variants);
        assert!(check_template("{name} [if x]a[/if][if !x & side.left]b[/if]", &["name"], &known).is_ok());
        assert!(check_template("{nme}", &["name"], &known).unwrap_err().contains("{nme} is not a known slot"));
        assert!(check_template("[if z]a[/if]", &[], &known).unwrap_err().contains("\"z\" in \"z\" names no optional condition"));
        assert!(check_template("[if x & side.up]a[/if]", &[], &known).unwrap_err().contains("\"side.up\""));
        assert!(check_template("[if x]a", &[], &known).is_err());
        assert!(check_template("[if x][if x]a[/if][/if]", &[], &known).unwrap_err().contains("cannot contain"));
        // Terms joined by & must all hold.
        let present: BTreeMap<String, bool> = [("x".to_string(), true), ("y".to_string(), false), ("side.left".to_string(), true)].into();
        let check = |cond: &str, expected: bool| assert_eq!(holds(cond, &present), expected, "{cond}");
        check("x & side.left", true);
        check("x & !y & side.left", true);
        check("x & y", false);
        check("!x & side.left", false);
        check("side.right", false);
    }
}
