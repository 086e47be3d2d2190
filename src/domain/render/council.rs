//! How the council handled the report: when it was presented and what the council did, in one
//! short paragraph at the very end ("Raport przedstawiono Radzie … dnia …; rada przyjęła raport do
//! wiadomości."). It follows the signature on purpose: the report is signed first and presented
//! to the council afterwards, so this is a note on the signed report, not part of what was signed.
//!
//! Invariant: nothing is printed while the report is pending and has no date of presentation.

use std::fmt::{self, Write};

use super::html::{self, paragraphs, Esc};
use super::Ctx;
use crate::domain::model::CouncilOutcome;

/// The council's name as it follows "przedstawiono" (dative): the common nominative forms
/// ("Rada Miasta …", "Rada Gminy …", "Rada Miejska w …") are declined; a blank name is "radzie
/// gminy"; anything else is kept as typed.
fn council_dative(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        "radzie gminy".to_string()
    } else if let Some(rest) = name.strip_prefix("Rada Miejska ") {
        format!("Radzie Miejskiej {rest}")
    } else if let Some(rest) = name.strip_prefix("Rada ") {
        format!("Radzie {rest}")
    } else {
        name.to_string()
    }
}

/// The sentence, or `None` when there is nothing to say yet.
fn sentence(ctx: &Ctx) -> Option<String> {
    let c = &ctx.report.council;
    let outcome = match c.outcome {
        CouncilOutcome::Pending | CouncilOutcome::Other => None,
        CouncilOutcome::Noted => Some(c.outcome.label().to_string()),
        CouncilOutcome::Resolution => Some(match c.resolution_number.trim() {
            "" => c.outcome.label().to_string(),
            n => format!("{} nr {n}", c.outcome.label()),
        }),
    };
    let presented = c.presented_on.map(|d| {
        format!(
            "Raport przedstawiono {} dnia {}",
            council_dative(&ctx.report.program.resolution.council),
            d.format_pl()
        )
    });
    match (presented, outcome) {
        (Some(p), Some(o)) => Some(format!("{p}; {o}.")),
        (Some(p), None) => Some(format!("{p}{}", html::full_stop(&p))),
        (None, Some(o)) => {
            let mut chars = o.chars();
            let first = chars.next().map(|f| f.to_uppercase().collect::<String>());
            Some(format!("{}{}.", first.unwrap_or_default(), chars.as_str()))
        }
        (None, None) => None,
    }
}

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let c = &ctx.report.council;
    if c.outcome == CouncilOutcome::Pending && c.presented_on.is_none() {
        return Ok(());
    }
    let sentence = sentence(ctx);
    if sentence.is_none() && c.notes.trim().is_empty() {
        return Ok(());
    }
    out.push_str("<section>\n<h2>Przedstawienie raportu radzie gminy</h2>\n");
    if let Some(s) = sentence {
        writeln!(out, "<p>{}</p>", Esc(&s))?;
    }
    paragraphs(out, &c.notes)?;
    out.push_str("</section>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::council_dative;

    #[test]
    fn council_names_are_declined_after_przedstawiono() {
        assert_eq!(
            council_dative("Rada Gminy Przykładowo"),
            "Radzie Gminy Przykładowo"
        );
        assert_eq!(
            council_dative("Rada Miejska w Gdyni"),
            "Radzie Miejskiej w Gdyni"
        );
        assert_eq!(council_dative(" "), "radzie gminy");
        assert_eq!(council_dative("Sejmik"), "Sejmik");
    }
}
