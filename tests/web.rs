//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts in a real page.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn app_shell_mounts_with_header_navigation_and_main() {
    raport_gp::app::start();
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
