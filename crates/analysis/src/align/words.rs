//! Word sequences for text-reuse alignment.
//!
//! Every document is turned once into a sequence of [`Word`]s: the shared
//! tokenizer's primary tokens, with a hyphen or dot compound (`e-commerce`,
//! `Tmall.com`) closed up into one word (`ecommerce`) so that the solid and
//! hyphenated spellings outlets disagree on compare equal. Each word carries
//! two interned keys:
//! - `key`: the variant-insensitive form ([`normalize`]: case, diacritics,
//!   British/American spelling), used to find and align reports of one
//!   statement;
//! - `form`: the lower-cased surface form, used for the word diff, so that
//!   `organise` → `organize` shows as a change a reader can see.
//!
//! Interning keeps the per-word cost at a few integers, which matters for
//! corpora of thousands of documents.

use clippings_core::text::{for_each_token, normalize};
use std::collections::HashMap;

/// One word of a document's clean text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Interned normalized form (see [`Interner`]).
    pub key: u32,
    /// Interned lower-cased form.
    pub form: u32,
    /// Byte range in the document text.
    pub start: u32,
    pub end: u32,
}

/// String interner shared by keys and forms. Also remembers which keys are
/// content words (see [`is_content`]).
#[derive(Default)]
pub struct Interner {
    ids: HashMap<String, u32>,
    content: Vec<bool>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.content.len()).unwrap_or(u32::MAX);
        self.ids.insert(s.to_string(), id);
        self.content.push(is_content(s));
        id
    }

    /// True when the interned string `id` is a content word.
    pub fn is_content(&self, id: u32) -> bool {
        self.content.get(id as usize).copied().unwrap_or(false)
    }
}

/// The words of `text`, compounds closed up.
pub fn words(text: &str, interner: &mut Interner) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    // Position of the first primary token of each word in `out`, so a joined
    // alternative (which shares the first part's position) can replace the
    // parts it joins.
    let mut positions: Vec<u32> = Vec::new();
    for_each_token(text, |token| {
        if token.joined {
            let Some(first) = positions.iter().rposition(|&p| p == token.position) else {
                return;
            };
            out.truncate(first);
            positions.truncate(first);
        }
        let key = interner.intern(&normalize(&token.form));
        let form = interner.intern(&token.form);
        out.push(Word {
            key,
            form,
            start: u32::try_from(token.start).unwrap_or(u32::MAX),
            end: u32::try_from(token.end).unwrap_or(u32::MAX),
        });
        positions.push(token.position);
    });
    out
}

/// Words that carry meaning of their own. Function words and a few very
/// general nouns and verbs ("said", "year", "company") are not: a shared run
/// like "at the end of the day" or "the company said in a statement" is
/// boilerplate, not a reused statement.
pub fn is_content(word: &str) -> bool {
    !word.is_empty() && !STOP_WORDS.contains(&word)
}

/// A linear scan is fine: the interner consults this once per distinct word.
const STOP_WORDS: &[&str] = &[
    // articles, determiners, pronouns
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "each",
    "every",
    "all",
    "both",
    "either",
    "neither",
    "no",
    "other",
    "another",
    "such",
    "own",
    "same",
    "i",
    "me",
    "my",
    "mine",
    "we",
    "us",
    "our",
    "ours",
    "you",
    "your",
    "yours",
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "it",
    "its",
    "they",
    "them",
    "their",
    "theirs",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "whatever",
    "myself",
    "ourselves",
    "itself",
    "themselves",
    "himself",
    "herself",
    "one",
    "ones",
    // prepositions and conjunctions
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "about",
    "against",
    "between",
    "into",
    "through",
    "during",
    "before",
    "after",
    "above",
    "below",
    "to",
    "from",
    "up",
    "down",
    "out",
    "off",
    "over",
    "under",
    "again",
    "further",
    "then",
    "once",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "if",
    "because",
    "as",
    "until",
    "while",
    "than",
    "though",
    "although",
    "whether",
    "since",
    "unless",
    "via",
    "per",
    "upon",
    "within",
    "without",
    "across",
    "toward",
    "towards",
    "among",
    "around",
    "onto",
    "like",
    // auxiliaries and modals
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "doing",
    "done",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "ought",
    "need",
    "won't",
    "can't",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "haven't",
    "hasn't",
    "hadn't",
    "wouldn't",
    "shouldn't",
    "couldn't",
    "i'm",
    "we're",
    "you're",
    "they're",
    "it's",
    "that's",
    "there's",
    "we've",
    "i've",
    "they've",
    "we'll",
    "i'll",
    "they'll",
    "let's",
    "i'd",
    "we'd",
    // adverbs and particles
    "not",
    "very",
    "too",
    "also",
    "just",
    "only",
    "even",
    "still",
    "already",
    "now",
    "here",
    "there",
    "when",
    "where",
    "why",
    "how",
    "more",
    "most",
    "less",
    "least",
    "much",
    "many",
    "few",
    "lot",
    "lots",
    "well",
    "really",
    "quite",
    "rather",
    "almost",
    "ever",
    "never",
    "always",
    "often",
    "yes",
    "perhaps",
    "maybe",
    "able",
    // reporting verbs and very general words that boilerplate is made of
    "said",
    "say",
    "says",
    "saying",
    "told",
    "tell",
    "tells",
    "added",
    "add",
    "adds",
    "noted",
    "according",
    "statement",
    "get",
    "got",
    "make",
    "made",
    "makes",
    "go",
    "going",
    "goes",
    "went",
    "come",
    "came",
    "take",
    "took",
    "think",
    "know",
    "see",
    "want",
    "thing",
    "things",
    "way",
    "ways",
    "time",
    "times",
    "year",
    "years",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "today",
    "yesterday",
    "end",
    "first",
    "last",
    "next",
    "new",
    "people",
    "company",
    "companies",
    "world",
    "part",
    "number",
    "place",
    "percent",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        let mut interner = Interner::default();
        let ws = words(text, &mut interner);
        let names: HashMap<u32, String> =
            interner.ids.iter().map(|(k, v)| (*v, k.clone())).collect();
        ws.iter().map(|w| names[&w.key].clone()).collect()
    }

    #[test]
    fn compounds_close_up_and_spellings_normalize() {
        assert_eq!(keys("e-commerce ecommerce"), ["ecommerce", "ecommerce"]);
        assert_eq!(keys("We will organise"), ["we", "will", "organize"]);
        assert_eq!(keys("Tmall.com site"), ["tmallcom", "site"]);
    }

    #[test]
    fn spans_cover_the_compound() {
        let text = "an e-commerce giant";
        let mut interner = Interner::default();
        let ws = words(text, &mut interner);
        let surfaces: Vec<&str> = ws
            .iter()
            .map(|w| &text[w.start as usize..w.end as usize])
            .collect();
        assert_eq!(surfaces, ["an", "e-commerce", "giant"]);
    }

    #[test]
    fn function_words_are_not_content() {
        assert!(!is_content("the"));
        assert!(!is_content("said"));
        assert!(is_content("globalize"));
        assert!(is_content("overseas"));
    }
}
