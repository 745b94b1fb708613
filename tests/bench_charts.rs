//! `make bench` (browser part, charts): chart generation time inside
//! headless Chromium, per chart, over every bundled scenario. Compiled only
//! with `--features bench`; prints figures, asserts little.
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use hit_core::chart::generate;
use hit_core::content::bundled;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
fn chart_generation_in_the_browser() {
    let t0 = now();
    let content = bundled().unwrap();
    let load = now() - t0;
    let mut ms: Vec<f64> = Vec::new();
    for s in &content.scenarios {
        for seed in 0..200u64 {
            let start = now();
            let chart = generate(s, &content.names, seed);
            ms.push(now() - start);
            assert!(!chart.documents.is_empty());
        }
    }
    let total: f64 = ms.iter().sum();
    ms.sort_by(f64::total_cmp);
    let pct = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    console_log!("BENCH browser content parse ({} scenarios): {load:.1} ms", content.scenarios.len());
    console_log!(
        "BENCH browser chart generation, {} charts: {:.0} charts/s  p50 {:.3} ms  p95 {:.3} ms  max {:.3} ms",
        ms.len(),
        ms.len() as f64 / total * 1000.0,
        pct(0.5),
        pct(0.95),
        pct(1.0)
    );
}
