//! Geographic filters on place mentions: a bounding box, a country, a land border and a
//! distance from it. Each parses itself from the text a user types (`69,36.5,71.5,38`,
//! `tjk-afg`, `50`), so the CLI and the API refuse the same inputs with the same words.

use std::fmt;
use std::str::FromStr;

/// Why a geographic filter could not be read. The message names the parameter and says
/// what was expected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeoError {
    #[error("bbox={input:?}: {reason}")]
    Bbox { input: String, reason: String },
    #[error("border={0:?}: two ISO 3166 alpha-3 codes joined by '-', e.g. AFG-TJK")]
    Border(String),
    #[error("km={0:?}: a distance in kilometres, 0 or more (e.g. 50)")]
    Km(String),
    #[error("country={0:?} is not an ISO 3166 alpha-3 code (e.g. TJK)")]
    Country(String),
}

/// A box of longitudes and latitudes in degrees (WGS 84), edges included.
///
/// `min_lat <= max_lat` always. A box whose `min_lon` is greater than its `max_lon`
/// crosses the antimeridian (`170,-50,-170,-30` spans 170°E to 170°W), as in GeoJSON.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    min_lon: f64,
    min_lat: f64,
    max_lon: f64,
    max_lat: f64,
}

impl BoundingBox {
    /// A box from its west, south, east and north edges; every value finite, longitudes
    /// within ±180, latitudes within ±90 and south not above north.
    pub fn new(
        min_lon: f64,
        min_lat: f64,
        max_lon: f64,
        max_lat: f64,
    ) -> Result<BoundingBox, GeoError> {
        Self::checked(min_lon, min_lat, max_lon, max_lat).map_err(|reason| GeoError::Bbox {
            input: format!("{min_lon},{min_lat},{max_lon},{max_lat}"),
            reason,
        })
    }

    /// The box, or why those edges make none.
    fn checked(
        min_lon: f64,
        min_lat: f64,
        max_lon: f64,
        max_lat: f64,
    ) -> Result<BoundingBox, String> {
        let lons = [min_lon, max_lon];
        let lats = [min_lat, max_lat];
        if lons.iter().chain(&lats).any(|v| !v.is_finite()) {
            return Err("every value must be a finite number".into());
        }
        if lons.iter().any(|v| !(-180.0..=180.0).contains(v)) {
            return Err("longitudes must be within -180..180".into());
        }
        if lats.iter().any(|v| !(-90.0..=90.0).contains(v)) {
            return Err("latitudes must be within -90..90".into());
        }
        if min_lat > max_lat {
            return Err(format!(
                "minLat {min_lat} is north of maxLat {max_lat}; give minLon,minLat,maxLon,maxLat"
            ));
        }
        Ok(BoundingBox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        })
    }

    pub fn min_lon(&self) -> f64 {
        self.min_lon
    }

    pub fn min_lat(&self) -> f64 {
        self.min_lat
    }

    pub fn max_lon(&self) -> f64 {
        self.max_lon
    }

    pub fn max_lat(&self) -> f64 {
        self.max_lat
    }

    /// Whether the box wraps from 180°E to 180°W.
    pub fn crosses_antimeridian(&self) -> bool {
        self.min_lon > self.max_lon
    }

    /// Whether the point lies in the box (edges included).
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        let in_lon = if self.crosses_antimeridian() {
            lon >= self.min_lon || lon <= self.max_lon
        } else {
            (self.min_lon..=self.max_lon).contains(&lon)
        };
        in_lon && (self.min_lat..=self.max_lat).contains(&lat)
    }

    /// The longitude ranges the box covers: one, or two when it crosses the antimeridian.
    pub(crate) fn lon_ranges(&self) -> Vec<(f64, f64)> {
        if self.crosses_antimeridian() {
            vec![(self.min_lon, 180.0), (-180.0, self.max_lon)]
        } else {
            vec![(self.min_lon, self.max_lon)]
        }
    }
}

impl FromStr for BoundingBox {
    type Err = GeoError;

    /// `minLon,minLat,maxLon,maxLat`, as GeoJSON and most map libraries give a box.
    fn from_str(s: &str) -> Result<BoundingBox, GeoError> {
        let bad = |reason: String| GeoError::Bbox {
            input: s.chars().take(80).collect(),
            reason,
        };
        let parts: Vec<&str> = s.split(',').map(str::trim).collect();
        let [a, b, c, d] = parts.as_slice() else {
            return Err(bad(
                "four numbers minLon,minLat,maxLon,maxLat (e.g. 67.3,36.6,75.2,41.1)".into(),
            ));
        };
        let mut values = [0.0; 4];
        for (slot, text) in values.iter_mut().zip([a, b, c, d]) {
            *slot = text
                .parse::<f64>()
                .map_err(|_| bad(format!("{text:?} is not a number")))?;
        }
        let [min_lon, min_lat, max_lon, max_lat] = values;
        BoundingBox::checked(min_lon, min_lat, max_lon, max_lat).map_err(bad)
    }
}

impl fmt::Display for BoundingBox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{},{},{},{}",
            self.min_lon, self.min_lat, self.max_lon, self.max_lat
        )
    }
}

/// A land border between two countries, named by their ISO 3166 alpha-3 codes in
/// alphabetical order (`AFG-TJK`), as places' `border_pair` attribute names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BorderPair([u8; 3], [u8; 3]);

impl BorderPair {
    /// The pair of two distinct alpha-3 codes, in either order and any case.
    pub fn new(a: &str, b: &str) -> Option<BorderPair> {
        let code = |s: &str| -> Option<[u8; 3]> {
            let bytes: [u8; 3] = s.trim().as_bytes().try_into().ok()?;
            bytes
                .iter()
                .all(u8::is_ascii_alphabetic)
                .then(|| bytes.map(|b| b.to_ascii_uppercase()))
        };
        let (a, b) = (code(a)?, code(b)?);
        match a.cmp(&b) {
            std::cmp::Ordering::Less => Some(BorderPair(a, b)),
            std::cmp::Ordering::Greater => Some(BorderPair(b, a)),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// The two codes, alphabetical.
    pub fn countries(&self) -> (&str, &str) {
        // Both codes are ASCII letters by construction.
        (
            std::str::from_utf8(&self.0).unwrap_or("???"),
            std::str::from_utf8(&self.1).unwrap_or("???"),
        )
    }
}

impl FromStr for BorderPair {
    type Err = GeoError;

    /// `AFG-TJK`, `tjk-afg`; an en dash (`AFG–TJK`) is taken too.
    fn from_str(s: &str) -> Result<BorderPair, GeoError> {
        let bad = || GeoError::Border(s.chars().take(40).collect());
        let (a, b) = s.split_once(['-', '–']).ok_or_else(bad)?;
        BorderPair::new(a, b).ok_or_else(bad)
    }
}

impl fmt::Display for BorderPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = self.countries();
        write!(f, "{a}-{b}")
    }
}

/// A distance in kilometres from a border: a finite number, 0 or more.
pub fn parse_km(s: &str) -> Result<f64, GeoError> {
    match s.trim().parse::<f64>() {
        Ok(km) if km.is_finite() && km >= 0.0 => Ok(km),
        _ => Err(GeoError::Km(s.chars().take(40).collect())),
    }
}

/// An ISO 3166 alpha-3 country code in any case, upper-cased (`tjk` → `TJK`).
pub fn parse_country(s: &str) -> Result<String, GeoError> {
    let t = s.trim();
    if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(t.to_ascii_uppercase())
    } else {
        Err(GeoError::Country(s.chars().take(40).collect()))
    }
}

/// Which place mentions count: every given condition must hold for one and the same
/// mention. The default lets every mention through.
///
/// `bbox`, `border` and `km` locate places finer than a country (towns, provinces, border
/// regions, boundaries); a mention of a country, of a region of one ("northern
/// Afghanistan") or of a continent never passes them, as its reference point is only
/// somewhere inside it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceFilter {
    /// The place's reference coordinate lies in this box: a town's point, a province's
    /// reference point, a boundary's reference point.
    pub bbox: Option<BoundingBox>,
    /// The place is in this country (ISO alpha-3, as [`parse_country`] gives it).
    /// Boundaries and continents have none.
    pub country: Option<String>,
    /// The international border nearest to the place is this one.
    pub border: Option<BorderPair>,
    /// The place is at most this many kilometres from that border (from any border when
    /// `border` is not given).
    pub km: Option<f64>,
}

impl PlaceFilter {
    /// Whether the filter lets every mention through.
    pub fn is_empty(&self) -> bool {
        self.bbox.is_none() && self.country.is_none() && self.border.is_none() && self.km.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_parse_and_refuse() {
        let b: BoundingBox = "67.3, 36.6,75.2,41.1".parse().unwrap();
        assert_eq!(
            (b.min_lon(), b.min_lat(), b.max_lon(), b.max_lat()),
            (67.3, 36.6, 75.2, 41.1)
        );
        assert!(b.contains(37.2, 69.1) && !b.contains(34.5, 69.2));
        assert_eq!(b.to_string(), "67.3,36.6,75.2,41.1");
        for bad in [
            "",
            "1,2,3",
            "1,2,3,4,5",
            "a,2,3,4",
            "NaN,1,2,3",
            "inf,1,2,3",
            "0,10,1,5",
            "-181,0,0,1",
            "0,-91,1,0",
            "0,0,190,1",
        ] {
            let e = bad.parse::<BoundingBox>().unwrap_err();
            assert!(matches!(e, GeoError::Bbox { .. }), "{bad}: {e}");
            assert!(e.to_string().starts_with("bbox="), "{e}");
        }
        assert_eq!(
            BoundingBox::new(0.0, 10.0, 1.0, 5.0)
                .unwrap_err()
                .to_string(),
            "bbox=\"0,10,1,5\": minLat 10 is north of maxLat 5; give minLon,minLat,maxLon,maxLat"
        );
        // West edge east of the east edge: the box wraps across 180°.
        let wrap: BoundingBox = "170,-50,-170,-30".parse().unwrap();
        assert!(wrap.crosses_antimeridian());
        assert!(wrap.contains(-40.0, 175.0) && wrap.contains(-40.0, -175.0));
        assert!(!wrap.contains(-40.0, 0.0));
        assert_eq!(wrap.lon_ranges(), [(170.0, 180.0), (-180.0, -170.0)]);
    }

    #[test]
    fn border_pairs_are_alphabetical_and_upper_case() {
        let p: BorderPair = "tjk-AFG".parse().unwrap();
        assert_eq!(p.to_string(), "AFG-TJK");
        assert_eq!(p.countries(), ("AFG", "TJK"));
        assert_eq!("AFG–TJK".parse::<BorderPair>().unwrap(), p);
        assert_eq!(BorderPair::new(" afg", "tjk "), Some(p));
        for bad in [
            "AFG", "AFG-AFG", "AF-TJK", "AFG-TJKX", "AFG-T1K", "AFG_TJK", "-",
        ] {
            assert!(
                matches!(bad.parse::<BorderPair>(), Err(GeoError::Border(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn distances_and_countries() {
        assert_eq!(parse_km("50"), Ok(50.0));
        assert_eq!(parse_km(" 0.5 "), Ok(0.5));
        assert_eq!(parse_km("0"), Ok(0.0));
        for bad in ["-1", "abc", "NaN", "inf", ""] {
            assert!(matches!(parse_km(bad), Err(GeoError::Km(_))), "{bad}");
        }
        assert_eq!(parse_country("tjk").as_deref(), Ok("TJK"));
        for bad in ["TJ", "TJKX", "T1K", ""] {
            assert!(parse_country(bad).is_err(), "{bad}");
        }
        assert!(PlaceFilter::default().is_empty());
        assert!(!PlaceFilter {
            km: Some(5.0),
            ..Default::default()
        }
        .is_empty());
    }
}
