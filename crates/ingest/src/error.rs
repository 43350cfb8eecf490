/// Why one input (a file, a line of a batch, a feed entry, a URL) could not be ingested.
/// Every variant names the input, so one line of output says what failed and where.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{input}: cannot read: {source}")]
    Io {
        input: String,
        source: std::io::Error,
    },
    #[error("{input}: too large ({size} bytes; the limit is {max}, see --max-bytes)")]
    TooLarge { input: String, size: u64, max: u64 },
    #[error("{input}: binary file (NUL byte at offset {offset}), not a report")]
    Binary { input: String, offset: usize },
    #[error("{input}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { input: String, offset: usize },
    #[error("{input}: invalid JSON: {message}")]
    Json { input: String, message: String },
    #[error("{input}: record has neither \"text\" nor \"html\"")]
    NoText { input: String },
    #[error("{input}: no article text found{detail}")]
    Empty { input: String, detail: String },
    #[error("{input}: not a valid RSS/Atom feed: {message}")]
    Feed { input: String, message: String },
    #[error("{input}: bad date {value:?} (expected YYYY-MM-DD)")]
    BadDate { input: String, value: String },
    #[error("{input}: fetch failed: {message}")]
    Http { input: String, message: String },
    #[error("{input}: refused: {reason}")]
    Blocked { input: String, reason: String },
}

impl IngestError {
    /// The input the error is about.
    pub fn input(&self) -> &str {
        match self {
            IngestError::Io { input, .. }
            | IngestError::TooLarge { input, .. }
            | IngestError::Binary { input, .. }
            | IngestError::InvalidUtf8 { input, .. }
            | IngestError::Json { input, .. }
            | IngestError::NoText { input }
            | IngestError::Empty { input, .. }
            | IngestError::Feed { input, .. }
            | IngestError::BadDate { input, .. }
            | IngestError::Http { input, .. }
            | IngestError::Blocked { input, .. } => input,
        }
    }
}
