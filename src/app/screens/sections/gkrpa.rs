//! Section "Komisja (GKRPA)": the work of the gminna komisja rozwiązywania problemów
//! alkoholowych, reported apart from the task list (art. 4¹ ust. 3–5 of the sobriety act).
//!
//! Invariant: every count is optional — an empty field is "not given" and stays `None`, never 0.

use leptos::prelude::*;

use super::budget::line_label;
use super::lens;
use super::SectionFrame;
use crate::app::bridge;
use crate::app::components::*;
use crate::app::paths::dom_id;
use crate::app::state::Editor;
use crate::domain::model::*;

/// The section.
#[component]
pub fn GkrpaSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let id = |field: &str| dom_id(&["gkrpa", field]);
    let count = move |field: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      (value, set): (Signal<Option<u32>>, Callback<Option<u32>>)| {
        view! { <CountField id=id(field) label=label hint=hint value=value on_change=set /> }
    };
    let (cost, set_cost) = lens!(h, gkrpa.cost);
    let (pay, set_pay) = lens!(h, gkrpa.pay_per_meeting);
    let (notes, set_notes) = lens!(h, gkrpa.notes);

    // The budget lines that carry the commission's cost: a checkbox per line of the budget.
    let lines = move || {
        let lines: Vec<(Id, String)> = h.with(|r| {
            r.budget
                .lines
                .iter()
                .map(|l| (l.id.clone(), line_label(l)))
                .collect()
        });
        if lines.is_empty() {
            return view! {
                <p class="hint">"Budżet nie ma jeszcze pozycji: dodaj je w sekcji „Budżet”."</p>
            }
            .into_any();
        }
        lines
            .into_iter()
            .map(|(lid, label)| {
                let (l1, l2) = (lid.clone(), lid.clone());
                view! {
                    <CheckField
                        id=dom_id(&["gkrpa", "budget_lines", lid.as_str()])
                        label=label
                        checked=Signal::derive(move || h.with(|r| r.gkrpa.budget_lines.contains(&l1)))
                        on_change=Callback::new(move |on: bool| {
                            h.update(|r| {
                                r.gkrpa.budget_lines.retain(|x| x != &l2);
                                if on {
                                    r.gkrpa.budget_lines.push(l2.clone());
                                }
                            })
                        })
                    />
                }
            })
            .collect_view()
            .into_any()
    };
    let chosen_executed = Signal::derive(move || {
        h.with(|r| {
            let chosen: Vec<Amount> = r
                .budget
                .lines
                .iter()
                .filter(|l| r.gkrpa.budget_lines.contains(&l.id))
                .filter_map(|l| l.executed)
                .collect();
            if r.gkrpa.budget_lines.is_empty() {
                Vec::new()
            } else {
                let sum = chosen.into_iter().sum::<Amount>();
                vec![(
                    "gkrpa-lines-executed",
                    "Wykonanie zaznaczonych pozycji".to_string(),
                    bridge::format_amount_zl(sum),
                )]
            }
        })
    });
    let lines_id = id("budget_lines");

    view! {
        <SectionFrame
            title="Komisja (GKRPA)"
            intro="Praca gminnej komisji rozwiązywania problemów alkoholowych, opisywana obok zadań programu. Puste pole oznacza „nie podano” — jeśli czegoś nie było, wpisz 0."
        >
            <fieldset>
                <legend>"Skład i posiedzenia"</legend>
                <div class="grid">
                    {count("members", "Liczba członków komisji", "np. 6", lens!(h, gkrpa.members))}
                    {count("trained_members", "Członkowie przeszkoleni", "w zakresie problemów alkoholowych; np. 5", lens!(h, gkrpa.trained_members))}
                    {count("meetings", "Posiedzenia komisji", "np. 18", lens!(h, gkrpa.meetings))}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Praca z osobami i rodzinami"</legend>
                <div class="grid">
                    {count("interviews", "Rozmowy motywujące i interwencyjne", "np. 26", lens!(h, gkrpa.interviews))}
                    {count("referred_to_expert", "Osoby skierowane na badanie przez biegłego", "opinia w przedmiocie uzależnienia; np. 7", lens!(h, gkrpa.referred_to_expert))}
                    {count("court_applications", "Wnioski do sądu o zobowiązanie do leczenia", "np. 4", lens!(h, gkrpa.court_applications))}
                    {count("blue_card_groups", "Udział w grupach diagnostyczno-pomocowych („Niebieska Karta”)", "np. 8", lens!(h, gkrpa.blue_card_groups))}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Zezwolenia i kontrole"</legend>
                <div class="grid">
                    {count("permit_opinions_positive", "Opinie pozytywne w sprawie zezwoleń", "np. 9", lens!(h, gkrpa.permit_opinions_positive))}
                    {count("permit_opinions_negative", "Opinie negatywne w sprawie zezwoleń", "np. 1", lens!(h, gkrpa.permit_opinions_negative))}
                    {count("inspections", "Kontrole punktów sprzedaży", "np. 12", lens!(h, gkrpa.inspections))}
                    {count("test_purchases", "Zakupy kontrolowane", "np. 0", lens!(h, gkrpa.test_purchases))}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Koszty komisji"</legend>
                <div class="grid">
                    <MoneyField id=id("cost") label="Koszt działalności komisji w roku" hint="Kwota w złotych, np. 16 200,00" value=cost on_change=set_cost />
                    <MoneyField id=id("pay_per_meeting") label="Wynagrodzenie członka za posiedzenie" hint="Według zasad ustalonych przez radę w programie; np. 150,00" value=pay on_change=set_pay />
                </div>
                <fieldset id=lines_id.clone() tabindex="-1">
                    <legend>"Pozycje budżetu, z których pokryto koszt komisji"</legend>
                    {notes_view(lines_id.clone(), notes_for(&lines_id))}
                    <div class="checks">{lines}</div>
                    <ComputedFigures figures=chosen_executed />
                </fieldset>
            </fieldset>
            <TextField id=id("notes") label="Uwagi o pracy komisji" hint="np. zespoły robocze, szkolenia, przyczyny braku zakupów kontrolowanych" value=notes on_input=set_notes multiline=true />
        </SectionFrame>
    }
}
