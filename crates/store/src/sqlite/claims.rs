//! Claims across reports: the spans of the `claims` layer indexed by speaker,
//! proposition, actors and figures (tables of migration 3), and the contradictions
//! between them.
//!
//! Linking is done as claims are stored: each new claim is compared only with the
//! stored claims the indexes give as candidates — the same predicate with the same scope
//! or subject and the opposite polarity, or a figure of the same subject and unit — and
//! [`contradiction`] decides. The older claim of a pair is always `a`, and is the first
//! argument of [`contradiction`], so linking at insert and the backfill of migration 3
//! give the same rows.

use super::{parse_date, SqliteStore};
use crate::cursor::ClaimPosition;
use crate::model::{
    ClaimDate, ClaimPlace, ClaimQuery, ClaimRecord, Contradiction, ContradictionQuery,
    FigureRecord, Page, SentenceText,
};
use crate::StoreError;
use rusqlite::types::Value as Sql;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde_json::Value;
use spillover_doc::claim::{contradiction, Bound, ClaimFacts, Figure, Stance};
use spillover_doc::Span;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::rc::Rc;

/// The layer whose spans are claims.
pub(crate) const CLAIMS_LAYER: &str = "claims";

/// Facts kept in memory while linking; past this many the cache starts afresh, so a
/// backfill of a large corpus stays bounded.
const FACTS_CACHE: usize = 50_000;

/// A claim span as stored, to be indexed.
pub(crate) struct StoredClaim<'a> {
    pub sid: i64,
    pub report_rid: i64,
    /// The report's publication date (`YYYY-MM-DD`).
    pub published: Option<&'a str>,
    pub key: Option<&'a str>,
    pub label: &'a str,
    pub attrs: &'a Value,
}

/// The facts a claim is indexed and compared by: those of its attrs, with the span's key
/// for a missing speaker, its label for a missing stance, and the date it is filed under
/// (its report's when it gives none) for a missing date.
fn facts(key: Option<&str>, label: &str, attrs: &Value, said_on: Option<&str>) -> ClaimFacts {
    let mut f = ClaimFacts::from_attrs(attrs);
    if f.speaker.is_none() {
        f.speaker = key.map(str::to_string);
    }
    if !attrs["stance"].is_string() {
        if let Some(stance) = Stance::parse(label) {
            f.stance = stance;
        }
    }
    if f.date.is_none() {
        f.date = said_on.map(str::to_string);
    }
    f
}

fn bound_name(bound: Bound) -> &'static str {
    match bound {
        Bound::Exact => "exact",
        Bound::AtMost => "at_most",
        Bound::AtLeast => "at_least",
        Bound::About => "about",
        Bound::Range => "range",
    }
}

/// The date a claim is filed under: its own, else its report's.
fn said_on(attrs: &Value, published: Option<&str>) -> Option<String> {
    attrs["date"]["value"]
        .as_str()
        .filter(|v| !v.is_empty())
        .or(published)
        .map(str::to_string)
}

/// Writes the `claims`, `claim_about` and `claim_figures` rows of one stored claim span.
pub(crate) fn index_claim(conn: &Connection, claim: StoredClaim<'_>) -> rusqlite::Result<()> {
    let said_on = said_on(claim.attrs, claim.published);
    let f = facts(claim.key, claim.label, claim.attrs, said_on.as_deref());
    let hedged = claim.attrs["hedged"]
        .as_bool()
        .unwrap_or(f.stance == Stance::Hedged);
    conn.prepare_cached(
        "INSERT INTO claims (sid, report_rid, speaker, stance, polarity, predicate, scope,
                             subject, said_on, negated, hedged)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        claim.sid,
        claim.report_rid,
        f.speaker,
        f.stance.as_str(),
        f.polarity(),
        f.predicate,
        f.scope,
        f.subject,
        said_on,
        f.negated,
        hedged,
    ])?;
    let mut about =
        conn.prepare_cached("INSERT OR IGNORE INTO claim_about (claim, actor) VALUES (?1, ?2)")?;
    let mentioned = claim.attrs["about"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    for actor in mentioned.chain(f.subject.as_deref()) {
        if !actor.is_empty() {
            about.execute(params![claim.sid, actor])?;
        }
    }
    let mut figure = conn.prepare_cached(
        "INSERT INTO claim_figures (claim, idx, subject, unit, value, high, bound)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, fig) in f.figures.iter().enumerate() {
        figure.execute(params![
            claim.sid,
            i as i64,
            fig.subject,
            fig.unit,
            fig.value,
            fig.high,
            bound_name(fig.bound),
        ])?;
    }
    Ok(())
}

/// The facts of stored claims, read from their spans once each.
#[derive(Default)]
struct FactsCache(HashMap<i64, Option<Rc<ClaimFacts>>>);

impl FactsCache {
    fn get(&mut self, conn: &Connection, sid: i64) -> rusqlite::Result<Option<Rc<ClaimFacts>>> {
        if let Some(f) = self.0.get(&sid) {
            return Ok(f.clone());
        }
        if self.0.len() >= FACTS_CACHE {
            self.0.clear();
        }
        let f = conn
            .prepare_cached(
                "SELECT s.key, s.label, s.attrs, c.said_on
                 FROM claims c JOIN spans s ON s.sid = c.sid WHERE c.sid = ?1",
            )?
            .query_row([sid], |r| {
                let key: Option<String> = r.get(0)?;
                let label: String = r.get(1)?;
                let attrs = parse_attrs(r.get::<_, Option<String>>(2)?.as_deref());
                let said_on: Option<String> = r.get(3)?;
                Ok(Rc::new(facts(
                    key.as_deref(),
                    &label,
                    &attrs,
                    said_on.as_deref(),
                )))
            })
            .optional()?;
        self.0.insert(sid, f.clone());
        Ok(f)
    }
}

/// A span's attrs JSON; unreadable attrs count as none (the claim is still listed).
pub(super) fn parse_attrs(attrs: Option<&str>) -> Value {
    attrs
        .and_then(|a| serde_json::from_str(a).ok())
        .unwrap_or(Value::Null)
}

/// At most this many of the most recent opposing claims per proposition key (and of
/// figures per subject and unit) are read for a new claim.
pub(crate) const CANDIDATES_PER_KEY: i64 = 24;

/// A new claim is linked to at most this many of them per key, the most recent one of
/// each speaker first: a hot proposition ("harbours_militants in AFG", argued over in
/// thousands of reports) gains links to each side's latest voices, not to every claim
/// ever made, so links grow linearly with the claims.
pub(crate) const LINKS_PER_KEY: usize = 4;

/// The facts of a stored claim read from its columns (no JSON), without figures.
fn column_facts(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, ClaimFacts)> {
    let stance: String = r.get(2)?;
    Ok((
        r.get(0)?,
        ClaimFacts {
            speaker: r.get(1)?,
            stance: Stance::parse(&stance).unwrap_or_default(),
            negated: r.get::<_, i64>(3)? != 0,
            predicate: r.get(4)?,
            scope: r.get(5)?,
            subject: r.get(6)?,
            date: r.get(7)?,
            figures: Vec::new(),
        },
    ))
}

/// Why the claim `sid` with facts `f` contradicts older stored claims: (older sid,
/// reason) pairs, read through the indexes only and bounded per key.
fn contradicted(
    conn: &Connection,
    sid: i64,
    f: &ClaimFacts,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut out: Vec<(i64, String)> = Vec::new();
    // Per key: the speakers already linked, and how many links were made.
    let mut speakers: Vec<Option<String>> = Vec::new();
    let mut push = |other: i64,
                    older: &ClaimFacts,
                    reason: Option<String>,
                    speakers: &mut Vec<Option<String>>| {
        let Some(reason) = reason else { return };
        if speakers.len() >= LINKS_PER_KEY
            || (older.speaker.is_some() && speakers.contains(&older.speaker))
            || out.iter().any(|(o, _)| *o == other)
        {
            return;
        }
        speakers.push(older.speaker.clone());
        out.push((other, reason));
    };
    let polarity = f.polarity();
    if let (Some(predicate), Some(held)) = (&f.predicate, polarity) {
        for (column, value) in [("scope", &f.scope), ("subject", &f.subject)] {
            let Some(v) = value else { continue };
            let sql = format!(
                "SELECT sid, speaker, stance, negated, predicate, scope, subject, said_on
                 FROM claims WHERE predicate = ?1 AND {column} = ?2 AND polarity = ?3 AND sid < ?4
                 ORDER BY sid DESC LIMIT ?5"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(
                params![predicate, v, !held, sid, CANDIDATES_PER_KEY],
                column_facts,
            )?;
            speakers.clear();
            for row in rows {
                let (other, older) = row?;
                let reason = contradiction(&older, f);
                push(other, &older, reason, &mut speakers);
            }
        }
    }
    // Figures contradict only between claims that both hold their content true.
    if polarity == Some(true) {
        let mut stmt = conn.prepare_cached(
            "SELECT c.sid, c.speaker, c.stance, c.negated, c.predicate, c.scope, c.subject,
                    c.said_on, f.value, f.high, f.bound
             FROM claim_figures f JOIN claims c ON c.sid = f.claim
             WHERE f.subject = ?1 AND f.unit = ?2 AND f.claim < ?3 AND c.polarity = 1
             ORDER BY f.claim DESC LIMIT ?4",
        )?;
        for fig in &f.figures {
            let rows = stmt.query_map(
                params![fig.subject, fig.unit, sid, CANDIDATES_PER_KEY],
                |r| {
                    let (other, mut older) = column_facts(r)?;
                    let bound: String = r.get(10)?;
                    older.figures.push(Figure {
                        subject: fig.subject.clone(),
                        unit: fig.unit.clone(),
                        value: r.get(8)?,
                        high: r.get(9)?,
                        bound: Bound::parse(&bound),
                    });
                    Ok((other, older))
                },
            )?;
            speakers.clear();
            // Compare on this figure only, as if the new claim gave just it.
            let mut one = f.clone();
            one.predicate = None;
            one.figures = vec![fig.clone()];
            for row in rows {
                let (other, older) = row?;
                let reason = contradiction(&older, &one);
                push(other, &older, reason, &mut speakers);
            }
        }
    }
    Ok(out)
}

/// Links each of `sids` (indexed claims, in ascending order) to the older stored claims
/// it contradicts. Returns the number of links written.
pub(crate) fn link_claims(conn: &Connection, sids: &[i64]) -> rusqlite::Result<usize> {
    let mut cache = FactsCache::default();
    let mut linked = 0;
    for &sid in sids {
        let Some(f) = cache.get(conn, sid)? else {
            continue;
        };
        for (other, reason) in contradicted(conn, sid, &f)? {
            linked += conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO claim_links (a, b, reason) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![other, sid, reason])?;
        }
    }
    Ok(linked)
}

/// Migration 3: indexes every stored claim span, then links them as if they had been
/// stored in order.
pub(crate) fn backfill(conn: &Connection) -> rusqlite::Result<()> {
    let mut sids = Vec::new();
    super::each_stored_span(conn, CLAIMS_LAYER, |r| {
        index_claim(
            conn,
            StoredClaim {
                sid: r.sid,
                report_rid: r.report_rid,
                published: r.published.as_deref(),
                key: r.key.as_deref(),
                label: &r.label,
                attrs: &r.attrs,
            },
        )?;
        sids.push(r.sid);
        Ok(())
    })?;
    link_claims(conn, &sids)?;
    Ok(())
}

/// A claim row as read for a listing, before its text is resolved.
struct RawClaim {
    sid: i64,
    rid: i64,
    report: String,
    title: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    start: usize,
    end: usize,
    label: String,
    key: Option<String>,
    attrs: Option<String>,
    speaker: Option<String>,
    stance: String,
    predicate: Option<String>,
    scope: Option<String>,
    subject: Option<String>,
    said_on: Option<String>,
    negated: bool,
    hedged: bool,
    links: usize,
}

/// The text of byte range `[s, e]` (a JSON pair) of `text`, when it is one.
fn slice_pair<'t>(text: &'t str, pair: &Value) -> Option<&'t str> {
    let s = usize::try_from(pair.get(0)?.as_u64()?).ok()?;
    let e = usize::try_from(pair.get(1)?.as_u64()?).ok()?;
    if s > e {
        return None;
    }
    text.get(s..e)
}

/// The texts of a list of byte ranges, joined with " … "; `None` when none slices.
fn joined(text: &str, pairs: &Value) -> Option<String> {
    let parts: Vec<&str> = pairs
        .as_array()?
        .iter()
        .filter_map(|p| slice_pair(text, p))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" … "))
}

fn string(v: &Value) -> Option<String> {
    v.as_str().filter(|s| !s.is_empty()).map(str::to_string)
}

impl SqliteStore {
    pub(crate) fn list_claims_impl(
        &self,
        query: &ClaimQuery,
    ) -> Result<Page<ClaimRecord>, StoreError> {
        let after = query
            .cursor
            .as_deref()
            .map(ClaimPosition::decode)
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
        // Two stretches, like report listings: dated claims (date descending, then row
        // descending), then undated ones (row descending).
        let dated_left = after.as_ref().is_none_or(|p| p.said_on.is_some());
        let undated_possible = query.since.is_none() && query.until.is_none();
        let mut keys: Vec<ClaimPosition> = Vec::new();
        for dated in [true, false] {
            if (dated && !dated_left) || (!dated && !undated_possible) {
                continue;
            }
            let want = limit + 1 - keys.len();
            if want == 0 {
                break;
            }
            let mut args: Vec<Sql> = Vec::new();
            let mut sql = String::from("SELECT c.said_on, c.sid FROM claims c WHERE 1");
            match (dated, after.as_ref()) {
                (
                    true,
                    Some(ClaimPosition {
                        said_on: Some(d),
                        sid,
                    }),
                ) => {
                    sql.push_str(" AND c.said_on IS NOT NULL AND (c.said_on, c.sid) < (?, ?)");
                    args.push(d.clone().into());
                    args.push((*sid).into());
                }
                (true, _) => sql.push_str(" AND c.said_on IS NOT NULL"),
                (false, Some(ClaimPosition { said_on: None, sid })) => {
                    sql.push_str(" AND c.said_on IS NULL AND c.sid < ?");
                    args.push((*sid).into());
                }
                (false, _) => sql.push_str(" AND c.said_on IS NULL"),
            }
            push_claim_filters(query, report_rid, &mut sql, &mut args);
            sql.push_str(if dated {
                " ORDER BY c.said_on DESC, c.sid DESC LIMIT ?"
            } else {
                " ORDER BY c.sid DESC LIMIT ?"
            });
            args.push((want as i64).into());
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
                Ok(ClaimPosition {
                    said_on: r.get(0)?,
                    sid: r.get(1)?,
                })
            })?;
            for row in rows {
                keys.push(row?);
            }
        }
        let next_cursor = if keys.len() > limit {
            keys.truncate(limit);
            keys.last().map(ClaimPosition::encode)
        } else {
            None
        };
        let sids: Vec<i64> = keys.iter().map(|k| k.sid).collect();
        let items = self.claim_records(&sids)?;
        Ok(Page { items, next_cursor })
    }

    pub(crate) fn list_contradictions_impl(
        &self,
        query: &ContradictionQuery,
    ) -> Result<Vec<Contradiction>, StoreError> {
        let limit = query.effective_limit() as i64;
        let row = |r: &rusqlite::Row<'_>| Ok((r.get(0)?, r.get(1)?, r.get(2)?));
        let links: Vec<(i64, i64, String)> = match &query.about {
            // The `b` index holds `(b, a)`: the newest links first without sorting.
            None => self
                .conn
                .prepare_cached(
                    "SELECT a, b, reason FROM claim_links ORDER BY b DESC, a DESC LIMIT ?1",
                )?
                .query_map(params![limit], row)?
                .collect::<Result<_, _>>()?,
            Some(actor) => self
                .conn
                .prepare_cached(
                    "WITH hit(sid) AS (
                         SELECT sid FROM claims WHERE speaker = ?1
                         UNION SELECT claim FROM claim_about WHERE actor = ?1)
                     SELECT a, b, reason FROM claim_links
                     WHERE a IN (SELECT sid FROM hit) OR b IN (SELECT sid FROM hit)
                     ORDER BY b DESC, a DESC LIMIT ?2",
                )?
                .query_map(params![actor, limit], row)?
                .collect::<Result<_, _>>()?,
        };
        let mut sids: Vec<i64> = links.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
        sids.sort_unstable();
        sids.dedup();
        let records: HashMap<i64, ClaimRecord> = self
            .claim_records(&sids)?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        let mut out = Vec::with_capacity(links.len());
        for (a, b, reason) in links {
            let (Some(ra), Some(rb)) = (records.get(&a).cloned(), records.get(&b).cloned()) else {
                return Err(StoreError::Corrupt(format!(
                    "contradiction {a}-{b} links a claim that is not stored"
                )));
            };
            out.push(Contradiction {
                a: ra,
                b: rb,
                reason,
            });
        }
        Ok(out)
    }

    pub(crate) fn figure_history_impl(
        &self,
        subject: &str,
        unit: Option<&str>,
    ) -> Result<Vec<FigureRecord>, StoreError> {
        let mut sql = String::from(
            "SELECT f.claim, f.subject, f.unit, f.value, f.high, f.bound, c.said_on, c.speaker,
                    c.stance, c.hedged, r.id, r.title, r.published, s.attrs
             FROM claim_figures f JOIN claims c ON c.sid = f.claim
             JOIN reports r ON r.rid = c.report_rid JOIN spans s ON s.sid = c.sid
             WHERE f.subject = ?",
        );
        let mut args: Vec<Sql> = vec![subject.to_string().into()];
        if let Some(u) = unit {
            sql.push_str(" AND f.unit = ?");
            args.push(u.to_string().into());
        }
        sql.push_str(" ORDER BY c.said_on IS NULL, c.said_on, f.claim, f.idx");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            let attrs = parse_attrs(r.get::<_, Option<String>>(13)?.as_deref());
            Ok(FigureRecord {
                claim: r.get(0)?,
                subject: r.get(1)?,
                unit: r.get(2)?,
                value: r.get(3)?,
                high: r.get(4)?,
                bound: r.get(5)?,
                date: r.get(6)?,
                speaker: r.get(7)?,
                stance: r.get(8)?,
                hedged: r.get(9)?,
                report: r.get(10)?,
                title: r.get(11)?,
                published: parse_date(r.get(12)?),
                speaker_name: speaker_name(&attrs),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The listing records of claims `sids`, in that order (a sid no longer stored is
    /// left out), reading each report's text once.
    fn claim_records(&self, sids: &[i64]) -> Result<Vec<ClaimRecord>, StoreError> {
        let mut texts: HashMap<i64, (String, Vec<(usize, usize)>)> = HashMap::new();
        let mut out = Vec::with_capacity(sids.len());
        for &sid in sids {
            let Some(raw) = self.raw_claim(sid)? else {
                continue;
            };
            if let Entry::Vacant(slot) = texts.entry(raw.rid) {
                slot.insert(self.report_text(raw.rid)?);
            }
            let Some((text, sentences)) = texts.get(&raw.rid) else {
                continue;
            };
            let rid = raw.rid;
            let mut rec = claim_record(raw, text, sentences)?;
            rec.place = self.claim_place(rid, &rec)?;
            out.push(rec);
        }
        Ok(out)
    }

    /// The finest place a claim's content names, with its stored coordinate.
    fn claim_place(&self, rid: i64, rec: &ClaimRecord) -> Result<Option<ClaimPlace>, StoreError> {
        let Some(attrs) = self
            .conn
            .prepare_cached("SELECT attrs FROM spans WHERE sid = ?1")?
            .query_row([rec.id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten()
        else {
            return Ok(None);
        };
        let attrs = parse_attrs(Some(&attrs));
        let rank = |p: &str| match p {
            "point" => 0,
            "admin2" => 1,
            "admin1" => 2,
            "border" => 3,
            "border_region" => 4,
            "region" => 5,
            _ => 6,
        };
        let Some(best) = attrs["places"].as_array().and_then(|v| {
            v.iter()
                .filter(|p| p["start"].is_u64() && p["end"].is_u64())
                .min_by_key(|p| rank(p["precision"].as_str().unwrap_or("")))
        }) else {
            return Ok(None);
        };
        let start = best["start"].as_u64().unwrap_or(0) as usize;
        let end = best["end"].as_u64().unwrap_or(0) as usize;
        let point: Option<(Option<f64>, Option<f64>)> = self
            .conn
            .prepare_cached(
                "SELECT p.lat, p.lon FROM places p JOIN spans s ON s.sid = p.sid
                 WHERE p.report_rid = ?1 AND s.start = ?2 AND s.\"end\" = ?3
                 ORDER BY p.sid LIMIT 1",
            )?
            .query_row(params![rid, start as i64, end as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let (lat, lon) = point.unwrap_or((None, None));
        Ok(Some(ClaimPlace {
            key: string(&best["key"]),
            name: string(&best["name"]),
            country: string(&best["country"]),
            precision: string(&best["precision"]),
            lat,
            lon,
            start,
            end,
        }))
    }

    fn raw_claim(&self, sid: i64) -> Result<Option<RawClaim>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT c.sid, c.report_rid, r.id, r.title, r.published, r.outlet,
                        s.start, s.\"end\", s.label, s.key, s.attrs,
                        c.speaker, c.stance, c.predicate, c.scope, c.subject, c.said_on,
                        c.negated, c.hedged,
                        (SELECT COUNT(*) FROM claim_links l WHERE l.a = c.sid)
                          + (SELECT COUNT(*) FROM claim_links l WHERE l.b = c.sid)
                 FROM claims c JOIN spans s ON s.sid = c.sid
                 JOIN reports r ON r.rid = c.report_rid
                 WHERE c.sid = ?1",
            )?
            .query_row([sid], |r| {
                Ok(RawClaim {
                    sid: r.get(0)?,
                    rid: r.get(1)?,
                    report: r.get(2)?,
                    title: r.get(3)?,
                    published: r.get(4)?,
                    outlet: r.get(5)?,
                    start: r.get::<_, i64>(6)? as usize,
                    end: r.get::<_, i64>(7)? as usize,
                    label: r.get(8)?,
                    key: r.get(9)?,
                    attrs: r.get(10)?,
                    speaker: r.get(11)?,
                    stance: r.get(12)?,
                    predicate: r.get(13)?,
                    scope: r.get(14)?,
                    subject: r.get(15)?,
                    said_on: r.get(16)?,
                    negated: r.get(17)?,
                    hedged: r.get(18)?,
                    links: r.get::<_, i64>(19)? as usize,
                })
            })
            .optional()?)
    }
}

/// The speaker's name: the resolved actor's, else as written.
fn speaker_name(attrs: &Value) -> Option<String> {
    string(&attrs["speaker"]["name"]).or_else(|| string(&attrs["speaker_text"]))
}

/// A listing record from a claim row and its report's text and sentences.
fn claim_record(
    raw: RawClaim,
    text: &str,
    sentences: &[(usize, usize)],
) -> Result<ClaimRecord, StoreError> {
    let slice = |s: usize, e: usize| -> Result<String, StoreError> {
        let span = Span::new(s, e).map_err(|err| StoreError::Corrupt(err.to_string()))?;
        span.slice(text)
            .map(str::to_string)
            .map_err(|err| StoreError::Corrupt(format!("claim of {}: {err}", raw.report)))
    };
    let span_text = slice(raw.start, raw.end)?;
    let attrs = parse_attrs(raw.attrs.as_deref());
    // Every sentence the claim overlaps (an empty claim: the one holding it).
    let mut held = Vec::new();
    for &(s, e) in sentences {
        let overlaps = if raw.start == raw.end {
            s <= raw.start && raw.start <= e
        } else {
            s < raw.end && raw.start < e
        };
        if overlaps {
            held.push(SentenceText {
                start: s,
                end: e,
                text: slice(s, e)?,
            });
        }
    }
    let date = match (&raw.said_on, string(&attrs["date"]["value"])) {
        (_, Some(value)) => Some(ClaimDate {
            value,
            granularity: string(&attrs["date"]["granularity"]),
            origin: string(&attrs["date"]["origin"]),
        }),
        (Some(value), None) => Some(ClaimDate {
            value: value.clone(),
            granularity: Some("day".into()),
            origin: Some("published".into()),
        }),
        (None, None) => None,
    };
    let f = facts(
        raw.key.as_deref(),
        &raw.label,
        &attrs,
        raw.said_on.as_deref(),
    );
    let medium = string(&attrs["medium"]["name"]).or_else(|| string(&attrs["medium"]["key"]));
    Ok(ClaimRecord {
        id: raw.sid,
        report: raw.report,
        title: raw.title,
        published: parse_date(raw.published),
        outlet: raw.outlet,
        start: raw.start,
        end: raw.end,
        content: joined(text, &attrs["content_spans"]).unwrap_or_else(|| span_text.clone()),
        text: span_text,
        stance: raw.stance,
        speaker: raw.speaker,
        speaker_name: speaker_name(&attrs),
        speaker_text: string(&attrs["speaker_text"])
            .or_else(|| joined(text, &attrs["source_spans"])),
        cue: string(&attrs["cue"]).or_else(|| joined(text, &attrs["cue_spans"])),
        sentences: held,
        date,
        hedged: raw.hedged,
        direct: attrs["direct"].as_bool().unwrap_or(false),
        negated: raw.negated,
        predicate: raw.predicate,
        scope: raw.scope,
        subject: raw.subject,
        about: attrs["about"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(string)
            .collect(),
        figures: f.figures,
        medium,
        contradictions: raw.links,
        place: None,
    })
}

/// Appends the filters of a claim query (the `claims c` alias).
fn push_claim_filters(
    query: &ClaimQuery,
    report_rid: Option<i64>,
    sql: &mut String,
    args: &mut Vec<Sql>,
) {
    if let Some(actor) = &query.about {
        sql.push_str(" AND c.sid IN (SELECT claim FROM claim_about WHERE actor = ?)");
        args.push(actor.clone().into());
    }
    if let Some(speaker) = &query.by {
        sql.push_str(" AND c.speaker = ?");
        args.push(speaker.clone().into());
    }
    if let Some(stance) = &query.stance {
        sql.push_str(" AND c.stance = ?");
        args.push(stance.clone().into());
    }
    if let Some(rid) = report_rid {
        sql.push_str(" AND c.report_rid = ?");
        args.push(rid.into());
    }
    if let Some(d) = query.since {
        // A later date, or the month or year holding `since` ("2023-02" sorts before
        // "2023-02-10" but reaches it).
        sql.push_str(" AND (c.said_on >= ? OR c.said_on IN (?, ?))");
        args.push(d.format("%Y-%m-%d").to_string().into());
        args.push(d.format("%Y").to_string().into());
        args.push(d.format("%Y-%m").to_string().into());
    }
    if let Some(d) = query.until {
        // Up to the end of `until`: "~" sorts after every character of a date, so
        // "2023-12-19T10:00" and "2023-12" pass and "2023-12-20" and "2024" do not.
        sql.push_str(" AND c.said_on < ?");
        args.push(format!("{}~", d.format("%Y-%m-%d")).into());
    }
}

#[cfg(test)]
mod tests;
