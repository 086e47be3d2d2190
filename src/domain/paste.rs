//! Text copied from a spreadsheet, read into rows for a grid of the report (issue 17's "Wklej z
//! arkusza"). What Excel, LibreOffice Calc and Google Sheets put on the clipboard is
//! tab-separated text, a cell with a line break or a tab quoted the CSV way; a CSV file's text
//! uses `;` (the Polish default) or `,`. Reading has three steps, each usable on its own:
//!
//! 1. [`split`]: the text into rows of cells (quotes, line breaks, the separator found),
//!    bounded ([`MAX_ROWS`], [`MAX_COLUMNS`], [`MAX_CELL_CHARS`]) and cleaned (control
//!    characters removed, empty rows and trailing empty columns dropped);
//! 2. [`match_columns`]: the header row found (a title row above it is skipped) and the pasted
//!    columns matched to the grid's by their Polish headers, or by position when there are none;
//! 3. per grid, the cells read into values, every cell that cannot be read with the reason
//!    ([`budget_lines`]).
//!
//! Nothing is evaluated: a formula (`=1+1`) is the text it is, and reading it as an amount fails
//! with a message saying so. Nothing is written to a report here.

use rust_decimal::Decimal;

use super::model::{
    Activity, Amount, BudgetLine, Cost, ExternalFunding, ExternalSource, FundingSource, Indicator,
    IndicatorUnit, Status,
};
use super::money::{parse_amount, parse_number};

/// Rows read at most; the rest is left out with a note.
pub const MAX_ROWS: usize = 5_000;
/// Columns read at most; the rest is left out with a note.
pub const MAX_COLUMNS: usize = 64;
/// Characters of one cell kept at most.
pub const MAX_CELL_CHARS: usize = 10_000;

/// How the cells of the pasted text were separated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Tab,
    Semicolon,
    Comma,
    /// One column (no separator found).
    None,
}

/// One row of the pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row's first line in the pasted text, from 1 (for messages).
    pub line: usize,
    pub cells: Vec<String>,
}

/// The pasted text as rows of cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pasted {
    pub separator: Separator,
    pub rows: Vec<Row>,
    /// What was left out or cleaned, in Polish (for the preview).
    pub notes: Vec<String>,
}

impl Pasted {
    /// The number of columns (of the widest row).
    pub fn columns(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    }
}

/// Finds the separator: a tab if there is one (a spreadsheet's clipboard); else `;` (a Polish
/// CSV); else `,` only when the first row has letters (a header such as `Rozdział,Plan`), since
/// in a column of Polish amounts the comma is the decimal separator.
fn separator_of(text: &str) -> Separator {
    let mut in_quotes = false;
    let (mut tabs, mut semicolons) = (false, false);
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\t' if !in_quotes => tabs = true,
            ';' if !in_quotes => semicolons = true,
            _ => {}
        }
    }
    if tabs {
        return Separator::Tab;
    }
    if semicolons {
        return Separator::Semicolon;
    }
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    if first.contains(',') && first.chars().any(char::is_alphabetic) {
        Separator::Comma
    } else {
        Separator::None
    }
}

/// Splits pasted text into rows of cells (see the module documentation).
pub fn split(text: &str) -> Pasted {
    let separator = separator_of(text);
    let sep = match separator {
        Separator::Tab => Some('\t'),
        Separator::Semicolon => Some(';'),
        Separator::Comma => Some(','),
        Separator::None => None,
    };
    let mut notes = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let (mut line, mut row_line) = (1usize, 1usize);
    let (mut in_quotes, mut at_cell_start) = (false, true);
    let (mut removed_controls, mut cut_cells, mut extra_columns, mut extra_rows) =
        (0usize, 0usize, 0usize, 0usize);
    let mut chars = text.chars().peekable();

    let mut end_cell = |cells: &mut Vec<String>, cell: &mut String| {
        if cells.len() < MAX_COLUMNS {
            cells.push(std::mem::take(cell));
        } else {
            extra_columns = extra_columns.max(cells.len() + 1);
            cell.clear();
        }
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => in_quotes = false,
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    cell.push('\n');
                }
                c => cell.push(c),
            }
            at_cell_start = false;
            continue;
        }
        match c {
            '"' if at_cell_start => {
                in_quotes = true;
                at_cell_start = false;
            }
            c if Some(c) == sep => {
                end_cell(&mut cells, &mut cell);
                at_cell_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_cell(&mut cells, &mut cell);
                if rows.len() < MAX_ROWS {
                    rows.push(Row {
                        line: row_line,
                        cells: std::mem::take(&mut cells),
                    });
                } else {
                    extra_rows += 1;
                    cells.clear();
                }
                line += 1;
                row_line = line;
                at_cell_start = true;
            }
            c => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    end_cell(&mut cells, &mut cell);
    if rows.len() < MAX_ROWS {
        rows.push(Row {
            line: row_line,
            cells,
        });
    } else {
        extra_rows += 1;
    }

    // Clean every cell: control characters out (a line break and a tab inside a quoted cell
    // stay), surrounding spaces trimmed, length bounded.
    for row in &mut rows {
        for cell in &mut row.cells {
            let before = cell.chars().count();
            let mut clean: String = cell
                .chars()
                .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
                .collect();
            removed_controls += before - clean.chars().count();
            clean = clean.trim().to_string();
            if clean.chars().count() > MAX_CELL_CHARS {
                clean = clean.chars().take(MAX_CELL_CHARS).collect();
                cut_cells += 1;
            }
            *cell = clean;
        }
    }
    // Empty rows out; trailing empty columns (a spreadsheet's selection wider than its data) out.
    rows.retain(|r| r.cells.iter().any(|c| !c.is_empty()));
    let used = rows
        .iter()
        .filter_map(|r| r.cells.iter().rposition(|c| !c.is_empty()))
        .max()
        .map_or(0, |i| i + 1);
    for row in &mut rows {
        row.cells.truncate(used);
        row.cells.resize(used, String::new());
    }

    if extra_rows > 0 {
        notes.push(format!(
            "Wczytano pierwsze {MAX_ROWS} wierszy; pominięto {extra_rows} dalszych."
        ));
    }
    if extra_columns > 0 {
        notes.push(format!(
            "Wczytano pierwsze {MAX_COLUMNS} kolumn; dalsze kolumny pominięto."
        ));
    }
    if removed_controls > 0 {
        notes.push(format!(
            "Usunięto znaki sterujące (niewidoczne), których nie może zawierać tekst raportu: {removed_controls}."
        ));
    }
    if cut_cells > 0 {
        notes.push(format!(
            "Skrócono do {MAX_CELL_CHARS} znaków zbyt długie komórki: {cut_cells}."
        ));
    }
    Pasted {
        separator,
        rows,
        notes,
    }
}

/// A column of a grid, with the headers it is known by in spreadsheets (any case, with or
/// without Polish letters, with a unit such as "(zł)" after them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub label: &'static str,
    pub headers: &'static [&'static str],
}

/// How the pasted columns map onto a grid's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The index of the header row among the pasted rows (`None`: no header, columns by
    /// position); rows up to it are not data.
    pub header_row: Option<usize>,
    /// For each grid column, the pasted column it takes its values from.
    pub source: Vec<Option<usize>>,
}

impl Mapping {
    /// The data rows: those after the header row (all, without one).
    pub fn data<'a>(&self, pasted: &'a Pasted) -> &'a [Row] {
        match self.header_row {
            Some(i) => &pasted.rows[i + 1..],
            None => &pasted.rows,
        }
    }
}

/// A lowercase letter with its diacritics dropped (`ł` → `l`, `ż` → `z`), for comparing
/// headers and making file names; other characters are returned as they are. Polish letters,
/// and those of neighbouring alphabets a gmina's name may carry (e.g. a German suffix).
pub fn fold_letter(c: char) -> char {
    match c {
        'ą' => 'a',
        'ć' => 'c',
        'ę' => 'e',
        'ł' => 'l',
        'ń' => 'n',
        'ó' => 'o',
        'ś' => 's',
        'ź' | 'ż' => 'z',
        // Letters of neighbouring alphabets a gmina name may carry (e.g. a German suffix).
        'ä' | 'á' | 'à' | 'â' => 'a',
        'ö' | 'ô' => 'o',
        'ü' | 'ú' => 'u',
        'é' | 'è' | 'ě' => 'e',
        'č' => 'c',
        'ř' => 'r',
        'š' => 's',
        'ß' => 's',
        c => c,
    }
}

/// A header as compared: lower case, Polish letters folded, a unit or colon at the end dropped,
/// spaces collapsed.
fn header_key(text: &str) -> String {
    let folded: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c == '\u{a0}' { ' ' } else { fold_letter(c) })
        .collect();
    let mut key = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    for unit in ["(zl)", "[zl]", "(pln)", "[pln]", "zl", ":"] {
        if let Some(rest) = key.strip_suffix(unit) {
            key = rest.trim_end().to_string();
        }
    }
    key
}

/// Which of `columns` a header names: the one with the longest known header that the cell is,
/// or starts with followed by a space or a bracket ("Plan po zmianach (zł)" is "Plan po
/// zmianach", not "Plan").
fn column_of(header: &str, columns: &[Column]) -> Option<usize> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for (i, col) in columns.iter().enumerate() {
        for h in col.headers.iter().chain(std::iter::once(&col.label)) {
            let h = header_key(h);
            let fits = key == h
                || key
                    .strip_prefix(h.as_str())
                    .is_some_and(|rest| rest.starts_with([' ', '(', '[', ',']));
            if fits && best.is_none_or(|(_, len)| h.len() > len) {
                best = Some((i, h.len()));
            }
        }
    }
    best.map(|(i, _)| i)
}

/// Finds the header row among the first rows (the first that names at least two of the
/// grid's columns, or the only one of a one-column grid) and maps the columns by it; without
/// one, grid column *n* takes pasted column *n*.
pub fn match_columns(pasted: &Pasted, columns: &[Column]) -> Mapping {
    let needed = columns.len().min(2);
    for (r, row) in pasted.rows.iter().enumerate().take(10) {
        let mut source = vec![None; columns.len()];
        let mut found = 0;
        for (c, cell) in row.cells.iter().enumerate() {
            if let Some(g) = column_of(cell, columns) {
                if source[g].is_none() {
                    source[g] = Some(c);
                    found += 1;
                }
            }
        }
        if found >= needed && needed > 0 {
            return Mapping {
                header_row: Some(r),
                source,
            };
        }
    }
    let width = pasted.columns();
    Mapping {
        header_row: None,
        source: (0..columns.len())
            .map(|g| (g < width).then_some(g))
            .collect(),
    }
}

/// An amount as people write it in a spreadsheet: `1 234,56`, `1 234,56 zł`, `1.234,56`,
/// `1234.56`; `-`, `–` or an empty cell is no value. A formula is refused, never evaluated.
pub fn amount_cell(text: &str) -> Result<Option<Amount>, String> {
    let t = text.trim();
    if t.is_empty() || matches!(t, "-" | "–" | "—") {
        return Ok(None);
    }
    if t.starts_with('=') {
        return Err(format!(
            "„{}” to formuła arkusza, a nie kwota; skopiuj wartości (Wklej specjalnie → Wartości)",
            short(t)
        ));
    }
    parse_amount(t)
        .map(Some)
        .map_err(|e| format!("„{}”: {}", short(t), e.message()))
}

/// A chapter (rozdział) of the budget classification, 5 digits, from `85154` or
/// `85154 — Przeciwdziałanie alkoholizmowi` or `rozdz. 85154`.
pub fn chapter_cell(text: &str) -> Result<String, String> {
    code_cell(text, 5, "rozdział", &["rozdz.", "rozdział", "rozdz"])
}

/// A paragraph (§) of the budget classification, 4 digits, from `4210`, `§ 4210`,
/// `4210 — Zakup materiałów`.
pub fn paragraph_cell(text: &str) -> Result<String, String> {
    code_cell(text, 4, "paragraf", &["§", "par."])
}

fn code_cell(text: &str, len: usize, what: &str, prefixes: &[&str]) -> Result<String, String> {
    let mut t = text.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    for p in prefixes {
        if t.get(..p.len())
            .is_some_and(|head| head.to_lowercase() == *p)
        {
            t = t[p.len()..].trim_start();
        }
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let after = t[digits.len()..].trim_start();
    let separated = after.is_empty() || after.starts_with(['—', '–', '-', ' ', '(', ':', '.']);
    if digits.len() == len && separated {
        Ok(digits)
    } else {
        Err(format!(
            "„{}” nie jest numerem — {what} ma {len} cyfr, np. {}",
            short(text.trim()),
            if len == 5 { "85154" } else { "4210" }
        ))
    }
}

/// A funding source from its name as written (`budżet gminy`, `opłaty za zezwolenia`,
/// `małpkowe`, …); an empty cell is the gmina budget.
pub fn source_cell(text: &str) -> Result<FundingSource, String> {
    let key = header_key(text);
    if key.is_empty() {
        return Ok(FundingSource::Budget);
    }
    let known = [
        (
            FundingSource::SmallBottleFee,
            &[
                "malpk",
                "male opakowania",
                "opakowaniach do 300",
                "opłata za małe",
            ][..],
        ),
        (FundingSource::PermitFees, &["zezwole", "korkowe"][..]),
        (
            FundingSource::Budget,
            &["budzet", "srodki wlasne", "dochody wlasne"][..],
        ),
        (FundingSource::Other, &["inne", "inny", "pozostale"][..]),
    ];
    known
        .iter()
        .find(|(_, words)| words.iter().any(|w| key.contains(&header_key(w))))
        .map(|(s, _)| *s)
        .ok_or_else(|| {
            format!(
                "„{}”: nieznane źródło finansowania; dozwolone: budżet gminy, opłaty za zezwolenia, opłata za małe opakowania („małpkowe”), inne",
                short(text.trim())
            )
        })
}

/// At most 40 characters of a cell, for a message.
fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}

/// The columns of the budget grid.
pub const BUDGET_COLUMNS: [Column; 6] = [
    Column {
        key: "chapter",
        label: "Rozdział",
        headers: &["rozdz.", "rozdz", "dział/rozdział", "klasyfikacja"],
    },
    Column {
        key: "paragraph",
        label: "Paragraf",
        headers: &["§", "par.", "par"],
    },
    Column {
        key: "source",
        label: "Źródło",
        headers: &[
            "źródło finansowania",
            "źródło finansowania wydatku",
            "finansowanie",
        ],
    },
    Column {
        key: "planned",
        label: "Plan",
        headers: &[
            "plan pierwotny",
            "plan wg uchwały budżetowej",
            "plan na początek roku",
        ],
    },
    Column {
        key: "after_changes",
        label: "Plan po zmianach",
        headers: &["plan po zmianie", "plan aktualny", "plan (po zmianach)"],
    },
    Column {
        key: "executed",
        label: "Wykonanie",
        headers: &[
            "wykonanie",
            "wykonano",
            "wydatki wykonane",
            "kwota wydatkowana",
        ],
    },
];

/// A pasted row read for a grid: the values, and every cell that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Read<T> {
    /// The row's line in the pasted text.
    pub line: usize,
    pub value: T,
    /// (grid column key, why) for each cell that could not be read; the value keeps the
    /// field empty there.
    pub problems: Vec<(&'static str, String)>,
}

/// The data rows read as budget lines (without ids: the caller gives them when inserting). An
/// empty chapter under a row with one takes that row's chapter: a sheet that groups its lines
/// by chapter writes the chapter once, in a cell merged over the group, and the clipboard holds
/// it only in the group's first row.
pub fn budget_lines(pasted: &Pasted, mapping: &Mapping) -> Vec<Read<BudgetLine>> {
    let mut chapter_above = String::new();
    mapping
        .data(pasted)
        .iter()
        .map(|row| {
            let cell = |key| cell_of(row, mapping, &BUDGET_COLUMNS, key);
            let mut problems = Vec::new();
            let mut line = BudgetLine::default();
            match chapter_cell(cell("chapter")) {
                Ok(v) if v.is_empty() => line.chapter = chapter_above.clone(),
                Ok(v) => {
                    chapter_above = v.clone();
                    line.chapter = v;
                }
                Err(e) => problems.push(("chapter", e)),
            }
            match paragraph_cell(cell("paragraph")) {
                Ok(v) => line.paragraph = v,
                Err(e) => problems.push(("paragraph", e)),
            }
            match source_cell(cell("source")) {
                Ok(v) => line.source = v,
                Err(e) => problems.push(("source", e)),
            }
            for (key, slot) in [
                ("planned", &mut line.planned),
                ("after_changes", &mut line.after_changes),
                ("executed", &mut line.executed),
            ] {
                match amount_cell(cell(key)) {
                    Ok(v) => *slot = v,
                    Err(e) => problems.push((key, e)),
                }
            }
            Read {
                line: row.line,
                value: line,
                problems,
            }
        })
        .collect()
}

/// The text of a row's cell for grid column `key` (empty where the column takes no pasted
/// column or the row is shorter).
fn cell_of<'a>(row: &'a Row, mapping: &Mapping, columns: &[Column], key: &str) -> &'a str {
    columns
        .iter()
        .position(|c| c.key == key)
        .and_then(|g| mapping.source.get(g).copied().flatten())
        .and_then(|c| row.cells.get(c))
        .map(String::as_str)
        .unwrap_or_default()
}

/// Where money from outside the gmina budget came from, as written (`NFZ`, `Narodowy Fundusz
/// Zdrowia`, `KCPU`, `urząd marszałkowski`, …); an empty cell is "inne".
pub fn external_source_cell(text: &str) -> Result<ExternalSource, String> {
    let key = header_key(text);
    if key.is_empty() {
        return Ok(ExternalSource::Other);
    }
    let known = [
        (
            ExternalSource::Nfz,
            &["nfz", "narodowy fundusz zdrowia"][..],
        ),
        (
            ExternalSource::Kcpu,
            &["kcpu", "krajowe centrum", "kbpn", "parpa"][..],
        ),
        (
            ExternalSource::Voivodeship,
            &["wojewodztw", "marszal", "rops"][..],
        ),
        (ExternalSource::Other, &["inne", "inny", "pozostale"][..]),
    ];
    known
        .iter()
        .find(|(_, words)| words.iter().any(|w| key.contains(w)))
        .map(|(s, _)| *s)
        .ok_or_else(|| {
            format!(
                "„{}”: nieznane źródło; dozwolone: NFZ, KCPU, samorząd województwa, inne",
                short(text.trim())
            )
        })
}

/// The columns of the grid of money from outside the gmina budget.
pub const EXTERNAL_COLUMNS: [Column; 3] = [
    Column {
        key: "source",
        label: "Skąd",
        headers: &["źródło", "źródło finansowania", "instytucja", "od kogo"],
    },
    Column {
        key: "description",
        label: "Opis",
        headers: &["nazwa", "przeznaczenie", "na co", "tytuł"],
    },
    Column {
        key: "amount",
        label: "Kwota",
        headers: &["wartość", "kwota otrzymana", "środki"],
    },
];

/// The data rows read as money from outside the gmina budget (without ids).
pub fn external_funding(pasted: &Pasted, mapping: &Mapping) -> Vec<Read<ExternalFunding>> {
    mapping
        .data(pasted)
        .iter()
        .map(|row| {
            let cell = |key| cell_of(row, mapping, &EXTERNAL_COLUMNS, key);
            let mut problems = Vec::new();
            let mut value = ExternalFunding {
                description: cell("description").trim().to_string(),
                ..Default::default()
            };
            // Unreadable, the source is "inne" until corrected (never a guessed NFZ).
            value.source = external_source_cell(cell("source")).unwrap_or_else(|e| {
                problems.push(("source", e));
                ExternalSource::Other
            });
            match amount_cell(cell("amount")) {
                Ok(v) => value.amount = v,
                Err(e) => problems.push(("amount", e)),
            }
            Read {
                line: row.line,
                value,
                problems,
            }
        })
        .collect()
}

/// A count or measure as written in a sheet: `1 650`, `12,5`; `ok. 30` or `~30` is an estimate
/// (the flag is returned); `-` or empty is no value. A formula is refused, never evaluated.
pub fn number_cell(text: &str) -> Result<(Option<Decimal>, bool), String> {
    let t = text.trim();
    if t.is_empty() || matches!(t, "-" | "–" | "—") {
        return Ok((None, false));
    }
    if t.starts_with('=') {
        return Err(format!(
            "„{}” to formuła arkusza, a nie liczba; skopiuj wartości (Wklej specjalnie → Wartości)",
            short(t)
        ));
    }
    let lower = t.to_lowercase();
    let (body, approximate) = match lower
        .strip_prefix("ok.")
        .or_else(|| lower.strip_prefix("około"))
        .or_else(|| lower.strip_prefix('~'))
    {
        Some(rest) => (rest.trim(), true),
        None => (t, false),
    };
    parse_number(body)
        .map(|n| (n, approximate && n.is_some()))
        .map_err(|e| format!("„{}”: {e}", short(t)))
}

/// What an indicator counts, from the unit as written (`osoby`, `os.`, `konsultacje`,
/// `godz.`, `%`, …); an empty cell is persons.
pub fn unit_cell(text: &str) -> Result<IndicatorUnit, String> {
    let key = header_key(text);
    if key.is_empty() {
        return Ok(IndicatorUnit::Persons);
    }
    let known: [(IndicatorUnit, &[&str]); 8] = [
        (IndicatorUnit::Percent, &["%", "procent"]),
        (IndicatorUnit::Hours, &["godz", "h"]),
        (
            IndicatorUnit::Consultations,
            &["konsultac", "porad", "porady"],
        ),
        (
            IndicatorUnit::Sessions,
            &["spotkan", "zajec", "zajecia", "sesj", "warsztat", "szkolen"],
        ),
        (
            IndicatorUnit::Events,
            &["wydarzen", "kampani", "interwencj", "imprez"],
        ),
        (IndicatorUnit::Items, &["szt", "egz", "material", "test"]),
        (
            IndicatorUnit::Persons,
            &["os", "osob", "osoby", "uczestn", "dzieci", "uczniow"],
        ),
        (IndicatorUnit::Other, &["inne", "inna"]),
    ];
    known
        .iter()
        .find(|(_, words)| words.iter().any(|w| key == *w || key.starts_with(w)))
        .map(|(u, _)| *u)
        .ok_or_else(|| {
            format!(
                "„{}”: nieznana jednostka; dozwolone: osoby, konsultacje, spotkania, wydarzenia, sztuki, godziny, procent, inne",
                short(text.trim())
            )
        })
}

/// The columns of an activity's indicator grid.
pub const INDICATOR_COLUMNS: [Column; 4] = [
    Column {
        key: "name",
        label: "Wskaźnik",
        headers: &["nazwa wskaźnika", "nazwa", "miernik", "wskaźnik realizacji"],
    },
    Column {
        key: "unit",
        label: "Jednostka",
        headers: &["j.m.", "jm", "jednostka miary"],
    },
    Column {
        key: "planned",
        label: "Plan",
        headers: &[
            "planowano",
            "wartość planowana",
            "zakładano",
            "wartość docelowa",
        ],
    },
    Column {
        key: "achieved",
        label: "Wykonanie",
        headers: &[
            "osiągnięto",
            "wartość osiągnięta",
            "zrealizowano",
            "wykonano",
        ],
    },
];

/// The data rows read as indicators (without ids).
pub fn indicators(pasted: &Pasted, mapping: &Mapping) -> Vec<Read<Indicator>> {
    mapping
        .data(pasted)
        .iter()
        .map(|row| {
            let cell = |key| cell_of(row, mapping, &INDICATOR_COLUMNS, key);
            let mut problems = Vec::new();
            let mut value = Indicator {
                name: cell("name").trim().to_string(),
                ..Default::default()
            };
            match unit_cell(cell("unit")) {
                Ok(u) => value.unit = u,
                Err(e) => problems.push(("unit", e)),
            }
            for (key, slot) in [
                ("planned", &mut value.planned),
                ("achieved", &mut value.achieved),
            ] {
                match number_cell(cell(key)) {
                    Ok((n, approx)) => {
                        *slot = n;
                        value.approximate |= approx;
                    }
                    Err(e) => problems.push((key, e)),
                }
            }
            Read {
                line: row.line,
                value,
                problems,
            }
        })
        .collect()
}

/// An activity's state from its cell (`zrealizowane`, `tak`, `częściowo`, `nie`, …); an empty
/// cell is done.
pub fn status_cell(text: &str) -> Result<Status, String> {
    let key = header_key(text);
    if key.is_empty() {
        return Ok(Status::Done);
    }
    if key.contains("czesciow") || key.starts_with("w trakcie") {
        return Ok(Status::Partly);
    }
    if key.starts_with("nie") || key.contains("odwolan") {
        return Ok(Status::NotDone);
    }
    if key.starts_with("zrealizow") || key.starts_with("wykonan") || key == "tak" {
        return Ok(Status::Done);
    }
    Err(format!(
        "„{}”: nieznany stan; dozwolone: zrealizowane, zrealizowane częściowo, niezrealizowane",
        short(text.trim())
    ))
}

/// The columns of a task's activity overview.
pub const ACTIVITY_COLUMNS: [Column; 9] = [
    Column {
        key: "title",
        label: "Nazwa działania",
        headers: &[
            "działanie",
            "nazwa",
            "nazwa zadania",
            "rodzaj działania",
            "forma",
        ],
    },
    Column {
        key: "realizers",
        label: "Realizator",
        headers: &[
            "realizatorzy",
            "wykonawca",
            "podmiot realizujący",
            "organizacja",
        ],
    },
    Column {
        key: "participants",
        label: "Uczestnicy",
        headers: &[
            "liczba uczestników",
            "liczba osób",
            "odbiorcy",
            "liczba odbiorców",
        ],
    },
    Column {
        key: "planned",
        label: "Koszt planowany",
        headers: &["plan", "kwota planowana"],
    },
    Column {
        key: "executed",
        label: "Koszt wykonany",
        headers: &[
            "koszt",
            "wykonanie",
            "kwota",
            "wydatki",
            "kwota wydatkowana",
        ],
    },
    Column {
        key: "chapter",
        label: "Rozdział",
        headers: &["rozdz.", "rozdz"],
    },
    Column {
        key: "paragraph",
        label: "Paragraf",
        headers: &["§", "par."],
    },
    Column {
        key: "status",
        label: "Stan realizacji",
        headers: &["stan", "status", "realizacja"],
    },
    Column {
        key: "description",
        label: "Opis",
        headers: &["opis działania", "uwagi", "opis realizacji"],
    },
];

/// An activity read from a sheet, with its realizers by name (the caller finds them in the
/// partner register or adds them).
#[derive(Clone, Debug, PartialEq)]
pub struct PastedActivity {
    /// Without an id; participants, when given, as one indicator in persons.
    pub activity: Activity,
    pub realizers: Vec<String>,
}

/// The data rows read as activities. Several realizers in one cell are separated by `;` or a
/// line break.
pub fn activities(pasted: &Pasted, mapping: &Mapping) -> Vec<Read<PastedActivity>> {
    mapping
        .data(pasted)
        .iter()
        .map(|row| {
            let cell = |key| cell_of(row, mapping, &ACTIVITY_COLUMNS, key);
            let mut problems = Vec::new();
            let mut a = Activity {
                title: cell("title").trim().to_string(),
                description: cell("description").trim().to_string(),
                cost: Cost::default(),
                ..Default::default()
            };
            match number_cell(cell("participants")) {
                Ok((None, _)) => {}
                Ok((Some(n), approximate)) => a.indicators.push(Indicator {
                    name: "uczestnicy".into(),
                    unit: IndicatorUnit::Persons,
                    achieved: Some(n),
                    approximate,
                    ..Default::default()
                }),
                Err(e) => problems.push(("participants", e)),
            }
            for (key, slot) in [
                ("planned", &mut a.cost.planned),
                ("executed", &mut a.cost.executed),
            ] {
                match amount_cell(cell(key)) {
                    Ok(v) => *slot = v,
                    Err(e) => problems.push((key, e)),
                }
            }
            match chapter_cell(cell("chapter")) {
                Ok(v) => a.cost.chapter = v,
                Err(e) => problems.push(("chapter", e)),
            }
            match paragraph_cell(cell("paragraph")) {
                Ok(v) => a.cost.paragraph = v,
                Err(e) => problems.push(("paragraph", e)),
            }
            match status_cell(cell("status")) {
                Ok(v) => a.status = v,
                Err(e) => problems.push(("status", e)),
            }
            if a.title.is_empty() {
                problems.push(("title", "brak nazwy działania".to_string()));
            }
            let realizers = cell("realizers")
                .split([';', '\n'])
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string)
                .collect();
            Read {
                line: row.line,
                value: PastedActivity {
                    activity: a,
                    realizers,
                },
                problems,
            }
        })
        .collect()
}
