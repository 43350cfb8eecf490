use crate::{BorderPair, EventQuery, EventRecord, PlaceFilter, SqliteStore, Store};
use chrono::NaiveDate;
use serde_json::{json, Value};
use spillover_doc::{Annotation, Doc, Layer, Report, ReportId, Span};
use std::path::Path;

/// An event of the test docs: (evidence word, PLOVER, status, source key/country,
/// target key/country, place word, date, killed, indicator).
struct Ev {
    word: &'static str,
    plover: &'static str,
    status: &'static str,
    source: (&'static str, &'static str),
    target: (&'static str, &'static str),
    place: Option<&'static str>,
    date: Option<&'static str>,
    killed: Option<u32>,
    indicator: Option<(&'static str, &'static str, &'static str)>,
}

fn place_attrs(word: &str) -> Value {
    match word {
        "Panj" => json!({"name": "Panj", "country": "TJK", "kind": "city", "precision": "point",
                         "lat": 37.23634, "lon": 69.09911, "border_km": 2.1,
                         "border_pair": "AFG-TJK"}),
        "Kunduz" => json!({"name": "Kunduz", "country": "AFG", "kind": "admin1",
                           "precision": "admin1", "lat": 36.87037, "lon": 69.03931,
                           "border_km": 31.7, "border_pair": "AFG-TJK"}),
        "Kabul" => json!({"name": "Kabul", "country": "AFG", "kind": "capital",
                          "precision": "point", "lat": 34.52813, "lon": 69.17233,
                          "border_km": 96.2, "border_pair": "AFG-PAK"}),
        "Afghanistan" => json!({"name": "Afghanistan", "country": "AFG", "kind": "country",
                                "precision": "country", "lat": 33.83, "lon": 66.0,
                                "border_km": 293.7, "border_pair": "AFG-PAK"}),
        other => panic!("no place {other}"),
    }
}

fn find(text: &str, word: &str) -> Span {
    let i = text
        .find(word)
        .unwrap_or_else(|| panic!("{word} not in {text:?}"));
    Span::new(i, i + word.len()).unwrap()
}

fn doc(id: &str, text: &str, published: &str, places: &[&str], events: &[Ev]) -> Doc {
    let mut r = Report::from_text(ReportId(id.into()), text);
    r.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let mut d = Doc::new(r);
    d.set_sentences(vec![Span::new(0, text.len()).unwrap()])
        .unwrap();
    for &p in places {
        let attrs = place_attrs(p);
        let label = attrs["kind"].as_str().unwrap().to_string();
        d.add(
            Layer::Places,
            Annotation::new(find(text, p), label, "test", 0.9)
                .with_key(p.to_lowercase())
                .with_attrs(attrs),
        )
        .unwrap();
    }
    for e in events {
        let span = find(text, e.word);
        let mut attrs = json!({
            "cameo": if e.plover == "ASSAULT" { "190" } else { "112" },
            "status": e.status,
            "source_code": e.source.0.to_uppercase(),
            "target_code": e.target.0.to_uppercase(),
            "source": {"key": e.source.0, "name": e.source.0, "country": e.source.1},
            "target": {"key": e.target.0, "name": e.target.0, "country": e.target.1},
            "trigger": {"start": span.start, "end": span.end, "text": e.word},
        });
        if e.plover == "ASSAULT" {
            attrs["acled_event_type"] = json!("Violence against civilians");
            attrs["acled_sub_event_type"] = json!("Attack");
        }
        if let Some(p) = e.place {
            let ps = find(text, p);
            let pa = place_attrs(p);
            attrs["place"] = json!({"key": p.to_lowercase(), "name": p,
                                    "country": pa["country"], "precision": pa["precision"],
                                    "start": ps.start, "end": ps.end});
        }
        if let Some(dv) = e.date {
            attrs["date"] = json!({"value": dv, "granularity": "day", "origin": "text"});
        }
        if let Some(k) = e.killed {
            attrs["counts"] = json!({"killed": k});
        }
        if let Some((ind, from, to)) = e.indicator {
            attrs["indicators"] = json!([{"indicator": ind, "evidence": [[span.start, span.end]],
                                          "direction": {"from": from, "to": to}}]);
        }
        d.add(
            Layer::Events,
            Annotation::new(span, e.plover, "test", 0.8).with_attrs(attrs),
        )
        .unwrap();
    }
    d
}

fn ev(word: &'static str, plover: &'static str) -> Ev {
    Ev {
        word,
        plover,
        status: "happened",
        source: ("taliban", "AFG"),
        target: ("tjk", "TJK"),
        place: None,
        date: None,
        killed: None,
        indicator: None,
    }
}

fn fill(store: &mut SqliteStore) {
    let docs = [
        doc(
            "e1",
            "Militants attacked guards near Panj, killing two; infiltrators crossed.",
            "2024-01-10",
            &["Panj"],
            &[
                Ev {
                    place: Some("Panj"),
                    killed: Some(2),
                    date: Some("2024-01-09"),
                    indicator: Some(("border_infiltration", "AFG", "TJK")),
                    ..ev("attacked", "ASSAULT")
                },
                Ev {
                    place: Some("Panj"),
                    source: ("iskp", "AFG"),
                    indicator: Some(("border_infiltration", "AFG", "TJK")),
                    ..ev("crossed", "MOBILIZE")
                },
            ],
        ),
        doc(
            "e2",
            "Taliban fighters raided Kunduz; officials denied shelling Kabul.",
            "2024-02-05",
            &["Kunduz", "Kabul"],
            &[
                Ev {
                    place: Some("Kunduz"),
                    target: ("afggov", "AFG"),
                    ..ev("raided", "ASSAULT")
                },
                Ev {
                    place: Some("Kabul"),
                    status: "denied",
                    target: ("afggov", "AFG"),
                    ..ev("shelling", "ASSAULT")
                },
            ],
        ),
        doc(
            "e3",
            "Pakistan accused Afghanistan of sheltering militants.",
            "2024-03-01",
            &["Afghanistan"],
            &[Ev {
                place: Some("Afghanistan"),
                source: ("pak", "PAK"),
                target: ("afg", "AFG"),
                ..ev("accused", "ACCUSE")
            }],
        ),
    ];
    for d in &docs {
        store.put_doc(d, &[]).unwrap();
    }
}

fn store() -> SqliteStore {
    let mut s = SqliteStore::open_in_memory().unwrap();
    fill(&mut s);
    s
}

fn words(store: &SqliteStore, q: EventQuery) -> Vec<String> {
    store
        .list_events(&q)
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.text)
        .collect()
}

#[test]
fn every_filter_narrows() {
    let s = store();
    // Newest first; the denied shelling is left out by default.
    assert_eq!(
        words(&s, EventQuery::default()),
        ["accused", "raided", "crossed", "attacked"]
    );
    let q = |f: fn(&mut EventQuery)| {
        let mut q = EventQuery::default();
        f(&mut q);
        q
    };
    assert_eq!(
        words(&s, q(|q| q.plover = Some("assault".into()))),
        ["raided", "attacked"]
    );
    assert_eq!(words(&s, q(|q| q.actor = Some("iskp".into()))), ["crossed"]);
    assert_eq!(
        words(&s, q(|q| q.actor = Some("afggov".into()))),
        ["raided"]
    );
    // The place's country or either actor's.
    assert_eq!(
        words(&s, q(|q| q.place.country = Some("PAK".into()))),
        ["accused"]
    );
    assert_eq!(
        words(&s, q(|q| q.place.country = Some("TJK".into()))),
        ["crossed", "attacked"]
    );
    assert_eq!(
        words(&s, q(|q| q.indicator = Some("border_infiltration".into()))),
        ["crossed", "attacked"]
    );
    assert_eq!(
        words(&s, q(|q| q.since = NaiveDate::from_ymd_opt(2024, 2, 1))),
        ["accused", "raided"]
    );
    assert_eq!(
        words(&s, q(|q| q.until = NaiveDate::from_ymd_opt(2024, 1, 9))),
        ["attacked"]
    );
    assert_eq!(
        words(&s, q(|q| q.status = Some("all".into()))),
        ["accused", "shelling", "raided", "crossed", "attacked"]
    );
    assert_eq!(
        words(&s, q(|q| q.status = Some("denied".into()))),
        ["shelling"]
    );
}

#[test]
fn border_distance_and_box_use_the_place_mention() {
    let s = store();
    let near = |pair: &str, km: f64| {
        words(
            &s,
            EventQuery {
                place: PlaceFilter {
                    border: Some(pair.parse::<BorderPair>().unwrap()),
                    km: Some(km),
                    ..Default::default()
                },
                status: Some("all".into()),
                ..Default::default()
            },
        )
    };
    assert_eq!(near("TJK-AFG", 50.0), ["raided", "crossed", "attacked"]);
    assert_eq!(near("AFG-TJK", 10.0), ["crossed", "attacked"]);
    // A country's border distance says nothing: the accusation is never near a border.
    assert_eq!(near("AFG-PAK", 500.0), ["shelling"]);
    let boxed = words(
        &s,
        EventQuery {
            place: PlaceFilter {
                bbox: Some("68.5,36.5,70,38".parse().unwrap()),
                ..Default::default()
            },
            ..Default::default()
        },
    );
    assert_eq!(boxed, ["raided", "crossed", "attacked"]);
}

#[test]
fn records_carry_every_field_and_export() {
    let s = store();
    let page = s
        .list_events(&EventQuery {
            plover: Some("ASSAULT".into()),
            limit: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.items.len(), 1);
    let e: &EventRecord = &page.items[0];
    assert_eq!(e.report, "e2");
    assert_eq!(e.cameo.as_deref(), Some("190"));
    assert_eq!(e.source.as_ref().unwrap().key.as_deref(), Some("taliban"));
    assert_eq!(e.place_precision.as_deref(), Some("admin1"));
    assert_eq!(e.border_pair.as_deref(), Some("AFG-TJK"));
    assert_eq!(e.date.as_deref(), Some("2024-02-05"));
    assert_eq!(e.date_origin.as_deref(), Some("published"));
    assert!(e.sentence.as_ref().unwrap().text.starts_with("Taliban"));
    // The next page by cursor, then by offset.
    let next = s
        .list_events(&EventQuery {
            plover: Some("ASSAULT".into()),
            cursor: page.next_cursor.clone(),
            ..Default::default()
        })
        .unwrap();
    let first = &next.items[0];
    assert_eq!(first.text, "attacked");
    assert_eq!(first.killed, Some(2));
    assert_eq!(first.indicators[0].from.as_deref(), Some("AFG"));
    let by_offset = s
        .list_events(&EventQuery {
            plover: Some("ASSAULT".into()),
            offset: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_offset.items, next.items);

    let all = s.list_events(&EventQuery::default()).unwrap().items;
    let csv = crate::events_csv(&all);
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("event_id,report_id,published,outlet,event_date"));
    assert!(header.contains(",fatalities,"));
    assert_eq!(csv.lines().count(), 5);
    let geo = crate::events_geojson(&all);
    let features = geo["features"].as_array().unwrap();
    assert_eq!(features.len(), 4);
    // The accusation's place is a country: listed, with no geometry.
    assert!(features[0]["geometry"].is_null());
    assert_eq!(features[1]["geometry"]["type"], "Point");
    assert_eq!(
        features[3]["geometry"]["coordinates"],
        json!([69.09911, 37.23634])
    );
}

fn count(store: &SqliteStore, table: &str) -> i64 {
    store
        .connection()
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn file_store(dir: &Path) -> SqliteStore {
    let mut store = SqliteStore::open(&dir.join("events.db")).unwrap();
    fill(&mut store);
    store
}

#[test]
fn deleting_a_report_deletes_its_events() {
    let s = store();
    assert_eq!(count(&s, "events"), 5);
    assert_eq!(count(&s, "event_indicators"), 2);
    s.connection()
        .execute("DELETE FROM reports WHERE id = 'e1'", [])
        .unwrap();
    assert_eq!(count(&s, "events"), 3);
    assert_eq!(count(&s, "event_indicators"), 0);
}

#[test]
fn version_four_databases_gain_the_event_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    {
        drop(file_store(dir.path()));
        std::fs::rename(dir.path().join("events.db"), &path).unwrap();
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE indicators; DROP TABLE event_indicators; DROP TABLE events; PRAGMA user_version = 4;",
        )
        .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    let version: i64 = store
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SqliteStore::schema_version());
    let dir2 = tempfile::tempdir().unwrap();
    let fresh = file_store(dir2.path());
    let all = EventQuery {
        status: Some("all".into()),
        ..Default::default()
    };
    let migrated = store.list_events(&all).unwrap().items;
    assert_eq!(migrated.len(), 5);
    assert_eq!(migrated, fresh.list_events(&all).unwrap().items);
    for table in ["events", "event_indicators"] {
        assert_eq!(count(&store, table), count(&fresh, table), "{table}");
    }
}
