//! Section "Wnioski": conclusions and recommendations for next year's program, the report's
//! presentation to the council (when, and what the council did), and the optional signature
//! block of the printed report.

use leptos::prelude::*;

use super::SectionFrame;
use super::{lens, lens_enum};
use crate::app::components::*;
use crate::app::paths::dom_id;
use crate::app::state::Editor;
use crate::domain::model::*;

/// Binds a field of the optional signature, creating it on first input.
fn sig_lens<T: Clone + Default + Send + Sync + 'static>(
    h: RwSignal<Report>,
    get: fn(&Signature) -> T,
    set: fn(&mut Signature, T),
) -> (Signal<T>, Callback<T>) {
    (
        Signal::derive(move || h.with(|r| r.signature.as_ref().map(get).unwrap_or_default())),
        Callback::new(move |v: T| {
            h.update(|r| set(r.signature.get_or_insert_with(Signature::default), v))
        }),
    )
}

/// The section.
#[component]
pub fn ConclusionsSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let (conclusions, set_conclusions) = lens!(h, conclusions);
    let (presented, set_presented) = lens!(h, council.presented_on);
    let (outcome, set_outcome) = lens_enum!(h, council.outcome);
    let (res_no, set_res_no) = lens!(h, council.resolution_number);
    let (council_notes, set_council_notes) = lens!(h, council.notes);
    let (place, set_place) = sig_lens(h, |s| s.place.clone(), |s, v| s.place = v);
    let (date, set_date) = sig_lens(h, |s| s.date, |s, v| s.date = v);
    let (name, set_name) = sig_lens(h, |s| s.name.clone(), |s, v| s.name = v);
    let (function, set_function) = sig_lens(h, |s| s.function.clone(), |s, v| s.function = v);
    view! {
        <SectionFrame title="Wnioski" intro="Wnioski z realizacji programu i rekomendacje na kolejny rok.">
            <TextField id=dom_id(&["conclusions"]) label="Wnioski i rekomendacje" hint="np. utrzymać dyżury punktu konsultacyjnego, rozszerzyć programy dla rodziców" value=conclusions on_input=set_conclusions multiline=true />
            <fieldset>
                <legend>"Przedstawienie raportu radzie"</legend>
                <div class="grid">
                    <DateField id=dom_id(&["council", "presented_on"]) label="Data przedstawienia radzie" value=presented on_change=set_presented />
                    <SelectField id=dom_id(&["council", "outcome"]) label="Co zrobiła rada" options=enum_options(&CouncilOutcome::ALL, CouncilOutcome::label) value=outcome on_change=set_outcome />
                    <TextField id=dom_id(&["council", "resolution_number"]) label="Numer uchwały rady w sprawie raportu" hint="jeśli rada podjęła uchwałę, np. XXV/210/2026" value=res_no on_input=set_res_no />
                </div>
                <TextField id=dom_id(&["council", "notes"]) label="Uwagi o rozpatrzeniu raportu" hint="np. omówiony na sesji razem z raportem o stanie gminy" value=council_notes on_input=set_council_notes multiline=true />
            </fieldset>
            <fieldset>
                <legend>"Podpis (opcjonalnie)"</legend>
                <div class="grid">
                    <TextField id=dom_id(&["signature", "place"]) label="Miejscowość" value=place on_input=set_place />
                    <DateField id=dom_id(&["signature", "date"]) label="Data" value=date on_change=set_date />
                    <TextField id=dom_id(&["signature", "name"]) label="Imię i nazwisko" value=name on_input=set_name />
                    <TextField id=dom_id(&["signature", "function"]) label="Funkcja" hint="np. Burmistrz" value=function on_input=set_function />
                </div>
            </fieldset>
        </SectionFrame>
    }
}
