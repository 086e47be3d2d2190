//! The small pieces every section uses: the one HTML escape, paragraphs of user text, and the
//! Polish formatting of amounts, numbers, percentages and dates.
//!
//! Invariant: no user string reaches the output except through [`Esc`].

use std::fmt::{self, Display, Write};

use rust_decimal::Decimal;

use crate::domain::model::{Amount, Date};

/// Displays a string with the five HTML-significant characters escaped. Safe in text content and
/// in double- or single-quoted attribute values. This is the only escape in the renderer.
pub(super) struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

/// Writes user text as paragraphs: a blank line starts a new `<p>`, a single line break becomes
/// `<br>`. Writes nothing for blank text.
pub(super) fn paragraphs(out: &mut String, text: &str) -> fmt::Result {
    let normalised = text.replace("\r\n", "\n");
    for para in normalised
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        out.push_str("<p>");
        for (i, line) in para.lines().enumerate() {
            if i > 0 {
                out.push_str("<br>");
            }
            write!(out, "{}", Esc(line.trim()))?;
        }
        out.push_str("</p>\n");
    }
    Ok(())
}

/// The text, or a visible placeholder when it is blank (never an empty cell or heading).
pub(super) fn or_missing(text: &str) -> &str {
    if text.trim().is_empty() {
        "nie podano"
    } else {
        text
    }
}

/// The full stop a sentence ending in `text` still needs (none after `r.` of a date).
pub(super) fn full_stop(text: &str) -> &'static str {
    if text.trim_end().ends_with('.') {
        ""
    } else {
        "."
    }
}

/// `148 543,63 zł` (the one money format of the app).
pub(super) use crate::domain::money::format_pl as amount;

/// A count or measure without trailing zeros: `1 737`, `18,5`.
pub(super) fn number(d: Decimal) -> String {
    crate::domain::money::decimal_pl(d, 0)
}

/// What a table cell shows for a value that was not given (never `0`).
pub(super) const NO_DATA: &str = "brak danych";

/// An amount, or "brak danych" when it was not given.
pub(super) fn amount_or_no_data(a: Option<Amount>) -> String {
    a.map(amount).unwrap_or_else(|| NO_DATA.to_string())
}

/// A whole count with thousands grouped: `1 737`.
pub(super) fn count(n: impl Into<u64>) -> String {
    number(Decimal::from(n.into()))
}

/// A change with its sign: `+2`, `-4`, `0`.
pub(super) fn signed(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", number(d))
    } else {
        number(d)
    }
}

/// `part` as a percentage of `whole` with one decimal (`97,6%`), if `whole` is positive.
pub(super) fn percent(part: Decimal, whole: Decimal) -> Option<String> {
    crate::domain::money::percent_pl(part, whole)
}

/// `23 stycznia 2020 r.`, or a placeholder.
pub(super) fn date(d: Option<Date>) -> String {
    d.map(Date::format_pl)
        .unwrap_or_else(|| "nie podano".to_string())
}

/// `23 stycznia 2020 r.`, or nothing.
pub(super) fn date_if(d: Option<Date>) -> String {
    d.map(Date::format_pl).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn escapes_every_html_significant_character() {
        assert_eq!(
            Esc(r#"<a href="x">Tom & 'Jerry'</a>"#).to_string(),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(Esc("zażółć gęślą jaźń").to_string(), "zażółć gęślą jaźń");
    }

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(number(dec("1737")), "1 737");
        assert_eq!(number(dec("18.50")), "18,5");
        assert_eq!(number(dec("110")), "110");
        assert_eq!(percent(dec("196"), dec("180")).as_deref(), Some("108,9%"));
        assert_eq!(percent(dec("1"), dec("0")), None);
        assert_eq!(signed(dec("2")), "+2");
        assert_eq!(signed(dec("-1500")), "-1 500");
        assert_eq!(signed(dec("0")), "0");
        assert_eq!(count(1737u32), "1 737");
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_escape() {
        let mut out = String::new();
        paragraphs(&mut out, "a <b>\nc\n\n\n d ").unwrap();
        assert_eq!(out, "<p>a &lt;b&gt;<br>c</p>\n<p>d</p>\n");
    }
}
