//! Gathering the realizers' reports. In a report, "Sprawozdania realizatorów": the partners of
//! the register with what was asked and returned, "Poproś o sprawozdanie" (a request file per
//! partner, and the realizer's instruction), and the merge preview of contribution files with
//! "Scal" (one "Cofnij" takes the whole merge back). In a realizer's workspace, "Sprawozdanie
//! dla gminy": the request answered and "Zapisz sprawozdanie dla gminy".
//!
//! Invariants: nothing is written into the report before "Scal"; a merge is computed against the
//! report as it is now (the preview follows edits made meanwhile); files are read through the
//! same reader as every import.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::SectionFrame;
use crate::app::bridge;
use crate::app::components::*;
use crate::app::files::{gmina_year, read_text, short_slug};
use crate::app::import::{self, Read};
use crate::app::paths::SectionKey;
use crate::app::state::{focus_later, plural, AppState, Editor, ListFocus, PendingMerge, Screen};
use crate::app::storage::{self, Store};
use crate::domain::format::{ContributionFile, RequestFile};
use crate::domain::gather::{self, Contribution, Coordinator, ItemKind};
use crate::domain::model::{Date, Id};
use crate::domain::render;

const MERGE_INPUT: &str = "contribution-files";

/// Today in the browser's time zone.
fn today() -> Option<Date> {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// The address of this app (for the realizer's instruction): the page without its fragment.
fn app_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Puts contribution files into the merge of the report each answers and opens the first one's
/// report at "Sprawozdania realizatorów". Returns a Polish message per file that could not be
/// placed (its report is not stored in this browser).
pub fn route_merges(app: AppState, ed: Editor, files: Vec<(String, Contribution)>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut target: Option<String> = None;
    let store = Store::open().ok();
    for (file_name, contribution) in files {
        let id = contribution.request.report_id.0.clone();
        let open_here = ed.open_id.get_untracked().as_deref() == Some(id.as_str());
        if !open_here && !store.as_ref().is_some_and(|s| s.exists(&id)) {
            problems.push(format!(
                "Nie scalono pliku „{file_name}”: to sprawozdanie ({}) odpowiada na prośbę z raportu gminy {} za {} r., którego nie ma w tej przeglądarce. Zaimportuj plik w przeglądarce, w której przygotowujesz ten raport.",
                contribution.request.partner.name, contribution.request.gmina.name, contribution.request.year
            ));
            continue;
        }
        let dup = app
            .merges
            .with_untracked(|m| m.iter().any(|p| p.contribution == contribution));
        if !dup {
            let key = js_sys::Date::now() as u64 + app.merges.with_untracked(Vec::len) as u64;
            app.merges.update(|m| {
                m.push(PendingMerge {
                    key,
                    file_name,
                    contribution,
                })
            });
        }
        target.get_or_insert(id);
    }
    if let Some(id) = target {
        if ed.open_id.get_untracked().as_deref() != Some(id.as_str()) {
            match Store::open().and_then(|s| s.open_entry(&id)) {
                Ok(opened) => {
                    if ed.open_id.get_untracked().is_some() {
                        ed.close();
                    }
                    ed.open_stored(opened);
                }
                Err(e) => {
                    problems.push(format!("{} {}", e.title(), e.advice()));
                    return problems;
                }
            }
        }
        ed.section.set(SectionKey::Gathering);
        app.screen.set(Screen::Editor);
        focus_later(vec!["merge-title-0".into(), "section-title".into()]);
    }
    problems
}

/// Reads chosen or dropped files: contributions go to their merge, a report, backup or request
/// file to the import preview (`on_plan`); the messages of what could not be read.
pub fn take_files(
    app: AppState,
    ed: Editor,
    files: Vec<web_sys::File>,
    on_plan: Option<Callback<import::Plan>>,
    on_problems: Callback<Vec<String>>,
) {
    leptos::task::spawn_local(async move {
        let mut problems = Vec::new();
        let mut merges = Vec::new();
        let mut planned = false;
        for file in files {
            let name = file.name();
            let read = match read_text(&file).await {
                Ok(text) => import::read(&name, &text),
                Err(f) => Err(f.message),
            };
            match read {
                Ok(Read::Contribution(c)) => merges.push((name, *c)),
                Ok(Read::Plan(mut p)) => match on_plan {
                    Some(cb) if !planned => {
                        planned = true;
                        import::check(&mut p).await;
                        cb.run(p);
                    }
                    Some(_) => problems.push(format!(
                        "Pominięto plik „{name}”: raporty importuje się po jednym pliku naraz."
                    )),
                    None => problems.push(format!(
                        "Plik „{name}” nie jest sprawozdaniem realizatora (raporty i prośby importuje się na liście raportów: „Importuj plik JSON”)."
                    )),
                },
                Err(m) => problems.push(format!("Nie zaimportowano pliku „{name}”: {m}")),
            }
        }
        if !merges.is_empty() {
            problems.extend(route_merges(app, ed, merges));
        }
        on_problems.run(problems);
    });
}

/// The files of a file input or a drop.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

// ---------------------------------------------------------------------------------------------
// The coordinator's view
// ---------------------------------------------------------------------------------------------

/// "Sprawozdania realizatorów".
#[component]
pub fn GatheringSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let app = expect_context::<AppState>();
    let h = ed.head;
    let last = h.with_untracked(|r| {
        r.requests
            .iter()
            .rev()
            .find(|q| !q.coordinator.is_empty())
            .map(|q| q.coordinator.clone())
    });
    let name = RwSignal::new(
        last.as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_else(|| h.with_untracked(|r| r.prepared_by.clone())),
    );
    let contact = RwSignal::new(last.map(|c| c.contact).unwrap_or_default());
    let deadline =
        RwSignal::new(today().and_then(|t| Date::from_days_since_epoch(t.days_since_epoch() + 21)));
    let status = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let chosen_count = RwSignal::new(0usize);

    let ask = move |ids: Vec<Id>| {
        let coordinator = Coordinator {
            name: name.get_untracked().trim().to_string(),
            contact: contact.get_untracked().trim().to_string(),
            ..Coordinator::default()
        };
        let report = ed.snapshot_untracked();
        let mut asked = Vec::new();
        let mut failed = Vec::new();
        for id in &ids {
            let Some(req) = gather::request(
                &report,
                id,
                coordinator.clone(),
                today(),
                deadline.get_untracked(),
            ) else {
                continue;
            };
            let file = format!(
                "prosba-{}-{}.json",
                short_slug(&req.partner.name),
                gmina_year(&report)
            );
            let text =
                RequestFile::new(req.clone(), crate::APP_VERSION, &bridge::now_rfc3339()).to_json();
            match storage::download(&file, &text, "application/json") {
                Ok(()) => asked.push(req),
                Err(e) => failed.push(format!("{}: {e}", req.partner.name)),
            }
        }
        if !asked.is_empty() {
            h.update(|r| asked.iter().for_each(|q| gather::record_request(r, q)));
        }
        let mut m = match asked.len() {
            0 => "Nie utworzono żadnej prośby.".to_string(),
            n => format!(
                "Pobrano {} o sprawozdanie ({}). Wyślij każdy plik e-mailem jego realizatorowi razem z instrukcją.",
                plural(n, "prośbę", "prośby", "próśb"),
                asked.iter().map(|q| q.partner.name.clone()).collect::<Vec<_>>().join(", ")
            ),
        };
        if !failed.is_empty() {
            m.push_str(&format!(" Nie pobrano: {}.", failed.join("; ")));
        }
        status.set(m);
        chosen_count.set(0);
    };
    let instruction = move |_| {
        let report = ed.snapshot_untracked();
        let coordinator = Coordinator {
            name: name.get_untracked(),
            contact: contact.get_untracked(),
            ..Coordinator::default()
        };
        let req = gather::Request {
            year: report.year,
            gmina: report.gmina.clone(),
            coordinator,
            deadline: deadline.get_untracked(),
            ..Default::default()
        };
        let html = render::instruction_html(&req, &app_url());
        let file = format!("instrukcja-dla-realizatora-{}.html", gmina_year(&report));
        status.set(match storage::download(&file, &html, "text/html") {
            Ok(()) => format!("Pobrano instrukcję dla realizatora ({file}): wydrukuj ją albo dołącz do e-maila z prośbą."),
            Err(e) => format!("Nie pobrano instrukcji: {e}"),
        });
    };
    let take = move |files: Vec<web_sys::File>| {
        take_files(
            app,
            ed,
            files,
            None,
            Callback::new(move |p| problems.set(p)),
        );
    };
    let on_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = files_of(input.files());
        input.set_value("");
        take(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        take(files_of(ev.data_transfer().and_then(|d| d.files())));
    };

    // The register is static markup (`render::register_html`): its buttons are handled here by
    // their `data-` attributes and its checkboxes read when asked.
    let register = move || h.with(|r| render::register_html(r, today()));
    let partner_at = move |attr: Option<String>| {
        let i: usize = attr?.parse().ok()?;
        h.with_untracked(|r| r.partners.get(i).map(|p| (i, p.id.clone())))
    };
    let chosen = move || {
        h.with_untracked(|r| {
            r.partners
                .iter()
                .enumerate()
                .filter(|(i, _)| checked(&render::ask_box_id(*i)))
                .map(|(_, p)| p.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let on_register_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button").ok().flatten())
        else {
            return;
        };
        if let Some((i, id)) = partner_at(button.get_attribute("data-ask")) {
            ask(vec![id]);
            focus_later(vec![format!("ask-btn-{i}")]);
        } else if let Some((_, id)) = partner_at(button.get_attribute("data-again")) {
            let again = h.with_untracked(|r| {
                r.requests
                    .iter()
                    .find(|q| q.partner == id)
                    .and_then(|q| gather::received_again(r, q))
                    .map(|c| {
                        (
                            r.partner(&id).map(|p| p.name.clone()).unwrap_or_default(),
                            c,
                        )
                    })
            });
            if let Some((name, c)) = again {
                let _ = route_merges(app, ed, vec![(format!("ostatnie sprawozdanie: {name}"), c)]);
            }
        }
    };
    let merges = move || {
        let open = ed.open_id.get().unwrap_or_default();
        app.merges
            .get()
            .into_iter()
            .filter(|m| m.contribution.request.report_id.as_str() == open)
            .enumerate()
            .map(|(n, m)| view! { <MergePanel pending=m n=n /> })
            .collect_view()
    };
    view! {
        <SectionFrame
            title="Sprawozdania realizatorów"
            intro="Poproś partnerów z rejestru o sprawozdania: każdy dostaje plik z prośbą i instrukcję, wypełnia go w tej samej aplikacji u siebie i odsyła plik sprawozdania. Odesłane pliki wczytasz tutaj — przed scaleniem zobaczysz każdą zmianę."
        >
            {merges}
            <h3 id="gather-ask-title">"Poproś o sprawozdanie"</h3>
            <div class="grid">
                <TextField id="gather-coordinator" label="Koordynator (kto prosi)" value=Signal::derive(move || name.get()) on_input=Callback::new(move |v| name.set(v)) />
                <TextField id="gather-contact" label="Adres e-mail lub telefon do odesłania" value=Signal::derive(move || contact.get()) on_input=Callback::new(move |v| contact.set(v)) />
                <DateField id="gather-deadline" label="Termin odesłania" value=Signal::derive(move || deadline.get()) on_change=Callback::new(move |v| deadline.set(v)) />
            </div>
            <div
                class="table-scroll"
                inner_html=register
                on:click=on_register_click
                on:change=move |_| chosen_count.set(chosen().len())
            ></div>
            <div class="button-row">
                <button
                    type="button"
                    class="primary"
                    disabled=move || chosen_count.get() == 0
                    on:click=move |_| ask(chosen())
                >
                    {move || format!("Poproś o sprawozdanie zaznaczonych ({})", chosen_count.get())}
                </button>
                <button type="button" on:click=instruction>"Pobierz instrukcję dla realizatora"</button>
            </div>
            <p role="status" class="gather-status">{move || status.get()}</p>
            <h3 id="gather-merge-title">"Wczytaj odesłane sprawozdania"</h3>
            <div
                class="drop-zone"
                role="group"
                aria-labelledby="gather-merge-title"
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop
            >
                <p class="hint" id="gather-merge-hint">"Wybierz albo upuść tutaj jeden lub kilka plików sprawozdań (JSON) — każdy otworzy podgląd scalania."</p>
                <span class="file-button">
                    <label for=MERGE_INPUT>"Wczytaj sprawozdania realizatorów"</label>
                    <input id=MERGE_INPUT type="file" multiple accept=".json,application/json" aria-describedby="gather-merge-hint" on:change=on_files />
                </span>
            </div>
            <div role="alert" class="field-error" hidden=move || problems.with(Vec::is_empty)>
                {move || problems.get().into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
        </SectionFrame>
    }
}

/// Whether the checkbox or radio with this element id is checked.
fn checked(id: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|e| e.checked())
}

/// The merge preview of one contribution file: its items are static markup
/// (`render::merge_preview_html`), whose controls are read when "Scal" is pressed.
#[component]
fn MergePanel(pending: PendingMerge, n: usize) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let app = expect_context::<AppState>();
    let key = pending.key;
    let again = pending.file_name.starts_with("ostatnie sprawozdanie");
    let c = StoredValue::new(pending.contribution);
    let plan = Memo::new(move |_| {
        let report = ed.snapshot();
        c.with_value(|c| gather::preview_with(&report, c, again))
    });
    let title_id = format!("merge-title-{n}");
    let drop = move || app.merges.update(|m| m.retain(|p| p.key != key));
    let merge = move |_| {
        let Ok(p) = plan.get_untracked() else {
            return;
        };
        let mut choices = gather::default_choices(&p);
        for (i, (item, choice)) in p.items.iter().zip(choices.iter_mut()).enumerate() {
            if item.kind == ItemKind::Unchanged {
                continue;
            }
            choice.accept = checked(&render::merge_accept_id(n, i));
            for (k, t) in choice.take_theirs.iter_mut().enumerate() {
                *t = checked(&render::merge_theirs_id(n, i, k));
            }
        }
        let (out, summary) = gather::apply(&ed.snapshot_untracked(), &p, &choices, today());
        let message = format!(
            "{} Sprawozdanie: {}.",
            gather::summary_text(&summary),
            p.partner.name
        );
        drop();
        ed.replace_report(
            out,
            message,
            ListFocus {
                now: None,
                undone: "section-title".into(),
            },
        );
    };
    let file_name = pending.file_name;
    let title = move || match plan.get() {
        Ok(p) => format!("Scalanie: {} — plik „{}”", p.partner.name, file_name),
        Err(_) => format!("Plik „{file_name}” — nie można scalić"),
    };
    let body = move || {
        plan.with(|p| {
            p.as_ref()
                .map(|p| render::merge_preview_html(p, n))
                .unwrap_or_default()
        })
    };
    let refusal = move || plan.with(|p| p.as_ref().err().map(|r| r.0.clone()));
    let ok = move || plan.with(Result::is_ok);
    let labelled = title_id.clone();
    view! {
        <section class="merge" aria-labelledby=labelled>
            <h3 id=title_id tabindex="-1">{title}</h3>
            {move || refusal().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div inner_html=body></div>
            <div class="button-row">
                <button type="button" class="primary" hidden=move || !ok() on:click=merge>"Scal"</button>
                <button type="button" on:click=move |_| drop()>{move || if ok() { "Odrzuć plik" } else { "Zamknij" }}</button>
            </div>
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// The realizer's view
// ---------------------------------------------------------------------------------------------

/// "Sprawozdanie dla gminy" in a realizer's workspace.
#[component]
pub fn ContributionSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.head;
    let status = RwSignal::new(String::new());
    // Read from the head and the count of rows: no copy of the report on every change.
    let info = move || {
        let activities = ed.rows.with(Vec::len);
        h.with(|r| {
            r.workspace
                .as_deref()
                .map(|w| render::workspace_facts_html(w, activities))
        })
    };
    let save = move |_| {
        let ws = ed.snapshot_untracked();
        let Some(c) = gather::contribution(&ws, today()) else {
            return;
        };
        let base = format!(
            "sprawozdanie-{}-{}",
            short_slug(&c.request.partner.name),
            gmina_year(&ws)
        );
        let json =
            ContributionFile::new(c.clone(), crate::APP_VERSION, &bridge::now_rfc3339()).to_json();
        let result = storage::download(&format!("{base}.json"), &json, "application/json")
            .and_then(|()| {
                storage::download(
                    &format!("{base}.html"),
                    &render::contribution_html(&c),
                    "text/html",
                )
            });
        status.set(match result {
            Ok(()) => {
                ed.record_export();
                format!("Pobrano sprawozdanie {base}.json — wyślij je e-mailem koordynatorowi — oraz kopię do druku {base}.html dla siebie.")
            }
            Err(e) => format!("Nie pobrano sprawozdania: {e}"),
        });
    };
    let (by, set_by) = (
        Signal::derive(move || h.with(|r| r.prepared_by.clone())),
        Callback::new(move |v| h.update(|r| r.prepared_by = v)),
    );
    let (notes, set_notes) = (
        Signal::derive(move || h.with(|r| r.conclusions.clone())),
        Callback::new(move |v| h.update(|r| r.conclusions = v)),
    );
    view! {
        <SectionFrame
            title="Sprawozdanie dla gminy"
            intro="Uzupełnij działania w sekcjach zadań, potem zapisz sprawozdanie i wyślij plik koordynatorowi. Dane zostają tylko w tej przeglądarce; po poprawkach zapisz i wyślij plik jeszcze raz — zastąpi poprzedni."
        >
            <div inner_html=move || info().unwrap_or_default()></div>
            <TextField id="prepared_by" label="Kto wypełnił sprawozdanie" hint="imię i nazwisko, stanowisko" value=by on_input=set_by />
            <TextField id="conclusions" label="Uwagi dla koordynatora" value=notes on_input=set_notes multiline=true />
            <div class="button-row">
                <button type="button" class="primary" on:click=save>"Zapisz sprawozdanie dla gminy"</button>
            </div>
            <p role="status">{move || status.get()}</p>
        </SectionFrame>
    }
}
