//! Browser storage adapter over `localStorage`: namespaced, versioned keys; every report stored as
//! the domain's JSON envelope; an index with each report's revision stamp and save/export times;
//! rolling backups. Invariants: every failure is a typed [`StorageError`] the UI shows (never only
//! logged); a write only happens when the stored revision is the one this tab loaded (a stale tab
//! never overwrites newer data); an entry that fails to load is never written by this module; an
//! entry of an older schema version (it reads, migrated) is kept as a backup before it is
//! replaced.

use std::collections::BTreeMap;

use gloo_storage::Storage as _;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use super::bridge::{self, ReadFailure};
use crate::domain::model::{Extra, Id, Report};
use crate::domain::{backup_store, format};

/// Prefix of every key this app writes (name + storage layout version), from the format.
pub const NS: &str = format::STORAGE_PREFIX;

/// Key of the index of reports (revision stamps, save and export times).
pub fn index_key() -> String {
    format::index_key()
}

/// Key of a report's envelope.
pub fn report_key(id: &str) -> String {
    format::report_key(&Id::new(id))
}

/// Prefix of the keys of a report's rolling backups (one key per version).
pub fn backup_prefix(id: &str) -> String {
    format::backup_key_prefix(&Id::new(id))
}

/// The report id a report key names, if it is one.
pub fn id_of_report_key(key: &str) -> Option<&str> {
    key.strip_prefix(NS)?.strip_prefix("report/")
}

/// What can go wrong with browser storage, each with its own message and advice.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// localStorage is missing or refuses access (private mode, disabled cookies, policy).
    Unavailable(String),
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// A stored entry is not a readable report; its raw text is kept aside.
    Corrupt {
        key: String,
        raw: String,
        reason: String,
    },
    /// A stored entry was written by a newer app version; refused, kept untouched.
    NewerVersion {
        key: String,
        raw: String,
        reason: String,
    },
    /// Another tab saved a newer revision of this report.
    Conflict,
    /// Any other refusal of a write.
    WriteFailed(String),
    /// The report was saved, but its rolling backup could not be written (the cause inside).
    BackupFailed(Box<StorageError>),
}

impl StorageError {
    /// Short Polish title of the banner.
    pub fn title(&self) -> &'static str {
        match self {
            StorageError::Unavailable(_) => "Pamięć przeglądarki jest niedostępna",
            StorageError::QuotaExceeded => {
                "Brak miejsca w pamięci przeglądarki — zmian nie zapisano"
            }
            StorageError::Corrupt { .. } => "Zapisany raport jest uszkodzony",
            StorageError::NewerVersion { .. } => "Raport zapisała nowsza wersja aplikacji",
            StorageError::Conflict => "Raport zmieniono w innej karcie",
            StorageError::WriteFailed(_) => "Nie udało się zapisać zmian",
            StorageError::BackupFailed(_) => "Nie udało się zapisać kopii zapasowej",
        }
    }

    /// What the user should do, in Polish.
    pub fn advice(&self) -> String {
        match self {
            StorageError::Unavailable(cause) => format!(
                "Przeglądarka nie pozwala zapisywać danych ({cause}). Zmiany są tylko w tej karcie: pobierz kopię JSON przed jej zamknięciem albo wyłącz tryb prywatny."
            ),
            StorageError::QuotaExceeded => "Twoje zmiany są nadal w tej karcie. Pobierz kopię JSON, a potem usuń niepotrzebne raporty z listy, aby zwolnić miejsce; zapis zostanie ponowiony przy następnej zmianie.".into(),
            StorageError::Corrupt { reason, .. } => format!(
                "Wpis został odłożony bez zmian i nie zostanie nadpisany. Pobierz zapisany tekst i przekaż go do pomocy technicznej. Szczegóły: {reason}"
            ),
            StorageError::NewerVersion { reason, .. } => format!(
                "Wpis został zachowany bez zmian. {reason}"
            ),
            StorageError::Conflict => "W innej karcie zapisano nowszą wersję tego raportu. Ta karta nie nadpisze jej zmian. Wczytaj nowszą wersję (twoje niezapisane zmiany z tej karty możesz najpierw pobrać jako JSON).".into(),
            StorageError::WriteFailed(cause) => format!(
                "Przeglądarka odrzuciła zapis ({cause}). Twoje zmiany są nadal w tej karcie: pobierz kopię JSON."
            ),
            StorageError::BackupFailed(cause) => format!(
                "Raport zapisano, ale nie zmieściła się jego kopia zapasowa ({}). Pobierz kopię JSON i usuń niepotrzebne raporty z listy, aby zwolnić miejsce.",
                cause.title()
            ),
        }
    }

    /// The title when an import failed (the import changed nothing: it is undone as a whole).
    pub fn import_title(&self) -> &'static str {
        match self {
            StorageError::QuotaExceeded => "brak miejsca w pamięci przeglądarki.",
            StorageError::WriteFailed(_) => "przeglądarka odrzuciła zapis.",
            other => other.title(),
        }
    }

    /// What to do when an import failed: about the import, not about unsaved edits.
    pub fn import_advice(&self) -> String {
        match self {
            StorageError::QuotaExceeded => "Raporty w tej przeglądarce zostały takie jak przed importem; plik nie mieści się nawet po usunięciu kopii zapasowych. Zwolnij miejsce: pobierz kopie JSON raportów, których tu nie potrzebujesz, usuń je z listy i zaimportuj plik ponownie.".into(),
            StorageError::WriteFailed(cause) => format!(
                "Raporty w tej przeglądarce zostały takie jak przed importem ({cause})."
            ),
            other => other.advice(),
        }
    }

    /// The raw stored text this error keeps aside, if any.
    pub fn raw(&self) -> Option<&str> {
        match self {
            StorageError::Corrupt { raw, .. } | StorageError::NewerVersion { raw, .. } => Some(raw),
            _ => None,
        }
    }
}

fn from_read_failure(key: &str, raw: String, f: ReadFailure) -> StorageError {
    if f.newer {
        StorageError::NewerVersion {
            key: key.to_string(),
            raw,
            reason: f.message,
        }
    } else {
        StorageError::Corrupt {
            key: key.to_string(),
            raw,
            reason: f.message,
        }
    }
}

/// Maps a thrown `setItem` error: `QuotaExceededError` (code 22, or Firefox's 1014) vs others.
fn from_js_write_error(e: wasm_bindgen::JsValue) -> StorageError {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        if ex.name() == "QuotaExceededError"
            || ex.name() == "NS_ERROR_DOM_QUOTA_REACHED"
            || ex.code() == 22
            || ex.code() == 1014
        {
            return StorageError::QuotaExceeded;
        }
        return StorageError::WriteFailed(format!("{}: {}", ex.name(), ex.message()));
    }
    StorageError::WriteFailed(format!("{e:?}"))
}

/// Per-report bookkeeping kept in the index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// Revision stamp: incremented by every save; a save is refused unless the stored
    /// revision equals the one the saving tab started from.
    pub rev: u64,
    /// Last save, ms since epoch.
    pub saved_at: f64,
    /// Last JSON export (download), ms since epoch.
    pub exported_at: Option<f64>,
}

/// One rolling backup of a report, as listed (its text is decoded on demand:
/// [`Store::backup_text`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub key: String,
    /// ms since epoch.
    pub saved_at: i64,
    /// The schema version of the report text it holds, when known.
    pub version: Option<u32>,
}

/// A stored report as the editor opens it: everything from one parse of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub report: Report,
    pub meta: Meta,
    /// The stored text (read, so known to be readable).
    pub text: String,
    /// The schema version it was written in (before migration).
    pub version: u32,
    /// Envelope fields of another system, kept for the round trip.
    pub extra: Extra,
}

/// A stored report as the start screen lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    pub id: String,
    pub meta: Meta,
    pub report: Result<Report, StorageError>,
}

/// Everything removed by a delete, so it can be put back ("Cofnij").
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub id: String,
    pub report_text: String,
    /// (key, text) of each backup.
    pub backups: Vec<(String, String)>,
    pub meta: Option<Meta>,
}

/// Milliseconds since epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A handle on this origin's localStorage, through `gloo-storage` once a probe has shown the
/// storage exists (gloo's `LocalStorage::raw()` panics without it).
pub struct Store {
    storage: web_sys::Storage,
    /// Backups dropped by this handle to make room for a write (see [`Store::set_making_room`]).
    dropped: std::cell::Cell<usize>,
}

impl Store {
    /// Opens localStorage; `Unavailable` when the browser refuses it.
    pub fn open() -> Result<Store, StorageError> {
        let window = web_sys::window()
            .ok_or_else(|| StorageError::Unavailable("brak okna przeglądarki".into()))?;
        // The probe: private modes and blocked cookies make this fail or return nothing.
        match window.local_storage() {
            Ok(Some(_)) => Ok(Store {
                storage: gloo_storage::LocalStorage::raw(),
                dropped: std::cell::Cell::new(0),
            }),
            Ok(None) => Err(StorageError::Unavailable("brak localStorage".into())),
            Err(e) => Err(StorageError::Unavailable(
                e.dyn_ref::<web_sys::DomException>()
                    .map(|x| x.name())
                    .unwrap_or_else(|| "odmowa dostępu".into()),
            )),
        }
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage
            .get_item(key)
            .map_err(|_| StorageError::Unavailable("odczyt odrzucony".into()))
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage
            .set_item(key, value)
            .map_err(from_js_write_error)
    }

    /// Writes, and when the quota is full drops the oldest backup in this browser (of any
    /// report) and tries again, until the write fits: an edit or an import is never what fails
    /// while a backup could make room. Dropping the oldest backup of a report never breaks
    /// another (backups are based only on newer ones). If the write does not fit even without
    /// any backup, the dropped backups are put back and `QuotaExceeded` is returned: a failed
    /// write changes nothing.
    pub fn set_making_room(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut dropped: Vec<(String, String)> = Vec::new();
        loop {
            match self.set(key, value) {
                Err(StorageError::QuotaExceeded) => match self.oldest_backup_key(key) {
                    Some(oldest) => {
                        let text = self.get(&oldest).ok().flatten().unwrap_or_default();
                        self.remove(&oldest);
                        dropped.push((oldest, text));
                    }
                    None => {
                        for (k, v) in dropped.iter().rev() {
                            let _ = self.set(k, v);
                        }
                        return Err(StorageError::QuotaExceeded);
                    }
                },
                other => {
                    if other.is_ok() {
                        self.dropped.set(self.dropped.get() + dropped.len());
                    }
                    return other;
                }
            }
        }
    }

    /// How many backups this handle dropped to make room.
    pub fn dropped_backups(&self) -> usize {
        self.dropped.get()
    }

    /// The key of the oldest backup of any report, other than `except`.
    fn oldest_backup_key(&self, except: &str) -> Option<String> {
        self.keys_with_prefix(&format!("{NS}backup/"))
            .into_iter()
            .filter(|k| k != except)
            .filter_map(|k| format::parse_backup_key(&k).map(|(_, t)| (t, k)))
            .min()
            .map(|(_, k)| k)
    }

    pub fn remove(&self, key: &str) {
        let _ = self.storage.remove_item(key);
    }

    /// Every key starting with `prefix`.
    pub fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        let n = self.storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    }

    /// The index; an unreadable index reads as empty (it only holds bookkeeping, never data).
    pub fn index(&self) -> BTreeMap<String, Meta> {
        gloo_storage::LocalStorage::get(index_key()).unwrap_or_default()
    }

    fn write_index(&self, index: &BTreeMap<String, Meta>) -> Result<(), StorageError> {
        gloo_storage::LocalStorage::set(index_key(), index).map_err(|e| match e {
            gloo_storage::errors::StorageError::JsError(js)
                if js.name == "QuotaExceededError" || js.name == "NS_ERROR_DOM_QUOTA_REACHED" =>
            {
                StorageError::QuotaExceeded
            }
            other => StorageError::WriteFailed(other.to_string()),
        })
    }

    pub fn meta(&self, id: &str) -> Meta {
        self.index().remove(id).unwrap_or_default()
    }

    /// Whether anything is stored under this report id.
    pub fn exists(&self, id: &str) -> bool {
        matches!(self.get(&report_key(id)), Ok(Some(_)))
    }

    /// Loads one report. A failure carries the raw text, which stays stored untouched.
    pub fn load(&self, id: &str) -> Result<(Report, Meta), StorageError> {
        self.open_entry(id).map(|o| (o.report, o.meta))
    }

    /// Loads one report with its stored text, version and envelope extras (one parse).
    pub fn open_entry(&self, id: &str) -> Result<Opened, StorageError> {
        let key = report_key(id);
        let raw = self.get(&key)?.ok_or_else(|| StorageError::Corrupt {
            key: key.clone(),
            raw: String::new(),
            reason: "Brak wpisu w pamięci przeglądarki.".into(),
        })?;
        match bridge::read_stored_with_extra(&raw) {
            Ok((report, version, extra)) => Ok(Opened {
                report,
                meta: self.meta(id),
                text: raw,
                version,
                extra,
            }),
            Err(f) => Err(from_read_failure(&key, raw, f)),
        }
    }

    /// Every stored report, readable or not, newest first.
    pub fn list(&self) -> Vec<Listed> {
        let index = self.index();
        let mut out: Vec<Listed> = self
            .keys_with_prefix(&format!("{NS}report/"))
            .into_iter()
            .filter_map(|key| {
                let id = id_of_report_key(&key)?.to_string();
                let report = self.load(&id).map(|(r, _)| r);
                Some(Listed {
                    meta: index.get(&id).cloned().unwrap_or_default(),
                    id,
                    report,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.meta
                .saved_at
                .total_cmp(&a.meta.saved_at)
                .then(a.id.cmp(&b.id))
        });
        out
    }

    /// Saves a report's envelope if the stored revision is still `base_rev`; returns the new meta.
    /// The report is written before the index, so a failed write changes nothing. `known` is
    /// the text the caller last read or wrote there (so known to be readable and current): when
    /// the stored text is exactly that, it is not parsed again — what keeps a save of a big
    /// report short.
    pub fn save(
        &self,
        id: &str,
        text: &str,
        base_rev: u64,
        known: Option<&str>,
    ) -> Result<Meta, StorageError> {
        let mut index = self.index();
        let current = index.get(id).cloned().unwrap_or_default();
        if current.rev != base_rev {
            return Err(StorageError::Conflict);
        }
        if let Some(existing) = self.get(&report_key(id))? {
            if known != Some(existing.as_str()) {
                // Never write over an entry this app cannot read (kept aside for the user).
                match bridge::read_stored(&existing) {
                    Err(f) => return Err(from_read_failure(&report_key(id), existing, f)),
                    Ok((_, version)) => self.keep_older_version(id, &existing, version)?,
                }
            }
        }
        self.set_making_room(&report_key(id), text)?;
        let meta = Meta {
            rev: base_rev + 1,
            saved_at: now_ms(),
            exported_at: current.exported_at,
        };
        index.insert(id.to_string(), meta.clone());
        self.write_index(&index)?;
        Ok(meta)
    }

    /// Creates a new report entry (fails if the id is taken).
    pub fn create(&self, id: &str, text: &str) -> Result<Meta, StorageError> {
        if self.exists(id) {
            return Err(StorageError::WriteFailed(format!(
                "raport {id} już istnieje"
            )));
        }
        self.set_making_room(&report_key(id), text)?;
        let mut index = self.index();
        let meta = Meta {
            rev: 1,
            saved_at: now_ms(),
            exported_at: None,
        };
        index.insert(id.to_string(), meta.clone());
        if let Err(e) = self.write_index(&index) {
            self.remove(&report_key(id));
            return Err(e);
        }
        super::durable::put(id, text, meta.rev);
        Ok(meta)
    }

    /// Before an entry written in an older schema version (by the previous release) is replaced,
    /// its text is kept as a rolling backup, once: the migrated text never silently takes the
    /// place of the only copy of what the user stored. If the backup cannot be written, the
    /// write that would replace the entry is refused with that error.
    fn keep_older_version(
        &self,
        id: &str,
        existing: &str,
        version: u32,
    ) -> Result<(), StorageError> {
        if version >= bridge::SCHEMA_VERSION
            || self
                .backup_texts(id)
                .iter()
                .any(|(_, t)| t.as_deref() == Ok(existing))
        {
            return Ok(());
        }
        self.push_backup(id, existing, now_ms() as i64)
    }

    /// Records a JSON export of a report.
    pub fn mark_exported(&self, id: &str, at: f64) -> Result<(), StorageError> {
        let mut index = self.index();
        index.entry(id.to_string()).or_default().exported_at = Some(at);
        self.write_index(&index)
    }

    /// Writes a report's text with the given bookkeeping, bypassing the revision check: the
    /// import (after the user confirmed it) and its undo. The revision always moves forward from
    /// what is stored, so a tab that has the report open sees the change and stops writing.
    /// The report is written before the index, so a failed write leaves the index as it was.
    pub fn put(&self, id: &str, text: &str, meta: Meta) -> Result<Meta, StorageError> {
        let mut index = self.index();
        let current_rev = index.get(id).map(|m| m.rev).unwrap_or(0);
        let meta = Meta {
            rev: current_rev.max(meta.rev) + 1,
            ..meta
        };
        if let Some(existing) = self.get(&report_key(id))? {
            if let Some(version) = bridge::stored_version(&existing) {
                self.keep_older_version(id, &existing, version)?;
            }
        }
        self.set_making_room(&report_key(id), text)?;
        index.insert(id.to_string(), meta.clone());
        self.write_index(&index)?;
        super::durable::put(id, text, meta.rev);
        Ok(meta)
    }

    /// Records an export of several reports at once ("Eksportuj wszystko").
    pub fn mark_all_exported(&self, ids: &[String], at: f64) -> Result<(), StorageError> {
        let mut index = self.index();
        for id in ids {
            index.entry(id.clone()).or_default().exported_at = Some(at);
        }
        self.write_index(&index)
    }

    /// Puts back a durable copy (see `durable`) when it is newer than the stored revision, or the
    /// entry is missing; never over an entry this app cannot read. True when it was put back.
    pub fn recover_newer(&self, id: &str, text: &str, rev: u64) -> bool {
        let current = self.meta(id);
        let stored = self.get(&report_key(id)).ok().flatten();
        // The usual case at every start: localStorage already holds this revision. Decided from
        // the index alone, before anything is parsed (a big report takes milliseconds to read).
        if stored.is_some() && current.rev >= rev {
            return false;
        }
        let readable = stored
            .as_deref()
            .is_none_or(|t| bridge::read_file(t).is_ok());
        if !readable || bridge::read_file(text).is_err() {
            return false;
        }
        if self.set_making_room(&report_key(id), text).is_err() {
            return false;
        }
        let mut index = self.index();
        index.insert(
            id.to_string(),
            Meta {
                rev,
                saved_at: now_ms(),
                exported_at: current.exported_at,
            },
        );
        self.write_index(&index).is_ok()
    }

    /// Removes a report with its backups; returns what is needed to put it back.
    pub fn delete(&self, id: &str) -> Result<Removed, StorageError> {
        let report_text = self.get(&report_key(id))?.unwrap_or_default();
        let backups: Vec<(String, String)> = self
            .backup_entries(id)
            .into_iter()
            .map(|(key, _, value)| (key, value))
            .collect();
        let mut index = self.index();
        let meta = index.remove(id);
        self.remove(&report_key(id));
        super::durable::delete(id);
        for (key, _) in &backups {
            self.remove(key);
        }
        let _ = self.write_index(&index);
        Ok(Removed {
            id: id.to_string(),
            report_text,
            backups,
            meta,
        })
    }

    /// Puts back a deleted report.
    pub fn undelete(&self, removed: &Removed) -> Result<(), StorageError> {
        self.set_making_room(&report_key(&removed.id), &removed.report_text)?;
        for (key, text) in &removed.backups {
            let _ = self.set(key, text);
        }
        let mut index = self.index();
        let meta = removed.meta.clone().unwrap_or_default();
        let rev = meta.rev;
        index.insert(removed.id.clone(), meta);
        self.write_index(&index)?;
        super::durable::put(&removed.id, &removed.report_text, rev);
        Ok(())
    }

    /// The stored backups of a report as (key, save time, stored value), newest first.
    fn backup_entries(&self, id: &str) -> Vec<(String, i64, String)> {
        let mut list: Vec<(String, i64, String)> = self
            .keys_with_prefix(&backup_prefix(id))
            .into_iter()
            .filter_map(|key| {
                let (bid, saved_at) = format::parse_backup_key(&key)?;
                if bid.as_str() != id {
                    return None;
                }
                let value = self.get(&key).ok().flatten()?;
                Some((key, saved_at, value))
            })
            .collect();
        list.sort_by_key(|(_, t, _)| std::cmp::Reverse(*t));
        list
    }

    /// The backups of a report, newest first (headers only: nothing is decompressed).
    pub fn backups(&self, id: &str) -> Vec<Backup> {
        self.backup_entries(id)
            .into_iter()
            .map(|(key, saved_at, value)| Backup {
                version: backup_store::parse(&value).version,
                key,
                saved_at,
            })
            .collect()
    }

    /// Every backup of a report with its text (or why it cannot be read), newest first.
    pub fn backup_texts(&self, id: &str) -> Vec<(Backup, Result<String, String>)> {
        let entries = self.backup_entries(id);
        let refs: Vec<(i64, &str)> = entries.iter().map(|(_, t, v)| (*t, v.as_str())).collect();
        let texts = backup_store::decode_all(&refs);
        entries
            .iter()
            .zip(texts)
            .map(|((key, saved_at, value), text)| {
                (
                    Backup {
                        key: key.clone(),
                        saved_at: *saved_at,
                        version: backup_store::parse(value).version,
                    },
                    text.map_err(|e| e.to_string()),
                )
            })
            .collect()
    }

    /// The text of the backup of a report taken at `saved_at`.
    pub fn backup_text(&self, id: &str, saved_at: i64) -> Result<String, String> {
        self.backup_texts(id)
            .into_iter()
            .find(|(b, _)| b.saved_at == saved_at)
            .map(|(_, t)| t)
            .unwrap_or_else(|| Err("Tej kopii nie ma już w pamięci przeglądarki.".into()))
    }

    /// The time of the newest backup of a report.
    pub fn last_backup(&self, id: &str) -> Option<i64> {
        self.keys_with_prefix(&backup_prefix(id))
            .iter()
            .filter_map(|k| format::parse_backup_key(k).map(|(_, t)| t))
            .max()
    }

    /// Adds a backup (unless the newest holds the same text) and deletes the versions the
    /// domain's retention rule does not keep. The new backup is stored compressed in full; the
    /// one before it (and any older one stored in full) becomes a small delta against its next
    /// newer backup; a backup deleted from the middle first has the one based on it re-based
    /// (see `domain::backup_store`). When the quota is full, the oldest backups go first
    /// ([`Store::set_making_room`]); `QuotaExceeded` if even that is not enough.
    pub fn push_backup(&self, id: &str, text: &str, now: i64) -> Result<(), StorageError> {
        let entries = self.backup_entries(id);
        if let Some((_, newest_at, newest)) = entries.first() {
            let s = backup_store::parse(newest);
            let same = match s.fingerprint {
                Some(fp) => fp == backup_store::fingerprint(text),
                None => s.body == text,
            };
            if same {
                return Ok(());
            }
            if *newest_at >= now {
                // Two backups in the same millisecond (or a clock set back): keep both, in order.
                return self.push_backup(id, text, newest_at + 1);
            }
        }
        self.set_making_room(
            &format::backup_key(&Id::new(id), now),
            &backup_store::encode(text, None),
        )?;
        // Re-read: making room may have dropped some of this report's older backups.
        let entries = self.backup_entries(id);
        let times: Vec<i64> = entries.iter().map(|(_, t, _)| *t).collect();
        let keep = bridge::backups_to_keep(&times, now);
        let delete: Vec<usize> = (0..entries.len()).filter(|i| !keep.contains(i)).collect();
        let refs: Vec<(i64, &str)> = entries.iter().map(|(_, t, v)| (*t, v.as_str())).collect();
        let kept: Vec<usize> = (0..entries.len()).filter(|i| !delete.contains(i)).collect();
        let based_on_deleted = kept.iter().any(|&i| {
            backup_store::parse(refs[i].1)
                .base
                .is_some_and(|b| delete.iter().any(|&d| refs[d].0 == b))
        });
        // Kept backups stored in full other than the newest (the one before this push, or one
        // of an older release) become deltas against their next newer kept backup.
        let full_pairs: Vec<(usize, usize)> = kept
            .windows(2)
            .map(|p| (p[0], p[1]))
            .filter(|&(_, older)| backup_store::parse(refs[older].1).base.is_none())
            .collect();
        let mut writes: Vec<(usize, String)> = Vec::new();
        if based_on_deleted || full_pairs.iter().any(|&(newer, _)| newer != 0) {
            // Rare (a backup dropped from the middle, or old plain backups): decode the chain.
            let texts = backup_store::decode_all(&refs);
            writes = backup_store::plan_rebase(&refs, &texts, &delete);
            for &(newer, older) in &full_pairs {
                if writes.iter().any(|(i, _)| *i == older) {
                    continue;
                }
                if let (Ok(t), Ok(base)) = (&texts[older], &texts[newer]) {
                    let value = backup_store::encode(t, Some((refs[newer].0, base)));
                    if value.len() < refs[older].1.len() {
                        writes.push((older, value));
                    }
                }
            }
        } else if let Some(&(_, older)) = full_pairs.first() {
            // The usual case: only the previous newest is stored in full; its base is `text`.
            let decoded = backup_store::decode_all(&refs[older..=older]);
            if let Some(Ok(t)) = decoded.first() {
                let value = backup_store::encode(t, Some((refs[0].0, text)));
                if value.len() < refs[older].1.len() {
                    writes.push((older, value));
                }
            }
        }
        let mut failed = Vec::new();
        for (i, value) in &writes {
            if self.set(&entries[*i].0, value).is_err() {
                failed.push(*i);
            }
        }
        for i in delete {
            // A backup whose dependant could not be re-based stays (so that one stays readable).
            let needed = failed
                .iter()
                .any(|f| backup_store::parse(&entries[*f].2).base == Some(entries[i].1));
            if !needed {
                self.remove(&entries[i].0);
            }
        }
        Ok(())
    }
}

/// Asks the browser to keep this site's storage (not evict it); `None` when not supported.
pub async fn request_persist() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let already = wasm_bindgen_futures::JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?
        .as_bool();
    if already == Some(true) {
        return Some(true);
    }
    wasm_bindgen_futures::JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Offers a text as a file download (Blob + temporary link).
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| "nie można utworzyć pliku")?;
    download_blob(filename, &blob)
}

/// Offers bytes as a file download (a DOCX, say).
pub fn download_bytes(filename: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
        .map_err(|_| "nie można utworzyć pliku")?;
    download_blob(filename, &blob)
}

fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let window = web_sys::window().ok_or("brak okna")?;
    let document = window.document().ok_or("brak dokumentu")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "brak adresu pliku")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "brak elementu")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_attribute("hidden", "").ok();
    document.body().ok_or("brak body")?.append_child(&a).ok();
    a.click();
    a.remove();
    // Revoke later: some browsers start the download asynchronously.
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
