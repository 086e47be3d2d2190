//! One-row-per-report summaries (CSV) for batch work over many gminas' files.
//!
//! Invariants: a summary is a pure function of one report (no clock, no file system), so a
//! caller can stream thousands of files and keep nothing but the current row; the columns are
//! fixed by [`header`] (the per-task columns follow the catalogue's order, so a new task in the
//! catalogue adds a column without touching this module); amounts are exact decimals written
//! with a dot and two decimal places (`148543.63`), an empty cell meaning "no figure given",
//! never zero; [`to_csv_line`] quotes the RFC 4180 way.

use rust_decimal::{Decimal, RoundingStrategy};

use super::catalogue::catalogue;
use super::model::{Activity, Amount, Regime, Report};
use super::rules;

/// The budget chapters (rozdziały) with a column of their own; every other chapter, and a line
/// without one, goes to the "other" column.
pub const CHAPTERS: [&str; 3] = ["85153", "85154", "85195"];

/// The figures of one report, before they become CSV cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub gmina: String,
    pub teryt: String,
    pub year: i32,
    pub regime: Regime,
    /// Executed amounts of the budget lines per chapter of [`CHAPTERS`]; `None` when no line of
    /// that chapter has an executed amount.
    pub executed_per_chapter: [Option<Amount>; 3],
    /// Executed amounts of the lines charged to any other chapter (or to none).
    pub executed_other: Option<Amount>,
    /// Executed amounts of all budget lines (money from outside the budget is not summed in).
    pub executed_total: Option<Amount>,
    pub activities: usize,
    /// Activities serving each catalogue task, in catalogue order (an activity tagged twice with
    /// the same task counts once).
    pub activities_per_task: Vec<usize>,
    /// The sum of achieved values of indicators counting persons; `None` when none is given.
    pub participants: Option<Decimal>,
    pub errors: usize,
    pub warnings: usize,
}

/// Adds an optional amount to an optional running sum: `None` stays `None` until an amount comes.
fn add(sum: Option<Amount>, amount: Option<Amount>) -> Option<Amount> {
    match (sum, amount) {
        (s, None) => s,
        (None, Some(a)) => Some(a),
        (Some(s), Some(a)) => Some(s + a),
    }
}

/// Computes the figures of a report, validating it for the error and warning counts.
pub fn summarize(report: &Report) -> Summary {
    let mut per_chapter = [None; 3];
    let mut other = None;
    let mut total = None;
    for line in &report.budget.lines {
        match CHAPTERS.iter().position(|c| *c == line.chapter.trim()) {
            Some(i) => per_chapter[i] = add(per_chapter[i], line.executed),
            None => other = add(other, line.executed),
        }
        total = add(total, line.executed);
    }

    let activities_per_task = catalogue()
        .tasks
        .iter()
        .map(|task| {
            report
                .activities
                .iter()
                .filter(|a| a.tasks.contains(&task.id))
                .count()
        })
        .collect();

    let participants = report
        .activities
        .iter()
        .flat_map(Activity::participant_indicators)
        .filter_map(|i| i.achieved)
        .reduce(|a, b| a + b);

    let findings = rules::validate(report);
    Summary {
        gmina: report.gmina.name.clone(),
        teryt: report.gmina.teryt.clone(),
        year: report.year,
        regime: report.program.regime,
        executed_per_chapter: per_chapter,
        executed_other: other,
        executed_total: total,
        activities: report.activities.len(),
        activities_per_task,
        participants,
        errors: rules::errors(&findings),
        warnings: rules::warnings(&findings),
    }
}

/// The regime as written in files (`drug_only`, `alcohol_only`, `joint`).
pub fn regime_code(regime: Regime) -> &'static str {
    match regime {
        Regime::DrugOnly => "drug_only",
        Regime::AlcoholOnly => "alcohol_only",
        Regime::Joint => "joint",
    }
}

/// `148543.63`: a dot, exactly two decimal places (rounded half away from zero), no grouping.
pub fn amount_cell(amount: Option<Amount>) -> String {
    let Some(amount) = amount else {
        return String::new();
    };
    let mut d = amount
        .value()
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(2);
    if d.is_zero() {
        // No "-0.00" from a rounded tiny negative amount.
        d.set_sign_positive(true);
    }
    d.to_string()
}

/// `1234`, or `12.5` for a (wrong, but possible) fractional count; empty when not given.
fn count_cell(value: Option<Decimal>) -> String {
    value.map(|v| v.normalize().to_string()).unwrap_or_default()
}

/// The column names. Machine-friendly: ASCII, snake_case like the JSON format's field names.
pub fn header() -> Vec<String> {
    let mut h: Vec<String> = ["file", "gmina", "teryt", "year", "regime"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    h.extend(CHAPTERS.iter().map(|c| format!("executed_{c}")));
    h.push("executed_other".into());
    h.push("executed_total".into());
    h.push("activities".into());
    h.extend(
        catalogue()
            .tasks
            .iter()
            .map(|t| format!("activities_{}", t.id)),
    );
    for s in ["participants", "errors", "warnings"] {
        h.push(s.into());
    }
    h
}

impl Summary {
    /// The CSV cells of this summary for the file it came from, matching [`header`].
    pub fn cells(&self, file: &str) -> Vec<String> {
        let mut row = vec![
            file.to_string(),
            self.gmina.clone(),
            self.teryt.clone(),
            self.year.to_string(),
            regime_code(self.regime).to_string(),
        ];
        row.extend(self.executed_per_chapter.iter().map(|a| amount_cell(*a)));
        row.push(amount_cell(self.executed_other));
        row.push(amount_cell(self.executed_total));
        row.push(self.activities.to_string());
        row.extend(self.activities_per_task.iter().map(|n| n.to_string()));
        row.push(count_cell(self.participants));
        row.push(self.errors.to_string());
        row.push(self.warnings.to_string());
        row
    }
}

/// The CSV cells of one report read from `file`, matching [`header`].
pub fn row(file: &str, report: &Report) -> Vec<String> {
    summarize(report).cells(file)
}

/// A cell a spreadsheet would run as a formula (CSV injection): text starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading apostrophe, as OWASP recommends, so it is
/// shown as text. Numbers (`-12.50`) are left as they are: they are not formulas, and the
/// columns of amounts must stay numbers.
pub fn neutralise_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    let trigger = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if trigger && !crate::domain::money::is_decimal_text(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// One CSV record without its line terminator (the caller ends it with CRLF, as RFC 4180 says):
/// fields joined by commas; a field containing a comma, a double quote, CR or LF is put in
/// double quotes, with each double quote inside doubled; formulas are neutralised first
/// ([`neutralise_formula`]).
pub fn to_csv_line(fields: &[String]) -> String {
    let mut line = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        let field = neutralise_formula(field);
        if field.contains([',', '"', '\r', '\n']) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&field);
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{BudgetLine, Indicator, IndicatorUnit, TaskId};
    use crate::domain::samples;

    fn column(name: &str) -> usize {
        header()
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    fn cell(row: &[String], name: &str) -> String {
        row[column(name)].clone()
    }

    #[test]
    fn header_lists_chapters_then_every_catalogue_task_in_order() {
        let h = header();
        assert_eq!(
            h[..12],
            [
                "file",
                "gmina",
                "teryt",
                "year",
                "regime",
                "executed_85153",
                "executed_85154",
                "executed_85195",
                "executed_other",
                "executed_total",
                "activities",
                "activities_drugs.1",
            ]
        );
        let tasks: Vec<&str> = h
            .iter()
            .filter_map(|c| c.strip_prefix("activities_"))
            .collect();
        assert_eq!(
            tasks,
            [
                "drugs.1",
                "drugs.2",
                "drugs.3",
                "drugs.4",
                "drugs.5",
                "alcohol.1",
                "alcohol.2",
                "alcohol.3",
                "alcohol.5",
                "alcohol.6",
                "alcohol.7",
                "behavioural.1"
            ]
        );
        assert_eq!(h[h.len() - 3..], ["participants", "errors", "warnings"]);
    }

    #[test]
    fn every_row_has_as_many_cells_as_the_header() {
        for (slug, _, report) in samples::all() {
            assert_eq!(row(slug, &report).len(), header().len(), "{slug}");
        }
        assert_eq!(row("empty", &Report::default()).len(), header().len());
    }

    #[test]
    fn kalisz_row_has_its_drug_only_regime_and_chapter_85153_total() {
        let report = samples::kalisz_2020();
        let r = row("kalisz.json", &report);
        assert_eq!(cell(&r, "file"), "kalisz.json");
        assert_eq!(cell(&r, "gmina"), report.gmina.name);
        assert_eq!(cell(&r, "year"), "2020");
        assert_eq!(cell(&r, "regime"), "drug_only");
        assert_eq!(cell(&r, "executed_85153"), "148543.63");
        assert_eq!(cell(&r, "executed_85154"), "");
        assert_eq!(cell(&r, "executed_other"), "");
        assert_eq!(cell(&r, "executed_total"), "148543.63");
        assert_eq!(cell(&r, "activities"), report.activities.len().to_string());
        // A drug-only report has no activity under the sobriety act's tasks.
        assert_eq!(cell(&r, "activities_alcohol.1"), "0");
        let findings = rules::validate(&report);
        assert_eq!(cell(&r, "errors"), rules::errors(&findings).to_string());
        assert_eq!(cell(&r, "warnings"), rules::warnings(&findings).to_string());
    }

    #[test]
    fn joint_sample_row_sums_both_chapters() {
        let r = row("p.json", &samples::small_gmina_2025());
        assert_eq!(cell(&r, "regime"), "joint");
        assert_eq!(cell(&r, "year"), "2025");
        assert_eq!(cell(&r, "executed_85154"), "127262.45");
        assert_eq!(cell(&r, "executed_85153"), "16986.90");
        assert_eq!(cell(&r, "executed_total"), "144249.35");
    }

    #[test]
    fn per_task_counts_count_each_activity_once() {
        let mut report = Report::new(crate::domain::model::Id::new("r"), 2025);
        report.activities = vec![
            Activity {
                tasks: vec![TaskId::new("alcohol.1"), TaskId::new("alcohol.1")],
                ..Activity::default()
            },
            Activity {
                tasks: vec![TaskId::new("alcohol.1"), TaskId::new("drugs.2")],
                ..Activity::default()
            },
            Activity {
                tasks: vec![TaskId::new("no-such.task")],
                ..Activity::default()
            },
        ];
        let r = row("f", &report);
        assert_eq!(cell(&r, "activities"), "3");
        assert_eq!(cell(&r, "activities_alcohol.1"), "2");
        assert_eq!(cell(&r, "activities_drugs.2"), "1");
        assert_eq!(cell(&r, "activities_drugs.1"), "0");
    }

    #[test]
    fn participants_sum_only_indicators_counting_persons() {
        let indicator = |unit, achieved: Option<i64>| Indicator {
            unit,
            achieved: achieved.map(Decimal::from),
            ..Indicator::default()
        };
        let mut report = Report::default();
        assert_eq!(cell(&row("f", &report), "participants"), "");
        report.activities = vec![
            Activity {
                indicators: vec![
                    indicator(IndicatorUnit::Persons, Some(120)),
                    indicator(IndicatorUnit::Sessions, Some(40)),
                ],
                ..Activity::default()
            },
            Activity {
                indicators: vec![
                    indicator(IndicatorUnit::Persons, Some(30)),
                    indicator(IndicatorUnit::Persons, None),
                ],
                ..Activity::default()
            },
        ];
        assert_eq!(cell(&row("f", &report), "participants"), "150");
        // "w tym rodzice" are 20 of the 120 above, not 20 more people.
        report.activities[0].indicators.push(Indicator {
            name: "w tym rodzice".into(),
            ..indicator(IndicatorUnit::Persons, Some(20))
        });
        assert_eq!(cell(&row("f", &report), "participants"), "150");
    }

    #[test]
    fn other_chapters_and_lines_without_executed_amount() {
        let line = |chapter: &str, executed: Option<i64>| BudgetLine {
            chapter: chapter.into(),
            executed: executed.map(Amount::from_grosze),
            ..BudgetLine::default()
        };
        let mut report = Report::default();
        report.budget.lines = vec![
            line("85195", Some(1_000)),
            line("85195", Some(5)),
            line("75075", Some(250_000)),
            line("", Some(1)),
            line("85154", None),
        ];
        let r = row("f", &report);
        assert_eq!(cell(&r, "executed_85195"), "10.05");
        assert_eq!(cell(&r, "executed_other"), "2500.01");
        // A line with no executed amount is "not given", not zero.
        assert_eq!(cell(&r, "executed_85154"), "");
        assert_eq!(cell(&r, "executed_85153"), "");
        assert_eq!(cell(&r, "executed_total"), "2510.06");
    }

    #[test]
    fn amounts_have_a_dot_and_two_decimals() {
        let a = |s: &str| Some(Amount::new(s.parse().unwrap()));
        assert_eq!(amount_cell(a("148543.63")), "148543.63");
        assert_eq!(amount_cell(a("12")), "12.00");
        assert_eq!(amount_cell(a("12.5")), "12.50");
        assert_eq!(amount_cell(a("0.005")), "0.01");
        assert_eq!(amount_cell(a("-0.001")), "0.00");
        assert_eq!(amount_cell(a("-3.10")), "-3.10");
        assert_eq!(amount_cell(None), "");
    }

    #[test]
    fn csv_line_quotes_only_what_needs_quoting() {
        let f = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(to_csv_line(&f(&["a", "b c", ""])), "a,b c,");
        assert_eq!(
            to_csv_line(&f(&["Gmina Nowa, wieś", "say \"hi\"", "x"])),
            "\"Gmina Nowa, wieś\",\"say \"\"hi\"\"\",x"
        );
        assert_eq!(
            to_csv_line(&f(&["line\nbreak", "cr\r"])),
            "\"line\nbreak\",\"cr\r\""
        );
        assert_eq!(to_csv_line(&[]), "");
    }
}
