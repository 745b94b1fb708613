//! `make bench` (grouper): claims grouped per second by our MS-DRG grouper
//! and by the reference grouper (PyPI msdrg, in a throwaway venv) on the
//! same 20,000 claims, in one run, and the ratio. Prints figures; asserts
//! only that the two agree, so a fast wrong grouper cannot look good.

#[path = "../tests/support/reference.rs"]
mod reference;

use std::path::Path;
use std::time::Instant;

use hit_core::content::{CODE_FILES, load_code_sets};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let files: Vec<(String, String)> =
        CODE_FILES.iter().map(|f| (f.to_string(), std::fs::read_to_string(root.join(f)).expect("content/codes"))).collect();
    let sets = load_code_sets(&files).expect("code sets");
    let claims = reference::random_claims(&sets.grouper, 20_000, 7);

    // Ours: best of five passes over the claims.
    let mut best = f64::INFINITY;
    let mut ours = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        ours = claims.iter().map(|c| sets.grouper.group(c)).collect::<Vec<_>>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let (theirs, their_seconds) = reference::reference(&claims);
    let agree = ours.iter().zip(&theirs).filter(|(o, (drg, mdc))| (o.drg, o.mdc.unwrap_or(0)) == (*drg, *mdc)).count();
    let n = claims.len() as f64;
    println!("MS-DRG grouping ({} claims, {} with procedures)", claims.len(), claims.iter().filter(|c| !c.procedures.is_empty()).count());
    println!("  hit-core grouper:        {:>10.0} claims/s ({:.1} us per claim, best of 5)", n / best, best / n * 1e6);
    println!("  reference (PyPI msdrg):  {:>10.0} claims/s ({:.1} us per claim, its grouping loop only)", n / their_seconds, their_seconds / n * 1e6);
    println!("  ratio:                   {:>10.1}x {}", their_seconds / best, if best < their_seconds { "faster than msdrg" } else { "slower than msdrg" });
    println!("  agreement:               {agree} of {} claims", claims.len());
    for ((c, o), (drg, mdc)) in claims.iter().zip(&ours).zip(&theirs) {
        if (o.drg, o.mdc.unwrap_or(0)) != (*drg, *mdc) {
            println!("  disagreement: {} -> ours {:03} (MDC {}), reference {drg:03} (MDC {mdc})", reference::claim_json(c), o.drg, o.mdc.unwrap_or(0));
        }
    }
    assert_eq!(agree, claims.len(), "the grouper disagrees with the reference; see the agreement test");
}
