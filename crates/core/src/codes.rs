//! What ICD-10-CM and ICD-10-PCS share: code normalization, telling the two
//! systems apart by shape, one answer type for checking any code, and the
//! errors of loading the code files.

use crate::icd10cm::Icd10Cm;
use crate::pcs::Pcs;

/// A code set file that does not match its documented format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodesError {
    #[error("content/codes/{file}:{line}: {message}. Rebuild it with `hit content build-codes`.")]
    Malformed { file: String, line: usize, message: String },
}

impl CodesError {
    pub fn malformed(file: &str, line: usize, message: &str) -> CodesError {
        CodesError::Malformed { file: file.into(), line, message: message.into() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    Icd10Cm,
    Icd10Pcs,
}

impl System {
    pub fn id(self) -> &'static str {
        match self {
            System::Icd10Cm => "icd10cm",
            System::Icd10Pcs => "icd10pcs",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            System::Icd10Cm => "ICD-10-CM",
            System::Icd10Pcs => "ICD-10-PCS",
        }
    }

    pub fn from_id(id: &str) -> Option<System> {
        match id {
            "icd10cm" => Some(System::Icd10Cm),
            "icd10pcs" => Some(System::Icd10Pcs),
            _ => None,
        }
    }
}

/// Upper case, no dot, no surrounding space: "e11.65 " -> "E1165".
pub fn normalize(code: &str) -> String {
    code.trim().chars().filter(|c| *c != '.').flat_map(char::to_uppercase).collect()
}

/// "E1165" -> "E11.65"; codes of three characters or fewer are unchanged.
pub fn canonical_cm(key: &str) -> String {
    if key.len() > 3 && key.is_ascii() { format!("{}.{}", &key[..3], &key[3..]) } else { key.to_string() }
}

/// Both code sets and the Medicare Code Editor, loaded.
#[derive(Debug, Clone)]
pub struct CodeSets {
    pub cm: Icd10Cm,
    pub pcs: Pcs,
    pub mce: crate::mce::Mce,
    pub grouper: crate::grouper::Grouper,
}

/// The answer for one code, whatever its system (the `hit codes check` shape).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub code: String,
    pub system: System,
    pub valid: bool,
    pub billable: bool,
    pub title: Option<String>,
    pub reason: Option<String>,
}

impl CodeSets {
    /// Which system a code belongs to, from its shape: a dot or a letter
    /// followed by a digit in a code shorter than seven means ICD-10-CM;
    /// seven characters that a PCS table allows, or a leading digit, mean PCS.
    pub fn system_of(&self, code: &str) -> System {
        let key = normalize(code);
        if code.contains('.') {
            return System::Icd10Cm;
        }
        if key.len() == 7 {
            if self.pcs.validate(&key).valid {
                return System::Icd10Pcs;
            }
            if self.cm.validate(&key).status.is_valid() {
                return System::Icd10Cm;
            }
        }
        if key.starts_with(|c: char| c.is_ascii_digit()) { System::Icd10Pcs } else { System::Icd10Cm }
    }

    pub fn check(&self, code: &str) -> Check {
        match self.system_of(code) {
            System::Icd10Cm => {
                let v = self.cm.validate(code);
                Check {
                    code: v.code,
                    system: System::Icd10Cm,
                    valid: v.status.is_valid(),
                    billable: v.status.is_billable(),
                    title: v.title,
                    reason: v.status.reason(),
                }
            }
            System::Icd10Pcs => {
                let v = self.pcs.validate(code);
                Check { code: v.code, system: System::Icd10Pcs, valid: v.valid, billable: v.valid, title: v.title, reason: v.reason }
            }
        }
    }
}

/// The committed code sets, loaded once for the tests of every module.
#[cfg(test)]
pub(crate) fn test_code_sets() -> &'static CodeSets {
    static SETS: std::sync::OnceLock<CodeSets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let files: Vec<(String, String)> = crate::content::CODE_FILES
            .iter()
            .map(|f| (f.to_string(), std::fs::read_to_string(root.join(f)).expect("content/codes is built")))
            .collect();
        crate::content::load_code_sets(&files).expect("code sets parse")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::icd10cm::{Missing, NoteKind, Status};

    fn cm_status(code: &str) -> Status {
        test_code_sets().cm.validate(code).status
    }

    #[test]
    fn cm_validation_answers() {
        let check = |code: &str, valid: bool, billable: bool, reason_part: &str| {
            let v = test_code_sets().cm.validate(code);
            assert_eq!((v.status.is_valid(), v.status.is_billable()), (valid, billable), "{code}: {:?}", v.status);
            let reason = v.status.reason().unwrap_or_default();
            assert!(reason.contains(reason_part), "{code}: {reason:?} lacks {reason_part:?}");
        };
        check("E11.65", true, true, "");
        check("e1165", true, true, "");
        check(" E11.65 ", true, true, "");
        check("E11", true, false, "add more characters (E11.0, E11.1");
        check("E11.6", true, false, "E11.64");
        check("S72.001", true, false, "add a 7th character (e.g. S72.001A)");
        check("S72.001A", true, true, "");
        check("s72001a", true, true, "");
        check("S72.001Z", false, false, "7th character Z is not valid for S72.001");
        check("S00.00", true, false, "placeholder X, then add a 7th character (e.g. S00.00XA)");
        check("S00.00XA", true, true, "");
        check("S0000A", false, false, "missing placeholder X: did you mean S00.00XA?");
        check("T36.0X1A", true, true, "");
        check("S06.1X7A", true, true, "");
        check("S06.1X7D", false, false, "it takes A");
        check("E11.999", false, false, "not in the FY2026 ICD-10-CM code set");
        check("QA00.101", true, true, "");
        check("hello", false, false, "not an ICD-10-CM code");
    }

    #[test]
    fn extended_codes_have_full_titles() {
        let v = test_code_sets().cm.validate("S72.001A");
        assert_eq!(v.code, "S72.001A");
        assert_eq!(v.title.as_deref(), Some("Fracture of unspecified part of neck of right femur, initial encounter for closed fracture"));
        assert!(matches!(cm_status("S72.00"), Status::Incomplete(Missing::MoreCharacters(_))));
    }

    #[test]
    fn notes_attach_where_the_tabular_puts_them() {
        let cm = &test_code_sets().cm;
        // E11: "Use additional code" on the category, inherited by E11.65.
        let e1165 = cm.node("E11.65").unwrap();
        let groups = cm.notes_for(e1165);
        let e11 = groups.iter().find(|g| g.owner == "E11").expect("E11 notes are inherited");
        assert!(e11.notes.iter().any(|n| n.kind == NoteKind::UseAdditionalCode && n.text.contains("insulin (Z79.4)")));
        assert!(e11.notes.iter().any(|n| n.kind == NoteKind::Excludes1 && n.text.contains("type 1 diabetes mellitus (E10.-)")));
        assert!(groups.iter().any(|g| g.owner == "Chapter 4"), "chapter notes are inherited");
        assert!(!groups.iter().any(|g| g.owner == "E08-E13"), "owners without notes are skipped");
        let i110 = cm.notes_for(cm.node("I11.0").unwrap());
        let section = i110.iter().find(|g| g.owner == "I10-I1A").expect("section notes are inherited");
        assert!(section.notes.iter().any(|n| n.text.contains("(Z77.22)")));
        // I10: its own Excludes1 and Excludes2.
        let i10 = cm.node("I10").unwrap();
        let kinds: Vec<NoteKind> = i10.notes.iter().map(|n| n.kind).collect();
        assert!(kinds.contains(&NoteKind::Excludes1) && kinds.contains(&NoteKind::Excludes2), "{kinds:?}");
        assert!(i10.notes.iter().any(|n| n.text.contains("(O10-O11, O13-O16)")));
        // S72: the 7th characters, defined on the category and offered below it.
        let s72 = cm.node("S72").unwrap();
        assert_eq!(s72.seventh.len(), 16);
        assert!(s72.notes.iter().any(|n| n.kind == NoteKind::SeventhCharacterNote));
        let choices: String = cm.seventh_choices(cm.node("S72.001").unwrap()).iter().map(|s| s.character).collect();
        assert_eq!(choices, "ABCDEFGHJKMNPQRS");
        let only_a: String = cm.seventh_choices(cm.node("S06.1X7").unwrap()).iter().map(|s| s.character).collect();
        assert_eq!(only_a, "A");
    }

    #[test]
    fn excludes1_conflicts_are_reported_with_their_note() {
        let cm = &test_code_sets().cm;
        let conflicts = cm.excludes1_conflicts(&["E11.9", "I10", "E10.9"]);
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!((conflicts[0].code.as_str(), conflicts[0].excluded.as_str()), ("E11.9", "E10.9"));
        assert!(conflicts[0].note.contains("(E10.-)"));
        assert!(cm.excludes1_conflicts(&["E11.9", "I10", "Z79.4"]).is_empty());
        // Inherited from the category, and through a 7th-character code.
        // "I69. with final characters -20" excludes aphasia sequelae only.
        assert!(cm.excludes1_conflicts(&["R47.01", "I69.393", "R29.810"]).is_empty());
        assert_eq!(cm.excludes1_conflicts(&["R47.01", "I69.320"]).len(), 1);
        let fracture = cm.excludes1_conflicts(&["S72.001A", "S78.011A"]);
        assert_eq!(fracture.len(), 1, "{fracture:?}");
        assert!(fracture[0].note.contains("(S78.-)"));
    }

    #[test]
    fn pcs_tables_codes_and_meanings() {
        let pcs = &test_code_sets().pcs;
        assert_eq!(pcs.tables.len(), 914);
        assert_eq!(pcs.code_count(), 79_115);
        let v = pcs.validate("0dtj4zz");
        assert!(v.valid, "{v:?}");
        assert_eq!(v.title.as_deref(), Some("Resection Appendix, Percutaneous Endoscopic Approach"));
        let axes = pcs.describe("0DTJ4ZZ").unwrap();
        let labels: Vec<&str> = axes.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["Medical and Surgical", "Gastrointestinal System", "Resection", "Appendix", "Percutaneous Endoscopic", "No Device", "No Qualifier"]);
        let check_invalid = |code: &str, part: &str| {
            let v = pcs.validate(code);
            assert!(!v.valid, "{code}");
            assert!(v.reason.as_deref().unwrap_or_default().contains(part), "{code}: {:?}", v.reason);
        };
        check_invalid("0DTJ4ZX", "allows no qualifier 'X' after 0DTJ4Z");
        check_invalid("0DTJ", "exactly seven");
        check_invalid("0DTJ4ZO", "never uses the letters I or O");
        check_invalid("ZZZZZZZ", "no ICD-10-PCS table ZZZ");
        let defs = pcs.definitions_for("0DTJ4ZZ");
        assert!(defs.iter().any(|k| k.position == 3 && k.definition.starts_with("Cutting out or off")), "{defs:?}");
        assert!(defs.iter().any(|k| k.position == 5 && k.terms == ["Percutaneous Endoscopic"]), "{defs:?}");
    }

    #[test]
    fn pcs_next_values_walk_the_tables() {
        let pcs = &test_code_sets().pcs;
        let (title, sections) = pcs.next_values("");
        assert_eq!(title, "Section");
        assert!(sections.contains(&('0', "Medical and Surgical".to_string())), "{sections:?}");
        let (title, parts) = pcs.next_values("0DT");
        assert_eq!(title, "Body Part");
        assert!(parts.contains(&('J', "Appendix".to_string())));
        let (title, approaches) = pcs.next_values("0DTJ");
        assert_eq!(title, "Approach");
        assert!(approaches.iter().all(|(c, _)| "0478F".contains(*c)), "{approaches:?}");
        // Every value offered leads to at least one valid code.
        for (c, _) in &approaches {
            let prefix = format!("0DTJ{c}");
            let (_, devices) = pcs.next_values(&prefix);
            assert!(!devices.is_empty(), "{prefix}");
        }
        assert!(pcs.next_values("0DTJ4ZZ").1.is_empty());
    }

    #[test]
    fn system_is_recognised_from_the_shape() {
        let sets = test_code_sets();
        let check = |code: &str, system: System| assert_eq!(sets.system_of(code), system, "{code}");
        check("E11.65", System::Icd10Cm);
        check("E1165", System::Icd10Cm);
        check("S72001A", System::Icd10Cm);
        check("0DTJ4ZZ", System::Icd10Pcs);
        check("BW20ZZZ", System::Icd10Pcs);
        check("0DT", System::Icd10Pcs);
        let c = sets.check("0DTJ4ZZ");
        assert!(c.valid && c.billable && c.system == System::Icd10Pcs);
    }

    #[test]
    fn normalizing_and_formatting() {
        assert_eq!(normalize(" e11.65 "), "E1165");
        assert_eq!(canonical_cm("E1165"), "E11.65");
        assert_eq!(canonical_cm("E11"), "E11");
        assert_eq!(System::from_id("icd10pcs"), Some(System::Icd10Pcs));
    }
}
