//! `make bench` (native part, charts): how many charts the generator makes
//! per second, over every bundled scenario, and how fast their keys are
//! checked against the code sets. Prints figures; asserts nothing.

use std::path::Path;
use std::time::Instant;

use hit_core::chart::{generate, key_problems};
use hit_core::content::{CODE_FILES, bundled, load_code_sets};

fn main() {
    let content = bundled().expect("bundled content loads");
    let scenarios = &content.scenarios;
    let seeds_each = 2_000u64;
    let start = Instant::now();
    let mut bytes = 0usize;
    for s in scenarios {
        for seed in 0..seeds_each {
            let chart = generate(s, &content.names, seed);
            bytes += chart.documents.iter().map(|d| d.text.len()).sum::<usize>();
        }
    }
    let took = start.elapsed().as_secs_f64();
    let charts = scenarios.len() as f64 * seeds_each as f64;
    println!("Charts ({} scenarios x {seeds_each} seeds)", scenarios.len());
    println!("  generation: {:.0} charts/s ({:.1} us per chart, {:.1} KB of text each on average)",
        charts / took, took / charts * 1e6, bytes as f64 / charts / 1024.0);

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let files: Vec<(String, String)> =
        CODE_FILES.iter().map(|f| (f.to_string(), std::fs::read_to_string(root.join(f)).expect("content/codes"))).collect();
    let sets = load_code_sets(&files).expect("code sets");
    let start = Instant::now();
    let mut checked = 0u32;
    for s in scenarios {
        for seed in 0..200 {
            let chart = generate(s, &content.names, seed);
            assert!(key_problems(&chart, &sets, &content.poa_exempt).is_empty());
            checked += 1;
        }
    }
    let took = start.elapsed().as_secs_f64();
    println!("  generation + key check: {:.0} charts/s", f64::from(checked) / took);
}
