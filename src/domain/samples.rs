//! The two sample reports, written as data: Kalisz 2020 (a real city's drug-only program, figures
//! from its public report, texts in our own words) and a fictional small rural gmina's joint
//! program for 2025 that exercises every part of the model.
//!
//! Invariants (tested below): every id is unique within its report, every realizer, goal and
//! coalition member resolves, the joint sample covers every statutory task of its regime and its
//! activity costs add up, chapter by chapter, to the budget's executed amounts.

use rust_decimal::Decimal;

use super::model::*;

/// Every sample as (slug, Polish label, report), in the order the UI offers them.
pub fn all() -> Vec<(&'static str, &'static str, Report)> {
    vec![
        (
            "kalisz-2020",
            "Kalisz 2020 — program przeciwdziałania narkomanii",
            kalisz_2020(),
        ),
        (
            "przykladowo-2025",
            "Gmina Przykładowo 2025 — program wspólny (fikcyjny przykład)",
            small_gmina_2025(),
        ),
    ]
}

// --- Small builders: they keep the data below readable; none of them adds meaning. ---

fn id(s: &str) -> Id {
    Id::new(s)
}

fn ids(list: &[&str]) -> Vec<Id> {
    list.iter().map(|s| id(s)).collect()
}

fn tasks(list: &[&str]) -> Vec<TaskId> {
    list.iter().map(|s| TaskId::new(*s)).collect()
}

/// An amount written the way files store it, e.g. `"148543.63"`.
fn zl(s: &str) -> Amount {
    Amount::new(
        s.parse::<Decimal>()
            .expect("sample amounts are valid decimals"),
    )
}

fn day(year: i32, month: u32, d: u32) -> Option<Date> {
    Some(Date::new(year, month, d).expect("sample dates exist"))
}

fn num(s: &str) -> Decimal {
    s.parse().expect("sample figures are valid decimals")
}

fn text(s: &str) -> String {
    s.to_string()
}

/// An indicator with optional plan and result (written as decimal strings).
fn indicator(
    id_: &str,
    name: &str,
    unit: IndicatorUnit,
    planned: Option<&str>,
    achieved: Option<&str>,
) -> Indicator {
    Indicator {
        id: id(id_),
        name: text(name),
        unit,
        planned: planned.map(num),
        achieved: achieved.map(num),
        ..Indicator::default()
    }
}

fn partner(id_: &str, name: &str, kind: PartnerKind, address: &str, role: &str) -> Partner {
    Partner {
        id: id(id_),
        name: text(name),
        kind,
        address: text(address),
        role: text(role),
        ..Partner::default()
    }
}

fn figure(id_: &str, name: &str, value: &str, unit: &str, source: &str) -> ContextFigure {
    ContextFigure {
        id: id(id_),
        name: text(name),
        value: Some(num(value)),
        unit: text(unit),
        source: text(source),
        ..ContextFigure::default()
    }
}

/// A cost charged to the gmina budget: planned and executed amounts, chapter and paragraph.
fn cost(
    planned: &str,
    executed: &str,
    chapter: &str,
    paragraph: &str,
    source: FundingSource,
) -> Cost {
    Cost {
        planned: Some(zl(planned)),
        executed: Some(zl(executed)),
        chapter: text(chapter),
        paragraph: text(paragraph),
        source,
        ..Cost::default()
    }
}

/// Where an activity paid from the budget is charged, when its amount is not known.
fn charged_to(chapter: &str) -> Cost {
    Cost {
        chapter: text(chapter),
        source: FundingSource::Budget,
        ..Cost::default()
    }
}

fn line(
    id_: &str,
    chapter: &str,
    paragraph: &str,
    [planned, after_changes, executed]: [&str; 3],
    source: FundingSource,
) -> BudgetLine {
    BudgetLine {
        id: id(id_),
        chapter: text(chapter),
        paragraph: text(paragraph),
        planned: Some(zl(planned)),
        after_changes: Some(zl(after_changes)),
        executed: Some(zl(executed)),
        source,
        ..BudgetLine::default()
    }
}

fn goal(id_: &str, number: &str, title: &str, aim: &str) -> Goal {
    Goal {
        id: id(id_),
        number: text(number),
        title: text(title),
        aim: text(aim),
        ..Goal::default()
    }
}

// ============================================================================================
// Kalisz 2020
// ============================================================================================

mod kalisz {
    //! Partner ids of the Kalisz register, named so the activities read as prose.
    pub const URZAD: &str = "partner-1";
    pub const PORADNIA: &str = "partner-2";
    pub const OSRODEK_KARAN: &str = "partner-3";
    pub const MULTIMED: &str = "partner-4";
    pub const KMP: &str = "partner-5";
    pub const STRAZ: &str = "partner-6";
    pub const MOPS: &str = "partner-7";
    pub const PUNKT_KARAN: &str = "partner-8";
    pub const PPIS: &str = "partner-9";
    pub const GRUPY_NA: &str = "partner-10";
    pub const GRUPA_AH: &str = "partner-11";
    pub const AL_ANON: &str = "partner-12";
    pub const CARITAS: &str = "partner-13";
    pub const BANK_CHLEBA: &str = "partner-14";
    pub const BREAD_OF_LIFE: &str = "partner-15";
    pub const PKPS: &str = "partner-16";
    pub const SZKOLY: &str = "partner-17";
    pub const NGO_KONKURS: &str = "partner-18";
    pub const SWIETLICE: &str = "partner-19";
}

/// The report on Kalisz's drug-prevention program for 2020 (miasto na prawach powiatu,
/// drug-only regime). Figures are those of the city's public report; it gives only the total
/// spent from chapter 85153, so no activity has a cost and the budget has no plan figures.
pub fn kalisz_2020() -> Report {
    use kalisz::*;
    use IndicatorUnit::*;
    use Mode::*;
    use PreventionLevel::*;
    use TargetGroup::*;

    let covid = "Z powodu epidemii COVID-19 zajęcia w szkołach prowadzono zdalnie, a pozostałe \
                 działania w zakresie dopuszczonym przez wytyczne GIS, MEN i MZ.";

    let activities = vec![
        // I. Ograniczanie skutków zdrowotnych i społecznych
        Activity {
            id: id("activity-1"),
            goal: Some(id("goal-1")),
            title: text("Leczenie osób uzależnionych w placówkach lecznictwa odwykowego"),
            description: text(
                "Trzy placówki w mieście prowadziły psychoterapię indywidualną i grupową dla osób \
                 uzależnionych od narkotyków, używających ich szkodliwie lub eksperymentujących, \
                 w ramach umów z NFZ. Ośrodek KARAN uzupełniał ofertę programami opłacanymi \
                 z innych źródeł: krótką terapią dla osób uzależnionych od przetworów konopi \
                 (CANDIS), wczesną interwencją dla młodych osób (FreD goes net) oraz pomocą dla \
                 osób uzależnionych od hazardu i innych zachowań oraz ich bliskich.",
            ),
            tasks: tasks(&["drugs.1"]),
            area: Area::Drugs,
            level: NotApplicable,
            target_groups: vec![Addicted, Users, Families],
            realizers: ids(&[PORADNIA, OSRODEK_KARAN, MULTIMED]),
            mode: FinancedByOthers,
            indicators: vec![
                indicator(
                    "indicator-1",
                    "osoby z problemem narkotykowym w Poradni Terapii Uzależnień i Współuzależnienia",
                    Persons,
                    None,
                    Some("110"),
                ),
                indicator(
                    "indicator-2",
                    "osoby w Centrum Medycznym MULTIMED",
                    Persons,
                    None,
                    Some("118"),
                ),
                indicator(
                    "indicator-3",
                    "w tym mieszkańcy Kalisza (Centrum Medyczne MULTIMED)",
                    Persons,
                    None,
                    Some("85"),
                ),
                indicator(
                    "indicator-4",
                    "konsultacje w Ośrodku KARAN dla osób uzależnionych, eksperymentujących i ich rodzin",
                    Consultations,
                    None,
                    Some("1737"),
                ),
            ],
            notes: text("Działanie finansowane z kontraktów NFZ, poza budżetem programu."),
            ..Activity::default()
        },
        Activity {
            id: id("activity-2"),
            goal: Some(id("goal-1")),
            title: text("Grupa terapeutyczna „after care”"),
            description: text(
                "Grupa dla osób, które ukończyły podstawowy program terapii i chcą utrwalić jego \
                 efekty; opłacana z budżetu miasta jako uzupełnienie oferty leczniczej.",
            ),
            tasks: tasks(&["drugs.1"]),
            area: Area::Drugs,
            level: NotApplicable,
            target_groups: vec![Addicted, Users],
            realizers: ids(&[OSRODEK_KARAN]),
            mode: ServiceContract,
            cost: charged_to("85153"),
            indicators: vec![indicator(
                "indicator-5",
                "uczestnicy grupy",
                Persons,
                None,
                Some("180"),
            )],
            ..Activity::default()
        },
        Activity {
            id: id("activity-3"),
            goal: Some(id("goal-1")),
            title: text("Grupa dla osób używających substancji psychoaktywnych"),
            description: text(
                "Spotkania grupowe dla osób, które używają substancji psychoaktywnych, \
                 opłacane z budżetu miasta.",
            ),
            tasks: tasks(&["drugs.1"]),
            area: Area::Drugs,
            level: Indicated,
            target_groups: vec![Users],
            realizers: ids(&[OSRODEK_KARAN]),
            mode: ServiceContract,
            cost: charged_to("85153"),
            indicators: vec![indicator(
                "indicator-6",
                "uczestnicy grupy",
                Persons,
                None,
                Some("140"),
            )],
            ..Activity::default()
        },
        Activity {
            id: id("activity-4"),
            goal: Some(id("goal-1")),
            title: text("Grupy samopomocowe NA i AH"),
            description: text(
                "W mieście spotykały się trzy grupy samopomocowe: dwie grupy Anonimowych \
                 Narkomanów oraz grupa Anonimowych Hazardzistów w Abstynenckim Klubie „Jantar”. \
                 Pomagają one utrzymać abstynencję; zainteresowanie nimi rośnie.",
            ),
            tasks: tasks(&["drugs.1"]),
            area: Area::Mixed,
            level: NotApplicable,
            target_groups: vec![Addicted],
            realizers: ids(&[GRUPY_NA, GRUPA_AH]),
            mode: FinancedByOthers,
            indicators: vec![indicator(
                "indicator-7",
                "średnia liczba uczestników jednego spotkania grupy (ok.)",
                Persons,
                None,
                Some("30"),
            )],
            ..Activity::default()
        },
        Activity {
            id: id("activity-5"),
            goal: Some(id("goal-1")),
            title: text("Działania interwencyjne policji i straży miejskiej"),
            description: text(
                "Policjanci wydziału prewencji konsultowali osoby z problemem narkotykowym, \
                 pomagali znaleźć ośrodek leczenia, interweniowali w szkołach i testami \
                 sprawdzali, czy zatrzymani są pod wpływem narkotyków. Straż Miejska przyjmowała \
                 zgłoszenia i kontrolowała miejsca spotkań osób używających narkotyków \
                 i dopalaczy.",
            ),
            tasks: tasks(&["drugs.1"]),
            area: Area::Drugs,
            level: Indicated,
            target_groups: vec![Users, Youth],
            realizers: ids(&[KMP, STRAZ]),
            mode: FinancedByOthers,
            notes: text("Statystyki policji i straży miejskiej podano w danych o sytuacji lokalnej."),
            ..Activity::default()
        },
        Activity {
            id: id("activity-6"),
            goal: Some(id("goal-1")),
            title: text("Klub Integracji Społecznej przy MOPS"),
            description: text(
                "Osoby z problemem narkotykowym korzystały w klubie z rozmów indywidualnych ze \
                 specjalistą ds. uzależnień i ze spotkań grupowych, które wspierały abstynencję, \
                 uczyły radzenia sobie w trudnych sytuacjach i motywowały do leczenia.",
            ),
            tasks: tasks(&["drugs.5", "drugs.1"]),
            area: Area::Drugs,
            level: Indicated,
            target_groups: vec![Addicted, Users],
            realizers: ids(&[MOPS]),
            mode: OwnWork,
            indicators: vec![indicator(
                "indicator-8",
                "osoby z problemem narkotykowym objęte pomocą KIS",
                Persons,
                None,
                Some("56"),
            )],
            notes: text("Finansowane ze środków pomocy społecznej MOPS, poza rozdziałem 85153."),
            ..Activity::default()
        },
        Activity {
            id: id("activity-7"),
            goal: Some(id("goal-1")),
            title: text("Punkt konsultacyjny dla osób używających narkotyków i ich rodzin"),
            description: text(
                "Punkt prowadzony przez Stowarzyszenie KARAN oferował wczesną interwencję, \
                 poradnictwo rodzinne i warsztaty umiejętności prospołecznych (profilaktyka \
                 wskazująca).",
            ),
            tasks: tasks(&["drugs.1", "drugs.2"]),
            area: Area::Drugs,
            level: Indicated,
            target_groups: vec![Users, Addicted, Families],
            realizers: ids(&[PUNKT_KARAN]),
            mode: FinancedByOthers,
            indicators: vec![indicator(
                "indicator-9",
                "osoby objęte pomocą punktu",
                Persons,
                None,
                Some("121"),
            )],
            notes: text("Działalność punktu finansowało Krajowe Biuro ds. Przeciwdziałania Narkomanii."),
            ..Activity::default()
        },
        // II. Pomoc rodzinom
        Activity {
            id: id("activity-8"),
            goal: Some(id("goal-2")),
            title: text("Terapia osób współuzależnionych"),
            description: text(
                "Członkowie rodzin osób uzależnionych uczestniczyli w terapii grupowej \
                 i indywidualnej w trzech placówkach lecznictwa odwykowego (umowy z NFZ).",
            ),
            tasks: tasks(&["drugs.2"]),
            area: Area::Drugs,
            level: NotApplicable,
            target_groups: vec![Families],
            realizers: ids(&[OSRODEK_KARAN, PORADNIA, MULTIMED]),
            mode: FinancedByOthers,
            indicators: vec![
                indicator("indicator-10", "osoby w terapii w Ośrodku KARAN", Persons, None, Some("72")),
                indicator(
                    "indicator-11",
                    "osoby w terapii w Poradni Terapii Uzależnień i Współuzależnienia",
                    Persons,
                    None,
                    Some("110"),
                ),
                indicator(
                    "indicator-12",
                    "osoby w terapii w Centrum Medycznym MULTIMED",
                    Persons,
                    None,
                    Some("97"),
                ),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-9"),
            goal: Some(id("goal-2")),
            title: text("Grupy samopomocowe Al-Anon"),
            description: text(
                "Rodziny osób uzależnionych od alkoholu, narkotyków i zachowań mogły korzystać ze \
                 wsparcia trzech grup Al-Anon działających w mieście.",
            ),
            tasks: tasks(&["drugs.2"]),
            area: Area::Mixed,
            level: NotApplicable,
            target_groups: vec![Families],
            realizers: ids(&[AL_ANON]),
            mode: FinancedByOthers,
            indicators: vec![indicator(
                "indicator-13",
                "średnia liczba uczestników jednego spotkania grupy (ok.)",
                Persons,
                None,
                Some("15"),
            )],
            ..Activity::default()
        },
        Activity {
            id: id("activity-10"),
            goal: Some(id("goal-2")),
            title: text("Grupa wsparcia dla rodzin osób z problemem narkotykowym"),
            description: text(
                "Miasto opłaciło grupę dla osób współuzależnionych, aby poszerzyć dostęp do pomocy \
                 terapeutycznej dla bliskich osób używających narkotyków.",
            ),
            tasks: tasks(&["drugs.2"]),
            area: Area::Drugs,
            level: Indicated,
            target_groups: vec![Families],
            realizers: ids(&[OSRODEK_KARAN]),
            mode: ServiceContract,
            cost: charged_to("85153"),
            indicators: vec![indicator(
                "indicator-14",
                "członkowie rodzin uczestniczący w grupie",
                Persons,
                None,
                Some("146"),
            )],
            ..Activity::default()
        },
        // III. Profilaktyka dzieci i młodzieży
        Activity {
            id: id("activity-11"),
            goal: Some(id("goal-3")),
            title: text("Szkolne programy profilaktyczno-edukacyjne"),
            description: text(
                "W szkołach prowadzono warsztaty „Asertywność”, program „Debata” i zajęcia \
                 profilaktyki rówieśniczej; we wszystkich szkołach odbyła się kampania „Zachowaj \
                 Trzeźwy Umysł”, której materiały przekazano szkołom do pracy zdalnej. Planowanie \
                 oparto na wynikach badania ESPAD przeprowadzonego w mieście w 2019 r.",
            ),
            tasks: tasks(&["drugs.3"]),
            area: Area::Mixed,
            level: Universal,
            target_groups: vec![Youth, Children, Teachers],
            realizers: ids(&[SZKOLY, NGO_KONKURS]),
            mode: OwnWork,
            cost: charged_to("85153"),
            indicators: vec![
                indicator("indicator-15", "uczniowie", Persons, None, Some("1650")),
                indicator("indicator-16", "wychowawcy", Persons, None, Some("42")),
            ],
            status: Status::Partly,
            status_reason: text(covid),
            notes: text(
                "Programy dotyczą wszystkich uzależnień; ujęto je również w miejskim programie \
                 profilaktyki i rozwiązywania problemów alkoholowych.",
            ),
            ..Activity::default()
        },
        Activity {
            id: id("activity-12"),
            goal: Some(id("goal-3")),
            title: text("Pozaszkolne strategie profilaktyczne"),
            description: text(
                "Program Trenerów Osiedlowych, zajęcia profilaktyki rówieśniczej, „Dziecięce \
                 czwartki w mieście” oraz konkurs „Wolność bez nałogów” z wydaniem kalendarzy \
                 tematycznych.",
            ),
            tasks: tasks(&["drugs.3"]),
            area: Area::Mixed,
            level: Universal,
            target_groups: vec![Children, Youth],
            realizers: ids(&[NGO_KONKURS]),
            mode: OpenCompetitionGrant,
            cost: charged_to("85153"),
            indicators: vec![indicator(
                "indicator-17",
                "dzieci i młodzież",
                Persons,
                None,
                Some("5513"),
            )],
            status: Status::Partly,
            status_reason: text(covid),
            ..Activity::default()
        },
        Activity {
            id: id("activity-13"),
            goal: Some(id("goal-3")),
            title: text("Ferie zimowe w mieście"),
            description: text(
                "Zajęcia profilaktyczne i rekreacyjne dla dzieci i młodzieży spędzających ferie \
                 zimowe w Kaliszu.",
            ),
            tasks: tasks(&["drugs.3"]),
            area: Area::Mixed,
            level: Universal,
            target_groups: vec![Children, Youth],
            realizers: ids(&[NGO_KONKURS]),
            mode: OwnWork,
            cost: charged_to("85153"),
            indicators: vec![indicator(
                "indicator-18",
                "dzieci (ok.)",
                Persons,
                None,
                Some("600"),
            )],
            ..Activity::default()
        },
        Activity {
            id: id("activity-14"),
            goal: Some(id("goal-3")),
            title: text("Profilaktyka selektywna i wskazująca dla młodzieży z grup ryzyka"),
            description: text(
                "Programy edukacyjne i interwencyjne dla uczniów z grup podwyższonego ryzyka; \
                 w ramach Kaliskich Dni Trzeźwości dzieci ze świetlic i z domu dziecka pojechały \
                 na rajd „Leśny Ludek”.",
            ),
            tasks: tasks(&["drugs.3"]),
            area: Area::Drugs,
            level: Selective,
            target_groups: vec![Youth],
            realizers: ids(&[NGO_KONKURS]),
            mode: OpenCompetitionGrant,
            cost: charged_to("85153"),
            indicators: vec![indicator("indicator-19", "uczniowie", Persons, None, Some("523"))],
            status: Status::Partly,
            status_reason: text(covid),
            ..Activity::default()
        },
        Activity {
            id: id("activity-15"),
            goal: Some(id("goal-3")),
            title: text("Świetlice środowiskowe z elementami socjoterapii"),
            description: text(
                "Miasto dofinansowało świetlice prowadzące pozalekcyjne programy \
                 opiekuńczo-wychowawcze i zajęcia socjoterapeutyczne dla dzieci z rodzin \
                 z problemami. W czasie epidemii świetlice pracowały zdalnie (telefon, wideo) \
                 lub w małych grupach według grafiku; dzieci bez komputera i internetu dostawały \
                 indywidualną pomoc w nauce.",
            ),
            tasks: tasks(&["drugs.3"]),
            area: Area::Mixed,
            level: Indicated,
            target_groups: vec![Children, Families],
            realizers: ids(&[SWIETLICE]),
            mode: OpenCompetitionGrant,
            cost: charged_to("85153"),
            status: Status::Partly,
            status_reason: text(
                "Świetlice działały w zakresie, na jaki pozwalały wytyczne sanitarne i warunki \
                 lokalowe; część zajęć prowadzono zdalnie.",
            ),
            ..Activity::default()
        },
        Activity {
            id: id("activity-16"),
            goal: Some(id("goal-3")),
            title: text("Spotkania i grupa dla rodziców"),
            description: text(
                "Spotkania dla rodziców oraz grupa dla rodziców, których dzieci używają \
                 narkotyków szkodliwie lub są od nich uzależnione.",
            ),
            tasks: tasks(&["drugs.3", "drugs.2"]),
            area: Area::Drugs,
            level: Selective,
            target_groups: vec![Parents],
            realizers: ids(&[NGO_KONKURS]),
            mode: OpenCompetitionGrant,
            cost: charged_to("85153"),
            indicators: vec![indicator("indicator-20", "rodzice", Persons, None, Some("168"))],
            ..Activity::default()
        },
        Activity {
            id: id("activity-17"),
            goal: Some(id("goal-3")),
            title: text("Programy Państwowego Powiatowego Inspektora Sanitarnego"),
            description: text(
                "Inspektor sanitarny przeprowadził konkurs „Szkoła wolna od używek”, kampanie \
                 społeczne (m.in. „STOP dopalaczom”), imprezy prozdrowotne oraz programy \
                 edukacyjne dla młodzieży.",
            ),
            tasks: tasks(&["drugs.3"]),
            area: Area::Mixed,
            level: Universal,
            target_groups: vec![Youth],
            realizers: ids(&[PPIS]),
            mode: FinancedByOthers,
            indicators: vec![
                indicator(
                    "indicator-21",
                    "uczestnicy programu „ARS, czyli jak dbać o miłość”",
                    Persons,
                    None,
                    Some("450"),
                ),
                indicator(
                    "indicator-22",
                    "uczestnicy programu „Stop dopalaczom”",
                    Persons,
                    None,
                    Some("185"),
                ),
            ],
            ..Activity::default()
        },
        // IV. Wspieranie instytucji i organizacji
        Activity {
            id: id("activity-18"),
            goal: Some(id("goal-4")),
            title: text("Zaproszenie partnerów do zgłaszania propozycji do programu"),
            description: text(
                "Komunikaty w mediach i na stronie urzędu zachęcały instytucje i organizacje do \
                 zgłaszania działań do programu na kolejny rok.",
            ),
            tasks: tasks(&["drugs.4"]),
            area: Area::Drugs,
            level: NotApplicable,
            target_groups: vec![Professionals],
            realizers: ids(&[URZAD]),
            mode: OwnWork,
            ..Activity::default()
        },
        Activity {
            id: id("activity-19"),
            goal: Some(id("goal-4")),
            title: text("Otwarte konkursy ofert i małe granty dla organizacji pozarządowych"),
            description: text(
                "Ogłoszono konkursy na: Program Trenerów Osiedlowych, cykliczne pozaszkolne zajęcia \
                 profilaktyki rówieśniczej, działania edukacyjne i kampanie społeczne o skutkach \
                 używania substancji psychoaktywnych oraz programy redukcji szkód. Zarezerwowano \
                 też środki na małe granty.",
            ),
            tasks: tasks(&["drugs.4"]),
            area: Area::Drugs,
            level: NotApplicable,
            target_groups: vec![Professionals],
            realizers: ids(&[URZAD, NGO_KONKURS]),
            mode: OpenCompetitionGrant,
            cost: charged_to("85153"),
            indicators: vec![indicator(
                "indicator-23",
                "zadania ogłoszone w otwartych konkursach ofert",
                Events,
                None,
                Some("4"),
            )],
            ..Activity::default()
        },
        Activity {
            id: id("activity-20"),
            goal: Some(id("goal-4")),
            title: text("Testy do wykrywania narkotyków i doposażenie dla policji"),
            description: text(
                "Miasto kupiło dla Komendy Miejskiej Policji testy do wykrywania narkotyków \
                 i drona. Testy posłużyły do kontroli kierowców, działań w szkołach i badania \
                 nieletnich podejrzewanych o używanie narkotyków.",
            ),
            tasks: tasks(&["drugs.4", "drugs.3"]),
            area: Area::Drugs,
            level: Universal,
            target_groups: vec![Professionals, Youth],
            realizers: ids(&[KMP]),
            mode: OwnWork,
            cost: charged_to("85153"),
            indicators: vec![indicator(
                "indicator-24",
                "zakupione testy do wykrywania narkotyków",
                Items,
                None,
                Some("695"),
            )],
            ..Activity::default()
        },
        // V. Przeciwdziałanie ubóstwu i wykluczeniu
        Activity {
            id: id("activity-21"),
            goal: Some(id("goal-5")),
            title: text("Pomoc finansowa, rzeczowa i żywnościowa"),
            description: text(
                "Osoby uzależnione i ich rodziny otrzymywały pomoc pieniężną, rzeczową i żywność \
                 od MOPS i organizacji charytatywnych.",
            ),
            tasks: tasks(&["drugs.5"]),
            area: Area::Drugs,
            level: NotApplicable,
            target_groups: vec![Addicted, Families],
            realizers: ids(&[MOPS, BREAD_OF_LIFE, PKPS, BANK_CHLEBA, CARITAS]),
            mode: FinancedByOthers,
            notes: text("Finansowane ze środków pomocy społecznej i organizacji, poza rozdziałem 85153."),
            ..Activity::default()
        },
        Activity {
            id: id("activity-22"),
            goal: Some(id("goal-5")),
            title: text("Praca socjalna z osobami uzależnionymi"),
            description: text(
                "Pracownicy socjalni MOPS udzielali porad, motywowali do leczenia i wspierali \
                 w utrzymaniu abstynencji, pomagali w aktywizacji zawodowej i w sprawach \
                 orzekania o niepełnosprawności; osoby te mogły też korzystać z Klubu Integracji \
                 Społecznej.",
            ),
            tasks: tasks(&["drugs.5"]),
            area: Area::Drugs,
            level: NotApplicable,
            target_groups: vec![Addicted, Users],
            realizers: ids(&[MOPS]),
            mode: OwnWork,
            notes: text("Finansowane ze środków pomocy społecznej MOPS, poza rozdziałem 85153."),
            ..Activity::default()
        },
    ];

    Report {
        id: id("kalisz-2020"),
        year: 2020,
        gmina: Gmina {
            name: text("Kalisz"),
            kind: GminaKind::CityWithPowiatRights,
            teryt: text("3061011"),
            voivodeship: text("wielkopolskie"),
            ..Gmina::default()
        },
        program: Program {
            title: text("Miejski Program Przeciwdziałania Narkomanii na 2020 rok"),
            regime: Regime::DrugOnly,
            behavioural: false,
            period_from: 2020,
            period_to: 2020,
            resolution: Resolution {
                number: text("XIX/334/2020"),
                date: day(2020, 1, 23),
                council: text("Rada Miasta Kalisza"),
                ..Resolution::default()
            },
            strategy: Strategy {
                title: text("Strategia Rozwiązywania Problemów Społecznych"),
                from_year: Some(2016),
                to_year: Some(2025),
                ..Strategy::default()
            },
            npz_edition: text("npz-2016-2020"),
            coordinator: text("Urząd Miasta Kalisza"),
            ..Program::default()
        },
        prepared_by: text("Prezydent Miasta Kalisza"),
        prepared_on: None,
        council_deadline: Report::default_deadline(2020),
        next_program_resolution_date: day(2020, 12, 29),
        introduction: text(
            "Raport opisuje wykonanie w 2020 r. miejskiego programu przeciwdziałania narkomanii. \
             Program wynika z miejskiej strategii rozwiązywania problemów społecznych i uwzględnia \
             cel operacyjny Narodowego Programu Zdrowia dotyczący substancji psychoaktywnych. \
             Działania odpowiadają pięciu zadaniom własnym gminy z ustawy o przeciwdziałaniu \
             narkomanii: dostępności terapii, pomocy rodzinom, profilaktyce, wspieraniu partnerów \
             oraz pomocy społecznej dla osób uzależnionych i ich rodzin.",
        ),
        monitoring: text(
            "Wykonanie programu śledzono na podstawie sprawozdań realizatorów i wskaźników \
             zapisanych w programie, porównując je z planem. Wnioski z monitoringu wykorzystano \
             w diagnozie do programu na 2021 r.",
        ),
        conclusions: text(
            "Epidemia COVID-19 ograniczyła zajęcia w szkołach i świetlicach: część przeniesiono \
             do internetu, część prowadzono w małych grupach. Mimo to programy pozaszkolne objęły \
             ponad 5,5 tys. dzieci i młodzieży, a szkolne — 1 650 uczniów. Podstawą planowania \
             pozostają wyniki badania ESPAD z 2019 r.\n\n\
             Program na 2021 r., z aktualną diagnozą problemów narkotykowych w mieście, przyjęła \
             Rada Miasta Kalisza uchwałą nr XXXIV/493/2020 z 29 grudnia 2020 r.",
        ),
        budget: Budget {
            // The source gives only the total spent from chapter 85153: no paragraph, no plan.
            lines: vec![BudgetLine {
                id: id("line-1"),
                chapter: text("85153"),
                paragraph: String::new(),
                planned: None,
                after_changes: None,
                executed: Some(zl("148543.63")),
                source: FundingSource::Budget,
                ..BudgetLine::default()
            }],
            ..Budget::default()
        },
        goals: vec![
            goal(
                "goal-1",
                "I",
                "Ograniczanie zdrowotnych i społecznych skutków używania narkotyków",
                "Mniej szkód dla zdrowia i życia społecznego wynikających ze szkodliwego używania \
                 narkotyków, nowych substancji psychoaktywnych (NSP) i innych środków oraz \
                 z uzależnienia od nich.",
            ),
            goal(
                "goal-2",
                "II",
                "Pomoc psychospołeczna i prawna dla rodzin",
                "Mniej zakłóceń życia rodzinnego, które wywołuje szkodliwe używanie substancji \
                 psychoaktywnych lub uzależnienie bliskiej osoby.",
            ),
            goal(
                "goal-3",
                "III",
                "Profilaktyka wśród dzieci i młodzieży",
                "Rzadsze sięganie przez dzieci i młodzież po narkotyki, NSP i inne substancje \
                 psychoaktywne.",
            ),
            goal(
                "goal-4",
                "IV",
                "Wspieranie instytucji, organizacji pozarządowych i osób fizycznych",
                "Większa aktywność i lepsza współpraca instytucji, organizacji i osób działających \
                 na rzecz rozwiązywania problemów narkotykowych.",
            ),
            goal(
                "goal-5",
                "V",
                "Przeciwdziałanie ubóstwu i wykluczeniu społecznemu",
                "Mniej ubóstwa, marginalizacji i wykluczenia wśród osób używających narkotyków \
                 szkodliwie lub uzależnionych oraz ich rodzin.",
            ),
        ],
        activities,
        task_gaps: Vec::new(),
        partners: vec![
            partner(URZAD, "Urząd Miasta Kalisza", PartnerKind::Other, "", "koordynacja programu, konkursy ofert"),
            partner(
                PORADNIA,
                "Poradnia Terapii Uzależnień i Współuzależnienia",
                PartnerKind::Treatment,
                "ul. Lipowa 5, Kalisz",
                "terapia osób uzależnionych i współuzależnionych (NFZ)",
            ),
            partner(
                OSRODEK_KARAN,
                "Ośrodek Terapii Uzależnień i Współuzależnień KARAN (z oddziałem dziennym)",
                PartnerKind::Treatment,
                "ul. 29 Pułku Piechoty 35, Kalisz",
                "terapia, konsultacje, grupy terapeutyczne",
            ),
            partner(
                MULTIMED,
                "Centrum Medyczne MULTIMED",
                PartnerKind::Treatment,
                "ul. Majkowska 13, Kalisz",
                "terapia osób uzależnionych i współuzależnionych (NFZ)",
            ),
            partner(KMP, "Komenda Miejska Policji w Kaliszu", PartnerKind::Police, "", "działania prewencyjne i interwencyjne"),
            partner(STRAZ, "Straż Miejska Kalisza", PartnerKind::MunicipalGuard, "", "kontrole miejsc zagrożonych"),
            partner(
                MOPS,
                "Miejski Ośrodek Pomocy Społecznej w Kaliszu (z Klubem Integracji Społecznej)",
                PartnerKind::SocialWelfare,
                "",
                "praca socjalna, pomoc społeczna, Klub Integracji Społecznej",
            ),
            partner(
                PUNKT_KARAN,
                "Stowarzyszenie Katolicki Ruch Antynarkotyczny „KARAN” — punkt konsultacyjny",
                PartnerKind::Ngo,
                "ul. Graniczna 1, Kalisz",
                "punkt konsultacyjny dla osób używających narkotyków i ich rodzin",
            ),
            partner(PPIS, "Państwowy Powiatowy Inspektor Sanitarny w Kaliszu", PartnerKind::SanitaryInspectorate, "", "programy edukacyjne i kampanie"),
            partner(GRUPY_NA, "Grupy Anonimowych Narkomanów (NA)", PartnerKind::SelfHelpGroup, "ul. Lipowa 5 oraz ul. Prymasa Stefana Wyszyńskiego 43, Kalisz", "samopomoc osób uzależnionych"),
            partner(GRUPA_AH, "Grupa Anonimowych Hazardzistów (AH) przy Abstynenckim Klubie „Jantar”", PartnerKind::SelfHelpGroup, "ul. Śródmiejska 23, Kalisz", "samopomoc osób uzależnionych od hazardu"),
            partner(AL_ANON, "Grupy Al-Anon", PartnerKind::SelfHelpGroup, "", "samopomoc rodzin osób uzależnionych"),
            partner(CARITAS, "Caritas Diecezji Kaliskiej", PartnerKind::Church, "", "pomoc rzeczowa i żywnościowa"),
            partner(BANK_CHLEBA, "Stowarzyszenie „Bank Chleba”", PartnerKind::Ngo, "", "pomoc żywnościowa"),
            partner(BREAD_OF_LIFE, "Fundacja „Bread of Life”", PartnerKind::Ngo, "", "pomoc żywnościowa i rzeczowa"),
            partner(PKPS, "Polski Komitet Pomocy Społecznej", PartnerKind::Ngo, "", "pomoc rzeczowa"),
            partner(SZKOLY, "Kaliskie szkoły", PartnerKind::School, "", "szkolne programy profilaktyczne"),
            partner(
                NGO_KONKURS,
                "Organizacje pozarządowe wyłonione w otwartych konkursach ofert",
                PartnerKind::Ngo,
                "",
                "profilaktyka uniwersalna i selektywna, praca z rodzicami",
            ),
            partner(SWIETLICE, "Świetlice środowiskowe", PartnerKind::Other, "", "pozalekcyjne programy opiekuńczo-wychowawcze i socjoterapia"),
        ],
        coalitions: Vec::new(),
        context_figures: vec![
            figure(
                "figure-1",
                "przestępstwa związane z posiadaniem i używaniem narkotyków i dopalaczy ujawnione przez policję",
                "268",
                "przestępstwa",
                "Komenda Miejska Policji w Kaliszu",
            ),
            figure(
                "figure-2",
                "sprawcy tych przestępstw",
                "43",
                "osoby",
                "Komenda Miejska Policji w Kaliszu",
            ),
            figure(
                "figure-3",
                "zgłoszenia na numer alarmowy dotyczące narkotyków i dopalaczy",
                "6",
                "zgłoszenia",
                "Straż Miejska Kalisza",
            ),
            figure(
                "figure-4",
                "kontrole miejsc spotkań osób używających narkotyków i dopalaczy",
                "9161",
                "kontrole",
                "Straż Miejska Kalisza",
            ),
            figure(
                "figure-5",
                "miejsca objęte kontrolami",
                "251",
                "miejsca",
                "Straż Miejska Kalisza",
            ),
            figure(
                "figure-6",
                "placówki udzielające pomocy terapeutycznej osobom używającym narkotyków",
                "3",
                "placówki",
                "Urząd Miasta Kalisza",
            ),
        ],
        layout: Layout::ByGoal,
        signature: None,
        ..Report::default()
    }
}

// ============================================================================================
// Gmina Przykładowo 2025 (fictional)
// ============================================================================================

mod przykladowo {
    //! Partner ids of the fictional gmina's register.
    pub const URZAD: &str = "partner-1";
    pub const GKRPA: &str = "partner-2";
    pub const GOPS: &str = "partner-3";
    pub const POLICJA: &str = "partner-4";
    pub const SP_PRZYKLADOWO: &str = "partner-5";
    pub const SP_NOWA_WIES: &str = "partner-6";
    pub const PORADNIA_PP: &str = "partner-7";
    pub const NZOZ: &str = "partner-8";
    pub const PSSE: &str = "partner-9";
    pub const PUP: &str = "partner-10";
    pub const KURATORZY: &str = "partner-11";
    pub const AA: &str = "partner-12";
    pub const AL_ANON: &str = "partner-13";
    pub const STOWARZYSZENIE: &str = "partner-14";
    pub const LKS: &str = "partner-15";
    pub const FUNDACJA: &str = "partner-16";
    pub const CIS: &str = "partner-17";
    pub const KLUB: &str = "partner-18";
    pub const PARAFIA: &str = "partner-19";
}

/// A fictional small rural gmina's report on its joint program for 2025 (alcohol, drugs and
/// behavioural addictions), complete enough that a sensible validator finds no errors.
pub fn small_gmina_2025() -> Report {
    use przykladowo::*;
    use FundingSource::PermitFees;
    use IndicatorUnit::*;
    use Mode::*;
    use PreventionLevel::*;
    use TargetGroup::*;

    let activities = vec![
        // Goal 1: pomoc terapeutyczna i wsparcie
        Activity {
            id: id("activity-1"),
            goal: Some(id("goal-1")),
            title: text("Punkt konsultacyjny ds. uzależnień"),
            description: text(
                "Specjalista psychoterapii uzależnień dyżurował w punkcie w budynku GOPS cztery \
                 godziny w tygodniu: rozmowy motywujące, skierowania do leczenia, wsparcie po \
                 terapii dla osób pijących ryzykownie, używających narkotyków i ich bliskich.",
            ),
            tasks: tasks(&["alcohol.1", "drugs.1"]),
            area: Area::Mixed,
            level: Indicated,
            target_groups: vec![Addicted, Users, Families],
            realizers: ids(&[GOPS]),
            mode: ServiceContract,
            cost: cost("14400.00", "14400.00", "85154", "4170", PermitFees),
            indicators: vec![
                indicator("indicator-1", "konsultacje", Consultations, Some("180"), Some("196")),
                indicator("indicator-2", "osoby, które skorzystały z punktu", Persons, Some("60"), Some("71")),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-2"),
            goal: Some(id("goal-1")),
            title: text("Grupa wsparcia po terapii podstawowej"),
            description: text(
                "Gmina kupiła w poradni terapii uzależnień we Wzorcowie cykl spotkań grupy dla \
                 mieszkańców, którzy ukończyli terapię podstawową.",
            ),
            tasks: tasks(&["alcohol.1"]),
            area: Area::Alcohol,
            level: NotApplicable,
            target_groups: vec![Addicted],
            realizers: ids(&[NZOZ]),
            mode: ServiceContract,
            cost: cost("9600.00", "9600.00", "85154", "4300", PermitFees),
            indicators: vec![
                indicator("indicator-3", "spotkania grupy", Sessions, Some("24"), Some("24")),
                indicator("indicator-4", "uczestnicy", Persons, Some("15"), Some("12")),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-3"),
            goal: Some(id("goal-1")),
            title: text("Postępowania w sprawie zobowiązania do leczenia odwykowego"),
            description: text(
                "Komisja rozmawiała z osobami zgłoszonymi przez rodziny i instytucje, zlecała \
                 opinie biegłych i kierowała wnioski do sądu rejonowego.",
            ),
            tasks: tasks(&["alcohol.1"]),
            area: Area::Alcohol,
            level: Indicated,
            target_groups: vec![Addicted, Families],
            realizers: ids(&[GKRPA, KURATORZY]),
            mode: OwnWork,
            cost: cost("5000.00", "4320.00", "85154", "4610", PermitFees),
            indicators: vec![
                indicator("indicator-5", "opinie biegłych", Items, Some("10"), Some("9")),
                indicator("indicator-6", "wnioski skierowane do sądu", Events, Some("8"), Some("6")),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-4"),
            goal: Some(id("goal-1")),
            title: text("Posiedzenia i rozmowy motywujące Gminnej Komisji Rozwiązywania Problemów Alkoholowych"),
            description: text(
                "Comiesięczne posiedzenia komisji oraz rozmowy motywujące z osobami nadużywającymi \
                 alkoholu i z ich rodzinami.",
            ),
            tasks: tasks(&["alcohol.1", "alcohol.2"]),
            area: Area::Alcohol,
            level: Indicated,
            target_groups: vec![Addicted, Families],
            realizers: ids(&[GKRPA]),
            mode: OwnWork,
            cost: cost("16200.00", "16200.00", "85154", "4170", PermitFees),
            indicators: vec![
                indicator("indicator-7", "posiedzenia komisji", Sessions, Some("12"), Some("12")),
                indicator("indicator-8", "osoby, z którymi przeprowadzono rozmowy", Persons, Some("40"), Some("37")),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-5"),
            goal: Some(id("goal-1")),
            title: text("Wsparcie grup samopomocowych i Klubu Abstynenta „Przystań”"),
            description: text(
                "Gmina udostępniła salę i kupiła materiały dla grup AA i Al-Anon spotykających się \
                 w Klubie Abstynenta.",
            ),
            tasks: tasks(&["alcohol.4", "alcohol.1"]),
            area: Area::Alcohol,
            level: NotApplicable,
            target_groups: vec![Addicted, Families],
            realizers: ids(&[KLUB, AA, AL_ANON]),
            mode: OwnWork,
            cost: cost("5000.00", "4800.00", "85154", "4210", PermitFees),
            indicators: vec![indicator("indicator-9", "spotkania grup", Sessions, Some("50"), Some("48"))],
            ..Activity::default()
        },
        Activity {
            id: id("activity-6"),
            goal: Some(id("goal-1")),
            title: text("Program wczesnej interwencji dla młodzieży używającej narkotyków"),
            description: text(
                "Fundacja prowadziła dla młodych osób zatrzymanych z narkotykami lub zgłoszonych \
                 przez szkołę krótki program wczesnej interwencji, sfinansowany z dotacji KCPU.",
            ),
            tasks: tasks(&["drugs.1", "drugs.3"]),
            area: Area::Drugs,
            level: Indicated,
            target_groups: vec![Youth, Users],
            realizers: ids(&[FUNDACJA, POLICJA]),
            mode: FinancedByOthers,
            indicators: vec![indicator("indicator-10", "uczestnicy programu", Persons, Some("15"), Some("14"))],
            notes: text("Finansowanie: dotacja KCPU dla fundacji (poza budżetem gminy)."),
            ..Activity::default()
        },
        Activity {
            id: id("activity-7"),
            goal: Some(id("goal-1")),
            title: text("Reintegracja społeczna i zawodowa w Centrum Integracji Społecznej"),
            description: text(
                "Gmina opłaciła udział dwóch mieszkańców po terapii w zajęciach Centrum Integracji \
                 Społecznej we Wzorcowie; Powiatowy Urząd Pracy pomagał w znalezieniu zatrudnienia.",
            ),
            tasks: tasks(&["alcohol.6"]),
            area: Area::Alcohol,
            level: NotApplicable,
            target_groups: vec![Addicted],
            realizers: ids(&[CIS, PUP]),
            mode: ServiceContract,
            cost: cost("8000.00", "7200.00", "85154", "2830", PermitFees),
            indicators: vec![indicator("indicator-11", "uczestnicy CIS", Persons, Some("2"), Some("2"))],
            ..Activity::default()
        },
        Activity {
            id: id("activity-8"),
            goal: Some(id("goal-1")),
            title: text("Praca socjalna z osobami uzależnionymi i ich rodzinami"),
            description: text(
                "Pracownicy socjalni GOPS prowadzili pracę socjalną i kontrakty socjalne z osobami \
                 uzależnionymi od narkotyków i z rodzinami zagrożonymi wykluczeniem.",
            ),
            tasks: tasks(&["drugs.5"]),
            area: Area::Drugs,
            level: NotApplicable,
            target_groups: vec![Addicted, Families],
            realizers: ids(&[GOPS]),
            mode: FinancedByOthers,
            indicators: vec![
                indicator("indicator-12", "rodziny objęte pracą socjalną", Persons, Some("12"), Some("14")),
                indicator("indicator-13", "zawarte kontrakty socjalne", Items, Some("3"), Some("2")),
            ],
            notes: text("Finansowane z budżetu GOPS (rozdział 85228 i 85219), poza programem."),
            ..Activity::default()
        },
        // Goal 2: pomoc rodzinom i przeciwdziałanie przemocy
        Activity {
            id: id("activity-9"),
            goal: Some(id("goal-2")),
            title: text("Porady psychologiczne i prawne dla rodzin"),
            description: text(
                "Psycholog i prawnik przyjmowali w GOPS członków rodzin z problemem alkoholowym \
                 lub narkotykowym, w tym osoby doznające przemocy domowej.",
            ),
            tasks: tasks(&["alcohol.2", "drugs.2"]),
            area: Area::Mixed,
            level: Indicated,
            target_groups: vec![Families],
            realizers: ids(&[GOPS]),
            mode: ServiceContract,
            cost: cost("7800.00", "7800.00", "85154", "4300", PermitFees),
            indicators: vec![
                indicator("indicator-14", "porady psychologiczne", Consultations, Some("60"), Some("58")),
                indicator("indicator-15", "porady prawne", Consultations, Some("24"), Some("21")),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-10"),
            goal: Some(id("goal-2")),
            title: text("Grupa wsparcia dla osób doznających przemocy domowej"),
            description: text(
                "Grupa prowadzona przez psychologa dla osób z rodzin, w których występuje problem \
                 alkoholowy i przemoc; uczestników kierował zespół interdyscyplinarny.",
            ),
            tasks: tasks(&["alcohol.2"]),
            area: Area::Alcohol,
            level: Indicated,
            target_groups: vec![Families],
            realizers: ids(&[GOPS]),
            mode: ServiceContract,
            cost: cost("4500.00", "3600.00", "85154", "4300", PermitFees),
            indicators: vec![indicator("indicator-16", "spotkania grupy", Sessions, Some("20"), Some("16"))],
            status: Status::Partly,
            status_reason: text(
                "W listopadzie i grudniu prowadząca przebywała na zwolnieniu lekarskim, \
                 a zastępstwa nie udało się znaleźć; cztery spotkania się nie odbyły.",
            ),
            ..Activity::default()
        },
        Activity {
            id: id("activity-11"),
            goal: Some(id("goal-2")),
            title: text("Interwencje policji w rodzinach z problemem alkoholowym"),
            description: text(
                "Dzielnicowi interweniowali w domach, wszczynali procedurę „Niebieskiej Karty” \
                 i informowali komisję o osobach wymagających rozmowy motywującej.",
            ),
            tasks: tasks(&["alcohol.2"]),
            area: Area::Alcohol,
            level: NotApplicable,
            target_groups: vec![Families],
            realizers: ids(&[POLICJA]),
            mode: FinancedByOthers,
            indicators: vec![indicator("indicator-17", "zawiadomienia przekazane komisji", Events, None, Some("9"))],
            ..Activity::default()
        },
        // Goal 3: profilaktyka
        Activity {
            id: id("activity-12"),
            goal: Some(id("goal-3")),
            title: text("Rekomendowane programy profilaktyki w szkołach podstawowych"),
            description: text(
                "Nauczyciele obu szkół prowadzili programy z bazy programów rekomendowanych; gmina \
                 opłaciła szkolenie realizatorów i materiały dla klas.",
            ),
            tasks: tasks(&["alcohol.3", "drugs.3"]),
            area: Area::Mixed,
            level: Universal,
            target_groups: vec![Children, Teachers],
            realizers: ids(&[SP_PRZYKLADOWO, SP_NOWA_WIES, PORADNIA_PP]),
            mode: ServiceContract,
            cost: cost("6400.00", "6400.00", "85154", "4300", PermitFees),
            indicators: vec![
                indicator("indicator-18", "uczniowie", Persons, Some("220"), Some("236")),
                indicator("indicator-19", "nauczyciele realizatorzy", Persons, Some("8"), Some("9")),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-13"),
            goal: Some(id("goal-3")),
            title: text("Warsztaty o narkotykach i dopalaczach dla klas VII–VIII"),
            description: text(
                "Warsztaty z trenerem o działaniu substancji psychoaktywnych, presji rówieśniczej \
                 i odmawianiu, z osobnym spotkaniem dla rodziców.",
            ),
            tasks: tasks(&["drugs.3"]),
            area: Area::Drugs,
            level: Universal,
            target_groups: vec![Youth, Parents],
            realizers: ids(&[SP_PRZYKLADOWO, SP_NOWA_WIES, PSSE]),
            mode: ServiceContract,
            cost: cost("6000.00", "5850.00", "85153", "4300", PermitFees),
            indicators: vec![
                indicator("indicator-20", "uczniowie", Persons, Some("110"), Some("104")),
                indicator("indicator-21", "warsztaty", Sessions, Some("12"), Some("12")),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-14"),
            goal: Some(id("goal-3")),
            title: text("Zajęcia o bezpiecznym korzystaniu z internetu, gier i zakładów"),
            description: text(
                "Zajęcia dla uczniów o nadmiernym korzystaniu z telefonu, gier i zakładów \
                 w internecie oraz spotkanie dla rodziców o rozpoznawaniu pierwszych sygnałów \
                 uzależnień behawioralnych.",
            ),
            tasks: tasks(&["behavioural.1", "alcohol.3"]),
            area: Area::Behavioural,
            level: Universal,
            target_groups: vec![Youth, Parents],
            realizers: ids(&[SP_PRZYKLADOWO, SP_NOWA_WIES, PORADNIA_PP]),
            mode: ServiceContract,
            cost: cost("5000.00", "4600.00", "85153", "4300", PermitFees),
            indicators: vec![
                indicator("indicator-22", "uczniowie", Persons, Some("150"), Some("162")),
                indicator("indicator-23", "rodzice", Persons, Some("40"), Some("31")),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-15"),
            goal: Some(id("goal-3")),
            title: text("Dożywianie dzieci w świetlicy środowiskowej"),
            description: text(
                "Świetlica prowadzona przez GOPS (placówka wsparcia dziennego) realizowała program \
                 opiekuńczo-wychowawczy z elementami socjoterapii; gmina finansowała podwieczorki.",
            ),
            tasks: tasks(&["alcohol.3", "drugs.3"]),
            area: Area::Mixed,
            level: Selective,
            target_groups: vec![Children],
            realizers: ids(&[GOPS]),
            mode: OwnWork,
            cost: cost("6000.00", "5880.00", "85154", "4220", PermitFees),
            indicators: vec![
                indicator("indicator-24", "dzieci uczęszczające do świetlicy", Persons, Some("25"), Some("27")),
                indicator("indicator-25", "wydane posiłki", Items, Some("2000"), Some("2140")),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-16"),
            goal: Some(id("goal-3")),
            title: text("Półkolonie z programem profilaktycznym"),
            description: text(
                "Dwa turnusy półkolonii letnich z codziennymi zajęciami profilaktycznymi, \
                 sportem i wycieczkami, zlecone stowarzyszeniu w otwartym konkursie ofert.",
            ),
            tasks: tasks(&["alcohol.3"]),
            area: Area::Mixed,
            level: Selective,
            target_groups: vec![Children],
            realizers: ids(&[STOWARZYSZENIE]),
            mode: OpenCompetitionGrant,
            cost: cost("30000.00", "30000.00", "85154", "2360", PermitFees),
            indicators: vec![indicator("indicator-26", "dzieci", Persons, Some("40"), Some("40"))],
            ..Activity::default()
        },
        Activity {
            id: id("activity-17"),
            goal: Some(id("goal-3")),
            title: text("Festyn rodzinny „Trzeźwo i na sportowo”"),
            description: text(
                "Klub sportowy zorganizował festyn z turniejami i stoiskiem informacyjnym \
                 o uzależnieniach, dofinansowany w trybie małego grantu.",
            ),
            tasks: tasks(&["drugs.4", "drugs.3"]),
            area: Area::Mixed,
            level: Universal,
            target_groups: vec![GeneralPublic, Children, Parents],
            realizers: ids(&[LKS]),
            mode: SmallGrant,
            cost: cost("5000.00", "5000.00", "85153", "2360", PermitFees),
            indicators: vec![indicator("indicator-27", "uczestnicy festynu", Persons, Some("300"), Some("350"))],
            ..Activity::default()
        },
        Activity {
            id: id("activity-18"),
            goal: Some(id("goal-3")),
            title: text("Kampania informacyjna w gminie"),
            description: text(
                "Ulotki i plakaty o miejscach pomocy, kampania dla sprzedawców o zakazie sprzedaży \
                 alkoholu nieletnim oraz informacje na stronie gminy.",
            ),
            tasks: tasks(&["alcohol.3", "drugs.3", "behavioural.1"]),
            area: Area::Mixed,
            level: Universal,
            target_groups: vec![GeneralPublic],
            realizers: ids(&[URZAD, PARAFIA]),
            mode: OwnWork,
            cost: cost("3000.00", "2412.45", "85154", "4210", PermitFees),
            indicators: vec![indicator("indicator-28", "rozpowszechnione materiały", Items, Some("1500"), Some("1500"))],
            ..Activity::default()
        },
        Activity {
            id: id("activity-19"),
            goal: Some(id("goal-3")),
            title: text("Szkolenie sprzedawców napojów alkoholowych"),
            description: text(
                "Szkolenie dla sprzedawców i właścicieli punktów sprzedaży o zasadach sprzedaży \
                 i odmawianiu osobom nieletnim i nietrzeźwym; wzięli w nim udział także nowi \
                 członkowie komisji.",
            ),
            tasks: tasks(&["alcohol.3", "alcohol.4"]),
            area: Area::Alcohol,
            level: Universal,
            target_groups: vec![Professionals],
            realizers: ids(&[URZAD, GKRPA]),
            mode: ServiceContract,
            cost: cost("3000.00", "2650.00", "85154", "4700", PermitFees),
            indicators: vec![indicator("indicator-29", "uczestnicy szkolenia", Persons, Some("15"), Some("18"))],
            ..Activity::default()
        },
        // Goal 4: współpraca, kontrola, diagnoza
        Activity {
            id: id("activity-20"),
            goal: Some(id("goal-4")),
            title: text("Kontrole punktów sprzedaży alkoholu"),
            description: text(
                "Członkowie komisji wraz z dzielnicowym sprawdzali, czy punkty przestrzegają zakazów \
                 sprzedaży z art. 15 i reklamy z art. 13¹; w jednym przypadku skierowano \
                 zawiadomienie do organu zezwalającego.",
            ),
            tasks: tasks(&["alcohol.5"]),
            area: Area::Alcohol,
            level: NotApplicable,
            target_groups: vec![Professionals],
            realizers: ids(&[GKRPA, POLICJA]),
            mode: OwnWork,
            cost: cost("1800.00", "1620.00", "85154", "4170", PermitFees),
            indicators: vec![
                indicator("indicator-30", "kontrole", Events, Some("20"), Some("22")),
                indicator("indicator-31", "zawiadomienia o naruszeniach", Events, None, Some("1")),
            ],
            ..Activity::default()
        },
        Activity {
            id: id("activity-21"),
            goal: Some(id("goal-4")),
            title: text("Testy narkotykowe dla posterunku policji"),
            description: text(
                "Gmina kupiła testy do wykrywania narkotyków w ślinie dla dzielnicowych i patroli \
                 drogowych.",
            ),
            tasks: tasks(&["drugs.4"]),
            area: Area::Drugs,
            level: NotApplicable,
            target_groups: vec![Professionals],
            realizers: ids(&[POLICJA]),
            mode: OwnWork,
            cost: cost("2000.00", "1536.90", "85153", "4210", FundingSource::Budget),
            indicators: vec![indicator("indicator-32", "zakupione testy", Items, Some("50"), Some("50"))],
            ..Activity::default()
        },
        Activity {
            id: id("activity-22"),
            goal: Some(id("goal-4")),
            title: text("Diagnoza lokalnych zagrożeń społecznych"),
            description: text(
                "Ankiety wśród uczniów, rodziców i sprzedawców oraz analiza danych instytucji; \
                 wyniki omówiono na posiedzeniu koalicji i wykorzystano w programie na 2026 r.",
            ),
            tasks: tasks(&["alcohol.3", "alcohol.4", "drugs.4"]),
            area: Area::Mixed,
            level: NotApplicable,
            target_groups: vec![GeneralPublic, Youth, Parents],
            realizers: ids(&[URZAD]),
            mode: ServiceContract,
            cost: cost("5000.00", "4900.00", "85154", "4300", PermitFees),
            indicators: vec![indicator("indicator-33", "wypełnione ankiety", Items, Some("300"), Some("347"))],
            ..Activity::default()
        },
    ];

    Report {
        id: id("przykladowo-2025"),
        year: 2025,
        gmina: Gmina {
            name: text("Przykładowo"),
            kind: GminaKind::Rural,
            // Fictional: powiat 99 of wielkopolskie does not exist; last digit 2 = gmina wiejska.
            teryt: text("3099012"),
            voivodeship: text("wielkopolskie"),
            population: Some(6840),
            ..Gmina::default()
        },
        program: Program {
            title: text(
                "Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych oraz \
                 Przeciwdziałania Narkomanii i Uzależnieniom Behawioralnym Gminy Przykładowo na \
                 2025 rok",
            ),
            regime: Regime::Joint,
            behavioural: true,
            period_from: 2025,
            period_to: 2025,
            resolution: Resolution {
                number: text("XII/87/2024"),
                date: day(2024, 12, 17),
                council: text("Rada Gminy Przykładowo"),
                ..Resolution::default()
            },
            strategy: Strategy {
                title: text("Strategia Rozwiązywania Problemów Społecznych Gminy Przykładowo"),
                from_year: Some(2021),
                to_year: Some(2030),
                ..Strategy::default()
            },
            npz_edition: text("npz-2021-2025"),
            coordinator: text(
                "Pełnomocnik Wójta ds. Profilaktyki i Rozwiązywania Problemów Uzależnień",
            ),
            ..Program::default()
        },
        prepared_by: text(
            "Pełnomocnik Wójta ds. Profilaktyki i Rozwiązywania Problemów Uzależnień",
        ),
        prepared_on: day(2026, 3, 16),
        council_deadline: Report::default_deadline(2025),
        next_program_resolution_date: day(2025, 12, 18),
        introduction: text(
            "Gmina Przykładowo jest małą gminą wiejską; jedyną placówką leczenia uzależnień \
             w okolicy jest poradnia we Wzorcowie. Dlatego program stawia na pomoc blisko domu \
             (punkt konsultacyjny, komisja, GOPS), profilaktykę w dwóch szkołach podstawowych \
             i w świetlicy oraz współpracę instytucji w gminnej koalicji.\n\n\
             Raport obejmuje wszystkie zadania ustawowe programu wspólnego, w tym zakres \
             uzależnień behawioralnych, który rada włączyła do programu na 2025 r.",
        ),
        monitoring: text(
            "Realizatorzy składali sprawozdania kwartalne, a pełnomocnik zestawiał wskaźniki \
             z planem i z danymi finansowymi skarbnika. Przebieg programu omawiano na trzech \
             posiedzeniach koalicji.",
        ),
        conclusions: text(
            "Najważniejsze cele programu osiągnięto: z punktu konsultacyjnego skorzystało więcej \
             osób, niż planowano, a wszystkie dzieci zgłoszone na półkolonie zostały przyjęte. \
             Nie w pełni zrealizowano grupę wsparcia dla osób doznających przemocy.\n\n\
             Rekomendacje na 2026 r.: zapewnić zastępstwo dla prowadzących grupy wsparcia, \
             rozszerzyć zajęcia o uzależnieniach behawioralnych na klasy IV–VI, powtórzyć \
             diagnozę za dwa lata. Niewykorzystane opłaty za zezwolenia przechodzą na program \
             na 2026 r.",
        ),
        budget: Budget {
            lines: vec![
                line(
                    "line-1",
                    "85154",
                    "4170",
                    ["33000.00", "33000.00", "32220.00"],
                    PermitFees,
                ),
                line(
                    "line-2",
                    "85154",
                    "4300",
                    ["30000.00", "33000.00", "32300.00"],
                    PermitFees,
                ),
                line(
                    "line-3",
                    "85154",
                    "4610",
                    ["5000.00", "5000.00", "4320.00"],
                    PermitFees,
                ),
                line(
                    "line-4",
                    "85154",
                    "4220",
                    ["6000.00", "6000.00", "5880.00"],
                    PermitFees,
                ),
                line(
                    "line-5",
                    "85154",
                    "2360",
                    ["30000.00", "30000.00", "30000.00"],
                    PermitFees,
                ),
                line(
                    "line-6",
                    "85154",
                    "4210",
                    ["8000.00", "7500.00", "7212.45"],
                    PermitFees,
                ),
                line(
                    "line-7",
                    "85154",
                    "4700",
                    ["3000.00", "3000.00", "2650.00"],
                    PermitFees,
                ),
                line(
                    "line-8",
                    "85154",
                    "2830",
                    ["8000.00", "7500.00", "7200.00"],
                    PermitFees,
                ),
                line(
                    "line-9",
                    "85153",
                    "4300",
                    ["12000.00", "11000.00", "10450.00"],
                    PermitFees,
                ),
                line(
                    "line-10",
                    "85153",
                    "2360",
                    ["5000.00", "5000.00", "5000.00"],
                    PermitFees,
                ),
                line(
                    "line-11",
                    "85153",
                    "4210",
                    ["2000.00", "2000.00", "1536.90"],
                    FundingSource::Budget,
                ),
            ],
            permit_fee_income: Some(zl("131240.00")),
            carried_over: Some(zl("14870.35")),
            external: vec![
                ExternalFunding {
                    id: id("external-1"),
                    source: ExternalSource::Nfz,
                    description: text(
                        "Kontrakt poradni terapii uzależnień we Wzorcowie (leczenie mieszkańców \
                         gminy, szacunek poradni)",
                    ),
                    amount: Some(zl("96500.00")),
                    ..ExternalFunding::default()
                },
                ExternalFunding {
                    id: id("external-2"),
                    source: ExternalSource::Kcpu,
                    description: text("Dotacja dla fundacji na program wczesnej interwencji"),
                    amount: Some(zl("18000.00")),
                    ..ExternalFunding::default()
                },
            ],
            ..Budget::default()
        },
        goals: vec![
            goal(
                "goal-1",
                "1",
                "Pomoc terapeutyczna i wsparcie osób uzależnionych",
                "Łatwiejszy dostęp do konsultacji, terapii i reintegracji dla osób uzależnionych \
                 od alkoholu i narkotyków oraz pijących ryzykownie.",
            ),
            goal(
                "goal-2",
                "2",
                "Pomoc rodzinom i ochrona przed przemocą domową",
                "Rodziny z problemem uzależnienia wiedzą, gdzie szukać pomocy, i otrzymują ją na \
                 miejscu.",
            ),
            goal(
                "goal-3",
                "3",
                "Profilaktyka wśród dzieci, młodzieży i dorosłych",
                "Opóźnienie inicjacji alkoholowej i narkotykowej oraz mniej ryzykownych zachowań \
                 w sieci wśród uczniów.",
            ),
            goal(
                "goal-4",
                "4",
                "Współpraca, kontrola i diagnoza",
                "Sprawna współpraca instytucji, przestrzeganie zasad sprzedaży alkoholu i aktualna \
                 wiedza o lokalnych problemach.",
            ),
        ],
        activities,
        task_gaps: Vec::new(),
        partners: vec![
            partner(
                URZAD,
                "Urząd Gminy Przykładowo",
                PartnerKind::Other,
                "ul. Główna 1, Przykładowo",
                "koordynacja programu, finanse",
            ),
            partner(
                GKRPA,
                "Gminna Komisja Rozwiązywania Problemów Alkoholowych w Przykładowie",
                PartnerKind::Other,
                "ul. Główna 1, Przykładowo",
                "rozmowy motywujące, wnioski do sądu, kontrole",
            ),
            partner(
                GOPS,
                "Gminny Ośrodek Pomocy Społecznej w Przykładowie",
                PartnerKind::SocialWelfare,
                "ul. Szkolna 4, Przykładowo",
                "punkt konsultacyjny, świetlica, praca socjalna, zespół interdyscyplinarny",
            ),
            partner(
                POLICJA,
                "Posterunek Policji w Przykładowie",
                PartnerKind::Police,
                "ul. Główna 7, Przykładowo",
                "interwencje, Niebieska Karta, kontrole",
            ),
            partner(
                SP_PRZYKLADOWO,
                "Szkoła Podstawowa w Przykładowie",
                PartnerKind::School,
                "ul. Szkolna 2, Przykładowo",
                "programy profilaktyczne",
            ),
            partner(
                SP_NOWA_WIES,
                "Szkoła Podstawowa w Nowej Wsi Przykładowskiej",
                PartnerKind::School,
                "Nowa Wieś Przykładowska 12",
                "programy profilaktyczne",
            ),
            partner(
                PORADNIA_PP,
                "Poradnia Psychologiczno-Pedagogiczna we Wzorcowie",
                PartnerKind::School,
                "Wzorcowo",
                "wsparcie szkół, szkolenia nauczycieli",
            ),
            partner(
                NZOZ,
                "Poradnia Terapii Uzależnień we Wzorcowie (NZOZ)",
                PartnerKind::Treatment,
                "Wzorcowo",
                "leczenie uzależnień, grupa wsparcia",
            ),
            partner(
                PSSE,
                "Powiatowa Stacja Sanitarno-Epidemiologiczna we Wzorcowie",
                PartnerKind::SanitaryInspectorate,
                "Wzorcowo",
                "programy edukacyjne, materiały",
            ),
            partner(
                PUP,
                "Powiatowy Urząd Pracy we Wzorcowie",
                PartnerKind::Other,
                "Wzorcowo",
                "aktywizacja zawodowa",
            ),
            partner(
                KURATORZY,
                "Sąd Rejonowy we Wzorcowie — Zespół Kuratorskiej Służby Sądowej",
                PartnerKind::Court,
                "Wzorcowo",
                "nadzór kuratorski, postępowania o leczenie",
            ),
            partner(
                AA,
                "Grupa AA „Nadzieja”",
                PartnerKind::SelfHelpGroup,
                "Przykładowo",
                "samopomoc osób uzależnionych",
            ),
            partner(
                AL_ANON,
                "Grupa Al-Anon „Razem”",
                PartnerKind::SelfHelpGroup,
                "Przykładowo",
                "samopomoc rodzin",
            ),
            partner(
                STOWARZYSZENIE,
                "Stowarzyszenie „Razem dla Przykładowa”",
                PartnerKind::Ngo,
                "Przykładowo",
                "półkolonie, działania dla dzieci",
            ),
            partner(
                LKS,
                "Ludowy Klub Sportowy „Orzeł” Przykładowo",
                PartnerKind::Ngo,
                "Przykładowo",
                "zajęcia sportowe, festyn",
            ),
            partner(
                FUNDACJA,
                "Fundacja „Nowy Start”",
                PartnerKind::Ngo,
                "Wzorcowo",
                "wczesna interwencja wobec młodzieży",
            ),
            partner(
                CIS,
                "Centrum Integracji Społecznej we Wzorcowie",
                PartnerKind::Other,
                "Wzorcowo",
                "reintegracja społeczna i zawodowa",
            ),
            partner(
                KLUB,
                "Klub Abstynenta „Przystań”",
                PartnerKind::SelfHelpGroup,
                "Przykładowo",
                "miejsce spotkań grup samopomocowych",
            ),
            partner(
                PARAFIA,
                "Parafia rzymskokatolicka w Przykładowie",
                PartnerKind::Church,
                "Przykładowo",
                "rozpowszechnianie informacji",
            ),
        ],
        coalitions: vec![Coalition {
            id: id("coalition-1"),
            name: text("Przykładowska Koalicja na rzecz Przeciwdziałania Uzależnieniom"),
            description: text(
                "Nieformalne porozumienie instytucji i organizacji działających w gminie, \
                 zawiązane przy programie wspólnym. Służy wymianie informacji, wspólnemu \
                 planowaniu działań i szybszemu kierowaniu osób do właściwej pomocy. Jedno \
                 posiedzenie w roku ma formę szkolenia dla członków.",
            ),
            members: ids(&[
                URZAD,
                GKRPA,
                GOPS,
                POLICJA,
                SP_PRZYKLADOWO,
                SP_NOWA_WIES,
                PORADNIA_PP,
                NZOZ,
                PSSE,
                PUP,
                KURATORZY,
                AA,
                AL_ANON,
                STOWARZYSZENIE,
                LKS,
                KLUB,
                PARAFIA,
            ]),
            meetings_per_year: Some(3),
            working_groups: vec![
                WorkingGroup {
                    id: id("group-1"),
                    name: text("Zespół ds. profilaktyki szkolnej"),
                    topic: text("dobór programów rekomendowanych i ocena ich realizacji"),
                    ..WorkingGroup::default()
                },
                WorkingGroup {
                    id: id("group-2"),
                    name: text("Zespół ds. pomocy rodzinie"),
                    topic: text("ścieżka pomocy dla rodzin z problemem uzależnienia i przemocy"),
                    ..WorkingGroup::default()
                },
                WorkingGroup {
                    id: id("group-3"),
                    name: text("Zespół ds. diagnozy"),
                    topic: text("przygotowanie i omówienie diagnozy lokalnych zagrożeń"),
                    ..WorkingGroup::default()
                },
            ],
            ..Coalition::default()
        }],
        context_figures: vec![
            figure(
                "figure-1",
                "punkty sprzedaży napojów alkoholowych",
                "21",
                "punkty",
                "rejestr zezwoleń Urzędu Gminy",
            ),
            figure(
                "figure-2",
                "procedury „Niebieskiej Karty” wszczęte w roku",
                "11",
                "procedury",
                "zespół interdyscyplinarny przy GOPS",
            ),
            figure(
                "figure-3",
                "interwencje domowe policji",
                "37",
                "interwencje",
                "Posterunek Policji w Przykładowie",
            ),
            figure(
                "figure-4",
                "osoby zgłoszone do komisji",
                "14",
                "osoby",
                "Gminna Komisja Rozwiązywania Problemów Alkoholowych",
            ),
            figure(
                "figure-5",
                "uczniowie klas VII–VIII, którzy pili alkohol w ostatnich 30 dniach",
                "18.5",
                "%",
                "Diagnoza lokalnych zagrożeń społecznych 2025",
            ),
        ],
        layout: Layout::ByTask,
        signature: Some(Signature {
            place: text("Przykładowo"),
            date: day(2026, 3, 20),
            name: text("Anna Wzorcowa"),
            function: text("Wójt Gminy Przykładowo"),
            ..Signature::default()
        }),
        ..Report::default()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};

    use super::*;
    use crate::domain::catalogue::catalogue;
    use crate::domain::rules::{validate, Severity};

    /// Every id of every entity in a report, in document order.
    fn all_ids(r: &Report) -> Vec<&Id> {
        let mut out: Vec<&Id> = Vec::new();
        out.extend(r.budget.lines.iter().map(|l| &l.id));
        out.extend(r.budget.external.iter().map(|e| &e.id));
        out.extend(r.goals.iter().map(|g| &g.id));
        for a in &r.activities {
            out.push(&a.id);
            out.extend(a.indicators.iter().map(|i| &i.id));
        }
        out.extend(r.partners.iter().map(|p| &p.id));
        for c in &r.coalitions {
            out.push(&c.id);
            out.extend(c.working_groups.iter().map(|w| &w.id));
        }
        out.extend(r.context_figures.iter().map(|f| &f.id));
        out
    }

    fn executed_per_chapter_of_budget(r: &Report) -> BTreeMap<String, Amount> {
        let mut m = BTreeMap::new();
        for l in &r.budget.lines {
            let sum = m.get(&l.chapter).copied().unwrap_or(Amount::ZERO)
                + l.executed.unwrap_or(Amount::ZERO);
            m.insert(l.chapter.clone(), sum);
        }
        m
    }

    fn executed_per_chapter_of_activities(r: &Report) -> BTreeMap<String, Amount> {
        let mut m = BTreeMap::new();
        for a in &r.activities {
            if let Some(e) = a.cost.executed {
                let sum = m.get(&a.cost.chapter).copied().unwrap_or(Amount::ZERO) + e;
                m.insert(a.cost.chapter.clone(), sum);
            }
        }
        m
    }

    #[test]
    fn kalisz_total_spent_is_148_543_63() {
        let r = kalisz_2020();
        let total: Amount = r.budget.lines.iter().filter_map(|l| l.executed).sum();
        assert_eq!(total, zl("148543.63"));
        assert!(r.budget.lines.iter().all(|l| l.chapter == "85153"));
    }

    #[test]
    fn kalisz_has_no_invented_costs_or_plans() {
        let r = kalisz_2020();
        assert!(r
            .activities
            .iter()
            .all(|a| a.cost.executed.is_none() && a.cost.planned.is_none()));
        assert!(r
            .budget
            .lines
            .iter()
            .all(|l| l.planned.is_none() && l.after_changes.is_none()));
    }

    #[test]
    fn sample_slugs_and_report_ids_are_unique() {
        let samples = all();
        let slugs: HashSet<_> = samples.iter().map(|(s, _, _)| *s).collect();
        assert_eq!(slugs.len(), samples.len());
        for (slug, label, r) in &samples {
            assert_eq!(r.id.as_str(), *slug, "the slug is the report id");
            assert!(!label.is_empty());
        }
    }

    #[test]
    fn ids_are_unique_within_each_sample() {
        for (slug, _, r) in all() {
            let ids = all_ids(&r);
            let unique: HashSet<_> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "{slug}: duplicate ids");
            assert!(
                ids.iter().all(|i| !i.as_str().is_empty()),
                "{slug}: empty id"
            );
        }
    }

    #[test]
    fn every_reference_resolves() {
        for (slug, _, r) in all() {
            for a in &r.activities {
                for p in &a.realizers {
                    assert!(r.partner(p).is_some(), "{slug}: {} realizer {p}", a.id);
                }
                if let Some(g) = &a.goal {
                    assert!(r.goal(g).is_some(), "{slug}: {} goal {g}", a.id);
                }
                assert!(!a.tasks.is_empty(), "{slug}: {} has no task", a.id);
                for t in &a.tasks {
                    assert!(catalogue().task(t).is_some(), "{slug}: {} task {t}", a.id);
                }
            }
            for c in &r.coalitions {
                for m in &c.members {
                    assert!(r.partner(m).is_some(), "{slug}: coalition member {m}");
                }
            }
            assert!(
                catalogue().npz(&r.program.npz_edition).is_some(),
                "{slug}: NPZ edition"
            );
        }
    }

    #[test]
    fn every_activity_serves_a_task_of_its_regime() {
        for (slug, _, r) in all() {
            let applicable: HashSet<_> =
                r.applicable_tasks().iter().map(|t| t.id.clone()).collect();
            for a in &r.activities {
                assert!(
                    a.tasks.iter().all(|t| applicable.contains(t)),
                    "{slug}: {}",
                    a.id
                );
            }
        }
    }

    #[test]
    fn joint_sample_covers_every_statutory_task() {
        let r = small_gmina_2025();
        assert_eq!(r.program.regime, Regime::Joint);
        assert!(r.program.behavioural);
        let served: HashSet<_> = r.activities.iter().flat_map(|a| a.tasks.iter()).collect();
        for t in catalogue().tasks_for(Regime::Joint, true) {
            assert!(served.contains(&t.id), "task {} has no activity", t.id);
        }
    }

    #[test]
    fn kalisz_covers_every_drug_act_task() {
        let r = kalisz_2020();
        let served: HashSet<_> = r.activities.iter().flat_map(|a| a.tasks.iter()).collect();
        for t in catalogue().tasks_for(Regime::DrugOnly, false) {
            assert!(served.contains(&t.id), "task {} has no activity", t.id);
        }
    }

    #[test]
    fn joint_sample_activity_costs_add_up_to_the_budget_per_chapter() {
        let r = small_gmina_2025();
        let budget = executed_per_chapter_of_budget(&r);
        assert_eq!(budget.len(), 2);
        assert_eq!(executed_per_chapter_of_activities(&r), budget);
        assert_eq!(budget["85154"], zl("121782.45"));
        assert_eq!(budget["85153"], zl("16986.90"));
    }

    #[test]
    fn joint_sample_activity_costs_add_up_to_each_budget_line() {
        let r = small_gmina_2025();
        for l in &r.budget.lines {
            let sum: Amount = r
                .activities
                .iter()
                .filter(|a| a.cost.chapter == l.chapter && a.cost.paragraph == l.paragraph)
                .inspect(|a| assert_eq!(a.cost.source, l.source, "{} vs {}", a.id, l.id))
                .filter_map(|a| a.cost.executed)
                .sum();
            assert_eq!(
                Some(sum),
                l.executed,
                "{} {} §{}",
                l.id,
                l.chapter,
                l.paragraph
            );
            assert!(
                l.executed <= l.after_changes,
                "{} executed above plan",
                l.id
            );
        }
    }

    #[test]
    fn joint_sample_spends_no_more_permit_fees_than_it_had() {
        let r = small_gmina_2025();
        let spent: Amount = r
            .budget
            .lines
            .iter()
            .filter(|l| l.source == FundingSource::PermitFees)
            .filter_map(|l| l.executed)
            .sum();
        let available = r.budget.permit_fee_income.unwrap() + r.budget.carried_over.unwrap();
        assert!(spent <= available);
    }

    #[test]
    fn joint_sample_has_one_partly_done_activity_with_a_reason() {
        let r = small_gmina_2025();
        let partly: Vec<_> = r
            .activities
            .iter()
            .filter(|a| a.status != Status::Done)
            .collect();
        assert_eq!(partly.len(), 1);
        assert_eq!(partly[0].status, Status::Partly);
        assert!(!partly[0].status_reason.trim().is_empty());
    }

    #[test]
    fn samples_survive_a_json_round_trip() {
        for (slug, _, r) in all() {
            let json = serde_json::to_string(&r).unwrap();
            let back: Report = serde_json::from_str(&json).unwrap();
            assert_eq!(back, r, "{slug}");
        }
    }

    #[test]
    fn joint_sample_passes_the_checks_without_errors() {
        let errors: Vec<_> = validate(&small_gmina_2025())
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {}: {}", f.rule, f.path, f.message))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    #[test]
    fn kalisz_checks_say_that_activity_costs_are_missing_and_nothing_is_an_error() {
        let findings = validate(&kalisz_2020());
        assert!(findings
            .iter()
            .any(|f| f.rule == "activity-costs-not-given"));
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {}: {}", f.rule, f.path, f.message))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}
