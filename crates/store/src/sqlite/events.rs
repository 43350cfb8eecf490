//! Events across reports: the spans of the `events` layer indexed by type, actors,
//! countries, date, place (with the coordinate and nearest border of the report's place
//! mention it matches) and security indicators (tables of migration 5), for
//! [`crate::Store::list_events`].

use super::claims::parse_attrs;
use super::places::{place_at, push_located_conditions};
use super::{parse_date, SqliteStore};
use crate::cursor::EventPosition;
use crate::events::{EventActor, EventIndicator, EventQuery, EventRecord};

use crate::model::{Page, SentenceText};
use crate::StoreError;
use rusqlite::types::Value as Sql;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde_json::Value;
use std::collections::HashMap;

/// The layer whose spans are events.
pub(crate) const EVENTS_LAYER: &str = "events";

/// A non-empty string attribute, trimmed.
fn text(v: &Value) -> Option<String> {
    v.as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn upper(v: &Value) -> Option<String> {
    text(v).map(|s| s.to_ascii_uppercase())
}

/// A count attribute: a whole number, 0 or more.
fn count(v: &Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v.as_f64().map(|f| f as i64))
        .filter(|n| *n >= 0)
}

/// A report's text and sentence spans, by report row.
type Texts = HashMap<i64, (String, Vec<(usize, usize)>)>;

/// An event span as stored, to be indexed.
pub(crate) struct StoredEvent<'a> {
    pub sid: i64,
    pub report_rid: i64,
    /// The report's publication date (`YYYY-MM-DD`).
    pub published: Option<&'a str>,
    pub label: &'a str,
    pub attrs: &'a Value,
}

/// Writes the `events` row and `event_indicators` rows of one stored event span. The
/// report's place mentions must be indexed already (they are: the places layer is
/// stored before the events layer, and migration 4 before 5).
pub(crate) fn index_event(conn: &Connection, e: StoredEvent<'_>) -> rusqlite::Result<()> {
    let a = e.attrs;
    let place = &a["place"];
    // The report's place mention at the same span, for its coordinate and border.
    let located = place_at(conn, e.report_rid, place)?;
    let date = text(&a["date"]["value"]).or_else(|| e.published.map(str::to_string));
    let plover = e.label.trim().to_ascii_uppercase();
    conn.prepare_cached(
        "INSERT INTO events (sid, report_rid, plover, cameo, status, source_key, source_code,
                             source_country, target_key, target_code, target_country,
                             place_sid, place_key, place_country, place_precision, lat, lon,
                             border_pair, border_km, event_date, killed, wounded, arrested,
                             acled_event_type, acled_sub_event_type)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
    )?
    .execute(params![
        e.sid,
        e.report_rid,
        plover,
        text(&a["cameo"]),
        text(&a["status"]).unwrap_or_else(|| "happened".to_string()),
        text(&a["source"]["key"]),
        text(&a["source_code"]).or_else(|| text(&a["source"]["code"])),
        upper(&a["source"]["country"]),
        text(&a["target"]["key"]),
        text(&a["target_code"]).or_else(|| text(&a["target"]["code"])),
        upper(&a["target"]["country"]),
        located.sid,
        text(&place["key"]),
        upper(&place["country"]),
        text(&place["precision"]),
        located.lat,
        located.lon,
        located.border_pair,
        located.border_km,
        date,
        count(&a["counts"]["killed"]),
        count(&a["counts"]["wounded"]),
        count(&a["counts"]["arrested"]),
        text(&a["acled_event_type"]),
        text(&a["acled_sub_event_type"]),
    ])?;
    if let Some(list) = a["indicators"].as_array() {
        let mut ins = conn.prepare_cached(
            "INSERT INTO event_indicators (event, idx, indicator, \"from\", \"to\")
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, ind) in list.iter().enumerate() {
            let Some(name) = text(&ind["indicator"]) else {
                continue;
            };
            ins.execute(params![
                e.sid,
                i as i64,
                name,
                upper(&ind["direction"]["from"]),
                upper(&ind["direction"]["to"]),
            ])?;
        }
    }
    Ok(())
}

/// Migration 5: indexes every stored event span.
pub(crate) fn backfill(conn: &Connection) -> rusqlite::Result<()> {
    super::each_stored_span(conn, EVENTS_LAYER, |r| {
        index_event(
            conn,
            StoredEvent {
                sid: r.sid,
                report_rid: r.report_rid,
                published: r.published.as_deref(),
                label: &r.label,
                attrs: &r.attrs,
            },
        )
    })
}

/// Appends the filters of `query` on the `events e` alias.
fn push_event_filters(query: &EventQuery, sql: &mut String, args: &mut Vec<Sql>) {
    if let Some(t) = &query.plover {
        sql.push_str(" AND e.plover = ?");
        args.push(t.trim().to_ascii_uppercase().into());
    }
    match query.status.as_deref().map(str::trim) {
        None | Some("") => {
            sql.push_str(" AND e.status = 'happened'");
        }
        Some(s) if s.eq_ignore_ascii_case("all") => {}
        Some(s) => {
            sql.push_str(" AND e.status = ?");
            args.push(s.to_ascii_lowercase().into());
        }
    }
    if let Some(actor) = &query.actor {
        sql.push_str(
            " AND e.sid IN (SELECT sid FROM events WHERE source_key = ?
                            UNION SELECT sid FROM events WHERE target_key = ?)",
        );
        args.push(actor.clone().into());
        args.push(actor.clone().into());
    }
    if let Some(country) = &query.place.country {
        let c = country.trim().to_ascii_uppercase();
        sql.push_str(" AND (e.place_country = ? OR e.source_country = ? OR e.target_country = ?)");
        args.extend([c.clone().into(), c.clone().into(), c.into()]);
    }
    push_located_conditions("e", &query.place, sql, args);
    if let Some(ind) = &query.indicator {
        sql.push_str(" AND e.sid IN (SELECT event FROM event_indicators WHERE indicator = ?)");
        args.push(ind.trim().to_ascii_lowercase().into());
    }
    if let Some(d) = query.since {
        // A later date, or the month or year holding `since`.
        // The second condition says the same on the listing order's index expression
        // (every date it keeps sorts at or after the year).
        sql.push_str(
            " AND (e.event_date >= ? OR e.event_date IN (?, ?)) AND ifnull(e.event_date, '') >= ?",
        );
        args.push(d.format("%Y-%m-%d").to_string().into());
        args.push(d.format("%Y").to_string().into());
        args.push(d.format("%Y-%m").to_string().into());
        args.push(d.format("%Y").to_string().into());
    }
    if let Some(d) = query.until {
        // Up to the end of `until` ("~" sorts after every character of a date).
        sql.push_str(" AND e.event_date < ? AND ifnull(e.event_date, '') < ?");
        args.push(format!("{}~", d.format("%Y-%m-%d")).into());
        args.push(format!("{}~", d.format("%Y-%m-%d")).into());
    }
}

/// The sentence holding `start`.
fn sentence_of(text: &str, sentences: &[(usize, usize)], start: usize) -> Option<SentenceText> {
    let &(s, e) = sentences.iter().find(|(s, e)| *s <= start && start < *e)?;
    Some(SentenceText {
        start: s,
        end: e,
        text: text.get(s..e)?.to_string(),
    })
}

fn actor(v: &Value) -> Option<EventActor> {
    if !v.is_object() {
        return None;
    }
    Some(EventActor {
        key: text(&v["key"]),
        name: text(&v["name"]),
        code: text(&v["code"]),
        kind: text(&v["kind"]),
        country: upper(&v["country"]),
        inferred: v["inferred"].as_bool().unwrap_or(false),
    })
}

impl SqliteStore {
    pub(crate) fn list_events_impl(
        &self,
        query: &EventQuery,
    ) -> Result<Page<EventRecord>, StoreError> {
        let after = query
            .cursor
            .as_deref()
            .map(EventPosition::decode)
            .transpose()?;
        let report_rid = match &query.report {
            Some(id) => match self.resolve_rid(id)? {
                Some(rid) => Some(rid),
                None => {
                    return Ok(Page {
                        items: Vec::new(),
                        next_cursor: None,
                    })
                }
            },
            None => None,
        };
        let limit = query.effective_limit();
        let mut args: Vec<Sql> = Vec::new();
        // Newest first: dated events by date then row, undated ones ('' sorts last).
        let mut sql = String::from("SELECT e.event_date, e.sid FROM events e WHERE 1");
        if let Some(p) = &after {
            sql.push_str(" AND (ifnull(e.event_date, ''), e.sid) < (?, ?)");
            args.push(p.date.clone().unwrap_or_default().into());
            args.push(p.sid.into());
        }
        push_event_filters(query, &mut sql, &mut args);
        if let Some(rid) = report_rid {
            sql.push_str(" AND e.report_rid = ?");
            args.push(rid.into());
        }
        sql.push_str(" ORDER BY ifnull(e.event_date, '') DESC, e.sid DESC LIMIT ? OFFSET ?");
        args.push(((limit + 1) as i64).into());
        args.push((query.offset as i64).into());
        let mut keys: Vec<EventPosition> = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(EventPosition {
                    date: r.get(0)?,
                    sid: r.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let next_cursor = if keys.len() > limit {
            keys.truncate(limit);
            keys.last().map(EventPosition::encode)
        } else {
            None
        };
        let mut texts: Texts = HashMap::new();
        let mut items = Vec::with_capacity(keys.len());
        for k in &keys {
            if let Some(rec) = self.event_record(k.sid, &mut texts)? {
                items.push(rec);
            }
        }
        Ok(Page { items, next_cursor })
    }

    fn event_record(&self, sid: i64, texts: &mut Texts) -> Result<Option<EventRecord>, StoreError> {
        type Row = (
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            i64,
            i64,
            Option<String>,
            f64,
        );
        let row: Option<(Row, EventRecord)> = self
            .conn
            .prepare_cached(
                "SELECT e.report_rid, r.id, r.title, r.published, r.outlet, s.start, s.\"end\",
                        s.attrs, s.confidence,
                        e.plover, e.cameo, e.status, e.source_code, e.target_code,
                        e.place_key, e.place_country, e.place_precision, e.lat, e.lon,
                        e.border_pair, e.border_km, e.event_date, e.killed, e.wounded,
                        e.arrested, e.acled_event_type, e.acled_sub_event_type
                 FROM events e JOIN spans s ON s.sid = e.sid
                 JOIN reports r ON r.rid = e.report_rid WHERE e.sid = ?1",
            )?
            .query_row([sid], |r| {
                let raw: Row = (
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                );
                let rec = EventRecord {
                    id: sid,
                    report: raw.1.clone(),
                    title: raw.2.clone(),
                    published: parse_date(raw.3.clone()),
                    outlet: raw.4.clone(),
                    start: raw.5 as usize,
                    end: raw.6 as usize,
                    text: String::new(),
                    sentence: None,
                    plover: r.get(9)?,
                    plover_mode: None,
                    plover_context: None,
                    cameo: r.get(10)?,
                    acled_event_type: r.get(25)?,
                    acled_sub_event_type: r.get(26)?,
                    status: r.get(11)?,
                    source: None,
                    target: None,
                    source_code: r
                        .get::<_, Option<String>>(12)?
                        .unwrap_or_else(|| "---".into()),
                    target_code: r
                        .get::<_, Option<String>>(13)?
                        .unwrap_or_else(|| "---".into()),
                    place_key: r.get(14)?,
                    place_name: None,
                    place_country: r.get(15)?,
                    place_precision: r.get(16)?,
                    lat: r.get(17)?,
                    lon: r.get(18)?,
                    border_pair: r.get(19)?,
                    border_km: r.get(20)?,
                    date: r.get(21)?,
                    date_granularity: None,
                    date_origin: None,
                    killed: r.get(22)?,
                    wounded: r.get(23)?,
                    arrested: r.get(24)?,
                    indicators: Vec::new(),
                    claim: None,
                    trigger: None,
                    confidence: raw.8,
                };
                Ok((raw, rec))
            })
            .optional()?;
        let Some((raw, mut rec)) = row else {
            return Ok(None);
        };
        let rid = raw.0;
        if let std::collections::hash_map::Entry::Vacant(slot) = texts.entry(rid) {
            slot.insert(self.report_text(rid)?);
        }
        if let Some((text, sentences)) = texts.get(&rid) {
            rec.text = text.get(rec.start..rec.end).unwrap_or_default().to_string();
            rec.sentence = sentence_of(text, sentences, rec.start);
        }
        let attrs = parse_attrs(raw.7.as_deref());
        rec.plover_mode = text(&attrs["plover_mode"]);
        rec.plover_context = text(&attrs["plover_context"]);
        rec.source = actor(&attrs["source"]);
        rec.target = actor(&attrs["target"]);
        rec.place_name = text(&attrs["place"]["name"]);
        if text(&attrs["date"]["value"]).is_some() {
            rec.date_granularity = text(&attrs["date"]["granularity"]);
            rec.date_origin = text(&attrs["date"]["origin"]);
        } else if rec.date.is_some() {
            rec.date_granularity = Some("day".into());
            rec.date_origin = Some("published".into());
        }
        rec.claim = Some(attrs["claim"].clone()).filter(|c| !c.is_null());
        rec.trigger = text(&attrs["trigger"]["text"]);
        rec.indicators = self
            .conn
            .prepare_cached(
                "SELECT indicator, \"from\", \"to\" FROM event_indicators
                 WHERE event = ?1 ORDER BY idx",
            )?
            .query_map([sid], |r| {
                Ok(EventIndicator {
                    indicator: r.get(0)?,
                    from: r.get(1)?,
                    to: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(rec))
    }
}

#[cfg(test)]
mod tests;
