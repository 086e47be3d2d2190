//! Checks only a comparison with last year can make (when a previous year is linked): the
//! linked report is the same gmina's of the year before; no figure grew or shrank tenfold
//! unnoticed (a zero too many or too few); no activity or partner of last year is gone without
//! a word; the permit-fee money carried in is what last year left (art. 18²).
//!
//! "Without a word" is kept simple: an activity or partner of last year counts as explained
//! when this year's report names it — its name as last year's report wrote it, case, spacing
//! and quote style aside — in any of its texts (introduction, monitoring, conclusions, reasons
//! for tasks without activities, activities' descriptions, notes and reasons, the GKRPA's and
//! consultation points' notes, the council notes, partners' roles, coalitions' descriptions).
//! Pairing an activity by hand with this year's also settles it. Only the first
//! [`compare::MENTION_SEARCH_LIMIT`] names are searched for, to keep the checks fast. Everything
//! it compares comes from [`crate::domain::compare`], so the checks and the "Porównanie" view
//! never disagree.

use crate::domain::compare::{self, normalise_name, TENFOLD_FACTOR};
use crate::domain::model::Report;

use super::{params, text, Ctx};
use super::{
    ACTIVITY_DISAPPEARED, CARRY_OVER_MISMATCH, FIGURE_CHANGED_TENFOLD, PARTNER_DISAPPEARED,
    PREVIOUS_YEAR_MISMATCH,
};

pub(super) fn check(cx: &mut Ctx) {
    let r = cx.report;
    let Some(link) = r.previous_year.as_ref() else {
        return;
    };
    linked_report(cx, r);
    let Some(c) = compare::compare(r) else {
        return;
    };
    let last_year = c.last_year;
    for (section, row) in c.rows() {
        if !row.changed_tenfold() {
            continue;
        }
        let figure = match &row.group {
            Some(g) => format!("{g}, {}", row.label),
            None => row.label.clone(),
        };
        cx.emit(
            &FIGURE_CHANGED_TENFOLD,
            row.path.clone().unwrap_or_else(|| "previous_year".into()),
            params![
                "section" => section.title(),
                "figure" => figure,
                "last" => row.last_text(),
                "last_year" => last_year,
                "this" => row.this_text(),
                "year" => r.year,
                "factor" => TENFOLD_FACTOR,
            ],
        );
    }
    for gone in c.activities_gone.iter().filter(|g| !g.mentioned) {
        cx.emit(
            &ACTIVITY_DISAPPEARED,
            format!("previous_year.figures.activities[{}]", gone.index),
            params![
                "last_year" => last_year,
                "activity" => text::quoted_or_number(&gone.name, gone.index, "bez tytułu"),
            ],
        );
    }
    for gone in c.partners_gone.iter().filter(|g| !g.mentioned) {
        cx.emit(
            &PARTNER_DISAPPEARED,
            format!("previous_year.figures.partners[{}]", gone.index),
            params![
                "last_year" => last_year,
                "partner" => text::quoted_or_number(&gone.name, gone.index, "bez nazwy"),
            ],
        );
    }
    let carry = c.carry_over;
    if let (true, Some(left)) = (carry.mismatch(), carry.carried_out_last_year) {
        let mut p = params![
            "last_year" => link.figures.year,
            "year" => r.year,
            "left" => text::amount(left),
        ];
        match carry.carried_in_this_year {
            Some(carried) => p.push(("carried", text::amount(carried))),
            None => p.push(("none_from", link.figures.year.to_string())),
        }
        cx.emit(&CARRY_OVER_MISMATCH, "budget.carried_over", p);
    }
}

/// The linked report is the same gmina's (when both names are given) of the year before.
fn linked_report(cx: &mut Ctx, r: &Report) {
    let Some(link) = r.previous_year.as_ref() else {
        return;
    };
    let source = &link.source;
    let year = if source.year != 0 {
        source.year
    } else {
        link.figures.year
    };
    let (theirs, ours) = (normalise_name(&source.gmina), normalise_name(&r.gmina.name));
    let other_gmina = !theirs.is_empty() && !ours.is_empty() && theirs != ours;
    let other_year = r.year != 0 && year != r.year - 1;
    if other_gmina || other_year {
        let gmina = match source.gmina.trim() {
            "" => "gminy bez nazwy".to_string(),
            g => format!("gminy {}", text::quoted_or_number(g, 0, "")),
        };
        cx.emit(
            &PREVIOUS_YEAR_MISMATCH,
            "previous_year.source",
            params![
                "other" => format!("{gmina} za {year} r."),
                "gmina" => text::quoted_or_number(&r.gmina.name, 0, "bez nazwy"),
                "year" => r.year,
                "previous" => r.year - 1,
            ],
        );
    }
}
