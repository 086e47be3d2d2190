//! Section "Budżet": plan and execution per rozdział/§; the income that funds the program
//! (permit fees, the small-bottle fee, money carried in, the general-budget top-up) with the
//! figures computed from it; costs given for a group of activities; and money from outside the
//! gmina budget (reported, not summed into chapter totals). Computed figures come from the
//! domain (`Budget::permit_fees_carried_out`, `small_bottle_left`, `executed_from`).

use leptos::prelude::*;

use super::lens;
use super::{ids_of, item_memo, memo_lens, SectionFrame};
use crate::app::bridge;
use crate::app::components::*;
use crate::app::paths::dom_id;
use crate::app::state::{pasted_message, put_rows, Editor, ListFocus, Lists};
use crate::domain::catalogue::catalogue;
use crate::domain::model::*;
use crate::domain::paste;

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
    view! {
        <SectionFrame
            title="Budżet"
            intro="Plan i wykonanie wydatków programu według rozdziałów i paragrafów klasyfikacji budżetowej (dział 851)."
        >
            <h3 id="budget-lines-title">"Pozycje budżetu"</h3>
            <p class="hint" id="budget-grid-keys">"Jak w arkuszu: Tab — następna komórka, Enter — komórka niżej. „Plan po zmianach” przyjmuje plan, dopóki go nie zmienisz."</p>
            <BudgetGrid />
            <h3 id="budget-income-title">"Dochody finansujące program"</h3>
            <div class="grid-scroll">
                <table class="grid-table income-table" aria-labelledby="budget-income-title">
                    <thead>
                        <tr>
                            <th scope="col">"Dochód"</th>
                            <th scope="col" class="num">"Plan"</th>
                            <th scope="col" class="num">"W roku"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">"Opłaty za zezwolenia na sprzedaż alkoholu (dz. 756, rozdz. 75618, § 0480)"</th>
                            <td class="num"><ParsedField id=dom_id(&["budget", "permit_fee_planned"]) label="Plan dochodów z opłat za zezwolenia" label_hidden=true value=fee_planned on_change=set_fee_planned parse=parse_money format=show_money /></td>
                            <td class="num"><ParsedField id=dom_id(&["budget", "permit_fee_income"]) label="Dochody z opłat za zezwolenia w roku" label_hidden=true value=income on_change=set_income parse=parse_money format=show_money /></td>
                        </tr>
                        <tr>
                            <th scope="row">"Niewykorzystane środki z opłat z poprzedniego roku"</th>
                            <td class="num">"—"</td>
                            <td class="num"><ParsedField id=dom_id(&["budget", "carried_over"]) label="Niewykorzystane środki z poprzedniego roku" label_hidden=true value=carried on_change=set_carried parse=parse_money format=show_money /></td>
                        </tr>
                        <tr>
                            <th scope="row">"Opłata za małe opakowania („małpkowe”)"</th>
                            <td class="num"><ParsedField id=dom_id(&["budget", "small_bottle_planned"]) label="Plan wpływów z opłaty za małe opakowania" label_hidden=true value=sb_planned on_change=set_sb_planned parse=parse_money format=show_money /></td>
                            <td class="num"><ParsedField id=dom_id(&["budget", "small_bottle_income"]) label="Wpływy z opłaty za małe opakowania w roku" label_hidden=true value=sb_income on_change=set_sb_income parse=parse_money format=show_money /></td>
                        </tr>
                        <tr>
                            <th scope="row">"Dofinansowanie z budżetu gminy ponad dochody z opłat"</th>
                            <td class="num">"—"</td>
                            <td class="num"><ParsedField id=dom_id(&["budget", "general_budget_top_up"]) label="Dofinansowanie z budżetu gminy ponad dochody z opłat" label_hidden=true value=top_up on_change=set_top_up parse=parse_money format=show_money /></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <div class="computed-pair">
                <div>
                    <h4>"Wyliczone z dochodów i wykonania"</h4>
                    <ComputedFigures figures=computed />
                </div>
                <div>
                    <h4>"Wydatki wykonane według źródła finansowania"</h4>
                    <ComputedFigures figures=by_source />
                </div>
            </div>
            <h3>"Koszty wspólne kilku działań"</h3>
            <super::group_costs::GroupCosts />
            <h3 id="budget-external-title">"Środki spoza budżetu gminy"</h3>
            <p class="hint">"np. kontrakty NFZ, dotacje KCPU; nie wliczają się do sum rozdziałów."</p>
            <ExternalGrid />
        </SectionFrame>
    }
}

const LINES: Lists<Report, BudgetLine> = (|r| &r.budget.lines, |r| &mut r.budget.lines);

/// A chapter or paragraph code typed in a cell (`85154`, `85154 — Przeciwdziałanie
/// alkoholizmowi`, `§ 4210`); empty is no code.
fn parse_chapter(s: &str) -> Result<Option<String>, String> {
    paste::chapter_cell(s).map(|c| Some(c).filter(|c| !c.is_empty()))
}
fn parse_paragraph(s: &str) -> Result<Option<String>, String> {
    paste::paragraph_cell(s).map(|c| Some(c).filter(|c| !c.is_empty()))
}
#[allow(clippy::ptr_arg)] // the field's formatter takes its value type by reference
fn show_code(c: &String) -> String {
    c.clone()
}

/// The catalogue's name of a code, or why there is none.
fn code_name(codes: &[(String, String)], code: &str) -> String {
    if code.is_empty() {
        return String::new();
    }
    codes
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| "spoza katalogu".into())
}

/// Sums of a group of budget lines: (plan, plan after changes, executed).
fn sums<'a>(
    lines: impl Iterator<Item = &'a BudgetLine>,
) -> (Option<Amount>, Option<Amount>, Option<Amount>) {
    use crate::domain::spending::{add, plan_of};
    lines.fold((None, None, None), |(p, a, e), l| {
        (add(p, l.planned), add(a, plan_of(l)), add(e, l.executed))
    })
}

/// Executed as a percentage of the plan after changes (or of the plan).
fn percent(after: Option<Amount>, executed: Option<Amount>) -> String {
    match (after, executed) {
        (Some(p), Some(e)) => {
            crate::domain::money::percent_pl(e.value(), p.value()).unwrap_or_default()
        }
        _ => String::new(),
    }
}

fn amount_text(a: Option<Amount>) -> String {
    a.map(bridge::format_amount).unwrap_or_default()
}

/// Columns of the budget grid's paste, checked the way "Wstaw" reads them.
fn check_budget(p: &paste::Pasted, m: &paste::Mapping) -> CellProblems {
    paste::budget_lines(p, m)
        .into_iter()
        .map(|r| r.problems)
        .collect()
}

/// The budget lines as a grid: a row per line, totals per chapter and overall.
#[component]
fn BudgetGrid() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let add_line = move |_| {
        let id = ed.fresh_id("line");
        let focus = dom_id(&["budget", "lines", id.as_str(), "chapter"]);
        ed.change_list(
            LINES,
            "Dodano pozycję budżetu.".into(),
            ListFocus {
                now: Some(focus),
                undone: "budget-add-line".into(),
            },
            |l| {
                l.push(BudgetLine {
                    id,
                    ..Default::default()
                })
            },
        );
    };
    let on_paste = Callback::new(
        move |(p, m, replace): (paste::Pasted, paste::Mapping, bool)| {
            let read = paste::budget_lines(&p, &m);
            let ids = ed.fresh_ids("line", read.len());
            let n = read.len();
            let first = ids
                .first()
                .map(|id| dom_id(&["budget", "lines", id.as_str(), "chapter"]));
            let rows: Vec<BudgetLine> = read
                .into_iter()
                .zip(ids)
                .map(|(r, id)| BudgetLine { id, ..r.value })
                .collect();
            ed.change_list(
                LINES,
                pasted_message(n, ["wiersz", "wiersze", "wierszy"], replace),
                ListFocus {
                    now: first,
                    undone: "paste-budget-open".into(),
                },
                move |l| put_rows(l, rows, replace),
            );
        },
    );
    let totals = Memo::new(move |_| {
        h.with(|r| {
            let lines = &r.budget.lines;
            let mut chapters: Vec<&str> = lines.iter().map(|l| l.chapter.trim()).collect();
            chapters.sort_unstable();
            chapters.dedup();
            let mut rows = Vec::new();
            if chapters.len() > 1 {
                for c in chapters {
                    let label = if c.is_empty() {
                        "Razem bez rozdziału".to_string()
                    } else {
                        match code_name(&chapter_codes(), c).as_str() {
                            "spoza katalogu" => format!("Razem rozdz. {c}"),
                            name => format!("Razem rozdz. {c} — {name}"),
                        }
                    };
                    rows.push((label, sums(lines.iter().filter(|l| l.chapter.trim() == c))));
                }
            }
            rows.push(("Razem".to_string(), sums(lines.iter())));
            rows
        })
    });
    let chapters = chapter_codes();
    let paragraphs = paragraph_codes();
    let list = |codes: Vec<(String, String)>| {
        codes
            .into_iter()
            .map(|(c, n)| view! { <option value=c>{n}</option> })
            .collect_view()
    };
    view! {
        <datalist id="chapter-codes">{list(chapters)}</datalist>
        <datalist id="paragraph-codes">{list(paragraphs)}</datalist>
        <div class="grid-scroll">
            <table class="grid-table budget-grid" aria-labelledby="budget-lines-title" aria-describedby="budget-grid-keys" on:keydown=grid_keys>
                <thead>
                    <tr>
                        <th scope="col">"Lp."</th>
                        <th scope="col" id="bl-col-chapter">"Rozdział"</th>
                        <th scope="col" id="bl-col-paragraph">"Paragraf (§)"</th>
                        <th scope="col" id="bl-col-source">"Źródło finansowania"</th>
                        <th scope="col" id="bl-col-planned" class="num">"Plan"</th>
                        <th scope="col" id="bl-col-after_changes" class="num">"Plan po zmianach"</th>
                        <th scope="col" id="bl-col-executed" class="num">"Wykonanie"</th>
                        <th scope="col" class="num">"% planu"</th>
                        <th scope="col"><span class="visually-hidden">"Działania na wierszu"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || ids_of(h, |r| &r.budget.lines)
                        key=|id| id.clone()
                        children=move |id| view! { <BudgetLineRow id=id /> }
                    />
                </tbody>
                <tfoot>
                    {move || totals.get().into_iter().map(|(label, (p, a, e))| view! {
                        <tr>
                            <th scope="row" colspan="4">{label}</th>
                            <td class="num">{amount_text(p)}</td>
                            <td class="num">{amount_text(a)}</td>
                            <td class="num">{amount_text(e)}</td>
                            <td class="num">{percent(a, e)}</td>
                            <td></td>
                        </tr>
                    }).collect_view()}
                </tfoot>
            </table>
        </div>
        <div class="button-row">
            <button type="button" id="budget-add-line" on:click=add_line>"Dodaj pozycję budżetu"</button>
            <PasteFromSheet
                id="paste-budget"
                target=PasteTarget { what: "pozycje budżetu", columns: &paste::BUDGET_COLUMNS, check: check_budget, hint: "Pusty rozdział pod wierszem, który go ma (komórka scalona w arkuszu), przyjmuje rozdział z wiersza wyżej. Puste źródło to budżet gminy." }
                on_insert=on_paste
            />
        </div>
    }
}

/// One budget line: a row of the grid.
#[component]
fn BudgetLineRow(
    /// The line's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let (l, lm) = LINES;
    let line = item_memo(h, id.clone(), l);
    let (chapter, set_chapter) = memo_lens(
        h,
        line,
        id.clone(),
        lm,
        |x| Some(x.chapter.clone()).filter(|s| !s.is_empty()),
        |x, v: Option<String>| x.chapter = v.unwrap_or_default(),
    );
    let (para, set_para) = memo_lens(
        h,
        line,
        id.clone(),
        lm,
        |x| Some(x.paragraph.clone()).filter(|s| !s.is_empty()),
        |x, v: Option<String>| x.paragraph = v.unwrap_or_default(),
    );
    // "Plan po zmianach" follows the plan until it is changed on its own.
    let (planned, set_planned) = memo_lens(
        h,
        line,
        id.clone(),
        lm,
        |x| x.planned,
        |x, v| {
            if x.after_changes.is_none() || x.after_changes == x.planned {
                x.after_changes = v;
            }
            x.planned = v;
        },
    );
    let (after, set_after) = memo_lens(
        h,
        line,
        id.clone(),
        lm,
        |x| x.after_changes,
        |x, v| x.after_changes = v,
    );
    let (exec, set_exec) = memo_lens(
        h,
        line,
        id.clone(),
        lm,
        |x| x.executed,
        |x, v| x.executed = v,
    );
    let (source, set_source) = memo_lens(
        h,
        line,
        id.clone(),
        lm,
        |x| enum_key(&x.source),
        |x, v: String| {
            if let Some(s) = enum_from(&v) {
                x.source = s
            }
        },
    );
    let position = Memo::new(move |_| line.with(|x| x.as_ref().map_or(0, |(n, _)| *n)));
    let i = id.as_str().to_string();
    let row_id = dom_id(&["budget", "lines", &i]);
    let head_id = format!("{row_id}-h");
    let f = move |field: &str| dom_id(&["budget", "lines", &i, field]);
    let by = {
        let head_id = head_id.clone();
        move |col: &str| format!("{head_id} bl-col-{col}")
    };
    let id_rm = id.clone();
    let remove = move |_| {
        let id_rm = id_rm.clone();
        ed.change_list(
            LINES,
            format!("Usunięto pozycję budżetu nr {}.", position.get_untracked()),
            ListFocus {
                now: None,
                undone: dom_id(&["budget", "lines", id_rm.as_str(), "chapter"]),
            },
            move |l| l.retain(|x| x.id != id_rm),
        );
    };
    let id_dup = id.clone();
    let duplicate = move |_| {
        let new_id = ed.fresh_id("line");
        let focus = dom_id(&["budget", "lines", new_id.as_str(), "chapter"]);
        let id_dup = id_dup.clone();
        ed.change_list(
            LINES,
            format!("Powielono pozycję budżetu nr {}.", position.get_untracked()),
            ListFocus {
                now: Some(focus),
                undone: dom_id(&["budget", "lines", id_dup.as_str(), "chapter"]),
            },
            move |l| {
                if let Some(pos) = l.iter().position(|x| x.id == id_dup) {
                    let copy = BudgetLine {
                        id: new_id,
                        ..l[pos].clone()
                    };
                    l.insert(pos + 1, copy);
                }
            },
        );
    };
    let chapter_list = chapter_codes();
    let paragraph_list = paragraph_codes();
    let chapter_name =
        move || chapter.with(|c| code_name(&chapter_list, c.as_deref().unwrap_or_default()));
    let paragraph_name =
        move || para.with(|c| code_name(&paragraph_list, c.as_deref().unwrap_or_default()));
    let paragraph_title = paragraph_name.clone();
    let row_label = move || {
        let code = |c: Option<String>| c.unwrap_or_else(|| "—".into());
        format!("rozdz. {} § {}", code(chapter.get()), code(para.get()))
    };
    let pct = move || percent(after.get().or(planned.get()), exec.get());
    let source_id = f("source");
    let source_notes = notes_for(&source_id);
    let source_note_id = format!("{source_id}-note");
    // The grid's column is narrow: the sources without the colloquial name in brackets.
    let short_label = |s: FundingSource| match s {
        FundingSource::SmallBottleFee => "opłata za małe opakowania",
        s => s.label(),
    };
    let source_options = enum_options(&FundingSource::ALL, short_label)
        .into_iter()
        .map(|(v, label)| {
            let v2 = v.clone();
            view! { <option value=v selected=move || source.with(|s| s == &v2)>{label}</option> }
        })
        .collect_view();
    let rm_id = format!("{row_id}-remove");
    let dup_id = format!("{row_id}-duplicate");
    view! {
        <tr id=row_id tabindex="-1">
            <th scope="row" id=head_id.clone()>
                {move || format!("{}.", position.get())}
                <span class="visually-hidden">" " {row_label}</span>
            </th>
            <td class="cell-code cell-chapter">
                <ParsedField id=f("chapter") label="Rozdział" labelledby=by("chapter") list="chapter-codes" value=chapter on_change=set_chapter parse=parse_chapter format=show_code inputmode="numeric" />
                <span class="visually-hidden">{chapter_name}</span>
            </td>
            <td class="cell-paragraph">
                <ParsedField id=f("paragraph") label="Paragraf" labelledby=by("paragraph") list="paragraph-codes" value=para on_change=set_para parse=parse_paragraph format=show_code inputmode="numeric" />
                <span class="cell-name" title=paragraph_title>{paragraph_name}</span>
            </td>
            <td>
                <select
                    id=source_id.clone()
                    aria-labelledby=by("source")
                    aria-describedby=move || (!source_notes.with(Vec::is_empty)).then(|| source_note_id.clone())
                    prop:value=move || source.get()
                    on:change=move |ev| set_source.run(event_target_value(&ev))
                >
                    {source_options}
                </select>
                {notes_view(source_id, source_notes)}
            </td>
            <td class="num"><ParsedField id=f("planned") label="Plan" labelledby=by("planned") value=planned on_change=set_planned parse=parse_money format=show_money /></td>
            <td class="num"><ParsedField id=f("after_changes") label="Plan po zmianach" labelledby=by("after_changes") value=after on_change=set_after parse=parse_money format=show_money /></td>
            <td class="num"><ParsedField id=f("executed") label="Wykonanie" labelledby=by("executed") value=exec on_change=set_exec parse=parse_money format=show_money /></td>
            <td class="num" data-testid="line-percent">{pct}</td>
            <td class="row-actions">
                <button type="button" id=dup_id.clone() aria-labelledby=format!("{dup_id} {head_id}") on:click=duplicate>"Powiel"</button>
                <button type="button" id=rm_id.clone() class="danger" aria-labelledby=format!("{rm_id} {head_id}") on:click=remove>"Usuń"</button>
            </td>
        </tr>
    }
}

const EXTERNAL: Lists<Report, ExternalFunding> =
    (|r| &r.budget.external, |r| &mut r.budget.external);

fn check_external(p: &paste::Pasted, m: &paste::Mapping) -> CellProblems {
    paste::external_funding(p, m)
        .into_iter()
        .map(|r| r.problems)
        .collect()
}

/// Money from outside the gmina budget as a grid.
#[component]
fn ExternalGrid() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let add = move |_| {
        let id = ed.fresh_id("ext");
        let focus = dom_id(&["budget", "external", id.as_str(), "source"]);
        ed.change_list(
            EXTERNAL,
            "Dodano środki spoza budżetu.".into(),
            ListFocus {
                now: Some(focus),
                undone: "budget-add-external".into(),
            },
            |l| {
                l.push(ExternalFunding {
                    id,
                    ..Default::default()
                })
            },
        );
    };
    let on_paste = Callback::new(
        move |(p, m, replace): (paste::Pasted, paste::Mapping, bool)| {
            let read = paste::external_funding(&p, &m);
            let ids = ed.fresh_ids("ext", read.len());
            let n = read.len();
            let first = ids
                .first()
                .map(|id| dom_id(&["budget", "external", id.as_str(), "source"]));
            let rows: Vec<ExternalFunding> = read
                .into_iter()
                .zip(ids)
                .map(|(r, id)| ExternalFunding { id, ..r.value })
                .collect();
            ed.change_list(
                EXTERNAL,
                pasted_message(n, ["wiersz", "wiersze", "wierszy"], replace),
                ListFocus {
                    now: first,
                    undone: "paste-external-open".into(),
                },
                move |l| put_rows(l, rows, replace),
            );
        },
    );
    let total = move || {
        let t: Option<Amount> = h.with(|r| {
            r.budget
                .external
                .iter()
                .fold(None, |s, e| crate::domain::spending::add(s, e.amount))
        });
        amount_text(t)
    };
    view! {
        <div class="grid-scroll">
            <table class="grid-table" aria-labelledby="budget-external-title" on:keydown=grid_keys>
                <thead>
                    <tr>
                        <th scope="col">"Lp."</th>
                        <th scope="col" id="ext-col-source">"Skąd"</th>
                        <th scope="col" id="ext-col-description">"Opis"</th>
                        <th scope="col" id="ext-col-amount" class="num">"Kwota"</th>
                        <th scope="col"><span class="visually-hidden">"Działania na wierszu"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || ids_of(h, |r| &r.budget.external)
                        key=|id| id.clone()
                        children=move |id| view! { <ExternalRow id=id /> }
                    />
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="3">"Razem"</th>
                        <td class="num">{total}</td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
        <div class="button-row">
            <button type="button" id="budget-add-external" on:click=add>"Dodaj środki spoza budżetu"</button>
            <PasteFromSheet
                id="paste-external"
                target=PasteTarget { what: "środki spoza budżetu gminy", columns: &paste::EXTERNAL_COLUMNS, check: check_external, hint: "Puste źródło to „inne”." }
                on_insert=on_paste
            />
        </div>
    }
}

/// One entry of money from outside the gmina budget: a row of the grid.
#[component]
fn ExternalRow(
    /// The entry's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let (l, lm) = EXTERNAL;
    let entry = item_memo(h, id.clone(), l);
    let (source, set_source) = memo_lens(
        h,
        entry,
        id.clone(),
        lm,
        |x| enum_key(&x.source),
        |x, v: String| {
            if let Some(s) = enum_from(&v) {
                x.source = s
            }
        },
    );
    let (desc, set_desc) = memo_lens(
        h,
        entry,
        id.clone(),
        lm,
        |x| x.description.clone(),
        |x, v| x.description = v,
    );
    let (amount, set_amount) =
        memo_lens(h, entry, id.clone(), lm, |x| x.amount, |x, v| x.amount = v);
    let position = Memo::new(move |_| entry.with(|x| x.as_ref().map_or(0, |(n, _)| *n)));
    let i = id.as_str().to_string();
    let row_id = dom_id(&["budget", "external", &i]);
    let head_id = format!("{row_id}-h");
    let f = move |field: &str| dom_id(&["budget", "external", &i, field]);
    let by = {
        let head_id = head_id.clone();
        move |col: &str| format!("{head_id} ext-col-{col}")
    };
    let id_rm = id.clone();
    let remove = move |_| {
        let id_rm = id_rm.clone();
        ed.change_list(
            EXTERNAL,
            format!(
                "Usunięto środki spoza budżetu nr {}.",
                position.get_untracked()
            ),
            ListFocus {
                now: None,
                undone: dom_id(&["budget", "external", id_rm.as_str(), "source"]),
            },
            move |l| l.retain(|x| x.id != id_rm),
        );
    };
    let desc_id = f("description");
    let desc_notes = notes_for(&desc_id);
    let desc_note_id = format!("{desc_id}-note");
    let source_options = enum_options(&ExternalSource::ALL, ExternalSource::label)
        .into_iter()
        .map(|(v, label)| {
            let v2 = v.clone();
            view! { <option value=v selected=move || source.with(|s| s == &v2)>{label}</option> }
        })
        .collect_view();
    let rm_id = format!("{row_id}-remove");
    view! {
        <tr id=row_id tabindex="-1">
            <th scope="row" id=head_id.clone()>
                {move || format!("{}.", position.get())}
                <span class="visually-hidden">" " {move || desc.get()}</span>
            </th>
            <td>
                <select
                    id=f("source")
                    aria-labelledby=by("source")
                    prop:value=move || source.get()
                    on:change=move |ev| set_source.run(event_target_value(&ev))
                >
                    {source_options}
                </select>
            </td>
            <td class="cell-text">
                <input
                    id=desc_id.clone()
                    type="text"
                    aria-labelledby=by("description")
                    aria-describedby=move || (!desc_notes.with(Vec::is_empty)).then(|| desc_note_id.clone())
                    prop:value=move || desc.get()
                    on:input=move |ev| set_desc.run(event_target_value(&ev))
                />
                {notes_view(desc_id, desc_notes)}
            </td>
            <td class="num"><ParsedField id=f("amount") label="Kwota" labelledby=by("amount") value=amount on_change=set_amount parse=parse_money format=show_money /></td>
            <td class="row-actions">
                <button type="button" id=rm_id.clone() class="danger" aria-labelledby=format!("{rm_id} {head_id}") on:click=remove>"Usuń"</button>
            </td>
        </tr>
    }
}
