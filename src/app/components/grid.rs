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

/// What the dialog holds while it is open.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    text: String,
    /// The user's choice of pasted column per grid column (`None`: as matched).
    chosen: Option<Vec<Option<usize>>>,
    /// Corrected cells: (pasted row, pasted column) → text.
    corrected: HashMap<(usize, usize), String>,
    replace: bool,
}

/// The pasted text read as the grid would take it.
#[derive(Clone, PartialEq)]
struct Preview {
    /// With the corrections applied.
    pasted: Pasted,
    mapping: Mapping,
    problems: CellProblems,
    /// The index of the first data row among `pasted.rows`.
    first: usize,
}

impl Preview {
    fn of(d: &Draft, columns: &[Column], check: fn(&Pasted, &Mapping) -> CellProblems) -> Self {
        let mut pasted = paste::split(&d.text);
        let auto = paste::match_columns(&pasted, columns);
        let mapping = Mapping {
            source: d.chosen.clone().unwrap_or(auto.source),
            header_row: auto.header_row,
        };
        for ((r, c), v) in &d.corrected {
            if let Some(row) = pasted.rows.get_mut(*r) {
                if row.cells.len() <= *c {
                    row.cells.resize(*c + 1, String::new());
                }
                row.cells[*c] = v.clone();
            }
        }
        let problems = check(&pasted, &mapping);
        let first = mapping.header_row.map_or(0, |h| h + 1);
        Preview {
            pasted,
            mapping,
            problems,
            first,
        }
    }

    fn data_rows(&self) -> usize {
        self.pasted.rows.len().saturating_sub(self.first)
    }

    fn problem(&self, d: usize, key: &str) -> Option<String> {
        self.problems
            .get(d)
            .and_then(|cells| cells.iter().find(|(k, _)| *k == key))
            .map(|(_, why)| why.clone())
    }

    fn cell(&self, d: usize, c: usize) -> String {
        self.pasted
            .rows
            .get(self.first + d)
            .and_then(|r| r.cells.get(c))
            .cloned()
            .unwrap_or_default()
    }

    fn line(&self, d: usize) -> usize {
        self.pasted.rows.get(self.first + d).map_or(0, |r| r.line)
    }

    /// What the summary line says.
    fn summary(&self) -> String {
        if self.pasted.rows.is_empty() {
            return "Wklej tu komórki skopiowane z arkusza (Ctrl+V).".to_string();
        }
        let mut s = format!(
            "Wiersze do wstawienia: {}. {}",
            self.data_rows(),
            match self.mapping.header_row {
                Some(h) => format!(
                    "Nagłówki kolumn odczytano z wiersza {}.",
                    self.pasted.rows[h].line
                ),
                None => "Nie znaleziono wiersza z nagłówkami: kolumny przyjęto po kolei — sprawdź je poniżej.".into(),
            }
        );
        let bad: usize = self.problems.iter().map(Vec::len).sum();
        if bad > 0 {
            s.push_str(&format!(
                " Nie da się odczytać: {} — popraw je w podglądzie; niepoprawione zostaną puste.",
                crate::app::state::plural(bad, "komórka", "komórki", "komórek")
            ));
        }
        s
    }
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
    let draft = RwSignal::new(Draft::default());
    let preview = Memo::new(move |_| draft.with(|d| Preview::of(d, columns, check)));
    // The preview's table is drawn anew only when its rows or columns change, not when a cell
    // is corrected (the field being typed in stays).
    let shape = Memo::new(move |_| draft.with(|d| (d.text.clone(), d.chosen.clone())));

    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        open.set(false);
        draft.set(Draft::default());
    };
    let show = move |_| {
        open.set(true);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
        crate::app::state::focus_later(vec![idf("text")]);
    };
    let insert = move |_| {
        let (p, replace) = (preview.get_untracked(), draft.with_untracked(|d| d.replace));
        if p.data_rows() == 0 {
            return;
        }
        close();
        on_insert.run((p.pasted, p.mapping, replace));
    };
    let cancel = move |_| {
        close();
        crate::app::state::focus_later(vec![idf("open")]);
    };

    // The choice of pasted column for each grid column, and the preview table.
    let mapping_and_table = move || {
        // Read, not only tracked: a memo never read is never computed, so never changes.
        shape.with(|_| ());
        let p = preview.get_untracked();
        let n = p.data_rows();
        if n == 0 {
            return None;
        }
        let width = p.pasted.columns();
        let choices = columns
            .iter()
            .enumerate()
            .map(|(g, col)| {
                let current = p.mapping.source.get(g).copied().flatten();
                let mut options = vec![(String::new(), "— pomiń —".to_string())];
                for c in 0..width {
                    let sample = p.pasted.rows[p.mapping.header_row.unwrap_or(0)..]
                        .iter()
                        .map(|r| r.cells.get(c).map(String::as_str).unwrap_or_default())
                        .find(|t| !t.trim().is_empty())
                        .map(|t| short(t.trim(), 30))
                        .unwrap_or_default();
                    options.push((c.to_string(), format!("Kolumna {}: {sample}", column_letter(c))));
                }
                let options = options
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = v == current.map(|c| c.to_string()).unwrap_or_default();
                        view! { <option value=v selected=selected>{l}</option> }
                    })
                    .collect_view();
                let sel_id = idf(&format!("col-{}", col.key));
                view! {
                    <div class="field">
                        <label for=sel_id.clone()>{col.label}</label>
                        <select
                            id=sel_id
                            on:change=move |ev| {
                                let v = event_target_value(&ev).parse::<usize>().ok();
                                let mut source = preview.with_untracked(|p| p.mapping.source.clone());
                                source[g] = v;
                                draft.update(|d| d.chosen = Some(source));
                            }
                        >
                            {options}
                        </select>
                    </div>
                }
            })
            .collect_view();
        let heads = columns
            .iter()
            .map(|c| view! { <th scope="col">{c.label}</th> })
            .collect_view();
        let shown = n.min(PREVIEW_ROWS);
        let body = (0..shown)
            .map(|d| {
                let cells = columns
                    .iter()
                    .enumerate()
                    .map(|(g, col)| {
                        let Some(c) = p.mapping.source.get(g).copied().flatten() else {
                            return view! { <td class="cell-skipped">"—"</td> }.into_any();
                        };
                        let value = p.cell(d, c);
                        let corrected =
                            draft.with_untracked(|dr| dr.corrected.contains_key(&(p.first + d, c)));
                        if p.problem(d, col.key).is_none() && !corrected {
                            return view! { <td>{value}</td> }.into_any();
                        }
                        let key = col.key;
                        let row = p.first + d;
                        let bad = move || preview.with(|p| p.problem(d, key));
                        let cell_id = idf(&format!("cell-{d}-{g}"));
                        let why_id = format!("{cell_id}-why");
                        view! {
                            <td class="cell-edit" class:cell-bad=move || bad().is_some()>
                                <label class="visually-hidden" for=cell_id.clone()>
                                    {format!("Wiersz {}, {}", p.line(d), col.label)}
                                </label>
                                <input
                                    id=cell_id
                                    type="text"
                                    value=value
                                    aria-invalid=move || bad().map(|_| "true")
                                    aria-describedby=why_id.clone()
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        draft.update(|dr| {
                                            dr.corrected.insert((row, c), v);
                                        });
                                    }
                                />
                                <span class="cell-why" id=why_id>
                                    {move || bad().unwrap_or_else(|| "poprawiono".into())}
                                </span>
                            </td>
                        }
                        .into_any()
                    })
                    .collect_view();
                view! { <tr><th scope="row">{p.line(d)}</th>{cells}</tr> }
            })
            .collect_view();
        let more = n.saturating_sub(PREVIEW_ROWS);
        let (caption_id, region_by) = (idf("preview-caption"), idf("preview-caption"));
        Some(view! {
            <fieldset>
                <legend>"Z której kolumny arkusza brać wartości"</legend>
                <div class="grid">{choices}</div>
            </fieldset>
            <div class="grid-scroll" role="region" aria-labelledby=region_by tabindex="0">
                <table class="grid-table paste-preview">
                    <caption id=caption_id>"Podgląd wierszy do wstawienia"</caption>
                    <thead><tr><th scope="col">"Wiersz"</th>{heads}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {(more > 0).then(|| view! {
                <p class="hint">{format!("Podgląd pokazuje pierwsze {PREVIEW_ROWS} wierszy; pozostałe ({more}) zostaną wstawione tak samo.")}</p>
            })}
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
            aria-labelledby=title_id
            on:close=move |_| {
                if open.get_untracked() {
                    close();
                    crate::app::state::focus_later(vec![idf("open")]);
                }
            }
        >
            {move || open.get().then(|| view! {
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
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            draft.update(|d| {
                                d.text = text;
                                d.chosen = None;
                                d.corrected.clear();
                            });
                        }
                    ></textarea>
                </div>
                <p id=idf("summary") role="status" data-testid="paste-summary">{move || preview.with(Preview::summary)}</p>
                <ul class="paste-notes">
                    {move || preview.with(|p| p.pasted.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())}
                </ul>
                {mapping_and_table}
                {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
                <fieldset>
                    <legend>"Jak wstawić"</legend>
                    <div class="check">
                        <input type="radio" id=idf("add") name=idf("mode") checked=true on:change=move |_| draft.update(|d| d.replace = false) />
                        <label for=idf("add")>"Dodaj do wierszy tabeli"</label>
                    </div>
                    <div class="check">
                        <input type="radio" id=idf("replace") name=idf("mode") on:change=move |_| draft.update(|d| d.replace = true) />
                        <label for=idf("replace")>"Zastąp wszystkie wiersze tabeli"</label>
                    </div>
                </fieldset>
                <div class="button-row">
                    <button type="button" class="primary" id=idf("insert") on:click=insert>
                        "Wstaw"
                    </button>
                    <button type="button" on:click=cancel>"Anuluj"</button>
                </div>
            })}
        </dialog>
    }
}
