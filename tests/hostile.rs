#![cfg(not(target_arch = "wasm32"))]
//! Hostile files through the real `raport` binary: a corpus generated here of several hundred
//! files — truncated at many points, a wrong type in every field, missing fields, huge and
//! negative numbers, NaN-like and comma-list amounts, impossible dates, deep nesting, a 50 MB
//! file, invalid UTF-8, UTF-16, byte-order marks, other apps' JSON, every kind of schema
//! version, duplicate ids, dangling references, NUL and control characters, megabyte strings.
//!
//! Each file must be refused with a specific Polish message naming it, or accepted where it is
//! valid; never a panic, never a hang, never a change to the file. The suite prints
//! `files, refused, accepted, panics, data changed`. It is run by `.ci/test` as a suite of its
//! own (`cargo test --test hostile -- --ignored --show-output`).

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How long one `raport check` may take before it counts as a hang.
const HANG: Duration = Duration::from_secs(20);

/// English words of serde, std or the OS that must never reach a Polish user.
const ENGLISH: [&str; 9] = [
    "invalid type",
    "expected",
    "missing field",
    "unknown variant",
    "recursion limit",
    "EOF while",
    "os error",
    "No such file",
    "panicked",
];

struct Case {
    name: String,
    bytes: Vec<u8>,
    /// Whether the file is a valid Raport GP file (it must then be accepted).
    valid: bool,
}

fn fixture(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn case(name: impl Into<String>, bytes: impl Into<Vec<u8>>, valid: bool) -> Case {
    Case {
        name: name.into(),
        bytes: bytes.into(),
        valid,
    }
}

fn json_case(name: impl Into<String>, value: &Value, valid: bool) -> Case {
    case(name, serde_json::to_vec_pretty(value).unwrap(), valid)
}

/// Every path to a leaf or container of `v`, depth first, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(child, p, out);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate().take(2) {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(child, p, out);
            }
        }
        _ => {}
    }
}

/// A value of another JSON type than `v`.
fn wrong_type(v: &Value) -> Value {
    match v {
        Value::String(_) => json!(12345),
        Value::Number(_) => json!("dwanaście"),
        Value::Bool(_) => json!("tak"),
        Value::Null => json!({"a": 1}),
        Value::Array(_) => json!({"0": "x"}),
        Value::Object(_) => json!(["x"]),
    }
}

fn corpus() -> Vec<Case> {
    let v2_text = fixture("raport-gp-v2.json");
    let v2: Value = serde_json::from_slice(&v2_text).unwrap();
    let mut out = vec![
        case("v2.json", v2_text.clone(), true),
        case("v1.json", fixture("raport-gp-v1.json"), true),
        case(
            "v1-zadania.json",
            fixture("raport-gp-v1-alcohol-tasks.json"),
            true,
        ),
    ];

    // Truncated at 60 points.
    for k in 1..=60 {
        let at = v2_text.len() * k / 61;
        out.push(case(
            format!("uciety-{k:02}.json"),
            v2_text[..at].to_vec(),
            false,
        ));
    }

    // A wrong type in every field (containers included).
    let mut ptrs = Vec::new();
    pointers(&v2, String::new(), &mut ptrs);
    for (i, p) in ptrs.iter().enumerate() {
        let mut doc = v2.clone();
        let target = doc.pointer_mut(p).unwrap();
        *target = wrong_type(target);
        // Fields this version does not know (`x_…`) are kept whatever they hold; every known
        // field must refuse a value of the wrong type.
        let unknown = p.rsplit('/').next().is_some_and(|k| k.starts_with("x_"));
        out.push(json_case(format!("typ-{i:03}.json"), &doc, unknown));
    }

    // Requests and contributions given where a report is expected (each named for what it is),
    // cut short, and with a value of the wrong type in every field.
    for name in [
        "raport-gp-request-v2.json",
        "raport-gp-contribution-v2.json",
    ] {
        let text = fixture(name);
        out.push(case(format!("inny-rodzaj-{name}"), text.clone(), false));
        for k in 1..=8 {
            let at = text.len() * k / 9;
            out.push(case(
                format!("uciety-{k}-{name}"),
                text[..at].to_vec(),
                false,
            ));
        }
        let doc: Value = serde_json::from_slice(&text).unwrap();
        let mut ptrs = Vec::new();
        pointers(&doc, String::new(), &mut ptrs);
        for (i, p) in ptrs.iter().enumerate().step_by(7) {
            let mut d = doc.clone();
            let target = d.pointer_mut(p).unwrap();
            *target = wrong_type(target);
            out.push(json_case(format!("typ-{i:03}-{name}"), &d, false));
        }
        let mut d = doc.clone();
        d["kind"] = json!("faktura");
        out.push(json_case(format!("rodzaj-{name}"), &d, false));
    }

    // Missing fields: every field of the envelope and of the report.
    for key in [
        "format",
        "schema_version",
        "app_version",
        "saved_at",
        "report",
    ] {
        let mut doc = v2.clone();
        doc.as_object_mut().unwrap().remove(key);
        let valid = matches!(key, "app_version" | "saved_at");
        out.push(json_case(format!("bez-{key}.json"), &doc, valid));
    }
    let report_keys: Vec<String> = v2["report"].as_object().unwrap().keys().cloned().collect();
    for key in report_keys {
        let mut doc = v2.clone();
        doc["report"].as_object_mut().unwrap().remove(&key);
        // Every report field has a default: a report without it still reads.
        out.push(json_case(format!("raport-bez-{key}.json"), &doc, true));
    }

    // Numbers: huge, negative, fractional where whole numbers belong.
    let numbers: [(&str, Value); 11] = [
        ("/report/year", json!(1e308)),
        ("/report/year", json!(99_999_999_999_999_999_999.0)),
        ("/report/year", json!(2025.5)),
        ("/report/gmina/population", json!(-5)),
        ("/report/gmina/population", json!(4_294_967_296u64)),
        ("/report/gkrpa/members", json!(-1)),
        ("/report/gkrpa/members", json!(1e10)),
        ("/report/program/period_from", json!(f64::MAX)),
        ("/report/consultation_points/0/clients/addicted", json!(3.5)),
        ("/report/coalitions/0/meetings_per_year", json!(-4)),
        ("/schema_version", json!(2.0)),
    ];
    for (i, (p, value)) in numbers.iter().enumerate() {
        let mut doc = v2.clone();
        *doc.pointer_mut(p).unwrap() = value.clone();
        out.push(json_case(format!("liczba-{i:02}.json"), &doc, false));
    }
    // In range: accepted (the checks speak about them, the reader does not refuse them).
    for (i, (p, value)) in [
        ("/report/year", json!(1)),
        ("/report/year", json!(-5)),
        ("/report/gkrpa/members", json!(4_294_967_295u64)),
        ("/report/budget/lines/0/executed", json!("-1.00")),
        ("/report/budget/lines/0/executed", json!("1.234")),
        (
            "/report/budget/lines/0/executed",
            json!("999999999999999999.9999999999"),
        ),
    ]
    .iter()
    .enumerate()
    {
        let mut doc = v2.clone();
        *doc.pointer_mut(p).unwrap() = value.clone();
        out.push(json_case(format!("liczba-ok-{i}.json"), &doc, true));
    }

    // The largest numbers a file may hold, in every amount and count at once: every sum, share
    // and percentage the checks and the renderer compute must stay in range (no overflow panic).
    let mut doc = v2.clone();
    let huge = json!("-999999999999999999.9999999999");
    for line in doc["report"]["budget"]["lines"].as_array_mut().unwrap() {
        for k in ["planned", "after_changes", "executed"] {
            line[k] = huge.clone();
        }
    }
    for a in doc["report"]["activities"].as_array_mut().unwrap() {
        a["cost"]["executed"] = json!("999999999999999999.99");
        a["cost"]["planned"] = json!("999999999999999999.99");
        for ind in a["indicators"].as_array_mut().unwrap() {
            ind["planned"] = json!("999999999999999999");
            ind["achieved"] = json!("0.0000000001");
        }
    }
    for k in [
        "permit_fee_income",
        "carried_over",
        "small_bottle_income",
        "permit_fee_planned",
    ] {
        doc["report"]["budget"][k] = json!("999999999999999999.99");
    }
    doc["report"]["gkrpa"]["cost"] = json!("999999999999999999.99");
    out.push(json_case("najwieksze-liczby.json", &doc, true));

    // Amounts and decimal text that are not numbers.
    for (i, bad) in [
        "NaN",
        "nan",
        "Infinity",
        "-Infinity",
        "1e5",
        "1E400",
        "1,2,3",
        "12,50",
        "1.2.3",
        ".5",
        "5.",
        "+5",
        " 5",
        "0x1F",
        "12 500",
        "١٢",
        "",
        "-",
        "12345678901234567890123456789",
    ]
    .iter()
    .enumerate()
    {
        for (j, p) in [
            "/report/budget/lines/0/executed",
            "/report/activities/0/indicators/0/achieved",
        ]
        .iter()
        .enumerate()
        {
            let mut doc = v2.clone();
            *doc.pointer_mut(p).unwrap() = json!(bad);
            out.push(json_case(format!("kwota-{i:02}-{j}.json"), &doc, false));
        }
    }
    let mut doc = v2.clone();
    doc["report"]["budget"]["lines"][0]["executed"] = json!(61250.4);
    out.push(json_case("kwota-jako-liczba.json", &doc, false));

    // Impossible dates.
    for (i, bad) in [
        "2025-02-30",
        "2025-13-01",
        "0000-00-00",
        "20250101",
        "2025-1-1",
        "2025/01/01",
        "31.12.2025",
        "2025-02-29",
        "2025-04-31",
        "9999-99-99",
        "2025-01-01T00:00:00Z",
    ]
    .iter()
    .enumerate()
    {
        let mut doc = v2.clone();
        doc["report"]["prepared_on"] = json!(bad);
        out.push(json_case(format!("data-{i:02}.json"), &doc, false));
    }
    let mut doc = v2.clone();
    doc["report"]["prepared_on"] = json!("2024-02-29");
    out.push(json_case("data-przestepna.json", &doc, true));

    // Deep nesting, in an unknown field and in a known one.
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    for (i, n) in [100usize, 1_000, 100_000].iter().enumerate() {
        let text = String::from_utf8(v2_text.clone()).unwrap().replacen(
            "\"report\": {",
            &format!("\"x_zagniezdzenie\": {},\n  \"report\": {{", deep(*n)),
            1,
        );
        out.push(case(format!("zagniezdzenie-{i}.json"), text, *n < 128));
        let text = String::from_utf8(v2_text.clone()).unwrap().replacen(
            "\"notes\": \"\"",
            &format!("\"notes\": {}", deep(*n)),
            1,
        );
        out.push(case(format!("zagniezdzenie-pole-{i}.json"), text, false));
    }

    // Encodings.
    let text = String::from_utf8(v2_text.clone()).unwrap();
    let mut latin2 = text.clone().into_bytes();
    for b in latin2.iter_mut() {
        if *b == 0xC5 {
            *b = 0xB3; // a Latin-2 'ł' where UTF-8 has a lead byte
        }
    }
    out.push(case("latin2.json", latin2, false));
    let mut stray = text.clone().into_bytes();
    stray.insert(200, 0xFF);
    out.push(case("bajt-ff.json", stray, false));
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    out.push(case(
        "utf16le-bom.json",
        [vec![0xFF, 0xFE], le.clone()].concat(),
        false,
    ));
    out.push(case(
        "utf16be-bom.json",
        [vec![0xFE, 0xFF], be.clone()].concat(),
        false,
    ));
    out.push(case("utf16le.json", le, false));
    out.push(case("utf16be.json", be, false));
    out.push(case("bom.json", format!("\u{feff}{text}"), true));
    out.push(case(
        "bom-podwojny.json",
        format!("\u{feff}\u{feff}{text}"),
        true,
    ));
    out.push(case(
        "utf32.json",
        text.chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect::<Vec<u8>>(),
        false,
    ));

    // Other apps' files and other JSON.
    for (i, other) in [
        json!({"type": "excalidraw", "version": 2, "elements": []}),
        json!({"name": "pakiet", "version": "1.0.0", "dependencies": {}}),
        json!({"type": "FeatureCollection", "features": []}),
        json!([1, 2, 3]),
        json!("raport-gp"),
        json!(null),
        json!(12),
        json!({}),
        json!({"format": "raport-gp-inny", "schema_version": 2, "report": {}}),
        json!({"format": 7, "schema_version": 2, "report": {}}),
        json!({"format": "raport-gp-backup", "schema_version": 2, "reports": {"a": 1}}),
        json!({"format": "raport-gp", "schema_version": 2, "report": []}),
        json!({"format": "raport-gp", "schema_version": 2, "report": null}),
    ]
    .iter()
    .enumerate()
    {
        out.push(json_case(format!("obcy-{i:02}.json"), other, false));
    }
    out.push(case("pusty.json", "", false));
    out.push(case("spacje.json", " \n\t ", false));
    out.push(case(
        "pdf.json",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec(),
        false,
    ));
    out.push(case(
        "html-bez-danych.json",
        "<!doctype html><p>raport</p>",
        false,
    ));

    // Schema versions.
    for (i, version) in [
        json!(0),
        json!(3),
        json!(999),
        json!("1"),
        json!("2"),
        json!(-1),
        json!(1.5),
        json!(null),
        json!(u64::MAX),
        json!(true),
    ]
    .iter()
    .enumerate()
    {
        let mut doc = v2.clone();
        doc["schema_version"] = version.clone();
        out.push(json_case(format!("wersja-{i:02}.json"), &doc, false));
    }

    // Duplicate ids and dangling references: valid files, the checks report them.
    let mut doc = v2.clone();
    let first = doc["report"]["activities"][0].clone();
    doc["report"]["activities"]
        .as_array_mut()
        .unwrap()
        .push(first);
    out.push(json_case("duplikat-id.json", &doc, true));
    let mut doc = v2.clone();
    doc["report"]["activities"][0]["realizers"] = json!(["nie-ma-takiego"]);
    doc["report"]["activities"][0]["goal"] = json!("cel-widmo");
    doc["report"]["gkrpa"]["budget_lines"] = json!(["wiersz-widmo"]);
    out.push(json_case("odnosniki-wiszace.json", &doc, true));
    let mut doc = v2.clone();
    doc["report"]["activities"][0]["tasks"] = json!(["alcohol.4", "alcohol.99", ""]);
    out.push(json_case("zadania-nieznane.json", &doc, true));

    // NUL and control characters: escaped in JSON (valid), raw (a syntax error).
    for (i, c) in ['\0', '\u{1b}', '\r', '\u{7}', '\u{9b}', '\u{202e}']
        .iter()
        .enumerate()
    {
        let mut doc = v2.clone();
        doc["report"]["gmina"]["name"] = json!(format!("Lipowo{c}[2J{c}"));
        out.push(json_case(format!("sterujace-{i}.json"), &doc, true));
        let raw = text.replacen("Lipowo Wielkie", &format!("Lipowo{c}Wielkie"), 1);
        // Raw C0 characters break a JSON string; C1 and bidi controls are ordinary characters.
        out.push(case(
            format!("sterujace-surowe-{i}.json"),
            raw,
            (*c as u32) >= 0x80,
        ));
    }

    // Megabyte strings.
    for (i, mb) in [1usize, 5].iter().enumerate() {
        let mut doc = v2.clone();
        doc["report"]["introduction"] = json!("ą".repeat(mb * 512 * 1024));
        doc["report"]["gmina"]["name"] = json!("Ł".repeat(mb * 100_000));
        out.push(json_case(format!("megabajty-{i}.json"), &doc, true));
    }

    // A 50 MB file.
    let mut big = text.clone().into_bytes();
    big.extend(std::iter::repeat_n(b' ', 50 * 1024 * 1024));
    out.push(case("50-mb.json", big, false));

    out
}

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

fn check(path: &Path) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_raport"))
        .arg("check")
        .arg("--quiet")
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run raport");
    let started = Instant::now();
    // Drain the pipes in threads so a large output cannot stall the child.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s)
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).map(|_| s)
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG {
            child.kill().unwrap();
            panic!("raport check hung on {}", path.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Outcome {
        // A signal (e.g. an abort) has no code: count it as a panic.
        code: status.code().unwrap_or(101),
        stdout: out.join().unwrap().expect("stdout is UTF-8"),
        stderr: err.join().unwrap().expect("stderr is UTF-8"),
    }
}

#[test]
#[ignore = "a suite of its own in .ci/test (prints its counts)"]
fn hostile_files_are_refused_with_a_specific_message_or_accepted_and_never_changed() {
    let dir: PathBuf = std::env::temp_dir().join(format!("raport-hostile-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let corpus = corpus();
    assert!(corpus.len() >= 300, "only {} files", corpus.len());
    let (mut refused, mut accepted, mut panics, mut changed) = (0, 0, 0, 0);
    let mut problems = Vec::new();
    for c in &corpus {
        let path = dir.join(&c.name);
        fs::write(&path, &c.bytes).unwrap();
        let run = check(&path);
        if fs::read(&path).unwrap() != c.bytes {
            changed += 1;
        }
        match run.code {
            0 | 1 => {
                accepted += 1;
                if !c.valid {
                    problems.push(format!("{}: accepted, expected refusal", c.name));
                }
                // What reads must also print: the renderer computes its own sums and shares.
                let html = dir.join("wydruk.html");
                let render = Command::new(env!("CARGO_BIN_EXE_raport"))
                    .args([
                        OsStr::new("render"),
                        path.as_os_str(),
                        OsStr::new("-o"),
                        html.as_os_str(),
                    ])
                    .output()
                    .expect("run raport render");
                if render.status.code() != Some(0) {
                    panics += usize::from(render.status.code() != Some(2));
                    problems.push(format!(
                        "{}: render exit {:?}: {}",
                        c.name,
                        render.status.code(),
                        String::from_utf8_lossy(&render.stderr)
                    ));
                }
            }
            2 => {
                refused += 1;
                let reason = run
                    .stdout
                    .lines()
                    .find_map(|l| l.split_once(": nie można wczytać — ").map(|(_, r)| r))
                    .unwrap_or("");
                if c.valid {
                    problems.push(format!("{}: refused a valid file: {reason}", c.name));
                }
                if reason.trim().len() < 20 || !run.stdout.contains(&c.name) {
                    problems.push(format!("{}: no specific message: {:?}", c.name, run.stdout));
                }
                if let Some(word) = ENGLISH.iter().find(|w| run.stdout.contains(*w)) {
                    problems.push(format!(
                        "{}: English in the message ({word}): {reason}",
                        c.name
                    ));
                }
            }
            _ => {
                panics += 1;
                problems.push(format!("{}: exit {} {}", c.name, run.code, run.stderr));
            }
        }
        if run.stderr.contains("panicked") {
            panics += 1;
        }
        fs::remove_file(&path).unwrap();
    }
    let _ = fs::remove_dir_all(&dir);
    println!(
        "hostile files (CLI): files {}, refused {refused}, accepted {accepted}, panics {panics}, \
         data changed {changed}",
        corpus.len()
    );
    assert_eq!(panics, 0);
    assert_eq!(changed, 0);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
