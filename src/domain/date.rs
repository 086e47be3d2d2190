//! Calendar dates without time zones, stored as ISO `YYYY-MM-DD` and shown the Polish way
//! (`23 stycznia 2020 r.`). Only valid dates can be constructed.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// `None` unless the date exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !(1000..=9999).contains(&year) {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u32 {
        self.month as u32
    }
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Parses `YYYY-MM-DD` (what `<input type="date">` gives and files store).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let mut it = s.split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// `2020-01-23`
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `23 stycznia 2020 r.`
    pub fn format_pl(self) -> String {
        const MONTHS: [&str; 12] = [
            "stycznia",
            "lutego",
            "marca",
            "kwietnia",
            "maja",
            "czerwca",
            "lipca",
            "sierpnia",
            "września",
            "października",
            "listopada",
            "grudnia",
        ];
        format!(
            "{} {} {} r.",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }

    /// Days since 1970-01-01 (negative before), for ordering and distances.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` days since 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        Date::new(i32::try_from(y).ok()?, m as u32, d as u32)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor, so a bad date fails while its string is being read and the reader's error
        // points at that string (not at the end of the object around it).
        struct DateVisitor;
        impl serde::de::Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
                Date::parse_iso(s).ok_or_else(|| {
                    E::custom(format!(
                        "data \"{s}\" nie jest poprawną datą w formacie RRRR-MM-DD"
                    ))
                })
            }
        }
        d.deserialize_str(DateVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "Data w formacie RRRR-MM-DD"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_the_polish_way() {
        assert_eq!(
            Date::new(2020, 1, 23).unwrap().format_pl(),
            "23 stycznia 2020 r."
        );
        assert_eq!(
            Date::new(2020, 12, 29).unwrap().format_pl(),
            "29 grudnia 2020 r."
        );
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert!(Date::new(2021, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::parse_iso("2020-13-01").is_none());
        assert!(Date::parse_iso("2020-1-1").is_none());
        assert!(Date::parse_iso("23.01.2020").is_none());
    }

    #[test]
    fn epoch_days_round_trip() {
        for days in [-800_000i64, -1, 0, 1, 18_000, 20_000, 2_000_000] {
            if let Some(d) = Date::from_days_since_epoch(days) {
                assert_eq!(d.days_since_epoch(), days);
            }
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
    }
}
