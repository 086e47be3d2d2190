//! Section "Sprawdzenie": every finding of the checks, grouped by severity.

use leptos::prelude::*;

use super::SectionFrame;
use crate::app::screens::findings::FindingList;

/// The section.
#[component]
pub fn CheckSection() -> impl IntoView {
    // Asking for the check shows every finding, also beside fields not yet filled in.
    expect_context::<crate::app::state::Editor>()
        .quiet
        .set(false);
    view! {
        <SectionFrame
            title="Sprawdzenie"
            intro="Wszystkie uwagi do raportu. Kliknij uwagę, aby przejść do pola, którego dotyczy. Raport z błędami też jest zapisywany."
        >
            <FindingList limit=usize::MAX id_prefix="check" />
        </SectionFrame>
    }
}
