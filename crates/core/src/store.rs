//! Persistence of typed records over a plain key-value backend.
//!
//! A backend (browser LocalStorage in the app, [`MemoryStore`] here) only
//! moves strings. Everything that makes storage safe lives in the provided
//! methods of [`Store`], so it is written once and tested natively:
//!
//! - every record is wrapped in an [`Envelope`] carrying its schema version;
//! - a large record's data is stored deflated and base64-encoded
//!   (`{"schema":2,"deflate":"..."}`), so years of progress fit the browser's
//!   few megabytes; small ones stay plain JSON;
//! - older versions are migrated one step at a time on load;
//! - a value that cannot be read is moved to a quarantine key, never
//!   overwritten, and the caller gets a [`QuarantineNotice`] to show the user;
//! - a failed write (quota) comes back as [`StoreError::QuotaExceeded`].

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Prefix of every key this app writes, so it never touches other apps' data.
pub const KEY_PREFIX: &str = "hit.";
/// Quarantined values live under `hit.quarantine.<millis>.<original key>`.
pub const QUARANTINE_PREFIX: &str = "hit.quarantine.";

/// A type that is persisted as one record under one key.
pub trait Record: Serialize + DeserializeOwned {
    /// Storage key, starting with [`KEY_PREFIX`].
    const KEY: &'static str;
    /// Current schema version. Bump it, add a step to [`Record::migrate`] and
    /// a fixture for the old version whenever the stored shape changes.
    const VERSION: u32;
    /// What the user calls this data, for messages: "your settings".
    const LABEL: &'static str;

    /// Upgrades the `data` of schema version `from` to version `from + 1`.
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("no migration from schema version {from}"))
    }
}

/// A record that can take in another copy of itself without losing either
/// side: the copy another tab saved, or one from an imported backup. The
/// same entry on both sides counts once.
pub trait Merge {
    fn merge_from(&mut self, other: Self);
}

/// A record that can shed old detail when storage is full, keeping what
/// the progress views need. Returns a description of what was dropped, or
/// `None` if there was nothing to compact.
pub trait Compact {
    fn compact(&mut self, now_ms: i64) -> Option<String>;
}

/// How a record sits in storage: `{"schema": 2, "data": {...}}`.
#[derive(Serialize, Deserialize)]
pub struct Envelope<T> {
    pub schema: u32,
    pub data: T,
}

/// Why storage could not do what was asked. Messages are shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error(
        "Your browser's storage for this site is full, so {label} could not be saved. \
         Your change still applies until you close this tab. Free space by deleting \
         quarantined data in Settings, or export a backup."
    )]
    QuotaExceeded { label: String },
    #[error(
        "{label} were saved by a newer version of HIT Trainer (schema {found}; this \
         version reads up to {supported}). Reload the page to get the newest version. \
         Nothing was changed."
    )]
    NewerVersion { label: String, found: u32, supported: u32 },
    #[error(
        "Browser storage is not available ({reason}). Changes will last only until \
         this tab is closed. Private browsing or blocked site data can cause this."
    )]
    Unavailable { reason: String },
    #[error("{label} could not be prepared for saving: {reason}")]
    Encode { label: String, reason: String },
}

/// The user-facing account of a record that was moved aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantineNotice {
    /// What the user calls the record: "your settings".
    pub label: String,
    /// Key the record was read from.
    pub original_key: String,
    /// Key it now lives under.
    pub quarantine_key: String,
    /// What was wrong, in plain words.
    pub reason: String,
    /// The value exactly as it was stored, for download.
    pub raw: String,
}

/// The result of loading a record.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<R> {
    /// Nothing stored yet.
    Missing,
    /// Stored at the current schema.
    Found(R),
    /// Stored at an older schema and upgraded in memory; the next save
    /// writes the current schema.
    Migrated { record: R, from: u32 },
    /// Unreadable; moved aside. The caller starts from a default.
    Quarantined(QuarantineNotice),
}

impl<R> Loaded<R> {
    pub fn into_record(self) -> Option<R> {
        match self {
            Loaded::Found(r) | Loaded::Migrated { record: r, .. } => Some(r),
            Loaded::Missing | Loaded::Quarantined(_) => None,
        }
    }
}

/// A quarantined value found in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantinedEntry {
    pub key: String,
    pub original_key: String,
    /// Milliseconds since the Unix epoch at which it was moved aside.
    pub at_ms: i64,
    pub raw: String,
}

/// Key-value storage of typed records. Implementors supply the four raw
/// operations; the typed methods are shared.
pub trait Store {
    fn get_raw(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Must fail with [`StoreError::QuotaExceeded`] when the value does not fit.
    fn set_raw(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove_raw(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;

    /// Reads `R`, migrating older schemas and quarantining what cannot be read.
    /// `now_ms` names the quarantine key.
    fn load<R: Record>(&mut self, now_ms: i64) -> Result<Loaded<R>, StoreError> {
        let Some(raw) = self.get_raw(R::KEY)? else {
            return Ok(Loaded::Missing);
        };
        match decode::<R>(&raw) {
            Ok((record, from)) if from == R::VERSION => Ok(Loaded::Found(record)),
            Ok((record, from)) => Ok(Loaded::Migrated { record, from }),
            Err(Unreadable::Newer(found)) => Err(StoreError::NewerVersion {
                label: R::LABEL.to_string(),
                found,
                supported: R::VERSION,
            }),
            Err(Unreadable::Damaged(reason)) => {
                let quarantine_key = self.quarantine(R::KEY, &raw, now_ms)?;
                Ok(Loaded::Quarantined(QuarantineNotice {
                    label: R::LABEL.to_string(),
                    original_key: R::KEY.to_string(),
                    quarantine_key,
                    reason,
                    raw,
                }))
            }
        }
    }

    /// Writes `R` at the current schema. A value already under the key that is
    /// not a readable envelope (say, damaged since it was loaded) is moved to
    /// quarantine first, so a save never destroys data silently.
    fn save<R: Record>(&mut self, record: &R, now_ms: i64) -> Result<Option<QuarantineNotice>, StoreError> {
        let encoded = encode(record)?;
        let mut notice = None;
        if let Some(existing) = self.get_raw(R::KEY)? {
            match envelope_schema(&existing) {
                Ok(found) if found > R::VERSION => {
                    return Err(StoreError::NewerVersion {
                        label: R::LABEL.to_string(),
                        found,
                        supported: R::VERSION,
                    });
                }
                Ok(_) => {}
                Err(reason) => {
                    let quarantine_key = self.quarantine(R::KEY, &existing, now_ms)?;
                    notice = Some(QuarantineNotice {
                        label: R::LABEL.to_string(),
                        original_key: R::KEY.to_string(),
                        quarantine_key,
                        reason,
                        raw: existing,
                    });
                }
            }
        }
        self.set_raw(R::KEY, &encoded).map_err(|e| relabel(e, R::LABEL))?;
        Ok(notice)
    }

    /// Saves `record` after merging in what is stored under its key now (as
    /// another tab may have written since this one loaded it), so two tabs
    /// never overwrite each other's entries. `record` ends up as saved.
    fn save_merged<R: Record + Merge>(&mut self, record: &mut R, now_ms: i64) -> Result<Option<QuarantineNotice>, StoreError>
    where
        Self: Sized,
    {
        match self.load::<R>(now_ms)? {
            Loaded::Found(stored) | Loaded::Migrated { record: stored, .. } => record.merge_from(stored),
            Loaded::Missing => {}
            // Moved aside (and reported) by the load: nothing to merge.
            Loaded::Quarantined(notice) => {
                self.save(record, now_ms)?;
                return Ok(Some(notice));
            }
        }
        self.save(record, now_ms)
    }

    /// Every quarantined value, oldest first.
    fn quarantined(&self) -> Result<Vec<QuarantinedEntry>, StoreError> {
        let mut entries = Vec::new();
        for key in self.keys()? {
            let Some(rest) = key.strip_prefix(QUARANTINE_PREFIX) else { continue };
            let Some((at, original)) = rest.split_once('.') else { continue };
            let Ok(at_ms) = at.parse::<i64>() else { continue };
            if let Some(raw) = self.get_raw(&key)? {
                entries.push(QuarantinedEntry { original_key: original.to_string(), key, at_ms, raw });
            }
        }
        entries.sort_by(|a, b| (a.at_ms, &a.key).cmp(&(b.at_ms, &b.key)));
        Ok(entries)
    }

    /// Moves `raw` from `key` to a fresh quarantine key and returns that key.
    /// The original is removed only after the copy is written.
    fn quarantine(&mut self, key: &str, raw: &str, now_ms: i64) -> Result<String, StoreError> {
        let mut at = now_ms;
        let mut target = format!("{QUARANTINE_PREFIX}{at}.{key}");
        while self.get_raw(&target)?.is_some() {
            at += 1;
            target = format!("{QUARANTINE_PREFIX}{at}.{key}");
        }
        self.set_raw(&target, raw)
            .map_err(|e| relabel(e, "the unreadable data (it stays where it was)"))?;
        self.remove_raw(key)?;
        Ok(target)
    }
}

enum Unreadable {
    Newer(u32),
    Damaged(String),
}

/// Records whose data is longer than this are stored deflated.
pub const DEFLATE_OVER: usize = 32 * 1024;
/// The most a deflated record may inflate to (a guard against a bomb).
const INFLATE_LIMIT: usize = 64 * 1024 * 1024;

#[derive(Serialize)]
struct Deflated {
    schema: u32,
    deflate: String,
}

/// What is stored, read loosely: plain `data`, or `deflate`d data.
#[derive(Deserialize)]
struct Stored {
    schema: u32,
    #[serde(default)]
    data: Option<Value>,
    #[serde(default)]
    deflate: Option<String>,
}

#[derive(Deserialize)]
struct SchemaOnly {
    schema: u32,
}

fn encode<R: Record>(record: &R) -> Result<String, StoreError> {
    let fail = |e: String| StoreError::Encode { label: R::LABEL.to_string(), reason: e };
    let data = serde_json::to_string(record).map_err(|e| fail(e.to_string()))?;
    if data.len() <= DEFLATE_OVER {
        return Ok(format!("{{\"schema\":{},\"data\":{data}}}", R::VERSION));
    }
    use base64::Engine;
    let packed = miniz_oxide::deflate::compress_to_vec(data.as_bytes(), 6);
    let deflate = base64::engine::general_purpose::STANDARD.encode(packed);
    serde_json::to_string(&Deflated { schema: R::VERSION, deflate }).map_err(|e| fail(e.to_string()))
}

/// The data of a stored envelope, inflated if it was deflated.
fn stored_data(stored: Stored) -> Result<Value, String> {
    match (stored.data, stored.deflate) {
        (Some(data), None) => Ok(data),
        (None, Some(packed)) => {
            use base64::Engine;
            let bytes = base64::engine::general_purpose::STANDARD.decode(packed.as_bytes()).map_err(|e| format!("its packed data is not base64 ({e})"))?;
            let text = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, INFLATE_LIMIT).map_err(|e| format!("its packed data does not unpack ({e:?})"))?;
            serde_json::from_slice(&text).map_err(|e| format!("its unpacked data is not valid ({e})"))
        }
        _ => Err("it has neither data nor packed data, or both".into()),
    }
}

/// Reads a record from its stored text (an envelope), migrating older
/// schemas; for backups, which carry envelopes as stored.
pub fn decode_envelope<R: Record>(raw: &str) -> Result<R, String> {
    match decode::<R>(raw) {
        Ok((record, _)) => Ok(record),
        Err(Unreadable::Newer(found)) => Err(format!("it was saved by a newer version of HIT Trainer (schema {found}; this version reads up to {})", R::VERSION)),
        Err(Unreadable::Damaged(reason)) => Err(reason),
    }
}

/// The stored text (an envelope) of a record.
pub fn encode_envelope<R: Record>(record: &R) -> Result<String, StoreError> {
    encode(record)
}

/// Parses an envelope and migrates its data up to `R::VERSION`.
/// Returns the record and the schema it was stored at.
fn decode<R: Record>(raw: &str) -> Result<(R, u32), Unreadable> {
    let envelope: Stored = serde_json::from_str(raw)
        .map_err(|e| Unreadable::Damaged(format!("it is not a valid saved record ({e})")))?;
    let stored = envelope.schema;
    if stored > R::VERSION {
        return Err(Unreadable::Newer(stored));
    }
    if stored == 0 {
        return Err(Unreadable::Damaged("its schema version is 0, which was never written".into()));
    }
    let mut data = stored_data(envelope).map_err(Unreadable::Damaged)?;
    for from in stored..R::VERSION {
        data = R::migrate(from, data).map_err(|e| {
            Unreadable::Damaged(format!("it could not be upgraded from schema {from}: {e}"))
        })?;
    }
    let record = serde_json::from_value(data)
        .map_err(|e| Unreadable::Damaged(format!("its contents do not match schema {}: {e}", R::VERSION)))?;
    Ok((record, stored))
}

/// The schema of a stored envelope, checked without building its data.
fn envelope_schema(raw: &str) -> Result<u32, String> {
    serde_json::from_str::<SchemaOnly>(raw)
        .map(|e| e.schema)
        .map_err(|e| format!("it is not a valid saved record ({e})"))
}

fn relabel(error: StoreError, label: &str) -> StoreError {
    match error {
        StoreError::QuotaExceeded { .. } => StoreError::QuotaExceeded { label: label.to_string() },
        other => other,
    }
}

/// An in-memory [`Store`] for tests and for browsers without storage, with an
/// optional capacity (bytes of keys plus values) to exercise quota failures.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    map: std::collections::BTreeMap<String, String>,
    capacity: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(bytes: usize) -> Self {
        Self { capacity: Some(bytes), ..Self::default() }
    }

    /// Bytes in use, counted as keys plus values.
    pub fn used(&self) -> usize {
        self.map.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Store for MemoryStore {
    fn get_raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.get(key).cloned())
    }

    fn set_raw(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(capacity) = self.capacity {
            let replaced = self.map.get(key).map_or(0, |old| key.len() + old.len());
            if self.used() - replaced + key.len() + value.len() > capacity {
                return Err(StoreError::QuotaExceeded { label: key.to_string() });
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove_raw(&mut self, key: &str) -> Result<(), StoreError> {
        self.map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A record with a history: v1 `{"name"}`, v2 adds `level`, v3 renames
    /// `name` to `title`. It stands in for any record whose shape changes.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Deck {
        title: String,
        level: u8,
    }

    impl Record for Deck {
        const KEY: &'static str = "hit.deck";
        const VERSION: u32 = 3;
        const LABEL: &'static str = "your deck";

        fn migrate(from: u32, mut data: Value) -> Result<Value, String> {
            let obj = data.as_object_mut().ok_or("data is not an object")?;
            match from {
                1 => {
                    obj.insert("level".into(), json!(1));
                }
                2 => {
                    let name = obj.remove("name").ok_or("missing name")?;
                    obj.insert("title".into(), name);
                }
                _ => return Err(format!("unknown schema {from}")),
            }
            Ok(data)
        }
    }

    fn store_with(raw: &str) -> MemoryStore {
        let mut store = MemoryStore::new();
        store.set_raw(Deck::KEY, raw).unwrap();
        store
    }

    #[test]
    fn round_trip_at_current_schema() {
        let mut store = MemoryStore::new();
        let deck = Deck { title: "Cardiology".into(), level: 2 };
        assert_eq!(store.save(&deck, 1).unwrap(), None);
        assert!(store.get_raw(Deck::KEY).unwrap().unwrap().starts_with(r#"{"schema":3,"#));
        assert_eq!(store.load::<Deck>(2).unwrap(), Loaded::Found(deck));
    }

    #[test]
    fn large_records_are_stored_deflated_and_read_back() {
        let mut store = MemoryStore::new();
        let deck = Deck { title: "Cardiology ".repeat(5000), level: 2 };
        store.save(&deck, 1).unwrap();
        let raw = store.get_raw(Deck::KEY).unwrap().unwrap();
        assert!(raw.starts_with(r#"{"schema":3,"deflate":""#), "{}", &raw[..40]);
        assert!(raw.len() < deck.title.len() / 20, "{} bytes for {}", raw.len(), deck.title.len());
        assert_eq!(store.load::<Deck>(2).unwrap(), Loaded::Found(deck.clone()));
        assert_eq!(decode_envelope::<Deck>(&raw).unwrap(), deck);
        // Small records stay readable JSON.
        store.save(&Deck { title: "ECG".into(), level: 1 }, 3).unwrap();
        assert_eq!(store.get_raw(Deck::KEY).unwrap().unwrap(), r#"{"schema":3,"data":{"title":"ECG","level":1}}"#);
        // Damaged packed data is quarantined like any unreadable record.
        for bad in [r#"{"schema":3,"deflate":"not base64!"}"#, r#"{"schema":3,"deflate":"AAAA"}"#, r#"{"schema":3}"#] {
            let mut store = store_with(bad);
            assert!(matches!(store.load::<Deck>(4).unwrap(), Loaded::Quarantined(_)), "{bad}");
        }
    }

    #[test]
    fn missing_record_is_missing() {
        assert_eq!(MemoryStore::new().load::<Deck>(0).unwrap(), Loaded::Missing);
    }

    #[test]
    fn migrates_from_every_older_schema() {
        let check = |raw: &str, from: u32, expected: Deck| {
            let mut store = store_with(raw);
            assert_eq!(store.load::<Deck>(0).unwrap(), Loaded::Migrated { record: expected.clone(), from });
            // Loading never rewrites; the next save writes the current schema.
            assert_eq!(store.get_raw(Deck::KEY).unwrap().unwrap(), raw);
            store.save(&expected, 0).unwrap();
            assert_eq!(store.load::<Deck>(0).unwrap(), Loaded::Found(expected));
        };
        check(r#"{"schema":1,"data":{"name":"Renal"}}"#, 1, Deck { title: "Renal".into(), level: 1 });
        check(r#"{"schema":2,"data":{"name":"Renal","level":4}}"#, 2, Deck { title: "Renal".into(), level: 4 });
    }

    #[test]
    fn unreadable_values_are_quarantined_not_lost() {
        let check = |raw: &str, reason_part: &str| {
            let mut store = store_with(raw);
            let Loaded::Quarantined(notice) = store.load::<Deck>(1_700_000_000_000).unwrap() else {
                panic!("{raw} should be quarantined");
            };
            assert!(notice.reason.contains(reason_part), "{} lacks {reason_part}", notice.reason);
            assert_eq!(notice.raw, raw);
            assert_eq!(notice.quarantine_key, "hit.quarantine.1700000000000.hit.deck");
            assert_eq!(store.get_raw(&notice.quarantine_key).unwrap().as_deref(), Some(raw));
            assert_eq!(store.get_raw(Deck::KEY).unwrap(), None);
            let listed = store.quarantined().unwrap();
            assert_eq!(listed.len(), 1);
            assert_eq!((listed[0].original_key.as_str(), listed[0].raw.as_str()), (Deck::KEY, raw));
        };
        check("{not json", "not a valid saved record");
        check(r#"{"data":{"title":"x","level":1}}"#, "not a valid saved record");
        check(r#"{"schema":3,"data":{"title":7}}"#, "do not match schema 3");
        check(r#"{"schema":1,"data":[1,2]}"#, "could not be upgraded from schema 1");
        check(r#"{"schema":0,"data":{}}"#, "schema version is 0");
    }

    #[test]
    fn quarantine_never_overwrites_an_earlier_quarantine() {
        let mut store = store_with("garbage one");
        let first = store.load::<Deck>(5).unwrap();
        store.set_raw(Deck::KEY, "garbage two").unwrap();
        let second = store.load::<Deck>(5).unwrap();
        let (Loaded::Quarantined(a), Loaded::Quarantined(b)) = (first, second) else { panic!() };
        assert_ne!(a.quarantine_key, b.quarantine_key);
        let raws: Vec<_> = store.quarantined().unwrap().into_iter().map(|e| e.raw).collect();
        assert_eq!(raws, ["garbage one", "garbage two"]);
    }

    #[test]
    fn newer_schema_is_refused_and_left_alone() {
        let raw = r#"{"schema":9,"data":{"title":"future"}}"#;
        let mut store = store_with(raw);
        let err = store.load::<Deck>(0).unwrap_err();
        assert!(matches!(err, StoreError::NewerVersion { found: 9, supported: 3, .. }));
        let err = store.save(&Deck { title: "now".into(), level: 1 }, 0).unwrap_err();
        assert!(err.to_string().contains("newer version"));
        assert_eq!(store.get_raw(Deck::KEY).unwrap().as_deref(), Some(raw));
    }

    #[test]
    fn save_moves_a_value_damaged_since_load_aside() {
        let mut store = store_with("damaged later");
        let notice = store.save(&Deck { title: "t".into(), level: 1 }, 42).unwrap().expect("a notice");
        assert_eq!(notice.raw, "damaged later");
        assert_eq!(store.get_raw(&notice.quarantine_key).unwrap().as_deref(), Some("damaged later"));
        assert!(matches!(store.load::<Deck>(43).unwrap(), Loaded::Found(_)));
    }

    #[test]
    fn quota_failure_is_reported_and_keeps_the_old_value() {
        let deck = Deck { title: "a".into(), level: 1 };
        let mut store = MemoryStore::with_capacity(60);
        store.save(&deck, 0).unwrap();
        let before = store.get_raw(Deck::KEY).unwrap();
        let big = Deck { title: "x".repeat(100), level: 1 };
        let err = store.save(&big, 0).unwrap_err();
        assert_eq!(err, StoreError::QuotaExceeded { label: "your deck".into() });
        assert!(err.to_string().contains("storage for this site is full"));
        assert_eq!(store.get_raw(Deck::KEY).unwrap(), before);
    }

    #[test]
    fn quarantine_that_does_not_fit_leaves_the_value_in_place() {
        let raw = "y".repeat(40);
        let mut store = MemoryStore::with_capacity(60);
        store.set_raw(Deck::KEY, &raw).unwrap();
        let err = store.load::<Deck>(0).unwrap_err();
        assert!(matches!(err, StoreError::QuotaExceeded { .. }));
        assert_eq!(store.get_raw(Deck::KEY).unwrap(), Some(raw));
    }

    #[test]
    fn memory_capacity_counts_replacement_not_addition() {
        let mut store = MemoryStore::with_capacity(10);
        store.set_raw("k", "123456789").unwrap();
        store.set_raw("k", "987654321").unwrap();
        assert_eq!(store.used(), 10);
        assert!(store.set_raw("j", "").is_err());
    }
}
