//! Tests for the document stage.
