//! Tests for the quotes stage: direct quotes, their speakers, and entities.
//!
//! Fixtures live in `tests/fixtures/quotes/*.txt`: an article, a line
//! `=== expect`, then one expectation per line:
//! - `quote words | speaker | cue | whole|partial [| mention]` (`-` = none;
//!   `\n` stands for a line break inside a multi-paragraph quote), in text
//!   order, and no other quote may be found;
//! - `entity Kind | Name` (the name or one of its aliases);
//! - `no-entity Name`.
//!
//! The fixtures are run through `attribution::analyze` directly, so they do
//! not depend on the cleaning stage; the seeds go through the whole pipeline.

use crate::support::*;
use clippings_analysis::attribution;
use clippings_core::{Document, Entity, EntityKind, Quote};
use proptest::prelude::*;
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq)]
struct ExpectedQuote {
    text: String,
    speaker: Option<String>,
    cue: Option<String>,
    partial: bool,
    mention: Option<String>,
}

#[derive(Debug, Default)]
struct Fixture {
    article: String,
    quotes: Vec<ExpectedQuote>,
    entities: Vec<(EntityKind, String)>,
    absent: Vec<String>,
}

fn none_if_dash(s: &str) -> Option<String> {
    let s = s.trim();
    (s != "-").then(|| s.to_string())
}

fn parse_fixture(raw: &str) -> Fixture {
    let (article, expect) = raw
        .split_once("\n=== expect\n")
        .expect("fixture has an === expect line");
    let mut fixture = Fixture {
        article: article.trim_end().to_string(),
        ..Default::default()
    };
    for line in expect.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(rest) = line.strip_prefix("entity ") {
            let (kind, name) = rest.split_once('|').expect("entity Kind | Name");
            let kind = match kind.trim() {
                "Person" => EntityKind::Person,
                "Organization" => EntityKind::Organization,
                "Place" => EntityKind::Place,
                other => panic!("unknown kind {other}"),
            };
            fixture.entities.push((kind, name.trim().to_string()));
        } else if let Some(name) = line.strip_prefix("no-entity ") {
            fixture.absent.push(name.trim().to_string());
        } else {
            let fields: Vec<&str> = line.split(" | ").collect();
            assert!(fields.len() >= 4, "bad expectation line: {line}");
            fixture.quotes.push(ExpectedQuote {
                text: fields[0].trim().replace("\\n", "\n"),
                speaker: none_if_dash(fields[1]),
                cue: none_if_dash(fields[2]),
                partial: match fields[3].trim() {
                    "partial" => true,
                    "whole" => false,
                    other => panic!("whole|partial expected, got {other}"),
                },
                mention: fields.get(4).and_then(|m| none_if_dash(m)),
            });
        }
    }
    fixture
}

fn load_fixture(name: &str) -> Fixture {
    let path = fixtures_dir().join("quotes").join(format!("{name}.txt"));
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_fixture(&raw)
}

fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir().join("quotes"))
        .expect("fixtures/quotes exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".txt")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

fn document(id: &str, text: &str) -> Document<'static> {
    Document {
        id: id.to_string(),
        path: format!("{id}.txt"),
        title: String::new(),
        text: Cow::Owned(text.to_string()),
        ..Default::default()
    }
}

/// Run the attribution stage over clean texts.
fn analyze_clean(texts: &[&str]) -> (Vec<Document<'static>>, Vec<Entity>, Vec<Quote>) {
    let docs: Vec<Document<'static>> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| document(&format!("doc{i}"), t))
        .collect();
    let (entities, quotes) = attribution::analyze(&docs);
    (docs, entities, quotes)
}

/// A found quote in the same terms as an expectation.
fn found_quote(text: &str, q: &Quote) -> ExpectedQuote {
    ExpectedQuote {
        text: q.span.slice(text).to_string(),
        speaker: q.speaker.clone(),
        cue: q.cue.clone(),
        partial: q.partial,
        mention: q.mention.map(|m| m.slice(text).to_string()),
    }
}

/// Compare found quotes with expectations; the mention is compared only
/// when the expectation names one.
fn quote_problems(expected: &[ExpectedQuote], found: &[ExpectedQuote]) -> Vec<String> {
    let mut problems = Vec::new();
    for e in expected {
        match found.iter().find(|f| f.text == e.text) {
            None => problems.push(format!("missing quote {:?}", e.text)),
            Some(f) => {
                let mention_ok = e.mention.is_none() || e.mention == f.mention;
                if f.speaker != e.speaker || f.cue != e.cue || f.partial != e.partial || !mention_ok
                {
                    problems.push(format!(
                        "quote {:?}: expected {e:?}\n   found {f:?}",
                        e.text
                    ));
                }
            }
        }
    }
    for f in found {
        if !expected.iter().any(|e| e.text == f.text) {
            problems.push(format!("unexpected quote {f:?}"));
        }
    }
    let order_expected: Vec<&str> = expected.iter().map(|e| e.text.as_str()).collect();
    let order_found: Vec<&str> = found
        .iter()
        .map(|f| f.text.as_str())
        .filter(|t| order_expected.contains(t))
        .collect();
    let common: Vec<&str> = order_expected
        .iter()
        .copied()
        .filter(|t| order_found.contains(t))
        .collect();
    if common != order_found {
        problems.push(format!("quotes out of order: {order_found:?}"));
    }
    problems
}

fn has_entity(entities: &[Entity], kind: EntityKind, name: &str) -> bool {
    entities
        .iter()
        .any(|e| e.kind == kind && (e.name == name || e.aliases.iter().any(|a| a == name)))
}

/// The data-driven check of one fixture.
fn check(name: &str) {
    let fixture = load_fixture(name);
    let (docs, entities, quotes) = analyze_clean(&[&fixture.article]);
    let text = &docs[0].text;
    let found: Vec<ExpectedQuote> = quotes.iter().map(|q| found_quote(text, q)).collect();
    let mut problems = quote_problems(&fixture.quotes, &found);
    for (kind, entity) in &fixture.entities {
        if !has_entity(&entities, *kind, entity) {
            let near: Vec<String> = entities
                .iter()
                .filter(|e| e.name.contains(entity.rsplit(' ').next().unwrap_or("")))
                .map(|e| format!("{} ({:?})", e.name, e.kind))
                .collect();
            problems.push(format!(
                "missing entity {kind:?} {entity:?}; similar: {near:?}"
            ));
        }
    }
    for absent in &fixture.absent {
        if entities
            .iter()
            .any(|e| e.name == *absent || e.aliases.contains(absent))
        {
            problems.push(format!("{absent:?} should not be an entity"));
        }
    }
    assert!(
        problems.is_empty(),
        "fixture {name}:\n - {}",
        problems.join("\n - ")
    );
}

// One data-driven test per pattern and house style.
#[test]
fn quote_mark_styles_curly_straight_single_doubled_guillemets_german() {
    check("marks_styles");
}
#[test]
fn nested_quotes_are_part_of_the_outer_statement() {
    check("nested");
}
#[test]
fn mismatched_and_missing_marks_are_recovered() {
    check("mismatched");
}
#[test]
fn multi_paragraph_quote_is_one_quote() {
    check("multipara");
}
#[test]
fn apostrophes_never_open_or_close_quotes() {
    check("apostrophes");
}
#[test]
fn quote_split_by_attribution_gives_two_quotes_one_speaker() {
    check("split");
}
#[test]
fn cue_before_after_inverted_according_to_dash_and_verbs() {
    check("cue_positions");
}
#[test]
fn floating_quotes_inherit_the_previous_speaker() {
    check("floating");
}
#[test]
fn says_x_colon_introduces_a_block_quote() {
    check("block_intro");
}
#[test]
fn scare_quotes_titles_and_labels_are_not_statements() {
    check("scare_titles");
}
#[test]
fn pronouns_resolve_to_the_nearest_compatible_person() {
    check("pronouns");
}
#[test]
fn shared_surname_resolves_to_the_nearest_full_name() {
    check("shared_surname");
}
#[test]
fn organizations_and_unnamed_spokespeople_as_speakers() {
    check("nonperson");
}
#[test]
fn house_style_wire_reuters() {
    check("wire_reuters");
}
#[test]
fn house_style_ap_straight_quotes() {
    check("ap_straight");
}
#[test]
fn house_style_british_single_quotes() {
    check("british_single");
}
#[test]
fn house_style_long_feature_multi_paragraph() {
    check("feature_multipara");
}
#[test]
fn house_style_press_release() {
    check("press_release");
}
#[test]
fn house_style_blog() {
    check("blog");
}

#[test]
fn every_fixture_has_a_test() {
    let covered = [
        "marks_styles",
        "nested",
        "mismatched",
        "multipara",
        "apostrophes",
        "split",
        "cue_positions",
        "floating",
        "block_intro",
        "scare_titles",
        "pronouns",
        "shared_surname",
        "nonperson",
        "wire_reuters",
        "ap_straight",
        "british_single",
        "feature_multipara",
        "press_release",
        "blog",
    ];
    for name in fixture_names() {
        assert!(
            covered.contains(&name.as_str()),
            "fixture {name} has no test"
        );
    }
}

// ---- Seeds -----------------------------------------------------------------

/// (doc id prefix, quote prefix, speaker, cue, partial)
const SEED_QUOTES: &[(&str, &str, &str, Option<&str>, bool)] = &[
    (
        "000",
        "new and existing overseas operations,",
        "Daniel Zhang",
        Some("said"),
        true,
    ),
    (
        "000",
        "global thinking.",
        "Daniel Zhang",
        Some("said"),
        true,
    ),
    (
        "001",
        "We will organise a global team",
        "Daniel Zhang",
        Some("added"),
        false,
    ),
    (
        "001",
        "We will have employees from all over",
        "Daniel Zhang",
        Some("said"),
        false,
    ),
    (
        "001",
        "We have to take the time",
        "Daniel Zhang",
        Some("continued"),
        false,
    ),
    ("001", "too long.", "Daniel Zhang", Some("added"), true),
    (
        "001",
        "We hope that after a few years",
        "Daniel Zhang",
        Some("said"),
        false,
    ),
    (
        "002",
        "We must absolutely globalize. We will organize",
        "Daniel Zhang",
        Some("said"),
        false,
    ),
    (
        "002",
        "When we face issues like counterfeit",
        "Daniel Zhang",
        Some("continued"),
        false,
    ),
    ("002", "The WTO was great", "Jack Ma", Some("stated"), false),
    (
        "003",
        "We must absolutely globalize,",
        "Daniel Zhang",
        Some("said"),
        false,
    ),
    (
        "003",
        "We will organize a global team",
        "Daniel Zhang",
        None,
        false,
    ),
    (
        "004",
        "Our service team and solutions team",
        "Zhang Jianfeng",
        Some("said"),
        false,
    ),
];

#[test]
fn seeds_quotes_speakers_cues_and_partials() {
    let corpus = seeds();
    let mut problems = Vec::new();
    for (doc_prefix, quote, speaker, cue, partial) in SEED_QUOTES {
        let Some(doc) = corpus
            .documents
            .iter()
            .position(|d| d.id.starts_with(doc_prefix))
        else {
            problems.push(format!("no seed {doc_prefix}"));
            continue;
        };
        let text = &corpus.documents[doc].text;
        let found = corpus
            .quotes_of(doc as u32)
            .find(|(_, q)| q.span.slice(text).starts_with(quote));
        match found {
            None => problems.push(format!("{doc_prefix}: missing {quote:?}")),
            Some((_, q)) => {
                if q.speaker.as_deref() != Some(*speaker)
                    || q.cue.as_deref() != *cue
                    || q.partial != *partial
                {
                    problems.push(format!(
                        "{doc_prefix}: {quote:?} → {:?} {:?} partial={}",
                        q.speaker, q.cue, q.partial
                    ));
                }
            }
        }
    }
    // Exactly the expected quotes, per document.
    for prefix in ["000", "001", "002", "003", "004"] {
        let Some(doc) = corpus
            .documents
            .iter()
            .position(|d| d.id.starts_with(prefix))
        else {
            continue;
        };
        let expected = SEED_QUOTES.iter().filter(|q| q.0 == prefix).count();
        let found = corpus.quotes_of(doc as u32).count();
        if found != expected {
            let text = &corpus.documents[doc].text;
            let all: Vec<&str> = corpus
                .quotes_of(doc as u32)
                .map(|(_, q)| q.span.slice(text))
                .collect();
            problems.push(format!(
                "{prefix}: {found} quotes, expected {expected}: {all:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn seeds_nested_quote_is_not_separate_and_scare_quote_is_dropped() {
    let corpus = seeds();
    for (doc, d) in corpus.documents.iter().enumerate() {
        for (_, q) in corpus.quotes_of(doc as u32) {
            let words = q.span.slice(&d.text);
            assert!(
                !words.starts_with("global buy and global sell"),
                "nested quote reported alone in {}",
                d.id
            );
            assert_ne!(words, "biases", "scare quote reported in {}", d.id);
        }
    }
}

#[test]
fn seeds_aliases_merge_and_namesakes_stay_apart() {
    let corpus = seeds();
    let person = |name: &str| {
        corpus.entities.iter().find(|e| {
            e.kind == EntityKind::Person && (e.name == name || e.aliases.iter().any(|a| a == name))
        })
    };
    let zhang = person("Daniel Zhang").expect("Daniel Zhang");
    assert_eq!(zhang.name, "Daniel Zhang");
    assert!(
        zhang.aliases.iter().any(|a| a == "Zhang Yong"),
        "{:?}",
        zhang.aliases
    );
    let lu = person("Jonathan Lu").expect("Jonathan Lu");
    assert!(
        lu.name == "Jonathan Lu" && lu.aliases.iter().any(|a| a == "Johnathan Lu"),
        "{lu:?}"
    );
    let jianfeng = person("Zhang Jianfeng").expect("Zhang Jianfeng");
    assert_ne!(jianfeng.name, zhang.name);
    assert!(person("Jack Ma").is_some());
    // Daniel Zhang is mentioned in every seed (as Zhang Yong in 004).
    assert_eq!(zhang.doc_counts().len(), 5, "{:?}", zhang.doc_counts());
    // The surname-only mentions of 004 are split between the two Zhangs.
    assert!(jianfeng.mentions.len() >= 2);
}

#[test]
fn seeds_entities_have_kinds_and_no_sentence_words() {
    let corpus = seeds();
    let kind_of = |name: &str| {
        corpus
            .entities
            .iter()
            .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
            .map(|e| e.kind)
    };
    assert_eq!(kind_of("Alibaba"), Some(EntityKind::Organization));
    assert_eq!(kind_of("Alibaba Group"), Some(EntityKind::Organization));
    assert_eq!(kind_of("China"), Some(EntityKind::Place));
    assert_eq!(kind_of("Hangzhou"), Some(EntityKind::Place));
    assert_eq!(kind_of("Zhejiang Province"), Some(EntityKind::Place));
    assert_eq!(
        kind_of("World Economic Forum"),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        kind_of("New York Stock Exchange"),
        Some(EntityKind::Organization)
    );
    for noise in [
        "The", "CEO", "Internet", "In", "Global", "Today", "Days", "Moreover", "Chinese", "March",
        "We",
    ] {
        assert_eq!(kind_of(noise), None, "{noise} is not an entity");
    }
}

// ---- Cross-document aliases ------------------------------------------------

#[test]
fn english_and_chinese_names_merge_on_shared_role_and_organization() {
    let (_, entities, _) = analyze_clean(&[
        "Alibaba CEO Daniel Zhang said the group would expand. Zhang spoke in Hangzhou.",
        "Alibaba's chief executive Zhang Yong said sales rose. Later, Zhang Jianfeng, president of Alibaba Cloud, said cloud revenue grew.",
    ]);
    let daniel = entities
        .iter()
        .find(|e| e.name == "Daniel Zhang")
        .expect("Daniel Zhang");
    assert!(
        daniel.aliases.contains(&"Zhang Yong".to_string()),
        "{daniel:?}"
    );
    assert!(entities.iter().any(|e| e.name == "Zhang Jianfeng"));
}

#[test]
fn same_surname_and_role_at_different_organizations_do_not_merge() {
    let (_, entities, _) = analyze_clean(&[
        "Acme CEO John Smith said profits rose.",
        "Globex CEO Jane Smith said profits fell.",
        "Initech chief executive Jon Smyth said nothing.",
    ]);
    let people: Vec<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert!(
        people.contains(&"John Smith") && people.contains(&"Jane Smith"),
        "{people:?}"
    );
}

#[test]
fn misspelt_names_merge_only_with_a_shared_role() {
    let (_, entities, _) = analyze_clean(&[
        "Acme replaced CEO Jonathan Lu last week.",
        "Acme is to replace Johnathan Lu as CEO of Acme.",
        "Acme hired Jonathon Lu as an intern.",
    ]);
    let lu = entities
        .iter()
        .find(|e| e.name == "Jonathan Lu")
        .expect("Jonathan Lu");
    assert!(lu.aliases.contains(&"Johnathan Lu".to_string()), "{lu:?}");
    assert!(
        !lu.aliases.contains(&"Jonathon Lu".to_string()),
        "no shared role: {lu:?}"
    );
}

#[test]
fn surname_only_article_joins_the_unique_full_name() {
    let (docs, entities, quotes) = analyze_clean(&[
        "Tesla chief executive Elon Musk unveiled the truck.",
        "“It will be cheap,” Musk said.",
    ]);
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0].speaker.as_deref(),
        Some("Elon Musk"),
        "{:?}",
        quotes[0]
    );
    let musk = entities
        .iter()
        .find(|e| e.name == "Elon Musk")
        .expect("Elon Musk");
    assert_eq!(musk.doc_counts().len(), 2);
    assert_eq!(
        quotes[0].mention.map(|m| m.slice(&docs[1].text)),
        Some("Musk")
    );
}

// ---- Regressions -----------------------------------------------------------

#[test]
fn regression_sentence_starts_inside_quotes_are_not_entities() {
    let (_, entities, _) =
        analyze_clean(&["“We will grow. In March we start. Today we plan,” said Ann Lee."]);
    for noise in ["In", "Today", "We"] {
        assert!(
            !entities.iter().any(|e| e.name == noise),
            "{noise}: {entities:?}"
        );
    }
}

#[test]
fn regression_sentence_initial_common_word_is_not_an_org() {
    let (_, entities, _) = analyze_clean(&[
        "Tmall Global opened. Global expansion should help. Official figures agree.",
    ]);
    assert!(entities.iter().any(|e| e.name == "Tmall Global"));
    assert!(
        !entities
            .iter()
            .any(|e| e.name == "Global" || e.name == "Official"),
        "{entities:?}"
    );
}

#[test]
fn regression_list_of_film_titles_was_a_statement() {
    let (docs, _, quotes) = analyze_clean(&[
        "Zsa Zsa Gabor was a star. The original diva, she began starring in movies in 1950s Hollywood, taking on roles in “Lovely to Look At,” “Moulin Rouge,” “Lili,” Orson Welles’ “Touch of Evil” and even the camp classic “Queen of Outer Space.”",
    ]);
    let found: Vec<_> = quotes
        .iter()
        .map(|q| found_quote(&docs[0].text, q))
        .collect();
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn regression_miss_hungary_was_a_person_and_took_a_pronoun() {
    let text = "A refugee from the Nazis, the former Miss Hungary embodied the ultimate diva. Zsa Zsa Gabor died in December. “I never hated a man enough to give him his diamonds back,” she once said.";
    let (docs, entities, quotes) = analyze_clean(&[text]);
    assert!(
        !entities
            .iter()
            .any(|e| e.name == "Hungary" && e.kind == EntityKind::Person),
        "{entities:?}"
    );
    let found: Vec<_> = quotes
        .iter()
        .map(|q| found_quote(&docs[0].text, q))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_ne!(found[0].speaker.as_deref(), Some("Hungary"), "{found:?}");
}

#[test]
fn regression_reporter_after_outlet_possessive_was_an_organization() {
    let text = "“The vote was close and nobody expected it,” Al Jazeera’s Shihab Rattansi, reporting from Washington, said. “This is the first time the government is taking such action.”";
    let (docs, entities, quotes) = analyze_clean(&[text]);
    assert!(
        has_entity(&entities, EntityKind::Person, "Shihab Rattansi"),
        "{entities:?}"
    );
    let found: Vec<_> = quotes
        .iter()
        .map(|q| found_quote(&docs[0].text, q))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    for q in &found {
        assert_eq!(q.speaker.as_deref(), Some("Shihab Rattansi"), "{found:?}");
    }
}

#[test]
fn regression_jan_kubis_lost_his_given_name_to_the_month() {
    let text = "Jan Kubis, the UN’s top envoy in Iraq, said: “This is totally unacceptable.” In May Alibaba said it would grow.";
    let (docs, entities, quotes) = analyze_clean(&[text]);
    let found: Vec<_> = quotes
        .iter()
        .map(|q| found_quote(&docs[0].text, q))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Jan Kubis"), "{found:?}");
    assert!(
        !entities.iter().any(|e| e.name.starts_with("May")),
        "{entities:?}"
    );
}

#[test]
fn regression_party_state_tags_hid_the_speaker() {
    let text = "“I cannot support the nomination,” Sen. Chuck Schumer, D-N.Y., said Thursday. “We will win,” Rep. Adam Schiff, D-Calif., told reporters.";
    let (docs, entities, quotes) = analyze_clean(&[text]);
    let found: Vec<_> = quotes
        .iter()
        .map(|q| found_quote(&docs[0].text, q))
        .collect();
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Chuck Schumer"), Some("Adam Schiff")],
        "{found:?}"
    );
    assert!(
        !entities.iter().any(|e| e.name.starts_with("D-")),
        "{entities:?}"
    );
}

#[test]
fn regression_verbless_colon_introduction_left_quotes_unattributed() {
    let text = "In the words of House Speaker Paul Ryan (R-Wis.) on Friday: “Obamacare is the law of the land.” Ireland head coach Joe Schmidt: “We wanted to get it right.” The rules are simple: “No phones at the table.”";
    let (docs, _, quotes) = analyze_clean(&[text]);
    let found: Vec<_> = quotes
        .iter()
        .map(|q| found_quote(&docs[0].text, q))
        .collect();
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Paul Ryan"), Some("Joe Schmidt"), None],
        "{found:?}"
    );
}

#[test]
fn regression_next_sentences_reported_speech_took_the_quote() {
    let text = "“We must deport these people swiftly,” Peter Altmaier, the head of the office, told local media. “Otherwise it hurts the credibility of our laws.” Karimi says he braced himself for death several times.";
    let (docs, _, quotes) = analyze_clean(&[text]);
    let found: Vec<_> = quotes
        .iter()
        .map(|q| found_quote(&docs[0].text, q))
        .collect();
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Peter Altmaier"), Some("Peter Altmaier")],
        "{found:?}"
    );
}

#[test]
fn regression_scare_quote_in_headline_with_trailing_cue_is_dropped() {
    let (_, _, quotes) =
        analyze_clean(&["Banks must be aware of “biases” in data, regulators warn"]);
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn regression_unclosed_quote_does_not_swallow_next_paragraph() {
    let text =
        "“We will win the vote tomorrow.\n\nThe vote was held on Friday. “It went well,” she said.";
    let (docs, _, quotes) = analyze_clean(&[text]);
    let words: Vec<&str> = quotes.iter().map(|q| q.span.slice(&docs[0].text)).collect();
    assert_eq!(words, ["We will win the vote tomorrow.", "It went well,"]);
}

#[test]
fn quotes_are_sorted_and_spans_are_consistent() {
    let corpus = seeds();
    let mut last = (0u32, 0u32);
    for q in &corpus.quotes {
        assert!((q.doc, q.span.start) >= last, "sorted by (doc, start)");
        last = (q.doc, q.span.start);
        let text = &corpus.documents[q.doc as usize].text;
        assert!(q.outer.contains(q.span));
        assert!(!q.span.slice(text).is_empty());
        if let Some(m) = q.mention {
            assert!(!m.slice(text).is_empty());
        }
    }
}

// ---- Precision and recall --------------------------------------------------

#[derive(Default, Debug)]
struct Score {
    expected: usize,
    found: usize,
    matched: usize,
    speaker_right: usize,
    attributed_expected: usize,
    attributed_found: usize,
    attributed_right: usize,
}

impl Score {
    fn add(&mut self, expected: &[ExpectedQuote], found: &[ExpectedQuote]) {
        self.expected += expected.len();
        self.found += found.len();
        self.attributed_expected += expected.iter().filter(|e| e.speaker.is_some()).count();
        self.attributed_found += found.iter().filter(|f| f.speaker.is_some()).count();
        for e in expected {
            if let Some(f) = found.iter().find(|f| f.text == e.text) {
                self.matched += 1;
                if f.speaker == e.speaker {
                    self.speaker_right += 1;
                    if e.speaker.is_some() {
                        self.attributed_right += 1;
                    }
                }
            }
        }
    }

    fn report(&self, label: &str) -> (f64, f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let p = ratio(self.matched, self.found);
        let r = ratio(self.matched, self.expected);
        let sp = ratio(self.attributed_right, self.attributed_found);
        let sr = ratio(self.attributed_right, self.attributed_expected);
        println!(
            "{label}: quotes P={p:.3} R={r:.3} ({} expected, {} found, {} matched); speakers P={sp:.3} R={sr:.3}, right on {}/{} matched",
            self.expected, self.found, self.matched, self.speaker_right, self.matched
        );
        (p, r, sp, sr)
    }
}

/// Run with `--nocapture` to see the numbers.
#[test]
fn precision_and_recall_on_fixtures_and_seeds() {
    let mut fixtures = Score::default();
    for name in fixture_names() {
        let fixture = load_fixture(&name);
        let (docs, _, quotes) = analyze_clean(&[&fixture.article]);
        let found: Vec<ExpectedQuote> = quotes
            .iter()
            .map(|q| found_quote(&docs[0].text, q))
            .collect();
        fixtures.add(&fixture.quotes, &found);
    }
    let (p, r, sp, sr) = fixtures.report("fixtures");
    assert!(p >= 0.95 && r >= 0.95 && sp >= 0.9 && sr >= 0.9);

    let corpus = seeds();
    let mut seeds_score = Score::default();
    for (doc, d) in corpus.documents.iter().enumerate() {
        let prefix = d.id.get(..3).unwrap_or("");
        let found: Vec<ExpectedQuote> = corpus
            .quotes_of(doc as u32)
            .map(|(_, q)| found_quote(&d.text, q))
            .collect();
        // Seed expectations are prefixes: complete them from what was found.
        let expected: Vec<ExpectedQuote> = SEED_QUOTES
            .iter()
            .filter(|q| q.0 == prefix)
            .map(|(_, quote, speaker, cue, partial)| ExpectedQuote {
                text: found
                    .iter()
                    .find(|f| f.text.starts_with(quote))
                    .map(|f| f.text.clone())
                    .unwrap_or_else(|| quote.to_string()),
                speaker: Some(speaker.to_string()),
                cue: cue.map(str::to_string),
                partial: *partial,
                mention: None,
            })
            .collect();
        seeds_score.add(&expected, &found);
    }
    let (p, r, sp, sr) = seeds_score.report("seeds");
    assert!(p >= 0.99 && r >= 0.99 && sp >= 0.99 && sr >= 0.99);
}

/// Articles written after the rules above, in other styles (politics,
/// sports, court, science, social media, local news, interview feature,
/// wire): not tuned one by one, so the score is the honest estimate.
/// Their differences are printed, and only the overall score is asserted.
#[test]
fn precision_and_recall_on_held_out_articles() {
    let dir = fixtures_dir().join("quotes").join("heldout");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures/quotes/heldout exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".txt")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    let mut score = Score::default();
    let mut cues = (0usize, 0usize);
    for name in &names {
        let raw = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("readable");
        let fixture = parse_fixture(&raw);
        let (docs, _, quotes) = analyze_clean(&[&fixture.article]);
        let found: Vec<ExpectedQuote> = quotes
            .iter()
            .map(|q| found_quote(&docs[0].text, q))
            .collect();
        score.add(&fixture.quotes, &found);
        for e in &fixture.quotes {
            if let Some(f) = found.iter().find(|f| f.text == e.text) {
                cues.1 += 1;
                if f.cue == e.cue {
                    cues.0 += 1;
                }
            }
        }
        for problem in quote_problems(&fixture.quotes, &found) {
            println!("heldout/{name}: {problem}");
        }
    }
    let (p, r, sp, sr) = score.report("held-out");
    println!("held-out cues right: {}/{}", cues.0, cues.1);
    assert!(p >= 0.85 && r >= 0.85 && sp >= 0.8 && sr >= 0.8);
}

// ---- Robustness ------------------------------------------------------------

/// Text made of the characters that stress the scanner.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        "„",
        "‚",
        "‹",
        "›",
        "「",
        "」",
        "``",
        "''",
        "‘‘",
        "’’",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "—",
        "-",
        "(",
        ")",
        "?",
        "!",
        "…",
        "Zhang",
        "Daniel",
        "said",
        "he",
        "she",
        "Mr.",
        "CEO",
        "Alibaba",
        "according",
        "to",
        "told",
        "the",
        "company",
        "a",
        "spokeswoman",
        "of",
        "and",
        "Inc",
        "U.S.",
        "’90s",
        "don’t",
        "workers’",
        "😀",
        "👩‍👩‍👧",
        "مرحبا",
        "שלום",
        "e\u{301}",
        "\u{200D}",
        "\u{FEFF}",
        "阿里巴巴",
        "Ω",
        "ß",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

fn assert_spans_ok(text: &str, entities: &[Entity], quotes: &[Quote]) {
    let ok = |s: clippings_core::Span| {
        s.start <= s.end
            && (s.end as usize) <= text.len()
            && text.is_char_boundary(s.start as usize)
            && text.is_char_boundary(s.end as usize)
    };
    for q in quotes {
        assert!(ok(q.span) && ok(q.outer), "{q:?}");
        assert!(q.outer.contains(q.span), "{q:?}");
        if let Some(m) = q.mention {
            assert!(ok(m), "{q:?}");
        }
    }
    for e in entities {
        for m in &e.mentions {
            assert!(ok(m.span), "{e:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::cases(256)))]

    #[test]
    fn analyze_never_panics_and_spans_are_valid(text in "\\PC*") {
        let (docs, entities, quotes) = analyze_clean(&[&text]);
        assert_spans_ok(&docs[0].text, &entities, &quotes);
    }

    #[test]
    fn analyze_handles_quote_heavy_text(text in tricky_text(), other in tricky_text()) {
        let (docs, entities, quotes) = analyze_clean(&[&text, &other]);
        for (i, d) in docs.iter().enumerate() {
            let qs: Vec<Quote> = quotes.iter().filter(|q| q.doc == i as u32).cloned().collect();
            let es: Vec<Entity> = entities
                .iter()
                .map(|e| Entity { mentions: e.mentions.iter().filter(|m| m.doc == i as u32).copied().collect(), ..e.clone() })
                .collect();
            assert_spans_ok(&d.text, &es, &qs);
        }
        let mut sorted = quotes.clone();
        sorted.sort_by_key(|q| (q.doc, q.span.start));
        prop_assert_eq!(sorted, quotes);
    }
}

#[test]
fn very_long_input_is_handled_quickly() {
    let paragraph = "“We will grow,” said Daniel Zhang, CEO of Alibaba. He added that ‘global buy’ matters and the workers’ pay rose in the ’90s. “Unclosed quote here\n\n";
    let text = paragraph.repeat(2000);
    let start = std::time::Instant::now();
    let (docs, entities, quotes) = analyze_clean(&[&text]);
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    assert_spans_ok(&docs[0].text, &entities, &quotes);
    assert!(quotes.len() >= 2000);
    let single_line = "“".repeat(5000) + &"’".repeat(5000) + &"a \"b ".repeat(5000);
    let (docs, entities, quotes) = analyze_clean(&[&single_line]);
    assert_spans_ok(&docs[0].text, &entities, &quotes);
}

#[test]
fn analyze_text_goes_through_the_whole_pipeline() {
    let corpus = analyze_text(
        "one",
        "Headline\n\n“We will grow,” said Daniel Zhang, the chief executive.",
    );
    assert_eq!(corpus.quotes.len(), 1);
    assert_eq!(corpus.quotes[0].speaker.as_deref(), Some("Daniel Zhang"));
}

#[test]
#[ignore]
fn dump_seeds() {
    let corpus = seeds();
    for (i, d) in corpus.documents.iter().enumerate() {
        println!("=== doc {i} {}", d.id);
        for (_, q) in corpus.quotes_of(i as u32) {
            println!("  {:?}", found_quote(&d.text, q));
        }
    }
    for e in &corpus.entities {
        println!(
            "{:?} {} aliases={:?} n={}",
            e.kind,
            e.name,
            e.aliases,
            e.mentions.len()
        );
    }
}

#[test]
#[ignore]
fn dump_text() {
    let text = std::env::var("DUMP_TEXT").unwrap_or_default();
    let (docs, entities, quotes) = analyze_clean(&[&text]);
    for q in &quotes {
        println!("{:?}", found_quote(&docs[0].text, q));
    }
    for e in &entities {
        println!(
            "{:?} {} aliases={:?} n={}",
            e.kind,
            e.name,
            e.aliases,
            e.mentions.len()
        );
    }
}

#[test]
fn regression_department_of_justice_lost_justice_to_the_title() {
    let (_, entities, _) = analyze_clean(&[
        "The US Department of Justice has told the prosecutor. Officials at the Office of the President declined.",
    ]);
    for name in ["US Department of Justice", "Office of the President"] {
        assert!(
            has_entity(&entities, EntityKind::Organization, name),
            "{name}: {entities:?}"
        );
    }
}
