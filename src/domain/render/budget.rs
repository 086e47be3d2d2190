//! Money as councils read it: plan and execution per chapter (rozdział) and paragraph (§), the
//! same by funding source, the income that funds the program (permit fees and the small-bottle
//! fee, each planned and received, money carried in, the general-budget top-up), what is left of
//! each fee for next year, and money from outside the gmina budget — listed apart and never added
//! to the chapter totals.
//!
//! Invariants: every total in a budget table has the share of its plan executed next to it
//! (executed ÷ plan after changes, or the first plan where no change was entered; nothing when
//! there is no plan); a value that was not given is shown as "brak danych" or its row is left
//! out, never as `0`.

use std::fmt::{self, Write};

use super::html::{self, amount, amount_or_no_data, or_missing, Esc, NO_DATA};
use super::Ctx;
use crate::domain::catalogue::catalogue;
use crate::domain::charts;
use crate::domain::model::{Amount, BudgetLine, FundingSource};

/// The sum of the known values of a column, and whether some value was missing.
#[derive(Clone, Copy)]
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

    fn one(value: Option<Amount>) -> Self {
        ColumnSum {
            total: value,
            partial: false,
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

/// The plan a line's execution is measured against: the plan after changes, or the first plan
/// where no change was entered.
fn plan_of(l: &BudgetLine) -> Option<Amount> {
    l.after_changes.or(l.planned)
}

/// The plan, plan after changes and execution of some lines, and the plan that execution is
/// measured against (summed line by line, so a line without changes counts with its first plan).
struct Sums {
    planned: ColumnSum,
    after: ColumnSum,
    executed: ColumnSum,
    measured_plan: ColumnSum,
}

impl Sums {
    fn of<'a>(lines: impl Iterator<Item = &'a BudgetLine> + Clone) -> Self {
        Sums {
            planned: ColumnSum::of(lines.clone(), |l| l.planned),
            after: ColumnSum::of(lines.clone(), |l| l.after_changes),
            executed: ColumnSum::of(lines.clone(), |l| l.executed),
            measured_plan: ColumnSum::of(lines, plan_of),
        }
    }

    fn line(l: &BudgetLine) -> Self {
        Sums {
            planned: ColumnSum::one(l.planned),
            after: ColumnSum::one(l.after_changes),
            executed: ColumnSum::one(l.executed),
            measured_plan: ColumnSum::one(plan_of(l)),
        }
    }

    fn partial(&self) -> bool {
        self.planned.partial || self.after.partial || self.executed.partial
    }

    /// Execution as a share of the plan, marked `*` when either sum leaves out some lines.
    fn share(&self) -> Option<String> {
        let plan = self.measured_plan.total?;
        let done = self.executed.total?;
        let p = html::percent(done.value(), plan.value())?;
        Some(if self.executed.partial || self.measured_plan.partial {
            format!("{p} *")
        } else {
            p
        })
    }

    /// The three amount cells and the share cell, closing the row.
    fn cells(&self, out: &mut String) -> fmt::Result {
        for c in [&self.planned, &self.after, &self.executed] {
            write!(out, "<td class=\"num\">{}</td>", Esc(&c.cell()))?;
        }
        writeln!(
            out,
            "<td class=\"num\">{}</td></tr>",
            Esc(&self.share().unwrap_or_else(|| "—".to_string()))
        )
    }
}

fn chapter_label(code: &str) -> String {
    match catalogue().chapter(code) {
        Some(c) => format!("{} — {}", code, c.name),
        None => or_missing(code).to_string(),
    }
}

const AMOUNT_HEADERS: &str = "<th scope=\"col\" class=\"num\">Plan</th>\
     <th scope=\"col\" class=\"num\">Plan po zmianach</th>\
     <th scope=\"col\" class=\"num\">Wykonanie</th>\
     <th scope=\"col\" class=\"num\">Wykonanie planu</th>";

const PARTIAL_NOTE: &str = "<p class=\"note\">* Suma kwot podanych; dla części pozycji kwoty \
                            nie podano.</p>\n";

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

        let all = Sums::of(b.lines.iter());
        let per_chapter: Vec<String> = chapters
            .iter()
            .map(|c| {
                let s = Sums::of(b.lines.iter().filter(|l| l.chapter == *c));
                format!("rozdz. {}: {}", chapter_label(c), s.executed.cell())
            })
            .collect();
        let share = all
            .share()
            .map(|s| format!(", co stanowi {s} planu"))
            .unwrap_or_default();
        writeln!(
            out,
            "<p>W {} r. na realizację programu wydatkowano z budżetu gminy łącznie {}{} ({}).</p>",
            r.year,
            Esc(&all.executed.cell()),
            Esc(&share),
            Esc(&per_chapter.join("; "))
        )?;

        write!(
            out,
            "<table class=\"budget\">\n<caption>Plan i wykonanie wydatków według rozdziałów \
             i paragrafów klasyfikacji budżetowej</caption>\n<thead><tr>\
             <th scope=\"col\">Rozdział</th><th scope=\"col\">§</th>\
             <th scope=\"col\">Źródło finansowania</th>{AMOUNT_HEADERS}</tr></thead>\n<tbody>\n"
        )?;
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
                Sums::line(l).cells(out)?;
            }
            let s = Sums::of(lines());
            any_partial |= s.partial();
            write!(
                out,
                "<tr class=\"subtotal\"><th scope=\"row\" colspan=\"3\">Razem rozdz. {}</th>",
                Esc(&chapter_label(chapter))
            )?;
            s.cells(out)?;
        }
        out.push_str("</tbody>\n<tfoot>\n<tr><th scope=\"row\" colspan=\"3\">Ogółem</th>");
        any_partial |= all.partial();
        all.cells(out)?;
        out.push_str("</tfoot>\n</table>\n");
        if any_partial {
            out.push_str(PARTIAL_NOTE);
        }
        write_paragraph_legend(out, &b.lines)?;
        if let Some(chart) = charts::plan_vs_execution(r) {
            super::write_chart(out, &chart)?;
        }
        write_by_source(out, ctx)?;
    }

    write_income(out, ctx)?;
    write_permit_fees(out, ctx)?;
    write_small_bottle_fee(out, ctx)?;
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

/// Plan and execution per funding source; a single source is said in one sentence.
fn write_by_source(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let lines = &ctx.report.budget.lines;
    let sources: Vec<FundingSource> = FundingSource::ALL
        .into_iter()
        .filter(|s| lines.iter().any(|l| l.source == *s))
        .collect();
    out.push_str("<h3>Wydatki według źródeł finansowania</h3>\n");
    if let [only] = sources.as_slice() {
        writeln!(
            out,
            "<p>Wszystkie wydatki programu sfinansowano z jednego źródła: {}.</p>",
            Esc(only.label())
        )?;
        return Ok(());
    }
    write!(
        out,
        "<table class=\"by-source\">\n<caption>Plan i wykonanie wydatków według źródeł \
         finansowania</caption>\n<thead><tr><th scope=\"col\">Źródło finansowania</th>\
         {AMOUNT_HEADERS}</tr></thead>\n<tbody>\n"
    )?;
    let mut any_partial = false;
    for source in sources {
        let s = Sums::of(lines.iter().filter(|l| l.source == source));
        any_partial |= s.partial();
        write!(
            out,
            "<tr><th scope=\"row\">{}</th>",
            Esc(&capitalised(source.label()))
        )?;
        s.cells(out)?;
    }
    out.push_str("</tbody>\n<tfoot>\n<tr><th scope=\"row\">Ogółem</th>");
    let all = Sums::of(lines.iter());
    any_partial |= all.partial();
    all.cells(out)?;
    out.push_str("</tfoot>\n</table>\n");
    if any_partial {
        out.push_str(PARTIAL_NOTE);
    }
    if let Some(chart) = charts::spending_per_source(ctx.report) {
        super::write_chart(out, &chart)?;
    }
    Ok(())
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The money that funds the program: each fee planned and received with the share of the plan,
/// money carried in and the general-budget top-up. Rows with nothing given are left out.
fn write_income(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    let b = &r.budget;
    let rows: [(String, Option<Amount>, Option<Amount>, bool); 4] = [
        (
            format!(
                "Dochody z opłat za zezwolenia na sprzedaż napojów alkoholowych w {} r.",
                r.year
            ),
            b.permit_fee_planned,
            b.permit_fee_income,
            true,
        ),
        (
            format!(
                "Dochody z opłaty za napoje alkoholowe w opakowaniach do 300 ml („małpkowe”) \
                 w {} r.",
                r.year
            ),
            b.small_bottle_planned,
            b.small_bottle_income,
            true,
        ),
        (
            format!(
                "Środki z opłat za zezwolenia niewykorzystane w {} r. i przeniesione na {} r.",
                r.year - 1,
                r.year
            ),
            None,
            b.carried_over,
            false,
        ),
        (
            "Dofinansowanie programu z pozostałych dochodów budżetu gminy".to_string(),
            None,
            b.general_budget_top_up,
            false,
        ),
    ];
    if rows
        .iter()
        .all(|(_, plan, done, _)| plan.is_none() && done.is_none())
    {
        return Ok(());
    }
    out.push_str("<h3>Dochody przeznaczone na program</h3>\n");
    out.push_str(
        "<table class=\"income\">\n<caption>Środki na realizację programu: plan i wykonanie \
         dochodów</caption>\n<thead><tr><th scope=\"col\">Źródło</th>\
         <th scope=\"col\" class=\"num\">Plan</th><th scope=\"col\" class=\"num\">Wykonanie</th>\
         <th scope=\"col\" class=\"num\">Wykonanie planu</th></tr></thead>\n<tbody>\n",
    );
    for (label, plan, done, planned_kind) in rows {
        if plan.is_none() && done.is_none() {
            continue;
        }
        // Carry-in and top-up have no plan of their own: a dash, not "brak danych".
        let plan_cell = match (plan, planned_kind) {
            (Some(p), _) => amount(p),
            (None, true) => NO_DATA.to_string(),
            (None, false) => "—".to_string(),
        };
        let share = plan
            .zip(done)
            .and_then(|(p, d)| html::percent(d.value(), p.value()))
            .unwrap_or_else(|| "—".to_string());
        writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td></tr>",
            Esc(&label),
            Esc(&plan_cell),
            Esc(&amount_or_no_data(done)),
            Esc(&share)
        )?;
    }
    out.push_str("</tbody>\n</table>\n");
    Ok(())
}

/// Spending charged to a source: "brak danych" when no executed amount was entered at all; a
/// real zero when amounts were entered and none of them is charged to this source.
fn spent_from(ctx: &Ctx, source: FundingSource) -> Option<Amount> {
    let b = &ctx.report.budget;
    b.executed_from(source).or_else(|| {
        b.lines
            .iter()
            .any(|l| l.executed.is_some())
            .then_some(Amount::ZERO)
    })
}

fn balance_row(out: &mut String, label: &str, value: String, strong: bool) -> fmt::Result {
    writeln!(
        out,
        "<tr{}><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
        if strong { " class=\"subtotal\"" } else { "" },
        Esc(label),
        Esc(&value)
    )
}

/// Permit-fee money: carried in, received, spent, and carried out to next year (art. 18²).
fn write_permit_fees(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    let b = &r.budget;
    let charged = b
        .lines
        .iter()
        .any(|l| l.source == FundingSource::PermitFees);
    if b.permit_fee_income.is_none()
        && b.permit_fee_planned.is_none()
        && b.carried_over.is_none()
        && !charged
    {
        return Ok(());
    }
    let spent = spent_from(ctx, FundingSource::PermitFees);
    let carried_out = b.permit_fees_carried_out().filter(|_| spent.is_some());
    out.push_str("<h3>Opłaty za zezwolenia na sprzedaż napojów alkoholowych</h3>\n");
    out.push_str(
        "<table class=\"fees\">\n<caption>Środki z opłat za zezwolenia: dochody, wydatki \
         i środki przechodzące na następny rok</caption>\n<tbody>\n",
    );
    balance_row(
        out,
        &format!("Środki niewykorzystane w {} r.", r.year - 1),
        amount_or_no_data(b.carried_over),
        false,
    )?;
    balance_row(
        out,
        &format!("Dochody z opłat w {} r.", r.year),
        amount_or_no_data(b.permit_fee_income),
        false,
    )?;
    balance_row(
        out,
        "Wydatki programu sfinansowane z opłat",
        amount_or_no_data(spent),
        false,
    )?;
    balance_row(
        out,
        &format!("Pozostaje do wykorzystania w {} r.", r.year + 1),
        amount_or_no_data(carried_out),
        true,
    )?;
    out.push_str("</tbody>\n</table>\n");
    if let Some(left) = carried_out.filter(|a| *a < Amount::ZERO) {
        writeln!(
            out,
            "<p>Wydatki sfinansowane z opłat przekroczyły dostępne środki o {}.</p>",
            Esc(&amount(Amount::ZERO - left))
        )?;
    }
    if b.permit_fee_income.is_none() {
        out.push_str(
            "<p class=\"note\">Nie podano dochodów z opłat w roku sprawozdawczym, więc nie \
             można ustalić kwoty przechodzącej na następny rok.</p>\n",
        );
    }
    if let Some(c) = catalogue().citation("sobriety_art18_2") {
        writeln!(
            out,
            "<p class=\"note\">Sposób wykorzystania dochodów z opłat określa {}.</p>",
            Esc(c)
        )?;
    }
    Ok(())
}

/// The small-bottle fee: a source of its own with its own purpose (art. 9³ ust. 4), not
/// permit-fee money.
fn write_small_bottle_fee(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    let b = &r.budget;
    let charged = b
        .lines
        .iter()
        .any(|l| l.source == FundingSource::SmallBottleFee);
    if b.small_bottle_income.is_none() && b.small_bottle_planned.is_none() && !charged {
        return Ok(());
    }
    let spent = spent_from(ctx, FundingSource::SmallBottleFee);
    let left = b.small_bottle_left().filter(|_| spent.is_some());
    out.push_str("<h3>Opłata za napoje alkoholowe w opakowaniach do 300 ml („małpkowe”)</h3>\n");
    out.push_str(
        "<table class=\"fees\">\n<caption>Środki z opłaty za małe opakowania: dochody, \
         wydatki i środki niewykorzystane</caption>\n<tbody>\n",
    );
    balance_row(
        out,
        &format!("Dochody z opłaty w {} r.", r.year),
        amount_or_no_data(b.small_bottle_income),
        false,
    )?;
    balance_row(
        out,
        "Wydatki programu sfinansowane z tej opłaty",
        amount_or_no_data(spent),
        false,
    )?;
    balance_row(
        out,
        &format!("Niewykorzystane na koniec {} r.", r.year),
        amount_or_no_data(left),
        true,
    )?;
    out.push_str("</tbody>\n</table>\n");
    if let Some(l) = left.filter(|a| *a < Amount::ZERO) {
        writeln!(
            out,
            "<p>Wydatki sfinansowane z tej opłaty przekroczyły jej dochody o {}.</p>",
            Esc(&amount(Amount::ZERO - l))
        )?;
    }
    if let Some(c) = catalogue().citation("sobriety_art9_3_4") {
        writeln!(
            out,
            "<p class=\"note\">Środki z tej opłaty są odrębnym źródłem finansowania; sposób ich \
             wykorzystania określa {}.</p>",
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
        "<p class=\"lead-in\">Poniższe środki przedstawiono dla pełnego obrazu; nie są \
         wliczone do wydatków z rozdziałów budżetu gminy.</p>\n",
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
            Esc(&amount_or_no_data(e.amount))
        )?;
    }
    out.push_str("</tbody>\n</table>\n");
    Ok(())
}
