//! The word level of the tagger: the doc's tokens cut into atoms (hyphenated words split
//! at their hyphens, so "mid-November" and "two-year" read as three atoms each) and each
//! atom classified once through lowercase lookup tables.

use spillover_doc::{Token, TokenKind};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Calendar and clock units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Parts of the day with their TIMEX3 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// Seasons with their TIMEX3 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The season a month falls in (northern hemisphere, meteorological).
    pub(crate) fn of_month(month: u32) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }

    /// Order within a year, winter last (December opens the winter of its year).
    pub(crate) fn index(self) -> u32 {
        match self {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Fall => 2,
            Season::Winter => 3,
        }
    }
}

/// Keywords the grammar looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    // deictic and fuzzy
    Yesterday,
    Today,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Current,
    Recently,
    Recent,
    Soon,
    Future,
    Past,
    Nowadays,
    Presently,
    Ago,
    Earlier,
    Later,
    Hence,
    // relative selectors
    Last,
    Next,
    This,
    These,
    Coming,
    Previous,
    Following,
    Latest,
    /// "that day", "that same week": the time the story is at.
    That,
    Same,
    Near,
    Term,
    // modifiers
    Early,
    Late,
    Mid,
    Middle,
    Beginning,
    Start,
    End,
    // function words
    The,
    A,
    An,
    Of,
    In,
    At,
    For,
    Over,
    Within,
    During,
    Throughout,
    Since,
    After,
    Before,
    Until,
    Prior,
    To,
    By,
    From,
    And,
    Or,
    So,
    Through,
    Between,
    // approximators
    About,
    Around,
    Nearly,
    Almost,
    Roughly,
    Approximately,
    SomeWord,
    More,
    Less,
    Than,
    Least,
    Up,
    No,
    Just,
    // quantities
    Few,
    Several,
    Many,
    Couple,
    Dozen,
    Half,
    Hundred,
    Thousand,
    // sets
    Every,
    Each,
    Other,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Hourly,
    Per,
    Times,
    Once,
    Twice,
    // clock
    Am,
    Pm,
    Noon,
    Midnight,
    Midday,
    Overnight,
    Zone,
    Local,
    Time,
    Hours,
    Oclock,
    // calendar nouns
    Weekend,
    Fiscal,
    Period,
    While,
    Full,
    Additional,
    /// "trading days", "business days"
    Kind,
    Set,
    As,
    // holidays
    Christmas,
    Eve,
    New,
    Thanksgiving,
    Nowruz,
    // tense cues
    Will,
    Would,
    Shall,
    Scheduled,
    Expected,
    Due,
    Plans,
    Upcoming,
    Going,
    Be,
    Was,
    Said,
    Old,
    Long,
    // things counted, which keep a four-digit number from being a year
    CountNoun,
}

/// What an atom is, for the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A word of no interest.
    Other,
    /// A word ending in "-ed" (a past-tense cue).
    Ed,
    Month(u8),
    /// An abbreviated month ("Dec", "Sept."); only before a day or a year.
    MonthAbbr(u8),
    /// Monday = 1 … Sunday = 7.
    Weekday(u8),
    WeekdayAbbr(u8),
    Weekdays(u8),
    Unit(Unit),
    Units(Unit),
    Season(Season),
    Part(DayPart),
    /// "mornings", "nights": only in sets ("Tuesday nights").
    Parts(DayPart),
    /// "the nineties": a decade word, only after "the".
    DecadeWord(u32),
    /// A number word: "one" … "ninety".
    NumWord(u32),
    /// An ordinal word: "first" … "thirty-first" parts; "first" = 1.
    OrdWord(u32),
    Kw(Kw),
    /// Plain digits: value and digit count.
    Digits(u32, u8),
    /// Digits with an ordinal suffix: "19th".
    OrdDigits(u32),
    /// A decade: "1990s" → 199, or "90s" → 90 with `short`.
    Decade(u32, bool),
    /// A clock time "8:30".
    Clock(u32, u32),
    /// An ISO date token "2023-12-19".
    Iso(i32, u32, u32),
    /// A decimal "1.5" (value × 10).
    Decimal(u32),
    /// Any other number ("6,500").
    Number,
    Comma,
    Period,
    Hyphen,
    Slash,
    Apostrophe,
    /// The possessive "'s".
    Possessive,
    OpenParen,
    Punct,
}

/// An atom: a token or a hyphen-separated part of one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Atom {
    pub start: usize,
    pub end: usize,
    pub lex: Lex,
    /// The first character is an uppercase letter.
    pub cap: bool,
    /// Whitespace separates this atom from the previous one.
    pub space: bool,
}

/// Cuts tokens into atoms, appending to `out`.
pub(crate) fn atomize(text: &str, tokens: &[Token], out: &mut Vec<Atom>) {
    let mut prev_end = usize::MAX;
    for t in tokens {
        let (s, e) = (t.span.start, t.span.end);
        let Some(tok) = text.get(s..e) else {
            continue;
        };
        let space = prev_end != s;
        prev_end = e;
        match t.kind {
            TokenKind::Number => out.push(Atom {
                start: s,
                end: e,
                lex: number_lex(tok),
                cap: false,
                space,
            }),
            TokenKind::Word => split_word(tok, s, space, out),
            TokenKind::Punct | TokenKind::Symbol => out.push(Atom {
                start: s,
                end: e,
                lex: punct_lex(tok),
                cap: false,
                space,
            }),
        }
    }
}

fn punct_lex(tok: &str) -> Lex {
    match tok {
        "," => Lex::Comma,
        "." => Lex::Period,
        "-" | "–" | "‐" | "‑" | "—" => Lex::Hyphen,
        "/" => Lex::Slash,
        "'" | "’" | "‘" => Lex::Apostrophe,
        "(" => Lex::OpenParen,
        _ => Lex::Punct,
    }
}

/// Splits a word token at inner hyphens into word and hyphen atoms.
fn split_word(tok: &str, base: usize, space: bool, out: &mut Vec<Atom>) {
    let b = tok.as_bytes();
    // Fast path: no ASCII hyphen and no non-ASCII byte that could start "‐"/"‑".
    if !b.iter().any(|&c| c == b'-' || c == 0xE2) {
        push_part(tok, base, 0, tok.len(), space, out);
        return;
    }
    let mut part_start = 0;
    let mut first = true;
    for (i, c) in tok.char_indices() {
        if matches!(c, '-' | '‐' | '‑') && i > 0 {
            if push_part(tok, base, part_start, i, space && first, out) {
                first = false;
            }
            out.push(Atom {
                start: base + i,
                end: base + i + c.len_utf8(),
                lex: Lex::Hyphen,
                cap: false,
                space: false,
            });
            part_start = i + c.len_utf8();
        }
    }
    push_part(tok, base, part_start, tok.len(), space && first, out);
}

/// Pushes the word atom `tok[a..b]`; false when the part is empty.
fn push_part(tok: &str, base: usize, a: usize, b: usize, space: bool, out: &mut Vec<Atom>) -> bool {
    let Some(w) = tok.get(a..b).filter(|w| !w.is_empty()) else {
        return false;
    };
    let first = w.as_bytes()[0];
    // "mid-1996": a number inside a hyphenated word
    let lex = if first.is_ascii_digit() {
        number_lex(w)
    } else {
        word_lex(w)
    };
    let cap = if first.is_ascii() {
        first.is_ascii_uppercase()
    } else {
        w.chars().next().is_some_and(char::is_uppercase)
    };
    out.push(Atom {
        start: base + a,
        end: base + b,
        lex,
        cap,
        space,
    });
    true
}

/// Classifies a number token.
pub(crate) fn number_lex(tok: &str) -> Lex {
    let b = tok.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return Lex::Number;
    }
    let value = |s: &[u8]| -> Option<u32> {
        if s.is_empty() || s.len() > 9 {
            return None;
        }
        s.iter().try_fold(0u32, |acc, c| {
            Some(acc * 10 + u32::from(c.wrapping_sub(b'0')))
        })
    };
    let head = &b[..digits];
    let rest = &b[digits..];
    if rest.is_empty() {
        return match value(head) {
            Some(v) => Lex::Digits(v, digits as u8),
            None => Lex::Number,
        };
    }
    match rest {
        b"st" | b"nd" | b"rd" | b"th" => {
            return value(head).map_or(Lex::Number, Lex::OrdDigits);
        }
        b"s" => {
            return match (digits, value(head)) {
                (4, Some(v)) if v % 10 == 0 => Lex::Decade(v / 10, false),
                (2, Some(v)) if v % 10 == 0 => Lex::Decade(v, true),
                _ => Lex::Number,
            };
        }
        _ => {}
    }
    // "2023-12-19"
    if digits == 4 && rest.len() == 6 && rest[0] == b'-' && rest[3] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (value(head), value(&rest[1..3]), value(&rest[4..6])) {
            return Lex::Iso(y as i32, m, d);
        }
    }
    // "8:30"
    if digits <= 2 && rest.len() == 3 && rest[0] == b':' {
        if let (Some(h), Some(m)) = (value(head), value(&rest[1..3])) {
            if h <= 24 && m < 60 {
                return Lex::Clock(h, m);
            }
        }
    }
    // "1.5"
    if rest.len() == 2 && rest[0] == b'.' && rest[1].is_ascii_digit() {
        if let Some(v) = value(head) {
            return Lex::Decimal(v * 10 + u32::from(rest[1] - b'0'));
        }
    }
    Lex::Number
}

/// Classifies a word through the lowercase tables.
pub(crate) fn word_lex(w: &str) -> Lex {
    let mut buf = [0u8; 24];
    let mut n = 0;
    let b = w.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let lc = if c < 0x80 {
            i += 1;
            c.to_ascii_lowercase()
        } else if c == 0xE2
            && b.get(i + 1) == Some(&0x80)
            && matches!(b.get(i + 2), Some(0x98 | 0x99))
        {
            // ‘ ’ read as an apostrophe
            i += 3;
            b'\''
        } else {
            return Lex::Other;
        };
        let Some(slot) = buf.get_mut(n) else {
            return Lex::Other;
        };
        *slot = lc;
        n += 1;
    }
    lookup(&buf[..n])
}

/// A small, fast hasher (FNV-1a) for the word table: keys are short lowercase words.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordMap = HashMap<&'static [u8], Lex, BuildHasherDefault<Fnv>>;

/// The longest word in the table.
const MAX_WORD: usize = 16;

fn word_map() -> &'static WordMap {
    static MAP: OnceLock<WordMap> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = WordMap::default();
        for (words, lex) in WORDS {
            for w in *words {
                m.insert(w.as_bytes(), *lex);
            }
        }
        m
    })
}

/// Looks up a lowercase ASCII word.
fn lookup(l: &[u8]) -> Lex {
    if l.len() <= MAX_WORD {
        if let Some(lex) = word_map().get(l) {
            return *lex;
        }
    }
    if l.ends_with(b"'ll") {
        Lex::Kw(Kw::Will)
    } else if l.ends_with(b"'d") {
        Lex::Kw(Kw::Would)
    } else if l.len() > 4 && l.ends_with(b"ed") && !NOT_PAST.iter().any(|w| w.as_bytes() == l) {
        Lex::Ed
    } else {
        Lex::Other
    }
}

/// The lowercase word table: every word the grammar knows and what it is.
const WORDS: &[(&[&str], Lex)] = &[
    (&["january"], Lex::Month(1)),
    (&["february"], Lex::Month(2)),
    (&["march"], Lex::Month(3)),
    (&["april"], Lex::Month(4)),
    (&["may"], Lex::Month(5)),
    (&["june"], Lex::Month(6)),
    (&["july"], Lex::Month(7)),
    (&["august"], Lex::Month(8)),
    (&["september"], Lex::Month(9)),
    (&["october"], Lex::Month(10)),
    (&["november"], Lex::Month(11)),
    (&["december"], Lex::Month(12)),
    (&["jan", "jan."], Lex::MonthAbbr(1)),
    (&["feb", "feb."], Lex::MonthAbbr(2)),
    (&["mar", "mar."], Lex::MonthAbbr(3)),
    (&["apr", "apr."], Lex::MonthAbbr(4)),
    (&["jun", "jun."], Lex::MonthAbbr(6)),
    (&["jul", "jul."], Lex::MonthAbbr(7)),
    (&["aug", "aug."], Lex::MonthAbbr(8)),
    (&["sep", "sep.", "sept", "sept."], Lex::MonthAbbr(9)),
    (&["oct", "oct."], Lex::MonthAbbr(10)),
    (&["nov", "nov."], Lex::MonthAbbr(11)),
    (&["dec", "dec."], Lex::MonthAbbr(12)),
    (&["monday"], Lex::Weekday(1)),
    (&["tuesday"], Lex::Weekday(2)),
    (&["wednesday"], Lex::Weekday(3)),
    (&["thursday"], Lex::Weekday(4)),
    (&["friday"], Lex::Weekday(5)),
    (&["saturday"], Lex::Weekday(6)),
    (&["sunday"], Lex::Weekday(7)),
    (&["mon."], Lex::WeekdayAbbr(1)),
    (&["tue.", "tues."], Lex::WeekdayAbbr(2)),
    (&["wed."], Lex::WeekdayAbbr(3)),
    (&["thu.", "thur.", "thurs."], Lex::WeekdayAbbr(4)),
    (&["fri."], Lex::WeekdayAbbr(5)),
    (&["sat."], Lex::WeekdayAbbr(6)),
    (&["sun."], Lex::WeekdayAbbr(7)),
    (&["mondays"], Lex::Weekdays(1)),
    (&["tuesdays"], Lex::Weekdays(2)),
    (&["wednesdays"], Lex::Weekdays(3)),
    (&["thursdays"], Lex::Weekdays(4)),
    (&["fridays"], Lex::Weekdays(5)),
    (&["saturdays"], Lex::Weekdays(6)),
    (&["sundays"], Lex::Weekdays(7)),
    (&["second"], Lex::Unit(Unit::Second)),
    (&["seconds"], Lex::Units(Unit::Second)),
    (&["minute"], Lex::Unit(Unit::Minute)),
    (&["minutes"], Lex::Units(Unit::Minute)),
    (&["hour"], Lex::Unit(Unit::Hour)),
    (&["hours"], Lex::Units(Unit::Hour)),
    (&["day"], Lex::Unit(Unit::Day)),
    (&["days"], Lex::Units(Unit::Day)),
    (&["week"], Lex::Unit(Unit::Week)),
    (&["weeks"], Lex::Units(Unit::Week)),
    (&["fortnight"], Lex::Unit(Unit::Fortnight)),
    (&["fortnights"], Lex::Units(Unit::Fortnight)),
    (&["month"], Lex::Unit(Unit::Month)),
    (&["months"], Lex::Units(Unit::Month)),
    (&["quarter"], Lex::Unit(Unit::Quarter)),
    (&["quarters"], Lex::Units(Unit::Quarter)),
    (&["year"], Lex::Unit(Unit::Year)),
    (&["years"], Lex::Units(Unit::Year)),
    (&["decade"], Lex::Unit(Unit::Decade)),
    (&["decades"], Lex::Units(Unit::Decade)),
    (&["century"], Lex::Unit(Unit::Century)),
    (&["centuries"], Lex::Units(Unit::Century)),
    (&["spring"], Lex::Season(Season::Spring)),
    (&["summer"], Lex::Season(Season::Summer)),
    (&["fall", "autumn"], Lex::Season(Season::Fall)),
    (&["winter"], Lex::Season(Season::Winter)),
    (&["morning"], Lex::Part(DayPart::Morning)),
    (&["afternoon"], Lex::Part(DayPart::Afternoon)),
    (&["evening"], Lex::Part(DayPart::Evening)),
    (&["night"], Lex::Part(DayPart::Night)),
    (&["mornings"], Lex::Parts(DayPart::Morning)),
    (&["afternoons"], Lex::Parts(DayPart::Afternoon)),
    (&["evenings"], Lex::Parts(DayPart::Evening)),
    (&["nights"], Lex::Parts(DayPart::Night)),
    (&["twenties"], Lex::DecadeWord(192)),
    (&["thirties"], Lex::DecadeWord(193)),
    (&["forties"], Lex::DecadeWord(194)),
    (&["fifties"], Lex::DecadeWord(195)),
    (&["sixties"], Lex::DecadeWord(196)),
    (&["seventies"], Lex::DecadeWord(197)),
    (&["eighties"], Lex::DecadeWord(198)),
    (&["nineties"], Lex::DecadeWord(199)),
    (&["zero"], Lex::NumWord(0)),
    (&["one"], Lex::NumWord(1)),
    (&["two"], Lex::NumWord(2)),
    (&["three"], Lex::NumWord(3)),
    (&["four"], Lex::NumWord(4)),
    (&["five"], Lex::NumWord(5)),
    (&["six"], Lex::NumWord(6)),
    (&["seven"], Lex::NumWord(7)),
    (&["eight"], Lex::NumWord(8)),
    (&["nine"], Lex::NumWord(9)),
    (&["ten"], Lex::NumWord(10)),
    (&["eleven"], Lex::NumWord(11)),
    (&["twelve"], Lex::NumWord(12)),
    (&["thirteen"], Lex::NumWord(13)),
    (&["fourteen"], Lex::NumWord(14)),
    (&["fifteen"], Lex::NumWord(15)),
    (&["sixteen"], Lex::NumWord(16)),
    (&["seventeen"], Lex::NumWord(17)),
    (&["eighteen"], Lex::NumWord(18)),
    (&["nineteen"], Lex::NumWord(19)),
    (&["twenty"], Lex::NumWord(20)),
    (&["thirty"], Lex::NumWord(30)),
    (&["forty"], Lex::NumWord(40)),
    (&["fifty"], Lex::NumWord(50)),
    (&["sixty"], Lex::NumWord(60)),
    (&["seventy"], Lex::NumWord(70)),
    (&["eighty"], Lex::NumWord(80)),
    (&["ninety"], Lex::NumWord(90)),
    (&["first"], Lex::OrdWord(1)),
    (&["third"], Lex::OrdWord(3)),
    (&["fourth"], Lex::OrdWord(4)),
    (&["fifth"], Lex::OrdWord(5)),
    (&["sixth"], Lex::OrdWord(6)),
    (&["seventh"], Lex::OrdWord(7)),
    (&["eighth"], Lex::OrdWord(8)),
    (&["ninth"], Lex::OrdWord(9)),
    (&["tenth"], Lex::OrdWord(10)),
    (&["eleventh"], Lex::OrdWord(11)),
    (&["twelfth"], Lex::OrdWord(12)),
    (&["yesterday"], Lex::Kw(Kw::Yesterday)),
    (&["today"], Lex::Kw(Kw::Today)),
    (&["tomorrow"], Lex::Kw(Kw::Tomorrow)),
    (&["tonight"], Lex::Kw(Kw::Tonight)),
    (&["now"], Lex::Kw(Kw::Now)),
    (&["currently"], Lex::Kw(Kw::Currently)),
    (&["current"], Lex::Kw(Kw::Current)),
    (&["recently"], Lex::Kw(Kw::Recently)),
    (&["recent"], Lex::Kw(Kw::Recent)),
    (&["soon"], Lex::Kw(Kw::Soon)),
    (&["future"], Lex::Kw(Kw::Future)),
    (&["past"], Lex::Kw(Kw::Past)),
    (&["nowadays"], Lex::Kw(Kw::Nowadays)),
    (&["presently"], Lex::Kw(Kw::Presently)),
    (&["ago"], Lex::Kw(Kw::Ago)),
    (&["earlier"], Lex::Kw(Kw::Earlier)),
    (&["later"], Lex::Kw(Kw::Later)),
    (&["hence"], Lex::Kw(Kw::Hence)),
    (&["last"], Lex::Kw(Kw::Last)),
    (&["next"], Lex::Kw(Kw::Next)),
    (&["this"], Lex::Kw(Kw::This)),
    (&["these"], Lex::Kw(Kw::These)),
    (&["coming"], Lex::Kw(Kw::Coming)),
    (&["previous"], Lex::Kw(Kw::Previous)),
    (&["following"], Lex::Kw(Kw::Following)),
    (&["latest"], Lex::Kw(Kw::Latest)),
    (&["that"], Lex::Kw(Kw::That)),
    (&["same"], Lex::Kw(Kw::Same)),
    (&["near"], Lex::Kw(Kw::Near)),
    (&["term"], Lex::Kw(Kw::Term)),
    (&["early"], Lex::Kw(Kw::Early)),
    (&["late"], Lex::Kw(Kw::Late)),
    (&["mid"], Lex::Kw(Kw::Mid)),
    (&["middle"], Lex::Kw(Kw::Middle)),
    (&["beginning"], Lex::Kw(Kw::Beginning)),
    (&["start"], Lex::Kw(Kw::Start)),
    (&["end"], Lex::Kw(Kw::End)),
    (&["the"], Lex::Kw(Kw::The)),
    (&["a"], Lex::Kw(Kw::A)),
    (&["an"], Lex::Kw(Kw::An)),
    (&["of"], Lex::Kw(Kw::Of)),
    (&["in"], Lex::Kw(Kw::In)),
    (&["at"], Lex::Kw(Kw::At)),
    (&["for"], Lex::Kw(Kw::For)),
    (&["over"], Lex::Kw(Kw::Over)),
    (&["within"], Lex::Kw(Kw::Within)),
    (&["during"], Lex::Kw(Kw::During)),
    (&["throughout"], Lex::Kw(Kw::Throughout)),
    (&["since"], Lex::Kw(Kw::Since)),
    (&["after"], Lex::Kw(Kw::After)),
    (&["before"], Lex::Kw(Kw::Before)),
    (&["until", "till"], Lex::Kw(Kw::Until)),
    (&["prior"], Lex::Kw(Kw::Prior)),
    (&["to"], Lex::Kw(Kw::To)),
    (&["by"], Lex::Kw(Kw::By)),
    (&["from"], Lex::Kw(Kw::From)),
    (&["and"], Lex::Kw(Kw::And)),
    (&["or"], Lex::Kw(Kw::Or)),
    (&["so"], Lex::Kw(Kw::So)),
    (&["through"], Lex::Kw(Kw::Through)),
    (&["between"], Lex::Kw(Kw::Between)),
    (&["about"], Lex::Kw(Kw::About)),
    (&["around"], Lex::Kw(Kw::Around)),
    (&["nearly"], Lex::Kw(Kw::Nearly)),
    (&["almost"], Lex::Kw(Kw::Almost)),
    (&["roughly"], Lex::Kw(Kw::Roughly)),
    (&["approximately"], Lex::Kw(Kw::Approximately)),
    (&["some"], Lex::Kw(Kw::SomeWord)),
    (&["more"], Lex::Kw(Kw::More)),
    (&["less"], Lex::Kw(Kw::Less)),
    (&["than"], Lex::Kw(Kw::Than)),
    (&["least"], Lex::Kw(Kw::Least)),
    (&["up"], Lex::Kw(Kw::Up)),
    (&["no"], Lex::Kw(Kw::No)),
    (&["just"], Lex::Kw(Kw::Just)),
    (&["few"], Lex::Kw(Kw::Few)),
    (&["several"], Lex::Kw(Kw::Several)),
    (&["many"], Lex::Kw(Kw::Many)),
    (&["couple"], Lex::Kw(Kw::Couple)),
    (&["dozen"], Lex::Kw(Kw::Dozen)),
    (&["half"], Lex::Kw(Kw::Half)),
    (&["hundred"], Lex::Kw(Kw::Hundred)),
    (&["thousand"], Lex::Kw(Kw::Thousand)),
    (&["every"], Lex::Kw(Kw::Every)),
    (&["each"], Lex::Kw(Kw::Each)),
    (&["other"], Lex::Kw(Kw::Other)),
    (&["daily"], Lex::Kw(Kw::Daily)),
    (&["weekly"], Lex::Kw(Kw::Weekly)),
    (&["monthly"], Lex::Kw(Kw::Monthly)),
    (&["annually", "yearly"], Lex::Kw(Kw::Annually)),
    (&["hourly"], Lex::Kw(Kw::Hourly)),
    (&["per"], Lex::Kw(Kw::Per)),
    (&["times"], Lex::Kw(Kw::Times)),
    (&["once"], Lex::Kw(Kw::Once)),
    (&["twice"], Lex::Kw(Kw::Twice)),
    (&["a.m.", "a.m", "am"], Lex::Kw(Kw::Am)),
    (&["p.m.", "p.m", "pm"], Lex::Kw(Kw::Pm)),
    (&["noon"], Lex::Kw(Kw::Noon)),
    (&["midnight"], Lex::Kw(Kw::Midnight)),
    (&["midday"], Lex::Kw(Kw::Midday)),
    (&["overnight"], Lex::Kw(Kw::Overnight)),
    (
        &[
            "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "msk",
        ],
        Lex::Kw(Kw::Zone),
    ),
    (&["local"], Lex::Kw(Kw::Local)),
    (&["time"], Lex::Kw(Kw::Time)),
    (&["hrs"], Lex::Kw(Kw::Hours)),
    (&["o'clock"], Lex::Kw(Kw::Oclock)),
    (&["weekend"], Lex::Kw(Kw::Weekend)),
    (&["fiscal"], Lex::Kw(Kw::Fiscal)),
    (&["period"], Lex::Kw(Kw::Period)),
    (&["while"], Lex::Kw(Kw::While)),
    (&["full", "entire", "whole"], Lex::Kw(Kw::Full)),
    (&["additional", "further", "extra"], Lex::Kw(Kw::Additional)),
    (
        &["trading", "business", "working", "calendar"],
        Lex::Kw(Kw::Kind),
    ),
    (&["set"], Lex::Kw(Kw::Set)),
    (&["as"], Lex::Kw(Kw::As)),
    (&["christmas"], Lex::Kw(Kw::Christmas)),
    (&["eve"], Lex::Kw(Kw::Eve)),
    (&["new"], Lex::Kw(Kw::New)),
    (&["thanksgiving"], Lex::Kw(Kw::Thanksgiving)),
    (
        &["nowruz", "navruz", "norooz", "nauryz"],
        Lex::Kw(Kw::Nowruz),
    ),
    (&["will", "'ll", "won't"], Lex::Kw(Kw::Will)),
    (&["would", "'d"], Lex::Kw(Kw::Would)),
    (&["shall"], Lex::Kw(Kw::Shall)),
    // "planned" is no cue of its own ("the planned talks"); "planned to" is read in
    // `tense_cues`.
    (&["scheduled", "slated"], Lex::Kw(Kw::Scheduled)),
    (&["expected", "expects", "expect"], Lex::Kw(Kw::Expected)),
    (&["due"], Lex::Kw(Kw::Due)),
    (
        &["plans", "plan", "planning", "intends", "intend", "aims"],
        Lex::Kw(Kw::Plans),
    ),
    (&["upcoming", "forthcoming"], Lex::Kw(Kw::Upcoming)),
    (&["going"], Lex::Kw(Kw::Going)),
    (&["be", "been", "being", "is", "are"], Lex::Kw(Kw::Be)),
    (&["was", "were", "had", "did"], Lex::Kw(Kw::Was)),
    // Irregular past tenses, unambiguous ones only (not "hit", "cut", "set", "read").
    (
        &[
            "said",
            "told",
            "rose",
            "fell",
            "grew",
            "began",
            "came",
            "went",
            "took",
            "made",
            "gave",
            "met",
            "held",
            "fought",
            "struck",
            "fled",
            "led",
            "sent",
            "spent",
            "won",
            "lost",
            "built",
            "brought",
            "bought",
            "caught",
            "thought",
            "felt",
            "kept",
            "knew",
            "stood",
            "wrote",
            "spoke",
            "broke",
            "chose",
            "drove",
            "flew",
            "shook",
            "stole",
            "sought",
            "taught",
            "threw",
            "sank",
            "ran",
            "became",
            "arose",
            "drew",
            "fed",
            "forgot",
            "got",
            "hid",
            "meant",
            "overcame",
            "paid",
            "rode",
            "sat",
            "shot",
            "slept",
            "swore",
            "swept",
            "tore",
            "understood",
            "undertook",
            "withdrew",
            "overthrew",
            "underwent",
            "saw",
            "heard",
            "sold",
        ],
        Lex::Kw(Kw::Was),
    ),
    (
        &[
            "added",
            "noted",
            "stated",
            "announced",
            "reported",
            "says",
            "claimed",
            "according",
        ],
        Lex::Kw(Kw::Said),
    ),
    (&["old"], Lex::Kw(Kw::Old)),
    (&["long"], Lex::Kw(Kw::Long)),
    (
        &[
            "people",
            "members",
            "troops",
            "soldiers",
            "fighters",
            "militants",
            "refugees",
            "civilians",
            "residents",
            "families",
            "workers",
            "employees",
            "students",
            "cases",
            "deaths",
            "votes",
            "units",
            "shares",
            "jobs",
            "homes",
            "houses",
            "vehicles",
            "cars",
            "tons",
            "tonnes",
            "barrels",
            "km",
            "kilometres",
            "kilometers",
            "miles",
            "metres",
            "meters",
            "feet",
            "dollars",
            "euros",
            "rubles",
            "roubles",
            "afghanis",
            "rupees",
            "men",
            "women",
            "children",
            "persons",
            "migrants",
            "prisoners",
            "police",
            "officers",
            "guards",
            "attacks",
            "incidents",
            "weapons",
            "rounds",
            "points",
            "percent",
        ],
        Lex::Kw(Kw::CountNoun),
    ),
    (&["'s"], Lex::Possessive),
];

/// Words ending in "-ed" that are not past-tense verbs in news copy.
const NOT_PAST: &[&str] = &[
    "hundred",
    "indeed",
    "united",
    "limited",
    "armed",
    "based",
    "related",
    "concerned",
    "interested",
    "advanced",
    "alleged",
    "detailed",
    "called",
    "speed",
    "need",
    "proceed",
    "succeed",
    "exceed",
    "agreed",
    "red",
    "bed",
    "unidentified",
    "unnamed",
    "required",
    "supposed",
    "informed",
    "experienced",
    "organized",
    "organised",
    "expected",
    "scheduled",
    "planned",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_classified() {
        assert_eq!(number_lex("2023"), Lex::Digits(2023, 4));
        assert_eq!(number_lex("19th"), Lex::OrdDigits(19));
        assert_eq!(number_lex("1990s"), Lex::Decade(199, false));
        assert_eq!(number_lex("90s"), Lex::Decade(90, true));
        assert_eq!(number_lex("8:30"), Lex::Clock(8, 30));
        assert_eq!(number_lex("2023-12-19"), Lex::Iso(2023, 12, 19));
        assert_eq!(number_lex("1.5"), Lex::Decimal(15));
        assert_eq!(number_lex("6,500"), Lex::Number);
    }

    #[test]
    fn hyphenated_words_split() {
        let text = "mid-November";
        let toks = spillover_text::tokens::tokenize(text);
        let mut atoms = Vec::new();
        atomize(text, &toks, &mut atoms);
        let lex: Vec<Lex> = atoms.iter().map(|a| a.lex).collect();
        assert_eq!(lex, [Lex::Kw(Kw::Mid), Lex::Hyphen, Lex::Month(11)]);
        assert!(atoms[2].cap && !atoms[2].space);
    }

    #[test]
    fn table_words_fit_the_lookup() {
        for (words, _) in WORDS {
            for w in *words {
                assert!(
                    w.len() <= MAX_WORD && !w.bytes().any(|b| b.is_ascii_uppercase()),
                    "{w}"
                );
                assert_eq!(lookup(w.as_bytes()), word_map()[w.as_bytes()], "{w}");
            }
        }
    }

    #[test]
    fn words_are_looked_up_case_insensitively() {
        assert_eq!(word_lex("Dec."), Lex::MonthAbbr(12));
        assert_eq!(word_lex("YESTERDAY"), Lex::Kw(Kw::Yesterday));
        assert_eq!(word_lex("they’ll"), Lex::Kw(Kw::Will));
        assert_eq!(word_lex("’s"), Lex::Possessive);
        assert_eq!(word_lex("’ll"), Lex::Kw(Kw::Will));
        assert_eq!(word_lex("crossed"), Lex::Ed);
        assert_eq!(word_lex("Withdrew"), Lex::Kw(Kw::Was));
        assert_eq!(word_lex("May"), Lex::Month(5));
        assert_eq!(word_lex("Таджикистан"), Lex::Other);
    }
}
