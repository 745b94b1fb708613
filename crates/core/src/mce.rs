//! The Medicare Code Editor's diagnosis edits for FY2026 discharges (MCE
//! v43.1, content/codes/mce.tsv): age and sex conflicts, manifestation,
//! external-cause and unacceptable codes as principal diagnosis,
//! questionable admission, duplicates of the principal diagnosis, and
//! invalid age, sex or discharge status.

use std::collections::{HashMap, HashSet};

use crate::codes::{CodesError, canonical_cm, normalize};

/// The MCE tables in force.
#[derive(Debug, Clone, Default)]
pub struct Mce {
    flags: HashMap<String, Vec<String>>,
    ages: HashMap<String, (u8, u8)>,
    statuses: HashSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
    Unknown,
}

/// What the MCE looks at on a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim<'a> {
    pub principal: &'a str,
    pub secondary: &'a [&'a str],
    pub age: u8,
    pub sex: Sex,
    /// Two digits, e.g. "01" (home) or "20" (expired).
    pub discharge_status: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditKind {
    AgeConflict,
    SexConflict,
    ManifestationAsPrincipal,
    ExternalCauseAsPrincipal,
    UnacceptablePrincipal,
    QuestionableAdmission,
    DuplicateOfPrincipal,
    InvalidAge,
    InvalidDischargeStatus,
}

/// One edit the claim fails, with a message a coder can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub kind: EditKind,
    /// The code it concerns, or empty for claim-level edits.
    pub code: String,
    pub message: String,
}

impl Mce {
    pub fn parse(text: &str) -> Result<Mce, CodesError> {
        let mut mce = Mce::default();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |m: &str| CodesError::malformed("mce.tsv", i + 1, m);
            let f: Vec<&str> = line.split('\t').collect();
            match f[..] {
                ["A", group, from, to] => {
                    let from = from.parse().map_err(|_| err("an age is a whole number"))?;
                    let to = to.parse().map_err(|_| err("an age is a whole number"))?;
                    mce.ages.insert(group.to_string(), (from, to));
                }
                ["S", list] => mce.statuses = list.split(',').map(String::from).collect(),
                ["D", code, flags] => {
                    mce.flags.insert(normalize(code), flags.split(',').map(String::from).collect());
                }
                _ => return Err(err("expected an A, S or D line")),
            }
        }
        if mce.statuses.is_empty() || mce.ages.is_empty() {
            return Err(CodesError::malformed("mce.tsv", 0, "lacks age groups or discharge statuses"));
        }
        Ok(mce)
    }

    /// Whether `status` (two digits) is a valid discharge status for FY2026.
    pub fn valid_discharge_status(&self, status: &str) -> bool {
        self.statuses.contains(status)
    }

    fn has(&self, code: &str, flag: &str) -> bool {
        self.flags.get(&normalize(code)).is_some_and(|f| f.iter().any(|x| x == flag))
    }

    /// The edits `claim` fails, principal diagnosis first.
    pub fn edit(&self, claim: &Claim) -> Vec<Edit> {
        let mut edits = Vec::new();
        let mut push = |kind, code: &str, message: String| {
            edits.push(Edit { kind, code: if code.is_empty() { String::new() } else { canonical_cm(&normalize(code)) }, message })
        };
        if claim.age > 124 {
            push(EditKind::InvalidAge, "", format!("Age {} is outside 0 to 124.", claim.age));
        }
        if !self.statuses.contains(claim.discharge_status) {
            push(
                EditKind::InvalidDischargeStatus,
                "",
                format!("Discharge status {:?} is not valid for FY2026 discharges.", claim.discharge_status),
            );
        }
        let pdx = claim.principal;
        for (flag, kind, what) in [
            ("manifestation", EditKind::ManifestationAsPrincipal, "is a manifestation code and cannot be the principal diagnosis; sequence the underlying condition first"),
            ("ecodepdx", EditKind::ExternalCauseAsPrincipal, "is an external cause code and cannot be the principal diagnosis"),
            ("unacceptable", EditKind::UnacceptablePrincipal, "is not acceptable as a principal diagnosis for an inpatient admission"),
            ("qadm", EditKind::QuestionableAdmission, "is a questionable reason for an inpatient admission as principal diagnosis"),
        ] {
            if self.has(pdx, flag) {
                push(kind, pdx, format!("{} {what}.", canonical_cm(&normalize(pdx))));
            }
        }
        let pdx_key = normalize(pdx);
        for code in std::iter::once(pdx).chain(claim.secondary.iter().copied()) {
            if let Some(message) = self.age_conflict(code, claim.age) {
                push(EditKind::AgeConflict, code, message);
            }
            let shown = canonical_cm(&normalize(code));
            let sex_rule = [("male", Sex::Female), ("female", Sex::Male)].into_iter().find(|(f, _)| self.has(code, f));
            if let Some((flag, conflicting)) = sex_rule
                && claim.sex == conflicting {
                    push(EditKind::SexConflict, code, format!("{shown} is for {flag} patients only."));
                }
        }
        for code in claim.secondary {
            if normalize(code) == pdx_key {
                push(EditKind::DuplicateOfPrincipal, code, format!("{} repeats the principal diagnosis as a secondary diagnosis.", canonical_cm(&pdx_key)));
            }
        }
        edits
    }

    fn age_conflict(&self, code: &str, age: u8) -> Option<String> {
        ["newborn", "pediatric", "maternity", "adult"].into_iter().find_map(|group| {
            let (from, to) = *self.ages.get(group)?;
            (self.has(code, group) && !(from..=to).contains(&age)).then(|| {
                format!("{} is a {group} code (ages {from} to {to}); the patient is {age}.", canonical_cm(&normalize(code)))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::test_code_sets;

    fn kinds(principal: &str, secondary: &[&str], age: u8, sex: Sex, status: &str) -> Vec<(EditKind, String)> {
        let claim = Claim { principal, secondary, age, sex, discharge_status: status };
        test_code_sets().mce.edit(&claim).into_iter().map(|e| (e.kind, e.code)).collect()
    }

    #[test]
    fn clean_claims_pass() {
        assert!(kinds("J18.9", &["E11.9", "I10"], 70, Sex::Female, "01").is_empty());
        assert!(kinds("O80", &["Z3A.39", "Z37.0"], 28, Sex::Female, "01").is_empty());
        assert!(kinds("C61", &[], 70, Sex::Female, "20").is_empty(), "the sex edit ended in FY2025");
    }

    #[test]
    fn principal_diagnosis_edits() {
        use EditKind::*;
        assert_eq!(kinds("F02.80", &["G30.9"], 80, Sex::Male, "01"), [(ManifestationAsPrincipal, "F02.80".to_string())]);
        assert_eq!(kinds("W19.XXXA", &[], 80, Sex::Male, "01"), [(ExternalCauseAsPrincipal, "W19.XXXA".to_string())]);
        assert!(kinds("Z00.00", &[], 40, Sex::Male, "01").contains(&(UnacceptablePrincipal, "Z00.00".into())));
    }

    #[test]
    fn age_and_claim_level_edits() {
        use EditKind::*;
        // A maternity code on a 70-year-old, a newborn code on an adult.
        assert_eq!(kinds("O80", &[], 70, Sex::Female, "01"), [(AgeConflict, "O80".to_string())]);
        assert!(kinds("J18.9", &["Z38.00"], 30, Sex::Female, "01").contains(&(AgeConflict, "Z38.00".into())));
        assert_eq!(kinds("J18.9", &["J18.9"], 50, Sex::Male, "01"), [(DuplicateOfPrincipal, "J18.9".to_string())]);
        assert_eq!(kinds("J18.9", &[], 50, Sex::Male, "99"), [(InvalidDischargeStatus, String::new())]);
        assert_eq!(kinds("J18.9", &[], 130, Sex::Male, "01"), [(InvalidAge, String::new())]);
        let message = &test_code_sets().mce.edit(&Claim { principal: "O80", secondary: &[], age: 70, sex: Sex::Female, discharge_status: "01" })[0].message;
        assert_eq!(message, "O80 is a maternity code (ages 9 to 64); the patient is 70.");
    }
}
