//! `hit chart --list` and `hit chart SCENARIO SEED --json`.

use std::process::ExitCode;

use hit_core::chart::generate;
use hit_core::content::Content;
use serde_json::json;

/// One `{"id","title","setting","mdc","difficulty"}` line per scenario.
pub fn list(content: &Content) -> ExitCode {
    for s in &content.scenarios {
        println!("{}", json!({"id": s.id, "title": s.title, "setting": s.setting.label(), "mdc": s.mdc, "difficulty": s.difficulty}));
    }
    ExitCode::SUCCESS
}

/// The chart for a scenario and seed, as JSON (or as readable text).
pub fn show(content: &Content, id: &str, seed: u64, as_json: bool) -> ExitCode {
    let Some(scenario) = content.scenario(id) else {
        let ids: Vec<&str> = content.scenarios.iter().map(|s| s.id.as_str()).collect();
        eprintln!("hit: no scenario {id:?}; `hit chart --list` shows them ({})", ids.join(", "));
        return ExitCode::from(2);
    };
    let chart = generate(scenario, &content.names, seed);
    if as_json {
        println!("{}", chart.to_json());
    } else {
        let p = &chart.patient;
        println!("{} {} · {} · MRN {} · admitted {} · discharged {}", p.first_name, p.last_name, p.age, p.mrn, p.admitted, p.discharged);
        for d in &chart.documents {
            println!("\n== {} ({}, {}) ==\n{}", d.title, d.author, d.datetime, d.text);
        }
    }
    ExitCode::SUCCESS
}
