//! Figures describing the local situation (dane kontekstowe), each with its source.

use std::fmt::{self, Write};

use super::html::{number_or_dash, or_missing, Esc};
use super::Ctx;

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let figures = &ctx.report.context_figures;
    out.push_str("<section>\n<h2>Dane o sytuacji lokalnej</h2>\n");
    if figures.is_empty() {
        out.push_str("<p>Nie wpisano danych o sytuacji lokalnej.</p>\n");
    } else {
        out.push_str(
            "<table class=\"context\">\n<caption>Dane kontekstowe i ich źródła</caption>\n\
             <thead><tr><th scope=\"col\">Dane</th><th scope=\"col\" class=\"num\">Wartość</th>\
             <th scope=\"col\">Jednostka</th><th scope=\"col\">Źródło</th></tr></thead>\n<tbody>\n",
        );
        for f in figures {
            writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                Esc(or_missing(&f.name)),
                Esc(&number_or_dash(f.value)),
                Esc(if f.unit.trim().is_empty() {
                    "—"
                } else {
                    f.unit.trim()
                }),
                Esc(or_missing(&f.source))
            )?;
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
    Ok(())
}
