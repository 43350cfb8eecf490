use super::{count_day, value_days};
use crate::{
    BorderPair, BoundingBox, Interval, PlaceFilter, SeriesBy, SeriesQuery, SqliteStore, Store,
};
use chrono::NaiveDate;
use serde_json::{json, Value};
use spillover_doc::{Annotation, Doc, Layer, Report, ReportId, Span};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn date_values_become_days() {
    assert_eq!(
        value_days("2024-03-03"),
        Some((d("2024-03-03"), d("2024-03-03")))
    );
    assert_eq!(
        value_days("2024-02"),
        Some((d("2024-02-01"), d("2024-02-29")))
    );
    assert_eq!(value_days("2023"), Some((d("2023-01-01"), d("2023-12-31"))));
    assert_eq!(
        value_days("2024-W10"),
        Some((d("2024-03-04"), d("2024-03-10")))
    );
    assert_eq!(
        value_days("2024-Q2"),
        Some((d("2024-04-01"), d("2024-06-30")))
    );
    assert_eq!(
        value_days("2024-SU"),
        Some((d("2024-01-01"), d("2024-12-31")))
    );
    assert_eq!(
        value_days("2021-12..2023-12"),
        Some((d("2021-12-01"), d("2023-12-31")))
    );
    for bad in ["", "PAST_REF", "20", "2024-13", "2023..2021", "2024-Q7"] {
        assert_eq!(value_days(bad), None, "{bad}");
    }
    // its own day; the publication day inside the period; else the period's first day
    let pubd = Some("2024-03-20");
    assert_eq!(
        count_day(&json!({"value": "2024-03-03"}), pubd).as_deref(),
        Some("2024-03-03")
    );
    assert_eq!(
        count_day(&json!({"value": "2024-03"}), pubd).as_deref(),
        Some("2024-03-20")
    );
    assert_eq!(
        count_day(&json!({"value": "2023"}), pubd).as_deref(),
        Some("2023-01-01")
    );
    assert_eq!(
        count_day(&json!({"from": "2024-01", "to": "2024-06"}), pubd).as_deref(),
        Some("2024-03-20")
    );
    assert_eq!(count_day(&Value::Null, pubd).as_deref(), Some("2024-03-20"));
    assert_eq!(count_day(&json!({"value": "PAST_REF"}), None), None);
}

/// Place mentions of the test reports: (word, attrs).
fn place_attrs(word: &str) -> Value {
    match word {
        "Panj" => json!({"name": "Panj", "country": "TJK", "admin1": "Khatlon", "kind": "city",
                         "precision": "point", "lat": 37.23634, "lon": 69.09911,
                         "border_km": 2.1, "border_pair": "AFG-TJK"}),
        "Kunduz" => json!({"name": "Kunduz", "country": "AFG", "admin1": "Kunduz",
                           "kind": "admin1", "precision": "admin1", "lat": 36.87037,
                           "lon": 69.03931, "border_km": 31.7, "border_pair": "AFG-TJK"}),
        other => panic!("no place {other}"),
    }
}

fn find(text: &str, word: &str) -> Span {
    let i = text
        .find(word)
        .unwrap_or_else(|| panic!("{word} not in {text:?}"));
    Span::new(i, i + word.len()).unwrap()
}

/// An indicator of a test report: (evidence word, indicator, place word or a country
/// only, date value, attributed).
struct Ind {
    word: &'static str,
    indicator: &'static str,
    place: Option<&'static str>,
    country: Option<&'static str>,
    date: Option<&'static str>,
    attributed: bool,
}

fn ind(word: &'static str, indicator: &'static str) -> Ind {
    Ind {
        word,
        indicator,
        place: None,
        country: None,
        date: None,
        attributed: false,
    }
}

fn doc(id: &str, text: &str, published: &str, places: &[&str], inds: &[Ind]) -> Doc {
    let mut r = Report::from_text(ReportId(id.into()), text);
    r.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let mut doc = Doc::new(r);
    doc.set_sentences(vec![Span::new(0, text.len()).unwrap()])
        .unwrap();
    for &p in places {
        let attrs = place_attrs(p);
        let label = attrs["kind"].as_str().unwrap().to_string();
        doc.add(
            Layer::Places,
            Annotation::new(find(text, p), label, "test", 0.9)
                .with_key(p.to_lowercase())
                .with_attrs(attrs),
        )
        .unwrap();
    }
    for i in inds {
        let span = find(text, i.word);
        let mut attrs = json!({"evidence": [[span.start, span.end]], "sentence": 0});
        if let Some(p) = i.place {
            let ps = find(text, p);
            let pa = place_attrs(p);
            attrs["place"] = json!({"key": p.to_lowercase(), "name": p, "country": pa["country"],
                                    "precision": pa["precision"], "start": ps.start,
                                    "end": ps.end, "origin": "sentence"});
        } else if let Some(c) = i.country {
            attrs["place"] = json!({"country": c, "origin": "report"});
        }
        if let Some(v) = i.date {
            attrs["date"] = json!({"value": v, "origin": "text"});
        }
        if i.attributed {
            attrs["claim"] = json!({"start": 0, "end": text.len(), "speaker": "pak"});
        }
        doc.add(
            Layer::Indicators,
            Annotation::new(span, i.indicator, "test", 0.6).with_attrs(attrs),
        )
        .unwrap();
    }
    doc
}

fn store() -> SqliteStore {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let docs = [
        doc(
            "i1",
            "Militants crossed near Panj; terrorists were seen in Kunduz.",
            "2024-03-04",
            &["Panj", "Kunduz"],
            &[
                Ind {
                    place: Some("Panj"),
                    date: Some("2024-03-03"),
                    ..ind("crossed", "border_infiltration")
                },
                Ind {
                    place: Some("Kunduz"),
                    ..ind("terrorists", "terrorism")
                },
            ],
        ),
        doc(
            "i2",
            "Terrorism rose in March.",
            "2024-03-20",
            &[],
            &[Ind {
                country: Some("AFG"),
                date: Some("2024-03"),
                ..ind("Terrorism", "terrorism")
            }],
        ),
        doc(
            "i3",
            "Refugees fled in 2023, the ministry said.",
            "2024-05-02",
            &[],
            &[Ind {
                country: Some("PAK"),
                date: Some("2023"),
                attributed: true,
                ..ind("Refugees", "displacement")
            }],
        ),
    ];
    for doc in &docs {
        s.put_doc(doc, &[]).unwrap();
    }
    s
}

/// (indicator, key, mentions) of each series, and the mentions per period of each.
fn summary(s: &SqliteStore, q: &SeriesQuery) -> Vec<(String, Option<String>, u64, Vec<u64>)> {
    s.indicator_series(q)
        .unwrap()
        .series
        .into_iter()
        .map(|x| {
            (
                x.indicator,
                x.key,
                x.mentions,
                x.points.iter().map(|p| p.mentions).collect(),
            )
        })
        .collect()
}

fn keys(v: &[(String, Option<String>, u64, Vec<u64>)]) -> Vec<(&str, Option<&str>, u64)> {
    v.iter()
        .map(|(i, k, m, _)| (i.as_str(), k.as_deref(), *m))
        .collect()
}

#[test]
fn series_per_indicator_and_place() {
    let s = store();
    // one series per indicator, largest first, zero-filled over the data's weeks
    let all = s.indicator_series(&SeriesQuery::default()).unwrap();
    assert_eq!(all.interval, Interval::Week);
    assert_eq!(all.from, Some(d("2022-12-26")));
    assert_eq!(all.to, Some(d("2024-03-18")));
    let names: Vec<(&str, u64, u64)> = all
        .series
        .iter()
        .map(|x| (x.indicator.as_str(), x.mentions, x.reports))
        .collect();
    assert_eq!(
        names,
        [
            ("terrorism", 2, 2),
            ("border_infiltration", 1, 1),
            ("displacement", 1, 1)
        ]
    );
    for x in &all.series {
        assert_eq!(x.points.len(), 65, "{}", x.indicator);
        assert_eq!(x.points.iter().map(|p| p.mentions).sum::<u64>(), x.mentions);
    }
    // the Sunday crossing counts in the week before the Monday report
    let infil = &all.series[1];
    let week = infil.points.iter().find(|p| p.mentions > 0).unwrap();
    assert_eq!(week.period, d("2024-02-26"));

    // per country and month, from January: the report-level country counts too
    let q = SeriesQuery {
        interval: Interval::Month,
        by: SeriesBy::Country,
        since: Some(d("2024-01-15")),
        ..Default::default()
    };
    let v = summary(&s, &q);
    assert_eq!(
        keys(&v),
        [
            ("terrorism", Some("AFG"), 2),
            ("border_infiltration", Some("TJK"), 1)
        ]
    );
    assert_eq!(v[0].3, [0, 0, 2]);

    // per province: Kunduz; the report-level mention has no province
    let q = SeriesQuery {
        by: SeriesBy::Admin1,
        indicator: Some("Terrorism".into()),
        ..Default::default()
    };
    assert_eq!(
        keys(&summary(&s, &q)),
        [("terrorism", None, 1), ("terrorism", Some("AFG/Kunduz"), 1)]
    );

    // per border, near it: Panj is 2.1 km from AFG-TJK, Kunduz 31.7 km
    let q = SeriesQuery {
        by: SeriesBy::Border,
        place: PlaceFilter {
            border: Some("TJK-AFG".parse::<BorderPair>().unwrap()),
            km: Some(10.0),
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(
        keys(&summary(&s, &q)),
        [("border_infiltration", Some("AFG-TJK"), 1)]
    );
    // in a box around Panj
    let q = SeriesQuery {
        place: PlaceFilter {
            bbox: Some("68.5,37,69.5,37.5".parse::<BoundingBox>().unwrap()),
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(keys(&summary(&s, &q)), [("border_infiltration", None, 1)]);
    // attributed to a speaker, or the report's own voice
    let said = SeriesQuery {
        attributed: Some(true),
        ..Default::default()
    };
    assert_eq!(keys(&summary(&s, &said)), [("displacement", None, 1)]);
    let own = SeriesQuery {
        attributed: Some(false),
        ..Default::default()
    };
    assert_eq!(summary(&s, &own).len(), 2);
    // until: the window ends there
    let q = SeriesQuery {
        interval: Interval::Day,
        since: Some(d("2024-03-01")),
        until: Some(d("2024-03-10")),
        ..Default::default()
    };
    let v = summary(&s, &q);
    assert_eq!(
        keys(&v),
        [("border_infiltration", None, 1), ("terrorism", None, 1)]
    );
    assert_eq!(v[0].3.len(), 10);
    assert_eq!(v[0].3[2], 1);
    // the limit keeps the largest and says it cut
    let q = SeriesQuery {
        limit: Some(1),
        ..Default::default()
    };
    let one = s.indicator_series(&q).unwrap();
    assert!(one.truncated);
    assert_eq!(one.series.len(), 1);
    assert_eq!(one.series[0].indicator, "terrorism");
    // nothing matches: no window, no series
    let q = SeriesQuery {
        indicator: Some("extremism".into()),
        ..Default::default()
    };
    let none = s.indicator_series(&q).unwrap();
    assert!(none.series.is_empty() && none.from.is_none() && !none.truncated);
}

#[test]
fn version_five_databases_gain_the_indicator_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    {
        let mut s = SqliteStore::open(&path).unwrap();
        let one = doc(
            "i9",
            "Militants crossed near Panj.",
            "2024-03-04",
            &["Panj"],
            &[Ind {
                place: Some("Panj"),
                ..ind("crossed", "border_infiltration")
            }],
        );
        s.put_doc(&one, &[]).unwrap();
        drop(s);
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("DROP TABLE indicators; PRAGMA user_version = 5;")
            .unwrap();
    }
    let s = SqliteStore::open(&path).unwrap();
    let v = summary(
        &s,
        &SeriesQuery {
            by: SeriesBy::Border,
            ..Default::default()
        },
    );
    assert_eq!(keys(&v), [("border_infiltration", Some("AFG-TJK"), 1)]);
}
