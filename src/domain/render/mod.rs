//! The printable report: a pure function of the report to a self-contained HTML document.
//!
//! Invariants: the output depends only on the report and the options (no clock, no randomness,
//! no hash-map order), so it can be snapshot-tested; it fetches nothing and runs no script (a
//! Content Security Policy says so to the browser); every user string passes through the one
//! escape in [`html::Esc`]. One submodule per section of the report, in document order.

mod activities;
mod budget;
mod closing;
mod comparison;
mod consultation;
mod context;
mod council;
mod coverage;
mod gather;
mod gkrpa;
mod html;
mod partners;
mod style;
mod title;

use std::fmt::{self, Write};

use super::catalogue::{catalogue, StatutoryTask};
use super::charts::Chart;
use super::model::{Activity, GroupCost, Id, Layout, Report, TaskId};
use super::spending;
use html::Esc;

pub use gather::{
    ask_box_id, contribution_html, instruction_html, merge_accept_id, merge_preview_html,
    merge_theirs_id, register_html, workspace_facts_html,
};

/// How to render a report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RenderOptions {
    /// Grouping of activities; `None` uses the report's own `layout`.
    pub layout: Option<Layout>,
    /// The report's JSON to embed as a data block so a saved HTML file can be imported back.
    /// The caller escapes it for HTML (`<` as `\u003c`); the renderer additionally neutralises
    /// any `</` and `<!--` so the text can never end the block.
    pub embed_json: Option<String>,
}

/// The id of the embedded JSON data block.
pub const EMBED_ID: &str = "raport-gp-data";

/// Renders the report as a complete HTML document (`<!DOCTYPE html>` … `</html>`).
pub fn render_html(report: &Report, options: &RenderOptions) -> String {
    let ctx = Ctx::new(report, options.layout.unwrap_or(report.layout));
    let mut out = String::with_capacity(64 * 1024);
    write_document(&mut out, &ctx, options).expect("writing to a String cannot fail");
    out
}

/// The start of every page the renderer writes: doctype, language, the CSP that forbids scripts,
/// the title and the print style, up to `</head>`.
fn document_head(out: &mut String, title: &str) -> fmt::Result {
    out.push_str("<!DOCTYPE html>\n<html lang=\"pl\">\n<head>\n<meta charset=\"utf-8\">\n");
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        style::CSP
    )?;
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    writeln!(out, "<title>{}</title>", Esc(title))?;
    writeln!(out, "<style>{}</style>", style::CSS)
}

fn write_document(out: &mut String, ctx: &Ctx, options: &RenderOptions) -> fmt::Result {
    document_head(out, &title::document_title(ctx))?;
    out.push_str("</head>\n<body>\n<main>\n");

    title::write(out, ctx)?;
    title::write_legal_basis(out, ctx)?;
    budget::write(out, ctx)?;
    activities::write(out, ctx)?;
    coverage::write(out, ctx)?;
    gkrpa::write(out, ctx)?;
    consultation::write(out, ctx)?;
    partners::write(out, ctx)?;
    context::write(out, ctx)?;
    comparison::write(out, ctx)?;
    closing::write(out, ctx)?;
    council::write(out, ctx)?;

    out.push_str("</main>\n");
    if let Some(json) = &options.embed_json {
        writeln!(
            out,
            "<script type=\"application/json\" id=\"{EMBED_ID}\">{}</script>",
            neutralise_script_data(json)
        )?;
    }
    out.push_str("</body>\n</html>\n");
    Ok(())
}

/// A chart as a figure: the inline SVG (whose `<title>` and `<desc>` are its text alternative)
/// and its caption. The data table behind it is printed by the section, next to it.
fn write_chart(out: &mut String, chart: &Chart) -> fmt::Result {
    out.push_str("<figure class=\"chart\">\n");
    out.push_str(&chart.svg());
    writeln!(out, "<figcaption>{}</figcaption>", Esc(&chart.caption))?;
    out.push_str("</figure>\n");
    Ok(())
}

/// Makes text safe inside a `<script>` data block whatever the caller did: `</` could end the
/// element, and `<!--` could switch the HTML tokenizer into the "escaped" script state in which
/// our own `</script>` would no longer close it. `<\/` and `\u003c!--` mean the same in JSON.
fn neutralise_script_data(text: &str) -> String {
    text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
}

/// What every section needs: the report, the chosen layout and the statutory tasks of its regime.
pub(super) struct Ctx<'a> {
    pub report: &'a Report,
    pub layout: Layout,
    /// The statutory tasks of the report's regime, in catalogue order.
    pub tasks: Vec<&'static StatutoryTask>,
}

impl<'a> Ctx<'a> {
    fn new(report: &'a Report, layout: Layout) -> Self {
        Ctx {
            report,
            layout,
            tasks: catalogue().tasks_for(report.program.regime, report.program.behavioural),
        }
    }

    /// The tasks of the report's regime an activity serves, in catalogue order, without repeats.
    pub fn applicable_tasks_of(&self, activity: &Activity) -> Vec<&'static StatutoryTask> {
        self.tasks
            .iter()
            .copied()
            .filter(|t| activity.tasks.contains(&t.id))
            .collect()
    }

    /// The activities serving a task, in report order.
    pub fn activities_of(&self, task: &TaskId) -> impl Iterator<Item = &'a Activity> + '_ {
        let task = task.clone();
        self.report
            .activities
            .iter()
            .filter(move |a| a.tasks.contains(&task))
    }

    /// The written reason why nothing was done under a task, if any.
    pub fn gap_reason(&self, task: &TaskId) -> Option<&'a str> {
        self.report
            .task_gaps
            .iter()
            .find(|g| &g.task == task && !g.reason.trim().is_empty())
            .map(|g| g.reason.as_str())
    }

    /// A partner's name, or a visible note that the reference does not resolve.
    pub fn partner_name(&self, id: &Id) -> String {
        match self.report.partner(id) {
            Some(p) if !p.name.trim().is_empty() => p.name.clone(),
            Some(_) => format!("(partner bez nazwy: {id})"),
            None => format!("(brak w rejestrze partnerów: {id})"),
        }
    }

    /// The short name of a task, or its id when the catalogue does not know it.
    pub fn task_name(&self, id: &TaskId) -> String {
        catalogue()
            .task(id)
            .map(|t| t.short_name.clone())
            .unwrap_or_else(|| format!("{id} (zadanie spoza katalogu)"))
    }

    /// The position of an activity in the report (0 if it is not one of the report's).
    pub fn index_of(&self, activity: &Activity) -> usize {
        self.report
            .activities
            .iter()
            .position(|a| std::ptr::eq(a, activity))
            .unwrap_or(0)
    }

    /// The in-document anchor of an activity (from its position, never from user text).
    pub fn anchor(&self, activity: &Activity) -> String {
        format!("dzialanie-{}", self.index_of(activity) + 1)
    }

    /// The activities a group cost covers: every activity of its goal and every activity it
    /// lists, in report order, each once.
    pub fn covered_by(&self, group: &GroupCost) -> Vec<&'a Activity> {
        self.report
            .activities
            .iter()
            .filter(|a| spending::covers(group, a))
            .collect()
    }

    /// The group costs that cover an activity, in report order.
    pub fn group_costs_of(&self, activity: &Activity) -> Vec<&'a GroupCost> {
        self.report
            .group_costs
            .iter()
            .filter(|g| spending::covers(g, activity))
            .collect()
    }
}
