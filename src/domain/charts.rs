//! Bar charts as inline SVG, for the printed report and the app's "Podsumowanie" view: plan
//! against execution per chapter, spending per statutory task, spending per funding source, and
//! this year against last year.
//!
//! Invariants: a chart is plain data ([`Chart`]: categories, series, values) turned into an SVG
//! string by one function, with no dependency and no script. Every chart is accessible and
//! prints in black and white: `role="img"` labelled by its `<title>` and a `<desc>` that lists
//! every value (the text alternative), each bar carries its series name and value in words
//! beside it, and series differ by fill (solid dark grey, white outlined), never by colour alone. The caller
//! shows the data table next to the chart ([`Chart::table`] gives its cells). A value that was
//! not given is drawn as no bar and written "brak danych", never as zero. The SVG is styled by
//! its own attributes, so it looks the same inside the app and in a saved file.

use std::fmt::Write;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::catalogue::catalogue;
use super::compare::{self, Kind, SectionId, NO_DATA};
use super::model::{Amount, Report};
use super::spending;

/// How a series' bars are filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Dark grey, solid.
    Solid,
    /// White with a black outline.
    Outline,
}

/// One series of bars (e.g. "plan", "wykonanie", "2024 r.").
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub fill: Fill,
}

/// One group of bars: a label and a value per series.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub label: String,
    pub values: Vec<Option<Decimal>>,
}

/// A horizontal bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Prefix of the ids inside the SVG (unique per chart within a document), e.g.
    /// `wykres-zadania`.
    pub id: &'static str,
    pub title: String,
    /// One sentence saying what the chart shows (a figure caption).
    pub caption: String,
    /// Money or counts.
    pub kind: Kind,
    pub series: Vec<Series>,
    pub categories: Vec<Category>,
}

const WIDTH: u32 = 720;
const BAR_MAX: u32 = 480;
const LABEL_HEIGHT: u32 = 18;
const BAR_HEIGHT: u32 = 16;
const BAR_GAP: u32 = 4;
const GROUP_GAP: u32 = 10;
const LEGEND_HEIGHT: u32 = 26;

impl Chart {
    /// A value the Polish way, or "brak danych".
    pub fn value_text(&self, value: Option<Decimal>) -> String {
        compare::value_text(self.kind, value)
    }

    /// The text alternative (with the title): every value in words.
    pub fn description(&self) -> String {
        let parts: Vec<String> = self
            .categories
            .iter()
            .map(|c| {
                let values: Vec<String> = self
                    .series
                    .iter()
                    .zip(&c.values)
                    .map(|(s, v)| {
                        if self.series.len() == 1 {
                            self.value_text(*v)
                        } else {
                            format!("{} {}", s.name, self.value_text(*v))
                        }
                    })
                    .collect();
                format!("{}: {}", c.label, values.join(", "))
            })
            .collect();
        format!("{}.", parts.join("; "))
    }

    /// The cells of the data table behind the chart: the header (category, then one column per
    /// series) and one row per category, values in words.
    pub fn table(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let mut header = vec![String::new()];
        header.extend(self.series.iter().map(|s| s.name.clone()));
        let rows = self
            .categories
            .iter()
            .map(|c| {
                let mut row = vec![c.label.clone()];
                row.extend(c.values.iter().map(|v| self.value_text(*v)));
                row
            })
            .collect();
        (header, rows)
    }

    /// How many values are given.
    fn values_given(&self) -> usize {
        self.categories
            .iter()
            .flat_map(|c| &c.values)
            .filter(|v| v.is_some())
            .count()
    }

    /// The chart as an `<svg>` element (no XML prologue), ready to be put inline in HTML.
    pub fn svg(&self) -> String {
        let id = self.id;
        let legend = self.series.len() > 1;
        let group_height =
            LABEL_HEIGHT + self.series.len() as u32 * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
        let top = if legend { LEGEND_HEIGHT } else { 0 };
        let height = top + group_height * self.categories.len() as u32;
        let max = self
            .categories
            .iter()
            .flat_map(|c| &c.values)
            .flatten()
            .fold(Decimal::ZERO, |m, v| m.max(*v));
        let width_of = |v: Decimal| -> u32 {
            if max > Decimal::ZERO && v > Decimal::ZERO {
                // Divide first: a hand-edited file may hold 28-digit values.
                (v / max * Decimal::from(BAR_MAX))
                    .round()
                    .to_u32()
                    .unwrap_or(0)
                    .clamp(1, BAR_MAX)
            } else {
                0
            }
        };

        let mut out = String::with_capacity(2048);
        let _ = write!(
            out,
            "<svg role=\"img\" aria-labelledby=\"{id}-tytul {id}-opis\" viewBox=\"0 0 {WIDTH} {height}\" \
             width=\"{WIDTH}\" height=\"{height}\" preserveAspectRatio=\"xMinYMin meet\">\n\
             <title id=\"{id}-tytul\">{}</title>\n<desc id=\"{id}-opis\">{}</desc>\n",
            esc(&self.title),
            esc(&self.description())
        );
        let fill = |f: Fill| match f {
            Fill::Solid => "fill=\"#333\"".to_string(),
            Fill::Outline => "fill=\"#fff\" stroke=\"#000\"".to_string(),
        };
        out.push_str(
            "<g font-family=\"Arial, Helvetica, 'Liberation Sans', sans-serif\" \
             font-size=\"12\" fill=\"#000\">\n",
        );
        if legend {
            let mut x = 0;
            for s in &self.series {
                let _ = writeln!(
                    out,
                    "<rect x=\"{x}\" y=\"4\" width=\"14\" height=\"14\" {}></rect>\
                     <text x=\"{}\" y=\"15\">{}</text>",
                    fill(s.fill),
                    x + 20,
                    esc(&s.name)
                );
                x += 20 + 8 * s.name.chars().count() as u32 + 24;
            }
        }
        for (g, c) in self.categories.iter().enumerate() {
            let y0 = top + group_height * g as u32;
            let _ = writeln!(
                out,
                "<text x=\"0\" y=\"{}\" font-weight=\"bold\">{}</text>",
                y0 + 13,
                esc(&c.label)
            );
            for (k, (s, v)) in self.series.iter().zip(&c.values).enumerate() {
                let y = y0 + LABEL_HEIGHT + k as u32 * (BAR_HEIGHT + BAR_GAP);
                let named = |text: String| {
                    if self.series.len() == 1 {
                        text
                    } else {
                        format!("{}: {text}", s.name)
                    }
                };
                match v {
                    None => {
                        let _ = writeln!(
                            out,
                            "<text x=\"0\" y=\"{}\">{}</text>",
                            y + 12,
                            esc(&named(NO_DATA.to_string()))
                        );
                    }
                    Some(v) => {
                        let w = width_of(*v);
                        let _ = writeln!(
                            out,
                            "<rect x=\"0\" y=\"{y}\" width=\"{w}\" height=\"{BAR_HEIGHT}\" {}>\
                             </rect><text x=\"{}\" y=\"{}\">{}</text>",
                            fill(s.fill),
                            w + 6,
                            y + 12,
                            esc(&named(self.value_text(Some(*v))))
                        );
                    }
                }
            }
        }
        out.push_str("</g>\n</svg>\n");
        out
    }
}

/// The five characters that matter in SVG text and attributes, escaped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn amount(a: Option<Amount>) -> Option<Decimal> {
    a.map(Amount::value)
}

fn chapter_label(code: &str) -> String {
    match catalogue().chapter(code) {
        Some(c) => format!("Rozdz. {code} — {}", c.name),
        None if code.is_empty() => "Rozdział nie podany".to_string(),
        None => format!("Rozdz. {code}"),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Plan (after changes, or the first plan) against execution per chapter; `None` when fewer
/// than two values are given (one bar compares nothing).
pub fn plan_vs_execution(report: &Report) -> Option<Chart> {
    let chart = Chart {
        id: "wykres-plan",
        title: "Plan i wykonanie wydatków według rozdziałów".into(),
        caption: format!(
            "Plan wydatków (po zmianach) i jego wykonanie w {} r., według rozdziałów \
             klasyfikacji budżetowej.",
            report.year
        ),
        kind: Kind::Money,
        series: vec![
            Series {
                name: "plan".into(),
                fill: Fill::Outline,
            },
            Series {
                name: "wykonanie".into(),
                fill: Fill::Solid,
            },
        ],
        categories: spending::by_chapter(report)
            .into_iter()
            .map(|(code, sums)| Category {
                label: chapter_label(&code),
                values: vec![amount(sums.plan), amount(sums.executed)],
            })
            .collect(),
    };
    (chart.values_given() >= 2).then_some(chart)
}

/// Executed spending per statutory task of the report's regime (a cost serving several tasks
/// split equally, see [`spending`]), with the common costs that cannot be split and the
/// activities outside the program's tasks on rows of their own; `None` when no activity has an
/// executed cost.
pub fn spending_per_task(report: &Report) -> Option<Chart> {
    let tasks = report.applicable_tasks();
    let split = spending::by_task(report, &tasks);
    if !split.any_cost {
        return None;
    }
    let mut categories: Vec<Category> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| Category {
            label: t.short_name.clone(),
            values: vec![amount(split.of(i))],
        })
        .collect();
    if !split.common_names.is_empty() {
        categories.push(Category {
            label: "Koszt wspólny kilku działań".into(),
            values: vec![Some(split.common.value())],
        });
    }
    if split.outside != Amount::ZERO {
        categories.push(Category {
            label: "Działania bez zadania ustawowego programu".into(),
            values: vec![Some(split.outside.value())],
        });
    }
    Some(Chart {
        id: "wykres-zadania",
        title: "Wydatki według zadań ustawowych".into(),
        caption: "Wydatki na działania programu przypisane do zadań ustawowych.".into(),
        kind: Kind::Money,
        series: vec![Series {
            name: "wykonanie".into(),
            fill: Fill::Solid,
        }],
        categories,
    })
}

/// Executed spending per funding source of the budget lines; `None` when fewer than two
/// sources have an executed amount.
pub fn spending_per_source(report: &Report) -> Option<Chart> {
    let chart = Chart {
        id: "wykres-zrodla",
        title: "Wydatki według źródeł finansowania".into(),
        caption: format!(
            "Wykonanie wydatków programu w {} r. według źródeł finansowania.",
            report.year
        ),
        kind: Kind::Money,
        series: vec![Series {
            name: "wykonanie".into(),
            fill: Fill::Solid,
        }],
        categories: spending::by_source(report)
            .into_iter()
            .map(|(source, sums)| Category {
                label: capitalised(source.label()),
                values: vec![amount(sums.executed)],
            })
            .collect(),
    };
    (chart.values_given() >= 2).then_some(chart)
}

/// Spending per chapter (and in total) last year and this year; `None` without a linked
/// previous year or when no chapter has a value in either year.
pub fn year_over_year(report: &Report) -> Option<Chart> {
    let comparison = compare::compare(report)?;
    let section = comparison.section(SectionId::Chapters)?;
    Some(Chart {
        id: "wykres-lata",
        title: format!(
            "Wydatki według rozdziałów: {} r. i {} r.",
            comparison.last_year, comparison.this_year
        ),
        caption: format!(
            "Wykonanie wydatków programu w {} r. w porównaniu z {} r.",
            comparison.this_year, comparison.last_year
        ),
        kind: Kind::Money,
        series: vec![
            Series {
                name: format!("{} r.", comparison.last_year),
                fill: Fill::Outline,
            },
            Series {
                name: format!("{} r.", comparison.this_year),
                fill: Fill::Solid,
            },
        ],
        categories: section
            .rows
            .iter()
            .map(|r| Category {
                label: capitalised(&r.label),
                values: vec![r.last, r.this],
            })
            .collect(),
    })
}

/// Every chart the report's data allows, in the order of the "Podsumowanie" view.
pub fn summary_charts(report: &Report) -> Vec<Chart> {
    [
        plan_vs_execution(report),
        spending_per_task(report),
        spending_per_source(report),
        year_over_year(report),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::samples;

    #[test]
    fn every_chart_names_itself_and_describes_every_value() {
        let report = samples::small_gmina_2025();
        let charts = summary_charts(&report);
        assert_eq!(
            charts.iter().map(|c| c.id).collect::<Vec<_>>(),
            ["wykres-plan", "wykres-zadania", "wykres-zrodla"]
        );
        for c in &charts {
            let svg = c.svg();
            assert!(svg.starts_with("<svg "), "{}", c.id);
            assert!(svg.contains(&format!(
                "role=\"img\" aria-labelledby=\"{0}-tytul {0}-opis\"",
                c.id
            )));
            assert!(svg.contains(&format!("<title id=\"{}-tytul\">", c.id)));
            for cat in &c.categories {
                for v in &cat.values {
                    assert!(c.description().contains(&c.value_text(*v)), "{}", c.id);
                }
            }
            assert_eq!(c.table().1.len(), c.categories.len());
        }
    }

    #[test]
    fn two_series_differ_by_fill_and_name_not_by_colour() {
        let chart = plan_vs_execution(&samples::small_gmina_2025()).unwrap();
        let svg = chart.svg();
        assert!(svg.contains("height=\"16\" fill=\"#fff\" stroke=\"#000\">"));
        assert!(svg.contains("height=\"16\" fill=\"#333\">"));
        assert!(svg.contains(">plan: 18 000,00 zł</text>"), "{svg}");
        assert!(svg.contains(">wykonanie: 16 986,90 zł</text>"));
        // Only black, white and one grey; nothing fetched or referenced.
        for colour in svg.match_indices('#').map(|(i, _)| &svg[i..i + 4]) {
            assert!(["#000", "#fff", "#333"].contains(&colour), "{colour}");
        }
        assert!(!svg.contains("url("));
    }

    #[test]
    fn a_missing_value_is_no_bar_and_says_brak_danych() {
        let chart = Chart {
            id: "t",
            title: "T".into(),
            caption: String::new(),
            kind: Kind::Count,
            series: vec![
                Series {
                    name: "a".into(),
                    fill: Fill::Outline,
                },
                Series {
                    name: "b".into(),
                    fill: Fill::Solid,
                },
            ],
            categories: vec![Category {
                label: "x <&>".into(),
                values: vec![None, Some(Decimal::from(1650))],
            }],
        };
        let svg = chart.svg();
        assert!(svg.contains(">a: brak danych</text>"));
        assert!(svg.contains(">b: 1 650</text>"));
        assert!(svg.contains("x &lt;&amp;&gt;"));
        assert_eq!(svg.matches("height=\"16\"").count(), 1, "one bar");
        assert_eq!(chart.description(), "x <&>: a brak danych, b 1 650.");
    }

    #[test]
    fn kalisz_has_no_chart_that_would_compare_nothing() {
        // One chapter with no plan, no activity costs, one source: nothing to draw.
        assert!(summary_charts(&samples::kalisz_2020()).is_empty());
    }
}
