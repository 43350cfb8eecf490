//! Storage of reports and everything extracted from them.
//!
//! The [`Store`] trait is what the CLI, the server and the ingest loop talk to; the
//! [`SqliteStore`] is the default backend (bundled SQLite, WAL, FTS5 full-text search,
//! versioned migrations). A PostgreSQL backend implements the same trait.
//!
//! Each report is written in one transaction together with its sentences, span layers,
//! near-duplicate signature and links, so a process killed mid-ingest leaves either the
//! whole report or nothing. Claims (the `claims` layer) are indexed by speaker,
//! proposition, actors and figures in the same transaction and linked to the stored
//! claims they contradict, found through those indexes rather than by comparing pairs.
//! Place mentions (the `places` layer) are indexed by country, coordinate (an R*Tree)
//! and nearest border in the same transaction, for [`Store::list_places`] and the
//! geographic filters of [`ReportQuery::place`] ([`PlaceFilter`]). Events (the
//! `events` layer) are indexed by type, actors, countries, date, place, border and
//! indicator in the same transaction, for [`Store::list_events`].
//!
//! ```
//! use spillover_store::{SqliteStore, Store, ReportQuery};
//! let store = SqliteStore::open_in_memory().unwrap();
//! assert_eq!(store.list_reports(&ReportQuery::default()).unwrap().len(), 0);
//! ```

mod cursor;
mod error;
mod events;
mod geo;
mod indicators;
mod model;
mod sqlite;

pub use error::StoreError;
pub use events::{
    events_csv, events_geojson, EventActor, EventIndicator, EventQuery, EventRecord,
    EVENT_CSV_COLUMNS,
};
pub use geo::{parse_country, parse_km, BorderPair, BoundingBox, GeoError, PlaceFilter};
pub use indicators::{
    series_csv, IndicatorSeries, Interval, Series, SeriesBy, SeriesPoint, SeriesQuery,
    SERIES_CSV_COLUMNS,
};
pub use model::{
    claims_geojson, ActorQuery, ActorSummary, ClaimDate, ClaimPlace, ClaimQuery, ClaimRecord,
    Contradiction, ContradictionQuery, Counts, DayCount, FigureRecord, NearDuplicate, Page,
    PlaceQuery, PlaceSummary, PutOutcome, ReportQuery, ReportSummary, SentenceText, SpanQuery,
    SpanRecord, StoredReport, StoredSpan,
};
pub use sqlite::SqliteStore;

use spillover_doc::{Doc, ReportId};

/// What every storage backend provides.
pub trait Store {
    /// Stores a processed report with its layers and links it to near-duplicates already
    /// stored (MinHash `signature`, compared by LSH banding). All or nothing; a report
    /// whose id is already stored is left as it is.
    fn put_doc(&mut self, doc: &Doc, signature: &[u32]) -> Result<PutOutcome, StoreError>;

    /// Stores several docs in one transaction: all of them or none (a failure or a kill
    /// leaves none of the batch stored, and a rerun stores them again). Far fewer commits
    /// than [`Store::put_doc`] per doc; a doc whose id is stored already (also earlier in
    /// the same batch) comes back as [`PutOutcome::AlreadyStored`].
    fn put_docs(&mut self, docs: &[(&Doc, &[u32])]) -> Result<Vec<PutOutcome>, StoreError> {
        docs.iter().map(|(d, s)| self.put_doc(d, s)).collect()
    }

    /// Whether a report with this id is stored.
    fn contains(&self, id: &ReportId) -> Result<bool, StoreError>;

    /// Reports matching the query, newest first.
    fn list_reports(&self, query: &ReportQuery) -> Result<Vec<ReportSummary>, StoreError>;

    /// One report with its text, sentences and spans; `id` may be a unique prefix (≥ 4 chars).
    fn get_report(&self, id: &str) -> Result<Option<StoredReport>, StoreError>;

    /// One page of reports matching the query, newest first: publication date descending,
    /// then most recently stored; undated reports last. `query.offset` is ignored; pass
    /// the previous page's `next_cursor` as `cursor` instead (keyset paging, stable
    /// under inserts). A full-text search keeps this order (no ranking), so its pages
    /// are stable too. `query.limit` defaults to 50.
    fn list_reports_page(
        &self,
        query: &ReportQuery,
        cursor: Option<&str>,
    ) -> Result<Page<ReportSummary>, StoreError>;

    /// One page of the spans of a layer across reports, each with its report's id and
    /// date, its text and its sentence; in the reports' newest-first order, and in text
    /// order within a report.
    fn list_spans(&self, query: &SpanQuery) -> Result<Page<SpanRecord>, StoreError>;

    /// The actors mentioned across reports: the spans of the `actors` layer grouped by
    /// key, with their mention and report counts and the dates of the first and last
    /// reports mentioning them. Ordered by reports, then mentions (both descending),
    /// then key. `since`/`until` choose the mentions counted; `kind`, `country` and
    /// `search` (name or key) choose actors.
    fn list_actors(&self, query: &ActorQuery) -> Result<Vec<ActorSummary>, StoreError>;

    /// The places mentioned across reports: the spans of the `places` layer grouped by
    /// place key, with their mention and report counts and the dates of the first and
    /// last reports counted. Ordered by reports, then mentions (both descending), then
    /// key. `query.place`, `since`, `until` and `actor` choose the mentions counted.
    fn list_places(&self, query: &PlaceQuery) -> Result<Vec<PlaceSummary>, StoreError>;

    /// One page of claims (the spans of the `claims` layer) matching the query, newest
    /// first by the date they were said, each with its report, speaker, content,
    /// sentences and number of contradictions.
    fn list_claims(&self, query: &ClaimQuery) -> Result<Page<ClaimRecord>, StoreError>;

    /// One page of events (the spans of the `events` layer) matching the query, newest
    /// first by the event's date (else its report's), each with its report, sentence,
    /// actors, place, date, counts and indicators. Only events that happened unless
    /// `query.status` says otherwise.
    fn list_events(&self, query: &EventQuery) -> Result<Page<EventRecord>, StoreError>;

    /// Security-indicator counts per period (day, week, month), one series per
    /// indicator and key (country, province, border or none), the largest first,
    /// zero-filled over the query's window (else the data's).
    fn indicator_series(&self, query: &SeriesQuery) -> Result<IndicatorSeries, StoreError>;

    /// Pairs of stored claims that contradict each other (linked as reports are stored),
    /// the most recently stored first, each with both claims and the reason.
    fn list_contradictions(
        &self,
        query: &ContradictionQuery,
    ) -> Result<Vec<Contradiction>, StoreError>;

    /// Every stored figure for `subject` (an actor id), of `unit` when given, with its
    /// claim's speaker, date and report; by date said, undated last.
    fn figure_history(
        &self,
        subject: &str,
        unit: Option<&str>,
    ) -> Result<Vec<FigureRecord>, StoreError>;

    /// Reports per publication day, oldest first (undated reports are not counted).
    fn reports_per_day(&self, actor: Option<&str>) -> Result<Vec<DayCount>, StoreError>;

    /// Table sizes, for summaries.
    fn counts(&self) -> Result<Counts, StoreError>;

    /// Every near-duplicate link, strongest first.
    fn near_duplicates(&self) -> Result<Vec<NearDuplicate>, StoreError>;

    /// Records that an input (file path or URL) was read completely, with a fingerprint
    /// (size and modification time) so that a rerun can skip it.
    fn mark_input_done(&mut self, input: &str, fingerprint: &str) -> Result<(), StoreError>;

    /// Whether an input with this fingerprint was read completely before.
    fn input_done(&self, input: &str, fingerprint: &str) -> Result<bool, StoreError>;
}
