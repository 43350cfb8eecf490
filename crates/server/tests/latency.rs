//! List latency with 100,000 stored spans of one layer (ignored: it ingests a large
//! synthetic corpus first). Run it in release:
//!
//! ```text
//! cargo test --release -p spillover-server --test latency -- --ignored --nocapture
//! ```
//!
//! It ingests reports from `spillover_corpus::Generator` (as a JSON Lines batch would be
//! ingested) until the `quantities` layer holds 100,000 spans, starts the server on
//! loopback and measures `GET /api/spans?layer=quantities&limit=50`,
//! `GET /api/reports?limit=50`, `GET /api/actors?limit=20` and the report listings of the
//! most and least reported actors, following cursors into later pages: with `wrk` when it
//! is installed (10 s, 4 connections, `--latency`), and always with a bounded client
//! loop of its own (p50, p99). `SPILLOVER_BENCH_DB=path` keeps and reuses the database.

mod common;

use common::*;
use spillover_pipeline::{link, Pipeline};
use spillover_store::{SqliteStore, Store};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const TARGET_SPANS: usize = 100_000;

/// Spans of `layer` in the store.
fn layer_count(store: &SqliteStore, layer: &str) -> usize {
    let counts = store.counts().expect("counts");
    counts
        .per_layer
        .iter()
        .find(|(l, _)| l == layer)
        .map_or(0, |(_, n)| *n)
}

fn build(db: &std::path::Path) {
    build_until(db, "quantities", TARGET_SPANS);
}

/// Ingests generated reports until `layer` holds `target` spans.
fn build_until(db: &std::path::Path, layer: &str, target: usize) {
    let mut store = SqliteStore::open(db).expect("open");
    let pipeline = Pipeline::standard();
    let mut generator = spillover_corpus::Generator::new(7);
    let started = Instant::now();
    let mut n = layer_count(&store, layer);
    let mut reports = 0;
    let layer_id = spillover_doc::Layer::parse(layer).expect("layer");
    while n < target {
        let line = spillover_corpus::to_jsonl_line(&generator.next_report());
        let report = spillover_ingest::parse_jsonl_record(
            "corpus",
            line.as_bytes(),
            &spillover_ingest::IngestOptions::default(),
        )
        .expect("corpus record");
        let sig = link::signature(&report.text);
        let doc = pipeline.run(report).expect("pipeline");
        n += doc.layer(layer_id).len();
        store.put_doc(&doc, &sig).expect("put_doc");
        reports += 1;
    }
    let c = store.counts().expect("counts");
    eprintln!(
        "built {} reports ({reports} new) with {} spans ({} {layer}) in {:.1} s",
        c.reports,
        c.spans,
        layer_count(&store, layer),
        started.elapsed().as_secs_f64()
    );
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

/// Requests the first page and follows cursors for `pages` pages, over and over, for
/// at most `budget`; returns every request's latency, sorted.
fn client_loop(server: &Server, path: &str, pages: usize, budget: Duration) -> Vec<Duration> {
    let client = client();
    let mut times = Vec::new();
    let started = Instant::now();
    while started.elapsed() < budget && times.len() < 20_000 {
        let mut cursor: Option<String> = None;
        for _ in 0..pages {
            let url = match &cursor {
                Some(c) => server.url(&format!("{path}&cursor={c}")),
                None => server.url(path),
            };
            let t = Instant::now();
            let body = client
                .get(url)
                .send()
                .expect("request")
                .text()
                .expect("body");
            times.push(t.elapsed());
            let v: serde_json::Value = serde_json::from_str(&body).expect("json");
            cursor = v["next_cursor"].as_str().map(str::to_string);
            if cursor.is_none() {
                break;
            }
        }
    }
    times.sort();
    times
}

#[test]
#[ignore = "ingests 100,000 spans first; run in release with --ignored --nocapture"]
fn list_latency_with_100k_spans() {
    let db = std::env::var_os("SPILLOVER_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| fresh_db("latency"));
    build(&db);
    let server = Server::start(&db, None);
    // The most and the least reported actors, for the report listing filtered by actor.
    let actors = get_json(&server, "/api/actors?limit=500");
    let actors = actors["actors"].as_array().expect("actors");
    let key = |a: Option<&serde_json::Value>| {
        a.and_then(|a| a["key"].as_str())
            .expect("the corpus mentions actors")
            .to_string()
    };
    let (top, rare) = (key(actors.first()), key(actors.last()));
    // With dates, actors are counted per request: over the whole corpus (the worst
    // case, reported, not held to the bound) and over its last 30 days.
    let stats = get_json(&server, "/api/stats");
    let last = stats["reports_per_day"]
        .as_array()
        .and_then(|d| d.last())
        .and_then(|d| d["date"].as_str())
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .expect("dated reports");
    let month = format!(
        "/api/actors?since={}&until={last}&limit=20",
        last - chrono::Days::new(30)
    );
    let all_dated = "/api/actors?since=1900-01-01&limit=20";
    let times = client_loop(&server, all_dated, 1, Duration::from_secs(5));
    eprintln!(
        "client loop  GET {all_dated}: {} requests, p50 {:.2} ms, p99 {:.2} ms",
        times.len(),
        percentile(&times, 0.50).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
    );
    for path in [
        month,
        "/api/spans?layer=quantities&limit=50".to_string(),
        "/api/reports?limit=50".to_string(),
        "/api/actors?limit=20".to_string(),
        format!("/api/reports?actor={top}&limit=50"),
        format!("/api/reports?actor={rare}&limit=50"),
    ] {
        measure(&server, &path);
    }
}

/// Measures `path` with the client loop (asserting p99 < 50 ms) and with `wrk`.
fn measure(server: &Server, path: &str) {
    let times = client_loop(server, path, 20, Duration::from_secs(10));
    let (p50, p99) = (percentile(&times, 0.50), percentile(&times, 0.99));
    eprintln!(
        "client loop  GET {path}: {} requests (first 20 pages, repeated), p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        times.last().map_or(0.0, |t| t.as_secs_f64() * 1e3)
    );
    assert!(
        p99 < Duration::from_millis(50),
        "p99 {p99:?} over 50 ms for {path}"
    );
    let wrk = std::process::Command::new("wrk")
        .args(["-t2", "-c4", "-d10s", "--latency", &server.url(path)])
        .output();
    match wrk {
        Ok(out) => eprintln!(
            "wrk -t2 -c4 -d10s --latency {}\n{}",
            server.url(path),
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(e) => eprintln!("wrk not run ({e}); install it with apt-get install wrk"),
    }
}

#[test]
#[ignore = "ingests 100,000 events first; run in release with --ignored --nocapture"]
fn event_list_latency_with_100k_events() {
    let db = std::env::var_os("SPILLOVER_BENCH_EVENTS_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| fresh_db("latency-events"));
    build_until(&db, "events", 100_000);
    let server = Server::start(&db, None);
    let stats = get_json(&server, "/api/stats");
    let last = stats["reports_per_day"]
        .as_array()
        .and_then(|d| d.last())
        .and_then(|d| d["date"].as_str())
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .expect("dated reports");
    let month_ago = last - chrono::Days::new(30);
    // The rarest PLOVER type present, for a selective filter.
    let mut rarest: Option<(String, usize)> = None;
    for t in [
        "ASSAULT", "ACCUSE", "REJECT", "MOBILIZE", "COERCE", "THREATEN", "CONSULT", "AGREE",
        "SANCTION", "PROTEST", "AID", "REQUEST",
    ] {
        let n = get_json(
            &server,
            &format!("/api/events?type={t}&status=all&limit=1000"),
        )["events"]
            .as_array()
            .map_or(0, Vec::len);
        if n > 0 && rarest.as_ref().is_none_or(|(_, m)| n < *m) {
            rarest = Some((t.to_string(), n));
        }
    }
    let (rare, _) = rarest.expect("the corpus codes events");
    for path in [
        "/api/events?limit=50".to_string(),
        "/api/events?status=all&limit=50".to_string(),
        "/api/events?type=ASSAULT&limit=50".to_string(),
        format!("/api/events?type={rare}&status=all&limit=50"),
        "/api/events?country=AFG&limit=50".to_string(),
        "/api/events?border=AFG-TJK&km=50&limit=50".to_string(),
        "/api/events?indicator=border_infiltration&limit=50".to_string(),
        format!("/api/events?since={month_ago}&until={last}&limit=50"),
        "/api/events?format=geojson&limit=50".to_string(),
        "/api/claims?limit=50".to_string(),
    ] {
        measure(&server, &path);
    }
    // Series aggregate every indicator of the window: measured, one page each.
    for path in [
        format!("/api/indicators?interval=week&since={month_ago}&until={last}&by=country"),
        "/api/indicators?interval=month&by=border".to_string(),
    ] {
        let times = client_loop(&server, &path, 1, Duration::from_secs(5));
        eprintln!(
            "client loop  GET {path}: {} requests, p50 {:.2} ms, p99 {:.2} ms",
            times.len(),
            percentile(&times, 0.50).as_secs_f64() * 1e3,
            percentile(&times, 0.99).as_secs_f64() * 1e3,
        );
    }
}
