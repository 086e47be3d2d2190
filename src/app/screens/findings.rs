//! The findings: the always-visible summary panel and the full list. Each finding is shown in
//! plain Polish with its legal citation; activating it opens its section and focuses its field.

use leptos::prelude::*;

use crate::app::paths::focus_candidates;
use crate::app::screens::sections::activities::write_gap_reason;
use crate::app::state::{counts, focus_later, Editor, Located};
use crate::domain::catalogue::catalogue;
use crate::domain::model::TaskId;
use crate::domain::rules::Severity;

/// Opens the section of a finding and moves focus to its control (or the nearest container).
pub fn go_to(ed: Editor, l: &Located) {
    // An activity's card must be expanded for its field to exist.
    if let Some(i) = l
        .finding
        .path
        .strip_prefix("activities[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse::<usize>().ok())
    {
        if let Some(key) = ed.rows.with_untracked(|rows| rows.get(i).map(|r| r.key)) {
            ed.expanded.update(|s| {
                s.insert(key);
            });
        }
    }
    ed.section.set(l.section.clone());
    let mut c = focus_candidates(&l.dom_id);
    c.push("section-title".into());
    focus_later(c);
}

/// The statutory task a finding is about when that task has neither an activity nor a written
/// reason (the finding's path is `tasks.<id>`): such a finding offers the one-step reason.
/// Decided from the report, not from the rule's id, which may change.
fn uncovered_task(ed: Editor, path: &str) -> Option<TaskId> {
    let task = TaskId::new(path.strip_prefix("tasks.")?);
    catalogue().task(&task)?;
    let gap = ed
        .head
        .with_untracked(|r| r.task_gaps.iter().any(|g| g.task == task));
    let served = ed.rows.with_untracked(|rows| {
        rows.iter()
            .any(|r| r.sig.with_untracked(|a| a.tasks.contains(&task)))
    });
    (!gap && !served).then_some(task)
}

fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Błąd",
        Severity::Warning => "Ostrzeżenie",
        Severity::Info => "Informacja",
    }
}

/// A list of findings as buttons.
#[component]
pub fn FindingList(
    /// Show at most this many.
    limit: usize,
    /// Prefix for element ids, so two lists on one page do not clash.
    id_prefix: &'static str,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let items = move || {
        ed.shown.with(|f| {
            f.iter()
                .take(limit)
                .cloned()
                .enumerate()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show
            when=move || ed.shown.with(|f| !f.is_empty())
            fallback=|| view! { <p class="ok">"Brak uwag."</p> }
        >
            <ul class="findings" id=format!("{id_prefix}-findings")>
                <For
                    each=items
                    key=|(i, l)| (*i, l.finding.rule, l.finding.path.clone())
                    children=move |(_, l)| {
                        let class = match l.finding.severity {
                            Severity::Error => "finding finding-error",
                            Severity::Warning => "finding finding-warning",
                            Severity::Info => "finding finding-info",
                        };
                        let sev = severity_label(l.finding.severity);
                        let msg = l.finding.message.clone();
                        let cite = l.finding.citation.clone();
                        let l2 = l.clone();
                        let gap = uncovered_task(ed, &l.finding.path).map(|task| {
                            view! {
                                <button
                                    type="button"
                                    class="finding-action"
                                    on:click=move |_| write_gap_reason(ed, &task)
                                >
                                    "Wpisz powód niezrealizowania"
                                </button>
                            }
                        });
                        view! {
                            <li class=class>
                                <button type="button" class="link" on:click=move |_| go_to(ed, &l2)>
                                    <strong>{sev} ": "</strong>
                                    {msg}
                                </button>
                                {cite.map(|c| view! {
                                    <details class="citation">
                                        <summary>"Podstawa prawna"</summary>
                                        {c}
                                    </details>
                                })}
                                {gap}
                            </li>
                        }
                    }
                />
            </ul>
        </Show>
        {move || {
            let n = ed.shown.with(Vec::len);
            (n > limit).then(|| view! { <p class="hint">{format!("… i {} więcej w sekcji „Sprawdzenie”.", n - limit)}</p> })
        }}
    }
}

/// The always-visible summary strip above the open section: the counts, and the first
/// findings folded under "Pokaż uwagi" (each field shows its own under it), so the form keeps
/// the width of the screen.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let summary = move || {
        let (e, w) = ed.shown.with(|f| counts(f.iter()));
        format!("Błędy: {e} · Ostrzeżenia: {w}")
    };
    // While a new report is being filled in: how much is still to do, calmly.
    let pending = move || {
        let hidden = ed.findings.with(Vec::len) - ed.shown.with(Vec::len);
        (ed.quiet.get() && hidden > 0).then(|| {
            view! {
                <p class="findings-pending" data-testid="findings-pending">
                    {format!(
                        "Raport w toku: {} do uzupełnienia lub sprawdzenia. Pokażą się przy polach, gdy je wypełnisz, a wszystkie — w sekcji „Sprawdzenie”.",
                        crate::app::state::plural(hidden, "uwaga", "uwagi", "uwag")
                    )}
                </p>
            }
        })
    };
    let shown = move || {
        let n = ed.shown.with(Vec::len);
        if n == 0 {
            "Uwagi".to_string()
        } else {
            format!("Pokaż uwagi ({n})")
        }
    };
    view! {
        <aside class="findings-panel" aria-labelledby="findings-title">
            <div class="findings-head">
                <h2 id="findings-title">"Sprawdzenie raportu"</h2>
                <p class="findings-summary" data-testid="findings-summary">{summary}</p>
            </div>
            {pending}
            <details class="findings-fold">
                <summary>{shown}</summary>
                <FindingList limit=8 id_prefix="panel" />
            </details>
        </aside>
    }
}
