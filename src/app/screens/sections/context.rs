//! Section "Dane kontekstowe": figures describing the local situation (treatment, police,
//! surveys, sales), each with the year it describes and last year's value for comparison.

use leptos::prelude::*;

use super::{ids_of, item_lens, SectionFrame};
use crate::app::components::*;
use crate::app::paths::dom_id;
use crate::app::state::{focus_later, Editor};
use crate::domain::model::*;

/// The section.
#[component]
pub fn ContextSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let add = move |_| {
        let id = ed.fresh_id("fig");
        h.update(|r| {
            r.context_figures.push(ContextFigure {
                id: id.clone(),
                ..Default::default()
            })
        });
        focus_later(vec![dom_id(&["context_figures", id.as_str(), "name"])]);
    };
    view! {
        <SectionFrame
            title="Dane kontekstowe"
            intro="Liczby opisujące sytuację w gminie, np. osoby leczone w poradni, statystyki policji, wyniki badań szkolnych."
        >
            <For
                each=move || ids_of(h, |r| &r.context_figures)
                key=|id| id.clone()
                children=move |id| view! { <FigureRow id=id /> }
            />
            <button type="button" on:click=add>"Dodaj dane"</button>
        </SectionFrame>
    }
}

#[component]
fn FigureRow(
    /// The figure's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let l: fn(&Report) -> &Vec<_> = |r| &r.context_figures;
    let lm: fn(&mut Report) -> &mut Vec<_> = |r| &mut r.context_figures;
    let (name, set_name) = item_lens(h, id.clone(), l, lm, |x| x.name.clone(), |x, v| x.name = v);
    let (value, set_value) = item_lens(h, id.clone(), l, lm, |x| x.value, |x, v| x.value = v);
    let (year, set_year) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.year.map(i64::from),
        |x, v: Option<i64>| x.year = v.and_then(|y| i32::try_from(y).ok()),
    );
    let (previous, set_previous) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.previous_value,
        |x, v| x.previous_value = v,
    );
    let (unit, set_unit) = item_lens(h, id.clone(), l, lm, |x| x.unit.clone(), |x, v| x.unit = v);
    let (source, set_source) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.source.clone(),
        |x, v| x.source = v,
    );
    let i = id.as_str().to_string();
    let card_id = dom_id(&["context_figures", &i]);
    let f = move |field: &str| dom_id(&["context_figures", &i, field]);
    let remove = move |_| h.update(|r| r.context_figures.retain(|x| x.id != id));
    view! {
        <fieldset class="row-card" id=card_id tabindex="-1">
            <legend>{move || { let n = name.get(); if n.is_empty() { "Nowe dane".to_string() } else { n } }}</legend>
            <div class="grid">
                <TextField id=f("name") label="Co opisuje" hint="np. osoby w poradni leczenia uzależnień" value=name on_input=set_name />
                <NumberField id=f("value") label="Wartość" hint="np. 110" value=value on_change=set_value />
                <IntField id=f("year") label="Rok, którego dotyczy wartość" hint="zwykle rok raportu, np. 2025" value=year on_change=set_year />
                <NumberField id=f("previous_value") label="Wartość w roku poprzednim" hint="do porównania rok do roku, np. 98" value=previous on_change=set_previous />
                <TextField id=f("unit") label="Jednostka" hint="np. osoby" value=unit on_input=set_unit />
                <TextField id=f("source") label="Źródło" hint="np. Komenda Miejska Policji" value=source on_input=set_source />
            </div>
            <button type="button" class="danger" on:click=remove>"Usuń dane"</button>
        </fieldset>
    }
}
