//! `make bench` (browser part): parse, index and search the code sets inside
//! headless Chromium, with the same 1,000 queries as the native benchmark.
//! Compiled only with `--features bench`; prints figures, asserts little.
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use hit_core::content::load_code_sets;
use hit_core::search::{SearchIndex, sample_queries};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FILES: [(&str, &str); 7] = [
    ("codes/icd10cm.tsv", include_str!("../content/codes/icd10cm.tsv")),
    ("codes/icd10cm-notes.tsv", include_str!("../content/codes/icd10cm-notes.tsv")),
    ("codes/icd10pcs.tsv", include_str!("../content/codes/icd10pcs.tsv")),
    ("codes/icd10pcs-defs.tsv", include_str!("../content/codes/icd10pcs-defs.tsv")),
    ("codes/icd10pcs-index.tsv", include_str!("../content/codes/icd10pcs-index.tsv")),
    ("codes/mce.tsv", include_str!("../content/codes/mce.tsv")),
    ("codes/msdrg.tsv", include_str!("../content/codes/msdrg.tsv")),
];

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
fn search_latency_in_the_browser() {
    let files: Vec<(String, String)> = FILES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    let t0 = now();
    let sets = load_code_sets(&files).unwrap();
    let t1 = now();
    let index = SearchIndex::icd10cm(&sets.cm);
    let t2 = now();
    let queries = sample_queries(&sets.cm, 1_000, 2026);
    let mut ms: Vec<f64> = queries
        .iter()
        .map(|q| {
            let start = now();
            let hits = index.search(q, 20);
            let took = now() - start;
            assert!(!hits.is_empty(), "{q}");
            took
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let pct = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    console_log!("BENCH browser parse of all code files: {:.1} ms", t1 - t0);
    console_log!("BENCH browser ICD-10-CM index build: {:.1} ms", t2 - t1);
    console_log!(
        "BENCH browser ICD-10-CM search, 1,000 queries: p50 {:.2} ms  p95 {:.2} ms  max {:.2} ms",
        pct(0.5),
        pct(0.95),
        pct(1.0)
    );

    // MS-DRG grouping of every inpatient chart key, 20 seeds each.
    let content = hit_core::content::bundled().unwrap();
    let claims: Vec<_> = content
        .scenarios
        .iter()
        .filter(|s| s.setting == hit_core::scenario::Setting::Inpatient)
        .flat_map(|s| (0..20).map(move |seed| (s, seed)))
        .map(|(s, seed)| hit_core::grading::key_claim(&hit_core::chart::generate(s, &content.names, seed)))
        .collect();
    let start = now();
    let grouped: Vec<u16> = claims.iter().map(|c| sets.grouper.group(c).drg).collect();
    let took = now() - start;
    assert!(grouped.iter().all(|d| *d != 999));
    console_log!("BENCH browser MS-DRG grouping, {} chart keys: {:.0} claims/s ({:.1} us each)", claims.len(), claims.len() as f64 / took * 1000.0, took / claims.len() as f64 * 1000.0);
}
