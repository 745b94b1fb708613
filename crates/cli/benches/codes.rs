//! `make bench` (native part): code data size, load-and-parse time, index
//! build time, and search latency over 1,000 realistic queries. Prints
//! figures; asserts nothing.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use hit_core::content::{CODE_FILES, load_code_sets};
use hit_core::search::{SearchIndex, sample_queries};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let files: Vec<(String, String)> =
        CODE_FILES.iter().map(|f| (f.to_string(), std::fs::read_to_string(root.join(f)).expect("content/codes"))).collect();

    println!("Code data size (bytes)");
    println!("{:<28} {:>10} {:>10} {:>10}", "file", "raw", "gzip -9", "brotli 11");
    let (mut raw, mut gz, mut br) = (0, 0, 0);
    for (name, text) in &files {
        let (g, b) = (gzip(text.as_bytes()), brotli(text.as_bytes()));
        println!("{name:<28} {:>10} {g:>10} {b:>10}", text.len());
        raw += text.len();
        gz += g;
        br += b;
    }
    println!("{:<28} {raw:>10} {gz:>10} {br:>10}\n", "total");

    let parse = median_ms(5, || {
        load_code_sets(&files).unwrap();
    });
    let sets = load_code_sets(&files).unwrap();
    let index_cm = median_ms(5, || {
        SearchIndex::icd10cm(&sets.cm);
    });
    let index_pcs = median_ms(3, || {
        SearchIndex::icd10pcs(&sets.pcs);
    });
    println!("Load and parse (all code files): {parse:.1} ms (median of 5)");
    println!("Build ICD-10-CM search index:    {index_cm:.1} ms (median of 5)");
    println!("Build ICD-10-PCS search index:   {index_pcs:.1} ms (median of 3)\n");

    let index = SearchIndex::icd10cm(&sets.cm);
    let queries = sample_queries(&sets.cm, 1_000, 2026);
    let mut micros: Vec<f64> = Vec::with_capacity(queries.len());
    for q in &queries {
        let start = Instant::now();
        let hits = index.search(q, 20);
        micros.push(start.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(hits);
    }
    micros.sort_by(f64::total_cmp);
    let pct = |p: f64| micros[((micros.len() as f64 - 1.0) * p).round() as usize];
    println!("ICD-10-CM search, 1,000 realistic queries (seed 2026), native:");
    println!("  p50 {:.0} µs   p95 {:.0} µs   max {:.0} µs", pct(0.5), pct(0.95), pct(1.0));
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).unwrap();
    out.len()
}
