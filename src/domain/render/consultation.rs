//! Consultation points (punkty konsultacyjne, telefony zaufania): for each, its hours and staff,
//! the people who came and the consultations given by client type, where clients were referred
//! on, and notes.
//!
//! Invariants: client types with neither count given are left out; a total is printed only from
//! counts that were given; no section when the report has no consultation point.

use std::fmt::{self, Write};

use super::html::{count, number, paragraphs, Esc, NO_DATA};
use super::Ctx;
use crate::domain::model::ConsultationPoint;

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let points = &ctx.report.consultation_points;
    if points.is_empty() {
        return Ok(());
    }
    let heading = if points.len() == 1 {
        "Punkt konsultacyjny"
    } else {
        "Punkty konsultacyjne"
    };
    writeln!(out, "<section>\n<h2>{heading}</h2>")?;
    for p in points {
        point(out, ctx, p)?;
    }
    out.push_str("</section>\n");
    Ok(())
}

fn point(out: &mut String, ctx: &Ctx, p: &ConsultationPoint) -> fmt::Result {
    let name = match p.name.trim() {
        "" => "Punkt konsultacyjny (bez nazwy)",
        n => n,
    };
    writeln!(out, "<h3>{}</h3>", Esc(name))?;
    let facts: [(&str, String); 2] = [
        (
            "Godziny pracy",
            p.weekly_hours
                .map(|h| format!("{} godz. tygodniowo", number(h)))
                .unwrap_or_else(|| NO_DATA.to_string()),
        ),
        (
            "Kto udziela porad",
            match p.staff.trim() {
                "" => NO_DATA.to_string(),
                s => s.to_string(),
            },
        ),
    ];
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

    let clients = p.clients.rows();
    let consultations = p.consultations.rows();
    let rows: Vec<(&str, Option<u32>, Option<u32>)> = clients
        .iter()
        .zip(consultations.iter())
        .filter(|((_, _, a), (_, _, b))| a.is_some() || b.is_some())
        .map(|((_, label, a), (_, _, b))| (*label, *a, *b))
        .collect();
    if rows.is_empty() {
        out.push_str("<p>Nie podano liczby klientów ani udzielonych konsultacji.</p>\n");
    } else {
        let cell = |v: Option<u64>| v.map(count).unwrap_or_else(|| NO_DATA.to_string());
        writeln!(
            out,
            "<table class=\"clients\">\n<caption>{}: klienci i konsultacje w {} r. według \
             grup klientów</caption>\n<thead><tr><th scope=\"col\">Klienci</th>\
             <th scope=\"col\" class=\"num\">Liczba osób</th>\
             <th scope=\"col\" class=\"num\">Liczba konsultacji</th></tr></thead>\n<tbody>",
            Esc(name),
            ctx.report.year
        )?;
        for (label, persons, given) in rows {
            writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                    </tr>",
                Esc(label),
                Esc(&cell(persons.map(u64::from))),
                Esc(&cell(given.map(u64::from)))
            )?;
        }
        writeln!(
            out,
            "</tbody>\n<tfoot>\n<tr><th scope=\"row\">Razem</th><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td></tr>\n</tfoot>\n</table>",
            Esc(&cell(p.clients.total())),
            Esc(&cell(p.consultations.total()))
        )?;
    }

    if !p.referrals.is_empty() {
        writeln!(
            out,
            "<table class=\"referrals\">\n<caption>{}: dokąd skierowano klientów</caption>\n\
             <thead><tr><th scope=\"col\">Skierowanie</th>\
             <th scope=\"col\" class=\"num\">Liczba osób</th></tr></thead>\n<tbody>",
            Esc(name)
        )?;
        for r in &p.referrals {
            writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
                Esc(match r.target.trim() {
                    "" => "nie podano",
                    t => t,
                }),
                Esc(&r.persons.map(count).unwrap_or_else(|| NO_DATA.to_string()))
            )?;
        }
        out.push_str("</tbody>\n</table>\n");
    }
    paragraphs(out, &p.notes)?;
    Ok(())
}
