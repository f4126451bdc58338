//! Smith–Waterman local alignment over word keys.
//!
//! Shingle hits only say that two texts share some four-word runs; the local
//! alignment finds the best matching stretch around them, tolerating the
//! small edits outlets make to a quote (a dropped word, a changed word, a
//! sentence cut short). It is the standard tool of text-reuse detection
//! (e.g. Smith, Cordell & Mullen, "Computational methods for uncovering
//! reprinted texts", 2015), run here over normalized words, not characters.
//!
//! Scores: a matching content word +2, a matching function word +1 (so a
//! stretch held together by "of the and" scores little), a mismatch or gap
//! −1. Memory is one byte of traceback per cell plus two score rows; the
//! caller keeps the windows small (hit clusters plus a margin).

use std::ops::Range;

/// The best local alignment of two word sequences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alignment {
    /// Aligned range in the first sequence.
    pub a: Range<usize>,
    /// Aligned range in the second sequence.
    pub b: Range<usize>,
    /// Aligned pairs of equal words.
    pub matches: usize,
    /// Of those, content words.
    pub content: usize,
    pub score: i32,
}

impl Alignment {
    /// Matches over the longer aligned side: 1.0 for a verbatim copy.
    pub fn density(&self) -> f64 {
        let longer = self.a.len().max(self.b.len()).max(1);
        self.matches as f64 / longer as f64
    }
}

const MATCH_CONTENT: i32 = 2;
const MATCH_FUNCTION: i32 = 1;
const MISMATCH: i32 = -1;
const GAP: i32 = -1;

const STOP: u8 = 0;
const DIAGONAL: u8 = 1;
const UP: u8 = 2;
const LEFT: u8 = 3;

/// Align `a` with `b` (word keys); `is_content` tells content words. `None`
/// when nothing matches.
pub fn smith_waterman(a: &[u32], b: &[u32], is_content: impl Fn(u32) -> bool) -> Option<Alignment> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return None;
    }
    let width = m + 1;
    let mut trace = vec![STOP; (n + 1) * width];
    let mut previous = vec![0i32; width];
    let mut current = vec![0i32; width];
    let mut best = (0i32, 0usize, 0usize);
    for (i, &wa) in a.iter().enumerate() {
        let i = i + 1;
        current[0] = 0;
        let content = is_content(wa);
        for (j, &wb) in b.iter().enumerate() {
            let j = j + 1;
            let substitution = if wa == wb {
                if content {
                    MATCH_CONTENT
                } else {
                    MATCH_FUNCTION
                }
            } else {
                MISMATCH
            };
            let diagonal = previous[j - 1] + substitution;
            let up = previous[j] + GAP;
            let left = current[j - 1] + GAP;
            let (score, direction) = if diagonal >= up && diagonal >= left && diagonal > 0 {
                (diagonal, DIAGONAL)
            } else if up >= left && up > 0 {
                (up, UP)
            } else if left > 0 {
                (left, LEFT)
            } else {
                (0, STOP)
            };
            current[j] = score;
            trace[i * width + j] = direction;
            if score > best.0 {
                best = (score, i, j);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let (score, end_a, end_b) = best;
    if score <= 0 {
        return None;
    }
    let (mut i, mut j) = (end_a, end_b);
    let (mut matches, mut content) = (0, 0);
    loop {
        match trace.get(i * width + j).copied().unwrap_or(STOP) {
            DIAGONAL => {
                if a.get(i - 1) == b.get(j - 1) {
                    matches += 1;
                    if a.get(i - 1).is_some_and(|&w| is_content(w)) {
                        content += 1;
                    }
                }
                i -= 1;
                j -= 1;
            }
            UP => i -= 1,
            LEFT => j -= 1,
            _ => break,
        }
    }
    Some(Alignment {
        a: i..end_a,
        b: j..end_b,
        matches,
        content,
        score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<u32> {
        text.split_whitespace()
            .map(|w| {
                w.bytes()
                    .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
            })
            .collect()
    }

    fn check(a: &str, b: &str, expected: Option<(Range<usize>, Range<usize>, usize)>) {
        let got = smith_waterman(&ids(a), &ids(b), |_| true).map(|al| (al.a, al.b, al.matches));
        assert_eq!(got, expected, "{a:?} vs {b:?}");
    }

    #[test]
    fn finds_the_shared_stretch() {
        check("x y a b c d z", "q a b c d r", Some((2..6, 1..5, 4)));
        check("a b c", "a b c", Some((0..3, 0..3, 3)));
        check("a b c", "d e f", None);
        check("", "a", None);
    }

    #[test]
    fn tolerates_one_changed_word() {
        check(
            "we will organise a global team",
            "we will organize a global team",
            Some((0..6, 0..6, 5)),
        );
    }

    #[test]
    fn tolerates_a_dropped_word() {
        check("a b c d e f", "a b d e f", Some((0..6, 0..5, 5)));
    }
}
