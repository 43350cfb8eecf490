//! Word, number and punctuation tokens.
//!
//! * **Words**: letters of any script, digits after the first letter ("F-16", "COVID-19"),
//!   inner hyphens ("ul-Adl", "Tajik-Afghan") and inner apostrophes ("don't",
//!   "O‘zbekiston"). A possessive "'s"/"’s" is split off as its own word:
//!   "Taliban’s" gives "Taliban" and "’s". Known abbreviations and initials keep their
//!   period ("Gen.", "U.S.", "a.m.", "A."); "No."/"Vol." only before a number.
//! * **Numbers**: digits with inner `,` `.` `:` separators ("6,500", "1.5", "08:15"), ISO
//!   dates ("2023-12-19"), ordinal and decade suffixes ("16th", "1990s").
//! * **Punct**: each punctuation mark on its own: `. , ; : ! ? ' " ( ) [ ] { } - /`, curly
//!   quotes, guillemets, dashes, the ellipsis, and their Arabic and CJK counterparts.
//! * **Symbol**: everything else that is not whitespace (`%`, `$`, `&`, emoji).
//!
//! ```
//! use spillover_text::tokens::tokenize;
//! let text = "Taliban’s 60% of 6,500";
//! let words: Vec<&str> = tokenize(text).iter().map(|t| &text[t.span.start..t.span.end]).collect();
//! assert_eq!(words, ["Taliban", "’s", "60", "%", "of", "6,500"]);
//! ```

use crate::abbrev::{self, Abbrev};
use crate::chars::char_at;
use spillover_doc::{Span, Token, TokenKind};

/// Splits `text` into tokens; spans are in order and do not overlap. Whitespace is
/// skipped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 5 + 4);
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c < 0x80 {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => i += 1,
                b'a'..=b'z' | b'A'..=b'Z' => i = word(text, i, &mut out),
                b'0'..=b'9' => i = number(text, i, &mut out),
                _ => {
                    let kind = if is_ascii_punct(c) {
                        TokenKind::Punct
                    } else {
                        TokenKind::Symbol
                    };
                    push(&mut out, i, i + 1, kind);
                    i += 1;
                }
            }
            continue;
        }
        let Some(ch) = char_at(text, i) else {
            // Not reachable for a valid &str; step over the byte defensively.
            i += 1;
            continue;
        };
        if ch.is_whitespace() {
            i += ch.len_utf8();
        } else if ch.is_numeric() {
            i = number(text, i, &mut out);
        } else if ch.is_alphabetic() || is_mark(ch) {
            i = word(text, i, &mut out);
        } else {
            let kind = if is_unicode_punct(ch) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            push(&mut out, i, i + ch.len_utf8(), kind);
            i += ch.len_utf8();
        }
    }
    out
}

#[inline]
fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    out.push(Token {
        span: Span { start, end },
        kind,
    });
}

#[inline]
fn is_ascii_punct(c: u8) -> bool {
    matches!(
        c,
        b'.' | b','
            | b';'
            | b':'
            | b'!'
            | b'?'
            | b'\''
            | b'"'
            | b'('
            | b')'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'-'
            | b'/'
    )
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '‘' | '’'
            | '‚'
            | '‛'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '‐'
            | '‑'
            | '‒'
            | '–'
            | '—'
            | '―'
            | '…'
            | '·'
            | '•'
            | '¡'
            | '¿'
            | '、'
            | '。'
            | '「'
            | '」'
            | '『'
            | '』'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '（'
            | '）'
            | '，'
            | '：'
            | '；'
            | '！'
            | '？'
            | '،'
            | '؛'
            | '؟'
            | '۔'
    )
}

/// Combining marks and joiners that continue a word.
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06ED
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200C
        | 0x200D
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F)
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// End of the run of word characters starting at `i`.
#[inline]
fn word_chars_end(text: &str, mut j: usize) -> usize {
    let b = text.as_bytes();
    while j < b.len() {
        let c = b[j];
        if c < 0x80 {
            if c.is_ascii_alphanumeric() {
                j += 1;
                continue;
            }
            break;
        }
        match char_at(text, j) {
            Some(ch) if is_word_char(ch) => j += ch.len_utf8(),
            _ => break,
        }
    }
    j
}

/// A word-inner connector at `j`: its byte length and whether it is an apostrophe.
#[inline]
fn connector_at(b: &[u8], j: usize) -> (usize, bool) {
    match b.get(j) {
        Some(b'-') => (1, false),
        Some(b'\'') => (1, true),
        Some(0xE2) if b.get(j + 1) == Some(&0x80) => match b.get(j + 2) {
            Some(0x90 | 0x91) => (3, false), // ‐ ‑
            Some(0x99 | 0x98) => (3, true),  // ’ ‘
            _ => (0, false),
        },
        _ => (0, false),
    }
}

fn word(text: &str, i: usize, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let mut j = word_chars_end(text, i);
    loop {
        let (len, apostrophe) = connector_at(b, j);
        if len == 0 {
            break;
        }
        let k = j + len;
        let Some(next) = char_at(text, k) else {
            break;
        };
        if !is_word_char(next) {
            break;
        }
        if apostrophe
            && matches!(next, 's' | 'S')
            && !char_at(text, k + 1).is_some_and(is_word_char)
        {
            // Possessive: "Taliban’s" -> "Taliban" + "’s".
            push(out, i, j, TokenKind::Word);
            push(out, j, k + 1, TokenKind::Word);
            return k + 1;
        }
        j = word_chars_end(text, k);
    }
    if b.get(j) == Some(&b'.') {
        if let Some(end) = dotted_end(b, i, j) {
            push(out, i, end, TokenKind::Word);
            return end;
        }
        let w = &text[i..j];
        let keep_dot = match abbrev::lookup(w) {
            Some(Abbrev::Numeric) => next_is_number(b, j + 1),
            Some(_) => true,
            None => is_initial(w),
        };
        if keep_dot {
            push(out, i, j + 1, TokenKind::Word);
            return j + 1;
        }
    }
    push(out, i, j, TokenKind::Word);
    j
}

/// A single capital letter other than the pronoun "I".
fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase() && c != 'I')
}

/// Whether spaces then a digit follow position `k`.
fn next_is_number(b: &[u8], mut k: usize) -> bool {
    while b.get(k) == Some(&b' ') {
        k += 1;
    }
    b.get(k).is_some_and(u8::is_ascii_digit)
}

/// End (after the final period) of a dotted abbreviation such as "U.S.", "a.m.",
/// "Ph.D." whose first part is `b[i..j]` and whose first period is at `j`.
fn dotted_end(b: &[u8], i: usize, j: usize) -> Option<usize> {
    let first = &b[i..j];
    if first.is_empty() || first.len() > 2 || !first.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut dot = j;
    let mut parts = 1;
    loop {
        let start = dot + 1;
        let m = b[start.min(b.len())..]
            .iter()
            .take(3)
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if (1..=2).contains(&m) && b.get(start + m) == Some(&b'.') {
            parts += 1;
            dot = start + m;
        } else {
            break;
        }
    }
    let end = dot + 1;
    let after_is_alnum = b.get(end).is_some_and(|c| c.is_ascii_alphanumeric());
    (parts >= 2 && !after_is_alnum).then_some(end)
}

/// End of the run of digits starting at `j`.
#[inline]
fn digits_end(text: &str, mut j: usize) -> usize {
    let b = text.as_bytes();
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_digit() {
            j += 1;
            continue;
        }
        if c < 0x80 {
            break;
        }
        match char_at(text, j) {
            Some(ch) if ch.is_numeric() => j += ch.len_utf8(),
            _ => break,
        }
    }
    j
}

#[inline]
fn digit_at(text: &str, j: usize) -> bool {
    match text.as_bytes().get(j) {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if *c >= 0x80 => char_at(text, j).is_some_and(char::is_numeric),
        _ => false,
    }
}

fn number(text: &str, i: usize, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let mut j = digits_end(text, i);
    if j - i == 4 && iso_date_tail(b, j) {
        j += 6;
    } else {
        loop {
            let sep = match b.get(j) {
                Some(b',' | b'.' | b':') => 1,
                // Arabic decimal and thousands separators.
                Some(0xD9) if matches!(b.get(j + 1), Some(0xAB | 0xAC)) => 2,
                _ => 0,
            };
            if sep == 0 || !digit_at(text, j + sep) {
                break;
            }
            j = digits_end(text, j + sep);
        }
    }
    // Ordinal or decade suffix: "16th", "1990s".
    let suffix = word_chars_end(text, j);
    if suffix > j && matches!(&text[j..suffix], "st" | "nd" | "rd" | "th" | "s") {
        j = suffix;
    }
    push(out, i, j, TokenKind::Number);
    j
}

/// Whether `b[j..]` is "-MM-DD" not followed by another digit.
fn iso_date_tail(b: &[u8], j: usize) -> bool {
    let Some(t) = b.get(j..j + 6) else {
        return false;
    };
    t[0] == b'-'
        && t[1].is_ascii_digit()
        && t[2].is_ascii_digit()
        && t[3] == b'-'
        && t[4].is_ascii_digit()
        && t[5].is_ascii_digit()
        && !b.get(j + 6).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let t = tokenize(text);
        let mut prev = 0;
        for tok in &t {
            assert!(tok.span.start >= prev && tok.span.start < tok.span.end);
            prev = tok.span.end;
        }
        t.iter()
            .map(|t| (&text[t.span.start..t.span.end], t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(s, _)| s).collect()
    }

    use TokenKind::*;

    #[test]
    fn words_with_hyphens_and_apostrophes() {
        assert_eq!(
            toks("Jaish ul-Adl crossed the Tajik-Afghan border, don't"),
            [
                ("Jaish", Word),
                ("ul-Adl", Word),
                ("crossed", Word),
                ("the", Word),
                ("Tajik-Afghan", Word),
                ("border", Word),
                (",", Punct),
                ("don't", Word)
            ]
        );
        assert_eq!(
            words("Tahreek-e-Taliban O‘zbekiston"),
            ["Tahreek-e-Taliban", "O‘zbekiston"]
        );
    }

    #[test]
    fn possessives_split() {
        assert_eq!(
            toks("Taliban’s Tajikistan's"),
            [
                ("Taliban", Word),
                ("’s", Word),
                ("Tajikistan", Word),
                ("'s", Word)
            ]
        );
        assert_eq!(
            words("Afghanistan’s territory"),
            ["Afghanistan", "’s", "territory"]
        );
        // Not a possessive: more letters follow.
        assert_eq!(words("it'sy"), ["it'sy"]);
        // A trailing apostrophe is punctuation.
        assert_eq!(
            toks("states’ borders"),
            [("states", Word), ("’", Punct), ("borders", Word)]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("6,500 1.5 60 2023-12-19 08:15 16th 1990s"),
            [
                ("6,500", Number),
                ("1.5", Number),
                ("60", Number),
                ("2023-12-19", Number),
                ("08:15", Number),
                ("16th", Number),
                ("1990s", Number)
            ]
        );
        assert_eq!(toks("60%"), [("60", Number), ("%", Symbol)]);
        assert_eq!(
            toks("in 2002."),
            [("in", Word), ("2002", Number), (".", Punct)]
        );
        assert_eq!(
            toks("1990-1995"),
            [("1990", Number), ("-", Punct), ("1995", Number)]
        );
        assert_eq!(toks("4,000km"), [("4,000", Number), ("km", Word)]);
        assert_eq!(toks("٢٠٢٣"), [("٢٠٢٣", Number)]);
    }

    #[test]
    fn abbreviations_keep_their_periods() {
        assert_eq!(
            toks("Gen. Sidorov, U.S. envoy at 5 a.m. Ph.D. e.g. P.J. Crowley"),
            [
                ("Gen.", Word),
                ("Sidorov", Word),
                (",", Punct),
                ("U.S.", Word),
                ("envoy", Word),
                ("at", Word),
                ("5", Number),
                ("a.m.", Word),
                ("Ph.D.", Word),
                ("e.g.", Word),
                ("P.J.", Word),
                ("Crowley", Word)
            ]
        );
        assert_eq!(words("Anatoly A. Sidorov"), ["Anatoly", "A.", "Sidorov"]);
        assert_eq!(words("No. 5 but no."), ["No.", "5", "but", "no", "."]);
        assert_eq!(words("the border."), ["the", "border", "."]);
        assert_eq!(words("than I."), ["than", "I", "."]);
        assert_eq!(words("Dec. 19"), ["Dec.", "19"]);
    }

    #[test]
    fn punctuation_each_its_own() {
        assert_eq!(
            toks("“Forces,” he said — (ISKP) – x-"),
            [
                ("“", Punct),
                ("Forces", Word),
                (",", Punct),
                ("”", Punct),
                ("he", Word),
                ("said", Word),
                ("—", Punct),
                ("(", Punct),
                ("ISKP", Word),
                (")", Punct),
                ("–", Punct),
                ("x", Word),
                ("-", Punct)
            ]
        );
        assert_eq!(toks("...").len(), 3);
        assert_eq!(
            toks("$5 & 🙂"),
            [("$", Symbol), ("5", Number), ("&", Symbol), ("🙂", Symbol)]
        );
    }

    #[test]
    fn other_scripts() {
        assert_eq!(
            words("Талибан захватил власть."),
            ["Талибан", "захватил", "власть", "."]
        );
        assert_eq!(
            words("طالبان، در کابل؟"),
            ["طالبان", "،", "در", "کابل", "؟"]
        );
        // Persian zero-width non-joiner stays inside the word.
        assert_eq!(words("می\u{200c}شود"), ["می\u{200c}شود"]);
        assert_eq!(words("café\u{301}s"), ["café\u{301}s"]);
    }

    #[test]
    fn seed_report_tokens_are_ordered() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/examples/seed-report.txt"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            println!("note: {path} absent; skipping");
            return;
        };
        let t = tokenize(&text);
        let mut prev = 0;
        for tok in &t {
            assert!(tok.span.start >= prev);
            assert!(!text[tok.span.start..tok.span.end].trim().is_empty());
            prev = tok.span.end;
        }
        let got: Vec<&str> = t.iter().map(|t| &text[t.span.start..t.span.end]).collect();
        assert!(got.contains(&"6,500"));
        assert!(got.contains(&"Tajik-Afghan"));
        assert!(got.contains(&"ul-Adl"));
        assert!(got.windows(2).any(|w| w == ["Taliban", "’s"]));
        // All non-whitespace bytes are covered.
        let covered: usize = t.iter().map(|t| t.span.end - t.span.start).sum();
        let non_ws: usize = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum();
        assert_eq!(covered, non_ws);
    }

    #[test]
    fn random_inputs_keep_invariants() {
        let pieces = [
            "word",
            " ",
            "\n",
            ".",
            "'",
            "’",
            "‘",
            "s",
            "-",
            "‐",
            "6",
            ",",
            "500",
            "2023-12-19",
            "U.S.",
            "a.",
            "Gen",
            "A",
            "%",
            "$",
            "🙂",
            "Тажик",
            "می\u{200c}شود",
            "\u{301}",
            "٢",
            "٫",
            "“",
            "—",
            "th",
            "\u{a0}",
            ":",
        ];
        let mut rng = crate::test_rng::Rng::new(11);
        for _ in 0..3000 {
            let n = rng.below(30);
            let t = rng.text(&pieces, n);
            let toks = tokenize(&t);
            let mut prev = 0;
            for tok in &toks {
                let s = tok.span;
                assert!(s.start >= prev && s.start < s.end, "{t:?} {toks:?}");
                let piece = &t[s.start..s.end];
                assert!(!piece.contains(char::is_whitespace), "{t:?}: {piece:?}");
                prev = s.end;
            }
            let covered: usize = toks.iter().map(|t| t.span.end - t.span.start).sum();
            let non_ws: usize = t
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(char::len_utf8)
                .sum();
            assert_eq!(covered, non_ws, "{t:?}");
        }
    }
}
