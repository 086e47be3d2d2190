//! Section "Budżet": plan and execution per rozdział/§; the income that funds the program
//! (permit fees, the small-bottle fee, money carried in, the general-budget top-up) with the
//! figures computed from it; costs given for a group of activities; and money from outside the
//! gmina budget (reported, not summed into chapter totals). Computed figures come from the
//! domain (`Budget::permit_fees_carried_out`, `small_bottle_left`, `executed_from`).

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

/// How a budget line is named in lists: `rozdz. 85154 § 4170 (wykonanie 16 200,00 zł)`.
pub fn line_label(l: &BudgetLine) -> String {
    let code = |c: &str| {
        if c.is_empty() {
            "—".to_string()
        } else {
            c.to_string()
        }
    };
    let mut s = format!("rozdz. {} § {}", code(&l.chapter), code(&l.paragraph));
    if let Some(e) = l.executed {
        s.push_str(&format!(" (wykonanie {})", bridge::format_amount_zl(e)));
    }
    s
}

/// An amount for a computed figure; `—` with the reason when it cannot be computed.
fn amount_or(a: Option<Amount>, missing: &str) -> String {
    a.map(bridge::format_amount_zl)
        .unwrap_or_else(|| format!("— ({missing})"))
}

/// The section.
#[component]
pub fn BudgetSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let (fee_planned, set_fee_planned) = lens!(h, budget.permit_fee_planned);
    let (income, set_income) = lens!(h, budget.permit_fee_income);
    let (sb_planned, set_sb_planned) = lens!(h, budget.small_bottle_planned);
    let (sb_income, set_sb_income) = lens!(h, budget.small_bottle_income);
    let (carried, set_carried) = lens!(h, budget.carried_over);
    let (top_up, set_top_up) = lens!(h, budget.general_budget_top_up);
    let computed = Signal::derive(move || {
        h.with(|r| {
            let b = &r.budget;
            vec![
                (
                    "permit-fees-carried-out",
                    "Przechodzi na następny rok (niewykorzystane dochody z opłat za zezwolenia)"
                        .to_string(),
                    amount_or(
                        b.permit_fees_carried_out(),
                        "podaj dochody z opłat za zezwolenia",
                    ),
                ),
                (
                    "small-bottle-left",
                    "Pozostało ze środków z opłaty za małe opakowania".to_string(),
                    amount_or(
                        b.small_bottle_left(),
                        "podaj wpływy z opłaty za małe opakowania",
                    ),
                ),
            ]
        })
    });
    let by_source = Signal::derive(move || {
        h.with(|r| {
            FundingSource::ALL
                .iter()
                .map(|s| {
                    let tid: &'static str = match s {
                        FundingSource::Budget => "spent-budget",
                        FundingSource::PermitFees => "spent-permit_fees",
                        FundingSource::SmallBottleFee => "spent-small_bottle_fee",
                        FundingSource::Other => "spent-other",
                    };
                    (
                        tid,
                        s.label().to_string(),
                        amount_or(r.budget.executed_from(*s), "brak pozycji z tym źródłem"),
                    )
                })
                .collect()
        })
    });
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
            <h3>"Dochody finansujące program"</h3>
            <fieldset>
                <legend>"Opłaty za zezwolenia na sprzedaż napojów alkoholowych"</legend>
                <div class="grid">
                    <MoneyField id=dom_id(&["budget", "permit_fee_planned"]) label="Plan dochodów z opłat za zezwolenia" hint="np. 125 000,00" value=fee_planned on_change=set_fee_planned />
                    <MoneyField id=dom_id(&["budget", "permit_fee_income"]) label="Dochody z opłat za zezwolenia w roku" hint="dział 756, rozdz. 75618, § 0480; np. 512 300,00" value=income on_change=set_income />
                    <MoneyField id=dom_id(&["budget", "carried_over"]) label="Niewykorzystane środki z poprzedniego roku" hint="Środki z opłat przeniesione z poprzedniego roku; np. 14 870,35" value=carried on_change=set_carried />
                </div>
            </fieldset>
            <fieldset>
                <legend>"Opłata za małe opakowania („małpkowe”)"</legend>
                <div class="grid">
                    <MoneyField id=dom_id(&["budget", "small_bottle_planned"]) label="Plan wpływów z opłaty za małe opakowania" hint="np. 18 000,00" value=sb_planned on_change=set_sb_planned />
                    <MoneyField id=dom_id(&["budget", "small_bottle_income"]) label="Wpływy z opłaty za małe opakowania w roku" hint="np. 19 386,40" value=sb_income on_change=set_sb_income />
                </div>
            </fieldset>
            <div class="grid">
                <MoneyField id=dom_id(&["budget", "general_budget_top_up"]) label="Dofinansowanie z budżetu gminy ponad dochody z opłat" hint="np. 1 536,90" value=top_up on_change=set_top_up />
            </div>
            <h4>"Wyliczone kwoty"</h4>
            <p class="hint">"Liczone z dochodów powyżej i z wykonania pozycji budżetu według źródła finansowania."</p>
            <ComputedFigures figures=computed />
            <h4>"Wydatki wykonane według źródła finansowania"</h4>
            <ComputedFigures figures=by_source />
            <h3>"Koszty wspólne kilku działań"</h3>
            <super::group_costs::GroupCosts />
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
