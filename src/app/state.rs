//! The app's reactive state: which screen is shown, and the open report held for field-level
//! reactivity — the report without its activities in one signal, each activity in its own signal
//! (so a keystroke re-runs one card, not the whole report). Saving and checking run on a debounce
//! (~300 ms after input settles) and are flushed when the page is hidden or closed.

use std::time::Duration;

use leptos::prelude::*;

use super::bridge;
use super::paths::{dom_id_for_path, section_for_path, SectionKey};
use super::storage::{now_ms, Meta, Opened, StorageError, Store};
use crate::domain::model::{Activity, Extra, Id, Report};
use crate::domain::rules::{Finding, Severity};

/// How long input must settle before the report is saved and checked.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// The screen the app shows (its address: `router`).
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Start,
    Editor,
    /// "Pomoc": how to fill the report, the checks, deadlines, privacy.
    Help,
    /// An address named a report this browser cannot open: not stored here, or stored but
    /// unreadable (`problem` says why). The address is kept so a reload tries again.
    Missing {
        id: String,
        section: Option<String>,
        problem: Option<String>,
    },
}

/// One activity of the open report: a stable row key for keyed lists (unique even when an
/// imported file repeats ids) and the activity's own signal.
#[derive(Clone)]
pub struct ActRow {
    pub key: u64,
    pub sig: ArcRwSignal<Activity>,
}

/// How many activities one group of [`grouped`] follows.
const GROUP: usize = 32;

/// Follows the activities in groups of [`GROUP`], one memo per group made by `make` from the
/// group's rows, rebuilt when the list of rows changes.
///
/// A memo or effect that tracked every activity's signal itself would, on each keystroke in
/// any of them, copy its list of a thousand sources to see which changed and subscribe to all
/// of them again (the reactive graph does both per run): that was most of a keystroke's work in
/// a big report. Tracking the groups' memos instead costs a thousand activities' worth of work
/// only when activities are added or removed; a keystroke re-runs one group's memo.
pub fn grouped<T>(
    rows: RwSignal<Vec<ActRow>>,
    make: impl Fn(Vec<ActRow>) -> ArcMemo<T> + Send + Sync + 'static,
) -> Memo<Vec<ArcMemo<T>>>
where
    T: Send + Sync + 'static,
{
    Memo::new_with_compare(
        move |_| rows.with(|rows| rows.chunks(GROUP).map(|c| make(c.to_vec())).collect()),
        |_, _| true,
    )
}

/// A memo per group of activities whose value changes whenever any of its activities does
/// (for an effect that follows every change of every activity: the autosave).
pub fn change_counters(rows: RwSignal<Vec<ActRow>>) -> Memo<Vec<ArcMemo<u64>>> {
    grouped(rows, |group| {
        ArcMemo::new(move |n: Option<&u64>| {
            group.iter().for_each(|r| r.sig.track());
            n.map_or(0, |n| n.wrapping_add(1))
        })
    })
}

/// A finding with where it is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    pub finding: Finding,
    pub section: SectionKey,
    pub dom_id: String,
}

/// A removed activity kept for "Cofnij".
#[derive(Clone)]
pub struct RemovedActivity {
    pub pos: usize,
    pub row: ActRow,
}

/// What "Cofnij" puts back after a change of a whole list (rows removed, duplicated, pasted
/// from a spreadsheet): the list as it was. It is offered only while the list is still as the
/// change left it, so undoing never throws away what was typed after it.
#[derive(Clone)]
pub struct ListUndo {
    /// What was done, as the undo bar says it ("Wstawiono 12 wierszy z arkusza.").
    pub message: String,
    restore: std::sync::Arc<dyn Fn() + Send + Sync>,
    /// Whether the list is still as the change left it (reactive).
    intact: std::sync::Arc<dyn Fn() -> bool + Send + Sync>,
    /// The element to focus once undone.
    focus: String,
}

impl ListUndo {
    /// An undo that `restore`s what a change replaced, offered while `intact` says the change
    /// is still as it was made; `focus` is where focus goes after undoing.
    pub fn new(
        message: String,
        restore: impl Fn() + Send + Sync + 'static,
        intact: impl Fn() -> bool + Send + Sync + 'static,
        focus: String,
    ) -> Self {
        ListUndo {
            message,
            restore: std::sync::Arc::new(restore),
            intact: std::sync::Arc::new(intact),
            focus,
        }
    }

    pub fn intact(&self) -> bool {
        (self.intact)()
    }
}

/// A list inside `P`: how to read it and how to change it.
pub type Lists<P, T> = (fn(&P) -> &Vec<T>, fn(&mut P) -> &mut Vec<T>);

/// Where focus goes after a list change (`now`; `None`: to its "Cofnij") and after undoing it.
pub struct ListFocus {
    pub now: Option<String>,
    pub undone: String,
}

/// App-wide navigation and start-screen refresh (context).
#[derive(Clone, Copy)]
pub struct AppState {
    pub screen: RwSignal<Screen>,
    /// Bumped whenever stored reports may have changed (this tab or another one).
    pub stored_changed: RwSignal<u64>,
    /// Result of `navigator.storage.persist()`: None until known / unsupported.
    pub persisted: RwSignal<Option<bool>>,
    /// localStorage refused at start-up.
    pub unavailable: RwSignal<Option<StorageError>>,
    /// What "Cofnij import" restores; kept while the user moves between screens.
    pub import_undo: RwSignal<Option<super::import::ImportUndo>>,
    /// Realizers' contribution files read and waiting for "Scal" in their report.
    pub merges: RwSignal<Vec<PendingMerge>>,
}

/// A contribution file waiting in the merge preview of the report it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingMerge {
    pub key: u64,
    pub file_name: String,
    pub contribution: crate::domain::gather::Contribution,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            screen: RwSignal::new(Screen::Start),
            stored_changed: RwSignal::new(0),
            persisted: RwSignal::new(None),
            unavailable: RwSignal::new(Store::open().err()),
            import_undo: RwSignal::new(None),
            merges: RwSignal::new(Vec::new()),
        }
    }
    pub fn touch_stored(&self) {
        self.stored_changed.update(|n| *n += 1);
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The open report (context).
#[derive(Clone, Copy)]
pub struct Editor {
    /// The report without its activities.
    pub head: RwSignal<Report>,
    /// The activities, in report order.
    pub rows: RwSignal<Vec<ActRow>>,
    pub open_id: RwSignal<Option<String>>,
    pub section: RwSignal<SectionKey>,
    pub findings: RwSignal<Vec<Located>>,
    /// A report just begun from nothing: a field's findings are shown once the user has left
    /// the field (`touched`), all of them once "Sprawdzenie" was opened.
    pub quiet: RwSignal<bool>,
    /// Element ids of the controls the user has left since the report was opened.
    pub touched: RwSignal<std::collections::HashSet<String>>,
    /// The findings shown beside the fields, in the navigation and in the strip: all of them,
    /// or while `quiet`, those of the fields left.
    pub shown: Memo<Vec<Located>>,
    /// Findings by the element id of their control, for the note under each field.
    pub notes: Memo<std::collections::HashMap<String, Vec<(Severity, String)>>>,
    pub last_saved: RwSignal<Option<f64>>,
    pub exported_at: RwSignal<Option<f64>>,
    /// The current save problem (quota, refused write, newer data in another tab).
    pub save_error: RwSignal<Option<StorageError>>,
    /// Bumped whenever a backup of the open report was taken (the list in "Eksport" follows).
    pub backups_taken: RwSignal<u32>,
    /// Said once old backups were dropped to make room for a save (the quota was full).
    pub storage_notice: RwSignal<Option<String>>,
    /// Another tab saved this report: this tab must not write any more.
    pub stale: RwSignal<bool>,
    pub removed: RwSignal<Option<RemovedActivity>>,
    /// The last change of a whole list, for "Cofnij".
    pub list_undo: RwSignal<Option<ListUndo>>,
    /// Activity row keys whose card is expanded.
    pub expanded: RwSignal<std::collections::HashSet<u64>>,
    /// The schema version of the stored entry when it is older than the one this app writes
    /// (written by the previous release); `None` once the entry is saved in the current one.
    pub stored_older: RwSignal<Option<u32>>,
    /// The stored revision this tab's content is based on.
    base_rev: StoredValue<u64>,
    /// The content last saved (or loaded), to skip writes that change nothing.
    last_doc: StoredValue<Report>,
    /// Envelope fields of another system the report's file came with (e.g. `x_exported_by`),
    /// written back on every save and export so the app's round trip loses nothing.
    envelope_extra: StoredValue<Extra>,
    /// The text this tab last read (current version) or wrote under the report's key: a save
    /// that finds exactly it stored need not parse it again.
    stored_text: StoredValue<Option<String>>,
    /// The backup of the stored text to take right after opening: (id, text, time).
    open_backup: StoredValue<Option<(String, String, i64)>>,
    pending: StoredValue<bool>,
    /// A field left for the section list, noted once a section is chosen.
    left_pending: StoredValue<Option<String>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    next_key: StoredValue<u64>,
}

impl Editor {
    pub fn new() -> Self {
        let findings = RwSignal::new(Vec::<Located>::new());
        let quiet = RwSignal::new(false);
        let touched = RwSignal::new(std::collections::HashSet::<String>::new());
        let shown = Memo::new(move |_| {
            if !quiet.get() {
                return findings.get();
            }
            touched.with(|t| {
                findings.with(|f| {
                    f.iter()
                        .filter(|l| t.contains(&l.dom_id))
                        .cloned()
                        .collect()
                })
            })
        });
        let notes = Memo::new(move |_| {
            let mut m: std::collections::HashMap<String, Vec<(Severity, String)>> =
                Default::default();
            shown.with(|f| {
                for l in f {
                    m.entry(l.dom_id.clone())
                        .or_default()
                        .push((l.finding.severity, l.finding.message.clone()));
                }
            });
            m
        });
        Editor {
            head: RwSignal::new(Report::default()),
            rows: RwSignal::new(Vec::new()),
            open_id: RwSignal::new(None),
            section: RwSignal::new(SectionKey::Program),
            findings,
            quiet,
            touched,
            shown,
            notes,
            last_saved: RwSignal::new(None),
            exported_at: RwSignal::new(None),
            save_error: RwSignal::new(None),
            storage_notice: RwSignal::new(None),
            backups_taken: RwSignal::new(0),
            stale: RwSignal::new(false),
            removed: RwSignal::new(None),
            list_undo: RwSignal::new(None),
            expanded: RwSignal::new(Default::default()),
            stored_older: RwSignal::new(None),
            base_rev: StoredValue::new(0),
            last_doc: StoredValue::new(Report::default()),
            envelope_extra: StoredValue::new(Extra::new()),
            stored_text: StoredValue::new(None),
            open_backup: StoredValue::new(None),
            pending: StoredValue::new(false),
            left_pending: StoredValue::new(None),
            timer: StoredValue::new(None),
            next_key: StoredValue::new(1),
        }
    }

    /// A new row for an activity.
    pub fn row(&self, activity: Activity) -> ActRow {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        ActRow {
            key,
            sig: ArcRwSignal::new(activity),
        }
    }

    /// Opens a report that is stored under `report.id` with this meta, at its first section.
    pub fn open(&self, report: Report, meta: Meta) {
        self.section.set(first_section(&report));
        self.load_doc(report, meta, None);
    }

    /// Opens a report as read from storage (its text, version and extras come with it, so
    /// nothing is parsed twice), at its first section.
    pub fn open_stored(&self, opened: Opened) {
        self.section.set(first_section(&opened.report));
        let Opened {
            report,
            meta,
            text,
            version,
            extra,
        } = opened;
        self.load_doc(report, meta, Some((text, version, extra)));
    }

    /// Puts a report into the editor (keeping the open section). `stored` is the stored text
    /// the report was read from, with its version and envelope extras, when the caller has it.
    fn load_doc(&self, mut report: Report, meta: Meta, stored: Option<(String, u32, Extra)>) {
        self.cancel_timer();
        self.take_open_backup();
        let activities = std::mem::take(&mut report.activities);
        let rows: Vec<ActRow> = activities.into_iter().map(|a| self.row(a)).collect();
        let id = report.id.0.clone();
        self.expanded.set(if rows.len() <= 12 {
            rows.iter().map(|r| r.key).collect()
        } else {
            Default::default()
        });
        self.head.set(report);
        self.rows.set(rows);
        self.base_rev.set_value(meta.rev);
        self.last_saved
            .set(Some(meta.saved_at).filter(|t| *t > 0.0));
        self.exported_at.set(meta.exported_at);
        self.save_error.set(None);
        self.storage_notice.set(None);
        self.stale.set(false);
        self.removed.set(None);
        self.list_undo.set(None);
        self.quiet.set(false);
        self.touched.set(Default::default());
        let snap = self.snapshot_untracked();
        self.findings.set(locate(&snap));
        self.last_doc.set_value(snap);
        self.open_id.set(Some(id.clone()));
        // A backup of what was stored when the report was opened — before anything can be
        // written over it. For an entry of the previous release (an older schema version, read
        // through the migration) this keeps its original text; `Store::save` also makes sure of
        // it before the first write.
        self.stored_older.set(None);
        self.envelope_extra.set_value(Extra::new());
        self.stored_text.set_value(None);
        if let Ok(store) = Store::open() {
            let stored = match stored {
                Some(s) => Some(s),
                None => store
                    .get(&super::storage::report_key(&id))
                    .ok()
                    .flatten()
                    .map(|text| match bridge::read_stored_with_extra(&text) {
                        Ok((_, version, extra)) => (text, version, extra),
                        Err(_) => (text, 0, Extra::new()),
                    }),
            };
            if let Some((text, version, extra)) = stored {
                self.envelope_extra.set_value(extra);
                self.stored_older
                    .set(Some(version).filter(|v| *v < bridge::SCHEMA_VERSION));
                // Compressing a big report takes a while: the backup is taken in the next task,
                // so the report shows first; a save never runs before it (`save_report`).
                self.open_backup
                    .set_value(Some((id.clone(), text.clone(), now_ms() as i64)));
                let this = *self;
                set_timeout(move || this.take_open_backup(), Duration::ZERO);
                if version == bridge::SCHEMA_VERSION {
                    self.stored_text.set_value(Some(text));
                }
            }
        }
    }

    /// Takes the backup of what was stored when the report was opened, if not yet taken.
    fn take_open_backup(&self) {
        let Some((id, text, at)) = self.open_backup.get_value() else {
            return;
        };
        self.open_backup.set_value(None);
        self.backup_now(&id, &text, at);
    }

    /// Takes a backup of `text`; a failure is shown (the report itself is saved).
    fn backup_now(&self, id: &str, text: &str, at: i64) {
        let result = Store::open().and_then(|s| {
            s.push_backup(id, text, at)?;
            self.note_dropped(s.dropped_backups());
            self.backups_taken.update(|n| *n += 1);
            Ok(())
        });
        if let Err(e) = result {
            self.save_error
                .set(Some(StorageError::BackupFailed(Box::new(e))));
        }
    }

    /// Closes the open report (after saving what is pending).
    pub fn close(&self) {
        self.flush();
        self.open_id.set(None);
        self.rows.set(Vec::new());
        self.head.set(Report::default());
        self.findings.set(Vec::new());
        self.save_error.set(None);
        self.stale.set(false);
    }

    /// The whole report as plain data (not tracked).
    pub fn snapshot_untracked(&self) -> Report {
        let mut r = self.head.get_untracked();
        r.activities = self
            .rows
            .with_untracked(|rows| rows.iter().map(|row| row.sig.get_untracked()).collect());
        r
    }

    /// The whole report as plain data, tracking the head and every activity: a memo built on it
    /// re-runs on any change of the report (the views computed from all of it: comparison,
    /// KCPU figures, charts).
    pub fn snapshot(&self) -> Report {
        self.head.track();
        self.rows
            .with(|rows| rows.iter().for_each(|r| r.sig.track()));
        self.snapshot_untracked()
    }

    /// Changes one list of the report head as one step that "Cofnij" takes back whole: `change`
    /// gets the list; `focus` is the element to focus after undoing.
    pub fn change_list<T>(
        &self,
        (list, list_mut): Lists<Report, T>,
        message: String,
        focus: ListFocus,
        change: impl FnOnce(&mut Vec<T>),
    ) where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        let head = self.head;
        let mut before = Vec::new();
        let mut after = Vec::new();
        head.update(|r| {
            let l = list_mut(r);
            before = l.clone();
            change(l);
            after = l.clone();
        });
        self.offer_undo(
            ListUndo {
                message,
                restore: std::sync::Arc::new(move || {
                    head.update(|r| *list_mut(r) = before.clone())
                }),
                intact: std::sync::Arc::new(move || head.with(|r| *list(r) == after)),
                focus: focus.undone,
            },
            focus.now,
        );
    }

    /// Changes one list of an activity as one step that "Cofnij" takes back whole.
    pub fn change_activity_list<T>(
        &self,
        activity: ArcRwSignal<Activity>,
        (list, list_mut): Lists<Activity, T>,
        message: String,
        focus: ListFocus,
        change: impl FnOnce(&mut Vec<T>),
    ) where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        let mut before = Vec::new();
        let mut after = Vec::new();
        activity.update(|a| {
            let l = list_mut(a);
            before = l.clone();
            change(l);
            after = l.clone();
        });
        let (a1, a2) = (activity.clone(), activity);
        self.offer_undo(
            ListUndo {
                message,
                restore: std::sync::Arc::new(move || a1.update(|a| *list_mut(a) = before.clone())),
                intact: std::sync::Arc::new(move || a2.with(|a| *list(a) == after)),
                focus: focus.undone,
            },
            focus.now,
        );
    }

    /// Offers "Cofnij" for a change just made, and moves focus (`None`: to "Cofnij").
    pub fn offer_undo(&self, undo: ListUndo, focus_now: Option<String>) {
        self.removed.set(None);
        self.list_undo.set(Some(undo));
        focus_later(vec![focus_now.unwrap_or_else(|| "undo-list".into())]);
    }

    /// Takes back the last list change, if the list is still as it left it.
    pub fn undo_list(&self) {
        let Some(u) = self.list_undo.get_untracked() else {
            return;
        };
        self.list_undo.set(None);
        if u.intact() {
            (u.restore)();
            focus_later(vec![u.focus]);
        }
    }

    /// Replaces the whole report (a merge) as one step that "Cofnij" takes back whole, byte for
    /// byte: the rows of activities the change leaves as they were are kept, the others are new,
    /// so the old rows still hold what they held.
    pub fn replace_report(&self, mut report: Report, message: String, focus: ListFocus) {
        let (head, rows) = (self.head, self.rows);
        let before_head = head.get_untracked();
        let before_rows = rows.get_untracked();
        let activities = std::mem::take(&mut report.activities);
        let new_rows: Vec<ActRow> = activities
            .into_iter()
            .map(|a| {
                before_rows
                    .iter()
                    .find(|r| r.sig.with_untracked(|old| *old == a))
                    .cloned()
                    .unwrap_or_else(|| self.row(a))
            })
            .collect();
        let after_head = report.clone();
        let after_keys: Vec<u64> = new_rows.iter().map(|r| r.key).collect();
        head.set(report);
        rows.set(new_rows);
        let this = *self;
        let after = this.snapshot_untracked();
        self.offer_undo(
            ListUndo::new(
                message,
                move || {
                    head.set(before_head.clone());
                    rows.set(before_rows.clone());
                },
                move || {
                    head.with(|h| *h == after_head)
                        && rows.with(|r| r.iter().map(|x| x.key).eq(after_keys.iter().copied()))
                        && this.snapshot() == after
                },
                focus.undone,
            ),
            focus.now,
        );
    }

    /// The id of a new activity: `act-N`, or in a realizer's workspace `<partner>-dz-N`.
    pub fn new_activity_id(&self) -> Id {
        crate::domain::gather::new_activity_id(&self.snapshot_untracked())
    }

    /// [`Editor::left`] once the mouse button is released, the section chosen or another field left.
    pub fn left_later(&self, id: String) {
        self.left_pending.set_value(Some(id));
    }

    /// Applies a [`Editor::left_later`] that is waiting.
    pub fn left_now(&self) {
        if let Some(id) = self.left_pending.try_update_value(Option::take).flatten() {
            self.left(id);
        }
    }

    /// Notes that the user left a control: its findings are shown from now on (with a field left
    /// earlier for the section list, if any).
    pub fn left(&self, id: String) {
        if let Some(earlier) = self.left_pending.try_update_value(Option::take).flatten() {
            if earlier != id {
                self.left(earlier);
            }
        }
        if self.quiet.get_untracked() && !id.is_empty() {
            self.touched.update(|t| {
                t.insert(id);
            });
        }
    }

    /// An id `prefix-N` not used by any entity of the open report.
    pub fn fresh_id(&self, prefix: &str) -> Id {
        self.snapshot_untracked().new_id(prefix)
    }

    /// `n` consecutive unused ids `prefix-N`, `prefix-N+1`, ...
    pub fn fresh_ids(&self, prefix: &str, n: usize) -> Vec<Id> {
        let first = self.fresh_id(prefix);
        let start: u64 = first
            .as_str()
            .rsplit('-')
            .next()
            .and_then(|d| d.parse().ok())
            .unwrap_or(1);
        (0..n as u64)
            .map(|k| Id(format!("{prefix}-{}", start + k)))
            .collect()
    }

    /// Called by the autosave effect whenever anything changed: (re)starts the debounce.
    pub fn schedule(&self) {
        if self.open_id.get_untracked().is_none() {
            return;
        }
        self.pending.set_value(true);
        self.cancel_timer();
        let this = *self;
        if let Ok(h) = set_timeout_with_handle(move || this.flush_sliced(), DEBOUNCE) {
            self.timer.set_value(Some(h));
        }
    }

    fn cancel_timer(&self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        self.timer.set_value(None);
    }

    /// Checks and saves now if anything is pending (page hidden or closed, leaving the report),
    /// all before it returns.
    pub fn flush(&self) {
        self.flush_with(false);
    }

    /// The save at the end of the typing debounce: the localStorage write happens in this task;
    /// the durable copy and the checks each run in a task of their own right after it, so the
    /// browser can paint and take input between them (no long task for a big report).
    fn flush_sliced(&self) {
        self.flush_with(true);
    }

    /// Tells the user when old backups were dropped to make room for a write.
    fn note_dropped(&self, dropped: usize) {
        if dropped > 0 {
            self.storage_notice.set(Some(format!(
                "Pamięć przeglądarki była pełna: aby zapisać zmiany, usunięto {} (najstarsze). Pobierz kopię JSON, aby mieć raport także poza przeglądarką.",
                plural(dropped, "kopię zapasową", "kopie zapasowe", "kopii zapasowych")
            )));
        }
    }

    /// Runs the checks on the report as it is now.
    pub fn recheck(&self) {
        if self.open_id.get_untracked().is_some() {
            self.findings.set(locate(&self.snapshot_untracked()));
        }
    }

    /// Runs the checks on the report as it is then, in a task of its own.
    fn check_soon(&self) {
        let this = *self;
        set_timeout(
            move || {
                if this.open_id.get_untracked().is_some() {
                    this.findings.set(locate(&this.snapshot_untracked()));
                }
            },
            Duration::ZERO,
        );
    }

    fn flush_with(&self, sliced: bool) {
        self.cancel_timer();
        if !self.pending.get_value() {
            return;
        }
        self.pending.set_value(false);
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        let report = self.snapshot_untracked();
        if !sliced {
            self.findings.set(locate(&report));
        }
        self.save_report(&id, report, sliced);
        if sliced {
            self.check_soon();
        }
    }

    /// Writes the report unless it is what was last saved. `sliced`: the durable copy and a
    /// due backup are queued as tasks of their own instead of running here.
    fn save_report(&self, id: &str, report: Report, sliced: bool) {
        // What was stored at opening is backed up before anything is written over it.
        self.take_open_backup();
        if self.last_doc.with_value(|d| d == &report) {
            return;
        }
        if self.stale.get_untracked() {
            self.save_error.set(Some(StorageError::Conflict));
            return;
        }
        let text = self
            .envelope_extra
            .with_value(|extra| bridge::to_stored_json(&report, extra));
        let result = Store::open().and_then(|s| {
            let meta = self.stored_text.with_value(|known| {
                s.save(id, &text, self.base_rev.get_value(), known.as_deref())
            })?;
            Ok((s, meta))
        });
        match result {
            Ok((store, meta)) => {
                self.note_dropped(store.dropped_backups());
                let durable = {
                    let (id, text, rev) = (id.to_string(), text.clone(), meta.rev);
                    move || super::durable::put(&id, &text, rev)
                };
                if sliced {
                    set_timeout(durable, Duration::ZERO);
                } else {
                    durable();
                }
                self.base_rev.set_value(meta.rev);
                self.last_doc.set_value(report);
                self.last_saved.set(Some(meta.saved_at));
                self.save_error.set(None);
                if self.stored_older.get_untracked().is_some() {
                    self.stored_older.set(None);
                }
                // A rolling backup when the domain's interval says one is due.
                let now = meta.saved_at as i64;
                if bridge::backup_due(store.last_backup(id), now) {
                    let this = *self;
                    let (id, text) = (id.to_string(), text.clone());
                    let backup = move || this.backup_now(&id, &text, now);
                    if sliced {
                        set_timeout(backup, Duration::ZERO);
                    } else {
                        backup();
                    }
                }
                self.stored_text.set_value(Some(text));
            }
            Err(e) => {
                if e == StorageError::Conflict {
                    self.stale.set(true);
                }
                self.save_error.set(Some(e));
            }
        }
    }

    /// Downloads the current report as a JSON file (`raport-<gmina>-<rok>.json`) and records
    /// the export.
    pub fn download_json(&self) -> Result<(), String> {
        let report = self.snapshot_untracked();
        let name = super::files::report_file_name(&report, "json");
        let text = self
            .envelope_extra
            .with_value(|extra| bridge::to_json_with(&report, extra));
        super::storage::download(&name, &text, "application/json")?;
        self.record_export();
        Ok(())
    }

    /// Downloads the printable report (`raport-<gmina>-<rok>.html`) with the report's JSON
    /// embedded, so the saved page imports back; it is a copy of the data too, so recorded.
    pub fn download_html(&self) -> Result<(), String> {
        let report = self.snapshot_untracked();
        let name = super::files::report_file_name(&report, "html");
        super::storage::download(&name, &bridge::printable_html(&report), "text/html")?;
        self.record_export();
        Ok(())
    }

    /// Downloads the report as a Word document (`raport-<gmina>-<rok>.docx`), laid out like the
    /// print. It carries no data to import back, so it is not recorded as an export.
    pub fn download_docx(&self) -> Result<(), String> {
        let report = self.snapshot_untracked();
        let name = super::files::report_file_name(&report, "docx");
        let bytes = crate::domain::docx::render_docx(&report, None);
        super::storage::download_bytes(&name, &bytes, crate::domain::docx::MIME)
    }

    /// Records that a copy of the open report left the browser now (quiets the nudge).
    pub fn record_export(&self) {
        let now = now_ms();
        self.exported_at.set(Some(now));
        if let Some(id) = self.open_id.get_untracked() {
            if let Ok(s) = Store::open() {
                let _ = s.mark_exported(&id, now);
            }
        }
    }

    /// Reloads the open report from storage (after another tab saved a newer revision); this
    /// tab's unsaved changes are dropped, so the banner offers their download first.
    pub fn reload_from_storage(&self) {
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        match Store::open().and_then(|s| s.open_entry(&id)) {
            Ok(o) => {
                self.pending.set_value(false);
                self.load_doc(o.report, o.meta, Some((o.text, o.version, o.extra)));
            }
            Err(e) => self.save_error.set(Some(e)),
        }
    }

    /// Restores a backup: the current state is backed up first, then the backup is loaded and
    /// saved as the newest revision.
    pub fn restore_backup(&self, text: &str) -> Result<(), String> {
        let Some(id) = self.open_id.get_untracked() else {
            return Err("Brak otwartego raportu.".into());
        };
        let mut report = bridge::read_file(text).map_err(|f| f.message)?;
        report.id = Id::new(id.clone());
        self.flush();
        let store = Store::open().map_err(|e| e.title().to_string())?;
        let current = self
            .envelope_extra
            .with_value(|extra| bridge::to_stored_json(&self.snapshot_untracked(), extra));
        store
            .push_backup(&id, &current, now_ms() as i64)
            .map_err(|e| e.advice())?;
        let extra = self.envelope_extra.get_value();
        let restored = bridge::to_stored_json(&report, &extra);
        let meta = self
            .stored_text
            .with_value(|known| {
                store.save(&id, &restored, self.base_rev.get_value(), known.as_deref())
            })
            .map_err(|e| e.advice())?;
        super::durable::put(&id, &restored, meta.rev);
        self.pending.set_value(false);
        self.load_doc(
            report,
            meta,
            Some((restored, bridge::SCHEMA_VERSION, extra)),
        );
        Ok(())
    }
}

impl Default for Editor {
    fn default() -> Self {
        Self::new()
    }
}

/// The checks a report is run through, as the editor installs them ([`install_checks`]).
type Checks = fn(&Report) -> Vec<Finding>;

thread_local! {
    static CHECKS: std::cell::Cell<Option<Checks>> = const { std::cell::Cell::new(None) };
}

/// Gives the editor's state the checks. They are code of the editor's module (`lazy`), which
/// the start module never calls directly, so they load with it: until the editor's screen is
/// built (which installs them and runs them on the open report) there are no findings to show.
pub fn install_checks(checks: Checks) {
    // Opaque to the optimiser: with the one function ever stored here in sight, link-time
    // optimisation would call it directly from the start module's code again.
    CHECKS.with(|c| c.set(Some(std::hint::black_box(checks))));
}

/// Runs the checks and places each finding in its section and on its control.
pub fn locate(report: &Report) -> Vec<Located> {
    let Some(validate) = CHECKS.with(|c| c.get()) else {
        return Vec::new();
    };
    let workspace = report.workspace.is_some();
    let mut found: Vec<Located> = validate(report)
        .into_iter()
        // A realizer answers for their activities only: the rest is the coordinator's.
        .filter(|f| !workspace || crate::domain::gather::realizers_finding(&f.path))
        .map(|f| Located {
            section: match section_for_path(&f.path, report) {
                SectionKey::Goals if workspace => SectionKey::Contribution,
                s => s,
            },
            dom_id: dom_id_for_path(&f.path, report),
            finding: f,
        })
        .collect();
    // Errors first, then warnings, then notes; within each, the report's order.
    found.sort_by_key(|l| l.finding.severity);
    found
}

/// (errors, warnings) among findings.
pub fn counts<'a>(it: impl Iterator<Item = &'a Located>) -> (usize, usize) {
    it.fold((0, 0), |(e, w), l| match l.finding.severity {
        Severity::Error => (e + 1, w),
        Severity::Warning => (e, w + 1),
        _ => (e, w),
    })
}

/// The section a report opens at: "Gmina i program", or a realizer's first task.
fn first_section(report: &Report) -> SectionKey {
    super::screens::editor::sections_of(report)
        .into_iter()
        .next()
        .unwrap_or(SectionKey::Program)
}

/// A new report id unique in this browser.
pub fn new_report_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1_000_000.0) as u64;
    format!("r{t:x}{r:x}")
}

/// `23.11.2026, 10:32` for a time in ms.
pub fn format_time(ms: f64, with_date: bool) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let time = format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    );
    if with_date {
        format!(
            "{:02}.{:02}.{}, {}",
            d.get_date(),
            d.get_month() + 1,
            d.get_full_year(),
            time
        )
    } else {
        time
    }
}

/// Moves focus to the first existing element among candidates (after the DOM updates).
pub fn focus_later(candidates: Vec<String>) {
    request_animation_frame(move || focus_first(candidates, 120));
}

/// Focuses the first of `candidates` that exists. While forms are still being built a few per
/// frame (`defer`), it waits for the first candidate (up to `frames_left` frames) instead of
/// settling for a fallback.
fn focus_first(candidates: Vec<String>, frames_left: u32) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let waiting = frames_left > 0 && super::defer::pending();
    for (i, id) in candidates.iter().enumerate() {
        if let Some(el) = doc.get_element_by_id(id) {
            if i > 0 && waiting {
                break;
            }
            use wasm_bindgen::JsCast;
            if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = h.focus();
                el.scroll_into_view_with_bool(false);
                return;
            }
        }
    }
    if waiting {
        request_animation_frame(move || focus_first(candidates, frames_left - 1));
    }
}

/// What the undo bar says after "Wstaw": `n` rows (`nouns`: one, few, many) pasted, added or
/// instead of the table's rows.
pub fn pasted_message(n: usize, nouns: [&str; 3], replace: bool) -> String {
    let [one, few, many] = nouns;
    format!(
        "Wstawiono z arkusza: {}{}.",
        plural(n, one, few, many),
        if replace {
            " w miejsce dotychczasowych"
        } else {
            ""
        }
    )
}

/// Puts pasted rows into a list: after its rows, or instead of them.
pub fn put_rows<T>(list: &mut Vec<T>, rows: Vec<T>, replace: bool) {
    if replace {
        list.clear();
    }
    list.extend(rows);
}

/// `n` with the Polish plural form of a noun: `plural(2, "błąd", "błędy", "błędów")` → `2 błędy`.
pub fn plural(n: usize, one: &str, few: &str, many: &str) -> String {
    let w = if n == 1 {
        one
    } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
        few
    } else {
        many
    };
    format!("{n} {w}")
}
