//! `hit grade SCENARIO SEED --answer FILE.json`: grades a coded chart and
//! prints the grading as one JSON object.

use std::path::Path;
use std::process::ExitCode;

use hit_core::codes::CodeSets;
use hit_core::content::Content;
use hit_core::grading::{Answer, compare_drgs, grade};
use hit_core::grouper::DrgResult;
use serde_json::json;

pub fn run(content: &Content, sets: &CodeSets, id: &str, seed: u64, answer_path: &Path, base_rate: u32) -> ExitCode {
    let Some(scenario) = content.scenario(id) else {
        eprintln!("hit: no scenario {id:?}; `hit chart --list` shows them");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(answer_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("hit: cannot read {}: {e}", answer_path.display());
            return ExitCode::from(2);
        }
    };
    let answer: Answer = match serde_json::from_str(&text) {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "hit: {} is not an answer file ({e}). Expected {{\"diagnoses\":[{{\"code\":\"J18.9\",\"poa\":\"Y\"}}],\"procedures\":[{{\"code\":\"0DTJ4ZZ\",\"date\":\"2026-03-14\"}}]}}",
                answer_path.display()
            );
            return ExitCode::from(2);
        }
    };
    let chart = hit_core::chart::generate(scenario, &content.names, seed);
    let g = grade(&chart.key, chart.setting, &answer, &content.rubric, sets);
    let drg = |r: &DrgResult| json!({"drg": format!("{:03}", r.drg), "mdc": r.mdc, "description": r.title, "weight": r.weight, "severity": r.severity.label()});
    // MS-DRGs apply to inpatient admissions only.
    let drgs = (chart.setting == hit_core::scenario::Setting::Inpatient).then(|| {
        let c = compare_drgs(&sets.grouper, &chart, &answer, f64::from(base_rate));
        json!({
            "yours": drg(&c.yours), "correct": drg(&c.correct), "base_rate": base_rate,
            "your_payment": c.your_payment, "correct_payment": c.correct_payment, "difference": c.difference(),
        })
    });
    let out = json!({
        "scenario": chart.scenario,
        "seed": chart.seed,
        "score": {"points": g.points, "possible": g.possible, "percent": g.percent()},
        "items": g.items,
        "excludes1": g.excludes1,
        "drg": drgs,
        "rationale": scenario.rationale,
    });
    println!("{out}");
    ExitCode::SUCCESS
}
