//! Calendar points of every TIMEX3 granularity: their normalised values, their first and
//! last days, and shifts by whole units.

use super::lexicon::{Season, Unit};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A resolved calendar point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    Day(NaiveDate),
    /// ISO week-numbering year and week.
    Week(i32, u32),
    /// The weekend of an ISO week.
    Weekend(i32, u32),
    Month(i32, u32),
    Season(i32, Season),
    Quarter(i32, u32),
    Half(i32, u32),
    Year(i32),
    /// A decade by its first three digits: 199 for the 1990s.
    Decade(i32),
    /// A century by its first two digits: 19 for the 1900s.
    Century(i32),
}

impl Point {
    /// The TIMEX3 value.
    pub(crate) fn value(&self) -> String {
        match *self {
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Season(y, s) => format!("{y:04}-{}", s.code()),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    /// The granularity name used in the attrs.
    pub(crate) fn granularity(&self) -> &'static str {
        match self {
            Point::Day(_) => "day",
            Point::Week(..) | Point::Weekend(..) => "week",
            Point::Month(..) => "month",
            Point::Season(..) => "season",
            Point::Quarter(..) | Point::Half(..) => "quarter",
            Point::Year(_) => "year",
            Point::Decade(_) => "decade",
            Point::Century(_) => "century",
        }
    }

    /// First and last day covered.
    pub(crate) fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        let ymd = NaiveDate::from_ymd_opt;
        Some(match *self {
            Point::Day(d) => (d, d),
            Point::Week(y, w) => {
                let a = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                (a, a + Duration::days(6))
            }
            Point::Weekend(y, w) => {
                let a = NaiveDate::from_isoywd_opt(y, w, Weekday::Sat)?;
                (a, a + Duration::days(1))
            }
            Point::Month(y, m) => (ymd(y, m, 1)?, last_of_month(y, m)?),
            Point::Season(y, s) => match s {
                Season::Spring => (ymd(y, 3, 1)?, ymd(y, 5, 31)?),
                Season::Summer => (ymd(y, 6, 1)?, ymd(y, 8, 31)?),
                Season::Fall => (ymd(y, 9, 1)?, ymd(y, 11, 30)?),
                Season::Winter => (ymd(y, 12, 1)?, last_of_month(y.checked_add(1)?, 2)?),
            },
            Point::Quarter(y, q) => {
                let m = (q.clamp(1, 4) - 1) * 3 + 1;
                (ymd(y, m, 1)?, last_of_month(y, m + 2)?)
            }
            Point::Half(y, h) => {
                if h <= 1 {
                    (ymd(y, 1, 1)?, ymd(y, 6, 30)?)
                } else {
                    (ymd(y, 7, 1)?, ymd(y, 12, 31)?)
                }
            }
            Point::Year(y) => (ymd(y, 1, 1)?, ymd(y, 12, 31)?),
            Point::Decade(d) => {
                let y = d.checked_mul(10)?;
                (ymd(y, 1, 1)?, ymd(y.checked_add(9)?, 12, 31)?)
            }
            Point::Century(c) => {
                let y = c.checked_mul(100)?;
                (ymd(y, 1, 1)?, ymd(y.checked_add(99)?, 12, 31)?)
            }
        })
    }

    /// The point of granularity `unit` holding `d`.
    pub(crate) fn of(unit: Unit, d: NaiveDate) -> Point {
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(d),
            Unit::Week | Unit::Fortnight => {
                let w = d.iso_week();
                Point::Week(w.year(), w.week())
            }
            Unit::Month => Point::Month(d.year(), d.month()),
            Unit::Quarter => Point::Quarter(d.year(), (d.month() - 1) / 3 + 1),
            Unit::Year => Point::Year(d.year()),
            Unit::Decade => Point::Decade(d.year().div_euclid(10)),
            Unit::Century => Point::Century(d.year().div_euclid(100)),
        }
    }

    /// This point moved by `n` of its own units (`None` past the calendar's range).
    pub(crate) fn shift(&self, n: i64) -> Option<Point> {
        let n32 = i32::try_from(n).ok()?;
        Some(match *self {
            Point::Day(d) => Point::Day(d.checked_add_signed(Duration::try_days(n)?)?),
            Point::Week(y, w) => {
                let a = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                let b = a.checked_add_signed(Duration::try_weeks(n)?)?;
                let iw = b.iso_week();
                Point::Week(iw.year(), iw.week())
            }
            Point::Weekend(y, w) => match (Point::Week(y, w)).shift(n)? {
                Point::Week(y, w) => Point::Weekend(y, w),
                p => p,
            },
            Point::Month(y, m) => {
                let k = y
                    .checked_mul(12)?
                    .checked_add(m as i32 - 1)?
                    .checked_add(n32)?;
                Point::Month(k.div_euclid(12), (k.rem_euclid(12) + 1) as u32)
            }
            Point::Season(y, s) => {
                let k = y
                    .checked_mul(4)?
                    .checked_add(s.index() as i32)?
                    .checked_add(n32)?;
                let s = match k.rem_euclid(4) {
                    0 => Season::Spring,
                    1 => Season::Summer,
                    2 => Season::Fall,
                    _ => Season::Winter,
                };
                Point::Season(k.div_euclid(4), s)
            }
            Point::Quarter(y, q) => {
                let k = y
                    .checked_mul(4)?
                    .checked_add(q as i32 - 1)?
                    .checked_add(n32)?;
                Point::Quarter(k.div_euclid(4), (k.rem_euclid(4) + 1) as u32)
            }
            Point::Half(y, h) => {
                let k = y
                    .checked_mul(2)?
                    .checked_add(h as i32 - 1)?
                    .checked_add(n32)?;
                Point::Half(k.div_euclid(2), (k.rem_euclid(2) + 1) as u32)
            }
            Point::Year(y) => Point::Year(y.checked_add(n32)?),
            Point::Decade(d) => Point::Decade(d.checked_add(n32)?),
            Point::Century(c) => Point::Century(c.checked_add(n32)?),
        })
    }
}

/// The last day of a month.
pub(crate) fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m >= 12 {
        (y.checked_add(1)?, 1)
    } else {
        (y, m + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// `d` moved by `n` units (calendar-aware for months and years).
pub(crate) fn add_units(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        let k32 = u32::try_from(k.unsigned_abs()).ok()?;
        if k >= 0 {
            d.checked_add_months(chrono::Months::new(k32))
        } else {
            d.checked_sub_months(chrono::Months::new(k32))
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => d.checked_add_signed(Duration::try_days(n)?),
        Unit::Week => d.checked_add_signed(Duration::try_weeks(n)?),
        Unit::Fortnight => d.checked_add_signed(Duration::try_weeks(n.checked_mul(2)?)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

/// Monday = 1 … Sunday = 7.
pub(crate) fn weekday_num(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

pub(crate) fn weekday_name(n: u32) -> &'static str {
    match n {
        1 => "Monday",
        2 => "Tuesday",
        3 => "Wednesday",
        4 => "Thursday",
        5 => "Friday",
        6 => "Saturday",
        _ => "Sunday",
    }
}

/// The Gregorian day on which Solar Hijri year `sy` begins (1 Hamal / Farvardin,
/// Nowruz), by the 33-year-cycle arithmetic of the Iranian and Afghan calendar
/// (Borkowski's breaks, as in jalaali-js); `None` outside 1..3177 SH.
pub(crate) fn solar_hijri_new_year(sy: i32) -> Option<NaiveDate> {
    const BREAKS: [i32; 20] = [
        -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
        2394, 2456, 3178,
    ];
    if sy < 1 || sy >= BREAKS[BREAKS.len() - 1] {
        return None;
    }
    let gy = sy + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &jm in &BREAKS[1..] {
        jump = jm - jp;
        if sy < jm {
            break;
        }
        leap_j += jump.div_euclid(33) * 8 + jump.rem_euclid(33).div_euclid(4);
        jp = jm;
    }
    let n = sy - jp;
    leap_j += n.div_euclid(33) * 8 + (n.rem_euclid(33) + 3).div_euclid(4);
    if jump.rem_euclid(33) == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy.div_euclid(4) - ((gy.div_euclid(100) + 1) * 3).div_euclid(4) - 150;
    let march = 20 + leap_j - leap_g;
    NaiveDate::from_ymd_opt(gy, 3, 1)?.checked_add_signed(Duration::try_days(i64::from(march - 1))?)
}

/// The Gregorian first and last day of a Solar Hijri year, or of one of its months
/// (1 = Hamal/Farvardin … 12 = Hut/Esfand: six months of 31 days, five of 30, then
/// the rest of the year).
pub(crate) fn solar_hijri_bounds(sy: i32, month: Option<u32>) -> Option<(NaiveDate, NaiveDate)> {
    let start = solar_hijri_new_year(sy)?;
    let next = solar_hijri_new_year(sy + 1)?;
    let Some(m) = month else {
        return Some((start, next.pred_opt()?));
    };
    if !(1..=12).contains(&m) {
        return None;
    }
    let before: i64 = (1..m).map(|k| if k <= 6 { 31 } else { 30 }).sum();
    let a = start.checked_add_signed(Duration::try_days(before)?)?;
    let b = if m == 12 {
        next.pred_opt()?
    } else {
        a.checked_add_signed(Duration::try_days(if m <= 6 { 30 } else { 29 })?)?
    };
    Some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn solar_hijri_years() {
        assert_eq!(solar_hijri_new_year(1402), Some(d(2023, 3, 21)));
        assert_eq!(solar_hijri_new_year(1403), Some(d(2024, 3, 20)));
        assert_eq!(solar_hijri_new_year(1399), Some(d(2020, 3, 20)));
        assert_eq!(solar_hijri_new_year(1400), Some(d(2021, 3, 21)));
        assert_eq!(
            solar_hijri_bounds(1402, None),
            Some((d(2023, 3, 21), d(2024, 3, 19)))
        );
        // Hamal 1402; Qaws (Azar) 1402; Hut (Esfand) 1402 runs to the year's end
        assert_eq!(
            solar_hijri_bounds(1402, Some(1)),
            Some((d(2023, 3, 21), d(2023, 4, 20)))
        );
        assert_eq!(
            solar_hijri_bounds(1402, Some(9)),
            Some((d(2023, 11, 22), d(2023, 12, 21)))
        );
        assert_eq!(
            solar_hijri_bounds(1402, Some(12)),
            Some((d(2024, 2, 20), d(2024, 3, 19)))
        );
        assert_eq!(solar_hijri_new_year(0), None);
    }

    #[test]
    fn values_and_shifts() {
        let dct = d(2023, 12, 20);
        assert_eq!(Point::of(Unit::Week, dct).value(), "2023-W51");
        assert_eq!(
            Point::of(Unit::Week, dct).shift(-1).unwrap().value(),
            "2023-W50"
        );
        assert_eq!(
            Point::of(Unit::Month, dct).shift(1).unwrap().value(),
            "2024-01"
        );
        assert_eq!(
            Point::of(Unit::Quarter, dct).shift(-4).unwrap().value(),
            "2022-Q4"
        );
        assert_eq!(Point::Decade(199).value(), "199");
        assert_eq!(Point::Century(19).value(), "19");
        assert_eq!(
            Point::Season(2023, Season::Winter)
                .shift(1)
                .unwrap()
                .value(),
            "2024-SP"
        );
        assert_eq!(Point::Month(2023, 2).bounds().unwrap().1, d(2023, 2, 28));
        assert_eq!(add_units(dct, Unit::Year, -2), Some(d(2021, 12, 20)));
    }
}
