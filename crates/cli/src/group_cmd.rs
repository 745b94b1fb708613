//! `hit group`: the MS-DRG v43.1 grouper from a terminal, for one claim
//! given as flags or for JSON-line claims on standard input.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use hit_core::codes::CodeSets;
use hit_core::grouper::{Claim, DrgResult};
use hit_core::mce::Sex;
use serde::{Deserialize, Serialize};

/// A claim as `hit group --stdin` reads it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimLine {
    pdx: String,
    #[serde(default)]
    sdx: Vec<String>,
    #[serde(default)]
    procs: Vec<String>,
    age: u8,
    sex: String,
    discharge_status: serde_json::Value,
}

/// The answer line: `{"drg","mdc","description","weight","severity"}`.
#[derive(Serialize)]
struct ResultLine<'a> {
    drg: String,
    mdc: Option<u8>,
    description: &'a str,
    weight: Option<f64>,
    severity: &'a str,
}

pub fn parse_sex(s: &str) -> Result<Sex, String> {
    match s {
        "M" | "m" => Ok(Sex::Male),
        "F" | "f" => Ok(Sex::Female),
        "U" | "u" => Ok(Sex::Unknown),
        other => Err(format!("sex must be M, F or U, not {other:?}")),
    }
}

/// "1", 1 or "01" -> "01".
pub fn parse_status(s: &str) -> Result<String, String> {
    match s.trim().parse::<u8>() {
        Ok(n) if n < 100 => Ok(format!("{n:02}")),
        _ => Err(format!("discharge status must be a two-digit code such as 01 or 20, not {s:?}")),
    }
}

impl ClaimLine {
    fn claim(self) -> Result<Claim, String> {
        let status = match &self.discharge_status {
            serde_json::Value::String(s) => parse_status(s)?,
            serde_json::Value::Number(n) => parse_status(&n.to_string())?,
            other => return Err(format!("discharge_status must be a number or a string, not {other}")),
        };
        Ok(Claim { pdx: self.pdx, sdx: self.sdx, procedures: self.procs, age: self.age, sex: parse_sex(&self.sex)?, discharge_status: status })
    }
}

fn line(r: &DrgResult) -> String {
    let out = ResultLine { drg: format!("{:03}", r.drg), mdc: r.mdc, description: &r.title, weight: r.weight, severity: r.severity.label() };
    serde_json::to_string(&out).unwrap_or_default()
}

/// One claim from flags: a JSON line with `--json`, else a short explanation.
pub fn one(sets: &CodeSets, claim: &Claim, json: bool) -> ExitCode {
    let r = sets.grouper.group(claim);
    if json {
        println!("{}", line(&r));
        return ExitCode::SUCCESS;
    }
    let weight = r.weight.map_or("no weight".to_string(), |w| format!("weight {w:.4}"));
    println!("MS-DRG {:03} {} ({weight})", r.drg, r.title);
    if let Some(why) = &r.ungroupable {
        println!("  ungroupable: {why}");
    }
    println!("  {}", r.why.mdc);
    for (code, level) in &r.why.severity_from {
        println!("  {code} is {}", if *level == hit_core::msdrg::Severity::Mcc { "an MCC" } else { "a CC" });
    }
    for (code, reason) in &r.why.severity_excluded {
        println!("  {code} does not count: {reason}");
    }
    if !r.why.procedures.is_empty() {
        println!("  surgical DRG from {}", r.why.procedures.join(", "));
    }
    if !r.why.unknown.is_empty() {
        println!("  ignored (not valid for FY2026): {}", r.why.unknown.join(", "));
    }
    if let (Some(g), Some(a)) = (r.gmlos, r.amlos) {
        println!("  GMLOS {g} days, AMLOS {a} days");
    }
    let edits = hit_core::grading::mce_edits(&sets.mce, claim);
    if edits.is_empty() {
        println!("  MCE: no edits");
    }
    for e in edits {
        println!("  MCE: {}", e.message);
    }
    ExitCode::SUCCESS
}

/// JSON-line claims on standard input, one result line each. A bad line
/// gets an `{"error"}` line in its place, so output stays aligned with input.
pub fn stdin(sets: &CodeSets) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for (n, text) in std::io::stdin().lock().lines().enumerate() {
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                eprintln!("hit: cannot read standard input: {e}");
                return ExitCode::FAILURE;
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<ClaimLine>(&text).map_err(|e| e.to_string()).and_then(ClaimLine::claim);
        let written = match parsed {
            Ok(claim) => writeln!(out, "{}", line(&sets.grouper.group(&claim))),
            Err(e) => {
                failed = true;
                eprintln!("hit: line {}: {e}", n + 1);
                writeln!(out, "{}", serde_json::json!({ "error": format!("line {}: {e}", n + 1) }))
            }
        };
        if written.is_err() {
            // The reader went away (a closed pipe): stop quietly.
            return ExitCode::SUCCESS;
        }
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
