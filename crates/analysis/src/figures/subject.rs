//! What a figure is about: a normalised subject key that pairs reports of
//! the same quantity across outlets.
//!
//! A key is `[modifiers] head [suffix] [relation object]`, e.g.
//! `stake in zulily`, `order volume growth`, `active annual consumer`,
//! `investment in 1stdibs`. The design choices, and why:
//!
//! - **Head noun, singular.** `consumers` and `consumer` are one subject.
//! - **Modifiers of the head are kept** (`order volume`, `active annual
//!   consumer`): they define the population or quantity, and dropping them is
//!   how "2 billion consumers" (an ambition) would pair with "285 million
//!   active annual consumers" (a result). Precision before recall.
//! - **An object that is a name keeps only the name.** In "stake in online
//!   retail business Zulily" and "stake in Seattle e-commerce company
//!   Zulily" the words before the name are the writer's descriptors, which
//!   vary by outlet; the name (the last capitalised run of the object phrase,
//!   corporate suffixes like `Inc` dropped) is what identifies the object.
//!   An object without a name keeps its noun phrase.
//! - **Relations are canonical.** `in`/`into` → `in`; `of`/`at`/`for`/a
//!   possessive → `of`; `on` stays. So "Alibaba's volume" and "volume at
//!   Alibaba" meet.
//! - **Change is a suffix.** "volume grew 41 percent", "volume up 41
//!   percent" and "41 percent growth in volume" all become `volume growth`;
//!   "fell", "down" give `decline`. A level ("rose to 10%") has no suffix.
//! - **Verbs become nouns for money**: "invested $15 million in X" →
//!   `investment in x`, "raised" → `raise`, "paid" → `payment`.
//! - **Owning a share is a stake**: "owns 10 percent of Zulily" → `stake in
//!   zulily`; other "X percent of Y" → `share of y`.

use super::words::{joins, FWord};

/// A subject under construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    /// Modifier keys then the head key (singular).
    phrase: Vec<String>,
    suffix: Option<&'static str>,
    relation: Option<(&'static str, String)>,
}

impl Subject {
    fn new(phrase: Vec<String>) -> Subject {
        Subject {
            phrase,
            suffix: None,
            relation: None,
        }
    }

    fn named(head: &str) -> Subject {
        Subject::new(vec![head.to_string()])
    }

    /// The same quantity's change ("growth", "decline"); a subject that is
    /// already a change stays as it is.
    pub fn with_change(mut self, change: &'static str) -> Subject {
        if self.suffix.is_none()
            && change_noun(self.phrase.last().map_or("", String::as_str)).is_none()
        {
            self.suffix = Some(change);
        }
        self
    }

    /// The normalised key.
    pub fn key(&self) -> String {
        let mut key = self.phrase.join(" ");
        if let Some(suffix) = self.suffix {
            push_word(&mut key, suffix);
        }
        if let Some((prep, object)) = &self.relation {
            push_word(&mut key, prep);
            push_word(&mut key, object);
        }
        key
    }
}

fn push_word(key: &mut String, word: &str) {
    if !key.is_empty() {
        key.push(' ');
    }
    key.push_str(word);
}

/// Subject of a percentage spanning words `start..end` (hedge to unit).
pub fn of_percent(words: &[FWord], start: usize, end: usize) -> Option<Subject> {
    // "9% stake in Zulily", "60 percent revenue growth in Southeast Asia"
    if let Some(subject) = noun_phrase_after(words, end) {
        return Some(subject);
    }
    // "10 percent of Zulily", "41% of revenue"
    if is_word(words, end, "of") {
        let object = object_at(words, end + 1)?;
        let verb = verb_before(words, start);
        return Some(if verb.is_some_and(|v| OWN_VERBS.contains(&v)) {
            Subject {
                relation: Some(("in", object)),
                ..Subject::named("stake")
            }
        } else {
            Subject {
                relation: Some(("of", object)),
                ..Subject::named("share")
            }
        });
    }
    subject_before(words, start)
}

/// Subject of an amount of money spanning words `start..end`.
pub fn of_money(words: &[FWord], start: usize, end: usize) -> Option<Subject> {
    // "$25 billion IPO"
    if let Some(subject) = noun_phrase_after(words, end) {
        return Some(subject);
    }
    // "invested $15 million in 1stdibs"
    if let Some(noun) = verb_before(words, start).and_then(money_verb_noun) {
        let mut subject = Subject::named(noun);
        if let Some(prep) = words
            .get(end)
            .filter(|w| joins(w.gap))
            .and_then(|w| canonical_prep(&w.form))
        {
            subject.relation = object_at(words, end + 1).map(|o| (prep, o));
        }
        return Some(subject);
    }
    // "$1 trillion in annual GMV", "$5bn of debt"
    if is_word(words, end, "in") || is_word(words, end, "of") {
        if let Some(object) = object_at(words, end + 1) {
            return Some(Subject::new(vec![object]));
        }
    }
    subject_before(words, start)
}

/// Subject of a count: the plural noun phrase right after the number at
/// `after`. Returns the subject and the index of the head noun; `None` when
/// no plural noun follows (then the number is not a count).
pub fn of_count(words: &[FWord], after: usize) -> Option<(Subject, usize)> {
    // "10,000 more delivery staff": comparison words before the noun.
    let after = match words.get(after).map(|w| w.form.as_str()) {
        Some("more" | "additional" | "extra" | "fewer" | "other") => after + 1,
        _ => after,
    };
    let run = run_forward(words, after, true);
    let head_at = run
        .iter()
        .rposition(|&i| words.get(i).is_some_and(is_plural_noun))?;
    let run = run.get(..=head_at)?;
    let head = *run.last()?;
    if words
        .get(head)
        .is_some_and(|w| TIME_UNITS.contains(&w.form.as_str()))
    {
        return None;
    }
    let mut subject = Subject::new(phrase_keys(words, run));
    // "users of Alipay", "stores in China": names only, for stable keys.
    if let Some(prep) = words
        .get(head + 1)
        .filter(|w| joins(w.gap))
        .and_then(|w| canonical_prep(&w.form))
    {
        if let Some(Object::Name(name)) = object_words(words, head + 2) {
            subject.relation = Some((prep, name));
        }
    }
    Some((subject, head))
}

/// "[modifiers] head [prep object]" right after a figure.
fn noun_phrase_after(words: &[FWord], at: usize) -> Option<Subject> {
    let run = run_forward(words, at, false);
    let head = words.get(*run.last()?)?;
    // "30.5% two decades ago": a time, not what the figure measures.
    if TIME_UNITS.contains(&head.form.as_str())
        || TIME_UNITS.contains(&format!("{}s", head.form).as_str())
    {
        return None;
    }
    let mut phrase = phrase_keys(words, &run);
    let last = *run.last()?;
    let relation = words
        .get(last + 1)
        .filter(|w| joins(w.gap))
        .and_then(|w| canonical_prep(&w.form))
        .and_then(|prep| object_words(words, last + 2).map(|o| (prep, o)));
    let head = phrase.last().cloned().unwrap_or_default();
    if let Some(change) = change_noun(&head) {
        // "41 percent growth in business volume" → "business volume growth"
        if let Some((_, Object::Phrase(object))) = &relation {
            phrase.pop();
            let mut subject = Subject::new(phrase);
            subject.phrase.push(object.clone());
            subject.suffix = Some(change);
            return Some(subject);
        }
    }
    let mut subject = Subject::new(phrase);
    subject.relation = relation.map(|(prep, o)| (prep, o.into_text()));
    Some(subject)
}

/// "NP grew 41 percent", "NP up 62 percent", "NP rose to $5 billion", "NP
/// was $5 billion", "a stake of 10 percent".
fn subject_before(words: &[FWord], start: usize) -> Option<Subject> {
    if !words.get(start).is_some_and(|w| joins(w.gap)) {
        return None;
    }
    let mut p = start.checked_sub(1)?;
    let mut level = false;
    let word = |p: usize| words.get(p).map_or("", |w| w.form.as_str());
    match word(p) {
        "by" => p = p.checked_sub(1)?,
        "to" | "at" => {
            level = true;
            p = p.checked_sub(1)?;
            // "revenue rose 14% to $3.54 billion": step back over the change.
            while is_figure_word(word(p)) {
                p = p.checked_sub(1)?;
            }
        }
        "of" => {
            let (subject, _) = noun_phrase_before(words, p)?;
            return Some(subject);
        }
        _ => {}
    }
    let verb = word(p);
    let change = if CHANGE_UP.contains(&verb) {
        Some("growth")
    } else if CHANGE_DOWN.contains(&verb) {
        Some("decline")
    } else if LEVEL_VERBS.contains(&verb) || (level && verb.len() > 4 && verb.ends_with("ed")) {
        // "NP widened to $2.9 billion": any past verb before "to" sets a level.
        None
    } else {
        return None;
    };
    if !words.get(p).is_some_and(|w| joins(w.gap)) {
        return None;
    }
    let (mut subject, _) = noun_phrase_before(words, p)?;
    if !level {
        subject.suffix = change;
    }
    Some(subject)
}

/// Number words ("two decades"), which never start a subject phrase.
fn is_number_word(form: &str) -> bool {
    matches!(
        form,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundred"
            | "thousand"
            | "dozen"
            | "several"
            | "few"
    )
}

/// Words a figure is written with: digits, `percent`, magnitudes, symbols.
fn is_figure_word(form: &str) -> bool {
    !form.is_empty()
        && (form.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            || !form.chars().any(char::is_alphanumeric)
            || matches!(
                form,
                "percent" | "pct" | "million" | "billion" | "trillion" | "bn" | "m" | "mn" | "k"
            ))
}

/// The noun phrase ending right before word `before`, skipping auxiliaries
/// and adverbs ("has grown", "was sharply"): modifiers, head, and a
/// possessor as the relation.
fn noun_phrase_before(words: &[FWord], before: usize) -> Option<(Subject, usize)> {
    let mut p = before.checked_sub(1)?;
    while let Some(w) = words.get(p) {
        let skippable = AUXILIARIES.contains(&w.form.as_str())
            || (w.form.ends_with("ly") && w.form.len() > 5 && !w.is_capitalized());
        if !skippable || !words.get(p + 1).is_some_and(|n| joins(n.gap)) {
            break;
        }
        p = p.checked_sub(1)?;
    }
    let mut run: Vec<usize> = Vec::new();
    let mut possessor: Vec<usize> = Vec::new();
    let mut i = p;
    while let Some(w) = words.get(i) {
        let joined_to_next = run
            .last()
            .is_none_or(|&n| words.get(n).is_some_and(|n| joins(n.gap)));
        if !joined_to_next || !(w.is_alphabetic() || w.is_acronym()) || is_stop(w) {
            break;
        }
        if w.is_possessive() && !run.is_empty() {
            possessor.push(i);
            // Names before a possessive belong to it: "Jack Ma's".
            let mut k = i;
            while let Some(prev) = k.checked_sub(1).and_then(|k| words.get(k)) {
                if prev.is_capitalized()
                    && words.get(k).is_some_and(|w| joins(w.gap))
                    && !is_stop(prev)
                {
                    k -= 1;
                    possessor.push(k);
                } else {
                    break;
                }
            }
            break;
        }
        run.push(i);
        if run.len() >= 5 {
            break;
        }
        let Some(next) = i.checked_sub(1) else { break };
        i = next;
    }
    if run.is_empty() {
        return None;
    }
    run.reverse();
    possessor.reverse();
    let first = *run.first()?;
    let mut subject = Subject::new(phrase_keys(words, &run));
    if !possessor.is_empty() {
        subject.relation = Some(("of", name_key(words, &possessor)));
        return Some((subject, first));
    }
    // "online sales of physical goods reached ...": the phrase before "of"
    // is the head, the run read so far its object.
    // "business volume at Alibaba rose": likewise, a name after at/in/for.
    // A determiner may stand between: "sales of its drug Wegovy".
    let joined_before = |k: usize| words.get(k).is_some_and(|w| joins(w.gap));
    let mut lead = first;
    if let Some(d) = first.checked_sub(1) {
        if words
            .get(d)
            .is_some_and(|w| DETERMINERS.contains(&w.form.as_str()))
            && joined_before(first)
        {
            lead = d;
        }
    }
    let prep = lead.checked_sub(1).and_then(|o| {
        let w = words.get(o)?;
        let prep = canonical_prep(&w.form)?;
        (joins(w.gap) && joined_before(lead)).then_some((o, prep))
    });
    if let Some((at, prep)) = prep {
        // A name closing the run is the object ("its weight-loss drug
        // Wegovy" → "wegovy"); otherwise the whole phrase is.
        let name: Vec<usize> = {
            let mut name: Vec<usize> = run
                .iter()
                .rev()
                .take_while(|&&k| words.get(k).is_some_and(FWord::is_capitalized))
                .copied()
                .collect();
            name.reverse();
            name
        };
        let is_name = !name.is_empty();
        let object = if is_name {
            name_key(words, &name)
        } else {
            subject.phrase.join(" ")
        };
        if let Some((mut outer, outer_first)) = noun_phrase_before(words, at) {
            if outer.relation.is_none() && (is_name || prep == "of") {
                outer.relation = Some((prep, object));
                return Some((outer, outer_first));
            }
        }
    }
    Some((subject, first))
}

/// Words of a noun phrase starting at `at`: joined by spaces, no function
/// words, at most five. Counts allow a capitalised modifier ("Chinese").
fn run_forward(words: &[FWord], at: usize, for_count: bool) -> Vec<usize> {
    let mut run = Vec::new();
    let mut i = at;
    while let Some(w) = words.get(i) {
        if !joins(w.gap)
            || is_stop(w)
            || !(w.is_alphabetic() || w.is_acronym())
            || is_number_word(&w.form)
        {
            break;
        }
        if !for_count && w.is_capitalized() && !w.is_acronym() {
            break;
        }
        run.push(i);
        if run.len() >= 5 {
            break;
        }
        i += 1;
    }
    run
}

/// The object of a preposition: a name, or a noun phrase.
enum Object {
    Name(String),
    Phrase(String),
}

impl Object {
    fn into_text(self) -> String {
        match self {
            Object::Name(s) | Object::Phrase(s) => s,
        }
    }
}

fn object_at(words: &[FWord], at: usize) -> Option<String> {
    object_words(words, at).map(Object::into_text)
}

/// Read the object phrase at `at` ("the Seattle e-commerce company Zulily")
/// and keep its name ("zulily") or, without one, its noun phrase.
fn object_words(words: &[FWord], at: usize) -> Option<Object> {
    let mut i = at;
    // Leading determiners.
    while let Some(w) = words.get(i) {
        if DETERMINERS.contains(&w.form.as_str()) && joins(w.gap) {
            i += 1;
        } else {
            break;
        }
    }
    let mut run: Vec<usize> = Vec::new();
    while let Some(w) = words.get(i) {
        if !joins(w.gap) {
            break;
        }
        let name_word = w.is_capitalized() && (w.is_acronym() || !is_stop_lower(&w.form));
        let comparative = matches!(w.form.as_str(), "higher" | "lower");
        if !(name_word || (w.is_alphabetic() && (!is_stop(w) || comparative))) {
            break;
        }
        run.push(i);
        if run.len() >= 6 {
            break;
        }
        i += 1;
    }
    if run.is_empty() {
        return None;
    }
    // The last capitalised run is the name; a possessive inside it ends
    // the part before ("Seattle's Zulily" → "Zulily").
    let mut name: Vec<usize> = Vec::new();
    for &k in run.iter().rev() {
        let Some(w) = words.get(k) else { break };
        let descriptor = w.form.contains('-')
            && w.form
                .rsplit('-')
                .next()
                .is_some_and(|t| t.chars().all(char::is_lowercase));
        // The name ends the phrase: "American adults" is a phrase, not a name.
        if w.is_capitalized() && !descriptor && (!w.is_possessive() || name.is_empty()) {
            name.push(k);
        } else {
            break;
        }
    }
    name.reverse();
    let lower_before_name = name.first().is_some_and(|&f| {
        run.iter()
            .any(|&k| k < f && words.get(k).is_some_and(|w| !w.is_capitalized()))
    });
    let lone_acronym = name.len() == 1
        && name
            .first()
            .and_then(|&k| words.get(k))
            .is_some_and(FWord::is_acronym);
    if !name.is_empty() && (!lone_acronym || !lower_before_name) {
        return Some(Object::Name(name_key(words, &name)));
    }
    let head = run.iter().rposition(|&k| {
        words
            .get(k)
            .is_some_and(|w| !w.is_capitalized() || w.is_acronym())
    })?;
    Some(Object::Phrase(
        phrase_keys(words, run.get(..=head)?).join(" "),
    ))
}

/// A name's key: its words' keys, corporate suffixes dropped.
fn name_key(words: &[FWord], name: &[usize]) -> String {
    let mut parts: Vec<String> = name
        .iter()
        .filter_map(|&k| words.get(k))
        .map(FWord::key)
        .collect();
    while parts.len() > 1
        && parts
            .last()
            .is_some_and(|p| CORPORATE.contains(&p.as_str()))
    {
        parts.pop();
    }
    parts.join(" ")
}

/// Keys of a phrase's words, the last (the head) singular.
fn phrase_keys(words: &[FWord], run: &[usize]) -> Vec<String> {
    let mut keys: Vec<String> = run
        .iter()
        .filter_map(|&k| words.get(k))
        .map(FWord::key)
        .collect();
    if let Some(head) = keys.pop() {
        keys.push(singular(&head));
    }
    keys
}

/// English plural to singular, enough for keys.
pub fn singular(word: &str) -> String {
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == word) {
        return s.to_string();
    }
    if word.len() <= 3 || word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["sses", "shes", "ches", "xes", "zes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}

const IRREGULAR: &[(&str, &str)] = &[
    ("people", "people"),
    ("sales", "sales"),
    ("earnings", "earnings"),
    ("news", "news"),
    ("savings", "savings"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("businesses", "business"),
    ("data", "data"),
    ("media", "media"),
    ("staff", "staff"),
    ("police", "police"),
    ("personnel", "personnel"),
    ("feet", "foot"),
    ("mice", "mouse"),
    ("series", "series"),
    ("species", "species"),
];

fn is_plural_noun(w: &FWord) -> bool {
    if !w.is_alphabetic() || is_stop(w) {
        return false;
    }
    let f = w.form.as_str();
    IRREGULAR.iter().any(|(p, _)| *p == f)
        || (f.len() >= 3
            && f.ends_with('s')
            && !f.ends_with("ss")
            && !f.ends_with("us")
            && !f.ends_with("is")
            && !f.ends_with("'s"))
}

fn is_word(words: &[FWord], at: usize, form: &str) -> bool {
    words
        .get(at)
        .is_some_and(|w| w.form == form && joins(w.gap))
}

/// The verb right before a figure, past an article: "acquiring a 9%".
fn verb_before<'w>(words: &'w [FWord], start: usize) -> Option<&'w str> {
    let mut p = start.checked_sub(1)?;
    if words.get(start).is_some_and(|w| !joins(w.gap)) {
        return None;
    }
    if matches!(
        words.get(p).map(|w| w.form.as_str()),
        Some("a" | "an" | "another")
    ) {
        if !words.get(p).is_some_and(|w| joins(w.gap)) {
            return None;
        }
        p = p.checked_sub(1)?;
    }
    words.get(p).map(|w| w.form.as_str())
}

fn money_verb_noun(verb: &str) -> Option<&'static str> {
    const VERBS: &[(&[&str], &str)] = &[
        (
            &["invest", "invested", "invests", "investing"],
            "investment",
        ),
        (&["raise", "raised", "raises", "raising"], "raise"),
        (&["spend", "spent", "spends", "spending"], "spending"),
        (&["pay", "paid", "pays", "paying"], "payment"),
        (&["earn", "earned", "earns", "earning"], "earnings"),
        (&["lose", "lost", "loses", "losing"], "loss"),
        (&["borrow", "borrowed", "borrows", "borrowing"], "borrowing"),
        (&["donate", "donated", "donates", "donating"], "donation"),
        (&["fine", "fined"], "fine"),
    ];
    VERBS
        .iter()
        .find(|(forms, _)| forms.contains(&verb))
        .map(|(_, noun)| *noun)
}

fn canonical_prep(form: &str) -> Option<&'static str> {
    match form {
        "in" | "into" | "within" => Some("in"),
        "of" | "at" | "for" => Some("of"),
        "on" => Some("on"),
        _ => None,
    }
}

fn change_noun(head: &str) -> Option<&'static str> {
    match head {
        "growth" | "increase" | "rise" | "gain" | "jump" | "surge" => Some("growth"),
        "decline" | "drop" | "fall" | "decrease" | "cut" | "reduction" | "slump" => Some("decline"),
        _ => None,
    }
}

const OWN_VERBS: &[&str] = &[
    "own",
    "owns",
    "owned",
    "owning",
    "hold",
    "holds",
    "held",
    "holding",
    "acquire",
    "acquired",
    "acquires",
    "acquiring",
    "buy",
    "buys",
    "bought",
    "buying",
    "take",
    "takes",
    "took",
    "taken",
    "taking",
    "sell",
    "sells",
    "sold",
    "selling",
    "purchase",
    "purchased",
    "purchasing",
];

const CHANGE_UP: &[&str] = &[
    "grew",
    "grow",
    "grows",
    "grown",
    "growing",
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "jumped",
    "jump",
    "jumps",
    "climbed",
    "climb",
    "climbs",
    "increased",
    "increase",
    "increases",
    "gained",
    "gain",
    "gains",
    "surged",
    "surge",
    "surges",
    "soared",
    "soar",
    "soars",
    "up",
    "expanded",
    "expand",
    "expands",
    "added",
];

const CHANGE_DOWN: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "decreases",
    "slipped",
    "slid",
    "slumped",
    "plunged",
    "tumbled",
    "shrank",
    "shrunk",
    "sank",
    "down",
    "lost",
    "dipped",
];

const LEVEL_VERBS: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "reached",
    "reach",
    "reaches",
    "hit",
    "hits",
    "totaled",
    "totalled",
    "totals",
    "stood",
    "stands",
    "amounted",
    "came",
    "accounted",
    "represents",
    "represented",
    "of",
];

const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "would", "could",
    "also", "already", "only", "just", "nearly", "almost", "about", "roughly", "some",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these",
    "those",
];

const CORPORATE: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "llc",
    "plc",
    "group",
    "holdings",
    "sa",
    "ag",
    "gmbh",
    "nv",
    "limited",
    "company",
];

const TIME_UNITS: &[&str] = &[
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
    "quarters",
    "times",
    "nights",
    "weekends",
    "mornings",
    "generations",
];

/// Words that end a noun phrase: function words, time words, comparatives,
/// reporting verbs, past forms.
fn is_stop(w: &FWord) -> bool {
    is_stop_lower(&w.form) || (w.form.ends_with("ed") && w.form.len() > 4 && !w.is_capitalized())
}

fn is_stop_lower(form: &str) -> bool {
    const STOP: &[&str] = &[
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "to",
        "from",
        "with",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "during",
        "since",
        "until",
        "within",
        "without",
        "across",
        "through",
        "between",
        "among",
        "per",
        "via",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "this",
        "these",
        "those",
        "it",
        "its",
        "they",
        "their",
        "them",
        "he",
        "his",
        "him",
        "she",
        "her",
        "we",
        "our",
        "us",
        "you",
        "your",
        "i",
        "my",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "shall",
        "do",
        "does",
        "did",
        "not",
        "no",
        "so",
        "if",
        "then",
        "there",
        "here",
        "when",
        "where",
        "while",
        "also",
        "only",
        "just",
        "even",
        "still",
        "yet",
        "all",
        "each",
        "every",
        "both",
        "some",
        "any",
        "most",
        "more",
        "less",
        "fewer",
        "many",
        "much",
        "such",
        "own",
        "other",
        "another",
        "same",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "quarter",
        "today",
        "yesterday",
        "tomorrow",
        "last",
        "next",
        "ago",
        "earlier",
        "later",
        "annually",
        "yearly",
        "year-on-year",
        "year-over-year",
        "month-on-month",
        "quarter-on-quarter",
        "yoy",
        "higher",
        "lower",
        "up",
        "down",
        "above",
        "below",
        "ahead",
        "behind",
        "compared",
        "versus",
        "vs",
        "said",
        "says",
        "say",
        "told",
        "added",
        "according",
        "worth",
        "including",
        "includes",
        "include",
        "like",
        "outside",
        "inside",
        "around",
        "against",
        "toward",
        "towards",
        "off",
        "out",
        "again",
        "ever",
        "never",
        "now",
        "too",
        "very",
        "because",
        "although",
        "though",
        "whether",
        "either",
        "neither",
        "cent",
        "first",
        "second",
        "third",
        "fourth",
        "half",
        "quarters",
        "period",
        "morning",
        "afternoon",
        "evening",
        "night",
        "week's",
        "weekend",
        "percent",
        "million",
        "billion",
        "trillion",
        "thousand",
        "hundred",
    ];
    STOP.contains(&form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_become_singular() {
        for (plural, one) in [
            ("countries", "country"),
            ("consumers", "consumer"),
            ("businesses", "business"),
            ("parcels", "parcel"),
            ("boxes", "box"),
            ("status", "status"),
            ("people", "people"),
            ("sales", "sales"),
            ("earnings", "earnings"),
            ("news", "news"),
            ("savings", "savings"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }
}
