//! Section "Podsumowanie": the report's figures as pictures — plan against execution per
//! chapter, spending per statutory task and per funding source, and this year against last
//! year when a previous year is linked. Each chart comes from `domain::charts` with its text
//! alternative and the table behind it; a chart the data does not allow is left out, never
//! drawn from guessed values.

use leptos::prelude::*;

use super::SectionFrame;
use crate::app::components::ChartFigure;
use crate::app::state::Editor;
use crate::domain::charts::summary_charts;

/// The section.
#[component]
pub fn SummarySection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let charts = Memo::new(move |_| summary_charts(&ed.snapshot()));
    view! {
        <SectionFrame
            title="Podsumowanie"
            intro="Wykresy z danych raportu. Pod każdym wykresem jest tabela z tymi samymi wartościami; „brak danych” oznacza, że raport nie podaje wartości."
        >
            {move || {
                let list = charts.get();
                if list.is_empty() {
                    return view! {
                        <p class="empty" data-testid="no-charts">
                            "Za mało danych na wykres: wpisz kwoty planu i wykonania w sekcji „Budżet” albo koszty działań."
                        </p>
                    }
                        .into_any();
                }
                list.into_iter()
                    .map(|chart| {
                        view! {
                            <h3>{chart.title.clone()}</h3>
                            <ChartFigure chart=chart />
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </SectionFrame>
    }
}
