//! Tests for the align stage.
