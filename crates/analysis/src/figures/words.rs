//! The words figure extraction reads: the shared tokenizer's primary tokens,
//! with what the tokenizer throws away put back where it matters.
//!
//! Figures need more than the index does: the punctuation between two words
//! (a comma ends a noun phrase, a colon makes `12:35` a time), the surface
//! case (`Zulily` is a name, `company` is not), possessives (`Alibaba's`),
//! and hyphen compounds as one word (`cross-border`, `2021-12-20`,
//! `year-on-year`), so that a date in ISO form is not read as three numbers.
//! The tokenizer already unifies `%`, `percent` and `per cent`, and splits
//! `$1trillion` into `$ 1 trillion`.

use clippings_core::text::{normalize, primary_tokens};

/// One word with its surroundings.
#[derive(Clone, Debug)]
pub struct FWord<'t> {
    /// Lower-cased form, hyphen compounds joined with `-`.
    pub form: String,
    /// The word as written.
    pub surface: &'t str,
    pub start: usize,
    pub end: usize,
    /// The text between the previous word and this one.
    pub gap: &'t str,
}

impl FWord<'_> {
    /// Written with a capital (or digit-led with letters: `1stdibs`, `7-Eleven`):
    /// the mark of a name in English.
    pub fn is_capitalized(&self) -> bool {
        let mut chars = self.surface.chars();
        match chars.next() {
            Some(c) if c.is_uppercase() => true,
            Some(c) if c.is_ascii_digit() => self.surface.chars().any(char::is_alphabetic),
            _ => false,
        }
    }

    /// Every letter upper-case and at least two of them: an acronym (`GMV`).
    pub fn is_acronym(&self) -> bool {
        let letters = self.surface.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && self
                .surface
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    }

    /// `Alibaba's`, `workers'`.
    pub fn is_possessive(&self) -> bool {
        let s = self.surface;
        ["'s", "’s", "'S", "’S", "s'", "s’"]
            .iter()
            .any(|end| s.ends_with(end))
    }

    /// Made of letters (and inner hyphens), no digits.
    pub fn is_alphabetic(&self) -> bool {
        self.form.chars().any(char::is_alphabetic)
            && self
                .form
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
    }

    /// The comparison key: diacritics folded, American spelling, hyphens
    /// and dots dropped (`cross-border` → `crossborder`).
    pub fn key(&self) -> String {
        self.form
            .split(['-', '.'])
            .filter(|p| !p.is_empty())
            .map(normalize)
            .collect()
    }
}

/// True when `gap` (text between two words) is only spaces: the two words
/// belong to one phrase. A line break or any punctuation separates.
pub fn joins(gap: &str) -> bool {
    gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\t')
}

/// True when a sentence or clause ends in `gap`.
pub fn ends_clause(gap: &str) -> bool {
    gap.contains(['.', '!', '?', ';', ':', '\n', '(', ')', '—', '–'])
}

/// The words of `text`.
pub fn words(text: &str) -> Vec<FWord<'_>> {
    let mut out: Vec<FWord> = Vec::new();
    let mut previous_end = 0;
    for token in primary_tokens(text) {
        let gap = text.get(previous_end..token.start).unwrap_or("");
        let surface = text.get(token.start..token.end).unwrap_or("");
        // A hyphen or a dot with no space joins the token to the previous
        // word: compounds and dotted names stay one word.
        let glued = matches!(gap, "-" | "\u{2010}" | "\u{2011}" | ".")
            && out.last().is_some_and(|w| w.end == previous_end)
            && !is_symbol(&token.form)
            && out.last().is_some_and(|w| !is_symbol(&w.form));
        if glued {
            if let Some(last) = out.last_mut() {
                last.form.push(if gap == "." { '.' } else { '-' });
                last.form.push_str(&token.form);
                last.end = token.end;
                last.surface = text.get(last.start..last.end).unwrap_or("");
            }
        } else {
            out.push(FWord {
                form: token.form,
                surface,
                start: token.start,
                end: token.end,
                gap,
            });
        }
        previous_end = token.end;
    }
    out
}

/// Currency and percent tokens: `$`, `€`, `percent` from `%`.
fn is_symbol(form: &str) -> bool {
    !form.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.form).collect()
    }

    #[test]
    fn compounds_and_dates_stay_one_word() {
        assert_eq!(
            forms("5 million cross-border parcels"),
            ["5", "million", "cross-border", "parcels"]
        );
        assert_eq!(forms("2021-12-20 12:35"), ["2021-12-20", "12", "35"]);
        assert_eq!(forms("US$15 million"), ["us", "$", "15", "million"]);
        assert_eq!(forms("a 9% stake"), ["a", "9", "percent", "stake"]);
    }

    #[test]
    fn names_and_possessives_are_seen() {
        let ws = words("Alibaba's 1stdibs GMV company");
        assert!(ws[0].is_capitalized() && ws[0].is_possessive());
        assert!(ws[1].is_capitalized());
        assert!(ws[2].is_acronym());
        assert!(!ws[3].is_capitalized());
        assert_eq!(ws[0].key(), "alibaba");
    }
}
