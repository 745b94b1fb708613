//! `hit codes check` and `hit codes search`: the code sets from a terminal,
//! one JSON object per line.

use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;

use hit_core::codes::{CodeSets, System};
use hit_core::search::SearchIndex;
use serde::Serialize;

/// A `hit codes check` line, fields in the documented order.
#[derive(Serialize)]
struct CheckLine<'a> {
    code: &'a str,
    system: &'a str,
    valid: bool,
    billable: bool,
    title: Option<&'a str>,
    reason: Option<&'a str>,
}

/// A `hit codes search` line.
#[derive(Serialize)]
struct SearchLine<'a> {
    code: &'a str,
    title: &'a str,
    score: f64,
}

/// Loads content/codes/ from the content folder `dir`.
pub fn load(dir: &Path) -> Result<CodeSets, String> {
    let files = hit_core::content::CODE_FILES
        .iter()
        .map(|f| {
            std::fs::read_to_string(dir.join(f))
                .map(|text| (f.to_string(), text))
                .map_err(|e| format!("cannot read {}: {e}", dir.join(f).display()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    // The grouper's rules from the same folder, so edits there take effect.
    let mut files = files;
    if let Ok(rules) = std::fs::read_to_string(dir.join("msdrg-rules.toml")) {
        files.push(("msdrg-rules.toml".into(), rules));
    }
    hit_core::content::load_code_sets(&files).map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
}

/// Prints one `{"code","system","valid","billable","title","reason"}` line
/// per code, in input order. Exits 0 even when codes are invalid: the
/// answer is in the output.
pub fn check(sets: &CodeSets, codes: &[String], stdin: bool) -> ExitCode {
    let print = |code: &str| {
        let c = sets.check(code);
        let line = CheckLine {
            code: &c.code,
            system: c.system.id(),
            valid: c.valid,
            billable: c.billable,
            title: c.title.as_deref(),
            reason: c.reason.as_deref(),
        };
        println!("{}", serde_json::to_string(&line).unwrap_or_default());
    };
    for code in codes {
        print(code);
    }
    if stdin {
        for line in std::io::stdin().lock().lines() {
            match line {
                Ok(line) if line.trim().is_empty() => {}
                Ok(line) => print(line.trim()),
                Err(e) => {
                    eprintln!("hit: cannot read standard input: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    ExitCode::SUCCESS
}

/// Prints `{"code","title","score"}` lines, best first. Without a system,
/// both are searched and merged by score.
pub fn search(sets: &CodeSets, query: &str, system: Option<System>, limit: usize) -> ExitCode {
    let mut hits = Vec::new();
    if system != Some(System::Icd10Pcs) {
        hits.extend(SearchIndex::icd10cm(&sets.cm).search(query, limit));
    }
    if system != Some(System::Icd10Cm) {
        hits.extend(SearchIndex::icd10pcs(&sets.pcs).search(query, limit));
    }
    hits.sort_by(|a, b| b.score.total_cmp(&a.score));
    for hit in hits.into_iter().take(limit) {
        let score = (f64::from(hit.score) * 100.0).round() / 100.0;
        let line = SearchLine { code: &hit.code, title: &hit.title, score };
        println!("{}", serde_json::to_string(&line).unwrap_or_default());
    }
    ExitCode::SUCCESS
}
