//! Tests for the ingest stage: every input format, the manifest, ids, and
//! every kind of bad input, through `read_dir` on a fixture folder and
//! `read_files` on in-memory files.

use crate::support::{fixtures_dir, seeds_dir};
use clippings_analysis::document::build;
use clippings_analysis::ingest::{read_dir, read_files, AnalyzeError, MAX_ARTICLE_BYTES};
use clippings_analysis::{analyze_dir, Article};
use clippings_core::Warning;
use proptest::prelude::*;

fn corpus_dir() -> std::path::PathBuf {
    fixtures_dir().join("ingest/corpus")
}

fn read(files: &[(&str, &[u8])]) -> (Vec<Article>, Vec<Warning>) {
    read_files(files.iter().map(|(p, b)| (*p, *b))).expect("at least one article")
}

fn find<'a>(articles: &'a [Article], id: &str) -> &'a Article {
    articles.iter().find(|a| a.id == id).unwrap_or_else(|| {
        panic!(
            "no article {id} in {:?}",
            articles.iter().map(|a| &a.id).collect::<Vec<_>>()
        )
    })
}

/// The warnings about `path` must mention each of `needles`, in order.
fn check_warnings(warnings: &[Warning], path: &str, needles: &[&str]) {
    let about: Vec<&str> = warnings
        .iter()
        .filter(|w| w.path == path)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(about.len(), needles.len(), "warnings for {path}: {about:?}");
    for (message, needle) in about.iter().zip(needles) {
        assert!(
            message.contains(needle),
            "{path}: {message:?} should mention {needle:?}"
        );
    }
}

#[test]
fn fixture_folder_reads_every_format_in_path_order() {
    let (articles, warnings) = read_dir(&corpus_dir()).expect("fixture corpus");
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "a_wire",
            "b_feed#1",
            "b_feed#2",
            "c_feed#1",
            "c_feed#4",
            "d_post",
            "e_plain",
            "sub/e_plain"
        ]
    );
    let paths: Vec<&str> = articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths[1], "b_feed.csv#1");
    assert_eq!(paths[7], "sub/e_plain.txt");

    // html: metadata from JSON-LD / meta, body without furniture.
    let html = find(&articles, "a_wire");
    assert_eq!(html.title.as_deref(), Some("Alibaba CEO vows global push"));
    assert_eq!(html.outlet.as_deref(), Some("Example Wire"));
    assert_eq!(html.date.as_deref(), Some("2015-05-14T08:15"));
    assert_eq!(html.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(
        html.url.as_deref(),
        Some("https://wire.example.com/alibaba-global-push")
    );
    assert!(html
        .raw
        .contains("\u{201c}We must absolutely globalize,\u{201d} Zhang said"));
    for furniture in [
        "Home",
        "cookies",
        "Share on",
        "Related",
        "Tags:",
        "All rights",
        "analytics",
        "font-family",
        "Photo:",
    ] {
        assert!(
            !html.raw.contains(furniture),
            "html body kept {furniture:?}: {}",
            html.raw
        );
    }

    // csv: columns mapped case-insensitively, standfirst prepended.
    let row = find(&articles, "b_feed#1");
    assert_eq!(row.title.as_deref(), Some("Alibaba eyes overseas growth"));
    assert_eq!(row.date.as_deref(), Some("2015-05-14"));
    assert_eq!(row.outlet.as_deref(), Some("Daily Ledger"));
    assert_eq!(row.byline.as_deref(), Some("John Roe"));
    assert_eq!(
        row.url.as_deref(),
        Some("https://ledger.example.com/alibaba")
    );
    assert!(row
        .raw
        .starts_with("The e-commerce group wants to go global.\n\nAlibaba's new CEO"));

    // jsonl: nested source, author array, ISO timestamp.
    let line = find(&articles, "c_feed#1");
    assert_eq!(line.outlet.as_deref(), Some("Newswire Daily"));
    assert_eq!(line.byline.as_deref(), Some("Ann Lee, Bo Chen"));
    assert_eq!(line.date.as_deref(), Some("2015-05-15T09:00"));
    assert_eq!(
        find(&articles, "c_feed#4").date.as_deref(),
        Some("2015-05-16")
    );

    // markdown: front matter, H1 dropped, syntax stripped.
    let md = find(&articles, "d_post");
    assert_eq!(
        md.title.as_deref(),
        Some("What Alibaba's global push means")
    );
    assert_eq!(md.outlet.as_deref(), Some("Trade Notes"));
    assert_eq!(md.byline.as_deref(), Some("Priya Natarajan"));
    assert_eq!(md.date.as_deref(), Some("2015-05-16"));
    assert!(md.raw.starts_with(
        "Alibaba's new CEO wants the company to go global, and small exporters on AliExpress could"
    ));
    assert!(!md.raw.contains(['*', '#', '[', '!']), "{}", md.raw);

    // The manifest overrides what the files say.
    let plain = find(&articles, "e_plain");
    assert_eq!(plain.outlet.as_deref(), Some("Hand-Set Gazette"));
    assert_eq!(plain.date.as_deref(), Some("2015-05-13"));
    assert_eq!(
        find(&articles, "b_feed#2").title.as_deref(),
        Some("Alibaba's $1 trillion goal")
    );

    check_warnings(&warnings, "b_feed.csv", &["unknown column"]);
    check_warnings(&warnings, "b_feed.csv#3", &["no article text"]);
    check_warnings(
        &warnings,
        "c_feed.jsonl",
        &["unknown field(s) ignored: urlToImage"],
    );
    check_warnings(&warnings, "c_feed.jsonl#3", &["invalid JSON"]);
    check_warnings(
        &warnings,
        "clippings.toml",
        &["unknown key \u{201c}mood\u{201d}", "missing.txt"],
    );
    check_warnings(&warnings, "sub/e_plain.txt", &["already used"]);
    check_warnings(&warnings, "README.md", &[]);
    assert_eq!(warnings.len(), 7, "{warnings:?}");
}

#[test]
fn fixture_folder_analyses_end_to_end() {
    let corpus = analyze_dir(&corpus_dir()).expect("analyses");
    let wire = corpus
        .documents
        .iter()
        .find(|d| d.id == "a_wire")
        .expect("html doc");
    assert_eq!(wire.title, "Alibaba CEO vows global push");
    assert!(wire.text.starts_with("HANGZHOU (Example Wire)"));
    let removed: Vec<&str> = wire.removed.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(removed, ["headline", "byline", "dateline"]);
}

#[test]
fn seeds_read_as_five_text_articles() {
    let (articles, warnings) = read_dir(&seeds_dir()).expect("seeds");
    assert_eq!(articles.len(), 5);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(articles[0].id, "000_b2abc250ed22bb5d");
    assert_eq!(articles[0].path, "000_b2abc250ed22bb5d.txt");
    assert!(articles
        .iter()
        .all(|a| a.title.is_none() && a.date.is_none()));
}

#[test]
fn folder_errors_name_the_folder() {
    let missing = fixtures_dir().join("no-such-folder");
    let err = read_dir(&missing).expect_err("missing");
    assert!(matches!(err, AnalyzeError::NotFound(_)));
    assert!(
        err.to_string().contains("no-such-folder") && err.to_string().contains("no such folder")
    );

    let file = corpus_dir().join("e_plain.txt");
    let err = read_dir(&file).expect_err("a file");
    assert!(matches!(err, AnalyzeError::NotADirectory(_)));
    assert!(err.to_string().contains("e_plain.txt"));

    let err = read_files([("empty.txt", "   \n"), ("pic.png", "x")]).expect_err("nothing usable");
    let shown = err.to_string();
    assert!(matches!(err, AnalyzeError::NoArticles(_, _)));
    assert!(
        shown.contains("no usable article") && shown.contains("empty.txt: empty file"),
        "{shown}"
    );
}

#[test]
fn bad_files_cost_a_warning_each_and_nothing_else() {
    let good = b"Alibaba said it would push into new overseas markets this year.".as_slice();
    let mut invalid = b"Alibaba\xe2\x80\x99s plans: caf".to_vec();
    invalid.extend_from_slice(b"\xff\xfe and more text here.");
    let (articles, warnings) = read(&[
        ("good.txt", good),
        ("empty.txt", b""),
        ("blank.md", b"  \n\t\r\n  "),
        ("nul.txt", b"text\0with\0nuls"),
        ("doc.pdf.txt", b"%PDF-1.4 binary"),
        ("bad-utf8.txt", &invalid),
        (
            "latin1.txt",
            b"Caf\xe9 society and na\xefve \x93quotes\x94 in an old file.",
        ),
        ("image.jpg", b"\xff\xd8\xff"),
        ("slides.pptx", b"PK"),
        ("noext", b"text"),
        (".hidden.txt", b"hidden"),
        ("notes/README.txt", b"not an article"),
    ]);
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["bad-utf8", "good", "latin1"]);
    check_warnings(&warnings, "empty.txt", &["empty file"]);
    check_warnings(&warnings, "blank.md", &["empty file"]);
    check_warnings(&warnings, "nul.txt", &["not text"]);
    check_warnings(&warnings, "doc.pdf.txt", &["PDF"]);
    check_warnings(&warnings, "bad-utf8.txt", &["offset 22"]);
    check_warnings(&warnings, "latin1.txt", &["Windows-1252"]);
    check_warnings(&warnings, "slides.pptx", &["unsupported file type (.pptx)"]);
    check_warnings(
        &warnings,
        "noext",
        &["unsupported file type (no extension)"],
    );
    check_warnings(&warnings, ".", &["1 image/style/script/media"]);
    check_warnings(&warnings, ".hidden.txt", &[]);
    check_warnings(&warnings, "notes/README.txt", &[]);
    assert!(find(&articles, "bad-utf8").raw.contains('\u{fffd}'));
    assert_eq!(
        find(&articles, "latin1").raw,
        "Caf\u{e9} society and na\u{ef}ve \u{201c}quotes\u{201d} in an old file."
    );
}

#[test]
fn line_endings_boms_and_utf16_are_normalised_quietly() {
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Alibaba goes global in a UTF-16 file.".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let (articles, warnings) = read(&[
        (
            "bom.txt",
            "\u{feff}Alibaba goes global with a BOM.".as_bytes(),
        ),
        (
            "crlf.txt",
            b"Line one of the story.\r\nLine two.\rLine three.\r\n",
        ),
        ("wide.txt", &utf16),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        find(&articles, "bom").raw,
        "Alibaba goes global with a BOM."
    );
    assert_eq!(
        find(&articles, "wide").raw,
        "Alibaba goes global in a UTF-16 file."
    );
    let corpus = clippings_analysis::analyze_articles(articles, warnings);
    let crlf = corpus
        .documents
        .iter()
        .find(|d| d.id == "crlf")
        .expect("crlf");
    assert_eq!(
        crlf.text,
        "Line one of the story.\n\nLine two.\n\nLine three."
    );
}

#[test]
fn duplicates_keep_the_first_unless_outlets_differ() {
    let text = b"Alibaba said it would push into new overseas markets this year.".as_slice();
    let (articles, warnings) = read(&[
        ("a.txt", text),
        ("b.txt", b"Alibaba said it would push into new overseas\n\nmarkets this year.   "),
        ("c.csv", b"outlet,text\nOther Paper,Alibaba said it would push into new overseas markets this year.\n"),
        ("clippings.toml", b"[\"a.txt\"]\noutlet = \"First Paper\"\n"),
    ]);
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "c#1"]);
    check_warnings(&warnings, "b.txt", &["duplicate of a.txt"]);
    check_warnings(&warnings, "c.csv#1", &["same text as a.txt"]);
}

#[test]
fn oversized_file_is_cut_at_the_limit_with_a_warning() {
    let line = "Alibaba said it would push into new overseas markets this year.\n";
    let big = line.repeat(50 * 1024 * 1024 / line.len()); // ~50 MB
    let start = std::time::Instant::now();
    let (articles, warnings) = read(&[("big.txt", big.as_bytes())]);
    assert!(articles[0].raw.len() <= MAX_ARTICLE_BYTES);
    check_warnings(&warnings, "big.txt", &["only the first"]);
    let mut warnings = warnings;
    let doc = build(articles.into_iter().next().expect("one"), &mut warnings);
    assert!(doc.text.starts_with("Alibaba said"));
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

#[test]
fn oversized_file_on_disk_is_streamed_not_loaded() {
    let dir = std::env::temp_dir().join(format!("clippings-ingest-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("big.txt");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&path).expect("create");
        let line = "Alibaba said it would push into new overseas markets this year.\n".repeat(1000);
        for _ in 0..80 {
            f.write_all(line.as_bytes()).expect("write");
        }
    }
    let result = read_dir(&dir);
    std::fs::remove_dir_all(&dir).ok();
    let (articles, warnings) = result.expect("reads");
    assert!(articles[0].raw.len() <= MAX_ARTICLE_BYTES);
    assert!(
        warnings[0].message.contains("bytes; only the first"),
        "{warnings:?}"
    );
}

#[test]
fn csv_variants() {
    let (articles, warnings) = read(&[
        ("semi.csv", b"Headline;Body;Pubdate\nA title;Some text of the article here.;14 May 2015\n"),
        ("tabs.tsv", b"title\tcontent\tdate\nT\tTabbed text of the article.\tnot a date\n"),
        ("nobody.csv", b"title,summary\nA,B\n"),
        ("quoted.csv", "\u{feff}\"Title\",\"Text\"\n\"Zhang, CEO\",\"He said: \"\"We must globalize.\"\"\nSecond line.\"\n".as_bytes()),
    ]);
    assert_eq!(
        find(&articles, "semi#1").date.as_deref(),
        Some("2015-05-14")
    );
    assert_eq!(find(&articles, "tabs#1").raw, "Tabbed text of the article.");
    assert_eq!(find(&articles, "tabs#1").date, None);
    check_warnings(&warnings, "tabs.tsv#1", &["not understood"]);
    check_warnings(&warnings, "nobody.csv", &["no text column"]);
    let quoted = find(&articles, "quoted#1");
    assert_eq!(quoted.title.as_deref(), Some("Zhang, CEO"));
    assert_eq!(quoted.raw, "He said: \"We must globalize.\"\nSecond line.");
}

#[test]
fn json_and_jsonl_shapes() {
    let (articles, warnings) = read(&[
        ("list.json", b"[{\"title\": \"One\", \"text\": \"First text.\"}, 3, {\"title\": \"No body\"}]"),
        ("wrapped.json", b"{\"articles\": [{\"content\": \"From a news API export.\", \"publishedAt\": \"2015-05-14T00:00:00Z\"}]}"),
        ("lines.ndjson", b"{\"text\": \"Line one.\"}\n[1, 2]\n"),
    ]);
    assert_eq!(find(&articles, "list#1").title.as_deref(), Some("One"));
    assert_eq!(
        find(&articles, "wrapped#1").date.as_deref(),
        Some("2015-05-14")
    );
    assert_eq!(find(&articles, "lines#1").raw, "Line one.");
    check_warnings(&warnings, "list.json#2", &["not a JSON object"]);
    check_warnings(&warnings, "list.json#3", &["no article text"]);
    check_warnings(&warnings, "lines.ndjson#2", &["not a JSON object"]);
}

#[test]
fn html_fallbacks_without_article_element() {
    let page = [
        r#"<html><head><title>Zhang speaks | Site</title><meta charset="windows-1252"></head><body>
        <div id="menu"><a>Home</a></div>
        <div class="content"><div class="story"><p>First paragraph of a story in a plain div layout, long enough.</p>
        <p>Second paragraph with caf"#.as_bytes(),
        b"\xe9",
        br#" in Latin-1.</p><h2>Subhead</h2><p>Third.</p></div></div>
        <div class="sidebar"><p>Sidebar text that is not the story.</p></div></body></html>"#,
    ]
    .concat();
    let page = page.as_slice();
    let (articles, warnings) = read(&[("page.htm", page)]);
    let a = &articles[0];
    assert_eq!(a.title.as_deref(), Some("Zhang speaks | Site"));
    assert_eq!(
        a.raw,
        "First paragraph of a story in a plain div layout, long enough.\n\nSecond paragraph with caf\u{e9} in Latin-1.\n\nSubhead\n\nThird."
    );
    check_warnings(&warnings, "page.htm", &["Windows-1252"]);
    let err = read_files([("empty.html", "<html><body><nav>Menu</nav></body></html>")])
        .expect_err("no text");
    assert!(err.to_string().contains("no article text found"), "{err}");
}

#[test]
fn manifest_keys_by_path_or_id_and_empty_means_unknown() {
    let page = b"The Stack Archive\n\nHeadline here for the test\n\nThu 14 May 2015\n\nBody text of the article that is long enough.".as_slice();
    let (articles, warnings) = read(&[
        ("x/a.txt", page),
        ("clippings.toml", b"[a]\noutlet = \"\"\ndate = \"May 15, 2015\"\n\n[\"x/a\"]\nurl = \"https://example.com/a\"\n\n[broken]\n"),
    ]);
    let a = find(&articles, "a");
    assert_eq!(a.outlet.as_deref(), Some(""), "matched by id");
    assert_eq!(a.date.as_deref(), Some("2015-05-15"));
    assert_eq!(a.url, None);
    check_warnings(
        &warnings,
        "clippings.toml",
        &[
            "\u{201c}broken\u{201d} matches no article",
            "\u{201c}x/a\u{201d} matches no article",
        ],
    );
    let (articles, _) = read(&[
        ("x/a.txt", page),
        ("clippings.toml", b"[\"x/a.txt\"]\noutlet = \"\"\n"),
    ]);
    let mut warnings = Vec::new();
    let doc = build(articles.into_iter().next().expect("one"), &mut warnings);
    assert_eq!(doc.outlet, None, "explicitly unknown: no inference");
    assert_eq!(doc.date.as_deref(), Some("2015-05-14"));
}

#[test]
fn unreadable_manifest_is_a_warning() {
    let (articles, warnings) = read(&[
        ("a.txt", b"Some article text here."),
        ("clippings.toml", b"[a.txt\ntitle="),
    ]);
    assert_eq!(articles.len(), 1);
    check_warnings(&warnings, "clippings.toml", &["unreadable manifest"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::cases(64)))]

    #[test]
    fn readers_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000), ext in prop::sample::select(vec!["txt", "md", "html", "csv", "tsv", "jsonl", "json", "toml"])) {
        let name = if ext == "toml" { "clippings.toml".to_string() } else { format!("f.{ext}") };
        let result = read_files([(name.as_str(), bytes.as_slice()), ("ok.txt", b"A readable article.".as_slice())]);
        let (articles, warnings) = result.expect("ok.txt always reads");
        prop_assert!(articles.iter().any(|a| a.id == "ok"));
        let corpus = clippings_analysis::analyze_articles(articles, warnings);
        prop_assert!(!corpus.documents.is_empty());
    }

    #[test]
    fn structured_readers_survive_hostile_text(text in "(\\PC|[\n\r\t\",;{}<>\\[\\]:#&]|<p>|</p>|<article>|<br>|\"text\"|text,title\n|---\n){0,300}", ext in prop::sample::select(vec!["html", "csv", "jsonl", "md"])) {
        let name = format!("f.{ext}");
        let _ = read_files([(name.as_str(), text.as_bytes())]);
    }
}
