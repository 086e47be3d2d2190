//! The benchmark's operations (`raport_gp::domain::perf`) timed in headless Chromium, printed as
//! lines `perf wasm <operation> <activities> <median ms>`. Run by `.ci/bench` in a release build
//! (`cargo test --release --target wasm32-unknown-unknown --test perf_web`), next to the native
//! timings of `tests/perf.rs`. Not part of the test command: it asserts nothing but completion.
#![cfg(target_arch = "wasm32")]

use raport_gp::domain::perf::{inputs, median, repetitions, run, OPERATIONS, SIZES};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
fn time_the_core_operations_in_the_browser() {
    if option_env!("RAPORT_PERF").is_none() {
        return; // only when .ci/bench asks for it
    }
    for n in SIZES {
        let inputs = inputs(n);
        for op in OPERATIONS {
            run(op, &inputs);
            let times: Vec<f64> = (0..repetitions(n))
                .map(|_| {
                    let t = now();
                    std::hint::black_box(run(op, &inputs));
                    now() - t
                })
                .collect();
            console_log!("perf wasm {op} {n} {:.3}", median(times));
        }
    }
}
