//! Security indicators across reports: the spans of the `indicators` layer indexed by
//! indicator, the day they count on, and their place's country, province and nearest
//! border (table of migration 6), for [`crate::Store::indicator_series`].

use super::places::{place_at, push_located_conditions};
use super::SqliteStore;

use crate::indicators::{zero_fill, IndicatorSeries, Series, SeriesBy, SeriesPoint, SeriesQuery};
use crate::StoreError;
use chrono::NaiveDate;
use rusqlite::types::Value as Sql;
use rusqlite::{params, params_from_iter, Connection};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The layer whose spans are indicators.
pub(crate) const INDICATORS_LAYER: &str = "indicators";

/// An indicator span as stored, to be indexed.
pub(crate) struct StoredIndicator<'a> {
    pub sid: i64,
    pub report_rid: i64,
    /// The report's publication date (`YYYY-MM-DD`).
    pub published: Option<&'a str>,
    pub label: &'a str,
    pub attrs: &'a Value,
}

fn text(v: &Value) -> Option<String> {
    v.as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The first and last day of a TIMEX3 date value: `2024-03-03`, `2024-03`, `2024`,
/// `2024-W09`, `2024-Q1`, a season or part of a year (`2024-SU`, `2024-H1`: the year),
/// or a range `A..B`.
pub(crate) fn value_days(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some((a, b)) = value.split_once("..") {
        let (lo, _) = value_days(a)?;
        let (_, hi) = value_days(b)?;
        return (lo <= hi).then_some((lo, hi));
    }
    let v = value.trim();
    let year: i32 = v.get(..4)?.parse().ok()?;
    let rest = &v[4..];
    let year_span = || {
        Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        ))
    };
    if rest.is_empty() {
        return year_span();
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(d) = v
        .get(..10)
        .and_then(|x| NaiveDate::parse_from_str(x, "%Y-%m-%d").ok())
    {
        return Some((d, d));
    }
    if let Some(w) = rest.strip_prefix('W') {
        let week: u32 = w.get(..2)?.parse().ok()?;
        let lo = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
        return Some((lo, lo + chrono::Duration::days(6)));
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let q: u32 = q.get(..1)?.parse().ok()?;
        if !(1..=4).contains(&q) {
            return None;
        }
        let lo = NaiveDate::from_ymd_opt(year, 3 * q - 2, 1)?;
        let hi = lo.checked_add_months(chrono::Months::new(3))?.pred_opt()?;
        return Some((lo, hi));
    }
    if let Some(month) = rest.get(..2).and_then(|m| m.parse::<u32>().ok()) {
        let lo = NaiveDate::from_ymd_opt(year, month, 1)?;
        let hi = lo.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
        return Some((lo, hi));
    }
    year_span()
}

/// The day an indicator counts on: its own day; else its report's publication date
/// when that lies in the indicator's period; else the period's first day; else the
/// publication date.
pub(crate) fn count_day(date: &Value, published: Option<&str>) -> Option<String> {
    let published = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
    let days = text(&date["value"])
        .and_then(|v| value_days(&v))
        .or_else(|| {
            let lo = value_days(date["from"].as_str()?)?.0;
            let hi = value_days(date["to"].as_str()?)?.1;
            (lo <= hi).then_some((lo, hi))
        });
    let day = match days {
        Some((lo, hi)) if lo == hi => Some(lo),
        Some((lo, hi)) => match published {
            Some(p) if lo <= p && p <= hi => Some(p),
            _ => Some(lo),
        },
        None => published,
    };
    day.map(|d| d.to_string())
}

/// Writes the `indicators` row of one stored indicator span. The report's place
/// mentions must be indexed already (the places layer is stored first).
pub(crate) fn index_indicator(conn: &Connection, i: StoredIndicator<'_>) -> rusqlite::Result<()> {
    let a = i.attrs;
    let place = &a["place"];
    let upper = |v: &Value| text(v).map(|s| s.to_ascii_uppercase());
    let row = place_at(conn, i.report_rid, place)?;
    // A place with no places row (the report's main country) gives its country alone.
    let country = row.country.clone().or_else(|| upper(&place["country"]));
    let admin1 = if row.sid.is_some() {
        row.admin1.clone()
    } else {
        text(&place["admin1"])
    };
    conn.prepare_cached(
        "INSERT INTO indicators (sid, report_rid, indicator, day, date_value, place_sid,
                                 country, admin1, lat, lon, border_pair, border_km,
                                 \"from\", \"to\", attributed, with_event)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        i.sid,
        i.report_rid,
        i.label.trim().to_ascii_lowercase(),
        count_day(&a["date"], i.published),
        text(&a["date"]["value"]),
        row.sid,
        country,
        admin1,
        row.lat,
        row.lon,
        row.border_pair,
        row.border_km,
        upper(&a["direction"]["from"]),
        upper(&a["direction"]["to"]),
        a["claim"].is_object(),
        a["events"].as_array().is_some_and(|e| !e.is_empty()),
    ])?;
    Ok(())
}

/// Migration 6: indexes every stored indicator span.
pub(crate) fn backfill(conn: &Connection) -> rusqlite::Result<()> {
    super::each_stored_span(conn, INDICATORS_LAYER, |r| {
        index_indicator(
            conn,
            StoredIndicator {
                sid: r.sid,
                report_rid: r.report_rid,
                published: r.published.as_deref(),
                label: &r.label,
                attrs: &r.attrs,
            },
        )
    })
}

/// Appends the filters of `query` on the `indicators i` alias.
fn push_filters(query: &SeriesQuery, sql: &mut String, args: &mut Vec<Sql>) {
    if let Some(ind) = query.indicator.as_deref().map(str::trim) {
        sql.push_str(" AND i.indicator = ?");
        args.push(ind.to_ascii_lowercase().into());
    }
    if let Some(d) = query.since {
        sql.push_str(" AND i.day >= ?");
        args.push(d.to_string().into());
    }
    if let Some(d) = query.until {
        sql.push_str(" AND i.day <= ?");
        args.push(d.to_string().into());
    }
    if let Some(c) = &query.place.country {
        sql.push_str(" AND i.country = ?");
        args.push(c.to_ascii_uppercase().into());
    }
    push_located_conditions("i", &query.place, sql, args);
    if let Some(att) = query.attributed {
        sql.push_str(" AND i.attributed = ?");
        args.push(i64::from(att).into());
    }
}

fn key_expr(by: SeriesBy) -> &'static str {
    match by {
        SeriesBy::None => "NULL",
        SeriesBy::Country => "i.country",
        SeriesBy::Admin1 => {
            "CASE WHEN i.admin1 IS NULL OR i.country IS NULL THEN NULL
                  ELSE i.country || '/' || i.admin1 END"
        }
        SeriesBy::Border => "i.border_pair",
    }
}

fn parse_day(s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("indicator day {s:?} is not a date")))
}

/// Counts of one series while the rows are read.
#[derive(Default)]
struct Acc {
    mentions: u64,
    reports: HashSet<i64>,
    points: BTreeMap<NaiveDate, (u64, HashSet<i64>)>,
}

impl SqliteStore {
    /// Reads the matching indicators once, in day order, and counts them per series and
    /// period here (faster than grouping in SQL with a date function per row).
    pub(crate) fn indicator_series_impl(
        &self,
        query: &SeriesQuery,
    ) -> Result<IndicatorSeries, StoreError> {
        let key = key_expr(query.by);
        let mut args: Vec<Sql> = Vec::new();
        let mut filters = String::new();
        push_filters(query, &mut filters, &mut args);
        let sql = format!(
            "SELECT i.indicator, {key} AS k, i.day, i.report_rid
             FROM indicators i WHERE i.day IS NOT NULL{filters}"
        );
        let mut acc: HashMap<(String, Option<String>), Acc> = HashMap::new();
        let mut periods: HashMap<String, NaiveDate> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let day: String = r.get(2)?;
            let period = match periods.get(&day) {
                Some(p) => *p,
                None => {
                    let p = query.interval.period_of(parse_day(&day)?);
                    periods.insert(day, p);
                    p
                }
            };
            let rid: i64 = r.get(3)?;
            let a = acc.entry((r.get(0)?, r.get(1)?)).or_default();
            a.mentions += 1;
            a.reports.insert(rid);
            let pt = a.points.entry(period).or_default();
            pt.0 += 1;
            pt.1.insert(rid);
        }
        let mut all: Vec<((String, Option<String>), Acc)> = acc.into_iter().collect();
        all.sort_by(|(ka, a), (kb, b)| b.mentions.cmp(&a.mentions).then_with(|| ka.cmp(kb)));
        let limit = query.effective_limit();
        let truncated = all.len() > limit;
        all.truncate(limit);
        // The window: the query's, else what the kept series cover.
        let first = all
            .iter()
            .filter_map(|(_, a)| a.points.keys().next())
            .min()
            .copied();
        let last = all
            .iter()
            .filter_map(|(_, a)| a.points.keys().next_back())
            .max()
            .copied();
        let from = query.since.map(|d| query.interval.period_of(d)).or(first);
        let to = query.until.map(|d| query.interval.period_of(d)).or(last);
        let series = all
            .into_iter()
            .map(|((indicator, key), a)| {
                let pts: Vec<SeriesPoint> = a
                    .points
                    .into_iter()
                    .map(|(period, (mentions, reports))| SeriesPoint {
                        period,
                        mentions,
                        reports: reports.len() as u64,
                    })
                    .collect();
                let points = match (from, to) {
                    (Some(f), Some(t)) => zero_fill(query.interval, &pts, f, t),
                    _ => pts,
                };
                Series {
                    indicator,
                    key,
                    mentions: a.mentions,
                    reports: a.reports.len() as u64,
                    points,
                }
            })
            .collect();
        Ok(IndicatorSeries {
            interval: query.interval,
            by: query.by,
            from,
            to,
            series,
            truncated,
        })
    }
}

#[cfg(test)]
mod tests;
