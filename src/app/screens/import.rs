//! "Importuj plik JSON" on the start screen: a drop zone around the file input (the input is the
//! keyboard path), the preview dialog of what the file would change, and the persistent
//! "Cofnij import". Invariants: nothing is stored before "Importuj" in the preview; every
//! failure shows the domain's Polish message in an alert and leaves storage untouched.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::import::{self, Change, Incoming, Plan};
use crate::app::screens::sections::gathering;
use crate::app::state::{focus_later, format_time, plural, AppState};
use crate::domain::rules::Severity;

const TITLE_ID: &str = "import-preview-title";
const CONFIRM_ID: &str = "import-confirm";
const CANCEL_ID: &str = "import-cancel";
const INPUT_ID: &str = "import-file";

fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

fn active_id() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|e| e.id())
        .unwrap_or_default()
}

/// The drop zone with the file input, the import error, the preview dialog and the undo bar.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let app = expect_context::<AppState>();
    let plan = RwSignal::new(None::<Plan>);
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let over = RwSignal::new(false);

    let editor = expect_context::<crate::app::state::Editor>();
    // read (size first) → parse → migrate → validate → preview; realizers' contributions go to
    // the merge of their report
    let take = move |files: Vec<web_sys::File>| {
        error.set(None);
        notice.set(None);
        plan.set(None);
        gathering::take_files(
            app,
            editor,
            files,
            Some(Callback::new(move |p| {
                plan.set(Some(p));
                focus_later(vec![TITLE_ID.into()]);
            })),
            Callback::new(move |problems: Vec<String>| {
                if !problems.is_empty() {
                    error.set(Some(problems.join(" ")));
                }
            }),
        );
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = gathering::files_of(input.files());
        if !files.is_empty() {
            // Cleared so that choosing the same file again reads it again.
            input.set_value("");
            take(files);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let files = gathering::files_of(ev.data_transfer().and_then(|d| d.files()));
        if files.is_empty() {
            error.set(Some(
                "Nie zaimportowano: upuszczono coś, co nie jest plikiem.".into(),
            ));
        } else {
            take(files);
        }
    };

    let cancel = move || {
        plan.set(None);
        focus_later(vec![INPUT_ID.into()]);
    };
    let confirm = move || {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        plan.set(None);
        match import::apply(&p) {
            Ok(log) => {
                notice.set(None);
                app.import_undo.set(Some(log));
                focus_later(vec!["undo-import".into()]);
            }
            Err(e) => {
                error.set(Some(format!(
                    "Nie zaimportowano pliku „{}”: {} {}",
                    p.file_name,
                    e.import_title(),
                    e.import_advice()
                )));
                focus_later(vec![INPUT_ID.into()]);
            }
        }
        app.touch_stored();
    };
    let undo = move |_| {
        let Some(log) = app.import_undo.get_untracked() else {
            return;
        };
        match import::undo(&log) {
            Ok(kept) => {
                app.import_undo.set(None);
                let mut m = format!("Cofnięto import pliku „{}”.", log.file_name);
                if !kept.is_empty() {
                    m.push_str(&format!(
                        " Zachowano raporty zmienione po imporcie: {}.",
                        kept.join(", ")
                    ));
                }
                notice.set(Some(m));
            }
            Err(e) => error.set(Some(format!(
                "Nie cofnięto importu: {} {}",
                e.title(),
                e.advice()
            ))),
        }
        app.touch_stored();
        focus_later(vec![INPUT_ID.into()]);
    };

    view! {
        <div
            class="drop-zone"
            class:drag-over=move || over.get()
            role="group"
            aria-labelledby="drop-title"
            data-testid="drop-zone"
            on:dragenter=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <p id="drop-title" class="drop-title">"Import pliku"</p>
            <p id="drop-hint" class="hint">
                "Upuść tutaj plik raportu (JSON), kopię wszystkich raportów, raport zapisany jako HTML, prośbę o sprawozdanie albo sprawozdania realizatorów — albo wybierz plik. Przed zapisaniem zobaczysz, co się zmieni; import można cofnąć."
            </p>
            <span class="file-button">
                <label for=INPUT_ID>"Importuj plik JSON"</label>
                <input
                    id=INPUT_ID
                    type="file"
                    multiple
                    accept=".json,.html,.htm,application/json,text/html"
                    aria-describedby="drop-hint"
                    on:change=on_change
                />
            </span>
        </div>
        <p
            class="field-error"
            role="alert"
            data-testid="import-error"
            hidden=move || error.with(Option::is_none)
        >
            {move || error.get().unwrap_or_default()}
        </p>
        <div role="status" class="undo-bar" data-testid="import-status">
            {move || match app.import_undo.get() {
                Some(log) => {
                    view! {
                        <p>
                            {imported_message(&log)} " "
                            <button type="button" id="undo-import" on:click=undo>
                                "Cofnij import"
                            </button>
                        </p>
                    }
                        .into_any()
                }
                None => notice.get().map(|m| view! { <p>{m}</p> }).into_any(),
            }}
        </div>
        {move || {
            plan.get()
                .map(|p| {
                    view! {
                        <PreviewDialog
                            plan=p
                            on_confirm=Callback::new(move |_| confirm())
                            on_cancel=Callback::new(move |_| cancel())
                        />
                    }
                })
        }}
    }
}

/// "Zaimportowano 2 raporty z pliku „kopia.json” (zastąpiono: 1; ...)."
fn imported_message(log: &import::ImportUndo) -> String {
    let replaced = log.replaced.len();
    format!(
        "Zaimportowano {} z pliku „{}”{}.",
        plural(log.written.len(), "raport", "raporty", "raportów"),
        log.file_name,
        if replaced > 0 {
            format!(" (zastąpiono: {replaced}; poprzednią wersję przywróci „Cofnij import”)")
        } else {
            String::new()
        }
    ) + &dropped_message(log.dropped_backups)
}

/// What the user is told when old backups made room for a write (empty when none did).
pub fn dropped_message(dropped: usize) -> String {
    if dropped == 0 {
        return String::new();
    }
    format!(
        " Pamięć przeglądarki była pełna: usunięto {} (najstarsze), aby zmieścić zapis.",
        plural(
            dropped,
            "kopię zapasową",
            "kopie zapasowe",
            "kopii zapasowych"
        )
    )
}

/// The modal preview of an import: each report of the file, its checks, and what it replaces.
#[component]
fn PreviewDialog(
    /// The read and checked file.
    plan: Plan,
    /// "Importuj".
    on_confirm: Callback<()>,
    /// "Anuluj" or Esc.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let n = plan.items.len();
    let replaced = plan.replaced();
    let summary = format!(
        "Plik „{}” zawiera {}{}. Nic jeszcze nie zapisano.",
        plan.file_name,
        plural(n, "raport", "raporty", "raportów"),
        if replaced > 0 {
            format!(
                "; {} zastąpi raport zapisany w tej przeglądarce (poprzednia wersja zostanie zachowana)",
                plural(replaced, "raport", "raporty", "raportów")
            )
        } else {
            String::new()
        }
    );
    let migration = crate::app::bridge::migration_note(plan.read_version);
    let described_by = if migration.is_some() {
        "import-preview-summary import-migration"
    } else {
        "import-preview-summary"
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            on_cancel.run(());
        }
        // Keep Tab inside the dialog (aria-modal): its only controls are the two buttons.
        "Tab" => {
            let active = active_id();
            if !ev.shift_key() && active == CANCEL_ID {
                ev.prevent_default();
                focus_id(CONFIRM_ID);
            } else if ev.shift_key() && (active == CONFIRM_ID || active == TITLE_ID) {
                ev.prevent_default();
                focus_id(CANCEL_ID);
            }
        }
        _ => {}
    };
    view! {
        <div class="modal-backdrop">
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby=TITLE_ID
                aria-describedby=described_by
                on:keydown=on_key
            >
                <h2 id=TITLE_ID tabindex="-1">"Podgląd importu"</h2>
                <p id="import-preview-summary">{summary}</p>
                {migration.map(|m| view! { <p class="info" id="import-migration" data-testid="import-migration">{m}</p> })}
                <ul class="plain import-items">
                    {plan.items.into_iter().map(item_view).collect_view()}
                </ul>
                <div class="button-row">
                    <button
                        type="button"
                        class="primary"
                        id=CONFIRM_ID
                        on:click=move |_| on_confirm.run(())
                    >
                        "Importuj"
                    </button>
                    <button type="button" id=CANCEL_ID on:click=move |_| on_cancel.run(())>
                        "Anuluj"
                    </button>
                </div>
            </div>
        </div>
    }
}

fn item_view(item: Incoming) -> impl IntoView {
    let r = &item.report;
    let title = import::label(r);
    let checks = if !item.checked {
        "nie sprawdzono: ta część aplikacji nie dotarła (sprawdź połączenie z internetem); raport zostanie sprawdzony po otwarciu".to_string()
    } else if item.errors == 0 && item.warnings == 0 {
        "bez błędów i ostrzeżeń".to_string()
    } else {
        format!(
            "{}, {}",
            plural(item.errors, "błąd", "błędy", "błędów"),
            plural(item.warnings, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń")
        )
    };
    let change = match &item.change {
        Change::New if r.workspace.is_some() => view! {
            <p class="import-effect">"Nowe sprawozdanie w tej przeglądarce: uzupełnisz w nim swoje działania i zapiszesz plik dla gminy."</p>
        }
        .into_any(),
        Change::New => view! { <p class="import-effect">"Nowy raport w tej przeglądarce."</p> }
            .into_any(),
        Change::Replaces { saved_at, label } => {
            let when = if *saved_at > 0.0 {
                format_time(*saved_at, true)
            } else {
                "nieznana".into()
            };
            view! {
                <p class="import-effect import-replaces">
                    <strong>"Zastąpi"</strong>
                    " raport „" {label.clone()} "” zapisany w tej przeglądarce (ostatnia zmiana: "
                    {when}
                    "). Poprzednią wersję przywróci „Cofnij import”."
                </p>
            }
            .into_any()
        }
        Change::BesideUnreadable { old_id } => view! {
            <p class="import-effect">
                "W tej przeglądarce jest nieczytelny wpis o tym samym identyfikatorze (" {old_id.clone()}
                "); zostanie zachowany bez zmian, a raport z pliku zapisany jako nowy."
            </p>
        }
        .into_any(),
    };
    let has_findings = !item.first.is_empty();
    let first = item
        .first
        .iter()
        .map(|(s, m)| {
            let kind = if *s == Severity::Error {
                "Błąd"
            } else {
                "Ostrzeżenie"
            };
            view! { <li>{kind} ": " {m.clone()}</li> }
        })
        .collect_view();
    view! {
        <li class="import-item">
            <h3>{title}</h3>
            <dl class="import-facts">
                <dt>"Gmina"</dt>
                <dd>{crate::app::screens::start::display_name(r)}</dd>
                <dt>"Rok"</dt>
                <dd>{r.year}</dd>
                <dt>"Rodzaj programu"</dt>
                <dd>{r.program.regime.label()}</dd>
                <dt>"Działania"</dt>
                <dd>{r.activities.len()}</dd>
                <dt>"Partnerzy"</dt>
                <dd>{r.partners.len()}</dd>
                <dt>"Pozycje budżetu"</dt>
                <dd>{r.budget.lines.len()}</dd>
                <dt>"Sprawdzenie"</dt>
                <dd>{checks}</dd>
            </dl>
            {has_findings.then(|| view! { <ul class="import-findings">{first}</ul> })}
            {change}
        </li>
    }
}
