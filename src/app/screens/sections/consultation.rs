//! Section "Punkty konsultacyjne": the consultation points (punkt konsultacyjny, telefon zaufania)
//! run under the program — opening hours, staff, clients and consultations by client type, and
//! where clients were referred on. Points and referrals are keyed by stable ids from the editor's
//! fresh-id helper; counts left empty are "not given", never 0.

use leptos::prelude::*;

use super::{ids_of, item_lens, SectionFrame};
use crate::app::bridge;
use crate::app::components::*;
use crate::app::paths::dom_id;
use crate::app::state::{focus_later, Editor};
use crate::domain::model::*;

/// Element id of a point's field: `f-consultation_points-<id>-<parts…>`.
fn point_dom_id(point: &str, parts: &[&str]) -> String {
    let mut all = vec!["consultation_points", point];
    all.extend_from_slice(parts);
    dom_id(&all)
}

/// The section.
#[component]
pub fn ConsultationSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let add = move |_| {
        let id = ed.fresh_id("point");
        h.update(|r| {
            r.consultation_points.push(ConsultationPoint {
                id: id.clone(),
                ..Default::default()
            })
        });
        focus_later(vec![point_dom_id(id.as_str(), &["name"])]);
    };
    view! {
        <SectionFrame
            title="Punkty konsultacyjne"
            intro="Punkty konsultacyjne i telefony zaufania prowadzone w ramach programu: godziny pracy, kto w nich pracuje, ile osób i konsultacji według rodzaju klienta oraz dokąd kierowano dalej. Puste pole oznacza „nie podano”."
        >
            <Show when=move || h.with(|r| r.consultation_points.is_empty())>
                <p class="empty">"Brak punktów konsultacyjnych."</p>
            </Show>
            <For
                each=move || ids_of(h, |r| &r.consultation_points)
                key=|id| id.clone()
                children=move |id| view! { <PointCard id=id /> }
            />
            <button type="button" on:click=add>"Dodaj punkt konsultacyjny"</button>
        </SectionFrame>
    }
}

/// The client-count fields of [`ClientCounts`], in print order: (key, getter, setter).
type CountAccess = (
    &'static str,
    fn(&ClientCounts) -> Option<u32>,
    fn(&mut ClientCounts, Option<u32>),
);
const CLIENT_FIELDS: [CountAccess; 6] = [
    ("addicted", |c| c.addicted, |c, v| c.addicted = v),
    (
        "co_dependent",
        |c| c.co_dependent,
        |c, v| c.co_dependent = v,
    ),
    ("dda", |c| c.dda, |c, v| c.dda = v),
    (
        "violence_victims",
        |c| c.violence_victims,
        |c, v| c.violence_victims = v,
    ),
    (
        "perpetrators",
        |c| c.perpetrators,
        |c, v| c.perpetrators = v,
    ),
    ("other", |c| c.other, |c, v| c.other = v),
];

#[component]
fn PointCard(
    /// The point's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let l: fn(&Report) -> &Vec<_> = |r| &r.consultation_points;
    let lm: fn(&mut Report) -> &mut Vec<_> = |r| &mut r.consultation_points;
    let (name, set_name) = item_lens(h, id.clone(), l, lm, |x| x.name.clone(), |x, v| x.name = v);
    let (hours, set_hours) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.weekly_hours,
        |x, v| x.weekly_hours = v,
    );
    let (staff, set_staff) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.staff.clone(),
        |x, v| x.staff = v,
    );
    let (notes, set_notes) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.notes.clone(),
        |x, v| x.notes = v,
    );
    let pid = id.as_str().to_string();
    let card_id = point_dom_id(&pid, &[]);
    let f = {
        let pid = pid.clone();
        move |parts: &[&str]| point_dom_id(&pid, parts)
    };

    // The grid of counts: one row per client type, columns "osoby" and "konsultacje". Each
    // input's label repeats its row and column for assistive technology.
    let labels: Vec<(&'static str, &'static str)> = ClientCounts::default()
        .rows()
        .iter()
        .map(|(k, label, _)| (*k, *label))
        .collect();
    let rows = CLIENT_FIELDS
        .iter()
        .map(|&(key, get, set)| {
            let label = labels
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, l)| *l)
                .unwrap_or(key);
            let (cl_get, cl_set) = {
                let id = id.clone();
                let id2 = id.clone();
                (
                    Signal::derive(move || {
                        h.with(|r| {
                            r.consultation_points
                                .iter()
                                .find(|p| p.id == id)
                                .and_then(|p| get(&p.clients))
                        })
                    }),
                    Callback::new(move |v: Option<u32>| {
                        h.update(|r| {
                            if let Some(p) = r.consultation_points.iter_mut().find(|p| p.id == id2) {
                                set(&mut p.clients, v)
                            }
                        })
                    }),
                )
            };
            let (co_get, co_set) = {
                let id = id.clone();
                let id2 = id.clone();
                (
                    Signal::derive(move || {
                        h.with(|r| {
                            r.consultation_points
                                .iter()
                                .find(|p| p.id == id)
                                .and_then(|p| get(&p.consultations))
                        })
                    }),
                    Callback::new(move |v: Option<u32>| {
                        h.update(|r| {
                            if let Some(p) = r.consultation_points.iter_mut().find(|p| p.id == id2) {
                                set(&mut p.consultations, v)
                            }
                        })
                    }),
                )
            };
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>
                        <CountField id=f(&["clients", key]) label=format!("{label}: osoby") value=cl_get on_change=cl_set label_hidden=true />
                    </td>
                    <td>
                        <CountField id=f(&["consultations", key]) label=format!("{label}: konsultacje") value=co_get on_change=co_set label_hidden=true />
                    </td>
                </tr>
            }
        })
        .collect_view();
    let id_t = id.clone();
    let totals = Memo::new(move |_| {
        h.with(|r| {
            r.consultation_points
                .iter()
                .find(|p| p.id == id_t)
                .map(|p| (p.clients.total(), p.consultations.total()))
                .unwrap_or_default()
        })
    });
    let show_total = |n: Option<u64>| {
        n.map(|n| bridge::format_number(rust_decimal::Decimal::from(n)))
            .unwrap_or_else(|| "—".into())
    };

    // Referrals onward.
    let id_r = id.clone();
    let referral_ids = move || {
        h.with(|r| {
            r.consultation_points
                .iter()
                .find(|p| p.id == id_r)
                .map(|p| p.referrals.iter().map(|x| x.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let id_add = id.clone();
    let pid_add = pid.clone();
    let add_referral = move |_| {
        let rid = ed.fresh_id("referral");
        h.update(|r| {
            if let Some(p) = r.consultation_points.iter_mut().find(|p| p.id == id_add) {
                p.referrals.push(Referral {
                    id: rid.clone(),
                    ..Default::default()
                })
            }
        });
        focus_later(vec![point_dom_id(
            &pid_add,
            &["referrals", rid.as_str(), "target"],
        )]);
    };
    let id_ref = id.clone();
    let legend = move || {
        let n = name.get();
        if n.trim().is_empty() {
            "Punkt konsultacyjny bez nazwy".to_string()
        } else {
            n
        }
    };
    let grid_caption = f(&["counts"]);
    let id_rm = id.clone();
    let remove = move |_| h.update(|r| r.consultation_points.retain(|x| x.id != id_rm));
    view! {
        <fieldset class="row-card" id=card_id tabindex="-1">
            <legend>{legend}</legend>
            <div class="grid">
                <TextField id=f(&["name"]) label="Nazwa punktu" hint="np. Punkt Konsultacyjny ds. Uzależnień i Przemocy Domowej" value=name on_input=set_name />
                <NumberField id=f(&["weekly_hours"]) label="Godziny pracy w tygodniu" hint="np. 6 albo 7,5" value=hours on_change=set_hours />
                <TextField id=f(&["staff"]) label="Kto pracuje w punkcie" hint="np. specjalista psychoterapii uzależnień, psycholog" value=staff on_input=set_staff />
            </div>
            <div class="table-wrap">
                <table class="counts">
                    <caption id=grid_caption>"Osoby i konsultacje według rodzaju klienta"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Rodzaj klienta"</th>
                            <th scope="col">"Osoby"</th>
                            <th scope="col">"Konsultacje"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">"Razem"</th>
                            <td data-testid="clients-total">{move || show_total(totals.get().0)}</td>
                            <td data-testid="consultations-total">{move || show_total(totals.get().1)}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <fieldset id=f(&["referrals"]) tabindex="-1">
                <legend>"Skierowania dalej"</legend>
                <p class="hint">"Dokąd skierowano klientów, np. poradnia terapii uzależnień, AA, Al-Anon, terapia stacjonarna."</p>
                <For
                    each=referral_ids
                    key=|rid| rid.clone()
                    children=move |rid| view! { <ReferralRow point=id_ref.clone() id=rid /> }
                />
                <button type="button" on:click=add_referral>"Dodaj skierowanie"</button>
            </fieldset>
            <TextField id=f(&["notes"]) label="Uwagi" value=notes on_input=set_notes multiline=true />
            <button type="button" class="danger" on:click=remove>"Usuń punkt konsultacyjny"</button>
        </fieldset>
    }
}

#[component]
fn ReferralRow(
    /// The point's id.
    point: Id,
    /// The referral's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    fn ref_lens<T: Clone + Default + Send + Sync + 'static>(
        h: RwSignal<Report>,
        point: &Id,
        id: &Id,
        get: fn(&Referral) -> T,
        set: fn(&mut Referral, T),
    ) -> (Signal<T>, Callback<T>) {
        let (p1, p2, i1, i2) = (point.clone(), point.clone(), id.clone(), id.clone());
        (
            Signal::derive(move || {
                h.with(|r| {
                    r.consultation_points
                        .iter()
                        .find(|p| p.id == p1)
                        .and_then(|p| p.referrals.iter().find(|x| x.id == i1))
                        .map(get)
                        .unwrap_or_default()
                })
            }),
            Callback::new(move |v: T| {
                h.update(|r| {
                    if let Some(x) = r
                        .consultation_points
                        .iter_mut()
                        .find(|p| p.id == p2)
                        .and_then(|p| p.referrals.iter_mut().find(|x| x.id == i2))
                    {
                        set(x, v)
                    }
                })
            }),
        )
    }
    let (target, set_target) = ref_lens(h, &point, &id, |x| x.target.clone(), |x, v| x.target = v);
    let (persons, set_persons) = ref_lens(h, &point, &id, |x| x.persons, |x, v| x.persons = v);
    let f = {
        let (p, i) = (point.0.clone(), id.0.clone());
        move |field: &str| point_dom_id(&p, &["referrals", &i, field])
    };
    let remove = move |_| {
        h.update(|r| {
            if let Some(p) = r.consultation_points.iter_mut().find(|p| p.id == point) {
                p.referrals.retain(|x| x.id != id)
            }
        })
    };
    view! {
        <div class="referral inline-form">
            <TextField id=f("target") label="Dokąd skierowano" hint="np. Poradnia Terapii Uzależnień" value=target on_input=set_target />
            <CountField id=f("persons") label="Liczba osób" hint="np. 9" value=persons on_change=set_persons />
            <button type="button" class="danger" on:click=remove>"Usuń skierowanie"</button>
        </div>
    }
}
