//! Finding figures in text: a number, its unit, its hedge and its subject.
//!
//! A small pattern reader over words, not a parser: news prose states
//! figures in a handful of shapes, and each shape says where the subject is.
//!
//! *Number*: digits (`1,000`, `2.5`), number words (`two`, `twenty`), or
//! `a`/`one` before a magnitude; then an optional magnitude (`million`,
//! `bn`, `m`). *Unit*: `percent` (also `%`, `per cent`, `pct`), percentage
//! points, a currency (symbol with optional country prefix: `$`, `US$`,
//! `HK$`, `€`, `£`, `¥`; ISO code before; currency word after), or else a
//! *count* of the plural noun that follows (`200 countries`). *Hedge*:
//! `about`, `roughly`, `more than`, `up to`, ... before the number, `or so`
//! after; its direction is kept ([`Hedge`]) to judge disagreement.
//!
//! Not figures: years (four digits 1800–2100 with no unit), dates (`May 14`,
//! `14 May`), times (`12:35`), ordinals, labels (`top 20`, `Windows 10`),
//! ages (`Zhang, 43,`: no noun), durations (`two days`), ratios (`1 in 5`).
//!
//! *Subject*: see [`super::subject`]. Counts, percentages and money each
//! look for it where English puts it.

use super::subject;
use super::words::{ends_clause, joins, FWord};

/// Which way a hedge bends the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hedge {
    Exact,
    /// about, roughly, approximately, around, some, an estimated
    Around,
    /// nearly, almost, up to, less than, as many as
    AtMost,
    /// more than, over, at least, upwards of
    AtLeast,
}

/// A figure before it becomes a [`clippings_core::Figure`].
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Rounding step of the number as written: 1 for `9`, 0.1 for `2.5`,
    /// 1e9 for `$25 billion`.
    pub precision: f64,
    pub unit: String,
    pub subject: String,
    pub hedge: Hedge,
    /// The subject before it became a key, and the figure's word range, so
    /// that a follow-on figure ("..., up 27%") can borrow it.
    pub(super) parts: Option<subject::Subject>,
    pub(super) first_word: usize,
    pub(super) end_word: usize,
}

/// A number read at a word.
struct Number {
    value: f64,
    precision: f64,
    /// First word (the number itself) and one past the last (magnitude).
    first: usize,
    next: usize,
    /// Written as digits (not words).
    digits: bool,
    has_magnitude: bool,
}

/// All figures of `words`, in text order.
pub fn figures(words: &[FWord], context_currency_yuan: bool) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match figure_at(words, i, context_currency_yuan) {
            Some((mut found, next)) => {
                if found.parts.is_none() {
                    if let Some(parts) = out.last().and_then(|prev| follow_on(words, prev, &found))
                    {
                        found.subject = parts.key();
                        found.parts = Some(parts);
                    }
                }
                out.push(found);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// "revenue of RMB 260 billion, up 27%": a change right after a figure,
/// behind a comma, is the change of that figure's subject; "down from
/// £1.5bn" is its earlier value.
fn follow_on(words: &[FWord], prev: &Found, this: &Found) -> Option<subject::Subject> {
    let before = this.first_word.checked_sub(1)?;
    let form = |i: usize| words.get(i).map_or("", |w| w.form.as_str());
    let (verb_at, earlier_value) = match form(before) {
        "from" => (before.checked_sub(1)?, true),
        "by" => (before.checked_sub(1)?, false),
        _ => (before, false),
    };
    let change = match form(verb_at) {
        "up" => "growth",
        "down" => "decline",
        _ => return None,
    };
    // The change stands in its own clause after a comma, in the sentence
    // of the previous figure: "40% of adults are obese, up from 30.5%".
    let after_comma = words.get(verb_at)?.gap.contains(',');
    let same_sentence = (prev.end_word..=verb_at)
        .filter_map(|k| words.get(k))
        .all(|w| !w.gap.contains(['.', '!', '?', '\n', ';']));
    if !after_comma || !same_sentence || verb_at < prev.end_word {
        return None;
    }
    let parts = prev.parts.clone()?;
    Some(if earlier_value {
        parts
    } else {
        parts.with_change(change)
    })
}

fn figure_at(words: &[FWord], i: usize, yuan: bool) -> Option<(Found, usize)> {
    let number = number_at(words, i)?;
    if glued_to_time_or_date(words, i) {
        return None;
    }
    let mut first = number.first; // first word of the figure (currency, hedge)
    let mut end_word = number.next; // one past the last word of the figure
    let mut unit: Option<String> = None;
    let mut unit_after_number = false;

    // Currency before: symbol (with a country prefix glued to it), or code.
    if let Some(prev) = i.checked_sub(1).and_then(|p| words.get(p)) {
        if let Some(code) = currency_symbol(&prev.form) {
            if number_glued(words, i) || joins(words[i].gap) {
                let prefix = i
                    .checked_sub(2)
                    .and_then(|p| words.get(p))
                    .filter(|w| prev.gap.is_empty() && w.is_capitalized())
                    .and_then(|w| prefixed_currency(&w.form, code));
                first = i - 1;
                let code = match prefix {
                    Some(code) => {
                        first = i - 2;
                        code
                    }
                    None if code == "¥" => {
                        if yuan {
                            "cny"
                        } else {
                            "jpy"
                        }
                    }
                    None => code,
                };
                unit = Some(code.to_string());
            }
        } else if let Some(code) = currency_code(prev) {
            if joins(words[i].gap) {
                first = i - 1;
                unit = Some(code.to_string());
            }
        }
    }
    // Magnitudes that only make sense after a currency: `$15m`, `€2bn`.
    let mut value = number.value;
    let mut precision = number.precision;
    if unit.is_some() && !number.has_magnitude {
        if let Some(m) = words
            .get(end_word)
            .filter(|w| joins(w.gap))
            .and_then(|w| short_magnitude(&w.form))
        {
            value *= m;
            precision *= m;
            end_word += 1;
        }
    }
    // Unit after: percent, points, currency word.
    if unit.is_none() {
        if let Some(w) = words.get(end_word).filter(|w| joins(w.gap)) {
            match w.form.as_str() {
                "percent" | "pct" | "pc" => {
                    unit = Some("percent".into());
                    end_word += 1;
                }
                "percentage" | "basis"
                    if words.get(end_word + 1).is_some_and(|p| {
                        matches!(p.form.as_str(), "point" | "points") && joins(p.gap)
                    }) =>
                {
                    unit = Some(if w.form == "basis" {
                        "basis points".into()
                    } else {
                        "percentage points".into()
                    });
                    end_word += 2;
                }
                _ => {
                    if let Some((code, len)) = national_currency(words, end_word) {
                        unit = Some(code.into());
                        unit_after_number = true;
                        end_word += len;
                    } else if let Some(code) = currency_word(&w.form) {
                        unit = Some(code.into());
                        unit_after_number = true;
                        end_word += 1;
                    }
                }
            }
        }
    }

    let (hedge, hedge_start) = hedge_before(words, first);
    let (hedge, end_word) = match hedge_after(words, end_word) {
        Some((h, next)) if hedge == Hedge::Exact => (h, next),
        _ => (hedge, end_word),
    };
    let start_word = hedge_start.unwrap_or(first);

    let (unit, subject, span_end) = match unit {
        Some(unit) => {
            // "in 2015 dollars" is a year, not an amount.
            if unit_after_number && is_year(words, &number) {
                return None;
            }
            let subject = if unit == "percent" || unit.ends_with("points") {
                subject::of_percent(words, start_word, end_word)
            } else {
                subject::of_money(words, start_word, end_word)
            };
            (unit, subject, end_word)
        }
        None => {
            if is_year(words, &number) || is_date(words, &number) || is_label(words, start_word) {
                return None;
            }
            if !number.digits && !number.has_magnitude && number.value < 2.0 {
                return None;
            }
            let (subject, head) = subject::of_count(words, number.next)?;
            // "300 stores or so": the hedge follows the noun.
            if let Some((after, next)) =
                hedge_after(words, head + 1).filter(|_| hedge == Hedge::Exact)
            {
                return finish(
                    words,
                    start_word,
                    next,
                    value,
                    precision,
                    "count",
                    Some(subject),
                    after,
                    next,
                );
            }
            ("count".to_string(), Some(subject), head + 1)
        }
    };
    let end_word = end_word.max(span_end);
    finish(
        words, start_word, span_end, value, precision, &unit, subject, hedge, end_word,
    )
}

#[allow(clippy::too_many_arguments)]
fn finish(
    words: &[FWord],
    start_word: usize,
    span_end: usize,
    value: f64,
    precision: f64,
    unit: &str,
    subject: Option<subject::Subject>,
    hedge: Hedge,
    end_word: usize,
) -> Option<(Found, usize)> {
    let start = words.get(start_word)?.start;
    let end = words.get(span_end.checked_sub(1)?)?.end;
    Some((
        Found {
            start,
            end,
            value,
            precision,
            unit: unit.to_string(),
            subject: subject.as_ref().map(|s| s.key()).unwrap_or_default(),
            hedge,
            parts: subject,
            first_word: start_word,
            end_word: span_end,
        },
        end_word,
    ))
}

fn number_at(words: &[FWord], i: usize) -> Option<Number> {
    let w = words.get(i)?;
    let (value, precision, digits) = if let Some((value, decimals)) = parse_digits(&w.form) {
        (value, 10f64.powi(-(decimals as i32)), true)
    } else if let Some(value) = number_word(&w.form) {
        (value, 1.0, false)
    } else if matches!(w.form.as_str(), "a" | "an" | "one") {
        // Only as "a million", "one billion".
        let next = words.get(i + 1).filter(|n| joins(n.gap))?;
        long_magnitude(&next.form)?;
        (1.0, 1.0, false)
    } else {
        return None;
    };
    let mut number = Number {
        value,
        precision,
        first: i,
        next: i + 1,
        digits,
        has_magnitude: false,
    };
    if let Some(m) = words
        .get(i + 1)
        .filter(|n| joins(n.gap) || n.start == w.end)
        .and_then(|n| long_magnitude(&n.form).or_else(|| glued_magnitude(w, n)))
    {
        number.value *= m;
        number.precision *= m;
        number.next = i + 2;
        number.has_magnitude = true;
    }
    (number.value.is_finite()).then_some(number)
}

/// Digits with at most one decimal point; thousands separators are already
/// gone from the form. Returns the value and the number of decimals.
fn parse_digits(form: &str) -> Option<(f64, usize)> {
    if form.is_empty() || !form.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    if !form.as_bytes().first()?.is_ascii_digit() || form.matches('.').count() > 1 {
        return None;
    }
    let decimals = form.split_once('.').map_or(0, |(_, d)| d.len());
    Some((form.parse().ok()?, decimals))
}

fn number_word(form: &str) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("dozen", 12.0),
        ("hundred", 100.0),
    ];
    WORDS.iter().find(|(w, _)| *w == form).map(|(_, v)| *v)
}

fn long_magnitude(form: &str) -> Option<f64> {
    match form {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mn" | "mln" => Some(1e6),
        "billion" | "bn" | "bln" => Some(1e9),
        "trillion" | "tn" | "trn" => Some(1e12),
        _ => None,
    }
}

/// `k`, `m`, `b`: magnitudes only after a currency (`$15m`), since `100m`
/// alone is as likely metres.
fn short_magnitude(form: &str) -> Option<f64> {
    match form {
        "k" => Some(1e3),
        "m" => Some(1e6),
        "b" => Some(1e9),
        _ => long_magnitude(form),
    }
}

/// The tokenizer splits `15m` into `15` `m`: glued short magnitudes are
/// handled by [`short_magnitude`] after a currency; here only `k` counts
/// (`10k users`).
fn glued_magnitude(number: &FWord, next: &FWord) -> Option<f64> {
    (next.start == number.end && next.form == "k").then_some(1e3)
}

fn number_glued(words: &[FWord], i: usize) -> bool {
    words.get(i).is_some_and(|w| w.gap.is_empty())
}

/// `12:35`, `30/09`, `3.5.2021`: a number glued to `:` or `/`.
fn glued_to_time_or_date(words: &[FWord], i: usize) -> bool {
    let before = words.get(i).map_or("", |w| w.gap);
    let after = words.get(i + 1).map_or("", |w| w.gap);
    let glue = |g: &str| matches!(g, ":" | "/" | "." | "-");
    (glue(before) && i > 0) || glue(after)
}

fn currency_symbol(form: &str) -> Option<&'static str> {
    match form {
        "$" => Some("usd"),
        "€" => Some("eur"),
        "£" => Some("gbp"),
        "¥" => Some("¥"),
        "₹" => Some("inr"),
        "₩" => Some("krw"),
        "₽" => Some("rub"),
        _ => None,
    }
}

/// `US$`, `HK$`, `A$`, `NT$`, `S$`, `C$`, `R$`, `RMB¥`.
fn prefixed_currency(prefix: &str, symbol: &str) -> Option<&'static str> {
    match (prefix, symbol) {
        ("us", "usd") => Some("usd"),
        ("hk", "usd") => Some("hkd"),
        ("a" | "au", "usd") => Some("aud"),
        ("c" | "ca", "usd") => Some("cad"),
        ("nz", "usd") => Some("nzd"),
        ("s" | "sg", "usd") => Some("sgd"),
        ("nt", "usd") => Some("twd"),
        ("r", "usd") => Some("brl"),
        ("rmb", "¥") => Some("cny"),
        _ => None,
    }
}

/// ISO codes written before the number: `USD 5 million`, `RMB 2bn`.
fn currency_code(word: &FWord) -> Option<&'static str> {
    if !word.is_acronym() {
        return None;
    }
    match word.form.as_str() {
        "usd" => Some("usd"),
        "eur" => Some("eur"),
        "gbp" => Some("gbp"),
        "cny" | "rmb" => Some("cny"),
        "jpy" => Some("jpy"),
        "hkd" => Some("hkd"),
        "inr" => Some("inr"),
        "chf" => Some("chf"),
        "aud" => Some("aud"),
        "cad" => Some("cad"),
        _ => None,
    }
}

/// A currency named with its country: `31.3 billion Danish crowns`, `5
/// million Hong Kong dollars`, `2 billion Swedish kronor`. Returns the code
/// and the number of words.
fn national_currency(words: &[FWord], at: usize) -> Option<(&'static str, usize)> {
    const NATIONAL: &[(&[&str], &[&str], &str)] = &[
        (&["danish"], &["crown", "crowns", "krone", "kroner"], "dkk"),
        (&["swedish"], &["crown", "crowns", "krona", "kronor"], "sek"),
        (
            &["norwegian"],
            &["crown", "crowns", "krone", "kroner"],
            "nok",
        ),
        (&["czech"], &["crown", "crowns", "koruna", "korunas"], "czk"),
        (
            &["icelandic"],
            &["crown", "crowns", "krona", "kronur"],
            "isk",
        ),
        (&["australian"], &["dollar", "dollars"], "aud"),
        (&["canadian"], &["dollar", "dollars"], "cad"),
        (&["singapore", "singaporean"], &["dollar", "dollars"], "sgd"),
        (&["taiwan", "taiwanese"], &["dollar", "dollars"], "twd"),
        (&["us", "american"], &["dollar", "dollars"], "usd"),
        (&["swiss"], &["franc", "francs"], "chf"),
        (&["indian"], &["rupee", "rupees"], "inr"),
        (&["chinese"], &["yuan", "renminbi"], "cny"),
        (&["japanese"], &["yen"], "jpy"),
        (&["korean"], &["won"], "krw"),
        (&["brazilian"], &["real", "reais"], "brl"),
        (&["mexican"], &["peso", "pesos"], "mxn"),
        (
            &["russian"],
            &["rouble", "roubles", "ruble", "rubles"],
            "rub",
        ),
        (&["turkish"], &["lira", "liras"], "try"),
    ];
    let first = words
        .get(at)
        .filter(|w| joins(w.gap) && w.is_capitalized())?;
    // "Hong Kong dollars", "New Zealand dollars", "South African rand".
    let two = words.get(at + 1).filter(|w| joins(w.gap));
    let three = words.get(at + 2).filter(|w| joins(w.gap));
    match (
        first.form.as_str(),
        two.map(|w| w.form.as_str()),
        three.map(|w| w.form.as_str()),
    ) {
        ("hong", Some("kong"), Some("dollar" | "dollars")) => return Some(("hkd", 3)),
        ("new", Some("zealand"), Some("dollar" | "dollars")) => return Some(("nzd", 3)),
        ("south", Some("african"), Some("rand" | "rands")) => return Some(("zar", 3)),
        _ => {}
    }
    let second = two?;
    NATIONAL
        .iter()
        .find(|(nation, money, _)| {
            nation.contains(&first.form.as_str()) && money.contains(&second.form.as_str())
        })
        .map(|(_, _, code)| (*code, 2))
}

/// Currency named after the number: `5 million yuan`, `300 euros`.
fn currency_word(form: &str) -> Option<&'static str> {
    match form {
        "dollar" | "dollars" | "usd" => Some("usd"),
        "euro" | "euros" | "eur" => Some("eur"),
        "pound" | "pounds" | "sterling" | "gbp" => Some("gbp"),
        "yuan" | "renminbi" | "rmb" | "cny" => Some("cny"),
        "yen" | "jpy" => Some("jpy"),
        "rupee" | "rupees" => Some("inr"),
        "franc" | "francs" => Some("chf"),
        _ => None,
    }
}

/// The hedge right before word `first` and the word it starts at.
fn hedge_before(words: &[FWord], first: usize) -> (Hedge, Option<usize>) {
    const HEDGES: &[(&[&str], Hedge)] = &[
        (&["as", "many", "as"], Hedge::AtMost),
        (&["as", "much", "as"], Hedge::AtMost),
        (&["as", "few", "as"], Hedge::AtLeast),
        (&["more", "than"], Hedge::AtLeast),
        (&["greater", "than"], Hedge::AtLeast),
        (&["at", "least"], Hedge::AtLeast),
        (&["upwards", "of"], Hedge::AtLeast),
        (&["just", "over"], Hedge::AtLeast),
        (&["well", "over"], Hedge::AtLeast),
        (&["less", "than"], Hedge::AtMost),
        (&["fewer", "than"], Hedge::AtMost),
        (&["up", "to"], Hedge::AtMost),
        (&["at", "most"], Hedge::AtMost),
        (&["just", "under"], Hedge::AtMost),
        (&["close", "to"], Hedge::AtMost),
        (&["an", "estimated"], Hedge::Around),
        (&["about"], Hedge::Around),
        (&["roughly"], Hedge::Around),
        (&["approximately"], Hedge::Around),
        (&["approximate"], Hedge::Around),
        (&["approx"], Hedge::Around),
        (&["around"], Hedge::Around),
        (&["some"], Hedge::Around),
        (&["estimated"], Hedge::Around),
        (&["circa"], Hedge::Around),
        (&["nearly"], Hedge::AtMost),
        (&["almost"], Hedge::AtMost),
        (&["over"], Hedge::AtLeast),
        (&["above"], Hedge::AtLeast),
        (&["under"], Hedge::AtMost),
        (&["below"], Hedge::AtMost),
    ];
    if words
        .get(first)
        .is_some_and(|w| w.gap.trim_end().ends_with('~'))
    {
        return (Hedge::Around, None);
    }
    for (phrase, hedge) in HEDGES {
        let n = phrase.len();
        let Some(start) = first.checked_sub(n) else {
            continue;
        };
        let matches = phrase.iter().enumerate().all(|(k, p)| {
            words
                .get(start + k)
                .is_some_and(|w| w.form == *p && (k == 0 || joins(w.gap)))
        });
        if matches && words.get(first).is_some_and(|w| joins(w.gap)) {
            return (*hedge, Some(start));
        }
    }
    (Hedge::Exact, None)
}

/// `10 percent or so`, `5 million or more`.
fn hedge_after(words: &[FWord], next: usize) -> Option<(Hedge, usize)> {
    words.get(next).filter(|w| w.form == "or" && joins(w.gap))?;
    let w = words.get(next + 1).filter(|w| joins(w.gap))?;
    match w.form.as_str() {
        "so" => Some((Hedge::Around, next + 2)),
        "more" => Some((Hedge::AtLeast, next + 2)),
        _ => None,
    }
}

/// A plain four-digit number in 1800–2100: a year.
fn is_year(words: &[FWord], number: &Number) -> bool {
    let Some(w) = words.get(number.first) else {
        return false;
    };
    number.digits
        && !number.has_magnitude
        && w.surface.len() == 4
        && w.surface.bytes().all(|b| b.is_ascii_digit())
        && (1800.0..=2100.0).contains(&number.value)
}

/// A day of a month: `May 14`, `14 May`, `Nov. 18`.
fn is_date(words: &[FWord], number: &Number) -> bool {
    let month = |w: &FWord| MONTHS.contains(&w.form.trim_end_matches('.')) && w.is_capitalized();
    let before = number
        .first
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .is_some_and(month);
    let after = words.get(number.next).is_some_and(month);
    number.digits && number.value <= 31.0 && (before || after)
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// `top 20`, `No. 3`, `Windows 10`: a number that names, not counts.
fn is_label(words: &[FWord], first: usize) -> bool {
    let Some(prev) = first.checked_sub(1).and_then(|p| words.get(p)) else {
        return false;
    };
    let Some(this) = words.get(first) else {
        return false;
    };
    if !joins(this.gap) {
        return false;
    }
    const LABELS: &[&str] = &[
        "top", "no", "number", "rank", "ranked", "page", "section", "chapter", "article", "level",
        "phase", "version", "grade", "route", "line", "room", "flight", "episode", "season", "act",
        "class", "category", "gate", "platform", "terminal", "stage", "round", "step", "item",
        "highway", "tier", "model", "series", "unit", "floor", "district",
    ];
    // "1 in 5 children", "one in three adults": a ratio, not a count.
    let ratio = matches!(prev.form.as_str(), "in" | "out")
        && first
            .checked_sub(2)
            .and_then(|p| words.get(p))
            .is_some_and(|w| {
                parse_digits(&w.form).is_some()
                    || matches!(w.form.as_str(), "one" | "two" | "three" | "four" | "five")
            });
    if ratio {
        return true;
    }
    let sentence_start = first < 2 || ends_clause(prev.gap) || prev.gap.contains('\n');
    LABELS.contains(&prev.form.as_str())
        || (prev.is_capitalized() && !sentence_start && !is_function_word(&prev.form))
}

fn is_function_word(form: &str) -> bool {
    matches!(
        form,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "of"
            | "to"
            | "and"
            | "but"
            | "with"
    )
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn values(text: &str) -> Vec<(f64, String, Hedge)> {
        figures(&words(text), false)
            .into_iter()
            .map(|f| (f.value, f.unit, f.hedge))
            .collect()
    }

    #[test]
    fn numbers_with_magnitudes_and_currencies() {
        assert_eq!(
            values("raised $25 billion"),
            [(25e9, "usd".into(), Hedge::Exact)]
        );
        assert_eq!(
            values("invested US$15 million in it"),
            [(15e6, "usd".into(), Hedge::Exact)]
        );
        assert_eq!(
            values("paid HK$3.5bn"),
            [(3.5e9, "hkd".into(), Hedge::Exact)]
        );
        assert_eq!(values("a €2m deal"), [(2e6, "eur".into(), Hedge::Exact)]);
        assert_eq!(
            values("5 million yuan of debt"),
            [(5e6, "cny".into(), Hedge::Exact)]
        );
    }

    #[test]
    fn years_dates_and_times_are_not_figures() {
        assert!(values("In 2013 it grew. On November 18 and 30 September, at 12:35").is_empty());
    }
}
