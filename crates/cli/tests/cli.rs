//! End-to-end tests: the real `spillover` binary on the sample reports, in temp folders.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_spillover"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn samples() -> PathBuf {
    root().join("data/samples")
}

fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.is_dir().then_some(p)
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run spillover")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn db_count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Runs `spillover ingest` and returns (exit code, stdout, stderr).
fn ingest(db: &Path, args: &[&str]) -> (i32, String, String) {
    let o = run(bin().arg("ingest").arg("--db").arg(db).args(args));
    (o.status.code().unwrap_or(-1), stdout(&o), stderr(&o))
}

#[test]
fn ingesting_the_samples_twice_stores_them_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let s = samples().display().to_string();
    let (code, out, err) = ingest(&db, &[&s]);
    assert_eq!(code, 0, "{out}\n{err}");
    let first = db_count(&db, "SELECT COUNT(*) FROM reports");
    assert!(first >= 30, "only {first} reports stored: {out}");
    assert!(
        db_count(&db, "SELECT COUNT(*) FROM near_duplicates") >= 3,
        "near-duplicates linked"
    );
    // The exact duplicate among the samples was read but stored once.
    assert!(
        out.contains("already stored") && !out.contains(" 0 already stored"),
        "{out}"
    );

    let (code, out, _) = ingest(&db, &[&s]);
    assert_eq!(code, 0);
    assert!(
        out.contains(" 0 stored"),
        "unchanged inputs are skipped: {out}"
    );
    let (code, out, _) = ingest(&db, &[&s, "--force"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(" 0 stored"),
        "re-read inputs store nothing new: {out}"
    );
    assert_eq!(db_count(&db, "SELECT COUNT(*) FROM reports"), first);
}

#[test]
fn a_killed_ingest_leaves_nothing_half_stored_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let o = run(bin()
        .args(["gen-corpus", "--reports", "4000", "--seed", "7", "--out"])
        .arg(&corpus));
    assert!(o.status.success(), "{}", stderr(&o));
    let db = dir.path().join("k.db");
    let mut child = bin()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some reports are in, then kill without warning.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let n = if db.exists() {
            rusqlite::Connection::open(&db)
                .and_then(|c| {
                    c.query_row("SELECT COUNT(*) FROM reports", [], |r| r.get::<_, i64>(0))
                })
                .unwrap_or(0)
        } else {
            0
        };
        if n > 200 || std::time::Instant::now() > deadline {
            break;
        }
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
    }
    child.kill().ok();
    child.wait().unwrap();
    let partial = db_count(&db, "SELECT COUNT(*) FROM reports");
    assert!(partial > 0 && partial < 4000, "killed mid-way: {partial}");
    let orphans = "SELECT COUNT(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.report_rid = r.rid)";
    assert_eq!(
        db_count(&db, orphans),
        0,
        "every stored report has its sentences"
    );
    assert_eq!(db_count(&db, "SELECT COUNT(*) FROM reports_fts"), partial);

    let (code, out, err) = ingest(&db, &[corpus.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}\n{err}");
    let distinct = db_count(&db, "SELECT COUNT(*) FROM reports");
    let o = run(bin().args(["gen-corpus", "--reports", "4000", "--seed", "7"]));
    let mut ids = std::collections::HashSet::new();
    for line in stdout(&o).lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        ids.insert(
            v["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    assert_eq!(
        distinct as usize,
        ids.len(),
        "rerun completed the batch, nothing twice"
    );
    assert_eq!(db_count(&db, orphans), 0);
    let ok: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn hostile_inputs_get_errors_and_the_rest_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    std::fs::write(
        inbox.join("good.txt"),
        "Border guards in Khatlon detained three men carrying weapons, officials said on Monday.",
    )
    .unwrap();
    std::fs::write(inbox.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(inbox.join("latin1.txt"), b"Caf\xe9 in Herat").unwrap();
    std::fs::write(
        inbox.join("cut.html"),
        "<html><body><article><h1>Clash at Chaman</h1><p>Pakistani and Afghan forces exchanged fire at Chaman on Sunday, officials said.</p><p>Traders were stranded at the cro",
    )
    .unwrap();
    std::fs::write(inbox.join("broken.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item><title>unterminated").unwrap();
    std::fs::write(
        inbox.join("nul.jsonl"),
        "{\"text\": \"Fine record about Zahedan.\"}\n{broken\n",
    )
    .unwrap();
    // A 2 GB file that costs no disk: sparse.
    let huge = std::fs::File::create(inbox.join("huge.txt")).unwrap();
    huge.set_len(2 * 1024 * 1024 * 1024).unwrap();
    drop(huge);

    let db = dir.path().join("h.db");
    let (code, out, err) = ingest(&db, &[inbox.to_str().unwrap()]);
    assert_eq!(code, 2, "partial failure exits 2: {out}\n{err}");
    for needle in [
        "binary.txt",
        "latin1.txt",
        "broken.xml",
        "huge.txt",
        "nul.jsonl:2",
    ] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("error: ") && l.contains(needle)),
            "no error line for {needle}:\n{err}"
        );
    }
    assert!(err.contains("too large"), "{err}");
    let stored = db_count(&db, "SELECT COUNT(*) FROM reports");
    assert_eq!(
        stored, 3,
        "good.txt, the truncated page's text and the good JSONL record: {out}"
    );
    assert_eq!(
        db_count(
            &db,
            "SELECT COUNT(*) FROM reports WHERE text LIKE '%exchanged fire at Chaman%'"
        ),
        1
    );
}

#[test]
fn extract_json_has_every_array_with_exact_spans() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared not present");
        return;
    };
    let seed = shared.join("examples/seed-report.txt");
    let o = run(bin()
        .arg("extract")
        .arg(&seed)
        .args(["--published", "2023-12-20", "--json"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let text = std::fs::read_to_string(&seed).unwrap();
    for key in [
        "sentences",
        "entities",
        "actors",
        "places",
        "dates",
        "quantities",
        "claims",
        "events",
    ] {
        let items = v[key].as_array().unwrap_or_else(|| panic!("{key} missing"));
        for it in items {
            let (s, e) = (
                it["start"].as_u64().unwrap() as usize,
                it["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], it["text"].as_str().unwrap(), "{key} span");
        }
    }
    let sentences: Vec<&str> = v["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(sentences[0], "Photo: CSTO");
    assert_eq!(
        sentences[1],
        "The Region Grows Worried of Security Spillovers as Taliban Consolidates Power"
    );
    assert!(
        sentences[2].starts_with("The Secretary General")
            && sentences[2].ends_with("CSTO member states.")
    );
    assert!(sentences.contains(&"Formed in 2002, the Collective Security Treaty Organization (CSTO) is an intergovernmental military alliance within the Eurasian region."));
    assert!(sentences.iter().any(|s| s.starts_with(
        "In February, the Chief of the CSTO Joint Staff, Colonel General Anatoly Sidorov claimed"
    ) && s.ends_with("Takhar provinces.")));
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("Fortunately, all of these attempts") && s.ends_with("he said.")));
    assert_eq!(v["report"]["published"], "2023-12-20");
    // Dates and figures of the worked example, resolved against the publication date.
    let dates: Vec<(&str, &str)> = v["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["text"].as_str().unwrap(), d["key"].as_str().unwrap_or("")))
        .collect();
    for (text, value) in [
        ("Tuesday, December 19", "2023-12-19"),
        ("Sunday, December 17", "2023-12-17"),
        ("March", "2023-03"),
        ("February", "2023-02"),
        ("2002", "2002"),
    ] {
        assert!(
            dates.iter().any(|d| d.0.ends_with(text) && d.1 == value),
            "{text} → {value} missing from {dates:?}"
        );
    }
    let since = v["dates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"].as_str().unwrap().starts_with("since the Taliban"));
    assert_eq!(
        since.map(|d| d["from"].as_str().unwrap_or("")),
        Some("2021-08-15")
    );
    let figures: Vec<&str> = v["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["key"].as_str().unwrap_or(""))
        .collect();
    for key in ["<=6500", "4000", "+60%"] {
        assert!(figures.contains(&key), "{key} missing from {figures:?}");
    }
    // Places of the worked example, with precision: towns are points, provinces and
    // countries areas, the Tajik-Afghan border a line between two countries.
    let places: Vec<(String, String, String)> = v["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["text"].as_str().unwrap().to_string(),
                p["precision"].as_str().unwrap_or("").to_string(),
                p["country"]
                    .as_str()
                    .or(p["key"].as_str())
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    for (text, precision, country) in [
        ("Moscow", "point", "RUS"),
        ("Dushanbe", "point", "TJK"),
        ("Badakhshan", "admin1", "AFG"),
        ("Kunduz", "admin1", "AFG"),
        ("Takhar", "admin1", "AFG"),
        ("Afghanistan", "country", "AFG"),
        ("Tajikistan", "country", "TJK"),
        ("Pakistan", "country", "PAK"),
        ("Iran", "country", "IRN"),
        ("northern Afghanistan", "region", "AFG"),
        ("Tajik-Afghan border", "border", "AFG-TJK"),
    ] {
        assert!(
            places
                .iter()
                .any(|p| p.0 == text && p.1 == precision && p.2 == country),
            "{text} ({precision}, {country}) missing from {places:?}"
        );
    }
    assert!(
        !places.iter().any(|p| p.0 == "March" || p.0 == "February"),
        "{places:?}"
    );
    let dushanbe = v["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["text"] == "Dushanbe")
        .unwrap();
    assert!(dushanbe["border_km"].as_f64().is_some_and(|km| km < 100.0));
    assert!(!v["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["text"].as_str().unwrap().contains("16th")));
}

#[test]
fn extract_jsonl_gives_one_line_per_input_line() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("b.jsonl");
    std::fs::write(
        &batch,
        "{\"text\":\"Iran reopened the Milak crossing. Trade resumed.\",\"published\":\"2024-01-02\"}\nnot json\n{\"html\":\"<p>Uzbek guards patrolled Termez.</p>\"}\n",
    )
    .unwrap();
    let o = run(bin().arg("extract").arg("--jsonl").arg(&batch));
    assert_eq!(o.status.code(), Some(2), "one bad line");
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["sentences"].as_array().unwrap().len(), 2);
    assert!(lines[1]["error"].as_str().unwrap().contains(":2"));
    assert_eq!(lines[2]["line"], 3);
}

#[test]
fn reports_search_and_show_by_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let (code, _, err) = ingest(&db, &[samples().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let o = run(bin()
        .args(["reports", "--db"])
        .arg(&db)
        .args(["--search", "Torkham", "--json"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let hits: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!hits.is_empty());
    let id = hits[0]["id"].as_str().unwrap();
    let o = run(bin().arg("show").arg(&id[..8]).arg("--db").arg(&db));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("sentences ("));
    // News terms that are not FTS5 syntax still search.
    let o =
        run(bin()
            .args(["reports", "--db"])
            .arg(&db)
            .args(["--search", "Jaish al-Adl", "--json"]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).trim().is_empty());
    let o = run(bin()
        .args(["reports", "--db"])
        .arg(&db)
        .args(["--since", "2030-01-01", "--json"]));
    assert!(stdout(&o).trim().is_empty());
}

#[test]
fn eval_prints_the_metric_keys_of_every_task() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "ner",
            r#"{"id":"a","text":"Sidorov spoke in Moscow.","date":null,"source":"t","entities":[{"start":0,"end":7,"label":"PER"}]}"#,
            vec!["precision", "recall", "f1", "per_label"],
        ),
        (
            "geo",
            r#"{"id":"a","text":"Sidorov spoke in Moscow.","date":null,"source":"t","toponyms":[{"start":17,"end":23,"name":"Moscow","lat":55.75,"lon":37.62,"geonameid":524901}]}"#,
            vec!["found", "acc161", "mean_km", "median_km", "auc"],
        ),
        (
            "time",
            r#"{"id":"a","text":"He spoke on Tuesday.","date":"2023-12-20","source":"t","timexes":[{"start":12,"end":19,"type":"DATE","value":"2023-12-19"}]}"#,
            vec!["strict_f1", "relaxed_f1", "type_acc", "value_acc"],
        ),
        (
            "attribution",
            r#"{"id":"a","text":"Rain is coming, he said.","date":null,"source":"t","attributions":[{"source":[[16,18]],"cue":[[19,23]],"content":[[0,14]]}]}"#,
            vec!["source_f1", "cue_f1", "content_f1", "triple_acc"],
        ),
        (
            "events",
            r#"{"id":"a","text":"Pakistan accused Afghanistan.","date":null,"source":"t","events":[{"source":"PAK","target":"AFG","cameo":"112","plover":"ACCUSE"}]}"#,
            vec!["precision", "recall", "f1", "type_f1", "cameo_root_f1"],
        ),
    ];
    for (task, line, keys) in cases {
        let gold = dir.path().join(format!("{task}.jsonl"));
        std::fs::write(&gold, format!("{line}\n")).unwrap();
        let o = run(bin()
            .args(["eval", task, "--gold"])
            .arg(&gold)
            .arg("--json"));
        assert!(o.status.success(), "{task}: {}", stderr(&o));
        let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        for k in [
            "task",
            "gold",
            "docs",
            "seconds",
            "docs_per_sec",
            "words_per_sec",
        ]
        .iter()
        .chain(keys.iter())
        {
            assert!(v.get(*k).is_some(), "{task}: no {k} in {v}");
        }
        assert_eq!(v["task"], task);
        assert_eq!(v["docs"], 1);
        let table = run(bin().args(["eval", task, "--gold"]).arg(&gold));
        assert!(table.status.success() && !stdout(&table).trim().is_empty());
    }
}

#[test]
fn demo_runs_on_the_samples_and_prints_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let o = run(bin()
        .arg("demo")
        .arg("--db")
        .arg(&db)
        .current_dir(dir.path()));
    assert!(o.status.success(), "{}\n{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    for needle in [
        "ingest",
        "near-duplicates",
        "newest reports",
        "explore",
        "spillover show",
    ] {
        assert!(out.contains(needle), "{needle} missing from\n{out}");
    }
    assert!(db_count(&db, "SELECT COUNT(*) FROM reports") >= 30);
    // The demo never wipes a database that is not marked as a demo one.
    let real = dir.path().join("news.db");
    std::fs::write(&real, b"not a demo").unwrap();
    let o = run(bin().arg("demo").arg("--db").arg(&real));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&real).unwrap(), b"not a demo");
}

#[test]
fn usage_errors_and_closed_pipes_exit_cleanly() {
    let o = run(bin().args(["reports", "--since", "nope"]));
    assert_eq!(
        o.status.code(),
        Some(64),
        "usage errors are not the partial-failure code 2"
    );
    let o = run(bin().arg("--version"));
    assert!(o.status.success());
    // `gen-corpus | head -c 100`: the reader closes the pipe early.
    let mut child = bin()
        .args(["gen-corpus", "--reports", "5000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

/// Two reports with claims in the shape the claims stage writes: an accusation and its
/// denial, and two incompatible figures.
fn claims_db(db: &Path) {
    use serde_json::json;
    use spillover_doc::{Annotation, Doc, Layer, Report, ReportId, Span};
    use spillover_store::{SqliteStore, Store};
    let mut store = SqliteStore::open(db).unwrap();
    let reports = [
        (
            "Islamabad presses Kabul",
            "2023-12-20",
            "Pakistan accused the Taliban of harbouring militants. Officials said ISKP has up to 6,500 members.",
            vec![
                ("Pakistan accused the Taliban of harbouring militants", "Pakistan", Some("pak"), "accused", "the Taliban of harbouring militants", "accuses"),
                ("Officials said ISKP has up to 6,500 members", "Officials", None, "said", "ISKP has up to 6,500 members", "asserts"),
            ],
        ),
        (
            "Kabul rejects claims",
            "2024-01-05",
            "The Taliban denied harbouring militants. A UN report said ISKP has 10,000 members.",
            vec![
                ("The Taliban denied harbouring militants", "The Taliban", Some("taliban"), "denied", "harbouring militants", "denies"),
                ("A UN report said ISKP has 10,000 members", "A UN report", Some("un"), "said", "ISKP has 10,000 members", "asserts"),
            ],
        ),
    ];
    for (title, published, text, claims) in reports {
        let mut r = Report::from_text(ReportId(format!("{:032x}", title.len())), text);
        r.title = Some(title.into());
        r.published = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let mut d = Doc::new(r);
        d.set_sentences(vec![Span::new(0, text.len()).unwrap()])
            .unwrap();
        for (whole, who, key, cue, content, stance) in claims {
            let s = text.find(whole).unwrap();
            let at = |part: &str| {
                let p = s + whole.find(part).unwrap();
                json!([p, p + part.len()])
            };
            let figures = match content {
                "ISKP has up to 6,500 members" => {
                    json!([{"subject": "iskp", "unit": "member", "value": 6500.0, "bound": "at_most"}])
                }
                "ISKP has 10,000 members" => {
                    json!([{"subject": "iskp", "unit": "member", "value": 10000.0, "bound": "exact"}])
                }
                _ => json!([]),
            };
            let predicate = figures
                .as_array()
                .unwrap()
                .is_empty()
                .then_some("harbours_militants");
            let attrs = json!({
                "source_spans": [at(who)], "cue_spans": [at(cue)], "content_spans": [at(content)],
                "speaker": key.map(|k| json!({"key": k, "name": who})), "speaker_text": who,
                "cue": cue, "stance": stance, "hedged": false, "direct": false,
                "about": if predicate.is_some() { json!(["taliban"]) } else { json!(["iskp"]) },
                "proposition": {"subject": null, "predicate": predicate, "scope": predicate.map(|_| "AFG"), "negated": false},
                "figures": figures,
            });
            let mut a =
                Annotation::new(Span::new(s, s + whole.len()).unwrap(), stance, "test", 0.8)
                    .with_attrs(attrs);
            if let Some(k) = key {
                a = a.with_key(k);
            }
            d.add(Layer::Claims, a).unwrap();
        }
        store.put_doc(&d, &[]).unwrap();
    }
}

#[test]
fn claims_contradictions_and_figures_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    claims_db(&db);
    let o = run(bin().args(["claims", "--db"]).arg(&db));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("4 claim(s)"), "{out}");
    assert!(
        out.contains("Pakistan (pak)") && out.contains("accuses"),
        "{out}"
    );
    let o = run(bin()
        .args(["claims", "--db"])
        .arg(&db)
        .args(["--by", "taliban", "--json"]));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["stance"], "denies");
    assert_eq!(lines[0]["contradictions"], 1);
    let o = run(bin().args(["claims", "--db"]).arg(&db).args([
        "--about",
        "iskp",
        "--since",
        "2024-01-01",
        "--json",
    ]));
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = run(bin()
        .args(["claims", "--db"])
        .arg(&db)
        .args(["--stance", "claims"]));
    assert_eq!(
        o.status.code(),
        Some(64),
        "an unknown stance is a usage error"
    );

    let o = run(bin().args(["contradictions", "--db"]).arg(&db));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("accuses vs denies: harbours_militants in AFG"),
        "{out}"
    );
    assert!(
        out.contains("figures differ: 6500 vs 10000 member of iskp"),
        "{out}"
    );
    assert!(out.contains("Islamabad presses Kabul") && out.contains("Kabul rejects claims"));
    let o = run(bin()
        .args(["contradictions", "--db"])
        .arg(&db)
        .args(["--about", "taliban", "--json"]));
    let pairs: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0]["a"]["speaker"], "pak");
    assert_eq!(pairs[0]["b"]["speaker"], "taliban");

    let o = run(bin().args(["figures", "iskp", "--db"]).arg(&db));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("≤ 6500") && out.contains("10000"), "{out}");
    assert!(out.contains("2 figure(s) for iskp"), "{out}");
    let o = run(bin()
        .args(["figures", "iskp", "--unit", "attack", "--json", "--db"])
        .arg(&db));
    assert!(o.status.success());
    assert!(stdout(&o).trim().is_empty());
}

/// Three reports with place mentions in the shape the places stage writes: a Tajik
/// border town, the Afghan capital, and a region of Afghanistan.
fn places_db(db: &Path) -> Vec<String> {
    use serde_json::json;
    use spillover_doc::{Annotation, Doc, Layer, Report, ReportId, Span};
    use spillover_store::{SqliteStore, Store};
    let mut store = SqliteStore::open(db).unwrap();
    let panj = json!({"name": "Panj", "country": "TJK", "admin1": "Khatlon", "lat": 37.23634,
        "lon": 69.09911, "kind": "city", "precision": "point", "border_km": 2.1,
        "border_pair": "AFG-TJK"});
    let kabul = json!({"name": "Kabul", "country": "AFG", "admin1": "Kabul", "lat": 34.52813,
        "lon": 69.17233, "kind": "capital", "precision": "point", "border_km": 96.2,
        "border_pair": "AFG-PAK"});
    let north = json!({"name": "Afghanistan", "country": "AFG", "lat": 33.836, "lon": 66.008,
        "kind": "country", "precision": "region", "direction": "north", "border_km": 293.7,
        "border_pair": "AFG-PAK"});
    let reports = [
        (
            "2024-06-14",
            "Guards clashed near Panj.",
            "Panj",
            "1220750",
            "city",
            panj,
        ),
        (
            "2024-07-01",
            "Talks were held in Kabul.",
            "Kabul",
            "1138958",
            "capital",
            kabul,
        ),
        (
            "2024-08-01",
            "Fighting in northern Afghanistan.",
            "northern Afghanistan",
            "1149361",
            "region",
            north,
        ),
    ];
    let mut ids = Vec::new();
    for (i, (published, text, word, key, label, attrs)) in reports.into_iter().enumerate() {
        let id = format!("{:032x}", i + 1);
        let mut r = Report::from_text(ReportId(id.clone()), text);
        r.published = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let mut d = Doc::new(r);
        d.set_sentences(vec![Span::new(0, text.len()).unwrap()])
            .unwrap();
        let s = text.find(word).unwrap();
        d.add(
            Layer::Places,
            Annotation::new(Span::new(s, s + word.len()).unwrap(), label, "test", 0.9)
                .with_key(key)
                .with_attrs(attrs),
        )
        .unwrap();
        store.put_doc(&d, &[]).unwrap();
        ids.push(id);
    }
    ids
}

#[test]
fn places_and_reports_by_place_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let ids = places_db(&db);
    let lines = |args: &[&str]| -> Vec<Value> {
        let o = run(bin().args(args).arg("--db").arg(&db).arg("--json"));
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stdout(&o)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let o = run(bin().args(["places", "--db"]).arg(&db));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("3 place(s)"), "{out}");
    assert!(out.contains("Panj") && out.contains("AFG-TJK"), "{out}");
    assert!(out.contains("Afghanistan (north)"), "{out}");

    let near = lines(&["places", "--border", "tjk-afg", "--km", "50"]);
    assert_eq!(near.len(), 1);
    assert_eq!(near[0]["name"], "Panj");
    assert_eq!(
        (near[0]["mentions"].as_u64(), near[0]["reports"].as_u64()),
        (Some(1), Some(1))
    );
    // The spelling of issue #7 is an alias.
    assert_eq!(
        lines(&["places", "--near-border", "AFG-TJK", "--km", "50"]),
        near
    );
    assert_eq!(lines(&["places", "--bbox", "68,36,70,38"]), near);
    let afghan: Vec<Value> = lines(&["places", "--country", "afg"]);
    let keys: Vec<&str> = afghan.iter().map(|p| p["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["1138958", "region:AFG:north"]);
    // A region of a country is not located by its reference point.
    assert!(lines(&["places", "--bbox", "65,33,67,35"]).is_empty());
    assert!(lines(&["places", "--since", "2024-09-01"]).is_empty());

    let report_ids = |args: &[&str]| -> Vec<String> {
        lines(args)
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        report_ids(&["reports", "--country", "TJK"]),
        [ids[0].clone()]
    );
    assert_eq!(
        report_ids(&["reports", "--border", "AFG-PAK", "--km", "100"]),
        [ids[1].clone()]
    );
    assert_eq!(
        report_ids(&["reports", "--country", "AFG"]),
        [ids[2].clone(), ids[1].clone()]
    );
    assert!(report_ids(&["reports", "--country", "TJK", "--km", "1"]).is_empty());

    for bad in [
        ["--bbox", "1,2,3"],
        ["--bbox", "0,10,1,5"],
        ["--border", "AFG"],
        ["--km", "-1"],
        ["--country", "Tajikistan"],
    ] {
        for command in ["places", "reports"] {
            let o = run(bin().arg(command).args(bad).arg("--db").arg(&db));
            assert_eq!(o.status.code(), Some(64), "{command} {bad:?}");
            let flag = bad[0].trim_start_matches('-');
            assert!(
                stderr(&o).contains(&format!("{flag}=")),
                "{command} {bad:?}: {}",
                stderr(&o)
            );
        }
    }
}

#[test]
fn events_from_the_store_as_table_jsonl_csv_and_geojson() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let (code, _, err) = ingest(&db, &[samples().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let events = |args: &[&str]| -> String {
        let o = run(bin().args(["events", "--db"]).arg(&db).args(args));
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stdout(&o)
    };
    let all: Vec<Value> = events(&["--status", "all", "--limit", "1000", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!all.is_empty(), "the samples code no events");
    let stored = db_count(&db, "SELECT COUNT(*) FROM events");
    assert_eq!(all.len() as i64, stored.min(1000));
    let plover = all[0]["plover"].as_str().unwrap();
    let typed = events(&["--status", "all", "--type", plover, "--format", "jsonl"]);
    assert!(typed
        .lines()
        .all(|l| serde_json::from_str::<Value>(l).unwrap()["plover"] == plover));
    let csv = events(&["--status", "all", "--limit", "1000", "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    assert_eq!(header, spillover_store::EVENT_CSV_COLUMNS.join(","));
    let geo: Value = serde_json::from_str(&events(&[
        "--status", "all", "--limit", "1000", "--format", "geojson",
    ]))
    .unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    assert_eq!(geo["features"].as_array().unwrap().len(), all.len());
    let table = events(&["--status", "all", "--limit", "1000"]);
    assert!(
        table.contains(&format!("{} event(s)", all.len())),
        "{table}"
    );
    let o = run(bin()
        .args(["events", "--db"])
        .arg(&db)
        .args(["--status", "maybe"]));
    assert!(!o.status.success());
    let o = run(bin()
        .args(["events", "--db"])
        .arg(&db)
        .args(["--near-border", "AFG"]));
    assert!(!o.status.success());
}

#[test]
fn export_writes_every_page_whole_and_indicators_give_series() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let (code, _, err) = ingest(&db, &[samples().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // every stored event, as GeoJSON, into a file
    let out = dir.path().join("events.geojson");
    let o = run(bin()
        .args([
            "export", "events", "--status", "all", "--format", "geojson", "--db",
        ])
        .arg(&db)
        .arg("-o")
        .arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let geo: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let stored = db_count(&db, "SELECT COUNT(*) FROM events");
    assert_eq!(geo["features"].as_array().unwrap().len() as i64, stored);
    // no temporary file left beside it
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("partial")), "{names:?}");
    // claims as CSV on stdout: a header and one record per stored claim
    let o = run(bin().args(["export", "claims", "--db"]).arg(&db));
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    assert_eq!(
        csv.lines().next().unwrap(),
        spillover_server::CLAIM_COLUMNS.join(",")
    );
    let o = run(bin()
        .args([
            "export", "claims", "--format", "jsonl", "--stance", "denies", "--db",
        ])
        .arg(&db));
    let denials: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(denials.iter().all(|c| c["stance"] == "denies"));
    assert_eq!(
        denials.len() as i64,
        db_count(&db, "SELECT COUNT(*) FROM claims WHERE stance = 'denies'")
    );
    // a filter of the other kind is refused, and nothing is written
    let bad = dir.path().join("bad.csv");
    let o = run(bin()
        .args(["export", "claims", "--type", "ASSAULT", "--db"])
        .arg(&db)
        .arg("-o")
        .arg(&bad));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--type"), "{}", stderr(&o));
    assert!(!bad.exists());

    // indicator series: the CSV's mentions add up to the stored indicators
    let o = run(bin()
        .args([
            "indicators",
            "--interval",
            "month",
            "--limit",
            "1000",
            "--format",
            "csv",
            "--db",
        ])
        .arg(&db));
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<Vec<String>> = stdout(&o)
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    let sum: i64 = rows.iter().map(|r| r[4].parse::<i64>().unwrap()).sum();
    let dated = db_count(&db, "SELECT COUNT(*) FROM indicators WHERE day IS NOT NULL");
    assert!(dated > 0, "the samples raise no indicator");
    assert_eq!(sum, dated);
    let o = run(bin()
        .args([
            "indicators",
            "--by",
            "border",
            "--near-border",
            "AFG-TJK",
            "--km",
            "50",
            "--db",
        ])
        .arg(&db));
    assert!(o.status.success(), "{}", stderr(&o));
    let table = stdout(&o);
    assert!(
        table
            .lines()
            .skip(1)
            .all(|l| l.contains("AFG-TJK") || l.ends_with("series")),
        "{table}"
    );
    let o = run(bin()
        .args(["indicators", "--interval", "fortnight", "--db"])
        .arg(&db));
    assert!(!o.status.success());
}
