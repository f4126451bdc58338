//! Ranking: BM25F over four fields plus a proximity bonus, as pure functions
//! over named parameters (the shape of Pagefind's `pagefind_web` scoring).
//!
//! Fields: a word occurrence counts in the **title**, or in the **body**;
//! a body occurrence inside a direct **quote** or an **entity** mention
//! counts again in that field, so quoted words and names weigh more without
//! a second copy of the text. BM25F (Robertson & Zaragoza) combines the
//! fields *before* saturation:
//!
//! ```text
//! tf~   = Σ_f  w_f · tf_f / ((1 − b_f) + b_f · len_f / avglen_f)
//! score = idf · tf~ · (k1 + 1) / (k1 + tf~)
//! idf   = ln(1 + (N − df + 0.5) / (df + 0.5))
//! ```
//!
//! Quote and entity occurrences use the body's length normalisation.

/// Ranking knobs. Each is documented with the range that makes sense.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RankParams {
    /// Term-frequency saturation. Range 0.5–2.0; 1.2 is the usual default.
    pub k1: f32,
    /// Length normalisation of titles. Range 0–1; titles vary little, 0.4.
    pub b_title: f32,
    /// Length normalisation of bodies. Range 0–1; 0.75 as in BM25.
    pub b_body: f32,
    /// Weight of a title occurrence. Range 1–10; 5 as Pagefind's title boost.
    pub w_title: f32,
    /// Weight of a body occurrence. Fixed point of the scale: 1.
    pub w_body: f32,
    /// Extra weight of a body occurrence inside a direct quote. Range 0–3.
    pub w_quote: f32,
    /// Extra weight of a body occurrence inside an entity mention. Range 0–3.
    pub w_entity: f32,
    /// Maximum proximity bonus, as a fraction of the text score. Range 0–1.
    pub proximity: f32,
}

impl Default for RankParams {
    fn default() -> Self {
        RankParams {
            k1: 1.2,
            b_title: 0.4,
            b_body: 0.75,
            w_title: 5.0,
            w_body: 1.0,
            w_quote: 0.5,
            w_entity: 0.5,
            proximity: 0.3,
        }
    }
}

/// Weighted term frequencies of one clause in one document, per field.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FieldTf {
    pub title: f32,
    pub body: f32,
    pub quote: f32,
    pub entity: f32,
}

impl FieldTf {
    pub fn is_zero(&self) -> bool {
        self.title == 0.0 && self.body == 0.0
    }
}

/// Field lengths in words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldLens {
    pub title: f32,
    pub body: f32,
}

/// Inverse document frequency; never negative.
pub fn idf(docs: u32, df: u32) -> f32 {
    let n = docs as f32;
    let df = (df as f32).min(n);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The reciprocal length normalisations of one document's fields, the
/// divisors of BM25F's `tf~`. They depend on the document and the
/// parameters only, so an engine works them out once per document instead
/// of once per document and query.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FieldNorms {
    pub title: f32,
    pub body: f32,
}

/// [`FieldNorms`] of a document with field lengths `lens`.
pub fn field_norms(lens: FieldLens, avg: FieldLens, p: &RankParams) -> FieldNorms {
    let norm = |b: f32, len: f32, avg: f32| (1.0 - b) + b * len / avg.max(1.0);
    FieldNorms {
        title: 1.0 / norm(p.b_title, lens.title, avg.title),
        body: 1.0 / norm(p.b_body, lens.body, avg.body),
    }
}

/// BM25F score of one clause in one document.
pub fn bm25f(tf: FieldTf, lens: FieldLens, avg: FieldLens, idf: f32, p: &RankParams) -> f32 {
    bm25f_normed(tf, field_norms(lens, avg, p), idf, p)
}

/// [`bm25f`] with the document's [`FieldNorms`] worked out already.
#[inline(always)]
pub fn bm25f_normed(tf: FieldTf, norms: FieldNorms, idf: f32, p: &RankParams) -> f32 {
    let combined = p.w_title * tf.title * norms.title
        + (p.w_body * tf.body + p.w_quote * tf.quote + p.w_entity * tf.entity) * norms.body;
    if combined <= 0.0 {
        return 0.0;
    }
    idf * combined * (p.k1 + 1.0) / (p.k1 + combined)
}

/// Bonus factor for `terms` distinct clauses found within a window of
/// `window` words: 1 + proximity·(terms−1)/(window−1) for a window of at
/// least `terms` words; 1 when there is nothing to bring together.
pub fn proximity_factor(terms: usize, window: u32, p: &RankParams) -> f32 {
    if terms < 2 || window < 2 {
        return 1.0;
    }
    let tightness = ((terms - 1) as f32 / (window - 1) as f32).min(1.0);
    1.0 + p.proximity * tightness
}

/// The smallest window (in positions, inclusive) containing at least one
/// position from every list. Lists must be sorted. `None` if a list is empty.
pub fn smallest_window(lists: &[&[u32]]) -> Option<u32> {
    if lists.is_empty() || lists.iter().any(|l| l.is_empty()) {
        return None;
    }
    let mut idx = vec![0usize; lists.len()];
    let mut best = u32::MAX;
    loop {
        let (mut lo, mut lo_list, mut hi) = (u32::MAX, 0, 0);
        for (i, list) in lists.iter().enumerate() {
            let v = list[idx[i]];
            if v < lo {
                lo = v;
                lo_list = i;
            }
            hi = hi.max(v);
        }
        best = best.min(hi - lo + 1);
        idx[lo_list] += 1;
        if idx[lo_list] >= lists[lo_list].len() {
            return Some(best);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: RankParams = RankParams {
        k1: 1.2,
        b_title: 0.4,
        b_body: 0.75,
        w_title: 5.0,
        w_body: 1.0,
        w_quote: 0.5,
        w_entity: 0.5,
        proximity: 0.3,
    };
    const AVG: FieldLens = FieldLens {
        title: 8.0,
        body: 400.0,
    };

    fn score(tf: FieldTf, body_len: f32) -> f32 {
        bm25f(
            tf,
            FieldLens {
                title: 8.0,
                body: body_len,
            },
            AVG,
            1.0,
            &P,
        )
    }

    #[test]
    fn title_beats_body_and_quote_beats_plain_body() {
        let body = score(
            FieldTf {
                body: 1.0,
                ..Default::default()
            },
            400.0,
        );
        let title = score(
            FieldTf {
                title: 1.0,
                ..Default::default()
            },
            400.0,
        );
        let quoted = score(
            FieldTf {
                body: 1.0,
                quote: 1.0,
                ..Default::default()
            },
            400.0,
        );
        assert!(title > quoted && quoted > body && body > 0.0);
    }

    #[test]
    fn shorter_documents_and_rarer_terms_score_higher() {
        let tf = FieldTf {
            body: 2.0,
            ..Default::default()
        };
        assert!(score(tf, 100.0) > score(tf, 1000.0));
        assert!(idf(100, 1) > idf(100, 50));
        assert!(idf(100, 100) > 0.0);
    }

    #[test]
    fn frequency_saturates() {
        let s = |n: f32| {
            score(
                FieldTf {
                    body: n,
                    ..Default::default()
                },
                400.0,
            )
        };
        assert!(s(2.0) > s(1.0));
        assert!(s(20.0) - s(10.0) < s(2.0) - s(1.0));
        assert!(s(1000.0) < 1.0 * (P.k1 + 1.0));
    }

    #[test]
    fn windows_and_proximity() {
        assert_eq!(smallest_window(&[&[1, 10], &[12], &[3, 14]]), Some(5));
        assert_eq!(smallest_window(&[&[5], &[6]]), Some(2));
        assert_eq!(smallest_window(&[&[5], &[]]), None);
        assert!(proximity_factor(2, 2, &P) > proximity_factor(2, 20, &P));
        assert_eq!(proximity_factor(1, 5, &P), 1.0);
    }
}
