//! The user's preferences: theme override and display name.

use serde::{Deserialize, Serialize};

use crate::store::Record;

/// Preferences persisted across sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    /// Shown in greetings. Empty means "not set".
    pub display_name: String,
    /// Dollars per unit of MS-DRG relative weight, for the payment a coding
    /// produces. An example rate until the user sets their hospital's.
    pub drg_base_rate: u32,
    /// Desired retention for the review queue, in percent (70 to 97): the
    /// higher it is, the sooner cards come back.
    pub review_retention: u8,
}

/// The desired retention offered in Settings; 90 is FSRS's usual default.
pub const RETENTION_CHOICES: [u8; 6] = [80, 85, 90, 93, 95, 97];
pub const DEFAULT_RETENTION: u8 = 90;

impl Settings {
    /// The scheduler parameters the settings call for.
    pub fn review_params(&self) -> crate::fsrs::Params {
        let r = f64::from(self.review_retention.clamp(70, 97)) / 100.0;
        crate::fsrs::Params { desired_retention: r, ..Default::default() }
    }
}

/// The base rate used until the user sets one.
pub const DEFAULT_BASE_RATE: u32 = 6500;

impl Default for Settings {
    fn default() -> Self {
        Settings { theme: ThemeChoice::default(), display_name: String::new(), drg_base_rate: DEFAULT_BASE_RATE, review_retention: DEFAULT_RETENTION }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaseRateError {
    #[error("Enter the base rate in whole dollars, such as 6500 (no $ sign or cents).")]
    NotANumber,
    #[error("Use a base rate from $100 to $100,000 per unit of relative weight.")]
    OutOfRange,
}

/// Reads a base rate as typed: "6500", "6,500" or "$6,500".
pub fn parse_base_rate(input: &str) -> Result<u32, BaseRateError> {
    let digits: String = input.trim().trim_start_matches('$').chars().filter(|c| *c != ',').collect();
    let rate: u32 = digits.trim().parse().map_err(|_| BaseRateError::NotANumber)?;
    if (100..=100_000).contains(&rate) { Ok(rate) } else { Err(BaseRateError::OutOfRange) }
}

impl Record for Settings {
    const KEY: &'static str = "hit.settings";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "your settings";
}

/// The theme the user picked, overriding the system's colour-scheme preference.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The value of `data-theme` on the root element, if any.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            ThemeChoice::System => None,
            ThemeChoice::Light => Some("light"),
            ThemeChoice::Dark => Some("dark"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Match my device",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// The explicit choice that flips what is showing now; `system_dark` is the
    /// device preference, used when no override is set.
    pub fn toggled(self, system_dark: bool) -> ThemeChoice {
        let dark_now = match self {
            ThemeChoice::System => system_dark,
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
        };
        if dark_now { ThemeChoice::Light } else { ThemeChoice::Dark }
    }
}

/// Longest display name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("Use at most {MAX_NAME_CHARS} characters for your name (this one has {0}).")]
    TooLong(usize),
    #[error("Your name cannot contain line breaks or control characters.")]
    ControlCharacter,
}

/// Cleans a display name as typed: trims it and checks length and characters.
/// An empty result clears the name.
pub fn normalize_display_name(input: &str) -> Result<String, NameError> {
    let name = input.trim();
    if name.chars().any(char::is_control) {
        return Err(NameError::ControlCharacter);
    }
    let count = name.chars().count();
    if count > MAX_NAME_CHARS {
        return Err(NameError::TooLong(count));
    }
    Ok(name.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Loaded, MemoryStore, Store};

    /// One stored sample per schema version ever written, with what it must
    /// load as. Adding version N+1 without a sample for N fails the test below.
    const FIXTURES: &[(u32, &str)] = &[(1, r#"{"schema":1,"data":{"theme":"dark","display_name":"Ada"}}"#)];

    #[test]
    fn every_schema_version_has_a_fixture_that_loads() {
        let versions: Vec<u32> = FIXTURES.iter().map(|(v, _)| *v).collect();
        assert_eq!(versions, (1..=Settings::VERSION).collect::<Vec<_>>());
        // Schema 1 before the base rate existed: the default fills it.
        let expected = Settings { theme: ThemeChoice::Dark, display_name: "Ada".into(), ..Settings::default() };
        for (version, raw) in FIXTURES {
            let mut store = MemoryStore::new();
            store.set_raw(Settings::KEY, raw).unwrap();
            let record = store.load::<Settings>(0).unwrap().into_record();
            assert_eq!(record.as_ref(), Some(&expected), "fixture for schema {version}");
        }
    }

    #[test]
    fn missing_fields_take_defaults() {
        let mut store = MemoryStore::new();
        store.set_raw(Settings::KEY, r#"{"schema":1,"data":{}}"#).unwrap();
        assert_eq!(store.load::<Settings>(0).unwrap(), Loaded::Found(Settings::default()));
    }

    #[test]
    fn unknown_theme_is_quarantined() {
        let mut store = MemoryStore::new();
        store.set_raw(Settings::KEY, r#"{"schema":1,"data":{"theme":"sepia"}}"#).unwrap();
        assert!(matches!(store.load::<Settings>(0).unwrap(), Loaded::Quarantined(_)));
    }

    #[test]
    fn toggling_flips_what_is_showing() {
        let check = |from: ThemeChoice, system_dark: bool, to: ThemeChoice| {
            assert_eq!(from.toggled(system_dark), to, "{from:?} with system dark = {system_dark}");
        };
        check(ThemeChoice::System, false, ThemeChoice::Dark);
        check(ThemeChoice::System, true, ThemeChoice::Light);
        check(ThemeChoice::Light, true, ThemeChoice::Dark);
        check(ThemeChoice::Dark, false, ThemeChoice::Light);
    }

    #[test]
    fn base_rates_are_read_as_typed() {
        let check = |input: &str, expected: Result<u32, BaseRateError>| assert_eq!(parse_base_rate(input), expected, "{input:?}");
        check("6500", Ok(6500));
        check(" $6,812 ", Ok(6812));
        check("6500.50", Err(BaseRateError::NotANumber));
        check("", Err(BaseRateError::NotANumber));
        check("50", Err(BaseRateError::OutOfRange));
        check("250000", Err(BaseRateError::OutOfRange));
    }

    #[test]
    fn review_retention_becomes_the_scheduler_target_within_bounds() {
        let check = |percent: u8, want: f64| {
            let s = Settings { review_retention: percent, ..Settings::default() };
            assert!((s.review_params().desired_retention - want).abs() < 1e-12, "{percent}");
        };
        check(90, 0.90);
        check(80, 0.80);
        check(97, 0.97);
        // A value edited by hand outside the offered range is held to it.
        check(20, 0.70);
        check(100, 0.97);
        assert!(RETENTION_CHOICES.contains(&DEFAULT_RETENTION));
    }

    #[test]
    fn display_names_are_normalized() {
        let check = |input: &str, expected: Result<&str, NameError>| {
            assert_eq!(normalize_display_name(input), expected.map(String::from), "{input:?}");
        };
        check("  Ada   Lovelace ", Ok("Ada Lovelace"));
        check("", Ok(""));
        check("José Núñez", Ok("José Núñez"));
        check("a\nb", Err(NameError::ControlCharacter));
        check(&"é".repeat(40), Ok(&"é".repeat(40)));
        check(&"x".repeat(41), Err(NameError::TooLong(41)));
    }
}
