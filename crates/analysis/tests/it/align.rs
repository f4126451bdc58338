//! Tests for the align stage: one statement reported by several documents.
//!
//! The quote extractor is developed in parallel, so most tests build their
//! own quotes: [`marked_quotes`] finds the quotation marks in fixture text.
//! Fixtures live in `tests/fixtures/align/`, one file per case, documents
//! separated by a line `---`.

use crate::support::{fixtures_dir, seeds};
use clippings_analysis::align::group_statements;
use clippings_core::{DiffKind, Document, Quote, QuoteGroup, Span};
use proptest::prelude::*;
use std::time::Instant;

/// The documents of one fixture file.
fn load(case: &str) -> Vec<Document<'static>> {
    let path = fixtures_dir().join("align").join(format!("{case}.txt"));
    let raw = std::fs::read_to_string(&path).expect("fixture readable");
    raw.split("\n---\n")
        .enumerate()
        .map(|(i, text)| Document {
            id: format!("{case}#{i}"),
            text: text.trim().to_string().into(),
            ..Default::default()
        })
        .collect()
}

/// Quotes found by their marks: “…”, ‘‘…’’, «…» and straight "…" pairs,
/// outermost only. The span is the inside, trimmed of spaces.
fn marked_quotes(docs: &[Document]) -> Vec<Quote> {
    const PAIRS: &[(&str, &str)] = &[("‘‘", "’’"), ("“", "”"), ("«", "»"), ("\"", "\"")];
    let mut quotes = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let text: &str = &doc.text;
        let mut at = 0;
        while at < text.len() {
            let rest = &text[at..];
            let next = PAIRS
                .iter()
                .filter_map(|(open, close)| rest.find(open).map(|i| (i, *open, *close)))
                .min_by_key(|(i, open, _)| (*i, std::cmp::Reverse(open.len())));
            let Some((i, open, close)) = next else { break };
            let inner_start = at + i + open.len();
            let Some(j) = text[inner_start..].find(close) else {
                break;
            };
            let inner_end = inner_start + j;
            let inner = &text[inner_start..inner_end];
            let lead = inner.len() - inner.trim_start().len();
            let trail = inner.len() - inner.trim_end().len();
            quotes.push(Quote {
                doc: d as u32,
                span: Span::new(inner_start + lead, inner_end - trail),
                outer: Span::new(at + i, inner_end + close.len()),
                ..Default::default()
            });
            at = inner_end + close.len();
        }
    }
    quotes
}

/// A group as (document index, member text, quoted?), base first.
type Expected<'a> = Vec<Vec<(u32, &'a str, bool)>>;

fn render(docs: &[Document], groups: &[QuoteGroup]) -> Vec<Vec<(u32, String, bool)>> {
    groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .map(|m| {
                    let text = docs[m.doc as usize].text.as_ref();
                    (m.doc, m.span.slice(text).to_string(), m.quote.is_some())
                })
                .collect()
        })
        .collect()
}

fn check_groups(docs: &[Document], groups: &[QuoteGroup], expected: &Expected) {
    let got = render(docs, groups);
    let expected: Vec<Vec<(u32, String, bool)>> = expected
        .iter()
        .map(|g| g.iter().map(|(d, t, q)| (*d, t.to_string(), *q)).collect())
        .collect();
    assert_eq!(got, expected);
    for g in groups {
        assert_eq!(g.diff.len(), g.members.len(), "one diff per member");
        assert!(
            g.diff[0].iter().all(|op| op.op == DiffKind::Same),
            "the base's own diff is all Same: {:?}",
            g.diff[0]
        );
    }
}

/// Run the stage on a fixture with the quotes its marks give.
fn check(case: &str, expected: Expected) -> (Vec<Document<'static>>, Vec<QuoteGroup>) {
    let docs = load(case);
    let quotes = marked_quotes(&docs);
    let groups = group_statements(&docs, &quotes);
    check_groups(&docs, &groups, &expected);
    (docs, groups)
}

#[test]
fn spelling_quote_marks_and_truncation_still_one_statement() {
    let (_, groups) = check(
        "spelling_and_truncation",
        vec![
            vec![
                (0, "We will prioritise flood defences across the city and rebuild the neighbourhoods that suffered most, and we will do it ‘faster than anyone expects", true),
                (1, "We will prioritize flood defenses across the city and rebuild the neighborhoods that suffered most", true),
                (2, "We will prioritize flood defenses across the city and rebuild the neighborhoods that suffered most, and we will do it ‘faster than anyone expects", true),
            ],
            vec![
                (2, "We cannot wait for the next storm", true),
                (3, "We cannot wait for the next storm", true),
            ],
        ],
    );
    use DiffKind::*;
    let diff: Vec<(DiffKind, &str)> = groups[0].diff[1]
        .iter()
        .map(|op| (op.op, op.text.as_str()))
        .collect();
    assert_eq!(
        diff,
        [
            (Same, "We will"),
            (Removed, "prioritise"),
            (Added, "prioritize"),
            (Same, "flood"),
            (Removed, "defences"),
            (Added, "defenses"),
            (Same, "across the city and rebuild the"),
            (Removed, "neighbourhoods"),
            (Added, "neighborhoods"),
            (Same, "that suffered most"),
            (Removed, "and we will do it ‘faster than anyone expects"),
        ]
    );
}

#[test]
fn unquoted_reuse_is_a_member_once_per_document() {
    check(
        "unquoted_reuse",
        vec![vec![
            (
                0,
                "rebuild every damaged school before the winter term",
                true,
            ),
            (
                1,
                "rebuild every damaged school before the winter term",
                false,
            ),
        ]],
    );
}

#[test]
fn contractions_cut_quotes_and_paraphrase_with_the_same_words() {
    check(
        "heldout_press",
        vec![
            vec![
                (
                    0,
                    "We are not going to raise taxes on working families, full stop",
                    true,
                ),
                (
                    1,
                    "We are not going to raise taxes on working families",
                    true,
                ),
                (
                    2,
                    "We’re not going to raise taxes on working families, full stop",
                    true,
                ),
            ],
            vec![
                (
                    0,
                    "protect the NHS and the public services people rely on",
                    true,
                ),
                (
                    1,
                    "protect the NHS and the public services people rely on",
                    false,
                ),
            ],
        ],
    );
}

#[test]
fn a_whole_short_sentence_groups_with_its_longer_report() {
    check(
        "shared_sentence",
        vec![vec![
            (
                1,
                "We will fight this decision in every court in the land",
                true,
            ),
            (0, "We will fight this decision", true),
        ]],
    );
}

#[test]
fn boilerplate_and_short_common_quotes_do_not_group() {
    check("boilerplate", vec![]);
}

#[test]
fn a_statement_repeated_within_one_document_is_not_a_group() {
    check("same_document", vec![]);
}

#[test]
fn distinct_quotes_of_one_document_all_count_but_reuse_counts_once() {
    let s = "The vaccine rollout will reach every rural clinic by March";
    check(
        "distinct_quotes_and_one_reuse_per_document",
        vec![vec![
            (0, s, true),
            (0, s, true),
            (
                1,
                "the vaccine rollout will reach every rural clinic by March",
                true,
            ),
            (
                2,
                "the vaccine rollout will reach every rural clinic by March",
                false,
            ),
        ]],
    );
}

#[test]
fn hyphenated_and_solid_compounds_are_the_same_word() {
    let (_, groups) = check(
        "compounds",
        vec![vec![
            (
                0,
                "Our e-commerce platform will serve small merchants in every province",
                true,
            ),
            (
                1,
                "Our ecommerce platform will serve small merchants in every province",
                true,
            ),
        ]],
    );
    assert!(groups[0].diff[1].iter().all(|op| op.op == DiffKind::Same));
}

#[test]
fn quotes_with_bad_spans_or_documents_are_ignored() {
    let docs = load("compounds");
    let mut quotes = marked_quotes(&docs);
    quotes.push(Quote {
        doc: 99,
        span: Span::new(0, 10),
        ..Default::default()
    });
    quotes.push(Quote {
        doc: 0,
        span: Span::new(5, 100_000),
        ..Default::default()
    });
    let groups = group_statements(&docs, &quotes);
    assert_eq!(groups.len(), 1);
    assert!(groups[0].members.iter().all(|m| m.quote.unwrap_or(0) < 2));
}

/// The seed statements, with quotes taken from the marks in the seeds'
/// clean text: this runs today, before the quote extractor exists.
fn expected_seed_groups() -> Vec<Vec<(&'static str, &'static str, bool)>> {
    vec![
        vec![
            ("000", "new and existing overseas operations", true),
            ("003", "new and existing overseas operations", false),
        ],
        vec![
            ("001", "We will organise a global team and adopt global thinking to manage the business, and achieve the goal of ‘global buy and global sell", true),
            ("002", "We will organize a global team and adopt global thinking to manage the business, and achieve the goal of ‘global buy and global sell", true),
            ("003", "We will organize a global team and adopt global thinking to manage the business", true),
        ],
        vec![
            ("002", "We must absolutely globalize", true),
            ("003", "We must absolutely globalize", true),
        ],
    ]
}

fn render_by_id(docs: &[Document], groups: &[QuoteGroup]) -> Vec<Vec<(String, String, bool)>> {
    render(docs, groups)
        .into_iter()
        .map(|g| {
            g.into_iter()
                .map(|(d, t, q)| (docs[d as usize].id.chars().take(3).collect(), t, q))
                .collect()
        })
        .collect()
}

fn expected_by_id() -> Vec<Vec<(String, String, bool)>> {
    expected_seed_groups()
        .into_iter()
        .map(|g| {
            g.into_iter()
                .map(|(d, t, q)| (d.to_string(), t.to_string(), q))
                .collect()
        })
        .collect()
}

#[test]
fn seeds_with_marked_quotes_give_the_three_statements() {
    let corpus = seeds();
    let quotes = marked_quotes(&corpus.documents);
    let groups = group_statements(&corpus.documents, &quotes);
    assert_eq!(render_by_id(&corpus.documents, &groups), expected_by_id());
    let organise = &groups[1];
    let spelling: Vec<(DiffKind, &str)> = organise.diff[1]
        .iter()
        .filter(|op| op.op != DiffKind::Same)
        .map(|op| (op.op, op.text.as_str()))
        .collect();
    assert_eq!(
        spelling,
        [
            (DiffKind::Removed, "organise"),
            (DiffKind::Added, "organize")
        ]
    );
}

#[test]
fn seeds_through_the_pipeline_give_the_three_statements() {
    let corpus = seeds();
    assert_eq!(
        render_by_id(&corpus.documents, &corpus.quote_groups),
        expected_by_id()
    );
}

/// Precision and recall of member pairs (two reports put in one group) over
/// every fixture and the seeds; printed with `--nocapture`.
#[test]
fn member_pair_precision_and_recall_on_fixtures_and_seeds() {
    use std::collections::BTreeSet;
    type Pair = (String, (u32, u32), (u32, u32));
    fn pairs(tag: &str, groups: &[Vec<(u32, u32)>]) -> BTreeSet<Pair> {
        let mut out = BTreeSet::new();
        for g in groups {
            for (i, a) in g.iter().enumerate() {
                for b in &g[i + 1..] {
                    out.insert((tag.to_string(), (*a).min(*b), (*a).max(*b)));
                }
            }
        }
        out
    }
    let locate = |docs: &[Document], d: u32, t: &str| -> (u32, u32) {
        let start = docs[d as usize].text.find(t).expect("expected text in doc");
        (d, start as u32)
    };
    let mut expected = BTreeSet::new();
    let mut found = BTreeSet::new();
    let cases: Vec<(&str, Expected)> = vec![
        (
            "spelling_and_truncation",
            vec![
                vec![
                    (0, "We will prioritise", true),
                    (1, "We will prioritize", true),
                    (2, "We will prioritize", true),
                ],
                vec![(2, "We cannot wait", true), (3, "We cannot wait", true)],
            ],
        ),
        (
            "unquoted_reuse",
            vec![vec![
                (0, "rebuild every", true),
                (1, "rebuild every", false),
            ]],
        ),
        ("boilerplate", vec![]),
        ("same_document", vec![]),
        (
            "compounds",
            vec![vec![
                (0, "Our e-commerce", true),
                (1, "Our ecommerce", true),
            ]],
        ),
        (
            // Held out: annotated before the stage was first run on it.
            "heldout_press",
            vec![
                vec![
                    (0, "We are not going", true),
                    (1, "We are not going", true),
                    (2, "We’re not going", true),
                ],
                vec![(0, "protect the NHS", true), (1, "protect the NHS", false)],
            ],
        ),
        (
            "shared_sentence",
            vec![vec![(1, "We will fight", true), (0, "We will fight", true)]],
        ),
        (
            "distinct_quotes_and_one_reuse_per_document",
            vec![vec![
                (0, "The vaccine rollout", true),
                // The second quote of document 0 ends with a full stop.
                (
                    0,
                    "The vaccine rollout will reach every rural clinic by March.",
                    true,
                ),
                (1, "the vaccine rollout", true),
                (2, "the vaccine rollout", false),
            ]],
        ),
    ];
    for (case, groups) in cases {
        let docs = load(case);
        let got = group_statements(&docs, &marked_quotes(&docs));
        let want: Vec<Vec<(u32, u32)>> = groups
            .iter()
            .map(|g| g.iter().map(|(d, t, _)| locate(&docs, *d, t)).collect())
            .collect();
        let have: Vec<Vec<(u32, u32)>> = got
            .iter()
            .map(|g| g.members.iter().map(|m| (m.doc, m.span.start)).collect())
            .collect();
        expected.extend(pairs(case, &want));
        found.extend(pairs(case, &have));
    }
    let corpus = seeds();
    let docs = &corpus.documents;
    let index_of = |id: &str| {
        docs.iter()
            .position(|d| d.id.starts_with(id))
            .expect("seed id") as u32
    };
    let want: Vec<Vec<(u32, u32)>> = expected_seed_groups()
        .iter()
        .map(|g| {
            g.iter()
                .map(|(id, t, _)| locate(docs, index_of(id), t))
                .collect()
        })
        .collect();
    let have: Vec<Vec<(u32, u32)>> = group_statements(docs, &marked_quotes(docs))
        .iter()
        .map(|g| g.members.iter().map(|m| (m.doc, m.span.start)).collect())
        .collect();
    expected.extend(pairs("seeds", &want));
    found.extend(pairs("seeds", &have));

    let right = expected.intersection(&found).count();
    let precision = right as f64 / found.len().max(1) as f64;
    let recall = right as f64 / expected.len().max(1) as f64;
    println!(
        "align member pairs: expected {}, found {}, right {right}: precision {precision:.2}, recall {recall:.2}",
        expected.len(),
        found.len()
    );
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "precision {precision}, recall {recall}"
    );
}

/// Many documents, many quotes: the index keeps this near linear. Planted
/// statements (every 50th document quotes one, the next document reuses it
/// unquoted) must all be found, and nothing else.
#[test]
fn scales_to_thousands_of_documents() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let vocabulary: Vec<String> = (0..20_000).map(|i| format!("w{i}x")).collect();
    let mut sentence = |n: usize| -> String {
        (0..n)
            .map(|_| vocabulary[(next() % vocabulary.len() as u64) as usize].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Planted statements: each its own words, so that they do not match
    // one another.
    let planted_statement = |d: usize| -> String {
        (0..9)
            .map(|k| format!("p{d}q{k}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let docs_n = 2000;
    let mut texts: Vec<String> = Vec::with_capacity(docs_n);
    let mut planted = Vec::new();
    for d in 0..docs_n {
        let mut text = String::new();
        for _ in 0..8 {
            text.push_str(&format!(
                "{} \"{}\" {}. ",
                sentence(12),
                sentence(15),
                sentence(10)
            ));
        }
        if d % 50 == 0 {
            let s = planted_statement(d);
            text.push_str(&format!("She said \"{s}\" today."));
            planted.push(s);
        } else if d % 50 == 1 {
            let s = planted.last().cloned().unwrap_or_default();
            text.push_str(&format!("Officials confirmed {s} last night."));
        }
        texts.push(text);
    }
    let docs: Vec<Document> = texts
        .iter()
        .map(|t| Document {
            text: t.as_str().into(),
            ..Default::default()
        })
        .collect();
    let quotes = marked_quotes(&docs);
    assert!(quotes.len() >= 16_000);
    let started = Instant::now();
    let groups = group_statements(&docs, &quotes);
    println!(
        "{} documents, {} quotes: {} groups in {:?}",
        docs.len(),
        quotes.len(),
        groups.len(),
        started.elapsed()
    );
    assert_eq!(groups.len(), docs_n / 50);
    for g in &groups {
        assert_eq!(g.members.len(), 2);
        assert_eq!(g.members[1].doc, g.members[0].doc + 1);
    }
}

fn any_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("We will organise a global team".to_string()),
        Just("we will organize a global team".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘‘".to_string()),
        Just(". ".to_string()),
        Just("👩‍👩‍👧 ".to_string()),
        Just("مرحبا بالعالم ".to_string()),
        Just("e\u{301}\u{302} ".to_string()),
        Just("阿里巴巴集团 ".to_string()),
        "\\PC{0,12}",
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::cases(64)))]

    #[test]
    fn arbitrary_documents_and_quotes_never_panic_and_give_valid_groups(
        texts in prop::collection::vec(any_text(), 0..5),
        raw_quotes in prop::collection::vec((0u32..6, 0usize..400, 0usize..400), 0..12),
        use_marks in any::<bool>(),
    ) {
        let docs: Vec<Document> = texts
            .iter()
            .map(|t| Document { text: t.as_str().into(), ..Default::default() })
            .collect();
        let mut quotes: Vec<Quote> = raw_quotes
            .iter()
            .map(|&(doc, a, b)| Quote { doc, span: Span::new(a, b), outer: Span::new(a, b), ..Default::default() })
            .collect();
        if use_marks {
            quotes.extend(marked_quotes(&docs));
        }
        let groups = group_statements(&docs, &quotes);
        for g in &groups {
            prop_assert_eq!(g.diff.len(), g.members.len());
            prop_assert!(g.members.iter().any(|m| m.quote.is_some()));
            let mut member_docs: Vec<u32> = g.members.iter().map(|m| m.doc).collect();
            member_docs.sort_unstable();
            member_docs.dedup();
            prop_assert!(member_docs.len() >= 2);
            for m in &g.members {
                let text: &str = &docs[m.doc as usize].text;
                prop_assert!(m.span.start <= m.span.end);
                prop_assert!(text.get(m.span.start()..m.span.end()).is_some());
                prop_assert!(!m.span.slice(text).is_empty());
                let slice = m.span.slice(text);
                prop_assert_eq!(slice.trim(), slice, "trimmed to words");
            }
        }
    }

    #[test]
    fn very_long_input_never_panics(repeat in 1usize..300) {
        let text = "“We must absolutely globalize,” he said. ".repeat(repeat);
        let docs = vec![
            Document { text: text.clone().into(), ..Default::default() },
            Document { text: text.into(), ..Default::default() },
        ];
        let quotes = marked_quotes(&docs);
        let groups = group_statements(&docs, &quotes);
        prop_assert!(!groups.is_empty());
    }
}
