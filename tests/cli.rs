#![cfg(not(target_arch = "wasm32"))]
//! The `raport` command line from the outside: the real binary run on the samples, on a report
//! with an error, on every broken fixture, on a mix of good and broken files, on backups, and on
//! 2,500 files in one run; `render` and `migrate` outputs read back with the format's own reader;
//! `kcpu` as text and as CSV over reports, a backup and a made-up pair of years.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use raport_gp::domain::format::{self, backup_to_json, read_file, to_json, FileContents};
use raport_gp::domain::kcpu;
use raport_gp::domain::model::{Id, Regime, Report};
use raport_gp::domain::rules::{self, validate};
use raport_gp::domain::samples;
use raport_gp::domain::summary;
use raport_gp::APP_VERSION;

const SAVED: &str = "2025-03-01T10:15:00Z";

// ------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------

/// A fresh directory under the system's temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "raport-cli-{}-{}-{name}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, text).expect("write temp file");
        path
    }

    fn write_report(&self, name: &str, report: &Report) -> PathBuf {
        self.write(name, &to_json(report, APP_VERSION, SAVED))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn raport<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_raport"))
        .args(args)
        .output()
        .expect("run raport");
    Run {
        code: status.code().expect("raport ended by a signal"),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn report_of(text: &str) -> Report {
    match read_file(text) {
        Ok(FileContents::Report(f)) => f.report,
        Ok(other) => panic!("expected a report file, got {other:?}"),
        Err(e) => panic!("{e}"),
    }
}

/// A report with a TERYT code of two digits: an error.
fn report_with_error() -> Report {
    let mut r = samples::small_gmina_2025();
    r.gmina.teryt = "12".into();
    r
}

fn csv_cell(header: &str, row: &str, column: &str) -> String {
    let at = header
        .split(',')
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("no column {column}"));
    // The sample names contain no comma or quote, so a plain split is exact here.
    row.split(',').nth(at).unwrap().to_string()
}

// ------------------------------------------------------------------------------------------
// check
// ------------------------------------------------------------------------------------------

#[test]
fn check_of_the_joint_sample_exits_0() {
    let dir = TempDir::new("joint");
    let file = dir.write_report("przykladowo.json", &samples::small_gmina_2025());
    let run = raport(&[Path::new("check"), &file]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("przykladowo.json: "), "{}", run.stdout);
    assert!(run.stdout.contains("2025 — 0 błędów"), "{}", run.stdout);
}

#[test]
fn check_of_kalisz_exits_0_and_says_activity_costs_are_not_given() {
    let report = samples::kalisz_2020();
    let findings = validate(&report);
    assert_eq!(
        rules::errors(&findings),
        0,
        "Kalisz has only warnings and notes"
    );
    assert!(!findings.is_empty());

    let dir = TempDir::new("kalisz");
    let file = dir.write_report("kalisz.json", &report);
    let run = raport(&[Path::new("check"), &file]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("activity-costs-not-given"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Kalisz, 2020 — 0 błędów"),
        "{}",
        run.stdout
    );
    // Every finding has its line: two-space indent, severity in brackets.
    let lines = run.stdout.lines().filter(|l| l.starts_with("  [")).count();
    assert_eq!(lines, findings.len(), "{}", run.stdout);
}

#[test]
fn check_of_a_report_with_an_error_exits_1_naming_the_rule_and_path() {
    let dir = TempDir::new("error");
    let file = dir.write_report("zly-teryt.json", &report_with_error());
    let run = raport(&[Path::new("check"), &file]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("  [błąd] teryt-malformed gmina.teryt: ")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 błąd,"), "{}", run.stdout);
}

#[test]
fn check_quiet_prints_only_the_summary_line() {
    let dir = TempDir::new("quiet");
    let file = dir.write_report("zly-teryt.json", &report_with_error());
    let run = raport(&[Path::new("check"), Path::new("--quiet"), &file]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.starts_with(&format!("{}: ", file.display())));
}

#[test]
fn check_of_each_broken_fixture_exits_2_with_its_polish_message_and_file_name() {
    let mut seen = 0;
    for entry in fs::read_dir(fixture("broken")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let expected = read_file(&text)
            .expect_err("a broken fixture is refused")
            .message();
        let run = raport(&[Path::new("check"), &path]);
        assert_eq!(run.code, 2, "{}: {}", path.display(), run.stdout);
        assert!(
            run.stdout.contains(&format!("{}: ", path.display())),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains(&expected), "{expected}\n{}", run.stdout);
        seen += 1;
    }
    assert!(seen >= 8, "only {seen} broken fixtures");
}

#[test]
fn check_of_a_missing_file_exits_2() {
    let dir = TempDir::new("missing");
    let missing = dir.path("nie-ma.json");
    let run = raport(&[Path::new("check"), &missing]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("nie-ma.json"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Nie ma takiego pliku."),
        "{}",
        run.stdout
    );
}

#[test]
fn check_of_a_file_that_is_not_utf8_exits_2() {
    let dir = TempDir::new("latin2");
    let file = dir.path("latin2.json");
    fs::write(
        &file,
        b"{\"format\": \"raport-gp\", \"gmina\": \"\xb3\xf3d\xbc\"}",
    )
    .unwrap();
    let run = raport(&[Path::new("check"), &file]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("UTF-8"), "{}", run.stdout);
}

#[test]
fn check_of_good_and_broken_files_exits_2_and_still_reports_the_good_ones() {
    let dir = TempDir::new("mix");
    let good = dir.write_report("a-dobry.json", &samples::small_gmina_2025());
    let with_error = dir.write_report("b-zly-teryt.json", &report_with_error());
    let broken = fixture("broken/syntax.json");
    let run = raport(&[Path::new("check"), &good, &broken, &with_error]);
    // 2 (unreadable) wins over 1 (errors found).
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stdout.contains("a-dobry.json: "), "{}", run.stdout);
    assert!(run.stdout.contains("teryt-malformed"), "{}", run.stdout);
    assert!(run.stdout.contains("syntax.json: nie można wczytać"));
    assert!(
        run.stdout.contains("Razem: 3 pliki (2 raporty)"),
        "{}",
        run.stdout
    );
}

#[test]
fn check_of_a_backup_checks_every_report_in_it() {
    let dir = TempDir::new("backup");
    let reports = [samples::kalisz_2020(), report_with_error()];
    let file = dir.write("kopia.json", &backup_to_json(&reports, APP_VERSION, SAVED));
    let run = raport(&[Path::new("check"), Path::new("-q"), &file]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].starts_with(&format!("{} ({}): Kalisz", file.display(), reports[0].id)));
    assert!(lines[1].contains(&format!("({})", reports[1].id)));
}

#[test]
fn check_of_a_directory_takes_its_json_files_in_name_order() {
    let dir = TempDir::new("dir");
    dir.write_report("b.json", &samples::small_gmina_2025());
    dir.write_report("a.json", &samples::kalisz_2020());
    dir.write("notatki.txt", "nie raport");
    let run = raport(&[Path::new("check"), Path::new("--quiet"), &dir.0]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].contains("a.json: Kalisz"), "{}", run.stdout);
    assert!(lines[1].contains("b.json: "), "{}", run.stdout);
}

// ------------------------------------------------------------------------------------------
// render
// ------------------------------------------------------------------------------------------

#[test]
fn render_writes_the_printable_report_with_data_that_reads_back() {
    let dir = TempDir::new("render");
    let report = samples::kalisz_2020();
    let input = dir.write_report("kalisz.json", &report);
    let output = dir.path("kalisz.html");
    let run = raport(&[Path::new("render"), &input, Path::new("-o"), &output]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let html = fs::read_to_string(&output).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("148 543,63 zł"));
    assert!(html.contains("Kalisz"));
    assert!(html.contains(&format!(
        "<script type=\"application/json\" id=\"{}\">",
        format::HTML_DATA_ID
    )));
    assert_eq!(report_of(&html), report);
    // No temporary file is left next to the output.
    assert_eq!(fs::read_dir(&dir.0).unwrap().count(), 2);
}

#[test]
fn render_by_task_and_to_stdout() {
    let dir = TempDir::new("render-task");
    let input = dir.write_report("p.json", &samples::small_gmina_2025());
    let run = raport(&[
        Path::new("render"),
        &input,
        Path::new("--uklad"),
        Path::new("zadania"),
        Path::new("-o"),
        Path::new("-"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("<!DOCTYPE html>"));
    assert_eq!(report_of(&run.stdout), samples::small_gmina_2025());

    let run = raport(&[
        Path::new("render"),
        &input,
        Path::new("--uklad=rozdzialy"),
        Path::new("-o"),
        Path::new("-"),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cele, zadania"), "{}", run.stderr);
}

#[test]
fn render_as_docx_writes_the_word_document_of_the_chosen_layout_and_refuses_other_formats() {
    let dir = TempDir::new("render-docx");
    let report = samples::small_gmina_2025();
    let input = dir.write_report("p.json", &report);
    let output = dir.path("p.docx");
    let run = raport(&[
        Path::new("render"),
        Path::new("--format"),
        Path::new("docx"),
        &input,
        Path::new("--uklad"),
        Path::new("zadania"),
        Path::new("-o"),
        &output,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("jako dokument Word (DOCX)"),
        "{}",
        run.stderr
    );
    let bytes = fs::read(&output).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a ZIP package");
    assert_eq!(
        bytes,
        raport_gp::domain::docx::render_docx(
            &report,
            Some(raport_gp::domain::model::Layout::ByTask)
        ),
        "the CLI writes the app's document"
    );
    assert_ne!(
        bytes,
        raport_gp::domain::docx::render_docx(
            &report,
            Some(raport_gp::domain::model::Layout::ByGoal)
        )
    );

    let run = raport(&[
        Path::new("render"),
        Path::new("--format=pdf"),
        &input,
        Path::new("-o"),
        &output,
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("nieznany format „pdf”; dozwolone: html, docx."),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read(&output).unwrap(),
        bytes,
        "the earlier file is untouched"
    );
}

#[test]
fn render_of_a_backup_with_several_reports_needs_the_report_id() {
    let dir = TempDir::new("render-backup");
    let reports = [samples::kalisz_2020(), samples::small_gmina_2025()];
    let input = dir.write("kopia.json", &backup_to_json(&reports, APP_VERSION, SAVED));
    let output = dir.path("out.html");

    let run = raport(&[Path::new("render"), &input, Path::new("-o"), &output]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--raport"), "{}", run.stderr);
    for r in &reports {
        assert!(run.stderr.contains(r.id.as_str()), "{}", run.stderr);
    }
    assert!(!output.exists());

    let id = reports[1].id.as_str();
    let run = raport(&[
        Path::new("render"),
        &input,
        Path::new("--raport"),
        Path::new(id),
        Path::new("-o"),
        &output,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report_of(&fs::read_to_string(&output).unwrap()), reports[1]);

    let run = raport(&[
        Path::new("render"),
        &input,
        Path::new("--raport"),
        Path::new("nie-ma-takiego"),
        Path::new("-o"),
        &output,
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("nie-ma-takiego"), "{}", run.stderr);
}

#[test]
fn render_of_an_unreadable_file_exits_2() {
    let dir = TempDir::new("render-broken");
    let output = dir.path("out.html");
    let run = raport(&[
        Path::new("render"),
        &fixture("broken/bad-date.json"),
        Path::new("-o"),
        &output,
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("bad-date.json"), "{}", run.stderr);
    assert!(run.stderr.contains("RRRR-MM-DD"), "{}", run.stderr);
    assert!(!output.exists());
}

// ------------------------------------------------------------------------------------------
// migrate
// ------------------------------------------------------------------------------------------

#[test]
fn migrate_of_the_v1_fixture_prints_json_with_the_same_report() {
    let path = fixture("raport-gp-v1.json");
    let original = read_file(&fs::read_to_string(&path).unwrap()).unwrap();
    let FileContents::Report(original) = original else {
        panic!("the fixture is a report file")
    };

    let run = raport(&[Path::new("migrate"), &path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let FileContents::Report(migrated) = read_file(&run.stdout).unwrap() else {
        panic!("migrate keeps a report file a report file")
    };
    assert_eq!(migrated.report, original.report);
    assert_eq!(migrated.schema_version, format::SCHEMA_VERSION);
    assert_eq!(migrated.app_version, APP_VERSION);
    assert_eq!(migrated.saved_at, original.saved_at);
}

#[test]
fn migrate_to_a_file_and_of_a_saved_html_report() {
    let dir = TempDir::new("migrate");
    let report = samples::kalisz_2020();
    let json = dir.write_report("kalisz.json", &report);
    let html = dir.path("kalisz.html");
    assert_eq!(
        raport(&[Path::new("render"), &json, Path::new("-o"), &html]).code,
        0
    );
    // In place: the file is replaced only once the new text is complete.
    let run = raport(&[Path::new("migrate"), &html, Path::new("-o"), &json]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report_of(&fs::read_to_string(&json).unwrap()), report);
}

// ------------------------------------------------------------------------------------------
// summary
// ------------------------------------------------------------------------------------------

#[test]
fn summary_csv_of_both_samples_has_a_header_and_a_row_each() {
    let dir = TempDir::new("summary");
    let kalisz = samples::kalisz_2020();
    let joint = samples::small_gmina_2025();
    let a = dir.write_report("kalisz.json", &kalisz);
    let b = dir.write_report("przykladowo.json", &joint);
    let run = raport(&[Path::new("summary"), &a, &b, Path::new("--csv")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.ends_with("\r\n"), "records end with CRLF");

    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    let header = lines[0];
    assert_eq!(header, summary::to_csv_line(&summary::header()));

    let cell = |row: &str, column: &str| csv_cell(header, row, column);
    assert_eq!(cell(lines[1], "file"), a.display().to_string());
    assert_eq!(cell(lines[1], "gmina"), "Kalisz");
    assert_eq!(cell(lines[1], "year"), "2020");
    assert_eq!(cell(lines[1], "regime"), "drug_only");
    assert_eq!(cell(lines[1], "executed_85153"), "148543.63");
    assert_eq!(cell(lines[1], "executed_85154"), "");
    assert_eq!(cell(lines[2], "year"), "2025");
    assert_eq!(cell(lines[2], "regime"), "joint");
    assert_eq!(cell(lines[2], "executed_85154"), "127262.45");
    assert_eq!(cell(lines[2], "executed_85153"), "16986.90");

    for (row, report) in [(lines[1], &kalisz), (lines[2], &joint)] {
        assert_eq!(cell(row, "activities"), report.activities.len().to_string());
        for task in ["drugs.1", "drugs.3", "alcohol.2", "behavioural.1"] {
            let expected = report
                .activities
                .iter()
                .filter(|a| a.tasks.iter().any(|t| t.as_str() == task))
                .count();
            assert_eq!(
                cell(row, &format!("activities_{task}")),
                expected.to_string(),
                "{task} in {}",
                report.gmina.name
            );
        }
        let findings = validate(report);
        assert_eq!(cell(row, "errors"), rules::errors(&findings).to_string());
        assert_eq!(
            cell(row, "warnings"),
            rules::warnings(&findings).to_string()
        );
    }
    // The joint sample serves alcohol tasks, the drug-only one cannot.
    assert_ne!(cell(lines[2], "activities_alcohol.2"), "0");
    assert_eq!(cell(lines[1], "activities_alcohol.2"), "0");
}

#[test]
fn summary_goes_on_past_an_unreadable_file_and_exits_2() {
    let dir = TempDir::new("summary-mix");
    let good = dir.write_report("kalisz.json", &samples::kalisz_2020());
    let run = raport(&[
        Path::new("summary"),
        Path::new("--csv"),
        &fixture("broken/empty.json"),
        &good,
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert!(run.stderr.contains("empty.json"), "{}", run.stderr);
    assert!(run.stderr.contains("Plik jest pusty"), "{}", run.stderr);
}

#[test]
fn summary_without_csv_is_a_readable_polish_line_per_report() {
    let dir = TempDir::new("summary-text");
    let file = dir.write_report("kalisz.json", &samples::kalisz_2020());
    let run = raport(&[Path::new("summary"), &file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(run.stdout.contains("Kalisz"), "{}", run.stdout);
    assert!(run.stdout.contains("148 543,63 zł"), "{}", run.stdout);
    assert!(run.stdout.contains("0 błędów"), "{}", run.stdout);
}

// ------------------------------------------------------------------------------------------
// kcpu
// ------------------------------------------------------------------------------------------

#[test]
fn kcpu_says_the_list_is_provisional_and_prints_every_figure_of_each_report() {
    let dir = TempDir::new("kcpu");
    let a = dir.write_report("a-kalisz.json", &samples::kalisz_2020());
    let b = dir.write_report("b-przykladowo.json", &samples::small_gmina_2025());
    let run = raport(&[Path::new("kcpu"), dir.0.as_path()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with(&kcpu::notice()), "{}", run.stdout);
    assert!(run.stdout.contains("Lista wstępna"));
    let kalisz_at = run
        .stdout
        .find(&format!("{}: Kalisz, 2020\n", a.display()))
        .expect("Kalisz's block");
    let joint_at = run
        .stdout
        .find(&format!("{}: Przykładowo, 2025\n", b.display()))
        .expect("the joint sample's block");
    assert!(kalisz_at < joint_at, "files in name order");
    for (at, report) in [
        (kalisz_at, samples::kalisz_2020()),
        (joint_at, samples::small_gmina_2025()),
    ] {
        let block = &run.stdout[at..];
        for f in kcpu::kcpu_figures(&report) {
            let line = format!("- {}: {}\n", f.def.label, f.value_text());
            assert!(block.contains(&line), "{line}");
        }
    }
    assert!(run
        .stdout
        .contains("- Wydatki programu ogółem (budżet gminy): 148 543,63 zł\n"));
    assert!(run.stdout.contains("- Posiedzenia komisji: brak danych\n"));
    assert!(run.stdout.contains("- Posiedzenia komisji: 18\n"));
}

#[test]
fn kcpu_csv_has_a_column_per_figure_and_a_row_per_report() {
    let dir = TempDir::new("kcpu-csv");
    let kalisz = samples::kalisz_2020();
    let joint = samples::small_gmina_2025();
    let a = dir.write_report("kalisz.json", &kalisz);
    let backup = dir.write(
        "kopia.json",
        &backup_to_json(
            &[common::last_year(), common::this_year()],
            APP_VERSION,
            SAVED,
        ),
    );
    let b = dir.write_report("przykladowo.json", &joint);
    let run = raport(&[Path::new("kcpu"), Path::new("--csv"), &a, &backup, &b]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.ends_with("\r\n"), "records end with CRLF");
    assert!(run.stderr.contains("Lista wstępna"), "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", run.stdout);
    assert_eq!(lines[0], summary::to_csv_line(&kcpu::csv_header()));
    let names = [
        a.display().to_string(),
        backup.display().to_string(),
        backup.display().to_string(),
        b.display().to_string(),
    ];
    let reports = [kalisz, common::last_year(), common::this_year(), joint];
    for ((line, name), report) in lines[1..].iter().zip(&names).zip(&reports) {
        assert_eq!(*line, summary::to_csv_line(&kcpu::csv_row(name, report)));
    }
    let cell = |row: &str, column: &str| csv_cell(lines[0], row, column);
    assert_eq!(cell(lines[1], "kcpu_list"), kcpu::list().version);
    assert_eq!(cell(lines[1], "wydatki_85153"), "148543.63");
    assert_eq!(cell(lines[1], "gkrpa_meetings"), "", "brak danych is empty");
    assert_eq!(cell(lines[2], "gkrpa_meetings"), "15");
    assert_eq!(cell(lines[3], "gkrpa_meetings"), "18");
    assert_eq!(cell(lines[4], "wydatki_85154"), "127262.45");
    // Last year's spectacle: 180 more universal-prevention participants than this year.
    assert_eq!(cell(lines[2], "uczestnicy_profilaktyka_universal"), "859");
    assert_eq!(cell(lines[3], "uczestnicy_profilaktyka_universal"), "892");
}

#[test]
fn kcpu_goes_on_past_an_unreadable_file_and_exits_2() {
    let dir = TempDir::new("kcpu-mix");
    let good = dir.write_report("kalisz.json", &samples::kalisz_2020());
    let run = raport(&[
        Path::new("kcpu"),
        &fixture("broken/syntax.json"),
        &good,
        &dir.path("nie-ma.json"),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("Kalisz, 2020"), "{}", run.stdout);
    assert!(run.stderr.contains("syntax.json"), "{}", run.stderr);
    assert!(
        run.stderr.contains("nie-ma.json: nie można wczytać"),
        "{}",
        run.stderr
    );
}

#[test]
fn kcpu_csv_neutralises_formulas_from_files() {
    let dir = TempDir::new("kcpu-formula");
    let mut r = samples::small_gmina_2025();
    r.gmina.name = "=HYPERLINK(\"x\")".into();
    let file = dir.write_report("f.json", &r);
    let run = raport(&["kcpu".as_ref(), "--csv".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(",\"'=HYPERLINK(\"\"x\"\")\","),
        "{}",
        run.stdout
    );
}

// ------------------------------------------------------------------------------------------
// 2,500 files in one run
// ------------------------------------------------------------------------------------------

#[test]
fn check_and_summary_handle_2500_files_in_one_run() {
    const FILES: usize = 2500;
    let dir = TempDir::new("batch");
    let mut any_errors = false;
    for i in 0..FILES {
        let year = 2015 + (i % 11) as i32;
        let mut report = Report::new(Id::new(format!("raport-{i}")), year);
        report.gmina.name = format!("Gmina Próbna {i}");
        report.gmina.teryt = format!("30{:05}", i);
        report.gmina.voivodeship = "wielkopolskie".into();
        if i % 7 == 0 {
            report.gmina.teryt = "12".into();
        }
        any_errors |= rules::errors(&validate(&report)) > 0;
        fs::write(
            dir.path(&format!("gmina-{i:04}.json")),
            to_json(&report, APP_VERSION, SAVED),
        )
        .unwrap();
    }
    assert!(any_errors);

    let run = raport(&[Path::new("check"), Path::new("--quiet"), &dir.0]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), FILES);
    assert!(run
        .stdout
        .lines()
        .next()
        .unwrap()
        .contains("gmina-0000.json: "));

    let run = raport(&[Path::new("summary"), Path::new("--csv"), &dir.0]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), FILES + 1);
    let regimes: Vec<String> = lines[1..]
        .iter()
        .map(|l| csv_cell(lines[0], l, "regime"))
        .collect();
    assert_eq!(
        regimes.iter().filter(|r| *r == "drug_only").count(),
        (0..FILES)
            .filter(|i| Regime::default_for_year(2015 + (i % 11) as i32) == Regime::DrugOnly)
            .count()
    );
}

// ------------------------------------------------------------------------------------------
// Usage
// ------------------------------------------------------------------------------------------

#[test]
fn help_is_polish_and_lists_commands_and_exit_codes() {
    for args in [&["--help"][..], &["-h"], &["help"], &["check", "--help"]] {
        let run = raport(args);
        assert_eq!(run.code, 0, "{args:?}");
        for word in [
            "check",
            "render",
            "migrate",
            "summary",
            "kcpu",
            "WSTĘPNA",
            "Kody wyjścia",
        ] {
            assert!(run.stdout.contains(word), "{word} missing for {args:?}");
        }
    }
}

#[test]
fn version_names_the_app_version() {
    let run = raport(&["--version"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains(APP_VERSION), "{}", run.stdout);
}

#[test]
fn unknown_commands_and_options_are_usage_errors() {
    for args in [
        &["drukuj", "a.json"][..],
        &["check", "--glosno", "a.json"],
        &["summary", "--csv=tak", "a.json"],
        &["kcpu"],
        &["kcpu", "--wszystko", "a.json"],
        &["render", "a.json"],
        &["migrate", "a.json", "b.json"],
        &["check"],
        &[],
    ] {
        let run = raport(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr.contains("raport --help"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{args:?}");
    }
}

// ------------------------------------------------------------------------------------------
// Hostile input: nothing from a file acts on the terminal or a spreadsheet, nothing hangs
// ------------------------------------------------------------------------------------------

/// Control characters that would act on a terminal (C0 but tab, DEL, C1).
fn has_raw_controls(text: &str) -> bool {
    // CSV records end with CRLF (RFC 4180): that one CR is the format's own.
    text.replace("\r\n", "\n")
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

#[test]
fn control_characters_in_a_file_are_shown_escaped_not_sent_to_the_terminal() {
    let dir = TempDir::new("ansi");
    let mut r = samples::small_gmina_2025();
    r.gmina.name = "Przykładowo\u{1b}]0;przejęte\u{7}\u{1b}[2J\0\r\u{9b}31m".into();
    r.program.resolution.number = "XX\u{1b}[5m/1/2024".into();
    let file = dir.write_report("ansi.json", &r);
    for args in [
        vec!["check".into(), file.clone().into_os_string()],
        vec!["summary".into(), file.clone().into_os_string()],
        vec![
            "summary".into(),
            "--csv".into(),
            file.clone().into_os_string(),
        ],
        vec!["kcpu".into(), file.clone().into_os_string()],
        vec!["kcpu".into(), "--csv".into(), file.clone().into_os_string()],
    ] {
        let run = raport(&args);
        assert!(!has_raw_controls(&run.stdout), "{args:?}: {:?}", run.stdout);
        assert!(!has_raw_controls(&run.stderr), "{args:?}: {:?}", run.stderr);
        assert!(
            run.stdout
                .contains("Przykładowo\\x1b]0;przejęte\\x07\\x1b[2J\\x00\\r\\u{9b}31m"),
            "{args:?}: {}",
            run.stdout
        );
    }
    // Inside an error message too: a file name and a value quoted by the reader.
    let bad = dir.write(
        "zły\u{1b}[2J.json",
        "{\"format\": \"raport-gp\", \"schema_version\": 2, \"report\": {\"year\": \"\u{1b}[31m\"}}",
    );
    let run = raport(&["check".as_ref(), bad.as_os_str()]);
    assert_eq!(run.code, 2);
    assert!(!has_raw_controls(&run.stdout), "{:?}", run.stdout);
    assert!(run.stdout.contains("zły\\x1b[2J.json"), "{}", run.stdout);
    let run = raport(&["check", "--bad\u{1b}[2J"]);
    assert_eq!(run.code, 2);
    assert!(!has_raw_controls(&run.stderr), "{:?}", run.stderr);
}

#[test]
fn summary_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas() {
    let dir = TempDir::new("csv-injection");
    let mut r = samples::small_gmina_2025();
    r.gmina.name = "=SUM(A1:A9)*0+HYPERLINK(A1)".into();
    r.gmina.teryt = "+48123".into();
    let file = dir.write_report("formula.json", &r);
    let run = raport(&["summary".as_ref(), "--csv".as_ref(), file.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let cell = |column: &str| csv_cell(lines[0], lines[1], column);
    assert_eq!(cell("gmina"), "'=SUM(A1:A9)*0+HYPERLINK(A1)");
    assert_eq!(cell("teryt"), "'+48123");
    // Numbers stay numbers.
    assert_eq!(cell("executed_85153"), "16986.90");
    for line in &lines {
        for start in ["=", "+", "@"] {
            assert!(
                !line.starts_with(start) && !line.contains(&format!(",{start}")),
                "{line}"
            );
        }
    }
}

#[test]
fn migrate_does_not_write_a_file_it_could_not_read_back() {
    // A backup at exactly the size limit grows when migrated (version 2 adds fields).
    let dir = TempDir::new("limit");
    let one = format::to_json(&samples::kalisz_2020(), APP_VERSION, SAVED);
    let report: serde_json::Value = serde_json::from_str(&one).unwrap();
    let mut r = report["report"].clone();
    r.as_object_mut().unwrap().remove("gkrpa");
    let one_report = r.to_string();
    let head = "{\"format\":\"raport-gp-backup\",\"schema_version\":1,\"reports\":[";
    let mut text = String::from(head);
    let mut n = 0;
    while text.len() + one_report.len() + 40 < format::MAX_FILE_BYTES {
        if n > 0 {
            text.push(',');
        }
        // Each copy needs its own id.
        text.push_str(&one_report.replacen("\"kalisz-2020\"", &format!("\"r-{n}\""), 1));
        n += 1;
    }
    text.push_str("]}");
    let padding = format::MAX_FILE_BYTES - text.len();
    text = text.replacen(
        "\"reports\"",
        &format!("{}\"reports\"", " ".repeat(padding)),
        1,
    );
    assert_eq!(text.len(), format::MAX_FILE_BYTES);
    let input = dir.write("granica.json", &text);
    let output = dir.path("wynik.json");
    let run = raport(&[
        "migrate".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("więcej niż największy plik"),
        "{}",
        run.stderr
    );
    assert!(!output.exists());
}

#[cfg(unix)]
#[test]
fn check_refuses_a_named_pipe_instead_of_waiting_for_a_writer() {
    let dir = TempDir::new("fifo");
    let fifo = dir.path("potok.json");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_raport"))
        .arg("check")
        .arg(&fifo)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("raport check waited on a named pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(2));
    let mut out = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut out).unwrap();
    assert!(out.contains("nie jest zwykły plik"), "{out}");
}

#[test]
fn write_errors_are_said_in_polish() {
    let dir = TempDir::new("write");
    let input = dir.write_report("a.json", &samples::kalisz_2020());
    let output = dir.path("nie-ma-katalogu/a.json");
    let run = raport(&[
        "migrate".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("nie ma takiego pliku lub katalogu"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("No such file"), "{}", run.stderr);
    assert!(!run.stderr.contains("os error"), "{}", run.stderr);
}

#[test]
fn files_in_other_encodings_are_refused_with_their_own_message() {
    let dir = TempDir::new("encodings");
    let good = to_json(&samples::kalisz_2020(), APP_VERSION, SAVED);
    // Latin-2 (ISO-8859-2): "Kalisz" is ASCII, but "ł" in the coordinator is 0xB3.
    let mut latin2 = good.replace("Wydział", "Wydzia\u{0}");
    latin2 = latin2.replace('\u{0}', "");
    let mut bytes = latin2.into_bytes();
    let at = bytes.iter().position(|&b| b == b'K').unwrap();
    bytes.insert(at, 0xB3);
    let latin = dir.path("latin2.json");
    fs::write(&latin, &bytes).unwrap();
    let run = raport(&["check".as_ref(), latin.as_os_str()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("nie jest zapisany w kodowaniu UTF-8"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("wierszu"), "{}", run.stdout);

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(good.encode_utf16().flat_map(u16::to_le_bytes));
    let path16 = dir.path("utf16.json");
    fs::write(&path16, &utf16).unwrap();
    let run = raport(&["check".as_ref(), path16.as_os_str()]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("UTF-16"), "{}", run.stdout);

    // Two byte-order marks (some editors add one to a file that has one) are harmless.
    let doubled = dir.write("bom.json", &format!("\u{feff}\u{feff}{good}"));
    let run = raport(&["check".as_ref(), "--quiet".as_ref(), doubled.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}
