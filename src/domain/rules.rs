//! The checks: `validate(&Report) -> Vec<Finding>`. Each rule has a stable id, a severity, the
//! path of the field it concerns, the citation it rests on and a Polish message.

use super::model::Report;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// One result of checking a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Stable rule id, e.g. `task-not-covered`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Path of the field it concerns, in the JSON format's terms, e.g. `activities[3].cost.executed`.
    pub path: String,
    /// The legal citation it rests on, where one exists.
    pub citation: Option<String>,
    /// The message for the user, in Polish.
    pub message: String,
}

/// Checks a report against the statutory catalogue and the rules of money, dates and references.
pub fn validate(_report: &Report) -> Vec<Finding> {
    Vec::new()
}
