//! How every statutory task was covered (number of activities, spending, or the written reason
//! for doing nothing), a horizontal bar chart of spending per task as inline SVG, and the
//! activities' costs next to the budget's execution, per chapter and per funding source.
//!
//! An activity serving several tasks has its executed cost split equally between them, to the
//! grosz: the grosze left over go one each to the first tasks in catalogue order, so the parts
//! always add up to the activity's cost. A cost given for a group of activities is split the same
//! way only when every activity it covers serves the same tasks (it is then no different from one
//! activity serving them); otherwise nothing says how much of it went to which task, so it is
//! shown on a row of its own ("koszt wspólny kilku działań") and never guessed at. Every sum the
//! section prints counts the group costs.

use std::fmt::{self, Write};

use super::html::{amount, or_missing, Esc};
use super::Ctx;
use crate::domain::catalogue::catalogue;
use crate::domain::charts;
use crate::domain::model::{Amount, Cost, FundingSource};
use crate::domain::spending::{self, TaskSplit};

/// The spending of the report split between the tasks of its regime (see
/// [`crate::domain::spending`]).
pub(super) fn split(ctx: &Ctx) -> TaskSplit {
    spending::by_task(ctx.report, &ctx.tasks)
}

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let split = split(ctx);
    out.push_str("<section>\n<h2>Realizacja zadań ustawowych</h2>\n");
    out.push_str(
        "<table class=\"coverage\">\n<caption>Zadania ustawowe: liczba działań, wydatki \
         i uzasadnienie braku działań</caption>\n<thead><tr>\
         <th scope=\"col\">Zadanie ustawowe</th><th scope=\"col\" class=\"num\">Działania</th>\
         <th scope=\"col\" class=\"num\">Wydatki</th><th scope=\"col\">Uwagi</th></tr></thead>\n<tbody>\n",
    );
    for (i, t) in ctx.tasks.iter().enumerate() {
        let count = ctx.activities_of(&t.id).count();
        let spent = if split.task_has_cost[i] {
            amount(split.per_task[i])
        } else {
            "—".to_string()
        };
        let remark = if count > 0 {
            "—".to_string()
        } else {
            match ctx.gap_reason(&t.id) {
                Some(reason) => format!("Nie podjęto działań: {reason}"),
                None => "Nie podjęto działań; nie podano uzasadnienia.".to_string(),
            }
        };
        writeln!(
            out,
            "<tr><th scope=\"row\">{}<span class=\"cite\">{}</span></th><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td>{}</td></tr>",
            Esc(&t.short_name),
            Esc(&t.citation),
            count,
            Esc(&spent),
            Esc(&remark)
        )?;
    }
    if !split.common_names.is_empty() {
        writeln!(
            out,
            "<tr><th scope=\"row\">Koszt wspólny kilku działań</th><td class=\"num\">—</td>\
             <td class=\"num\">{}</td><td>{}</td></tr>",
            Esc(&amount(split.common)),
            Esc(&format!(
                "Koszty podane łącznie dla działań służących różnym zadaniom: {}; nie \
                 przypisano ich do poszczególnych zadań.",
                split.common_names.join(", ")
            ))
        )?;
    }
    out.push_str("</tbody>\n</table>\n");

    out.push_str("<h3>Wydatki według zadań ustawowych</h3>\n");
    if !split.any_cost {
        out.push_str(
            "<p>Wydatków w podziale na zadania ustawowe nie można przedstawić, ponieważ nie \
             podano kosztów poszczególnych działań.</p>\n",
        );
    } else {
        chart(out, ctx)?;
        let mut notes = Vec::new();
        if split.shared {
            notes.push(
                "Koszt działania służącego kilku zadaniom podzielono między te zadania po równo."
                    .to_string(),
            );
        }
        if split.groups_attributed {
            notes.push(
                "Koszt wspólny działań służących tym samym zadaniom przypisano tym zadaniom."
                    .to_string(),
            );
        }
        if !split.common_names.is_empty() {
            notes.push(format!(
                "Koszt wspólny kilku działań służących różnym zadaniom ({}) pokazano osobno: nie \
                 wiadomo, jaka jego część przypada na każde zadanie.",
                amount(split.common)
            ));
        }
        if split.outside != Amount::ZERO {
            notes.push(format!(
                "Działania bez zadania ustawowego właściwego dla programu: {}.",
                amount(split.outside)
            ));
        }
        let total: Amount =
            split.per_task.iter().copied().sum::<Amount>() + split.outside + split.common;
        let budget: Amount = ctx
            .report
            .budget
            .lines
            .iter()
            .filter_map(|l| l.executed)
            .sum();
        if ctx.report.group_costs.is_empty() {
            notes.push(format!("Suma kosztów działań: {}.", amount(total)));
        } else {
            notes.push(format!(
                "Suma kosztów działań wraz z kosztami wspólnymi: {}.",
                amount(total)
            ));
        }
        if total != budget {
            notes.push(format!(
                "Wykonanie budżetu programu: {}; różnica: {}.",
                amount(budget),
                amount(budget - total)
            ));
        }
        writeln!(out, "<p class=\"note\">{}</p>", Esc(&notes.join(" ")))?;
        reconciliation(out, ctx)?;
    }
    out.push_str("</section>\n");
    Ok(())
}

/// Executed costs of activities and of group costs by some key of their [`Cost`], next to the
/// budget lines' execution with the same key.
struct Row {
    label: String,
    activities: Amount,
    groups: Amount,
    budget: Amount,
}

fn rows_by(
    ctx: &Ctx,
    keys: &[String],
    cost_key: impl Fn(&Cost) -> String,
    line_key: impl Fn(&crate::domain::model::BudgetLine) -> String,
    label: impl Fn(&str) -> String,
) -> Vec<Row> {
    let r = ctx.report;
    keys.iter()
        .map(|k| Row {
            label: label(k),
            activities: r
                .activities
                .iter()
                .filter(|a| &cost_key(&a.cost) == k)
                .filter_map(|a| a.cost.executed)
                .sum(),
            groups: r
                .group_costs
                .iter()
                .filter(|g| &cost_key(&g.cost) == k)
                .filter_map(|g| g.cost.executed)
                .sum(),
            budget: r
                .budget
                .lines
                .iter()
                .filter(|l| &line_key(l) == k)
                .filter_map(|l| l.executed)
                .sum(),
        })
        .collect()
}

/// The activities' costs (and the group costs) per chapter and per funding source, next to what
/// the budget lines say was spent: the council sees that the parts add up, or by how much not.
fn reconciliation(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    let with_groups = r.group_costs.iter().any(|g| g.cost.executed.is_some());
    let costs = r
        .activities
        .iter()
        .filter(|a| a.cost.executed.is_some())
        .map(|a| &a.cost)
        .chain(
            r.group_costs
                .iter()
                .filter(|g| g.cost.executed.is_some())
                .map(|g| &g.cost),
        );
    let chapter = |c: &Cost| c.chapter.trim().to_string();
    let mut chapters: Vec<String> = costs
        .clone()
        .map(chapter)
        .chain(r.budget.lines.iter().map(|l| l.chapter.trim().to_string()))
        .collect();
    chapters.sort_unstable();
    chapters.dedup();
    let sources: Vec<FundingSource> = FundingSource::ALL
        .into_iter()
        .filter(|s| {
            costs.clone().any(|c| c.source == *s) || r.budget.lines.iter().any(|l| l.source == *s)
        })
        .collect();
    let source_keys: Vec<String> = sources.iter().map(|s| s.label().to_string()).collect();

    let by_chapter = rows_by(
        ctx,
        &chapters,
        chapter,
        |l| l.chapter.trim().to_string(),
        |k| match catalogue().chapter(k) {
            Some(c) => format!("rozdz. {} — {}", k, c.name),
            None if k.is_empty() => "rozdział nie podany".to_string(),
            None => format!("rozdz. {k}"),
        },
    );
    let by_source = rows_by(
        ctx,
        &source_keys,
        |c| c.source.label().to_string(),
        |l| l.source.label().to_string(),
        |k| format!("źródło: {k}"),
    );

    out.push_str("<h3>Koszty działań a wykonanie budżetu</h3>\n");
    let all_match = by_chapter
        .iter()
        .chain(&by_source)
        .all(|r| r.budget == r.activities + r.groups);
    if all_match && !with_groups {
        out.push_str(
            "<p>Koszty działań zgadzają się z wykonaniem budżetu w każdym rozdziale i dla \
             każdego źródła finansowania.</p>\n",
        );
        return Ok(());
    }
    out.push_str(
        "<table class=\"reconciliation\">\n<caption>Koszty działań według rozdziałów i źródeł \
         finansowania w porównaniu z wykonaniem budżetu</caption>\n<thead><tr>\
         <th scope=\"col\">Rozdział / źródło</th>\
             <th scope=\"col\" class=\"num\">Koszty działań</th>",
    );
    if with_groups {
        out.push_str(
            "<th scope=\"col\" class=\"num\">Koszty wspólne</th>\
             <th scope=\"col\" class=\"num\">Razem</th>",
        );
    }
    out.push_str(
        "<th scope=\"col\" class=\"num\">Wykonanie budżetu</th>\
         <th scope=\"col\" class=\"num\">Różnica</th></tr></thead>\n",
    );
    let row = |out: &mut String, row: &Row, class: &str| -> fmt::Result {
        let total = row.activities + row.groups;
        write!(
            out,
            "<tr{class}><th scope=\"row\">{}</th><td class=\"num\">{}</td>",
            Esc(or_missing(&row.label)),
            Esc(&amount(row.activities))
        )?;
        if with_groups {
            write!(
                out,
                "<td class=\"num\">{}</td><td class=\"num\">{}</td>",
                Esc(&amount(row.groups)),
                Esc(&amount(total))
            )?;
        }
        writeln!(
            out,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            Esc(&amount(row.budget)),
            Esc(&amount(row.budget - total))
        )
    };
    let sum = |rows: &[Row], label: &str| Row {
        label: label.to_string(),
        activities: rows.iter().map(|r| r.activities).sum(),
        groups: rows.iter().map(|r| r.groups).sum(),
        budget: rows.iter().map(|r| r.budget).sum(),
    };
    out.push_str("<tbody>\n");
    for r in &by_chapter {
        row(out, r, "")?;
    }
    row(out, &sum(&by_chapter, "Razem"), " class=\"subtotal\"")?;
    out.push_str("</tbody>\n<tbody>\n");
    for r in &by_source {
        row(out, r, "")?;
    }
    row(out, &sum(&by_source, "Razem"), " class=\"subtotal\"")?;
    out.push_str("</tbody>\n</table>\n");
    out.push_str(
        "<p class=\"note\">Różnica to wykonanie budżetu pomniejszone o koszty przypisane \
         działaniom; działania finansowane przez inne podmioty nie obciążają budżetu.</p>\n",
    );
    Ok(())
}

/// The chart of spending per task ([`charts::spending_per_task`]); the table above it is the
/// data behind it.
fn chart(out: &mut String, ctx: &Ctx) -> fmt::Result {
    if let Some(chart) = charts::spending_per_task(ctx.report) {
        super::write_chart(out, &chart)?;
    }
    Ok(())
}
