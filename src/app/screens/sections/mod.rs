//! One module per report section. Shared here: lenses that bind a control to one field of the
//! open report (so each control re-reads only its own value), and the section frame.

pub mod activities;
pub mod activity_table;
pub mod budget;
pub mod check;
pub mod comparison;
pub mod conclusions;
pub mod consultation;
pub mod context;
pub mod export;
pub mod gathering;
pub mod gkrpa;
pub mod group_costs;
pub mod kcpu;
pub mod partners;
pub mod program;
pub mod summary;

use leptos::prelude::*;

use crate::domain::model::*;

/// Binds a field of a signal-held value: `lens!(sig, gmina.name)` gives `(Signal<T>, Callback<T>)`.
macro_rules! lens {
    ($sig:expr, $($path:tt)+) => {{
        let get_sig = $sig.clone();
        let set_sig = $sig.clone();
        (
            ::leptos::prelude::Signal::derive(move || get_sig.with(|r| r.$($path)+.clone())),
            ::leptos::prelude::Callback::new(move |v| set_sig.update(|r| r.$($path)+ = v)),
        )
    }};
}

/// Binds an enum field to a select by the variants' serde names.
macro_rules! lens_enum {
    ($sig:expr, $($path:tt)+) => {{
        let get_sig = $sig.clone();
        let set_sig = $sig.clone();
        (
            ::leptos::prelude::Signal::derive(move || {
                get_sig.with(|r| $crate::app::components::enum_key(&r.$($path)+))
            }),
            ::leptos::prelude::Callback::new(move |v: String| {
                if let Some(x) = $crate::app::components::enum_from(&v) {
                    set_sig.update(|r| r.$($path)+ = x);
                }
            }),
        )
    }};
}

pub(crate) use {lens, lens_enum};

/// Entities with a stable id inside the report's lists.
pub trait HasId {
    fn id(&self) -> &Id;
}
macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &Id { &self.id } })* };
}
has_id!(
    BudgetLine,
    ExternalFunding,
    Goal,
    Partner,
    Coalition,
    ContextFigure,
    Indicator,
    WorkingGroup,
    ConsultationPoint,
    GroupCost
);

/// Binds one field of one element (by id) of a list in the report head.
pub fn item_lens<I, T>(
    head: RwSignal<Report>,
    id: Id,
    list: fn(&Report) -> &Vec<I>,
    list_mut: fn(&mut Report) -> &mut Vec<I>,
    get: fn(&I) -> T,
    set: fn(&mut I, T),
) -> (Signal<T>, Callback<T>)
where
    I: HasId + 'static,
    T: Clone + Default + Send + Sync + 'static,
{
    let id2 = id.clone();
    (
        Signal::derive(move || {
            head.with(|r| {
                list(r)
                    .iter()
                    .find(|x| x.id() == &id)
                    .map(get)
                    .unwrap_or_default()
            })
        }),
        Callback::new(move |v: T| {
            head.update(|r| {
                if let Some(x) = list_mut(r).iter_mut().find(|x| x.id() == &id2) {
                    set(x, v)
                }
            })
        }),
    )
}

/// One element of a list in the head, looked up once per change of the head rather than once
/// per field: its number in the list (from 1) and a copy, announced only when that element or
/// its place changed. A grid row reads its cells from it, so typing into one row of a long
/// table re-runs that row's cells only.
pub fn item_memo<I>(
    head: RwSignal<Report>,
    id: Id,
    list: fn(&Report) -> &Vec<I>,
) -> Memo<Option<(usize, I)>>
where
    I: HasId + Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| {
        head.with(|r| {
            list(r)
                .iter()
                .enumerate()
                .find(|(_, x)| x.id() == &id)
                .map(|(i, x)| (i + 1, x.clone()))
        })
    })
}

/// Binds one field of a list element: read through its [`item_memo`], written into the head.
pub fn memo_lens<I, T>(
    head: RwSignal<Report>,
    item: Memo<Option<(usize, I)>>,
    id: Id,
    list_mut: fn(&mut Report) -> &mut Vec<I>,
    get: fn(&I) -> T,
    set: fn(&mut I, T),
) -> (Signal<T>, Callback<T>)
where
    I: HasId + Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Default + Send + Sync + 'static,
{
    (
        Signal::derive(move || item.with(|x| x.as_ref().map(|(_, x)| get(x)).unwrap_or_default())),
        Callback::new(move |v: T| {
            head.update(|r| {
                if let Some(x) = list_mut(r).iter_mut().find(|x| x.id() == &id) {
                    set(x, v)
                }
            })
        }),
    )
}

/// Ids of a list in the head, for keyed `<For>`.
pub fn ids_of<I: HasId>(head: RwSignal<Report>, list: fn(&Report) -> &Vec<I>) -> Vec<Id> {
    head.with(|r| list(r).iter().map(|x| x.id().clone()).collect())
}

/// Moves the element with `id` one place up (`-1`) or down (`+1`) in a vector.
pub fn move_by<I>(v: &mut [I], pos: usize, delta: isize) -> Option<usize> {
    let to = pos as isize + delta;
    if to < 0 || to as usize >= v.len() {
        return None;
    }
    v.swap(pos, to as usize);
    Some(to as usize)
}

/// The frame of a section: heading (focus target after navigation) and an intro.
#[component]
pub fn SectionFrame(
    /// Heading text.
    #[prop(into)]
    title: String,
    /// One-paragraph explanation under the heading.
    #[prop(optional, into)]
    intro: Option<String>,
    /// The section's content.
    children: Children,
) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="section-title">
            <h2 id="section-title" tabindex="-1">{title}</h2>
            {intro.map(|i| view! { <p class="intro">{i}</p> })}
            {children()}
        </section>
    }
}
