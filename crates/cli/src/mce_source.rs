//! Converts the Medicare Code Editor tables into content/codes/mce.tsv,
//! keeping what is in force for FY2026 discharges (2025-10-01 to 2026-09-30).

use std::fmt::Write;

/// First and last discharge dates of FY2026, as the CSVs write dates.
const FY_START: &str = "20251001";
const FY_END: &str = "20260930";

/// Whether a row dated `start`..`end` (end may be empty) applies in FY2026.
fn in_force(start: &str, end: &str) -> bool {
    start <= FY_END && (end.is_empty() || end >= FY_START)
}

/// `dx` is mce_i10dx_master (code,start_date,end_date,flags), `ages` the age
/// groups, `statuses` the discharge statuses.
pub fn convert(dx: &str, ages: &str, statuses: &str) -> Result<String, String> {
    let mut out = String::new();
    writeln!(out, "# Medicare Code Editor v43.1, edits in force for FY2026 discharges, converted by `hit content build-codes`.").unwrap();
    writeln!(out, "# Generated file: do not edit. Format: content/codes/README.md").unwrap();
    for line in ages.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.trim().split(',').collect();
        let [group, from, to, start, end] = f[..] else { return Err(format!("age ranges: bad line {line:?}")) };
        if in_force(start, end) {
            writeln!(out, "A\t{}\t{from}\t{to}", group.to_lowercase()).unwrap();
        }
    }
    let mut valid = Vec::new();
    for line in statuses.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.trim().split(',').collect();
        let [code, start, end] = f[..] else { return Err(format!("discharge statuses: bad line {line:?}")) };
        if in_force(start, end) {
            valid.push(format!("{:0>2}", code));
        }
    }
    writeln!(out, "S\t{}", valid.join(",")).unwrap();
    for line in dx.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.trim().split(',').collect();
        let [code, start, end, flags] = f[..] else { return Err(format!("dx master: bad line {line:?}")) };
        if in_force(start, end) && !flags.is_empty() {
            writeln!(out, "D\t{code}\t{}", flags.replace('|', ",")).unwrap();
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_rows_in_force_for_fy2026() {
        let dx = "code,start_date,end_date,flags\nO80,20151001,20240930,maternity|female\nO80,20241001,,maternity\nF0280,20151001,,manifestation\nE1165,20151001,,\nB880,20151001,20250930,qadm\n";
        let ages = "age_group,start_age,end_age,start_date,end_date\nMaternity,12,55,19840301,20190930\nMaternity,9,64,20191001,\nAdult,15,124,19840301,\n";
        let statuses = "code,startDate,endDate\n1,19801001,\n8,19941001,20050930\n30,19801001,\n";
        let out = convert(dx, ages, statuses).unwrap();
        let body: Vec<&str> = out.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(body, ["A\tmaternity\t9\t64", "A\tadult\t15\t124", "S\t01,30", "D\tO80\tmaternity", "D\tF0280\tmanifestation"]);
    }
}
