//! Partners and cooperation: the register of institutions and organisations with their kind and
//! role, and each coalition's members by kind of institution, meetings and working groups.

use std::fmt::{self, Write};

use super::html::{or_missing, paragraphs, Esc};
use super::Ctx;
use crate::domain::model::{Coalition, PartnerKind};

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    out.push_str("<section>\n<h2>Partnerzy i współpraca</h2>\n");
    if r.partners.is_empty() {
        out.push_str("<p>Nie wpisano partnerów ani realizatorów.</p>\n");
    } else {
        out.push_str(
            "<table class=\"partners\">\n<caption>Rejestr partnerów i realizatorów programu</caption>\n\
             <thead><tr><th scope=\"col\">Nazwa</th><th scope=\"col\">Rodzaj</th>\
             <th scope=\"col\">Rola w programie</th><th scope=\"col\">Adres</th>\
             <th scope=\"col\" class=\"num\">Działania</th></tr></thead>\n<tbody>\n",
        );
        for p in &r.partners {
            let activities = r
                .activities
                .iter()
                .filter(|a| a.realizers.contains(&p.id))
                .count();
            writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td>\
                 <td class=\"num\">{}</td></tr>",
                Esc(or_missing(&p.name)),
                Esc(p.kind.label()),
                Esc(or_missing(&p.role)),
                Esc(or_missing(&p.address)),
                activities
            )?;
        }
        out.push_str("</tbody>\n</table>\n");
    }
    for c in &r.coalitions {
        coalition(out, ctx, c)?;
    }
    out.push_str("</section>\n");
    Ok(())
}

fn coalition(out: &mut String, ctx: &Ctx, c: &Coalition) -> fmt::Result {
    let name = if c.name.trim().is_empty() {
        "Koalicja (bez nazwy)"
    } else {
        c.name.trim()
    };
    writeln!(out, "<h3>{}</h3>", Esc(name))?;
    paragraphs(out, &c.description)?;
    match c.meetings_per_year {
        Some(n) => writeln!(out, "<p>Liczba spotkań plenarnych w roku: {n}.</p>")?,
        None => out.push_str("<p>Nie podano liczby spotkań w roku.</p>\n"),
    }

    // Members grouped by kind of institution, in the model's order of kinds.
    let mut groups: Vec<(&str, Vec<String>)> = PartnerKind::ALL
        .iter()
        .map(|kind| {
            let names = c
                .members
                .iter()
                .filter_map(|id| ctx.report.partner(id))
                .filter(|p| p.kind == *kind)
                .map(|p| or_missing(&p.name).to_string())
                .collect();
            (kind.label(), names)
        })
        .collect();
    let unknown: Vec<String> = c
        .members
        .iter()
        .filter(|id| ctx.report.partner(id).is_none())
        .map(|id| ctx.partner_name(id))
        .collect();
    groups.push(("spoza rejestru partnerów", unknown));
    groups.retain(|(_, names)| !names.is_empty());

    if groups.is_empty() {
        out.push_str("<p>Nie wpisano członków koalicji.</p>\n");
    } else {
        writeln!(
            out,
            "<table class=\"members\">\n<caption>Skład: {} — członkowie według rodzaju instytucji \
             ({} podmiotów)</caption>\n<thead><tr><th scope=\"col\">Rodzaj instytucji</th>\
             <th scope=\"col\">Członkowie</th></tr></thead>\n<tbody>",
            Esc(name),
            c.members.len()
        )?;
        for (kind, names) in groups {
            writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                Esc(kind),
                Esc(&names.join("; "))
            )?;
        }
        out.push_str("</tbody>\n</table>\n");
    }

    if !c.working_groups.is_empty() {
        out.push_str("<h4>Grupy robocze</h4>\n<ul>\n");
        for g in &c.working_groups {
            writeln!(
                out,
                "<li><strong>{}</strong>: {}</li>",
                Esc(or_missing(&g.name)),
                Esc(or_missing(&g.topic))
            )?;
        }
        out.push_str("</ul>\n");
    }
    Ok(())
}
