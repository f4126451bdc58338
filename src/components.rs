//! The explorer's components. Each renders from props and reports user
//! intent through callbacks; none owns state that belongs in the URL.

pub mod coverage;
pub mod entities;
pub mod export;
pub mod facets;
pub mod quotes;
pub mod reader;
pub mod results;
pub mod search_box;
pub mod show_all;
pub mod text;
pub mod timeline;
