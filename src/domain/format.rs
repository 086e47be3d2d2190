//! The versioned JSON file format (`raport-gp`, schema version 2) used for files and storage.
//! Reading is a pipeline: parse → check envelope → migrate → deserialise → validate.
//!
//! Invariants: every file carries the envelope `{format, schema_version, app_version, saved_at}`
//! around its document(s); a file from a newer schema version is refused, never guessed at; an
//! older one is migrated step by step over the JSON value before typed deserialisation; fields
//! this version does not know survive a read → write round trip; every failure is a
//! [`ReadError`] whose Polish message names the problem and its place (line and column, or the
//! JSON path of the field). Validation against the rules is the caller's step
//! (`crate::domain::rules::validate`), so a file that breaks rules still loads.
//!
//! Writing is pretty-printed JSON (2 spaces, fields in struct order, unknown fields last,
//! trailing newline). A printable HTML report embeds the same JSON (see [`embed_json_for_html`]),
//! so a saved report page can be imported back.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::gather::{Contribution, Request};
use super::model::{Extra, Id, Report};
use super::money;

/// The format tag of a report file.
pub const FORMAT: &str = "raport-gp";
/// The format tag of a backup file holding several reports.
pub const BACKUP_FORMAT: &str = "raport-gp-backup";
/// The `kind` of a request file: a coordinator's request for a realizer's report.
pub const REQUEST_KIND: &str = "request";
/// The `kind` of a contribution file: a realizer's report for the gmina.
pub const CONTRIBUTION_KIND: &str = "contribution";
/// The schema version in which request and contribution files appeared: none is older.
pub const GATHER_SINCE_VERSION: u32 = 2;
/// The schema version this app writes.
pub const SCHEMA_VERSION: u32 = 2;
/// The oldest schema version this app can still read (by migrating it).
pub const OLDEST_SUPPORTED_VERSION: u32 = 1;
/// The largest file accepted: a report is tens of kilobytes, so anything bigger is not one.
/// Checked before anything else.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The `id` of the `<script type="application/json">` element that carries the report in a
/// printable HTML file.
pub const HTML_DATA_ID: &str = "raport-gp-data";

// ---------------------------------------------------------------------------------------------
// The envelopes
// ---------------------------------------------------------------------------------------------

/// A report file (`"format": "raport-gp"`): one report with its envelope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        title = "Raport GP — plik raportu, wersja 2",
        description = "Roczny raport z realizacji gminnego programu przeciwdziałania uzależnieniom, zapisany przez aplikację Raport GP."
    )
)]
pub struct ReportFile {
    /// Always `raport-gp`.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(
            extend("const" = "raport-gp"),
            description = "Oznaczenie formatu: zawsze \"raport-gp\"."
        )
    )]
    pub format: String,
    /// The schema version of the file format (after reading: [`SCHEMA_VERSION`]).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(
            extend("const" = 2),
            description = "Wersja schematu pliku; aplikacja odmawia wczytania wersji nowszej niż obsługiwana."
        )
    )]
    pub schema_version: u32,
    /// The version of the app that saved the file.
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(description = "Wersja aplikacji, która zapisała plik.")
    )]
    pub app_version: String,
    /// When the file was saved (RFC 3339).
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(description = "Chwila zapisu (RFC 3339), np. \"2025-03-01T10:15:00Z\".")
    )]
    pub saved_at: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(description = "Raport za jeden rok programu.")
    )]
    pub report: Report,
    /// Envelope fields this version does not know, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
    /// The schema version the file had before migration. Not saved.
    #[serde(skip)]
    pub read_version: u32,
}

/// A backup file (`"format": "raport-gp-backup"`): all reports of a browser at once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct BackupFile {
    /// Always `raport-gp-backup`.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(extend("const" = "raport-gp-backup"))
    )]
    pub format: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = 2)))]
    pub schema_version: u32,
    #[serde(default)]
    pub app_version: String,
    #[serde(default)]
    pub saved_at: String,
    pub reports: Vec<Report>,
    #[serde(flatten)]
    pub extra: Extra,
    /// The schema version the file had before migration. Not saved.
    #[serde(skip)]
    pub read_version: u32,
}

/// A request file (`"format": "raport-gp"`, `"kind": "request"`): a coordinator's request for a
/// realizer's report, opened by the realizer in the same app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        title = "Raport GP — prośba o sprawozdanie realizatora, wersja 2",
        description = "Plik, który koordynator programu wysyła realizatorowi (szkole, organizacji, ośrodkowi pomocy społecznej): dane gminy i roku, zadania, działania realizatora ujęte w raporcie. Realizator otwiera go w Raport GP i odsyła plik sprawozdania."
    )
)]
pub struct RequestFile {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "raport-gp")))]
    pub format: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "request")))]
    pub kind: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = 2)))]
    pub schema_version: u32,
    #[serde(default)]
    pub app_version: String,
    #[serde(default)]
    pub saved_at: String,
    pub request: Request,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A contribution file (`"format": "raport-gp"`, `"kind": "contribution"`): a realizer's report
/// for the gmina, answering a request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        title = "Raport GP — sprawozdanie realizatora dla gminy, wersja 2",
        description = "Plik, który realizator zapisuje w Raport GP („Zapisz sprawozdanie dla gminy”) i odsyła koordynatorowi: prośba, na którą odpowiada, i działania realizatora z ich wskaźnikami, kosztami i wkładem własnym. Koordynator scala go z raportem."
    )
)]
pub struct ContributionFile {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "raport-gp")))]
    pub format: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "contribution")))]
    pub kind: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = 2)))]
    pub schema_version: u32,
    #[serde(default)]
    pub app_version: String,
    #[serde(default)]
    pub saved_at: String,
    pub contribution: Contribution,
    #[serde(flatten)]
    pub extra: Extra,
}

impl RequestFile {
    pub fn new(request: Request, app_version: &str, saved_at: &str) -> RequestFile {
        RequestFile {
            format: FORMAT.into(),
            kind: REQUEST_KIND.into(),
            schema_version: SCHEMA_VERSION,
            app_version: app_version.into(),
            saved_at: saved_at.into(),
            request,
            extra: Extra::new(),
        }
    }

    pub fn to_json(&self) -> String {
        pretty(self)
    }
}

impl ContributionFile {
    pub fn new(contribution: Contribution, app_version: &str, saved_at: &str) -> ContributionFile {
        ContributionFile {
            format: FORMAT.into(),
            kind: CONTRIBUTION_KIND.into(),
            schema_version: SCHEMA_VERSION,
            app_version: app_version.into(),
            saved_at: saved_at.into(),
            contribution,
            extra: Extra::new(),
        }
    }

    pub fn to_json(&self) -> String {
        pretty(self)
    }
}

impl ReportFile {
    /// A new envelope of the current schema version around `report`.
    pub fn new(report: Report, app_version: &str, saved_at: &str) -> ReportFile {
        ReportFile {
            format: FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            app_version: app_version.into(),
            saved_at: saved_at.into(),
            report,
            extra: Extra::new(),
            read_version: SCHEMA_VERSION,
        }
    }

    /// The file text, keeping unknown envelope fields.
    pub fn to_json(&self) -> String {
        pretty(self)
    }
}

impl BackupFile {
    pub fn new(reports: Vec<Report>, app_version: &str, saved_at: &str) -> BackupFile {
        BackupFile {
            format: BACKUP_FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            app_version: app_version.into(),
            saved_at: saved_at.into(),
            reports,
            extra: Extra::new(),
            read_version: SCHEMA_VERSION,
        }
    }

    pub fn to_json(&self) -> String {
        pretty(self)
    }
}

/// What a file held. (The report is boxed: a report file is far bigger than a backup's `Vec`.)
#[derive(Clone, Debug, PartialEq)]
pub enum FileContents {
    Report(Box<ReportFile>),
    Backup(BackupFile),
    Request(Box<RequestFile>),
    Contribution(Box<ContributionFile>),
}

impl FileContents {
    /// The reports it holds (one for a report file).
    pub fn reports(&self) -> Vec<&Report> {
        match self {
            FileContents::Report(f) => vec![&f.report],
            FileContents::Backup(b) => b.reports.iter().collect(),
            FileContents::Request(_) | FileContents::Contribution(_) => Vec::new(),
        }
    }

    /// The schema version the file had before migration.
    pub fn read_version(&self) -> u32 {
        match self {
            FileContents::Report(f) => f.read_version,
            FileContents::Backup(b) => b.read_version,
            // Neither kind exists in an older version, so neither was migrated.
            FileContents::Request(_) | FileContents::Contribution(_) => SCHEMA_VERSION,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

fn pretty<T: Serialize>(value: &T) -> String {
    // Cannot fail: every map key in the model is a string and no type has a fallible serialiser.
    let mut s = serde_json::to_string_pretty(value).expect("the report model always serialises");
    s.push('\n');
    s
}

/// The report file text: the envelope of the current schema version around `report`,
/// pretty-printed. `saved_at` is an RFC 3339 timestamp (e.g. `2025-03-01T10:15:00Z`).
pub fn to_json(report: &Report, app_version: &str, saved_at: &str) -> String {
    to_json_with(report, app_version, saved_at, &Extra::new())
}

/// A report file's envelope borrowing its report: the same text as [`ReportFile::to_json`]
/// without copying the report (saves happen on every edit).
#[derive(Serialize)]
struct EnvelopeRef<'a> {
    format: &'static str,
    schema_version: u32,
    app_version: &'a str,
    saved_at: &'a str,
    report: &'a Report,
    #[serde(flatten)]
    extra: &'a Extra,
}

impl<'a> EnvelopeRef<'a> {
    /// The envelope of the current format and schema version around `report`.
    fn new(report: &'a Report, app_version: &'a str, saved_at: &'a str, extra: &'a Extra) -> Self {
        EnvelopeRef {
            format: FORMAT,
            schema_version: SCHEMA_VERSION,
            app_version,
            saved_at,
            report,
            extra,
        }
    }
}

/// Like [`to_json`], keeping envelope fields of another system (`extra`, e.g. an
/// `x_exported_by` written by a document system) that came with the file.
pub fn to_json_with(report: &Report, app_version: &str, saved_at: &str, extra: &Extra) -> String {
    pretty(&EnvelopeRef::new(report, app_version, saved_at, extra))
}

/// Like [`to_json_with`] on one line (no indentation): how the browser stores reports, a third
/// smaller than the pretty form people download; both read back the same.
pub fn to_compact_json_with(
    report: &Report,
    app_version: &str,
    saved_at: &str,
    extra: &Extra,
) -> String {
    serde_json::to_string(&EnvelopeRef::new(report, app_version, saved_at, extra))
        .expect("a report serialises")
}

/// The envelope fields of a report file that this version does not know (empty for anything
/// else, a backup file or an unreadable text included).
pub fn envelope_extra(text: &str) -> Extra {
    #[derive(Deserialize)]
    struct Envelope {
        #[serde(default)]
        format: String,
        #[serde(flatten)]
        rest: Map<String, Value>,
    }
    let body = text.trim_start_matches('\u{feff}');
    match serde_json::from_str::<Envelope>(body) {
        Ok(e) if e.format == FORMAT && !e.rest.contains_key("kind") => e
            .rest
            .into_iter()
            .filter(|(k, _)| {
                !matches!(
                    k.as_str(),
                    "schema_version" | "app_version" | "saved_at" | "report"
                )
            })
            .collect(),
        _ => Extra::new(),
    }
}

/// The backup file text holding `reports`.
pub fn backup_to_json(reports: &[Report], app_version: &str, saved_at: &str) -> String {
    BackupFile::new(reports.to_vec(), app_version, saved_at).to_json()
}

/// [`to_json`] made safe to put between `<script type="application/json" id="raport-gp-data">`
/// and `</script>`: every `<`, `>` and `&` becomes `\u003c`, `\u003e`, `\u0026`. Outside strings
/// JSON has none of these characters, so the text stays the same JSON value, and neither
/// `</script>` nor `<!--` can occur in it.
pub fn embed_json_for_html(report: &Report, app_version: &str, saved_at: &str) -> String {
    escape_for_script(&to_json(report, app_version, saved_at))
}

fn escape_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Why a file could not be read. [`ReadError::message`] (and `Display`) is the Polish sentence
/// for the user; the `cause` fields keep the underlying parser's own (English) message for
/// diagnostics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The file is empty (or only white space).
    Empty,
    /// The file is bigger than [`MAX_FILE_BYTES`].
    TooLarge { size: usize, limit: usize },
    /// Not valid JSON. Line and column (in characters, from 1) refer to the file as given,
    /// also when the JSON was embedded in HTML.
    Syntax {
        line: usize,
        column: usize,
        /// What is wrong, in Polish.
        detail: String,
        cause: String,
    },
    /// Valid JSON, but not a Raport GP file; `found` is the value of its `format` field, if any.
    NotRaportGp { found: Option<String> },
    /// No `schema_version`.
    MissingVersion,
    /// `schema_version` is not a non-negative integer; `found` is its JSON text.
    BadVersion { found: String },
    /// Saved by a newer app, with a schema version this one does not know.
    NewerVersion { found: u64, supported: u32 },
    /// A schema version so old that this app no longer migrates it.
    OlderUnsupported { found: u64, oldest: u32 },
    /// A migration step failed.
    Migration {
        from: u32,
        to: u32,
        /// JSON path of the report that failed (`report` or `reports[3]`).
        path: String,
        detail: String,
    },
    /// A field has a value the model does not accept.
    Invalid {
        /// JSON path, e.g. `report.budget.lines[2].executed`.
        path: String,
        problem: Problem,
        cause: String,
    },
    /// A Raport GP file of a kind this version does not know (`found` is its `kind`).
    UnknownKind { found: String },
    /// An HTML file without the embedded report data.
    NoEmbeddedData,
    /// The bytes are not UTF-8: `line` and `column` (from 1) of the first bad byte, and its
    /// offset from the start of the file (from 1).
    NotUtf8 {
        line: usize,
        column: usize,
        offset: usize,
    },
    /// The file is UTF-16 or UTF-32 (a UTF-16 byte-order mark, or the zero bytes of such text).
    Utf16,
}

/// What is wrong with a field, for [`ReadError::Invalid`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An amount string that is not a decimal number (`"12,5,0"`).
    Amount { value: String },
    /// An amount written the Polish way (`"12,50"`), which files do not use.
    AmountPolishNotation { value: String, canonical: String },
    /// An amount written as a JSON number (`12.5`) instead of a string.
    AmountAsNumber { value: String },
    /// A date string that is not a valid `YYYY-MM-DD` date.
    Date { value: String },
    /// A value outside an enumeration.
    UnknownValue { value: String, allowed: Vec<String> },
    /// A value of the wrong JSON type or out of range; both in Polish, in the accusative case.
    WrongType { expected: String, found: String },
    /// A required field is missing (only envelope fields are required).
    MissingField { field: String },
    /// Anything else; the parser's message.
    Other { detail: String },
}

impl ReadError {
    /// The Polish message for the user.
    pub fn message(&self) -> String {
        match self {
            ReadError::Empty => "Plik jest pusty: nie zawiera żadnych danych.".into(),
            ReadError::NotUtf8 { line, column, offset } => format!(
                "Plik nie jest zapisany w kodowaniu UTF-8: niepoprawny bajt w wierszu {line}, \
                 kolumnie {column} (bajt nr {offset}). Pliki Raport GP są zawsze w UTF-8; ten \
                 mógł zostać zapisany w innym kodowaniu (np. Windows-1250 albo ISO-8859-2) — \
                 nic nie wczytano, aby nie zniekształcić polskich liter."
            ),
            ReadError::Utf16 => "Plik jest zapisany w kodowaniu UTF-16 (albo UTF-32), a pliki \
                 Raport GP są w UTF-8. Zapisz go ponownie jako UTF-8 (np. w Notatniku: „Zapisz jako” → \
                 kodowanie UTF-8) albo wyeksportuj z aplikacji jeszcze raz."
                .into(),
            ReadError::TooLarge { size, limit } => format!(
                "Plik jest za duży ({}); można wczytać plik o wielkości najwyżej {}. \
                 To nie wygląda na plik Raport GP.",
                megabytes(*size),
                megabytes(*limit)
            ),
            ReadError::Syntax {
                line,
                column,
                detail,
                ..
            } => format!(
                "Plik jest uszkodzony (błąd składni JSON) w wierszu {line}, kolumnie {column}: {detail}."
            ),
            ReadError::NotRaportGp { found: None } => {
                "To nie jest plik Raport GP: brak oznaczenia \"format\": \"raport-gp\".".into()
            }
            ReadError::NotRaportGp { found: Some(f) } => format!(
                "To nie jest plik Raport GP: pole \"format\" ma wartość \"{f}\", \
                 a oczekiwano \"{FORMAT}\" lub \"{BACKUP_FORMAT}\"."
            ),
            ReadError::MissingVersion => "Plik Raport GP nie ma numeru wersji formatu \
                 (pole \"schema_version\"); jest uszkodzony lub niekompletny."
                .into(),
            ReadError::BadVersion { found } => format!(
                "Numer wersji formatu (pole \"schema_version\") ma niepoprawną wartość {found}; \
                 powinna to być liczba całkowita, np. 1."
            ),
            ReadError::NewerVersion { found, supported } => format!(
                "Plik zapisano w nowszej wersji aplikacji: ma format w wersji {found}, a ta wersja \
                 Raport GP obsługuje najwyżej wersję {supported}. Zaktualizuj aplikację \
                 (odśwież stronę lub pobierz nową wersję) i wczytaj plik ponownie."
            ),
            ReadError::OlderUnsupported { found, oldest } => format!(
                "Plik ma format w wersji {found}, której ta wersja aplikacji już nie obsługuje \
                 (najstarsza obsługiwana wersja to {oldest})."
            ),
            ReadError::Migration {
                from,
                to,
                path,
                detail,
            } => format!(
                "Nie udało się przekształcić pliku z wersji {from} do wersji {to} \
                 (w polu {path}): {detail}."
            ),
            ReadError::Invalid { path, problem, .. } => problem.message(path),
            ReadError::UnknownKind { found } => format!(
                "To plik Raport GP nieznanego rodzaju (pole \"kind\" ma wartość \"{found}\"); \
                 ta wersja aplikacji zna raporty, prośby o sprawozdanie (\"{REQUEST_KIND}\") \
                 i sprawozdania realizatorów (\"{CONTRIBUTION_KIND}\"). Jeśli plik pochodzi \
                 z nowszej wersji Raport GP, zaktualizuj aplikację (odśwież stronę)."
            ),
            ReadError::NoEmbeddedData => format!(
                "Ten plik HTML nie zawiera danych raportu (brak elementu \
                 <script id=\"{HTML_DATA_ID}\">). Wczytać można raport zapisany z Raport GP \
                 jako stronę HTML albo plik JSON."
            ),
        }
    }
}

impl Problem {
    /// The sentence for a field at `path`.
    pub fn message(&self, path: &str) -> String {
        match self {
            Problem::Amount { value } => {
                format!("Kwota \"{value}\" w polu {path} nie jest liczbą.")
            }
            Problem::AmountPolishNotation { value, canonical } => format!(
                "Kwota \"{value}\" w polu {path} jest zapisana po polsku; w pliku kwoty zapisuje się \
                 z kropką i bez spacji, np. \"{canonical}\"."
            ),
            Problem::AmountAsNumber { value } => format!(
                "Kwota {value} w polu {path} jest zapisana jako liczba, a powinna być tekstem \
                 w cudzysłowie: \"{value}\"."
            ),
            Problem::Date { value } => format!(
                "Data \"{value}\" w polu {path} nie jest poprawną datą w formacie RRRR-MM-DD."
            ),
            Problem::UnknownValue { value, allowed } => {
                let allowed = allowed
                    .iter()
                    .map(|a| format!("\"{a}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!(
                    "Wartość \"{value}\" w polu {path} jest niedozwolona; dozwolone wartości: {allowed}."
                )
            }
            Problem::WrongType { expected, found } => {
                format!("Pole {path} powinno zawierać {expected}, a zawiera {found}.")
            }
            Problem::MissingField { field } if path == "." || path.is_empty() => {
                format!("W pliku brakuje pola \"{field}\".")
            }
            Problem::MissingField { field } => {
                format!("W polu {path} brakuje pola \"{field}\".")
            }
            Problem::Other { detail } => {
                format!("Pole {path} ma niepoprawną wartość ({detail}).")
            }
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ReadError {}

/// `20 MB`, `25,3 MB` (binary megabytes, as file managers show them).
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// Refuses sizes over [`MAX_FILE_BYTES`]; the browser can call it with `File.size` before
/// reading the file's text.
pub fn check_size(bytes: usize) -> Result<(), ReadError> {
    if bytes > MAX_FILE_BYTES {
        Err(ReadError::TooLarge {
            size: bytes,
            limit: MAX_FILE_BYTES,
        })
    } else {
        Ok(())
    }
}

/// Turns the bytes of a file into text, refusing instead of repairing: invalid UTF-8 is named
/// with its place (never replaced by U+FFFD, which would silently damage Polish letters), and
/// UTF-16 is recognised by its byte-order mark or its zero bytes. The browser import and the CLI
/// both read files through this one function, so they accept and refuse the same files.
pub fn decode(bytes: &[u8]) -> Result<&str, ReadError> {
    check_size(bytes.len())?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.valid_up_to();
            // UTF-16 without a byte-order mark: ASCII letters with a zero byte beside each.
            let head = &bytes[..bytes.len().min(64)];
            if head.len() >= 4 && head.iter().filter(|&&b| b == 0).count() * 3 >= head.len() {
                return Err(ReadError::Utf16);
            }
            let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            Err(ReadError::NotUtf8 {
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
                offset: at + 1,
            })
        }
    }
}

/// [`decode`], then [`read_file`].
pub fn read_bytes(bytes: &[u8]) -> Result<FileContents, ReadError> {
    read_file(decode(bytes)?)
}

/// Reads a report file, a backup file, or a saved printable HTML report (whose data sits in
/// `<script type="application/json" id="raport-gp-data">`). Leading byte-order marks are
/// ignored (some editors write two).
pub fn read_file(text: &str) -> Result<FileContents, ReadError> {
    check_size(text.len())?;
    let body = text.trim_start_matches('\u{feff}');
    if body.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let bom = text.len() - body.len();
    let (json, start) = if body.trim_start().starts_with('<') {
        let (start, json) = extract_embedded_json(body).ok_or(ReadError::NoEmbeddedData)?;
        if json.trim().is_empty() {
            return Err(ReadError::NoEmbeddedData);
        }
        (json, bom + start)
    } else {
        (body, bom)
    };
    // Every Raport GP file is a JSON object: anything else (a PDF, a spreadsheet, a list) is
    // another kind of file, not a damaged one, and deserves that message rather than a
    // syntax error at line 1.
    if !json.trim_start().starts_with('{') {
        return Err(ReadError::NotRaportGp { found: None });
    }
    let value: Value =
        serde_json::from_str(json).map_err(|e| syntax_error(text, start, json, &e))?;
    read_value_with(value, Some(json), OLDEST_SUPPORTED_VERSION, MIGRATIONS)
}

/// The pipeline after parsing: envelope check, migration, typed deserialisation.
pub fn read_value(value: Value) -> Result<FileContents, ReadError> {
    read_value_with(value, None, OLDEST_SUPPORTED_VERSION, MIGRATIONS)
}

/// Which document an envelope holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Report,
    Backup,
    Request,
    Contribution,
}

/// `source`: the JSON text `value` was parsed from, when there is one; a file that needs no
/// migration is then deserialised from it directly (see [`deserialize`]).
fn read_value_with(
    value: Value,
    source: Option<&str>,
    oldest: u32,
    migrations: &[Migration],
) -> Result<FileContents, ReadError> {
    let Value::Object(envelope) = value else {
        return Err(ReadError::NotRaportGp { found: None });
    };
    let kind = match envelope.get("format") {
        Some(Value::String(f)) if f == FORMAT => Kind::Report,
        Some(Value::String(f)) if f == BACKUP_FORMAT => Kind::Backup,
        Some(Value::String(f)) => {
            return Err(ReadError::NotRaportGp {
                found: Some(f.clone()),
            })
        }
        _ => return Err(ReadError::NotRaportGp { found: None }),
    };
    let kind = match (kind, envelope.get("kind")) {
        (_, None | Some(Value::Null)) => kind,
        (Kind::Report, Some(Value::String(k))) if k == "report" => Kind::Report,
        (Kind::Report, Some(Value::String(k))) if k == REQUEST_KIND => Kind::Request,
        (Kind::Report, Some(Value::String(k))) if k == CONTRIBUTION_KIND => Kind::Contribution,
        (_, Some(Value::String(k))) => return Err(ReadError::UnknownKind { found: k.clone() }),
        (_, Some(v)) => {
            return Err(ReadError::UnknownKind {
                found: v.to_string(),
            })
        }
    };
    let current = oldest + migrations.len() as u32;
    // Requests and contributions appeared in version 2: no file of theirs is older.
    let readable_from = match kind {
        Kind::Request | Kind::Contribution => oldest.max(GATHER_SINCE_VERSION),
        _ => oldest,
    };
    let version = match envelope.get("schema_version") {
        None | Some(Value::Null) => return Err(ReadError::MissingVersion),
        Some(v) => v.as_u64().ok_or_else(|| ReadError::BadVersion {
            found: v.to_string(),
        })?,
    };
    if version > u64::from(current) {
        return Err(ReadError::NewerVersion {
            found: version,
            supported: current,
        });
    }
    if version < u64::from(readable_from) {
        return Err(ReadError::OlderUnsupported {
            found: version,
            oldest: readable_from,
        });
    }
    let version = version as u32; // oldest <= version <= current, so it fits
    let written;
    let json = match source {
        Some(text) if version == current => text,
        _ => {
            let envelope = migrate(envelope, kind, version, oldest, migrations)?;
            written = serde_json::to_string(&envelope).expect("a JSON value serialises");
            &written
        }
    };
    // One typed reader for every kind of envelope: each `Deserialize` of a top-level type is a
    // copy of serde_json's parser in the app, so the four kinds share one.
    let any: AnyEnvelope = deserialize(json)?;
    let missing = |field: &str| ReadError::Invalid {
        path: String::new(),
        problem: Problem::MissingField {
            field: field.to_string(),
        },
        cause: format!("missing field `{field}`"),
    };
    let AnyEnvelope {
        format,
        kind: kind_text,
        schema_version,
        app_version,
        saved_at,
        report,
        reports,
        request,
        contribution,
        extra,
    } = any;
    let kind_text = kind_text.unwrap_or_default();
    Ok(match kind {
        Kind::Report => FileContents::Report(Box::new(ReportFile {
            format,
            schema_version,
            app_version,
            saved_at,
            report: report.ok_or_else(|| missing("report"))?,
            extra,
            read_version: version,
        })),
        Kind::Backup => FileContents::Backup(BackupFile {
            format,
            schema_version,
            app_version,
            saved_at,
            reports: reports.ok_or_else(|| missing("reports"))?,
            extra,
            read_version: version,
        }),
        Kind::Request => FileContents::Request(Box::new(RequestFile {
            format,
            kind: kind_text,
            schema_version,
            app_version,
            saved_at,
            request: request.ok_or_else(|| missing("request"))?,
            extra,
        })),
        Kind::Contribution => FileContents::Contribution(Box::new(ContributionFile {
            format,
            kind: kind_text,
            schema_version,
            app_version,
            saved_at,
            contribution: contribution.ok_or_else(|| missing("contribution"))?,
            extra,
        })),
    })
}

/// Every kind of envelope as read: which document it holds is told by `format` and `kind`.
#[derive(Deserialize)]
struct AnyEnvelope {
    format: String,
    #[serde(default)]
    kind: Option<String>,
    schema_version: u32,
    #[serde(default)]
    app_version: String,
    #[serde(default)]
    saved_at: String,
    #[serde(default)]
    report: Option<Report>,
    #[serde(default)]
    reports: Option<Vec<Report>>,
    #[serde(default)]
    request: Option<Request>,
    #[serde(default)]
    contribution: Option<Contribution>,
    #[serde(flatten)]
    extra: Extra,
}

// ---------------------------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------------------------

/// One migration step: turns one report, as JSON, from schema version `n` into `n + 1`.
/// The error is a Polish description of what could not be converted.
pub type Migration = fn(Value) -> Result<Value, String>;

/// The migration steps: `MIGRATIONS[i]` turns a report of version
/// `OLDEST_SUPPORTED_VERSION + i` into the next one. To add version N + 1: write
/// `fn vN_to_vN1(report: Value) -> Result<Value, String>`, add it here, bump [`SCHEMA_VERSION`],
/// change the model, and keep a fixture of version N + 1 next to the older ones in
/// `tests/fixtures/`.
pub const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 1 numbered the sobriety act's tasks as if art. 4¹ ust. 1 still had a pkt 4 of its own
/// in sequence: `alcohol.4` (support of institutions), `alcohol.5` (interventions), `alcohol.6`
/// (social employment). Pkt 4 is repealed; those tasks are pkt 5, 6 and 7, and version 2's ids
/// equal the statute's point numbers. Every task reference is renamed in one pass (so `alcohol.4`
/// becomes `alcohol.5`, not `alcohol.6`): activities' task lists and task gaps, which are the only
/// places version 1 refers to tasks. Everything else, unknown fields included, is kept as it is.
pub fn v1_to_v2(mut report: Value) -> Result<Value, String> {
    fn rename(id: &mut Value) {
        let renamed = match id.as_str() {
            Some("alcohol.4") => "alcohol.5",
            Some("alcohol.5") => "alcohol.6",
            Some("alcohol.6") => "alcohol.7",
            _ => return,
        };
        *id = Value::from(renamed);
    }
    let Some(obj) = report.as_object_mut() else {
        return Err("raport nie jest obiektem JSON".into());
    };
    if let Some(Value::Array(activities)) = obj.get_mut("activities") {
        for activity in activities {
            if let Some(Value::Array(tasks)) = activity.get_mut("tasks") {
                tasks.iter_mut().for_each(rename);
            }
        }
    }
    if let Some(Value::Array(gaps)) = obj.get_mut("task_gaps") {
        for gap in gaps {
            if let Some(task) = gap.get_mut("task") {
                rename(task);
            }
        }
    }
    Ok(report)
}

const _: () = assert!(
    OLDEST_SUPPORTED_VERSION + MIGRATIONS.len() as u32 == SCHEMA_VERSION,
    "every schema version from the oldest supported one needs a migration step"
);

/// Runs the steps from `version` up to the current one over every report of the envelope,
/// then stamps the envelope with the version reached. The envelope itself has the same shape
/// in every version.
fn migrate(
    mut envelope: Map<String, Value>,
    kind: Kind,
    version: u32,
    oldest: u32,
    migrations: &[Migration],
) -> Result<Map<String, Value>, ReadError> {
    let current = oldest + migrations.len() as u32;
    for from in version..current {
        let step = migrations[(from - oldest) as usize];
        let fail = |path: String, detail: String| ReadError::Migration {
            from,
            to: from + 1,
            path,
            detail,
        };
        match kind {
            Kind::Report => {
                if let Some(report) = envelope.get_mut("report") {
                    *report = step(report.take()).map_err(|d| fail("report".into(), d))?;
                }
            }
            // Never older than the current version (see `GATHER_SINCE_VERSION`): a later step
            // must migrate the activities they carry the way it migrates a report's.
            Kind::Request | Kind::Contribution => {}
            Kind::Backup => {
                if let Some(Value::Array(reports)) = envelope.get_mut("reports") {
                    for (i, report) in reports.iter_mut().enumerate() {
                        *report =
                            step(report.take()).map_err(|d| fail(format!("reports[{i}]"), d))?;
                    }
                }
            }
        }
        envelope.insert("schema_version".into(), Value::from(from + 1));
    }
    Ok(envelope)
}

// ---------------------------------------------------------------------------------------------
// Typed deserialisation and its errors
// ---------------------------------------------------------------------------------------------

/// Deserialises a document from the JSON text of its (migrated) envelope. Every type is
/// deserialised from text and from text only, so the browser build holds one deserialiser per
/// type; a value that does not fit is then located by its place in the text: serde_json reports
/// where it stopped, and [`path_at`] turns that into the field's path.
fn deserialize<T: DeserializeOwned>(json: &str) -> Result<T, ReadError> {
    serde_json::from_str(json).map_err(|e| {
        // The last byte serde_json read: the end of the value that did not fit (or the `}` of an
        // object that lacks a field) — or, for a value of the wrong kind that it only peeked at
        // (an object or a list where it expected another kind), the byte before that value.
        let mut at = error_end(json, &e).saturating_sub(1);
        let bytes = json.as_bytes();
        if matches!(bytes.get(at), Some(b':' | b',' | b'[' | b'{')) {
            at += 1;
        }
        while bytes.get(at).copied().is_some_and(is_json_space) {
            at += 1;
        }
        let path = path_at(json, at);
        // The value itself, for the message (the text parsed before, so this cannot fail).
        let root: Value = serde_json::from_str(json).unwrap_or(Value::Null);
        let found = lookup(&root, &path);
        let cause = without_position(&e.to_string()).to_string();
        ReadError::Invalid {
            path: path_text(&path),
            problem: classify(&cause, found),
            cause,
        }
    })
}

/// One step of a path into a JSON document.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// A path as the messages write it: `report.budget.lines[2].executed`; `.` for the whole file.
fn path_text(path: &[Segment]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Segment::Key(k) if out.is_empty() => out.push_str(k),
            Segment::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// The value at `path` in `root`, if the path leads anywhere.
fn lookup<'v>(root: &'v Value, path: &[Segment]) -> Option<&'v Value> {
    path.iter().try_fold(root, |v, seg| match seg {
        Segment::Index(i) => v.get(*i),
        Segment::Key(k) => v.get(k.as_str()),
    })
}

/// The path of the innermost value of the well-formed JSON `json` whose text covers byte `at`
/// (empty for the whole document, or when `at` is outside every value).
fn path_at(json: &str, at: usize) -> Vec<Segment> {
    let mut scan = Scan {
        text: json,
        i: 0,
        at,
    };
    let mut path = Vec::new();
    if scan.value(&mut path) {
        path
    } else {
        Vec::new()
    }
}

/// JSON's whitespace.
fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Where serde_json stopped in `json`, as a byte offset: it counts `column` in bytes from the
/// line start, up to and including the byte it stopped at.
fn error_end(json: &str, e: &serde_json::Error) -> usize {
    let line_start = json
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    line_start + e.column()
}

/// serde_json's message without its " at line L column C" (the caller says where, in words).
fn without_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// A cursor over well-formed JSON text that skips values and notes the one covering `at`.
struct Scan<'a> {
    text: &'a str,
    i: usize,
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(is_json_space) {
            self.i += 1;
        }
    }

    /// Skips a string starting at its opening quote.
    fn string(&mut self) {
        let bytes = self.text.as_bytes();
        self.i += 1;
        while self.i < bytes.len() {
            match bytes[self.i] {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return;
                }
                _ => self.i += 1,
            }
        }
    }

    /// Skips one value. True when `at` lies within it; `path` then leads to the innermost value
    /// that covers `at` (the segments below this value are pushed onto it).
    fn value(&mut self, path: &mut Vec<Segment>) -> bool {
        self.skip_space();
        let start = self.i;
        match self.peek() {
            Some(b'{') => {
                self.i += 1;
                loop {
                    self.skip_space();
                    if matches!(self.peek(), None | Some(b'}')) {
                        break;
                    }
                    let key_start = self.i;
                    self.string();
                    let key: String =
                        serde_json::from_str(&self.text[key_start..self.i]).unwrap_or_default();
                    self.skip_space();
                    self.i += 1; // the colon
                    path.push(Segment::Key(key));
                    if self.value(path) {
                        return true;
                    }
                    path.pop();
                    self.skip_space();
                    if self.peek() == Some(b',') {
                        self.i += 1;
                    }
                }
                self.i += 1;
            }
            Some(b'[') => {
                self.i += 1;
                let mut index = 0;
                loop {
                    self.skip_space();
                    if matches!(self.peek(), None | Some(b']')) {
                        break;
                    }
                    path.push(Segment::Index(index));
                    if self.value(path) {
                        return true;
                    }
                    path.pop();
                    index += 1;
                    self.skip_space();
                    if self.peek() == Some(b',') {
                        self.i += 1;
                    }
                }
                self.i += 1;
            }
            Some(b'"') => self.string(),
            Some(_) => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b']' | b'}') && !is_json_space(b))
                {
                    self.i += 1;
                }
            }
            None => {}
        }
        (start..self.i).contains(&self.at)
    }
}

/// Turns a deserialisation message into a [`Problem`]. The amount messages are ours
/// ([`money`]); the date message is `Date`'s (`data "..." nie jest ...`); the rest are serde's
/// standard texts (`unknown variant`, `invalid type`, `invalid value`, `missing field`).
fn classify(msg: &str, found: Option<&Value>) -> Problem {
    let found_text = || match found {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    if msg.starts_with(money::DE_NOT_A_NUMBER) {
        let value = found_text();
        return match money::parse_amount(&value) {
            Ok(a) => Problem::AmountPolishNotation {
                value,
                canonical: a.value().to_string(),
            },
            Err(_) => Problem::Amount { value },
        };
    }
    if msg.starts_with(money::DE_NOT_A_STRING) {
        return Problem::AmountAsNumber {
            value: found_text(),
        };
    }
    if msg.starts_with("data \"") {
        return Problem::Date {
            value: found_text(),
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or_default().to_string();
        let allowed = rest
            .split_once("expected")
            .map(|(_, list)| backticked(list))
            .unwrap_or_default();
        return Problem::UnknownValue { value, allowed };
    }
    // "invalid value" is serde's word for the right JSON type out of range (-5 for a u32).
    if let Some(rest) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
    {
        let expected = rest.rsplit_once(", expected ").map_or("", |(_, e)| e);
        return Problem::WrongType {
            expected: expected_pl(expected),
            found: found.map_or_else(|| "inną wartość".into(), describe),
        };
    }
    // serde_json's word for an enumeration's value that is not a text at all (`"kind": 5`).
    if msg == "expected value" {
        return Problem::WrongType {
            expected: expected_pl("variant identifier"),
            found: found.map_or_else(|| "inną wartość".into(), describe),
        };
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        return Problem::MissingField {
            field: rest.split('`').next().unwrap_or_default().to_string(),
        };
    }
    Problem::Other { detail: msg.into() }
}

/// The `a`, `b` out of "one of `a`, `b`".
fn backticked(s: &str) -> Vec<String> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// serde's "expected ..." in Polish, in the accusative ("powinno zawierać ...").
fn expected_pl(expected: &str) -> String {
    match expected {
        "i8" | "i16" | "i32" | "i64" | "i128" => "liczbę całkowitą".into(),
        "u8" | "u16" | "u32" | "u64" | "u128" => "liczbę całkowitą nieujemną".into(),
        "f32" | "f64" => "liczbę".into(),
        "a boolean" => "wartość logiczną (true lub false)".into(),
        "a string" => "tekst".into(),
        "a sequence" => "listę".into(),
        "a map" => "obiekt".into(),
        "variant identifier" => "jedną z dozwolonych wartości tekstowych".into(),
        e if e.starts_with("struct ") => "obiekt".into(),
        e if e.starts_with("a Decimal") => "liczbę".into(),
        e if e.starts_with("kwota") => "kwotę jako tekst, np. \"148543.63\"".into(),
        "" => "wartość innego rodzaju".into(),
        e => e.into(),
    }
}

/// A JSON value in Polish, in the accusative ("a zawiera ...").
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "wartość null".into(),
        Value::Bool(b) => format!("wartość logiczną {b}"),
        Value::Number(n) => format!("liczbę {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            format!("tekst \"{}…\"", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("tekst \"{s}\""),
        Value::Array(_) => "listę".into(),
        Value::Object(_) => "obiekt".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Syntax errors
// ---------------------------------------------------------------------------------------------

/// A syntax error, its place counted in the whole `file` (the JSON starts at byte `start`),
/// its column in characters (serde_json counts bytes, which would mislead on Polish letters).
fn syntax_error(file: &str, start: usize, json: &str, e: &serde_json::Error) -> ReadError {
    let cause = e.to_string();
    let detail = syntax_detail(&cause);
    let end = (start + error_end(json, e)).min(file.len());
    let (line, column) = line_and_column(file, end);
    ReadError::Syntax {
        line,
        column,
        detail,
        cause,
    }
}

/// Line (from 1) and character column (from 1) of the character that ends at byte `end`
/// (`end` may fall inside a multi-byte character: that character is counted).
fn line_and_column(text: &str, end: usize) -> (usize, usize) {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count().max(1);
    (line, column)
}

/// serde_json's syntax messages in Polish (without the position, which the caller adds).
fn syntax_detail(cause: &str) -> String {
    match without_position(cause) {
        "EOF while parsing a list" => "plik kończy się przed zamknięciem listy nawiasem ]".into(),
        "EOF while parsing an object" => {
            "plik kończy się przed zamknięciem obiektu nawiasem }".into()
        }
        "EOF while parsing a string" => "plik kończy się przed zamknięciem cudzysłowu".into(),
        "EOF while parsing a value" => {
            "plik kończy się za wcześnie (brakuje dalszej części danych)".into()
        }
        "expected `:`" => "brakuje dwukropka po nazwie pola".into(),
        "expected `,` or `]`" => "brakuje przecinka lub nawiasu zamykającego ]".into(),
        "expected `,` or `}`" => "brakuje przecinka lub nawiasu zamykającego }".into(),
        "expected ident" => "nieznane słowo (dozwolone są true, false i null)".into(),
        "expected value" => "w tym miejscu powinna być wartość".into(),
        "expected `\"`" => "nazwa pola powinna być w cudzysłowie".into(),
        "key must be a string" => "nazwa pola musi być tekstem w cudzysłowie".into(),
        "invalid escape" => "niepoprawna sekwencja ze znakiem \\".into(),
        "invalid number" => "niepoprawna liczba".into(),
        "number out of range" => "liczba poza dopuszczalnym zakresem".into(),
        "invalid unicode code point" | "lone leading surrogate in hex escape" => {
            "niepoprawny kod znaku \\u".into()
        }
        "unexpected end of hex escape" => "niepełny kod znaku \\u".into(),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "niedozwolony znak sterujący w tekście (np. nowy wiersz wewnątrz cudzysłowu)".into()
        }
        "trailing comma" => "zbędny przecinek przed nawiasem zamykającym".into(),
        "trailing characters" => "po zakończeniu danych są jeszcze inne znaki".into(),
        "recursion limit exceeded" => "zbyt głębokie zagnieżdżenie danych".into(),
        _ => "niepoprawny zapis".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

/// Finds `<script ... id="raport-gp-data" ...>` (attribute order, quoting and tag case are
/// free) and returns the byte offset of its text and the text up to the next `</script`.
/// The text is raw JSON: HTML entities are not decoded.
fn extract_embedded_json(html: &str) -> Option<(usize, &str)> {
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` apply to `html`.
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let name_end = from + found + "<script".len();
        let next = lower[name_end..].chars().next()?;
        if !(next.is_ascii_whitespace() || next == '>' || next == '/') {
            from = name_end;
            continue;
        }
        let (attrs, tag_end) = parse_attributes(&html[name_end..]);
        let content_start = name_end + tag_end;
        let content_end = lower[content_start..]
            .find("</script")
            .map(|i| content_start + i);
        let is_data = attrs
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("id") && v == HTML_DATA_ID);
        match (is_data, content_end) {
            (true, Some(end)) => return Some((content_start, &html[content_start..end])),
            (true, None) => return None,
            // Skip the whole script, so "<script" inside its code is not taken for a tag.
            (false, Some(end)) => from = end,
            (false, None) => return None,
        }
    }
    None
}

/// The attributes of a start tag whose name has been read, and the length up to and
/// including its closing `>` (or the whole input if it never closes).
fn parse_attributes(s: &str) -> (Vec<(String, String)>, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (attrs, b.len());
        }
        if b[i] == b'>' {
            return (attrs, i + 1);
        }
        let name_start = i;
        while i < b.len() && !(b[i].is_ascii_whitespace() || matches!(b[i], b'=' | b'>' | b'/')) {
            i += 1;
        }
        let name = s[name_start..i].to_string();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let quote = b[i];
                let start = i + 1;
                let end = b[start..]
                    .iter()
                    .position(|&c| c == quote)
                    .map_or(b.len(), |p| start + p);
                value = s[start..end].to_string();
                i = (end + 1).min(b.len());
            } else {
                let start = i;
                while i < b.len() && !(b[i].is_ascii_whitespace() || b[i] == b'>') {
                    i += 1;
                }
                value = s[start..i].to_string();
            }
        }
        attrs.push((name, value));
    }
}

// ---------------------------------------------------------------------------------------------
// Browser storage keys
// ---------------------------------------------------------------------------------------------

/// The namespace of every key this app writes to `localStorage`. The `v1` is the version of
/// the key layout (not of the documents, which carry their own `schema_version` and migrate on
/// read); it changes only if the layout below changes.
///
/// Layout (values are the JSON of this module unless said otherwise):
/// - `raport-gp/v1/index` — the list of reports in this browser (owned by the UI);
/// - `raport-gp/v1/report/<report id>` — a report file ([`to_json`]);
/// - `raport-gp/v1/backup/<report id>/<saved at, ms since epoch>` — an earlier version of a
///   report, a report file; which ones to keep is decided by `crate::domain::backup::retain`;
/// - `raport-gp/v1/quarantine/<at, ms>/<original key>` — the raw text of a stored value that
///   failed to load, kept aside so it is never overwritten (not necessarily JSON).
///
/// Report ids are used as they are; the app makes them without `/`.
pub const STORAGE_PREFIX: &str = "raport-gp/v1/";

/// `raport-gp/v1/index`
pub fn index_key() -> String {
    format!("{STORAGE_PREFIX}index")
}

/// `raport-gp/v1/report/<id>`
pub fn report_key(id: &Id) -> String {
    format!("{STORAGE_PREFIX}report/{id}")
}

/// `raport-gp/v1/backup/<id>/<saved_at_ms>`
pub fn backup_key(id: &Id, saved_at_ms: i64) -> String {
    format!("{}{saved_at_ms}", backup_key_prefix(id))
}

/// `raport-gp/v1/backup/<id>/`: every backup of a report starts with it.
pub fn backup_key_prefix(id: &Id) -> String {
    format!("{STORAGE_PREFIX}backup/{id}/")
}

/// The report id and time of a [`backup_key`]; `None` for any other key.
pub fn parse_backup_key(key: &str) -> Option<(Id, i64)> {
    let rest = key.strip_prefix(STORAGE_PREFIX)?.strip_prefix("backup/")?;
    let (id, ms) = rest.rsplit_once('/')?;
    if id.is_empty() {
        return None;
    }
    Some((Id::new(id), ms.parse().ok()?))
}

/// `raport-gp/v1/quarantine/<at_ms>/<original_key>`: where the raw text of `original_key`
/// goes when it cannot be read.
pub fn quarantine_key(original_key: &str, at_ms: i64) -> String {
    format!("{STORAGE_PREFIX}quarantine/{at_ms}/{original_key}")
}

/// Every quarantined value's key starts with it.
pub fn quarantine_key_prefix() -> String {
    format!("{STORAGE_PREFIX}quarantine/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn path_of(json: &str, needle: &str) -> String {
        let at = json.find(needle).expect("the needle is in the text");
        path_text(&path_at(json, at))
    }

    #[test]
    fn a_place_in_the_text_is_named_by_its_path() {
        let compact = r#"{"a":{"b":[1,{"c":"x,]}"},[true]],"d\"e":null},"f":"g"}"#;
        assert_eq!(path_of(compact, "1,"), "a.b[0]");
        assert_eq!(path_of(compact, "\"x"), "a.b[1].c");
        assert_eq!(path_of(compact, "]}\"}"), "a.b[1].c"); // inside the string, not its end
        assert_eq!(path_of(compact, "true"), "a.b[2][0]");
        assert_eq!(path_of(compact, "null"), "a.d\"e");
        assert_eq!(path_of(compact, "\"g"), "f");
        let pretty =
            serde_json::to_string_pretty(&serde_json::from_str::<Value>(compact).unwrap()).unwrap();
        assert_eq!(path_of(&pretty, "true"), "a.b[2][0]");
        assert_eq!(path_of(&pretty, "null"), "a.d\"e");
        assert_eq!(path_text(&path_at(compact, 0)), ".");
        assert_eq!(path_text(&path_at(compact, compact.len() + 5)), ".");
    }

    #[test]
    fn a_bad_value_is_located_wherever_it_stands_in_its_object() {
        // First, middle and last member; compact and pretty text; a file that needed migration.
        for report in [
            json!({"signature": {"date": "15.03.2023"}}),
            json!({"signature": {"place": "X", "date": "15.03.2023", "name": "Y"}}),
            json!({"signature": {"date": "15.03.2023", "name": "Y"}}),
        ] {
            for version in [1, SCHEMA_VERSION] {
                let file = envelope(u64::from(version), report.clone());
                for text in [
                    file.to_string(),
                    serde_json::to_string_pretty(&file).unwrap(),
                ] {
                    let Err(ReadError::Invalid { path, .. }) = read_file(&text) else {
                        panic!("read {text}")
                    };
                    assert_eq!(path, "report.signature.date", "{text}");
                }
            }
        }
    }

    fn envelope(version: u64, report: Value) -> Value {
        json!({"format": FORMAT, "schema_version": version, "app_version": "0.0.1",
               "saved_at": "2020-01-01T00:00:00Z", "report": report})
    }

    // A test-only history: v1 had `author`, v2 renamed it to `prepared_by`,
    // v3 moved `town` into `gmina.name`.
    fn v1_to_v2(mut r: Value) -> Result<Value, String> {
        let obj = r.as_object_mut().ok_or("raport nie jest obiektem")?;
        if let Some(a) = obj.remove("author") {
            obj.insert("prepared_by".into(), a);
        }
        Ok(r)
    }
    fn v2_to_v3(mut r: Value) -> Result<Value, String> {
        let obj = r.as_object_mut().ok_or("raport nie jest obiektem")?;
        if let Some(t) = obj.remove("town") {
            obj.insert("gmina".into(), json!({"name": t}));
        }
        if obj.contains_key("author") {
            return Err("pole \"author\" powinno już nie istnieć".into());
        }
        Ok(r)
    }
    const TEST_STEPS: &[Migration] = &[v1_to_v2, v2_to_v3];

    #[test]
    fn migrations_run_step_by_step_from_the_files_version() {
        let file = envelope(1, json!({"year": 2021, "author": "Anna", "town": "Kalisz"}));
        let FileContents::Report(f) = read_value_with(file, None, 1, TEST_STEPS).unwrap() else {
            panic!("not a report");
        };
        assert_eq!(f.report.prepared_by, "Anna");
        assert_eq!(f.report.gmina.name, "Kalisz");
        assert_eq!(f.schema_version, 3);
        assert_eq!(f.read_version, 1);
        assert!(f.report.extra.is_empty(), "{:?}", f.report.extra);
    }

    #[test]
    fn migrations_start_at_the_files_version() {
        // A v2 file skips v1→v2: its `author` would otherwise be renamed.
        let file = envelope(2, json!({"town": "Kalisz", "prepared_by": "Ewa"}));
        let FileContents::Report(f) = read_value_with(file, None, 1, TEST_STEPS).unwrap() else {
            panic!("not a report");
        };
        assert_eq!(f.report.prepared_by, "Ewa");
        assert_eq!(f.report.gmina.name, "Kalisz");
        assert_eq!(f.read_version, 2);
    }

    #[test]
    fn a_file_of_the_current_version_is_not_migrated() {
        let file = envelope(3, json!({"author": "Anna"}));
        let FileContents::Report(f) = read_value_with(file, None, 1, TEST_STEPS).unwrap() else {
            panic!("not a report");
        };
        assert_eq!(f.report.extra.get("author"), Some(&json!("Anna")));
    }

    #[test]
    fn migrations_apply_to_every_report_of_a_backup() {
        let file = json!({"format": BACKUP_FORMAT, "schema_version": 1,
            "reports": [{"author": "A"}, {"author": "B"}]});
        let FileContents::Backup(b) = read_value_with(file, None, 1, TEST_STEPS).unwrap() else {
            panic!("not a backup");
        };
        let names: Vec<_> = b.reports.iter().map(|r| r.prepared_by.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
    }

    #[test]
    fn a_failing_migration_names_the_step_and_the_report() {
        let file = json!({"format": BACKUP_FORMAT, "schema_version": 1,
            "reports": [{"author": "A"}, 7]});
        let err = read_value_with(file, None, 1, TEST_STEPS).unwrap_err();
        assert_eq!(
            err.message(),
            "Nie udało się przekształcić pliku z wersji 1 do wersji 2 (w polu reports[1]): \
             raport nie jest obiektem."
        );
    }

    #[test]
    fn versions_outside_the_migration_range_are_refused() {
        assert_eq!(
            read_value_with(envelope(4, json!({})), None, 1, TEST_STEPS).unwrap_err(),
            ReadError::NewerVersion {
                found: 4,
                supported: 3
            }
        );
        assert_eq!(
            read_value_with(envelope(0, json!({})), None, 1, TEST_STEPS).unwrap_err(),
            ReadError::OlderUnsupported {
                found: 0,
                oldest: 1
            }
        );
    }

    #[test]
    fn the_real_migration_table_reaches_the_current_version() {
        assert_eq!(
            OLDEST_SUPPORTED_VERSION + MIGRATIONS.len() as u32,
            SCHEMA_VERSION
        );
    }

    #[test]
    fn finds_the_data_script_whatever_the_attribute_order_and_quoting() {
        for html in [
            r#"<html><script type="application/json" id="raport-gp-data">{"a":1}</script>"#,
            r#"<SCRIPT ID='raport-gp-data' TYPE='application/json'>{"a":1}</SCRIPT>"#,
            r#"<script id=raport-gp-data>{"a":1}</script >"#,
            "<script>var s = \"<script id='raport-gp-data'>\";</script>\
             <script id=\"raport-gp-data\">{\"a\":1}</script>",
        ] {
            let (_, json) = extract_embedded_json(html).expect(html);
            assert_eq!(json, r#"{"a":1}"#, "{html}");
        }
        assert!(extract_embedded_json("<scripts id=raport-gp-data>x</script>").is_none());
        assert!(extract_embedded_json(r#"<script id="other">x</script>"#).is_none());
        assert!(extract_embedded_json(r#"<script id="raport-gp-data">{"a":1}"#).is_none());
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"ąę\": 1 2}";
        let e = serde_json::from_str::<Value>(text).unwrap_err();
        let ReadError::Syntax { line, column, .. } = syntax_error(text, 0, text, &e) else {
            panic!()
        };
        assert_eq!((line, column), (1, 10));
    }

    #[test]
    fn sizes_are_shown_in_megabytes_with_a_decimal_comma() {
        assert_eq!(megabytes(MAX_FILE_BYTES), "20 MB");
        assert_eq!(megabytes(26_529_000), "25,3 MB");
    }

    #[test]
    fn storage_keys_are_namespaced_and_versioned() {
        let id = Id::new("raport-2021");
        assert_eq!(index_key(), "raport-gp/v1/index");
        assert_eq!(report_key(&id), "raport-gp/v1/report/raport-2021");
        assert_eq!(
            backup_key(&id, 1_700_000_000_000),
            "raport-gp/v1/backup/raport-2021/1700000000000"
        );
        assert!(backup_key(&id, 5).starts_with(&backup_key_prefix(&id)));
        assert_eq!(
            parse_backup_key(&backup_key(&id, 1_700_000_000_000)),
            Some((id.clone(), 1_700_000_000_000))
        );
        assert_eq!(parse_backup_key(&report_key(&id)), None);
        assert_eq!(parse_backup_key("raport-gp/v1/backup/x/abc"), None);
        assert_eq!(
            quarantine_key(&report_key(&id), 42),
            "raport-gp/v1/quarantine/42/raport-gp/v1/report/raport-2021"
        );
        assert!(quarantine_key("k", 1).starts_with(&quarantine_key_prefix()));
        for key in [index_key(), report_key(&id), backup_key(&id, 1)] {
            assert!(key.starts_with(STORAGE_PREFIX));
        }
    }
}
