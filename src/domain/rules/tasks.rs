//! Checks of the statutory tasks: every task of the regime is served by an activity or has a
//! written reason why nothing was done (the report "checks entries against" the task lists of
//! art. 10 ust. 1 of the drug act and art. 4¹ ust. 1 of the sobriety act), and every activity is
//! tagged with tasks that exist and belong to the program.

use std::collections::HashMap;

use crate::domain::catalogue::{catalogue, regime_covers, TaskArea};
use crate::domain::model::{Report, TaskId};

use super::{blank, params, text, Ctx};
use super::{
    ACTIVITY_BEHAVIOURAL_TASK_NOT_IN_PROGRAM, ACTIVITY_NO_TASK, ACTIVITY_TASK_OUTSIDE_PROGRAM,
    ACTIVITY_TASK_REPEALED, ACTIVITY_TASK_UNKNOWN, TASK_GAP_NOT_APPLICABLE, TASK_GAP_REASON_EMPTY,
    TASK_GAP_REDUNDANT, TASK_NOT_COVERED,
};

/// Reports a repealed statutory point (e.g. `alcohol.4`); true when it was one.
fn repealed(cx: &mut Ctx, id: &TaskId, path: String, place: String) -> bool {
    let Some(gone) = catalogue().repealed(id) else {
        return false;
    };
    cx.emit(
        &ACTIVITY_TASK_REPEALED,
        path,
        params!["place" => place, "citation" => gone.citation, "note" => gone.note],
    );
    true
}

pub(super) fn check(cx: &mut Ctx) {
    let r = cx.report;
    coverage(cx, r);
    activity_tasks(cx, r);
}

fn coverage(cx: &mut Ctx, r: &Report) {
    let applicable = r.applicable_tasks();
    let mut gaps: HashMap<&str, Vec<usize>> = HashMap::new();
    for (g, gap) in r.task_gaps.iter().enumerate() {
        gaps.entry(gap.task.as_str()).or_default().push(g);
    }
    for task in &applicable {
        let id = task.id.as_str();
        let count = cx.index.activities_per_task.get(id).copied().unwrap_or(0);
        let task_gaps = gaps.get(id).map(Vec::as_slice).unwrap_or(&[]);
        if count > 0 {
            for g in task_gaps {
                cx.emit_task(
                    &TASK_GAP_REDUNDANT,
                    format!("task_gaps[{g}].task"),
                    task,
                    params!["task" => text::task(task), "count" => count],
                );
            }
        } else if task_gaps.is_empty() {
            cx.emit_task(
                &TASK_NOT_COVERED,
                format!("tasks.{id}"),
                task,
                params!["task" => text::task(task), "year" => r.year],
            );
        } else {
            for &g in task_gaps {
                if blank(&r.task_gaps[g].reason) {
                    cx.emit_task(
                        &TASK_GAP_REASON_EMPTY,
                        format!("task_gaps[{g}].reason"),
                        task,
                        params!["task" => text::task(task)],
                    );
                }
            }
        }
    }
    for (g, gap) in r.task_gaps.iter().enumerate() {
        let id = gap.task.as_str();
        let path = format!("task_gaps[{g}].task");
        if repealed(
            cx,
            &gap.task,
            path.clone(),
            format!("Wyjaśnienie nr {}", g + 1),
        ) {
            continue;
        }
        if !applicable.iter().any(|t| t.id.as_str() == id) {
            cx.emit(
                &TASK_GAP_NOT_APPLICABLE,
                path,
                params!["task" => text::task_id(id), "regime" => text::regime(r.program.regime)],
            );
        }
    }
}

fn activity_tasks(cx: &mut Ctx, r: &Report) {
    let regime = r.program.regime;
    let behavioural_in_program =
        regime_covers(regime, TaskArea::Behavioural) && r.program.behavioural;
    for (i, a) in r.activities.iter().enumerate() {
        if a.tasks.is_empty() {
            cx.emit(
                &ACTIVITY_NO_TASK,
                format!("activities[{i}].tasks"),
                params!["activity" => text::activity(i, a)],
            );
            continue;
        }
        for (j, id) in a.tasks.iter().enumerate() {
            let path = || format!("activities[{i}].tasks[{j}]");
            let Some(task) = cx.index.tasks.get(id.as_str()).copied() else {
                if repealed(
                    cx,
                    id,
                    path(),
                    format!("Działanie {}", text::activity(i, a)),
                ) {
                    continue;
                }
                cx.emit(
                    &ACTIVITY_TASK_UNKNOWN,
                    path(),
                    params!["activity" => text::activity(i, a), "task_id" => id],
                );
                continue;
            };
            match task.area {
                area if !regime_covers(regime, area) => cx.emit_task(
                    &ACTIVITY_TASK_OUTSIDE_PROGRAM,
                    path(),
                    task,
                    params![
                        "activity" => text::activity(i, a),
                        "task" => text::task(task),
                        "regime" => text::regime(regime),
                    ],
                ),
                TaskArea::Behavioural if !behavioural_in_program => cx.emit_task(
                    &ACTIVITY_BEHAVIOURAL_TASK_NOT_IN_PROGRAM,
                    path(),
                    task,
                    params!["activity" => text::activity(i, a), "task" => text::task(task)],
                ),
                _ => {}
            }
        }
    }
}
