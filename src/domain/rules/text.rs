//! Wording shared by the checks: filling message templates, Polish number and money formatting,
//! and the labels that name things the way a clerk does ("działanie „Ferie w mieście”",
//! "wiersz budżetu: rozdz. 85153 § 4300"). Together with `table.rs` this is all the rules' text.

use rust_decimal::Decimal;

use super::Params;
use crate::domain::catalogue::{catalogue, StatutoryTask};
use crate::domain::model::{Activity, Amount, BudgetLine, Date, GminaKind, Indicator, Regime};
use crate::domain::money;

/// Fills a template: `{name}` takes the parameter `name`; a `[...]` part is kept only when every
/// parameter inside it is given. A missing parameter outside brackets stays as `{name}` (tests
/// look for leftover braces).
pub fn fill(template: &str, params: &Params) -> String {
    let lookup = |name: &str| {
        params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    };
    let mut out = String::with_capacity(template.len() + 64);
    let mut optional: Option<(String, bool)> = None; // (text so far, all parameters given)
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '[' => optional = Some((String::new(), true)),
            ']' => {
                if let Some((text, complete)) = optional.take() {
                    if complete {
                        out.push_str(&text);
                    }
                }
            }
            '{' => {
                let end = rest.find('}').unwrap_or(rest.len());
                let name = &rest[..end];
                rest = rest.get(end + 1..).unwrap_or("");
                let value = lookup(name);
                let target = match optional.as_mut() {
                    Some((text, complete)) => {
                        *complete &= value.is_some();
                        text
                    }
                    None => &mut out,
                };
                match value {
                    Some(v) => target.push_str(v),
                    None => {
                        target.push('{');
                        target.push_str(name);
                        target.push('}');
                    }
                }
            }
            c => match optional.as_mut() {
                Some((text, _)) => text.push(c),
                None => out.push(c),
            },
        }
    }
    out
}

use crate::domain::money::decimal_pl;

/// A number the Polish way: `1 650`, `12,5`.
pub fn number(value: Decimal) -> String {
    decimal_pl(value, 0)
}

/// An amount the Polish way: `148 543,63 zł` ([`money::format_pl`]). An amount with more than
/// two decimals is shown with all of them rather than rounded (a finding may be about exactly
/// that).
pub fn amount(value: Amount) -> String {
    if value.value().normalize().scale() <= 2 {
        money::format_pl(value)
    } else {
        format!("{} zł", decimal_pl(value.value(), 2))
    }
}

/// A date the Polish way: `23 stycznia 2020 r.`
pub fn date(d: Date) -> String {
    d.format_pl()
}

/// `„title”`, or `nr 4 (bez tytułu)` when the activity has no title yet.
pub fn activity(index: usize, a: &Activity) -> String {
    quoted_or_number(&a.title, index, "bez tytułu")
}

/// `„name”` of an indicator, or `nr 2 (bez nazwy)`.
pub fn indicator(index: usize, i: &Indicator) -> String {
    quoted_or_number(&i.name, index, "bez nazwy")
}

/// A named thing of a list: `„name”`, or `nr N (fallback)`.
pub fn quoted_or_number(name: &str, index: usize, fallback: &str) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        format!("nr {} ({fallback})", index + 1)
    } else {
        const MAX: usize = 90;
        if name.chars().count() > MAX {
            let short: String = name.chars().take(MAX).collect();
            format!("„{}…”", short.trim_end())
        } else {
            format!("„{name}”")
        }
    }
}

/// `„Profilaktyka informacyjna… (narkomania)” (pkt 3)`.
pub fn task(t: &StatutoryTask) -> String {
    format!("„{}” (pkt {})", t.short_name, t.point)
}

/// A task id as written by the user: the catalogue's name if known, else the raw id quoted.
pub fn task_id(id: &str) -> String {
    match catalogue().tasks.iter().find(|t| t.id.as_str() == id) {
        Some(t) => task(t),
        None if id.trim().is_empty() => "(nie wybrano zadania)".to_owned(),
        None => format!("„{id}”"),
    }
}

/// The program kind in words, for messages about the regime.
pub fn regime(r: Regime) -> String {
    r.label().to_owned()
}

/// `2020` for a one-year program, `2020–2023` for a longer one.
pub fn period(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// `Wiersz budżetu nr 3 (rozdz. 85153, § 4300)`.
pub fn budget_line(index: usize, l: &BudgetLine) -> String {
    let mut parts = Vec::new();
    if !l.chapter.trim().is_empty() {
        parts.push(format!("rozdz. {}", l.chapter.trim()));
    }
    if !l.paragraph.trim().is_empty() {
        parts.push(format!("§ {}", l.paragraph.trim()));
    }
    if parts.is_empty() {
        format!("Wiersz budżetu nr {}", index + 1)
    } else {
        format!("Wiersz budżetu nr {} ({})", index + 1, parts.join(", "))
    }
}

/// `Działanie „Ferie w mieście”` (where a place starts a sentence).
pub fn activity_place(index: usize, a: &Activity) -> String {
    format!("Działanie {}", activity(index, a))
}

/// The name of a budget amount field.
pub fn budget_field(field: &str) -> &'static str {
    match field {
        "planned" => "plan",
        "after_changes" => "plan po zmianach",
        "executed" => "wykonanie",
        "permit_fee_planned" => "Planowane dochody z opłat za zezwolenia",
        "permit_fee_income" => "Dochody z opłat za zezwolenia",
        "small_bottle_planned" => "Planowane dochody z opłaty za małe opakowania",
        "small_bottle_income" => "Dochody z opłaty za małe opakowania",
        "carried_over" => "Środki z opłat przeniesione z poprzednich lat",
        "general_budget_top_up" => "Dofinansowanie z budżetu ogólnego gminy",
        _ => "kwota",
    }
}

/// `Finansowanie spoza budżetu gminy „Punkt konsultacyjny (KCPU)”`.
pub fn external_funding(index: usize, description: &str, source: &str) -> String {
    format!(
        "Finansowanie spoza budżetu gminy {}",
        quoted_or_number(description, index, source)
    )
}

/// The name of an activity cost field.
pub fn cost_field(field: &str) -> &'static str {
    match field {
        "planned" => "koszt planowany",
        _ => "koszt wykonany",
    }
}

/// `plan po zmianach` or `plan` (when the plan was not changed).
pub fn plan_label(after_changes: bool) -> &'static str {
    if after_changes {
        "plan po zmianach"
    } else {
        "plan"
    }
}

/// The names of the fields the required/recommended checks look at, by JSON path.
pub fn field(path: &str) -> String {
    let label = match path {
        "gmina.name" => "nazwa gminy",
        "gmina.teryt" => "kod TERYT gminy",
        "gmina.voivodeship" => "województwo",
        "year" => "rok, którego dotyczy raport",
        "program.title" => "tytuł programu",
        "program.resolution.number" => "numer uchwały przyjmującej program",
        "program.resolution.council" => {
            "nazwa rady, która przyjęła program (np. Rada Miasta Kalisza)"
        }
        "program.period_from" => "pierwszy rok okresu programu",
        "program.period_to" => "ostatni rok okresu programu",
        "prepared_by" => "kto sporządził raport",
        "prepared_on" => "data sporządzenia raportu",
        _ => "",
    };
    if !label.is_empty() {
        return label.to_owned();
    }
    // Fields inside lists: `budget.lines[2].chapter`, `partners[0].name`.
    if let Some(i) = list_index(path, "budget.lines[") {
        return format!("rozdział w wierszu budżetu nr {}", i + 1);
    }
    if let Some(i) = list_index(path, "partners[") {
        return format!("nazwa podmiotu nr {} w rejestrze partnerów", i + 1);
    }
    if let Some(i) = list_index(path, "consultation_points[") {
        return format!("nazwa punktu konsultacyjnego nr {}", i + 1);
    }
    if let Some(i) = list_index(path, "group_costs[") {
        return format!("rozdział kosztu wspólnego nr {}", i + 1);
    }
    path.to_owned()
}

fn list_index(path: &str, prefix: &str) -> Option<usize> {
    path.strip_prefix(prefix)?.split(']').next()?.parse().ok()
}

/// The name of a list of the report, for messages about identifiers.
pub fn collection(path: &str) -> &'static str {
    match path {
        "budget.lines" => "Budżet",
        "budget.external" => "Finansowanie spoza budżetu gminy",
        "goals" => "Cele programu",
        "activities" => "Działania",
        "partners" => "Rejestr partnerów",
        "coalitions" => "Koalicje",
        "group_costs" => "Koszty wspólne",
        "consultation_points" => "Punkty konsultacyjne",
        p if p.ends_with(".referrals") => "Skierowania z punktu konsultacyjnego",
        "context_figures" => "Dane o sytuacji w gminie",
        p if p.ends_with(".indicators") => "Wskaźniki działania",
        p if p.ends_with(".working_groups") => "Grupy robocze koalicji",
        _ => "Lista",
    }
}

/// What a value of an indicator is: `planowana` / `osiągnięta`.
pub fn indicator_which(field: &str) -> &'static str {
    match field {
        "planned" => "planowana",
        _ => "osiągnięta",
    }
}

/// What the 7th digit of a TERYT code says the unit is (in the accusative, after "oznacza").
pub fn teryt_kind(kind_digit: u8, city_with_powiat_rights: bool) -> &'static str {
    match kind_digit {
        1 if city_with_powiat_rights => "miasto na prawach powiatu",
        1 => "gminę miejską",
        2 => "gminę wiejską",
        3 => "gminę miejsko-wiejską",
        4 => "miasto w gminie miejsko-wiejskiej (część gminy, a nie całą gminę)",
        5 => "obszar wiejski gminy miejsko-wiejskiej (część gminy, a nie całą gminę)",
        8 | 9 => "dzielnicę lub delegaturę miasta (a nie gminę)",
        _ => "nieznany rodzaj jednostki",
    }
}

/// A gmina kind as chosen in the form.
pub fn gmina_kind(k: GminaKind) -> &'static str {
    k.label()
}

/// What is wrong with a chapter code.
pub fn chapter_problem(well_formed: bool) -> &'static str {
    if well_formed {
        "nie należy do rozdziałów znanych aplikacji"
    } else {
        "nie jest pięciocyfrowym kodem rozdziału"
    }
}

/// The chapters of the catalogue, for messages: `85153, 85154, 85195, 85205`.
pub fn known_chapters() -> String {
    catalogue()
        .chapters
        .iter()
        .map(|c| c.code.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The name of a chapter from the catalogue, lower-cased for use inside a sentence.
pub fn chapter_name(code: &str) -> Option<String> {
    catalogue().chapter(code).map(|c| lower_first(&c.name))
}

/// The text with its first letter lower-cased, for use inside a sentence.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The NPZ edition in words.
pub fn npz(name: &str) -> String {
    name.to_owned()
}

/// `Koszt wspólny „Programy w szkołach”` (or its number when it has no description).
pub fn group_cost(index: usize, description: &str) -> String {
    quoted_or_number(description, index, "koszt wspólny")
}

/// `Punkt konsultacyjny „…”` (or its number when it has no name).
pub fn consultation_point(index: usize, name: &str) -> String {
    format!(
        "Punkt konsultacyjny {}",
        quoted_or_number(name, index, "bez nazwy")
    )
}

/// The name of a money field of the commission.
pub fn gkrpa_field(field: &str) -> &'static str {
    match field {
        "cost" => "Koszt pracy komisji",
        "pay_per_meeting" => "Wynagrodzenie członka komisji za posiedzenie",
        _ => "kwota komisji",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn formats_money_and_numbers_the_polish_way() {
        let a = |s: &str| Amount(Decimal::from_str(s).unwrap());
        assert_eq!(amount(a("148543.63")), "148 543,63 zł");
        assert_eq!(amount(a("0")), "0,00 zł");
        assert_eq!(amount(a("1000000")), "1 000 000,00 zł");
        assert_eq!(amount(a("-12.5")), "-12,50 zł");
        assert_eq!(amount(a("10.125")), "10,125 zł");
        assert_eq!(number(Decimal::from_str("1650").unwrap()), "1 650");
        assert_eq!(number(Decimal::from_str("12.50").unwrap()), "12,5");
        assert_eq!(number(Decimal::from_str("-3").unwrap()), "-3");
    }

    #[test]
    fn fills_templates_with_optional_parts() {
        let p: Params = vec![("a", "X".into())];
        assert_eq!(fill("A={a}[ B={b}].", &p), "A=X.");
        assert_eq!(fill("A={a}[ again {a}].", &p), "A=X again X.");
        assert_eq!(fill("{b}", &p), "{b}");
    }
}
