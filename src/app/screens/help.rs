//! "Pomoc": how to fill each section, what every check means and the law it rests on, saving a
//! PDF, moving reports to another computer, the deadlines a gmina meets, and the privacy
//! statement.
//!
//! Invariant: nothing legal is written here. The list of checks is generated from
//! `domain::rules::RULES` (id, severity, summary) with each citation resolved through the
//! catalogue; the statutory tasks and the deadlines' legal bases come from the catalogue too —
//! so the page cannot drift from what the checks do.

use leptos::prelude::*;

use super::editor::section_title;
use crate::app::paths::SectionKey;
use crate::domain::catalogue::{catalogue, TaskArea};
use crate::domain::model::Regime;
use crate::domain::rules::{Cite, RULES};

/// The year a pre-2022 drug-only report is shown for (the last year of separate programs).
const PRE_REFORM_YEAR: i32 = Regime::JOINT_FROM_YEAR - 1;

/// How to fill a section, in a sentence or two.
fn how_to(key: &SectionKey) -> &'static str {
    match key {
        SectionKey::Program => "Nazwa i rodzaj gminy, rok raportu i rodzaj programu (od 2022 r. wspólny program alkoholowy i narkotykowy), uchwała rady, która przyjęła program (numer, data, okres programu), kto przygotował raport i do kiedy trafi do rady. Rodzaj programu ustawia się sam według roku; zmień go tylko dla raportu sprzed 2022 r.",
        SectionKey::Budget => "Plan i wykonanie wydatków programu w tabeli: wiersz na każdą pozycję (rozdział 85153, 85154, …, paragraf, źródło, plan, plan po zmianach, wykonanie), z sumami rozdziałów i procentem planu. Pozycje możesz wkleić z arkusza skarbnika („Wklej z arkusza”). Dalej dochody z opłat za zezwolenia i z opłaty za małe opakowania, środki spoza budżetu gminy oraz koszty wspólne kilku działań. Kwoty wpisuj tak, jak zwykle: 148 543,63.",
        SectionKey::Goals => "Te same działania co w sekcjach zadań, pogrupowane według celów programu (I–V). Tu dodasz cele i zobaczysz działania bez przypisanego zadania.",
        SectionKey::Gkrpa => "Praca gminnej komisji rozwiązywania problemów alkoholowych: skład, posiedzenia, rozmowy, wnioski do sądu, szkolenia, kontrole, koszt. Puste pole to „nie podano”; jeśli czegoś nie było, wpisz 0.",
        SectionKey::ConsultationPoints => "Każdy punkt konsultacyjny lub telefon zaufania: godziny pracy, kto w nim pracuje, ile osób i konsultacji według rodzaju klienta i dokąd kierowano dalej.",
        SectionKey::Partners => "Rejestr instytucji i organizacji realizujących program oraz koalicje. Z tej listy wybiera się realizatorów działań, więc dodaj partnerów przed działaniami.",
        SectionKey::Context => "Liczby opisujące sytuację w gminie (osoby w leczeniu, statystyki policji, wyniki badań) — za rok raportu i, jeśli je masz, za rok poprzedni.",
        SectionKey::Conclusions => "Wnioski z realizacji programu, rekomendacje na kolejny rok, podpis oraz to, kiedy raport trafił do rady i co rada z nim zrobiła.",
        SectionKey::Comparison => "Powiąż raport z raportem za poprzedni rok (zapisanym w tej przeglądarce albo z pliku): obie wartości, zmiana i zmiana w procentach w każdym wierszu, działania i partnerzy, których już nie ma, oraz ręczne dopasowanie działań. Porównanie może trafić do wydruku.",
        SectionKey::Summary => "Wykresy wydatków (plan i wykonanie według rozdziałów, według zadań i źródeł, rok do roku), każdy z opisem i tabelą danych.",
        SectionKey::Kcpu => "Liczby do corocznej ankiety KCPU zebrane z raportu, z opisem, jak każdą policzono i z których pozycji. Lista jest tymczasowa — sprawdź ją z aktualną ankietą. „Kopiuj wszystko” i pobranie CSV.",
        SectionKey::Check => "Wszystkie uwagi do raportu w jednym miejscu. Kliknięcie uwagi przenosi do pola, którego dotyczy. Raport z błędami też jest zapisywany.",
        SectionKey::Gathering => "Prośby o sprawozdanie do partnerów z rejestru („Poproś o sprawozdanie”: plik dla realizatora i instrukcja), kto i kiedy odesłał sprawozdanie, które terminy minęły, oraz scalanie odesłanych plików z raportem — z podglądem każdej zmiany, wyborem w konfliktach i jednym „Cofnij”.",
        SectionKey::Contribution => "U realizatora: od kogo jest prośba i do kiedy, kto wypełnia, uwagi dla koordynatora oraz „Zapisz sprawozdanie dla gminy” — plik do odesłania koordynatorowi i kopia do druku dla siebie.",
        SectionKey::Export => "Podgląd wydruku, druk lub zapis do PDF, pobranie raportu jako strony HTML lub pliku JSON oraz kopie zapasowe z przywracaniem.",
        SectionKey::Task(_) => "Jedna sekcja na każde zadanie ustawowe programu. Na górze tabela działań (nazwa, realizatorzy, uczestnicy, koszt wykonany, stan) — liczby poprawisz w niej od razu, a nazwa otwiera kartę działania. W karcie: tytuł, opis, realizatorzy, grupy docelowe, wskaźniki (plan i wykonanie), koszt. Tabelę działań z zestawienia realizatorów i wskaźniki wkleisz z arkusza. Jeśli w zadaniu nic nie zrobiono, wpisz powód — raport musi to wyjaśnić.",
    }
}

fn citation_text(id: &str) -> String {
    catalogue()
        .citation(id)
        .map(str::to_string)
        .unwrap_or_else(|| id.to_string())
}

/// A rule's legal basis for a report of this regime and year, as the catalogue words it.
fn cite_for(cite: Cite, regime: Regime, year: i32) -> String {
    match cite.citation_id(regime, year) {
        Some(id) => citation_text(id),
        None => "przepis zadania ustawowego, którego dotyczy uwaga (wykaz zadań wyżej)".into(),
    }
}

fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// The help page.
#[component]
pub fn HelpScreen() -> impl IntoView {
    let year = current_year();
    let sections = [
        SectionKey::Program,
        SectionKey::Budget,
        SectionKey::Task(crate::domain::model::TaskId::new("")),
        SectionKey::Goals,
        SectionKey::Gkrpa,
        SectionKey::ConsultationPoints,
        SectionKey::Partners,
        SectionKey::Context,
        SectionKey::Conclusions,
        SectionKey::Check,
        SectionKey::Export,
    ];
    let section_items = sections
        .into_iter()
        .map(|k| {
            let title = match &k {
                SectionKey::Task(_) => "Zadania ustawowe (jedna sekcja na zadanie)".to_string(),
                k => section_title(k),
            };
            view! {
                <dt>{title}</dt>
                <dd>{how_to(&k)}</dd>
            }
        })
        .collect_view();
    let task_items = catalogue()
        .tasks
        .iter()
        .map(|t| {
            let area = match t.area {
                TaskArea::Drugs => "przeciwdziałanie narkomanii",
                TaskArea::Alcohol => "profilaktyka i rozwiązywanie problemów alkoholowych",
                TaskArea::Behavioural => {
                    "uzależnienia behawioralne (element programu, nie punkt ustawy)"
                }
            };
            view! {
                <li>
                    <strong>{t.short_name.clone()}</strong>
                    " — " {area} ". "
                    <span class="hint">{t.citation.clone()}</span>
                </li>
            }
        })
        .collect_view();
    let rule_items = RULES
        .iter()
        .map(|r| {
            let joint = cite_for(r.citation, Regime::Joint, year);
            let drugs = cite_for(r.citation, Regime::DrugOnly, PRE_REFORM_YEAR);
            let basis = if joint == drugs {
                view! { <p class="rule-basis">"Podstawa prawna: " {joint}</p> }.into_any()
            } else {
                view! {
                    <p class="rule-basis">
                        {format!("Podstawa prawna w raporcie z programu wspólnego za {year} r.: ")}
                        {joint}
                        <br />
                        {format!("W raporcie z programu przeciwdziałania narkomanii za {PRE_REFORM_YEAR} r.: ")}
                        {drugs}
                    </p>
                }
                .into_any()
            };
            let class = format!("badge badge-{}", match r.severity {
                crate::domain::rules::Severity::Error => "error",
                crate::domain::rules::Severity::Warning => "warning",
                crate::domain::rules::Severity::Info => "info",
            });
            view! {
                <li id=format!("regula-{}", r.id)>
                    <p>
                        <span class=class>{r.severity.label()}</span>
                        " "
                        {r.summary}
                        " "
                        <code>{r.id}</code>
                    </p>
                    {basis}
                </li>
            }
        })
        .collect_view();
    let deadline = |date: &'static str, what: &'static str, cite: &'static str| {
        view! {
            <tr>
                <th scope="row">{date}</th>
                <td>{what}</td>
                <td>{citation_text(cite)}</td>
            </tr>
        }
    };

    view! {
        <article class="help">
            <h1 id="help-title" tabindex="-1">"Pomoc"</h1>
            <nav aria-label="Spis treści pomocy">
                <ul>
                    <li><a href="#pomoc-sekcje" on:click=jump>"Jak wypełnić raport"</a></li>
                    <li><a href="#pomoc-sprawdzenia" on:click=jump>"Co oznaczają uwagi"</a></li>
                    <li><a href="#pomoc-arkusz" on:click=jump>"Tabele i wklejanie z arkusza"</a></li>
                    <li><a href="#pomoc-zbieranie" on:click=jump>"Zbieranie sprawozdań realizatorów"</a></li>
                    <li><a href="#pomoc-pdf" on:click=jump>"Jak zapisać PDF"</a></li>
                    <li><a href="#pomoc-word" on:click=jump>"Jak dokończyć raport w Wordzie"</a></li>
                    <li><a href="#pomoc-przenoszenie" on:click=jump>"Przenoszenie raportów na inny komputer"</a></li>
                    <li><a href="#pomoc-terminy" on:click=jump>"Terminy"</a></li>
                    <li><a href="#pomoc-prywatnosc" on:click=jump>"Prywatność"</a></li>
                </ul>
            </nav>

            <section aria-labelledby="pomoc-sekcje">
                <h2 id="pomoc-sekcje" tabindex="-1">"Jak wypełnić raport"</h2>
                <p>
                    "Raport ma sekcje wymienione po lewej stronie edytora; przy każdej widać liczbę błędów i ostrzeżeń. Wszystko zapisuje się samo w tej przeglądarce kilka chwil po wpisaniu. Każda sekcja ma swój adres: można wrócić do niej przyciskiem Wstecz, odświeżyć stronę albo zapisać zakładkę."
                </p>
                <dl class="help-sections">{section_items}</dl>
                <h3>"Zadania ustawowe w katalogu aplikacji"</h3>
                <ul>{task_items}</ul>
            </section>

            <section aria-labelledby="pomoc-sprawdzenia">
                <h2 id="pomoc-sprawdzenia" tabindex="-1">"Co oznaczają uwagi"</h2>
                <p>
                    "Aplikacja sprawdza raport na bieżąco. "
                    <strong>"Błąd"</strong>
                    " — raport byłby w druku nieprawdziwy lub mylący (sumy, daty, uchylony punkt ustawy). "
                    <strong>"Ostrzeżenie"</strong>
                    " — brakuje czegoś, o co zapyta rada, RIO lub KCPU. "
                    <strong>"Uwaga"</strong>
                    " — wskazówka; nic nie trzeba zmieniać. Podstawa prawna zależy od roku i rodzaju programu; poniżej dla raportu z programu wspólnego za bieżący rok i dla raportu z programu przeciwdziałania narkomanii sprzed reformy z 2022 r."
                </p>
                <ol class="rules">{rule_items}</ol>
            </section>

            <section aria-labelledby="pomoc-arkusz">
                <h2 id="pomoc-arkusz" tabindex="-1">"Tabele i wklejanie z arkusza"</h2>
                <p>"Pozycje budżetu, środki spoza budżetu, działania zadania i wskaźniki działania są tabelami, po których poruszasz się jak w arkuszu: Tab przechodzi do następnej komórki, Shift+Tab do poprzedniej, Enter (i strzałki w polu tekstowym) do komórki niżej, Shift+Enter wyżej. „Powiel” dodaje kopię wiersza, „Usuń” go usuwa; „Cofnij” na dole ekranu przywraca tabelę sprzed zmiany, dopóki nie zmienisz jej dalej."</p>
                <ol>
                    <li>"W Excelu, LibreOffice Calc lub Arkuszach Google zaznacz komórki — najlepiej razem z wierszem nagłówków („Rozdział”, „Paragraf”, „Plan”, „Plan po zmianach”, „Wykonanie”, „Źródło”; dla działań „Nazwa działania”, „Realizator”, „Uczestnicy”, „Koszt”) — i skopiuj je (Ctrl+C). Może to być też tekst pliku CSV."</li>
                    <li>"Przy tabeli kliknij „Wklej z arkusza” i wklej dane w pole „Dane z arkusza” (Ctrl+V). Aplikacja sama znajdzie wiersz nagłówków (tytuł nad nim pominie) i dopasuje kolumny po nazwach; bez nagłówków przyjmie je po kolei — możesz to zmienić przy każdej kolumnie."</li>
                    <li>"W podglądzie komórka, której nie da się odczytać, jest oznaczona i mówi dlaczego (np. formuła zamiast wartości albo litera O zamiast zera). Popraw ją w podglądzie albo zostaw — wtedy pole zostanie puste. Kwoty mogą mieć postać 1 234,56, 1 234,56 zł, 1.234,56 lub 1234.56; „-” oznacza brak wartości. Formuły nie są nigdy obliczane: skopiuj wartości (Wklej specjalnie → Wartości)."</li>
                    <li>"„Wstaw” dodaje wiersze do tabeli (albo, jeśli tak wybierzesz, zastępuje nimi dotychczasowe). Do tej chwili nic nie jest zapisywane. Jedno „Cofnij” zabiera całe wklejenie."</li>
                </ol>
                <p>"Realizatorów działań aplikacja dopasowuje po nazwie do rejestru partnerów; nieznanych dopisuje do rejestru. Liczba uczestników staje się wskaźnikiem w osobach, a „ok. 30” — wartością przybliżoną."</p>
            </section>

            <section aria-labelledby="pomoc-zbieranie">
                <h2 id="pomoc-zbieranie" tabindex="-1">"Zbieranie sprawozdań realizatorów"</h2>
                <p>"Szkoły, organizacje, ośrodek pomocy społecznej, policja czy punkt konsultacyjny mogą przysłać swoje sprawozdania jako pliki tej aplikacji — bez przepisywania. Pliki wysyła się e-mailem; dane nigdzie poza nimi nie trafiają."</p>
                <ol>
                    <li>"Koordynator: w sekcji „Sprawozdania realizatorów” wpisz, kto prosi, adres do odesłania i termin, zaznacz partnerów i kliknij „Poproś o sprawozdanie”. Dla każdego partnera pobierze się plik prośby z jego działaniami (bez danych innych partnerów). „Pobierz instrukcję dla realizatora” daje stronę do wydruku lub dołączenia do e-maila."</li>
                    <li>"Realizator: otwiera ten sam adres aplikacji, klika „Importuj plik JSON”, wybiera plik prośby i otwiera nowe sprawozdanie z listy. Uzupełnia działania (opis, termin, adresatów, wskaźniki, koszt, wkład własny, osobowy i rzeczowy), a w sekcji „Sprawozdanie dla gminy” klika „Zapisz sprawozdanie dla gminy” i wysyła plik JSON koordynatorowi. Kopia do druku zostaje u niego."</li>
                    <li>"Koordynator: w „Sprawozdaniach realizatorów” wybiera lub upuszcza pliki w „Wczytaj sprawozdania realizatorów” (albo importuje je z listy raportów). Podgląd pokazuje każde działanie: nowe, zmienione, bez zmian, usunięte przez realizatora albo w konflikcie — gdy to samo pole zmieniono po wysłaniu prośby także w raporcie; wtedy widać obie wartości i wybiera się jedną. Każde działanie można pominąć. „Scal” zapisuje zmiany, a jedno „Cofnij” przywraca raport sprzed scalenia."</li>
                </ol>
                <p>"Ten sam plik wczytany drugi raz niczego nie zmienia, a poprawione sprawozdanie przysłane ponownie zastępuje to, co wniosło poprzednie. Plik dla innej gminy, innego roku albo innego raportu jest odrzucany. Tabela w sekcji pokazuje, kogo i kiedy poproszono, termin (po terminie — oznaczony), kiedy sprawozdanie wróciło i ile pozycji scalono."</p>
            </section>

            <section aria-labelledby="pomoc-pdf">
                <h2 id="pomoc-pdf" tabindex="-1">"Jak zapisać PDF"</h2>
                <ol>
                    <li>"Otwórz raport i przejdź do sekcji „Eksport”."</li>
                    <li>"Wybierz układ (według celów albo według zadań) i kliknij „Podgląd wydruku”, aby sprawdzić wygląd."</li>
                    <li>"Kliknij „Drukuj”. W oknie drukowania wybierz drukarkę „Zapisz jako PDF” (lub „Microsoft Print to PDF”), format A4; numery stron dodaje raport."</li>
                    <li>"PDF dołącz do materiałów sesji rady i opublikuj w BIP. Strona HTML („Pobierz HTML”) zawiera też dane raportu, więc można ją później zaimportować."</li>
                </ol>
            </section>

            <section aria-labelledby="pomoc-word">
                <h2 id="pomoc-word" tabindex="-1">"Jak dokończyć raport w Wordzie"</h2>
                <ol>
                    <li>"W sekcji „Eksport” wybierz układ i kliknij „Pobierz DOCX”. Plik ma tę samą treść i kolejność co wydruk: tabele z wierszem nagłówka powtarzanym na każdej stronie, kwoty wyrównane do prawej, numery stron „Strona X z Y”."</li>
                    <li>"Otwórz go w Wordzie lub LibreOffice Writer. Nagłówki mają style „Tytuł” i „Nagłówek 1–3”, więc okienko nawigacji pokazuje rozdziały, a spis treści wstawisz poleceniem „Odwołania → Spis treści”."</li>
                    <li>"Przenieś treść na papier firmowy urzędu, popraw zdania, dodaj podpis. Wykresy są w dokumencie opisane tekstem, a ich liczby stoją w tabelach obok."</li>
                    <li>"Do BIP zapisz PDF z Worda: „Plik → Zapisz jako → PDF” (lub „Eksportuj → PDF”), z zaznaczoną opcją tagów ułatwień dostępu („Tagi struktury dokumentu”). Tak zapisany PDF zachowuje nagłówki i tabele dla czytników ekranu."</li>
                    <li>"Plik DOCX nie zawiera danych raportu: zmiany wprowadzone w Wordzie nie wrócą do aplikacji. Dane przechowuj w pliku JSON („Eksportuj JSON”)."</li>
                </ol>
            </section>

            <section aria-labelledby="pomoc-przenoszenie">
                <h2 id="pomoc-przenoszenie" tabindex="-1">"Przenoszenie raportów na inny komputer"</h2>
                <ol>
                    <li>"Na tym komputerze: na liście raportów kliknij „Eksportuj wszystko” (jeden plik ze wszystkimi raportami) albo w sekcji „Eksport” raportu — „Eksportuj JSON”."</li>
                    <li>"Przenieś plik (pendrive, poczta służbowa, dysk sieciowy)."</li>
                    <li>"Na drugim komputerze otwórz aplikację, kliknij „Importuj plik JSON” lub upuść plik na liście raportów, sprawdź podgląd i kliknij „Importuj”. Import, który zastąpiłby zapisany raport, można cofnąć."</li>
                </ol>
                <p>"Ten sam plik JSON posłuży za rok: „Nowy raport na podstawie poprzedniego roku” skopiuje gminę, program, partnerów i działania."</p>
            </section>

            <section aria-labelledby="pomoc-terminy">
                <h2 id="pomoc-terminy" tabindex="-1">"Terminy"</h2>
                <div class="table-wrap">
                    <table>
                        <caption>"Terminy w roku następującym po roku, którego dotyczy raport"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Do dnia"</th>
                                <th scope="col">"Co"</th>
                                <th scope="col">"Podstawa prawna"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {deadline("15 kwietnia", "Informacja o działaniach programu dla Krajowego Centrum Przeciwdziałania Uzależnieniom (KCPU), na podstawie ankiety KCPU.", "sobriety_art4_1_2c")}
                            {deadline("31 maja", "Raport o stanie gminy przedstawiany radzie gminy; obejmuje też realizację programów.", "gmina_act_art28aa")}
                            {deadline("30 czerwca", "Raport z wykonania gminnego programu i efektów jego realizacji przedłożony radzie gminy — ten, który przygotowuje się w tej aplikacji.", "sobriety_art4_1_2b")}
                        </tbody>
                    </table>
                </div>
            </section>

            <section aria-labelledby="pomoc-prywatnosc">
                <h2 id="pomoc-prywatnosc" tabindex="-1">"Prywatność"</h2>
                <Privacy />
            </section>
        </article>
    }
}

/// Follows an in-page link of the help's table of contents without touching the address (the
/// fragment holds the app's address, `#/pomoc`).
fn jump(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let Some(a) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let id = a.hash().trim_start_matches('#').to_string();
    ev.prevent_default();
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&id))
    {
        el.scroll_into_view();
        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

/// The privacy statement (also in the README).
#[component]
pub fn Privacy() -> impl IntoView {
    view! {
        <ul class="privacy">
            <li>"Raporty są przechowywane wyłącznie w tej przeglądarce, na tym komputerze (pamięć localStorage strony). Nic nie jest wysyłane: aplikacja nie ma serwera, kont, plików cookie, statystyk odwiedzin ani skryptów z innych stron."</li>
            <li>"Po pierwszej wizycie przeglądarka przechowuje pliki samej aplikacji (nie raporty), żeby działała bez internetu."</li>
            <li>"Pliki JSON, HTML i PDF powstają na tym komputerze i trafiają tam, gdzie je zapiszesz."</li>
            <li>"Wyczyszczenie danych przeglądania (historii, plików cookie i danych witryn) usuwa raporty. Pobieraj regularnie kopię JSON."</li>
        </ul>
    }
}
