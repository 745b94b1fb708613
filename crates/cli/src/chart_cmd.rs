//! `hit chart --list` and `hit chart SCENARIO SEED --json`.

use std::process::ExitCode;

use hit_core::chart::{Chart, generate};
use hit_core::content::Content;
use hit_core::mce::Sex;
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
    let Some(scenario) = content.scenarios.iter().find(|s| s.id == id) else {
        let ids: Vec<&str> = content.scenarios.iter().map(|s| s.id.as_str()).collect();
        eprintln!("hit: no scenario {id:?}; `hit chart --list` shows them ({})", ids.join(", "));
        return ExitCode::from(2);
    };
    let chart = generate(scenario, &content.names, seed);
    if as_json {
        println!("{}", to_json(&chart));
    } else {
        let p = &chart.patient;
        println!("{} {} · {} · MRN {} · admitted {} · discharged {}", p.first_name, p.last_name, p.age, p.mrn, p.admitted, p.discharged);
        for d in &chart.documents {
            println!("\n== {} ({}, {}) ==\n{}", d.title, d.author, d.datetime, d.text);
        }
    }
    ExitCode::SUCCESS
}

fn to_json(chart: &Chart) -> serde_json::Value {
    let p = &chart.patient;
    let sex = match p.sex {
        Sex::Female => "F",
        Sex::Male => "M",
        Sex::Unknown => "U",
    };
    let key = &chart.key;
    json!({
        "scenario": chart.scenario,
        "seed": chart.seed,
        "setting": chart.setting.label(),
        "patient": {
            "name": format!("{} {}", p.first_name, p.last_name),
            "sex": sex,
            "age": p.age,
            "birth_date": p.birth_date.to_string(),
            "mrn": p.mrn,
            "account": p.account,
            "payer": p.payer,
            "admitted": p.admitted.to_string(),
            "discharged": p.discharged.to_string(),
            "attending": p.attending,
        },
        "documents": chart.documents.iter().map(|d| json!({
            "type": d.kind, "title": d.title, "author": d.author, "datetime": d.datetime,
            "authenticated": d.authenticated, "text": d.text,
        })).collect::<Vec<_>>(),
        "key": {
            "principal_dx": {"code": key.principal.code, "poa": key.principal.poa},
            "secondary_dx": key.secondary.iter().map(|k| json!({"code": k.code, "poa": k.poa})).collect::<Vec<_>>(),
            "procedures": key.procedures.iter().map(|pr| json!({"code": pr.code, "date": pr.date.to_string()})).collect::<Vec<_>>(),
            "discharge_disposition": key.discharge_disposition,
        },
    })
}
