//! `hit content check`: read every file under content/ and validate it.

use std::path::Path;
use std::process::ExitCode;

/// Prints a summary on success, or one `content/FILE:LINE: FIELD: MESSAGE`
/// line per problem on stderr and exits 1.
pub fn run(dir: &Path) -> ExitCode {
    let files = match read_tree(dir) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("hit: cannot read {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    match hit_core::content::load(&files) {
        Ok(content) => {
            println!("content OK: {} files checked in {}", files.len(), dir.display());
            println!("  tips: {}", content.tips.len());
            println!("  data sources: {}", content.sources.len());
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} problem(s) in content; nothing was changed", errors.len());
            ExitCode::FAILURE
        }
    }
}

/// Every file below `dir` as (path relative to `dir` with `/`, text), sorted.
/// A file that is not UTF-8 is kept with a marker so it is reported, not skipped.
fn read_tree(dir: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(&path)?;
            let text = String::from_utf8(bytes).unwrap_or_else(|_| "\u{0}not UTF-8".into());
            files.push((rel, text));
        }
    }
    files.sort();
    Ok(files)
}
