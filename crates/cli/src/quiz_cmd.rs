//! `hit quiz sample`: items from the question bank, drawn as a quiz would
//! draw them, for reviewers and tests.

use std::io::Write;
use std::process::ExitCode;

use hit_core::content::Content;
use hit_core::exam::{Item, ItemType};
use hit_core::quiz::{self, History, QuizSpec};
use serde_json::json;

pub fn sample(content: &Content, domain: Option<u8>, count: usize, seed: u64, calculations: bool, as_json: bool) -> ExitCode {
    if let Some(d) = domain
        && !(1..=6).contains(&d)
    {
        eprintln!("hit: --domain is 1 to 6 (1 Data Content, Structure and Information Governance ... 6 Leadership)");
        return ExitCode::from(2);
    }
    let spec = QuizSpec { domains: domain.into_iter().collect(), count, calculations, ..Default::default() };
    let ids = quiz::choose(&content.bank, &History::default(), &spec, seed);
    if ids.len() < count {
        eprintln!("hit: only {} items match; printing those", ids.len());
    }
    let mut out = std::io::stdout().lock();
    for id in &ids {
        let Some(item) = quiz::item(&content.bank, id) else { continue };
        let case = item.set.as_ref().and_then(|s| content.bank.sets.iter().find(|x| &x.id == s)).map(|c| c.case.as_str());
        let text = if as_json { format!("{}\n", to_json(&item, case)) } else { as_text(&item, case) };
        // A closed pipe (`| head`) ends the listing quietly.
        if out.write_all(text.as_bytes()).is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn to_json(item: &Item, case: Option<&str>) -> serde_json::Value {
    json!({
        "id": item.id,
        "domain": item.domain.number(),
        "task": item.task,
        "type": match item.kind { ItemType::Single => "single", ItemType::Multiple => "multiple" },
        "cognitive": item.cognitive.label(),
        "difficulty": item.difficulty,
        "set": item.set,
        "case": case,
        "stem": item.stem,
        "choose": item.choose,
        "options": item.options.iter().map(|o| json!({"text": o.text, "why": o.why})).collect::<Vec<_>>(),
        "answer": item.answer(),
        "rationale": item.rationale,
        "reference": item.reference,
        "tags": item.tags,
    })
}

fn as_text(item: &Item, case: Option<&str>) -> String {
    let mut s = format!("── {} (domain {}, task {}, {}, difficulty {})\n", item.id, item.domain.number(), item.task, item.cognitive.label(), item.difficulty);
    if let Some(case) = case {
        s += &format!("Case: {}\n", case.trim());
    }
    s += &format!("{}\n", item.stem.trim());
    for (i, o) in item.options.iter().enumerate() {
        let mark = if o.correct { "*" } else { " " };
        s += &format!("  {mark} {}. {}\n", letter(i), o.text);
    }
    s += &format!("Answer: {}\n", item.answer().iter().map(|&i| letter(i).to_string()).collect::<Vec<_>>().join(", "));
    s += &format!("{}\nReference: {}\n\n", item.rationale.trim(), item.reference);
    s
}

fn letter(i: usize) -> char {
    (b'A' + i as u8) as char
}
