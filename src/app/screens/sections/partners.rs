//! Section "Partnerzy": the register of institutions and organisations that carry out the
//! program (realizers are chosen from it), and coalitions of partners.

use leptos::prelude::*;

use super::{ids_of, item_lens, SectionFrame};
use crate::app::components::*;
use crate::app::paths::dom_id;
use crate::app::state::{focus_later, Editor};
use crate::domain::model::*;

/// The section.
#[component]
pub fn PartnersSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let add = move |_| {
        let id = ed.fresh_id("partner");
        h.update(|r| {
            r.partners.push(Partner {
                id: id.clone(),
                ..Default::default()
            })
        });
        focus_later(vec![dom_id(&["partners", id.as_str(), "name"])]);
    };
    let add_coalition = move |_| {
        let id = ed.fresh_id("coalition");
        h.update(|r| {
            r.coalitions.push(Coalition {
                id: id.clone(),
                ..Default::default()
            })
        });
        focus_later(vec![dom_id(&["coalitions", id.as_str(), "name"])]);
    };
    view! {
        <SectionFrame
            title="Partnerzy"
            intro="Instytucje i organizacje realizujące program. Z tego rejestru wybiera się realizatorów działań."
        >
            <h3>"Rejestr partnerów"</h3>
            <For
                each=move || ids_of(h, |r| &r.partners)
                key=|id| id.clone()
                children=move |id| view! { <PartnerRow id=id /> }
            />
            <button type="button" on:click=add>"Dodaj partnera"</button>
            <h3>"Koalicje i zespoły"</h3>
            <For
                each=move || ids_of(h, |r| &r.coalitions)
                key=|id| id.clone()
                children=move |id| view! { <CoalitionRow id=id /> }
            />
            <button type="button" on:click=add_coalition>"Dodaj koalicję"</button>
        </SectionFrame>
    }
}

#[component]
fn PartnerRow(
    /// The partner's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let l: fn(&Report) -> &Vec<_> = |r| &r.partners;
    let lm: fn(&mut Report) -> &mut Vec<_> = |r| &mut r.partners;
    let (name, set_name) = item_lens(h, id.clone(), l, lm, |x| x.name.clone(), |x, v| x.name = v);
    let (kind, set_kind) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| enum_key(&x.kind),
        |x, v: String| {
            if let Some(k) = enum_from(&v) {
                x.kind = k
            }
        },
    );
    let (address, set_address) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.address.clone(),
        |x, v| x.address = v,
    );
    let (role, set_role) = item_lens(h, id.clone(), l, lm, |x| x.role.clone(), |x, v| x.role = v);
    let i = id.as_str().to_string();
    let card_id = dom_id(&["partners", &i]);
    let f = move |field: &str| dom_id(&["partners", &i, field]);
    let id_rm = id.clone();
    let used = move || {
        ed.rows.with(|rows| {
            rows.iter()
                .filter(|r| r.sig.with(|a| a.realizers.contains(&id)))
                .count()
        })
    };
    let remove = move |_| {
        h.update(|r| r.partners.retain(|p| p.id != id_rm));
        ed.rows.with_untracked(|rows| {
            for row in rows {
                if row.sig.with_untracked(|a| a.realizers.contains(&id_rm)) {
                    row.sig.update(|a| a.realizers.retain(|x| x != &id_rm));
                }
            }
        });
    };
    view! {
        <fieldset class="row-card" id=card_id tabindex="-1">
            <legend>{move || { let n = name.get(); if n.is_empty() { "Nowy partner".to_string() } else { n } }}</legend>
            <div class="grid">
                <TextField id=f("name") label="Nazwa" hint="np. Poradnia Leczenia Uzależnień" value=name on_input=set_name />
                <SelectField id=f("kind") label="Rodzaj" options=enum_options(&PartnerKind::ALL, PartnerKind::label) value=kind on_change=set_kind />
                <TextField id=f("address") label="Adres" value=address on_input=set_address />
                <TextField id=f("role") label="Rola w programie" hint="np. terapia, konsultacje dla rodzin" value=role on_input=set_role />
            </div>
            <p class="hint">{move || format!("Realizator działań: {}", used())}</p>
            <button type="button" class="danger" on:click=remove>"Usuń partnera"</button>
        </fieldset>
    }
}

#[component]
fn CoalitionRow(
    /// The coalition's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let l: fn(&Report) -> &Vec<_> = |r| &r.coalitions;
    let lm: fn(&mut Report) -> &mut Vec<_> = |r| &mut r.coalitions;
    let (name, set_name) = item_lens(h, id.clone(), l, lm, |x| x.name.clone(), |x, v| x.name = v);
    let (desc, set_desc) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.description.clone(),
        |x, v| x.description = v,
    );
    let (meetings, set_meetings) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.meetings_per_year.map(i64::from),
        |x, v: Option<i64>| x.meetings_per_year = v.and_then(|n| u32::try_from(n).ok()),
    );
    let i = id.as_str().to_string();
    let card_id = dom_id(&["coalitions", &i]);
    let f = move |field: &str| dom_id(&["coalitions", &i, field]);
    let idc = id.clone();
    let members = move || {
        let partners: Vec<(Id, String)> = h.with(|r| {
            r.partners
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect()
        });
        partners
            .into_iter()
            .map(|(pid, pname)| {
                let (c1, c2, p1, p2) = (idc.clone(), idc.clone(), pid.clone(), pid.clone());
                view! {
                    <CheckField
                        id=dom_id(&["coalitions", idc.as_str(), "members", pid.as_str()])
                        label=pname
                        checked=Signal::derive(move || h.with(|r| r.coalitions.iter().any(|c| c.id == c1 && c.members.contains(&p1))))
                        on_change=Callback::new(move |on: bool| h.update(|r| {
                            if let Some(c) = r.coalitions.iter_mut().find(|c| c.id == c2) {
                                c.members.retain(|m| m != &p2);
                                if on { c.members.push(p2.clone()); }
                            }
                        }))
                    />
                }
            })
            .collect_view()
    };
    let id_rm = id.clone();
    let remove = move |_| h.update(|r| r.coalitions.retain(|c| c.id != id_rm));
    let idw = id.clone();
    let group_ids = move || {
        h.with(|r| {
            r.coalitions
                .iter()
                .find(|c| c.id == idw)
                .map(|c| {
                    c.working_groups
                        .iter()
                        .map(|w| w.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let ida = id.clone();
    let add_group = move |_| {
        let gid = ed.fresh_id("group");
        h.update(|r| {
            if let Some(c) = r.coalitions.iter_mut().find(|c| c.id == ida) {
                c.working_groups.push(WorkingGroup {
                    id: gid.clone(),
                    ..Default::default()
                });
            }
        });
        focus_later(vec![dom_id(&[
            "coalitions",
            ida.as_str(),
            "working_groups",
            gid.as_str(),
            "name",
        ])]);
    };
    let idg = id.clone();
    view! {
        <fieldset class="row-card" id=card_id tabindex="-1">
            <legend>"Koalicja"</legend>
            <div class="grid">
                <TextField id=f("name") label="Nazwa koalicji" value=name on_input=set_name />
                <IntField id=f("meetings_per_year") label="Spotkania w roku" value=meetings on_change=set_meetings />
            </div>
            <TextField id=f("description") label="Opis współpracy" value=desc on_input=set_desc multiline=true />
            <fieldset>
                <legend>"Członkowie"</legend>
                <div class="checks">{members}</div>
            </fieldset>
            <fieldset>
                <legend>"Grupy robocze"</legend>
                <For
                    each=group_ids
                    key=|g| g.clone()
                    children=move |g| view! { <WorkingGroupRow coalition=idg.clone() id=g /> }
                />
                <button type="button" on:click=add_group>"Dodaj grupę roboczą"</button>
            </fieldset>
            <button type="button" class="danger" on:click=remove>"Usuń koalicję"</button>
        </fieldset>
    }
}

#[component]
fn WorkingGroupRow(
    /// The coalition's id.
    coalition: Id,
    /// The working group's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    type Get = fn(&WorkingGroup) -> String;
    type Set = fn(&mut WorkingGroup, String);
    let lens = |get: Get, set: Set| {
        let (c1, c2, i1, i2) = (coalition.clone(), coalition.clone(), id.clone(), id.clone());
        (
            Signal::derive(move || {
                h.with(|r| {
                    r.coalitions
                        .iter()
                        .find(|c| c.id == c1)
                        .and_then(|c| c.working_groups.iter().find(|w| w.id == i1))
                        .map(get)
                        .unwrap_or_default()
                })
            }),
            Callback::new(move |v: String| {
                h.update(|r| {
                    if let Some(w) = r
                        .coalitions
                        .iter_mut()
                        .find(|c| c.id == c2)
                        .and_then(|c| c.working_groups.iter_mut().find(|w| w.id == i2))
                    {
                        set(w, v)
                    }
                })
            }),
        )
    };
    let (name, set_name) = lens(|w| w.name.clone(), |w, v| w.name = v);
    let (topic, set_topic) = lens(|w| w.topic.clone(), |w, v| w.topic = v);
    let f = {
        let (c, i) = (coalition.0.clone(), id.0.clone());
        move |field: &str| dom_id(&["coalitions", &c, "working_groups", &i, field])
    };
    let remove = move |_| {
        h.update(|r| {
            if let Some(c) = r.coalitions.iter_mut().find(|c| c.id == coalition) {
                c.working_groups.retain(|w| w.id != id);
            }
        })
    };
    view! {
        <div class="grid indicator">
            <TextField id=f("name") label="Nazwa grupy" hint="np. Zespół ds. profilaktyki w szkołach" value=name on_input=set_name />
            <TextField id=f("topic") label="Czym się zajmuje" value=topic on_input=set_topic />
            <button type="button" class="danger" on:click=remove>"Usuń grupę"</button>
        </div>
    }
}
