//! Title block (gmina, program, year, resolution), introduction and legal basis.

use std::fmt::{self, Write};

use super::html::{self, or_missing, paragraphs, Esc};
use super::Ctx;
use crate::domain::catalogue::{catalogue, TaskArea};
use crate::domain::model::{GminaKind, Regime, Report};
use crate::domain::rules::Cite;

/// The program's title, or the regime's generic name when the user left it blank.
fn program_title(r: &Report) -> String {
    if r.program.title.trim().is_empty() {
        let label = r.program.regime.label();
        let mut chars = label.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        r.program.title.clone()
    }
}

/// `<title>` of the document: year, gmina, program.
pub(super) fn document_title(ctx: &Ctx) -> String {
    let r = ctx.report;
    let gmina = if r.gmina.name.trim().is_empty() {
        "gmina".to_string()
    } else {
        r.gmina.name.clone()
    };
    format!("Raport {} — {} — {}", r.year, gmina, program_title(r))
}

/// `nr XIX/334/2020 Rady Miasta Kalisza z dnia 23 stycznia 2020 r.`, from what is filled in.
pub(super) fn resolution_phrase(r: &Report) -> Option<String> {
    let res = &r.program.resolution;
    let mut parts = Vec::new();
    if !res.number.trim().is_empty() {
        parts.push(format!("nr {}", res.number.trim()));
    }
    if !res.council.trim().is_empty() {
        parts.push(council_genitive(&res.council));
    }
    if let Some(d) = res.date {
        parts.push(format!("z dnia {}", d.format_pl()));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The council's name as it follows "uchwałą": the common nominative forms ("Rada Miasta …",
/// "Rada Gminy …", "Rada Miejska w …") are declined; anything else is kept as typed.
fn council_genitive(name: &str) -> String {
    let name = name.trim();
    if let Some(rest) = name.strip_prefix("Rada Miejska ") {
        format!("Rady Miejskiej {rest}")
    } else if let Some(rest) = name.strip_prefix("Rada ") {
        format!("Rady {rest}")
    } else {
        name.to_string()
    }
}

fn period(r: &Report) -> String {
    let (from, to) = (r.program.period_from, r.program.period_to);
    if from == to || to == 0 {
        format!("{from} r.")
    } else {
        format!("{from}–{to}")
    }
}

/// A row of an optional fact: nothing when it is blank.
fn optional_row(out: &mut String, label: &str, value: &str) -> fmt::Result {
    if value.trim().is_empty() {
        return Ok(());
    }
    row(out, label, value)
}

fn row(out: &mut String, label: &str, value: &str) -> fmt::Result {
    writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
        Esc(label),
        Esc(or_missing(value))
    )
}

pub(super) fn write(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    let g = &r.gmina;
    out.push_str("<header>\n");
    let kind = g
        .kind
        .map(|k| format!(" ({})", k.label()))
        .unwrap_or_default();
    writeln!(
        out,
        "<p class=\"kicker\">{}{}, województwo {}</p>",
        Esc(or_missing(&g.name)),
        Esc(&kind),
        Esc(or_missing(&g.voivodeship))
    )?;
    writeln!(
        out,
        "<h1>Raport z realizacji programu w {} roku</h1>",
        r.year
    )?;
    writeln!(out, "<p class=\"lead\">{}</p>", Esc(&program_title(r)))?;
    match resolution_phrase(r) {
        Some(phrase) => writeln!(
            out,
            "<p>Program przyjęty uchwałą {}{}</p>",
            Esc(&phrase),
            html::full_stop(&phrase)
        )?,
        None => out.push_str("<p>Nie podano uchwały, którą przyjęto program.</p>\n"),
    }

    out.push_str("<table class=\"meta\">\n<caption>Dane podstawowe</caption>\n<tbody>\n");
    row(out, "Gmina", &g.name)?;
    optional_row(out, "Rodzaj gminy", g.kind.map_or("", GminaKind::label))?;
    // Optional facts are left out when not given, rather than printed as "nie podano".
    optional_row(out, "Kod TERYT", &g.teryt)?;
    row(out, "Województwo", &g.voivodeship)?;
    if let Some(p) = g.population {
        row(out, "Liczba mieszkańców", &html::number(p.into()))?;
    }
    row(out, "Rok sprawozdawczy", &r.year.to_string())?;
    row(out, "Okres obowiązywania programu", &period(r))?;
    row(out, "Rodzaj programu", r.program.regime.label())?;
    if r.program.regime == Regime::Joint {
        let behavioural = if r.program.behavioural { "tak" } else { "nie" };
        row(out, "Obejmuje uzależnienia behawioralne", behavioural)?;
    }
    optional_row(out, "Koordynator programu", &r.program.coordinator)?;
    row(out, "Raport sporządził(a)", &r.prepared_by)?;
    row(out, "Data sporządzenia", &html::date(r.prepared_on))?;
    row(
        out,
        "Termin przedłożenia radzie",
        &html::date(r.council_deadline),
    )?;
    out.push_str("</tbody>\n</table>\n</header>\n");

    if !r.introduction.trim().is_empty() {
        out.push_str("<section>\n<h2>Wprowadzenie</h2>\n");
        paragraphs(out, &r.introduction)?;
        out.push_str("</section>\n");
    }
    Ok(())
}

/// The legal basis for the report's regime, with citations taken from the catalogue.
pub(super) fn write_legal_basis(out: &mut String, ctx: &Ctx) -> fmt::Result {
    let r = ctx.report;
    let cat = catalogue();
    out.push_str("<section>\n<h2>Podstawa prawna i powiązania programu</h2>\n");
    let cite = |c: Cite| {
        c.citation_id(r.program.regime, r.year)
            .and_then(|id| cat.citation(id))
            .unwrap_or_default()
            .to_string()
    };
    let kind = match r.program.regime {
        Regime::DrugOnly => "gminnym programem przeciwdziałania narkomanii".to_string(),
        Regime::AlcoholOnly => {
            "gminnym programem profilaktyki i rozwiązywania problemów alkoholowych".to_string()
        }
        Regime::Joint => format!(
            "{}gminnym programem profilaktyki i rozwiązywania problemów alkoholowych oraz \
             przeciwdziałania narkomanii{}",
            if r.year >= Regime::JOINT_FROM_YEAR {
                ""
            } else {
                "wspólnym "
            },
            if r.program.behavioural {
                ", obejmującym także przeciwdziałanie uzależnieniom behawioralnym"
            } else {
                ""
            }
        ),
    };
    writeln!(
        out,
        "<p>Program jest {}, przyjętym i realizowanym na podstawie {}.</p>",
        Esc(&kind),
        Esc(&cite(Cite::ProgramBasis))
    )?;
    let report_basis = if r.year >= Regime::JOINT_FROM_YEAR {
        "<p>Raport z wykonania w danym roku gminnego programu profilaktyki i rozwiązywania \
         problemów alkoholowych oraz przeciwdziałania narkomanii i efektów jego realizacji wójt \
         (burmistrz, prezydent miasta) sporządza i przedkłada radzie gminy w terminie do dnia \
         30 czerwca roku następującego po roku, którego dotyczy raport — {}.</p>"
    } else if r.program.regime == Regime::AlcoholOnly {
        "<p>Raport przedstawia wykonanie programu przyjętego na podstawie {}.</p>"
    } else {
        "<p>Raport z wykonania programu i jego efektów organ wykonawczy gminy przedkłada \
         radzie gminy na podstawie {}.</p>"
    };
    writeln!(
        out,
        "{}",
        report_basis.replace("{}", &Esc(&cite(Cite::ReportBasis)).to_string())
    )?;

    let strategy = &r.program.strategy;
    if !strategy.title.trim().is_empty() {
        let years = match (strategy.from_year, strategy.to_year) {
            (Some(f), Some(t)) => format!(" na lata {f}–{t}"),
            (Some(f), None) => format!(" od {f} r."),
            (None, Some(t)) => format!(" do {t} r."),
            (None, None) => String::new(),
        };
        writeln!(
            out,
            "<p>Program wynika z dokumentu „{}”{}.</p>",
            Esc(strategy.title.trim()),
            Esc(&years)
        )?;
    }
    match cat.npz(&r.program.npz_edition) {
        Some(npz) => writeln!(
            out,
            "<p>Program uwzględnia {} — {} ({}).</p>",
            Esc(&npz.objective),
            Esc(&npz.name),
            Esc(&npz.legal_basis)
        )?,
        None => out.push_str("<p>Nie wskazano edycji Narodowego Programu Zdrowia.</p>\n"),
    }

    // The task lists as the statutes word them in the report year: each list opens with the
    // act's own words; behavioural addictions are an element of the program (art. 4¹ ust. 2
    // zd. 2), described, never quoted as a statutory point.
    out.push_str("<p>Zadania, które program realizuje:</p>\n");
    let mut areas: Vec<TaskArea> = Vec::new();
    for t in &ctx.tasks {
        if !areas.contains(&t.area) {
            areas.push(t.area);
        }
    }
    for area in areas {
        let Some(text) = cat.area(area) else { continue };
        let tasks = ctx.tasks.iter().filter(|t| t.area == area);
        if area == TaskArea::Behavioural {
            for t in tasks {
                writeln!(
                    out,
                    "<p class=\"task-list\">{} — {} <span class=\"cite\">({})</span></p>",
                    Esc(&text.title),
                    Esc(t.wording(r.year)),
                    Esc(&t.citation)
                )?;
            }
            continue;
        }
        writeln!(
            out,
            "<p class=\"task-list\">{}: „{}” <span class=\"cite\">({})</span></p>\n<ul class=\"tasks\">",
            Esc(&text.title),
            Esc(&text.intro),
            Esc(&text.citation)
        )?;
        let tasks: Vec<_> = tasks.collect();
        for (i, t) in tasks.iter().enumerate() {
            // As in the statute: points end with a semicolon, the last one with a full stop.
            let end = if i + 1 == tasks.len() { "." } else { ";" };
            writeln!(
                out,
                "<li>{}) {}{end} <span class=\"cite\">({})</span></li>",
                t.point,
                Esc(t.wording(r.year).trim_end_matches([';', '.', ' '])),
                Esc(&t.citation)
            )?;
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::council_genitive;

    #[test]
    fn council_names_are_declined_after_uchwala() {
        assert_eq!(
            council_genitive("Rada Miasta Kalisza"),
            "Rady Miasta Kalisza"
        );
        assert_eq!(
            council_genitive(" Rada Gminy Przykładowo"),
            "Rady Gminy Przykładowo"
        );
        assert_eq!(
            council_genitive("Rada Miejska w Gdyni"),
            "Rady Miejskiej w Gdyni"
        );
        assert_eq!(
            council_genitive("Rady Miasta Kalisza"),
            "Rady Miasta Kalisza"
        );
    }
}
