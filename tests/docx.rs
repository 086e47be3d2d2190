#![cfg(not(target_arch = "wasm32"))]
//! The report as a Word document, checked from outside: every DOCX the suite writes (both
//! samples, a report linked to last year, the hostile-text report, a generated report of 1,000
//! activities) must pass the package checks of `tests/docx/check-package.py` (Python's own ZIP
//! and XML readers) and convert to PDF with LibreOffice; the converted text must hold every
//! heading, amount and citation of the HTML print, and hostile text must come out as the text
//! it is. Needs `python3`, `soffice` (Debian `libreoffice-writer-nogui`) and `pdftotext`, so
//! it is ignored by default; `.ci/test` runs it: `cargo test --test docx -- --ignored`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use raport_gp::domain::docx::render_docx;
use raport_gp::domain::model::Report;
use raport_gp::domain::render::{render_html, RenderOptions};
use raport_gp::domain::samples;

fn work_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("docx");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Text as a reader compares it: every run of whitespace (a no-break space too) one space.
fn normalise(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of an HTML fragment: tags dropped, the renderer's character references decoded.
fn html_text(fragment: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    normalise(
        &out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

/// The contents of every element opened by `open` (up to `close`) in the print.
fn elements(html: &str, open: &str, close: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        rest = &rest[i..];
        let body_start = rest.find('>').unwrap() + 1;
        let end = rest.find(close).unwrap();
        found.push(html_text(&rest[body_start..end]));
        rest = &rest[end..];
    }
    found
}

/// What the print says that the document must say too: headings, amounts and citations.
struct Expected {
    headings: Vec<String>,
    amounts: Vec<String>,
    citations: Vec<String>,
}

fn expected(report: &Report) -> Expected {
    let html = render_html(report, &RenderOptions::default());
    let main = &html[html.find("<main>").unwrap()..html.find("</main>").unwrap()];
    let mut headings = Vec::new();
    for level in 1..=4 {
        headings.extend(elements(
            main,
            &format!("<h{level}"),
            &format!("</h{level}>"),
        ));
    }
    let mut citations = elements(main, "<span class=\"cite\"", "</span>");
    citations.extend(elements(main, "<p class=\"cite\"", "</p>"));
    // Amounts in the visible text (not inside the charts' drawings, whose figures the text
    // alternative and the tables repeat).
    let mut visible = String::new();
    let mut rest = main;
    while let Some(i) = rest.find("<svg") {
        visible.push_str(&rest[..i]);
        rest = &rest[rest.find("</svg>").unwrap() + 6..];
    }
    visible.push_str(rest);
    let text = html_text(&visible);
    let mut amounts = Vec::new();
    let words: Vec<&str> = text.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        if *w == "zł" || w.starts_with("zł") {
            // Walk back over the digit groups: `148 543,63 zł`.
            let mut start = i;
            while start > 0
                && words[start - 1]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '-')
            {
                start -= 1;
                if words[start].contains(',') && start + 1 < i {
                    break;
                }
            }
            if start < i {
                amounts.push(
                    words[start..=i]
                        .join(" ")
                        .trim_end_matches(['.', ';', ',', ')', ':'])
                        .to_string(),
                );
            }
        }
    }
    Expected {
        headings,
        amounts,
        citations,
    }
}

fn run(command: &mut Command) -> String {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(
        out.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
#[ignore = "needs python3, LibreOffice and pdftotext; .ci/test runs it"]
fn every_docx_is_a_package_that_libreoffice_converts_with_every_heading_amount_and_citation() {
    let dir = work_dir();
    let cases: Vec<(&str, Report)> = vec![
        ("kalisz-2020", samples::kalisz_2020()),
        ("przykladowo-2025", samples::small_gmina_2025()),
        ("przykladowo-2026-porownanie", common::this_year()),
        ("wrogi-tekst", common::hostile_report()),
        ("1000-dzialan", samples::generate::generated(1000)),
    ];
    let mut files = Vec::new();
    for (name, report) in &cases {
        let path = dir.join(format!("{name}.docx"));
        fs::write(&path, render_docx(report, None)).unwrap();
        files.push(path);
    }

    // The package checks, and proof that they can fail: a cut file is refused.
    let checker = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/docx/check-package.py");
    let report = run(Command::new("python3").arg(&checker).args(&files));
    println!("{report}");
    let bytes = fs::read(&files[0]).unwrap();
    let cut = dir.join("cut.docx");
    fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let refused = Command::new("python3")
        .arg(&checker)
        .arg(&cut)
        .output()
        .unwrap();
    assert!(!refused.status.success(), "the checker refuses a cut file");

    // One LibreOffice run converts them all (a profile of its own: no other instance shares it).
    let profile = dir.join("lo-profile");
    run(Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&dir)
        .args(&files));

    let (mut pages, mut headings, mut amounts, mut citations) = (0, 0, 0, 0);
    let mut missing = Vec::new();
    for (name, report) in &cases {
        let pdf = dir.join(format!("{name}.pdf"));
        assert!(pdf.exists(), "LibreOffice converted {name}");
        let info = run(Command::new("pdfinfo").arg(&pdf));
        pages += info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse::<usize>().ok())
            .unwrap();
        let text = normalise(&run(Command::new("pdftotext")
            .args(["-raw", "-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")));
        let want = expected(report);
        headings += want.headings.len();
        amounts += want.amounts.len();
        citations += want.citations.len();
        for (what, items) in [
            ("heading", &want.headings),
            ("amount", &want.amounts),
            ("citation", &want.citations),
        ] {
            for item in items {
                if !text.contains(item.as_str()) {
                    missing.push(format!("{name}: {what} „{item}”"));
                }
            }
        }
        match *name {
            "kalisz-2020" => {
                for must in [
                    "148 543,63 zł",
                    "art. 10 ust. 1",
                    "Wydatki na realizację programu",
                ] {
                    assert!(text.contains(must), "Kalisz's DOCX says {must}");
                }
            }
            "przykladowo-2025" => {
                for must in [
                    "art. 4¹ ust. 2b",
                    "Działalność Gminnej Komisji Rozwiązywania Problemów Alkoholowych",
                ] {
                    assert!(text.contains(must), "the joint sample's DOCX says {must}");
                }
            }
            "wrogi-tekst" => {
                let hostile = normalise(common::HOSTILE);
                assert!(
                    text.contains(&hostile),
                    "hostile text is printed as the text it is"
                );
            }
            _ => {}
        }
    }
    println!(
        "docx through LibreOffice: documents {}, pages {pages}, headings {headings}, amounts {amounts}, citations {citations}, missing {}",
        cases.len(),
        missing.len()
    );
    assert!(
        missing.is_empty(),
        "missing from the converted text:\n{}",
        missing.join("\n")
    );
    assert!(
        headings > 1000 && amounts > 1000 && citations > 50,
        "the comparison compared something"
    );
}
