//! Resolution: a matched meaning, the publication date and the tense of its clause in; a
//! TIMEX3 type and value, granularity, status and range out.
//!
//! Conventions (TimeBank's where it has one):
//! * a day or month without a year is the nearer occurrence to the publication date,
//!   unless the clause's tense points the other way and the nearer one is well off
//!   (more than 90 days for a day, two months or more for a month): then the latest one
//!   not after the publication date in past-tense clauses, the next one not before it
//!   in future-tense clauses. Tense cues are read from the verbs before the expression
//!   ("said", "was", "-ed" forms; "will", "would", "scheduled", "set to"), else after.
//!   A plan overtaken ("had been due to expire Friday") is past; a commitment's "to"
//!   ("agreed to buy", "vowed to return") and planning with an object ("planned a
//!   rally") look ahead; "would" after a past verb ("said they would challenge
//!   Monday's ruling") is a future seen from the past, and takes the nearer day either
//!   side; a participle after a determiner ("a still unspecified date") is no verb;
//! * a bare weekday is the publication day when it names that day, else the latest such
//!   day before it, or the next one in a future-tense clause; after a main-clause event
//!   date a week or two back ("The Council on Aug. 6 ordered …") the story's reference
//!   time has moved, and a bare weekday is the one nearest that date. Otherwise the
//!   reporter's weekdays, like "yesterday", "today" and "last week", count from
//!   publication even after an older date: in the news sets a bare weekday after a date
//!   weeks back is in the publication week far more often than in that date's week;
//! * narrative time: "that day", "the same week", "later that year" are the period
//!   holding the last point the report named, at that point's precision; after a
//!   coarser point in the same paragraph ("last October … that same day") a day
//!   somewhere in it (`2023-10-XX`, approximate); with nothing to point back to they
//!   are not dates and are not tagged. "The next day", "the next morning", "a year
//!   earlier", "the following month", "the previous Friday" count from the last point
//!   named at the unit's precision (a month from the last month named, by a day or a
//!   month), else from publication;
//! * a clock time that names no day takes the day named by a bare day expression in its
//!   sentence ("at 10:35 a.m. (0735 GMT) Friday"), else publication;
//! * "since" before a day or month puts it before publication, "until" (and "by" before
//!   a month or date) after it, whatever the verb's tense;
//! * "over the past year" is a DATE named by the calendar year it mostly means (the
//!   publication year in December, else the year before, as TimeBank has it), with
//!   the twelve months to publication in `from`/`to`;
//! * "last week" is the ISO week before the publication week; "this year" its year;
//! * with no publication date every relative expression keeps `X` placeholders and the
//!   status `unresolved`.

use super::cal::{add_units, solar_hijri_bounds, weekday_name, weekday_num, Point};
use super::grammar::{Base, Holiday, Sel, Sem, Tod, YearSel};
use super::lexicon::{Season, Unit};
use chrono::{Datelike, NaiveDate};

/// Tense of the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    /// A future seen from a past moment ("said they would meet Thursday"): either side
    /// of publication, whichever occurrence is nearer.
    Nearest,
    Unknown,
}

/// What resolution needs besides the expression: the publication date and the points
/// the report has been talking about.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ctx {
    pub dct: Option<NaiveDate>,
    /// The last quarter the report named ("the third quarter"): "a year earlier" then
    /// means that quarter a year before.
    pub ref_quarter: Option<(i32, u32)>,
    /// The last day the report named: "the next day", "that day" count from it.
    pub ref_day: Option<NaiveDate>,
    /// The last week the report named, as a day in it: "that week".
    pub ref_week: Option<NaiveDate>,
    /// The last month the report named, by a day or a month: "the following month".
    pub ref_month: Option<(i32, u32)>,
    /// The last year the report named, by a day, a month or a year: "that year".
    pub ref_year: Option<i32>,
    /// The unit of the last point the report named (day, week, month or year): "that
    /// day" after "last October" is a day of that October.
    pub ref_unit: Option<Unit>,
    /// The paragraph that point was named in.
    pub ref_para: usize,
    /// The story's reference time when it has moved back from publication to an event
    /// date (see `moves_focus` in `mod.rs`): bare weekdays are read around it.
    pub focus: Option<NaiveDate>,
    /// The paragraph being read (0 for the first).
    pub para: usize,
}

/// A resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub ty: &'static str,
    pub value: String,
    pub granularity: &'static str,
    pub status: &'static str,
    pub reason: Option<&'static str>,
    pub range: Option<(Option<String>, Option<String>)>,
    pub anchor: Option<String>,
    pub note: Option<String>,
    pub conflict: bool,
    pub point: Option<Point>,
}

const NO_DCT: &str = "no publication date";

/// Solar Hijri month names as Afghan reporting writes them.
const SOLAR_MONTHS: [&str; 12] = [
    "Hamal", "Sawr", "Jawza", "Saratan", "Asad", "Sonbola", "Mizan", "Aqrab", "Qaws", "Jadi",
    "Dalw", "Hut",
];

impl Resolved {
    fn point(ty: &'static str, p: Point) -> Resolved {
        Resolved {
            ty,
            value: p.value(),
            granularity: p.granularity(),
            status: "exact",
            reason: None,
            range: None,
            anchor: None,
            note: None,
            conflict: false,
            point: Some(p),
        }
    }

    fn plain(ty: &'static str, value: String, granularity: &'static str) -> Resolved {
        Resolved {
            ty,
            value,
            granularity,
            status: "exact",
            reason: None,
            range: None,
            anchor: None,
            note: None,
            conflict: false,
            point: None,
        }
    }

    fn unresolved(value: String, granularity: &'static str, reason: &'static str) -> Resolved {
        Resolved {
            status: "unresolved",
            reason: Some(reason),
            ..Resolved::plain("DATE", value, granularity)
        }
    }
}

/// Resolves one meaning.
pub(crate) fn resolve(sem: &Sem, ctx: &Ctx, tense: Tense) -> Resolved {
    match sem {
        Sem::Point(p) => Resolved::point("DATE", *p),
        Sem::Date {
            year,
            month,
            day,
            weekday,
        } => resolve_day(ctx, *year, *month, *day, *weekday, tense, None),
        Sem::Holiday(h) => {
            let (m, d) = match h {
                Holiday::Fixed(m, d) => (*m, *d),
                Holiday::Thanksgiving => (11, 0),
            };
            resolve_day(ctx, None, m, d, None, tense, Some(*h))
        }
        Sem::DayRange {
            year,
            month,
            d1,
            d2,
        } => {
            let mut r = resolve_day(ctx, *year, *month, *d1, None, tense, None);
            if let Some(Point::Day(a)) = r.point {
                if let Some(b) = NaiveDate::from_ymd_opt(a.year(), *month, *d2) {
                    r.status = "range";
                    r.range = Some((Some(iso(a)), Some(iso(b))));
                }
            }
            r
        }
        Sem::YearRange(a, b) => {
            let mut r = Resolved::point("DATE", Point::Year(*a));
            r.status = "range";
            r.range = Some((Some(format!("{a:04}")), Some(format!("{b:04}"))));
            r
        }
        Sem::Month { year, month } => {
            let m = *month;
            match (year, ctx.dct) {
                (YearSel::Abs(y), _) => Resolved::point("DATE", Point::Month(*y, m)),
                (YearSel::Rel(n), Some(dct)) => {
                    Resolved::point("DATE", Point::Month(dct.year() + *n as i32, m))
                }
                (YearSel::Ctx, Some(dct)) => {
                    Resolved::point("DATE", Point::Month(month_year(dct, m, tense), m))
                }
                (_, None) => Resolved::unresolved(format!("XXXX-{m:02}"), "month", NO_DCT),
            }
        }
        Sem::RelMonth { month, sel } => {
            let m = *month;
            let Some(dct) = ctx.dct else {
                return Resolved::unresolved(format!("XXXX-{m:02}"), "month", NO_DCT);
            };
            let y = dct.year();
            let year = match sel {
                // "last February" in March is a year back: the month just gone is
                // "last month".
                Sel::Last => {
                    if m + 1 < dct.month() {
                        y
                    } else {
                        y - 1
                    }
                }
                Sel::Next => {
                    if m > dct.month() {
                        y
                    } else {
                        y + 1
                    }
                }
                Sel::This => y,
                Sel::Plain => month_year(dct, m, tense),
            };
            Resolved::point("DATE", Point::Month(year, m))
        }
        Sem::Season { season, sel, year } => {
            if let Some(y) = year {
                return Resolved::point("DATE", Point::Season(*y, *season));
            }
            let Some(dct) = ctx.dct else {
                return Resolved::unresolved(format!("XXXX-{}", season.code()), "season", NO_DCT);
            };
            Resolved::point("DATE", season_point(dct, *season, *sel, tense))
        }
        Sem::Weekday { wd, sel } => match ctx.dct {
            Some(dct) => {
                if let (Some(f), Sel::Plain) = (ctx.focus, sel) {
                    // the day of that name nearest the reference time
                    let off = (i64::from(*wd) - i64::from(weekday_num(f))).rem_euclid(7);
                    let off = if off > 3 { off - 7 } else { off };
                    if let Some(d) = f.checked_add_signed(chrono::Duration::days(off)) {
                        if d <= dct {
                            return Resolved::point("DATE", Point::Day(d));
                        }
                    }
                }
                Resolved::point("DATE", Point::Day(weekday_date(dct, *wd, *sel, tense)))
            }
            None => Resolved::unresolved(format!("XXXX-WXX-{wd}"), "day", NO_DCT),
        },
        Sem::Shift { unit, n, base } => resolve_shift(ctx, *unit, *n, *base),
        Sem::That(unit) => resolve_that(ctx, *unit),
        Sem::RefWeekday { wd, forward } => {
            let Some(base) = ctx.ref_day.or(ctx.dct) else {
                return Resolved::unresolved(format!("XXXX-WXX-{wd}"), "day", NO_DCT);
            };
            let cur = i64::from(weekday_num(base));
            let w = i64::from(*wd);
            let gap = if *forward {
                (w - cur).rem_euclid(7)
            } else {
                (cur - w).rem_euclid(7)
            };
            let gap = if gap == 0 { 7 } else { gap };
            let days = if *forward { gap } else { -gap };
            match base.checked_add_signed(chrono::Duration::days(days)) {
                Some(d) => Resolved::point("DATE", Point::Day(d)),
                None => Resolved::unresolved(format!("XXXX-WXX-{wd}"), "day", "out of range"),
            }
        }
        Sem::Quarter { q, year } => quarter_like(ctx, *year, tense, *q, 4),
        Sem::Half { h, year } => quarter_like(ctx, *year, tense, *h, 2),
        Sem::RefQuarter | Sem::LatestQuarter => {
            if let (Some((y, q)), Sem::RefQuarter) = (ctx.ref_quarter, sem) {
                return Resolved::point("DATE", Point::Quarter(y, q));
            }
            match ctx.dct {
                Some(dct) => match Point::of(Unit::Quarter, dct).shift(-1) {
                    Some(p) => Resolved::point("DATE", p),
                    None => Resolved::unresolved("XXXX-QX".into(), "quarter", "out of range"),
                },
                None => Resolved::unresolved("XXXX-QX".into(), "quarter", NO_DCT),
            }
        }
        Sem::YearAgo => {
            if let Some((y, q)) = ctx.ref_quarter {
                return Resolved::point("DATE", Point::Quarter(y - 1, q));
            }
            match ctx.dct {
                Some(dct) => Resolved::point("DATE", Point::Year(dct.year() - 1)),
                None => Resolved::unresolved("XXXX".into(), "year", NO_DCT),
            }
        }
        Sem::Weekend(sel) => match ctx.dct {
            Some(dct) => {
                let wd = weekday_num(dct);
                let forward = match sel {
                    Sel::Next => true,
                    Sel::Last => false,
                    Sel::This => wd < 6,
                    Sel::Plain => tense == Tense::Future,
                };
                let base = Point::of(Unit::Week, dct);
                let week = if forward {
                    if *sel == Sel::Next && wd >= 6 {
                        base.shift(1)
                    } else {
                        Some(base)
                    }
                } else if wd >= 6 && *sel != Sel::Last {
                    Some(base)
                } else {
                    base.shift(-1)
                };
                match week {
                    Some(Point::Week(y, w)) => Resolved::point("DATE", Point::Weekend(y, w)),
                    _ => Resolved::unresolved("XXXX-WXX-WE".into(), "week", "out of range"),
                }
            }
            None => Resolved::unresolved("XXXX-WXX-WE".into(), "week", NO_DCT),
        },
        Sem::Ref(r) => Resolved {
            status: "approximate",
            ..Resolved::plain("DATE", (*r).to_string(), "fuzzy")
        },
        Sem::Duration { value, range } => {
            let mut r = Resolved::plain("DURATION", value.clone(), "duration");
            if let Some((unit, n, forward)) = range {
                match ctx.dct {
                    Some(dct) => {
                        let other = add_units(dct, *unit, if *forward { *n } else { -n });
                        if let Some(o) = other {
                            let (a, b) = if *forward { (dct, o) } else { (o, dct) };
                            r.status = "range";
                            r.range = Some((Some(range_end(a, *unit)), Some(range_end(b, *unit))));
                        }
                    }
                    None => {
                        r.status = "unresolved";
                        r.reason = Some(NO_DCT);
                    }
                }
            }
            r
        }
        Sem::Set(v) => Resolved::plain("SET", v.clone(), "set"),
        Sem::Time { day, tod } => {
            let day_res = match day {
                Some(d) => resolve(d, ctx, tense),
                None => resolve_shift(ctx, Unit::Day, 0, Base::Dct),
            };
            let t = match tod {
                Tod::Clock(h, m) => format!("T{h:02}:{m:02}"),
                Tod::Part(p) => format!("T{}", p.code()),
            };
            let mut r = Resolved::plain("TIME", String::new(), "time");
            match day_res.point {
                Some(Point::Day(d)) => {
                    r.value = format!("{}{t}", iso(d));
                    r.conflict = day_res.conflict;
                    r.note = day_res.note;
                }
                _ => {
                    let base = if day_res.status == "unresolved"
                        && day_res.value.len() == 10
                        && !day_res.value.contains('W')
                    {
                        day_res.value
                    } else {
                        "XXXX-XX-XX".to_string()
                    };
                    r.value = format!("{base}{t}");
                    r.status = "unresolved";
                    r.reason = day_res.reason.or(Some(NO_DCT));
                }
            }
            r
        }
        Sem::DayShift { day, n } => {
            let r = resolve(day, ctx, tense);
            match r.point {
                Some(p @ Point::Day(_)) => match p.shift(*n) {
                    Some(q) => Resolved::point("DATE", q),
                    None => r,
                },
                _ => r,
            }
        }
        Sem::SolarHijri { year, month, day } => {
            let label = match (month, day) {
                (Some(m), Some(d)) => format!("{d} {} {year} SH", SOLAR_MONTHS[*m as usize - 1]),
                (Some(m), None) => format!("{} {year} SH", SOLAR_MONTHS[*m as usize - 1]),
                _ => format!("{year} SH"),
            };
            let Some((a, b)) = solar_hijri_bounds(*year, *month) else {
                return Resolved::unresolved("XXXX".into(), "year", "out of range");
            };
            if let Some(d) = day {
                let Some(x) = a.checked_add_signed(chrono::Duration::days(i64::from(*d) - 1))
                else {
                    return Resolved::unresolved("XXXX".into(), "day", "out of range");
                };
                if x > b {
                    return Resolved::unresolved("XXXX-XX-XX".into(), "day", "no such day");
                }
                let mut r = Resolved::point("DATE", Point::Day(x));
                r.note = Some(format!("{label} (solar hijri)"));
                return r;
            }
            // Named by the Gregorian year or month holding the period's middle day; the
            // exact Gregorian days are in `from`/`to`.
            let mid = a + (b - a) / 2;
            let p = if month.is_some() {
                Point::Month(mid.year(), mid.month())
            } else {
                Point::Year(mid.year())
            };
            let mut r = Resolved::point("DATE", p);
            r.status = "range";
            r.range = Some((Some(iso(a)), Some(iso(b))));
            r.note = Some(format!("{label} (solar hijri)"));
            r
        }
        Sem::PastYear => {
            let Some(dct) = ctx.dct else {
                return Resolved::unresolved("XXXX".into(), "year", NO_DCT);
            };
            // Named by the year it mostly means: in December the year now ending
            // ("over the past year" in a year-end report is that year), else the
            // year before, as TimeBank annotates it.
            let y = if dct.month() == 12 {
                dct.year()
            } else {
                dct.year() - 1
            };
            let mut r = Resolved::point("DATE", Point::Year(y));
            if let Some(from) = add_units(dct, Unit::Year, -1) {
                r.status = "range";
                r.range = Some((
                    Some(range_end(from, Unit::Year)),
                    Some(range_end(dct, Unit::Year)),
                ));
            }
            r
        }
        Sem::WeekOf(day) => {
            let r = resolve(day, ctx, tense);
            match r.point {
                Some(Point::Day(d)) => Resolved::point("DATE", Point::of(Unit::Week, d)),
                _ => Resolved {
                    value: "XXXX-WXX".into(),
                    granularity: "week",
                    ..r
                },
            }
        }
        Sem::Anchor { id, date, since } => {
            let mut r = Resolved::point("DATE", Point::Day(*date));
            r.status = "range";
            r.range = Some(if *since {
                (Some(iso(*date)), None)
            } else {
                (None, Some(iso(*date)))
            });
            r.anchor = Some(id.clone());
            r
        }
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A range end written at the precision of the unit: months for years, days for weeks.
fn range_end(d: NaiveDate, unit: Unit) -> String {
    match unit {
        Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century => {
            d.format("%Y-%m").to_string()
        }
        _ => iso(d),
    }
}

/// The year of a month named without one.
///
/// The nearer occurrence wins unless the tense points the other way and the nearer one
/// is two months or more off: "In February, he claimed" written in December is the
/// February gone, "heard in May" written in March (with no clear cue) the May to come.
fn month_year(dct: NaiveDate, m: u32, tense: Tense) -> i32 {
    let (y, cm) = (dct.year(), dct.month());
    let back = (cm + 12 - m) % 12;
    let ahead = (m + 12 - cm) % 12;
    let past_year = if m <= cm { y } else { y - 1 };
    let future_year = if m >= cm { y } else { y + 1 };
    let nearer_is_past = back <= ahead;
    match tense {
        Tense::Past if !nearer_is_past && ahead >= 2 => past_year,
        Tense::Future if nearer_is_past && back >= 2 => future_year,
        _ if nearer_is_past => past_year,
        _ => future_year,
    }
}

fn holiday_day(h: Option<Holiday>, y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    match h {
        Some(Holiday::Thanksgiving) => {
            NaiveDate::from_weekday_of_month_opt(y, 11, chrono::Weekday::Thu, 4)
        }
        _ => NaiveDate::from_ymd_opt(y, m, d),
    }
}

fn resolve_day(
    ctx: &Ctx,
    year: Option<i32>,
    m: u32,
    d: u32,
    wd: Option<u32>,
    tense: Tense,
    holiday: Option<Holiday>,
) -> Resolved {
    let date = match (year, ctx.dct) {
        (Some(y), _) => match holiday_day(holiday, y, m, d) {
            Some(x) => x,
            None => {
                return Resolved::unresolved(format!("{y:04}-{m:02}-{d:02}"), "day", "no such day")
            }
        },
        (None, Some(dct)) => {
            let cands: Vec<NaiveDate> = (dct.year() - 1..=dct.year() + 1)
                .filter_map(|y| holiday_day(holiday, y, m, d))
                .collect();
            let dist = |c: &NaiveDate| (*c - dct).num_days().abs();
            // The nearest such day, unless the clause's tense points the other way and
            // the nearest lies more than a season off in the wrong direction.
            let nearest = cands.iter().min_by_key(|c| (dist(c), **c > dct));
            let past = cands.iter().rev().find(|c| **c <= dct);
            let future = cands.iter().find(|c| **c >= dct);
            let slack: i64 = 90;
            let by_tense = match (tense, nearest) {
                (Tense::Past, Some(n)) if *n > dct && dist(n) > slack => past.or(Some(n)),
                (Tense::Future, Some(n)) if *n < dct && dist(n) > slack => future.or(Some(n)),
                _ => nearest,
            };
            let Some(&mut_pick) = by_tense else {
                return Resolved::unresolved(format!("XXXX-{m:02}-{d:02}"), "day", "no such day");
            };
            let mut pick = mut_pick;
            if let Some(w) = wd {
                if weekday_num(pick) != w {
                    if let Some(c) = cands
                        .iter()
                        .filter(|c| weekday_num(**c) == w && dist(c) <= 120)
                        .min_by_key(|c| dist(c))
                    {
                        pick = *c;
                    }
                }
            }
            pick
        }
        (None, None) => {
            let v = match holiday {
                Some(Holiday::Thanksgiving) => "XXXX-11-XX".to_string(),
                _ => format!("XXXX-{m:02}-{d:02}"),
            };
            return Resolved::unresolved(v, "day", NO_DCT);
        }
    };
    let mut r = Resolved::point("DATE", Point::Day(date));
    if let Some(w) = wd {
        let actual = weekday_num(date);
        if actual != w {
            r.conflict = true;
            r.note = Some(format!(
                "{} is a {}, not a {}",
                date.format("%B %-d, %Y"),
                weekday_name(actual),
                weekday_name(w)
            ));
        }
    }
    r
}

/// The date a weekday names.
fn weekday_date(dct: NaiveDate, wd: u32, sel: Sel, tense: Tense) -> NaiveDate {
    let cur = weekday_num(dct) as i64;
    let w = i64::from(wd);
    let back = (cur - w).rem_euclid(7); // 0..6 days back to the latest such day
    let ahead = (w - cur).rem_euclid(7);
    let days = match sel {
        Sel::Last => -(if back == 0 { 7 } else { back }),
        Sel::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Sel::This => w - cur,
        Sel::Plain => {
            if back == 0 {
                0
            } else if tense == Tense::Future || tense == Tense::Nearest && ahead < back {
                ahead
            } else {
                -back
            }
        }
    };
    dct.checked_add_signed(chrono::Duration::days(days))
        .unwrap_or(dct)
}

fn season_of(d: NaiveDate) -> (i32, Season) {
    let s = Season::of_month(d.month());
    let y = if d.month() <= 2 {
        d.year() - 1
    } else {
        d.year()
    };
    (y, s)
}

fn season_point(dct: NaiveDate, s: Season, sel: Sel, tense: Tense) -> Point {
    let (cy, cs) = season_of(dct);
    let cur = Point::Season(cy, cs);
    let step = |dir: i64| -> Point {
        let mut p = cur;
        for _ in 0..4 {
            match p.shift(dir) {
                Some(n) => p = n,
                None => break,
            }
            if let Point::Season(_, x) = p {
                if x == s {
                    return p;
                }
            }
        }
        Point::Season(cy, s)
    };
    match sel {
        Sel::Last => step(-1),
        Sel::Next => step(1),
        Sel::This => Point::Season(dct.year(), s),
        Sel::Plain => {
            if cs == s {
                cur
            } else if tense == Tense::Future {
                step(1)
            } else {
                Point::Season(dct.year(), s)
            }
        }
    }
}

fn resolve_shift(ctx: &Ctx, unit: Unit, n: i64, base: Base) -> Resolved {
    if unit == Unit::Year && n != 0 && base != Base::Dct {
        if let Some((y, q)) = ctx.ref_quarter {
            return Resolved::point("DATE", Point::Quarter(y + n as i32, q));
        }
    }
    let base = if base == Base::Ref {
        // counted from the last point the story named at the unit's precision: "the
        // following month" after "in March" is April
        let named = match unit {
            Unit::Month | Unit::Quarter => ctx
                .ref_month
                .and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1)),
            Unit::Year | Unit::Decade | Unit::Century => {
                ctx.ref_year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            }
            Unit::Week | Unit::Fortnight => ctx.ref_week,
            _ => None,
        };
        named.or(ctx.ref_day).or(ctx.dct)
    } else {
        ctx.dct
    };
    let Some(base) = base else {
        let (v, g) = match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => ("XXXX-XX-XX", "day"),
            Unit::Week | Unit::Fortnight => ("XXXX-WXX", "week"),
            Unit::Month => ("XXXX-XX", "month"),
            Unit::Quarter => ("XXXX-QX", "quarter"),
            Unit::Year => ("XXXX", "year"),
            Unit::Decade => ("XXX", "decade"),
            Unit::Century => ("XX", "century"),
        };
        return Resolved::unresolved(v.into(), g, NO_DCT);
    };
    let (unit, n) = match unit {
        Unit::Fortnight => (Unit::Week, n * 2),
        u => (u, n),
    };
    match Point::of(unit, base).shift(n) {
        Some(p) => Resolved::point("DATE", p),
        None => Resolved::unresolved("XXXX".into(), "year", "out of range"),
    }
}

/// "that day", "the same week", "that year": the period of `unit` holding the last point
/// the story named. After a coarser point named in the same paragraph ("last October
/// … that same day") it is a day (week, month) somewhere in that period; with no point
/// to go back to it is left unresolved with the reason "no reference time" (and the
/// tagger drops it: "you get strong redemptions that day" is generic).
fn resolve_that(ctx: &Ctx, unit: Unit) -> Resolved {
    const NO_REF: &str = "no reference time";
    let Some(named) = ctx.ref_unit else {
        return Resolved::unresolved("XXXX-XX-XX".into(), "day", NO_REF);
    };
    let exact = match unit {
        Unit::Day => ctx.ref_day.filter(|_| named == Unit::Day).map(Point::Day),
        Unit::Week => ctx
            .ref_week
            .filter(|_| matches!(named, Unit::Day | Unit::Week))
            .map(|d| Point::of(Unit::Week, d)),
        Unit::Month => ctx
            .ref_month
            .filter(|_| matches!(named, Unit::Day | Unit::Month))
            .map(|(y, m)| Point::Month(y, m)),
        _ => ctx.ref_year.map(Point::Year),
    };
    if let Some(p) = exact {
        return Resolved::point("DATE", p);
    }
    let coarse = match (unit, named, ctx.ref_month, ctx.ref_year) {
        _ if ctx.ref_para != ctx.para => None,
        (Unit::Day, Unit::Month, Some((y, m)), _) => Some((format!("{y:04}-{m:02}-XX"), "day")),
        (Unit::Day, Unit::Year, _, Some(y)) => Some((format!("{y:04}-XX-XX"), "day")),
        (Unit::Week, Unit::Month | Unit::Year, _, Some(y)) => Some((format!("{y:04}-WXX"), "week")),
        (Unit::Month, Unit::Year, _, Some(y)) => Some((format!("{y:04}-XX"), "month")),
        _ => None,
    };
    match coarse {
        Some((v, g)) => Resolved {
            status: "approximate",
            ..Resolved::plain("DATE", v, g)
        },
        None => Resolved::unresolved("XXXX-XX-XX".into(), "day", NO_REF),
    }
}

fn quarter_like(ctx: &Ctx, year: YearSel, tense: Tense, k: u32, per_year: u32) -> Resolved {
    let make = |y: i32| {
        if per_year == 4 {
            Point::Quarter(y, k)
        } else {
            Point::Half(y, k)
        }
    };
    match (year, ctx.dct) {
        (YearSel::Abs(y), _) => Resolved::point("DATE", make(y)),
        (YearSel::Rel(n), Some(dct)) => Resolved::point("DATE", make(dct.year() + n as i32)),
        (YearSel::Ctx, Some(dct)) => {
            let cur = if per_year == 4 {
                (dct.month() - 1) / 3 + 1
            } else {
                (dct.month() - 1) / 6 + 1
            };
            let y = if k > cur && tense != Tense::Future {
                dct.year() - 1
            } else {
                dct.year()
            };
            Resolved::point("DATE", make(y))
        }
        (_, None) => {
            let v = if per_year == 4 {
                format!("XXXX-Q{k}")
            } else {
                format!("XXXX-H{k}")
            };
            Resolved::unresolved(v, "quarter", NO_DCT)
        }
    }
}
