//! The checks: `validate(&Report) -> Vec<Finding>`, run on every edit in the browser.
//!
//! Invariants:
//! - Rules are data: every rule is one [`Rule`] in [`RULES`] (stable kebab-case id, severity,
//!   citation, one-line summary and a Polish message template). The check functions in the
//!   submodules only decide *whether* a rule fires, *where* (the JSON path) and with which
//!   message parameters; all wording lives in `table.rs` (templates) and `text.rs` (labels and
//!   Polish number formatting).
//! - Citations come from the catalogue (`catalogue().citation(id)` or the statutory task's own
//!   `citation`), never from legal text written here.
//! - Paths use the JSON format's field names with indices (`activities[3].cost.executed`); a
//!   statutory task without an activity is `tasks.<task id>` so the UI can jump to its section.
//! - Validation is linear in the size of the report (hash maps, no pairwise loops over
//!   activities) and deterministic (findings come out in the order of the report's sections).

mod activities;
mod bodies;
mod meta;
mod program;
mod registry;
mod spending;
mod table;
mod tasks;
pub(crate) mod text;
mod yoy;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use super::catalogue::{catalogue, StatutoryTask};
use super::model::{Regime, Report};

pub use table::*;

/// The share of the planned value below which an achieved indicator needs a written reason.
pub const LOW_ACHIEVEMENT_PERCENT: u32 = 50;

/// The first report year the checks accept: the drug act of 29 July 2005 applies from its
/// first full year.
pub const MIN_YEAR: i32 = 2006;
/// The last report year the checks accept (a guard against typos such as `20200`).
pub const MAX_YEAR: i32 = 2100;

/// How serious a finding is. The policy every rule follows:
/// - **Error**: the report would be wrong or misleading as printed — sums that do not add up,
///   impossible dates or counts, a repealed or unknown statutory point, a task of the wrong act,
///   money spent beyond what the law allows, a malformed code, a dangling reference.
/// - **Warning**: something is missing that a reviewer (the council, RIO, KCPU) would ask for —
///   a task without an activity or a written reason, a missing resolution date or number, an
///   indicator without a value — or a choice the law frowns upon but does not make false (a
///   separate program after 2022, a program period over 4 years, spending audit chambers
///   question).
/// - **Info**: a hint; nothing needs to change (a missing TERYT code: no real report states it).
///
/// So a sparse but honest report (no TERYT, no resolution number, no per-activity costs) comes
/// out with warnings and notes, not errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The report would be wrong or misleading as printed.
    Error,
    /// Something a reviewer would ask for is missing.
    Warning,
    /// A note; nothing needs to change.
    Info,
}

impl Severity {
    /// Polish label for the summary panel.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "błąd",
            Severity::Warning => "ostrzeżenie",
            Severity::Info => "uwaga",
        }
    }
}

/// Where a rule's legal citation comes from. Every finding cites the provision in force for the
/// report's year: the basis of the program or of the report is chosen by regime and year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cite {
    /// A citation of the catalogue, by id.
    Id(&'static str),
    /// The statutory task the finding concerns (its own `citation` in the catalogue).
    Task,
    /// The provisions that make the gmina adopt the program: art. 10 of the drug act for a
    /// drug-only program, art. 4¹ of the sobriety act for an alcohol program, both for a joint
    /// one (art. 10 ust. 1–3 before 2022, ust. 1 i 2 from 2022).
    ProgramBasis,
    /// The provision that requires the report for its year, for rules about what the report
    /// says: art. 4¹ ust. 2b of the sobriety act from 2022; art. 11 ust. 1 of the drug act for a
    /// drug or combined program up to 2021; for an alcohol-only program up to 2021, which no
    /// provision made report to the council, the program's own basis.
    ReportBasis,
}

impl Cite {
    /// The catalogue citation id this resolves to for a report of this regime and year (`None`
    /// for `Cite::Task`, whose citation is the task's own).
    pub fn citation_id(self, regime: Regime, year: i32) -> Option<&'static str> {
        let joint_era = year >= Regime::JOINT_FROM_YEAR;
        match self {
            Cite::Task => None,
            Cite::Id(id) => Some(id),
            Cite::ProgramBasis => Some(match (regime, joint_era) {
                (Regime::DrugOnly, false) => "drug_act_art10",
                (Regime::DrugOnly, true) => "drug_act_art10_2022",
                (Regime::AlcoholOnly, _) => "sobriety_art4_1",
                (Regime::Joint, false) => "combined_program_basis",
                (Regime::Joint, true) => "joint_program_basis",
            }),
            Cite::ReportBasis => Some(match (regime, joint_era) {
                (_, true) => "sobriety_art4_1_2b",
                (Regime::DrugOnly | Regime::Joint, false) => "drug_act_art11",
                (Regime::AlcoholOnly, false) => "sobriety_art4_1",
            }),
        }
    }
}

/// One rule: the data the checks and the summary panel share.
#[derive(Debug)]
pub struct Rule {
    /// Stable id, kebab-case (kept in files, tests and the UI).
    pub id: &'static str,
    pub severity: Severity,
    pub citation: Cite,
    /// One line for a list of all checks.
    pub summary: &'static str,
    /// The Polish message: `{name}` is replaced by the parameter `name`; a `[...]` part is kept
    /// only when every parameter inside it is given.
    pub template: &'static str,
}

/// Message parameters: name and already formatted value.
pub type Params = Vec<(&'static str, String)>;

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
    /// The message parameters (already formatted the Polish way), e.g. `("activity", "„Ferie”")`.
    pub params: Params,
}

impl Finding {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }
    /// A message parameter by name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// The ids of all rules, in table order.
pub fn rule_ids() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|r| r.id)
}

/// The message of a rule with these parameters (the one place where messages are built).
pub fn message(rule: &Rule, params: &Params) -> String {
    text::fill(rule.template, params)
}

/// Number of errors among findings.
pub fn errors(findings: &[Finding]) -> usize {
    findings.iter().filter(|f| f.is_error()).count()
}

/// Number of warnings among findings.
pub fn warnings(findings: &[Finding]) -> usize {
    findings.iter().filter(|f| f.is_warning()).count()
}

/// Number of informational notes among findings.
pub fn infos(findings: &[Finding]) -> usize {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Info)
        .count()
}

/// Checks a report against the statutory catalogue and the rules of money, dates and references.
pub fn validate(report: &Report) -> Vec<Finding> {
    let mut cx = Ctx {
        report,
        index: Index::build(report),
        out: Vec::new(),
    };
    meta::check(&mut cx);
    program::check(&mut cx);
    tasks::check(&mut cx);
    activities::check(&mut cx);
    spending::check(&mut cx);
    bodies::check(&mut cx);
    registry::check(&mut cx);
    yoy::check(&mut cx);
    cx.out
}

/// Lookups built once per validation so no check loops over activities inside a loop.
pub(crate) struct Index<'a> {
    pub partner_ids: HashSet<&'a str>,
    pub goal_ids: HashSet<&'a str>,
    pub activity_ids: HashSet<&'a str>,
    /// How many activities serve each task id (as written, including unknown ids).
    pub activities_per_task: HashMap<&'a str, usize>,
    /// Statutory tasks by id.
    pub tasks: HashMap<&'static str, &'static StatutoryTask>,
}

impl<'a> Index<'a> {
    fn build(report: &'a Report) -> Index<'a> {
        let mut activities_per_task: HashMap<&str, usize> = HashMap::new();
        for a in &report.activities {
            for (j, t) in a.tasks.iter().enumerate() {
                // An activity tagged twice with the same task still counts once (task lists
                // are a handful long, so a scan beats a set).
                if !a.tasks[..j].contains(t) {
                    *activities_per_task.entry(t.as_str()).or_default() += 1;
                }
            }
        }
        Index {
            partner_ids: report.partners.iter().map(|p| p.id.as_str()).collect(),
            goal_ids: report.goals.iter().map(|g| g.id.as_str()).collect(),
            activity_ids: report.activities.iter().map(|a| a.id.as_str()).collect(),
            activities_per_task,
            tasks: catalogue()
                .tasks
                .iter()
                .map(|t| (t.id.as_str(), t))
                .collect(),
        }
    }
}

/// The state of one validation run.
pub(crate) struct Ctx<'a> {
    pub report: &'a Report,
    pub index: Index<'a>,
    out: Vec<Finding>,
}

impl Ctx<'_> {
    /// Records a finding of `rule` at `path`.
    pub fn emit(&mut self, rule: &'static Rule, path: impl Into<String>, params: Params) {
        self.push(rule, path.into(), None, params);
    }

    /// Records a finding about a statutory task (its citation is the task's own).
    pub fn emit_task(
        &mut self,
        rule: &'static Rule,
        path: impl Into<String>,
        task: &StatutoryTask,
        params: Params,
    ) {
        self.push(rule, path.into(), Some(task), params);
    }

    fn push(
        &mut self,
        rule: &'static Rule,
        path: String,
        task: Option<&StatutoryTask>,
        params: Params,
    ) {
        debug_assert!(
            RULES.iter().any(|r| std::ptr::eq(*r, rule)),
            "rule {} is missing from RULES",
            rule.id
        );
        let (regime, year) = (self.report.program.regime, self.report.year);
        let citation = match (rule.citation, task) {
            (Cite::Task, Some(t)) => Some(t.citation.clone()),
            (Cite::Task, None) => Cite::ProgramBasis
                .citation_id(regime, year)
                .and_then(|id| catalogue().citation(id))
                .map(str::to_owned),
            (cite, _) => cite
                .citation_id(regime, year)
                .and_then(|id| catalogue().citation(id))
                .map(str::to_owned),
        };
        self.out.push(Finding {
            rule: rule.id,
            severity: rule.severity,
            path,
            citation,
            message: message(rule, &params),
            params,
        });
    }
}

/// Builds message parameters: `params![ "activity" => label, "amount" => text ]`.
macro_rules! params {
    ($($name:literal => $value:expr),* $(,)?) => {
        vec![$(($name, ::std::string::ToString::to_string(&$value))),*]
    };
}
pub(crate) use params;

/// A text field counts as filled when it has something besides whitespace.
pub(crate) fn blank(s: &str) -> bool {
    s.trim().is_empty()
}
