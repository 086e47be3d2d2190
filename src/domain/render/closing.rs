//! The closing parts: monitoring, conclusions and recommendations, next year's program and the
//! optional signature block.

use std::fmt::{self, Write};

use super::html::{self, paragraphs, Esc};
use super::Ctx;

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    if !r.monitoring.trim().is_empty() {
        out.push_str("<section>\n<h2>Monitoring realizacji programu</h2>\n");
        paragraphs(out, &r.monitoring)?;
        out.push_str("</section>\n");
    }

    out.push_str("<section>\n<h2>Wnioski i rekomendacje</h2>\n");
    if r.conclusions.trim().is_empty() {
        out.push_str("<p>Nie wpisano wniosków.</p>\n");
    } else {
        paragraphs(out, &r.conclusions)?;
    }
    if let Some(d) = r.next_program_resolution_date {
        writeln!(
            out,
            "<p>Program na {} r. przyjęto uchwałą z dnia {}</p>",
            r.year + 1,
            Esc(&d.format_pl())
        )?;
    }
    out.push_str("</section>\n");

    if let Some(s) = &r.signature {
        out.push_str("<section class=\"signature\" aria-label=\"Podpis\">\n");
        let place_date: Vec<String> = [s.place.trim().to_string(), html::date_if(s.date)]
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect();
        if !place_date.is_empty() {
            writeln!(out, "<p>{}</p>", Esc(&place_date.join(", ")))?;
        }
        writeln!(
            out,
            "<p class=\"line\">{}</p>",
            Esc(if s.name.trim().is_empty() {
                "(podpis)"
            } else {
                s.name.trim()
            })
        )?;
        if !s.function.trim().is_empty() {
            writeln!(out, "<p>{}</p>", Esc(s.function.trim()))?;
        }
        out.push_str("</section>\n");
    }
    Ok(())
}
