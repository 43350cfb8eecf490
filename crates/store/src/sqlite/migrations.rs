//! Versioned schema migrations, applied in order and recorded in `PRAGMA user_version`.

/// Migration `i` brings the schema from version `i` to `i + 1`. Append only: never edit
/// a migration that has shipped.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: reports, sentences, spans, full-text search, near-duplicates, input bookkeeping.
    r#"
    CREATE TABLE reports (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,
        published_origin TEXT,
        language TEXT,
        format TEXT NOT NULL,
        origin TEXT,
        text TEXT NOT NULL,
        raw TEXT,
        alignment TEXT,
        bytes INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        minhash BLOB
    );
    CREATE INDEX reports_published ON reports(published);
    CREATE INDEX reports_outlet ON reports(outlet);

    CREATE TABLE sentences (
        report_rid INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (report_rid, idx)
    ) WITHOUT ROWID;

    CREATE TABLE spans (
        sid INTEGER PRIMARY KEY,
        report_rid INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL,
        key TEXT,
        component TEXT NOT NULL,
        confidence REAL NOT NULL,
        attrs TEXT
    );
    CREATE INDEX spans_report ON spans(report_rid, layer);
    CREATE INDEX spans_key ON spans(layer, key);

    CREATE VIRTUAL TABLE reports_fts USING fts5(
        title, text, content='reports', content_rowid='rid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
        INSERT INTO reports_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
    END;
    CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
    END;

    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        report_rid INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
        PRIMARY KEY (band, key, report_rid)
    ) WITHOUT ROWID;

    CREATE TABLE near_duplicates (
        report_rid INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
        other_rid INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
        similarity REAL NOT NULL,
        PRIMARY KEY (report_rid, other_rid)
    ) WITHOUT ROWID;
    CREATE INDEX near_duplicates_other ON near_duplicates(other_rid);

    CREATE TABLE inputs (
        input TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        done_at TEXT NOT NULL
    );
    "#,
    // 2: actors. Spans by (layer, key, report_rid), replacing (layer, key): the reports
    // of an actor and an actor's mentions grouped by report read the index alone.
    // `actor_totals` holds one row per actor id of the `actors` layer with its counts,
    // kept by triggers on `spans` (an insert updates it; a delete recounts that actor),
    // so listing the most reported actors reads a few rows whatever the corpus size.
    // Name, kind and country are those of the latest stored mention that gives them.
    r#"
    DROP INDEX spans_key;
    CREATE INDEX spans_layer_key_report ON spans(layer, key, report_rid);

    CREATE TABLE actor_totals (
        key TEXT PRIMARY KEY,
        name TEXT,
        kind TEXT NOT NULL,
        country TEXT,
        mentions INTEGER NOT NULL,
        reports INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT
    );
    CREATE INDEX actor_totals_rank ON actor_totals(reports DESC, mentions DESC, key);

    CREATE TRIGGER actor_totals_insert AFTER INSERT ON spans
    WHEN new.layer = 'actors' AND new.key IS NOT NULL BEGIN
        INSERT INTO actor_totals (key, name, kind, country, mentions, reports,
                                  first_published, last_published)
        SELECT new.key, json_extract(new.attrs, '$.name'), new.label,
               json_extract(new.attrs, '$.country'), 1, 1, r.published, r.published
        FROM reports r WHERE r.rid = new.report_rid
        ON CONFLICT(key) DO UPDATE SET
            name = coalesce(excluded.name, name),
            kind = excluded.kind,
            country = coalesce(excluded.country, country),
            mentions = mentions + 1,
            reports = reports + NOT EXISTS (
                SELECT 1 FROM spans o WHERE o.layer = 'actors' AND o.key = new.key
                  AND o.report_rid = new.report_rid AND o.sid <> new.sid),
            first_published = coalesce(min(first_published, excluded.first_published),
                                       first_published, excluded.first_published),
            last_published = coalesce(max(last_published, excluded.last_published),
                                      last_published, excluded.last_published);
    END;

    CREATE TRIGGER actor_totals_delete AFTER DELETE ON spans
    WHEN old.layer = 'actors' AND old.key IS NOT NULL BEGIN
        DELETE FROM actor_totals WHERE key = old.key;
        INSERT INTO actor_totals (key, name, kind, country, mentions, reports,
                                  first_published, last_published)
        SELECT s.key,
               (SELECT json_extract(x.attrs, '$.name') FROM spans x
                WHERE x.layer = 'actors' AND x.key = s.key
                  AND json_extract(x.attrs, '$.name') IS NOT NULL ORDER BY x.sid DESC LIMIT 1),
               (SELECT x.label FROM spans x WHERE x.layer = 'actors' AND x.key = s.key
                ORDER BY x.sid DESC LIMIT 1),
               (SELECT json_extract(x.attrs, '$.country') FROM spans x
                WHERE x.layer = 'actors' AND x.key = s.key
                  AND json_extract(x.attrs, '$.country') IS NOT NULL ORDER BY x.sid DESC LIMIT 1),
               COUNT(*), COUNT(DISTINCT s.report_rid), MIN(r.published), MAX(r.published)
        FROM spans s LEFT JOIN reports r ON r.rid = s.report_rid
        WHERE s.layer = 'actors' AND s.key = old.key
        GROUP BY s.key;
    END;

    INSERT INTO actor_totals (key, name, kind, country, mentions, reports,
                              first_published, last_published)
    SELECT s.key,
           (SELECT json_extract(x.attrs, '$.name') FROM spans x
            WHERE x.layer = 'actors' AND x.key = s.key
              AND json_extract(x.attrs, '$.name') IS NOT NULL ORDER BY x.sid DESC LIMIT 1),
           (SELECT x.label FROM spans x WHERE x.layer = 'actors' AND x.key = s.key
            ORDER BY x.sid DESC LIMIT 1),
           (SELECT json_extract(x.attrs, '$.country') FROM spans x
            WHERE x.layer = 'actors' AND x.key = s.key
              AND json_extract(x.attrs, '$.country') IS NOT NULL ORDER BY x.sid DESC LIMIT 1),
           COUNT(*), COUNT(DISTINCT s.report_rid), MIN(r.published), MAX(r.published)
    FROM spans s JOIN reports r ON r.rid = s.report_rid
    WHERE s.layer = 'actors' AND s.key IS NOT NULL
    GROUP BY s.key;
    "#,
    // 3: claims. One `claims` row per span of the `claims` layer (same row id), with
    // what lookups need as columns: speaker, stance, the proposition, the date said
    // (the claim's own, else its report's) and the polarity (1 true, 0 false, NULL for
    // demands and promises), so that the claims a new claim may contradict are found
    // through `(predicate, scope|subject, polarity)` and `claim_figures(subject, unit)`
    // without comparing all pairs. `claim_about` holds the actors a claim is about (those
    // its content mentions and its proposition's subject); `claim_links` the pairs that
    // contradict, older claim first. Rows go with their span (foreign keys cascade).
    // The stored claim spans are indexed and linked by `backfill` below.
    r#"
    CREATE TABLE claims (
        sid INTEGER PRIMARY KEY REFERENCES spans(sid) ON DELETE CASCADE,
        report_rid INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
        speaker TEXT,
        stance TEXT NOT NULL,
        polarity INTEGER,
        predicate TEXT,
        scope TEXT,
        subject TEXT,
        said_on TEXT,
        negated INTEGER NOT NULL,
        hedged INTEGER NOT NULL
    );
    CREATE INDEX claims_report ON claims(report_rid);
    CREATE INDEX claims_speaker ON claims(speaker);
    CREATE INDEX claims_predicate_scope ON claims(predicate, scope, polarity);
    CREATE INDEX claims_predicate_subject ON claims(predicate, subject, polarity);
    CREATE INDEX claims_said_on ON claims(said_on);

    CREATE TABLE claim_about (
        claim INTEGER NOT NULL REFERENCES claims(sid) ON DELETE CASCADE,
        actor TEXT NOT NULL,
        PRIMARY KEY (claim, actor)
    ) WITHOUT ROWID;
    CREATE INDEX claim_about_actor ON claim_about(actor);

    CREATE TABLE claim_figures (
        claim INTEGER NOT NULL REFERENCES claims(sid) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        subject TEXT NOT NULL,
        unit TEXT NOT NULL,
        value REAL NOT NULL,
        high REAL,
        bound TEXT NOT NULL,
        PRIMARY KEY (claim, idx)
    ) WITHOUT ROWID;
    CREATE INDEX claim_figures_subject_unit ON claim_figures(subject, unit);

    CREATE TABLE claim_links (
        a INTEGER NOT NULL REFERENCES claims(sid) ON DELETE CASCADE,
        b INTEGER NOT NULL REFERENCES claims(sid) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        PRIMARY KEY (a, b),
        CHECK (a < b)
    ) WITHOUT ROWID;
    CREATE INDEX claim_links_b ON claim_links(b);
    "#,
    // 4: places. One `places` row per span of the `places` layer (same row id), with
    // what geographic lookups need as columns: the place key the mentions are grouped
    // by (see `places::place_key`), name, country, province, precision, the direction of
    // a region, the reference coordinate, and the nearest international border (pair in
    // alphabetical order) with the distance to it — the latter only for places finer
    // than a country (`places::located`). `places_rtree` indexes the coordinates of
    // those places for bounding-box queries (R*Tree, compiled into the bundled SQLite);
    // its entries are written with the row and deleted by trigger. Rows go with their
    // span (foreign keys cascade). The stored place spans are indexed by `backfill`.
    r#"
    CREATE TABLE places (
        sid INTEGER PRIMARY KEY REFERENCES spans(sid) ON DELETE CASCADE,
        report_rid INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        country TEXT,
        admin1 TEXT,
        precision TEXT NOT NULL,
        direction TEXT,
        lat REAL,
        lon REAL,
        border_pair TEXT,
        border_km REAL
    );
    CREATE INDEX places_report ON places(report_rid);
    CREATE INDEX places_key ON places(key, report_rid);
    CREATE INDEX places_country ON places(country);
    CREATE INDEX places_border ON places(border_pair, border_km);
    CREATE INDEX places_border_km ON places(border_km);

    CREATE VIRTUAL TABLE places_rtree USING rtree(sid, min_lon, max_lon, min_lat, max_lat);
    CREATE TRIGGER places_rtree_delete AFTER DELETE ON places BEGIN
        DELETE FROM places_rtree WHERE sid = old.sid;
    END;
    "#,
    // 5: events. One `events` row per span of the `events` layer (same row id), with
    // what lookups need as columns: PLOVER type, CAMEO code, status, both actors (key,
    // CAMEO-style code, country), the place (key, country, precision) with the
    // coordinate and nearest border of the report's place mention at the same span
    // (`place_sid`; NULL when there is none), the event date (its own, else the
    // report's publication date), the counts and the ACLED types. `event_indicators`
    // holds the security indicators an event raises, with their direction. Rows go
    // with their span (foreign keys cascade). The stored event spans are indexed by
    // `backfill`.
    r#"
    CREATE TABLE events (
        sid INTEGER PRIMARY KEY REFERENCES spans(sid) ON DELETE CASCADE,
        report_rid INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
        plover TEXT NOT NULL,
        cameo TEXT,
        status TEXT NOT NULL,
        source_key TEXT,
        source_code TEXT,
        source_country TEXT,
        target_key TEXT,
        target_code TEXT,
        target_country TEXT,
        place_sid INTEGER,
        place_key TEXT,
        place_country TEXT,
        place_precision TEXT,
        lat REAL,
        lon REAL,
        border_pair TEXT,
        border_km REAL,
        event_date TEXT,
        killed INTEGER,
        wounded INTEGER,
        arrested INTEGER,
        acled_event_type TEXT,
        acled_sub_event_type TEXT
    );
    CREATE INDEX events_report ON events(report_rid);
    CREATE INDEX events_plover ON events(plover, status);
    CREATE INDEX events_status ON events(status);
    CREATE INDEX events_source ON events(source_key);
    CREATE INDEX events_target ON events(target_key);
    CREATE INDEX events_place_country ON events(place_country);
    CREATE INDEX events_source_country ON events(source_country);
    CREATE INDEX events_target_country ON events(target_country);
    CREATE INDEX events_place ON events(place_sid);
    CREATE INDEX events_date ON events(event_date);
    CREATE INDEX events_border ON events(border_pair, border_km);
    CREATE INDEX events_border_km ON events(border_km);

    CREATE TABLE event_indicators (
        event INTEGER NOT NULL REFERENCES events(sid) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        indicator TEXT NOT NULL,
        "from" TEXT,
        "to" TEXT,
        PRIMARY KEY (event, idx)
    ) WITHOUT ROWID;
    CREATE INDEX event_indicators_indicator ON event_indicators(indicator);
    "#,
    // 6: security indicators. One `indicators` row per span of the `indicators` layer
    // (same row id): the indicator, the day it counts on in series (`indicators::
    // count_day`: its own day, else its report's publication date when that lies in the
    // period the text gives, else the period's first day), the date value as resolved,
    // its place — the places row at the same span (`place_sid`) with its country,
    // province, coordinate and nearest border, or only a country when the place is the
    // report's main country — the direction across a border, and whether it lies in an
    // attributed claim and whether an event raises it. Rows go with their span. Reports
    // stored before this version have no indicator spans; `backfill` indexes any there.
    r#"
    CREATE TABLE indicators (
        sid INTEGER PRIMARY KEY REFERENCES spans(sid) ON DELETE CASCADE,
        report_rid INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
        indicator TEXT NOT NULL,
        day TEXT,
        date_value TEXT,
        place_sid INTEGER,
        country TEXT,
        admin1 TEXT,
        lat REAL,
        lon REAL,
        border_pair TEXT,
        border_km REAL,
        "from" TEXT,
        "to" TEXT,
        attributed INTEGER NOT NULL DEFAULT 0,
        with_event INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX indicators_report ON indicators(report_rid);
    CREATE INDEX indicators_day ON indicators(indicator, day);
    CREATE INDEX indicators_country ON indicators(country, day);
    CREATE INDEX indicators_border ON indicators(border_pair, border_km);
    CREATE INDEX indicators_place ON indicators(place_sid);
    "#,
    // 7: the order event listings walk (newest date first, undated last, then newest
    // row), overall and per status, so that a page reads 50 index entries instead of
    // sorting every matching event.
    r#"
    CREATE INDEX IF NOT EXISTS events_order ON events(ifnull(event_date, ''), sid);
    CREATE INDEX IF NOT EXISTS events_status_order ON events(status, ifnull(event_date, ''), sid);
    "#,
    // 8: indicator series read every counted indicator of their window: an index that
    // holds all they read, in day order.
    r#"
    CREATE INDEX IF NOT EXISTS indicators_series
        ON indicators(day, indicator, country, admin1, border_pair, border_km, attributed, report_rid);
    "#,
];

/// What a migration needs beyond its SQL, run in the same transaction right after it:
/// migration 3 indexes and links the claims already stored, migration 4 indexes the
/// places already stored, migration 5 the events, migration 6 the indicators.
pub(crate) fn backfill(version: i64, conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    match version {
        3 => super::claims::backfill(conn),
        4 => super::places::backfill(conn),
        5 => super::events::backfill(conn),
        6 => super::indicators::backfill(conn),
        _ => Ok(()),
    }
}
