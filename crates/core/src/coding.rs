//! A coding in progress, checked as the student types: each entry's title
//! or what is wrong with it (unknown, not billable, the other code set,
//! a missing or misplaced POA indicator, a repeat, a date outside the stay),
//! and what the whole answer still lacks. Grading is [`crate::grading`].

use crate::codes::{CodeSets, System, canonical_cm, normalize};
use crate::date::Date;
use crate::grading::Answer;
use crate::poa::PoaExempt;

/// What the form shows under one entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntryCheck {
    /// The code's title when it is a valid code of the right set.
    pub title: Option<String>,
    /// What to fix, in words; `None` when the entry is fine.
    pub problem: Option<String>,
}

/// The POA choices a student can make on an inpatient chart.
pub const POA_CHOICES: &[(&str, &str)] = &[
    ("Y", "Y: present on admission"),
    ("N", "N: not present on admission"),
    ("U", "U: documentation insufficient"),
    ("W", "W: clinically undetermined"),
    ("", "Blank: exempt"),
];

/// Checks a diagnosis entry. `earlier` are the codes above it, for repeats.
pub fn check_diagnosis(sets: &CodeSets, exempt: &PoaExempt, code: &str, poa: Option<&str>, inpatient: bool, earlier: &[String]) -> EntryCheck {
    let key = normalize(code);
    if key.is_empty() {
        return EntryCheck { title: None, problem: Some("Type an ICD-10-CM code, or remove this line.".into()) };
    }
    if sets.system_of(code) == System::Icd10Pcs {
        return EntryCheck { title: None, problem: Some(format!("{key} is an ICD-10-PCS procedure code; add it under procedures.")) };
    }
    let v = sets.cm.validate(code);
    if !v.status.is_valid() {
        return EntryCheck { title: None, problem: Some(v.status.reason().unwrap_or_else(|| "not an FY2026 ICD-10-CM code".into())) };
    }
    if !v.status.is_billable() {
        return EntryCheck { title: v.title, problem: v.status.reason() };
    }
    let shown = canonical_cm(&key);
    if earlier.iter().any(|e| normalize(e) == key) {
        return EntryCheck { title: v.title, problem: Some(format!("{shown} is already listed above; report each code once.")) };
    }
    let poa = poa.map(str::trim).filter(|p| !p.is_empty());
    let problem = match (inpatient, poa, exempt.is_exempt(&key)) {
        (true, None, false) => Some("Choose a POA indicator: this code is not on the POA exempt list.".to_string()),
        (true, Some(_), true) => Some(format!("{shown} is exempt from POA reporting: leave the indicator blank.")),
        (false, Some(_), _) => Some("POA is reported only for inpatient admissions; leave it blank here.".to_string()),
        _ => None,
    };
    EntryCheck { title: v.title, problem }
}

/// Checks a procedure entry against the code sets and the dates of the stay.
pub fn check_procedure(sets: &CodeSets, code: &str, date: Option<&str>, stay: (Date, Date), earlier: &[String]) -> EntryCheck {
    let key = normalize(code);
    if key.is_empty() {
        return EntryCheck { title: None, problem: Some("Type an ICD-10-PCS code, or remove this line.".into()) };
    }
    if sets.system_of(code) == System::Icd10Cm {
        return EntryCheck { title: None, problem: Some(format!("{} is an ICD-10-CM diagnosis code; add it under diagnoses.", canonical_cm(&key))) };
    }
    let v = sets.pcs.validate(code);
    if !v.valid {
        return EntryCheck { title: None, problem: v.reason.or(Some("not an FY2026 ICD-10-PCS code".into())) };
    }
    let problem = match date.map(str::trim).filter(|d| !d.is_empty()) {
        None => Some("Choose the date it was done.".to_string()),
        Some(d) if d < stay.0.to_string().as_str() || d > stay.1.to_string().as_str() => {
            Some(format!("{d} is outside the stay ({} to {}).", stay.0, stay.1))
        }
        Some(_) if earlier.iter().any(|e| normalize(e) == key) => {
            Some("Already listed above. Report it again only if it was done again, on its own date.".into())
        }
        Some(_) => None,
    };
    EntryCheck { title: v.title, problem }
}

/// What the answer as a whole still lacks before grading means much.
pub fn missing(answer: &Answer, inpatient: bool) -> Vec<String> {
    let mut out = Vec::new();
    if answer.diagnoses.iter().all(|d| d.code.trim().is_empty()) {
        out.push(if inpatient { "Add the principal diagnosis first." } else { "Add the first-listed diagnosis." }.to_string());
    }
    if !inpatient && answer.procedures.iter().any(|p| !p.code.trim().is_empty()) {
        out.push("ICD-10-PCS is reported for inpatient admissions only; remove the procedures.".to_string());
    }
    out
}

/// Moves the entry at `from` to `to` (both in range), the others keeping their order.
pub fn move_entry<T>(list: &mut Vec<T>, from: usize, to: usize) {
    if from < list.len() && to < list.len() && from != to {
        let item = list.remove(from);
        list.insert(to, item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::test_code_sets;

    fn exempt() -> &'static PoaExempt {
        static C: std::sync::OnceLock<crate::content::Content> = std::sync::OnceLock::new();
        &C.get_or_init(|| crate::content::bundled().unwrap()).poa_exempt
    }

    #[test]
    fn diagnosis_entries_say_what_to_fix() {
        let check = |code: &str, poa: Option<&str>, inpatient: bool, earlier: &[&str], expect: Option<&str>| {
            let earlier: Vec<String> = earlier.iter().map(|s| s.to_string()).collect();
            let c = check_diagnosis(test_code_sets(), exempt(), code, poa, inpatient, &earlier);
            match expect {
                None => assert_eq!(c.problem, None, "{code}"),
                Some(part) => assert!(c.problem.as_deref().is_some_and(|p| p.contains(part)), "{code}: {c:?} lacks {part:?}"),
            }
        };
        check("J18.9", Some("Y"), true, &[], None);
        check("j189", Some("Y"), true, &[], None);
        check("J18", Some("Y"), true, &[], Some("not billable"));
        check("J18.99", Some("Y"), true, &[], Some(""));
        check("0DTJ4ZZ", None, true, &[], Some("procedures"));
        check("J18.9", None, true, &[], Some("Choose a POA"));
        check("Z87.891", Some("Y"), true, &[], Some("exempt"));
        check("Z87.891", None, true, &[], None);
        check("J18.9", Some("Y"), false, &[], Some("only for inpatient"));
        check("J18.9", None, false, &["E11.9", "J18.9"], Some("already listed"));
        check("", None, true, &[], Some("Type an ICD-10-CM code"));
        let c = check_diagnosis(test_code_sets(), exempt(), "E11.65", Some("Y"), true, &[]);
        assert!(c.title.unwrap().contains("hyperglycemia"));
    }

    #[test]
    fn procedure_entries_check_code_and_date() {
        let stay = (Date::from_ymd(2026, 3, 14), Date::from_ymd(2026, 3, 16));
        let check = |code: &str, date: Option<&str>, expect: Option<&str>| {
            let c = check_procedure(test_code_sets(), code, date, stay, &[]);
            match expect {
                None => assert_eq!(c.problem, None, "{code}"),
                Some(part) => assert!(c.problem.as_deref().is_some_and(|p| p.contains(part)), "{code}: {c:?} lacks {part:?}"),
            }
        };
        check("0DTJ4ZZ", Some("2026-03-14"), None);
        check("0DTJ4ZZ", Some("2026-03-20"), Some("outside the stay"));
        check("0DTJ4ZZ", None, Some("Choose the date"));
        check("0DTJ4ZX", Some("2026-03-14"), Some(""));
        check("K35.80", Some("2026-03-14"), Some("diagnoses"));
        let c = check_procedure(test_code_sets(), "0DTJ4ZZ", Some("2026-03-15"), stay, &["0DTJ4ZZ".to_string()]);
        assert!(c.problem.unwrap().contains("done again"));
    }

    #[test]
    fn the_answer_says_what_it_lacks_and_entries_move() {
        let mut a = Answer::default();
        assert_eq!(missing(&a, true), ["Add the principal diagnosis first."]);
        a.diagnoses.push(crate::grading::AnswerCode { code: "J18.9".into(), poa: None });
        a.procedures.push(crate::grading::AnswerProcedure { code: "0DTJ4ZZ".into(), date: None });
        assert!(missing(&a, true).is_empty());
        assert!(missing(&a, false)[0].contains("inpatient admissions only"));
        let mut v = vec![1, 2, 3, 4];
        move_entry(&mut v, 3, 0);
        assert_eq!(v, [4, 1, 2, 3]);
        move_entry(&mut v, 0, 9);
        assert_eq!(v, [4, 1, 2, 3], "out of range: unchanged");
        move_entry(&mut v, 1, 2);
        assert_eq!(v, [4, 2, 1, 3]);
    }
}
