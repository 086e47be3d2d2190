//! Checks of the program: its regime for the report year, its period, and the council
//! resolution that adopted it (number, date).
//!
//! Resolution numbers: Polish councils number resolutions `session/number/year`, the session in
//! roman numerals (`XIX/334/2020`). Some councils separate with dots (`XIX.334.2020`), both are
//! accepted. The year part normally has 4 digits; a 2-digit year (`XIX/334/20`) is accepted as
//! 20YY with an informational note, since it is common in older documents and copied numbers.

use crate::domain::model::{Date, Regime, Report};

use super::meta::plausible_year;
use super::{params, text, Ctx};
use super::{
    PROGRAM_PERIOD_REVERSED, PROGRAM_PERIOD_TOO_LONG, REGIME_SEPARATE_FROM_2022,
    RESOLUTION_AFTER_JOINT_DEADLINE, RESOLUTION_AFTER_PROGRAM_START, RESOLUTION_AFTER_REPORT_YEAR,
    RESOLUTION_DATE_MISSING, RESOLUTION_NUMBER_MALFORMED, RESOLUTION_SESSION_ROMAN_INVALID,
    RESOLUTION_YEAR_MISMATCH, RESOLUTION_YEAR_TWO_DIGIT, YEAR_OUTSIDE_PROGRAM_PERIOD,
};

/// The deadline by which gminas had to adopt the first joint program (transitional provision
/// of the 2021 reform that merged PARPA and the drug bureau into KCPU).
pub fn joint_program_deadline() -> Date {
    Date::new(Regime::JOINT_FROM_YEAR, 3, 31).expect("31 March exists")
}

pub(super) fn check(cx: &mut Ctx) {
    let r = cx.report;
    regime(cx, r);
    period(cx, r);
    resolution_number(cx, r);
    resolution_date(cx, r);
}

fn regime(cx: &mut Ctx, r: &Report) {
    if !plausible_year(r.year) {
        return;
    }
    // Before 2022 a drug-only, an alcohol-only and a combined program were all legitimate (many
    // gminas combined both voluntarily); from 2022 only the joint program is.
    if r.program.regime != Regime::Joint && r.year >= Regime::JOINT_FROM_YEAR {
        cx.emit(
            &REGIME_SEPARATE_FROM_2022,
            "program.regime",
            params!["year" => r.year, "regime" => text::regime(r.program.regime)],
        );
    }
}

fn period(cx: &mut Ctx, r: &Report) {
    let (from, to) = (r.program.period_from, r.program.period_to);
    if from == 0 || to == 0 {
        return; // reported as missing required fields
    }
    if from > to {
        cx.emit(
            &PROGRAM_PERIOD_REVERSED,
            "program.period_to",
            params!["from" => from, "to" => to],
        );
        return;
    }
    // Art. 4¹ ust. 2a (from 2022): a program is drawn up for at most 4 years.
    let years = to - from + 1;
    if years > 4 && r.year >= Regime::JOINT_FROM_YEAR {
        cx.emit(
            &PROGRAM_PERIOD_TOO_LONG,
            "program.period_to",
            params!["period" => text::period(from, to), "years" => years],
        );
    }
    if r.year != 0 && !(from..=to).contains(&r.year) {
        let path = if r.year < from {
            "program.period_from"
        } else {
            "program.period_to"
        };
        cx.emit(
            &YEAR_OUTSIDE_PROGRAM_PERIOD,
            path,
            params!["year" => r.year, "period" => text::period(from, to)],
        );
    }
}

/// The value of a roman numeral read leniently (`IIII` → 4), if it has only roman letters.
fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<i64> = s.chars().map(digit).collect::<Option<_>>()?;
    if values.is_empty() {
        return None;
    }
    let mut total = 0i64;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= v,
            _ => total += v,
        }
    }
    // Nonsense such as `IIIIIX` may sum to nothing; clamp to something positive.
    u32::try_from(total.max(1)).ok()
}

/// The canonical roman numeral of a number from 1 to 3999.
fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// A resolution number split into its parts.
struct ResolutionNumber<'a> {
    session: &'a str,
    /// The year the number states (a 2-digit year read as 20YY).
    year: i32,
    two_digit_year: Option<&'a str>,
}

/// Splits `XIX/334/2020` (or `XIX.334.2020`); `None` when the shape is wrong. The session part
/// is returned as written (uppercase roman letters), to be validated as a numeral separately.
fn parse_resolution_number(number: &str) -> Option<ResolutionNumber<'_>> {
    let sep = if number.contains('/') { '/' } else { '.' };
    let parts: Vec<&str> = number.split(sep).collect();
    let [session, num, year] = parts[..] else {
        return None;
    };
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let is_roman_letters = |s: &str| !s.is_empty() && s.chars().all(|c| "IVXLCDM".contains(c));
    if !is_roman_letters(session) || !is_digits(num) || !is_digits(year) {
        return None;
    }
    let (year, two_digit_year) = match year.len() {
        4 => (year.parse().ok()?, None),
        2 => (2000 + year.parse::<i32>().ok()?, Some(year)),
        _ => return None,
    };
    Some(ResolutionNumber {
        session,
        year,
        two_digit_year,
    })
}

fn resolution_number(cx: &mut Ctx, r: &Report) {
    let res = &r.program.resolution;
    let number = res.number.trim();
    if number.is_empty() {
        return; // reported as a missing required field
    }
    let path = "program.resolution.number";
    let Some(parsed) = parse_resolution_number(number) else {
        cx.emit(
            &RESOLUTION_NUMBER_MALFORMED,
            path,
            params!["number" => number],
        );
        return;
    };
    let value = roman_value(parsed.session).unwrap_or(1);
    if to_roman(value) != parsed.session {
        let suggestion = to_roman(value);
        let mut p = params!["session" => parsed.session, "number" => number];
        if (1..4000).contains(&value) {
            p.push(("suggestion", suggestion));
        }
        cx.emit(&RESOLUTION_SESSION_ROMAN_INVALID, path, p);
    }
    if let Some(year_part) = parsed.two_digit_year {
        cx.emit(
            &RESOLUTION_YEAR_TWO_DIGIT,
            path,
            params!["number" => number, "year_part" => year_part, "year" => parsed.year],
        );
    }
    if let Some(date) = res.date {
        if date.year() != parsed.year {
            cx.emit(
                &RESOLUTION_YEAR_MISMATCH,
                path,
                params![
                    "number" => number,
                    "number_year" => parsed.year,
                    "date" => text::date(date),
                ],
            );
        }
    }
}

fn resolution_date(cx: &mut Ctx, r: &Report) {
    let program = &r.program;
    let path = "program.resolution.date";
    let Some(date) = program.resolution.date else {
        cx.emit(&RESOLUTION_DATE_MISSING, path, params![]);
        return;
    };
    if plausible_year(r.year) {
        if let Some(year_end) = Date::new(r.year, 12, 31) {
            if date > year_end {
                cx.emit(
                    &RESOLUTION_AFTER_REPORT_YEAR,
                    path,
                    params!["date" => text::date(date), "year" => r.year],
                );
                return;
            }
        }
    }
    if !plausible_year(program.period_from) {
        return;
    }
    let Some(start) = Date::new(program.period_from, 1, 1) else {
        return;
    };
    if date <= start {
        return;
    }
    // The first joint program could lawfully be adopted until 31 March 2022; the old programs
    // stayed in force until then.
    let first_joint =
        program.regime == Regime::Joint && program.period_from == Regime::JOINT_FROM_YEAR;
    if first_joint {
        let deadline = joint_program_deadline();
        if date > deadline {
            cx.emit(
                &RESOLUTION_AFTER_JOINT_DEADLINE,
                path,
                params![
                    "from" => program.period_from,
                    "date" => text::date(date),
                    "deadline" => text::date(deadline),
                ],
            );
        }
        return;
    }
    cx.emit(
        &RESOLUTION_AFTER_PROGRAM_START,
        path,
        params!["date" => text::date(date), "from" => program.period_from],
    );
}
