//! The query language, parsed leniently: any string is a query, and
//! anything the parser had to guess about comes back as a [`Hint`].
//!
//! ```text
//! global expansion          both words (AND)
//! "global buy"              a phrase, anywhere in the query
//! -ebay  -"jack ma"         exclude a word or a phrase
//! amazon OR ebay            either (binds tighter than AND)
//! title:alibaba             only in titles        quote:globalize   only inside direct quotes
//! speaker:"Jack Ma"         quotes by / articles quoting a speaker
//! outlet:stack  person:ma  org:zulily  place:china
//! year:2015  after:2016-01-01  before:2021-06
//! ```
//!
//! Modelled on tantivy's query grammar in spirit: parsing never fails, a
//! dangling quote closes at the end, a lone `-` or an empty `field:` is
//! dropped with a hint, an unknown `field:` is searched as text.

/// Where a text clause must match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Anywhere,
    Title,
    Quote,
}

/// A word or phrase as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Atom {
    /// One typed word (may tokenize to several, e.g. `e-commerce`).
    Word {
        text: String,
        /// The word is still being typed (last in the query, no space after).
        prefix: bool,
    },
    Phrase(String),
}

/// One AND-ed clause: any of its alternatives (`OR`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub alternatives: Vec<Atom>,
    pub scope: Scope,
    pub negated: bool,
    /// Byte range of the clause in the query string.
    pub start: usize,
    pub end: usize,
}

/// Restrictions on metadata rather than text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterKind {
    Speaker,
    Outlet,
    Person,
    Organization,
    Place,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// The value names an entity/outlet/speaker (matched on its words).
    Named {
        kind: FilterKind,
        value: String,
        negated: bool,
    },
    Year {
        year: i32,
        negated: bool,
    },
    /// Dates as ISO prefixes (`2016`, `2016-01`, `2016-01-01`).
    After(String),
    Before(String),
}

/// Something the parser guessed or ignored, for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub message: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    pub filters: Vec<Filter>,
    pub hints: Vec<Hint>,
}

impl Query {
    pub fn positive_clauses(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| !c.negated)
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.filters.is_empty()
    }
}

/// A lexical piece of the query.
#[derive(Debug)]
struct Piece {
    text: String,
    quoted: bool,
    /// Closing quote missing.
    unclosed: bool,
    negated: bool,
    field: Option<String>,
    start: usize,
    end: usize,
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Split the query into pieces: words, `"phrases"`, `-` negation and
/// `field:` prefixes.
fn lex(input: &str, hints: &mut Vec<Hint>) -> Vec<Piece> {
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map(|c| c.0).unwrap_or(input.len());
    let mut pieces = Vec::new();
    let mut i = 0;
    let mut told_parentheses = false;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() || c == '(' || c == ')' {
            // One hint per query, however many parentheses it has.
            if (c == '(' || c == ')') && !std::mem::replace(&mut told_parentheses, true) {
                hints.push(Hint {
                    message: "parentheses are ignored: words are combined with AND, OR binds two neighbours".into(),
                    start,
                    end: start + c.len_utf8(),
                });
            }
            i += 1;
            continue;
        }
        let mut negated = false;
        if (c == '-' || c == '+') && i + 1 < chars.len() && !chars[i + 1].1.is_whitespace() {
            negated = c == '-';
            i += 1;
        } else if c == '-' || c == '+' {
            hints.push(Hint {
                message: format!("a lone '{c}' was ignored"),
                start,
                end: start + 1,
            });
            i += 1;
            continue;
        }
        // field: prefix (letters then ':'), only when followed by something
        let mut field = None;
        let mut j = i;
        while j < chars.len() && chars[j].1.is_alphabetic() {
            j += 1;
        }
        if j > i && j < chars.len() && chars[j].1 == ':' {
            let name: String = chars[i..j].iter().map(|c| c.1).collect();
            field = Some(name.to_lowercase());
            i = j + 1;
        }
        if i < chars.len() && is_quote_char(chars[i].1) {
            let open = i;
            i += 1;
            let text_start = i;
            while i < chars.len() && !is_quote_char(chars[i].1) {
                i += 1;
            }
            let unclosed = i >= chars.len();
            let text: String = chars[text_start..i].iter().map(|c| c.1).collect();
            if unclosed {
                hints.push(Hint {
                    message:
                        "a quotation mark was not closed: the phrase runs to the end of the query"
                            .into(),
                    start: end_of(open),
                    end: input.len(),
                });
            } else {
                i += 1;
            }
            pieces.push(Piece {
                text,
                quoted: true,
                unclosed,
                negated,
                field,
                start,
                end: end_of(i),
            });
            continue;
        }
        let text_start = i;
        while i < chars.len()
            && !chars[i].1.is_whitespace()
            && !is_quote_char(chars[i].1)
            && chars[i].1 != '('
            && chars[i].1 != ')'
        {
            i += 1;
        }
        let text: String = chars[text_start..i].iter().map(|c| c.1).collect();
        pieces.push(Piece {
            text,
            quoted: false,
            unclosed: false,
            negated,
            field,
            start,
            end: end_of(i),
        });
    }
    pieces
}

/// Parse a query. Never fails; see [`Query::hints`].
pub fn parse(input: &str) -> Query {
    let mut query = Query::default();
    let pieces = lex(input, &mut query.hints);
    let ends_open = !input.ends_with(|c: char| c.is_whitespace());
    let last_index = pieces.len().saturating_sub(1);
    let mut pending_or = false;
    let mut pending_not = false;
    for (n, piece) in pieces.into_iter().enumerate() {
        let Piece {
            text,
            quoted,
            unclosed,
            negated,
            field,
            start,
            end,
        } = piece;
        let negated = negated || std::mem::take(&mut pending_not);
        if !quoted && field.is_none() && !negated {
            match text.as_str() {
                "OR" | "|" | "||" => {
                    if query.clauses.last().is_some_and(|c| !c.negated) {
                        pending_or = true;
                    } else {
                        query.hints.push(Hint {
                            message: "OR needs a word on each side; it was ignored".into(),
                            start,
                            end,
                        });
                    }
                    continue;
                }
                "AND" | "&&" => continue,
                "NOT" => {
                    pending_not = true;
                    continue;
                }
                _ => {}
            }
        }
        let mut scope = Scope::Anywhere;
        if let Some(name) = field.as_deref() {
            let value = text.trim();
            if value.is_empty() {
                query.hints.push(Hint {
                    message: format!("'{name}:' has no value and was ignored"),
                    start,
                    end,
                });
                continue;
            }
            match name {
                "title" => scope = Scope::Title,
                "quote" | "quotes" => scope = Scope::Quote,
                "speaker" | "said" | "by" => {
                    query
                        .filters
                        .push(named(FilterKind::Speaker, value, negated));
                    continue;
                }
                "outlet" | "source" | "site" => {
                    query
                        .filters
                        .push(named(FilterKind::Outlet, value, negated));
                    continue;
                }
                "person" | "people" => {
                    query
                        .filters
                        .push(named(FilterKind::Person, value, negated));
                    continue;
                }
                "org" | "organization" | "organisation" | "company" => {
                    query
                        .filters
                        .push(named(FilterKind::Organization, value, negated));
                    continue;
                }
                "place" | "location" | "country" => {
                    query.filters.push(named(FilterKind::Place, value, negated));
                    continue;
                }
                "year" => {
                    match value.parse::<i32>() {
                        Ok(year) if (0..=9999).contains(&year) => {
                            query.filters.push(Filter::Year { year, negated })
                        }
                        _ => query.hints.push(Hint {
                            message: format!("'year:{value}' is not a year like 2015; ignored"),
                            start,
                            end,
                        }),
                    }
                    continue;
                }
                "after" | "since" | "before" | "until" => {
                    match iso_date_prefix(value) {
                        Some(date) if name == "after" || name == "since" => {
                            query.filters.push(Filter::After(date))
                        }
                        Some(date) => query.filters.push(Filter::Before(date)),
                        None => query.hints.push(Hint {
                            message: format!(
                                "'{name}:{value}' is not a date like 2016, 2016-01 or 2016-01-31; ignored"
                            ),
                            start,
                            end,
                        }),
                    }
                    continue;
                }
                other => {
                    query.hints.push(Hint {
                        message: format!("unknown field '{other}:', searched as text"),
                        start,
                        end,
                    });
                    let word = format!("{other}:{text}");
                    let atom = if quoted {
                        Atom::Phrase(word)
                    } else {
                        Atom::Word {
                            text: word,
                            prefix: false,
                        }
                    };
                    push_clause(
                        &mut query,
                        &mut pending_or,
                        atom,
                        Scope::Anywhere,
                        negated,
                        start,
                        end,
                    );
                    continue;
                }
            }
        }
        if text.trim().is_empty() {
            if quoted && !unclosed {
                query.hints.push(Hint {
                    message: "an empty phrase was ignored".into(),
                    start,
                    end,
                });
            }
            continue;
        }
        let atom = if quoted {
            Atom::Phrase(text)
        } else {
            let prefix = n == last_index && ends_open && !negated;
            Atom::Word { text, prefix }
        };
        push_clause(
            &mut query,
            &mut pending_or,
            atom,
            scope,
            negated,
            start,
            end,
        );
    }
    if pending_or {
        query.hints.push(Hint {
            message: "OR at the end of the query was ignored".into(),
            start: input.len(),
            end: input.len(),
        });
    }
    query
}

fn named(kind: FilterKind, value: &str, negated: bool) -> Filter {
    Filter::Named {
        kind,
        value: value.to_string(),
        negated,
    }
}

fn push_clause(
    query: &mut Query,
    pending_or: &mut bool,
    atom: Atom,
    scope: Scope,
    negated: bool,
    start: usize,
    end: usize,
) {
    if std::mem::take(pending_or) && !negated {
        if let Some(last) = query.clauses.last_mut() {
            if last.scope != scope {
                query.hints.push(Hint {
                    message: "OR between different fields searches both in the first field".into(),
                    start,
                    end,
                });
            }
            last.alternatives.push(atom);
            last.end = end;
            return;
        }
    }
    query.clauses.push(Clause {
        alternatives: vec![atom],
        scope,
        negated,
        start,
        end,
    });
}

/// `2016`, `2016-1`, `2016-01-31`, `2016/01/31` → an ISO prefix.
pub fn iso_date_prefix(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.split(['-', '/', '.']).collect();
    let year: u32 = parts.first()?.parse().ok()?;
    if parts[0].len() != 4 || parts.len() > 3 {
        return None;
    }
    let mut out = format!("{year:04}");
    for (i, part) in parts.iter().enumerate().skip(1) {
        let n: u32 = part.parse().ok()?;
        let max = if i == 1 { 12 } else { 31 };
        if n == 0 || n > max {
            return None;
        }
        out.push_str(&format!("-{n:02}"));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact rendering of a parsed query for table tests.
    fn show(q: &Query) -> String {
        let mut out = Vec::new();
        for c in &q.clauses {
            let alts: Vec<String> = c
                .alternatives
                .iter()
                .map(|a| match a {
                    Atom::Word { text, prefix } => {
                        format!("{text}{}", if *prefix { "*" } else { "" })
                    }
                    Atom::Phrase(p) => format!("\"{p}\""),
                })
                .collect();
            let scope = match c.scope {
                Scope::Anywhere => "",
                Scope::Title => "title:",
                Scope::Quote => "quote:",
            };
            out.push(format!(
                "{}{scope}{}",
                if c.negated { "-" } else { "" },
                alts.join("|")
            ));
        }
        for f in &q.filters {
            out.push(match f {
                Filter::Named {
                    kind,
                    value,
                    negated,
                } => format!("{}{kind:?}={value}", if *negated { "-" } else { "" }),
                Filter::Year { year, negated } => {
                    format!("{}year={year}", if *negated { "-" } else { "" })
                }
                Filter::After(d) => format!("after={d}"),
                Filter::Before(d) => format!("before={d}"),
            });
        }
        out.join(" ")
    }

    fn check(input: &str, expected: &str, hints: usize) {
        let q = parse(input);
        assert_eq!(show(&q), expected, "parse of {input:?}");
        assert_eq!(q.hints.len(), hints, "hints of {input:?}: {:?}", q.hints);
    }

    #[test]
    fn words_phrases_negation_and_or() {
        check("global expansion", "global expansion*", 0);
        check("global expansion ", "global expansion", 0);
        check("\"global buy\" sell", "\"global buy\" sell*", 0);
        check("alibaba -ebay ", "alibaba -ebay", 0);
        check("alibaba -\"jack ma\"", "alibaba -\"jack ma\"", 0);
        check("amazon OR ebay china ", "amazon|ebay china", 0);
        check("NOT ebay ", "-ebay", 0);
        check("“curly phrase”", "\"curly phrase\"", 0);
    }

    #[test]
    fn fields_scope_or_filter() {
        check("title:alibaba ", "title:alibaba", 0);
        check("quote:\"global thinking\"", "quote:\"global thinking\"", 0);
        check("speaker:\"Jack Ma\"", "Speaker=Jack Ma", 0);
        check(
            "-outlet:stack org:zulily place:china",
            "-Outlet=stack Organization=zulily Place=china",
            0,
        );
        check(
            "year:2015 after:2016-1 before:2021/06/30",
            "year=2015 after=2016-01 before=2021-06-30",
            0,
        );
    }

    #[test]
    fn bad_syntax_gives_hints_not_errors() {
        check("\"unclosed phrase", "\"unclosed phrase\"", 1);
        check("- alibaba ", "alibaba", 1);
        check("speaker: alibaba ", "alibaba", 1);
        check("year:soon", "", 1);
        check("foo:bar ", "foo:bar", 1);
        check("OR alibaba OR", "alibaba", 2);
        check("(a OR b) c", "a|b c*", 1);
        check("\"\"", "", 1);
        check("", "", 0);
        check("-", "", 1);
    }

    #[test]
    fn parentheses_hint_appears_twice_for_one_query() {
        // Regression: every '(' and ')' used to add its own identical hint.
        let q = parse("((a OR b) c) (d)");
        let paren: Vec<&Hint> = q
            .hints
            .iter()
            .filter(|h| h.message.starts_with("parentheses are ignored"))
            .collect();
        assert_eq!(paren.len(), 1, "{:?}", q.hints);
        assert_eq!(show(&q), "a|b c d*");
    }
}
