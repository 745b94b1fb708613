//! `make bench` (native part, storage): the size of 10,000 coding attempts
//! and 10,000 practice answers as stored, and the time to save, load and
//! merge-save them through the Store (in memory here; the browser figures
//! come from tests/bench_storage.rs). Prints figures; asserts nothing.

use std::time::Instant;

use hit_core::attempts::Attempts;
use hit_core::history::History;
use hit_core::progress::sample_progress;
use hit_core::review::ReviewQueue;
use hit_core::store::{MemoryStore, Record, Store, encode_envelope};

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> f64 {
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
}

fn report<R: Record + Clone + hit_core::store::Merge>(name: &str, record: &R) {
    let mut store = MemoryStore::new();
    let size = encode_envelope(record).unwrap().len();
    let save = time(20, || store.save(record, 0).unwrap());
    let load = time(20, || store.load::<R>(0).unwrap());
    let merged = time(20, || {
        let mut r = record.clone();
        store.save_merged(&mut r, 0).unwrap()
    });
    println!("  {name}: {:.0} KB stored; save {save:.1} ms, load {load:.1} ms, merge-save {merged:.1} ms", size as f64 / 1024.0);
}

fn main() {
    let (attempts, history, queue) = sample_progress(10_000, 10_000, 7);
    println!("Storage (10,000 of each, in memory)");
    report::<Attempts>("coding attempts", &attempts);
    report::<History>("practice answers", &history);
    report::<ReviewQueue>(&format!("review queue ({} cards)", queue.cards.len()), &queue);
}
