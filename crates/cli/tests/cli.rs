//! The `hit` binary as a user runs it.

use std::path::{Path, PathBuf};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn hit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hit")).args(args).output().expect("hit runs")
}

fn repo_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// A copy of the real content folder in a fresh temporary directory.
fn scratch_content(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hit-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(repo_content()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn version_prints_the_package_version() {
    let out = hit(&["--version"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), format!("hit {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn content_check_passes_on_the_repository() {
    let out = hit(&["content", "check", "--dir", repo_content().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("content OK"), "{stdout}");
}

#[test]
fn content_check_names_file_line_and_field_and_fails() {
    let dir = scratch_content("broken");
    let tips = dir.join("tips.toml");
    let text = std::fs::read_to_string(&tips).unwrap();
    // Break the domain of the second tip.
    let second = text.match_indices("[[tip]]").nth(1).unwrap().0;
    let domain_at = second + text[second..].find("domain = ").unwrap();
    let line = text[..domain_at].matches('\n').count() + 1;
    let broken = format!("{}domain = 9{}", &text[..domain_at], &text[domain_at + "domain = 1".len()..]);
    std::fs::write(&tips, broken).unwrap();
    std::fs::write(dir.join("stray.json"), "{}").unwrap();

    let out = hit(&["content", "check", "--dir", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("content/tips.toml:{line}: tip[1].domain: must be an RHIT domain")), "{stderr}");
    assert!(stderr.contains("content/stray.json:0: (file): not a recognised content file"), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn content_check_on_a_missing_folder_says_so() {
    let out = hit(&["content", "check", "--dir", "/nonexistent/content"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/content"));
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

#[test]
fn codes_check_prints_one_object_per_code_in_order() {
    let content = repo_content();
    let out = hit(&["codes", "check", "--content", content.to_str().unwrap(), "e11.65", "S72.001", "0DTJ4ZZ", "XYZ"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(text.starts_with(r#"{"code":"E11.65","system":"icd10cm","valid":true,"billable":true,"title":"#), "{text}");
    let lines = json_lines(&out);
    let summary: Vec<(String, String, bool, bool)> = lines
        .iter()
        .map(|l| (l["code"].as_str().unwrap().into(), l["system"].as_str().unwrap().into(), l["valid"].as_bool().unwrap(), l["billable"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [
            ("E11.65".into(), "icd10cm".into(), true, true),
            ("S72.001".into(), "icd10cm".into(), true, false),
            ("0DTJ4ZZ".into(), "icd10pcs".into(), true, true),
            ("XYZ".into(), "icd10cm".into(), false, false),
        ]
    );
    assert!(lines[1]["reason"].as_str().unwrap().contains("7th character"));
    assert!(lines[0]["reason"].is_null());
    assert!(lines[3]["title"].is_null());
}

#[test]
fn codes_check_reads_standard_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hit"))
        .args(["codes", "check", "--stdin", "--content", repo_content().to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"I10\n\n 0dtj4zz \nE11\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let codes: Vec<String> = json_lines(&out).iter().map(|l| l["code"].as_str().unwrap().to_string()).collect();
    assert_eq!(codes, ["I10", "0DTJ4ZZ", "E11"]);
}

#[test]
fn codes_search_prints_ranked_json_lines() {
    let content = repo_content();
    let out = hit(&["codes", "search", "--content", content.to_str().unwrap(), "diabetes hyperglycemia type 2", "--system", "icd10cm", "--limit", "5"]);
    assert!(out.status.success());
    let lines = json_lines(&out);
    assert!(!lines.is_empty() && lines.len() <= 5);
    let top3: Vec<&str> = lines.iter().take(3).map(|l| l["code"].as_str().unwrap()).collect();
    assert!(top3.contains(&"E11.65"), "{top3:?}");
    let scores: Vec<f64> = lines.iter().map(|l| l["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(lines[0]["title"].as_str().unwrap().contains("hyperglycemia"));

    let pcs = json_lines(&hit(&["codes", "search", "--content", content.to_str().unwrap(), "0DTJ", "--system", "icd10pcs", "--limit", "3"]));
    assert_eq!(pcs.len(), 3);
    assert!(pcs.iter().all(|l| l["code"].as_str().unwrap().starts_with("0DTJ")));
}

#[test]
fn chart_list_and_chart_json() {
    let out = hit(&["chart", "--list"]);
    assert!(out.status.success());
    let list = json_lines(&out);
    assert!(list.len() >= 2);
    for item in &list {
        for field in ["id", "title", "setting", "mdc", "difficulty"] {
            assert!(!item[field].is_null(), "{item} lacks {field}");
        }
        assert!(["inpatient", "outpatient", "emergency", "same-day surgery"].contains(&item["setting"].as_str().unwrap()));
    }
    let id = list[0]["id"].as_str().unwrap();
    let a = hit(&["chart", id, "7", "--json"]);
    let b = hit(&["chart", id, "7", "--json"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout, "same scenario and seed, same chart");
    let chart: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!((chart["scenario"].as_str(), chart["seed"].as_u64()), (Some(id), Some(7)));
    let doc = &chart["documents"][0];
    for field in ["type", "title", "author", "datetime", "authenticated", "text"] {
        assert!(!doc[field].is_null(), "document lacks {field}");
    }
    assert!(chart["key"]["principal_dx"]["code"].is_string());
    assert!(chart["key"]["secondary_dx"].is_array() && chart["key"]["procedures"].is_array());
    assert!(chart["key"]["discharge_disposition"].is_string());
    assert_ne!(hit(&["chart", id, "8", "--json"]).stdout, a.stdout);
    assert_eq!(hit(&["chart", "no-such-scenario", "1"]).status.code(), Some(2));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() { copy_dir(&path, &target) } else { std::fs::copy(&path, &target).map(drop).unwrap() }
    }
}

/// A scratch content tree with code sets, the exam content and one
/// scenario, for key checks.
fn scratch_with_scenario(name: &str, scenario: &str, text: &str) -> PathBuf {
    let dir = scratch_content(name);
    copy_dir(&repo_content().join("codes"), &dir.join("codes"));
    copy_dir(&repo_content().join("exam"), &dir.join("exam"));
    std::fs::create_dir_all(dir.join("scenarios")).unwrap();
    std::fs::write(dir.join("scenarios").join(format!("{scenario}.toml")), text).unwrap();
    dir
}

#[test]
fn content_check_generates_charts_and_reports_bad_keys() {
    let pneumonia = std::fs::read_to_string(repo_content().join("scenarios/community-acquired-pneumonia.toml")).unwrap();
    // Z87.891 is POA-exempt: an indicator on it is wrong; and J18 is not billable.
    let bad = pneumonia.replacen("code = \"Z87.891\"\npoa = \"exempt\"", "code = \"Z87.891\"\npoa = \"Y\"", 1).replacen("\"J18.9\"", "\"J18\"", 1);
    let dir = scratch_with_scenario("badkey", "community-acquired-pneumonia", &bad);
    let out = hit(&["content", "check", "--dir", dir.to_str().unwrap(), "--seeds", "20"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("content/scenarios/community-acquired-pneumonia.toml: seed 0: J18: not billable"), "{stderr}");
    assert!(stderr.contains("Z87.891: on the POA exempt list"), "{stderr}");
    // Each problem is reported once, with the first seed that shows it.
    assert_eq!(stderr.matches("J18: not billable").count(), 1, "{stderr}");

    // The same file, fixed, passes and `hit chart --content` reads it from disk.
    let retitled = pneumonia.replacen("title = \"Community-acquired pneumonia\"", "title = \"Pneumonia, edited on disk\"", 1);
    std::fs::write(dir.join("scenarios/community-acquired-pneumonia.toml"), retitled).unwrap();
    let out = hit(&["content", "check", "--dir", dir.to_str().unwrap(), "--seeds", "5"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("scenarios: 1 (keys checked over 5 seeds each)"));
    let list = hit(&["chart", "--list", "--content", dir.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&list.stdout).contains("Pneumonia, edited on disk"));
    let bundled = hit(&["chart", "--list"]);
    assert!(!String::from_utf8_lossy(&bundled.stdout).contains("edited on disk"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn group_prints_the_drg_for_flags_and_for_json_lines() {
    let content = repo_content();
    let dir = content.to_str().unwrap();
    let out = hit(&["group", "--content", dir, "--pdx", "J18.9", "--sdx", "N17.9", "E11.65", "--age", "70", "--sex", "F", "--discharge-status", "1", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line = &json_lines(&out)[0];
    assert_eq!(line["drg"], "194");
    assert_eq!(line["mdc"], 4);
    assert_eq!(line["severity"], "CC");
    assert_eq!(line["description"], "Simple Pneumonia and Pleurisy with CC");
    assert!(line["weight"].as_f64().unwrap() > 0.5);
    // Without --json: the reasons, and the MCE beside them.
    let text = String::from_utf8(hit(&["group", "--content", dir, "--pdx", "F02.80", "--sdx", "J18.9", "--age", "80", "--sex", "F", "--discharge-status", "01"]).stdout).unwrap();
    assert!(text.contains("MS-DRG 884") && text.contains("J18.9 is an MCC") && text.contains("MCE: F02.80 is a manifestation code"), "{text}");

    let mut child = Command::new(env!("CARGO_BIN_EXE_hit"))
        .args(["group", "--stdin", "--content", dir])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(concat!(
        r#"{"pdx":"K35.80","sdx":[],"procs":["0DTJ4ZZ"],"age":30,"sex":"M","discharge_status":"01"}"#, "\n",
        r#"{"pdx":"I21.4","sdx":[],"procs":[],"age":70,"sex":"M","discharge_status":20}"#, "\n",
        r#"{"pdx":"I21.4","age":70,"sex":"X","discharge_status":"01"}"#, "\n",
    ).as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3, "one output line per input line");
    assert_eq!((lines[0]["drg"].as_str(), lines[0]["mdc"].as_u64()), (Some("399"), Some(6)));
    assert_eq!(lines[1]["drg"], "285", "expired AMI");
    assert!(lines[2]["error"].as_str().unwrap().contains("sex must be M, F or U"));
    assert!(!out.status.success(), "a bad line fails the run");
}

#[test]
fn grade_prints_the_grading_of_an_answer_file() {
    let dir = std::env::temp_dir().join(format!("hit-grade-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let chart: serde_json::Value = serde_json::from_slice(&hit(&["chart", "lap-appendectomy", "7", "--json"]).stdout).unwrap();
    let key = &chart["key"];
    let mut diagnoses = vec![serde_json::json!({"code": key["principal_dx"]["code"], "poa": key["principal_dx"]["poa"]})];
    for d in key["secondary_dx"].as_array().unwrap() {
        diagnoses.push(serde_json::json!({"code": d["code"], "poa": d["poa"]}));
    }
    let procedures: Vec<_> = key["procedures"].as_array().unwrap().iter().map(|p| serde_json::json!({"code": p["code"], "date": p["date"]})).collect();
    let perfect = dir.join("perfect.json");
    std::fs::write(&perfect, serde_json::json!({"diagnoses": diagnoses, "procedures": procedures}).to_string()).unwrap();
    let out = hit(&["grade", "lap-appendectomy", "7", "--answer", perfect.to_str().unwrap(), "--content", repo_content().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(g["score"]["percent"], 100.0);
    assert_eq!(g["drg"]["yours"]["drg"], g["drg"]["correct"]["drg"]);
    assert_eq!(g["drg"]["difference"], 0.0);

    let wrong = dir.join("wrong.json");
    std::fs::write(&wrong, r#"{"diagnoses":[{"code":"R10.31","poa":"Y"}],"procedures":[]}"#).unwrap();
    let g: serde_json::Value = serde_json::from_slice(&hit(&["grade", "lap-appendectomy", "7", "--answer", wrong.to_str().unwrap()]).stdout).unwrap();
    let verdicts: Vec<&str> = g["items"].as_array().unwrap().iter().map(|i| i["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts[0], "missing");
    assert!(verdicts.contains(&"missing") && g["score"]["percent"].as_f64().unwrap() < 30.0, "{verdicts:?}");
    assert_ne!(g["drg"]["yours"]["drg"], g["drg"]["correct"]["drg"]);
    assert!(g["drg"]["difference"].as_f64().unwrap() < 0.0, "coding abdominal pain underpays an appendectomy");

    let bad = dir.join("bad.json");
    std::fs::write(&bad, "not json").unwrap();
    let out = hit(&["grade", "lap-appendectomy", "7", "--answer", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not an answer file"));
}

#[test]
fn quiz_sample_prints_items_of_a_domain_with_their_answers() {
    let out = hit(&["quiz", "sample", "--domain", "2", "--count", "6", "--seed", "4", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let items = json_lines(&out);
    assert_eq!(items.len(), 6);
    for item in &items {
        assert!(item["id"].as_str().is_some_and(|id| !id.is_empty()));
        assert_eq!(item["domain"], 2);
        let answer: Vec<u64> = item["answer"].as_array().unwrap().iter().map(|a| a.as_u64().unwrap()).collect();
        assert_eq!(answer.len() as u64, item["choose"].as_u64().unwrap(), "{item}");
        assert!(answer.iter().all(|&a| (a as usize) < item["options"].as_array().unwrap().len()));
        assert!(item["rationale"].as_str().is_some_and(|r| r.len() > 20) && item["reference"].is_string());
    }
    // The same seed draws the same items; another seed, others.
    assert_eq!(hit(&["quiz", "sample", "--domain", "2", "--count", "6", "--seed", "4", "--json"]).stdout, out.stdout);
    assert_ne!(hit(&["quiz", "sample", "--domain", "2", "--count", "6", "--seed", "5", "--json"]).stdout, out.stdout);
    // Each domain draws only its own; the text form shows the key.
    for d in 1..=6 {
        let items = json_lines(&hit(&["quiz", "sample", "--domain", &d.to_string(), "--count", "3", "--json"]));
        assert!(items.len() == 3 && items.iter().all(|i| i["domain"] == d), "domain {d}");
    }
    let text = String::from_utf8_lossy(&hit(&["quiz", "sample", "--count", "1"]).stdout).to_string();
    assert!(text.contains("Answer: ") && text.contains("Reference: "), "{text}");
    let bad = hit(&["quiz", "sample", "--domain", "7"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--domain is 1 to 6"));
}

#[test]
fn content_check_validates_the_question_bank() {
    let dir = scratch_with_scenario("bank", "community-acquired-pneumonia", &std::fs::read_to_string(repo_content().join("scenarios/community-acquired-pneumonia.toml")).unwrap());
    let out = hit(&["content", "check", "--dir", dir.to_str().unwrap(), "--seeds", "1"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for line in ["exam items: ", "domain 1 Data Content, Structure and Information Governance: ", "single best answer: ", "multiple response: ", "recall: ", "application: ", "analysis: "] {
        assert!(stdout.contains(line), "{line:?} missing from {stdout}");
    }
    // Break an items file: no correct option on its first item, and its first two items copied (ids used twice).
    let items = dir.join("exam/items");
    let name = std::fs::read_dir(&items).unwrap().map(|e| e.unwrap().path()).find(|p| p.to_string_lossy().contains("d2-disclosure")).unwrap();
    let text = std::fs::read_to_string(&name).unwrap();
    let first_id = text.split("id = \"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let broken = text.replacen("correct = true", "correct = false", 1);
    std::fs::write(&name, broken).unwrap();
    std::fs::write(items.join("zz-copy.toml"), format!("{}", text.split("\n[[item]]").take(2).collect::<Vec<_>>().join("\n[[item]]"))).unwrap();
    let out = hit(&["content", "check", "--dir", dir.to_str().unwrap(), "--seeds", "1"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("exactly one correct option"), "{stderr}");
    assert!(stderr.contains(&first_id) && stderr.contains("is used by two items"), "{stderr}");
    // Too few items for the blueprint is a coverage problem.
    std::fs::remove_file(items.join("zz-copy.toml")).unwrap();
    std::fs::write(&name, &text).unwrap();
    for entry in std::fs::read_dir(&items).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with("d6-") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let out = hit(&["content", "check", "--dir", dir.to_str().unwrap(), "--seeds", "1"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("domain 6 (Leadership) has 0 items") && stderr.contains("task 6.1"), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn assignment_grade_regrades_submission_files() {
    use hit_core::assignment::{Assignment, ChartTask, MyAssignments};
    use hit_core::attempts::{Attempt, Attempts};
    use hit_core::grading::{Answer, AnswerCode, AnswerProcedure, Skills};
    let content = hit_core::content::bundled().unwrap();
    let task = ChartTask { scenario: "lap-appendectomy".into(), seed: 7 };
    let a = Assignment {
        title: "Week 5".into(),
        charts: vec![task.clone()],
        questions: hit_core::assignment::pick_questions(&content, &[4], 3, false, 5),
        ..Default::default()
    };
    let mut mine = MyAssignments::default();
    mine.add(a.clone(), 100);
    // Two questions right, one wrong.
    for (i, q) in a.questions.iter().enumerate() {
        let item = hit_core::quiz::item(&content.bank, q).unwrap();
        let chosen = if i < 2 { item.answer() } else { (0..item.options.len()).filter(|o| !item.answer().contains(o)).take(item.answer().len()).collect() };
        mine.record_answer(&a.id(), q, &chosen);
    }
    // The chart coded exactly as its key.
    let scenario = content.scenarios.iter().find(|s| s.id == task.scenario).unwrap();
    let key = hit_core::chart::generate(scenario, &content.names, task.seed).key;
    let answer = Answer {
        diagnoses: std::iter::once(&key.principal).chain(&key.secondary).map(|k| AnswerCode { code: k.code.clone(), poa: k.poa.clone() }).collect(),
        procedures: key.procedures.iter().map(|p| AnswerProcedure { code: p.code.clone(), date: Some(p.date.to_string()) }).collect(),
    };
    let attempts = Attempts { attempts: vec![Attempt { scenario: task.scenario.clone(), seed: 7, at_ms: 200, points: 0.0, possible: 1.0, answer, your_drg: 0, correct_drg: 0, seconds: 60, skills: Skills::default() }] };
    let dir = std::env::temp_dir().join(format!("hit-assignment-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ana.json");
    let text = mine.list[0].submission(&attempts, "Ana Diaz", 300).to_text();
    std::fs::write(&file, &text).unwrap();

    let out = hit(&["assignment", "grade", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let r = &lines[0];
    assert_eq!(r["student"], "Ana Diaz");
    assert_eq!(r["charts"][0]["percent"], 100.0, "graded from the coding, not the attempt's stored score of 0");
    assert_eq!((r["right"].as_u64(), r["questions"].as_u64()), (Some(2), Some(3)));
    assert_eq!(r["overall"], 83.3);

    let out = hit(&["assignment", "grade", "--csv", file.to_str().unwrap()]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("Student,Submitted (UTC),"), "{csv}");
    assert!(csv.lines().nth(1).unwrap().starts_with("Ana Diaz,1970-01-01 00:00,100.0,2,83.3"), "{csv}");

    let tampered = dir.join("tampered.json");
    std::fs::write(&tampered, text.replace("Ana Diaz", "Ben Ode")).unwrap();
    let out = hit(&["assignment", "grade", file.to_str().unwrap(), tampered.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tampered.json: This submission has been changed since it was saved"));
    assert_eq!(json_lines(&out).len(), 1, "the good file is still graded");
}
