//! Section "Budżet": plan and execution per rozdział/§, permit-fee income, carried-over money,
//! and money from outside the gmina budget (reported, not summed into chapter totals).

use leptos::prelude::*;

use super::lens;
use super::{ids_of, item_lens, SectionFrame};
use crate::app::bridge;
use crate::app::components::*;
use crate::app::paths::dom_id;
use crate::app::state::{focus_later, Editor};
use crate::domain::catalogue::catalogue;
use crate::domain::model::*;

/// Options for a code select from the catalogue, keeping a value the catalogue lacks.
pub fn code_options(codes: Vec<(String, String)>, current: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), "— wybierz —".to_string())];
    if !current.is_empty() && !codes.iter().any(|(c, _)| c == current) {
        out.push((current.to_string(), format!("{current} (spoza katalogu)")));
    }
    out.extend(
        codes
            .into_iter()
            .map(|(c, n)| (c.clone(), format!("{c} — {n}"))),
    );
    out
}

pub fn chapter_codes() -> Vec<(String, String)> {
    catalogue()
        .chapters
        .iter()
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect()
}

pub fn paragraph_codes() -> Vec<(String, String)> {
    catalogue()
        .paragraphs
        .iter()
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect()
}

/// The section.
#[component]
pub fn BudgetSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let (income, set_income) = lens!(h, budget.permit_fee_income);
    let (carried, set_carried) = lens!(h, budget.carried_over);
    let total = move || {
        let t: Amount = h.with(|r| r.budget.lines.iter().filter_map(|l| l.executed).sum());
        bridge::format_amount_zl(t)
    };
    let add_line = move |_| {
        let id = ed.fresh_id("line");
        h.update(|r| {
            r.budget.lines.push(BudgetLine {
                id: id.clone(),
                ..Default::default()
            })
        });
        focus_later(vec![dom_id(&["budget", "lines", id.as_str(), "chapter"])]);
    };
    let add_ext = move |_| {
        let id = ed.fresh_id("ext");
        h.update(|r| {
            r.budget.external.push(ExternalFunding {
                id: id.clone(),
                ..Default::default()
            })
        });
        focus_later(vec![dom_id(&["budget", "external", id.as_str(), "source"])]);
    };
    view! {
        <SectionFrame
            title="Budżet"
            intro="Plan i wykonanie wydatków programu według rozdziałów i paragrafów klasyfikacji budżetowej (dział 851)."
        >
            <h3>"Pozycje budżetu"</h3>
            <p>"Wydatki wykonane razem: " <strong data-testid="budget-total">{total}</strong></p>
            <For
                each=move || ids_of(h, |r| &r.budget.lines)
                key=|id| id.clone()
                children=move |id| view! { <BudgetLineRow id=id /> }
            />
            <button type="button" on:click=add_line>"Dodaj pozycję budżetu"</button>
            <h3>"Dochody z opłat za zezwolenia"</h3>
            <div class="grid">
                <MoneyField id=dom_id(&["budget", "permit_fee_income"]) label="Dochody z opłat za zezwolenia w roku" hint="dział 756, rozdz. 75618, § 0480; np. 512 300,00" value=income on_change=set_income />
                <MoneyField id=dom_id(&["budget", "carried_over"]) label="Niewykorzystane środki z poprzedniego roku" value=carried on_change=set_carried />
            </div>
            <h3>"Środki spoza budżetu gminy"</h3>
            <p class="hint">"np. kontrakty NFZ, dotacje KCPU; nie wliczają się do sum rozdziałów."</p>
            <For
                each=move || ids_of(h, |r| &r.budget.external)
                key=|id| id.clone()
                children=move |id| view! { <ExternalRow id=id /> }
            />
            <button type="button" on:click=add_ext>"Dodaj środki spoza budżetu"</button>
        </SectionFrame>
    }
}

#[component]
fn BudgetLineRow(
    /// The line's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let l: fn(&Report) -> &Vec<_> = |r| &r.budget.lines;
    let lm: fn(&mut Report) -> &mut Vec<_> = |r| &mut r.budget.lines;
    let (chapter, set_chapter) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.chapter.clone(),
        |x, v| x.chapter = v,
    );
    let (para, set_para) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.paragraph.clone(),
        |x, v| x.paragraph = v,
    );
    let (planned, set_planned) =
        item_lens(h, id.clone(), l, lm, |x| x.planned, |x, v| x.planned = v);
    let (after, set_after) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.after_changes,
        |x, v| x.after_changes = v,
    );
    let (exec, set_exec) = item_lens(h, id.clone(), l, lm, |x| x.executed, |x, v| x.executed = v);
    let (source, set_source) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| enum_key(&x.source),
        |x, v: String| {
            if let Some(s) = enum_from(&v) {
                x.source = s
            }
        },
    );
    let i = id.as_str().to_string();
    let card_id = dom_id(&["budget", "lines", &i]);
    let f = move |field: &str| dom_id(&["budget", "lines", &i, field]);
    let id_rm = id.clone();
    let remove = move |_| h.update(|r| r.budget.lines.retain(|x| x.id != id_rm));
    let chapter_opts = code_options(chapter_codes(), &chapter.get_untracked());
    let para_opts = code_options(paragraph_codes(), &para.get_untracked());
    view! {
        <fieldset class="row-card" id=card_id tabindex="-1">
            <legend>{move || format!("Pozycja: rozdz. {} § {}", chapter.get(), para.get())}</legend>
            <div class="grid">
                <SelectField id=f("chapter") label="Rozdział" options=chapter_opts value=chapter on_change=set_chapter />
                <SelectField id=f("paragraph") label="Paragraf (§)" options=para_opts value=para on_change=set_para />
                <MoneyField id=f("planned") label="Plan" value=planned on_change=set_planned />
                <MoneyField id=f("after_changes") label="Plan po zmianach" value=after on_change=set_after />
                <MoneyField id=f("executed") label="Wykonanie" value=exec on_change=set_exec />
                <SelectField id=f("source") label="Źródło finansowania" options=enum_options(&FundingSource::ALL, FundingSource::label) value=source on_change=set_source />
            </div>
            <button type="button" class="danger" on:click=remove>"Usuń pozycję"</button>
        </fieldset>
    }
}

#[component]
fn ExternalRow(
    /// The entry's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let l: fn(&Report) -> &Vec<_> = |r| &r.budget.external;
    let lm: fn(&mut Report) -> &mut Vec<_> = |r| &mut r.budget.external;
    let (source, set_source) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| enum_key(&x.source),
        |x, v: String| {
            if let Some(s) = enum_from(&v) {
                x.source = s
            }
        },
    );
    let (desc, set_desc) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.description.clone(),
        |x, v| x.description = v,
    );
    let (amount, set_amount) = item_lens(h, id.clone(), l, lm, |x| x.amount, |x, v| x.amount = v);
    let i = id.as_str().to_string();
    let card_id = dom_id(&["budget", "external", &i]);
    let f = move |field: &str| dom_id(&["budget", "external", &i, field]);
    let id_rm = id.clone();
    let remove = move |_| h.update(|r| r.budget.external.retain(|x| x.id != id_rm));
    view! {
        <fieldset class="row-card" id=card_id tabindex="-1">
            <legend>"Środki spoza budżetu"</legend>
            <div class="grid">
                <SelectField id=f("source") label="Skąd" options=enum_options(&ExternalSource::ALL, ExternalSource::label) value=source on_change=set_source />
                <TextField id=f("description") label="Opis" hint="np. kontrakt NFZ na leczenie uzależnień" value=desc on_input=set_desc />
                <MoneyField id=f("amount") label="Kwota" value=amount on_change=set_amount />
            </div>
            <button type="button" class="danger" on:click=remove>"Usuń"</button>
        </fieldset>
    }
}
