//! The one place the app calls the domain's file format, money parsing, samples and backup
//! retention, adapted to what the controls and the storage adapter need (e.g. an empty money
//! field is `None`, not an error).

use crate::domain::format::{self, FileContents, ReadError};
use crate::domain::model::{Amount, Extra, Report};
use crate::domain::{backup, money, samples};

/// Why a stored or imported text could not be read, as the UI needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadFailure {
    /// The text comes from a newer version of the app (refused, never guessed).
    pub newer: bool,
    /// Polish message for the user, with where the problem is.
    pub message: String,
}

impl From<ReadError> for ReadFailure {
    fn from(e: ReadError) -> Self {
        ReadFailure {
            newer: matches!(e, ReadError::NewerVersion { .. }),
            message: e.message(),
        }
    }
}

/// Now as RFC 3339 (`2026-11-23T08:34:05.123Z`).
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// The report as the versioned JSON envelope (format tag, schema version, app version, time).
pub fn to_json(report: &Report) -> String {
    format::to_json(report, crate::APP_VERSION, &now_rfc3339())
}

/// Like [`to_json`], keeping the envelope fields of another system the report's file came with.
pub fn to_json_with(report: &Report, envelope_extra: &Extra) -> String {
    format::to_json_with(report, crate::APP_VERSION, &now_rfc3339(), envelope_extra)
}

/// The report as stored in this browser: the same envelope on one line (a third smaller than
/// the pretty file people download, so more fits in localStorage).
pub fn to_stored_json(report: &Report, envelope_extra: &Extra) -> String {
    format::to_compact_json_with(report, crate::APP_VERSION, &now_rfc3339(), envelope_extra)
}

/// The envelope fields of a stored or imported report file that this version does not know.
pub fn envelope_extra(text: &str) -> Extra {
    format::envelope_extra(text)
}

/// All given reports in one backup file (`raport-gp-backup`), importable in one go.
pub fn backup_json(reports: &[Report]) -> String {
    format::backup_to_json(reports, crate::APP_VERSION, &now_rfc3339())
}

/// The schema version this app writes.
pub const SCHEMA_VERSION: u32 = format::SCHEMA_VERSION;

/// Reads a stored report file (a backup file of several reports is not a stored entry).
pub fn read_file(text: &str) -> Result<Report, ReadFailure> {
    read_stored(text).map(|(report, _)| report)
}

/// Reads a stored report file, with the schema version it was written in (before migration):
/// an entry of an older version reads as the current model, and its text must be kept before
/// anything is written over it.
pub fn read_stored(text: &str) -> Result<(Report, u32), ReadFailure> {
    read_stored_with_extra(text).map(|(report, version, _)| (report, version))
}

/// Like [`read_stored`], with the envelope fields this version does not know (kept for the
/// round trip): everything opening a stored entry needs, from one parse of its text.
pub fn read_stored_with_extra(text: &str) -> Result<(Report, u32, Extra), ReadFailure> {
    match format::read_file(text)? {
        FileContents::Report(f) => {
            let f = *f;
            Ok((f.report, f.read_version, f.extra))
        }
        _ => Err(ReadFailure {
            newer: false,
            message: "Zapisany wpis nie jest jednym raportem (to kopia wielu raportów, prośba albo sprawozdanie realizatora).".into(),
        }),
    }
}

/// Reads any file the import takes: reports, a backup, a request or a contribution.
pub fn read_any(text: &str) -> Result<FileContents, ReadFailure> {
    Ok(format::read_file(text)?)
}

/// The schema version a readable stored text was written in; `None` if it cannot be read.
pub fn stored_version(text: &str) -> Option<u32> {
    format::read_file(text).ok().map(|c| c.read_version())
}

/// Reads an imported file: a report file, a backup file of several reports, or a saved
/// printable HTML report.
pub fn read_import(text: &str) -> Result<Vec<Report>, ReadFailure> {
    read_import_versioned(text).map(|(reports, _)| reports)
}

/// Like [`read_import`], with the schema version the file was written in (before migration).
pub fn read_import_versioned(text: &str) -> Result<(Vec<Report>, u32), ReadFailure> {
    let contents = format::read_file(text)?;
    let version = contents.read_version();
    Ok((contents.reports().into_iter().cloned().collect(), version))
}

/// What reading a file of an older schema version changed, in Polish, for the import preview;
/// `None` for a file of the current version. Each migration step has its sentence.
pub fn migration_note(read_version: u32) -> Option<String> {
    if read_version >= SCHEMA_VERSION {
        return None;
    }
    let mut note = format!(
        "Plik jest w wersji {read_version} formatu — zostanie zapisany w wersji {SCHEMA_VERSION}."
    );
    if read_version < 2 {
        // `format::v1_to_v2`: ids of the sobriety act's tasks now equal the statute's points.
        note.push_str(
            " Identyfikatory zadań przenumerowano zgodnie z ustawą: pkt 4 art. 4¹ ust. 1 jest uchylony, więc dawne zadania alkoholowe 4, 5 i 6 to teraz pkt 5, 6 i 7.",
        );
    }
    Some(note)
}

/// The text of a file's bytes (UTF-8 only; see [`format::decode`]).
pub fn decode(bytes: &[u8]) -> Result<String, ReadFailure> {
    Ok(format::decode(bytes)?.to_owned())
}

/// Refuses a file by its size alone (`File.size`), before a byte of it is read.
pub fn check_size(bytes: f64) -> Result<(), ReadFailure> {
    // `File.size` is a double; anything beyond usize is over the limit anyway.
    let bytes = if bytes >= usize::MAX as f64 {
        usize::MAX
    } else {
        bytes as usize
    };
    format::check_size(bytes).map_err(ReadFailure::from)
}

/// Parses an amount the way people type it (`148 543,63`, `148543,63 zł`); empty is `None`.
pub fn parse_amount(text: &str) -> Result<Option<Amount>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    money::parse_amount(text).map(Some).map_err(|e| {
        let m = e.message();
        let mut c = m.chars();
        match c.next() {
            Some(first) => format!("{}{}.", first.to_uppercase(), c.as_str()),
            None => m,
        }
    })
}

/// An amount the Polish way, without the currency: `148 543,63`.
pub fn format_amount(a: Amount) -> String {
    money::format_plain(a)
}

/// An amount the Polish way with the currency: `148 543,63 zł`.
pub fn format_amount_zl(a: Amount) -> String {
    money::format_pl(a)
}

/// Parses a count or measure: `1 650`, `12,5`; empty is `None`.
pub fn parse_number(text: &str) -> Result<Option<rust_decimal::Decimal>, String> {
    money::parse_number(text)
}

/// A number the Polish way: `1 650`, `12,5`.
pub fn format_number(d: rust_decimal::Decimal) -> String {
    money::decimal_pl(d, 0)
}

/// The sample reports offered on the start screen: (slug, label). Nothing is fetched or read
/// until one is chosen (`sample`).
pub fn sample_labels() -> Vec<(&'static str, &'static str)> {
    samples::SAMPLES.to_vec()
}

/// The sample report with this slug (from `sample_labels`), fetched from beside the app (the
/// service worker has it offline) and read through the import pipeline; or why it could not be.
pub async fn sample(slug: &str) -> Result<Report, String> {
    let text = super::files::fetch_text(&samples::url(slug)).await?;
    samples::from_text(&text)
}

/// Which backups to keep, given their save times (ms since epoch) and now: indices to keep.
pub fn backups_to_keep(saved_at: &[i64], now: i64) -> Vec<usize> {
    let metas: Vec<backup::BackupMeta> = saved_at
        .iter()
        .map(|&saved_at_ms| backup::BackupMeta { saved_at_ms })
        .collect();
    backup::retain(&metas, now)
}

/// Whether a new backup is due, given the newest one's time.
pub fn backup_due(last: Option<i64>, now: i64) -> bool {
    backup::is_due(last, now)
}

/// The printable report as a self-contained HTML document, with the report's JSON embedded so
/// the saved file can be imported back.
pub fn printable_html(report: &Report) -> String {
    use crate::domain::render::{render_html, RenderOptions};
    let options = RenderOptions {
        layout: None,
        embed_json: Some(format::embed_json_for_html(
            report,
            crate::APP_VERSION,
            &now_rfc3339(),
        )),
    };
    render_html(report, &options)
}

/// The printable report for the in-app preview (no data block: nothing imports from it).
pub fn preview_html(report: &Report) -> String {
    use crate::domain::render::{render_html, RenderOptions};
    render_html(report, &RenderOptions::default())
}

/// Last year's report among the reports of a chosen file, for "Porównanie": a file of one
/// report is that report (the checks say so if it is not the same gmina's of the year before);
/// from a backup of several, the best of [`compare::previous_year_candidates`]. The error is a
/// Polish sentence.
///
/// [`compare::previous_year_candidates`]: crate::domain::compare::previous_year_candidates
pub fn previous_year_from_file(report: &Report, mut found: Vec<Report>) -> Result<Report, String> {
    if found.len() == 1 {
        let only = found.remove(0);
        if only.id == report.id && only.year == report.year {
            return Err("to ten sam raport, a nie raport z poprzedniego roku".into());
        }
        return Ok(only);
    }
    crate::domain::compare::previous_year_candidates(report, &found)
        .first()
        .map(|r| (*r).clone())
        .ok_or_else(|| {
            format!(
                "w pliku nie ma raportu z roku wcześniejszego niż {} (raporty w pliku: {})",
                report.year,
                found.len()
            )
        })
}
