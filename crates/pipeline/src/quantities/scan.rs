//! The per-sentence scanner: finds number cores in the token stream and grows each into
//! a figure (bound, range, percent, unit, count type, change, subject, base period).
//!
//! Everything works on token indices inside one sentence; [`super`] turns the result
//! into byte spans. Lookups use a lower-cased copy of each token built once per sentence
//! that holds a candidate.

use super::lexicon::{self as lx, Bound, Direction};
use super::units::{Category, UnitTable};
use spillover_doc::{Span, Token, TokenKind};

/// Lower-cased copies of one sentence's tokens, reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    arena: String,
    lower: Vec<(u32, u32)>,
}

impl Scratch {
    /// Fills the scratch with the lower-cased tokens of a sentence.
    pub(crate) fn fill(&mut self, text: &str, toks: &[Token]) {
        self.arena.clear();
        self.lower.clear();
        for t in toks {
            let raw = text.get(t.span.start..t.span.end).unwrap_or("");
            let a = self.arena.len();
            if raw.is_ascii() {
                self.arena.push_str(raw);
                self.arena[a..].make_ascii_lowercase();
            } else {
                for c in raw.chars() {
                    self.arena.extend(c.to_lowercase());
                }
            }
            self.lower.push((a as u32, self.arena.len() as u32));
        }
    }
}

/// Whether a sentence's tokens hold anything the scanner could start a figure on: a
/// number token or an ASCII number word. Runs on every sentence, so a word costs a
/// table probe on its first letter and length unless it could be a number word.
pub(crate) fn has_candidate(text: &str, toks: &[Token]) -> bool {
    toks.iter().any(|t| match t.kind {
        TokenKind::Number => true,
        TokenKind::Word => {
            let raw = text.as_bytes().get(t.span.start..t.span.end).unwrap_or(&[]);
            let hyphen = lx::maybe_compound(raw);
            if !(hyphen || lx::maybe_trigger(raw)) || raw.len() > 24 || !raw.is_ascii() {
                return false;
            }
            let mut buf = [0u8; 24];
            let buf = &mut buf[..raw.len()];
            buf.copy_from_slice(raw);
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf)
                .is_ok_and(|w| lx::is_trigger(w) || (hyphen && word_number_compound(w)))
        }
        _ => false,
    })
}

/// "twenty-five", "two-thirds", "three-fold": a hyphenated word whose first part is a
/// small number.
fn word_number_compound(w: &str) -> bool {
    split_hyphen(w).is_some_and(|(a, _)| lx::small_number(a).is_some())
}

/// Splits a word at its first hyphen (ASCII or Unicode).
fn split_hyphen(w: &str) -> Option<(&str, &str)> {
    let (i, c) = w
        .char_indices()
        .find(|&(_, c)| matches!(c, '-' | '‐' | '‑'))?;
    Some((&w[..i], &w[i + c.len_utf8()..]))
}

/// One sentence as the scanner sees it.
#[derive(Clone, Copy)]
pub(crate) struct Sent<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    arena: &'a str,
    lower: &'a [(u32, u32)],
}

impl<'a> Sent<'a> {
    pub(crate) fn new(text: &'a str, toks: &'a [Token], scratch: &'a Scratch) -> Sent<'a> {
        Sent {
            text,
            toks,
            arena: &scratch.arena,
            lower: &scratch.lower,
        }
    }

    fn n(&self) -> usize {
        self.toks.len()
    }

    /// The lower-cased token at `i`, or "" past the end.
    fn w(&self, i: usize) -> &'a str {
        self.lower
            .get(i)
            .and_then(|&(a, b)| self.arena.get(a as usize..b as usize))
            .unwrap_or("")
    }

    /// The lower-cased token `k` places before `i`, or "" before the start.
    fn wb(&self, i: usize, k: usize) -> &'a str {
        i.checked_sub(k).map_or("", |j| self.w(j))
    }

    /// The token at `i` as written.
    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.span.start..t.span.end))
            .unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// Punctuation other than hyphens and apostrophes inside words.
    fn is_break(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(TokenKind::Punct) => !matches!(self.raw(i), "-" | "‐" | "‑"),
            Some(TokenKind::Word | TokenKind::Number) => false,
            Some(TokenKind::Symbol) => false,
            None => true,
        }
    }

    /// Whether token `i` starts where token `i - 1` ends (no space between).
    fn glued(&self, i: usize) -> bool {
        i > 0
            && matches!((self.toks.get(i - 1), self.toks.get(i)), (Some(a), Some(b)) if a.span.end == b.span.start)
    }

    /// Whether token `i` starts with an upper-case letter.
    fn cap(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The byte span of tokens `a..b`.
    pub(crate) fn span(&self, a: usize, b: usize) -> Option<Span> {
        let first = self.toks.get(a)?;
        let last = self.toks.get(b.checked_sub(1)?)?;
        (a < b).then_some(Span {
            start: first.span.start,
            end: last.span.end,
        })
    }

    /// Whether the lower-cased tokens ending just before `e` are `phrase`.
    fn ends_with(&self, e: usize, phrase: &[&str]) -> bool {
        e >= phrase.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, p)| self.w(e - phrase.len() + k) == *p)
    }

    /// Whether the lower-cased tokens starting at `i` are `phrase`.
    fn starts_with(&self, i: usize, phrase: &[&str]) -> bool {
        phrase.iter().enumerate().all(|(k, p)| self.w(i + k) == *p)
    }
}

/// What a number core is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CoreKind {
    /// Digits, possibly scaled ("6,500", "1.5 million", "5bn").
    Digits,
    /// Number words ("twenty-five", "a dozen", "half a million").
    Words,
    /// A vague plural ("dozens", "tens of thousands", "several hundred").
    Vague,
    /// A fraction ("a third", "two-thirds", "half of").
    Fraction,
    /// A factor of change ("doubled", "threefold", "1.5 times more").
    Multiplier,
}

/// The number itself: tokens `a..b` and its value.
#[derive(Debug, Clone, Copy)]
struct Core {
    a: usize,
    b: usize,
    value: f64,
    kind: CoreKind,
    /// A bare four-digit number from 1900 to 2100.
    year_like: bool,
    /// The scale word or abbreviation applied, if any ("million").
    scale: Option<f64>,
}

/// The counted thing of a figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum UnitRef {
    /// A row of the units table, at tokens `a..b`.
    Table { unit: usize, a: usize, b: usize },
    /// No noun: people, implied by an outcome cue ("14 killed").
    Implicit,
    /// Not in the table: the plural noun after the number, naively singularised.
    Fallback { lemma: String, a: usize, b: usize },
    /// Carried over from the previous figure of the sentence ("6,500 members, with 4,000
    /// located along …"); the span is that figure's unit.
    Inherited(Box<UnitRef>),
}

/// A change in a figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Change {
    pub direction: Direction,
    /// Relative size: 0.6 for +60 %, 1.0 for "doubled", 0.5 for "halved".
    pub size: Option<f64>,
    /// New value over old: 1.6 for +60 %, 2.0 for "doubled", 0.5 for "halved".
    pub factor: Option<f64>,
    /// Size in the figure's own unit ("increased by 60 people", "from 40 to 60").
    pub absolute: Option<f64>,
    pub from: Option<f64>,
    pub to: Option<f64>,
    /// The base period or comparison, tokens `a..b`.
    pub base: Option<(usize, usize)>,
}

/// A figure found in a sentence, in token indices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    /// The whole phrase, tokens `start..end`.
    pub start: usize,
    pub end: usize,
    /// The number words or digits (both ends of a range), tokens `value_a..value_b`.
    pub value_a: usize,
    pub value_b: usize,
    pub kind: CoreKind,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub bound: Bound,
    pub vague: bool,
    /// `Some(false)` for percent, `Some(true)` for percentage points.
    pub percent: Option<bool>,
    /// The tokens of "%", "percent", "per cent" or "percentage points".
    pub percent_tokens: Option<(usize, usize)>,
    /// The fraction, for "a third of the refugees".
    pub fraction: Option<f64>,
    pub unit: Option<UnitRef>,
    /// Count type and the tokens of the cue or unit it came from.
    pub count_type: Option<(String, usize, usize)>,
    pub change: Option<Change>,
    pub subject: Option<(usize, usize)>,
    pub subject_inherited: bool,
    /// The figure's own span holds the verb of its clause ("increased by 60%",
    /// "doubled"), so the subject sits right before it.
    pub verb_inside: bool,
    /// "of heroin", "of the population", "increase in attacks": tokens of the noun phrase.
    pub of: Option<(usize, usize)>,
    /// "a day", "per month": the period word and the tokens of the phrase.
    pub per: Option<(&'static str, usize, usize)>,
    pub confidence: f32,
}

impl Figure {
    /// The annotation label: change, percent, a measure's category, or count.
    pub(crate) fn label(&self, table: &UnitTable) -> &'static str {
        if self.change.is_some() {
            return "change";
        }
        if self.percent.is_some() || self.fraction.is_some() {
            return "percent";
        }
        match self.table_unit() {
            Some(u) => table.unit(u).map_or("count", |u| u.category.label()),
            None => "count",
        }
    }

    /// The units-table row of the counted thing, inherited or not.
    pub(crate) fn table_unit(&self) -> Option<usize> {
        match &self.unit {
            Some(UnitRef::Table { unit, .. }) => Some(*unit),
            Some(UnitRef::Inherited(unit)) => match unit.as_ref() {
                UnitRef::Table { unit, .. } => Some(*unit),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The scanner for one sentence.
pub(crate) struct Scanner<'a> {
    pub s: Sent<'a>,
    pub table: &'a UnitTable,
    /// Spans of the dates layer, sorted by start; numbers inside them are skipped.
    pub dates: &'a [Span],
}

impl<'a> Scanner<'a> {
    /// Every figure of the sentence, in order, not overlapping.
    pub(crate) fn figures(&self) -> Vec<Figure> {
        let mut out: Vec<Figure> = Vec::new();
        let n = self.s.n();
        let mut i = 0;
        let mut floor = 0;
        while i < n {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.figure_at(i, floor) {
                Ok(f) => {
                    i = f.end.max(i + 1);
                    floor = f.end;
                    out.push(f);
                }
                Err(next) => i = next.max(i + 1),
            }
        }
        self.inherit(&mut out);
        out
    }

    /// Whether a number core can start at token `i`: digits, a number word, or the
    /// words that open one ("a dozen", "half a million", "several thousand").
    fn may_start(&self, i: usize) -> bool {
        let s = &self.s;
        match s.kind(i) {
            Some(TokenKind::Number) => true,
            Some(TokenKind::Word) => {
                let w = s.w(i);
                matches!(w, "a" | "an" | "half" | "several" | "many")
                    || (lx::maybe_trigger(w.as_bytes()) && lx::is_trigger(w))
                    || (lx::maybe_compound(w.as_bytes()) && word_number_compound(w))
            }
            _ => false,
        }
    }

    fn lower_at(&self) -> impl Fn(usize) -> Option<&'a str> + '_ {
        move |i| (i < self.s.n()).then(|| self.s.w(i))
    }

    fn unit_at(&self, i: usize) -> Option<(usize, usize, Category)> {
        let (u, len) = self.table.match_at(i, self.lower_at())?;
        let cat = self.table.unit(u)?.category;
        Some((u, len, cat))
    }

    fn in_date(&self, a: usize, b: usize) -> bool {
        let Some(sp) = self.s.span(a, b) else {
            return false;
        };
        let k = self.dates.partition_point(|d| d.end <= sp.start);
        self.dates.get(k).is_some_and(|d| d.start < sp.end)
    }

    // ----- number cores -------------------------------------------------------------

    fn core(&self, i: usize) -> Option<Core> {
        let s = &self.s;
        if s.is_num(i) {
            return self.digits_core(i);
        }
        if !s.is_word(i) {
            return None;
        }
        let w0 = s.w(i);
        let mk = |b: usize, value: f64, kind: CoreKind| Core {
            a: i,
            b,
            value,
            kind,
            year_like: false,
            scale: None,
        };
        if let Some(f) = lx::multiplier_word(w0) {
            return Some(mk(i + 1, f, CoreKind::Multiplier));
        }
        if matches!(w0, "a" | "an") {
            let n1 = s.w(i + 1);
            if n1 == "dozen" {
                return Some(mk(i + 2, 12.0, CoreKind::Words));
            }
            if lx::scale_word(n1).is_some() {
                let (v, b) = self.number_words(i + 1, true)?;
                return Some(Core {
                    scale: lx::scale_word(n1),
                    ..mk(b, v, CoreKind::Words)
                });
            }
            if let Some(f) = lx::fraction_word(n1) {
                if !n1.ends_with('s') {
                    return Some(mk(i + 2, f, CoreKind::Fraction));
                }
            }
            if let (Some(q), Some(sc)) = (lx::vague_quantifier(n1), lx::scale_word(s.w(i + 2))) {
                return Some(mk(i + 3, q * sc, CoreKind::Vague));
            }
            return None;
        }
        if w0 == "half" {
            if matches!(s.w(i + 1), "a" | "an") {
                if let Some(sc) = lx::scale_word(s.w(i + 2)) {
                    return Some(Core {
                        scale: Some(sc),
                        ..mk(i + 3, 0.5 * sc, CoreKind::Words)
                    });
                }
                if s.w(i + 2) == "dozen" {
                    return Some(mk(i + 3, 6.0, CoreKind::Words));
                }
            }
            if (s.w(i + 1) == "of" && !lx::ordinal_word(s.wb(i, 1))) || s.wb(i, 1) == "by" {
                return Some(mk(i + 1, 0.5, CoreKind::Fraction));
            }
            return None;
        }
        if matches!(w0, "several" | "many") {
            let sc = lx::scale_word(s.w(i + 1))?;
            let q = lx::vague_quantifier(w0)?;
            return Some(mk(i + 2, q * sc, CoreKind::Vague));
        }
        if let Some(base) = lx::vague_plural(w0) {
            if w0 == "tens" {
                if s.w(i + 1) != "of" {
                    return None;
                }
                let big = lx::vague_plural(s.w(i + 2)).filter(|&b| b >= 1e3)?;
                return Some(mk(i + 3, 2.0 * 10.0 * big, CoreKind::Vague));
            }
            if s.w(i + 1) == "of" {
                if let Some(big) = lx::vague_plural(s.w(i + 2)).filter(|&b| b > base) {
                    return Some(mk(i + 3, 2.0 * base * big, CoreKind::Vague));
                }
            }
            return Some(mk(i + 1, 2.0 * base, CoreKind::Vague));
        }
        let (v, b) = self.number_words(i, false)?;
        // "two-thirds", "two thirds", "three-fold" come back from number_words as the
        // special kinds below.
        if let Some((a, rest)) = split_hyphen(w0) {
            if let Some(n) = lx::small_number(a) {
                if let Some(f) = lx::fraction_word(rest) {
                    return Some(mk(i + 1, n * f, CoreKind::Fraction));
                }
                if rest == "fold" {
                    return Some(mk(i + 1, n, CoreKind::Multiplier));
                }
            }
        }
        if b == i + 1 {
            if let Some(f) = lx::fraction_word(s.w(b)).filter(|_| v < 10.0) {
                return Some(mk(b + 1, v * f, CoreKind::Fraction));
            }
        }
        if s.w(b) == "dozen" {
            return Some(mk(b + 1, v * 12.0, CoreKind::Words));
        }
        let scale = (b > i + 1).then(|| lx::scale_word(s.w(b - 1))).flatten();
        Some(Core {
            scale,
            ..mk(b, v, CoreKind::Words)
        })
    }

    /// Number words from token `i`: "twenty-five", "three hundred and fifty thousand".
    /// With `one`, an implicit one precedes (after "a": "a hundred", "a million").
    fn number_words(&self, i: usize, one: bool) -> Option<(f64, usize)> {
        let s = &self.s;
        let mut total = 0.0;
        let mut current = if one { 1.0 } else { 0.0 };
        let mut any = one;
        // What the previous word was: 0 none, 1 units/teens, 2 tens, 3 hundred, 4 scale, 5 "and".
        let mut prev = if one { 1 } else { 0 };
        let mut k = i;
        loop {
            let w = s.w(k);
            if let Some(v) = lx::small_number(w) {
                let fits = match prev {
                    0 | 3 | 4 | 5 => true,
                    2 => v < 10.0 && v > 0.0,
                    _ => false,
                };
                if !fits {
                    break;
                }
                current += v;
                prev = if lx::is_tens(v) { 2 } else { 1 };
                any = true;
                k += 1;
                continue;
            }
            if let Some((a, b)) = split_hyphen(w) {
                if let (Some(t), Some(u)) = (lx::small_number(a), lx::small_number(b)) {
                    if lx::is_tens(t) && u > 0.0 && u < 10.0 && matches!(prev, 0 | 3 | 4 | 5) {
                        current += t + u;
                        prev = 1;
                        any = true;
                        k += 1;
                        continue;
                    }
                }
                if !any && (lx::fraction_word(b).is_some() || b == "fold") {
                    // "two-thirds", "three-fold": the caller reads the compound.
                    return Some((lx::small_number(a)?, k + 1));
                }
                break;
            }
            if w == "hundred" && any && prev != 3 && prev != 5 {
                current = if current == 0.0 {
                    100.0
                } else {
                    current * 100.0
                };
                prev = 3;
                k += 1;
                continue;
            }
            if let Some(sc) = lx::scale_word(w).filter(|&sc| sc >= 1e3) {
                if !any || prev == 5 {
                    break;
                }
                total += if current == 0.0 { sc } else { current * sc };
                current = 0.0;
                prev = 4;
                k += 1;
                continue;
            }
            if w == "and" && matches!(prev, 3 | 4) && lx::small_number(s.w(k + 1)).is_some() {
                prev = 5;
                k += 1;
                continue;
            }
            break;
        }
        if prev == 5 {
            k -= 1;
        }
        (any && k > i).then_some((total + current, k))
    }

    fn digits_core(&self, i: usize) -> Option<Core> {
        let s = &self.s;
        let raw = s.raw(i);
        let (mut v, plain) = parse_digits(raw)?;
        let year_like = plain && raw.len() == 4 && (1800.0..=2100.0).contains(&v);
        let mut b = i + 1;
        let mut scale = None;
        if let Some(sc) = lx::scale_word(s.w(b)) {
            b += 1;
            let mut total = sc;
            let mut last = sc;
            while let Some(sc2) = lx::scale_word(s.w(b)).filter(|&x| x > last) {
                total *= sc2;
                last = sc2;
                b += 1;
            }
            v *= total;
            scale = Some(total);
        } else if s.is_word(b) && s.glued(b) {
            if let Some(sc) = lx::scale_abbrev(s.w(b)) {
                v *= sc;
                b += 1;
                scale = Some(sc);
            }
        }
        // "3-fold", "3fold"
        if s.w(b) == "fold" && s.glued(b) {
            return Some(Core {
                a: i,
                b: b + 1,
                value: v,
                kind: CoreKind::Multiplier,
                year_like: false,
                scale,
            });
        }
        if s.raw(b) == "-" && s.glued(b) && s.w(b + 1) == "fold" && s.glued(b + 1) {
            return Some(Core {
                a: i,
                b: b + 2,
                value: v,
                kind: CoreKind::Multiplier,
                year_like: false,
                scale,
            });
        }
        Some(Core {
            a: i,
            b,
            value: v,
            kind: CoreKind::Digits,
            year_like: year_like && scale.is_none(),
            scale,
        })
    }

    /// Whether digits at `i` sit in a run of numbers that is not a figure: phone
    /// numbers, slashed dates, scores, codes. Returns the index to resume after.
    fn number_chain(&self, i: usize) -> Option<usize> {
        let s = &self.s;
        let joiner = |j: usize| matches!(s.raw(j), "/" | "(" | ")" | ":" | "." | "+" | "-" | "–");
        // Left: a number right before, or one joined by punctuation.
        let left = (i >= 1 && s.is_num(i - 1))
            || (i >= 2 && joiner(i - 1) && s.is_num(i - 2) && s.glued(i) && s.glued(i - 1))
            || (i >= 2 && matches!(s.raw(i - 1), "-" | "–") && s.is_num(i - 2));
        // Right: a number right after, or joined by punctuation other than a range dash.
        let right = s.is_num(i + 1)
            || (joiner(i + 1)
                && !matches!(s.raw(i + 1), "-" | "–")
                && s.is_num(i + 2)
                && s.glued(i + 1)
                && s.glued(i + 2));
        if !(left || right) {
            return None;
        }
        let mut k = i + 1;
        while k < s.n() && (s.is_num(k) || (joiner(k) && s.is_num(k + 1))) {
            k += 1;
        }
        Some(k)
    }

    // ----- figures ------------------------------------------------------------------

    /// The figure whose number starts at token `i`, or the index to resume at.
    fn figure_at(&self, i: usize, floor: usize) -> Result<Figure, usize> {
        let s = &self.s;
        let core = self.core(i).filter(|c| c.value.is_finite()).ok_or(i + 1)?;
        if self.in_date(core.a, core.b) {
            return Err(core.b);
        }
        let prev = s.wb(i, 1);
        // "on Aug. 19 and 20", "March 3-5": a day number continuing a date.
        let day_like = core.value.fract() == 0.0 && (1.0..=31.0).contains(&core.value);
        if day_like
            && i >= 2
            && matches!(prev, "and" | "or" | "to" | "-" | "–")
            && self.in_date(i - 2, i - 1)
        {
            return Err(core.b);
        }
        if (i > floor && lx::reference_word(prev)) || lx::time_suffix(s.w(core.b)) {
            // "aged 22 to 41": the second number goes with the first.
            let mut end = core.b;
            if matches!(s.w(end), "to" | "-" | "–" | "and" | "or") {
                if let Some(c2) = self.core(end + 1) {
                    end = c2.b;
                }
            }
            return Err(end);
        }
        if core.kind == CoreKind::Digits {
            if let Some(next) = self.number_chain(i) {
                return Err(next);
            }
            let next = s.w(core.b);
            if lx::month(prev)
                || lx::weekday(prev)
                || lx::month(next)
                || (next == "of" && lx::month(s.w(core.b + 1)))
                || lx::time_suffix(next)
                || prev.starts_with('#')
            {
                return Err(core.b);
            }
        }
        let mut f = Figure {
            start: i,
            end: core.b,
            value_a: i,
            value_b: core.b,
            kind: core.kind,
            value: core.value,
            low: None,
            high: None,
            bound: Bound::Exact,
            vague: core.kind == CoreKind::Vague,
            percent: None,
            percent_tokens: None,
            fraction: None,
            unit: None,
            count_type: None,
            change: None,
            subject: None,
            subject_inherited: false,
            verb_inside: false,
            of: None,
            per: None,
            confidence: 0.9,
        };
        let mut change: Option<Change> = None;
        let mut year_like = core.year_like;

        // Ranges: "40-50", "40 to 50", "between 40 and 50", "two or three".
        let mut from_to = false;
        if matches!(core.kind, CoreKind::Digits | CoreKind::Words) {
            let sep = s.w(core.b);
            let between = prev == "between" && i > floor;
            let from = prev == "from" && i > floor;
            let change_from = from && i >= floor + 2 && lx::change_verb(s.wb(i, 2)).is_some();
            let ok_sep = match sep {
                "-" | "–" | "—" => !between,
                "to" => !between,
                "and" => between,
                "or" => !between && !from,
                _ => false,
            };
            if ok_sep {
                if let Some(c2) = self
                    .core(core.b + 1)
                    .filter(|c| matches!(c.kind, CoreKind::Digits | CoreKind::Words))
                {
                    if c2.kind == CoreKind::Digits {
                        if let Some(next) = self.number_chain(c2.a) {
                            if next > c2.b {
                                return Err(next);
                            }
                        }
                    }
                    let mut low = core.value;
                    if let (Some(sc), None) = (c2.scale, core.scale) {
                        if low * sc <= c2.value {
                            low *= sc;
                        }
                    }
                    let high = c2.value;
                    let ordered = if change_from { high != low } else { high > low };
                    if ordered {
                        year_like = year_like && c2.year_like;
                        f.value_b = c2.b;
                        f.end = c2.b;
                        f.low = Some(low);
                        f.high = Some(high);
                        f.bound = Bound::Range;
                        f.value = (low + high) / 2.0;
                        if between || (from && !change_from) {
                            f.start = i - 1;
                        }
                        if change_from {
                            from_to = true;
                            f.verb_inside = true;
                            f.start = i - 2;
                            let dir = lx::change_verb(s.wb(i, 2)).unwrap_or(if high > low {
                                Direction::Up
                            } else {
                                Direction::Down
                            });
                            change = Some(Change {
                                direction: dir,
                                size: (low != 0.0).then(|| (high - low).abs() / low),
                                factor: (low != 0.0).then(|| high / low),
                                absolute: Some((high - low).abs()),
                                from: Some(low),
                                to: Some(high),
                                base: None,
                            });
                            f.bound = Bound::Exact;
                            f.low = None;
                            f.high = None;
                            f.value = (high - low).abs();
                        }
                    } else if matches!(sep, "-" | "–" | "—") {
                        // "2-1", "12-3": a score or a code.
                        return Err(c2.b);
                    }
                }
            }
        }

        // Percent.
        let mut k = f.end;
        if matches!(s.raw(k), "%" | "٪") || matches!(s.w(k), "percent" | "pct") {
            f.percent = Some(false);
            k += 1;
        } else if s.starts_with(k, &["per", "cent"]) {
            f.percent = Some(false);
            k += 2;
        } else if s.w(k) == "percentage" && matches!(s.w(k + 1), "points" | "point") {
            f.percent = Some(true);
            k += 2;
        }
        if f.percent.is_some() {
            f.percent_tokens = Some((f.end, k));
        }
        f.end = k;

        // "1.5 times more": a factor.
        if matches!(core.kind, CoreKind::Digits | CoreKind::Words)
            && f.percent.is_none()
            && s.w(k) == "times"
            && lx::times_comparative(s.w(k + 1)).is_some()
        {
            f.kind = CoreKind::Multiplier;
            f.end = k + 2;
            k = f.end;
        }

        // "4,000+ fighters", "50 or more militants": a bound between number and unit.
        if f.percent.is_none() && f.bound == Bound::Exact {
            if let Some((b, len)) = self.bound_after(k) {
                f.bound = b;
                k += len;
                f.end = k;
            }
        }

        // Compound adjectives: "a 12-km stretch", "a 25-year-old", "a 3-day visit".
        let mut compound_unit = None;
        if f.kind == CoreKind::Digits && s.raw(k) == "-" && s.glued(k) && s.glued(k + 1) {
            match self.unit_at(k + 1) {
                Some((u, len, cat)) if cat != Category::Time && cat != Category::Outcome => {
                    compound_unit = Some((u, k + 1, k + 1 + len));
                }
                _ => return Err(k + 1),
            }
        }

        // Unit.
        let currency = self.currency_before(f.start, floor);
        let measure =
            f.percent.is_none() && !matches!(f.kind, CoreKind::Multiplier | CoreKind::Fraction);
        if let Some((u, a, b)) = compound_unit {
            f.unit = Some(UnitRef::Table { unit: u, a, b });
            f.end = b;
        } else if let Some((u, a)) = currency {
            f.unit = Some(UnitRef::Table {
                unit: u,
                a,
                b: f.start,
            });
            f.start = a;
        } else if measure {
            let after_of = if f.kind == CoreKind::Vague && s.w(k) == "of" {
                k + 1
            } else {
                k
            };
            match self.find_unit(after_of) {
                Found::Time => return Err(after_of + 1),
                Found::Table { unit, a, b, cue } => {
                    f.unit = Some(UnitRef::Table { unit, a, b });
                    f.end = b;
                    if let Some((cu, ca, cb)) = cue {
                        self.set_cue(&mut f, cu, ca, cb);
                    }
                }
                Found::Implicit { cue, a, b } => {
                    f.unit = Some(UnitRef::Implicit);
                    f.end = b;
                    self.set_cue(&mut f, cue, a, b);
                }
                Found::Fallback { lemma, a, b } => {
                    f.unit = Some(UnitRef::Fallback { lemma, a, b });
                    f.end = b;
                }
                Found::None => {}
            }
            // Money after the number: "5 million dollars" is found above; "USD" too.
        }

        // A year is a figure only when it counts a thing in the plural: "2000 refugees",
        // not "the 2014 attack" or "in 2023".
        if year_like {
            let plural_thing = match &f.unit {
                Some(UnitRef::Table { a, b, .. }) => {
                    s.raw(b - 1).ends_with('s') && *a == core.b.max(f.value_b)
                }
                _ => false,
            };
            let det_before = matches!(
                prev,
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "'s"
                    | "’s"
                    | "in"
                    | "since"
                    | "by"
                    | "until"
                    | "of"
                    | "from"
                    | "after"
                    | "before"
                    | "during"
            );
            if !plural_thing || det_before || f.percent.is_some() {
                return Err(f.end.max(core.b));
            }
        }

        // Right-hand count-type cue: "14 people were killed".
        if f.count_type.is_none() || matches!(f.unit, Some(UnitRef::Table { .. })) {
            if let Some((cu, ca, cb, adjacent)) = self.cue_right(f.end) {
                self.set_cue(&mut f, cu, ca, cb);
                if adjacent {
                    f.end = cb;
                }
                if f.unit.is_none() {
                    f.unit = Some(UnitRef::Implicit);
                }
            }
        }

        // Bound before (after the change-free left context), and after.
        if let Some((b, start)) = self.bound_before(f.start, floor) {
            if f.bound != Bound::Range || start < f.start {
                if f.bound != Bound::Range {
                    f.bound = b;
                }
                f.start = start;
            }
        }
        if f.bound == Bound::Exact {
            if let Some((b, len)) = self.bound_after(f.end) {
                f.bound = b;
                f.end += len;
            }
        }
        if f.kind == CoreKind::Vague && f.bound == Bound::Exact {
            f.bound = Bound::About;
        }

        // Changes.
        if change.is_none() && f.kind != CoreKind::Multiplier {
            change = self.change_left(&mut f, core.value, floor);
            f.verb_inside = change.is_some();
        }
        if change.is_none() && (f.percent == Some(false) || f.kind == CoreKind::Fraction) {
            if let Some(dir) = lx::change_noun(s.w(f.end)) {
                change = Some(relative(dir, f.fraction_or_percent(core.value)));
                f.end += 1;
                if s.w(f.end) == "in" {
                    f.of = self.np_right(f.end + 1);
                }
            }
        }
        if change.is_none() && f.kind == CoreKind::Multiplier {
            let factor = core.value;
            let verb_dir = lx::change_verb(s.wb(f.start, 1)).filter(|_| f.start > floor);
            let noun_dir = lx::change_noun(s.w(f.end));
            let is_verb_form = lx::multiplier_word(s.w(core.a)).is_some()
                && (s.w(core.a).ends_with("ed") || s.w(core.a).ends_with("ing"));
            let times = s.w(f.end.saturating_sub(2)) == "times";
            if verb_dir.is_some() || noun_dir.is_some() || is_verb_form || times {
                f.verb_inside = verb_dir.is_some() || is_verb_form;
                let dir = verb_dir.or(noun_dir).unwrap_or(if factor >= 1.0 {
                    Direction::Up
                } else {
                    Direction::Down
                });
                if verb_dir.is_some() {
                    f.start -= 1;
                }
                if noun_dir.is_some() {
                    f.end += 1;
                    if s.w(f.end) == "in" {
                        f.of = self.np_right(f.end + 1);
                    }
                }
                // "decreased threefold" divides by three.
                let fac = match dir {
                    Direction::Down if factor > 1.0 => 1.0 / factor,
                    _ => factor,
                };
                let size = (fac - 1.0).abs();
                change = Some(Change {
                    direction: dir,
                    size: Some(size),
                    factor: Some(fac),
                    absolute: None,
                    from: None,
                    to: None,
                    base: None,
                });
            } else {
                return Err(core.b);
            }
        }
        if let Some(c) = change.as_mut() {
            c.base = self.base_after(f.end).or_else(|| self.base_left(f.start));
            f.value = match (c.size, c.absolute, c.to) {
                (_, Some(abs), _) if from_to => abs,
                (Some(sz), _, _) => sz * 100.0,
                (None, Some(abs), _) => abs,
                (None, None, Some(to)) => to,
                _ => f.value,
            };
        }
        let is_change = change.is_some();
        f.change = change;

        // A fraction standing alone counts only as "a third of …".
        if f.kind == CoreKind::Fraction && !is_change {
            if s.w(f.end) != "of" {
                return Err(core.b);
            }
            f.fraction = Some(core.value);
            f.value = core.value * 100.0;
        }

        // "of heroin", "of the population", "of ISKP".
        if f.of.is_none() && s.w(f.end) == "of" && !is_change {
            f.of = self.np_right(f.end + 1);
        }

        // "1,200 a day".
        let after = f.of.map_or(f.end, |(_, b)| b);
        if matches!(s.w(after), "a" | "per" | "each" | "every") {
            let p = s.w(after + 1);
            if lx::rate_period(p) {
                f.per = Some((rate_name(p), after, after + 2));
            }
        } else if s.w(after) == "daily" {
            f.per = Some(("day", after, after + 1));
        }

        // Left-hand count-type cue: "killing at least 14".
        let new_level = f
            .change
            .as_ref()
            .is_some_and(|c| c.to.is_some() && c.from.is_none());
        if f.count_type.is_none() && measure && (!is_change || new_level) {
            if let Some((cu, ca, cb)) = self.cue_left(f.start, floor) {
                self.set_cue(&mut f, cu, ca, cb);
                if f.unit.is_none() {
                    f.unit = Some(UnitRef::Implicit);
                }
            }
        }

        // The counted thing's own count type: "1.3 million refugees".
        if f.count_type.is_none() {
            if let Some(UnitRef::Table { unit, a, b }) = &f.unit {
                let (unit, a, b) = (*unit, *a, *b);
                self.set_cue(&mut f, unit, a, b);
            }
        }

        // What is left must look like a figure.
        let has_unit = matches!(f.unit, Some(UnitRef::Table { .. } | UnitRef::Implicit));
        let any_unit = f.unit.is_some();
        match f.kind {
            CoreKind::Words => {
                let one = s.w(core.a) == "one" && core.b == core.a + 1;
                let ok = if one {
                    has_unit
                } else {
                    any_unit || f.percent.is_some() || is_change || f.bound != Bound::Exact
                };
                if !ok {
                    return Err(core.b);
                }
            }
            CoreKind::Digits => {
                // "Boeing 737", "(2)": a capitalised name or a bare parenthesised number.
                let bare = !any_unit && f.percent.is_none() && !is_change;
                if bare && f.bound == Bound::Exact {
                    let name_before = i > 0
                        && i > floor
                        && s.is_word(i - 1)
                        && s.cap(i - 1)
                        && i - 1 > 0
                        && !lx::np_stop(prev)
                        && !lx::article(prev);
                    let parens = s.raw(i.wrapping_sub(1)) == "(" && s.raw(f.end) == ")";
                    if name_before || parens {
                        return Err(core.b);
                    }
                }
            }
            _ => {}
        }

        // Subject.
        f.subject = self.subject(f.start, floor, f.verb_inside);
        f.confidence = confidence(&f);
        Ok(f)
    }

    fn set_cue(&self, f: &mut Figure, unit: usize, a: usize, b: usize) {
        if let Some(ct) = self.table.unit(unit).and_then(|u| u.count_type.clone()) {
            f.count_type = Some((ct, a, b));
        }
    }

    /// The counted thing at or after `k`: up to three modifiers ("six post-Soviet
    /// states", "22 wounded civilians"), an outcome cue ("14 killed"), a duration, or a
    /// plural noun not in the table.
    fn find_unit(&self, k: usize) -> Found {
        let s = &self.s;
        for m in 0..=4 {
            let pos = k + m;
            if let Some((u, len, cat)) = self.unit_at(pos) {
                match cat {
                    Category::Time => return Found::Time,
                    Category::Outcome => {
                        if let Some((u2, len2, cat2)) = self.unit_at(pos + len) {
                            if !matches!(cat2, Category::Time | Category::Outcome) {
                                let (hu, ha, hb) = self.head(u2, pos + len, pos + len + len2);
                                return Found::Table {
                                    unit: hu,
                                    a: ha,
                                    b: hb,
                                    cue: Some((u, pos, pos + len)),
                                };
                            }
                        }
                        if m == 0 {
                            return Found::Implicit {
                                cue: u,
                                a: pos,
                                b: pos + len,
                            };
                        }
                        return Found::None;
                    }
                    _ => {
                        let (hu, ha, hb) = self.head(u, pos, pos + len);
                        return Found::Table {
                            unit: hu,
                            a: ha,
                            b: hb,
                            cue: None,
                        };
                    }
                }
            }
            let w = s.w(pos);
            // "Uzbek and Russian servicemen": a conjunction between two names.
            let joined = matches!(w, "and" | "or")
                && pos > k
                && s.cap(pos - 1)
                && s.cap(pos + 1)
                && s.is_word(pos + 1);
            if !joined
                && (!s.is_word(pos)
                    || lx::not_modifier(w)
                    || lx::small_number(w).is_some()
                    || lx::change_noun(w).is_some())
            {
                break;
            }
        }
        // Not in the table: a plural noun, after at most two lower-case modifiers
        // ("two pistols", "5,600 drug users").
        for pos in k..k + 3 {
            let w = s.w(pos);
            if !s.is_word(pos) || s.cap(pos) || lx::not_modifier(w) || s.raw(pos).contains('\'') {
                break;
            }
            let plural = w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("is")
                && !w.contains('-')
                && lx::change_verb(w).is_none()
                && !lx::governing_verb(w);
            if plural {
                return Found::Fallback {
                    lemma: singular(w),
                    a: pos,
                    b: pos + 1,
                };
            }
            if w.ends_with("ed") || w.ends_with("ing") || lx::governing_verb(w) {
                break;
            }
        }
        Found::None
    }

    /// The head noun of a unit: a table unit followed by another ("member states")
    /// counts the last one.
    fn head(&self, u: usize, a: usize, b: usize) -> (usize, usize, usize) {
        let (mut hu, mut ha, mut hb) = (u, a, b);
        while let Some((u2, l2, cat)) = self.unit_at(hb) {
            if matches!(cat, Category::Time | Category::Outcome) {
                break;
            }
            (hu, ha, hb) = (u2, hb, hb + l2);
        }
        (hu, ha, hb)
    }

    /// A currency written before the number ("$5 million", "US$5m", "Rs 5bn").
    fn currency_before(&self, a: usize, floor: usize) -> Option<(usize, usize)> {
        for len in (1..=2).rev() {
            let Some(start) = a.checked_sub(len) else {
                continue;
            };
            if start < floor {
                continue;
            }
            if let Some((u, l, Category::Money)) = self.unit_at(start) {
                if l == len {
                    return Some((u, start));
                }
            }
        }
        None
    }

    /// The longest bound phrase ending right before token `e`.
    fn bound_before(&self, e: usize, floor: usize) -> Option<(Bound, usize)> {
        lx::BOUNDS_BEFORE
            .iter()
            .filter(|(p, _)| e >= floor + p.len() && self.s.ends_with(e, p))
            .max_by_key(|(p, _)| p.len())
            .map(|(p, b)| (*b, e - p.len()))
    }

    fn bound_after(&self, k: usize) -> Option<(Bound, usize)> {
        let s = &self.s;
        if matches!(s.raw(k), "+") && s.glued(k) {
            return Some((Bound::AtLeast, 1));
        }
        if s.raw(k) == "-" && s.glued(k) && s.w(k + 1) == "plus" {
            return Some((Bound::AtLeast, 2));
        }
        lx::BOUNDS_AFTER
            .iter()
            .find(|(p, _)| s.starts_with(k, p))
            .map(|(p, b)| (*b, p.len()))
    }

    /// A change stated before the number: "increased by 60%", "up 60%", "rose to 60",
    /// "fell by a third". Moves the figure's start onto the verb.
    fn change_left(&self, f: &mut Figure, v: f64, floor: usize) -> Option<Change> {
        let s = &self.s;
        let st = f.start;
        if st < floor + 1 {
            return None;
        }
        let relative_fig = f.percent == Some(false) || f.kind == CoreKind::Fraction;
        if s.wb(st, 1) == "by" && st >= floor + 2 {
            let verb = s.wb(st, 2);
            if let Some(dir) = lx::change_verb(verb).filter(|_| !matches!(verb, "up" | "down")) {
                f.start = st - 2;
                return Some(if relative_fig {
                    relative(dir, f.fraction_or_percent(v))
                } else {
                    Change {
                        direction: dir,
                        size: None,
                        factor: None,
                        absolute: Some(f.value),
                        from: None,
                        to: None,
                        base: None,
                    }
                });
            }
        }
        if s.wb(st, 1) == "to" && st >= floor + 2 {
            let verb = s.wb(st, 2);
            if let Some(dir) = lx::change_verb(verb).filter(|_| !matches!(verb, "up" | "down")) {
                f.start = st - 2;
                return Some(Change {
                    direction: dir,
                    size: None,
                    factor: None,
                    absolute: None,
                    from: None,
                    to: Some(f.value),
                    base: None,
                });
            }
        }
        if let Some(dir) = lx::change_verb(s.wb(st, 1)) {
            if relative_fig {
                f.start = st - 1;
                return Some(relative(dir, f.fraction_or_percent(v)));
            }
            if f.percent == Some(true) {
                f.start = st - 1;
                return Some(Change {
                    direction: dir,
                    size: None,
                    factor: None,
                    absolute: Some(f.value),
                    from: None,
                    to: None,
                    base: None,
                });
            }
        }
        None
    }

    /// An outcome cue after the counted thing, across up to three fillers ("were",
    /// "have been", "reportedly"): `(row, a, b, adjacent)`.
    fn cue_right(&self, k: usize) -> Option<(usize, usize, usize, bool)> {
        let s = &self.s;
        let mut j = k;
        while j < k + 3 && lx::cue_filler(s.w(j)) {
            j += 1;
        }
        let (u, len, cat) = self.unit_at(j)?;
        if cat != Category::Outcome {
            return None;
        }
        // "6,500 fighters killed 3 soldiers": the cue is an active verb with its own object.
        if self.core(j + len).is_some() {
            return None;
        }
        Some((u, j, j + len, j == k))
    }

    /// An outcome cue in the few words before the figure: "killing at least 14",
    /// "the death toll rose to 14".
    fn cue_left(&self, start: usize, floor: usize) -> Option<(usize, usize, usize)> {
        let s = &self.s;
        let lo = start.saturating_sub(5).max(floor);
        let mut j = start;
        while j > lo {
            j -= 1;
            if s.is_break(j) || s.is_num(j) {
                return None;
            }
            if matches!(
                s.w(j),
                "that" | "which" | "who" | "when" | "while" | "after" | "before" | "and" | "but"
            ) || lx::reporting_verb(s.w(j))
            {
                return None;
            }
            if let Some((u, len, Category::Outcome)) = self.unit_at(j) {
                if j + len <= start {
                    // Prefer a longer form ending at the same place: "death toll".
                    if let Some(k) = j.checked_sub(1).filter(|&k| k >= floor) {
                        if let Some((u2, len2, Category::Outcome)) = self.unit_at(k) {
                            if k + len2 == j + len {
                                return Some((u2, k, k + len2));
                            }
                        }
                    }
                    return Some((u, j, j + len));
                }
            }
        }
        None
    }

    /// The base of a change after the figure: "since the Taliban returned to power",
    /// "compared with last year", "over the past year", "year on year".
    fn base_after(&self, from: usize) -> Option<(usize, usize)> {
        let s = &self.s;
        let mut k = from;
        while k < s.n() && k < from + 6 {
            let w = s.w(k);
            let t = match w {
                "since" => 1,
                "compared" if matches!(s.w(k + 1), "with" | "to") => 2,
                "from"
                    if matches!(
                        s.w(k + 1),
                        "a" | "the" | "last" | "previous" | "same" | "levels" | "year"
                    ) =>
                {
                    1
                }
                "over" if matches!(s.w(k + 1), "the" | "last" | "previous" | "same" | "a") => 1,
                "than" => 1,
                "year-on-year" | "year-over-year" => return Some((k, k + 1)),
                "in" if s.w(k + 1) == "the"
                    && matches!(s.w(k + 2), "past" | "last" | "previous") =>
                {
                    1
                }
                _ => 0,
            };
            if s.starts_with(k, &["year", "on", "year"]) {
                return Some((k, k + 3));
            }
            if t > 0 {
                let end = self.base_end(k + t);
                return (end > k + t).then_some((k, end));
            }
            if s.is_break(k) || lx::base_stop(w) || s.is_num(k) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// A base clause opening the sentence before the figure: "Since 2021, attacks …".
    fn base_left(&self, start: usize) -> Option<(usize, usize)> {
        let s = &self.s;
        (0..start).find_map(|j| {
            let opener = j == 0 || s.raw(j - 1) == ",";
            if !opener {
                return None;
            }
            let t = match s.w(j) {
                "since" => 1,
                "compared" if matches!(s.w(j + 1), "with" | "to") => 2,
                _ => return None,
            };
            let end = self.base_end(j + t);
            (end > j + t && end < start && s.raw(end) == ",").then_some((j, end))
        })
    }

    /// Where a base clause starting at `j` ends: at punctuation, a conjunction, or a
    /// locative phrase naming a place ("in Afghanistan", but not "in August").
    fn base_end(&self, mut j: usize) -> usize {
        let s = &self.s;
        let start = j;
        while j < s.n() && j < start + 14 {
            let w = s.w(j);
            if s.is_break(j) || lx::base_stop(w) {
                break;
            }
            if lx::locative(w) && s.cap(j + 1) && !lx::month(s.w(j + 1)) && j > start {
                break;
            }
            j += 1;
        }
        j
    }

    /// The grammatical subject of the clause whose verb governs the figure starting at
    /// token `start`: the noun phrase before the verb group ("ISKP" in "the Islamic State
    /// – Khorasan province (ISKP) had amassed up to 6,500 members").
    fn subject(&self, start: usize, floor: usize, verb_inside: bool) -> Option<(usize, usize)> {
        let s = &self.s;
        if start >= 2 && matches!(s.w(start - 1), "'s" | "’s") && start - 1 > floor {
            return self.np_left(start - 2, floor);
        }
        let mut k = start;
        let mut has_verb = verb_inside;
        let mut steps = 0;
        let mut adjacent = !verb_inside;
        while k > floor && steps < 5 {
            let t = k - 1;
            let w = s.w(t);
            if !s.is_word(t) || lx::reporting_verb(w) {
                break;
            }
            let verbish = |w: &str, adjacent: bool| {
                lx::aux(w)
                    || lx::governing_verb(w)
                    || lx::change_verb(w).is_some()
                    || (w.len() > 4 && w.ends_with("ed"))
                    || (adjacent
                        && w.len() > 3
                        && w.ends_with('s')
                        && !w.ends_with("ss")
                        && !w.ends_with("'s")
                        && !w.ends_with("’s"))
            };
            if steps == 0
                && lx::verb_particle(w)
                && t > floor
                && s.is_word(t - 1)
                && !s.cap(t - 1)
                && verbish(s.w(t - 1), true)
            {
                k -= 1;
                steps += 1;
                continue;
            }
            if !s.cap(t) && verbish(w, adjacent) {
                has_verb = true;
                adjacent = false;
                k -= 1;
                steps += 1;
                continue;
            }
            break;
        }
        if !has_verb || k <= floor {
            return None;
        }
        self.np_left(k - 1, floor)
    }

    /// The noun phrase ending at token `p`, walking left: a parenthesised acronym wins
    /// ("(ISKP)"); otherwise names, nouns, and "of"/"in" inside them, up to eight tokens.
    fn np_left(&self, p: usize, floor: usize) -> Option<(usize, usize)> {
        let s = &self.s;
        let mut p = p;
        if s.raw(p) == ")" {
            let q = (p.saturating_sub(6).max(floor)..p)
                .rev()
                .find(|&q| s.raw(q) == "(")?;
            if q + 2 == p && is_acronym(s.raw(q + 1)) {
                return Some((q + 1, q + 2));
            }
            p = q.checked_sub(1)?;
        }
        if p < floor {
            return None;
        }
        let end = p + 1;
        let mut j = end;
        while j > floor && end - j < 8 {
            let t = j - 1;
            let w = s.w(t);
            // "Khyber Pakhtunkhwa and Balochistan": a conjunction between two names.
            let joined = matches!(w, "and" | "&") && t > floor && s.cap(t - 1) && s.cap(t + 1);
            let ok = (s.is_word(t) && !lx::np_stop(w)) || lx::np_inner(w) || joined;
            if !ok || s.kind(t) == Some(TokenKind::Number) {
                break;
            }
            j -= 1;
        }
        let mut a = j;
        let mut b = end;
        while a < b && lx::np_inner(s.w(a)) {
            a += 1;
        }
        while b > a && lx::np_inner(s.w(b - 1)) {
            b -= 1;
        }
        if a >= b || (b - a == 1 && lx::pronoun(s.w(a))) {
            return None;
        }
        Some((a, b))
    }

    /// The noun phrase starting at token `j` (after "of"/"in"): a run of capitalised
    /// words, or up to three lower-case words.
    fn np_right(&self, j: usize) -> Option<(usize, usize)> {
        let s = &self.s;
        let mut a = j;
        while lx::article(s.w(a)) || matches!(s.w(a), "its" | "their" | "his" | "her") {
            a += 1;
        }
        let mut b = a;
        if s.cap(a) && s.is_word(a) {
            while b < a + 6
                && ((s.is_word(b) && (s.cap(b) || matches!(s.w(b), "of" | "ul" | "al" | "e")))
                    || (matches!(s.w(b), "'s" | "’s")))
            {
                b += 1;
            }
            while b > a && matches!(s.w(b - 1), "of" | "'s" | "’s") {
                b -= 1;
            }
        } else {
            while b < a + 3 && self.np_word(b, a) {
                b += 1;
            }
        }
        (b > a).then_some((a, b))
    }

    /// Whether the token at `b` can continue a lower-case noun phrase begun at `a`.
    fn np_word(&self, b: usize, a: usize) -> bool {
        let s = &self.s;
        let w = s.w(b);
        let verb_ed = w.len() > 4 && w.ends_with("ed");
        let outcome = matches!(
            self.unit_at(b),
            Some((_, _, Category::Outcome | Category::Time))
        ) || matches!(w, "last" | "next" | "past" | "previous");
        s.is_word(b)
            && !s.cap(b)
            && !lx::not_modifier(w)
            && !lx::governing_verb(w)
            && !verb_ed
            && !outcome
            && !(b > a && self.looks_like_verb_s(b))
    }

    /// Whether the "-s" word at `b`, after a noun, reads as a verb: "population needs
    /// aid" (an object follows), not "terrorist attacks in …" or "… attacks.".
    fn looks_like_verb_s(&self, b: usize) -> bool {
        let s = &self.s;
        let w = s.w(b);
        let prev = s.w(b - 1);
        w.ends_with('s')
            && !w.ends_with("ss")
            && !prev.ends_with('s')
            && s.is_word(b + 1)
            && !lx::np_inner(s.w(b + 1))
            && !lx::np_stop(s.w(b + 1))
    }

    /// A figure with no unit of its own takes the previous figure's unit (and subject)
    /// when they share the sentence: "up to 6,500 members, with 4,000 located …".
    fn inherit(&self, figs: &mut [Figure]) {
        for i in 1..figs.len() {
            let (head, tail) = figs.split_at_mut(i);
            let Some(prev) = head.last() else { continue };
            let f = &mut tail[0];
            let gap = f.start.saturating_sub(prev.end);
            let (w1, w2) = (self.s.wb(f.start, 1), self.s.wb(f.start, 2));
            let comparison = matches!(
                (w2, w1),
                ("compared", "with" | "to") | ("up" | "down", "from")
            ) || matches!(w1, "versus" | "vs" | "vs." | "against" | "than");
            let eligible = f.unit.is_none()
                && f.kind == CoreKind::Digits
                && f.percent.is_none()
                && f.change.is_none()
                && (gap <= 4 || (gap <= 14 && comparison));
            let Some(UnitRef::Table { .. }) = prev.unit else {
                continue;
            };
            if !eligible || prev.change.is_some() || prev.percent.is_some() {
                continue;
            }
            if let Some(u) = prev.unit.clone() {
                f.unit = Some(UnitRef::Inherited(Box::new(u)));
            }
            if f.subject.is_none() && prev.subject.is_some() {
                f.subject = prev.subject;
                f.subject_inherited = true;
            }
            f.confidence = confidence(f);
        }
    }
}

impl Figure {
    /// The figure as a fraction of its base: 0.6 for 60 %, 1/3 for "a third".
    fn fraction_or_percent(&self, v: f64) -> f64 {
        if self.kind == CoreKind::Fraction {
            v
        } else {
            v / 100.0
        }
    }
}

/// A relative change of `size` (a fraction of the base).
fn relative(direction: Direction, size: f64) -> Change {
    let factor = match direction {
        Direction::Up => 1.0 + size,
        Direction::Down => 1.0 - size,
    };
    Change {
        direction,
        size: Some(size),
        factor: Some(factor),
        absolute: None,
        from: None,
        to: None,
        base: None,
    }
}

/// What [`Scanner::find_unit`] found.
enum Found {
    Table {
        unit: usize,
        a: usize,
        b: usize,
        cue: Option<(usize, usize, usize)>,
    },
    Implicit {
        cue: usize,
        a: usize,
        b: usize,
    },
    Fallback {
        lemma: String,
        a: usize,
        b: usize,
    },
    Time,
    None,
}

fn rate_name(p: &str) -> &'static str {
    match p {
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" => "year",
        "hour" => "hour",
        "night" => "night",
        _ => "minute",
    }
}

fn confidence(f: &Figure) -> f32 {
    let mut c: f32 = match &f.unit {
        Some(UnitRef::Table { .. } | UnitRef::Implicit) => 0.9,
        Some(UnitRef::Fallback { .. }) => 0.75,
        Some(UnitRef::Inherited(_)) => 0.7,
        None if f.percent.is_some() || f.change.is_some() || f.fraction.is_some() => 0.85,
        None => 0.6,
    };
    if f.vague {
        c -= 0.1;
    }
    c
}

/// Whether a word is an acronym: two or more characters, all letters upper-case.
fn is_acronym(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '-' || c.is_ascii_digit())
        && w.chars().any(char::is_alphabetic)
}

/// A naive singular: "sides" → "side", "militias" → "militia", "casualties" → "casualty".
fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suf in ["ches", "shes", "xes", "sses"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// Digits with thousands separators and a decimal point, ASCII or Arabic-Indic:
/// `(value, plain)` where `plain` means no separators at all. `None` for ordinals,
/// decades, times, ISO dates and anything else that is not a plain number.
pub(crate) fn parse_digits(raw: &str) -> Option<(f64, bool)> {
    let mut digits = String::with_capacity(raw.len());
    let mut commas = 0;
    let mut dots = 0;
    let mut group = 0; // digits since the last separator
    let mut first_group = None;
    let mut groups_ok = true;
    let mut saw_dot = false;
    let mut comma_pos = None;
    for c in raw.chars() {
        if let Some(d) = digit_value(c) {
            digits.push(char::from(b'0' + d));
            group += 1;
            continue;
        }
        match c {
            ',' | '٬' => {
                if saw_dot {
                    return None;
                }
                if first_group.is_none() {
                    first_group = Some(group);
                    if group == 0 || group > 3 {
                        groups_ok = false;
                    }
                } else if group != 3 {
                    groups_ok = false;
                }
                commas += 1;
                comma_pos = Some(digits.len());
                group = 0;
            }
            '.' | '٫' => {
                if saw_dot {
                    return None;
                }
                if commas > 0 && group != 3 {
                    groups_ok = false;
                }
                saw_dot = true;
                dots += 1;
                digits.push('.');
                group = 0;
            }
            _ => return None,
        }
    }
    if commas > 0 && !saw_dot && group != 3 {
        groups_ok = false;
    }
    if commas > 0 && !groups_ok {
        // "1,5": a decimal comma.
        if commas == 1 && dots == 0 {
            let at = comma_pos?;
            digits.insert(at, '.');
        } else {
            return None;
        }
    }
    if digits.is_empty() || digits.ends_with('.') || digits.starts_with('.') {
        return None;
    }
    let v: f64 = digits.parse().ok().filter(|v: &f64| v.is_finite())?;
    Some((v, commas == 0 && dots == 0))
}

/// The value of a decimal digit in ASCII, Arabic-Indic, Extended Arabic-Indic or
/// Devanagari.
fn digit_value(c: char) -> Option<u8> {
    let d = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '\u{0660}'..='\u{0669}' => c as u32 - 0x0660,
        '\u{06F0}'..='\u{06F9}' => c as u32 - 0x06F0,
        '\u{0966}'..='\u{096F}' => c as u32 - 0x0966,
        _ => return None,
    };
    u8::try_from(d).ok()
}
