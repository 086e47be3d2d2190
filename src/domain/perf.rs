//! The work the benchmark times, the same natively and in the browser (`.ci/bench` runs it in
//! both and prints the ratio): checking a report, rendering the printable HTML and the DOCX, reading a file
//! (parse, migrate from version 1, deserialise) and serialising the report for storage, on
//! generated reports of 10, 100 and 1,000 activities.

use super::format::{self, SCHEMA_VERSION};
use super::model::Report;
use super::render::{render_html, RenderOptions};
use super::rules::validate;
use super::samples::generate::generated;

/// The report sizes the benchmark uses (activities, each with 5 indicators).
pub const SIZES: [usize; 3] = [10, 100, 1000];

/// The operations timed, by name.
pub const OPERATIONS: [&str; 6] = [
    "validate",
    "render_html",
    "render_docx",
    "read_file_v1",
    "to_json",
    "merge",
];

/// What the operations work on.
pub struct Inputs {
    pub report: Report,
    /// The report as a file of schema version 1, so reading it migrates.
    pub file_v1: String,
    /// A realizer's answer covering every activity, each with a changed figure: the merge's
    /// preview and apply compare them all.
    pub contribution: super::gather::Contribution,
}

/// The inputs for a report of `activities` activities.
pub fn inputs(activities: usize) -> Inputs {
    let report = generated(activities);
    let v2 = format::to_json(&report, "bench", "2026-01-01T00:00:00Z");
    let file_v1 = v2.replacen(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        "\"schema_version\": 1",
        1,
    );
    let partner = report.partners.first().cloned().unwrap_or_default();
    let sent: Vec<_> = report
        .activities
        .iter()
        .map(|a| super::model::Activity {
            realizers: vec![partner.id.clone()],
            ..a.clone()
        })
        .collect();
    let mut answered = sent.clone();
    for a in &mut answered {
        if let Some(i) = a.indicators.first_mut() {
            i.achieved = Some(i.achieved.unwrap_or_default() + rust_decimal::Decimal::ONE);
        }
        a.period = "wrzesień–grudzień".into();
    }
    let contribution = super::gather::Contribution {
        request: super::gather::Request {
            id: super::gather::request_id(&report, &partner.id),
            report_id: report.id.clone(),
            year: report.year,
            gmina: report.gmina.clone(),
            partner,
            activities: sent,
            ..Default::default()
        },
        activities: answered,
        ..Default::default()
    };
    Inputs {
        report,
        file_v1,
        contribution,
    }
}

/// Runs one operation once; the result (a size or a count) keeps the optimiser from skipping it.
pub fn run(operation: &str, inputs: &Inputs) -> usize {
    match operation {
        "validate" => validate(&inputs.report).len(),
        "render_html" => render_html(&inputs.report, &RenderOptions::default()).len(),
        "render_docx" => super::docx::render_docx(&inputs.report, None).len(),
        "read_file_v1" => match format::read_file(&inputs.file_v1) {
            Ok(contents) => contents.reports().len(),
            Err(e) => panic!("{}", e.message()),
        },
        "to_json" => format::to_json(&inputs.report, "bench", "2026-01-01T00:00:00Z").len(),
        "merge" => {
            use super::gather;
            let plan = gather::preview(&inputs.report, &inputs.contribution)
                .unwrap_or_else(|r| panic!("{r}"));
            let (out, _) =
                gather::apply(&inputs.report, &plan, &gather::default_choices(&plan), None);
            out.activities.len()
        }
        other => panic!("no operation {other}"),
    }
}

/// The median of a list of timings, in milliseconds.
pub fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// How many times an operation runs for a report size (fewer for big ones, for a bounded time).
pub fn repetitions(activities: usize) -> usize {
    match activities {
        0..=10 => 101,
        11..=100 => 31,
        _ => 11,
    }
}
