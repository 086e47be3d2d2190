#![cfg(not(target_arch = "wasm32"))]
//! "Dane do ankiety KCPU": every figure of the (provisional) list computed on both samples and
//! on a made-up pair of years, the list's own consistency, and the rule that a figure is never
//! guessed — "brak danych" with the entries to fill in, a zero only where the report shows one.

mod common;

use raport_gp::domain::catalogue::catalogue;
use raport_gp::domain::kcpu::{self, kcpu_figures, Compute, KcpuFigure};
use raport_gp::domain::model::*;
use raport_gp::domain::samples;
use raport_gp::domain::summary;

/// Every figure's value as CSV writes it (`None`: "brak danych").
type Expected = &'static [(&'static str, Option<&'static str>)];

#[track_caller]
fn assert_figures(report: &Report, expected: &[(&str, Option<&str>)]) {
    let figures = kcpu_figures(report);
    let ids: Vec<&str> = figures.iter().map(|f| f.def.id.as_str()).collect();
    let expected_ids: Vec<&str> = expected.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, expected_ids, "every figure of the list, in its order");
    for (f, (id, value)) in figures.iter().zip(expected) {
        let got = f.csv_value();
        assert_eq!(
            (got.as_str() != "").then_some(got.as_str()),
            *value,
            "{id}: {}",
            f.def.how
        );
        // A figure without a value says why: what is missing, or that nothing is given.
        if f.value.is_some() {
            assert!(f.missing.is_empty(), "{id} has a value and missing entries");
        }
    }
}

fn figure(report: &Report, id: &str) -> KcpuFigure {
    kcpu_figures(report)
        .into_iter()
        .find(|f| f.def.id == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

#[test]
fn the_list_is_versioned_provisional_and_says_it_could_not_be_verified() {
    let list = kcpu::list();
    assert!(!list.version.is_empty());
    assert!(list.provisional);
    assert!(list
        .note
        .contains("Nie udało się sprawdzić aktualnego kwestionariusza KCPU"));
    assert!(kcpu::notice().starts_with("Lista wstępna (wersja "));
    let text = kcpu::copy_all_text(&samples::kalisz_2020());
    assert!(text.contains(&kcpu::notice()));
    assert!(kcpu::table_csv(&samples::kalisz_2020()).contains("Lista wstępna"));
}

#[test]
fn every_figure_has_a_unique_ascii_id_a_known_group_and_polish_words() {
    let list = kcpu::list();
    let mut seen = std::collections::HashSet::new();
    for f in &list.figures {
        assert!(seen.insert(f.id.as_str()), "{} twice", f.id);
        assert!(
            f.id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{}",
            f.id
        );
        assert!(list.groups.iter().any(|g| g.id == f.group), "{}", f.id);
        assert!(
            !f.label.trim().is_empty() && !f.unit.trim().is_empty(),
            "{}",
            f.id
        );
        assert!(f.how.trim().ends_with('.'), "{}: a sentence on how", f.id);
    }
    // Every group has figures, in one run (the outputs group by consecutive figures).
    let groups: Vec<&str> = list.figures.iter().map(|f| f.group.as_str()).collect();
    let mut runs: Vec<&str> = groups.clone();
    runs.dedup();
    assert_eq!(runs.len(), list.groups.len());
    assert_eq!(
        runs,
        list.groups
            .iter()
            .map(|g| g.id.as_str())
            .collect::<Vec<_>>()
    );
    // The groups the issue names are all there.
    for label in [
        "Wydatki według rozdziałów klasyfikacji budżetowej",
        "Wydatki według celów (zadań ustawowych)",
        "Programy profilaktyczne według poziomu i grupy docelowej",
        "Programy rekomendowane",
        "Uczestnicy",
        "Gminna komisja rozwiązywania problemów alkoholowych",
        "Punkty konsultacyjne",
        "Wspieranie organizacji pozarządowych",
        "Uzależnienia behawioralne",
    ] {
        assert!(list.groups.iter().any(|g| g.label == label), "{label}");
    }
}

#[test]
fn every_parameter_of_the_list_names_something_that_exists() {
    let gkrpa_fields: Vec<&str> = Gkrpa::default().counts().iter().map(|c| c.0).collect();
    let client_types: Vec<&str> = ClientCounts::default().rows().iter().map(|c| c.0).collect();
    for f in &kcpu::list().figures {
        match &f.compute {
            Compute::TaskExecuted { task } => {
                assert!(catalogue().task(task).is_some(), "{}", f.id)
            }
            Compute::Gkrpa { field } => assert!(gkrpa_fields.contains(&field.as_str()), "{}", f.id),
            Compute::PointClients {
                client_type: Some(t),
            } => assert!(client_types.contains(&t.as_str()), "{}", f.id),
            Compute::ChapterExecuted { chapter } => {
                assert!(catalogue().chapter(chapter).is_some(), "{}", f.id)
            }
            _ => {}
        }
    }
    // Every statutory task of the catalogue has its spending figure.
    for t in &catalogue().tasks {
        assert!(
            kcpu::list()
                .figures
                .iter()
                .any(|f| matches!(&f.compute, Compute::TaskExecuted { task } if task == &t.id)),
            "{}",
            t.id
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Every figure on the samples
// ---------------------------------------------------------------------------------------------

/// Kalisz 2020: a drug-only city report giving only the chapter total, no activity costs, no
/// GKRPA and no consultation point of the new kind.
const KALISZ: Expected = &[
    ("wydatki_85154", Some("0.00")),
    ("wydatki_85153", Some("148543.63")),
    ("wydatki_85195", Some("0.00")),
    ("wydatki_inne_rozdzialy", Some("0.00")),
    ("wydatki_razem", Some("148543.63")),
    ("wydatki_zrodlo_permit_fees", Some("0.00")),
    ("wydatki_zrodlo_small_bottle_fee", Some("0.00")),
    ("wydatki_zrodlo_budget", Some("148543.63")),
    ("wydatki_zrodlo_other", Some("0.00")),
    ("dochody_oplaty_zezwolenia", None),
    ("dochody_oplata_malpkowa", None),
    ("srodki_przeniesione_z_roku_poprzedniego", None),
    ("srodki_na_rok_nastepny", None),
    ("wydatki_zadanie_alcohol_1", None),
    ("wydatki_zadanie_alcohol_2", None),
    ("wydatki_zadanie_alcohol_3", None),
    ("wydatki_zadanie_alcohol_5", None),
    ("wydatki_zadanie_alcohol_6", None),
    ("wydatki_zadanie_alcohol_7", None),
    ("wydatki_zadanie_drugs_1", None),
    ("wydatki_zadanie_drugs_2", None),
    ("wydatki_zadanie_drugs_3", None),
    ("wydatki_zadanie_drugs_4", None),
    ("wydatki_zadanie_drugs_5", None),
    ("wydatki_zadanie_behavioural_1", None),
    ("dzialania_profilaktyka_universal", Some("5")),
    ("uczestnicy_profilaktyka_universal", Some("8440")),
    ("dzialania_profilaktyka_selective", Some("2")),
    ("uczestnicy_profilaktyka_selective", Some("691")),
    ("dzialania_profilaktyka_indicated", Some("6")),
    ("uczestnicy_profilaktyka_indicated", Some("463")),
    ("dzialania_profilaktyka_environmental", Some("0")),
    ("uczestnicy_profilaktyka_environmental", Some("0")),
    ("dzialania_grupa_children", Some("4")),
    ("dzialania_grupa_youth", Some("7")),
    ("dzialania_grupa_parents", Some("1")),
    ("dzialania_grupa_teachers", Some("1")),
    ("dzialania_grupa_families", Some("7")),
    ("dzialania_grupa_users", Some("7")),
    ("dzialania_grupa_addicted", Some("7")),
    ("dzialania_grupa_professionals", Some("3")),
    ("dzialania_grupa_general_public", Some("0")),
    ("programy_rekomendowane", Some("0")),
    ("programy_rekomendowane_uczestnicy", Some("0")),
    // The treatment activity counts 110 + 118 patients; "w tym mieszkańcy Kalisza" (85 of the
    // 118) is a part of the second, not 85 more people.
    ("uczestnicy_razem", Some("10326")),
    ("gkrpa_members", None),
    ("gkrpa_trained_members", None),
    ("gkrpa_meetings", None),
    ("gkrpa_interviews", None),
    ("gkrpa_referred_to_expert", None),
    ("gkrpa_court_applications", None),
    ("gkrpa_permit_opinions_positive", None),
    ("gkrpa_permit_opinions_negative", None),
    ("gkrpa_inspections", None),
    ("gkrpa_test_purchases", None),
    ("gkrpa_blue_card_groups", None),
    ("gkrpa_koszt", None),
    ("punkty_konsultacyjne", None),
    ("punkty_godziny_tygodniowo", None),
    ("punkty_osoby", None),
    ("punkty_osoby_addicted", None),
    ("punkty_osoby_co_dependent", None),
    ("punkty_osoby_dda", None),
    ("punkty_osoby_violence_victims", None),
    ("punkty_osoby_perpetrators", None),
    ("punkty_konsultacje", None),
    ("punkty_skierowania", None),
    ("ngo_dotacje_konkurs_liczba", Some("5")),
    ("ngo_dotacje_konkurs_kwota", None),
    ("ngo_male_granty_liczba", Some("0")),
    ("ngo_male_granty_kwota", Some("0.00")),
    ("dotacje_paragraf_236", None),
    ("ngo_realizatorzy", Some("5")),
    ("behawioralne_dzialania", Some("0")),
    ("behawioralne_uczestnicy", Some("0")),
];

/// Gmina Przykładowo 2025: a joint program that gives everything.
const JOINT: Expected = &[
    ("wydatki_85154", Some("127262.45")),
    ("wydatki_85153", Some("16986.90")),
    ("wydatki_85195", Some("0.00")),
    ("wydatki_inne_rozdzialy", Some("0.00")),
    ("wydatki_razem", Some("144249.35")),
    ("wydatki_zrodlo_permit_fees", Some("137232.45")),
    ("wydatki_zrodlo_small_bottle_fee", Some("5480.00")),
    ("wydatki_zrodlo_budget", Some("1536.90")),
    ("wydatki_zrodlo_other", Some("0.00")),
    ("dochody_oplaty_zezwolenia", Some("131240.00")),
    ("dochody_oplata_malpkowa", Some("19386.40")),
    ("srodki_przeniesione_z_roku_poprzedniego", Some("14870.35")),
    ("srodki_na_rok_nastepny", Some("8877.90")),
    ("wydatki_zadanie_alcohol_1", Some("31620.00")),
    ("wydatki_zadanie_alcohol_2", Some("15600.00")),
    ("wydatki_zadanie_alcohol_3", Some("47682.48")),
    ("wydatki_zadanie_alcohol_5", Some("5358.33")),
    ("wydatki_zadanie_alcohol_6", Some("1620.00")),
    ("wydatki_zadanie_alcohol_7", Some("7200.00")),
    ("wydatki_zadanie_drugs_1", Some("7200.00")),
    ("wydatki_zadanie_drugs_2", Some("3900.00")),
    ("wydatki_zadanie_drugs_3", Some("15294.15")),
    ("wydatki_zadanie_drugs_4", Some("5670.24")),
    ("wydatki_zadanie_drugs_5", Some("0.00")),
    ("wydatki_zadanie_behavioural_1", Some("3104.15")),
    ("dzialania_profilaktyka_universal", Some("5")),
    ("uczestnicy_profilaktyka_universal", Some("892")),
    ("dzialania_profilaktyka_selective", Some("2")),
    ("uczestnicy_profilaktyka_selective", Some("67")),
    ("dzialania_profilaktyka_indicated", Some("6")),
    ("uczestnicy_profilaktyka_indicated", Some("122")),
    ("dzialania_profilaktyka_environmental", Some("2")),
    ("uczestnicy_profilaktyka_environmental", Some("18")),
    ("dzialania_grupa_children", Some("4")),
    ("dzialania_grupa_youth", Some("4")),
    ("dzialania_grupa_parents", Some("5")),
    ("dzialania_grupa_teachers", Some("1")),
    ("dzialania_grupa_families", Some("8")),
    ("dzialania_grupa_users", Some("2")),
    ("dzialania_grupa_addicted", Some("7")),
    ("dzialania_grupa_professionals", Some("3")),
    ("dzialania_grupa_general_public", Some("4")),
    ("programy_rekomendowane", Some("1")),
    ("programy_rekomendowane_uczestnicy", Some("245")),
    ("uczestnicy_razem", Some("1127")),
    ("gkrpa_members", Some("6")),
    ("gkrpa_trained_members", Some("5")),
    ("gkrpa_meetings", Some("18")),
    ("gkrpa_interviews", Some("26")),
    ("gkrpa_referred_to_expert", Some("7")),
    ("gkrpa_court_applications", Some("4")),
    ("gkrpa_permit_opinions_positive", Some("9")),
    ("gkrpa_permit_opinions_negative", Some("1")),
    ("gkrpa_inspections", Some("12")),
    ("gkrpa_test_purchases", Some("0")),
    ("gkrpa_blue_card_groups", Some("8")),
    ("gkrpa_koszt", Some("16200.00")),
    ("punkty_konsultacyjne", Some("1")),
    ("punkty_godziny_tygodniowo", Some("6")),
    ("punkty_osoby", Some("71")),
    ("punkty_osoby_addicted", Some("30")),
    ("punkty_osoby_co_dependent", Some("20")),
    ("punkty_osoby_dda", Some("5")),
    ("punkty_osoby_violence_victims", Some("10")),
    ("punkty_osoby_perpetrators", Some("4")),
    ("punkty_konsultacje", Some("196")),
    ("punkty_skierowania", Some("18")),
    ("ngo_dotacje_konkurs_liczba", Some("1")),
    ("ngo_dotacje_konkurs_kwota", Some("30000.00")),
    ("ngo_male_granty_liczba", Some("1")),
    ("ngo_male_granty_kwota", Some("5000.00")),
    ("dotacje_paragraf_236", Some("35000.00")),
    ("ngo_realizatorzy", Some("3")),
    ("behawioralne_dzialania", Some("2")),
    ("behawioralne_uczestnicy", Some("193")),
];

#[test]
fn every_figure_of_kalisz_2020() {
    assert_figures(&samples::kalisz_2020(), KALISZ);
}

#[test]
fn every_figure_of_the_joint_sample_2025() {
    assert_figures(&samples::small_gmina_2025(), JOINT);
}

#[test]
fn every_figure_of_a_made_up_pair_of_years() {
    // This year has the joint sample's figures: the same list, but for the permit-fee money
    // carried in (what last year left) and so what is left for next year.
    let this: Vec<(&str, Option<&str>)> = JOINT
        .iter()
        .map(|(id, v)| match *id {
            "srodki_przeniesione_z_roku_poprzedniego" => (*id, Some("12177.90")),
            "srodki_na_rok_nastepny" => (*id, Some("6185.45")),
            _ => (*id, *v),
        })
        .collect();
    assert_figures(&common::this_year(), &this);
    // Last year: one more activity (a spectacle for 180 young people, 4 000 zł, alcohol.3,
    // universal prevention), 23 pupils instead of 236, 15 GKRPA meetings, 3 300 zł less spent
    // on one 85154 line.
    let last: Vec<(&str, Option<&str>)> = JOINT
        .iter()
        .map(|(id, v)| match *id {
            "wydatki_85154" => (*id, Some("123962.45")),
            "wydatki_razem" => (*id, Some("140949.35")),
            "wydatki_zrodlo_permit_fees" => (*id, Some("133932.45")),
            "srodki_na_rok_nastepny" => (*id, Some("12177.90")),
            "wydatki_zadanie_alcohol_3" => (*id, Some("51682.48")),
            "dzialania_profilaktyka_universal" => (*id, Some("6")),
            "uczestnicy_profilaktyka_universal" => (*id, Some("859")),
            "dzialania_grupa_youth" => (*id, Some("5")),
            "programy_rekomendowane_uczestnicy" => (*id, Some("32")),
            "uczestnicy_razem" => (*id, Some("1094")),
            "gkrpa_meetings" => (*id, Some("15")),
            _ => (*id, *v),
        })
        .collect();
    assert_figures(&common::last_year(), &last);
}

// ---------------------------------------------------------------------------------------------
// Never a guess
// ---------------------------------------------------------------------------------------------

#[test]
fn a_sum_with_a_part_missing_is_brak_danych_listing_the_part() {
    let mut r = samples::small_gmina_2025();
    r.activities[1].indicators[1].achieved = None;
    let f = figure(&r, "uczestnicy_razem");
    assert_eq!(f.value, None);
    assert_eq!(f.value_text(), "brak danych");
    assert_eq!(f.missing, ["activity-2/indicator-4"]);
    assert!(f.sources.contains(&"activity-1/indicator-2".to_string()));

    r.budget.lines[0].executed = None;
    let f = figure(&r, "wydatki_85154");
    assert_eq!(
        (f.value, f.missing.clone()),
        (None, vec!["line-1".to_string()])
    );
    // Other chapters are not touched by a line of 85154.
    assert!(figure(&r, "wydatki_85153").value.is_some());
}

#[test]
fn a_zero_is_given_only_where_the_report_shows_it() {
    let r = samples::small_gmina_2025();
    // Budget lines given, none in 85195: a real zero.
    assert_eq!(figure(&r, "wydatki_85195").csv_value(), "0.00");
    // A line whose chapter is not given could be any chapter: no zero any more.
    let mut unclear = r.clone();
    unclear.budget.lines[0].chapter.clear();
    let f = figure(&unclear, "wydatki_85195");
    assert_eq!(
        (f.value, f.missing.clone()),
        (None, vec!["line-1".to_string()])
    );
    // Nothing entered at all: no zero anywhere.
    let empty = Report::new(Id::new("pusty"), 2025);
    for f in kcpu_figures(&empty) {
        assert_eq!(f.value, None, "{} of an empty report", f.def.id);
    }
}

#[test]
fn a_tasks_spending_counts_activities_paid_by_others_as_zero_and_unknown_costs_as_missing() {
    let mut r = samples::small_gmina_2025();
    // drugs.5: social work paid by the social-welfare centre's own budget.
    assert_eq!(figure(&r, "wydatki_zadanie_drugs_5").csv_value(), "0.00");
    r.activities[7].mode = Mode::OwnWork;
    let f = figure(&r, "wydatki_zadanie_drugs_5");
    assert_eq!(
        (f.value, f.missing.clone()),
        (None, vec!["activity-8".to_string()])
    );
    // A task outside a drug-only program has no figure.
    assert_eq!(
        figure(&samples::kalisz_2020(), "wydatki_zadanie_alcohol_1").value,
        None
    );
}

#[test]
fn each_figure_names_the_entries_it_came_from() {
    let r = samples::small_gmina_2025();
    assert_eq!(
        figure(&r, "programy_rekomendowane").sources,
        ["activity-12"]
    );
    assert_eq!(figure(&r, "gkrpa_meetings").sources, ["gkrpa.meetings"]);
    assert_eq!(figure(&r, "punkty_konsultacyjne").sources, ["point-1"]);
    assert_eq!(
        figure(&r, "dotacje_paragraf_236").sources,
        ["line-5", "line-10"]
    );
    assert_eq!(
        figure(&r, "ngo_realizatorzy").sources,
        ["partner-14", "partner-15", "partner-16"]
    );
}

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

#[test]
fn copy_all_is_grouped_plain_text_with_every_figure() {
    let r = samples::small_gmina_2025();
    let text = kcpu::copy_all_text(&r);
    assert!(text.starts_with("Dane do ankiety KCPU — Przykładowo, 2025 r.\n"));
    for g in &kcpu::list().groups {
        assert!(text.contains(&format!("\n\n{}\n", g.label)), "{}", g.label);
    }
    for f in kcpu_figures(&r) {
        assert!(text.contains(&format!("- {}: {}\n", f.def.label, f.value_text())));
    }
    assert!(text.contains("- Posiedzenia komisji: 18\n"));
    assert!(text.contains(
        "- Wydatki wykonane w rozdziale 85154 (Przeciwdziałanie alkoholizmowi): 127 262,45 zł\n"
    ));
}

#[test]
fn the_csv_of_one_report_has_a_row_per_figure_with_how_and_sources() {
    let r = samples::kalisz_2020();
    let csv = kcpu::table_csv(&r);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "grupa,id,pozycja,wartość,jednostka,sposób obliczenia,źródła,brak wartości w"
    );
    assert_eq!(lines.len(), 1 + kcpu::list().figures.len() + 3 + 1);
    let total = lines
        .iter()
        .find(|l| l.contains(",wydatki_razem,"))
        .unwrap();
    assert!(total.contains(",148543.63,zł,"), "{total}");
    assert!(total.ends_with(",line-1,"), "{total}");
    let meetings = lines
        .iter()
        .find(|l| l.contains(",gkrpa_meetings,"))
        .unwrap();
    assert!(
        meetings.contains("komisji,,posiedzenia,"),
        "brak danych is empty: {meetings}"
    );
    assert!(meetings.ends_with(",,gkrpa.meetings"), "{meetings}");
}

#[test]
fn the_csv_over_many_reports_has_one_column_per_figure() {
    let header = kcpu::csv_header();
    assert_eq!(header[..5], ["file", "gmina", "teryt", "year", "kcpu_list"]);
    assert_eq!(header.len(), 5 + kcpu::list().figures.len());
    let row = kcpu::csv_row("k.json", &samples::kalisz_2020());
    assert_eq!(row.len(), header.len());
    assert_eq!(
        row[..5],
        [
            "k.json",
            "Kalisz",
            "3061011",
            "2020",
            kcpu::list().version.as_str()
        ]
    );
    let mut hostile = samples::kalisz_2020();
    hostile.gmina.name = "@SUM(1)".into();
    let line = summary::to_csv_line(&kcpu::csv_row("k.json", &hostile));
    assert!(line.starts_with("k.json,'@SUM(1),"), "{line}");
}

#[test]
fn every_entry_a_figure_names_is_said_in_the_reports_own_words() {
    for report in [samples::kalisz_2020(), samples::small_gmina_2025()] {
        let mut named = 0;
        for f in kcpu_figures(&report) {
            for entry in f.sources.iter().chain(&f.missing) {
                let label = kcpu::entry_label(&report, entry);
                assert_ne!(&label, entry, "{}: {entry} is named in words", f.def.id);
                named += 1;
            }
        }
        assert!(named > 50, "{} entries named", named);
    }
    let kalisz = samples::kalisz_2020();
    assert_eq!(
        kcpu::entry_label(&kalisz, "activity-1/indicator-2"),
        "działanie „Leczenie osób uzależnionych w placówkach lecznictwa odwykowego”, \
         wskaźnik „osoby w Centrum Medycznym MULTIMED”"
    );
    assert_eq!(
        kcpu::entry_label(&kalisz, "line-1"),
        "wiersz budżetu nr 1 (rozdz. 85153)"
    );
    assert_eq!(
        kcpu::entry_label(&kalisz, "budget.permit_fee_income"),
        "Dochody z opłat za zezwolenia"
    );
    // An entry the report no longer holds (removed since) is shown as it was.
    assert_eq!(kcpu::entry_label(&kalisz, "activity-999"), "activity-999");
}
