//! The explorer's components. Each renders from props and reports user
//! intent through callbacks; none owns state that belongs in the URL.

pub mod facets;
pub mod reader;
pub mod results;
pub mod search_box;
pub mod text;
