//! Where a finding's path (`activities[3].cost.executed`) lives in the UI: which section shows
//! it and which element id its control has. One function each, so ids are derived in one place.

use crate::domain::model::{Report, TaskId};

/// The sections of the editor.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SectionKey {
    Program,
    Budget,
    Task(TaskId),
    Goals,
    /// Komisja (GKRPA): the commission's own work.
    Gkrpa,
    /// Punkty konsultacyjne.
    ConsultationPoints,
    Partners,
    Context,
    Conclusions,
    /// Porównanie z rokiem poprzednim: the link to last year's report and the comparison.
    Comparison,
    /// Dane do ankiety KCPU: the provisional figures for the yearly questionnaire.
    Kcpu,
    /// Podsumowanie: the charts of the report's figures.
    Summary,
    Check,
    Export,
    /// Sprawozdania realizatorów: the partners asked for their reports, and the merge of what
    /// they sent.
    Gathering,
    /// In a realizer's workspace: the request answered and "Zapisz sprawozdanie dla gminy".
    Contribution,
}

/// Splits `a.b[3].c` into `["a", "b", "3", "c"]`.
fn segments(path: &str) -> Vec<String> {
    path.split(['.', '[', ']'])
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Lists whose elements have stable ids: the element index in a path is replaced by the id.
fn id_in(report: &Report, list: &[String], index: usize) -> Option<String> {
    let l: Vec<&str> = list.iter().map(String::as_str).collect();
    match l.as_slice() {
        ["activities"] => report.activities.get(index).map(|a| a.id.0.clone()),
        ["budget", "lines"] => report.budget.lines.get(index).map(|a| a.id.0.clone()),
        ["budget", "external"] => report.budget.external.get(index).map(|a| a.id.0.clone()),
        ["goals"] => report.goals.get(index).map(|a| a.id.0.clone()),
        ["partners"] => report.partners.get(index).map(|a| a.id.0.clone()),
        ["coalitions"] => report.coalitions.get(index).map(|a| a.id.0.clone()),
        ["context_figures"] => report.context_figures.get(index).map(|a| a.id.0.clone()),
        ["task_gaps"] => report.task_gaps.get(index).map(|g| g.task.0.clone()),
        ["consultation_points"] => report
            .consultation_points
            .get(index)
            .map(|p| p.id.0.clone()),
        ["group_costs"] => report.group_costs.get(index).map(|g| g.id.0.clone()),
        // References: the referenced id, matching the checkbox ids.
        ["gkrpa", "budget_lines"] => report.gkrpa.budget_lines.get(index).map(|l| l.0.clone()),
        _ => None,
    }
}

/// Makes an element id from parts: `f-` + parts joined by `-`, other characters as `_`.
pub fn dom_id(parts: &[&str]) -> String {
    let mut s = String::from("f");
    for p in parts {
        s.push('-');
        s.extend(p.chars().map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        }));
    }
    s
}

/// The element id of the control a path refers to, e.g. `activities[3].cost.executed` →
/// `f-activities-act_7-cost-executed` (the activity's id instead of its index). Indexes into
/// lists of references (an activity's tasks, realizers and target groups, a coalition's members)
/// become the referenced value, matching the checkbox ids; `tasks.<task>` and any path into a
/// task gap lead to that task's written reason.
pub fn dom_id_for_path(path: &str, report: &Report) -> String {
    if let Some(task) = path.strip_prefix("tasks.") {
        return dom_id(&["task_gaps", task, "reason"]);
    }
    let segs = segments(path);
    if segs.first().map(String::as_str) == Some("task_gaps") {
        if let Some(task) = segs
            .get(1)
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| report.task_gaps.get(i))
        {
            return dom_id(&["task_gaps", task.task.as_str(), "reason"]);
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut listed: Vec<String> = Vec::new();
    let mut activity: Option<usize> = None;
    let mut coalition: Option<usize> = None;
    let mut point: Option<usize> = None;
    let mut group: Option<usize> = None;
    for s in segs {
        let Ok(i) = s.parse::<usize>() else {
            listed.push(s.clone());
            out.push(s);
            continue;
        };
        let last = listed.last().map(String::as_str);
        let act = activity.and_then(|a| report.activities.get(a));
        let id = match (last, act) {
            (Some("indicators"), Some(a)) => a.indicators.get(i).map(|x| x.id.0.clone()),
            (Some("tasks"), Some(a)) => a.tasks.get(i).map(|x| x.0.clone()),
            (Some("realizers"), Some(a)) => a.realizers.get(i).map(|x| x.0.clone()),
            (Some("target_groups"), Some(a)) => a.target_groups.get(i).and_then(|g| {
                serde_json::to_value(g)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
            }),
            (Some("referrals"), _) => point
                .and_then(|p| report.consultation_points.get(p))
                .and_then(|p| p.referrals.get(i))
                .map(|x| x.id.0.clone()),
            (Some("activities"), _) if group.is_some() => group
                .and_then(|g| report.group_costs.get(g))
                .and_then(|g| g.activities.get(i))
                .map(|x| x.0.clone()),
            (Some("members"), _) => coalition
                .and_then(|c| report.coalitions.get(c))
                .and_then(|c| c.members.get(i))
                .map(|x| x.0.clone()),
            _ => id_in(report, &listed, i),
        };
        if listed == ["activities"] {
            activity = Some(i);
        }
        if listed == ["coalitions"] {
            coalition = Some(i);
        }
        if listed == ["consultation_points"] {
            point = Some(i);
        }
        if listed == ["group_costs"] {
            group = Some(i);
        }
        out.push(id.unwrap_or(s));
    }
    let parts: Vec<&str> = out.iter().map(String::as_str).collect();
    dom_id(&parts)
}

/// The section that shows the field a path refers to.
pub fn section_for_path(path: &str, report: &Report) -> SectionKey {
    let segs = segments(path);
    let first = segs.first().map(String::as_str).unwrap_or("");
    let index = segs.get(1).and_then(|s| s.parse::<usize>().ok());
    match first {
        "gmina"
        | "program"
        | "year"
        | "prepared_by"
        | "prepared_on"
        | "council_deadline"
        | "next_program_resolution_date"
        | "introduction"
        | "monitoring" => SectionKey::Program,
        "budget" | "group_costs" => SectionKey::Budget,
        "gkrpa" => SectionKey::Gkrpa,
        "consultation_points" => SectionKey::ConsultationPoints,
        "activities" => index
            .and_then(|i| report.activities.get(i))
            .and_then(|a| a.tasks.first().cloned())
            .map(SectionKey::Task)
            .unwrap_or(SectionKey::Goals),
        "task_gaps" => index
            .and_then(|i| report.task_gaps.get(i))
            .map(|g| SectionKey::Task(g.task.clone()))
            .unwrap_or(SectionKey::Check),
        "tasks" => path
            .strip_prefix("tasks.")
            .map(|t| SectionKey::Task(TaskId::new(t)))
            .unwrap_or(SectionKey::Check),
        "goals" => SectionKey::Goals,
        "partners" | "coalitions" => SectionKey::Partners,
        "context_figures" => SectionKey::Context,
        "conclusions" | "signature" | "council" => SectionKey::Conclusions,
        "layout" => SectionKey::Export,
        "previous_year" => SectionKey::Comparison,
        _ => SectionKey::Check,
    }
}

/// Shorter and shorter candidates for the element to focus: the field, then its card, ...
pub fn focus_candidates(dom_id: &str) -> Vec<String> {
    let mut out = vec![dom_id.to_string()];
    let mut cur = dom_id.to_string();
    while let Some((head, _)) = cur.rsplit_once('-') {
        if head == "f" {
            break;
        }
        out.push(head.to_string());
        cur = head.to_string();
    }
    out
}
