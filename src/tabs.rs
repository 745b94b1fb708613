//! Several tabs at once: when another tab of this app writes a record, the
//! browser fires a `storage` event here, and the record is taken in: merged
//! into this tab's copy for the records both may add to (so neither tab's
//! entries are lost when this one saves next), replaced for the others.

use hit_core::assignment::{Gradebook, MyAssignments};
use hit_core::attempts::{Attempts, Drafts};
use hit_core::backup::BackupStatus;
use hit_core::history::History;
use hit_core::mock::{CurrentMock, MockHistory};
use hit_core::quiz::CurrentQuiz;
use hit_core::review::ReviewQueue;
use hit_core::settings::Settings;
use hit_core::store::{Merge, QUARANTINE_PREFIX, Record};
use leptos::prelude::*;

use crate::state::AppState;

/// Listens for the whole life of the page.
pub fn follow_other_tabs(state: AppState) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        match ev.key() {
            // `localStorage.clear()` elsewhere: take everything again.
            None => reload_all(&state),
            Some(key) => take(&state, &key, ev.new_value().is_none()),
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

fn take(state: &AppState, key: &str, removed: bool) {
    match key {
        Attempts::KEY => merge(state, state.attempts, removed),
        History::KEY => merge(state, state.history, removed),
        MockHistory::KEY => merge(state, state.mocks, removed),
        ReviewQueue::KEY => merge(state, state.review, removed),
        Settings::KEY => state.reload(state.settings),
        Drafts::KEY => state.reload(state.drafts),
        CurrentQuiz::KEY => state.reload(state.quiz),
        CurrentMock::KEY => state.reload(state.mock),
        BackupStatus::KEY => state.reload(state.backup_status),
        // Replaced, not merged: removing an assignment must hold in every tab.
        // This tab's additions are saved merged, so none is lost.
        MyAssignments::KEY => state.reload(state.assignments),
        Gradebook::KEY => state.reload(state.gradebook),
        k if k.starts_with(QUARANTINE_PREFIX) => state.refresh_quarantine(),
        _ => {}
    }
}

/// A removed record (the other tab reset its progress) is cleared here too.
fn merge<R: Record + Merge + Default + Send + Sync + 'static>(state: &AppState, signal: RwSignal<R>, removed: bool) {
    if removed {
        signal.set(R::default());
    } else if let Some(theirs) = state.load::<R>() {
        signal.update(|ours| ours.merge_from(theirs));
    }
}

pub fn reload_all(state: &AppState) {
    state.reload(state.settings);
    state.reload(state.attempts);
    state.reload(state.history);
    state.reload(state.mocks);
    state.reload(state.review);
    state.reload(state.drafts);
    state.reload(state.quiz);
    state.reload(state.mock);
    state.reload(state.backup_status);
    state.reload(state.assignments);
    state.reload(state.gradebook);
    state.refresh_quarantine();
}
