//! Spending: plan and execution per chapter (rozdział) and paragraph (§) with totals per chapter
//! and overall, the permit-fee money, and money from outside the gmina budget — listed apart and
//! never added to the chapter totals.

use std::fmt::{self, Write};

use super::html::{self, amount, amount_or_dash, or_missing, Esc};
use super::Ctx;
use crate::domain::catalogue::catalogue;
use crate::domain::model::{Amount, BudgetLine, FundingSource};

/// The sum of the known values of a column, and whether some value was missing.
struct ColumnSum {
    total: Option<Amount>,
    partial: bool,
}

impl ColumnSum {
    fn of<'a>(
        lines: impl Iterator<Item = &'a BudgetLine>,
        pick: fn(&BudgetLine) -> Option<Amount>,
    ) -> Self {
        let (mut total, mut partial) = (None::<Amount>, false);
        for l in lines {
            match pick(l) {
                Some(a) => total = Some(total.unwrap_or(Amount::ZERO) + a),
                None => partial = true,
            }
        }
        ColumnSum {
            total,
            partial: partial && total.is_some(),
        }
    }

    fn cell(&self) -> String {
        match self.total {
            Some(t) if self.partial => format!("{} *", amount(t)),
            Some(t) => amount(t),
            None => "—".to_string(),
        }
    }
}

fn chapter_label(code: &str) -> String {
    match catalogue().chapter(code) {
        Some(c) => format!("{} — {}", code, c.name),
        None => or_missing(code).to_string(),
    }
}

/// Execution as a share of the plan after changes (or of the first plan, if no changes).
fn execution_share(
    planned: Option<Amount>,
    after: Option<Amount>,
    executed: Option<Amount>,
) -> String {
    after
        .or(planned)
        .zip(executed)
        .and_then(|(plan, done)| html::percent(done.value(), plan.value()))
        .unwrap_or_else(|| "—".to_string())
}

/// The three amount cells and the share cell of a row.
fn amount_cells(
    out: &mut String,
    planned: &ColumnSum,
    after: &ColumnSum,
    executed: &ColumnSum,
) -> fmt::Result {
    for c in [planned, after, executed] {
        write!(out, "<td class=\"num\">{}</td>", Esc(&c.cell()))?;
    }
    writeln!(
        out,
        "<td class=\"num\">{}</td></tr>",
        Esc(&execution_share(planned.total, after.total, executed.total))
    )
}

fn sums<'a>(lines: impl Iterator<Item = &'a BudgetLine> + Clone) -> [ColumnSum; 3] {
    [
        ColumnSum::of(lines.clone(), |l| l.planned),
        ColumnSum::of(lines.clone(), |l| l.after_changes),
        ColumnSum::of(lines, |l| l.executed),
    ]
}

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    let b = &r.budget;
    out.push_str("<section>\n<h2>Wydatki na realizację programu</h2>\n");

    if b.lines.is_empty() {
        out.push_str("<p>Nie wpisano wydatków budżetu gminy na realizację programu.</p>\n");
    } else {
        let mut chapters: Vec<&str> = b.lines.iter().map(|l| l.chapter.as_str()).collect();
        chapters.sort_unstable();
        chapters.dedup();

        let [_, _, executed] = sums(b.lines.iter());
        let per_chapter: Vec<String> = chapters
            .iter()
            .map(|c| {
                let [_, _, e] = sums(b.lines.iter().filter(|l| l.chapter == *c));
                format!("rozdz. {}: {}", chapter_label(c), e.cell())
            })
            .collect();
        writeln!(
            out,
            "<p>W {} r. na realizację programu wydatkowano z budżetu gminy łącznie {} ({}).</p>",
            r.year,
            Esc(&executed.cell()),
            Esc(&per_chapter.join("; "))
        )?;

        out.push_str(
            "<table class=\"budget\">\n<caption>Plan i wykonanie wydatków według rozdziałów \
             i paragrafów klasyfikacji budżetowej</caption>\n<thead><tr>\
             <th scope=\"col\">Rozdział</th><th scope=\"col\">§</th>\
             <th scope=\"col\">Źródło finansowania</th><th scope=\"col\" class=\"num\">Plan</th>\
             <th scope=\"col\" class=\"num\">Plan po zmianach</th>\
             <th scope=\"col\" class=\"num\">Wykonanie</th>\
             <th scope=\"col\" class=\"num\">Wykonanie planu</th></tr></thead>\n<tbody>\n",
        );
        let mut any_partial = false;
        for chapter in &chapters {
            let lines = || b.lines.iter().filter(|l| l.chapter == *chapter);
            for l in lines() {
                write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td>",
                    Esc(or_missing(&l.chapter)),
                    Esc(or_missing(&l.paragraph)),
                    Esc(l.source.label())
                )?;
                let [p, a, e] = [l.planned, l.after_changes, l.executed].map(|v| ColumnSum {
                    total: v,
                    partial: false,
                });
                amount_cells(out, &p, &a, &e)?;
            }
            let [p, a, e] = sums(lines());
            any_partial |= p.partial || a.partial || e.partial;
            write!(
                out,
                "<tr class=\"subtotal\"><th scope=\"row\" colspan=\"3\">Razem rozdz. {}</th>",
                Esc(&chapter_label(chapter))
            )?;
            amount_cells(out, &p, &a, &e)?;
        }
        out.push_str("</tbody>\n<tfoot>\n<tr><th scope=\"row\" colspan=\"3\">Ogółem</th>");
        let [p, a, e] = sums(b.lines.iter());
        amount_cells(out, &p, &a, &e)?;
        out.push_str("</tfoot>\n</table>\n");
        if any_partial {
            out.push_str(
                "<p class=\"note\">* Suma kwot podanych; dla części pozycji kwoty nie podano.</p>\n",
            );
        }
        write_paragraph_legend(out, &b.lines)?;
    }

    write_permit_fees(out, ctx)?;
    write_external(out, ctx)?;
    out.push_str("</section>\n");
    Ok(())
}

/// The names of the paragraphs the table uses, from the catalogue.
fn write_paragraph_legend(out: &mut String, lines: &[BudgetLine]) -> fmt::Result {
    let mut codes: Vec<&str> = lines.iter().map(|l| l.paragraph.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    let named: Vec<String> = codes
        .iter()
        .filter_map(|c| catalogue().paragraph(c))
        .map(|p| format!("§ {} — {}", p.code, p.name))
        .collect();
    if !named.is_empty() {
        writeln!(
            out,
            "<p class=\"note\">Paragrafy: {}.</p>",
            Esc(&named.join("; "))
        )?;
    }
    Ok(())
}

fn write_permit_fees(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let b = &ctx.report.budget;
    if b.permit_fee_income.is_none() && b.carried_over.is_none() {
        return Ok(());
    }
    let spent: Amount = b
        .lines
        .iter()
        .filter(|l| l.source == FundingSource::PermitFees)
        .filter_map(|l| l.executed)
        .sum();
    let available =
        b.permit_fee_income.unwrap_or(Amount::ZERO) + b.carried_over.unwrap_or(Amount::ZERO);
    out.push_str("<h3>Opłaty za zezwolenia na sprzedaż napojów alkoholowych</h3>\n");
    out.push_str(
        "<table class=\"fees\">\n<caption>Dochody z opłat za zezwolenia i ich wykorzystanie</caption>\n<tbody>\n",
    );
    let mut row = |label: &str, value: String| {
        writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
            Esc(label),
            Esc(&value)
        )
    };
    row(
        &format!("Dochody z opłat w {} r.", ctx.report.year),
        amount_or_dash(b.permit_fee_income),
    )?;
    row(
        "Środki niewykorzystane w latach poprzednich",
        amount_or_dash(b.carried_over),
    )?;
    row("Wydatki programu sfinansowane z opłat", amount(spent))?;
    row(
        "Pozostało do wykorzystania w następnym roku",
        amount(available - spent),
    )?;
    out.push_str("</tbody>\n</table>\n");
    if let Some(c) = catalogue().citation("sobriety_art18_2") {
        writeln!(
            out,
            "<p class=\"note\">Sposób wykorzystania dochodów z opłat określa {}.</p>",
            Esc(c)
        )?;
    }
    Ok(())
}

fn write_external(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let ext = &ctx.report.budget.external;
    if ext.is_empty() {
        return Ok(());
    }
    out.push_str("<h3>Środki spoza budżetu gminy</h3>\n");
    out.push_str(
        "<p>Poniższe środki przedstawiono dla pełnego obrazu; nie są wliczone do wydatków \
         z rozdziałów budżetu gminy.</p>\n",
    );
    out.push_str(
        "<table class=\"external\">\n<caption>Środki zewnętrzne (niewliczone do wydatków gminy)</caption>\n\
         <thead><tr><th scope=\"col\">Źródło</th><th scope=\"col\">Opis</th>\
         <th scope=\"col\" class=\"num\">Kwota</th></tr></thead>\n<tbody>\n",
    );
    for e in ext {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            Esc(e.source.label()),
            Esc(or_missing(&e.description)),
            Esc(&amount_or_dash(e.amount))
        )?;
    }
    out.push_str("</tbody>\n</table>\n");
    Ok(())
}
