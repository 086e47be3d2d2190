//! The browser app: a thin Leptos shell over the domain core. It binds forms and browser storage
//! to `crate::domain`; no rule, format or legal text is decided here.

use leptos::prelude::*;

use crate::APP_VERSION;

/// Mounts the app into `<body>`; called from `main` in the wasm build.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The application shell: header, navigation and the main region the screens fill.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <a class="skip-link" href="#tresc">"Przejdź do treści"</a>
        <header class="app-header">
            <p class="app-title">"Raport GP"</p>
            <p class="app-subtitle">
                "Roczny raport z realizacji gminnego programu przeciwdziałania uzależnieniom"
            </p>
            <p class="app-version" data-testid="app-version">
                "wersja " {APP_VERSION}
            </p>
        </header>
        <nav class="app-nav" aria-label="Nawigacja główna">
            <ul>
                <li>
                    <a href="#tresc" aria-current="page">
                        "Raporty"
                    </a>
                </li>
            </ul>
        </nav>
        <main id="tresc" class="app-main" tabindex="-1">
            <h1>"Raporty w tej przeglądarce"</h1>
            <p>"Tu pojawi się lista raportów zapisanych w tej przeglądarce."</p>
        </main>
    }
}
