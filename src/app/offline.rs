//! Offline use and updates: registers the service worker (`sw.js`, generated after each build
//! with the list of the build's files; see `.ci/precache.mjs`) and tells the user when a new
//! deployment is waiting.
//!
//! Invariants:
//! - The worker is registered by a relative URL, so it lives in the app's own directory and its
//!   scope is the sub-path the app is served at (`/demo/raport/` controls only that).
//! - A new version never takes over by itself: it waits until the user clicks "Odśwież"; the
//!   editor's pending save is flushed first, and if it could not be saved the page is not
//!   reloaded (the user is told to download a copy).
//! - No worker (an old browser, plain http, a test page without `sw.js`) means the app simply
//!   works online only; nothing is logged as an error.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use super::state::Editor;
use super::storage::StorageError;

/// The worker's file, next to `index.html`.
const WORKER_URL: &str = "./sw.js";
/// What the page sends a waiting worker to make it take over (the worker listens for it).
const SKIP_WAITING: &str = "skip-waiting";
/// If the new worker has not taken over this long after the click, reload anyway: the user asked.
const TAKEOVER_WAIT_MS: u64 = 3000;

/// The update prompt's state (context).
#[derive(Clone, Copy)]
pub struct Updates {
    /// A new version is installed and waiting for the user's click.
    pub available: RwSignal<bool>,
    /// Why the click did not reload (unsaved changes).
    pub problem: RwSignal<Option<String>>,
    /// Set only by the user's click: the one case in which a takeover reloads the page.
    reload_requested: StoredValue<bool>,
}

impl Default for Updates {
    fn default() -> Self {
        Self::new()
    }
}

fn container() -> Option<ServiceWorkerContainer> {
    let nav = web_sys::window()?.navigator();
    // Absent outside secure contexts (plain http other than localhost) and in old browsers.
    js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker"))
        .ok()?
        .then(|| nav.service_worker())
}

fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

impl Updates {
    pub fn new() -> Self {
        Updates {
            available: RwSignal::new(false),
            problem: RwSignal::new(None),
            reload_requested: StoredValue::new(false),
        }
    }

    /// Registers the worker and watches for a new version.
    pub fn register(self) {
        let Some(c) = container() else {
            return;
        };
        let on_takeover = Closure::<dyn Fn()>::new(move || {
            if self.reload_requested.get_value() {
                reload();
            }
        });
        c.set_oncontrollerchange(Some(on_takeover.as_ref().unchecked_ref()));
        on_takeover.forget();
        leptos::task::spawn_local(async move {
            // A failed registration (no sw.js here, storage refused) leaves the app online-only.
            let Ok(reg) = JsFuture::from(c.register(WORKER_URL)).await else {
                return;
            };
            let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            self.watch(reg);
        });
    }

    fn watch(self, reg: ServiceWorkerRegistration) {
        // A version that finished installing before this page started (a second tab, or the
        // page reloaded without the user's click) is waiting already.
        if reg.waiting().is_some() && controlled() {
            self.available.set(true);
        }
        let found_reg = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = found_reg.installing() else {
                return;
            };
            let w = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // Installed while a worker controls this page: an update, not the first visit.
                if w.state() == ServiceWorkerState::Installed && controlled() {
                    self.available.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();

        // Browsers look for a new worker on navigation; a tab left open for days asks again
        // whenever it is shown. Offline the check fails quietly.
        let on_visible = Closure::<dyn Fn()>::new(move || {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .map(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
                .unwrap_or(false);
            if !visible {
                return;
            }
            if let Ok(p) = reg.update() {
                leptos::task::spawn_local(async move {
                    let _ = JsFuture::from(p).await;
                });
            }
        });
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            let _ = d.add_event_listener_with_callback(
                "visibilitychange",
                on_visible.as_ref().unchecked_ref(),
            );
        }
        on_visible.forget();
    }

    /// The user's click on "Odśwież": save what is pending, then let the new version take over
    /// and reload. Refuses (and says so) when the open report could not be saved.
    pub fn refresh(self, editor: Editor) {
        editor.flush();
        let unsaved = editor.open_id.get_untracked().is_some()
            && editor.save_error.with_untracked(|e| {
                e.as_ref()
                    .is_some_and(|e| !matches!(e, StorageError::BackupFailed(_)))
            });
        if unsaved {
            self.problem.set(Some(
                "Ostatnich zmian nie zapisano, więc strony nie odświeżono. Pobierz kopię JSON raportu (przycisk w edytorze), potem odśwież."
                    .into(),
            ));
            return;
        }
        self.problem.set(None);
        self.reload_requested.set_value(true);
        leptos::task::spawn_local(async move {
            let waiting = match container() {
                Some(c) => JsFuture::from(c.get_registration())
                    .await
                    .ok()
                    .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
                    .and_then(|r| r.waiting()),
                None => None,
            };
            match waiting {
                Some(w) => {
                    let _ = w.post_message(&JsValue::from_str(SKIP_WAITING));
                    set_timeout(reload, std::time::Duration::from_millis(TAKEOVER_WAIT_MS));
                }
                None => reload(),
            }
        });
    }
}
