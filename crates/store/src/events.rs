//! Stored events (the spans of the `events` layer) as listings see them: the query,
//! the record, and the export forms shared by the CLI and the API (CSV with ACLED-,
//! CAMEO- and PLOVER-compatible column names, and GeoJSON).

use crate::geo::PlaceFilter;
use crate::model::{clamp_limit, SentenceText};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{json, Value};

/// Which stored events to list.
///
/// Events come newest first: by the event's date (its own, else its report's
/// publication date; any granularity), then most recently stored; undated events last.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// Only events of this PLOVER type (`ASSAULT`, `ACCUSE` …; any case).
    pub plover: Option<String>,
    /// Only events whose source or target is this actor id.
    pub actor: Option<String>,
    /// Geography. `country`: the event's place is in that country, or either actor is
    /// of it. `border` and `km`: the event's place is within `km` of that border (of any
    /// border without `border`), as its places row gives it. `bbox`: the event's place
    /// has coordinates in the box. Places coarser than a province (countries, regions)
    /// have no border distance and are in no box.
    pub place: PlaceFilter,
    /// Only events raising this security indicator (`border_infiltration` …).
    pub indicator: Option<String>,
    /// Only events of this report (id or unique prefix of at least 4 hex digits).
    pub report: Option<String>,
    /// Only events on or after this date (a month or year counts when it reaches it).
    pub since: Option<NaiveDate>,
    /// Only events on or before this date.
    pub until: Option<NaiveDate>,
    /// `None`: events that happened only. `Some("all")`: every status. Otherwise only
    /// events of that status (`negated`, `hypothetical`, `future`, `denied`).
    pub status: Option<String>,
    /// Page size: default [`EventQuery::DEFAULT_LIMIT`], at most [`EventQuery::MAX_LIMIT`].
    pub limit: Option<usize>,
    /// Rows to skip (after the cursor, when both are given).
    pub offset: usize,
    /// Where the previous page ended ([`crate::Page::next_cursor`]).
    pub cursor: Option<String>,
}

impl EventQuery {
    pub const DEFAULT_LIMIT: usize = 50;
    pub const MAX_LIMIT: usize = 10_000;
    /// The statuses an event can have.
    pub const STATUSES: [&'static str; 5] =
        ["happened", "negated", "hypothetical", "future", "denied"];

    /// The page size this query asks for, clamped to `1..=MAX_LIMIT`.
    pub fn effective_limit(&self) -> usize {
        clamp_limit(self.limit, Self::DEFAULT_LIMIT, Self::MAX_LIMIT)
    }
}

/// One side of an event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventActor {
    /// The actor id (registry id or `doc:…`), when resolved.
    pub key: Option<String>,
    pub name: Option<String>,
    /// CAMEO-style code (`AFGGOV`).
    pub code: Option<String>,
    pub kind: Option<String>,
    pub country: Option<String>,
    /// Filled by inference rather than read in the text.
    pub inferred: bool,
}

/// One security indicator an event raises.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventIndicator {
    pub indicator: String,
    /// Country the movement goes from, and toward, where the text gives a direction.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One stored event with its report, sentence, actors, place, date and figures.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRecord {
    /// Stable id: the row id of the event's span.
    pub id: i64,
    /// The report's id.
    pub report: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    /// Byte range of the evidence in the report text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub sentence: Option<SentenceText>,
    /// PLOVER type.
    pub plover: String,
    pub plover_mode: Option<String>,
    pub plover_context: Option<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    pub acled_event_type: Option<String>,
    pub acled_sub_event_type: Option<String>,
    /// `happened`, `negated`, `hypothetical`, `future`, `denied`.
    pub status: String,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    /// CAMEO-style codes, `---` when a side is absent.
    pub source_code: String,
    pub target_code: String,
    /// The place's key, name, country and precision (`point`, `admin1`, `country` …).
    pub place_key: Option<String>,
    pub place_name: Option<String>,
    pub place_country: Option<String>,
    pub place_precision: Option<String>,
    /// The coordinate, nearest border and distance of the report's place mention the
    /// event's place is (same span), when the place is located.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub border_pair: Option<String>,
    pub border_km: Option<f64>,
    /// The event's date (any granularity), else the report's publication date.
    pub date: Option<String>,
    pub date_granularity: Option<String>,
    /// `text`, `claim` or `published`.
    pub date_origin: Option<String>,
    pub killed: Option<i64>,
    pub wounded: Option<i64>,
    pub arrested: Option<i64>,
    pub indicators: Vec<EventIndicator>,
    /// The claim the event is reported through, as the events stage gives it.
    pub claim: Option<Value>,
    /// The trigger word or phrase.
    pub trigger: Option<String>,
    pub confidence: f64,
}

/// The CSV header, in order. Documented in `docs/API.md`. ACLED names where ACLED has
/// the field (`event_date`, `event_type`, `sub_event_type`, `actor1`, `actor2`,
/// `country`, `location`, `latitude`, `longitude`, `geo_precision`, `fatalities`),
/// PLOVER/CAMEO names for the coding.
pub const EVENT_CSV_COLUMNS: [&str; 38] = [
    "event_id",
    "report_id",
    "published",
    "outlet",
    "event_date",
    "date_granularity",
    "date_origin",
    "plover_type",
    "plover_mode",
    "plover_context",
    "cameo_code",
    "event_type",
    "sub_event_type",
    "status",
    "actor1",
    "actor1_id",
    "source_code",
    "actor1_country",
    "actor2",
    "actor2_id",
    "target_code",
    "actor2_country",
    "country",
    "location",
    "location_id",
    "geo_precision",
    "latitude",
    "longitude",
    "border_pair",
    "border_km",
    "fatalities",
    "wounded",
    "arrested",
    "indicators",
    "trigger",
    "confidence",
    "text",
    "sentence",
];

fn csv_field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn csv_row(out: &mut String, values: &[String]) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, v);
    }
    out.push_str("\r\n");
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

impl EventRecord {
    /// The values of [`EVENT_CSV_COLUMNS`] for this event.
    pub fn csv_values(&self) -> Vec<String> {
        let side = |a: &Option<EventActor>| -> [String; 3] {
            match a {
                Some(a) => [
                    a.name.clone().or_else(|| a.key.clone()).unwrap_or_default(),
                    opt(&a.key),
                    opt(&a.country),
                ],
                None => Default::default(),
            }
        };
        let [a1, a1_id, a1_country] = side(&self.source);
        let [a2, a2_id, a2_country] = side(&self.target);
        let indicators: Vec<String> = self
            .indicators
            .iter()
            .map(|i| match (&i.from, &i.to) {
                (None, None) => i.indicator.clone(),
                (f, t) => format!(
                    "{}:{}>{}",
                    i.indicator,
                    f.as_deref().unwrap_or("?"),
                    t.as_deref().unwrap_or("?")
                ),
            })
            .collect();
        vec![
            self.id.to_string(),
            self.report.clone(),
            opt(&self.published),
            opt(&self.outlet),
            opt(&self.date),
            opt(&self.date_granularity),
            opt(&self.date_origin),
            self.plover.clone(),
            opt(&self.plover_mode),
            opt(&self.plover_context),
            opt(&self.cameo),
            opt(&self.acled_event_type),
            opt(&self.acled_sub_event_type),
            self.status.clone(),
            a1,
            a1_id,
            self.source_code.clone(),
            a1_country,
            a2,
            a2_id,
            self.target_code.clone(),
            a2_country,
            opt(&self.place_country),
            opt(&self.place_name),
            opt(&self.place_key),
            opt(&self.place_precision),
            opt(&self.lat),
            opt(&self.lon),
            opt(&self.border_pair),
            opt(&self.border_km),
            opt(&self.killed),
            opt(&self.wounded),
            opt(&self.arrested),
            indicators.join(";"),
            opt(&self.trigger),
            format!("{:.3}", self.confidence),
            self.text.clone(),
            self.sentence
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
        ]
    }

    /// The point the event maps to: its place's coordinate when the place is a town or
    /// site (`point`), a county or district (`admin2`) or a province (`admin1`); `None`
    /// for coarser places.
    pub fn point(&self) -> Option<(f64, f64)> {
        match (self.place_precision.as_deref(), self.lat, self.lon) {
            (Some("point" | "admin2" | "admin1"), Some(lat), Some(lon)) => Some((lat, lon)),
            _ => None,
        }
    }

    /// A GeoJSON Feature: a Point (`[lon, lat]`) from [`EventRecord::point`], else a
    /// null geometry; the record as properties.
    pub fn geojson_feature(&self) -> Value {
        let geometry = match self.point() {
            Some((lat, lon)) => json!({"type": "Point", "coordinates": [lon, lat]}),
            None => Value::Null,
        };
        json!({
            "type": "Feature",
            "id": self.id,
            "geometry": geometry,
            "properties": serde_json::to_value(self).unwrap_or(Value::Null),
        })
    }
}

/// The header and one row per event (RFC 4180, CRLF line ends).
pub fn events_csv(records: &[EventRecord]) -> String {
    let mut out = String::new();
    let header: Vec<String> = EVENT_CSV_COLUMNS.iter().map(|s| s.to_string()).collect();
    csv_row(&mut out, &header);
    for r in records {
        csv_row(&mut out, &r.csv_values());
    }
    out
}

/// A GeoJSON FeatureCollection of the events; those without a mappable point are listed
/// with a null geometry.
pub fn events_geojson(records: &[EventRecord]) -> Value {
    json!({
        "type": "FeatureCollection",
        "features": records.iter().map(EventRecord::geojson_feature).collect::<Vec<_>>(),
    })
}
