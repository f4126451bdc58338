//! Text with spans rendered as nodes: `<mark>` for search hits, `<q>` for
//! direct quotes (their quotation marks dropped so the browser's own are not
//! doubled), links for entities. Text only ever becomes text nodes; nothing
//! here builds markup from corpus strings.

use clippings_core::Span;
use yew::prelude::*;

/// `text` with `<mark>`s around byte ranges (relative to `text`).
pub fn marked(text: &str, highlights: &[(usize, usize)]) -> Html {
    let mut nodes: Vec<Html> = Vec::new();
    let mut at = 0;
    for &(s, e) in highlights {
        if let (Some(before), Some(hit)) = (text.get(at..s), text.get(s..e)) {
            nodes.push(html! { {before.to_string()} });
            nodes.push(html! { <mark>{ hit.to_string() }</mark> });
            at = e;
        }
    }
    nodes.push(html! { { text.get(at..).unwrap_or("").to_string() } });
    nodes.into_iter().collect::<Html>()
}

/// A direct quote to render.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteDecor {
    pub outer: Span,
    pub inner: Span,
    pub speaker: Option<String>,
    pub cue: Option<String>,
    /// Colour slot (0..8) of the speaker.
    pub color: usize,
}

/// An entity mention to render as a filter link.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityDecor {
    pub span: Span,
    pub name: String,
    pub href: String,
}

/// Everything to draw over one document's text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decorations {
    pub quotes: Vec<QuoteDecor>,
    pub marks: Vec<Span>,
    pub entities: Vec<EntityDecor>,
}

/// A colour slot for a speaker name, stable across renders and documents.
pub fn speaker_color(name: &str) -> usize {
    let mut h: u32 = 2166136261;
    for b in name.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(16777619);
    }
    (h % 8) as usize
}

const OPENING_MARKS: &[char] = &['“', '"', '‘', '\'', '«', '„'];

/// One paragraph `para` of `text`, decorated. `first_hit` is the index the
/// first `<mark>` of this paragraph gets (marks are numbered `hit-N` across
/// the document for the hit navigator).
pub fn paragraph(text: &str, para: Span, decor: &Decorations, first_hit: usize) -> Html {
    // Cut points: every span edge inside the paragraph.
    let mut cuts = vec![para.start(), para.end()];
    let inside = |p: u32| p > para.start && p < para.end;
    for q in &decor.quotes {
        for p in [q.outer.start, q.inner.start, q.inner.end, q.outer.end] {
            if inside(p) {
                cuts.push(p as usize);
            }
        }
    }
    for m in &decor.marks {
        for p in [m.start, m.end] {
            if inside(p) {
                cuts.push(p as usize);
            }
        }
    }
    for e in &decor.entities {
        for p in [e.span.start, e.span.end] {
            if inside(p) {
                cuts.push(p as usize);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();

    // Segments with what covers them.
    struct Seg<'t> {
        text: &'t str,
        quote: Option<usize>,
        mark: Option<usize>,
        entity: Option<usize>,
    }
    let mut segs: Vec<Seg> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(mut piece) = text.get(a..b) else {
            continue;
        };
        let seg = Span::new(a, b);
        let quote = decor.quotes.iter().position(|q| q.outer.contains(seg));
        if let Some(qi) = quote {
            let q = &decor.quotes[qi];
            if !q.inner.contains(seg) {
                // The quotation marks themselves: <q> draws them.
                continue;
            }
            // A multi-paragraph quote repeats its opening mark on each
            // paragraph; <q> draws that too.
            if a == para.start() && a > q.inner.start() {
                piece = piece.trim_start_matches(OPENING_MARKS);
            }
        }
        let mark = decor
            .marks
            .iter()
            .position(|m| m.contains(seg) && !m.is_empty());
        let entity = decor.entities.iter().position(|e| e.span.contains(seg));
        segs.push(Seg {
            text: piece,
            quote,
            mark,
            entity,
        });
    }

    let mut hit = first_hit;
    let mut last_mark: Option<usize> = None;
    let mut render_leaf = |s: &Seg| -> Html {
        match s.mark {
            Some(m) => {
                // Segments of one mark split by an entity edge share its id.
                if last_mark != Some(m) {
                    last_mark = Some(m);
                    hit += 1;
                }
                let id = format!("hit-{}", hit - 1);
                html! { <mark id={id} class="hit">{ s.text.to_string() }</mark> }
            }
            None => html! { { s.text.to_string() } },
        }
    };

    let mut out: Vec<Html> = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let quote = segs[i].quote;
        let mut j = i;
        while j < segs.len() && segs[j].quote == quote {
            j += 1;
        }
        // Within a quote (or outside), group runs of one entity into a link.
        let mut inner: Vec<Html> = Vec::new();
        let mut k = i;
        while k < j {
            let entity = segs[k].entity;
            let mut l = k;
            while l < j && segs[l].entity == entity {
                l += 1;
            }
            let leaves: Html = segs[k..l].iter().map(&mut render_leaf).collect();
            match entity {
                Some(e) => {
                    let ent = &decor.entities[e];
                    let label = format!("Filter by {}", ent.name);
                    inner.push(html! {
                        <a class="entity" href={ent.href.clone()} title={label}>{ leaves }</a>
                    });
                }
                None => inner.push(leaves),
            }
            k = l;
        }
        match quote {
            Some(qi) => {
                let q = &decor.quotes[qi];
                let who = q.speaker.clone().unwrap_or_else(|| "Unattributed".into());
                let class = classes!(
                    "quote",
                    format!("spk-{}", q.color),
                    q.speaker.is_none().then_some("unattributed")
                );
                let said = match &q.cue {
                    Some(cue) => format!("{who} ({cue}): "),
                    None => format!("{who}: "),
                };
                out.push(html! {
                    <q class={class} tabindex="0" data-speaker={who.clone()}>
                        <span class="sr-only">{ said }</span>
                        <span class="speaker-tip" aria-hidden="true">{ who }</span>
                        { for inner }
                    </q>
                });
            }
            None => out.extend(inner),
        }
        i = j;
    }
    out.into_iter().collect::<Html>()
}

/// How many marks start inside `para` (to number the next paragraph's).
pub fn marks_in(para: Span, marks: &[Span]) -> usize {
    marks
        .iter()
        .filter(|m| !m.is_empty() && m.start >= para.start && m.start < para.end)
        .count()
}

/// In-browser tests: render into a real DOM and inspect the nodes.
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[derive(Properties, PartialEq)]
    struct Host {
        text: String,
        decor: Decorations,
    }

    #[function_component(Paragraph)]
    fn paragraph_host(props: &Host) -> Html {
        let para = Span::new(0, props.text.len());
        html! { <p>{ paragraph(&props.text, para, &props.decor, 0) }</p> }
    }

    async fn render(text: &str, decor: Decorations) -> web_sys::Element {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        yew::Renderer::<Paragraph>::with_root_and_props(
            root.clone(),
            Host {
                text: text.to_string(),
                decor,
            },
        )
        .render();
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
        root
    }

    #[wasm_bindgen_test]
    async fn corpus_markup_stays_text() {
        let text = "He wrote <script>alert(1)</script> and <img src=x onerror=alert(2)>.";
        let root = render(text, Decorations::default()).await;
        assert!(root.query_selector("script").unwrap().is_none());
        assert!(root.query_selector("img").unwrap().is_none());
        assert_eq!(root.text_content().unwrap(), text);
    }

    #[wasm_bindgen_test]
    async fn quotes_become_q_elements_without_doubled_marks() {
        let text = "“We must globalize,” Zhang said.";
        let outer = Span::new(0, text.find(" Zhang").unwrap());
        let inner = Span::new("“".len(), outer.end() - "”".len());
        let hit = Span::new(inner.start() + 8, inner.start() + 17);
        let decor = Decorations {
            quotes: vec![QuoteDecor {
                outer,
                inner,
                speaker: Some("Daniel Zhang".into()),
                cue: Some("said".into()),
                color: 3,
            }],
            marks: vec![hit],
            entities: vec![],
        };
        let root = render(text, decor).await;
        let q = root.query_selector("q.quote").unwrap().expect("a <q>");
        assert_eq!(
            q.get_attribute("data-speaker").as_deref(),
            Some("Daniel Zhang")
        );
        assert!(q.class_list().contains("spk-3"));
        let visible = q.text_content().unwrap();
        assert!(
            !visible.contains('“') && !visible.contains('”'),
            "{visible}"
        );
        assert!(visible.contains("We must globalize,"));
        let mark = q
            .query_selector("mark#hit-0")
            .unwrap()
            .expect("a mark inside the quote");
        assert_eq!(mark.text_content().unwrap(), "globalize");
        assert!(root.text_content().unwrap().ends_with(" Zhang said."));
    }
}
