//! The present-on-admission exempt list (content/poa-exempt.toml): codes that
//! take no POA indicator on an inpatient claim.

use serde::Deserialize;

use crate::codes::normalize;
use crate::content::{ContentError, Source};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PoaExempt {
    /// Normalized prefixes (no dot, uppercase), with their titles.
    pub entries: Vec<(String, String)>,
}

impl PoaExempt {
    /// Whether `code` (dotted or not) is exempt from POA reporting.
    pub fn is_exempt(&self, code: &str) -> bool {
        let code = normalize(code);
        self.entries.iter().any(|(prefix, _)| code.starts_with(prefix.as_str()))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    exempt: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    prefix: String,
    title: String,
}

pub(crate) fn parse(path: &str, text: &str) -> Result<PoaExempt, Vec<ContentError>> {
    let raw: Raw = Source::new(path, text).parse()?;
    let mut errors = Vec::new();
    let mut entries = Vec::new();
    for (i, e) in raw.exempt.into_iter().enumerate() {
        let prefix = normalize(&e.prefix);
        // A category (3+ characters) or a whole chapter (its letter).
        let shape_ok = prefix.len() >= 3 || (prefix.len() == 1 && prefix.chars().all(|c| c.is_ascii_uppercase()));
        if !shape_ok || !prefix.chars().all(|c| c.is_ascii_alphanumeric()) || e.title.trim().is_empty() {
            errors.push(ContentError {
                file: path.into(),
                line: text.lines().position(|l| l.contains(&format!("\"{}\"", e.prefix))).map_or(1, |n| n + 1),
                field: format!("exempt[{i}].prefix"),
                message: format!("{:?} must be an ICD-10-CM category or code (at least 3 characters), or a chapter letter, with a title", e.prefix),
            });
        }
        entries.push((prefix, e.title));
    }
    if errors.is_empty() { Ok(PoaExempt { entries }) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::test_code_sets;

    #[test]
    fn bundled_list_names_real_categories_and_matches_by_prefix() {
        let list = &crate::content::bundled().unwrap().poa_exempt;
        assert!(list.entries.len() > 40);
        let cm = &test_code_sets().cm;
        for (prefix, title) in &list.entries {
            let real = if prefix.len() == 1 { cm.validate(&format!("{prefix}00.0")).status.is_billable() } else { cm.node(prefix).is_some() };
            assert!(real, "{prefix} ({title}) is not an FY2026 ICD-10-CM chapter, category or code");
        }
        let check = |code: &str, exempt: bool| assert_eq!(list.is_exempt(code), exempt, "{code}");
        check("Z87.891", true);
        check("Z79.84", true);
        check("I25.2", true);
        check("I25.10", false);
        check("Z91.010", true);
        check("Z91.19", false);
        check("J18.9", false);
        check("Q21.1", true);
    }

    #[test]
    fn malformed_entries_are_located() {
        let e = parse("poa-exempt.toml", "[[exempt]]\nprefix = \"Z7\"\ntitle = \"x\"\n").unwrap_err().remove(0);
        assert_eq!((e.field.as_str(), e.line), ("exempt[0].prefix", 2));
        assert!(parse("poa-exempt.toml", "[[exempt]]\nprefix = \"Z79\"\n").is_err());
    }
}
