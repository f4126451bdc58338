//! The search crate's one integration-test binary: every query feature
//! pinned on a tiny fixture corpus and on the seeds, plus property tests.

mod fixture;
mod properties;
mod queries;
mod seeds;
