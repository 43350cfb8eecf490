//! Query-string parameters, checked by hand so that every mistake is a JSON
//! `bad_request` naming the parameter.

use crate::error::ApiError;
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use chrono::NaiveDate;
use spillover_store::{parse_country, parse_km, PlaceFilter};

/// The pairs of a query string, checked against the names an endpoint takes.
pub(crate) struct Params(Vec<(String, String)>);

/// The extractor's output: the raw pairs, or why they could not be read.
pub(crate) type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

impl Params {
    /// Refuses unknown and repeated names, so a typo is an error rather than ignored.
    pub fn parse(raw: RawQuery, allowed: &[&str]) -> Result<Params, ApiError> {
        let Query(pairs) = raw.map_err(|e| ApiError::BadRequest(e.body_text()))?;
        for (i, (k, _)) in pairs.iter().enumerate() {
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::BadRequest(format!(
                    "unknown parameter {k:?}; this endpoint takes {}",
                    allowed.join(", ")
                )));
            }
            if pairs[..i].iter().any(|(k2, _)| k2 == k) {
                return Err(ApiError::BadRequest(format!("parameter {k:?} given twice")));
            }
        }
        Ok(Params(pairs))
    }

    /// The value of `name`, trimmed; empty counts as absent.
    pub fn str(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn string(&self, name: &str) -> Option<String> {
        self.str(name).map(str::to_string)
    }

    /// A `YYYY-MM-DD` date.
    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.str(name)
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                    ApiError::BadRequest(format!("{name}={v:?} is not a date (YYYY-MM-DD)"))
                })
            })
            .transpose()
    }

    /// A page size between 1 and `max`, `default` when absent.
    pub fn limit(&self, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.str("limit") {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::BadRequest(format!(
                    "limit={v:?} must be a whole number from 1 to {max}"
                ))),
            },
        }
    }

    /// `since` and `until`, checked to be in order.
    pub fn range(&self) -> Result<(Option<NaiveDate>, Option<NaiveDate>), ApiError> {
        let since = self.date("since")?;
        let until = self.date("until")?;
        if let (Some(s), Some(u)) = (since, until) {
            if s > u {
                return Err(ApiError::BadRequest(format!(
                    "since={s} is after until={u}"
                )));
            }
        }
        Ok((since, until))
    }

    /// `bbox` (`minLon,minLat,maxLon,maxLat`), `country` (alpha-3), `border` (`AFG-TJK`)
    /// and `km`: which place mentions a listing keeps.
    pub fn place_filter(&self) -> Result<PlaceFilter, ApiError> {
        Ok(PlaceFilter {
            bbox: self.str("bbox").map(str::parse).transpose()?,
            country: self.str("country").map(parse_country).transpose()?,
            border: self.str("border").map(str::parse).transpose()?,
            km: self.str("km").map(parse_km).transpose()?,
        })
    }
}
