//! `hit`: HIT Trainer's domain from a terminal, for content authors,
//! instructors and tests. It is native only and never part of the web bundle.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod content_check;

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
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Content { command: ContentCommand::Check { dir } } => {
            let dir = dir.or_else(find_content_dir).unwrap_or_else(|| PathBuf::from("content"));
            content_check::run(&dir)
        }
    }
}

/// The `content` folder in the working directory or the nearest parent.
fn find_content_dir() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors().map(|d| d.join("content")).find(|d| Path::new(d).is_dir())
}
