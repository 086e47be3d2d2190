//! The work of the gminna komisja rozwiązywania problemów alkoholowych (GKRPA), reported apart
//! from the task list: members, meetings, interviews, referrals to an expert and to court, opinions
//! on sale permits, inspections, test purchases, Niebieska Karta groups, cost and pay.
//!
//! Invariants: only the figures given are printed (a given 0 is printed, a missing value never
//! is); a drug-only report without commission data has no such section; an alcohol or joint
//! report without it says in one sentence that no data were given.

use std::fmt::{self, Write};

use super::html::{amount, count, or_missing, paragraphs, Esc};
use super::Ctx;
use crate::domain::catalogue::catalogue;
use crate::domain::model::Regime;

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    let k = &r.gkrpa;
    if k.is_empty() && r.program.regime == Regime::DrugOnly {
        return Ok(());
    }
    out.push_str(
        "<section class=\"gkrpa\">\n<h2>Działalność Gminnej Komisji Rozwiązywania Problemów \
         Alkoholowych</h2>\n",
    );
    if let Some(c) = catalogue().citation("sobriety_art4_1_gkrpa") {
        writeln!(
            out,
            "<p class=\"lead-in\">Komisja działa na podstawie {}.</p>",
            Esc(c)
        )?;
    }
    if k.is_empty() {
        out.push_str("<p>Nie podano danych o działalności komisji w roku sprawozdawczym.</p>\n");
        out.push_str("</section>\n");
        return Ok(());
    }

    let rows: Vec<(&str, Option<String>)> = vec![
        ("Członkowie komisji", k.members.map(count)),
        (
            "w tym przeszkoleni w zakresie profilaktyki i rozwiązywania problemów alkoholowych",
            k.trained_members.map(count),
        ),
        ("Posiedzenia komisji", k.meetings.map(count)),
        (
            "Rozmowy motywujące i interwencyjne",
            k.interviews.map(count),
        ),
        (
            "Osoby skierowane na badanie przez biegłego w przedmiocie uzależnienia",
            k.referred_to_expert.map(count),
        ),
        (
            "Wnioski do sądu o zobowiązanie do leczenia",
            k.court_applications.map(count),
        ),
        (
            "Opinie w sprawie zezwoleń na sprzedaż napojów alkoholowych — pozytywne",
            k.permit_opinions_positive.map(count),
        ),
        (
            "Opinie w sprawie zezwoleń na sprzedaż napojów alkoholowych — negatywne",
            k.permit_opinions_negative.map(count),
        ),
        ("Kontrole punktów sprzedaży", k.inspections.map(count)),
        ("Zakupy kontrolowane", k.test_purchases.map(count)),
        (
            "Udział w grupach diagnostyczno-pomocowych (procedura „Niebieskie Karty”)",
            k.blue_card_groups.map(count),
        ),
        ("Koszt działalności komisji", k.cost.map(amount)),
        (
            "Wynagrodzenie członka komisji za udział w posiedzeniu",
            k.pay_per_meeting.map(amount),
        ),
    ];
    let rows: Vec<(&str, String)> = rows
        .into_iter()
        .filter_map(|(label, v)| v.map(|v| (label, v)))
        .collect();
    if !rows.is_empty() {
        writeln!(
            out,
            "<table class=\"gkrpa\">\n<caption>Działalność komisji w {} r.</caption>\n<tbody>",
            r.year
        )?;
        for (label, value) in rows {
            writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
                Esc(label),
                Esc(&value)
            )?;
        }
        out.push_str("</tbody>\n</table>\n");
    }

    // Where the commission's cost is in the budget: the lines it names, as chapter and §.
    let lines: Vec<String> = k
        .budget_lines
        .iter()
        .map(|id| match r.budget.lines.iter().find(|l| &l.id == id) {
            Some(l) => format!(
                "rozdz. {}, § {}",
                or_missing(l.chapter.trim()),
                or_missing(l.paragraph.trim())
            ),
            None => format!("(brak w planie wydatków: {id})"),
        })
        .collect();
    if !lines.is_empty() {
        writeln!(
            out,
            "<p>Koszt działalności komisji ujęto w wydatkach: {}.</p>",
            Esc(&lines.join("; "))
        )?;
    }
    paragraphs(out, &k.notes)?;
    out.push_str("</section>\n");
    Ok(())
}
