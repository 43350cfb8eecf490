//! The expression grammar: hand-written matchers over the atoms of one sentence. Each
//! matcher starts at an atom and returns the atoms it covers and what they mean
//! ([`Sem`]), unresolved; [`super::resolve`] turns the meaning into a TIMEX3 value.
//!
//! Span conventions follow TimeBank: prepositions stay outside ("on Tuesday" tags
//! "Tuesday"), determiners and quantity modifiers that belong to the expression stay
//! inside ("the past two years", "about two years", "up to 180 days").

use super::anchors::AnchorTable;
use super::cal::Point;
use super::lexicon::{Atom, DayPart, Kw, Lex, Season, Unit};
use chrono::NaiveDate;

/// Which one of a repeating unit: "Tuesday", "last Tuesday", "next Tuesday" …
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sel {
    /// No selector: chosen by tense.
    Plain,
    Last,
    Next,
    This,
}

/// What a relative shift counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// The publication date: "yesterday", "last year".
    Dct,
    /// The publication date, in the granularity of the period under discussion:
    /// "a year ago" in a quarterly report is that quarter a year before.
    Ago,
    /// The date under discussion: "a year earlier", "the following day".
    Ref,
}

/// The year of a month, quarter or half.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSel {
    /// From the publication date and tense.
    Ctx,
    Abs(i32),
    /// Relative to the publication year ("this year" 0, "last year" -1).
    Rel(i64),
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tod {
    Clock(u32, u32),
    Part(DayPart),
}

/// Holidays whose day is fixed or follows a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(u32, u32),
    /// Fourth Thursday of November.
    Thanksgiving,
}

/// What a matched expression means, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// A fully specified point ("2002", "the 1990s", "2023-Q1").
    Point(Point),
    /// A day; the year may come from context, the weekday is checked.
    Date {
        year: Option<i32>,
        month: u32,
        day: u32,
        weekday: Option<u32>,
    },
    /// "Dec 19-21".
    DayRange {
        year: Option<i32>,
        month: u32,
        d1: u32,
        d2: u32,
    },
    /// "2021-2023".
    YearRange(i32, i32),
    Month {
        year: YearSel,
        month: u32,
    },
    /// "last April", "next March", "this September".
    RelMonth {
        month: u32,
        sel: Sel,
    },
    Season {
        season: Season,
        sel: Sel,
        year: Option<i32>,
    },
    Weekday {
        wd: u32,
        sel: Sel,
    },
    /// The point of `unit` holding the publication date (or the reference date),
    /// moved by `n` units: "yesterday", "last week", "two years ago".
    Shift {
        unit: Unit,
        n: i64,
        base: Base,
    },
    Quarter {
        q: u32,
        year: YearSel,
    },
    Half {
        h: u32,
        year: YearSel,
    },
    /// "the quarter": the quarter in discussion, else the last complete one.
    RefQuarter,
    /// "the latest quarter": the last complete quarter.
    LatestQuarter,
    /// "year-earlier", "the year-ago quarter".
    YearAgo,
    Weekend(Sel),
    Holiday(Holiday),
    Ref(&'static str),
    /// A duration value; with `range`, a period ending (or starting) at the publication
    /// date: (unit, count, forward).
    Duration {
        value: String,
        range: Option<(Unit, i64, bool)>,
    },
    Set(String),
    Time {
        day: Option<Box<Sem>>,
        tod: Tod,
    },
    Anchor {
        id: String,
        date: NaiveDate,
        since: bool,
    },
    /// A day counted from another: "the day before last Tuesday".
    DayShift {
        day: Box<Sem>,
        n: i64,
    },
    /// "the week of March 6".
    WeekOf(Box<Sem>),
    /// "over the past year": the twelve months to publication, named by a calendar year.
    PastYear,
    /// The period of `unit` the story is at (its narrative time, not the publication
    /// date): "that day", "the same week", "that year".
    That(Unit),
    /// "the previous Friday" (`forward` false), "the following Monday": the weekday
    /// before or after the day the story is at.
    RefWeekday {
        wd: u32,
        forward: bool,
    },
    /// A Solar Hijri year, month or day ("1402 SH", "Hamal 1402").
    SolarHijri {
        year: i32,
        month: Option<u32>,
        day: Option<u32>,
    },
}

/// A matched expression: atoms `start..end` of the sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// TIMEX3 `mod`: START, MID, END, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_MORE …
    pub modifier: Option<&'static str>,
}

impl Found {
    fn new(start: usize, end: usize, sem: Sem) -> Option<Found> {
        Some(Found {
            start,
            end,
            sem,
            modifier: None,
        })
    }
}

/// A number as written before a unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Num {
    Int(u32),
    /// Tenths: 15 = 1.5.
    Tenths(u32),
    /// "a few", "several", "some".
    Vague,
}

/// The matchers over one sentence's atoms.
pub(crate) struct Grammar<'a> {
    pub text: &'a str,
    pub atoms: &'a [Atom],
    pub anchors: &'a AnchorTable,
}

const END: Lex = Lex::Punct;

impl<'a> Grammar<'a> {
    #[inline]
    fn lx(&self, i: usize) -> Lex {
        self.atoms.get(i).map_or(END, |a| a.lex)
    }

    #[inline]
    fn kw(&self, i: usize, k: Kw) -> bool {
        self.lx(i) == Lex::Kw(k)
    }

    #[inline]
    fn cap(&self, i: usize) -> bool {
        self.atoms.get(i).is_some_and(|a| a.cap)
    }

    /// Atom `i` follows the previous one without whitespace.
    #[inline]
    fn joined(&self, i: usize) -> bool {
        self.atoms.get(i).is_some_and(|a| !a.space)
    }

    fn word(&self, i: usize) -> &'a str {
        self.atoms
            .get(i)
            .and_then(|a| self.text.get(a.start..a.end))
            .unwrap_or("")
    }

    /// The longest expression starting at atom `i`.
    pub(crate) fn parse_at(&self, i: usize) -> Option<Found> {
        if let Some(f) = self.anchored(i) {
            return Some(f);
        }
        if let Some((j, m)) = self.approximator(i) {
            if let Some(mut f) = self.core(j) {
                let ok = match &f.sem {
                    Sem::Duration { .. } | Sem::Time { .. } => true,
                    Sem::Shift { n, .. } => *n != 0,
                    Sem::Date { .. } => m == "APPROX",
                    _ => false,
                };
                if ok {
                    f.start = i;
                    f.modifier = Some(m);
                    return Some(f);
                }
            }
        }
        self.core(i)
    }

    /// "since the Taliban returned to power": a trigger and an anchor phrase.
    fn anchored(&self, i: usize) -> Option<Found> {
        let (j, since) = match self.lx(i) {
            Lex::Kw(Kw::Since | Kw::After | Kw::Following) => (i + 1, true),
            Lex::Kw(Kw::Before | Kw::Until) => (i + 1, false),
            Lex::Kw(Kw::Prior) if self.kw(i + 1, Kw::To) => (i + 2, false),
            _ => return None,
        };
        let (end, ev) = self.anchors.match_at(self.text, self.atoms, j)?;
        Found::new(
            i,
            end,
            Sem::Anchor {
                id: ev.id.clone(),
                date: ev.date,
                since,
            },
        )
    }

    /// Quantity modifiers kept inside a duration's span: "about", "more than", "up to" …
    fn approximator(&self, i: usize) -> Option<(usize, &'static str)> {
        let numeric_next = |j: usize| {
            matches!(
                self.lx(j),
                Lex::Digits(..)
                    | Lex::Decimal(_)
                    | Lex::NumWord(_)
                    | Lex::Kw(Kw::A | Kw::An | Kw::Few | Kw::Several | Kw::Couple | Kw::Dozen)
            )
        };
        Some(match self.lx(i) {
            Lex::Kw(
                Kw::About | Kw::Around | Kw::Nearly | Kw::Almost | Kw::Roughly | Kw::Approximately,
            ) => (i + 1, "APPROX"),
            Lex::Kw(Kw::SomeWord) if numeric_next(i + 1) => (i + 1, "APPROX"),
            Lex::Kw(Kw::More) if self.kw(i + 1, Kw::Than) => (i + 2, "MORE_THAN"),
            Lex::Kw(Kw::Less) if self.kw(i + 1, Kw::Than) => (i + 2, "LESS_THAN"),
            Lex::Kw(Kw::No) if self.kw(i + 1, Kw::More) && self.kw(i + 2, Kw::Than) => {
                (i + 3, "EQUAL_OR_LESS")
            }
            Lex::Kw(Kw::At) if self.kw(i + 1, Kw::Least) => (i + 2, "EQUAL_OR_MORE"),
            Lex::Kw(Kw::Up) if self.kw(i + 1, Kw::To) && numeric_next(i + 2) => {
                (i + 2, "EQUAL_OR_LESS")
            }
            Lex::Kw(Kw::Over) if numeric_next(i + 1) => (i + 1, "MORE_THAN"),
            Lex::Kw(Kw::Just) if self.kw(i + 1, Kw::Over) && numeric_next(i + 2) => {
                (i + 2, "MORE_THAN")
            }
            _ => return None,
        })
    }

    /// Dispatch on the first atom.
    fn core(&self, i: usize) -> Option<Found> {
        match self.lx(i) {
            Lex::Kw(k) => self.keyword(i, k),
            Lex::Month(_) | Lex::MonthAbbr(_) => self.month(i),
            Lex::Weekday(_) | Lex::WeekdayAbbr(_) => self.weekday(i),
            Lex::Weekdays(wd) => {
                if !self.cap(i) {
                    return None;
                }
                if let Lex::Part(p) | Lex::Parts(p) = self.lx(i + 1) {
                    return Found::new(i, i + 2, Sem::Set(format!("XXXX-WXX-{wd}T{}", p.code())));
                }
                Found::new(i, i + 1, Sem::Set(format!("XXXX-WXX-{wd}")))
            }
            Lex::Digits(..)
            | Lex::OrdDigits(_)
            | Lex::Decade(..)
            | Lex::Clock(..)
            | Lex::Iso(..)
            | Lex::Decimal(_) => self.number(i),
            Lex::Apostrophe => match self.lx(i + 1) {
                Lex::Decade(d, true) if self.joined(i + 1) => {
                    Found::new(i, i + 2, Sem::Point(Point::Decade(short_decade(d))))
                }
                _ => None,
            },
            Lex::NumWord(_) => self
                .duration(i)
                .or_else(|| self.spelled_year(i))
                .or_else(|| self.quarter(i, i)),
            Lex::OrdWord(_) => self.quarter(i, i),
            Lex::Unit(u) => self.unit_first(i, u),
            Lex::Units(u) => self.bare_units(i, u),
            // "morning" alone is not tagged; "mid-afternoon" comes through `Mid`.
            _ => None,
        }
    }

    fn keyword(&self, i: usize, k: Kw) -> Option<Found> {
        use Kw::*;
        match k {
            The => self.the(i),
            A | An => {
                if self.kw(i + 1, While) {
                    return Found::new(
                        i,
                        i + 2,
                        Sem::Duration {
                            value: "PXX".into(),
                            range: None,
                        },
                    );
                }
                self.duration(i)
            }
            Few | Several | Couple | Dozen => self.duration(i),
            SomeWord => {
                if matches!(self.lx(i + 1), Lex::Units(_)) {
                    self.duration(i)
                } else {
                    None
                }
            }
            Many => {
                if matches!(self.lx(i + 1), Lex::Units(_)) {
                    self.duration(i)
                } else {
                    None
                }
            }
            Half => self.duration(i),
            Last | Next | This | Past | Coming | Previous => self.relative(i, k),
            Early | Late | Mid | Middle | Earlier | Later => self.modified(i, k),
            // "many of today's computers", "the people of tomorrow": generic, not a day
            Yesterday | Today | Tomorrow
                if i > 0
                    && matches!(self.lx(i - 1), Lex::Kw(Of | In | For))
                    && (k == Tomorrow || self.lx(i + 1) == Lex::Possessive) =>
            {
                None
            }
            Yesterday | Today | Tomorrow => {
                let n = match k {
                    Yesterday => -1,
                    Today => 0,
                    _ => 1,
                };
                let day = Sem::Shift {
                    unit: Unit::Day,
                    n,
                    base: Base::Dct,
                };
                if let Lex::Part(p) = self.lx(i + 1) {
                    return Found::new(
                        i,
                        i + 2,
                        Sem::Time {
                            day: Some(Box::new(day)),
                            tod: Tod::Part(p),
                        },
                    );
                }
                Found::new(i, i + 1, day)
            }
            Tonight => Found::new(
                i,
                i + 1,
                Sem::Time {
                    day: None,
                    tod: Tod::Part(DayPart::Night),
                },
            ),
            Now => Found::new(i, i + 1, Sem::Ref("PRESENT_REF")),
            Currently | Nowadays | Presently => Found::new(i, i + 1, Sem::Ref("PRESENT_REF")),
            These if matches!(self.lx(i + 1), Lex::Units(Unit::Day)) => {
                Found::new(i, i + 2, Sem::Ref("PRESENT_REF"))
            }
            Current => match self.lx(i + 1) {
                Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)) => {
                    Found::new(i, i + 2, shift(u, 0))
                }
                Lex::Kw(Fiscal) if self.lx(i + 2) == Lex::Unit(Unit::Year) => {
                    Found::new(i, i + 3, shift(Unit::Year, 0))
                }
                _ => Found::new(i, i + 1, Sem::Ref("PRESENT_REF")),
            },
            // TimeBank tags "recently" but rarely "previously", "formerly", "soon" or a
            // bare adjective "future"/"recent"; those stay untagged.
            Recently => Found::new(i, i + 1, Sem::Ref("PAST_REF")),
            Recent => self.recent(i, i + 1),
            Every | Each => self.every(i),
            // "the Communist Party daily Granma" is a newspaper
            Daily if !(self.cap(i + 1) && self.lx(i + 1) == Lex::Other) => {
                Found::new(i, i + 1, Sem::Set("P1D".into()))
            }
            Weekly => Found::new(i, i + 1, Sem::Set("P1W".into())),
            Monthly => Found::new(i, i + 1, Sem::Set("P1M".into())),
            Annually => Found::new(i, i + 1, Sem::Set("P1Y".into())),
            Hourly => Found::new(i, i + 1, Sem::Set("PT1H".into())),
            Per => match self.lx(i + 1) {
                Lex::Unit(u) => Found::new(i, i + 2, Sem::Set(unit_value(Num::Int(1), u))),
                _ => None,
            },
            Noon | Midday if !(i > 0 && self.word(i - 1).eq_ignore_ascii_case("high")) => {
                self.clock_tail(i, i + 1, Tod::Clock(12, 0))
            }
            Midnight => self.clock_tail(i, i + 1, Tod::Clock(24, 0)),
            Overnight => Found::new(
                i,
                i + 1,
                Sem::Time {
                    day: None,
                    tod: Tod::Part(DayPart::Night),
                },
            ),
            Fiscal => match (self.lx(i + 1), self.lx(i + 2)) {
                (Lex::Digits(y, 4), _) if is_year(y) => {
                    Found::new(i, i + 2, Sem::Point(Point::Year(y as i32)))
                }
                (Lex::Unit(Unit::Year), Lex::Digits(y, 4)) if is_year(y) => {
                    Found::new(i, i + 3, Sem::Point(Point::Year(y as i32)))
                }
                _ => self.quarter(i + 1, i),
            },
            Christmas if self.cap(i) => {
                if self.kw(i + 1, Eve) {
                    return Found::new(i, i + 2, Sem::Holiday(Holiday::Fixed(12, 24)));
                }
                let end = if self.lx(i + 1) == Lex::Unit(Unit::Day) {
                    i + 2
                } else {
                    i + 1
                };
                Found::new(i, end, Sem::Holiday(Holiday::Fixed(12, 25)))
            }
            New if self.cap(i)
                && self.lx(i + 1) == Lex::Unit(Unit::Year)
                && self.lx(i + 2) == Lex::Possessive =>
            {
                match self.lx(i + 3) {
                    Lex::Unit(Unit::Day) => {
                        Found::new(i, i + 4, Sem::Holiday(Holiday::Fixed(1, 1)))
                    }
                    Lex::Kw(Eve) => Found::new(i, i + 4, Sem::Holiday(Holiday::Fixed(12, 31))),
                    _ => None,
                }
            }
            Thanksgiving if self.cap(i) => {
                let end = if self.lx(i + 1) == Lex::Unit(Unit::Day) {
                    i + 2
                } else {
                    i + 1
                };
                Found::new(i, end, Sem::Holiday(Holiday::Thanksgiving))
            }
            Nowruz if self.cap(i) => Found::new(i, i + 1, Sem::Holiday(Holiday::Fixed(3, 21))),
            That => self.that(i),
            _ => None,
        }
    }

    /// "recent" at `i`, its noun at `j`: "recent years" (PAST_REF), "recent months"
    /// (a vague duration), or "recent" alone.
    fn recent(&self, i: usize, j: usize) -> Option<Found> {
        match self.lx(j) {
            Lex::Units(Unit::Year) => Found::new(i, j + 1, Sem::Ref("PAST_REF")),
            Lex::Units(
                u @ (Unit::Month | Unit::Week | Unit::Day | Unit::Decade | Unit::Quarter),
            ) => Found::new(i, j + 1, duration(Num::Vague, u, None)),
            _ => None,
        }
    }

    /// Expressions opened by "the".
    fn the(&self, i: usize) -> Option<Found> {
        let j = i + 1;
        match self.lx(j) {
            Lex::Kw(Kw::Past | Kw::Last | Kw::Next | Kw::Coming | Kw::Previous | Kw::Following) => {
                let k = match self.lx(j) {
                    Lex::Kw(k) => k,
                    _ => return None,
                };
                // "the past" alone
                if k == Kw::Past && !self.starts_quantity(j + 1) {
                    if matches!(self.lx(j + 1), Lex::Unit(_) | Lex::Units(_)) {
                        return self.period(i, j, k);
                    }
                    return Found::new(i, j + 1, Sem::Ref("PAST_REF"));
                }
                self.period(i, j, k)
            }
            Lex::Kw(Kw::Future) => Found::new(i, j + 1, Sem::Ref("FUTURE_REF")),
            // "the same day": the day the story is at
            Lex::Kw(Kw::Same) => self.narrative_unit(i, j + 1),
            Lex::Kw(Kw::Near) if self.kw(j + 1, Kw::Future) || self.kw(j + 1, Kw::Term) => {
                Found::new(i, j + 2, Sem::Ref("FUTURE_REF"))
            }
            Lex::Kw(Kw::Long) if self.kw(j + 1, Kw::Term) => {
                Found::new(i, j + 2, Sem::Ref("FUTURE_REF"))
            }
            Lex::Kw(Kw::Recent) => self.recent(i, j + 1),
            Lex::Kw(Kw::Current) => match self.lx(j + 1) {
                Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)) => {
                    Found::new(i, j + 2, shift(u, 0))
                }
                Lex::Kw(Kw::Fiscal) if self.lx(j + 2) == Lex::Unit(Unit::Year) => {
                    Found::new(i, j + 3, shift(Unit::Year, 0))
                }
                _ => None,
            },
            Lex::Kw(Kw::Latest) => match self.lx(j + 1) {
                Lex::Unit(Unit::Quarter) | Lex::Kw(Kw::Period) => {
                    Found::new(i, j + 2, Sem::LatestQuarter)
                }
                _ => None,
            },
            Lex::Unit(Unit::Quarter) => Found::new(i, j + 1, Sem::RefQuarter),
            Lex::Unit(Unit::Year) => {
                if let Some(f) = self.year_ago(j) {
                    // "the year-ago quarter"; a bare "year-ago" is an adjective
                    if f.end == j + 3 {
                        return None;
                    }
                    return Found::new(i, f.end, f.sem);
                }
                // "the year 1402" of the solar hijri calendar
                if let Lex::Digits(v @ 1300..=1499, 4) = self.lx(j + 1) {
                    if let Some(mut f) = self.solar_year(j + 1, v) {
                        f.start = i;
                        return Some(f);
                    }
                }
                // "the year 2000", "the year two thousand"
                if let Some((e, y)) = self.year_at(j + 1).or_else(|| self.spelled_year_at(j + 1)) {
                    return Found::new(i, e, Sem::Point(Point::Year(y)));
                }
                let prev_for = i > 0 && self.kw(i - 1, Kw::For);
                if prev_for {
                    return Found::new(i, j + 1, duration(Num::Int(1), Unit::Year, None));
                }
                Found::new(i, j + 1, shift(Unit::Year, 0))
            }
            Lex::Kw(Kw::Fiscal) => {
                if self.lx(j + 1) == Lex::Unit(Unit::Year) {
                    return Found::new(i, j + 2, duration(Num::Int(1), Unit::Year, None));
                }
                let f = self.quarter(j + 1, i)?;
                Found::new(i, f.end, f.sem)
            }
            Lex::Kw(Kw::Weekend) => Found::new(i, j + 1, Sem::Weekend(Sel::Plain)),
            Lex::Kw(Kw::Early | Kw::Late | Kw::Mid) => {
                let mut f = self.decade_at(j + 1 + usize::from(self.lx(j + 1) == Lex::Hyphen))?;
                f.start = i;
                f.modifier = Some(modifier_of(self.lx(j)));
                Some(f)
            }
            Lex::Kw(Kw::End | Kw::Beginning | Kw::Start | Kw::Middle) if self.kw(j + 1, Kw::Of) => {
                let m = match self.lx(j) {
                    Lex::Kw(Kw::End) => "END",
                    Lex::Kw(Kw::Middle) => "MID",
                    _ => "START",
                };
                let mut f = self.core(j + 2)?;
                if !is_calendar(&f.sem) {
                    return None;
                }
                f.start = i;
                f.modifier = Some(m);
                Some(f)
            }
            Lex::Season(s) => {
                // "the fall of 1990"; "the fall of Kabul" is not a season.
                if self.kw(j + 1, Kw::Of) {
                    let (e, y) = self
                        .year_at(j + 2)
                        .or_else(|| self.spelled_year_at(j + 2))?;
                    return Found::new(
                        i,
                        e,
                        Sem::Season {
                            season: s,
                            sel: Sel::Plain,
                            year: Some(y),
                        },
                    );
                }
                Found::new(
                    i,
                    j + 1,
                    Sem::Season {
                        season: s,
                        sel: Sel::Plain,
                        year: None,
                    },
                )
            }
            Lex::Decade(..) | Lex::Apostrophe => {
                let mut f = self.decade_at(j)?;
                f.start = i;
                Some(f)
            }
            Lex::DecadeWord(d) => Found::new(i, j + 1, Sem::Point(Point::Decade(d as i32))),
            Lex::Kw(Kw::Full) if self.lx(j + 1) == Lex::Unit(Unit::Year) => {
                Found::new(i, j + 2, shift(Unit::Year, 0))
            }
            Lex::OrdDigits(d) if self.kw(j + 1, Kw::Of) => {
                let m = match self.lx(j + 2) {
                    Lex::Month(m) | Lex::MonthAbbr(m) if self.cap(j + 2) => m,
                    _ => return None,
                };
                let (end, year) = self.opt_year(j + 3);
                date_found(i, end, year, u32::from(m), d, None)
            }
            Lex::OrdDigits(_) if self.lx(j + 1) == Lex::Unit(Unit::Century) => {
                let mut f = self.number(j)?;
                f.start = i;
                Some(f)
            }
            Lex::OrdWord(_) | Lex::Unit(Unit::Second) => {
                // "the first quarter", "the first half of 2023", "the first nine months";
                // an adjective ("the third-quarter loss") leaves "the" out.
                if self.lx(j + 1) == Lex::Hyphen {
                    return None;
                }
                if let Some(f) = self.quarter(j, i) {
                    return Some(f);
                }
                if let Lex::OrdWord(1) = self.lx(j) {
                    if self.starts_quantity(j + 1) {
                        let f = self.duration(j + 1)?;
                        if matches!(f.sem, Sem::Duration { .. }) {
                            return Found::new(i, f.end, f.sem);
                        }
                    }
                }
                None
            }
            Lex::Digits(y, 4) if is_year(y) => {
                // "the 1988 period", "the 1988 third quarter"
                let k = j + 1;
                if matches!(self.lx(k), Lex::Kw(Kw::Period)) {
                    return Found::new(i, k + 1, Sem::Point(Point::Year(y as i32)));
                }
                if let Some(f) = self.quarter(k, i) {
                    if let Sem::Quarter { q, .. } = f.sem {
                        return Found::new(
                            i,
                            f.end,
                            Sem::Quarter {
                                q,
                                year: YearSel::Abs(y as i32),
                            },
                        );
                    }
                }
                None
            }
            Lex::Digits(..) | Lex::NumWord(_) | Lex::Kw(Kw::Few | Kw::Several) => {
                // "the nine months"; an adjective ("the two-week truce") leaves "the" out
                let f = self.duration(j)?;
                if self
                    .atoms
                    .get(j..f.end)
                    .is_some_and(|s| s.iter().any(|a| a.lex == Lex::Hyphen))
                {
                    return None;
                }
                match f.sem {
                    Sem::Duration { .. } => Found::new(i, f.end, f.sem),
                    _ => None,
                }
            }
            Lex::Unit(Unit::Day) => {
                // "the day before yesterday", "the day after tomorrow"
                match (self.lx(j + 1), self.lx(j + 2)) {
                    (Lex::Kw(Kw::Before), Lex::Kw(Kw::Yesterday)) => {
                        Found::new(i, j + 3, shift(Unit::Day, -2))
                    }
                    (Lex::Kw(Kw::After), Lex::Kw(Kw::Tomorrow)) => {
                        Found::new(i, j + 3, shift(Unit::Day, 2))
                    }
                    // "the day before last Tuesday('s hearing)", "the day after Dec. 19"
                    (Lex::Kw(k @ (Kw::Before | Kw::After)), _) => {
                        let f = self.core(j + 2)?;
                        if !matches!(f.sem, Sem::Weekday { .. } | Sem::Date { .. }) {
                            return None;
                        }
                        let n = if k == Kw::Before { -1 } else { 1 };
                        Found::new(
                            i,
                            f.end,
                            Sem::DayShift {
                                day: Box::new(f.sem),
                                n,
                            },
                        )
                    }
                    _ => None,
                }
            }
            // "the week of March 6": the week holding that day
            Lex::Unit(Unit::Week) if self.kw(j + 1, Kw::Of) => {
                let f = self.core(j + 2)?;
                if !matches!(f.sem, Sem::Date { .. }) {
                    return None;
                }
                Found::new(i, f.end, Sem::WeekOf(Box::new(f.sem)))
            }
            _ => None,
        }
    }

    /// Whether a count starts at `j` ("two", "48", "few", "several" …).
    fn starts_quantity(&self, j: usize) -> bool {
        matches!(
            self.lx(j),
            Lex::Digits(..)
                | Lex::Decimal(_)
                | Lex::NumWord(_)
                | Lex::Kw(Kw::Few | Kw::Several | Kw::Couple | Kw::Many | Kw::A)
        )
    }

    /// "the past two years", "the next month", "the following day": `i` is "the" (or
    /// the selector itself when no "the"), `j` the selector.
    fn period(&self, i: usize, j: usize, k: Kw) -> Option<Found> {
        if k == Kw::Last && self.kw(j + 1, Kw::Half) {
            return self.quarter(j, i);
        }
        let forward = matches!(k, Kw::Next | Kw::Coming | Kw::Following);
        let with_the = i != j;
        if self.starts_quantity(j + 1) {
            let (e, n) = self.num_at(j + 1)?;
            let unit = match self.lx(e) {
                Lex::Units(u) | Lex::Unit(u) => u,
                _ => return None,
            };
            let cnt = match n {
                Num::Int(c) => Some(i64::from(c)),
                _ => None,
            };
            let range = cnt.map(|c| (unit, c, forward));
            let mut end = e + 1;
            // "the next two years or so"
            if self.kw(end, Kw::Or) && self.kw(end + 1, Kw::So) {
                end += 2;
            }
            return Found::new(i, end, duration(n, unit, range));
        }
        match self.lx(j + 1) {
            Lex::Units(u) => {
                // "the coming weeks", "the past few months" without a number
                if matches!(k, Kw::Coming | Kw::Next) {
                    return Found::new(i, j + 2, Sem::Ref("FUTURE_REF"));
                }
                if matches!(k, Kw::Past | Kw::Last) {
                    return Found::new(i, j + 2, duration(Num::Vague, u, None));
                }
                None
            }
            Lex::Unit(u) => {
                if u == Unit::Second {
                    return None;
                }
                match k {
                    // "over the past year", "in the last year": a date (TimeBank), the
                    // twelve months to publication; "for the past year" a duration.
                    Kw::Past | Kw::Last
                        if with_the && u == Unit::Year && !(i > 0 && self.kw(i - 1, Kw::For)) =>
                    {
                        Found::new(i, j + 2, Sem::PastYear)
                    }
                    Kw::Past | Kw::Last if with_the || k == Kw::Past => {
                        // "the past month": the month to publication
                        Found::new(i, j + 2, duration(Num::Int(1), u, Some((u, 1, false))))
                    }
                    Kw::Next | Kw::Following | Kw::Previous if with_the => {
                        let n = if k == Kw::Previous { -1 } else { 1 };
                        Found::new(
                            i,
                            j + 2,
                            Sem::Shift {
                                unit: u,
                                n,
                                base: Base::Ref,
                            },
                        )
                    }
                    Kw::Coming if with_the => Found::new(i, j + 2, shift(u, 1)),
                    _ => None,
                }
            }
            // "the next morning", "the previous night": a part of the day after (or
            // before) the one the story is at
            Lex::Part(p) if with_the && matches!(k, Kw::Next | Kw::Following | Kw::Previous) => {
                let n = if k == Kw::Previous { -1 } else { 1 };
                Found::new(
                    i,
                    j + 2,
                    Sem::Time {
                        day: Some(Box::new(shift_from(Unit::Day, n, Base::Ref))),
                        tod: Tod::Part(p),
                    },
                )
            }
            // "the previous Friday", "the following Monday"
            Lex::Weekday(wd)
                if with_the && self.cap(j + 1) && matches!(k, Kw::Following | Kw::Previous) =>
            {
                Found::new(
                    i,
                    j + 2,
                    Sem::RefWeekday {
                        wd: u32::from(wd),
                        forward: k == Kw::Following,
                    },
                )
            }
            _ => None,
        }
    }

    /// "last week", "next Tuesday", "this summer", "this morning", "past years".
    fn relative(&self, i: usize, k: Kw) -> Option<Found> {
        use Kw::*;
        let j = i + 1;
        // A title mid-sentence: ABC's "This Week".
        if i > 0 && self.cap(i) && self.cap(j) {
            return None;
        }
        if matches!(k, Past | Coming) {
            if k == Past && self.lx(j) == Lex::Units(Unit::Year) {
                return Found::new(i, j + 1, Sem::Ref("PAST_REF"));
            }
            if k == Coming {
                if let Lex::Units(_) = self.lx(j) {
                    return Found::new(i, j + 1, Sem::Ref("FUTURE_REF"));
                }
            }
            return self.period(i, i, k);
        }
        if k == Previous {
            return None;
        }
        let sel = match k {
            Last => Sel::Last,
            Next => Sel::Next,
            _ => Sel::This,
        };
        let n = match sel {
            Sel::Last => -1,
            Sel::Next => 1,
            _ => 0,
        };
        // "this past spring", "this coming Sunday"
        if k == This && (self.kw(j, Past) || self.kw(j, Coming)) {
            let s = if self.kw(j, Past) {
                Sel::Last
            } else {
                Sel::Next
            };
            let mut f = self.selected(j + 1, s)?;
            f.start = i;
            return Some(f);
        }
        if self.starts_quantity(j) && k != This {
            // "last five years", "next two weeks"
            return self.period(i, i, k);
        }
        if k == This {
            match self.lx(j) {
                Lex::Part(p) => {
                    return Found::new(
                        i,
                        j + 1,
                        Sem::Time {
                            day: None,
                            tod: Tod::Part(p),
                        },
                    )
                }
                Lex::Unit(u) if u != Unit::Second => {
                    let mut f = Found::new(i, j + 1, shift(u, 0))?;
                    self.possessive_quarter(&mut f, YearSel::Rel(0));
                    return Some(f);
                }
                _ => {}
            }
        }
        if k == Last && self.lx(j) == Lex::Part(DayPart::Night) {
            return Found::new(
                i,
                j + 1,
                Sem::Time {
                    day: Some(Box::new(shift(Unit::Day, -1))),
                    tod: Tod::Part(DayPart::Night),
                },
            );
        }
        if let Lex::Unit(u) = self.lx(j) {
            if matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day) {
                return None;
            }
            let mut f = Found::new(i, j + 1, shift(u, n))?;
            if u == Unit::Year {
                self.possessive_quarter(&mut f, YearSel::Rel(n));
            }
            return Some(f);
        }
        if self.kw(j, Fiscal) && self.lx(j + 1) == Lex::Unit(Unit::Year) {
            return Found::new(i, j + 2, shift(Unit::Year, n));
        }
        let mut f = self.selected(j, sel)?;
        f.start = i;
        Some(f)
    }

    /// After "this year"/"last year": "'s third quarter".
    fn possessive_quarter(&self, f: &mut Found, year: YearSel) {
        if self.lx(f.end) != Lex::Possessive {
            return;
        }
        if let Some(q) = self.quarter(f.end + 1, f.start) {
            match q.sem {
                Sem::Quarter { q: n, .. } => {
                    f.end = q.end;
                    f.sem = Sem::Quarter { q: n, year };
                }
                Sem::Half { h, .. } => {
                    f.end = q.end;
                    f.sem = Sem::Half { h, year };
                }
                _ => {}
            }
        }
    }

    /// A weekday, month, season or weekend after a selector.
    fn selected(&self, j: usize, sel: Sel) -> Option<Found> {
        match self.lx(j) {
            Lex::Weekday(wd) | Lex::WeekdayAbbr(wd) if self.cap(j) => {
                if let Lex::Part(p) = self.lx(j + 1) {
                    return Found::new(
                        j,
                        j + 2,
                        Sem::Time {
                            day: Some(Box::new(Sem::Weekday {
                                wd: u32::from(wd),
                                sel,
                            })),
                            tod: Tod::Part(p),
                        },
                    );
                }
                Found::new(
                    j,
                    j + 1,
                    Sem::Weekday {
                        wd: u32::from(wd),
                        sel,
                    },
                )
            }
            Lex::Month(m) if self.cap(j) => Found::new(
                j,
                j + 1,
                Sem::RelMonth {
                    month: u32::from(m),
                    sel,
                },
            ),
            Lex::Season(s) => Found::new(
                j,
                j + 1,
                Sem::Season {
                    season: s,
                    sel,
                    year: None,
                },
            ),
            Lex::Kw(Kw::Weekend) => Found::new(j, j + 1, Sem::Weekend(sel)),
            Lex::Kw(Kw::Thanksgiving | Kw::Christmas) => {
                let f = self.core(j)?;
                Found::new(j, f.end, f.sem)
            }
            _ => None,
        }
    }

    /// "that day", "that same week", "that morning": the period the story is at.
    fn that(&self, i: usize) -> Option<Found> {
        let j = if self.kw(i + 1, Kw::Same) {
            i + 2
        } else {
            i + 1
        };
        self.narrative_unit(i, j)
    }

    /// The unit or part of day at `j` after "that" or "the same" at `i`: "day", "week",
    /// "month", "year", "morning" … Not when it modifies a noun through a hyphen ("that
    /// week-long truce", "the same year-end target").
    fn narrative_unit(&self, i: usize, j: usize) -> Option<Found> {
        if self.lx(j + 1) == Lex::Hyphen && self.joined(j + 1) {
            return None;
        }
        match self.lx(j) {
            Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)) => {
                Found::new(i, j + 1, Sem::That(u))
            }
            Lex::Part(p) => Found::new(
                i,
                j + 1,
                Sem::Time {
                    day: Some(Box::new(Sem::That(Unit::Day))),
                    tod: Tod::Part(p),
                },
            ),
            _ => None,
        }
    }

    /// "early next year", "late November", "mid-1996", "earlier this month", "late
    /// yesterday".
    fn modified(&self, i: usize, k: Kw) -> Option<Found> {
        let mut j = i + 1;
        if self.lx(j) == Lex::Hyphen && self.joined(j) {
            j += 1;
        }
        let m = match k {
            Kw::Early => Some("START"),
            Kw::Late => Some("END"),
            Kw::Mid | Kw::Middle => Some("MID"),
            _ => None,
        };
        // "earlier in the year", "later in the month"
        if matches!(k, Kw::Earlier | Kw::Later) && self.kw(j, Kw::In) && self.kw(j + 1, Kw::The) {
            if let Lex::Unit(u @ (Unit::Year | Unit::Month)) = self.lx(j + 2) {
                return Found::new(i, j + 3, shift(u, 0));
            }
            return None;
        }
        // "earlier that day", "later that night"
        if matches!(k, Kw::Earlier | Kw::Later) && self.kw(j, Kw::That) {
            let inner = self.that(j)?;
            return Found::new(i, inner.end, inner.sem);
        }
        // "mid afternoon", "early morning"
        if let Lex::Part(p) = self.lx(j) {
            if matches!(k, Kw::Mid | Kw::Early | Kw::Late) {
                let mut end = j + 1;
                let mut day = None;
                if let Lex::Kw(d @ (Kw::Yesterday | Kw::Today | Kw::Tomorrow)) = self.lx(end) {
                    let n = match d {
                        Kw::Yesterday => -1,
                        Kw::Today => 0,
                        _ => 1,
                    };
                    day = Some(Box::new(shift(Unit::Day, n)));
                    end += 1;
                }
                return Found::new(
                    i,
                    end,
                    Sem::Time {
                        day,
                        tod: Tod::Part(p),
                    },
                );
            }
            return None;
        }
        let inner = match self.lx(j) {
            Lex::Month(_)
            | Lex::MonthAbbr(_)
            | Lex::Weekday(_)
            | Lex::WeekdayAbbr(_)
            | Lex::Digits(..)
            | Lex::Decade(..) => self.core(j),
            Lex::Kw(
                Kw::This
                | Kw::Last
                | Kw::Next
                | Kw::Yesterday
                | Kw::Today
                | Kw::Tomorrow
                | Kw::That,
            ) => self.core(j),
            Lex::Kw(Kw::The) => match self.lx(j + 1) {
                Lex::Decade(..) | Lex::Apostrophe => self.core(j),
                _ => None,
            },
            Lex::Season(s) if matches!(k, Kw::Early | Kw::Late | Kw::Mid) => Found::new(
                j,
                j + 1,
                Sem::Season {
                    season: s,
                    sel: Sel::Plain,
                    year: None,
                },
            ),
            _ => None,
        }?;
        if !is_calendar(&inner.sem) {
            return None;
        }
        if matches!(inner.sem, Sem::Point(Point::Year(_))) && k == Kw::Earlier {
            return None;
        }
        // "Earlier Friday": the weekday alone is the expression.
        if matches!(k, Kw::Earlier | Kw::Later) && matches!(inner.sem, Sem::Weekday { .. }) {
            return None;
        }
        Some(Found {
            start: i,
            end: inner.end,
            sem: inner.sem,
            modifier: m.or(inner.modifier),
        })
    }

    /// A month-led date: "December 19, 2023", "Dec. 19", "December 2023", "Dec 19-21",
    /// "March" (with a temporal cue around it).
    fn month(&self, i: usize) -> Option<Found> {
        if !self.cap(i) {
            return None;
        }
        let (m, abbr) = match self.lx(i) {
            Lex::Month(m) => (u32::from(m), false),
            Lex::MonthAbbr(m) => (u32::from(m), true),
            _ => return None,
        };
        let mut j = i + 1;
        // "Dec" written without its period, then a period token
        if abbr && self.lx(j) == Lex::Period && self.joined(j) {
            j += 1;
        }
        if let Some((k, d)) = self.day_at(j) {
            // day range "Dec 19-21"
            if self.lx(k) == Lex::Hyphen && self.joined(k) {
                if let Some((k2, d2)) = self.day_at(k + 1) {
                    if self.joined(k + 1) && d2 > d {
                        let (end, year) = self.opt_year(k2);
                        return Found::new(
                            i,
                            end,
                            Sem::DayRange {
                                year,
                                month: m,
                                d1: d,
                                d2,
                            },
                        );
                    }
                }
            }
            let (end, year) = self.opt_year(k);
            return date_found(i, end, year, m, d, None);
        }
        if let Some((end, y)) = self.year_at(j) {
            return Found::new(
                i,
                end,
                Sem::Month {
                    year: YearSel::Abs(y),
                    month: m,
                },
            );
        }
        if self.kw(j, Kw::Of) {
            if let Some((end, y)) = self.year_at(j + 1) {
                return Found::new(
                    i,
                    end,
                    Sem::Month {
                        year: YearSel::Abs(y),
                        month: m,
                    },
                );
            }
        }
        if let Some((end, y)) = self.spelled_year_at(j) {
            return Found::new(
                i,
                end,
                Sem::Month {
                    year: YearSel::Abs(y),
                    month: m,
                },
            );
        }
        if let Lex::Kw(k @ (Kw::This | Kw::Last | Kw::Next)) = self.lx(j) {
            if self.lx(j + 1) == Lex::Unit(Unit::Year) {
                let n = match k {
                    Kw::Last => -1,
                    Kw::Next => 1,
                    _ => 0,
                };
                return Found::new(
                    i,
                    j + 2,
                    Sem::Month {
                        year: YearSel::Rel(n),
                        month: m,
                    },
                );
            }
        }
        if abbr {
            return None;
        }
        if (m == 5 || m == 3) && !self.month_cue_before(i) {
            return None;
        }
        Found::new(
            i,
            i + 1,
            Sem::Month {
                year: YearSel::Ctx,
                month: m,
            },
        )
    }

    /// A word before a bare month that makes it a month ("in May", "since March").
    fn month_cue_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        matches!(
            self.lx(i - 1),
            Lex::Kw(
                Kw::In
                    | Kw::Since
                    | Kw::Until
                    | Kw::By
                    | Kw::Through
                    | Kw::During
                    | Kw::Early
                    | Kw::Late
                    | Kw::Mid
                    | Kw::Last
                    | Kw::Next
                    | Kw::This
                    | Kw::Of
                    | Kw::From
                    | Kw::To
                    | Kw::Before
                    | Kw::After
                    | Kw::Between
                    | Kw::And
                    | Kw::Throughout
                    | Kw::Or
            ) | Lex::Hyphen
        )
    }

    /// A weekday-led date: "Tuesday, December 19", "Friday night", "Tuesday".
    fn weekday(&self, i: usize) -> Option<Found> {
        if !self.cap(i) {
            return None;
        }
        let wd = match self.lx(i) {
            Lex::Weekday(w) | Lex::WeekdayAbbr(w) => u32::from(w),
            _ => return None,
        };
        let mut j = i + 1;
        if self.lx(j) == Lex::Comma {
            j += 1;
        }
        if matches!(self.lx(j), Lex::Month(_) | Lex::MonthAbbr(_)) {
            if let Some(f) = self.month(j) {
                if let Sem::Date {
                    year, month, day, ..
                } = f.sem
                {
                    return Found::new(
                        i,
                        f.end,
                        Sem::Date {
                            year,
                            month,
                            day,
                            weekday: Some(wd),
                        },
                    );
                }
            }
        }
        if let Some((k, d)) = self.day_at(j) {
            if let Lex::Month(m) | Lex::MonthAbbr(m) = self.lx(k) {
                if self.cap(k) {
                    let (end, year) = self.opt_year(k + 1);
                    return date_found(i, end, year, u32::from(m), d, Some(wd));
                }
            }
        }
        // An abbreviated weekday alone ("Sun.") needs "on" before it.
        if matches!(self.lx(i), Lex::WeekdayAbbr(_))
            && !(i > 0 && self.word(i - 1).eq_ignore_ascii_case("on"))
        {
            return None;
        }
        let day = Sem::Weekday {
            wd,
            sel: Sel::Plain,
        };
        // "Tuesday nights": a set
        if let Lex::Parts(p) = self.lx(i + 1) {
            return Found::new(i, i + 2, Sem::Set(format!("XXXX-WXX-{wd}T{}", p.code())));
        }
        if let Lex::Part(p) = self.lx(i + 1) {
            return Found::new(
                i,
                i + 2,
                Sem::Time {
                    day: Some(Box::new(day)),
                    tod: Tod::Part(p),
                },
            );
        }
        // Names: "the Sunday Times", "Bloody Sunday", "Good Friday".
        if i > 0 {
            let prev = self.word(i - 1);
            if matches!(self.lx(i - 1), Lex::Kw(Kw::The | Kw::A))
                && self.cap(i + 1)
                && !matches!(
                    self.lx(i + 1),
                    Lex::Month(_) | Lex::MonthAbbr(_) | Lex::Part(_)
                )
            {
                return None;
            }
            if [
                "bloody", "black", "good", "holy", "palm", "easter", "super", "cyber", "ash",
            ]
            .iter()
            .any(|w| prev.eq_ignore_ascii_case(w))
            {
                return None;
            }
        }
        Found::new(i, i + 1, day)
    }

    /// A day of the month at `j`: "19", "19th".
    fn day_at(&self, j: usize) -> Option<(usize, u32)> {
        match self.lx(j) {
            Lex::Digits(d, 1 | 2) | Lex::OrdDigits(d) if (1..=31).contains(&d) => Some((j + 1, d)),
            _ => None,
        }
    }

    /// A four-digit year at `j`.
    fn year_at(&self, j: usize) -> Option<(usize, i32)> {
        match self.lx(j) {
            Lex::Digits(y, 4) if is_year(y) => Some((j + 1, y as i32)),
            _ => None,
        }
    }

    /// An optional ", 2023" or " 2023" after a day.
    fn opt_year(&self, k: usize) -> (usize, Option<i32>) {
        if self.lx(k) == Lex::Comma {
            if let Some((e, y)) = self.year_at(k + 1) {
                return (e, Some(y));
            }
        }
        if let Some((e, y)) = self.year_at(k) {
            return (e, Some(y));
        }
        (k, None)
    }

    /// A number-led expression.
    fn number(&self, i: usize) -> Option<Found> {
        match self.lx(i) {
            Lex::Iso(y, m, d) => date_found(i, i + 1, Some(y), m, d, None),
            // "in his 30s" is an age; a short decade needs "the" or an apostrophe
            Lex::Decade(_, false) => self.decade_at(i),
            Lex::Clock(h, m) => self.clock(i, h, m),
            Lex::OrdDigits(c @ 1..=30) if self.lx(i + 1) == Lex::Unit(Unit::Century) => {
                Found::new(i, i + 2, Sem::Point(Point::Century(c as i32 - 1)))
            }
            Lex::OrdDigits(d) if (1..=31).contains(&d) => {
                // "19th December", "the 19th of December" (the "of" form comes via `the`)
                let mut k = i + 1;
                if self.kw(k, Kw::Of) {
                    k += 1;
                }
                match self.lx(k) {
                    Lex::Month(m) | Lex::MonthAbbr(m) if self.cap(k) => {
                        let (end, year) = self.opt_year(k + 1);
                        date_found(i, end, year, u32::from(m), d, None)
                    }
                    _ => self.quarter(i, i),
                }
            }
            Lex::Digits(v, len) => {
                if let Some(f) = self.slash_date(i) {
                    return Some(f);
                }
                if len <= 2 && (1..=31).contains(&v) {
                    if let Lex::Month(m) | Lex::MonthAbbr(m) = self.lx(i + 1) {
                        if self.cap(i + 1) {
                            let (end, year) = self.opt_year(i + 2);
                            return date_found(i, end, year, u32::from(m), v, None);
                        }
                    }
                }
                if len <= 2 && v <= 12 {
                    if let Lex::Kw(Kw::Am | Kw::Pm) = self.lx(i + 1) {
                        return self.clock(i, v, 0);
                    }
                    if self.kw(i + 1, Kw::Oclock) {
                        return self.clock_tail(i, i + 2, Tod::Clock(v, 0));
                    }
                }
                if len == 4 && (1300..=1499).contains(&v) {
                    if let Some(f) = self.solar_year(i, v) {
                        return Some(f);
                    }
                }
                if len == 4 {
                    if let Some(f) = self.year_expr(i, v) {
                        return Some(f);
                    }
                }
                self.duration(i)
            }
            Lex::Decimal(_) => self.duration(i),
            _ => None,
        }
    }

    /// A four-digit number as a year (or a 24-hour clock before "GMT"/"hours").
    fn year_expr(&self, i: usize, v: u32) -> Option<Found> {
        if matches!(self.lx(i + 1), Lex::Kw(Kw::Zone | Kw::Hours))
            || (self.lx(i + 1) == Lex::Units(Unit::Hour) && v % 100 < 60)
        {
            let (h, m) = (v / 100, v % 100);
            if h <= 24 && m < 60 {
                return self.clock_tail(i, i + 1, Tod::Clock(h, m));
            }
        }
        if !is_year(v) {
            return None;
        }
        // Counted things: "2000 people".
        if matches!(self.lx(i + 1), Lex::Kw(Kw::CountNoun)) {
            return None;
        }
        if i > 0 {
            let prev = self.word(i - 1);
            if matches!(prev, "$" | "€" | "£" | "No." | "no." | "#" | "+" | "№") {
                return None;
            }
        }
        if self
            .text
            .get(self.atoms[i].end..)
            .is_some_and(|r| r.starts_with('%'))
        {
            return None;
        }
        // "2021-2023", "2021-23"
        if self.lx(i + 1) == Lex::Hyphen && self.joined(i + 1) && self.joined(i + 2) {
            match self.lx(i + 2) {
                Lex::Digits(y2, 4) if is_year(y2) && y2 > v => {
                    return Found::new(i, i + 3, Sem::YearRange(v as i32, y2 as i32));
                }
                Lex::Digits(y2, 2) if (v % 100) < y2 => {
                    let full = v - v % 100 + y2;
                    return Found::new(i, i + 3, Sem::YearRange(v as i32, full as i32));
                }
                _ => {}
            }
        }
        Found::new(i, i + 1, Sem::Point(Point::Year(v as i32)))
    }

    /// A Solar Hijri (Afghan and Iranian) year, only with a clear cue: "1402 SH",
    /// "1402 S.H.", "Hamal 1402", "3 Hamal 1402", or a sentence that names the calendar
    /// ("in the year 1402 of the solar hijri calendar"). A bare "1402" stays a year.
    fn solar_year(&self, i: usize, v: u32) -> Option<Found> {
        let sy = v as i32;
        // "Hamal 1402", "3 Hamal 1402"
        if i > 0 {
            if let Some(m) = solar_month(self.word(i - 1)) {
                if self.cap(i - 1) {
                    if i > 1 {
                        if let Lex::Digits(d @ 1..=31, 1 | 2) = self.lx(i - 2) {
                            return Found::new(
                                i - 2,
                                i + 1,
                                Sem::SolarHijri {
                                    year: sy,
                                    month: Some(m),
                                    day: Some(d),
                                },
                            );
                        }
                    }
                    return Found::new(
                        i - 1,
                        i + 1,
                        Sem::SolarHijri {
                            year: sy,
                            month: Some(m),
                            day: None,
                        },
                    );
                }
            }
        }
        let solar = |month| Sem::SolarHijri {
            year: sy,
            month,
            day: None,
        };
        // "1402 SH", "1402 S.H.", "1402 HS"
        let after = self.text.get(self.atoms[i].end..).unwrap_or("");
        let rest = after.trim_start_matches([' ', '\u{a0}']);
        let gap = after.len() - rest.len();
        for marker in ["S.H.", "S.H", "SH", "H.S.", "HS"] {
            if rest.starts_with(marker)
                && !rest[marker.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric())
                && gap > 0
            {
                let stop = self.atoms[i].end + gap + marker.len();
                let mut end = i + 1;
                while self.atoms.get(end).is_some_and(|a| a.end <= stop) {
                    end += 1;
                }
                return Found::new(i, end, solar(None));
            }
        }
        // a sentence that names the calendar
        let (a, b) = (self.atoms.first()?.start, self.atoms.last()?.end);
        let sentence = self.text.get(a..b)?.to_ascii_lowercase();
        const CUES: [&str; 8] = [
            "solar hijri",
            "hijri shamsi",
            "shamsi",
            "hijri solar",
            "afghan calendar",
            "persian calendar",
            "iranian calendar",
            "solar year",
        ];
        if CUES.iter().any(|c| sentence.contains(c)) {
            // "the year 1402" keeps "the year" inside the span, as a Gregorian year does
            let start =
                if i >= 2 && self.lx(i - 1) == Lex::Unit(Unit::Year) && self.kw(i - 2, Kw::The) {
                    i - 2
                } else {
                    i
                };
            return Found::new(start, i + 1, solar(None));
        }
        None
    }

    /// "12/19/2023", "19/12/2023", "12/19/23".
    fn slash_date(&self, i: usize) -> Option<Found> {
        let (Lex::Digits(a, 1 | 2), Lex::Slash, Lex::Digits(b, 1 | 2), Lex::Slash) =
            (self.lx(i), self.lx(i + 1), self.lx(i + 2), self.lx(i + 3))
        else {
            return None;
        };
        if !(self.joined(i + 1) && self.joined(i + 2) && self.joined(i + 3) && self.joined(i + 4)) {
            return None;
        }
        let y = match self.lx(i + 4) {
            Lex::Digits(y, 4) if is_year(y) => y as i32,
            Lex::Digits(y, 2) => {
                if y < 50 {
                    2000 + y as i32
                } else {
                    1900 + y as i32
                }
            }
            _ => return None,
        };
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        NaiveDate::from_ymd_opt(y, m, d)?;
        date_found(i, i + 5, Some(y), m, d, None)
    }

    /// "1990s", "'90s", "the nineties" part after "the".
    fn decade_at(&self, j: usize) -> Option<Found> {
        match self.lx(j) {
            Lex::Decade(d, false) => Found::new(j, j + 1, Sem::Point(Point::Decade(d as i32))),
            Lex::Decade(d, true) => {
                Found::new(j, j + 1, Sem::Point(Point::Decade(short_decade(d))))
            }
            Lex::Apostrophe => match self.lx(j + 1) {
                Lex::Decade(d, true) if self.joined(j + 1) => {
                    Found::new(j, j + 2, Sem::Point(Point::Decade(short_decade(d))))
                }
                _ => None,
            },
            Lex::Digits(y, 4) if is_year(y) => {
                Found::new(j, j + 1, Sem::Point(Point::Year(y as i32)))
            }
            Lex::DecadeWord(d) => Found::new(j, j + 1, Sem::Point(Point::Decade(d as i32))),
            _ => None,
        }
    }

    /// "8:30 a.m.", with an optional zone and day after it.
    fn clock(&self, i: usize, h: u32, m: u32) -> Option<Found> {
        let mut k = i + 1;
        let mut h = h;
        let mut marked = false;
        match self.lx(k) {
            Lex::Kw(Kw::Am) => {
                if h == 12 {
                    h = 0;
                }
                k += 1;
                marked = true;
            }
            Lex::Kw(Kw::Pm) => {
                if h < 12 {
                    h += 12;
                }
                k += 1;
                marked = true;
            }
            _ => {}
        }
        if !marked {
            let zone = matches!(self.lx(k), Lex::Kw(Kw::Zone | Kw::Hours | Kw::Local));
            let cue = i > 0
                && matches!(
                    self.lx(i - 1),
                    Lex::Kw(
                        Kw::At
                            | Kw::Around
                            | Kw::Until
                            | Kw::By
                            | Kw::Before
                            | Kw::After
                            | Kw::Since
                    )
                );
            if !zone && !cue {
                return None;
            }
        }
        self.clock_tail(i, k, Tod::Clock(h, m))
    }

    /// After a clock time ending at `k`: zone words, then a day ("Tuesday",
    /// "yesterday", "Nov. 9").
    fn clock_tail(&self, i: usize, mut k: usize, tod: Tod) -> Option<Found> {
        loop {
            match self.lx(k) {
                Lex::Kw(Kw::Zone | Kw::Hours) => k += 1,
                Lex::Kw(Kw::Local) if self.kw(k + 1, Kw::Time) => k += 2,
                _ => break,
            }
        }
        let mut j = k;
        if self.lx(j) == Lex::Comma {
            j += 1;
        }
        let day = match self.lx(j) {
            Lex::Weekday(_) | Lex::WeekdayAbbr(_) | Lex::Month(_) | Lex::MonthAbbr(_) => self
                .core(j)
                .filter(|f| matches!(f.sem, Sem::Weekday { .. } | Sem::Date { .. })),
            Lex::Kw(Kw::Yesterday | Kw::Today | Kw::Tomorrow) => self.core(j),
            _ => None,
        };
        match day {
            Some(f) => Found::new(
                i,
                f.end,
                Sem::Time {
                    day: Some(Box::new(f.sem)),
                    tod,
                },
            ),
            None => Found::new(i, k, Sem::Time { day: None, tod }),
        }
    }

    /// "nineteen ninety-six", "two thousand" as years.
    fn spelled_year(&self, i: usize) -> Option<Found> {
        let (end, y) = self.spelled_year_at(i)?;
        Found::new(i, end, Sem::Point(Point::Year(y)))
    }

    fn spelled_year_at(&self, i: usize) -> Option<(usize, i32)> {
        match (self.lx(i), self.lx(i + 1)) {
            (Lex::NumWord(c @ 11..=20), Lex::NumWord(10..)) => {
                let (end, rest) = self.tens_units(i + 1)?;
                Some((end, (c * 100 + rest) as i32))
            }
            (Lex::NumWord(2), Lex::Kw(Kw::Thousand)) => {
                let mut end = i + 2;
                let mut y = 2000;
                let mut k = end;
                if self.kw(k, Kw::And) {
                    k += 1;
                }
                if let Some((e, r)) = self.tens_units(k) {
                    end = e;
                    y += r;
                }
                Some((end, y as i32))
            }
            _ => None,
        }
    }

    /// "ninety-six", "ninety six", "twelve" as a number below 100.
    fn tens_units(&self, i: usize) -> Option<(usize, u32)> {
        let Lex::NumWord(t) = self.lx(i) else {
            return None;
        };
        if t >= 20 && t % 10 == 0 {
            let mut k = i + 1;
            if self.lx(k) == Lex::Hyphen && self.joined(k) {
                k += 1;
            }
            if let Lex::NumWord(u @ 1..=9) = self.lx(k) {
                return Some((k + 1, t + u));
            }
        }
        Some((i + 1, t))
    }

    /// A count at `i`: digits, number words, "a", "a few", "a couple of", "several".
    fn num_at(&self, i: usize) -> Option<(usize, Num)> {
        match self.lx(i) {
            Lex::Digits(v, _) => {
                // "2 1/2"
                if let (Lex::Digits(1, 1), Lex::Slash, Lex::Digits(2, 1)) =
                    (self.lx(i + 1), self.lx(i + 2), self.lx(i + 3))
                {
                    if self.joined(i + 2) && self.joined(i + 3) {
                        return Some((i + 4, Num::Tenths(v * 10 + 5)));
                    }
                }
                Some((i + 1, Num::Int(v)))
            }
            Lex::Decimal(t) => Some((i + 1, Num::Tenths(t))),
            Lex::NumWord(_) => {
                let (mut k, mut v) = self.tens_units(i)?;
                if self.kw(k, Kw::Hundred) {
                    v *= 100;
                    k += 1;
                    if self.kw(k, Kw::And) {
                        if let Some((e, r)) = self.tens_units(k + 1) {
                            v += r;
                            k = e;
                        }
                    } else if let Some((e, r)) = self.tens_units(k) {
                        v += r;
                        k = e;
                    }
                } else if self.kw(k, Kw::Thousand) {
                    v *= 1000;
                    k += 1;
                } else if let Lex::NumWord(u @ 1..=9) = self.lx(k) {
                    // "twenty four" written with a space
                    if v >= 20 && v % 10 == 0 {
                        v += u;
                        k += 1;
                    }
                }
                Some((k, Num::Int(v)))
            }
            Lex::Kw(Kw::A | Kw::An) => match self.lx(i + 1) {
                Lex::Kw(Kw::Few) => Some((i + 2, Num::Vague)),
                Lex::Kw(Kw::Couple) => {
                    let k = if self.kw(i + 2, Kw::Of) { i + 3 } else { i + 2 };
                    Some((k, Num::Int(2)))
                }
                Lex::Kw(Kw::Dozen) => Some((i + 2, Num::Int(12))),
                Lex::Kw(Kw::Hundred) => Some((i + 2, Num::Int(100))),
                Lex::Kw(Kw::Half) => Some((i + 2, Num::Tenths(5))),
                _ => Some((i + 1, Num::Int(1))),
            },
            Lex::Kw(Kw::Few | Kw::Several | Kw::Many | Kw::SomeWord) => Some((i + 1, Num::Vague)),
            Lex::Kw(Kw::Couple) => {
                let k = if self.kw(i + 1, Kw::Of) { i + 2 } else { i + 1 };
                Some((k, Num::Int(2)))
            }
            Lex::Kw(Kw::Dozen) => Some((i + 1, Num::Int(12))),
            Lex::Kw(Kw::Half) => match self.lx(i + 1) {
                Lex::Kw(Kw::A | Kw::An) => Some((i + 2, Num::Tenths(5))),
                _ => None,
            },
            _ => None,
        }
    }

    /// "two years", "48 hours", "a week", "two-year", "a year and a half", "three days
    /// ago", "a year earlier".
    fn duration(&self, i: usize) -> Option<Found> {
        let (mut j, n) = self.num_at(i)?;
        // "two to three weeks", "12 or 18 months": the span covers both; the value is
        // the lower count.
        if matches!(self.lx(j), Lex::Kw(Kw::To | Kw::Or))
            && matches!(self.lx(j + 1), Lex::Digits(..) | Lex::NumWord(_))
        {
            if let Some((j2, _)) = self.num_at(j + 1) {
                if matches!(self.lx(j2), Lex::Units(_)) {
                    j = j2;
                }
            }
        }
        let a_word = matches!(self.lx(i), Lex::Kw(Kw::A | Kw::An));
        // "two more weeks", "an additional year", "eight trading days"
        if matches!(self.lx(j), Lex::Kw(Kw::More | Kw::Additional | Kw::Kind))
            && matches!(self.lx(j + 1), Lex::Unit(_) | Lex::Units(_))
        {
            j += 1;
        }
        // A capitalised unit mid-sentence is a title ("60 Minutes").
        if self.cap(j) && i > 0 {
            return None;
        }
        let (unit, mut end, adjectival) = match self.lx(j) {
            Lex::Unit(u) | Lex::Units(u) => (u, j + 1, false),
            Lex::Hyphen if self.joined(j) && self.joined(j + 1) => match self.lx(j + 1) {
                Lex::Unit(u) => (u, j + 2, true),
                _ => return None,
            },
            _ => return None,
        };
        // "a year-earlier quarter": the "year-earlier" is its own expression.
        if self.lx(end) == Lex::Hyphen
            && self.joined(end)
            && matches!(self.lx(end + 1), Lex::Kw(Kw::Earlier | Kw::Ago))
        {
            return None;
        }
        // Ages are not durations: "a 6-year-old", "52 years old".
        if self.kw(end, Kw::Old)
            || (self.lx(end) == Lex::Hyphen && self.joined(end) && self.kw(end + 1, Kw::Old))
        {
            return None;
        }
        // "a quarter of", "a second time": not durations.
        if a_word && matches!(unit, Unit::Quarter | Unit::Second) && !self.kw(i + 1, Kw::Few) {
            return None;
        }
        // "one day" meaning some day is left to tense; "a day" etc. fine.
        let mut n = n;
        // "a year and a half"
        if self.kw(end, Kw::And)
            && matches!(self.lx(end + 1), Lex::Kw(Kw::A | Kw::An))
            && self.kw(end + 2, Kw::Half)
        {
            if let Num::Int(v) = n {
                n = Num::Tenths(v * 10 + 5);
                end += 3;
            }
        }
        if adjectival {
            // "day-long"
            if self.lx(end) == Lex::Hyphen && self.joined(end) && self.kw(end + 1, Kw::Long) {
                end += 2;
            }
            return Found::new(i, end, duration(n, unit, None));
        }
        // "a week or so ago"
        let mut k = end;
        if self.kw(k, Kw::Or) && self.kw(k + 1, Kw::So) {
            k += 2;
        }
        let count = match n {
            Num::Int(v) => Some(i64::from(v)),
            _ => None,
        };
        // "a decade ago" is a year; "an hour later" stays a duration
        let (shift_unit, count) = match (unit, count) {
            (Unit::Decade, Some(c)) => (Unit::Year, Some(c * 10)),
            (Unit::Century, Some(c)) => (Unit::Year, Some(c * 100)),
            (Unit::Second | Unit::Minute | Unit::Hour, _) => {
                return Found::new(i, end, duration(n, unit, None));
            }
            other => other,
        };
        // "he will one day return": some day, not a day long
        if self.lx(i) == Lex::NumWord(1) && unit == Unit::Day && i > 0 {
            let prev = self.word(i - 1).to_ascii_lowercase();
            if matches!(
                prev.as_str(),
                "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "can"
                    | "should"
                    | "must"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "you"
                    | "it"
            ) {
                return Found::new(i, end, Sem::Ref("FUTURE_REF"));
            }
        }
        match self.lx(k) {
            Lex::Kw(Kw::Ago) => {
                return Found::new(
                    i,
                    k + 1,
                    match count {
                        Some(c) => shift_from(shift_unit, -c, Base::Ago),
                        None => Sem::Ref("PAST_REF"),
                    },
                );
            }
            // "a year earlier" is a date; in "three days later" TimeBank tags the
            // duration and leaves "later" as a signal.
            Lex::Kw(Kw::Earlier) if count.is_some() => {
                let c = -count.unwrap_or(0);
                return Found::new(i, k + 1, shift_from(shift_unit, c, Base::Ref));
            }
            Lex::Kw(Kw::From) if self.kw(k + 1, Kw::Now) => {
                if let Some(c) = count {
                    return Found::new(i, k + 2, shift_from(shift_unit, c, Base::Dct));
                }
            }
            Lex::Kw(Kw::Hence) => {
                if let Some(c) = count {
                    return Found::new(i, k + 1, shift_from(shift_unit, c, Base::Dct));
                }
            }
            _ => {}
        }
        // "$5 a year", "twice a week": a set.
        if a_word && i > 0 {
            let prev = self.lx(i - 1);
            let money = matches!(prev, Lex::Digits(..) | Lex::Number | Lex::Decimal(_))
                || matches!(
                    prev,
                    Lex::Kw(Kw::Times | Kw::Once | Kw::Twice | Kw::CountNoun)
                );
            if money {
                return Found::new(i, end, Sem::Set(unit_value(Num::Int(1), unit)));
            }
        }
        Found::new(i, end, duration(n, unit, None))
    }

    /// An expression opened by a singular unit word: "year-earlier", "year-end".
    fn unit_first(&self, i: usize, u: Unit) -> Option<Found> {
        if u == Unit::Year {
            if let Some(f) = self.year_ago(i) {
                return Some(f);
            }
            let mut k = i + 1;
            if self.lx(k) == Lex::Hyphen && self.joined(k) {
                k += 1;
            }
            if self.kw(k, Kw::End) {
                let mut f = Found::new(i, k + 1, shift(Unit::Year, 0))?;
                f.modifier = Some("END");
                return Some(f);
            }
        }
        if u == Unit::Second {
            return self.quarter(i, i);
        }
        None
    }

    /// "year-earlier", "year-ago", "year-ago quarter", "year-earlier period".
    fn year_ago(&self, i: usize) -> Option<Found> {
        if self.lx(i) != Lex::Unit(Unit::Year)
            || self.lx(i + 1) != Lex::Hyphen
            || !self.joined(i + 1)
            || !matches!(self.lx(i + 2), Lex::Kw(Kw::Earlier | Kw::Ago))
        {
            return None;
        }
        let mut end = i + 3;
        if matches!(self.lx(end), Lex::Unit(Unit::Quarter) | Lex::Kw(Kw::Period)) {
            end += 1;
        } else if let Some(q) = self.quarter(end, end) {
            end = q.end;
        }
        Found::new(i, end, Sem::YearAgo)
    }

    /// "years", "decades" after "for", "in", "over", "within": a vague duration.
    fn bare_units(&self, i: usize, u: Unit) -> Option<Found> {
        if i == 0 {
            return None;
        }
        let long = self.lx(i + 1) == Lex::Hyphen && self.joined(i + 1) && self.kw(i + 2, Kw::Long);
        // "for years", "in decades", "decades of war"
        let cue = matches!(
            self.lx(i - 1),
            Lex::Kw(Kw::For | Kw::In | Kw::Over | Kw::Within | Kw::After)
        ) || (self.kw(i + 1, Kw::Of)
            && !matches!(
                self.lx(i - 1),
                Lex::Kw(Kw::The | Kw::Early | Kw::Late | Kw::This | Kw::These)
            ));
        if !(cue || long) || u == Unit::Second {
            return None;
        }
        // "in days" is fine; "for days" fine. "decades-long"
        let mut end = i + 1;
        if self.lx(end) == Lex::Hyphen && self.joined(end) && self.kw(end + 1, Kw::Long) {
            end += 2;
        }
        Found::new(i, end, duration(Num::Vague, u, None))
    }

    /// "the first quarter", "third-quarter", "the second half of 2023", "fiscal
    /// second-quarter"; `i` is the ordinal, `start` where the span opens.
    fn quarter(&self, i: usize, start: usize) -> Option<Found> {
        let ord = match self.lx(i) {
            Lex::OrdWord(o) => o,
            Lex::Unit(Unit::Second) => 2,
            Lex::OrdDigits(o) => o,
            Lex::Kw(Kw::Last) => 99,
            _ => return None,
        };
        let mut k = i + 1;
        if self.lx(k) == Lex::Hyphen && self.joined(k) {
            k += 1;
        }
        let is_half = match self.lx(k) {
            Lex::Unit(Unit::Quarter) if (1..=4).contains(&ord) => false,
            Lex::Kw(Kw::Half) if ord == 1 || ord == 2 || ord == 99 => true,
            _ => return None,
        };
        let mut end = k + 1;
        let mut year = YearSel::Ctx;
        if self.kw(end, Kw::Of) {
            if let Some((e, y)) = self.year_at(end + 1) {
                year = YearSel::Abs(y);
                end = e;
            } else if matches!(self.lx(end + 1), Lex::Kw(Kw::This | Kw::Last | Kw::Next))
                && self.lx(end + 2) == Lex::Unit(Unit::Year)
            {
                year = YearSel::Rel(match self.lx(end + 1) {
                    Lex::Kw(Kw::Last) => -1,
                    Lex::Kw(Kw::Next) => 1,
                    _ => 0,
                });
                end += 3;
            }
        }
        let sem = if is_half {
            Sem::Half {
                h: if ord == 1 { 1 } else { 2 },
                year,
            }
        } else {
            Sem::Quarter { q: ord, year }
        };
        Found::new(start, end, sem)
    }

    /// "every week", "each Thursday", "every two years", "every other day".
    fn every(&self, i: usize) -> Option<Found> {
        let mut j = i + 1;
        let mut n = Num::Int(1);
        if self.kw(j, Kw::Other) {
            n = Num::Int(2);
            j += 1;
        } else if matches!(self.lx(j), Lex::Digits(..) | Lex::NumWord(_)) {
            let (e, v) = self.num_at(j)?;
            n = v;
            j = e;
        }
        match self.lx(j) {
            Lex::Unit(u) | Lex::Units(u) => Found::new(i, j + 1, Sem::Set(unit_value(n, u))),
            Lex::Weekday(wd) if self.cap(j) => {
                if let Lex::Part(p) = self.lx(j + 1) {
                    return Found::new(i, j + 2, Sem::Set(format!("XXXX-WXX-{wd}T{}", p.code())));
                }
                Found::new(i, j + 1, Sem::Set(format!("XXXX-WXX-{wd}")))
            }
            Lex::Month(m) if self.cap(j) => Found::new(i, j + 1, Sem::Set(format!("XXXX-{m:02}"))),
            Lex::Part(p) => Found::new(i, j + 1, Sem::Set(format!("XXXX-XX-XXT{}", p.code()))),
            Lex::Season(s) => Found::new(i, j + 1, Sem::Set(format!("XXXX-{}", s.code()))),
            _ => None,
        }
    }
}

/// The month number (1 = Hamal/Farvardin) of a Solar Hijri month name, in its Dari
/// (zodiac) and Iranian forms and common spellings.
fn solar_month(w: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["hamal", "farvardin"],
        &["sawr", "saur", "sor", "ordibehesht"],
        &["jawza", "jauza", "jowza", "khordad"],
        &["saratan", "tir"],
        &["asad", "mordad", "amordad"],
        &["sonbola", "sunbula", "sonbula", "shahrivar", "shahrewar"],
        &["mizan", "mehr", "mihr"],
        &["aqrab", "akrab", "aban"],
        &["qaws", "qaus", "qaus", "azar"],
        &["jadi", "jaddi", "dey", "dei"],
        &["dalw", "dalv", "bahman"],
        &["hut", "hoot", "esfand", "isfand"],
    ];
    if w.len() < 3 || w.len() > 11 {
        return None;
    }
    let l = w.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&l.as_str()))
        .map(|k| k as u32 + 1)
}

fn short_decade(d: u32) -> i32 {
    // "'90s" → 199, "'20s" → 202 (the 2020s: news about the present)
    if d <= 30 {
        200 + (d / 10) as i32
    } else {
        190 + (d / 10) as i32
    }
}

pub(crate) fn is_year(v: u32) -> bool {
    (1000..=2199).contains(&v)
}

fn shift(unit: Unit, n: i64) -> Sem {
    Sem::Shift {
        unit,
        n,
        base: Base::Dct,
    }
}

fn shift_from(unit: Unit, n: i64, base: Base) -> Sem {
    Sem::Shift { unit, n, base }
}

fn modifier_of(l: Lex) -> &'static str {
    match l {
        Lex::Kw(Kw::Early) => "START",
        Lex::Kw(Kw::Late) => "END",
        _ => "MID",
    }
}

/// Whether a meaning is a calendar date or period (something "early"/"the end of"
/// can modify).
fn is_calendar(s: &Sem) -> bool {
    matches!(
        s,
        Sem::Point(_)
            | Sem::Date { .. }
            | Sem::Month { .. }
            | Sem::RelMonth { .. }
            | Sem::Season { .. }
            | Sem::Weekday { .. }
            | Sem::Shift { .. }
            | Sem::Quarter { .. }
            | Sem::Half { .. }
            | Sem::Weekend(_)
            | Sem::That(_)
    )
}

fn date_found(
    start: usize,
    end: usize,
    year: Option<i32>,
    month: u32,
    day: u32,
    weekday: Option<u32>,
) -> Option<Found> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // A day that exists in no year (Feb 30) is not a date.
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
    Found::new(
        start,
        end,
        Sem::Date {
            year,
            month,
            day,
            weekday,
        },
    )
}

/// A DURATION meaning.
fn duration(n: Num, unit: Unit, range: Option<(Unit, i64, bool)>) -> Sem {
    Sem::Duration {
        value: unit_value(n, unit),
        range,
    }
}

/// The TIMEX3 duration value of `n` `unit`s: P2Y, PT48H, P1Y6M, PXY.
pub(crate) fn unit_value(n: Num, unit: Unit) -> String {
    let (time, letter, mult) = match unit {
        Unit::Second => (true, "S", 1),
        Unit::Minute => (true, "M", 1),
        Unit::Hour => (true, "H", 1),
        Unit::Day => (false, "D", 1),
        Unit::Week => (false, "W", 1),
        Unit::Fortnight => (false, "W", 2),
        Unit::Month => (false, "M", 1),
        Unit::Quarter => (false, "Q", 1),
        Unit::Year => (false, "Y", 1),
        Unit::Decade => (false, "Y", 10),
        Unit::Century => (false, "Y", 100),
    };
    let p = if time { "PT" } else { "P" };
    match n {
        Num::Int(v) => format!("{p}{}{letter}", u64::from(v) * mult),
        Num::Vague => {
            let l = match unit {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                _ => letter,
            };
            format!("{p}X{l}")
        }
        Num::Tenths(t) => {
            let (whole, tenth) = (t / 10, t % 10);
            if tenth == 0 {
                return unit_value(Num::Int(whole), unit);
            }
            if tenth == 5 {
                let w = u64::from(whole) * mult;
                let half = match unit {
                    Unit::Year if mult == 1 => Some(("P", format!("{w}Y"), "6M")),
                    Unit::Month => Some(("P", format!("{w}M"), "15D")),
                    Unit::Day => Some(("P", format!("{w}D"), "T12H")),
                    Unit::Hour => Some(("PT", format!("{w}H"), "30M")),
                    Unit::Minute => Some(("PT", format!("{w}M"), "30S")),
                    _ => None,
                };
                if let Some((p, a, b)) = half {
                    let a = if w == 0 { String::new() } else { a };
                    return format!("{p}{a}{b}");
                }
            }
            format!("{p}{whole}.{tenth}{letter}")
        }
    }
}
