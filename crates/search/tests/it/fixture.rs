//! A tiny hand-made corpus with known answers, independent of the analyser.
#![allow(dead_code)]

use clippings_core::{Corpus, Document, Entity, EntityKind, Mention, Quote, Span};
use clippings_search::{build_bundle, Engine, SearchRequest, SearchResults, Selection, Sort};
use std::borrow::Cow;
use std::sync::OnceLock;

/// (id, title, outlet, date, text)
pub const DOCS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "cafe",
        "A café in Łódź",
        "Daily Planet",
        "2015-05-14",
        "The café near the centre of Łódź serves coffee. “We organise tastings every week,” said Anna Kowalska, the owner.",
    ),
    (
        "cafe-plain",
        "Cafe culture",
        "Daily Planet",
        "2016-01-02",
        "Cafe owners in the city center say the cafes are busy. Coffee prices rose 10% this year.",
    ),
    (
        "zulily",
        "Alibaba's stake in Zulily",
        "The Ledger",
        "2015-05-20",
        "Alibaba disclosed a roughly 10 percent stake in Zulily, the Seattle e-commerce company. “Global buy and global sell is the goal,” said Daniel Zhang.",
    ),
    (
        "gmv",
        "A trillion-dollar target",
        "The Ledger",
        "2021-12-20",
        "By 2020 Alibaba wants $1trillion in annual GMV. The ecommerce giant will globalize. Jack Ma said: “We can serve 2 billion consumers.”",
    ),
    (
        "cjk",
        "阿里巴巴集团 news",
        "Wire",
        "",
        "阿里巴巴集团 announced results. Organizations in Hangzhou organized the event.",
    ),
    (
        "far",
        "Unrelated words",
        "Wire",
        "2014-03-01",
        "Global markets fell. Many paragraphs later, traders said they would buy again.",
    ),
];

fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    Span::new(start, start + needle.len())
}

/// Quote inside “…” starting with `words`.
fn quote(docs: &[Document], doc: usize, words: &str, speaker: &str) -> Quote {
    let text = &docs[doc].text;
    let inner = span_of(text, words);
    Quote {
        doc: doc as u32,
        span: inner,
        outer: Span::new(inner.start() - "“".len(), inner.end() + "”".len()),
        speaker: Some(speaker.to_string()),
        mention: Some(span_of(text, speaker)),
        cue: Some("said".into()),
        partial: false,
    }
}

pub fn corpus() -> Corpus<'static> {
    let documents: Vec<Document> = DOCS
        .iter()
        .map(|(id, title, outlet, date, text)| Document {
            id: id.to_string(),
            path: format!("{id}.txt"),
            title: title.to_string(),
            outlet: Some(outlet.to_string()),
            date: (!date.is_empty()).then(|| date.to_string()),
            text: Cow::Owned(text.to_string()),
            ..Default::default()
        })
        .collect();
    let quotes = vec![
        quote(
            &documents,
            0,
            "We organise tastings every week,",
            "Anna Kowalska",
        ),
        quote(
            &documents,
            2,
            "Global buy and global sell is the goal,",
            "Daniel Zhang",
        ),
        quote(
            &documents,
            3,
            "We can serve 2 billion consumers.",
            "Jack Ma",
        ),
    ];
    let mention = |doc: usize, name: &str| Mention {
        doc: doc as u32,
        span: span_of(&documents[doc].text, name),
    };
    let entities = vec![
        Entity {
            name: "Alibaba".into(),
            kind: EntityKind::Organization,
            aliases: vec!["Alibaba Group".into()],
            mentions: vec![mention(2, "Alibaba"), mention(3, "Alibaba")],
        },
        Entity {
            name: "Zulily".into(),
            kind: EntityKind::Organization,
            aliases: vec![],
            mentions: vec![mention(2, "Zulily")],
        },
        Entity {
            name: "Daniel Zhang".into(),
            kind: EntityKind::Person,
            aliases: vec!["Zhang Yong".into()],
            mentions: vec![mention(2, "Daniel Zhang")],
        },
        Entity {
            name: "Łódź".into(),
            kind: EntityKind::Place,
            aliases: vec![],
            mentions: vec![mention(0, "Łódź")],
        },
        Entity {
            name: "Seattle".into(),
            kind: EntityKind::Place,
            aliases: vec![],
            mentions: vec![mention(2, "Seattle")],
        },
    ];
    Corpus {
        documents,
        quotes,
        entities,
        ..Default::default()
    }
}

/// The fixture bundle, built once.
pub fn bundle() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| build_bundle(&corpus()))
}

pub fn engine() -> Engine<'static> {
    Engine::open(bundle()).expect("fixture bundle opens")
}

pub fn search(engine: &Engine<'_>, query: &str) -> SearchResults {
    engine.search(&SearchRequest::new(query))
}

pub fn search_with(
    engine: &Engine<'_>,
    query: &str,
    selections: Vec<Selection>,
    sort: Sort,
) -> SearchResults {
    engine.search(&SearchRequest {
        query: query.into(),
        selections,
        sort,
        explain: 100,
        ..Default::default()
    })
}

/// Ids of the hits, in rank order.
pub fn ids(engine: &Engine<'_>, results: &SearchResults) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| {
            engine
                .document(h.doc)
                .map(|d| d.id.clone())
                .unwrap_or_default()
        })
        .collect()
}
