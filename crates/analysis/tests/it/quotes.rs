//! Tests for the quotes stage.
