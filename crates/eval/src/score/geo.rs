//! Toponym resolution: how many gold toponyms the system found, and how far its
//! coordinates are from the gold ones.
//!
//! A gold toponym is *found* when its span shares at least one byte with a predicted
//! place's span. Its error is the great-circle distance ([`haversine_km`]) from the gold
//! coordinate to the predicted place with the largest byte overlap (ties: the earlier
//! prediction). One predicted place may serve several gold toponyms. Over the found
//! toponyms with errors `e_1 … e_n`:
//!
//! * `acc161` — share with `e_i ≤ 161` km (100 miles);
//! * `mean_km`, `median_km` — mean and median error (median of an even count: the
//!   mean of the two middle values);
//! * `auc` — the area under the curve of log error of Gritta et al. (2018), "What's
//!   missing in geographical parsing?", in its discrete form:
//!   `AUC = (1/n) Σ ln(1 + e_i) / ln(20039)`, where 20039 km is (about) half the Earth's
//!   circumference, the largest possible error. It lies in [0, 1]; 0 is perfect and
//!   lower is better.
//!
//! The same share is also given apart for the toponyms resolved to a point (a town, a
//! site: `acc161_point`) and to an area (a country, a province, a region:
//! `acc161_area`, with `area_share` the share of found toponyms resolved to an area). An
//! area's point is a reference point by convention, and gold sets differ in theirs
//! (GeoNames' own, an atlas centre), so a right area can lie more than 161 km from the
//! gold coordinate: the split shows how much of the error is that.
//!
//! With nothing found, `acc161` is 0 and `mean_km`, `median_km` and `auc` are missing
//! (JSON `null`), since there is no error to average.

use super::ratio;
use crate::gold::GoldToponym;
use crate::pred::PredPlace;
use crate::report::Figure;
use crate::span::overlap;

/// Mean Earth radius in km (IUGG), used by [`haversine_km`].
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The largest error the AUC allows for: half the Earth's circumference, in km.
pub const MAX_ERROR_KM: f64 = 20039.0;

/// Errors up to this distance (100 miles) count as correct for `acc161`.
pub const ACC_KM: f64 = 161.0;

/// Great-circle distance in km between two points given in degrees (haversine formula,
/// sphere of radius [`EARTH_RADIUS_KM`]).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let dphi = (lat2 - lat1).to_radians();
    let dlambda = (lon2 - lon1).to_radians();
    let a = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.clamp(0.0, 1.0).sqrt().asin()
}

/// Median of `values` (mean of the two middle values for an even count); `None` when
/// empty.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    })
}

/// The discrete AUC of log error (see the module docs); `None` when `errors` is empty.
pub fn auc_log_error(errors_km: &[f64]) -> Option<f64> {
    if errors_km.is_empty() {
        return None;
    }
    let norm = MAX_ERROR_KM.ln_1p();
    let sum: f64 = errors_km
        .iter()
        .map(|&e| (e.max(0.0).ln_1p() / norm).min(1.0))
        .sum();
    Some(sum / errors_km.len() as f64)
}

/// Accumulates found toponyms and their errors.
#[derive(Debug, Default, Clone)]
pub(crate) struct GeoScorer {
    gold: u64,
    errors_km: Vec<f64>,
    /// Whether each found toponym (same order as `errors_km`) was resolved to an area.
    area: Vec<bool>,
}

impl GeoScorer {
    /// Scores one document.
    pub fn add(&mut self, gold: &[GoldToponym], pred: &[PredPlace]) {
        for g in gold {
            self.gold += 1;
            let mut best: Option<(usize, &PredPlace)> = None;
            for p in pred {
                let o = overlap((g.start, g.end), (p.start, p.end));
                if o > 0 && best.is_none_or(|(b, _)| o > b) {
                    best = Some((o, p));
                }
            }
            if let Some((_, p)) = best {
                self.errors_km
                    .push(haversine_km(g.lat, g.lon, p.lat, p.lon));
                self.area.push(p.area);
            }
        }
    }

    /// The report figures.
    pub fn figures(&self) -> Vec<(&'static str, Figure)> {
        let found = self.errors_km.len() as u64;
        let within = self.errors_km.iter().filter(|&&e| e <= ACC_KM).count() as u64;
        let mean = if self.errors_km.is_empty() {
            None
        } else {
            Some(self.errors_km.iter().sum::<f64>() / self.errors_km.len() as f64)
        };
        let opt = |v: Option<f64>, f: fn(f64) -> Figure| v.map_or(Figure::Missing, f);
        let split = |want: bool| {
            let (n, ok) = self
                .errors_km
                .iter()
                .zip(&self.area)
                .filter(|(_, &a)| a == want)
                .fold((0u64, 0u64), |(n, ok), (&e, _)| {
                    (n + 1, ok + u64::from(e <= ACC_KM))
                });
            if n == 0 {
                Figure::Missing
            } else {
                Figure::Rate(ratio(ok, n))
            }
        };
        let areas = self.area.iter().filter(|&&a| a).count() as u64;
        vec![
            ("found", Figure::Rate(ratio(found, self.gold))),
            ("acc161", Figure::Rate(ratio(within, found))),
            ("mean_km", opt(mean, Figure::Km)),
            ("median_km", opt(median(&self.errors_km), Figure::Km)),
            ("auc", opt(auc_log_error(&self.errors_km), Figure::Rate)),
            ("acc161_point", split(false)),
            ("acc161_area", split(true)),
            ("area_share", Figure::Rate(ratio(areas, found))),
            ("gold_toponyms", Figure::Count(self.gold)),
            ("found_count", Figure::Count(found)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(start: usize, end: usize, lat: f64, lon: f64) -> GoldToponym {
        GoldToponym {
            start,
            end,
            name: String::new(),
            lat,
            lon,
            geonameid: None,
        }
    }
    fn p(start: usize, end: usize, lat: f64, lon: f64) -> PredPlace {
        PredPlace {
            start,
            end,
            lat,
            lon,
            area: false,
        }
    }
    fn fig(figs: &[(&str, Figure)], key: &str) -> Option<f64> {
        figs.iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, f)| f.value())
    }

    #[test]
    fn moscow_to_dushanbe_is_about_3000_km() {
        let d = haversine_km(55.7558, 37.6173, 38.5598, 68.7870);
        assert!((d - 3000.0).abs() / 3000.0 < 0.01, "{d}");
        assert_eq!(haversine_km(10.0, 20.0, 10.0, 20.0), 0.0);
        // Antipodes: half the circumference.
        let half = haversine_km(0.0, 0.0, 0.0, 180.0);
        assert!((half - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
        assert!(half <= MAX_ERROR_KM);
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 10.0]), Some(3.5));
    }

    #[test]
    fn auc_bounds() {
        assert_eq!(auc_log_error(&[0.0, 0.0]), Some(0.0));
        let worst = auc_log_error(&[MAX_ERROR_KM]).unwrap_or(f64::NAN);
        assert!((worst - 1.0).abs() < 1e-12);
        let mid = auc_log_error(&[0.0, MAX_ERROR_KM]).unwrap_or(f64::NAN);
        assert!((mid - 0.5).abs() < 1e-12);
        assert_eq!(auc_log_error(&[]), None);
    }

    #[test]
    fn perfect_prediction() {
        let gold = [g(0, 6, 55.7558, 37.6173), g(10, 18, 38.5598, 68.7870)];
        let pred = [p(0, 6, 55.7558, 37.6173), p(10, 18, 38.5598, 68.7870)];
        let mut s = GeoScorer::default();
        s.add(&gold, &pred);
        let f = s.figures();
        assert_eq!(fig(&f, "found"), Some(1.0));
        assert_eq!(fig(&f, "acc161"), Some(1.0));
        assert_eq!(fig(&f, "mean_km"), Some(0.0));
        assert_eq!(fig(&f, "auc"), Some(0.0));
    }

    #[test]
    fn empty_prediction_finds_nothing() {
        let mut s = GeoScorer::default();
        s.add(&[g(0, 6, 1.0, 1.0)], &[]);
        let f = s.figures();
        assert_eq!(fig(&f, "found"), Some(0.0));
        assert_eq!(fig(&f, "acc161"), Some(0.0));
        assert_eq!(fig(&f, "mean_km"), None);
        assert_eq!(fig(&f, "gold_toponyms"), Some(1.0));
    }

    #[test]
    fn best_overlap_wins_and_ties_take_the_first() {
        // Gold "Moscow Oblast" 0..13 at Moscow; two predictions overlap it.
        let gold = [g(0, 13, 55.7558, 37.6173)];
        // 0..6 overlaps 6 bytes (wrong place), 2..13 overlaps 11 bytes (right place).
        let pred = [p(0, 6, 38.5598, 68.7870), p(2, 13, 55.7558, 37.6173)];
        let mut s = GeoScorer::default();
        s.add(&gold, &pred);
        assert_eq!(s.errors_km, vec![0.0]);

        // Equal overlaps: the first prediction is used.
        let pred = [p(0, 5, 38.5598, 68.7870), p(8, 13, 55.7558, 37.6173)];
        let mut s = GeoScorer::default();
        s.add(&gold, &pred);
        assert!(s.errors_km[0] > 2900.0);
        let f = s.figures();
        assert_eq!(fig(&f, "acc161"), Some(0.0));
    }

    #[test]
    fn partial_find_and_median_over_found() {
        // Three gold toponyms; two found with errors 0 and ~3000 km, one missed.
        let gold = [
            g(0, 6, 55.7558, 37.6173),
            g(10, 18, 55.7558, 37.6173),
            g(30, 35, 0.0, 0.0),
        ];
        let pred = [
            p(0, 6, 55.7558, 37.6173),
            p(12, 14, 38.5598, 68.7870),
            p(20, 29, 0.0, 0.0),
        ];
        let mut s = GeoScorer::default();
        s.add(&gold, &pred);
        let f = s.figures();
        assert!((fig(&f, "found").unwrap_or(0.0) - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(fig(&f, "acc161"), Some(0.5));
        let d = haversine_km(55.7558, 37.6173, 38.5598, 68.7870);
        assert!((fig(&f, "median_km").unwrap_or(0.0) - d / 2.0).abs() < 1e-9);
        assert!((fig(&f, "mean_km").unwrap_or(0.0) - d / 2.0).abs() < 1e-9);
        assert_eq!(fig(&f, "found_count"), Some(2.0));
    }

    #[test]
    fn points_and_areas_are_scored_apart() {
        // A town right, a country 500 km off its gold point, a province right.
        let gold = [
            g(0, 5, 38.5598, 68.7870),
            g(10, 16, 60.0, -95.0),
            g(20, 28, 50.0, -85.0),
        ];
        let area = |mut x: PredPlace| {
            x.area = true;
            x
        };
        let pred = [
            p(0, 5, 38.5598, 68.7870),
            area(p(10, 16, 57.94, -102.36)),
            area(p(20, 28, 50.1, -85.1)),
        ];
        let mut s = GeoScorer::default();
        s.add(&gold, &pred);
        let f = s.figures();
        assert_eq!(fig(&f, "acc161_point"), Some(1.0));
        assert_eq!(fig(&f, "acc161_area"), Some(0.5));
        assert!((fig(&f, "area_share").unwrap_or(0.0) - 2.0 / 3.0).abs() < 1e-12);
        // no area at all: its share is missing, not zero
        let mut s = GeoScorer::default();
        s.add(&gold[..1], &pred[..1]);
        assert_eq!(fig(&s.figures(), "acc161_area"), None);
    }
}
