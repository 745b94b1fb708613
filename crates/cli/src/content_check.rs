//! `hit content check`: read every file under content/ and validate it.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use hit_core::chart::{generate, key_problems};
use hit_core::codes::CodeSets;
use hit_core::content::Content;
use hit_core::scenario::{Scenario, Setting};

/// Prints a summary on success, or one `content/FILE:LINE: FIELD: MESSAGE`
/// line per problem on stderr and exits 1. When the code sets are present,
/// every scenario's chart is generated for `seeds` seeds and its key checked.
pub fn run(dir: &Path, seeds: u64) -> ExitCode {
    let files = match read_tree(dir) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("hit: cannot read {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    match hit_core::content::load(&files) {
        Ok(content) => {
            let mut problems = match hit_core::content::load_code_sets(&files) {
                Ok(sets) => chart_problems(&content, &sets, seeds),
                Err(_) => {
                    println!("  (no code sets under {}: scenario keys not checked)", dir.display());
                    Vec::new()
                }
            };
            problems.extend(hit_core::exam::coverage_problems(&content.bank, &content.blueprint).into_iter().map(|p| format!("content/exam: {p}")));
            if !problems.is_empty() {
                problems.iter().for_each(|p| eprintln!("{p}"));
                eprintln!("{} problem(s) in scenario keys or the question bank; nothing was changed", problems.len());
                return ExitCode::FAILURE;
            }
            println!("content OK: {} files checked in {}", files.len(), dir.display());
            println!("  tips: {}", content.tips.len());
            println!("  data sources: {}", content.sources.len());
            println!("  POA exempt categories: {}", content.poa_exempt.entries.len());
            print_scenario_summary(&content, seeds);
            print_bank_summary(&content);
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} problem(s) in content; nothing was changed", errors.len());
            ExitCode::FAILURE
        }
    }
}

/// Each distinct key problem of each scenario, with the first seed showing it.
fn chart_problems(content: &Content, sets: &CodeSets, seeds: u64) -> Vec<String> {
    let mut out = Vec::new();
    for scenario in &content.scenarios {
        let mut seen = BTreeSet::new();
        for seed in 0..seeds {
            let chart = generate(scenario, &content.names, seed);
            for problem in key_problems(&chart, sets, &content.poa_exempt) {
                if seen.insert(problem.clone()) {
                    out.push(format!("content/scenarios/{}.toml: seed {seed}: {problem}", scenario.id));
                }
            }
        }
    }
    out
}

fn print_scenario_summary(content: &Content, seeds: u64) {
    let scenarios = &content.scenarios;
    let count = |f: &dyn Fn(&Scenario) -> bool| scenarios.iter().filter(|s| f(s)).count();
    println!("  scenarios: {} (keys checked over {seeds} seeds each)", scenarios.len());
    for setting in [Setting::Inpatient, Setting::Outpatient, Setting::Emergency, Setting::SameDaySurgery] {
        println!("    {}: {}", setting.label(), count(&|s| s.setting == setting));
    }
    for level in 1..=3 {
        println!("    difficulty {level}: {}", count(&|s| s.difficulty == level));
    }
    let mdcs: BTreeSet<u8> = scenarios.iter().filter(|s| s.setting == Setting::Inpatient).map(|s| s.mdc).collect();
    let list: Vec<String> = mdcs.iter().map(u8::to_string).collect();
    println!("    inpatient MDCs: {} ({})", mdcs.len(), list.join(", "));
}

fn print_bank_summary(content: &Content) {
    let bank = &content.bank;
    let (domains, types, levels) = hit_core::exam::counts(bank);
    println!("  exam items: {} in {} scenario sets", bank.items.len(), bank.sets.len());
    for d in hit_core::rhit::Domain::all() {
        println!("    domain {} {}: {}", d.number(), d.name(), domains.get(&d.number()).copied().unwrap_or(0));
    }
    for (t, n) in &types {
        println!("    {}: {n}", match t { hit_core::exam::ItemType::Single => "single best answer", hit_core::exam::ItemType::Multiple => "multiple response" });
    }
    for (c, n) in &levels {
        println!("    {}: {n}", c.label());
    }
}

/// Every file below `dir` as (path relative to `dir` with `/`, text), sorted.
/// A file that is not UTF-8 is kept with a marker so it is reported, not skipped.
pub fn read_tree(dir: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(&path)?;
            let text = String::from_utf8(bytes).unwrap_or_else(|_| "\u{0}not UTF-8".into());
            files.push((rel, text));
        }
    }
    files.sort();
    Ok(files)
}
