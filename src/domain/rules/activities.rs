//! Checks of each activity on its own: title, status and its reason, indicators (whole,
//! non-negative, achieved, not far below plan without a word of why), and its references to the
//! program's goals and the partner register.

use rust_decimal::Decimal;

use crate::domain::model::{Activity, Indicator, Status};

use super::{blank, params, text, Ctx, LOW_ACHIEVEMENT_PERCENT};
use super::{
    ACTIVITY_DONE_WITHOUT_INDICATOR, ACTIVITY_GOAL_UNKNOWN, ACTIVITY_TITLE_MISSING,
    INDICATOR_ACHIEVED_MISSING, INDICATOR_BELOW_PLAN_UNEXPLAINED, INDICATOR_NEGATIVE,
    INDICATOR_NOT_WHOLE, REALIZER_UNKNOWN, STATUS_REASON_MISSING,
};

pub(super) fn check(cx: &mut Ctx) {
    let r = cx.report;
    for (i, a) in r.activities.iter().enumerate() {
        if blank(&a.title) {
            cx.emit(
                &ACTIVITY_TITLE_MISSING,
                format!("activities[{i}].title"),
                params!["number" => i + 1],
            );
        }
        status(cx, i, a);
        for (k, ind) in a.indicators.iter().enumerate() {
            indicator(cx, i, a, k, ind);
        }
        references(cx, i, a);
    }
}

fn status(cx: &mut Ctx, i: usize, a: &Activity) {
    match a.status {
        Status::Done if a.indicators.is_empty() => cx.emit(
            &ACTIVITY_DONE_WITHOUT_INDICATOR,
            format!("activities[{i}].indicators"),
            params!["activity" => text::activity(i, a)],
        ),
        Status::Partly | Status::NotDone if blank(&a.status_reason) => cx.emit(
            &STATUS_REASON_MISSING,
            format!("activities[{i}].status_reason"),
            params!["activity" => text::activity(i, a), "status" => a.status.label()],
        ),
        _ => {}
    }
}

fn indicator(cx: &mut Ctx, i: usize, a: &Activity, k: usize, ind: &Indicator) {
    let path = |field: &str| format!("activities[{i}].indicators[{k}].{field}");
    for (field, value) in [("planned", ind.planned), ("achieved", ind.achieved)] {
        let Some(value) = value else { continue };
        let p = || {
            params![
                "indicator" => text::indicator(k, ind),
                "activity" => text::activity(i, a),
                "which" => text::indicator_which(field),
                "value" => text::number(value),
                "unit" => ind.unit.label(),
            ]
        };
        if value.is_sign_negative() && !value.is_zero() {
            cx.emit(&INDICATOR_NEGATIVE, path(field), p());
        }
        if ind.unit.counts() && !value.fract().is_zero() {
            cx.emit(&INDICATOR_NOT_WHOLE, path(field), p());
        }
    }
    // An activity not carried out has nothing to measure.
    if a.status == Status::NotDone {
        return;
    }
    let Some(achieved) = ind.achieved else {
        cx.emit(
            &INDICATOR_ACHIEVED_MISSING,
            path("achieved"),
            params!["indicator" => text::indicator(k, ind), "activity" => text::activity(i, a)],
        );
        return;
    };
    let Some(planned) = ind.planned.filter(|p| *p > Decimal::ZERO) else {
        return;
    };
    let threshold = Decimal::from(LOW_ACHIEVEMENT_PERCENT);
    let explained = !blank(&a.status_reason) || !blank(&a.notes);
    if achieved * Decimal::ONE_HUNDRED < planned * threshold && !explained {
        let percent = (achieved * Decimal::ONE_HUNDRED / planned).round_dp(0);
        cx.emit(
            &INDICATOR_BELOW_PLAN_UNEXPLAINED,
            path("achieved"),
            params![
                "indicator" => text::indicator(k, ind),
                "activity" => text::activity(i, a),
                "achieved" => text::number(achieved),
                "planned" => text::number(planned),
                "percent" => text::number(percent),
                "threshold" => LOW_ACHIEVEMENT_PERCENT,
            ],
        );
    }
}

fn references(cx: &mut Ctx, i: usize, a: &Activity) {
    if let Some(goal) = &a.goal {
        if !cx.index.goal_ids.contains(goal.as_str()) {
            cx.emit(
                &ACTIVITY_GOAL_UNKNOWN,
                format!("activities[{i}].goal"),
                params!["activity" => text::activity(i, a), "id" => goal],
            );
        }
    }
    for (j, id) in a.realizers.iter().enumerate() {
        if !cx.index.partner_ids.contains(id.as_str()) {
            cx.emit(
                &REALIZER_UNKNOWN,
                format!("activities[{i}].realizers[{j}]"),
                params!["activity" => text::activity(i, a), "id" => id],
            );
        }
    }
}
