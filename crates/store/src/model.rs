//! Plain records the store returns.

use crate::geo::PlaceFilter;
use chrono::NaiveDate;
use serde::Serialize;
use spillover_doc::{Layer, Report, ReportId, Span};

/// What `put_doc` did.
#[derive(Debug, Clone, PartialEq)]
pub enum PutOutcome {
    /// Newly stored, with the near-duplicates it was linked to.
    Stored {
        near_duplicates: Vec<(ReportId, f32)>,
    },
    /// A report with the same id (same normalised content) was already stored.
    AlreadyStored,
}

/// Filters for listing reports.
#[derive(Debug, Clone, Default)]
pub struct ReportQuery {
    /// FTS5 full-text query over title and text.
    pub search: Option<String>,
    /// Published on or after this date.
    pub since: Option<NaiveDate>,
    /// Published on or before this date.
    pub until: Option<NaiveDate>,
    pub outlet: Option<String>,
    /// Only reports with a mention of this actor (a key of the `actors` layer, e.g.
    /// `taliban` or `doc:person:semyon-grigoryev`).
    pub actor: Option<String>,
    /// Only reports mentioning a place that passes this filter (one mention meeting all
    /// its conditions); the default lets every report through.
    pub place: PlaceFilter,
    /// Only reports raising this security indicator (`border_infiltration` …).
    pub indicator: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
}

/// One line of a report listing.
#[derive(Debug, Clone, Serialize)]
pub struct ReportSummary {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub format: String,
    pub bytes: usize,
    pub sentences: usize,
    /// A highlighted excerpt when the listing came from a full-text search.
    pub snippet: Option<String>,
    /// Number of near-duplicate links.
    pub near_duplicates: usize,
}

/// A stored span of any layer.
#[derive(Debug, Clone, Serialize)]
pub struct StoredSpan {
    pub layer: String,
    #[serde(flatten)]
    pub span: Span,
    pub label: String,
    pub key: Option<String>,
    pub component: String,
    pub confidence: f32,
    pub attrs: serde_json::Value,
}

/// A report as stored: the report itself, its sentences, spans and duplicate links.
#[derive(Debug, Clone, Serialize)]
pub struct StoredReport {
    pub report: Report,
    pub ingested_at: String,
    pub sentences: Vec<Span>,
    pub spans: Vec<StoredSpan>,
    pub near_duplicates: Vec<(String, f32)>,
}

/// Table sizes.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub reports: usize,
    pub sentences: usize,
    pub spans: usize,
    pub near_duplicate_links: usize,
    /// Spans per layer name.
    pub per_layer: Vec<(String, usize)>,
}

/// A near-duplicate link between two stored reports.
#[derive(Debug, Clone, Serialize)]
pub struct NearDuplicate {
    pub report: String,
    pub report_title: Option<String>,
    pub other: String,
    pub other_title: Option<String>,
    pub similarity: f32,
}

/// One page of a listing, with the cursor that continues it.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Opaque; pass it back to get the next page. `None` on the last page.
    pub next_cursor: Option<String>,
}

/// Filters for listing the spans of one layer across reports.
///
/// Spans come newest report first (publication date, then most recently stored;
/// undated reports last), and in text order within a report.
#[derive(Debug, Clone)]
pub struct SpanQuery {
    /// The layer to list (one of [`Layer::ANNOTATED`](spillover_doc::Layer::ANNOTATED)).
    pub layer: Layer,
    /// Only spans with this label.
    pub label: Option<String>,
    /// Only spans with this registry key or normalised value.
    pub key: Option<String>,
    /// Only spans of reports published on or after this date.
    pub since: Option<NaiveDate>,
    /// Only spans of reports published on or before this date.
    pub until: Option<NaiveDate>,
    /// Only spans of this report (id or unique prefix of at least 4 hex digits).
    pub report: Option<String>,
    /// Page size.
    pub limit: usize,
    /// Where the previous page ended ([`Page::next_cursor`]).
    pub cursor: Option<String>,
}

impl SpanQuery {
    /// Every span of `layer`, first page of `limit`.
    pub fn new(layer: Layer, limit: usize) -> SpanQuery {
        SpanQuery {
            layer,
            label: None,
            key: None,
            since: None,
            until: None,
            report: None,
            limit,
            cursor: None,
        }
    }
}

/// A sentence of a report: its byte range and text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SentenceText {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A span of one layer with its report and the sentence around it.
#[derive(Debug, Clone, Serialize)]
pub struct SpanRecord {
    /// The report's id.
    pub report: String,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub layer: String,
    pub start: usize,
    pub end: usize,
    /// `&report.text[start..end]`.
    pub text: String,
    pub label: String,
    pub key: Option<String>,
    pub component: String,
    pub confidence: f32,
    pub attrs: serde_json::Value,
    /// The sentence holding the span, when one does.
    pub sentence: Option<SentenceText>,
}

/// Reports published on one day.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DayCount {
    pub date: NaiveDate,
    pub reports: usize,
}

/// Filters for listing the actors mentioned across reports ([`Store::list_actors`](crate::Store::list_actors)).
#[derive(Debug, Clone, Default)]
pub struct ActorQuery {
    /// Case-insensitive substring of the actor's name or key.
    pub search: Option<String>,
    /// Only actors of this kind (`state`, `armed_group`, `person` …), as
    /// [`ActorSummary::kind`] gives it.
    pub kind: Option<String>,
    /// Only actors of this country (ISO alpha-3), as [`ActorSummary::country`] gives it.
    pub country: Option<String>,
    /// Count only mentions in reports published on or after this date (undated
    /// reports drop out); actors with none are left out.
    pub since: Option<NaiveDate>,
    /// Count only mentions in reports published on or before this date.
    pub until: Option<NaiveDate>,
    /// At most this many actors: default [`ActorQuery::DEFAULT_LIMIT`], at most
    /// [`ActorQuery::MAX_LIMIT`].
    pub limit: Option<usize>,
}

impl ActorQuery {
    /// Page size when `limit` is not given.
    pub const DEFAULT_LIMIT: usize = 50;
    /// Largest page size; a larger `limit` is clamped to it.
    pub const MAX_LIMIT: usize = 500;

    /// The page size this query asks for, clamped to `1..=MAX_LIMIT`.
    pub fn effective_limit(&self) -> usize {
        clamp_limit(self.limit, Self::DEFAULT_LIMIT, Self::MAX_LIMIT)
    }
}

/// One actor across the stored reports: the mentions of the `actors` layer sharing a key.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActorSummary {
    /// Registry id (`taliban`, `csto.joint-staff`) or report-level id (`doc:person:…`).
    pub key: String,
    /// The `name` attribute of its latest stored mention that has one (the key when no
    /// mention names it).
    pub name: String,
    /// The label of its latest stored mention: `state`, `government_body`, `igo`,
    /// `igo_body`, `armed_group`, `security_force`, `media_outlet`, `person` or `other`.
    pub kind: String,
    /// The `country` attribute (ISO alpha-3) of its latest stored mention that has one.
    pub country: Option<String>,
    /// Number of mentions (spans).
    pub mentions: usize,
    /// Number of distinct reports mentioning it.
    pub reports: usize,
    /// Publication date of the earliest dated report mentioning it.
    pub first_published: Option<NaiveDate>,
    /// Publication date of the latest dated report mentioning it.
    pub last_published: Option<NaiveDate>,
}

/// Filters for listing claims ([`Store::list_claims`](crate::Store::list_claims)).
///
/// Claims come newest first: by the date they were said (the claim's own date, else its
/// report's publication date; any granularity, `2023-02` sorting before `2023-02-10`),
/// then most recently stored; undated claims last.
#[derive(Debug, Clone, Default)]
pub struct ClaimQuery {
    /// Only claims about this actor id: its content mentions the actor, or the actor is
    /// the subject of its proposition.
    pub about: Option<String>,
    /// Only claims by this speaker (actor id).
    pub by: Option<String>,
    /// Only claims with this stance (`asserts`, `warns`, `accuses`, `denies`, `demands`,
    /// `promises`, `hedged`).
    pub stance: Option<String>,
    /// Only claims said on or after this date. A claim dated by month or year counts when
    /// its period reaches the date; undated claims drop out.
    pub since: Option<NaiveDate>,
    /// Only claims said on or before this date (a month or year counts when it starts by
    /// then).
    pub until: Option<NaiveDate>,
    /// Only claims of this report (id or unique prefix of at least 4 hex digits).
    pub report: Option<String>,
    /// Page size: default [`ClaimQuery::DEFAULT_LIMIT`], at most
    /// [`ClaimQuery::MAX_LIMIT`].
    pub limit: Option<usize>,
    /// Where the previous page ended ([`Page::next_cursor`]).
    pub cursor: Option<String>,
}

impl ClaimQuery {
    /// Page size when `limit` is not given.
    pub const DEFAULT_LIMIT: usize = 50;
    /// Largest page size; a larger `limit` is clamped to it.
    pub const MAX_LIMIT: usize = 10_000;

    /// The page size this query asks for, clamped to `1..=MAX_LIMIT`.
    pub fn effective_limit(&self) -> usize {
        clamp_limit(self.limit, Self::DEFAULT_LIMIT, Self::MAX_LIMIT)
    }
}

/// When a claim was made.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ClaimDate {
    /// ISO date of any granularity: `2023-12-19`, `2023-02`, `2023`.
    pub value: String,
    /// `day`, `month`, `year` … as the claims stage gives it.
    pub granularity: Option<String>,
    /// `text` (the report says when) or `published` (the report's date stands in).
    pub origin: Option<String>,
}

/// One claim: who said what, how, when, and where in which report.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimRecord {
    /// Stable id: the row id of the claim's span.
    pub id: i64,
    /// The report's id.
    pub report: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    /// Byte range of the whole attribution in the report text.
    pub start: usize,
    pub end: usize,
    /// `&report.text[start..end]`.
    pub text: String,
    /// `asserts`, `warns`, `accuses`, `denies`, `demands`, `promises` or `hedged`.
    pub stance: String,
    /// The speaker's actor id, when resolved.
    pub speaker: Option<String>,
    /// The speaker's name (the actor's, else as written).
    pub speaker_name: Option<String>,
    /// The speaker as written in the report.
    pub speaker_text: Option<String>,
    /// The reporting verb or phrase ("has consistently accused").
    pub cue: Option<String>,
    /// What was said: the content spans joined with " … " (the whole span when none).
    pub content: String,
    /// The sentences the claim spans.
    pub sentences: Vec<SentenceText>,
    /// The claim's date, else its report's publication date (`origin: published`).
    pub date: Option<ClaimDate>,
    pub hedged: bool,
    /// Quoted words rather than reported speech.
    pub direct: bool,
    /// The content is negated ("there is no threat").
    pub negated: bool,
    /// The proposition's class (`harbours_militants`, `infiltration` …).
    pub predicate: Option<String>,
    /// Where the proposition holds (ISO alpha-3).
    pub scope: Option<String>,
    /// Whom the proposition is about (actor id).
    pub subject: Option<String>,
    /// Actor ids its content mentions.
    pub about: Vec<String>,
    /// Figures it gives.
    pub figures: Vec<spillover_doc::claim::Figure>,
    /// The outlet or agency the speaker was quoted through, when the report names one.
    pub medium: Option<String>,
    /// Number of stored claims it contradicts.
    pub contradictions: usize,
    /// The finest place its content names (a town before a province, a border or region
    /// before a country), with the stored coordinate of that mention.
    pub place: Option<ClaimPlace>,
}

/// Where a claim is about: one place mention of its content.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimPlace {
    pub key: Option<String>,
    pub name: Option<String>,
    /// ISO alpha-3 (none for a border).
    pub country: Option<String>,
    /// `point`, `admin1`, `border`, `border_region`, `region` or `country`.
    pub precision: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Byte range of the mention in the report text.
    pub start: usize,
    pub end: usize,
}

impl ClaimRecord {
    /// A GeoJSON Feature: a Point at its place's coordinate, else a null geometry; the
    /// record as properties.
    pub fn geojson_feature(&self) -> serde_json::Value {
        let geometry = match self.place.as_ref().and_then(|p| Some((p.lat?, p.lon?))) {
            Some((lat, lon)) => serde_json::json!({"type": "Point", "coordinates": [lon, lat]}),
            None => serde_json::Value::Null,
        };
        serde_json::json!({
            "type": "Feature",
            "id": self.id,
            "geometry": geometry,
            "properties": serde_json::to_value(self).unwrap_or(serde_json::Value::Null),
        })
    }
}

/// A GeoJSON FeatureCollection of the claims; those whose content names no mappable
/// place are listed with a null geometry.
pub fn claims_geojson(records: &[ClaimRecord]) -> serde_json::Value {
    serde_json::json!({
        "type": "FeatureCollection",
        "features": records.iter().map(ClaimRecord::geojson_feature).collect::<Vec<_>>(),
    })
}

/// Filters for listing contradictions ([`Store::list_contradictions`](crate::Store::list_contradictions)).
#[derive(Debug, Clone, Default)]
pub struct ContradictionQuery {
    /// Only pairs where either claim is by this actor id or about it (content or subject).
    pub about: Option<String>,
    /// At most this many pairs: default [`ContradictionQuery::DEFAULT_LIMIT`], at most
    /// [`ContradictionQuery::MAX_LIMIT`].
    pub limit: Option<usize>,
}

impl ContradictionQuery {
    /// Pairs when `limit` is not given.
    pub const DEFAULT_LIMIT: usize = 50;
    /// Largest number of pairs; a larger `limit` is clamped to it.
    pub const MAX_LIMIT: usize = 500;

    /// The number of pairs this query asks for, clamped to `1..=MAX_LIMIT`.
    pub fn effective_limit(&self) -> usize {
        clamp_limit(self.limit, Self::DEFAULT_LIMIT, Self::MAX_LIMIT)
    }
}

/// Two stored claims that contradict each other, the older first.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Contradiction {
    pub a: ClaimRecord,
    pub b: ClaimRecord,
    /// Why, as [`spillover_doc::claim::contradiction`] says it ("accuses vs denies:
    /// harbours_militants in AFG", "figures differ: 6500 vs 10000 member of iskp").
    pub reason: String,
}

/// One figure a claim gives, with who gave it and when.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FigureRecord {
    /// The claim's id ([`ClaimRecord::id`]).
    pub claim: i64,
    /// The report's id.
    pub report: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// The speaker's actor id, when resolved.
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    pub stance: String,
    pub hedged: bool,
    /// When it was said: the claim's date, else its report's.
    pub date: Option<String>,
    /// Whose figure it is (actor id).
    pub subject: String,
    /// What is counted (`member`, `attack` …).
    pub unit: String,
    pub value: f64,
    /// Upper end of a range.
    pub high: Option<f64>,
    /// `exact`, `at_most`, `at_least`, `about` or `range`.
    pub bound: String,
}

/// Filters for listing the places mentioned across reports
/// ([`Store::list_places`](crate::Store::list_places)).
#[derive(Debug, Clone, Default)]
pub struct PlaceQuery {
    /// Which mentions count (bounding box, country, border and distance).
    pub place: PlaceFilter,
    /// Count only mentions in reports published on or after this date (undated reports
    /// drop out); places with none are left out.
    pub since: Option<NaiveDate>,
    /// Count only mentions in reports published on or before this date.
    pub until: Option<NaiveDate>,
    /// Count only mentions in reports that also mention this actor (a key of the
    /// `actors` layer, as for [`ReportQuery::actor`]).
    pub actor: Option<String>,
    /// At most this many places: default [`PlaceQuery::DEFAULT_LIMIT`], at most
    /// [`PlaceQuery::MAX_LIMIT`].
    pub limit: Option<usize>,
}

impl PlaceQuery {
    /// Page size when `limit` is not given.
    pub const DEFAULT_LIMIT: usize = 50;
    /// Largest page size; a larger `limit` is clamped to it.
    pub const MAX_LIMIT: usize = 5_000;

    /// The page size this query asks for, clamped to `1..=MAX_LIMIT`.
    pub fn effective_limit(&self) -> usize {
        clamp_limit(self.limit, Self::DEFAULT_LIMIT, Self::MAX_LIMIT)
    }
}

/// One place across the stored reports: the mentions of the `places` layer sharing a
/// place key, with the attributes of the latest stored mention counted.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceSummary {
    /// The GeoNames id (`1220750`) or the border pair (`AFG-TJK`) of the mentions; for a
    /// place the gazetteer gives no id, `kind:COUNTRY:name` (`admin1:TJK:Khatlon`); for
    /// a part of a country, `precision:COUNTRY:direction` (`region:AFG:north`).
    pub key: String,
    /// The gazetteer's name (`Panj`, `AFG–TJK border`).
    pub name: String,
    /// ISO alpha-3; `None` for boundaries and continents.
    pub country: Option<String>,
    /// The province, when the gazetteer gives one.
    pub admin1: Option<String>,
    /// `point`, `admin1`, `country`, `region`, `border_region` or `border`.
    pub precision: String,
    /// For a region or border region: `north`, `south-east` … ("northern Afghanistan").
    pub direction: Option<String>,
    /// Reference coordinate, degrees.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The nearest international border (alphabetical alpha-3 pair) and the distance to
    /// it in kilometres, from the reference coordinate. `None` for a country, a region of
    /// one or a continent, whose reference point says nothing of where a border is.
    pub border_pair: Option<String>,
    pub border_km: Option<f64>,
    /// Number of mentions (spans) counted.
    pub mentions: usize,
    /// Number of distinct reports mentioning it.
    pub reports: usize,
    /// Publication date of the earliest dated report counted.
    pub first_published: Option<NaiveDate>,
    /// Publication date of the latest dated report counted.
    pub last_published: Option<NaiveDate>,
}

/// A page size: `limit`, or `default` when none is given, clamped to `1..=max`.
pub(crate) fn clamp_limit(limit: Option<usize>, default: usize, max: usize) -> usize {
    limit.unwrap_or(default).clamp(1, max)
}
