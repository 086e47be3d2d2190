//! `raport`: the command-line tool over the domain core (check, render, migrate, summary, kcpu), for
//! power users and for batch work by a powiat or voivodeship over thousands of gminas' files.
//!
//! Invariants: every message for people is Polish; machine output (CSV, JSON) stays plain and
//! goes to stdout, problems to stderr (except `check`, whose report of an unreadable file is
//! part of its output); `check`, `summary` and `kcpu` stream — one file in memory at a time, nothing
//! kept but counts — so 2,500 files cost 2,500 reads and nothing more; exit codes are 0 (fine),
//! 1 (`check`: some report has errors) and 2 (a file unreadable, output not written, or a
//! wrong invocation), 2 winning over 1. Written files are replaced atomically (a temporary
//! file renamed over the target), so a failed write never leaves half a report behind and
//! `migrate a.json -o a.json` is safe. Arguments are parsed by hand (std only): the grammar is a handful of options.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use raport_gp::cli::terminal_safe;
use raport_gp::domain::date::Date;
use raport_gp::domain::docx::render_docx;
use raport_gp::domain::format::{self, FileContents, MAX_FILE_BYTES, SCHEMA_VERSION};
use raport_gp::domain::gather::{self, Coordinator};
use raport_gp::domain::kcpu;
use raport_gp::domain::model::{Id, Layout, Regime, Report};
use raport_gp::domain::money::format_pl;
use raport_gp::domain::render::{render_html, RenderOptions};
use raport_gp::domain::rules::{self, Finding};
use raport_gp::domain::summary::{self, Summary, CHAPTERS};
use raport_gp::APP_VERSION;

/// Exit code: everything fine (for `check`: no report has errors).
const EXIT_OK: u8 = 0;
/// Exit code of `check`: some report has error-severity findings.
const EXIT_FINDINGS: u8 = 1;
/// Exit code: a file could not be read or written, or the invocation was wrong.
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let code = match run(args) {
        Ok(code) => code,
        Err(Fail::Help) => match write_stdout(help()) {
            Ok(()) => EXIT_OK,
            Err(e) => output_failed(&e),
        },
        Err(Fail::Usage(message)) => {
            eprintln!("raport: {}\nPomoc: raport --help", terminal_safe(&message));
            EXIT_TROUBLE
        }
        Err(Fail::Input(message)) => {
            eprintln!("{}", terminal_safe(&message));
            EXIT_TROUBLE
        }
        Err(Fail::Output(e)) => output_failed(&e),
    };
    ExitCode::from(code)
}

/// Why a command stopped early.
enum Fail {
    /// `--help` anywhere: print the help, exit 0.
    Help,
    /// A wrong invocation; the Polish message.
    Usage(String),
    /// The input could not be used (unreadable, or which report to take is unclear); the full
    /// Polish message, naming the file.
    Input(String),
    /// Writing to stdout failed.
    Output(io::Error),
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        Fail::Output(e)
    }
}

/// A closed pipe (`raport summary --csv dir | head`) is the reader's choice, not worth a message.
fn output_failed(e: &io::Error) -> u8 {
    if e.kind() != io::ErrorKind::BrokenPipe {
        eprintln!("raport: nie udało się wypisać wyniku: {}.", os_error_pl(e));
    }
    EXIT_TROUBLE
}

fn run(args: Vec<OsString>) -> Result<u8, Fail> {
    let mut args = args.into_iter();
    let Some(command) = args.next() else {
        return Err(Fail::Usage("nie podano polecenia.".into()));
    };
    let rest: Vec<OsString> = args.collect();
    match command.to_str() {
        Some("check") => check(parse_args("check", rest, CHECK_OPTIONS)?),
        Some("render") => render(parse_args("render", rest, RENDER_OPTIONS)?),
        Some("migrate") => migrate(parse_args("migrate", rest, MIGRATE_OPTIONS)?),
        Some("summary") => summary(parse_args("summary", rest, SUMMARY_OPTIONS)?),
        Some("kcpu") => kcpu(parse_args("kcpu", rest, KCPU_OPTIONS)?),
        Some("request") => request(parse_args("request", rest, REQUEST_OPTIONS)?),
        Some("merge") => merge(parse_args("merge", rest, MERGE_OPTIONS)?),
        Some("help" | "--help" | "-h") => Err(Fail::Help),
        Some("--version" | "-V") => {
            write_stdout(format!(
                "raport {APP_VERSION} (format {}, wersja schematu {SCHEMA_VERSION})\n",
                format::FORMAT
            ))?;
            Ok(EXIT_OK)
        }
        Some(other) if other.starts_with('-') => Err(Fail::Usage(format!(
            "nieznana opcja „{other}”; najpierw podaj polecenie: check, render, migrate, summary, \
             kcpu, request, merge."
        ))),
        _ => Err(Fail::Usage(format!(
            "nieznane polecenie „{}”; dostępne: check, render, migrate, summary, kcpu, request, \
             merge, help.",
            command.to_string_lossy()
        ))),
    }
}

// ---------------------------------------------------------------------------------------------
// Help
// ---------------------------------------------------------------------------------------------

fn help() -> String {
    let columns = wrap(&summary::header(), 66, &" ".repeat(27));
    format!(
        "\
raport {APP_VERSION} — sprawdzanie, drukowanie i zestawianie rocznych raportów z realizacji
gminnych programów przeciwdziałania uzależnieniom, zapisanych przez aplikację Raport GP.

Użycie:
  raport check [--quiet] PLIK|KATALOG...
      Wczytuje każdy plik (raport, kopię zapasową z kilkoma raportami albo raport zapisany
      jako strona HTML) i sprawdza go tymi samymi regułami co aplikacja. Dla każdego raportu
      wypisuje wiersz podsumowania, a pod nim ustalenia:
        plik.json: Gmina, 2020 — 0 błędów, 8 ostrzeżeń, 1 uwaga
          [ostrzeżenie] ID-REGUŁY ŚCIEŻKA: komunikat (podstawa prawna)
      Na końcu wiersz „Razem: …”.
      -q, --quiet        tylko wiersze podsumowania, po jednym na raport

  raport render PLIK -o WYNIK.html [--format html|docx] [--uklad cele|zadania] [--raport ID]
      Zapisuje raport do druku (HTML) z dołączonymi danymi raportu, które aplikacja umie
      wczytać z powrotem, albo jako dokument Word (DOCX) do dalszej edycji.
      -o, --output PLIK  plik wynikowy (wymagany; „-” to standardowe wyjście)
      --format html      strona HTML do druku (domyślnie)
      --format docx      dokument Word z tą samą treścią, stylami nagłówków i numerami
                         stron; otwiera się w Wordzie i LibreOffice
      --uklad cele       działania według celów programu
      --uklad zadania    działania według zadań ustawowych
                         (domyślnie: układ zapisany w raporcie)
      --raport ID        który raport wydrukować z kopii zapasowej; bez tej opcji kopia
                         z kilkoma raportami jest odrzucana z listą identyfikatorów

  raport migrate PLIK [-o WYNIK.json]
      Wypisuje plik w bieżącej wersji formatu ({schema}): app_version to wersja tego programu,
      saved_at i nieznane pola zostają bez zmian. Z raportu zapisanego jako HTML wydobywa dane.
      -o, --output PLIK  zapis do pliku zamiast na standardowe wyjście (może to być ten sam
                         plik: zostaje zastąpiony dopiero po udanym zapisie)

  raport summary [--csv] PLIK|KATALOG...
      Zestawienie: jeden wiersz na raport (kopia zapasowa daje wiersz na każdy raport).
      Bez --csv: czytelny wiersz po polsku na raport.
      --csv              CSV według RFC 4180 (przecinki, cudzysłowy gdy trzeba, wiersze
                         zakończone CRLF, UTF-8) z wierszem nagłówka:
{columns}
                         regime: drug_only (program przeciwdziałania narkomanii) lub joint
                         (program wspólny); executed_*: wykonanie z linii budżetu według
                         rozdziałów (other: pozostałe rozdziały), kwoty z kropką i dwoma
                         miejscami po przecinku, pusta komórka = brak danych; activities_ZADANIE:
                         liczba działań służących zadaniu ustawowemu z katalogu; participants:
                         suma osiągniętych wartości wskaźników liczonych w osobach, bez
                         podgrup („w tym …”, „z tego …”); errors, warnings: liczba błędów i
                         ostrzeżeń kontroli.
      Pliki, których nie da się wczytać, są opisywane na standardowym wyjściu błędów; reszta
      jest zestawiana dalej.

  raport kcpu [--csv] PLIK|KATALOG...
      Dane do ankiety KCPU (art. 4¹ ust. 2c ustawy o wychowaniu w trzeźwości) zebrane
      z każdego raportu: wydatki według rozdziałów, źródeł i zadań, profilaktyka według
      poziomu i grupy docelowej, programy rekomendowane, uczestnicy, komisja (GKRPA), punkty
      konsultacyjne, wsparcie organizacji pozarządowych, uzależnienia behawioralne. LISTA JEST
      WSTĘPNA (wersja {kcpu_version}): nie udało się sprawdzić aktualnego kwestionariusza,
      więc przed wysłaniem porównaj każdą wartość z pytaniem ankiety. „brak danych” znaczy,
      że raport nie podaje wartości — nic nie jest szacowane.
      Bez --csv: dla każdego raportu pozycje po polsku („pozycja: wartość”), jak w aplikacji.
      --csv              CSV według RFC 4180 (jak w summary) z wierszem nagłówka: file, gmina,
                         teryt, year, kcpu_list (wersja listy), a potem po jednej kolumnie na
                         pozycję listy (identyfikatory z pliku kcpu.json), jeden wiersz na
                         raport — do zestawień powiatu lub województwa. Kwoty z kropką i dwoma
                         miejscami po przecinku; pusta komórka = brak danych. Uwaga o wstępnej
                         liście trafia na standardowe wyjście błędów.
      Pliki, których nie da się wczytać, są opisywane na standardowym wyjściu błędów; reszta
      jest zestawiana dalej.

  raport request RAPORT --partner ID [-o PROŚBA.json] [--termin RRRR-MM-DD]
                 [--koordynator „Imię Nazwisko”] [--kontakt ADRES]
  raport request RAPORT --all -o KATALOG [...]
      Prośba o sprawozdanie dla partnera z rejestru raportu (--partner ID) albo dla każdego
      partnera (--all, pliki prosba-ID.json w KATALOGU): gmina, rok, zadania i działania
      partnera ujęte w raporcie. Realizator otwiera ją w aplikacji („Importuj plik JSON”)
      i odsyła plik sprawozdania. Bez -o prośba dla jednego partnera trafia na standardowe
      wyjście. Plik raportu nie jest zmieniany.
      --termin           do kiedy odesłać sprawozdanie
      --koordynator      kto prosi; --kontakt: e-mail lub telefon do odesłania

  raport merge RAPORT SPRAWOZDANIE... -o WYNIK.json
      Scala sprawozdania realizatorów z raportem tak jak aplikacja: porównuje działania
      z prośbą, raportem i sprawozdaniem; nowe i zmienione u realizatora trafiają do raportu,
      a pola zmienione po obu stronach (konflikty) zostają takie, jak w raporcie — są
      wypisywane, a kod wyjścia 1 mówi, że trzeba je rozstrzygnąć w aplikacji. Sprawozdanie
      dla innej gminy, roku lub raportu jest odrzucane (kod 2), pozostałe są scalane.
      -o, --output PLIK  plik wynikowy (wymagany; może to być plik RAPORT)

  raport help | --help | -h      ta pomoc
  raport --version | -V          wersja programu i formatu

KATALOG to wszystkie pliki *.json w nim (bez podkatalogów), w kolejności nazw. PLIK „-” to
standardowe wejście. Argumenty po „--” są zawsze nazwami plików.

Kody wyjścia:
  0  w porządku (check: żaden raport nie ma błędów; ostrzeżenia i uwagi nie zmieniają kodu)
  1  check: co najmniej jeden raport ma błędy; merge: zostały konflikty do rozstrzygnięcia
  2  któregoś pliku nie da się wczytać (nie istnieje, nie jest w UTF-8, jest uszkodzony albo
     nie jest plikiem Raport GP), nie da się zapisać wyniku, albo wywołanie jest błędne
     (nieznane polecenie lub opcja); 2 ma pierwszeństwo przed 1
",
        schema = SCHEMA_VERSION,
        kcpu_version = kcpu::list().version,
    )
}

/// `words` joined by ", ", in lines of at most `width` characters, each starting with `indent`.
fn wrap(words: &[String], width: usize, indent: &str) -> String {
    let mut lines = vec![String::new()];
    for (i, word) in words.iter().enumerate() {
        let piece = if i + 1 < words.len() {
            format!("{word},")
        } else {
            word.clone()
        };
        let line = lines.last_mut().expect("never empty");
        if !line.is_empty() && line.chars().count() + 1 + piece.chars().count() > width {
            lines.push(piece);
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&piece);
        }
    }
    lines
        .iter()
        .map(|l| format!("{indent}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

/// An option a command accepts.
struct OptSpec {
    long: &'static str,
    short: Option<char>,
    takes_value: bool,
}

const fn flag(long: &'static str, short: Option<char>) -> OptSpec {
    OptSpec {
        long,
        short,
        takes_value: false,
    }
}

const fn valued(long: &'static str, short: Option<char>) -> OptSpec {
    OptSpec {
        long,
        short,
        takes_value: true,
    }
}

const CHECK_OPTIONS: &[OptSpec] = &[flag("quiet", Some('q'))];
const RENDER_OPTIONS: &[OptSpec] = &[
    valued("output", Some('o')),
    valued("format", None),
    valued("uklad", None),
    valued("raport", None),
];
const MIGRATE_OPTIONS: &[OptSpec] = &[valued("output", Some('o'))];
const SUMMARY_OPTIONS: &[OptSpec] = &[flag("csv", None)];
const KCPU_OPTIONS: &[OptSpec] = &[flag("csv", None)];
const REQUEST_OPTIONS: &[OptSpec] = &[
    valued("output", Some('o')),
    valued("partner", None),
    flag("all", None),
    valued("termin", None),
    valued("koordynator", None),
    valued("kontakt", None),
];
const MERGE_OPTIONS: &[OptSpec] = &[valued("output", Some('o'))];

/// A command's arguments: the file names in order, and the options given (by long name).
struct Args {
    command: &'static str,
    files: Vec<OsString>,
    options: Vec<(&'static str, Option<OsString>)>,
}

impl Args {
    fn flag(&self, long: &str) -> bool {
        self.options.iter().any(|(n, _)| *n == long)
    }

    fn value(&self, long: &str) -> Option<&OsStr> {
        self.options
            .iter()
            .find(|(n, _)| *n == long)
            .and_then(|(_, v)| v.as_deref())
    }

    /// A value that must be text (an id, a keyword).
    fn text(&self, long: &str) -> Result<Option<&str>, Fail> {
        match self.value(long) {
            None => Ok(None),
            Some(v) => v.to_str().map(Some).ok_or_else(|| {
                Fail::Usage(format!(
                    "wartość opcji --{long} nie jest poprawnym tekstem."
                ))
            }),
        }
    }

    /// The one input file of `render` and `migrate`.
    fn single_file(&self) -> Result<&OsStr, Fail> {
        match self.files.as_slice() {
            [file] => Ok(file),
            [] => Err(Fail::Usage(format!(
                "polecenie {} wymaga nazwy pliku.",
                self.command
            ))),
            _ => Err(Fail::Usage(format!(
                "polecenie {} przyjmuje jeden plik, a podano {}.",
                self.command,
                self.files.len()
            ))),
        }
    }
}

fn parse_args(
    command: &'static str,
    args: Vec<OsString>,
    spec: &'static [OptSpec],
) -> Result<Args, Fail> {
    let mut parsed = Args {
        command,
        files: Vec::new(),
        options: Vec::new(),
    };
    let mut args = args.into_iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        // A non-UTF-8 argument can only be a file name.
        let text = match arg.to_str() {
            Some(t) if !only_files => t,
            _ => {
                parsed.files.push(arg);
                continue;
            }
        };
        if text == "--" {
            only_files = true;
            continue;
        }
        if text == "-" || !text.starts_with('-') {
            parsed.files.push(arg);
            continue;
        }
        if text == "-h" || text == "--help" {
            return Err(Fail::Help);
        }
        let (option, inline) = match text.strip_prefix("--") {
            Some(long) => match long.split_once('=') {
                Some((name, value)) => (
                    spec.iter().find(|o| o.long == name),
                    Some(OsString::from(value)),
                ),
                None => (spec.iter().find(|o| o.long == long), None),
            },
            None => {
                let mut chars = text[1..].chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => (spec.iter().find(|o| o.short == Some(c)), None),
                    _ => (None, None),
                }
            }
        };
        let Some(option) = option else {
            let name = text.split('=').next().unwrap_or(text);
            return Err(Fail::Usage(format!(
                "nieznana opcja „{name}” polecenia {command}."
            )));
        };
        if parsed.flag(option.long) {
            return Err(Fail::Usage(format!(
                "opcję --{} podano więcej niż raz.",
                option.long
            )));
        }
        let value = if option.takes_value {
            match inline.or_else(|| args.next()) {
                Some(v) if !v.is_empty() => Some(v),
                _ => {
                    return Err(Fail::Usage(format!(
                        "opcja --{} wymaga wartości.",
                        option.long
                    )))
                }
            }
        } else if inline.is_some() {
            return Err(Fail::Usage(format!(
                "opcja --{} nie przyjmuje wartości.",
                option.long
            )));
        } else {
            None
        };
        parsed.options.push((option.long, value));
    }
    Ok(parsed)
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/// `-` is standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How a file is named in messages and in the CSV `file` column: as the user gave it.
fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "(standardowe wejście)".into()
    } else {
        terminal_safe(&path.display().to_string()).into_owned()
    }
}

/// One step of going through the arguments of `check`, `summary` and `kcpu`.
enum Input<'a> {
    /// A file to read (possibly `-`, standard input).
    File(&'a Path),
    /// A directory that cannot be listed or holds no `*.json` file, with the Polish reason.
    Problem(&'a Path, String),
}

/// Goes through the arguments of `check`, `summary` and `kcpu` one file at a time: a directory gives
/// its `*.json` files sorted by name (only their names are held, never their contents).
fn for_each_input(
    args: &[OsString],
    mut visit: impl FnMut(Input) -> Result<(), Fail>,
) -> Result<(), Fail> {
    for arg in args {
        let path = Path::new(arg);
        if is_stdin(path) || !path.is_dir() {
            visit(Input::File(path))?;
            continue;
        }
        match json_files_in(path) {
            Ok(files) if files.is_empty() => visit(Input::Problem(
                path,
                "Katalog nie zawiera plików .json.".into(),
            ))?,
            Ok(files) => {
                for file in &files {
                    visit(Input::File(file))?;
                }
            }
            Err(e) => visit(Input::Problem(
                path,
                format!("Nie udało się odczytać katalogu ({e})."),
            ))?,
        }
    }
    Ok(())
}

fn json_files_in(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let is_json = path
            .extension()
            .and_then(OsStr::to_str)
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_json && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// [`read_input`] for the commands over reports: a request or a contribution is named for what
/// it is.
fn read_reports(path: &Path) -> Result<FileContents, String> {
    match read_input(path)? {
        FileContents::Request(_) => Err("to prośba o sprawozdanie realizatora, a nie raport \
             (realizator otwiera ją w aplikacji)"
            .into()),
        FileContents::Contribution(_) => Err("to sprawozdanie realizatora, a nie raport \
             (scala się je z raportem: raport merge RAPORT SPRAWOZDANIE -o WYNIK.json)"
            .into()),
        contents => Ok(contents),
    }
}

/// Reads and parses one file; the error is the Polish reason (without the file name).
fn read_input(path: &Path) -> Result<FileContents, String> {
    let limit = MAX_FILE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if is_stdin(path) {
        io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| io_message(&e))?;
    } else {
        // Look before opening: opening a named pipe with no writer would wait forever, and a
        // device or socket is no report either.
        let meta = fs::metadata(path).map_err(|e| io_message(&e))?;
        if meta.is_dir() {
            return Err("To jest katalog, a nie plik.".into());
        }
        if !meta.is_file() {
            return Err(
                "To nie jest zwykły plik (np. potok nazwany, gniazdo albo urządzenie), więc \
                 nie może być plikiem Raport GP."
                    .into(),
            );
        }
        // Refuse a huge file before reading it.
        format::check_size(usize::try_from(meta.len()).unwrap_or(usize::MAX))
            .map_err(|e| e.message())?;
        let file = fs::File::open(path).map_err(|e| io_message(&e))?;
        file.take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| io_message(&e))?;
    }
    // The same decoding as the browser import: invalid UTF-8 and UTF-16 are refused, never
    // repaired.
    format::read_bytes(&bytes).map_err(|e| e.message())
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "Nie ma takiego pliku.".into(),
        io::ErrorKind::PermissionDenied => "Brak uprawnień do odczytu pliku.".into(),
        io::ErrorKind::IsADirectory => "To jest katalog, a nie plik.".into(),
        _ => format!("Nie udało się odczytać pliku ({}).", os_error_pl(e)),
    }
}

/// What went wrong in the system, in Polish (the operating system's own text is English).
fn os_error_pl(e: &io::Error) -> String {
    let what = match e.kind() {
        io::ErrorKind::NotFound => "nie ma takiego pliku lub katalogu",
        io::ErrorKind::PermissionDenied => "brak uprawnień",
        io::ErrorKind::AlreadyExists => "plik już istnieje",
        io::ErrorKind::IsADirectory => "to jest katalog",
        io::ErrorKind::NotADirectory => "część ścieżki nie jest katalogiem",
        io::ErrorKind::StorageFull => "brak miejsca na dysku",
        io::ErrorKind::QuotaExceeded => "przekroczony limit miejsca na dysku",
        io::ErrorKind::ReadOnlyFilesystem => "system plików tylko do odczytu",
        io::ErrorKind::FileTooLarge => "plik za duży dla systemu plików",
        io::ErrorKind::InvalidFilename => "niepoprawna nazwa pliku",
        io::ErrorKind::CrossesDevices => "nie można przenieść pliku między dyskami",
        io::ErrorKind::BrokenPipe => "odbiorca zamknął potok",
        io::ErrorKind::Interrupted => "operację przerwano",
        io::ErrorKind::InvalidData => "niepoprawne dane",
        io::ErrorKind::UnexpectedEof => "plik skończył się nieoczekiwanie",
        _ => "błąd systemu",
    };
    match e.raw_os_error() {
        Some(code) => format!("{what}; kod błędu systemu {code}"),
        None => what.to_string(),
    }
}

/// The message for a file that cannot be used.
fn unreadable(name: &str, reason: &str) -> String {
    format!("{name}: nie można wczytać — {}", terminal_safe(reason))
}

/// How a report is named after its file: `plik.json` for a report file, `plik.json (id)` for
/// one of the reports of a backup.
fn report_label(name: &str, contents: &FileContents, report: &Report) -> String {
    match contents {
        FileContents::Report(_) => name.to_string(),
        _ => format!("{name} ({})", terminal_safe(report.id.as_str())),
    }
}

/// `Kalisz, 2020`.
fn gmina_and_year(report: &Report) -> String {
    let name = terminal_safe(report.gmina.name.trim());
    let name = if name.is_empty() {
        "(gmina bez nazwy)".into()
    } else {
        name
    };
    if report.year == 0 {
        format!("{name}, (bez roku)")
    } else {
        format!("{name}, {}", report.year)
    }
}

// ---------------------------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------------------------

/// What `check` counts while it streams.
#[derive(Default)]
struct CheckTotals {
    files: usize,
    unreadable: usize,
    reports: usize,
    reports_with_errors: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

fn check(args: Args) -> Result<u8, Fail> {
    if args.files.is_empty() {
        return Err(Fail::Usage(
            "polecenie check wymaga co najmniej jednego pliku lub katalogu.".into(),
        ));
    }
    let quiet = args.flag("quiet");
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut totals = CheckTotals::default();

    for_each_input(&args.files, |input| {
        match input {
            Input::File(path) => check_file(&mut out, path, quiet, &mut totals)?,
            Input::Problem(path, reason) => {
                totals.unreadable += 1;
                writeln!(out, "{}", unreadable(&display_name(path), &reason))?;
            }
        }
        // One file at a time reaches the terminal, so a long run shows progress.
        out.flush()?;
        Ok(())
    })?;

    if !quiet {
        writeln!(
            out,
            "Razem: {} ({}): {} z błędami; {}, {}, {}; {} nie do wczytania.",
            count(totals.files, "plik", "pliki", "plików"),
            count(totals.reports, "raport", "raporty", "raportów"),
            totals.reports_with_errors,
            count(totals.errors, "błąd", "błędy", "błędów"),
            count(totals.warnings, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń"),
            count(totals.infos, "uwaga", "uwagi", "uwag"),
            totals.unreadable,
        )?;
    }
    out.flush()?;

    Ok(if totals.unreadable > 0 {
        EXIT_TROUBLE
    } else if totals.reports_with_errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

fn check_file(
    out: &mut impl Write,
    path: &Path,
    quiet: bool,
    totals: &mut CheckTotals,
) -> Result<(), Fail> {
    totals.files += 1;
    let name = display_name(path);
    let contents = match read_reports(path) {
        Ok(c) => c,
        Err(reason) => {
            totals.unreadable += 1;
            writeln!(out, "{}", unreadable(&name, &reason))?;
            return Ok(());
        }
    };
    let reports = contents.reports();
    if reports.is_empty() {
        writeln!(out, "{name}: kopia zapasowa nie zawiera żadnego raportu.")?;
    }
    for report in reports {
        let findings = rules::validate(report);
        let (errors, warnings, infos) = (
            rules::errors(&findings),
            rules::warnings(&findings),
            rules::infos(&findings),
        );
        totals.reports += 1;
        totals.errors += errors;
        totals.warnings += warnings;
        totals.infos += infos;
        if errors > 0 {
            totals.reports_with_errors += 1;
        }
        writeln!(
            out,
            "{}: {} — {}, {}, {}",
            report_label(&name, &contents, report),
            gmina_and_year(report),
            count(errors, "błąd", "błędy", "błędów"),
            count(warnings, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń"),
            count(infos, "uwaga", "uwagi", "uwag"),
        )?;
        if !quiet {
            for finding in &findings {
                writeln!(out, "{}", finding_line(finding))?;
            }
        }
    }
    Ok(())
}

/// `  [błąd] teryt-format gmina.teryt: komunikat (podstawa)`.
fn finding_line(f: &Finding) -> String {
    let mut line = format!("  [{}] {}", f.severity.label(), f.rule);
    if !f.path.is_empty() {
        line.push(' ');
        line.push_str(&f.path);
    }
    line.push_str(": ");
    line.push_str(&f.message);
    if let Some(citation) = &f.citation {
        line.push_str(" (");
        line.push_str(citation);
        line.push(')');
    }
    // Messages quote values from the file.
    terminal_safe(&line).into_owned()
}

/// `1 błąd`, `3 błędy`, `5 błędów`, `22 błędy`, `12 błędów`: Polish plural forms.
fn count(n: usize, one: &str, few: &str, many: &str) -> String {
    let word = if n == 1 {
        one
    } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
        few
    } else {
        many
    };
    format!("{n} {word}")
}

// ---------------------------------------------------------------------------------------------
// render
// ---------------------------------------------------------------------------------------------

fn render(args: Args) -> Result<u8, Fail> {
    let input = Path::new(args.single_file()?);
    let docx = match args.text("format")? {
        None | Some("html") => false,
        Some("docx") => true,
        Some(other) => {
            return Err(Fail::Usage(format!(
                "nieznany format „{other}”; dozwolone: html, docx."
            )))
        }
    };
    let Some(output) = args.value("output") else {
        return Err(Fail::Usage(format!(
            "podaj plik wynikowy: -o RAPORT.{} (albo -o - dla standardowego wyjścia).",
            if docx { "docx" } else { "html" }
        )));
    };
    let layout = match args.text("uklad")? {
        None => None,
        Some("cele") => Some(Layout::ByGoal),
        Some("zadania") => Some(Layout::ByTask),
        Some(other) => {
            return Err(Fail::Usage(format!(
                "nieznany układ „{other}”; dozwolone: cele, zadania."
            )))
        }
    };
    let wanted = args.text("raport")?;

    let name = display_name(input);
    let contents = read_reports(input).map_err(|reason| Fail::Input(unreadable(&name, &reason)))?;
    let report = pick_report(&name, &contents, wanted)?;

    if docx {
        write_output(Path::new(output), render_docx(report, layout))?;
    } else {
        let saved_at = now_rfc3339();
        let options = RenderOptions {
            layout,
            embed_json: Some(format::embed_json_for_html(report, APP_VERSION, &saved_at)),
        };
        write_output(Path::new(output), render_html(report, &options))?;
    }

    let output = Path::new(output);
    if !is_stdin(output) {
        eprintln!(
            "Zapisano raport {}: {}",
            if docx {
                "jako dokument Word (DOCX)"
            } else {
                "do druku"
            },
            terminal_safe(&output.display().to_string())
        );
    }
    let errors = rules::errors(&rules::validate(report));
    if errors > 0 {
        eprintln!(
            "Uwaga: raport ma {}; szczegóły: raport check {}",
            count(errors, "błąd", "błędy", "błędów"),
            display_name(input)
        );
    }
    Ok(EXIT_OK)
}

/// The report to print: the only one of the file, or the one `--raport ID` names. A backup with
/// several reports is refused without `--raport`, listing what it holds — printing "the first"
/// would silently pick a report the user may not mean.
fn pick_report<'a>(
    name: &str,
    contents: &'a FileContents,
    wanted: Option<&str>,
) -> Result<&'a Report, Fail> {
    let reports = contents.reports();
    let list = || {
        reports
            .iter()
            .map(|r| format!("\n  {}  {}", r.id, gmina_and_year(r)))
            .collect::<String>()
    };
    match wanted {
        Some(id) => reports
            .iter()
            .copied()
            .find(|r| r.id.as_str() == id)
            .ok_or_else(|| {
                Fail::Input(format!(
                    "{name}: nie ma w nim raportu o identyfikatorze „{id}”. Raporty w pliku:{}",
                    list()
                ))
            }),
        None => match reports.as_slice() {
            [only] => Ok(only),
            [] => Err(Fail::Input(format!(
                "{name}: kopia zapasowa nie zawiera żadnego raportu."
            ))),
            _ => Err(Fail::Input(format!(
                "{name}: to kopia zapasowa z {} raportami; wskaż, który wydrukować, \
                 opcją --raport ID. Raporty w pliku:{}",
                reports.len(),
                list()
            ))),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// migrate
// ---------------------------------------------------------------------------------------------

fn migrate(args: Args) -> Result<u8, Fail> {
    let input = Path::new(args.single_file()?);
    let name = display_name(input);
    let contents = read_input(input).map_err(|reason| Fail::Input(unreadable(&name, &reason)))?;
    let from = contents.read_version();
    // The text is written by this app now, so it carries this app's version; `saved_at` says
    // when the document was saved and stays.
    let json = match contents {
        FileContents::Report(mut file) => {
            file.app_version = APP_VERSION.into();
            file.to_json()
        }
        FileContents::Backup(mut file) => {
            file.app_version = APP_VERSION.into();
            file.to_json()
        }
        FileContents::Request(mut file) => {
            file.app_version = APP_VERSION.into();
            file.to_json()
        }
        FileContents::Contribution(mut file) => {
            file.app_version = APP_VERSION.into();
            file.to_json()
        }
    };
    // A migrated file gains the fields of the newer version: one that would outgrow the limit
    // the app and this tool read is not written (it could not be read back).
    if json.len() > MAX_FILE_BYTES {
        return Err(Fail::Input(format!(
            "{name}: po przekształceniu do wersji {SCHEMA_VERSION} plik miałby {}, więcej niż \
             największy plik, jaki aplikacja wczytuje ({}). Nic nie zapisano; podziel kopię \
             zapasową na mniejsze pliki.",
            format::megabytes(json.len()),
            format::megabytes(MAX_FILE_BYTES)
        )));
    }
    match args.value("output") {
        None => write_stdout(&json)?,
        Some(output) => {
            let output = Path::new(output);
            write_output(output, &json)?;
            if !is_stdin(output) {
                eprintln!(
                    "Zapisano {} (format w wersji {SCHEMA_VERSION}; plik źródłowy miał wersję {from}).",
                    display_name(output)
                );
            }
        }
    }
    Ok(EXIT_OK)
}

// ---------------------------------------------------------------------------------------------
// request, merge
// ---------------------------------------------------------------------------------------------

/// A partner id as part of a file name: letters, digits, `-` and `_`; anything else `_`.
fn file_safe(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() {
        "partner".into()
    } else {
        s
    }
}

fn request(args: Args) -> Result<u8, Fail> {
    let input = Path::new(args.single_file()?);
    let partner = args.text("partner")?;
    let all = args.flag("all");
    if partner.is_some() == all {
        return Err(Fail::Usage(
            "podaj partnera: --partner ID albo --all (wszyscy partnerzy z rejestru).".into(),
        ));
    }
    let deadline = match args.text("termin")? {
        None => None,
        Some(t) => Some(Date::parse_iso(t).ok_or_else(|| {
            Fail::Usage(format!(
                "termin „{t}” nie jest datą w formacie RRRR-MM-DD, np. 2026-02-15."
            ))
        })?),
    };
    let coordinator = Coordinator {
        name: args.text("koordynator")?.unwrap_or_default().to_string(),
        contact: args.text("kontakt")?.unwrap_or_default().to_string(),
        ..Coordinator::default()
    };
    let name = display_name(input);
    let contents = read_reports(input).map_err(|reason| Fail::Input(unreadable(&name, &reason)))?;
    let report = pick_report(&name, &contents, None)?;
    let saved_at = now_rfc3339();
    let today = Date::parse_iso(&saved_at[..10]);
    let make = |id: &Id| {
        gather::request(report, id, coordinator.clone(), today, deadline)
            .map(|r| format::RequestFile::new(r, APP_VERSION, &saved_at).to_json())
    };
    if let Some(id) = partner {
        let Some(json) = make(&Id::new(id)) else {
            let known = report
                .partners
                .iter()
                .map(|p| {
                    format!(
                        "\n  {}  {}",
                        terminal_safe(p.id.as_str()),
                        terminal_safe(&p.name)
                    )
                })
                .collect::<String>();
            return Err(Fail::Input(format!(
                "{name}: w rejestrze partnerów nie ma partnera o identyfikatorze „{}”. Partnerzy:{}",
                terminal_safe(id),
                if known.is_empty() { "\n  (brak)".into() } else { known }
            )));
        };
        match args.value("output") {
            None => write_stdout(&json)?,
            Some(out) => {
                write_output(Path::new(out), &json)?;
                eprintln!(
                    "Zapisano prośbę o sprawozdanie: {}",
                    display_name(Path::new(out))
                );
            }
        }
        return Ok(EXIT_OK);
    }
    let Some(dir) = args.value("output") else {
        return Err(Fail::Usage(
            "z --all podaj katalog na prośby: -o KATALOG.".into(),
        ));
    };
    let dir = Path::new(dir);
    if report.partners.is_empty() {
        return Err(Fail::Input(format!(
            "{name}: rejestr partnerów jest pusty — nie ma kogo poprosić o sprawozdanie."
        )));
    }
    fs::create_dir_all(dir).map_err(|e| {
        Fail::Input(format!(
            "Nie udało się utworzyć katalogu {}: {}.",
            display_name(dir),
            os_error_pl(&e)
        ))
    })?;
    let mut used = std::collections::HashSet::new();
    for p in &report.partners {
        let Some(json) = make(&p.id) else { continue };
        let mut file = format!("prosba-{}.json", file_safe(p.id.as_str()));
        let mut n = 2;
        while !used.insert(file.clone()) {
            file = format!("prosba-{}-{n}.json", file_safe(p.id.as_str()));
            n += 1;
        }
        let path = dir.join(&file);
        write_output(&path, &json)?;
        eprintln!(
            "Zapisano prośbę dla „{}”: {}",
            terminal_safe(&p.name),
            display_name(&path)
        );
    }
    Ok(EXIT_OK)
}

fn merge(args: Args) -> Result<u8, Fail> {
    let Some((first, rest)) = args.files.split_first() else {
        return Err(Fail::Usage(
            "podaj raport i co najmniej jedno sprawozdanie: raport merge RAPORT SPRAWOZDANIE... -o WYNIK.json".into(),
        ));
    };
    if rest.is_empty() {
        return Err(Fail::Usage(
            "podaj co najmniej jedno sprawozdanie realizatora do scalenia.".into(),
        ));
    }
    let Some(output) = args.value("output") else {
        return Err(Fail::Usage("podaj plik wynikowy: -o WYNIK.json.".into()));
    };
    let input = Path::new(first);
    let name = display_name(input);
    let contents = read_reports(input).map_err(|reason| Fail::Input(unreadable(&name, &reason)))?;
    let FileContents::Report(mut file) = contents else {
        return Err(Fail::Input(format!(
            "{name}: to nie jest plik jednego raportu; scalać można sprawozdania z raportem zapisanym z aplikacji."
        )));
    };
    let today = Date::parse_iso(&now_rfc3339()[..10]);
    let mut code = EXIT_OK;
    let mut out = String::new();
    for c in rest {
        let path = Path::new(c);
        let cname = display_name(path);
        let contribution = match read_input(path) {
            Ok(FileContents::Contribution(f)) => f.contribution,
            Ok(_) => {
                eprintln!(
                    "{cname}: to nie jest sprawozdanie realizatora (plik „Zapisz sprawozdanie dla gminy”) — pominięto."
                );
                code = EXIT_TROUBLE;
                continue;
            }
            Err(reason) => {
                eprintln!("{}", unreadable(&cname, &reason));
                code = EXIT_TROUBLE;
                continue;
            }
        };
        let plan = match gather::preview(&file.report, &contribution) {
            Ok(plan) => plan,
            Err(refusal) => {
                eprintln!("{cname}: {}", terminal_safe(&refusal.0));
                code = EXIT_TROUBLE;
                continue;
            }
        };
        let choices = gather::default_choices(&plan);
        let (merged, summary) = gather::apply(&file.report, &plan, &choices, today);
        file.report = merged;
        out.push_str(&format!(
            "{cname}: {} — {}\n",
            terminal_safe(&plan.partner.name),
            gather::summary_text(&summary)
        ));
        for item in &plan.items {
            if item.kind != gather::ItemKind::Conflict {
                continue;
            }
            if code == EXIT_OK {
                code = EXIT_FINDINGS;
            }
            out.push_str(&format!("  konflikt: „{}”", terminal_safe(&item.title)));
            if item.removed_by_realizer {
                out.push_str(
                    " — realizator usunął działanie zmienione w raporcie; zostaje w raporcie\n",
                );
            } else if item.removed_in_report {
                out.push_str(
                    " — usunięte w raporcie, a zmienione przez realizatora; nie przywrócono\n",
                );
            } else {
                out.push('\n');
                for f in item.fields.iter().filter(|f| f.conflict) {
                    out.push_str(&format!(
                        "    {}: w raporcie „{}”, u realizatora „{}” — zostaje wartość z raportu\n",
                        f.label,
                        terminal_safe(&f.ours),
                        terminal_safe(&f.theirs)
                    ));
                }
            }
        }
    }
    file.app_version = APP_VERSION.into();
    write_output(Path::new(output), file.to_json())?;
    write_stdout(out)?;
    eprintln!("Zapisano raport: {}", display_name(Path::new(output)));
    Ok(code)
}

// ---------------------------------------------------------------------------------------------
// summary
// ---------------------------------------------------------------------------------------------

fn summary(args: Args) -> Result<u8, Fail> {
    if args.files.is_empty() {
        return Err(Fail::Usage(
            "polecenie summary wymaga co najmniej jednego pliku lub katalogu.".into(),
        ));
    }
    let csv = args.flag("csv");
    stream_reports(
        &args.files,
        |out| {
            if csv {
                writeln_crlf(out, &summary::to_csv_line(&summary::header()))?;
            }
            Ok(())
        },
        |out, name, contents, report| {
            let figures = summary::summarize(report);
            if csv {
                writeln_crlf(out, &csv_line_safe(&figures.cells(name)))
            } else {
                writeln!(
                    out,
                    "{}: {}",
                    report_label(name, contents, report),
                    terminal_safe(&readable_summary(report, &figures))
                )
            }
        },
    )
}

/// A CSV record of cells from files: control characters, which would act on a terminal, shown
/// escaped; spreadsheet formulas neutralised by `to_csv_line`.
fn csv_line_safe(cells: &[String]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| terminal_safe(c).into_owned())
        .collect();
    summary::to_csv_line(&cells)
}

/// Streams every report of the arguments (files, directories, `-`) one file at a time to
/// `visit`, after `head`; an unreadable file is said on stderr and the run goes on. Exit code 2
/// when some file could not be read, else 0.
fn stream_reports(
    files: &[OsString],
    head: impl FnOnce(&mut BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
    mut visit: impl FnMut(
        &mut BufWriter<io::StdoutLock<'static>>,
        &str,
        &FileContents,
        &Report,
    ) -> io::Result<()>,
) -> Result<u8, Fail> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut unreadable_count = 0usize;
    let mut complain = |out: &mut BufWriter<_>, name: &str, reason: &str| -> io::Result<()> {
        unreadable_count += 1;
        // Keep the order of the two streams readable when both go to a terminal.
        out.flush()?;
        eprintln!("{}", unreadable(name, reason));
        Ok(())
    };
    head(&mut out)?;
    for_each_input(files, |input| {
        let path = match input {
            Input::File(path) => path,
            Input::Problem(path, reason) => {
                complain(&mut out, &display_name(path), &reason)?;
                return Ok(());
            }
        };
        let name = display_name(path);
        let contents = match read_reports(path) {
            Ok(c) => c,
            Err(reason) => {
                complain(&mut out, &name, &reason)?;
                return Ok(());
            }
        };
        for report in contents.reports() {
            visit(&mut out, &name, &contents, report)?;
        }
        out.flush()?;
        Ok(())
    })?;
    out.flush()?;
    Ok(if unreadable_count > 0 {
        EXIT_TROUBLE
    } else {
        EXIT_OK
    })
}

// ---------------------------------------------------------------------------------------------
// kcpu
// ---------------------------------------------------------------------------------------------

fn kcpu(args: Args) -> Result<u8, Fail> {
    if args.files.is_empty() {
        return Err(Fail::Usage(
            "polecenie kcpu wymaga co najmniej jednego pliku lub katalogu.".into(),
        ));
    }
    let csv = args.flag("csv");
    stream_reports(
        &args.files,
        |out| {
            // The list is provisional: said once, before any figure (on stderr beside a CSV,
            // which carries the list's version in a column of its own).
            if csv {
                eprintln!("Uwaga: {}", kcpu::notice());
                writeln_crlf(out, &summary::to_csv_line(&kcpu::csv_header()))
            } else {
                writeln!(out, "{}", kcpu::notice())
            }
        },
        |out, name, contents, report| {
            if csv {
                writeln_crlf(out, &csv_line_safe(&kcpu::csv_row(name, report)))
            } else {
                // Labels come from the list and values are numbers: nothing from the file but
                // the gmina's name and the file name, both made terminal-safe.
                writeln!(
                    out,
                    "\n{}: {}\n{}",
                    report_label(name, contents, report),
                    gmina_and_year(report),
                    kcpu::figures_text(report).trim_start_matches('\n')
                )
            }
        },
    )
}

/// RFC 4180 ends records with CRLF.
fn writeln_crlf(out: &mut impl Write, line: &str) -> io::Result<()> {
    out.write_all(line.as_bytes())?;
    out.write_all(b"\r\n")
}

/// `Kalisz (TERYT 3061011), 2020, program przeciwdziałania narkomanii — wydatki 148 543,63 zł
/// (85153: 148 543,63 zł); 23 działania; 1200 uczestników; 0 błędów, 8 ostrzeżeń`.
fn readable_summary(report: &Report, s: &Summary) -> String {
    let mut text = gmina_and_year(report);
    if !s.teryt.trim().is_empty() {
        // Insert the TERYT after the name: "Kalisz (TERYT 3061011), 2020".
        if let Some(comma) = text.rfind(", ") {
            text.insert_str(comma, &format!(" (TERYT {})", s.teryt.trim()));
        }
    }
    text.push_str(match s.regime {
        Regime::DrugOnly => ", program przeciwdziałania narkomanii",
        Regime::AlcoholOnly => ", program profilaktyki i rozwiązywania problemów alkoholowych",
        Regime::Joint => ", program wspólny (alkohol i narkotyki)",
    });
    match s.executed_total {
        None => text.push_str(" — wydatki: brak danych"),
        Some(total) => {
            let parts: Vec<String> = CHAPTERS
                .iter()
                .zip(s.executed_per_chapter)
                .filter_map(|(c, a)| a.map(|a| format!("{c}: {}", format_pl(a))))
                .chain(s.executed_other.map(|a| format!("inne: {}", format_pl(a))))
                .collect();
            text.push_str(&format!(
                " — wydatki {} ({})",
                format_pl(total),
                parts.join(", ")
            ));
        }
    }
    text.push_str(&format!(
        "; {}",
        count(s.activities, "działanie", "działania", "działań")
    ));
    if let Some(p) = s.participants {
        text.push_str(&format!("; uczestnicy: {}", p.normalize()));
    }
    text.push_str(&format!(
        "; {}, {}",
        count(s.errors, "błąd", "błędy", "błędów"),
        count(s.warnings, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń")
    ));
    text
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

fn write_stdout(text: impl AsRef<[u8]>) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_ref())?;
    out.flush()
}

/// Writes `text` to `path` (`-`: stdout). A file is written next to its destination under a
/// temporary name and renamed over it, so the destination is either the old file or the whole
/// new one — never half of it.
fn write_output(path: &Path, text: impl AsRef<[u8]>) -> Result<(), Fail> {
    if is_stdin(path) {
        return Ok(write_stdout(text)?);
    }
    let fail = |e: io::Error| {
        Fail::Input(format!(
            "Nie udało się zapisać pliku {}: {}. Nic nie zapisano.",
            display_name(path),
            os_error_pl(&e)
        ))
    };
    let Some(file_name) = path.file_name() else {
        return Err(Fail::Input(format!(
            "„{}” nie jest nazwą pliku.",
            path.display()
        )));
    };
    let mut temp_name = OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(format!(".raport-{}.tmp", std::process::id()));
    let temp = path.with_file_name(temp_name);
    let result = fs::write(&temp, text.as_ref()).and_then(|()| fs::rename(&temp, path));
    if let Err(e) = result {
        let _ = fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}

/// Now as RFC 3339 in UTC, to the second (`2025-03-01T10:15:00Z`).
fn now_rfc3339() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (days, seconds) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let date = Date::from_days_since_epoch(days)
        .map(Date::iso)
        .unwrap_or_else(|| "1970-01-01".into());
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}
