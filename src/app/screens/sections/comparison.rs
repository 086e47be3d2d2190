//! Section "Porównanie": links the report to last year's — a report stored in this browser or
//! a file chosen now (a report, a backup of several, a saved printable HTML) — and shows the two
//! years side by side as `domain::compare` computes them: each row with both values, the change
//! and the % change, "brak danych" where a year lacks a value; a chart of both years; last
//! year's activities and partners this report no longer has; the permit-fee money carried
//! between the years. The user can fix how activities were paired and choose whether the
//! printed report has the comparison (`previous_year.print`).
//!
//! Invariants: every number comes from the domain (the same as the printed section and the
//! checks); linking again keeps the pairing corrections and the print choice
//! (`link_previous_year`); unlinking can be undone while the section is open.

use leptos::prelude::*;

use super::SectionFrame;
use crate::app::bridge;
use crate::app::components::{ChartFigure, CheckField, SelectField};
use crate::app::files;
use crate::app::paths::dom_id;
use crate::app::screens::start::display_name;
use crate::app::state::{AppState, Editor};
use crate::app::storage::Store;
use crate::domain::charts;
use crate::domain::compare::{
    self, clear_pairing, link_previous_year, previous_year_candidates, set_pairing, Comparison,
    Kind, Row, Section,
};
use crate::domain::model::{Id, PreviousYear, Report};

/// The value of the pairing select meaning "no pair".
const NO_PAIR: &str = "brak";

/// `„Gmina Przykładowo” za 2024 r.`
fn report_label(gmina: &str, year: i32) -> String {
    let name = match gmina.trim() {
        "" => "gminy bez nazwy".to_string(),
        g => format!("„{g}”"),
    };
    format!("{name} za {year} r.")
}

/// The row's label with its unit for counts: `uczniowie (osoby)` (as the printed section).
fn row_label(row: &Row) -> String {
    match (row.kind, row.unit.trim()) {
        (Kind::Money, _) | (_, "") | (Kind::Percent, "%") => row.label.clone(),
        (_, unit) => format!("{} ({unit})", row.label),
    }
}

/// The section.
#[component]
pub fn ComparisonSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let app = expect_context::<AppState>();
    let h = ed.head;
    let comparison = Memo::new(move |_| compare::compare(&ed.snapshot()));
    let chart = Memo::new(move |_| charts::year_over_year(&ed.snapshot()));
    let link = Memo::new(move |_| {
        h.with(|r| {
            r.previous_year
                .as_ref()
                .map(|p| (p.source.clone(), p.figures.year))
        })
    });
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // What "Cofnij" puts back after "Odłącz".
    let unlinked = RwSignal::new(None::<PreviousYear>);

    // Reports stored in this browser that could be last year's, best first.
    let who = Memo::new(move |_| h.with(|r| (r.id.clone(), r.year, r.gmina.name.clone())));
    let candidates = Memo::new(move |_| {
        app.stored_changed.track();
        let (id, year, gmina) = who.get();
        let mut me = Report::new(id, year);
        me.gmina.name = gmina;
        let stored: Vec<Report> = Store::open()
            .map(|s| s.list().into_iter().filter_map(|l| l.report.ok()).collect())
            .unwrap_or_default();
        previous_year_candidates(&me, &stored)
            .into_iter()
            .cloned()
            .collect::<Vec<Report>>()
    });
    let chosen = NodeRef::<leptos::html::Select>::new();

    let linked_to = move |prev: &Report, file: Option<&str>| {
        h.update(|r| link_previous_year(r, prev, file));
        unlinked.set(None);
        error.set(None);
        status.set(Some(format!(
            "Powiązano z raportem {}.",
            report_label(&prev.gmina.name, prev.year)
        )));
    };
    let link_stored = move |_| {
        let Some(i) = chosen
            .get_untracked()
            .and_then(|s| s.value().parse::<usize>().ok())
        else {
            return;
        };
        if let Some(prev) = candidates.with_untracked(|c| c.get(i).cloned()) {
            linked_to(&prev, None);
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        status.set(None);
        files::with_chosen_file(ev, move |name, text| {
            let me = ed.snapshot_untracked();
            let result = text
                .and_then(|t| bridge::read_import(&t).map_err(|f| f.message))
                .and_then(|found| bridge::previous_year_from_file(&me, found));
            match result {
                Ok(prev) => linked_to(&prev, Some(&name)),
                Err(m) => error.set(Some(format!("Nie powiązano pliku „{name}”: {m}"))),
            }
        });
    };
    let unlink = move |_| {
        let old = h.with_untracked(|r| r.previous_year.clone());
        h.update(|r| r.previous_year = None);
        error.set(None);
        status.set(Some("Odłączono raport z poprzedniego roku.".into()));
        unlinked.set(old);
    };
    let undo_unlink = move |_| {
        if let Some(old) = unlinked.get_untracked() {
            h.update(|r| r.previous_year = Some(old));
            unlinked.set(None);
            status.set(Some(
                "Przywrócono powiązanie z raportem z poprzedniego roku.".into(),
            ));
        }
    };

    let print = (
        Signal::derive(move || h.with(|r| r.previous_year.as_ref().is_some_and(|p| p.print))),
        Callback::new(move |v: bool| {
            h.update(|r| {
                if let Some(p) = r.previous_year.as_mut() {
                    p.print = v;
                }
            })
        }),
    );

    let link_info = move || {
        link.get().map(|(source, year)| {
            let year = if source.year != 0 { source.year } else { year };
            let from = match source.file_name.trim() {
                "" => "zapisanym w tej przeglądarce".to_string(),
                f => format!("z pliku „{f}”"),
            };
            view! {
                <p id=dom_id(&["previous_year", "source"]) tabindex="-1" data-testid="previous-year-link">
                    "Powiązano z raportem " {report_label(&source.gmina, year)} " " {from} "."
                </p>
                <div class="button-row">
                    <button type="button" on:click=unlink>"Odłącz raport z poprzedniego roku"</button>
                </div>
            }
        })
    };

    view! {
        <SectionFrame
            title="Porównanie z rokiem poprzednim"
            intro="Powiąż raport z raportem z poprzedniego roku, a zobaczysz oba lata obok siebie: wydatki, uczestników i wskaźniki działań, pracę komisji, punkty konsultacyjne i dane o sytuacji lokalnej."
        >
            <fieldset id=dom_id(&["previous_year"]) tabindex="-1">
                <legend>"Raport z poprzedniego roku"</legend>
                {move || {
                    link.with(Option::is_none)
                        .then(|| view! { <p>"Ten raport nie jest powiązany z raportem z poprzedniego roku."</p> })
                }}
                {link_info}
                {move || {
                    unlinked
                        .with(Option::is_some)
                        .then(|| {
                            view! {
                                <p>
                                    <button type="button" on:click=undo_unlink>"Cofnij odłączenie"</button>
                                </p>
                            }
                        })
                }}
                <h3>"Powiąż z raportem"</h3>
                {move || {
                    let list = candidates.get();
                    if list.is_empty() {
                        return view! {
                            <p class="hint">
                                "W tej przeglądarce nie ma raportu z wcześniejszego roku. Wybierz plik poniżej."
                            </p>
                        }
                            .into_any();
                    }
                    let options = list
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            view! {
                                <option value=i.to_string()>
                                    {format!("{} {} r.", display_name(r), r.year)}
                                </option>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="inline-form">
                            <div class="field">
                                <label for="previous-year-stored">"Raport zapisany w tej przeglądarce"</label>
                                <select id="previous-year-stored" node_ref=chosen>
                                    {options}
                                </select>
                            </div>
                            <button type="button" on:click=link_stored>"Powiąż z wybranym raportem"</button>
                        </div>
                    }
                        .into_any()
                }}
                <div class="field">
                    <span class="file-button">
                        <label for="previous-year-file">"Wybierz plik raportu z poprzedniego roku"</label>
                        <input
                            id="previous-year-file"
                            type="file"
                            accept=".json,.html,application/json,text/html"
                            aria-describedby="previous-year-file-hint"
                            on:change=on_file
                        />
                    </span>
                    <p class="hint" id="previous-year-file-hint">
                        "Plik JSON raportu, kopia wszystkich raportów („Eksportuj wszystko”) albo pobrany raport HTML. Z kopii wielu raportów zostanie wybrany raport tej samej gminy z poprzedniego roku."
                    </p>
                </div>
                <p role="status" class="notice">{move || status.get().unwrap_or_default()}</p>
                <p class="field-error" role="alert" hidden=move || error.with(Option::is_none)>
                    {move || error.get().unwrap_or_default()}
                </p>
            </fieldset>
            {move || {
                link.with(Option::is_some)
                    .then(|| {
                        view! {
                            <CheckField
                                id=dom_id(&["previous_year", "print"])
                                label="Drukuj porównanie z rokiem poprzednim w raporcie"
                                checked=print.0
                                on_change=print.1
                            />
                        }
                    })
            }}
            {move || chart.get().map(|c| view! { <ChartFigure chart=c /> })}
            {move || comparison.get().map(|c| view! { <ComparisonTables c=c /> })}
            <Pairings comparison=comparison />
        </SectionFrame>
    }
}

/// The comparison's tables, what is gone since last year, and the money carried over.
#[component]
fn ComparisonTables(
    /// The comparison to show.
    c: Comparison,
) -> impl IntoView {
    let (last, this) = (c.last_year, c.this_year);
    let sections = c
        .sections
        .iter()
        .map(|s| section_table(s, last, this))
        .collect_view();
    let gone_activities = (!c.activities_gone.is_empty()).then(|| {
        let items = c
            .activities_gone
            .iter()
            .map(|g| {
                gone_item(
                    dom_id(&["previous_year", "figures", "activities", &g.index.to_string()]),
                    g,
                )
            })
            .collect_view();
        view! {
            <h3 id="cmp-gone-activities">
                {format!("Działania z {last} r., których nie ma w raporcie za {this} r.")}
            </h3>
            <ul aria-labelledby="cmp-gone-activities">{items}</ul>
            <p class="hint">
                "Jeśli działanie jest kontynuowane pod inną nazwą, dopasuj je poniżej; jeśli zakończono je, napisz o tym (np. we wnioskach)."
            </p>
        }
    });
    let gone_partners = (!c.partners_gone.is_empty()).then(|| {
        let items = c
            .partners_gone
            .iter()
            .map(|g| {
                gone_item(
                    dom_id(&["previous_year", "figures", "partners", &g.index.to_string()]),
                    g,
                )
            })
            .collect_view();
        view! {
            <h3 id="cmp-gone-partners">
                {format!("Partnerzy z {last} r., których nie ma w rejestrze w {this} r.")}
            </h3>
            <ul aria-labelledby="cmp-gone-partners">{items}</ul>
        }
    });
    let carry = c.carry_over.carried_out_last_year.map(|left| {
        let into = match c.carry_over.carried_in_this_year {
            None => format!("w tym raporcie nie wpisano środków przeniesionych z {last} r."),
            Some(into) => format!(
                "w tym raporcie jako środki przeniesione z {last} r. wpisano {}.",
                bridge::format_amount_zl(into)
            ),
        };
        let class = if c.carry_over.mismatch() {
            "note note-warning"
        } else {
            "note"
        };
        view! {
            <h3>"Środki z opłat za zezwolenia między latami"</h3>
            <p class=class data-testid="carry-over">
                {format!(
                    "Według raportu za {last} r. ze środków z opłat za zezwolenia pozostało do wykorzystania w {this} r. {}; {into}",
                    bridge::format_amount_zl(left)
                )}
            </p>
        }
    });
    view! {
        <p class="hint">
            "„Brak danych”: raport danego roku nie podaje wartości. „—” w kolumnie zmiany procentowej: wartość z roku poprzedniego wynosiła 0 albo wartość jest w procentach (wtedy zmianę podano w punktach procentowych, p.p.)."
        </p>
        {sections}
        {gone_activities}
        {gone_partners}
        {carry}
    }
}

/// One section of the comparison as a table, rows grouped under their activity or point.
fn section_table(s: &Section, last: i32, this: i32) -> impl IntoView {
    let mut group: Option<String> = None;
    let mut rows = Vec::new();
    for row in &s.rows {
        if row.group != group {
            group = row.group.clone();
            if let Some(g) = &group {
                rows.push(
                    view! {
                        <tr class="group">
                            <th scope="colgroup" colspan="5">{g.clone()}</th>
                        </tr>
                    }
                    .into_any(),
                );
            }
        }
        let flag = row.changed_tenfold().then(|| {
            view! { <span class="note-warning">" (zmiana co najmniej dziesięciokrotna)"</span> }
        });
        rows.push(
            view! {
                <tr class=row.total.then_some("subtotal")>
                    <th scope="row">{row_label(row)} {flag}</th>
                    <td class="num">{row.last_text()}</td>
                    <td class="num">{row.this_text()}</td>
                    <td class="num">{row.change_text()}</td>
                    <td class="num">{row.percent_text()}</td>
                </tr>
            }
            .into_any(),
        );
    }
    view! {
        <h3>{s.title}</h3>
        <div class="table-wrap">
            <table class="data comparison">
                <caption>{format!("{}: {last} r. i {this} r.", s.title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Pozycja"</th>
                        <th scope="col" class="num">{format!("{last} r.")}</th>
                        <th scope="col" class="num">{format!("{this} r.")}</th>
                        <th scope="col" class="num">"Zmiana"</th>
                        <th scope="col" class="num">"Zmiana %"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A gone activity or partner, focusable from the finding that names it.
fn gone_item(id: String, g: &compare::Gone) -> impl IntoView {
    let name = match g.name.trim() {
        "" => format!("(bez nazwy, identyfikator {})", g.id),
        n => format!("„{n}”"),
    };
    let note = g
        .mentioned
        .then_some(" — wyjaśnienie jest w treści raportu");
    view! { <li id=id tabindex="-1">{name} {note}</li> }
}

/// "Dopasowanie działań": for each of this year's activities, last year's activity it is
/// compared with (or none); the automatic pairing is shown and can be corrected or restored.
#[component]
fn Pairings(
    /// The comparison (its activity matches).
    comparison: Memo<Option<Comparison>>,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    // Last year's activities (id, title): the options; re-rendered only when the link changes.
    let last_activities = Memo::new(move |_| {
        h.with(|r| {
            r.previous_year.as_ref().map(|p| {
                (
                    p.figures.year,
                    p.figures
                        .activities
                        .iter()
                        .map(|a| (a.id.clone(), a.title.clone()))
                        .collect::<Vec<(Id, String)>>(),
                )
            })
        })
    });
    // This year's activities in the comparison: (position, id, title).
    let this_activities = Memo::new(move |_| {
        comparison.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.activities
                        .iter()
                        .filter_map(|m| m.this.map(|i| (i, m.id.clone(), m.title.clone())))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    move || {
        let (last_year, last) = last_activities.get()?;
        if last.is_empty() || this_activities.with(Vec::is_empty) {
            return None;
        }
        let mut options = vec![(NO_PAIR.to_string(), "brak odpowiednika".to_string())];
        options.extend(last.iter().enumerate().map(|(j, (_, title))| {
            let title = match title.trim() {
                "" => format!("(działanie bez tytułu nr {})", j + 1),
                t => t.to_string(),
            };
            (j.to_string(), title)
        }));
        let last = StoredValue::new(last);
        Some(view! {
            <fieldset class="pairings">
                <legend>{format!("Dopasowanie działań do działań z {last_year} r.")}</legend>
                <p class="hint">
                    "Działania dopasowano według identyfikatora i nazwy. Jeśli działanie z tego roku jest kontynuacją innego działania z poprzedniego roku (albo nie ma odpowiednika), popraw to tutaj."
                </p>
                <For
                    each=move || this_activities.get()
                    key=|(i, id, _)| (*i, id.clone())
                    children=move |(i, id, title)| {
                        let m = Memo::new(move |_| {
                            comparison.with(|c| {
                                c.as_ref().and_then(|c| {
                                    c.activities
                                        .iter()
                                        .find(|m| m.this == Some(i))
                                        .map(|m| (m.last, m.paired_by, m.corrected))
                                })
                            })
                        });
                        let value = Signal::derive(move || {
                            match m.get().and_then(|(last, _, _)| last) {
                                Some(j) => j.to_string(),
                                None => NO_PAIR.to_string(),
                            }
                        });
                        let id_set = id.clone();
                        let on_change = Callback::new(move |v: String| {
                            let previous = v
                                .parse::<usize>()
                                .ok()
                                .and_then(|j| last.with_value(|l| l.get(j).map(|(id, _)| id.clone())));
                            h.update(|r| set_pairing(r, &id_set, None, previous));
                        });
                        let id_clear = id.clone();
                        let title = match title.trim() {
                            "" => "(działanie bez tytułu)".to_string(),
                            t => format!("„{t}”"),
                        };
                        let how = move || match m.get() {
                            Some((_, _, true)) => "Dopasowano ręcznie.".to_string(),
                            Some((Some(_), Some(by), false)) => {
                                format!("Dopasowano automatycznie ({}).", by.label())
                            }
                            _ => "Nie znaleziono odpowiednika automatycznie.".to_string(),
                        };
                        let corrected = move || m.get().is_some_and(|(_, _, c)| c);
                        let label = format!("Odpowiednik działania {title} w {last_year} r.");
                        let clear_label = format!("Dopasuj automatycznie działanie {title}");
                        view! {
                            <div class="pairing">
                                <SelectField
                                    id=dom_id(&["previous_year", "pairings", id.as_str()])
                                    label=label
                                    options=options.clone()
                                    value=value
                                    on_change=on_change
                                />
                                <p class="hint">
                                    {how} " "
                                    {move || {
                                        let id_clear = id_clear.clone();
                                        let clear_label = clear_label.clone();
                                        corrected()
                                            .then(|| {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="link"
                                                        on:click=move |_| h.update(|r| clear_pairing(r, &id_clear, None))
                                                    >
                                                        {clear_label}
                                                    </button>
                                                }
                                            })
                                    }}
                                </p>
                            </div>
                        }
                    }
                />
            </fieldset>
        })
    }
}
