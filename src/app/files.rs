//! Files going out of and coming into the browser: the names of downloaded files, the
//! "Eksportuj wszystko" backup, text copied to the clipboard, reading a chosen or dropped
//! file, and fetching a file published beside the app (a sample). Invariants: a file's size
//! is checked (`File.size`) before a byte of it is read; every export that leaves the browser is
//! recorded in the index (`exported_at`), so the editor's nudge knows when the last copy was made.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::bridge::{self, ReadFailure};
use super::storage::{self, now_ms, Store};
use crate::domain::model::Report;

/// The gmina name as a file-name part: lowercase ASCII, Polish letters transliterated
/// (`Łódź` → `lodz`), every run of other characters one `-`, none at the ends.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = crate::domain::paste::fold_letter(c);
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The longest gmina part of a file name: names of real gminas fit ("Kędzierzyn-Koźle",
/// "Grodzisk Mazowiecki"); a pasted paragraph would make a name file systems refuse.
pub const MAX_SLUG_CHARS: usize = 40;

/// [`slug`] cut to [`MAX_SLUG_CHARS`] at a word boundary where there is one.
pub fn short_slug(name: &str) -> String {
    let s = slug(name);
    if s.len() <= MAX_SLUG_CHARS {
        return s;
    }
    let cut = &s[..MAX_SLUG_CHARS]; // ASCII only, so any index is a boundary
    match cut.rfind('-') {
        Some(i) if i >= MAX_SLUG_CHARS / 2 => cut[..i].to_string(),
        _ => cut.trim_end_matches('-').to_string(),
    }
}

/// `raport-<gmina>-<rok>.<ext>`, e.g. `raport-kalisz-2020.json`; `raport-<rok>.<ext>` while the
/// gmina has no name. At most about 60 characters whatever the gmina's name.
pub fn report_file_name(report: &Report, ext: &str) -> String {
    format!("raport-{}.{ext}", gmina_year(report))
}

/// `<gmina>-<rok>` (`przykladowo-2025`), or `<rok>` while the gmina has no name: the part every
/// file name of a report ends with.
pub fn gmina_year(report: &Report) -> String {
    match short_slug(&report.gmina.name).as_str() {
        "" => report.year.to_string(),
        s => format!("{s}-{}", report.year),
    }
}

/// `dane-kcpu-<gmina>-<rok>.csv`, e.g. `dane-kcpu-przykladowo-2025.csv`: the KCPU figures.
pub fn kcpu_file_name(report: &Report) -> String {
    format!("dane-kcpu-{}.csv", gmina_year(report))
}

/// Puts `text` on the clipboard (`navigator.clipboard.writeText`). `Err` when the browser has
/// no clipboard here (an insecure page) or refuses it (permission, an unfocused page): the
/// caller then shows the text to copy by hand.
pub async fn copy_to_clipboard(text: &str) -> Result<(), ()> {
    let navigator = web_sys::window().ok_or(())?.navigator();
    // Read as a property first: on an insecure page `navigator.clipboard` is undefined, and
    // calling a method on it would throw out of the wasm module.
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).map_err(|_| ())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(());
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// `raport-gp-kopia-RRRR-MM-DD.json` with today's local date.
pub fn backup_file_name() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "raport-gp-kopia-{:04}-{:02}-{:02}.json",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// "Eksportuj wszystko": downloads a backup file of every readable report stored in this
/// browser and records the export on each. Returns how many reports the file holds.
pub fn export_all() -> Result<usize, String> {
    let store = Store::open().map_err(|e| e.title().to_string())?;
    let (ids, reports): (Vec<String>, Vec<Report>) = store
        .list()
        .into_iter()
        .filter_map(|l| l.report.ok().map(|r| (l.id, r)))
        .unzip();
    if reports.is_empty() {
        return Err("W tej przeglądarce nie ma żadnego raportu do wyeksportowania.".into());
    }
    storage::download(
        &backup_file_name(),
        &bridge::backup_json(&reports),
        "application/json",
    )?;
    store
        .mark_all_exported(&ids, now_ms())
        .map_err(|e| format!("{} {}", e.title(), e.advice()))?;
    Ok(reports.len())
}

/// Reads a chosen or dropped file: its size first (`File.size`, nothing read when too big),
/// then its bytes, decoded by the domain exactly as the CLI decodes them: invalid UTF-8 and
/// UTF-16 are refused with their own message, never repaired (`File.text()` would silently turn
/// a Latin-2 letter into U+FFFD and the report would be stored damaged). The error is the
/// domain's Polish message.
pub async fn read_text(file: &web_sys::File) -> Result<String, ReadFailure> {
    bridge::check_size(file.size())?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadFailure {
            newer: false,
            message: "Przeglądarka nie pozwoliła odczytać pliku.".into(),
        })?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    bridge::decode(&bytes)
}

/// Reads the file chosen in a file input (then clears the input, so the same file can be chosen
/// again) and passes its name and text (or the Polish reason it was not read) to `then`.
pub fn with_chosen_file(
    ev: leptos::ev::Event,
    then: impl FnOnce(String, Result<String, String>) + 'static,
) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name();
    input.set_value("");
    leptos::task::spawn_local(async move {
        let text = read_text(&file).await.map_err(|f| f.message);
        then(name, text);
    });
}

#[wasm_bindgen(inline_js = r#"
export async function fetch_text(url) {
  let r;
  try { r = await fetch(url); } catch (e) { throw 'offline'; }
  if (!r.ok) throw 'HTTP ' + r.status;
  return await r.text();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = fetch_text)]
    fn fetch_text_js(url: &str) -> js_sys::Promise;
}

/// The text of a file published beside the app (`url` relative to the page), or a Polish
/// sentence saying why it could not be had.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    match wasm_bindgen_futures::JsFuture::from(fetch_text_js(url)).await {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| "serwer nie zwrócił tekstu".to_string()),
        Err(why) => Err(match why.as_string().as_deref() {
            Some("offline") => "nie udało się go pobrać (brak połączenia z internetem?); \
                                połącz się i spróbuj ponownie"
                .to_string(),
            Some(status) => format!("serwer nie udostępnił pliku ({status})"),
            None => "nie udało się go pobrać".to_string(),
        }),
    }
}
