//! Section "Eksport": download of the report as JSON (the file to keep for next year), the time
//! of the last export, and the rolling backups kept in this browser with their restore.

use leptos::prelude::*;

use super::SectionFrame;
use crate::app::bridge;
use crate::app::state::{file_name, format_time, Editor};
use crate::app::storage::{self, Store};

/// The section.
#[component]
pub fn ExportSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let message = RwSignal::new(None::<String>);
    let refresh = RwSignal::new(0u32);
    let backups = move || {
        refresh.track();
        ed.last_saved.track();
        let id = ed.open_id.get().unwrap_or_default();
        Store::open().map(|s| s.backups(&id)).unwrap_or_default()
    };
    view! {
        <SectionFrame
            title="Eksport"
            intro="Pobierz raport jako plik JSON i przechowuj go poza przeglądarką: przyda się w przyszłym roku i chroni przed utratą danych."
        >
            <p>
                <button type="button" class="primary" on:click=move |_| ed.download_json()>
                    "Pobierz JSON"
                </button>
            </p>
            <p data-testid="last-export">
                {move || match ed.exported_at.get() {
                    Some(t) => format!("Ostatnio pobrano kopię JSON: {}", format_time(t, true)),
                    None => "Nie pobrano jeszcze kopii JSON tego raportu.".to_string(),
                }}
            </p>
            <p>
                <button
                    type="button"
                    on:click=move |_| {
                        let report = ed.snapshot_untracked();
                        let name = file_name(&report).replace(".json", ".html");
                        let html = bridge::printable_html(&report);
                        if let Err(e) = storage::download(&name, &html, "text/html") {
                            message.set(Some(format!("Nie udało się pobrać pliku: {e}")));
                        }
                    }
                >
                    "Pobierz wersję do druku (HTML)"
                </button>
            </p>
            <p class="hint">
                "Plik HTML otwórz w przeglądarce i wydrukuj lub zapisz jako PDF; zawiera też dane raportu, więc można go później zaimportować."
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
                            let text = b.text.clone();
                            let label = format!("Kopia z {when}");
                            view! {
                                <li>
                                    <span>{label}</span>
                                    " "
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            match ed.restore_backup(&text) {
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
