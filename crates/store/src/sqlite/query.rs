//! Paged listings for the API: reports by keyset, spans of a layer across reports,
//! reports per day.

use super::{parse_date, quote_terms, SqliteStore};
use crate::cursor::Position;
use crate::model::{
    DayCount, Page, ReportQuery, ReportSummary, SentenceText, SpanQuery, SpanRecord,
};
use crate::StoreError;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use spillover_doc::Span;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// Whether SQLite refused a query's text (FTS5 syntax), rather than failing otherwise.
fn refused(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(err, Some(_)) if err.code == rusqlite::ErrorCode::Unknown)
}

/// Runs `f` with the search text as given; when FTS5 refuses it, once more with each
/// term quoted ("Jaish al-Adl", "U.S."), and reports a query refused both ways as bad.
fn with_fts_retry<T>(
    search: Option<&str>,
    f: impl Fn(Option<String>) -> Result<T, rusqlite::Error>,
) -> Result<T, StoreError> {
    match (search, f(search.map(str::to_string))) {
        (Some(q), Err(e)) if refused(&e) => f(Some(quote_terms(q))).map_err(|_| match e {
            rusqlite::Error::SqliteFailure(_, Some(message)) => StoreError::BadQuery {
                query: q.to_string(),
                message,
            },
            other => StoreError::Sqlite(other),
        }),
        (_, r) => r.map_err(StoreError::Sqlite),
    }
}

/// A report row of a listing with the key it sorts by.
struct Keyed<T> {
    item: T,
    published: Option<String>,
    rid: i64,
    sid: Option<i64>,
}

impl<T> Keyed<T> {
    fn position(&self) -> Position {
        Position {
            published: self.published.clone(),
            rid: self.rid,
            sid: self.sid,
        }
    }
}

/// Turns `limit + 1` keyed rows into a page: the extra row only says that more follow.
fn into_page<T>(mut rows: Vec<Keyed<T>>, limit: usize) -> Page<T> {
    let next_cursor = if rows.len() > limit {
        rows.truncate(limit);
        rows.last().map(|r| r.position().encode())
    } else {
        None
    };
    Page {
        items: rows.into_iter().map(|r| r.item).collect(),
        next_cursor,
    }
}

/// The two stretches of the newest-first order: dated reports (publication date
/// descending, then row descending), then undated ones (row descending).
#[derive(Clone, Copy, PartialEq)]
enum Stretch {
    Dated,
    Undated,
}

/// The WHERE clause restricting reports `r` to one stretch, after `after` when given.
fn stretch_clause(stretch: Stretch, after: Option<&Position>, args: &mut Vec<Value>) -> String {
    match (stretch, after) {
        (Stretch::Dated, None) => " AND r.published IS NOT NULL".to_string(),
        (Stretch::Dated, Some(p)) => {
            // Only called with a dated position: an undated one is past every dated row.
            args.push(p.published.clone().unwrap_or_default().into());
            args.push(p.rid.into());
            " AND r.published IS NOT NULL AND (r.published, r.rid) < (?, ?)".to_string()
        }
        (Stretch::Undated, None) => " AND r.published IS NULL".to_string(),
        (Stretch::Undated, Some(p)) => {
            if p.published.is_some() {
                " AND r.published IS NULL".to_string()
            } else {
                args.push(p.rid.into());
                " AND r.published IS NULL AND r.rid < ?".to_string()
            }
        }
    }
}

fn order(stretch: Stretch) -> &'static str {
    match stretch {
        Stretch::Dated => " ORDER BY r.published DESC, r.rid DESC",
        Stretch::Undated => " ORDER BY r.rid DESC",
    }
}

/// The stretches still to read after `after`, given whether undated rows can match.
fn stretches(after: Option<&Position>, undated_possible: bool) -> Vec<Stretch> {
    let mut out = Vec::new();
    if after.is_none_or(|p| p.published.is_some()) {
        out.push(Stretch::Dated);
    }
    if undated_possible {
        out.push(Stretch::Undated);
    }
    out
}

impl SqliteStore {
    pub(crate) fn list_reports_page_impl(
        &self,
        query: &ReportQuery,
        cursor: Option<&str>,
    ) -> Result<Page<ReportSummary>, StoreError> {
        let after = cursor.map(Position::decode).transpose()?;
        let limit = query.limit.unwrap_or(50);
        let undated_possible = query.since.is_none() && query.until.is_none();
        let plan = self.actor_plan(query.actor.as_deref(), Some(limit))?;
        let mut rows: Vec<Keyed<ReportSummary>> = Vec::new();
        for stretch in stretches(after.as_ref(), undated_possible) {
            let want = limit + 1 - rows.len();
            if want == 0 {
                break;
            }
            let more = with_fts_retry(query.search.as_deref(), |search| {
                reports_stretch(
                    &self.conn,
                    query,
                    plan,
                    search,
                    stretch,
                    after.as_ref(),
                    want,
                )
            })?;
            rows.extend(more);
        }
        Ok(into_page(rows, limit))
    }

    pub(crate) fn list_spans_impl(
        &self,
        query: &SpanQuery,
    ) -> Result<Page<SpanRecord>, StoreError> {
        let after = query.cursor.as_deref().map(Position::decode).transpose()?;
        if after.as_ref().is_some_and(|p| p.sid.is_none()) {
            return Err(StoreError::BadCursor(
                query.cursor.clone().unwrap_or_default(),
            ));
        }
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
        let limit = query.limit;
        let mut rows: Vec<Keyed<RawSpan>> = Vec::new();
        // First the rest of the report the last page ended in, then the reports after it.
        if let Some(p) = &after {
            let mut args: Vec<Value> = vec![query.layer.as_str().to_string().into(), p.rid.into()];
            let mut sql = format!(
                "{} WHERE s.layer = ? AND s.report_rid = ? AND s.sid > ?",
                span_select(query)
            );
            args.push(p.sid.unwrap_or(i64::MAX).into());
            span_filters(query, &mut sql, &mut args);
            sql.push_str(" ORDER BY s.sid LIMIT ?");
            args.push(((limit + 1) as i64).into());
            rows.extend(run_spans(&self.conn, &sql, &args)?);
        }
        let undated_possible = query.since.is_none() && query.until.is_none();
        for stretch in stretches(after.as_ref(), undated_possible) {
            let want = limit + 1 - rows.len().min(limit + 1);
            if want == 0 {
                break;
            }
            let mut args: Vec<Value> = vec![query.layer.as_str().to_string().into()];
            let mut sql = format!("{} WHERE s.layer = ?", span_select(query));
            sql.push_str(&stretch_clause(stretch, after.as_ref(), &mut args));
            if let Some(rid) = report_rid {
                sql.push_str(" AND r.rid = ?");
                args.push(rid.into());
            }
            push_dates(query.since, query.until, &mut sql, &mut args);
            span_filters(query, &mut sql, &mut args);
            sql.push_str(order(stretch));
            sql.push_str(", s.sid LIMIT ?");
            args.push((want as i64).into());
            rows.extend(run_spans(&self.conn, &sql, &args)?);
        }
        let page = into_page(rows, limit);
        let items = self.resolve_spans(page.items)?;
        Ok(Page {
            items,
            next_cursor: page.next_cursor,
        })
    }

    /// Adds each span's text and its sentence, reading each report's text once.
    fn resolve_spans(&self, raw: Vec<RawSpan>) -> Result<Vec<SpanRecord>, StoreError> {
        let mut texts: HashMap<i64, (String, Vec<(usize, usize)>)> = HashMap::new();
        let mut out = Vec::with_capacity(raw.len());
        for r in raw {
            if let Entry::Vacant(slot) = texts.entry(r.rid) {
                slot.insert(self.report_text(r.rid)?);
            }
            let Some((text, sentences)) = texts.get(&r.rid) else {
                continue;
            };
            let slice = |s: usize, e: usize| -> Result<String, StoreError> {
                let span = Span::new(s, e).map_err(|err| StoreError::Corrupt(err.to_string()))?;
                span.slice(text)
                    .map(str::to_string)
                    .map_err(|err| StoreError::Corrupt(format!("span of {}: {err}", r.id)))
            };
            let span_text = slice(r.start, r.end)?;
            // Sentences are sorted and disjoint: the last one starting at or before the
            // span holds it if it reaches the span's end.
            let i = sentences.partition_point(|&(s, _)| s <= r.start);
            let sentence = match i.checked_sub(1).and_then(|i| sentences.get(i)) {
                Some(&(s, e)) if e >= r.end => Some(SentenceText {
                    start: s,
                    end: e,
                    text: slice(s, e)?,
                }),
                _ => None,
            };
            out.push(SpanRecord {
                report: r.id,
                published: parse_date(r.published),
                outlet: r.outlet,
                layer: r.layer,
                start: r.start,
                end: r.end,
                text: span_text,
                label: r.label,
                key: r.key,
                component: r.component,
                confidence: r.confidence,
                attrs: r
                    .attrs
                    .map(|a| serde_json::from_str(&a))
                    .transpose()
                    .map_err(|err| StoreError::Corrupt(err.to_string()))?
                    .unwrap_or(serde_json::Value::Null),
                sentence,
            });
        }
        Ok(out)
    }

    /// A report's text and its sentences' byte ranges, in order.
    pub(crate) fn report_text(
        &self,
        rid: i64,
    ) -> Result<(String, Vec<(usize, usize)>), StoreError> {
        let text: String = self
            .conn
            .prepare_cached("SELECT text FROM reports WHERE rid = ?1")?
            .query_row([rid], |row| row.get(0))?;
        let sentences = self
            .conn
            .prepare_cached(
                "SELECT start, \"end\" FROM sentences WHERE report_rid = ?1 ORDER BY idx",
            )?
            .query_map([rid], |row| {
                Ok((
                    row.get::<_, i64>(0)? as usize,
                    row.get::<_, i64>(1)? as usize,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((text, sentences))
    }

    /// Dated reports per day; with `actor`, only reports with a mention of that actor
    /// (read from the `(layer, key, report_rid)` index).
    pub(crate) fn reports_per_day_impl(
        &self,
        actor: Option<&str>,
    ) -> Result<Vec<DayCount>, StoreError> {
        let row = |r: &rusqlite::Row<'_>| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?));
        let rows = match actor {
            None => self
                .conn
                .prepare_cached(
                    "SELECT published, COUNT(*) FROM reports WHERE published IS NOT NULL
                     GROUP BY published ORDER BY published",
                )?
                .query_map([], row)?
                .collect::<Result<Vec<_>, _>>()?,
            Some(key) => self
                .conn
                .prepare_cached(
                    "SELECT r.published, COUNT(*) FROM reports r
                     WHERE r.published IS NOT NULL AND r.rid IN (
                         SELECT report_rid FROM spans WHERE layer = ?1 AND key = ?2)
                     GROUP BY r.published ORDER BY r.published",
                )?
                .query_map(rusqlite::params![super::actors::ACTORS_LAYER, key], row)?
                .collect::<Result<Vec<_>, _>>()?,
        };
        rows.into_iter()
            .map(|(d, n)| {
                let date = parse_date(Some(d.clone()))
                    .ok_or_else(|| StoreError::Corrupt(format!("publication date {d:?}")))?;
                Ok(DayCount {
                    date,
                    reports: n as usize,
                })
            })
            .collect()
    }
}

/// How a report listing applies its actor filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActorPlan {
    /// Few reports mention the actor: read their rows from the `(layer, key, report_rid)`
    /// index, then sort them (work grows with the actor's reports).
    FromMentions,
    /// Many do: walk the reports in listing order and probe each one for a mention,
    /// stopping at the page's end (work grows with page size ÷ the actor's share).
    Probe,
}

impl SqliteStore {
    /// The cheaper [`ActorPlan`] for listing `limit` reports mentioning `actor`: probing
    /// walks about `limit × total ÷ n` reports, reading the mentions reads `n`.
    pub(crate) fn actor_plan(
        &self,
        actor: Option<&str>,
        limit: Option<usize>,
    ) -> Result<ActorPlan, StoreError> {
        let (Some(actor), Some(limit)) = (actor, limit) else {
            return Ok(ActorPlan::FromMentions);
        };
        let n: i64 = self
            .conn
            .prepare_cached("SELECT reports FROM actor_totals WHERE key = ?1")?
            .query_row([actor], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        // The largest row id stands in for the number of reports, read in O(1).
        let total: i64 = self
            .conn
            .prepare_cached("SELECT coalesce(MAX(rid), 0) FROM reports")?
            .query_row([], |r| r.get(0))?;
        let walked = (limit as i64 + 1).saturating_mul(total);
        Ok(if n.saturating_mul(n) > walked {
            ActorPlan::Probe
        } else {
            ActorPlan::FromMentions
        })
    }
}

/// Appends publication-date bounds on the `reports r` alias.
pub(crate) fn push_dates(
    since: Option<chrono::NaiveDate>,
    until: Option<chrono::NaiveDate>,
    sql: &mut String,
    args: &mut Vec<Value>,
) {
    if let Some(d) = since {
        sql.push_str(" AND r.published >= ?");
        args.push(d.to_string().into());
    }
    if let Some(d) = until {
        sql.push_str(" AND r.published <= ?");
        args.push(d.to_string().into());
    }
}

/// Appends the date, outlet, actor and place filters of a report query (the `reports r`
/// alias).
pub(crate) fn push_report_filters(
    query: &ReportQuery,
    plan: ActorPlan,
    sql: &mut String,
    args: &mut Vec<Value>,
) {
    push_dates(query.since, query.until, sql, args);
    if let Some(o) = &query.outlet {
        sql.push_str(" AND r.outlet = ?");
        args.push(o.clone().into());
    }
    if let Some(a) = &query.actor {
        // Both read the `(layer, key, report_rid)` index alone.
        sql.push_str(match plan {
            ActorPlan::FromMentions => {
                " AND r.rid IN (SELECT a.report_rid FROM spans a WHERE a.layer = ? AND a.key = ?)"
            }
            ActorPlan::Probe => {
                " AND EXISTS (SELECT 1 FROM spans a WHERE a.layer = ? AND a.key = ? AND a.report_rid = r.rid)"
            }
        });
        args.push(super::actors::ACTORS_LAYER.to_string().into());
        args.push(a.clone().into());
    }
    super::places::push_report_place_filter(&query.place, sql, args);
    if let Some(ind) = &query.indicator {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM indicators i WHERE i.report_rid = r.rid AND i.indicator = ?)",
        );
        args.push(ind.trim().to_ascii_lowercase().into());
    }
}

/// The columns of a report listing; `?` placeholders are filled by `reports_stretch`.
fn reports_stretch(
    conn: &Connection,
    query: &ReportQuery,
    plan: ActorPlan,
    search: Option<String>,
    stretch: Stretch,
    after: Option<&Position>,
    limit: usize,
) -> Result<Vec<Keyed<ReportSummary>>, rusqlite::Error> {
    let mut sql = String::from(
        "SELECT r.id, r.title, r.outlet, r.published, r.format, r.bytes,
                (SELECT COUNT(*) FROM sentences s WHERE s.report_rid = r.rid),
                (SELECT COUNT(*) FROM near_duplicates n WHERE n.report_rid = r.rid)
                  + (SELECT COUNT(*) FROM near_duplicates n WHERE n.other_rid = r.rid),",
    );
    let mut args: Vec<Value> = Vec::new();
    if let Some(q) = search {
        sql.push_str(
            " snippet(reports_fts, 1, '[', ']', '…', 12), r.rid
              FROM reports_fts JOIN reports r ON r.rid = reports_fts.rowid
              WHERE reports_fts MATCH ?",
        );
        args.push(q.into());
    } else {
        sql.push_str(" NULL, r.rid FROM reports r WHERE 1");
    }
    sql.push_str(&stretch_clause(stretch, after, &mut args));
    push_report_filters(query, plan, &mut sql, &mut args);
    sql.push_str(order(stretch));
    sql.push_str(" LIMIT ?");
    args.push((limit as i64).into());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
        let published: Option<String> = r.get(3)?;
        Ok(Keyed {
            item: ReportSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                outlet: r.get(2)?,
                published: parse_date(published.clone()),
                format: r.get(4)?,
                bytes: r.get::<_, i64>(5)? as usize,
                sentences: r.get::<_, i64>(6)? as usize,
                near_duplicates: r.get::<_, i64>(7)? as usize,
                snippet: r.get(8)?,
            },
            published,
            rid: r.get(9)?,
            sid: None,
        })
    })?;
    rows.collect()
}

/// A span row before its text and sentence are cut from the report.
struct RawSpan {
    rid: i64,
    id: String,
    published: Option<String>,
    outlet: Option<String>,
    layer: String,
    start: usize,
    end: usize,
    label: String,
    key: Option<String>,
    component: String,
    confidence: f32,
    attrs: Option<String>,
}

/// The span columns, from reports joined to spans. `CROSS JOIN` makes SQLite walk the
/// reports in the listing's order (publication-date index) and probe each one's spans,
/// so a page stops after `limit` rows with no sort; with a `key` filter SQLite starts
/// from the `(layer, key, report_rid)` index instead and sorts the few matches.
fn span_select(query: &SpanQuery) -> String {
    let join = if query.key.is_some() {
        "JOIN"
    } else {
        "CROSS JOIN"
    };
    format!(
        "SELECT r.rid, r.id, r.published, r.outlet, s.sid, s.layer, s.start, s.\"end\",
                s.label, s.key, s.component, s.confidence, s.attrs
         FROM reports r {join} spans s ON s.report_rid = r.rid"
    )
}

fn span_filters(query: &SpanQuery, sql: &mut String, args: &mut Vec<Value>) {
    if let Some(l) = &query.label {
        sql.push_str(" AND s.label = ?");
        args.push(l.clone().into());
    }
    if let Some(k) = &query.key {
        sql.push_str(" AND s.key = ?");
        args.push(k.clone().into());
    }
}

fn run_spans(
    conn: &Connection,
    sql: &str,
    args: &[Value],
) -> Result<Vec<Keyed<RawSpan>>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
        let published: Option<String> = r.get(2)?;
        Ok(Keyed {
            item: RawSpan {
                rid: r.get(0)?,
                id: r.get(1)?,
                published: published.clone(),
                outlet: r.get(3)?,
                layer: r.get(5)?,
                start: r.get::<_, i64>(6)? as usize,
                end: r.get::<_, i64>(7)? as usize,
                label: r.get(8)?,
                key: r.get(9)?,
                component: r.get(10)?,
                confidence: r.get::<_, f64>(11)? as f32,
                attrs: r.get(12)?,
            },
            published,
            rid: r.get(0)?,
            sid: Some(r.get(4)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use crate::{PutOutcome, ReportQuery, SpanQuery, SqliteStore, Store, StoreError};
    use chrono::NaiveDate;
    use spillover_doc::{Annotation, Doc, Layer, Report, ReportId, Span};

    /// A report whose every "N" word is tagged as a quantity and every "Monday" as a date.
    fn doc(id: &str, text: &str, published: Option<&str>) -> Doc {
        let mut r = Report::from_text(ReportId(id.into()), text);
        r.published = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        let mut d = Doc::new(r);
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '.' {
                sentences.push(Span::new(start, i + 1).unwrap());
                start = (i + 2).min(text.len());
            }
        }
        d.set_sentences(sentences).unwrap();
        for (i, w) in text.match_indices("Monday") {
            d.add(
                Layer::Dates,
                Annotation::new(Span::new(i, i + w.len()).unwrap(), "DATE", "test", 0.9)
                    .with_key("2024-01-01"),
            )
            .unwrap();
        }
        for (i, _) in text.match_indices(char::is_numeric) {
            d.add(
                Layer::Quantities,
                Annotation::new(Span::new(i, i + 1).unwrap(), "count", "test", 0.8)
                    .with_attrs(serde_json::json!({"value": 1})),
            )
            .unwrap();
        }
        d
    }

    fn store_with(docs: &[(&str, &str, Option<&str>)]) -> SqliteStore {
        let mut store = SqliteStore::open_in_memory().unwrap();
        for (id, text, published) in docs {
            let out = store.put_doc(&doc(id, text, *published), &[]).unwrap();
            assert!(matches!(out, PutOutcome::Stored { .. }));
        }
        store
    }

    fn sample() -> SqliteStore {
        store_with(&[
            (
                "a1",
                "Guards met on Monday. 3 were hurt.",
                Some("2024-01-02"),
            ),
            ("a2", "Talks on Monday ended. 5 left.", Some("2024-01-05")),
            ("a3", "Heroin seized. 7 kg on Monday.", Some("2024-01-05")),
            ("a4", "Undated note on Monday. 9 men.", None),
            (
                "a5",
                "Drill near Termez. 2 units on Monday.",
                Some("2023-12-30"),
            ),
        ])
    }

    fn all_report_pages(store: &SqliteStore, q: &ReportQuery) -> Vec<String> {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let page = store.list_reports_page(q, cursor.as_deref()).unwrap();
            assert!(page.items.len() <= q.limit.unwrap_or(50));
            seen.extend(page.items.into_iter().map(|r| r.id));
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => return seen,
            }
        }
    }

    #[test]
    fn report_pages_are_newest_first_and_cover_everything_once() {
        let store = sample();
        for limit in 1..=6 {
            let q = ReportQuery {
                limit: Some(limit),
                ..Default::default()
            };
            // Same day: most recently stored first; undated last.
            assert_eq!(
                all_report_pages(&store, &q),
                ["a3", "a2", "a1", "a5", "a4"],
                "limit {limit}"
            );
        }
        let q = ReportQuery {
            since: Some(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()),
            limit: Some(2),
            ..Default::default()
        };
        assert_eq!(all_report_pages(&store, &q), ["a3", "a2", "a1"]);
        let q = ReportQuery {
            search: Some("Monday".into()),
            limit: Some(2),
            ..Default::default()
        };
        let page = store.list_reports_page(&q, None).unwrap();
        assert!(page.items[0]
            .snippet
            .as_deref()
            .unwrap()
            .contains("[Monday]"));
        assert_eq!(all_report_pages(&store, &q).len(), 5);
        // Terms FTS5 cannot parse are retried quoted.
        let q = ReportQuery {
            search: Some("U.S. \"".into()),
            ..Default::default()
        };
        assert!(store.list_reports_page(&q, None).is_ok());
    }

    #[test]
    fn report_pages_are_stable_under_inserts() {
        let mut store = sample();
        let q = ReportQuery {
            limit: Some(2),
            ..Default::default()
        };
        let first = store.list_reports_page(&q, None).unwrap();
        store
            .put_doc(
                &doc("b1", "New report on Monday. 4 dead.", Some("2024-01-03")),
                &[],
            )
            .unwrap();
        store
            .put_doc(
                &doc("b2", "Newest report. 1 hurt.", Some("2025-01-01")),
                &[],
            )
            .unwrap();
        let mut ids: Vec<String> = first.items.into_iter().map(|r| r.id).collect();
        let mut cursor = first.next_cursor;
        while let Some(c) = cursor {
            let page = store.list_reports_page(&q, Some(&c)).unwrap();
            ids.extend(page.items.into_iter().map(|r| r.id));
            cursor = page.next_cursor;
        }
        // Rows older than the cursor that arrive later are seen; nothing twice.
        assert_eq!(ids, ["a3", "a2", "b1", "a1", "a5", "a4"]);
    }

    #[test]
    fn span_pages_cross_reports_with_text_and_sentence() {
        let store = sample();
        for limit in 1..=7 {
            let mut q = SpanQuery::new(Layer::Quantities, limit);
            let mut got = Vec::new();
            loop {
                let page = store.list_spans(&q).unwrap();
                for s in &page.items {
                    let sentence = s.sentence.as_ref().unwrap();
                    assert!(sentence.start <= s.start && s.end <= sentence.end);
                    assert!(sentence.text.contains(&s.text));
                    assert_eq!(s.layer, "quantities");
                    assert_eq!(s.attrs["value"], 1);
                }
                got.extend(page.items.into_iter().map(|s| (s.report, s.text)));
                match page.next_cursor {
                    Some(c) => q.cursor = Some(c),
                    None => break,
                }
            }
            let want: Vec<(String, String)> = [
                ("a3", "7"),
                ("a2", "5"),
                ("a1", "3"),
                ("a5", "2"),
                ("a4", "9"),
            ]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
            assert_eq!(got, want, "limit {limit}");
        }
        let mut q = SpanQuery::new(Layer::Dates, 10);
        q.until = Some(NaiveDate::from_ymd_opt(2024, 1, 2).unwrap());
        let page = store.list_spans(&q).unwrap();
        let reports: Vec<&str> = page.items.iter().map(|s| s.report.as_str()).collect();
        assert_eq!(reports, ["a1", "a5"]);
        assert!(page.items.iter().all(|s| s.text == "Monday"
            && s.key.as_deref() == Some("2024-01-01")
            && s.published.is_some()));
        let mut q = SpanQuery::new(Layer::Dates, 10);
        q.report = Some("a4".into());
        assert_eq!(store.list_spans(&q).unwrap().items.len(), 1);
        q.report = Some("ffff".into());
        assert!(store.list_spans(&q).unwrap().items.is_empty());
        let mut q = SpanQuery::new(Layer::Quantities, 10);
        q.label = Some("nothing".into());
        assert!(store.list_spans(&q).unwrap().items.is_empty());
        q.label = None;
        q.cursor = Some("zz".into());
        assert!(matches!(
            store.list_spans(&q),
            Err(StoreError::BadCursor(_))
        ));
    }

    #[test]
    fn many_spans_in_one_report_page_through() {
        let text = "1 2 3 4 5 6 7 8 9. 1 2 3.";
        let store = store_with(&[("c1", text, Some("2024-02-02")), ("c2", "0.", None)]);
        let mut q = SpanQuery::new(Layer::Quantities, 4);
        let mut starts = Vec::new();
        loop {
            let page = store.list_spans(&q).unwrap();
            starts.extend(page.items.iter().map(|s| (s.report.clone(), s.start)));
            match page.next_cursor {
                Some(c) => q.cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(starts.len(), 13);
        assert!(starts[..12].windows(2).all(|w| w[0].1 < w[1].1));
        assert_eq!(starts[12], ("c2".to_string(), 0));
    }

    #[test]
    fn reports_per_day_and_read_only_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        {
            let mut store = SqliteStore::open(&path).unwrap();
            for (id, text, published, actor) in [
                ("d1", "One. 1.", Some("2024-01-05"), true),
                ("d2", "Two. 2.", Some("2024-01-05"), false),
                ("d3", "Three. 3.", Some("2024-01-01"), true),
                ("d4", "Four. 4.", None, true),
            ] {
                let mut d = doc(id, text, published);
                if actor {
                    // two mentions of one actor in a report still count the report once
                    for _ in 0..2 {
                        d.add(
                            Layer::Actors,
                            Annotation::new(Span::new(0, 3).unwrap(), "armed_group", "test", 1.0)
                                .with_key("taliban"),
                        )
                        .unwrap();
                    }
                }
                store.put_doc(&d, &[]).unwrap();
            }
        }
        let ro = SqliteStore::open_read_only(&path).unwrap();
        let per_day = |actor: Option<&str>| -> Vec<(String, usize)> {
            ro.reports_per_day(actor)
                .unwrap()
                .iter()
                .map(|d| (d.date.to_string(), d.reports))
                .collect()
        };
        assert_eq!(
            per_day(None),
            [("2024-01-01".into(), 1), ("2024-01-05".into(), 2)]
        );
        assert_eq!(
            per_day(Some("taliban")),
            [("2024-01-01".into(), 1), ("2024-01-05".into(), 1)]
        );
        assert!(per_day(Some("nobody")).is_empty());
        assert!(ro.connection().execute("DELETE FROM reports", []).is_err());
    }
}
