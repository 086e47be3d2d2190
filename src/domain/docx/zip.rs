//! The smallest ZIP writer a DOCX needs: one archive in memory, every entry deflated with the
//! `miniz_oxide` the backups already use (or stored, when deflating does not make it smaller),
//! with its CRC-32, local headers, a central directory and its end record. No ZIP64: a report
//! is far below 4 GiB and 65,535 entries. No timestamps (the DOS date of 1980-01-01 is written),
//! so the same report gives the same bytes.

/// The CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) of `data`.
pub(super) fn crc32(data: &[u8]) -> u32 {
    const fn table() -> [u32; 256] {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    }
    static TABLE: [u32; 256] = table();
    !data.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// `1980-01-01 00:00`, the earliest DOS date: time 0, date (0 << 9) | (1 << 5) | 1.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Bit 11: the names are UTF-8.
const FLAGS: u16 = 1 << 11;

/// A ZIP archive of `entries` (name, contents), in the given order.
pub(super) fn archive(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let crc = crc32(data);
        let deflated = miniz_oxide::deflate::compress_to_vec(data, 6);
        let (method, body): (u16, &[u8]) = if deflated.len() < data.len() {
            (8, &deflated)
        } else {
            (0, data)
        };
        let offset = u32::try_from(out.len()).expect("a report's DOCX is far below 4 GiB");
        let compressed = u32::try_from(body.len()).expect("a part below 4 GiB");
        let size = u32::try_from(data.len()).expect("a part below 4 GiB");
        let name_len = u16::try_from(name.len()).expect("a short part name");

        // The fields a local header and its central directory entry share: version needed 2.0
        // (deflate), flags, method, time, date, CRC, sizes, name length.
        let common = |out: &mut Vec<u8>| {
            put16(out, 20);
            put16(out, FLAGS);
            put16(out, method);
            put16(out, DOS_TIME);
            put16(out, DOS_DATE);
            put32(out, crc);
            put32(out, compressed);
            put32(out, size);
            put16(out, name_len);
        };

        // Local file header.
        put32(&mut out, 0x0403_4B50);
        common(&mut out);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(body);

        // Its central directory entry.
        put32(&mut central, 0x0201_4B50);
        put16(&mut central, 20); // made by: 2.0, MS-DOS attributes
        common(&mut central);
        put16(&mut central, 0); // extra
        put16(&mut central, 0); // comment
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = u32::try_from(out.len()).expect("a report's DOCX is far below 4 GiB");
    let central_size = u32::try_from(central.len()).expect("a small directory");
    let count = u16::try_from(entries.len()).expect("a handful of parts");
    out.extend_from_slice(&central);
    // End of central directory record.
    put32(&mut out, 0x0605_4B50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0); // comment length
    out
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Reads an archive this module wrote back into (name, contents), checking every CRC: a
    /// test helper, not a general ZIP reader (the package checks use Python's `zipfile`).
    pub fn entries(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
        let u16_at = |i: usize| u16::from_le_bytes([zip[i], zip[i + 1]]) as usize;
        let u32_at = |i: usize| u32::from_le_bytes(zip[i..i + 4].try_into().unwrap()) as usize;
        let end = zip.len() - 22;
        assert_eq!(u32_at(end), 0x0605_4B50, "end of central directory");
        let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
        let mut found = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(at), 0x0201_4B50, "central directory entry");
            let (method, crc) = (u16_at(at + 10), u32_at(at + 16) as u32);
            let (compressed, size) = (u32_at(at + 20), u32_at(at + 24));
            let name_len = u16_at(at + 28);
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let local = u32_at(at + 42);
            assert_eq!(u32_at(local), 0x0403_4B50, "local header of {name}");
            let start = local + 30 + u16_at(local + 26) + u16_at(local + 28);
            let body = &zip[start..start + compressed];
            let data = match method {
                0 => body.to_vec(),
                8 => miniz_oxide::inflate::decompress_to_vec(body).unwrap(),
                m => panic!("method {m}"),
            };
            assert_eq!(data.len(), size, "size of {name}");
            assert_eq!(crc32(&data), crc, "CRC of {name}");
            found.push((name, data));
            at += 46 + name_len;
        }
        found
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        // The check value of CRC-32/ISO-HDLC for "123456789".
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_reads_back_with_its_names_contents_and_order() {
        let big = "zażółć gęślą jaźń ".repeat(200).into_bytes();
        let zip = archive(&[("a.xml", b"<a/>".to_vec()), ("dir/b.xml", big.clone())]);
        let back = entries(&zip);
        assert_eq!(back[0], ("a.xml".to_string(), b"<a/>".to_vec()));
        assert_eq!(back[1], ("dir/b.xml".to_string(), big.clone()));
        assert!(zip.len() < big.len() / 4, "repetitive text is deflated");
        assert_eq!(
            zip,
            archive(&[("a.xml", b"<a/>".to_vec()), ("dir/b.xml", big)])
        );
    }
}
