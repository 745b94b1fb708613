//! Ranked code search, fast enough for every keystroke: words of a query are
//! matched as prefixes, in any order, all required; a query shaped like a
//! code ("E11.6", "0DT") lists the codes starting with it.

use std::collections::HashMap;

use crate::codes::{System, canonical_cm, normalize};
use crate::icd10cm::{Icd10Cm, NoteKind};
use crate::pcs::Pcs;

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// As displayed: "E11.65", "0DTJ4ZZ", or a PCS index prefix such as "0FT4".
    pub code: String,
    pub title: String,
    pub score: f32,
}

/// What a document is found by; titles weigh more than other terms.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Title = 0,
    Term = 1,
}

struct Doc {
    code: String,
    /// Normalized code, for prefix queries.
    key: String,
    title: String,
    /// Words in the title, to prefer short, exact titles.
    title_words: u16,
    /// Reportable as is (billable CM code, complete PCS code).
    complete: bool,
}

/// An inverted index over one code system.
pub struct SearchIndex {
    system: System,
    docs: Vec<Doc>,
    /// Sorted words, each with its postings range.
    words: Vec<(Box<str>, u32, u32)>,
    /// Document ids; the top bit marks a match in a term rather than the title.
    postings: Vec<u32>,
    /// Document ids in code order, for code-prefix queries.
    by_key: Vec<u32>,
}

const TERM_BIT: u32 = 1 << 31;

struct Builder {
    docs: Vec<Doc>,
    word_ids: HashMap<String, u32>,
    pairs: Vec<(u32, u32)>,
}

impl Builder {
    fn new() -> Self {
        Builder { docs: Vec::new(), word_ids: HashMap::new(), pairs: Vec::new() }
    }

    fn add(&mut self, code: String, key: String, title: String, complete: bool, terms: &[&str]) {
        let id = self.docs.len() as u32;
        let mut title_words = 0u16;
        for (field, text) in std::iter::once((Field::Title, title.as_str())).chain(terms.iter().map(|t| (Field::Term, *t))) {
            for word in words(text) {
                if field == Field::Title {
                    title_words += 1;
                }
                let next = self.word_ids.len() as u32;
                let w = *self.word_ids.entry(word).or_insert(next);
                self.pairs.push((w, if field == Field::Title { id } else { id | TERM_BIT }));
            }
        }
        self.docs.push(Doc { code, key, title, title_words, complete });
    }

    fn finish(self, system: System) -> SearchIndex {
        let mut vocab: Vec<(String, u32)> = self.word_ids.into_iter().collect();
        vocab.sort();
        let mut rank = vec![0u32; vocab.len()];
        for (r, (_, id)) in vocab.iter().enumerate() {
            rank[*id as usize] = r as u32;
        }
        let mut pairs = self.pairs;
        pairs.sort_unstable_by_key(|&(w, p)| (rank[w as usize], p & !TERM_BIT, p & TERM_BIT));
        pairs.dedup_by_key(|&mut (w, p)| (w, p & !TERM_BIT));
        let mut words = Vec::with_capacity(vocab.len());
        let mut start = 0usize;
        for (r, (word, _)) in vocab.into_iter().enumerate() {
            let mut end = start;
            while end < pairs.len() && rank[pairs[end].0 as usize] == r as u32 {
                end += 1;
            }
            words.push((word.into_boxed_str(), start as u32, end as u32));
            start = end;
        }
        let postings = pairs.into_iter().map(|(_, p)| p).collect();
        let mut by_key: Vec<u32> = (0..self.docs.len() as u32).collect();
        by_key.sort_by(|&a, &b| self.docs[a as usize].key.cmp(&self.docs[b as usize].key));
        SearchIndex { system, docs: self.docs, words, postings, by_key }
    }
}

/// Lower-case words of a text: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

impl SearchIndex {
    /// Every tabular node, found by its title, inclusion terms and includes.
    pub fn icd10cm(cm: &Icd10Cm) -> SearchIndex {
        let mut b = Builder::new();
        for node in cm.nodes() {
            let terms: Vec<&str> = node
                .notes
                .iter()
                .filter(|n| matches!(n.kind, NoteKind::InclusionTerm | NoteKind::Includes))
                .map(|n| n.text.as_str())
                .collect();
            // Billable: a leaf that takes no 7th character (as `validate` decides).
            let complete = node.children.is_empty() && cm.seventh_choices(node).is_empty();
            b.add(node.code.clone(), normalize(&node.code), node.title.clone(), complete, &terms);
        }
        b.finish(System::Icd10Cm)
    }

    /// Every valid code by its title built from the axes, and every index
    /// entry that leads to a code or a table.
    pub fn icd10pcs(pcs: &Pcs) -> SearchIndex {
        let mut b = Builder::new();
        for code in pcs.codes() {
            let title = pcs.title(&code).unwrap_or_default();
            b.add(code.clone(), code, title, true, &[]);
        }
        for entry in &pcs.index {
            let title = if entry.see.is_empty() { entry.path.clone() } else { format!("{} (see {})", entry.path, entry.see) };
            b.add(entry.code.clone(), normalize(&entry.code), title, entry.code.len() == 7, &[]);
        }
        b.finish(System::Icd10Pcs)
    }

    pub fn system(&self) -> System {
        self.system
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The best `limit` matches for `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query = query.trim();
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        if self.looks_like_code(query) {
            let hits = self.by_code_prefix(&normalize(query), limit);
            if !hits.is_empty() {
                return hits;
            }
        }
        self.by_words(query, limit)
    }

    fn looks_like_code(&self, query: &str) -> bool {
        let key = normalize(query);
        let b = key.as_bytes();
        if key.is_empty() || !b.iter().all(u8::is_ascii_alphanumeric) || query.contains(' ') {
            return false;
        }
        match self.system {
            System::Icd10Cm => {
                b[0].is_ascii_uppercase() && (b.get(1).is_some_and(u8::is_ascii_digit) || b.get(2).is_some_and(u8::is_ascii_digit))
            }
            System::Icd10Pcs => b[0].is_ascii_digit() || (b.len() >= 3 && b.iter().any(u8::is_ascii_digit)),
        }
    }

    fn by_code_prefix(&self, key: &str, limit: usize) -> Vec<Hit> {
        let start = self.by_key.partition_point(|&d| self.docs[d as usize].key.as_str() < key);
        let mut found: Vec<&Doc> =
            self.by_key[start..].iter().map(|&d| &self.docs[d as usize]).take_while(|d| d.key.starts_with(key)).collect();
        // Shorter codes first (the category before its codes), then code order.
        found.sort_by(|a, b| (a.key.len(), &a.key).cmp(&(b.key.len(), &b.key)));
        found.dedup_by(|a, b| a.key == b.key);
        found
            .into_iter()
            .take(limit)
            .enumerate()
            .map(|(i, d)| Hit { code: d.code.clone(), title: d.title.clone(), score: 100.0 - i as f32 * 0.01 })
            .collect()
    }

    fn by_words(&self, query: &str, limit: usize) -> Vec<Hit> {
        let mut terms: Vec<String> = words(query).collect();
        terms.sort();
        terms.dedup();
        if terms.is_empty() {
            return Vec::new();
        }
        let n = self.docs.len();
        let mut matched = vec![0u8; n];
        let mut in_title = vec![0u8; n];
        let mut score = vec![0f32; n];
        let mut best = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        for (t, term) in terms.iter().enumerate() {
            let t = t as u8;
            let lo = self.words.partition_point(|(w, _, _)| w.as_ref() < term.as_str());
            touched.clear();
            for (word, from, to) in self.words[lo..].iter().take_while(|(w, _, _)| w.starts_with(term.as_str())) {
                let exact = word.as_ref() == term.as_str();
                for &p in &self.postings[*from as usize..*to as usize] {
                    let doc = (p & !TERM_BIT) as usize;
                    if matched[doc] != t {
                        continue; // already missed an earlier term
                    }
                    let title = p & TERM_BIT == 0;
                    let weight = match (title, exact) {
                        (true, true) => 3.0,
                        (true, false) => 2.0,
                        (false, true) => 1.5,
                        (false, false) => 1.0,
                    };
                    if best[doc] == 0.0 {
                        touched.push(doc as u32);
                    }
                    best[doc] = best[doc].max(weight);
                }
            }
            for &doc in &touched {
                let doc = doc as usize;
                matched[doc] = t + 1;
                score[doc] += best[doc];
                if best[doc] >= 2.0 {
                    in_title[doc] += 1;
                }
                best[doc] = 0.0;
            }
        }
        let all = terms.len() as u8;
        let mut hits: Vec<(f32, u32)> = (0..n)
            .filter(|&d| matched[d] == all)
            .map(|d| {
                let doc = &self.docs[d];
                let mut s = score[d];
                if in_title[d] == all {
                    s += 2.0;
                }
                if doc.complete {
                    s += 0.5;
                }
                // Extra title words dilute the match.
                s -= 0.05 * f32::from(doc.title_words.saturating_sub(u16::from(all)));
                (s, d as u32)
            })
            .collect();
        hits.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| self.docs[a.1 as usize].key.cmp(&self.docs[b.1 as usize].key)));
        hits.into_iter()
            .take(limit)
            .map(|(s, d)| {
                let doc = &self.docs[d as usize];
                Hit { code: doc.code.clone(), title: doc.title.clone(), score: (s * 100.0).round() / 100.0 }
            })
            .collect()
    }
}

/// Realistic queries for benchmarks, as a coder types them: one to three
/// words of a real title in any order, the last one often cut short, and
/// some partial codes. The same seed gives the same queries everywhere.
pub fn sample_queries(cm: &Icd10Cm, count: usize, seed: u64) -> Vec<String> {
    use rand::seq::SliceRandom;
    use rand::{RngExt, SeedableRng};
    const SKIP: &[&str] = &["and", "with", "without", "the", "for", "due", "other", "not", "unspecified", "specified"];
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let nodes = cm.nodes();
    let mut queries = Vec::with_capacity(count);
    while queries.len() < count {
        let node = &nodes[rng.random_range(0..nodes.len())];
        if rng.random_bool(0.1) {
            let key = normalize(&node.code);
            let cut = rng.random_range(3..=key.len().max(3));
            queries.push(canonical_cm(&key[..cut.min(key.len())]));
            continue;
        }
        let mut picked: Vec<String> =
            words(&node.title).filter(|w| w.len() >= 3 && !SKIP.contains(&w.as_str())).collect();
        if picked.is_empty() {
            continue;
        }
        picked.shuffle(&mut rng);
        picked.truncate(rng.random_range(1..=3));
        if let Some(last) = picked.last_mut()
            && last.len() > 4 && rng.random_bool(0.6) {
                let keep = rng.random_range(3..last.len());
                last.truncate(last.char_indices().nth(keep).map_or(last.len(), |(i, _)| i));
            }
        queries.push(picked.join(" "));
    }
    queries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::test_code_sets;
    use std::sync::OnceLock;

    fn cm() -> &'static SearchIndex {
        static INDEX: OnceLock<SearchIndex> = OnceLock::new();
        INDEX.get_or_init(|| SearchIndex::icd10cm(&test_code_sets().cm))
    }

    fn pcs() -> &'static SearchIndex {
        static INDEX: OnceLock<SearchIndex> = OnceLock::new();
        INDEX.get_or_init(|| SearchIndex::icd10pcs(&test_code_sets().pcs))
    }

    fn rank_of(index: &SearchIndex, query: &str, code: &str) -> Option<usize> {
        index.search(query, 50).iter().position(|h| h.code == code)
    }

    #[test]
    fn finds_codes_by_words_in_any_order_and_prefix() {
        let check = |query: &str, code: &str, within: usize| {
            let rank = rank_of(cm(), query, code);
            assert!(rank.is_some_and(|r| r < within), "{query:?}: {code} ranked {rank:?}: {:?}", cm().search(query, 5));
        };
        check("diabetes hyperglycemia type 2", "E11.65", 3);
        check("type 2 diab hypergly", "E11.65", 3);
        check("essential hypertension", "I10", 3);
        check("high blood pressure", "I10", 3);
        check("hypertension essential", "I10", 3);
        check("appendicitis acute", "K35.80", 10);
    }

    #[test]
    fn code_prefixes_list_codes_in_order() {
        let hits = cm().search("E11.6", 100);
        assert_eq!(hits[0].code, "E11.6");
        assert!(hits.iter().all(|h| h.code.starts_with("E11.6")));
        assert!(hits.iter().any(|h| h.code == "E11.65"));
        assert_eq!(cm().search("e1165", 5)[0].code, "E11.65");
        let pcs_hits = pcs().search("0DTJ4", 10);
        assert!(pcs_hits.iter().all(|h| h.code.starts_with("0DTJ4")) && pcs_hits.iter().any(|h| h.code == "0DTJ4ZZ"));
    }

    #[test]
    fn pcs_finds_titles_and_index_terms() {
        assert!(rank_of(pcs(), "resection appendix percutaneous endoscopic", "0DTJ4ZZ").is_some_and(|r| r < 3));
        let hits = pcs().search("cholecystectomy", 10);
        assert!(hits.iter().any(|h| h.code == "0FT4"), "{hits:?}");
    }

    #[test]
    fn sample_queries_are_stable_and_find_something() {
        let cm_sets = &test_code_sets().cm;
        let a = sample_queries(cm_sets, 200, 7);
        assert_eq!(a, sample_queries(cm_sets, 200, 7));
        assert_ne!(a, sample_queries(cm_sets, 200, 8));
        let found = a.iter().filter(|q| !cm().search(q, 1).is_empty()).count();
        assert_eq!(found, 200, "every sampled query comes from a real title or code");
    }

    #[test]
    fn every_word_is_required() {
        assert!(cm().search("diabetes zzzqqq", 10).is_empty());
        assert!(cm().search("   ", 10).is_empty());
        assert_eq!(cm().search("diabetes", 7).len(), 7);
    }
}
