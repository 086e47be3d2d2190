#![cfg(not(target_arch = "wasm32"))]
//! Native timings of the benchmark's operations (`raport_gp::domain::perf`), printed as lines
//! `perf native <operation> <activities> <median ms>` for `.ci/bench`, which runs this in a
//! release build next to the same work in Chromium (`tests/perf_web.rs`) and prints the ratio.

use std::time::Instant;

use raport_gp::domain::perf::{inputs, median, repetitions, run, OPERATIONS, SIZES};

#[test]
#[ignore = "a benchmark, run by .ci/bench in a release build"]
fn time_the_core_operations_natively() {
    for n in SIZES {
        let inputs = inputs(n);
        for op in OPERATIONS {
            run(op, &inputs); // warm up
            let times: Vec<f64> = (0..repetitions(n))
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(run(op, &inputs));
                    t.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            println!("perf native {op} {n} {:.3}", median(times));
        }
    }
}

/// Writes the generated reports as files for the in-app benchmark (`tests/bench/app.mjs`):
/// `BENCH_OUT=dir cargo test --release --test perf -- --ignored write_generated_reports`.
#[test]
#[ignore = "a benchmark helper, run by .ci/bench"]
fn write_generated_reports() {
    use raport_gp::domain::format::to_json;
    use raport_gp::domain::samples::generate::generated;
    let dir =
        std::env::var("BENCH_OUT").unwrap_or_else(|_| std::env::temp_dir().display().to_string());
    for n in SIZES {
        let path = std::path::Path::new(&dir).join(format!("raport-{n}.json"));
        std::fs::write(
            &path,
            to_json(&generated(n), "bench", "2026-01-01T00:00:00Z"),
        )
        .unwrap();
        println!("wrote {}", path.display());
    }
}
