//! Base64, written here rather than taken from the `base64` crate: its generic engine was 5.8 KB of
//! the page's wasm (2.5 KB of the first load's gzip, at the ceiling), these two loops about 0.6 KB.
//! The crate stays the oracle: the tests below compare both on every input they try.
//!
//! Written: the URL-safe alphabet without padding (a share link's text values). Read: either
//! alphabet, with or without padding (old share links, the single file's inline packs).

const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in base64url without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        // Three bytes are four characters; one or two bytes, two or three.
        for i in 0..=chunk.len() {
            out.push(char::from(URL_SAFE[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// The bytes of a base64 text in either alphabet, padded or not; `None` if it is not one.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=').as_bytes();
    // One character left over carries less than a byte: no encoder writes that.
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= u32::from(sextet(*c)?) << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
        // The bits after the last byte must be zero, as the crate's strict reading asks.
        if n & (0xFF_FFFF >> (8 * (chunk.len() - 1))) != 0 {
            return None;
        }
    }
    Some(out)
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' | b'+' => Some(62),
        b'_' | b'/' => Some(63),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
    use base64::Engine;

    /// Every length up to 64 of several byte patterns, all 256 byte values among them.
    fn inputs() -> impl Iterator<Item = Vec<u8>> {
        (0..=64usize).flat_map(|len| {
            [0u8, 1, 0x5A, 0xFF].into_iter().map(move |seed| {
                (0..len)
                    .map(|i| (i as u8).wrapping_mul(37).wrapping_add(seed).rotate_left(i as u32 % 8))
                    .collect()
            })
        })
    }

    #[test]
    fn writes_what_the_crate_writes() {
        for bytes in inputs().chain([(0..=255).collect()]) {
            assert_eq!(encode(&bytes), URL_SAFE_NO_PAD.encode(&bytes), "{bytes:?}");
        }
        assert_eq!(encode("广州".as_bytes()), "5bm_5bee");
    }

    #[test]
    fn reads_what_the_crate_writes_in_either_alphabet_padded_or_not() {
        for bytes in inputs() {
            assert_eq!(decode(&URL_SAFE_NO_PAD.encode(&bytes)).as_deref(), Some(&bytes[..]));
            assert_eq!(decode(&STANDARD.encode(&bytes)).as_deref(), Some(&bytes[..]));
        }
    }

    #[test]
    fn refuses_what_the_crate_refuses() {
        for text in ["A", "AB=C", "A*BC", "ABC\n", "AB", "AQ", "AR", "AAB", "AAE", "%%%", "ABCDE"] {
            let crate_reads = URL_SAFE_NO_PAD.decode(text).is_ok();
            assert_eq!(decode(text).is_some(), crate_reads, "{text:?}");
        }
    }
}
