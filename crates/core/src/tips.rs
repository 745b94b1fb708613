//! Study tips (content/tips.toml) and the tip of the day.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use toml::Spanned;

use crate::content::{ContentError, Source};
use crate::rhit::Domain;

/// A short piece of original advice, tied to an RHIT domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tip {
    pub id: String,
    pub domain: Domain,
    pub text: String,
}

/// Longest tip, in characters: it must fit a dashboard card.
pub const MAX_TIP_CHARS: usize = 320;

/// The tip for `day` (days since the Unix epoch). Each tip appears once per
/// cycle of `tips.len()` days, in an order shuffled per cycle by a seeded
/// ChaCha8 generator, so every device shows the same tip on the same day.
pub fn daily_tip(tips: &[Tip], day: i64) -> Option<&Tip> {
    if tips.is_empty() {
        return None;
    }
    let len = tips.len() as i64;
    let cycle = day.div_euclid(len);
    let mut order: Vec<usize> = (0..tips.len()).collect();
    order.shuffle(&mut ChaCha8Rng::seed_from_u64(cycle as u64));
    Some(&tips[order[day.rem_euclid(len) as usize]])
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    tip: Vec<Spanned<RawTip>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTip {
    id: String,
    domain: u8,
    text: String,
}

pub(crate) fn parse(path: &str, text: &str) -> Result<Vec<Tip>, Vec<ContentError>> {
    let source = Source::new(path, text);
    let file: File = source.parse()?;
    let mut errors = Vec::new();
    let mut tips = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, item) in file.tip.iter().enumerate() {
        let span = item.span();
        let raw = item.get_ref();
        let mut fail = |field: &str, message: String| errors.push(source.field_error("tip", i, &span, field, message));
        if !is_slug(&raw.id) {
            fail("id", format!("{:?} must be lowercase letters, digits and hyphens", raw.id));
        } else if !seen.insert(raw.id.clone()) {
            fail("id", format!("{:?} is used by an earlier tip", raw.id));
        }
        let domain = Domain::new(raw.domain);
        if domain.is_none() {
            fail("domain", format!("must be an RHIT domain number from 1 to 6, not {}", raw.domain));
        }
        let chars = raw.text.trim().chars().count();
        if chars == 0 {
            fail("text", "is empty".into());
        } else if chars > MAX_TIP_CHARS {
            fail("text", format!("has {chars} characters; keep tips to {MAX_TIP_CHARS}"));
        }
        if let Some(domain) = domain {
            tips.push(Tip { id: raw.id.clone(), domain, text: raw.text.trim().to_string() });
        }
    }
    if tips.is_empty() && errors.is_empty() {
        errors.push(ContentError { file: path.into(), line: 1, field: "tip".into(), message: "holds no tips".into() });
    }
    if errors.is_empty() { Ok(tips) } else { Err(errors) }
}

pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tips(n: usize) -> Vec<Tip> {
        (0..n).map(|i| Tip { id: format!("t{i}"), domain: Domain::new(1).unwrap(), text: format!("tip {i}") }).collect()
    }

    #[test]
    fn each_tip_once_per_cycle_and_stable() {
        let tips = tips(7);
        for cycle in [-2i64, 0, 1, 19_000] {
            let mut shown: Vec<_> = (0..7).map(|d| daily_tip(&tips, cycle * 7 + d).unwrap().id.clone()).collect();
            shown.sort();
            assert_eq!(shown, tips.iter().map(|t| t.id.clone()).collect::<Vec<_>>(), "cycle {cycle}");
        }
        assert_eq!(daily_tip(&tips, 20_000), daily_tip(&tips, 20_000));
        assert_eq!(daily_tip(&[], 3), None);
    }

    #[test]
    fn cycles_use_different_orders() {
        let tips = tips(10);
        let order = |cycle: i64| (0..10).map(|d| daily_tip(&tips, cycle * 10 + d).unwrap().id.clone()).collect::<Vec<_>>();
        assert_ne!(order(1), order(2));
    }

    #[test]
    fn semantic_errors_point_at_the_field_line() {
        let text = "[[tip]]\nid = \"ok\"\ndomain = 2\ntext = \"fine\"\n\n[[tip]]\nid = \"ok\"\ndomain = 9\ntext = \"  \"\n";
        let errors = parse("tips.toml", text).unwrap_err();
        let got: Vec<_> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(got, [(7, "tip[1].id"), (8, "tip[1].domain"), (9, "tip[1].text")], "{errors:#?}");
        assert!(errors[0].message.contains("earlier tip"));
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let errors = parse("tips.toml", "[[tip]]\nid = \"a\"\ndomain = 1\ntext = \"x\"\ncolour = \"red\"\n").unwrap_err();
        assert_eq!((errors[0].line, errors[0].field.as_str()), (5, "colour"), "{errors:#?}");
    }

    #[test]
    fn slugs() {
        for (s, ok) in [("poa-exempt", true), ("a1", true), ("", false), ("-a", false), ("A", false), ("a_b", false)] {
            assert_eq!(is_slug(s), ok, "{s}");
        }
    }
}
