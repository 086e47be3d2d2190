//! The screens: the start screen (reports stored in this browser) with the first-visit welcome,
//! the report editor, the help page, and the screen for a link to a report not stored here.

pub mod editor;
pub mod findings;
pub mod help;
pub mod import;
pub mod missing;
pub mod sections;
pub mod start;
pub mod welcome;
