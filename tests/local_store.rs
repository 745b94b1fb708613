//! The LocalStorage-backed store in a real browser (headless Chromium via
//! wasm-bindgen-test-runner). The typed logic is tested natively in
//! hit-core; these check that the browser behaves as the in-memory model.
#![cfg(target_arch = "wasm32")]

use hit_core::settings::{Settings, ThemeChoice};
use hit_core::store::{Loaded, Store, StoreError};
use hit_trainer::storage::LocalStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
fn settings_round_trip_through_local_storage() {
    clear();
    let mut store = LocalStore;
    let settings = Settings { theme: ThemeChoice::Dark, display_name: "Grace".into(), ..Default::default() };
    assert_eq!(store.save(&settings, 1).unwrap(), None);
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("hit.settings").unwrap();
    assert_eq!(raw.as_deref(), Some(r#"{"schema":1,"data":{"theme":"dark","display_name":"Grace","drg_base_rate":6500,"review_retention":90}}"#));
    assert_eq!(store.load::<Settings>(2).unwrap(), Loaded::Found(settings));
}

#[wasm_bindgen_test]
fn corrupt_record_is_quarantined_in_local_storage() {
    clear();
    let mut store = LocalStore;
    store.set_raw("hit.settings", "{broken").unwrap();
    let Loaded::Quarantined(notice) = store.load::<Settings>(1_234).unwrap() else {
        panic!("expected quarantine");
    };
    assert_eq!(notice.quarantine_key, "hit.quarantine.1234.hit.settings");
    assert_eq!(store.get_raw("hit.settings").unwrap(), None);
    let listed = store.quarantined().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].raw, "{broken");
}

#[wasm_bindgen_test]
fn keys_lists_only_this_apps_keys() {
    clear();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("someone-else", "x").unwrap();
    let mut store = LocalStore;
    store.set_raw("hit.b", "1").unwrap();
    store.set_raw("hit.a", "2").unwrap();
    assert_eq!(store.keys().unwrap(), ["hit.a", "hit.b"]);
    store.remove_raw("hit.a").unwrap();
    assert_eq!(store.keys().unwrap(), ["hit.b"]);
    assert_eq!(storage.get_item("someone-else").unwrap().as_deref(), Some("x"));
}

#[wasm_bindgen_test]
fn full_storage_reports_quota_exceeded_and_keeps_the_old_value() {
    clear();
    let mut store = LocalStore;
    let settings = Settings { theme: ThemeChoice::Light, display_name: "Kept".into(), ..Default::default() };
    store.save(&settings, 0).unwrap();
    // Fill the origin's quota (5 to 10 MiB in Chromium) with 1 MiB chunks.
    let chunk = "x".repeat(1 << 20);
    let mut filled = 0;
    let error = loop {
        match store.set_raw(&format!("hit.filler.{filled}"), &chunk) {
            Ok(()) => filled += 1,
            Err(e) => break e,
        }
        assert!(filled < 64, "storage never filled up");
    };
    assert!(matches!(error, StoreError::QuotaExceeded { .. }), "{error:?}");
    // Top up with 1 KiB pieces, leaving less than 1 KiB free.
    let small = "y".repeat(1 << 10);
    let mut extra = 0;
    while store.set_raw(&format!("hit.filler.small.{extra}"), &small).is_ok() {
        extra += 1;
        assert!(extra < 20_000, "storage never filled up");
    }
    let bigger = Settings { display_name: "z".repeat(4 << 10), ..settings.clone() };
    let error = store.save(&bigger, 0).unwrap_err();
    assert!(matches!(error, StoreError::QuotaExceeded { ref label } if label == "your settings"), "{error:?}");
    assert!(error.to_string().contains("storage for this site is full"));
    assert_eq!(store.load::<Settings>(0).unwrap(), Loaded::Found(settings));
    clear();
}

#[wasm_bindgen_test]
fn graded_attempts_and_drafts_survive_in_local_storage() {
    use hit_core::attempts::{Attempt, Attempts, Drafts};
    use hit_core::grading::{Answer, AnswerCode};
    clear();
    let mut store = LocalStore;
    let answer = Answer { diagnoses: vec![AnswerCode { code: "K35.80".into(), poa: Some("Y".into()) }], procedures: vec![] };
    let history = Attempts {
        attempts: vec![Attempt { scenario: "lap-appendectomy".into(), seed: 7, at_ms: 5, points: 4.0, possible: 7.0, answer: answer.clone(), your_drg: 393, correct_drg: 399, seconds: 240, skills: Default::default() }],
    };
    store.save(&history, 10).unwrap();
    let mut drafts = Drafts::default();
    drafts.put("lap-appendectomy", 7, &answer);
    store.save(&drafts, 11).unwrap();
    assert_eq!(store.load::<Attempts>(12).unwrap(), Loaded::Found(history));
    let Loaded::Found(back) = store.load::<Drafts>(13).unwrap() else { panic!("drafts did not load") };
    assert_eq!(back.get("lap-appendectomy", 7), Some(&answer));
    // A damaged history is set aside, not overwritten by the next save.
    store.set_raw("hit.coding-attempts", "[oops").unwrap();
    assert!(matches!(store.load::<Attempts>(14).unwrap(), Loaded::Quarantined(_)));
    assert_eq!(store.quarantined().unwrap()[0].raw, "[oops");
}

#[wasm_bindgen_test]
fn exam_answers_and_a_mock_exam_in_progress_survive_in_local_storage() {
    use hit_core::mock::{CurrentMock, MockHistory, assemble};
    use hit_core::quiz::{CurrentQuiz, History, Session};
    clear();
    let mut store = LocalStore;
    let content = hit_core::content::bundled().unwrap();
    let mut exam = assemble(&content.bank, &content.blueprint, 42, 1_000).unwrap();
    exam.answer(0, vec![1], 2_000);
    exam.toggle_flag(3);
    exam.go_to(7, 30);
    let current = CurrentMock { exam: Some(exam.clone()) };
    store.save(&current, 3_000).unwrap();
    assert_eq!(store.load::<CurrentMock>(4_000).unwrap(), Loaded::Found(current));
    // Compact enough to keep many: a whole exam in progress is a few kilobytes.
    let raw = store.get_raw("hit.mock-exam").unwrap().unwrap();
    assert!(raw.len() < 12_000, "{} bytes", raw.len());

    let mut history = History::default();
    let mut session = Session::new("Quick 10", hit_core::quiz::quick_ten(&content.bank, &history, 5), 9, 1_000);
    let first = hit_core::quiz::item(&content.bank, &session.ids[0]).unwrap().into_owned();
    session.answer(&content.bank, &mut history, 0, first.answer(), 2_000, 12).unwrap();
    store.save(&history, 5_000).unwrap();
    store.save(&CurrentQuiz { session: Some(session.clone()) }, 5_000).unwrap();
    store.save(&MockHistory { exams: vec![exam] }, 5_000).unwrap();
    assert_eq!(store.load::<History>(6_000).unwrap(), Loaded::Found(history));
    assert_eq!(store.load::<CurrentQuiz>(6_000).unwrap(), Loaded::Found(CurrentQuiz { session: Some(session) }));
    assert!(matches!(store.load::<MockHistory>(6_000).unwrap(), Loaded::Found(h) if h.exams.len() == 1));
    // A tampered exam is quarantined with its text kept.
    store.set_raw("hit.mock-exam", "{\"schema\":1,\"data\":{\"exam\":{\"seed\":\"x\"}}}").unwrap();
    assert!(matches!(store.load::<CurrentMock>(7_000).unwrap(), Loaded::Quarantined(_)));
    assert!(store.quarantined().unwrap().iter().any(|q| q.raw.contains("\"seed\":\"x\"")));
}

#[wasm_bindgen_test]
fn two_tabs_saving_through_local_storage_keep_both_sides() {
    use hit_core::history::{Answered, History};
    clear();
    let mut store = LocalStore;
    let answer = |item: &str, at_ms: i64| Answered { item: item.into(), domain: 1, correct: true, at_ms, seconds: 9 };
    // Each "tab" holds its own copy and saves through the same storage.
    let mut one = History { answers: vec![answer("a", 1)], ..Default::default() };
    let mut two = History { answers: vec![answer("b", 2)], ..Default::default() };
    store.save_merged(&mut one, 10).unwrap();
    store.save_merged(&mut two, 11).unwrap();
    one.answers.push(answer("c", 3));
    store.save_merged(&mut one, 12).unwrap();
    let Loaded::Found(stored) = store.load::<History>(13).unwrap() else { panic!("history did not load") };
    let items: Vec<&str> = stored.answers.iter().map(|a| a.item.as_str()).collect();
    assert_eq!(items, ["a", "b", "c"]);
}
