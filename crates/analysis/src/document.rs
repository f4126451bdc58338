//! Clean text and metadata. (Provisional: to be replaced.)

use crate::Article;
use clippings_core::{Document, Warning};
use std::borrow::Cow;

pub fn build(article: Article, _warnings: &mut Vec<Warning>) -> Document<'static> {
    let paragraphs: Vec<&str> = article.raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let title = article.title.clone().unwrap_or_else(|| paragraphs.first().map(|s| s.to_string()).unwrap_or_default());
    Document {
        id: article.id,
        path: article.path,
        title,
        title_derived: false,
        outlet: article.outlet,
        date: article.date,
        url: article.url,
        byline: article.byline,
        text: Cow::Owned(paragraphs.join("\n\n")),
        removed: Vec::new(),
    }
}
