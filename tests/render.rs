#![cfg(not(target_arch = "wasm32"))]
//! The printable report: snapshots of both samples and of a report linked to last year, hostile text staying inert, the facts an
//! official report must show, a self-contained document, and both layouts showing every activity.
//!
//! Snapshots live in `tests/snapshots/*.html`; after an intended change of the output run
//! `UPDATE_SNAPSHOTS=1 cargo test --test render` and review the diff.

mod common;

use std::fs;
use std::path::PathBuf;

use raport_gp::domain::model::{
    Activity, BudgetLine, ClientCounts, ConsultationPoint, ContextFigure, Cost, CouncilOutcome,
    Date, FundingSource, Gkrpa, Goal, GroupCost, Id, Indicator, Layout, Referral, Regime, Report,
    TaskGap, TaskId,
};
use raport_gp::domain::render::{render_html, RenderOptions, EMBED_ID};
use raport_gp::domain::samples;

// ------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------

fn render(report: &Report) -> String {
    render_html(report, &RenderOptions::default())
}

fn render_with(report: &Report, layout: Layout, embed_json: Option<String>) -> String {
    render_html(
        report,
        &RenderOptions {
            layout: Some(layout),
            embed_json,
        },
    )
}

use common::{dec, zl};

/// Compares with `tests/snapshots/<name>.html`; `UPDATE_SNAPSHOTS=1` rewrites it instead.
fn assert_snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.html"));
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    let expected = fs::read_to_string(&path).map(|s| s.replace("\r\n", "\n"));
    if expected.as_deref().is_ok_and(|e| e == actual) {
        return;
    }
    if update {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        eprintln!("updated snapshot {}", path.display());
        return;
    }
    match expected {
        Err(e) => panic!(
            "snapshot {} cannot be read ({e}); run `UPDATE_SNAPSHOTS=1 cargo test --test render` \
             to create it",
            path.display()
        ),
        Ok(expected) => {
            let (line, exp, act) = expected
                .lines()
                .zip(actual.lines())
                .enumerate()
                .find(|(_, (e, a))| e != a)
                .map(|(i, (e, a))| (i + 1, e.to_string(), a.to_string()))
                .unwrap_or_else(|| {
                    let n = expected.lines().count().min(actual.lines().count());
                    (
                        n + 1,
                        "(end or extra lines)".into(),
                        "(end or extra lines)".into(),
                    )
                });
            panic!(
                "the rendered report differs from snapshot {} at line {line}:\n  expected: {exp}\n  \
                 actual:   {act}\nIf the change is intended, run \
                 `UPDATE_SNAPSHOTS=1 cargo test --test render` and review the diff.",
                path.display()
            );
        }
    }
}

/// The opening tag of the embedded data block.
fn data_block_open() -> String {
    format!("<script type=\"application/json\" id=\"{EMBED_ID}\">")
}

/// Splits out the embedded data block: (document without it, its content).
fn take_data_block(html: &str) -> (String, Option<String>) {
    let open = data_block_open();
    let Some(start) = html.find(&open) else {
        return (html.to_string(), None);
    };
    let body_start = start + open.len();
    // The browser ends script data at the first `</script`: so do we.
    let end = body_start
        + html[body_start..]
            .find("</script")
            .expect("the data block is closed");
    let close_end = end + "</script>".len();
    let rest = format!("{}{}", &html[..start], &html[close_end..]);
    (rest, Some(html[body_start..end].to_string()))
}

const TAGS: &[&str] = &[
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "strong",
    "span",
    "a",
    "ol",
    "ul",
    "li",
    "dl",
    "div",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "svg",
    "desc",
    "text",
    "rect",
    "line",
    "g",
];
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "class",
    "id",
    "scope",
    "colspan",
    "href",
    "role",
    "aria-labelledby",
    "aria-label",
    "viewBox",
    "width",
    "height",
    "preserveAspectRatio",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "fill",
    "stroke",
    "stroke-width",
    "font-family",
    "font-size",
    "font-weight",
];

/// Walks every tag of the document (outside the data block and the stylesheet) and checks that
/// each tag and attribute is one the renderer writes, attribute values are quoted, and links
/// stay inside the document. Text between tags cannot contain `<` by construction of the walk.
fn assert_markup_is_ours(html: &str) {
    let (doc, _) = take_data_block(html);
    let style_start = doc.find("<style>").expect("a stylesheet");
    let style_end = doc.find("</style>").expect("a closed stylesheet");
    let doc = format!("{}{}", &doc[..style_start + 7], &doc[style_end..]);

    let mut rest = doc.as_str();
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let gt = rest.find('>').expect("every tag is closed");
        let tag = &rest[..gt];
        rest = &rest[gt + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(TAGS.contains(&name), "unexpected tag <{name}> in: <{tag}>");
        if name == "!DOCTYPE" {
            continue;
        }
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                break;
            }
            let (attr, after) = attrs
                .split_once("=\"")
                .unwrap_or_else(|| panic!("unquoted attribute in <{tag}>"));
            assert!(
                ATTRIBUTES.contains(&attr),
                "unexpected attribute {attr:?} in <{tag}>"
            );
            let (value, after) = after
                .split_once('"')
                .unwrap_or_else(|| panic!("unterminated attribute in <{tag}>"));
            assert!(!value.contains('<'), "raw < in attribute value of <{tag}>");
            if attr == "href" {
                assert!(value.starts_with('#'), "link leaves the document: {value}");
            }
            attrs = after;
        }
    }
}

// ------------------------------------------------------------------------------------------
// Snapshots
// ------------------------------------------------------------------------------------------

#[test]
fn kalisz_2020_renders_as_its_snapshot() {
    assert_snapshot("kalisz-2020", &render(&samples::kalisz_2020()));
}

#[test]
fn small_gmina_2025_renders_as_its_snapshot() {
    assert_snapshot("przykladowo-2025", &render(&samples::small_gmina_2025()));
}

#[test]
fn small_gmina_2025_by_goal_renders_as_its_snapshot() {
    let html = render_with(&samples::small_gmina_2025(), Layout::ByGoal, None);
    assert_snapshot("przykladowo-2025-wg-celow", &html);
}

#[test]
fn a_report_linked_to_last_year_prints_the_comparison_as_its_snapshot() {
    let html = render(&common::this_year());
    assert_snapshot("przykladowo-2026-porownanie", &html);
}

#[test]
fn rendering_is_deterministic() {
    for (_, _, r) in samples::all() {
        assert_eq!(render(&r), render(&r));
    }
}

// ------------------------------------------------------------------------------------------
// Safety
// ------------------------------------------------------------------------------------------

#[test]
fn hostile_text_comes_out_inert_in_both_layouts() {
    let r = common::hostile_report();
    let json = serde_json::to_string(&r).unwrap().replace('<', "\\u003c");
    for layout in [Layout::ByGoal, Layout::ByTask] {
        let html = render_with(&r, layout, Some(json.clone()));
        assert_markup_is_ours(&html);
        assert_eq!(
            html.matches("<script").count(),
            1,
            "only the data block is a script"
        );
        let (doc, _) = take_data_block(&html);
        // Event-handler names survive only as text (the markup walk above checks every
        // attribute); no raw quote from user text reaches the document.
        assert!(!doc.contains("onmouseover=\""));
        assert!(!doc.contains("onfocus='"));
        assert!(!doc.contains("<img"));
        assert!(!doc.contains("<!--"));
        // The text is shown, escaped, not dropped.
        assert!(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;"));
        assert!(doc.contains("&#39; onfocus=&#39;"));
    }
}

#[test]
fn embedded_json_is_one_inert_data_block_that_reads_back() {
    let r = common::hostile_report();
    // As the caller should prepare it, and as a careless caller might (raw `</script>`, `<!--`).
    let escaped = serde_json::to_string(&r).unwrap().replace('<', "\\u003c");
    let raw = serde_json::to_string(&r).unwrap();
    for json in [escaped, raw] {
        let html = render_with(&r, Layout::ByTask, Some(json));
        let (doc, block) = take_data_block(&html);
        let block = block.expect("the data block is present");
        assert!(!doc.contains("<script"), "no script outside the data block");
        assert!(!block.contains("</"), "nothing in the block can close it");
        assert!(
            !block.contains("<!--"),
            "nothing in the block can change the tokenizer state"
        );
        let back: Report = serde_json::from_str(&block).expect("the block is the report's JSON");
        assert_eq!(back, r);
        // The data block closes just before </body>: nothing after it was swallowed.
        assert!(html.ends_with("</script>\n</body>\n</html>\n"));
    }
}

#[test]
fn without_embedded_json_there_is_no_script_at_all() {
    for (_, _, r) in samples::all() {
        assert!(!render(&r).contains("<script"));
    }
}

#[test]
fn document_is_self_contained_with_a_policy_forbidding_scripts() {
    for (slug, _, r) in samples::all() {
        let html = render_with(&r, r.layout, Some("{}".into()));
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"pl\">"),
            "{slug}"
        );
        assert!(html.contains("<meta charset=\"utf-8\">"), "{slug}");
        assert!(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
                 style-src 'unsafe-inline'; img-src data:; script-src 'none'\">"
            ),
            "{slug}"
        );
        for external in [
            "http://", "https://", "<link", "src=", "@import", "url(", "//fonts",
        ] {
            assert!(!html.contains(external), "{slug}: found {external}");
        }
        assert_markup_is_ours(&html);
    }
}

// ------------------------------------------------------------------------------------------
// Content
// ------------------------------------------------------------------------------------------

#[test]
fn kalisz_report_shows_total_city_year_and_resolution() {
    let html = render(&samples::kalisz_2020());
    for expected in [
        "148 543,63 zł",
        "Kalisz",
        "2020",
        "XIX/334/2020",
        "23 stycznia 2020 r.",
        "uchwałą nr XIX/334/2020 Rady Miasta Kalisza z dnia 23 stycznia 2020 r.",
        "29 grudnia 2020 r.",
        "art. 10 ust. 1–3 ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu narkomanii",
        "art. 11 ust. 1 ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu narkomanii",
        "Narodowy Program Zdrowia na lata 2016–2020",
        "1 737",
        "9 161",
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
    assert!(
        !html.contains("o wychowaniu w trzeźwości"),
        "no sobriety act in a drug-only report"
    );
}

#[test]
fn without_activity_costs_no_chart_but_a_sentence_saying_why() {
    let html = render(&samples::kalisz_2020());
    assert!(!html.contains("<svg"));
    assert!(
        html.contains("nie można przedstawić, ponieważ nie podano kosztów poszczególnych działań")
    );
}

#[test]
fn joint_report_cites_both_acts_and_charts_spending_per_task() {
    let html = render(&samples::small_gmina_2025());
    assert!(html.contains("art. 4¹ ust. 1 i 2 ustawy z dnia 26 października 1982 r."));
    assert!(html.contains("art. 10 ust. 1 i 2 ustawy z dnia 29 lipca 2005 r."));
    assert!(html.contains("<svg role=\"img\""));
    assert!(html.contains("<title id=\"wykres-zadania-tytul\">"));
    assert!(html.contains("podzielono między te zadania po równo"));
    let start = html.find("<title id=\"wykres-zadania-tytul\">").unwrap();
    let chart = &html[start..start + html[start..].find("</svg>").unwrap()];
    assert_eq!(
        chart.matches("height=\"16\" fill=\"#333\">").count(),
        11,
        "one bar per task with a cost"
    );
    // The one task whose only activity was paid by others has no bar and says so.
    assert!(chart.contains(
        "Pomoc społeczna i integracja (narkomania)</text>\n<text x=\"0\" y=\"222\">brak danych</text>"
    ));
}

#[test]
fn joint_budget_totals_per_chapter_and_overall_leave_external_money_out() {
    let html = render(&samples::small_gmina_2025());
    assert!(html.contains("Razem rozdz. 85153 — Zwalczanie narkomanii"));
    assert!(html.contains("Razem rozdz. 85154 — Przeciwdziałanie alkoholizmowi"));
    assert!(html.contains("16 986,90 zł"));
    assert!(html.contains("127 262,45 zł"));
    assert!(html.contains(
        "<th scope=\"row\" colspan=\"3\">Ogółem</th><td class=\"num\">148 500,00 zł</td>\
         <td class=\"num\">149 500,00 zł</td><td class=\"num\">144 249,35 zł</td>\
         <td class=\"num\">96,5%</td></tr>"
    ));
    assert!(html.contains("96 500,00 zł"), "external money is listed");
    for added in ["240 749,35 zł", "258 749,35 zł"] {
        assert!(
            !html.contains(added),
            "external money is not added to the total"
        );
    }
    assert!(html.contains("Suma kosztów działań: 144 249,35 zł."));
}

#[test]
fn signature_block_only_when_given() {
    let joint = render(&samples::small_gmina_2025());
    assert!(joint.contains("class=\"signature\""));
    assert!(joint.contains("Wójt Gminy Przykładowo"));
    assert!(joint.contains("20 marca 2026 r."));
    assert!(!render(&samples::kalisz_2020()).contains("class=\"signature\""));
}

#[test]
fn both_layouts_show_every_activity_title_once_in_full() {
    for (slug, _, r) in samples::all() {
        for layout in [Layout::ByGoal, Layout::ByTask] {
            let html = render_with(&r, layout, None);
            for (i, a) in r.activities.iter().enumerate() {
                let anchor = format!("<h4 id=\"dzialanie-{}\">", i + 1);
                assert_eq!(
                    html.matches(&anchor).count(),
                    1,
                    "{slug} {layout:?}: {}",
                    a.id
                );
                let heading_end = html[html.find(&anchor).unwrap()..].find("</h4>").unwrap();
                let heading = &html[html.find(&anchor).unwrap()..][..heading_end];
                let title = a.title.replace('"', "&quot;");
                assert!(heading.ends_with(&title), "{slug} {layout:?}: {heading}");
            }
        }
    }
}

#[test]
fn a_task_without_activities_shows_its_written_reason_in_both_layouts() {
    let mut r = samples::kalisz_2020();
    r.activities
        .retain(|a| !a.tasks.contains(&TaskId::new("drugs.5")));
    let reason = "Pomoc społeczną zapewniał MOPS ze środków pomocy społecznej.";
    r.task_gaps.push(TaskGap {
        task: TaskId::new("drugs.5"),
        reason: reason.into(),
        ..TaskGap::default()
    });
    for layout in [Layout::ByGoal, Layout::ByTask] {
        let html = render_with(&r, layout, None);
        assert!(
            html.matches(reason).count() >= 2,
            "{layout:?}: in the section and the table"
        );
    }
    r.task_gaps.clear();
    let html = render_with(&r, Layout::ByGoal, None);
    assert!(html.contains("nie podano uzasadnienia"));
}

#[test]
fn headings_go_down_one_level_at_a_time_and_are_never_empty() {
    for (slug, _, r) in samples::all() {
        for layout in [Layout::ByGoal, Layout::ByTask] {
            let html = render_with(&r, layout, None);
            let mut last = 0;
            let mut h1 = 0;
            for (i, _) in html.match_indices("<h") {
                let Some(level) = html[i + 2..].chars().next().and_then(|c| c.to_digit(10)) else {
                    continue;
                };
                assert!(
                    level <= last + 1,
                    "{slug} {layout:?}: h{last} followed by h{level}"
                );
                let inner_start = i + html[i..].find('>').unwrap() + 1;
                let inner_end = inner_start + html[inner_start..].find("</h").unwrap();
                assert!(
                    !html[inner_start..inner_end].trim().is_empty(),
                    "{slug}: empty heading"
                );
                h1 += usize::from(level == 1);
                last = level;
            }
            assert_eq!(h1, 1, "{slug}: one h1");
        }
    }
}

#[test]
fn every_table_has_a_caption_and_header_cells_with_scope() {
    for (slug, _, r) in samples::all() {
        let html = render(&r);
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<caption>").count(),
            "{slug}"
        );
        assert_eq!(
            html.matches("<th>").count(),
            0,
            "{slug}: every th has a scope"
        );
    }
}

#[test]
fn print_stylesheet_sets_a4_pages_with_numbers() {
    let html = render(&samples::kalisz_2020());
    assert!(html.contains("size: A4;"));
    assert!(html.contains("margin: 20mm 18mm 22mm;"));
    assert!(html
        .contains("@bottom-right { content: \"Strona \" counter(page) \" z \" counter(pages); }"));
    assert!(html.contains("thead { display: table-header-group; }"));
    // Chromium repeats a footer group on every page: "Ogółem" would show mid-table.
    assert!(html.contains("tfoot { display: table-row-group; }"));
    assert!(html.contains("break-inside: avoid"));
}

// ------------------------------------------------------------------------------------------
// Schema v2 blocks: money as councils read it
// ------------------------------------------------------------------------------------------

/// An empty joint report for 2025 (no samples: every figure below is made up for the test).
fn blank_2025() -> Report {
    let mut r = Report::new(Id::new("test"), 2025);
    r.program.regime = Regime::Joint;
    r
}

fn line(
    id: &str,
    chapter: &str,
    paragraph: &str,
    source: FundingSource,
    planned: Option<&str>,
    after: Option<&str>,
    executed: Option<&str>,
) -> BudgetLine {
    BudgetLine {
        id: Id::new(id),
        chapter: chapter.into(),
        paragraph: paragraph.into(),
        planned: planned.map(zl),
        after_changes: after.map(zl),
        executed: executed.map(zl),
        source,
        ..BudgetLine::default()
    }
}

/// The text of the first table row whose header cell starts with `label`.
fn row<'a>(html: &'a str, label: &str) -> &'a str {
    let start = html
        .find(&format!("<th scope=\"row\">{label}"))
        .or_else(|| html.find(&format!("<th scope=\"row\" colspan=\"3\">{label}")))
        .unwrap_or_else(|| panic!("no row {label}"));
    let row_start = html[..start].rfind("<tr").unwrap();
    let end = start + html[start..].find("</tr>").unwrap();
    &html[row_start..end]
}

#[test]
fn share_of_plan_executed_is_measured_line_by_line_against_the_plan_after_changes() {
    let mut r = blank_2025();
    r.budget.lines = vec![
        // 600 of 800 after changes (the first plan, 1 000, no longer counts): 75%.
        line(
            "l1",
            "85154",
            "4300",
            FundingSource::PermitFees,
            Some("1000"),
            Some("800"),
            Some("600"),
        ),
        // No change entered: measured against the first plan, 500 of 500.
        line(
            "l2",
            "85154",
            "4210",
            FundingSource::PermitFees,
            Some("500"),
            None,
            Some("500"),
        ),
        // Nothing executed yet.
        line(
            "l3",
            "85153",
            "4300",
            FundingSource::Budget,
            Some("200"),
            None,
            None,
        ),
    ];
    let html = render(&r);
    let chapter = row(&html, "Razem rozdz. 85154");
    // 1 100 of (800 + 500): 84,6% — not 1 100 of the partial after-changes sum 800 (137,5%).
    assert!(
        chapter.contains(
            "<td class=\"num\">1 500,00 zł</td>\
        <td class=\"num\">800,00 zł *</td><td class=\"num\">1 100,00 zł</td>\
        <td class=\"num\">84,6%</td>"
        ),
        "{chapter}"
    );
    assert!(!html.contains("137,5%"));
    assert!(html.contains("<td class=\"num\">600,00 zł</td><td class=\"num\">75%</td>"));
    // A chapter with a plan but nothing executed has no share.
    let drugs = row(&html, "Razem rozdz. 85153");
    assert!(
        drugs.ends_with("<td class=\"num\">—</td><td class=\"num\">—</td>"),
        "{drugs}"
    );
    // Overall: 1 100 of 1 500, marked as a sum of the amounts given.
    assert!(row(&html, "Ogółem").contains("73,3% *"));
    assert!(html.contains("co stanowi 73,3% * planu"));
    // Per funding source, with a share next to each total.
    let fees = row(&html, "Opłaty za zezwolenia");
    assert!(
        fees.contains("<td class=\"num\">1 100,00 zł</td><td class=\"num\">84,6%</td>"),
        "{fees}"
    );
    let budget = row(&html, "Budżet gminy");
    assert!(
        budget.ends_with("<td class=\"num\">—</td><td class=\"num\">—</td>"),
        "{budget}"
    );
}

#[test]
fn fee_income_planned_and_received_is_shown_with_the_share_of_plan() {
    let mut r = blank_2025();
    r.budget.permit_fee_planned = Some(zl("120000"));
    r.budget.permit_fee_income = Some(zl("126000"));
    r.budget.small_bottle_planned = Some(zl("20000"));
    r.budget.small_bottle_income = Some(zl("15000"));
    r.budget.carried_over = Some(zl("3000.50"));
    r.budget.general_budget_top_up = Some(zl("2500"));
    let html = render(&r);
    assert!(html.contains("<h3>Dochody przeznaczone na program</h3>"));
    let permits = row(
        &html,
        "Dochody z opłat za zezwolenia na sprzedaż napojów alkoholowych w 2025 r.",
    );
    assert!(
        permits.contains(
            "120 000,00 zł</td><td class=\"num\">126 000,00 zł</td><td class=\"num\">105%"
        ),
        "{permits}"
    );
    let bottles = row(
        &html,
        "Dochody z opłaty za napoje alkoholowe w opakowaniach do 300 ml",
    );
    assert!(
        bottles
            .contains("20 000,00 zł</td><td class=\"num\">15 000,00 zł</td><td class=\"num\">75%"),
        "{bottles}"
    );
    assert!(row(
        &html,
        "Środki z opłat za zezwolenia niewykorzystane w 2024 r."
    )
    .contains("3 000,50 zł"));
    assert!(row(
        &html,
        "Dofinansowanie programu z pozostałych dochodów budżetu gminy"
    )
    .contains("2 500,00 zł"));
}

#[test]
fn permit_fee_carry_out_is_income_plus_carry_in_minus_fee_spending() {
    let mut r = blank_2025();
    r.budget.permit_fee_income = Some(zl("10000"));
    r.budget.carried_over = Some(zl("2000.50"));
    r.budget.lines = vec![
        line(
            "l1",
            "85154",
            "4300",
            FundingSource::PermitFees,
            None,
            None,
            Some("600"),
        ),
        line(
            "l2",
            "85153",
            "4300",
            FundingSource::PermitFees,
            None,
            None,
            Some("500"),
        ),
        // Other sources do not reduce the fee money.
        line(
            "l3",
            "85154",
            "4210",
            FundingSource::Budget,
            None,
            None,
            Some("999"),
        ),
        line(
            "l4",
            "85154",
            "4210",
            FundingSource::SmallBottleFee,
            None,
            None,
            Some("111"),
        ),
    ];
    assert_eq!(r.budget.permit_fees_carried_out(), Some(zl("10900.50")));
    let html = render(&r);
    assert!(row(&html, "Środki niewykorzystane w 2024 r.").contains("2 000,50 zł"));
    assert!(row(&html, "Dochody z opłat w 2025 r.").contains("10 000,00 zł"));
    assert!(row(&html, "Wydatki programu sfinansowane z opłat").contains("1 100,00 zł"));
    assert!(row(&html, "Pozostaje do wykorzystania w 2026 r.").contains("10 900,50 zł"));
    assert!(html.contains("art. 18² ustawy z dnia 26 października 1982 r."));

    // Spending beyond the money available is said, not hidden in a negative cell only.
    r.budget.permit_fee_income = Some(zl("100"));
    r.budget.carried_over = Some(zl("0"));
    let html = render(&r);
    assert!(row(&html, "Pozostaje do wykorzystania w 2026 r.").contains("-1 000,00 zł"));
    assert!(html.contains("przekroczyły dostępne środki o 1 000,00 zł"));
}

#[test]
fn small_bottle_fee_is_a_funding_source_of_its_own_with_the_money_left() {
    let mut r = blank_2025();
    r.budget.small_bottle_income = Some(zl("19386.40"));
    r.budget.lines = vec![
        line(
            "l1",
            "85154",
            "4210",
            FundingSource::SmallBottleFee,
            Some("6000"),
            Some("6000"),
            Some("5480"),
        ),
        line(
            "l2",
            "85154",
            "4300",
            FundingSource::PermitFees,
            Some("100"),
            None,
            Some("100"),
        ),
    ];
    assert_eq!(r.budget.small_bottle_left(), Some(zl("13906.40")));
    let html = render(&r);
    assert!(
        html.contains("<h3>Opłata za napoje alkoholowe w opakowaniach do 300 ml („małpkowe”)</h3>")
    );
    assert!(row(&html, "Wydatki programu sfinansowane z tej opłaty").contains("5 480,00 zł"));
    assert!(row(&html, "Niewykorzystane na koniec 2025 r.").contains("13 906,40 zł"));
    assert!(html.contains("art. 9³ ust. 4 ustawy z dnia 26 października 1982 r."));
    let source = row(&html, "Opłata za małe opakowania („małpkowe”)");
    assert!(
        source.contains("5 480,00 zł</td><td class=\"num\">91,3%"),
        "{source}"
    );
}

#[test]
fn money_not_given_is_left_out_or_brak_danych_never_zero() {
    // No fee figures and no lines of a fee source: no fee tables at all.
    let mut r = blank_2025();
    r.budget.lines = vec![line(
        "l1",
        "85154",
        "4300",
        FundingSource::Budget,
        None,
        None,
        Some("700"),
    )];
    let html = render(&r);
    for absent in [
        "Dochody przeznaczone na program",
        "Opłaty za zezwolenia na sprzedaż napojów alkoholowych</h3>",
        "(„małpkowe”)</h3>",
        ">0,00 zł",
    ] {
        assert!(!html.contains(absent), "{absent}");
    }
    assert!(html.contains("z jednego źródła: budżet gminy"));

    // Only the plan of the permit fees given: the row shows it, the rest is "brak danych".
    let mut r = blank_2025();
    r.budget.permit_fee_planned = Some(zl("5000"));
    let html = render(&r);
    let income = row(&html, "Dochody z opłat za zezwolenia na sprzedaż");
    assert!(
        income.contains("5 000,00 zł</td><td class=\"num\">brak danych</td><td class=\"num\">—"),
        "{income}"
    );
    assert!(
        !html.contains("Dochody z opłaty za napoje alkoholowe"),
        "the small-bottle row is left out"
    );
    assert!(!html.contains("Dofinansowanie programu"));
    assert!(row(&html, "Dochody z opłat w 2025 r.").contains("brak danych"));
    assert!(row(&html, "Pozostaje do wykorzystania w 2026 r.").contains("brak danych"));
    assert!(
        !html.contains(">0,00 zł"),
        "a missing value is never printed as 0"
    );
}

// ------------------------------------------------------------------------------------------
// Group costs
// ------------------------------------------------------------------------------------------

fn activity(id: &str, goal: &str, title: &str, tasks: &[&str], executed: Option<&str>) -> Activity {
    Activity {
        id: Id::new(id),
        goal: Some(Id::new(goal)),
        title: title.into(),
        tasks: tasks.iter().map(|t| TaskId::new(*t)).collect(),
        cost: Cost {
            executed: executed.map(zl),
            chapter: "85154".into(),
            paragraph: "4300".into(),
            source: FundingSource::PermitFees,
            ..Cost::default()
        },
        ..Activity::default()
    }
}

/// Two goals; goal 1 has two activities under different tasks and one group cost for the whole
/// goal; the budget line holds both the activity's cost and the group cost.
fn report_with_group_cost() -> Report {
    let mut r = blank_2025();
    r.goals = vec![
        Goal {
            id: Id::new("goal-1"),
            number: "1".into(),
            title: "Profilaktyka w szkołach".into(),
            ..Goal::default()
        },
        Goal {
            id: Id::new("goal-2"),
            number: "2".into(),
            title: "Pomoc rodzinom".into(),
            ..Goal::default()
        },
    ];
    r.activities = vec![
        activity(
            "a1",
            "goal-1",
            "Warsztaty dla uczniów",
            &["alcohol.3"],
            Some("1000"),
        ),
        activity(
            "a2",
            "goal-1",
            "Spotkania z rodzicami",
            &["alcohol.2"],
            None,
        ),
        activity("a3", "goal-2", "Porady prawne", &["alcohol.2"], Some("300")),
    ];
    r.group_costs = vec![GroupCost {
        id: Id::new("group-1"),
        description: "Materiały do zajęć w szkołach".into(),
        goal: Some(Id::new("goal-1")),
        cost: Cost {
            planned: Some(zl("600")),
            executed: Some(zl("500")),
            chapter: "85154".into(),
            paragraph: "4210".into(),
            source: FundingSource::PermitFees,
            ..Cost::default()
        },
        ..GroupCost::default()
    }];
    r.budget.lines = vec![
        line(
            "l1",
            "85154",
            "4300",
            FundingSource::PermitFees,
            None,
            None,
            Some("1300"),
        ),
        line(
            "l2",
            "85154",
            "4210",
            FundingSource::PermitFees,
            None,
            None,
            Some("500"),
        ),
    ];
    r
}

#[test]
fn group_cost_is_printed_under_its_goal_and_with_the_activities_it_covers() {
    let r = report_with_group_cost();
    let html = render_with(&r, Layout::ByGoal, None);
    let goal_1 = html
        .find("<h3>Cel 1. Profilaktyka w szkołach</h3>")
        .unwrap();
    let goal_2 = html.find("<h3>Cel 2. Pomoc rodzinom</h3>").unwrap();
    let group = html
        .find("<h4>Koszt wspólny: Materiały do zajęć w szkołach</h4>")
        .expect("the group cost has its heading");
    assert!(goal_1 < group && group < goal_2, "under its goal");
    let block = &html[group..goal_2];
    assert!(block.contains("cały cel 1. Profilaktyka w szkołach: "));
    assert!(block.contains(
        "<a href=\"#dzialanie-1\">1.1. Warsztaty dla uczniów</a>; \
        <a href=\"#dzialanie-2\">1.2. Spotkania z rodzicami</a>"
    ));
    assert!(block.contains(
        "wykonanie 500,00 zł, plan 600,00 zł; rozdz. 85154, § 4210; źródło: opłaty za zezwolenia"
    ));
    // Each activity it covers says so; one without its own amount does not say "nie podano".
    let a2 = &html[html.find("id=\"dzialanie-2\"").unwrap()..group];
    assert!(a2.contains(
        "<dt>Koszt wspólny</dt><dd>„Materiały do zajęć w szkołach” (wykonanie 500,00 zł)</dd>"
    ));
    assert!(a2.contains("<dt>Koszt</dt><dd>kwota ujęta w koszcie wspólnym kilku działań; rozdz."));
    // By task, group costs are listed together after the tasks, printed once.
    let html = render_with(&r, Layout::ByTask, None);
    assert_eq!(
        html.matches("Koszt wspólny: Materiały do zajęć w szkołach")
            .count(),
        1
    );
    assert!(html.contains("<h3>Koszty wspólne kilku działań</h3>"));
}

#[test]
fn group_cost_is_counted_in_the_chapter_and_source_sums() {
    let html = render(&report_with_group_cost());
    let chapter = row(&html, "rozdz. 85154 — Przeciwdziałanie alkoholizmowi");
    // activities 1 300, group 500, together 1 800 = the budget's 1 800, no difference.
    assert!(
        chapter.contains(
            "<td class=\"num\">1 300,00 zł</td><td class=\"num\">500,00 zł</td>\
         <td class=\"num\">1 800,00 zł</td><td class=\"num\">1 800,00 zł</td>\
         <td class=\"num\">0,00 zł</td>"
        ),
        "{chapter}"
    );
    let source = row(&html, "źródło: opłaty za zezwolenia");
    assert!(
        source.contains(
            "<td class=\"num\">1 800,00 zł</td>\
        <td class=\"num\">1 800,00 zł</td><td class=\"num\">0,00 zł</td>"
        ),
        "{source}"
    );
    assert!(html.contains("Suma kosztów działań wraz z kosztami wspólnymi: 1 800,00 zł."));
    assert!(
        !html.contains("różnica:"),
        "activity and group costs add up to the budget"
    );
}

#[test]
fn group_cost_over_activities_of_different_tasks_is_shown_apart_not_split() {
    let html = render(&report_with_group_cost());
    // The goal's activities serve pkt 3 and pkt 2: nothing says how the 500 zł divide.
    let common = row(&html, "Koszt wspólny kilku działań");
    assert!(common.contains("500,00 zł"), "{common}");
    assert!(common.contains("„Materiały do zajęć w szkołach”"));
    assert!(html.contains("nie wiadomo, jaka jego część przypada na każde zadanie"));
    let pkt3 = row(
        &html,
        "Profilaktyka informacyjna, edukacyjna i szkoleniowa (alkohol",
    );
    assert!(
        pkt3.contains("1 000,00 zł"),
        "only the activity's own cost: {pkt3}"
    );
    assert!(html.contains("<text x=\"0\" y=\""));
    assert!(
        html.contains(">Koszt wspólny kilku działań</text>"),
        "a bar of its own"
    );
}

#[test]
fn group_cost_over_activities_serving_the_same_task_is_attributed_to_it() {
    let mut r = report_with_group_cost();
    r.activities[1].tasks = vec![TaskId::new("alcohol.3")];
    let html = render(&r);
    let pkt3 = row(
        &html,
        "Profilaktyka informacyjna, edukacyjna i szkoleniowa (alkohol",
    );
    assert!(pkt3.contains("1 500,00 zł"), "{pkt3}");
    assert!(!html.contains("<th scope=\"row\">Koszt wspólny kilku działań"));
    assert!(html
        .contains("Koszt wspólny działań służących tym samym zadaniom przypisano tym zadaniom."));
}

// ------------------------------------------------------------------------------------------
// GKRPA
// ------------------------------------------------------------------------------------------

#[test]
fn gkrpa_section_prints_the_commission_figures_cost_and_citation() {
    let html = render(&samples::small_gmina_2025());
    assert!(
        html.contains("<h2>Działalność Gminnej Komisji Rozwiązywania Problemów Alkoholowych</h2>")
    );
    assert!(html.contains("art. 4¹ ust. 3–5 ustawy z dnia 26 października 1982 r."));
    for (label, value) in [
        ("Członkowie komisji", "6"),
        ("w tym przeszkoleni", "5"),
        ("Posiedzenia komisji", "18"),
        ("Rozmowy motywujące i interwencyjne", "26"),
        ("Osoby skierowane na badanie przez biegłego", "7"),
        ("Wnioski do sądu o zobowiązanie do leczenia", "4"),
        (
            "Opinie w sprawie zezwoleń na sprzedaż napojów alkoholowych — pozytywne",
            "9",
        ),
        (
            "Opinie w sprawie zezwoleń na sprzedaż napojów alkoholowych — negatywne",
            "1",
        ),
        ("Kontrole punktów sprzedaży", "12"),
        // A given zero is a figure, and is printed.
        ("Zakupy kontrolowane", "0"),
        ("Udział w grupach diagnostyczno-pomocowych", "8"),
        ("Koszt działalności komisji", "16 200,00 zł"),
        (
            "Wynagrodzenie członka komisji za udział w posiedzeniu",
            "150,00 zł",
        ),
    ] {
        let cells = row(&html, label);
        assert!(
            cells.ends_with(&format!("<td class=\"num\">{value}</td>")),
            "{label}: {cells}"
        );
    }
    assert!(html.contains("Koszt działalności komisji ujęto w wydatkach: rozdz. 85154, § 3030."));
    assert!(html.contains("Komisja pracowała w dwóch zespołach"));
}

#[test]
fn gkrpa_prints_only_the_figures_given() {
    let mut r = blank_2025();
    r.gkrpa = Gkrpa {
        meetings: Some(10),
        permit_opinions_negative: Some(2),
        ..Gkrpa::default()
    };
    let html = render(&r);
    assert!(row(&html, "Posiedzenia komisji").contains(">10<"));
    assert!(html.contains("— negatywne"));
    for absent in [
        "Członkowie komisji",
        "— pozytywne",
        "Zakupy kontrolowane",
        "Koszt działalności komisji",
    ] {
        assert!(!html.contains(absent), "{absent}");
    }
}

#[test]
fn gkrpa_without_data_is_one_sentence_in_alcohol_reports_and_absent_from_drug_only_ones() {
    let mut r = blank_2025();
    assert!(r.gkrpa.is_empty());
    let joint = render(&r);
    assert!(joint.contains("Działalność Gminnej Komisji Rozwiązywania Problemów Alkoholowych"));
    assert!(joint.contains("Nie podano danych o działalności komisji w roku sprawozdawczym."));
    assert!(!joint.contains("<table class=\"gkrpa\">"));
    r.program.regime = Regime::AlcoholOnly;
    r.year = 2021;
    assert!(render(&r).contains("Nie podano danych o działalności komisji"));
    let kalisz = render(&samples::kalisz_2020());
    assert!(!kalisz.contains("Gminnej Komisji Rozwiązywania Problemów Alkoholowych"));
}

// ------------------------------------------------------------------------------------------
// Consultation points
// ------------------------------------------------------------------------------------------

#[test]
fn consultation_point_shows_hours_staff_clients_by_type_and_referrals() {
    let html = render(&samples::small_gmina_2025());
    assert!(html.contains("<h2>Punkt konsultacyjny</h2>"));
    assert!(html
        .contains("<h3>Punkt Konsultacyjny ds. Uzależnień i Przemocy Domowej w Przykładowie</h3>"));
    assert!(html.contains("<dd>6 godz. tygodniowo</dd>"));
    assert!(html.contains("<dd>specjalista psychoterapii uzależnień, psycholog</dd>"));
    assert!(row(&html, "osoby uzależnione")
        .contains("<td class=\"num\">30</td><td class=\"num\">82</td>"));
    assert!(row(&html, "dorosłe dzieci alkoholików (DDA)")
        .contains("<td class=\"num\">5</td><td class=\"num\">12</td>"));
    assert!(html.contains(
        "<th scope=\"row\">Razem</th><td class=\"num\">71</td><td class=\"num\">196</td>"
    ));
    assert!(row(&html, "terapia stacjonarna").contains(">2<"));
    assert!(html.contains("Punkt czynny we wtorki"));
}

#[test]
fn consultation_point_leaves_out_client_types_not_given() {
    let mut r = blank_2025();
    r.consultation_points = vec![
        ConsultationPoint {
            id: Id::new("p1"),
            name: "Telefon zaufania".into(),
            clients: ClientCounts {
                addicted: Some(12),
                ..ClientCounts::default()
            },
            consultations: ClientCounts {
                addicted: Some(30),
                dda: Some(4),
                ..ClientCounts::default()
            },
            referrals: vec![Referral {
                id: Id::new("r1"),
                target: "AA".into(),
                persons: None,
                ..Referral::default()
            }],
            ..ConsultationPoint::default()
        },
        ConsultationPoint {
            id: Id::new("p2"),
            name: "Punkt w Nowej Wsi".into(),
            ..ConsultationPoint::default()
        },
    ];
    let html = render(&r);
    assert!(html.contains("<h2>Punkty konsultacyjne</h2>"));
    assert!(
        !html.contains("osoby współuzależnione"),
        "no row for a type with no counts"
    );
    assert!(row(&html, "dorosłe dzieci alkoholików (DDA)")
        .contains("<td class=\"num\">brak danych</td><td class=\"num\">4</td>"));
    assert!(html.contains(
        "<th scope=\"row\">Razem</th><td class=\"num\">12</td><td class=\"num\">34</td>"
    ));
    assert!(row(&html, "AA").contains("brak danych"));
    assert!(
        html.contains("<dd>brak danych</dd>"),
        "hours and staff not given"
    );
    assert!(html.contains("Nie podano liczby klientów ani udzielonych konsultacji."));
    assert!(!render(&samples::kalisz_2020()).contains("Punkt konsultacyjny</h2>"));
}

// ------------------------------------------------------------------------------------------
// Indicators, context figures, council, recommended programs
// ------------------------------------------------------------------------------------------

#[test]
fn approximate_indicators_print_ok_before_planned_and_achieved_values() {
    let mut r = blank_2025();
    let mut a = activity("a1", "goal-x", "Półkolonie", &["alcohol.3"], None);
    a.indicators = vec![
        Indicator {
            id: Id::new("i1"),
            name: "dzieci".into(),
            planned: Some(dec("600")),
            achieved: Some(dec("1250")),
            approximate: true,
            ..Indicator::default()
        },
        Indicator {
            id: Id::new("i2"),
            name: "turnusy".into(),
            planned: Some(dec("2")),
            achieved: None,
            approximate: true,
            ..Indicator::default()
        },
        Indicator {
            id: Id::new("i3"),
            name: "opiekunowie".into(),
            planned: Some(dec("6")),
            achieved: Some(dec("6")),
            ..Indicator::default()
        },
    ];
    r.activities = vec![a];
    let html = render(&r);
    assert!(row(&html, "dzieci")
        .contains("<td class=\"num\">ok. 600</td><td class=\"num\">ok. 1 250</td>"));
    assert!(row(&html, "turnusy").contains("<td class=\"num\">ok. 2</td><td class=\"num\">—</td>"));
    assert!(row(&html, "opiekunowie").contains("<td class=\"num\">6</td><td class=\"num\">6</td>"));
}

#[test]
fn context_figures_show_the_year_the_year_before_and_the_change() {
    let html = render(&samples::small_gmina_2025());
    assert!(html.contains(
        "<th scope=\"col\" class=\"num\">Rok</th>\
        <th scope=\"col\" class=\"num\">Wartość</th>\
        <th scope=\"col\" class=\"num\">Rok poprzedni</th>\
        <th scope=\"col\" class=\"num\">Zmiana</th>"
    ));
    assert!(
        row(&html, "punkty sprzedaży napojów alkoholowych").contains(
            "<td class=\"num\">2025</td><td class=\"num\">21</td><td class=\"num\">23</td>\
            <td class=\"num\">-2 (-8,7%)</td>"
        )
    );
    assert!(row(&html, "procedury „Niebieskiej Karty”").contains("+2 (+22,2%)"));
    // No value for the year before: no change either.
    assert!(row(&html, "uczniowie klas VII–VIII").contains(
        "<td class=\"num\">18,5</td><td class=\"num\">brak danych</td>\
            <td class=\"num\">brak danych</td>"
    ));
    // A report with neither years nor earlier values keeps the short table.
    let kalisz = render(&samples::kalisz_2020());
    assert!(!kalisz.contains("Rok poprzedni"));
    assert!(!kalisz.contains(">Rok</th>"));
}

#[test]
fn a_change_of_a_per_cent_figure_is_in_percentage_points() {
    let mut r = blank_2025();
    r.context_figures = vec![ContextFigure {
        id: Id::new("f1"),
        name: "uczniowie, którzy pili".into(),
        value: Some(dec("18.5")),
        previous_value: Some(dec("20")),
        unit: "%".into(),
        ..ContextFigure::default()
    }];
    let html = render(&r);
    let cells = row(&html, "uczniowie, którzy pili");
    assert!(
        cells.contains(
            "<th scope=\"row\">uczniowie, którzy pili</th>\
        <td class=\"num\">18,5</td><td class=\"num\">20</td><td class=\"num\">-1,5 p.p.</td>\
        "
        ),
        "{cells}"
    );
}

#[test]
fn council_handling_is_one_sentence_at_the_end_after_the_signature() {
    let html = render(&samples::small_gmina_2025());
    let sentence = "<p>Raport przedstawiono Radzie Gminy Przykładowo dnia 28 maja 2026 r.; rada \
                    przyjęła raport do wiadomości.</p>";
    let at = html.find(sentence).expect("the council sentence");
    // Signed on 20 March, presented on 28 May: a note on the signed report, after it.
    assert!(html.find("class=\"signature\"").unwrap() < at);
    assert!(html[at..].find("</section>\n</main>").is_some());

    let mut r = samples::small_gmina_2025();
    r.council.outcome = CouncilOutcome::Resolution;
    r.council.resolution_number = "XXV/210/2026".into();
    assert!(render(&r)
        .contains("dnia 28 maja 2026 r.; rada przyjęła raport uchwałą nr XXV/210/2026.</p>"));
    r.council.presented_on = None;
    assert!(render(&r).contains("<p>Rada przyjęła raport uchwałą nr XXV/210/2026.</p>"));
    r.council.outcome = CouncilOutcome::Pending;
    r.council.presented_on = Date::new(2026, 6, 2);
    assert!(render(&r)
        .contains("<p>Raport przedstawiono Radzie Gminy Przykładowo dnia 2 czerwca 2026 r.</p>"));
}

#[test]
fn council_handling_is_left_out_while_the_report_is_pending() {
    let mut r = samples::small_gmina_2025();
    r.council.outcome = CouncilOutcome::Pending;
    r.council.presented_on = None;
    let html = render(&r);
    assert!(!html.contains("Przedstawienie raportu radzie gminy"));
    assert!(!html.contains("Raport przedstawiono"));
    assert!(
        !html.contains("Raport omówiono na sesji"),
        "notes wait for the presentation"
    );
}

#[test]
fn recommended_program_and_new_labels_are_printed_with_the_activity() {
    let html = render(&samples::small_gmina_2025());
    assert!(html.contains(
        "<dt>Program rekomendowany</dt><dd>program z Bazy Programów Rekomendowanych: \
        „Apteczka pierwszej pomocy emocjonalnej”</dd>"
    ));
    assert!(html.contains("<dd>profilaktyka środowiskowa</dd>"));
    assert_eq!(
        html.matches("<dt>Program rekomendowany</dt>").count(),
        1,
        "only where given"
    );
    assert!(html.contains("gminna komisja rozwiązywania problemów alkoholowych</td>"));
}

#[test]
fn hostile_text_in_the_new_blocks_comes_out_escaped() {
    let mut r = report_with_group_cost();
    let tag = |name: &str| format!("<b onclick=\"x\">{name}</b>");
    r.group_costs[0].description = tag("grupa");
    r.activities[0].recommended_program = tag("program");
    r.gkrpa.notes = tag("komisja");
    r.consultation_points = vec![ConsultationPoint {
        id: Id::new("p1"),
        name: tag("punkt"),
        staff: tag("kadra"),
        notes: tag("uwagi"),
        referrals: vec![Referral {
            id: Id::new("r1"),
            target: tag("skierowanie"),
            persons: Some(1),
            ..Referral::default()
        }],
        ..ConsultationPoint::default()
    }];
    r.context_figures = vec![ContextFigure {
        id: Id::new("f1"),
        name: tag("dane"),
        unit: tag("jednostka"),
        source: tag("źródło"),
        value: Some(dec("2")),
        previous_value: Some(dec("1")),
        ..ContextFigure::default()
    }];
    r.council.presented_on = Date::new(2026, 5, 1);
    r.council.outcome = CouncilOutcome::Resolution;
    r.council.resolution_number = tag("uchwała");
    r.council.notes = tag("rada");
    r.program.resolution.council = tag("nazwa rady");
    for layout in [Layout::ByGoal, Layout::ByTask] {
        let html = render_with(&r, layout, None);
        assert_markup_is_ours(&html);
        for name in [
            "grupa",
            "program",
            "komisja",
            "punkt",
            "kadra",
            "uwagi",
            "skierowanie",
            "dane",
            "jednostka",
            "źródło",
            "uchwała",
            "rada",
            "nazwa rady",
        ] {
            assert!(
                html.contains(&format!("&lt;b onclick=&quot;x&quot;&gt;{name}&lt;/b&gt;")),
                "{layout:?}: {name} is shown escaped"
            );
            assert!(
                !html.contains(&format!("\">{name}</b>")),
                "{layout:?}: {name}"
            );
        }
    }
}

// ------------------------------------------------------------------------------------------
// Legal basis: statute points and wording by year
// ------------------------------------------------------------------------------------------

/// The alcohol task list of the legal-basis section.
fn alcohol_list(html: &str) -> &str {
    let start = html
        .find(
            "Zadania własne gminy w zakresie profilaktyki i rozwiązywania problemów alkoholowych:",
        )
        .expect("the alcohol task list");
    let end = start + html[start..].find("</ul>").unwrap();
    &html[start..end]
}

#[test]
fn joint_report_cites_the_statute_points_in_force_and_the_wording_of_its_year() {
    let html = render(&samples::small_gmina_2025());
    for cited in [
        "art. 4¹ ust. 1 pkt 5 ustawy",
        "art. 4¹ ust. 1 pkt 6 ustawy",
        "art. 4¹ ust. 1 pkt 7 ustawy",
        "art. 4¹ ust. 2b ustawy",
    ] {
        assert!(html.contains(cited), "{cited}");
    }
    let list = alcohol_list(&html);
    assert!(list.contains("ochrony przed przemocą domową;"));
    assert!(!list.contains("przemocą w rodzinie"));
    // Pkt 4 is repealed: never cited as a task, never a point of the list.
    assert!(!html.contains("art. 4¹ ust. 1 pkt 4"));
    assert!(!list.contains("<li>4)"));
    for point in ["<li>1)", "<li>2)", "<li>3)", "<li>5)", "<li>6)", "<li>7)"] {
        assert!(list.contains(point), "{point}");
    }
    // As in the statute, the last point ends with a full stop.
    assert!(list.contains("klubów integracji społecznej. <span class=\"cite\">"));

    let mut r = samples::small_gmina_2025();
    r.year = 2021;
    r.program.regime = Regime::Joint;
    let html = render(&r);
    let list = alcohol_list(&html);
    assert!(list.contains("ochrony przed przemocą w rodzinie;"));
    assert!(!list.contains("przemocą domową"));
    assert!(!html.contains("art. 4¹ ust. 1 pkt 4"));
}

#[test]
fn optional_facts_not_given_are_left_out_of_the_print() {
    let mut r = Report::new(Id::new("r"), 2025);
    r.gmina.name = "Dębowa".into();
    let html = render(&r);
    assert!(!html.contains("Kod TERYT"), "an unset TERYT is not printed");
    assert!(!html.contains("Koordynator programu"));
    assert!(
        !html.contains("Rodzaj gminy") && html.contains("<p class=\"kicker\">Dębowa, województwo"),
        "a kind not chosen is not presumed"
    );
    assert!(
        html.contains("<th scope=\"row\">Data sporządzenia</th><td>nie podano</td>"),
        "a fact the report must have still says it is missing"
    );
    r.gmina.teryt = "3099012".into();
    r.gmina.kind = Some(raport_gp::domain::model::GminaKind::Rural);
    let html = render(&r);
    assert!(html.contains("<th scope=\"row\">Kod TERYT</th><td>3099012</td>"));
    assert!(html.contains("<p class=\"kicker\">Dębowa (gmina wiejska), województwo"));
}
