//! Figures describing the local situation (dane kontekstowe), each with its source and, where
//! given, the year it describes and the value of the year before with the change ("this year vs
//! last year", as councils read them).
//!
//! Invariants: a change is printed only when both values are given ("brak danych" otherwise);
//! the year and the year-before columns are left out when no figure has them; a change of a
//! figure in per cent is in percentage points, never a per cent of a per cent.

use std::fmt::{self, Write};

use rust_decimal::Decimal;

use super::html::{self, number, or_missing, Esc, NO_DATA};
use super::Ctx;
use crate::domain::model::ContextFigure;

/// `-2 (-8,7%)`; `+1,5 p.p.` for a figure in per cent; `+3` when the year before was 0.
fn change(f: &ContextFigure) -> String {
    let (Some(now), Some(before)) = (f.value, f.previous_value) else {
        return NO_DATA.to_string();
    };
    let diff = now - before;
    if f.unit.trim() == "%" {
        return format!("{} p.p.", html::signed(diff));
    }
    match html::percent(diff.abs(), before.abs()) {
        Some(p) if diff < Decimal::ZERO => format!("{} (-{p})", html::signed(diff)),
        Some(p) if diff > Decimal::ZERO => format!("{} (+{p})", html::signed(diff)),
        Some(_) => "0 (0%)".to_string(),
        None => html::signed(diff),
    }
}

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let figures = &ctx.report.context_figures;
    out.push_str("<section>\n<h2>Dane o sytuacji lokalnej</h2>\n");
    if figures.is_empty() {
        out.push_str("<p>Nie wpisano danych o sytuacji lokalnej.</p>\n");
        out.push_str("</section>\n");
        return Ok(());
    }
    let years = figures.iter().any(|f| f.year.is_some());
    let previous = figures.iter().any(|f| f.previous_value.is_some());
    out.push_str(
        "<table class=\"context\">\n<caption>Dane kontekstowe i ich źródła</caption>\n\
         <thead><tr><th scope=\"col\">Dane</th>",
    );
    if years {
        out.push_str("<th scope=\"col\" class=\"num\">Rok</th>");
    }
    out.push_str("<th scope=\"col\" class=\"num\">Wartość</th>");
    if previous {
        out.push_str(
            "<th scope=\"col\" class=\"num\">Rok poprzedni</th>\
             <th scope=\"col\" class=\"num\">Zmiana</th>",
        );
    }
    out.push_str(
        "<th scope=\"col\">Jednostka</th><th scope=\"col\">Źródło</th></tr></thead>\n<tbody>\n",
    );
    for f in figures {
        write!(
            out,
            "<tr><th scope=\"row\">{}</th>",
            Esc(or_missing(&f.name))
        )?;
        if years {
            let year = f
                .year
                .map(|y| y.to_string())
                .unwrap_or_else(|| NO_DATA.to_string());
            write!(out, "<td class=\"num\">{}</td>", Esc(&year))?;
        }
        let value = f.value.map(number).unwrap_or_else(|| NO_DATA.to_string());
        write!(out, "<td class=\"num\">{}</td>", Esc(&value))?;
        if previous {
            let before = f
                .previous_value
                .map(number)
                .unwrap_or_else(|| NO_DATA.to_string());
            write!(
                out,
                "<td class=\"num\">{}</td><td class=\"num\">{}</td>",
                Esc(&before),
                Esc(&change(f))
            )?;
        }
        writeln!(
            out,
            "<td>{}</td><td>{}</td></tr>",
            Esc(if f.unit.trim().is_empty() {
                "—"
            } else {
                f.unit.trim()
            }),
            Esc(or_missing(&f.source))
        )?;
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str("</section>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(now: Option<&str>, before: Option<&str>, unit: &str) -> ContextFigure {
        ContextFigure {
            value: now.map(|v| v.parse().unwrap()),
            previous_value: before.map(|v| v.parse().unwrap()),
            unit: unit.into(),
            ..ContextFigure::default()
        }
    }

    #[test]
    fn change_is_absolute_and_relative_or_in_points_for_per_cents() {
        assert_eq!(
            change(&figure(Some("21"), Some("23"), "punkty")),
            "-2 (-8,7%)"
        );
        assert_eq!(change(&figure(Some("11"), Some("9"), "")), "+2 (+22,2%)");
        assert_eq!(change(&figure(Some("5"), Some("5"), "")), "0 (0%)");
        assert_eq!(change(&figure(Some("3"), Some("0"), "")), "+3");
        assert_eq!(change(&figure(Some("18.5"), Some("20"), "%")), "-1,5 p.p.");
        assert_eq!(change(&figure(Some("1200"), None, "")), "brak danych");
        assert_eq!(change(&figure(None, Some("3"), "")), "brak danych");
    }
}
