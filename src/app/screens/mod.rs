//! The screens: the start screen (reports stored in this browser) and the report editor.

pub mod editor;
pub mod findings;
pub mod import;
pub mod sections;
pub mod start;
