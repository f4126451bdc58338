//! Every query feature, as `check(query, expected ids in rank order)`.

use crate::fixture::{engine, ids, search, search_with};
use clippings_search::{Explanation, FacetKind, Field, Selection, Sort, SNIPPET_LEN};

/// The hits for `query` are exactly `expected`, in this order.
fn check(query: &str, expected: &[&str]) {
    let e = engine();
    let r = search(&e, query);
    assert_eq!(
        ids(&e, &r),
        expected,
        "hits for {query:?} (hints {:?})",
        r.hints
    );
}

/// Why `query` ranks the article `doc_id` where it does.
fn explained(query: &str, doc_id: &str) -> Explanation {
    let e = engine();
    let r = search_with(&e, query, vec![], Sort::Relevance);
    let hit = r
        .hits
        .iter()
        .find(|h| e.document(h.doc).unwrap().id == doc_id)
        .unwrap_or_else(|| panic!("{doc_id} not found for {query:?}"));
    *hit.explain.clone().expect("hits are explained")
}

/// The hits for `query` are exactly these, in any order.
fn check_set(query: &str, expected: &[&str]) {
    let e = engine();
    let r = search(&e, query);
    let mut got = ids(&e, &r);
    got.sort();
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "hits for {query:?} (hints {:?})", r.hints);
}

#[test]
fn terms_are_anded() {
    check_set("alibaba stake ", &["zulily"]);
    check_set("coffee ", &["cafe", "cafe-plain"]);
}

#[test]
fn phrases_anywhere_in_the_query() {
    check_set("\"global buy\" ", &["zulily"]);
    check_set("alibaba \"global sell\" stake ", &["zulily"]);
    // The words occur in `far` but not together.
    check_set("\"global buy\" ", &["zulily"]);
    check_set("global buy ", &["zulily", "far"]);
}

#[test]
fn exclusion_of_words_and_phrases() {
    check_set("alibaba -zulily ", &["gmv"]);
    // gmv matches through the stem of "globalize".
    check_set("global -\"global buy\" ", &["far", "gmv"]);
    check_set("coffee -cafe ", &[]);
}

#[test]
fn or_between_words() {
    check_set("zulily OR trillion ", &["zulily", "gmv"]);
    check_set("(zulily OR trillion) alibaba ", &["zulily", "gmv"]);
}

#[test]
fn field_scopes() {
    check_set("title:zulily ", &["zulily"]);
    check_set("title:coffee ", &[]);
    check_set("quote:global ", &["zulily"]);
    check_set("quote:markets ", &[]);
    check_set("speaker:\"Jack Ma\"", &["gmv"]);
    check_set("speaker:zhang", &["zulily"]);
    check_set("outlet:ledger", &["zulily", "gmv"]);
    check_set("-outlet:ledger -outlet:wire", &["cafe", "cafe-plain"]);
    check_set("org:zulily", &["zulily"]);
    check_set("person:\"zhang yong\"", &["zulily"]);
    check_set("place:lodz", &["cafe"]);
}

#[test]
fn dates() {
    check_set("year:2015", &["cafe", "zulily"]);
    check_set("after:2016-01-01", &["cafe-plain", "gmv"]);
    check_set("before:2015", &["far"]);
    check_set("after:2015-05 before:2015-06", &["cafe", "zulily"]);
}

#[test]
fn spelling_variants_diacritics_and_stems() {
    // organise = organize; globalise finds globalize.
    check_set("organise ", &["cafe", "cjk"]);
    // The variant ranks first; plain "global" matches through the stem.
    check("globalise ", &["gmv", "zulily", "far"]);
    check_set("centre ", &["cafe", "cafe-plain"]);
    // Diacritics fold, and the exact form ranks first.
    check("cafe ", &["cafe-plain", "cafe"]);
    check("café ", &["cafe", "cafe-plain"]);
    check_set("lodz ", &["cafe"]);
    // Possessives and compounds.
    check_set("alibaba's ", &["zulily", "gmv"]);
    check_set("ecommerce ", &["zulily", "gmv"]);
    check_set("e-commerce ", &["zulily", "gmv"]);
    // "ecommerce" is one edit away: a weaker, fuzzy match.
    check("commerce ", &["zulily", "gmv"]);
}

#[test]
fn numbers_and_money() {
    check_set("\"$1 trillion\"", &["gmv"]);
    check_set("$1trillion ", &["gmv"]);
    check_set("\"10 percent\"", &["zulily", "cafe-plain"]);
    check_set("10% ", &["zulily", "cafe-plain"]);
}

#[test]
fn cjk_inside_a_longer_run() {
    check_set("巴巴 ", &["cjk"]);
    check_set("集团", &["cjk"]);
    check_set("巴集 ", &["cjk"]);
    check_set("团巴 ", &[]);
}

#[test]
fn prefix_while_typing_and_typo_tolerance() {
    check_set("zul", &["zulily"]);
    check_set("seatt", &["zulily"]);
    // A finished word (space after) is not a prefix.
    check_set("zul ", &[]);
    check_set("Zulliy ", &["zulily"]);
    check_set("tastngs ", &["cafe"]);
    // Two edits for long words only.
    check_set("consumrse ", &["gmv"]);
    check_set("cofe ", &["cafe", "cafe-plain"]);
    check_set("caf ", &[]);
}

#[test]
fn exact_beats_stemmed_beats_prefix_beats_fuzzy() {
    let e = engine();
    // `organized` (exact) in cjk vs `organise` (stem/variant) in cafe.
    let r = search(&e, "organized ");
    assert_eq!(ids(&e, &r)[0], "cjk");
    let kinds = |q: &str, doc: &str| explained(q, doc).clauses[0].kinds.clone();
    // cjk also has "Organizations", a stemmed match.
    assert_eq!(kinds("organized ", "cjk"), ["exact", "stemmed"]);
    assert_eq!(kinds("organise ", "cafe"), ["exact"]);
    assert_eq!(kinds("organise ", "cjk"), ["stemmed"]);
    assert_eq!(kinds("globalise ", "gmv"), ["variant"]);
    assert_eq!(kinds("zuli", "zulily"), ["prefix"]);
    assert_eq!(kinds("Zulliy ", "zulily"), ["fuzzy"]);
}

#[test]
fn proximity_ranks_words_close_together_higher() {
    let e = engine();
    let r = search_with(&e, "global buy ", vec![], Sort::Relevance);
    assert_eq!(ids(&e, &r), ["zulily", "far"]);
    let top = r.hits[0].explain.as_ref().unwrap();
    let far = r.hits[1].explain.as_ref().unwrap();
    assert!(top.proximity_factor > far.proximity_factor);
}

#[test]
fn partial_matches_when_nothing_matches_everything() {
    let e = engine();
    let r = search(&e, "zulily xylophone ");
    assert!(r.partial);
    assert_eq!(ids(&e, &r), ["zulily"]);
    assert!(
        r.hints.iter().any(|h| h.message.contains("xylophone")),
        "{:?}",
        r.hints
    );
    let none = search(&e, "xylophone ");
    assert!(none.hits.is_empty() && !none.partial);
}

#[test]
fn partial_match_hint_lists_punctuation_as_a_missing_word() {
    // Regression: a clause with no words (`>`) counted as a word no article
    // contains, made the query partial and was named in the hint.
    let e = engine();
    let r = search(&e, "zulily > ");
    assert!(!r.partial, "{:?}", r.hints);
    assert_eq!(ids(&e, &r), ["zulily"]);
    assert!(
        r.hints.iter().all(|h| !h.message.contains('>')),
        "{:?}",
        r.hints
    );
    let r = search(&e, "zulily xylophone > ");
    assert!(r.partial);
    let hint = r
        .hints
        .iter()
        .find(|h| h.message.contains("xylophone"))
        .expect("partial hint");
    assert!(!hint.message.contains('>'), "{:?}", hint.message);
    assert!(search(&e, "> ").hits.is_empty());
}

#[test]
fn suggestion_for_a_misspelt_query() {
    let e = engine();
    assert_eq!(search(&e, "Zulliy ").suggestion.as_deref(), Some("zulily"));
    assert_eq!(search(&e, "zulily ").suggestion, None);
}

#[test]
fn quote_results_find_who_said_it() {
    let e = engine();
    let speakers = |q: &str| -> Vec<String> {
        search(&e, q)
            .quotes
            .iter()
            .map(|h| {
                e.corpus.quotes[h.quote as usize]
                    .speaker
                    .clone()
                    .unwrap_or_default()
            })
            .collect()
    };
    assert_eq!(speakers("global sell "), ["Daniel Zhang"]);
    assert_eq!(speakers("consumers "), ["Jack Ma"]);
    assert_eq!(speakers("speaker:\"Jack Ma\""), ["Jack Ma"]);
    // Words of the speaker's name count for the quote.
    assert_eq!(speakers("zhang goal "), ["Daniel Zhang"]);
    assert!(speakers("markets ").is_empty());
}

#[test]
fn facet_counts_filtered_and_total() {
    let e = engine();
    let outlet = |sel: Vec<Selection>, q: &str| {
        let r = search_with(&e, q, sel, Sort::Relevance);
        let f = r
            .facets
            .iter()
            .find(|f| f.kind == FacetKind::Outlet)
            .unwrap()
            .clone();
        f.values
            .iter()
            .map(|v| (f.name(v).to_string(), v.count, v.total))
            .collect::<Vec<_>>()
    };
    let counts = outlet(vec![], "alibaba OR coffee ");
    assert!(counts.contains(&("The Ledger".into(), 2, 2)));
    assert!(counts.contains(&("Daily Planet".into(), 2, 2)));
    // Selecting The Ledger: Daily Planet counts 0 in results, 2 if it replaced it.
    let sel = vec![Selection {
        facet: Some(FacetKind::Outlet),
        include: vec!["The Ledger".into()],
        exclude: vec![],
    }];
    let counts = outlet(sel, "alibaba OR coffee ");
    assert!(counts.contains(&("The Ledger".into(), 2, 2)));
    assert!(counts.contains(&("Daily Planet".into(), 0, 2)));
}

#[test]
fn facet_values_absent_from_results_and_totals_are_left_out() {
    let e = engine();
    let outlets = |sel: Vec<Selection>, q: &str| -> Vec<(String, usize, usize, bool)> {
        search_with(&e, q, sel, Sort::Relevance)
            .facets
            .iter()
            .find(|f| f.kind == FacetKind::Outlet)
            .map(|f| {
                f.values
                    .iter()
                    .map(|v| (f.name(v).to_string(), v.count, v.total, v.excluded))
                    .collect()
            })
            .unwrap_or_default()
    };
    // "coffee" is only in Daily Planet articles: no other outlet is listed.
    let only = outlets(vec![], "coffee ");
    assert_eq!(only.len(), 1, "{only:?}");
    assert_eq!(only[0].0, "Daily Planet");
    assert!(only[0].1 > 0);
    // An excluded value stays listed (so it can be un-excluded): none in the
    // results, both if the exclusion were lifted.
    let sel = vec![Selection {
        facet: Some(FacetKind::Outlet),
        include: vec![],
        exclude: vec!["Daily Planet".into()],
    }];
    let excluded = outlets(sel, "coffee ");
    assert!(
        excluded.contains(&("Daily Planet".into(), 0, 2, true)),
        "{excluded:?}"
    );
}

#[test]
fn facet_values_keep_the_facets_own_order() {
    // Years and months are shown in this order (newest first), not by count.
    let e = engine();
    for q in ["", "alibaba ", "alibaba OR coffee "] {
        let r = search(&e, q);
        for counts in &r.facets {
            let own: Vec<&str> = e
                .facet(counts.kind)
                .unwrap()
                .values
                .iter()
                .map(|v| v.name.as_str())
                .collect();
            let listed: Vec<&str> = counts.values.iter().map(|v| counts.name(v)).collect();
            let mut in_own_order = listed.clone();
            in_own_order.sort_by_key(|name| own.iter().position(|o| o == name));
            assert_eq!(listed, in_own_order, "{:?} for {q:?}", counts.kind);
            assert!(listed.iter().all(|name| own.contains(name)));
        }
    }
}

#[test]
fn facet_selections_or_within_and_across_and_exclude() {
    let e = engine();
    let run = |sel: Vec<Selection>| {
        let mut v = ids(&e, &search_with(&e, "", sel, Sort::Relevance));
        v.sort();
        v
    };
    let sel = |facet, include: &[&str], exclude: &[&str]| Selection {
        facet: Some(facet),
        include: include.iter().map(|s| s.to_string()).collect(),
        exclude: exclude.iter().map(|s| s.to_string()).collect(),
    };
    assert_eq!(
        run(vec![sel(FacetKind::Outlet, &["Wire", "The Ledger"], &[])]),
        ["cjk", "far", "gmv", "zulily"]
    );
    assert_eq!(
        run(vec![
            sel(FacetKind::Outlet, &["Wire", "The Ledger"], &[]),
            sel(FacetKind::Year, &["2015"], &[])
        ]),
        ["zulily"]
    );
    assert_eq!(
        run(vec![sel(FacetKind::Outlet, &[], &["Wire", "The Ledger"])]),
        ["cafe", "cafe-plain"]
    );
    assert_eq!(
        run(vec![sel(FacetKind::HasQuotes, &["no"], &[])]),
        ["cafe-plain", "cjk", "far"]
    );
    assert_eq!(
        run(vec![sel(FacetKind::Speaker, &["Jack Ma"], &[])]),
        ["gmv"]
    );
}

#[test]
fn sort_by_date_puts_undated_last() {
    let e = engine();
    let newest = ids(&e, &search_with(&e, "", vec![], Sort::Newest));
    assert_eq!(
        newest,
        ["gmv", "cafe-plain", "zulily", "cafe", "far", "cjk"]
    );
    let oldest = ids(&e, &search_with(&e, "", vec![], Sort::Oldest));
    assert_eq!(
        oldest,
        ["far", "cafe", "zulily", "cafe-plain", "gmv", "cjk"]
    );
}

#[test]
fn highlights_are_exact_byte_ranges() {
    let e = engine();
    let check_marks = |q: &str, doc: &str, field: Field, expected: &[&str]| {
        let r = search(&e, q);
        let d = e.corpus.documents.iter().position(|x| x.id == doc).unwrap() as u32;
        let text = match field {
            Field::Title => e.document(d).unwrap().title.clone(),
            Field::Body => e.document(d).unwrap().text.to_string(),
        };
        let got: Vec<&str> = e
            .highlights(d, &r.compiled, field)
            .iter()
            .map(|s| s.slice(&text))
            .collect();
        assert_eq!(got, expected, "marks for {q:?} in {doc}");
    };
    check_marks("\"global buy\" ", "zulily", Field::Body, &["Global buy"]);
    check_marks("lodz ", "cafe", Field::Body, &["Łódź"]);
    check_marks("lodz ", "cafe", Field::Title, &["Łódź"]);
    check_marks("ecommerce ", "zulily", Field::Body, &["e-commerce"]);
    check_marks("\"$1 trillion\"", "gmv", Field::Body, &["$1trillion"]);
    check_marks("巴巴 ", "cjk", Field::Body, &["巴巴"]);
    check_marks("title:zulily ", "zulily", Field::Body, &[]);
    check_marks(
        "quote:global ",
        "zulily",
        Field::Body,
        &["Global", "global"],
    );
}

#[test]
fn snippets_show_the_matching_quote_and_escape() {
    let e = engine();
    let r = search(&e, "consumers ");
    let hit = &r.hits[0];
    let s = e.snippet(hit.doc, &r.compiled, SNIPPET_LEN);
    assert_eq!(s.text, "“We can serve 2 billion consumers.”");
    let at = s.text.find("consumers").unwrap();
    assert_eq!(s.highlights, vec![(at, at + "consumers".len())]);
    assert!(s.to_html().contains("<mark>consumers</mark>"));
    let doc = e.document(hit.doc).unwrap();
    assert_eq!(&doc.text[s.start..s.start + s.text.len()], s.text);
}

#[test]
fn explanations_break_the_score_down() {
    let e = engine();
    let r = search_with(&e, "zulily stake ", vec![], Sort::Relevance);
    let ex = r.hits[0].explain.as_ref().unwrap();
    assert_eq!(ex.clauses.len(), 2);
    assert!(ex.clauses.iter().all(|c| c.score > 0.0 && c.idf > 0.0));
    assert!(ex.clauses[0].tf.title > 0.0, "zulily is in the title");
    let sum: f32 = ex.clauses.iter().map(|c| c.score).sum();
    assert!((sum * ex.proximity_factor - ex.total).abs() < 1e-4);
}

/// A word's weighted frequencies `[title, body, quote, entity]` in one
/// article, from its explanation.
fn check_tf(query: &str, doc_id: &str, expected: [f32; 4]) {
    let tf = explained(query, doc_id).clauses[0].tf;
    assert_eq!(
        [tf.title, tf.body, tf.quote, tf.entity],
        expected,
        "{query:?} in {doc_id}"
    );
}

#[test]
fn field_frequencies_count_each_occurrence_in_its_fields() {
    // Plain body text (the index flags such postings and counts them
    // without reading their positions), then each kind of marked text.
    check_tf("company ", "zulily", [0.0, 1.0, 0.0, 0.0]);
    check_tf("coffee ", "cafe", [0.0, 1.0, 0.0, 0.0]);
    check_tf("goal ", "zulily", [0.0, 1.0, 1.0, 0.0]);
    check_tf("global ", "zulily", [0.0, 2.0, 2.0, 0.0]);
    check_tf("seattle ", "zulily", [0.0, 1.0, 0.0, 1.0]);
    check_tf("stake ", "zulily", [1.0, 1.0, 0.0, 0.0]);
    // Scopes: a plain occurrence is in no title and no quote.
    check("title:company", &[]);
    check("quote:company", &[]);
    check("quote:goal", &["zulily"]);
}

#[test]
fn bad_syntax_still_searches_and_hints() {
    let e = engine();
    for q in [
        "\"global buy",
        "- zulily",
        "speaker:",
        "year:soon zulily",
        "OR",
        "foo:bar zulily",
        "(((",
    ] {
        let r = search(&e, q);
        assert!(!r.hints.is_empty(), "{q:?} gives a hint");
    }
    assert_eq!(ids(&e, &search(&e, "\"global buy")), ["zulily"]);
}
