//! The two pages of gathering: the realizer's one-page instruction, and the printable copy of a
//! contribution the realizer keeps. Pure functions, escaped like the report.

use std::fmt::{self, Write};

use super::html::Esc;
use super::style;
use crate::domain::gather::{describe, field_label, Contribution, Request};

fn head(out: &mut String, title: &str) -> fmt::Result {
    out.push_str("<!DOCTYPE html>\n<html lang=\"pl\">\n<head>\n<meta charset=\"utf-8\">\n");
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        style::CSP
    )?;
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    writeln!(out, "<title>{}</title>", Esc(title))?;
    writeln!(out, "<style>{}</style>", style::CSS)?;
    out.push_str("</head>\n<body>\n<main>\n");
    Ok(())
}

fn date_or(d: Option<crate::domain::model::Date>, none: &str) -> String {
    d.map(|d| d.format_pl()).unwrap_or_else(|| none.to_string())
}

/// The one-page instruction for a realizer: what to do with the request file, by when, to whom.
/// `app_url` is the address of the app the coordinator uses.
pub fn instruction_html(request: &Request, app_url: &str) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write_instruction(&mut out, request, app_url);
    out
}

fn write_instruction(out: &mut String, r: &Request, app_url: &str) -> fmt::Result {
    let gmina = r.gmina.name.trim();
    head(
        out,
        &format!(
            "Sprawozdanie dla gminy {gmina} za {} r. — instrukcja",
            r.year
        ),
    )?;
    writeln!(
        out,
        "<h1>Sprawozdanie z działań za {} r. dla gminy {}</h1>",
        r.year,
        Esc(gmina)
    )?;
    writeln!(
        out,
        "<p>Gmina przygotowuje raport z realizacji gminnego programu przeciwdziałania \
         uzależnieniom za {} r. i prosi realizatorów o sprawozdanie z ich działań: co zrobiono, \
         dla kogo, ile osób wzięło udział, ile to kosztowało i z jakich środków.</p>",
        r.year
    )?;
    out.push_str("<dl class=\"facts\">\n");
    let mut fact = |label: &str, value: &str| {
        writeln!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            Esc(label),
            Esc(value)
        )
    };
    fact("Dla", r.partner.name.trim())?;
    fact("Termin odesłania", &date_or(r.deadline, "jak najszybciej"))?;
    let who = [r.coordinator.name.trim(), r.coordinator.contact.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    fact(
        "Odeślij do",
        if who.is_empty() {
            "koordynatora programu w urzędzie gminy"
        } else {
            &who
        },
    )?;
    fact("Adres aplikacji", app_url)?;
    out.push_str("</dl>\n<h2>Co zrobić</h2>\n<ol>\n");
    for step in [
        format!("Otwórz w przeglądarce (Chrome, Edge, Firefox) adres: {app_url}."),
        "Kliknij „Importuj plik JSON” i wybierz plik z prośbą, który dostałeś e-mailem \
         (nazwa zaczyna się od „prosba-”), albo przeciągnij go na stronę. Sprawdź podgląd \
         i kliknij „Importuj”."
            .to_string(),
        "Otwórz zaimportowane sprawozdanie z listy. W sekcjach zadań są działania, które gmina \
         już zna — uzupełnij je, dodaj brakujące („Dodaj działanie”): opis, termin, adresatów, \
         wskaźniki (plan i wykonanie), liczbę uczestników, koszt ze środków gminy oraz wkład \
         własny (środki własne, wkład osobowy i rzeczowy)."
            .to_string(),
        "W sekcji „Sprawozdanie dla gminy” wpisz, kto wypełnił sprawozdanie, i kliknij \
         „Zapisz sprawozdanie dla gminy”. Pobiorą się dwa pliki: sprawozdanie (JSON) i jego \
         kopia do druku dla Ciebie."
            .to_string(),
        "Wyślij plik JSON sprawozdania e-mailem na adres podany wyżej.".to_string(),
    ] {
        writeln!(out, "<li>{}</li>", Esc(&step))?;
    }
    out.push_str("</ol>\n");
    out.push_str(
        "<p>Wpisane dane zostają tylko w Twojej przeglądarce, na tym komputerze: aplikacja nie \
         wysyła ich nigdzie. Możesz przerwać i wrócić później — sprawozdanie będzie na liście. \
         Gdy poprawisz je po wysłaniu, zapisz i wyślij plik jeszcze raz: zastąpi poprzedni.</p>\n",
    );
    out.push_str("</main>\n</body>\n</html>\n");
    Ok(())
}

/// The realizer's printable copy of a contribution.
pub fn contribution_html(c: &Contribution) -> String {
    let mut out = String::with_capacity(8192);
    let _ = write_contribution(&mut out, c);
    out
}

fn write_contribution(out: &mut String, c: &Contribution) -> fmt::Result {
    let r = &c.request;
    let partner = r.partner.name.trim();
    head(
        out,
        &format!(
            "Sprawozdanie {partner} dla gminy {} za {} r.",
            r.gmina.name.trim(),
            r.year
        ),
    )?;
    writeln!(
        out,
        "<h1>Sprawozdanie z działań za {} r.</h1>\n<p>{} — dla gminy {}</p>",
        r.year,
        Esc(partner),
        Esc(r.gmina.name.trim())
    )?;
    out.push_str("<dl class=\"facts\">\n");
    for (label, value) in [
        ("Wypełnił(a)", c.prepared_by.trim().to_string()),
        ("Data", date_or(c.prepared_on, "—")),
        ("Liczba działań", c.activities.len().to_string()),
    ] {
        writeln!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            Esc(label),
            Esc(&value)
        )?;
    }
    out.push_str("</dl>\n");
    if !c.notes.trim().is_empty() {
        writeln!(
            out,
            "<p class=\"note\"><strong>Uwagi:</strong> {}</p>",
            Esc(c.notes.trim())
        )?;
    }
    for (n, a) in c.activities.iter().enumerate() {
        let title = if a.title.trim().is_empty() {
            "(działanie bez tytułu)"
        } else {
            a.title.trim()
        };
        writeln!(
            out,
            "<h2>{}. {}</h2>\n<dl class=\"facts\">",
            n + 1,
            Esc(title)
        )?;
        for key in [
            "description",
            "period",
            "tasks",
            "target_groups",
            "mode",
            "indicators",
            "cost",
            "realizer_funds",
            "status",
            "status_reason",
            "notes",
        ] {
            let value = describe(key, a);
            if value != "—" {
                writeln!(
                    out,
                    "<div><dt>{}</dt><dd>{}</dd></div>",
                    Esc(&field_label(key)),
                    Esc(&value)
                )?;
            }
        }
        out.push_str("</dl>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    Ok(())
}
