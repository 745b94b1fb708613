//! `hit`: HIT Trainer's domain from a terminal, for content authors,
//! instructors and tests. It is native only and never part of the web bundle.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod build_codes;
mod cm_source;
mod content_check;
mod pcs_source;

#[derive(Parser)]
#[command(name = "hit", version = hit_core::VERSION, about = "HIT Trainer command-line tools")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Work with the files under content/.
    Content {
        #[command(subcommand)]
        command: ContentCommand,
    },
}

#[derive(Subcommand)]
enum ContentCommand {
    /// Validate every file under content/; prints FILE:LINE: FIELD: MESSAGE per error.
    Check {
        /// The content folder (default: ./content, or the nearest one above).
        #[arg(long)]
        dir: Option<PathBuf>,
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

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Content { command: ContentCommand::Check { dir } } => {
            let dir = dir.or_else(find_content_dir).unwrap_or_else(|| PathBuf::from("content"));
            content_check::run(&dir)
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
