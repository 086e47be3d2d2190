//! The screen for an address that names a report this browser cannot open: not stored here
//! (a link from another computer, cleared browser data) or stored but unreadable.

use leptos::prelude::*;

/// The screen.
#[component]
pub fn MissingScreen(
    /// The report id from the address.
    id: String,
    /// Why a stored report could not be opened; `None` when it is not stored here.
    problem: Option<String>,
) -> impl IntoView {
    let (title, text) = match problem {
        None => (
            "Tego raportu nie ma w tej przeglądarce".to_string(),
            format!(
                "Adres wskazuje raport „{id}”, ale w tej przeglądarce nie ma takiego raportu. Raporty są przechowywane tylko w przeglądarce, w której je utworzono: jeśli masz jego plik JSON, zaimportuj go na liście raportów."
            ),
        ),
        Some(p) => (
            "Nie udało się otworzyć raportu".to_string(),
            format!("Raport „{id}” jest zapisany w tej przeglądarce, ale nie da się go otworzyć. {p}"),
        ),
    };
    view! {
        <h1 id="missing-title" tabindex="-1">{title}</h1>
        <p data-testid="missing-report">{text}</p>
        <p><a href="#/">"Przejdź do listy raportów"</a></p>
    }
}
