//! The import pipeline: read → parse → migrate (the domain's `format::read_file`) → validate →
//! a [`Plan`] the user previews → [`apply`] after confirmation → [`undo`].
//!
//! Invariants: nothing is written before [`apply`]; an imported report keeps its id, so a file
//! exported from this browser replaces the stored report of the same id, while an id that is
//! empty, repeated within the file, or held by a stored entry this app cannot read gets a fresh
//! one (an unreadable entry is never written over); before a report is replaced its stored text
//! and bookkeeping are kept (in the [`ImportUndo`] and as a rolling backup); if any write fails,
//! everything already written is put back, so an import never half-overwrites.

use std::collections::HashSet;

use super::bridge;
use super::state::new_report_id;
use super::storage::{now_ms, Meta, StorageError, Store};
use crate::domain::model::{Id, Report};
use crate::domain::rules::Severity;

/// How many findings the preview lists per report.
pub const FIRST_FINDINGS: usize = 3;

/// What an imported report does to the reports stored in this browser.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A new entry in the list.
    New,
    /// Replaces the stored report with the same id, last changed at `saved_at` (ms).
    Replaces { saved_at: f64, label: String },
    /// A stored entry with this id cannot be read; it is kept and the import gets a new id.
    BesideUnreadable { old_id: String },
}

/// One report of the file, as the preview shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub report: Report,
    pub errors: usize,
    pub warnings: usize,
    /// The first few findings: (severity, message).
    pub first: Vec<(Severity, String)>,
    /// Whether the counts above are the checks' (see [`check`]); false while the checks' code
    /// could not be fetched.
    pub checked: bool,
    pub change: Change,
}

/// A read, checked file waiting for the user's confirmation.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub file_name: String,
    pub items: Vec<Incoming>,
    /// The schema version the file was written in (before migration).
    pub read_version: u32,
    /// Envelope fields of another system in a report file (kept when it is stored and
    /// exported again); empty for a backup file.
    pub envelope_extra: crate::domain::model::Extra,
}

impl Plan {
    pub fn replaced(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i.change, Change::Replaces { .. }))
            .count()
    }
}

/// A stored report as it was before the import replaced it.
#[derive(Clone, Debug, PartialEq)]
pub struct Previous {
    pub id: String,
    pub text: String,
    pub meta: Meta,
}

/// What "Cofnij import" needs: the replaced versions and the ids the import added, plus the
/// text the import wrote (to notice a report changed since).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportUndo {
    pub file_name: String,
    pub replaced: Vec<Previous>,
    pub added: Vec<String>,
    /// (id, text written by the import).
    pub written: Vec<(String, String)>,
    /// Old backups dropped to make room for the import.
    pub dropped_backups: usize,
}

/// The label of a report in messages: `Kalisz 2020`.
pub fn label(r: &Report) -> String {
    let gmina = format!("{} {}", super::screens::start::display_name(r), r.year);
    match &r.workspace {
        Some(w) => format!("Prośba o sprawozdanie dla: {} — {gmina}", w.partner.name),
        None => gmina,
    }
}

/// What an imported file is: reports to store (a request becomes a realizer's workspace), or a
/// realizer's contribution to merge into its report.
pub enum Read {
    Plan(Plan),
    Contribution(Box<crate::domain::gather::Contribution>),
}

/// Reads a file's text: a contribution for the merge, anything else into a [`plan`].
pub fn read(file_name: &str, text: &str) -> Result<Read, String> {
    use crate::domain::format::FileContents;
    match bridge::read_any(text).map_err(|f| f.message)? {
        FileContents::Contribution(f) => Ok(Read::Contribution(Box::new(f.contribution))),
        FileContents::Request(f) => {
            // A new workspace every time: opening the same request twice never overwrites
            // what the realizer already typed.
            let ws = crate::domain::gather::workspace(f.request, Id::new(new_report_id()));
            Ok(Read::Plan(plan_of(
                file_name,
                vec![ws],
                bridge::SCHEMA_VERSION,
                Default::default(),
            )))
        }
        contents => {
            let version = contents.read_version();
            let reports: Vec<Report> = contents.reports().into_iter().cloned().collect();
            let extra = if reports.len() == 1 {
                bridge::envelope_extra(text)
            } else {
                Default::default()
            };
            Ok(Read::Plan(plan_of(file_name, reports, version, extra)))
        }
    }
}

/// Reads a file's text into a plan, or the domain's Polish message of what is wrong and where.
/// Reads storage only to tell what each report would replace.
pub fn plan(file_name: &str, text: &str) -> Result<Plan, String> {
    match read(file_name, text)? {
        Read::Plan(p) => Ok(p),
        Read::Contribution(_) => Err("to sprawozdanie realizatora — scala się je w raporcie, w sekcji „Sprawozdania realizatorów”.".into()),
    }
}

fn plan_of(
    file_name: &str,
    reports: Vec<Report>,
    read_version: u32,
    envelope_extra: crate::domain::model::Extra,
) -> Plan {
    let store = Store::open().ok();
    let mut seen: HashSet<String> = HashSet::new();
    let items: Vec<Incoming> = reports
        .into_iter()
        .map(|mut report| {
            let mut change = Change::New;
            let id = report.id.as_str().to_string();
            if id.trim().is_empty() || !seen.insert(id.clone()) {
                report.id = Id::new(new_report_id());
            } else if let Some(store) = store.as_ref().filter(|s| s.exists(&id)) {
                match store.load(&id) {
                    Ok((old, meta)) => {
                        change = Change::Replaces {
                            saved_at: meta.saved_at,
                            label: label(&old),
                        }
                    }
                    Err(_) => {
                        change = Change::BesideUnreadable { old_id: id };
                        report.id = Id::new(new_report_id());
                    }
                }
            }
            seen.insert(report.id.as_str().to_string());
            Incoming {
                errors: 0,
                warnings: 0,
                first: Vec::new(),
                checked: false,
                change,
                report,
            }
        })
        .collect();
    Plan {
        file_name: file_name.to_string(),
        items,
        read_version,
        envelope_extra,
    }
}

/// Runs the checks on every report of the plan, for its preview. The checks come with the
/// editor's module (`lazy`); when it cannot be fetched the items stay unchecked and the
/// preview says so (importing does not depend on it).
pub async fn check(plan: &mut Plan) {
    for item in &mut plan.items {
        let Some(findings) = super::lazy::findings(&item.report).await else {
            continue;
        };
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        item.errors = count(Severity::Error);
        item.warnings = count(Severity::Warning);
        item.first = findings
            .iter()
            .filter(|f| matches!(f.severity, Severity::Error | Severity::Warning))
            .take(FIRST_FINDINGS)
            .map(|f| (f.severity, f.message.clone()))
            .collect();
        item.checked = true;
    }
}

/// Writes the confirmed plan. Each replaced report's stored text is kept first (for the undo
/// and as a rolling backup). On any failure everything already written is put back.
pub fn apply(plan: &Plan) -> Result<ImportUndo, StorageError> {
    let store = Store::open()?;
    let mut undo_log = ImportUndo {
        file_name: plan.file_name.clone(),
        replaced: Vec::new(),
        added: Vec::new(),
        written: Vec::new(),
        dropped_backups: 0,
    };
    let now = now_ms();
    for item in &plan.items {
        let id = item.report.id.as_str().to_string();
        let text = bridge::to_stored_json(&item.report, &plan.envelope_extra);
        let result = (|| {
            let mut meta = Meta {
                rev: 0,
                saved_at: now,
                exported_at: None,
            };
            match store.get(&super::storage::report_key(&id))? {
                Some(old_text) => {
                    let old_meta = store.meta(&id);
                    // Check again: the preview may be old, and an unreadable entry is never
                    // written over.
                    if bridge::read_file(&old_text).is_err() {
                        return Err(StorageError::WriteFailed(format!(
                            "wpis {id} w pamięci przeglądarki jest nieczytelny"
                        )));
                    }
                    undo_log.replaced.push(Previous {
                        id: id.clone(),
                        text: old_text.clone(),
                        meta: old_meta.clone(),
                    });
                    store.push_backup(&id, &old_text, now as i64)?;
                    meta.exported_at = old_meta.exported_at;
                }
                None => undo_log.added.push(id.clone()),
            }
            store.put(&id, &text, meta)
        })();
        if let Err(e) = result {
            let _ = undo(&undo_log);
            return Err(e);
        }
        undo_log.written.push((id, text));
    }
    undo_log.dropped_backups = store.dropped_backups();
    Ok(undo_log)
}

/// "Cofnij import": the replaced reports get their previous text and bookkeeping back (the
/// revision still moves forward); reports the import added are removed, unless changed since
/// the import: those are kept, and their labels returned.
pub fn undo(log: &ImportUndo) -> Result<Vec<String>, StorageError> {
    let store = Store::open()?;
    let mut kept = Vec::new();
    for prev in &log.replaced {
        // The version the import wrote (or later edits of it) stays as a backup.
        if let Ok(Some(current)) = store.get(&super::storage::report_key(&prev.id)) {
            if current != prev.text {
                let _ = store.push_backup(&prev.id, &current, now_ms() as i64);
            }
        }
        store.put(&prev.id, &prev.text, prev.meta.clone())?;
    }
    for id in &log.added {
        let written = log.written.iter().find(|(w, _)| w == id).map(|(_, t)| t);
        match store.get(&super::storage::report_key(id))? {
            Some(current) if written.is_some_and(|t| *t != current) => {
                kept.push(
                    bridge::read_file(&current)
                        .map(|r| label(&r))
                        .unwrap_or_else(|_| id.clone()),
                );
            }
            Some(_) => {
                store.delete(id)?;
            }
            None => {}
        }
    }
    Ok(kept)
}
