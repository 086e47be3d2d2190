//! "Dane do ankiety KCPU": the figures the yearly KCPU questionnaire asks a gmina for (art. 4¹
//! ust. 2c of the sobriety act), gathered from the report — spending by chapter, source and
//! purpose, prevention by level and target group, recommended programs, participants, the
//! GKRPA, consultation points, NGO support, behavioural addictions.
//!
//! Invariants:
//! - The list is versioned data (`kcpu.json`, embedded at build time) marked provisional: the
//!   current questionnaire could not be verified, and every output says so. Each figure names
//!   its group, unit and, in Polish, how it is computed; how to compute it is data too (a
//!   `compute` kind with its parameters), so a figure of a known kind is added by editing the
//!   file alone.
//! - Never a guess: a figure is `None` ("brak danych") when the report lacks what it is computed
//!   from, and a sum is `None` — not a smaller sum — when any of its parts has no value; the
//!   parts without a value are listed (`missing`) so the user knows what to fill in. A zero is
//!   given only where the report shows it (budget lines given, none in this chapter; activities
//!   given, none at this level).
//! - Each figure lists the entries it came from (`sources`): ids of activities, budget lines,
//!   points and partners, `activity-id/indicator-id` for indicators, field paths such as
//!   `gkrpa.meetings` for single fields.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::model::{
    Activity, Amount, BudgetLine, ClientCounts, FundingSource, Id, Mode, PartnerKind,
    PreventionLevel, Report, TargetGroup, TaskId,
};
use super::summary::{amount_cell, to_csv_line};

/// The list of figures, as read from `kcpu.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KcpuList {
    /// The list's own version (not the questionnaire's), written into every output.
    pub version: String,
    /// Whether the list is provisional (unverified against the current questionnaire).
    pub provisional: bool,
    /// The Polish note shown with every output.
    pub note: String,
    pub groups: Vec<KcpuGroup>,
    pub figures: Vec<KcpuDef>,
}

/// A group of figures, as the questionnaire's parts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KcpuGroup {
    pub id: String,
    pub label: String,
}

/// One figure of the list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KcpuDef {
    /// Stable id, ASCII (the CSV column name).
    pub id: String,
    /// The id of its group.
    pub group: String,
    /// The Polish label.
    pub label: String,
    /// The unit in Polish (`zł`, `osoby`, `działania`…).
    pub unit: String,
    /// How the figure is computed from the report, in Polish.
    pub how: String,
    pub compute: Compute,
}

impl KcpuDef {
    /// Whether the figure is an amount of money.
    pub fn is_money(&self) -> bool {
        self.unit == "zł"
    }
}

/// A budget amount field the list reads as it is.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BudgetField {
    PermitFeeIncome,
    SmallBottleIncome,
    CarriedOver,
}

/// How a figure is computed (see `kcpu.json` for each figure's words).
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Compute {
    ChapterExecuted {
        chapter: String,
    },
    OtherChaptersExecuted {
        chapters: Vec<String>,
    },
    TotalExecuted,
    SourceExecuted {
        source: FundingSource,
    },
    BudgetField {
        field: BudgetField,
    },
    PermitFeesCarriedOut,
    TaskExecuted {
        task: TaskId,
    },
    ActivitiesByLevel {
        level: PreventionLevel,
    },
    ParticipantsByLevel {
        level: PreventionLevel,
    },
    ActivitiesByTarget {
        target: TargetGroup,
    },
    RecommendedActivities,
    RecommendedParticipants,
    Participants,
    Gkrpa {
        field: String,
    },
    GkrpaCost,
    Points,
    PointHours,
    PointClients {
        #[serde(default)]
        client_type: Option<String>,
    },
    PointConsultations,
    PointReferrals,
    ActivitiesByMode {
        mode: Mode,
    },
    ExecutedByMode {
        mode: Mode,
    },
    ParagraphExecuted {
        prefix: String,
    },
    NgoRealizers,
    BehaviouralActivities,
    BehaviouralParticipants,
}

static LIST: OnceLock<KcpuList> = OnceLock::new();

/// The list of figures (read once; a broken `kcpu.json` fails every test at once).
#[cfg(not(target_arch = "wasm32"))]
pub fn list() -> &'static KcpuList {
    LIST.get_or_init(|| {
        serde_json::from_str(include_str!("kcpu.json")).expect("kcpu.json is a valid list")
    })
}

/// The list of figures. The browser app does not carry it in its module (it is only needed by
/// its view): the view fetches `kcpu.json`, published beside the app, and [`load`]s it first.
#[cfg(target_arch = "wasm32")]
pub fn list() -> &'static KcpuList {
    LIST.get()
        .expect("the KCPU list is loaded (kcpu::load) before its figures are computed")
}

/// Whether the list is there ([`load`] was called, or it is built in).
pub fn loaded() -> bool {
    LIST.get().is_some() || cfg!(not(target_arch = "wasm32"))
}

/// Takes the list from the text of `kcpu.json`; the Polish reason when it is not a list.
pub fn load(text: &str) -> Result<(), String> {
    let list: KcpuList =
        serde_json::from_str(text).map_err(|e| format!("plik listy jest uszkodzony ({e})"))?;
    let _ = LIST.set(list);
    Ok(())
}

/// The label of a group by id.
pub fn group_label(id: &str) -> &'static str {
    list()
        .groups
        .iter()
        .find(|g| g.id == id)
        .map(|g| g.label.as_str())
        .unwrap_or("")
}

/// One figure computed from a report.
#[derive(Clone, Debug, PartialEq)]
pub struct KcpuFigure {
    pub def: &'static KcpuDef,
    /// `None`: the report does not give it ("brak danych").
    pub value: Option<Decimal>,
    /// The entries it was computed from.
    pub sources: Vec<String>,
    /// The entries it needs that have no value (fill them in to get the figure).
    pub missing: Vec<String>,
}

impl PartialEq for KcpuDef {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl KcpuFigure {
    /// `127 262,45 zł`, `1 650`, or "brak danych".
    pub fn value_text(&self) -> String {
        match self.value {
            None => "brak danych".to_string(),
            Some(v) if self.def.is_money() => super::money::format_pl(Amount::new(v)),
            Some(v) => super::money::decimal_pl(v, 0),
        }
    }

    /// The value for CSV: `127262.45` for money, `1650` for counts, empty for "brak danych".
    pub fn csv_value(&self) -> String {
        match self.value {
            None => String::new(),
            Some(v) if self.def.is_money() => amount_cell(Some(Amount::new(v))),
            Some(v) => v.normalize().to_string(),
        }
    }
}

/// An entry of a figure's `sources` or `missing` in words, as the report's other messages name
/// it: `działanie „Ferie”`, `działanie „Ferie”, wskaźnik „uczestnicy”`, `wiersz budżetu nr 3
/// (rozdz. 85154, § 4300)`, `GKRPA: posiedzenia`… An id the report does not hold (it changed
/// since the figures were computed) stays as it is.
pub fn entry_label(r: &Report, entry: &str) -> String {
    use super::rules::text::{self, lower_first};
    let by_id = |id: &str| -> Option<String> {
        if let Some((i, a)) = indexed(&r.activities, id, |a| &a.id) {
            return Some(format!("działanie {}", text::activity(i, a)));
        }
        if let Some((i, l)) = indexed(&r.budget.lines, id, |l| &l.id) {
            return Some(lower_first(&text::budget_line(i, l)));
        }
        if let Some((i, g)) = indexed(&r.group_costs, id, |g| &g.id) {
            let name = text::quoted_or_number(&g.description, i, "bez opisu");
            return Some(format!("koszt wspólny {name}"));
        }
        if let Some((i, p)) = indexed(&r.consultation_points, id, |p| &p.id) {
            return Some(lower_first(&text::consultation_point(i, &p.name)));
        }
        let (i, p) = indexed(&r.partners, id, |p| &p.id)?;
        let name = text::quoted_or_number(&p.name, i, "bez nazwy");
        Some(format!("partner {name}"))
    };
    let nested = || -> Option<String> {
        let (outer, inner) = entry.split_once('/')?;
        if let Some((i, a)) = indexed(&r.activities, outer, |a| &a.id) {
            let (k, ind) = indexed(&a.indicators, inner, |x| &x.id)?;
            return Some(format!(
                "działanie {}, wskaźnik {}",
                text::activity(i, a),
                text::indicator(k, ind)
            ));
        }
        let (i, p) = indexed(&r.consultation_points, outer, |p| &p.id)?;
        let (k, f) = indexed(&p.referrals, inner, |f| &f.id)?;
        Some(format!(
            "{}, skierowania {}",
            lower_first(&text::consultation_point(i, &p.name)),
            text::quoted_or_number(&f.target, k, "bez adresata")
        ))
    };
    let field = || -> Option<String> {
        if let Some(field) = entry.strip_prefix("budget.") {
            return Some(text::budget_field(field).to_string());
        }
        match entry.strip_prefix("gkrpa.")? {
            "cost" => Some(format!("GKRPA: {}", lower_first(text::gkrpa_field("cost")))),
            field => r
                .gkrpa
                .counts()
                .iter()
                .find(|(f, _, _)| *f == field)
                .map(|(_, label, _)| format!("GKRPA: {label}")),
        }
    };
    by_id(entry)
        .or_else(nested)
        .or_else(field)
        .unwrap_or_else(|| entry.to_string())
}

/// The item of a list with this id, and its index (messages name an unnamed item by number).
fn indexed<'a, T>(items: &'a [T], id: &str, item_id: impl Fn(&T) -> &Id) -> Option<(usize, &'a T)> {
    items
        .iter()
        .enumerate()
        .find(|(_, x)| item_id(x).as_str() == id)
}

/// A figure in the making: a strict sum of parts.
#[derive(Default)]
struct Sum {
    total: Decimal,
    parts: usize,
    sources: Vec<String>,
    missing: Vec<String>,
}

impl Sum {
    fn add(&mut self, entry: impl Into<String>, value: Option<Decimal>) {
        let entry = entry.into();
        match value {
            // A sum beyond what a decimal holds (only in a hand-edited file) is no figure.
            Some(v) => match self.total.checked_add(v) {
                Some(total) => {
                    self.total = total;
                    self.parts += 1;
                    self.sources.push(entry);
                }
                None => self.missing.push(entry),
            },
            None => self.missing.push(entry),
        }
    }

    /// The sum; `None` when a part has no value or there are no parts at all (then `empty` is
    /// what the report shows: `Some(0)` where its absence is a real zero).
    fn value(&self, empty: Option<Decimal>) -> Option<Decimal> {
        if !self.missing.is_empty() {
            None
        } else if self.parts == 0 {
            empty
        } else {
            Some(self.total)
        }
    }

    fn figure(self, def: &'static KcpuDef, empty: Option<Decimal>) -> KcpuFigure {
        KcpuFigure {
            def,
            value: self.value(empty),
            sources: self.sources,
            missing: self.missing,
        }
    }
}

fn amount(a: Option<Amount>) -> Option<Decimal> {
    a.map(Amount::value)
}

/// A count of entries, or `None` when the report has none of the kind it counts from.
fn count(def: &'static KcpuDef, given: bool, ids: Vec<String>) -> KcpuFigure {
    KcpuFigure {
        def,
        value: given.then(|| Decimal::from(ids.len())),
        sources: ids,
        missing: Vec::new(),
    }
}

/// What one report gives, computed once for all figures.
struct Facts<'a> {
    r: &'a Report,
    /// Whether some budget line has an executed amount (then a chapter without lines is 0 zł).
    any_executed: bool,
}

impl<'a> Facts<'a> {
    /// The executed amounts of the lines `keep` takes; a line `unknown` says cannot be told
    /// apart (no chapter, no paragraph) counts as missing, since it might belong.
    fn lines(
        &self,
        keep: impl Fn(&BudgetLine) -> bool,
        unknown: impl Fn(&BudgetLine) -> bool,
    ) -> Sum {
        let mut s = Sum::default();
        for l in &self.r.budget.lines {
            if unknown(l) {
                s.missing.push(l.id.to_string());
            } else if keep(l) {
                s.add(l.id.as_str(), amount(l.executed));
            }
        }
        s
    }

    fn zero_if_executed(&self) -> Option<Decimal> {
        self.any_executed.then_some(Decimal::ZERO)
    }

    fn activities(&self, keep: impl Fn(&Activity) -> bool) -> Vec<&'a Activity> {
        self.r.activities.iter().filter(|a| keep(a)).collect()
    }

    /// Achieved persons of the activities' indicators counted in persons; 0 when the report has
    /// activities but none of these; `None` when it has none at all or an indicator has no value.
    fn participants(&self, activities: &[&Activity]) -> Sum {
        let mut s = Sum::default();
        for a in activities {
            for i in a.participant_indicators() {
                s.add(format!("{}/{}", a.id, i.id), i.achieved);
            }
        }
        s
    }

    fn participants_figure(&self, def: &'static KcpuDef, activities: &[&Activity]) -> KcpuFigure {
        let empty =
            (activities.is_empty() && !self.r.activities.is_empty()).then_some(Decimal::ZERO);
        self.participants(activities).figure(def, empty)
    }

    fn ids(activities: &[&Activity]) -> Vec<String> {
        activities.iter().map(|a| a.id.to_string()).collect()
    }

    fn behavioural(a: &Activity) -> bool {
        a.tasks.iter().any(|t| t.as_str() == "behavioural.1")
            || a.area == super::model::Area::Behavioural
    }

    fn task_executed(&self, def: &'static KcpuDef, task: &TaskId) -> KcpuFigure {
        let tasks = self.r.applicable_tasks();
        let Some(index) = tasks.iter().position(|t| &t.id == task) else {
            return KcpuFigure {
                def,
                value: None,
                sources: Vec::new(),
                missing: Vec::new(),
            };
        };
        let split = super::spending::by_task(self.r, &tasks);
        let serving = self.activities(|a| a.tasks.contains(task));
        let covered = |a: &Activity| {
            self.r
                .group_costs
                .iter()
                .any(|g| g.cost.executed.is_some() && super::spending::covers(g, a))
        };
        let missing: Vec<String> = serving
            .iter()
            .filter(|a| {
                a.cost.executed.is_none() && a.mode != Mode::FinancedByOthers && !covered(a)
            })
            .map(|a| a.id.to_string())
            .collect();
        let mut sources = Self::ids(&serving);
        sources.extend(
            self.r
                .group_costs
                .iter()
                .filter(|g| g.cost.executed.is_some())
                .filter(|g| serving.iter().any(|a| super::spending::covers(g, a)))
                .map(|g| g.id.to_string()),
        );
        let value = (split.any_cost && missing.is_empty()).then(|| split.per_task[index].value());
        KcpuFigure {
            def,
            value,
            sources,
            missing,
        }
    }

    fn points(
        &self,
        def: &'static KcpuDef,
        pick: impl Fn(&super::model::ConsultationPoint) -> Option<Decimal>,
    ) -> KcpuFigure {
        let mut s = Sum::default();
        for p in &self.r.consultation_points {
            s.add(p.id.as_str(), pick(p));
        }
        s.figure(def, None)
    }

    fn compute(&self, def: &'static KcpuDef) -> KcpuFigure {
        let r = self.r;
        let b = &r.budget;
        let has_activities = !r.activities.is_empty();
        match &def.compute {
            Compute::ChapterExecuted { chapter } => self
                .lines(|l| l.chapter.trim() == chapter, no_chapter)
                .figure(def, self.zero_if_executed()),
            Compute::OtherChaptersExecuted { chapters } => self
                .lines(
                    |l| !chapters.iter().any(|c| c == l.chapter.trim()),
                    no_chapter,
                )
                .figure(def, self.zero_if_executed()),
            Compute::TotalExecuted => self.lines(|_| true, |_| false).figure(def, None),
            Compute::SourceExecuted { source } => self
                .lines(|l| l.source == *source, |_| false)
                .figure(def, self.zero_if_executed()),
            Compute::ParagraphExecuted { prefix } => self
                .lines(
                    |l| l.paragraph.trim().starts_with(prefix.as_str()),
                    |l| l.paragraph.trim().is_empty(),
                )
                .figure(def, self.zero_if_executed()),
            Compute::BudgetField { field } => {
                let (path, value) = match field {
                    BudgetField::PermitFeeIncome => {
                        ("budget.permit_fee_income", b.permit_fee_income)
                    }
                    BudgetField::SmallBottleIncome => {
                        ("budget.small_bottle_income", b.small_bottle_income)
                    }
                    BudgetField::CarriedOver => ("budget.carried_over", b.carried_over),
                };
                let mut s = Sum::default();
                s.add(path, amount(value));
                s.figure(def, None)
            }
            Compute::PermitFeesCarriedOut => {
                let mut s = self.lines(|l| l.source == FundingSource::PermitFees, |_| false);
                let mut income = Sum::default();
                income.add("budget.permit_fee_income", amount(b.permit_fee_income));
                s.sources.extend(income.sources);
                s.missing.extend(income.missing);
                if b.carried_over.is_some() {
                    s.sources.push("budget.carried_over".into());
                }
                KcpuFigure {
                    def,
                    value: (s.missing.is_empty())
                        .then(|| amount(b.permit_fees_carried_out()))
                        .flatten(),
                    sources: s.sources,
                    missing: s.missing,
                }
            }
            Compute::TaskExecuted { task } => self.task_executed(def, task),
            Compute::ActivitiesByLevel { level } => count(
                def,
                has_activities,
                Self::ids(&self.activities(|a| a.level == *level)),
            ),
            Compute::ParticipantsByLevel { level } => {
                self.participants_figure(def, &self.activities(|a| a.level == *level))
            }
            Compute::ActivitiesByTarget { target } => count(
                def,
                has_activities,
                Self::ids(&self.activities(|a| a.target_groups.contains(target))),
            ),
            Compute::RecommendedActivities => count(
                def,
                has_activities,
                Self::ids(&self.activities(|a| !a.recommended_program.trim().is_empty())),
            ),
            Compute::RecommendedParticipants => self.participants_figure(
                def,
                &self.activities(|a| !a.recommended_program.trim().is_empty()),
            ),
            Compute::Participants => self.participants_figure(def, &self.activities(|_| true)),
            Compute::Gkrpa { field } => {
                let value = r
                    .gkrpa
                    .counts()
                    .iter()
                    .find(|(f, _, _)| f == field)
                    .and_then(|(_, _, v)| *v);
                let mut s = Sum::default();
                s.add(format!("gkrpa.{field}"), value.map(Decimal::from));
                s.figure(def, None)
            }
            Compute::GkrpaCost => {
                let mut s = Sum::default();
                s.add("gkrpa.cost", amount(r.gkrpa.cost));
                s.figure(def, None)
            }
            Compute::Points => count(
                def,
                !r.consultation_points.is_empty(),
                r.consultation_points
                    .iter()
                    .map(|p| p.id.to_string())
                    .collect(),
            ),
            Compute::PointHours => self.points(def, |p| p.weekly_hours),
            Compute::PointClients { client_type } => {
                self.points(def, |p| client_value(&p.clients, client_type.as_deref()))
            }
            Compute::PointConsultations => {
                self.points(def, |p| client_value(&p.consultations, None))
            }
            Compute::PointReferrals => {
                let mut s = Sum::default();
                for p in &r.consultation_points {
                    for f in &p.referrals {
                        s.add(format!("{}/{}", p.id, f.id), f.persons.map(Decimal::from));
                    }
                }
                s.figure(def, None)
            }
            Compute::ActivitiesByMode { mode } => count(
                def,
                has_activities,
                Self::ids(&self.activities(|a| a.mode == *mode)),
            ),
            Compute::ExecutedByMode { mode } => {
                let mut s = Sum::default();
                for a in self.activities(|a| a.mode == *mode) {
                    s.add(a.id.as_str(), amount(a.cost.executed));
                }
                s.figure(def, has_activities.then_some(Decimal::ZERO))
            }
            Compute::NgoRealizers => {
                let ngos: BTreeSet<String> = r
                    .activities
                    .iter()
                    .flat_map(|a| &a.realizers)
                    .filter(|id| r.partner(id).is_some_and(|p| p.kind == PartnerKind::Ngo))
                    .map(|id| id.to_string())
                    .collect();
                count(def, has_activities, ngos.into_iter().collect())
            }
            Compute::BehaviouralActivities => count(
                def,
                has_activities,
                Self::ids(&self.activities(Self::behavioural)),
            ),
            Compute::BehaviouralParticipants => {
                self.participants_figure(def, &self.activities(Self::behavioural))
            }
        }
    }
}

/// A line whose chapter is not given could be in any chapter.
fn no_chapter(l: &BudgetLine) -> bool {
    l.chapter.trim().is_empty()
}

/// One client type's count (`client_type`), or the total of all types (`None`).
fn client_value(counts: &ClientCounts, client_type: Option<&str>) -> Option<Decimal> {
    match client_type {
        None => counts.total().map(Decimal::from),
        Some(t) => counts
            .rows()
            .iter()
            .find(|(field, _, _)| *field == t)
            .and_then(|(_, _, v)| *v)
            .map(Decimal::from),
    }
}

/// Every figure of the list, computed from the report, in the list's order.
pub fn kcpu_figures(report: &Report) -> Vec<KcpuFigure> {
    let facts = Facts {
        r: report,
        any_executed: report.budget.lines.iter().any(|l| l.executed.is_some()),
    };
    list()
        .figures
        .iter()
        .map(|def| facts.compute(def))
        .collect()
}

/// The heading the outputs share: `Dane do ankiety KCPU — Gmina Przykładowo, 2025 r.`
fn heading(report: &Report) -> String {
    let name = report.gmina.name.trim();
    let name = if name.is_empty() {
        "(gmina bez nazwy)"
    } else {
        name
    };
    if report.year == 0 {
        format!("Dane do ankiety KCPU — {name}")
    } else {
        format!("Dane do ankiety KCPU — {name}, {} r.", report.year)
    }
}

/// The provisional-list notice: `Lista wstępna (wersja 2026-1). …`
pub fn notice() -> String {
    let l = list();
    if l.provisional {
        format!("Lista wstępna (wersja {}). {}", l.version, l.note)
    } else {
        format!("Wersja listy: {}. {}", l.version, l.note)
    }
}

/// "Kopiuj wszystko": the figures as plain text, grouped, one `label: value` line each, with
/// the heading and the provisional-list notice.
pub fn copy_all_text(report: &Report) -> String {
    format!(
        "{}\n{}\n{}",
        heading(report),
        notice(),
        figures_text(report)
    )
}

/// The figures as plain text without heading and notice: for each group an empty line, its
/// label, and a `- label: value` line per figure.
pub fn figures_text(report: &Report) -> String {
    let mut out = String::new();
    let mut group = "";
    for f in kcpu_figures(report) {
        if f.def.group != group {
            group = &f.def.group;
            out.push('\n');
            out.push_str(group_label(group));
            out.push('\n');
        }
        out.push_str(&format!("- {}: {}\n", f.def.label, f.value_text()));
    }
    out
}

/// The CSV of one report for a spreadsheet (RFC 4180, CRLF): one row per figure with its
/// group, id, label, value, unit, how it is computed, the entries it came from and those that
/// lack a value; the first lines name the report and the list's version.
pub fn table_csv(report: &Report) -> String {
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        out.push_str(&to_csv_line(cells));
        out.push_str("\r\n");
    };
    let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    line(&s(&[
        "grupa",
        "id",
        "pozycja",
        "wartość",
        "jednostka",
        "sposób obliczenia",
        "źródła",
        "brak wartości w",
    ]));
    for f in kcpu_figures(report) {
        line(&[
            group_label(&f.def.group).to_string(),
            f.def.id.clone(),
            f.def.label.clone(),
            f.csv_value(),
            f.def.unit.clone(),
            f.def.how.clone(),
            f.sources.join(" "),
            f.missing.join(" "),
        ]);
    }
    line(&[String::new()]);
    line(&[heading(report)]);
    line(&[notice()]);
    out
}

/// The columns of the CSV over many reports (`raport kcpu --csv`): the report, then one column
/// per figure id, in the list's order.
pub fn csv_header() -> Vec<String> {
    let mut h: Vec<String> = ["file", "gmina", "teryt", "year", "kcpu_list"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    h.extend(list().figures.iter().map(|f| f.id.clone()));
    h
}

/// One report's row of the CSV over many reports, matching [`csv_header`]; an empty cell is
/// "brak danych".
pub fn csv_row(file: &str, report: &Report) -> Vec<String> {
    let mut row = vec![
        file.to_string(),
        report.gmina.name.clone(),
        report.gmina.teryt.clone(),
        report.year.to_string(),
        list().version.clone(),
    ];
    row.extend(kcpu_figures(report).iter().map(KcpuFigure::csv_value));
    row
}
