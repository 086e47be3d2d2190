//! The activities: one section per statutory task of the report's regime, and the goal layout
//! (I–V) as another view of the same activities. Each card edits one activity through its own
//! signal; lists are keyed by stable row keys, so typing re-renders only the card typed in.

use leptos::prelude::*;

use super::{ids_of, item_lens, SectionFrame};
use super::{lens, lens_enum};
use crate::app::components::*;
use crate::app::paths::{dom_id, SectionKey};
use crate::app::screens::sections::budget::{chapter_codes, code_options, paragraph_codes};
use crate::app::state::{
    focus_later, pasted_message, put_rows, ActRow, Editor, ListFocus, Lists, RemovedActivity,
};
use crate::domain::catalogue::catalogue;
use crate::domain::model::*;
use crate::domain::paste;

/// Which activities a list shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Filter {
    /// Activities serving this statutory task.
    Task(TaskId),
    /// Activities of this goal (None: without a goal).
    Goal(Option<Id>),
}

impl Filter {
    /// Whether the list shows an activity; `goals` are the ids of the report's goals (an
    /// activity whose goal no longer exists is listed with those without a goal).
    pub fn shows(&self, a: &Activity, goals: &[Id]) -> bool {
        match self {
            Filter::Task(t) => a.tasks.contains(t),
            Filter::Goal(Some(g)) => a.goal.as_ref() == Some(g),
            Filter::Goal(None) => a.goal.as_ref().is_none_or(|g| !goals.contains(g)),
        }
    }
}

/// Keys of the rows a filter shows, recomputed only when that list changes. Each group of rows
/// has its own memo (`state::grouped`), so a keystroke in one activity re-filters its group only.
fn keys_for(ed: Editor, filter: Filter) -> Memo<Vec<u64>> {
    let groups = crate::app::state::grouped(ed.rows, move |group| {
        let filter = filter.clone();
        ArcMemo::new(move |_| {
            let goals: Vec<Id> = match filter {
                Filter::Goal(None) => ed
                    .head
                    .with(|r| r.goals.iter().map(|g| g.id.clone()).collect()),
                _ => Vec::new(),
            };
            group
                .iter()
                .filter(|r| r.sig.with(|a| filter.shows(a, &goals)))
                .map(|r| r.key)
                .collect::<Vec<u64>>()
        })
    });
    Memo::new(move |_| groups.with(|gs| gs.iter().flat_map(|g| g.get()).collect()))
}

fn row_by_key(ed: Editor, key: u64) -> Option<ActRow> {
    ed.rows
        .with_untracked(|rows| rows.iter().find(|r| r.key == key).cloned())
}

/// Element id of an activity card or one of its fields.
pub fn act_dom_id(activity_id: &str, field: &[&str]) -> String {
    let mut parts = vec!["activities", activity_id];
    parts.extend_from_slice(field);
    dom_id(&parts)
}

/// How many activity cards a list shows in the frame that shows it; the rest come
/// [`CARDS_PER_FRAME`] a frame after it (`defer::growing`).
const FIRST_CARDS: usize = 40;
const CARDS_PER_FRAME: usize = 120;

/// Whether the activity list around a card is still being shown for the first time.
#[derive(Clone, Copy)]
struct ListOpening(StoredValue<bool>);

/// A list of activity cards with an "add" button.
#[component]
fn ActivityList(
    /// Which activities to show.
    filter: Filter,
    /// Heading level of the cards (3 or 4).
    level: u8,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    // The cards shown with the list build their forms a few a frame (see `defer`); a card that
    // comes later (added, duplicated, put back by "Cofnij") builds its form at once.
    let opening = StoredValue::new(true);
    request_animation_frame(move || {
        let _ = opening.try_set_value(false);
    });
    provide_context(ListOpening(opening));
    let keys = keys_for(ed, filter.clone());
    // A long list shows its first cards with the section and the rest over the next frames.
    let shown =
        crate::app::defer::growing(keys.with_untracked(Vec::len), FIRST_CARDS, CARDS_PER_FRAME);
    let f2 = filter.clone();
    let add = move |_| {
        let id = ed.new_activity_id();
        let mut a = Activity {
            id: id.clone(),
            ..Default::default()
        };
        place(&mut a, &f2);
        // A realizer's own activity names the realizer.
        if let Some(p) = ed
            .head
            .with_untracked(|r| r.workspace.as_ref().map(|w| w.partner.id.clone()))
        {
            a.realizers = vec![p];
        }
        let row = ed.row(a);
        ed.expanded.update(|s| {
            s.insert(row.key);
        });
        ed.rows.update(|rows| rows.push(row));
        focus_later(vec![act_dom_id(id.as_str(), &["title"])]);
    };
    let empty_text = match &filter {
        Filter::Task(_) => "Brak działań w tym zadaniu.",
        Filter::Goal(_) => "Brak działań.",
    };
    let table_id = match &filter {
        Filter::Task(t) => dom_id(&["acts", t.as_str()]),
        Filter::Goal(g) => dom_id(&["acts", "goal", g.as_ref().map_or("none", |g| g.as_str())]),
    };
    view! {
        <Show when=move || keys.with(Vec::is_empty)>
            <p class="empty">{empty_text}</p>
        </Show>
        <super::activity_table::ActivityTable filter=filter.clone() keys=keys id=table_id />
        <ol class="cards">
            <For
                each=move || {
                    let n = shown.get();
                    keys.with(|k| k.iter().take(n).copied().collect::<Vec<u64>>())
                }
                key=|k| *k
                children=move |k| {
                    row_by_key(ed, k)
                        .map(|row| {
                            view! { <ActivityCard row=row filter=filter.clone() level=level /> }
                        })
                }
            />
        </ol>
        <button type="button" class="add" on:click=add>"Dodaj działanie"</button>
    }
}

/// Puts a new activity where a list shows it: under the list's task (taking the task's area, so
/// that an alcohol task's activity is not "narkotyki" and its chapter 85154 no mismatch), or
/// under its goal.
pub fn place(a: &mut Activity, filter: &Filter) {
    match filter {
        Filter::Task(t) => {
            if let Some(task) = catalogue().task(t) {
                a.area = area_of(task.area);
            }
            a.tasks = vec![t.clone()];
        }
        Filter::Goal(g) => a.goal = g.clone(),
    }
}

/// How an activity is named where its title is still empty.
pub fn title_of(a: &Activity) -> String {
    if a.title.trim().is_empty() {
        "Działanie bez nazwy".to_string()
    } else {
        a.title.clone()
    }
}

/// The area of an activity serving a task of this area.
pub fn area_of(task: crate::domain::catalogue::TaskArea) -> Area {
    use crate::domain::catalogue::TaskArea;
    match task {
        TaskArea::Drugs => Area::Drugs,
        TaskArea::Alcohol => Area::Alcohol,
        TaskArea::Behavioural => Area::Behavioural,
    }
}

/// Makes sure a statutory task has a written reason why nothing was done (an empty [`TaskGap`]
/// if none yet), opens the task's section and moves focus into the reason field: the one step
/// from "this task has no activity" to typing the reason.
pub fn write_gap_reason(ed: Editor, task: &TaskId) {
    ed.head.update(|r| {
        if !r.task_gaps.iter().any(|g| &g.task == task) {
            r.task_gaps.push(TaskGap {
                task: task.clone(),
                ..Default::default()
            });
        }
    });
    let key = SectionKey::Task(task.clone());
    if ed.section.with_untracked(|s| s != &key) {
        ed.section.set(key);
    }
    focus_later(vec![gap_reason_id(task)]);
}

/// Element id of a task's written reason (where findings about an uncovered task point).
pub fn gap_reason_id(task: &TaskId) -> String {
    dom_id(&["task_gaps", task.as_str(), "reason"])
}

/// The short form of a citation: `art. 4¹ ust. 2 zd. 2` of
/// `art. 4¹ ust. 2 zd. 2 ustawy z dnia …` (the catalogue's text up to the act's name).
fn short_citation(citation: &str) -> &str {
    citation.split(" ustawy").next().unwrap_or(citation).trim()
}

/// One section per statutory task.
#[component]
pub fn TaskSection(
    /// The statutory task.
    task: TaskId,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let Some(t) = catalogue().task(&task) else {
        return view! { <p>"Nieznane zadanie " {task.0.clone()}</p> }.into_any();
    };
    let year = move || h.with(|r| r.year);
    // The statute's words in force in the report year; the behavioural element is the
    // program's own (art. 4¹ ust. 2 zd. 2), described but never quoted as statute.
    let wording = if t.statutory {
        view! {
            <p class="intro">
                <span class="wording">"„" {move || t.wording(year())} "”"</span>
                " — "
                <cite>{t.citation.clone()}</cite>
            </p>
        }
        .into_any()
    } else {
        view! {
            <p class="intro">
                <strong>"Element programu (" {short_citation(&t.citation)} ")"</strong>
                ": "
                {move || t.wording(year()).to_string()}
            </p>
            <p class="hint">
                "To nie jest punkt ustawowego katalogu zadań gminy: program może je obejmować. Podstawa: "
                <cite>{t.citation.clone()}</cite>
            </p>
        }
        .into_any()
    };
    let tk = task.clone();
    let has_gap = Memo::new(move |_| h.with(|r| r.task_gaps.iter().any(|g| g.task == tk)));
    let tk = task.clone();
    let has_activity = Memo::new(move |_| {
        ed.rows
            .with(|rows| rows.iter().any(|r| r.sig.with(|a| a.tasks.contains(&tk))))
    });
    let tk = task.clone();
    let gap = Signal::derive(move || {
        h.with(|r| {
            r.task_gaps
                .iter()
                .find(|g| g.task == tk)
                .map(|g| g.reason.clone())
                .unwrap_or_default()
        })
    });
    // An emptied reason keeps its gap (the field stays where the user types); "Usuń powód"
    // removes it.
    let tk = task.clone();
    let set_gap = Callback::new(move |v: String| {
        h.update(|r| {
            if let Some(g) = r.task_gaps.iter_mut().find(|g| g.task == tk) {
                g.reason = v;
            } else {
                r.task_gaps.push(TaskGap {
                    task: tk.clone(),
                    reason: v,
                    ..Default::default()
                });
            }
        })
    });
    let reason_id = gap_reason_id(&task);
    // The button carries the id of the gap's card, so a finding about the uncovered task
    // focuses it (see `paths::focus_candidates`).
    let button_id = dom_id(&["task_gaps", task.as_str()]);
    let tk = task.clone();
    let bid = button_id.clone();
    let remove_gap = move |_| {
        h.update(|r| r.task_gaps.retain(|g| g.task != tk));
        focus_later(vec![bid.clone(), "section-title".into()]);
    };
    let tk = task.clone();
    let add_gap = move |_| write_gap_reason(ed, &tk);
    let rid = reason_id.clone();
    let notes = notes_for(&reason_id);
    let note_id = format!("{reason_id}-note");
    // A realizer reports what they did; why a task had nothing is the coordinator's to say.
    let workspace = h.with_untracked(|r| r.workspace.is_some());
    let no_gap = move || {
        (!workspace && !has_activity.get()).then(|| {
            let desc = (!notes.with(Vec::is_empty)).then(|| note_id.clone());
            view! {
                <p>"Zadanie ustawowe bez działań wymaga wyjaśnienia: napisz, dlaczego w tym roku go nie realizowano."</p>
                <button type="button" id=button_id.clone() aria-describedby=desc on:click=add_gap.clone()>
                    "Wpisz powód niezrealizowania"
                </button>
                {notes_view(rid.clone(), notes)}
            }
        })
    };
    view! {
        <SectionFrame title=t.short_name.clone()>
            {wording}
            <ActivityList filter=Filter::Task(task.clone()) level=3 />
            <div class="task-gap" hidden=workspace>
                <Show when=move || has_gap.get() fallback=no_gap>
                    <TextField
                        id=reason_id.clone()
                        label="Powód niezrealizowania zadania"
                        hint="Dlaczego w tym roku w tym zadaniu nie było działań, np. brak chętnych realizatorów, zadanie realizowane przez powiat."
                        value=gap
                        on_input=set_gap
                        multiline=true
                    />
                    <button type="button" class="danger" on:click=remove_gap.clone()>"Usuń powód"</button>
                </Show>
            </div>
        </SectionFrame>
    }
    .into_any()
}

/// The goal layout (sections I–V): the goals, and the same activities grouped by goal.
#[component]
pub fn GoalsSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let add_goal = move |_| {
        let id = ed.fresh_id("goal");
        h.update(|r| {
            let n = r.goals.len() + 1;
            r.goals.push(Goal {
                id: id.clone(),
                number: roman(n),
                ..Default::default()
            })
        });
        focus_later(vec![dom_id(&["goals", id.as_str(), "title"])]);
    };
    view! {
        <SectionFrame
            title="Układ według celów (I–V)"
            intro="Te same działania co w sekcjach zadań ustawowych, pogrupowane według celów programu. Tu widać też działania bez przypisanego zadania ustawowego."
        >
            <p class="hint">"Układ drukowanego raportu (według celów albo według zadań) wybierzesz w sekcji „Eksport”."</p>
            <h3>"Cele programu"</h3>
            <For
                each=move || ids_of(h, |r| &r.goals)
                key=|id| id.clone()
                children=move |id| view! { <GoalRow id=id /> }
            />
            <button type="button" on:click=add_goal>"Dodaj cel"</button>
            <For
                each=move || ids_of(h, |r| &r.goals)
                key=|id| id.clone()
                children=move |id| {
                    let id2 = id.clone();
                    let heading = move || {
                        h.with(|r| {
                            r.goal(&id2)
                                .map(|g| format!("Cel {}: {}", g.number, g.title))
                                .unwrap_or_default()
                        })
                    };
                    view! {
                        <h3>{heading}</h3>
                        <ActivityList filter=Filter::Goal(Some(id)) level=4 />
                    }
                }
            />
            <h3>"Działania bez przypisanego celu"</h3>
            <ActivityList filter=Filter::Goal(None) level=4 />
        </SectionFrame>
    }
}

fn roman(n: usize) -> String {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        .get(n.wrapping_sub(1))
        .map(|s| s.to_string())
        .unwrap_or_else(|| n.to_string())
}

#[component]
fn GoalRow(
    /// The goal's id.
    id: Id,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let l: fn(&Report) -> &Vec<_> = |r| &r.goals;
    let lm: fn(&mut Report) -> &mut Vec<_> = |r| &mut r.goals;
    let (number, set_number) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.number.clone(),
        |x, v| x.number = v,
    );
    let (title, set_title) = item_lens(
        h,
        id.clone(),
        l,
        lm,
        |x| x.title.clone(),
        |x, v| x.title = v,
    );
    let (aim, set_aim) = item_lens(h, id.clone(), l, lm, |x| x.aim.clone(), |x, v| x.aim = v);
    let i = id.as_str().to_string();
    let card_id = dom_id(&["goals", &i]);
    let f = move |field: &str| dom_id(&["goals", &i, field]);
    let id_rm = id.clone();
    let remove = move |_| {
        h.update(|r| r.goals.retain(|g| g.id != id_rm));
        // Activities of a removed goal stay, without a goal.
        ed.rows.with_untracked(|rows| {
            for row in rows {
                if row.sig.with_untracked(|a| a.goal.as_ref() == Some(&id_rm)) {
                    row.sig.update(|a| a.goal = None);
                }
            }
        });
    };
    view! {
        <fieldset class="row-card" id=card_id tabindex="-1">
            <legend>{move || format!("Cel {}", number.get())}</legend>
            <div class="grid">
                <TextField id=f("number") label="Numer celu" hint="np. I" value=number on_input=set_number />
                <TextField id=f("title") label="Nazwa celu" hint="np. Profilaktyka uniwersalna dzieci i młodzieży" value=title on_input=set_title />
            </div>
            <TextField id=f("aim") label="Cel (sformułowanie z programu)" value=aim on_input=set_aim multiline=true />
            <button type="button" class="danger" on:click=remove>"Usuń cel"</button>
        </fieldset>
    }
}

/// An activity card.
#[component]
fn ActivityCard(
    /// The activity's row.
    row: ActRow,
    /// The list the card is shown in (reordering moves within it).
    filter: Filter,
    /// Heading level of the card title.
    level: u8,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let sig = row.sig.clone();
    let key = row.key;
    let aid = sig.with_untracked(|a| a.id.0.clone());
    let card_id = act_dom_id(&aid, &[]);
    let body_id = format!("{card_id}-body");
    let expanded = Signal::derive(move || ed.expanded.with(|s| s.contains(&key)));
    // A card shown expanded with its list builds its form a few frames later (see `defer`), so
    // the section's heading and the card headings are on the screen first; a card added later,
    // or expanded later, builds its form at once.
    let with_list =
        use_context::<ListOpening>().is_some_and(|o| o.0.try_get_value().unwrap_or(false));
    let built = if with_list && expanded.get_untracked() {
        crate::app::defer::ready_later()
    } else {
        RwSignal::new(true)
    };
    let s = sig.clone();
    let title = move || s.with(title_of);
    let heading = {
        let title = title.clone();
        let cid = card_id.clone();
        if level == 3 {
            view! { <h3 id=format!("{cid}-h") tabindex="-1">{title}</h3> }.into_any()
        } else {
            view! { <h4 id=format!("{cid}-h") tabindex="-1">{title}</h4> }.into_any()
        }
    };

    // Reorder within the shown list: swap with the neighbour that this list also shows.
    let f = filter.clone();
    let cid = card_id.clone();
    let move_card = move |dir: isize| {
        let goals: Vec<Id> = ed
            .head
            .with_untracked(|r| r.goals.iter().map(|g| g.id.clone()).collect());
        ed.rows.update(|rows| {
            let Some(pos) = rows.iter().position(|r| r.key == key) else {
                return;
            };
            let mut j = pos as isize + dir;
            while j >= 0 && (j as usize) < rows.len() {
                if rows[j as usize].sig.with_untracked(|a| f.shows(a, &goals)) {
                    let r = rows.remove(pos);
                    rows.insert(j as usize, r);
                    return;
                }
                j += dir;
            }
        });
        let which = if dir < 0 { "up" } else { "down" };
        focus_later(vec![format!("{cid}-{which}"), format!("{cid}-h")]);
    };
    let mc = move_card.clone();
    let s = sig.clone();
    let duplicate = move |_| {
        let id = ed.new_activity_id();
        let mut copy = s.get_untracked();
        copy.id = id.clone();
        copy.title = format!("{} (kopia)", copy.title);
        let ids = ed.fresh_ids("ind", copy.indicators.len());
        for (ind, new_id) in copy.indicators.iter_mut().zip(ids) {
            ind.id = new_id;
        }
        let new_row = ed.row(copy);
        let nk = new_row.key;
        ed.rows.update(|rows| {
            let pos = rows
                .iter()
                .position(|r| r.key == key)
                .map_or(rows.len(), |p| p + 1);
            rows.insert(pos, new_row);
        });
        ed.expanded.update(|s| {
            s.insert(nk);
        });
        focus_later(vec![act_dom_id(id.as_str(), &["title"])]);
    };
    let remove = move |_| {
        ed.rows.update(|rows| {
            if let Some(pos) = rows.iter().position(|r| r.key == key) {
                let row = rows.remove(pos);
                ed.removed.set(Some(RemovedActivity { pos, row }));
            }
        });
        focus_later(vec!["undo-activity".into()]);
    };
    let toggle = move |_| {
        ed.expanded.update(|s| {
            if !s.remove(&key) {
                s.insert(key);
            }
        })
    };
    let cid = card_id.clone();
    let body_id2 = body_id.clone();
    let cid_notes = card_id.clone();
    let sig_body = sig.clone();
    let aid2 = aid.clone();
    view! {
        <li class="card" id=card_id.clone() tabindex="-1">
            <div class="card-head">
                {heading}
                <div class="card-tools">
                    <button
                        type="button"
                        aria-expanded=move || expanded.get().to_string()
                        aria-controls=body_id.clone()
                        on:click=toggle
                    >
                        {move || if expanded.get() { "Zwiń" } else { "Rozwiń" }}
                    </button>
                    <button type="button" id=format!("{cid}-up") on:click=move |_| mc(-1)>
                        "W górę"
                    </button>
                    <button type="button" id=format!("{cid}-down") on:click=move |_| move_card(1)>
                        "W dół"
                    </button>
                    <button type="button" on:click=duplicate>"Duplikuj"</button>
                    <button type="button" class="danger" on:click=remove>"Usuń"</button>
                </div>
            </div>
            {notes_view(cid_notes.clone(), notes_for(&cid_notes))}
            <div id=body_id2 hidden=move || !expanded.get()>
                {move || {
                    (expanded.get() && built.get())
                        .then(|| view! { <ActivityBody sig=sig_body.clone() aid=aid2.clone() /> })
                }}
            </div>
        </li>
    }
}

/// The fields of an activity (rendered only while its card is expanded).
#[component]
fn ActivityBody(
    /// The activity's signal.
    sig: ArcRwSignal<Activity>,
    /// The activity's id (for element ids).
    aid: String,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let f = {
        let aid = aid.clone();
        move |parts: &[&str]| act_dom_id(&aid, parts)
    };
    let (title, set_title) = lens!(sig, title);
    let (desc, set_desc) = lens!(sig, description);
    let (area, set_area) = lens_enum!(sig, area);
    let (level, set_level) = lens_enum!(sig, level);
    let (mode, set_mode) = lens_enum!(sig, mode);
    let (recommended, set_recommended) = lens!(sig, recommended_program);
    let (event, set_event) = lens!(sig, event);
    let (status, set_status) = lens_enum!(sig, status);
    let (reason, set_reason) = lens!(sig, status_reason);
    let (notes, set_notes) = lens!(sig, notes);
    let (planned, set_planned) = lens!(sig, cost.planned);
    let (executed, set_executed) = lens!(sig, cost.executed);
    let (period, set_period) = lens!(sig, period);
    let (own, set_own) = lens!(sig, realizer_funds.own);
    let (personal, set_personal) = lens!(sig, realizer_funds.personal);
    let (in_kind, set_in_kind) = lens!(sig, realizer_funds.in_kind);
    // A realizer's workspace: the goal and the register are the coordinator's.
    let workspace = h.with_untracked(|r| r.workspace.is_some());
    let (chapter, set_chapter) = lens!(sig, cost.chapter);
    let (paragraph, set_paragraph) = lens!(sig, cost.paragraph);
    let (source, set_source) = lens_enum!(sig, cost.source);
    let s = sig.clone();
    let goal = Signal::derive(move || {
        s.with(|a| a.goal.as_ref().map(|g| g.0.clone()).unwrap_or_default())
    });
    let s = sig.clone();
    let set_goal =
        Callback::new(move |v: String| s.update(|a| a.goal = (!v.is_empty()).then(|| Id::new(v))));
    let goal_options = move || {
        let mut o = vec![(String::new(), "— bez celu —".to_string())];
        h.with_untracked(|r| {
            o.extend(
                r.goals
                    .iter()
                    .map(|g| (g.id.0.clone(), format!("{}: {}", g.number, g.title))),
            )
        });
        o
    };
    let tasks: Vec<(TaskId, String)> = h.with_untracked(|r| {
        r.applicable_tasks()
            .into_iter()
            .map(|t| (t.id.clone(), t.short_name.clone()))
            .collect()
    });

    // Statutory tasks: checkboxes, plus "move to another task" (replace all with one).
    let task_boxes = tasks
        .iter()
        .map(|(tid, name)| {
            let s = sig.clone();
            let s2 = sig.clone();
            let t1 = tid.clone();
            let t2 = tid.clone();
            view! {
                <CheckField
                    id=f(&["tasks", tid.as_str()])
                    label=name.clone()
                    checked=Signal::derive(move || s.with(|a| a.tasks.contains(&t1)))
                    on_change=Callback::new(move |on: bool| {
                        s2.update(|a| {
                            a.tasks.retain(|t| t != &t2);
                            if on {
                                a.tasks.push(t2.clone());
                            }
                        })
                    })
                />
            }
        })
        .collect_view();
    let move_target = RwSignal::new(String::new());
    let mut move_opts = vec![(String::new(), "— wybierz zadanie —".to_string())];
    move_opts.extend(tasks.iter().map(|(t, n)| (t.0.clone(), n.clone())));
    let s = sig.clone();
    let aid_m = aid.clone();
    let do_move = move |_| {
        let target = move_target.get_untracked();
        if target.is_empty() {
            return;
        }
        s.update(|a| a.tasks = vec![TaskId::new(target.clone())]);
        ed.section
            .set(crate::app::paths::SectionKey::Task(TaskId::new(target)));
        focus_later(vec![act_dom_id(&aid_m, &["title"])]);
    };

    let groups = TargetGroup::ALL
        .iter()
        .map(|g| {
            let g = *g;
            let s = sig.clone();
            let s2 = sig.clone();
            view! {
                <CheckField
                    id=f(&["target_groups", &enum_key(&g)])
                    label=g.label()
                    checked=Signal::derive(move || s.with(|a| a.target_groups.contains(&g)))
                    on_change=Callback::new(move |on: bool| {
                        s2.update(|a| {
                            a.target_groups.retain(|x| x != &g);
                            if on {
                                a.target_groups.push(g);
                            }
                        })
                    })
                />
            }
        })
        .collect_view();

    // Realizers from the partner register.
    let s = sig.clone();
    let aid_r = aid.clone();
    let realizers = move || {
        let partners: Vec<(Id, String)> = h.with(|r| {
            r.partners
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect()
        });
        if partners.is_empty() {
            return view! { <p class="hint">"Rejestr partnerów jest pusty: dodaj partnera poniżej."</p> }
                .into_any();
        }
        partners
            .into_iter()
            .map(|(pid, name)| {
                let s1 = s.clone();
                let s2 = s.clone();
                let p1 = pid.clone();
                let p2 = pid.clone();
                let label = if name.trim().is_empty() {
                    format!("(partner {pid})")
                } else {
                    name
                };
                view! {
                    <CheckField
                        id=act_dom_id(&aid_r, &["realizers", pid.as_str()])
                        label=label
                        checked=Signal::derive(move || s1.with(|a| a.realizers.contains(&p1)))
                        on_change=Callback::new(move |on: bool| {
                            s2.update(|a| {
                                a.realizers.retain(|x| x != &p2);
                                if on {
                                    a.realizers.push(p2.clone());
                                }
                            })
                        })
                    />
                }
            })
            .collect_view()
            .into_any()
    };
    let new_partner = RwSignal::new(String::new());
    let s = sig.clone();
    let add_partner = move |_| {
        let name = new_partner.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        let pid = ed.fresh_id("partner");
        h.update(|r| {
            r.partners.push(Partner {
                id: pid.clone(),
                name,
                ..Default::default()
            })
        });
        s.update(|a| a.realizers.push(pid.clone()));
        new_partner.set(String::new());
    };

    let s_ind = sig.clone();
    let aid_ind = aid.clone();
    let s = sig.clone();
    let not_done = move || s.with(|a| a.status != Status::Done);
    let np_id = f(&["new_partner"]);
    let reason_id = f(&["status_reason"]);
    let mv_id = f(&["move_to"]);

    view! {
            <TextField id=f(&["title"]) label="Nazwa działania" hint="np. Program profilaktyczny w szkołach podstawowych" value=title on_input=set_title />
            <TextField id=f(&["description"]) label="Opis" hint="Co zrobiono, dla kogo, ile razy." value=desc on_input=set_desc multiline=true />
            <TextField id=f(&["period"]) label="Termin realizacji" hint="np. wrzesień–grudzień albo ferie zimowe" value=period on_input=set_period />
            <fieldset id=f(&["tasks"]) tabindex="-1">
                <legend>"Zadania ustawowe, którym służy działanie"</legend>
                {notes_view(f(&["tasks"]), notes_for(&f(&["tasks"])))}
                {task_boxes}
                <div class="inline-form">
                    <SelectField id=mv_id label="Przenieś do innego zadania" options=move_opts value=Signal::derive(move || move_target.get()) on_change=Callback::new(move |v| move_target.set(v)) />
                    <button type="button" on:click=do_move>"Przenieś"</button>
                </div>
            </fieldset>
            <div class="grid">
                {(!workspace).then(|| view! { <SelectField id=f(&["goal"]) label="Cel programu" options=goal_options() value=goal on_change=set_goal /> })}
                <SelectField id=f(&["area"]) label="Obszar" options=enum_options(&Area::ALL, Area::label) value=area on_change=set_area />
                <SelectField id=f(&["level"]) label="Poziom profilaktyki" options=enum_options(&PreventionLevel::ALL, PreventionLevel::label) value=level on_change=set_level />
                <SelectField id=f(&["mode"]) label="Tryb realizacji" options=enum_options(&Mode::ALL, Mode::label) value=mode on_change=set_mode />
            </div>
            <TextField id=f(&["recommended_program"]) label="Program rekomendowany" hint="Nazwa programu z Bazy Programów Rekomendowanych; zostaw puste, jeśli działanie nim nie jest." value=recommended on_input=set_recommended />
            <CheckField id=f(&["event"]) label="festyn / impreza plenerowa" checked=event on_change=set_event />
            <fieldset id=f(&["target_groups"]) tabindex="-1">
                <legend>"Grupy docelowe"</legend>
                {notes_view(f(&["target_groups"]), notes_for(&f(&["target_groups"])))}
                <div class="checks">{groups}</div>
            </fieldset>
    {(!workspace).then(|| view! {
            <fieldset id=f(&["realizers"]) tabindex="-1">
                <legend>"Realizatorzy (z rejestru partnerów)"</legend>
                {notes_view(f(&["realizers"]), notes_for(&f(&["realizers"])))}
                <div class="checks">{realizers}</div>
                <div class="inline-form">
                    <div class="field">
                        <label for=np_id.clone()>"Nazwa nowego partnera"</label>
                        <input
                            id=np_id
                            type="text"
                            prop:value=move || new_partner.get()
                            on:input=move |ev| new_partner.set(event_target_value(&ev))
                        />
                    </div>
                    <button type="button" on:click=add_partner>"Dodaj nowego partnera"</button>
                </div>
            </fieldset>
            })}
            <fieldset>
                <legend>"Koszt"</legend>
                <div class="grid">
                    <MoneyField id=f(&["cost", "planned"]) label="Koszt planowany" value=planned on_change=set_planned />
                    <MoneyField id=f(&["cost", "executed"]) label="Koszt wykonany" value=executed on_change=set_executed />
                    <SelectField id=f(&["cost", "chapter"]) label="Rozdział" options=code_options(chapter_codes(), &chapter.get_untracked()) value=chapter on_change=set_chapter />
                    <SelectField id=f(&["cost", "paragraph"]) label="Paragraf (§)" options=code_options(paragraph_codes(), &paragraph.get_untracked()) value=paragraph on_change=set_paragraph />
                    <SelectField id=f(&["cost", "source"]) label="Źródło finansowania" options=enum_options(&FundingSource::ALL, FundingSource::label) value=source on_change=set_source />
                </div>
            </fieldset>
            <fieldset>
                <legend>"Wkład realizatora (poza środkami gminy)"</legend>
                <p class="hint">"Organizacja z dotacją podaje to samo, co w sprawozdaniu z realizacji zadania publicznego (art. 18 ust. 4 ustawy o działalności pożytku publicznego i o wolontariacie)."</p>
                <div class="grid">
                    <MoneyField id=f(&["realizer_funds", "own"]) label="Środki własne i z innych źródeł" value=own on_change=set_own />
                    <MoneyField id=f(&["realizer_funds", "personal"]) label="Wkład osobowy" value=personal on_change=set_personal />
                    <MoneyField id=f(&["realizer_funds", "in_kind"]) label="Wkład rzeczowy" value=in_kind on_change=set_in_kind />
                </div>
            </fieldset>
            <fieldset id=f(&["indicators"]) tabindex="-1">
                <legend>"Wskaźniki (plan i wykonanie)"</legend>
                <p class="hint">"Wskaźnik podgrupy osób policzonych już wyżej zacznij od „w tym” albo „z tego” (np. „w tym rodzice”): nie zostanie drugi raz doliczony do sumy uczestników."</p>
                {notes_view(f(&["indicators"]), notes_for(&f(&["indicators"])))}
                <IndicatorGrid sig=s_ind aid=aid_ind />
            </fieldset>
            <div class="grid">
                <SelectField id=f(&["status"]) label="Stan realizacji" options=enum_options(&Status::ALL, Status::label) value=status on_change=set_status />
            </div>
            <Show when=not_done.clone()>
                <TextField id=reason_id.clone() label="Dlaczego nie zrealizowano w całości" hint="np. zajęcia odwołane z powodu pandemii COVID-19" value=reason on_input=set_reason multiline=true />
            </Show>
            <TextField id=f(&["notes"]) label="Uwagi" value=notes on_input=set_notes multiline=true />
        }
}

const INDICATORS: Lists<Activity, Indicator> = (|a| &a.indicators, |a| &mut a.indicators);

fn check_indicators(p: &paste::Pasted, m: &paste::Mapping) -> CellProblems {
    paste::indicators(p, m)
        .into_iter()
        .map(|r| r.problems)
        .collect()
}

/// An activity's indicators as a grid.
#[component]
fn IndicatorGrid(
    /// The activity's signal.
    sig: ArcRwSignal<Activity>,
    /// The activity's id (for element ids).
    aid: String,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let col = {
        let aid = aid.clone();
        move |c: &str| act_dom_id(&aid, &["ind_col", c])
    };
    let s = sig.clone();
    let ids = move || {
        s.with(|a| {
            a.indicators
                .iter()
                .map(|i| i.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let (s, aid_a) = (sig.clone(), aid.clone());
    let add_id = act_dom_id(&aid, &["add_indicator"]);
    let add_focus = add_id.clone();
    let add = move |_| {
        let id = ed.fresh_id("ind");
        let focus = act_dom_id(&aid_a, &["indicators", id.as_str(), "name"]);
        ed.change_activity_list(
            s.clone(),
            INDICATORS,
            "Dodano wskaźnik.".into(),
            ListFocus {
                now: Some(focus),
                undone: add_focus.clone(),
            },
            |l| {
                l.push(Indicator {
                    id,
                    ..Default::default()
                })
            },
        );
    };
    let paste_id = act_dom_id(&aid, &["paste_indicators"]);
    let (s, aid_p, paste_open) = (sig.clone(), aid.clone(), format!("{paste_id}-open"));
    let on_paste = Callback::new(
        move |(p, m, replace): (paste::Pasted, paste::Mapping, bool)| {
            let read = paste::indicators(&p, &m);
            let ids = ed.fresh_ids("ind", read.len());
            let first = ids
                .first()
                .map(|id| act_dom_id(&aid_p, &["indicators", id.as_str(), "name"]));
            let n = read.len();
            let rows: Vec<Indicator> = read
                .into_iter()
                .zip(ids)
                .map(|(r, id)| Indicator { id, ..r.value })
                .collect();
            ed.change_activity_list(
                s.clone(),
                INDICATORS,
                pasted_message(n, ["wskaźnik", "wskaźniki", "wskaźników"], replace),
                ListFocus {
                    now: first,
                    undone: paste_open.clone(),
                },
                move |l| put_rows(l, rows, replace),
            );
        },
    );
    let caption = act_dom_id(&aid, &["indicators", "caption"]);
    let (s_row, aid_row) = (sig.clone(), aid.clone());
    view! {
        <div class="grid-scroll">
            <table class="grid-table" on:keydown=grid_keys>
                <caption class="visually-hidden" id=caption>"Wskaźniki działania"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Lp."</th>
                        <th scope="col" id=col("name")>"Wskaźnik"</th>
                        <th scope="col" id=col("unit")>"Jednostka"</th>
                        <th scope="col" id=col("planned") class="num">"Plan"</th>
                        <th scope="col" id=col("achieved") class="num">"Wykonanie"</th>
                        <th scope="col" id=col("approximate")>"ok."</th>
                        <th scope="col"><span class="visually-hidden">"Działania na wierszu"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=ids
                        key=|id| id.clone()
                        children=move |iid| view! { <IndicatorRow sig=s_row.clone() aid=aid_row.clone() id=iid /> }
                    />
                </tbody>
            </table>
        </div>
        <div class="button-row">
            <button type="button" id=add_id on:click=add>"Dodaj wskaźnik"</button>
            <PasteFromSheet
                id=paste_id
                target=PasteTarget { what: "wskaźniki działania", columns: &paste::INDICATOR_COLUMNS, check: check_indicators, hint: "Pusta jednostka to osoby; „ok. 30” to wartość przybliżona." }
                on_insert=on_paste
            />
        </div>
    }
}

/// One indicator: a row of the activity's indicator grid.
#[component]
fn IndicatorRow(
    /// The activity's signal.
    sig: ArcRwSignal<Activity>,
    /// The activity's id (for element ids).
    aid: String,
    /// The indicator's id.
    id: Id,
) -> impl IntoView {
    fn ind_lens<T: Clone + Default + Send + Sync + 'static>(
        sig: &ArcRwSignal<Activity>,
        id: &Id,
        get: fn(&Indicator) -> T,
        set: fn(&mut Indicator, T),
    ) -> (Signal<T>, Callback<T>) {
        let (s1, s2, i1, i2) = (sig.clone(), sig.clone(), id.clone(), id.clone());
        (
            Signal::derive(move || {
                s1.with(|a| {
                    a.indicators
                        .iter()
                        .find(|x| x.id == i1)
                        .map(get)
                        .unwrap_or_default()
                })
            }),
            Callback::new(move |v: T| {
                s2.update(|a| {
                    if let Some(x) = a.indicators.iter_mut().find(|x| x.id == i2) {
                        set(x, v)
                    }
                })
            }),
        )
    }
    let ed = expect_context::<Editor>();
    let (name, set_name) = ind_lens(&sig, &id, |x| x.name.clone(), |x, v| x.name = v);
    let (unit, set_unit) = ind_lens(
        &sig,
        &id,
        |x| enum_key(&x.unit),
        |x, v: String| {
            if let Some(u) = enum_from(&v) {
                x.unit = u
            }
        },
    );
    let (planned, set_planned) = ind_lens(&sig, &id, |x| x.planned, |x, v| x.planned = v);
    let (achieved, set_achieved) = ind_lens(&sig, &id, |x| x.achieved, |x, v| x.achieved = v);
    let (approx, set_approx) = ind_lens(&sig, &id, |x| x.approximate, |x, v| x.approximate = v);
    let f = {
        let (aid, iid) = (aid.clone(), id.0.clone());
        move |field: &str| act_dom_id(&aid, &["indicators", &iid, field])
    };
    let row_id = act_dom_id(&aid, &["indicators", id.as_str()]);
    let head_id = format!("{row_id}-h");
    let by = {
        let (head_id, aid) = (head_id.clone(), aid.clone());
        move |c: &str| format!("{head_id} {}", act_dom_id(&aid, &["ind_col", c]))
    };
    let (s, id_pos) = (sig.clone(), id.clone());
    let position = Memo::new(move |_| {
        s.with(|a| a.indicators.iter().position(|x| x.id == id_pos))
            .map_or(0, |i| i + 1)
    });
    let (s, id_rm, aid_rm) = (sig.clone(), id.clone(), aid.clone());
    let remove = move |_| {
        let id_rm = id_rm.clone();
        ed.change_activity_list(
            s.clone(),
            INDICATORS,
            format!("Usunięto wskaźnik nr {}.", position.get_untracked()),
            ListFocus {
                now: None,
                undone: act_dom_id(&aid_rm, &["indicators", id_rm.as_str(), "name"]),
            },
            move |l| l.retain(|x| x.id != id_rm),
        );
    };
    let name_id = f("name");
    let name_notes = notes_for(&name_id);
    let name_note_id = format!("{name_id}-note");
    let unit_options = enum_options(&IndicatorUnit::ALL, IndicatorUnit::label)
        .into_iter()
        .map(|(v, label)| {
            let v2 = v.clone();
            view! { <option value=v selected=move || unit.with(|u| u == &v2)>{label}</option> }
        })
        .collect_view();
    let rm_id = format!("{row_id}-remove");
    view! {
        <tr id=row_id tabindex="-1">
            <th scope="row" id=head_id.clone()>
                {move || format!("{}.", position.get())}
                <span class="visually-hidden">" " {move || name.get()}</span>
            </th>
            <td class="cell-text">
                <input
                    id=name_id.clone()
                    type="text"
                    aria-labelledby=by("name")
                    aria-describedby=move || (!name_notes.with(Vec::is_empty)).then(|| name_note_id.clone())
                    prop:value=move || name.get()
                    on:input=move |ev| set_name.run(event_target_value(&ev))
                />
                {notes_view(name_id, name_notes)}
            </td>
            <td>
                <select id=f("unit") aria-labelledby=by("unit") prop:value=move || unit.get() on:change=move |ev| set_unit.run(event_target_value(&ev))>
                    {unit_options}
                </select>
            </td>
            <td class="num"><ParsedField id=f("planned") label="Plan" labelledby=by("planned") value=planned on_change=set_planned parse=parse_dec format=show_dec /></td>
            <td class="num"><ParsedField id=f("achieved") label="Wykonanie" labelledby=by("achieved") value=achieved on_change=set_achieved parse=parse_dec format=show_dec /></td>
            <td class="cell-check">
                <input
                    type="checkbox"
                    id=f("approximate")
                    aria-labelledby=by("approximate")
                    prop:checked=move || approx.get()
                    on:change=move |ev| set_approx.run(event_target_checked(&ev))
                />
            </td>
            <td class="row-actions">
                <button type="button" id=rm_id.clone() class="danger" aria-labelledby=format!("{rm_id} {head_id}") on:click=remove>"Usuń"</button>
            </td>
        </tr>
    }
}
