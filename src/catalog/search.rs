//! Full-text search over the public catalog, in memory: one implementation for SQLite and
//! PostgreSQL alike. Words are lowercased and stemmed (Snowball English, so "rings" finds
//! "ring"); a word of five letters or more also matches the catalog's words one typo away
//! ("bangel" finds "bangle"). Every query word must match; pieces are ranked by field-weighted
//! inverse document frequency (a word in a title counts more than one in a description).

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// How much a word counts by where it appears.
#[derive(Debug, Clone, Copy)]
pub enum Field {
    Title,
    Kind,
    Maker,
    Stones,
    Material,
    Center,
    Description,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Self::Title => 3.0,
            Self::Kind => 2.5,
            Self::Maker | Self::Stones => 1.5,
            Self::Material | Self::Center => 1.2,
            Self::Description => 1.0,
        }
    }
}

/// A word matched through a typo counts less than the word as typed.
const TYPO_FACTOR: f32 = 0.6;
/// Words shorter than this must be spelled right: one edit turns "ring" into "sing", "king"…
const TYPO_MIN_LETTERS: usize = 5;
/// A longer query is cut here: each word costs a pass over the postings.
const MAX_QUERY_WORDS: usize = 8;

/// Words that carry no meaning for a jewellery search; ignored in a query that has others.
const STOP_WORDS: &[&str] = &["a", "an", "and", "the", "of", "in", "with", "for", "to", "on", "by", "or", "is"];

/// The index of one catalog snapshot: which document (by position) holds which stem, and
/// how strongly.
pub struct SearchIndex {
    docs: usize,
    /// stem → (document, weight), one entry per document, in document order.
    postings: HashMap<String, Vec<(u32, f32)>>,
    /// Every surface word seen (lowercased, unstemmed) → its stem, for typo matching.
    words: HashMap<String, String>,
    stemmer: Stemmer,
}

/// Lowercased words: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// Builds an index document by document.
pub struct IndexBuilder {
    docs: usize,
    postings: HashMap<String, Vec<(u32, f32)>>,
    words: HashMap<String, String>,
    stemmer: Stemmer,
    current: HashMap<String, f32>,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        Self {
            docs: 0,
            postings: HashMap::new(),
            words: HashMap::new(),
            stemmer: Stemmer::create(Algorithm::English),
            current: HashMap::new(),
        }
    }
}

impl IndexBuilder {
    /// Adds text to the document being built (the next one, numbered from 0).
    pub fn add(&mut self, field: Field, text: &str) {
        for word in words(text) {
            let stem = match self.words.get(&word) {
                Some(s) => s.clone(),
                None => {
                    let s = self.stemmer.stem(&word).into_owned();
                    self.words.insert(word, s.clone());
                    s
                }
            };
            let w = self.current.entry(stem).or_insert(0.0);
            *w = w.max(field.weight());
        }
    }

    /// Ends the current document.
    pub fn finish_doc(&mut self) {
        let doc = self.docs as u32;
        for (stem, weight) in self.current.drain() {
            self.postings.entry(stem).or_default().push((doc, weight));
        }
        self.docs += 1;
    }

    pub fn build(self) -> SearchIndex {
        SearchIndex { docs: self.docs, postings: self.postings, words: self.words, stemmer: self.stemmer }
    }
}

impl SearchIndex {
    /// The documents matching every word of `query`, with their scores (higher is better),
    /// in document order. A query with no words matches nothing.
    pub fn search(&self, query: &str) -> Vec<(u32, f32)> {
        let mut terms: Vec<String> = words(query).collect();
        if terms.iter().any(|t| !STOP_WORDS.contains(&t.as_str())) {
            terms.retain(|t| !STOP_WORDS.contains(&t.as_str()));
        }
        terms.dedup();
        terms.truncate(MAX_QUERY_WORDS);
        if terms.is_empty() || self.docs == 0 {
            return Vec::new();
        }
        let n = self.docs;
        let mut score = vec![0f32; n];
        let mut matched = vec![0u8; n];
        let mut best = vec![0f32; n];
        for term in &terms {
            best.iter_mut().for_each(|b| *b = 0.0);
            for (stem, factor) in self.candidates(term) {
                let Some(list) = self.postings.get(&stem) else { continue };
                let idf = (1.0 + n as f32 / list.len() as f32).ln();
                for &(doc, weight) in list {
                    let s = idf * weight * factor;
                    let b = &mut best[doc as usize];
                    if s > *b {
                        *b = s;
                    }
                }
            }
            for (doc, b) in best.iter().enumerate() {
                if *b > 0.0 {
                    score[doc] += b;
                    matched[doc] += 1;
                }
            }
        }
        let needed = terms.len() as u8;
        matched.iter().enumerate().filter(|(_, m)| **m == needed).map(|(doc, _)| (doc as u32, score[doc])).collect()
    }

    /// The stems a query word stands for: its own, and (for a longer word) those of the
    /// catalog's words one edit away, each with how much a match counts.
    fn candidates(&self, term: &str) -> Vec<(String, f32)> {
        let own = self.stemmer.stem(term).into_owned();
        let mut out = vec![(own.clone(), 1.0)];
        if term.chars().count() >= TYPO_MIN_LETTERS {
            for (word, stem) in &self.words {
                if *stem != own && within_one_edit(term, word) && !out.iter().any(|(s, _)| s == stem) {
                    out.push((stem.clone(), TYPO_FACTOR));
                }
            }
        }
        out
    }
}

/// Whether `a` becomes `b` with at most one insertion, deletion, substitution or swap of two
/// neighbouring letters (optimal string alignment distance ≤ 1).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    // Cheap first: a letter is at most four bytes, so one edit changes the length by at most 4.
    if a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    match (a.len(), b.len()) {
        (0, 0) => true,
        (x, y) if x == y => {
            // A substitution, or a swap of the first two letters left.
            a[1..] == b[1..] || (x >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..])
        }
        (x, y) if x > y => a[1..] == *b,
        _ => b[1..] == *a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[&[(Field, &str)]]) -> SearchIndex {
        let mut b = IndexBuilder::default();
        for doc in docs {
            for (field, text) in *doc {
                b.add(*field, text);
            }
            b.finish_doc();
        }
        b.build()
    }

    fn ids(hits: &[(u32, f32)]) -> Vec<u32> {
        hits.iter().map(|(d, _)| *d).collect()
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("bangel", "bangle"), "a swap");
        assert!(within_one_edit("peacok", "peacock"), "a missing letter");
        assert!(within_one_edit("peaccock", "peacock"), "an extra letter");
        assert!(within_one_edit("pendent", "pendant"), "a wrong letter");
        assert!(within_one_edit("ring", "ring"));
        assert!(!within_one_edit("bangle", "bagel!"));
        assert!(!within_one_edit("filigree", "filagre"));
    }

    #[test]
    fn stems_typos_and_every_word_must_match() {
        let idx = index(&[
            &[(Field::Title, "Peacock feather pendant"), (Field::Kind, "Pendant")],
            &[(Field::Title, "Rope-twist bangle"), (Field::Kind, "Bangle")],
            &[(Field::Title, "Lotus ring"), (Field::Kind, "Ring"), (Field::Description, "A ring with rubies.")],
        ]);
        assert_eq!(ids(&idx.search("peacock")), vec![0]);
        assert_eq!(ids(&idx.search("Bangel")), vec![1], "one typo in a longer word");
        assert_eq!(ids(&idx.search("bangles")), vec![1], "stemmed");
        assert_eq!(ids(&idx.search("rings")), vec![2]);
        assert_eq!(ids(&idx.search("ruby")), vec![2], "rubies → rubi ← ruby");
        assert_eq!(ids(&idx.search("lotus ring")), vec![2]);
        assert!(idx.search("lotus bangle").is_empty(), "every word must match");
        assert!(idx.search("rang").is_empty(), "no typos in short words");
        assert!(idx.search("  ").is_empty());
        assert_eq!(ids(&idx.search("the lotus")), vec![2], "stop words are ignored");
    }

    #[test]
    fn a_title_word_ranks_above_a_description_word() {
        let idx = index(&[
            &[(Field::Title, "Plain band"), (Field::Description, "Simple, like a lotus.")],
            &[(Field::Title, "Lotus band")],
        ]);
        let hits = idx.search("lotus");
        let (a, b) = (hits[0].1, hits[1].1);
        assert!(b > a, "title {b} > description {a}");
    }
}
