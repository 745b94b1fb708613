//! Scenario templates (content/scenarios/*.toml): a clinical story with
//! slots, what varies between charts, and the answer key each variant
//! implies. The format is documented in content/scenarios/README.md.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::content::{ContentError, Source};
use crate::tips::is_slug;

#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub setting: Setting,
    pub mdc: u8,
    pub body_system: String,
    pub difficulty: u8,
    /// Why the key is what it is, tied to the guideline that decides it.
    pub rationale: String,
    pub age: (u8, u8),
    pub sex: SexSpec,
    /// Length of stay in days (0 for same-day encounters).
    pub stay_days: (u16, u16),
    /// UB-04 discharge status code, two digits.
    pub discharge: String,
    /// A birth admission: the patient is born on the day of admission.
    pub newborn: bool,
    /// Numbers drawn per chart, used in text as `{name}`.
    pub values: BTreeMap<String, ValueSpec>,
    /// Conditions present with a probability, used in text as `[if id]...[/if]`.
    pub optional: BTreeMap<String, f64>,
    /// Mutually exclusive choices: exactly one option of each holds per
    /// chart, as the condition `name.option` (the side, the organism, the stage).
    pub variants: BTreeMap<String, BTreeMap<String, f64>>,
    pub diagnoses: Vec<KeyDiagnosis>,
    pub procedures: Vec<KeyProcedure>,
    pub documents: Vec<DocumentSpec>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Setting {
    Inpatient,
    Outpatient,
    Emergency,
    SameDaySurgery,
}

impl Setting {
    pub const ALL: [Setting; 4] = [Setting::Inpatient, Setting::Outpatient, Setting::Emergency, Setting::SameDaySurgery];

    /// The id used in files and URLs: `inpatient`, `same-day-surgery`, ...
    pub fn id(self) -> &'static str {
        match self {
            Setting::Inpatient => "inpatient",
            Setting::Outpatient => "outpatient",
            Setting::Emergency => "emergency",
            Setting::SameDaySurgery => "same-day-surgery",
        }
    }

    pub fn from_id(id: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The label at the start of a sentence or on a chip.
    pub fn title(self) -> &'static str {
        match self {
            Setting::Inpatient => "Inpatient",
            Setting::Outpatient => "Outpatient",
            Setting::Emergency => "Emergency",
            Setting::SameDaySurgery => "Same-day surgery",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Setting::Inpatient => "inpatient",
            Setting::Outpatient => "outpatient",
            Setting::Emergency => "emergency",
            Setting::SameDaySurgery => "same-day surgery",
        }
    }
}

/// How the library names a difficulty level.
pub fn difficulty_label(level: u8) -> &'static str {
    match level {
        1 => "Foundational",
        2 => "Intermediate",
        _ => "Advanced",
    }
}

/// How a chart names a document kind.
pub fn document_kind_label(kind: &str) -> &'static str {
    match kind {
        "face-sheet" => "Face sheet",
        "history-and-physical" => "History and physical",
        "progress-note" => "Progress note",
        "orders" => "Orders",
        "lab-results" => "Laboratory",
        "imaging" => "Imaging",
        "operative-report" => "Operative report",
        "pathology-report" => "Pathology",
        "consultation" => "Consultation",
        "procedure-note" => "Procedure note",
        "anesthesia-record" => "Anesthesia",
        "delivery-record" => "Delivery record",
        "nursing-note" => "Nursing",
        "emergency-record" => "Emergency department",
        "discharge-summary" => "Discharge summary",
        _ => "Document",
    }
}

/// What the chart library shows: every criterion left `None` matches all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScenarioFilter {
    pub setting: Option<Setting>,
    pub body_system: Option<String>,
    pub difficulty: Option<u8>,
}

impl ScenarioFilter {
    pub fn matches(&self, s: &Scenario) -> bool {
        self.setting.is_none_or(|x| x == s.setting)
            && self.body_system.as_deref().is_none_or(|x| x == s.body_system)
            && self.difficulty.is_none_or(|x| x == s.difficulty)
    }

    /// The matching scenarios, in library order (by title).
    pub fn apply<'a>(&self, scenarios: &'a [Scenario]) -> Vec<&'a Scenario> {
        let mut out: Vec<&Scenario> = scenarios.iter().filter(|s| self.matches(s)).collect();
        out.sort_by(|a, b| a.title.cmp(&b.title));
        out
    }
}

/// The body systems that some scenario uses, in [`BODY_SYSTEMS`] order.
pub fn body_systems_in_use(scenarios: &[Scenario]) -> Vec<&'static str> {
    BODY_SYSTEMS.iter().copied().filter(|b| scenarios.iter().any(|s| s.body_system == *b)).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SexSpec {
    Any,
    Female,
    Male,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueSpec {
    pub range: (f64, f64),
    #[serde(default)]
    pub decimals: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyDiagnosis {
    pub code: String,
    /// Inpatient only: Y, N, U, W, or "exempt" for codes on the POA exempt
    /// list. Other settings report no POA, so they leave it out.
    #[serde(default)]
    pub poa: Option<String>,
    #[serde(default)]
    pub principal: bool,
    /// A condition: an optional id ("copd"), a variant option ("side.left"),
    /// a negation ("!copd"), or several joined by `&` ("htn & ckd").
    #[serde(default)]
    pub when: Option<String>,
    /// False for a code facilities differ on reporting (Z79.899, say):
    /// accepted when a student codes it, not missing when left out.
    #[serde(default = "yes")]
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyProcedure {
    pub code: String,
    /// Days after admission.
    pub day: u16,
    #[serde(default)]
    pub when: Option<String>,
    #[serde(default = "yes")]
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpec {
    pub kind: String,
    pub title: String,
    /// attending, surgeon, consultant, radiologist, pathologist, nurse or resident.
    pub author: String,
    pub day: u16,
    pub time: String,
    #[serde(default = "yes")]
    pub signed: bool,
    #[serde(default)]
    pub when: Option<String>,
    pub text: String,
}

fn yes() -> bool {
    true
}

/// Document kinds a chart may hold.
pub const DOCUMENT_KINDS: &[&str] = &[
    "history-and-physical",
    "progress-note",
    "orders",
    "lab-results",
    "imaging",
    "operative-report",
    "pathology-report",
    "consultation",
    "procedure-note",
    "anesthesia-record",
    "delivery-record",
    "nursing-note",
    "emergency-record",
    "discharge-summary",
];

pub const AUTHOR_ROLES: &[&str] = &[
    "attending",
    "surgeon",
    "consultant",
    "radiologist",
    "pathologist",
    "nurse",
    "resident",
    "anesthesiologist",
    "obstetrician",
    "pediatrician",
    "laboratory",
];

/// The body systems the chart library filters by.
pub const BODY_SYSTEMS: &[&str] = &[
    "Nervous",
    "Eye",
    "Ear, nose, mouth and throat",
    "Respiratory",
    "Circulatory",
    "Digestive",
    "Hepatobiliary and pancreas",
    "Musculoskeletal",
    "Skin and breast",
    "Endocrine and metabolic",
    "Kidney and urinary",
    "Male reproductive",
    "Female reproductive",
    "Pregnancy and childbirth",
    "Newborn",
    "Blood and immune",
    "Oncology",
    "Infectious disease",
    "Mental health",
    "Substance use",
    "Injury and poisoning",
    "Preventive care",
];

/// Placeholders every template may use, besides the scenario's values.
pub const BUILTIN_SLOTS: &[&str] = &[
    "name", "first_name", "last_name", "age", "a_age", "A_age", "sex", "pronoun", "Pronoun", "possessive", "Possessive", "object", "admit_date",
    "discharge_date", "mrn", "attending", "surgeon", "consultant", "radiologist", "pathologist", "nurse", "resident",
    "anesthesiologist", "obstetrician", "pediatrician", "laboratory", "stay_days",
];

/// The condition names a scenario defines, for checking `when` and `[if]`.
pub struct Conditions {
    names: Vec<String>,
}

impl Conditions {
    pub fn new(optional: &BTreeMap<String, f64>, variants: &BTreeMap<String, BTreeMap<String, f64>>) -> Conditions {
        let mut names: Vec<String> = optional.keys().cloned().collect();
        for (v, options) in variants {
            names.extend(options.keys().map(|o| format!("{v}.{o}")));
        }
        Conditions { names }
    }

    /// Ok when every term of `condition` ("a & !b.c") names a defined condition.
    pub fn check(&self, condition: &str) -> Result<(), String> {
        for term in condition.split('&').map(str::trim) {
            let name = term.strip_prefix('!').unwrap_or(term).trim();
            if !self.names.iter().any(|n| n == name) {
                let known = if self.names.is_empty() { "none is defined".to_string() } else { self.names.join(", ") };
                return Err(format!("{term:?} in {condition:?} names no optional condition or variant option (known: {known})"));
            }
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: String,
    title: String,
    setting: Setting,
    mdc: u8,
    body_system: String,
    difficulty: u8,
    rationale: String,
    patient: RawPatient,
    #[serde(default)]
    values: BTreeMap<String, ValueSpec>,
    #[serde(default)]
    optional: BTreeMap<String, f64>,
    #[serde(default)]
    variants: BTreeMap<String, BTreeMap<String, f64>>,
    key: RawKey,
    document: Vec<Spanned<DocumentSpec>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPatient {
    age: (u8, u8),
    sex: SexSpec,
    stay_days: (u16, u16),
    discharge: String,
    #[serde(default)]
    newborn: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKey {
    diagnosis: Vec<Spanned<KeyDiagnosis>>,
    #[serde(default)]
    procedure: Vec<Spanned<KeyProcedure>>,
}

/// Parses and checks one scenario file (codes are checked against the code
/// sets separately, by [`crate::chart::key_problems`]).
pub fn parse(path: &str, text: &str) -> Result<Scenario, Vec<ContentError>> {
    let source = Source::new(path, text);
    let raw: Raw = source.parse()?;
    let mut errors = Vec::new();
    let mut top = |field: &str, message: String| {
        let line = text.lines().position(|l| l.split('=').next().is_some_and(|k| k.trim() == field)).map_or(1, |i| i + 1);
        errors.push(ContentError { file: path.into(), line, field: field.into(), message });
    };
    let expected_id = path.rsplit('/').next().unwrap_or(path).trim_end_matches(".toml");
    if !is_slug(&raw.id) || raw.id != expected_id {
        top("id", format!("{:?} must be lowercase letters, digits and hyphens, and match the file name", raw.id));
    }
    if !(1..=25).contains(&raw.mdc) {
        top("mdc", format!("must be an MDC number from 1 to 25, not {}", raw.mdc));
    }
    if !BODY_SYSTEMS.contains(&raw.body_system.as_str()) {
        top("body_system", format!("{:?} is not one of: {}", raw.body_system, BODY_SYSTEMS.join("; ")));
    }
    if raw.setting != Setting::Inpatient && !raw.key.procedure.is_empty() {
        top(
            "procedure",
            "ICD-10-PCS is reported for inpatient admissions only; outpatient procedures are reported with CPT/HCPCS, which HIT Trainer does not bundle".into(),
        );
    }
    if !(1..=3).contains(&raw.difficulty) {
        top("difficulty", format!("must be 1, 2 or 3, not {}", raw.difficulty));
    }
    if raw.rationale.trim().is_empty() {
        top("rationale", "is empty".into());
    }
    let (a, b) = raw.patient.age;
    if a > b || b > 110 {
        top("age", format!("must be [youngest, oldest] within 0 to 110, not [{a}, {b}]"));
    }
    if raw.patient.stay_days.0 > raw.patient.stay_days.1 {
        top("stay_days", "must be [shortest, longest]".into());
    }
    if crate::discharge::label(&raw.patient.discharge).is_none() {
        top("discharge", format!("{:?} is not a UB-04 discharge status code in force for FY2026, such as \"01\"", raw.patient.discharge));
    }
    if raw.patient.newborn && (raw.patient.age != (0, 0) || raw.setting != Setting::Inpatient) {
        top("newborn", "a birth admission is inpatient with age = [0, 0]".into());
    }
    for (name, p) in &raw.optional {
        if !(0.0..=1.0).contains(p) {
            top(name, format!("a probability must be from 0 to 1, not {p}"));
        }
    }
    for (name, v) in &raw.values {
        if v.range.0 > v.range.1 {
            top(name, "range must be [low, high]".into());
        }
    }
    for (name, options) in &raw.variants {
        let total: f64 = options.values().sum();
        if raw.optional.contains_key(name) {
            top(name, format!("{name:?} is both an optional condition and a variant; rename one"));
        } else if options.len() < 2 || (total - 1.0).abs() > 1e-6 || options.values().any(|p| !(0.0..=1.0).contains(p)) {
            top(name, format!("a variant needs two or more options whose probabilities add up to 1, not {total}"));
        }
        if let Some(bad) = options.keys().find(|o| !is_slug(o)) {
            top(name, format!("option {bad:?} must be lowercase letters, digits and hyphens"));
        }
    }
    let conditions = Conditions::new(&raw.optional, &raw.variants);
    let condition_ok = |when: &Option<String>| when.as_deref().is_none_or(|w| conditions.check(w).is_ok());
    let principals = raw.key.diagnosis.iter().filter(|d| d.get_ref().principal && d.get_ref().when.is_none()).count();
    if principals != 1 {
        top("diagnosis", format!("the key needs exactly one unconditional principal diagnosis, not {principals}"));
    }
    for (i, d) in raw.key.diagnosis.iter().enumerate() {
        let dx = d.get_ref();
        match (&dx.poa, raw.setting == Setting::Inpatient) {
            (Some(poa), true) if !["Y", "N", "U", "W", "exempt"].contains(&poa.as_str()) => {
                errors.push(source.field_error("key.diagnosis", i, &d.span(), "poa", format!("{poa:?} must be Y, N, U, W or exempt")));
            }
            (None, true) => errors.push(source.field_error(
                "key.diagnosis",
                i,
                &d.span(),
                "code",
                "an inpatient key needs poa (Y, N, U, W or exempt) on every diagnosis".into(),
            )),
            (Some(_), false) => errors.push(source.field_error(
                "key.diagnosis",
                i,
                &d.span(),
                "poa",
                "POA is reported only for inpatient admissions; leave it out here".into(),
            )),
            _ => {}
        }
        if !condition_ok(&dx.when) {
            let problem = conditions.check(dx.when.as_deref().unwrap_or_default()).unwrap_err();
            errors.push(source.field_error("key.diagnosis", i, &d.span(), "when", problem));
        }
    }
    for (i, p) in raw.key.procedure.iter().enumerate() {
        if let Some(Err(problem)) = p.get_ref().when.as_deref().map(|w| conditions.check(w)) {
            errors.push(source.field_error("key.procedure", i, &p.span(), "when", problem));
        }
    }
    let known: Vec<&str> = BUILTIN_SLOTS.iter().copied().chain(raw.values.keys().map(String::as_str)).collect();
    for (i, d) in raw.document.iter().enumerate() {
        let doc = d.get_ref();
        let mut fail = |field: &str, message: String| errors.push(source.field_error("document", i, &d.span(), field, message));
        if !DOCUMENT_KINDS.contains(&doc.kind.as_str()) {
            fail("kind", format!("{:?} is not one of {}", doc.kind, DOCUMENT_KINDS.join(", ")));
        }
        if !AUTHOR_ROLES.contains(&doc.author.as_str()) {
            fail("author", format!("{:?} is not one of {}", doc.author, AUTHOR_ROLES.join(", ")));
        }
        if doc.time.len() != 5 || doc.time.as_bytes()[2] != b':' {
            fail("time", format!("{:?} must be HH:MM", doc.time));
        }
        if let Some(Err(problem)) = doc.when.as_deref().map(|w| conditions.check(w)) {
            fail("when", problem);
        }
        if let Err(problem) = crate::chart::check_template(&doc.text, &known, &conditions) {
            fail("text", problem);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Scenario {
        id: raw.id,
        title: raw.title,
        setting: raw.setting,
        mdc: raw.mdc,
        body_system: raw.body_system,
        difficulty: raw.difficulty,
        rationale: raw.rationale.trim().to_string(),
        age: raw.patient.age,
        sex: raw.patient.sex,
        stay_days: raw.patient.stay_days,
        discharge: raw.patient.discharge,
        newborn: raw.patient.newborn,
        values: raw.values,
        optional: raw.optional,
        variants: raw.variants,
        diagnoses: raw.key.diagnosis.into_iter().map(Spanned::into_inner).collect(),
        procedures: raw.key.procedure.into_iter().map(Spanned::into_inner).collect(),
        documents: raw.document.into_iter().map(Spanned::into_inner).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str) -> String {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/scenarios").join(name)).unwrap()
    }

    fn first_error(path: &str, text: &str) -> ContentError {
        parse(path, text).expect_err("should be refused").remove(0)
    }

    #[test]
    fn poa_is_required_inpatient_and_refused_elsewhere() {
        let ed = file("ed-distal-radius-fracture.toml").replacen("principal = true", "principal = true\npoa = \"Y\"", 1);
        let e = first_error("scenarios/ed-distal-radius-fracture.toml", &ed);
        assert_eq!(e.field, "key.diagnosis[0].poa");
        assert!(e.message.contains("only for inpatient"), "{e}");

        let inpatient = file("lap-appendectomy.toml").replacen("poa = \"Y\"\n", "", 1);
        let e = first_error("scenarios/lap-appendectomy.toml", &inpatient);
        assert_eq!(e.field, "key.diagnosis[0].code");
        assert!(e.message.contains("needs poa"), "{e}");
    }

    #[test]
    fn filters_combine_and_settings_round_trip() {
        let content = crate::content::bundled().unwrap();
        let all = &content.scenarios;
        assert_eq!(ScenarioFilter::default().apply(all).len(), all.len());
        let check = |filter: ScenarioFilter| {
            let shown = filter.apply(all);
            assert!(shown.iter().all(|s| filter.matches(s)));
            assert_eq!(shown.len(), all.iter().filter(|s| filter.matches(s)).count());
            assert!(shown.windows(2).all(|w| w[0].title <= w[1].title), "sorted by title");
            shown.len()
        };
        let inpatient = check(ScenarioFilter { setting: Some(Setting::Inpatient), ..Default::default() });
        assert!(inpatient > 0 && inpatient < all.len());
        let narrow = check(ScenarioFilter { setting: Some(Setting::Inpatient), difficulty: Some(1), body_system: Some("Respiratory".into()) });
        assert!(narrow <= inpatient);
        assert_eq!(check(ScenarioFilter { body_system: Some("No such system".into()), ..Default::default() }), 0);
        for s in Setting::ALL {
            assert_eq!(Setting::from_id(s.id()), Some(s));
        }
        for kind in DOCUMENT_KINDS.iter().chain(&["face-sheet"]) {
            assert_ne!(document_kind_label(kind), "Document", "{kind} has a label");
        }
        assert_eq!(Setting::from_id("day-surgery"), None);
        let systems = body_systems_in_use(all);
        assert!(systems.iter().all(|b| all.iter().any(|s| s.body_system == *b)));
        assert!(all.iter().all(|s| systems.contains(&s.body_system.as_str())));
    }

    #[test]
    fn structural_mistakes_are_located() {
        let text = file("lap-appendectomy.toml");
        let e = first_error("scenarios/other-name.toml", &text);
        assert_eq!((e.field.as_str(), e.line), ("id", 2), "{e}");
        let bad_kind = text.replacen("kind = \"operative-report\"", "kind = \"op-note\"", 1);
        let e = first_error("scenarios/lap-appendectomy.toml", &bad_kind);
        assert_eq!(e.field, "document[3].kind", "the fourth document is the operative report");
        assert_eq!(bad_kind.lines().nth(e.line - 1).unwrap(), "kind = \"op-note\"");
        let bad_slot = text.replacen("{temp}", "{temperature}", 1);
        assert!(first_error("scenarios/lap-appendectomy.toml", &bad_slot).message.contains("{temperature} is not a known slot"));
    }
}
