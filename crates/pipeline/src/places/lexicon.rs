//! The real reference data behind the place tagger: the world gazetteer and boundaries
//! of `spillover-lexicon`, loaded once per process.

use super::index::{BorderIndex, Candidate, FeatureKind, NearestBorder, PlaceIndex};
use spillover_lexicon::borders::Borders;
use spillover_lexicon::gazetteer::{Gazetteer, Place, PlaceKind};
use std::collections::HashMap;
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
    // the process-wide gazetteer, shared with the entity tagger's lists (parsed once)
    let gazetteer = Gazetteer::shared().map_err(|e| format!("gazetteer: {e}"))?;
    let world = World::new(gazetteer, &borders);
    Ok(ReferenceData {
        places: Arc::new(world),
        borders: Arc::new(borders),
    })
}

/// The gazetteer with reference points for areas: a country's is the centroid of its
/// boundary polygon (gazetteers' country points are mostly geographic centres; the
/// conventional atlas points were tried and scored worse at 161 km), a province's the
/// middle of the box around its towns. Population-
/// weighted points pull towards the largest city, hundreds of kilometres off the
/// centre that gazetteers (and analysts' maps) use for an area.
struct World {
    gazetteer: &'static Gazetteer,
    /// Continents (`data/regions.tsv`) and places the gazetteer lacks
    /// (`data/places-extra.tsv`), by lower-cased name.
    regions: HashMap<String, Candidate>,
    country_points: HashMap<String, (f64, f64)>,
    admin1_points: HashMap<(String, String), (f64, f64)>,
}

impl World {
    fn new(gazetteer: &'static Gazetteer, borders: &Borders) -> World {
        let mut boxes: HashMap<(String, String), (f64, f64, f64, f64)> = HashMap::new();
        let mut country_points = HashMap::new();
        for p in gazetteer.places() {
            match p.kind {
                PlaceKind::City | PlaceKind::Capital => {
                    let (Some(code), Some((lat, lon))) = (p.admin1_code, p.point()) else {
                        continue;
                    };
                    let b = boxes
                        .entry((p.country_a3.to_string(), code.to_string()))
                        .or_insert((lat, lon, lat, lon));
                    *b = (b.0.min(lat), b.1.min(lon), b.2.max(lat), b.3.max(lon));
                }
                PlaceKind::Country => {
                    let point = borders.centroid(p.country_a3);
                    if let Some(c) = point {
                        country_points.insert(p.country_a3.to_string(), c);
                    }
                }
                PlaceKind::Admin1 => {}
            }
        }
        let admin1_points = boxes
            .into_iter()
            // A box across the antimeridian would put its middle on the other side of
            // the world: keep the gazetteer's own point there.
            .filter(|(_, b)| b.3 - b.1 < 180.0)
            .map(|(k, b)| (k, ((b.0 + b.2) / 2.0, (b.1 + b.3) / 2.0)))
            .collect();
        World {
            gazetteer,
            regions: parse_regions(include_str!("../../../../data/regions.tsv"))
                .into_iter()
                .chain(parse_extra(include_str!(
                    "../../../../data/places-extra.tsv"
                )))
                .collect(),
            country_points,
            admin1_points,
        }
    }

    fn candidate(&self, p: Place<'_>) -> Option<Candidate> {
        let (mut lat, mut lon) = p.point()?;
        let kind = match p.kind {
            PlaceKind::Country => FeatureKind::Country,
            PlaceKind::Admin1 => FeatureKind::Admin1,
            PlaceKind::Capital => FeatureKind::Capital,
            PlaceKind::City => FeatureKind::City,
        };
        let reference = match kind {
            FeatureKind::Country => self.country_points.get(p.country_a3).copied(),
            FeatureKind::Admin1 => p.admin1_code.and_then(|code| {
                self.admin1_points
                    .get(&(p.country_a3.to_string(), code.to_string()))
                    .copied()
            }),
            _ => None,
        };
        if let Some((la, lo)) = reference {
            (lat, lon) = (la, lo);
        }
        Some(Candidate {
            geonameid: i64::from(p.geonameid),
            name: p.name.to_string(),
            lat,
            lon,
            country: p.country_a3.to_string(),
            admin1: p.admin1_name.map(str::to_string),
            kind,
            population: p.population,
        })
    }
}

/// `names TAB lat TAB lon TAB alpha3 TAB admin1` lines of `data/places-extra.tsv`: places
/// the gazetteer lacks (border crossings), as towns without a GeoNames id.
fn parse_extra(tsv: &str) -> Vec<(String, Candidate)> {
    let mut out = Vec::new();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (Some(names), Some(lat), Some(lon), Some(country)) = (
            cols.first(),
            cols.get(1).and_then(|v| v.parse::<f64>().ok()),
            cols.get(2).and_then(|v| v.parse::<f64>().ok()),
            cols.get(3),
        ) else {
            continue;
        };
        let main = names.split('|').next().unwrap_or(names);
        for name in names.split('|') {
            out.push((
                name.to_lowercase(),
                Candidate {
                    geonameid: 0,
                    name: main.to_string(),
                    lat,
                    lon,
                    country: country.to_string(),
                    admin1: cols.get(4).map(|a| a.to_string()),
                    kind: FeatureKind::City,
                    population: 0,
                },
            ));
        }
    }
    out
}

/// `names TAB lat TAB lon TAB geonameid TAB kind TAB code` lines (see scripts/build-regions.py).
fn parse_regions(tsv: &str) -> HashMap<String, Candidate> {
    let mut out = HashMap::new();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(names), Some(lat), Some(lon), Some(id)) = (
            cols.first(),
            cols.get(1).and_then(|v| v.parse::<f64>().ok()),
            cols.get(2).and_then(|v| v.parse::<f64>().ok()),
            cols.get(3).and_then(|v| v.parse::<i64>().ok()),
        ) else {
            continue;
        };
        let main = names.split('|').next().unwrap_or(names);
        for name in names.split('|') {
            out.insert(
                name.to_lowercase(),
                Candidate {
                    geonameid: id,
                    name: main.to_string(),
                    lat,
                    lon,
                    country: String::new(),
                    admin1: None,
                    kind: FeatureKind::Continent,
                    population: 0,
                },
            );
        }
    }
    out
}

impl PlaceIndex for World {
    fn candidates(&self, surface: &str) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = self
            .gazetteer
            .lookup(surface)
            .iter()
            .filter_map(|&id| self.gazetteer.get(id))
            .filter_map(|p| self.candidate(p))
            .collect();
        if let Some(r) = self.regions.get(&surface.to_lowercase()) {
            out.push(r.clone());
        }
        out
    }

    fn contains(&self, surface: &str) -> bool {
        // (a handful of region names: compared in place, no lower-cased copy per phrase)
        !self.gazetteer.lookup(surface).is_empty()
            || self.regions.keys().any(|k| {
                if surface.is_ascii() {
                    k.eq_ignore_ascii_case(surface)
                } else {
                    *k == surface.to_lowercase()
                }
            })
    }

    fn country(&self, alpha3: &str) -> Option<Candidate> {
        self.gazetteer
            .country(alpha3)
            .and_then(|p| self.candidate(p))
    }

    fn max_tokens(&self) -> usize {
        self.gazetteer.max_name_tokens()
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
