//! Byte-level character helpers shared by the scanners.

/// Byte length of the whitespace character starting at `b[i]`, or 0 when there is none.
///
/// Covers exactly the characters for which `char::is_whitespace` is true, decoded
/// straight from the UTF-8 bytes so hot loops need not decode every character.
#[inline]
pub(crate) fn ws_len(b: &[u8], i: usize) -> usize {
    let Some(&c) = b.get(i) else {
        return 0;
    };
    match c {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        0xC2 => match b.get(i + 1) {
            Some(0x85) | Some(0xA0) => 2,
            _ => 0,
        },
        0xE1 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x9A), Some(0x80)) => 3,
            _ => 0,
        },
        0xE2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(x)) if (0x80..=0x8A).contains(x) => 3,
            (Some(0x80), Some(0xA8)) | (Some(0x80), Some(0xA9)) | (Some(0x80), Some(0xAF)) => 3,
            (Some(0x81), Some(0x9F)) => 3,
            _ => 0,
        },
        0xE3 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x80)) => 3,
            _ => 0,
        },
        _ => 0,
    }
}

/// The character starting at byte `i` of `text`, if `i` is a character boundary.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Number of characters in a UTF-8 byte slice.
#[inline]
pub(crate) fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x as i8) >= -0x40).count()
}

/// Opening quotation marks.
#[inline]
pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '\'' | '«' | '„' | '‚' | '‹')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ws_len_matches_is_whitespace() {
        for cp in 0u32..0x3100 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let want = if c.is_whitespace() { s.len() } else { 0 };
            assert_eq!(ws_len(s.as_bytes(), 0), want, "U+{cp:04X}");
        }
    }

    #[test]
    fn char_helpers() {
        let t = "a—b";
        assert_eq!(char_at(t, 1), Some('—'));
        assert_eq!(char_at(t, 2), None);
        assert_eq!(count_chars(t.as_bytes()), 3);
    }
}
