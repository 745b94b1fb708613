//! Assignments: an instructor picks charts to code and questions to answer
//! and shares them as a link; the student's submission file carries what
//! they coded and chose, and the instructor's copy of the app grades it
//! again. A chart is the same for the same scenario and seed everywhere,
//! so a grade never rests on a score the file claims.

use std::collections::BTreeMap;

use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::attempts::{Attempt, Attempts};
use crate::codes::CodeSets;
use crate::content::Content;
use crate::grading::{Answer, grade};
use crate::scenario::Setting;
use crate::store::{Merge, Record};

/// What an instructor asks of a class. Its id is a hash of its content, so
/// the same assignment opened twice, or shared twice, is one assignment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assignment {
    pub title: String,
    pub instructions: String,
    /// "YYYY-MM-DD", shown to students; nothing is locked after it.
    pub due: Option<String>,
    pub charts: Vec<ChartTask>,
    /// Question ids, fixed when the assignment is made so every student gets
    /// the same questions (calculations included: their ids carry a seed).
    pub questions: Vec<String>,
    pub created_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ChartTask {
    pub scenario: String,
    pub seed: u64,
}

/// Why an assignment or a submission cannot be used. Shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssignmentError {
    #[error("Give the assignment a title, so students can tell it apart.")]
    NoTitle,
    #[error("Add at least one chart or one question.")]
    Empty,
    #[error("An assignment holds at most {MAX_CHARTS} charts and {MAX_QUESTIONS} questions; split it into two.")]
    TooBig,
    #[error("The due date {0:?} is not a date (use the date picker, or YYYY-MM-DD).")]
    BadDue(String),
    #[error("The chart “{0}” is not in this version's scenario library. Ask your instructor for a new link, or reload the page to get the newest version.")]
    UnknownScenario(String),
    #[error("The question “{0}” is not in this version's question bank. Ask your instructor for a new link, or reload the page to get the newest version.")]
    UnknownQuestion(String),
    #[error("This link does not hold an assignment ({0}). Copy the whole link your instructor sent, or paste the code after “open=”.")]
    BadLink(String),
    #[error("This file is not a HIT Trainer submission ({0}). Choose a file a student saved with “Download my submission”.")]
    NotASubmission(String),
    #[error("This submission was made by a newer version of HIT Trainer (format {0}). Reload the page to get the newest version, then import again.")]
    NewerFormat(u32),
    #[error("This submission has been changed since it was saved (its checksum does not match). Ask the student to download it again.")]
    Tampered,
}

pub const MAX_CHARTS: usize = 20;
pub const MAX_QUESTIONS: usize = 100;
const LINK_VERSION: &str = "1";

impl Assignment {
    /// A short, stable id: the first 12 hex digits of the SHA-256 of the
    /// assignment as compact JSON.
    pub fn id(&self) -> String {
        let text = serde_json::to_string(self).unwrap_or_default();
        Sha256::digest(text.as_bytes()).iter().take(6).map(|b| format!("{b:02x}")).collect()
    }

    /// Checks the assignment against the bundled content.
    pub fn validate(&self, content: &Content) -> Result<(), AssignmentError> {
        if self.title.trim().is_empty() {
            return Err(AssignmentError::NoTitle);
        }
        if self.charts.is_empty() && self.questions.is_empty() {
            return Err(AssignmentError::Empty);
        }
        if self.charts.len() > MAX_CHARTS || self.questions.len() > MAX_QUESTIONS {
            return Err(AssignmentError::TooBig);
        }
        if let Some(due) = &self.due {
            crate::date::Date::parse(due).map(|_| ()).ok_or_else(|| AssignmentError::BadDue(due.clone()))?;
        }
        for c in &self.charts {
            if content.scenario(&c.scenario).is_none() {
                return Err(AssignmentError::UnknownScenario(c.scenario.clone()));
            }
        }
        for q in &self.questions {
            if crate::quiz::item(&content.bank, q).is_none() {
                return Err(AssignmentError::UnknownQuestion(q.clone()));
            }
        }
        Ok(())
    }

    /// The assignment as the `open=` part of a link: a version, a dot, and
    /// the deflated JSON in URL-safe base64.
    pub fn link_code(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
        format!("{LINK_VERSION}.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed))
    }

    /// Reads a link code, or a whole link holding one, and validates it.
    pub fn from_link(text: &str, content: &Content) -> Result<Assignment, AssignmentError> {
        let text = text.trim();
        let code = text.split_once("open=").map_or(text, |(_, c)| c.split('&').next().unwrap_or(c));
        let bad = |why: &str| AssignmentError::BadLink(why.to_string());
        let (version, body) = code.split_once('.').ok_or_else(|| bad("it has no version"))?;
        if version != LINK_VERSION {
            return Err(bad(&format!("it is of version {version:?}; reload the page to get the newest version")));
        }
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(body).map_err(|_| bad("part of it is missing or changed"))?;
        let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, 1 << 20).map_err(|_| bad("part of it is missing or changed"))?;
        let a: Assignment = serde_json::from_slice(&json).map_err(|e| bad(&e.to_string()))?;
        a.validate(content)?;
        Ok(a)
    }

    /// The first graded attempt at each chart since `since_ms` (what the
    /// instructor sees: later tries are practice), in task order.
    pub fn first_attempts<'a>(&self, attempts: &'a Attempts, since_ms: i64) -> Vec<Option<&'a Attempt>> {
        self.charts
            .iter()
            .map(|t| attempts.attempts.iter().filter(|a| a.scenario == t.scenario && a.seed == t.seed && a.at_ms >= since_ms).min_by_key(|a| a.at_ms))
            .collect()
    }
}

/// An assignment a student has opened, and their answers to its questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Received {
    pub assignment: Assignment,
    pub received_ms: i64,
    /// Question id -> chosen option indexes (in the item's own order), the
    /// first answer given in the assignment's quiz.
    pub answers: BTreeMap<String, Vec<usize>>,
    /// When the student last downloaded a submission.
    pub submitted_ms: Option<i64>,
}

/// Where a student stands on an assignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing<'a> {
    pub charts: Vec<Option<&'a Attempt>>,
    pub answered: usize,
    pub right: usize,
}

impl Standing<'_> {
    pub fn is_complete(&self, a: &Assignment) -> bool {
        self.charts.iter().all(Option::is_some) && self.answered >= a.questions.len()
    }
}

impl Received {
    pub fn standing<'a>(&self, attempts: &'a Attempts, content: &Content) -> Standing<'a> {
        let right = self.answers.iter().filter(|(id, chosen)| crate::quiz::item(&content.bank, id).is_some_and(|i| i.is_correct(chosen))).count();
        Standing { charts: self.assignment.first_attempts(attempts, self.received_ms), answered: self.answers.len(), right }
    }

    /// The questions not answered yet, in the assignment's order.
    pub fn unanswered(&self) -> Vec<String> {
        self.assignment.questions.iter().filter(|q| !self.answers.contains_key(*q)).cloned().collect()
    }

    /// The file a student sends their instructor.
    pub fn submission(&self, attempts: &Attempts, student: &str, now_ms: i64) -> Submission {
        let charts = self
            .assignment
            .first_attempts(attempts, self.received_ms)
            .into_iter()
            .flatten()
            .map(|a| ChartWork { scenario: a.scenario.clone(), seed: a.seed, at_ms: a.at_ms, seconds: a.seconds, answer: a.answer.clone() })
            .collect();
        let mut s = Submission {
            format: SUBMISSION_FORMAT.into(),
            version: SUBMISSION_VERSION,
            student: student.trim().to_string(),
            submitted_ms: now_ms,
            assignment: self.assignment.clone(),
            charts,
            answers: self.answers.clone(),
            checksum: String::new(),
        };
        s.checksum = s.compute_checksum();
        s
    }
}

/// The assignments a student has opened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MyAssignments {
    /// Newest first.
    pub list: Vec<Received>,
}

impl Record for MyAssignments {
    const KEY: &'static str = "hit.assignments";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "your assignments";
}

impl MyAssignments {
    /// Adds an assignment; opening one already here changes nothing.
    /// Returns whether it was new.
    pub fn add(&mut self, assignment: Assignment, now_ms: i64) -> bool {
        if self.list.iter().any(|r| r.assignment == assignment) {
            return false;
        }
        self.list.insert(0, Received { assignment, received_ms: now_ms, ..Default::default() });
        true
    }

    pub fn get(&self, id: &str) -> Option<&Received> {
        self.list.iter().find(|r| r.assignment.id() == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Received> {
        self.list.iter_mut().find(|r| r.assignment.id() == id)
    }

    /// Keeps the first answer to a question of the assignment.
    pub fn record_answer(&mut self, id: &str, question: &str, chosen: &[usize]) {
        if let Some(r) = self.get_mut(id) {
            if r.assignment.questions.iter().any(|q| q == question) {
                r.answers.entry(question.to_string()).or_insert_with(|| chosen.to_vec());
            }
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.list.retain(|r| r.assignment.id() != id);
    }

    /// The assignments that ask for this chart, each with the score of the
    /// attempt that counts for it (`None` until one is graded).
    pub fn asking_for(&self, scenario: &str, seed: u64, attempts: &Attempts) -> Vec<(String, String, Option<f64>)> {
        self.list
            .iter()
            .filter_map(|r| {
                let i = r.assignment.charts.iter().position(|t| t.scenario == scenario && t.seed == seed)?;
                let counted = r.assignment.first_attempts(attempts, r.received_ms)[i].map(Attempt::percent);
                Some((r.assignment.id(), r.assignment.title.clone(), counted))
            })
            .collect()
    }
}

impl Merge for MyAssignments {
    /// Union by assignment; answers given on either side are kept (the first
    /// side's where both answered), and the earlier opening time stands.
    fn merge_from(&mut self, other: MyAssignments) {
        for theirs in other.list {
            match self.get_mut(&theirs.assignment.id()) {
                Some(ours) => {
                    ours.received_ms = ours.received_ms.min(theirs.received_ms);
                    for (q, c) in theirs.answers {
                        ours.answers.entry(q).or_insert(c);
                    }
                    ours.submitted_ms = ours.submitted_ms.max(theirs.submitted_ms);
                }
                None => self.list.push(theirs),
            }
        }
        self.list.sort_by(|a, b| b.received_ms.cmp(&a.received_ms));
    }
}

pub const SUBMISSION_FORMAT: &str = "hit-trainer-submission";
pub const SUBMISSION_VERSION: u32 = 1;

/// What a student hands in: their coding of each chart and their choices
/// on each question, never their scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub format: String,
    pub version: u32,
    pub student: String,
    pub submitted_ms: i64,
    pub assignment: Assignment,
    pub charts: Vec<ChartWork>,
    pub answers: BTreeMap<String, Vec<usize>>,
    /// SHA-256 of the rest: catches a file damaged or edited by hand. It is
    /// no proof against a determined student (no secret can hide in a web
    /// page), which the instructor page says.
    pub checksum: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartWork {
    pub scenario: String,
    pub seed: u64,
    pub at_ms: i64,
    pub seconds: u32,
    pub answer: Answer,
}

impl Submission {
    fn compute_checksum(&self) -> String {
        let unsigned = Submission { checksum: String::new(), ..self.clone() };
        let text = serde_json::to_string(&unsigned).unwrap_or_default();
        Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a submission file, refusing one that is not a submission, is
    /// newer than this version reads, was changed, or names charts or
    /// questions this version does not have.
    pub fn parse(text: &str, content: &Content) -> Result<Submission, AssignmentError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| AssignmentError::NotASubmission(e.to_string()))?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(SUBMISSION_FORMAT) => {}
            Some(other) => return Err(AssignmentError::NotASubmission(format!("its format is {other:?}"))),
            None => return Err(AssignmentError::NotASubmission("it has no format".into())),
        }
        let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
        if version > SUBMISSION_VERSION {
            return Err(AssignmentError::NewerFormat(version));
        }
        let s: Submission = serde_json::from_value(value).map_err(|e| AssignmentError::NotASubmission(e.to_string()))?;
        if s.compute_checksum() != s.checksum {
            return Err(AssignmentError::Tampered);
        }
        s.assignment.validate(content)?;
        Ok(s)
    }
}

/// A submission graded by this copy of the app.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub student: String,
    pub submitted_ms: i64,
    /// One per chart of the assignment, in its order.
    pub charts: Vec<ChartResult>,
    pub answered: usize,
    pub right: usize,
    pub questions: usize,
    /// Per question, in the assignment's order: right, wrong, or `None`
    /// when not answered.
    pub by_question: Vec<Option<bool>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartResult {
    pub scenario: String,
    pub seed: u64,
    /// `None` when the student did not grade this chart.
    pub score: Option<ChartScore>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartScore {
    pub points: f64,
    pub possible: f64,
    /// The student's MS-DRG and the key's (inpatient charts only).
    pub drgs: Option<(u16, u16)>,
    pub seconds: u32,
    /// Code by code, for the instructor's feedback.
    pub grade: crate::grading::Grade,
}

impl ChartScore {
    pub fn percent(&self) -> f64 {
        if self.possible > 0.0 { 100.0 * self.points / self.possible } else { 0.0 }
    }
}

impl Report {
    /// The questions' share right, in percent, if the assignment has any.
    pub fn quiz_percent(&self) -> Option<f64> {
        (self.questions > 0).then(|| 100.0 * self.right as f64 / self.questions as f64)
    }

    /// Each chart counts as one part and the question set as one part; a
    /// chart not done counts zero.
    pub fn overall_percent(&self) -> f64 {
        let parts: Vec<f64> = self.charts.iter().map(|c| c.score.as_ref().map_or(0.0, ChartScore::percent)).chain(self.quiz_percent()).collect();
        if parts.is_empty() { 0.0 } else { parts.iter().sum::<f64>() / parts.len() as f64 }
    }
}

/// Grades a submission from its answers alone: each chart is generated
/// again from its scenario and seed and graded against its key.
pub fn grade_submission(s: &Submission, content: &Content, sets: &CodeSets) -> Report {
    let charts = s
        .assignment
        .charts
        .iter()
        .map(|t| {
            let work = s.charts.iter().find(|w| w.scenario == t.scenario && w.seed == t.seed);
            let scenario = content.scenario(&t.scenario);
            let score = work.zip(scenario).map(|(w, scenario)| {
                let chart = crate::chart::generate(scenario, &content.names, t.seed);
                let g = grade(&chart.key, chart.setting, &w.answer, &content.rubric, sets);
                let drgs = (chart.setting == Setting::Inpatient).then(|| {
                    let c = crate::grading::compare_drgs(&sets.grouper, &chart, &w.answer, 0.0);
                    (c.yours.drg, c.correct.drg)
                });
                ChartScore { points: g.points, possible: g.possible, drgs, seconds: w.seconds, grade: g }
            });
            ChartResult { scenario: t.scenario.clone(), seed: t.seed, score }
        })
        .collect();
    let by_question: Vec<Option<bool>> = s
        .assignment
        .questions
        .iter()
        .map(|q| s.answers.get(q).map(|c| crate::quiz::item(&content.bank, q).is_some_and(|i| i.is_correct(c))))
        .collect();
    let answered = by_question.iter().flatten().count();
    let right = by_question.iter().flatten().filter(|r| **r).count();
    Report { student: s.student.clone(), submitted_ms: s.submitted_ms, charts, answered, right, questions: s.assignment.questions.len(), by_question }
}

/// How the class did on each part: what to go over together.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassSummary {
    /// Per question, in order: (students right, students who answered).
    pub questions: Vec<(usize, usize)>,
    /// Per chart, in order: each key code with how many students coded it
    /// exactly, partly (specificity, POA, sequence or date wrong) and not at
    /// all, and of how many who graded the chart.
    pub codes: Vec<Vec<CodeTally>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CodeTally {
    pub code: String,
    pub exact: usize,
    pub partly: usize,
    pub missing: usize,
}

impl CodeTally {
    pub fn of(&self) -> usize {
        self.exact + self.partly + self.missing
    }
}

pub fn class_summary(a: &Assignment, reports: &[Report]) -> ClassSummary {
    use crate::grading::Verdict;
    let questions = (0..a.questions.len())
        .map(|i| {
            let answers: Vec<bool> = reports.iter().filter_map(|r| r.by_question.get(i).copied().flatten()).collect();
            (answers.iter().filter(|r| **r).count(), answers.len())
        })
        .collect();
    let codes = (0..a.charts.len())
        .map(|c| {
            let mut tallies: Vec<CodeTally> = Vec::new();
            for score in reports.iter().filter_map(|r| r.charts.get(c).and_then(|c| c.score.as_ref())) {
                for item in score.grade.items.iter().filter(|i| i.verdict != Verdict::Extra) {
                    let Some(code) = item.expected.clone() else { continue };
                    let t = match tallies.iter_mut().position(|t| t.code == code) {
                        Some(i) => &mut tallies[i],
                        None => {
                            tallies.push(CodeTally { code, ..Default::default() });
                            tallies.last_mut().unwrap()
                        }
                    };
                    match item.verdict {
                        Verdict::Exact | Verdict::Accepted => t.exact += 1,
                        Verdict::Missing => t.missing += 1,
                        _ => t.partly += 1,
                    }
                }
            }
            tallies
        })
        .collect();
    ClassSummary { questions, codes }
}

/// What an instructor keeps: the assignments they made and the submissions
/// they imported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Gradebook {
    /// Newest first.
    pub assignments: Vec<Assignment>,
    pub submissions: Vec<Submission>,
}

impl Record for Gradebook {
    const KEY: &'static str = "hit.gradebook";
    const VERSION: u32 = 1;
    const LABEL: &'static str = "your assignments and class results";
}

/// What importing one submission did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    Added,
    /// A newer submission from the same student replaced their older one.
    Replaced,
    /// The same or an older submission was already here.
    AlreadyHere,
}

impl Gradebook {
    // Assignments are compared whole rather than by `id()`, which hashes.
    pub fn add_assignment(&mut self, a: Assignment) -> bool {
        if self.assignments.contains(&a) {
            return false;
        }
        self.assignments.insert(0, a);
        true
    }

    /// Files a submission under its assignment (adding the assignment if it
    /// was made elsewhere, say by a colleague). One per student and
    /// assignment: the newest stands.
    pub fn file(&mut self, s: Submission) -> Filed {
        self.add_assignment(s.assignment.clone());
        let same = |x: &Submission| x.assignment == s.assignment && student_key(&x.student) == student_key(&s.student);
        match self.submissions.iter().position(same) {
            Some(i) if self.submissions[i].submitted_ms >= s.submitted_ms => Filed::AlreadyHere,
            Some(i) => {
                self.submissions[i] = s;
                Filed::Replaced
            }
            None => {
                self.submissions.push(s);
                Filed::Added
            }
        }
    }

    /// Submissions for an assignment, by student name.
    pub fn submissions_for(&self, a: &Assignment) -> Vec<&Submission> {
        let mut out: Vec<&Submission> = self.submissions.iter().filter(|s| s.assignment == *a).collect();
        out.sort_by_key(|s| student_key(&s.student));
        out
    }

    pub fn remove_assignment(&mut self, id: &str) {
        self.assignments.retain(|a| a.id() != id);
        self.submissions.retain(|s| s.assignment.id() != id);
    }
}

impl Merge for Gradebook {
    fn merge_from(&mut self, other: Gradebook) {
        let mut theirs = other.assignments;
        theirs.reverse();
        for a in theirs {
            self.add_assignment(a);
        }
        self.assignments.sort_by(|a, b| b.created_ms.cmp(&a.created_ms));
        for s in other.submissions {
            self.file(s);
        }
    }
}

/// Names compared loosely: "Ana  Diaz" and "ana diaz" are one student.
fn student_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Class results as CSV: a row per student, a column per chart, the
/// questions and the overall score.
pub fn class_csv(a: &Assignment, reports: &[Report], titles: impl Fn(&str) -> String) -> String {
    let field = |s: &str| if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() };
    let mut header = vec!["Student".to_string(), "Submitted (UTC)".to_string()];
    header.extend(a.charts.iter().map(|c| field(&format!("{} (seed {}) %", titles(&c.scenario), c.seed))));
    if !a.questions.is_empty() {
        header.push(format!("Questions right of {}", a.questions.len()));
    }
    header.push("Overall %".into());
    let mut out = header.join(",") + "\n";
    for r in reports {
        let mut row = vec![field(&r.student), crate::date::utc_date_time(r.submitted_ms)];
        row.extend(r.charts.iter().map(|c| c.score.as_ref().map_or(String::new(), |s| format!("{:.1}", s.percent()))));
        if !a.questions.is_empty() {
            row.push(r.right.to_string());
        }
        row.push(format!("{:.1}", r.overall_percent()));
        out += &(row.join(",") + "\n");
    }
    out
}

/// Picks the questions for a new assignment: `count` items from `domains`
/// (all when empty), without calculations unless asked, by a seed.
pub fn pick_questions(content: &Content, domains: &[u8], count: usize, calculations: bool, seed: u64) -> Vec<String> {
    let spec = crate::quiz::QuizSpec { domains: domains.to_vec(), count, calculations, ..Default::default() };
    crate::quiz::choose(&content.bank, &crate::history::History::default(), &spec, seed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::{AnswerCode, AnswerProcedure, Skills};

    fn content() -> &'static Content {
        static CONTENT: std::sync::OnceLock<Content> = std::sync::OnceLock::new();
        CONTENT.get_or_init(|| crate::content::bundled().unwrap())
    }

    fn assignment() -> Assignment {
        let c = content();
        Assignment {
            title: "Week 3: respiratory".into(),
            instructions: "Code both charts; sequence carefully.".into(),
            due: Some("2026-12-14".into()),
            charts: vec![ChartTask { scenario: "community-acquired-pneumonia".into(), seed: 7 }, ChartTask { scenario: "lap-appendectomy".into(), seed: 3 }],
            questions: pick_questions(c, &[2], 4, false, 11),
            created_ms: 1_000,
        }
    }

    /// The key of a chart as an answer, with every code right.
    fn perfect(t: &ChartTask) -> Answer {
        let s = content().scenarios.iter().find(|s| s.id == t.scenario).unwrap();
        let key = crate::chart::generate(s, &content().names, t.seed).key;
        Answer {
            diagnoses: std::iter::once(&key.principal).chain(&key.secondary).map(|k| AnswerCode { code: k.code.clone(), poa: k.poa.clone() }).collect(),
            procedures: key.procedures.iter().map(|p| AnswerProcedure { code: p.code.clone(), date: Some(p.date.to_string()) }).collect(),
        }
    }

    fn attempt(t: &ChartTask, at_ms: i64, answer: Answer) -> Attempt {
        Attempt { scenario: t.scenario.clone(), seed: t.seed, at_ms, points: 99.0, possible: 100.0, answer, your_drg: 0, correct_drg: 0, seconds: 300, skills: Skills::default() }
    }

    #[test]
    fn a_link_round_trips_and_a_damaged_one_is_refused() {
        let a = assignment();
        assert_eq!(a.questions.len(), 4);
        a.validate(content()).unwrap();
        let code = a.link_code();
        assert!(code.len() < 1200, "links stay short enough to paste: {}", code.len());
        assert!(code.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)), "URL-safe: {code}");
        let link = format!("https://example.test/assignments?open={code}");
        assert_eq!(Assignment::from_link(&link, content()).unwrap(), a);
        assert_eq!(Assignment::from_link(&code, content()).unwrap().id(), a.id());
        let cut = &code[..code.len() - 8];
        assert!(matches!(Assignment::from_link(cut, content()), Err(AssignmentError::BadLink(_))));
        assert!(matches!(Assignment::from_link("hello", content()), Err(AssignmentError::BadLink(_))));
        assert!(matches!(Assignment::from_link(&format!("9.{}", &code[2..]), content()), Err(AssignmentError::BadLink(m)) if m.contains("version")));
    }

    #[test]
    fn validation_says_what_is_wrong() {
        let check = |change: fn(&mut Assignment), want: AssignmentError| {
            let mut a = assignment();
            change(&mut a);
            assert_eq!(a.validate(content()), Err(want));
        };
        check(|a| a.title = "  ".into(), AssignmentError::NoTitle);
        check(|a| (a.charts, a.questions) = (vec![], vec![]), AssignmentError::Empty);
        check(|a| a.due = Some("2026-02-30".into()), AssignmentError::BadDue("2026-02-30".into()));
        check(|a| a.charts[0].scenario = "no-such-case".into(), AssignmentError::UnknownScenario("no-such-case".into()));
        check(|a| a.questions.push("no-such-item".into()), AssignmentError::UnknownQuestion("no-such-item".into()));
        check(|a| a.questions = vec!["calc-alos-5".into(); MAX_QUESTIONS + 1], AssignmentError::TooBig);
    }

    #[test]
    fn the_same_assignment_opened_twice_is_one() {
        let mut mine = MyAssignments::default();
        assert!(mine.add(assignment(), 5_000));
        assert!(!mine.add(assignment(), 9_000));
        assert_eq!(mine.list.len(), 1);
        assert_eq!(mine.list[0].received_ms, 5_000);
        let other = Assignment { title: "Week 4".into(), ..assignment() };
        assert_ne!(other.id(), assignment().id());
        assert!(mine.add(other, 6_000));
        assert_eq!(mine.list[0].assignment.title, "Week 4", "newest first");
    }

    #[test]
    fn a_submission_is_regraded_from_its_answers_not_its_claims() {
        let a = assignment();
        let c = content();
        let mut mine = MyAssignments::default();
        mine.add(a.clone(), 10_000);
        let id = a.id();
        // The first question right, the second wrong; the third not answered.
        let q0 = crate::quiz::item(&c.bank, &a.questions[0]).unwrap().answer();
        let q1 = crate::quiz::item(&c.bank, &a.questions[1]).unwrap();
        let wrong: Vec<usize> = (0..q1.options.len()).filter(|i| !q1.answer().contains(i)).take(q1.answer().len()).collect();
        mine.record_answer(&id, &a.questions[0], &q0);
        mine.record_answer(&id, &a.questions[1], &wrong);
        mine.record_answer(&id, &a.questions[1], &q1.answer());
        mine.record_answer(&id, "not-in-the-assignment", &[0]);
        let received = mine.get(&id).unwrap();
        assert_eq!(received.answers.len(), 2, "only the assignment's questions, first answers only");
        assert_eq!(received.unanswered(), a.questions[2..].to_vec());
        // The first chart: practised before opening, then graded twice after;
        // the second chart not done.
        let t = &a.charts[0];
        let attempts = Attempts { attempts: vec![attempt(t, 9_000, Answer::default()), attempt(t, 20_000, perfect(t)), attempt(t, 30_000, Answer::default())] };
        let standing = received.standing(&attempts, c);
        assert_eq!(standing.charts.iter().map(|a| a.map(|a| a.at_ms)).collect::<Vec<_>>(), [Some(20_000), None]);
        assert_eq!((standing.answered, standing.right), (2, 1));
        assert!(!standing.is_complete(&a));

        let sub = received.submission(&attempts, "  Ana Diaz ", 40_000);
        assert_eq!(sub.student, "Ana Diaz");
        let parsed = Submission::parse(&sub.to_text(), c).unwrap();
        assert_eq!(parsed, sub);
        let report = grade_submission(&parsed, c, crate::codes::test_code_sets());
        let first = report.charts[0].score.as_ref().unwrap();
        assert_eq!(first.points, first.possible, "the key, coded, scores full marks");
        let (yours, correct) = first.drgs.unwrap();
        assert_eq!(yours, correct);
        assert!(report.charts[1].score.is_none());
        assert_eq!((report.answered, report.right, report.questions), (2, 1, 4));
        assert_eq!(report.quiz_percent(), Some(25.0));
        assert!((report.overall_percent() - (100.0 + 0.0 + 25.0) / 3.0).abs() < 1e-9);

        // A wrong answer in the file is graded as wrong, whatever else it says.
        let mut worse = sub.clone();
        worse.charts[0].answer.diagnoses.truncate(1);
        worse.checksum = worse.compute_checksum();
        let r = grade_submission(&worse, c, crate::codes::test_code_sets());
        assert!(r.charts[0].score.as_ref().unwrap().percent() < 100.0);
    }

    #[test]
    fn a_chart_knows_which_assignments_ask_for_it() {
        let a = assignment();
        let t = a.charts[0].clone();
        let mut mine = MyAssignments::default();
        mine.add(a.clone(), 1_000);
        mine.add(Assignment { title: "Other".into(), charts: vec![ChartTask { scenario: t.scenario.clone(), seed: t.seed + 1 }], ..a.clone() }, 1_000);
        let none = Attempts::default();
        assert_eq!(mine.asking_for(&t.scenario, t.seed, &none), [(a.id(), a.title.clone(), None)]);
        let graded = Attempts { attempts: vec![Attempt { points: 3.0, possible: 4.0, ..attempt(&t, 2_000, Answer::default()) }] };
        assert_eq!(mine.asking_for(&t.scenario, t.seed, &graded), [(a.id(), a.title.clone(), Some(75.0))]);
        assert!(mine.asking_for("lap-appendectomy", 999, &graded).is_empty());
    }

    #[test]
    fn the_class_summary_counts_each_question_and_each_key_code() {
        let c = content();
        let a = Assignment { charts: vec![assignment().charts[0].clone()], ..assignment() };
        let t = &a.charts[0];
        let full = perfect(t);
        let principal_only = Answer { diagnoses: full.diagnoses[..1].to_vec(), procedures: vec![] };
        assert!(full.diagnoses.len() > 1, "the case has secondary diagnoses");
        let answer_of = |q: &str, right: bool| {
            let item = crate::quiz::item(&c.bank, q).unwrap();
            if right { item.answer() } else { (0..item.options.len()).filter(|o| !item.answer().contains(o)).take(item.answer().len()).collect() }
        };
        let student = |name: &str, coded: Option<Answer>, right: &[bool]| {
            let mut mine = MyAssignments::default();
            mine.add(a.clone(), 0);
            for (q, r) in a.questions.iter().zip(right) {
                mine.record_answer(&a.id(), q, &answer_of(q, *r));
            }
            let attempts = Attempts { attempts: coded.map(|ans| attempt(t, 10, ans)).into_iter().collect() };
            grade_submission(&mine.list[0].submission(&attempts, name, 20), c, crate::codes::test_code_sets())
        };
        let reports = [student("A", Some(full.clone()), &[true, true, false, true]), student("B", Some(principal_only), &[true, false]), student("C", None, &[])];
        assert_eq!(reports[1].by_question, [Some(true), Some(false), None, None]);
        let summary = class_summary(&a, &reports);
        assert_eq!(summary.questions, [(2, 2), (1, 2), (0, 1), (1, 1)]);
        let tallies = &summary.codes[0];
        let principal = &tallies[0];
        assert!(principal.code.starts_with(&full.diagnoses[0].code), "{principal:?}");
        assert_eq!((principal.exact, principal.partly, principal.missing, principal.of()), (2, 0, 0, 2), "C did not grade the chart and is not counted");
        for t in &tallies[1..] {
            assert_eq!((t.exact, t.missing), (1, 1), "{t:?}");
        }
    }

    #[test]
    fn a_bad_submission_file_is_refused_with_a_reason() {
        let c = content();
        let mut mine = MyAssignments::default();
        mine.add(assignment(), 0);
        let sub = mine.list[0].submission(&Attempts::default(), "Ana", 1);
        let text = sub.to_text();
        let check = |text: &str, want: fn(&AssignmentError) -> bool| {
            let e = Submission::parse(text, c).unwrap_err();
            assert!(want(&e), "{e}");
        };
        check("not json", |e| matches!(e, AssignmentError::NotASubmission(_)));
        check(r#"{"format":"hit-trainer-backup","version":1}"#, |e| matches!(e, AssignmentError::NotASubmission(m) if m.contains("backup")));
        check(&text.replace("\"version\": 1", "\"version\": 7"), |e| *e == AssignmentError::NewerFormat(7));
        check(&text.replace("\"Ana\"", "\"Bob\""), |e| *e == AssignmentError::Tampered);
        let mut foreign = sub.clone();
        foreign.assignment.charts[0].scenario = "from-a-newer-library".into();
        foreign.checksum = foreign.compute_checksum();
        check(&foreign.to_text(), |e| matches!(e, AssignmentError::UnknownScenario(_)));
    }

    #[test]
    fn the_gradebook_keeps_one_submission_per_student_the_newest() {
        let mut mine = MyAssignments::default();
        mine.add(assignment(), 0);
        let r = &mine.list[0];
        let sub = |who: &str, at: i64| r.submission(&Attempts::default(), who, at);
        let mut book = Gradebook::default();
        assert_eq!(book.file(sub("Ana Diaz", 10)), Filed::Added);
        assert_eq!(book.assignments.len(), 1, "an assignment made elsewhere is added with its first submission");
        assert_eq!(book.file(sub("ana  diaz", 10)), Filed::AlreadyHere);
        assert_eq!(book.file(sub("Ana Diaz", 5)), Filed::AlreadyHere);
        assert_eq!(book.file(sub("Ana Diaz", 20)), Filed::Replaced);
        assert_eq!(book.file(sub("Ben Ode", 15)), Filed::Added);
        let id = assignment().id();
        let got: Vec<(&str, i64)> = book.submissions_for(&assignment()).iter().map(|s| (s.student.as_str(), s.submitted_ms)).collect();
        assert_eq!(got, [("Ana Diaz", 20), ("Ben Ode", 15)]);
        // Merging a copy of the gradebook (another tab) changes nothing; an
        // older copy does not bring back a replaced submission.
        let mut copy = book.clone();
        copy.merge_from(book.clone());
        assert_eq!(copy, book);
        let mut old = Gradebook::default();
        old.file(sub("Ana Diaz", 10));
        copy.merge_from(old);
        assert_eq!(copy, book);
        book.remove_assignment(&id);
        assert!(book.assignments.is_empty() && book.submissions.is_empty());
    }

    #[test]
    fn my_assignments_merge_keeps_both_sides_answers() {
        let a = assignment();
        let id = a.id();
        let mut left = MyAssignments::default();
        left.add(a.clone(), 50);
        left.record_answer(&id, &a.questions[0], &[1]);
        let mut right = MyAssignments::default();
        right.add(a.clone(), 20);
        right.record_answer(&id, &a.questions[0], &[2]);
        right.record_answer(&id, &a.questions[1], &[0]);
        right.add(Assignment { title: "Other".into(), ..a.clone() }, 30);
        left.merge_from(right);
        assert_eq!(left.list.len(), 2);
        let r = left.get(&id).unwrap();
        assert_eq!(r.received_ms, 20);
        assert_eq!(r.answers[&a.questions[0]], [1], "ours stands where both answered");
        assert_eq!(r.answers[&a.questions[1]], [0]);
    }

    #[test]
    fn class_results_as_csv() {
        let a = assignment();
        let report = |student: &str, chart: Option<f64>, right: usize| Report {
            student: student.into(),
            submitted_ms: 1_764_620_100_000,
            charts: a
                .charts
                .iter()
                .map(|t| ChartResult {
                    scenario: t.scenario.clone(),
                    seed: t.seed,
                    score: chart.map(|p| ChartScore { points: p, possible: 10.0, drgs: None, seconds: 0, grade: crate::grading::Grade { items: vec![], excludes1: vec![], points: p, possible: 10.0 } }),
                })
                .collect(),
            answered: 4,
            right,
            questions: 4,
            by_question: (0..4).map(|i| Some(i < right)).collect(),
        };
        let csv = class_csv(&a, &[report("Diaz, Ana", Some(7.5), 3), report("Ben", None, 0)], |id| id.replace('-', " "));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "Student,Submitted (UTC),community acquired pneumonia (seed 7) %,lap appendectomy (seed 3) %,Questions right of 4,Overall %");
        assert_eq!(lines[1], "\"Diaz, Ana\",2025-12-01 20:15,75.0,75.0,3,75.0");
        assert_eq!(lines[2], "Ben,2025-12-01 20:15,,,0,0.0");
    }
}
