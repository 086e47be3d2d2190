//! Addresses: the list (`#/`), a report open at a section (`#/raport/<id>/<sekcja>`) and the help
//! page (`#/pomoc`), kept in the URL's fragment.
//!
//! Why the fragment: a static host (GitHub Pages, a BIP server) serves only files, so an address
//! in the path (`/demo/raport/raport/r1`) would be a 404 on reload without a server rewrite. The
//! fragment never reaches the server: the same `index.html` answers at any sub-path, and a reload
//! or a shared link lands on the same screen. `leptos_router` 0.8 follows the path only (its
//! `Router` always uses the History API over `location.pathname`), so this small router drives
//! the existing screen signal instead.
//!
//! Invariants:
//! - State leads, the address follows: in-app navigation only changes the state (screen, open
//!   report, section); one effect writes the matching address as a new history entry, so Back and
//!   Forward step through the list, the reports and their sections.
//! - The address leads on Back/Forward, a followed or typed link and the first load: it is parsed
//!   and applied; applying an address the state already shows does nothing, and an address that
//!   applies differently (no section, an unknown one) is replaced in place, never pushed.
//! - Leaving a report flushes its pending save first (`Editor::close`).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::paths::SectionKey;
use super::state::{focus_later, AppState, Editor, Screen};
use super::storage::{StorageError, Store};
use crate::domain::model::{Report, TaskId};

/// A parsed address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/` (or no fragment): the reports stored in this browser.
    List,
    /// `#/raport/<id>[/<sekcja>]`: a report, at a section given by its slug.
    Report { id: String, section: Option<String> },
    /// `#/pomoc`.
    Help,
}

/// The address slug of a section (Polish words, stable: links to sections are shared).
pub fn section_slug(key: &SectionKey) -> String {
    match key {
        SectionKey::Program => "program".into(),
        SectionKey::Budget => "budzet".into(),
        SectionKey::Task(t) => format!("zadanie-{}", t.as_str()),
        SectionKey::Goals => "cele".into(),
        SectionKey::Gkrpa => "komisja".into(),
        SectionKey::ConsultationPoints => "punkty-konsultacyjne".into(),
        SectionKey::Partners => "partnerzy".into(),
        SectionKey::Context => "dane-kontekstowe".into(),
        SectionKey::Conclusions => "wnioski".into(),
        SectionKey::Comparison => "porownanie".into(),
        SectionKey::Summary => "podsumowanie".into(),
        SectionKey::Kcpu => "dane-kcpu".into(),
        SectionKey::Check => "sprawdzenie".into(),
        SectionKey::Export => "eksport".into(),
        SectionKey::Gathering => "sprawozdania-realizatorow".into(),
        SectionKey::Contribution => "sprawozdanie-dla-gminy".into(),
    }
}

/// The section a slug names, if any (whether the report has it is decided by the caller).
pub fn section_from_slug(slug: &str) -> Option<SectionKey> {
    Some(match slug {
        "program" => SectionKey::Program,
        "budzet" => SectionKey::Budget,
        "cele" => SectionKey::Goals,
        "komisja" => SectionKey::Gkrpa,
        "punkty-konsultacyjne" => SectionKey::ConsultationPoints,
        "partnerzy" => SectionKey::Partners,
        "dane-kontekstowe" => SectionKey::Context,
        "wnioski" => SectionKey::Conclusions,
        "porownanie" => SectionKey::Comparison,
        "podsumowanie" => SectionKey::Summary,
        "dane-kcpu" => SectionKey::Kcpu,
        "sprawdzenie" => SectionKey::Check,
        "eksport" => SectionKey::Export,
        "sprawozdania-realizatorow" => SectionKey::Gathering,
        "sprawozdanie-dla-gminy" => SectionKey::Contribution,
        other => SectionKey::Task(TaskId::new(other.strip_prefix("zadanie-")?)),
    })
}

/// The section a slug names if this report shows it; otherwise its first section.
pub fn resolve_section(report: &Report, slug: Option<&str>) -> SectionKey {
    let sections = super::screens::editor::sections_of(report);
    slug.and_then(section_from_slug)
        .filter(|k| sections.contains(k))
        .or_else(|| sections.into_iter().next())
        .unwrap_or(SectionKey::Program)
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| s.to_string())
}

fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// Parses a fragment (`#/raport/r1/budzet`, with or without `#`). `None` for a fragment that is
/// not an address of this app (e.g. `#tresc` of the skip link).
pub fn parse(fragment: &str) -> Option<Route> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    if f.is_empty() {
        return Some(Route::List);
    }
    let f = f.strip_prefix('/')?;
    let parts: Vec<&str> = f.split('/').filter(|p| !p.is_empty()).collect();
    Some(match parts.as_slice() {
        [] => Route::List,
        ["pomoc"] => Route::Help,
        ["raport", id] => Route::Report {
            id: decode(id),
            section: None,
        },
        ["raport", id, section, ..] => Route::Report {
            id: decode(id),
            section: Some(decode(section)),
        },
        _ => Route::List,
    })
}

/// The fragment of an address.
pub fn fragment(route: &Route) -> String {
    match route {
        Route::List => "#/".into(),
        Route::Help => "#/pomoc".into(),
        Route::Report { id, section } => match section {
            Some(s) => format!("#/raport/{}/{}", encode(id), encode(s)),
            None => format!("#/raport/{}", encode(id)),
        },
    }
}

/// The address of what the app shows now (tracked: the sync effect re-runs on every change).
fn current(app: AppState, editor: Editor) -> Route {
    match app.screen.get() {
        Screen::Start => Route::List,
        Screen::Help => Route::Help,
        Screen::Editor => match editor.open_id.get() {
            Some(id) => Route::Report {
                id,
                section: Some(section_slug(&editor.section.get())),
            },
            None => Route::List,
        },
        Screen::Missing { id, section, .. } => Route::Report { id, section },
    }
}

fn location_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn write_address(route: &Route, replace: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let url = fragment(route);
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Applies an address to the state. Returns whether the screen or the open report changed.
pub fn apply(route: &Route, app: AppState, editor: Editor) -> bool {
    let screen = app.screen.get_untracked();
    let leave_editor = || {
        if editor.open_id.get_untracked().is_some() {
            editor.close();
        }
    };
    match route {
        Route::List => {
            if screen == Screen::Start {
                return false;
            }
            leave_editor();
            app.screen.set(Screen::Start);
            app.touch_stored();
            true
        }
        Route::Help => {
            if screen == Screen::Help {
                return false;
            }
            leave_editor();
            app.screen.set(Screen::Help);
            true
        }
        Route::Report { id, section } => {
            let open_here =
                screen == Screen::Editor && editor.open_id.get_untracked().as_ref() == Some(id);
            if open_here {
                let key = editor
                    .head
                    .with_untracked(|r| resolve_section(r, section.as_deref()));
                if editor.section.get_untracked() != key {
                    editor.section.set(key);
                }
                return false;
            }
            if let Screen::Missing { id: shown, .. } = &screen {
                if shown == id {
                    return false;
                }
            }
            leave_editor();
            match Store::open().and_then(|s| s.open_entry(id)) {
                Ok(opened) => {
                    let key = resolve_section(&opened.report, section.as_deref());
                    editor.open_stored(opened);
                    editor.section.set(key);
                    app.screen.set(Screen::Editor);
                }
                Err(e) => {
                    let stored = Store::open().map(|s| s.exists(id)).unwrap_or(false);
                    // Stored but unreadable, or no storage at all: say why. Not stored: the
                    // screen says the report is not in this browser.
                    let problem = (stored || matches!(e, StorageError::Unavailable(_)))
                        .then(|| format!("{} {}", e.title(), e.advice()));
                    app.screen.set(Screen::Missing {
                        id: id.clone(),
                        section: section.clone(),
                        problem,
                    });
                }
            }
            true
        }
    }
}

/// Applies the address in the location bar (first load, Back/Forward, a followed link), then
/// rewrites it in place if the state shows it differently (a missing or unknown section).
fn follow_location(app: AppState, editor: Editor, move_focus: bool) {
    let Some(route) = parse(&location_fragment()) else {
        return;
    };
    let before = (app.screen.get_untracked(), editor.section.get_untracked());
    let changed = apply(&route, app, editor);
    let now = untrack(|| current(app, editor));
    let shown = location_fragment();
    // An empty fragment is the list as it is: the first visit keeps its clean address.
    if now != route || (!shown.is_empty() && fragment(&now) != shown) {
        write_address(&now, true);
    }
    if move_focus {
        let section_changed = before.1 != editor.section.get_untracked();
        let target = match app.screen.get_untracked() {
            Screen::Start => Some("start-title"),
            Screen::Help => Some("help-title"),
            Screen::Missing { .. } => Some("missing-title"),
            Screen::Editor if changed || before.0 != Screen::Editor => Some("editor-title"),
            Screen::Editor if section_changed => Some("section-title"),
            Screen::Editor => None,
        };
        if let Some(t) = target {
            focus_later(vec![t.into()]);
        }
    }
}

/// Starts the router: applies the address the app was opened at, follows Back/Forward and
/// links, and writes an address for every change of screen, report or section.
pub fn start(app: AppState, editor: Editor) {
    follow_location(app, editor, false);

    // Back/Forward fire `popstate` (and `hashchange` when the fragment differs); a followed or
    // typed link fires `hashchange`. Applying twice is harmless: the second call finds the
    // state already there.
    let on_nav = Closure::<dyn Fn()>::new(move || follow_location(app, editor, true));
    if let Some(w) = web_sys::window() {
        let f = on_nav.as_ref().unchecked_ref();
        let _ = w.add_event_listener_with_callback("popstate", f);
        let _ = w.add_event_listener_with_callback("hashchange", f);
    }
    on_nav.forget();

    Effect::new(move |_| {
        let route = current(app, editor);
        if let (
            Screen::Editor,
            Route::Report {
                id,
                section: Some(slug),
            },
        ) = (app.screen.get_untracked(), &route)
        {
            remember_section(id, slug);
        }
        if parse(&location_fragment()).as_ref() != Some(&route) {
            write_address(&route, false);
        }
    });
}

fn last_section_key(id: &str) -> String {
    format!("{}ui/section/{id}", super::storage::NS)
}

/// Remembers the section a report was last shown at, so that opening it again from the list
/// lands where the user left off (a failed write only means it opens at its first section).
fn remember_section(id: &str, slug: &str) {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let key = last_section_key(id);
    if s.get_item(&key).ok().flatten().as_deref() != Some(slug) {
        let _ = s.set_item(&key, slug);
    }
}

/// The section a report was last shown at, if this report still shows it; else its first.
pub fn last_section(report: &Report) -> SectionKey {
    let slug = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| {
            s.get_item(&last_section_key(report.id.as_str()))
                .ok()
                .flatten()
        });
    resolve_section(report, slug.as_deref())
}
