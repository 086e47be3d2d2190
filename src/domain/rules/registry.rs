//! Checks of the registers and identifiers: partners (names present and not repeated),
//! coalition members that exist, and ids that are present and unique within each list (lists
//! are keyed by id in the UI and references use them).

use std::collections::HashMap;

use crate::domain::compare::normalise_name;
use crate::domain::model::{Id, Report};

use super::{blank, params, text, Ctx};
use super::{
    COALITION_MEMBER_UNKNOWN, ID_DUPLICATE, ID_MISSING, PARTNER_NAME_DUPLICATE,
    REQUIRED_FIELD_MISSING,
};

pub(super) fn check(cx: &mut Ctx) {
    let r = cx.report;
    partners(cx, r);
    coalitions(cx, r);
    ids(cx, r);
}

fn partners(cx: &mut Ctx, r: &Report) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (j, p) in r.partners.iter().enumerate() {
        if blank(&p.name) {
            let path = format!("partners[{j}].name");
            let field = text::field(&path);
            cx.emit(&REQUIRED_FIELD_MISSING, path, params!["field" => field]);
            continue;
        }
        match seen.get(&normalise_name(&p.name)) {
            Some(&first) => cx.emit(
                &PARTNER_NAME_DUPLICATE,
                format!("partners[{j}].name"),
                params!["name" => p.name.trim(), "first" => first + 1, "second" => j + 1],
            ),
            None => {
                seen.insert(normalise_name(&p.name), j);
            }
        }
    }
}

fn coalitions(cx: &mut Ctx, r: &Report) {
    for (i, c) in r.coalitions.iter().enumerate() {
        for (j, m) in c.members.iter().enumerate() {
            if !cx.index.partner_ids.contains(m.as_str()) {
                cx.emit(
                    &COALITION_MEMBER_UNKNOWN,
                    format!("coalitions[{i}].members[{j}]"),
                    params![
                        "coalition" => text::quoted_or_number(&c.name, i, "bez nazwy"),
                        "id" => m,
                    ],
                );
            }
        }
    }
}

/// Checks one list's ids: present and unique. `list` names the list in paths; it is built only
/// when something is wrong, since this runs for every activity's indicators.
fn unique_ids<T>(cx: &mut Ctx, list: &dyn Fn() -> String, items: &[T], id_of: fn(&T) -> &Id) {
    /// Lists up to this long (an activity's indicators) are scanned; longer ones use a map.
    const SCAN: usize = 8;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (k, item) in items.iter().enumerate() {
        let id = id_of(item).as_str();
        if blank(id) {
            let list = list();
            cx.emit(
                &ID_MISSING,
                format!("{list}[{k}].id"),
                params!["collection" => text::collection(&list), "number" => k + 1],
            );
            continue;
        }
        let first = if items.len() <= SCAN {
            items[..k].iter().position(|x| id_of(x).as_str() == id)
        } else {
            seen.get(id).copied()
        };
        match first {
            Some(first) => {
                let list = list();
                cx.emit(
                    &ID_DUPLICATE,
                    format!("{list}[{k}].id"),
                    params![
                        "collection" => text::collection(&list),
                        "first" => first + 1,
                        "second" => k + 1,
                        "id" => id,
                    ],
                );
            }
            None if items.len() > SCAN => {
                seen.insert(id, k);
            }
            None => {}
        }
    }
}

fn ids(cx: &mut Ctx, r: &Report) {
    let named = |s: &'static str| move || s.to_owned();
    unique_ids(cx, &named("budget.lines"), &r.budget.lines, |x| &x.id);
    unique_ids(cx, &named("budget.external"), &r.budget.external, |x| &x.id);
    unique_ids(cx, &named("goals"), &r.goals, |x| &x.id);
    unique_ids(cx, &named("activities"), &r.activities, |x| &x.id);
    for (i, a) in r.activities.iter().enumerate() {
        let list = || format!("activities[{i}].indicators");
        unique_ids(cx, &list, &a.indicators, |x| &x.id);
    }
    unique_ids(cx, &named("partners"), &r.partners, |x| &x.id);
    unique_ids(cx, &named("coalitions"), &r.coalitions, |x| &x.id);
    for (i, c) in r.coalitions.iter().enumerate() {
        let list = || format!("coalitions[{i}].working_groups");
        unique_ids(cx, &list, &c.working_groups, |x| &x.id);
    }
    unique_ids(cx, &named("context_figures"), &r.context_figures, |x| &x.id);
    unique_ids(cx, &named("group_costs"), &r.group_costs, |x| &x.id);
    unique_ids(
        cx,
        &named("consultation_points"),
        &r.consultation_points,
        |x| &x.id,
    );
    for (i, p) in r.consultation_points.iter().enumerate() {
        let list = || format!("consultation_points[{i}].referrals");
        unique_ids(cx, &list, &p.referrals, |x| &x.id);
    }
}
