//! The SQLite backend.

mod actors;
mod claims;
mod events;
mod indicators;
mod migrations;
mod places;
mod query;

use crate::events::{EventQuery, EventRecord};
use crate::indicators::{IndicatorSeries, SeriesQuery};
use crate::model::{
    ActorQuery, ActorSummary, ClaimQuery, ClaimRecord, Contradiction, ContradictionQuery, Counts,
    DayCount, FigureRecord, NearDuplicate, Page, PlaceQuery, PlaceSummary, PutOutcome, ReportQuery,
    ReportSummary, SpanQuery, SpanRecord, StoredReport, StoredSpan,
};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use spillover_doc::{Alignment, DateOrigin, Doc, Layer, Report, ReportId, SourceFormat, Span};
use std::path::Path;

/// Rows of the MinHash signature hashed together into one LSH band key.
pub const BAND_ROWS: usize = 4;
/// Estimated Jaccard similarity from which two reports are linked as near-duplicates.
pub const NEAR_DUPLICATE_THRESHOLD: f32 = 0.6;

/// Reports, sentences and spans in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Self::init(conn, true)
    }

    /// Opens an existing database for reading only, as the server's reader connections
    /// do; the schema must be current (open it once with [`SqliteStore::open`] first).
    pub fn open_read_only(path: &Path) -> Result<SqliteStore, StoreError> {
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let known = Self::schema_version();
        if found > known {
            return Err(StoreError::SchemaTooNew { found, known });
        }
        if found < known {
            return Err(StoreError::Open {
                path: path.to_path_buf(),
                source: rusqlite::Error::InvalidParameterName(format!(
                    "schema version {found} is older than {known}; open it read-write once to migrate"
                )),
            });
        }
        Ok(SqliteStore { conn })
    }

    /// A private in-memory database, for tests and one-off extraction.
    pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
        Self::init(Connection::open_in_memory()?, false)
    }

    fn init(conn: Connection, wal: bool) -> Result<SqliteStore, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            // WAL with NORMAL sync is durable against process crashes (the case that
            // matters for ingest); a power loss may drop the last transactions, never
            // corrupt the file.
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A stored report touches pages of some twenty indexes: a 64 MiB page cache keeps
        // them (the default 2 MiB spilled to disk mid-transaction), and statement
        // journals (FTS5 and trigger savepoints) stay in memory instead of a temporary
        // file. Neither changes what is durable.
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        let mut store = SqliteStore { conn };
        store.migrate()?;
        Ok(store)
    }

    /// The schema version this build writes.
    pub fn schema_version() -> i64 {
        migrations::MIGRATIONS.len() as i64
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let known = Self::schema_version();
        let found: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > known {
            return Err(StoreError::SchemaTooNew { found, known });
        }
        for (i, sql) in migrations::MIGRATIONS
            .iter()
            .enumerate()
            .skip(found as usize)
        {
            let version = i as i64 + 1;
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)
                .and_then(|_| migrations::backfill(version, &tx))
                .and_then(|_| tx.pragma_update(None, "user_version", version))
                .map_err(|source| StoreError::Migration { version, source })?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The underlying connection, for backends' own queries in later stages.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn resolve_rid(&self, id: &str) -> Result<Option<i64>, StoreError> {
        if let Some(rid) = self
            .conn
            .query_row("SELECT rid FROM reports WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
        {
            return Ok(Some(rid));
        }
        if id.len() < 4 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let pattern = format!("{id}%");
        let mut stmt = self
            .conn
            .prepare("SELECT rid FROM reports WHERE id LIKE ?1 LIMIT 2")?;
        let rids: Vec<i64> = stmt
            .query_map([pattern], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        match rids.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            _ => Err(StoreError::AmbiguousId(id.to_string())),
        }
    }
}

/// One LSH band key per `BAND_ROWS` rows of the signature.
pub fn band_keys(signature: &[u32]) -> Vec<i64> {
    signature
        .chunks(BAND_ROWS)
        .map(|rows| {
            // FNV-1a over the rows: a stable, well-mixed 64-bit key.
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for v in rows {
                for b in v.to_le_bytes() {
                    h ^= u64::from(b);
                    h = h.wrapping_mul(0x0100_0000_01b3);
                }
            }
            h as i64
        })
        .collect()
}

/// Estimated Jaccard similarity: the share of equal signature positions.
pub fn signature_similarity(a: &[u32], b: &[u32]) -> f32 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f32 / n as f32
}

fn encode_signature(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn decode_signature(blob: &[u8]) -> Vec<u32> {
    blob.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// Each whitespace-separated term of `q` as an FTS5 string (implicit AND).
fn quote_terms(q: &str) -> String {
    q.split_whitespace()
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn parse_date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// A stored span as the backfills of migrations read it.
pub(crate) struct SpanRow {
    pub sid: i64,
    pub report_rid: i64,
    /// The report's publication date (`YYYY-MM-DD`).
    pub published: Option<String>,
    pub key: Option<String>,
    pub label: String,
    pub attrs: serde_json::Value,
}

/// Calls `f` with each stored span of `layer`, in row order (the backfills of the
/// migrations that index a layer).
pub(crate) fn each_stored_span(
    conn: &Connection,
    layer: &str,
    mut f: impl FnMut(&SpanRow) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT s.sid, s.report_rid, r.published, s.key, s.label, s.attrs
         FROM spans s JOIN reports r ON r.rid = s.report_rid
         WHERE s.layer = ?1 ORDER BY s.sid",
    )?;
    let mut rows = stmt.query([layer])?;
    while let Some(r) = rows.next()? {
        let row = SpanRow {
            sid: r.get(0)?,
            report_rid: r.get(1)?,
            published: r.get(2)?,
            key: r.get(3)?,
            label: r.get(4)?,
            attrs: claims::parse_attrs(r.get::<_, Option<String>>(5)?.as_deref()),
        };
        f(&row)?;
    }
    Ok(())
}

/// Stores one doc inside the caller's transaction (see [`Store::put_doc`]).
fn put_doc_tx(
    tx: &rusqlite::Transaction<'_>,
    doc: &Doc,
    signature: &[u32],
) -> Result<PutOutcome, StoreError> {
    let report = doc.report();
    let exists: bool = tx
        .query_row(
            "SELECT 1 FROM reports WHERE id = ?1",
            [&report.id.0],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if exists {
        return Ok(PutOutcome::AlreadyStored);
    }
    let alignment = match &report.alignment {
        Some(a) => Some(serde_json::to_string(a).map_err(|e| StoreError::Corrupt(e.to_string()))?),
        None => None,
    };
    tx.prepare_cached(
            "INSERT INTO reports (id, url, outlet, title, published, published_origin, language, format,
                                  origin, text, raw, alignment, bytes, ingested_at, minhash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
        )?
        .execute(params![
                report.id.0,
                report.url,
                report.outlet,
                report.title,
                report.published.map(|d| d.to_string()),
                report.published_origin.map(|o| o.as_str()),
                report.language,
                report.format.as_str(),
                report.origin,
                report.text,
                report.raw,
                alignment,
                report.text.len() as i64,
                chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                encode_signature(signature),
            ])?;
    let rid = tx.last_insert_rowid();
    let published = report.published.map(|d| d.to_string());
    let mut claims: Vec<i64> = Vec::new();
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO sentences (report_rid, idx, start, \"end\") VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, s) in doc.sentences().iter().enumerate() {
            ins.execute(params![rid, i as i64, s.start as i64, s.end as i64])?;
        }
        let mut ins = tx.prepare_cached(
                "INSERT INTO spans (report_rid, layer, start, \"end\", label, key, component, confidence, attrs)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
        for layer in Layer::ANNOTATED {
            for a in doc.layer(layer) {
                let attrs = if a.attrs.is_null() {
                    None
                } else {
                    Some(a.attrs.to_string())
                };
                ins.execute(params![
                    rid,
                    layer.as_str(),
                    a.span.start as i64,
                    a.span.end as i64,
                    a.label.as_ref(),
                    a.key,
                    a.component.as_ref(),
                    f64::from(a.confidence),
                    attrs
                ])?;
                let sid = tx.last_insert_rowid();
                if layer == Layer::Places {
                    places::index_place(
                        tx,
                        sid,
                        rid,
                        a.key.as_deref(),
                        a.label.as_ref(),
                        &a.attrs,
                    )?;
                }
                if layer == Layer::Events {
                    events::index_event(
                        tx,
                        events::StoredEvent {
                            sid,
                            report_rid: rid,
                            published: published.as_deref(),
                            label: a.label.as_ref(),
                            attrs: &a.attrs,
                        },
                    )?;
                }
                if layer == Layer::Indicators {
                    indicators::index_indicator(
                        tx,
                        indicators::StoredIndicator {
                            sid,
                            report_rid: rid,
                            published: published.as_deref(),
                            label: a.label.as_ref(),
                            attrs: &a.attrs,
                        },
                    )?;
                }
                if layer == Layer::Claims {
                    claims::index_claim(
                        tx,
                        claims::StoredClaim {
                            sid,
                            report_rid: rid,
                            published: published.as_deref(),
                            key: a.key.as_deref(),
                            label: a.label.as_ref(),
                            attrs: &a.attrs,
                        },
                    )?;
                    claims.push(sid);
                }
            }
        }
    }
    // After all of the report's claims are indexed, so that its own claims are
    // candidates for each other too.
    claims::link_claims(tx, &claims)?;
    let mut near = Vec::new();
    if !signature.is_empty() {
        let keys = band_keys(signature);
        let mut candidates: Vec<i64> = Vec::new();
        {
            let mut find = tx.prepare_cached(
                "SELECT report_rid FROM minhash_bands WHERE band = ?1 AND key = ?2",
            )?;
            let mut ins = tx.prepare_cached(
                "INSERT OR IGNORE INTO minhash_bands (band, key, report_rid) VALUES (?1, ?2, ?3)",
            )?;
            for (band, key) in keys.iter().enumerate() {
                let rows = find.query_map(params![band as i64, key], |r| r.get::<_, i64>(0))?;
                for other in rows {
                    let other = other?;
                    if other != rid && !candidates.contains(&other) {
                        candidates.push(other);
                    }
                }
                ins.execute(params![band as i64, key, rid])?;
            }
        }
        let mut get = tx.prepare_cached("SELECT id, minhash FROM reports WHERE rid = ?1")?;
        let mut link = tx.prepare_cached(
                "INSERT OR REPLACE INTO near_duplicates (report_rid, other_rid, similarity) VALUES (?1, ?2, ?3)",
            )?;
        for other in candidates {
            let (other_id, blob): (String, Option<Vec<u8>>) =
                get.query_row([other], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let sim = signature_similarity(signature, &decode_signature(&blob.unwrap_or_default()));
            if sim >= NEAR_DUPLICATE_THRESHOLD {
                link.execute(params![rid, other, f64::from(sim)])?;
                near.push((ReportId(other_id), sim));
            }
        }
    }
    near.sort_by(|a, b| b.1.total_cmp(&a.1));
    Ok(PutOutcome::Stored {
        near_duplicates: near,
    })
}

impl Store for SqliteStore {
    fn put_doc(&mut self, doc: &Doc, signature: &[u32]) -> Result<PutOutcome, StoreError> {
        // IMMEDIATE takes the write lock up front, so two writers queue on the busy
        // timeout instead of one failing when its read turns into a write.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = put_doc_tx(&tx, doc, signature)?;
        tx.commit()?;
        Ok(out)
    }

    fn put_docs(&mut self, docs: &[(&Doc, &[u32])]) -> Result<Vec<PutOutcome>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(docs.len());
        for (doc, signature) in docs {
            out.push(put_doc_tx(&tx, doc, signature)?);
        }
        tx.commit()?;
        Ok(out)
    }

    fn contains(&self, id: &ReportId) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM reports WHERE id = ?1", [&id.0], |_| Ok(()))
            .optional()?
            .is_some())
    }

    fn list_reports(&self, query: &ReportQuery) -> Result<Vec<ReportSummary>, StoreError> {
        let mut sql = String::from(
            "SELECT r.id, r.title, r.outlet, r.published, r.format, r.bytes,
                    (SELECT COUNT(*) FROM sentences s WHERE s.report_rid = r.rid),
                    (SELECT COUNT(*) FROM near_duplicates n WHERE n.report_rid = r.rid OR n.other_rid = r.rid),",
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(q) = &query.search {
            sql.push_str(
                " snippet(reports_fts, 1, '[', ']', '…', 12)
                  FROM reports_fts JOIN reports r ON r.rid = reports_fts.rowid
                  WHERE reports_fts MATCH ?",
            );
            args.push(q.clone().into());
        } else {
            sql.push_str(" NULL FROM reports r WHERE 1");
        }
        let plan = self.actor_plan(query.actor.as_deref(), query.limit)?;
        query::push_report_filters(query, plan, &mut sql, &mut args);
        if query.search.is_some() {
            sql.push_str(" ORDER BY rank");
        } else {
            sql.push_str(" ORDER BY r.published IS NULL, r.published DESC, r.rid");
        }
        sql.push_str(" LIMIT ? OFFSET ?");
        args.push((query.limit.map_or(-1, |l| l as i64)).into());
        args.push((query.offset as i64).into());
        let run = |args: &[rusqlite::types::Value]| -> Result<Vec<ReportSummary>, rusqlite::Error> {
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok(ReportSummary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: parse_date(r.get(3)?),
                    format: r.get(4)?,
                    bytes: r.get::<_, i64>(5)? as usize,
                    sentences: r.get::<_, i64>(6)? as usize,
                    near_duplicates: r.get::<_, i64>(7)? as usize,
                    snippet: r.get(8)?,
                })
            })?;
            rows.collect()
        };
        let refused = |e: &rusqlite::Error| {
            // SQLITE_ERROR while running a MATCH is FTS5 refusing the query text.
            matches!(e, rusqlite::Error::SqliteFailure(err, Some(_)) if err.code == rusqlite::ErrorCode::Unknown)
        };
        let first = run(&args);
        let result = match (&query.search, first) {
            // News terms such as "Jaish al-Adl", "U.S." or "6,500" are not valid FTS5
            // syntax; searched for as quoted terms they find what the user meant.
            (Some(q), Err(e)) if refused(&e) => {
                let mut quoted = args.clone();
                quoted[0] = quote_terms(q).into();
                run(&quoted).map_err(|_| e)
            }
            (_, r) => r,
        };
        result.map_err(|e| match (&query.search, &e) {
            (Some(q), rusqlite::Error::SqliteFailure(err, Some(msg)))
                if err.code == rusqlite::ErrorCode::Unknown =>
            {
                StoreError::BadQuery {
                    query: q.clone(),
                    message: msg.clone(),
                }
            }
            _ => StoreError::Sqlite(e),
        })
    }

    fn list_reports_page(
        &self,
        query: &ReportQuery,
        cursor: Option<&str>,
    ) -> Result<Page<ReportSummary>, StoreError> {
        self.list_reports_page_impl(query, cursor)
    }

    fn list_spans(&self, query: &SpanQuery) -> Result<Page<SpanRecord>, StoreError> {
        self.list_spans_impl(query)
    }

    fn list_actors(&self, query: &ActorQuery) -> Result<Vec<ActorSummary>, StoreError> {
        self.list_actors_impl(query)
    }

    fn list_places(&self, query: &PlaceQuery) -> Result<Vec<PlaceSummary>, StoreError> {
        self.list_places_impl(query)
    }

    fn list_claims(&self, query: &ClaimQuery) -> Result<Page<ClaimRecord>, StoreError> {
        self.list_claims_impl(query)
    }

    fn list_events(&self, query: &EventQuery) -> Result<Page<EventRecord>, StoreError> {
        self.list_events_impl(query)
    }

    fn indicator_series(&self, query: &SeriesQuery) -> Result<IndicatorSeries, StoreError> {
        self.indicator_series_impl(query)
    }

    fn list_contradictions(
        &self,
        query: &ContradictionQuery,
    ) -> Result<Vec<Contradiction>, StoreError> {
        self.list_contradictions_impl(query)
    }

    fn figure_history(
        &self,
        subject: &str,
        unit: Option<&str>,
    ) -> Result<Vec<FigureRecord>, StoreError> {
        self.figure_history_impl(subject, unit)
    }

    fn reports_per_day(&self, actor: Option<&str>) -> Result<Vec<DayCount>, StoreError> {
        self.reports_per_day_impl(actor)
    }

    fn get_report(&self, id: &str) -> Result<Option<StoredReport>, StoreError> {
        let Some(rid) = self.resolve_rid(id)? else {
            return Ok(None);
        };
        type Row = (
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            String,
        );
        let row: Row = self.conn.query_row(
            "SELECT id, url, outlet, title, published, published_origin, language, format, origin,
                    text, raw, alignment, ingested_at FROM reports WHERE rid = ?1",
            [rid],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                    r.get(11)?,
                    r.get(12)?,
                ))
            },
        )?;
        let (
            id,
            url,
            outlet,
            title,
            published,
            origin_of_date,
            language,
            format,
            origin,
            text,
            raw,
            alignment,
            ingested_at,
        ) = row;
        let alignment: Option<Alignment> = match alignment {
            Some(a) => Some(
                serde_json::from_str(&a)
                    .map_err(|e| StoreError::Corrupt(format!("alignment of {id}: {e}")))?,
            ),
            None => None,
        };
        let format = SourceFormat::parse(&format)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown format {format:?} of {id}")))?;
        let report = Report {
            id: ReportId(id),
            url,
            outlet,
            title,
            published: parse_date(published),
            published_origin: origin_of_date.as_deref().and_then(DateOrigin::parse),
            language,
            format,
            raw,
            alignment,
            text,
            origin,
        };
        let check = |s: i64, e: i64| -> Result<Span, StoreError> {
            let span = Span::new(s as usize, e as usize)
                .map_err(|err| StoreError::Corrupt(err.to_string()))?;
            span.check(&report.text)
                .map_err(|err| StoreError::Corrupt(err.to_string()))?;
            Ok(span)
        };
        let mut stmt = self
            .conn
            .prepare("SELECT start, \"end\" FROM sentences WHERE report_rid = ?1 ORDER BY idx")?;
        let raw_sentences: Vec<(i64, i64)> = stmt
            .query_map([rid], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let sentences = raw_sentences
            .into_iter()
            .map(|(s, e)| check(s, e))
            .collect::<Result<Vec<_>, _>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT layer, start, \"end\", label, key, component, confidence, attrs
             FROM spans WHERE report_rid = ?1 ORDER BY sid",
        )?;
        type SpanRow = (
            String,
            i64,
            i64,
            String,
            Option<String>,
            String,
            f64,
            Option<String>,
        );
        let rows: Vec<SpanRow> = stmt
            .query_map([rid], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut spans = Vec::with_capacity(rows.len());
        for (layer, s, e, label, key, component, confidence, attrs) in rows {
            spans.push(StoredSpan {
                layer,
                span: check(s, e)?,
                label,
                key,
                component,
                confidence: confidence as f32,
                attrs: attrs
                    .map(|a| serde_json::from_str(&a))
                    .transpose()
                    .map_err(|err| StoreError::Corrupt(err.to_string()))?
                    .unwrap_or(serde_json::Value::Null),
            });
        }
        let mut stmt = self.conn.prepare(
            "SELECT r.id, n.similarity FROM near_duplicates n JOIN reports r
               ON r.rid = CASE WHEN n.report_rid = ?1 THEN n.other_rid ELSE n.report_rid END
             WHERE n.report_rid = ?1 OR n.other_rid = ?1 ORDER BY n.similarity DESC",
        )?;
        let near_duplicates = stmt
            .query_map([rid], |r| Ok((r.get(0)?, r.get::<_, f64>(1)? as f32)))?
            .collect::<Result<_, _>>()?;
        Ok(Some(StoredReport {
            report,
            ingested_at,
            sentences,
            spans,
            near_duplicates,
        }))
    }

    fn counts(&self) -> Result<Counts, StoreError> {
        let count = |sql: &str| -> Result<usize, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        let mut stmt = self
            .conn
            .prepare("SELECT layer, COUNT(*) FROM spans GROUP BY layer ORDER BY layer")?;
        let per_layer = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?
            .collect::<Result<_, _>>()?;
        Ok(Counts {
            reports: count("SELECT COUNT(*) FROM reports")?,
            sentences: count("SELECT COUNT(*) FROM sentences")?,
            spans: count("SELECT COUNT(*) FROM spans")?,
            near_duplicate_links: count("SELECT COUNT(*) FROM near_duplicates")?,
            per_layer,
        })
    }

    fn near_duplicates(&self) -> Result<Vec<NearDuplicate>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.title, b.id, b.title, n.similarity FROM near_duplicates n
             JOIN reports a ON a.rid = n.report_rid JOIN reports b ON b.rid = n.other_rid
             ORDER BY n.similarity DESC, a.id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(NearDuplicate {
                    report: r.get(0)?,
                    report_title: r.get(1)?,
                    other: r.get(2)?,
                    other_title: r.get(3)?,
                    similarity: r.get::<_, f64>(4)? as f32,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn mark_input_done(&mut self, input: &str, fingerprint: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO inputs (input, fingerprint, done_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(input) DO UPDATE SET fingerprint = excluded.fingerprint, done_at = excluded.done_at",
            params![
                input,
                fingerprint,
                chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ],
        )?;
        Ok(())
    }

    fn input_done(&self, input: &str, fingerprint: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM inputs WHERE input = ?1 AND fingerprint = ?2",
                [input, fingerprint],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }
}

#[cfg(test)]
mod tests;
