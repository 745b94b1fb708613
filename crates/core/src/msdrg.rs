//! The MS-DRG v43.1 tables (content/codes/msdrg.tsv): the value-set labels
//! that codes carry, each DRG's MDC, type, weight and mean lengths of stay,
//! CC/MCC levels with their principal-diagnosis exclusions, and O.R.
//! procedure flags. The rules that combine them are in [`crate::drg_rules`];
//! grouping is [`crate::grouper`].

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::codes::{CodesError, normalize};

/// One MS-DRG as Table 5 and the definitions give it.
#[derive(Debug, Clone, PartialEq)]
pub struct Drg {
    pub number: u16,
    /// 1 to 25, or `None` for pre-MDC and the DRGs outside any MDC (981-989, 998, 999).
    pub mdc: Option<u8>,
    pub surgical: bool,
    /// Relative weight (10% cap applied); `None` for 998 and 999.
    pub weight: Option<f64>,
    pub gmlos: Option<f64>,
    pub amlos: Option<f64>,
    pub post_acute: bool,
    pub special_pay: bool,
    /// Place in the surgical hierarchy (lower ranks first).
    pub rank: Option<u32>,
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    None,
    Cc,
    Mcc,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::None => "none",
            Severity::Cc => "CC",
            Severity::Mcc => "MCC",
        }
    }
}

/// What the grouper knows of a diagnosis code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DxAttributes {
    pub labels: Vec<u16>,
    /// Its level as a secondary diagnosis.
    pub level: Severity,
    /// The principal-diagnosis exclusion list that cancels its CC/MCC level.
    pub exclusion_group: Option<String>,
    /// A CC/MCC only when the patient is discharged alive.
    pub alive_only: bool,
    /// Hospital-acquired condition category, when it is on a HAC list.
    pub hac: Option<String>,
}

/// A label a procedure carries, possibly only together with other procedures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcLabel {
    pub label: u16,
    pub with: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrKind {
    /// Not an operating-room procedure.
    NonOr,
    Extensive,
    NonExtensive,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcAttributes {
    pub labels: Vec<ProcLabel>,
    pub or: OrKind,
    /// The DRGs in which it is an O.R. procedure of its own body system.
    pub home_drgs: Vec<u16>,
}

#[derive(Debug, Clone, Default)]
pub struct Msdrg {
    labels: Vec<String>,
    label_ids: HashMap<String, u16>,
    drgs: BTreeMap<u16, Drg>,
    dx_sets: Vec<DxAttributes>,
    dx: HashMap<String, u32>,
    proc_sets: Vec<ProcAttributes>,
    procs: HashMap<String, u32>,
    exclusions: HashMap<String, HashSet<String>>,
    drg_exclusions: HashMap<u16, HashSet<String>>,
}

impl Msdrg {
    pub fn parse(text: &str) -> Result<Msdrg, CodesError> {
        let mut m = Msdrg::default();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| CodesError::malformed("msdrg.tsv", i + 1, message);
            let f: Vec<&str> = line.split('\t').collect();
            let codes = |list: &str| -> Vec<String> { list.split(',').filter(|c| !c.is_empty()).map(String::from).collect() };
            match f[..] {
                ["L", id, label] => {
                    if id.parse::<usize>().ok() != Some(m.labels.len()) {
                        return Err(err("labels are numbered from 0 in order"));
                    }
                    m.label_ids.insert(label.to_string(), m.labels.len() as u16);
                    m.labels.push(label.to_string());
                }
                ["G", drg, mdc, kind, weight, gmlos, amlos, post_acute, special_pay, rank, title] => {
                    let number: u16 = drg.parse().map_err(|_| err("a DRG is a number"))?;
                    let num = |s: &str| -> Result<Option<f64>, CodesError> {
                        if s == "-" { Ok(None) } else { s.parse().map(Some).map_err(|_| err("weights and lengths of stay are numbers")) }
                    };
                    let d = Drg {
                        number,
                        mdc: if mdc == "-" { None } else { Some(mdc.parse().map_err(|_| err("an MDC is a number"))?) },
                        surgical: kind == "S",
                        weight: num(weight)?,
                        gmlos: num(gmlos)?,
                        amlos: num(amlos)?,
                        post_acute: post_acute == "1",
                        special_pay: special_pay == "1",
                        rank: if rank == "-" { None } else { Some(rank.parse().map_err(|_| err("a rank is a number"))?) },
                        title: title.to_string(),
                    };
                    m.drgs.insert(number, d);
                }
                ["D", labels, level, group, alive_only, hac, list] => {
                    let attributes = DxAttributes {
                        labels: m.label_list(labels).ok_or_else(|| err("a label id is not defined above"))?,
                        level: match level {
                            "MCC" => Severity::Mcc,
                            "CC" => Severity::Cc,
                            _ => Severity::None,
                        },
                        exclusion_group: (group != "-").then(|| group.to_string()),
                        alive_only: alive_only == "1",
                        hac: (hac != "-").then(|| hac.to_string()),
                    };
                    let set = m.dx_sets.len() as u32;
                    m.dx_sets.push(attributes);
                    m.dx.extend(codes(list).into_iter().map(|c| (c, set)));
                }
                ["P", labels, or, home, list] => {
                    let mut parsed = Vec::new();
                    for r in labels.split(',').filter(|r| !r.is_empty()) {
                        let mut parts = r.split('+');
                        let id = parts.next().and_then(|id| id.parse::<u16>().ok()).filter(|id| usize::from(*id) < m.labels.len());
                        let label = id.ok_or_else(|| err("a label id is not defined above"))?;
                        parsed.push(ProcLabel { label, with: parts.map(String::from).collect() });
                    }
                    let attributes = ProcAttributes {
                        labels: parsed,
                        or: match or {
                            "E" => OrKind::Extensive,
                            "N" => OrKind::NonExtensive,
                            _ => OrKind::NonOr,
                        },
                        home_drgs: home.split(',').filter_map(|d| d.parse().ok()).collect(),
                    };
                    let set = m.proc_sets.len() as u32;
                    m.proc_sets.push(attributes);
                    m.procs.extend(codes(list).into_iter().map(|c| (c, set)));
                }
                ["X", group, list] => {
                    m.exclusions.insert(group.to_string(), codes(list).into_iter().collect());
                }
                ["E", drg, list] => {
                    let drg = drg.parse().map_err(|_| err("a DRG is a number"))?;
                    m.drg_exclusions.insert(drg, codes(list).into_iter().collect());
                }
                _ => return Err(err("expected an L, G, D, P, X or E line with its fields")),
            }
        }
        if m.drgs.len() < 700 || m.dx.is_empty() || m.procs.is_empty() {
            return Err(CodesError::malformed("msdrg.tsv", 0, "lacks DRGs, diagnoses or procedures"));
        }
        Ok(m)
    }

    fn label_list(&self, list: &str) -> Option<Vec<u16>> {
        list.split(',').filter(|r| !r.is_empty()).map(|id| id.parse::<u16>().ok().filter(|id| usize::from(*id) < self.labels.len())).collect()
    }

    pub fn drg(&self, number: u16) -> Option<&Drg> {
        self.drgs.get(&number)
    }

    pub fn drgs(&self) -> impl Iterator<Item = &Drg> {
        self.drgs.values()
    }

    pub fn label_id(&self, label: &str) -> Option<u16> {
        self.label_ids.get(label).copied()
    }

    pub fn label(&self, id: u16) -> &str {
        &self.labels[usize::from(id)]
    }

    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    pub fn dx(&self, code: &str) -> Option<&DxAttributes> {
        self.dx.get(&normalize(code)).map(|&i| &self.dx_sets[i as usize])
    }

    pub fn proc(&self, code: &str) -> Option<&ProcAttributes> {
        self.procs.get(&normalize(code)).map(|&i| &self.proc_sets[i as usize])
    }

    /// Whether `pdx` as principal diagnosis cancels the CC/MCC level of `sdx`.
    pub fn excluded_by_principal(&self, sdx: &DxAttributes, pdx: &str) -> bool {
        sdx.exclusion_group.as_ref().and_then(|g| self.exclusions.get(g)).is_some_and(|set| set.contains(&normalize(pdx)))
    }

    /// Secondary diagnoses that do not count as CC/MCC once `drg` is chosen.
    pub fn drg_exclusions(&self, drg: u16) -> Option<&HashSet<String>> {
        self.drg_exclusions.get(&drg)
    }

    /// Every diagnosis code the grouper knows, for random claims in tests and benchmarks.
    pub fn diagnosis_codes(&self) -> impl Iterator<Item = &str> {
        self.dx.keys().map(String::as_str)
    }

    pub fn procedure_codes(&self) -> impl Iterator<Item = &str> {
        self.procs.keys().map(String::as_str)
    }
}
