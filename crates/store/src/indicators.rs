//! Security-indicator time series: how often each indicator is raised per day, week or
//! month, overall or per country, province or border segment — the query, the result
//! and its CSV form, shared by the CLI and the API.

use crate::geo::PlaceFilter;
use crate::model::clamp_limit;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// The length of a period of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Day,
    /// ISO weeks: a period is named by its Monday.
    #[default]
    Week,
    /// A period is named by its first day (`2024-03-01`).
    Month,
}

impl Interval {
    pub fn as_str(self) -> &'static str {
        match self {
            Interval::Day => "day",
            Interval::Week => "week",
            Interval::Month => "month",
        }
    }

    /// The first day of the period holding `day`.
    pub fn period_of(self, day: NaiveDate) -> NaiveDate {
        match self {
            Interval::Day => day,
            Interval::Week => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
            Interval::Month => day.with_day(1).unwrap_or(day),
        }
    }

    /// The first day of the period after the one starting on `period`.
    pub fn next(self, period: NaiveDate) -> Option<NaiveDate> {
        match self {
            Interval::Day => period.succ_opt(),
            Interval::Week => period.checked_add_signed(Duration::days(7)),
            Interval::Month => period.checked_add_months(chrono::Months::new(1)),
        }
    }
}

impl FromStr for Interval {
    type Err = String;
    fn from_str(s: &str) -> Result<Interval, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" | "daily" => Ok(Interval::Day),
            "week" | "weekly" => Ok(Interval::Week),
            "month" | "monthly" => Ok(Interval::Month),
            other => Err(format!(
                "unknown interval {other:?}: expected day, week or month"
            )),
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the series are split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SeriesBy {
    /// One series per indicator.
    #[default]
    None,
    /// Per country of the indicator's place (alpha-3).
    Country,
    /// Per province: `AFG/Badakhshan`.
    Admin1,
    /// Per international border nearest to the indicator's place (`AFG-TJK`).
    Border,
}

impl SeriesBy {
    pub fn as_str(self) -> &'static str {
        match self {
            SeriesBy::None => "none",
            SeriesBy::Country => "country",
            SeriesBy::Admin1 => "admin1",
            SeriesBy::Border => "border",
        }
    }
}

impl FromStr for SeriesBy {
    type Err = String;
    fn from_str(s: &str) -> Result<SeriesBy, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "none" | "all" => Ok(SeriesBy::None),
            "country" => Ok(SeriesBy::Country),
            "admin1" | "province" => Ok(SeriesBy::Admin1),
            "border" => Ok(SeriesBy::Border),
            other => Err(format!(
                "unknown split {other:?}: expected none, country, admin1 or border"
            )),
        }
    }
}

impl fmt::Display for SeriesBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which indicator series to compute.
///
/// An indicator counts on its own date when the text gives a day; otherwise on its
/// report's publication date when that lies in the period the text gives ("in March"),
/// else on the first day of that period; undated indicators of undated reports do not
/// count.
#[derive(Debug, Clone, Default)]
pub struct SeriesQuery {
    pub interval: Interval,
    pub by: SeriesBy,
    /// Only this indicator (`terrorism`, `border_infiltration` …).
    pub indicator: Option<String>,
    /// `country`: the indicator's place is in that country. `border`, `km`: its place is
    /// within `km` of that border (of any border without `border`). `bbox`: its place's
    /// coordinate lies in the box. Indicators placed only by their report's main country
    /// have no coordinate and no border distance.
    pub place: PlaceFilter,
    /// First and last day counted (inclusive).
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// `Some(false)`: only the report's own voice; `Some(true)`: only indicators inside
    /// attributed claims.
    pub attributed: Option<bool>,
    /// At most this many series, the largest first (default 50, at most 1,000).
    pub limit: Option<usize>,
}

impl SeriesQuery {
    pub const DEFAULT_LIMIT: usize = 50;
    pub const MAX_LIMIT: usize = 1_000;
    /// The most periods a series may span (zero-filled): ten years of days.
    pub const MAX_PERIODS: usize = 3_660;

    pub fn effective_limit(&self) -> usize {
        clamp_limit(self.limit, Self::DEFAULT_LIMIT, Self::MAX_LIMIT)
    }
}

/// One period of a series.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SeriesPoint {
    /// The period's first day.
    pub period: NaiveDate,
    /// Sentences raising the indicator.
    pub mentions: u64,
    /// Distinct reports raising it.
    pub reports: u64,
}

/// One indicator's counts for one key (country, province, border, or none).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Series {
    pub indicator: String,
    /// The country code, `AFG/Badakhshan`, or the border pair; `None` for the overall
    /// series and for indicators whose place is not known at that level.
    pub key: Option<String>,
    pub mentions: u64,
    pub reports: u64,
    /// Every period from the first to the last with counts, zero-filled.
    pub points: Vec<SeriesPoint>,
}

/// The answer to a [`SeriesQuery`].
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct IndicatorSeries {
    pub interval: Interval,
    pub by: SeriesBy,
    /// The first and last periods over all series (`None` when there is nothing).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub series: Vec<Series>,
    /// Whether more series matched than `limit` let through.
    pub truncated: bool,
}

/// The CSV header of [`series_csv`].
pub const SERIES_CSV_COLUMNS: [&str; 6] = [
    "indicator",
    "key",
    "interval",
    "period",
    "mentions",
    "reports",
];

/// The series as CSV, one row per series and period.
pub fn series_csv(s: &IndicatorSeries) -> String {
    let mut out = SERIES_CSV_COLUMNS.join(",");
    out.push('\n');
    for series in &s.series {
        for p in &series.points {
            out.push_str(&format!(
                "{},{},{},{},{},{}\n",
                csv_field(&series.indicator),
                csv_field(series.key.as_deref().unwrap_or("")),
                s.interval,
                p.period,
                p.mentions,
                p.reports
            ));
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Zero-fills a series' points between `from` and `to` (period starts), capped at
/// [`SeriesQuery::MAX_PERIODS`] periods ending at `to`.
pub(crate) fn zero_fill(
    interval: Interval,
    points: &[SeriesPoint],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<SeriesPoint> {
    let mut periods: Vec<NaiveDate> = Vec::new();
    let mut p = from;
    while p <= to {
        periods.push(p);
        match interval.next(p) {
            Some(n) => p = n,
            None => break,
        }
    }
    if periods.len() > SeriesQuery::MAX_PERIODS {
        periods.drain(..periods.len() - SeriesQuery::MAX_PERIODS);
    }
    let mut it = points.iter().peekable();
    let mut out = Vec::with_capacity(periods.len());
    for period in periods {
        while it.peek().is_some_and(|q| q.period < period) {
            it.next();
        }
        match it.peek() {
            Some(q) if q.period == period => out.push((*q).clone()),
            _ => out.push(SeriesPoint {
                period,
                mentions: 0,
                reports: 0,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods_start_on_mondays_and_first_days() {
        // 2024-03-03 is a Sunday, 2024-03-04 a Monday
        assert_eq!(Interval::Week.period_of(d("2024-03-03")), d("2024-02-26"));
        assert_eq!(Interval::Week.period_of(d("2024-03-04")), d("2024-03-04"));
        assert_eq!(Interval::Month.period_of(d("2024-02-29")), d("2024-02-01"));
        assert_eq!(Interval::Day.period_of(d("2024-02-29")), d("2024-02-29"));
        assert_eq!(Interval::Month.next(d("2024-01-01")), Some(d("2024-02-01")));
        assert!("fortnight".parse::<Interval>().is_err());
        assert_eq!("Weekly".parse::<Interval>(), Ok(Interval::Week));
        assert_eq!("province".parse::<SeriesBy>(), Ok(SeriesBy::Admin1));
        assert!("planet".parse::<SeriesBy>().is_err());
    }

    #[test]
    fn gaps_are_zero_and_long_spans_are_capped() {
        let pts = vec![
            SeriesPoint {
                period: d("2024-01-01"),
                mentions: 2,
                reports: 1,
            },
            SeriesPoint {
                period: d("2024-03-01"),
                mentions: 1,
                reports: 1,
            },
        ];
        let f = zero_fill(Interval::Month, &pts, d("2024-01-01"), d("2024-03-01"));
        assert_eq!(
            f.iter().map(|p| p.mentions).collect::<Vec<_>>(),
            vec![2, 0, 1]
        );
        let f = zero_fill(Interval::Day, &pts, d("2000-01-01"), d("2024-03-01"));
        assert_eq!(f.len(), SeriesQuery::MAX_PERIODS);
        assert_eq!(f.last().map(|p| p.mentions), Some(1));
    }

    #[test]
    fn csv_has_one_row_per_period() {
        let s = IndicatorSeries {
            interval: Interval::Week,
            by: SeriesBy::Border,
            from: Some(d("2024-02-26")),
            to: Some(d("2024-02-26")),
            series: vec![Series {
                indicator: "terrorism".into(),
                key: Some("AFG-TJK".into()),
                mentions: 3,
                reports: 2,
                points: vec![SeriesPoint {
                    period: d("2024-02-26"),
                    mentions: 3,
                    reports: 2,
                }],
            }],
            truncated: false,
        };
        assert_eq!(
            series_csv(&s),
            "indicator,key,interval,period,mentions,reports\nterrorism,AFG-TJK,week,2024-02-26,3,2\n"
        );
    }
}
