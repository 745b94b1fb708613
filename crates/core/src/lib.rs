//! HIT Trainer's domain: plain data and pure functions.
//!
//! This crate must never depend on leptos, web-sys, gloo or wasm-bindgen: the
//! web app (the workspace root) and the `hit` CLI both build on it, and its
//! tests run natively. Time and randomness are passed in by callers.

pub mod assignment;
pub mod attempts;
pub mod backup;
pub mod chart;
pub mod codes;
pub mod coding;
pub mod content;
pub mod date;
pub mod discharge;
pub mod drg_rules;
pub mod exam;
pub mod fsrs;
pub mod grading;
pub mod grouper;
pub mod history;
pub mod icd10cm;
pub mod mce;
pub mod mock;
pub mod msdrg;
pub mod parametric;
pub mod pcs;
pub mod poa;
pub mod progress;
pub mod prose;
pub mod quiz;
pub mod review;
pub mod rhit;
pub mod scenario;
pub mod search;
pub mod settings;
pub mod sources;
pub mod store;
pub mod tips;

/// The version shown by `hit --version` and on the About page.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
