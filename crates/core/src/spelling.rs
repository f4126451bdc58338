//! British → American spelling normalisation, so that `organise` finds
//! `organize` and `centre` finds `center`.
//!
//! Applied to folded, lower-cased words on both the index and the query side,
//! so it only has to be consistent, not linguistically perfect: a rule that
//! also rewrites an unrelated word ("precise" → "precize") is harmless unless
//! it makes two different words collide. Rules that could collide (`-our`,
//! `-tre`, `-ll-`) are therefore list-based; the productive `-ise`/`-isation`
//! and `-yse` rules apply generally with a short list of collision exceptions.

/// Word-initial stems whose British `-our` becomes `-or` (colour → color,
/// favourite → favorite). Listed because `four`/`hour`/`tour` must not change.
const OUR_STEMS: &[&str] = &[
    "ardour",
    "armour",
    "behaviour",
    "candour",
    "clamour",
    "colour",
    "demeanour",
    "endeavour",
    "favour",
    "fervour",
    "flavour",
    "harbour",
    "honour",
    "humour",
    "labour",
    "neighbour",
    "odour",
    "parlour",
    "rancour",
    "rigour",
    "rumour",
    "saviour",
    "savour",
    "splendour",
    "tumour",
    "valour",
    "vapour",
    "vigour",
];

/// Whole-word (and inflection) substitutions the general rules do not cover.
const WORDS: &[(&str, &str)] = &[
    ("aeroplane", "airplane"),
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("analogue", "analog"),
    ("calibre", "caliber"),
    ("cancelled", "canceled"),
    ("cancelling", "canceling"),
    ("catalogue", "catalog"),
    ("catalogues", "catalogs"),
    ("centimetre", "centimeter"),
    ("centimetres", "centimeters"),
    ("centre", "center"),
    ("centred", "centered"),
    ("centres", "centers"),
    ("centring", "centering"),
    ("counselling", "counseling"),
    ("defence", "defense"),
    ("dialogue", "dialog"),
    ("enrol", "enroll"),
    ("enrolment", "enrollment"),
    ("fibre", "fiber"),
    ("fibres", "fibers"),
    ("fuelled", "fueled"),
    ("fuelling", "fueling"),
    ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"),
    ("grey", "gray"),
    ("jewellery", "jewelry"),
    ("judgement", "judgment"),
    ("kilometre", "kilometer"),
    ("kilometres", "kilometers"),
    ("labelled", "labeled"),
    ("labelling", "labeling"),
    ("licence", "license"),
    ("litre", "liter"),
    ("litres", "liters"),
    ("manoeuvre", "maneuver"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("modelled", "modeled"),
    ("modelling", "modeling"),
    ("mould", "mold"),
    ("offence", "offense"),
    ("orientate", "orient"),
    ("orientated", "oriented"),
    ("plough", "plow"),
    ("pretence", "pretense"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("signalled", "signaled"),
    ("signalling", "signaling"),
    ("theatre", "theater"),
    ("theatres", "theaters"),
    ("travelled", "traveled"),
    ("traveller", "traveler"),
    ("travellers", "travelers"),
    ("travelling", "traveling"),
    ("tyre", "tire"),
    ("tyres", "tires"),
];

/// `-ise` words that are spelt the same in American English, or whose `-ize`
/// form would be a different word (prise/prize).
const ISE_KEEP: &[&str] = &[
    "advertise",
    "advise",
    "arise",
    "chastise",
    "circumcise",
    "comprise",
    "compromise",
    "concise",
    "demise",
    "despise",
    "devise",
    "disguise",
    "enterprise",
    "excise",
    "exercise",
    "expertise",
    "franchise",
    "improvise",
    "incise",
    "likewise",
    "merchandise",
    "otherwise",
    "paradise",
    "precise",
    "premise",
    "prise",
    "promise",
    "raise",
    "revise",
    "rise",
    "supervise",
    "surmise",
    "surprise",
    "televise",
    "wise",
];

/// The American spelling of a folded, lower-case word, or `None` when the word
/// is not a British variant this module knows.
pub fn americanize(word: &str) -> Option<String> {
    if !word.is_ascii() || word.len() < 4 {
        return None;
    }
    if let Ok(i) = WORDS.binary_search_by(|(uk, _)| uk.cmp(&word)) {
        return Some(WORDS[i].1.to_string());
    }
    for stem in OUR_STEMS {
        if let Some(rest) = word.strip_prefix(stem) {
            let us = &stem[..stem.len() - 2];
            return Some(format!("{us}r{rest}"));
        }
    }
    // -isation(s) → -ization(s)
    if let Some(i) = word.find("isation") {
        if i >= 3 {
            return Some(format!("{}ization{}", &word[..i], &word[i + 7..]));
        }
    }
    // -yse/-ysed/-yses/-ysing → -yze... (analyse, paralyse, catalyse)
    for (uk, us) in [
        ("ysing", "yzing"),
        ("ysed", "yzed"),
        ("yses", "yzes"),
        ("yser", "yzer"),
        ("yse", "yze"),
    ] {
        if let Some(base) = word.strip_suffix(uk) {
            if base.len() >= 3 && base.ends_with("al") {
                return Some(format!("{base}{us}"));
            }
        }
    }
    // -ise and inflections → -ize
    for (uk, us, base_form) in [
        ("ising", "izing", "ise"),
        ("ised", "ized", "ise"),
        ("ises", "izes", "ise"),
        ("iser", "izer", "ise"),
        ("isers", "izers", "ise"),
        ("ise", "ize", "ise"),
    ] {
        if let Some(base) = word.strip_suffix(uk) {
            if base.len() < 3 {
                continue;
            }
            let lemma = format!("{base}{base_form}");
            if ISE_KEEP.iter().any(|keep| lemma.ends_with(keep)) {
                return None;
            }
            return Some(format!("{base}{us}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(uk: &str, expected: Option<&str>) {
        assert_eq!(americanize(uk).as_deref(), expected, "{uk}");
    }

    #[test]
    fn british_spellings_become_american() {
        check("organise", Some("organize"));
        check("organised", Some("organized"));
        check("globalisation", Some("globalization"));
        check("globalise", Some("globalize"));
        check("prioritise", Some("prioritize"));
        check("emphasised", Some("emphasized"));
        check("centre", Some("center"));
        check("colour", Some("color"));
        check("favourite", Some("favorite"));
        check("analyse", Some("analyze"));
        check("orientated", Some("oriented"));
        check("programme", Some("program"));
    }

    #[test]
    fn lookalikes_stay_put() {
        for word in [
            "four",
            "hour",
            "tour",
            "rise",
            "wise",
            "otherwise",
            "enterprise",
            "exercise",
            "surprise",
            "prise",
            "promise",
            "noise",
            "organize",
            "our",
            "yours",
        ] {
            check(word, None);
        }
    }

    #[test]
    fn word_table_is_sorted_for_binary_search() {
        assert!(WORDS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
