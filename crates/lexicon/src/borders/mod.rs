//! International boundaries: point-in-country, distance to the nearest border, named border
//! segments.
//!
//! The geometry is Natural Earth's admin-0 countries at 1:10m (public domain), taken from
//! the `world-atlas` TopoJSON and compiled by `scripts/build-borders.py` into
//! `data/borders/borders.bin` (about 1.3 MB, embedded in the binary; format in
//! `data/borders/README.md` and `format.rs`). A boundary line shared by two countries'
//! polygons is their international border; a line used by one country only is coast.
//!
//! Countries are ISO 3166-1 alpha-3 codes, with five exceptions for geometries that have
//! no ISO code: `XKX` Kosovo, `SOL` Somaliland, `CYN` Northern Cyprus, `KAS` Siachen
//! Glacier, `IOA` Australian Indian Ocean territories.
//!
//! ```
//! use spillover_lexicon::borders::Borders;
//!
//! let borders = Borders::load().unwrap();
//! assert_eq!(borders.country_at(34.5553, 69.2075), Some("AFG")); // Kabul
//!
//! // Khorog sits on the Panj, the Tajik–Afghan border.
//! let near = borders.nearest_border(37.4897, 71.5530).unwrap();
//! assert_eq!(near.pair, ("AFG".to_string(), "TJK".to_string()));
//! assert!(near.km < 5.0);
//!
//! // "within 50 km of the Tajik-Afghan border"
//! let km = borders.distance_to_segment(37.4897, 71.5530, "TJK", "AFG").unwrap();
//! assert!(km < 50.0);
//! assert!(borders.segment("AFG", "TJK").is_some());
//! ```
//!
//! Distances are great-circle distances on a sphere of radius [`EARTH_RADIUS_KM`]: each
//! boundary segment is treated as the great-circle arc between its two vertices, and the
//! nearest point on it is found exactly with unit vectors (project onto the arc's plane,
//! clamp to its ends); the reported kilometres are the haversine distance to that point.
//! The source geometry itself is generalised (1:10m, coordinates quantized to steps of
//! 0.0036° of longitude and 0.0017° of latitude, about 300 m × 190 m here), so a point
//! on a river border may read a kilometre or two off it.

mod format;
mod geo;
#[cfg(test)]
mod tests;

use serde::Serialize;
use serde_json::{json, Value};

use geo::{haversine_km, to_unit, unit_to_latlon, Seg, Vec3};

pub use geo::EARTH_RADIUS_KM;

/// The compiled boundary data embedded in the crate.
static EMBEDDED: &[u8] = include_bytes!("../../../../data/borders/borders.bin");

/// Why boundary data could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BordersError {
    /// Shorter than a header and trailer.
    #[error("borders data too short ({0} bytes)")]
    TooShort(usize),
    /// Does not start with the `SPBORDER` magic.
    #[error("not a borders file (bad magic)")]
    BadMagic,
    /// Written in a format version this build does not read.
    #[error("unsupported borders format version {0} (this build reads version 1)")]
    UnsupportedVersion(u16),
    /// The header's length disagrees with the data (usually truncation).
    #[error("borders data is {actual} bytes but its header declares {declared} (truncated?)")]
    LengthMismatch {
        /// Length written in the header.
        declared: usize,
        /// Length of the data given.
        actual: usize,
    },
    /// The trailing checksum does not match.
    #[error("borders data checksum mismatch (corrupt)")]
    Checksum,
    /// Structurally invalid content.
    #[error("malformed borders data at byte {offset}: {what}")]
    Malformed {
        /// Byte offset where decoding stopped.
        offset: usize,
        /// What was wrong.
        what: &'static str,
    },
}

/// The nearest international border to a point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BorderDistance {
    /// Great-circle distance in km.
    pub km: f64,
    /// The two countries (alpha-3), sorted.
    pub pair: (String, String),
    /// The nearest point on the border, (lat, lon) in degrees.
    pub point: (f64, f64),
}

#[derive(Debug, Clone, Copy)]
struct BBox {
    min_lat: f64,
    max_lat: f64,
    min_lon: f64,
    max_lon: f64,
}

impl BBox {
    fn empty() -> BBox {
        BBox {
            min_lat: f64::INFINITY,
            max_lat: f64::NEG_INFINITY,
            min_lon: f64::INFINITY,
            max_lon: f64::NEG_INFINITY,
        }
    }

    fn add(&mut self, (lat, lon): (f64, f64)) {
        self.min_lat = self.min_lat.min(lat);
        self.max_lat = self.max_lat.max(lat);
        self.min_lon = self.min_lon.min(lon);
        self.max_lon = self.max_lon.max(lon);
    }

    fn union(&mut self, o: &BBox) {
        self.min_lat = self.min_lat.min(o.min_lat);
        self.max_lat = self.max_lat.max(o.max_lat);
        self.min_lon = self.min_lon.min(o.min_lon);
        self.max_lon = self.max_lon.max(o.max_lon);
    }

    fn contains(&self, lat: f64, lon: f64) -> bool {
        lat >= self.min_lat && lat <= self.max_lat && lon >= self.min_lon && lon <= self.max_lon
    }
}

struct Polygon {
    bbox: BBox,
    /// The outer ring first, then holes.
    rings: Vec<geo::Ring>,
}

struct Country {
    code: String,
    name: String,
    bbox: BBox,
    polygons: Vec<Polygon>,
}

struct Pair {
    a: String,
    b: String,
    lines: Vec<Vec<(f64, f64)>>,
    /// Range of this pair's segments in `Borders::segs`.
    segs: std::ops::Range<usize>,
}

/// Fine grid cell size in degrees.
const CELL_DEG: f64 = 1.0;
/// Coarse grid cell size in degrees.
const COARSE_DEG: f64 = 10.0;
/// Fine rings searched before switching to the coarse best-first search.
const MAX_RINGS: i64 = 6;

/// Country polygons and the international boundaries between them, with a grid index for
/// nearest-border queries. Build once ([`Borders::load`]) and share; queries take `&self`.
pub struct Borders {
    countries: Vec<Country>,
    pairs: Vec<Pair>,
    /// Every boundary segment of every pair, pair by pair.
    segs: Vec<Seg>,
    /// Segment index per segment (parallel to `segs`): owning pair.
    seg_pair: Vec<u32>,
    /// Fine index (1° cells), searched in rings around a query point.
    fine: Grid,
    /// Coarse index (10° cells), searched best-first when the fine rings run long
    /// (points far from any border: oceans, high latitudes).
    coarse: Grid,
}

/// Segments by lat/lon cell, compressed rows: cell `c` holds
/// `items[start[c]..start[c + 1]]`.
struct Grid {
    deg: f64,
    rows: usize,
    cols: usize,
    start: Vec<u32>,
    items: Vec<u32>,
    /// Cells holding at least one segment.
    nonempty: Vec<u32>,
}

impl Grid {
    fn row(&self, lat: f64) -> usize {
        (((lat + 90.0) / self.deg).floor().max(0.0) as usize).min(self.rows - 1)
    }

    fn col(&self, lon: f64) -> usize {
        let l = (lon + 180.0).rem_euclid(360.0);
        ((l / self.deg).floor() as usize).min(self.cols - 1)
    }

    fn cell(&self, c: usize) -> &[u32] {
        &self.items[self.start[c] as usize..self.start[c + 1] as usize]
    }

    /// List each segment in every cell its lat/lon box touches; `ends` holds each
    /// segment's two ends, (lat, lon).
    fn build(deg: f64, ends: &[[(f64, f64); 2]]) -> Grid {
        let rows = (180.0 / deg).round() as usize;
        let cols = (360.0 / deg).round() as usize;
        let mut g = Grid {
            deg,
            rows,
            cols,
            start: vec![0u32; rows * cols + 1],
            items: Vec::new(),
            nonempty: Vec::new(),
        };
        let ranges: Vec<_> = ends
            .iter()
            .map(|&[(la0, lo0), (la1, lo1)]| {
                let rs = g.row(la0.min(la1))..=g.row(la0.max(la1));
                let cs = if (lo0 - lo1).abs() > 180.0 {
                    0..=cols - 1 // crosses the antimeridian (none in the source): everywhere
                } else {
                    g.col(lo0.min(lo1))..=g.col(lo0.max(lo1))
                };
                (rs, cs)
            })
            .collect();
        for (rs, cs) in &ranges {
            for r in rs.clone() {
                for c in cs.clone() {
                    g.start[r * cols + c + 1] += 1;
                }
            }
        }
        for i in 1..g.start.len() {
            g.start[i] += g.start[i - 1];
        }
        let mut fill = g.start.clone();
        g.items = vec![0u32; g.start[rows * cols] as usize];
        for (si, (rs, cs)) in ranges.into_iter().enumerate() {
            for r in rs {
                for c in cs.clone() {
                    let slot = &mut fill[r * cols + c];
                    g.items[*slot as usize] = si as u32;
                    *slot += 1;
                }
            }
        }
        g.nonempty = (0..rows * cols)
            .filter(|&c| g.start[c] < g.start[c + 1])
            .map(|c| c as u32)
            .collect();
        g
    }
}

impl std::fmt::Debug for Borders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Borders")
            .field("countries", &self.countries.len())
            .field("pairs", &self.pairs.len())
            .field("segments", &self.segs.len())
            .finish()
    }
}

/// A lower bound (radians) on the distance from a point at latitude `lat` (degrees) to
/// any cell in grid ring `r` ≥ 1 or beyond. Such a cell is at least `r - 1` cells away in
/// latitude, or at least `r - 1` cells away in longitude while within `r` cells in
/// latitude; the second distance is the one to the meridian `(r - 1)` cells away,
/// clamped to that latitude band (along a meridian the distance from a point has a
/// single minimum, at the foot of the perpendicular or, past 90°, at the near pole).
fn ring_bound(lat: f64, r: i64) -> f64 {
    let gap = (r - 1) as f64 * CELL_DEG;
    let band = r as f64 * CELL_DEG;
    let lon_part = if gap >= 180.0 {
        f64::INFINITY
    } else {
        meridian_band_distance(lat, gap, lat - band, lat + band)
    };
    gap.to_radians().min(lon_part)
}

/// Distance (radians) from the point to the meridian `dlon` degrees away (0 ≤ `dlon` <
/// 180), over latitudes `lo..=hi`: along a meridian the distance from a point has a single
/// minimum, at the foot of the perpendicular or, past 90°, at the pole on the point's side.
fn meridian_band_distance(lat: f64, dlon: f64, lo: f64, hi: f64) -> f64 {
    let foot = if dlon < 90.0 {
        (lat.to_radians().tan() / dlon.to_radians().cos())
            .atan()
            .to_degrees()
    } else if lat >= 0.0 {
        90.0
    } else {
        -90.0
    };
    let f = foot.clamp(lo.max(-90.0), hi.min(90.0));
    haversine_km(lat, 0.0, f, dlon) / EARTH_RADIUS_KM
}

/// A lower bound (radians) on the distance from the point to anything in the lat/lon box.
fn box_bound(lat: f64, lon: f64, la0: f64, la1: f64, lo0: f64, lo1: f64) -> f64 {
    let wrap = |d: f64| (d + 180.0).rem_euclid(360.0) - 180.0;
    let (d0, d1) = (wrap(lo0 - lon), wrap(lo1 - lon));
    if d0 <= 0.0 && d1 >= 0.0 {
        // Within the box's longitudes: the latitude gap.
        return (la0 - lat).max(lat - la1).max(0.0).to_radians();
    }
    let dlon = d0.abs().min(d1.abs());
    meridian_band_distance(lat, dlon, la0, la1)
}

fn round5(v: f64) -> f64 {
    (v * 1e5).round() / 1e5
}

fn line_coords(line: &[(f64, f64)]) -> Value {
    Value::Array(
        line.iter()
            .map(|&(lat, lon)| json!([round5(lon), round5(lat)]))
            .collect(),
    )
}

impl Borders {
    /// Decode the boundary data embedded in the crate (a few milliseconds).
    pub fn load() -> Result<Borders, BordersError> {
        Borders::from_bytes(EMBEDDED)
    }

    /// Decode and validate boundary data in the `borders.bin` format. Corrupt, truncated
    /// or foreign data gives an error, never a panic.
    pub fn from_bytes(b: &[u8]) -> Result<Borders, BordersError> {
        let raw = format::parse(b)?;
        let countries: Vec<Country> = raw
            .countries
            .into_iter()
            .map(|c| {
                let mut cb = BBox::empty();
                let polygons = c
                    .polygons
                    .into_iter()
                    .map(|rings| {
                        let mut bbox = BBox::empty();
                        for &p in &rings[0] {
                            bbox.add(p);
                        }
                        cb.union(&bbox);
                        Polygon {
                            bbox,
                            rings: rings.into_iter().map(geo::Ring::new).collect(),
                        }
                    })
                    .collect();
                Country {
                    code: c.code,
                    name: c.name,
                    bbox: cb,
                    polygons,
                }
            })
            .collect();

        let mut segs = Vec::new();
        let mut ends = Vec::new();
        let mut seg_pair = Vec::new();
        let mut pairs = Vec::with_capacity(raw.pairs.len());
        for (pi, p) in raw.pairs.into_iter().enumerate() {
            let start = segs.len();
            for line in &p.lines {
                for w in line.windows(2) {
                    if w[0] == w[1] {
                        continue;
                    }
                    segs.push(Seg::new(to_unit(w[0].0, w[0].1), to_unit(w[1].0, w[1].1)));
                    ends.push([w[0], w[1]]);
                    seg_pair.push(pi as u32);
                }
            }
            pairs.push(Pair {
                a: countries[p.a].code.clone(),
                b: countries[p.b].code.clone(),
                lines: p.lines,
                segs: start..segs.len(),
            });
        }

        let fine = Grid::build(CELL_DEG, &ends);
        let coarse = Grid::build(COARSE_DEG, &ends);
        Ok(Borders {
            countries,
            pairs,
            segs,
            seg_pair,
            fine,
            coarse,
        })
    }

    fn country(&self, alpha3: &str) -> Option<&Country> {
        self.countries
            .binary_search_by(|c| c.code.as_str().cmp(alpha3))
            .ok()
            .map(|i| &self.countries[i])
    }

    fn pair(&self, a: &str, b: &str) -> Option<&Pair> {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        self.pairs
            .binary_search_by(|p| (p.a.as_str(), p.b.as_str()).cmp(&(a, b)))
            .ok()
            .map(|i| &self.pairs[i])
    }

    /// The country (alpha-3) containing the point, or `None` at sea or off the map.
    /// Bounding boxes prefilter; then an even-odd ray test over the polygon's rings.
    pub fn country_at(&self, lat: f64, lon: f64) -> Option<&str> {
        if !lat.is_finite() || !lon.is_finite() {
            return None;
        }
        for c in &self.countries {
            if !c.bbox.contains(lat, lon) {
                continue;
            }
            for p in &c.polygons {
                if p.bbox.contains(lat, lon) && geo::in_rings(&p.rings, lat, lon) {
                    return Some(&c.code);
                }
            }
        }
        None
    }

    /// The country's name as the source gives it ("Afghanistan", "N. Cyprus").
    pub fn name(&self, alpha3: &str) -> Option<&str> {
        self.country(alpha3).map(|c| c.name.as_str())
    }

    /// The alpha-3 codes of every country in the data, sorted.
    pub fn countries(&self) -> impl Iterator<Item = &str> {
        self.countries.iter().map(|c| c.code.as_str())
    }

    /// The nearest international land border to the point, with the nearest point on it.
    /// Uses the grid index: 1° cells are searched in growing rings around the point until
    /// no unsearched cell can hold anything nearer; a point still without an answer after
    /// a few rings (far out at sea) falls back to 10° cells visited nearest first. Both
    /// stop on exact lower bounds, so the answer equals a search over every segment.
    pub fn nearest_border(&self, lat: f64, lon: f64) -> Option<BorderDistance> {
        if !lat.is_finite() || !lon.is_finite() || self.segs.is_empty() {
            return None;
        }
        let lat = lat.clamp(-90.0, 90.0);
        let p = to_unit(lat, lon);
        let g = &self.fine;
        let (r0, c0) = (g.row(lat) as i64, g.col(lon) as i64);
        let (rows, cols) = (g.rows as i64, g.cols as i64);
        let half = cols / 2;
        let mut best: Option<(f64, usize, Vec3)> = None; // (chord², segment, nearest point)
        let consider = |cell: &[u32], best: &mut Option<(f64, usize, Vec3)>| {
            for &si in cell {
                let (c2, q) = self.segs[si as usize].nearest(&p);
                if best.as_ref().is_none_or(|b| c2 < b.0) {
                    *best = Some((c2, si as usize, q));
                }
            }
        };
        let mut done = false;
        for r in 0..=MAX_RINGS {
            if r > 0 {
                if let Some((c2, _, _)) = best {
                    if geo::chord2_from_angle(ring_bound(lat, r)) > c2 {
                        done = true;
                        break;
                    }
                }
            }
            for dr in -r..=r {
                let row = r0 + dr;
                if row < 0 || row >= rows {
                    continue;
                }
                let dcs: &mut dyn Iterator<Item = i64> = if dr.abs() == r {
                    &mut (-r..=r)
                } else {
                    &mut [-r, r].into_iter().take(if r == 0 { 1 } else { 2 })
                };
                for dc in dcs {
                    if dc < -half || dc >= half {
                        continue;
                    }
                    let col = (c0 + dc).rem_euclid(cols);
                    consider(g.cell((row * cols + col) as usize), &mut best);
                }
            }
        }
        if !done {
            // Far from any border: visit coarse cells nearest first, until the next one
            // cannot hold anything nearer than the best so far.
            let c = &self.coarse;
            let mut order: Vec<(f64, u32)> = c
                .nonempty
                .iter()
                .map(|&cell| {
                    let (row, col) = (cell as usize / c.cols, cell as usize % c.cols);
                    let la0 = row as f64 * c.deg - 90.0;
                    let lo0 = col as f64 * c.deg - 180.0;
                    let bound = box_bound(lat, lon, la0, la0 + c.deg, lo0, lo0 + c.deg);
                    (geo::chord2_from_angle(bound), cell)
                })
                .collect();
            order.sort_by(|a, b| a.0.total_cmp(&b.0));
            for (bound, cell) in order {
                if best.as_ref().is_some_and(|b| bound > b.0) {
                    break;
                }
                consider(c.cell(cell as usize), &mut best);
            }
        }
        let (_, si, q) = best?;
        let pair = &self.pairs[self.seg_pair[si] as usize];
        let point = unit_to_latlon(&q);
        Some(BorderDistance {
            km: haversine_km(lat, lon, point.0, point.1),
            pair: (pair.a.clone(), pair.b.clone()),
            point,
        })
    }

    /// The polylines, (lat, lon), of the boundary between `a` and `b` (alpha-3, either
    /// order); `None` if the two do not share a land border in the data.
    pub fn segment(&self, a: &str, b: &str) -> Option<&[Vec<(f64, f64)>]> {
        self.pair(a, b).map(|p| p.lines.as_slice())
    }

    /// The `a`–`b` boundary as a GeoJSON Feature (MultiLineString, [lon, lat]) with
    /// properties `{"pair": [a, b]}` (sorted).
    pub fn segment_geojson(&self, a: &str, b: &str) -> Option<Value> {
        let p = self.pair(a, b)?;
        Some(json!({
            "type": "Feature",
            "properties": { "pair": [p.a, p.b] },
            "geometry": {
                "type": "MultiLineString",
                "coordinates": p.lines.iter().map(|l| line_coords(l)).collect::<Vec<_>>(),
            }
        }))
    }

    /// Every pair of countries with a land border, each sorted, in sorted order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|p| (p.a.as_str(), p.b.as_str()))
    }

    /// Great-circle km from the point to the `a`–`b` boundary (either order), e.g. for
    /// "within 50 km of AFG–TJK"; `None` if there is no such boundary.
    pub fn distance_to_segment(&self, lat: f64, lon: f64, a: &str, b: &str) -> Option<f64> {
        if !lat.is_finite() || !lon.is_finite() {
            return None;
        }
        let pair = self.pair(a, b)?;
        let p = to_unit(lat, lon);
        let mut best: Option<(f64, Vec3)> = None;
        for s in &self.segs[pair.segs.clone()] {
            let (c2, q) = s.nearest(&p);
            if best.as_ref().is_none_or(|b| c2 < b.0) {
                best = Some((c2, q));
            }
        }
        let (_, q) = best?;
        let (qlat, qlon) = unit_to_latlon(&q);
        Some(haversine_km(lat, lon, qlat, qlon))
    }

    /// The country as a GeoJSON Feature (MultiPolygon, [lon, lat]) with properties
    /// `{"iso_a3", "name"}`, for the offline dashboard map.
    /// A representative point of a country: the area centroid of its largest polygon's
    /// outer ring (planar in degrees, longitudes scaled by the cosine of the latitude),
    /// or, when that centroid falls outside the country (a crescent-shaped country), the
    /// ring's vertex nearest to it. Close to the "centre" points gazetteers give
    /// countries; never used to draw the country as a point.
    pub fn centroid(&self, alpha3: &str) -> Option<(f64, f64)> {
        let c = self.country(alpha3)?;
        let ring_area = |pts: &[(f64, f64)]| -> (f64, f64, f64) {
            // Shoelace over (x = lon·cos φ0, y = lat) with φ0 the ring's mean latitude.
            let mean_lat = pts.iter().map(|p| p.0).sum::<f64>() / pts.len().max(1) as f64;
            let k = mean_lat.to_radians().cos().max(0.01);
            let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
            for w in pts.windows(2) {
                let (y0, x0) = (w[0].0, w[0].1 * k);
                let (y1, x1) = (w[1].0, w[1].1 * k);
                let cross = x0 * y1 - x1 * y0;
                a += cross;
                cx += (x0 + x1) * cross;
                cy += (y0 + y1) * cross;
            }
            if a.abs() < 1e-12 {
                return (
                    0.0,
                    pts.first().map_or(0.0, |p| p.0),
                    pts.first().map_or(0.0, |p| p.1),
                );
            }
            (a.abs() / 2.0, cy / (3.0 * a), cx / (3.0 * a) / k)
        };
        let (_, lat, lon) = c
            .polygons
            .iter()
            .filter_map(|p| p.rings.first())
            .map(|r| ring_area(&r.pts))
            .max_by(|a, b| a.0.total_cmp(&b.0))?;
        if self.country_at(lat, lon) == Some(alpha3) {
            return Some((lat, lon));
        }
        let outer = c
            .polygons
            .iter()
            .filter_map(|p| p.rings.first())
            .max_by_key(|r| r.pts.len())?;
        outer
            .pts
            .iter()
            .min_by(|a, b| {
                let da = (a.0 - lat).powi(2) + (a.1 - lon).powi(2);
                let db = (b.0 - lat).powi(2) + (b.1 - lon).powi(2);
                da.total_cmp(&db)
            })
            .copied()
    }

    pub fn country_geojson(&self, alpha3: &str) -> Option<Value> {
        let c = self.country(alpha3)?;
        let polys: Vec<Value> = c
            .polygons
            .iter()
            .map(|p| Value::Array(p.rings.iter().map(|r| line_coords(&r.pts)).collect()))
            .collect();
        Some(json!({
            "type": "Feature",
            "properties": { "iso_a3": c.code, "name": c.name },
            "geometry": { "type": "MultiPolygon", "coordinates": polys }
        }))
    }
}
