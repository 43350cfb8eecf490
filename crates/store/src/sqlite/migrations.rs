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
];
