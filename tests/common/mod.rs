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

pub const HOSTILE: &str = "<script>alert(1)</script>\" onmouseover=\"alert(1)' onfocus='alert(1)\
                       </script><script>alert(1)</script><img src=x onerror=alert(1)><!--";

/// A full sample with hostile text in every kind of place that reaches the output.
pub fn hostile_report() -> Report {
    let mut r = samples::small_gmina_2025();
    let h = || HOSTILE.to_string();
    r.program.title = h();
    r.program.resolution.number = h();
    r.program.resolution.council = h();
    r.program.strategy.title = h();
    r.program.coordinator = h();
    r.gmina.name = h();
    r.gmina.voivodeship = h();
    r.gmina.teryt = h();
    r.prepared_by = h();
    r.introduction = h();
    r.monitoring = h();
    r.conclusions = format!("{HOSTILE}\n\n{HOSTILE}\n{HOSTILE}");
    r.partners[0].name = h();
    r.partners[0].role = h();
    r.partners[0].address = h();
    r.goals[0].title = h();
    r.goals[0].aim = h();
    r.goals[0].number = h();
    let a = &mut r.activities[0];
    a.title = h();
    a.description = h();
    a.notes = h();
    a.status_reason = h();
    a.indicators[0].name = h();
    a.cost.chapter = h();
    a.cost.paragraph = h();
    a.realizers.push(raport_gp::domain::model::Id::new(HOSTILE));
    a.tasks.push(TaskId::new(HOSTILE));
    r.budget.lines[0].chapter = h();
    r.budget.lines[0].paragraph = h();
    r.budget.external[0].description = h();
    r.coalitions[0].name = h();
    r.coalitions[0].description = h();
    r.coalitions[0].working_groups[0].name = h();
    r.coalitions[0].working_groups[0].topic = h();
    r.coalitions[0]
        .members
        .push(raport_gp::domain::model::Id::new(HOSTILE));
    r.context_figures[0].name = h();
    r.context_figures[0].unit = h();
    r.context_figures[0].source = h();
    r.task_gaps.push(TaskGap {
        task: TaskId::new("alcohol.6"),
        reason: h(),
        ..TaskGap::default()
    });
    let s = r.signature.as_mut().unwrap();
    s.place = h();
    s.name = h();
    s.function = h();
    // The blocks of schema v2.
    r.activities[1].recommended_program = h();
    r.gkrpa.notes = h();
    let p = &mut r.consultation_points[0];
    p.name = h();
    p.staff = h();
    p.notes = h();
    p.referrals[0].target = h();
    r.group_costs.push(GroupCost {
        id: Id::new("group-1"),
        description: h(),
        goal: Some(Id::new(HOSTILE)),
        activities: vec![r.activities[0].id.clone(), Id::new(HOSTILE)],
        cost: Cost {
            executed: Some(zl("10.00")),
            chapter: h(),
            paragraph: h(),
            ..Cost::default()
        },
        ..GroupCost::default()
    });
    r.council.outcome = CouncilOutcome::Resolution;
    r.council.resolution_number = h();
    r.council.notes = h();
    r.gkrpa.budget_lines.push(Id::new(HOSTILE));
    // Last year, from a file with a hostile name, with an activity and a partner this year has
    // not: their names reach the comparison section.
    let mut last = r.clone();
    last.year -= 1;
    last.activities.push(Activity {
        id: Id::new("gone"),
        title: h(),
        indicators: vec![Indicator {
            id: Id::new("gone-1"),
            name: h(),
            achieved: Some(dec("5")),
            ..Indicator::default()
        }],
        ..Activity::default()
    });
    last.partners.push(raport_gp::domain::model::Partner {
        id: Id::new("gone-partner"),
        name: format!("{HOSTILE} (partner)"),
        ..Default::default()
    });
    r.previous_year = Some(PreviousYear::from_report(&last, Some(HOSTILE)));
    r
}
