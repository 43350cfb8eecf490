//! The real reference data behind the place tagger: the world gazetteer and boundaries
//! of `spillover-lexicon`, loaded once per process.

use super::index::{BorderIndex, Candidate, FeatureKind, NearestBorder, PlaceIndex};
use spillover_lexicon::borders::Borders;
use spillover_lexicon::gazetteer::{Gazetteer, Place, PlaceKind};
use std::sync::{Arc, OnceLock};

/// The loaded gazetteer and boundaries.
pub struct ReferenceData {
    pub places: Arc<dyn PlaceIndex>,
    pub borders: Arc<dyn BorderIndex>,
}

static DATA: OnceLock<Result<ReferenceData, String>> = OnceLock::new();

/// The shipped reference data, loaded on first use (the error says what is wrong with it).
pub fn reference_data() -> Result<&'static ReferenceData, &'static str> {
    DATA.get_or_init(load).as_ref().map_err(String::as_str)
}

fn load() -> Result<ReferenceData, String> {
    let borders = Borders::load().map_err(|e| format!("boundaries: {e}"))?;
    let gazetteer = Gazetteer::load().map_err(|e| format!("gazetteer: {e}"))?;
    Ok(ReferenceData {
        places: Arc::new(gazetteer),
        borders: Arc::new(borders),
    })
}

fn candidate(p: Place<'_>) -> Option<Candidate> {
    let (lat, lon) = p.point()?;
    Some(Candidate {
        geonameid: i64::from(p.geonameid),
        name: p.name.to_string(),
        lat,
        lon,
        country: p.country_a3.to_string(),
        admin1: p.admin1_name.map(str::to_string),
        kind: match p.kind {
            PlaceKind::Country => FeatureKind::Country,
            PlaceKind::Admin1 => FeatureKind::Admin1,
            PlaceKind::Capital => FeatureKind::Capital,
            PlaceKind::City => FeatureKind::City,
        },
        population: p.population,
    })
}

impl PlaceIndex for Gazetteer {
    fn candidates(&self, surface: &str) -> Vec<Candidate> {
        self.lookup(surface)
            .iter()
            .filter_map(|&id| self.get(id))
            .filter_map(candidate)
            .collect()
    }

    fn country(&self, alpha3: &str) -> Option<Candidate> {
        Gazetteer::country(self, alpha3).and_then(candidate)
    }

    fn max_tokens(&self) -> usize {
        self.max_name_tokens()
    }
}

impl BorderIndex for Borders {
    fn nearest(&self, lat: f64, lon: f64) -> Option<NearestBorder> {
        self.nearest_border(lat, lon).map(|b| NearestBorder {
            km: b.km,
            pair: b.pair,
        })
    }

    fn reference_point(&self, a: &str, b: &str) -> Option<(f64, f64)> {
        // The middle vertex of the longest line of the boundary: on the line, never a
        // country centroid.
        let lines = self.segment(a, b)?;
        let longest = lines.iter().max_by_key(|l| l.len())?;
        longest.get(longest.len() / 2).copied()
    }
}
