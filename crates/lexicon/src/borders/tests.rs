use super::format::{fnv1a64, MAGIC};
use super::*;
use std::sync::OnceLock;

fn b() -> &'static Borders {
    static B: OnceLock<Borders> = OnceLock::new();
    B.get_or_init(|| Borders::load().expect("embedded borders load"))
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn borders_point_in_country() {
    let b = b();
    assert_eq!(b.country_at(38.5598, 68.7870), Some("TJK")); // Dushanbe
    assert_eq!(b.country_at(34.5553, 69.2075), Some("AFG")); // Kabul
    assert_eq!(b.country_at(33.6844, 73.0479), Some("PAK")); // Islamabad
    assert_eq!(b.country_at(35.6892, 51.3890), Some("IRN")); // Tehran
    assert_eq!(b.country_at(41.2995, 69.2401), Some("UZB")); // Tashkent
    assert_eq!(b.country_at(37.9601, 58.3261), Some("TKM")); // Ashgabat
    assert_eq!(b.country_at(55.7558, 37.6173), Some("RUS")); // Moscow
    assert_eq!(b.country_at(-33.8688, 151.2093), Some("AUS")); // Sydney
    assert_eq!(b.country_at(42.6629, 21.1655), Some("XKX")); // Pristina
                                                             // Lesotho is a hole in South Africa: the point must be LSO, not ZAF.
    assert_eq!(b.country_at(-29.3100, 27.4800), Some("LSO"));
    assert_eq!(b.country_at(-26.2041, 28.0473), Some("ZAF"));
    // Ocean and off-map points.
    assert_eq!(b.country_at(0.0, -140.0), None);
    assert_eq!(b.country_at(15.0, 65.0), None); // Arabian Sea
    assert_eq!(b.country_at(f64::NAN, 0.0), None);
    assert_eq!(b.country_at(95.0, 0.0), None);
}

#[test]
fn borders_afg_tjk_segment() {
    let b = b();
    let s = b.segment("AFG", "TJK").expect("AFG–TJK segment");
    assert!(!s.is_empty());
    let n: usize = s.iter().map(Vec::len).sum();
    assert!(n > 50, "AFG–TJK has {n} points");
    assert_eq!(b.segment("TJK", "AFG").map(<[_]>::len), Some(s.len()));
    // Every vertex lies in the region.
    for &(lat, lon) in s.iter().flatten() {
        assert!((36.0..39.0).contains(&lat) && (67.0..75.5).contains(&lon));
    }
    assert!(b.segment("AFG", "IND").is_none() || b.segment("AFG", "IND").is_some());
    assert!(b.segment("AFG", "RUS").is_none());
    assert!(b.segment("AFG", "XXX").is_none());
    assert!(b.pairs().any(|p| p == ("AFG", "TJK")));
    assert!(b.pairs().all(|(a, c)| a < c));
    let gj = b.segment_geojson("TJK", "AFG").unwrap();
    assert_eq!(gj["type"], "Feature");
    assert_eq!(gj["geometry"]["type"], "MultiLineString");
    assert_eq!(gj["properties"]["pair"], serde_json::json!(["AFG", "TJK"]));
    let first = &gj["geometry"]["coordinates"][0][0];
    assert!(first[0].as_f64().unwrap() > 60.0); // [lon, lat]
}

#[test]
fn borders_panj_tajik_bank_near_border() {
    // Panj town sits on the Tajik bank of the Panj river.
    let km = b()
        .distance_to_segment(37.2387, 69.0995, "AFG", "TJK")
        .unwrap();
    assert!(km < 5.0, "Panj is {km} km from AFG–TJK");
    let near = b().nearest_border(37.2387, 69.0995).unwrap();
    assert_eq!(near.pair, pair("AFG", "TJK"));
    assert!((near.km - km).abs() < 1e-6);
}

#[test]
fn borders_khorog() {
    let near = b().nearest_border(37.4897, 71.5530).unwrap();
    assert_eq!(near.pair, pair("AFG", "TJK"));
    assert!(near.km < 5.0, "{near:?}");
    // The nearest point is as far as reported.
    let d = geo::haversine_km(37.4897, 71.5530, near.point.0, near.point.1);
    assert!((d - near.km).abs() < 1e-9);
}

#[test]
fn borders_torkham() {
    let near = b().nearest_border(34.1000, 71.0900).unwrap();
    assert_eq!(near.pair, pair("AFG", "PAK"));
    assert!(near.km < 5.0, "{near:?}");
}

#[test]
fn borders_zahedan_near_tripoint() {
    let near = b().nearest_border(29.4963, 60.8629).unwrap();
    assert!(near.pair.0 == "IRN" || near.pair.1 == "IRN", "{near:?}");
    assert!(near.km < 50.0, "{near:?}");
}

#[test]
fn borders_moscow_far_from_any_border() {
    let near = b().nearest_border(55.7558, 37.6173).unwrap();
    assert!(near.km > 300.0, "{near:?}");
    // Brute force agrees.
    assert!((near.km - brute(55.7558, 37.6173).0).abs() < 1e-6);
}

#[test]
fn borders_distance_to_named_segment() {
    let b = b();
    // Dushanbe is well over 50 km from the Afghan border but under 250.
    let km = b
        .distance_to_segment(38.5598, 68.7870, "TJK", "AFG")
        .unwrap();
    assert!((50.0..250.0).contains(&km), "{km}");
    assert!(b
        .distance_to_segment(38.5598, 68.7870, "TJK", "RUS")
        .is_none());
    // Distance to a named segment is never less than to the nearest border.
    let n = b.nearest_border(38.5598, 68.7870).unwrap();
    assert!(n.km <= km + 1e-9);
}

/// Brute force over every segment: (km, pair index).
fn brute(lat: f64, lon: f64) -> (f64, usize) {
    let b = b();
    let p = geo::to_unit(lat, lon);
    let mut best = (f64::INFINITY, 0usize, [0.0; 3]);
    for (i, s) in b.segs.iter().enumerate() {
        let (c2, q) = s.nearest(&p);
        if c2 < best.0 {
            best = (c2, b.seg_pair[i] as usize, q);
        }
    }
    let (qlat, qlon) = geo::unit_to_latlon(&best.2);
    (geo::haversine_km(lat, lon, qlat, qlon), best.1)
}

/// A tiny deterministic PRNG for test points.
fn lcg(state: &mut u64) -> f64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*state >> 11) as f64 / (1u64 << 53) as f64
}

#[test]
fn borders_grid_matches_brute_force() {
    let b = b();
    let mut st = 42u64;
    let fixed = [
        (89.99, 0.0),
        (-89.99, 45.0),
        (85.0, 10.0),
        (-70.0, -100.0),
        (0.0, 179.99),
        (0.0, -179.99),
        (65.0, -179.0),
        (-40.0, -130.0),
        (36.0, 69.0),
    ];
    for i in 0..300 + fixed.len() {
        let (lat, lon) = if i >= 300 {
            fixed[i - 300]
        } else if i < 150 {
            (25.0 + lcg(&mut st) * 20.0, 55.0 + lcg(&mut st) * 25.0) // the region
        } else {
            (-89.0 + lcg(&mut st) * 178.0, -180.0 + lcg(&mut st) * 360.0) // anywhere
        };
        let got = b.nearest_border(lat, lon).unwrap();
        let (km, _) = brute(lat, lon);
        assert!(
            (got.km - km).abs() < 1e-6,
            "({lat}, {lon}): grid {} vs brute {km}",
            got.km
        );
    }
}

#[test]
fn borders_distance_matches_haversine_to_vertices() {
    // Great-circle arcs between vertices and straight lat/lon lines between them agree to
    // well under the 1 km needed.
    let b = b();
    let (lat, lon) = (36.7, 68.9); // Kunduz-ish, near the Amu Darya
    let km = b.distance_to_segment(lat, lon, "AFG", "TJK").unwrap();
    let mut dense = f64::INFINITY;
    for line in b.segment("AFG", "TJK").unwrap() {
        for w in line.windows(2) {
            for k in 0..=50 {
                let t = k as f64 / 50.0;
                let q = (
                    w[0].0 + (w[1].0 - w[0].0) * t,
                    w[0].1 + (w[1].1 - w[0].1) * t,
                );
                dense = dense.min(geo::haversine_km(lat, lon, q.0, q.1));
            }
        }
    }
    assert!((km - dense).abs() < 0.05, "{km} vs {dense}");
}

#[test]
fn borders_country_geojson() {
    let gj = b().country_geojson("AFG").unwrap();
    assert_eq!(gj["properties"]["iso_a3"], "AFG");
    assert_eq!(gj["properties"]["name"], "Afghanistan");
    assert_eq!(gj["geometry"]["type"], "MultiPolygon");
    let ring = gj["geometry"]["coordinates"][0][0].as_array().unwrap();
    assert!(ring.len() > 100);
    assert_eq!(ring.first(), ring.last());
    assert!(b().country_geojson("ZZZ").is_none());
    assert_eq!(b().name("TJK"), Some("Tajikistan"));
    assert!(b().countries().count() > 200);
}

fn reseal(mut v: Vec<u8>) -> Vec<u8> {
    // Recompute the length and checksum so that only the body is wrong.
    let len = v.len() as u32;
    v[12..16].copy_from_slice(&len.to_le_bytes());
    let end = v.len() - 8;
    let h = fnv1a64(&v[..end]);
    v[end..].copy_from_slice(&h.to_le_bytes());
    v
}

#[test]
fn borders_corrupt_data_is_an_error() {
    let good = EMBEDDED;
    assert!(matches!(
        Borders::from_bytes(&[]),
        Err(BordersError::TooShort(0))
    ));
    assert!(matches!(
        Borders::from_bytes(&good[..good.len() / 2]),
        Err(BordersError::LengthMismatch { .. })
    ));
    assert!(Borders::from_bytes(&good[..good.len() - 1]).is_err());
    let mut bad = good.to_vec();
    bad[0] = b'X';
    assert_eq!(
        Borders::from_bytes(&bad).unwrap_err(),
        BordersError::BadMagic
    );
    let mut bad = good.to_vec();
    bad[8] = 9;
    assert_eq!(
        Borders::from_bytes(&bad).unwrap_err(),
        BordersError::UnsupportedVersion(9)
    );
    let mut bad = good.to_vec();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x55;
    assert_eq!(
        Borders::from_bytes(&bad).unwrap_err(),
        BordersError::Checksum
    );
    assert_eq!(&good[..8], MAGIC);
}

#[test]
fn borders_resealed_garbage_never_panics() {
    let good = EMBEDDED;
    // Truncated bodies with a valid envelope.
    for cut in [60usize, 61, 100, 1000, 5000, good.len() / 3, good.len() - 9] {
        let mut v = good[..cut].to_vec();
        v.extend_from_slice(&[0u8; 8]);
        let r = Borders::from_bytes(&reseal(v));
        assert!(
            matches!(r, Err(BordersError::Malformed { .. })),
            "cut {cut}"
        );
    }
    // Random byte flips with a valid envelope: an error or a (wrong) success, never a panic.
    let mut st = 7u64;
    for _ in 0..200 {
        let mut v = good.to_vec();
        for _ in 0..4 {
            let i = 16 + (lcg(&mut st) * (v.len() - 24) as f64) as usize;
            v[i] = (lcg(&mut st) * 256.0) as u8;
        }
        let _ = Borders::from_bytes(&reseal(v));
    }
    // Huge counts are refused before allocation.
    let mut v = good[..48].to_vec();
    v.extend_from_slice(&u32::MAX.to_le_bytes());
    v.extend_from_slice(&[0u8; 8]);
    assert!(matches!(
        Borders::from_bytes(&reseal(v)),
        Err(BordersError::Malformed { .. })
    ));
}

fn rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Load time, memory and query speed. Run with
/// `cargo test --release -p spillover-lexicon borders_bench -- --ignored --nocapture`.
#[test]
#[ignore]
fn borders_bench() {
    use std::time::Instant;
    let rss0 = rss_kb().unwrap_or(0);
    let t = Instant::now();
    let b = Borders::load().unwrap();
    let load = t.elapsed();
    let rss1 = rss_kb().unwrap_or(0);
    let mut loads = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        std::hint::black_box(Borders::load().unwrap());
        loads.push(t.elapsed().as_secs_f64() * 1e3);
    }
    loads.sort_by(f64::total_cmp);
    println!(
        "load: first {:.2} ms, min of 10 {:.2} ms, median {:.2} ms; RSS +{} KB; {:?}; embedded {} bytes; grid items {}",
        load.as_secs_f64() * 1e3,
        loads[0],
        loads[5],
        rss1.saturating_sub(rss0),
        b,
        EMBEDDED.len(),
        b.fine.items.len()
    );
    let mut st = 1u64;
    for (label, lat0, dlat, lon0, dlon) in [
        ("region (25-45N, 55-80E)", 25.0, 20.0, 55.0, 25.0),
        ("world (60S-75N)", -60.0, 135.0, -180.0, 360.0),
    ] {
        let pts: Vec<(f64, f64)> = (0..20_000)
            .map(|_| (lat0 + lcg(&mut st) * dlat, lon0 + lcg(&mut st) * dlon))
            .collect();
        // Best of 3 passes (the machine is shared), then per-query percentiles.
        let mut nb = f64::INFINITY;
        let mut ca = f64::INFINITY;
        let (mut acc, mut hits) = (0.0, 0usize);
        for _ in 0..3 {
            let t = Instant::now();
            acc = 0.0;
            for &(la, lo) in &pts {
                acc += b.nearest_border(la, lo).map_or(0.0, |d| d.km);
            }
            nb = nb.min(t.elapsed().as_secs_f64() * 1e6 / pts.len() as f64);
            let t = Instant::now();
            hits = 0;
            for &(la, lo) in &pts {
                hits += usize::from(b.country_at(la, lo).is_some());
            }
            ca = ca.min(t.elapsed().as_secs_f64() * 1e6 / pts.len() as f64);
        }
        let mut each: Vec<f64> = pts
            .iter()
            .take(5000)
            .map(|&(la, lo)| {
                let t = Instant::now();
                std::hint::black_box(b.nearest_border(la, lo));
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        each.sort_by(f64::total_cmp);
        let (p50, p99) = (each[each.len() / 2], each[each.len() * 99 / 100]);
        println!(
            "{label}: nearest_border {nb:.2} µs/query (p50 {p50:.1}, p99 {p99:.1} µs), country_at {ca:.2} µs/query ({hits} on land) [{acc:.0}]"
        );
    }
    let t = Instant::now();
    for _ in 0..1000 {
        std::hint::black_box(b.distance_to_segment(37.5, 70.0, "AFG", "TJK"));
    }
    println!(
        "distance_to_segment AFG–TJK: {:.2} µs/query",
        t.elapsed().as_secs_f64() * 1e3
    );
    for (name, lat, lon) in [
        ("Dushanbe", 38.5598, 68.7870),
        ("Kabul", 34.5553, 69.2075),
        ("Panj", 37.2387, 69.0995),
        ("Khorog", 37.4897, 71.5530),
        ("Torkham", 34.1000, 71.0900),
        ("Zahedan", 29.4963, 60.8629),
        ("Moscow", 55.7558, 37.6173),
    ] {
        let d = b.nearest_border(lat, lon).unwrap();
        println!(
            "{name}: in {:?}, nearest {}–{} {:.2} km",
            b.country_at(lat, lon),
            d.pair.0,
            d.pair.1,
            d.km
        );
    }
    for (name, lat, lon) in [("Arctic 85N", 85.0, 10.0), ("Pacific", -40.0, -130.0)] {
        let t = Instant::now();
        let d = b.nearest_border(lat, lon);
        println!("{name}: {:.1} µs, {d:?}", t.elapsed().as_secs_f64() * 1e6);
    }
}
