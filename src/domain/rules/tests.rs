//! One test per rule, named `rule_<id with underscores>`: each shows the rule firing on a bad
//! report and staying silent once the report is fixed. Plus table-level tests (every rule has a
//! test, every citation exists, clean reports give no findings, a 1,000-activity report).

use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::domain::catalogue::catalogue;
use crate::domain::model::*;

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

fn amt(s: &str) -> Amount {
    Amount(Decimal::from_str(s).unwrap())
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

fn ids(list: &[&str]) -> Vec<Id> {
    list.iter().map(|s| Id::new(*s)).collect()
}

#[allow(clippy::too_many_arguments)]
fn activity(
    id: &str,
    title: &str,
    task: &str,
    area: Area,
    chapter: &str,
    paragraph: &str,
    executed: &str,
    participants: (i64, i64),
) -> Activity {
    Activity {
        id: Id::new(id),
        goal: Some(Id::new("g-1")),
        title: title.into(),
        description: "Opis działania.".into(),
        tasks: vec![TaskId::new(task)],
        area,
        level: PreventionLevel::Universal,
        target_groups: vec![TargetGroup::Youth],
        realizers: ids(&["p-1"]),
        mode: Mode::ServiceContract,
        cost: Cost {
            planned: Some(amt(executed)),
            executed: Some(amt(executed)),
            chapter: chapter.into(),
            paragraph: paragraph.into(),
            ..Cost::default()
        },
        indicators: vec![Indicator {
            id: Id::new(format!("{id}-ind-1")),
            name: "Liczba uczestników".into(),
            unit: IndicatorUnit::Persons,
            planned: Some(Decimal::from(participants.0)),
            achieved: Some(Decimal::from(participants.1)),
            ..Indicator::default()
        }],
        status: Status::Done,
        ..Activity::default()
    }
}

fn budget_line(id: &str, chapter: &str, paragraph: &str, plan: &str, executed: &str) -> BudgetLine {
    BudgetLine {
        id: Id::new(id),
        chapter: chapter.into(),
        paragraph: paragraph.into(),
        planned: Some(amt(plan)),
        after_changes: Some(amt(plan)),
        executed: Some(amt(executed)),
        source: FundingSource::Budget,
        ..BudgetLine::default()
    }
}

/// A complete, consistent drug-only report for 2020 (modelled on Kalisz's figures) that passes
/// every check.
fn drug_report() -> Report {
    let mut r = Report::new(Id::new("r-1"), 2020);
    r.gmina = Gmina {
        name: "Kalisz".into(),
        kind: Some(GminaKind::CityWithPowiatRights),
        teryt: "3061011".into(),
        voivodeship: "wielkopolskie".into(),
        population: Some(100_000),
        ..Gmina::default()
    };
    r.program.title = "Miejski Program Przeciwdziałania Narkomanii na 2020 rok".into();
    r.program.regime = Regime::DrugOnly;
    r.program.period_from = 2020;
    r.program.period_to = 2020;
    r.program.npz_edition = "npz-2016-2020".into();
    r.program.resolution = Resolution {
        number: "XVIII/300/2019".into(),
        date: Some(date(2019, 12, 19)),
        council: "Rada Miasta Kalisza".into(),
        ..Resolution::default()
    };
    r.prepared_by = "Wydział Spraw Społecznych".into();
    r.prepared_on = Some(date(2021, 3, 15));
    r.council_deadline = Some(date(2021, 6, 30));
    r.budget.lines = vec![
        budget_line("bl-1", "85153", "4300", "120000", "118543.63"),
        budget_line("bl-2", "85153", "2360", "30000", "30000"),
    ];
    r.goals = (1..=5)
        .map(|n| Goal {
            id: Id::new(format!("g-{n}")),
            number: ["I", "II", "III", "IV", "V"][n - 1].into(),
            title: format!("Cel {n}"),
            ..Goal::default()
        })
        .collect();
    r.partners = vec![
        Partner {
            id: Id::new("p-1"),
            name: "Stowarzyszenie KARAN".into(),
            kind: PartnerKind::Ngo,
            ..Partner::default()
        },
        Partner {
            id: Id::new("p-2"),
            name: "MOPS w Kaliszu".into(),
            kind: PartnerKind::SocialWelfare,
            ..Partner::default()
        },
        Partner {
            id: Id::new("p-3"),
            name: "Komenda Miejska Policji".into(),
            kind: PartnerKind::Police,
            ..Partner::default()
        },
    ];
    r.activities = vec![
        activity(
            "a-1",
            "Grupa after care",
            "drugs.1",
            Area::Drugs,
            "85153",
            "4300",
            "20000",
            (150, 180),
        ),
        activity(
            "a-2",
            "Grupa dla osób współuzależnionych",
            "drugs.2",
            Area::Drugs,
            "85153",
            "4300",
            "15000",
            (140, 146),
        ),
        activity(
            "a-3",
            "Ferie w mieście",
            "drugs.3",
            Area::Mixed,
            "85153",
            "4300",
            "50000",
            (600, 600),
        ),
        activity(
            "a-4",
            "Profilaktyka rówieśnicza (otwarty konkurs ofert)",
            "drugs.4",
            Area::Drugs,
            "85153",
            "2360",
            "30000",
            (500, 523),
        ),
        activity(
            "a-5",
            "Klub Integracji Społecznej",
            "drugs.5",
            Area::Drugs,
            "85153",
            "4300",
            "33543.63",
            (50, 56),
        ),
    ];
    r.activities[3].mode = Mode::OpenCompetitionGrant;
    r.activities[4].realizers = ids(&["p-2"]);
    r
}

/// A complete joint report for 2023 (alcohol, drugs and behavioural addictions), part of it
/// funded by permit fees, that passes every check.
fn joint_report() -> Report {
    let mut r = drug_report();
    r.year = 2023;
    r.program.title = "Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych oraz Przeciwdziałania Narkomanii na 2023 rok".into();
    r.program.regime = Regime::Joint;
    r.program.behavioural = true;
    r.program.period_from = 2023;
    r.program.period_to = 2023;
    r.program.npz_edition = "npz-2021-2025".into();
    r.program.resolution.number = "LII/412/2022".into();
    r.program.resolution.date = Some(date(2022, 12, 15));
    r.prepared_on = Some(date(2024, 3, 10));
    r.council_deadline = Some(date(2024, 6, 30));
    let alcohol = [
        ("alcohol.1", "Dyżury terapeuty uzależnień", Area::Alcohol),
        ("alcohol.2", "Grupa wsparcia dla rodzin", Area::Alcohol),
        (
            "alcohol.3",
            "Kampania „Zachowaj Trzeźwy Umysł”",
            Area::Mixed,
        ),
        ("alcohol.5", "Dotacja dla klubu abstynenta", Area::Alcohol),
        (
            "alcohol.6",
            "Kontrole punktów sprzedaży alkoholu",
            Area::Alcohol,
        ),
        (
            "alcohol.7",
            "Dofinansowanie Centrum Integracji Społecznej",
            Area::Alcohol,
        ),
        (
            "behavioural.1",
            "Warsztaty o uzależnieniu od internetu",
            Area::Behavioural,
        ),
    ];
    for (k, (task, title, area)) in alcohol.iter().enumerate() {
        let mut a = activity(
            &format!("a-{}", 6 + k),
            title,
            task,
            *area,
            "85154",
            "4300",
            "10000",
            (40, 45),
        );
        a.cost.source = FundingSource::PermitFees;
        r.activities.push(a);
    }
    let mut line = budget_line("bl-3", "85154", "4300", "75000", "70000");
    line.source = FundingSource::PermitFees;
    r.budget.lines.push(line);
    r.budget.permit_fee_income = Some(amt("65000"));
    r.budget.carried_over = Some(amt("12000.50"));
    r.gkrpa = Gkrpa {
        members: Some(5),
        trained_members: Some(4),
        meetings: Some(12),
        referred_to_expert: Some(6),
        court_applications: Some(4),
        ..Gkrpa::default()
    };
    r
}

/// Moves a report to another year (keeping its dates consistent with it).
fn in_year(mut r: Report, year: i32) -> Report {
    r.year = year;
    r.program.period_from = year;
    r.program.period_to = year;
    r.program.npz_edition = catalogue().npz_for_year(year).unwrap().id.clone();
    r.program.resolution.number = format!("XL/100/{}", year - 1);
    r.program.resolution.date = Some(date(year - 1, 12, 10));
    r.prepared_on = Some(date(year + 1, 3, 10));
    r.council_deadline = Some(date(year + 1, 6, 30));
    r
}

fn findings_of(r: &Report, rule: &Rule) -> Vec<Finding> {
    validate(r)
        .into_iter()
        .filter(|f| f.rule == rule.id)
        .collect()
}

/// Asserts the rule fires; returns its first finding after checking it is well made.
#[track_caller]
fn assert_fires(r: &Report, rule: &Rule) -> Finding {
    let found = findings_of(r, rule);
    assert!(
        !found.is_empty(),
        "rule {} did not fire; findings: {:#?}",
        rule.id,
        validate(r)
    );
    for f in &found {
        assert_eq!(f.severity, rule.severity);
        assert!(!f.message.trim().is_empty());
        assert!(
            !f.message.contains('{') && !f.message.contains('}'),
            "unfilled parameter in: {}",
            f.message
        );
        assert!(!f.path.is_empty());
        // Every finding cites the provision in force for the report's year.
        assert!(f.citation.is_some(), "rule {} has no citation", rule.id);
    }
    found.into_iter().next().unwrap()
}

#[track_caller]
fn assert_silent(r: &Report, rule: &Rule) {
    let found = findings_of(r, rule);
    assert!(
        found.is_empty(),
        "rule {} fired unexpectedly: {found:#?}",
        rule.id
    );
}

fn gap(task: &str, reason: &str) -> TaskGap {
    TaskGap {
        task: TaskId::new(task),
        reason: reason.into(),
        ..TaskGap::default()
    }
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

#[test]
fn clean_reports_have_no_findings() {
    for r in [drug_report(), joint_report()] {
        let findings = validate(&r);
        assert!(findings.is_empty(), "{findings:#?}");
    }
}

#[test]
fn rule_ids_are_unique_kebab_case_and_at_least_25() {
    let ids: Vec<&str> = rule_ids().collect();
    assert!(ids.len() >= 25);
    let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate rule ids");
    for id in ids {
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{id} is not kebab-case"
        );
        assert!(rule(id).is_some());
    }
}

#[test]
fn every_rule_has_a_test_named_after_it() {
    let source = include_str!("tests.rs");
    for id in rule_ids() {
        let name = format!("fn rule_{}()", id.replace('-', "_"));
        assert!(source.contains(&name), "no test `{name}` for rule {id}");
    }
}

#[test]
fn every_citation_used_exists_in_the_catalogue() {
    let cat = catalogue();
    for rule in RULES {
        for regime in Regime::ALL {
            for year in [2020, 2021, 2022, 2025] {
                if let Some(id) = rule.citation.citation_id(regime, year) {
                    assert!(
                        cat.citation(id).is_some(),
                        "rule {} cites unknown citation {id}",
                        rule.id
                    );
                }
            }
        }
    }
    // Rules citing the task use the task's own citation (and the program basis as a fallback).
    assert!(cat.tasks.iter().all(|t| !t.citation.trim().is_empty()));
    for regime in Regime::ALL {
        for year in [2021, 2022] {
            let id = Cite::ProgramBasis.citation_id(regime, year).unwrap();
            assert!(cat.citation(id).is_some());
        }
    }
}

#[test]
fn every_template_has_balanced_brackets_and_a_summary() {
    for rule in RULES {
        let t = rule.template;
        assert_eq!(
            t.matches('{').count(),
            t.matches('}').count(),
            "{}",
            rule.id
        );
        assert_eq!(
            t.matches('[').count(),
            t.matches(']').count(),
            "{}",
            rule.id
        );
        assert!(!rule.summary.is_empty());
        assert!(!t.contains("  "), "double space in template of {}", rule.id);
    }
}

#[test]
fn counts_and_severity_helpers() {
    let mut r = drug_report();
    r.activities[0].indicators[0].achieved = Some(dec("180.5")); // error: not a whole count
    r.prepared_by.clear(); // warning
    r.activities[0].cost.executed = None;
    r.activities.iter_mut().for_each(|a| a.cost.executed = None); // info
    let f = validate(&r);
    assert_eq!(errors(&f), 1, "{f:#?}");
    assert_eq!(warnings(&f), 1, "{f:#?}");
    assert_eq!(infos(&f), 1, "{f:#?}");
    assert!(f.iter().any(Finding::is_error));
    assert_eq!(Severity::Error.label(), "błąd");
}

#[test]
fn a_kalisz_like_report_with_only_the_chapter_total_is_reported_honestly() {
    // Kalisz 2020: the program was adopted on 23 January 2020 and the report gives only the
    // total spent from 85153, 148 543,63 zł, with no cost per activity and no plan.
    let mut r = drug_report();
    r.program.resolution.number = "XIX/334/2020".into();
    r.program.resolution.date = Some(date(2020, 1, 23));
    r.budget.lines = vec![BudgetLine {
        id: Id::new("bl-1"),
        chapter: "85153".into(),
        executed: Some(amt("148543.63")),
        ..BudgetLine::default()
    }];
    for a in &mut r.activities {
        a.cost = Cost::default();
    }
    let f = validate(&r);
    let rules: Vec<&str> = f.iter().map(|f| f.rule).collect();
    assert_eq!(
        rules,
        [
            "resolution-after-program-start",
            "budget-amount-missing",
            "budget-amount-missing",
            "activity-costs-not-given",
        ],
        "{f:#?}"
    );
    assert_eq!(errors(&f), 0);
    let note = f
        .iter()
        .find(|f| f.rule == "activity-costs-not-given")
        .unwrap();
    assert!(note.message.contains("148 543,63 zł"), "{}", note.message);
}

#[test]
fn a_report_with_1000_activities_validates_with_sensible_findings() {
    let mut r = joint_report();
    let template = r.activities.clone();
    r.activities = (0..1000)
        .map(|n| {
            let mut a = template[n % template.len()].clone();
            a.id = Id::new(format!("a-{n}"));
            a.indicators[0].id = Id::new(format!("a-{n}-ind-1"));
            a.title = format!("{} (edycja {})", a.title, n / template.len() + 1);
            a
        })
        .collect();
    // Make the budget agree with the activities, chapter by chapter.
    let sum = |chapter: &str| -> Amount {
        r.activities
            .iter()
            .filter(|a| a.cost.chapter == chapter)
            .filter_map(|a| a.cost.executed)
            .sum()
    };
    let (drugs, alcohol) = (sum("85153"), sum("85154"));
    r.budget.lines = vec![
        budget_line(
            "bl-1",
            "85153",
            "4300",
            "100000000",
            &drugs.value().to_string(),
        ),
        budget_line(
            "bl-2",
            "85154",
            "4300",
            "100000000",
            &alcohol.value().to_string(),
        ),
    ];
    r.budget.lines[1].source = FundingSource::PermitFees;
    r.budget.permit_fee_income = Some(amt("10000000"));
    let findings = validate(&r);
    assert!(
        findings.is_empty(),
        "{:#?}",
        &findings[..findings.len().min(5)]
    );

    // Ten problems give exactly ten findings, each pointing at its activity.
    for n in (0..1000).step_by(100) {
        r.activities[n].realizers.push(Id::new("p-404"));
    }
    let findings = validate(&r);
    assert_eq!(findings.len(), 10);
    assert!(findings.iter().all(|f| f.rule == "realizer-unknown"));
    assert_eq!(findings[1].path, "activities[100].realizers[1]");
}

// ---------------------------------------------------------------------------------------------
// Statutory tasks
// ---------------------------------------------------------------------------------------------

#[test]
fn rule_task_not_covered() {
    let mut r = drug_report();
    r.activities[2].tasks = vec![TaskId::new("drugs.4")];
    let f = assert_fires(&r, &TASK_NOT_COVERED);
    assert_eq!(f.path, "tasks.drugs.3");
    assert!(f.citation.unwrap().contains("art. 10 ust. 1 pkt 3"));
    assert!(
        f.message.contains("Profilaktyka informacyjna"),
        "{}",
        f.message
    );

    r.task_gaps.push(gap(
        "drugs.3",
        "Działania przeniesiono do programu alkoholowego.",
    ));
    assert_silent(&r, &TASK_NOT_COVERED);
}

#[test]
fn rule_task_gap_reason_empty() {
    let mut r = drug_report();
    r.activities[2].tasks = vec![TaskId::new("drugs.4")];
    r.task_gaps.push(gap("drugs.3", "  "));
    let f = assert_fires(&r, &TASK_GAP_REASON_EMPTY);
    assert_eq!(f.path, "task_gaps[0].reason");
    assert_silent(&r, &TASK_NOT_COVERED); // one finding for one problem

    r.task_gaps[0].reason = "Z powodu pandemii zajęcia odwołano.".into();
    assert_silent(&r, &TASK_GAP_REASON_EMPTY);
}

#[test]
fn rule_task_gap_redundant() {
    let mut r = drug_report();
    r.task_gaps.push(gap("drugs.1", "Nie realizowano."));
    let f = assert_fires(&r, &TASK_GAP_REDUNDANT);
    assert_eq!(f.path, "task_gaps[0].task");
    assert_eq!(f.param("count"), Some("1"));

    r.task_gaps.clear();
    assert_silent(&r, &TASK_GAP_REDUNDANT);
}

#[test]
fn rule_task_gap_not_applicable() {
    let mut r = drug_report();
    r.task_gaps.push(gap("alcohol.1", "Nie dotyczy."));
    r.task_gaps.push(gap("drugs.9", "Nie dotyczy."));
    let found = findings_of(&r, &TASK_GAP_NOT_APPLICABLE);
    assert_eq!(found.len(), 2);
    assert_fires(&r, &TASK_GAP_NOT_APPLICABLE);
    assert_eq!(found[1].path, "task_gaps[1].task");

    // The same gap is fine in a joint program, where alcohol tasks apply.
    let mut joint = joint_report();
    joint
        .activities
        .retain(|a| a.tasks[0].as_str() != "alcohol.1");
    joint
        .task_gaps
        .push(gap("alcohol.1", "Brak placówki leczenia w gminie."));
    assert_silent(&joint, &TASK_GAP_NOT_APPLICABLE);
}

#[test]
fn rule_activity_no_task() {
    let mut r = drug_report();
    r.activities.push(activity(
        "a-6",
        "Festyn",
        "drugs.3",
        Area::Drugs,
        "",
        "",
        "0",
        (1, 1),
    ));
    r.activities[5].tasks.clear();
    let f = assert_fires(&r, &ACTIVITY_NO_TASK);
    assert_eq!(f.path, "activities[5].tasks");
    assert!(f.message.contains("„Festyn”"));

    r.activities[5].tasks = vec![TaskId::new("drugs.3")];
    assert_silent(&r, &ACTIVITY_NO_TASK);
}

#[test]
fn rule_activity_task_unknown() {
    let mut r = drug_report();
    r.activities[0].tasks.push(TaskId::new("drugs.7"));
    let f = assert_fires(&r, &ACTIVITY_TASK_UNKNOWN);
    assert_eq!(f.path, "activities[0].tasks[1]");
    assert!(f.message.contains("„drugs.7”"));

    r.activities[0].tasks.pop();
    assert_silent(&r, &ACTIVITY_TASK_UNKNOWN);
}

#[test]
fn rule_activity_task_outside_program() {
    let mut r = drug_report();
    r.activities[0].tasks.push(TaskId::new("alcohol.1"));
    let f = assert_fires(&r, &ACTIVITY_TASK_OUTSIDE_PROGRAM);
    assert_eq!(f.path, "activities[0].tasks[1]");
    assert!(f.message.contains("program przeciwdziałania narkomanii"));
    assert!(f.citation.unwrap().contains("art. 10 ust. 1–3"));
    r.activities[0].tasks.pop();
    assert_silent(&r, &ACTIVITY_TASK_OUTSIDE_PROGRAM);
    assert_silent(&joint_report(), &ACTIVITY_TASK_OUTSIDE_PROGRAM);

    // An alcohol-only program (up to 2021) does not carry out the drug act's tasks.
    let mut r = in_year(joint_report(), 2021);
    r.program.regime = Regime::AlcoholOnly;
    let f = assert_fires(&r, &ACTIVITY_TASK_OUTSIDE_PROGRAM);
    assert_eq!(f.path, "activities[0].tasks[0]");
    assert!(f.citation.unwrap().contains("art. 4¹ ust. 1 i 2"));
}

#[test]
fn rule_activity_task_repealed() {
    let mut r = joint_report();
    r.activities[8].tasks = vec![TaskId::new("alcohol.4")];
    let f = assert_fires(&r, &ACTIVITY_TASK_REPEALED);
    assert_eq!(f.path, "activities[8].tasks[0]");
    assert!(f.message.contains("art. 4¹ ust. 1 pkt 4"), "{}", f.message);
    assert!(f.message.contains("uchylony"));
    assert!(f.message.contains("pkt 5"));
    assert_silent(&r, &ACTIVITY_TASK_UNKNOWN);

    r.activities[8].tasks = vec![TaskId::new("alcohol.5")];
    r.task_gaps.push(gap("alcohol.4", "Nie było potrzeby."));
    let f = assert_fires(&r, &ACTIVITY_TASK_REPEALED);
    assert_eq!(f.path, "task_gaps[0].task");
    assert_silent(&r, &TASK_GAP_NOT_APPLICABLE);

    r.task_gaps.clear();
    assert_silent(&r, &ACTIVITY_TASK_REPEALED);
}

#[test]
fn rule_activity_behavioural_task_not_in_program() {
    let mut r = joint_report();
    r.program.behavioural = false;
    let f = assert_fires(&r, &ACTIVITY_BEHAVIOURAL_TASK_NOT_IN_PROGRAM);
    assert_eq!(f.path, "activities[11].tasks[0]");

    r.program.behavioural = true;
    assert_silent(&r, &ACTIVITY_BEHAVIOURAL_TASK_NOT_IN_PROGRAM);
}

// ---------------------------------------------------------------------------------------------
// Program
// ---------------------------------------------------------------------------------------------

#[test]
fn rule_regime_separate_from_2022() {
    for regime in [Regime::DrugOnly, Regime::AlcoholOnly] {
        let mut r = joint_report();
        r.program.regime = regime;
        let f = assert_fires(&r, &REGIME_SEPARATE_FROM_2022);
        assert_eq!(f.path, "program.regime");
        assert!(f.message.contains("2023 r."));
        assert!(f.message.contains(regime.label()));
        assert!(f.citation.unwrap().contains("Dz.U. 2021 poz. 2469"));
    }
    let r = joint_report();
    assert_silent(&r, &REGIME_SEPARATE_FROM_2022);
}

#[test]
fn before_2022_separate_and_combined_programs_are_all_legitimate() {
    // Many gminas combined both programs voluntarily before the joint program became the law.
    let mut combined = in_year(joint_report(), 2020);
    combined.program.npz_edition = "npz-2016-2020".into();
    let findings = validate(&combined);
    assert!(findings.is_empty(), "{findings:#?}");

    let mut alcohol = in_year(joint_report(), 2019);
    alcohol.program.regime = Regime::AlcoholOnly;
    alcohol
        .activities
        .retain(|a| a.tasks.iter().all(|t| !t.as_str().starts_with("drugs")));
    alcohol.budget.lines.retain(|l| l.chapter == "85154");
    let findings = validate(&alcohol);
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{findings:#?}"
    );
    assert_silent(&alcohol, &REGIME_SEPARATE_FROM_2022);
    assert_silent(&drug_report(), &REGIME_SEPARATE_FROM_2022);
}

#[test]
fn rule_program_period_too_long() {
    let mut r = joint_report();
    r.program.period_from = 2022;
    r.program.period_to = 2026;
    let f = assert_fires(&r, &PROGRAM_PERIOD_TOO_LONG);
    assert_eq!(f.path, "program.period_to");
    assert!(f.message.contains("2022–2026 (5 lat)"), "{}", f.message);
    assert!(f.citation.unwrap().starts_with("art. 4¹ ust. 2a"));

    r.program.period_to = 2025;
    assert_silent(&r, &PROGRAM_PERIOD_TOO_LONG);
    // Before 2022 no provision limited the period.
    let mut old = drug_report();
    old.program.period_from = 2016;
    old.program.period_to = 2020;
    assert_silent(&old, &PROGRAM_PERIOD_TOO_LONG);
}

#[test]
fn rule_year_outside_program_period() {
    let mut r = drug_report();
    r.program.period_from = 2021;
    r.program.period_to = 2024;
    let f = assert_fires(&r, &YEAR_OUTSIDE_PROGRAM_PERIOD);
    assert_eq!(f.path, "program.period_from");
    assert!(f.message.contains("2021–2024"), "{}", f.message);

    // A multi-year program covering the report year is fine.
    r.program.period_from = 2020;
    assert_silent(&r, &YEAR_OUTSIDE_PROGRAM_PERIOD);
}

#[test]
fn rule_program_period_reversed() {
    let mut r = drug_report();
    r.program.period_from = 2021;
    r.program.period_to = 2020;
    let f = assert_fires(&r, &PROGRAM_PERIOD_REVERSED);
    assert_eq!(f.path, "program.period_to");
    assert_silent(&r, &YEAR_OUTSIDE_PROGRAM_PERIOD); // one finding for one problem

    r.program.period_from = 2020;
    assert_silent(&r, &PROGRAM_PERIOD_REVERSED);
}

#[test]
fn rule_resolution_number_malformed() {
    let mut r = drug_report();
    for bad in [
        "Nr XVIII/300/2019",
        "300/2019",
        "18/300/2019",
        "XVIII/300/2019 r.",
        "xviii/300/2019",
    ] {
        r.program.resolution.number = bad.into();
        let f = assert_fires(&r, &RESOLUTION_NUMBER_MALFORMED);
        assert_eq!(f.path, "program.resolution.number");
    }
    for good in ["XVIII/300/2019", "XVIII.300.2019", " XVIII/300/2019 "] {
        r.program.resolution.number = good.into();
        assert_silent(&r, &RESOLUTION_NUMBER_MALFORMED);
    }
}

#[test]
fn rule_resolution_session_roman_invalid() {
    let mut r = drug_report();
    r.program.resolution.number = "XIIII/300/2019".into();
    let f = assert_fires(&r, &RESOLUTION_SESSION_ROMAN_INVALID);
    assert_eq!(f.param("suggestion"), Some("XIV"));
    assert!(f.message.contains("czy chodziło o XIV"), "{}", f.message);
    r.program.resolution.number = "VX/300/2019".into();
    assert_fires(&r, &RESOLUTION_SESSION_ROMAN_INVALID);

    for good in ["XIV/300/2019", "XLIX/300/2019", "IV/1/2019"] {
        r.program.resolution.number = good.into();
        assert_silent(&r, &RESOLUTION_SESSION_ROMAN_INVALID);
    }
}

#[test]
fn rule_resolution_year_two_digit() {
    let mut r = drug_report();
    r.program.resolution.number = "XVIII/300/19".into();
    let f = assert_fires(&r, &RESOLUTION_YEAR_TWO_DIGIT);
    assert_eq!(f.param("year"), Some("2019"));
    // Accepted as 2019: no malformed-number warning and no year mismatch with 19 Dec 2019.
    assert_silent(&r, &RESOLUTION_NUMBER_MALFORMED);
    assert_silent(&r, &RESOLUTION_YEAR_MISMATCH);

    r.program.resolution.number = "XVIII/300/2019".into();
    assert_silent(&r, &RESOLUTION_YEAR_TWO_DIGIT);
}

#[test]
fn rule_resolution_year_mismatch() {
    let mut r = drug_report();
    r.program.resolution.number = "XVIII/300/2018".into();
    let f = assert_fires(&r, &RESOLUTION_YEAR_MISMATCH);
    assert!(f.message.contains("19 grudnia 2019 r."), "{}", f.message);

    r.program.resolution.number = "XVIII/300/2019".into();
    assert_silent(&r, &RESOLUTION_YEAR_MISMATCH);
}

#[test]
fn rule_resolution_date_missing() {
    let mut r = drug_report();
    r.program.resolution.date = None;
    let f = assert_fires(&r, &RESOLUTION_DATE_MISSING);
    assert_eq!(f.path, "program.resolution.date");

    r.program.resolution.date = Some(date(2019, 12, 19));
    assert_silent(&r, &RESOLUTION_DATE_MISSING);
}

#[test]
fn rule_resolution_after_report_year() {
    let mut r = drug_report();
    r.program.resolution.number = "XXX/400/2021".into();
    r.program.resolution.date = Some(date(2021, 2, 1));
    let f = assert_fires(&r, &RESOLUTION_AFTER_REPORT_YEAR);
    assert_eq!(f.path, "program.resolution.date");
    assert_silent(&r, &RESOLUTION_AFTER_PROGRAM_START);

    r.program.resolution.number = "XVIII/300/2019".into();
    r.program.resolution.date = Some(date(2019, 12, 19));
    assert_silent(&r, &RESOLUTION_AFTER_REPORT_YEAR);
}

#[test]
fn rule_resolution_after_program_start() {
    // Kalisz: the 2020 program was adopted on 23 January 2020 — a warning, not an error.
    let mut r = drug_report();
    r.program.resolution.number = "XIX/334/2020".into();
    r.program.resolution.date = Some(date(2020, 1, 23));
    let f = assert_fires(&r, &RESOLUTION_AFTER_PROGRAM_START);
    assert!(f.message.contains("23 stycznia 2020 r."), "{}", f.message);
    assert_eq!(errors(&validate(&r)), 0);

    r.program.resolution.date = Some(date(2020, 1, 1));
    assert_silent(&r, &RESOLUTION_AFTER_PROGRAM_START);
}

#[test]
fn rule_resolution_after_joint_deadline() {
    let mut r = in_year(joint_report(), 2022);
    r.program.resolution.number = "XL/100/2022".into();
    r.program.resolution.date = Some(date(2022, 4, 28));
    let f = assert_fires(&r, &RESOLUTION_AFTER_JOINT_DEADLINE);
    assert!(f.message.contains("31 marca 2022 r."), "{}", f.message);
    assert_silent(&r, &RESOLUTION_AFTER_PROGRAM_START);

    // Adopted within the transitional period: nothing to say.
    r.program.resolution.date = Some(date(2022, 3, 24));
    assert_silent(&r, &RESOLUTION_AFTER_JOINT_DEADLINE);
    assert_silent(&r, &RESOLUTION_AFTER_PROGRAM_START);
}

// ---------------------------------------------------------------------------------------------
// Dates of the report
// ---------------------------------------------------------------------------------------------

#[test]
fn rule_report_prepared_within_year() {
    let mut r = drug_report();
    r.prepared_on = Some(date(2020, 12, 15));
    let f = assert_fires(&r, &REPORT_PREPARED_WITHIN_YEAR);
    assert_eq!(f.path, "prepared_on");
    assert!(f.citation.unwrap().contains("art. 11"));

    r.prepared_on = Some(date(2021, 1, 4));
    assert_silent(&r, &REPORT_PREPARED_WITHIN_YEAR);
}

#[test]
fn rule_council_deadline_within_year() {
    let mut r = joint_report();
    r.council_deadline = Some(date(2023, 12, 31));
    let f = assert_fires(&r, &COUNCIL_DEADLINE_WITHIN_YEAR);
    assert_eq!(f.path, "council_deadline");
    // From 2022 the report is due under art. 4¹ ust. 2b, never "the council's resolution".
    assert!(f.citation.unwrap().starts_with("art. 4¹ ust. 2b"));

    r.council_deadline = Report::default_deadline(2023);
    assert_silent(&r, &COUNCIL_DEADLINE_WITHIN_YEAR);
}

#[test]
fn rule_council_deadline_after_statutory() {
    let mut r = joint_report();
    r.council_deadline = Some(date(2024, 9, 30));
    let f = assert_fires(&r, &COUNCIL_DEADLINE_AFTER_STATUTORY);
    assert_eq!(f.path, "council_deadline");
    assert!(f.message.contains("30 czerwca 2024"), "{}", f.message);
    assert!(f.citation.unwrap().starts_with("art. 4¹ ust. 2b"));

    r.council_deadline = Some(date(2024, 5, 31));
    assert_silent(&r, &COUNCIL_DEADLINE_AFTER_STATUTORY);
    // Before 2022 the deadline was the program's own (art. 11 of the drug act set none here).
    let mut old = drug_report();
    old.council_deadline = Some(date(2021, 9, 30));
    assert_silent(&old, &COUNCIL_DEADLINE_AFTER_STATUTORY);
}

#[test]
fn rule_council_presented_before_year_end() {
    let mut r = joint_report();
    r.council.presented_on = Some(date(2023, 12, 20));
    let f = assert_fires(&r, &COUNCIL_PRESENTED_BEFORE_YEAR_END);
    assert_eq!(f.path, "council.presented_on");
    assert!(f.is_error());

    r.council.presented_on = Some(date(2024, 5, 28));
    assert_silent(&r, &COUNCIL_PRESENTED_BEFORE_YEAR_END);
}

#[test]
fn rule_council_presented_late() {
    let mut r = joint_report();
    r.council.presented_on = Some(date(2024, 8, 29));
    let f = assert_fires(&r, &COUNCIL_PRESENTED_LATE);
    assert_eq!(f.path, "council.presented_on");
    assert!(f.message.contains("30 czerwca 2024"), "{}", f.message);

    r.council.presented_on = Some(date(2024, 6, 30));
    assert_silent(&r, &COUNCIL_PRESENTED_LATE);
}

#[test]
fn rule_council_resolution_number_missing() {
    let mut r = joint_report();
    r.council.outcome = CouncilOutcome::Resolution;
    let f = assert_fires(&r, &COUNCIL_RESOLUTION_NUMBER_MISSING);
    assert_eq!(f.path, "council.resolution_number");

    r.council.resolution_number = "XII/98/2024".into();
    assert_silent(&r, &COUNCIL_RESOLUTION_NUMBER_MISSING);
    r.council = CouncilPresentation {
        outcome: CouncilOutcome::Noted,
        ..CouncilPresentation::default()
    };
    assert_silent(&r, &COUNCIL_RESOLUTION_NUMBER_MISSING);
}

#[test]
fn the_report_basis_follows_the_report_year() {
    let cat = catalogue();
    let basis = |regime, year| {
        Cite::ReportBasis
            .citation_id(regime, year)
            .and_then(|id| cat.citation(id))
            .unwrap()
    };
    assert!(basis(Regime::DrugOnly, 2020).starts_with("art. 11 ust. 1"));
    assert!(basis(Regime::Joint, 2021).starts_with("art. 11 ust. 1"));
    for regime in Regime::ALL {
        assert!(basis(regime, 2022).starts_with("art. 4¹ ust. 2b"));
        assert!(basis(regime, 2025).starts_with("art. 4¹ ust. 2b"));
    }
    // No citation anywhere is "the council's resolution".
    assert!(cat
        .citations
        .iter()
        .all(|c| !c.text.contains("uchwała rady")));
}

#[test]
fn a_sparse_but_honest_real_report_gets_warnings_not_errors() {
    // What real reports of other gminas look like: no TERYT, no resolution number or date, no
    // program period, no per-activity costs, activities without indicators, tasks left out.
    let mut r = Report::new(Id::new("sparse"), 2024);
    r.gmina.name = "Gmina Wiejska".into();
    r.program.title = "Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych oraz Przeciwdziałania Narkomanii na 2024 rok".into();
    r.program.resolution.council = "Rada Gminy Wiejska".into();
    r.program.period_from = 0;
    r.program.period_to = 0;
    r.budget.lines = vec![BudgetLine {
        id: Id::new("bl-1"),
        chapter: "85154".into(),
        executed: Some(amt("61230.17")),
        ..BudgetLine::default()
    }];
    r.activities = vec![
        Activity {
            id: Id::new("a-1"),
            title: "Punkt konsultacyjny".into(),
            tasks: vec![TaskId::new("alcohol.1")],
            ..Activity::default()
        },
        Activity {
            id: Id::new("a-2"),
            title: "Zajęcia profilaktyczne w szkole".into(),
            tasks: vec![TaskId::new("alcohol.3"), TaskId::new("drugs.3")],
            ..Activity::default()
        },
    ];
    let findings = validate(&r);
    let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(findings.iter().any(|f| f.rule == "task-not-covered"));
    let teryt = findings.iter().find(|f| f.rule == "teryt-missing").unwrap();
    assert_eq!(teryt.severity, Severity::Info);
    assert!(findings.iter().all(|f| f.citation.is_some()));
}

#[test]
fn rule_report_prepared_after_deadline() {
    let mut r = drug_report();
    r.prepared_on = Some(date(2021, 7, 10));
    let f = assert_fires(&r, &REPORT_PREPARED_AFTER_DEADLINE);
    assert!(f.message.contains("10 lipca 2021 r.") && f.message.contains("30 czerwca 2021 r."));

    r.prepared_on = Some(date(2021, 6, 30));
    assert_silent(&r, &REPORT_PREPARED_AFTER_DEADLINE);
}

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

#[test]
fn rule_amount_negative() {
    let mut r = drug_report();
    r.activities[0].cost.planned = Some(amt("-5"));
    r.budget.carried_over = Some(amt("-1234.5"));
    let found = findings_of(&r, &AMOUNT_NEGATIVE);
    assert_eq!(found.len(), 2);
    let f = assert_fires(&r, &AMOUNT_NEGATIVE);
    assert_eq!(f.path, "budget.carried_over");
    assert!(f.message.contains("-1 234,50 zł"), "{}", f.message);
    assert_eq!(found[1].path, "activities[0].cost.planned");

    r.activities[0].cost.planned = Some(amt("5"));
    r.budget.carried_over = Some(amt("0"));
    assert_silent(&r, &AMOUNT_NEGATIVE);
}

#[test]
fn rule_amount_too_many_decimals() {
    let mut r = drug_report();
    r.budget.lines[0].planned = Some(amt("120000.005"));
    let f = assert_fires(&r, &AMOUNT_TOO_MANY_DECIMALS);
    assert_eq!(f.path, "budget.lines[0].planned");
    assert!(f.message.contains("120 000,005 zł"), "{}", f.message);

    // Trailing zeros are not extra precision.
    r.budget.lines[0].planned = Some(amt("120000.000"));
    assert_silent(&r, &AMOUNT_TOO_MANY_DECIMALS);
}

#[test]
fn rule_executed_over_plan() {
    let mut r = drug_report();
    r.budget.lines[1].after_changes = Some(amt("29000"));
    let f = assert_fires(&r, &EXECUTED_OVER_PLAN);
    assert_eq!(f.path, "budget.lines[1].executed");
    assert_eq!(f.param("difference"), Some("1 000,00 zł"));
    assert!(f.message.contains("plan po zmianach"));

    // Without a changed plan, the original plan is the limit.
    r.budget.lines[1].after_changes = None;
    r.budget.lines[1].planned = Some(amt("29999.99"));
    assert_eq!(
        assert_fires(&r, &EXECUTED_OVER_PLAN).param("plan_label"),
        Some("plan")
    );

    r.budget.lines[1].after_changes = Some(amt("30000"));
    assert_silent(&r, &EXECUTED_OVER_PLAN);
}

#[test]
fn rule_budget_amount_missing() {
    let mut r = drug_report();
    r.budget.lines[0].after_changes = None;
    let f = assert_fires(&r, &BUDGET_AMOUNT_MISSING);
    assert_eq!(f.path, "budget.lines[0].after_changes");
    assert!(f.message.contains("plan po zmianach"));

    r.budget.lines[0].after_changes = Some(amt("120000"));
    assert_silent(&r, &BUDGET_AMOUNT_MISSING);
}

#[test]
fn rule_budget_missing() {
    let mut r = drug_report();
    let lines = std::mem::take(&mut r.budget.lines);
    let f = assert_fires(&r, &BUDGET_MISSING);
    assert_eq!(f.path, "budget.lines");
    assert_silent(&r, &CHAPTER_SUM_MISMATCH); // no mismatch claimed against an empty budget

    r.budget.lines = lines;
    assert_silent(&r, &BUDGET_MISSING);
}

#[test]
fn rule_chapter_sum_mismatch() {
    let mut r = drug_report();
    r.activities[0].cost.executed = Some(amt("20100"));
    let f = assert_fires(&r, &CHAPTER_SUM_MISMATCH);
    assert_eq!(f.path, "budget.lines[0].executed");
    assert!(
        f.message.contains("85153 (zwalczanie narkomanii)"),
        "{}",
        f.message
    );
    assert!(f.message.contains("148 643,63 zł"), "{}", f.message);
    assert!(f.message.contains("148 543,63 zł"), "{}", f.message);
    assert!(f.message.contains("różnica 100,00 zł"), "{}", f.message);
    assert_eq!(f.param("without_cost"), None);

    r.activities[0].cost.executed = Some(amt("20000"));
    assert_silent(&r, &CHAPTER_SUM_MISMATCH);
}

#[test]
fn rule_chapter_activities_short() {
    // Costs short of the budget (activities still being entered): a warning saying how much
    // is missing, an activity without a cost named as a likely cause; never the error.
    let mut r = drug_report();
    assert_silent(&r, &CHAPTER_ACTIVITIES_SHORT);
    r.activities[0].cost.executed = None;
    assert_silent(&r, &CHAPTER_SUM_MISMATCH);
    let f = assert_fires(&r, &CHAPTER_ACTIVITIES_SHORT);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.param("without_cost"), Some("1"));
    assert!(
        f.message.contains("brakuje działań na 20 000,00 zł"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("bez wpisanego kosztu wykonanego: 1"),
        "{}",
        f.message
    );
}

#[test]
fn rule_activity_costs_not_given() {
    let mut r = drug_report();
    r.activities.iter_mut().for_each(|a| a.cost.executed = None);
    let f = assert_fires(&r, &ACTIVITY_COSTS_NOT_GIVEN);
    assert_eq!(f.path, "activities");
    assert!(f.message.contains("148 543,63 zł"), "{}", f.message);
    assert_silent(&r, &CHAPTER_SUM_MISMATCH);

    // Costs given in one chapter only: the note is about the other chapter.
    let mut joint = joint_report();
    joint
        .activities
        .iter_mut()
        .filter(|a| a.cost.chapter == "85154")
        .for_each(|a| a.cost.executed = None);
    let f = assert_fires(&joint, &ACTIVITY_COSTS_NOT_GIVEN);
    assert_eq!(f.path, "budget.lines[2].executed");
    assert!(f.message.contains("w rozdziale 85154"), "{}", f.message);
    assert_silent(&joint, &CHAPTER_SUM_MISMATCH);

    assert_silent(&drug_report(), &ACTIVITY_COSTS_NOT_GIVEN);
}

#[test]
fn rule_activity_cost_chapter_missing() {
    let mut r = drug_report();
    r.activities[1].cost.chapter.clear();
    let f = assert_fires(&r, &ACTIVITY_COST_CHAPTER_MISSING);
    assert_eq!(f.path, "activities[1].cost.chapter");
    assert!(f.message.contains("15 000,00 zł"));

    r.activities[1].cost.chapter = "85153".into();
    assert_silent(&r, &ACTIVITY_COST_CHAPTER_MISSING);
}

#[test]
fn rule_chapter_area_mismatch() {
    let mut r = joint_report();
    r.activities[0].cost.chapter = "85154".into();
    let f = assert_fires(&r, &CHAPTER_AREA_MISMATCH);
    assert_eq!(f.path, "activities[0].cost.chapter");
    assert!(f.message.contains("„narkotyki”"));
    r.activities[0].cost.chapter = "85153".into();
    r.activities[5].cost.chapter = "85153".into();
    assert_fires(&r, &CHAPTER_AREA_MISMATCH);

    // An activity on several areas may go to either chapter.
    r.activities[5].area = Area::Mixed;
    assert_silent(&r, &CHAPTER_AREA_MISMATCH);
}

#[test]
fn rule_chapter_unknown() {
    let mut r = drug_report();
    r.budget.lines[1].chapter = "8515".into();
    r.activities[0].cost.chapter = "85121".into();
    let found = findings_of(&r, &CHAPTER_UNKNOWN);
    assert_eq!(found.len(), 2);
    let f = assert_fires(&r, &CHAPTER_UNKNOWN);
    assert_eq!(f.path, "budget.lines[1].chapter");
    assert!(f.message.contains("pięciocyfrowym"), "{}", f.message);
    assert_eq!(found[1].path, "activities[0].cost.chapter");
    assert!(
        found[1].message.contains("nie należy"),
        "{}",
        found[1].message
    );

    r.budget.lines[1].chapter = "85153".into();
    r.activities[0].cost.chapter = "85153".into();
    assert_silent(&r, &CHAPTER_UNKNOWN);
}

#[test]
fn rule_paragraph_malformed() {
    let mut r = drug_report();
    r.budget.lines[0].paragraph = "43OO".into();
    let f = assert_fires(&r, &PARAGRAPH_MALFORMED);
    assert_eq!(f.path, "budget.lines[0].paragraph");

    r.budget.lines[0].paragraph = "4300".into();
    assert_silent(&r, &PARAGRAPH_MALFORMED);
    // A line with only the chapter total (no paragraph) is allowed.
    r.budget.lines[0].paragraph.clear();
    assert_silent(&r, &PARAGRAPH_MALFORMED);
}

#[test]
fn rule_paragraph_unusual() {
    let mut r = drug_report();
    r.activities[0].cost.paragraph = "4990".into();
    let f = assert_fires(&r, &PARAGRAPH_UNUSUAL);
    assert_eq!(f.path, "activities[0].cost.paragraph");

    // A source digit on a usual paragraph (4307) is fine.
    r.activities[0].cost.paragraph = "4307".into();
    assert_silent(&r, &PARAGRAPH_UNUSUAL);
}

#[test]
fn rule_permit_fees_outside_program() {
    let mut r = joint_report();
    r.budget.lines[2].chapter = "85205".into();
    let f = assert_fires(&r, &PERMIT_FEES_OUTSIDE_PROGRAM);
    assert_eq!(f.path, "budget.lines[2].source");
    assert!(f.message.contains("85205"), "{}", f.message);
    assert!(f.citation.unwrap().contains("18²"));

    r.budget.lines[2].chapter = "85154".into();
    assert_silent(&r, &PERMIT_FEES_OUTSIDE_PROGRAM);
    r.budget.lines[2].chapter = "85195".into();
    assert_silent(&r, &PERMIT_FEES_OUTSIDE_PROGRAM);
}

#[test]
fn rule_permit_fees_exceed_income() {
    let mut r = joint_report();
    r.budget.permit_fee_income = Some(amt("50000"));
    r.budget.carried_over = Some(amt("10000"));
    let f = assert_fires(&r, &PERMIT_FEES_EXCEED_INCOME);
    assert_eq!(f.path, "budget.permit_fee_income");
    assert_eq!(f.param("difference"), Some("10 000,00 zł"));
    assert!(f.message.contains("70 000,00 zł"), "{}", f.message);

    // Money carried over from earlier years counts.
    r.budget.carried_over = Some(amt("20000"));
    assert_silent(&r, &PERMIT_FEES_EXCEED_INCOME);
}

#[test]
fn rule_permit_fee_income_missing() {
    let mut r = joint_report();
    r.budget.permit_fee_income = None;
    let f = assert_fires(&r, &PERMIT_FEE_INCOME_MISSING);
    assert_eq!(f.path, "budget.permit_fee_income");

    r.budget.permit_fee_income = Some(amt("65000"));
    assert_silent(&r, &PERMIT_FEE_INCOME_MISSING);
    // No spending from permit fees: nothing to compare.
    assert_silent(&drug_report(), &PERMIT_FEE_INCOME_MISSING);
}

// ---------------------------------------------------------------------------------------------
// Activities and indicators
// ---------------------------------------------------------------------------------------------

#[test]
fn rule_activity_title_missing() {
    let mut r = drug_report();
    r.activities[3].title = "  ".into();
    let f = assert_fires(&r, &ACTIVITY_TITLE_MISSING);
    assert_eq!(f.path, "activities[3].title");
    assert!(f.message.contains("nr 4"));

    r.activities[3].title = "Profilaktyka rówieśnicza".into();
    assert_silent(&r, &ACTIVITY_TITLE_MISSING);
}

#[test]
fn rule_indicator_not_whole() {
    let mut r = drug_report();
    r.activities[0].indicators[0].achieved = Some(dec("180.5"));
    let f = assert_fires(&r, &INDICATOR_NOT_WHOLE);
    assert_eq!(f.path, "activities[0].indicators[0].achieved");
    assert!(f.message.contains("180,5"), "{}", f.message);

    // Hours may be fractional; a whole count written with decimals is fine.
    r.activities[0].indicators[0].unit = IndicatorUnit::Hours;
    assert_silent(&r, &INDICATOR_NOT_WHOLE);
    r.activities[0].indicators[0].unit = IndicatorUnit::Persons;
    r.activities[0].indicators[0].achieved = Some(dec("180.00"));
    assert_silent(&r, &INDICATOR_NOT_WHOLE);
}

#[test]
fn rule_indicator_negative() {
    let mut r = drug_report();
    r.activities[1].indicators[0].planned = Some(dec("-140"));
    let f = assert_fires(&r, &INDICATOR_NEGATIVE);
    assert_eq!(f.path, "activities[1].indicators[0].planned");
    assert!(f.message.contains("planowana"));

    r.activities[1].indicators[0].planned = Some(dec("140"));
    assert_silent(&r, &INDICATOR_NEGATIVE);
}

#[test]
fn rule_activity_done_without_indicator() {
    let mut r = drug_report();
    r.activities[2].indicators.clear();
    let f = assert_fires(&r, &ACTIVITY_DONE_WITHOUT_INDICATOR);
    assert_eq!(f.path, "activities[2].indicators");

    // Not carried out (with a reason): nothing to measure.
    r.activities[2].status = Status::NotDone;
    r.activities[2].status_reason = "Odwołane z powodu pandemii.".into();
    assert_silent(&r, &ACTIVITY_DONE_WITHOUT_INDICATOR);
}

#[test]
fn rule_indicator_achieved_missing() {
    let mut r = drug_report();
    r.activities[2].indicators[0].achieved = None;
    let f = assert_fires(&r, &INDICATOR_ACHIEVED_MISSING);
    assert_eq!(f.path, "activities[2].indicators[0].achieved");

    r.activities[2].indicators[0].achieved = Some(dec("600"));
    assert_silent(&r, &INDICATOR_ACHIEVED_MISSING);
}

#[test]
fn rule_indicator_below_plan_unexplained() {
    let mut r = drug_report();
    r.activities[2].indicators[0].achieved = Some(dec("240")); // 40% of 600
    let f = assert_fires(&r, &INDICATOR_BELOW_PLAN_UNEXPLAINED);
    assert_eq!(f.path, "activities[2].indicators[0].achieved");
    assert_eq!(f.param("percent"), Some("40"));
    assert_eq!(f.param("threshold"), Some("50"));

    // Exactly at the threshold is not "below".
    r.activities[2].indicators[0].achieved = Some(dec("300"));
    assert_silent(&r, &INDICATOR_BELOW_PLAN_UNEXPLAINED);
    // A written note explains a shortfall.
    r.activities[2].indicators[0].achieved = Some(dec("240"));
    r.activities[2].notes = "Część zajęć prowadzono zdalnie.".into();
    assert_silent(&r, &INDICATOR_BELOW_PLAN_UNEXPLAINED);
}

#[test]
fn rule_status_reason_missing() {
    let mut r = drug_report();
    r.activities[2].status = Status::Partly;
    let f = assert_fires(&r, &STATUS_REASON_MISSING);
    assert_eq!(f.path, "activities[2].status_reason");
    assert!(f.message.contains("„zrealizowane częściowo”"));

    r.activities[2].status_reason = "Ograniczenia sanitarne (COVID-19).".into();
    assert_silent(&r, &STATUS_REASON_MISSING);
}

// ---------------------------------------------------------------------------------------------
// References, partners, identifiers
// ---------------------------------------------------------------------------------------------

#[test]
fn rule_realizer_unknown() {
    let mut r = drug_report();
    r.activities[4].realizers.push(Id::new("p-99"));
    let f = assert_fires(&r, &REALIZER_UNKNOWN);
    assert_eq!(f.path, "activities[4].realizers[1]");
    assert!(f.message.contains("„Klub Integracji Społecznej”"));

    r.activities[4].realizers.pop();
    assert_silent(&r, &REALIZER_UNKNOWN);
}

#[test]
fn rule_coalition_member_unknown() {
    let mut r = drug_report();
    r.coalitions.push(Coalition {
        id: Id::new("c-1"),
        name: "Koalicja na rzecz trzeźwości".into(),
        members: ids(&["p-1", "p-99"]),
        ..Coalition::default()
    });
    let f = assert_fires(&r, &COALITION_MEMBER_UNKNOWN);
    assert_eq!(f.path, "coalitions[0].members[1]");

    r.coalitions[0].members = ids(&["p-1", "p-2"]);
    assert_silent(&r, &COALITION_MEMBER_UNKNOWN);
}

#[test]
fn rule_activity_goal_unknown() {
    let mut r = drug_report();
    r.activities[0].goal = Some(Id::new("g-9"));
    let f = assert_fires(&r, &ACTIVITY_GOAL_UNKNOWN);
    assert_eq!(f.path, "activities[0].goal");

    r.activities[0].goal = None; // a report need not use goals
    assert_silent(&r, &ACTIVITY_GOAL_UNKNOWN);
}

#[test]
fn rule_partner_name_duplicate() {
    let mut r = drug_report();
    r.partners.push(Partner {
        id: Id::new("p-4"),
        name: "  mops  w KALISZU ".into(),
        ..Partner::default()
    });
    let f = assert_fires(&r, &PARTNER_NAME_DUPLICATE);
    assert_eq!(f.path, "partners[3].name");
    assert_eq!(
        (f.param("first"), f.param("second")),
        (Some("2"), Some("4"))
    );

    r.partners[3].name = "MOPS w Ostrowie".into();
    assert_silent(&r, &PARTNER_NAME_DUPLICATE);
}

#[test]
fn rule_id_duplicate() {
    let mut r = drug_report();
    r.activities[1].id = Id::new("a-1");
    let f = assert_fires(&r, &ID_DUPLICATE);
    assert_eq!(f.path, "activities[1].id");
    assert!(
        f.message.starts_with("Działania: pozycje nr 1 i 2"),
        "{}",
        f.message
    );

    r.activities[1].id = Id::new("a-2");
    assert_silent(&r, &ID_DUPLICATE);
    // A long list (checked through a map rather than a scan) too.
    let mut joint = joint_report();
    joint.activities[10].id = Id::new("a-1");
    let f = assert_fires(&joint, &ID_DUPLICATE);
    assert_eq!(f.path, "activities[10].id");
    assert_eq!(
        (f.param("first"), f.param("second")),
        (Some("1"), Some("11"))
    );
    // Ids are unique per list: a partner and a goal may share one.
    r.partners[0].id = Id::new("g-1");
    r.activities
        .iter_mut()
        .for_each(|a| a.realizers = ids(&["g-1"]));
    assert_silent(&r, &ID_DUPLICATE);
}

#[test]
fn rule_id_missing() {
    let mut r = drug_report();
    r.budget.lines[1].id = Id::new(" ");
    let f = assert_fires(&r, &ID_MISSING);
    assert_eq!(f.path, "budget.lines[1].id");

    r.budget.lines[1].id = r.new_id("bl");
    assert_silent(&r, &ID_MISSING);
}

// ---------------------------------------------------------------------------------------------
// Gmina and required data
// ---------------------------------------------------------------------------------------------

#[test]
fn rule_teryt_malformed() {
    let mut r = drug_report();
    for bad in ["306101", "30610111", "306101a", "30 61 01 1", "3061010"] {
        r.gmina.teryt = bad.into();
        let f = assert_fires(&r, &TERYT_MALFORMED);
        assert_eq!(f.path, "gmina.teryt");
    }
    r.gmina.teryt = "3061011".into();
    assert_silent(&r, &TERYT_MALFORMED);
}

#[test]
fn rule_teryt_voivodeship_unknown() {
    let mut r = drug_report();
    r.gmina.teryt = "3361011".into();
    let f = assert_fires(&r, &TERYT_VOIVODESHIP_UNKNOWN);
    assert_eq!(f.param("code"), Some("33"));

    r.gmina.teryt = "3061011".into();
    assert_silent(&r, &TERYT_VOIVODESHIP_UNKNOWN);
}

#[test]
fn rule_teryt_voivodeship_mismatch() {
    let mut r = drug_report();
    r.gmina.voivodeship = "mazowieckie".into();
    let f = assert_fires(&r, &TERYT_VOIVODESHIP_MISMATCH);
    assert_eq!(f.path, "gmina.voivodeship");
    assert_eq!(f.param("expected"), Some("wielkopolskie"));

    r.gmina.voivodeship = "Województwo Wielkopolskie".into();
    assert_silent(&r, &TERYT_VOIVODESHIP_MISMATCH);
}

#[test]
fn rule_teryt_kind_mismatch() {
    let mut r = drug_report();
    r.gmina.kind = Some(GminaKind::Urban);
    let f = assert_fires(&r, &TERYT_KIND_MISMATCH);
    assert_eq!(f.path, "gmina.kind");
    assert!(
        f.message.contains("miasto na prawach powiatu"),
        "{}",
        f.message
    );
    r.gmina.teryt = "3007054".into(); // a town within an urban-rural gmina, not a gmina
    assert_fires(&r, &TERYT_KIND_MISMATCH);

    r.gmina.teryt = "3061011".into();
    r.gmina.kind = Some(GminaKind::CityWithPowiatRights);
    assert_silent(&r, &TERYT_KIND_MISMATCH);
    r.gmina.teryt = "3007053".into();
    r.gmina.kind = Some(GminaKind::UrbanRural);
    assert_silent(&r, &TERYT_KIND_MISMATCH);
    // A kind not chosen yet contradicts nothing.
    r.gmina.kind = None;
    assert_silent(&r, &TERYT_KIND_MISMATCH);
}

#[test]
fn rule_required_field_missing() {
    let mut r = drug_report();
    r.gmina.name = " ".into();
    r.program.resolution.council.clear();
    let found = findings_of(&r, &REQUIRED_FIELD_MISSING);
    let paths: Vec<&str> = found.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["gmina.name", "program.resolution.council"]);
    let f = assert_fires(&r, &REQUIRED_FIELD_MISSING);
    assert_eq!(f.message, "Brak wymaganej informacji: nazwa gminy.");

    r.gmina.name = "Kalisz".into();
    r.program.resolution.council = "Rada Miasta Kalisza".into();
    assert_silent(&r, &REQUIRED_FIELD_MISSING);
}

#[test]
fn rule_recommended_field_missing() {
    let mut r = drug_report();
    r.prepared_by.clear();
    let f = assert_fires(&r, &RECOMMENDED_FIELD_MISSING);
    assert_eq!(f.path, "prepared_by");

    r.prepared_by = "Pełnomocnik Prezydenta ds. Profilaktyki".into();
    assert_silent(&r, &RECOMMENDED_FIELD_MISSING);
}

#[test]
fn rule_year_implausible() {
    let mut r = drug_report();
    r.year = 20200;
    let f = assert_fires(&r, &YEAR_IMPLAUSIBLE);
    assert_eq!(f.path, "year");

    r.year = 2020;
    assert_silent(&r, &YEAR_IMPLAUSIBLE);
}

#[test]
fn rule_npz_edition_unknown() {
    let mut r = drug_report();
    r.program.npz_edition.clear();
    let f = assert_fires(&r, &NPZ_EDITION_UNKNOWN);
    assert!(!f.message.contains("wpisano"));
    r.program.npz_edition = "npz-1999".into();
    let f = assert_fires(&r, &NPZ_EDITION_UNKNOWN);
    assert!(f.message.contains("„npz-1999”"));

    r.program.npz_edition = "npz-2016-2020".into();
    assert_silent(&r, &NPZ_EDITION_UNKNOWN);
}

#[test]
fn rule_npz_edition_year_mismatch() {
    let mut r = drug_report();
    r.program.npz_edition = "npz-2021-2025".into();
    let f = assert_fires(&r, &NPZ_EDITION_YEAR_MISMATCH);
    assert_eq!(f.path, "program.npz_edition");

    r.program.npz_edition = "npz-2016-2020".into();
    assert_silent(&r, &NPZ_EDITION_YEAR_MISMATCH);
}

// ---------------------------------------------------------------------------------------------
// Money from the fees, group costs, questioned spending
// ---------------------------------------------------------------------------------------------

#[test]
fn rule_small_bottle_outside_purpose() {
    let mut r = joint_report();
    r.budget.small_bottle_income = Some(amt("20000"));
    r.activities[1].cost.source = FundingSource::SmallBottleFee; // a drugs activity
    let f = assert_fires(&r, &SMALL_BOTTLE_OUTSIDE_PURPOSE);
    assert_eq!(f.path, "activities[1].cost.source");
    assert!(f.message.contains("narkomanii"));
    assert!(f.citation.unwrap().starts_with("art. 9³ ust. 4"));

    r.activities[1].cost.source = FundingSource::Budget;
    r.activities[5].cost.source = FundingSource::SmallBottleFee; // an alcohol activity
    assert_silent(&r, &SMALL_BOTTLE_OUTSIDE_PURPOSE);

    r.budget.lines[0].source = FundingSource::SmallBottleFee;
    r.budget.lines[0].chapter = "92605".into();
    let f = assert_fires(&r, &SMALL_BOTTLE_OUTSIDE_PURPOSE);
    assert_eq!(f.path, "budget.lines[0].source");
    assert!(f.message.contains("92605"));
}

#[test]
fn rule_small_bottle_exceeds_income() {
    let mut r = joint_report();
    let mut line = budget_line("bl-9", "85154", "4210", "9000", "8000");
    line.source = FundingSource::SmallBottleFee;
    r.budget.lines.push(line);
    r.budget.small_bottle_income = Some(amt("7500"));
    let f = assert_fires(&r, &SMALL_BOTTLE_EXCEEDS_INCOME);
    assert_eq!(f.path, "budget.small_bottle_income");
    assert_eq!(f.param("difference"), Some("500,00 zł"));

    r.budget.small_bottle_income = Some(amt("8000"));
    assert_silent(&r, &SMALL_BOTTLE_EXCEEDS_INCOME);
}

#[test]
fn rule_permit_fees_exceed_income_is_an_error_under_art_18_2() {
    let mut r = joint_report();
    r.budget.permit_fee_income = Some(amt("50000"));
    r.budget.carried_over = Some(amt("10000"));
    let f = assert_fires(&r, &PERMIT_FEES_EXCEED_INCOME);
    assert!(f.is_error());
    assert!(f.citation.unwrap().starts_with("art. 18²"));
    assert_eq!(r.budget.permit_fees_carried_out(), Some(amt("-10000")));
}

#[test]
fn rule_investment_charged_to_program() {
    let mut r = joint_report();
    r.budget.lines[2].paragraph = "6050".into();
    r.activities
        .iter_mut()
        .filter(|a| a.cost.paragraph == "4300" && a.cost.chapter == "85154")
        .for_each(|a| a.cost.paragraph = "6050".into());
    let found = findings_of(&r, &INVESTMENT_CHARGED_TO_PROGRAM);
    assert_eq!(found.len(), 1, "said once, on the budget line: {found:#?}");
    assert_eq!(found[0].path, "budget.lines[2].paragraph");
    assert!(
        found[0].message.contains("70 000,00 zł"),
        "{}",
        found[0].message
    );
    assert!(found[0].message.contains("izby obrachunkowe"));

    // Without a budget line in § 6050 the activity's cost is flagged.
    r.budget.lines[2].paragraph = "4300".into();
    let f = assert_fires(&r, &INVESTMENT_CHARGED_TO_PROGRAM);
    assert_eq!(f.path, "activities[5].cost.paragraph");

    let r = joint_report();
    assert_silent(&r, &INVESTMENT_CHARGED_TO_PROGRAM);
}

#[test]
fn rule_event_without_prevention() {
    let mut r = joint_report();
    r.activities[2].title = "Festyn rodzinny na dożynkach".into();
    r.activities[2].level = PreventionLevel::NotApplicable;
    let f = assert_fires(&r, &EVENT_WITHOUT_PREVENTION);
    assert_eq!(f.path, "activities[2].level");
    assert!(f.message.contains("50 000,00 zł"), "{}", f.message);

    // A marked event is flagged whatever its title; a prevention level answers the question.
    r.activities[2].title = "Dzień Dziecka".into();
    r.activities[2].event = true;
    assert_fires(&r, &EVENT_WITHOUT_PREVENTION);
    r.activities[2].level = PreventionLevel::Universal;
    assert_silent(&r, &EVENT_WITHOUT_PREVENTION);
}

#[test]
fn rule_group_cost_covers_nothing() {
    let mut r = drug_report();
    r.group_costs.push(GroupCost {
        id: Id::new("gc-1"),
        description: "Programy w szkołach".into(),
        ..GroupCost::default()
    });
    let f = assert_fires(&r, &GROUP_COST_COVERS_NOTHING);
    assert_eq!(f.path, "group_costs[0].activities");
    assert!(f.message.contains("„Programy w szkołach”"));

    r.group_costs[0].goal = Some(Id::new("g-3"));
    assert_silent(&r, &GROUP_COST_COVERS_NOTHING);
}

#[test]
fn a_cost_given_for_a_whole_goal_counts_in_the_chapter_sum() {
    let mut r = drug_report();
    // Activities a-3 and a-4 lose their own costs; one amount for goal III covers them.
    r.activities[2].cost.executed = None;
    r.activities[3].cost.executed = None;
    assert_fires(&r, &CHAPTER_ACTIVITIES_SHORT);
    r.group_costs.push(GroupCost {
        id: Id::new("gc-1"),
        description: "Profilaktyka — koszt wspólny".into(),
        goal: Some(Id::new("g-3")),
        cost: Cost {
            executed: Some(amt("80000")),
            chapter: "85153".into(),
            paragraph: "4300".into(),
            ..Cost::default()
        },
        ..GroupCost::default()
    });
    assert_silent(&r, &CHAPTER_SUM_MISMATCH);
    assert_silent(&r, &CHAPTER_ACTIVITIES_SHORT);
    r.group_costs[0].cost.executed = Some(amt("79999.99"));
    let f = assert_fires(&r, &CHAPTER_ACTIVITIES_SHORT);
    assert_eq!(f.param("difference"), Some("0,01 zł"));
}

#[test]
fn rule_reference_unknown() {
    let mut r = drug_report();
    r.group_costs.push(GroupCost {
        id: Id::new("gc-1"),
        description: "Wspólne".into(),
        goal: Some(Id::new("g-9")),
        activities: ids(&["a-1", "a-99"]),
        ..GroupCost::default()
    });
    let found = findings_of(&r, &REFERENCE_UNKNOWN);
    let paths: Vec<&str> = found.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        ["group_costs[0].goal", "group_costs[0].activities[1]"]
    );
    assert!(found[1].message.contains("„a-99”"));

    let mut r = joint_report();
    r.gkrpa.budget_lines = ids(&["bl-404"]);
    let f = assert_fires(&r, &REFERENCE_UNKNOWN);
    assert_eq!(f.path, "gkrpa.budget_lines[0]");
    r.gkrpa.budget_lines = ids(&["bl-3"]);
    assert_silent(&r, &REFERENCE_UNKNOWN);
}

// ---------------------------------------------------------------------------------------------
// The commission (GKRPA) and consultation points
// ---------------------------------------------------------------------------------------------

#[test]
fn rule_gkrpa_missing() {
    let mut r = joint_report();
    r.gkrpa = Gkrpa::default();
    let f = assert_fires(&r, &GKRPA_MISSING);
    assert_eq!(f.path, "gkrpa");
    assert!(f.is_warning());
    assert!(f.citation.unwrap().starts_with("art. 4¹ ust. 3–5"));

    // A drug-only program has no commission to report on.
    assert_silent(&drug_report(), &GKRPA_MISSING);
    r.gkrpa.meetings = Some(10);
    assert_silent(&r, &GKRPA_MISSING);
}

#[test]
fn rule_gkrpa_trained_over_members() {
    let mut r = joint_report();
    r.gkrpa.trained_members = Some(7);
    let f = assert_fires(&r, &GKRPA_TRAINED_OVER_MEMBERS);
    assert_eq!(f.path, "gkrpa.trained_members");
    assert!(f.message.contains("5 członków") && f.message.contains("7"));

    r.gkrpa.trained_members = Some(5);
    assert_silent(&r, &GKRPA_TRAINED_OVER_MEMBERS);
}

#[test]
fn rule_gkrpa_court_over_referrals() {
    let mut r = joint_report();
    r.gkrpa.court_applications = Some(9);
    let f = assert_fires(&r, &GKRPA_COURT_OVER_REFERRALS);
    assert_eq!(f.path, "gkrpa.court_applications");
    assert!(f.is_warning());

    r.gkrpa.court_applications = Some(6);
    assert_silent(&r, &GKRPA_COURT_OVER_REFERRALS);
}

#[test]
fn rule_gkrpa_cost_mismatch() {
    let mut r = joint_report();
    r.gkrpa.budget_lines = ids(&["bl-3"]);
    r.gkrpa.cost = Some(amt("16200"));
    let f = assert_fires(&r, &GKRPA_COST_MISMATCH);
    assert_eq!(f.path, "gkrpa.cost");
    assert_eq!(f.param("budget_sum"), Some("70 000,00 zł"));
    assert_eq!(f.param("difference"), Some("53 800,00 zł"));

    r.gkrpa.cost = Some(amt("70000.00"));
    assert_silent(&r, &GKRPA_COST_MISMATCH);
    // Without budget lines named there is nothing to compare with.
    r.gkrpa.budget_lines.clear();
    r.gkrpa.cost = Some(amt("1"));
    assert_silent(&r, &GKRPA_COST_MISMATCH);
}

#[test]
fn rule_consultations_fewer_than_clients() {
    let mut r = joint_report();
    r.consultation_points.push(ConsultationPoint {
        id: Id::new("cp-1"),
        name: "Punkt Konsultacyjny".into(),
        clients: ClientCounts {
            addicted: Some(20),
            co_dependent: Some(10),
            ..ClientCounts::default()
        },
        consultations: ClientCounts {
            addicted: Some(64),
            co_dependent: Some(8),
            ..ClientCounts::default()
        },
        ..ConsultationPoint::default()
    });
    let f = assert_fires(&r, &CONSULTATIONS_FEWER_THAN_CLIENTS);
    assert_eq!(f.path, "consultation_points[0].consultations.co_dependent");
    assert!(f.message.contains("osoby współuzależnione"));

    r.consultation_points[0].consultations.co_dependent = Some(10);
    assert_silent(&r, &CONSULTATIONS_FEWER_THAN_CLIENTS);
    r.consultation_points[0].name.clear();
    let f = assert_fires(&r, &REQUIRED_FIELD_MISSING);
    assert_eq!(f.path, "consultation_points[0].name");
}

#[test]
fn rule_teryt_missing() {
    let mut r = drug_report();
    r.gmina.teryt.clear();
    let f = assert_fires(&r, &TERYT_MISSING);
    assert_eq!(f.path, "gmina.teryt");
    assert_eq!(f.severity, Severity::Info);
    assert_silent(&r, &REQUIRED_FIELD_MISSING);

    r.gmina.teryt = "3061011".into();
    assert_silent(&r, &TERYT_MISSING);
}

// ---------------------------------------------------------------------------------------------
// This year against last year
// ---------------------------------------------------------------------------------------------

/// The clean joint report for 2024, linked to the same report for 2023, the permit-fee money
/// carried in being what 2023 left (65 000 + 12 000,50 − 70 000).
fn linked_report() -> Report {
    let last = joint_report();
    let mut r = in_year(joint_report(), 2024);
    r.program.title = r.program.title.replace("2023", "2024");
    r.budget.carried_over = Some(amt("7000.50"));
    r.previous_year = Some(PreviousYear::from_report(&last, Some("raport-2023.json")));
    r
}

#[test]
fn a_linked_pair_of_clean_reports_has_no_findings() {
    let findings = validate(&linked_report());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn rule_previous_year_mismatch() {
    let mut r = linked_report();
    r.previous_year.as_mut().unwrap().source.year = 2021;
    let f = assert_fires(&r, &PREVIOUS_YEAR_MISMATCH);
    assert_eq!(f.path, "previous_year.source");
    assert!(f.message.contains("za 2021 r."), "{}", f.message);
    assert!(f.message.contains("za 2023 r."), "{}", f.message);

    let mut r = linked_report();
    r.previous_year.as_mut().unwrap().source.gmina = "Gmina Inna".into();
    let f = assert_fires(&r, &PREVIOUS_YEAR_MISMATCH);
    assert!(
        f.message.contains("gminy „Gmina Inna” za 2023 r."),
        "{}",
        f.message
    );

    // The same gmina written another way, or not written, is no mismatch.
    r.previous_year.as_mut().unwrap().source.gmina = "  KALISZ ".into();
    assert_silent(&r, &PREVIOUS_YEAR_MISMATCH);
    r.previous_year.as_mut().unwrap().source.gmina.clear();
    assert_silent(&r, &PREVIOUS_YEAR_MISMATCH);
}

#[test]
fn rule_figure_changed_tenfold() {
    let mut r = linked_report();
    r.gkrpa.meetings = Some(120);
    let f = assert_fires(&r, &FIGURE_CHANGED_TENFOLD);
    assert_eq!(f.path, "gkrpa.meetings");
    assert_eq!(f.param("last"), Some("12"));
    assert_eq!(f.param("this"), Some("120"));
    assert_eq!(f.param("factor"), Some("10"));
    assert!(f.message.contains("Gminna komisja"), "{}", f.message);

    // A zero too few on an indicator of an activity: named with its activity.
    let mut r = linked_report();
    r.activities[2].indicators[0].achieved = Some(dec("60"));
    let f = assert_fires(&r, &FIGURE_CHANGED_TENFOLD);
    assert_eq!(f.path, "activities[2].indicators[0].achieved");
    assert_eq!(
        f.param("figure"),
        Some("„Ferie w mieście”, Liczba uczestników")
    );

    r.activities[2].indicators[0].achieved = Some(dec("61"));
    assert_silent(&r, &FIGURE_CHANGED_TENFOLD);
    // Without a link there is nothing to compare with.
    r.activities[2].indicators[0].achieved = Some(dec("60"));
    r.previous_year = None;
    assert_silent(&r, &FIGURE_CHANGED_TENFOLD);
}

#[test]
fn rule_activity_disappeared() {
    let mut r = linked_report();
    r.activities.remove(2);
    let f = assert_fires(&r, &ACTIVITY_DISAPPEARED);
    assert_eq!(f.path, "previous_year.figures.activities[2]");
    assert_eq!(f.param("activity"), Some("„Ferie w mieście”"));
    assert!(f.message.contains("W 2023 r."), "{}", f.message);

    // Said in the conclusions: no longer "without a word".
    r.conclusions = "Ferie w Mieście nie odbyły się z powodu remontu szkoły.".into();
    assert_silent(&r, &ACTIVITY_DISAPPEARED);

    // Renamed, under the same id: the same activity, not a disappearance.
    let mut r = linked_report();
    r.activities[2].title = "Ferie zimowe w mieście".into();
    assert_silent(&r, &ACTIVITY_DISAPPEARED);
}

#[test]
fn rule_partner_disappeared() {
    let mut r = linked_report();
    r.partners.remove(2);
    let f = assert_fires(&r, &PARTNER_DISAPPEARED);
    assert_eq!(f.path, "previous_year.figures.partners[2]");
    assert_eq!(f.param("partner"), Some("„Komenda Miejska Policji”"));

    r.monitoring = "Komenda Miejska Policji przestała przekazywać dane.".into();
    assert_silent(&r, &PARTNER_DISAPPEARED);
    // Kept under a new id: still there.
    let mut r = linked_report();
    r.partners[2].id = Id::new("policja");
    assert_silent(&r, &PARTNER_DISAPPEARED);
}

#[test]
fn rule_carry_over_mismatch() {
    let mut r = linked_report();
    r.budget.carried_over = Some(amt("12000.50"));
    let f = assert_fires(&r, &CARRY_OVER_MISMATCH);
    assert_eq!(f.path, "budget.carried_over");
    assert_eq!(f.param("left"), Some("7 000,50 zł"));
    assert_eq!(f.param("carried"), Some("12 000,50 zł"));
    assert!(f.citation.unwrap().contains("18²"));

    r.budget.carried_over = None;
    let f = assert_fires(&r, &CARRY_OVER_MISMATCH);
    assert!(
        f.message
            .contains("nie wpisano środków przeniesionych z 2023 r."),
        "{}",
        f.message
    );

    r.budget.carried_over = Some(amt("7000.50"));
    assert_silent(&r, &CARRY_OVER_MISMATCH);
}
