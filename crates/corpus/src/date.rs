//! Calendar arithmetic on proleptic Gregorian dates, without dependencies.
//!
//! Days are counted from 1970-01-01 (day 0), with Howard Hinnant's `days_from_civil`
//! algorithms; that is all the generator needs to place events before a publication date
//! and to name their weekday and month.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    pub(crate) year: i32,
    /// 1..=12
    pub(crate) month: u32,
    /// 1..=31
    pub(crate) day: u32,
}

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Wire-style month abbreviations ("Jan.", "March", "Sept.").
pub(crate) const MONTHS_AP: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

pub(crate) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Date {
    /// The date `days` days after 1970-01-01.
    pub(crate) fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = if m <= 2 { y + 1 } else { y };
        Date {
            year: y as i32,
            month: m as u32,
            day: d as u32,
        }
    }

    /// Days since 1970-01-01.
    pub(crate) fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let m = i64::from(self.month);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// 0 = Monday … 6 = Sunday.
    pub(crate) fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday (index 3).
        (self.to_days() + 3).rem_euclid(7) as usize
    }

    pub(crate) fn weekday_name(self) -> &'static str {
        WEEKDAYS[self.weekday()]
    }

    pub(crate) fn month_name(self) -> &'static str {
        MONTHS[(self.month - 1) as usize]
    }

    pub(crate) fn add_days(self, n: i64) -> Self {
        Date::from_days(self.to_days() + n)
    }

    /// `YYYY-MM-DD`.
    pub(crate) fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_known_weekdays() {
        for d in -1000..30_000 {
            assert_eq!(Date::from_days(d).to_days(), d);
        }
        let d = Date {
            year: 2023,
            month: 12,
            day: 19,
        };
        assert_eq!(d.weekday_name(), "Tuesday");
        assert_eq!(d.iso(), "2023-12-19");
        let leap = Date {
            year: 2024,
            month: 2,
            day: 28,
        }
        .add_days(1);
        assert_eq!((leap.month, leap.day), (2, 29));
        assert_eq!(Date::from_days(0).weekday_name(), "Thursday");
    }
}
