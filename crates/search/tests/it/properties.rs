//! Property tests: no input makes the tokenizer, the query parser, the
//! engine or the snippet builder panic, and every range they return is
//! valid. `PROPTEST_CASES=100000` runs them for longer.

use crate::fixture;
use clippings_core::text::tokenize;
use clippings_core::{Corpus, Document};
use clippings_search::{build_bundle, query, Engine, Field, SearchRequest, SNIPPET_LEN};
use proptest::prelude::*;
use std::borrow::Cow;

/// Text that stresses Unicode handling: emoji, RTL, combining marks, CJK,
/// quotes, operators, and plain words the fixture corpus contains.
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("global".to_string()),
        Just("zulily".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("-".to_string()),
        Just(" OR ".to_string()),
        Just("speaker:".to_string()),
        Just("title:".to_string()),
        Just("year:".to_string()),
        Just("(".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{202E}".to_string()),
        Just("שָׁלוֹם".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("阿里巴巴".to_string()),
        Just("$1trillion".to_string()),
        Just("10%".to_string()),
        Just("\u{200B}".to_string()),
        Just(" ".to_string()),
        any::<String>(),
        "\\PC{0,12}",
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn tokens_are_valid_ranges_in_order(text in nasty()) {
        let tokens = tokenize(&text);
        let mut last = 0;
        for t in &tokens {
            prop_assert!(t.start <= t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert!(!t.form.is_empty());
            prop_assert!(t.position >= last || t.joined);
            if !t.joined { last = t.position; }
        }
    }

    #[test]
    fn queries_never_panic_and_hints_point_inside(q in nasty()) {
        let parsed = query::parse(&q);
        for h in &parsed.hints {
            prop_assert!(h.start <= h.end && h.end <= q.len());
        }
        for c in &parsed.clauses {
            prop_assert!(c.start <= c.end && c.end <= q.len());
        }
        let engine = fixture::engine();
        let r = engine.search(&SearchRequest::new(q.clone()));
        for hit in r.hits.iter().take(3) {
            let doc = engine.document(hit.doc).unwrap();
            let s = engine.snippet(hit.doc, &r.compiled, SNIPPET_LEN);
            prop_assert_eq!(&doc.text[s.start..s.start + s.text.len()], s.text.as_str());
            for &(a, b) in &s.highlights {
                prop_assert!(a <= b && b <= s.text.len() && s.text.is_char_boundary(a) && s.text.is_char_boundary(b));
            }
            let html = s.to_html();
            prop_assert!(!html.contains("<script"));
        }
    }

    #[test]
    fn any_document_indexes_and_highlights(text in nasty(), title in nasty(), q in nasty()) {
        let corpus = Corpus {
            documents: vec![Document {
                id: "x".into(),
                title: title.clone(),
                text: Cow::Owned(text.clone()),
                ..Default::default()
            }],
            ..Default::default()
        };
        let bytes = build_bundle(&corpus);
        let engine = Engine::open(&bytes).unwrap();
        let r = engine.search(&SearchRequest::new(q));
        for field in [Field::Title, Field::Body] {
            let source = if field == Field::Title { &title } else { &text };
            for s in engine.highlights(0, &r.compiled, field) {
                prop_assert!(s.start <= s.end && s.end() <= source.len());
                prop_assert!(source.is_char_boundary(s.start()) && source.is_char_boundary(s.end()));
            }
        }
        let s = engine.snippet(0, &r.compiled, 60);
        prop_assert_eq!(&text[s.start..s.start + s.text.len()], s.text.as_str());
    }

    #[test]
    fn corrupt_bundles_are_errors_not_panics(cut in 0usize..4000, flip in any::<u8>(), at in any::<usize>()) {
        let mut bytes = fixture::bundle().to_vec();
        if !bytes.is_empty() {
            let i = at % bytes.len();
            bytes[i] ^= flip;
        }
        bytes.truncate(bytes.len().saturating_sub(cut));
        if let Ok(engine) = Engine::open(&bytes) {
            let _ = engine.search(&SearchRequest::new("global zulily \"global buy\" zul"));
        }
    }
}

#[test]
fn a_ten_thousand_character_query() {
    let engine = fixture::engine();
    let q = "global \"zulily ".repeat(700) + &"-".repeat(1000) + &"é".repeat(2000);
    let r = engine.search(&SearchRequest::new(q));
    assert!(r.hits.len() <= engine.doc_count());
}
