//! ICD-10-CM: the FY2026 tabular with every instructional note, validation,
//! inherited notes and the Excludes1 check, over content/codes/icd10cm.tsv
//! (format in content/codes/README.md).

use std::collections::HashMap;

use crate::codes::{CodesError, canonical_cm, normalize};

/// The whole ICD-10-CM tabular.
#[derive(Debug, Clone)]
pub struct Icd10Cm {
    pub chapters: Vec<Chapter>,
    pub sections: Vec<Section>,
    nodes: Vec<Node>,
    by_code: HashMap<String, u32>,
}

#[derive(Debug, Clone)]
pub struct Chapter {
    pub number: String,
    pub range: String,
    pub title: String,
    pub notes: Vec<Note>,
}

/// A block of categories, e.g. E08-E13 "Diabetes mellitus".
#[derive(Debug, Clone)]
pub struct Section {
    pub range: String,
    pub title: String,
    pub chapter: u32,
    pub notes: Vec<Note>,
}

/// A category, subcategory or code of the tabular.
#[derive(Debug, Clone)]
pub struct Node {
    /// With the dot, as printed: "E11.65".
    pub code: String,
    pub title: String,
    pub section: u32,
    pub parent: Option<u32>,
    pub children: Vec<u32>,
    pub notes: Vec<Note>,
    /// 7th-character definitions made here (they apply to every code below).
    pub seventh: Vec<Seventh>,
    /// 7th characters this code allows, when fewer than its definitions offer.
    pub allowed_seventh: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    Includes,
    InclusionTerm,
    Excludes1,
    Excludes2,
    CodeFirst,
    UseAdditionalCode,
    CodeAlso,
    Note,
    SeventhCharacterNote,
}

impl NoteKind {
    fn from_tag(tag: &str) -> Option<NoteKind> {
        Some(match tag {
            "inc" => NoteKind::Includes,
            "term" => NoteKind::InclusionTerm,
            "ex1" => NoteKind::Excludes1,
            "ex2" => NoteKind::Excludes2,
            "first" => NoteKind::CodeFirst,
            "add" => NoteKind::UseAdditionalCode,
            "also" => NoteKind::CodeAlso,
            "note" => NoteKind::Note,
            "7note" => NoteKind::SeventhCharacterNote,
            _ => return None,
        })
    }

    /// The heading the tabular prints for this kind of note.
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Includes => "Includes",
            NoteKind::InclusionTerm => "Inclusion terms",
            NoteKind::Excludes1 => "Excludes1",
            NoteKind::Excludes2 => "Excludes2",
            NoteKind::CodeFirst => "Code first",
            NoteKind::UseAdditionalCode => "Use additional code",
            NoteKind::CodeAlso => "Code also",
            NoteKind::Note => "Note",
            NoteKind::SeventhCharacterNote => "7th character",
        }
    }
}

/// One 7th-character value and its meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seventh {
    pub character: char,
    pub text: String,
    pub notes: Vec<String>,
}

/// What the codebook says of one code as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validation {
    /// Canonical form ("E11.65"), or the input upper-cased when unknown.
    pub code: String,
    pub status: Status,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Reportable as it stands.
    Billable,
    /// A real category or code that needs more characters to be reported.
    Incomplete(Missing),
    /// Not in the code set; the reason says what is wrong.
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Subdivided further; lists the next level's codes.
    MoreCharacters(Vec<String>),
    /// Needs a 7th character; `placeholder` when X's must fill it to six first.
    SeventhCharacter { placeholder: bool, example: String },
}

impl Status {
    pub fn is_valid(&self) -> bool {
        !matches!(self, Status::Unknown(_))
    }

    pub fn is_billable(&self) -> bool {
        matches!(self, Status::Billable)
    }

    /// Why the code is not billable, in words; `None` when it is.
    pub fn reason(&self) -> Option<String> {
        match self {
            Status::Billable => None,
            Status::Incomplete(Missing::MoreCharacters(children)) => {
                let shown: Vec<&str> = children.iter().take(6).map(String::as_str).collect();
                let more = if children.len() > shown.len() { ", ..." } else { "" };
                Some(format!("not billable: add more characters ({}{more})", shown.join(", ")))
            }
            Status::Incomplete(Missing::SeventhCharacter { placeholder: true, example }) => Some(format!(
                "not billable: fill to six characters with placeholder X, then add a 7th character (e.g. {example})"
            )),
            Status::Incomplete(Missing::SeventhCharacter { placeholder: false, example }) => {
                Some(format!("not billable: add a 7th character (e.g. {example})"))
            }
            Status::Unknown(reason) => Some(reason.clone()),
        }
    }
}

/// Notes that apply to a code, grouped by where the tabular prints them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteGroup<'a> {
    /// "E11.6", "E11", "E08-E13" or "Chapter 4".
    pub owner: String,
    pub notes: &'a [Note],
}

/// An Excludes1 conflict between two codes of one set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The code whose note (own or inherited) excludes the other.
    pub code: String,
    pub excluded: String,
    pub note: String,
}

impl Icd10Cm {
    /// Parses icd10cm.tsv and icd10cm-notes.tsv.
    pub fn parse(text: &str, notes: &str) -> Result<Icd10Cm, CodesError> {
        let mut cm = Icd10Cm { chapters: Vec::new(), sections: Vec::new(), nodes: Vec::new(), by_code: HashMap::new() };
        // What the last C, S or D line was, so N/7 lines attach to it.
        enum Last {
            None,
            Chapter,
            Section,
            Node,
        }
        let mut last = Last::None;
        let mut stack: Vec<u32> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let err = |message: &str| CodesError::malformed("icd10cm.tsv", i + 1, message);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            match fields[0] {
                "C" if fields.len() == 4 => {
                    cm.chapters.push(Chapter {
                        number: fields[1].into(),
                        range: fields[2].into(),
                        title: fields[3].into(),
                        notes: Vec::new(),
                    });
                    last = Last::Chapter;
                }
                "S" if fields.len() == 3 => {
                    let chapter = cm.chapters.len().checked_sub(1).ok_or_else(|| err("section before any chapter"))?;
                    cm.sections.push(Section { range: fields[1].into(), title: fields[2].into(), chapter: chapter as u32, notes: Vec::new() });
                    stack.clear();
                    last = Last::Section;
                }
                "D" | "P" if fields.len() == 3 => {
                    let section = cm.sections.len().checked_sub(1).ok_or_else(|| err("code before any section"))? as u32;
                    let key = normalize(fields[1]);
                    while let Some(&top) = stack.last() {
                        if key.starts_with(&normalize(&cm.nodes[top as usize].code)) {
                            break;
                        }
                        stack.pop();
                    }
                    let id = cm.nodes.len() as u32;
                    let parent = stack.last().copied();
                    if let Some(p) = parent {
                        cm.nodes[p as usize].children.push(id);
                    }
                    if cm.by_code.insert(key, id).is_some() {
                        return Err(err("the same code appears twice"));
                    }
                    cm.nodes.push(Node {
                        code: fields[1].into(),
                        title: fields[2].into(),
                        section,
                        parent,
                        children: Vec::new(),
                        notes: Vec::new(),
                        seventh: Vec::new(),
                        allowed_seventh: None,
                    });
                    stack.push(id);
                    last = Last::Node;
                }
                "7" if fields.len() == 3 => {
                    let node = cm.nodes.last_mut().filter(|_| matches!(last, Last::Node)).ok_or_else(|| err("7th character outside a code"))?;
                    let character = fields[1].chars().next().filter(|_| fields[1].len() == 1).ok_or_else(|| err("7th character must be one character"))?;
                    node.seventh.push(Seventh { character, text: fields[2].into(), notes: Vec::new() });
                }
                "7+" if fields.len() == 2 => {
                    let seventh = cm.nodes.last_mut().and_then(|n| n.seventh.last_mut()).ok_or_else(|| err("7th-character note without a 7th character"))?;
                    seventh.notes.push(fields[1].into());
                }
                "V" if fields.len() == 2 => {
                    let node = cm.nodes.last_mut().ok_or_else(|| err("allowed 7th characters outside a code"))?;
                    node.allowed_seventh = Some(fields[1].into());
                }
                _ => return Err(err("unrecognised line")),
            }
        }
        if cm.nodes.is_empty() {
            return Err(CodesError::malformed("icd10cm.tsv", 0, "holds no codes"));
        }
        cm.attach_notes(notes)?;
        Ok(cm)
    }

    /// Attaches each `owner\tkind\ttext` line of icd10cm-notes.tsv.
    fn attach_notes(&mut self, notes: &str) -> Result<(), CodesError> {
        let chapters: HashMap<String, usize> = self.chapters.iter().enumerate().map(|(i, c)| (c.number.clone(), i)).collect();
        let sections: HashMap<String, usize> = self.sections.iter().enumerate().map(|(i, s)| (s.range.clone(), i)).collect();
        for (i, line) in notes.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| CodesError::malformed("icd10cm-notes.tsv", i + 1, message);
            let fields: Vec<&str> = line.split('\t').collect();
            let [owner_kind, owner, tag, text] = fields[..] else { return Err(err("expected owner kind, owner, note kind and text")) };
            let kind = NoteKind::from_tag(tag).ok_or_else(|| err("unknown note kind"))?;
            let note = Note { kind, text: text.into() };
            let list = match owner_kind {
                "C" => chapters.get(owner).map(|&c| &mut self.chapters[c].notes),
                "S" => sections.get(owner).map(|&s| &mut self.sections[s].notes),
                "D" => self.by_code.get(&normalize(owner)).map(|&n| &mut self.nodes[n as usize].notes),
                _ => return Err(err("the owner kind is C, S or D")),
            };
            list.ok_or_else(|| err("the note's owner is not in icd10cm.tsv"))?.push(note);
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The tabular node with exactly this code (any case, dot optional).
    pub fn node(&self, code: &str) -> Option<&Node> {
        self.by_code.get(&normalize(code)).map(|&i| &self.nodes[i as usize])
    }

    /// Ancestors of a node, nearest first, not including itself.
    pub fn ancestors<'a>(&'a self, node: &'a Node) -> impl Iterator<Item = &'a Node> + 'a {
        std::iter::successors(node.parent.map(|p| &self.nodes[p as usize]), |n| n.parent.map(|p| &self.nodes[p as usize]))
    }

    /// The 7th-character values a code takes, or empty when it takes none.
    pub fn seventh_choices<'a>(&'a self, node: &'a Node) -> Vec<&'a Seventh> {
        let Some(defined) = std::iter::once(node).chain(self.ancestors(node)).find(|n| !n.seventh.is_empty()) else {
            return Vec::new();
        };
        if !node.children.is_empty() {
            return defined.seventh.iter().collect();
        }
        defined
            .seventh
            .iter()
            .filter(|s| node.allowed_seventh.as_ref().is_none_or(|a| a.contains(s.character)))
            .collect()
    }

    /// Every note that applies to `node`: its own, then its ancestors', its
    /// section's and its chapter's, skipping owners with none.
    pub fn notes_for<'a>(&'a self, node: &'a Node) -> Vec<NoteGroup<'a>> {
        let section = &self.sections[node.section as usize];
        let chapter = &self.chapters[section.chapter as usize];
        std::iter::once(node)
            .chain(self.ancestors(node))
            .map(|n| NoteGroup { owner: n.code.clone(), notes: &n.notes })
            .chain([
                NoteGroup { owner: section.range.clone(), notes: &section.notes },
                NoteGroup { owner: format!("Chapter {}", chapter.number), notes: &chapter.notes },
            ])
            .filter(|g| !g.notes.is_empty())
            .collect()
    }

    /// The section and chapter a node belongs to.
    pub fn placement(&self, node: &Node) -> (&Section, &Chapter) {
        let section = &self.sections[node.section as usize];
        (section, &self.chapters[section.chapter as usize])
    }

    /// Validates a code as a coder would type it.
    pub fn validate(&self, input: &str) -> Validation {
        let key = normalize(input);
        let shown = canonical_cm(&key);
        let unknown = |reason: String| Validation { code: shown.clone(), status: Status::Unknown(reason), title: None };
        if !looks_like_cm(&key) {
            return unknown("not an ICD-10-CM code: expected a letter, two more characters, then up to four more".into());
        }
        if let Some(node) = self.node(&key) {
            let status = if !node.children.is_empty() {
                Status::Incomplete(Missing::MoreCharacters(
                    node.children.iter().map(|&c| self.nodes[c as usize].code.clone()).collect(),
                ))
            } else if let Some(first) = self.seventh_choices(node).first() {
                let placeholder = key.len() < 6;
                let example = canonical_cm(&format!("{key:X<6}{}", first.character));
                Status::Incomplete(Missing::SeventhCharacter { placeholder, example })
            } else {
                Status::Billable
            };
            return Validation { code: node.code.clone(), status, title: Some(node.title.clone()) };
        }
        if key.len() == 7 {
            let (base, last) = key.split_at(6);
            let character = last.chars().next().unwrap_or(' ');
            let trimmed = base.trim_end_matches('X');
            let node = self.node(base).or_else(|| (trimmed.len() < base.len()).then(|| self.node(trimmed)).flatten());
            if let Some(node) = node.filter(|n| n.children.is_empty()) {
                let choices = self.seventh_choices(node);
                if choices.is_empty() {
                    return unknown(format!("{} takes no 7th character", node.code));
                }
                return match choices.iter().find(|s| s.character == character) {
                    Some(s) => Validation {
                        code: shown.clone(),
                        status: Status::Billable,
                        title: Some(format!("{}, {}", node.title, s.text)),
                    },
                    None => unknown(format!(
                        "7th character {character} is not valid for {}; it takes {}",
                        node.code,
                        choices.iter().map(|s| s.character.to_string()).collect::<Vec<_>>().join(", ")
                    )),
                };
            }
        }
        // A 7th character typed without the placeholder X's it needs.
        if (4..7).contains(&key.len()) {
            let (base, last) = key.split_at(key.len() - 1);
            if let Some(node) = self.node(base).filter(|n| n.children.is_empty() && base.len() < 6)
                && self.seventh_choices(node).iter().any(|s| last.starts_with(s.character)) {
                    let fixed = canonical_cm(&format!("{base:X<6}{last}"));
                    return unknown(format!("missing placeholder X: did you mean {fixed}?"));
                }
        }
        unknown(format!("{shown} is not in the FY2026 ICD-10-CM code set"))
    }

    /// Excludes1 conflicts among `codes`: each pair where a note of one
    /// (its own or inherited) excludes the other, reported once per pair.
    pub fn excludes1_conflicts(&self, codes: &[&str]) -> Vec<Conflict> {
        let keys: Vec<String> = codes.iter().map(|c| normalize(c)).collect();
        let mut found: Vec<Conflict> = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            let node = self.node(key).or_else(|| self.base_node(key).filter(|_| self.validate(key).status.is_valid()));
            let Some(node) = node else { continue };
            for group in self.notes_for(node) {
                for note in group.notes.iter().filter(|n| n.kind == NoteKind::Excludes1) {
                    let refs = references(&note.text);
                    for (j, other) in keys.iter().enumerate() {
                        if i == j || !refs.iter().any(|r| r.matches(other)) {
                            continue;
                        }
                        let (a, b) = (canonical_cm(key), canonical_cm(other));
                        let seen = found.iter().any(|c| (c.code == a && c.excluded == b) || (c.code == b && c.excluded == a));
                        if !seen {
                            found.push(Conflict { code: a, excluded: b, note: note.text.clone() });
                        }
                    }
                }
            }
        }
        found
    }

    /// The node to show for a code: its own, or the leaf a 7-character
    /// extended code (S72.001A) belongs to.
    pub fn node_for(&self, code: &str) -> Option<&Node> {
        let key = normalize(code);
        self.node(&key).or_else(|| self.base_node(&key))
    }

    /// The tabular node a 7-character extended code belongs to.
    fn base_node(&self, key: &str) -> Option<&Node> {
        let base = key.get(..6)?;
        self.node(base).or_else(|| self.node(base.trim_end_matches('X')))
    }
}

/// A letter, then two characters with at least one digit among them (E11,
/// I1A, QA0 from the April 2026 update), then up to four more.
fn looks_like_cm(key: &str) -> bool {
    let b = key.as_bytes();
    (3..=7).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_digit() || b[2].is_ascii_digit())
        && b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A piece of a note's text: plain text, or a code it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    /// As written ("E08.-"), and the code to open ("E08").
    Code { shown: String, target: String },
}

/// Splits a note into text and the codes it mentions, so each code can be a
/// link: "type 1 diabetes mellitus (E10.-)" gives text, "E10.-", text.
pub fn segments(text: &str) -> Vec<Segment> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let plain: Vec<char> = chars.iter().map(|(_, c)| *c).collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut out = Vec::new();
    let (mut last, mut i) = (0, 0);
    while i < plain.len() {
        let boundary = i == 0 || !plain[i - 1].is_ascii_alphanumeric();
        match code_at(&plain, i).filter(|_| boundary) {
            Some((key, end)) => {
                if byte(i) > last {
                    out.push(Segment::Text(text[last..byte(i)].to_string()));
                }
                out.push(Segment::Code { shown: text[byte(i)..byte(end)].to_string(), target: canonical_cm(&key) });
                last = byte(end);
                i = end;
            }
            None => i += 1,
        }
    }
    if last < text.len() {
        out.push(Segment::Text(text[last..].to_string()));
    }
    out
}

/// A code reference in a note: "(E08.-)", "(P70.2)", "(I10-I16)".
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reference {
    /// The code and everything under it.
    Prefix(String),
    /// Codes from..=to, each end compared over its own length, so
    /// "I51.4-I51.7" covers I51.4 to I51.7 and everything under them.
    Range(String, String),
    /// "(I69. with final characters -23)": codes under the prefix that end so.
    Ending(String, Vec<String>),
}

impl Reference {
    fn matches(&self, key: &str) -> bool {
        match self {
            Reference::Prefix(p) => key.starts_with(p.as_str()),
            Reference::Range(from, to) => {
                let head = |n: usize| key.get(..n).unwrap_or(key);
                from.as_str() <= head(from.len()) && head(to.len()) <= to.as_str()
            }
            Reference::Ending(prefix, endings) => key.starts_with(prefix.as_str()) && endings.iter().any(|e| key.ends_with(e.as_str())),
        }
    }
}

/// Every code reference in a note's text.
fn references(text: &str) -> Vec<Reference> {
    let chars: Vec<char> = text.chars().collect();
    let mut refs = Vec::new();
    let mut group_start = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '(' {
            group_start = refs.len();
        }
        // "(E08, E09 with final characters .00 or .01)": the codes of this
        // parenthesis only with those endings.
        if chars[i..].starts_with(&"with final characters".chars().collect::<Vec<_>>()) {
            let rest: String = chars[i + 21..].iter().take_while(|c| **c != ')').collect();
            let endings: Vec<String> = rest
                .split_whitespace()
                .filter(|w| *w != "or")
                .map(|w| w.trim_matches(|c: char| c == '-' || c == '.' || c == ',').to_string())
                .filter(|w| !w.is_empty())
                .collect();
            for r in refs.iter_mut().skip(group_start) {
                if let Reference::Prefix(p) = r {
                    *r = Reference::Ending(p.clone(), endings.clone());
                }
            }
            i += 21 + rest.chars().count();
            continue;
        }
        let boundary = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        if let (true, Some((code, end))) = (boundary, code_at(&chars, i)) {
            // A range "A00-A09": a dash followed by another code.
            if chars.get(end) == Some(&'-')
                && let Some((to, after)) = code_at(&chars, end + 1) {
                    refs.push(Reference::Range(code, to));
                    i = after;
                    continue;
                }
            refs.push(Reference::Prefix(code));
            i = end;
            continue;
        }
        i += 1;
    }
    refs
}

/// A code starting at `i` ("E08.-" gives "E08"), with the index after it.
fn code_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    let c0 = *chars.get(i)?;
    let c1 = *chars.get(i + 1)?;
    let c2 = *chars.get(i + 2)?;
    let alnum = |c: char| c.is_ascii_digit() || c.is_ascii_uppercase();
    if !(c0.is_ascii_uppercase() && alnum(c1) && alnum(c2) && (c1.is_ascii_digit() || c2.is_ascii_digit())) {
        return None;
    }
    let mut code: String = [c0, c1, c2].iter().collect();
    let mut j = i + 3;
    if chars.get(j) == Some(&'.') {
        j += 1;
        while let Some(&c) = chars.get(j).filter(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) {
            code.push(c);
            j += 1;
        }
        if chars.get(j) == Some(&'-') && !chars.get(j + 1).is_some_and(|c| c.is_ascii_uppercase()) {
            j += 1;
        }
    } else if chars.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((code, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_in_notes() {
        let check = |text: &str, expected: &[Reference]| assert_eq!(references(text), expected, "{text}");
        use Reference::*;
        check("diabetes mellitus due to underlying condition (E08.-)", &[Prefix("E08".into())]);
        check("gestational diabetes (O24.4-)", &[Prefix("O244".into())]);
        check("neonatal diabetes mellitus (P70.2)", &[Prefix("P702".into())]);
        check("hypertensive disease (I10-I1A)", &[Range("I10".into(), "I1A".into())]);
        check("(S72.-) and (S78.-)", &[Prefix("S72".into()), Prefix("S78".into())]);
        check("see HIV (B20) or A HbA1c", &[Prefix("B20".into())]);
        check("no codes here, 12 E11", &[Prefix("E11".into())]);
        check("HIV NOS and COVID-19 (U07.1), new (QA0.-)", &[Prefix("U071".into()), Prefix("QA0".into())]);
        check("ataxia following cerebrovascular disease (I69. with final characters -93)", &[Ending("I69".into(), vec!["93".into()])]);
        check("diabetes (E08, E11 with final characters .00 or .01) and (E87.1)", &[
            Ending("E08".into(), vec!["00".into(), "01".into()]),
            Ending("E11".into(), vec!["00".into(), "01".into()]),
            Prefix("E871".into()),
        ]);
        let r = Ending("I69".into(), vec!["93".into()]);
        assert!(r.matches("I69393") && !r.matches("I69320") && !r.matches("R270"));
    }

    #[test]
    fn notes_split_into_text_and_code_links() {
        let text = |s: &str| Segment::Text(s.into());
        let code = |shown: &str, target: &str| Segment::Code { shown: shown.into(), target: target.into() };
        assert_eq!(
            segments("type 1 diabetes (E10.-), P70.2 or I10-I1A"),
            [text("type 1 diabetes ("), code("E10.-", "E10"), text("), "), code("P70.2", "P70.2"), text(" or "), code("I10", "I10"), text("-"), code("I1A", "I1A")]
        );
        assert_eq!(segments("no codes, naïve HbA1c"), [text("no codes, naïve HbA1c")]);
    }

    #[test]
    fn ranges_compare_categories() {
        assert!(Reference::Range("I10".into(), "I1A".into()).matches("I130"));
        assert!(Reference::Range("I10".into(), "I1A".into()).matches("I1A0"));
        assert!(!Reference::Range("I10".into(), "I1A".into()).matches("I20"));
        let r = &references("any condition in I50.- or I51.4-I51.7, I51.89")[1];
        assert!(r.matches("I514") && r.matches("I5170") && !r.matches("I518") && !r.matches("I513"));
    }
}
