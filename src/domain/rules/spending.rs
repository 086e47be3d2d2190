//! Checks of money: every amount is a non-negative sum in złoty and grosze; budget lines have
//! their plan and execution and do not spend over plan; chapters and paragraphs are real codes;
//! activity costs add up, chapter by chapter, to the budget's execution; money from alcohol
//! permit fees goes only to the program (art. 18² of the sobriety act) and not beyond what came in;
//! small-bottle money goes to alcohol-related work (art. 9³ ust. 4); investments (§ 6050) and
//! fêtes without a prevention element are flagged as audit chambers question them. A cost given
//! for a group of activities or a whole goal counts in the chapter sums like an activity's.
//!
//! When no activity has an executed cost the chapter comparison is not a mismatch: the report
//! simply cannot show spending per task (the Kalisz 2020 report gives only the chapter total),
//! which is said in an informational note.

use std::collections::BTreeMap;

use crate::domain::catalogue::catalogue;
use crate::domain::model::{Amount, Area, Cost, FundingSource, PreventionLevel, Report};

use super::{params, text, Ctx, Params};
use super::{
    ACTIVITY_COSTS_NOT_GIVEN, ACTIVITY_COST_CHAPTER_MISSING, AMOUNT_NEGATIVE,
    AMOUNT_TOO_MANY_DECIMALS, BUDGET_AMOUNT_MISSING, BUDGET_MISSING, CHAPTER_ACTIVITIES_SHORT,
    CHAPTER_AREA_MISMATCH, CHAPTER_SUM_MISMATCH, CHAPTER_UNKNOWN, EVENT_WITHOUT_PREVENTION,
    EXECUTED_OVER_PLAN, GROUP_COST_COVERS_NOTHING, INVESTMENT_CHARGED_TO_PROGRAM,
    PARAGRAPH_MALFORMED, PARAGRAPH_UNUSUAL, PERMIT_FEES_EXCEED_INCOME, PERMIT_FEES_OUTSIDE_PROGRAM,
    PERMIT_FEE_INCOME_MISSING, REFERENCE_UNKNOWN, REQUIRED_FIELD_MISSING,
    SMALL_BOTTLE_EXCEEDS_INCOME, SMALL_BOTTLE_OUTSIDE_PURPOSE,
};

/// § 6050, investment spending of budget units (the first three digits: the 4th may mark the
/// source of money).
const INVESTMENT_PARAGRAPH: &str = "605";

/// Words in an activity's title that name a fête or leisure event (festyn, piknik, dożynki,
/// impreza), for reports that do not mark events themselves.
const EVENT_WORDS: [&str; 4] = ["festyn", "piknik", "dożynk", "impreza"];

/// Every cost that is not a budget line: activities' own and group costs, with where they sit
/// and how a message names them.
struct CostRef<'a> {
    cost: &'a Cost,
    /// JSON path of the cost object, e.g. `activities[3].cost`.
    path: String,
    /// Words naming it for messages.
    place: String,
    /// The activity's area, when it is an activity's cost.
    area: Option<Area>,
}

fn costs(r: &Report) -> Vec<CostRef<'_>> {
    let activities = r.activities.iter().enumerate().map(|(i, a)| CostRef {
        cost: &a.cost,
        path: format!("activities[{i}].cost"),
        place: text::activity_place(i, a),
        area: Some(a.area),
    });
    let groups = r.group_costs.iter().enumerate().map(|(i, g)| CostRef {
        cost: &g.cost,
        path: format!("group_costs[{i}].cost"),
        place: text::group_cost(i, &g.description),
        area: None,
    });
    activities.chain(groups).collect()
}

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
    group_costs(cx, r);
    chapter_sums(cx, r);
    permit_fees(cx, r);
    small_bottle(cx, r);
    questioned_spending(cx, r);
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
    let b = &r.budget;
    for (field, value) in [
        ("permit_fee_planned", b.permit_fee_planned),
        ("permit_fee_income", b.permit_fee_income),
        ("small_bottle_planned", b.small_bottle_planned),
        ("small_bottle_income", b.small_bottle_income),
        ("carried_over", b.carried_over),
        ("general_budget_top_up", b.general_budget_top_up),
    ] {
        if let Some(v) = value {
            check_amount(
                cx,
                v,
                || format!("budget.{field}"),
                || text::budget_field(field).into(),
            );
        }
    }
    for (field, value) in [
        ("cost", r.gkrpa.cost),
        ("pay_per_meeting", r.gkrpa.pay_per_meeting),
    ] {
        if let Some(v) = value {
            check_amount(
                cx,
                v,
                || format!("gkrpa.{field}"),
                || text::gkrpa_field(field).into(),
            );
        }
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
    for c in costs(r) {
        for (field, value) in [("planned", c.cost.planned), ("executed", c.cost.executed)] {
            if let Some(v) = value {
                check_amount(
                    cx,
                    v,
                    || format!("{}.{field}", c.path),
                    || format!("{}, {}", c.place, text::cost_field(field)),
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

fn group_costs(cx: &mut Ctx, r: &Report) {
    for (i, g) in r.group_costs.iter().enumerate() {
        let place = text::group_cost(i, &g.description);
        if g.goal.is_none() && g.activities.is_empty() {
            cx.emit(
                &GROUP_COST_COVERS_NOTHING,
                format!("group_costs[{i}].activities"),
                params!["group" => place.clone()],
            );
        }
        if let Some(goal) = g
            .goal
            .as_ref()
            .filter(|id| !cx.index.goal_ids.contains(id.as_str()))
        {
            cx.emit(
                &REFERENCE_UNKNOWN,
                format!("group_costs[{i}].goal"),
                params!["place" => place.clone(), "what" => "cel programu", "id" => goal],
            );
        }
        for (j, id) in g.activities.iter().enumerate() {
            if !cx.index.activity_ids.contains(id.as_str()) {
                cx.emit(
                    &REFERENCE_UNKNOWN,
                    format!("group_costs[{i}].activities[{j}]"),
                    params!["place" => place.clone(), "what" => "działanie", "id" => id],
                );
            }
        }
        let chapter = g.cost.chapter.trim();
        if chapter.is_empty() {
            if g.cost.executed.is_some_and(|e| !e.value().is_zero()) {
                let path = format!("group_costs[{i}].cost.chapter");
                let field = text::field(&path);
                cx.emit(&REQUIRED_FIELD_MISSING, path, params!["field" => field]);
            }
        } else if !is_digits(chapter, 5) || catalogue().chapter(chapter).is_none() {
            cx.emit(
                &CHAPTER_UNKNOWN,
                format!("group_costs[{i}].cost.chapter"),
                chapter_params(place.clone(), chapter),
            );
        }
        paragraph(
            cx,
            || format!("group_costs[{i}].cost.paragraph"),
            || place.clone(),
            g.cost.paragraph.trim(),
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
    // Group costs count like activities: they are the activities' cost given in one sum.
    let group_costs = r.group_costs.iter().map(|g| (None, &g.cost));
    let activity_costs = r
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| (Some(i), &a.cost));
    for (i, cost) in activity_costs.chain(group_costs) {
        any_activity_cost |= cost.executed.is_some();
        let chapter = cost.chapter.trim();
        if chapter.is_empty() {
            continue; // reported by activity-cost-chapter-missing when it has a cost
        }
        let t = totals.entry(chapter).or_default();
        if let Some(i) = i {
            t.first_activity.get_or_insert(i);
        }
        match cost.executed {
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
        // Costs short of the budget are activities not yet entered (a report in progress):
        // the print is incomplete, not wrong. Costs over the budget cannot be right.
        let rule = if t.activities < t.budget {
            &CHAPTER_ACTIVITIES_SHORT
        } else {
            &CHAPTER_SUM_MISMATCH
        };
        cx.emit(rule, path, p);
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
    for c in costs(r) {
        if c.cost.source != FundingSource::PermitFees {
            continue;
        }
        activities_funded = true;
        from_activities = from_activities + c.cost.executed.unwrap_or_default();
        let chapter = c.cost.chapter.trim();
        if outside(chapter) {
            cx.emit(
                &PERMIT_FEES_OUTSIDE_PROGRAM,
                format!("{}.source", c.path),
                outside_params(c.place, chapter),
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

/// The small-bottle fee ("małpkowe") funds local policy against the harm of drinking (art. 9³
/// ust. 4): spending from it on drugs-only or behavioural work, or outside the health chapters,
/// is flagged; so is spending beyond the year's income.
fn small_bottle(cx: &mut Ctx, r: &Report) {
    let mut from_lines = Amount::ZERO;
    let mut lines_funded = false;
    for (i, l) in r.budget.lines.iter().enumerate() {
        if l.source != FundingSource::SmallBottleFee {
            continue;
        }
        lines_funded = true;
        from_lines = from_lines + l.executed.unwrap_or_default();
        let chapter = l.chapter.trim();
        if !chapter.is_empty() && !chapter.starts_with("851") {
            cx.emit(
                &SMALL_BOTTLE_OUTSIDE_PURPOSE,
                format!("budget.lines[{i}].source"),
                params![
                    "place" => text::budget_line(i, l),
                    "problem" => format!("ujęto w rozdziale {chapter}, poza działem 851 Ochrona zdrowia"),
                ],
            );
        }
    }
    let mut from_costs = Amount::ZERO;
    for c in costs(r) {
        if c.cost.source != FundingSource::SmallBottleFee {
            continue;
        }
        from_costs = from_costs + c.cost.executed.unwrap_or_default();
        let problem = match c.area {
            Some(Area::Drugs) => "dotyczy działania wyłącznie z zakresu narkomanii",
            Some(Area::Behavioural) => "dotyczy działania z zakresu uzależnień behawioralnych",
            _ => continue,
        };
        cx.emit(
            &SMALL_BOTTLE_OUTSIDE_PURPOSE,
            format!("{}.source", c.path),
            params!["place" => c.place, "problem" => problem],
        );
    }
    let spent = if lines_funded { from_lines } else { from_costs };
    if let Some(income) = r.budget.small_bottle_income {
        if spent > income {
            cx.emit(
                &SMALL_BOTTLE_EXCEEDS_INCOME,
                "budget.small_bottle_income",
                params![
                    "spent" => text::amount(spent),
                    "income" => text::amount(income),
                    "difference" => text::amount(spent - income),
                ],
            );
        }
    }
}

/// Spending audit chambers (RIO) and NIK question when a program pays for it: investments
/// (§ 6050) and fêtes or leisure events without a prevention element.
fn questioned_spending(cx: &mut Ctx, r: &Report) {
    let investment = |paragraph: &str| paragraph.trim().starts_with(INVESTMENT_PARAGRAPH);
    let mut lines_flagged = false;
    for (i, l) in r.budget.lines.iter().enumerate() {
        if investment(&l.paragraph) {
            lines_flagged = true;
            let mut p = params!["place" => text::budget_line(i, l)];
            if let Some(e) = l.executed {
                p.push(("amount", text::amount(e)));
            }
            cx.emit(
                &INVESTMENT_CHARGED_TO_PROGRAM,
                format!("budget.lines[{i}].paragraph"),
                p,
            );
        }
    }
    if !lines_flagged {
        // Said once: on the budget line when there is one, else on each cost.
        for c in costs(r) {
            if investment(&c.cost.paragraph) {
                let mut p = params!["place" => c.place];
                if let Some(e) = c.cost.executed {
                    p.push(("amount", text::amount(e)));
                }
                cx.emit(
                    &INVESTMENT_CHARGED_TO_PROGRAM,
                    format!("{}.paragraph", c.path),
                    p,
                );
            }
        }
    }
    for (i, a) in r.activities.iter().enumerate() {
        // Only an activity without a prevention level and not known to be free can be flagged;
        // the title is lowered only for those (this runs after every edit).
        if a.level != PreventionLevel::NotApplicable || a.cost.executed == Some(Amount::ZERO) {
            continue;
        }
        let event = a.event || {
            let title = a.title.to_lowercase();
            EVENT_WORDS.iter().any(|w| title.contains(w))
        };
        let paid = a.cost.executed.filter(|e| !e.value().is_zero());
        if event {
            let mut p = params!["activity" => text::activity(i, a)];
            if let Some(e) = paid {
                p.push(("amount", text::amount(e)));
            }
            cx.emit(
                &EVENT_WITHOUT_PREVENTION,
                format!("activities[{i}].level"),
                p,
            );
        }
    }
}
