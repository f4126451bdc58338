//! Markdown articles: optional front matter, then the body with markdown
//! syntax stripped *lightly*.
//!
//! Front matter is YAML-ish between `---` lines (`key: value`, quoted or
//! not, `- item` lists) or TOML between `+++` lines (parsed with `toml`).
//! Keys map like table columns (`title`, `date`, `author`, `source`,
//! `url`, `description`…); static-site keys (`layout`, `tags`, `draft`…)
//! are ignored silently, other unknown keys are reported.
//!
//! Body: an `# H1` at the top is the printed headline: the title when
//! front matter gave none, and not body text either way.
//! Lines of one markdown paragraph are joined (markdown's soft breaks), so
//! hard-wrapped markdown becomes real paragraphs; headings, list items and
//! quotes become paragraphs of their own. Links keep their text, images go
//! (their alt text is a caption), emphasis and code marks are dropped.
//! Not a full CommonMark renderer on purpose: news copy uses a small subset,
//! and a renderer would give html we would only have to strip again.

use super::table::{field_for, Field};

/// A markdown article before cleaning.
#[derive(Debug, Default, PartialEq)]
pub struct Markdown {
    pub body: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub standfirst: Option<String>,
    pub notes: Vec<String>,
}

/// Front-matter keys of static-site generators that carry no metadata we use.
const SITE_KEYS: &[&str] = &[
    "layout",
    "tags",
    "categories",
    "category",
    "draft",
    "slug",
    "lang",
    "language",
    "image",
    "keywords",
    "weight",
    "aliases",
    "summary",
    "type",
    "permalink_style",
    "toc",
];

/// Parse a markdown file.
pub fn read(text: &str) -> Markdown {
    let mut md = Markdown::default();
    let body = split_front_matter(text, &mut md);
    let (title, paragraphs) = body_paragraphs(body);
    if md.title.is_none() {
        md.title = title;
    }
    let mut body = paragraphs.join("\n\n");
    if let Some(s) = md.standfirst.take() {
        if !body.starts_with(s.trim()) {
            body = format!("{s}\n\n{body}");
        }
    }
    md.body = body;
    md
}

fn split_front_matter<'a>(text: &'a str, md: &mut Markdown) -> &'a str {
    let (fence, toml_style) = if text.starts_with("---\n") || text.starts_with("---\r\n") {
        ("---", false)
    } else if text.starts_with("+++\n") || text.starts_with("+++\r\n") {
        ("+++", true)
    } else {
        return text;
    };
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    offset += first.len();
    let start = offset;
    for line in lines {
        let trimmed = line.trim_end();
        if trimmed == fence || (!toml_style && trimmed == "...") {
            let block = text.get(start..offset).unwrap_or("");
            if toml_style {
                read_toml_front_matter(block, md);
            } else {
                read_yaml_front_matter(block, md);
            }
            return text.get(offset + line.len()..).unwrap_or("");
        }
        offset += line.len();
    }
    // No closing fence: not front matter after all.
    text
}

fn assign(md: &mut Markdown, key: &str, value: String, unknown: &mut Vec<String>) {
    let value = value.trim().to_string();
    if value.is_empty() {
        return;
    }
    match field_for(key) {
        Some(Field::Title) => md.title = md.title.take().or(Some(value)),
        Some(Field::Date) => match crate::document::dates::normalize_date(&value) {
            Some(iso) => md.date = md.date.take().or(Some(iso)),
            None => md.notes.push(format!(
                "front matter date \u{201c}{value}\u{201d} not understood; ignored"
            )),
        },
        Some(Field::Url) => md.url = md.url.take().or(Some(value)),
        Some(Field::Outlet) => md.outlet = md.outlet.take().or(Some(value)),
        Some(Field::Byline) => md.byline = md.byline.take().or(Some(value)),
        Some(Field::Standfirst) => md.standfirst = md.standfirst.take().or(Some(value)),
        Some(Field::Text) | Some(Field::Ignored) => {}
        None => {
            let lower = key.to_lowercase();
            if !SITE_KEYS.contains(&lower.as_str()) && !unknown.contains(&lower) {
                unknown.push(lower);
            }
        }
    }
}

/// A YAML/TOML scalar: double-quoted strings take backslash escapes
/// (`\"`, `\\`, `\n`, `\t`, `\uXXXX`), single-quoted ones double a quote
/// (`''`), plain ones are taken as written.
fn unquote(value: &str) -> String {
    let v = value.trim();
    if let Some(inner) = v.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => {
                            out.push_str("\\u");
                            out.push_str(&hex);
                        }
                    }
                }
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        }
        return out;
    }
    if let Some(inner) = v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    v.to_string()
}

fn read_yaml_front_matter(block: &str, md: &mut Markdown) {
    let mut unknown = Vec::new();
    let mut current_key: Option<String> = None;
    let mut list: Vec<String> = Vec::new();
    let finish_list = |key: &Option<String>,
                       list: &mut Vec<String>,
                       md: &mut Markdown,
                       unknown: &mut Vec<String>| {
        if let Some(k) = key {
            if !list.is_empty() {
                assign(md, k, list.join(", "), unknown);
            }
        }
        list.clear();
    };
    for line in block.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed.strip_prefix("- ") {
            if current_key.is_some() {
                list.push(unquote(item));
            }
            continue;
        }
        finish_list(&current_key, &mut list, md, &mut unknown);
        current_key = None;
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        if line.starts_with([' ', '\t']) {
            continue; // nested mapping: not metadata we read
        }
        let value = value.trim();
        if value.is_empty() {
            current_key = Some(key.trim().to_string());
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let items: Vec<String> = inner
                .split(',')
                .map(unquote)
                .filter(|s| !s.is_empty())
                .collect();
            assign(md, key.trim(), items.join(", "), &mut unknown);
        } else {
            assign(md, key.trim(), unquote(value), &mut unknown);
        }
    }
    finish_list(&current_key, &mut list, md, &mut unknown);
    if !unknown.is_empty() {
        md.notes.push(format!(
            "unknown front matter key(s) ignored: {}",
            unknown.join(", ")
        ));
    }
}

fn read_toml_front_matter(block: &str, md: &mut Markdown) {
    let table: toml::Table = match block.parse() {
        Ok(t) => t,
        Err(e) => {
            md.notes.push(format!(
                "unreadable TOML front matter ignored ({})",
                one_line(&e.to_string())
            ));
            return;
        }
    };
    let mut unknown = Vec::new();
    for (key, value) in &table {
        let text = match value {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect::<Vec<_>>()
                .join(", "),
            _ => continue,
        };
        assign(md, key, text, &mut unknown);
    }
    if !unknown.is_empty() {
        md.notes.push(format!(
            "unknown front matter key(s) ignored: {}",
            unknown.join(", ")
        ));
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Kind of a markdown line.
enum Line<'a> {
    Blank,
    Heading(usize, &'a str),
    Item(&'a str),
    Rule,
    Fence,
    Text(&'a str),
}

fn classify(line: &str) -> Line<'_> {
    let t = line.trim();
    if t.is_empty() {
        return Line::Blank;
    }
    if t.starts_with("```") || t.starts_with("~~~") {
        return Line::Fence;
    }
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        if let Some(rest) = t
            .get(hashes..)
            .filter(|r| r.starts_with(' ') || r.is_empty())
        {
            return Line::Heading(hashes, rest.trim().trim_end_matches('#').trim());
        }
    }
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() >= 3
        && (compact.chars().all(|c| c == '-')
            || compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_'))
    {
        return Line::Rule;
    }
    for marker in ["- ", "* ", "+ ", "\u{2022} "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Line::Item(rest);
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        if let Some(rest) = t
            .get(digits..)
            .and_then(|r| r.strip_prefix(". ").or_else(|| r.strip_prefix(") ")))
        {
            return Line::Item(rest);
        }
    }
    Line::Text(line)
}

/// The title (a leading `# H1` or setext heading) and the paragraphs.
fn body_paragraphs(body: &str) -> (Option<String>, Vec<String>) {
    let mut title = None;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut in_fence = false;
    let mut seen_h1 = false;
    let flush = |current: &mut Vec<String>, paragraphs: &mut Vec<String>| {
        let text = current.join(" ");
        let text = text.replace(" \n ", "\n");
        let text = text.trim().to_string();
        if !text.is_empty() {
            paragraphs.push(text);
        }
        current.clear();
    };
    let lines: Vec<&str> = body.lines().collect();
    let mut i = 0;
    while let Some(&line) = lines.get(i) {
        i += 1;
        if in_fence {
            if matches!(classify(line), Line::Fence) {
                in_fence = false;
                flush(&mut current, &mut paragraphs);
            } else {
                current.push(format!("{}\n", line.trim_end()));
            }
            continue;
        }
        // Setext heading: a text line underlined with === or ---.
        if let (Line::Text(t), Some(next)) = (classify(line), lines.get(i)) {
            let under = next.trim();
            if current.is_empty()
                && under.len() >= 3
                && (under.chars().all(|c| c == '=') || under.chars().all(|c| c == '-'))
            {
                let text = inline(t.trim());
                if under.starts_with('=') && !seen_h1 && paragraphs.is_empty() {
                    seen_h1 = true;
                    title = Some(text);
                } else {
                    paragraphs.push(text);
                }
                i += 1;
                continue;
            }
        }
        match classify(line) {
            Line::Blank | Line::Rule => flush(&mut current, &mut paragraphs),
            Line::Fence => {
                flush(&mut current, &mut paragraphs);
                in_fence = true;
            }
            Line::Heading(level, text) => {
                flush(&mut current, &mut paragraphs);
                let text = inline(text);
                if level == 1 && paragraphs.is_empty() && !seen_h1 {
                    // The printed headline: the title unless front
                    // matter already gave one; never body text.
                    seen_h1 = true;
                    title = title.or(Some(text));
                } else if !text.is_empty() {
                    paragraphs.push(text);
                }
            }
            Line::Item(text) => {
                flush(&mut current, &mut paragraphs);
                current.push(inline(text));
            }
            Line::Text(text) => {
                let quoted = text
                    .trim_start()
                    .strip_prefix('>')
                    .map(|r| r.trim_start_matches('>').trim());
                let content = quoted.unwrap_or(text.trim());
                if is_link_definition(content) {
                    continue;
                }
                if quoted.is_some() && content.is_empty() {
                    flush(&mut current, &mut paragraphs);
                    continue;
                }
                let hard_break = text.ends_with("  ") || text.ends_with('\\');
                current.push(inline(content.trim_end_matches('\\')));
                if hard_break {
                    current.push("\n".to_string());
                }
            }
        }
    }
    flush(&mut current, &mut paragraphs);
    (title.filter(|t| !t.is_empty()), paragraphs)
}

/// `[ref]: https://…` reference definitions.
fn is_link_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .and_then(|i| line.get(i + 2..))
            .is_some_and(|rest| {
                let r = rest.trim();
                r.starts_with("http") || r.starts_with('/') || r.starts_with('<')
            })
}

/// Strip inline markdown: images, links, emphasis, code, escapes, tags.
fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                }
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                // Image: drop `![alt](src)` entirely.
                match link_end(&chars, i + 1) {
                    Some((_, end)) => i = end,
                    None => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            '[' => match link_end(&chars, i) {
                Some((label, end)) => {
                    out.push_str(&inline(&label));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '`' => i += 1,
            '*' | '_' => {
                let run = chars
                    .get(i..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|&&x| x == c)
                    .count();
                let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
                let after = chars.get(i + run).copied();
                let word = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
                // An emphasis mark touches a word on at most one side; an
                // underscore inside a word (snake_case) is text.
                if word(before) && word(after) && c == '_' {
                    for _ in 0..run {
                        out.push(c);
                    }
                } else if word(before)
                    || word(after)
                    || before.is_some_and(|b| b.is_ascii_punctuation())
                    || after.is_some_and(|a| a.is_ascii_punctuation())
                {
                    // emphasis marker: dropped
                } else {
                    for _ in 0..run {
                        out.push(c);
                    }
                }
                i += run;
            }
            '<' => {
                // Autolinks keep their address; simple tags are dropped.
                let close = chars
                    .get(i..)
                    .and_then(|rest| rest.iter().position(|&x| x == '>'));
                match close {
                    Some(len) if len > 1 && len < 200 => {
                        let inner: String =
                            chars.get(i + 1..i + len).unwrap_or(&[]).iter().collect();
                        if inner.starts_with("http") {
                            out.push_str(&inner);
                        } else if inner
                            .starts_with(|ch: char| ch.is_ascii_alphabetic() || ch == '/')
                        {
                            if inner
                                .trim_end_matches('/')
                                .trim()
                                .eq_ignore_ascii_case("br")
                            {
                                out.push(' ');
                            }
                        } else {
                            out.push('<');
                            i += 1;
                            continue;
                        }
                        i += len + 1;
                    }
                    _ => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// For `[label](target)` or `[label][ref]` starting at `open`: the label
/// and the index after the link.
fn link_end(chars: &[char], open: usize) -> Option<(String, usize)> {
    let mut depth = 0usize;
    let mut j = open;
    let close = loop {
        match chars.get(j)? {
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break j;
                }
            }
            _ => {}
        }
        j += 1;
        if j - open > 2000 {
            return None;
        }
    };
    let label: String = chars.get(open + 1..close)?.iter().collect();
    let closer = match chars.get(close + 1) {
        Some('(') => ')',
        Some('[') => ']',
        _ => return None,
    };
    // A URL may itself hold balanced parentheses
    // (`https://en.wikipedia.org/wiki/Alibaba_(company)`): count them.
    let mut nesting = 0usize;
    let end = chars.get(close + 2..)?.iter().take(2000).position(|&c| {
        if closer == ')' && c == '(' {
            nesting += 1;
        } else if c == closer {
            if nesting == 0 {
                return true;
            }
            nesting -= 1;
        }
        false
    })?;
    Some((label, close + 2 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_title() {
        let md = read("---\ntitle: \"Alibaba goes global\"\ndate: 2015-05-14\nauthor:\n  - Jane Doe\n  - John Roe\nlayout: post\nmood: happy\n---\n\nFirst paragraph\nwrapped here.\n\nSecond *para* with a [link](http://x.y) and ![img](a.png).\n");
        assert_eq!(md.title.as_deref(), Some("Alibaba goes global"));
        assert_eq!(md.date.as_deref(), Some("2015-05-14"));
        assert_eq!(md.byline.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(
            md.body,
            "First paragraph wrapped here.\n\nSecond para with a link and ."
        );
        assert_eq!(md.notes, ["unknown front matter key(s) ignored: mood"]);
    }

    #[test]
    fn regression_link_url_with_parentheses_left_a_stray_paren() {
        assert_eq!(
            inline("See [Alibaba](https://en.wikipedia.org/wiki/Alibaba_(company)) today."),
            "See Alibaba today."
        );
    }

    #[test]
    fn regression_yaml_escaped_quotes_were_kept_as_backslashes() {
        for (raw, want) in [
            (r#""He said \"hi\"""#, r#"He said "hi""#),
            (r#""tab\there""#, "tab\there"),
            (r#""caf\u00e9""#, "café"),
            (r#""bad \uZZ""#, r"bad \uZZ"),
            (r#""trailing \""#, "trailing \\"),
            ("'it''s'", "it's"),
            ("plain", "plain"),
        ] {
            assert_eq!(unquote(raw), want, "{raw}");
        }
    }

    #[test]
    fn toml_front_matter_and_h1() {
        let md = read("+++\ntitle = \"T\"\ndate = 2015-05-14\n+++\n# Ignored H1\n\n> A quote\n\n- item one\n- item two\n");
        assert_eq!(md.title.as_deref(), Some("T"));
        assert_eq!(md.date.as_deref(), Some("2015-05-14"));
        assert_eq!(md.body, "A quote\n\nitem one\n\nitem two");
        let md = read("# Headline here\n\nBody text with snake_case and __bold__.");
        assert_eq!(md.title.as_deref(), Some("Headline here"));
        assert_eq!(md.body, "Body text with snake_case and bold.");
    }
}
