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
