//! Name folding: the key under which every gazetteer name is stored and looked up.
//!
//! The rules, in order:
//! 1. Unicode NFKD (compatibility decomposition: `ﬁ` → `fi`, Arabic presentation forms →
//!    letters, no-break spaces → spaces).
//! 2. Combining marks are dropped (`é` → `e`, `ё` → `е`, `أ` → `ا`, Arabic short vowels),
//!    except the breve after a Cyrillic letter, so `й` and `ў` stay distinct from `и`, `у`.
//! 3. Each remaining character is lowercased; then
//!    - apostrophe-like marks (`'` `’` `‘` `ʼ` `ʻ` `ʿ` `ʾ` `` ` `` `´` …), tatweel, zero-width
//!      and direction marks and the soft hyphen are dropped (`Qal'a` = `Qala`);
//!    - ASCII punctuation, dashes, quotes, `·`, `№`, Arabic comma/semicolon/question mark and
//!      whitespace become a space;
//!    - `ł ø đ ð þ ß æ œ ı ə ħ ŧ ŀ` become `l o d d th ss ae oe i e h t l`;
//!    - Arabic-script variants are unified: `ي ى` → `ی`, `ك` → `ک`, `ة ە ہ` → `ه`.
//! 4. Runs of spaces collapse to one, leading and trailing spaces go, and inside a name of
//!    three or more words the Persian ezafe words `i` and `e` are dropped, so
//!    "Mazar-i-Sharif", "Mazar-e Sharif" and "Mazar Sharif" share the key `mazar sharif`.
//!
//! `scripts/build-gazetteer.py` implements the same function (`fold`); the data was keyed
//! with it, so both must change together (and the format version with them).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Characters removed without leaving a word break.
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{201b}'
            | '\u{02bc}'
            | '\u{02bb}'
            | '\u{02bd}'
            | '\u{02be}'
            | '\u{02bf}'
            | '\u{02b9}'
            | '`'
            | '\u{00b4}'
            | '\u{2032}'
            | '\u{0640}'
            | '\u{200b}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{feff}'
            | '\u{00ad}'
    )
}

/// Characters that become a word break (besides Unicode whitespace).
fn is_separator(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '\u{2010}'
                | '\u{2011}'
                | '\u{2012}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2015}'
                | '\u{2212}'
                | '\u{00ab}'
                | '\u{00bb}'
                | '\u{201c}'
                | '\u{201d}'
                | '\u{201e}'
                | '\u{201a}'
                | '\u{00b7}'
                | '\u{2022}'
                | '\u{2026}'
                | '\u{2116}'
                | '\u{060c}'
                | '\u{061b}'
                | '\u{061f}'
                | '\u{066b}'
                | '\u{066c}'
                | '\u{06d4}'
        )
}

/// One-to-many replacements for letters without a canonical decomposition.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'ø' => "o",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ı' => "i",
        'ə' => "e",
        'ħ' => "h",
        'ŧ' => "t",
        'ŀ' => "l",
        '\u{064a}' | '\u{0649}' => "\u{06cc}",
        '\u{0643}' => "\u{06a9}",
        '\u{0629}' | '\u{06d5}' | '\u{06c1}' => "\u{0647}",
        _ => return None,
    })
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{052f}').contains(&c)
}

/// Fold a place name (or a span of text) to its gazetteer key.
///
/// ```
/// use spillover_lexicon::gazetteer::fold;
/// assert_eq!(fold("Mazar-i-Sharif"), fold("Mazar-e Sharif"));
/// assert_eq!(fold("  Kondūz "), "konduz");
/// assert_eq!(fold("Щёлково"), "щелково");
/// assert_eq!(fold("Qal'a-ye Naw"), "qala ye naw");
/// ```
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return fold_ascii(s);
    }
    fold_unicode(s)
}

/// [`fold`] for ASCII text, which needs no normalisation (most of the text the pipeline
/// folds): the same result, several times faster.
fn fold_ascii(s: &str) -> String {
    let mut buf = Vec::with_capacity(s.len());
    fold_ascii_into(s.as_bytes(), &mut buf);
    // Only ASCII bytes were written.
    String::from_utf8(buf).unwrap_or_default()
}

/// Writes the key of ASCII `bytes` to `buf` (cleared first) in one pass: lower case, one
/// space between words; then, only when a name of three words or more has a one-letter
/// "i"/"e" word inside, [`compact_words`] drops those.
fn fold_ascii_into(bytes: &[u8], buf: &mut Vec<u8>) {
    buf.clear();
    let mut words = 0usize;
    let mut gap = false;
    // a one-letter "i"/"e" word was written (only then can a connector be dropped)
    let mut short_ie = false;
    let mut word_len = 0usize;
    for &b in bytes {
        match b {
            b'\'' | b'`' => {}
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => gap = true,
            b if b.is_ascii_punctuation() => gap = true,
            b => {
                if gap && !buf.is_empty() {
                    short_ie |= word_len == 1 && matches!(buf[buf.len() - 1], b'i' | b'e');
                    buf.push(b' ');
                    word_len = 0;
                }
                if word_len == 0 {
                    words += 1;
                }
                gap = false;
                buf.push(b.to_ascii_lowercase());
                word_len += 1;
            }
        }
    }
    if short_ie && words > 2 {
        compact_words(buf);
    }
}

/// Calls `f` with the key of `s` (as [`fold`] gives it), folded into a buffer reused by
/// the thread when `s` is ASCII: for lookups that run for most words of a text.
pub fn with_folded<T>(s: &str, f: impl FnOnce(&str) -> T) -> T {
    if !s.is_ascii() {
        return f(&fold_unicode(s));
    }
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            fold_ascii_into(s.as_bytes(), &mut buf);
            // ASCII in, ASCII out; the fallback never runs.
            match std::str::from_utf8(&buf) {
                Ok(key) => f(key),
                Err(_) => f(&fold_ascii(s)),
            }
        }
        // `f` folds again inside (a nested call): use a fresh buffer
        Err(_) => f(&fold_ascii(s)),
    })
}

/// [`join_words`] in place on ASCII bytes: one space between words, and the "i"/"e"
/// connectors inside names of three words or more dropped.
fn compact_words(buf: &mut Vec<u8>) {
    let n = buf.split(|&b| b == b' ').filter(|w| !w.is_empty()).count();
    let len = buf.len();
    let (mut i, mut w, mut index) = (0, 0, 0);
    while i < len {
        while i < len && buf[i] == b' ' {
            i += 1;
        }
        if i == len {
            break;
        }
        let start = i;
        while i < len && buf[i] != b' ' {
            i += 1;
        }
        let connector = n > 2
            && index > 0
            && index + 1 < n
            && i - start == 1
            && matches!(buf[start], b'i' | b'e');
        index += 1;
        if connector {
            continue;
        }
        // The output never overtakes the input: a space separated this word from the last.
        if w > 0 {
            buf[w] = b' ';
            w += 1;
        }
        buf.copy_within(start..i, w);
        w += i - start;
    }
    buf.truncate(w);
}

fn fold_unicode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_base: Option<char> = None;
    for ch in s.nfkd() {
        if is_combining_mark(ch) {
            if ch == '\u{0306}' && prev_base.is_some_and(is_cyrillic) {
                out.push(ch);
            }
            continue;
        }
        prev_base = Some(ch);
        for c in ch.to_lowercase() {
            if is_dropped(c) {
                continue;
            }
            if is_separator(c) || c.is_whitespace() {
                out.push(' ');
            } else if let Some(r) = replacement(c) {
                out.push_str(r);
            } else {
                out.push(c);
            }
        }
    }
    join_words(&out)
}

/// Collapses spaces and drops the ezafe words inside names of three or more words.
fn join_words(out: &str) -> String {
    // two passes over the words instead of collecting them: this runs for every name
    // looked up
    let words = || out.split(' ').filter(|t| !t.is_empty());
    let n = words().count();
    let mut key = String::with_capacity(out.len());
    for (i, t) in words().enumerate() {
        if n > 2 && i > 0 && i + 1 < n && (t == "i" || t == "e") {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(t);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::{fold, fold_ascii, fold_unicode, with_folded};

    #[test]
    fn the_ascii_path_folds_exactly_like_the_unicode_path() {
        let pieces = [
            "Mazar",
            "-i-",
            "Sharif",
            " ",
            "St.",
            "Louis",
            "O'Neil",
            "`x`",
            "\t",
            "\n",
            "\x0b",
            "\x0c",
            "\r",
            "A",
            "e",
            "i",
            "(CSTO)",
            "U.S.",
            "Jaish ul-Adl",
            "--",
            "&",
            "_",
            "~",
            "\x00",
            "\x7f",
            "42",
            "a/b",
            "x\"y",
            "IS-K",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b} {c}");
                    assert_eq!(fold_ascii(&s), fold_unicode(&s), "{s:?}");
                    assert_eq!(with_folded(&s, str::to_string), fold_unicode(&s), "{s:?}");
                    n += 1;
                }
            }
        }
        assert!(n > 1000);
    }

    #[test]
    fn with_folded_nests_and_takes_any_script() {
        let outer = with_folded("Mazar-i-Sharif", |a| {
            // a lookup inside a lookup gets its own buffer
            let inner = with_folded("Jaish ul-Adl", str::to_string);
            format!("{a}|{inner}")
        });
        assert_eq!(outer, "mazar sharif|jaish ul adl");
        assert_eq!(with_folded("Kondūz", str::to_string), "konduz");
        assert_eq!(with_folded("  ", str::to_string), "");
    }

    #[test]
    fn gazetteer_fold_rules() {
        assert_eq!(fold("Mazar-i-Sharif"), "mazar sharif");
        assert_eq!(fold("Mazar-e Sharif"), "mazar sharif");
        assert_eq!(fold("Mazār-e Sharīf"), "mazar sharif");
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Düşənbə"), "dusenbe");
        assert_eq!(fold("Ёлкино"), "елкино");
        assert_eq!(fold("Йошкар-Ола"), fold("йошкар ола"));
        assert_ne!(fold("й"), fold("и"));
        assert_eq!(fold("St. Louis"), "st louis");
        assert_eq!(fold("Afgʻoniston"), "afgoniston");
        // Arabic vs Persian letter forms, harakat, tatweel, ZWNJ
        assert_eq!(fold("كابل"), fold("کابل"));
        assert_eq!(fold("قُنْدُز"), fold("قندز"));
        assert_eq!(fold("نیم\u{200c}روز"), fold("نیمروز"));
        assert_eq!(fold("\u{fe8e}"), fold("\u{0627}"));
        // ezafe is only dropped inside names, never as the first or last word
        assert_eq!(fold("e i"), "e i");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" - "), "");
    }
}
