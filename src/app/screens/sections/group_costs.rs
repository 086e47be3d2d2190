//! Costs given for a group of activities or a whole goal ("koszty wspólne"), when the gmina does
//! not split an amount per activity (`Report.group_costs`). Shown in the "Budżet" section; each
//! entry names what it covers (a goal and/or activities chosen by their stable ids) and carries a
//! cost like an activity's.

use leptos::prelude::*;

use super::budget::{chapter_codes, code_options, paragraph_codes};
use super::{ids_of, item_lens};
use crate::app::components::*;
use crate::app::paths::dom_id;
use crate::app::state::{focus_later, Editor};
use crate::domain::model::*;

/// The list of group costs with its "add" button.
#[component]
pub fn GroupCosts() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let add = move |_| {
        let id = ed.fresh_id("group");
        h.update(|r| {
            r.group_costs.push(GroupCost {
                id: id.clone(),
                ..Default::default()
            })
        });
        focus_later(vec![dom_id(&["group_costs", id.as_str(), "description"])]);
    };
    view! {
        <p class="hint">
            "Jedna kwota na kilka działań lub cały cel; wlicza się do sum rozdziałów — nie wpisuj jej drugi raz przy działaniach."
        </p>
        <For
            each=move || ids_of(h, |r| &r.group_costs)
            key=|id| id.clone()
            children=move |id| view! { <GroupCostRow id=id /> }
        />
        <button type="button" on:click=add>"Dodaj koszt wspólny"</button>
    }
}

#[component]
fn GroupCostRow(
    /// The entry's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let l: fn(&Report) -> &Vec<_> = |r| &r.group_costs;
    let lm: fn(&mut Report) -> &mut Vec<_> = |r| &mut r.group_costs;
    let (desc, set_desc) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.description.clone(),
        |x, v| x.description = v,
    );
    let (goal, set_goal) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.goal.as_ref().map(|g| g.0.clone()).unwrap_or_default(),
        |x, v: String| x.goal = (!v.is_empty()).then(|| Id::new(v)),
    );
    let (planned, set_planned) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.cost.planned,
        |x, v| x.cost.planned = v,
    );
    let (executed, set_executed) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.cost.executed,
        |x, v| x.cost.executed = v,
    );
    let (chapter, set_chapter) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.cost.chapter.clone(),
        |x, v| x.cost.chapter = v,
    );
    let (paragraph, set_paragraph) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.cost.paragraph.clone(),
        |x, v| x.cost.paragraph = v,
    );
    let (source, set_source) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| enum_key(&x.cost.source),
        |x, v: String| {
            if let Some(s) = enum_from(&v) {
                x.cost.source = s
            }
        },
    );
    let i = id.as_str().to_string();
    let card_id = dom_id(&["group_costs", &i]);
    let f = {
        let i = i.clone();
        move |parts: &[&str]| {
            let mut all = vec!["group_costs", i.as_str()];
            all.extend_from_slice(parts);
            dom_id(&all)
        }
    };
    let goal_options = move || {
        let mut o = vec![(
            String::new(),
            "— bez celu (tylko wybrane działania) —".to_string(),
        )];
        h.with_untracked(|r| {
            o.extend(
                r.goals
                    .iter()
                    .map(|g| (g.id.0.clone(), format!("Cel {}: {}", g.number, g.title))),
            )
        });
        o
    };

    // The activities it covers: a checkbox per activity of the report (by stable id).
    let id_acts = id.clone();
    let f_acts = f.clone();
    let activities = move || {
        let acts: Vec<(Id, String)> = ed.rows.with(|rows| {
            rows.iter()
                .map(|row| {
                    row.sig.with(|a| {
                        let t = if a.title.trim().is_empty() {
                            format!("Działanie bez nazwy ({})", a.id)
                        } else {
                            a.title.clone()
                        };
                        (a.id.clone(), t)
                    })
                })
                .collect()
        });
        if acts.is_empty() {
            return view! { <p class="hint">"Raport nie ma jeszcze działań."</p> }.into_any();
        }
        acts.into_iter()
            .map(|(aid, label)| {
                let (g1, g2) = (id_acts.clone(), id_acts.clone());
                let (a1, a2) = (aid.clone(), aid.clone());
                view! {
                    <CheckField
                        id=f_acts(&["activities", aid.as_str()])
                        label=label
                        checked=Signal::derive(move || {
                            h.with(|r| {
                                r.group_costs
                                    .iter()
                                    .find(|g| g.id == g1)
                                    .is_some_and(|g| g.activities.contains(&a1))
                            })
                        })
                        on_change=Callback::new(move |on: bool| {
                            h.update(|r| {
                                if let Some(g) = r.group_costs.iter_mut().find(|g| g.id == g2) {
                                    g.activities.retain(|x| x != &a2);
                                    if on {
                                        g.activities.push(a2.clone());
                                    }
                                }
                            })
                        })
                    />
                }
            })
            .collect_view()
            .into_any()
    };
    let legend = move || {
        let d = desc.get();
        if d.trim().is_empty() {
            "Koszt wspólny".to_string()
        } else {
            format!("Koszt wspólny: {d}")
        }
    };
    let acts_id = f(&["activities"]);
    let id_rm = id.clone();
    let remove = move |_| h.update(|r| r.group_costs.retain(|x| x.id != id_rm));
    view! {
        <fieldset class="row-card" id=card_id tabindex="-1">
            <legend>{legend}</legend>
            <TextField id=f(&["description"]) label="Co obejmuje kwota" hint="np. Programy profilaktyczne w szkołach" value=desc on_input=set_desc />
            <SelectField id=f(&["goal"]) label="Cel programu, którego dotyczy" options=goal_options() value=goal on_change=set_goal />
            <fieldset id=acts_id.clone() tabindex="-1">
                <legend>"Działania objęte kwotą"</legend>
                {notes_view(acts_id.clone(), notes_for(&acts_id))}
                <div class="checks">{activities}</div>
            </fieldset>
            <div class="grid">
                <MoneyField id=f(&["cost", "planned"]) label="Koszt planowany" value=planned on_change=set_planned />
                <MoneyField id=f(&["cost", "executed"]) label="Koszt wykonany" value=executed on_change=set_executed />
                <SelectField id=f(&["cost", "chapter"]) label="Rozdział" options=code_options(chapter_codes(), &chapter.get_untracked()) value=chapter on_change=set_chapter />
                <SelectField id=f(&["cost", "paragraph"]) label="Paragraf (§)" options=code_options(paragraph_codes(), &paragraph.get_untracked()) value=paragraph on_change=set_paragraph />
                <SelectField id=f(&["cost", "source"]) label="Źródło finansowania" options=enum_options(&FundingSource::ALL, FundingSource::label) value=source on_change=set_source />
            </div>
            <button type="button" class="danger" on:click=remove>"Usuń koszt wspólny"</button>
        </fieldset>
    }
}
