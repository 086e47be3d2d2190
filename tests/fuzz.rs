#![cfg(not(target_arch = "wasm32"))]
//! A fuzz loop over the whole import pipeline on stable Rust: seeded mutations of real files
//! (both fixture versions, the samples, a printable HTML export, the broken fixtures) go through
//! decode → parse → migrate → deserialise; whatever reads is then checked, rendered, written and
//! read back, which must give the same report. Zero panics.
//!
//! `FUZZ_ITERATIONS` sets the count: the test command runs 10 000 inputs (`.ci/test`, a suite of
//! its own), the benchmark command 1 000 000 in a release build (`.ci/bench`). `FUZZ_SEED` picks
//! another sequence. It prints `inputs, read, refused, panics`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use raport_gp::domain::format::{read_bytes, to_json, FileContents};
use raport_gp::domain::render::{render_html, RenderOptions};
use raport_gp::domain::rules::validate;
use raport_gp::domain::samples;

// Seeded, so every run sees the same inputs.
use raport_gp::domain::samples::generate::Rng;

/// Tokens that upset JSON readers and money parsers, spliced in at random places.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "-",
    "1e999",
    "NaN",
    "\\u0000",
    "\\ud800",
    "\u{feff}",
    "\u{1b}[2J",
    "\"alcohol.4\"",
    "\"schema_version\": 3",
    "\"schema_version\": 1",
    "\"report\": []",
    "12,5,0",
    "\"2025-02-30\"",
    "99999999999999999999999999999",
    "ą",
    "</script>",
    "<script>alert(1)</script>",
    "\"x_extra\": {\"a\": [1, 2]}",
];

fn seeds() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<Vec<u8>> = [
        "raport-gp-v1.json",
        "raport-gp-v2.json",
        "raport-gp-v1-alcohol-tasks.json",
        "raport-gp-v2-linked.json",
    ]
    .iter()
    .map(|name| std::fs::read(dir.join(name)).unwrap())
    .collect();
    for entry in std::fs::read_dir(dir.join("broken")).unwrap() {
        out.push(std::fs::read(entry.unwrap().path()).unwrap());
    }
    let sample = samples::kalisz_2020();
    out.push(to_json(&sample, "fuzz", "2026-01-01T00:00:00Z").into_bytes());
    let mut small = samples::small_gmina_2025();
    small.activities.truncate(3);
    out.push(render_html(&small, &RenderOptions::default()).into_bytes());
    out
}

/// Values a structural mutation puts in place of a node.
fn odd_value(rng: &mut Rng) -> serde_json::Value {
    use serde_json::json;
    match rng.below(14) {
        0 => json!(null),
        1 => json!(rng.next_u64() as i64),
        2 => json!(-1),
        3 => json!(""),
        4 => json!("0"),
        5 => json!("-0.001"),
        6 => json!("9999999999999999999999999999"),
        7 => json!("alcohol.4"),
        8 => json!("2024-02-29"),
        9 => json!([]),
        10 => json!({}),
        11 => json!("ą\u{0}\u{1b}<b>"),
        12 => json!(true),
        _ => json!(TOKENS[rng.below(TOKENS.len())]),
    }
}

/// Changes one node of a JSON document that still parses, so the input reaches the typed
/// reader, the checks and the renderer rather than stopping at a syntax error.
fn mutate_structure(rng: &mut Rng, value: &mut serde_json::Value) {
    use serde_json::Value;
    // Pick a path first (reading), then change the node at its end.
    let mut pointer = String::new();
    let mut at: &Value = value;
    for _ in 0..=rng.below(6) {
        let step = match at {
            Value::Object(m) if !m.is_empty() => {
                let k = m.keys().nth(rng.below(m.len())).unwrap();
                Some((k.replace('~', "~0").replace('/', "~1"), &m[k]))
            }
            Value::Array(a) if !a.is_empty() => {
                let i = rng.below(a.len());
                Some((i.to_string(), &a[i]))
            }
            _ => None,
        };
        match step {
            Some((key, child)) if rng.below(3) > 0 => {
                pointer.push('/');
                pointer.push_str(&key);
                at = child;
            }
            _ => break,
        }
    }
    let node = value
        .pointer_mut(&pointer)
        .expect("the path was just walked");
    match (rng.below(4), &mut *node) {
        (0, Value::Object(m)) if !m.is_empty() => {
            let k = m.keys().nth(rng.below(m.len())).unwrap().clone();
            m.remove(&k);
        }
        (1, Value::Array(a)) if !a.is_empty() => {
            let copy = a[rng.below(a.len())].clone();
            a.push(copy);
        }
        // Mostly keep the type, so the typed reader accepts and the checks and renderer run.
        (_, Value::String(text)) if rng.below(4) > 0 => {
            const TEXTS: [&str; 12] = [
                "",
                "0",
                "12.50",
                "-3",
                "1737",
                "2025-06-30",
                "2021-12-31",
                "alcohol.5",
                "drugs.3",
                "behavioural.1",
                "<img src=x onerror=alert(1)>",
                "Łódź „cudzysłów”",
            ];
            *text = TEXTS[rng.below(TEXTS.len())].to_string();
        }
        (_, Value::Number(_)) if rng.below(4) > 0 => {
            *node = serde_json::json!(
                [0u64, 1, 7, 2021, 2022, 2025, 65_535, u32::MAX as u64][rng.below(8)]
            );
        }
        (_, Value::Bool(b)) => *b = !*b,
        _ => *node = odd_value(rng),
    }
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    if rng.below(2) == 0 {
        let seed = &seeds[rng.below(seeds.len())];
        if let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(seed) {
            mutate_structure(rng, &mut value);
            return serde_json::to_vec(&value).unwrap();
        }
    }
    let mut bytes = seeds[rng.below(seeds.len())].clone();
    for _ in 0..=rng.below(4) {
        let len = bytes.len();
        let at = rng.below(len + 1);
        match rng.below(8) {
            0 if len > 0 => bytes[at.min(len - 1)] ^= 1 << rng.below(8),
            1 => bytes.insert(at, rng.next_u64() as u8),
            2 => {
                let end = (at + rng.below(64)).min(len);
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(128)).min(len);
                let chunk = bytes[at..end].to_vec();
                bytes.splice(at..at, chunk);
            }
            4 | 5 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.bytes());
            }
            6 => bytes.truncate(at),
            _ => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len());
                let end = (from + rng.below(256)).min(other.len());
                bytes.splice(at..at, other[from..end].iter().copied());
            }
        }
    }
    bytes
}

/// One input through the pipeline; what reads must survive the checks, the renderer and a
/// round trip through the file format unchanged.
fn exercise(bytes: &[u8], deep: bool) -> bool {
    let Ok(contents) = read_bytes(bytes) else {
        return false;
    };
    for report in contents.reports() {
        let findings = validate(report);
        assert!(findings.iter().all(|f| !f.message.is_empty()));
        if deep {
            let html = render_html(report, &RenderOptions::default());
            assert!(html.contains("</html>"));
        }
        let text = to_json(report, "fuzz", "2026-01-01T00:00:00Z");
        match read_bytes(text.as_bytes()) {
            Ok(FileContents::Report(again)) => assert_eq!(&again.report, report),
            other => panic!("a written report does not read back: {other:?}"),
        }
    }
    true
}

#[test]
#[ignore = "a suite of its own in .ci/test and .ci/bench (prints its counts)"]
fn the_import_pipeline_never_panics_on_mutated_files() {
    let iterations: usize = std::env::var("FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_2026);
    let seeds = seeds();
    let mut rng = Rng(seed | 1);
    let (mut read, mut refused, mut panics) = (0usize, 0usize, 0usize);
    let mut first_panic = None;
    // The default hook would print every caught panic; they are counted instead.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for i in 0..iterations {
        let input = mutate(&mut rng, &seeds);
        match catch_unwind(AssertUnwindSafe(|| exercise(&input, i % 16 == 0))) {
            Ok(true) => read += 1,
            Ok(false) => refused += 1,
            Err(cause) => {
                panics += 1;
                if first_panic.is_none() {
                    let text = cause
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| cause.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    first_panic = Some((i, text, String::from_utf8_lossy(&input).into_owned()));
                }
            }
        }
    }
    std::panic::set_hook(hook);
    println!("fuzz (import pipeline): inputs {iterations}, read {read}, refused {refused}, panics {panics}, seed {seed}");
    if let Some((i, cause, input)) = first_panic {
        let shown: String = input.chars().take(2000).collect();
        panic!("input {i} panicked: {cause}\n--- input ---\n{shown}");
    }
}
