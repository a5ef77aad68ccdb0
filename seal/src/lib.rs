//! The sheet's seal: a short fingerprint of a canonical text (the engine's `fingerprint::canonical`:
//! the profile, the as-of date and the rule-pack versions), and a QR code of the share link.
//!
//! Kept out of the page's first load: the page loads this crate's wasm after its first results
//! (src/web.rs, the feature `web`), the command line links it as a library.

use qrcode::{Color, EcLevel, QrCode};
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// Crockford's base32: no I, L, O or U, so a fingerprint read aloud or typed is not misread.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The first 60 bits of SHA-256(`canonical` as UTF-8), as 12 Crockford base32 characters in three
/// groups of four: `K7Q2-9MXD-3HTA`. ARCHITECTURE.md gives the recipe to recompute it.
pub fn fingerprint(canonical: &str) -> String {
    let digest = Sha256::digest(canonical.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let bits = u64::from_be_bytes(first) >> 4;
    let mut out = String::with_capacity(14);
    for i in 0..12 {
        if i == 4 || i == 8 {
            out.push('-');
        }
        out.push(char::from(CROCKFORD[((bits >> (55 - 5 * i)) & 31) as usize]));
    }
    out
}

/// Modules of white around the code, as the standard asks.
const QUIET_ZONE: usize = 4;

/// A QR code of `link` as an SVG document (one module = one unit; the page sizes it), or `None`
/// when the link is too long for any QR code.
pub fn qr_svg(link: &str) -> Option<String> {
    // Level M (15% of the code may be lost) reads off creased or smudged paper, and a share link
    // (`#p2=`, about 400 characters) still fits a code the sheet prints 3.8 cm wide with modules
    // a 150 dpi scan sees as nearly 3 pixels. L, which holds the most, only for a link too long for M.
    let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(link.as_bytes(), EcLevel::L))
        .ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let dark = |x: usize, y: usize| colors[y * width + x] == Color::Dark;
    let mut path = String::with_capacity(width * width * 2);
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if !dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && dark(x, y) {
                x += 1;
            }
            let run = x - start;
            let _ = write!(path, "M{} {}h{run}v1h-{run}z", start + QUIET_ZONE, y + QUIET_ZONE);
        }
    }
    let size = width + 2 * QUIET_ZONE;
    Some(format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size}" height="{size}" shape-rendering="crispEdges">"#,
            r##"<rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##
        ),
        size = size,
        path = path
    ))
}

#[cfg(feature = "web")]
mod web;

#[cfg(test)]
mod tests {
    use super::*;

    // Known answers, computed independently of this code:
    //   python3 -c "import hashlib; h=hashlib.sha256(b'abc').digest(); n=int.from_bytes(h[:8],'big')>>4; \
    //     print(''.join('0123456789ABCDEFGHJKMNPQRSTVWXYZ'[(n>>(55-5*i))&31] for i in range(12)))"
    // SHA-256("abc") begins ba7816bf8f01cfea; SHA-256("") begins e3b0c44298fc1c14.
    #[test]
    fn known_answers() {
        assert_eq!(fingerprint("abc"), KAT_ABC);
        assert_eq!(fingerprint(""), KAT_EMPTY);
    }

    const KAT_ABC: &str = "Q9W1-DFWF-077Y";
    const KAT_EMPTY: &str = "WERC-8GMR-ZGE1";

    #[test]
    fn a_fingerprint_is_three_groups_of_four() {
        let f = fingerprint("{\"fingerprint\":1}");
        assert_eq!(f.len(), 14);
        let groups: Vec<&str> = f.split('-').collect();
        assert_eq!(groups.len(), 3);
        assert!(groups.iter().all(|g| g.len() == 4 && g.bytes().all(|b| CROCKFORD.contains(&b))), "{f}");
        assert_ne!(fingerprint("a"), fingerprint("b"));
    }

    #[test]
    fn a_qr_code_is_an_svg_of_its_quiet_zone_and_modules() {
        let svg = qr_svg("http://127.0.0.1:8080/#profile=eyJmb3JtYXRfdmVyc2lvbiI6Mn0").unwrap();
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"), "{svg}");
        // 58 bytes: version 4 at level L (78 bytes; version 3 holds 53), 33 modules and the quiet
        // zone on either side.
        assert!(svg.contains("viewBox=\"0 0 41 41\""), "{svg}");
        // The top-left finder pattern's first row: seven dark modules from (4, 4).
        assert!(svg.contains("M4 4h7v1h-7z"), "{svg}");
        assert_eq!(qr_svg(&"x".repeat(3000)), None);
    }
}
