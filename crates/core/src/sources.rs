//! The data sources named on the About page (content/sources.toml): what the
//! app bundles, under which licence, and what it deliberately leaves out.

use serde::Deserialize;
use toml::Spanned;

use crate::content::{ContentError, Source};
use crate::tips::is_slug;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataSource {
    pub id: String,
    pub name: String,
    pub publisher: String,
    pub version: String,
    pub licence: String,
    pub status: Status,
    /// What the app uses it for, or why it is left out.
    pub purpose: String,
}

/// Whether the app carries the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Converted into content/ and shipped with the app.
    Bundled,
    /// Will be bundled by a feature that is not built yet.
    Planned,
    /// Never bundled, for licence reasons.
    Excluded,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Bundled => "Included",
            Status::Planned => "Coming with its feature",
            Status::Excluded => "Not included",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    source: Vec<Spanned<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    name: String,
    publisher: String,
    version: String,
    licence: String,
    status: Status,
    purpose: String,
}

pub(crate) fn parse(path: &str, text: &str) -> Result<Vec<DataSource>, Vec<ContentError>> {
    let source = Source::new(path, text);
    let file: File = source.parse()?;
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, item) in file.source.iter().enumerate() {
        let span = item.span();
        let raw = item.get_ref();
        let mut fail = |field: &str, message: String| errors.push(source.field_error("source", i, &span, field, message));
        if !is_slug(&raw.id) {
            fail("id", format!("{:?} must be lowercase letters, digits and hyphens", raw.id));
        } else if !seen.insert(raw.id.as_str()) {
            fail("id", format!("{:?} is used by an earlier source", raw.id));
        }
        for (field, value) in [
            ("name", &raw.name),
            ("publisher", &raw.publisher),
            ("version", &raw.version),
            ("licence", &raw.licence),
            ("purpose", &raw.purpose),
        ] {
            if value.trim().is_empty() {
                fail(field, "is empty".into());
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(file
        .source
        .into_iter()
        .map(|s| {
            let r = s.into_inner();
            DataSource {
                id: r.id,
                name: r.name,
                publisher: r.publisher,
                version: r.version,
                licence: r.licence,
                status: r.status,
                purpose: r.purpose.trim().to_string(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = "[[source]]\nid = \"icd10cm\"\nname = \"ICD-10-CM\"\npublisher = \"NCHS\"\nversion = \"FY2026\"\nlicence = \"Public domain\"\nstatus = \"planned\"\npurpose = \"Diagnosis coding\"\n";

    #[test]
    fn parses_a_source() {
        let sources = parse("sources.toml", ONE).unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!((sources[0].id.as_str(), sources[0].status), ("icd10cm", Status::Planned));
    }

    #[test]
    fn rejects_bad_status_and_empty_fields() {
        let errors = parse("sources.toml", &ONE.replace("\"planned\"", "\"maybe\"")).unwrap_err();
        assert_eq!((errors[0].line, errors[0].field.as_str()), (7, "status"), "{errors:#?}");
        let errors = parse("sources.toml", &ONE.replace("\"NCHS\"", "\" \"")).unwrap_err();
        assert_eq!((errors[0].line, errors[0].field.as_str()), (4, "source[0].publisher"), "{errors:#?}");
    }
}
