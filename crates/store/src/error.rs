use std::path::PathBuf;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("database schema version {found} is newer than this spillover understands ({known}); upgrade spillover")]
    SchemaTooNew { found: i64, known: i64 },
    #[error("migration {version} failed: {source}")]
    Migration {
        version: i64,
        source: rusqlite::Error,
    },
    #[error("bad search query {query:?}: {message}")]
    BadQuery { query: String, message: String },
    #[error("id prefix {0:?} matches several reports; give more characters")]
    AmbiguousId(String),
    #[error("bad cursor {0:?}: pass back a next_cursor exactly as returned")]
    BadCursor(String),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}
