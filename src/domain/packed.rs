//! Compact texts for the browser's localStorage: a report and its rolling backups packed so that
//! the report plus its whole backup history fits in a few megabytes.
//!
//! A stored text is one of three kinds, told apart by its first characters:
//! - **Full** — [`FULL_PREFIX`] then base64 (standard alphabet, padded) of the zlib-wrapped
//!   deflate of the UTF-8 text;
//! - **Delta** — [`DELTA_PREFIX`] then base64 of the zlib-wrapped deflate of a *reverse delta*:
//!   an older text described as copies of ranges of the next newer text plus literal bytes;
//! - **Plain** — anything else: a legacy uncompressed text, which reads as itself. Report texts
//!   are JSON and start with `{`, so they never carry either marker.
//!
//! A backup history is a chain, newest first: the newest item Full (or Plain), every older one a
//! Delta against the item just before it (or Full/Plain on its own). A new version goes on top
//! as `pack(new)`, and the old head becomes `delta(old_head_text, new)` (or
//! `pack_chain(&[new, old_head_text])`); the older items stay as they are. Dropping the *oldest*
//! item never breaks the others; dropping one in the middle (the retention rule of
//! `crate::domain::backup` does) breaks the item after it, so whoever drops a middle version
//! must read the chain ([`unpack_chain`]) and pack it anew ([`pack_chain`]).
//!
//! Delta payload (before deflate): `varint newer_len, varint old_len, u64 LE checksum of newer,
//! u64 LE checksum of old`, then operations until the end, each `varint (len << 1 | is_copy)`:
//! a literal is followed by its `len` bytes, a copy by the zigzag varint of its offset in newer
//! minus the offset that would continue the previous copy (so a same-length substitution
//! costs a zero). The newer text's length and checksum let [`apply`] refuse a wrong base; the
//! old one's let it refuse a result that is not the text the delta was made from.
//!
//! The delta finder is linear: content-defined anchors (a gear rolling hash over the last
//! 64 bytes, one anchor per ~32 bytes on average, wherever the text has the same content) index
//! the newer text; at each anchor of the old text the candidates (the same window in newer, and
//! the position that continues the last copy) are extended byte by byte forward and back, and
//! the longest wins. Windows that repeat more than a few times in newer (boilerplate shared by
//! every activity) are not indexed; the backward extension from the next distinctive anchor
//! covers them.
//!
//! Nothing here panics on any input: malformed base64, damaged deflate streams, operations out
//! of bounds, non-UTF-8 results and texts over [`MAX_TEXT_BYTES`] are all [`PackError`]s.

use std::collections::HashMap;
use std::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use miniz_oxide::inflate::TINFLStatus;

/// Marker of a packed full text.
pub const FULL_PREFIX: &str = "rgp-z1:";
/// Marker of a packed reverse delta.
pub const DELTA_PREFIX: &str = "rgp-d1:";
/// The most bytes a stored text may unpack to (64 MB): more is refused as damaged.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Deflate level: 6 is zlib's default, a good balance of size and time.
const LEVEL: u8 = 6;
/// Bytes of the rolling-hash window (the gear hash forgets a byte after 64 shifts).
const WINDOW: usize = 64;
/// An anchor where the top bits of the window hash are zero: one per 2^5 = 32 bytes on average.
const ANCHOR_BITS: u32 = 5;
/// Positions kept per window in newer; a window seen more often is boilerplate and not indexed.
const MAX_CANDIDATES: usize = 8;
/// The shortest copy worth an operation (a shorter common run stays in a literal).
const MIN_MATCH: usize = 24;

/// What a stored text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Packed {
    /// A packed full text ([`FULL_PREFIX`]).
    Full,
    /// A packed delta against the next newer text ([`DELTA_PREFIX`]).
    Delta,
    /// A legacy uncompressed text: reads as itself.
    Plain,
}

/// Tells what a stored text is, by its marker.
pub fn kind(stored: &str) -> Packed {
    if stored.starts_with(FULL_PREFIX) {
        Packed::Full
    } else if stored.starts_with(DELTA_PREFIX) {
        Packed::Delta
    } else {
        Packed::Plain
    }
}

/// Why a stored text cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// The part after the marker is not valid standard base64.
    Base64,
    /// The compressed stream is damaged or cut short.
    Deflate,
    /// It would unpack to more than [`MAX_TEXT_BYTES`].
    TooLarge,
    /// What it unpacks to is not UTF-8 text.
    NotUtf8,
    /// A delta read on its own, without the newer text it was made against.
    NeedsBase,
    /// [`apply`] was given something that is not a delta.
    NotDelta,
    /// The delta was made against another text than the one given as its base.
    WrongBase,
    /// The delta's operations are malformed; the detail says how (in Polish).
    BadDelta(&'static str),
    /// The delta's result differs from the text it was made from.
    Checksum,
    /// In a chain: the newer text this delta builds on could not be read.
    BaseUnreadable,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const DAMAGED: &str = "Kopia zapasowa jest uszkodzona";
        match self {
            PackError::Base64 => write!(f, "{DAMAGED}: zapis nie jest poprawnym tekstem base64."),
            PackError::Deflate => write!(
                f,
                "{DAMAGED}: skompresowane dane są niepełne albo zniekształcone."
            ),
            PackError::TooLarge => write!(
                f,
                "{DAMAGED}: po rozpakowaniu przekroczyłaby {} MB.",
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
            PackError::NotUtf8 => write!(
                f,
                "{DAMAGED}: odtworzony tekst nie jest poprawnym tekstem UTF-8."
            ),
            PackError::NeedsBase => write!(
                f,
                "Kopii zapasowej nie da się odczytać samodzielnie: zapisano ją jako różnicę \
                 względem nowszej kopii."
            ),
            PackError::NotDelta => write!(
                f,
                "Kopia zapasowa nie jest zapisana jako różnica względem nowszej kopii."
            ),
            PackError::WrongBase => write!(
                f,
                "{DAMAGED}: nowsza kopia, względem której ją zapisano, jest inna niż ta, \
                 którą mamy."
            ),
            PackError::BadDelta(detail) => {
                write!(f, "{DAMAGED}: zapis różnic jest błędny ({detail}).")
            }
            PackError::Checksum => write!(
                f,
                "{DAMAGED}: odtworzony tekst nie zgadza się z sumą kontrolną."
            ),
            PackError::BaseUnreadable => write!(
                f,
                "{DAMAGED}: nie da się odczytać nowszej kopii, względem której ją zapisano."
            ),
        }
    }
}

impl std::error::Error for PackError {}

/// Packs a text in full: deflate + base64, with [`FULL_PREFIX`].
pub fn pack(text: &str) -> String {
    let z = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), LEVEL);
    with_prefix(FULL_PREFIX, &z)
}

/// Reads a stored text that is Full or Plain; a Delta needs its base ([`apply`]).
pub fn unpack(stored: &str) -> Result<String, PackError> {
    match kind(stored) {
        Packed::Plain => Ok(stored.to_owned()),
        Packed::Delta => Err(PackError::NeedsBase),
        Packed::Full => {
            let bytes = inflate(&stored[FULL_PREFIX.len()..], MAX_TEXT_BYTES)?;
            String::from_utf8(bytes).map_err(|_| PackError::NotUtf8)
        }
    }
}

/// A reverse delta: `old` described against `newer` (copies of ranges of `newer` and literal
/// bytes), deflated and base64-encoded, with [`DELTA_PREFIX`]. Small when the two texts differ
/// in a few places, wherever they are.
pub fn delta(old: &str, newer: &str) -> String {
    let (old, newer) = (old.as_bytes(), newer.as_bytes());
    let payload = encode(old, newer, &find_ops(old, newer));
    with_prefix(
        DELTA_PREFIX,
        &miniz_oxide::deflate::compress_to_vec_zlib(&payload, LEVEL),
    )
}

/// Applies a stored delta to the newer text it was made against, giving the older text.
pub fn apply(stored_delta: &str, newer: &str) -> Result<String, PackError> {
    let body = stored_delta
        .strip_prefix(DELTA_PREFIX)
        .ok_or(PackError::NotDelta)?;
    // The payload is at most the old text (all literal) plus a little framing.
    let payload = inflate(body, MAX_TEXT_BYTES + 1024)?;
    let newer = newer.as_bytes();
    let mut r = Reader {
        bytes: &payload,
        pos: 0,
    };
    let newer_len = r.varint()?;
    let old_len = r.varint()?;
    let newer_sum = r.u64()?;
    let old_sum = r.u64()?;
    if old_len > MAX_TEXT_BYTES as u64 {
        return Err(PackError::TooLarge);
    }
    if newer_len != newer.len() as u64 || newer_sum != checksum(newer) {
        return Err(PackError::WrongBase);
    }
    let old_len = old_len as usize; // ≤ MAX_TEXT_BYTES, so it fits
    let mut out: Vec<u8> = Vec::with_capacity(old_len);
    // Where in newer a copy would start if it continued the previous one (see `encode`).
    let mut expected: i64 = 0;
    while !r.done() {
        let head = r.varint()?;
        let len = head >> 1;
        if len > (old_len - out.len()) as u64 {
            return Err(PackError::BadDelta("tekst dłuższy niż zapisana długość"));
        }
        let len = len as usize;
        if head & 1 == 0 {
            out.extend_from_slice(r.take(len)?);
            expected += len as i64;
        } else {
            let shift = unzigzag(r.varint()?);
            let start = expected
                .checked_add(shift)
                .filter(|s| *s >= 0 && (*s as u64) <= newer.len() as u64)
                .map(|s| s as usize)
                .ok_or(PackError::BadDelta("odwołanie poza nowszą kopię"))?;
            let end = start
                .checked_add(len)
                .filter(|e| *e <= newer.len())
                .ok_or(PackError::BadDelta("odwołanie poza nowszą kopię"))?;
            out.extend_from_slice(&newer[start..end]);
            expected = end as i64;
        }
    }
    if out.len() != old_len {
        return Err(PackError::BadDelta("tekst krótszy niż zapisana długość"));
    }
    if checksum(&out) != old_sum {
        return Err(PackError::Checksum);
    }
    String::from_utf8(out).map_err(|_| PackError::NotUtf8)
}

/// Reads a chain newest-first: `stored[0]` Full or Plain, each later item a Delta against the
/// item before it (or Full/Plain on its own). Gives each text, or why it cannot be read; a
/// delta whose base failed fails too.
pub fn unpack_chain(stored_newest_first: &[&str]) -> Vec<Result<String, PackError>> {
    let mut out: Vec<Result<String, PackError>> = Vec::with_capacity(stored_newest_first.len());
    for stored in stored_newest_first {
        let item = match (kind(stored), out.last()) {
            (Packed::Delta, Some(Ok(base))) => apply(stored, base),
            (Packed::Delta, Some(Err(_))) => Err(PackError::BaseUnreadable),
            _ => unpack(stored),
        };
        out.push(item);
    }
    out
}

/// Packs texts newest-first into a chain: the first in full, each later one as a delta against
/// the one before it. Every delta is checked by applying it; one that does not give its text
/// back exactly, or is not smaller than the text packed in full, is replaced by the full pack.
pub fn pack_chain(texts_newest_first: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(texts_newest_first.len());
    for (i, text) in texts_newest_first.iter().enumerate() {
        if i == 0 {
            out.push(pack(text));
            continue;
        }
        let newer = texts_newest_first[i - 1];
        let d = delta(text, newer);
        let exact = matches!(apply(&d, newer), Ok(ref t) if t == text);
        // Deflating the whole text is the costly part: skip it when the delta is surely smaller.
        if exact && d.len() < full_pack_lower_bound(text.len()) {
            out.push(d);
            continue;
        }
        let full = pack(text);
        out.push(if exact && d.len() < full.len() {
            d
        } else {
            full
        });
    }
    out
}

/// The fewest characters [`pack`] can give for a text of `bytes` bytes. Deflate spends at least
/// one bit on a match's length code and one on its distance code, and a match covers at most
/// 258 bytes: at least one byte of output per 1,032 bytes of input; zlib adds 6 bytes.
pub fn full_pack_lower_bound(bytes: usize) -> usize {
    let deflated = 6 + bytes / 1032;
    FULL_PREFIX.len() + deflated.div_ceil(3) * 4
}

/// `prefix` followed by the base64 of `bytes`.
fn with_prefix(prefix: &str, bytes: &[u8]) -> String {
    let mut out = String::with_capacity(prefix.len() + bytes.len().div_ceil(3) * 4);
    out.push_str(prefix);
    BASE64.encode_string(bytes, &mut out);
    out
}

/// Decodes base64 and inflates, giving at most `limit` bytes.
fn inflate(body: &str, limit: usize) -> Result<Vec<u8>, PackError> {
    let z = BASE64.decode(body).map_err(|_| PackError::Base64)?;
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&z, limit).map_err(|e| {
        if e.status == TINFLStatus::HasMoreOutput {
            PackError::TooLarge
        } else {
            PackError::Deflate
        }
    })
}

/// A 64-bit checksum of bytes, the same on every platform (words read little-endian).
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0x5247_5043_4845_434B ^ (bytes.len() as u64).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(a)).wrapping_mul(K).rotate_left(31);
    }
    let rest = words.remainder();
    let mut a = [0u8; 8];
    a[..rest.len()].copy_from_slice(rest);
    h = (h ^ u64::from_le_bytes(a)).wrapping_mul(K);
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 32)
}

/// Random 64-bit values per byte for the gear rolling hash (splitmix64, fixed seed).
const GEAR: [u64; 256] = gear_table();

const fn gear_table() -> [u64; 256] {
    let mut table = [0u64; 256];
    let mut state: u64 = 0x5247_505F_4445_4C54;
    let mut i = 0;
    while i < 256 {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        table[i] = z ^ (z >> 31);
        i += 1;
    }
    table
}

/// The anchors of a text: (position, hash of the 64 bytes before it), where the hash's top
/// bits are zero. Equal content gives equal anchors in any text, wherever it stands.
fn anchors(bytes: &[u8]) -> Vec<(usize, u64)> {
    let mut out = Vec::with_capacity((bytes.len() >> ANCHOR_BITS) + 16);
    let mut h: u64 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        h = (h << 1).wrapping_add(GEAR[b as usize]);
        if i + 1 >= WINDOW && h >> (64 - ANCHOR_BITS) == 0 {
            out.push((i + 1, h));
        }
    }
    out
}

/// One operation of a delta, in byte positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    /// `old[start..end]` as is.
    Literal { start: usize, end: usize },
    /// `newer[start..start + len]`.
    Copy { start: usize, len: usize },
}

/// Describes `old` as operations over `newer` (see the module doc).
fn find_ops(old: &[u8], newer: &[u8]) -> Vec<Op> {
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (q, h) in anchors(newer) {
        let slot = index.entry(h).or_default();
        // One past the cap marks the window as boilerplate; stop growing it there.
        if slot.len() <= MAX_CANDIDATES {
            slot.push(q);
        }
    }
    let mut ops = Vec::new();
    let mut lit_start = 0; // start of the bytes of old not yet described
    let mut shift: i64 = 0; // newer position minus old position of the last copy
    for (p, h) in anchors(old) {
        if p < lit_start {
            continue;
        }
        let continuing = p as i64 + shift;
        let continuing =
            (continuing >= 0 && continuing as usize <= newer.len()).then_some(continuing as usize);
        let listed = match index.get(&h) {
            Some(slot) if slot.len() <= MAX_CANDIDATES => slot.as_slice(),
            _ => &[],
        };
        // (back, forward, position in newer) of the longest common run through this anchor.
        let mut best: Option<(usize, usize, usize)> = None;
        for q in continuing.into_iter().chain(listed.iter().copied()) {
            let back = common_suffix(&old[lit_start..p], &newer[..q]);
            let forward = common_prefix(&old[p..], &newer[q..]);
            if best.is_none_or(|(b, f, _)| back + forward > b + f) {
                best = Some((back, forward, q));
            }
        }
        let Some((back, forward, q)) = best else {
            continue;
        };
        if back + forward < MIN_MATCH {
            continue;
        }
        if p - back > lit_start {
            ops.push(Op::Literal {
                start: lit_start,
                end: p - back,
            });
        }
        ops.push(Op::Copy {
            start: q - back,
            len: back + forward,
        });
        lit_start = p + forward;
        shift = q as i64 - p as i64;
    }
    if lit_start < old.len() {
        ops.push(Op::Literal {
            start: lit_start,
            end: old.len(),
        });
    }
    ops
}

/// How many bytes `a` and `b` have in common at their starts.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    // Eight bytes at a time, then the rest one by one.
    let mut i = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        if x != y {
            break;
        }
        i += 8;
    }
    i + a[i..]
        .iter()
        .zip(&b[i..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many bytes `a` and `b` have in common at their ends.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Serialises operations with the header (see the module doc).
fn encode(old: &[u8], newer: &[u8], ops: &[Op]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, newer.len() as u64);
    put_varint(&mut out, old.len() as u64);
    out.extend_from_slice(&checksum(newer).to_le_bytes());
    out.extend_from_slice(&checksum(old).to_le_bytes());
    let mut expected: i64 = 0;
    for op in ops {
        match *op {
            Op::Literal { start, end } => {
                put_varint(&mut out, ((end - start) as u64) << 1);
                out.extend_from_slice(&old[start..end]);
                expected += (end - start) as i64;
            }
            Op::Copy { start, len } => {
                put_varint(&mut out, ((len as u64) << 1) | 1);
                put_varint(&mut out, zigzag(start as i64 - expected));
                expected = (start + len) as i64;
            }
        }
    }
    out
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Reads a delta payload, every step checked.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn done(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], PackError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|e| *e <= self.bytes.len())
            .ok_or(PackError::BadDelta("zapis urwany w środku"))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn u64(&mut self) -> Result<u64, PackError> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }

    fn varint(&mut self) -> Result<u64, PackError> {
        let mut v: u64 = 0;
        for i in 0..10 {
            let b = self.take(1)?[0];
            let part = u64::from(b & 0x7f);
            if i == 9 && part > 1 {
                return Err(PackError::BadDelta("liczba poza zakresem"));
            }
            v |= part << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(PackError::BadDelta("liczba poza zakresem"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;
    use crate::domain::money::Amount;
    use crate::domain::samples::generate::{generated, Rng};
    use rust_decimal::Decimal;
    use std::time::Instant;

    fn json(r: &Report) -> String {
        serde_json::to_string(r).unwrap()
    }

    /// A handful of small edits such as a person makes between two backups: a title, an
    /// amount, an indicator, a note, and an activity inserted or deleted.
    fn edit(r: &mut Report, rng: &mut Rng, step: usize) {
        let n = r.activities.len();
        let a = rng.below(n);
        r.activities[a].title = format!("Działanie poprawione w wersji {step}: warsztaty");
        let b = rng.below(n);
        r.activities[b].cost.executed = Some(Amount::from_grosze(12_345 + step as i64));
        let c = rng.below(n);
        r.activities[c].indicators[2].achieved = Some(Decimal::from(777 + step as i64));
        let d = rng.below(n);
        r.activities[d].notes = format!("Uwaga {step}: zajęcia przeniesiono na wrzesień.");
        if step.is_multiple_of(2) {
            let mut copy = r.activities[rng.below(n)].clone();
            copy.id = Id::new(format!("activity-new-{step}"));
            copy.title = format!("Nowe działanie {step}");
            r.activities.insert(rng.below(n), copy);
        } else {
            r.activities.remove(rng.below(n));
        }
    }

    /// `versions` texts, newest first, each the one before with a handful of edits.
    fn history(activities: usize, versions: usize) -> Vec<String> {
        let mut r = generated(activities);
        let mut rng = Rng(0xBAC_0001);
        let mut oldest_first = vec![json(&r)];
        for step in 1..versions {
            edit(&mut r, &mut rng, step);
            oldest_first.push(json(&r));
        }
        oldest_first.reverse();
        oldest_first
    }

    fn round_trip_delta(old: &str, newer: &str) -> String {
        let d = delta(old, newer);
        assert_eq!(kind(&d), Packed::Delta);
        assert_eq!(apply(&d, newer).as_deref(), Ok(old));
        d
    }

    #[test]
    fn kinds_are_told_by_marker() {
        assert_eq!(kind(&pack("{}")), Packed::Full);
        assert_eq!(kind(&delta("{}", "{ }")), Packed::Delta);
        assert_eq!(kind("{\"id\":\"x\"}"), Packed::Plain);
        assert_eq!(kind(""), Packed::Plain);
        assert_eq!(kind("rgp-z2:abcd"), Packed::Plain);
    }

    #[test]
    fn full_packs_round_trip() {
        let unicode = "Zażółć gęślą jaźń — ŻÓŁW, „cytat”, emoji 🎉👨‍👩‍👧 i tabulator\t, nowa\nlinia";
        for text in [
            String::new(),
            "{}".to_owned(),
            unicode.to_owned(),
            json(&generated(30)),
        ] {
            let packed = pack(&text);
            assert!(packed.starts_with(FULL_PREFIX));
            assert_eq!(unpack(&packed), Ok(text));
        }
    }

    #[test]
    fn plain_legacy_text_reads_as_itself() {
        let legacy = json(&generated(5));
        assert_eq!(unpack(&legacy).as_deref(), Ok(legacy.as_str()));
        assert_eq!(unpack(""), Ok(String::new()));
        // A legacy plain newest item can be the base of a delta, and a plain older item
        // stands on its own.
        let older = legacy.replace("Działanie 3:", "Działanie trzecie:");
        let chain = [legacy.as_str(), &delta(&older, &legacy), "{\"stary\":1}"];
        assert_eq!(
            unpack_chain(&chain),
            vec![
                Ok(legacy.clone()),
                Ok(older),
                Ok("{\"stary\":1}".to_owned())
            ]
        );
    }

    #[test]
    fn deltas_round_trip_every_kind_of_edit() {
        let base = generated(120);
        let newer = json(&base);
        let mut edits: Vec<Report> = Vec::new();
        let mut r = base.clone();
        r.activities[57].title = "Zupełnie inny tytuł — żółć 🎉".into();
        edits.push(r);
        let mut r = base.clone();
        let mut extra = r.activities[3].clone();
        extra.id = Id::new("activity-extra");
        r.activities.insert(60, extra);
        edits.push(r);
        let mut r = base.clone();
        r.activities.remove(0);
        r.activities.remove(70);
        edits.push(r);
        let mut r = base.clone();
        for a in r.activities.iter_mut().step_by(17) {
            a.cost.executed = Some(Amount::from_grosze(1));
        }
        edits.push(r);
        let mut r = base.clone();
        r.activities.reverse();
        edits.push(r);
        let mut r = base.clone();
        r.gmina.name = "Gmina Ąę".into(); // the very start of the text
        r.activities.last_mut().unwrap().notes = "koniec 👋".into(); // and the very end
        edits.push(r);
        for old in &edits {
            let old = json(old);
            assert_ne!(old, newer);
            // Both ways: an older text against a newer one and the reverse.
            round_trip_delta(&old, &newer);
            round_trip_delta(&newer, &old);
        }
        // Edge texts: identical, empty, unrelated, shorter than a hash window.
        round_trip_delta(&newer, &newer);
        round_trip_delta("", &newer);
        round_trip_delta(&newer, "");
        round_trip_delta("", "");
        round_trip_delta(&json(&generated(7)), &json(&generated(9)));
        round_trip_delta("ąę", "ćś 🎉");
        let rep = "ab".repeat(50_000);
        round_trip_delta(&rep, &"ab".repeat(49_000));
        round_trip_delta(&"a".repeat(70_000), &"a".repeat(80_000));
    }

    #[test]
    fn a_delta_after_small_edits_copies_almost_everything() {
        let mut r = generated(120);
        let newer = json(&r);
        r.activities[40].title.push('!');
        let old = json(&r);
        let payload = encode(
            old.as_bytes(),
            newer.as_bytes(),
            &find_ops(old.as_bytes(), newer.as_bytes()),
        );
        // Header (≤ 2 × 10 + 16 bytes), two copies and one literal byte, few bytes each.
        assert!(payload.len() < 60, "{} bytes", payload.len());
    }

    #[test]
    fn chains_of_ten_versions_round_trip() {
        let texts = history(150, 10);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let chain = pack_chain(&refs);
        assert_eq!(chain.len(), 10);
        assert_eq!(kind(&chain[0]), Packed::Full);
        assert!(chain[1..].iter().all(|s| kind(s) == Packed::Delta));
        let stored: Vec<&str> = chain.iter().map(String::as_str).collect();
        let read: Vec<Result<String, PackError>> = texts.iter().cloned().map(Ok).collect();
        assert_eq!(unpack_chain(&stored), read);
        // Dropping the oldest leaves the rest readable.
        assert_eq!(unpack_chain(&stored[..9]), read[..9].to_vec());
    }

    #[test]
    fn pack_chain_packs_in_full_when_a_delta_does_not_pay() {
        // Unrelated texts: a delta is all literal, no smaller than the full pack.
        let a = json(&generated(20));
        let b = "x".repeat(3000);
        let chain = pack_chain(&[&a, &b, &a]);
        assert_eq!(kind(&chain[0]), Packed::Full);
        assert_eq!(kind(&chain[1]), Packed::Full);
        let stored: Vec<&str> = chain.iter().map(String::as_str).collect();
        assert_eq!(unpack_chain(&stored), vec![Ok(a.clone()), Ok(b), Ok(a)]);
    }

    #[test]
    fn the_full_pack_lower_bound_holds() {
        let texts = [
            String::new(),
            "a".repeat(2_000_000),
            "\0".repeat(300_000),
            "ab".repeat(100_000),
            json(&generated(40)),
        ];
        for t in &texts {
            assert!(
                pack(t).len() >= full_pack_lower_bound(t.len()),
                "{}",
                t.len()
            );
        }
    }

    #[test]
    fn sizes_and_times_for_a_thousand_activities() {
        let texts = history(1000, 10);
        let text = &texts[0];
        let n = text.len();
        let t = Instant::now();
        let full = pack(text);
        let t_pack = t.elapsed();
        let t = Instant::now();
        assert_eq!(unpack(&full).as_deref(), Ok(text.as_str()));
        let t_unpack = t.elapsed();
        let t = Instant::now();
        let d = delta(&texts[1], text);
        let t_delta = t.elapsed();
        let t = Instant::now();
        assert_eq!(apply(&d, text).as_deref(), Ok(texts[1].as_str()));
        let t_apply = t.elapsed();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let t = Instant::now();
        let chain = pack_chain(&refs);
        let t_chain = t.elapsed();
        let stored: Vec<&str> = chain.iter().map(String::as_str).collect();
        let t = Instant::now();
        let read = unpack_chain(&stored);
        let t_read = t.elapsed();
        assert!(read.iter().zip(&texts).all(|(r, t)| r.as_ref() == Ok(t)));
        let chain_len: usize = chain.iter().map(String::len).sum();
        let deltas: Vec<usize> = chain[1..].iter().map(String::len).collect();
        println!(
            "packed: text {n} chars; full {} ({:.1} %); delta after 5 edits {} ({:.3} %); \
             chain of 10 {chain_len} ({:.1} %); deltas {deltas:?}",
            full.len(),
            100.0 * full.len() as f64 / n as f64,
            d.len(),
            100.0 * d.len() as f64 / n as f64,
            100.0 * chain_len as f64 / n as f64,
        );
        println!(
            "packed: pack {t_pack:?}, unpack {t_unpack:?}, delta {t_delta:?}, \
             apply {t_apply:?}, pack_chain(10) {t_chain:?}, unpack_chain(10) {t_read:?}"
        );
        assert!(n > 1_300_000, "{n}");
        assert!(full.len() * 5 <= n);
        assert!(d.len() * 50 <= n);
        assert!(chain_len * 4 <= n);
        assert!(chain[1..].iter().all(|s| kind(s) == Packed::Delta));
    }

    /// A delta payload of hand-made operations against `newer`, with a correct header.
    fn crafted(old_len: u64, old_sum: u64, newer: &str, ops: &[(u64, Option<u64>)]) -> String {
        let mut p = Vec::new();
        put_varint(&mut p, newer.len() as u64);
        put_varint(&mut p, old_len);
        p.extend_from_slice(&checksum(newer.as_bytes()).to_le_bytes());
        p.extend_from_slice(&old_sum.to_le_bytes());
        for &(head, shift) in ops {
            put_varint(&mut p, head);
            if let Some(s) = shift {
                put_varint(&mut p, s);
            }
        }
        with_prefix(
            DELTA_PREFIX,
            &miniz_oxide::deflate::compress_to_vec_zlib(&p, LEVEL),
        )
    }

    #[test]
    fn hostile_inputs_give_errors() {
        let text = json(&generated(20));
        let full = pack(&text);
        // Truncated at a multiple of 4 characters: valid base64, cut deflate stream.
        let cut = &full[..FULL_PREFIX.len() + 400];
        assert_eq!(unpack(cut), Err(PackError::Deflate));
        // Cut elsewhere, or a foreign character: not base64.
        assert_eq!(unpack(&full[..full.len() - 1]), Err(PackError::Base64));
        let mut garbled = full.clone();
        garbled.insert(FULL_PREFIX.len() + 10, '!');
        assert_eq!(unpack(&garbled), Err(PackError::Base64));
        assert_eq!(unpack("rgp-z1:ąę"), Err(PackError::Base64));
        // One byte of the deflate stream flipped: a deflate or zlib checksum error.
        let mut bytes = BASE64.decode(&full[FULL_PREFIX.len()..]).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x20;
        assert_eq!(
            unpack(&with_prefix(FULL_PREFIX, &bytes)),
            Err(PackError::Deflate)
        );
        // Valid base64 that is no zlib stream at all.
        assert_eq!(unpack("rgp-z1:AAAA"), Err(PackError::Deflate));
        assert_eq!(unpack(FULL_PREFIX), Err(PackError::Deflate));
        // Not UTF-8.
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&[b'{', 0xff, 0xfe], LEVEL);
        assert_eq!(
            unpack(&with_prefix(FULL_PREFIX, &z)),
            Err(PackError::NotUtf8)
        );
        // Over the size limit.
        assert_eq!(
            inflate(&full[FULL_PREFIX.len()..], 1000),
            Err(PackError::TooLarge)
        );
        // The wrong kind for the call.
        let older = text.replace("Działanie 4:", "Działanie czwarte:");
        let d = delta(&older, &text);
        assert_eq!(unpack(&d), Err(PackError::NeedsBase));
        assert_eq!(apply(&full, &text), Err(PackError::NotDelta));
        assert_eq!(apply(&text, &text), Err(PackError::NotDelta));
        // The wrong base: another text, or the same text one byte shorter or changed.
        assert_eq!(apply(&d, &older), Err(PackError::WrongBase));
        assert_eq!(
            apply(&d, &text[..text.len() - 1]),
            Err(PackError::WrongBase)
        );
        assert_eq!(
            apply(&d, &text.replacen("Działanie 9:", "Działanie 8:", 1)),
            Err(PackError::WrongBase)
        );
        // Hand-made operations out of bounds.
        let sum = checksum(b"abc");
        let copy = |len: u64| (len << 1) | 1;
        let far = |len: u64, shift: i64| (copy(len), Some(zigzag(shift)));
        let bad = |e| Err(PackError::BadDelta(e));
        let outside = "odwołanie poza nowszą kopię";
        assert_eq!(
            apply(&crafted(3, sum, "xyz", &[far(3, 1)]), "xyz"),
            bad(outside)
        );
        assert_eq!(
            apply(&crafted(3, sum, "xyz", &[far(3, -1)]), "xyz"),
            bad(outside)
        );
        assert_eq!(
            apply(&crafted(3, sum, "xyz", &[far(3, i64::MAX)]), "xyz"),
            bad(outside)
        );
        assert_eq!(
            apply(&crafted(3, sum, "xyz", &[far(3, i64::MIN)]), "xyz"),
            bad(outside)
        );
        assert_eq!(
            apply(&crafted(3, sum, "xyz", &[far(4, 0)]), "xyz"),
            bad("tekst dłuższy niż zapisana długość")
        );
        assert_eq!(
            apply(&crafted(3, sum, "xyz", &[far(2, 0)]), "xyz"),
            bad("tekst krótszy niż zapisana długość")
        );
        assert_eq!(
            apply(&crafted(3, sum, "xyz", &[(3 << 1, None)]), "xyz"),
            bad("zapis urwany w środku")
        );
        assert_eq!(
            apply(&crafted(3, sum, "xyz", &[(u64::MAX, None)]), "xyz"),
            bad("tekst dłuższy niż zapisana długość")
        );
        // A well-formed copy whose result is not the text the header promises.
        assert_eq!(
            apply(&crafted(3, sum, "xyz", &[far(3, 0)]), "xyz"),
            Err(PackError::Checksum)
        );
        // An absurd length.
        assert_eq!(
            apply(&crafted(1 << 40, sum, "xyz", &[far(3, 0)]), "xyz"),
            Err(PackError::TooLarge)
        );
        // A varint that overflows 64 bits.
        let mut p = vec![0xff; 11];
        p.push(0);
        let z = with_prefix(
            DELTA_PREFIX,
            &miniz_oxide::deflate::compress_to_vec_zlib(&p, LEVEL),
        );
        assert_eq!(apply(&z, ""), bad("liczba poza zakresem"));
        // A copy that splits a character, with a checksum that matches: not UTF-8.
        let raw = "ą".as_bytes();
        let half = crafted(1, checksum(&raw[..1]), "ą", &[far(1, 0)]);
        assert_eq!(apply(&half, "ą"), Err(PackError::NotUtf8));
        // Every message is Polish and says the backup is damaged or why it cannot be read.
        assert!(PackError::BadDelta(outside)
            .to_string()
            .starts_with("Kopia zapasowa jest uszkodzona: zapis różnic jest błędny"));
    }

    #[test]
    fn a_broken_link_breaks_only_the_older_deltas() {
        let texts = history(40, 5);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut chain = pack_chain(&refs);
        let cut = chain[1].len() - 8;
        chain[1].truncate(cut);
        chain[3] = pack(&texts[3]);
        let stored: Vec<&str> = chain.iter().map(String::as_str).collect();
        let read = unpack_chain(&stored);
        assert_eq!(read[0].as_ref(), Ok(&texts[0]));
        assert!(read[1].is_err());
        assert_eq!(read[2], Err(PackError::BaseUnreadable));
        assert_eq!(read[3].as_ref(), Ok(&texts[3]));
        assert_eq!(read[4].as_ref(), Ok(&texts[4]));
        // A delta at the head has no base.
        assert_eq!(unpack_chain(&stored[2..])[0], Err(PackError::NeedsBase));
        assert!(unpack_chain(&[]).is_empty());
    }

    // proptest is a native-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;
        // The report model has a `Strategy` too.
        use proptest::strategy::Strategy;

        /// Texts built of JSON-like pieces, so that deltas find both copies and literals.
        fn jsonish() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop_oneof![
                    Just("{\"id\":\"activity-".to_owned()),
                    Just("\",\"title\":\"Działanie ".to_owned()),
                    Just("},{".to_owned()),
                    Just("[]".to_owned()),
                    "[a-ząę0-9 ,:]{0,12}",
                    "\\PC{0,3}",
                ],
                0..300,
            )
            .prop_map(|parts| parts.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]

            #[test]
            fn deltas_reproduce_the_old_text(
                newer in jsonish(),
                cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), "\\PC{0,20}"), 0..6),
            ) {
                // The old text: newer with a few ranges replaced.
                let mut old = newer.clone();
                for (a, b, insert) in cuts {
                    let bounds: Vec<usize> = old.char_indices().map(|(i, _)| i).chain([old.len()]).collect();
                    let (x, y) = (*a.get(&bounds), *b.get(&bounds));
                    old.replace_range(x.min(y)..x.max(y), &insert);
                }
                let d = delta(&old, &newer);
                prop_assert_eq!(apply(&d, &newer), Ok(old.clone()));
                prop_assert_eq!(unpack(&pack(&old)), Ok(old));
            }

            #[test]
            fn random_stored_texts_never_panic(
                body in "[A-Za-z0-9+/=!ą]{0,200}",
                prefix in prop_oneof![Just(FULL_PREFIX), Just(DELTA_PREFIX), Just("")],
                newer in "\\PC{0,50}",
            ) {
                let stored = format!("{prefix}{body}");
                let _ = unpack(&stored);
                let _ = apply(&stored, &newer);
                let _ = unpack_chain(&[&stored, &stored]);
            }

            #[test]
            fn damaged_deltas_never_panic(
                flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
            ) {
                let newer = "{\"a\":[1,2,3],\"tytuł\":\"Działanie 1: warsztaty dla uczniów\",\"b\":\"żółw\"}".repeat(20);
                let old = newer.replace("uczniów", "rodziców 🎉");
                let d = delta(&old, &newer);
                let mut bytes = BASE64.decode(&d[DELTA_PREFIX.len()..]).unwrap();
                for (i, x) in flips {
                    let i = i.index(bytes.len());
                    bytes[i] ^= x | 1;
                }
                // Almost always an error; were the damage ever to slip through deflate's and
                // our checksums, the text would still be whatever the header promised.
                if let Ok(t) = apply(&with_prefix(DELTA_PREFIX, &bytes), &newer) {
                    prop_assert_eq!(t, old);
                }
            }
        }
    }
}
