//! The API over HTTP against a real server on loopback, with the sample reports
//! ingested the way `spillover ingest` does it.

mod common;

use common::*;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::OnceLock;

/// One read-only server over the samples, shared by the read tests.
fn samples_server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let db = fresh_db("api-samples");
        let stored = ingest(&db, &[samples()]);
        assert!(stored >= 20, "only {stored} sample reports stored");
        Server::start(&db, None)
    })
}

fn ids(v: &Value) -> Vec<String> {
    v["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn lists_searches_and_pages_reports() {
    let s = samples_server();
    let stats = get_json(s, "/api/stats");
    let total = stats["reports"].as_u64().expect("reports") as usize;
    let all = get_json(s, "/api/reports?limit=500");
    assert_eq!(ids(&all).len(), total);
    assert!(all["next_cursor"].is_null());
    // Newest first: dated reports by date descending, undated last.
    let dates: Vec<Option<&str>> = all["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| r["published"].as_str())
        .collect();
    let dated: Vec<&str> = dates.iter().map_while(|d| *d).collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert!(dates[dated.len()..].iter().all(Option::is_none));

    // Pages: no overlap, all seen, same order as one big page.
    let half = total.div_ceil(2);
    let first = get_json(s, &format!("/api/reports?limit={half}"));
    let cursor = first["next_cursor"].as_str().expect("a next page");
    let second = get_json(s, &format!("/api/reports?limit={half}&cursor={cursor}"));
    assert!(second["next_cursor"].is_null());
    let mut paged = ids(&first);
    paged.extend(ids(&second));
    assert_eq!(paged, ids(&all));
    assert_eq!(paged.iter().collect::<HashSet<_>>().len(), total);

    // Search, with snippet; terms FTS5 cannot parse still work.
    let found = get_json(s, "/api/reports?q=Torkham");
    assert!(!ids(&found).is_empty());
    assert!(found["reports"][0]["snippet"]
        .as_str()
        .expect("snippet")
        .contains('['));
    let odd = get_json(s, "/api/reports?q=U.S.%20%22");
    assert!(odd["reports"].is_array());
    let none = get_json(s, "/api/reports?q=zzzyyyxxx");
    assert!(ids(&none).is_empty());

    // Filters: date range and outlet.
    let ranged = get_json(
        s,
        "/api/reports?since=2024-01-01&until=2024-06-30&limit=500",
    );
    for r in ranged["reports"].as_array().expect("reports") {
        let d = r["published"].as_str().expect("dated");
        assert!(("2024-01-01"..="2024-06-30").contains(&d), "{d}");
    }
    assert!(!ids(&ranged).is_empty() && ids(&ranged).len() < total);
    let outlet = all["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .find_map(|r| r["outlet"].as_str())
        .expect("some report names an outlet");
    let by_outlet = get_json(
        s,
        &format!(
            "/api/reports?outlet={}&limit=500",
            outlet.replace(' ', "%20")
        ),
    );
    assert!(by_outlet["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .all(|r| r["outlet"] == outlet));
    // Empty parameters count as absent.
    assert_eq!(
        ids(&get_json(s, "/api/reports?q=&since=&limit=500")).len(),
        total
    );
}

#[test]
fn one_report_with_spans_that_point_into_its_text() {
    let s = samples_server();
    let all = get_json(s, "/api/reports?limit=500");
    let mut layers_seen = HashSet::new();
    for id in ids(&all) {
        let r = get_json(s, &format!("/api/reports/{id}"));
        assert_eq!(r["id"], id.as_str());
        let text = r["text"].as_str().expect("text");
        for sentence in r["sentences"].as_array().expect("sentences") {
            let (a, b) = (
                sentence["start"].as_u64().expect("start") as usize,
                sentence["end"].as_u64().expect("end") as usize,
            );
            assert!(text.get(a..b).is_some());
        }
        for (layer, spans) in r["layers"].as_object().expect("layers") {
            for span in spans.as_array().expect("spans") {
                let a = span["start"].as_u64().expect("start") as usize;
                let b = span["end"].as_u64().expect("end") as usize;
                assert_eq!(span["text"].as_str(), text.get(a..b), "{id} {layer}");
                for field in ["label", "component", "confidence"] {
                    assert!(!span[field].is_null(), "{field}");
                }
                layers_seen.insert(layer.clone());
            }
        }
        assert!(r["near_duplicates"].is_array());
    }
    assert!(layers_seen.contains("dates") && layers_seen.contains("quantities"));
    // A unique prefix works; the seed repost is linked as a near-duplicate.
    let id = &ids(&all)[0];
    let by_prefix = get_json(s, &format!("/api/reports/{}", &id[..8]));
    assert_eq!(by_prefix["id"], id.as_str());
    let dups = get_json(s, "/api/duplicates");
    let link = &dups["duplicates"][0];
    assert!(link["similarity"].as_f64().expect("similarity") >= 0.6);
    let report = get_json(
        s,
        &format!("/api/reports/{}", link["report"].as_str().expect("id")),
    );
    assert!(report["near_duplicates"]
        .as_array()
        .expect("near")
        .iter()
        .any(|n| n["id"] == link["other"]));
}

#[test]
fn spans_as_json_jsonl_and_csv() {
    let s = samples_server();
    let stats = get_json(s, "/api/stats");
    for layer in ["dates", "quantities"] {
        let n = stats["layers"][layer].as_u64().expect("count") as usize;
        assert!(n > 0, "{layer}");
        // JSON, paged through.
        let mut seen = Vec::new();
        let mut cursor = String::new();
        loop {
            let v = get_json(
                s,
                &format!("/api/spans?layer={layer}&limit=7&cursor={cursor}"),
            );
            assert_eq!(v["layer"], layer);
            for span in v["spans"].as_array().expect("spans") {
                let sentence = span["sentence"]["text"].as_str().expect("sentence");
                assert!(sentence.contains(span["text"].as_str().expect("text")));
                assert_eq!(span["layer"], layer);
                seen.push((
                    span["report"].as_str().expect("report").to_string(),
                    span["start"].as_u64().expect("start"),
                ));
            }
            match v["next_cursor"].as_str() {
                Some(c) => cursor = c.to_string(),
                None => break,
            }
        }
        assert_eq!(seen.len(), n, "{layer}");
        assert_eq!(seen.iter().collect::<HashSet<_>>().len(), n);

        // JSON Lines: the same spans in the same order.
        let (status, ct, body) = get(s, &format!("/api/spans?layer={layer}&format=jsonl"));
        assert_eq!(status, 200);
        assert!(ct.starts_with("application/x-ndjson"), "{ct}");
        let lines: Vec<Value> = body
            .lines()
            .map(|l| serde_json::from_str(l).expect("jsonl line"))
            .collect();
        assert_eq!(lines.len(), n);
        let jsonl: Vec<(String, u64)> = lines
            .iter()
            .map(|v| {
                (
                    v["report"].as_str().expect("report").to_string(),
                    v["start"].as_u64().expect("start"),
                )
            })
            .collect();
        assert_eq!(jsonl, seen);

        // CSV: header, one row per span; the text column is the span's text.
        let (status, ct, body) = get(s, &format!("/api/spans?layer={layer}&format=csv"));
        assert_eq!(status, 200);
        assert!(ct.starts_with("text/csv"), "{ct}");
        let rows = parse_csv(&body);
        assert_eq!(rows[0], spillover_server::SPAN_COLUMNS);
        assert_eq!(rows.len(), n + 1);
        let col = |name: &str| rows[0].iter().position(|c| c == name).expect("column");
        for (row, line) in rows[1..].iter().zip(&lines) {
            assert_eq!(
                row[col("report_id")],
                line["report"].as_str().expect("report")
            );
            assert_eq!(row[col("text")], line["text"].as_str().expect("text"));
            assert_eq!(
                row[col("sentence")],
                line["sentence"]["text"].as_str().expect("sentence")
            );
            assert_eq!(row[col("layer")], layer);
        }
    }
    // Cursor header on exports; filters.
    let resp = client()
        .get(s.url("/api/spans?layer=quantities&format=csv&limit=2"))
        .send()
        .expect("request");
    let cursor = resp
        .headers()
        .get("x-next-cursor")
        .expect("cursor header")
        .to_str()
        .expect("ascii")
        .to_string();
    let next = get_json(
        s,
        &format!("/api/spans?layer=quantities&limit=2&cursor={cursor}"),
    );
    assert_eq!(next["spans"].as_array().expect("spans").len(), 2);
    let one = get_json(s, "/api/spans?layer=dates&limit=1");
    let report = one["spans"][0]["report"]
        .as_str()
        .expect("report")
        .to_string();
    let label = one["spans"][0]["label"]
        .as_str()
        .expect("label")
        .to_string();
    let of_report = get_json(
        s,
        &format!(
            "/api/spans?layer=dates&report={}&label={label}&limit=1000",
            &report[..6]
        ),
    );
    let spans = of_report["spans"].as_array().expect("spans");
    assert!(!spans.is_empty());
    assert!(spans
        .iter()
        .all(|v| v["report"] == report.as_str() && v["label"] == label.as_str()));
    let ranged = get_json(
        s,
        "/api/spans?layer=dates&since=2024-01-01&until=2024-12-31&limit=1000",
    );
    for v in ranged["spans"].as_array().expect("spans") {
        let d = v["published"].as_str().expect("dated");
        assert!(d.starts_with("2024-"), "{d}");
    }
}

#[test]
fn actors_across_reports_and_reports_by_actor() {
    let s = samples_server();
    let total = get_json(s, "/api/stats")["reports"]
        .as_u64()
        .expect("reports") as usize;
    let v = get_json(s, "/api/actors");
    let actors = v["actors"].as_array().expect("actors");
    assert!(!actors.is_empty() && actors.len() <= 50, "{}", actors.len());
    let kinds = [
        "state",
        "government_body",
        "igo",
        "igo_body",
        "armed_group",
        "security_force",
        "media_outlet",
        "person",
        "other",
    ];
    let num = |a: &Value, f: &str| a[f].as_u64().unwrap_or_else(|| panic!("{f}: {a}"));
    for a in actors {
        assert!(!a["key"].as_str().expect("key").is_empty());
        assert!(!a["name"].as_str().expect("name").is_empty());
        assert!(kinds.contains(&a["kind"].as_str().expect("kind")), "{a}");
        assert!(num(a, "mentions") >= num(a, "reports") && num(a, "reports") >= 1);
        if let (Some(f), Some(l)) = (a["first_published"].as_str(), a["last_published"].as_str()) {
            assert!(f <= l, "{a}");
        }
    }
    // Most reports first, then most mentions, then key.
    for w in actors.windows(2) {
        let k = |a: &Value| {
            (
                std::cmp::Reverse(num(a, "reports")),
                std::cmp::Reverse(num(a, "mentions")),
                a["key"].as_str().expect("key").to_string(),
            )
        };
        assert!(k(&w[0]) < k(&w[1]), "{} before {}", w[0], w[1]);
    }

    // The Taliban: counts agree with the spans and with the report filter.
    let taliban = actors
        .iter()
        .find(|a| a["key"] == "taliban")
        .expect("the Taliban are mentioned in the samples");
    assert_eq!(taliban["kind"], "armed_group");
    assert_eq!(taliban["name"], "Taliban");
    let spans = get_json(s, "/api/spans?layer=actors&key=taliban&limit=1000");
    let spans = spans["spans"].as_array().expect("spans");
    assert_eq!(spans.len() as u64, num(taliban, "mentions"));
    let span_reports: HashSet<&str> = spans
        .iter()
        .map(|sp| sp["report"].as_str().expect("report"))
        .collect();
    let by_actor = get_json(s, "/api/reports?actor=taliban&limit=500");
    let listed = ids(&by_actor);
    assert_eq!(listed.len() as u64, num(taliban, "reports"));
    assert!(
        !listed.is_empty() && listed.len() < total,
        "{} of {total}",
        listed.len()
    );
    assert_eq!(
        listed.iter().map(String::as_str).collect::<HashSet<_>>(),
        span_reports
    );
    let first = spans
        .iter()
        .filter_map(|sp| sp["published"].as_str())
        .min()
        .expect("dated");
    assert_eq!(taliban["first_published"], first);
    // The filter pages and combines with the others.
    let page = get_json(s, "/api/reports?actor=taliban&limit=2");
    let cursor = page["next_cursor"].as_str().expect("more than two");
    let next = get_json(
        s,
        &format!("/api/reports?actor=taliban&limit=2&cursor={cursor}"),
    );
    assert_eq!(ids(&next), listed[2..listed.len().min(4)]);
    let since = "2024-01-01";
    let recent = ids(&get_json(
        s,
        &format!("/api/reports?actor=taliban&since={since}&limit=500"),
    ));
    let want: Vec<String> = listed
        .iter()
        .filter(|id| {
            spans.iter().any(|sp| {
                sp["report"] == id.as_str() && sp["published"].as_str().is_some_and(|d| d >= since)
            })
        })
        .cloned()
        .collect();
    assert_eq!(recent, want);
    assert!(ids(&get_json(s, "/api/reports?actor=no-such-actor")).is_empty());

    // Filters.
    let of = |q: &str| {
        get_json(s, &format!("/api/actors?{q}"))["actors"]
            .as_array()
            .expect("actors")
            .clone()
    };
    let groups = of("kind=armed_group&limit=500");
    assert!(groups.iter().all(|a| a["kind"] == "armed_group"));
    assert!(groups.iter().any(|a| a["key"] == "taliban"));
    let afg = of("country=afg&limit=500");
    assert!(!afg.is_empty() && afg.iter().all(|a| a["country"] == "AFG"));
    let found = of("search=TALIBAN");
    assert!(found.iter().any(|a| a["key"] == "taliban"));
    assert!(found.iter().all(|a| {
        let name = a["name"].as_str().expect("name").to_lowercase();
        let key = a["key"].as_str().expect("key").to_lowercase();
        name.contains("taliban") || key.contains("taliban")
    }));
    assert_eq!(of("limit=3").len(), 3);
    assert_eq!(of("limit=3"), actors[..3]);
    let ranged = of("since=2024-01-01&until=2024-12-31&limit=500");
    assert!(!ranged.is_empty());
    for a in &ranged {
        for f in ["first_published", "last_published"] {
            let d = a[f].as_str().expect("dated");
            assert!(("2024-01-01"..="2024-12-31").contains(&d), "{a}");
        }
    }
    let ranged_taliban = ranged
        .iter()
        .find(|a| a["key"] == "taliban")
        .expect("Taliban in 2024");
    assert!(num(ranged_taliban, "reports") <= num(taliban, "reports"));
    // Empty values count as absent.
    assert_eq!(of("search=&kind=&country="), *actors);

    for bad in [
        "/api/actors?kind=warlord",
        "/api/actors?country=Afghanistan",
        "/api/actors?country=A1B",
        "/api/actors?limit=0",
        "/api/actors?limit=501",
        "/api/actors?since=2024-13-01",
        "/api/actors?since=2024-02-01&until=2024-01-01",
        "/api/actors?actor=taliban",
        "/api/actors?kind=state&kind=person",
        "/api/reports?actors=taliban",
        "/api/reports?actor=taliban&actor=ttp",
    ] {
        let (status, ct, body) = get(s, bad);
        assert_error(status, &ct, &body, 400, "bad_request");
    }
}

/// A place mention (a span of the `places` layer) as the place filters read it.
struct Mention {
    country: Option<String>,
    /// Finer than a country: boxes, borders and distances apply.
    located: bool,
    /// Alphabetical.
    pair: Option<String>,
    km: Option<f64>,
    point: Option<(f64, f64)>,
}

/// Whether a mention passes a filter, computed from the spans.
type Pass<'a> = dyn Fn(&Mention) -> bool + 'a;

fn mention(span: &Value) -> Mention {
    let a = &span["attrs"];
    let precision = a["precision"].as_str().unwrap_or("");
    Mention {
        country: a["country"]
            .as_str()
            .filter(|c| !c.is_empty())
            .map(str::to_string),
        located: !matches!(precision, "country" | "region"),
        pair: a["border_pair"].as_str().map(|p| {
            let mut codes: Vec<&str> = p.split('-').collect();
            codes.sort_unstable();
            codes.join("-")
        }),
        km: a["border_km"].as_f64(),
        point: a["lat"].as_f64().zip(a["lon"].as_f64()),
    }
}

#[test]
fn places_across_reports_and_reports_by_place() {
    let s = samples_server();
    let stats = get_json(s, "/api/stats");
    let n_spans = stats["layers"]["places"].as_u64().expect("places") as usize;
    assert!(n_spans > 100, "{n_spans} place spans");
    let spans = get_json(s, "/api/spans?layer=places&limit=1000");
    let spans = spans["spans"].as_array().expect("spans").clone();
    assert_eq!(spans.len(), n_spans);

    let of = |q: &str| {
        get_json(s, &format!("/api/places?{q}"))["places"]
            .as_array()
            .expect("places")
            .clone()
    };
    let num = |p: &Value, f: &str| p[f].as_u64().unwrap_or_else(|| panic!("{f}: {p}"));
    let all = of("limit=5000");
    assert!(all.len() > 20, "{} places", all.len());
    // Every mention is counted once.
    assert_eq!(
        all.iter().map(|p| num(p, "mentions")).sum::<u64>() as usize,
        n_spans
    );
    let precisions = [
        "point",
        "admin2",
        "admin1",
        "country",
        "region",
        "border_region",
        "border",
    ];
    for p in &all {
        assert!(!p["key"].as_str().expect("key").is_empty());
        assert!(!p["name"].as_str().expect("name").is_empty());
        assert!(
            precisions.contains(&p["precision"].as_str().expect("precision")),
            "{p}"
        );
        assert!(num(p, "mentions") >= num(p, "reports") && num(p, "reports") >= 1);
        if let Some(pair) = p["border_pair"].as_str() {
            let (a, b) = pair.split_once('-').expect("pair");
            assert!(a < b, "{pair} is alphabetical");
        }
    }
    for w in all.windows(2) {
        let k = |p: &Value| {
            (
                std::cmp::Reverse(num(p, "reports")),
                std::cmp::Reverse(num(p, "mentions")),
                p["key"].as_str().expect("key").to_string(),
            )
        };
        assert!(k(&w[0]) < k(&w[1]), "{} before {}", w[0], w[1]);
    }
    assert_eq!(of("limit=3"), all[..3]);
    assert_eq!(of(""), all[..all.len().min(50)]);
    let panj = all
        .iter()
        .find(|p| p["name"] == "Panj")
        .expect("Panj is in the samples");
    assert_eq!(
        (&panj["country"], &panj["precision"], &panj["border_pair"]),
        (
            &Value::from("TJK"),
            &Value::from("point"),
            &Value::from("AFG-TJK")
        )
    );
    // The Tajik-Afghan border, named as such.
    assert!(all
        .iter()
        .any(|p| p["key"] == "AFG-TJK" && p["precision"] == "border"));

    // Each filter: every place listed passes it, and the reports listed are exactly
    // those with a mention that passes it.
    let bbox = (68.5, 36.5, 72.0, 38.5);
    let in_box = |m: &Mention| {
        m.located
            && m.point.is_some_and(|(lat, lon)| {
                (bbox.1..=bbox.3).contains(&lat) && (bbox.0..=bbox.2).contains(&lon)
            })
    };
    let near = |m: &Mention| {
        m.located && m.pair.as_deref() == Some("AFG-TJK") && m.km.is_some_and(|km| km <= 50.0)
    };
    let tajik = |m: &Mention| m.country.as_deref() == Some("TJK");
    let cases: [(&str, &Pass<'_>); 5] = [
        ("bbox=68.5,36.5,72,38.5", &in_box),
        ("border=AFG-TJK&km=50", &near),
        ("border=tjk-afg&km=50", &near),
        ("country=tjk", &tajik),
        ("country=TJK&border=AFG-TJK&km=50", &|m| tajik(m) && near(m)),
    ];
    let total = stats["reports"].as_u64().expect("reports") as usize;
    for (q, pass) in cases {
        let listed = of(&format!("{q}&limit=5000"));
        assert!(!listed.is_empty(), "{q}");
        let keys: HashSet<&str> = listed
            .iter()
            .map(|p| p["key"].as_str().expect("key"))
            .collect();
        let mentions: u64 = listed.iter().map(|p| num(p, "mentions")).sum();
        let passing: Vec<&Value> = spans.iter().filter(|sp| pass(&mention(sp))).collect();
        assert_eq!(mentions as usize, passing.len(), "{q}");
        for p in &listed {
            if q.contains("bbox") {
                let (lat, lon) = (
                    p["lat"].as_f64().expect("lat"),
                    p["lon"].as_f64().expect("lon"),
                );
                assert!(
                    (36.5..=38.5).contains(&lat) && (68.5..=72.0).contains(&lon),
                    "{p}"
                );
            }
            if q.contains("border") {
                assert_eq!(p["border_pair"], "AFG-TJK", "{q}: {p}");
                assert!(p["border_km"].as_f64().expect("km") <= 50.0, "{q}: {p}");
            }
            if q.contains("country") {
                assert_eq!(p["country"], "TJK", "{q}: {p}");
            }
        }
        assert!(keys.len() == listed.len(), "{q}: keys are unique");
        let want: HashSet<&str> = passing
            .iter()
            .map(|sp| sp["report"].as_str().expect("report"))
            .collect();
        let reports = ids(&get_json(s, &format!("/api/reports?{q}&limit=500")));
        assert_eq!(
            reports.iter().map(String::as_str).collect::<HashSet<_>>(),
            want,
            "{q}"
        );
        assert!(reports.len() < total, "{q}");
    }
    // Countries and regions of them are not located by their reference points.
    assert!(of("border=AFG-PAK&limit=5000")
        .iter()
        .all(|p| !matches!(p["precision"].as_str(), Some("country" | "region"))));

    // Dates and actor choose the mentions counted.
    for p in of("since=2024-06-01&until=2024-12-31&limit=5000") {
        for f in ["first_published", "last_published"] {
            let d = p[f].as_str().expect("dated");
            assert!(("2024-06-01"..="2024-12-31").contains(&d), "{p}");
        }
    }
    let with_taliban = of("actor=taliban&limit=5000");
    assert!(!with_taliban.is_empty() && with_taliban.len() < all.len());
    let taliban_reports: HashSet<String> =
        ids(&get_json(s, "/api/reports?actor=taliban&limit=500"))
            .into_iter()
            .collect();
    let counted = spans
        .iter()
        .filter(|sp| taliban_reports.contains(sp["report"].as_str().expect("report")))
        .count();
    assert_eq!(
        with_taliban.iter().map(|p| num(p, "mentions")).sum::<u64>() as usize,
        counted
    );
    // Place and actor filters combine on reports.
    let both = ids(&get_json(
        s,
        "/api/reports?actor=taliban&border=AFG-TJK&km=50&limit=500",
    ));
    assert!(both.iter().all(|id| taliban_reports.contains(id)));

    // CSV and JSON Lines: the same places.
    let (status, ct, body) = get(s, "/api/places?country=TJK&format=csv&limit=5000");
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/csv"), "{ct}");
    let rows = parse_csv(&body);
    assert_eq!(
        rows[0],
        [
            "key",
            "name",
            "country",
            "admin1",
            "precision",
            "direction",
            "latitude",
            "longitude",
            "border_pair",
            "border_km",
            "mentions",
            "reports",
            "first_published",
            "last_published"
        ]
    );
    let tajik_places = of("country=TJK&limit=5000");
    assert_eq!(rows.len() - 1, tajik_places.len());
    for (row, p) in rows[1..].iter().zip(&tajik_places) {
        assert_eq!(row[0], p["key"].as_str().expect("key"));
        assert_eq!(row[2], "TJK");
        assert_eq!(row[10], num(p, "mentions").to_string());
    }
    let (status, ct, body) = get(s, "/api/places?country=TJK&format=jsonl&limit=5000");
    assert_eq!(status, 200);
    assert!(ct.starts_with("application/x-ndjson"), "{ct}");
    let lines: Vec<Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).expect("jsonl line"))
        .collect();
    assert_eq!(lines, tajik_places);
    // Empty values count as absent.
    assert_eq!(of("bbox=&border=&km=&country=&limit=5000"), all);

    for (bad, names) in [
        ("/api/places?bbox=1,2,3", "bbox="),
        ("/api/places?bbox=a,b,c,d", "bbox="),
        ("/api/places?bbox=0,10,1,5", "bbox="),
        ("/api/places?bbox=0,0,200,1", "bbox="),
        ("/api/places?border=AFG", "border="),
        ("/api/places?border=AFG-AFG", "border="),
        ("/api/places?border=AFG-TJK&km=-1", "km="),
        ("/api/places?km=fifty", "km="),
        ("/api/places?country=Tajikistan", "country="),
        ("/api/places?format=geojson", "format="),
        ("/api/places?limit=0", "limit="),
        ("/api/places?limit=5001", "limit="),
        ("/api/places?since=2024-02-01&until=2024-01-01", "since="),
        ("/api/places?q=Panj", "unknown parameter"),
        ("/api/places?km=5&km=6", "twice"),
        ("/api/reports?bbox=69,37,70", "bbox="),
        ("/api/reports?border=AFGTJK", "border="),
        ("/api/reports?km=NaN", "km="),
        ("/api/reports?country=TJ", "country="),
    ] {
        let (status, ct, body) = get(s, bad);
        assert_error(status, &ct, &body, 400, "bad_request");
        let v: Value = serde_json::from_str(&body).expect("json");
        let message = v["error"]["message"].as_str().expect("message");
        assert!(message.contains(names), "{bad}: {message}");
    }
}

/// A small RFC 4180 reader for the test.
fn parse_csv(body: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn errors_are_json_with_stable_codes() {
    let s = samples_server();
    let cases = [
        ("/api/reports/ffffffffffff", 404, "not_found"),
        ("/api/reports/zz", 404, "not_found"),
        ("/api/nothing-here", 404, "not_found"),
        ("/api", 404, "not_found"),
        ("/api/reports?limit=0", 400, "bad_request"),
        ("/api/reports?limit=abc", 400, "bad_request"),
        ("/api/reports?since=yesterday", 400, "bad_request"),
        (
            "/api/reports?since=2024-02-01&until=2024-01-01",
            400,
            "bad_request",
        ),
        ("/api/reports?cursor=not-a-cursor", 400, "bad_request"),
        ("/api/reports?colour=red", 400, "bad_request"),
        ("/api/reports?limit=1&limit=2", 400, "bad_request"),
        ("/api/spans", 400, "bad_request"),
        ("/api/spans?layer=tokens", 400, "bad_request"),
        ("/api/spans?layer=dates&format=xml", 400, "bad_request"),
        ("/api/spans?layer=dates&limit=5000", 400, "bad_request"),
        ("/api/spans?layer=dates&cursor=00", 400, "bad_request"),
    ];
    for (path, status, code) in cases {
        let (got, ct, body) = get(s, path);
        assert_error(got, &ct, &body, status, code);
    }
    let resp = client()
        .delete(s.url("/api/stats"))
        .send()
        .expect("request");
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert_error(
        status,
        &ct,
        &resp.text().expect("body"),
        405,
        "method_not_allowed",
    );
    // The dashboard and its assets; anything else under /assets is a 404.
    let (status, ct, body) = get(s, "/");
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/html") && body.contains("/assets/app.js"));
    let (status, ct, _) = get(s, "/assets/app.js");
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/javascript"), "{ct}");
    let (status, ct, _) = get(s, "/assets/app.css");
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/css"), "{ct}");
    let (status, _, _) = get(s, "/assets/nope.js");
    assert_eq!(status, 404);
}

#[test]
fn posting_needs_a_token_and_stores_once() {
    let s = samples_server();
    let text = "Guards clashed with smugglers near Panj on 3 March 2024. Two guards were wounded.";
    // A read-only server refuses, token or not.
    for auth in [None, Some("Bearer x")] {
        let mut req = client()
            .post(s.url("/api/reports"))
            .header("content-type", "text/plain")
            .body(text);
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        let resp = req.send().expect("request");
        let status = resp.status().as_u16();
        assert_error(
            status,
            "application/json",
            &resp.text().expect("body"),
            403,
            "forbidden",
        );
    }

    let db = fresh_db("api-post");
    let w = Server::start(&db, Some("s3cret"));
    let post = |auth: Option<&str>, ct: &str, body: Vec<u8>| {
        let mut req = client()
            .post(w.url("/api/reports"))
            .header("content-type", ct)
            .body(body);
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        let resp = req.send().expect("request");
        let status = resp.status().as_u16();
        let location = resp
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = resp.text().expect("body");
        (status, location, body)
    };
    for auth in [
        None,
        Some("Bearer wrong"),
        Some("Bearer s3cre"),
        Some("Basic s3cret"),
    ] {
        let (status, _, body) = post(auth, "text/plain", text.into());
        assert_error(status, "application/json", &body, 403, "forbidden");
    }
    let (status, location, body) = post(Some("Bearer s3cret"), "text/plain", text.into());
    assert_eq!(status, 201, "{body}");
    let v: Value = serde_json::from_str(&body).expect("json");
    let id = v["id"].as_str().expect("id").to_string();
    assert_eq!(
        location.as_deref(),
        Some(format!("/api/reports/{id}").as_str())
    );
    let (status, _, body) = post(
        Some("Bearer s3cret"),
        "text/plain; charset=utf-8",
        text.into(),
    );
    assert_eq!(status, 200, "{body}");
    let v: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["already_stored"], true);
    assert_eq!(v["id"], id.as_str());
    // Stored with its layers: the date and the figure were extracted.
    let r = get_json(&w, &format!("/api/reports/{id}"));
    assert_eq!(r["text"], text);
    assert!(!r["layers"]["dates"].as_array().expect("dates").is_empty());
    assert!(!r["layers"]["quantities"]
        .as_array()
        .expect("quantities")
        .is_empty());

    // JSON and HTML bodies.
    let json_body = serde_json::json!({
        "text": "Pakistan closed the Torkham crossing on Monday. Some 5,000 trucks were stranded.",
        "title": "Torkham closed", "outlet": "Test Wire", "published": "2024-08-12"
    });
    let (status, _, body) = post(
        Some("Bearer s3cret"),
        "application/json",
        json_body.to_string().into(),
    );
    assert_eq!(status, 201, "{body}");
    let id = serde_json::from_str::<Value>(&body).expect("json")["id"]
        .as_str()
        .expect("id")
        .to_string();
    let r = get_json(&w, &format!("/api/reports/{id}"));
    assert_eq!(
        (
            r["title"].as_str(),
            r["outlet"].as_str(),
            r["published"].as_str()
        ),
        (
            Some("Torkham closed"),
            Some("Test Wire"),
            Some("2024-08-12")
        )
    );
    let html = "<html><head><title>Drill ends</title></head><body><article><p>Troops ended a joint drill near Termez on Friday after five days.</p></article></body></html>";
    let (status, _, body) = post(Some("Bearer s3cret"), "text/html", html.into());
    assert_eq!(status, 201, "{body}");
    let id = serde_json::from_str::<Value>(&body).expect("json")["id"]
        .as_str()
        .expect("id")
        .to_string();
    assert_eq!(
        get_json(&w, &format!("/api/reports/{id}"))["format"],
        "html"
    );
    assert_eq!(get_json(&w, "/api/stats")["reports"], 3);

    // Bad bodies.
    let (status, _, body) = post(
        Some("Bearer s3cret"),
        "application/json",
        b"{\"title\": 1".to_vec(),
    );
    assert_error(status, "application/json", &body, 400, "bad_request");
    let (status, _, body) = post(Some("Bearer s3cret"), "text/plain", b"   ".to_vec());
    assert_error(status, "application/json", &body, 400, "bad_request");
    let (status, _, body) = post(Some("Bearer s3cret"), "image/png", b"x".to_vec());
    assert_error(
        status,
        "application/json",
        &body,
        415,
        "unsupported_media_type",
    );
    let big = vec![b'a'; spillover_server::MAX_BODY_BYTES + 1];
    let (status, _, body) = post(Some("Bearer s3cret"), "text/plain", big);
    assert_error(status, "application/json", &body, 413, "too_large");
    assert_eq!(get_json(&w, "/api/stats")["reports"], 3);
}

#[test]
fn openapi_describes_every_route() {
    let s = samples_server();
    let doc = get_json(s, "/api/openapi.json");
    assert_eq!(
        doc["openapi"].as_str().map(|v| v.starts_with("3.1")),
        Some(true)
    );
    let paths = doc["paths"].as_object().expect("paths");
    let routes = spillover_server::routes();
    for (method, path) in &routes {
        let op = &paths
            .get(*path)
            .unwrap_or_else(|| panic!("{path} missing from openapi.json"))
            [method.as_str().to_ascii_lowercase()];
        assert!(op.is_object(), "{method} {path} missing from openapi.json");
        assert!(
            op["responses"].is_object(),
            "{method} {path} has no responses"
        );
    }
    // And nothing described that the router does not serve.
    for (path, ops) in paths {
        for method in ops.as_object().expect("operations").keys() {
            assert!(
                routes
                    .iter()
                    .any(|(m, p)| p == path && m.as_str().eq_ignore_ascii_case(method)),
                "openapi.json describes {method} {path}, which the router does not serve"
            );
        }
    }
    // Every GET route answers something other than the unknown-route 404.
    for (method, path) in &routes {
        if method == axum::http::Method::GET {
            let concrete = path
                .replace("{id}", "0000")
                .replace("/api/spans", "/api/spans?layer=dates");
            let (_, _, body) = get(s, &concrete);
            assert!(!body.contains("no API route"), "{path} is not routed");
        }
    }
}

#[test]
fn geo_countries_and_border_segments() {
    let s = samples_server();
    let (status, ct, body) = get(s, "/api/geo/countries");
    assert_eq!(status, 200);
    assert!(ct.starts_with("application/geo+json"), "{ct}");
    assert!(body.len() < 2_000_000, "{} bytes", body.len());
    let fc: Value = serde_json::from_str(&body).expect("GeoJSON");
    assert_eq!(fc["type"], "FeatureCollection");
    let features = fc["features"].as_array().expect("features");
    assert!(features.len() > 150);
    let afg = features
        .iter()
        .find(|f| f["properties"]["iso_a3"] == "AFG")
        .expect("Afghanistan");
    assert_eq!(afg["geometry"]["type"], "MultiPolygon");

    let (status, ct, body) = get(s, "/api/geo/borders?pair=TJK-AFG");
    assert_eq!(status, 200, "{body}");
    assert!(ct.starts_with("application/geo+json"), "{ct}");
    let seg: Value = serde_json::from_str(&body).expect("GeoJSON");
    assert_eq!(seg["type"], "Feature");
    assert_eq!(seg["properties"]["pair"], serde_json::json!(["AFG", "TJK"]));
    assert_eq!(seg["geometry"]["type"], "MultiLineString");
    let (status, ct, body) = get(s, "/api/geo/borders?pair=AFG-BRA");
    assert_error(status, &ct, &body, 404, "not_found");
    for bad in [
        "/api/geo/borders",
        "/api/geo/borders?pair=AFG",
        "/api/geo/countries?x=1",
    ] {
        let (status, ct, body) = get(s, bad);
        assert_error(status, &ct, &body, 400, "bad_request");
    }
}

/// A claim annotation in the shape the claims stage writes: `whole` is the attribution,
/// `speaker` and `content` parts of it.
fn claim(
    text: &str,
    whole: &str,
    speaker: (&str, Option<(&str, &str)>),
    cue: &str,
    content: &str,
    stance: &'static str,
    extra: Value,
) -> spillover_doc::Annotation {
    let s = text.find(whole).expect("claim in text");
    let at = |part: &str| {
        let p = s + whole.find(part).expect("part in claim");
        serde_json::json!([p, p + part.len()])
    };
    let mut attrs = serde_json::json!({
        "source_spans": [at(speaker.0)], "cue_spans": [at(cue)], "content_spans": [at(content)],
        "speaker": speaker.1.map(|(k, n)| serde_json::json!({"key": k, "name": n, "kind": "state"})),
        "speaker_text": speaker.0, "cue": cue, "stance": stance, "hedged": false, "direct": false,
        "medium": null, "about": [], "figures": [],
        "proposition": {"subject": null, "predicate": null, "scope": null, "negated": false},
    });
    if let (Some(o), Value::Object(extra)) = (attrs.as_object_mut(), extra) {
        o.extend(extra);
    }
    let span = spillover_doc::Span::new(s, s + whole.len()).expect("span");
    let mut a = spillover_doc::Annotation::new(span, stance, "test", 0.8).with_attrs(attrs);
    if let Some((key, _)) = speaker.1 {
        a = a.with_key(key);
    }
    a
}

/// Three reports with claims: an accusation and its denial, two incompatible figures,
/// and a demand that contradicts nothing.
fn claims_server() -> Server {
    use serde_json::json;
    use spillover_doc::{Doc, Layer, Report, ReportId, Span};
    use spillover_store::{SqliteStore, Store};
    let db = fresh_db("api-claims");
    let mut store = SqliteStore::open(&db).expect("open");
    let reports = [
        (
            "c0ffee01",
            "2023-12-20",
            "Pakistan accused the Taliban of harbouring militants, officials said. ISKP has up to 6,500 members, officials said.",
        ),
        (
            "c0ffee02",
            "2024-01-05",
            "The Taliban denied harbouring militants. A UN report said ISKP has 10,000 members.",
        ),
        ("c0ffee03", "2024-03-01", "Pakistan demanded action, sources said."),
    ];
    for (i, (id, published, text)) in reports.iter().enumerate() {
        let mut r = Report::from_text(ReportId(id.to_string()), *text);
        r.title = Some(format!("Report {i}, with a comma"));
        r.published = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let mut d = Doc::new(r);
        d.set_sentences(vec![Span::new(0, text.len()).expect("span")])
            .expect("sentences");
        let prop = |scope: &str| json!({"subject": "taliban", "predicate": "harbours_militants", "scope": scope, "negated": false});
        let iskp = |value: f64, bound: &str| json!({"about": ["iskp"], "figures": [{"subject": "iskp", "unit": "member", "value": value, "bound": bound}]});
        let claims = match i {
            0 => vec![
                claim(
                    text,
                    "Pakistan accused the Taliban of harbouring militants",
                    ("Pakistan", Some(("pak", "Pakistan"))),
                    "accused",
                    "the Taliban of harbouring militants",
                    "accuses",
                    json!({"about": ["taliban"], "proposition": prop("AFG"), "date": {"value": "2023-12-19", "granularity": "day", "origin": "text"}}),
                ),
                claim(
                    text,
                    "ISKP has up to 6,500 members, officials said",
                    ("officials", None),
                    "said",
                    "ISKP has up to 6,500 members",
                    "asserts",
                    iskp(6500.0, "at_most"),
                ),
            ],
            1 => vec![
                claim(
                    text,
                    "The Taliban denied harbouring militants",
                    ("The Taliban", Some(("taliban", "Taliban"))),
                    "denied",
                    "harbouring militants",
                    "denies",
                    json!({"proposition": prop("AFG")}),
                ),
                claim(
                    text,
                    "A UN report said ISKP has 10,000 members",
                    ("A UN report", Some(("un", "United Nations"))),
                    "said",
                    "ISKP has 10,000 members",
                    "asserts",
                    iskp(10000.0, "exact"),
                ),
            ],
            _ => vec![claim(
                text,
                "Pakistan demanded action, sources said",
                ("Pakistan", Some(("pak", "Pakistan"))),
                "demanded",
                "action",
                "demands",
                json!({"proposition": prop("AFG")}),
            )],
        };
        for c in claims {
            d.add(Layer::Claims, c).expect("claim");
        }
        store.put_doc(&d, &[]).expect("put_doc");
    }
    drop(store);
    Server::start(&db, None)
}

#[test]
fn claims_contradictions_and_figures() {
    let s = claims_server();
    let v = get_json(&s, "/api/claims");
    let claims = v["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 5);
    assert!(v["next_cursor"].is_null());
    let texts: Vec<&str> = claims
        .iter()
        .map(|c| c["content"].as_str().expect("content"))
        .collect();
    // The date said, newest first.
    assert_eq!(
        texts,
        [
            "action",
            "ISKP has 10,000 members",
            "harbouring militants",
            "ISKP has up to 6,500 members",
            "the Taliban of harbouring militants"
        ]
    );
    let accusation = &claims[4];
    assert_eq!(accusation["speaker"], "pak");
    assert_eq!(accusation["speaker_name"], "Pakistan");
    assert_eq!(accusation["stance"], "accuses");
    assert_eq!(accusation["date"]["value"], "2023-12-19");
    assert_eq!(accusation["report"], "c0ffee01");
    assert_eq!(accusation["contradictions"], 1);
    assert_eq!(claims[0]["contradictions"], 0);
    let sentence = accusation["sentences"][0]["text"]
        .as_str()
        .expect("sentence");
    assert!(sentence.contains(accusation["text"].as_str().expect("text")));

    // Filters, each narrowing.
    let contents = |q: &str| -> Vec<String> {
        get_json(&s, &format!("/api/claims?{q}"))["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .map(|c| c["content"].as_str().expect("content").to_string())
            .collect()
    };
    assert_eq!(contents("by=pak").len(), 2);
    assert_eq!(contents("by=pak&stance=accuses").len(), 1);
    assert_eq!(contents("about=iskp").len(), 2);
    assert_eq!(contents("about=taliban").len(), 3, "subject taliban");
    assert_eq!(contents("stance=denies"), ["harbouring militants"]);
    assert_eq!(contents("since=2024-01-01").len(), 3);
    assert_eq!(contents("until=2023-12-31").len(), 2);
    assert_eq!(contents("report=c0ffee02").len(), 2);
    assert_eq!(contents("by=&about=").len(), 5, "empty counts as absent");
    // Pages of two.
    let page = get_json(&s, "/api/claims?limit=2");
    let cursor = page["next_cursor"].as_str().expect("more");
    let next = get_json(&s, &format!("/api/claims?limit=2&cursor={cursor}"));
    assert_eq!(next["claims"][0]["content"], texts[2]);

    // JSON Lines and CSV.
    let (status, ct, body) = get(&s, "/api/claims?format=jsonl");
    assert_eq!(status, 200);
    assert!(ct.starts_with("application/x-ndjson"), "{ct}");
    assert_eq!(body.lines().count(), 5);
    let (status, ct, body) = get(&s, "/api/claims?format=csv&by=pak");
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/csv"), "{ct}");
    let rows = parse_csv(&body);
    assert_eq!(rows[0], spillover_server::CLAIM_COLUMNS);
    assert_eq!(rows.len(), 3);
    let col = |name: &str| {
        spillover_server::CLAIM_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("column")
    };
    assert_eq!(rows[2][col("stance")], "accuses");
    assert_eq!(rows[2][col("title")], "Report 0, with a comma");
    assert_eq!(rows[2][col("contradictions")], "1");
    let resp = client()
        .get(s.url("/api/claims?format=csv&limit=1"))
        .send()
        .expect("request");
    assert!(resp.headers().get("x-next-cursor").is_some());

    // Contradictions, both claims side by side with the reason.
    let v = get_json(&s, "/api/contradictions");
    let pairs = v["contradictions"].as_array().expect("contradictions");
    let reasons: Vec<&str> = pairs
        .iter()
        .map(|p| p["reason"].as_str().expect("reason"))
        .collect();
    assert_eq!(
        reasons,
        [
            "figures differ: 6500 vs 10000 member of iskp",
            "accuses vs denies: harbours_militants about taliban"
        ]
    );
    assert_eq!(pairs[1]["a"]["speaker"], "pak");
    assert_eq!(pairs[1]["b"]["speaker"], "taliban");
    assert_eq!(pairs[1]["b"]["report"], "c0ffee02");
    let about = |a: &str| {
        get_json(&s, &format!("/api/contradictions?about={a}"))["contradictions"]
            .as_array()
            .expect("contradictions")
            .len()
    };
    assert_eq!(about("taliban"), 1);
    assert_eq!(about("iskp"), 1);
    assert_eq!(about("un"), 1);
    assert_eq!(about("nobody"), 0);
    assert_eq!(
        get_json(&s, "/api/contradictions?limit=1")["contradictions"]
            .as_array()
            .expect("contradictions")
            .len(),
        1
    );

    // Figures by date.
    let v = get_json(&s, "/api/figures?subject=iskp&unit=member");
    assert_eq!(v["subject"], "iskp");
    let values: Vec<f64> = v["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .map(|f| f["value"].as_f64().expect("value"))
        .collect();
    assert_eq!(values, [6500.0, 10000.0]);
    assert_eq!(v["figures"][1]["speaker"], "un");
    assert_eq!(v["figures"][0]["bound"], "at_most");
    assert_eq!(
        get_json(&s, "/api/figures?subject=iskp")["figures"]
            .as_array()
            .expect("figures")
            .len(),
        2
    );
    assert!(
        get_json(&s, "/api/figures?subject=iskp&unit=attack")["figures"]
            .as_array()
            .expect("figures")
            .is_empty()
    );

    for bad in [
        "/api/claims?stance=claims",
        "/api/claims?since=2024-13-01",
        "/api/claims?since=2024-02-01&until=2024-01-01",
        "/api/claims?limit=0",
        "/api/claims?limit=1001",
        "/api/claims?format=xml",
        "/api/claims?cursor=junk",
        "/api/claims?speaker=pak",
        "/api/contradictions?limit=501",
        "/api/contradictions?by=pak",
        "/api/figures",
        "/api/figures?subject=",
        "/api/figures?subject=iskp&subject=ttp",
    ] {
        let (status, ct, body) = get(&s, bad);
        assert_error(status, &ct, &body, 400, "bad_request");
    }
}

#[test]
fn events_as_json_csv_and_geojson_with_filters() {
    let s = samples_server();
    let all = get_json(s, "/api/events?status=all&limit=1000");
    let events = all["events"].as_array().expect("events");
    assert!(!events.is_empty(), "the samples code no events");
    let happened = get_json(s, "/api/events?limit=1000");
    let happened = happened["events"].as_array().expect("events");
    assert!(happened.len() <= events.len());
    assert!(happened.iter().all(|e| e["status"] == "happened"));
    // A type filter keeps that type only.
    let plover = events[0]["plover"].as_str().expect("plover").to_string();
    let typed = get_json(
        s,
        &format!("/api/events?status=all&type={plover}&limit=1000"),
    );
    let typed = typed["events"].as_array().expect("events");
    assert!(!typed.is_empty() && typed.len() <= events.len());
    assert!(typed.iter().all(|e| e["plover"] == plover.as_str()));
    // A report filter keeps that report's events only, by id or prefix.
    let report = events[0]["report"].as_str().expect("report").to_string();
    let of_report = get_json(
        s,
        &format!("/api/events?status=all&report={}&limit=1000", &report[..8]),
    );
    let of_report = of_report["events"].as_array().expect("events");
    let expected = events
        .iter()
        .filter(|e| e["report"] == report.as_str())
        .count();
    assert!(expected > 0 && expected < events.len());
    assert_eq!(of_report.len(), expected);
    assert!(of_report.iter().all(|e| e["report"] == report.as_str()));
    let none = get_json(s, "/api/events?status=all&report=ffffffff");
    assert_eq!(none["events"].as_array().map(Vec::len), Some(0));
    // Pages by cursor cover what one big page does.
    let first = get_json(s, "/api/events?status=all&limit=1");
    if events.len() > 1 {
        let cursor = first["next_cursor"].as_str().expect("cursor");
        let second = get_json(
            s,
            &format!("/api/events?status=all&limit=1&cursor={cursor}"),
        );
        assert_eq!(second["events"][0]["id"], events[1]["id"]);
        let by_offset = get_json(s, "/api/events?status=all&limit=1&offset=1");
        assert_eq!(by_offset["events"][0]["id"], events[1]["id"]);
    }
    let (status, ct, body) = get(s, "/api/events?status=all&format=csv");
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/csv"), "{ct}");
    let rows = parse_csv(&body);
    assert_eq!(rows[0], spillover_store::EVENT_CSV_COLUMNS);
    assert_eq!(rows.len(), events.len() + 1);
    let (status, ct, body) = get(s, "/api/events?status=all&format=geojson&limit=1000");
    assert_eq!(status, 200);
    assert!(ct.starts_with("application/geo+json"), "{ct}");
    let geo: Value = serde_json::from_str(&body).expect("geojson");
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().expect("features");
    assert_eq!(features.len(), events.len());
    for f in features {
        assert_eq!(f["type"], "Feature");
        let g = &f["geometry"];
        assert!(g.is_null() || g["type"] == "Point", "{g}");
    }
    for bad in [
        "/api/events?status=sometimes",
        "/api/events?format=kml",
        "/api/events?near=AFG",
        "/api/events?border=AFG",
        "/api/events?offset=-1",
    ] {
        let (status, ct, body) = get(s, bad);
        assert_error(status, &ct, &body, 400, "bad_request");
    }
}

#[test]
fn indicator_series_per_place_and_period() {
    let s = samples_server();
    let all = get_json(s, "/api/indicators?interval=month");
    assert_eq!(all["interval"], "month");
    let series = all["series"].as_array().expect("series");
    assert!(!series.is_empty(), "the samples raise no indicator");
    // Largest first; the points add up to the totals and cover the same months.
    let totals: Vec<u64> = series
        .iter()
        .map(|x| x["mentions"].as_u64().expect("mentions"))
        .collect();
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
    let months = series[0]["points"].as_array().expect("points").len();
    for x in series {
        let pts = x["points"].as_array().expect("points");
        assert_eq!(pts.len(), months);
        let sum: u64 = pts
            .iter()
            .map(|p| p["mentions"].as_u64().unwrap_or(0))
            .sum();
        assert_eq!(sum, x["mentions"].as_u64().unwrap_or(0));
        assert!(pts
            .iter()
            .all(|p| p["period"].as_str().is_some_and(|d| d.ends_with("-01"))));
        assert!(x["reports"].as_u64() <= x["mentions"].as_u64());
    }
    assert_eq!(series[0]["points"][0]["period"], all["from"]);
    // One indicator, split by country: the same total as its overall series.
    let name = series[0]["indicator"]
        .as_str()
        .expect("indicator")
        .to_string();
    let by_country = get_json(
        s,
        &format!("/api/indicators?indicator={name}&by=country&interval=week&limit=1000"),
    );
    let parts = by_country["series"].as_array().expect("series");
    assert!(parts.iter().all(|x| x["indicator"] == name.as_str()));
    let split: u64 = parts
        .iter()
        .map(|x| x["mentions"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(split, totals[0]);
    assert!(parts.iter().any(|x| x["key"].is_string()));
    // A country filter keeps that country's series only.
    if let Some(c) = parts.iter().find_map(|x| x["key"].as_str()) {
        let one = get_json(
            s,
            &format!("/api/indicators?by=country&country={c}&limit=1000"),
        );
        let keys: Vec<&Value> = one["series"]
            .as_array()
            .expect("series")
            .iter()
            .map(|x| &x["key"])
            .collect();
        assert!(!keys.is_empty() && keys.iter().all(|k| *k == c), "{keys:?}");
    }
    // Near a border: every series is of that border.
    let near = get_json(s, "/api/indicators?by=border&border=AFG-TJK&km=100");
    for x in near["series"].as_array().expect("series") {
        assert_eq!(x["key"], "AFG-TJK");
    }
    // Reports raising that indicator: each has it in its indicators layer, and there are
    // at least as many as the series counts (undated reports raise it but count on no day).
    let reports = get_json(s, &format!("/api/reports?indicator={name}&limit=500"));
    let reports = reports["reports"].as_array().expect("reports");
    assert!(!reports.is_empty());
    for r in reports {
        let id = r["id"].as_str().expect("id");
        let full = get_json(s, &format!("/api/reports/{id}"));
        let raised = full["layers"]["indicators"]
            .as_array()
            .is_some_and(|l| l.iter().any(|a| a["label"] == name.as_str()));
        assert!(raised, "{id} does not raise {name}");
    }
    assert!(reports.len() as u64 >= series[0]["reports"].as_u64().unwrap_or(0));
    // CSV: one row per series and period.
    let (status, ct, body) = get(s, "/api/indicators?interval=month&format=csv");
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/csv"), "{ct}");
    let rows = parse_csv(&body);
    assert_eq!(rows[0], spillover_store::SERIES_CSV_COLUMNS);
    assert_eq!(rows.len(), 1 + series.len() * months);
    for bad in [
        "/api/indicators?interval=fortnight",
        "/api/indicators?by=planet",
        "/api/indicators?attributed=maybe",
        "/api/indicators?format=geojson",
        "/api/indicators?indicator=drop%20table",
        "/api/indicators?limit=0",
    ] {
        let (status, ct, body) = get(s, bad);
        assert_error(status, &ct, &body, 400, "bad_request");
    }
}

#[test]
fn claims_as_geojson_are_placed_by_their_content() {
    let s = samples_server();
    let all = get_json(s, "/api/claims?limit=1000");
    let claims = all["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    let (status, ct, body) = get(s, "/api/claims?format=geojson&limit=1000");
    assert_eq!(status, 200);
    assert!(ct.starts_with("application/geo+json"), "{ct}");
    let geo: Value = serde_json::from_str(&body).expect("geojson");
    let features = geo["features"].as_array().expect("features");
    assert_eq!(features.len(), claims.len());
    let mut placed = 0;
    for (f, c) in features.iter().zip(claims) {
        assert_eq!(f["id"], c["id"]);
        let place = &c["place"];
        if f["geometry"].is_null() {
            continue;
        }
        placed += 1;
        assert_eq!(f["geometry"]["type"], "Point");
        assert_eq!(f["geometry"]["coordinates"][0], place["lon"]);
        assert_eq!(f["geometry"]["coordinates"][1], place["lat"]);
        // the place is a mention inside the claim
        let (ps, pe) = (
            place["start"].as_u64().unwrap(),
            place["end"].as_u64().unwrap(),
        );
        assert!(
            c["start"].as_u64().unwrap() <= ps && pe <= c["end"].as_u64().unwrap(),
            "{c}"
        );
    }
    assert!(placed > 0, "no claim of the samples names a mappable place");
}
