//! Saved web pages: the article body and its metadata, via `scraper`
//! (html5ever, the browser-grade parser from Servo, so broken real-world
//! markup parses the way a browser would show it).
//!
//! Metadata, strongest first: JSON-LD `NewsArticle` (what publishers give
//! search engines), Open Graph / `article:*` meta, other common meta names
//! (`author`, `pubdate`, `parsely-pub-date`, Dublin Core…), `<link
//! rel=canonical>`, `<time datetime>`, the `<h1>`, and last `<title>` (with a
//! " | Site" suffix removed when the site is known).
//!
//! Body: the `<article>` that holds the page's main cluster of `<p>` text,
//! else `<main>`, else the element with the largest cluster of paragraphs
//! (a parent scores its `<p>` children's text, a grandparent half of it),
//! else `<body>`. Inside it, nav/footer/aside/script/style/form/figure and
//! elements whose class or id names a widget (share, related, newsletter,
//! comments, ad…) are dropped; block elements become paragraphs separated
//! by blank lines, so `document::build` sees the same shape as a `.txt`.
//! Traversal is iterative (no recursion), so deeply nested markup cannot
//! overflow the stack.

use crate::document::{dates, metadata};
use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// What a page yields.
#[derive(Debug, Default, PartialEq)]
pub struct HtmlArticle {
    pub body: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
    pub notes: Vec<String>,
}

/// True when the first 2 KiB declare a single-byte legacy charset.
pub fn declares_legacy_charset(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(2048)).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_lowercase();
    ["windows-1252", "iso-8859-1", "latin1", "latin-1", "cp1252"]
        .iter()
        .any(|cs| {
            head.contains(&format!("charset={cs}")) || head.contains(&format!("charset=\"{cs}"))
        })
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn clean_inline(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Nesting beyond this is hostile or broken: html5ever's tree building
/// checks the stack of open elements, which costs time quadratic in depth.
const MAX_NESTING: usize = 5_000;

/// Elements that close themselves or are closed implicitly, so they do not
/// deepen the estimate of nesting.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "td", "th", "tr", "dt", "dd", "option", "br", "img", "hr", "meta", "link", "input",
    "wbr", "source", "col", "area", "base", "embed", "param", "track",
];

/// The deepest nesting of elements, estimated in one pass over the tags.
fn nesting_depth(source: &str) -> usize {
    let bytes = source.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        i += offset + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let name: String = bytes
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .take(12)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
        if name.is_empty() || SELF_CLOSING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Markup removed crudely (for pages too deeply nested to parse): block
/// tags become paragraph breaks, script/style content goes.
fn strip_tags(source: &str) -> String {
    let mut out = String::with_capacity(source.len() / 2);
    let mut rest = source;
    while let Some(open) = rest.find('<') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open..).unwrap_or("");
        let close = after.find('>').map(|c| c + 1).unwrap_or(after.len());
        let tag = after.get(..close).unwrap_or("").to_ascii_lowercase();
        rest = after.get(close..).unwrap_or("");
        for hidden in ["script", "style"] {
            if tag.starts_with(&format!("<{hidden}")) {
                let end_tag = format!("</{hidden}");
                let skip = rest
                    .as_bytes()
                    .windows(end_tag.len())
                    .position(|w| w.eq_ignore_ascii_case(end_tag.as_bytes()))
                    .unwrap_or(rest.len());
                rest = rest.get(skip..).unwrap_or("");
            }
        }
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if BLOCK_TAGS.contains(&name.as_str()) || name == "br" {
            out.push_str("\n\n");
        }
    }
    out.push_str(rest);
    out.split("\n\n")
        .map(clean_inline)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Extract body and metadata from a page.
pub fn extract(source: &str) -> HtmlArticle {
    let depth = nesting_depth(source);
    if depth > MAX_NESTING {
        return HtmlArticle {
            body: strip_tags(source),
            notes: vec![format!(
                "markup nested {depth} levels deep; read as plain text without metadata"
            )],
            ..Default::default()
        };
    }
    let doc = Html::parse_document(source);
    let mut out = HtmlArticle::default();
    let meta = meta_values(&doc);
    let ld = json_ld(&doc, &mut out.notes);
    let first = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| meta.get(*k).and_then(|v| v.first()))
            .map(|v| clean_inline(v))
            .filter(|v| !v.is_empty())
    };

    out.outlet = first(&["og:site_name"])
        .or_else(|| ld.publisher.clone())
        .or_else(|| first(&["application-name", "publisher", "dc.publisher"]));

    let h1 = selector("h1")
        .and_then(|s| {
            doc.select(&s)
                .next()
                .map(|e| clean_inline(&e.text().collect::<String>()))
        })
        .filter(|t| !t.is_empty());
    let title_tag = selector("title")
        .and_then(|s| {
            doc.select(&s)
                .next()
                .map(|e| clean_inline(&e.text().collect::<String>()))
        })
        .filter(|t| !t.is_empty());
    out.title = ld
        .headline
        .clone()
        .or_else(|| first(&["og:title", "twitter:title", "dc.title", "headline"]))
        .or(h1)
        .or(title_tag)
        .map(|t| strip_site_suffix(&t, out.outlet.as_deref()));

    let date_candidates = [
        ld.published.clone(),
        first(&[
            "article:published_time",
            "og:published_time",
            "datepublished",
            "published_time",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "citation_publication_date",
        ]),
        time_datetime(&doc),
        ld.modified.clone(),
        first(&["article:modified_time", "og:updated_time", "datemodified"]),
    ];
    out.date = date_candidates
        .iter()
        .flatten()
        .find_map(|d| dates::normalize_date(d));

    out.byline = ld
        .authors
        .clone()
        .or_else(|| {
            [
                "author",
                "article:author",
                "byl",
                "dc.creator",
                "sailthru.author",
                "parsely-author",
                "citation_author",
            ]
            .iter()
            .filter_map(|k| meta.get(*k))
            .flatten()
            .map(|v| clean_inline(v))
            .find(|v| !v.is_empty() && !v.starts_with("http") && !v.contains('/'))
            .map(|v| {
                metadata::byline_line(&v)
                    .or_else(|| metadata::clean_credit(&v))
                    .unwrap_or(v)
            })
        })
        .or_else(|| byline_element(&doc));

    out.url = selector("link[rel=canonical]")
        .and_then(|s| {
            doc.select(&s)
                .find_map(|e| e.value().attr("href").map(str::to_string))
        })
        .or_else(|| first(&["og:url"]))
        .or_else(|| ld.url.clone())
        .map(|u| u.trim().to_string())
        .filter(|u| u.starts_with("http"));

    let paragraphs = body_paragraphs(&doc);
    let body = paragraphs.join("\n\n");
    out.body = match &ld.body {
        Some(ld_body) if body.len() < 200 && ld_body.len() > body.len() => ld_body.clone(),
        _ => body,
    };
    out
}

/// `meta` name/property/itemprop (lower-cased) → content values.
fn meta_values(doc: &Html) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    let Some(sel) = selector("meta") else {
        return map;
    };
    for el in doc.select(&sel) {
        let v = el.value();
        let Some(content) = v.attr("content") else {
            continue;
        };
        for key in [v.attr("property"), v.attr("name"), v.attr("itemprop")]
            .into_iter()
            .flatten()
        {
            map.entry(key.trim().to_lowercase())
                .or_default()
                .push(content.to_string());
        }
    }
    map
}

fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", ": ", " :: "] {
        if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
            if !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn time_datetime(doc: &Html) -> Option<String> {
    let sel = selector("article time[datetime], time[pubdate], time[datetime]")?;
    doc.select(&sel)
        .find_map(|e| e.value().attr("datetime").map(str::to_string))
}

fn byline_element(doc: &Html) -> Option<String> {
    let sel = selector("[rel=author], [itemprop=author], .byline, .author-name, .byline__name")?;
    doc.select(&sel).find_map(|e| {
        let text = clean_inline(&e.text().collect::<String>());
        metadata::byline_line(&text).or_else(|| metadata::clean_credit(&text))
    })
}

/// The fields of a JSON-LD article object.
#[derive(Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    body: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "socialmediaposting",
    "liveblogposting",
];

fn json_ld(doc: &Html, notes: &mut Vec<String>) -> LdArticle {
    let mut out = LdArticle::default();
    let Some(sel) = selector("script[type=\"application/ld+json\"]") else {
        return out;
    };
    for script in doc.select(&sel) {
        let text: String = script.text().collect();
        let value: Value = match serde_json::from_str(text.trim().trim_end_matches(';')) {
            Ok(v) => v,
            Err(e) => {
                notes.push(format!("unreadable JSON-LD block ignored ({e})"));
                continue;
            }
        };
        // Flatten arrays and @graph lists, iteratively.
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter()),
                Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                    if is_article_type(map.get("@type")) && out.headline.is_none() {
                        read_ld_article(map, &mut out);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn is_article_type(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.to_lowercase().as_str()),
        Some(Value::Array(items)) => items.iter().any(|i| is_article_type(Some(i))),
        _ => false,
    }
}

fn ld_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(clean_inline(s)).filter(|s| !s.is_empty()),
        Value::Object(map) => ld_string(map.get("name").or_else(|| map.get("@id"))),
        Value::Array(items) => items.iter().find_map(|i| ld_string(Some(i))),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn ld_names(v: Option<&Value>) -> Option<String> {
    let names: Vec<String> = match v? {
        Value::Array(items) => items.iter().filter_map(|i| ld_string(Some(i))).collect(),
        other => ld_string(Some(other)).into_iter().collect(),
    };
    let names: Vec<String> = names
        .into_iter()
        .filter(|n| !n.starts_with("http"))
        .collect();
    (!names.is_empty()).then(|| names.join(" and "))
}

fn read_ld_article(map: &serde_json::Map<String, Value>, out: &mut LdArticle) {
    out.headline = ld_string(map.get("headline")).or_else(|| ld_string(map.get("name")));
    out.published =
        ld_string(map.get("datePublished")).or_else(|| ld_string(map.get("dateCreated")));
    out.modified = ld_string(map.get("dateModified"));
    out.authors = ld_names(map.get("author")).or_else(|| ld_names(map.get("creator")));
    out.publisher = ld_string(map.get("publisher"));
    out.url = ld_string(map.get("url")).or_else(|| ld_string(map.get("mainEntityOfPage")));
    out.body = match map.get("articleBody") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
}

/// Elements never part of the article text.
const SKIP_TAGS: &[&str] = &[
    "nav",
    "footer",
    "aside",
    "script",
    "style",
    "form",
    "noscript",
    "template",
    "svg",
    "button",
    "iframe",
    "select",
    "textarea",
    "figure",
    "figcaption",
    "picture",
    "video",
    "audio",
    "canvas",
    "object",
    "embed",
    "input",
    "label",
    "dialog",
    "menu",
    "head",
];

/// Class/id words that name page widgets.
const JUNK_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "newsletter",
    "related",
    "recommended",
    "recommendations",
    "comments",
    "comment",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "consent",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "nav",
    "navigation",
    "menu",
    "popup",
    "modal",
    "paywall",
    "signup",
    "outbrain",
    "taboola",
    "tags",
    "widget",
    "banner",
    "masthead",
    "toolbar",
    "teaser",
    "caption",
];

/// Elements that start a new paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "dd",
    "dt",
    "dl",
    "address",
    "hr",
    "header",
    "center",
    "details",
    "summary",
];

fn is_skipped(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    let name = v.name();
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if name == "header" {
        // A page banner (with navigation) goes; an article's own header
        // (headline, standfirst, byline) stays for `document` to sort out.
        let has_nav = el
            .descendants()
            .take(500)
            .filter_map(ElementRef::wrap)
            .any(|d| d.value().name() == "nav");
        if has_nav {
            return true;
        }
    }
    if v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || v.attr("style").is_some_and(|s| {
            let s = s.replace(' ', "").to_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
    {
        return true;
    }
    if let Some(role) = v.attr("role") {
        if matches!(
            role,
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "dialog"
                | "alert"
        ) {
            return true;
        }
    }
    let names = [v.attr("class"), v.attr("id")];
    names.iter().flatten().any(|attr| {
        attr.to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| JUNK_WORDS.contains(&w))
    })
}

/// The paragraphs of the main text.
fn body_paragraphs(doc: &Html) -> Vec<String> {
    let root = choose_root(doc);
    let mut paragraphs = walk(root);
    if paragraphs.is_empty() {
        if let Some(body) = selector("body").and_then(|s| doc.select(&s).next()) {
            paragraphs = walk(body);
        }
    }
    paragraphs
}

/// How far up from a paragraph we look for its `<article>`/`<main>`:
/// real pages nest far less; the bound keeps hostile markup linear.
const MAX_CLIMB: usize = 64;

/// Ids of every node inside a skipped subtree, in one pass.
fn hidden_nodes(root: ElementRef<'_>) -> HashSet<NodeId> {
    let mut hidden = HashSet::new();
    let mut inside: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if inside.is_some() {
                    hidden.insert(node.id());
                } else if ElementRef::wrap(node).is_some_and(|e| is_skipped(&e)) {
                    inside = Some(node.id());
                    hidden.insert(node.id());
                }
            }
            Edge::Close(node) => {
                if inside == Some(node.id()) {
                    inside = None;
                }
            }
        }
    }
    hidden
}

fn choose_root(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    let hidden = hidden_nodes(root);
    let (Some(p), Some(containers)) = (selector("p"), selector("article, main, [role=main]"))
    else {
        return root;
    };
    let container_ids: HashSet<NodeId> = doc
        .select(&containers)
        .filter(|e| !hidden.contains(&e.id()))
        .map(|e| e.id())
        .collect();
    // Cluster scores (parent: full text, grandparent: half) and the
    // paragraph text inside each article/main.
    let mut scores: HashMap<NodeId, usize> = HashMap::new();
    let mut contained: HashMap<NodeId, usize> = HashMap::new();
    for el in doc.select(&p).filter(|e| !hidden.contains(&e.id())) {
        let len: usize = el.text().map(|t| t.trim().len()).sum();
        for (depth, ancestor) in el.ancestors().take(MAX_CLIMB).enumerate() {
            match depth {
                0 => *scores.entry(ancestor.id()).or_default() += len,
                1 => *scores.entry(ancestor.id()).or_default() += len / 2,
                _ => {}
            }
            if container_ids.contains(&ancestor.id()) {
                *contained.entry(ancestor.id()).or_default() += len;
            }
        }
    }
    let best_cluster = scores
        .iter()
        .max_by_key(|(id, score)| (**score, std::cmp::Reverse(**id)))
        .map(|(id, _)| *id);
    // Prefer the <article> (then <main>) that contains that cluster: it
    // also holds the headings and lists between the paragraphs.
    let cluster_ancestors: HashSet<NodeId> = best_cluster
        .and_then(|id| doc.tree.get(id))
        .map(|n| {
            std::iter::once(n.id())
                .chain(n.ancestors().take(MAX_CLIMB).map(|a| a.id()))
                .collect()
        })
        .unwrap_or_default();
    for tag in ["article", "main"] {
        let best = contained
            .iter()
            .filter(|(id, len)| {
                **len > 0
                    && (cluster_ancestors.is_empty() || cluster_ancestors.contains(id))
                    && doc
                        .tree
                        .get(**id)
                        .and_then(ElementRef::wrap)
                        .is_some_and(|e| e.value().name() == tag || tag == "main")
            })
            .max_by_key(|(id, len)| (**len, std::cmp::Reverse(**id)))
            .and_then(|(id, _)| doc.tree.get(*id))
            .and_then(ElementRef::wrap);
        if let Some(el) = best {
            return el;
        }
    }
    if let Some(cluster) = best_cluster
        .and_then(|id| doc.tree.get(id))
        .and_then(ElementRef::wrap)
    {
        return cluster;
    }
    selector("body")
        .and_then(|s| doc.select(&s).next())
        .unwrap_or(root)
}

/// Walk `root` and collect block-level paragraphs.
fn walk(root: ElementRef<'_>) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut skip_until: Option<NodeId> = None;
    let mut pre_depth = 0usize;
    let push = |current: &mut String, paragraphs: &mut Vec<String>| {
        let lines: Vec<String> = current
            .split('\n')
            .map(clean_inline)
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            paragraphs.push(lines.join("\n"));
        }
        current.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        if pre_depth > 0 {
                            current.push_str(t);
                        } else {
                            // Collapse here; a newline in source is a space.
                            current.push_str(&t.replace('\n', " "));
                        }
                    }
                    Node::Element(e) => {
                        let Some(el) = ElementRef::wrap(node) else {
                            continue;
                        };
                        if is_skipped(&el) && node.id() != root.id() {
                            skip_until = Some(node.id());
                            continue;
                        }
                        let name = e.name();
                        if name == "br" {
                            current.push('\n');
                        } else if name == "pre" {
                            pre_depth += 1;
                            push(&mut current, &mut paragraphs);
                        } else if name == "td" || name == "th" {
                            current.push(' ');
                        } else if BLOCK_TAGS.contains(&name) {
                            push(&mut current, &mut paragraphs);
                        } else if name == "img" {
                            // Images carry no article text.
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip_until {
                    if id == node.id() {
                        skip_until = None;
                    }
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                        push(&mut current, &mut paragraphs);
                    } else if BLOCK_TAGS.contains(&name) {
                        push(&mut current, &mut paragraphs);
                    }
                }
            }
        }
    }
    push(&mut current, &mut paragraphs);
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_and_body() {
        let page = r#"<!doctype html><html><head>
            <title>Alibaba to go global | The Stack</title>
            <meta property="og:site_name" content="The Stack">
            <meta property="article:published_time" content="2015-05-14T10:23:00+00:00">
            <meta name="author" content="Jane Doe">
            <link rel="canonical" href="https://example.com/a">
            </head><body>
            <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
            <article><h1>Alibaba to go global</h1>
            <p>Alibaba will push its <b>international</b> expansion, its CEO said.</p>
            <div class="share-bar">Share on Facebook</div>
            <p>The company did not give figures.<br>It said more later.</p>
            <aside>Related: other story</aside>
            </article><footer>© 2015 The Stack</footer></body></html>"#;
        let a = extract(page);
        assert_eq!(a.title.as_deref(), Some("Alibaba to go global"));
        assert_eq!(a.outlet.as_deref(), Some("The Stack"));
        assert_eq!(a.date.as_deref(), Some("2015-05-14T10:23"));
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(
            a.body,
            "Alibaba to go global\n\nAlibaba will push its international expansion, its CEO said.\n\nThe company did not give figures.\nIt said more later."
        );
    }

    #[test]
    fn json_ld_wins() {
        let page = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
             {"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2021-12-20T12:35:00+08:00",
              "author":[{"@type":"Person","name":"Wang Jian"}],"publisher":{"name":"Global Times"}}]}
            </script><meta property="og:title" content="OG title"></head>
            <body><div><p>First paragraph of the story, long enough.</p><p>Second.</p></div></body></html>"#;
        let a = extract(page);
        assert_eq!(a.title.as_deref(), Some("LD headline"));
        assert_eq!(a.date.as_deref(), Some("2021-12-20T12:35"));
        assert_eq!(a.byline.as_deref(), Some("Wang Jian"));
        assert_eq!(a.outlet.as_deref(), Some("Global Times"));
        assert!(a.body.starts_with("First paragraph"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(1_500),
            "</div>".repeat(1_500)
        );
        let a = extract(&page);
        assert_eq!(a.body, "deep text");
        let page = format!(
            "<script>var x = '<div>';</script>{}<p>deep text</p>{}",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        let start = std::time::Instant::now();
        let a = extract(&page);
        assert_eq!(a.body, "deep text");
        assert!(a.notes.iter().any(|n| n.contains("nested")));
        assert!(start.elapsed().as_secs() < 5);
        assert_eq!(nesting_depth("<p>a<p>b<div><br><img></div>"), 1);
    }
}
