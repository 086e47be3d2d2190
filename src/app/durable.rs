//! A second, durable copy of each report's latest saved text in IndexedDB, written with
//! `durability: "strict"` so it reaches the disk when the transaction completes.
//!
//! Why: Chromium writes localStorage to disk in delayed batches, so a browser process killed
//! (crash, power cut, task manager) up to ~2 s after a save could lose it — measured by the
//! crash-cycle suite. After each successful localStorage write of a report — a save, and every
//! write that creates or replaces one (new report, sample, import and its undo, undelete,
//! restore from a backup) — the same text goes here; when the app starts, a copy here that is
//! newer than what localStorage holds (by revision) is put back before anything is shown.
//! localStorage stays the working store (synchronous, so a closing tab still saves); this copy
//! only narrows the crash window to the save debounce plus one IndexedDB commit. Every failure
//! here is silent by design: it is a safety net under a store whose own failures are shown.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const DB = 'raport-gp-durable';
const STORE = 'reports';
let opening = null;
function db() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      if (!self.indexedDB) { reject(new Error('no IndexedDB')); return; }
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    opening.catch(() => { opening = null; });
  }
  return opening;
}
export async function durable_put(id, text, rev) {
  try {
    const d = await db();
    await new Promise((resolve, reject) => {
      const t = d.transaction(STORE, 'readwrite', { durability: 'strict' });
      t.objectStore(STORE).put({ text, rev }, id);
      t.oncomplete = resolve;
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
    return true;
  } catch (e) { return false; }
}
export async function durable_delete(id) {
  try {
    const d = await db();
    const t = d.transaction(STORE, 'readwrite', { durability: 'strict' });
    t.objectStore(STORE).delete(id);
  } catch (e) {}
}
export async function durable_all() {
  try {
    const d = await db();
    return await new Promise((resolve) => {
      const out = [];
      const t = d.transaction(STORE, 'readonly');
      const c = t.objectStore(STORE).openCursor();
      c.onsuccess = () => {
        const cur = c.result;
        if (cur) { out.push([String(cur.key), cur.value.text, Number(cur.value.rev)]); cur.continue(); }
        else resolve(out);
      };
      c.onerror = () => resolve(out);
    });
  } catch (e) { return []; }
}
"#)]
extern "C" {
    fn durable_put(id: &str, text: &str, rev: f64) -> js_sys::Promise;
    fn durable_delete(id: &str) -> js_sys::Promise;
    fn durable_all() -> js_sys::Promise;
}

/// Keeps a durable copy of a report's saved text (fire and forget).
pub fn put(id: &str, text: &str, rev: u64) {
    let promise = durable_put(id, text, rev as f64);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Forgets the durable copy of a deleted report.
pub fn delete(id: &str) {
    let promise = durable_delete(id);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Puts back every durable copy newer than what localStorage holds (a save that Chromium had
/// not yet written to disk when its process died). Returns the ids recovered.
pub async fn recover() -> Vec<String> {
    let Ok(all) = wasm_bindgen_futures::JsFuture::from(durable_all()).await else {
        return Vec::new();
    };
    let Ok(store) = super::storage::Store::open() else {
        return Vec::new();
    };
    let mut recovered = Vec::new();
    for entry in js_sys::Array::from(&all).iter() {
        let entry = js_sys::Array::from(&entry);
        let (Some(id), Some(text)) = (entry.get(0).as_string(), entry.get(1).as_string()) else {
            continue;
        };
        let rev = entry.get(2).as_f64().unwrap_or(0.0) as u64;
        if store.recover_newer(&id, &text, rev) {
            recovered.push(id);
        }
    }
    recovered
}
