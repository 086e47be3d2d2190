//! Grids: the report's lists of rows as tables of inputs, moved through like a spreadsheet, and
//! the "Wklej z arkusza" dialog that reads rows copied from a spreadsheet (`domain::paste`),
//! shows them in a preview where a cell that cannot be read says why and can be corrected, and
//! hands them to the grid only on "Wstaw".
//!
//! A grid is a `<table>` whose cells hold one control each; every control is named by its row's
//! header cell and its column's header (`aria-labelledby`), so a screen reader says e.g.
//! "3. rozdz. 85154 § 4210, Plan". Tab and Shift+Tab go across the cells; Enter and Shift+Enter
//! go to the cell below and above, and so do the arrow keys in a text cell (a select keeps its
//! arrows, a cell with suggestions too).

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::paste::{self, Column, Mapping, Pasted};

/// Moves focus up or down a grid's column (the `keydown` handler of the `<table>`).
pub fn grid_keys(ev: leptos::ev::KeyboardEvent) {
    if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return;
    }
    let key = ev.key();
    let down = match key.as_str() {
        "Enter" => !ev.shift_key(),
        "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    let arrow = key.starts_with("Arrow");
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    match target.tag_name().as_str() {
        "INPUT" if !(arrow && target.has_attribute("list")) => {}
        "SELECT" if !arrow => {}
        _ => return,
    }
    let Some(cell) = target.closest("td").ok().flatten() else {
        return;
    };
    let Some(row) = cell.parent_element() else {
        return;
    };
    let mut column = 0;
    let mut c = cell.previous_element_sibling();
    while let Some(e) = c {
        column += 1;
        c = e.previous_element_sibling();
    }
    let step = |r: &web_sys::Element| {
        if down {
            r.next_element_sibling()
        } else {
            r.previous_element_sibling()
        }
    };
    let mut next = step(&row);
    while let Some(r) = next {
        let mut cell = r.first_element_child();
        for _ in 0..column {
            cell = cell.and_then(|c| c.next_element_sibling());
        }
        let control = cell.and_then(|c| c.query_selector("input, select").ok().flatten());
        if let Some(control) = control.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
            ev.prevent_default();
            let _ = control.focus();
            if let Some(input) = control.dyn_ref::<web_sys::HtmlInputElement>() {
                input.select();
            }
            return;
        }
        next = step(&r);
    }
}

/// `A`, `B`, … `Z`, `AA`: a spreadsheet's name of the column at `index`.
fn column_letter(mut index: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (index % 26) as u8) as char);
        if index < 26 {
            return s;
        }
        index = index / 26 - 1;
    }
}

/// At most `n` characters of a text, for a label.
fn short(text: &str, n: usize) -> String {
    let mut s: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        s.push('…');
    }
    s
}

/// Rows of the preview drawn at most; the rest are inserted the same way.
const PREVIEW_ROWS: usize = 500;

/// For each pasted data row, the cells that cannot be read: (grid column key, why).
pub type CellProblems = Vec<Vec<(&'static str, String)>>;

/// What a grid gives the paste dialog.
#[derive(Clone, Copy)]
pub struct PasteTarget {
    /// What the rows are, in the dialog's title ("pozycje budżetu").
    pub what: &'static str,
    pub columns: &'static [Column],
    /// For each data row, the cells that cannot be read: (grid column key, why).
    pub check: fn(&Pasted, &Mapping) -> CellProblems,
    /// How the rows are read beyond the cells shown (e.g. a chapter taken from the row above).
    pub hint: &'static str,
}

/// The "Wklej z arkusza" button and its dialog. `on_insert` gets the pasted rows (with the
/// corrections made in the preview), the column mapping and whether they replace the grid's
/// rows; it writes them to the report as one undoable change.
#[component]
pub fn PasteFromSheet(
    /// Base of the element ids (`paste-budget`): the button is `{id}-open`.
    #[prop(into)]
    id: String,
    target: PasteTarget,
    #[prop(into)] on_insert: Callback<(Pasted, Mapping, bool)>,
) -> impl IntoView {
    let base = StoredValue::new(id);
    // An element id of this dialog: `{id}-{suffix}`.
    let idf = move |suffix: &str| base.with_value(|b| format!("{b}-{suffix}"));
    let PasteTarget {
        what,
        columns,
        check,
        hint,
    } = target;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    // Bumped when the text changes: the preview's rows are drawn anew, corrections dropped.
    let generation = RwSignal::new(0u32);
    let chosen = RwSignal::new(None::<Vec<Option<usize>>>);
    let corrected = RwSignal::new(HashMap::<(usize, usize), String>::new());
    let replace = RwSignal::new(false);
    let raw = Memo::new(move |_| text.with(|t| paste::split(t)));
    let auto = Memo::new(move |_| raw.with(|p| paste::match_columns(p, columns)));
    let mapping = Memo::new(move |_| {
        let auto = auto.get();
        Mapping {
            source: chosen.get().unwrap_or(auto.source),
            header_row: auto.header_row,
        }
    });
    let pasted = Memo::new(move |_| {
        let mut p = raw.get();
        corrected.with(|c| {
            for ((r, col), v) in c {
                if let Some(row) = p.rows.get_mut(*r) {
                    if row.cells.len() <= *col {
                        row.cells.resize(*col + 1, String::new());
                    }
                    row.cells[*col] = v.clone();
                }
            }
        });
        p
    });
    let problems = Memo::new(move |_| pasted.with(|p| mapping.with(|m| check(p, m))));
    let first = Memo::new(move |_| mapping.with(|m| m.header_row.map_or(0, |h| h + 1)));
    let first_data = move || first.get();
    // A memo, so that correcting a cell does not draw the preview anew.
    let rows_memo = Memo::new(move |_| raw.with(|p| p.rows.len()).saturating_sub(first.get()));
    let data_rows = move || rows_memo.get();
    let bad_cells = move || problems.with(|p| p.iter().map(Vec::len).sum::<usize>());

    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        open.set(false);
        text.set(String::new());
        chosen.set(None);
        corrected.set(HashMap::new());
        replace.set(false);
    };
    let show = move |_| {
        open.set(true);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
        crate::app::state::focus_later(vec![idf("text")]);
    };
    let insert = move |_| {
        if data_rows() == 0 {
            return;
        }
        let rows = (
            pasted.get_untracked(),
            mapping.get_untracked(),
            replace.get_untracked(),
        );
        close();
        on_insert.run(rows);
    };
    let cancel = move |_| {
        close();
        crate::app::state::focus_later(vec![idf("open")]);
    };

    let summary = move || {
        let n = data_rows();
        if text.with(|t| t.trim().is_empty()) {
            return "Wklej tu komórki skopiowane z arkusza (Ctrl+V).".to_string();
        }
        let mut s = format!(
            "Wiersze do wstawienia: {n}. {}",
            match mapping.with(|m| m.header_row) {
                Some(h) => format!(
                    "Nagłówki kolumn odczytano z wiersza {}.",
                    pasted.with(|p| p.rows[h].line)
                ),
                None => "Nie znaleziono wiersza z nagłówkami: kolumny przyjęto po kolei — sprawdź je poniżej.".into(),
            }
        );
        let bad = bad_cells();
        if bad > 0 {
            s.push_str(&format!(
                " Nie da się odczytać: {} — popraw je w podglądzie; niepoprawione zostaną puste.",
                crate::app::state::plural(bad, "komórka", "komórki", "komórek")
            ));
        }
        s
    };
    let notes = move || {
        raw.with(|p| {
            p.notes
                .iter()
                .map(|n| view! { <li>{n.clone()}</li> })
                .collect_view()
        })
    };

    // The select choosing which pasted column feeds grid column `g`.
    let column_choice = move |g: usize| {
        let col = columns[g];
        let sel_id = idf(&format!("col-{}", col.key));
        let options = move || {
            let width = pasted.with(|p| p.columns());
            let header = mapping.with(|m| m.header_row);
            let current = mapping.with(|m| m.source.get(g).copied().flatten());
            let mut v = vec![
                view! { <option value="" selected=current.is_none()>"— pomiń —"</option> }
                    .into_any(),
            ];
            for c in 0..width {
                let sample = pasted.with(|p| {
                    let from = header.unwrap_or(0);
                    p.rows[from..]
                        .iter()
                        .map(|r| r.cells.get(c).map(String::as_str).unwrap_or_default())
                        .find(|t| !t.trim().is_empty())
                        .map(|t| short(t.trim(), 30))
                        .unwrap_or_default()
                });
                let label = format!("Kolumna {}: {sample}", column_letter(c));
                v.push(
                    view! { <option value=c.to_string() selected=current == Some(c)>{label}</option> }
                        .into_any(),
                );
            }
            v.collect_view()
        };
        view! {
            <div class="field">
                <label for=sel_id.clone()>{col.label}</label>
                <select
                    id=sel_id
                    on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<usize>().ok();
                        let mut source = mapping.get_untracked().source;
                        source[g] = v;
                        chosen.set(Some(source));
                    }
                >
                    {options}
                </select>
            </div>
        }
    };

    // One cell of the preview: the pasted text, or a field to correct it when it cannot be
    // read (or was corrected).
    let preview_cell = move |d: usize, g: usize| {
        let key = columns[g].key;
        let row_index = move || first_data() + d;
        let problem = Memo::new(move |_| {
            problems.with(|p| {
                p.get(d)
                    .and_then(|cells| cells.iter().find(|(k, _)| *k == key))
                    .map(|(_, why)| why.clone())
            })
        });
        let source = Memo::new(move |_| mapping.with(|m| m.source.get(g).copied().flatten()));
        let editable = Memo::new(move |_| {
            problem.with(Option::is_some)
                || source
                    .get()
                    .is_some_and(|c| corrected.with(|m| m.contains_key(&(row_index(), c))))
        });
        move || {
            let Some(c) = source.get() else {
                return view! { <td class="cell-skipped">"—"</td> }.into_any();
            };
            let value = pasted.with_untracked(|p| {
                p.rows
                    .get(row_index())
                    .and_then(|r| r.cells.get(c))
                    .cloned()
                    .unwrap_or_default()
            });
            if !editable.get() {
                return view! { <td>{value}</td> }.into_any();
            }
            let cell_id = idf(&format!("cell-{d}-{g}"));
            let why_id = format!("{cell_id}-why");
            let line = pasted.with_untracked(|p| p.rows.get(row_index()).map_or(0, |r| r.line));
            view! {
                <td class="cell-edit" class:cell-bad=move || problem.with(Option::is_some)>
                    <label class="visually-hidden" for=cell_id.clone()>
                        {format!("Wiersz {line}, {}", columns[g].label)}
                    </label>
                    <input
                        id=cell_id
                        type="text"
                        value=value
                        aria-invalid=move || problem.with(Option::is_some).then_some("true")
                        aria-describedby=why_id.clone()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            corrected.update(|m| {
                                m.insert((row_index(), c), v);
                            });
                        }
                    />
                    <span class="cell-why" id=why_id>
                        {move || problem.get().unwrap_or_else(|| "poprawiono".into())}
                    </span>
                </td>
            }
            .into_any()
        }
    };

    let preview = move || {
        let gen = generation.get();
        let n = data_rows().min(PREVIEW_ROWS);
        let more = data_rows().saturating_sub(PREVIEW_ROWS);
        (n > 0).then(|| {
            let heads = columns
                .iter()
                .map(|c| view! { <th scope="col">{c.label}</th> })
                .collect_view();
            view! {
                <div class="grid-scroll" role="region" aria-labelledby=idf("preview-caption") tabindex="0">
                    <table class="grid-table paste-preview">
                        <caption id=idf("preview-caption")>"Podgląd wierszy do wstawienia"</caption>
                        <thead><tr><th scope="col">"Wiersz"</th>{heads}</tr></thead>
                        <tbody>
                            <For
                                each=move || (0..n).map(move |d| (gen, d))
                                key=|k| *k
                                children=move |(_, d)| {
                                    let line = pasted.with_untracked(|p| p.rows.get(first.get_untracked() + d).map_or(0, |r| r.line));
                                    let cells = (0..columns.len()).map(|g| preview_cell(d, g)).collect_view();
                                    view! { <tr><th scope="row">{line}</th>{cells}</tr> }
                                }
                            />
                        </tbody>
                    </table>
                </div>
                {(more > 0).then(|| view! {
                    <p class="hint">{format!("Podgląd pokazuje pierwsze {PREVIEW_ROWS} wierszy; pozostałe ({more}) zostaną wstawione tak samo.")}</p>
                })}
            }
        })
    };

    let title_id = idf("title");
    let h2_id = title_id.clone();
    view! {
        <button type="button" id=idf("open") aria-haspopup="dialog" on:click=show>
            "Wklej z arkusza"
        </button>
        <dialog
            node_ref=dialog
            id=idf("dialog")
            class="paste-dialog"
            aria-labelledby=title_id.clone()
            on:close=move |_| {
                if open.get_untracked() {
                    close();
                    crate::app::state::focus_later(vec![idf("open")]);
                }
            }
        >
            <Show when=move || open.get()>
                <h2 id=h2_id.clone()>{format!("Wklej z arkusza: {what}")}</h2>
                <p class="hint">
                    "Zaznacz komórki w Excelu, LibreOffice Calc lub Arkuszach Google (najlepiej z wierszem nagłówków), skopiuj je (Ctrl+C) i wklej poniżej. Nic nie zostanie zapisane przed „Wstaw”."
                </p>
                <div class="field">
                    <label for=idf("text")>"Dane z arkusza"</label>
                    <textarea
                        id=idf("text")
                        rows="6"
                        spellcheck="false"
                        aria-describedby=idf("summary")
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            chosen.set(None);
                            corrected.set(HashMap::new());
                            generation.update(|g| *g += 1);
                        }
                    ></textarea>
                </div>
                <p id=idf("summary") role="status" data-testid="paste-summary">{summary}</p>
                <ul class="paste-notes">{notes}</ul>
                {move || (data_rows() > 0).then(|| view! {
                    <fieldset>
                        <legend>"Z której kolumny arkusza brać wartości"</legend>
                        <div class="grid">{(0..columns.len()).map(column_choice).collect_view()}</div>
                    </fieldset>
                })}
                {preview}
                {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
                <fieldset>
                    <legend>"Jak wstawić"</legend>
                    <div class="check">
                        <input type="radio" id=idf("add") name=idf("mode") prop:checked=move || !replace.get() on:change=move |_| replace.set(false) />
                        <label for=idf("add")>"Dodaj do wierszy tabeli"</label>
                    </div>
                    <div class="check">
                        <input type="radio" id=idf("replace") name=idf("mode") prop:checked=move || replace.get() on:change=move |_| replace.set(true) />
                        <label for=idf("replace")>"Zastąp wszystkie wiersze tabeli"</label>
                    </div>
                </fieldset>
                <div class="button-row">
                    <button type="button" class="primary" id=idf("insert") on:click=insert aria-disabled=move || (data_rows() == 0).then_some("true")>
                        "Wstaw"
                    </button>
                    <button type="button" on:click=cancel>"Anuluj"</button>
                </div>
            </Show>
        </dialog>
    }
}
