#![cfg(not(target_arch = "wasm32"))]
//! This year against last year, from the outside: the link "Nowy raport na podstawie
//! poprzedniego roku" makes, pairing by id, by name and by the user's hand, values one year
//! lacks, changes and % changes, and what the comparison notices (a tenfold change, an activity
//! or a partner gone, carried-over money that does not match).

mod common;

use common::{dec, last_year, this_year, zl};
use raport_gp::domain::compare::{
    self, clear_pairing, compare, link_previous_year, previous_year_candidates, set_pairing,
    Comparison, Kind, PairedBy, Row, SectionId,
};
use raport_gp::domain::model::*;
use raport_gp::domain::samples;

fn comparison(r: &Report) -> Comparison {
    compare(r).expect("a linked report compares")
}

fn row<'a>(c: &'a Comparison, section: SectionId, label: &str) -> &'a Row {
    c.section(section)
        .unwrap_or_else(|| panic!("no section {section:?}"))
        .rows
        .iter()
        .find(|r| r.label == label)
        .unwrap_or_else(|| panic!("no row {label:?} in {section:?}"))
}

fn group_row<'a>(c: &'a Comparison, section: SectionId, group: &str, label: &str) -> &'a Row {
    c.section(section)
        .unwrap()
        .rows
        .iter()
        .find(|r| r.group.as_deref() == Some(group) && r.label == label)
        .unwrap_or_else(|| panic!("no row {label:?} of {group:?}"))
}

fn matched<'a>(c: &'a Comparison, this_id: &str) -> &'a compare::ActivityMatch {
    c.activities
        .iter()
        .find(|m| m.this.is_some() && m.id.as_str() == this_id)
        .unwrap_or_else(|| panic!("no activity {this_id}"))
}

// ---------------------------------------------------------------------------------------------
// The link
// ---------------------------------------------------------------------------------------------

#[test]
fn a_report_without_a_previous_year_has_no_comparison() {
    assert!(compare(&samples::small_gmina_2025()).is_none());
    assert!(compare(&samples::kalisz_2020()).is_none());
}

#[test]
fn next_year_links_the_new_report_to_a_snapshot_of_the_old_one() {
    let last = last_year();
    let next = last.next_year(Id::new("nowy"));
    let link = next.previous_year.as_ref().expect("linked");
    assert_eq!(link.source.report_id, last.id);
    assert_eq!(link.source.year, 2025);
    assert_eq!(link.source.gmina, last.gmina.name);
    assert_eq!(link.source.file_name, "");
    assert_eq!(link.figures, YearFigures::of(&last));
    assert!(link.pairings.is_empty() && link.print);
    // One year deep: the old report's own link is not carried along.
    let after = next.next_year(Id::new("jeszcze-nowszy"));
    assert!(after
        .previous_year
        .as_ref()
        .is_some_and(|p| p.figures.year == 2026));
}

#[test]
fn the_snapshot_holds_figures_not_texts() {
    let figures = YearFigures::of(&samples::small_gmina_2025());
    assert_eq!(figures.chapters.len(), 2);
    assert_eq!(figures.chapters[1].executed, Some(zl("127262.45")));
    assert_eq!(figures.activities.len(), 23);
    assert_eq!(figures.gkrpa.notes, "");
    assert!(figures.gkrpa.budget_lines.is_empty());
    assert_eq!(figures.gkrpa.meetings, Some(18));
    assert_eq!(figures.permit_fees_carried_out, Some(zl("8877.90")));
    assert_eq!(figures.consultation_points[0].referred, Some(18));
    // Tasks with neither an activity nor a cost are left out.
    assert!(figures.tasks.iter().all(|t| t.activities > 0));
    let kalisz = YearFigures::of(&samples::kalisz_2020());
    assert!(kalisz.tasks.iter().all(|t| t.executed.is_none()));
    assert_eq!(kalisz.permit_fees_carried_out, None);
}

#[test]
fn linking_again_keeps_the_users_pairings_and_print_choice() {
    let mut r = this_year();
    set_pairing(&mut r, &Id::new("activity-1"), None, None);
    r.previous_year.as_mut().unwrap().print = false;
    link_previous_year(&mut r, &last_year(), Some("przykladowo-2025.json"));
    let link = r.previous_year.as_ref().unwrap();
    assert_eq!(link.source.file_name, "przykladowo-2025.json");
    assert_eq!(link.pairings.len(), 1);
    assert!(!link.print);
}

#[test]
fn candidates_for_last_year_put_the_same_gmina_of_the_year_before_first() {
    let this = this_year();
    let mut older = last_year();
    older.year = 2023;
    older.id = Id::new("2023");
    let mut other_gmina = last_year();
    other_gmina.gmina.name = "Gmina Inna".into();
    other_gmina.id = Id::new("inna");
    let mut far_other = other_gmina.clone();
    far_other.year = 2020;
    far_other.id = Id::new("inna-2020");
    let mut later = last_year();
    later.year = 2027;
    later.id = Id::new("2027");
    let last = last_year();
    let all = [
        other_gmina.clone(),
        older.clone(),
        this.clone(),
        later,
        far_other,
        last.clone(),
    ];
    let ids: Vec<&str> = previous_year_candidates(&this, &all)
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["przykladowo-2025", "2023", "inna"]);
}

// ---------------------------------------------------------------------------------------------
// Pairing
// ---------------------------------------------------------------------------------------------

#[test]
fn activities_pair_by_id_even_when_renamed() {
    let c = comparison(&this_year());
    let m = matched(&c, "activity-1");
    assert_eq!(m.paired_by, Some(PairedBy::Id));
    assert_eq!(m.last_id, Some(Id::new("activity-1")));
    let renamed = matched(&c, "activity-2");
    assert_eq!(renamed.paired_by, Some(PairedBy::Id));
    assert_eq!(
        renamed.last_title.as_deref(),
        Some("Grupa wsparcia po terapii podstawowej")
    );
}

#[test]
fn activities_pair_by_name_when_the_id_changed() {
    let c = comparison(&this_year());
    let m = matched(&c, "activity-9b");
    assert_eq!(m.paired_by, Some(PairedBy::Name));
    assert_eq!(m.last_id, Some(Id::new("activity-9")));
    // Its indicators pair too (same ids within the pair).
    assert!(m
        .indicators
        .iter()
        .all(|(t, l, by)| t.is_some() && l.is_some() && *by == Some(PairedBy::Id)));
}

#[test]
fn names_pair_ignoring_case_spacing_and_quote_style() {
    let mut r = this_year();
    r.activities[4].id = Id::new("nowe-id");
    r.activities[4].title = "  WSPARCIE grup samopomocowych i Klubu Abstynenta \"Przystań\"".into();
    let c = comparison(&r);
    assert_eq!(matched(&c, "nowe-id").paired_by, Some(PairedBy::Name));
}

#[test]
fn coincident_ids_of_independent_reports_give_way_to_names() {
    // Two reports typed apart both number activities from 1: "activity-1" of one is not
    // "activity-1" of the other. Same name wins over same id.
    let mut r = this_year();
    r.activities.swap(0, 1);
    let (a, b) = (r.activities[0].id.clone(), r.activities[1].id.clone());
    r.activities[0].id = b;
    r.activities[1].id = a;
    r.activities[0].title = "Grupa wsparcia po terapii podstawowej".into();
    let c = comparison(&r);
    let first = &c.activities[0];
    assert_eq!(first.title, "Grupa wsparcia po terapii podstawowej");
    assert_eq!(first.last_id, Some(Id::new("activity-2")));
    assert_eq!(first.paired_by, Some(PairedBy::Name));
    assert_eq!(c.activities[1].last_id, Some(Id::new("activity-1")));
}

#[test]
fn the_users_pairing_wins_and_no_pair_means_no_pair() {
    let mut r = this_year();
    // The user says this year's "Kampania informacyjna" (activity-18) continues last year's
    // spectacle, and that activity-1 has no counterpart.
    set_pairing(
        &mut r,
        &Id::new("activity-18"),
        None,
        Some(Id::new("activity-30")),
    );
    set_pairing(&mut r, &Id::new("activity-1"), None, None);
    let c = comparison(&r);
    let m = matched(&c, "activity-18");
    assert_eq!(m.paired_by, Some(PairedBy::User));
    assert!(m.corrected);
    assert_eq!(m.last_id, Some(Id::new("activity-30")));
    let lone = matched(&c, "activity-1");
    assert_eq!((lone.last, lone.paired_by), (None, None));
    assert!(lone.corrected);
    // Last year's activity-1 and activity-18 are now without a pair; the spectacle is not.
    let gone: Vec<&str> = c.activities_gone.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(gone, ["activity-1", "activity-18"]);
    // Back to automatic.
    clear_pairing(&mut r, &Id::new("activity-1"), None);
    assert_eq!(
        matched(&comparison(&r), "activity-1").paired_by,
        Some(PairedBy::Id)
    );
}

#[test]
fn the_user_pairs_indicators_within_a_pair_of_activities() {
    let mut r = this_year();
    // activity-1 has "konsultacje" and "osoby, które skorzystały…"; swap them by hand.
    set_pairing(
        &mut r,
        &Id::new("activity-1"),
        Some(&Id::new("indicator-1")),
        Some(Id::new("indicator-2")),
    );
    let c = comparison(&r);
    let m = matched(&c, "activity-1");
    let (t, l, by) = &m.indicators[0];
    assert_eq!(t.as_ref().unwrap().id, Id::new("indicator-1"));
    assert_eq!(l.as_ref().unwrap().id, Id::new("indicator-2"));
    assert_eq!(*by, Some(PairedBy::User));
    // indicator-2 then pairs with what is left: last year's indicator-1, by… nothing (the
    // names differ, and its id is taken), so both stand alone.
    assert!(m
        .indicators
        .iter()
        .any(
            |(t, l, _)| t.as_ref().is_some_and(|t| t.id.as_str() == "indicator-2") && l.is_none()
        ));
    // Changing the activity's pair drops its indicator corrections.
    set_pairing(
        &mut r,
        &Id::new("activity-1"),
        None,
        Some(Id::new("activity-1")),
    );
    assert_eq!(r.previous_year.as_ref().unwrap().pairings.len(), 1);
}

#[test]
fn a_correction_naming_what_no_longer_exists_is_ignored() {
    let mut r = this_year();
    set_pairing(
        &mut r,
        &Id::new("activity-3"),
        None,
        Some(Id::new("no-such-activity")),
    );
    set_pairing(&mut r, &Id::new("deleted"), None, None);
    let c = comparison(&r);
    // activity-3 keeps no pair rather than a guess: the user said "not the automatic one".
    assert_eq!(matched(&c, "activity-3").paired_by, None);
    assert_eq!(c.activities.iter().filter(|m| m.this.is_some()).count(), 23);
}

// ---------------------------------------------------------------------------------------------
// Values, changes, missing values
// ---------------------------------------------------------------------------------------------

#[test]
fn changes_and_percent_changes_are_exact() {
    let c = comparison(&this_year());
    let meetings = row(&c, SectionId::Gkrpa, "Posiedzenia");
    assert_eq!(
        (meetings.last, meetings.this),
        (Some(dec("15")), Some(dec("18")))
    );
    assert_eq!(meetings.change, Some(dec("3")));
    assert_eq!(meetings.percent, Some(dec("20.0")));
    assert_eq!(meetings.change_text(), "+3");
    assert_eq!(meetings.percent_text(), "+20%");
    assert_eq!(meetings.path.as_deref(), Some("gkrpa.meetings"));

    let chapter = row(
        &c,
        SectionId::Chapters,
        "rozdz. 85154 — Przeciwdziałanie alkoholizmowi",
    );
    assert_eq!(chapter.kind, Kind::Money);
    assert_eq!(chapter.last, Some(dec("123962.45")));
    assert_eq!(chapter.this, Some(dec("127262.45")));
    assert_eq!(chapter.change_text(), "+3 300,00 zł");
    assert_eq!(chapter.percent_text(), "+2,7%");
    assert_eq!(chapter.path.as_deref(), Some("budget.lines[0].executed"));
    let total = row(&c, SectionId::Chapters, "Ogółem");
    assert!(total.total);
    assert_eq!(total.this, Some(dec("144249.35")));

    let interventions = row(&c, SectionId::Context, "interwencje domowe policji");
    assert_eq!(interventions.change_text(), "-4");
    assert_eq!(interventions.percent_text(), "-9,8%");
}

#[test]
fn a_figure_in_per_cent_changes_in_points_and_has_no_percent_change() {
    let c = comparison(&this_year());
    let r = row(
        &c,
        SectionId::Context,
        "uczniowie klas VII–VIII, którzy pili alkohol w ostatnich 30 dniach",
    );
    assert_eq!(r.kind, Kind::Percent);
    assert_eq!(r.last_text(), "21%");
    assert_eq!(r.this_text(), "18,5%");
    assert_eq!(r.change_text(), "-2,5 p.p.");
    assert_eq!(r.percent, None);
    assert_eq!(r.percent_text(), "—");
}

#[test]
fn a_value_one_year_lacks_is_none_and_reads_brak_danych() {
    let mut r = this_year();
    r.gkrpa.interviews = None;
    r.budget.small_bottle_income = None;
    let c = comparison(&r);
    let interviews = row(&c, SectionId::Gkrpa, "Rozmowy motywujące / interwencyjne");
    assert_eq!(interviews.last, Some(dec("26")));
    assert_eq!(
        (interviews.this, interviews.change, interviews.percent),
        (None, None, None)
    );
    assert_eq!(interviews.this_text(), "brak danych");
    assert_eq!(interviews.change_text(), "brak danych");
    assert_eq!(interviews.percent_text(), "brak danych");
    let fee = row(
        &c,
        SectionId::Sources,
        "Dochody z opłaty za małe opakowania („małpkowe”)",
    );
    assert_eq!(fee.this_text(), "brak danych");
    // Last year's spectacle has no value this year: "brak danych", not 0.
    let spectacle = group_row(
        &c,
        SectionId::Activities,
        "„Spektakl profilaktyczny „Wybieram siebie””",
        "widzowie",
    );
    assert_eq!(spectacle.last, Some(dec("180")));
    assert_eq!(spectacle.this, None);
    assert_eq!(spectacle.path, None);
}

#[test]
fn a_row_neither_year_gives_is_left_out_and_so_is_an_empty_section() {
    let mut r = this_year();
    r.consultation_points.clear();
    r.previous_year
        .as_mut()
        .unwrap()
        .figures
        .consultation_points
        .clear();
    let c = comparison(&r);
    assert!(c.section(SectionId::ConsultationPoints).is_none());
    // Nobody gave "Wydatki: inne".
    assert!(c
        .section(SectionId::Sources)
        .unwrap()
        .rows
        .iter()
        .all(|row| row.label != "Wydatki: inne"));
    assert!(c
        .rows()
        .all(|(_, row)| row.last.is_some() || row.this.is_some()));
}

#[test]
fn a_change_from_zero_has_no_percent() {
    let mut r = this_year();
    r.gkrpa.test_purchases = Some(4);
    let c = comparison(&r);
    let purchases = row(&c, SectionId::Gkrpa, "Zakupy kontrolowane");
    assert_eq!(purchases.last, Some(dec("0")));
    assert_eq!(purchases.change_text(), "+4");
    assert_eq!(purchases.percent, None);
    assert_eq!(purchases.percent_text(), "—");
}

#[test]
fn participants_and_indicators_are_compared_pair_by_pair() {
    let c = comparison(&this_year());
    let all = row(
        &c,
        SectionId::Activities,
        "Uczestnicy działań (suma wskaźników liczonych w osobach, bez podgrup „w tym …”)",
    );
    // Last year: the sample's 1127 minus 213 pupils (23 instead of 236) plus 180 spectators.
    assert_eq!(all.last, Some(dec("1094")));
    assert_eq!(all.this, Some(dec("1127")));
    let pupils = group_row(
        &c,
        SectionId::Activities,
        "„Rekomendowane programy profilaktyki w szkołach podstawowych”",
        "uczniowie",
    );
    assert_eq!(
        (pupils.last, pupils.this),
        (Some(dec("23")), Some(dec("236")))
    );
    assert_eq!(
        pupils.path.as_deref(),
        Some("activities[11].indicators[0].achieved")
    );
    assert!(pupils.changed_tenfold());
}

#[test]
fn consultation_points_and_tasks_and_sources_are_compared() {
    let c = comparison(&this_year());
    let name = "„Punkt Konsultacyjny ds. Uzależnień i Przemocy Domowej w Przykładowie”";
    let people = group_row(
        &c,
        SectionId::ConsultationPoints,
        name,
        "Osoby, które skorzystały z punktu (razem)",
    );
    assert_eq!(
        (people.last, people.this),
        (Some(dec("71")), Some(dec("71")))
    );
    assert_eq!(people.change_text(), "0");
    assert_eq!(people.percent_text(), "0%");
    let task = row(
        &c,
        SectionId::Tasks,
        "Profilaktyka informacyjna, edukacyjna i szkoleniowa (alkohol, narkomania, uzależnienia behawioralne)",
    );
    // Last year's spectacle (4 000 zł, alcohol.3 only) is gone.
    assert_eq!(task.change, Some(dec("-4000")));
    assert_eq!(task.path.as_deref(), Some("tasks.alcohol.3"));
    let fees = row(&c, SectionId::Sources, "Wydatki: opłaty za zezwolenia");
    assert_eq!(fees.change_text(), "+3 300,00 zł");
}

// ---------------------------------------------------------------------------------------------
// What only a comparison notices
// ---------------------------------------------------------------------------------------------

#[test]
fn a_tenfold_change_is_flagged_only_on_parts_of_some_size() {
    let c = comparison(&this_year());
    let flagged: Vec<&str> = c
        .rows()
        .filter(|(_, r)| r.changed_tenfold())
        .map(|(_, r)| r.label.as_str())
        .collect();
    assert_eq!(flagged, ["uczniowie"]);
    let row = |last: &str, this: &str| Row {
        last: Some(dec(last)),
        this: Some(dec(this)),
        ..row(&c, SectionId::Gkrpa, "Posiedzenia").clone()
    };
    assert!(row("1650", "165").changed_tenfold());
    assert!(row("10", "100").changed_tenfold());
    assert!(!row("11", "100").changed_tenfold(), "9.1 times is not ten");
    assert!(!row("2", "25").changed_tenfold(), "too small to be a typo");
    assert!(!row("0", "5000").changed_tenfold(), "from zero: no ratio");
}

#[test]
fn an_activity_and_a_partner_gone_are_found_and_a_mention_explains_them() {
    let mut r = this_year();
    let c = comparison(&r);
    assert_eq!(c.activities_gone.len(), 1);
    assert_eq!(c.activities_gone[0].id, Id::new("activity-30"));
    assert!(!c.activities_gone[0].mentioned);
    assert_eq!(c.partners_gone.len(), 1);
    assert_eq!(c.partners_gone[0].name, "Teatr Profilaktyczny „Maska”");
    assert!(!c.partners_gone[0].mentioned);

    r.conclusions.push_str(
        "\n\nSpektakl profilaktyczny \"Wybieram SIEBIE\" nie był wystawiany w 2026 r.: \
         Teatr  Profilaktyczny „Maska” zakończył działalność.",
    );
    let c = comparison(&r);
    assert!(c.activities_gone[0].mentioned);
    assert!(c.partners_gone[0].mentioned);
}

#[test]
fn a_partner_renamed_under_the_same_id_or_kept_under_a_new_id_is_not_gone() {
    let mut r = this_year();
    r.partners[0].name = "Urząd Gminy w Przykładowie".into();
    r.partners[1].id = Id::new("komisja");
    assert!(comparison(&r)
        .partners_gone
        .iter()
        .all(|g| g.id.as_str() == "partner-20"));
}

#[test]
fn carried_over_money_is_checked_against_what_last_year_left() {
    let mut r = this_year();
    let c = comparison(&r);
    assert_eq!(c.carry_over.carried_out_last_year, Some(zl("12177.90")));
    assert_eq!(c.carry_over.carried_in_this_year, Some(zl("12177.90")));
    assert!(!c.carry_over.mismatch());
    r.budget.carried_over = Some(zl("14870.35"));
    assert!(comparison(&r).carry_over.mismatch());
    r.budget.carried_over = None;
    assert!(
        comparison(&r).carry_over.mismatch(),
        "money left, none carried in"
    );
    r.previous_year
        .as_mut()
        .unwrap()
        .figures
        .permit_fees_carried_out = Some(Amount::ZERO);
    assert!(
        !comparison(&r).carry_over.mismatch(),
        "nothing left, nothing carried"
    );
    r.previous_year
        .as_mut()
        .unwrap()
        .figures
        .permit_fees_carried_out = None;
    r.budget.carried_over = Some(zl("1"));
    assert!(
        !comparison(&r).carry_over.mismatch(),
        "last year did not say"
    );
}

#[test]
fn the_comparison_lists_this_years_activities_in_order_then_last_years_alone() {
    let c = comparison(&this_year());
    assert_eq!(c.this_year, 2026);
    assert_eq!(c.last_year, 2025);
    let this: Vec<usize> = c.activities.iter().filter_map(|m| m.this).collect();
    assert_eq!(this, (0..23).collect::<Vec<_>>());
    let tail = c.activities.last().unwrap();
    assert_eq!((tail.this, tail.last), (None, Some(23)));
    assert_eq!(
        c.sections.iter().map(|s| s.id).collect::<Vec<_>>(),
        SectionId::ALL.to_vec()
    );
}

#[test]
fn a_thousand_activities_a_year_compare_in_one_pass() {
    let mut last = last_year();
    let template = last.activities[0].clone();
    last.activities = (0..1000)
        .map(|i| Activity {
            id: Id::new(format!("a-{i}")),
            title: format!("Działanie {i}"),
            ..template.clone()
        })
        .collect();
    let mut this = last.next_year(Id::new("duzy"));
    // Half renamed under new ids (paired by name), a tenth gone.
    for (i, a) in this.activities.iter_mut().enumerate() {
        if i % 2 == 0 {
            a.id = Id::new(format!("b-{i}"));
        }
    }
    this.activities.truncate(900);
    let c = comparison(&this);
    assert_eq!(c.activities_gone.len(), 100);
    assert_eq!(
        c.activities
            .iter()
            .filter(|m| m.paired_by == Some(PairedBy::Name))
            .count(),
        450
    );
    let findings = raport_gp::domain::rules::validate(&this);
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.rule == "activity-disappeared")
            .count(),
        100
    );
}
