//! The real reference data behind the place tagger: the world gazetteer and boundaries
//! of `spillover-lexicon`, loaded once per process.

use super::index::{BorderIndex, Candidate, FeatureKind, NearestBorder, PlaceIndex};
use spillover_lexicon::borders::Borders;
use spillover_lexicon::gazetteer::{Gazetteer, Place, PlaceId, PlaceKind};
use std::collections::{HashMap, HashSet};
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
    /// Other names of countries from the actor registry's state table
    /// (`data/actors/states.tsv`: "Macedonia", "Burma", "East Timor") that no country of
    /// the gazetteer carries, lower-cased, with the country's alpha-3.
    country_aliases: HashMap<String, String>,
    /// Other names of provinces (`data/admin1-aliases.tsv`: "KPK", "NSW", "Baluchistan"),
    /// lower-cased, with the province's gazetteer id.
    admin1_aliases: HashMap<String, PlaceId>,
    /// Admin-2 units (`data/admin2.tsv`: counties, departments, districts) by lower-cased
    /// name, and the hashes of those names for a test that needs no lower-cased copy.
    admin2: HashMap<String, Vec<Candidate>>,
    admin2_keys: HashSet<u64>,
    /// Byte lengths (bit n set for length n < 64) and lower-cased first bytes of those
    /// aliases: a cheap test before lower-casing a phrase.
    alias_lengths: u64,
    alias_firsts: [bool; 256],
}

impl World {
    fn new(gazetteer: &'static Gazetteer, borders: &Borders) -> World {
        // every town's point per province, for the province's box
        let mut towns: HashMap<(String, String), (Vec<f64>, Vec<f64>)> = HashMap::new();
        let mut country_points = HashMap::new();
        for p in gazetteer.places() {
            match p.kind {
                PlaceKind::City | PlaceKind::Capital => {
                    let (Some(code), Some((lat, lon))) = (p.admin1_code, p.point()) else {
                        continue;
                    };
                    let t = towns
                        .entry((p.country_a3.to_string(), code.to_string()))
                        .or_default();
                    t.0.push(lat);
                    t.1.push(lon);
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
        // The box around a province's towns; where a few towns filed under the wrong
        // province stretch it to over three times the box of its middle nine tenths
        // (Hebei's list holds some from the far west), that inner box instead.
        let boxes: HashMap<(String, String), (f64, f64, f64, f64)> = towns
            .into_iter()
            .map(|(k, (mut lats, mut lons))| {
                lats.sort_by(f64::total_cmp);
                lons.sort_by(f64::total_cmp);
                let n = lats.len() - 1;
                let cut = lats.len() / 20;
                let full = (lats[0], lons[0], lats[n], lons[n]);
                let inner = (lats[cut], lons[cut], lats[n - cut], lons[n - cut]);
                let stretched = cut > 0
                    && (full.2 - full.0 > 3.0 * (inner.2 - inner.0).max(1.0)
                        || full.3 - full.1 > 3.0 * (inner.3 - inner.1).max(1.0));
                (k, if stretched { inner } else { full })
            })
            .collect();
        let admin1_points = boxes
            .into_iter()
            // A box across the antimeridian would put its middle on the other side of
            // the world: keep the gazetteer's own point there.
            .filter(|(_, b)| b.3 - b.1 < 180.0)
            .map(|(k, b)| (k, ((b.0 + b.2) / 2.0, (b.1 + b.3) / 2.0)))
            .collect();
        let country_aliases: HashMap<String, String> =
            state_aliases(include_str!("../../../../data/actors/states.tsv"))
                .into_iter()
                .filter(|(alias, _)| {
                    !gazetteer
                        .lookup(alias)
                        .iter()
                        .filter_map(|&id| gazetteer.get(id))
                        .any(|p| p.kind == PlaceKind::Country)
                })
                .collect();
        let mut admin1_aliases: HashMap<String, PlaceId> = HashMap::new();
        for (alias, a3, name) in
            province_aliases(include_str!("../../../../data/admin1-aliases.tsv"))
        {
            let province = gazetteer.lookup(&name).iter().copied().find(|&id| {
                gazetteer
                    .get(id)
                    .is_some_and(|p| p.kind == PlaceKind::Admin1 && p.country_a3 == a3)
            });
            if let Some(id) = province {
                admin1_aliases.insert(alias, id);
            }
        }
        let mut alias_lengths = 0u64;
        let mut alias_firsts = [false; 256];
        for alias in country_aliases.keys().chain(admin1_aliases.keys()) {
            if alias.len() < 64 {
                alias_lengths |= 1 << alias.len();
            }
            if let Some(&b) = alias.as_bytes().first() {
                alias_firsts[usize::from(b)] = true;
            }
        }
        let mut admin2 = parse_admin2(include_str!("../../../../data/admin2.tsv"));
        for (name, units) in parse_admin2(include_str!("../../../../data/admin2-extra.tsv")) {
            admin2.entry(name).or_default().extend(units);
        }
        let admin2_keys = admin2.keys().map(|k| lower_hash(k)).collect();
        World {
            gazetteer,
            country_aliases,
            admin1_aliases,
            admin2,
            admin2_keys,
            alias_lengths,
            alias_firsts,
            regions: parse_regions(include_str!("../../../../data/regions.tsv"))
                .into_iter()
                .chain(parse_extra(
                    include_str!("../../../../data/regions-extra.tsv"),
                    FeatureKind::Region,
                ))
                .chain(parse_extra(
                    include_str!("../../../../data/places-extra.tsv"),
                    FeatureKind::City,
                ))
                .collect(),
            country_points,
            admin1_points,
        }
    }

    /// Whether `surface` could be a country alias (length and first letter), before the
    /// lower-cased lookup.
    fn may_be_alias(&self, surface: &str) -> bool {
        surface.len() < 64
            && self.alias_lengths & (1 << surface.len()) != 0
            && surface.as_bytes().first().is_some_and(|&b| {
                !b.is_ascii() || self.alias_firsts[usize::from(b.to_ascii_lowercase())]
            })
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

/// (lower-cased alias, alpha-3) from the state table's `aliases` column: written names of
/// four letters or more with a lower-case letter (no acronyms such as "UK" or "FYROM",
/// which name the state as an actor more often than as a place), without a leading "the".
fn state_aliases(tsv: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(&"state"), Some(a3), Some(aliases)) = (cols.get(1), cols.get(3), cols.get(6))
        else {
            continue;
        };
        for alias in aliases.split('|').map(str::trim) {
            let written = alias.chars().count() >= 4
                && alias.chars().any(char::is_lowercase)
                && !alias.to_lowercase().starts_with("the ");
            if written {
                out.push((alias.to_lowercase(), a3.to_string()));
            }
        }
    }
    out
}

/// FNV-1a of the lower-cased text, lower-casing ASCII in place (other text through a
/// lower-cased copy): the key of an admin-2 name.
fn lower_hash(text: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut add = |b: u8| h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    if text.is_ascii() {
        text.bytes().for_each(|b| add(b.to_ascii_lowercase()));
    } else {
        text.to_lowercase().bytes().for_each(add);
    }
    h
}

/// `names TAB alpha3 TAB admin1 TAB lat TAB lon TAB places` lines of `data/admin2.tsv`
/// (see scripts/build-admin2.py) and `data/admin2-extra.tsv`, by lower-cased name; the
/// first name is the unit's.
fn parse_admin2(tsv: &str) -> HashMap<String, Vec<Candidate>> {
    let mut out: HashMap<String, Vec<Candidate>> = HashMap::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(names), Some(a3), Some(a1), Some(lat), Some(lon)) = (
            cols.first(),
            cols.get(1),
            cols.get(2),
            cols.get(3).and_then(|v| v.parse::<f64>().ok()),
            cols.get(4).and_then(|v| v.parse::<f64>().ok()),
        ) else {
            continue;
        };
        let main = names.split('|').next().unwrap_or(names);
        for name in names.split('|') {
            out.entry(name.to_lowercase()).or_default().push(Candidate {
                geonameid: 0,
                name: main.to_string(),
                lat,
                lon,
                country: a3.to_string(),
                admin1: (!a1.is_empty()).then(|| a1.to_string()),
                kind: FeatureKind::Admin2,
                population: 0,
            });
        }
    }
    out
}

/// (lower-cased alias, alpha-3, province name) from `data/admin1-aliases.tsv`
/// (`names TAB alpha3 TAB name`).
fn province_aliases(tsv: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (Some(names), Some(a3), Some(name)) = (cols.first(), cols.get(1), cols.get(2)) else {
            continue;
        };
        for alias in names.split('|') {
            out.push((alias.to_lowercase(), a3.to_string(), name.to_string()));
        }
    }
    out
}

/// `names TAB lat TAB lon TAB alpha3 [TAB admin1]` lines: places the gazetteer lacks, of
/// one kind, without a GeoNames id — border crossings (`data/places-extra.tsv`, towns)
/// and regions, seas and landforms (`data/regions-extra.tsv`, where alpha3 may be empty).
fn parse_extra(tsv: &str, kind: FeatureKind) -> Vec<(String, Candidate)> {
    let mut out = Vec::new();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (Some(names), Some(lat), Some(lon)) = (
            cols.first(),
            cols.get(1).and_then(|v| v.parse::<f64>().ok()),
            cols.get(2).and_then(|v| v.parse::<f64>().ok()),
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
                    country: cols.get(3).map_or_else(String::new, |c| c.to_string()),
                    admin1: cols.get(4).map(|a| a.to_string()),
                    kind,
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
        let lower = surface.to_lowercase();
        if let Some(r) = self.regions.get(&lower) {
            out.push(r.clone());
        }
        if let Some(c) = self
            .country_aliases
            .get(&lower)
            .and_then(|a3| self.country(a3))
        {
            out.push(c);
        }
        // (an acronym in capitals is not a district: "TAPI" is a pipeline, not Tapi)
        let acronym = surface.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !surface.chars().any(char::is_lowercase);
        if let Some(units) = self.admin2.get(&lower).filter(|_| !acronym) {
            out.extend(units.iter().cloned());
        }
        if let Some(c) = self
            .admin1_aliases
            .get(&lower)
            .and_then(|&id| self.gazetteer.get(id))
            .and_then(|p| self.candidate(p))
        {
            out.push(c);
        }
        out
    }

    fn contains(&self, surface: &str) -> bool {
        // (a handful of region names: compared in place, no lower-cased copy per phrase)
        !self.gazetteer.lookup(surface).is_empty()
            || (surface.chars().any(char::is_lowercase)
                && self.admin2_keys.contains(&lower_hash(surface)))
            || self.may_be_alias(surface) && {
                let lower = surface.to_lowercase();
                self.country_aliases.contains_key(&lower)
                    || self.admin1_aliases.contains_key(&lower)
            }
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
