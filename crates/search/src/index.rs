//! Reading the positional index in place: dictionary look-ups at four levels
//! of looseness and postings decoding.
//!
//! A query word is expanded into the index forms it matches, each with a
//! [`MatchKind`] whose weight ranks exact > variant > stemmed > prefix >
//! fuzzy. The fuzzy matcher is an optimal-string-alignment Levenshtein
//! automaton (a transposition counts as one edit, so `Zulliy` finds `Zulily`)
//! run over the normalized-key fst, so it only visits keys that can still
//! match.

use crate::bundle::{FormatError, IndexData};
use crate::varint::Reader;
use clippings_core::text;
use fst::{Automaton, IntoStreamer, Map, Streamer};

/// How a query word matched an index form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// Same form (case and possessive aside).
    Exact,
    /// Same word up to diacritics or British/American spelling.
    Variant,
    /// Same Snowball stem.
    Stem,
    /// The query word is a prefix of the form (the word being typed).
    Prefix,
    /// Within one edit.
    Fuzzy1,
    /// Within two edits (long words only).
    Fuzzy2,
}

impl MatchKind {
    pub const ALL: [MatchKind; 6] = [
        MatchKind::Exact,
        MatchKind::Variant,
        MatchKind::Stem,
        MatchKind::Prefix,
        MatchKind::Fuzzy1,
        MatchKind::Fuzzy2,
    ];

    /// The best kind in a bitmask of `1 << kind` bits.
    pub fn best_in(mask: u8) -> Option<MatchKind> {
        // `ALL` is in discriminant order, best first: the lowest set bit.
        MatchKind::ALL.get(mask.trailing_zeros() as usize).copied()
    }

    /// Multiplier on a match's term frequency, and on the clause score of a
    /// document whose best match is of this kind (so a document with only
    /// stemmed matches needs many of them to pass one with an exact match).
    /// Range (0, 1]; the order is the contract, the values are tuning.
    pub fn weight(self) -> f32 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Variant => 0.9,
            MatchKind::Stem => 0.55,
            MatchKind::Prefix => 0.4,
            MatchKind::Fuzzy1 => 0.3,
            MatchKind::Fuzzy2 => 0.2,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Variant => "variant",
            MatchKind::Stem => "stemmed",
            MatchKind::Prefix => "prefix",
            MatchKind::Fuzzy1 | MatchKind::Fuzzy2 => "fuzzy",
        }
    }
}

/// One index form a query word matched.
#[derive(Clone, Debug, PartialEq)]
pub struct FormMatch {
    pub form: u32,
    pub kind: MatchKind,
    /// The dictionary key that matched (the form for exact matches, else the
    /// normalized key or stem), for explanations and spelling suggestions.
    pub key: String,
}

/// Which looser matches to allow for a word.
#[derive(Clone, Copy, Debug, Default)]
pub struct Expansion {
    pub prefix: bool,
    pub fuzzy: bool,
}

/// Limits that keep expansion cheap on short prefixes and common typos.
const MAX_PREFIX_KEYS_SCANNED: usize = 4000;
const MAX_PREFIX_KEYS_KEPT: usize = 48;
const MAX_FUZZY_KEYS: usize = 48;

pub struct Index<'a> {
    forms: Map<&'a [u8]>,
    norms: Map<&'a [u8]>,
    stems: Map<&'a [u8]>,
    groups: &'a [u8],
    postings: &'a [u8],
    postings_index: &'a [u8],
}

impl<'a> Index<'a> {
    pub fn open(data: &IndexData<'a>) -> Result<Index<'a>, FormatError> {
        let fst_err = |e: fst::Error| FormatError::Payload(format!("term dictionary: {e}"));
        Ok(Index {
            forms: Map::new(data.forms).map_err(fst_err)?,
            norms: Map::new(data.norms).map_err(fst_err)?,
            stems: Map::new(data.stems).map_err(fst_err)?,
            groups: data.groups,
            postings: data.postings,
            postings_index: data.postings_index,
        })
    }

    /// The id of an exact index form.
    pub fn form_id(&self, form: &str) -> Option<u32> {
        self.forms.get(form).map(|id| id as u32)
    }

    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// Number of documents containing form `id`.
    pub fn doc_frequency(&self, form: u32) -> u32 {
        self.postings(form).remaining
    }

    /// Decode the postings of form `id`.
    pub fn postings(&self, form: u32) -> Postings<'a> {
        let i = form as usize * 4;
        let offset = self
            .postings_index
            .get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
        let base = offset.unwrap_or(usize::MAX);
        let mut reader = Reader::at(self.postings, base);
        let remaining = reader.read_u32().unwrap_or(0);
        Postings {
            base,
            reader,
            remaining,
            doc: 0,
            first: true,
            unread: 0,
            plain: false,
            single: false,
        }
    }

    /// Append the positions found at `at` (ascending) to `out`. Stops early
    /// on corrupt data.
    pub fn positions_at(&self, at: PositionsAt, out: &mut Vec<u32>) {
        let start = at.offset as usize;
        if let Some(bytes) = self
            .postings
            .get(start..start.saturating_add(at.len as usize))
        {
            decode_positions(bytes, out);
        }
    }

    /// The form ids behind a `norms`/`stems` value: a single id inline
    /// (low bit set), else the offset of an id list in `groups`.
    fn group(&self, value: u64) -> Vec<u32> {
        if value & 1 == 1 {
            return u32::try_from(value >> 1)
                .map(|id| vec![id])
                .unwrap_or_default();
        }
        let mut r = Reader::at(self.groups, (value >> 1) as usize);
        let n = r.read().unwrap_or(0).min(1 << 20) as usize;
        let mut ids = Vec::with_capacity(n);
        let mut id = 0u32;
        for _ in 0..n {
            match r.read_u32() {
                Some(delta) => {
                    id = id.saturating_add(delta);
                    ids.push(id);
                }
                None => break,
            }
        }
        ids
    }

    /// Every index form the query word `form` (a tokenizer form) matches,
    /// best kind per form.
    pub fn expand(&self, form: &str, how: Expansion) -> Vec<FormMatch> {
        let mut out: Vec<FormMatch> = Vec::new();
        let push = |out: &mut Vec<FormMatch>, id: u32, kind: MatchKind, key: &str| {
            if !out.iter().any(|m| m.form == id) {
                out.push(FormMatch {
                    form: id,
                    kind,
                    key: key.to_string(),
                });
            }
        };
        if let Some(id) = self.forms.get(form) {
            push(&mut out, id as u32, MatchKind::Exact, form);
        }
        let norm = text::normalize(form);
        if let Some(off) = self.norms.get(&norm) {
            for id in self.group(off) {
                push(&mut out, id, MatchKind::Variant, &norm);
            }
        }
        let stem = text::stem(&norm);
        if let Some(off) = self.stems.get(&stem) {
            for id in self.group(off) {
                push(&mut out, id, MatchKind::Stem, &stem);
            }
        }
        if how.prefix && !norm.is_empty() {
            let automaton = fst::automaton::Str::new(&norm).starts_with();
            let mut stream = self.norms.search(automaton).into_stream();
            let mut keys: Vec<(u32, String, u64)> = Vec::new();
            let mut scanned = 0;
            while let Some((key, off)) = stream.next() {
                scanned += 1;
                if scanned > MAX_PREFIX_KEYS_SCANNED {
                    break;
                }
                if key == norm.as_bytes() {
                    continue;
                }
                let ids = self.group(off);
                let df = ids.iter().map(|&id| self.doc_frequency(id)).sum();
                keys.push((df, String::from_utf8_lossy(key).into_owned(), off));
            }
            keys.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            for (_, key, off) in keys.into_iter().take(MAX_PREFIX_KEYS_KEPT) {
                for id in self.group(off) {
                    push(&mut out, id, MatchKind::Prefix, &key);
                }
            }
        }
        if how.fuzzy {
            let max = max_edits(&norm);
            if max > 0 && norm.len() <= MAX_FUZZY_LEN {
                let q = norm.as_bytes();
                let mut keys: Vec<(u32, u32, String, u64)> = Vec::new();
                let mut collect = |key: &[u8], off: u64, seen_within: u32| {
                    if key == q {
                        return;
                    }
                    let distance = osa_distance(q, key);
                    if distance <= seen_within {
                        return;
                    }
                    let ids = self.group(off);
                    let df: u32 = ids.iter().map(|&id| self.doc_frequency(id)).sum();
                    keys.push((distance, df, String::from_utf8_lossy(key).into_owned(), off));
                };
                // One edit anywhere.
                let mut stream = self.norms.search(Osa::new(q, 1)).into_stream();
                while let Some((key, off)) = stream.next() {
                    collect(key, off, 0);
                }
                // Two edits only after an intact first letter (like Lucene's
                // fuzzy prefix length 1): a typo at the very start of a long
                // word is rare, and the restriction keeps the search to one
                // branch of the dictionary.
                if max >= 2 {
                    let first = norm.chars().next().map_or(0, char::len_utf8);
                    let automaton = fst::automaton::Str::new(&norm[..first])
                        .starts_with()
                        .intersection(Osa::new(q, max));
                    let mut stream = self.norms.search(automaton).into_stream();
                    while let Some((key, off)) = stream.next() {
                        collect(key, off, 1);
                    }
                }
                keys.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
                for (distance, _, key, off) in keys.into_iter().take(MAX_FUZZY_KEYS) {
                    let kind = if distance <= 1 {
                        MatchKind::Fuzzy1
                    } else {
                        MatchKind::Fuzzy2
                    };
                    for id in self.group(off) {
                        push(&mut out, id, kind, &key);
                    }
                }
            }
        }
        out
    }
}

/// Typo budget by word length in characters: none below 4, one edit from 4,
/// two from 8 (the second edit only after the first letter, see
/// [`Index::expand`]).
pub fn max_edits(word: &str) -> u32 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Where one document's positions of one form sit in the postings blob:
/// kept by a search so positions are decoded later only for the documents
/// that need them (proximity, quote results).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PositionsAt {
    pub offset: u32,
    /// In bytes.
    pub len: u32,
}

/// Decoder for one form's postings: `(document, positions)` in document order.
///
/// Layout per form: document count, then per document a head `delta << 2
/// | single << 1 | plain` (`single`: the form occurs once in the
/// document), the byte length of the position deltas unless `single`, and
/// the position deltas (all LEB128). A document's positions are skipped in
/// one step, without reading them: a query word that is common costs
/// little in the documents another word already ruled out. `plain` says
/// every position is body text outside quotes and entity mentions, so a
/// search needs only their number, counted without decoding them.
pub struct Postings<'a> {
    /// Where `reader` started in the postings blob.
    base: usize,
    reader: Reader<'a>,
    remaining: u32,
    doc: u32,
    first: bool,
    /// Bytes of the current document's positions not read yet.
    unread: usize,
    /// The current document's positions are all plain body text.
    plain: bool,
    /// The current document has one position.
    single: bool,
}

/// Decode the delta-coded positions in `bytes` onto `out`. Stops at the
/// first malformed value.
#[inline(always)]
fn decode_positions(bytes: &[u8], out: &mut Vec<u32>) {
    let mut reader = Reader::new(bytes);
    let mut p = 0u32;
    while reader.remaining() > 0 {
        match reader.read_u32() {
            Some(delta) => {
                p = p.saturating_add(delta);
                out.push(p);
            }
            None => break,
        }
    }
}

impl Postings<'_> {
    /// Documents left, including the current one's successors only.
    pub fn remaining(&self) -> u32 {
        self.remaining
    }

    /// The next document; its positions follow
    /// ([`Postings::positions_into`]) or are skipped, in one step, on the
    /// next call. `None` at the end or on corrupt data.
    #[inline(always)]
    pub fn next_doc(&mut self) -> Option<u32> {
        if self.unread > 0 {
            self.reader.take(self.unread)?;
            self.unread = 0;
        }
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let head = self.reader.read_u32()?;
        let delta = head >> 2;
        self.plain = head & 1 == 1;
        self.doc = if self.first {
            delta
        } else {
            self.doc.checked_add(delta)?
        };
        self.first = false;
        self.single = head & 2 == 2;
        self.unread = if self.single {
            self.reader.next_len()?
        } else {
            self.reader.read_u32()? as usize
        };
        Some(self.doc)
    }

    /// Whether the current document's positions are all in the body,
    /// outside quotes and entity mentions.
    pub fn is_plain(&self) -> bool {
        self.plain
    }

    /// How many positions the current document has, without decoding them
    /// (valid until they are read or skipped): every LEB128 value ends with
    /// one byte below 0x80.
    pub fn position_count(&self) -> usize {
        if self.single {
            return 1;
        }
        self.reader
            .peek(self.unread)
            .map_or(0, |bytes| bytes.iter().filter(|&&b| b < 0x80).count())
    }

    /// Where the current document's positions are, for
    /// [`Index::positions_at`] (valid until they are read or skipped).
    pub fn positions_location(&self) -> PositionsAt {
        PositionsAt {
            offset: self.base.saturating_add(self.reader.consumed()) as u32,
            len: self.unread as u32,
        }
    }

    /// The current document's positions, written to `positions` (cleared
    /// first).
    #[inline(always)]
    pub fn positions_into(&mut self, positions: &mut Vec<u32>) {
        positions.clear();
        let n = std::mem::take(&mut self.unread);
        match self.reader.take(n) {
            Some(bytes) => decode_positions(bytes, positions),
            // Truncated postings: stop here.
            None => self.remaining = 0,
        }
    }

    /// The next document, with its positions written to `positions`
    /// (cleared first). `None` at the end or on corrupt data.
    pub fn next_into(&mut self, positions: &mut Vec<u32>) -> Option<u32> {
        let doc = self.next_doc()?;
        self.positions_into(positions);
        Some(doc)
    }
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent
/// transpositions) between two byte strings.
pub fn osa_distance(a: &[u8], b: &[u8]) -> u32 {
    let n = b.len();
    let mut prev2: Vec<u32> = vec![0; n + 1];
    let mut prev: Vec<u32> = (0..=n as u32).collect();
    let mut cur: Vec<u32> = vec![0; n + 1];
    for i in 1..=a.len() {
        cur[0] = i as u32;
        for j in 1..=n {
            let cost = u32::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n]
}

/// Longest query (in bytes) the typo automaton handles; longer words get no
/// typo tolerance.
pub const MAX_FUZZY_LEN: usize = 31;

/// A Levenshtein automaton with transpositions, over bytes, for fst search.
///
/// State: the last two rows of the OSA dynamic programme plus the last byte
/// read, in fixed-size arrays so a transition never allocates (the fst
/// search clones a state per visited edge). Keys are visited only while a
/// row can still reach an accepting cell. Hand-written rather than the
/// `levenshtein_automata` crate: that crate's DFA builder costs milliseconds
/// per edit distance to construct, more than a whole search here, and the
/// fst crate's own Levenshtein automaton has no transpositions.
pub struct Osa<'q> {
    query: &'q [u8],
    max: u8,
}

impl<'q> Osa<'q> {
    /// `query` longer than [`MAX_FUZZY_LEN`] is cut to it.
    pub fn new(query: &'q [u8], max: u32) -> Self {
        Osa {
            query: &query[..query.len().min(MAX_FUZZY_LEN)],
            max: max.min(8) as u8,
        }
    }
}

#[derive(Clone, Debug)]
pub struct OsaState {
    prev: [u8; MAX_FUZZY_LEN + 1],
    row: [u8; MAX_FUZZY_LEN + 1],
    last: Option<u8>,
    min: u8,
}

impl Automaton for Osa<'_> {
    type State = Option<OsaState>;

    fn start(&self) -> Self::State {
        let mut row = [0u8; MAX_FUZZY_LEN + 1];
        for (j, cell) in row.iter_mut().enumerate().take(self.query.len() + 1) {
            *cell = j as u8;
        }
        Some(OsaState {
            prev: [u8::MAX; MAX_FUZZY_LEN + 1],
            row,
            last: None,
            min: 0,
        })
    }

    fn is_match(&self, state: &Self::State) -> bool {
        state
            .as_ref()
            .is_some_and(|s| s.row[self.query.len()] <= self.max)
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state.as_ref().is_some_and(|s| s.min <= self.max)
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        let s = state.as_ref()?;
        let q = self.query;
        let mut row = [u8::MAX; MAX_FUZZY_LEN + 1];
        row[0] = s.row[0].saturating_add(1);
        let mut min = row[0];
        for j in 1..=q.len() {
            let cost = u8::from(q[j - 1] != byte);
            let mut v = s.row[j]
                .saturating_add(1)
                .min(row[j - 1].saturating_add(1))
                .min(s.row[j - 1].saturating_add(cost));
            if let Some(last) = s.last {
                if j > 1 && q[j - 1] == last && q[j - 2] == byte {
                    v = v.min(s.prev[j - 2].saturating_add(1));
                }
            }
            row[j] = v;
            min = min.min(v);
        }
        if min > self.max {
            return None;
        }
        Some(OsaState {
            prev: s.row,
            row,
            last: Some(byte),
            min,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osa_counts_a_transposition_as_one_edit() {
        assert_eq!(osa_distance(b"zulliy", b"zulily"), 1);
        assert_eq!(osa_distance(b"globalise", b"globalize"), 1);
        assert_eq!(osa_distance(b"abc", b"abc"), 0);
        assert_eq!(osa_distance(b"", b"abc"), 3);
    }

    #[test]
    fn automaton_agrees_with_distance() {
        let keys = ["zulily", "zulu", "zillow", "julily", "zulilyy", "uzlily"];
        let mut builder = fst::SetBuilder::memory();
        let mut sorted = keys.to_vec();
        sorted.sort();
        for k in &sorted {
            builder.insert(k).unwrap();
        }
        let set = fst::Set::new(builder.into_inner().unwrap()).unwrap();
        let aut = Osa::new(b"zulliy", 2);
        let mut found: Vec<String> = Vec::new();
        let mut stream = set.search(&aut).into_stream();
        while let Some(k) = stream.next() {
            found.push(String::from_utf8(k.to_vec()).unwrap());
        }
        let expected: Vec<String> = sorted
            .iter()
            .filter(|k| osa_distance(b"zulliy", k.as_bytes()) <= 2)
            .map(|k| k.to_string())
            .collect();
        assert_eq!(found, expected);
    }
}
