//! The rule table: every check's stable id, severity, citation, summary and Polish message
//! template. This file and `text.rs` hold all the wording; the checks only pick a rule, a path
//! and parameters.
//!
//! Template syntax: `{name}` is a parameter; `[...]` is an optional part, dropped when a
//! parameter inside it is not given.

use super::{Cite, Rule, Severity};

// ---------------------------------------------------------------------------------------------
// Statutory tasks
// ---------------------------------------------------------------------------------------------

pub static TASK_NOT_COVERED: Rule = Rule {
    id: "task-not-covered",
    severity: Severity::Warning,
    citation: Cite::Task,
    summary:
        "Każde zadanie ustawowe ma działanie albo pisemne wyjaśnienie, dlaczego go nie realizowano.",
    template: "Zadanie {task} nie ma żadnego działania ani wyjaśnienia, dlaczego go nie \
               realizowano. Dodaj działanie przypisane do tego zadania albo wpisz powód, dla \
               którego w {year} r. nic w nim nie zrobiono — rada i KCPU zapytają o to zadanie.",
};

pub static TASK_GAP_REASON_EMPTY: Rule = Rule {
    id: "task-gap-reason-empty",
    severity: Severity::Warning,
    citation: Cite::Task,
    summary: "Wyjaśnienie niezrealizowania zadania ma wpisany powód.",
    template: "Zadanie ustawowe {task} oznaczono jako niezrealizowane, ale nie wpisano powodu. \
               Raport musi wyjaśnić, dlaczego w tym zadaniu nic nie zrobiono.",
};

pub static TASK_GAP_REDUNDANT: Rule = Rule {
    id: "task-gap-redundant",
    severity: Severity::Info,
    citation: Cite::Task,
    summary: "Wyjaśnienie niezrealizowania dotyczy zadania, które ma działania.",
    template:
        "Zadanie ustawowe {task} ma wpisany powód niezrealizowania, choć przypisano do niego \
               działania (liczba działań: {count}). Wyjaśnienie można usunąć albo przenieść do \
               uwag.",
};

pub static TASK_GAP_NOT_APPLICABLE: Rule = Rule {
    id: "task-gap-not-applicable",
    severity: Severity::Warning,
    citation: Cite::ProgramBasis,
    summary: "Wyjaśnienie niezrealizowania dotyczy zadania spoza wykazu zadań programu.",
    template:
        "Wyjaśnienie niezrealizowania dotyczy zadania {task}, którego nie ma w wykazie zadań \
               tego programu ({regime}). Usuń je albo wybierz właściwe zadanie.",
};

pub static ACTIVITY_NO_TASK: Rule = Rule {
    id: "activity-no-task",
    severity: Severity::Warning,
    citation: Cite::ProgramBasis,
    summary: "Każde działanie służy co najmniej jednemu zadaniu ustawowemu.",
    template: "Działanie {activity} nie jest przypisane do żadnego zadania ustawowego. Każde \
               działanie programu musi służyć co najmniej jednemu zadaniu.",
};

pub static ACTIVITY_TASK_UNKNOWN: Rule = Rule {
    id: "activity-task-unknown",
    severity: Severity::Error,
    citation: Cite::ProgramBasis,
    summary: "Działanie wskazuje zadanie, którego nie ma w katalogu zadań ustawowych.",
    template: "Działanie {activity} jest przypisane do zadania „{task_id}”, którego nie ma w \
               wykazie zadań ustawowych. Wybierz zadanie z listy.",
};

pub static ACTIVITY_TASK_OUTSIDE_PROGRAM: Rule = Rule {
    id: "activity-task-outside-program",
    severity: Severity::Error,
    citation: Cite::ProgramBasis,
    summary: "Działanie służy zadaniu z ustawy, na której opiera się program (narkomania, alkohol albo obie).",
    template: "Działanie {activity} jest przypisane do zadania {task}, a raport dotyczy programu \
               „{regime}”, który tego zadania nie obejmuje. Wybierz zadanie z wykazu tego \
               programu albo zmień rodzaj programu na wspólny.",
};

pub static ACTIVITY_TASK_REPEALED: Rule = Rule {
    id: "activity-task-repealed",
    severity: Severity::Error,
    citation: Cite::Id("sobriety_art4_1"),
    summary:
        "Działanie ani wyjaśnienie nie wskazuje uchylonego punktu ustawy (art. 4¹ ust. 1 pkt 4).",
    template: "{place} wskazuje {citation}, a ten przepis jest uchylony. {note} Wybierz właściwe \
               zadanie z listy.",
};

pub static ACTIVITY_BEHAVIOURAL_TASK_NOT_IN_PROGRAM: Rule = Rule {
    id: "activity-behavioural-task-not-in-program",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art4_1_2_zd2"),
    summary: "Zadanie z zakresu uzależnień behawioralnych w programie, który ich nie obejmuje.",
    template: "Działanie {activity} jest przypisane do zadania {task}, ale program nie obejmuje \
               uzależnień behawioralnych. Zaznacz w danych programu, że je obejmuje (możliwe we \
               wspólnym programie), albo usuń to przypisanie.",
};

// ---------------------------------------------------------------------------------------------
// Program, regime, resolution
// ---------------------------------------------------------------------------------------------

pub static REGIME_SEPARATE_FROM_2022: Rule = Rule {
    id: "regime-separate-from-2022",
    severity: Severity::Warning,
    citation: Cite::Id("joint_program_2022"),
    summary: "Od 2022 r. gmina realizuje jeden wspólny program (alkohol i narkomania), nie odrębne programy.",
    template: "Raport dotyczy {year} r., a program oznaczono jako {regime}. Od 2022 r. gmina \
               przyjmuje jeden wspólny gminny program profilaktyki i rozwiązywania problemów \
               alkoholowych oraz przeciwdziałania narkomanii. Sprawdź rodzaj programu.",
};

pub static PROGRAM_PERIOD_TOO_LONG: Rule = Rule {
    id: "program-period-too-long",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art4_1_2a"),
    summary: "Gminny program sporządza się na okres nie dłuższy niż 4 lata (od 2022 r.).",
    template:
        "Program obejmuje lata {period} ({years} lat), a gminny program sporządza się na okres \
               nie dłuższy niż 4 lata. Sprawdź okres programu.",
};

pub static YEAR_OUTSIDE_PROGRAM_PERIOD: Rule = Rule {
    id: "year-outside-program-period",
    severity: Severity::Error,
    citation: Cite::ProgramBasis,
    summary: "Rok raportu mieści się w okresie programu.",
    template: "Rok raportu ({year}) nie mieści się w okresie programu ({period}). Popraw rok \
               raportu albo okres obowiązywania programu.",
};

pub static PROGRAM_PERIOD_REVERSED: Rule = Rule {
    id: "program-period-reversed",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Pierwszy rok programu nie jest późniejszy niż ostatni.",
    template: "Okres programu jest odwrócony: pierwszy rok ({from}) jest późniejszy niż ostatni \
               ({to}).",
};

pub static RESOLUTION_NUMBER_MALFORMED: Rule = Rule {
    id: "resolution-number-malformed",
    severity: Severity::Warning,
    citation: Cite::ProgramBasis,
    summary: "Numer uchwały ma postać: sesja (cyfry rzymskie) / numer / rok, np. XIX/334/2020.",
    template: "Numer uchwały „{number}” nie ma typowej postaci: numer sesji cyframi rzymskimi / \
               numer uchwały / rok, np. XIX/334/2020 (albo XIX.334.2020). Wpisz sam numer — bez \
               „Nr” i bez daty — tak jak w treści uchwały.",
};

pub static RESOLUTION_SESSION_ROMAN_INVALID: Rule = Rule {
    id: "resolution-session-roman-invalid",
    severity: Severity::Error,
    citation: Cite::ProgramBasis,
    summary: "Numer sesji w numerze uchwały jest poprawną liczbą rzymską.",
    template: "Numer sesji „{session}” w numerze uchwały „{number}” nie jest poprawną liczbą \
               rzymską[ — czy chodziło o {suggestion}?]",
};

pub static RESOLUTION_YEAR_TWO_DIGIT: Rule = Rule {
    id: "resolution-year-two-digit",
    severity: Severity::Info,
    citation: Cite::ReportBasis,
    summary: "Rok w numerze uchwały zapisano dwiema cyframi (akceptowane, zwykle są cztery).",
    template: "W numerze uchwały „{number}” rok zapisano dwiema cyframi ({year_part}); przyjęto \
               rok {year}. Zwykle rok ma w numerze cztery cyfry — sprawdź, czy numer przepisano \
               dokładnie.",
};

pub static RESOLUTION_YEAR_MISMATCH: Rule = Rule {
    id: "resolution-year-mismatch",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Rok w numerze uchwały zgadza się z rokiem jej daty.",
    template: "Rok w numerze uchwały „{number}” ({number_year}) różni się od roku daty uchwały \
               ({date}). Sprawdź numer albo datę uchwały.",
};

pub static RESOLUTION_DATE_MISSING: Rule = Rule {
    id: "resolution-date-missing",
    severity: Severity::Warning,
    citation: Cite::ProgramBasis,
    summary: "Podano datę uchwały przyjmującej program.",
    template: "Nie podano daty uchwały rady, która przyjęła program. Data uchwały jest potrzebna \
               na stronie tytułowej raportu.",
};

pub static RESOLUTION_AFTER_REPORT_YEAR: Rule = Rule {
    id: "resolution-after-report-year",
    severity: Severity::Error,
    citation: Cite::ProgramBasis,
    summary: "Uchwała przyjmująca program nie jest późniejsza niż rok raportu.",
    template: "Data uchwały przyjmującej program ({date}) jest późniejsza niż koniec roku {year}, \
               którego dotyczy raport. Program realizowany w {year} r. nie mógł zostać przyjęty \
               później — sprawdź datę.",
};

pub static RESOLUTION_AFTER_PROGRAM_START: Rule = Rule {
    id: "resolution-after-program-start",
    severity: Severity::Warning,
    citation: Cite::ProgramBasis,
    summary: "Uchwała przyjmująca program zapadła po rozpoczęciu okresu programu.",
    template: "Uchwałę przyjmującą program podjęto {date}, już po rozpoczęciu okresu programu \
               (1 stycznia {from} r.). Zdarza się to, ale sprawdź datę; w raporcie warto \
               wyjaśnić, na jakiej podstawie prowadzono działania przed jej podjęciem.",
};

pub static RESOLUTION_AFTER_JOINT_DEADLINE: Rule = Rule {
    id: "resolution-after-joint-deadline",
    severity: Severity::Warning,
    citation: Cite::Id("reform_2021"),
    summary: "Pierwszy wspólny program przyjęto po 31 marca 2022 r.",
    template: "Wspólny program od {from} r. przyjęto uchwałą z {date}, a więc po {deadline}, do \
               którego gminy miały uchwalić wspólny program. Sprawdź datę uchwały.",
};

// ---------------------------------------------------------------------------------------------
// Dates of the report
// ---------------------------------------------------------------------------------------------

pub static REPORT_PREPARED_WITHIN_YEAR: Rule = Rule {
    id: "report-prepared-within-year",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Raport sporządzono po zakończeniu roku, którego dotyczy.",
    template: "Data sporządzenia raportu ({date}) przypada przed końcem roku {year}, którego \
               raport dotyczy. Raport za rok sporządza się po jego zakończeniu.",
};

pub static COUNCIL_DEADLINE_WITHIN_YEAR: Rule = Rule {
    id: "council-deadline-within-year",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Termin przedłożenia raportu radzie przypada po roku raportu.",
    template: "Termin przedłożenia raportu radzie ({date}) przypada przed końcem roku {year}, \
               którego raport dotyczy. Termin powinien przypadać w następnym roku (często jest to \
               30 czerwca).",
};

pub static COUNCIL_DEADLINE_AFTER_STATUTORY: Rule = Rule {
    id: "council-deadline-after-statutory",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary:
        "Termin przedłożenia raportu radzie nie jest późniejszy niż 30 czerwca roku następnego.",
    template: "Jako termin przedłożenia raportu radzie wpisano {date}, a raport za {year} r. \
               przedkłada się radzie do {statutory}. Popraw termin.",
};

pub static COUNCIL_PRESENTED_BEFORE_YEAR_END: Rule = Rule {
    id: "council-presented-before-year-end",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Raport przedstawiono radzie po zakończeniu roku, którego dotyczy.",
    template: "Data przedstawienia raportu radzie ({date}) przypada przed końcem roku {year}, \
               którego raport dotyczy. Sprawdź datę.",
};

pub static COUNCIL_PRESENTED_LATE: Rule = Rule {
    id: "council-presented-late",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Raport przedstawiono radzie w ustawowym terminie (do 30 czerwca roku następnego).",
    template: "Raport przedstawiono radzie {date}, po ustawowym terminie ({statutory}).",
};

pub static COUNCIL_RESOLUTION_NUMBER_MISSING: Rule = Rule {
    id: "council-resolution-number-missing",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Gdy rada przyjęła raport uchwałą, podano numer uchwały.",
    template: "Zaznaczono, że rada przyjęła raport uchwałą, ale nie podano numeru tej uchwały.",
};

pub static REPORT_PREPARED_AFTER_DEADLINE: Rule = Rule {
    id: "report-prepared-after-deadline",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Raport sporządzono po terminie przedłożenia go radzie.",
    template: "Raport sporządzono {prepared}, po terminie przedłożenia go radzie ({deadline}).",
};

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

pub static AMOUNT_NEGATIVE: Rule = Rule {
    id: "amount-negative",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Kwoty nie są ujemne.",
    template: "{field}: kwota jest ujemna ({amount}). Kwoty w raporcie nie mogą być ujemne.",
};

pub static AMOUNT_TOO_MANY_DECIMALS: Rule = Rule {
    id: "amount-too-many-decimals",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Kwoty mają najwyżej dwa miejsca po przecinku (grosze).",
    template: "{field}: kwota {amount} ma więcej niż dwa miejsca po przecinku. Kwoty podaje się w \
               złotych z groszami.",
};

pub static EXECUTED_OVER_PLAN: Rule = Rule {
    id: "executed-over-plan",
    severity: Severity::Warning,
    citation: Cite::Id("public_finance_art44"),
    summary: "Wykonanie w wierszu budżetu nie przekracza planu po zmianach.",
    template: "{line}: wykonanie ({executed}) przekracza {plan_label} ({plan}) o {difference}. \
               Wydatki nie mogą przekraczać planu — sprawdź kwoty.",
};

pub static BUDGET_AMOUNT_MISSING: Rule = Rule {
    id: "budget-amount-missing",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Wiersz budżetu ma plan, plan po zmianach i wykonanie.",
    template: "{line}: nie wpisano kwoty „{field}”. Raport pokazuje plan, plan po zmianach i \
               wykonanie; jeśli planu nie zmieniano, plan po zmianach jest równy planowi.",
};

pub static BUDGET_MISSING: Rule = Rule {
    id: "budget-missing",
    severity: Severity::Warning,
    citation: Cite::Id("budget_classification"),
    summary: "Raport zawiera co najmniej jeden wiersz budżetu.",
    template: "Nie wpisano żadnego wiersza budżetu (rozdział, paragraf, plan i wykonanie). Raport \
               powinien pokazać, ile wydano na realizację programu.",
};

pub static CHAPTER_SUM_MISMATCH: Rule = Rule {
    id: "chapter-sum-mismatch",
    severity: Severity::Error,
    citation: Cite::Id("budget_classification"),
    summary:
        "Suma kosztów wykonanych działań w rozdziale równa się wykonaniu budżetu w tym rozdziale.",
    template: "Rozdział {chapter}[ ({chapter_name})]: suma kosztów wykonanych działań wynosi \
               {activities_sum}, a wykonanie w budżecie {budget_sum} — różnica {difference}.[ \
               Działania tego rozdziału bez wpisanego kosztu wykonanego: {without_cost}.]",
};

pub static CHAPTER_ACTIVITIES_SHORT: Rule = Rule {
    id: "chapter-activities-short",
    severity: Severity::Warning,
    citation: Cite::Id("budget_classification"),
    summary:
        "Koszty działań w rozdziale nie pokrywają jeszcze całego wykonania budżetu w tym rozdziale.",
    template: "Rozdział {chapter}[ ({chapter_name})]: brakuje działań na {difference} — suma \
               kosztów wykonanych działań wynosi {activities_sum}, a wykonanie w budżecie \
               {budget_sum}.[ Działania tego rozdziału bez wpisanego kosztu wykonanego: \
               {without_cost}.] Dopisz brakujące działania lub ich koszty (albo koszt wspólny \
               kilku działań).",
};

pub static ACTIVITY_COSTS_NOT_GIVEN: Rule = Rule {
    id: "activity-costs-not-given",
    severity: Severity::Info,
    citation: Cite::ReportBasis,
    summary: "Budżet ma wykonanie, ale działania nie mają kosztów — nie da się pokazać wydatków na zadania.",
    template: "Żadne działanie[ w rozdziale {chapter}] nie ma wpisanego kosztu wykonanego, a \
               budżet wykazuje wydatki {budget_sum}. Raport poda tylko łączną kwotę, bez podziału \
               wydatków na działania i zadania ustawowe. Jeśli to możliwe, wpisz koszty przy \
               działaniach.",
};

pub static ACTIVITY_COST_CHAPTER_MISSING: Rule = Rule {
    id: "activity-cost-chapter-missing",
    severity: Severity::Warning,
    citation: Cite::Id("budget_classification"),
    summary: "Działanie z kosztem wykonanym ma wskazany rozdział budżetu.",
    template: "Działanie {activity} ma koszt wykonany ({amount}), ale nie wskazano rozdziału \
               budżetu, z którego go pokryto. Bez rozdziału nie da się porównać kosztów działań z \
               budżetem.",
};

pub static CHAPTER_AREA_MISMATCH: Rule = Rule {
    id: "chapter-area-mismatch",
    severity: Severity::Warning,
    citation: Cite::Id("budget_classification"),
    summary: "Działania narkotykowe w rozdziale 85153, alkoholowe w 85154.",
    template:
        "Działanie {activity} dotyczy obszaru „{area}”, a jego koszt przypisano do rozdziału \
               {chapter} ({chapter_name}). Wydatki na przeciwdziałanie narkomanii ujmuje się \
               zwykle w rozdziale 85153, a na przeciwdziałanie alkoholizmowi — w 85154.",
};

pub static CHAPTER_UNKNOWN: Rule = Rule {
    id: "chapter-unknown",
    severity: Severity::Warning,
    citation: Cite::Id("budget_classification"),
    summary: "Rozdział budżetu ma 5 cyfr i jest znany katalogowi.",
    template: "{place}: rozdział „{chapter}” {problem}. Sprawdź kod rozdziału (rozdziały programu \
               to {known}).",
};

pub static PARAGRAPH_MALFORMED: Rule = Rule {
    id: "paragraph-malformed",
    severity: Severity::Error,
    citation: Cite::Id("budget_classification"),
    summary: "Paragraf wydatków ma 4 cyfry.",
    template: "{place}: paragraf „{paragraph}” nie jest czterocyfrowym kodem paragrafu (np. 4300).",
};

pub static PARAGRAPH_UNUSUAL: Rule = Rule {
    id: "paragraph-unusual",
    severity: Severity::Info,
    citation: Cite::Id("budget_classification"),
    summary: "Paragraf wydatków spoza listy typowych dla programu.",
    template: "{place}: paragraf {paragraph} nie występuje na liście paragrafów typowych dla \
               programu. Sprawdź, czy kod jest poprawny.",
};

pub static PERMIT_FEES_OUTSIDE_PROGRAM: Rule = Rule {
    id: "permit-fees-outside-program",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art18_2"),
    summary: "Opłaty za zezwolenia finansują tylko wydatki w rozdziałach programu.",
    template: "{place}: wydatek finansowany z opłat za zezwolenia ujęto w rozdziale {chapter}[ \
               ({chapter_name})]. Dochody z opłat za zezwolenia przeznacza się wyłącznie na \
               realizację gminnego programu — sprawdź, czy to zadanie programu i czy rozdział jest \
               właściwy.",
};

pub static PERMIT_FEES_EXCEED_INCOME: Rule = Rule {
    id: "permit-fees-exceed-income",
    severity: Severity::Error,
    citation: Cite::Id("sobriety_art18_2"),
    summary:
        "Wydatki z opłat za zezwolenia nie przekraczają dochodów z opłat i środków przeniesionych.",
    template: "Wydatki finansowane z opłat za zezwolenia ({spent}) przekraczają dostępne środki \
               ({available}: dochody z opłat w roku {income}[ i środki niewykorzystane w \
               poprzednich latach {carried}]) o {difference}. Sprawdź źródła finansowania.",
};

pub static SMALL_BOTTLE_OUTSIDE_PURPOSE: Rule = Rule {
    id: "small-bottle-outside-purpose",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art9_3_4"),
    summary:
        "Środki z opłaty za małe opakowania finansują działania wobec skutków spożywania alkoholu.",
    template: "{place}: wydatek finansowany z opłaty za małe opakowania („małpkowe”) {problem}. \
               Te środki przeznacza się na działania mające na celu realizację lokalnej \
               międzysektorowej polityki przeciwdziałania negatywnym skutkom spożywania \
               alkoholu — sprawdź źródło finansowania.",
};

pub static SMALL_BOTTLE_EXCEEDS_INCOME: Rule = Rule {
    id: "small-bottle-exceeds-income",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art9_3_4"),
    summary: "Wydatki z opłaty za małe opakowania nie przekraczają dochodów z tej opłaty.",
    template:
        "Wydatki finansowane z opłaty za małe opakowania ({spent}) przekraczają dochody z tej \
               opłaty w roku ({income}) o {difference}. Sprawdź źródła finansowania albo wyjaśnij \
               w raporcie, skąd pochodziła różnica.",
};

pub static INVESTMENT_CHARGED_TO_PROGRAM: Rule = Rule {
    id: "investment-charged-to-program",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art18_2"),
    summary:
        "Wydatki inwestycyjne (§ 6050) w programie — regionalne izby obrachunkowe je kwestionują.",
    template: "{place}: wydatek inwestycyjny (§ 6050) ujęty w programie[ ({amount})]. Regionalne \
               izby obrachunkowe i NIK kwestionują finansowanie z opłat za zezwolenia inwestycji, \
               które nie służą wprost zadaniom programu — opisz w raporcie, jakiemu zadaniu \
               służy.",
};

pub static EVENT_WITHOUT_PREVENTION: Rule = Rule {
    id: "event-without-prevention",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art18_2"),
    summary: "Festyn lub impreza finansowana z programu ma element profilaktyczny.",
    template: "Działanie {activity} to festyn lub impreza[ za {amount}] bez wskazanego poziomu \
               profilaktyki. Regionalne izby obrachunkowe i NIK kwestionują finansowanie z \
               programu festynów, dożynek i imprez rekreacyjnych bez elementu profilaktycznego — \
               opisz program profilaktyczny imprezy i wskaż poziom profilaktyki.",
};

pub static GROUP_COST_COVERS_NOTHING: Rule = Rule {
    id: "group-cost-covers-nothing",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Koszt wspólny wskazuje cel albo działania, które obejmuje.",
    template:
        "Koszt wspólny {group} nie wskazuje celu ani działań, których dotyczy, więc w raporcie \
               nie wiadomo, na co wydano te środki.",
};

pub static PERMIT_FEE_INCOME_MISSING: Rule = Rule {
    id: "permit-fee-income-missing",
    severity: Severity::Info,
    citation: Cite::Id("sobriety_art18_2"),
    summary: "Są wydatki z opłat za zezwolenia, ale nie podano dochodów z tych opłat.",
    template: "Wydatki {spent} oznaczono jako finansowane z opłat za zezwolenia, ale nie podano \
               dochodów z tych opłat. Wpisz dochody (i środki przeniesione z poprzedniego roku), \
               aby można było sprawdzić, czy wystarczyły.",
};

// ---------------------------------------------------------------------------------------------
// Activities and indicators
// ---------------------------------------------------------------------------------------------

pub static ACTIVITY_TITLE_MISSING: Rule = Rule {
    id: "activity-title-missing",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Każde działanie ma tytuł.",
    template: "Działanie nr {number} nie ma tytułu.",
};

pub static INDICATOR_NOT_WHOLE: Rule = Rule {
    id: "indicator-not-whole",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Wskaźniki liczące osoby, spotkania, sztuki itp. są liczbami całkowitymi.",
    template: "Wskaźnik {indicator} działania {activity} liczy {unit}, a jego wartość {which} to \
               {value}. Taka liczba musi być całkowita.",
};

pub static INDICATOR_NEGATIVE: Rule = Rule {
    id: "indicator-negative",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Wartości wskaźników nie są ujemne.",
    template: "Wskaźnik {indicator} działania {activity} ma ujemną wartość {which}: {value}.",
};

pub static ACTIVITY_DONE_WITHOUT_INDICATOR: Rule = Rule {
    id: "activity-done-without-indicator",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Zrealizowane działanie ma co najmniej jeden wskaźnik.",
    template: "Działanie {activity} oznaczono jako zrealizowane, ale nie ma żadnego wskaźnika \
               (np. liczby uczestników). Raport ma pokazać efekty programu — dodaj co najmniej \
               jeden wskaźnik.",
};

pub static INDICATOR_ACHIEVED_MISSING: Rule = Rule {
    id: "indicator-achieved-missing",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Wskaźnik działania (zrealizowanego w całości lub części) ma wartość osiągniętą.",
    template: "Wskaźnik {indicator} działania {activity} nie ma wpisanej wartości osiągniętej.",
};

pub static INDICATOR_BELOW_PLAN_UNEXPLAINED: Rule = Rule {
    id: "indicator-below-plan-unexplained",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Wskaźnik wyraźnie poniżej planu ma wyjaśnienie.",
    template: "Wskaźnik {indicator} działania {activity} osiągnął {achieved} wobec planowanych \
               {planned} ({percent}% planu, poniżej {threshold}%), a nie wyjaśniono dlaczego. \
               Wpisz przyczynę w polu przyczyny lub w uwagach.",
};

pub static STATUS_REASON_MISSING: Rule = Rule {
    id: "status-reason-missing",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Działanie zrealizowane częściowo lub niezrealizowane ma podaną przyczynę.",
    template: "Działanie {activity} oznaczono jako „{status}”, ale nie podano przyczyny.",
};

// ---------------------------------------------------------------------------------------------
// The commission (GKRPA) and consultation points
// ---------------------------------------------------------------------------------------------

pub static GKRPA_MISSING: Rule = Rule {
    id: "gkrpa-missing",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art4_1_gkrpa"),
    summary: "Raport programu alkoholowego lub wspólnego opisuje pracę gminnej komisji (GKRPA).",
    template: "Nie wpisano danych o pracy Gminnej Komisji Rozwiązywania Problemów Alkoholowych \
               (posiedzenia, rozmowy, wnioski do sądu, opinie, kontrole). Rada zwykle pyta o nie \
               w raporcie.",
};

pub static GKRPA_TRAINED_OVER_MEMBERS: Rule = Rule {
    id: "gkrpa-trained-over-members",
    severity: Severity::Error,
    citation: Cite::Id("sobriety_art4_1_gkrpa"),
    summary: "Przeszkolonych członków komisji nie jest więcej niż członków.",
    template: "Komisja ma {members} członków, a jako przeszkolonych wpisano {trained}. Popraw \
               liczby.",
};

pub static GKRPA_COURT_OVER_REFERRALS: Rule = Rule {
    id: "gkrpa-court-over-referrals",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art4_1_gkrpa"),
    summary: "Wniosków do sądu nie jest więcej niż osób skierowanych na badanie przez biegłego.",
    template: "Komisja złożyła {court} wniosków do sądu o zobowiązanie do leczenia, a na badanie \
               przez biegłego skierowała {referred} osób. Zwykle wniosek poprzedza opinia \
               biegłego — sprawdź liczby albo wyjaśnij różnicę w uwagach.",
};

pub static GKRPA_COST_MISMATCH: Rule = Rule {
    id: "gkrpa-cost-mismatch",
    severity: Severity::Error,
    citation: Cite::Id("budget_classification"),
    summary: "Koszt pracy komisji równa się wykonaniu wskazanych wierszy budżetu.",
    template: "Koszt pracy komisji wpisano jako {cost}, a wskazane wiersze budżetu wykazują \
               wykonanie {budget_sum} — różnica {difference}.",
};

pub static CONSULTATIONS_FEWER_THAN_CLIENTS: Rule = Rule {
    id: "consultations-fewer-than-clients",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "W punkcie konsultacyjnym konsultacji nie jest mniej niż osób (każda osoba to co najmniej jedna konsultacja).",
    template: "{point}: grupa „{group}” — {clients} osób, ale tylko {consultations} konsultacji. \
               Każda osoba, która skorzystała z punktu, miała co najmniej jedną konsultację; \
               sprawdź liczby.",
};

// ---------------------------------------------------------------------------------------------
// References, partners, identifiers
// ---------------------------------------------------------------------------------------------

pub static REALIZER_UNKNOWN: Rule = Rule {
    id: "realizer-unknown",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Realizator działania jest w rejestrze partnerów.",
    template: "Działanie {activity} wskazuje realizatora, którego nie ma w rejestrze partnerów \
               (identyfikator „{id}”). Wybierz realizatora z rejestru albo dodaj go do rejestru.",
};

pub static COALITION_MEMBER_UNKNOWN: Rule = Rule {
    id: "coalition-member-unknown",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Członek koalicji jest w rejestrze partnerów.",
    template: "Koalicja {coalition} wskazuje członka, którego nie ma w rejestrze partnerów \
               (identyfikator „{id}”). Wybierz członka z rejestru albo dodaj go do rejestru.",
};

pub static ACTIVITY_GOAL_UNKNOWN: Rule = Rule {
    id: "activity-goal-unknown",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Cel, do którego należy działanie, istnieje w programie.",
    template: "Działanie {activity} należy do celu, którego nie ma na liście celów programu \
               (identyfikator „{id}”). Wybierz cel z listy.",
};

pub static REFERENCE_UNKNOWN: Rule = Rule {
    id: "reference-unknown",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Odnośniki kosztów wspólnych i komisji wskazują istniejące cele, działania i wiersze budżetu.",
    template: "{place} wskazuje {what}, którego nie ma w raporcie (identyfikator „{id}”). Wybierz \
               pozycję z listy.",
};

pub static PARTNER_NAME_DUPLICATE: Rule = Rule {
    id: "partner-name-duplicate",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Nazwy podmiotów w rejestrze partnerów się nie powtarzają.",
    template:
        "Podmiot „{name}” występuje w rejestrze partnerów więcej niż raz (pozycje nr {first} \
               i {second}). Połącz te wpisy, aby działania nie były przypisane do dwóch kopii tego \
               samego podmiotu.",
};

pub static ID_DUPLICATE: Rule = Rule {
    id: "id-duplicate",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Identyfikatory pozycji na każdej liście są unikalne.",
    template: "{collection}: pozycje nr {first} i {second} mają ten sam identyfikator „{id}”. \
               Odnośniki (np. do realizatorów) mogą wskazywać niewłaściwą pozycję; zwykle oznacza \
               to ręcznie zmieniony plik.",
};

pub static ID_MISSING: Rule = Rule {
    id: "id-missing",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Każda pozycja listy ma identyfikator.",
    template:
        "{collection}: pozycja nr {number} nie ma identyfikatora, więc odnośniki do niej nie \
               mogą działać; zwykle oznacza to ręcznie zmieniony plik.",
};

// ---------------------------------------------------------------------------------------------
// Gmina, required data, NPZ
// ---------------------------------------------------------------------------------------------

pub static TERYT_MISSING: Rule = Rule {
    id: "teryt-missing",
    severity: Severity::Info,
    citation: Cite::Id("teryt"),
    summary: "Kod TERYT gminy (opcjonalny; raporty zwykle go nie podają).",
    template: "Nie podano kodu TERYT gminy. Raporty rzadko go zawierają; przydaje się, gdy pliki \
               wielu gmin zestawia się razem (np. w powiecie).",
};

pub static TERYT_MALFORMED: Rule = Rule {
    id: "teryt-malformed",
    severity: Severity::Error,
    citation: Cite::Id("teryt"),
    summary: "Kod TERYT gminy ma dokładnie 7 cyfr.",
    template:
        "Kod TERYT gminy „{teryt}” jest niepoprawny: ma mieć dokładnie 7 cyfr (np. 3061011), \
               a ostatnia cyfra oznacza rodzaj gminy (1, 2 lub 3).",
};

pub static TERYT_VOIVODESHIP_UNKNOWN: Rule = Rule {
    id: "teryt-voivodeship-unknown",
    severity: Severity::Error,
    citation: Cite::Id("teryt"),
    summary: "Kod TERYT zaczyna się od kodu istniejącego województwa.",
    template: "Kod TERYT „{teryt}” zaczyna się od {code}, a nie ma województwa o takim kodzie \
               (kody województw to liczby parzyste od 02 do 32).",
};

pub static TERYT_VOIVODESHIP_MISMATCH: Rule = Rule {
    id: "teryt-voivodeship-mismatch",
    severity: Severity::Warning,
    citation: Cite::Id("teryt"),
    summary: "Województwo zgadza się z kodem TERYT.",
    template: "Kod TERYT „{teryt}” wskazuje województwo {expected}, a wpisano „{voivodeship}”.",
};

pub static TERYT_KIND_MISMATCH: Rule = Rule {
    id: "teryt-kind-mismatch",
    severity: Severity::Warning,
    citation: Cite::Id("teryt"),
    summary: "Rodzaj gminy zgadza się z kodem TERYT.",
    template: "Kod TERYT „{teryt}” oznacza {teryt_kind}, a jako rodzaj gminy wybrano „{kind}”.",
};

pub static REQUIRED_FIELD_MISSING: Rule = Rule {
    id: "required-field-missing",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Wypełniono pola wymagane w raporcie (gmina, rok, program, uchwała, rada...).",
    template: "Brak wymaganej informacji: {field}.",
};

pub static RECOMMENDED_FIELD_MISSING: Rule = Rule {
    id: "recommended-field-missing",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Wypełniono pola, które powinny znaleźć się w raporcie (kto i kiedy sporządził...).",
    template: "Nie uzupełniono: {field}. Ta informacja powinna znaleźć się w raporcie.",
};

pub static YEAR_IMPLAUSIBLE: Rule = Rule {
    id: "year-implausible",
    severity: Severity::Error,
    citation: Cite::ReportBasis,
    summary: "Rok raportu mieści się w obsługiwanym zakresie.",
    template: "Rok raportu {year} jest spoza obsługiwanego zakresu ({min}–{max}). Sprawdź rok.",
};

pub static NPZ_EDITION_UNKNOWN: Rule = Rule {
    id: "npz-edition-unknown",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art4_1"),
    summary: "Wskazano edycję Narodowego Programu Zdrowia znaną katalogowi.",
    template: "Nie wskazano edycji Narodowego Programu Zdrowia, której cele uwzględnia program[ \
               (wpisano „{npz}”, takiej edycji aplikacja nie zna)]. Wybierz edycję z listy.",
};

pub static NPZ_EDITION_YEAR_MISMATCH: Rule = Rule {
    id: "npz-edition-year-mismatch",
    severity: Severity::Info,
    citation: Cite::Id("sobriety_art4_1"),
    summary: "Wskazana edycja NPZ obejmuje rok raportu.",
    template: "Wskazana edycja: {npz} obejmuje lata {from}–{to}, a raport dotyczy {year} r. \
               Sprawdź, czy program uwzględnia właściwą edycję.",
};

// ---------------------------------------------------------------------------------------------
// This year against last year (only when a previous year is linked)
// ---------------------------------------------------------------------------------------------

pub static PREVIOUS_YEAR_MISMATCH: Rule = Rule {
    id: "previous-year-mismatch",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Raport do porównania to raport tej samej gminy za rok poprzedni.",
    template: "Do porównania dołączono raport {other}, a ten raport dotyczy gminy {gmina} za \
               {year} r. Porównanie ma sens z raportem tej samej gminy za {previous} r. — wybierz \
               właściwy raport albo odłącz porównanie.",
};

pub static FIGURE_CHANGED_TENFOLD: Rule = Rule {
    id: "figure-changed-tenfold",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Wartość nie zmieniła się względem roku poprzedniego dziesięciokrotnie lub bardziej \
              (częsta pomyłka: zero za dużo lub za mało).",
    template: "{section}: {figure} — {last} w {last_year} r., a {this} w {year} r. (zmiana co \
               najmniej {factor}-krotna). Sprawdź, czy nie wpisano o jedno zero za dużo lub za \
               mało; jeśli wartość jest prawidłowa, warto wyjaśnić zmianę w raporcie.",
};

pub static ACTIVITY_DISAPPEARED: Rule = Rule {
    id: "activity-disappeared",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Działanie z roku poprzedniego, którego nie ma w tym raporcie, jest w nim wyjaśnione.",
    template: "W {last_year} r. prowadzono działanie {activity}, a w tym raporcie go nie ma i nic \
               o nim nie napisano. Jeśli to to samo działanie pod inną nazwą, połącz je w widoku \
               „Porównanie”; jeśli go zaprzestano, napisz dlaczego (np. we wnioskach), podając \
               jego nazwę.",
};

pub static PARTNER_DISAPPEARED: Rule = Rule {
    id: "partner-disappeared",
    severity: Severity::Warning,
    citation: Cite::ReportBasis,
    summary: "Partner z roku poprzedniego, którego nie ma w rejestrze, jest w raporcie wyjaśniony.",
    template: "W {last_year} r. w rejestrze partnerów był podmiot {partner}, a w tym raporcie go \
               nie ma i nic o nim nie napisano. Jeśli współpraca się zakończyła, napisz o tym \
               (np. we wnioskach), podając jego nazwę; jeśli to pomyłka, dodaj go z powrotem.",
};

pub static CARRY_OVER_MISMATCH: Rule = Rule {
    id: "carry-over-mismatch",
    severity: Severity::Warning,
    citation: Cite::Id("sobriety_art18_2"),
    summary: "Środki z opłat przeniesione z roku poprzedniego równają się kwocie, która według \
              raportu za ten rok pozostała do wykorzystania.",
    template: "Według raportu za {last_year} r. ze środków z opłat za zezwolenia pozostało na \
               {year} r. {left}, a w tym raporcie[ jako środki przeniesione wpisano {carried}][ \
               nie wpisano środków przeniesionych z {none_from} r.]. Niewykorzystane środki z opłat przechodzą na kolejny rok i służą tylko programowi \
               — sprawdź obie kwoty.",
};

/// All rules, in the order of the report's sections.
pub static RULES: &[&Rule] = &[
    // Statutory tasks
    &TASK_NOT_COVERED,
    &TASK_GAP_REASON_EMPTY,
    &TASK_GAP_REDUNDANT,
    &TASK_GAP_NOT_APPLICABLE,
    &ACTIVITY_NO_TASK,
    &ACTIVITY_TASK_UNKNOWN,
    &ACTIVITY_TASK_OUTSIDE_PROGRAM,
    &ACTIVITY_TASK_REPEALED,
    &ACTIVITY_BEHAVIOURAL_TASK_NOT_IN_PROGRAM,
    // Program
    &REGIME_SEPARATE_FROM_2022,
    &YEAR_OUTSIDE_PROGRAM_PERIOD,
    &PROGRAM_PERIOD_REVERSED,
    &PROGRAM_PERIOD_TOO_LONG,
    &RESOLUTION_NUMBER_MALFORMED,
    &RESOLUTION_SESSION_ROMAN_INVALID,
    &RESOLUTION_YEAR_TWO_DIGIT,
    &RESOLUTION_YEAR_MISMATCH,
    &RESOLUTION_DATE_MISSING,
    &RESOLUTION_AFTER_REPORT_YEAR,
    &RESOLUTION_AFTER_PROGRAM_START,
    &RESOLUTION_AFTER_JOINT_DEADLINE,
    // Dates
    &REPORT_PREPARED_WITHIN_YEAR,
    &COUNCIL_DEADLINE_WITHIN_YEAR,
    &COUNCIL_DEADLINE_AFTER_STATUTORY,
    &COUNCIL_PRESENTED_BEFORE_YEAR_END,
    &COUNCIL_PRESENTED_LATE,
    &COUNCIL_RESOLUTION_NUMBER_MISSING,
    &REPORT_PREPARED_AFTER_DEADLINE,
    // Money
    &AMOUNT_NEGATIVE,
    &AMOUNT_TOO_MANY_DECIMALS,
    &EXECUTED_OVER_PLAN,
    &BUDGET_AMOUNT_MISSING,
    &BUDGET_MISSING,
    &CHAPTER_SUM_MISMATCH,
    &CHAPTER_ACTIVITIES_SHORT,
    &ACTIVITY_COSTS_NOT_GIVEN,
    &ACTIVITY_COST_CHAPTER_MISSING,
    &CHAPTER_AREA_MISMATCH,
    &CHAPTER_UNKNOWN,
    &PARAGRAPH_MALFORMED,
    &PARAGRAPH_UNUSUAL,
    &PERMIT_FEES_OUTSIDE_PROGRAM,
    &PERMIT_FEES_EXCEED_INCOME,
    &PERMIT_FEE_INCOME_MISSING,
    &SMALL_BOTTLE_OUTSIDE_PURPOSE,
    &SMALL_BOTTLE_EXCEEDS_INCOME,
    &INVESTMENT_CHARGED_TO_PROGRAM,
    &EVENT_WITHOUT_PREVENTION,
    &GROUP_COST_COVERS_NOTHING,
    // Activities
    &ACTIVITY_TITLE_MISSING,
    &INDICATOR_NOT_WHOLE,
    &INDICATOR_NEGATIVE,
    &ACTIVITY_DONE_WITHOUT_INDICATOR,
    &INDICATOR_ACHIEVED_MISSING,
    &INDICATOR_BELOW_PLAN_UNEXPLAINED,
    &STATUS_REASON_MISSING,
    // Commission and consultation points
    &GKRPA_MISSING,
    &GKRPA_TRAINED_OVER_MEMBERS,
    &GKRPA_COURT_OVER_REFERRALS,
    &GKRPA_COST_MISMATCH,
    &CONSULTATIONS_FEWER_THAN_CLIENTS,
    // References
    &REALIZER_UNKNOWN,
    &COALITION_MEMBER_UNKNOWN,
    &ACTIVITY_GOAL_UNKNOWN,
    &REFERENCE_UNKNOWN,
    &PARTNER_NAME_DUPLICATE,
    &ID_DUPLICATE,
    &ID_MISSING,
    // Gmina and required data
    &TERYT_MISSING,
    &TERYT_MALFORMED,
    &TERYT_VOIVODESHIP_UNKNOWN,
    &TERYT_VOIVODESHIP_MISMATCH,
    &TERYT_KIND_MISMATCH,
    &REQUIRED_FIELD_MISSING,
    &RECOMMENDED_FIELD_MISSING,
    &YEAR_IMPLAUSIBLE,
    &NPZ_EDITION_UNKNOWN,
    &NPZ_EDITION_YEAR_MISMATCH,
    // This year against last year
    &PREVIOUS_YEAR_MISMATCH,
    &FIGURE_CHANGED_TENFOLD,
    &ACTIVITY_DISAPPEARED,
    &PARTNER_DISAPPEARED,
    &CARRY_OVER_MISMATCH,
];
