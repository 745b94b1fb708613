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
    let settings = Settings { theme: ThemeChoice::Dark, display_name: "Grace".into() };
    assert_eq!(store.save(&settings, 1).unwrap(), None);
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("hit.settings").unwrap();
    assert_eq!(raw.as_deref(), Some(r#"{"schema":1,"data":{"theme":"dark","display_name":"Grace"}}"#));
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
    let settings = Settings { theme: ThemeChoice::Light, display_name: "Kept".into() };
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
