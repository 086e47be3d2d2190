//! Section "Dane do ankiety KCPU": the figures the yearly KCPU questionnaire asks for, computed
//! by `domain::kcpu` from the report — each with its value ("brak danych" rather than a guess),
//! how it is computed, the entries it came from and those that still lack a value — under the
//! notice that the list is provisional. "Kopiuj wszystko" puts the text on the clipboard (or,
//! when the browser refuses, shows it in a field to copy by hand); "Pobierz CSV" downloads the
//! table.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::SectionFrame;
use crate::app::files;
use crate::app::state::{focus_later, Editor};
use crate::app::storage;
use crate::domain::kcpu::{self, KcpuFigure};
use crate::domain::model::Report;
use crate::domain::rules::text;
use rust_decimal::Decimal;

const FALLBACK_ID: &str = "kcpu-copy-text";

/// Figures in groups, in the list's order: (group label, figures).
fn grouped(figures: Vec<KcpuFigure>) -> Vec<(String, Vec<KcpuFigure>)> {
    let mut out: Vec<(String, Vec<KcpuFigure>)> = Vec::new();
    let mut group = String::new();
    for f in figures {
        if out.is_empty() || f.def.group != group {
            group = f.def.group.clone();
            out.push((kcpu::group_label(&group).to_string(), Vec::new()));
        }
        if let Some((_, list)) = out.last_mut() {
            list.push(f);
        }
    }
    out
}

/// Selects the fallback text once it is shown, so Ctrl+C copies it.
fn select_fallback() {
    request_animation_frame(|| {
        if let Some(t) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(FALLBACK_ID))
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            let _ = t.focus();
            t.select();
        }
    });
}

/// Where the KCPU list is published beside the app (copied there from `src/domain/kcpu.json`).
const LIST_URL: &str = "kcpu.json";

/// The section: its list of figures is fetched the first time it is opened (it is not in the
/// app's module; the service worker keeps it for offline use).
#[component]
pub fn KcpuSection() -> impl IntoView {
    let ready = RwSignal::new(kcpu::loaded());
    let problem = RwSignal::new(None::<String>);
    if !ready.get_untracked() {
        leptos::task::spawn_local(async move {
            match files::fetch_text(LIST_URL)
                .await
                .and_then(|t| kcpu::load(&t))
            {
                Ok(()) => {
                    let _ = ready.try_set(true);
                    // Navigation could not focus a heading that was not there yet.
                    let lost = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.active_element())
                        .is_none_or(|e| {
                            e.tag_name() == "BODY"
                                || e.closest(".section-nav").ok().flatten().is_some()
                        });
                    if lost {
                        focus_later(vec!["section-title".into()]);
                    }
                }
                Err(m) => {
                    let _ = problem.try_set(Some(format!(
                        "Nie wczytano listy pozycji ankiety KCPU: {m}."
                    )));
                }
            }
        });
    }
    move || {
        if ready.get() {
            view! { <KcpuFigures /> }.into_any()
        } else {
            view! {
                <section class="section">
                    <p role="status">{move || problem.get().unwrap_or_else(|| "Wczytywanie listy pozycji ankiety KCPU…".into())}</p>
                </section>
            }
            .into_any()
        }
    }
}

/// The figures, once the list is loaded.
#[component]
fn KcpuFigures() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let figures = Memo::new(move |_| kcpu::kcpu_figures(&ed.snapshot()));
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // The text to copy by hand, when the clipboard was refused.
    let fallback = RwSignal::new(None::<String>);
    let copy = move |_| {
        let text = kcpu::copy_all_text(&ed.snapshot_untracked());
        status.set(None);
        error.set(None);
        leptos::task::spawn_local(async move {
            match files::copy_to_clipboard(&text).await {
                Ok(()) => {
                    fallback.set(None);
                    status.set(Some("Skopiowano dane do schowka.".into()));
                }
                Err(()) => {
                    fallback.set(Some(text));
                    error.set(Some(
                        "Przeglądarka nie pozwoliła skopiować do schowka. Tekst jest zaznaczony w polu poniżej: skopiuj go skrótem Ctrl+C (na Macu Cmd+C).".into(),
                    ));
                    select_fallback();
                }
            }
        });
    };
    let download = move |_| {
        let report = ed.snapshot_untracked();
        let result = storage::download(
            &files::kcpu_file_name(&report),
            &kcpu::table_csv(&report),
            "text/csv;charset=utf-8",
        );
        match result {
            Ok(()) => {
                error.set(None);
                status.set(Some("Pobrano plik CSV z danymi do ankiety.".into()));
            }
            Err(e) => error.set(Some(format!("Nie udało się pobrać pliku CSV: {e}"))),
        }
    };
    view! {
        <SectionFrame
            title="Dane do ankiety KCPU"
            intro="Liczby, o które pyta coroczna ankieta Krajowego Centrum Przeciwdziałania Uzależnieniom, policzone z danych tego raportu. Przy każdej jest sposób obliczenia i wpisy, z których pochodzi."
        >
            <p class="info" data-testid="kcpu-notice">{kcpu::notice()}</p>
            <div class="button-row">
                <button type="button" class="primary" on:click=copy>"Kopiuj wszystko"</button>
                <button type="button" on:click=download>"Pobierz CSV"</button>
            </div>
            <p role="status" class="notice">{move || status.get().unwrap_or_default()}</p>
            <p class="field-error" role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
            {move || {
                fallback
                    .get()
                    .map(|text| {
                        view! {
                            <div class="field">
                                <label for=FALLBACK_ID>"Dane do skopiowania"</label>
                                <textarea id=FALLBACK_ID readonly rows="12" prop:value=text></textarea>
                                <div>
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            fallback.set(None);
                                            error.set(None);
                                            focus_later(vec!["section-title".into()]);
                                        }
                                    >
                                        "Zamknij pole"
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
            {move || {
                // The figures were computed from this very state (the memo tracks it).
                let report = ed.snapshot_untracked();
                grouped(figures.get())
                    .into_iter()
                    .map(|(label, list)| {
                        view! {
                            <div class="table-wrap">
                                <table class="data kcpu">
                                    <caption>{label}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">"Pozycja"</th>
                                            <th scope="col" class="num">"Wartość"</th>
                                            <th scope="col">"Szczegóły"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list.into_iter().map(|f| figure_row(&report, f)).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </SectionFrame>
    }
}

/// How many entries a figure's row names: a total over a city's thousand activities would
/// otherwise fill the screen; the CSV has them all.
const SOURCES_SHOWN: usize = 5;
/// The entries still without a value are what the user has to fill in: more of them are named.
const MISSING_SHOWN: usize = 40;

/// Entries in the report's own words, one per item: the first `shown` of them and how many
/// more.
fn entry_list(report: &Report, entries: &[String], shown: usize) -> impl IntoView {
    let more = (entries.len() > shown).then(|| {
        let more = Decimal::from(entries.len() - shown);
        view! { <li>{format!("i {} innych", text::number(more))}</li> }
    });
    let items = entries
        .iter()
        .take(shown)
        .map(|e| view! { <li>{kcpu::entry_label(report, e)}</li> })
        .collect_view();
    view! { <ul class="entry-list">{items}{more}</ul> }
}

/// One figure: label, value, how it is computed, its entries and those without a value.
fn figure_row(report: &Report, f: KcpuFigure) -> impl IntoView {
    let unit = match f.def.unit.trim() {
        "" | "zł" => String::new(),
        u => format!(" ({u})"),
    };
    // Entries still without a value are what the user has to fill in: counted in the row,
    // named with the rest behind "Jak obliczono".
    let missing_count = (!f.missing.is_empty()).then(|| {
        view! {
            <p class="note note-warning kcpu-missing">
                {format!(
                    "Brak wartości: {}",
                    crate::app::state::plural(f.missing.len(), "wpis", "wpisy", "wpisów")
                )}
            </p>
        }
    });
    let missing = (!f.missing.is_empty()).then(|| {
        view! {
            <div class="note note-warning">
                <p>"Brak wartości w:"</p>
                {entry_list(report, &f.missing, MISSING_SHOWN)}
            </div>
        }
    });
    let sources = if f.sources.is_empty() {
        view! { <p>"Z wpisów: —"</p> }.into_any()
    } else {
        view! { <p>"Z wpisów:"</p> {entry_list(report, &f.sources, SOURCES_SHOWN)} }.into_any()
    };
    view! {
        <tr data-kcpu-id=f.def.id.clone()>
            <th scope="row">{f.def.label.clone()} {unit}</th>
            <td class="num">{f.value_text()}</td>
            <td class="entries">
                {missing_count}
                <details>
                    <summary>"Jak obliczono"</summary>
                    <p class="kcpu-how">{f.def.how.clone()}</p>
                    {sources}
                    {missing}
                </details>
            </td>
        </tr>
    }
}
