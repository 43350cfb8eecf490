//! Gazetteer tests over the embedded world data. Every test name contains "gazetteer", so
//! `cargo test -p spillover-lexicon gazetteer` runs them all. The measurement test is
//! ignored by default; run it alone in release:
//! `cargo test --release -p spillover-lexicon gazetteer_measure -- --ignored --nocapture`.

use std::time::Instant;

use super::format::{checksum, HEADER_LEN};
use super::*;

fn gaz() -> &'static Gazetteer {
    Gazetteer::shared().expect("embedded gazetteer loads")
}

fn places<'a>(g: &'a Gazetteer, name: &str) -> Vec<Place<'a>> {
    g.lookup(name).iter().map(|&id| g.place(id)).collect()
}

#[test]
fn gazetteer_kunduz_city_and_province() {
    let g = gaz();
    let ps = places(g, "Kunduz");
    let city = ps
        .iter()
        .find(|p| p.kind == PlaceKind::City && p.country_a3 == "AFG")
        .expect("Kunduz city in AFG");
    assert_eq!(city.geonameid, 1135689);
    assert_eq!(city.admin1_name, Some("Kunduz"));
    assert!((city.lat - 36.72895).abs() < 1e-4 && (city.lon - 68.857).abs() < 1e-4);
    let prov = ps
        .iter()
        .find(|p| p.kind == PlaceKind::Admin1 && p.country_a3 == "AFG")
        .expect("Kunduz province in AFG");
    assert_eq!(prov.admin1_iso, Some("AF-KDZ"));
    // Russian (from the seat town) and the ISO spelling "Kondoz"/"Qunduz" variants
    assert!(g.lookup("Кундуз").contains(&prov.id));
    assert!(g.lookup("Qunduz").contains(&city.id));
}

#[test]
fn gazetteer_dushanbe_is_the_tajik_capital() {
    let g = gaz();
    let ps = places(g, "Dushanbe");
    let top = ps
        .iter()
        .find(|p| matches!(p.kind, PlaceKind::City | PlaceKind::Capital))
        .unwrap();
    assert_eq!((top.kind, top.country_a3), (PlaceKind::Capital, "TJK"));
    assert_eq!(ps[0].id, top.id, "the capital ranks first");
    assert_eq!(g.capital("TJ").map(|p| p.id), Some(top.id));
    assert_eq!(g.lookup("Душанбе").first(), Some(&top.id));
    assert_eq!(g.lookup("دوشنبه").first(), Some(&top.id));
    assert_eq!(g.lookup("DUSHANBE").first(), Some(&top.id));
}

#[test]
fn gazetteer_moscow_includes_the_russian_capital() {
    let g = gaz();
    let ps = places(g, "Moscow");
    assert!(ps.len() > 1, "several Moscows");
    assert_eq!((ps[0].kind, ps[0].country_a3), (PlaceKind::Capital, "RUS"));
    assert_eq!(g.lookup("Москва")[0], ps[0].id);
}

#[test]
fn gazetteer_provinces_resolve() {
    let g = gaz();
    for (name, a3) in [
        ("Badakhshan", "AFG"),
        ("Kunduz", "AFG"),
        ("Takhar", "AFG"),
        ("Khatlon", "TJK"),
        ("Balochistan", "PAK"),
        ("Sistan and Baluchestan", "IRN"),
        ("Baghlan", "AFG"),
        ("Sughd", "TJK"),
        ("Khyber Pakhtunkhwa", "PAK"),
        ("Gorno-Badakhshan", "TJK"),
        ("Kŭhistoni Badakhshon", "TJK"),
        ("GBAO", "TJK"),
        ("Горно-Бадахшанская автономная область", "TJK"),
        ("Bamyan", "AFG"),
        ("Wardak", "AFG"),
        ("Sīstān va Balūchestān", "IRN"),
    ] {
        let ps = places(g, name);
        assert!(
            ps.iter()
                .any(|p| p.kind == PlaceKind::Admin1 && p.country_a3 == a3),
            "{name}: admin-1 in {a3} expected, got {:?}",
            ps.iter()
                .map(|p| (p.name, p.kind, p.country_a3))
                .collect::<Vec<_>>()
        );
    }
    // "Badakhshan" alone is the Afghan province; Tajikistan's GBAO is "Gorno-Badakhshan"
    let bad = places(g, "Badakhshan");
    assert!(bad
        .iter()
        .all(|p| p.kind != PlaceKind::Admin1 || p.country_a3 == "AFG"));
    // a province's point lies inside its country's box, not at 0,0
    let kh = places(g, "Khatlon")
        .into_iter()
        .find(|p| p.kind == PlaceKind::Admin1)
        .unwrap();
    let (lat, lon) = kh.point().unwrap();
    assert!(
        (36.0..39.0).contains(&lat) && (67.0..71.0).contains(&lon),
        "{lat},{lon}"
    );
}

#[test]
fn gazetteer_countries() {
    let g = gaz();
    let pak = g.country("PAK").unwrap();
    assert_eq!(
        (pak.name, pak.kind, pak.country_a2),
        ("Pakistan", PlaceKind::Country, "PK")
    );
    assert_eq!(g.country("pk").map(|p| p.id), Some(pak.id));
    assert_eq!(g.lookup("Pakistan")[0], pak.id);
    assert_eq!(g.lookup("Пакистан")[0], pak.id);
    assert_eq!(g.lookup("پاکستان")[0], pak.id);
    assert_eq!(g.lookup("Afghanistan")[0], g.country("AFG").unwrap().id);
    assert_eq!(g.lookup("Iran")[0], g.country("IRN").unwrap().id);
    assert_eq!(g.lookup("Russia")[0], g.country("RUS").unwrap().id);
    let mut n = g.neighbours("AFG");
    n.sort_unstable();
    assert_eq!(n, ["CHN", "IRN", "PAK", "TJK", "TKM", "UZB"]);
    assert_eq!(g.neighbours("AF"), g.neighbours("AFG"));
    assert!(g.neighbours("XXX").is_empty());
    assert!(g.country("XX").is_none());
    let info = g.country_info("TJK").unwrap();
    assert_eq!(
        (info.alpha2, info.numeric, info.capital_name),
        ("TJ", 762, "Dushanbe")
    );
    assert_eq!(g.capital("AFG").map(|p| p.name), Some("Kabul"));
    assert_eq!(g.capital("PAK").map(|p| p.name), Some("Islamabad"));
    let afg = g.country("AFG").unwrap();
    let (lat, lon) = afg.point().unwrap();
    assert!((29.0..39.0).contains(&lat) && (60.0..75.0).contains(&lon));
}

#[test]
fn gazetteer_folding_variants() {
    let g = gaz();
    let mazar = g.lookup("Mazar-e Sharif");
    assert!(!mazar.is_empty());
    assert_eq!(g.lookup("Mazar-i-Sharif"), mazar);
    assert_eq!(g.lookup("mazar i sharif"), mazar);
    assert_eq!(g.place(mazar[0]).country_a3, "AFG");
    assert!(g.lookup("").is_empty());
    assert!(g.lookup("zzzz no such place zzzz").is_empty());
    assert!(g.max_name_tokens() >= 5);
}

#[test]
fn gazetteer_every_main_name_finds_its_place() {
    // also checks that fold.rs and the build script's fold agree on every main name
    let g = gaz();
    let mut missing = Vec::new();
    for p in g.places() {
        if !g.lookup(p.name).contains(&p.id) {
            missing.push(p.name);
        }
    }
    assert!(
        missing.is_empty(),
        "{} names not found, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(10)]
    );
    assert!(g.len() > 230_000);
}

#[test]
fn gazetteer_records_are_consistent() {
    let g = gaz();
    let mut kinds = [0usize; 4];
    for p in g.places() {
        kinds[p.kind as usize] += 1;
        assert!(!p.name.is_empty());
        if p.kind != PlaceKind::Country {
            assert_eq!(p.country_a3.len(), 3, "{p:?}");
            assert!(p.point().is_some(), "{p:?}");
        }
        if p.kind == PlaceKind::Admin1 {
            assert_eq!(p.admin1_name, Some(p.name));
        }
    }
    assert!(
        kinds[0] > 200_000 && kinds[1] > 200 && kinds[2] > 3000 && kinds[3] > 240,
        "{kinds:?}"
    );
}

/// Damage done to a copy of the data file.
type Damage<'a> = Box<dyn Fn(&mut Vec<u8>) + 'a>;

fn header_fixed(mut bytes: Vec<u8>) -> Vec<u8> {
    let sum = checksum(&bytes[HEADER_LEN..]);
    bytes[24..32].copy_from_slice(&sum.to_le_bytes());
    bytes
}

#[test]
fn gazetteer_corrupt_data_is_an_error() {
    let good = EMBEDDED;
    // truncations at many points, including inside the header
    for cut in [0, 7, 64, 127, 128, 1000, good.len() / 2, good.len() - 1] {
        let err = Gazetteer::from_bytes(&good[..cut]).unwrap_err();
        assert!(
            matches!(err, GazetteerError::Truncated { .. }),
            "cut {cut}: {err}"
        );
    }
    let mut bad = good.to_vec();
    bad[0] = b'X';
    assert!(matches!(
        Gazetteer::from_bytes(&bad),
        Err(GazetteerError::BadMagic { .. })
    ));
    let mut bad = good.to_vec();
    bad[8] = 9;
    assert_eq!(
        Gazetteer::from_bytes(&bad).unwrap_err(),
        GazetteerError::UnsupportedVersion {
            found: 9,
            expected: 1
        }
    );
    let mut bad = good.to_vec();
    let mid = bad.len() / 3;
    bad[mid] ^= 0x55;
    assert!(matches!(
        Gazetteer::from_bytes(&bad),
        Err(GazetteerError::ChecksumMismatch { .. })
    ));
    let mut long = good.to_vec();
    long.push(0);
    assert!(matches!(
        Gazetteer::from_bytes(&long),
        Err(GazetteerError::Corrupt(_))
    ));

    // structural damage behind a valid checksum: each must be a named error, not a panic
    let sec = |i: usize| {
        let o = 64 + 8 * i;
        let off = u32::from_le_bytes(good[o..o + 4].try_into().unwrap()) as usize;
        let len = u32::from_le_bytes(good[o + 4..o + 8].try_into().unwrap()) as usize;
        (off, len)
    };
    let cases: Vec<(&str, Damage<'_>)> = vec![
        (
            "place kind",
            Box::new(|b: &mut Vec<u8>| b[sec(1).0 + 10] = 9),
        ),
        (
            "place name range",
            Box::new(|b: &mut Vec<u8>| {
                b[sec(1).0 + 4..sec(1).0 + 8].copy_from_slice(&u32::MAX.to_le_bytes())
            }),
        ),
        (
            "place country",
            Box::new(|b: &mut Vec<u8>| b[sec(1).0 + 11] = 254),
        ),
        (
            "latitude",
            Box::new(|b: &mut Vec<u8>| {
                b[sec(1).0 + 12..sec(1).0 + 16].copy_from_slice(&500f32.to_le_bytes())
            }),
        ),
        (
            "posting",
            Box::new(|b: &mut Vec<u8>| {
                b[sec(6).0..sec(6).0 + 4].copy_from_slice(&u32::MAX.to_le_bytes())
            }),
        ),
        (
            "key blob",
            Box::new(|b: &mut Vec<u8>| {
                let o = sec(5).0 + 2;
                b[o] = 0xff;
            }),
        ),
        (
            "section offset",
            Box::new(|b: &mut Vec<u8>| {
                b[64 + 8 * 5..64 + 8 * 5 + 4].copy_from_slice(&u32::MAX.to_le_bytes())
            }),
        ),
        (
            "section length",
            Box::new(|b: &mut Vec<u8>| {
                b[64 + 8 + 4..64 + 8 + 8].copy_from_slice(&3u32.to_le_bytes())
            }),
        ),
        (
            "key count",
            Box::new(|b: &mut Vec<u8>| b[44..48].copy_from_slice(&7u32.to_le_bytes())),
        ),
        (
            "strings utf-8",
            Box::new(|b: &mut Vec<u8>| b[sec(0).0] = 0xff),
        ),
        (
            "block offsets",
            Box::new(|b: &mut Vec<u8>| b[sec(4).0 + 8] ^= 1),
        ),
    ];
    for (what, damage) in cases {
        let mut b = good.to_vec();
        damage(&mut b);
        let b = header_fixed(b);
        match Gazetteer::from_bytes(&b) {
            Err(e) => assert!(!e.to_string().is_empty(), "{what}"),
            Ok(_) => panic!("{what}: damage not detected"),
        }
    }
}

#[test]
#[ignore = "measurement; run alone in release with --ignored --nocapture"]
fn gazetteer_measure_load_memory_lookup() {
    fn rss_kb() -> u64 {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    }
    let before = rss_kb();
    let t = Instant::now();
    let g = Gazetteer::load().unwrap();
    let load = t.elapsed();
    let after = rss_kb();
    let names = [
        "Kunduz",
        "Dushanbe",
        "Mazar-i-Sharif",
        "Moscow",
        "Badakhshan",
        "Душанбе",
        "کابل",
        "Nowhere-at-all",
    ];
    let n = 200_000;
    let t = Instant::now();
    let mut hits = 0usize;
    for i in 0..n {
        hits += g.lookup(names[i % names.len()]).len();
    }
    let per = t.elapsed() / n as u32;
    // lookups of already-folded keys (a matcher's inner loop)
    let keys: Vec<String> = names.iter().map(|s| fold(s)).collect();
    let t = Instant::now();
    for i in 0..n {
        hits += g.lookup_folded(&keys[i % keys.len()]).len();
    }
    let per_folded = t.elapsed() / n as u32;
    println!(
        "gazetteer: {} bytes, {} places, {} names; load {:.1} ms; VmRSS {} → {} kB (+{:.1} MB); lookup {:?} (folded {:?}); {hits} hits",
        EMBEDDED.len(),
        g.len(),
        g.name_count(),
        load.as_secs_f64() * 1e3,
        before,
        after,
        (after.saturating_sub(before)) as f64 / 1024.0,
        per,
        per_folded,
    );
    if !cfg!(debug_assertions) {
        assert!(load.as_millis() < 200, "load {load:?}");
        assert!(after < 150 * 1024, "VmRSS {after} kB");
    }
}

#[test]
fn every_key_passes_the_filter_and_looks_up_its_own_places() {
    let g = gaz();
    let mut keys = 0usize;
    let mut mismatched = Vec::new();
    g.for_each_key(|key, ids| {
        keys += 1;
        let key = std::str::from_utf8(key).unwrap_or("");
        if !g.may_name_folded(key) || g.lookup_folded(key) != ids || ids.is_empty() {
            mismatched.push(key.to_string());
        }
    });
    assert_eq!(keys, g.name_count());
    assert!(
        mismatched.is_empty(),
        "{:?}",
        &mismatched[..mismatched.len().min(5)]
    );
    // absent phrases: the filter lets few through, and lookups stay empty
    let absent: Vec<String> = (0..10_000).map(|i| format!("no such place {i}")).collect();
    let passed = absent.iter().filter(|k| g.may_name_folded(k)).count();
    assert!(passed < 500, "{passed} of 10000 absent keys passed");
    assert!(absent.iter().all(|k| g.lookup_folded(k).is_empty()));
}
