//! The browser app: a thin Leptos shell over the domain core. It binds forms and browser storage
//! to `crate::domain`; no rule, format or legal text is decided here.
//!
//! Invariants: the open report is saved on a debounce and flushed when the page is hidden or
//! closed; a storage failure always shows a persistent banner; another tab's newer save stops
//! this tab from writing (see `storage` and `state`).

pub mod bridge;
pub mod components;
pub mod defer;
pub mod durable;
pub mod files;
pub mod import;
pub mod lazy;
pub mod offline;
pub mod paths;
pub mod router;
pub mod screens;
pub mod state;
pub mod storage;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::APP_VERSION;
use offline::Updates;
use state::{AppState, Editor, Screen};

/// Mounts the app into `<body>`; called from `main` in the wasm build.
pub fn start() {
    console_error_panic_hook::set_once();
    // A save that a killed browser had not yet written to disk is put back before anything
    // reads storage (see `durable`).
    wasm_bindgen_futures::spawn_local(async {
        durable::recover().await;
        remove_first_paint();
        leptos::mount::mount_to_body(App);
        lazy::preload();
    });
}

/// Removes index.html's static first paint (`#boot`: the header and the loading state shown
/// while the wasm module downloads). Called in the task that mounts the app, so no frame shows
/// both: never two headers, two banners or a loading state next to the app.
fn remove_first_paint() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// The application shell: header, navigation and the main region the screens fill.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    let editor = Editor::new();
    let updates = Updates::new();
    provide_context(app);
    provide_context(editor);
    provide_context(updates);
    // The address in the location bar picks the screen (a reload or a link to a section lands
    // there); from now on every change of screen, report or section gets its own address.
    router::start(app, editor);
    updates.register();

    // Autosave: any change of the open report (re)starts the debounce. The activities are
    // followed in groups (`state::change_counters`: a keystroke re-runs one group's memo, not
    // a subscription to every activity); the snapshot, checks and the write run only when input
    // settles.
    let activity_changes = state::change_counters(editor.rows);
    Effect::new(move |_| {
        editor.head.track();
        // Read, not only tracked: a memo computes (and follows its activities) when read.
        activity_changes.with(|groups| groups.iter().for_each(|g| _ = g.get()));
        editor.schedule();
    });

    // Flush pending writes when the page is hidden or closed, so a closed tab loses nothing.
    let flush = Closure::<dyn Fn()>::new(move || editor.flush());
    if let Some(w) = web_sys::window() {
        let f = flush.as_ref().unchecked_ref();
        let _ = w.add_event_listener_with_callback("pagehide", f);
        if let Some(d) = w.document() {
            let on_visibility = Closure::<dyn Fn()>::new(move || {
                let hidden = web_sys::window()
                    .and_then(|w| w.document())
                    .map(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
                    .unwrap_or(false);
                if hidden {
                    editor.flush();
                }
            });
            let _ = d.add_event_listener_with_callback(
                "visibilitychange",
                on_visibility.as_ref().unchecked_ref(),
            );
            on_visibility.forget();
        }
    }
    flush.forget();

    // Another tab wrote: refresh the list; if it is the open report, this tab becomes stale.
    let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let Some(key) = ev.key() else {
            app.touch_stored();
            return;
        };
        if !key.starts_with(storage::NS) {
            return;
        }
        app.touch_stored();
        if let Some(id) = editor.open_id.get_untracked() {
            if key == storage::report_key(&id) && ev.new_value() != ev.old_value() {
                editor.stale.set(true);
                editor.save_error.set(Some(storage::StorageError::Conflict));
            }
        }
    });

    // The document title names the open report (WCAG 2.4.2: pages have titles that describe them).
    Effect::new(move |_| {
        let title = match app.screen.get() {
            Screen::Start => "Raport GP".to_string(),
            Screen::Help => "Pomoc — Raport GP".to_string(),
            Screen::Missing { .. } => "Nie znaleziono raportu — Raport GP".to_string(),
            Screen::Editor => editor
                .head
                .with(|r| format!("{} {} — Raport GP", screens::start::display_name(r), r.year)),
        };
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            if d.title() != title {
                d.set_title(&title);
            }
        }
    });

    // Ask the browser to keep our storage; the answer is shown in the footer.
    leptos::task::spawn_local(async move {
        app.persisted
            .set(Some(storage::request_persist().await.unwrap_or(false)));
    });

    // The skip link moves focus without touching the fragment, which holds the app's address.
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        state::focus_later(vec!["tresc".into()]);
    };
    let update_bar = move || {
        updates.available.get().then(|| {
            view! {
                <div class="update-bar" role="status" data-testid="update-banner">
                    <p>
                        <strong>"Dostępna nowa wersja — odśwież"</strong>
                        " stronę, aby z niej korzystać. Wpisane dane zostaną najpierw zapisane."
                    </p>
                    <button type="button" class="primary" on:click=move |_| updates.refresh(editor)>
                        "Odśwież"
                    </button>
                    {move || updates.problem.get().map(|p| view! { <p class="field-error">{p}</p> })}
                </div>
            }
        })
    };
    let on_list = move || matches!(app.screen.get(), Screen::Start);
    let on_help = move || matches!(app.screen.get(), Screen::Help);

    view! {
        <a class="skip-link" href="#tresc" on:click=skip>"Przejdź do treści"</a>
        <header class="app-header">
            <p class="app-title">"Raport GP"</p>
            <p class="app-subtitle">
                "Roczny raport z realizacji gminnego programu przeciwdziałania uzależnieniom"
            </p>
            <p class="app-version" data-testid="app-version">
                "wersja " {APP_VERSION} <span class="app-meta">" · format pliku w wersji " {bridge::SCHEMA_VERSION}</span>
            </p>
        </header>
        {update_bar}
        <nav class="app-nav" aria-label="Nawigacja główna">
            <ul>
                <li>
                    <a href="#/" aria-current=move || on_list().then_some("page")>
                        "Raporty"
                    </a>
                </li>
                <li>
                    <a href="#/pomoc" aria-current=move || on_help().then_some("page")>
                        "Pomoc"
                    </a>
                </li>
            </ul>
        </nav>
        <main id="tresc" class="app-main" tabindex="-1">
            {move || {
                app.unavailable
                    .get()
                    .map(|e| {
                        view! {
                            <div class="banner banner-error" role="alert">
                                <p class="banner-title">{e.title()}</p>
                                <p>{e.advice()}</p>
                            </div>
                        }
                    })
            }}
            {move || match app.screen.get() {
                Screen::Start => view! { <screens::start::StartScreen /> }.into_any(),
                Screen::Editor => lazy::view(lazy::Part::Editor).into_any(),
                Screen::Help => lazy::view(lazy::Part::Help).into_any(),
                Screen::Missing { id, problem, .. } => {
                    view! { <screens::missing::MissingScreen id problem /> }.into_any()
                }
            }}
        </main>
        <footer class="app-footer">
            <p data-testid="persist-status">
                {move || match app.persisted.get() {
                    Some(true) => "Przeglądarka zgodziła się trwale przechowywać dane tej strony.",
                    Some(false) => {
                        "Przeglądarka nie zgodziła się na trwałe przechowywanie: może usunąć dane przy braku miejsca. Regularnie pobieraj kopię JSON."
                    }
                    None => "Sprawdzanie trwałości pamięci przeglądarki…",
                }}
            </p>
        </footer>
    }
}
