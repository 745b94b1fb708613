//! The codebook against the official FY2026 files in ../shared/data (as CI
//! has it beside the clone). These read the raw files directly, so they
//! check our converter and our validation against the source, not against
//! themselves.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use hit_core::codes::CodeSets;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn data() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    assert!(dir.join("MANIFEST.md").is_file(), "the official data must be at {} (../shared/data beside the repository)", dir.display());
    dir
}

fn xz(path: &str) -> String {
    let bytes = std::fs::read(data().join(path)).unwrap();
    let mut out = Vec::new();
    lzma_rs::xz_decompress(&mut bytes.as_slice(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn sets() -> &'static CodeSets {
    static SETS: std::sync::OnceLock<CodeSets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let files: Vec<(String, String)> = hit_core::content::CODE_FILES
            .iter()
            .map(|f| (f.to_string(), std::fs::read_to_string(root.join(f)).unwrap()))
            .collect();
        hit_core::content::load_code_sets(&files).unwrap()
    })
}

#[test]
fn every_line_of_the_official_cm_list_gets_the_right_status() {
    let list = xz("icd10cm/icd10cm_codes_2026_april.txt.xz");
    let lines: Vec<&str> = list.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let codes: Vec<&str> = lines.iter().copied().filter(|l| !l.contains('-') && !l.chars().all(|c| c.is_ascii_digit())).collect();
    // Billable exactly when no listed code extends it.
    let extended: HashSet<&str> = codes.iter().flat_map(|c| (3..c.len()).map(move |n| &c[..n])).collect();
    assert!(codes.len() > 90_000, "only {} codes read", codes.len());
    let mut wrong = Vec::new();
    for code in &codes {
        let leaf = !extended.contains(code);
        let v = sets().cm.validate(code);
        if !v.status.is_valid() || v.status.is_billable() != leaf {
            wrong.push(format!("{code}: expected valid, billable={leaf}; got {:?}", v.status));
        }
    }
    // Chapters and blocks are in the list as headings: each must be one of ours.
    for line in lines.iter().filter(|l| l.contains('-') || l.chars().all(|c| c.is_ascii_digit())) {
        let known = sets().cm.chapters.iter().any(|c| c.number == *line || c.range == *line)
            || sets().cm.sections.iter().any(|s| s.range == *line);
        if !known {
            wrong.push(format!("{line}: chapter or block missing"));
        }
    }
    assert!(wrong.is_empty(), "{} wrong, first: {:#?}", wrong.len(), &wrong[..wrong.len().min(20)]);
}

#[test]
fn seven_character_codes_not_in_the_list_are_refused() {
    let list = xz("icd10cm/icd10cm_codes_2026_april.txt.xz");
    let all: HashSet<&str> = list.lines().map(str::trim).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let sevenths = "ABCDEFGHJKMNPQRSZ";
    let bases: Vec<&str> = all.iter().copied().filter(|c| c.len() == 7 && c.starts_with('S')).map(|c| &c[..6]).collect();
    let mut checked = 0;
    for _ in 0..5_000 {
        let base = bases[rng.random_range(0..bases.len())];
        let c = sevenths.as_bytes()[rng.random_range(0..sevenths.len())] as char;
        let code = format!("{base}{c}");
        let valid = sets().cm.validate(&code).status.is_valid();
        assert_eq!(valid, all.contains(code.as_str()), "{code}");
        checked += 1;
    }
    assert_eq!(checked, 5_000);
}

/// Every code the official PCS tables allow, expanded from the XML itself.
fn official_pcs_codes() -> HashSet<String> {
    let xml = xz("icd10pcs/icd10pcs_tables_2026.xml.xz");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let mut codes = HashSet::new();
    for table in doc.root_element().children().filter(|n| n.has_tag_name("pcsTable")) {
        let label_codes = |axis: roxmltree::Node| -> Vec<String> {
            axis.children().filter(|n| n.has_tag_name("label")).map(|l| l.attribute("code").unwrap().to_string()).collect()
        };
        let head: String = table.children().filter(|n| n.has_tag_name("axis")).map(|a| label_codes(a).concat()).collect();
        for row in table.children().filter(|n| n.has_tag_name("pcsRow")) {
            let mut prefixes = vec![head.clone()];
            for axis in row.children().filter(|n| n.has_tag_name("axis")) {
                let values = label_codes(axis);
                prefixes = prefixes.iter().flat_map(|p| values.iter().map(move |v| format!("{p}{v}"))).collect();
            }
            codes.extend(prefixes);
        }
    }
    codes
}

#[test]
fn every_official_pcs_code_is_valid_and_nothing_else_is() {
    let official = official_pcs_codes();
    assert_eq!(official.len(), 79_115);
    for code in &official {
        assert!(sets().pcs.validate(code).valid, "{code} should be valid");
    }
    let ours: HashSet<String> = sets().pcs.codes().collect();
    assert_eq!(ours, official);
    // Random strings: mostly in real tables, so the row check is exercised.
    let prefixes: Vec<&str> = sets().pcs.tables.iter().map(|t| t.code.as_str()).collect();
    let alphabet: Vec<char> = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".chars().collect();
    let mut rng = ChaCha8Rng::seed_from_u64(79_115);
    let mut refused = 0;
    for _ in 0..20_000 {
        let mut code = if rng.random_bool(0.9) { prefixes[rng.random_range(0..prefixes.len())].to_string() } else { String::new() };
        while code.len() < 7 {
            code.push(alphabet[rng.random_range(0..alphabet.len())]);
        }
        let valid = sets().pcs.validate(&code).valid;
        assert_eq!(valid, official.contains(&code), "{code}");
        refused += usize::from(!valid);
    }
    assert!(refused > 15_000, "the random strings were mostly valid codes ({refused} refused)");
}

#[test]
fn committed_code_files_are_exactly_what_the_converter_makes() {
    let out = Command::new(env!("CARGO_BIN_EXE_hit"))
        .args(["content", "build-codes", "--from", data().to_str().unwrap(), "--out"])
        .arg(scratch())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/codes");
    for entry in std::fs::read_dir(scratch()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        let fresh = std::fs::read(&path).unwrap();
        let ours = std::fs::read(committed.join(name)).unwrap_or_default();
        assert!(fresh == ours, "content/codes/{} differs from a fresh conversion: run `hit content build-codes --from ../shared/data`", name.to_string_lossy());
    }
    let gzip_total: usize = hit_core::content::CODE_FILES
        .iter()
        .map(|f| gzip_len(&std::fs::read(committed.join(f.trim_start_matches("codes/"))).unwrap()))
        .sum();
    // The codebook (about 0.9 MB) and the MS-DRG grouper data (about 0.47 MB).
    assert!(gzip_total <= 1_500_000, "code data is {gzip_total} bytes gzipped; the budget is 1.5 MB");
}

use std::process::Command;

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hit-build-codes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut child = Command::new("gzip").arg("-9").stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().unwrap();
    // Write from another thread so gzip's full output pipe cannot block us.
    let mut stdin = child.stdin.take().unwrap();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let len = child.wait_with_output().unwrap().stdout.len();
    writer.join().unwrap().unwrap();
    len
}

/// Each scenario's `mdc` is an MDC that MS-DRG v43.1 assigns to its
/// principal diagnosis (every principal it can have), read from the
/// official grouper logic in ../shared/data/msdrg.
#[test]
fn every_scenario_mdc_is_one_the_grouper_gives_its_principal_diagnosis() {
    let logic: serde_json::Value = serde_json::from_str(&xz("msdrg/msdrg_logic_v43.1.json.xz")).unwrap();
    let dxmap = logic["dxmap"].as_object().unwrap();
    let content = hit_core::content::bundled().unwrap();
    let mut problems = Vec::new();
    for s in &content.scenarios {
        for d in s.diagnoses.iter().filter(|d| d.principal) {
            let key = d.code.replace('.', "");
            let mdcs: Vec<u8> = dxmap
                .get(&key)
                .and_then(|v| v.as_array())
                .map(|v| v.iter().filter_map(|x| x.as_str()?.strip_prefix("_MDC")?.parse().ok()).collect())
                .unwrap_or_default();
            if !mdcs.contains(&s.mdc) {
                problems.push(format!("{}: mdc = {} but MS-DRG v43.1 gives {} the MDCs {mdcs:?}", s.id, s.mdc, d.code));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
