//! Features of a token for the entity tagger: the word and its neighbours, shapes,
//! affixes, the run of capitalised words it sits in, what the document does with the same
//! word elsewhere, and what the reference lists know about it (gazetteer places, actor
//! registry names, given names, titles, demonyms).
//!
//! Every feature is a 32-bit hash of a template number and its value; the model keeps a
//! weight vector per hash it saw often enough in training. Features that need no tag
//! decision ("static") are computed once per sentence; the few that read the tags already
//! chosen on the left are added during decoding.

use super::lists::Lists;
use spillover_doc::{Token, TokenKind};

/// FNV-1a, 64 bit, folded to 32: fast, stable across platforms and releases (the shipped
/// model depends on it).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FeatureHash(u64);

impl FeatureHash {
    pub(crate) fn new(template: u8) -> FeatureHash {
        FeatureHash(0xcbf2_9ce4_8422_2325).byte(template)
    }
    #[inline]
    fn byte(self, b: u8) -> FeatureHash {
        FeatureHash((self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    }
    #[inline]
    pub(crate) fn str(mut self, s: &str) -> FeatureHash {
        for &b in s.as_bytes() {
            self = self.byte(b);
        }
        self.byte(0xff)
    }
    #[inline]
    pub(crate) fn num(self, n: u8) -> FeatureHash {
        self.byte(n).byte(0xfe)
    }
    #[inline]
    pub(crate) fn finish(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
}

/// What the reference lists say about one token (bit flags and small codes).
#[derive(Debug, Clone, Default)]
pub(crate) struct TokenInfo {
    pub lower: String,
    pub shape: String,
    /// First letter is a capital.
    pub cap: bool,
    pub word: bool,
    /// Position in the longest gazetteer name covering the token: 0 none, 1 begin, 2 inside.
    pub gaz_pos: u8,
    /// The gazetteer feature class of that name (see [`Lists::place_class`]).
    pub gaz_class: u8,
    /// Position in the longest registry alias covering the token (as `gaz_pos`).
    pub reg_pos: u8,
    pub reg_kind: u8,
    pub given: bool,
    /// Title category + 1 when the token is part of a title ("Colonel General"), else 0.
    pub title: u8,
    pub demonym: bool,
    /// Position in a run of capitalised words: 0 not in one, 1 begin, 2 inside, 3 last, 4 alone.
    pub run_pos: u8,
    /// Index of the run's last token (meaningful when `run_pos > 0`).
    pub run_last: usize,
    pub run_first: usize,
    pub run_len: u8,
    /// Inside quotation marks (1) or parentheses (2) within the sentence.
    pub enclosed: u8,
    /// The tag-history features' hashes up to the previous tag, which decoding adds for
    /// each candidate (see `dynamic_features`).
    pub dyn_word: FeatureHash,
    pub dyn_shape: FeatureHash,
}

/// Coarse shape: capitals → `X`, small letters → `x`, digits → `d`, repeats collapsed
/// ("Tasmagambetov" → `Xx`, "CSTO" → `X`, "F-16" → `X-d`, "U.S." → `X.X.`).
pub(crate) fn shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
        if out.len() >= 8 {
            break;
        }
    }
    out
}

fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Lower-case words that may sit inside one name between capitalised words: "of"/"for"
/// ("Ministry of Foreign Affairs") and the name particles of `data/names/
/// surname-particles.txt` ("Jaish ul-Adl", "Mohammed bin Salman", "Ursula von der Leyen").
fn is_name_glue(lower: &str, lists: &Lists) -> bool {
    matches!(lower, "of" | "for") || lists.is_particle(lower)
}

/// The facts about each token of one sentence that features read.
pub(crate) fn token_infos(text: &str, toks: &[Token], lists: &Lists) -> Vec<TokenInfo> {
    let mut out: Vec<TokenInfo> = toks
        .iter()
        .map(|t| {
            let w = &text[t.span.start..t.span.end];
            let word = t.kind == TokenKind::Word;
            let lower = w.to_lowercase();
            let shape = shape(w);
            TokenInfo {
                dyn_word: FeatureHash::new(dynamic::T1W0).str(&lower),
                dyn_shape: FeatureHash::new(dynamic::T1S0).str(&shape),
                lower,
                shape,
                cap: word && is_cap(w),
                word,
                given: word && lists.is_given_name(w),
                demonym: word && lists.is_demonym(w),
                ..TokenInfo::default()
            }
        })
        .collect();
    mark_runs(&mut out, lists);
    mark_enclosed(&mut out);
    mark_titles(text, toks, lists, &mut out);
    mark_names(text, toks, lists, &mut out);
    out
}

fn mark_runs(infos: &mut [TokenInfo], lists: &Lists) {
    let n = infos.len();
    let mut i = 0;
    while i < n {
        if !infos[i].cap {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1; // exclusive
        loop {
            if end < n && infos[end].cap {
                end += 1;
                continue;
            }
            // glue: "of", "of the", "ul" between capitalised words
            if end + 1 < n && is_name_glue(&infos[end].lower, lists) {
                if infos[end + 1].cap {
                    end += 2;
                    continue;
                }
                if end + 2 < n && infos[end + 1].lower == "the" && infos[end + 2].cap {
                    end += 3;
                    continue;
                }
            }
            break;
        }
        let len = (end - start).min(6) as u8;
        for (k, info) in infos[start..end].iter_mut().enumerate() {
            info.run_pos = if end - start == 1 {
                4
            } else if k == 0 {
                1
            } else if start + k + 1 == end {
                3
            } else {
                2
            };
            info.run_first = start;
            info.run_last = end - 1;
            info.run_len = len;
        }
        i = end;
    }
}

fn mark_enclosed(infos: &mut [TokenInfo]) {
    let mut quote = false;
    let mut paren = 0u32;
    for info in infos.iter_mut() {
        match info.lower.as_str() {
            "\"" | "“" | "”" | "«" | "»" => {
                quote = !quote && info.lower != "”" && info.lower != "»";
                continue;
            }
            "(" => {
                paren += 1;
                continue;
            }
            ")" => {
                paren = paren.saturating_sub(1);
                continue;
            }
            _ => {}
        }
        info.enclosed = if quote {
            1
        } else if paren > 0 {
            2
        } else {
            0
        };
    }
}

fn mark_titles(text: &str, toks: &[Token], lists: &Lists, infos: &mut [TokenInfo]) {
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let mut matched = 0;
        if !infos[i].word || !lists.may_start_title(&infos[i].lower) {
            i += 1;
            continue;
        }
        for len in (1..=lists.max_title_tokens().min(n - i)).rev() {
            let s = &text[toks[i].span.start..toks[i + len - 1].span.end];
            if let Some(cat) = lists.title(s) {
                for info in &mut infos[i..i + len] {
                    info.title = cat + 1;
                }
                matched = len;
                break;
            }
        }
        i += matched.max(1);
    }
}

/// Longest gazetteer and registry names starting at capitalised words.
fn mark_names(text: &str, toks: &[Token], lists: &Lists, infos: &mut [TokenInfo]) {
    let n = toks.len();
    let max = lists.max_name_tokens();
    let mut gaz_until = 0;
    let mut reg_until = 0;
    for i in 0..n {
        if !infos[i].cap {
            // a lower-case word that names a country, province or large city ("mexico")
            if infos[i].word && infos[i].lower.len() >= 4 && i >= gaz_until {
                if let Some(class) = lists.place_class(&infos[i].lower).filter(|&c| c <= 5) {
                    infos[i].gaz_pos = 3;
                    infos[i].gaz_class = class;
                }
            }
            continue;
        }
        let longest = (1..=max.min(n - i))
            .take_while(|&len| {
                let last = &infos[i + len - 1];
                last.word || matches!(last.lower.as_str(), "-" | "." | "'")
            })
            .last()
            .unwrap_or(0);
        if i >= gaz_until {
            for len in (1..=longest).rev() {
                if !infos[i + len - 1].cap {
                    continue;
                }
                let s = &text[toks[i].span.start..toks[i + len - 1].span.end];
                if let Some(class) = lists.place_class(s) {
                    for (k, info) in infos[i..i + len].iter_mut().enumerate() {
                        info.gaz_pos = if k == 0 { 1 } else { 2 };
                        info.gaz_class = class;
                    }
                    gaz_until = i + len;
                    break;
                }
            }
        }
        if i >= reg_until
            && lists
                .may_start_registry(&text[toks[i].span.start..toks[i].span.end], &infos[i].lower)
        {
            for len in (1..=longest).rev() {
                let s = &text[toks[i].span.start..toks[i + len - 1].span.end];
                if let Some(kind) = lists.registry_kind(s) {
                    for (k, info) in infos[i..i + len].iter_mut().enumerate() {
                        info.reg_pos = if k == 0 { 1 } else { 2 };
                        info.reg_kind = kind;
                    }
                    reg_until = i + len;
                    break;
                }
            }
        }
    }
}

/// Words of a document seen in small letters, and words seen capitalised other than at
/// the start of a sentence: whether "Bank" is a name here or just a sentence start.
#[derive(Default)]
pub(crate) struct DocWords<'t> {
    /// Borrowed from the text (they are lower case there already); FNV-hashed.
    lower: super::model::FastSet<&'t str>,
    cap_inside: super::model::FastSet<String>,
}

impl<'t> DocWords<'t> {
    pub(crate) fn new(text: &'t str, sentences: &[&[Token]]) -> DocWords<'t> {
        let mut d = DocWords::default();
        for toks in sentences {
            for (k, t) in toks.iter().enumerate() {
                if t.kind != TokenKind::Word {
                    continue;
                }
                let w = &text[t.span.start..t.span.end];
                if w.chars().all(|c| !c.is_uppercase()) {
                    d.lower.insert(w);
                } else if k > 0 && is_cap(w) {
                    d.cap_inside.insert(w.to_lowercase());
                }
            }
        }
        d
    }
}

/// Static feature templates (numbers are part of the hash; never reuse one).
mod t {
    pub const BIAS: u8 = 1;
    pub const W0: u8 = 2;
    pub const WM1: u8 = 3;
    pub const WP1: u8 = 4;
    pub const WM2: u8 = 5;
    pub const WP2: u8 = 6;
    pub const S0: u8 = 7;
    pub const SM1: u8 = 8;
    pub const SP1: u8 = 9;
    pub const SM1S0: u8 = 10;
    pub const S0SP1: u8 = 11;
    pub const PRE2: u8 = 12;
    pub const PRE3: u8 = 13;
    pub const SUF2: u8 = 14;
    pub const SUF3: u8 = 15;
    pub const SUF4: u8 = 16;
    pub const WM1W0: u8 = 17;
    pub const W0WP1: u8 = 18;
    pub const FIRST: u8 = 19;
    pub const GAZ: u8 = 20;
    pub const GAZM1: u8 = 21;
    pub const GAZP1: u8 = 22;
    pub const REG: u8 = 23;
    pub const GIVEN: u8 = 24;
    pub const GIVENM1: u8 = 25;
    pub const TITLE: u8 = 26;
    pub const TITLEM1: u8 = 27;
    pub const DEMONYM: u8 = 28;
    pub const RUN: u8 = 29;
    pub const RUNLAST: u8 = 30;
    pub const RUNFIRST: u8 = 31;
    pub const LOWER_SEEN: u8 = 32;
    pub const CAP_INSIDE: u8 = 33;
    pub const RUN_GIVEN: u8 = 34;
    pub const RUN_TITLE: u8 = 35;
    pub const RUNLAST_SUF: u8 = 36;
    pub const REGP1: u8 = 37;
    pub const DEMONYM_P1: u8 = 38;
    pub const ENCLOSED: u8 = 39;
}

/// Dynamic templates: they read tags already chosen.
pub(crate) mod dynamic {
    pub const T1: u8 = 100;
    // 101 was T2T1 (two tags back), dropped for first-order Viterbi decoding.
    // 102 and 103 were the word and shape with the tag first; now the tag comes last
    pub const T1W0: u8 = 104;
    pub const T1S0: u8 = 105;
}

fn suffix(s: &str, n: usize) -> &str {
    let mut idx = s.len();
    for (count, (i, _)) in s.char_indices().rev().enumerate() {
        idx = i;
        if count + 1 == n {
            break;
        }
    }
    &s[idx..]
}

fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Appends the static features of token `i` to `out`.
pub(crate) fn static_features(
    infos: &[TokenInfo],
    doc: &DocWords<'_>,
    i: usize,
    out: &mut Vec<u32>,
) {
    use t::*;
    let f = FeatureHash::new;
    let x = &infos[i];
    let at = |k: isize| -> Option<&TokenInfo> {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < infos.len()).then(|| &infos[j as usize])
    };
    let w = |k: isize| at(k).map_or("<s>", |t| t.lower.as_str());
    let s = |k: isize| at(k).map_or("<s>", |t| t.shape.as_str());
    out.push(f(BIAS).finish());
    out.push(f(W0).str(&x.lower).finish());
    out.push(f(WM1).str(w(-1)).finish());
    out.push(f(WP1).str(w(1)).finish());
    out.push(f(WM2).str(w(-2)).finish());
    out.push(f(WP2).str(w(2)).finish());
    out.push(f(S0).str(&x.shape).finish());
    out.push(f(SM1).str(s(-1)).finish());
    out.push(f(SP1).str(s(1)).finish());
    out.push(f(SM1S0).str(s(-1)).str(&x.shape).finish());
    out.push(f(S0SP1).str(&x.shape).str(s(1)).finish());
    out.push(f(WM1W0).str(w(-1)).str(&x.lower).finish());
    out.push(f(W0WP1).str(&x.lower).str(w(1)).finish());
    if x.word {
        out.push(f(PRE2).str(prefix(&x.lower, 2)).finish());
        out.push(f(PRE3).str(prefix(&x.lower, 3)).finish());
        out.push(f(SUF2).str(suffix(&x.lower, 2)).finish());
        out.push(f(SUF3).str(suffix(&x.lower, 3)).finish());
        out.push(f(SUF4).str(suffix(&x.lower, 4)).finish());
    }
    if i == 0 {
        out.push(f(FIRST).str(&x.shape).finish());
    }
    if x.enclosed > 0 {
        out.push(f(ENCLOSED).num(x.enclosed).num(x.cap as u8).finish());
    }
    if x.gaz_pos > 0 {
        out.push(f(GAZ).num(x.gaz_pos).num(x.gaz_class).finish());
    }
    if let Some(p) = at(-1).filter(|p| p.gaz_pos > 0) {
        out.push(f(GAZM1).num(p.gaz_pos).num(p.gaz_class).finish());
    }
    if let Some(p) = at(1).filter(|p| p.gaz_pos > 0) {
        out.push(f(GAZP1).num(p.gaz_pos).num(p.gaz_class).finish());
    }
    if x.reg_pos > 0 {
        out.push(f(REG).num(x.reg_pos).num(x.reg_kind).finish());
    }
    if let Some(p) = at(1).filter(|p| p.reg_pos > 0) {
        out.push(f(REGP1).num(p.reg_pos).num(p.reg_kind).finish());
    }
    if x.given {
        out.push(f(GIVEN).num(x.cap as u8).finish());
    }
    if at(-1).is_some_and(|p| p.given) {
        out.push(f(GIVENM1).num(x.cap as u8).finish());
    }
    if x.title > 0 {
        out.push(f(TITLE).num(x.title).finish());
    }
    if let Some(p) = at(-1).filter(|p| p.title > 0) {
        out.push(f(TITLEM1).num(p.title).num(x.cap as u8).finish());
    }
    if x.demonym {
        out.push(f(DEMONYM).num(x.cap as u8).finish());
    }
    if at(-1).is_some_and(|p| p.demonym) {
        out.push(f(DEMONYM_P1).str(&x.lower).finish());
    }
    if x.run_pos > 0 {
        let last = &infos[x.run_last];
        let first = &infos[x.run_first];
        out.push(f(RUN).num(x.run_pos).num(x.run_len).finish());
        out.push(f(RUNLAST).num(x.run_pos).str(&last.lower).finish());
        out.push(
            f(RUNLAST_SUF)
                .num(x.run_pos)
                .str(suffix(&last.lower, 3))
                .finish(),
        );
        out.push(f(RUNFIRST).num(x.run_pos).str(&first.lower).finish());
        if first.given {
            out.push(f(RUN_GIVEN).num(x.run_pos).finish());
        }
        if x.run_first > 0 && infos[x.run_first - 1].title > 0 {
            out.push(f(RUN_TITLE).num(infos[x.run_first - 1].title).finish());
        }
        let lower_seen = doc.lower.contains(x.lower.as_str());
        out.push(
            f(LOWER_SEEN)
                .num(lower_seen as u8)
                .num(i.min(1) as u8)
                .finish(),
        );
        if i == 0 {
            let inside = doc.cap_inside.contains(x.lower.as_str());
            out.push(f(CAP_INSIDE).num(inside as u8).finish());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_repeats() {
        assert_eq!(shape("Tasmagambetov"), "Xx");
        assert_eq!(shape("CSTO"), "X");
        assert_eq!(shape("F-16"), "X-d");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("6,500"), "d,d");
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        assert_eq!(suffix("Ozodi", 3), "odi");
        assert_eq!(suffix("é", 3), "é");
        assert_eq!(prefix("Ёлка", 2), "Ёл");
    }

    #[test]
    fn hashes_differ_by_template_and_value() {
        let a = FeatureHash::new(1).str("kabul").finish();
        let b = FeatureHash::new(2).str("kabul").finish();
        let c = FeatureHash::new(1).str("kabu").str("l").finish();
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, FeatureHash::new(1).str("kabul").finish());
    }
}
