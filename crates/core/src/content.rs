//! Loading and validating the human-edited files under `content/`.
//!
//! Reading files is the caller's job (the CLI walks the directory, the app
//! embeds them); this module turns `(path, text)` pairs into typed content or
//! into errors that name file, line and field, so an instructor can fix them.

use std::fmt;
use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::chart::{Names, parse_names};
use crate::poa::{self, PoaExempt};
use crate::scenario::Scenario;
use crate::sources::{self, DataSource};
use crate::tips::{self, Tip};

/// One problem in one content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// Path relative to `content/`, with forward slashes.
    pub file: String,
    /// 1-based; 0 when the problem is the file as a whole.
    pub line: usize,
    /// Dotted path of the offending field, e.g. `tip[3].domain`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "content/{}:{}: {}: {}", self.file, self.line, self.field, self.message)
    }
}

/// All content the app uses, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub tips: Vec<Tip>,
    pub sources: Vec<DataSource>,
    pub names: Names,
    pub poa_exempt: PoaExempt,
    /// Sorted by id.
    pub scenarios: Vec<Scenario>,
    /// The MS-DRG decision rules, checked for syntax; their labels are
    /// resolved when the code sets load.
    pub drg_rules: crate::drg_rules::RulesFile,
    /// How coding is scored.
    pub rubric: crate::grading::Rubric,
    /// The RHIT exam blueprint (content/exam/blueprint.toml).
    pub blueprint: crate::exam::Blueprint,
    /// The question bank (content/exam/items/*.toml), items in file order.
    pub bank: crate::exam::Bank,
}

impl Content {
    /// A scenario by id (`scenarios` is sorted by id).
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.binary_search_by(|s| s.id.as_str().cmp(id)).ok().map(|i| &self.scenarios[i])
    }

    /// A scenario's title, or the id itself for one this version lacks.
    pub fn scenario_title(&self, id: &str) -> String {
        self.scenario(id).map_or_else(|| id.to_string(), |s| s.title.clone())
    }
}

/// What a file under `content/` is, decided by its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Documentation for people; not parsed.
    Doc,
    Tips,
    Sources,
    Names,
    PoaExempt,
    /// The MS-DRG decision rules, msdrg-rules.toml.
    DrgRules,
    /// The coding rubric, grading-rubric.toml.
    Rubric,
    /// The RHIT exam blueprint, exam/blueprint.toml.
    Blueprint,
    /// Exam questions, exam/items/<name>.toml.
    ExamItems,
    /// A chart scenario, content/scenarios/<id>.toml.
    Scenario,
    /// A generated code-set file (content/codes/), fetched by the app at run
    /// time rather than embedded; validated by parsing all of them together.
    CodeSet,
}

/// The generated code-set files, in the order [`crate::codes`] loads them.
pub const CODE_FILES: [&str; 7] = [
    "codes/icd10cm.tsv",
    "codes/icd10cm-notes.tsv",
    "codes/icd10pcs.tsv",
    "codes/icd10pcs-defs.tsv",
    "codes/icd10pcs-index.tsv",
    "codes/mce.tsv",
    "codes/msdrg.tsv",
];

/// The content shipped inside the app, embedded at compile time. A test
/// checks that it lists every parsed file on disk.
pub const BUNDLED: &[(&str, &str)] = &[
    ("exam/blueprint.toml", include_str!("../../../content/exam/blueprint.toml")),
    ("exam/items/d1-coding-and-classification.toml", include_str!("../../../content/exam/items/d1-coding-and-classification.toml")),
    ("exam/items/d1-data-standards.toml", include_str!("../../../content/exam/items/d1-data-standards.toml")),
    ("exam/items/d1-documentation-and-mpi.toml", include_str!("../../../content/exam/items/d1-documentation-and-mpi.toml")),
    ("exam/items/d1-legal-record-and-governance.toml", include_str!("../../../content/exam/items/d1-legal-record-and-governance.toml")),
    ("exam/items/d1-record-content-by-setting.toml", include_str!("../../../content/exam/items/d1-record-content-by-setting.toml")),
    ("exam/items/d2-disclosure.toml", include_str!("../../../content/exam/items/d2-disclosure.toml")),
    ("exam/items/d2-exchange-portals-and-special-records.toml", include_str!("../../../content/exam/items/d2-exchange-portals-and-special-records.toml")),
    ("exam/items/d2-patient-rights.toml", include_str!("../../../content/exam/items/d2-patient-rights.toml")),
    ("exam/items/d2-security-and-breach.toml", include_str!("../../../content/exam/items/d2-security-and-breach.toml")),
    ("exam/items/d3-analysis-and-presentation.toml", include_str!("../../../content/exam/items/d3-analysis-and-presentation.toml")),
    ("exam/items/d3-registries-and-reporting.toml", include_str!("../../../content/exam/items/d3-registries-and-reporting.toml")),
    ("exam/items/d3-research-and-data-use.toml", include_str!("../../../content/exam/items/d3-research-and-data-use.toml")),
    ("exam/items/d3-statistics.toml", include_str!("../../../content/exam/items/d3-statistics.toml")),
    ("exam/items/d4-cdi-and-queries.toml", include_str!("../../../content/exam/items/d4-cdi-and-queries.toml")),
    ("exam/items/d4-claims-and-denials.toml", include_str!("../../../content/exam/items/d4-claims-and-denials.toml")),
    ("exam/items/d4-payers-and-coverage.toml", include_str!("../../../content/exam/items/d4-payers-and-coverage.toml")),
    ("exam/items/d4-reimbursement.toml", include_str!("../../../content/exam/items/d4-reimbursement.toml")),
    ("exam/items/d5-audits-and-coding-compliance.toml", include_str!("../../../content/exam/items/d5-audits-and-coding-compliance.toml")),
    ("exam/items/d5-documentation-integrity-and-review-programs.toml", include_str!("../../../content/exam/items/d5-documentation-integrity-and-review-programs.toml")),
    ("exam/items/d5-fraud-abuse-and-programs.toml", include_str!("../../../content/exam/items/d5-fraud-abuse-and-programs.toml")),
    ("exam/items/d6-improvement-and-resources.toml", include_str!("../../../content/exam/items/d6-improvement-and-resources.toml")),
    ("exam/items/d6-leadership.toml", include_str!("../../../content/exam/items/d6-leadership.toml")),
    ("exam/items/d6-workforce-and-training.toml", include_str!("../../../content/exam/items/d6-workforce-and-training.toml")),
    ("grading-rubric.toml", include_str!("../../../content/grading-rubric.toml")),
    ("msdrg-rules.toml", include_str!("../../../content/msdrg-rules.toml")),
    ("names.toml", include_str!("../../../content/names.toml")),
    ("poa-exempt.toml", include_str!("../../../content/poa-exempt.toml")),
    ("scenarios/acetaminophen-overdose.toml", include_str!("../../../content/scenarios/acetaminophen-overdose.toml")),
    ("scenarios/acute-kidney-injury.toml", include_str!("../../../content/scenarios/acute-kidney-injury.toml")),
    ("scenarios/alcohol-withdrawal.toml", include_str!("../../../content/scenarios/alcohol-withdrawal.toml")),
    ("scenarios/alcoholic-pancreatitis.toml", include_str!("../../../content/scenarios/alcoholic-pancreatitis.toml")),
    ("scenarios/atrial-fibrillation-rvr.toml", include_str!("../../../content/scenarios/atrial-fibrillation-rvr.toml")),
    ("scenarios/breakthrough-seizure.toml", include_str!("../../../content/scenarios/breakthrough-seizure.toml")),
    ("scenarios/cellulitis-leg.toml", include_str!("../../../content/scenarios/cellulitis-leg.toml")),
    ("scenarios/cesarean-delivery.toml", include_str!("../../../content/scenarios/cesarean-delivery.toml")),
    ("scenarios/community-acquired-pneumonia.toml", include_str!("../../../content/scenarios/community-acquired-pneumonia.toml")),
    ("scenarios/copd-exacerbation.toml", include_str!("../../../content/scenarios/copd-exacerbation.toml")),
    ("scenarios/diabetic-ketoacidosis.toml", include_str!("../../../content/scenarios/diabetic-ketoacidosis.toml")),
    ("scenarios/ed-ankle-sprain.toml", include_str!("../../../content/scenarios/ed-ankle-sprain.toml")),
    ("scenarios/ed-asthma-exacerbation.toml", include_str!("../../../content/scenarios/ed-asthma-exacerbation.toml")),
    ("scenarios/ed-chest-pain.toml", include_str!("../../../content/scenarios/ed-chest-pain.toml")),
    ("scenarios/ed-distal-radius-fracture.toml", include_str!("../../../content/scenarios/ed-distal-radius-fracture.toml")),
    ("scenarios/ed-dog-bite.toml", include_str!("../../../content/scenarios/ed-dog-bite.toml")),
    ("scenarios/ed-hand-laceration.toml", include_str!("../../../content/scenarios/ed-hand-laceration.toml")),
    ("scenarios/ed-migraine.toml", include_str!("../../../content/scenarios/ed-migraine.toml")),
    ("scenarios/ed-mvc-concussion.toml", include_str!("../../../content/scenarios/ed-mvc-concussion.toml")),
    ("scenarios/ed-renal-colic.toml", include_str!("../../../content/scenarios/ed-renal-colic.toml")),
    ("scenarios/heart-failure-hypertension-ckd.toml", include_str!("../../../content/scenarios/heart-failure-hypertension-ckd.toml")),
    ("scenarios/hip-fracture-hemiarthroplasty.toml", include_str!("../../../content/scenarios/hip-fracture-hemiarthroplasty.toml")),
    ("scenarios/hiv-pneumocystis.toml", include_str!("../../../content/scenarios/hiv-pneumocystis.toml")),
    ("scenarios/ischemic-stroke.toml", include_str!("../../../content/scenarios/ischemic-stroke.toml")),
    ("scenarios/lap-appendectomy.toml", include_str!("../../../content/scenarios/lap-appendectomy.toml")),
    ("scenarios/lap-cholecystectomy.toml", include_str!("../../../content/scenarios/lap-cholecystectomy.toml")),
    ("scenarios/laparoscopic-hysterectomy-fibroids.toml", include_str!("../../../content/scenarios/laparoscopic-hysterectomy-fibroids.toml")),
    ("scenarios/lung-cancer-chemotherapy.toml", include_str!("../../../content/scenarios/lung-cancer-chemotherapy.toml")),
    ("scenarios/major-depression-inpatient.toml", include_str!("../../../content/scenarios/major-depression-inpatient.toml")),
    ("scenarios/mastectomy-breast-cancer.toml", include_str!("../../../content/scenarios/mastectomy-breast-cancer.toml")),
    ("scenarios/newborn-healthy.toml", include_str!("../../../content/scenarios/newborn-healthy.toml")),
    ("scenarios/newborn-preterm.toml", include_str!("../../../content/scenarios/newborn-preterm.toml")),
    ("scenarios/nstemi-cabg.toml", include_str!("../../../content/scenarios/nstemi-cabg.toml")),
    ("scenarios/op-aftercare-hip-replacement.toml", include_str!("../../../content/scenarios/op-aftercare-hip-replacement.toml")),
    ("scenarios/op-annual-physical.toml", include_str!("../../../content/scenarios/op-annual-physical.toml")),
    ("scenarios/op-copd-hypertension-follow-up.toml", include_str!("../../../content/scenarios/op-copd-hypertension-follow-up.toml")),
    ("scenarios/op-diabetes-follow-up.toml", include_str!("../../../content/scenarios/op-diabetes-follow-up.toml")),
    ("scenarios/op-diabetic-foot-ulcer.toml", include_str!("../../../content/scenarios/op-diabetic-foot-ulcer.toml")),
    ("scenarios/op-prenatal-visit.toml", include_str!("../../../content/scenarios/op-prenatal-visit.toml")),
    ("scenarios/op-screening-mammogram.toml", include_str!("../../../content/scenarios/op-screening-mammogram.toml")),
    ("scenarios/preeclampsia-preterm.toml", include_str!("../../../content/scenarios/preeclampsia-preterm.toml")),
    ("scenarios/pulmonary-embolism.toml", include_str!("../../../content/scenarios/pulmonary-embolism.toml")),
    ("scenarios/pyelonephritis.toml", include_str!("../../../content/scenarios/pyelonephritis.toml")),
    ("scenarios/respiratory-failure-copd.toml", include_str!("../../../content/scenarios/respiratory-failure-copd.toml")),
    ("scenarios/right-hemicolectomy-colon-cancer.toml", include_str!("../../../content/scenarios/right-hemicolectomy-colon-cancer.toml")),
    ("scenarios/sds-breast-biopsy.toml", include_str!("../../../content/scenarios/sds-breast-biopsy.toml")),
    ("scenarios/sds-carpal-tunnel.toml", include_str!("../../../content/scenarios/sds-carpal-tunnel.toml")),
    ("scenarios/sds-cataract.toml", include_str!("../../../content/scenarios/sds-cataract.toml")),
    ("scenarios/sds-inguinal-hernia.toml", include_str!("../../../content/scenarios/sds-inguinal-hernia.toml")),
    ("scenarios/sds-knee-arthroscopy.toml", include_str!("../../../content/scenarios/sds-knee-arthroscopy.toml")),
    ("scenarios/sds-screening-colonoscopy-polyp.toml", include_str!("../../../content/scenarios/sds-screening-colonoscopy-polyp.toml")),
    ("scenarios/sds-tonsillectomy.toml", include_str!("../../../content/scenarios/sds-tonsillectomy.toml")),
    ("scenarios/sepsis-urinary-source.toml", include_str!("../../../content/scenarios/sepsis-urinary-source.toml")),
    ("scenarios/septic-shock-pneumonia.toml", include_str!("../../../content/scenarios/septic-shock-pneumonia.toml")),
    ("scenarios/sickle-cell-crisis.toml", include_str!("../../../content/scenarios/sickle-cell-crisis.toml")),
    ("scenarios/sigmoid-colectomy-diverticulitis.toml", include_str!("../../../content/scenarios/sigmoid-colectomy-diverticulitis.toml")),
    ("scenarios/small-bowel-obstruction.toml", include_str!("../../../content/scenarios/small-bowel-obstruction.toml")),
    ("scenarios/stemi-pci.toml", include_str!("../../../content/scenarios/stemi-pci.toml")),
    ("scenarios/stroke-thrombectomy.toml", include_str!("../../../content/scenarios/stroke-thrombectomy.toml")),
    ("scenarios/total-knee-arthroplasty.toml", include_str!("../../../content/scenarios/total-knee-arthroplasty.toml")),
    ("scenarios/turp-bph.toml", include_str!("../../../content/scenarios/turp-bph.toml")),
    ("scenarios/type2-diabetes-hhs-complications.toml", include_str!("../../../content/scenarios/type2-diabetes-hhs-complications.toml")),
    ("scenarios/upper-gi-bleed-ulcer.toml", include_str!("../../../content/scenarios/upper-gi-bleed-ulcer.toml")),
    ("scenarios/vaginal-delivery-complicated.toml", include_str!("../../../content/scenarios/vaginal-delivery-complicated.toml")),
    ("scenarios/vaginal-delivery.toml", include_str!("../../../content/scenarios/vaginal-delivery.toml")),
    ("sources.toml", include_str!("../../../content/sources.toml")),
    ("tips.toml", include_str!("../../../content/tips.toml")),
];

/// [`load`] over [`BUNDLED`].
pub fn bundled() -> Result<Content, Vec<ContentError>> {
    let files: Vec<(String, String)> = BUNDLED.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    load(&files)
}

/// Files every content tree must have, with their kind.
const REQUIRED: &[(&str, Kind)] = &[
    ("tips.toml", Kind::Tips),
    ("sources.toml", Kind::Sources),
    ("names.toml", Kind::Names),
    ("poa-exempt.toml", Kind::PoaExempt),
    ("msdrg-rules.toml", Kind::DrgRules),
    ("grading-rubric.toml", Kind::Rubric),
    ("exam/blueprint.toml", Kind::Blueprint),
];

/// The kind of the file at `path` (relative to `content/`), if it is one.
pub fn kind_of(path: &str) -> Option<Kind> {
    if path.ends_with(".md") {
        return Some(Kind::Doc);
    }
    if CODE_FILES.contains(&path) {
        return Some(Kind::CodeSet);
    }
    if path.starts_with("scenarios/") && path.ends_with(".toml") && path.matches('/').count() == 1 {
        return Some(Kind::Scenario);
    }
    if path.starts_with("exam/items/") && path.ends_with(".toml") && path.matches('/').count() == 2 {
        return Some(Kind::ExamItems);
    }
    REQUIRED.iter().find(|(p, _)| *p == path).map(|(_, k)| *k)
}

/// Parses the code-set files, given as the tree's `(path, text)` pairs.
pub fn load_code_sets(files: &[(String, String)]) -> Result<crate::codes::CodeSets, Vec<ContentError>> {
    let text = |name: &str| files.iter().find(|(p, _)| p == name).map(|(_, t)| t.as_str());
    let missing: Vec<ContentError> = CODE_FILES
        .iter()
        .filter(|name| text(name).is_none())
        .map(|name| ContentError {
            file: name.to_string(),
            line: 0,
            field: "(file)".into(),
            message: "this code-set file is missing; run `hit content build-codes --from ../shared/data`".into(),
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let get = |i: usize| text(CODE_FILES[i]).unwrap_or_default();
    let to_error = |e: crate::codes::CodesError| {
        let crate::codes::CodesError::Malformed { file, line, message } = e;
        vec![ContentError { file: format!("codes/{file}"), line, field: "(line)".into(), message }]
    };
    let cm = crate::icd10cm::Icd10Cm::parse(get(0), get(1)).map_err(to_error)?;
    let pcs = crate::pcs::Pcs::parse(get(2), get(3), get(4)).map_err(to_error)?;
    let mce = crate::mce::Mce::parse(get(5)).map_err(to_error)?;
    let msdrg = crate::msdrg::Msdrg::parse(get(6)).map_err(to_error)?;
    // The rules come with the files when they are given (a content folder
    // on disk), or else the ones built in.
    let (rules_path, rules_text) = ("msdrg-rules.toml", include_str!("../../../content/msdrg-rules.toml"));
    let rules_text = text(rules_path).unwrap_or(rules_text);
    let rules = crate::drg_rules::parse(rules_path, rules_text)?.resolve(&msdrg)?;
    let grouper = crate::grouper::Grouper::new(msdrg, rules);
    Ok(crate::codes::CodeSets { cm, pcs, mce, grouper })
}

/// Validates a whole content tree given as `(path, text)` pairs and assembles
/// it. Every error in every file is reported, not just the first.
pub fn load(files: &[(String, String)]) -> Result<Content, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut tips = None;
    let mut sources = None;
    let mut names = None;
    let mut poa_exempt = None;
    let mut drg_rules = None;
    let mut rubric = None;
    let mut blueprint = None;
    let mut bank = crate::exam::Bank::default();
    let mut scenarios = Vec::new();
    for (path, text) in files {
        match kind_of(path) {
            Some(Kind::Doc | Kind::CodeSet) => {}
            Some(Kind::Tips) => tips = collect(tips::parse(path, text), &mut errors),
            Some(Kind::Sources) => sources = collect(sources::parse(path, text), &mut errors),
            Some(Kind::Names) => names = collect(parse_names(path, text), &mut errors),
            Some(Kind::PoaExempt) => poa_exempt = collect(poa::parse(path, text), &mut errors),
            Some(Kind::DrgRules) => drg_rules = collect(crate::drg_rules::parse(path, text), &mut errors),
            Some(Kind::Rubric) => rubric = collect(crate::grading::parse_rubric(path, text), &mut errors),
            Some(Kind::Blueprint) => blueprint = collect(crate::exam::parse_blueprint(path, text), &mut errors),
            Some(Kind::ExamItems) => {
                collect(crate::exam::parse_items(path, text, &mut bank), &mut errors);
            }
            Some(Kind::Scenario) => scenarios.extend(collect(crate::scenario::parse(path, text), &mut errors)),
            None => errors.push(ContentError {
                file: path.clone(),
                line: 0,
                field: "(file)".into(),
                message: format!(
                    "not a recognised content file; expected Markdown docs, scenarios/<id>.toml, codes/ files or one of: {}",
                    REQUIRED.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(", ")
                ),
            }),
        }
    }
    for (path, _) in REQUIRED {
        if !files.iter().any(|(p, _)| p == path) {
            errors.push(ContentError {
                file: path.to_string(),
                line: 0,
                field: "(file)".into(),
                message: "this required file is missing".into(),
            });
        }
    }
    if files.iter().any(|(p, _)| kind_of(p) == Some(Kind::CodeSet))
        && let Err(e) = load_code_sets(files) {
            errors.extend(e);
        }
    scenarios.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(bp) = &blueprint {
        errors.extend(crate::exam::check_bank(&bank, bp));
    }
    match (tips, sources, names, poa_exempt, drg_rules, rubric, blueprint) {
        (Some(tips), Some(sources), Some(names), Some(poa_exempt), Some(drg_rules), Some(rubric), Some(blueprint)) if errors.is_empty() => {
            Ok(Content { tips, sources, names, poa_exempt, scenarios, drg_rules, rubric, blueprint, bank })
        }
        _ => Err(errors),
    }
}

fn collect<T>(result: Result<T, Vec<ContentError>>, errors: &mut Vec<ContentError>) -> Option<T> {
    result.map_err(|e| errors.extend(e)).ok()
}

/// A TOML content file being read, for turning spans into lines and fields.
pub(crate) struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl<'a> Source<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Self { file, text }
    }

    /// Deserializes the whole file, turning a syntax or shape error into a
    /// located [`ContentError`].
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Vec<ContentError>> {
        toml::from_str(self.text).map_err(|e| {
            let line = e.span().map_or(0, |s| self.line_of(s.start));
            let message = e.message().trim().to_string();
            let field = quoted_field(&message)
                .or_else(|| e.span().and_then(|s| self.key_at(s.start)))
                .unwrap_or_else(|| "(syntax)".into());
            vec![ContentError { file: self.file.into(), line, field, message }]
        })
    }

    pub fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())].matches('\n').count() + 1
    }

    /// An error about `field` of the `index`th `[[table]]`, whose header span
    /// is `item`; it points at the field's own line when the field is present.
    pub fn field_error(&self, table: &str, index: usize, item: &Range<usize>, field: &str, message: String) -> ContentError {
        let start = item.start.min(self.text.len());
        // The table's body runs from its header to the next header.
        let offset = self.text[start..]
            .split_inclusive('\n')
            .scan(start, |pos, line| {
                let at = *pos;
                *pos += line.len();
                Some((at, line))
            })
            .take_while(|(at, line)| *at == start || !line.trim_start().starts_with('['))
            .find(|(_, line)| key_of(line) == Some(field))
            .map_or(start, |(at, _)| at);
        ContentError {
            file: self.file.into(),
            line: self.line_of(offset),
            field: format!("{table}[{index}].{field}"),
            message,
        }
    }

    /// The key assigned on the line holding `offset`, if that line is `key = ...`.
    fn key_at(&self, offset: usize) -> Option<String> {
        let start = self.text[..offset.min(self.text.len())].rfind('\n').map_or(0, |i| i + 1);
        let line = self.text[start..].lines().next()?;
        key_of(line).map(String::from).or_else(|| {
            let t = line.trim();
            t.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")).map(|s| s.trim().to_string())
        })
    }
}

fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')).then_some(key)
}

/// The field named in a serde message such as "missing field `text`".
fn quoted_field(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    let name = &message[start..start + len];
    (message.contains("field") && !name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disk_content() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let mut files = Vec::new();
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                    files.push((rel, std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    }

    #[test]
    fn every_file_on_disk_loads() {
        let files = disk_content();
        assert!(files.len() >= REQUIRED.len() + 1, "content/ looks empty: {files:?}");
        for (path, _) in &files {
            assert!(kind_of(path).is_some(), "content/{path} is not a recognised kind");
        }
        let content = load(&files).unwrap_or_else(|errors| {
            panic!("content errors:\n{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))
        });
        assert!(content.tips.len() >= 30, "only {} tips", content.tips.len());
        assert!(content.sources.iter().any(|s| s.id == "cpt"), "the About page must explain CPT");
    }

    #[test]
    fn bundled_content_is_what_is_on_disk() {
        let on_disk: Vec<_> =
            disk_content().into_iter().filter(|(p, _)| !matches!(kind_of(p), Some(Kind::Doc | Kind::CodeSet))).collect();
        let embedded: Vec<_> = BUNDLED.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
        let mut bundled_sorted = embedded.clone();
        bundled_sorted.sort();
        assert_eq!(bundled_sorted, on_disk, "content::BUNDLED must embed every content file");
        assert!(bundled().is_ok());
    }

    fn with(path: &str, text: &str) -> Vec<(String, String)> {
        let mut files: Vec<_> = disk_content().into_iter().filter(|(p, _)| p != path).collect();
        files.push((path.to_string(), text.to_string()));
        files
    }

    #[test]
    fn errors_name_file_line_and_field() {
        let check = |path: &str, text: &str, expected: &[(usize, &str, &str)]| {
            let errors = load(&with(path, text)).expect_err(text);
            let got: Vec<_> = errors.iter().map(|e| (e.line, e.field.as_str(), e.file.as_str())).collect();
            let want: Vec<_> = expected.iter().map(|(l, f, _)| (*l, *f, path)).collect();
            assert_eq!(got, want, "{errors:#?}");
            for (error, (_, _, part)) in errors.iter().zip(expected) {
                assert!(error.message.contains(part), "{:?} lacks {part:?}", error.message);
            }
        };
        // Syntax error: the line of the broken value.
        check("tips.toml", "[[tip]]\nid = \"a\"\ndomain = \n", &[(3, "domain", "")]);
        // Missing field: reported by name.
        check("tips.toml", "[[tip]]\nid = \"a\"\ndomain = 1\n", &[(1, "text", "missing field")]);
        // Wrong type.
        check("tips.toml", "[[tip]]\nid = \"a\"\ndomain = \"one\"\ntext = \"x\"\n", &[(3, "domain", "")]);
    }

    #[test]
    fn unknown_and_missing_files_are_reported() {
        let mut files = with("notes.txt", "hello");
        files.retain(|(p, _)| p != "sources.toml");
        let errors = load(&files).unwrap_err();
        let got: Vec<_> = errors.iter().map(|e| (e.file.as_str(), e.message.as_str())).collect();
        assert!(got.iter().any(|(f, m)| *f == "notes.txt" && m.contains("not a recognised")), "{got:?}");
        assert!(got.iter().any(|(f, m)| *f == "sources.toml" && m.contains("missing")), "{got:?}");
    }

    #[test]
    fn display_format_is_file_line_field_message() {
        let e = ContentError { file: "tips.toml".into(), line: 4, field: "tip[0].text".into(), message: "empty".into() };
        assert_eq!(e.to_string(), "content/tips.toml:4: tip[0].text: empty");
    }
}
