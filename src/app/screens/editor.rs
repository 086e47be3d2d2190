//! The report editor: title with the save state, storage banners, section navigation with each
//! section's count of errors and warnings, the open section, and the findings panel.

use leptos::prelude::*;

use super::findings::FindingsPanel;
use super::sections::{
    activities::{GoalsSection, TaskSection},
    budget::BudgetSection,
    check::CheckSection,
    comparison::ComparisonSection,
    conclusions::ConclusionsSection,
    consultation::ConsultationSection,
    context::ContextSection,
    export::ExportSection,
    gathering::{ContributionSection, GatheringSection},
    gkrpa::GkrpaSection,
    kcpu::KcpuSection,
    partners::PartnersSection,
    program::ProgramSection,
    summary::SummarySection,
};
use super::start::display_name;
use crate::app::paths::SectionKey;
use crate::app::state::{counts, focus_later, format_time, plural, AppState, Editor, Screen};
use crate::app::storage::{self, now_ms, StorageError};
use crate::domain::catalogue::{regime_covers, TaskArea};
use crate::domain::model::Report;

/// After this long without a JSON export, the editor nudges the user to download one.
const EXPORT_NUDGE_MS: f64 = 7.0 * 24.0 * 3600.0 * 1000.0;

/// A report begun from nothing is nudged to be exported once this many fields were filled in.
const NUDGE_AFTER_FIELDS: usize = 20;

/// Title of a section.
pub fn section_title(key: &SectionKey) -> String {
    match key {
        SectionKey::Program => "Gmina i program".into(),
        SectionKey::Budget => "Budżet".into(),
        SectionKey::Task(t) => crate::domain::catalogue::catalogue()
            .task(t)
            .map(|t| t.short_name.clone())
            .unwrap_or_else(|| t.0.clone()),
        SectionKey::Goals => "Układ według celów (I–V)".into(),
        SectionKey::Gkrpa => "Komisja (GKRPA)".into(),
        SectionKey::ConsultationPoints => "Punkty konsultacyjne".into(),
        SectionKey::Partners => "Partnerzy".into(),
        SectionKey::Context => "Dane kontekstowe".into(),
        SectionKey::Conclusions => "Wnioski".into(),
        SectionKey::Comparison => "Porównanie".into(),
        SectionKey::Kcpu => "Dane do ankiety KCPU".into(),
        SectionKey::Summary => "Podsumowanie".into(),
        SectionKey::Check => "Sprawdzenie".into(),
        SectionKey::Export => "Eksport".into(),
        SectionKey::Gathering => "Sprawozdania realizatorów".into(),
        SectionKey::Contribution => "Sprawozdanie dla gminy".into(),
    }
}

/// The sections a report shows, in order: its statutory tasks follow its regime.
pub fn sections_of(r: &Report) -> Vec<SectionKey> {
    // A realizer's workspace: the tasks asked about, and the answer.
    if let Some(w) = &r.workspace {
        let mut v: Vec<SectionKey> = r
            .applicable_tasks()
            .into_iter()
            .filter(|t| w.tasks.is_empty() || w.tasks.contains(&t.id))
            .map(|t| SectionKey::Task(t.id.clone()))
            .collect();
        v.push(SectionKey::Contribution);
        v.push(SectionKey::Export);
        return v;
    }
    let mut v = vec![SectionKey::Program, SectionKey::Budget];
    v.extend(
        r.applicable_tasks()
            .into_iter()
            .map(|t| SectionKey::Task(t.id.clone())),
    );
    v.push(SectionKey::Goals);
    // The commission belongs to the sobriety act (art. 4¹ ust. 3–5): shown for the alcohol and
    // joint programs, and for any report that already holds its data, so nothing typed becomes
    // unreachable after a change of regime.
    if regime_covers(r.program.regime, TaskArea::Alcohol) || !r.gkrpa.is_empty() {
        v.push(SectionKey::Gkrpa);
    }
    v.extend([
        SectionKey::ConsultationPoints,
        SectionKey::Partners,
        SectionKey::Gathering,
        SectionKey::Context,
        SectionKey::Conclusions,
        SectionKey::Comparison,
        SectionKey::Summary,
        SectionKey::Kcpu,
        SectionKey::Check,
        SectionKey::Export,
    ]);
    v
}

/// What the section list shows: a section, or the statutory tasks of one act under its name.
enum NavEntry {
    Section(SectionKey),
    /// The act's name, the title's element id, the tasks.
    Group(&'static str, &'static str, Vec<SectionKey>),
}

/// The sections grouped for the list: the tasks of each act together under the act's name,
/// labelled by point and a short name (the full name is the section's heading).
fn nav_entries(sections: &[SectionKey]) -> Vec<NavEntry> {
    let mut out: Vec<NavEntry> = Vec::new();
    for k in sections {
        let area = match k {
            SectionKey::Task(t) => crate::domain::catalogue::catalogue()
                .task(t)
                .filter(|t| t.statutory)
                .map(|t| t.area),
            _ => None,
        };
        let (title, id) = match area {
            Some(TaskArea::Drugs) => (
                "Ustawa o przeciwdziałaniu narkomanii, art. 10 ust. 1",
                "nav-group-drugs",
            ),
            Some(TaskArea::Alcohol) => (
                "Ustawa o wychowaniu w trzeźwości, art. 4¹ ust. 1",
                "nav-group-alcohol",
            ),
            _ => {
                out.push(NavEntry::Section(k.clone()));
                continue;
            }
        };
        match out.last_mut() {
            Some(NavEntry::Group(t, _, keys)) if *t == title => keys.push(k.clone()),
            _ => out.push(NavEntry::Group(title, id, vec![k.clone()])),
        }
    }
    out
}

/// A section's button in the list, with its count of errors and warnings.
#[component]
fn NavItem(key: SectionKey) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
    // A task: its point and short name shown, the full name after it for assistive technology
    // and search.
    let (label, full) = match &key {
        SectionKey::Task(t) => match crate::domain::catalogue::catalogue().task(t) {
            Some(task) if !task.nav_name.is_empty() => (
                if task.statutory {
                    format!("{}. {}", task.point, task.nav_name)
                } else {
                    task.nav_name.clone()
                },
                Some(task.short_name.clone()),
            ),
            _ => (section_title(&key), None),
        },
        _ => (section_title(&key), None),
    };
    let count = Memo::new(move |_| {
        ed.shown
            .with(|f| counts(f.iter().filter(|l| l.section == k3)))
    });
    view! {
        <li>
            <button
                type="button"
                class="section-link"
                aria-current=move || ed.section.with(|s| s == &k1).then_some("true")
                on:click=move |_| {
                    ed.section.set(k2.clone());
                    ed.left_now();
                    focus_later(vec!["section-title".into()]);
                }
            >
                <span>{label}</span>
                {full.map(|f| view! { <span class="visually-hidden">" — " {f}</span> })}
                {move || {
                    let (e, w) = count.get();
                    let errors = (e > 0).then(|| view! {
                        <span class="badge badge-error">{plural(e, "błąd", "błędy", "błędów")}</span>
                    });
                    let warnings = (w > 0).then(|| view! {
                        <span class="badge badge-warning">{plural(w, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń")}</span>
                    });
                    (errors, warnings)
                }}
            </button>
        </li>
    }
}

/// The editor screen.
#[component]
pub fn EditorScreen() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let app = expect_context::<AppState>();
    // The checks come with this screen's module (see `state::install_checks`).
    crate::app::state::install_checks(crate::domain::rules::validate);
    ed.recheck();
    let h = ed.head;
    let title = move || {
        h.with(|r| match &r.workspace {
            Some(w) => format!(
                "Sprawozdanie dla gminy: {} — {} {}",
                w.partner.name,
                display_name(r),
                r.year
            ),
            None => format!("Raport: {} {}", display_name(r), r.year),
        })
    };
    let sections = Memo::new(move |_| h.with(sections_of));
    // A mouse button is held down inside the editor (see the focusout handler below).
    let pressing = StoredValue::new(false);
    let save_state = move || {
        if ed.stale.get() {
            return "Zapisywanie wstrzymane: raport zmieniono w innej karcie.".to_string();
        }
        if ed.save_error.with(|e| {
            e.as_ref()
                .is_some_and(|e| !matches!(e, StorageError::BackupFailed(_)))
        }) {
            return "Nie zapisano ostatnich zmian.".to_string();
        }
        match ed.last_saved.get() {
            Some(t) => format!("Zapisano o {}", format_time(t, false)),
            None => "Jeszcze nie zapisano.".to_string(),
        }
    };
    let nudge = move || {
        let old = match ed.exported_at.get() {
            None => true,
            Some(t) => now_ms() - t > EXPORT_NUDGE_MS,
        };
        // Not on a report begun a moment ago, before anything worth keeping was typed.
        let just_begun = ed.quiet.get() && ed.touched.with(|t| t.len() < NUDGE_AFTER_FIELDS);
        // A realizer's copy is the contribution file ("Zapisz sprawozdanie dla gminy").
        let workspace = h.with(|r| r.workspace.is_some());
        (old && !just_begun && !workspace).then(|| {
            view! {
                <p class="nudge">
                    {move || match ed.exported_at.get() {
                        None => "Nie pobrano jeszcze kopii JSON tego raportu. Przeglądarka może usunąć zapisane dane — pobieraj kopię regularnie.".to_string(),
                        Some(t) => format!("Ostatnia kopia JSON: {}. Pobierz nową kopię.", format_time(t, true)),
                    }}
                    " "
                    <button type="button" on:click=move |_| { let _ = ed.download_json(); }>"Eksportuj JSON"</button>
                </p>
            }
        })
    };
    let banner = move || {
        ed.save_error.get().map(|e| {
            let conflict = e == StorageError::Conflict;
            let raw = e.raw().map(str::to_string);
            view! {
                <div class="banner banner-error" role="alert" data-testid="storage-banner">
                    <p class="banner-title">{e.title()}</p>
                    <p>{e.advice()}</p>
                    <div class="button-row">
                        <button type="button" on:click=move |_| { let _ = ed.download_json(); }>"Pobierz kopię JSON"</button>
                        {raw.map(|raw| view! {
                            <button type="button" on:click=move |_| { let _ = storage::download("raport-gp-zapisany.json", &raw, "application/json"); }>
                                "Pobierz zapisany tekst"
                            </button>
                        })}
                        {conflict.then(|| view! {
                            <button type="button" class="primary" on:click=move |_| ed.reload_from_storage()>
                                "Wczytaj nowszą wersję"
                            </button>
                        })}
                    </div>
                </div>
            }
        })
    };
    let storage_notice = move || {
        ed.storage_notice.get().map(|m| {
            view! {
                <div class="banner" data-testid="storage-notice">
                    <p>{m}</p>
                    <div class="button-row">
                        <button type="button" on:click=move |_| { let _ = ed.download_json(); }>"Pobierz kopię JSON"</button>
                        <button type="button" on:click=move |_| ed.storage_notice.set(None)>"Zamknij komunikat"</button>
                    </div>
                </div>
            }
        })
    };
    let undo = move || {
        ed.removed.get().map(|r| {
            let t = r.row.sig.with_untracked(|a| a.title.clone());
            let t = if t.trim().is_empty() { "bez nazwy".to_string() } else { format!("„{t}”") };
            view! {
                <p>
                    "Usunięto działanie " {t} ". "
                    <button
                        type="button"
                        id="undo-activity"
                        on:click=move |_| {
                            if let Some(r) = ed.removed.get_untracked() {
                                ed.rows.update(|rows| {
                                    let pos = r.pos.min(rows.len());
                                    rows.insert(pos, r.row.clone());
                                });
                                ed.removed.set(None);
                                let aid = r.row.sig.with_untracked(|a| a.id.0.clone());
                                focus_later(vec![crate::app::screens::sections::activities::act_dom_id(&aid, &[]) + "-h"]);
                            }
                        }
                    >
                        "Cofnij"
                    </button>
                </p>
            }
        })
    };
    // Offered while the changed list is still as the change left it.
    let list_intact = Memo::new(move |_| {
        ed.list_undo
            .with(|u| u.as_ref().is_some_and(|u| u.intact()))
    });
    let list_undo = move || {
        ed.list_undo.track();
        list_intact.get().then(|| {
            let message = ed
                .list_undo
                .with_untracked(|u| u.as_ref().map(|u| u.message.clone()))
                .unwrap_or_default();
            view! {
                <p>
                    {message} " "
                    <button type="button" id="undo-list" on:click=move |_| ed.undo_list()>"Cofnij"</button>
                </p>
            }
        })
    };
    let older = move || {
        ed.stored_older.get().map(|v| {
            view! {
                <p class="info" data-testid="older-version">
                    {format!(
                        "Ten raport zapisała poprzednia wersja aplikacji (format w wersji {v}). Przy pierwszej zmianie zostanie zapisany w wersji {}; pierwotny tekst zostaje jako kopia zapasowa (sekcja „Eksport”).",
                        crate::app::bridge::SCHEMA_VERSION
                    )}
                </p>
            }
        })
    };
    let back = move |_| {
        ed.close();
        app.screen.set(Screen::Start);
        app.touch_stored();
        focus_later(vec!["start-title".into()]);
    };
    view! {
        <div class="editor">
            <div class="editor-top">
                <h1 id="editor-title" tabindex="-1">{title}</h1>
                <p class="save-state" data-testid="save-state">{save_state}</p>
                <button type="button" class="no-print" on:click=back>"Wróć do listy raportów"</button>
            </div>
            {banner}
            <div role="status">{storage_notice}</div>
            {older}
            {nudge}
            <div
                class="editor-body"
                on:mousedown=move |_| pressing.set_value(true)
                on:mouseup=move |_| {
                    pressing.set_value(false);
                    ed.left_now();
                }
                on:focusout=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                        if matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
                            // Leaving a field by a press of the mouse (or for the section list):
                            // its findings, and the notes and badges they add, wait until the
                            // button is released (or the section chosen), so nothing moves under
                            // the pointer between press and release and the click is not lost.
                            let into_nav = ev
                                .related_target()
                                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                .and_then(|t| t.closest(".section-nav").ok().flatten())
                                .is_some();
                            if into_nav || pressing.get_value() {
                                ed.left_later(el.id());
                            } else {
                                ed.left(el.id());
                            }
                        }
                    }
                }
            >
                <nav class="section-nav" aria-label="Sekcje raportu">
                    {move || nav_entries(&sections.get()).into_iter().map(|e| match e {
                        NavEntry::Section(k) => view! { <ul><NavItem key=k /></ul> }.into_any(),
                        NavEntry::Group(title, id, keys) => view! {
                            <div class="nav-group" role="group" aria-labelledby=id>
                                <p class="nav-group-title" id=id>{title}</p>
                                <ul>
                                    {keys.into_iter().map(|k| view! { <NavItem key=k /> }).collect_view()}
                                </ul>
                            </div>
                        }.into_any(),
                    }).collect_view()}
                </nav>
                <div class="section-area">
                    <FindingsPanel />
                    {move || match ed.section.get() {
                        SectionKey::Program => view! { <ProgramSection /> }.into_any(),
                        SectionKey::Budget => view! { <BudgetSection /> }.into_any(),
                        SectionKey::Task(t) => view! { <TaskSection task=t /> }.into_any(),
                        SectionKey::Goals => view! { <GoalsSection /> }.into_any(),
                        SectionKey::Gkrpa => view! { <GkrpaSection /> }.into_any(),
                        SectionKey::ConsultationPoints => view! { <ConsultationSection /> }.into_any(),
                        SectionKey::Partners => view! { <PartnersSection /> }.into_any(),
                        SectionKey::Context => view! { <ContextSection /> }.into_any(),
                        SectionKey::Conclusions => view! { <ConclusionsSection /> }.into_any(),
                        SectionKey::Comparison => view! { <ComparisonSection /> }.into_any(),
                        SectionKey::Kcpu => view! { <KcpuSection /> }.into_any(),
                        SectionKey::Summary => view! { <SummarySection /> }.into_any(),
                        SectionKey::Check => view! { <CheckSection /> }.into_any(),
                        SectionKey::Export => view! { <ExportSection /> }.into_any(),
                        SectionKey::Gathering => view! { <GatheringSection /> }.into_any(),
                        SectionKey::Contribution => view! { <ContributionSection /> }.into_any(),
                    }}
                    <div class="undo-bar" role="status">{undo}{list_undo}</div>
                </div>
            </div>
        </div>
    }
}
