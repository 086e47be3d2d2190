//! Gathering the realizers' reports (sprawozdania realizatorów) without a server: the coordinator
//! makes a request file for a partner, the realizer fills it in the same app and saves a
//! contribution file, and the coordinator merges that back into the report.
//!
//! Invariants: a request carries one partner and only that partner's activities (nothing about
//! other partners: their ids are taken out of the activities' realizers); a contribution carries
//! its request, so it can be checked against the report it answers and merged by a three-way
//! comparison of the request's baseline, the report now and the contribution. The report keeps
//! one [`RequestRecord`] per partner asked, with what the last merged contribution held: that is
//! the baseline of the next one, so importing the same file twice changes nothing and a re-sent,
//! corrected file replaces what the earlier one brought. A merge never applies a conflict by
//! itself: the report's value stays unless the coordinator takes the realizer's.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Activity, Date, Extra, Gmina, Id, Partner, Regime, Report, TaskId};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// The coordinator who asks, as the realizer sees them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Coordinator {
    /// Imię i nazwisko (or the office).
    pub name: String,
    /// E-mail or telephone, where the contribution goes.
    pub contact: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Coordinator {
    pub fn is_empty(&self) -> bool {
        *self == Coordinator::default()
    }
}

/// A request for a realizer's report: what the realizer's workspace starts from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Request {
    /// `<report id>:<partner id>`: the same for every request to this partner for this report.
    pub id: Id,
    /// The report the answer goes into.
    pub report_id: Id,
    pub year: i32,
    pub gmina: Gmina,
    pub regime: Regime,
    /// The program covers behavioural addictions (its tasks are offered then).
    #[serde(skip_serializing_if = "is_false")]
    pub behavioural: bool,
    pub coordinator: Coordinator,
    pub asked_on: Option<Date>,
    /// By when the coordinator needs the answer.
    pub deadline: Option<Date>,
    /// The partner asked (only this one).
    pub partner: Partner,
    /// The statutory tasks the partner may report under (all of the program's when empty).
    pub tasks: Vec<TaskId>,
    /// The partner's activities in the report when asked: the starting point of the realizer and
    /// the baseline of the merge.
    pub activities: Vec<Activity>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A realizer's answer: the request it answers and the realizer's activities.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct Contribution {
    pub request: Request,
    /// Who filled it in.
    pub prepared_by: String,
    pub prepared_on: Option<Date>,
    pub activities: Vec<Activity>,
    /// A word to the coordinator.
    pub notes: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The report's record of a partner asked (one per partner).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(default)]
pub struct RequestRecord {
    /// The request's id.
    pub id: Id,
    pub partner: Id,
    pub asked_on: Option<Date>,
    pub deadline: Option<Date>,
    /// Who asked (the form's defaults for the next request).
    #[serde(skip_serializing_if = "Coordinator::is_empty")]
    pub coordinator: Coordinator,
    /// When the last merged contribution was prepared (or merged, if it did not say).
    pub returned_on: Option<Date>,
    /// How many items merges took, in all.
    pub merged: u32,
    /// The activities sent with the request.
    pub sent: Vec<Activity>,
    /// The activities of the last merged contribution: the baseline of the next one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<Vec<Activity>>,
    /// A contribution's activity id → its id in the report, where the realizer's id was taken.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub renamed: BTreeMap<String, String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl RequestRecord {
    /// Whether the deadline passed on `today` with nothing returned.
    pub fn overdue(&self, today: Date) -> bool {
        self.returned_on.is_none() && self.deadline.is_some_and(|d| d < today)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Whether a finding at `path` (a rule's JSON path) is the realizer's to answer: their
/// activities, but not the goal or the partners named, which are the coordinator's.
pub fn realizers_finding(path: &str) -> bool {
    path.starts_with("activities") && !path.ends_with(".goal") && !path.contains(".realizers")
}

/// The request id for a partner of a report.
pub fn request_id(report: &Report, partner: &Id) -> Id {
    Id(format!("{}:{}", report.id.as_str(), partner.as_str()))
}

/// The statutory tasks a partner may report under: those of the program's regime.
pub fn tasks_for(report: &Report) -> Vec<TaskId> {
    report
        .applicable_tasks()
        .into_iter()
        .map(|t| t.id.clone())
        .collect()
}

/// A partner's activities as a request carries them: realizers other than the partner taken out.
pub fn activities_of(report: &Report, partner: &Id) -> Vec<Activity> {
    report
        .activities
        .iter()
        .filter(|a| a.realizers.contains(partner))
        .map(|a| Activity {
            realizers: vec![partner.clone()],
            ..a.clone()
        })
        .collect()
}

/// The request for a partner of the register; `None` for an id not in it.
pub fn request(
    report: &Report,
    partner: &Id,
    coordinator: Coordinator,
    asked_on: Option<Date>,
    deadline: Option<Date>,
) -> Option<Request> {
    let p = report.partner(partner)?;
    Some(Request {
        id: request_id(report, partner),
        report_id: report.id.clone(),
        year: report.year,
        gmina: report.gmina.clone(),
        regime: report.program.regime,
        behavioural: report.program.behavioural,
        coordinator,
        asked_on,
        deadline,
        partner: p.clone(),
        tasks: tasks_for(report),
        activities: activities_of(report, partner),
        extra: Extra::new(),
    })
}

/// Notes in the report that `request` was sent: a new record, or the partner's record refreshed
/// (asked again: the baseline is what the request now carries).
pub fn record_request(report: &mut Report, request: &Request) {
    let fresh = RequestRecord {
        id: request.id.clone(),
        partner: request.partner.id.clone(),
        asked_on: request.asked_on,
        deadline: request.deadline,
        coordinator: request.coordinator.clone(),
        sent: request.activities.clone(),
        ..RequestRecord::default()
    };
    match report.requests.iter_mut().find(|r| r.id == request.id) {
        Some(r) => {
            let (merged, renamed, extra) =
                (r.merged, std::mem::take(&mut r.renamed), r.extra.clone());
            *r = RequestRecord {
                merged,
                renamed,
                extra,
                ..fresh
            };
        }
        None => report.requests.push(fresh),
    }
}

/// A realizer's workspace for a request: a report of the request's gmina and year holding the
/// partner and the activities sent, marked with the request.
pub fn workspace(request: Request, id: Id) -> Report {
    let mut r = Report::new(id, request.year);
    r.gmina = request.gmina.clone();
    r.program.regime = request.regime;
    r.program.behavioural = request.behavioural;
    r.partners = vec![request.partner.clone()];
    r.activities = request.activities.clone();
    r.workspace = Some(Box::new(request));
    r
}

/// The contribution a workspace makes; `None` for a report that is not a workspace.
pub fn contribution(workspace: &Report, prepared_on: Option<Date>) -> Option<Contribution> {
    let request = workspace.workspace.as_deref()?.clone();
    let partner = request.partner.id.clone();
    Some(Contribution {
        prepared_by: workspace.prepared_by.clone(),
        prepared_on,
        activities: workspace
            .activities
            .iter()
            .map(|a| Activity {
                realizers: vec![partner.clone()],
                ..a.clone()
            })
            .collect(),
        notes: workspace.conclusions.clone(),
        request,
        extra: Extra::new(),
    })
}

// ---------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------

/// Why a contribution cannot go into a report (Polish, for the user).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a contribution does to one activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// Not in the report: the realizer added it.
    New,
    /// The realizer changed it and the report did not change those fields.
    Changed,
    /// Nothing new.
    Unchanged,
    /// The realizer removed it and the report has it as sent.
    Removed,
    /// Both changed it: some fields differ on both sides, or one side removed what the other
    /// changed.
    Conflict,
}

impl ItemKind {
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::New => "nowe",
            ItemKind::Changed => "zmienione",
            ItemKind::Unchanged => "bez zmian",
            ItemKind::Removed => "usunięte przez realizatora",
            ItemKind::Conflict => "konflikt",
        }
    }
}

/// One field the contribution changes: the report's value and the realizer's.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    /// The field's key in the file (`title`, `indicators`, ...).
    pub key: String,
    pub label: String,
    pub ours: String,
    pub theirs: String,
    /// Both sides changed it since the request.
    pub conflict: bool,
}

/// One activity of the merge.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeItem {
    /// The activity's id in the contribution (or in the baseline, when the realizer removed it).
    pub id: Id,
    /// Its id in the report, when the report has it.
    pub report_id: Option<Id>,
    pub title: String,
    pub kind: ItemKind,
    pub fields: Vec<FieldChange>,
    /// The realizer's version (absent when removed).
    pub theirs: Option<Activity>,
    /// For a conflict of a removal against a change: who removed it.
    pub removed_by_realizer: bool,
    pub removed_in_report: bool,
}

impl MergeItem {
    /// Whether the merge applies it unless the coordinator says otherwise: everything new or
    /// changed; a conflict of a removal against a change is left out.
    pub fn accepted_by_default(&self) -> bool {
        match self.kind {
            ItemKind::New | ItemKind::Changed | ItemKind::Removed => true,
            ItemKind::Conflict => !self.removed_by_realizer && !self.removed_in_report,
            ItemKind::Unchanged => false,
        }
    }
}

/// A contribution compared with a report, waiting for the coordinator's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan {
    pub request_id: Id,
    pub partner: Partner,
    /// The partner is not (any more) in the report's register: merging adds it back.
    pub partner_missing: bool,
    pub prepared_by: String,
    pub prepared_on: Option<Date>,
    pub notes: String,
    pub items: Vec<MergeItem>,
    pub received: Vec<Activity>,
    pub asked_on: Option<Date>,
    pub deadline: Option<Date>,
}

impl MergePlan {
    pub fn count(&self, kind: ItemKind) -> usize {
        self.items.iter().filter(|i| i.kind == kind).count()
    }
}

/// What the coordinator chose for an item: whether to apply it, and for each of its conflicting
/// fields (in order) whether to take the realizer's value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    pub accept: bool,
    pub take_theirs: Vec<bool>,
}

/// The default choices: [`MergeItem::accepted_by_default`], and the report's value in every
/// conflict.
pub fn default_choices(plan: &MergePlan) -> Vec<Choice> {
    plan.items
        .iter()
        .map(|i| Choice {
            accept: i.accepted_by_default(),
            take_theirs: vec![false; i.fields.iter().filter(|f| f.conflict).count()],
        })
        .collect()
}

/// One field of an activity a realizer reports: how to compare it and take it over. The others
/// (its id, the goal it sits under, the partners named as realizers) are the coordinator's. The
/// comparison is typed, field by field: no detour through JSON values.
struct Field {
    key: &'static str,
    same: fn(&Activity, &Activity) -> bool,
    take: fn(&mut Activity, &Activity),
}

macro_rules! fields {
    ($($key:literal => $f:ident),* $(,)?) => {
        &[$(Field {
            key: $key,
            same: |a, b| a.$f == b.$f,
            take: |t, f| t.$f = f.$f.clone(),
        }),*]
    };
}

/// In the order of the form; `extra` is every field this version does not know, together.
const FIELDS: &[Field] = fields!(
    "title" => title,
    "description" => description,
    "period" => period,
    "tasks" => tasks,
    "area" => area,
    "level" => level,
    "target_groups" => target_groups,
    "mode" => mode,
    "recommended_program" => recommended_program,
    "event" => event,
    "cost" => cost,
    "realizer_funds" => realizer_funds,
    "indicators" => indicators,
    "status" => status,
    "status_reason" => status_reason,
    "notes" => notes,
    "extra" => extra,
);

fn differs(a: &Activity, b: &Activity) -> bool {
    FIELDS.iter().any(|f| !(f.same)(a, b))
}

/// The Polish name of a field.
pub fn field_label(key: &str) -> String {
    match key {
        "title" => "Nazwa działania",
        "description" => "Opis",
        "period" => "Termin realizacji",
        "tasks" => "Zadania",
        "area" => "Obszar",
        "level" => "Poziom profilaktyki",
        "target_groups" => "Adresaci",
        "mode" => "Tryb realizacji",
        "recommended_program" => "Program rekomendowany",
        "event" => "Impreza plenerowa",
        "cost" => "Koszt",
        "realizer_funds" => "Wkład realizatora",
        "indicators" => "Wskaźniki",
        "status" => "Stan realizacji",
        "status_reason" => "Powód niepełnej realizacji",
        "notes" => "Uwagi",
        "extra" => "Pola spoza aplikacji",
        other => return format!("Pole „{other}”"),
    }
    .to_string()
}

/// A field's value as the preview shows it.
pub fn describe(key: &str, a: &Activity) -> String {
    use super::money::format_pl as format_pln;
    let amount = |v: &Option<super::model::Amount>| v.map(format_pln).unwrap_or_else(|| "—".into());
    let text = match key {
        "title" => a.title.clone(),
        "description" => a.description.clone(),
        "period" => a.period.clone(),
        "tasks" => a
            .tasks
            .iter()
            .map(|t| {
                super::catalogue::catalogue()
                    .task(t)
                    .map(|c| c.short_name.clone())
                    .unwrap_or_else(|| t.0.clone())
            })
            .collect::<Vec<_>>()
            .join("; "),
        "area" => a.area.label().into(),
        "level" => a.level.label().into(),
        "target_groups" => a
            .target_groups
            .iter()
            .map(|g| g.label())
            .collect::<Vec<_>>()
            .join(", "),
        "mode" => a.mode.label().into(),
        "recommended_program" => a.recommended_program.clone(),
        "event" => if a.event { "tak" } else { "nie" }.into(),
        "cost" => format!(
            "plan {}, wykonanie {} (rozdz. {} § {}, {})",
            amount(&a.cost.planned),
            amount(&a.cost.executed),
            or_dash(&a.cost.chapter),
            or_dash(&a.cost.paragraph),
            a.cost.source.label()
        ),
        "realizer_funds" => format!(
            "środki własne {}, wkład osobowy {}, wkład rzeczowy {}",
            amount(&a.realizer_funds.own),
            amount(&a.realizer_funds.personal),
            amount(&a.realizer_funds.in_kind)
        ),
        "indicators" => a
            .indicators
            .iter()
            .map(|i| {
                let n = |v: Option<rust_decimal::Decimal>| {
                    v.map(|d| d.to_string().replace('.', ","))
                        .unwrap_or_else(|| "—".into())
                };
                format!(
                    "{}: plan {}, osiągnięto {} ({})",
                    i.name,
                    n(i.planned),
                    n(i.achieved),
                    i.unit.label()
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        "status" => a.status.label().into(),
        "status_reason" => a.status_reason.clone(),
        "notes" => a.notes.clone(),
        "extra" if a.extra.is_empty() => String::new(),
        "extra" => serde_json::to_string(&a.extra).unwrap_or_default(),
        _ => String::new(),
    };
    if text.trim().is_empty() {
        "—".into()
    } else {
        text
    }
}

/// A name as compared: lower case, Polish letters folded, spaces collapsed.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            w.to_lowercase()
                .chars()
                .map(super::paste::fold_letter)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "—"
    } else {
        s
    }
}

/// Compares `contribution` with `report`: refused when it answers another gmina, year or report.
/// The baseline is what the last merged contribution of this request held (or, before any, what
/// the request sent).
pub fn preview(report: &Report, contribution: &Contribution) -> Result<MergePlan, Refusal> {
    preview_with(report, contribution, false)
}

/// The last merged contribution of a partner again, against what the request sent: "Scal
/// ponownie" offers what was left out then. `None` when nothing was received.
pub fn received_again(report: &Report, record: &RequestRecord) -> Option<Contribution> {
    let received = record.received.clone()?;
    let partner = report.partner(&record.partner).cloned().unwrap_or(Partner {
        id: record.partner.clone(),
        ..Partner::default()
    });
    Some(Contribution {
        request: Request {
            id: record.id.clone(),
            report_id: report.id.clone(),
            year: report.year,
            gmina: report.gmina.clone(),
            regime: report.program.regime,
            behavioural: report.program.behavioural,
            coordinator: record.coordinator.clone(),
            asked_on: record.asked_on,
            deadline: record.deadline,
            partner,
            tasks: Vec::new(),
            activities: record.sent.clone(),
            extra: Extra::new(),
        },
        prepared_on: record.returned_on,
        activities: received,
        ..Contribution::default()
    })
}

/// [`preview`]; with `from_sent`, against the request's own baseline whatever was merged since.
pub fn preview_with(
    report: &Report,
    contribution: &Contribution,
    from_sent: bool,
) -> Result<MergePlan, Refusal> {
    let req = &contribution.request;
    if report.workspace.is_some() {
        return Err(Refusal(
            "To jest sprawozdanie realizatora, a otwarty jest też obszar roboczy realizatora — \
             scalać sprawozdania można tylko w raporcie gminy."
                .into(),
        ));
    }
    let teryt_differs = !req.gmina.teryt.is_empty()
        && !report.gmina.teryt.is_empty()
        && req.gmina.teryt != report.gmina.teryt;
    let name_differs = !req.gmina.name.trim().is_empty()
        && !report.gmina.name.trim().is_empty()
        && fold(&req.gmina.name) != fold(&report.gmina.name);
    if teryt_differs || name_differs {
        return Err(Refusal(format!(
            "To sprawozdanie jest dla gminy „{}”, a otwarty raport — gminy „{}”. Nic nie scalono.",
            req.gmina.name, report.gmina.name
        )));
    }
    if req.year != report.year {
        return Err(Refusal(format!(
            "To sprawozdanie dotyczy roku {}, a otwarty raport — roku {}. Nic nie scalono.",
            req.year, report.year
        )));
    }
    if req.report_id != report.id {
        return Err(Refusal(format!(
            "To sprawozdanie odpowiada na zapytanie wysłane z innego raportu (identyfikator „{}”, \
             a otwarty raport ma „{}”). Otwórz raport, z którego wysłano zapytanie. Nic nie scalono.",
            req.report_id.as_str(),
            report.id.as_str()
        )));
    }
    let partner = req.partner.id.clone();
    let record = report.requests.iter().find(|r| r.id == req.id);
    let base: &[Activity] = match record {
        _ if from_sent => &req.activities,
        Some(r) => r.received.as_deref().unwrap_or(&r.sent),
        None => &req.activities,
    };
    let renamed = record.map(|r| r.renamed.clone()).unwrap_or_default();
    let in_report = |id: &Id| -> Option<&Activity> {
        let id = renamed
            .get(id.as_str())
            .map(|r| Id(r.clone()))
            .unwrap_or_else(|| id.clone());
        report.activities.iter().find(|a| a.id == id)
    };
    let mut items = Vec::new();
    for theirs in &contribution.activities {
        let base_a = base.iter().find(|b| b.id == theirs.id);
        let ours = in_report(&theirs.id)
            // An id the report uses for another partner's activity is not this one.
            .filter(|o| base_a.is_some() || o.realizers.contains(&partner));
        items.push(compare(base_a, ours, theirs));
    }
    for b in base {
        if contribution.activities.iter().any(|t| t.id == b.id) {
            continue;
        }
        let Some(ours) = in_report(&b.id) else {
            continue; // removed on both sides
        };
        let changed_here = differs(ours, b);
        items.push(MergeItem {
            id: b.id.clone(),
            report_id: Some(ours.id.clone()),
            title: ours.title.clone(),
            kind: if changed_here {
                ItemKind::Conflict
            } else {
                ItemKind::Removed
            },
            fields: Vec::new(),
            theirs: None,
            removed_by_realizer: true,
            removed_in_report: false,
        });
    }
    Ok(MergePlan {
        request_id: req.id.clone(),
        partner_missing: report.partner(&partner).is_none(),
        partner: req.partner.clone(),
        prepared_by: contribution.prepared_by.clone(),
        prepared_on: contribution.prepared_on,
        notes: contribution.notes.clone(),
        items,
        received: contribution.activities.clone(),
        asked_on: req.asked_on,
        deadline: req.deadline,
    })
}

/// The three-way comparison of one activity the contribution holds.
fn compare(base: Option<&Activity>, ours: Option<&Activity>, theirs: &Activity) -> MergeItem {
    let mut item = MergeItem {
        id: theirs.id.clone(),
        report_id: ours.map(|o| o.id.clone()),
        title: theirs.title.clone(),
        kind: ItemKind::Unchanged,
        fields: Vec::new(),
        theirs: Some(theirs.clone()),
        removed_by_realizer: false,
        removed_in_report: false,
    };
    let change = |key: &str, ours: &Activity, conflict: bool| FieldChange {
        key: key.to_string(),
        label: field_label(key),
        ours: describe(key, ours),
        theirs: describe(key, theirs),
        conflict,
    };
    match (base, ours) {
        (None, None) => item.kind = ItemKind::New,
        (Some(b), None) => {
            if differs(theirs, b) {
                item.kind = ItemKind::Conflict;
                item.removed_in_report = true;
            }
        }
        (None, Some(o)) => {
            // No baseline (the record was lost): every difference is the coordinator's call.
            for f in FIELDS {
                if !(f.same)(o, theirs) {
                    item.fields.push(change(f.key, o, true));
                }
            }
            if !item.fields.is_empty() {
                item.kind = ItemKind::Conflict;
            }
        }
        (Some(b), Some(o)) => {
            for f in FIELDS {
                if (f.same)(theirs, b) || (f.same)(theirs, o) {
                    continue; // the realizer did not change it, or the report already says so
                }
                item.fields.push(change(f.key, o, !(f.same)(o, b)));
            }
            if item.fields.iter().any(|f| f.conflict) {
                item.kind = ItemKind::Conflict;
            } else if !item.fields.is_empty() {
                item.kind = ItemKind::Changed;
            }
        }
    }
    item
}

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    /// Conflicting fields left as the report had them.
    pub conflicts_kept: usize,
    /// Items left out by the coordinator (or, in a conflict, by default).
    pub left_out: usize,
}

impl Summary {
    pub fn applied(&self) -> usize {
        self.added + self.changed + self.removed
    }
}

/// Sets the field `key` of `target` to its value in `from`.
fn take_field(target: &mut Activity, from: &Activity, key: &str) {
    if let Some(f) = FIELDS.iter().find(|f| f.key == key) {
        (f.take)(target, from);
    }
}

/// Applies `plan` to `report` with the coordinator's `choices` (one per item, as
/// [`default_choices`] makes them); `today` is when the merge happens.
pub fn apply(
    report: &Report,
    plan: &MergePlan,
    choices: &[Choice],
    today: Option<Date>,
) -> (Report, Summary) {
    let mut out = report.clone();
    let mut summary = Summary::default();
    let partner = plan.partner.id.clone();
    if plan.partner_missing {
        out.partners.push(plan.partner.clone());
    }
    let mut renamed: BTreeMap<String, String> = out
        .requests
        .iter()
        .find(|r| r.id == plan.request_id)
        .map(|r| r.renamed.clone())
        .unwrap_or_default();
    for (item, choice) in plan.items.iter().zip(choices) {
        if item.kind == ItemKind::Unchanged {
            continue;
        }
        if !choice.accept {
            summary.left_out += 1;
            continue;
        }
        let position = item
            .report_id
            .as_ref()
            .and_then(|id| out.activities.iter().position(|a| &a.id == id));
        match (&item.theirs, position) {
            (None, Some(at)) => {
                out.activities.remove(at);
                summary.removed += 1;
            }
            (Some(theirs), None) => {
                let mut a = theirs.clone();
                if !a.realizers.contains(&partner) {
                    a.realizers.push(partner.clone());
                }
                if out.activities.iter().any(|o| o.id == a.id) {
                    let fresh = out.new_id("act");
                    renamed.insert(a.id.0.clone(), fresh.0.clone());
                    a.id = fresh;
                }
                out.activities.push(a);
                summary.added += 1;
            }
            (Some(theirs), Some(at)) => {
                let mut conflict = 0;
                let mut took = 0;
                for f in &item.fields {
                    let take = if f.conflict {
                        let t = choice.take_theirs.get(conflict).copied().unwrap_or(false);
                        conflict += 1;
                        if !t {
                            summary.conflicts_kept += 1;
                        }
                        t
                    } else {
                        true
                    };
                    if take {
                        take_field(&mut out.activities[at], theirs, &f.key);
                        took += 1;
                    }
                }
                if took > 0 {
                    summary.changed += 1;
                }
            }
            (None, None) => {}
        }
    }
    let received_changed;
    match out.requests.iter_mut().find(|r| r.id == plan.request_id) {
        Some(r) => {
            received_changed = r.received.as_deref() != Some(&plan.received[..]);
            r.received = Some(plan.received.clone());
            r.renamed = renamed;
            r.merged += summary.applied() as u32;
            if received_changed || summary.applied() > 0 {
                r.returned_on = plan.prepared_on.or(today);
            }
        }
        None => out.requests.push(RequestRecord {
            id: plan.request_id.clone(),
            partner: partner.clone(),
            asked_on: plan.asked_on,
            deadline: plan.deadline,
            coordinator: Coordinator::default(),
            returned_on: plan.prepared_on.or(today),
            merged: summary.applied() as u32,
            sent: Vec::new(),
            received: Some(plan.received.clone()),
            renamed,
            extra: Extra::new(),
        }),
    }
    (out, summary)
}

/// The summary in one Polish sentence.
pub fn summary_text(s: &Summary) -> String {
    let mut parts = vec![
        format!("dodano {}", s.added),
        format!("zmieniono {}", s.changed),
        format!("usunięto {}", s.removed),
    ];
    if s.conflicts_kept > 0 {
        parts.push(format!(
            "konflikty pozostawione bez zmian: {}",
            s.conflicts_kept
        ));
    }
    if s.left_out > 0 {
        parts.push(format!("pominięto {}", s.left_out));
    }
    format!("Scalono: {}.", parts.join(", "))
}

/// The realizer's activities with their ids made unique across requests: a workspace's new
/// activity gets `<partner id>-dz-N`, which no coordinator's id (`act-N`) takes.
pub fn new_activity_id(workspace: &Report) -> Id {
    let prefix = workspace
        .workspace
        .as_ref()
        .map(|r| format!("{}-dz", r.partner.id.as_str()))
        .unwrap_or_else(|| "act".into());
    workspace.new_id(&prefix)
}
