//! Backup and restore: all progress exported to one JSON file, and imported
//! by merging with what is here, so neither side loses anything and the
//! same attempt twice counts once. A file that is not a backup, comes from
//! a newer version, was edited, or holds a damaged record is refused, and
//! nothing changes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::assignment::{Gradebook, MyAssignments};
use crate::attempts::{Attempts, Drafts};
use crate::history::History;
use crate::mock::{CurrentMock, MockHistory};
use crate::quiz::CurrentQuiz;
use crate::review::ReviewQueue;
use crate::settings::Settings;
use crate::store::{Loaded, Merge, Record, Store, StoreError, decode_envelope, encode_envelope};

pub const FORMAT: &str = "hit-trainer-backup";
pub const FORMAT_VERSION: u32 = 1;

/// When progress was last exported, for the reminder to back up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupStatus {
    pub last_export_ms: Option<i64>,
}

impl Record for BackupStatus {
    const KEY: &'static str = "hit.backup-status";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "when you last backed up";
}

/// The keys a backup carries, in the order they are restored.
pub const KEYS: [&str; 10] = [
    Settings::KEY,
    Attempts::KEY,
    Drafts::KEY,
    History::KEY,
    MockHistory::KEY,
    ReviewQueue::KEY,
    CurrentQuiz::KEY,
    CurrentMock::KEY,
    MyAssignments::KEY,
    Gradebook::KEY,
];

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    exported_ms: i64,
    app_version: String,
    /// Stored key -> the record's envelope, as stored.
    records: BTreeMap<String, Value>,
    /// SHA-256 of `records` as compact JSON: an edited or damaged file is refused.
    checksum: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("This file is not a HIT Trainer backup ({0}). Choose a file saved with “Export my progress”.")]
    NotABackup(String),
    #[error("This backup was made by a newer version of HIT Trainer (format {found}; this version reads format {FORMAT_VERSION}). Reload the page to get the newest version, then import again.")]
    NewerFormat { found: u32 },
    #[error("This backup has been changed since it was exported (its checksum does not match), so it was not imported. Export a fresh backup from the browser that has your progress.")]
    Tampered,
    #[error("This backup holds {label} that cannot be read ({reason}), so nothing was imported.")]
    Damaged { label: String, reason: String },
    #[error("{0} Nothing was imported.")]
    Storage(StoreError),
}

/// What an import brought in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub attempts_added: usize,
    pub answers_added: usize,
    pub exams_added: usize,
    pub cards_added: usize,
    /// Assignments (a student's and an instructor's) and class submissions.
    pub assignments_added: usize,
    /// Keys in the file this version does not know (left out).
    pub skipped: Vec<String>,
}

impl ImportSummary {
    pub fn describe(&self) -> String {
        let mut s = format!(
            "Imported {} coding attempts, {} practice answers, {} mock exams and {} review cards that were not here yet; everything already here was kept.",
            self.attempts_added, self.answers_added, self.exams_added, self.cards_added
        );
        if self.assignments_added > 0 {
            s += &format!(" Also {} assignments or class submissions.", self.assignments_added);
        }
        if !self.skipped.is_empty() {
            s += &format!(" Left out data this version does not know: {}.", self.skipped.join(", "));
        }
        s
    }
}

fn checksum(records: &BTreeMap<String, Value>) -> String {
    let text = serde_json::to_string(records).unwrap_or_default();
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn put<R: Record>(store: &mut impl Store, records: &mut BTreeMap<String, Value>, now_ms: i64) -> Result<(), StoreError> {
    if let Some(record) = store.load::<R>(now_ms)?.into_record() {
        let text = encode_envelope(&record)?;
        records.insert(R::KEY.to_string(), serde_json::from_str(&text).map_err(|e| StoreError::Encode { label: R::LABEL.into(), reason: e.to_string() })?);
    }
    Ok(())
}

/// All progress as the text of a backup file. Records that cannot be read
/// are quarantined by the load (and so reported), not exported.
pub fn export(store: &mut impl Store, now_ms: i64, app_version: &str) -> Result<String, StoreError> {
    let mut records = BTreeMap::new();
    put::<Settings>(store, &mut records, now_ms)?;
    put::<Attempts>(store, &mut records, now_ms)?;
    put::<Drafts>(store, &mut records, now_ms)?;
    put::<History>(store, &mut records, now_ms)?;
    put::<MockHistory>(store, &mut records, now_ms)?;
    put::<ReviewQueue>(store, &mut records, now_ms)?;
    put::<CurrentQuiz>(store, &mut records, now_ms)?;
    put::<CurrentMock>(store, &mut records, now_ms)?;
    put::<MyAssignments>(store, &mut records, now_ms)?;
    put::<Gradebook>(store, &mut records, now_ms)?;
    let file = File { format: FORMAT.into(), version: FORMAT_VERSION, exported_ms: now_ms, app_version: app_version.into(), checksum: checksum(&records), records };
    serde_json::to_string_pretty(&file).map_err(|e| StoreError::Encode { label: "your backup".into(), reason: e.to_string() })
}

fn from_file<R: Record>(file: &File) -> Result<Option<R>, BackupError> {
    let Some(value) = file.records.get(R::KEY) else { return Ok(None) };
    decode_envelope::<R>(&value.to_string()).map(Some).map_err(|reason| BackupError::Damaged { label: R::LABEL.into(), reason })
}

fn current<R: Record>(store: &mut impl Store, now_ms: i64) -> Result<Option<R>, BackupError> {
    store.load::<R>(now_ms).map(Loaded::into_record).map_err(BackupError::Storage)
}

/// The merged record to write, if the import changes it.
type Pending = Vec<(&'static str, String)>;

fn stage<R: Record>(pending: &mut Pending, record: &R) -> Result<(), BackupError> {
    pending.push((R::KEY, encode_envelope(record).map_err(BackupError::Storage)?));
    Ok(())
}

fn merge_into<R: Record + Merge + Default>(store: &mut impl Store, file: &File, now_ms: i64, pending: &mut Pending, size: impl Fn(&R) -> usize) -> Result<usize, BackupError> {
    let Some(theirs) = from_file::<R>(file)? else { return Ok(0) };
    let mut ours = current::<R>(store, now_ms)?.unwrap_or_default();
    let before = size(&ours);
    ours.merge_from(theirs);
    let added = size(&ours) - before;
    if added > 0 {
        stage(pending, &ours)?;
    }
    Ok(added)
}

/// Takes `theirs` only where nothing is here yet (settings, an exam or quiz in progress).
fn fill_in<R: Record>(store: &mut impl Store, file: &File, now_ms: i64, pending: &mut Pending, empty: impl Fn(&R) -> bool) -> Result<(), BackupError> {
    let Some(theirs) = from_file::<R>(file)? else { return Ok(()) };
    if current::<R>(store, now_ms)?.is_none_or(|r| empty(&r)) {
        stage(pending, &theirs)?;
    }
    Ok(())
}

/// Imports a backup file's text, merging it with the progress in `store`.
/// Every record is read and checked before anything is written; if a write
/// fails, the ones already written are put back.
pub fn import(store: &mut impl Store, text: &str, now_ms: i64) -> Result<ImportSummary, BackupError> {
    let file: File = serde_json::from_str(text).map_err(|e| BackupError::NotABackup(e.to_string()))?;
    if file.format != FORMAT {
        return Err(BackupError::NotABackup(format!("its format is {:?}", file.format)));
    }
    if file.version > FORMAT_VERSION {
        return Err(BackupError::NewerFormat { found: file.version });
    }
    if checksum(&file.records) != file.checksum {
        return Err(BackupError::Tampered);
    }
    let mut pending: Pending = Vec::new();
    let mut summary = ImportSummary { skipped: file.records.keys().filter(|k| !KEYS.contains(&k.as_str())).cloned().collect(), ..Default::default() };
    summary.attempts_added = merge_into::<Attempts>(store, &file, now_ms, &mut pending, |a| a.attempts.len())?;
    summary.answers_added = merge_into::<History>(store, &file, now_ms, &mut pending, |h| h.answers.len())?;
    summary.exams_added = merge_into::<MockHistory>(store, &file, now_ms, &mut pending, |m| m.exams.len())?;
    summary.cards_added = merge_into::<ReviewQueue>(store, &file, now_ms, &mut pending, |q| q.cards.len())?;
    summary.assignments_added = merge_into::<MyAssignments>(store, &file, now_ms, &mut pending, |m| m.list.len())?
        + merge_into::<Gradebook>(store, &file, now_ms, &mut pending, |g| g.assignments.len() + g.submissions.len())?;
    fill_in::<Settings>(store, &file, now_ms, &mut pending, |_| false)?;
    fill_in::<CurrentQuiz>(store, &file, now_ms, &mut pending, |q| q.session.is_none())?;
    fill_in::<CurrentMock>(store, &file, now_ms, &mut pending, |m| m.exam.is_none())?;
    // Drafts: charts not drafted here are added.
    if let Some(theirs) = from_file::<Drafts>(&file)? {
        let mut ours = current::<Drafts>(store, now_ms)?.unwrap_or_default();
        let before = ours.drafts.len();
        for d in theirs.drafts {
            if ours.get(&d.scenario, d.seed).is_none() {
                ours.drafts.insert(0, d);
            }
        }
        if ours.drafts.len() > before {
            ours.drafts.truncate(Drafts::KEEP);
            stage(&mut pending, &ours)?;
        }
    }
    write_all(store, &pending).map_err(BackupError::Storage)?;
    Ok(summary)
}

/// Writes every pending record, or none: on a failure the old values return.
fn write_all(store: &mut impl Store, pending: &Pending) -> Result<(), StoreError> {
    let mut old: Vec<(&str, Option<String>)> = Vec::new();
    for (key, text) in pending {
        let previous = store.get_raw(key)?;
        if let Err(e) = store.set_raw(key, text) {
            for (k, v) in old.into_iter().rev() {
                let _ = match v {
                    Some(v) => store.set_raw(k, &v),
                    None => store.remove_raw(k),
                };
            }
            return Err(e);
        }
        old.push((key, previous));
    }
    Ok(())
}

/// Frees storage by compacting the records that keep old detail (practice
/// answers folded into daily totals, old attempts' entered codes dropped).
/// Returns what was dropped, in words, for the notice the user sees.
pub fn compact(store: &mut impl Store, now_ms: i64) -> Result<Vec<String>, StoreError> {
    let mut said = Vec::new();
    if let Some(mut h) = store.load::<History>(now_ms)?.into_record() {
        if let Some(s) = crate::store::Compact::compact(&mut h, now_ms) {
            store.save(&h, now_ms)?;
            said.push(s);
        }
    }
    if let Some(mut a) = store.load::<Attempts>(now_ms)?.into_record() {
        if let Some(s) = crate::store::Compact::compact(&mut a, now_ms) {
            store.save(&a, now_ms)?;
            said.push(s);
        }
    }
    Ok(said)
}

/// Deletes all progress (what a backup holds, and the backup reminder).
/// Quarantined data stays until deleted in Settings. Returns how many
/// records were removed.
pub fn reset(store: &mut impl Store) -> Result<usize, StoreError> {
    let mut n = 0;
    for key in KEYS.iter().chain(std::iter::once(&BackupStatus::KEY)) {
        if store.get_raw(key)?.is_some() {
            store.remove_raw(key)?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempts::Attempt;
    use crate::grading::{Answer, Skills};
    use crate::history::Answered;
    use crate::store::MemoryStore;

    fn attempt(seed: u64, at_ms: i64) -> Attempt {
        Attempt { scenario: "x".into(), seed, at_ms, points: 5.0, possible: 10.0, answer: Answer::default(), your_drg: 0, correct_drg: 0, seconds: 60, skills: Skills::default() }
    }

    fn answered(item: &str, at_ms: i64) -> Answered {
        Answered { item: item.into(), domain: 1, correct: false, at_ms, seconds: 5 }
    }

    fn device(attempts: &[(u64, i64)], answers: &[(&str, i64)], name: &str) -> MemoryStore {
        let mut s = MemoryStore::new();
        s.save(&Attempts { attempts: attempts.iter().map(|&(a, b)| attempt(a, b)).collect() }, 0).unwrap();
        s.save(&History { answers: answers.iter().map(|&(i, t)| answered(i, t)).collect(), ..Default::default() }, 0).unwrap();
        s.save(&Settings { display_name: name.into(), ..Default::default() }, 0).unwrap();
        s
    }

    #[test]
    fn export_then_import_merges_both_sides_and_counts_each_attempt_once() {
        let mut laptop = device(&[(1, 10), (2, 20)], &[("a", 1), ("b", 2)], "Laptop");
        let mut phone = device(&[(2, 20), (3, 30)], &[("b", 2), ("c", 3)], "Phone");
        let file = export(&mut phone, 100, "0.1.0").unwrap();
        let summary = import(&mut laptop, &file, 200).unwrap();
        assert_eq!((summary.attempts_added, summary.answers_added), (1, 1));
        assert!(summary.describe().starts_with("Imported 1 coding attempts, 1 practice answers"));
        let merged = laptop.load::<Attempts>(0).unwrap().into_record().unwrap();
        assert_eq!(merged.attempts.iter().map(|a| a.seed).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(laptop.load::<History>(0).unwrap().into_record().unwrap().answers.len(), 3);
        assert_eq!(laptop.load::<Settings>(0).unwrap().into_record().unwrap().display_name, "Laptop", "settings here are kept");
        // Importing the same file again adds nothing.
        let again = import(&mut laptop, &file, 300).unwrap();
        assert_eq!((again.attempts_added, again.answers_added), (0, 0));
        // Into an empty browser, everything arrives, settings too.
        let mut fresh = MemoryStore::new();
        import(&mut fresh, &file, 0).unwrap();
        assert_eq!(fresh.load::<Settings>(0).unwrap().into_record().unwrap().display_name, "Phone");
        assert_eq!(fresh.load::<Attempts>(0).unwrap().into_record().unwrap().attempts.len(), 2);
    }

    #[test]
    fn bad_files_are_refused_and_change_nothing() {
        let mut phone = device(&[(3, 30)], &[("c", 3)], "Phone");
        let file = export(&mut phone, 100, "0.1.0").unwrap();
        let mut laptop = device(&[(1, 10)], &[("a", 1)], "Laptop");
        let before = laptop.clone();
        let same = |s: &MemoryStore| {
            let keys = s.keys().unwrap();
            keys == before.keys().unwrap() && keys.iter().all(|k| s.get_raw(k).unwrap() == before.get_raw(k).unwrap())
        };
        let check = |text: &str, want: fn(&BackupError) -> bool| {
            let mut target = laptop.clone();
            let err = import(&mut target, text, 0).unwrap_err();
            assert!(want(&err), "{err:?}");
            assert!(same(&target), "a refused import changed storage");
            assert!(!err.to_string().is_empty());
        };
        check("not json at all", |e| matches!(e, BackupError::NotABackup(_)));
        check(r#"{"hello": 1}"#, |e| matches!(e, BackupError::NotABackup(_)));
        check(&file.replace("\"hit-trainer-backup\"", "\"other-app\""), |e| matches!(e, BackupError::NotABackup(_)));
        check(&file.replace("\"version\": 1", "\"version\": 9"), |e| matches!(e, BackupError::NewerFormat { found: 9 }));
        // Tampering: one number changed.
        check(&file.replacen("\"Phone\"", "\"Hacker\"", 1), |e| matches!(e, BackupError::Tampered));
        // A damaged record inside a file whose checksum was recomputed.
        let mut parsed: File = serde_json::from_str(&file).unwrap();
        parsed.records.insert(Attempts::KEY.into(), serde_json::json!({"schema": 2, "data": {"a": [["bad"]]}}));
        parsed.checksum = checksum(&parsed.records);
        check(&serde_json::to_string(&parsed).unwrap(), |e| matches!(e, BackupError::Damaged { .. }));
        // A full disk midway puts back what was written.
        let mut tight = MemoryStore::with_capacity(laptop.used() + 40);
        for k in laptop.keys().unwrap() {
            tight.set_raw(&k, &laptop.get_raw(&k).unwrap().unwrap()).unwrap();
        }
        let err = import(&mut tight, &file, 0).unwrap_err();
        assert!(matches!(err, BackupError::Storage(StoreError::QuotaExceeded { .. })), "{err:?}");
        assert!(same(&tight));
        laptop.save(&Settings::default(), 0).unwrap();
    }

    #[test]
    fn a_full_store_is_compacted_and_the_next_save_fits() {
        const DAY: i64 = 86_400_000;
        let now = 400 * DAY;
        let mut s = MemoryStore::new();
        let old: Vec<Answered> = (0..3000).map(|i| Answered { item: format!("item-{}", i % 40), domain: 2, correct: i % 2 == 0, at_ms: i * 60_000, seconds: 20 }).collect();
        s.save(&History { answers: old, ..Default::default() }, 0).unwrap();
        let attempts: Vec<Attempt> = (0..700).map(|i| Attempt { answer: Answer { diagnoses: vec![crate::grading::AnswerCode { code: "J18.9".into(), poa: Some("Y".into()) }], procedures: vec![] }, ..attempt(i, i as i64) }).collect();
        s.save(&Attempts { attempts }, 0).unwrap();
        let used = s.used();
        let mut full = MemoryStore::with_capacity(used + 100);
        for k in s.keys().unwrap() {
            full.set_raw(&k, &s.get_raw(&k).unwrap().unwrap()).unwrap();
        }
        let more = ReviewQueue { cards: (0..20).map(|i| (format!("q:item-{i}"), crate::fsrs::Card::default())).collect() };
        assert!(matches!(full.save(&more, now), Err(StoreError::QuotaExceeded { .. })));
        let said = compact(&mut full, now).unwrap();
        assert_eq!(said.len(), 2, "{said:?}");
        full.save(&more, now).unwrap();
        let h = full.load::<History>(now).unwrap().into_record().unwrap();
        assert_eq!(h.answers.len(), 40, "the latest answer to each item stays");
        assert_eq!(h.by_day().values().map(|d| d.answered).sum::<u32>(), 3000, "every answer still counts in the totals");
        assert_eq!(compact(&mut full, now).unwrap(), Vec::<String>::new());
    }

    /// What the app does when a merged save hits the quota: compact the
    /// stored copies, compact its own copy (which holds the change being
    /// saved) the same way, and save merged again. The change survives and
    /// no folded answer counts twice.
    #[test]
    fn a_change_pending_when_storage_fills_survives_compaction() {
        const DAY: i64 = 86_400_000;
        let now = 400 * DAY;
        let old: Vec<Answered> = (0..3000).map(|i| Answered { item: format!("item-{}", i % 40), domain: 2, correct: i % 2 == 0, at_ms: i * 60_000, seconds: 20 }).collect();
        let mut s = MemoryStore::new();
        s.save(&History { answers: old, ..Default::default() }, 0).unwrap();
        let mut full = MemoryStore::with_capacity(s.used() + 20);
        full.set_raw(History::KEY, &s.get_raw(History::KEY).unwrap().unwrap()).unwrap();
        let mut mine = full.load::<History>(now).unwrap().into_record().unwrap();
        mine.answers.push(Answered { item: "new-item".into(), domain: 3, correct: true, at_ms: now, seconds: 40 });
        assert!(matches!(full.save_merged(&mut mine.clone(), now), Err(StoreError::QuotaExceeded { .. })));
        assert_eq!(compact(&mut full, now).unwrap().len(), 1);
        crate::store::Compact::compact(&mut mine, now);
        full.save_merged(&mut mine, now).unwrap();
        let h = full.load::<History>(now).unwrap().into_record().unwrap();
        assert!(h.answers.iter().any(|a| a.item == "new-item"), "the pending answer was saved");
        assert_eq!(h.by_day().values().map(|d| d.answered).sum::<u32>(), 3001);
    }

    #[test]
    fn assignments_and_the_gradebook_travel_in_a_backup() {
        use crate::assignment::{Assignment, Gradebook, MyAssignments};
        let a = Assignment { title: "Week 1".into(), questions: vec!["calc-alos-1".into()], ..Default::default() };
        let mut here = device(&[], &[], "A");
        let mut mine = MyAssignments::default();
        mine.add(a.clone(), 5);
        mine.record_answer(&a.id(), "calc-alos-1", &[2]);
        here.save(&mine, 0).unwrap();
        let mut book = Gradebook::default();
        book.add_assignment(Assignment { title: "Made here".into(), ..a.clone() });
        here.save(&book, 0).unwrap();
        let text = export(&mut here, 10, "test").unwrap();
        let mut there = MemoryStore::new();
        let summary = import(&mut there, &text, 20).unwrap();
        assert_eq!(summary.assignments_added, 2);
        assert_eq!(there.load::<MyAssignments>(0).unwrap().into_record().unwrap(), mine);
        assert_eq!(there.load::<Gradebook>(0).unwrap().into_record().unwrap(), book);
        assert_eq!(import(&mut there, &text, 30).unwrap().assignments_added, 0, "the same file twice adds nothing");
        assert_eq!(reset(&mut there).unwrap(), 3, "settings, assignments, gradebook");
    }

    #[test]
    fn reset_removes_progress_but_not_quarantine() {
        let mut s = device(&[(1, 1)], &[("a", 1)], "A");
        s.save(&BackupStatus { last_export_ms: Some(5) }, 0).unwrap();
        s.set_raw("hit.quarantine.5.hit.settings", "x").unwrap();
        assert_eq!(reset(&mut s).unwrap(), 4);
        assert_eq!(s.keys().unwrap(), ["hit.quarantine.5.hit.settings"]);
    }
}
