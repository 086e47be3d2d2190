#![cfg(not(target_arch = "wasm32"))]
//! Gathering the realizers' reports: the request a coordinator sends, the realizer's workspace
//! and contribution, both files' format and schemas, and the three-way merge in every case (new,
//! changed, unchanged, conflict, removed on either side, re-sent, duplicate, foreign file, unknown
//! fields), then the `raport request` and `raport merge` commands.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use raport_gp::domain::format::{
    self, read_file, ContributionFile, FileContents, ReadError, RequestFile,
};
use raport_gp::domain::gather::{
    self, apply, default_choices, preview, Choice, Contribution, Coordinator, ItemKind, Request,
};
use raport_gp::domain::model::{Activity, Date, Id, Indicator, IndicatorUnit, Report, Status};
use raport_gp::domain::samples;
use raport_gp::domain::schema;
use raport_gp::APP_VERSION;
use rust_decimal::Decimal;
use serde_json::Value;

const SAVED: &str = "2026-01-20T09:00:00Z";
/// Szkoła Podstawowa w Przykładowie: three activities in the sample, one shared with nobody.
const SCHOOL: &str = "partner-5";

fn day(y: i32, m: u32, d: u32) -> Option<Date> {
    Date::new(y, m, d)
}

fn report() -> Report {
    samples::small_gmina_2025()
}

fn coordinator() -> Coordinator {
    Coordinator {
        name: "Anna Nowak".into(),
        contact: "profilaktyka@przykladowo.pl".into(),
        ..Coordinator::default()
    }
}

/// The school asked on 15 January with a deadline of 31 January, the record kept in the report.
fn asked() -> (Report, Request) {
    let mut r = report();
    let req = gather::request(
        &r,
        &Id::new(SCHOOL),
        coordinator(),
        day(2026, 1, 15),
        day(2026, 1, 31),
    )
    .expect("the school is in the register");
    gather::record_request(&mut r, &req);
    (r, req)
}

/// The realizer's answer: the workspace the request opens, changed by `edit`.
fn answer(req: &Request, edit: impl FnOnce(&mut Report)) -> Contribution {
    let mut ws = gather::workspace(req.clone(), Id::new("ws-1"));
    edit(&mut ws);
    gather::contribution(&ws, day(2026, 1, 28)).expect("a workspace makes a contribution")
}

fn achieved(a: &mut Activity, n: i64) {
    a.indicators[0].achieved = Some(Decimal::from(n));
}

fn new_activity(ws: &Report, title: &str) -> Activity {
    Activity {
        id: gather::new_activity_id(ws),
        title: title.into(),
        description: "Warsztaty dla klas VII.".into(),
        tasks: vec![raport_gp::domain::model::TaskId::new("drugs.2")],
        realizers: vec![Id::new(SCHOOL)],
        indicators: vec![Indicator {
            id: Id::new("ind-1"),
            name: "uczniowie".into(),
            unit: IndicatorUnit::Persons,
            achieved: Some(Decimal::from(48)),
            ..Indicator::default()
        }],
        ..Activity::default()
    }
}

fn merged(r: &Report, c: &Contribution) -> (Report, gather::Summary) {
    let plan = preview(r, c).expect("the contribution fits the report");
    apply(r, &plan, &default_choices(&plan), day(2026, 2, 1))
}

fn school_activity<'a>(r: &'a Report, id: &Id) -> &'a Activity {
    r.activities.iter().find(|a| &a.id == id).expect("activity")
}

// ------------------------------------------------------------------------------------------
// The request and the workspace
// ------------------------------------------------------------------------------------------

#[test]
fn a_request_carries_one_partner_and_only_its_activities() {
    let (r, req) = asked();
    assert_eq!(req.partner.id.as_str(), SCHOOL);
    assert_eq!(req.report_id, r.id);
    assert_eq!((req.year, req.gmina.name.as_str()), (2025, "Przykładowo"));
    assert_eq!(req.deadline, day(2026, 1, 31));
    let mine: Vec<&Activity> = r
        .activities
        .iter()
        .filter(|a| a.realizers.contains(&Id::new(SCHOOL)))
        .collect();
    assert_eq!(req.activities.len(), mine.len());
    assert!(!req.activities.is_empty());
    // Nothing about other partners: no other id, no other name anywhere in the file.
    let text = RequestFile::new(req.clone(), APP_VERSION, SAVED).to_json();
    for p in r.partners.iter().filter(|p| p.id.as_str() != SCHOOL) {
        assert!(
            !text.contains(&format!("\"{}\"", p.id.as_str())),
            "{} leaked",
            p.id
        );
        assert!(!text.contains(&p.name), "{} leaked", p.name);
    }
    assert!(!req.tasks.is_empty());
    // The record: one per partner, refreshed when asked again.
    assert_eq!(r.requests.len(), 1);
    let mut again = r.clone();
    let req2 = gather::request(&r, &Id::new(SCHOOL), coordinator(), day(2026, 2, 2), None).unwrap();
    gather::record_request(&mut again, &req2);
    assert_eq!(again.requests.len(), 1);
    assert_eq!(again.requests[0].asked_on, day(2026, 2, 2));
    assert!(gather::request(&r, &Id::new("nobody"), coordinator(), None, None).is_none());
}

#[test]
fn request_and_contribution_files_read_back_and_match_their_schemas() {
    let (_, req) = asked();
    let c = answer(&req, |ws| achieved(&mut ws.activities[0], 77));
    let req_text = RequestFile::new(req.clone(), APP_VERSION, SAVED).to_json();
    let c_text = ContributionFile::new(c.clone(), APP_VERSION, SAVED).to_json();
    match read_file(&req_text) {
        Ok(FileContents::Request(f)) => assert_eq!(f.request, req),
        other => panic!("{other:?}"),
    }
    match read_file(&c_text) {
        Ok(FileContents::Contribution(f)) => assert_eq!(f.contribution, c),
        other => panic!("{other:?}"),
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for (path, generated, text, fixture) in [
        (
            schema::REQUEST_SCHEMA_PATH,
            schema::request_schema_json(),
            &req_text,
            "raport-gp-request-v2.json",
        ),
        (
            schema::CONTRIBUTION_SCHEMA_PATH,
            schema::contribution_schema_json(),
            &c_text,
            "raport-gp-contribution-v2.json",
        ),
    ] {
        let fixture_path = root.join("tests/fixtures").join(fixture);
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            fs::write(root.join(path), &generated).unwrap();
            fs::write(&fixture_path, text).unwrap();
            continue;
        }
        let committed = fs::read_to_string(root.join(path)).unwrap_or_default();
        assert!(
            committed == generated,
            "{path} differs from the types; run `UPDATE_SCHEMA=1 cargo test --test gather`"
        );
        let schema: Value = serde_json::from_str(&generated).unwrap();
        let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
        let fixture_text = fs::read_to_string(&fixture_path).unwrap();
        for (name, text) in [("written", text.as_str()), (fixture, fixture_text.as_str())] {
            let instance: Value = serde_json::from_str(text).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&instance)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{name} against {path}: {errors:?}");
            assert!(read_file(text).is_ok(), "{name} reads");
        }
        // A report file is not a request or a contribution.
        let report: Value =
            serde_json::from_str(&format::to_json(&report(), APP_VERSION, SAVED)).unwrap();
        assert!(!validator.is_valid(&report), "{path} accepts a report");
    }
}

#[test]
fn unknown_kinds_and_old_versions_are_refused_with_a_polish_message() {
    let (_, req) = asked();
    let text = RequestFile::new(req, APP_VERSION, SAVED).to_json();
    let other = text.replacen("\"kind\": \"request\"", "\"kind\": \"invoice\"", 1);
    let e = read_file(&other).unwrap_err();
    assert!(matches!(e, ReadError::UnknownKind { .. }), "{e:?}");
    assert!(e.message().contains("\"invoice\""), "{}", e.message());
    let v1 = text.replacen("\"schema_version\": 2", "\"schema_version\": 1", 1);
    let e = read_file(&v1).unwrap_err();
    assert!(
        matches!(e, ReadError::OlderUnsupported { oldest: 2, .. }),
        "{e:?}"
    );
    let v3 = text.replacen("\"schema_version\": 2", "\"schema_version\": 3", 1);
    assert!(matches!(
        read_file(&v3).unwrap_err(),
        ReadError::NewerVersion { .. }
    ));
    // A broken field is named by its path.
    let broken = text.replacen("\"year\": 2025", "\"year\": \"dwa tysiące\"", 1);
    let e = read_file(&broken).unwrap_err();
    assert!(e.message().contains("request.year"), "{}", e.message());
}

#[test]
fn a_workspace_holds_the_partner_and_its_activities_and_makes_a_contribution() {
    let (_, req) = asked();
    let ws = gather::workspace(req.clone(), Id::new("ws-1"));
    assert_eq!(ws.partners.len(), 1);
    assert_eq!(ws.activities, req.activities);
    assert_eq!(ws.workspace.as_deref(), Some(&req));
    let id = gather::new_activity_id(&ws);
    assert!(id.as_str().starts_with("partner-5-dz-"), "{id}");
    // The workspace is stored like a report: it survives the report file's round trip.
    let text = format::to_json(&ws, APP_VERSION, SAVED);
    match read_file(&text) {
        Ok(FileContents::Report(f)) => assert_eq!(f.report, ws),
        other => panic!("{other:?}"),
    }
    assert!(gather::contribution(&report(), None).is_none());
}

// ------------------------------------------------------------------------------------------
// The three-way merge
// ------------------------------------------------------------------------------------------

#[test]
fn merge_new_changed_and_unchanged() {
    let (r, req) = asked();
    let first = req.activities[0].id.clone();
    let c = answer(&req, |ws| {
        achieved(&mut ws.activities[0], 77);
        ws.activities[0].period = "wrzesień–grudzień".into();
        let added = new_activity(ws, "Warsztaty „Bezpieczny internet”");
        ws.activities.push(added);
    });
    let plan = preview(&r, &c).unwrap();
    assert_eq!(plan.count(ItemKind::New), 1);
    assert_eq!(plan.count(ItemKind::Changed), 1);
    assert_eq!(plan.count(ItemKind::Unchanged), req.activities.len() - 1);
    assert_eq!(plan.count(ItemKind::Conflict), 0);
    let changed = plan
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Changed)
        .unwrap();
    let labels: Vec<&str> = changed.fields.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["Termin realizacji", "Wskaźniki"]);
    assert!(
        changed.fields[1].theirs.contains("osiągnięto 77"),
        "{:?}",
        changed.fields[1]
    );
    let (out, summary) = apply(&r, &plan, &default_choices(&plan), day(2026, 2, 1));
    assert_eq!((summary.added, summary.changed, summary.removed), (1, 1, 0));
    assert_eq!(
        school_activity(&out, &first).indicators[0].achieved,
        Some(Decimal::from(77))
    );
    let added = out.activities.last().unwrap();
    assert_eq!(added.title, "Warsztaty „Bezpieczny internet”");
    assert_eq!(added.realizers, vec![Id::new(SCHOOL)]);
    // Other partners' shared activities keep their realizers; nothing else moved.
    assert_eq!(out.activities.len(), r.activities.len() + 1);
    for a in &r.activities {
        if a.id != first {
            assert_eq!(school_activity(&out, &a.id), a);
        }
    }
    let record = &out.requests[0];
    assert_eq!(record.returned_on, day(2026, 1, 28));
    assert_eq!(record.merged, 2);
    assert_eq!(
        gather::summary_text(&summary),
        "Scalono: dodano 1, zmieniono 1, usunięto 0."
    );
}

#[test]
fn merge_the_same_file_twice_changes_nothing() {
    let (r, req) = asked();
    let c = answer(&req, |ws| {
        achieved(&mut ws.activities[0], 77);
        let added = new_activity(ws, "Nowe");
        ws.activities.push(added);
    });
    let (once, _) = merged(&r, &c);
    let (twice, summary) = merged(&once, &c);
    assert_eq!(summary.applied(), 0);
    assert_eq!(twice, once);
    let plan = preview(&once, &c).unwrap();
    assert!(plan.items.iter().all(|i| i.kind == ItemKind::Unchanged));
}

#[test]
fn a_resent_corrected_contribution_replaces_what_the_first_brought() {
    let (r, req) = asked();
    let first = req.activities[0].id.clone();
    let mut ws = gather::workspace(req.clone(), Id::new("ws-1"));
    achieved(&mut ws.activities[0], 77);
    let extra = new_activity(&ws, "Dodane przez pomyłkę");
    ws.activities.push(extra.clone());
    let c1 = gather::contribution(&ws, day(2026, 1, 28)).unwrap();
    let (once, _) = merged(&r, &c1);
    // The realizer corrects the figure and removes the activity added by mistake.
    achieved(&mut ws.activities[0], 70);
    ws.activities.retain(|a| a.id != extra.id);
    let c2 = gather::contribution(&ws, day(2026, 1, 30)).unwrap();
    let plan = preview(&once, &c2).unwrap();
    assert_eq!(plan.count(ItemKind::Changed), 1);
    assert_eq!(plan.count(ItemKind::Removed), 1);
    let (twice, summary) = apply(&once, &plan, &default_choices(&plan), day(2026, 2, 1));
    assert_eq!((summary.changed, summary.removed), (1, 1));
    assert_eq!(
        school_activity(&twice, &first).indicators[0].achieved,
        Some(Decimal::from(70))
    );
    assert!(twice
        .activities
        .iter()
        .all(|a| a.title != "Dodane przez pomyłkę"));
    assert_eq!(twice.activities.len(), r.activities.len());
    assert_eq!(twice.requests[0].returned_on, day(2026, 1, 30));
}

#[test]
fn a_field_changed_on_both_sides_is_a_conflict_kept_unless_taken() {
    let (mut r, req) = asked();
    let first = req.activities[0].id.clone();
    // The coordinator corrects the figure after sending the request; the realizer too.
    r.activities
        .iter_mut()
        .find(|a| a.id == first)
        .map(|a| achieved(a, 60))
        .unwrap();
    let c = answer(&req, |ws| {
        achieved(&mut ws.activities[0], 77);
        ws.activities[0].status = Status::Partly;
        ws.activities[0].status_reason = "Dwie klasy odwołały zajęcia.".into();
    });
    let plan = preview(&r, &c).unwrap();
    let item = plan
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Conflict)
        .unwrap();
    let conflicts: Vec<_> = item.fields.iter().filter(|f| f.conflict).collect();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].label, "Wskaźniki");
    assert!(conflicts[0].ours.contains("osiągnięto 60"));
    assert!(conflicts[0].theirs.contains("osiągnięto 77"));
    // By default: the realizer's other fields, the report's figure.
    let (kept, summary) = apply(&r, &plan, &default_choices(&plan), None);
    let a = school_activity(&kept, &first);
    assert_eq!(a.indicators[0].achieved, Some(Decimal::from(60)));
    assert_eq!(a.status, Status::Partly);
    assert_eq!(summary.conflicts_kept, 1);
    // Taken: the realizer's figure.
    let mut choices = default_choices(&plan);
    let at = plan
        .items
        .iter()
        .position(|i| i.kind == ItemKind::Conflict)
        .unwrap();
    choices[at].take_theirs = vec![true];
    let (taken, summary) = apply(&r, &plan, &choices, None);
    assert_eq!(
        school_activity(&taken, &first).indicators[0].achieved,
        Some(Decimal::from(77))
    );
    assert_eq!(summary.conflicts_kept, 0);
    // Left out: the report stays as it was, but the file counts as received.
    choices[at].accept = false;
    let (left, summary) = apply(&r, &plan, &choices, None);
    assert_eq!(left.activities, r.activities);
    assert_eq!(summary.left_out, 1);
}

#[test]
fn removed_on_either_side() {
    let (mut r, req) = asked();
    let (a0, a1, a2) = (
        req.activities[0].id.clone(),
        req.activities[1].id.clone(),
        req.activities[2].id.clone(),
    );
    // The coordinator removes a0 and a1 from the report after asking, and changes a2.
    r.activities.retain(|a| a.id != a0 && a.id != a1);
    r.activities.iter_mut().find(|a| a.id == a2).unwrap().notes = "Uwagi koordynatora.".into();
    // The realizer leaves a0 as sent, changes a1, removes a2.
    let c = answer(&req, |ws| {
        ws.activities[1].description = "Opis poprawiony.".into();
        ws.activities.retain(|a| a.id != a2);
    });
    let plan = preview(&r, &c).unwrap();
    let kind = |id: &Id| plan.items.iter().find(|i| &i.id == id).map(|i| i.kind);
    assert_eq!(kind(&a0), Some(ItemKind::Unchanged)); // removed here, untouched there
    assert_eq!(kind(&a1), Some(ItemKind::Conflict)); // removed here, changed there
    assert_eq!(kind(&a2), Some(ItemKind::Conflict)); // changed here, removed there
    let (out, _) = apply(&r, &plan, &default_choices(&plan), None);
    // Neither conflict applies by default.
    assert_eq!(out.activities, r.activities);
    // Accepted: a1 comes back with the realizer's text, a2 goes.
    let choices: Vec<Choice> = plan
        .items
        .iter()
        .map(|i| Choice {
            accept: i.kind == ItemKind::Conflict,
            take_theirs: Vec::new(),
        })
        .collect();
    let (out, summary) = apply(&r, &plan, &choices, None);
    assert_eq!((summary.added, summary.removed), (1, 1));
    assert_eq!(school_activity(&out, &a1).description, "Opis poprawiony.");
    assert!(out.activities.iter().all(|a| a.id != a2));
    // Removed by the realizer, untouched in the report: removed by default.
    let (r2, req2) = asked();
    let c2 = answer(&req2, |ws| {
        ws.activities.remove(0);
    });
    let (out, summary) = merged(&r2, &c2);
    assert_eq!(summary.removed, 1);
    assert_eq!(out.activities.len(), r2.activities.len() - 1);
}

#[test]
fn a_foreign_contribution_is_refused_and_changes_nothing() {
    let (r, req) = asked();
    let c = answer(&req, |ws| achieved(&mut ws.activities[0], 77));
    let mut other_gmina = c.clone();
    other_gmina.request.gmina.name = "Wzorcowo".into();
    other_gmina.request.gmina.teryt = "3099022".into();
    let e = preview(&r, &other_gmina).unwrap_err();
    assert!(
        e.0.contains("„Wzorcowo”") && e.0.contains("„Przykładowo”"),
        "{e}"
    );
    let mut other_year = c.clone();
    other_year.request.year = 2024;
    assert!(preview(&r, &other_year)
        .unwrap_err()
        .0
        .contains("roku 2024"));
    let mut other_report = c.clone();
    other_report.request.report_id = Id::new("inny-raport");
    assert!(preview(&r, &other_report)
        .unwrap_err()
        .0
        .contains("„inny-raport”"));
    // Letters and case of the gmina's name do not matter.
    let mut spelled = c.clone();
    spelled.request.gmina.name = "PRZYKLADOWO".into();
    spelled.request.gmina.teryt.clear();
    assert!(preview(&r, &spelled).is_ok());
}

#[test]
fn unknown_fields_survive_the_merge_and_text_stays_text() {
    let (r, req) = asked();
    let first = req.activities[0].id.clone();
    let c = answer(&req, |ws| {
        ws.activities[0]
            .extra
            .insert("x_grant_number".into(), Value::from("UG/2025/7"));
        ws.activities[0].description = "<script>alert(1)</script> zajęcia".into();
        let mut added = new_activity(ws, "Nowe z polem");
        added.extra.insert("x_source".into(), Value::from("excel"));
        ws.activities.push(added);
    });
    let (out, _) = merged(&r, &c);
    let a = school_activity(&out, &first);
    assert_eq!(a.extra["x_grant_number"], "UG/2025/7");
    assert_eq!(a.description, "<script>alert(1)</script> zajęcia");
    assert_eq!(out.activities.last().unwrap().extra["x_source"], "excel");
    let html = raport_gp::domain::render::render_html(&out, &Default::default());
    assert!(!html.contains("<script>alert(1)"));
}

#[test]
fn a_contribution_without_the_report_record_merges_against_its_own_baseline() {
    // Asked by the CLI (the report file not changed): the contribution's request is the base.
    let r = report();
    let req = gather::request(&r, &Id::new(SCHOOL), coordinator(), None, None).unwrap();
    let c = answer(&req, |ws| achieved(&mut ws.activities[0], 77));
    let (out, summary) = merged(&r, &c);
    assert_eq!(summary.changed, 1);
    assert_eq!(out.requests.len(), 1);
    assert_eq!(out.requests[0].partner.as_str(), SCHOOL);
    // A new activity whose id the report uses for someone else's gets a fresh id, and keeps it.
    let other = r
        .activities
        .iter()
        .find(|a| !a.realizers.contains(&Id::new(SCHOOL)))
        .unwrap();
    let c = answer(&req, |ws| {
        let mut added = new_activity(ws, "Kolizja");
        added.id = other.id.clone();
        ws.activities.push(added);
    });
    let (out, summary) = merged(&r, &c);
    assert_eq!(summary.added, 1);
    assert_eq!(school_activity(&out, &other.id), other);
    let (again, summary) = merged(&out, &c);
    assert_eq!(summary.applied(), 0);
    assert_eq!(again, out);
}

// ------------------------------------------------------------------------------------------
// The CLI
// ------------------------------------------------------------------------------------------

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("raport-gather-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        Dir(d)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn raport(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_raport"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cli_request_writes_request_files_and_merge_merges_with_the_same_rules() {
    let dir = Dir::new("cli");
    let report_path = dir.0.join("raport.json");
    let mut r = report();
    // The coordinator's later change, for a conflict.
    let first = r
        .activities
        .iter()
        .position(|a| a.realizers.contains(&Id::new(SCHOOL)))
        .unwrap();
    let original = r.clone();
    fs::write(&report_path, format::to_json(&r, APP_VERSION, SAVED)).unwrap();
    let req_path = dir.0.join("prosba.json");
    let (code, _, err) = raport(&[
        "request".as_ref(),
        report_path.as_os_str(),
        "--partner".as_ref(),
        SCHOOL.as_ref(),
        "--termin".as_ref(),
        "2026-01-31".as_ref(),
        "-o".as_ref(),
        req_path.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let FileContents::Request(req) = read_file(&fs::read_to_string(&req_path).unwrap()).unwrap()
    else {
        panic!("not a request")
    };
    assert_eq!(req.request.deadline, day(2026, 1, 31));
    assert_eq!(req.request.partner.id.as_str(), SCHOOL);
    // --all: one file per partner.
    let all = dir.0.join("wszystkie");
    let (code, _, err) = raport(&[
        "request".as_ref(),
        report_path.as_os_str(),
        "--all".as_ref(),
        "-o".as_ref(),
        all.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::read_dir(&all).unwrap().count(), r.partners.len());
    assert!(all.join("prosba-partner-5.json").exists());
    // An unknown partner: exit 2, the register listed.
    let (code, _, err) = raport(&[
        "request".as_ref(),
        report_path.as_os_str(),
        "--partner".as_ref(),
        "p-99".as_ref(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("„p-99”") && err.contains("partner-5"), "{err}");

    // The realizer answers; meanwhile the coordinator changed the same figure.
    let c = answer(&req.request, |ws| achieved(&mut ws.activities[0], 77));
    let c_path = dir.0.join("sprawozdanie.json");
    fs::write(
        &c_path,
        ContributionFile::new(c.clone(), APP_VERSION, SAVED).to_json(),
    )
    .unwrap();
    achieved(&mut r.activities[first], 60);
    fs::write(&report_path, format::to_json(&r, APP_VERSION, SAVED)).unwrap();
    let out_path = dir.0.join("wynik.json");
    let (code, out, err) = raport(&[
        "merge".as_ref(),
        report_path.as_os_str(),
        c_path.as_os_str(),
        "-o".as_ref(),
        out_path.as_os_str(),
    ]);
    assert_eq!(code, 1, "a conflict is left: {out}{err}");
    assert!(
        out.contains("konflikt") && out.contains("Wskaźniki"),
        "{out}"
    );
    let FileContents::Report(merged) = read_file(&fs::read_to_string(&out_path).unwrap()).unwrap()
    else {
        panic!()
    };
    assert_eq!(
        merged.report.activities[first].indicators[0].achieved,
        Some(Decimal::from(60))
    );
    // Without the conflict: exit 0, the realizer's figure in.
    fs::write(&report_path, format::to_json(&original, APP_VERSION, SAVED)).unwrap();
    let (code, out, err) = raport(&[
        "merge".as_ref(),
        report_path.as_os_str(),
        c_path.as_os_str(),
        "-o".as_ref(),
        out_path.as_os_str(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("zmieniono 1"), "{out}");
    // A foreign contribution (another year) is refused, exit 2, the rest still merged.
    let mut foreign = c.clone();
    foreign.request.year = 2024;
    let f_path = dir.0.join("obce.json");
    fs::write(
        &f_path,
        ContributionFile::new(foreign, APP_VERSION, SAVED).to_json(),
    )
    .unwrap();
    let (code, out, err) = raport(&[
        "merge".as_ref(),
        report_path.as_os_str(),
        f_path.as_os_str(),
        c_path.as_os_str(),
        "-o".as_ref(),
        out_path.as_os_str(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("roku 2024"), "{err}");
    assert!(out.contains("zmieniono 1"), "{out}");
    // A request or contribution given where a report is expected is named for what it is.
    let (code, out, _) = raport(&["check".as_ref(), c_path.as_os_str()]);
    assert_eq!(code, 2);
    assert!(out.contains("sprawozdanie realizatora"), "{out}");
}

#[test]
fn cli_merge_refuses_hostile_contributions_and_writes_nothing() {
    let dir = Dir::new("hostile");
    let report_path = dir.0.join("raport.json");
    let report_text = format::to_json(&report(), APP_VERSION, SAVED);
    fs::write(&report_path, &report_text).unwrap();
    let (_, req) = asked();
    let good = ContributionFile::new(
        answer(&req, |ws| achieved(&mut ws.activities[0], 77)),
        APP_VERSION,
        SAVED,
    )
    .to_json();
    let mut corpus: Vec<(String, String)> = (1..=6)
        .map(|k| {
            (
                format!("uciete-{k}"),
                good[..good.len() * k / 7].to_string(),
            )
        })
        .collect();
    corpus.push((
        "rodzaj".into(),
        good.replacen("\"contribution\",", "\"faktura\",", 1),
    ));
    corpus.push((
        "typ".into(),
        good.replacen("\"prepared_by\": \"\"", "\"prepared_by\": 7", 1),
    ));
    corpus.push((
        "prosba".into(),
        RequestFile::new(req.clone(), APP_VERSION, SAVED).to_json(),
    ));
    corpus.push(("raport".into(), report_text.clone()));
    let mut foreign = req.clone();
    foreign.report_id = Id::new("obcy");
    corpus.push((
        "obce".into(),
        ContributionFile::new(answer(&foreign, |_| {}), APP_VERSION, SAVED).to_json(),
    ));
    corpus.push(("binarne".into(), "\u{0}\u{1b}[2J\u{202e}".into()));
    for (name, text) in &corpus {
        let path = dir.0.join(format!("{name}.json"));
        fs::write(&path, text).unwrap();
        let out = dir.0.join(format!("wynik-{name}.json"));
        let (code, stdout, stderr) = raport(&[
            "merge".as_ref(),
            report_path.as_os_str(),
            path.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(code, 2, "{name}: {stdout}{stderr}");
        assert!(stderr.contains(&format!("{name}.json")), "{name}: {stderr}");
        for english in [
            "invalid type",
            "expected",
            "missing field",
            "unknown variant",
            "EOF",
        ] {
            assert!(!stderr.contains(english), "{name}: {stderr}");
        }
        assert!(
            !stderr.contains('\u{1b}'),
            "{name}: a control character reached the terminal"
        );
        // Nothing merged: the written report is the one given.
        let written = fs::read_to_string(&out).unwrap();
        let FileContents::Report(w) = read_file(&written).unwrap() else {
            panic!("{name}: not a report")
        };
        assert_eq!(w.report, report(), "{name}");
        assert_eq!(fs::read_to_string(&report_path).unwrap(), report_text);
    }
}
