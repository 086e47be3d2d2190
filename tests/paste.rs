#![cfg(not(target_arch = "wasm32"))]
//! "Wklej z arkusza", the reading half: what Excel, LibreOffice Calc and Google Sheets put on the
//! clipboard (and CSV text) split into cells, the header row found and matched to a grid's
//! columns in any order (budget, outside money, indicators, activities), every amount form people write read (or refused with why), and
//! hostile input bounded and inert.

use raport_gp::domain::model::{Amount, ExternalSource, FundingSource, IndicatorUnit, Status};
use raport_gp::domain::paste::{
    activities, amount_cell, budget_lines, chapter_cell, external_funding, indicators,
    match_columns, paragraph_cell, source_cell, split, Separator, ACTIVITY_COLUMNS, BUDGET_COLUMNS,
    EXTERNAL_COLUMNS, INDICATOR_COLUMNS, MAX_COLUMNS,
};
use rust_decimal::Decimal;

fn zl(s: &str) -> Option<Amount> {
    Some(Amount::new(s.parse().unwrap()))
}

#[test]
fn every_amount_form_people_write_is_read_or_refused_with_why() {
    for (text, want) in [
        ("1 234,56", "1234.56"),
        ("1 234,56 zł", "1234.56"),
        ("1\u{a0}234,56\u{a0}zł", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("1234,5", "1234.50"),
        ("148 543,63 PLN", "148543.63"),
        ("12 000", "12000.00"),
        ("-150,00", "-150.00"),
    ] {
        assert_eq!(amount_cell(text), Ok(zl(want)), "{text}");
    }
    for empty in ["", "  ", "-", "–", "—"] {
        assert_eq!(
            amount_cell(empty),
            Ok(None),
            "{empty:?} is no value, not zero"
        );
    }
    for (bad, why) in [
        ("=1+1", "formuła"),
        ("=SUMA(B2:B9)", "formuła"),
        ("12a", "liter"),
        ("1.234", "kropka"),
        ("1,234.50", "przecinek przed kropką"),
        ("12,345", "2 miejsca"),
    ] {
        let e = amount_cell(bad).unwrap_err();
        assert!(e.starts_with(&format!("„{bad}”")), "names the cell: {e}");
        assert!(e.contains(why), "{bad}: {e}");
    }
}

#[test]
fn chapters_paragraphs_and_sources_are_read_as_budgets_write_them() {
    assert_eq!(chapter_cell("85154").unwrap(), "85154");
    assert_eq!(
        chapter_cell("85154 — Przeciwdziałanie alkoholizmowi").unwrap(),
        "85154"
    );
    assert_eq!(chapter_cell("rozdz. 85153").unwrap(), "85153");
    assert_eq!(chapter_cell("").unwrap(), "");
    assert!(chapter_cell("8515").unwrap_err().contains("5 cyfr"));
    assert!(chapter_cell("851540").is_err());
    assert!(chapter_cell("Przeciwdziałanie alkoholizmowi").is_err());
    assert_eq!(paragraph_cell("4210").unwrap(), "4210");
    assert_eq!(paragraph_cell("§ 4210").unwrap(), "4210");
    assert_eq!(
        paragraph_cell("4300 - Zakup usług pozostałych").unwrap(),
        "4300"
    );
    assert!(paragraph_cell("421").unwrap_err().contains("4 cyfr"));
    assert_eq!(source_cell("budżet gminy"), Ok(FundingSource::Budget));
    assert_eq!(
        source_cell("Opłaty za zezwolenia"),
        Ok(FundingSource::PermitFees)
    );
    assert_eq!(source_cell("małpkowe"), Ok(FundingSource::SmallBottleFee));
    assert_eq!(source_cell(""), Ok(FundingSource::Budget));
    assert!(source_cell("dotacja UE")
        .unwrap_err()
        .contains("nieznane źródło"));
}

#[test]
fn both_separators_and_quoted_cells_with_line_breaks() {
    let tab = split("Rozdział\tPlan\n85154\t1 234,56\n");
    assert_eq!(tab.separator, Separator::Tab);
    assert_eq!(tab.rows[1].cells, ["85154", "1 234,56"]);

    // A Polish CSV: semicolons, and the decimal comma inside a cell is not a separator.
    let csv = split(
        "Rozdział;Nazwa;Plan\r\n85154;\"Warsztaty \"\"Bezpieczni\"\"\nw szkole\";1 234,56\r\n",
    );
    assert_eq!(csv.separator, Separator::Semicolon);
    assert_eq!(csv.rows.len(), 2);
    assert_eq!(csv.rows[1].cells[1], "Warsztaty \"Bezpieczni\"\nw szkole");
    assert_eq!(csv.rows[1].cells[2], "1 234,56");
    assert_eq!(csv.rows[1].line, 2);

    let comma = split("Rozdział,Plan\n85154,\"1 234,56\"\n");
    assert_eq!(comma.separator, Separator::Comma);
    assert_eq!(comma.rows[1].cells, ["85154", "1 234,56"]);

    // A column of amounts: the comma is the decimal separator, not a column break.
    let column = split("1 234,56\n2 000,00\n");
    assert_eq!(column.separator, Separator::None);
    assert_eq!(column.rows[0].cells, ["1 234,56"]);
}

/// What Excel puts on the clipboard for a typical treasurer's sheet: a title row, a header row
/// (in another order than the grid's), Polish amounts, a gap left by a merged cell, two empty
/// columns selected at the right, an empty row.
const EXCEL: &str = "Wydatki na realizację GPPiRPAiPN w 2025 r.\t\t\t\t\t\t\t\n\
Paragraf\tRozdział\tŹródło finansowania\tPlan (zł)\tPlan po zmianach (zł)\tWykonanie (zł)\t\t\n\
4170\t85154\topłaty za zezwolenia\t16 500,00\t16 500,00\t16 020,00 zł\t\t\n\
4300\t\topłaty za zezwolenia\t30 000,00\t33 000,00\t32 300,00\t\t\n\
\t\t\t\t\t\t\t\n\
4210\t85153 — Zwalczanie narkomanii\tbudżet gminy\t2 000\t-\t1536.9\t\t\n\
4610\t85154\tmałpkowe\t=D3*2\t5 000,00\t4 32O,00\t\t\n";

#[test]
fn an_excel_clipboard_is_read_into_budget_lines_with_each_bad_cell_named() {
    let pasted = split(EXCEL);
    assert_eq!(pasted.separator, Separator::Tab);
    assert_eq!(
        pasted.columns(),
        6,
        "the two empty columns on the right are dropped"
    );
    assert_eq!(pasted.rows.len(), 6, "the empty row is dropped");

    let mapping = match_columns(&pasted, &BUDGET_COLUMNS);
    assert_eq!(mapping.header_row, Some(1), "the title row is skipped");
    // Grid order: chapter, paragraph, source, plan, after changes, executed.
    assert_eq!(
        mapping.source,
        [Some(1), Some(0), Some(2), Some(3), Some(4), Some(5)]
    );

    let lines = budget_lines(&pasted, &mapping);
    assert_eq!(lines.len(), 4);
    let first = &lines[0];
    assert_eq!(first.line, 3);
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert_eq!(first.value.chapter, "85154");
    assert_eq!(first.value.paragraph, "4170");
    assert_eq!(first.value.source, FundingSource::PermitFees);
    assert_eq!(first.value.executed, zl("16020.00"));

    // The merged cell's gap: the chapter of the group's first row, not an error.
    assert_eq!(lines[1].value.chapter, "85154");
    assert!(lines[1].problems.is_empty());

    let third = &lines[2];
    assert_eq!(third.value.chapter, "85153");
    assert_eq!(third.value.planned, zl("2000"));
    assert_eq!(third.value.after_changes, None, "a dash is no value");
    assert_eq!(third.value.executed, zl("1536.90"));

    let last = &lines[3];
    assert_eq!(last.value.source, FundingSource::SmallBottleFee);
    let keys: Vec<&str> = last.problems.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["planned", "executed"], "{:?}", last.problems);
    assert!(
        last.problems[0].1.contains("formuła"),
        "a formula is text, never evaluated"
    );
    assert!(
        last.problems[1].1.contains("„4 32O,00”"),
        "the letter O is named"
    );
    assert_eq!(last.value.planned, None);
}

#[test]
fn without_headers_columns_are_taken_in_the_grid_order() {
    let pasted = split("85154\t4170\topłaty za zezwolenia\t100\t100\t90\n");
    let mapping = match_columns(&pasted, &BUDGET_COLUMNS);
    assert_eq!(mapping.header_row, None);
    let lines = budget_lines(&pasted, &mapping);
    assert_eq!(lines[0].value.paragraph, "4170");
    assert_eq!(lines[0].value.executed, zl("90"));
}

#[test]
fn hostile_input_is_bounded_and_inert() {
    // 10^5 columns in one row.
    let wide = vec!["1"; 100_000].join("\t");
    let pasted = split(&wide);
    assert_eq!(pasted.columns(), MAX_COLUMNS);
    assert!(
        pasted.notes.iter().any(|n| n.contains("kolumn")),
        "{:?}",
        pasted.notes
    );

    // NUL and other control characters are removed and counted; a formula stays text.
    let pasted = split("Rozdział\tPlan\n851\u{0}54\t=1+1\u{1b}\n");
    assert_eq!(pasted.rows[1].cells, ["85154", "=1+1"]);
    assert!(pasted
        .notes
        .iter()
        .any(|n| n.contains("sterujące") && n.ends_with("2.")));

    // An unterminated quote swallows the rest into one cell rather than failing.
    let pasted = split("\"a\tb\nc");
    assert_eq!(pasted.rows.len(), 1);
    assert_eq!(pasted.rows[0].cells, ["a\tb\nc"]);

    // Nothing at all.
    assert!(split("").rows.is_empty());
    assert!(split("\n\n\t\t\n").rows.is_empty());

    // Many rows: bounded, with a note.
    let tall = "1\n".repeat(raport_gp::domain::paste::MAX_ROWS + 10);
    let pasted = split(&tall);
    assert_eq!(pasted.rows.len(), raport_gp::domain::paste::MAX_ROWS);
    assert!(pasted.notes.iter().any(|n| n.contains("wierszy")));
}

#[test]
fn outside_money_is_read_with_its_source_named_as_people_write_it() {
    let pasted = split("Źródło;Opis;Kwota (zł)\nNarodowy Fundusz Zdrowia;kontrakt na terapię;120 000,00\nurząd marszałkowski;dotacja na kolonie;8 500\n;zbiórka;-\nZUS;?;1\n");
    assert_eq!(pasted.separator, Separator::Semicolon);
    let mapping = match_columns(&pasted, &EXTERNAL_COLUMNS);
    assert_eq!(mapping.header_row, Some(0));
    let read = external_funding(&pasted, &mapping);
    let got: Vec<_> = read
        .iter()
        .map(|r| (r.value.source, r.value.description.as_str(), r.value.amount))
        .collect();
    assert_eq!(
        got,
        [
            (ExternalSource::Nfz, "kontrakt na terapię", zl("120000")),
            (
                ExternalSource::Voivodeship,
                "dotacja na kolonie",
                zl("8500")
            ),
            (ExternalSource::Other, "zbiórka", None),
            (ExternalSource::Other, "?", zl("1")),
        ]
    );
    assert!(read[..3].iter().all(|r| r.problems.is_empty()));
    assert_eq!(read[3].problems[0].0, "source", "ZUS is not a known source");
}

#[test]
fn indicators_are_read_with_units_and_estimates() {
    let pasted = split("Wskaźnik\tj.m.\tPlanowano\tOsiągnięto\nliczba uczniów\tos.\t200\tok. 185\nwarsztaty\tzajęcia\t12\t12\ndyżury\tgodz.\t-\t96,5\nw tym rodzice\t\t\t=B2\nulotki\tkg\t1000\t1 200\n");
    let mapping = match_columns(&pasted, &INDICATOR_COLUMNS);
    assert_eq!(mapping.header_row, Some(0));
    let read = indicators(&pasted, &mapping);
    let v: Vec<_> = read
        .iter()
        .map(|r| (r.value.name.as_str(), r.value.unit, r.value.approximate))
        .collect();
    assert_eq!(
        v,
        [
            ("liczba uczniów", IndicatorUnit::Persons, true),
            ("warsztaty", IndicatorUnit::Sessions, false),
            ("dyżury", IndicatorUnit::Hours, false),
            ("w tym rodzice", IndicatorUnit::Persons, false),
            ("ulotki", IndicatorUnit::Persons, false),
        ]
    );
    assert_eq!(read[0].value.achieved, Some(Decimal::from(185)));
    assert_eq!(read[2].value.planned, None, "a dash is no value");
    assert_eq!(read[2].value.achieved, Some(Decimal::new(965, 1)));
    assert!(
        read[3].problems[0].1.contains("formuła"),
        "{:?}",
        read[3].problems
    );
    assert_eq!(
        read[4].problems[0].0, "unit",
        "kg is not a unit of the report"
    );
}

#[test]
fn activities_are_read_with_participants_costs_state_and_realizers_by_name() {
    let pasted = split(
        "Lp.\tNazwa działania\tRealizator\tLiczba uczestników\tKoszt (zł)\tRozdział\tStan\n\
         1\tProgram „Spójrz inaczej”\tSP nr 1; SP nr 2\t240\t12 400,00\t85154\tzrealizowane\n\
         2\tFestyn rodzinny\tGOK\tok. 600\t3 000\t85154\tczęściowo\n\
         3\t\tMOPS\t\t-\t\todwołane\n\
         4\tSzkolenie\t\t12\t1.234,5O\t851\tmoże\n",
    );
    let mapping = match_columns(&pasted, &ACTIVITY_COLUMNS);
    assert_eq!(mapping.header_row, Some(0));
    let read = activities(&pasted, &mapping);
    assert_eq!(read.len(), 4);
    let first = &read[0];
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert_eq!(first.value.activity.title, "Program „Spójrz inaczej”");
    assert_eq!(first.value.realizers, ["SP nr 1", "SP nr 2"]);
    assert_eq!(first.value.activity.cost.executed, zl("12400"));
    assert_eq!(first.value.activity.cost.chapter, "85154");
    assert_eq!(first.value.activity.status, Status::Done);
    let people = &first.value.activity.indicators[0];
    assert_eq!(
        (people.unit, people.achieved),
        (IndicatorUnit::Persons, Some(Decimal::from(240)))
    );

    assert_eq!(read[1].value.activity.status, Status::Partly);
    assert!(read[1].value.activity.indicators[0].approximate);
    assert_eq!(read[2].value.activity.status, Status::NotDone);
    assert_eq!(
        read[2].problems,
        [("title", "brak nazwy działania".to_string())]
    );
    let keys: Vec<&str> = read[3].problems.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        ["executed", "chapter", "status"],
        "{:?}",
        read[3].problems
    );
}
