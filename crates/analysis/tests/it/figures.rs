//! Tests for the figures stage.
