//! The MS-DRG decision rules (content/msdrg-rules.toml): for each family of
//! DRGs, the condition that sends a claim to it, written over the value-set
//! labels of content/codes/msdrg.tsv, and how severity picks the DRG within
//! it. The format is documented in content/README.md.

use serde::Deserialize;
use toml::Spanned;

use crate::content::{ContentError, Source};
use crate::msdrg::Msdrg;

/// The rules file as written: checked for shape and syntax, not yet for
/// whether its labels exist (that needs the code sets; see [`Rules::resolve`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RulesFile {
    pub path: String,
    pub text: String,
    pub version: String,
    pub families: Vec<FamilySpec>,
    /// Pair labels whose procedures count only as the pair.
    pub consume: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FamilySpec {
    pub drgs: Vec<u16>,
    pub labels: String,
    pub when: Expr,
    pub split: Vec<Expr>,
    pub stage: Stage,
    pub line: usize,
}

/// When a family is considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Its DRGs' own place: pre-MDC, or the MDC of its DRGs.
    Default,
    /// With the pre-MDC families, whatever the principal diagnosis, though
    /// its DRGs belong to an MDC (kidney transplant, 650-652).
    PreMdc,
    /// Only when no surgical family of the claim's MDC matched (Appendix F,
    /// O.R. procedures unrelated to the principal diagnosis).
    Unrelated,
    /// Only when no family at all matched (998: principal diagnosis invalid
    /// as a discharge diagnosis).
    Fallback,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    version: String,
    #[serde(default)]
    combinations: RawCombinations,
    family: Vec<Spanned<RawFamily>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCombinations {
    #[serde(default)]
    consume: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFamily {
    drgs: String,
    #[serde(default)]
    labels: Option<String>,
    when: String,
    #[serde(default)]
    split: Option<toml::Value>,
    #[serde(default = "default_stage")]
    stage: Stage,
}

fn default_stage() -> Stage {
    Stage::Default
}

/// A condition, evaluated to a count (true when above zero).
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A diagnosis or procedure label: `pdx 'PDX'`, `proc 'ORPCS'`.
    Label(Role, String),
    Flag(Flag),
    /// `every-sdx 'A' 'B'`: every secondary diagnosis is in one of these
    /// value sets (true when there are none).
    EverySdx(Vec<String>),
    /// `status '02 05 66'`: the discharge status is one of these.
    Status(Vec<String>),
    /// `home '003'`: procedures that are O.R. procedures of that DRG's own list.
    Home(u16),
    /// `code '0RG8'`, `code '0RG7??0'`: procedures whose code starts with
    /// this pattern, `?` standing for any one character.
    Code(String),
    /// `mdc '14 15'`: the claim's MDC is one of these.
    Mdc(Vec<u8>),
    Number(i64),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Sum(Vec<Expr>),
    Times(i64, Box<Expr>),
    /// `distinct(a, b, c)`: how many of the arguments hold.
    Distinct(Vec<Expr>),
    Compare(Box<Expr>, Cmp, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The principal diagnosis carries the label.
    Pdx,
    /// How many secondary diagnoses carry it.
    Sdx,
    /// Principal or secondary.
    Dx,
    /// How many procedures carry it.
    Proc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Mcc,
    /// CC or MCC.
    Cc,
    /// Any O.R. procedure.
    Or,
    OrExtensive,
    OrNonExtensive,
    Expired,
    Female,
    Male,
    NoSdx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Ge,
    Gt,
    Eq,
}

pub(crate) fn parse(path: &str, text: &str) -> Result<RulesFile, Vec<ContentError>> {
    let source = Source::new(path, text);
    let raw: Raw = source.parse()?;
    let mut errors = Vec::new();
    let mut families = Vec::new();
    for (i, f) in raw.family.iter().enumerate() {
        let line = source.line_of(f.span().start);
        let fam = f.get_ref();
        let mut fail = |field: &str, message: String| errors.push(source.field_error("family", i, &f.span(), field, message));
        let drgs = match parse_drgs(&fam.drgs) {
            Ok(d) => d,
            Err(m) => {
                fail("drgs", m);
                continue;
            }
        };
        let when = match parse_expr(&fam.when) {
            Ok(e) => e,
            Err(m) => {
                fail("when", m);
                continue;
            }
        };
        let split = match &fam.split {
            None => Vec::new(),
            Some(toml::Value::String(s)) => match s.as_str() {
                "" => Vec::new(),
                "mcc/cc" => vec![Expr::Flag(Flag::Mcc), Expr::Flag(Flag::Cc)],
                "mcc" => vec![Expr::Flag(Flag::Mcc)],
                "cc" => vec![Expr::Flag(Flag::Cc)],
                other => {
                    fail("split", format!("{other:?} is not \"mcc/cc\", \"mcc\", \"cc\" or a list of conditions"));
                    continue;
                }
            },
            Some(toml::Value::Array(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match item.as_str().map(parse_expr) {
                        Some(Ok(e)) => out.push(e),
                        Some(Err(m)) => fail("split", m),
                        None => fail("split", "each condition is a string".into()),
                    }
                }
                out
            }
            Some(_) => {
                fail("split", "must be a string or a list of conditions".into());
                continue;
            }
        };
        if split.len() + 1 != drgs.len() {
            fail("split", format!("{} DRGs need {} split conditions, not {}", drgs.len(), drgs.len() - 1, split.len()));
            continue;
        }
        let labels = fam.labels.clone().unwrap_or_else(|| drgs.iter().map(|d| format!("{d:03}")).collect::<Vec<_>>().join("&"));
        families.push(FamilySpec { drgs, labels, when, split, stage: fam.stage, line });
    }
    if errors.is_empty() {
        Ok(RulesFile { path: path.into(), text: text.into(), version: raw.version, families, consume: raw.combinations.consume })
    } else {
        Err(errors)
    }
}

/// "193-195" or "927 933".
fn parse_drgs(s: &str) -> Result<Vec<u16>, String> {
    let bad = || format!("{s:?} must be DRG numbers like \"193-195\" or \"927 933\"");
    let mut out = Vec::new();
    for part in s.split_whitespace() {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b): (u16, u16) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
                if a > b {
                    return Err(bad());
                }
                out.extend(a..=b);
            }
            None => out.push(part.parse().map_err(|_| bad())?),
        }
    }
    if out.is_empty() { Err(bad()) } else { Ok(out) }
}

// ---------- expressions ----------

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Quoted(String),
    Number(i64),
    Sym(&'static str),
}

fn tokenize(s: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '\'' {
            chars.next();
            let start = i + 1;
            let end = s[start..].find('\'').map(|e| start + e).ok_or_else(|| format!("unclosed quote in {s:?}"))?;
            out.push(Token::Quoted(s[start..end].to_string()));
            while chars.peek().is_some_and(|&(j, _)| j <= end) {
                chars.next();
            }
        } else if c.is_ascii_digit() {
            let mut n = String::new();
            while let Some(&(_, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                n.push(d);
                chars.next();
            }
            out.push(Token::Number(n.parse().map_err(|_| format!("number too large in {s:?}"))?));
        } else if c.is_ascii_alphabetic() {
            let mut w = String::new();
            while let Some(&(_, d)) = chars.peek().filter(|(_, d)| d.is_ascii_alphanumeric() || *d == '-') {
                w.push(d);
                chars.next();
            }
            out.push(Token::Word(w));
        } else {
            chars.next();
            let sym = match c {
                '&' => "&",
                '|' => "|",
                '!' => "!",
                '(' => "(",
                ')' => ")",
                ',' => ",",
                '+' => "+",
                '*' => "*",
                '=' => "=",
                '>' if chars.peek().is_some_and(|&(_, d)| d == '=') => {
                    chars.next();
                    ">="
                }
                '>' => ">",
                _ => return Err(format!("unexpected {c:?} in {s:?}")),
            };
            out.push(Token::Sym(sym));
        }
    }
    Ok(out)
}

pub fn parse_expr(s: &str) -> Result<Expr, String> {
    let tokens = tokenize(s)?;
    let mut p = Parser { tokens, pos: 0, text: s };
    let e = p.or()?;
    if p.pos != p.tokens.len() {
        return Err(format!("unexpected {:?} in {s:?}", p.tokens[p.pos]));
    }
    Ok(e)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    text: &'a str,
}

impl Parser<'_> {
    fn peek_sym(&self, sym: &str) -> bool {
        matches!(self.tokens.get(self.pos), Some(Token::Sym(s)) if *s == sym)
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut items = vec![self.and()?];
        while self.peek_sym("|") {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 { items.remove(0) } else { Expr::Or(items) })
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut items = vec![self.compare()?];
        while self.peek_sym("&") {
            self.pos += 1;
            items.push(self.compare()?);
        }
        Ok(if items.len() == 1 { items.remove(0) } else { Expr::And(items) })
    }

    fn compare(&mut self) -> Result<Expr, String> {
        let left = self.sum()?;
        let cmp = match self.tokens.get(self.pos) {
            Some(Token::Sym(">=")) => Cmp::Ge,
            Some(Token::Sym(">")) => Cmp::Gt,
            Some(Token::Sym("=")) => Cmp::Eq,
            _ => return Ok(left),
        };
        self.pos += 1;
        Ok(Expr::Compare(Box::new(left), cmp, Box::new(self.sum()?)))
    }

    fn sum(&mut self) -> Result<Expr, String> {
        let mut items = vec![self.unary()?];
        while self.peek_sym("+") {
            self.pos += 1;
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 { items.remove(0) } else { Expr::Sum(items) })
    }

    fn unary(&mut self) -> Result<Expr, String> {
        let text = self.text;
        let token = self.tokens.get(self.pos).cloned().ok_or_else(|| format!("{text:?} ends too soon"))?;
        self.pos += 1;
        match token {
            Token::Sym("!") => Ok(Expr::Not(Box::new(self.unary()?))),
            Token::Sym("(") => {
                let e = self.or()?;
                self.expect(")")?;
                Ok(e)
            }
            Token::Number(n) if self.peek_sym("*") => {
                self.pos += 1;
                Ok(Expr::Times(n, Box::new(self.unary()?)))
            }
            Token::Number(n) => Ok(Expr::Number(n)),
            Token::Word(w) => {
                let role = match w.as_str() {
                    "pdx" => Some(Role::Pdx),
                    "sdx" => Some(Role::Sdx),
                    "dx" => Some(Role::Dx),
                    "proc" => Some(Role::Proc),
                    _ => None,
                };
                if let Some(role) = role {
                    return Ok(Expr::Label(role, self.quoted(&w)?));
                }
                match w.as_str() {
                    "every-sdx" => {
                        let mut labels = vec![self.quoted(&w)?];
                        while let Some(Token::Quoted(q)) = self.tokens.get(self.pos).cloned() {
                            self.pos += 1;
                            labels.push(q);
                        }
                        Ok(Expr::EverySdx(labels))
                    }
                    "status" => Ok(Expr::Status(self.quoted(&w)?.split_whitespace().map(String::from).collect())),
                    "home" => {
                        let drg = self.quoted(&w)?;
                        Ok(Expr::Home(drg.parse().map_err(|_| format!("home takes a DRG number, not {drg:?}"))?))
                    }
                    "code" => Ok(Expr::Code(self.quoted(&w)?.to_uppercase())),
                    "mdc" => {
                        let list = self.quoted(&w)?;
                        let mdcs: Result<Vec<u8>, _> = list.split_whitespace().map(str::parse).collect();
                        Ok(Expr::Mdc(mdcs.map_err(|_| format!("mdc takes MDC numbers, not {list:?}"))?))
                    }
                    "distinct" => {
                        self.expect("(")?;
                        let mut args = vec![self.or()?];
                        while self.peek_sym(",") {
                            self.pos += 1;
                            args.push(self.or()?);
                        }
                        self.expect(")")?;
                        Ok(Expr::Distinct(args))
                    }
                    _ => {
                        let flag = match w.as_str() {
                            "MCC" => Flag::Mcc,
                            "CC" => Flag::Cc,
                            "OR" => Flag::Or,
                            "OR-EXTENSIVE" => Flag::OrExtensive,
                            "OR-NONEXTENSIVE" => Flag::OrNonExtensive,
                            "EXPIRED" => Flag::Expired,
                            "FEMALE" => Flag::Female,
                            "MALE" => Flag::Male,
                            "NO-SDX" => Flag::NoSdx,
                            _ => {
                                return Err(format!(
                                    "{w:?} in {text:?} is not pdx, sdx, dx, every-sdx, proc, status, home, code, mdc, distinct or a flag (MCC, CC, OR, OR-EXTENSIVE, OR-NONEXTENSIVE, EXPIRED, FEMALE, MALE, NO-SDX)"
                                ));
                            }
                        };
                        Ok(Expr::Flag(flag))
                    }
                }
            }
            other => Err(format!("unexpected {other:?} in {text:?}")),
        }
    }

    fn quoted(&mut self, after: &str) -> Result<String, String> {
        match self.tokens.get(self.pos).cloned() {
            Some(Token::Quoted(q)) => {
                self.pos += 1;
                Ok(q)
            }
            _ => Err(format!("{after} needs a quoted label after it in {:?}", self.text)),
        }
    }

    fn expect(&mut self, sym: &str) -> Result<(), String> {
        if self.peek_sym(sym) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected {sym:?} in {:?}", self.text))
        }
    }
}

// ---------- resolved rules ----------

/// A condition whose labels are resolved to the ids of msdrg.tsv.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Label(Role, u16),
    EverySdx(Vec<u16>),
    Flag(Flag),
    Status(Vec<String>),
    Home(u16),
    Code(String),
    Mdc(Vec<u8>),
    Number(i64),
    Not(Box<Cond>),
    And(Vec<Cond>),
    Or(Vec<Cond>),
    Sum(Vec<Cond>),
    Times(i64, Box<Cond>),
    Distinct(Vec<Cond>),
    Compare(Box<Cond>, Cmp, Box<Cond>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    pub drgs: Vec<u16>,
    pub when: Cond,
    pub split: Vec<Cond>,
    pub stage: Stage,
    /// `None` for pre-MDC families and those outside any MDC.
    pub mdc: Option<u8>,
    pub surgical: bool,
    pub rank: u32,
    pub line: usize,
}

/// The rules resolved against the value sets, ready for [`crate::grouper`].
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    pub version: String,
    pub families: Vec<Family>,
    /// Label ids of pairs whose procedures count only as the pair, with the
    /// MDC of the pair's family (only a claim in that MDC is affected).
    pub consume: Vec<(u16, Option<u8>)>,
    /// Label ids that belong to surgical families (pairs of these are O.R.).
    pub surgical_labels: Vec<u16>,
}

impl RulesFile {
    /// Resolves every label against `data`, and checks that every DRG exists
    /// and that each family's DRGs share one MDC and one type.
    pub fn resolve(&self, data: &Msdrg) -> Result<Rules, Vec<ContentError>> {
        let mut errors = Vec::new();
        let mut families = Vec::new();
        for (i, f) in self.families.iter().enumerate() {
            let mut fail = |message: String| {
                errors.push(ContentError { file: self.path.clone(), line: f.line, field: format!("family[{i}]"), message })
            };
            let Some(first) = f.drgs.first().and_then(|d| data.drg(*d)) else {
                fail(format!("MS-DRG {} is not in MS-DRG v43.1", f.drgs[0]));
                continue;
            };
            if let Some(d) = f.drgs.iter().find(|d| data.drg(**d).is_none_or(|x| x.mdc != first.mdc || x.surgical != first.surgical)) {
                fail(format!("MS-DRG {d} is missing or not in the same MDC and type as {}", first.number));
                continue;
            }
            let mut resolve = |e: &Expr| resolve(e, &f.labels, data);
            let when = match resolve(&f.when) {
                Ok(c) => c,
                Err(m) => {
                    fail(m);
                    continue;
                }
            };
            let split: Result<Vec<Cond>, String> = f.split.iter().map(&mut resolve).collect();
            let split = match split {
                Ok(s) => s,
                Err(m) => {
                    fail(m);
                    continue;
                }
            };
            families.push(Family {
                drgs: f.drgs.clone(),
                when,
                split,
                stage: f.stage,
                mdc: first.mdc,
                surgical: first.surgical,
                rank: f.drgs.iter().filter_map(|d| data.drg(*d)?.rank).min().unwrap_or(u32::MAX),
                line: f.line,
            });
        }
        let mut consume = Vec::new();
        for name in &self.consume {
            match data.label_id(name) {
                Some(id) => {
                    let mdc = name.split(['&', '|']).next().and_then(|d| data.drg(d.parse().ok()?)).and_then(|d| d.mdc);
                    consume.push((id, mdc));
                }
                None => errors.push(ContentError {
                    file: self.path.clone(),
                    line: self.text.lines().position(|l| l.contains(name.as_str())).map_or(1, |i| i + 1),
                    field: "combinations.consume".into(),
                    message: format!("no value set is labelled {name:?} in content/codes/msdrg.tsv"),
                }),
            }
        }
        // A label belongs to a surgical family when its DRGs are surgical.
        let surgical_labels = data
            .labels()
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                let first = l.split(['&', '|']).next().and_then(|d| d.parse::<u16>().ok());
                first.and_then(|d| data.drg(d)).is_some_and(|d| d.surgical)
            })
            .map(|(i, _)| i as u16)
            .collect();
        if errors.is_empty() { Ok(Rules { version: self.version.clone(), families, consume, surgical_labels }) } else { Err(errors) }
    }
}

fn resolve(e: &Expr, prefix: &str, data: &Msdrg) -> Result<Cond, String> {
    let all = |items: &[Expr]| items.iter().map(|x| resolve(x, prefix, data)).collect::<Result<Vec<_>, _>>();
    Ok(match e {
        Expr::Label(role, name) => {
            let full = if name.contains('|') { name.clone() } else { format!("{prefix}|{name}") };
            let id = data.label_id(&full).ok_or_else(|| format!("no value set is labelled {full:?} in content/codes/msdrg.tsv"))?;
            Cond::Label(*role, id)
        }
        Expr::EverySdx(names) => Cond::EverySdx(
            names
                .iter()
                .map(|name| {
                    let full = if name.contains('|') { name.clone() } else { format!("{prefix}|{name}") };
                    data.label_id(&full).ok_or_else(|| format!("no value set is labelled {full:?} in content/codes/msdrg.tsv"))
                })
                .collect::<Result<_, _>>()?,
        ),
        Expr::Flag(f) => Cond::Flag(*f),
        Expr::Status(s) => Cond::Status(s.clone()),
        Expr::Home(d) => Cond::Home(*d),
        Expr::Code(c) => Cond::Code(c.clone()),
        Expr::Mdc(m) => Cond::Mdc(m.clone()),
        Expr::Number(n) => Cond::Number(*n),
        Expr::Not(x) => Cond::Not(Box::new(resolve(x, prefix, data)?)),
        Expr::And(x) => Cond::And(all(x)?),
        Expr::Or(x) => Cond::Or(all(x)?),
        Expr::Sum(x) => Cond::Sum(all(x)?),
        Expr::Times(n, x) => Cond::Times(*n, Box::new(resolve(x, prefix, data)?)),
        Expr::Distinct(x) => Cond::Distinct(all(x)?),
        Expr::Compare(a, c, b) => Cond::Compare(Box::new(resolve(a, prefix, data)?), *c, Box::new(resolve(b, prefix, data)?)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_parse_with_precedence() {
        let e = parse_expr("pdx 'PDX' & !MCC | proc 'A|B' & 2 * sdx 'X' + 1 >= 3").unwrap();
        let Expr::Or(items) = e else { panic!("{e:?}") };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0], Expr::And(vec![Expr::Label(Role::Pdx, "PDX".into()), Expr::Not(Box::new(Expr::Flag(Flag::Mcc)))]));
        let Expr::And(right) = &items[1] else { panic!() };
        assert!(matches!(&right[1], Expr::Compare(_, Cmp::Ge, _)));
        assert_eq!(parse_expr("distinct(proc 'A', proc 'B') >= 2").unwrap(), Expr::Compare(
            Box::new(Expr::Distinct(vec![Expr::Label(Role::Proc, "A".into()), Expr::Label(Role::Proc, "B".into())])),
            Cmp::Ge,
            Box::new(Expr::Number(2)),
        ));
        assert_eq!(parse_expr("status '02 66'").unwrap(), Expr::Status(vec!["02".into(), "66".into()]));
        for bad in ["pdx PDX", "pdx 'X", "MCC &", "WHAT", "(MCC", "MCC MCC", "home 'x'"] {
            assert!(parse_expr(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn families_are_checked_for_shape() {
        let ok = "version = \"43.1\"\n[[family]]\ndrgs = \"193-195\"\nwhen = \"pdx 'PDX'\"\nsplit = \"mcc/cc\"\n";
        let f = parse("msdrg-rules.toml", ok).unwrap();
        assert_eq!(f.families[0].drgs, [193, 194, 195]);
        assert_eq!(f.families[0].labels, "193&194&195");
        assert_eq!(f.families[0].line, 2);
        let e = parse("msdrg-rules.toml", &ok.replace("mcc/cc", "mcc")).unwrap_err();
        assert!(e[0].message.contains("3 DRGs need 2 split conditions"), "{e:?}");
        let e = parse("msdrg-rules.toml", &ok.replace("pdx 'PDX'", "pdx PDX")).unwrap_err();
        assert_eq!((e[0].field.as_str(), e[0].line), ("family[0].when", 4));
        assert!(parse("msdrg-rules.toml", &ok.replace("193-195", "195-193")).is_err());
    }
}
