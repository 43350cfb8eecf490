//! Character references: named, decimal and hexadecimal.
//!
//! Unknown names, malformed references and code points that are not characters are
//! left alone (the caller keeps the raw text). `&nbsp;` decodes to a plain space.

use std::borrow::Cow;

/// Decodes the character reference starting at `b[i]` (which must be `&`). Returns the
/// character and the number of raw bytes the reference used, or `None` when there is no
/// valid reference there.
pub(crate) fn decode_at(b: &[u8], i: usize) -> Option<(char, usize)> {
    let rest = b.get(i + 1..)?;
    if rest.first() == Some(&b'#') {
        return numeric(rest);
    }
    let n = rest
        .iter()
        .take(33)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if n == 0 || n > 32 {
        return None;
    }
    let name = std::str::from_utf8(&rest[..n]).ok()?;
    if rest.get(n) == Some(&b';') {
        return named(name).map(|c| (c, n + 2));
    }
    // A few references are commonly written without the semicolon.
    let legacy = matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg");
    if legacy && rest.get(n) != Some(&b'=') {
        return named(name).map(|c| (c, n + 1));
    }
    None
}

/// `rest` starts after the `&` with `#`.
fn numeric(rest: &[u8]) -> Option<(char, usize)> {
    let (radix, start) = match rest.get(1) {
        Some(b'x' | b'X') => (16, 2),
        _ => (10, 1),
    };
    let mut v: u32 = 0;
    let mut k = start;
    while let Some(d) = rest.get(k).and_then(|&c| (c as char).to_digit(radix)) {
        if k - start >= 8 {
            return None;
        }
        v = v * radix + d;
        k += 1;
    }
    if k == start {
        return None;
    }
    if rest.get(k) == Some(&b';') {
        k += 1;
    }
    let c = match v {
        0 => return None,
        0x80..=0x9F => windows_1252(v)?,
        _ => char::from_u32(v)?,
    };
    let c = if c == '\u{a0}' { ' ' } else { c };
    Some((c, k + 1))
}

/// Browsers read references in 0x80..=0x9F as Windows-1252 characters.
fn windows_1252(v: u32) -> Option<char> {
    Some(match v {
        0x80 => '€',
        0x82 => '‚',
        0x83 => 'ƒ',
        0x84 => '„',
        0x85 => '…',
        0x86 => '†',
        0x87 => '‡',
        0x88 => 'ˆ',
        0x89 => '‰',
        0x8A => 'Š',
        0x8B => '‹',
        0x8C => 'Œ',
        0x8E => 'Ž',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x95 => '•',
        0x96 => '–',
        0x97 => '—',
        0x98 => '˜',
        0x99 => '™',
        0x9A => 'š',
        0x9B => '›',
        0x9C => 'œ',
        0x9E => 'ž',
        0x9F => 'Ÿ',
        _ => return None,
    })
}

/// The character a named reference stands for.
fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "hyphen" | "dash" => '‐',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "prime" => '′',
        "Prime" => '″',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "minus" => '−',
        "frasl" => '⁄',
        "para" => '¶',
        "sect" => '§',
        "cent" => '¢',
        "pound" => '£',
        "yen" => '¥',
        "euro" => '€',
        "curren" => '¤',
        "iexcl" => '¡',
        "iquest" => '¿',
        "brvbar" => '¦',
        "uml" => '¨',
        "macr" => '¯',
        "acute" => '´',
        "cedil" => '¸',
        "ordf" => 'ª',
        "ordm" => 'º',
        "not" => '¬',
        "micro" => 'µ',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "frac14" => '¼',
        "frac12" => '½',
        "frac34" => '¾',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "asymp" => '≈',
        "infin" => '∞',
        "circ" => 'ˆ',
        "tilde" => '˜',
        "fnof" => 'ƒ',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "ETH" => 'Ð',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "THORN" => 'Þ',
        "szlig" => 'ß',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "thorn" => 'þ',
        "yuml" => 'ÿ',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Yuml" => 'Ÿ',
        "Zcaron" => 'Ž',
        "zcaron" => 'ž',
        _ => return None,
    })
}

/// `s` with its character references decoded (borrowed when there are none).
pub(crate) fn decode(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let Some(first) = memchr::memchr(b'&', b) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut i = first;
    let mut copied = first;
    while let Some(k) = memchr::memchr(b'&', &b[i..]) {
        let amp = i + k;
        match decode_at(b, amp) {
            Some((c, len)) => {
                out.push_str(&s[copied..amp]);
                out.push(c);
                i = amp + len;
                copied = i;
            }
            None => i = amp + 1,
        }
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

/// Decodes references, collapses whitespace runs to one space, drops soft hyphens and
/// trims: the form used for titles, metadata values and bylines.
pub(crate) fn clean_inline(s: &str) -> String {
    let decoded = decode(s);
    let mut out = String::with_capacity(decoded.len());
    let mut space = false;
    for c in decoded.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if c != '\u{ad}' {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric() {
        assert_eq!(decode("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(
            decode("&lt;b&gt; &quot;x&quot; &apos;y&apos;"),
            "<b> \"x\" 'y'"
        );
        assert_eq!(decode("a&nbsp;b"), "a b");
        assert_eq!(
            decode("&ldquo;Hi&rdquo; &ndash; &mdash; &hellip;"),
            "“Hi” – — …"
        );
        assert_eq!(
            decode("&laquo;x&raquo; &copy; &reg; &trade; caf&eacute;"),
            "«x» © ® ™ café"
        );
        assert_eq!(decode("&#8220;&#x201D;&#X2019;&#39;"), "“”’'");
        assert_eq!(decode("&#150; &#146;"), "– ’");
        assert_eq!(decode("&#160;"), " ");
    }

    #[test]
    fn invalid_references_stay_verbatim() {
        for s in [
            "AT&T",
            "a & b",
            "&unknown;",
            "&#;",
            "&#x;",
            "&#0;",
            "&#xD800;",
            "&#x110000;",
            "&#99999999999;",
            "&",
            "&#",
            "&am",
            "?a=1&copy=2",
        ] {
            assert_eq!(decode(s), s, "{s}");
        }
        assert_eq!(decode("&amp &lt;"), "& <");
    }

    #[test]
    fn decode_at_reports_length() {
        let b = b"x&amp;y";
        assert_eq!(decode_at(b, 1), Some(('&', 5)));
        assert_eq!(decode_at(b"&#65", 0), Some(('A', 4)));
        assert_eq!(decode_at(b"&#65;", 0), Some(('A', 5)));
    }

    #[test]
    fn clean_inline_collapses() {
        assert_eq!(
            clean_inline("  The&nbsp;Region \n Grows&shy;  "),
            "The Region Grows"
        );
        assert_eq!(clean_inline(""), "");
    }
}
