//! Money: exact PLN amounts (`rust_decimal`, never floats), parsed from what people type and
//! shown the Polish way (`148 543,63 zł`). Stored in files as decimal strings (`"148543.63"`).
//!
//! Invariants: an [`Amount`] never passes through `f64`; files hold the canonical form
//! `-?[0-9]+(\.[0-9]+)?` with its scale preserved; [`parse_amount`] accepts only what is
//! unambiguous for a Polish reader and always returns exactly 2 decimal places.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of money in PLN.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Amount(pub Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    pub fn new(d: Decimal) -> Amount {
        Amount(d)
    }
    pub fn value(self) -> Decimal {
        self.0
    }
    /// An amount of `grosze` hundredths of a złoty (scale 2): `from_grosze(14854363)` is
    /// 148 543,63 zł.
    pub fn from_grosze(grosze: i64) -> Amount {
        Amount(Decimal::new(grosze, 2))
    }
}

impl std::ops::Add for Amount {
    type Output = Amount;
    fn add(self, o: Amount) -> Amount {
        Amount(self.0 + o.0)
    }
}

impl std::ops::Sub for Amount {
    type Output = Amount;
    fn sub(self, o: Amount) -> Amount {
        Amount(self.0 - o.0)
    }
}

impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, |a, b| a + b)
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing what people type
// ---------------------------------------------------------------------------------------------

/// The most digits the whole-złoty part may have (a trillion złoty is far beyond any gmina).
pub const MAX_INTEGER_DIGITS: usize = 15;

/// Why a typed amount was rejected. [`AmountError::message`] (and `Display`) is the Polish text
/// shown next to the field: lower case, no final full stop, so it can follow a field label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing was typed (only spaces).
    Empty,
    /// Something was typed, but no digit (`zł`, `-`, `,`).
    NoDigits,
    /// Letters other than a trailing `zł` / `PLN` (`12a`, `1e5`, `sto`).
    Letters,
    /// A character that has no place in an amount (`+`, `$`, `/`, a minus in the middle).
    InvalidCharacter(char),
    /// More than one comma (`12,5,0`): a comma always separates the grosze.
    SeveralDecimalSeparators,
    /// A single dot followed by exactly three digits and no comma (`1.234`, `1 234.567`): the
    /// dot may be a thousands separator or a mistyped decimal point, so nothing is guessed.
    AmbiguousDot,
    /// A comma before a dot (`1,234.50`): English notation, where the comma is not the decimal
    /// separator; in Polish it is, so the reading is unclear.
    CommaBeforeDot,
    /// Thousands separated both by spaces and dots (`1.234 567`).
    MixedGroupSeparators,
    /// Thousands groups that are not 3 digits (`1 23,00`, `12 3456`, `1..234`).
    MisplacedGroups,
    /// A separator with no digits after it (`12,`, `12.`).
    MissingDecimals,
    /// More than two decimal places (`12,345`, `0.125`).
    TooManyDecimals,
    /// More than [`MAX_INTEGER_DIGITS`] digits before the decimal separator.
    TooLarge,
    /// Spaces around or after the decimal separator (`12 ,50`, `12,5 0`).
    Malformed,
}

impl AmountError {
    /// The Polish message for the user.
    pub fn message(&self) -> String {
        match self {
            AmountError::Empty => "wpisz kwotę".into(),
            AmountError::NoDigits => "kwota musi zawierać cyfry, np. 1 234,50".into(),
            AmountError::Letters => {
                "kwota nie może zawierać liter (na końcu można dopisać tylko „zł” lub „PLN”)".into()
            }
            AmountError::InvalidCharacter(c) => format!(
                "niedozwolony znak „{c}” w kwocie; dozwolone są cyfry, spacje, przecinek i minus na początku"
            ),
            AmountError::SeveralDecimalSeparators => {
                "kwota może mieć tylko jeden przecinek, oddzielający grosze".into()
            }
            AmountError::AmbiguousDot => "nie wiadomo, czy kropka oddziela tysiące, czy grosze; \
                 wpisz kwotę bez kropki (np. 1234 lub 1 234) albo z przecinkiem przed groszami (np. 1,23)"
                .into(),
            AmountError::CommaBeforeDot => {
                "niejasny zapis (przecinek przed kropką, jak w zapisie angielskim); \
                 wpisz kwotę po polsku, np. 1 234,50"
                    .into()
            }
            AmountError::MixedGroupSeparators => {
                "tysiące oddzielono raz spacją, raz kropką; użyj jednego sposobu, np. 1 234 567,89"
                    .into()
            }
            AmountError::MisplacedGroups => {
                "niepoprawny podział na tysiące: po pierwszej grupie każda grupa musi mieć 3 cyfry, \
                 np. 1 234 567,89"
                    .into()
            }
            AmountError::MissingDecimals => {
                "po przecinku brakuje cyfr; wpisz np. 12,50 albo 12".into()
            }
            AmountError::TooManyDecimals => "kwota może mieć najwyżej 2 miejsca po przecinku".into(),
            AmountError::TooLarge => "kwota jest zbyt duża".into(),
            AmountError::Malformed => "niepoprawny zapis kwoty; wpisz np. 1 234,50".into(),
        }
    }
}

impl std::fmt::Display for AmountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for AmountError {}

/// Parses an amount as Polish users type it, returning it with exactly 2 decimal places.
///
/// Accepted (each may end with `zł`, `zl` or `PLN` in any case, and start with `-` or `−`;
/// negative amounts parse, the rules flag them where they make no sense):
/// - `148543,63`, `148 543,63`, `148.543,63` — the **comma is always the decimal separator**;
/// - `148543.63`, `0.5`, `148 543.5` — with no comma, **a single dot followed by 1 or 2 digits**
///   is a decimal point (what spreadsheets and calculators give);
/// - `148 543`, `1.234.567` — whole złoty;
/// - `,5` / `.5` — 0,50 zł;
/// - thousands separated by spaces (any Unicode white space: a space, NBSP U+00A0, narrow NBSP
///   U+202F, thin space U+2009; a run of them counts as one) **or** by dots, not both; the first
///   group has 1–3 digits, every next group exactly 3.
///
/// Rejected, each with its own [`AmountError`]:
/// - a single dot followed by exactly 3 digits and no comma (`1.234`): it could be 1234 zł
///   written with a thousands dot or a typo for 1,234; money has no third decimal, so the user
///   is asked to write `1234` / `1 234` or `1,23` ([`AmountError::AmbiguousDot`]);
/// - a comma before a dot (`1,234.50`, [`AmountError::CommaBeforeDot`]), several commas
///   (`12,5,0`), misplaced groups (`1 23,00`), more than 2 decimal places (`12,345`), letters,
///   other characters, nothing at all.
pub fn parse_amount(input: &str) -> Result<Amount, AmountError> {
    let mut s = input.trim();
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    s = strip_currency(s).trim_end();
    let negative = match s.chars().next() {
        Some(c @ ('-' | '−')) => {
            s = s[c.len_utf8()..].trim_start();
            true
        }
        _ => false,
    };

    for c in s.chars() {
        if c.is_alphabetic() {
            return Err(AmountError::Letters);
        }
        if !(c.is_ascii_digit() || c == ',' || c == '.' || c.is_whitespace()) {
            return Err(AmountError::InvalidCharacter(c));
        }
    }
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return Err(AmountError::NoDigits);
    }

    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let (int_part, frac_part, has_separator) = match (commas, dots) {
        (2.., _) => return Err(AmountError::SeveralDecimalSeparators),
        (1, _) => {
            let (int_part, frac) = s.split_once(',').expect("one comma");
            if frac.contains('.') {
                return Err(AmountError::CommaBeforeDot);
            }
            (int_part, frac, true)
        }
        (0, 1) => {
            let (int_part, frac) = s.split_once('.').expect("one dot");
            if frac.len() == 3 && frac.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AmountError::AmbiguousDot);
            }
            (int_part, frac, true)
        }
        // No separator, or several dots (which can only be thousands separators).
        (0, _) => (s, "", false),
    };

    if int_part.ends_with(char::is_whitespace) || frac_part.contains(char::is_whitespace) {
        return Err(AmountError::Malformed);
    }
    if has_separator && frac_part.is_empty() {
        return Err(AmountError::MissingDecimals);
    }
    if frac_part.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    let int_digits = join_groups(int_part)?;
    let significant = int_digits.trim_start_matches('0');
    if significant.len() > MAX_INTEGER_DIGITS {
        return Err(AmountError::TooLarge);
    }

    // At most 15 + 2 digits: fits an i128 and a Decimal without loss.
    let digits = format!("{significant}{frac_part:0<2}");
    let grosze: i128 = match digits.trim_start_matches('0') {
        "" => 0,
        d => d.parse().expect("at most 17 ASCII digits"),
    };
    let grosze = if negative { -grosze } else { grosze };
    Ok(Amount(Decimal::from_i128_with_scale(grosze, 2)))
}

/// Removes a trailing `zł` / `zl` / `PLN` (any case).
fn strip_currency(s: &str) -> &str {
    for suffix in ["zł", "zl", "pln"] {
        let n = suffix.chars().count();
        let tail_start = s.char_indices().rev().nth(n - 1).map(|(i, _)| i);
        if let Some(i) = tail_start {
            if s[i..].to_lowercase() == suffix {
                return &s[..i];
            }
        }
    }
    s
}

/// Joins the digits of the whole-złoty part, checking its thousands groups.
/// An empty part (as in `,5`) is zero.
fn join_groups(part: &str) -> Result<String, AmountError> {
    if part.is_empty() {
        return Ok("0".into());
    }
    let mut groups: Vec<String> = vec![String::new()];
    let (mut seen_space, mut seen_dot) = (false, false);
    let mut prev: Option<char> = None; // the previous separator kind: ' ' or '.'
    for c in part.chars() {
        if c.is_ascii_digit() {
            groups.last_mut().expect("non-empty").push(c);
            prev = None;
        } else if c.is_whitespace() {
            match prev {
                Some(' ') => continue, // a run of spaces is one separator
                Some(_) => return Err(AmountError::MixedGroupSeparators),
                None => {}
            }
            seen_space = true;
            groups.push(String::new());
            prev = Some(' ');
        } else {
            // '.', the only other character left
            match prev {
                Some(' ') => return Err(AmountError::MixedGroupSeparators),
                Some(_) => return Err(AmountError::MisplacedGroups),
                None => {}
            }
            seen_dot = true;
            groups.push(String::new());
            prev = Some('.');
        }
    }
    if seen_space && seen_dot {
        return Err(AmountError::MixedGroupSeparators);
    }
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(AmountError::MisplacedGroups);
        }
    }
    Ok(groups.concat())
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/// `148 543,63 zł`: always 2 decimals, a plain space (U+0020) between thousands so the printed
/// text contains exactly this string, `-` before negative amounts. Amounts with more than two
/// decimal places (possible only in hand-edited files) are rounded half away from zero.
pub fn format_pl(a: Amount) -> String {
    format!("{} zł", format_plain(a))
}

/// `148 543,63`: like [`format_pl`] without ` zł`, for the value of an input field; what it
/// returns, [`parse_amount`] reads back to the same amount.
pub fn format_plain(a: Amount) -> String {
    let rounded =
        a.0.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    // After rounding the scale is at most 2; bring the mantissa to exactly 2 decimals.
    let grosze =
        rounded.mantissa().unsigned_abs() * 10u128.pow(2u32.saturating_sub(rounded.scale()));
    let negative = rounded.is_sign_negative() && grosze != 0;
    let grouped = group_thousands(&(grosze / 100).to_string());
    format!(
        "{}{grouped},{:02}",
        if negative { "-" } else { "" },
        grosze % 100
    )
}

/// Groups the digits of a non-negative integer by thousands with plain spaces: `148543` →
/// `148 543` (U+0020, so printed text contains exactly what tests and users search for).
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Any decimal (a count, a figure, an amount with odd precision) the Polish way, without
/// trailing zeros but with at least `min_scale` decimals: `1650` → `1 650`, `12.50` → `12,5`,
/// `-3.25` → `-3,25`; with `min_scale = 2`, `7` → `7,00`.
pub fn decimal_pl(value: Decimal, min_scale: u32) -> String {
    let mut v = value.normalize();
    if v.scale() < min_scale {
        v.rescale(min_scale);
    }
    let text = v.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let sign = if v.is_sign_negative() && !v.is_zero() {
        "-"
    } else {
        ""
    };
    let mut out = format!("{sign}{}", group_thousands(int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// `part` as a percentage of `whole`, to one decimal (`108,9%`); `None` when `whole` is not
/// positive.
pub fn percent_pl(part: Decimal, whole: Decimal) -> Option<String> {
    if whole <= Decimal::ZERO {
        return None;
    }
    let p = (part * Decimal::ONE_HUNDRED / whole)
        .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    Some(format!("{}%", decimal_pl(p, 0)))
}

/// Parses a count or measure typed in a form: `1 650`, `12,5`, `12.5`, `-3`; blank is `None`.
/// Unlike amounts, any number of decimals is allowed; several separators are refused.
pub fn parse_number(text: &str) -> Result<Option<Decimal>, String> {
    let compact: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    if compact.is_empty() {
        return Ok(None);
    }
    let dotted = compact.replace(',', ".");
    let body = dotted.strip_prefix('-').unwrap_or(&dotted);
    let well_formed = !body.is_empty()
        && body.matches('.').count() <= 1
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !body.starts_with('.')
        && !body.ends_with('.');
    if !well_formed {
        return Err(format!(
            "„{}” nie jest liczbą. Wpisz np. 1 650 albo 12,5.",
            text.trim()
        ));
    }
    // What is stored must read back: the file format's limits apply here too.
    parse_decimal_text(&dotted).map(Some).ok_or_else(|| {
        format!(
            "„{}” ma za dużo cyfr: najwyżej 18 przed przecinkiem i 28 w sumie.",
            text.trim()
        )
    })
}

// ---------------------------------------------------------------------------------------------
// The file form
// ---------------------------------------------------------------------------------------------

/// Start of the deserialisation error for a string that is not a canonical decimal;
/// [`crate::domain::format`] recognises it to name the field and the value.
pub(crate) const DE_NOT_A_NUMBER: &str = "kwota nie jest liczbą";
/// Start of the deserialisation error for an amount written as a JSON number.
pub(crate) const DE_NOT_A_STRING: &str = "kwota zapisana jako liczba JSON";

/// The one rule for decimal text in files — amounts, counts and figures alike: an optional
/// minus, 1 to 18 digits, optionally a dot and digits, at most 28 digits in all. That many
/// always fit a `Decimal` exactly, and with at most 18 whole digits (a quintillion) every sum,
/// share and percentage the checks and the printed report compute stays far inside its range, so
/// no file can make them overflow. Whatever matches is read; whatever does not ("NaN", "1e400",
/// "1,2,3", "Infinity", a 30-digit number) is refused by the reader and by the published schema
/// alike. Values typed in the app are held to it before they are stored, so what is saved always
/// reads back.
pub const DECIMAL_TEXT_PATTERN: &str = r"^-?(?!(?:[0-9]\.?){29})[0-9]{1,18}(\.[0-9]+)?$";

/// The most digits decimal text may have.
pub const MAX_DECIMAL_DIGITS: usize = 28;
/// The most whole digits decimal text may have.
pub const MAX_WHOLE_DIGITS: usize = 18;

/// Whether `s` matches [`DECIMAL_TEXT_PATTERN`].
pub fn is_decimal_text(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    digits(int)
        && int.len() <= MAX_WHOLE_DIGITS
        && frac.is_none_or(digits)
        && int.len() + frac.map_or(0, str::len) <= MAX_DECIMAL_DIGITS
}

/// Reads decimal text of a file (see [`DECIMAL_TEXT_PATTERN`]).
pub fn parse_decimal_text(s: &str) -> Option<Decimal> {
    is_decimal_text(s).then(|| s.parse().ok()).flatten()
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AmountVisitor;

        impl AmountVisitor {
            fn number<E: serde::de::Error>(v: impl std::fmt::Display) -> E {
                E::custom(format!(
                    "{DE_NOT_A_STRING}: {v} (oczekiwano tekstu, np. \"148543.63\")"
                ))
            }
        }

        impl serde::de::Visitor<'_> for AmountVisitor {
            type Value = Amount;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("kwota jako tekst, np. \"148543.63\"")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Amount, E> {
                parse_decimal_text(s).map(Amount).ok_or_else(|| {
                    E::custom(format!(
                        "{DE_NOT_A_NUMBER}: \"{s}\" (oczekiwano np. \"148543.63\")"
                    ))
                })
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
                Err(Self::number(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
                Err(Self::number(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Amount, E> {
                Err(Self::number(v))
            }
        }

        d.deserialize_any(AmountVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": DECIMAL_TEXT_PATTERN,
            "description": "Kwota w złotych jako liczba dziesiętna w zapisie tekstowym, np. \"148543.63\""
        })
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn counts_typed_in_forms_parse_or_say_why_not() {
        let d = |t: &str| Some(t.parse::<Decimal>().unwrap());
        assert_eq!(parse_number("1 650"), Ok(d("1650")));
        assert_eq!(parse_number("1\u{a0}650"), Ok(d("1650")));
        assert_eq!(parse_number("12,5"), Ok(d("12.5")));
        assert_eq!(parse_number("12.5"), Ok(d("12.5")));
        assert_eq!(parse_number("-3"), Ok(d("-3")));
        assert_eq!(parse_number("   "), Ok(None));
        for bad in ["12,5,0", "abc", "1.", ",5", "--1"] {
            let message = parse_number(bad).unwrap_err();
            assert!(message.contains(bad), "{bad}: {message}");
        }
    }

    #[test]
    fn counts_and_figures_are_written_the_polish_way() {
        let d = |t: &str| t.parse::<Decimal>().unwrap();
        assert_eq!(decimal_pl(d("1650"), 0), "1 650");
        assert_eq!(decimal_pl(d("9161"), 0), "9 161");
        assert_eq!(decimal_pl(d("12.50"), 0), "12,5");
        assert_eq!(decimal_pl(d("-3.25"), 0), "-3,25");
        assert_eq!(decimal_pl(d("7"), 2), "7,00");
        assert_eq!(decimal_pl(d("148543.631"), 2), "148 543,631");
        assert_eq!(decimal_pl(d("-0.00"), 0), "0");
    }
    use super::*;

    fn ok(input: &str) -> String {
        match parse_amount(input) {
            Ok(a) => a.0.to_string(),
            Err(e) => panic!("{input:?} rejected: {e}"),
        }
    }

    fn err(input: &str) -> AmountError {
        match parse_amount(input) {
            Ok(a) => panic!("{input:?} accepted as {}", a.0),
            Err(e) => e,
        }
    }

    #[test]
    fn accepts_polish_notation_with_spaces_and_comma() {
        assert_eq!(ok("148 543,63"), "148543.63");
        assert_eq!(ok("148543,63"), "148543.63");
        assert_eq!(ok("1 234 567,8"), "1234567.80");
        assert_eq!(ok("0,5"), "0.50");
        assert_eq!(ok(",5"), "0.50");
    }

    #[test]
    fn accepts_dots_as_thousands_before_a_comma() {
        assert_eq!(ok("148.543,63"), "148543.63");
        assert_eq!(ok("1.234.567,00"), "1234567.00");
    }

    #[test]
    fn accepts_several_thousands_dots_without_a_comma() {
        assert_eq!(ok("1.234.567"), "1234567.00");
    }

    #[test]
    fn accepts_a_decimal_dot_with_one_or_two_digits() {
        assert_eq!(ok("148543.63"), "148543.63");
        assert_eq!(ok("0.5"), "0.50");
        assert_eq!(ok("148 543.6"), "148543.60");
        assert_eq!(ok(".25"), "0.25");
    }

    #[test]
    fn accepts_whole_zloty() {
        assert_eq!(ok("148 543"), "148543.00");
        assert_eq!(ok("0"), "0.00");
        assert_eq!(ok("007"), "7.00");
    }

    #[test]
    fn accepts_nbsp_and_narrow_nbsp_as_thousands_separators() {
        assert_eq!(ok("148\u{a0}543,63"), "148543.63");
        assert_eq!(ok("1\u{202f}234\u{202f}567,00"), "1234567.00");
        assert_eq!(ok("1\u{2009}234"), "1234.00");
        assert_eq!(ok("1  234,00"), "1234.00");
    }

    #[test]
    fn accepts_a_currency_suffix_and_surrounding_spaces() {
        assert_eq!(ok("148 543,63 zł"), "148543.63");
        assert_eq!(ok("148 543,63zł"), "148543.63");
        assert_eq!(ok("12 ZŁ"), "12.00");
        assert_eq!(ok("12 zl"), "12.00");
        assert_eq!(ok("12,50 PLN"), "12.50");
        assert_eq!(ok("12,50 pln"), "12.50");
        assert_eq!(ok("  12,50\u{a0}zł\t"), "12.50");
    }

    #[test]
    fn accepts_a_leading_minus() {
        assert_eq!(ok("-1 234,50"), "-1234.50");
        assert_eq!(ok("−12,5 zł"), "-12.50");
        assert_eq!(ok("- 12"), "-12.00");
    }

    #[test]
    fn minus_zero_is_plain_zero() {
        let a = parse_amount("-0,00").unwrap();
        assert!(!a.0.is_sign_negative());
        assert_eq!(format_pl(a), "0,00 zł");
    }

    #[test]
    fn rejects_empty_input() {
        assert_eq!(err(""), AmountError::Empty);
        assert_eq!(err("   \u{a0}"), AmountError::Empty);
    }

    #[test]
    fn rejects_input_without_digits() {
        assert_eq!(err("zł"), AmountError::NoDigits);
        assert_eq!(err("-"), AmountError::NoDigits);
        assert_eq!(err(","), AmountError::NoDigits);
    }

    #[test]
    fn rejects_letters() {
        assert_eq!(err("sto złotych"), AmountError::Letters);
        assert_eq!(err("12a"), AmountError::Letters);
        assert_eq!(err("1e5"), AmountError::Letters);
        assert_eq!(err("12 tys."), AmountError::Letters);
    }

    #[test]
    fn rejects_other_characters() {
        assert_eq!(err("+12"), AmountError::InvalidCharacter('+'));
        assert_eq!(err("$12"), AmountError::InvalidCharacter('$'));
        assert_eq!(err("12-5"), AmountError::InvalidCharacter('-'));
        assert_eq!(err("--5"), AmountError::InvalidCharacter('-'));
    }

    #[test]
    fn rejects_several_decimal_commas() {
        assert_eq!(err("12,5,0"), AmountError::SeveralDecimalSeparators);
        assert_eq!(err("1,234,567"), AmountError::SeveralDecimalSeparators);
    }

    #[test]
    fn rejects_a_single_dot_before_three_digits_as_ambiguous() {
        assert_eq!(err("1.234"), AmountError::AmbiguousDot);
        assert_eq!(err("1 234.567"), AmountError::AmbiguousDot);
        assert_eq!(err("1.234 zł"), AmountError::AmbiguousDot);
    }

    #[test]
    fn rejects_english_notation_with_a_comma_before_a_dot() {
        assert_eq!(err("1,234.5"), AmountError::CommaBeforeDot);
        assert_eq!(err("1,234.50"), AmountError::CommaBeforeDot);
    }

    #[test]
    fn rejects_mixed_thousands_separators() {
        assert_eq!(err("1.234 567,00"), AmountError::MixedGroupSeparators);
        assert_eq!(err("1 234.567,00"), AmountError::MixedGroupSeparators);
        assert_eq!(err("1. 234,00"), AmountError::MixedGroupSeparators);
    }

    #[test]
    fn rejects_misplaced_thousands_groups() {
        assert_eq!(err("1 23,00"), AmountError::MisplacedGroups);
        assert_eq!(err("1234 567"), AmountError::MisplacedGroups);
        assert_eq!(err("12 3456"), AmountError::MisplacedGroups);
        assert_eq!(err("1.23.456"), AmountError::MisplacedGroups);
        assert_eq!(err("1..234,00"), AmountError::MisplacedGroups);
        assert_eq!(err("1.234.5"), AmountError::MisplacedGroups);
        assert_eq!(err(".234.567"), AmountError::MisplacedGroups);
    }

    #[test]
    fn rejects_a_separator_without_digits_after_it() {
        assert_eq!(err("12,"), AmountError::MissingDecimals);
        assert_eq!(err("12."), AmountError::MissingDecimals);
        assert_eq!(err("12, zł"), AmountError::MissingDecimals);
    }

    #[test]
    fn rejects_more_than_two_decimal_places() {
        assert_eq!(err("12,345"), AmountError::TooManyDecimals);
        assert_eq!(err("0,001"), AmountError::TooManyDecimals);
        assert_eq!(err("12.3456"), AmountError::TooManyDecimals);
        assert_eq!(
            err("12,345").message(),
            "kwota może mieć najwyżej 2 miejsca po przecinku"
        );
    }

    #[test]
    fn rejects_spaces_at_the_decimal_separator() {
        assert_eq!(err("12 ,50"), AmountError::Malformed);
        assert_eq!(err("12,5 0"), AmountError::Malformed);
    }

    #[test]
    fn rejects_absurdly_large_amounts() {
        assert_eq!(err("1234567890123456"), AmountError::TooLarge);
        assert_eq!(ok("999 999 999 999 999,99"), "999999999999999.99");
        assert_eq!(ok("0000000000000000001"), "1.00");
    }

    #[test]
    fn every_error_has_a_polish_message() {
        let all = [
            AmountError::Empty,
            AmountError::NoDigits,
            AmountError::Letters,
            AmountError::InvalidCharacter('+'),
            AmountError::SeveralDecimalSeparators,
            AmountError::AmbiguousDot,
            AmountError::CommaBeforeDot,
            AmountError::MixedGroupSeparators,
            AmountError::MisplacedGroups,
            AmountError::MissingDecimals,
            AmountError::TooManyDecimals,
            AmountError::TooLarge,
            AmountError::Malformed,
        ];
        for e in all {
            let m = e.to_string();
            assert!(!m.is_empty() && !m.ends_with('.'), "{e:?}: {m}");
        }
        assert_eq!(
            AmountError::SeveralDecimalSeparators.message(),
            "kwota może mieć tylko jeden przecinek, oddzielający grosze"
        );
    }

    #[test]
    fn formats_with_spaces_comma_and_two_decimals() {
        let a = |s: &str| Amount(s.parse::<Decimal>().unwrap());
        assert_eq!(format_pl(a("148543.63")), "148 543,63 zł");
        assert_eq!(format_pl(a("148543.6")), "148 543,60 zł");
        assert_eq!(format_pl(a("148543")), "148 543,00 zł");
        assert_eq!(format_pl(a("1234567.89")), "1 234 567,89 zł");
        assert_eq!(format_pl(a("999")), "999,00 zł");
        assert_eq!(format_pl(a("1000")), "1 000,00 zł");
        assert_eq!(format_pl(a("0.05")), "0,05 zł");
        assert_eq!(format_pl(a("-1234.5")), "-1 234,50 zł");
        assert_eq!(format_plain(a("148543.63")), "148 543,63");
        assert_eq!(format_plain(Amount::ZERO), "0,00");
    }

    #[test]
    fn formatting_rounds_extra_decimals_half_away_from_zero() {
        let a = |s: &str| Amount(s.parse::<Decimal>().unwrap());
        assert_eq!(format_plain(a("0.125")), "0,13");
        assert_eq!(format_plain(a("-0.125")), "-0,13");
        assert_eq!(format_plain(a("-0.004")), "0,00");
    }

    #[test]
    fn from_grosze_has_scale_two() {
        assert_eq!(Amount::from_grosze(14854363).0.to_string(), "148543.63");
        assert_eq!(Amount::from_grosze(-5).0.to_string(), "-0.05");
    }

    #[test]
    fn serialises_as_a_decimal_string_preserving_scale() {
        let a = Amount(Decimal::new(1485430, 1));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"148543.0\"");
        let back: Amount = serde_json::from_str("\"148543.630\"").unwrap();
        assert_eq!(back.0.to_string(), "148543.630");
    }

    #[test]
    fn reads_only_the_canonical_file_form() {
        for good in ["0", "-12", "12.5", "148543.63", "-0.01"] {
            let a: Amount = serde_json::from_str(&format!("\"{good}\"")).unwrap();
            assert_eq!(a.0.to_string(), good);
        }
        for bad in [
            "", " 1", "1,5", "12,5,0", "1e5", "+1", "1.", ".5", "1 000", "abc",
        ] {
            let e = serde_json::from_str::<Amount>(&format!("\"{bad}\"")).unwrap_err();
            assert!(e.to_string().starts_with(DE_NOT_A_NUMBER), "{bad:?}: {e}");
        }
        let e = serde_json::from_str::<Amount>("12.5").unwrap_err();
        assert!(e.to_string().starts_with(DE_NOT_A_STRING), "{e}");
        let e = serde_json::from_str::<Amount>("12").unwrap_err();
        assert!(e.to_string().starts_with(DE_NOT_A_STRING), "{e}");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Writes grosze the way a person might type them, using integer arithmetic only, so the
    /// test does not depend on [`format_plain`].
    fn typed(grosze: i64, style: u8) -> String {
        let sign = if grosze < 0 { "-" } else { "" };
        let g = grosze.unsigned_abs();
        let (whole, frac) = (g / 100, g % 100);
        let whole_s = whole.to_string();
        let grouped = |sep: &str| {
            let mut out = String::new();
            for (i, c) in whole_s.chars().enumerate() {
                if i > 0 && (whole_s.len() - i).is_multiple_of(3) {
                    out.push_str(sep);
                }
                out.push(c);
            }
            out
        };
        match style % 5 {
            0 => format!("{sign}{whole},{frac:02}"),
            1 => format!("{sign}{},{frac:02} zł", grouped(" ")),
            2 => format!(
                "{sign}{}\u{a0}PLN",
                grouped("\u{a0}") + &format!(",{frac:02}")
            ),
            3 => format!("{sign}{},{frac:02}", grouped(".")),
            _ => format!("{sign}{whole}.{frac:02}"),
        }
    }

    proptest! {
        #[test]
        fn sums_of_parsed_amounts_are_exact(
            items in prop::collection::vec((-10_000_000_000_000i64..10_000_000_000_000, any::<u8>()), 0..40)
        ) {
            let parsed: Amount = items
                .iter()
                .map(|&(g, style)| parse_amount(&typed(g, style)).unwrap())
                .sum();
            let total: i64 = items.iter().map(|&(g, _)| g).sum();
            prop_assert_eq!(parsed, parse_amount(&typed(total, 0)).unwrap());
            prop_assert_eq!(parsed, Amount::from_grosze(total));
        }

        #[test]
        fn format_then_parse_is_identity(grosze in -99_999_999_999_999_999i64..=99_999_999_999_999_999) {
            let a = Amount::from_grosze(grosze);
            prop_assert_eq!(parse_amount(&format_pl(a)).unwrap(), a);
            prop_assert_eq!(parse_amount(&format_plain(a)).unwrap(), a);
            prop_assert_eq!(parse_amount(&format_plain(a)).unwrap().0.to_string(), a.0.to_string());
        }

        #[test]
        fn parsing_never_panics(s in "\\PC{0,30}") {
            let _ = parse_amount(&s);
        }

        #[test]
        fn parsing_arbitrary_amount_like_text_never_panics(s in "[-−0-9 ,.\u{a0}złPLN]{0,24}") {
            if let Ok(a) = parse_amount(&s) {
                prop_assert_eq!(a.0.scale(), 2);
            }
        }
    }
}
