//! Checks of the statutory tasks: every task of the regime is served by an activity or has a
//! written reason why nothing was done (the report "checks entries against" the task lists of
//! art. 10 ust. 1 of the drug act and art. 4¹ ust. 1 of the sobriety act), and every activity is
//! tagged with tasks that exist and belong to the program.

use std::collections::HashMap;

use crate::domain::catalogue::TaskArea;
use crate::domain::model::{Regime, Report};

use super::{blank, params, text, Ctx};
use super::{
    ACTIVITY_ALCOHOL_TASK_IN_DRUG_PROGRAM, ACTIVITY_BEHAVIOURAL_TASK_NOT_IN_PROGRAM,
    ACTIVITY_NO_TASK, ACTIVITY_TASK_UNKNOWN, TASK_GAP_NOT_APPLICABLE, TASK_GAP_REASON_EMPTY,
    TASK_GAP_REDUNDANT, TASK_NOT_COVERED,
};

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
        if !applicable.iter().any(|t| t.id.as_str() == id) {
            cx.emit(
                &TASK_GAP_NOT_APPLICABLE,
                format!("task_gaps[{g}].task"),
                params!["task" => text::task_id(id), "regime" => text::regime(r.program.regime)],
            );
        }
    }
}

fn activity_tasks(cx: &mut Ctx, r: &Report) {
    let behavioural_in_program = r.program.regime == Regime::Joint && r.program.behavioural;
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
                cx.emit(
                    &ACTIVITY_TASK_UNKNOWN,
                    path(),
                    params!["activity" => text::activity(i, a), "task_id" => id],
                );
                continue;
            };
            match task.area {
                TaskArea::Alcohol if r.program.regime == Regime::DrugOnly => cx.emit_task(
                    &ACTIVITY_ALCOHOL_TASK_IN_DRUG_PROGRAM,
                    path(),
                    task,
                    params!["activity" => text::activity(i, a), "task" => text::task(task)],
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
