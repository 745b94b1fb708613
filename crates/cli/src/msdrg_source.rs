//! Converts the MS-DRG v43.1 grouping data (the logic tables as JSON, and
//! Table 5 of the FY2026 final rule) into content/codes/msdrg.tsv. The
//! decision rules that combine these value sets are our own file,
//! content/msdrg-rules.toml.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::Value;

/// `logic` is msdrg_logic_v43.1.json, `table5` the FY2026 Table 5 text,
/// `mcc` and `cc` Tables 6I and 6J (the complete MCC and CC lists).
pub fn convert(logic: &str, table5: &str, mcc: &str, cc: &str) -> Result<String, String> {
    let logic: Value = serde_json::from_str(logic).map_err(|e| format!("MS-DRG logic: not JSON: {e}"))?;
    let obj = |name: &str| logic.get(name).and_then(Value::as_object).ok_or_else(|| format!("MS-DRG logic: no {name:?} table"));
    let (dxmap, prmap, drgmap, ccmap, exmap) = (obj("dxmap")?, obj("prmap")?, obj("drgmap")?, obj("ccmap")?, obj("exmap")?);
    let (orpcs, ranks, drg_exclusions) = (obj("orpcsmap")?, obj("surgical_rank")?, obj("drg_exclusions")?);
    let non_extensive: std::collections::HashSet<&str> =
        logic.get("neoormap").and_then(Value::as_array).ok_or("MS-DRG logic: no neoormap")?.iter().filter_map(Value::as_str).collect();
    let strings = |v: &Value| -> Vec<String> { v.as_array().map(|a| a.iter().filter_map(|x| Some(x.as_str()?.to_string())).collect()).unwrap_or_default() };

    // Tables 6I and 6J are the official severity lists; the logic's own
    // levels miss some codes added since it was extracted (Z59.0-, Z16.-).
    let levels = severity_lists(mcc, cc)?;
    // Every value-set label, numbered in first-seen order over sorted codes.
    let mut labels: Vec<String> = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut id_of = |label: &str| -> Result<usize, String> {
        if label.contains('\t') || label.contains('\n') {
            return Err(format!("MS-DRG logic: label {label:?} holds a tab or line break"));
        }
        Ok(*ids.entry(label.to_string()).or_insert_with(|| {
            labels.push(label.to_string());
            labels.len() - 1
        }))
    };
    let mut dx_lines = Vec::new();
    for (code, v) in dxmap {
        let mut labels = strings(v);
        // A code in a principal-diagnosis value set belongs to its DRGs' MDC;
        // a few codes of the April 2026 update lack the MDC label itself.
        if !labels.iter().any(|l| l.starts_with("_MDC")) {
            let mdcs: std::collections::BTreeSet<String> = labels
                .iter()
                .filter(|l| l.ends_with("|PDX"))
                .filter_map(|l| drgmap.get(l.split(['&', '|']).next()?)?["mdc"].as_str().filter(|m| !m.is_empty()).map(|m| format!("_MDC{m}")))
                .collect();
            labels.extend(mdcs);
        }
        let mut refs = Vec::new();
        for label in labels {
            refs.push(id_of(&label)?.to_string());
        }
        let level = levels.get(code.as_str()).copied().unwrap_or("-");
        let (group, aowa, hac) = match ccmap.get(code) {
            Some(cc) => (
                cc["pdx"].as_str().unwrap_or("-").to_string(),
                if cc["aowa"].as_bool() == Some(true) { "1" } else { "0" },
                cc["hac"].as_str().unwrap_or("-").to_string(),
            ),
            None => ("-".into(), "0", "-".into()),
        };
        dx_lines.push((format!("D\t{}\t{level}\t{group}\t{aowa}\t{hac}", refs.join(",")), code.clone()));
    }
    let mut pr_lines = Vec::new();
    // The extraction left two words of a definition ("One", "with") as keys.
    let pcs_shaped = |c: &str| c.len() == 7 && c.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    for (code, v) in prmap.iter().filter(|(c, _)| pcs_shaped(c)) {
        let mut refs = Vec::new();
        for label in strings(v) {
            // "FAMILY|NAME|CODE|CODE": the label holds only with those codes too.
            let parts: Vec<&str> = label.split('|').collect();
            let (name, with) = if parts.len() > 2 { (parts[..2].join("|"), &parts[2..]) } else { (label.clone(), &parts[0..0]) };
            let mut r = id_of(&name)?.to_string();
            for other in with {
                write!(r, "+{other}").unwrap();
            }
            refs.push(r);
        }
        let or = match (orpcs.get(code), non_extensive.contains(code.as_str())) {
            (Some(_), true) => "N",
            (Some(_), false) => "E",
            (None, _) => "-",
        };
        let home = orpcs.get(code).map(strings).unwrap_or_default().join(",");
        pr_lines.push((format!("P\t{}\t{or}\t{}", refs.join(","), if home.is_empty() { "-" } else { &home }), code.clone()));
    }
    // Operating-room procedures the value sets do not mention still count.
    for (code, v) in orpcs {
        if !prmap.contains_key(code) {
            let or = if non_extensive.contains(code.as_str()) { "N" } else { "E" };
            pr_lines.push((format!("P\t\t{or}\t{}", strings(v).join(",")), code.clone()));
        }
    }

    let weights = table5_rows(table5)?;
    let mut drg_lines = Vec::new();
    for (drg, v) in drgmap {
        let t5 = weights.get(drg.as_str()).ok_or_else(|| format!("Table 5 has no MS-DRG {drg}"))?;
        let kind = match (v["is_surgical"].as_bool(), v["is_medical"].as_bool()) {
            (Some(true), _) => "S",
            (_, Some(true)) => "M",
            _ => "-",
        };
        let mdc = v["mdc"].as_str().filter(|m| !m.is_empty()).unwrap_or("-");
        let rank = ranks.get(drg).or_else(|| ranks.get(drg.trim_start_matches('0'))).and_then(Value::as_u64).map_or("-".to_string(), |r| r.to_string());
        let title = v["desc"].as_str().ok_or_else(|| format!("MS-DRG {drg} has no description"))?;
        drg_lines.push(format!("G\t{drg}\t{mdc}\t{kind}\t{}\t{}\t{}\t{}\t{}\t{rank}\t{title}", t5.weight, t5.gmlos, t5.amlos, t5.post_acute, t5.special_pay));
    }
    let mut out = String::new();
    writeln!(out, "# MS-DRG v43.1 value sets and FY2026 Table 5, converted by `hit content build-codes`.").unwrap();
    writeln!(out, "# Generated file: do not edit. Format: content/codes/README.md").unwrap();
    for (i, l) in labels.iter().enumerate() {
        writeln!(out, "L\t{i}\t{l}").unwrap();
    }
    for l in &drg_lines {
        writeln!(out, "{l}").unwrap();
    }
    // Codes that share every attribute share a line: far fewer lines.
    for lines in [dx_lines, pr_lines] {
        let mut by_attributes: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (attributes, code) in lines {
            by_attributes.entry(attributes).or_default().push(code);
        }
        for (attributes, mut codes) in by_attributes {
            codes.sort();
            writeln!(out, "{attributes}\t{}", codes.join(",")).unwrap();
        }
    }
    for (group, codes) in exmap {
        writeln!(out, "X\t{group}\t{}", strings(codes).join(",")).unwrap();
    }
    for (drg, codes) in drg_exclusions {
        writeln!(out, "E\t{drg}\t{}", strings(codes).join(",")).unwrap();
    }
    Ok(out)
}

/// Code (no dot) to "MCC" or "CC", from Tables 6I and 6J.
fn severity_lists<'a>(mcc: &'a str, cc: &'a str) -> Result<BTreeMap<String, &'static str>, String> {
    let mut out = BTreeMap::new();
    for (text, level, name) in [(cc, "CC", "Table 6J"), (mcc, "MCC", "Table 6I")] {
        let mut found = 0;
        for line in text.lines() {
            let code = line.split('\t').next().unwrap_or("").trim();
            let key: String = code.chars().filter(|c| *c != '.').collect();
            if key.len() >= 3 && key.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && key.chars().all(|c| c.is_ascii_alphanumeric()) && line.contains('\t') {
                // The MCC list is read last: a code on both is an MCC.
                out.insert(key, level);
                found += 1;
            }
        }
        if found < 1000 {
            return Err(format!("{name}: found {found} codes, expected thousands"));
        }
    }
    Ok(out)
}

struct Table5 {
    weight: String,
    gmlos: String,
    amlos: String,
    post_acute: &'static str,
    special_pay: &'static str,
}

/// Table 5 rows by DRG: the weight with the 10% cap applied, the geometric
/// and arithmetic mean lengths of stay, and the post-acute and special-pay flags.
fn table5_rows(text: &str) -> Result<BTreeMap<String, Table5>, String> {
    let mut rows = BTreeMap::new();
    for line in text.lines() {
        let f: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if f.len() < 10 || f[0].len() != 3 || !f[0].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let flag = |s: &str| if s.trim().eq_ignore_ascii_case("yes") { "1" } else { "0" };
        // "." or nothing marks the ungroupable DRGs (998, 999): no weight.
        let number = |s: &str, what: &str| -> Result<String, String> {
            match s.trim() {
                "." | "" => Ok("-".into()),
                n => n.parse::<f64>().map(|_| n.to_string()).map_err(|_| format!("Table 5, MS-DRG {}: {what} {s:?} is not a number", f[0])),
            }
        };
        let previous = rows.insert(
            f[0].to_string(),
            Table5 {
                weight: number(f[7], "weight")?,
                gmlos: number(f[8], "geometric mean LOS")?,
                amlos: number(f[9], "arithmetic mean LOS")?,
                post_acute: flag(f[1]),
                special_pay: flag(f[2]),
            },
        );
        if previous.is_some() {
            return Err(format!("Table 5 lists MS-DRG {} twice", f[0]));
        }
    }
    if rows.len() < 700 {
        return Err(format!("Table 5: found {} MS-DRG rows, expected about 770", rows.len()));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_labels_codes_and_weights() {
        let logic = r#"{"dxmap": {"J189": ["_MDC04", "193&194&195|PDX"], "E1165": ["637&638&639|PDX"], "E1100": ["637&638&639|PDX"]},
            "prmap": {"0DTJ4ZZ": ["397&398&399|APPENDECTOMY ORPCS", "466&467&468|ORPCS|0SP90JZ"]},
            "drgmap": {"193": {"desc": "Simple Pneumonia and Pleurisy with MCC", "is_surgical": false, "is_medical": true, "mdc": "04"}},
            "ccmap": {"E1165": {"aowa": false, "hac": null, "level": "CC", "pdx": "0777"}, "E1100": {"aowa": false, "hac": null, "level": "CC", "pdx": "0777"}},
            "exmap": {"0777": ["E1165", "E1100"]}, "orpcsmap": {"0DTJ4ZZ": ["397"], "0DB00ZZ": ["025"]},
            "surgical_rank": {"397": 210}, "drg_exclusions": {"082": ["S061X3A"]}, "neoormap": ["0DB00ZZ"]}"#;
        let t5 = "title\n193\tNo\tNo\t04\tMED\tSIMPLE PNEUMONIA\t1.3\t1.3177\t4.0\t4.8\r\n".to_string()
            + &(100..900).filter(|d| *d != 193).map(|d| format!("{d}\tNo\tNo\t01\tMED\tX\t1.0\t1.0\t1.0\t1.0\n")).collect::<String>();
        let filler: String = (0..1000).map(|i| format!("Z{i:04}\tfiller\n")).collect();
        let mcc = format!("TABLE 6I\nDiagnosis Code\tDescription\n{filler}");
        let cc = format!("TABLE 6J\nDiagnosis Code\tDescription\nE11.65\tType 2 diabetes with hyperglycemia\nE11.00\tx\n{filler}");
        let out = convert(logic, &t5, &mcc, &cc).unwrap();
        let body: Vec<&str> = out.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            body,
            [
                "L\t0\t637&638&639|PDX",
                "L\t1\t_MDC04",
                "L\t2\t193&194&195|PDX",
                "L\t3\t397&398&399|APPENDECTOMY ORPCS",
                "L\t4\t466&467&468|ORPCS",
                "G\t193\t04\tM\t1.3177\t4.0\t4.8\t0\t0\t-\tSimple Pneumonia and Pleurisy with MCC",
                "D\t0\tCC\t0777\t0\t-\tE1100,E1165",
                "D\t1,2\t-\t-\t0\t-\tJ189",
                "P\t\tN\t025\t0DB00ZZ",
                "P\t3,4+0SP90JZ\tE\t397\t0DTJ4ZZ",
                "X\t0777\tE1165,E1100",
                "E\t082\tS061X3A",
            ]
        );
        assert!(convert(logic, "no table", &mcc, &cc).unwrap_err().contains("Table 5"));
        assert!(convert(logic, &(t5.clone() + "193\tNo\tNo\t04\tMED\tX\t1\t1\t1\t1\n"), &mcc, &cc).unwrap_err().contains("twice"));
        assert!(convert(logic, &t5, "TABLE 6I\n", &cc).unwrap_err().contains("Table 6I"));
    }
}
