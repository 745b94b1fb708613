//! Our MS-DRG v43.1 grouper against the reference grouper (PyPI msdrg,
//! pinned, in a throwaway virtual environment): final DRG and MDC on 10,000
//! random claims and on every chart key of the scenario library. Target
//! 100%; fails below 99.9% and prints every disagreement.

#[path = "support/reference.rs"]
mod reference;

use hit_core::grouper::Claim;

fn sets() -> hit_core::codes::CodeSets {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let files: Vec<(String, String)> =
        hit_core::content::CODE_FILES.iter().map(|f| (f.to_string(), std::fs::read_to_string(root.join(f)).expect("content/codes"))).collect();
    hit_core::content::load_code_sets(&files).expect("code sets load")
}

fn compare(label: &str, sets: &hit_core::codes::CodeSets, claims: &[Claim]) {
    let (theirs, _) = reference::reference(claims);
    assert_eq!(theirs.len(), claims.len(), "{label}: the reference grouper answered {} of {} claims", theirs.len(), claims.len());
    let mut disagreements = Vec::new();
    for (claim, (drg, mdc)) in claims.iter().zip(&theirs) {
        let ours = sets.grouper.group(claim);
        if (ours.drg, ours.mdc.unwrap_or(0)) != (*drg, *mdc) {
            disagreements.push(format!(
                "{} -> ours {:03} (MDC {}), reference {drg:03} (MDC {mdc})",
                reference::claim_json(claim),
                ours.drg,
                ours.mdc.unwrap_or(0)
            ));
        }
    }
    let agreement = 1.0 - disagreements.len() as f64 / claims.len() as f64;
    println!("{label}: {} of {} claims agree ({:.3}%)", claims.len() - disagreements.len(), claims.len(), agreement * 100.0);
    for d in &disagreements {
        println!("  {d}");
    }
    assert!(agreement >= 0.999, "{label}: agreement {:.3}% is below 99.9%; disagreements:\n{}", agreement * 100.0, disagreements.join("\n"));
}

#[test]
fn random_claims_group_as_the_reference_grouper_does() {
    let sets = sets();
    let claims = reference::random_claims(&sets.grouper, 10_000, 2026);
    assert!(claims.iter().filter(|c| !c.procedures.is_empty()).count() > 5_000, "most claims carry procedures");
    compare("random claims", &sets, &claims);
}

#[test]
fn every_chart_key_groups_as_the_reference_grouper_does() {
    let sets = sets();
    let content = hit_core::content::bundled().expect("content");
    let mut claims = Vec::new();
    for s in content.scenarios.iter().filter(|s| s.setting == hit_core::scenario::Setting::Inpatient) {
        for seed in 0..40 {
            claims.push(hit_core::grading::key_claim(&hit_core::chart::generate(s, &content.names, seed)));
        }
    }
    assert!(claims.len() >= 40 * 40);
    compare("chart keys", &sets, &claims);
}
