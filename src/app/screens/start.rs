//! Start screen: the reports stored in this browser, and the ways to begin one (new, sample,
//! next year's from a stored one, import). Entries that fail to load are listed with their raw
//! text offered for download; nothing here ever writes over them.

use leptos::prelude::*;

use crate::app::state::{self, AppState, Editor, Screen};
use crate::app::storage::{self, Listed, Meta, Removed, StorageError, Store};
use crate::app::{bridge, files};
use crate::domain::model::{Id, Report};
use crate::domain::rules::Severity;

/// Stores a new report under a fresh id and opens it. If storage refuses, the report is still
/// opened (in memory) and the failure is shown as a banner.
fn create_and_open(app: AppState, editor: Editor, mut report: Report) {
    let id = state::new_report_id();
    report.id = Id::new(id.clone());
    // A report begun from nothing does not greet the user with a warning under every empty
    // field: findings show as fields are left, all of them in "Sprawdzenie".
    let blank = report.activities.is_empty() && report.budget.lines.is_empty();
    let text = bridge::to_stored_json(&report, &Default::default());
    let result = Store::open().and_then(|s| s.create(&id, &text));
    match result {
        Ok(meta) => editor.open(report, meta),
        Err(e) => {
            editor.open(report, Meta::default());
            editor.save_error.set(Some(e));
        }
    }
    editor.quiet.set(blank);
    // A report begun: the first-visit welcome has done its work.
    super::welcome::dismiss();
    app.touch_stored();
    app.screen.set(Screen::Editor);
    state::focus_later(vec!["editor-title".into()]);
}

fn last_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32 - 1
}

/// The start screen.
#[component]
pub fn StartScreen() -> impl IntoView {
    let app = expect_context::<AppState>();
    let editor = expect_context::<Editor>();
    let listed = Memo::new(move |_| {
        app.stored_changed.track();
        Store::open().map(|s| s.list()).unwrap_or_default()
    });
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let removed = RwSignal::new(None::<(Removed, String)>);
    let show_samples = RwSignal::new(false);
    let show_next = RwSignal::new(false);

    let open = move |id: String| match Store::open().and_then(|s| s.open_entry(&id)) {
        Ok(opened) => {
            // Where the user left off in this report.
            let section = crate::app::router::last_section(&opened.report);
            editor.open_stored(opened);
            editor.section.set(section);
            app.screen.set(Screen::Editor);
            state::focus_later(vec!["editor-title".into()]);
        }
        Err(e) => error.set(Some(format!("{} {}", e.title(), e.advice()))),
    };
    let duplicate = move |id: String| {
        let result = Store::open().and_then(|s| {
            let (mut report, _) = s.load(&id)?;
            let new_id = state::new_report_id();
            report.id = Id::new(new_id.clone());
            s.create(
                &new_id,
                &bridge::to_stored_json(&report, &Default::default()),
            )
        });
        match result {
            Ok(_) => error.set(None),
            Err(e) => error.set(Some(format!("{} {}", e.title(), e.advice()))),
        }
        app.touch_stored();
    };
    let delete = move |id: String, label: String| {
        match Store::open().and_then(|s| s.delete(&id)) {
            Ok(r) => removed.set(Some((r, label))),
            Err(e) => error.set(Some(format!("{} {}", e.title(), e.advice()))),
        }
        app.touch_stored();
        state::focus_later(vec!["undo-delete".into()]);
    };
    let undo = move |_| {
        if let Some((r, _)) = removed.get_untracked() {
            match Store::open().and_then(|s| s.undelete(&r)) {
                Ok(()) => removed.set(None),
                Err(e) => error.set(Some(format!("{} {}", e.title(), e.advice()))),
            }
            app.touch_stored();
        }
    };

    let on_next_year_file = move |ev: leptos::ev::Event| {
        files::with_chosen_file(ev, move |name, text| {
            let result =
                text.and_then(|t| bridge::read_import(&t).map_err(|f| f.message))
                    .and_then(|mut r| {
                        if r.len() == 1 {
                            Ok(r.remove(0))
                        } else {
                            Err("plik zawiera więcej niż jeden raport; wybierz plik jednego raportu"
                            .to_string())
                        }
                    });
            match result {
                Ok(prev) => {
                    error.set(None);
                    create_and_open(app, editor, prev.next_year(Id::default()));
                }
                Err(m) => error.set(Some(format!("Nie utworzono raportu z pliku „{name}”: {m}"))),
            }
        });
    };

    let kept: Memo<Vec<(String, StorageError)>> = Memo::new(move |_| {
        listed.with(|l| {
            l.iter()
                .filter_map(|x| x.report.as_ref().err().map(|e| (x.id.clone(), e.clone())))
                .collect()
        })
    });

    // A sample is fetched when chosen; a second click while it comes does not make a second
    // report.
    let loading_sample = RwSignal::new(false);
    let load_sample = move |slug: &'static str, label: &'static str| {
        if loading_sample.get_untracked() {
            return;
        }
        loading_sample.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = bridge::sample(slug).await;
            loading_sample.try_set(false);
            match result {
                Ok(report) => create_and_open(app, editor, report),
                Err(m) => {
                    error.try_set(Some(format!("Nie wczytano przykładu „{label}”: {m}.")));
                }
            }
        });
    };
    view! {
        <h1 id="start-title" tabindex="-1">"Raporty w tej przeglądarce"</h1>
        <super::welcome::Welcome />
        <For
            each=move || kept.get()
            key=|(id, _)| id.clone()
            children=move |(id, e)| {
                let raw = e.raw().unwrap_or_default().to_string();
                view! {
                    <div class="banner banner-error" role="alert">
                        <p class="banner-title">{e.title()} " (" {id.clone()} ")"</p>
                        <p>{e.advice()}</p>
                        <button
                            type="button"
                            on:click=move |_| {
                                let _ = storage::download(
                                    &format!("raport-gp-zapisany-{id}.json"),
                                    &raw,
                                    "application/json",
                                );
                            }
                        >
                            "Pobierz kopię JSON"
                        </button>
                    </div>
                }
            }
        />
        <section class="actions" aria-labelledby="actions-title">
            <h2 id="actions-title">"Zacznij"</h2>
            <div class="button-row">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        create_and_open(app, editor, Report::new(Id::default(), last_year()))
                    }
                >
                    "Nowy raport"
                </button>
                <button
                    type="button"
                    aria-expanded=move || show_samples.get().to_string()
                    aria-controls="samples-list"
                    on:click=move |_| show_samples.update(|v| *v = !*v)
                >
                    "Wczytaj przykład"
                </button>
                <button
                    type="button"
                    aria-expanded=move || show_next.get().to_string()
                    aria-controls="next-year-list"
                    on:click=move |_| show_next.update(|v| *v = !*v)
                >
                    "Nowy raport na podstawie poprzedniego roku"
                </button>
            </div>
            <super::import::ImportPanel />
            <div id="samples-list" hidden=move || !show_samples.get()>
                <h3>"Przykładowe raporty"</h3>
                <ul class="plain">
                    {bridge::sample_labels()
                        .into_iter()
                        .map(|(slug, label)| {
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        aria-busy=move || loading_sample.get().to_string()
                                        on:click=move |_| load_sample(slug, label)
                                    >
                                        "Wczytaj: "
                                        {label}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
            <div id="next-year-list" hidden=move || !show_next.get()>
                <h3>"Na podstawie którego raportu?"</h3>
                <p class="hint">
                    "Skopiujemy gminę, program, partnerów, cele i działania; kwoty i osiągnięte wartości zostaną wyczyszczone."
                </p>
                <ul class="plain">
                    {move || {
                        let ok: Vec<(String, Report)> = listed
                            .with(|l| {
                                l.iter()
                                    .filter_map(|x| {
                                        x.report.as_ref().ok().map(|r| (x.id.clone(), r.clone()))
                                    })
                                    .collect()
                            });
                        if ok.is_empty() {
                            return view! {
                                <li>
                                    "Brak zapisanych raportów. Najpierw wczytaj przykład lub zaimportuj raport z poprzedniego roku."
                                </li>
                            }
                                .into_any();
                        }
                        ok.into_iter()
                            .map(|(_, r)| {
                                let label = format!(
                                    "{} {} → {}",
                                    display_name(&r),
                                    r.year,
                                    r.year + 1,
                                );
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            on:click=move |_| {
                                                create_and_open(
                                                    app,
                                                    editor,
                                                    r.next_year(Id::default()),
                                                )
                                            }
                                        >
                                            "Raport na rok "
                                            {label}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }}
                </ul>
                <span class="file-button">
                    <label for="next-year-file">"…albo wybierz plik JSON raportu z poprzedniego roku"</label>
                    <input
                        id="next-year-file"
                        type="file"
                        accept=".json,.html,application/json,text/html"
                        on:change=on_next_year_file
                    />
                </span>
            </div>
            <p class="field-error" role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </section>
        <p role="status" class="notice">{move || notice.get().unwrap_or_default()}</p>
        <div role="status" class="undo-bar">
            {move || {
                removed
                    .get()
                    .map(|(_, label)| {
                        view! {
                            <p>
                                "Usunięto raport „" {label} "”. "
                                <button type="button" id="undo-delete" on:click=undo>
                                    "Cofnij"
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
        <section aria-labelledby="list-title">
            <h2 id="list-title">"Zapisane raporty"</h2>
            <Show
                when=move || listed.with(|l| !l.is_empty())
                fallback=|| view! { <p>"W tej przeglądarce nie ma jeszcze żadnego raportu."</p> }
            >
                <p>
                    <button
                        type="button"
                        on:click=move |_| {
                            match files::export_all() {
                                Ok(n) => {
                                    error.set(None);
                                    notice.set(Some(format!(
                                        "Pobrano kopię: {} w jednym pliku.",
                                        state::plural(n, "raport", "raporty", "raportów")
                                    )));
                                    app.touch_stored();
                                }
                                Err(e) => error.set(Some(format!("Nie udało się pobrać kopii: {e}"))),
                            }
                        }
                    >
                        "Eksportuj wszystko"
                    </button>
                    " "
                    <span class="hint">"(kopia wszystkich raportów z tej przeglądarki w jednym pliku JSON)"</span>
                </p>
                <div class="table-wrap">
                    <table class="reports">
                        <caption class="visually-hidden">"Raporty zapisane w tej przeglądarce"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Gmina"</th>
                                <th scope="col">"Rok"</th>
                                <th scope="col">"Rodzaj programu"</th>
                                <th scope="col">"Ostatnia zmiana"</th>
                                <th scope="col">"Otwarte błędy"</th>
                                <th scope="col">"Działania"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || listed.get()
                                key=|l: &Listed| (l.id.clone(), l.meta.rev, l.report.is_ok())
                                children=move |l: Listed| {
                                    row_view(l, open, duplicate, delete)
                                }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// The gmina name or a placeholder.
pub fn display_name(r: &Report) -> String {
    if r.gmina.name.trim().is_empty() {
        "(gmina bez nazwy)".into()
    } else {
        r.gmina.name.clone()
    }
}

fn row_view(
    l: Listed,
    open: impl Fn(String) + Copy + 'static,
    duplicate: impl Fn(String) + Copy + 'static,
    delete: impl Fn(String, String) + Copy + 'static,
) -> impl IntoView {
    let id = l.id.clone();
    let when = if l.meta.saved_at > 0.0 {
        state::format_time(l.meta.saved_at, true)
    } else {
        "—".into()
    };
    match l.report {
        Ok(r) => {
            let name = match &r.workspace {
                Some(w) => format!("{} — sprawozdanie: {}", display_name(&r), w.partner.name),
                None => display_name(&r),
            };
            let kind = match &r.workspace {
                Some(_) => "sprawozdanie realizatora dla gminy",
                None => r.program.regime.label(),
            };
            let year = r.year;
            let label = format!("{name} {year}");
            // The checks come with the editor's module, fetched in the background once this
            // screen is up: the count follows when it is here ("—" if it cannot be fetched).
            let errors = Suspend::new(async move {
                match crate::app::lazy::findings(&r).await {
                    Some(found) => found
                        .iter()
                        .filter(|f| f.severity == Severity::Error)
                        .count()
                        .to_string(),
                    None => "—".to_string(),
                }
            });
            let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{year}</td>
                    <td>{kind}</td>
                    <td>{when}</td>
                    <td>{errors}</td>
                    <td class="row-actions">
                        <button type="button" on:click=move |_| open(id1.clone())>
                            "Otwórz"
                        </button>
                        <button type="button" on:click=move |_| duplicate(id2.clone())>
                            "Duplikuj"
                        </button>
                        <button
                            type="button"
                            on:click=move |_| delete(id3.clone(), label.clone())
                        >
                            "Usuń"
                        </button>
                    </td>
                </tr>
            }
            .into_any()
        }
        Err(e) => {
            let raw = e.raw().unwrap_or_default().to_string();
            let (id1, id2) = (id.clone(), id.clone());
            view! {
                <tr class="row-broken">
                    <th scope="row">
                        {if matches!(e, StorageError::NewerVersion { .. }) {
                            "Wpis z nowszej wersji "
                        } else {
                            "Uszkodzony wpis "
                        }}
                        {id.clone()}
                    </th>
                    <td>"—"</td>
                    <td>{e.title()}</td>
                    <td>{when}</td>
                    <td>"—"</td>
                    <td class="row-actions">
                        <button
                            type="button"
                            on:click=move |_| {
                                let _ = storage::download(
                                    &format!("raport-gp-zapisany-{id1}.json"),
                                    &raw,
                                    "application/json",
                                );
                            }
                        >
                            "Pobierz zapisany tekst"
                        </button>
                        <button
                            type="button"
                            on:click=move |_| delete(id2.clone(), format!("uszkodzony wpis {id2}"))
                        >
                            "Usuń"
                        </button>
                    </td>
                </tr>
            }
            .into_any()
        }
    }
}
