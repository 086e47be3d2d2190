//! The first-visit welcome on the start screen: what the app is, that reports stay in this
//! browser, that clearing browser data deletes them. Shown until dismissed (by "Zamknij" or by
//! starting a report); the dismissal is remembered under the app's storage namespace.
//! Where storage is unavailable the welcome is not shown: it could not stay dismissed, and the
//! storage banner already explains what matters.

use leptos::prelude::*;

use crate::app::storage::NS;

fn key() -> String {
    format!("{NS}ui/welcome-dismissed")
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the welcome is still to be shown in this browser.
pub fn due() -> bool {
    local().is_some_and(|s| matches!(s.get_item(&key()), Ok(None)))
}

/// Remembers that the welcome was dismissed (a refused write only means it shows again).
pub fn dismiss() {
    if let Some(s) = local() {
        let _ = s.set_item(&key(), "1");
    }
}

/// The welcome. It offers no way to start of its own: "Nowy raport" and "Wczytaj przykład" are
/// right under it, once; starting a report either way dismisses it.
#[component]
pub fn Welcome() -> impl IntoView {
    let shown = RwSignal::new(due());
    let close = move || {
        dismiss();
        shown.set(false);
    };
    move || {
        shown.get().then(|| {
            view! {
                <section class="welcome" aria-labelledby="welcome-title" data-testid="welcome">
                    <h2 id="welcome-title">"Witaj w Raporcie GP"</h2>
                    <p>
                        "Raport GP pomaga gminie przygotować roczny raport z realizacji gminnego programu profilaktyki i rozwiązywania problemów alkoholowych oraz przeciwdziałania narkomanii — ze sprawdzeniem zgodności z ustawą, wydrukiem do PDF i plikiem na kolejny rok."
                    </p>
                    <p>
                        "Każdy raport zostaje wyłącznie w tej przeglądarce, na tym komputerze: nic nie jest nigdzie wysyłane."
                    </p>
                    <p>
                        "Wyczyszczenie danych przeglądarki usuwa raporty — dlatego regularnie eksportuj je do pliku JSON."
                    </p>
                    <div class="button-row">
                        <button
                            type="button"
                            class="link"
                            on:click=move |_| {
                                close();
                                crate::app::state::focus_later(vec!["start-title".into()]);
                            }
                        >
                            "Zamknij powitanie"
                        </button>
                    </div>
                </section>
            }
        })
    }
}
