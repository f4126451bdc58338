//! Tests for the document stage: clean text, removed furniture and
//! metadata, on tiny inline cases, on fixture pages in several house styles
//! (`fixtures/document/*.txt` with the clean text a journalist would accept
//! in `*.expected`) and on the five seeds.

use crate::support::{fixtures_dir, seeds, seeds_dir};
use clippings_analysis::document::{build, build_all};
use clippings_analysis::Article;
use clippings_core::{Document, Warning};
use proptest::prelude::*;
use std::path::Path;

fn article(raw: &str) -> Article {
    Article {
        id: "t".into(),
        path: "t.txt".into(),
        raw: raw.into(),
        ..Default::default()
    }
}

fn build_raw(raw: &str) -> (Document<'static>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let doc = build(article(raw), &mut warnings);
    (doc, warnings)
}

fn paragraphs(doc: &Document) -> Vec<String> {
    doc.paragraphs()
        .into_iter()
        .map(|s| s.slice(&doc.text).to_string())
        .collect()
}

/// Clean `raw`; the kept paragraphs and the reasons of removed blocks must
/// be exactly these.
fn check_clean(raw: &str, kept: &[&str], removed_reasons: &[&str]) {
    let (doc, _) = build_raw(raw);
    assert_eq!(paragraphs(&doc), kept, "kept paragraphs of {raw:?}");
    let reasons: Vec<&str> = doc.removed.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons, removed_reasons, "removed blocks of {raw:?}");
    assert_invariants(&doc);
}

/// Expected metadata; `None` fields must be `None` (never invented).
#[derive(Debug, Default)]
struct Meta<'a> {
    title: &'a str,
    derived: bool,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
    byline: Option<&'a str>,
}

fn check_meta(raw: &str, expected: Meta) {
    let (doc, _) = build_raw(raw);
    assert_eq!(doc.title, expected.title, "title of {raw:?}");
    assert_eq!(
        doc.title_derived, expected.derived,
        "title_derived of {raw:?}"
    );
    assert_eq!(doc.outlet.as_deref(), expected.outlet, "outlet of {raw:?}");
    assert_eq!(doc.date.as_deref(), expected.date, "date of {raw:?}");
    assert_eq!(doc.byline.as_deref(), expected.byline, "byline of {raw:?}");
}

/// Paragraphs separated by exactly one blank line, no blank paragraph,
/// removed offsets inside the text and in order.
fn assert_invariants(doc: &Document) {
    let text = doc.text.as_ref();
    assert!(!text.contains("\n\n\n"), "triple newline in {text:?}");
    assert_eq!(text.trim(), text, "untrimmed text");
    for para in text.split("\n\n") {
        assert!(
            !para.trim().is_empty() || text.is_empty(),
            "empty paragraph in {text:?}"
        );
    }
    let mut last = 0;
    for r in &doc.removed {
        assert!(r.at as usize <= text.len(), "removed.at past the end");
        assert!(
            text.is_char_boundary(r.at as usize),
            "removed.at inside a character"
        );
        assert!(r.at >= last, "removed blocks out of order");
        assert!(
            r.at == 0
                || r.at as usize == text.len()
                || text
                    .get(..r.at as usize)
                    .is_some_and(|h| h.ends_with("\n\n")),
            "removed.at {} is not at a paragraph start",
            r.at
        );
        assert!(!r.text.trim().is_empty() && !r.reason.is_empty());
        last = r.at;
    }
}

#[test]
fn cleaning_cases() {
    // Seed-like one-line paragraphs.
    check_clean(
        "First paragraph of the story is a sentence.\nSecond paragraph is also a full sentence.",
        &[
            "First paragraph of the story is a sentence.",
            "Second paragraph is also a full sentence.",
        ],
        &[],
    );
    // CRLF, tabs and runs of spaces.
    check_clean(
        "One  sentence\there that is long enough to count.\r\n\r\nAnother sentence that is long enough to count.\r\n",
        &["One sentence here that is long enough to count.", "Another sentence that is long enough to count."],
        &[],
    );
    // A sentence broken mid-line runs on.
    check_clean(
        "Alibaba plans to invest in overseas operations,\nincluding AliExpress and Tmall Global, the company said.",
        &["Alibaba plans to invest in overseas operations, including AliExpress and Tmall Global, the company said."],
        &[],
    );
    // Furniture in the body; a subheading is kept.
    check_clean(
        "Alibaba said on Thursday that it would push into new overseas markets.\n\nAdvertisement\n\nGlobal ambitions\n\nPhoto: Daniel Zhang in 2014. Getty Images\n\nZhang said the company would hire staff from all over the world.",
        &[
            "Alibaba said on Thursday that it would push into new overseas markets.",
            "Global ambitions",
            "Zhang said the company would hire staff from all over the world.",
        ],
        &["advertisement", "caption"],
    );
    // A related-articles tail goes, with its teasers.
    check_clean(
        "Alibaba said on Thursday that it would push into new overseas markets this year.\n\nZhang said the company would hire staff from all over the world to help.\n\nRelated reading\n\nBanks must prepare for instant payments\n\nThe cost of joining instant payment platforms will be one of many hurdles for banks ... read more",
        &[
            "Alibaba said on Thursday that it would push into new overseas markets this year.",
            "Zhang said the company would hire staff from all over the world to help.",
        ],
        &["related", "teaser"],
    );
}

#[test]
fn furniture_marker_mid_article_does_not_cut_the_rest() {
    let body = "Zhang said the company would hire staff from all over the world, and that it would invest heavily.";
    let raw = format!("Alibaba said it would grow abroad this year, its new chief said.\n\nRelated\n\n{body}\n\n{body} Again.\n\n{body} Once more.");
    let (doc, _) = build_raw(&raw);
    assert_eq!(paragraphs(&doc).len(), 4, "{:?}", doc.text);
    assert_eq!(doc.removed.len(), 1);
}

#[test]
fn metadata_cases() {
    check_meta(
        "The Stack Archive\n\nAlibaba to push global expansion, says new CEO\n\nThu 14 May 2015\n\nChinese e-retail group Alibaba has emphasised the importance of globalisation.",
        Meta { title: "Alibaba to push global expansion, says new CEO", outlet: Some("The Stack"), date: Some("2015-05-14"), ..Default::default() },
    );
    check_meta(
        "Alibaba ramps up investment, CEO says\nen.hangzhou.com.cn\u{a0} \u{a0} 2021-12-20 12:35\u{a0} \u{a0} Source:Global Times\n\nChina's e-commerce giant Alibaba has accelerated expansion into overseas markets.\n\nAuthor:\u{a0} Editor:Wang Jian",
        Meta { title: "Alibaba ramps up investment, CEO says", outlet: Some("Global Times"), date: Some("2021-12-20T12:35"), byline: Some("Wang Jian"), ..Default::default() },
    );
    check_meta(
        "HANGZHOU, China (Reuters) - Alibaba's new chief executive said on Wednesday the company must expand overseas.\n\n(Reporting by Jane Doe; Editing by Ann Lee)",
        Meta { title: "HANGZHOU, China (Reuters) - Alibaba's new chief executive said on Wednesday the…", derived: true, outlet: Some("Reuters"), byline: Some("Jane Doe"), ..Default::default() },
    );
    check_meta(
        "Alibaba wants to go global in a big way.\nPayment Eye last week reported that Daniel Zhang is to replace Jonathan Lu as CEO.\nOfficial Alibaba news source Alizila revealed the plan.",
        Meta { title: "Alibaba wants to go global in a big way.", derived: true, outlet: Some("Payment Eye"), ..Default::default() },
    );
    // A source named in prose is not the outlet; a year in prose is no date.
    check_meta(
        "Official Alibaba news source Alizila revealed what Zhang has in store for the group in 2015.",
        Meta { title: "Official Alibaba news source Alizila revealed what Zhang has in store for the…", derived: true, ..Default::default() },
    );
    // Dates in teasers after a marker are not the article's date.
    check_meta(
        "Headline about Alibaba going global\n\nAlibaba said it would push into new overseas markets, its chief said.\n\nFeatured\n\nThu 11 Jan 2018\n\nKiwi channel closes 2017 with After Hours",
        Meta { title: "Headline about Alibaba going global", ..Default::default() },
    );
    // The byline next to the dateline, Guardian style.
    check_meta(
        "Alibaba's new boss: we must globalise\nJane Doe in Beijing\nThu 14 May 2015 09.30 BST\nAlibaba's new chief executive has told employees that the group must globalise.",
        Meta { title: "Alibaba's new boss: we must globalise", date: Some("2015-05-14T09:30"), byline: Some("Jane Doe"), ..Default::default() },
    );
}

#[test]
fn explicit_metadata_wins_and_the_printed_headline_goes() {
    let mut warnings = Vec::new();
    let doc = build(
        Article {
            id: "a".into(),
            path: "a.html".into(),
            raw: "Alibaba CEO vows global push\n\nBy Jane Doe\n\nAlibaba's new chief executive told employees the company must expand abroad.".into(),
            title: Some("Alibaba CEO vows global push | Example Wire".into()),
            outlet: Some("Example Wire".into()),
            date: Some("2015-05-14".into()),
            byline: Some("J. Doe".into()),
            ..Default::default()
        },
        &mut warnings,
    );
    assert_eq!(doc.title, "Alibaba CEO vows global push | Example Wire");
    assert_eq!(doc.byline.as_deref(), Some("J. Doe"));
    assert_eq!(
        paragraphs(&doc),
        ["Alibaba's new chief executive told employees the company must expand abroad."]
    );
    let reasons: Vec<&str> = doc.removed.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons, ["headline", "byline"]);
}

#[test]
fn repairs_are_warned_about() {
    let (doc, warnings) = build_raw(
        "Alibaba\u{200b} is the world\u{e2}\u{20ac}\u{2122}s largest e-commerce group by transactions.",
    );
    assert_eq!(
        doc.text,
        "Alibaba is the world\u{2019}s largest e-commerce group by transactions."
    );
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains("zero-width")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("mis-decoded")),
        "{messages:?}"
    );
    assert!(warnings.iter().all(|w| w.path == "t.txt"));
}

#[test]
fn regression_by_2020_is_prose_not_a_byline() {
    check_clean(
        "Zhang set his employees a significant target at the strategy session.\nBy 2020, Zhang wants Alibaba to generate $1trillion in annual GMV.",
        &[
            "Zhang set his employees a significant target at the strategy session.",
            "By 2020, Zhang wants Alibaba to generate $1trillion in annual GMV.",
        ],
        &[],
    );
}

#[test]
fn regression_dateline_with_domain_and_no_break_spaces() {
    let (doc, _) = build_raw(
        "Alibaba ramps up investment\nen.hangzhou.com.cn\u{a0} \u{a0} 2021-12-20 12:35\u{a0} \u{a0} Source:Global Times\n\nChina's e-commerce giant Alibaba has accelerated expansion into overseas markets.",
    );
    assert_eq!(doc.date.as_deref(), Some("2021-12-20T12:35"));
    assert!(!doc.text.contains("Source:"), "{:?}", doc.text);
}

#[test]
fn regression_short_caption_pairs_are_both_removed() {
    check_clean(
        "Alibaba's new CEO Daniel Zhang.\n\nAlibaba's new CEO Daniel Zhang.\n\nAfter taking over the reins, Alibaba Group's new CEO has made global expansion a priority.",
        &["After taking over the reins, Alibaba Group's new CEO has made global expansion a priority."],
        &["caption", "repeated caption"],
    );
}

#[test]
fn duplicate_clean_texts_are_dropped_unless_outlets_differ() {
    let text = "Alibaba said on Thursday that it would push into new overseas markets.";
    let make = |id: &str, raw: &str, outlet: Option<&str>| Article {
        id: id.into(),
        path: format!("{id}.txt"),
        raw: raw.into(),
        outlet: outlet.map(str::to_string),
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let docs = build_all(
        vec![
            make("a", text, Some("First Paper")),
            make("b", &format!("Menu\n\n{text}\n\nShow Comments"), None),
            make("c", text, Some("Other Paper")),
        ],
        &mut warnings,
    );
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    let messages: Vec<(&str, &str)> = warnings
        .iter()
        .map(|w| (w.path.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            ("b.txt", "duplicate of a.txt; skipped"),
            (
                "c.txt",
                "same text as a.txt (kept both: different outlet or url)"
            )
        ]
    );
}

/// Fixture pages and their expected clean text.
fn fixture_pairs() -> Vec<(String, String, String)> {
    let mut pairs = Vec::new();
    let dir = fixtures_dir().join("document");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/document")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for path in names {
        let raw = std::fs::read_to_string(&path).expect("fixture");
        let expected = std::fs::read_to_string(path.with_extension("expected")).expect("expected");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        pairs.push((name, raw, expected));
    }
    for seed in seed_files() {
        let raw = std::fs::read_to_string(&seed).expect("seed");
        let stem = seed
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected = std::fs::read_to_string(dir.join("seeds").join(format!("{stem}.expected")))
            .expect("seed expected");
        pairs.push((format!("seeds/{stem}"), raw, expected));
    }
    pairs
}

fn seed_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(seeds_dir())
        .expect("seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// Furniture we knowingly keep (conservative rules): a one-line caption
/// that reads like a short sentence, between the dateline and the body.
const KNOWN_KEPT_FURNITURE: &[(&str, &str)] = &[("insider_style.txt", "Alibaba CEO Daniel Zhang.")];

/// Count, over all fixtures and seeds: article paragraphs lost, furniture
/// lines kept. Printed with `--nocapture`; both must be zero.
#[test]
fn fixtures_and_seeds_clean_as_expected() {
    let (mut article_total, mut lost, mut furniture_total, mut kept_furniture) = (0, 0, 0, 0);
    for (name, raw, expected) in fixture_pairs() {
        let (doc, _) = build_raw(&raw);
        assert_invariants(&doc);
        let want: Vec<&str> = expected.trim().split("\n\n").collect();
        let got: Vec<String> = paragraphs(&doc);
        let missing: Vec<&&str> = want
            .iter()
            .filter(|w| !got.iter().any(|g| g == **w))
            .collect();
        let extra: Vec<&String> = got.iter().filter(|g| !want.contains(&g.as_str())).collect();
        // Furniture lines: non-empty raw lines that are not part of any
        // expected paragraph.
        let furniture = raw
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .filter(|l| {
                let collapsed = l.split_whitespace().collect::<Vec<_>>().join(" ");
                !want.iter().any(|w| w.contains(collapsed.as_str()))
            })
            .count();
        println!(
            "{name}: article paragraphs {} lost {}; furniture lines {furniture} kept {}",
            want.len(),
            missing.len(),
            extra.len()
        );
        article_total += want.len();
        lost += missing.len();
        furniture_total += furniture;
        kept_furniture += extra.len();
        assert!(missing.is_empty(), "{name}: article text lost: {missing:?}");
        let unexpected: Vec<&&String> = extra
            .iter()
            .filter(|e| !KNOWN_KEPT_FURNITURE.contains(&(name.as_str(), e.as_str())))
            .collect();
        assert!(
            unexpected.is_empty(),
            "{name}: furniture kept: {unexpected:?}"
        );
        // Nothing is lost: kept text plus removed text covers the page.
        let removed_words: usize = doc
            .removed
            .iter()
            .map(|r| r.text.split_whitespace().count())
            .sum();
        let kept_words = doc.text.split_whitespace().count();
        let raw_words = raw.split_whitespace().count();
        assert!(
            kept_words + removed_words >= raw_words * 95 / 100,
            "{name}: words went missing"
        );
    }
    println!("TOTAL: article paragraphs {article_total} lost {lost}; furniture lines {furniture_total} kept {kept_furniture}");
}

#[test]
fn fixture_metadata() {
    let cases = [
        ("wire_reuters.txt", Meta { title: "Alibaba's new CEO says company must go global or risk irrelevance", outlet: Some("Reuters"), byline: Some("Jane Doe"), ..Default::default() }),
        ("blog_wordpress.txt", Meta { title: "Why Alibaba's global push matters for small exporters", date: Some("2015-05-15"), byline: Some("Priya Natarajan"), ..Default::default() }),
        ("guardian_style.txt", Meta { title: "Alibaba's new boss: we must globalise or the company will not last", date: Some("2015-05-14T09:30"), byline: Some("Jane Doe"), ..Default::default() }),
        ("us_news_site.txt", Meta { title: "Alibaba CEO Daniel Zhang lays out global expansion plan", date: Some("2015-05-14T15:05"), ..Default::default() }),
        ("wrapped_press_release.txt", Meta { title: "Alibaba Group Announces Global Hiring Program", date: Some("2015-05-14"), ..Default::default() }),
        ("ap_story.txt", Meta { title: "Alibaba's new chief says company must look beyond China", outlet: Some("AP"), date: Some("2015-05-14"), byline: Some("Jane Doe"), ..Default::default() }),
        ("scmp_style.txt", Meta { title: "Alibaba's Daniel Zhang says going global is a matter of survival", outlet: Some("South China Morning Post"), date: Some("2015-05-15T09:00"), byline: Some("Jane Doe"), ..Default::default() }),
        ("techblog.txt", Meta { title: "Alibaba's new CEO wants the company to think globally", date: Some("2015-05-14T08:00"), byline: Some("Jane Doe"), ..Default::default() }),
        ("bbc_style.txt", Meta { title: "Alibaba's new boss says firm must go global", date: Some("2015-05-14"), ..Default::default() }),
        ("chinadaily_style.txt", Meta { title: "Alibaba to speed up overseas expansion", outlet: Some("chinadaily.com.cn"), date: Some("2015-05-14T17:23"), byline: Some("Jane Doe"), ..Default::default() }),
        ("forbes_style.txt", Meta { title: "Alibaba's Global Ambitions Are Bigger Than You Think", date: Some("2015-05-14T10:15"), byline: Some("Jane Doe"), ..Default::default() }),
        ("xinhua_style.txt", Meta { title: "Alibaba CEO says globalization key to company's future", outlet: Some("Xinhua"), date: Some("2015-05-14T17:23"), byline: Some("huaxia"), ..Default::default() }),
        ("insider_style.txt", Meta { title: "Alibaba's new CEO just told employees the company has to go global \u{2014} or die", outlet: Some("Business Insider"), date: Some("2015-05-14T15:05"), byline: Some("Jane Doe"), ..Default::default() }),
    ];
    for (name, meta) in cases {
        let raw =
            std::fs::read_to_string(fixtures_dir().join("document").join(name)).expect("fixture");
        check_meta(&raw, meta);
    }
}

fn seed(prefix: &str) -> &'static Document<'static> {
    seeds()
        .documents
        .iter()
        .find(|d| d.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix}"))
}

#[test]
fn seed_000_furniture_tail_and_caption() {
    let d = seed("000");
    assert_eq!(
        d.title,
        "Alibaba won't last without expanding globally, new CEO says"
    );
    assert!(!d.title_derived);
    assert_eq!((d.outlet.as_deref(), d.date.as_deref()), (None, None));
    assert!(d.text.starts_with(
        "Alibaba is looking to grow its cloud computing business in the US\n\nAfter taking over"
    ));
    assert!(d
        .text
        .ends_with("funding internet companies such as Snapchat and Lyft."));
    let reasons: Vec<&str> = d.removed.iter().map(|r| r.reason.as_str()).collect();
    assert!(
        reasons.starts_with(&[
            "menu",
            "headline",
            "repeated headline",
            "caption",
            "repeated caption",
            "follow"
        ]),
        "{reasons:?}"
    );
    assert!(d
        .removed
        .last()
        .is_some_and(|r| r.text.contains("Show Comments") && r.at as usize == d.text.len()));
}

#[test]
fn seed_001_site_name_dateline_tags() {
    let d = seed("001");
    assert_eq!(d.title, "Alibaba to push global expansion, says new CEO");
    assert_eq!(d.outlet.as_deref(), Some("The Stack"));
    assert_eq!(d.date.as_deref(), Some("2015-05-14"));
    assert!(d.text.starts_with("Chinese e-retail group Alibaba"));
    assert!(d.text.ends_with("he said."));
    let tail: Vec<&str> = d
        .removed
        .iter()
        .rev()
        .take(2)
        .map(|r| r.reason.as_str())
        .collect();
    assert_eq!(tail, ["corrections", "tags"]);
}

#[test]
fn seed_002_derived_title_self_named_outlet() {
    let d = seed("002");
    assert!(d.title_derived);
    assert!(
        d.title
            .starts_with("Daniel Zhang has only just been appointed CEO of Alibaba")
            && d.title.ends_with('\u{2026}')
    );
    assert_eq!(d.outlet.as_deref(), Some("Payment Eye"));
    assert_eq!(d.date, None);
    assert!(!d.text.contains("Whitepapers") && !d.text.contains("read more"));
    assert!(d
        .text
        .ends_with("stated Ma at the World Economic Forum in Davos in January."));
}

#[test]
fn seed_003_headline_less() {
    let d = seed("003");
    assert_eq!(d.title, "Alibaba wants to go global in a big way.");
    assert!(d.title_derived);
    assert_eq!(
        (d.outlet.as_deref(), d.date.as_deref(), d.byline.as_deref()),
        (None, None, None)
    );
    assert!(d.removed.is_empty());
    assert_eq!(d.paragraphs().len(), 8);
}

#[test]
fn seed_004_metadata_lines() {
    let d = seed("004");
    assert_eq!(
        d.title,
        "Alibaba ramps up investment in overseas markets expansion, CEO says"
    );
    assert_eq!(d.outlet.as_deref(), Some("Global Times"));
    assert_eq!(d.date.as_deref(), Some("2021-12-20T12:35"));
    assert_eq!(d.byline.as_deref(), Some("Wang Jian"));
    assert!(d.text.starts_with("China's e-commerce giant Alibaba"));
    assert!(!d.text.contains("Editor") && !d.text.contains("hangzhou.com.cn"));
}

#[test]
fn seeds_have_clean_paragraph_structure() {
    for d in &seeds().documents {
        assert_invariants(d);
    }
    assert!(Path::new(&seeds_dir()).is_dir());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::cases(200)))]

    #[test]
    fn build_never_panics_and_keeps_invariants(raw in "(\\PC|[\n\r\t\u{200b}\u{200d}\u{feff}\u{202e}\u{0301}\"“”‘’«»\u{a0}#©]|Advertisement\n|Related\n|By [A-Z][a-z]+ [A-Z][a-z]+\n|Thu 14 May 2015\n|\n\n){0,300}") {
        let (doc, _) = build_raw(&raw);
        assert_invariants(&doc);
        prop_assert!(!doc.title.is_empty() || doc.text.is_empty());
    }

    #[test]
    fn build_survives_emoji_rtl_and_combining_marks(words in proptest::collection::vec("[a-zA-Z\u{5d0}-\u{5ea}\u{627}-\u{64a}\u{1F600}-\u{1F64F}\u{300}-\u{36f}]{1,12}", 0..200), breaks in proptest::collection::vec(0usize..4, 0..200)) {
        let mut raw = String::new();
        for (w, b) in words.iter().zip(breaks.iter().chain(std::iter::repeat(&0))) {
            raw.push_str(w);
            raw.push_str(["", " ", "\n", "\n\n"][*b]);
        }
        let (doc, _) = build_raw(&raw);
        assert_invariants(&doc);
    }
}

#[test]
fn very_long_input_is_linear_enough() {
    let para = "Alibaba said on Thursday that it would push into new overseas markets this year. ";
    let raw = format!("{}\n\n", para.repeat(20)).repeat(1500); // ~2.4 MB, over the cap
    let start = std::time::Instant::now();
    let (doc, warnings) = build_raw(&raw);
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
    assert!(warnings.iter().any(|w| w.message.contains("truncated")));
    assert!(doc.text.len() <= 2 * 1024 * 1024);
    let lone_quotes = "\u{201c}".repeat(200_000);
    let (doc, _) = build_raw(&lone_quotes);
    assert_eq!(doc.text.chars().count(), 200_000);
}
