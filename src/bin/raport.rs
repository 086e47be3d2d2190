//! `raport`: the command-line tool over the domain core (check, render, migrate, summary).

fn main() {
    eprintln!("raport {}", raport_gp::APP_VERSION);
}
