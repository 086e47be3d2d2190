//! Checks of the blocks real joint reports keep apart from the task list: the work of the
//! gminna komisja rozwiązywania problemów alkoholowych (GKRPA, art. 4¹ ust. 3–5 of the sobriety
//! act) and the consultation points. Counts that cannot be (more trained members than members)
//! are errors; counts that are unusual but possible (more court applications than expert
//! referrals in a year) are warnings; a joint or alcohol report without the commission's work is
//! a warning, as every real report has it.

use crate::domain::catalogue::{regime_covers, TaskArea};
use crate::domain::model::{Amount, Report};

use super::{blank, params, text, Ctx};
use super::{
    CONSULTATIONS_FEWER_THAN_CLIENTS, GKRPA_COST_MISMATCH, GKRPA_COURT_OVER_REFERRALS,
    GKRPA_MISSING, GKRPA_TRAINED_OVER_MEMBERS, REFERENCE_UNKNOWN, REQUIRED_FIELD_MISSING,
};

pub(super) fn check(cx: &mut Ctx) {
    let r = cx.report;
    gkrpa(cx, r);
    consultation_points(cx, r);
}

fn gkrpa(cx: &mut Ctx, r: &Report) {
    let g = &r.gkrpa;
    if g.is_empty() {
        if regime_covers(r.program.regime, TaskArea::Alcohol) {
            cx.emit(&GKRPA_MISSING, "gkrpa", params![]);
        }
        return;
    }
    if let (Some(members), Some(trained)) = (g.members, g.trained_members) {
        if trained > members {
            cx.emit(
                &GKRPA_TRAINED_OVER_MEMBERS,
                "gkrpa.trained_members",
                params!["members" => members, "trained" => trained],
            );
        }
    }
    if let (Some(referred), Some(court)) = (g.referred_to_expert, g.court_applications) {
        if court > referred {
            cx.emit(
                &GKRPA_COURT_OVER_REFERRALS,
                "gkrpa.court_applications",
                params!["court" => court, "referred" => referred],
            );
        }
    }
    let mut budget_sum: Option<Amount> = None;
    for (j, id) in g.budget_lines.iter().enumerate() {
        match r.budget.lines.iter().find(|l| &l.id == id) {
            Some(line) => {
                budget_sum =
                    Some(budget_sum.unwrap_or_default() + line.executed.unwrap_or_default())
            }
            None => cx.emit(
                &REFERENCE_UNKNOWN,
                format!("gkrpa.budget_lines[{j}]"),
                params![
                    "place" => "Koszt pracy komisji",
                    "what" => "wiersz budżetu",
                    "id" => id,
                ],
            ),
        }
    }
    if let (Some(cost), Some(budget_sum)) = (g.cost, budget_sum) {
        if cost != budget_sum {
            let difference = if cost > budget_sum {
                cost - budget_sum
            } else {
                budget_sum - cost
            };
            cx.emit(
                &GKRPA_COST_MISMATCH,
                "gkrpa.cost",
                params![
                    "cost" => text::amount(cost),
                    "budget_sum" => text::amount(budget_sum),
                    "difference" => text::amount(difference),
                ],
            );
        }
    }
}

fn consultation_points(cx: &mut Ctx, r: &Report) {
    for (i, p) in r.consultation_points.iter().enumerate() {
        if blank(&p.name) {
            let path = format!("consultation_points[{i}].name");
            let field = text::field(&path);
            cx.emit(&REQUIRED_FIELD_MISSING, path, params!["field" => field]);
        }
        let clients = p.clients.rows();
        let consultations = p.consultations.rows();
        for ((key, label, people), (_, _, given)) in clients.iter().zip(consultations.iter()) {
            if let (Some(people), Some(given)) = (people, given) {
                if given < people {
                    cx.emit(
                        &CONSULTATIONS_FEWER_THAN_CLIENTS,
                        format!("consultation_points[{i}].consultations.{key}"),
                        params![
                            "point" => text::consultation_point(i, &p.name),
                            "group" => label,
                            "clients" => people,
                            "consultations" => given,
                        ],
                    );
                }
            }
        }
    }
}
