//! Starting, answering and finishing quizzes and mock exams: the glue
//! between the exam pages and `hit_core::{quiz, mock}`. Every step saves
//! through [`AppState::change`], so a reload resumes where the user was and
//! a failed save is reported, never silent.

use hit_core::exam::{Bank, Item};
use hit_core::mock::{self, MockError, MockExam};
use hit_core::quiz::{self, Session};
use leptos::prelude::*;

use crate::browser::{now_ms, random_seed};
use crate::state::AppState;

/// Runs `f` with the bundled question bank (empty if content failed to load,
/// which is announced separately).
pub fn with_bank<T>(state: &AppState, f: impl FnOnce(&Bank) -> T) -> T {
    state.content.with_value(|c| match c {
        Some(c) => f(&c.bank),
        None => f(&Bank::default()),
    })
}

/// An item by id: from the bank, or a generated calculation.
pub fn item(state: &AppState, id: &str) -> Option<Item> {
    with_bank(state, |b| quiz::item(b, id).map(|c| c.into_owned()))
}

/// The text of the scenario set an item belongs to, if any.
pub fn case_of(state: &AppState, item: &Item) -> Option<(String, String)> {
    let set = item.set.as_ref()?;
    with_bank(state, |b| b.sets.iter().find(|s| &s.id == set).map(|s| (s.title.clone(), s.case.clone())))
}

/// Replaces any quiz in progress with a new one over `ids`. Returns false
/// when there is nothing to ask.
pub fn start_quiz(state: &AppState, title: &str, ids: Vec<String>) -> bool {
    start_session(state, title, ids, None)
}

/// Starts the quiz of an assignment's unanswered questions.
pub fn start_assignment_quiz(state: &AppState, id: &str) -> bool {
    let Some((title, ids)) = state.assignments.with_untracked(|m| m.get(id).map(|r| (format!("Assignment: {}", r.assignment.title), r.unanswered()))) else {
        return false;
    };
    start_session(state, &title, ids, Some(id.to_string()))
}

fn start_session(state: &AppState, title: &str, ids: Vec<String>, assignment: Option<String>) -> bool {
    if ids.is_empty() {
        return false;
    }
    let session = Session { assignment, ..Session::new(title, ids, random_seed(), now_ms()) };
    state.change(state.quiz, |q| q.session = Some(session));
    true
}

/// Answers the current quiz's item at `pos`; the answer also goes into the
/// history. Returns whether it was right.
pub fn answer_quiz(state: &AppState, pos: usize, chosen: Vec<usize>, seconds: u32) -> Option<bool> {
    let mut result = None;
    let now = now_ms();
    with_bank(state, |bank| {
        state.quiz.update(|q| {
            if let Some(s) = q.session.as_mut() {
                state.history.update(|h| result = s.answer(bank, h, pos, chosen, now, seconds));
            }
        });
    });
    if let Some(correct) = result {
        let (id, assignment, chosen) = state
            .quiz
            .with_untracked(|q| q.session.as_ref().map(|s| (s.ids.get(pos).cloned().unwrap_or_default(), s.assignment.clone(), s.answers.get(&pos).cloned().unwrap_or_default())))
            .unwrap_or_default();
        if let Some(assignment) = assignment {
            state.change_merged(state.assignments, |m| m.record_answer(&assignment, &id, &chosen));
        }
        let params = state.settings.with_untracked(|s| s.review_params());
        state.change_merged(state.review, |r| r.record_answer(&id, correct, now, &params));
        state.save_merged(state.history);
        state.save(state.quiz);
    }
    result
}

/// Moves the quiz to position `pos`.
pub fn quiz_go_to(state: &AppState, pos: usize) {
    state.change(state.quiz, |q| {
        if let Some(s) = q.session.as_mut() {
            // One past the last item is the summary.
            s.current = pos.min(s.ids.len());
        }
    });
}

pub fn end_quiz(state: &AppState) {
    state.change(state.quiz, |q| q.session = None);
}

/// Flags or unflags an item for review; returns whether it is now flagged.
pub fn toggle_flag(state: &AppState, id: &str) -> bool {
    let mut flagged = false;
    let now = now_ms();
    state.change_merged(state.history, |h| flagged = h.toggle_flag(id, now));
    flagged
}

/// Starts a mock exam, unless one is already under way.
pub fn start_mock(state: &AppState) -> Result<(), MockError> {
    if state.mock.with_untracked(|m| m.exam.is_some()) {
        return Ok(());
    }
    let exam = state.content.with_value(|c| match c {
        Some(c) => mock::assemble(&c.bank, &c.blueprint, random_seed(), now_ms()),
        None => Err(MockError::BankTooSmall { domain: 1, have: 0, need: 1 }),
    })?;
    state.change(state.mock, |m| m.exam = Some(exam));
    Ok(())
}

/// Applies `f` to the mock exam in progress and saves it.
pub fn change_mock(state: &AppState, f: impl FnOnce(&mut MockExam)) {
    state.change(state.mock, |m| {
        if let Some(exam) = m.exam.as_mut() {
            f(exam);
        }
    });
}

/// Submits the mock exam in progress (by the candidate, or by the clock when
/// `now` is past the deadline): it moves to the results and its answers go
/// into the practice history. Returns the result's number (1-based), or
/// `None` if the results could not be saved (a notice says why).
///
/// The exam in progress is cleared only once the results are saved; if
/// saving fails it stays, submitted, and [`settle_mock`] retries later.
pub fn finish_mock(state: &AppState, seconds_on_current: u32) -> Option<usize> {
    let mut exam = state.mock.with_untracked(|m| m.exam.clone())?;
    exam.submit(now_ms(), seconds_on_current);
    state.mocks.update(|h| h.exams.push(exam.clone()));
    if state.save_merged(state.mocks) {
        // The merge may have added another tab's exams: find this one.
        let number = state.mocks.with_untracked(|h| h.exams.iter().position(|e| e.seed == exam.seed && e.started_ms == exam.started_ms)).map_or(0, |i| i + 1);
        with_bank(state, |bank| state.history.update(|h| mock::record_answers(&exam, bank, h)));
        state.save_merged(state.history);
        let params = state.settings.with_untracked(|s| s.review_params());
        let at = exam.submitted_ms.unwrap_or(exam.deadline_ms);
        let answers: Vec<(String, bool)> = with_bank(state, |bank| {
            exam.answers.iter().filter_map(|(&i, chosen)| exam.slots.get(i).and_then(|s| quiz::item(bank, &s.item)).map(|it| (it.id.clone(), it.is_correct(chosen)))).collect()
        });
        state.change_merged(state.review, |r| answers.iter().for_each(|(id, ok)| r.record_answer(id, *ok, at, &params)));
        state.change(state.mock, |m| m.exam = None);
        Some(number)
    } else {
        state.mocks.update(|h| {
            h.exams.pop();
        });
        state.change(state.mock, |m| m.exam = Some(exam));
        None
    }
}

/// Finishes an exam whose time ran out while the tab was closed, or whose
/// results could not be saved before. Returns its result number if so.
pub fn settle_mock(state: &AppState) -> Option<usize> {
    let over = state.mock.with_untracked(|m| m.exam.as_ref().is_some_and(|e| e.is_over(now_ms())));
    if over { finish_mock(state, 0) } else { None }
}
