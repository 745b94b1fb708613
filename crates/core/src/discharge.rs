//! UB-04 patient discharge status codes (form locator 17) in force for FY2026,
//! with their meanings. The MCE lists the same codes as valid
//! (content/codes/mce.tsv); the grouper reads them for transfer and
//! expired-patient DRGs.

/// The meaning of a discharge status code, or `None` if it is not valid.
pub fn label(code: &str) -> Option<&'static str> {
    STATUSES.iter().find(|(c, _)| *c == code).map(|(_, l)| *l)
}

/// Codes 81 to 95 mean the same as 01 to 70 with a planned acute-care
/// readmission; they follow the plain ones here.
pub const STATUSES: &[(&str, &str)] = &[
    ("01", "Discharged to home or self-care"),
    ("02", "Transferred to a short-term general hospital for inpatient care"),
    ("03", "Transferred to a skilled nursing facility (SNF) with Medicare certification"),
    ("04", "Transferred to a facility that provides custodial or supportive care"),
    ("05", "Transferred to a designated cancer center or children's hospital"),
    ("06", "Discharged home under the care of an organized home health service"),
    ("07", "Left against medical advice or discontinued care"),
    ("20", "Expired"),
    ("21", "Discharged to court or law enforcement"),
    ("30", "Still a patient"),
    ("43", "Transferred to a federal health care facility"),
    ("50", "Discharged to hospice, home"),
    ("51", "Discharged to hospice, medical facility"),
    ("61", "Transferred to a hospital-based Medicare-approved swing bed"),
    ("62", "Transferred to an inpatient rehabilitation facility (IRF)"),
    ("63", "Transferred to a Medicare-certified long-term care hospital (LTCH)"),
    ("64", "Transferred to a nursing facility certified under Medicaid but not Medicare"),
    ("65", "Transferred to a psychiatric hospital or psychiatric unit"),
    ("66", "Transferred to a critical access hospital (CAH)"),
    ("69", "Transferred to a designated disaster alternative care site"),
    ("70", "Transferred to another type of health care institution not defined elsewhere"),
    ("81", "Discharged to home or self-care, with a planned acute-care readmission"),
    ("82", "Transferred to a short-term general hospital, with a planned acute-care readmission"),
    ("83", "Transferred to a SNF with Medicare certification, with a planned acute-care readmission"),
    ("84", "Transferred to a custodial or supportive care facility, with a planned acute-care readmission"),
    ("85", "Transferred to a designated cancer center or children's hospital, with a planned acute-care readmission"),
    ("86", "Discharged home with home health service, with a planned acute-care readmission"),
    ("87", "Discharged to court or law enforcement, with a planned acute-care readmission"),
    ("88", "Transferred to a federal health care facility, with a planned acute-care readmission"),
    ("89", "Transferred to a swing bed, with a planned acute-care readmission"),
    ("90", "Transferred to an inpatient rehabilitation facility, with a planned acute-care readmission"),
    ("91", "Transferred to a long-term care hospital, with a planned acute-care readmission"),
    ("92", "Transferred to a Medicaid-only nursing facility, with a planned acute-care readmission"),
    ("93", "Transferred to a psychiatric hospital or unit, with a planned acute-care readmission"),
    ("94", "Transferred to a critical access hospital, with a planned acute-care readmission"),
    ("95", "Transferred to another type of institution, with a planned acute-care readmission"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_is_valid_in_the_mce_and_labelled() {
        let mce = &crate::codes::test_code_sets().mce;
        for (code, text) in STATUSES {
            assert!(mce.valid_discharge_status(code), "{code} is not valid in the FY2026 MCE");
            assert!(!text.is_empty());
        }
        assert_eq!(label("20"), Some("Expired"));
        assert_eq!(label("08"), None);
        assert_eq!(label("1"), None);
    }
}
