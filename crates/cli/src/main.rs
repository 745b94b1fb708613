//! `hit`: HIT Trainer's domain from a terminal, for content authors,
//! instructors and tests. It is native only and never part of the web bundle.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod assignment_cmd;
mod build_codes;
mod chart_cmd;
mod cm_source;
mod codes_cmd;
mod content_check;
mod grade_cmd;
mod group_cmd;
mod mce_source;
mod msdrg_source;
mod pcs_source;
mod quiz_cmd;

#[derive(Parser)]
#[command(name = "hit", version = hit_core::VERSION, about = "HIT Trainer command-line tools")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Synthetic charts: list scenarios, or generate one chart with its key.
    Chart {
        /// List every scenario as JSON lines.
        #[arg(long)]
        list: bool,
        scenario: Option<String>,
        seed: Option<u64>,
        /// Print the chart as one JSON object.
        #[arg(long)]
        json: bool,
        /// Read scenarios from this content folder instead of the ones built into `hit`.
        #[arg(long)]
        content: Option<PathBuf>,
    },
    /// Look up ICD-10-CM and ICD-10-PCS codes.
    Codes {
        /// The content folder holding codes/ (default: ./content, or the nearest one above).
        #[arg(long, global = true)]
        content: Option<PathBuf>,
        #[command(subcommand)]
        command: CodesCommand,
    },
    /// Group a claim into an MS-DRG (v43.1, FY2026 weights).
    Group {
        /// Principal diagnosis (ICD-10-CM).
        #[arg(long, required_unless_present = "stdin")]
        pdx: Option<String>,
        /// Secondary diagnoses.
        #[arg(long, num_args = 1..)]
        sdx: Vec<String>,
        /// ICD-10-PCS procedures.
        #[arg(long = "proc", num_args = 1..)]
        procs: Vec<String>,
        #[arg(long, required_unless_present = "stdin")]
        age: Option<u8>,
        /// M, F or U.
        #[arg(long, required_unless_present = "stdin")]
        sex: Option<String>,
        /// UB-04 discharge status, e.g. 01 (home) or 20 (expired).
        #[arg(long, required_unless_present = "stdin")]
        discharge_status: Option<String>,
        /// Print one JSON line {"drg","mdc","description","weight","severity"}.
        #[arg(long)]
        json: bool,
        /// Read JSON-line claims {"pdx","sdx","procs","age","sex","discharge_status"} from standard input.
        #[arg(long, conflicts_with_all = ["pdx", "age", "sex", "discharge_status"])]
        stdin: bool,
        /// The content folder holding codes/ and msdrg-rules.toml.
        #[arg(long)]
        content: Option<PathBuf>,
    },
    /// Grade a coded chart against its answer key; prints the grading as JSON.
    Grade {
        scenario: String,
        seed: u64,
        /// JSON: {"diagnoses":[{"code","poa"}],"procedures":[{"code","date"}]}, principal first.
        #[arg(long)]
        answer: PathBuf,
        /// Dollars per unit of relative weight, for the payment difference.
        #[arg(long, default_value_t = hit_core::settings::DEFAULT_BASE_RATE)]
        base_rate: u32,
        /// The content folder (scenarios, codes/, rubric).
        #[arg(long)]
        content: Option<PathBuf>,
    },
    /// Assignments: grade the submission files students hand in.
    Assignment {
        #[command(subcommand)]
        command: AssignmentCommand,
    },
    /// The RHIT question bank.
    Quiz {
        #[command(subcommand)]
        command: QuizCommand,
    },
    /// Work with the files under content/.
    Content {
        #[command(subcommand)]
        command: ContentCommand,
    },
}

#[derive(Subcommand)]
enum CodesCommand {
    /// Validate codes; prints one JSON object per code, in input order.
    Check {
        codes: Vec<String>,
        /// Also read codes from standard input, one per line.
        #[arg(long)]
        stdin: bool,
    },
    /// Ranked search over titles, inclusion terms, index terms and codes.
    Search {
        query: String,
        /// icd10cm or icd10pcs (default: both).
        #[arg(long, value_parser = ["icd10cm", "icd10pcs"])]
        system: Option<String>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
}

#[derive(Subcommand)]
enum AssignmentCommand {
    /// Grade submission files; prints a JSON line per student (the newest
    /// submission of each), or with --csv the results per assignment.
    Grade {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        csv: bool,
        /// The content folder (scenarios, codes/, rubric, question bank).
        #[arg(long)]
        content: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum QuizCommand {
    /// Items drawn as a quiz draws them; with --json, one JSON object per line.
    Sample {
        /// 1 to 6, in the order of the RHIT domains (default: all).
        #[arg(long)]
        domain: Option<u8>,
        #[arg(long, default_value_t = 10)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Mix in generated calculation items, as quizzes can.
        #[arg(long)]
        calculations: bool,
        #[arg(long)]
        json: bool,
        /// Read the bank from this content folder instead of the one built into `hit`.
        #[arg(long)]
        content: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ContentCommand {
    /// Validate every file under content/; prints FILE:LINE: FIELD: MESSAGE per error.
    Check {
        /// The content folder (default: ./content, or the nearest one above).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Charts generated per scenario to check its answer key.
        #[arg(long, default_value_t = 60)]
        seeds: u64,
    },
    /// Convert the official code-set files into content/codes/.
    BuildCodes {
        /// The folder holding the official files (see its MANIFEST.md).
        #[arg(long)]
        from: PathBuf,
        /// Where to write (default: content/codes).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// The bundled content, or the content under `dir`; errors are printed.
fn load_content(dir: Option<PathBuf>) -> Result<hit_core::content::Content, ExitCode> {
    let loaded = match dir {
        None => hit_core::content::bundled(),
        Some(dir) => match content_check::read_tree(&dir) {
            Ok(files) => hit_core::content::load(&files),
            Err(e) => {
                eprintln!("hit: cannot read {}: {e}", dir.display());
                return Err(ExitCode::from(2));
            }
        },
    };
    loaded.map_err(|errors| {
        errors.iter().for_each(|e| eprintln!("{e}"));
        ExitCode::FAILURE
    })
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Chart { list, scenario, seed, json, content } => {
            let content = match load_content(content) {
                Ok(content) => content,
                Err(code) => return code,
            };
            match (list, scenario, seed) {
                (true, _, _) => chart_cmd::list(&content),
                (false, Some(id), Some(seed)) => chart_cmd::show(&content, &id, seed, json),
                _ => {
                    eprintln!("hit: use `hit chart --list` or `hit chart SCENARIO SEED [--json]`");
                    ExitCode::from(2)
                }
            }
        }
        Command::Codes { content, command } => {
            let dir = content.or_else(find_content_dir).unwrap_or_else(|| PathBuf::from("content"));
            let sets = match codes_cmd::load(&dir) {
                Ok(sets) => sets,
                Err(e) => {
                    eprintln!("hit: {e}");
                    return ExitCode::from(2);
                }
            };
            match command {
                CodesCommand::Check { codes, stdin } => codes_cmd::check(&sets, &codes, stdin),
                CodesCommand::Search { query, system, limit } => {
                    codes_cmd::search(&sets, &query, system.as_deref().and_then(hit_core::codes::System::from_id), limit)
                }
            }
        }
        Command::Group { pdx, sdx, procs, age, sex, discharge_status, json, stdin, content } => {
            let dir = content.or_else(find_content_dir).unwrap_or_else(|| PathBuf::from("content"));
            let sets = match codes_cmd::load(&dir) {
                Ok(sets) => sets,
                Err(e) => {
                    eprintln!("hit: {e}");
                    return ExitCode::from(2);
                }
            };
            if stdin {
                return group_cmd::stdin(&sets);
            }
            let claim = (|| -> Result<hit_core::grouper::Claim, String> {
                Ok(hit_core::grouper::Claim {
                    pdx: pdx.unwrap_or_default(),
                    sdx,
                    procedures: procs,
                    age: age.unwrap_or_default(),
                    sex: group_cmd::parse_sex(sex.as_deref().unwrap_or_default())?,
                    discharge_status: group_cmd::parse_status(discharge_status.as_deref().unwrap_or_default())?,
                })
            })();
            match claim {
                Ok(claim) => group_cmd::one(&sets, &claim, json),
                Err(e) => {
                    eprintln!("hit: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Grade { scenario, seed, answer, base_rate, content } => {
            let dir = content.clone().or_else(find_content_dir).unwrap_or_else(|| PathBuf::from("content"));
            let content = match load_content(content) {
                Ok(content) => content,
                Err(code) => return code,
            };
            match codes_cmd::load(&dir) {
                Ok(sets) => grade_cmd::run(&content, &sets, &scenario, seed, &answer, base_rate),
                Err(e) => {
                    eprintln!("hit: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Assignment { command: AssignmentCommand::Grade { files, csv, content } } => {
            let dir = content.clone().or_else(find_content_dir).unwrap_or_else(|| PathBuf::from("content"));
            let content = match load_content(content) {
                Ok(content) => content,
                Err(code) => return code,
            };
            match codes_cmd::load(&dir) {
                Ok(sets) => assignment_cmd::grade(&content, &sets, &files, csv),
                Err(e) => {
                    eprintln!("hit: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Quiz { command: QuizCommand::Sample { domain, count, seed, calculations, json, content } } => {
            match load_content(content) {
                Ok(content) => quiz_cmd::sample(&content, domain, count, seed, calculations, json),
                Err(code) => code,
            }
        }
        Command::Content { command: ContentCommand::Check { dir, seeds } } => {
            let dir = dir.or_else(find_content_dir).unwrap_or_else(|| PathBuf::from("content"));
            content_check::run(&dir, seeds)
        }
        Command::Content { command: ContentCommand::BuildCodes { from, out } } => {
            let out = out.or_else(|| find_content_dir().map(|d| d.join("codes"))).unwrap_or_else(|| PathBuf::from("content/codes"));
            match build_codes::build(&from).and_then(|output| {
                std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
                for (name, text) in &output.files {
                    std::fs::write(out.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))?;
                    println!("wrote {} ({} bytes)", out.join(name).display(), text.len());
                }
                Ok(())
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("hit: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// The `content` folder in the working directory or the nearest parent.
fn find_content_dir() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors().map(|d| d.join("content")).find(|d| Path::new(d).is_dir())
}
