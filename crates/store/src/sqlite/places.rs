//! Places across reports: the spans of the `places` layer indexed by place key, country,
//! coordinate (R*Tree) and nearest border (tables of migration 4), grouped for listings
//! and matched by the geographic filters of report listings.

use super::query::push_dates;
use super::{parse_date, SqliteStore};
use crate::geo::{BorderPair, PlaceFilter};
use crate::model::{PlaceQuery, PlaceSummary};
use crate::StoreError;
use rusqlite::types::Value as Sql;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde_json::Value;

/// The layer whose spans are place mentions.
pub(crate) const PLACES_LAYER: &str = "places";

/// The columns of one place mention, as read from its span.
#[derive(Debug, Clone, PartialEq)]
struct PlaceRow {
    key: String,
    name: String,
    country: Option<String>,
    admin1: Option<String>,
    precision: String,
    direction: Option<String>,
    /// Both or neither, finite and on the globe.
    point: Option<(f64, f64)>,
    /// Whether the point locates the place for the geographic filters (see [`located`]).
    located: bool,
    border_pair: Option<String>,
    border_km: Option<f64>,
}

/// Whether a place of this precision is located by its reference point. A country, a
/// region of one ("northern Afghanistan") or a continent is not: its point is somewhere
/// inside it, so the point's distance to the nearest border, or its falling in a box,
/// says nothing about where the report puts things. Those are left out of the R*Tree and
/// keep no border columns, so the box, border and distance filters never match them.
fn located(precision: &str) -> bool {
    !matches!(precision, "country" | "region")
}

/// A non-empty string attribute, trimmed.
fn text<'a>(attrs: &'a Value, name: &str) -> Option<&'a str> {
    attrs[name]
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The key the mentions of one place share. The span's key names most places (a GeoNames
/// id, or the pair of a boundary); a part of a country ("northern Afghanistan") carries
/// its country's id, and a place the gazetteer gives no id carries `0`, so those are
/// keyed by what tells them apart instead.
fn place_key(
    span_key: Option<&str>,
    kind: &str,
    precision: &str,
    country: Option<&str>,
    direction: Option<&str>,
    name: &str,
) -> String {
    let country = country.unwrap_or("-");
    if let ("region" | "border_region", Some(dir)) = (precision, direction) {
        return format!("{precision}:{country}:{dir}");
    }
    match span_key
        .map(str::trim)
        .filter(|k| !k.is_empty() && *k != "0")
    {
        Some(k) => k.to_string(),
        None => format!("{kind}:{country}:{name}"),
    }
}

/// The row of a place span: its attrs as the places stage writes them (`name`,
/// `country`, `admin1`, `precision`, `direction`, `lat`, `lon`, `border_pair`,
/// `border_km`), with the span's label standing in for a missing kind or precision.
/// Values out of range are left out rather than refused: the span is stored anyway.
fn place_row(span_key: Option<&str>, label: &str, attrs: &Value) -> PlaceRow {
    let precision = text(attrs, "precision").unwrap_or(label).to_string();
    let kind = text(attrs, "kind").unwrap_or(label);
    let country = text(attrs, "country").map(str::to_ascii_uppercase);
    let direction = text(attrs, "direction").map(str::to_string);
    let name = text(attrs, "name")
        .or(span_key.map(str::trim).filter(|k| !k.is_empty()))
        .unwrap_or(label)
        .to_string();
    // counties share names across provinces ("Scott County" in eleven US states)
    let qualified = match (kind, text(attrs, "admin1")) {
        ("admin2", Some(a1)) => format!("{a1}:{name}"),
        _ => name.clone(),
    };
    let key = place_key(
        span_key,
        kind,
        &precision,
        country.as_deref(),
        direction.as_deref(),
        &qualified,
    );
    let point = match (attrs["lat"].as_f64(), attrs["lon"].as_f64()) {
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            Some((lat, lon))
        }
        _ => None,
    };
    let located = located(&precision);
    // Stored alphabetical, whatever order the boundary data gave.
    let border_pair = text(attrs, "border_pair")
        .and_then(|p| p.parse::<BorderPair>().ok())
        .map(|p| p.to_string())
        .filter(|_| located);
    let border_km = attrs["border_km"]
        .as_f64()
        .filter(|km| km.is_finite() && *km >= 0.0 && located);
    PlaceRow {
        key,
        name,
        country,
        admin1: text(attrs, "admin1").map(str::to_string),
        precision,
        direction,
        point,
        located,
        border_pair,
        border_km,
    }
}

/// Writes the `places` row and, for a located place, the R*Tree entry of one stored
/// place span.
pub(crate) fn index_place(
    conn: &Connection,
    sid: i64,
    report_rid: i64,
    span_key: Option<&str>,
    label: &str,
    attrs: &Value,
) -> rusqlite::Result<()> {
    let row = place_row(span_key, label, attrs);
    conn.prepare_cached(
        "INSERT INTO places (sid, report_rid, key, name, country, admin1, precision, direction,
                             lat, lon, border_pair, border_km)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        sid,
        report_rid,
        row.key,
        row.name,
        row.country,
        row.admin1,
        row.precision,
        row.direction,
        row.point.map(|p| p.0),
        row.point.map(|p| p.1),
        row.border_pair,
        row.border_km,
    ])?;
    if let (true, Some((lat, lon))) = (row.located, row.point) {
        conn.prepare_cached(
            "INSERT INTO places_rtree (sid, min_lon, max_lon, min_lat, max_lat)
             VALUES (?1, ?2, ?2, ?3, ?3)",
        )?
        .execute(params![sid, lon, lat])?;
    }
    Ok(())
}

/// Migration 4: indexes every stored place span.
pub(crate) fn backfill(conn: &Connection) -> rusqlite::Result<()> {
    super::each_stored_span(conn, PLACES_LAYER, |r| {
        index_place(
            conn,
            r.sid,
            r.report_rid,
            r.key.as_deref(),
            &r.label,
            &r.attrs,
        )
    })
}

/// The places row of a report's place mention, as the rows that point at it copy it.
#[derive(Debug, Default)]
pub(crate) struct MentionPlace {
    pub sid: Option<i64>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub border_pair: Option<String>,
    pub border_km: Option<f64>,
}

/// The places row of the mention at `place.start..place.end` (an event's or an
/// indicator's `place` attribute) in report `rid`; an empty row when there is none.
pub(crate) fn place_at(
    conn: &Connection,
    rid: i64,
    place: &Value,
) -> rusqlite::Result<MentionPlace> {
    let (Some(start), Some(end)) = (place["start"].as_i64(), place["end"].as_i64()) else {
        return Ok(MentionPlace::default());
    };
    Ok(conn
        .prepare_cached(
            "SELECT p.sid, p.country, p.admin1, p.lat, p.lon, p.border_pair, p.border_km
                 FROM places p JOIN spans s ON s.sid = p.sid
                 WHERE p.report_rid = ?1 AND s.start = ?2 AND s.\"end\" = ?3
                 ORDER BY p.sid LIMIT 1",
        )?
        .query_row(params![rid, start, end], |r| {
            Ok(MentionPlace {
                sid: r.get(0)?,
                country: r.get(1)?,
                admin1: r.get(2)?,
                lat: r.get(3)?,
                lon: r.get(4)?,
                border_pair: r.get(5)?,
                border_km: r.get(6)?,
            })
        })
        .optional()?
        .unwrap_or_default())
}

/// Appends the border, distance and box conditions of `filter` on a table that copies a
/// place's `border_pair`, `border_km` and `place_sid` (events `e`, indicators `i`); the
/// country condition differs per table and is the caller's.
pub(crate) fn push_located_conditions(
    alias: &str,
    filter: &PlaceFilter,
    sql: &mut String,
    args: &mut Vec<Sql>,
) {
    if let Some(border) = &filter.border {
        sql.push_str(&format!(" AND {alias}.border_pair = ?"));
        args.push(border.to_string().into());
    }
    if let Some(km) = filter.km {
        sql.push_str(&format!(" AND {alias}.border_km <= ?"));
        args.push(km.into());
    }
    if filter.bbox.is_some() {
        let only_box = PlaceFilter {
            bbox: filter.bbox,
            ..PlaceFilter::default()
        };
        sql.push_str(&format!(
            " AND {alias}.place_sid IN (SELECT p.sid FROM places p WHERE 1"
        ));
        push_place_conditions(&only_box, sql, args);
        sql.push(')');
    }
}

/// Appends the conditions of `filter` on the `places p` alias. A box is looked up in the
/// R*Tree (which keeps 32-bit coordinates rounded outward, so it finds a superset) and
/// then checked exactly on the stored coordinates. Places that are not [`located`] are
/// in neither the R*Tree nor the border columns, so only `country` can match them.
pub(crate) fn push_place_conditions(filter: &PlaceFilter, sql: &mut String, args: &mut Vec<Sql>) {
    if let Some(country) = &filter.country {
        sql.push_str(" AND p.country = ?");
        args.push(country.to_ascii_uppercase().into());
    }
    if let Some(border) = &filter.border {
        sql.push_str(" AND p.border_pair = ?");
        args.push(border.to_string().into());
    }
    if let Some(km) = filter.km {
        sql.push_str(" AND p.border_km <= ?");
        args.push(km.into());
    }
    if let Some(bbox) = &filter.bbox {
        let ranges = bbox.lon_ranges();
        let lookups: Vec<&str> = ranges
            .iter()
            .map(|_| {
                "SELECT t.sid FROM places_rtree t
                 WHERE t.min_lat <= ? AND t.max_lat >= ? AND t.min_lon <= ? AND t.max_lon >= ?"
            })
            .collect();
        sql.push_str(&format!(
            " AND p.sid IN ({}) AND p.lat BETWEEN ? AND ?",
            lookups.join(" UNION ALL ")
        ));
        for &(west, east) in &ranges {
            args.extend([
                bbox.max_lat().into(),
                bbox.min_lat().into(),
                east.into(),
                west.into(),
            ]);
        }
        args.extend([bbox.min_lat().into(), bbox.max_lat().into()]);
        let exact: Vec<&str> = ranges.iter().map(|_| "p.lon BETWEEN ? AND ?").collect();
        sql.push_str(&format!(" AND ({})", exact.join(" OR ")));
        for &(west, east) in &ranges {
            args.extend([west.into(), east.into()]);
        }
    }
}

/// The condition on reports `r` of a report listing's place filter: some mention of
/// the report passes it.
pub(crate) fn push_report_place_filter(
    filter: &PlaceFilter,
    sql: &mut String,
    args: &mut Vec<Sql>,
) {
    if filter.is_empty() {
        return;
    }
    sql.push_str(" AND r.rid IN (SELECT p.report_rid FROM places p WHERE 1");
    push_place_conditions(filter, sql, args);
    sql.push(')');
}

impl SqliteStore {
    pub(crate) fn list_places_impl(
        &self,
        query: &PlaceQuery,
    ) -> Result<Vec<PlaceSummary>, StoreError> {
        let mut args: Vec<Sql> = Vec::new();
        // The mentions counted are grouped by key; each place shows the columns of its
        // latest stored mention among them (`last_sid`).
        let mut sql = String::from(
            "SELECT g.key, l.name, l.country, l.admin1, l.precision, l.direction, l.lat, l.lon,
                    l.border_pair, l.border_km, g.mentions, g.reports, g.first_published,
                    g.last_published
             FROM (
               SELECT p.key AS key, COUNT(*) AS mentions, COUNT(DISTINCT p.report_rid) AS reports,
                      MIN(r.published) AS first_published, MAX(r.published) AS last_published,
                      MAX(p.sid) AS last_sid
               FROM places p JOIN reports r ON r.rid = p.report_rid
               WHERE 1",
        );
        push_place_conditions(&query.place, &mut sql, &mut args);
        push_dates(query.since, query.until, &mut sql, &mut args);
        if let Some(actor) = &query.actor {
            sql.push_str(
                " AND p.report_rid IN (SELECT a.report_rid FROM spans a WHERE a.layer = ? AND a.key = ?)",
            );
            args.push(super::actors::ACTORS_LAYER.to_string().into());
            args.push(actor.clone().into());
        }
        sql.push_str(
            " GROUP BY p.key
             ) g JOIN places l ON l.sid = g.last_sid
             ORDER BY g.reports DESC, g.mentions DESC, g.key LIMIT ?",
        );
        args.push((query.effective_limit() as i64).into());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok(PlaceSummary {
                key: r.get(0)?,
                name: r.get(1)?,
                country: r.get(2)?,
                admin1: r.get(3)?,
                precision: r.get(4)?,
                direction: r.get(5)?,
                lat: r.get(6)?,
                lon: r.get(7)?,
                border_pair: r.get(8)?,
                border_km: r.get(9)?,
                mentions: r.get::<_, i64>(10)? as usize,
                reports: r.get::<_, i64>(11)? as usize,
                first_published: parse_date(r.get(12)?),
                last_published: parse_date(r.get(13)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests;
