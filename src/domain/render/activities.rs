//! What was done: one section per goal (`Layout::ByGoal`, activities without a goal last) or per
//! statutory task (`Layout::ByTask`: an activity serving several tasks is described under the
//! first and referred to under the others), each activity as prose, facts and an indicator table,
//! the costs given for a group of activities or a whole goal (under their goal in the by-goal
//! layout, otherwise together at the end), and the statutory tasks under which nothing was done,
//! with their written reasons.
//!
//! Invariant: every activity and every group cost is printed exactly once; an activity covered
//! by a group cost says so, and the group cost lists the activities it covers.

use std::fmt::{self, Write};

use rust_decimal::Decimal;

use super::html::{self, amount, or_missing, paragraphs, Esc};
use super::Ctx;
use crate::domain::model::{Activity, Cost, GroupCost, Id, Indicator, Layout, Mode, Status};

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    match ctx.layout {
        Layout::ByGoal => by_goal(out, ctx, &goal_numbers(ctx)),
        Layout::ByTask => by_task(out, ctx, &task_numbers(ctx)),
    }
}

/// The number of every activity (by report position) in the by-goal layout: `1.2.` for the
/// second activity of goal 1, `3.` for the third activity without a goal.
fn goal_numbers(ctx: &Ctx) -> Vec<String> {
    let r = ctx.report;
    let mut numbers = vec![String::new(); r.activities.len()];
    for goal in &r.goals {
        let of_goal = r
            .activities
            .iter()
            .enumerate()
            .filter(|(_, a)| a.goal.as_ref() == Some(&goal.id));
        for (i, (k, _)) in of_goal.enumerate() {
            numbers[k] = if goal.number.trim().is_empty() {
                format!("{}.", i + 1)
            } else {
                format!("{}.{}.", goal.number.trim(), i + 1)
            };
        }
    }
    let orphans = r
        .activities
        .iter()
        .enumerate()
        .filter(|(_, a)| a.goal.as_ref().and_then(|g| r.goal(g)).is_none());
    for (i, (k, _)) in orphans.enumerate() {
        numbers[k] = format!("{}.", i + 1);
    }
    numbers
}

/// The number of every activity in the by-task layout: `2.1.` for the first activity described
/// under the second task, `1.` for the first activity outside the regime's tasks.
fn task_numbers(ctx: &Ctx) -> Vec<String> {
    let r = ctx.report;
    let mut numbers = vec![String::new(); r.activities.len()];
    for (ti, task) in ctx.tasks.iter().enumerate() {
        let here =
            r.activities.iter().enumerate().filter(|(_, a)| {
                ctx.applicable_tasks_of(a).first().map(|t| &t.id) == Some(&task.id)
            });
        for (i, (k, _)) in here.enumerate() {
            numbers[k] = format!("{}.{}.", ti + 1, i + 1);
        }
    }
    let outside = r
        .activities
        .iter()
        .enumerate()
        .filter(|(_, a)| ctx.applicable_tasks_of(a).is_empty());
    for (i, (k, _)) in outside.enumerate() {
        numbers[k] = format!("{}.", i + 1);
    }
    numbers
}

/// The goal a group cost is printed under in the by-goal layout: the goal it names, or the one
/// goal of all the activities it covers.
fn placed_goal<'a>(ctx: &Ctx<'a>, g: &'a GroupCost) -> Option<&'a Id> {
    let r = ctx.report;
    if let Some(goal) = g.goal.as_ref().filter(|id| r.goal(id).is_some()) {
        return Some(goal);
    }
    let covered = ctx.covered_by(g);
    let first = covered
        .first()?
        .goal
        .as_ref()
        .filter(|id| r.goal(id).is_some())?;
    covered
        .iter()
        .all(|a| a.goal.as_ref() == Some(first))
        .then_some(first)
}

fn by_goal(out: &mut String, ctx: &Ctx, numbers: &[String]) -> fmt::Result {
    let r = ctx.report;
    out.push_str("<section>\n<h2>Realizacja działań według celów programu</h2>\n");
    if r.activities.is_empty() {
        out.push_str("<p>Nie wpisano działań.</p>\n");
    }
    for goal in &r.goals {
        let heading = if goal.number.trim().is_empty() {
            or_missing(&goal.title).to_string()
        } else {
            format!("{}. {}", goal.number.trim(), or_missing(&goal.title))
        };
        writeln!(out, "<h3>Cel {}</h3>", Esc(&heading))?;
        if !goal.aim.trim().is_empty() {
            writeln!(out, "<p><strong>Cel:</strong> {}</p>", Esc(goal.aim.trim()))?;
        }
        let activities: Vec<&Activity> = r
            .activities
            .iter()
            .filter(|a| a.goal.as_ref() == Some(&goal.id))
            .collect();
        if activities.is_empty() {
            out.push_str("<p>W ramach tego celu nie wpisano działań.</p>\n");
        }
        for a in activities {
            activity(out, ctx, a, &numbers[ctx.index_of(a)])?;
        }
        for g in r
            .group_costs
            .iter()
            .filter(|g| placed_goal(ctx, g) == Some(&goal.id))
        {
            group_cost(out, ctx, g, numbers)?;
        }
    }
    // Activities with no goal, or with a goal that no longer exists, are never dropped.
    let orphans: Vec<&Activity> = r
        .activities
        .iter()
        .filter(|a| a.goal.as_ref().and_then(|g| r.goal(g)).is_none())
        .collect();
    if !orphans.is_empty() {
        let heading = if r.goals.is_empty() {
            "Działania"
        } else {
            "Działania nieprzypisane do celu"
        };
        writeln!(out, "<h3>{heading}</h3>")?;
        for a in orphans {
            activity(out, ctx, a, &numbers[ctx.index_of(a)])?;
        }
    }
    let unplaced: Vec<&GroupCost> = r
        .group_costs
        .iter()
        .filter(|g| placed_goal(ctx, g).is_none())
        .collect();
    group_costs_apart(out, ctx, &unplaced, numbers)?;
    tasks_without_activities(out, ctx)?;
    out.push_str("</section>\n");
    Ok(())
}

fn by_task(out: &mut String, ctx: &Ctx, numbers: &[String]) -> fmt::Result {
    let r = ctx.report;
    out.push_str("<section>\n<h2>Realizacja działań według zadań ustawowych</h2>\n");
    for (ti, task) in ctx.tasks.iter().enumerate() {
        writeln!(out, "<h3>{}. {}</h3>", ti + 1, Esc(&task.short_name))?;
        writeln!(out, "<p class=\"cite\">{}</p>", Esc(&task.citation))?;
        let serving: Vec<&Activity> = ctx.activities_of(&task.id).collect();
        // Described here: the activities whose first applicable task is this one.
        let (here, elsewhere): (Vec<&Activity>, Vec<&Activity>) = serving
            .into_iter()
            .partition(|a| ctx.applicable_tasks_of(a).first().map(|t| &t.id) == Some(&task.id));
        if here.is_empty() && elsewhere.is_empty() {
            match ctx.gap_reason(&task.id) {
                Some(reason) => writeln!(
                    out,
                    "<p>W ramach tego zadania nie podjęto działań. Uzasadnienie: {}</p>",
                    Esc(reason)
                )?,
                None => out.push_str(
                    "<p>W ramach tego zadania nie podjęto działań i nie podano uzasadnienia.</p>\n",
                ),
            }
            continue;
        }
        for a in here {
            activity(out, ctx, a, &numbers[ctx.index_of(a)])?;
        }
        if !elsewhere.is_empty() {
            out.push_str(
                "<p>Temu zadaniu służą także działania opisane przy innych zadaniach:</p>\n<ul>\n",
            );
            for a in elsewhere {
                writeln!(
                    out,
                    "<li><a href=\"#{}\">{}</a></li>",
                    ctx.anchor(a),
                    Esc(or_missing(&a.title))
                )?;
            }
            out.push_str("</ul>\n");
        }
    }
    let outside: Vec<&Activity> = r
        .activities
        .iter()
        .filter(|a| ctx.applicable_tasks_of(a).is_empty())
        .collect();
    if !outside.is_empty() {
        out.push_str("<h3>Działania bez zadania ustawowego właściwego dla programu</h3>\n");
        for a in outside {
            activity(out, ctx, a, &numbers[ctx.index_of(a)])?;
        }
    }
    let all: Vec<&GroupCost> = r.group_costs.iter().collect();
    group_costs_apart(out, ctx, &all, numbers)?;
    out.push_str("</section>\n");
    Ok(())
}

/// Group costs that belong to no single goal (or every group cost, by task): together at the end.
fn group_costs_apart(
    out: &mut String,
    ctx: &Ctx,
    groups: &[&GroupCost],
    numbers: &[String],
) -> fmt::Result {
    if groups.is_empty() {
        return Ok(());
    }
    out.push_str("<h3>Koszty wspólne kilku działań</h3>\n");
    out.push_str(
        "<p>Poniższe kwoty podano łącznie dla kilku działań, bez podziału na poszczególne \
         działania.</p>\n",
    );
    for g in groups {
        group_cost(out, ctx, g, numbers)?;
    }
    Ok(())
}

/// One group cost: what it covers (linked to the activities) and its amounts.
fn group_cost(out: &mut String, ctx: &Ctx, g: &GroupCost, numbers: &[String]) -> fmt::Result {
    let r = ctx.report;
    let description = g.description.trim();
    writeln!(
        out,
        "<h4>Koszt wspólny: {}</h4>",
        Esc(if description.is_empty() {
            "(bez opisu)"
        } else {
            description
        })
    )?;
    out.push_str("<dl class=\"facts\">\n<div><dt>Obejmuje</dt><dd>");
    if let Some(goal) = g.goal.as_ref() {
        match r.goal(goal) {
            Some(goal) => {
                let label = if goal.number.trim().is_empty() {
                    or_missing(&goal.title).to_string()
                } else {
                    format!("{}. {}", goal.number.trim(), or_missing(&goal.title))
                };
                write!(out, "cały cel {}", Esc(&label))?;
            }
            None => write!(out, "cel spoza wykazu celów ({})", Esc(goal.as_str()))?,
        }
    }
    let covered = ctx.covered_by(g);
    let unknown: Vec<&Id> = g
        .activities
        .iter()
        .filter(|id| !r.activities.iter().any(|a| &a.id == *id))
        .collect();
    if covered.is_empty() && unknown.is_empty() {
        out.push_str(if g.goal.is_some() {
            " (w ramach tego celu nie wpisano działań)"
        } else {
            "nie wskazano działań"
        });
    } else {
        out.push_str(if g.goal.is_some() {
            ": "
        } else {
            "działania: "
        });
        for (i, a) in covered.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            write!(
                out,
                "<a href=\"#{}\">{} {}</a>",
                ctx.anchor(a),
                Esc(&numbers[ctx.index_of(a)]),
                Esc(or_missing(&a.title))
            )?;
        }
        for (i, id) in unknown.iter().enumerate() {
            if i > 0 || !covered.is_empty() {
                out.push_str("; ");
            }
            write!(out, "(brak w wykazie działań: {})", Esc(id.as_str()))?;
        }
    }
    out.push_str("</dd></div>\n");
    writeln!(
        out,
        "<div><dt>Koszt</dt><dd>{}</dd></div>\n</dl>",
        Esc(&cost_text(&g.cost, "nie podano kwoty"))
    )
}

/// Under `Layout::ByGoal`: the statutory tasks no activity serves, with the written reasons.
fn tasks_without_activities(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let empty: Vec<_> = ctx
        .tasks
        .iter()
        .filter(|t| ctx.activities_of(&t.id).next().is_none())
        .collect();
    if empty.is_empty() {
        return Ok(());
    }
    out.push_str("<h3>Zadania ustawowe, w ramach których nie podjęto działań</h3>\n<ul>\n");
    for t in empty {
        writeln!(
            out,
            "<li><strong>{}</strong> ({}): {}</li>",
            Esc(&t.short_name),
            Esc(&t.citation),
            Esc(ctx.gap_reason(&t.id).unwrap_or("nie podano uzasadnienia."))
        )?;
    }
    out.push_str("</ul>\n");
    Ok(())
}

/// A comma-separated list, or a placeholder.
fn list(items: Vec<String>) -> String {
    if items.is_empty() {
        "nie podano".to_string()
    } else {
        items.join(", ")
    }
}

/// `wykonanie 1 200,00 zł, plan 1 500,00 zł; rozdz. 85154, § 4300; źródło: …`, with `missing`
/// in place of the executed amount when it was not given.
fn cost_text(c: &Cost, missing: &str) -> String {
    let mut text = match c.executed {
        Some(done) => format!("wykonanie {}", amount(done)),
        None => missing.to_string(),
    };
    if let Some(plan) = c.planned {
        text.push_str(&format!(", plan {}", amount(plan)));
    }
    if !c.chapter.trim().is_empty() {
        text.push_str(&format!("; rozdz. {}", c.chapter.trim()));
        if !c.paragraph.trim().is_empty() {
            text.push_str(&format!(", § {}", c.paragraph.trim()));
        }
    }
    if c.executed.is_some() {
        text.push_str(&format!("; źródło: {}", c.source.label()));
    }
    text
}

fn activity_cost_text(a: &Activity, in_group: bool) -> String {
    if a.cost.executed.is_none() && a.mode == Mode::FinancedByOthers {
        return "nie obciąża budżetu programu (finansowane przez inne podmioty)".to_string();
    }
    let missing = if in_group {
        "kwota ujęta w koszcie wspólnym kilku działań"
    } else {
        "nie podano kwoty"
    };
    cost_text(&a.cost, missing)
}

/// `środki własne 1 200,00 zł; wkład osobowy 800,00 zł` (the figures given).
pub fn realizer_funds_text(f: &crate::domain::model::RealizerFunds) -> String {
    [
        ("środki własne i z innych źródeł", f.own),
        ("wkład osobowy", f.personal),
        ("wkład rzeczowy", f.in_kind),
    ]
    .iter()
    .filter_map(|(label, v)| v.map(|v| format!("{label} {}", amount(v))))
    .collect::<Vec<_>>()
    .join("; ")
}

fn status_text(a: &Activity) -> String {
    let reason = a.status_reason.trim();
    match a.status {
        Status::Done if reason.is_empty() => a.status.label().to_string(),
        Status::Done => format!("{} ({})", a.status.label(), reason),
        _ if reason.is_empty() => format!("{} — nie podano przyczyny", a.status.label()),
        _ => format!("{} — przyczyna: {}", a.status.label(), reason),
    }
}

/// `„Programy w szkołach” (wykonanie 4 000,00 zł)` for each group cost covering the activity.
fn group_costs_text(groups: &[&GroupCost]) -> String {
    groups
        .iter()
        .map(|g| {
            let name = match g.description.trim() {
                "" => "koszt wspólny bez opisu".to_string(),
                d => format!("„{d}”"),
            };
            match g.cost.executed {
                Some(done) => format!("{name} (wykonanie {})", amount(done)),
                None => format!("{name} (nie podano kwoty)"),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One activity: numbered heading, description, facts, indicators, notes.
fn activity(out: &mut String, ctx: &Ctx, a: &Activity, number: &str) -> fmt::Result {
    writeln!(
        out,
        "<h4 id=\"{}\">{} {}</h4>",
        ctx.anchor(a),
        Esc(number),
        Esc(if a.title.trim().is_empty() {
            "(działanie bez tytułu)"
        } else {
            a.title.trim()
        })
    )?;
    paragraphs(out, &a.description)?;

    let groups = ctx.group_costs_of(a);
    let mut facts: Vec<(&str, String)> = vec![
        (
            "Zadania ustawowe",
            list(a.tasks.iter().map(|t| ctx.task_name(t)).collect()),
        ),
        (
            "Realizatorzy",
            list(a.realizers.iter().map(|p| ctx.partner_name(p)).collect()),
        ),
        ("Obszar", a.area.label().to_string()),
        ("Poziom profilaktyki", a.level.label().to_string()),
        (
            "Grupy docelowe",
            list(
                a.target_groups
                    .iter()
                    .map(|g| g.label().to_string())
                    .collect(),
            ),
        ),
    ];
    if !a.period.trim().is_empty() {
        facts.push(("Termin realizacji", a.period.trim().to_string()));
    }
    if !a.recommended_program.trim().is_empty() {
        facts.push((
            "Program rekomendowany",
            format!(
                "program z Bazy Programów Rekomendowanych: {}",
                a.recommended_program.trim()
            ),
        ));
    }
    facts.push(("Tryb realizacji", a.mode.label().to_string()));
    facts.push(("Koszt", activity_cost_text(a, !groups.is_empty())));
    if !groups.is_empty() {
        facts.push(("Koszt wspólny", group_costs_text(&groups)));
    }
    if !a.realizer_funds.is_empty() {
        facts.push(("Wkład realizatora", realizer_funds_text(&a.realizer_funds)));
    }
    facts.push(("Stan realizacji", status_text(a)));
    out.push_str("<dl class=\"facts\">\n");
    for (label, value) in facts {
        writeln!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            Esc(label),
            Esc(&value)
        )?;
    }
    out.push_str("</dl>\n");

    if a.indicators.is_empty() {
        out.push_str("<p>Nie wpisano wskaźników.</p>\n");
    } else {
        indicators(out, a)?;
    }
    if !a.notes.trim().is_empty() {
        writeln!(
            out,
            "<p class=\"note\"><strong>Uwagi:</strong> {}</p>",
            Esc(a.notes.trim())
        )?;
    }
    Ok(())
}

/// A planned or achieved value: `ok. 30` for an estimate, a dash when not given.
fn indicator_value(i: &Indicator, v: Option<Decimal>) -> String {
    match v {
        Some(d) if i.approximate => format!("ok. {}", html::number(d)),
        Some(d) => html::number(d),
        None => "—".to_string(),
    }
}

/// The indicator table: plan, result and the share of the plan achieved. Without any planned
/// value the plan columns would only hold dashes, so they are left out.
fn indicators(out: &mut String, a: &Activity) -> fmt::Result {
    let planned = a.indicators.iter().any(|i| i.planned.is_some());
    write!(
        out,
        "<table class=\"indicators\">\n<caption>Wskaźniki: {}</caption>\n<thead><tr>\
         <th scope=\"col\">Wskaźnik</th><th scope=\"col\">Jednostka</th>",
        Esc(or_missing(&a.title))
    )?;
    if planned {
        out.push_str("<th scope=\"col\" class=\"num\">Plan</th>");
    }
    out.push_str("<th scope=\"col\" class=\"num\">Wykonanie</th>");
    if planned {
        out.push_str("<th scope=\"col\" class=\"num\">Realizacja planu</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for i in &a.indicators {
        write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            Esc(or_missing(&i.name)),
            Esc(i.unit.label())
        )?;
        if planned {
            write!(
                out,
                "<td class=\"num\">{}</td>",
                Esc(&indicator_value(i, i.planned))
            )?;
        }
        write!(
            out,
            "<td class=\"num\">{}</td>",
            Esc(&indicator_value(i, i.achieved))
        )?;
        if planned {
            let share = i
                .planned
                .zip(i.achieved)
                .and_then(|(p, d)| html::percent(d, p))
                .unwrap_or_else(|| "—".to_string());
            write!(out, "<td class=\"num\">{}</td>", Esc(&share))?;
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    Ok(())
}
