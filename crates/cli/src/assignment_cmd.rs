//! `hit assignment grade FILE...`: grades the submission files students
//! hand in, as the instructor page does, for instructors with many files.
//! Prints a JSON line per submission, or the class's results as CSV.

use std::path::PathBuf;
use std::process::ExitCode;

use hit_core::assignment::{self, Gradebook, Submission};
use hit_core::codes::CodeSets;
use hit_core::content::Content;
use serde_json::json;

pub fn grade(content: &Content, sets: &CodeSets, files: &[PathBuf], csv: bool) -> ExitCode {
    let mut book = Gradebook::default();
    let mut refused = false;
    for path in files {
        let parsed = std::fs::read_to_string(path).map_err(|e| e.to_string()).and_then(|t| Submission::parse(&t, content).map_err(|e| e.to_string()));
        match parsed {
            Ok(s) => {
                book.file(s);
            }
            Err(e) => {
                eprintln!("hit: {}: {e}", path.display());
                refused = true;
            }
        }
    }
    for a in book.assignments.iter().rev() {
        let reports: Vec<_> = book.submissions_for(a).into_iter().map(|s| assignment::grade_submission(s, content, sets)).collect();
        if csv {
            print!("{}", assignment::class_csv(a, &reports, |id| content.scenario_title(id)));
            continue;
        }
        for r in reports {
            let charts: Vec<_> = r
                .charts
                .iter()
                .map(|c| json!({"scenario": c.scenario, "seed": c.seed, "percent": c.score.as_ref().map(|s| (s.percent() * 10.0).round() / 10.0)}))
                .collect();
            let line = json!({
                "assignment": a.title, "assignment_id": a.id(), "student": r.student,
                "charts": charts, "questions": r.questions, "right": r.right, "answered": r.answered,
                "overall": (r.overall_percent() * 10.0).round() / 10.0,
            });
            println!("{line}");
        }
    }
    if refused { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
