use super::{place_row, PlaceRow};
use crate::{
    BorderPair, BoundingBox, PlaceFilter, PlaceQuery, PlaceSummary, PutOutcome, ReportQuery,
    SqliteStore, Store,
};
use chrono::NaiveDate;
use serde_json::{json, Value};
use spillover_doc::{Annotation, Doc, Layer, Report, ReportId, Span};
use std::path::Path;

/// A place mention as the places stage writes it: (word in the text, span key, label,
/// attrs).
type Place = (&'static str, &'static str, &'static str, fn() -> Value);

const PANJ: Place = ("Panj", "1220750", "city", || {
    json!({"name": "Panj", "geonameid": 1220750, "country": "TJK", "admin1": "Khatlon",
           "lat": 37.23634, "lon": 69.09911, "kind": "city", "precision": "point",
           "border_km": 2.1, "border_pair": "AFG-TJK"})
});
const KHATLON: Place = ("Khatlon", "0", "admin1", || {
    json!({"name": "Khatlon", "geonameid": 0, "country": "TJK", "admin1": "Khatlon",
           "lat": 37.866475, "lon": 69.021555, "kind": "admin1", "precision": "admin1",
           "border_km": 53.4, "border_pair": "AFG-TJK"})
});
const KUNDUZ: Place = ("Kunduz", "0", "admin1", || {
    json!({"name": "Kunduz", "geonameid": 0, "country": "AFG", "admin1": "Kunduz",
           "lat": 36.87037, "lon": 69.03931, "kind": "admin1", "precision": "admin1",
           "border_km": 31.7, "border_pair": "AFG-TJK"})
});
const NORTHERN_AFGHANISTAN: Place = ("northern Afghanistan", "1149361", "region", || {
    json!({"name": "Afghanistan", "geonameid": 1149361, "country": "AFG", "admin1": null,
           "lat": 33.836356, "lon": 66.008395, "kind": "country", "precision": "region",
           "direction": "north", "border_km": 293.7, "border_pair": "AFG-PAK"})
});
const AFGHANISTAN: Place = ("Afghanistan", "1149361", "country", || {
    json!({"name": "Afghanistan", "geonameid": 1149361, "country": "AFG", "admin1": null,
           "lat": 33.836356, "lon": 66.008395, "kind": "country", "precision": "country",
           "border_km": 293.7, "border_pair": "AFG-PAK"})
});
const TAJIK_AFGHAN_BORDER: Place = ("Tajik-Afghan border", "AFG-TJK", "border", || {
    json!({"name": "AFG–TJK border", "pair": ["AFG", "TJK"], "kind": "border",
           "precision": "border", "border_km": 0.0, "border_pair": "AFG-TJK",
           "lat": 38.268784, "lon": 70.558906})
});
const KABUL: Place = ("Kabul", "1138958", "capital", || {
    json!({"name": "Kabul", "geonameid": 1138958, "country": "AFG", "admin1": "Kabul",
           "lat": 34.52813, "lon": 69.17233, "kind": "capital", "precision": "point",
           "border_km": 96.2, "border_pair": "AFG-PAK"})
});
// A border crossing the gazetteer has no id for; its pair given in reverse order.
const TORKHAM: Place = ("Torkham", "0", "city", || {
    json!({"name": "Torkham", "geonameid": 0, "country": "afg", "admin1": "Nangarhar",
           "lat": 34.1025, "lon": 71.089, "kind": "city", "precision": "point",
           "border_km": 1.0, "border_pair": "PAK-AFG"})
});
// Across the antimeridian from most of the world; no land border.
const TAVEUNI: Place = ("Taveuni", "2198148", "city", || {
    json!({"name": "Taveuni", "geonameid": 2198148, "country": "FJI", "admin1": "Northern",
           "lat": -16.85, "lon": 179.95, "kind": "city", "precision": "point"})
});

/// A report with every occurrence of each place's word tagged as a mention of it, and
/// every "Taliban" as a mention of that actor.
fn doc(id: &str, text: &str, published: Option<&str>, places: &[Place]) -> Doc {
    let mut r = Report::from_text(ReportId(id.into()), text);
    r.published = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
    let mut d = Doc::new(r);
    d.set_sentences(vec![Span::new(0, text.len()).unwrap()])
        .unwrap();
    for &(word, key, label, attrs) in places {
        let mut found = false;
        for (i, w) in text.match_indices(word) {
            found = true;
            d.add(
                Layer::Places,
                Annotation::new(Span::new(i, i + w.len()).unwrap(), label, "test", 0.9)
                    .with_key(key)
                    .with_attrs(attrs()),
            )
            .unwrap();
        }
        assert!(found, "{word} not in {text:?}");
    }
    for (i, w) in text.match_indices("Taliban") {
        d.add(
            Layer::Actors,
            Annotation::new(
                Span::new(i, i + w.len()).unwrap(),
                "armed_group",
                "test",
                0.9,
            )
            .with_key("taliban"),
        )
        .unwrap();
    }
    d
}

fn fill(store: &mut SqliteStore) {
    let docs = [
        doc(
            "d1",
            "Guards clashed near Panj in Khatlon; Panj was quiet by night.",
            Some("2024-01-10"),
            &[PANJ, KHATLON],
        ),
        doc(
            "d2",
            "Taliban units moved through Kunduz and northern Afghanistan to the Tajik-Afghan border.",
            Some("2024-02-05"),
            &[KUNDUZ, NORTHERN_AFGHANISTAN, TAJIK_AFGHAN_BORDER],
        ),
        doc(
            "d3",
            "Kabul said Afghanistan would reopen Torkham.",
            Some("2024-03-01"),
            &[KABUL, AFGHANISTAN, TORKHAM],
        ),
        doc(
            "d4",
            "An undated note: Panj calm, Taveuni calm.",
            None,
            &[PANJ, TAVEUNI],
        ),
        doc("d5", "No place at all.", Some("2024-04-01"), &[]),
    ];
    for d in &docs {
        assert!(matches!(
            store.put_doc(d, &[]).unwrap(),
            PutOutcome::Stored { .. }
        ));
    }
}

fn file_store(dir: &Path) -> SqliteStore {
    let mut store = SqliteStore::open(&dir.join("places.db")).unwrap();
    fill(&mut store);
    store
}

fn keys(places: &[PlaceSummary]) -> Vec<&str> {
    places.iter().map(|p| p.key.as_str()).collect()
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn places(store: &SqliteStore, place: PlaceFilter) -> Vec<String> {
    let q = PlaceQuery {
        place,
        ..Default::default()
    };
    keys(&store.list_places(&q).unwrap())
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The ids of the reports passing `place`, newest first, read page by page (pages of
/// one) and by the offset listing, which must agree.
fn reports(store: &SqliteStore, place: PlaceFilter) -> Vec<String> {
    let q = ReportQuery {
        place,
        limit: Some(1),
        ..Default::default()
    };
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let p = store.list_reports_page(&q, cursor.as_deref()).unwrap();
        ids.extend(p.items.into_iter().map(|r| r.id));
        match p.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    let listed: Vec<String> = store
        .list_reports(&ReportQuery { limit: None, ..q })
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, listed);
    ids
}

fn bbox(s: &str) -> Option<BoundingBox> {
    Some(s.parse().unwrap())
}

fn border(s: &str) -> Option<BorderPair> {
    Some(s.parse().unwrap())
}

#[test]
fn rows_are_keyed_by_what_tells_places_apart() {
    let row = |p: Place| place_row(Some(p.1), p.2, &(p.3)());
    let panj = row(PANJ);
    assert_eq!(
        panj,
        PlaceRow {
            key: "1220750".into(),
            name: "Panj".into(),
            country: Some("TJK".into()),
            admin1: Some("Khatlon".into()),
            precision: "point".into(),
            direction: None,
            point: Some((37.23634, 69.09911)),
            located: true,
            border_pair: Some("AFG-TJK".into()),
            border_km: Some(2.1),
        }
    );
    // No GeoNames id: kind, country and name.
    assert_eq!(row(KHATLON).key, "admin1:TJK:Khatlon");
    // a county: its province too, since counties share names across provinces
    let county = place_row(
        Some("0"),
        "admin2",
        &json!({"name": "Scott County", "geonameid": 0, "country": "USA", "admin1": "Indiana",
                "lat": 38.72, "lon": -85.79, "kind": "admin2", "precision": "admin2"}),
    );
    assert_eq!(county.key, "admin2:USA:Indiana:Scott County");
    assert!(county.located);
    let torkham = row(TORKHAM);
    assert_eq!(torkham.key, "city:AFG:Torkham");
    // Country upper-cased, pair put in alphabetical order.
    assert_eq!(torkham.country.as_deref(), Some("AFG"));
    assert_eq!(torkham.border_pair.as_deref(), Some("AFG-PAK"));
    // A part of a country is not the country; neither is located by its point.
    let region = row(NORTHERN_AFGHANISTAN);
    assert_eq!(region.key, "region:AFG:north");
    let country = row(AFGHANISTAN);
    assert_eq!(country.key, "1149361");
    for coarse in [region, country] {
        assert!(!coarse.located && coarse.point.is_some());
        assert_eq!((coarse.border_pair, coarse.border_km), (None, None));
    }
    let border = row(TAJIK_AFGHAN_BORDER);
    assert_eq!((border.key.as_str(), border.country), ("AFG-TJK", None));
    assert_eq!(border.border_km, Some(0.0));
    // Bad or missing values are left out, the label stands in, the row is still written.
    let odd = place_row(
        None,
        "town",
        &json!({"lat": 95.0, "lon": 10.0, "border_km": -3, "border_pair": "nowhere",
                "country": ""}),
    );
    assert_eq!(
        odd,
        PlaceRow {
            key: "town:-:town".into(),
            name: "town".into(),
            country: None,
            admin1: None,
            precision: "town".into(),
            direction: None,
            point: None,
            located: true,
            border_pair: None,
            border_km: None,
        }
    );
    assert_eq!(place_row(Some("42"), "city", &Value::Null).key, "42");
}

#[test]
fn places_are_grouped_counted_and_ordered() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    let all = store.list_places(&PlaceQuery::default()).unwrap();
    // By reports, then mentions, then key.
    assert_eq!(
        keys(&all),
        [
            "1220750",
            "1138958",
            "1149361",
            "2198148",
            "AFG-TJK",
            "admin1:AFG:Kunduz",
            "admin1:TJK:Khatlon",
            "city:AFG:Torkham",
            "region:AFG:north",
        ]
    );
    assert_eq!(
        all[0],
        PlaceSummary {
            key: "1220750".into(),
            name: "Panj".into(),
            country: Some("TJK".into()),
            admin1: Some("Khatlon".into()),
            precision: "point".into(),
            direction: None,
            lat: Some(37.23634),
            lon: Some(69.09911),
            border_pair: Some("AFG-TJK".into()),
            border_km: Some(2.1),
            mentions: 3,
            reports: 2,
            // The undated report counts, without a date.
            first_published: date("2024-01-10"),
            last_published: date("2024-01-10"),
        }
    );
    let region = all.iter().find(|p| p.key == "region:AFG:north").unwrap();
    assert_eq!(
        (
            region.name.as_str(),
            region.precision.as_str(),
            region.direction.as_deref()
        ),
        ("Afghanistan", "region", Some("north"))
    );
    assert!(region.lat.is_some() && region.border_pair.is_none());
    let border = all.iter().find(|p| p.key == "AFG-TJK").unwrap();
    assert_eq!(
        (border.precision.as_str(), border.country.as_deref()),
        ("border", None)
    );
    let taveuni = all.iter().find(|p| p.key == "2198148").unwrap();
    assert_eq!(
        (taveuni.first_published, taveuni.border_pair.as_deref()),
        (None, None)
    );
    // Limits: taken after ordering, clamped to 1..=MAX_LIMIT.
    let limited = store
        .list_places(&PlaceQuery {
            limit: Some(2),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(keys(&limited), ["1220750", "1138958"]);
    let one = PlaceQuery {
        limit: Some(0),
        ..Default::default()
    };
    assert_eq!(store.list_places(&one).unwrap().len(), 1);
    let huge = PlaceQuery {
        limit: Some(1_000_000),
        ..Default::default()
    };
    assert_eq!(huge.effective_limit(), PlaceQuery::MAX_LIMIT);
}

#[test]
fn a_bounding_box_keeps_the_places_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    let in_box = |b: &str| {
        places(
            &store,
            PlaceFilter {
                bbox: bbox(b),
                ..Default::default()
            },
        )
    };
    // The Panj valley: Panj, Khatlon's and Kunduz's reference points; not Kabul to the
    // south, not the border's reference point to the east.
    assert_eq!(
        in_box("68.5,36.5,70,38"),
        ["1220750", "admin1:AFG:Kunduz", "admin1:TJK:Khatlon"]
    );
    // Edges count; a box a hair east of Panj misses it, although the R*Tree's 32-bit
    // coordinates cannot tell the two apart.
    assert_eq!(in_box("69.09911,37.23634,69.09911,37.23634"), ["1220750"]);
    assert!(in_box("69.09912,37.23634,70,38").is_empty());
    // Across the antimeridian.
    assert_eq!(in_box("179,-20,-179,-10"), ["2198148"]);
    // The same edges the long way round miss it.
    assert!(in_box("-179,-20,179,-10").is_empty());
    assert!(in_box("0,0,10,10").is_empty());
    // A country's reference point in the box does not put the country there.
    assert!(in_box("65,33,67,35").is_empty());
    // Reports mentioning a place in the box, newest first, undated last.
    let ids = reports(
        &store,
        PlaceFilter {
            bbox: bbox("68.5,36.5,70,38"),
            ..Default::default()
        },
    );
    assert_eq!(ids, ["d2", "d1", "d4"]);
}

#[test]
fn border_distance_and_country_filters() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    let near = |pair: Option<&str>, km: Option<f64>| {
        places(
            &store,
            PlaceFilter {
                border: pair.and_then(border),
                km,
                ..Default::default()
            },
        )
    };
    assert_eq!(
        near(Some("AFG-TJK"), Some(50.0)),
        ["1220750", "AFG-TJK", "admin1:AFG:Kunduz"]
    );
    assert_eq!(
        near(Some("tjk-afg"), Some(60.0)),
        [
            "1220750",
            "AFG-TJK",
            "admin1:AFG:Kunduz",
            "admin1:TJK:Khatlon"
        ]
    );
    assert_eq!(near(Some("AFG-TJK"), Some(0.0)), ["AFG-TJK"]);
    // The pair stored in reverse order is found under the alphabetical one; a country
    // and a region of one have no border.
    assert_eq!(near(Some("AFG-PAK"), None), ["1138958", "city:AFG:Torkham"]);
    assert_eq!(near(Some("AFG-PAK"), Some(10.0)), ["city:AFG:Torkham"]);
    assert!(near(Some("IRN-PAK"), None).is_empty());
    // A distance alone: from any border.
    assert_eq!(
        near(None, Some(5.0)),
        ["1220750", "AFG-TJK", "city:AFG:Torkham"]
    );
    let country = |c: &str| {
        places(
            &store,
            PlaceFilter {
                country: Some(c.into()),
                ..Default::default()
            },
        )
    };
    assert_eq!(country("TJK"), ["1220750", "admin1:TJK:Khatlon"]);
    assert_eq!(
        country("afg"),
        [
            "1138958",
            "1149361",
            "admin1:AFG:Kunduz",
            "city:AFG:Torkham",
            "region:AFG:north"
        ]
    );
    // Reports: those with a mention meeting every condition at once.
    let r = |place: PlaceFilter| reports(&store, place);
    assert_eq!(
        r(PlaceFilter {
            country: Some("TJK".into()),
            ..Default::default()
        }),
        ["d1", "d4"]
    );
    assert_eq!(
        r(PlaceFilter {
            border: border("AFG-PAK"),
            km: Some(10.0),
            ..Default::default()
        }),
        ["d3"]
    );
    assert_eq!(
        r(PlaceFilter {
            country: Some("AFG".into()),
            border: border("AFG-TJK"),
            ..Default::default()
        }),
        ["d2"]
    );
    // d2 has an Afghan place by the Tajik border (Kunduz, 31.7 km) and a place on it
    // (the border itself, no country), but no Afghan place within 5 km of it.
    assert!(r(PlaceFilter {
        country: Some("AFG".into()),
        border: border("AFG-TJK"),
        km: Some(5.0),
        ..Default::default()
    })
    .is_empty());
    assert_eq!(r(PlaceFilter::default()).len(), 5);
}

#[test]
fn dates_and_actor_choose_the_mentions_counted() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    let list = |q: PlaceQuery| store.list_places(&q).unwrap();
    let since = list(PlaceQuery {
        since: date("2024-02-01"),
        ..Default::default()
    });
    assert_eq!(
        keys(&since),
        [
            "1138958",
            "1149361",
            "AFG-TJK",
            "admin1:AFG:Kunduz",
            "city:AFG:Torkham",
            "region:AFG:north"
        ]
    );
    let until = list(PlaceQuery {
        until: date("2024-01-31"),
        ..Default::default()
    });
    assert_eq!(keys(&until), ["1220750", "admin1:TJK:Khatlon"]);
    // Undated reports drop out of a date range.
    assert_eq!((until[0].mentions, until[0].reports), (2, 1));
    let taliban = list(PlaceQuery {
        actor: Some("taliban".into()),
        ..Default::default()
    });
    assert_eq!(
        keys(&taliban),
        ["AFG-TJK", "admin1:AFG:Kunduz", "region:AFG:north"]
    );
    assert!(list(PlaceQuery {
        actor: Some("nobody".into()),
        ..Default::default()
    })
    .is_empty());
    // Everything at once.
    let combined = list(PlaceQuery {
        place: PlaceFilter {
            bbox: bbox("60,30,75,40"),
            border: border("AFG-TJK"),
            km: Some(40.0),
            country: Some("AFG".into()),
        },
        since: date("2024-01-01"),
        until: date("2024-12-31"),
        actor: Some("taliban".into()),
        limit: Some(10),
    });
    assert_eq!(keys(&combined), ["admin1:AFG:Kunduz"]);
    // Report listings combine the place filter with the others.
    let q = ReportQuery {
        actor: Some("taliban".into()),
        place: PlaceFilter {
            country: Some("AFG".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let ids: Vec<String> = store
        .list_reports(&q)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, ["d2"]);
    let q = ReportQuery {
        search: Some("Torkham".into()),
        place: PlaceFilter {
            country: Some("TJK".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    assert!(store.list_reports_page(&q, None).unwrap().items.is_empty());
}

fn count(store: &SqliteStore, table: &str) -> i64 {
    store
        .connection()
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn deleting_a_report_deletes_its_places() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    // Every mention has a row; those finer than a country a point in the R*Tree.
    assert_eq!(count(&store, "places"), 11);
    assert_eq!(count(&store, "places_rtree"), 9);
    store
        .connection()
        .execute("DELETE FROM reports WHERE id = 'd1'", [])
        .unwrap();
    assert_eq!(count(&store, "places"), 8);
    assert_eq!(count(&store, "places_rtree"), 6);
    let all = store.list_places(&PlaceQuery::default()).unwrap();
    let panj = all.iter().find(|p| p.key == "1220750").unwrap();
    assert_eq!(
        (panj.mentions, panj.reports, panj.first_published),
        (1, 1, None)
    );
    assert!(!keys(&all).contains(&"admin1:TJK:Khatlon"));
    let b = PlaceFilter {
        bbox: bbox("68.5,36.5,70,38"),
        ..Default::default()
    };
    assert_eq!(reports(&store, b), ["d2", "d4"]);
}

#[test]
fn version_three_databases_gain_the_place_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        // A database written by a build that knew migrations 1 to 3: the place spans
        // are stored, the place tables are not there.
        drop(file_store(dir.path()));
        std::fs::rename(dir.path().join("places.db"), &path).unwrap();
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("DROP TABLE indicators; DROP TABLE event_indicators; DROP TABLE events; DROP TABLE places_rtree; DROP TABLE places; PRAGMA user_version = 3;")
            .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    let version: i64 = store
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SqliteStore::schema_version());
    assert!(version >= 4);
    // The rows filled from the stored spans equal those written at insert.
    let dir2 = tempfile::tempdir().unwrap();
    let fresh = file_store(dir2.path());
    let all = PlaceQuery {
        limit: Some(PlaceQuery::MAX_LIMIT),
        ..Default::default()
    };
    let migrated = store.list_places(&all).unwrap();
    assert_eq!(migrated, fresh.list_places(&all).unwrap());
    assert_eq!(migrated.len(), 9);
    for table in ["places", "places_rtree"] {
        assert_eq!(count(&store, table), count(&fresh, table), "{table}");
    }
    let b = PlaceFilter {
        bbox: bbox("68.5,36.5,70,38"),
        ..Default::default()
    };
    assert_eq!(reports(&store, b), ["d2", "d1", "d4"]);
    // And the backfilled rows follow deletions as the inserted ones do.
    store
        .connection()
        .execute("DELETE FROM reports WHERE id = 'd4'", [])
        .unwrap();
    assert_eq!(count(&store, "places_rtree"), 7);
    // Lookups read indexes, not the whole table.
    let plan = |sql: &str| -> String {
        store
            .connection()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
            .join("; ")
    };
    for (sql, index) in [
        ("SELECT sid FROM places WHERE country = 'TJK'", "places_country"),
        (
            "SELECT sid FROM places WHERE border_pair = 'AFG-TJK' AND border_km <= 50",
            "places_border",
        ),
        ("SELECT sid FROM places WHERE border_km <= 5", "places_border_km"),
        (
            "SELECT report_rid FROM places WHERE key = '1220750'",
            "places_key",
        ),
        ("SELECT sid FROM places WHERE report_rid = 3", "places_report"),
        (
            "SELECT sid FROM places_rtree WHERE min_lat <= 38 AND max_lat >= 36 AND min_lon <= 70 AND max_lon >= 68",
            "VIRTUAL TABLE INDEX",
        ),
    ] {
        let p = plan(sql);
        assert!(p.contains(index), "{sql}: {p}");
        assert!(!p.contains("SCAN places "), "{sql}: {p}");
    }
}
