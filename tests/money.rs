#![cfg(not(target_arch = "wasm32"))]
//! Money over 100 000 random amounts (a suite of its own in `.ci/test`, printing its counts):
//! sums of amounts are exact to the grosz (checked against integer arithmetic on grosze), the
//! Polish format is exactly `1 234 567,89 zł` (checked against an integer formatter written
//! here, not the app's), and what is formatted parses back to the same amount — in files
//! (decimal text) as in forms.

use raport_gp::domain::model::Amount;
use raport_gp::domain::money::{format_pl, is_decimal_text, parse_amount};

// Seeded, so every run sees the same inputs.
use raport_gp::domain::samples::generate::Rng;

/// An amount in grosze of a random size: from a few grosze to 10¹³ zł, of either sign.
fn grosze(rng: &mut Rng) -> i64 {
    let magnitude = 10i64.pow((rng.next_u64() % 16) as u32);
    let g = (rng.next_u64() % magnitude.max(1) as u64) as i64 + (rng.next_u64() % 100) as i64;
    if rng.next_u64().is_multiple_of(5) {
        -g
    } else {
        g
    }
}

/// `-1 234,05 zł` from grosze, with integer arithmetic only.
fn polish(grosze: i128) -> String {
    let digits = (grosze.abs() / 100).to_string();
    let mut whole = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            whole.push(' ');
        }
        whole.push(c);
    }
    let sign = if grosze < 0 { "-" } else { "" };
    format!("{sign}{whole},{:02} zł", grosze.abs() % 100)
}

#[test]
#[ignore = "a suite of its own in .ci/test (prints its counts)"]
fn sums_and_polish_formatting_of_100_000_amounts_are_exact() {
    const N: usize = 100_000;
    let mut rng = Rng(0x00DE_C1A5_2026);
    let (mut sum_mismatches, mut format_mismatches, mut round_trip_mismatches) = (0, 0, 0);
    let mut total = Amount::ZERO;
    let mut total_grosze: i128 = 0;
    let mut first_problem = None;
    for i in 0..N {
        let g = grosze(&mut rng);
        let a = Amount::from_grosze(g);
        total = total + a;
        total_grosze += i128::from(g);
        if total != Amount::from_grosze(total_grosze as i64) {
            sum_mismatches += 1;
            first_problem.get_or_insert(format!("sum after {i}: {total:?} vs {total_grosze}"));
        }
        let shown = format_pl(a);
        if shown != polish(i128::from(g)) {
            format_mismatches += 1;
            first_problem.get_or_insert(format!("{g} grosze shown as {shown}"));
        }
        let file_text = a.value().to_string();
        let back = parse_amount(&shown);
        if back != Ok(a) || !is_decimal_text(&file_text) {
            round_trip_mismatches += 1;
            first_problem.get_or_insert(format!("{shown} read back as {back:?} ({file_text})"));
        }
    }
    let sum_shown = format_pl(total);
    assert_eq!(sum_shown, polish(total_grosze));
    println!(
        "money: amounts {N}, sum mismatches {sum_mismatches}, formatting mismatches \
         {format_mismatches}, round-trip mismatches {round_trip_mismatches}; sum {sum_shown}"
    );
    assert_eq!(first_problem, None);
}
