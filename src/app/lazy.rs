//! The parts of the app fetched when first used: the report editor and Pomoc.
//!
//! The start screen (the list of reports, import, a new report) needs about half of the app's
//! code; the editor (every section's form, the checks' views, the print, the DOCX, the
//! gathering of the realizers' reports) and the help page are the other half. With the `split`
//! feature (the app's build, `.ci/wasm-app.mjs`) each is a split point: `wasm-split-cli` moves
//! the code only it reaches into a module of its own, which `__wasm_split.js` fetches and
//! instantiates the first time the part is opened. The start module asks for the editor's
//! module in the background once it has mounted ([`preload`]), so opening a report seldom
//! waits; the service worker keeps every module for offline use.
//!
//! Without the feature (the wasm-bindgen tests, `cargo build`) the same functions build the
//! views directly: one module, the same app.
//!
//! A module that cannot be fetched (offline before the service worker had stored it, a host
//! that lost the file) is not the end of the app: the screen says what happened, that nothing
//! stored was touched, and offers "Spróbuj ponownie"; a failed fetch is not remembered, so a
//! retry fetches again.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use super::screens;
use crate::domain::model::Report;
use crate::domain::rules::Finding;

/// A part of the app that may come in a module of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Editor,
    Help,
}

impl Part {
    /// What the loading state and the failure message call it.
    fn name(self) -> &'static str {
        match self {
            Part::Editor => "edytora raportu",
            Part::Help => "strony pomocy",
        }
    }
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    editor,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_editor)
)]
fn editor() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <screens::editor::EditorScreen /> }.into_any())
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(help, wasm_split_path = ::leptos::wasm_split, fallible)]
fn help() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <screens::help::HelpScreen /> }.into_any())
}

#[cfg(not(feature = "split"))]
async fn editor() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <screens::editor::EditorScreen /> }.into_any())
}

#[cfg(not(feature = "split"))]
async fn help() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <screens::help::HelpScreen /> }.into_any())
}

// The checks live in the editor's module: the start screen (the list's error counts, the import
// preview) asks for them through here.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(editor, wasm_split_path = ::leptos::wasm_split, fallible)]
fn checks(report: &Report) -> Result<Vec<Finding>, SplitLoaderError> {
    Ok(crate::domain::rules::validate(report))
}

#[cfg(not(feature = "split"))]
async fn checks(report: &Report) -> Result<Vec<Finding>, SplitLoaderError> {
    Ok(crate::domain::rules::validate(report))
}

/// The whole-report checks of `report` (errors and warnings with their Polish messages) that
/// its author answers for — in a realizer's workspace only those about the realizer's
/// activities — or `None` when the editor's module, which holds them, cannot be fetched.
pub async fn findings(report: &Report) -> Option<Vec<Finding>> {
    let mut found = checks(report).await.ok()?;
    if report.workspace.is_some() {
        found.retain(|f| crate::domain::gather::realizers_finding(&f.path));
    }
    Some(found)
}

/// Starts fetching the editor's module, so that opening a report does not wait for it. Called
/// once the start screen is up; a failure here is silent (opening a report tries again and
/// says so if it fails then).
pub fn preload() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = preload_editor().await;
    });
}

/// The view of `part`: built at once when its module is here, else once it has arrived (the
/// screen shows that it is loading meanwhile), else a message with a retry.
pub fn view(part: Part) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let loading = format!("Wczytywanie {}…", part.name());
    view! {
        <Suspense fallback=move || {
            view! { <p class="part-status" role="status">{loading.clone()}</p> }
        }>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    let built = match part {
                        Part::Editor => editor().await,
                        Part::Help => help().await,
                    };
                    built.unwrap_or_else(|_| failed(part, attempt).into_any())
                })
            }}
        </Suspense>
    }
}

fn failed(part: Part, attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="banner banner-error" role="alert" data-testid="part-failed">
            <p class="banner-title">{format!("Nie udało się wczytać {}.", part.name())}</p>
            <p>
                "Ta część aplikacji jeszcze nie dotarła do przeglądarki: sprawdź połączenie z internetem i spróbuj ponownie. "
                "Raporty zapisane w tej przeglądarce są bezpieczne: nic nie zostało zmienione ani usunięte."
            </p>
            <button type="button" class="primary" on:click=move |_| attempt.update(|n| *n += 1)>
                "Spróbuj ponownie"
            </button>
        </div>
    }
}
