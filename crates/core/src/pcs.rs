//! ICD-10-PCS: the FY2026 tables, code validation, axis-by-axis meaning,
//! the next valid characters for a table builder, definitions and keys,
//! and the alphabetic index (content/codes/icd10pcs*.tsv).

use std::collections::{BTreeMap, HashMap};

use crate::codes::{CodesError, normalize};

/// All PCS tables with their definitions and index.
#[derive(Debug, Clone, Default)]
pub struct Pcs {
    pub tables: Vec<Table>,
    by_prefix: HashMap<String, u32>,
    pub keys: Vec<KeyEntry>,
    pub index: Vec<IndexEntry>,
}

/// One table: the first three characters fixed, rows for the last four.
#[derive(Debug, Clone)]
pub struct Table {
    /// The first three characters, e.g. "0FT".
    pub code: String,
    /// Titles and labels of positions 1 to 3, e.g. ("Operation", "Resection").
    pub head: [(String, String); 3],
    /// Definition of the third character (the root operation, mostly).
    pub definition: String,
    /// Titles of positions 4 to 7 ("Body Part", "Approach", ...).
    pub titles: [String; 4],
    pub rows: Vec<Row>,
}

/// A row: the values allowed at positions 4 to 7, in every combination.
#[derive(Debug, Clone)]
pub struct Row {
    pub values: [Vec<(char, String)>; 4],
}

/// A definition or key entry: operation and approach definitions, and the
/// Body Part, Device and Substance keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyEntry {
    pub section: char,
    pub position: u8,
    pub axis: String,
    pub terms: Vec<String>,
    pub definition: String,
    pub explanation: String,
    pub includes: Vec<String>,
}

/// An index entry that leads to codes: "Cholecystectomy" -> 0FT4.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    pub path: String,
    pub see: String,
    pub code: String,
}

/// One character position of a code, with its meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxisValue {
    pub position: u8,
    pub title: String,
    pub character: char,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PcsValidation {
    pub code: String,
    pub valid: bool,
    pub title: Option<String>,
    pub reason: Option<String>,
}

impl Pcs {
    /// Parses icd10pcs.tsv (tables), icd10pcs-defs.tsv and icd10pcs-index.tsv.
    pub fn parse(tables: &str, defs: &str, index: &str) -> Result<Pcs, CodesError> {
        let mut pcs = Pcs::default();
        for (i, line) in tables.lines().enumerate() {
            let err = |m: &str| CodesError::malformed("icd10pcs.tsv", i + 1, m);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            match f[0] {
                "T" if f.len() == 13 => {
                    if f[1].len() != 3 {
                        return Err(err("a table code has three characters"));
                    }
                    let pair = |k: usize| (f[k].to_string(), f[k + 1].to_string());
                    pcs.by_prefix.insert(f[1].to_string(), pcs.tables.len() as u32);
                    pcs.tables.push(Table {
                        code: f[1].into(),
                        head: [pair(2), pair(4), pair(6)],
                        definition: f[8].into(),
                        titles: [f[9].into(), f[10].into(), f[11].into(), f[12].into()],
                        rows: Vec::new(),
                    });
                }
                "R" if f.len() == 5 => {
                    let table = pcs.tables.last_mut().ok_or_else(|| err("row before any table"))?;
                    let mut values: [Vec<(char, String)>; 4] = Default::default();
                    for (slot, field) in values.iter_mut().zip(&f[1..]) {
                        for pair in field.split(';') {
                            let (c, label) = pair.split_once('=').ok_or_else(|| err("a value is written code=label"))?;
                            let c = c.chars().next().filter(|_| c.len() == 1).ok_or_else(|| err("a value code has one character"))?;
                            slot.push((c, label.to_string()));
                        }
                    }
                    table.rows.push(Row { values });
                }
                _ => return Err(err("unrecognised line")),
            }
        }
        for (i, line) in defs.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let err = || CodesError::malformed("icd10pcs-defs.tsv", i + 1, "expected K and seven fields");
            if f[0] != "K" || f.len() != 8 {
                return Err(err());
            }
            let split = |s: &str| s.split(" | ").filter(|t| !t.is_empty()).map(String::from).collect::<Vec<_>>();
            pcs.keys.push(KeyEntry {
                section: f[1].chars().next().ok_or_else(err)?,
                position: f[2].parse().map_err(|_| err())?,
                axis: f[3].into(),
                terms: split(f[4]),
                definition: f[5].into(),
                explanation: f[6].into(),
                includes: split(f[7]),
            });
        }
        for (i, line) in index.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f[0] != "I" || f.len() != 4 {
                return Err(CodesError::malformed("icd10pcs-index.tsv", i + 1, "expected I, path, see and code"));
            }
            pcs.index.push(IndexEntry { path: f[1].into(), see: f[2].into(), code: f[3].into() });
        }
        if pcs.tables.is_empty() {
            return Err(CodesError::malformed("icd10pcs.tsv", 0, "holds no tables"));
        }
        Ok(pcs)
    }

    pub fn table(&self, prefix: &str) -> Option<&Table> {
        self.by_prefix.get(prefix.get(..3)?).map(|&i| &self.tables[i as usize])
    }

    /// How many valid codes the tables define.
    pub fn code_count(&self) -> usize {
        self.tables.iter().flat_map(|t| &t.rows).map(|r| r.values.iter().map(Vec::len).product::<usize>()).sum()
    }

    /// Every valid code, table by table, row by row.
    pub fn codes(&self) -> impl Iterator<Item = String> + '_ {
        self.tables.iter().flat_map(|t| {
            t.rows.iter().flat_map(move |r| {
                let mut out = Vec::new();
                for (a, _) in &r.values[0] {
                    for (b, _) in &r.values[1] {
                        for (c, _) in &r.values[2] {
                            for (d, _) in &r.values[3] {
                                out.push(format!("{}{a}{b}{c}{d}", t.code));
                            }
                        }
                    }
                }
                out
            })
        })
    }

    /// The row of the table that allows `key` (seven characters), if any.
    fn row_for(&self, key: &str) -> Option<(&Table, &Row)> {
        let table = self.table(key)?;
        let chars: Vec<char> = key.chars().skip(3).collect();
        table
            .rows
            .iter()
            .find(|r| chars.len() == 4 && r.values.iter().zip(&chars).all(|(vals, c)| vals.iter().any(|(v, _)| v == c)))
            .map(|r| (table, r))
    }

    /// The meaning of each character of a valid code.
    pub fn describe(&self, code: &str) -> Option<Vec<AxisValue>> {
        let key = normalize(code);
        let (table, row) = self.row_for(&key)?;
        let chars: Vec<char> = key.chars().collect();
        let mut axes: Vec<AxisValue> = table
            .head
            .iter()
            .enumerate()
            .map(|(i, (title, label))| AxisValue { position: i as u8 + 1, title: title.clone(), character: chars[i], label: label.clone() })
            .collect();
        for (i, vals) in row.values.iter().enumerate() {
            let c = chars[3 + i];
            let label = vals.iter().find(|(v, _)| *v == c).map(|(_, l)| l.clone()).unwrap_or_default();
            axes.push(AxisValue { position: 4 + i as u8, title: table.titles[i].clone(), character: c, label });
        }
        Some(axes)
    }

    /// A readable title built from the axes: operation, body part, then the
    /// approach, device and qualifier that say something.
    pub fn title(&self, code: &str) -> Option<String> {
        let axes = self.describe(code)?;
        Some(compose_title(&axes))
    }

    pub fn validate(&self, code: &str) -> PcsValidation {
        let key = normalize(code);
        let invalid = |reason: String| PcsValidation { code: key.clone(), valid: false, title: None, reason: Some(reason) };
        if key.len() != 7 || !key.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) {
            return invalid(format!("an ICD-10-PCS code has exactly seven letters or digits; {key:?} has {}", key.chars().count()));
        }
        if key.contains(['I', 'O']) {
            return invalid("ICD-10-PCS never uses the letters I or O (they read as 1 and 0)".into());
        }
        let Some(table) = self.table(&key) else {
            return invalid(format!("no ICD-10-PCS table {}", &key[..3]));
        };
        match self.row_for(&key) {
            Some(_) => PcsValidation { code: key.clone(), valid: true, title: self.title(&key), reason: None },
            None => {
                // Find the first position at which no row of the table fits.
                let chars: Vec<char> = key.chars().collect();
                let mut rows: Vec<&Row> = table.rows.iter().collect();
                for pos in 3..7 {
                    let next: Vec<&Row> = rows.iter().copied().filter(|r| r.values[pos - 3].iter().any(|(v, _)| *v == chars[pos])).collect();
                    if next.is_empty() {
                        return invalid(format!(
                            "table {} allows no {} {:?} after {}",
                            table.code,
                            table.titles[pos - 3].to_lowercase(),
                            chars[pos],
                            &key[..pos]
                        ));
                    }
                    rows = next;
                }
                invalid(format!("table {} has no row allowing {key}", table.code))
            }
        }
    }

    /// The valid values of the character after `prefix` (0 to 6 characters),
    /// with their labels and the axis title, for a table builder.
    pub fn next_values(&self, prefix: &str) -> (String, Vec<(char, String)>) {
        let key = normalize(prefix);
        let len = key.len();
        let mut values: BTreeMap<char, String> = BTreeMap::new();
        let mut title = String::new();
        if len < 3 {
            for t in self.tables.iter().filter(|t| t.code.starts_with(&key)) {
                let c = t.code.chars().nth(len).unwrap_or(' ');
                values.entry(c).or_insert_with(|| t.head[len].1.clone());
                if title.is_empty() {
                    title = t.head[len].0.clone();
                }
            }
        } else if len < 7
            && let Some(table) = self.table(&key) {
                let chars: Vec<char> = key.chars().skip(3).collect();
                title = table.titles[len - 3].clone();
                for row in &table.rows {
                    let fits = chars.iter().enumerate().all(|(i, c)| row.values[i].iter().any(|(v, _)| v == c));
                    if fits {
                        for (c, label) in &row.values[len - 3] {
                            values.entry(*c).or_insert_with(|| label.clone());
                        }
                    }
                }
            }
        (title, values.into_iter().collect())
    }

    /// Definition and key entries that explain the values in a code.
    pub fn definitions_for(&self, code: &str) -> Vec<&KeyEntry> {
        let Some(axes) = self.describe(code) else { return Vec::new() };
        let section = axes[0].character;
        self.keys
            .iter()
            .filter(|k| k.section == section)
            .filter(|k| {
                axes.iter().any(|a| a.position == k.position && k.terms.iter().any(|t| t == &a.label || a.label.starts_with(&format!("{t},"))))
            })
            .collect()
    }
}

/// "Resection of Gallbladder, Percutaneous Endoscopic Approach"-style title.
pub fn compose_title(axes: &[AxisValue]) -> String {
    let label = |pos: u8| axes.iter().find(|a| a.position == pos).map(|a| a.label.as_str()).unwrap_or("");
    let meaningful = |l: &str| !l.is_empty() && !l.starts_with("No ") && l != "None";
    let mut title = format!("{} {}", label(3), label(4));
    for pos in [6, 7] {
        if meaningful(label(pos)) {
            title.push_str(", ");
            title.push_str(label(pos));
        }
    }
    if meaningful(label(5)) {
        title.push_str(", ");
        title.push_str(label(5));
        if axes.iter().any(|a| a.position == 5 && a.title == "Approach") {
            title.push_str(" Approach");
        }
    }
    title
}
