//! Spending of one report, summed the ways the printed report, the charts, the year-over-year
//! comparison and the KCPU figures all need it: per budget chapter and per funding source (from
//! the budget lines) and per statutory task (from the activities' and group costs).
//!
//! Invariants: one computation serves every reader, so the printed report, a chart and the KCPU
//! list never disagree; a sum is `None` when no amount it is made of was given, never zero.
//!
//! An activity serving several tasks has its executed cost split equally between them, to the
//! grosz: the grosze left over go one each to the first tasks in catalogue order, so the parts
//! always add up to the activity's cost. A cost given for a group of activities is split the
//! same way only when every activity it covers serves the same tasks (it is then no different
//! from one activity serving them); otherwise nothing says how much of it went to which task, so
//! it is kept apart as a common cost and never guessed at.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::catalogue::StatutoryTask;
use super::model::{Activity, Amount, BudgetLine, FundingSource, GroupCost, Report, TaskId};

/// Executed spending attributed to each task of a list (same order as the list), plus the
/// spending of activities that serve none of the tasks and the group costs that cannot be
/// attributed to tasks.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskSplit {
    pub per_task: Vec<Amount>,
    /// Whether some cost was attributed to the task (an amount of 0,00 zł is then real).
    pub task_has_cost: Vec<bool>,
    pub outside: Amount,
    /// Group costs covering activities that serve different tasks.
    pub common: Amount,
    /// Descriptions of those group costs, in report order (`„…”`, or `(bez opisu)`).
    pub common_names: Vec<String>,
    /// Whether any activity or group cost has an executed cost at all.
    pub any_cost: bool,
    /// Whether some cost was split between several tasks.
    pub shared: bool,
    /// Whether some group cost was attributed to the tasks its activities serve.
    pub groups_attributed: bool,
}

impl TaskSplit {
    /// The spending attributed to a task of the list, `None` when no cost was attributed to it.
    pub fn of(&self, index: usize) -> Option<Amount> {
        self.task_has_cost
            .get(index)
            .copied()
            .unwrap_or(false)
            .then(|| self.per_task[index])
    }
}

fn to_grosze(a: Amount) -> i64 {
    (a.value()
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        * Decimal::ONE_HUNDRED)
        .to_i64()
        .unwrap_or(0)
}

/// Whether a group cost covers an activity: every activity of its goal and every activity it
/// lists.
pub fn covers(group: &GroupCost, activity: &Activity) -> bool {
    (group.goal.is_some() && activity.goal == group.goal) || group.activities.contains(&activity.id)
}

/// Splits the executed costs of the report's activities and group costs between `tasks`.
pub fn by_task(report: &Report, tasks: &[&StatutoryTask]) -> TaskSplit {
    let n_tasks = tasks.len();
    let mut per_task = vec![0i64; n_tasks];
    let mut task_has_cost = vec![false; n_tasks];
    let (mut outside, mut common) = (0i64, 0i64);
    let mut common_names = Vec::new();
    let (mut any_cost, mut shared, mut groups_attributed) = (false, false, false);

    // Positions in `tasks` of the tasks an activity serves, in the list's order.
    let served = |served_by: &[TaskId]| -> Vec<usize> {
        (0..n_tasks)
            .filter(|&i| served_by.contains(&tasks[i].id))
            .collect()
    };
    let mut attribute = |grosze: i64, served: &[usize], shared: &mut bool| {
        *shared |= served.len() > 1;
        let n = served.len() as i64;
        let (base, rest) = (grosze / n, grosze % n);
        for (k, &i) in served.iter().enumerate() {
            let extra = if (k as i64) < rest.abs() {
                rest.signum()
            } else {
                0
            };
            per_task[i] += base + extra;
            task_has_cost[i] = true;
        }
    };

    for a in &report.activities {
        let Some(cost) = a.cost.executed else {
            continue;
        };
        any_cost = true;
        let grosze = to_grosze(cost);
        let served = served(&a.tasks);
        if served.is_empty() {
            outside += grosze;
        } else {
            attribute(grosze, &served, &mut shared);
        }
    }
    for g in &report.group_costs {
        let Some(cost) = g.cost.executed else {
            continue;
        };
        any_cost = true;
        let grosze = to_grosze(cost);
        let sets: Vec<Vec<usize>> = report
            .activities
            .iter()
            .filter(|a| covers(g, a))
            .map(|a| served(&a.tasks))
            .collect();
        match sets.first() {
            Some(first) if sets.iter().all(|s| s == first) => {
                if first.is_empty() {
                    outside += grosze;
                } else {
                    groups_attributed = true;
                    attribute(grosze, first, &mut shared);
                }
            }
            _ => {
                common += grosze;
                common_names.push(match g.description.trim() {
                    "" => "(bez opisu)".to_string(),
                    d => format!("„{d}”"),
                });
            }
        }
    }
    TaskSplit {
        per_task: per_task.into_iter().map(Amount::from_grosze).collect(),
        task_has_cost,
        outside: Amount::from_grosze(outside),
        common: Amount::from_grosze(common),
        common_names,
        any_cost,
        shared,
        groups_attributed,
    }
}

/// The plan a line's execution is measured against: the plan after changes, or the first plan
/// where no change was entered.
pub fn plan_of(line: &BudgetLine) -> Option<Amount> {
    line.after_changes.or(line.planned)
}

/// Adds an optional amount to an optional sum: `None` stays `None` until an amount comes.
pub fn add(sum: Option<Amount>, amount: Option<Amount>) -> Option<Amount> {
    match (sum, amount) {
        (s, None) => s,
        (None, Some(a)) => Some(a),
        (Some(s), Some(a)) => Some(s + a),
    }
}

/// The plan and execution of some budget lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanAndExecution {
    /// Sum of [`plan_of`] over the lines (`None` when no line has a plan).
    pub plan: Option<Amount>,
    /// Sum of the executed amounts (`None` when no line has one).
    pub executed: Option<Amount>,
}

impl PlanAndExecution {
    fn of<'a>(lines: impl Iterator<Item = &'a BudgetLine>) -> Self {
        lines.fold(Self::default(), |s, l| PlanAndExecution {
            plan: add(s.plan, plan_of(l)),
            executed: add(s.executed, l.executed),
        })
    }
}

/// Plan and execution per chapter (rozdział) as written in the lines, trimmed, in code order; a
/// line without a chapter is under the empty code.
pub fn by_chapter(report: &Report) -> Vec<(String, PlanAndExecution)> {
    let mut chapters: Vec<&str> = report
        .budget
        .lines
        .iter()
        .map(|l| l.chapter.trim())
        .collect();
    chapters.sort_unstable();
    chapters.dedup();
    chapters
        .into_iter()
        .map(|c| {
            let lines = report.budget.lines.iter().filter(|l| l.chapter.trim() == c);
            (c.to_string(), PlanAndExecution::of(lines))
        })
        .collect()
}

/// Plan and execution per funding source of the budget lines, for the sources some line uses,
/// in the order of [`FundingSource::ALL`].
pub fn by_source(report: &Report) -> Vec<(FundingSource, PlanAndExecution)> {
    FundingSource::ALL
        .into_iter()
        .filter(|s| report.budget.lines.iter().any(|l| l.source == *s))
        .map(|s| {
            let lines = report.budget.lines.iter().filter(|l| l.source == s);
            (s, PlanAndExecution::of(lines))
        })
        .collect()
}

/// Plan and execution of all budget lines.
pub fn total(report: &Report) -> PlanAndExecution {
    PlanAndExecution::of(report.budget.lines.iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::catalogue;
    use crate::domain::model::{Cost, Regime};

    fn activity(cost: &str, tasks: &[&str]) -> Activity {
        Activity {
            tasks: tasks.iter().map(|t| TaskId::new(*t)).collect(),
            cost: Cost {
                executed: Some(Amount::new(cost.parse().unwrap())),
                ..Cost::default()
            },
            ..Activity::default()
        }
    }

    #[test]
    fn a_shared_cost_is_split_equally_and_the_parts_add_up_to_the_grosz() {
        let mut r = Report::default();
        r.program.regime = Regime::DrugOnly;
        r.activities = vec![
            activity("100.00", &["drugs.3", "drugs.1", "drugs.4"]),
            activity("10.00", &["drugs.1"]),
            activity("5.00", &["alcohol.1"]),
        ];
        let tasks = catalogue().tasks_for(Regime::DrugOnly, false);
        let s = by_task(&r, &tasks);
        let g: Vec<i64> = s.per_task.iter().map(|a| to_grosze(*a)).collect();
        // 100,00 zł / 3: the left-over grosz goes to the first task in catalogue order.
        assert_eq!(g, vec![3334 + 1000, 0, 3333, 3333, 0]);
        assert_eq!(s.outside, Amount::new("5.00".parse().unwrap()));
        assert!(s.any_cost && s.shared);
        assert_eq!(s.of(1), None);
        assert_eq!(s.of(0), Some(Amount::from_grosze(4334)));
    }

    #[test]
    fn chapters_and_sources_sum_only_what_was_given() {
        let line = |chapter: &str, source, plan: Option<i64>, executed: Option<i64>| BudgetLine {
            chapter: chapter.into(),
            source,
            planned: plan.map(Amount::from_grosze),
            executed: executed.map(Amount::from_grosze),
            ..BudgetLine::default()
        };
        let mut r = Report::default();
        r.budget.lines = vec![
            line("85154", FundingSource::PermitFees, Some(100), Some(90)),
            line(" 85153", FundingSource::Budget, None, None),
            line("85154", FundingSource::Budget, None, Some(5)),
        ];
        let chapters = by_chapter(&r);
        assert_eq!(chapters[0].0, "85153");
        assert_eq!(chapters[0].1, PlanAndExecution::default());
        assert_eq!(chapters[1].1.plan, Some(Amount::from_grosze(100)));
        assert_eq!(chapters[1].1.executed, Some(Amount::from_grosze(95)));
        let sources = by_source(&r);
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[0].0, FundingSource::Budget);
        assert_eq!(sources[0].1.executed, Some(Amount::from_grosze(5)));
        assert_eq!(total(&r).executed, Some(Amount::from_grosze(95)));
    }
}
