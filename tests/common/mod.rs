//! A made-up pair of years shared by the comparison, KCPU, render and CLI tests: Gmina
//! Przykładowo in 2025 (the joint sample with some figures changed, one more activity and one
//! more partner) and in 2026 (made from it by "Nowy raport na podstawie poprzedniego roku",
//! then filled with the sample's own 2025 figures).
#![allow(dead_code)]

use raport_gp::domain::model::*;
use raport_gp::domain::samples;

pub fn zl(s: &str) -> Amount {
    Amount::new(s.parse().expect("a valid decimal"))
}

pub fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().expect("a valid decimal")
}

/// Last year: the joint sample with changed figures, a spectacle (activity-30, by partner-20,
/// a theatre) that will not come back, and 23 pupils where this year has 236 (a tenfold jump).
pub fn last_year() -> Report {
    let mut r = samples::small_gmina_2025();
    r.id = Id::new("przykladowo-2025");
    r.partners.push(Partner {
        id: Id::new("partner-20"),
        name: "Teatr Profilaktyczny „Maska”".into(),
        kind: PartnerKind::Other,
        ..Partner::default()
    });
    r.activities.push(Activity {
        id: Id::new("activity-30"),
        goal: r.activities[12].goal.clone(),
        title: "Spektakl profilaktyczny „Wybieram siebie”".into(),
        tasks: vec![TaskId::new("alcohol.3")],
        area: Area::Alcohol,
        level: PreventionLevel::Universal,
        target_groups: vec![TargetGroup::Youth],
        realizers: vec![Id::new("partner-20")],
        mode: Mode::ServiceContract,
        cost: Cost {
            planned: Some(zl("4000")),
            executed: Some(zl("4000")),
            chapter: "85154".into(),
            paragraph: "4300".into(),
            source: FundingSource::PermitFees,
            ..Cost::default()
        },
        indicators: vec![Indicator {
            id: Id::new("indicator-95"),
            name: "widzowie".into(),
            unit: IndicatorUnit::Persons,
            planned: Some(dec("200")),
            achieved: Some(dec("180")),
            ..Indicator::default()
        }],
        ..Activity::default()
    });
    // activity-12 "uczniowie": 23 last year against 236 this year.
    r.activities[11].indicators[0].achieved = Some(dec("23"));
    r.gkrpa.meetings = Some(15);
    r.budget.lines[1].executed = Some(zl("29000.00"));
    for f in &mut r.context_figures {
        f.value = f.previous_value;
        f.previous_value = None;
        f.year = Some(2025);
    }
    r.context_figures[4].value = Some(dec("21.0"));
    r
}

/// This year: made from last year by `next_year`, then given the sample's 2025 figures, without
/// the spectacle and the theatre, with activity-2 renamed and activity-9 under a new id.
pub fn this_year() -> Report {
    let last = last_year();
    let figures = samples::small_gmina_2025();
    let mut r = last.next_year(Id::new("przykladowo-2026"));
    r.activities.retain(|a| a.id.as_str() != "activity-30");
    r.partners.retain(|p| p.id.as_str() != "partner-20");
    for (a, source) in r.activities.iter_mut().zip(&figures.activities) {
        assert_eq!(a.id, source.id);
        a.cost = source.cost.clone();
        a.status = source.status;
        a.status_reason = source.status_reason.clone();
        for (i, s) in a.indicators.iter_mut().zip(&source.indicators) {
            i.achieved = s.achieved;
        }
    }
    r.activities[1].title = "Grupa wsparcia dla osób po terapii podstawowej".into();
    r.activities[8].id = Id::new("activity-9b");
    for (l, s) in r.budget.lines.iter_mut().zip(&figures.budget.lines) {
        l.planned = s.planned;
        l.after_changes = s.after_changes;
        l.executed = s.executed;
    }
    r.budget.permit_fee_planned = figures.budget.permit_fee_planned;
    r.budget.permit_fee_income = figures.budget.permit_fee_income;
    r.budget.small_bottle_planned = figures.budget.small_bottle_planned;
    r.budget.small_bottle_income = figures.budget.small_bottle_income;
    r.budget.general_budget_top_up = figures.budget.general_budget_top_up;
    r.gkrpa = figures.gkrpa.clone();
    r.consultation_points = figures.consultation_points.clone();
    for (f, s) in r.context_figures.iter_mut().zip(&figures.context_figures) {
        f.value = s.value;
    }
    r
}
