//! "Porównanie z rokiem poprzednim": this year against the linked previous year, section by
//! section (spending per chapter, task and source; participants and indicators; the GKRPA;
//! consultation points; context figures), a chart of spending per chapter in both years, last
//! year's activities and partners this report no longer has, and the permit-fee money carried
//! between the years.
//!
//! Invariants: printed only when a previous year is linked and its `print` flag is on; every
//! figure comes from [`crate::domain::compare`] (the same numbers as the app's "Porównanie"
//! view); a value a year does not give reads "brak danych", never 0.

use std::fmt::{self, Write};

use super::html::{amount, Esc};
use super::Ctx;
use crate::domain::charts;
use crate::domain::compare::{self, Comparison, Kind, Row, Section};

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    if !r.previous_year.as_ref().is_some_and(|p| p.print) {
        return Ok(());
    }
    let Some(c) = compare::compare(r) else {
        return Ok(());
    };
    out.push_str("<section class=\"comparison\">\n<h2>Porównanie z rokiem poprzednim</h2>\n");
    let source = match c.source.file_name.trim() {
        "" => String::new(),
        f => format!(" (plik „{f}”)"),
    };
    writeln!(
        out,
        "<p>Dane z {} r. pochodzą z raportu za tamten rok{}, zapisanego przy tym raporcie. \
         „Brak danych” oznacza, że raport danego roku nie podaje wartości; zmianę procentową \
         liczono względem wartości z {} r.</p>",
        c.last_year,
        Esc(&source),
        c.last_year
    )?;
    if let Some(chart) = charts::year_over_year(r) {
        super::write_chart(out, &chart)?;
    }
    for section in &c.sections {
        write_section(out, &c, section)?;
    }
    write_gone(out, &c)?;
    write_carry_over(out, &c)?;
    out.push_str(
        "<p class=\"note\">„—” w kolumnie zmiany procentowej: wartość z roku poprzedniego \
         wynosiła 0 albo wartość jest wyrażona w procentach (wtedy zmianę podano w punktach \
         procentowych, p.p.).</p>\n",
    );
    out.push_str("</section>\n");
    Ok(())
}

/// The row's label with its unit for counts: `uczniowie (osoby)`.
fn label(row: &Row) -> String {
    match (row.kind, row.unit.trim()) {
        (Kind::Money, _) | (_, "") | (Kind::Percent, "%") => row.label.clone(),
        (_, unit) => format!("{} ({unit})", row.label),
    }
}

fn write_section(out: &mut String, c: &Comparison, section: &Section) -> fmt::Result {
    writeln!(out, "<h3>{}</h3>", Esc(section.title))?;
    writeln!(
        out,
        "<table class=\"comparison\">\n<caption>{}: {} r. i {} r.</caption>\n<thead><tr>\
         <th scope=\"col\">Pozycja</th><th scope=\"col\" class=\"num\">{} r.</th>\
         <th scope=\"col\" class=\"num\">{} r.</th><th scope=\"col\" class=\"num\">Zmiana</th>\
         <th scope=\"col\" class=\"num\">Zmiana %</th></tr></thead>\n<tbody>",
        Esc(section.title),
        c.last_year,
        c.this_year,
        c.last_year,
        c.this_year
    )?;
    let mut group: Option<&str> = None;
    for row in &section.rows {
        if row.group.as_deref() != group {
            group = row.group.as_deref();
            if let Some(g) = group {
                writeln!(
                    out,
                    "<tr class=\"group\"><th scope=\"colgroup\" colspan=\"5\">{}</th></tr>",
                    Esc(g)
                )?;
            }
        }
        writeln!(
            out,
            "<tr{}><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            if row.total { " class=\"subtotal\"" } else { "" },
            Esc(&label(row)),
            Esc(&row.last_text()),
            Esc(&row.this_text()),
            Esc(&row.change_text()),
            Esc(&row.percent_text())
        )?;
    }
    out.push_str("</tbody>\n</table>\n");
    Ok(())
}

fn write_gone(out: &mut String, c: &Comparison) -> fmt::Result {
    for (heading, gone) in [
        (
            format!(
                "Działania z {} r., których nie ma w raporcie za {} r.",
                c.last_year, c.this_year
            ),
            &c.activities_gone,
        ),
        (
            format!(
                "Partnerzy z {} r., których nie ma w rejestrze w {} r.",
                c.last_year, c.this_year
            ),
            &c.partners_gone,
        ),
    ] {
        if gone.is_empty() {
            continue;
        }
        writeln!(out, "<h3>{}</h3>\n<ul>", Esc(&heading))?;
        for g in gone {
            let name = match g.name.trim() {
                "" => format!("(bez nazwy, identyfikator {})", g.id),
                n => format!("„{n}”"),
            };
            let note = if g.mentioned {
                " — wyjaśnienie w treści raportu"
            } else {
                ""
            };
            writeln!(out, "<li>{}{}</li>", Esc(&name), note)?;
        }
        out.push_str("</ul>\n");
    }
    Ok(())
}

fn write_carry_over(out: &mut String, c: &Comparison) -> fmt::Result {
    let carry = &c.carry_over;
    let Some(left) = carry.carried_out_last_year else {
        return Ok(());
    };
    write!(
        out,
        "<p>Według raportu za {} r. ze środków z opłat za zezwolenia pozostało do wykorzystania \
         w {} r. {}",
        c.last_year,
        c.this_year,
        Esc(&amount(left)),
    )?;
    match carry.carried_in_this_year {
        None => write!(
            out,
            "; w tym raporcie nie wpisano środków przeniesionych z {} r.",
            c.last_year
        )?,
        Some(into) => {
            write!(
                out,
                "; w tym raporcie jako środki przeniesione z {} r. wpisano {}.",
                c.last_year,
                Esc(&amount(into))
            )?;
            if into != left {
                let diff = if into > left {
                    into - left
                } else {
                    left - into
                };
                write!(out, " Kwoty różnią się o {}.", Esc(&amount(diff)))?;
            }
        }
    }
    out.push_str("</p>\n");
    Ok(())
}
