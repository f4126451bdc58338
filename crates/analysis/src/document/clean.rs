//! Paragraphs and page furniture: from repaired raw text to the clean text
//! a journalist reads, with every removed block kept (`Removed`) so the
//! reader can show the original in place.
//!
//! Design, in the order it runs:
//! 1. **Paragraphs.** Blank lines separate blocks. Inside a block each line
//!    is its own paragraph (scrapes often put one paragraph per line, seeds
//!    002/003), except where lines are joined with a space: a sentence that
//!    plainly runs on (the line does not end a sentence and the next starts
//!    in lower case), and *hard-wrapped* text, recognised when at least 40 %
//!    of the lines end near one width W of 30-120 characters; there a full
//!    line continues onto the next unless it ends a sentence and the next
//!    word would have fitted (the test a wrapping editor applies).
//! 2. **Strong single-paragraph rules** that match only furniture, wherever
//!    it stands: menus, share bars, newsletter sign-ups and their error
//!    strings, cookie banners, "Advertisement", "Read more:", captions with a
//!    credit ("Photo: …"), copyright lines, correction/tip links, "Tags …",
//!    metadata lines (datelines, bylines, "Source:"), repeated paragraphs.
//! 3. **Zones.** The *header* is everything before the first prose
//!    paragraph (≥ 8 words ending a sentence, or ≥ 30 words): the headline
//!    (the first headline-like line; a short Title-Case site-name line may
//!    stand above it) and metadata lines live there; other header lines
//!    (a standfirst) are kept. The *tail* starts at a section marker ("Follow
//!    Us", "Related reading", "Featured", "Whitepapers"…) after the body has
//!    begun: everything from there is teasers and widgets, as long as the
//!    tail is not much longer than the article before it (a marker
//!    followed by more article than came before is more likely a stray
//!    inline box, so only the marker itself goes). Short lines with no
//!    sentence punctuation after the last prose paragraph are a tag list.
//! 4. Everything else is kept: losing article text is worse than keeping a
//!    stray line, so mid-article short lines (subheadings) stay.

use super::metadata::{self, DateKind};
use clippings_core::Removed;
use std::borrow::Cow;
use std::collections::HashSet;

/// Clean text, removed blocks and the metadata the furniture carried.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub text: String,
    pub removed: Vec<Removed<'static>>,
    pub found: Found,
}

/// Metadata read off removed lines (and the article's own prose).
#[derive(Debug, Default, PartialEq)]
pub struct Found {
    pub headline: Option<String>,
    pub site_name: Option<String>,
    pub sources: Vec<String>,
    pub domains: Vec<String>,
    pub published: Option<String>,
    pub updated: Option<String>,
    pub authors: Vec<String>,
    pub editors: Vec<String>,
    pub reporters: Vec<String>,
    pub url: Option<String>,
    /// The outlet named by a syndication note ("Read the original article
    /// on Business Insider").
    pub syndicated_from: Option<String>,
}

/// One paragraph candidate.
#[derive(Debug)]
struct Unit {
    /// Whitespace-normalised text, as it would appear in the clean text.
    text: String,
    /// The lines as they were.
    original: String,
    words: usize,
    /// Lower-cased, letters and digits only: for matching and duplicates.
    key: String,
}

impl Unit {
    fn new(lines: &[&str]) -> Unit {
        let joined = lines.join(" ");
        let text = collapse_spaces(&joined);
        let words = text.split_whitespace().count();
        Unit {
            key: match_key(&text),
            original: lines.join("\n"),
            text,
            words,
        }
    }

    fn is_prose(&self) -> bool {
        (self.words >= 8 && ends_sentence(&self.text)) || self.words >= 30
    }
}

/// Lower-case words of letters and digits, single-spaced.
pub fn match_key(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .map(|w| w.trim_matches(['\'', '\u{2019}']))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs of two or more whitespace characters, and tabs, become one space;
/// a single no-break space is kept (it may bind "100 km").
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending: Option<char> = None;
    let mut run = 0;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            run += 1;
            pending = Some(if run == 1 && c != '\t' { c } else { ' ' });
            continue;
        }
        if let Some(p) = pending.take() {
            out.push(p);
        }
        run = 0;
        out.push(c);
    }
    out
}

/// Ends with sentence-final punctuation, ignoring closing quotes/brackets.
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']', '\u{bb}'])
        .ends_with(['.', '!', '?', '\u{2026}'])
}

/// Split text into paragraph units (see the module docs on hard wrapping).
fn split_units(text: &str) -> Vec<Unit> {
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    let wrap = wrap_width(&lines);
    let mut units = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let flush = |block: &mut Vec<&str>, units: &mut Vec<Unit>| {
        let mut para: Vec<&str> = Vec::new();
        for (i, line) in block.iter().enumerate() {
            para.push(line);
            let next = block.get(i + 1);
            let joins = wrap
                .is_some_and(|w| next.is_some_and(|next| wrapped_into_next(line, next, w)))
                || next.is_some_and(|next| continues_sentence(line, next));
            if !joins {
                units.push(Unit::new(&para));
                para.clear();
            }
        }
        block.clear();
    };
    for line in lines {
        if line.is_empty() {
            flush(&mut block, &mut units);
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &mut units);
    units
}

/// The wrap width when the text is hard-wrapped: at least 40 % of its
/// lines (and at least three) end within 15 % of the longest line, which is
/// 30-120 characters long.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.chars().count())
        .collect();
    let max = lengths.iter().copied().max()?;
    if !(30..=120).contains(&max) {
        return None;
    }
    let near = lengths.iter().filter(|&&n| n * 100 >= max * 85).count();
    (near >= 3 && near * 100 >= lengths.len() * 40).then_some(max)
}

/// True when the break after `line` was made by wrapping. It was not when
/// the next line's first word would have fitted and the line is short or
/// ends a sentence (an editor would have filled the line), nor before a
/// list item. Word processors wrap proportional text, so "fitted" is only
/// trusted for lines clearly short of the width.
fn wrapped_into_next(line: &str, next: &str, width: usize) -> bool {
    let first_word = next.split_whitespace().next().unwrap_or("");
    let length = line.chars().count();
    let would_fit = length + 1 + first_word.chars().count() <= width;
    let short = length * 10 < width * 7;
    let list_item = first_word == "-"
        || first_word == "*"
        || first_word == "\u{2022}"
        || (first_word.ends_with('.') && first_word.trim_end_matches('.').parse::<u32>().is_ok());
    let sentence_break =
        ends_sentence(line) && next.chars().next().is_some_and(|c| !c.is_lowercase());
    !(list_item || short || would_fit && sentence_break)
}

/// A line broken mid-sentence: it does not end a sentence and the next
/// line starts in lower case ("operations,⏎including AliExpress").
fn continues_sentence(line: &str, next: &str) -> bool {
    let first_word = next.split_whitespace().next().unwrap_or("");
    let plain_word = first_word
        .trim_end_matches([',', ';', ':', '.'])
        .chars()
        .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}' || c == '-');
    line.split_whitespace().count() >= 4
        && !ends_sentence(line)
        && !line.ends_with(':')
        && plain_word
        && first_word.chars().next().is_some_and(char::is_lowercase)
        && metadata::parse_meta_line(next).is_none()
}

/// Standalone lines that start a tail of furniture: reason for the tail.
fn section_marker(key: &str, words: usize) -> Option<&'static str> {
    const RELATED: &[&str] = &[
        "related reading",
        "related",
        "related articles",
        "related stories",
        "related content",
        "related posts",
        "related news",
        "related coverage",
        "related links",
        "more related",
        "featured",
        "featured stories",
        "featured articles",
        "slideshows",
        "whitepapers",
        "white papers",
        "recommended",
        "recommended for you",
        "recommended stories",
        "recommended articles",
        "recommended reading",
        "you may also like",
        "you might also like",
        "you may be interested in",
        "you might be interested in",
        "more stories",
        "more news",
        "more articles",
        "more on this story",
        "more on this topic",
        "most popular",
        "most read",
        "most viewed",
        "most shared",
        "trending",
        "trending now",
        "trending stories",
        "read next",
        "up next",
        "what to read next",
        "latest news",
        "latest stories",
        "latest articles",
        "editor's picks",
        "editors picks",
        "editors' picks",
        "top stories",
        "around the web",
        "from around the web",
        "sponsored stories",
        "promoted stories",
        "from our partners",
        "in other news",
        "more videos",
        "popular stories",
        "popular posts",
        "don't miss",
        "dont miss",
        "must read",
        "must reads",
        "further reading",
        "in case you missed it",
    ];
    if RELATED.contains(&key)
        || (words <= 6 && (key.starts_with("more from ") || key.starts_with("also on ")))
        || (words <= 4 && key.starts_with("more in "))
    {
        return Some("related");
    }
    match key {
        "follow us" | "follow us on" | "connect with us" | "stay connected" => Some("follow"),
        "share this" | "share this article" | "share this story" | "share" | "like this" => {
            Some("share")
        }
        "comments"
        | "show comments"
        | "leave a comment"
        | "leave a reply"
        | "join the conversation"
        | "view comments" => Some("comments"),
        "join the newsletter"
        | "newsletter"
        | "sign up for our newsletter"
        | "subscribe to our newsletter"
        | "get our newsletter" => Some("newsletter"),
        "about the author" | "about the authors" => Some("author bio"),
        "topics" | "tags" | "related topics" | "more on this topic" => Some("tags"),
        "ends" | "end" => Some("end"),
        _ => None,
    }
}

/// Press-release and wire end marks: everything after them is contact
/// details and boilerplate.
fn end_marker(text: &str) -> Option<&'static str> {
    matches!(
        text.trim(),
        "###" | "# # #" | "-30-" | "- 30 -" | "-ends-" | "-ENDS-"
    )
    .then_some("end")
}

/// Words of a share bar.
const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "email",
    "e-mail",
    "print",
    "telegram",
    "messenger",
    "flipboard",
    "copy",
    "link",
    "share",
    "tweet",
    "save",
    "x",
    "mail",
    "sms",
    "shares",
    "weibo",
];

/// The strong, position-independent furniture rules. Returns the reason.
fn furniture_reason(unit: &Unit) -> Option<&'static str> {
    let key = unit.key.as_str();
    let lower = unit.text.to_lowercase();
    let words = unit.words;
    const MENU: &[&str] = &[
        "menu",
        "main menu",
        "open menu",
        "close menu",
        "skip to content",
        "skip to main content",
        "skip navigation",
        "toggle navigation",
        "navigation",
        "search",
        "sections",
        "sign in",
        "log in",
        "login",
        "my account",
        "subscribe",
        "close",
    ];
    if MENU.contains(&key) {
        return Some("menu");
    }
    if key.is_empty() && end_marker(&unit.text).is_none() {
        // "___", "* * *": a rule between sections, no words.
        return Some("separator");
    }
    if (1..=10).contains(&words) {
        let share_words = key.split(' ').all(|w| {
            SOCIAL.contains(&w)
                || matches!(
                    w,
                    "this" | "on" | "via" | "article" | "story" | "the" | "page" | "to"
                )
        });
        if share_words && key.split(' ').any(|w| SOCIAL.contains(&w)) {
            return Some("share");
        }
    }
    if words <= 8
        && (key.starts_with("follow us")
            || key.starts_with("like us on")
            || key.starts_with("connect with us")
            || (key.starts_with("follow ") && key.split(' ').any(|w| SOCIAL.contains(&w))))
    {
        return Some("follow");
    }
    if is_newsletter(key, &lower, words) {
        return Some("newsletter");
    }
    if words <= 80
        && lower.contains("cookie")
        && [
            "we use cookies",
            "uses cookies",
            "use of cookies",
            "accept",
            "cookie policy",
            "cookie settings",
            "consent",
        ]
        .iter()
        .any(|p| lower.contains(p))
        || matches!(
            key,
            "accept all" | "reject all" | "accept cookies" | "manage preferences" | "i agree"
        )
    {
        return Some("cookies");
    }
    const ADS: &[&str] = &[
        "advertisement",
        "advertisements",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "paid content",
        "promoted",
        "advertisement scroll to continue",
        "scroll to continue with content",
        "story continues below advertisement",
        "article continues below advertisement",
        "article continues below",
        "continue reading below",
        "continue reading the main story",
        "story continues below",
        "ad feedback",
        "report this ad",
        "advertise with us",
        "supported by",
    ];
    if ADS.contains(&key) {
        return Some("advertisement");
    }
    const COMMENTS: &[&str] = &[
        "show comments",
        "hide comments",
        "comments",
        "comment",
        "view comments",
        "leave a comment",
        "add a comment",
        "post a comment",
        "join the conversation",
        "comments are closed",
        "load comments",
        "no comments",
        "be the first to comment",
    ];
    if COMMENTS.contains(&key)
        || (words == 2 && key.ends_with(" comments") && key.starts_with(char::is_numeric))
    {
        return Some("comments");
    }
    if words <= 25
        && [
            "send us a correction",
            "send us a news tip",
            "report an error",
            "report a correction",
            "submit a correction",
            "spotted an error",
            "got a news tip",
            "have a news tip",
        ]
        .iter()
        .any(|p| lower.contains(p))
    {
        return Some("corrections");
    }
    if matches!(
        key,
        "read more"
            | "continue reading"
            | "read the full story"
            | "read full article"
            | "read full story"
            | "load more"
            | "show more"
            | "see more"
    ) {
        return Some("read more");
    }
    if words <= 25 {
        for prefix in [
            "read more:",
            "read more »",
            "also read:",
            "read also:",
            "see also:",
            "more:",
            "watch:",
            "listen:",
        ] {
            if lower.starts_with(prefix) {
                return Some("read more");
            }
        }
        for prefix in [
            "related:",
            "related article:",
            "related story:",
            "related content:",
            "recommended:",
            "related reading:",
        ] {
            if lower.starts_with(prefix) {
                return Some("related");
            }
        }
    }
    if words <= 80
        && (lower.ends_with("read more")
            || lower.ends_with("read more \u{bb}")
            || lower.ends_with("read more >")
            || lower.ends_with("read more\u{2026}")
            || lower.ends_with("continue reading \u{2192}"))
    {
        return Some("teaser");
    }
    if words <= 40 && is_caption(&lower) {
        return Some("caption");
    }
    if words <= 30
        && (lower.starts_with('\u{a9}')
            || lower.starts_with("(c) ")
            || (lower.starts_with("copyright")
                && lower.contains(|c: char| c.is_ascii_digit() || c == '\u{a9}'))
            || lower.contains("all rights reserved"))
    {
        return Some("copyright");
    }
    if words <= 30
        && !ends_sentence(&unit.text)
        && [
            "tags",
            "tags:",
            "topics:",
            "topic:",
            "topic |",
            "topics |",
            "filed under",
            "categories:",
            "related topics",
            "keywords:",
            "tagged:",
            "tagged with",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some("tags");
    }
    if metadata::is_reading_time(&lower) && words <= 5 {
        return Some("reading time");
    }
    if words <= 25 && lower.contains("opinions expressed by") {
        return Some("disclaimer");
    }
    if matches!(
        key,
        "follow" | "unfollow" | "follow author" | "follow this author"
    ) {
        return Some("follow");
    }
    if matches!(
        key,
        "published" | "updated" | "posted" | "last updated" | "first published"
    ) {
        return Some("dateline");
    }
    if words <= 30 && lower.starts_with("our standards:") {
        return Some("standards");
    }
    if words <= 30
        && [
            "this article originally appeared",
            "this article appeared in",
            "this article appeared on",
            "read the original article",
            "this article was originally published",
            "this article first appeared",
            "this story originally appeared",
            "this story was originally published",
            "this story first appeared",
            "originally published on",
            "originally published at",
            "originally published by",
            "a version of this article",
            "a version of this story",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some("syndication");
    }
    if words <= 25
        && [
            "download the app",
            "get more news from",
            "video player",
            "this article is more than",
            "this story is more than",
            "this article was published more than",
            "get the latest news",
            "download our app",
            "get the app",
            "support our journalism",
            "become a member",
            "become a subscriber",
            "already a subscriber",
            "subscribe to continue reading",
            "to continue reading",
            "this article is for subscribers",
            "subscribe for full access",
            "subscribe to our youtube",
            "listen to this article",
            "listen to article",
            "play video",
            "watch video",
            "watch the video",
            "enable javascript",
            "your browser does not support",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some("promo");
    }
    if is_breadcrumb(&unit.text, words) {
        return Some("menu");
    }
    if words <= 12
        && (lower.starts_with("posted in ") || lower.starts_with("categories "))
        && !ends_sentence(&unit.text)
    {
        return Some("tags");
    }
    if matches!(key, "like loading" | "loading" | "like this") {
        return Some("share");
    }
    if words <= 3
        && key.starts_with("comments ")
        && key
            .split(' ')
            .nth(1)
            .is_some_and(|n| n.parse::<u32>().is_ok())
    {
        return Some("comments");
    }
    if (unit.words == 1 && (lower.starts_with("http://") || lower.starts_with("https://")))
        || (words <= 15 && lower.starts_with("click here"))
    {
        return Some("link");
    }
    if words <= 8
        && ["updated", "published", "posted", "last updated"]
            .iter()
            .any(|p| lower.starts_with(p))
        && lower.contains(" ago")
    {
        return Some("dateline");
    }
    None
}

/// "Home > Business > Technology", "News / World / Asia".
fn is_breadcrumb(text: &str, words: usize) -> bool {
    if words > 12 {
        return false;
    }
    let segments: Vec<&str> = text
        .split(['>', '\u{bb}', '\u{203a}', '/', '|'])
        .map(str::trim)
        .collect();
    segments.len() >= 2
        && segments
            .iter()
            .all(|s| !s.is_empty() && s.split_whitespace().count() <= 3)
        && segments
            .first()
            .is_some_and(|f| matches!(f.to_lowercase().as_str(), "home" | "news" | "homepage"))
}

fn is_newsletter(key: &str, lower: &str, words: usize) -> bool {
    if words > 25 {
        return false;
    }
    if lower.contains("newsletter") {
        let openers = [
            "sign up",
            "sign-up",
            "signup",
            "subscribe",
            "join",
            "get ",
            "receive",
            "register",
            "our ",
            "the ",
            "daily",
            "weekly",
            "free",
            "want ",
            "don't miss",
            "never miss",
            "enter",
            "newsletter",
        ];
        if words <= 6 || openers.iter().any(|o| lower.starts_with(o)) {
            return true;
        }
    }
    [
        "please check your email",
        "enter your email",
        "valid email",
        "your email address",
        "thank you for subscribing",
        "thanks for subscribing",
        "thanks for signing up",
        "you're subscribed",
        "you are now subscribed",
        "by signing up",
        "by subscribing",
        "error: please",
    ]
    .iter()
    .any(|p| lower.contains(p))
        || matches!(key, "sign up" | "subscribe now" | "sign up now")
}

fn is_caption(lower: &str) -> bool {
    const STARTS: &[&str] = &[
        "image:",
        "image caption",
        "image copyright",
        "image credit",
        "photo credit",
        "image source",
        "photo:",
        "photos:",
        "photo credit",
        "photograph:",
        "picture:",
        "pictured:",
        "caption:",
        "credit:",
        "(photo",
        "[photo",
        "file photo",
        "illustration:",
        "video:",
        "media caption",
    ];
    const CREDITS: &[&str] = &[
        "photo:",
        "photograph:",
        "image:",
        "getty images",
        "/ap photo",
        "(ap photo",
        "afp via getty",
        "shutterstock",
        "photo by ",
    ];
    STARTS.iter().any(|s| lower.starts_with(s)) || CREDITS.iter().any(|c| lower.contains(c))
}

/// What to do with one unit.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Fate {
    Keep,
    Remove(&'static str),
}

/// Clean `text` (already repaired). `known_title` is the explicit title,
/// if any: lines repeating it are removed as the headline. `known_byline`
/// helps recognise a closing author bio.
pub fn clean(text: &str, known_title: Option<&str>, known_byline: Option<&str>) -> Cleaned {
    let units = split_units(text);
    let mut found = Found::default();
    let mut fates = vec![Fate::Keep; units.len()];
    let strong: Vec<Option<&'static str>> = units.iter().map(furniture_reason).collect();
    let metas: Vec<Option<metadata::LineMeta>> = units
        .iter()
        .map(|u| {
            if u.words <= 30 {
                // The original keeps the wide spacing that separates
                // the parts of a dateline.
                metadata::parse_meta_line(&u.original.replace('\n', "  "))
            } else {
                None
            }
        })
        .collect();
    let bylines: Vec<Option<String>> = units
        .iter()
        .map(|u| metadata::byline_line(&u.text))
        .collect();
    let credits: Vec<Option<Option<String>>> = units
        .iter()
        .map(|u| metadata::credits_line(&u.text))
        .collect();
    let is_furniture = |i: usize| {
        strong.get(i).is_some_and(Option::is_some)
            || metas.get(i).is_some_and(Option::is_some)
            || bylines.get(i).is_some_and(Option::is_some)
            || credits.get(i).is_some_and(Option::is_some)
    };
    let prose: Vec<usize> = (0..units.len())
        .filter(|&i| units.get(i).is_some_and(Unit::is_prose) && !is_furniture(i))
        .collect();
    let body_start = prose.first().copied().unwrap_or(units.len());
    // Metadata lines count up to the second prose paragraph: datelines may
    // follow a one-sentence standfirst.
    let lead_end = prose.get(1).copied().unwrap_or(units.len());

    // The tail: from the first section marker after the body has begun,
    // unless more article follows it than preceded it.
    let mut cut = units.len();
    let mut tail_reason = "related";
    // Word counts before each unit (prefix sums keep this linear).
    let words_before: Vec<usize> = units
        .iter()
        .scan(0usize, |acc, u| {
            let before = *acc;
            *acc += u.words;
            Some(before)
        })
        .collect();
    let total_words: usize = units.iter().map(|u| u.words).sum();
    let first_meta = (0..units.len()).find(|&j| {
        metas.get(j).is_some_and(Option::is_some) || bylines.get(j).is_some_and(Option::is_some)
    });
    for (i, unit) in units.iter().enumerate().skip(body_start + 1) {
        let Some(reason) = section_marker(&unit.key, unit.words).or_else(|| end_marker(&unit.text))
        else {
            continue;
        };
        let before: usize = words_before.get(i).copied().unwrap_or(0);
        let after: usize = total_words
            .saturating_sub(before)
            .saturating_sub(unit.words);
        if after * 2 <= before * 3 {
            cut = i;
            tail_reason = reason;
            break;
        }
        if let Some(f) = fates.get_mut(i) {
            *f = Fate::Remove(reason);
        }
    }
    let last_prose = prose.iter().copied().filter(|&i| i < cut).max();

    let title_key = known_title.map(match_key).filter(|k| !k.is_empty());
    // The headline, when none was given: the first headline-like header
    // line, unless that line is a label above the real headline (a site
    // name, an all-caps kicker, or a short Title-Case name followed by a
    // headline that has its byline/dateline right under it).
    let headline_index = if title_key.is_some() || body_start >= units.len() {
        None
    } else {
        let candidates: Vec<usize> = (0..body_start)
            .filter(|&i| {
                !is_furniture(i)
                    && units
                        .get(i)
                        .is_some_and(|u| metadata::headline_like(&u.text))
            })
            .collect();
        match (candidates.first(), candidates.get(1)) {
            (Some(&first), Some(&second)) => {
                let label = units
                    .get(first)
                    .zip(units.get(second))
                    .is_some_and(|(a, b)| {
                        let meta_below = metas.get(second + 1).is_some_and(Option::is_some)
                            || bylines.get(second + 1).is_some_and(Option::is_some);
                        a.key != b.key
                            && (metadata::site_name(&a.text).is_some()
                                || is_all_caps(&a.text)
                                || (metadata::is_name_like(&a.text, 3) && b.words >= a.words + 3)
                                || (metadata::is_name_like(&a.text, 4)
                                    && b.words <= 16
                                    && meta_below))
                    });
                Some(if label { second } else { first })
            }
            (Some(&first), None) => Some(first),
            _ => None,
        }
    };
    let mut headline_key: Option<String> = title_key.clone();
    let mut seen: HashSet<String> = HashSet::new();

    for (i, unit) in units.iter().enumerate() {
        let in_header = i < body_start;
        let in_lead = i < lead_end;
        if i >= cut {
            let reason = strong
                .get(i)
                .copied()
                .flatten()
                .or_else(|| section_marker(&unit.key, unit.words))
                .or_else(|| metas.get(i).and_then(|m| m.as_ref().map(|m| m.reason)))
                .unwrap_or(tail_reason);
            if i > cut && section_marker(&unit.key, unit.words).is_some() {
                tail_reason = reason;
            }
            if let Some(f) = fates.get_mut(i) {
                *f = Fate::Remove(reason);
            }
            seen.insert(unit.key.clone());
            continue;
        }
        if fates.get(i).is_some_and(|f| *f != Fate::Keep) {
            continue;
        }
        let fate = (|| {
            // The headline and its repeats.
            if let Some(h) = &headline_key {
                if unit.key == *h || (in_header && same_headline(&unit.key, h)) {
                    if found.headline.is_none() && in_header {
                        found.headline = Some(unit.text.clone());
                        return Fate::Remove("headline");
                    }
                    return Fate::Remove("repeated headline");
                }
            }
            // "Image caption," alone: the caption is the next line.
            let after_caption_label = i
                .checked_sub(1)
                .filter(|&p| strong.get(p).copied().flatten() == Some("caption"))
                .and_then(|p| units.get(p))
                .is_some_and(|p| p.text.ends_with([',', ':']));
            if after_caption_label && unit.words <= 30 {
                return Fate::Remove("caption");
            }
            if in_header && is_role_label(&unit.key) {
                return Fate::Remove("byline");
            }
            if let Some(reason) = strong.get(i).copied().flatten() {
                if reason == "syndication" && found.syndicated_from.is_none() {
                    found.syndicated_from = metadata::syndication_outlet(&unit.text);
                }
                return Fate::Remove(reason);
            }
            if let Some(Some(meta)) = metas.get(i) {
                let labelled = meta.dates.iter().any(|(k, _)| *k == DateKind::Updated)
                    || unit.text.to_lowercase().starts_with("publish")
                    || unit.text.to_lowercase().starts_with("posted");
                if in_lead || labelled {
                    for (kind, d) in &meta.dates {
                        let slot = match kind {
                            DateKind::Published => &mut found.published,
                            DateKind::Updated => &mut found.updated,
                        };
                        if slot.is_none() {
                            *slot = Some(d.iso());
                        }
                    }
                }
                found.sources.extend(meta.sources.iter().cloned());
                found.domains.extend(meta.domains.iter().cloned());
                found.authors.extend(meta.authors.iter().cloned());
                found.editors.extend(meta.editors.iter().cloned());
                return Fate::Remove(meta.reason);
            }
            if let Some(Some(name)) = bylines.get(i) {
                found.authors.push(name.clone());
                return Fate::Remove("byline");
            }
            if let Some(Some(reporter)) = credits.get(i) {
                found.reporters.extend(reporter.iter().cloned());
                return Fate::Remove("credits");
            }
            // A bare name right beside the dateline, once the headline is
            // known ("Jane Doe in Beijing" above "Thu 14 May 2015").
            let above_dateline = metas
                .get(i + 1)
                .is_some_and(|m| m.as_ref().is_some_and(|m| !m.dates.is_empty()));
            let above_role = units
                .get(i + 1)
                .is_some_and(|n| is_role_label(&n.key) || n.key == "follow");
            if in_lead
                && headline_key.is_some()
                && (above_dateline || above_role)
                && (2..=6).contains(&unit.words)
                && !ends_sentence(&unit.text)
            {
                if let Some(name) = metadata::clean_credit(&unit.text) {
                    found.authors.push(name);
                    return Fate::Remove("byline");
                }
            }
            if Some(i) == headline_index {
                headline_key = Some(unit.key.clone());
                found.headline = Some(unit.text.clone());
                return Fate::Remove("headline");
            }
            // Short lines above the headline: the site's name or a section.
            if headline_index.is_some_and(|h| i < h) && unit.words <= 5 {
                if found.site_name.is_none() {
                    if let Some(site) = metadata::site_name(&unit.text) {
                        found.site_name = Some(site);
                        return Fate::Remove("site name");
                    }
                }
                return Fate::Remove("section");
            }
            // Between the byline/dateline and the body only short labels
            // stand: photo credits, "Why you can trust us" links.
            let after_meta = first_meta.is_some_and(|m| m < i);
            if in_header
                && after_meta
                && headline_key.is_some()
                && unit.words <= 6
                && !ends_sentence(&unit.text)
            {
                return Fate::Remove("label");
            }
            if in_lead && headline_key.is_some() && unit.words <= 20 {
                let lower = unit.text.to_lowercase();
                if ["i write about", "i cover ", "i report on"]
                    .iter()
                    .any(|p| lower.starts_with(p))
                {
                    return Fate::Remove("author bio");
                }
            }
            if in_header && metadata::is_domain(&unit.text) {
                found.domains.push(unit.text.to_lowercase());
                return Fate::Remove("site name");
            }
            if seen.contains(&unit.key) && !unit.key.is_empty() {
                return Fate::Remove("repeated");
            }
            // Two identical short lines in a row: an image's alt text and
            // caption (or a pull quote), neither part of the prose.
            let next_same = units
                .get(i + 1)
                .is_some_and(|n| n.key == unit.key && i + 1 < cut);
            if next_same && !unit.is_prose() && !unit.key.is_empty() {
                return Fate::Remove("caption");
            }
            if last_prose.is_some_and(|lp| i > lp) && is_tag_line(unit) {
                return Fate::Remove("tags");
            }
            Fate::Keep
        })();
        if let Some(f) = fates.get_mut(i) {
            *f = match fate {
                Fate::Remove("repeated") if seen_caption(&units, i) => {
                    Fate::Remove("repeated caption")
                }
                other => other,
            };
        }
        seen.insert(unit.key.clone());
    }

    // A closing author bio: the last paragraphs starting with the
    // credited name ("Jane Doe is a retail analyst…").
    let mut names: Vec<String> = found.authors.clone();
    names.extend(known_byline.map(str::to_string));
    let kept: Vec<usize> = (0..units.len())
        .filter(|&i| fates.get(i) == Some(&Fate::Keep))
        .collect();
    for &i in kept.iter().rev().take(2) {
        let Some(unit) = units.get(i) else { continue };
        let bio = names
            .iter()
            .filter(|n| n.split_whitespace().count() >= 2)
            .any(|name| {
                unit.text.strip_prefix(name.as_str()).is_some_and(|rest| {
                    [" is ", " writes ", " covers ", " was ", " has been "]
                        .iter()
                        .any(|v| rest.starts_with(v))
                })
            });
        if bio && unit.words <= 60 && kept.len() > 1 {
            if let Some(f) = fates.get_mut(i) {
                *f = Fate::Remove("author bio");
            }
        }
    }

    let (text, removed) = assemble(&units, &fates);
    Cleaned {
        text,
        removed,
        found,
    }
}

/// A header line that prints the headline with or without a site suffix
/// ("Alibaba goes global" vs the `<title>` "Alibaba goes global | The
/// Stack"): one is a word-prefix of the other, covering most of it.
fn same_headline(line_key: &str, title_key: &str) -> bool {
    let (short, long) = if line_key.len() <= title_key.len() {
        (line_key, title_key)
    } else {
        (title_key, line_key)
    };
    short.split(' ').count() >= 4
        && long.starts_with(short)
        && long
            .get(short.len()..)
            .is_some_and(|rest| rest.starts_with(' '))
        && short.len() * 10 >= long.len() * 6
}

/// The previous unit was the same short line (a caption pair).
fn seen_caption(units: &[Unit], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| units.get(p))
        .zip(units.get(i))
        .is_some_and(|(prev, unit)| prev.key == unit.key && !unit.is_prose())
}

/// A credit's role alone on a line ("Contributor", "Staff Writer").
fn is_role_label(key: &str) -> bool {
    matches!(
        key,
        "contributor"
            | "staff writer"
            | "staff reporter"
            | "senior writer"
            | "senior reporter"
            | "reporter"
            | "correspondent"
            | "columnist"
            | "contributing writer"
            | "editor"
            | "senior editor"
            | "forbes staff"
            | "guest author"
            | "guest writer"
    )
}

fn is_all_caps(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// A trailing line of topic words: short, no sentence punctuation.
fn is_tag_line(unit: &Unit) -> bool {
    unit.words <= 12
        && !unit.text.contains([
            '.', '!', '?', ';', ':', '"', '\u{201c}', '\u{201d}', '(', ')',
        ])
        && unit.text.chars().next().is_some_and(char::is_alphanumeric)
}

/// Join kept units with blank lines; record removed runs where they stood,
/// merging neighbours removed for the same reason.
fn assemble(units: &[Unit], fates: &[Fate]) -> (String, Vec<Removed<'static>>) {
    let mut text = String::new();
    let mut removed: Vec<Removed<'static>> = Vec::new();
    // Removed blocks waiting for the next kept paragraph to learn `at`.
    let mut pending: Vec<(&'static str, String)> = Vec::new();
    let flush = |pending: &mut Vec<(&'static str, String)>,
                 at: usize,
                 removed: &mut Vec<Removed<'static>>| {
        for (reason, original) in pending.drain(..) {
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            match removed.last_mut() {
                Some(last) if last.at == at && last.reason == reason => {
                    let joined = last.text.to_mut();
                    joined.push_str("\n\n");
                    joined.push_str(&original);
                }
                _ => removed.push(Removed {
                    at,
                    reason: reason.to_string(),
                    text: Cow::Owned(original),
                }),
            }
        }
    };
    for (unit, fate) in units.iter().zip(fates) {
        match fate {
            Fate::Keep => {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                flush(&mut pending, text.len(), &mut removed);
                text.push_str(&unit.text);
            }
            Fate::Remove(reason) => pending.push((reason, unit.original.clone())),
        }
    }
    flush(&mut pending, text.len(), &mut removed);
    (text, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(raw: &str) -> Vec<String> {
        clean(raw, None, None)
            .text
            .split("\n\n")
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn hard_wrapped_lines_are_joined_but_line_paragraphs_are_not() {
        let wrapped = "The quick brown fox jumps over the lazy dog and keeps on running\n\
                       far away into the distance where nobody can see it any more at\n\
                       all, not even the farmer who owns the field and the dog itself.\n\
                       \n\
                       A second paragraph that is also long enough to be wrapped here\n\
                       and continues on this line.";
        assert_eq!(kept(wrapped).len(), 2);
        let lines = "First paragraph is one line of text and it ends here.\nSecond paragraph on its own line also ends here.";
        assert_eq!(kept(lines).len(), 2);
    }

    #[test]
    fn removed_blocks_record_where_they_stood() {
        let c = clean(
            "Menu\n\nAlibaba goes global, CEO says\n\nAlibaba will invest heavily in new and existing overseas operations, Zhang said.\n\nAdvertisement\n\nThe company did not give figures for the plan or say when it would start.",
            None,
            None,
        );
        assert_eq!(
            c.found.headline.as_deref(),
            Some("Alibaba goes global, CEO says")
        );
        let reasons: Vec<(&str, u32)> = c
            .removed
            .iter()
            .map(|r| (r.reason.as_str(), r.at))
            .collect();
        let second = c.text.find("The company").unwrap_or(0) as u32;
        assert_eq!(
            reasons,
            [("menu", 0), ("headline", 0), ("advertisement", second)]
        );
    }

    #[test]
    fn collapse_keeps_single_no_break_space() {
        assert_eq!(collapse_spaces("a  b\tc 100\u{a0}km"), "a b c 100\u{a0}km");
    }
}
