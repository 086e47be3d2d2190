//! The overview of a task's (or goal's) activities as a table above their cards: title,
//! realizers, participants, cost executed and state, the numbers editable in place and each
//! title opening its full card; and "Wklej z arkusza" for a realizers' table of activities.

use leptos::prelude::*;

use super::activities::{act_dom_id, place, title_of, Filter};
use crate::app::components::*;
use crate::app::state::{pasted_message, ActRow, Editor, ListUndo};
use crate::domain::model::*;
use crate::domain::paste::{self, fold_letter};

/// Rows of the overview drawn at first.
const TABLE_ROWS: usize = 100;

fn check_activities(p: &paste::Pasted, m: &paste::Mapping) -> CellProblems {
    paste::activities(p, m)
        .into_iter()
        .map(|r| r.problems)
        .collect()
}

/// A name as compared with the partner register: lower case, Polish letters folded, spaces
/// collapsed.
fn name_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(fold_letter)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The participants of an activity as the report counts them (its indicators in persons).
fn participants(a: &Activity) -> String {
    let mut sum = rust_decimal::Decimal::ZERO;
    let (mut any, mut approximate) = (false, false);
    for i in a.participant_indicators() {
        if let Some(v) = i.achieved {
            sum += v;
            any = true;
            approximate |= i.approximate;
        }
    }
    match (any, approximate) {
        (false, _) => "—".into(),
        (true, false) => crate::app::bridge::format_number(sum),
        (true, true) => format!("ok. {}", crate::app::bridge::format_number(sum)),
    }
}

/// The table of the activities a list shows.
#[component]
pub fn ActivityTable(
    /// Which activities.
    filter: Filter,
    /// Row keys of the activities shown (the list's own memo).
    keys: Memo<Vec<u64>>,
    /// Element id base (unique per list on the page).
    id: String,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let col = {
        let id = id.clone();
        move |c: &str| format!("{id}-col-{c}")
    };
    let f2 = filter.clone();
    let paste_id = format!("{id}-paste");
    let paste_open = format!("{paste_id}-open");
    let on_paste = Callback::new(
        move |(p, m, replace): (paste::Pasted, paste::Mapping, bool)| {
            let read = paste::activities(&p, &m);
            let n = read.len();
            let ids = ed.fresh_ids("act", n);
            let (rows_before, partners_before) = (
                ed.rows.get_untracked(),
                ed.head.with_untracked(|r| r.partners.clone()),
            );
            // Realizers by name: those in the register, the others added to it.
            let mut partners = partners_before.clone();
            let mut fresh_partner = {
                let mut taken = ed.fresh_ids("partner", n * 4 + 1).into_iter();
                move || taken.next().unwrap_or_default()
            };
            let mut new_rows = Vec::with_capacity(n);
            // Ids taken at once: the report does not hold the new activities yet, so ids asked
            // for one activity at a time would repeat.
            let indicators = read.iter().map(|r| r.value.activity.indicators.len()).sum();
            let mut ind_ids = ed.fresh_ids("ind", indicators).into_iter();
            for (r, id) in read.into_iter().zip(ids) {
                let mut a = r.value.activity;
                a.id = id;
                for ind in &mut a.indicators {
                    ind.id = ind_ids.next().unwrap_or_default();
                }
                place(&mut a, &f2);
                for name in r.value.realizers {
                    let key = name_key(&name);
                    let pid = match partners.iter().find(|p| name_key(&p.name) == key) {
                        Some(p) => p.id.clone(),
                        None => {
                            let pid = fresh_partner();
                            partners.push(Partner {
                                id: pid.clone(),
                                name,
                                ..Default::default()
                            });
                            pid
                        }
                    };
                    if !a.realizers.contains(&pid) {
                        a.realizers.push(pid);
                    }
                }
                new_rows.push(ed.row(a));
            }
            let added: Vec<(u64, Activity)> = new_rows
                .iter()
                .map(|r| (r.key, r.sig.get_untracked()))
                .collect();
            let first = added
                .first()
                .map(|(_, a)| act_dom_id(a.id.as_str(), &[]) + "-t-open");
            let goals: Vec<Id> = ed
                .head
                .with_untracked(|r| r.goals.iter().map(|g| g.id.clone()).collect());
            let f3 = f2.clone();
            ed.rows.update(|rows| {
                if replace {
                    rows.retain(|r| !r.sig.with_untracked(|a| f3.shows(a, &goals)));
                }
                rows.extend(new_rows);
            });
            let partners_after = partners.clone();
            ed.head.update(|r| r.partners = partners);
            let rows_after: Vec<u64> = ed
                .rows
                .with_untracked(|r| r.iter().map(|x| x.key).collect());
            let (rows, head) = (ed.rows, ed.head);
            ed.offer_undo(
                ListUndo::new(
                    pasted_message(n, ["działanie", "działania", "działań"], replace),
                    move || {
                        rows.set(rows_before.clone());
                        head.update(|r| r.partners = partners_before.clone());
                    },
                    move || {
                        let same_rows = rows.with(|r| {
                            r.iter().map(|x| x.key).eq(rows_after.iter().copied())
                                && added.iter().all(|(k, a)| {
                                    r.iter()
                                        .find(|x| x.key == *k)
                                        .is_some_and(|x| x.sig.with(|b| b == a))
                                })
                        });
                        same_rows && head.with(|r| r.partners == partners_after)
                    },
                    paste_open.clone(),
                ),
                first,
            );
        },
    );
    // A long list shows its first rows at once and the rest on request, so that opening a
    // section of a thousand activities stays quick (their cards are listed below anyway).
    let limit = RwSignal::new(TABLE_ROWS);
    let rows = move || {
        keys.get()
            .into_iter()
            .take(limit.get())
            .filter_map(|k| {
                ed.rows
                    .with_untracked(|rows| rows.iter().find(|r| r.key == k).cloned())
            })
            .collect::<Vec<_>>()
    };
    let col_base = id.clone();
    view! {
        <div class="grid-scroll" hidden=move || keys.with(Vec::is_empty)>
            <table class="grid-table activity-table" on:keydown=grid_keys>
                <caption class="visually-hidden">"Przegląd działań"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Lp."</th>
                        <th scope="col" id=col("title")>"Nazwa działania"</th>
                        <th scope="col" id=col("realizers")>"Realizatorzy"</th>
                        <th scope="col" id=col("participants") class="num">"Uczestnicy"</th>
                        <th scope="col" id=col("executed") class="num">"Koszt wykonany"</th>
                        <th scope="col" id=col("status")>"Stan realizacji"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=rows
                        key=|r| r.key
                        children=move |row| view! { <ActivityTableRow row=row keys=keys cols=col_base.clone() /> }
                    />
                </tbody>
            </table>
        </div>
        {move || {
            let n = keys.with(Vec::len);
            (n > limit.get()).then(|| view! {
                <p>
                    <button type="button" on:click=move |_| limit.set(usize::MAX)>
                        {format!("Pokaż w tabeli wszystkie działania ({n})")}
                    </button>
                </p>
            })
        }}
        <PasteFromSheet
            id=paste_id
            target=PasteTarget {
                what: "działania",
                columns: &paste::ACTIVITY_COLUMNS,
                check: check_activities,
                hint: "Realizatorzy są dopasowani po nazwie do rejestru partnerów; nieznani zostaną do niego dopisani. Kilku realizatorów w jednej komórce oddziel średnikiem. Liczba uczestników staje się wskaźnikiem w osobach.",
            }
            on_insert=on_paste
        />
    }
}

/// One activity: a row of the overview.
#[component]
fn ActivityTableRow(
    row: ActRow,
    /// The rows of the table (for the row's number in it).
    keys: Memo<Vec<u64>>,
    /// The table's id base: column `c`'s header is `{cols}-col-{c}`.
    cols: String,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let sig = row.sig.clone();
    let key = row.key;
    let aid = sig.with_untracked(|a| a.id.0.clone());
    let row_id = act_dom_id(&aid, &[]) + "-t";
    let head_id = format!("{row_id}-h");
    let by = {
        let head_id = head_id.clone();
        move |c: &str| format!("{head_id} {cols}-col-{c}")
    };
    let s = sig.clone();
    let position = Memo::new(move |_| {
        keys.with(|k| k.iter().position(|k| *k == key))
            .map_or(0, |i| i + 1)
    });
    let title = {
        let s = s.clone();
        move || s.with(title_of)
    };
    let realizers = {
        let s = s.clone();
        move || {
            let ids = s.with(|a| a.realizers.clone());
            ed.head.with(|r| {
                ids.iter()
                    .map(|id| {
                        r.partners
                            .iter()
                            .find(|p| &p.id == id)
                            .map_or_else(|| id.0.clone(), |p| p.name.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        }
    };
    let people = {
        let s = s.clone();
        move || s.with(participants)
    };
    let (s1, s2) = (sig.clone(), sig.clone());
    let executed = Signal::derive(move || s1.with(|a| a.cost.executed));
    let set_executed = Callback::new(move |v| s2.update(|a| a.cost.executed = v));
    let (s1, s2) = (sig.clone(), sig.clone());
    let status = Signal::derive(move || s1.with(|a| enum_key(&a.status)));
    let set_status = Callback::new(move |v: String| {
        if let Some(st) = enum_from(&v) {
            s2.update(|a| a.status = st)
        }
    });
    let open = {
        let aid = aid.clone();
        move |_| {
            ed.expanded.update(|s| {
                s.insert(key);
            });
            crate::app::state::focus_later(vec![act_dom_id(&aid, &["title"])]);
        }
    };
    let status_options = enum_options(&Status::ALL, Status::label)
        .into_iter()
        .map(|(v, label)| {
            let v2 = v.clone();
            view! { <option value=v selected=move || status.with(|s| s == &v2)>{label}</option> }
        })
        .collect_view();
    let open_id = format!("{row_id}-open");
    view! {
        <tr id=row_id.clone()>
            <th scope="row" id=head_id.clone()>
                {move || format!("{}.", position.get())}
                <span class="visually-hidden">" " {title.clone()}</span>
            </th>
            <td>
                <button type="button" class="link" id=open_id.clone() aria-describedby=format!("{row_id}-open-hint") on:click=open>
                    {title.clone()}
                </button>
                <span class="visually-hidden" id=format!("{row_id}-open-hint")>"otwiera kartę działania"</span>
            </td>
            <td>{realizers}</td>
            <td class="num">{people}</td>
            <td class="num">
                <ParsedField id=format!("{row_id}-executed") label="Koszt wykonany" labelledby=by("executed") value=executed on_change=set_executed parse=parse_money format=show_money />
            </td>
            <td>
                <select id=format!("{row_id}-status") aria-labelledby=by("status") prop:value=move || status.get() on:change=move |ev| set_status.run(event_target_value(&ev))>
                    {status_options}
                </select>
            </td>
        </tr>
    }
}
