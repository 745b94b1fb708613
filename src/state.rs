//! Shared app state: signals in context, reached through [`use_app`].
//!
//! Saving goes through here so that every write reports its failure to the
//! user and every quarantined record is announced.

use hit_core::assignment::{Gradebook, MyAssignments};
use hit_core::attempts::{Attempt, Attempts, Drafts};
use hit_core::backup::BackupStatus;
use hit_core::review::ReviewQueue;
use hit_core::grading::Answer;
use hit_core::mock::{CurrentMock, MockHistory};
use hit_core::quiz::{CurrentQuiz, History};
use hit_core::content::{Content, ContentError};
use hit_core::settings::Settings;
use hit_core::store::{Compact, Loaded, Merge, QuarantineNotice, QuarantinedEntry, Record, Store, StoreError};
use leptos::prelude::*;

use crate::browser::now_ms;
use crate::codebook::CodesStatus;
use crate::storage::LocalStore;

/// Something the user must be told about storage or content.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A record could not be read and was moved aside.
    Quarantined(QuarantineNotice),
    /// Storage refused a read or a write.
    Storage(StoreError),
    /// The bundled content failed validation (a build problem).
    Content(Vec<ContentError>),
    /// Storage was full, so old detail was compacted (what, in words).
    Compacted(Vec<String>),
}

/// A notice with an id, so it can be dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Posted {
    pub id: u32,
    pub notice: Notice,
}

/// Everything components share. Cheap to copy: signals are handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: RwSignal<Settings>,
    pub notices: RwSignal<Vec<Posted>>,
    /// Quarantined records, as listed in Settings.
    pub quarantine: RwSignal<Vec<QuarantinedEntry>>,
    pub content: StoredValue<Option<Content>>,
    /// The code sets, loaded on first use (see [`crate::codebook`]).
    pub codes: RwSignal<CodesStatus>,
    /// Graded coding attempts, oldest first.
    pub attempts: RwSignal<Attempts>,
    /// Unfinished coding per chart.
    pub drafts: RwSignal<Drafts>,
    /// Every practice answer and the flagged items.
    pub history: RwSignal<History>,
    /// The quiz being taken, if any.
    pub quiz: RwSignal<CurrentQuiz>,
    /// The mock exam being taken, if any.
    pub mock: RwSignal<CurrentMock>,
    /// Submitted mock exams, oldest first.
    pub mocks: RwSignal<MockHistory>,
    /// Missed questions and codes, scheduled for review.
    pub review: RwSignal<ReviewQueue>,
    pub backup_status: RwSignal<BackupStatus>,
    /// Assignments this student has opened.
    pub assignments: RwSignal<MyAssignments>,
    /// Assignments this instructor made, and the submissions imported.
    pub gradebook: RwSignal<Gradebook>,
    next_notice: StoredValue<u32>,
}

/// The app state provided by [`provide_app`].
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Loads persisted state and bundled content, and provides them as context.
pub fn provide_app() -> AppState {
    let state = AppState {
        settings: RwSignal::new(Settings::default()),
        notices: RwSignal::new(Vec::new()),
        quarantine: RwSignal::new(Vec::new()),
        content: StoredValue::new(None),
        codes: RwSignal::new(CodesStatus::Idle),
        attempts: RwSignal::new(Attempts::default()),
        drafts: RwSignal::new(Drafts::default()),
        history: RwSignal::new(History::default()),
        quiz: RwSignal::new(CurrentQuiz::default()),
        mock: RwSignal::new(CurrentMock::default()),
        mocks: RwSignal::new(MockHistory::default()),
        review: RwSignal::new(ReviewQueue::default()),
        backup_status: RwSignal::new(BackupStatus::default()),
        assignments: RwSignal::new(MyAssignments::default()),
        gradebook: RwSignal::new(Gradebook::default()),
        next_notice: StoredValue::new(0),
    };
    match hit_core::content::bundled() {
        Ok(content) => state.content.set_value(Some(content)),
        Err(errors) => state.post(Notice::Content(errors)),
    }
    // Every record, as a storage event for all of them would take it in.
    crate::tabs::reload_all(&state);
    crate::tabs::follow_other_tabs(state);
    provide_context(state);
    state
}

impl AppState {
    pub fn post(&self, notice: Notice) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|list| list.push(Posted { id, notice }));
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|list| list.retain(|p| p.id != id));
    }

    /// Applies `change` to the settings and saves them. The change holds for
    /// this tab even when saving fails; the failure is posted as a notice.
    /// Returns whether the save succeeded.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) -> bool {
        self.settings.update(change);
        self.settings.with_untracked(|s| self.persist(s))
    }

    /// Adds a graded attempt to the history and saves it. The attempt stays
    /// in this tab's history even if saving fails (the failure is posted).
    pub fn record_attempt(&self, attempt: Attempt) -> bool {
        self.change_merged(self.attempts, |a| a.attempts.push(attempt))
    }

    /// Keeps unfinished coding for a chart, so a reload or a detour loses nothing.
    pub fn save_draft(&self, scenario: &str, seed: u64, answer: &Answer) -> bool {
        self.drafts.update(|d| d.put(scenario, seed, answer));
        self.drafts.with_untracked(|d| self.persist(d))
    }

    /// Applies `change` to a record's signal and saves the record. As with
    /// settings, the change holds for this tab even when saving fails.
    pub fn change<R: Record + Send + Sync + 'static>(&self, signal: RwSignal<R>, change: impl FnOnce(&mut R)) -> bool {
        signal.update(change);
        signal.with_untracked(|r| self.persist(r))
    }

    /// Like [`AppState::change`] for records other tabs may write too: what
    /// is stored is merged in before saving, so no tab's entries are lost.
    pub fn change_merged<R: Record + Merge + Clone + PartialEq + Send + Sync + 'static>(&self, signal: RwSignal<R>, change: impl FnOnce(&mut R)) -> bool {
        signal.update(change);
        self.save_merged(signal)
    }

    pub fn save_merged<R: Record + Merge + Clone + PartialEq + Send + Sync + 'static>(&self, signal: RwSignal<R>) -> bool {
        let mut record = signal.get_untracked();
        let mut result = LocalStore.save_merged(&mut record, now_ms());
        if matches!(result, Err(StoreError::QuotaExceeded { .. })) && self.compact_storage() {
            record = signal.get_untracked();
            result = LocalStore.save_merged(&mut record, now_ms());
        }
        // The merge may have brought in another tab's entries.
        if signal.with_untracked(|r| *r != record) {
            signal.set(record);
        }
        self.report(result)
    }

    /// Frees storage by compacting old detail; tells the user what went.
    /// Returns whether anything was freed.
    fn compact_storage(&self) -> bool {
        match hit_core::backup::compact(&mut LocalStore, now_ms()) {
            Ok(said) if !said.is_empty() => {
                // Compact this tab's copies the same way rather than reloading
                // them: they may hold the very change being saved.
                let now = now_ms();
                self.history.update(|h| {
                    Compact::compact(h, now);
                });
                self.attempts.update(|a| {
                    Compact::compact(a, now);
                });
                self.post(Notice::Compacted(said));
                true
            }
            Ok(_) => false,
            Err(error) => {
                self.post(Notice::Storage(error));
                false
            }
        }
    }

    /// Replaces a signal with what is stored (or the default if nothing is).
    pub fn reload<R: Record + Default + Send + Sync + 'static>(&self, signal: RwSignal<R>) {
        signal.set(self.load::<R>().unwrap_or_default());
    }

    /// Saves a record's signal as it stands (after an `update` elsewhere).
    pub fn save<R: Record + Send + Sync + 'static>(&self, signal: RwSignal<R>) -> bool {
        signal.with_untracked(|r| self.persist(r))
    }

    /// A stored record, posting a notice if it was quarantined or unreadable.
    pub fn load<R: Record>(&self) -> Option<R> {
        match LocalStore.load::<R>(now_ms()) {
            Ok(loaded @ (Loaded::Found(_) | Loaded::Migrated { .. })) => loaded.into_record(),
            Ok(Loaded::Missing) => None,
            Ok(Loaded::Quarantined(notice)) => {
                self.post(Notice::Quarantined(notice));
                None
            }
            Err(error) => {
                self.post(Notice::Storage(error));
                None
            }
        }
    }

    /// Saves a record, reporting every failure as a notice. When storage is
    /// full, old detail is compacted and the save tried once more.
    fn persist<R: Record>(&self, record: &R) -> bool {
        let mut saved = LocalStore.save(record, now_ms());
        if matches!(saved, Err(StoreError::QuotaExceeded { .. })) && self.compact_storage() {
            saved = LocalStore.save(record, now_ms());
        }
        self.report(saved)
    }

    fn report(&self, saved: Result<Option<QuarantineNotice>, StoreError>) -> bool {
        match saved {
            Ok(notice) => {
                if let Some(notice) = notice {
                    self.post(Notice::Quarantined(notice));
                    self.refresh_quarantine();
                }
                // A successful save supersedes earlier write failures.
                self.notices.update(|list| list.retain(|p| !matches!(p.notice, Notice::Storage(_))));
                true
            }
            Err(error) => {
                self.post(Notice::Storage(error));
                false
            }
        }
    }

    pub fn refresh_quarantine(&self) {
        match LocalStore.quarantined() {
            Ok(entries) => self.quarantine.set(entries),
            Err(error) => self.post(Notice::Storage(error)),
        }
    }

    /// Deletes a quarantined record for good (the user asked to).
    pub fn discard_quarantined(&self, key: &str) {
        if let Err(error) = LocalStore.remove_raw(key) {
            self.post(Notice::Storage(error));
        }
        self.notices.update(|list| {
            list.retain(|p| !matches!(&p.notice, Notice::Quarantined(n) if n.quarantine_key == key))
        });
        self.refresh_quarantine();
    }
}
