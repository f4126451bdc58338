//! Word-level diff between two reports of one statement.
//!
//! The diff runs over lower-cased surface forms, not the normalized keys the
//! grouping uses: grouping must see `organise` and `organize` as the same
//! word, but the reader wants to see that one outlet wrote the other
//! spelling. Case is ignored (a quote cut mid-sentence starts lower-case).
//!
//! The `similar` crate computes the diff (Patience with a Myers fallback,
//! well kept and dependency-free). Its operations are turned into runs of the
//! original text: a `Same` or `Added` run is the variant's own text from its
//! first to its last word (inner punctuation kept), a `Removed` run is the
//! base's. Adjacent runs of one kind are merged, and a replacement is shown
//! as the removed words followed by the added ones.

use super::words::Word;
use clippings_core::{DiffKind, DiffOp};
use similar::{capture_diff_slices, Algorithm, DiffTag};

/// One side of a diff: the words of a member and the text they index.
pub struct Side<'t> {
    pub text: &'t str,
    pub words: &'t [Word],
}

impl Side<'_> {
    /// The text from the first to the last of `words[range]`.
    fn run(&self, range: std::ops::Range<usize>) -> &str {
        let (Some(first), Some(last)) = (
            self.words.get(range.start),
            range.end.checked_sub(1).and_then(|i| self.words.get(i)),
        ) else {
            return "";
        };
        self.text
            .get(first.start as usize..last.end as usize)
            .unwrap_or("")
    }
}

/// The runs that turn `base`'s words into `variant`'s.
pub fn word_diff(base: &Side, variant: &Side) -> Vec<DiffOp> {
    let old: Vec<u32> = base.words.iter().map(|w| w.form).collect();
    let new: Vec<u32> = variant.words.iter().map(|w| w.form).collect();
    let mut runs: Vec<DiffOp> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &old, &new) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(&mut runs, DiffKind::Same, variant.run(new_range)),
            DiffTag::Delete => push(&mut runs, DiffKind::Removed, base.run(old_range)),
            DiffTag::Insert => push(&mut runs, DiffKind::Added, variant.run(new_range)),
            DiffTag::Replace => {
                push(&mut runs, DiffKind::Removed, base.run(old_range));
                push(&mut runs, DiffKind::Added, variant.run(new_range));
            }
        }
    }
    runs
}

fn push(runs: &mut Vec<DiffOp>, op: DiffKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.op == op => {
            last.text.push(' ');
            last.text.push_str(text);
        }
        _ => runs.push(DiffOp {
            op,
            text: text.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::{words, Interner};
    use super::*;

    fn check(base: &str, variant: &str, expected: &[(DiffKind, &str)]) {
        let mut interner = Interner::default();
        let base_words = words(base, &mut interner);
        let variant_words = words(variant, &mut interner);
        let got = word_diff(
            &Side {
                text: base,
                words: &base_words,
            },
            &Side {
                text: variant,
                words: &variant_words,
            },
        );
        let got: Vec<(DiffKind, &str)> = got.iter().map(|d| (d.op, d.text.as_str())).collect();
        assert_eq!(got, expected, "{base:?} → {variant:?}");
    }

    #[test]
    fn spelling_change_is_removed_then_added() {
        use DiffKind::*;
        check(
            "We will organise a global team",
            "We will organize a global team",
            &[
                (Same, "We will"),
                (Removed, "organise"),
                (Added, "organize"),
                (Same, "a global team"),
            ],
        );
    }

    #[test]
    fn truncation_is_one_removed_run_with_its_punctuation() {
        use DiffKind::*;
        check(
            "manage the business, and achieve the goal",
            "manage the business",
            &[
                (Same, "manage the business"),
                (Removed, "and achieve the goal"),
            ],
        );
    }

    #[test]
    fn case_and_quote_marks_are_not_differences() {
        use DiffKind::*;
        check("‘Global buy’", "global buy", &[(Same, "global buy")]);
    }

    #[test]
    fn identical_is_one_same_run() {
        use DiffKind::*;
        check("a b c", "a b c", &[(Same, "a b c")]);
    }
}
