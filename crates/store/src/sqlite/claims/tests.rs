use crate::{
    ClaimQuery, ClaimRecord, ContradictionQuery, PutOutcome, SqliteStore, Store, StoreError,
};
use chrono::NaiveDate;
use serde_json::{json, Value};
use spillover_doc::{Annotation, Doc, Layer, Report, ReportId, Span};
use std::path::Path;

/// One claim of a test report, in the shape the claims stage writes.
struct Spec {
    /// Test name of the claim.
    name: &'static str,
    /// The whole attribution, as it stands in the text.
    whole: &'static str,
    speaker_text: &'static str,
    cue: &'static str,
    content: &'static [&'static str],
    stance: &'static str,
    /// (key, name)
    speaker: Option<(&'static str, &'static str)>,
    /// date, about, proposition, figures …
    extra: fn() -> Value,
}

fn proposition(subject: Option<&str>, predicate: &str, scope: Option<&str>) -> Value {
    json!({"subject": subject, "predicate": predicate, "scope": scope, "negated": false})
}

fn day(value: &str, origin: &str) -> Value {
    json!({"value": value, "granularity": "day", "origin": origin})
}

/// (id, title, published, text, claims)
type ReportSpec = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static [Spec],
);

const REPORTS: &[ReportSpec] = &[
    (
        "p1",
        "Islamabad presses Kabul",
        Some("2023-12-20"),
        "Pakistan has consistently accused the Taliban of harbouring TTP militants in Afghanistan. Officials said ISKP has up to 6,500 members.",
        &[
            Spec {
                name: "c1",
                whole: "Pakistan has consistently accused the Taliban of harbouring TTP militants in Afghanistan",
                speaker_text: "Pakistan",
                cue: "has consistently accused",
                content: &["the Taliban", "harbouring TTP militants in Afghanistan"],
                stance: "accuses",
                speaker: Some(("pak", "Pakistan")),
                extra: || {
                    json!({
                        "date": day("2023-12-19", "text"),
                        "about": ["taliban", "ttp"],
                        "proposition": proposition(Some("taliban"), "harbours_militants", Some("AFG")),
                    })
                },
            },
            Spec {
                name: "c2",
                whole: "Officials said ISKP has up to 6,500 members",
                speaker_text: "Officials",
                cue: "said",
                content: &["ISKP has up to 6,500 members"],
                stance: "asserts",
                speaker: None,
                extra: || {
                    json!({
                        "date": null,
                        "about": ["iskp"],
                        "figures": [{"subject": "iskp", "unit": "member", "value": 6500.0,
                                     "high": null, "bound": "at_most"}],
                    })
                },
            },
        ],
    ),
    (
        "p2",
        "Kabul rejects claims",
        Some("2024-01-05"),
        "The Taliban denied that Afghan soil is used by militants. A UN report said ISKP has 10,000 members. Pakistan demanded that Kabul act against militants.",
        &[
            Spec {
                name: "c3",
                whole: "The Taliban denied that Afghan soil is used by militants",
                speaker_text: "The Taliban",
                cue: "denied",
                content: &["Afghan soil is used by militants"],
                stance: "denies",
                speaker: Some(("taliban", "Taliban")),
                extra: || {
                    json!({
                        "date": day("2024-01-04", "text"),
                        "about": [],
                        "proposition": proposition(None, "harbours_militants", Some("AFG")),
                    })
                },
            },
            Spec {
                name: "c4",
                whole: "A UN report said ISKP has 10,000 members",
                speaker_text: "A UN report",
                cue: "said",
                content: &["ISKP has 10,000 members"],
                stance: "asserts",
                speaker: Some(("un", "United Nations")),
                extra: || {
                    json!({
                        "date": day("2024-01-04", "text"),
                        "about": ["iskp"],
                        "figures": [{"subject": "iskp", "unit": "member", "value": 10000.0,
                                     "high": null, "bound": "exact"}],
                    })
                },
            },
            Spec {
                name: "c5",
                whole: "Pakistan demanded that Kabul act against militants",
                speaker_text: "Pakistan",
                cue: "demanded",
                content: &["Kabul act against militants"],
                stance: "demands",
                speaker: Some(("pak", "Pakistan")),
                extra: || {
                    json!({
                        "date": day("2024-01-05", "published"),
                        "about": ["afg"],
                        "proposition": proposition(None, "harbours_militants", Some("AFG")),
                    })
                },
            },
        ],
    ),
    (
        "p3",
        "Border infiltration",
        Some("2024-02-20"),
        "Tajikistan said militants crossed into Tajikistan in February. Kabul denied any infiltration into Tajikistan.",
        &[
            Spec {
                name: "c6",
                whole: "Tajikistan said militants crossed into Tajikistan in February",
                speaker_text: "Tajikistan",
                cue: "said",
                content: &["militants crossed into Tajikistan in February"],
                stance: "asserts",
                speaker: Some(("tjk", "Tajikistan")),
                extra: || {
                    json!({
                        "date": {"value": "2024-02", "granularity": "month", "origin": "text"},
                        "about": [],
                        "proposition": proposition(None, "infiltration", Some("TJK")),
                    })
                },
            },
            Spec {
                name: "c7",
                whole: "Kabul denied any infiltration into Tajikistan",
                speaker_text: "Kabul",
                cue: "denied",
                content: &["any infiltration into Tajikistan"],
                stance: "denies",
                speaker: Some(("afg", "Afghanistan")),
                extra: || {
                    json!({
                        "date": day("2024-02-20", "published"),
                        "about": ["tjk"],
                        "proposition": proposition(None, "infiltration", Some("TJK")),
                    })
                },
            },
        ],
    ),
    (
        "p4",
        "Figures and promises",
        Some("2025-06-01"),
        "Analysts said ISKP has 2,000 members. Uzbekistan promised to reopen the Termez crossing.",
        &[
            Spec {
                name: "c8",
                whole: "Analysts said ISKP has 2,000 members",
                speaker_text: "Analysts",
                cue: "said",
                content: &["ISKP has 2,000 members"],
                stance: "asserts",
                speaker: None,
                extra: || {
                    json!({
                        "about": ["iskp"],
                        "figures": [{"subject": "iskp", "unit": "member", "value": 2000.0,
                                     "bound": "exact"}],
                    })
                },
            },
            Spec {
                name: "c9",
                whole: "Uzbekistan promised to reopen the Termez crossing",
                speaker_text: "Uzbekistan",
                cue: "promised",
                content: &["to reopen the Termez crossing"],
                stance: "promises",
                speaker: Some(("uzb", "Uzbekistan")),
                extra: || {
                    json!({
                        "about": [],
                        "proposition": proposition(None, "reopen_crossing", Some("UZB")),
                    })
                },
            },
        ],
    ),
    (
        "p5",
        "Undated warning",
        None,
        "The TTP warned of more attacks.",
        &[Spec {
            name: "c10",
            whole: "The TTP warned of more attacks",
            speaker_text: "The TTP",
            cue: "warned",
            content: &["of more attacks"],
            stance: "warns",
            speaker: Some(("ttp", "Tehrik-i-Taliban Pakistan")),
            extra: || {
                json!({
                    "date": null,
                    "about": ["pak"],
                    "proposition": proposition(None, "attacks", Some("PAK")),
                })
            },
        }],
    ),
];

fn range(text: &str, part: &str) -> [usize; 2] {
    let start = text
        .find(part)
        .unwrap_or_else(|| panic!("{part:?} not in {text:?}"));
    [start, start + part.len()]
}

/// A report with one sentence per ". " and its claims annotated.
fn doc(&(id, title, published, text, claims): &ReportSpec) -> Doc {
    let mut r = Report::from_text(ReportId(id.into()), text);
    r.title = Some(title.into());
    r.published = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
    let mut d = Doc::new(r);
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        sentences.push(Span::new(start, i + 1).unwrap());
        start = i + 2;
    }
    sentences.push(Span::new(start, text.len()).unwrap());
    d.set_sentences(sentences).unwrap();
    for c in claims {
        let [s, e] = range(text, c.whole);
        let within = |part: &str| {
            let [ps, pe] = range(c.whole, part);
            json!([s + ps, s + pe])
        };
        let mut attrs = json!({
            "source_spans": [within(c.speaker_text)],
            "cue_spans": [within(c.cue)],
            "content_spans": c.content.iter().map(|p| within(p)).collect::<Vec<_>>(),
            "speaker": c.speaker.map(|(key, name)| json!({"key": key, "name": name, "kind": "state"})),
            "speaker_text": c.speaker_text,
            "cue": c.cue,
            "stance": c.stance,
            "hedged": false,
            "direct": false,
            "medium": null,
            "proposition": {"subject": null, "predicate": null, "scope": null, "negated": false},
            "figures": [],
        });
        if let (Some(obj), Value::Object(extra)) = (attrs.as_object_mut(), (c.extra)()) {
            obj.extend(extra);
        }
        let mut a =
            Annotation::new(Span::new(s, e).unwrap(), c.stance, "test", 0.8).with_attrs(attrs);
        if let Some((key, _)) = c.speaker {
            a = a.with_key(key);
        }
        d.add(Layer::Claims, a).unwrap();
    }
    d
}

fn fill(store: &mut SqliteStore) {
    for r in REPORTS {
        assert!(matches!(
            store.put_doc(&doc(r), &[]).unwrap(),
            PutOutcome::Stored { .. }
        ));
    }
}

fn file_store(dir: &Path) -> SqliteStore {
    let mut store = SqliteStore::open(&dir.join("claims.db")).unwrap();
    fill(&mut store);
    store
}

/// The test name of a listed claim.
fn name(c: &ClaimRecord) -> &'static str {
    REPORTS
        .iter()
        .flat_map(|r| r.4.iter())
        .find(|s| s.whole == c.text)
        .map(|s| s.name)
        .unwrap_or_else(|| panic!("unknown claim {:?}", c.text))
}

fn names(claims: &[ClaimRecord]) -> Vec<&'static str> {
    claims.iter().map(name).collect()
}

fn list(store: &SqliteStore, q: ClaimQuery) -> Vec<&'static str> {
    names(&store.list_claims(&q).unwrap().items)
}

fn pairs(store: &SqliteStore, about: Option<&str>) -> Vec<(&'static str, &'static str, String)> {
    store
        .list_contradictions(&ContradictionQuery {
            about: about.map(str::to_string),
            limit: None,
        })
        .unwrap()
        .into_iter()
        .map(|c| (name(&c.a), name(&c.b), c.reason))
        .collect()
}

fn count(store: &SqliteStore, table: &str) -> i64 {
    store
        .connection()
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

#[test]
fn claims_are_linked_to_the_claims_they_contradict() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    fill(&mut store);
    // Newest link first; the older claim is `a`. The accusation and the denial in two
    // reports, the figures within 180 days, and two claims of one report.
    assert_eq!(
        pairs(&store, None),
        [
            (
                "c6",
                "c7",
                "asserts vs denies: infiltration in TJK".to_string()
            ),
            (
                "c2",
                "c4",
                "figures differ: 6500 vs 10000 member of iskp".to_string()
            ),
            (
                "c1",
                "c3",
                "accuses vs denies: harbours_militants in AFG".to_string()
            ),
        ]
    );
    // A demand on the same proposition, a promise, a warning, and a figure a year and a
    // half later are linked to nothing.
    let all = store.list_claims(&ClaimQuery::default()).unwrap().items;
    for c in &all {
        let want = usize::from(["c1", "c2", "c3", "c4", "c6", "c7"].contains(&name(c)));
        assert_eq!(c.contradictions, want, "{}", name(c));
    }
    // Either claim's speaker, content actors or subject choose pairs.
    let about = |a: &str| -> Vec<(&str, &str)> {
        pairs(&store, Some(a))
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect()
    };
    assert_eq!(about("taliban"), [("c1", "c3")]);
    assert_eq!(about("pak"), [("c1", "c3")]);
    assert_eq!(about("iskp"), [("c2", "c4")]);
    assert_eq!(about("tjk"), [("c6", "c7")]);
    assert_eq!(about("afg"), [("c6", "c7")]);
    assert!(about("uzb").is_empty());
    let one = store
        .list_contradictions(&ContradictionQuery {
            about: None,
            limit: Some(1),
        })
        .unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].a.report, "p3");
    // The same report stored again adds nothing.
    let links = count(&store, "claim_links");
    let rows = count(&store, "claims");
    assert_eq!(
        store.put_doc(&doc(&REPORTS[1]), &[]).unwrap(),
        PutOutcome::AlreadyStored
    );
    assert_eq!(
        (count(&store, "claim_links"), count(&store, "claims")),
        (links, rows)
    );
    assert_eq!(rows, 10);
}

#[test]
fn claim_records_carry_their_report_speaker_content_and_sentences() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    fill(&mut store);
    let all = store.list_claims(&ClaimQuery::default()).unwrap().items;
    let c1 = all.iter().find(|c| name(c) == "c1").unwrap();
    assert_eq!(c1.report, "p1");
    assert_eq!(c1.title.as_deref(), Some("Islamabad presses Kabul"));
    assert_eq!(c1.published, date("2023-12-20"));
    assert_eq!(c1.stance, "accuses");
    assert_eq!(c1.speaker.as_deref(), Some("pak"));
    assert_eq!(c1.speaker_name.as_deref(), Some("Pakistan"));
    assert_eq!(c1.speaker_text.as_deref(), Some("Pakistan"));
    assert_eq!(c1.cue.as_deref(), Some("has consistently accused"));
    assert_eq!(
        c1.content,
        "the Taliban … harbouring TTP militants in Afghanistan"
    );
    assert_eq!(c1.sentences.len(), 1);
    assert_eq!(
        c1.sentences[0].text,
        "Pakistan has consistently accused the Taliban of harbouring TTP militants in Afghanistan."
    );
    let d = c1.date.as_ref().unwrap();
    assert_eq!(
        (
            d.value.as_str(),
            d.granularity.as_deref(),
            d.origin.as_deref()
        ),
        ("2023-12-19", Some("day"), Some("text"))
    );
    assert_eq!(
        (
            c1.predicate.as_deref(),
            c1.scope.as_deref(),
            c1.subject.as_deref()
        ),
        (Some("harbours_militants"), Some("AFG"), Some("taliban"))
    );
    assert_eq!(c1.about, ["taliban", "ttp"]);
    assert!(!c1.hedged && !c1.direct && !c1.negated);
    let text = store.get_report("p1").unwrap().unwrap().report.text;
    assert_eq!(&text[c1.start..c1.end], c1.text);
    // No speaker id, no date: named as written, dated by the report.
    let c2 = all.iter().find(|c| name(c) == "c2").unwrap();
    assert_eq!(c2.speaker, None);
    assert_eq!(c2.speaker_name.as_deref(), Some("Officials"));
    let d = c2.date.as_ref().unwrap();
    assert_eq!(
        (d.value.as_str(), d.origin.as_deref()),
        ("2023-12-20", Some("published"))
    );
    assert_eq!(c2.figures.len(), 1);
    assert_eq!(c2.figures[0].value, 6500.0);
    let c10 = all.iter().find(|c| name(c) == "c10").unwrap();
    assert_eq!(c10.date, None);
    // Serialisable for the API.
    let v = serde_json::to_value(c1).unwrap();
    assert_eq!(v["speaker"], "pak");
    assert_eq!(v["date"]["value"], "2023-12-19");
}

#[test]
fn claim_filters_each_narrow_the_listing() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    let all = ["c9", "c8", "c7", "c6", "c5", "c4", "c3", "c2", "c1", "c10"];
    // Newest said first (a month sorts before its days), undated last.
    assert_eq!(list(&store, ClaimQuery::default()), all);
    let q = |f: fn(&mut ClaimQuery)| {
        let mut q = ClaimQuery::default();
        f(&mut q);
        list(&store, q)
    };
    assert_eq!(q(|q| q.about = Some("taliban".into())), ["c1"]);
    assert_eq!(q(|q| q.about = Some("iskp".into())), ["c8", "c4", "c2"]);
    assert_eq!(q(|q| q.by = Some("pak".into())), ["c5", "c1"]);
    assert_eq!(q(|q| q.by = Some("taliban".into())), ["c3"]);
    assert_eq!(q(|q| q.stance = Some("denies".into())), ["c7", "c3"]);
    assert_eq!(q(|q| q.report = Some("p2".into())), ["c5", "c4", "c3"]);
    assert!(q(|q| q.report = Some("ffff".into())).is_empty());
    // Dates: a month counts when it reaches the range; undated claims drop out.
    assert_eq!(
        q(|q| q.since = date("2024-02-10")),
        ["c9", "c8", "c7", "c6"]
    );
    assert_eq!(
        q(|q| q.until = date("2024-01-31")),
        ["c5", "c4", "c3", "c2", "c1"]
    );
    assert_eq!(
        q(|q| {
            q.since = date("2024-01-05");
            q.until = date("2024-02-19");
        }),
        ["c6", "c5"]
    );
    assert_eq!(
        q(|q| {
            q.by = Some("pak".into());
            q.stance = Some("accuses".into());
        }),
        ["c1"]
    );
    assert!(q(|q| q.by = Some("nobody".into())).is_empty());
    // Pages of three, through both the dated and the undated claims.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = store
            .list_claims(&ClaimQuery {
                limit: Some(3),
                cursor: cursor.clone(),
                ..Default::default()
            })
            .unwrap();
        assert!(page.items.len() <= 3);
        seen.extend(names(&page.items));
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(seen, all);
    assert!(matches!(
        store.list_claims(&ClaimQuery {
            cursor: Some("junk".into()),
            ..Default::default()
        }),
        Err(StoreError::BadCursor(_))
    ));
}

#[test]
fn figure_history_by_date() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    fill(&mut store);
    let history = store.figure_history("iskp", Some("member")).unwrap();
    let got: Vec<(f64, &str, Option<&str>, Option<&str>)> = history
        .iter()
        .map(|f| {
            (
                f.value,
                f.bound.as_str(),
                f.date.as_deref(),
                f.speaker.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (6500.0, "at_most", Some("2023-12-20"), None),
            (10000.0, "exact", Some("2024-01-04"), Some("un")),
            (2000.0, "exact", Some("2025-06-01"), None),
        ]
    );
    assert_eq!(history[1].report, "p2");
    assert_eq!(history[1].title.as_deref(), Some("Kabul rejects claims"));
    assert_eq!(history[1].speaker_name.as_deref(), Some("United Nations"));
    assert_eq!(history[0].speaker_name.as_deref(), Some("Officials"));
    assert_eq!(store.figure_history("iskp", None).unwrap(), history);
    assert!(store
        .figure_history("iskp", Some("attack"))
        .unwrap()
        .is_empty());
    assert!(store.figure_history("ttp", None).unwrap().is_empty());
}

#[test]
fn deleting_a_report_deletes_its_claim_rows_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    store
        .connection()
        .execute("DELETE FROM reports WHERE id = 'p2'", [])
        .unwrap();
    assert_eq!(count(&store, "claims"), 7);
    assert_eq!(pairs(&store, None).len(), 1);
    for table in ["claim_about", "claim_figures", "claim_links"] {
        let dangling: i64 = store
            .connection()
            .query_row(
                &format!(
                    "SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS (
                         SELECT 1 FROM claims c WHERE c.sid = {})",
                    if table == "claim_links" {
                        "t.b"
                    } else {
                        "t.claim"
                    }
                ),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(dangling, 0, "{table}");
    }
    let dangling: i64 = store
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM spans s WHERE s.sid = c.sid)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(dangling, 0);
    let c1 = store
        .list_claims(&ClaimQuery {
            by: Some("pak".into()),
            ..Default::default()
        })
        .unwrap()
        .items;
    assert_eq!(names(&c1), ["c1"]);
    assert_eq!(c1[0].contradictions, 0);
}

#[test]
fn version_two_databases_gain_claims_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    {
        // A database written by a build that knew migrations 1 and 2: the claim spans
        // are stored, the claim tables (and those of later migrations) are not there.
        let store = file_store(dir.path());
        let fresh_claims = store.list_claims(&ClaimQuery::default()).unwrap();
        assert_eq!(fresh_claims.items.len(), 10);
        drop(store);
        std::fs::rename(dir.path().join("claims.db"), &path).unwrap();
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE indicators; DROP TABLE event_indicators; DROP TABLE events; DROP TABLE places_rtree; DROP TABLE places;
             DROP TABLE claim_links; DROP TABLE claim_figures; DROP TABLE claim_about;
             DROP TABLE claims; PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert!(SqliteStore::schema_version() >= 3);
    let version: i64 = store
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SqliteStore::schema_version());
    // The rows filled from the stored spans equal those written at insert.
    let dir2 = tempfile::tempdir().unwrap();
    let fresh = file_store(dir2.path());
    let all = ClaimQuery::default();
    assert_eq!(
        store.list_claims(&all).unwrap().items,
        fresh.list_claims(&all).unwrap().items
    );
    assert_eq!(pairs(&store, None), pairs(&fresh, None));
    assert_eq!(pairs(&store, None).len(), 3);
    for table in ["claims", "claim_about", "claim_figures", "claim_links"] {
        assert_eq!(count(&store, table), count(&fresh, table), "{table}");
    }
    assert_eq!(
        store.figure_history("iskp", None).unwrap(),
        fresh.figure_history("iskp", None).unwrap()
    );
    // Candidates and listings read indexes, not whole tables.
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
        (
            "SELECT sid FROM claims WHERE predicate = 'p' AND scope = 'AFG' AND polarity = 0 AND sid < 9",
            "claims_predicate_scope",
        ),
        (
            "SELECT sid FROM claims WHERE predicate = 'p' AND subject = 'taliban' AND polarity = 1 AND sid < 9",
            "claims_predicate_subject",
        ),
        (
            "SELECT f.claim FROM claim_figures f JOIN claims c ON c.sid = f.claim
             WHERE f.subject = 'iskp' AND f.unit = 'member' AND f.claim < 9 AND c.polarity = 1",
            "claim_figures_subject_unit",
        ),
        (
            "SELECT sid FROM claims c WHERE c.speaker = 'pak'",
            "claims_speaker",
        ),
        (
            "SELECT claim FROM claim_about WHERE actor = 'taliban'",
            "claim_about_actor",
        ),
        (
            "SELECT a FROM claim_links WHERE b = 3",
            "claim_links_b",
        ),
    ] {
        let p = plan(sql);
        assert!(p.contains(index) && !p.contains("SCAN"), "{sql}: {p}");
    }
    let p = plan(
        "SELECT c.said_on, c.sid FROM claims c WHERE c.said_on IS NOT NULL
         ORDER BY c.said_on DESC, c.sid DESC LIMIT 5",
    );
    assert!(
        p.contains("claims_said_on") && !p.contains("TEMP B-TREE"),
        "{p}"
    );
}

/// A report with one claim per (speaker, stance) pair, all on one proposition.
fn hot_report(n: usize, claims: &[(&str, &str)]) -> Doc {
    let sentence = "Officials said that militants shelter in Afghanistan. ";
    let text = sentence.repeat(claims.len());
    let mut r = Report::from_text(ReportId(format!("hot-{n}")), text);
    r.published = NaiveDate::from_ymd_opt(2024, 1, 1 + n as u32 % 28);
    let mut d = Doc::new(r);
    for (i, (speaker, stance)) in claims.iter().enumerate() {
        let at = i * sentence.len();
        let attrs = json!({
            "source_spans": [[at, at + 9]], "cue_spans": [[at + 10, at + 14]],
            "content_spans": [[at + 15, at + sentence.len() - 2]],
            "speaker": {"key": speaker, "name": speaker}, "stance": stance,
            "hedged": false, "direct": false,
            "proposition": proposition(None, "harbours_militants", Some("AFG")),
            "figures": [],
        });
        let span = Span::new(at, at + sentence.len() - 1).unwrap();
        d.add(
            Layer::Claims,
            Annotation::new(span, stance.to_string(), "test", 0.8)
                .with_key(*speaker)
                .with_attrs(attrs),
        )
        .unwrap();
    }
    d
}

#[test]
fn a_hot_proposition_links_each_claim_to_its_latest_opponents_only() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    // Forty accusations by five speakers, then one denial.
    let speakers = ["pak", "irn", "tjk", "uzb", "rus"];
    for n in 0..8 {
        let claims: Vec<(&str, &str)> = speakers.iter().map(|s| (*s, "accuses")).collect();
        store.put_doc(&hot_report(n, &claims), &[]).unwrap();
    }
    assert_eq!(
        count(&store, "claim_links"),
        0,
        "accusations agree with each other"
    );
    store
        .put_doc(&hot_report(99, &[("taliban", "denies")]), &[])
        .unwrap();
    let links = store
        .list_contradictions(&ContradictionQuery {
            about: Some("taliban".into()),
            limit: None,
        })
        .unwrap();
    // Bounded, one per speaker, the most recent claim of each.
    assert_eq!(links.len(), super::LINKS_PER_KEY);
    let mut accusers: Vec<&str> = links
        .iter()
        .filter_map(|c| c.a.speaker.as_deref())
        .collect();
    accusers.sort_unstable();
    accusers.dedup();
    assert_eq!(accusers.len(), super::LINKS_PER_KEY);
    assert!(
        links.iter().all(|c| c.a.report == "hot-7"),
        "latest report first"
    );
    assert!(links
        .iter()
        .all(|c| c.reason == "accuses vs denies: harbours_militants in AFG"));
}
