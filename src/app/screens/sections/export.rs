//! Section "Eksport": the print preview (the domain's printable report in an iframe, with the
//! layout choice and "Drukuj"), downloads of the report as HTML, DOCX and JSON and of every report in
//! this browser, the time of the last export, and the rolling backups with their restore.
//! Every download that carries the report's data is recorded as an export (quiets the nudge).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{lens_enum, SectionFrame};
use crate::app::components::SelectField;
use crate::app::paths::dom_id;
use crate::app::state::{format_time, plural, Editor};
use crate::app::storage::Store;
use crate::app::{bridge, files};

const PREVIEW_ID: &str = "print-preview";

/// Prints the preview iframe's own document (its print stylesheet; none of the app chrome).
fn print_preview() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(PREVIEW_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok())
        .and_then(|f| f.content_window())
        .map(|w| w.print().is_ok())
        .unwrap_or(false)
}

/// The section.
#[component]
pub fn ExportSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let (layout, set_layout) = lens_enum!(h, layout);
    let message = RwSignal::new(None::<String>);
    let refresh = RwSignal::new(0u32);
    let show_preview = RwSignal::new(false);
    let print_on_load = StoredValue::new(false);
    let workspace = h.with_untracked(|r| r.workspace.is_some());
    let backups = move || {
        refresh.track();
        ed.last_saved.track();
        ed.backups_taken.track();
        let id = ed.open_id.get().unwrap_or_default();
        Store::open().map(|s| s.backups(&id)).unwrap_or_default()
    };
    // Rendered only while the preview is open; follows every change (e.g. the layout).
    let preview_html = Memo::new(move |_| {
        if !show_preview.get() {
            return None;
        }
        h.track();
        ed.rows.with(|rows| rows.iter().for_each(|r| r.sig.track()));
        Some(bridge::preview_html(&ed.snapshot_untracked()))
    });
    let report_result = move |what: &str, r: Result<(), String>| match r {
        Ok(()) => message.set(None),
        Err(e) => message.set(Some(format!("Nie udało się pobrać {what}: {e}"))),
    };
    let print = move |_| {
        if show_preview.get_untracked() && print_preview() {
            return;
        }
        // Not shown yet: show it, and print once the iframe has loaded its document.
        print_on_load.set_value(true);
        show_preview.set(true);
    };
    view! {
        <SectionFrame
            title="Eksport"
            intro="Wydrukuj raport lub zapisz go jako PDF, pobierz go jako stronę HTML albo plik JSON i przechowuj poza przeglądarką: plik JSON przyda się w przyszłym roku i chroni przed utratą danych."
        >
            // A realizer's workspace is printed by "Zapisz sprawozdanie dla gminy"; its copies and
            // backups are here.
            <div hidden=workspace>
            <h3>"Wydruk"</h3>
            <SelectField
                id=dom_id(&["layout"])
                label="Układ drukowanego raportu"
                hint="Działania w raporcie mogą być pogrupowane według celów programu albo według zadań ustawowych."
                options=vec![
                    ("by_goal".to_string(), "według celów programu (I–V)".to_string()),
                    ("by_task".to_string(), "według zadań ustawowych".to_string()),
                ]
                value=layout
                on_change=set_layout
            />
            <div class="button-row">
                <button
                    type="button"
                    aria-expanded=move || show_preview.get().to_string()
                    aria-controls="print-preview-area"
                    on:click=move |_| show_preview.update(|v| *v = !*v)
                >
                    "Podgląd wydruku"
                </button>
                <button type="button" on:click=print>
                    "Drukuj"
                </button>
                <button
                    type="button"
                    on:click=move |_| report_result("pliku HTML", ed.download_html())
                >
                    "Pobierz HTML"
                </button>
                <button
                    type="button"
                    on:click=move |_| report_result("pliku DOCX", ed.download_docx())
                >
                    "Pobierz DOCX"
                </button>
            </div>
            <p class="hint">
                "„Drukuj” otwiera okno drukowania przeglądarki: wybierz drukarkę albo „Zapisz jako PDF”. Pobrany plik HTML zawiera też dane raportu, więc można go później zaimportować. „Pobierz DOCX” daje dokument Word z tą samą treścią do dalszej edycji w urzędzie (np. na papierze firmowym)."
            </p>
            <div id="print-preview-area" hidden=move || !show_preview.get()>
                {move || {
                    preview_html
                        .get()
                        .map(|html| {
                            // No `sandbox`: the document's own CSP (`script-src 'none'`) keeps
                            // it script-free, and a sandboxed frame could not be printed from
                            // here or scanned by accessibility tools.
                            view! {
                                <iframe
                                    id=PREVIEW_ID
                                    class="print-preview"
                                    title="Podgląd wydruku raportu"
                                    srcdoc=html
                                    on:load=move |_| {
                                        if print_on_load.get_value() {
                                            print_on_load.set_value(false);
                                            print_preview();
                                        }
                                    }
                                ></iframe>
                            }
                        })
                }}
            </div>
            </div>
            <h3>"Pliki"</h3>
            <div class="button-row">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| report_result("pliku JSON", ed.download_json())
                >
                    "Eksportuj JSON"
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        ed.flush();
                        match files::export_all() {
                            Ok(n) => {
                                ed.record_export();
                                message.set(Some(format!(
                                    "Pobrano kopię: {} w jednym pliku.",
                                    plural(n, "raport", "raporty", "raportów")
                                )));
                            }
                            Err(e) => message.set(Some(format!("Nie udało się pobrać kopii: {e}"))),
                        }
                    }
                >
                    "Eksportuj wszystko"
                </button>
            </div>
            <p class="hint">
                "„Eksportuj JSON” pobiera ten raport; „Eksportuj wszystko” pobiera w jednym pliku wszystkie raporty zapisane w tej przeglądarce."
            </p>
            <p data-testid="last-export">
                {move || match ed.exported_at.get() {
                    Some(t) => format!("Ostatnio pobrano kopię JSON: {}", format_time(t, true)),
                    None => "Nie pobrano jeszcze kopii JSON tego raportu.".to_string(),
                }}
            </p>
            <h3>"Kopie zapasowe w tej przeglądarce"</h3>
            <p class="hint">
                "Aplikacja sama przechowuje kilka poprzednich wersji raportu. Przywrócenie zachowuje bieżącą wersję jako kolejną kopię."
            </p>
            <ul class="plain backups">
                {move || {
                    backups()
                        .into_iter()
                        .map(|b| {
                            let when = format_time(b.saved_at as f64, true);
                            let saved_at = b.saved_at;
                            let label = match b.version {
                                Some(v) if v < bridge::SCHEMA_VERSION => format!(
                                    "Kopia z {when} (zapisana przez poprzednią wersję aplikacji, format w wersji {v})"
                                ),
                                _ => format!("Kopia z {when}"),
                            };
                            view! {
                                <li>
                                    <span>{label}</span>
                                    " "
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            let id = ed.open_id.get_untracked().unwrap_or_default();
                                            let text = Store::open()
                                                .map_err(|e| e.title().to_string())
                                                .and_then(|s| s.backup_text(&id, saved_at));
                                            match text.and_then(|t| ed.restore_backup(&t)) {
                                                Ok(()) => {
                                                    message.set(Some(format!("Przywrócono kopię z {when}.")));
                                                    refresh.update(|n| *n += 1);
                                                }
                                                Err(e) => message.set(Some(format!("Nie przywrócono kopii: {e}"))),
                                            }
                                        }
                                    >
                                        "Przywróć"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p role="status">{move || message.get().unwrap_or_default()}</p>
        </SectionFrame>
    }
}
