//! How rolling backups are stored in browser storage, small enough that a big report's whole
//! backup history fits beside it (a pure encoding; the browser adapter only reads and writes the
//! strings).
//!
//! Each backup is one storage value. The newest is the report's text compressed in full; every
//! older one is a reverse delta against a newer backup, which it names by its save time (the
//! [`packed`] codec does the compressing and the deltas). So:
//! - dropping the oldest backup never breaks another one (nothing is based on it);
//! - dropping a backup in the middle first re-bases the one based on it ([`plan_rebase`]);
//! - a backup's text never changes once taken, only how it is stored, so a delta stays valid
//!   for as long as its base exists.
//!
//! A value is `rgp-k1:<schema version>:<base save time, or - for none>:<fingerprint>:<body>`,
//! the body being a packed full text or a packed delta. Values written before this encoding are
//! the plain JSON text and read as themselves.

use super::packed::{self, PackError, Packed};

/// Marks a framed backup value.
pub const FRAME: &str = "rgp-k1:";

/// A stored backup value, its header read (the body is not decoded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored<'a> {
    /// The schema version of the report text it holds, if known.
    pub version: Option<u32>,
    /// The save time of the backup its delta is based on (`None`: stored in full).
    pub base: Option<i64>,
    /// [`fingerprint`] of the text, when framed.
    pub fingerprint: Option<u64>,
    /// The packed full text, the packed delta, or (legacy) the plain text.
    pub body: &'a str,
}

/// FNV-1a (64 bit) of the text: tells cheaply whether a text is the one a backup holds.
pub fn fingerprint(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The `schema_version` of a report envelope, read from its first characters (every envelope
/// this app writes names it right after `format`); `None` when not found there.
pub fn peek_schema_version(text: &str) -> Option<u32> {
    let head = &text[..floor_char_boundary(text, 400)];
    let at = head.find("\"schema_version\"")? + "\"schema_version\"".len();
    let rest = head[at..].trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Reads a value's header. Anything not framed is a legacy plain text.
pub fn parse(value: &str) -> Stored<'_> {
    let plain = || Stored {
        version: peek_schema_version(value),
        base: None,
        fingerprint: None,
        body: value,
    };
    let Some(rest) = value.strip_prefix(FRAME) else {
        return plain();
    };
    let mut parts = rest.splitn(4, ':');
    let (Some(v), Some(base), Some(fp), Some(body)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return plain();
    };
    Stored {
        version: v.parse().ok(),
        base: if base == "-" { None } else { base.parse().ok() },
        fingerprint: u64::from_str_radix(fp, 16).ok(),
        body,
    }
}

/// The stored value of a backup of `text`: a delta against `base` (its save time and text) when
/// that is smaller than the full text and reproduces it exactly, else the full text.
pub fn encode(text: &str, base: Option<(i64, &str)>) -> String {
    let version = peek_schema_version(text).unwrap_or(0);
    let fp = fingerprint(text);
    if let Some((base_at, base_text)) = base {
        let d = packed::delta(text, base_text);
        if packed::apply(&d, base_text).as_deref() == Ok(text) {
            // Deflating the whole text is the costly part: skip it when the delta surely wins.
            if d.len() < packed::full_pack_lower_bound(text.len()) {
                return format!("{FRAME}{version}:{base_at}:{fp:x}:{d}");
            }
            let full = packed::pack(text);
            if d.len() < full.len() {
                return format!("{FRAME}{version}:{base_at}:{fp:x}:{d}");
            }
            return format!("{FRAME}{version}:-:{fp:x}:{full}");
        }
    }
    format!("{FRAME}{version}:-:{fp:x}:{}", packed::pack(text))
}

/// Decodes backups given newest first as (save time, value): each text, or why it cannot be
/// read. A delta's base must be a newer backup in the list (so there are no loops); a base that
/// is missing or unreadable makes the delta unreadable too.
pub fn decode_all(newest_first: &[(i64, &str)]) -> Vec<Result<String, PackError>> {
    let mut out: Vec<Result<String, PackError>> = Vec::with_capacity(newest_first.len());
    for (i, (at, value)) in newest_first.iter().enumerate() {
        let s = parse(value);
        let text = match s.base {
            None => match packed::kind(s.body) {
                Packed::Delta => Err(PackError::BaseUnreadable),
                _ => packed::unpack(s.body),
            },
            Some(base) if base <= *at => Err(PackError::BaseUnreadable),
            Some(base) => match newest_first[..i].iter().position(|(t, _)| *t == base) {
                Some(j) => match &out[j] {
                    Ok(base_text) => packed::apply(s.body, base_text),
                    Err(_) => Err(PackError::BaseUnreadable),
                },
                None => Err(PackError::BaseUnreadable),
            },
        };
        // A text that does not match its fingerprint is not the text that was backed up.
        let text = text.and_then(|t| match s.fingerprint {
            Some(fp) if fp != fingerprint(&t) => Err(PackError::Checksum),
            _ => Ok(t),
        });
        out.push(text);
    }
    out
}

/// What to write so that the backups at `delete` (indices into `newest_first`) can be removed
/// without breaking the others: for every kept backup based on a deleted one, its new value
/// (re-based on the nearest newer kept backup, or stored in full). Returns (index, new value).
/// `texts` are the decoded texts ([`decode_all`]); a kept backup that cannot be decoded is
/// left as it is.
pub fn plan_rebase(
    newest_first: &[(i64, &str)],
    texts: &[Result<String, PackError>],
    delete: &[usize],
) -> Vec<(usize, String)> {
    let mut writes = Vec::new();
    for (i, (_, value)) in newest_first.iter().enumerate() {
        if delete.contains(&i) {
            continue;
        }
        let Some(base) = parse(value).base else {
            continue;
        };
        let base_deleted = newest_first
            .iter()
            .position(|(t, _)| *t == base)
            .is_none_or(|j| delete.contains(&j));
        if !base_deleted {
            continue;
        }
        let Ok(text) = &texts[i] else {
            continue;
        };
        let new_base = (0..i)
            .rev()
            .find(|j| !delete.contains(j) && texts[*j].is_ok())
            .map(|j| (newest_first[j].0, texts[j].as_deref().expect("checked ok")));
        writes.push((i, encode(text, new_base)));
    }
    writes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::format::to_compact_json_with;
    use crate::domain::model::Extra;
    use crate::domain::samples::generate::generated;

    fn report_text(n: usize, title: &str) -> String {
        let mut r = generated(n);
        r.activities[0].title = title.into();
        to_compact_json_with(&r, "0.2.0", "2026-12-01T10:00:00Z", &Extra::new())
    }

    /// Versions of one report, newest first, each differing a little from the next.
    fn versions(n: usize, k: usize) -> Vec<String> {
        (0..k)
            .map(|i| report_text(n, &format!("Warsztaty profilaktyczne, wersja {}", k - i)))
            .collect()
    }

    /// Encodes versions as the adapter does: each newer one taken later, the older re-based.
    fn chain(texts: &[String]) -> Vec<(i64, String)> {
        let mut out: Vec<(i64, String)> = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let at = 1_000 * (texts.len() - i) as i64;
            let base = out.last().map(|(a, _)| *a);
            let base = base.map(|b| (b, texts[i - 1].as_str()));
            out.push((at, encode(t, base)));
        }
        out
    }

    fn refs(c: &[(i64, String)]) -> Vec<(i64, &str)> {
        c.iter().map(|(a, v)| (*a, v.as_str())).collect()
    }

    #[test]
    fn a_chain_of_backups_decodes_to_every_version_and_is_small() {
        let texts = versions(1000, 10);
        let c = chain(&texts);
        let decoded = decode_all(&refs(&c));
        for (d, t) in decoded.iter().zip(&texts) {
            assert_eq!(d.as_deref(), Ok(t.as_str()));
        }
        let stored: usize = c.iter().map(|(_, v)| v.chars().count()).sum();
        let one = texts[0].chars().count();
        println!("10 backups of a {one}-char report stored in {stored} chars");
        assert!(stored * 4 < one, "{stored} vs {one}");
        assert!(parse(&c[0].1).base.is_none(), "the newest is full");
        assert!(
            c[1..].iter().all(|(_, v)| parse(v).base.is_some()),
            "older ones are deltas"
        );
    }

    #[test]
    fn headers_carry_version_base_and_fingerprint() {
        let t = report_text(3, "A");
        let v = encode(&t, None);
        let s = parse(&v);
        assert_eq!(s.version, Some(crate::domain::format::SCHEMA_VERSION));
        assert_eq!(s.base, None);
        assert_eq!(s.fingerprint, Some(fingerprint(&t)));
        let d = encode(&report_text(3, "B"), Some((77, &t)));
        assert_eq!(parse(&d).base, Some(77));
    }

    #[test]
    fn a_legacy_plain_backup_reads_as_itself_with_its_version() {
        let t = report_text(2, "Stara kopia");
        let s = parse(&t);
        assert_eq!(s.base, None);
        assert_eq!(s.version, Some(crate::domain::format::SCHEMA_VERSION));
        assert_eq!(decode_all(&[(5, t.as_str())])[0].as_deref(), Ok(t.as_str()));
        let v1 = r#"{"format":"raport-gp","schema_version":1,"report":{}}"#;
        assert_eq!(peek_schema_version(v1), Some(1));
        assert_eq!(peek_schema_version("{}"), None);
    }

    #[test]
    fn dropping_the_oldest_leaves_the_rest_readable() {
        let texts = versions(20, 4);
        let c = chain(&texts);
        let r = refs(&c);
        let decoded = decode_all(&r[..3]);
        assert!(decoded.iter().all(|d| d.is_ok()));
    }

    #[test]
    fn dropping_one_in_the_middle_rebases_the_one_after_it() {
        let texts = versions(20, 5);
        let mut c = chain(&texts);
        let texts_decoded = decode_all(&refs(&c));
        let writes = plan_rebase(&refs(&c), &texts_decoded, &[2]);
        assert_eq!(writes.len(), 1, "only backup 3 was based on backup 2");
        assert_eq!(writes[0].0, 3);
        for (i, v) in writes {
            c[i].1 = v;
        }
        c.remove(2);
        let decoded = decode_all(&refs(&c));
        let expected: Vec<&String> = texts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 2)
            .map(|(_, t)| t)
            .collect();
        for (d, t) in decoded.iter().zip(expected) {
            assert_eq!(d.as_deref(), Ok(t.as_str()));
        }
        // Without the re-base, backup 3 would have lost its base.
        let mut broken = chain(&texts);
        broken.remove(2);
        assert!(decode_all(&refs(&broken))[2].is_err());
    }

    #[test]
    fn dropping_the_newest_stores_the_next_in_full() {
        let texts = versions(10, 3);
        let c = chain(&texts);
        let decoded = decode_all(&refs(&c));
        let writes = plan_rebase(&refs(&c), &decoded, &[0]);
        assert_eq!(writes.len(), 1);
        assert_eq!(parse(&writes[0].1).base, None);
        assert_eq!(
            decode_all(&[(2000, writes[0].1.as_str())])[0].as_deref(),
            Ok(texts[1].as_str())
        );
    }

    #[test]
    fn damaged_or_looping_values_are_errors_not_panics() {
        let texts = versions(5, 2);
        let c = chain(&texts);
        // A delta whose base is older than itself (a loop) or absent.
        let looped = vec![(1, c[1].1.as_str()), (2000, c[0].1.as_str())];
        assert!(decode_all(&looped)[0].is_err());
        assert!(decode_all(&[(1000, c[1].1.as_str())])[0].is_err());
        // A body that is not what its fingerprint says.
        let other = encode(&texts[1], None);
        let forged = format!(
            "{FRAME}2:-:{:x}:{}",
            fingerprint(&texts[0]),
            parse(&other).body
        );
        assert_eq!(
            decode_all(&[(1, forged.as_str())])[0],
            Err(PackError::Checksum)
        );
        for bad in [
            "rgp-k1:",
            "rgp-k1:2:-:zz:rgp-z1:@@@",
            "rgp-k1:x:y:z:w",
            "rgp-k1:2:5:0:rgp-d1:AAAA",
        ] {
            let _ = decode_all(&[(10, bad), (1, bad)]);
        }
        assert!(decode_all(&[(10, "rgp-k1:2:-:0:rgp-z1:!!")])[0].is_err());
    }
}
