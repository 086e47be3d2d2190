//! Checks of money: every amount is a non-negative sum in złoty and grosze; budget lines have
//! their plan and execution and do not spend over plan; chapters and paragraphs are real codes;
//! activity costs add up, chapter by chapter, to the budget's execution; money from alcohol
//! permit fees goes only to the program (art. 18² of the sobriety act) and not beyond what came in.
//!
//! When no activity has an executed cost the chapter comparison is not a mismatch: the report
//! simply cannot show spending per task (the Kalisz 2020 report gives only the chapter total),
//! which is said in an informational note.

use std::collections::BTreeMap;

use crate::domain::catalogue::catalogue;
use crate::domain::model::{Amount, Area, FundingSource, Report};

use super::{params, text, Ctx, Params};
use super::{
    ACTIVITY_COSTS_NOT_GIVEN, ACTIVITY_COST_CHAPTER_MISSING, AMOUNT_NEGATIVE,
    AMOUNT_TOO_MANY_DECIMALS, BUDGET_AMOUNT_MISSING, BUDGET_MISSING, CHAPTER_AREA_MISMATCH,
    CHAPTER_SUM_MISMATCH, CHAPTER_UNKNOWN, EXECUTED_OVER_PLAN, PARAGRAPH_MALFORMED,
    PARAGRAPH_UNUSUAL, PERMIT_FEES_EXCEED_INCOME, PERMIT_FEES_OUTSIDE_PROGRAM,
    PERMIT_FEE_INCOME_MISSING, REQUIRED_FIELD_MISSING,
};

/// Rozdział 85153 Zwalczanie narkomanii (budget classification).
pub const DRUGS_CHAPTER: &str = "85153";
/// Rozdział 85154 Przeciwdziałanie alkoholizmowi (budget classification).
pub const ALCOHOL_CHAPTER: &str = "85154";
/// Chapters where spending funded by permit fees is expected: the two program chapters and
/// 85195 (pozostała działalność), where some gminas charge program tasks. Anything else (e.g.
/// 85205, domestic violence; sport or road chapters) is what audit chambers question.
pub const PERMIT_FEE_CHAPTERS: [&str; 3] = [DRUGS_CHAPTER, ALCOHOL_CHAPTER, "85195"];

pub(super) fn check(cx: &mut Ctx) {
    let r = cx.report;
    amounts(cx, r);
    budget_lines(cx, r);
    activity_costs(cx, r);
    chapter_sums(cx, r);
    permit_fees(cx, r);
}

fn is_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

/// Reports an amount that is negative or has more than two decimals. The path and the words
/// naming the amount are built only when something is wrong (this runs on every amount).
fn check_amount(cx: &mut Ctx, v: Amount, path: impl Fn() -> String, label: impl Fn() -> String) {
    let d = v.value();
    let negative = d.is_sign_negative() && !d.is_zero();
    let too_precise = d.scale() > 2 && d.normalize().scale() > 2;
    if negative {
        cx.emit(
            &AMOUNT_NEGATIVE,
            path(),
            params!["field" => label(), "amount" => text::amount(v)],
        );
    }
    if too_precise {
        cx.emit(
            &AMOUNT_TOO_MANY_DECIMALS,
            path(),
            params!["field" => label(), "amount" => text::amount(v)],
        );
    }
}

fn amounts(cx: &mut Ctx, r: &Report) {
    for (i, l) in r.budget.lines.iter().enumerate() {
        for (field, value) in [
            ("planned", l.planned),
            ("after_changes", l.after_changes),
            ("executed", l.executed),
        ] {
            if let Some(v) = value {
                check_amount(
                    cx,
                    v,
                    || format!("budget.lines[{i}].{field}"),
                    || format!("{}, {}", text::budget_line(i, l), text::budget_field(field)),
                );
            }
        }
    }
    if let Some(v) = r.budget.permit_fee_income {
        check_amount(
            cx,
            v,
            || "budget.permit_fee_income".into(),
            || text::budget_field("permit_fee_income").into(),
        );
    }
    if let Some(v) = r.budget.carried_over {
        check_amount(
            cx,
            v,
            || "budget.carried_over".into(),
            || text::budget_field("carried_over").into(),
        );
    }
    for (i, e) in r.budget.external.iter().enumerate() {
        if let Some(v) = e.amount {
            check_amount(
                cx,
                v,
                || format!("budget.external[{i}].amount"),
                || text::external_funding(i, &e.description, e.source.label()),
            );
        }
    }
    for (i, a) in r.activities.iter().enumerate() {
        for (field, value) in [("planned", a.cost.planned), ("executed", a.cost.executed)] {
            if let Some(v) = value {
                check_amount(
                    cx,
                    v,
                    || format!("activities[{i}].cost.{field}"),
                    || {
                        format!(
                            "{}, {}",
                            text::activity_place(i, a),
                            text::cost_field(field)
                        )
                    },
                );
            }
        }
    }
}

fn chapter_params(place: String, chapter: &str) -> Params {
    let well_formed = is_digits(chapter, 5);
    params![
        "place" => place,
        "chapter" => chapter,
        "problem" => text::chapter_problem(well_formed),
        "known" => text::known_chapters(),
    ]
}

fn paragraph(cx: &mut Ctx, path: impl Fn() -> String, place: impl Fn() -> String, paragraph: &str) {
    if paragraph.is_empty() {
        return; // a line may give only the chapter total (as Kalisz's report does)
    }
    if !is_digits(paragraph, 4) {
        cx.emit(
            &PARAGRAPH_MALFORMED,
            path(),
            params!["place" => place(), "paragraph" => paragraph],
        );
        return;
    }
    // The 4th digit may mark the source of money (4300 / 4307 / 4309), so compare the first three.
    let family = &paragraph[..3];
    let usual = catalogue()
        .paragraphs
        .iter()
        .any(|p| p.code.get(..3) == Some(family));
    if !usual {
        cx.emit(
            &PARAGRAPH_UNUSUAL,
            path(),
            params!["place" => place(), "paragraph" => paragraph],
        );
    }
}

fn budget_lines(cx: &mut Ctx, r: &Report) {
    if r.budget.lines.is_empty() {
        cx.emit(&BUDGET_MISSING, "budget.lines", params![]);
        return;
    }
    for (i, l) in r.budget.lines.iter().enumerate() {
        let line = text::budget_line(i, l);
        let chapter = l.chapter.trim();
        if chapter.is_empty() {
            let path = format!("budget.lines[{i}].chapter");
            let field = text::field(&path);
            cx.emit(&REQUIRED_FIELD_MISSING, path, params!["field" => field]);
        } else if !is_digits(chapter, 5) || catalogue().chapter(chapter).is_none() {
            cx.emit(
                &CHAPTER_UNKNOWN,
                format!("budget.lines[{i}].chapter"),
                chapter_params(line.clone(), chapter),
            );
        }
        paragraph(
            cx,
            || format!("budget.lines[{i}].paragraph"),
            || line.clone(),
            l.paragraph.trim(),
        );
        for (field, value) in [
            ("planned", l.planned),
            ("after_changes", l.after_changes),
            ("executed", l.executed),
        ] {
            if value.is_none() {
                cx.emit(
                    &BUDGET_AMOUNT_MISSING,
                    format!("budget.lines[{i}].{field}"),
                    params!["line" => line, "field" => text::budget_field(field)],
                );
            }
        }
        let plan = l
            .after_changes
            .map(|p| (p, true))
            .or(l.planned.map(|p| (p, false)));
        if let (Some(executed), Some((plan, after_changes))) = (l.executed, plan) {
            if executed > plan {
                cx.emit(
                    &EXECUTED_OVER_PLAN,
                    format!("budget.lines[{i}].executed"),
                    params![
                        "line" => line,
                        "executed" => text::amount(executed),
                        "plan_label" => text::plan_label(after_changes),
                        "plan" => text::amount(plan),
                        "difference" => text::amount(executed - plan),
                    ],
                );
            }
        }
    }
}

fn activity_costs(cx: &mut Ctx, r: &Report) {
    for (i, a) in r.activities.iter().enumerate() {
        let chapter = a.cost.chapter.trim();
        let place = || text::activity_place(i, a);
        if chapter.is_empty() {
            if let Some(executed) = a.cost.executed.filter(|e| !e.value().is_zero()) {
                cx.emit(
                    &ACTIVITY_COST_CHAPTER_MISSING,
                    format!("activities[{i}].cost.chapter"),
                    params!["activity" => text::activity(i, a), "amount" => text::amount(executed)],
                );
            }
        } else if !is_digits(chapter, 5) || catalogue().chapter(chapter).is_none() {
            cx.emit(
                &CHAPTER_UNKNOWN,
                format!("activities[{i}].cost.chapter"),
                chapter_params(place(), chapter),
            );
        } else {
            let mismatched = match a.area {
                Area::Drugs => chapter == ALCOHOL_CHAPTER,
                Area::Alcohol => chapter == DRUGS_CHAPTER,
                _ => false,
            };
            if mismatched {
                cx.emit(
                    &CHAPTER_AREA_MISMATCH,
                    format!("activities[{i}].cost.chapter"),
                    params![
                        "activity" => text::activity(i, a),
                        "area" => a.area.label(),
                        "chapter" => chapter,
                        "chapter_name" => text::chapter_name(chapter).unwrap_or_default(),
                    ],
                );
            }
        }
        paragraph(
            cx,
            || format!("activities[{i}].cost.paragraph"),
            place,
            a.cost.paragraph.trim(),
        );
    }
}

/// Per-chapter totals of the budget's and the activities' executed amounts.
#[derive(Default)]
struct ChapterTotals {
    budget: Amount,
    budget_lines: usize,
    first_line: Option<usize>,
    activities: Amount,
    activities_with_cost: usize,
    activities_without_cost: usize,
    first_activity: Option<usize>,
}

fn chapter_sums(cx: &mut Ctx, r: &Report) {
    if r.budget.lines.is_empty() {
        return; // reported as a missing budget
    }
    let mut totals: BTreeMap<&str, ChapterTotals> = BTreeMap::new();
    for (i, l) in r.budget.lines.iter().enumerate() {
        let chapter = l.chapter.trim();
        if chapter.is_empty() {
            continue;
        }
        let t = totals.entry(chapter).or_default();
        t.first_line.get_or_insert(i);
        if let Some(e) = l.executed {
            t.budget = t.budget + e;
            t.budget_lines += 1;
        }
    }
    let mut any_activity_cost = false;
    for (i, a) in r.activities.iter().enumerate() {
        any_activity_cost |= a.cost.executed.is_some();
        let chapter = a.cost.chapter.trim();
        if chapter.is_empty() {
            continue; // reported by activity-cost-chapter-missing when it has a cost
        }
        let t = totals.entry(chapter).or_default();
        t.first_activity.get_or_insert(i);
        match a.cost.executed {
            Some(e) => {
                t.activities = t.activities + e;
                t.activities_with_cost += 1;
            }
            None => t.activities_without_cost += 1,
        }
    }
    if !any_activity_cost {
        let total: Amount = r.budget.lines.iter().filter_map(|l| l.executed).sum();
        if r.budget.lines.iter().any(|l| l.executed.is_some()) && !total.value().is_zero() {
            cx.emit(
                &ACTIVITY_COSTS_NOT_GIVEN,
                "activities",
                params!["budget_sum" => text::amount(total)],
            );
        }
        return;
    }
    for (chapter, t) in totals {
        if t.activities_with_cost == 0 {
            if t.budget_lines > 0 && !t.budget.value().is_zero() {
                let line = t.first_line.unwrap_or(0);
                cx.emit(
                    &ACTIVITY_COSTS_NOT_GIVEN,
                    format!("budget.lines[{line}].executed"),
                    params!["chapter" => chapter, "budget_sum" => text::amount(t.budget)],
                );
            }
            continue;
        }
        if t.activities == t.budget {
            continue;
        }
        let path = match (t.first_line, t.first_activity) {
            (Some(line), _) => format!("budget.lines[{line}].executed"),
            (None, Some(a)) => format!("activities[{a}].cost.chapter"),
            (None, None) => "budget.lines".to_owned(),
        };
        let difference = if t.activities > t.budget {
            t.activities - t.budget
        } else {
            t.budget - t.activities
        };
        let mut p = params![
            "chapter" => chapter,
            "activities_sum" => text::amount(t.activities),
            "budget_sum" => text::amount(t.budget),
            "difference" => text::amount(difference),
        ];
        if let Some(name) = text::chapter_name(chapter) {
            p.push(("chapter_name", name));
        }
        if t.activities_without_cost > 0 {
            p.push(("without_cost", t.activities_without_cost.to_string()));
        }
        cx.emit(&CHAPTER_SUM_MISMATCH, path, p);
    }
}

fn permit_fees(cx: &mut Ctx, r: &Report) {
    let outside = |chapter: &str| !chapter.is_empty() && !PERMIT_FEE_CHAPTERS.contains(&chapter);
    let outside_params = |place: String, chapter: &str| {
        let mut p = params!["place" => place, "chapter" => chapter];
        if let Some(name) = text::chapter_name(chapter) {
            p.push(("chapter_name", name));
        }
        p
    };
    let mut from_lines = Amount::ZERO;
    let mut lines_funded = false;
    for (i, l) in r.budget.lines.iter().enumerate() {
        if l.source != FundingSource::PermitFees {
            continue;
        }
        lines_funded = true;
        from_lines = from_lines + l.executed.unwrap_or_default();
        let chapter = l.chapter.trim();
        if outside(chapter) {
            cx.emit(
                &PERMIT_FEES_OUTSIDE_PROGRAM,
                format!("budget.lines[{i}].source"),
                outside_params(text::budget_line(i, l), chapter),
            );
        }
    }
    let mut from_activities = Amount::ZERO;
    let mut activities_funded = false;
    for (i, a) in r.activities.iter().enumerate() {
        if a.cost.source != FundingSource::PermitFees {
            continue;
        }
        activities_funded = true;
        from_activities = from_activities + a.cost.executed.unwrap_or_default();
        let chapter = a.cost.chapter.trim();
        if outside(chapter) {
            cx.emit(
                &PERMIT_FEES_OUTSIDE_PROGRAM,
                format!("activities[{i}].cost.source"),
                outside_params(text::activity_place(i, a), chapter),
            );
        }
    }
    // The budget is the authority on sources; activities stand in when no line says it.
    let (spent, funded) = if lines_funded {
        (from_lines, true)
    } else {
        (from_activities, activities_funded)
    };
    if !funded || spent.value().is_zero() {
        return;
    }
    let Some(income) = r.budget.permit_fee_income else {
        cx.emit(
            &PERMIT_FEE_INCOME_MISSING,
            "budget.permit_fee_income",
            params!["spent" => text::amount(spent)],
        );
        return;
    };
    let carried = r.budget.carried_over.unwrap_or_default();
    let available = income + carried;
    if spent > available {
        let mut p = params![
            "spent" => text::amount(spent),
            "available" => text::amount(available),
            "income" => text::amount(income),
            "difference" => text::amount(spent - available),
        ];
        if let Some(c) = r.budget.carried_over {
            p.push(("carried", text::amount(c)));
        }
        cx.emit(&PERMIT_FEES_EXCEED_INCOME, "budget.permit_fee_income", p);
    }
}
