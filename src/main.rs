//! Entry point of the browser app; Trunk builds this binary for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    raport_gp::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "raport-gp is the browser app: build it with `trunk build`; the native tool is `raport`."
    );
    std::process::exit(2);
}
