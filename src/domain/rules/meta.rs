//! Checks of the title-page data: the gmina (name, TERYT, voivodeship), the report year, who
//! prepared the report and when, the council deadline, the NPZ edition.

use crate::domain::catalogue::catalogue;
use crate::domain::model::{CouncilOutcome, Date, GminaKind, Regime, Report};

use super::{blank, params, text, Ctx, MAX_YEAR, MIN_YEAR};
use super::{
    COUNCIL_DEADLINE_AFTER_STATUTORY, COUNCIL_DEADLINE_WITHIN_YEAR,
    COUNCIL_PRESENTED_BEFORE_YEAR_END, COUNCIL_PRESENTED_LATE, COUNCIL_RESOLUTION_NUMBER_MISSING,
    NPZ_EDITION_UNKNOWN, NPZ_EDITION_YEAR_MISMATCH, RECOMMENDED_FIELD_MISSING,
    REPORT_PREPARED_AFTER_DEADLINE, REPORT_PREPARED_WITHIN_YEAR, REQUIRED_FIELD_MISSING,
    TERYT_KIND_MISMATCH, TERYT_MALFORMED, TERYT_MISSING, TERYT_VOIVODESHIP_MISMATCH,
    TERYT_VOIVODESHIP_UNKNOWN, YEAR_IMPLAUSIBLE,
};

/// The voivodeship codes of TERYT (the first two digits) and their names. Reference data of
/// the TERYT register, stable since the 1999 reform.
const VOIVODESHIPS: [(&str, &str); 16] = [
    ("02", "dolnośląskie"),
    ("04", "kujawsko-pomorskie"),
    ("06", "lubelskie"),
    ("08", "lubuskie"),
    ("10", "łódzkie"),
    ("12", "małopolskie"),
    ("14", "mazowieckie"),
    ("16", "opolskie"),
    ("18", "podkarpackie"),
    ("20", "podlaskie"),
    ("22", "pomorskie"),
    ("24", "śląskie"),
    ("26", "świętokrzyskie"),
    ("28", "warmińsko-mazurskie"),
    ("30", "wielkopolskie"),
    ("32", "zachodniopomorskie"),
];

/// In TERYT, powiat codes from 61 up are cities with powiat rights (miasta na prawach powiatu).
const FIRST_CITY_POWIAT_CODE: u8 = 61;

/// Whether the report year is one the date checks can reason about.
pub(super) fn plausible_year(year: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

pub(super) fn check(cx: &mut Ctx) {
    let r = cx.report;
    required(cx, r);
    teryt(cx, r);
    report_dates(cx, r);
    npz(cx, r);
}

fn required(cx: &mut Ctx, r: &Report) {
    let require = |cx: &mut Ctx, missing: bool, path: &str| {
        if missing {
            cx.emit(
                &REQUIRED_FIELD_MISSING,
                path,
                params!["field" => text::field(path)],
            );
        }
    };
    require(cx, blank(&r.gmina.name), "gmina.name");
    if blank(&r.gmina.teryt) {
        // No real report states it: a hint, never a demand.
        cx.emit(&TERYT_MISSING, "gmina.teryt", params![]);
    }
    require(cx, r.year == 0, "year");
    require(cx, blank(&r.program.title), "program.title");
    require(
        cx,
        blank(&r.program.resolution.number),
        "program.resolution.number",
    );
    require(
        cx,
        blank(&r.program.resolution.council),
        "program.resolution.council",
    );
    require(cx, r.program.period_from == 0, "program.period_from");
    require(cx, r.program.period_to == 0, "program.period_to");

    if r.year != 0 && !plausible_year(r.year) {
        cx.emit(
            &YEAR_IMPLAUSIBLE,
            "year",
            params!["year" => r.year, "min" => MIN_YEAR, "max" => MAX_YEAR],
        );
    }

    let recommend = |cx: &mut Ctx, missing: bool, path: &str| {
        if missing {
            cx.emit(
                &RECOMMENDED_FIELD_MISSING,
                path,
                params!["field" => text::field(path)],
            );
        }
    };
    recommend(cx, blank(&r.gmina.voivodeship), "gmina.voivodeship");
    recommend(cx, blank(&r.prepared_by), "prepared_by");
    recommend(cx, r.prepared_on.is_none(), "prepared_on");
}

fn normalise_voivodeship(s: &str) -> String {
    let s = s.trim().to_lowercase();
    let s = s
        .strip_prefix("województwo")
        .or_else(|| s.strip_prefix("woj."))
        .unwrap_or(&s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn teryt(cx: &mut Ctx, r: &Report) {
    let code = r.gmina.teryt.trim();
    if code.is_empty() {
        return; // a note of its own
    }
    let digits: Vec<u8> = code.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    let kind_digit = digits.get(6).copied();
    if digits.len() != 7
        || digits.iter().any(|d| *d > 9)
        || !matches!(kind_digit, Some(1..=5 | 8 | 9))
    {
        cx.emit(
            &TERYT_MALFORMED,
            "gmina.teryt",
            params!["teryt" => r.gmina.teryt],
        );
        return;
    }
    let kind_digit = digits[6];
    let voivodeship_code = &code[..2];
    match VOIVODESHIPS.iter().find(|(c, _)| *c == voivodeship_code) {
        None => cx.emit(
            &TERYT_VOIVODESHIP_UNKNOWN,
            "gmina.teryt",
            params!["teryt" => code, "code" => voivodeship_code],
        ),
        Some((_, name)) => {
            let written = normalise_voivodeship(&r.gmina.voivodeship);
            if !written.is_empty() && written != *name {
                cx.emit(
                    &TERYT_VOIVODESHIP_MISMATCH,
                    "gmina.voivodeship",
                    params![
                        "teryt" => code,
                        "expected" => name,
                        "voivodeship" => r.gmina.voivodeship.trim(),
                    ],
                );
            }
        }
    }
    let city = digits[2] * 10 + digits[3] >= FIRST_CITY_POWIAT_CODE;
    // A kind not yet chosen cannot contradict the code.
    let Some(kind) = r.gmina.kind else {
        return;
    };
    let matches_kind = match (kind_digit, kind) {
        (1, GminaKind::CityWithPowiatRights) => city,
        (1, GminaKind::Urban) => !city,
        (2, GminaKind::Rural) | (3, GminaKind::UrbanRural) => true,
        _ => false,
    };
    if !matches_kind {
        cx.emit(
            &TERYT_KIND_MISMATCH,
            "gmina.kind",
            params![
                "teryt" => code,
                "teryt_kind" => text::teryt_kind(kind_digit, city),
                "kind" => text::gmina_kind(kind),
            ],
        );
    }
}

fn report_dates(cx: &mut Ctx, r: &Report) {
    if !plausible_year(r.year) {
        return;
    }
    let Some(year_end) = Date::new(r.year, 12, 31) else {
        return;
    };
    if let Some(prepared) = r.prepared_on {
        if prepared <= year_end {
            cx.emit(
                &REPORT_PREPARED_WITHIN_YEAR,
                "prepared_on",
                params!["date" => text::date(prepared), "year" => r.year],
            );
        }
    }
    if let Some(deadline) = r.council_deadline {
        if deadline <= year_end {
            cx.emit(
                &COUNCIL_DEADLINE_WITHIN_YEAR,
                "council_deadline",
                params!["date" => text::date(deadline), "year" => r.year],
            );
        }
    }
    // From 2022 the deadline is statutory: 30 June of the next year (art. 4¹ ust. 2b).
    let statutory = (r.year >= Regime::JOINT_FROM_YEAR)
        .then(|| Report::default_deadline(r.year))
        .flatten();
    if let (Some(deadline), Some(statutory)) = (r.council_deadline, statutory) {
        if deadline > statutory {
            cx.emit(
                &COUNCIL_DEADLINE_AFTER_STATUTORY,
                "council_deadline",
                params![
                    "date" => text::date(deadline),
                    "year" => r.year,
                    "statutory" => text::date(statutory),
                ],
            );
        }
    }
    if let Some(presented) = r.council.presented_on {
        if presented <= year_end {
            cx.emit(
                &COUNCIL_PRESENTED_BEFORE_YEAR_END,
                "council.presented_on",
                params!["date" => text::date(presented), "year" => r.year],
            );
        } else if let Some(statutory) = statutory.filter(|s| presented > *s) {
            cx.emit(
                &COUNCIL_PRESENTED_LATE,
                "council.presented_on",
                params!["date" => text::date(presented), "statutory" => text::date(statutory)],
            );
        }
    }
    if r.council.outcome == CouncilOutcome::Resolution && blank(&r.council.resolution_number) {
        cx.emit(
            &COUNCIL_RESOLUTION_NUMBER_MISSING,
            "council.resolution_number",
            params![],
        );
    }
    if let (Some(prepared), Some(deadline)) = (r.prepared_on, r.council_deadline) {
        if prepared > deadline && deadline > year_end {
            cx.emit(
                &REPORT_PREPARED_AFTER_DEADLINE,
                "prepared_on",
                params![
                    "prepared" => text::date(prepared),
                    "deadline" => text::date(deadline),
                ],
            );
        }
    }
}

fn npz(cx: &mut Ctx, r: &Report) {
    let id = r.program.npz_edition.trim();
    match catalogue().npz(id) {
        None if id.is_empty() => cx.emit(&NPZ_EDITION_UNKNOWN, "program.npz_edition", params![]),
        None => cx.emit(
            &NPZ_EDITION_UNKNOWN,
            "program.npz_edition",
            params!["npz" => id],
        ),
        Some(e) => {
            if plausible_year(r.year) && !(e.from_year..=e.to_year).contains(&r.year) {
                cx.emit(
                    &NPZ_EDITION_YEAR_MISMATCH,
                    "program.npz_edition",
                    params![
                        "npz" => text::npz(&e.name),
                        "from" => e.from_year,
                        "to" => e.to_year,
                        "year" => r.year,
                    ],
                );
            }
        }
    }
}
