//! Converts the official ICD-10-CM tabular XML and code list into the
//! project's compact line format (content/codes/README.md, "icd10cm.tsv").

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use roxmltree::{Document, Node};

/// Tabular note elements and the tag each gets in our format.
const NOTE_KINDS: &[(&str, &str)] = &[
    ("includes", "inc"),
    ("inclusionTerm", "term"),
    ("excludes1", "ex1"),
    ("excludes2", "ex2"),
    ("codeFirst", "first"),
    ("useAdditionalCode", "add"),
    ("codeAlso", "also"),
    ("notes", "note"),
    ("sevenChrNote", "7note"),
];

/// The two generated files: the tabular's structure (icd10cm.tsv) and its
/// instructional notes (icd10cm-notes.tsv).
pub struct Converted {
    pub tabular: String,
    pub notes: String,
}

/// `tabular` is the tabular XML, `codes` the official code list (one code a
/// line, without dots, with chapters and blocks). The output is deterministic.
pub fn convert(tabular: &str, codes: &str) -> Result<Converted, String> {
    let doc = Document::parse(tabular).map_err(|e| format!("tabular XML: {e}"))?;
    let root = doc.root_element();
    let version = child_text(root, "version").unwrap_or_default();
    let seventh = seventh_characters(codes);
    let mut out = String::new();
    let mut notes_out = String::new();
    for (file, what) in [(&mut out, "tabular"), (&mut notes_out, "tabular notes")] {
        writeln!(file, "# ICD-10-CM {what}, FY{version} (April 1, 2026 update), converted by `hit content build-codes`.").unwrap();
        writeln!(file, "# Generated file: do not edit. Format: content/codes/README.md").unwrap();
    }
    let mut inherited: Vec<Option<BTreeSet<char>>> = Vec::new();
    for chapter in root.children().filter(|n| n.has_tag_name("chapter")) {
        let num = child_text(chapter, "name").ok_or("chapter without name")?;
        let desc = child_text(chapter, "desc").ok_or("chapter without desc")?;
        let (title, range) = split_range(&desc);
        writeln!(out, "C\t{num}\t{range}\t{}", clean(&title)).unwrap();
        notes(chapter, &format!("C\t{num}"), &mut notes_out);
        for section in chapter.children().filter(|n| n.has_tag_name("section")) {
            let id = section.attribute("id").ok_or("section without id")?;
            let desc = child_text(section, "desc").unwrap_or_default();
            let (title, _) = split_range(&desc);
            writeln!(out, "S\t{id}\t{}", clean(&title)).unwrap();
            notes(section, &format!("S\t{id}"), &mut notes_out);
            for diag in section.children().filter(|n| n.has_tag_name("diag")) {
                write_diag(diag, &seventh, &mut inherited, &mut out, &mut notes_out)?;
            }
        }
    }
    Ok(Converted { tabular: out, notes: notes_out })
}

fn write_diag(
    diag: Node,
    seventh: &BTreeMap<String, BTreeSet<char>>,
    inherited: &mut Vec<Option<BTreeSet<char>>>,
    out: &mut String,
    notes_out: &mut String,
) -> Result<(), String> {
    let name = child_text(diag, "name").ok_or("diag without name")?;
    let desc = child_text(diag, "desc").unwrap_or_default();
    let kind = if diag.attribute("placeholder") == Some("true") { "P" } else { "D" };
    writeln!(out, "{kind}\t{name}\t{}", clean(&desc)).unwrap();
    notes(diag, &format!("D\t{name}"), notes_out);
    let mut own = None;
    if let Some(def) = diag.children().find(|n| n.has_tag_name("sevenChrDef")) {
        let mut chars = BTreeSet::new();
        for item in def.children().filter(Node::is_element) {
            let text = clean(&item.text().unwrap_or_default());
            if item.has_tag_name("extension") {
                let c = item.attribute("char").and_then(|c| c.chars().next()).ok_or("extension without char")?;
                chars.insert(c);
                writeln!(out, "7\t{c}\t{text}").unwrap();
            } else if item.has_tag_name("note") {
                writeln!(out, "7+\t{text}").unwrap();
            }
        }
        own = Some(chars);
    }
    let applies = own.clone().or_else(|| inherited.last().cloned().flatten());
    let children: Vec<_> = diag.children().filter(|n| n.has_tag_name("diag")).collect();
    if children.is_empty() {
        if let Some(defined) = &applies {
            // The official list decides which 7th characters a code takes;
            // record them only where they differ from the definitions.
            let key = name.replace('.', "");
            let allowed = seventh.get(&key).cloned().unwrap_or_default();
            if &allowed != defined {
                writeln!(out, "V\t{}", allowed.iter().collect::<String>()).unwrap();
            }
        }
    }
    inherited.push(applies);
    for child in children {
        write_diag(child, seventh, inherited, out, notes_out)?;
    }
    inherited.pop();
    Ok(())
}

/// Writes every instructional note of `node` as `owner\tkind\ttext` lines,
/// where owner is `C\t<chapter>`, `S\t<range>` or `D\t<code>`.
fn notes(node: Node, owner: &str, out: &mut String) {
    for child in node.children().filter(Node::is_element) {
        let Some((_, tag)) = NOTE_KINDS.iter().find(|(el, _)| child.has_tag_name(*el)) else { continue };
        for note in child.children().filter(|n| n.has_tag_name("note")) {
            writeln!(out, "{owner}\t{tag}\t{}", clean(&note.text().unwrap_or_default())).unwrap();
        }
    }
}

/// For every 7-character code in the official list, the 7th characters seen
/// after its first six characters, keyed by those six and, where they end in
/// placeholder X's, by the code without them (S00.00XA extends S00.00).
/// Keys are without dots. Subdivisions such as E11.3211 also land here; they
/// are harmless, since only tabular leaves under a 7th-character definition
/// are looked up.
fn seventh_characters(codes: &str) -> BTreeMap<String, BTreeSet<char>> {
    let mut map: BTreeMap<String, BTreeSet<char>> = BTreeMap::new();
    for code in codes.lines().map(str::trim) {
        if code.len() != 7 || code.contains('-') {
            continue;
        }
        let (base, last) = code.split_at(6);
        let Some(c) = last.chars().next() else { continue };
        map.entry(base.to_string()).or_default().insert(c);
        let trimmed = base.trim_end_matches('X');
        if trimmed.len() < base.len() {
            map.entry(trimmed.to_string()).or_default().insert(c);
        }
    }
    map
}

fn child_text(node: Node, tag: &str) -> Option<String> {
    node.children().find(|n| n.has_tag_name(tag)).and_then(|n| n.text()).map(str::to_string)
}

/// "Certain infectious and parasitic diseases (A00-B99)" -> (title, "A00-B99").
fn split_range(desc: &str) -> (String, String) {
    let desc = desc.trim();
    if let Some(open) = desc.rfind(" (") {
        let inner = &desc[open + 2..desc.len().saturating_sub(1)];
        if desc.ends_with(')') && inner.contains('-') && !inner.contains(' ') {
            return (desc[..open].to_string(), inner.to_string());
        }
    }
    (desc.to_string(), String::new())
}

/// One line of text: no tabs or newlines, single spaces.
pub fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABULAR: &str = r#"<?xml version="1.0"?>
<ICD10CM.tabular><version>2026</version>
<chapter><name>19</name><desc>Injury (S00-T88)</desc>
<notes><note>Use secondary code(s)	from Chapter 20</note></notes>
<section id="S70-S79"><desc>Injuries to the hip and thigh (S70-S79)</desc>
<diag><name>S72</name><desc>Fracture of femur</desc>
<excludes1><note>traumatic amputation of hip and thigh (S78.-)</note></excludes1>
<sevenChrDef><extension char="A">initial encounter</extension><extension char="D">subsequent</extension><note>	NOS note</note></sevenChrDef>
<diag><name>S72.0</name><desc>Fracture of head and neck of femur</desc>
<diag><name>S72.00</name><desc>Fracture of unspecified part of neck of femur</desc></diag>
<diag><name>S72.01</name><desc>Other</desc></diag>
</diag></diag></section></chapter></ICD10CM.tabular>"#;

    #[test]
    fn converts_structure_notes_and_seventh_characters() {
        let codes = "19\nS70-S79\nS72\nS720\nS7200\nS7200XA\nS7200XD\nS7201\nS7201XA\n";
        let out = convert(TABULAR, codes).unwrap();
        let body: Vec<&str> = out.tabular.lines().filter(|l| !l.starts_with('#')).collect();
        let notes: Vec<&str> = out.notes.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            notes,
            ["C\t19\tnote\tUse secondary code(s) from Chapter 20", "D\tS72\tex1\ttraumatic amputation of hip and thigh (S78.-)"]
        );
        assert_eq!(
            body,
            [
                "C\t19\tS00-T88\tInjury",
                "S\tS70-S79\tInjuries to the hip and thigh",
                "D\tS72\tFracture of femur",
                "7\tA\tinitial encounter",
                "7\tD\tsubsequent",
                "7+\tNOS note",
                "D\tS72.0\tFracture of head and neck of femur",
                "D\tS72.00\tFracture of unspecified part of neck of femur",
                "D\tS72.01\tOther",
                "V\tA",
            ]
        );
        let again = convert(TABULAR, codes).unwrap();
        assert_eq!((out.tabular, out.notes), (again.tabular, again.notes), "deterministic");
    }

    #[test]
    fn seventh_character_map_skips_subdivisions() {
        let map = seventh_characters("E11321\nE113211\nS0000\nS0000XA\n");
        assert_eq!(map.get("E11321").map(|s| s.len()), Some(1));
        assert_eq!(map.get("S0000").unwrap().iter().collect::<String>(), "A");
    }
}
