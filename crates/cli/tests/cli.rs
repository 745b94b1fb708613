//! The `hit` binary as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
