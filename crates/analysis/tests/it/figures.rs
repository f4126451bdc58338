//! Tests for the figures stage: numbers with unit, hedge and subject, and
//! the discrepancies between outlets.
//!
//! Fixtures in `tests/fixtures/figures/`: an article `NAME.txt` and its hand
//! annotation `NAME.expected`, one figure a line: `span as written | value |
//! unit | subject | approximate`.

use crate::support::{fixtures_dir, seeds};
use clippings_analysis::figures::{discrepancies, figures_in};
use clippings_core::{Document, Figure};
use proptest::prelude::*;

type Row<'a> = (&'a str, f64, &'a str, &'a str, bool);
/// (span text, value, unit, subject, approximate).
type OwnedRow = (String, f64, String, String, bool);
/// (subject, unit, [(doc, value, approximate)]).
type Pairing = (String, String, Vec<(u32, f64, bool)>);
type ExpectedPairing<'a> = (&'a str, &'a str, &'a [(u32, f64, bool)]);
/// (subject, unit, [(seed id, span text, value, approximate)]).
type SeedPairing = (String, String, Vec<(String, String, f64, bool)>);

fn rows(text: &str, figures: &[Figure]) -> Vec<OwnedRow> {
    figures
        .iter()
        .map(|f| {
            (
                f.span.slice(text).to_string(),
                f.value,
                f.unit.clone(),
                f.subject.clone(),
                f.approximate,
            )
        })
        .collect()
}

fn check(text: &str, expected: &[Row]) {
    let got = rows(text, &figures_in(0, text));
    let expected: Vec<OwnedRow> = expected
        .iter()
        .map(|(s, v, u, subj, a)| (s.to_string(), *v, u.to_string(), subj.to_string(), *a))
        .collect();
    assert_eq!(got, expected, "figures of {text:?}");
}

#[test]
fn percentages_in_every_spelling() {
    check(
        "It bought a 9% stake in online retail business Zulily.",
        &[("9%", 9.0, "percent", "stake in zulily", false)],
    );
    check(
        "It disclosed a roughly 10 percent stake in Seattle e-commerce company Zulily.",
        &[(
            "roughly 10 percent",
            10.0,
            "percent",
            "stake in zulily",
            true,
        )],
    );
    check(
        "The fund owns 10 per cent of Zulily Inc.",
        &[("10 per cent", 10.0, "percent", "stake in zulily", false)],
    );
    check(
        "Margins fell 3 percentage points.",
        &[(
            "3 percentage points",
            3.0,
            "percentage points",
            "margin decline",
            false,
        )],
    );
    check(
        "Unemployment fell to 4.5%.",
        &[("4.5%", 4.5, "percent", "unemployment", false)],
    );
}

#[test]
fn money_with_symbols_codes_magnitudes_and_words() {
    check(
        "It raised $25 billion in its IPO.",
        &[("$25 billion", 25e9, "usd", "raise in ipo", false)],
    );
    check(
        "Alibaba wants to generate $1trillion in annual GMV.",
        &[("$1trillion", 1e12, "usd", "annual gmv", false)],
    );
    check(
        "It invested US$15 million in US interior-design firm 1stdibs last year.",
        &[("US$15 million", 15e6, "usd", "investment in 1stdibs", false)],
    );
    check(
        "They agreed a €2bn deal.",
        &[("€2bn", 2e9, "eur", "deal", false)],
    );
    check(
        "The club spent £300m on new players.",
        &[("£300m", 3e8, "gbp", "spending on new player", false)],
    );
    check(
        "Chinese regulators said online sales of physical goods reached 5 million yuan.",
        &[(
            "5 million yuan",
            5e6,
            "cny",
            "online sales of physical good",
            false,
        )],
    );
    check(
        "In China, Alibaba paid ¥3 billion for the plant.",
        &[("¥3 billion", 3e9, "cny", "payment of plant", false)],
    );
    check(
        "In Japan, Sony paid ¥3 billion for the studio.",
        &[("¥3 billion", 3e9, "jpy", "payment of studio", false)],
    );
    check(
        "Revenue was USD 12.5 million.",
        &[("USD 12.5 million", 12.5e6, "usd", "revenue", false)],
    );
}

#[test]
fn counts_take_their_plural_noun() {
    check(
        "It increased 285 million active annual consumers during one year.",
        &[(
            "285 million active annual consumers",
            285e6,
            "count",
            "active annual consumer",
            false,
        )],
    );
    check(
        "Coverage spans approximate 200 countries and regions.",
        &[("approximate 200 countries", 200.0, "count", "country", true)],
    );
    check(
        "Cainiao handled more than 5 million cross-border parcels.",
        &[(
            "more than 5 million cross-border parcels",
            5e6,
            "count",
            "crossborder parcel",
            true,
        )],
    );
    check(
        "We can serve 2 billion consumers.",
        &[("2 billion consumers", 2e9, "count", "consumer", false)],
    );
    check(
        "The firm has 10k users of Alipay.",
        &[("10k users", 1e4, "count", "user of alipay", false)],
    );
    check(
        "It employs three hundred engineers.",
        &[("three hundred engineers", 300.0, "count", "engineer", false)],
    );
}

#[test]
fn every_hedge_marks_the_figure_approximate() {
    for hedge in [
        "roughly",
        "about",
        "approximately",
        "approximate",
        "nearly",
        "more than",
        "some",
        "around",
        "up to",
        "almost",
        "at least",
        "an estimated",
        "as many as",
        "close to",
        "over",
        "less than",
    ] {
        let text = format!("The company has {hedge} 300 stores.");
        let figures = figures_in(0, &text);
        assert_eq!(figures.len(), 1, "{text}");
        assert!(figures[0].approximate, "{text}");
        assert_eq!(figures[0].span.slice(&text), format!("{hedge} 300 stores"));
        assert_eq!(figures[0].value, 300.0);
    }
    let text = "It has 300 stores or so.";
    let figures = figures_in(0, text);
    assert!(figures.len() == 1 && figures[0].approximate);
    let exact = figures_in(0, "It has 300 stores.");
    assert!(exact.len() == 1 && !exact[0].approximate);
}

#[test]
fn change_and_level_subjects_meet_across_phrasings() {
    for text in [
        "Alibaba's business volume grew 41 percent.",
        "The business volume at Alibaba rose 41 percent.",
        "Business volume at Alibaba was up 41 percent.",
    ] {
        let figures = figures_in(0, text);
        assert_eq!(figures.len(), 1, "{text}");
        assert_eq!(
            figures[0].subject, "business volume growth of alibaba",
            "{text}"
        );
    }
    check(
        "The order volume was up 62 percent year-on-year.",
        &[("62 percent", 62.0, "percent", "order volume growth", false)],
    );
}

#[test]
fn years_dates_times_ages_labels_and_durations_are_not_figures() {
    check("In 2013, Zhang, 43, joined the firm.", &[]);
    check(
        "On November 18 at 12:35 the filing, dated 2021-12-20, arrived.",
        &[],
    );
    check("The top 15 deals and Windows 10 were listed.", &[]);
    check("It took two days and one of them left.", &[]);
    check(
        "Since its founding in 1999 the retail site 11 Main has grown.",
        &[],
    );
}

/// One fixture: its text and its hand-annotated figures.
fn fixture(name: &str) -> (String, Vec<OwnedRow>) {
    let dir = fixtures_dir().join("figures");
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("fixture text");
    let annotation =
        std::fs::read_to_string(dir.join(format!("{name}.expected"))).expect("fixture annotation");
    let expected = annotation
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            assert_eq!(f.len(), 5, "annotation line {l:?}");
            (
                f[0].to_string(),
                f[1].parse().expect("value"),
                f[2].to_string(),
                f[3].to_string(),
                f[4] == "true",
            )
        })
        .collect();
    (text, expected)
}

/// Detection precision/recall (span, value, unit and hedge all right) and
/// subject accuracy over the annotated fixtures; printed with
/// `--nocapture`.
#[test]
fn precision_recall_and_subject_accuracy_on_fixtures() {
    let (mut expected_n, mut found_n, mut right, mut subject_right) = (0, 0, 0, 0);
    let mut subject_misses = Vec::new();
    for name in [
        "british_business",
        "wire_tech",
        "asia_markets",
        "not_figures",
        "heldout_health",
    ] {
        let (text, expected) = fixture(name);
        let got = rows(&text, &figures_in(0, &text));
        expected_n += expected.len();
        found_n += got.len();
        for e in &expected {
            let hit = got
                .iter()
                .find(|g| g.0 == e.0 && g.1 == e.1 && g.2 == e.2 && g.4 == e.4);
            if let Some(g) = hit {
                right += 1;
                if g.3 == e.3 {
                    subject_right += 1;
                } else {
                    subject_misses
                        .push(format!("{name}: {:?}: got {:?}, want {:?}", e.0, g.3, e.3));
                }
            } else {
                subject_misses.push(format!("{name}: {:?} not found", e.0));
            }
        }
    }
    let precision = right as f64 / found_n.max(1) as f64;
    let recall = right as f64 / expected_n.max(1) as f64;
    let subjects = subject_right as f64 / right.max(1) as f64;
    println!(
        "figures: expected {expected_n}, found {found_n}, right {right}: precision {precision:.2}, recall {recall:.2}, subject accuracy {subjects:.2}"
    );
    for miss in &subject_misses {
        println!("  {miss}");
    }
    assert!(
        precision >= 0.9 && recall >= 0.9,
        "detection P {precision} R {recall}"
    );
    assert!(subjects >= 0.75, "subject accuracy {subjects}");
}

fn doc(text: &str, outlet: Option<&str>, date: Option<&str>) -> Document<'static> {
    Document {
        text: text.to_string().into(),
        outlet: outlet.map(str::to_string),
        date: date.map(str::to_string),
        ..Default::default()
    }
}

/// (subject, unit, [(doc, value, approximate)]) of each discrepancy.
fn pairs(docs: &[Document]) -> Vec<Pairing> {
    discrepancies(docs)
        .into_iter()
        .map(|d| {
            (
                d.subject,
                d.unit,
                d.figures
                    .iter()
                    .map(|f| (f.doc, f.value, f.approximate))
                    .collect(),
            )
        })
        .collect()
}

fn check_pairs(docs: &[Document], expected: &[ExpectedPairing]) {
    let expected: Vec<Pairing> = expected
        .iter()
        .map(|(s, u, f)| (s.to_string(), u.to_string(), f.to_vec()))
        .collect();
    assert_eq!(pairs(docs), expected);
}

#[test]
fn the_zulily_stake_disagrees_when_hedged_ten_meets_exact_nine() {
    let docs = [
        doc("Alibaba acquired a 9% stake in online retail business Zulily.", Some("The Stack"), None),
        doc("Last week it disclosed a roughly 10 percent stake in Seattle e-commerce company Zulily.", Some("CNN"), None),
    ];
    check_pairs(
        &docs,
        &[(
            "stake in zulily",
            "percent",
            &[(0, 9.0, false), (1, 10.0, true)],
        )],
    );
}

#[test]
fn agreeing_figures_are_not_discrepancies() {
    // Same value; within the hedge; within rounding.
    let docs = [
        doc("It bought a 10% stake in Zulily.", Some("A"), None),
        doc("It holds a 10 percent stake in Zulily.", Some("B"), None),
        doc(
            "It took an about 10 percent stake in Zulily.",
            Some("C"),
            None,
        ),
        doc("It has a 10.2 percent stake in Zulily.", Some("D"), None),
        doc("The IPO raised $25 billion in its IPO.", Some("E"), None),
        doc("Its IPO raised $25.03 billion in its IPO.", Some("F"), None),
    ];
    check_pairs(&docs, &[]);
}

#[test]
fn figures_that_merely_share_a_unit_are_not_paired() {
    let docs = [
        doc(
            "Alibaba's global business volume grew 41 percent.",
            Some("A"),
            None,
        ),
        doc(
            "The order volume was up 62 percent year-on-year.",
            Some("B"),
            None,
        ),
        doc(
            "I hope that we can serve 2 billion consumers.",
            Some("C"),
            None,
        ),
        doc(
            "It added 285 million active annual consumers.",
            Some("D"),
            None,
        ),
    ];
    check_pairs(&docs, &[]);
}

#[test]
fn one_outlet_or_distant_dates_do_not_make_a_discrepancy() {
    let same_outlet = [
        doc("It took a 9% stake in Zulily.", Some("Reuters"), None),
        doc("It took a 12% stake in Zulily.", Some("reuters "), None),
    ];
    check_pairs(&same_outlet, &[]);
    let years_apart = [
        doc(
            "It took a 9% stake in Zulily.",
            Some("A"),
            Some("2015-05-14"),
        ),
        doc(
            "It took a 12% stake in Zulily.",
            Some("B"),
            Some("2021-12-20"),
        ),
    ];
    check_pairs(&years_apart, &[]);
    let close_dates = [
        doc(
            "It took a 9% stake in Zulily.",
            Some("A"),
            Some("2015-05-14"),
        ),
        doc(
            "It took a 12% stake in Zulily.",
            Some("B"),
            Some("2015-06-01"),
        ),
    ];
    check_pairs(
        &close_dates,
        &[(
            "stake in zulily",
            "percent",
            &[(0, 9.0, false), (1, 12.0, false)],
        )],
    );
}

#[test]
fn bounds_disagree_only_outside_their_direction() {
    let docs = [
        doc(
            "Cainiao handled more than 5 million cross-border parcels.",
            Some("A"),
            None,
        ),
        doc(
            "Cainiao handled 5.4 million cross-border parcels.",
            Some("B"),
            None,
        ),
    ];
    check_pairs(&docs, &[]);
    let docs = [
        doc(
            "Cainiao handled more than 5 million cross-border parcels.",
            Some("A"),
            None,
        ),
        doc(
            "Cainiao handled 8 million cross-border parcels.",
            Some("B"),
            None,
        ),
    ];
    check_pairs(
        &docs,
        &[(
            "crossborder parcel",
            "count",
            &[(0, 5e6, true), (1, 8e6, false)],
        )],
    );
}

#[test]
fn the_seeds_yield_exactly_the_zulily_stake_discrepancy() {
    let corpus = seeds();
    let found = discrepancies(&corpus.documents);
    let shown: Vec<SeedPairing> = found
        .iter()
        .map(|d| {
            (
                d.subject.clone(),
                d.unit.clone(),
                d.figures
                    .iter()
                    .map(|f| {
                        let doc = &corpus.documents[f.doc as usize];
                        (
                            doc.id.chars().take(3).collect(),
                            f.span.slice(&doc.text).to_string(),
                            f.value,
                            f.approximate,
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [(
            "stake in zulily".to_string(),
            "percent".to_string(),
            vec![
                ("001".to_string(), "9%".to_string(), 9.0, false),
                (
                    "003".to_string(),
                    "roughly 10 percent".to_string(),
                    10.0,
                    true
                ),
            ]
        )]
    );
    // The pipeline stores the same.
    assert_eq!(corpus.discrepancies, found);
}

/// The seeds' figures as annotated by hand; printed precision/recall with
/// `--nocapture`.
#[test]
fn seed_figures_match_the_hand_annotation() {
    let expected: &[(&str, &str, f64, &str)] = &[
        ("001", "9%", 9.0, "percent"),
        ("002", "$1trillion", 1e12, "usd"),
        ("002", "$1 trillion", 1e12, "usd"),
        ("002", "2 billion consumers", 2e9, "count"),
        ("002", "10 million small businesses", 1e7, "count"),
        ("003", "$25 billion", 25e9, "usd"),
        ("003", "$15 million", 15e6, "usd"),
        ("003", "roughly 10 percent", 10.0, "percent"),
        ("004", "three strategies", 3.0, "count"),
        ("004", "41 percent", 41.0, "percent"),
        ("004", "approximate 200 countries", 200.0, "count"),
        ("004", "285 million active annual consumers", 285e6, "count"),
        ("004", "62 percent", 62.0, "percent"),
        (
            "004",
            "more than 5 million cross-border parcels",
            5e6,
            "count",
        ),
        ("004", "60 percent", 60.0, "percent"),
        ("004", "four core ratings", 4.0, "count"),
    ];
    let corpus = seeds();
    let mut found = Vec::new();
    for (i, doc) in corpus.documents.iter().enumerate() {
        for f in figures_in(i as u32, &doc.text) {
            found.push((
                doc.id.chars().take(3).collect::<String>(),
                f.span.slice(&doc.text).to_string(),
                f.value,
                f.unit.clone(),
            ));
        }
    }
    let right = expected
        .iter()
        .filter(|(d, s, v, u)| {
            found
                .iter()
                .any(|f| f.0 == *d && f.1 == *s && f.2 == *v && f.3 == *u)
        })
        .count();
    let precision = right as f64 / found.len().max(1) as f64;
    let recall = right as f64 / expected.len() as f64;
    println!("seed figures: expected {}, found {}, right {right}: precision {precision:.2}, recall {recall:.2}", expected.len(), found.len());
    assert!(precision >= 0.9 && recall >= 0.9, "{found:#?}");
}

fn any_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("a roughly 10 percent stake in Zulily".to_string()),
        Just("US$15 million".to_string()),
        Just("$1trillion".to_string()),
        Just("more than 5 million cross-border parcels".to_string()),
        Just("¥".to_string()),
        Just("%".to_string()),
        Just("per cent".to_string()),
        Just("’s ".to_string()),
        Just("2021-12-20 12:35".to_string()),
        Just("👩‍👩‍👧 ".to_string()),
        Just("مرحبا ١٢٣ ".to_string()),
        Just("e\u{301}\u{302} ".to_string()),
        Just("“".to_string()),
        Just("9".repeat(400)),
        "\\PC{0,12}",
        "[0-9.,]{1,12}",
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::cases(128)))]

    #[test]
    fn arbitrary_text_never_panics_and_spans_are_valid(text in any_text()) {
        for f in figures_in(0, &text) {
            prop_assert!(f.span.start <= f.span.end);
            prop_assert!(text.get(f.span.start()..f.span.end()).is_some());
            prop_assert!(!f.span.slice(&text).is_empty());
            prop_assert!(!f.unit.is_empty());
        }
    }

    #[test]
    fn arbitrary_documents_give_valid_discrepancies(texts in prop::collection::vec(any_text(), 0..4)) {
        let docs: Vec<Document> = texts.iter().map(|t| Document { text: t.as_str().into(), ..Default::default() }).collect();
        for d in discrepancies(&docs) {
            prop_assert!(d.figures.len() >= 2);
            for f in &d.figures {
                let text: &str = &docs[f.doc as usize].text;
                prop_assert!(text.get(f.span.start()..f.span.end()).is_some());
                prop_assert_eq!(&f.subject, &d.subject);
                prop_assert_eq!(&f.unit, &d.unit);
            }
        }
    }
}

#[test]
fn regression_counts_in_unrelated_stories_were_paired() {
    // Same subject ("call") and unit, different outlets, nothing in common.
    let docs = [
        doc(
            "Senators received 14,000 calls about the DeVos nomination.",
            Some("A"),
            None,
        ),
        doc(
            "The Tokyo fire brigade answered 30 calls during the storm.",
            Some("B"),
            None,
        ),
    ];
    check_pairs(&docs, &[]);
}
