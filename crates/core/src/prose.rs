//! The light text format of stems, cases and rationales: plain text in
//! which a blank line separates paragraphs and a run of lines that all start
//! with `|` is a table (a header row, a `|---|` separator, then rows).
//! Content authors write it by hand; the app renders it; [`check`] tells an
//! author what is wrong with a table.

/// A paragraph or a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Text; single line breaks inside it are kept.
    Paragraph(String),
    Table { header: Vec<String>, rows: Vec<Vec<String>> },
}

/// Splits `text` into blocks. A table that is malformed (see [`check`]) is
/// still shown, as best it can be: rows are padded or cut to the header.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut table: Vec<&str> = Vec::new();
    let flush_para = |para: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !para.is_empty() {
            out.push(Block::Paragraph(para.join("\n")));
            para.clear();
        }
    };
    let flush_table = |table: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !table.is_empty() {
            out.push(to_table(table));
            table.clear();
        }
    };
    for line in text.lines().map(str::trim) {
        if line.starts_with('|') {
            flush_para(&mut para, &mut out);
            table.push(line);
        } else {
            flush_table(&mut table, &mut out);
            if line.is_empty() {
                flush_para(&mut para, &mut out);
            } else {
                para.push(line);
            }
        }
    }
    flush_para(&mut para, &mut out);
    flush_table(&mut table, &mut out);
    out
}

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

fn is_separator(line: &str) -> bool {
    cells(line).iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')))
}

fn to_table(lines: &[&str]) -> Block {
    let header = cells(lines[0]);
    let width = header.len();
    let rows = lines[1..]
        .iter()
        .filter(|l| !is_separator(l))
        .map(|l| {
            let mut r = cells(l);
            r.resize(width, String::new());
            r
        })
        .collect();
    Block::Table { header, rows }
}

/// What is wrong with the tables in `text`, in words an author can act on.
pub fn check(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim).chain(std::iter::once("")) {
        if line.starts_with('|') {
            run.push(line);
            continue;
        }
        if !run.is_empty() {
            let width = cells(run[0]).len();
            if run.len() < 3 || !is_separator(run[1]) {
                problems.push(format!("the table starting {:?} needs a header row, a |---| separator row and at least one row", run[0]));
            }
            for l in &run[1..] {
                if cells(l).len() != width {
                    problems.push(format!("table row {l:?} has {} cells; the header has {width}", cells(l).len()));
                }
            }
            run.clear();
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Block {
        Block::Paragraph(s.into())
    }

    #[test]
    fn paragraphs_and_tables_are_split_out() {
        let text = "First line\nsecond line\n\nA table:\n| Bed | Days |\n|---|---:|\n| 1 | 30 |\n| 2 | 28 |\nAfter it.";
        let t = Block::Table { header: vec!["Bed".into(), "Days".into()], rows: vec![vec!["1".into(), "30".into()], vec!["2".into(), "28".into()]] };
        assert_eq!(blocks(text), vec![p("First line\nsecond line"), p("A table:"), t, p("After it.")]);
        assert!(check(text).is_empty());
        assert_eq!(blocks("  \n\nJust text  \n"), vec![p("Just text")]);
    }

    #[test]
    fn malformed_tables_are_reported_and_still_shown() {
        let text = "| A | B |\n|---|---|\n| 1 |\n";
        assert_eq!(check(text).len(), 1, "{:?}", check(text));
        assert_eq!(blocks(text), vec![Block::Table { header: vec!["A".into(), "B".into()], rows: vec![vec!["1".into(), String::new()]] }]);
        assert_eq!(check("| A | B |\n| 1 | 2 |").len(), 1, "no separator");
    }
}
