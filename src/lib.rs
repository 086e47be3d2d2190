//! Raport GP: the yearly report on a gmina's addiction-prevention program.
//!
//! `domain` is plain Rust (no leptos, web-sys or wasm-bindgen) and is tested natively;
//! `app` is the thin Leptos shell that binds browser forms and storage to it.

pub mod domain;

/// Helpers of the `raport` command-line tool (plain Rust; compiled on every target because
/// Cargo builds the package's binaries for integration tests, the browser ones included).
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// The app's version, shown in the UI and written into every saved file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
