#![cfg(not(target_arch = "wasm32"))]
//! The file format from the outside: fixtures of every published schema version still load,
//! broken files give their exact Polish messages, export → import loses nothing, saved HTML
//! reports can be imported, and the committed JSON Schema matches the types.

use std::path::{Path, PathBuf};

use raport_gp::domain::format::{
    self, backup_to_json, embed_json_for_html, read_file, to_json, FileContents, Problem,
    ReadError, ReportFile, MAX_FILE_BYTES, SCHEMA_VERSION,
};
use raport_gp::domain::model::*;
use raport_gp::domain::schema::{schema_json, SCHEMA_PATH};
use serde_json::{json, Value};

const APP: &str = "9.9.9-test";
const SAVED: &str = "2025-03-01T10:15:00Z";

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read_report(text: &str) -> ReportFile {
    match read_file(text) {
        Ok(FileContents::Report(f)) => *f,
        Ok(other) => panic!("expected a report file, got {other:?}"),
        Err(e) => panic!("{e}"),
    }
}

fn message_of(text: &str) -> String {
    match read_file(text) {
        Ok(_) => panic!("the file was accepted"),
        Err(e) => e.message(),
    }
}

// ---------------------------------------------------------------------------------------------
// The version 1 fixture
// ---------------------------------------------------------------------------------------------

#[test]
fn the_version_1_fixture_still_loads() {
    let file = read_report(&fixture("raport-gp-v1.json"));
    assert_eq!(file.read_version, 1);
    assert_eq!(file.schema_version, SCHEMA_VERSION);
    assert_eq!(file.app_version, "0.1.0");
    let r = &file.report;
    assert_eq!(r.year, 2022);
    assert_eq!(r.gmina.kind, Some(GminaKind::UrbanRural));
    assert_eq!(r.program.regime, Regime::Joint);
    assert_eq!(r.program.resolution.date, Date::new(2022, 3, 24));
    assert_eq!(r.budget.lines.len(), 3);
    assert_eq!(
        raport_gp::domain::money::format_pl(r.budget.lines[2].executed.unwrap()),
        "11 893,23 zł"
    );
    assert_eq!(r.activities[1].status, Status::Partly);
    assert_eq!(r.activities[1].level, PreventionLevel::Indicated);
    // Version 1's `alcohol.6` (social employment) is art. 4¹ ust. 1 pkt 7.
    assert_eq!(r.task_gaps[0].task, TaskId::new("alcohol.7"));
    assert_eq!(r.partners[1].name, "Stowarzyszenie „Zdrowa Szkoła”");
}

#[test]
fn the_version_1_fixture_migrates_to_exactly_the_version_2_fixture_content() {
    // Migrated and saved, the v1 file says what it said, in version 2: the same report with the
    // renamed task, every new block empty, and its unknown fields kept where they were.
    let file = read_report(&fixture("raport-gp-v1.json"));
    let migrated: Value = serde_json::from_str(&file.to_json()).unwrap();
    let original: Value = serde_json::from_str(&fixture("raport-gp-v1.json")).unwrap();
    assert_eq!(migrated["schema_version"], 2);
    assert_eq!(migrated["report"]["task_gaps"][0]["task"], "alcohol.7");
    assert_eq!(migrated["x_exported_by"], original["x_exported_by"]);
    assert_eq!(
        migrated["report"]["x_internal_note"],
        original["report"]["x_internal_note"]
    );
    assert_eq!(
        migrated["report"]["activities"],
        original["report"]["activities"]
    );
    assert_eq!(
        migrated["report"]["budget"]["lines"],
        original["report"]["budget"]["lines"]
    );
    assert_eq!(migrated["report"]["gkrpa"]["members"], Value::Null);
    assert_eq!(migrated["report"]["consultation_points"], json!([]));
    // Read again, the migrated text is stable: a version 2 file reads back byte for byte.
    let again = read_report(&file.to_json());
    assert_eq!(again.read_version, 2);
    assert_eq!(again.to_json(), file.to_json());
}

#[test]
fn version_1_alcohol_task_ids_are_renamed_in_one_pass_everywhere() {
    let file = read_report(&fixture("raport-gp-v1-alcohol-tasks.json"));
    assert_eq!(file.read_version, 1);
    let r = &file.report;
    let tasks = |id: &str| -> Vec<&str> {
        let a = r.activities.iter().find(|a| a.id.as_str() == id).unwrap();
        a.tasks.iter().map(TaskId::as_str).collect()
    };
    // 4 → 5 (support of institutions), 5 → 6 (interventions), 6 → 7 (social employment): one
    // pass, so nothing moves twice and other ids are untouched.
    assert_eq!(tasks("a-90"), ["alcohol.5", "alcohol.1"]);
    assert_eq!(tasks("a-91"), ["alcohol.6"]);
    assert_eq!(tasks("a-92"), ["alcohol.7", "drugs.5"]);
    assert_eq!(tasks("act-1"), ["alcohol.3", "drugs.3"]);
    let gaps: Vec<&str> = r.task_gaps.iter().map(|g| g.task.as_str()).collect();
    assert_eq!(gaps, ["alcohol.7", "alcohol.5"]);
    // An unknown field inside a migrated activity survives.
    let a90 = r
        .activities
        .iter()
        .find(|a| a.id.as_str() == "a-90")
        .unwrap();
    assert_eq!(a90.extra["x_note"], "pole spoza formatu w działaniu");
    // No task id of the migrated report is the repealed pkt 4.
    let cat = raport_gp::domain::catalogue::catalogue();
    assert!(r
        .activities
        .iter()
        .flat_map(|a| &a.tasks)
        .chain(r.task_gaps.iter().map(|g| &g.task))
        .all(|t| cat.task(t).is_some()));
}

#[test]
fn the_migration_step_renames_task_ids_only_where_they_are_task_references() {
    let report = json!({
        "title": "alcohol.4",
        "activities": [{"id": "alcohol.4", "tasks": ["alcohol.4", "alcohol.5", "alcohol.6", "drugs.4"]}],
        "task_gaps": [{"task": "alcohol.5", "reason": "alcohol.6"}],
        "extra_list": ["alcohol.4"]
    });
    let out = raport_gp::domain::format::v1_to_v2(report).unwrap();
    assert_eq!(out["title"], "alcohol.4");
    assert_eq!(out["activities"][0]["id"], "alcohol.4");
    assert_eq!(
        out["activities"][0]["tasks"],
        json!(["alcohol.5", "alcohol.6", "alcohol.7", "drugs.4"])
    );
    assert_eq!(
        out["task_gaps"][0],
        json!({"task": "alcohol.6", "reason": "alcohol.6"})
    );
    assert_eq!(out["extra_list"], json!(["alcohol.4"]));
    assert!(raport_gp::domain::format::v1_to_v2(json!([1])).is_err());
}

#[test]
fn the_version_2_fixture_loads_and_round_trips_byte_for_byte() {
    let text = fixture("raport-gp-v2.json");
    let file = read_report(&text);
    assert_eq!(file.read_version, 2);
    let r = &file.report;
    assert_eq!(r.gkrpa.members, Some(5));
    assert_eq!(r.consultation_points[0].clients.total(), Some(31));
    assert_eq!(
        r.budget
            .small_bottle_income
            .map(raport_gp::domain::money::format_pl)
            .as_deref(),
        Some("9 412,80 zł")
    );
    assert!(r.activities[1].indicators[0].approximate);
    assert_eq!(r.council.outcome, CouncilOutcome::Resolution);
    assert_eq!(file.to_json(), text);
}

#[test]
fn a_report_linked_to_last_year_loads_and_round_trips_byte_for_byte() {
    let text = fixture("raport-gp-v2-linked.json");
    let file = read_report(&text);
    let link = file.report.previous_year.as_ref().expect("a linked report");
    assert_eq!(link.source.year, 2022);
    assert_eq!(link.source.file_name, "raport-lipowo-2022.json");
    assert_eq!(link.figures.activities.len(), 2);
    assert_eq!(
        link.figures
            .permit_fees_carried_out
            .map(raport_gp::domain::money::format_pl)
            .as_deref(),
        Some("21 556,92 zł")
    );
    assert_eq!(link.pairings[0].indicator, Some(Id::new("ind-2")));
    assert!(
        link.print,
        "printing the comparison is on unless turned off"
    );
    assert_eq!(
        link.extra["x_linked_by"],
        "pole spoza formatu: musi przetrwać wczytanie i zapis"
    );
    assert_eq!(file.to_json(), text);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(schema_errors(&value), Vec::<String>::new());
}

#[test]
fn a_report_without_a_link_writes_no_previous_year_field() {
    let text = to_json(&Report::new(Id::new("r-1"), 2024), APP, SAVED);
    assert!(!text.contains("previous_year"));
    let linked = Report::new(Id::new("r-0"), 2023).next_year(Id::new("r-1"));
    let text = to_json(&linked, APP, SAVED);
    assert!(text.contains("\"previous_year\""));
    assert!(
        !text.contains("\"print\""),
        "only a print choice of false is written"
    );
}

#[test]
fn unknown_fields_at_every_level_survive_read_and_write() {
    let file = read_report(&fixture("raport-gp-v1.json"));
    // Envelope, report and nested struct (signature) each carry one unknown field.
    let with_envelope: Value = serde_json::from_str(&file.to_json()).unwrap();
    assert_eq!(
        with_envelope["x_exported_by"],
        "system kancelaryjny EZD, eksport testowy"
    );
    let fresh: Value = serde_json::from_str(&to_json(&file.report, APP, SAVED)).unwrap();
    assert_eq!(
        fresh["report"]["x_internal_note"],
        "Pole spoza formatu: musi przetrwać wczytanie i zapis."
    );
    assert_eq!(fresh["report"]["signature"]["x_stamp"], "pieczęć urzędu");
    assert_eq!(fresh["app_version"], APP);
    assert_eq!(fresh["saved_at"], SAVED);
}

#[test]
fn unknown_fields_in_lists_and_deep_structs_survive() {
    let text = json!({
        "format": "raport-gp", "schema_version": 1, "app_version": "x", "saved_at": "y",
        "future_envelope": {"a": [1, 2, 3]},
        "report": {
            "year": 2023,
            "future_top": true,
            "gmina": {"name": "A", "future_gmina": "g"},
            "budget": {"lines": [{"id": "l-1", "executed": "1.00", "future_line": 7}],
                       "future_budget": null},
            "activities": [{"id": "a-1", "cost": {"future_cost": "c"},
                            "indicators": [{"id": "i-1", "future_ind": [null]}]}],
            "coalitions": [{"id": "c-1", "working_groups": [{"id": "w-1", "future_wg": 1}]}]
        }
    })
    .to_string();
    let file = read_report(&text);
    let out: Value = serde_json::from_str(&file.to_json()).unwrap();
    assert_eq!(out["future_envelope"], json!({"a": [1, 2, 3]}));
    let r = &out["report"];
    assert_eq!(r["future_top"], true);
    assert_eq!(r["gmina"]["future_gmina"], "g");
    assert_eq!(r["budget"]["lines"][0]["future_line"], 7);
    assert!(r["budget"]
        .as_object()
        .unwrap()
        .contains_key("future_budget"));
    assert_eq!(r["activities"][0]["cost"]["future_cost"], "c");
    assert_eq!(
        r["activities"][0]["indicators"][0]["future_ind"],
        json!([null])
    );
    assert_eq!(
        r["coalitions"][0]["working_groups"][0]["future_wg"],
        json!(1)
    );
}

#[test]
fn files_are_pretty_printed_with_the_envelope_first() {
    let text = to_json(&Report::new(Id::new("r-1"), 2024), APP, SAVED);
    assert!(text.starts_with(
        "{\n  \"format\": \"raport-gp\",\n  \"schema_version\": 2,\n  \"app_version\": \"9.9.9-test\",\n  \"saved_at\": \"2025-03-01T10:15:00Z\",\n  \"report\": {\n    \"id\": \"r-1\",\n    \"year\": 2024,"
    ), "{text}");
    assert!(text.ends_with("}\n"));
}

// ---------------------------------------------------------------------------------------------
// Broken files: exact messages
// ---------------------------------------------------------------------------------------------

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(
        read_file(&fixture("broken/empty.json")),
        Err(ReadError::Empty)
    );
    assert_eq!(
        message_of(&fixture("broken/empty.json")),
        "Plik jest pusty: nie zawiera żadnych danych."
    );
    assert_eq!(read_file(" \n\t"), Err(ReadError::Empty));
}

#[test]
fn a_syntax_error_names_its_line_and_column() {
    let text = fixture("broken/syntax.json");
    assert!(matches!(
        read_file(&text),
        Err(ReadError::Syntax {
            line: 12,
            column: 5,
            ..
        })
    ));
    assert_eq!(
        message_of(&text),
        "Plik jest uszkodzony (błąd składni JSON) w wierszu 12, kolumnie 5: \
         brakuje przecinka lub nawiasu zamykającego }."
    );
}

#[test]
fn a_syntax_error_keeps_the_parsers_own_message() {
    let Err(ReadError::Syntax { cause, .. }) = read_file(&fixture("broken/syntax.json")) else {
        panic!()
    };
    assert_eq!(cause, "expected `,` or `}` at line 12 column 5");
}

#[test]
fn a_truncated_file_says_it_ends_too_early() {
    let text = fixture("raport-gp-v1.json");
    let cut = &text[..text.find("\"goals\"").unwrap()];
    assert_eq!(
        message_of(cut),
        "Plik jest uszkodzony (błąd składni JSON) w wierszu 83, kolumnie 4: \
         plik kończy się za wcześnie (brakuje dalszej części danych)."
    );
}

#[test]
fn valid_json_of_another_format_is_not_a_raport_gp_file() {
    assert_eq!(
        message_of(&fixture("broken/not-raport.json")),
        "To nie jest plik Raport GP: brak oznaczenia \"format\": \"raport-gp\"."
    );
    assert_eq!(
        message_of(r#"{"format": "excalidraw", "schema_version": 1}"#),
        "To nie jest plik Raport GP: pole \"format\" ma wartość \"excalidraw\", \
         a oczekiwano \"raport-gp\" lub \"raport-gp-backup\"."
    );
    for other in [
        "[1, 2, 3]",
        "%PDF-1.7\n%âãÏÓ",
        "PK\u{3}\u{4}docx",
        "\"tekst\"",
    ] {
        assert_eq!(
            read_file(other),
            Err(ReadError::NotRaportGp { found: None }),
            "{other}"
        );
    }
}

#[test]
fn a_file_from_a_newer_version_is_refused_naming_both_versions() {
    let text = fixture("broken/newer-version.json");
    assert_eq!(
        read_file(&text),
        Err(ReadError::NewerVersion {
            found: 99,
            supported: 2
        })
    );
    assert_eq!(
        message_of(&text),
        "Plik zapisano w nowszej wersji aplikacji: ma format w wersji 99, a ta wersja \
         Raport GP obsługuje najwyżej wersję 2. Zaktualizuj aplikację (odśwież stronę lub \
         pobierz nową wersję) i wczytaj plik ponownie."
    );
}

#[test]
fn a_missing_or_malformed_version_is_refused() {
    assert_eq!(
        message_of(r#"{"format": "raport-gp", "report": {}}"#),
        "Plik Raport GP nie ma numeru wersji formatu (pole \"schema_version\"); \
         jest uszkodzony lub niekompletny."
    );
    assert_eq!(
        message_of(r#"{"format": "raport-gp", "schema_version": "1", "report": {}}"#),
        "Numer wersji formatu (pole \"schema_version\") ma niepoprawną wartość \"1\"; \
         powinna to być liczba całkowita, np. 1."
    );
    assert_eq!(
        read_file(r#"{"format": "raport-gp", "schema_version": 1.5, "report": {}}"#),
        Err(ReadError::BadVersion {
            found: "1.5".into()
        })
    );
    assert_eq!(
        read_file(r#"{"format": "raport-gp", "schema_version": 0, "report": {}}"#),
        Err(ReadError::OlderUnsupported {
            found: 0,
            oldest: 1
        })
    );
}

#[test]
fn a_bad_amount_names_its_path_and_value() {
    let text = fixture("broken/bad-amount.json");
    let Err(ReadError::Invalid { path, problem, .. }) = read_file(&text) else {
        panic!("accepted or wrong error")
    };
    assert_eq!(path, "report.budget.lines[2].executed");
    assert_eq!(
        problem,
        Problem::Amount {
            value: "12,5,0".into()
        }
    );
    assert_eq!(
        message_of(&text),
        "Kwota \"12,5,0\" w polu report.budget.lines[2].executed nie jest liczbą."
    );
}

#[test]
fn a_bad_date_names_its_path_and_value() {
    assert_eq!(
        message_of(&fixture("broken/bad-date.json")),
        "Data \"2023-02-30\" w polu report.prepared_on nie jest poprawną datą w formacie RRRR-MM-DD."
    );
}

#[test]
fn a_bad_enum_value_names_its_path_and_the_allowed_values() {
    assert_eq!(
        message_of(&fixture("broken/bad-enum.json")),
        "Wartość \"wskazujaca\" w polu report.activities[1].level jest niedozwolona; \
         dozwolone wartości: \"universal\", \"selective\", \"indicated\", \"environmental\", \"not_applicable\"."
    );
}

#[test]
fn an_html_page_without_report_data_is_refused() {
    assert_eq!(
        message_of(&fixture("broken/no-data.html")),
        "Ten plik HTML nie zawiera danych raportu (brak elementu \
         <script id=\"raport-gp-data\">). Wczytać można raport zapisany z Raport GP \
         jako stronę HTML albo plik JSON."
    );
}

fn with_report(report: Value) -> String {
    json!({"format": "raport-gp", "schema_version": 1, "report": report}).to_string()
}

#[test]
fn an_amount_written_as_a_json_number_is_explained() {
    assert_eq!(
        message_of(&with_report(json!({"budget": {"carried_over": 12.5}}))),
        "Kwota 12.5 w polu report.budget.carried_over jest zapisana jako liczba, a powinna być \
         tekstem w cudzysłowie: \"12.5\"."
    );
}

#[test]
fn an_amount_in_polish_notation_is_explained() {
    assert_eq!(
        message_of(&with_report(
            json!({"activities": [{"cost": {"planned": "1 234,50"}}]})
        )),
        "Kwota \"1 234,50\" w polu report.activities[0].cost.planned jest zapisana po polsku; \
         w pliku kwoty zapisuje się z kropką i bez spacji, np. \"1234.50\"."
    );
}

#[test]
fn a_value_of_the_wrong_type_is_explained() {
    assert_eq!(
        message_of(&with_report(json!({"year": "2022"}))),
        "Pole report.year powinno zawierać liczbę całkowitą, a zawiera tekst \"2022\"."
    );
    assert_eq!(
        message_of(&with_report(json!({"partners": {"id": "p-1"}}))),
        "Pole report.partners powinno zawierać listę, a zawiera obiekt."
    );
    assert_eq!(
        message_of(&with_report(json!({"gmina": {"population": -5}}))),
        "Pole report.gmina.population powinno zawierać liczbę całkowitą nieujemną, \
         a zawiera liczbę -5."
    );
    assert_eq!(
        message_of(&with_report(json!({"gmina": {"kind": 5}}))),
        "Pole report.gmina.kind powinno zawierać jedną z dozwolonych wartości tekstowych, \
         a zawiera liczbę 5."
    );
    assert_eq!(
        message_of(&with_report(
            json!({"budget": {"lines": [{"source": {"a": 1}}]}})
        )),
        "Wartość \"a\" w polu report.budget.lines[0].source jest niedozwolona; dozwolone \
         wartości: \"budget\", \"permit_fees\", \"small_bottle_fee\", \"other\"."
    );
}

#[test]
fn errors_deep_in_lists_and_optional_parts_name_the_full_path() {
    assert_eq!(
        message_of(&with_report(json!({"signature": {"date": "15.03.2023"}}))),
        "Data \"15.03.2023\" w polu report.signature.date nie jest poprawną datą w formacie \
         RRRR-MM-DD."
    );
    assert_eq!(
        message_of(&with_report(
            json!({"activities": [{}, {"indicators": [{}, {"unit": "people"}]}]})
        )),
        "Wartość \"people\" w polu report.activities[1].indicators[1].unit jest niedozwolona; \
         dozwolone wartości: \"persons\", \"consultations\", \"sessions\", \"events\", \
         \"items\", \"hours\", \"percent\", \"other\"."
    );
    assert_eq!(
        message_of(&with_report(
            json!({"coalitions": [{"working_groups": [{"name": 5}]}]})
        )),
        "Pole report.coalitions[0].working_groups[0].name powinno zawierać tekst, \
         a zawiera liczbę 5."
    );
    assert_eq!(
        message_of(&with_report(
            json!({"budget": {"external": [{"amount": true}]}})
        )),
        "Pole report.budget.external[0].amount powinno zawierać kwotę jako tekst, \
         np. \"148543.63\", a zawiera wartość logiczną true."
    );
}

#[test]
fn a_missing_report_is_named() {
    assert_eq!(
        message_of(r#"{"format": "raport-gp", "schema_version": 1}"#),
        "W pliku brakuje pola \"report\"."
    );
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let big = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        read_file(&big),
        Err(ReadError::TooLarge {
            size: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES
        })
    );
    assert_eq!(
        format::check_size(MAX_FILE_BYTES + 1)
            .unwrap_err()
            .message(),
        "Plik jest za duży (20 MB); można wczytać plik o wielkości najwyżej 20 MB. \
         To nie wygląda na plik Raport GP."
    );
    assert!(format::check_size(MAX_FILE_BYTES).is_ok());
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", fixture("raport-gp-v1.json"));
    assert_eq!(read_report(&text).report.year, 2022);
}

// ---------------------------------------------------------------------------------------------
// Backups
// ---------------------------------------------------------------------------------------------

#[test]
fn a_backup_file_holds_several_reports() {
    let a = read_report(&fixture("raport-gp-v1.json")).report;
    let b = a.next_year(Id::new("raport-2023"));
    let text = backup_to_json(&[a.clone(), b.clone()], APP, SAVED);
    assert!(text.starts_with("{\n  \"format\": \"raport-gp-backup\",\n  \"schema_version\": 2,"));
    let Ok(FileContents::Backup(file)) = read_file(&text) else {
        panic!("not read as a backup")
    };
    assert_eq!(file.reports, [a, b]);
    assert_eq!(file.saved_at, SAVED);
}

#[test]
fn an_error_in_a_backup_names_the_report_by_its_index() {
    let text = json!({"format": "raport-gp-backup", "schema_version": 1,
        "reports": [{}, {"layout": "by_page"}]})
    .to_string();
    assert_eq!(
        message_of(&text),
        "Wartość \"by_page\" w polu reports[1].layout jest niedozwolona; \
         dozwolone wartości: \"by_goal\", \"by_task\"."
    );
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

fn tricky_report() -> Report {
    let mut r = read_report(&fixture("raport-gp-v1.json")).report;
    r.introduction =
        "Uwaga: </script><script>alert(\"x\")</script> & <!-- nie komentarz -->".into();
    r.conclusions = "Zażółć gęślą jaźń — „cudzysłów” 'apostrof' \\ ukośnik".into();
    r
}

#[test]
fn embedded_json_cannot_close_its_script_element() {
    let embedded = embed_json_for_html(&tricky_report(), APP, SAVED);
    assert!(!embedded.contains('<'));
    assert!(!embedded.contains('>'));
    assert!(!embedded.contains('&'));
    assert!(embedded.contains("\\u003c/script\\u003e"));
    // Still the same JSON value as the plain file.
    let a: Value = serde_json::from_str(&embedded).unwrap();
    let b: Value = serde_json::from_str(&to_json(&tricky_report(), APP, SAVED)).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_saved_html_report_can_be_imported_back() {
    let report = tricky_report();
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"pl\">\n<head><meta charset=\"utf-8\">\n\
         <title>Raport 2022</title>\n\
         <script>document.title = \"<script id='raport-gp-data'>\";</script>\n</head>\n\
         <body><h1>Raport z realizacji programu</h1><p>148 543,63 zł</p>\n\
         <script type=\"application/json\" id=\"raport-gp-data\">{}</script>\n</body></html>\n",
        embed_json_for_html(&report, APP, SAVED)
    );
    let file = read_report(&html);
    assert_eq!(file.report, report);
    assert_eq!(file.app_version, APP);
}

#[test]
fn a_syntax_error_in_embedded_data_is_placed_in_the_html_file() {
    let html = "<html>\n<body>\n<p>Raport</p>\n<script id=\"raport-gp-data\" type=\"application/json\">{\n  \"format\": \"raport-gp\",\n  \"schema_version\": 1 2\n}</script>\n</body></html>\n";
    let Err(ReadError::Syntax { line, column, .. }) = read_file(html) else {
        panic!("accepted")
    };
    assert_eq!((line, column), (6, 23));
    let one_line = "<p>x</p><script id=raport-gp-data>{\"a\" 1}</script>";
    let Err(ReadError::Syntax { line, column, .. }) = read_file(one_line) else {
        panic!("accepted")
    };
    assert_eq!((line, column), (1, 40));
}

// ---------------------------------------------------------------------------------------------
// JSON Schema
// ---------------------------------------------------------------------------------------------

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&schema_json()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn schema_errors(instance: &Value) -> Vec<String> {
    validator()
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn schema_file_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    let generated = schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA_PATH} differs from the schema generated from the types; \
         run `UPDATE_SCHEMA=1 cargo test schema` to rewrite it and review the diff"
    );
}

#[test]
fn every_published_schema_stays_published_and_accepts_its_own_fixture() {
    use raport_gp::domain::schema::PUBLISHED_SCHEMAS;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(PUBLISHED_SCHEMAS.last().unwrap().0, SCHEMA_VERSION);
    for (version, path) in PUBLISHED_SCHEMAS {
        let text =
            std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let schema: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            schema["properties"]["schema_version"]["const"], version,
            "{path}"
        );
        let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
        let name = format!("raport-gp-v{version}.json");
        let instance: Value = serde_json::from_str(&fixture(&name)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name} against {path}: {errors:?}");
    }
    // A version 1 file is not a version 2 file: the schemas tell them apart.
    let v1: Value = serde_json::from_str(&fixture("raport-gp-v1.json")).unwrap();
    assert!(!schema_errors(&v1).is_empty());
}

#[test]
fn schema_has_the_title_and_describes_the_envelope() {
    let schema: Value = serde_json::from_str(&schema_json()).unwrap();
    assert_eq!(schema["title"], "Raport GP — plik raportu, wersja 2");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for field in [
        "format",
        "schema_version",
        "app_version",
        "saved_at",
        "report",
    ] {
        assert!(schema["properties"].get(field).is_some(), "{field}");
    }
    assert!(schema_json().ends_with("}\n"));
}

#[test]
fn schema_accepts_files_the_app_writes() {
    let fixture: Value = serde_json::from_str(&fixture("raport-gp-v2.json")).unwrap();
    assert_eq!(schema_errors(&fixture), Vec::<String>::new());
    let written: Value = serde_json::from_str(&to_json(&tricky_report(), APP, SAVED)).unwrap();
    assert_eq!(schema_errors(&written), Vec::<String>::new());
    let empty: Value =
        serde_json::from_str(&to_json(&Report::new(Id::new("r"), 2021), APP, SAVED)).unwrap();
    assert_eq!(schema_errors(&empty), Vec::<String>::new());
}

#[test]
fn schema_rejects_an_amount_written_as_a_number() {
    let mut file: Value = serde_json::from_str(&fixture("raport-gp-v1.json")).unwrap();
    file["report"]["budget"]["lines"][0]["executed"] = json!(12.5);
    assert!(!validator().is_valid(&file));
    assert!(read_file(&file.to_string()).is_err());
}

#[test]
fn schema_rejects_a_value_outside_an_enumeration() {
    let file: Value = serde_json::from_str(&fixture("broken/bad-enum.json")).unwrap();
    assert!(!validator().is_valid(&file));
}

#[test]
fn schema_rejects_another_format_tag_and_version() {
    let mut file: Value = serde_json::from_str(&fixture("raport-gp-v1.json")).unwrap();
    file["format"] = json!("raport-gp-backup");
    assert!(!validator().is_valid(&file));
    let file: Value = serde_json::from_str(&fixture("broken/newer-version.json")).unwrap();
    assert!(!validator().is_valid(&file));
}

#[test]
fn schema_accepts_the_sample_reports_and_they_round_trip() {
    // The built-in samples are the reports users see first; they must be valid files.
    for (name, report) in sample_reports() {
        let written: Value = serde_json::from_str(&to_json(&report, APP, SAVED)).unwrap();
        assert_eq!(schema_errors(&written), Vec::<String>::new(), "{name}");
        assert_eq!(
            read_report(&to_json(&report, APP, SAVED)).report,
            report,
            "{name}"
        );
    }
}

fn sample_reports() -> Vec<(String, Report)> {
    let samples = raport_gp::domain::samples::all();
    assert!(!samples.is_empty());
    samples
        .into_iter()
        .map(|(slug, _, report)| (slug.to_string(), report))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Export → import is lossless (property)
// ---------------------------------------------------------------------------------------------

mod lossless {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::select;
    use proptest::strategy::Strategy;
    use raport_gp::domain::model::Strategy as LocalStrategy;
    use rust_decimal::Decimal;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "[a-zA-Z0-9ąćęłńóśźżĄĆĘŁŃÓŚŹŻ \"'<>&/\\\\\n\t.,;:!?()„”–-]{0,24}",
            1 => Just("</script>".to_string()),
            1 => "[a-ząę ]{0,8}</script><!--[a-z\"]{0,5}",
            1 => "\\PC{0,12}",
        ]
    }

    fn id() -> impl Strategy<Value = Id> {
        "[a-z]{1,6}-[0-9]{1,3}".prop_map(Id)
    }

    fn amount() -> impl Strategy<Value = Amount> {
        (-10_000_000_000_000i64..10_000_000_000_000, 0u32..=2)
            .prop_map(|(m, scale)| Amount(Decimal::new(m, scale)))
    }

    /// Any decimal a file may hold: at most 18 whole digits (the file format's rule).
    fn decimal() -> impl Strategy<Value = Decimal> {
        (
            -999_999_999_999_999_999i64..=999_999_999_999_999_999,
            0u32..=6,
        )
            .prop_map(|(m, scale)| Decimal::new(m, scale))
    }

    fn date() -> impl Strategy<Value = Date> {
        (1000i32..=9999, 1u32..=12, 1u32..=31)
            .prop_filter_map("no such day", |(y, m, d)| Date::new(y, m, d))
    }

    fn task() -> impl Strategy<Value = TaskId> {
        prop_oneof![
            select(vec![
                "drugs.1",
                "drugs.3",
                "alcohol.2",
                "alcohol.6",
                "behavioural.1"
            ])
            .prop_map(TaskId::new),
            "[a-z]{1,8}\\.[0-9]".prop_map(TaskId),
        ]
    }

    /// Unknown fields: keys that no model struct uses, values without floats (serde_json
    /// does not promise float round trips).
    fn extra() -> impl Strategy<Value = Extra> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            text().prop_map(Value::from),
        ];
        let value = leaf.prop_recursive(2, 8, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
                prop::collection::vec(("[a-z]{1,5}", inner), 0..3)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        });
        prop::collection::vec(("x_[a-z_]{1,8}", value), 0..3)
            .prop_map(|kv| kv.into_iter().collect())
    }

    prop_compose! {
        fn gmina()(name in text(), kind in prop::option::of(select(GminaKind::ALL.to_vec())), teryt in "[0-9]{7}",
                   voivodeship in text(), population in any::<Option<u32>>(), extra in extra())
                   -> Gmina {
            Gmina { name, kind, teryt, voivodeship, population, extra }
        }
    }

    prop_compose! {
        fn program()(title in text(),
                     regime in select(Regime::ALL.to_vec()),
                     behavioural in any::<bool>(), period in (2000i32..2040, 0i32..4),
                     res in (text(), prop::option::of(date()), text(), extra()),
                     strategy in (text(), any::<Option<i32>>(), any::<Option<i32>>(), extra()),
                     npz_edition in text(), coordinator in text(), extra in extra()) -> Program {
            Program {
                title, regime, behavioural,
                period_from: period.0, period_to: period.0 + period.1,
                resolution: Resolution { number: res.0, date: res.1, council: res.2, extra: res.3 },
                strategy: LocalStrategy { title: strategy.0, from_year: strategy.1, to_year: strategy.2,
                                     extra: strategy.3 },
                npz_edition, coordinator, extra,
            }
        }
    }

    prop_compose! {
        fn budget_line()(id in id(), chapter in "[0-9]{5}", paragraph in "[0-9]{4}",
                         planned in prop::option::of(amount()),
                         after_changes in prop::option::of(amount()),
                         executed in prop::option::of(amount()),
                         source in select(FundingSource::ALL.to_vec()), extra in extra())
                         -> BudgetLine {
            BudgetLine { id, chapter, paragraph, planned, after_changes, executed, source, extra }
        }
    }

    prop_compose! {
        fn budget()(lines in prop::collection::vec(budget_line(), 0..4),
                    fees in (prop::option::of(amount()), prop::option::of(amount()),
                             prop::option::of(amount()), prop::option::of(amount())),
                    carried_over in prop::option::of(amount()),
                    general_budget_top_up in prop::option::of(amount()),
                    external in prop::collection::vec(
                        (id(), select(ExternalSource::ALL.to_vec()), text(),
                         prop::option::of(amount()), extra()), 0..3),
                    extra in extra()) -> Budget {
            Budget {
                lines, permit_fee_planned: fees.0, permit_fee_income: fees.1,
                small_bottle_planned: fees.2, small_bottle_income: fees.3,
                carried_over, general_budget_top_up,
                external: external.into_iter().map(|(id, source, description, amount, extra)|
                    ExternalFunding { id, source, description, amount, extra }).collect(),
                extra,
            }
        }
    }

    prop_compose! {
        fn indicator()(id in id(), name in text(), unit in select(IndicatorUnit::ALL.to_vec()),
                       planned in prop::option::of(decimal()),
                       achieved in prop::option::of(decimal()), approximate in any::<bool>(),
                       extra in extra()) -> Indicator {
            Indicator { id, name, unit, planned, achieved, approximate, extra }
        }
    }

    prop_compose! {
        fn activity()(head in (id(), prop::option::of(id()), text(), text(),
                               prop::collection::vec(task(), 0..3)),
                      area in select(Area::ALL.to_vec()),
                      level in select(PreventionLevel::ALL.to_vec()),
                      target_groups in prop::collection::vec(select(TargetGroup::ALL.to_vec()), 0..3),
                      realizers in prop::collection::vec(id(), 0..3),
                      mode in select(Mode::ALL.to_vec()),
                      marks in (text(), any::<bool>()),
                      cost in (prop::option::of(amount()), prop::option::of(amount()), "[0-9]{5}",
                               "[0-9]{4}", select(FundingSource::ALL.to_vec()), extra()),
                      indicators in prop::collection::vec(indicator(), 0..3),
                      tail in (select(Status::ALL.to_vec()), text(), text(), extra())) -> Activity {
            let (id, goal, title, description, tasks) = head;
            let (status, status_reason, notes, extra) = tail;
            Activity {
                id, goal, title, description, tasks, area, level, target_groups, realizers, mode,
                recommended_program: marks.0, event: marks.1,
                cost: Cost { planned: cost.0, executed: cost.1, chapter: cost.2,
                             paragraph: cost.3, source: cost.4, extra: cost.5 },
                // The realizer's fields, from values drawn above (tuples stop at 12).
                period: status_reason.chars().rev().collect(),
                realizer_funds: RealizerFunds { own: cost.1, personal: cost.0, in_kind: None,
                                                extra: Default::default() },
                indicators, status, status_reason, notes, extra,
            }
        }
    }

    prop_compose! {
        fn partner()(id in id(), name in text(), kind in select(PartnerKind::ALL.to_vec()),
                     address in text(), role in text(), extra in extra()) -> Partner {
            Partner { id, name, kind, address, role, extra }
        }
    }

    prop_compose! {
        fn coalition()(id in id(), name in text(), description in text(),
                       members in prop::collection::vec(id(), 0..4),
                       meetings_per_year in any::<Option<u32>>(),
                       groups in prop::collection::vec((id(), text(), text(), extra()), 0..3),
                       extra in extra()) -> Coalition {
            Coalition {
                id, name, description, members, meetings_per_year,
                working_groups: groups.into_iter()
                    .map(|(id, name, topic, extra)| WorkingGroup { id, name, topic, extra })
                    .collect(),
                extra,
            }
        }
    }

    fn counts() -> impl Strategy<Value = ClientCounts> {
        (prop::collection::vec(any::<Option<u32>>(), 6), extra()).prop_map(|(c, extra)| {
            ClientCounts {
                addicted: c[0],
                co_dependent: c[1],
                dda: c[2],
                violence_victims: c[3],
                perpetrators: c[4],
                other: c[5],
                extra,
            }
        })
    }

    prop_compose! {
        fn consultation_point()(head in (id(), text(), prop::option::of(decimal()), text()),
                                clients in counts(), consultations in counts(),
                                referrals in prop::collection::vec(
                                    (id(), text(), any::<Option<u32>>(), extra()), 0..3),
                                notes in text(), extra in extra()) -> ConsultationPoint {
            let (id, name, weekly_hours, staff) = head;
            ConsultationPoint {
                id, name, weekly_hours, staff, clients, consultations,
                referrals: referrals.into_iter().map(|(id, target, persons, extra)|
                    Referral { id, target, persons, extra }).collect(),
                notes, extra,
            }
        }
    }

    prop_compose! {
        fn gkrpa()(c in prop::collection::vec(any::<Option<u32>>(), 11),
                   money in (prop::option::of(amount()), prop::option::of(amount())),
                   budget_lines in prop::collection::vec(id(), 0..2), notes in text(),
                   extra in extra()) -> Gkrpa {
            Gkrpa {
                members: c[0], trained_members: c[1], meetings: c[2], interviews: c[3],
                referred_to_expert: c[4], court_applications: c[5],
                permit_opinions_positive: c[6], permit_opinions_negative: c[7],
                inspections: c[8], test_purchases: c[9], blue_card_groups: c[10],
                cost: money.0, pay_per_meeting: money.1, budget_lines, notes, extra,
            }
        }
    }

    prop_compose! {
        fn group_cost()(id in id(), description in text(), goal in prop::option::of(id()),
                        activities in prop::collection::vec(id(), 0..3),
                        cost in (prop::option::of(amount()), prop::option::of(amount()), "[0-9]{5}",
                                 "[0-9]{4}", select(FundingSource::ALL.to_vec()), extra()),
                        extra in extra()) -> GroupCost {
            GroupCost {
                id, description, goal, activities,
                cost: Cost { planned: cost.0, executed: cost.1, chapter: cost.2,
                             paragraph: cost.3, source: cost.4, extra: cost.5 },
                extra,
            }
        }
    }

    prop_compose! {
        fn council()(presented_on in prop::option::of(date()),
                     outcome in select(CouncilOutcome::ALL.to_vec()),
                     resolution_number in text(), notes in text(), extra in extra())
                     -> CouncilPresentation {
            CouncilPresentation { presented_on, outcome, resolution_number, notes, extra }
        }
    }

    prop_compose! {
        fn year_figures()(year in 1990i32..2100,
                          regime in select(Regime::ALL.to_vec()),
                          chapters in prop::collection::vec(
                              ("[0-9]{5}", prop::option::of(amount()), extra()), 0..3),
                          tasks in prop::collection::vec(
                              (task(), 0u32..40, prop::option::of(amount()), extra()), 0..3),
                          sources in prop::collection::vec(
                              (select(FundingSource::ALL.to_vec()), prop::option::of(amount()),
                               extra()), 0..2),
                          money in (prop::option::of(amount()), prop::option::of(amount()),
                                    prop::option::of(amount()), prop::option::of(amount())),
                          activities in prop::collection::vec(
                              (id(), text(), prop::collection::vec(
                                  (id(), text(), select(IndicatorUnit::ALL.to_vec()),
                                   prop::option::of(decimal()), extra()), 0..3), extra()), 0..3),
                          partners in prop::collection::vec((id(), text(), extra()), 0..3),
                          rest in (gkrpa(), prop::collection::vec(
                              (id(), text(), prop::option::of(decimal()), counts(), counts(),
                               any::<Option<u32>>(), extra()), 0..2),
                              prop::collection::vec(
                              (id(), text(), text(), any::<Option<i32>>(),
                               prop::option::of(decimal()), extra()), 0..2)),
                          extra in extra()) -> YearFigures {
            let (gkrpa, points, context) = rest;
            YearFigures {
                year, regime,
                chapters: chapters.into_iter().map(|(chapter, executed, extra)|
                    ChapterFigures { chapter, executed, extra }).collect(),
                tasks: tasks.into_iter().map(|(task, activities, executed, extra)|
                    TaskFigures { task, activities, executed, extra }).collect(),
                sources: sources.into_iter().map(|(source, executed, extra)|
                    SourceFigures { source, executed, extra }).collect(),
                permit_fee_income: money.0, small_bottle_income: money.1,
                carried_in: money.2, permit_fees_carried_out: money.3,
                activities: activities.into_iter().map(|(id, title, indicators, extra)|
                    ActivityFigures {
                        id, title, extra,
                        indicators: indicators.into_iter().map(|(id, name, unit, achieved, extra)|
                            IndicatorFigures { id, name, unit, achieved, extra }).collect(),
                    }).collect(),
                partners: partners.into_iter().map(|(id, name, extra)|
                    PartnerFigures { id, name, extra }).collect(),
                gkrpa,
                consultation_points: points.into_iter()
                    .map(|(id, name, weekly_hours, clients, consultations, referred, extra)|
                        PointFigures { id, name, weekly_hours, clients, consultations, referred,
                                       extra }).collect(),
                context_figures: context.into_iter().map(|(id, name, unit, year, value, extra)|
                    ContextFigureValue { id, name, unit, year, value, extra }).collect(),
                extra,
            }
        }
    }

    prop_compose! {
        fn previous_year()(source in (id(), text(), 1990i32..2100, text(), extra()),
                           figures in year_figures().boxed(),
                           pairings in prop::collection::vec(
                               (id(), prop::option::of(id()), prop::option::of(id()), extra()),
                               0..3),
                           print in any::<bool>(), extra in extra()) -> PreviousYear {
            let (report_id, file_name, year, gmina, source_extra) = source;
            PreviousYear {
                source: PreviousYearSource { report_id, file_name, year, gmina,
                                             extra: source_extra },
                figures,
                pairings: pairings.into_iter().map(|(activity, indicator, previous, extra)|
                    Pairing { activity, indicator, previous, extra }).collect(),
                print,
                extra,
            }
        }
    }

    prop_compose! {
        fn report()(head in (id(), 1990i32..2100, gmina(), program(), text(),
                             prop::option::of(date()), prop::option::of(date()),
                             prop::option::of(date())),
                    texts in (text(), text(), text()),
                    budget in budget(),
                    goals in prop::collection::vec((id(), "[IVX]{1,4}", text(), text(), extra()), 0..3),
                    activities in prop::collection::vec(activity(), 0..4),
                    task_gaps in prop::collection::vec((task(), text(), extra()), 0..2),
                    partners in prop::collection::vec(partner(), 0..4),
                    coalitions in prop::collection::vec(coalition(), 0..2),
                    figures in prop::collection::vec(
                        (id(), text(), prop::option::of(decimal()), any::<Option<i32>>(),
                         prop::option::of(decimal()), text(), text(), extra()), 0..3),
                    blocks in (prop::collection::vec(group_cost(), 0..2), gkrpa(),
                               prop::collection::vec(consultation_point(), 0..2), council()),
                    layout in prop_oneof![Just(Layout::ByGoal), Just(Layout::ByTask)],
                    signature in prop::option::of((text(), prop::option::of(date()), text(), text(), extra())),
                    previous_year in prop::option::of(previous_year().boxed()),
                    extra in extra()) -> Report {
            let (id, year, gmina, program, prepared_by, prepared_on, council_deadline,
                 next_program_resolution_date) = head;
            Report {
                id, year, gmina, program, prepared_by, prepared_on, council_deadline,
                next_program_resolution_date,
                introduction: texts.0, monitoring: texts.1, conclusions: texts.2,
                budget,
                goals: goals.into_iter().map(|(id, number, title, aim, extra)|
                    Goal { id, number, title, aim, extra }).collect(),
                activities,
                task_gaps: task_gaps.into_iter().map(|(task, reason, extra)|
                    TaskGap { task, reason, extra }).collect(),
                group_costs: blocks.0,
                partners, coalitions,
                gkrpa: blocks.1,
                consultation_points: blocks.2,
                context_figures: figures.into_iter()
                    .map(|(id, name, value, year, previous_value, unit, source, extra)|
                        ContextFigure { id, name, value, year, previous_value, unit, source, extra })
                    .collect(),
                council: blocks.3,
                layout,
                signature: signature.map(|(place, date, name, function, extra)|
                    Signature { place, date, name, function, extra }),
                previous_year,
                requests: Vec::new(),
                workspace: None,
                extra,
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn export_then_import_is_lossless(report in report()) {
            let text = to_json(&report, APP, SAVED);
            let file = read_report(&text);
            prop_assert_eq!(&file.report, &report);
            // Byte for byte, so amounts keep their scale and unknown fields their order.
            prop_assert_eq!(file.to_json(), text);
        }

        #[test]
        fn export_as_html_then_import_is_lossless(report in report()) {
            let html = format!(
                "<html><body><p>raport</p><script type=\"application/json\" id=\"raport-gp-data\">{}</script></body></html>",
                embed_json_for_html(&report, APP, SAVED)
            );
            prop_assert_eq!(read_report(&html).report, report);
        }

        #[test]
        fn export_then_import_is_lossless_for_backups(reports in prop::collection::vec(report(), 0..3)) {
            let text = backup_to_json(&reports, APP, SAVED);
            let Ok(FileContents::Backup(file)) = read_file(&text) else {
                panic!("not read as a backup")
            };
            prop_assert_eq!(file.reports, reports);
        }

        #[test]
        fn written_files_satisfy_the_schema(report in report()) {
            let written: Value = serde_json::from_str(&to_json(&report, APP, SAVED)).unwrap();
            prop_assert_eq!(schema_errors(&written), Vec::<String>::new());
        }
    }
}

#[test]
fn an_indicator_value_written_as_a_json_number_is_refused_with_its_path() {
    let mut value: serde_json::Value = serde_json::from_str(&fixture("raport-gp-v1.json")).unwrap();
    let activity = value["report"]["activities"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| !a["indicators"].as_array().unwrap().is_empty())
        .expect("the fixture has an activity with an indicator");
    activity["indicators"][0]["achieved"] = serde_json::json!(12.5);
    let message = message_of(&serde_json::to_string(&value).unwrap());
    assert!(
        message.contains(".indicators[0].achieved"),
        "the message names the field: {message}"
    );
}

// ---------------------------------------------------------------------------------------------
// One rule for decimal text: the published schema and the reader agree on every case
// ---------------------------------------------------------------------------------------------

/// A published schema's validator, by its schema version.
fn published_validator(version: u32) -> jsonschema::Validator {
    use raport_gp::domain::schema::PUBLISHED_SCHEMAS;
    let (_, path) = PUBLISHED_SCHEMAS
        .iter()
        .find(|(v, _)| *v == version)
        .expect("a published version");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).expect("the schema compiles")
}

/// Every published schema (v1 by its erratum too) accepts exactly the decimal texts the reader
/// reads, in every kind of place a decimal text stands: an amount, an indicator's planned and
/// achieved value, a context figure.
#[test]
fn every_published_schema_and_the_reader_agree_on_every_decimal_text_case() {
    let accepted = [
        "0",
        "-0",
        "1737",
        "12.5",
        "148543.63",
        "007",
        "-3.25",
        "123456789012345678",            // 18 whole digits
        "0.123456789012345678901234567", // 28 digits
        "123456789012345678.9012345678", // 18 + 10 = 28 digits
    ];
    let refused = [
        "1234567890123456789", // 19 whole digits
        "",
        "NaN",
        "nan",
        "Infinity",
        "-Infinity",
        "1e400",
        "1E5",
        "1,2,3",
        "12,5",
        "1.2.3",
        ".5",
        "5.",
        "+5",
        " 5",
        "5 ",
        "0x10",
        "١٢٣",
        "1 000",
        "12345678901234567890123456789",  // 29 digits
        "123456789012345678901234567890", // 30 digits
        "1.2345678901234567890123456789", // 29 digits
    ];
    type Put = fn(&mut Value, &str);
    let places: [(&str, Put); 4] = [
        ("amount", |v, s| {
            v["report"]["budget"]["lines"][0]["executed"] = Value::from(s)
        }),
        ("indicator achieved", |v, s| {
            v["report"]["activities"][0]["indicators"][0]["achieved"] = Value::from(s)
        }),
        ("indicator planned", |v, s| {
            v["report"]["activities"][0]["indicators"][0]["planned"] = Value::from(s)
        }),
        ("context figure", |v, s| {
            v["report"]["context_figures"][0]["value"] = Value::from(s)
        }),
    ];
    let mut cases = 0;
    for version in [1, 2] {
        let validator = published_validator(version);
        let base: Value =
            serde_json::from_str(&fixture(&format!("raport-gp-v{version}.json"))).unwrap();
        for (place, put) in places {
            for (case, should_read) in accepted
                .iter()
                .map(|c| (c, true))
                .chain(refused.iter().map(|c| (c, false)))
            {
                let mut file = base.clone();
                put(&mut file, case);
                let schema_ok = validator.is_valid(&file);
                let reader_ok = read_file(&file.to_string()).is_ok();
                assert_eq!(
                    schema_ok, should_read,
                    "v{version} schema, {place} {case:?}"
                );
                assert_eq!(
                    reader_ok, should_read,
                    "reader, v{version} {place} {case:?}"
                );
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 2 * 4 * (accepted.len() + refused.len()));
}

#[test]
fn what_the_app_parses_from_a_form_always_reads_back_from_a_file() {
    use raport_gp::domain::money::{is_decimal_text, parse_number};
    for typed in ["1 650", "12,5", "123456789012345678", "-0,5"] {
        let d = parse_number(typed).unwrap().unwrap();
        assert!(is_decimal_text(&d.to_string()), "{typed}");
    }
    let too_long = parse_number("12345678901234567890123456789").unwrap_err();
    assert!(too_long.contains("za dużo cyfr"), "{too_long}");
}
