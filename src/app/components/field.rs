//! Labelled form controls. Each control has an id (derived from the finding path of its field,
//! see `app::paths`), a visible label, an optional hint tied by `aria-describedby`, and for
//! parsed values an error shown on blur (not on every keystroke) with `aria-invalid`.

use leptos::prelude::*;

use crate::app::bridge;
use crate::app::state::Editor;
use crate::domain::model::{Amount, Date};
use crate::domain::rules::Severity;

fn described_by(id: &str, hint: bool, error: bool, note: bool) -> Option<String> {
    let mut parts = Vec::new();
    if hint {
        parts.push(format!("{id}-hint"));
    }
    if error {
        parts.push(format!("{id}-error"));
    }
    if note {
        parts.push(format!("{id}-note"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The whole-report findings about the control with this id (empty outside the editor).
pub fn notes_for(id: &str) -> Signal<Vec<(Severity, String)>> {
    let ed = use_context::<Editor>();
    let id = id.to_string();
    Signal::derive(move || {
        ed.map(|e| e.notes.with(|m| m.get(&id).cloned().unwrap_or_default()))
            .unwrap_or_default()
    })
}

/// The findings shown under a control, tied to it by `aria-describedby` (`{id}-note`).
pub fn notes_view(id: String, notes: Signal<Vec<(Severity, String)>>) -> impl IntoView {
    move || {
        let n = notes.get();
        (!n.is_empty()).then(|| {
            let items = n
                .into_iter()
                .map(|(sev, msg)| {
                    let (class, label) = match sev {
                        Severity::Error => ("note note-error", "Błąd: "),
                        Severity::Warning => ("note note-warning", "Ostrzeżenie: "),
                        Severity::Info => ("note", "Uwaga: "),
                    };
                    view! { <li class=class><strong>{label}</strong>{msg}</li> }
                })
                .collect_view();
            view! { <ul class="field-notes" id=format!("{id}-note")>{items}</ul> }
        })
    }
}

/// A one-line or multi-line text field.
#[component]
pub fn TextField(
    /// Element id of the input.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Hint or example shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Receives the new text on every input.
    #[prop(into)]
    on_input: Callback<String>,
    /// Render a textarea.
    #[prop(optional)]
    multiline: bool,
    /// `autocomplete` / `inputmode` hints are not needed here; an optional `maxlength`.
    #[prop(optional)]
    maxlength: Option<u32>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let notes = notes_for(&id);
    let id_d = id.clone();
    let desc = move || described_by(&id_d, has_hint, false, !notes.with(Vec::is_empty));
    let hint_view = hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> });
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="4"
                aria-describedby=desc.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type="text"
                maxlength=maxlength
                aria-describedby=desc
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint_view}
            {control}
            {notes_view(id, notes)}
        </div>
    }
}

/// A field whose text is parsed into a value (money, numbers): the model is updated as soon as
/// the text parses; the parse error is shown next to the field when it loses focus.
#[component]
pub fn ParsedField<T>(
    /// Element id of the input.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Hint or example shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The current value.
    #[prop(into)]
    value: Signal<Option<T>>,
    /// Receives a newly parsed value.
    #[prop(into)]
    on_change: Callback<Option<T>>,
    /// Parses what the user typed (`Ok(None)` for empty).
    parse: fn(&str) -> Result<Option<T>, String>,
    /// Shows a value.
    format: fn(&T) -> String,
    /// Text after the field, e.g. "zł".
    #[prop(optional, into)]
    suffix: Option<String>,
    /// `inputmode` attribute ("decimal", "numeric").
    #[prop(default = "decimal")]
    inputmode: &'static str,
    /// Keep the label for assistive technology only (a cell of a labelled table, whose row and
    /// column headers say the same visibly).
    #[prop(optional)]
    label_hidden: bool,
    /// Ids of the elements that name the control (a grid cell: its row's and column's
    /// headers); no `<label>` is drawn then.
    #[prop(optional, into)]
    labelledby: Option<String>,
    /// The id of a `<datalist>` of suggested values.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let shown = move |v: &Option<T>| v.as_ref().map(format).unwrap_or_default();
    // The text as typed, kept only while it differs from the formatted value (being typed, or
    // not parseable); otherwise the field shows the formatted model value.
    let raw = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let text = move || raw.get().unwrap_or_else(|| value.with(shown));
    let has_hint = hint.is_some();
    let notes = notes_for(&id);
    let id_c = id.clone();
    let desc = move || {
        described_by(
            &id_c,
            has_hint,
            error.with(Option::is_some),
            !notes.with(Vec::is_empty),
        )
    };
    let hint_view = hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> });
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            {labelledby.is_none().then(|| view! {
                <label for=id.clone() class:visually-hidden=label_hidden>{label}</label>
            })}
            {hint_view}
            <span class="with-suffix">
                <input
                    id=id.clone()
                    type="text"
                    aria-labelledby=labelledby
                    list=list
                    inputmode=inputmode
                    autocomplete="off"
                    aria-describedby=desc
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:value=text
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        raw.set(Some(text.clone()));
                        if let Ok(v) = parse(&text) {
                            if error.with_untracked(Option::is_some) {
                                error.set(None);
                            }
                            if value.with_untracked(|cur| cur != &v) {
                                on_change.run(v);
                            }
                        }
                    }
                    on:blur=move |_| {
                        let Some(typed) = raw.get_untracked() else {
                            return;
                        };
                        match parse(&typed) {
                            Ok(_) => {
                                error.set(None);
                                raw.set(None);
                            }
                            Err(msg) => error.set(Some(msg)),
                        }
                    }
                />
                {suffix.map(|s| view! { <span class="suffix" aria-hidden="true">{s}</span> })}
            </span>
            <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
            {notes_view(id.clone(), notes)}
        </div>
    }
}

pub(crate) fn parse_money(s: &str) -> Result<Option<Amount>, String> {
    bridge::parse_amount(s)
}
pub(crate) fn show_money(a: &Amount) -> String {
    bridge::format_amount(*a)
}

/// A money field: accepts `148 543,63`, shows the formatted value.
#[component]
pub fn MoneyField(
    /// Element id of the input.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Hint or example.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The current amount.
    #[prop(into)]
    value: Signal<Option<Amount>>,
    /// Receives a newly parsed amount.
    #[prop(into)]
    on_change: Callback<Option<Amount>>,
) -> impl IntoView {
    let hint = hint.unwrap_or_else(|| "Kwota w złotych, np. 148 543,63".into());
    view! {
        <ParsedField
            id=id
            label=label
            hint=hint
            value=value
            on_change=on_change
            parse=parse_money
            format=show_money
            suffix="zł"
        />
    }
}

pub(crate) fn parse_dec(s: &str) -> Result<Option<rust_decimal::Decimal>, String> {
    bridge::parse_number(s)
}
pub(crate) fn show_dec(d: &rust_decimal::Decimal) -> String {
    bridge::format_number(*d)
}

/// A decimal number field (indicator values, context figures).
#[component]
pub fn NumberField(
    /// Element id of the input.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Hint or example.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The current value.
    #[prop(into)]
    value: Signal<Option<rust_decimal::Decimal>>,
    /// Receives a newly parsed value.
    #[prop(into)]
    on_change: Callback<Option<rust_decimal::Decimal>>,
) -> impl IntoView {
    view! {
        <ParsedField
            id=id
            label=label
            hint=hint.unwrap_or_default()
            value=value
            on_change=on_change
            parse=parse_dec
            format=show_dec
        />
    }
}

fn parse_int(s: &str) -> Result<Option<i64>, String> {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i64>()
        .map(Some)
        .map_err(|_| format!("„{}” nie jest liczbą całkowitą. Wpisz np. 2025.", s.trim()))
}
fn show_int(n: &i64) -> String {
    n.to_string()
}

/// A whole-number field (years, population, meetings per year).
#[component]
pub fn IntField(
    /// Element id of the input.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Hint or example.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The current value.
    #[prop(into)]
    value: Signal<Option<i64>>,
    /// Receives a newly parsed value.
    #[prop(into)]
    on_change: Callback<Option<i64>>,
) -> impl IntoView {
    view! {
        <ParsedField
            id=id
            label=label
            hint=hint.unwrap_or_default()
            value=value
            on_change=on_change
            parse=parse_int
            format=show_int
            inputmode="numeric"
        />
    }
}

/// A count of people or events: a whole number, 0 or more. Empty means "not given" (`None`),
/// never 0.
fn parse_count(s: &str) -> Result<Option<u32>, String> {
    use rust_decimal::prelude::ToPrimitive;
    let Some(d) = bridge::parse_number(s)? else {
        return Ok(None);
    };
    if d < rust_decimal::Decimal::ZERO || !d.fract().is_zero() {
        return Err(format!(
            "„{}” nie jest liczbą całkowitą nieujemną. Wpisz np. 12; zostaw puste, jeśli nie wiadomo.",
            s.trim()
        ));
    }
    d.to_u32()
        .map(Some)
        .ok_or_else(|| format!("„{}” to za duża liczba.", s.trim()))
}
fn show_count(n: &u32) -> String {
    bridge::format_number(rust_decimal::Decimal::from(*n))
}

/// A whole-number count (people, meetings, opinions): empty is "not given", never 0.
#[component]
pub fn CountField(
    /// Element id of the input.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Hint or example.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The current value.
    #[prop(into)]
    value: Signal<Option<u32>>,
    /// Receives a newly parsed value.
    #[prop(into)]
    on_change: Callback<Option<u32>>,
    /// Keep the label for assistive technology only (table cells).
    #[prop(optional)]
    label_hidden: bool,
) -> impl IntoView {
    view! {
        <ParsedField
            id=id
            label=label
            hint=hint.unwrap_or_default()
            value=value
            on_change=on_change
            parse=parse_count
            format=show_count
            inputmode="numeric"
            label_hidden=label_hidden
        />
    }
}

/// Figures the app computes (not typed): a description list, each value with a test id.
/// The caller puts a heading before it.
#[component]
pub fn ComputedFigures(
    /// (test id, label, value) of each figure.
    #[prop(into)]
    figures: Signal<Vec<(&'static str, String, String)>>,
) -> impl IntoView {
    view! {
        <dl class="computed">
            {move || {
                figures
                    .get()
                    .into_iter()
                    .map(|(tid, l, v)| {
                        view! {
                            <div>
                                <dt>{l}</dt>
                                <dd data-testid=tid>{v}</dd>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </dl>
    }
}

/// A date picker (`<input type="date">`, ISO value).
#[component]
pub fn DateField(
    /// Element id of the input.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Hint or example.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The current date.
    #[prop(into)]
    value: Signal<Option<Date>>,
    /// Receives the new date (None when cleared).
    #[prop(into)]
    on_change: Callback<Option<Date>>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let notes = notes_for(&id);
    let id_d = id.clone();
    let desc = move || described_by(&id_d, has_hint, false, !notes.with(Vec::is_empty));
    let hint_view = hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> });
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint_view}
            <input
                id=id.clone()
                type="date"
                aria-describedby=desc
                prop:value=move || value.get().map(|d| d.iso()).unwrap_or_default()
                on:change=move |ev| on_change.run(Date::parse_iso(&event_target_value(&ev)))
            />
            {notes_view(id.clone(), notes)}
        </div>
    }
}

/// A select among fixed options `(value, label)`.
#[component]
pub fn SelectField(
    /// Element id of the select.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Hint.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The options: (value, label).
    options: Vec<(String, String)>,
    /// The selected value.
    #[prop(into)]
    value: Signal<String>,
    /// Receives the chosen value.
    #[prop(into)]
    on_change: Callback<String>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let notes = notes_for(&id);
    let id_d = id.clone();
    let desc = move || described_by(&id_d, has_hint, false, !notes.with(Vec::is_empty));
    let hint_view = hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> });
    let opts = options
        .into_iter()
        .map(|(v, l)| {
            let v2 = v.clone();
            view! {
                <option value=v selected=move || value.with(|cur| cur == &v2)>
                    {l}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint_view}
            <select
                id=id.clone()
                aria-describedby=desc
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {opts}
            </select>
            {notes_view(id.clone(), notes)}
        </div>
    }
}

/// A checkbox with its label.
#[component]
pub fn CheckField(
    /// Element id of the checkbox.
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Whether it is checked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Receives the new state.
    #[prop(into)]
    on_change: Callback<bool>,
) -> impl IntoView {
    let notes = notes_for(&id);
    let id_d = id.clone();
    let desc = move || described_by(&id_d, false, false, !notes.with(Vec::is_empty));
    view! {
        <div class="check">
            <input
                id=id.clone()
                type="checkbox"
                aria-describedby=desc
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id.clone()>{label}</label>
            {notes_view(id, notes)}
        </div>
    }
}

/// Options from a `(ALL, label)` enum list, keyed by the serde name of each variant.
pub fn enum_options<T: serde::Serialize + Copy>(
    all: &[T],
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (enum_key(v), label(*v).to_string()))
        .collect()
}

/// The serde name of an enum variant (`"open_competition_grant"`).
pub fn enum_key<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The enum variant with this serde name.
pub fn enum_from<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(key.to_string())).ok()
}
