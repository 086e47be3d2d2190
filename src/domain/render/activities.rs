//! What was done: one section per goal (`Layout::ByGoal`, activities without a goal last) or per
//! statutory task (`Layout::ByTask`: an activity serving several tasks is described under the
//! first and referred to under the others), each activity as prose, facts and an indicator table
//! (estimates printed with "ok."), and the statutory tasks under which nothing was done, with
//! their written reasons.

use std::fmt::{self, Write};

use rust_decimal::Decimal;

use super::html::{self, amount, or_missing, paragraphs, Esc};
use super::Ctx;
use crate::domain::model::{Activity, Indicator, Layout, Mode, Status};

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    match ctx.layout {
        Layout::ByGoal => by_goal(out, ctx),
        Layout::ByTask => by_task(out, ctx),
    }
}

fn by_goal(out: &mut String, ctx: &Ctx) -> fmt::Result {
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
        for (i, a) in activities.iter().enumerate() {
            let number = if goal.number.trim().is_empty() {
                format!("{}.", i + 1)
            } else {
                format!("{}.{}.", goal.number.trim(), i + 1)
            };
            activity(out, ctx, a, &number)?;
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
        for (i, a) in orphans.iter().enumerate() {
            activity(out, ctx, a, &format!("{}.", i + 1))?;
        }
    }
    tasks_without_activities(out, ctx)?;
    out.push_str("</section>\n");
    Ok(())
}

fn by_task(out: &mut String, ctx: &Ctx) -> fmt::Result {
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
        for (i, a) in here.iter().enumerate() {
            activity(out, ctx, a, &format!("{}.{}.", ti + 1, i + 1))?;
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
        for (i, a) in outside.iter().enumerate() {
            activity(out, ctx, a, &format!("{}.", i + 1))?;
        }
    }
    out.push_str("</section>\n");
    Ok(())
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

fn cost_text(a: &Activity) -> String {
    let c = &a.cost;
    let mut text = match (c.executed, a.mode) {
        (Some(done), _) => format!("wykonanie {}", amount(done)),
        (None, Mode::FinancedByOthers) => {
            return "nie obciąża budżetu programu (finansowane przez inne podmioty)".to_string()
        }
        (None, _) => "nie podano kwoty".to_string(),
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

fn status_text(a: &Activity) -> String {
    let reason = a.status_reason.trim();
    match a.status {
        Status::Done if reason.is_empty() => a.status.label().to_string(),
        Status::Done => format!("{} ({})", a.status.label(), reason),
        _ if reason.is_empty() => format!("{} — nie podano przyczyny", a.status.label()),
        _ => format!("{} — przyczyna: {}", a.status.label(), reason),
    }
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
    facts.push(("Koszt", cost_text(a)));
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
