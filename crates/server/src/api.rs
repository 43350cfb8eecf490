//! The `/api` handlers and the route table they are served from.

use crate::csv;
use crate::error::ApiError;
use crate::params::{Params, RawQuery};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};
use spillover_doc::claim::Stance;
use spillover_doc::{Layer, Report};
use spillover_ingest::{html_report, parse_jsonl_record, text_report, IngestOptions};
use spillover_lexicon::actors::ActorKind;
use spillover_pipeline::link;
use spillover_store::{
    claims_geojson, events_csv, events_geojson, series_csv, ActorQuery, ActorSummary, ClaimQuery,
    ClaimRecord, Contradiction, ContradictionQuery, EventQuery, EventRecord, FigureRecord,
    Interval, NearDuplicate, Page, PlaceQuery, PlaceSummary, PutOutcome, ReportQuery,
    ReportSummary, SeriesBy, SeriesQuery, SpanQuery, SpanRecord, Store, StoredReport,
};
use std::collections::BTreeMap;

/// Largest accepted request body (`POST /api/reports`), in bytes.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// The OpenAPI 3.1 description of this API, served at `/api/openapi.json`.
pub const OPENAPI_JSON: &str = include_str!("../openapi.json");

/// Report listings: default and largest page.
const REPORTS_LIMIT: (usize, usize) = (50, 500);
/// Span listings as JSON: default and largest page.
const SPANS_JSON_LIMIT: (usize, usize) = (50, 1_000);
/// Span exports (JSON Lines, CSV): default and largest page.
const SPANS_EXPORT_LIMIT: (usize, usize) = (1_000, 10_000);
/// Claim listings as JSON: default and largest page.
const CLAIMS_JSON_LIMIT: (usize, usize) = (50, 1_000);
/// Claim exports (JSON Lines, CSV): default and largest page.
const CLAIMS_EXPORT_LIMIT: (usize, usize) = (1_000, 10_000);

/// Every API route: path, method, handler. The router is built from this table and the
/// OpenAPI test checks the description against it.
pub(crate) fn table() -> Vec<(&'static str, Method, MethodRouter<AppState>)> {
    use axum::routing::post;
    vec![
        ("/api/reports", Method::GET, get(list_reports)),
        ("/api/reports", Method::POST, post(post_report)),
        ("/api/reports/{id}", Method::GET, get(get_report)),
        ("/api/spans", Method::GET, get(list_spans)),
        ("/api/actors", Method::GET, get(list_actors)),
        ("/api/places", Method::GET, get(list_places)),
        ("/api/claims", Method::GET, get(list_claims)),
        ("/api/events", Method::GET, get(list_events)),
        ("/api/indicators", Method::GET, get(indicator_series)),
        ("/api/contradictions", Method::GET, get(list_contradictions)),
        ("/api/figures", Method::GET, get(figures)),
        ("/api/duplicates", Method::GET, get(duplicates)),
        ("/api/stats", Method::GET, get(stats)),
        (
            "/api/geo/countries",
            Method::GET,
            get(crate::geo::countries),
        ),
        ("/api/geo/borders", Method::GET, get(crate::geo::border)),
        ("/api/openapi.json", Method::GET, get(openapi)),
    ]
}

#[derive(Serialize)]
struct ReportList {
    reports: Vec<ReportSummary>,
    next_cursor: Option<String>,
}

async fn list_reports(
    State(state): State<AppState>,
    raw: RawQuery,
) -> Result<Json<ReportList>, ApiError> {
    let p = Params::parse(
        raw,
        &[
            "q",
            "since",
            "until",
            "outlet",
            "actor",
            "bbox",
            "country",
            "border",
            "km",
            "indicator",
            "limit",
            "cursor",
        ],
    )?;
    let (since, until) = p.range()?;
    let query = ReportQuery {
        search: p.string("q"),
        since,
        until,
        outlet: p.string("outlet"),
        actor: p.string("actor"),
        place: p.place_filter()?,
        indicator: p.string("indicator"),
        limit: Some(p.limit(REPORTS_LIMIT.0, REPORTS_LIMIT.1)?),
        offset: 0,
    };
    let cursor = p.string("cursor");
    let page = state
        .read(move |store| Ok(store.list_reports_page(&query, cursor.as_deref())?))
        .await?;
    Ok(Json(ReportList {
        reports: page.items,
        next_cursor: page.next_cursor,
    }))
}

#[derive(Serialize)]
struct ActorList {
    actors: Vec<ActorSummary>,
}

async fn list_actors(
    State(state): State<AppState>,
    raw: RawQuery,
) -> Result<Json<ActorList>, ApiError> {
    let p = Params::parse(
        raw,
        &["search", "kind", "country", "since", "until", "limit"],
    )?;
    let (since, until) = p.range()?;
    let kind = match p.str("kind") {
        None => None,
        Some(k) if ActorKind::parse(k).is_some() => Some(k.to_string()),
        Some(k) => {
            let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
            return Err(ApiError::BadRequest(format!(
                "kind={k:?}: one of {}",
                kinds.join(", ")
            )));
        }
    };
    let country = match p.str("country") {
        None => None,
        Some(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Some(c.to_ascii_uppercase())
        }
        Some(c) => {
            return Err(ApiError::BadRequest(format!(
                "country={c:?} is not an ISO 3166 alpha-3 code (e.g. AFG)"
            )))
        }
    };
    let query = ActorQuery {
        search: p.string("search"),
        kind,
        country,
        since,
        until,
        limit: Some(p.limit(ActorQuery::DEFAULT_LIMIT, ActorQuery::MAX_LIMIT)?),
    };
    let actors = state
        .read(move |store| Ok(store.list_actors(&query)?))
        .await?;
    Ok(Json(ActorList { actors }))
}

#[derive(Serialize)]
struct PlaceList {
    places: Vec<PlaceSummary>,
}

async fn list_places(State(state): State<AppState>, raw: RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(
        raw,
        &[
            "bbox", "country", "border", "km", "since", "until", "actor", "limit", "format",
        ],
    )?;
    let format = Format::of(&p)?;
    let (since, until) = p.range()?;
    let query = PlaceQuery {
        place: p.place_filter()?,
        since,
        until,
        actor: actor_param(&p, "actor")?,
        limit: Some(p.limit(PlaceQuery::DEFAULT_LIMIT, PlaceQuery::MAX_LIMIT)?),
    };
    let places = state
        .read(move |store| Ok(store.list_places(&query)?))
        .await?;
    // Not paged: `limit` cuts the list, so there is never a next cursor.
    let page = Page {
        items: places,
        next_cursor: None,
    };
    paged(
        format,
        page,
        "places",
        |places, _| Json(PlaceList { places }).into_response(),
        csv::places,
    )
}

/// One span of a report as the report view shows it.
#[derive(Serialize)]
struct ReportSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'a str,
    key: Option<&'a str>,
    component: &'a str,
    confidence: f32,
    attrs: &'a Value,
}

/// The JSON of one stored report: metadata, text, sentences, spans per layer, duplicates.
fn report_json(stored: &StoredReport) -> Result<Value, ApiError> {
    let r: &Report = &stored.report;
    let mut layers: BTreeMap<&str, Vec<ReportSpan>> = Layer::ANNOTATED
        .iter()
        .map(|l| (l.as_str(), Vec::new()))
        .collect();
    for s in &stored.spans {
        let text = r.text.get(s.span.start..s.span.end).ok_or_else(|| {
            ApiError::Internal(format!(
                "span {}..{} outside report {}",
                s.span.start, s.span.end, r.id
            ))
        })?;
        layers
            .entry(s.layer.as_str())
            .or_default()
            .push(ReportSpan {
                start: s.span.start,
                end: s.span.end,
                text,
                label: &s.label,
                key: s.key.as_deref(),
                component: &s.component,
                confidence: s.confidence,
                attrs: &s.attrs,
            });
    }
    let sentences: Vec<Value> = stored
        .sentences
        .iter()
        .map(|s| json!({"start": s.start, "end": s.end}))
        .collect();
    let near: Vec<Value> = stored
        .near_duplicates
        .iter()
        .map(|(id, sim)| json!({"id": id, "similarity": sim}))
        .collect();
    Ok(json!({
        "id": r.id.0,
        "title": r.title,
        "url": r.url,
        "outlet": r.outlet,
        "published": r.published,
        "published_origin": r.published_origin,
        "language": r.language,
        "format": r.format,
        "origin": r.origin,
        "ingested_at": stored.ingested_at,
        "bytes": r.text.len(),
        "text": r.text,
        "sentences": sentences,
        "layers": layers,
        "near_duplicates": near,
    }))
}

async fn get_report(
    State(state): State<AppState>,
    Path(id): Path<String>,
    raw: RawQuery,
) -> Result<Json<Value>, ApiError> {
    Params::parse(raw, &[])?;
    let shown: String = id.chars().take(80).collect();
    state
        .read(move |store| match store.get_report(&id)? {
            Some(stored) => report_json(&stored).map(Json),
            None => Err(ApiError::NotFound(format!(
                "no report with id or unique prefix {shown:?} (a prefix needs at least 4 hex digits)"
            ))),
        })
        .await
}

#[derive(Serialize)]
struct SpanList {
    layer: &'static str,
    spans: Vec<SpanRecord>,
    next_cursor: Option<String>,
}

/// The form of a paged listing: a JSON object, JSON Lines or CSV.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Jsonl,
    Csv,
}

impl Format {
    /// The `format` parameter, JSON when absent.
    fn of(p: &Params) -> Result<Format, ApiError> {
        match p.str("format") {
            None | Some("json") => Ok(Format::Json),
            Some("jsonl") => Ok(Format::Jsonl),
            Some("csv") => Ok(Format::Csv),
            Some(other) => Err(ApiError::BadRequest(format!(
                "format={other:?}: one of json, jsonl, csv"
            ))),
        }
    }
}

/// One page in `format`: `json` builds the JSON object from the items and the next
/// cursor, `csv` the CSV body (downloaded as `spillover-{name}.csv`). The next cursor
/// is also in the `X-Next-Cursor` header, the only place for JSON Lines and CSV.
fn paged<T: Serialize>(
    format: Format,
    page: Page<T>,
    name: &str,
    json: impl FnOnce(Vec<T>, Option<String>) -> Response,
    csv: impl FnOnce(&[T]) -> String,
) -> Result<Response, ApiError> {
    let next_cursor = page.next_cursor;
    let mut response = match format {
        Format::Json => json(page.items, next_cursor.clone()),
        Format::Jsonl => {
            let mut body = String::new();
            for item in &page.items {
                let line = serde_json::to_string(item)
                    .map_err(|e| ApiError::Internal(format!("encoding a {name} row: {e}")))?;
                body.push_str(&line);
                body.push('\n');
            }
            ([(header::CONTENT_TYPE, "application/x-ndjson")], body).into_response()
        }
        Format::Csv => {
            let disposition = format!("attachment; filename=\"spillover-{name}.csv\"");
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                csv(&page.items),
            )
                .into_response()
        }
    };
    if let Some(c) = next_cursor {
        if let Ok(v) = HeaderValue::from_str(&c) {
            response.headers_mut().insert("x-next-cursor", v);
        }
    }
    Ok(response)
}

async fn list_spans(State(state): State<AppState>, raw: RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(
        raw,
        &[
            "layer", "label", "key", "since", "until", "report", "limit", "cursor", "format",
        ],
    )?;
    let names = || {
        Layer::ANNOTATED
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let layer = match p.str("layer") {
        None => {
            return Err(ApiError::BadRequest(format!(
                "layer is required: one of {}",
                names()
            )))
        }
        Some(name) => Layer::parse(name)
            .filter(|l| Layer::ANNOTATED.contains(l))
            .ok_or_else(|| {
                ApiError::BadRequest(format!("unknown layer {name:?}: one of {}", names()))
            })?,
    };
    let format = Format::of(&p)?;
    let (default, max) = if format == Format::Json {
        SPANS_JSON_LIMIT
    } else {
        SPANS_EXPORT_LIMIT
    };
    let (since, until) = p.range()?;
    let query = SpanQuery {
        layer,
        label: p.string("label"),
        key: p.string("key"),
        since,
        until,
        report: p.string("report"),
        limit: p.limit(default, max)?,
        cursor: p.string("cursor"),
    };
    let page = state
        .read(move |store| Ok(store.list_spans(&query)?))
        .await?;
    paged(
        format,
        page,
        layer.as_str(),
        |spans, next_cursor| {
            Json(SpanList {
                layer: layer.as_str(),
                spans,
                next_cursor,
            })
            .into_response()
        },
        csv::spans,
    )
}

#[derive(Serialize)]
struct ClaimList {
    claims: Vec<ClaimRecord>,
    next_cursor: Option<String>,
}

/// An actor id parameter: as given, trimmed; ids are short.
fn actor_param(p: &Params, name: &str) -> Result<Option<String>, ApiError> {
    match p.str(name) {
        Some(v) if v.len() > 200 => Err(ApiError::BadRequest(format!(
            "{name} is over 200 bytes; give an actor id such as taliban"
        ))),
        v => Ok(v.map(str::to_string)),
    }
}

async fn list_claims(State(state): State<AppState>, raw: RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(
        raw,
        &[
            "about", "by", "stance", "since", "until", "report", "limit", "cursor", "format",
        ],
    )?;
    let stance = match p.str("stance") {
        None => None,
        Some(s) if Stance::parse(s).is_some() => Some(s.to_string()),
        Some(s) => {
            let stances: Vec<&str> = Stance::ALL.iter().map(|s| s.as_str()).collect();
            return Err(ApiError::BadRequest(format!(
                "stance={s:?}: one of {}",
                stances.join(", ")
            )));
        }
    };
    let (geojson, format) = geo_format(&p)?;
    let (default, max) = if format == Format::Json {
        CLAIMS_JSON_LIMIT
    } else {
        CLAIMS_EXPORT_LIMIT
    };
    let (since, until) = p.range()?;
    let query = ClaimQuery {
        about: actor_param(&p, "about")?,
        by: actor_param(&p, "by")?,
        stance,
        since,
        until,
        report: p.string("report"),
        limit: Some(p.limit(default, max)?),
        cursor: p.string("cursor"),
    };
    let page = state
        .read(move |store| Ok(store.list_claims(&query)?))
        .await?;
    if geojson {
        return Ok(geojson_response(
            claims_geojson(&page.items),
            page.next_cursor.as_deref(),
        ));
    }
    paged(
        format,
        page,
        "claims",
        |claims, next_cursor| {
            Json(ClaimList {
                claims,
                next_cursor,
            })
            .into_response()
        },
        csv::claims,
    )
}

/// The `format` of a listing that also speaks GeoJSON (events, claims): whether GeoJSON
/// was asked for, and the page form otherwise (JSON pages for GeoJSON's limits).
fn geo_format(p: &Params) -> Result<(bool, Format), ApiError> {
    if p.str("format") == Some("geojson") {
        return Ok((true, Format::Json));
    }
    let format = Format::of(p).map_err(|_| {
        ApiError::BadRequest(format!(
            "format={:?}: one of json, jsonl, csv, geojson",
            p.str("format").unwrap_or_default()
        ))
    })?;
    Ok((false, format))
}

/// A GeoJSON FeatureCollection, with the next page's cursor in `X-Next-Cursor`.
fn geojson_response(collection: Value, next_cursor: Option<&str>) -> Response {
    let mut response = (
        [(header::CONTENT_TYPE, "application/geo+json")],
        collection.to_string(),
    )
        .into_response();
    if let Some(c) = next_cursor {
        if let Ok(v) = HeaderValue::from_str(c) {
            response.headers_mut().insert("x-next-cursor", v);
        }
    }
    response
}

#[derive(Serialize)]
struct EventList {
    events: Vec<EventRecord>,
    next_cursor: Option<String>,
}

/// Event listings as JSON or GeoJSON: default and largest page.
const EVENTS_JSON_LIMIT: (usize, usize) = (50, 1_000);
/// Event exports (JSON Lines, CSV): default and largest page.
const EVENTS_EXPORT_LIMIT: (usize, usize) = (1_000, 10_000);

async fn list_events(State(state): State<AppState>, raw: RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(
        raw,
        &[
            "type",
            "actor",
            "country",
            "border",
            "km",
            "bbox",
            "indicator",
            "report",
            "since",
            "until",
            "status",
            "limit",
            "offset",
            "cursor",
            "format",
        ],
    )?;
    let (geojson, format) = geo_format(&p)?;
    let (default, max) = if format == Format::Json {
        EVENTS_JSON_LIMIT
    } else {
        EVENTS_EXPORT_LIMIT
    };
    let status = match p.str("status") {
        None => None,
        Some(s) if s == "all" || EventQuery::STATUSES.contains(&s) => Some(s.to_string()),
        Some(s) => {
            return Err(ApiError::BadRequest(format!(
                "status={s:?}: one of all, {}",
                EventQuery::STATUSES.join(", ")
            )))
        }
    };
    let plover = match p.str("type") {
        Some(t) if t.len() > 40 || !t.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_') => {
            return Err(ApiError::BadRequest(format!(
                "type={t:?} is not a PLOVER type (e.g. ASSAULT)"
            )))
        }
        t => t.map(str::to_string),
    };
    let offset = match p.str("offset") {
        None => 0,
        Some(v) => v.parse::<usize>().map_err(|_| {
            ApiError::BadRequest(format!("offset={v:?} must be a whole number, 0 or more"))
        })?,
    };
    let (since, until) = p.range()?;
    let query = EventQuery {
        plover,
        actor: actor_param(&p, "actor")?,
        place: p.place_filter()?,
        indicator: p.string("indicator"),
        report: p.string("report"),
        since,
        until,
        status,
        limit: Some(p.limit(default, max)?),
        offset,
        cursor: p.string("cursor"),
    };
    let page = state
        .read(move |store| Ok(store.list_events(&query)?))
        .await?;
    if geojson {
        return Ok(geojson_response(
            events_geojson(&page.items),
            page.next_cursor.as_deref(),
        ));
    }
    paged(
        format,
        page,
        "events",
        |events, next_cursor| {
            Json(EventList {
                events,
                next_cursor,
            })
            .into_response()
        },
        events_csv,
    )
}

/// Security-indicator counts per day, week or month, per indicator and country,
/// province or border (`by`), as JSON or CSV.
async fn indicator_series(
    State(state): State<AppState>,
    raw: RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(
        raw,
        &[
            "indicator",
            "interval",
            "by",
            "country",
            "border",
            "km",
            "bbox",
            "since",
            "until",
            "attributed",
            "limit",
            "format",
        ],
    )?;
    let interval = match p.str("interval") {
        None => Interval::default(),
        Some(v) => v
            .parse::<Interval>()
            .map_err(|e| ApiError::BadRequest(format!("interval: {e}")))?,
    };
    let by = match p.str("by") {
        None => SeriesBy::default(),
        Some(v) => v
            .parse::<SeriesBy>()
            .map_err(|e| ApiError::BadRequest(format!("by: {e}")))?,
    };
    let attributed = match p.str("attributed") {
        None => None,
        Some("true" | "1" | "yes") => Some(true),
        Some("false" | "0" | "no") => Some(false),
        Some(v) => {
            return Err(ApiError::BadRequest(format!(
                "attributed={v:?}: true (only claims) or false (only the reports' own voice)"
            )))
        }
    };
    let csv_out = match p.str("format") {
        None | Some("json") => false,
        Some("csv") => true,
        Some(v) => {
            return Err(ApiError::BadRequest(format!(
                "format={v:?}: one of json, csv"
            )))
        }
    };
    let indicator = match p.str("indicator") {
        Some(t) if t.len() > 40 || !t.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_') => {
            return Err(ApiError::BadRequest(format!(
                "indicator={t:?} is not an indicator name (e.g. border_infiltration)"
            )))
        }
        t => t.map(str::to_string),
    };
    let (since, until) = p.range()?;
    let query = SeriesQuery {
        interval,
        by,
        indicator,
        place: p.place_filter()?,
        since,
        until,
        attributed,
        limit: Some(p.limit(SeriesQuery::DEFAULT_LIMIT, SeriesQuery::MAX_LIMIT)?),
    };
    let series = state
        .read(move |store| Ok(store.indicator_series(&query)?))
        .await?;
    if csv_out {
        return Ok((
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            series_csv(&series),
        )
            .into_response());
    }
    Ok(Json(series).into_response())
}

#[derive(Serialize)]
struct ContradictionList {
    contradictions: Vec<Contradiction>,
}

async fn list_contradictions(
    State(state): State<AppState>,
    raw: RawQuery,
) -> Result<Json<ContradictionList>, ApiError> {
    let p = Params::parse(raw, &["about", "limit"])?;
    let query = ContradictionQuery {
        about: actor_param(&p, "about")?,
        limit: Some(p.limit(
            ContradictionQuery::DEFAULT_LIMIT,
            ContradictionQuery::MAX_LIMIT,
        )?),
    };
    let contradictions = state
        .read(move |store| Ok(store.list_contradictions(&query)?))
        .await?;
    Ok(Json(ContradictionList { contradictions }))
}

#[derive(Serialize)]
struct FigureList {
    subject: String,
    unit: Option<String>,
    figures: Vec<FigureRecord>,
}

async fn figures(
    State(state): State<AppState>,
    raw: RawQuery,
) -> Result<Json<FigureList>, ApiError> {
    let p = Params::parse(raw, &["subject", "unit"])?;
    let Some(subject) = actor_param(&p, "subject")? else {
        return Err(ApiError::BadRequest(
            "subject is required: the actor id the figures are about (e.g. iskp)".into(),
        ));
    };
    let unit = p.string("unit");
    let (s, u) = (subject.clone(), unit.clone());
    let figures = state
        .read(move |store| Ok(store.figure_history(&s, u.as_deref())?))
        .await?;
    Ok(Json(FigureList {
        subject,
        unit,
        figures,
    }))
}

#[derive(Serialize)]
struct DuplicateList {
    duplicates: Vec<NearDuplicate>,
}

async fn duplicates(
    State(state): State<AppState>,
    raw: RawQuery,
) -> Result<Json<DuplicateList>, ApiError> {
    Params::parse(raw, &[])?;
    let duplicates = state.read(|store| Ok(store.near_duplicates()?)).await?;
    Ok(Json(DuplicateList { duplicates }))
}

async fn stats(State(state): State<AppState>, raw: RawQuery) -> Result<Json<Value>, ApiError> {
    let p = Params::parse(raw, &["actor"])?;
    let actor = p.str("actor").map(str::to_string);
    state
        .read(move |store| {
            let counts = store.counts()?;
            // with `actor`, the days count only the reports that mention it
            let days = store.reports_per_day(actor.as_deref())?;
            let mut layers: BTreeMap<&str, usize> =
                Layer::ANNOTATED.iter().map(|l| (l.as_str(), 0)).collect();
            for (name, n) in &counts.per_layer {
                layers.insert(name.as_str(), *n);
            }
            let dated: usize = days.iter().map(|d| d.reports).sum();
            Ok(Json(json!({
                "reports": counts.reports,
                "undated_reports": counts.reports.saturating_sub(dated),
                "sentences": counts.sentences,
                "spans": counts.spans,
                "near_duplicate_links": counts.near_duplicate_links,
                "layers": layers,
                "reports_per_day": days,
                "actor": actor,
            })))
        })
        .await
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI_JSON).into_response()
}

/// The bearer token of an `Authorization` header, if it has one.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

/// Origin recorded for reports submitted over HTTP.
const ORIGIN: &str = "api";

/// The report a request body describes, by its content type.
fn body_report(content_type: &str, body: &[u8]) -> Result<Report, ApiError> {
    let opts = IngestOptions::default();
    let utf8 = || {
        std::str::from_utf8(body)
            .map_err(|e| ApiError::BadRequest(format!("body is not UTF-8: {e}")))
    };
    let report = match content_type {
        "text/plain" => text_report(utf8()?, ORIGIN, &opts),
        "text/html" => {
            html_report(utf8()?, ORIGIN, &opts).map_err(|e| ApiError::BadRequest(e.to_string()))?
        }
        "application/json" => parse_jsonl_record(ORIGIN, body, &opts)
            .map_err(|e| ApiError::BadRequest(e.to_string()))?,
        other => {
            return Err(ApiError::UnsupportedMediaType(format!(
                "content type {other:?}: send text/plain, text/html or application/json"
            )))
        }
    };
    if report.text.trim().is_empty() {
        return Err(ApiError::BadRequest("the report has no text".into()));
    }
    Ok(report)
}

async fn post_report(
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, ApiError> {
    // The token is checked before the body is read: a refused client sends nothing big.
    state.authorize(bearer(request.headers()))?;
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let body = Bytes::from_request(request, &state)
        .await
        .map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::TooLarge(format!("the body is over {MAX_BODY_BYTES} bytes"))
            } else {
                ApiError::BadRequest(rejection.body_text())
            }
        })?;
    let report = body_report(&content_type, &body)?;
    let id = report.id.0.clone();
    let outcome = state
        .write(move |store, pipeline| {
            if store.contains(&report.id)? {
                return Ok(PutOutcome::AlreadyStored);
            }
            let signature = link::signature(&report.text);
            let doc = pipeline
                .run(report)
                .map_err(|e| ApiError::Internal(format!("pipeline failed: {e}")))?;
            Ok(store.put_doc(&doc, &signature)?)
        })
        .await?;
    let location = format!("/api/reports/{id}");
    Ok(match outcome {
        PutOutcome::Stored { near_duplicates } => {
            let near: Vec<Value> = near_duplicates
                .iter()
                .map(|(other, sim)| json!({"id": other.0, "similarity": sim}))
                .collect();
            (
                StatusCode::CREATED,
                [(header::LOCATION, location.clone())],
                Json(json!({"id": id, "url": location, "near_duplicates": near})),
            )
                .into_response()
        }
        PutOutcome::AlreadyStored => (
            StatusCode::OK,
            Json(json!({"id": id, "url": location, "already_stored": true})),
        )
            .into_response(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_tokens() {
        let mut h = HeaderMap::new();
        assert_eq!(bearer(&h), None);
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer abc"),
        );
        assert_eq!(bearer(&h), Some("abc"));
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("bearer  abc "),
        );
        assert_eq!(bearer(&h), Some("abc"));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer(&h), None);
    }

    #[test]
    fn bodies_by_content_type() {
        let r = body_report("text/plain", b"Guards clashed near Panj.").unwrap();
        assert_eq!(r.text, "Guards clashed near Panj.");
        let r = body_report(
            "application/json",
            br#"{"text": "Guards clashed.", "title": "Clash", "published": "2024-03-04"}"#,
        )
        .unwrap();
        assert_eq!(r.title.as_deref(), Some("Clash"));
        assert_eq!(
            r.published.map(|d| d.to_string()).as_deref(),
            Some("2024-03-04")
        );
        assert!(matches!(
            body_report("application/json", b"{}"),
            Err(ApiError::BadRequest(_))
        ));
        assert!(matches!(
            body_report("text/plain", b"  "),
            Err(ApiError::BadRequest(_))
        ));
        assert!(matches!(
            body_report("image/png", b"x"),
            Err(ApiError::UnsupportedMediaType(_))
        ));
        assert!(matches!(
            body_report("text/plain", &[0xff, 0xfe]),
            Err(ApiError::BadRequest(_))
        ));
    }
}
