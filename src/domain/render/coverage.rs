//! How every statutory task was covered (number of activities, spending, or the written reason
//! for doing nothing) and a horizontal bar chart of spending per task as inline SVG.
//!
//! An activity serving several tasks has its executed cost split equally between them, to the
//! grosz: the grosze left over go one each to the first tasks in catalogue order, so the parts
//! always add up to the activity's cost.

use std::fmt::{self, Write};

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::html::{amount, Esc};
use super::Ctx;
use crate::domain::catalogue::StatutoryTask;
use crate::domain::model::Amount;

/// Executed spending attributed to each task of the regime (same order as `ctx.tasks`), plus the
/// spending of activities that serve no task of the regime.
pub(super) struct Split {
    pub per_task: Vec<Amount>,
    pub outside: Amount,
    /// Whether any activity has an executed cost at all.
    pub any_cost: bool,
    /// Whether some activity with a cost serves more than one task (the note is then needed).
    pub shared: bool,
}

fn to_grosze(a: Amount) -> i64 {
    (a.value()
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        * Decimal::ONE_HUNDRED)
        .to_i64()
        .unwrap_or(0)
}

pub(super) fn split(ctx: &Ctx) -> Split {
    let mut per_task = vec![0i64; ctx.tasks.len()];
    let (mut outside, mut any_cost, mut shared) = (0i64, false, false);
    for a in &ctx.report.activities {
        let Some(cost) = a.cost.executed else {
            continue;
        };
        any_cost = true;
        let grosze = to_grosze(cost);
        // Positions in `ctx.tasks` of the tasks this activity serves, in catalogue order.
        let served: Vec<usize> = (0..ctx.tasks.len())
            .filter(|&i| a.tasks.contains(&ctx.tasks[i].id))
            .collect();
        if served.is_empty() {
            outside += grosze;
            continue;
        }
        shared |= served.len() > 1;
        let n = served.len() as i64;
        let (base, rest) = (grosze / n, grosze % n);
        for (k, &i) in served.iter().enumerate() {
            let extra = if (k as i64) < rest.abs() {
                rest.signum()
            } else {
                0
            };
            per_task[i] += base + extra;
        }
    }
    Split {
        per_task: per_task.into_iter().map(Amount::from_grosze).collect(),
        outside: Amount::from_grosze(outside),
        any_cost,
        shared,
    }
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
        let with_cost = ctx.activities_of(&t.id).any(|a| a.cost.executed.is_some());
        let spent = if with_cost {
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
    out.push_str("</tbody>\n</table>\n");

    out.push_str("<h3>Wydatki według zadań ustawowych</h3>\n");
    if !split.any_cost {
        out.push_str(
            "<p>Wydatków w podziale na zadania ustawowe nie można przedstawić, ponieważ nie \
             podano kosztów poszczególnych działań.</p>\n",
        );
    } else {
        chart(out, ctx, &split)?;
        let mut notes = Vec::new();
        if split.shared {
            notes.push(
                "Koszt działania służącego kilku zadaniom podzielono między te zadania po równo."
                    .to_string(),
            );
        }
        if split.outside != Amount::ZERO {
            notes.push(format!(
                "Działania bez zadania ustawowego właściwego dla programu: {}.",
                amount(split.outside)
            ));
        }
        let total: Amount = split.per_task.iter().copied().sum::<Amount>() + split.outside;
        let budget: Amount = ctx
            .report
            .budget
            .lines
            .iter()
            .filter_map(|l| l.executed)
            .sum();
        notes.push(format!("Suma kosztów działań: {}.", amount(total)));
        if total != budget {
            notes.push(format!(
                "Wykonanie budżetu programu: {}; różnica: {}.",
                amount(budget),
                amount(budget - total)
            ));
        }
        writeln!(out, "<p class=\"note\">{}</p>", Esc(&notes.join(" ")))?;
    }
    out.push_str("</section>\n");
    Ok(())
}

const WIDTH: u32 = 720;
const BAR_MAX: u32 = 520;
const ROW: u32 = 44;

/// The chart: one labelled row per task; the amount is printed beside each bar, so nothing is
/// conveyed by colour or length alone.
fn chart(out: &mut String, ctx: &Ctx, split: &Split) -> fmt::Result {
    let mut rows: Vec<(String, Amount)> = ctx
        .tasks
        .iter()
        .zip(&split.per_task)
        .map(|(t, a)| (label(t), *a))
        .collect();
    if split.outside != Amount::ZERO {
        rows.push((
            "Działania bez zadania ustawowego programu".to_string(),
            split.outside,
        ));
    }
    let max = rows
        .iter()
        .map(|(_, a)| a.value())
        .fold(Decimal::ZERO, Decimal::max);
    let height = ROW * rows.len() as u32 + 8;
    let title = "Wydatki według zadań ustawowych (wykres słupkowy)";
    out.push_str("<figure class=\"chart\">\n");
    writeln!(
        out,
        "<svg role=\"img\" aria-labelledby=\"wykres-tytul wykres-opis\" aria-label=\"{}\" \
         viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" \
         preserveAspectRatio=\"xMinYMin meet\">",
        Esc(title)
    )?;
    writeln!(out, "<title id=\"wykres-tytul\">{}</title>", Esc(title))?;
    let description: Vec<String> = rows
        .iter()
        .map(|(l, a)| format!("{l}: {}", amount(*a)))
        .collect();
    writeln!(
        out,
        "<desc id=\"wykres-opis\">{}</desc>",
        Esc(&description.join("; "))
    )?;
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = ROW * i as u32;
        let w = if max > Decimal::ZERO && value.value() > Decimal::ZERO {
            (value.value() * Decimal::from(BAR_MAX) / max)
                .round()
                .to_u32()
                .unwrap_or(0)
                .max(1)
        } else {
            0
        };
        writeln!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text>\n<rect class=\"bar\" x=\"0\" y=\"{}\" width=\"{w}\" \
             height=\"16\"></rect>\n<text x=\"{}\" y=\"{}\">{}</text>",
            y + 14,
            Esc(label),
            y + 20,
            w + 6,
            y + 33,
            Esc(&amount(*value))
        )?;
    }
    writeln!(
        out,
        "<line class=\"axis\" x1=\"0\" y1=\"18\" x2=\"0\" y2=\"{}\"></line>",
        height - 8
    )?;
    out.push_str("</svg>\n");
    writeln!(
        out,
        "<figcaption>Wydatki na działania programu przypisane do zadań ustawowych.</figcaption>"
    )?;
    out.push_str("</figure>\n");
    Ok(())
}

/// The row label: the task's short name (SVG text does not wrap, so no citation here).
fn label(t: &StatutoryTask) -> String {
    t.short_name.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Activity, Cost, Layout, Regime, Report, TaskId};

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
        let ctx = Ctx::new(&r, Layout::ByTask);
        let s = split(&ctx);
        let g: Vec<i64> = s.per_task.iter().map(|a| to_grosze(*a)).collect();
        // 100,00 zł / 3: the left-over grosz goes to the first task in catalogue order.
        assert_eq!(g, vec![3334 + 1000, 0, 3333, 3333, 0]);
        assert_eq!(s.outside, Amount::new("5.00".parse().unwrap()));
        assert!(s.any_cost && s.shared);
    }
}
