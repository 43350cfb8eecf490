//! Boundary geometry for the dashboard map: every country as one GeoJSON
//! FeatureCollection (simplified, serialized once) and single border segments.

use crate::error::ApiError;
use crate::params::{Params, RawQuery};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use spillover_lexicon::borders::Borders;
use spillover_lexicon::gazetteer::Gazetteer;
use std::sync::OnceLock;

/// Drop a vertex closer than this (degrees, on either axis) to the last one kept: the
/// map is drawn at country scale, and the full geometry is several megabytes.
const SIMPLIFY_DEG: f64 = 0.08;

/// The loaded boundaries and the serialized country collection.
struct Geo {
    borders: Borders,
    countries: String,
}

static GEO: OnceLock<Result<Geo, String>> = OnceLock::new();

fn geo() -> Result<&'static Geo, ApiError> {
    GEO.get_or_init(|| {
        let borders = Borders::load().map_err(|e| format!("loading boundary data: {e}"))?;
        let countries = countries_json(&borders);
        Ok(Geo { borders, countries })
    })
    .as_ref()
    .map_err(|e| ApiError::Internal(e.clone()))
}

/// `geo()` on a blocking thread: the first call decodes and serializes the boundaries.
async fn geo_async() -> Result<&'static Geo, ApiError> {
    tokio::task::spawn_blocking(geo)
        .await
        .map_err(|e| ApiError::Internal(format!("loading boundary data failed: {e}")))?
}

fn round2(v: f64) -> f64 {
    (v * 1e2).round() / 1e2
}

/// A ring with near-duplicate vertices dropped (first and last kept); `None` when fewer
/// than four points remain (a speck at map scale).
fn simplify_ring(ring: &Value) -> Option<Value> {
    let pts: Vec<(f64, f64)> = ring
        .as_array()?
        .iter()
        .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
        .collect();
    let (first, last) = (*pts.first()?, *pts.last()?);
    let mut kept = vec![first];
    for &p in &pts[1..pts.len() - 1] {
        let q = kept[kept.len() - 1];
        if (p.0 - q.0).abs() >= SIMPLIFY_DEG || (p.1 - q.1).abs() >= SIMPLIFY_DEG {
            kept.push(p);
        }
    }
    kept.push(last);
    if kept.len() < 4 {
        return None;
    }
    Some(Value::Array(
        kept.into_iter()
            .map(|(x, y)| json!([round2(x), round2(y)]))
            .collect(),
    ))
}

/// A country Feature (MultiPolygon) with its rings simplified; `None` when nothing is left.
fn simplify_feature(mut f: Value) -> Option<Value> {
    let polys = f["geometry"]["coordinates"].as_array()?;
    let mut out = Vec::new();
    for poly in polys {
        let rings = poly.as_array()?;
        let Some(outer) = rings.first().and_then(simplify_ring) else {
            continue;
        };
        let mut kept = vec![outer];
        kept.extend(rings[1..].iter().filter_map(simplify_ring));
        out.push(Value::Array(kept));
    }
    if out.is_empty() {
        return None;
    }
    f["geometry"]["coordinates"] = Value::Array(out);
    Some(f)
}

/// Every country as a simplified FeatureCollection, serialized. Each feature also carries
/// `iso_a2` (from the gazetteer, when it knows the country), the code places' `country`
/// attribute uses.
fn countries_json(borders: &Borders) -> String {
    let gazetteer = Gazetteer::shared().ok();
    let features: Vec<Value> = borders
        .countries()
        .filter_map(|a3| {
            let mut f = borders.country_geojson(a3)?;
            if let Some(info) = gazetteer.and_then(|g| g.country_info(a3)) {
                f["properties"]["iso_a2"] = json!(info.alpha2);
            }
            Some(f)
        })
        .filter_map(simplify_feature)
        .collect();
    json!({"type": "FeatureCollection", "features": features}).to_string()
}

/// `GET /api/geo/countries`.
pub(crate) async fn countries(raw: RawQuery) -> Result<Response, ApiError> {
    Params::parse(raw, &[])?;
    let geo = geo_async().await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/geo+json"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        geo.countries.as_str(),
    )
        .into_response())
}

/// `GET /api/geo/borders?pair=AFG-TJK`.
pub(crate) async fn border(raw: RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(raw, &["pair"])?;
    let pair = p.string("pair").ok_or_else(|| {
        ApiError::BadRequest("pair is required: two alpha-3 codes, e.g. pair=AFG-TJK".into())
    })?;
    let Some((a, b)) = pair.split_once('-') else {
        return Err(ApiError::BadRequest(format!(
            "pair={pair:?}: two alpha-3 codes joined by '-', e.g. AFG-TJK"
        )));
    };
    let (a, b) = (a.trim().to_ascii_uppercase(), b.trim().to_ascii_uppercase());
    let geo = geo_async().await?;
    let feature = geo.borders.segment_geojson(&a, &b).ok_or_else(|| {
        let shown: String = pair.chars().take(40).collect();
        ApiError::NotFound(format!("no land border {shown:?} in the boundary data"))
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/geo+json"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        feature.to_string(),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_simplified_and_small() {
        let g = geo().unwrap();
        eprintln!("countries: {} bytes", g.countries.len());
        assert!(g.countries.len() < 2_000_000, "{} bytes", g.countries.len());
        let v: Value = serde_json::from_str(&g.countries).unwrap();
        let features = v["features"].as_array().unwrap();
        assert!(features.len() > 150, "{} countries", features.len());
        assert!(features.iter().any(|f| f["properties"]["iso_a3"] == "AFG"));
        for f in features {
            for poly in f["geometry"]["coordinates"].as_array().unwrap() {
                for ring in poly.as_array().unwrap() {
                    let r = ring.as_array().unwrap();
                    assert!(r.len() >= 4);
                    assert_eq!(r.first(), r.last(), "rings stay closed");
                }
            }
        }
    }

    #[test]
    fn short_rings_are_dropped() {
        let ring = json!([[0.0, 0.0], [0.001, 0.0], [0.001, 0.001], [0.0, 0.0]]);
        assert_eq!(simplify_ring(&ring), None);
    }
}
