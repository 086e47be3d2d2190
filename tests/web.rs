//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts in a real page, and the
//! storage adapter behaves in real localStorage (round trip, quota, corrupt and newer entries,
//! stale revisions, backups, delete and undo), and the import pipeline's plan, apply and undo.
#![cfg(target_arch = "wasm32")]

use raport_gp::app::bridge;
use raport_gp::app::storage::{self, StorageError, Store};
use raport_gp::domain::model::{Id, Report};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn report(id: &str, gmina: &str) -> Report {
    let mut r = Report::new(Id::new(id), 2025);
    r.gmina.name = gmina.into();
    r
}

/// Removes every key of this app and any junk a test left.
fn clear() {
    local().clear().unwrap();
}

/// The other tests' reports have durable copies too (every create and import makes one): puts
/// them back and deletes them through the app, then clears localStorage.
async fn forget_durable_copies() {
    let _ = raport_gp::app::durable::recover().await;
    let store = Store::open().unwrap();
    for id in store.index().keys() {
        store.delete(id).unwrap();
    }
    clear();
}

/// Waits `ms` milliseconds.
async fn sleep(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_report_created_or_imported_has_a_durable_copy_before_any_edit() {
    use raport_gp::app::durable;
    forget_durable_copies().await;
    let store = Store::open().unwrap();
    store
        .create("new-1", &bridge::to_json(&report("new-1", "Nowa")))
        .unwrap();
    store
        .put(
            "imp-1",
            &bridge::to_json(&report("imp-1", "Z pliku")),
            storage::Meta::default(),
        )
        .unwrap();
    sleep(200).await;
    // As after a browser killed before Chromium wrote localStorage to disk.
    clear();
    let mut recovered = durable::recover().await;
    recovered.sort();
    assert_eq!(recovered, vec!["imp-1".to_string(), "new-1".to_string()]);
    assert_eq!(store.load("imp-1").unwrap().0.gmina.name, "Z pliku");
    forget_durable_copies().await;
}

/// Waits a little (the app mounts after its durable-copy recovery, a few IndexedDB reads).
async fn settle() {
    for _ in 0..100 {
        if document().query_selector("main#tresc").unwrap().is_some() {
            return;
        }
        sleep(20).await;
    }
}

#[wasm_bindgen_test]
async fn app_shell_mounts_with_header_navigation_and_main() {
    raport_gp::app::start();
    settle().await;
    let doc = document();
    let main = doc.query_selector("main#tresc").unwrap();
    assert!(main.is_some(), "the main region is rendered");
    let nav = doc.query_selector("nav[aria-label]").unwrap();
    assert!(nav.is_some(), "the navigation region is rendered");
    let version = doc
        .query_selector("[data-testid=app-version]")
        .unwrap()
        .expect("the version is shown");
    assert!(version
        .text_content()
        .unwrap()
        .contains(raport_gp::APP_VERSION));
}

#[wasm_bindgen_test]
fn a_report_round_trips_through_local_storage_under_a_namespaced_versioned_key() {
    clear();
    let store = Store::open().unwrap();
    let r = report("rt-1", "Kalisz");
    let meta = store.create("rt-1", &bridge::to_json(&r)).unwrap();
    assert_eq!(meta.rev, 1);
    assert!(local()
        .get_item("raport-gp/v1/report/rt-1")
        .unwrap()
        .is_some());
    let (loaded, meta) = store.load("rt-1").unwrap();
    assert_eq!(loaded, r);
    assert_eq!(meta.rev, 1);

    let mut changed = r.clone();
    changed.conclusions = "Wnioski".into();
    let meta = store
        .save("rt-1", &bridge::to_json(&changed), meta.rev, None)
        .unwrap();
    assert_eq!(meta.rev, 2);
    assert_eq!(store.load("rt-1").unwrap().0, changed);
    assert_eq!(store.list().len(), 1);
    clear();
}

#[wasm_bindgen_test]
fn a_full_storage_gives_quota_exceeded_and_leaves_the_stored_report_as_it_was() {
    clear();
    let store = Store::open().unwrap();
    let r = report("q-1", "Pełna");
    let first = bridge::to_json(&r);
    let meta = store.create("q-1", &first).unwrap();

    // Fill the quota with junk, halving the chunk until nothing more fits.
    let mut chunk = "x".repeat(512 * 1024);
    let mut i = 0;
    while !chunk.is_empty() {
        if local().set_item(&format!("junk-{i}"), &chunk).is_err() {
            chunk.truncate(chunk.len() / 2);
        }
        i += 1;
    }

    let mut bigger = r.clone();
    bigger.introduction = "y".repeat(10_000);
    let err = store
        .save("q-1", &bridge::to_json(&bigger), meta.rev, None)
        .unwrap_err();
    assert_eq!(err, StorageError::QuotaExceeded);
    assert!(err.advice().contains("Pobierz kopię JSON"));
    assert_eq!(
        local()
            .get_item("raport-gp/v1/report/q-1")
            .unwrap()
            .unwrap(),
        first,
        "the stored text is untouched"
    );
    assert_eq!(store.meta("q-1").rev, 1, "the revision did not move");
    clear();
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_reported_with_its_raw_text_and_never_overwritten() {
    clear();
    let raw = "{\"format\": \"raport-gp\", \"schema_version\": 1, \"report\": {";
    local().set_item("raport-gp/v1/report/bad", raw).unwrap();
    let store = Store::open().unwrap();
    match store.load("bad") {
        Err(StorageError::Corrupt { raw: kept, key, .. }) => {
            assert_eq!(kept, raw);
            assert_eq!(key, "raport-gp/v1/report/bad");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    let listed = store.list();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].report.is_err());

    let err = store
        .save(
            "bad",
            &bridge::to_json(&report("bad", "Nadpisana")),
            0,
            None,
        )
        .unwrap_err();
    assert!(matches!(err, StorageError::Corrupt { .. }));
    assert_eq!(
        local()
            .get_item("raport-gp/v1/report/bad")
            .unwrap()
            .unwrap(),
        raw
    );
    clear();
}

#[wasm_bindgen_test]
fn an_entry_from_a_newer_app_version_is_refused_not_guessed() {
    clear();
    let newer = r#"{"format":"raport-gp","schema_version":99,"app_version":"9.0.0","saved_at":"2030-01-01T00:00:00Z","report":{}}"#;
    local().set_item("raport-gp/v1/report/new", newer).unwrap();
    let store = Store::open().unwrap();
    match store.load("new") {
        Err(e @ StorageError::NewerVersion { .. }) => {
            assert_eq!(e.raw(), Some(newer));
            assert_eq!(e.title(), "Raport zapisała nowsza wersja aplikacji");
        }
        other => panic!("expected NewerVersion, got {other:?}"),
    }
    let err = store
        .save("new", &bridge::to_json(&report("new", "X")), 0, None)
        .unwrap_err();
    assert!(matches!(err, StorageError::NewerVersion { .. }));
    assert_eq!(
        local()
            .get_item("raport-gp/v1/report/new")
            .unwrap()
            .unwrap(),
        newer
    );
    clear();
}

#[wasm_bindgen_test]
fn a_save_from_a_stale_revision_is_refused_as_a_conflict() {
    clear();
    let store = Store::open().unwrap();
    let r = report("c-1", "Dwie karty");
    let base = store.create("c-1", &bridge::to_json(&r)).unwrap().rev;
    // Tab A saves first.
    let mut a = r.clone();
    a.conclusions = "z karty A".into();
    store.save("c-1", &bridge::to_json(&a), base, None).unwrap();
    // Tab B still holds the old revision.
    let mut b = r.clone();
    b.conclusions = "z karty B".into();
    assert_eq!(
        store.save("c-1", &bridge::to_json(&b), base, None),
        Err(StorageError::Conflict)
    );
    assert_eq!(store.load("c-1").unwrap().0.conclusions, "z karty A");
    clear();
}

#[wasm_bindgen_test]
fn backups_are_kept_by_the_retention_rule_and_skip_identical_versions() {
    clear();
    let store = Store::open().unwrap();
    let now = storage::now_ms() as i64;
    for i in 0..14 {
        let mut r = report("b-1", "Kopie");
        r.conclusions = format!("wersja {i}");
        store
            .push_backup("b-1", &bridge::to_json(&r), now - (14 - i) * 60_000)
            .unwrap();
    }
    let backups = store.backups("b-1");
    assert!(
        backups.len() <= 10,
        "retention keeps at most 10, got {}",
        backups.len()
    );
    assert!(backups.len() >= 5, "the newest five are kept");
    assert!(
        backups.windows(2).all(|w| w[0].saved_at >= w[1].saved_at),
        "newest first"
    );
    let newest = store.backup_text("b-1", backups[0].saved_at).unwrap();
    store.push_backup("b-1", &newest, now).unwrap();
    assert_eq!(
        store.backups("b-1").len(),
        backups.len(),
        "an identical version is not repeated"
    );
    assert!(
        bridge::read_file(&newest).is_ok(),
        "a backup is a readable report file"
    );
    clear();
}

#[wasm_bindgen_test]
fn a_deleted_report_and_its_backups_come_back_with_undelete() {
    clear();
    let store = Store::open().unwrap();
    let text = bridge::to_json(&report("d-1", "Usuwana"));
    store.create("d-1", &text).unwrap();
    store.push_backup("d-1", &text, 1_000).unwrap();
    let removed = store.delete("d-1").unwrap();
    assert!(store.list().is_empty());
    assert!(store.backups("d-1").is_empty());
    store.undelete(&removed).unwrap();
    assert_eq!(store.load("d-1").unwrap().0.gmina.name, "Usuwana");
    assert_eq!(store.backups("d-1").len(), 1);
    clear();
}

#[wasm_bindgen_test]
fn finding_paths_map_to_element_ids_and_sections() {
    use raport_gp::app::paths::{dom_id_for_path, focus_candidates, section_for_path, SectionKey};
    use raport_gp::domain::model::{Activity, Indicator, TaskGap, TaskId};
    let mut r = report("p-1", "Ścieżki");
    r.activities.push(Activity {
        id: Id::new("act-7"),
        tasks: vec![TaskId::new("drugs.3"), TaskId::new("alcohol.1")],
        indicators: vec![Indicator {
            id: Id::new("ind-2"),
            ..Default::default()
        }],
        ..Default::default()
    });
    r.task_gaps.push(TaskGap {
        task: TaskId::new("alcohol.5"),
        ..Default::default()
    });
    assert_eq!(
        dom_id_for_path("activities[0].cost.executed", &r),
        "f-activities-act_7-cost-executed"
    );
    assert_eq!(
        dom_id_for_path("activities[0].indicators[0].achieved", &r),
        "f-activities-act_7-indicators-ind_2-achieved"
    );
    assert_eq!(
        dom_id_for_path("activities[0].tasks[1]", &r),
        "f-activities-act_7-tasks-alcohol_1"
    );
    assert_eq!(
        section_for_path("activities[0].title", &r),
        SectionKey::Task(TaskId::new("drugs.3"))
    );
    assert_eq!(
        section_for_path("tasks.drugs.3", &r),
        SectionKey::Task(TaskId::new("drugs.3"))
    );
    assert_eq!(
        dom_id_for_path("tasks.drugs.3", &r),
        "f-task_gaps-drugs_3-reason"
    );
    assert_eq!(
        dom_id_for_path("task_gaps[0].task", &r),
        "f-task_gaps-alcohol_5-reason"
    );
    assert_eq!(
        section_for_path("budget.lines[2].executed", &r),
        SectionKey::Budget
    );
    assert_eq!(section_for_path("prepared_on", &r), SectionKey::Program);
    assert_eq!(
        focus_candidates("f-activities-act_7-cost-executed"),
        vec![
            "f-activities-act_7-cost-executed",
            "f-activities-act_7-cost",
            "f-activities-act_7",
            "f-activities",
        ]
    );
}

#[wasm_bindgen_test]
fn file_names_use_an_ascii_slug_of_the_gmina_with_polish_letters_transliterated() {
    use raport_gp::app::files::{report_file_name, slug};
    assert_eq!(slug("Żółć Gęślą  Jaźń (Łąki)"), "zolc-gesla-jazn-laki");
    assert_eq!(slug("Kalisz"), "kalisz");
    assert_eq!(slug("  "), "");
    let mut r = report("x", "Bielsko-Biała");
    r.year = 2024;
    assert_eq!(
        report_file_name(&r, "json"),
        "raport-bielsko-biala-2024.json"
    );
    r.gmina.name.clear();
    assert_eq!(report_file_name(&r, "html"), "raport-2024.html");
}

#[wasm_bindgen_test]
fn an_import_plan_writes_nothing_and_tells_which_report_it_replaces() {
    use raport_gp::app::import::{plan, Change};
    clear();
    let store = Store::open().unwrap();
    store
        .create("imp-1", &bridge::to_json(&report("imp-1", "Stara")))
        .unwrap();
    let before: Vec<_> = store.keys_with_prefix("");
    let file = bridge::backup_json(&[report("imp-1", "Nowa"), report("imp-2", "Druga")]);
    let p = plan("kopia.json", &file).unwrap();
    assert_eq!(p.items.len(), 2);
    assert!(matches!(&p.items[0].change, Change::Replaces { label, .. } if label == "Stara 2025"));
    assert_eq!(p.items[1].change, Change::New);
    assert_eq!(
        store.keys_with_prefix(""),
        before,
        "nothing written by the plan"
    );
    assert_eq!(store.load("imp-1").unwrap().0.gmina.name, "Stara");
    clear();
}

#[wasm_bindgen_test]
fn undoing_an_import_restores_replaced_reports_exactly_and_removes_added_ones() {
    use raport_gp::app::import::{apply, plan, undo};
    clear();
    let store = Store::open().unwrap();
    let old_text = bridge::to_json(&report("u-1", "Przed"));
    store.create("u-1", &old_text).unwrap();
    let file = bridge::backup_json(&[report("u-1", "Po"), report("u-2", "Nowy")]);
    let log = apply(&plan("kopia.json", &file).unwrap()).unwrap();
    assert_eq!(log.replaced.len(), 1);
    assert_eq!(log.added, vec!["u-2".to_string()]);
    assert_eq!(store.load("u-1").unwrap().0.gmina.name, "Po");
    assert!(store.exists("u-2"));
    // The replaced version is also kept as a rolling backup.
    assert!(store
        .backup_texts("u-1")
        .iter()
        .any(|(_, t)| t.as_deref() == Ok(old_text.as_str())));

    let kept = undo(&log).unwrap();
    assert!(kept.is_empty());
    assert_eq!(
        store.get(&storage::report_key("u-1")).unwrap().unwrap(),
        old_text
    );
    assert!(!store.exists("u-2"));
    clear();
}

#[wasm_bindgen_test]
fn an_import_never_writes_over_an_unreadable_stored_entry() {
    use raport_gp::app::import::{apply, plan, Change};
    clear();
    local()
        .set_item(&storage::report_key("bad-1"), "{ zepsute")
        .unwrap();
    let p = plan("r.json", &bridge::to_json(&report("bad-1", "Z pliku"))).unwrap();
    assert!(matches!(&p.items[0].change, Change::BesideUnreadable { old_id } if old_id == "bad-1"));
    assert_ne!(p.items[0].report.id.as_str(), "bad-1");
    apply(&p).unwrap();
    assert_eq!(
        local()
            .get_item(&storage::report_key("bad-1"))
            .unwrap()
            .unwrap(),
        "{ zepsute"
    );
    clear();
}

#[wasm_bindgen_test]
async fn a_durable_copy_newer_than_local_storage_is_put_back_at_start() {
    use raport_gp::app::durable;
    forget_durable_copies().await;
    let store = Store::open().unwrap();
    let r = report("dur-1", "Kalisz");
    store.create("dur-1", &bridge::to_json(&r)).unwrap();
    // A later save reached IndexedDB, but (as after a killed browser) not localStorage.
    let mut newer = r.clone();
    newer.introduction = "zapisane tuż przed awarią".into();
    durable::put("dur-1", &bridge::to_json(&newer), 5);
    sleep(200).await;
    let recovered = durable::recover().await;
    assert_eq!(recovered, vec!["dur-1".to_string()]);
    let (back, meta) = store.load("dur-1").unwrap();
    assert_eq!(back.introduction, "zapisane tuż przed awarią");
    assert_eq!(meta.rev, 5);
    // An older copy never replaces what localStorage holds.
    durable::put("dur-1", &bridge::to_json(&r), 2);
    sleep(200).await;
    assert!(durable::recover().await.is_empty());
    assert_eq!(
        store.load("dur-1").unwrap().0.introduction,
        "zapisane tuż przed awarią"
    );
    durable::delete("dur-1");
}
