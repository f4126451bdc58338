//! The explorer's state, and its one true home: the URL.
//!
//! Everything that decides what is on screen (view, query, facet
//! selections, sort, result kind, open article, reader mode) lives in
//! [`Route`], which round-trips through the location hash
//! (`#/read/001?q=zhang&f=outlet:The%20Stack`). Hash routing works on any
//! static host, under any subpath and from `file://`. The reducer follows
//! yew's `function_todomvc`: one [`State`] at the root, changed only by
//! [`Action`]s.

use clippings_search::{FacetKind, Selection, Sort};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Search,
    Read,
    Quotes,
    Coverage,
    Timeline,
    Entities,
}

impl View {
    pub const TABS: [View; 5] = [
        View::Search,
        View::Quotes,
        View::Coverage,
        View::Timeline,
        View::Entities,
    ];

    pub fn key(self) -> &'static str {
        match self {
            View::Search => "search",
            View::Read => "read",
            View::Quotes => "quotes",
            View::Coverage => "coverage",
            View::Timeline => "timeline",
            View::Entities => "entities",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Search => "Articles",
            View::Read => "Reader",
            View::Quotes => "Quotes",
            View::Coverage => "Coverage",
            View::Timeline => "Timeline",
            View::Entities => "Entities",
        }
    }

    fn from_key(key: &str) -> Option<View> {
        [
            View::Search,
            View::Read,
            View::Quotes,
            View::Coverage,
            View::Timeline,
            View::Entities,
        ]
        .into_iter()
        .find(|v| v.key() == key)
    }
}

/// Articles or individual quotes as search results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ResultKind {
    #[default]
    Articles,
    Quotes,
}

/// Everything the URL holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Route {
    pub view: View,
    pub query: String,
    pub selections: Vec<Selection>,
    pub sort: Sort,
    pub kind: ResultKind,
    /// The open article's id (reader).
    pub doc: Option<String>,
    /// The reader shows the original text with removed page furniture.
    pub original: bool,
}

impl Route {
    /// Parse a location hash (with or without the leading `#`). Lenient:
    /// anything unknown is ignored, never an error.
    pub fn from_hash(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let hash = hash.strip_prefix('/').unwrap_or(hash);
        let (path, params) = hash.split_once('?').unwrap_or((hash, ""));
        let mut route = Route::default();
        let mut segments = path.splitn(2, '/');
        if let Some(view) = segments.next().and_then(View::from_key) {
            route.view = view;
        }
        if route.view == View::Read {
            route.doc = segments
                .next()
                .map(decode_component)
                .filter(|d| !d.is_empty());
            if route.doc.is_none() {
                route.view = View::Search;
            }
        }
        for (key, value) in form_urlencoded::parse(params.as_bytes()) {
            match key.as_ref() {
                "q" => route.query = value.into_owned(),
                "f" | "x" => {
                    if let Some((facet, name)) = value.split_once(':') {
                        if let Some(kind) = FacetKind::from_key(facet) {
                            let exclude = key == "x";
                            route.select(kind, name, exclude);
                        }
                    }
                }
                "sort" => route.sort = Sort::from_key(&value).unwrap_or_default(),
                "kind" if value == "quotes" => route.kind = ResultKind::Quotes,
                "orig" if value == "1" => route.original = true,
                _ => {}
            }
        }
        route
    }

    /// The location hash for this route, starting with `#/`.
    pub fn to_hash(&self) -> String {
        let mut path = format!("#/{}", self.view.key());
        if let (View::Read, Some(doc)) = (self.view, &self.doc) {
            path.push('/');
            path.push_str(&encode_component(doc));
        }
        let mut params = form_urlencoded::Serializer::new(String::new());
        if !self.query.is_empty() {
            params.append_pair("q", &self.query);
        }
        for s in &self.selections {
            let Some(facet) = s.facet else { continue };
            for v in &s.include {
                params.append_pair("f", &format!("{}:{v}", facet.key()));
            }
            for v in &s.exclude {
                params.append_pair("x", &format!("{}:{v}", facet.key()));
            }
        }
        if self.sort != Sort::Relevance {
            params.append_pair("sort", self.sort.key());
        }
        if self.kind == ResultKind::Quotes {
            params.append_pair("kind", "quotes");
        }
        if self.original && self.view == View::Read {
            params.append_pair("orig", "1");
        }
        let params = params.finish();
        if params.is_empty() {
            path
        } else {
            format!("{path}?{params}")
        }
    }

    /// Add a facet value to the selection (or the exclusions).
    pub fn select(&mut self, facet: FacetKind, value: &str, exclude: bool) {
        let i = match self.selections.iter().position(|s| s.facet == Some(facet)) {
            Some(i) => i,
            None => {
                self.selections.push(Selection {
                    facet: Some(facet),
                    ..Default::default()
                });
                self.selections.len() - 1
            }
        };
        let s = &mut self.selections[i];
        s.include.retain(|v| v != value);
        s.exclude.retain(|v| v != value);
        if exclude {
            s.exclude.push(value.to_string());
        } else {
            s.include.push(value.to_string());
        }
    }

    /// Remove a value from a facet's selection and exclusions.
    pub fn unselect(&mut self, facet: FacetKind, value: &str) {
        for s in self
            .selections
            .iter_mut()
            .filter(|s| s.facet == Some(facet))
        {
            s.include.retain(|v| v != value);
            s.exclude.retain(|v| v != value);
        }
        self.selections
            .retain(|s| !s.include.is_empty() || !s.exclude.is_empty());
    }

    pub fn is_selected(&self, facet: FacetKind, value: &str) -> Option<bool> {
        let s = self.selections.iter().find(|s| s.facet == Some(facet))?;
        if s.include.iter().any(|v| v == value) {
            Some(true)
        } else if s.exclude.iter().any(|v| v == value) {
            Some(false)
        } else {
            None
        }
    }

    pub fn has_filters(&self) -> bool {
        !self.selections.is_empty()
    }
}

/// Percent-encode one path segment.
fn encode_component(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

fn decode_component(s: &str) -> String {
    let plus_safe = s.replace('+', "%2B");
    form_urlencoded::parse(format!("v={plus_safe}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// Application state: the route plus what is not worth sharing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub route: Route,
    /// How many article results are rendered (grows with "show more").
    pub shown: usize,
    /// A one-off message for the live region ("Copied citation").
    pub notice: Option<String>,
    /// Dark mode override: None follows the system.
    pub dark: Option<bool>,
    /// How the last change should reach the history.
    pub history: HistoryMode,
}

pub const PAGE: usize = 30;

/// How a route change reaches the browser history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry (navigation: back returns here).
    #[default]
    Push,
    /// Replace the current entry (typing).
    Replace,
}

pub enum Action {
    /// The URL changed (load, back/forward, an edited hash).
    FromUrl(Route),
    SetQuery(String),
    Select {
        facet: FacetKind,
        value: String,
        exclude: bool,
    },
    Unselect {
        facet: FacetKind,
        value: String,
    },
    /// Only this value in this facet (timeline, entity and coverage links).
    Only {
        facet: FacetKind,
        value: String,
    },
    ClearFilters,
    SetSort(Sort),
    SetKind(ResultKind),
    Close,
    ToggleOriginal,
    ShowMore,
    Notice(String),
    SetDark(Option<bool>),
}

impl Action {
    /// Typing replaces the history entry; everything else adds one.
    pub fn history_mode(&self) -> HistoryMode {
        match self {
            Action::SetQuery(_) => HistoryMode::Replace,
            _ => HistoryMode::Push,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.notice = None;
        next.history = action.history_mode();
        let route = &mut next.route;
        match action {
            Action::FromUrl(r) => {
                if r == self.route {
                    return self;
                }
                *route = r;
                next.shown = PAGE;
            }
            Action::SetQuery(q) => {
                route.query = q;
                if route.view == View::Read {
                    route.view = View::Search;
                }
                next.shown = PAGE;
            }
            Action::Select {
                facet,
                value,
                exclude,
            } => {
                route.select(facet, &value, exclude);
                next.shown = PAGE;
            }
            Action::Unselect { facet, value } => {
                route.unselect(facet, &value);
                next.shown = PAGE;
            }
            Action::Only { facet, value } => {
                route.selections.retain(|s| s.facet != Some(facet));
                route.select(facet, &value, false);
                if route.view == View::Read {
                    route.view = View::Search;
                }
                next.shown = PAGE;
            }
            Action::ClearFilters => {
                route.selections.clear();
                next.shown = PAGE;
            }
            Action::SetSort(s) => route.sort = s,
            Action::SetKind(k) => route.kind = k,
            Action::Close => {
                route.view = View::Search;
                route.doc = None;
                route.original = false;
            }
            Action::ToggleOriginal => route.original = !route.original,
            Action::ShowMore => next.shown += PAGE,
            Action::Notice(n) => next.notice = Some(n),
            Action::SetDark(d) => next.dark = d,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(hash: &str) {
        let route = Route::from_hash(hash);
        assert_eq!(route.to_hash(), hash, "{route:?}");
        assert_eq!(Route::from_hash(&route.to_hash()), route);
    }

    #[test]
    fn routes_round_trip_through_the_hash() {
        round_trip("#/search");
        round_trip("#/search?q=global+buy");
        round_trip("#/read/001_a31c8d53c7f2617f?q=%22global+buy%22");
        round_trip("#/read/doc%20with%20spaces%2Band%23hash?orig=1");
        round_trip("#/search?q=zhang&f=outlet%3AThe+Stack&x=year%3A2015&sort=newest&kind=quotes");
        round_trip("#/timeline?f=year%3A2015");
    }

    #[test]
    fn garbage_hashes_give_a_usable_route() {
        for hash in [
            "",
            "#",
            "#/nowhere",
            "#/read",
            "#/read/",
            "#/search?f=nofacet:x&f=outlet&sort=sideways&%zz=1&q=%E0%A4%A",
            "#<script>alert(1)</script>",
            "#/search?q=<img src=x onerror=alert(1)>",
        ] {
            let route = Route::from_hash(hash);
            assert_ne!(route.view, View::Read, "{hash}");
            let again = Route::from_hash(&route.to_hash());
            assert_eq!(again, route, "{hash}");
        }
        assert_eq!(
            Route::from_hash("#/search?q=<img src=x onerror=alert(1)>").query,
            "<img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn selecting_toggles_between_include_and_exclude() {
        let mut r = Route::default();
        r.select(FacetKind::Outlet, "The Stack", false);
        r.select(FacetKind::Outlet, "Global Times", false);
        assert_eq!(r.is_selected(FacetKind::Outlet, "The Stack"), Some(true));
        r.select(FacetKind::Outlet, "The Stack", true);
        assert_eq!(r.is_selected(FacetKind::Outlet, "The Stack"), Some(false));
        r.unselect(FacetKind::Outlet, "The Stack");
        r.unselect(FacetKind::Outlet, "Global Times");
        assert!(!r.has_filters());
    }
}

/// A shared value that props compare by identity: a memoized search result
/// is either the very same result or a new one, never worth a deep compare.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
