//! `make bench` (browser part, storage): saving, loading and merge-saving
//! 10,000 coding attempts and 10,000 practice answers through the real
//! LocalStorage in headless Chromium. Compiled only with `--features bench`;
//! prints figures.
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use hit_core::attempts::Attempts;
use hit_core::history::History;
use hit_core::progress::sample_progress;
use hit_core::store::{Merge, Record, Store};
use hit_trainer::storage::LocalStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn time(runs: u32, mut f: impl FnMut()) -> f64 {
    let start = now();
    for _ in 0..runs {
        f();
    }
    (now() - start) / f64::from(runs)
}

fn report<R: Record + Clone + Merge>(name: &str, record: &R) {
    let mut store = LocalStore;
    let save = time(5, || {
        store.save(record, 0).unwrap();
    });
    let size = store.get_raw(R::KEY).unwrap().unwrap_or_default().len();
    let load = time(5, || {
        store.load::<R>(0).unwrap();
    });
    let merged = time(5, || {
        let mut r = record.clone();
        store.save_merged(&mut r, 0).unwrap();
    });
    console_log!("BENCH browser storage, {name}: {:.0} KB; save {save:.1} ms, load {load:.1} ms, merge-save {merged:.1} ms", size as f64 / 1024.0);
}

#[wasm_bindgen_test]
fn storage_at_ten_thousand_in_the_browser() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let (attempts, history, _) = sample_progress(10_000, 10_000, 7);
    report::<Attempts>("10,000 coding attempts", &attempts);
    report::<History>("10,000 practice answers", &history);
}
