//! The two pages of gathering: the realizer's one-page instruction, and the printable copy of a
//! contribution the realizer keeps. Pure functions, escaped like the report.

use std::fmt::{self, Write};

use super::html::Esc;
use crate::domain::gather::{
    describe, field_label, Contribution, ItemKind, MergeItem, MergePlan, Request,
};
use crate::domain::model::{Date, Report};

fn head(out: &mut String, title: &str) -> fmt::Result {
    super::document_head(out, title)?;
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

// ---------------------------------------------------------------------------------------------
// Fragments of the app's "Sprawozdania realizatorów" (static markup: the app reads the controls'
// state when the user acts, so the page carries no per-item reactive code)
// ---------------------------------------------------------------------------------------------

/// The element id of an item's "Uwzględnij w raporcie" checkbox in merge preview `n`.
pub fn merge_accept_id(n: usize, item: usize) -> String {
    format!("merge-{n}-{item}-accept")
}

/// The element id of the "od realizatora" radio of an item's `k`-th conflicting field.
pub fn merge_theirs_id(n: usize, item: usize, k: usize) -> String {
    format!("merge-{n}-{item}-c{k}-t")
}

/// The body of merge preview `n`: who and when, the counts, and every item that is not unchanged
/// with its fields, the checkbox "Uwzględnij w raporcie" (checked as [`MergeItem::accepted_by_default`])
/// and, for each conflicting field, the choice "z raportu" / "od realizatora".
pub fn merge_preview_html(plan: &MergePlan, n: usize) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write_merge_preview(&mut out, plan, n);
    out
}

fn write_merge_preview(out: &mut String, p: &MergePlan, n: usize) -> fmt::Result {
    let who = [
        (!p.prepared_by.trim().is_empty())
            .then(|| format!("wypełnił(a): {}", p.prepared_by.trim())),
        p.prepared_on.map(|d| format!("z dnia {}", d.format_pl())),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    if !who.is_empty() {
        writeln!(out, "<p>{}</p>", Esc(&who))?;
    }
    if !p.notes.trim().is_empty() {
        writeln!(
            out,
            "<p class=\"note\">Uwagi realizatora: {}</p>",
            Esc(p.notes.trim())
        )?;
    }
    if p.partner_missing {
        out.push_str("<p class=\"info\">Partnera nie ma już w rejestrze — scalenie doda go z powrotem.</p>\n");
    }
    writeln!(
        out,
        "<p>Nowe: {}, zmienione: {}, konflikty: {}, usunięte przez realizatora: {}, bez zmian: {}.</p>",
        p.count(ItemKind::New),
        p.count(ItemKind::Changed),
        p.count(ItemKind::Conflict),
        p.count(ItemKind::Removed),
        p.count(ItemKind::Unchanged)
    )?;
    if p.items.iter().all(|i| i.kind == ItemKind::Unchanged) {
        out.push_str("<p class=\"info\">Raport ma już wszystko z tego pliku — scalenie niczego nie zmieni.</p>\n");
        return Ok(());
    }
    out.push_str("<ol class=\"merge-items\">\n");
    for (i, item) in p.items.iter().enumerate() {
        if item.kind != ItemKind::Unchanged {
            write_merge_item(out, item, n, i)?;
        }
    }
    out.push_str("</ol>\n");
    Ok(())
}

fn write_merge_item(out: &mut String, item: &MergeItem, n: usize, i: usize) -> fmt::Result {
    let kind = match (item.kind, item.removed_in_report, item.removed_by_realizer) {
        (ItemKind::Conflict, true, _) => {
            "konflikt: usunięte w raporcie, zmienione przez realizatora"
        }
        (ItemKind::Conflict, _, true) => {
            "konflikt: usunięte przez realizatora, zmienione w raporcie"
        }
        (k, _, _) => k.label(),
    };
    let title = if item.title.trim().is_empty() {
        "(działanie bez tytułu)"
    } else {
        item.title.trim()
    };
    let accept = merge_accept_id(n, i);
    writeln!(
        out,
        "<li class=\"merge-item\"><p class=\"merge-item-title\"><strong>{}</strong> — <span class=\"merge-kind\">{}</span></p>\n\
         <div class=\"check\"><input type=\"checkbox\" id=\"{accept}\"{}><label for=\"{accept}\">Uwzględnij w raporcie</label></div>",
        Esc(title),
        Esc(kind),
        if item.accepted_by_default() { " checked" } else { "" },
    )?;
    // (label, in the report, from the realizer, index of the conflict)
    let rows: Vec<(String, String, String, Option<usize>)> = match (item.kind, &item.theirs) {
        (ItemKind::New, Some(a)) => [
            "description",
            "period",
            "tasks",
            "indicators",
            "cost",
            "realizer_funds",
            "status",
        ]
        .into_iter()
        .map(|k| (field_label(k), "—".to_string(), describe(k, a), None))
        .filter(|r| r.2 != "—")
        .collect(),
        _ => {
            let mut k = 0;
            item.fields
                .iter()
                .map(|f| {
                    let c = f.conflict.then(|| {
                        k += 1;
                        k - 1
                    });
                    (f.label.clone(), f.ours.clone(), f.theirs.clone(), c)
                })
                .collect()
        }
    };
    if !rows.is_empty() {
        out.push_str(
            "<table class=\"data merge-fields\"><thead><tr><th scope=\"col\">Pole</th><th scope=\"col\">W raporcie</th>\
             <th scope=\"col\">U realizatora</th><th scope=\"col\">Wybór</th></tr></thead><tbody>\n",
        );
        for (label, ours, theirs, conflict) in &rows {
            let choice = match conflict {
                Some(k) => {
                    let name = format!("merge-{n}-{i}-c{k}");
                    let t = merge_theirs_id(n, i, *k);
                    format!(
                        "<fieldset class=\"merge-choice\"><legend class=\"visually-hidden\">{}: którą wartość zostawić</legend>\
                         <label><input type=\"radio\" name=\"{name}\" checked> z raportu</label>\
                         <label><input type=\"radio\" name=\"{name}\" id=\"{t}\"> od realizatora</label></fieldset>",
                        Esc(label)
                    )
                }
                None => String::new(),
            };
            writeln!(
                out,
                "<tr{}><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{choice}</td></tr>",
                if conflict.is_some() {
                    " class=\"conflict\""
                } else {
                    ""
                },
                Esc(label),
                Esc(ours),
                Esc(theirs)
            )?;
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</li>\n");
    Ok(())
}

/// What a realizer's workspace answers: who asks, for which gmina, by when.
pub fn workspace_facts_html(w: &Request, activities: usize) -> String {
    let who = [w.coordinator.name.trim(), w.coordinator.contact.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = String::from("<dl class=\"facts\">");
    for (k, v) in [
        ("Realizator", w.partner.name.clone()),
        ("Gmina", format!("{} (rok {})", w.gmina.name, w.year)),
        (
            "Prosi",
            if who.is_empty() {
                "koordynator programu".into()
            } else {
                who
            },
        ),
        ("Termin odesłania", date_or(w.deadline, "—")),
        ("Działania w sprawozdaniu", activities.to_string()),
    ] {
        let _ = write!(out, "<div><dt>{}</dt><dd>{}</dd></div>", Esc(k), Esc(&v));
    }
    out.push_str("</dl>");
    out
}

/// The element id of a partner's checkbox in the register (by the partner's place in it).
pub fn ask_box_id(i: usize) -> String {
    format!("ask-{i}")
}

/// The register of "Sprawozdania realizatorów": a row per partner with what was asked and
/// returned; the buttons carry `data-ask` / `data-again` with the partner's place in the register.
pub fn register_html(report: &Report, today: Option<Date>) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write_register(&mut out, report, today);
    out
}

fn write_register(out: &mut String, r: &Report, today: Option<Date>) -> fmt::Result {
    if r.partners.is_empty() {
        out.push_str("<p class=\"empty\">Rejestr partnerów jest pusty: dodaj realizatorów w sekcji „Partnerzy”.</p>\n");
        return Ok(());
    }
    out.push_str(
        "<table class=\"data gather-table\" aria-labelledby=\"gather-ask-title\"><thead><tr>\
         <th scope=\"col\"><span class=\"visually-hidden\">Zaznacz</span></th><th scope=\"col\">Partner</th>\
         <th scope=\"col\">Poproszono</th><th scope=\"col\">Termin</th><th scope=\"col\">Odesłano</th>\
         <th scope=\"col\">Scalone pozycje</th><th scope=\"col\">Działania</th></tr></thead><tbody>\n",
    );
    let date = |d: Option<Date>| d.map(|d| d.format_pl()).unwrap_or_else(|| "—".into());
    for (i, p) in r.partners.iter().enumerate() {
        let name = if p.name.trim().is_empty() {
            format!("(partner {})", p.id)
        } else {
            p.name.trim().to_string()
        };
        let rec = r.requests.iter().find(|q| q.partner == p.id);
        let overdue = rec.zip(today).is_some_and(|(q, t)| q.overdue(t));
        let id = ask_box_id(i);
        writeln!(
            out,
            "<tr{}><td><input type=\"checkbox\" id=\"{id}\"></td><th scope=\"row\"><label for=\"{id}\">{}</label></th>\
             <td>{}</td><td>{}{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"row-actions\">\
             <button type=\"button\" id=\"ask-btn-{i}\" data-ask=\"{i}\">Poproś o sprawozdanie<span class=\"visually-hidden\">: {}</span></button>{}</td></tr>",
            if overdue { " class=\"overdue\"" } else { "" },
            Esc(&name),
            date(rec.and_then(|q| q.asked_on)),
            date(rec.and_then(|q| q.deadline)),
            if overdue { " <span class=\"badge badge-warning\">po terminie</span>" } else { "" },
            date(rec.and_then(|q| q.returned_on)),
            rec.map(|q| q.merged.to_string()).unwrap_or_else(|| "—".into()),
            Esc(&name),
            if rec.is_some_and(|q| q.received.is_some()) {
                format!(
                    "<button type=\"button\" id=\"again-btn-{i}\" data-again=\"{i}\">Scal ponownie<span class=\"visually-hidden\">: {}</span></button>",
                    Esc(&name)
                )
            } else {
                String::new()
            },
        )?;
    }
    out.push_str("</tbody></table>\n");
    Ok(())
}
