use super::*;
use serde_json::json;
use spillover_doc::{Annotation, Report};

fn doc(id: &str, title: &str, text: &str, published: Option<&str>) -> Doc {
    let mut r = Report::from_text(ReportId(id.into()), text);
    r.title = Some(title.into());
    r.published = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
    let mut d = Doc::new(r);
    let end = text.find('.').map_or(text.len(), |i| i + 1);
    d.set_sentences(vec![Span::new(0, end).unwrap()]).unwrap();
    d
}

fn sig(seed: u32) -> Vec<u32> {
    (0..64u32)
        .map(|i| i.wrapping_mul(2_654_435_761) ^ seed)
        .collect()
}

#[test]
fn stores_once_and_reads_back_every_layer() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut d = doc(
        "aabbccdd01",
        "Clash on the Panj",
        "Guards clashed near Panj. Two were hurt.",
        Some("2024-03-04"),
    );
    d.add(
        Layer::Places,
        Annotation::new(Span::new(20, 24).unwrap(), "town", "test", 0.8)
            .with_key("1220826")
            .with_attrs(json!({"country": "TJK"})),
    )
    .unwrap();
    assert!(matches!(
        store.put_doc(&d, &sig(1)).unwrap(),
        PutOutcome::Stored { .. }
    ));
    assert_eq!(
        store.put_doc(&d, &sig(1)).unwrap(),
        PutOutcome::AlreadyStored
    );
    let counts = store.counts().unwrap();
    assert_eq!((counts.reports, counts.sentences, counts.spans), (1, 1, 1));

    let got = store.get_report("aabbcc").unwrap().unwrap();
    assert_eq!(got.report.text, d.text());
    assert_eq!(got.report.published, d.report().published);
    assert_eq!(got.sentences, d.sentences());
    let place = &got.spans[0];
    assert_eq!(&got.report.text[place.span.start..place.span.end], "Panj");
    assert_eq!(place.attrs["country"], "TJK");
    assert_eq!(place.key.as_deref(), Some("1220826"));
    assert!(store.get_report("ffff").unwrap().is_none());
}

#[test]
fn full_text_search_and_date_filter() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store
        .put_doc(
            &doc(
                "01",
                "Heroin seized",
                "Border guards seized heroin at Hairatan.",
                Some("2024-01-10"),
            ),
            &sig(1),
        )
        .unwrap();
    store
        .put_doc(
            &doc(
                "02",
                "Exercise ends",
                "Troops ended the drill near Termez.",
                Some("2024-05-02"),
            ),
            &sig(2),
        )
        .unwrap();
    let hits = store
        .list_reports(&ReportQuery {
            search: Some("heroin".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "01");
    assert!(hits[0]
        .snippet
        .as_deref()
        .unwrap_or("")
        .contains("[heroin]"));
    let recent = store
        .list_reports(&ReportQuery {
            since: NaiveDate::from_ymd_opt(2024, 3, 1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        recent.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["02"]
    );
    let all = store.list_reports(&ReportQuery::default()).unwrap();
    assert_eq!(all[0].id, "02", "newest first");
    for news_terms in ["Hairatan.", "seized heroin,", "U.S.", "border-guards"] {
        let hits = store
            .list_reports(&ReportQuery {
                search: Some(news_terms.into()),
                ..Default::default()
            })
            .unwrap_or_else(|e| panic!("{news_terms}: {e}"));
        assert!(
            news_terms == "U.S." || hits.len() == 1,
            "{news_terms}: {hits:?}"
        );
    }
    // Text FTS5 cannot parse is searched for as quoted terms rather than refused.
    let odd = store
        .list_reports(&ReportQuery {
            search: Some("\"unbalanced".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(odd.is_empty());
}

#[test]
fn near_duplicates_are_linked_not_dropped() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let a = sig(7);
    let mut b = a.clone();
    for v in b.iter_mut().take(8) {
        *v ^= 0xdead_beef; // 56 of 64 rows equal: similarity 0.875
    }
    let c = sig(99);
    store
        .put_doc(&doc("0a", "A", "First version.", None), &a)
        .unwrap();
    let out = store
        .put_doc(&doc("0b", "B", "Second version.", None), &b)
        .unwrap();
    let PutOutcome::Stored { near_duplicates } = out else {
        panic!("not stored")
    };
    assert_eq!(near_duplicates.len(), 1);
    assert_eq!(near_duplicates[0].0 .0, "0a");
    assert!((near_duplicates[0].1 - 0.875).abs() < 1e-6);
    let PutOutcome::Stored { near_duplicates } =
        store.put_doc(&doc("0c", "C", "Other.", None), &c).unwrap()
    else {
        panic!("not stored")
    };
    assert!(near_duplicates.is_empty());
    assert_eq!(store.counts().unwrap().reports, 3);
    assert_eq!(store.near_duplicates().unwrap().len(), 1);
    assert_eq!(
        store
            .get_report("0a")
            .unwrap()
            .unwrap()
            .near_duplicates
            .len(),
        1
    );
}

#[test]
fn file_database_persists_and_refuses_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .put_doc(&doc("0d", "D", "Kept.", None), &sig(3))
            .unwrap();
        store.mark_input_done("a.txt", "12:34").unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.counts().unwrap().reports, 1);
    assert!(store.input_done("a.txt", "12:34").unwrap());
    assert!(!store.input_done("a.txt", "12:35").unwrap());
    store
        .connection()
        .pragma_update(None, "user_version", SqliteStore::schema_version() + 1)
        .unwrap();
    drop(store);
    assert!(matches!(
        SqliteStore::open(&path),
        Err(StoreError::SchemaTooNew { .. })
    ));
}

#[test]
fn band_keys_are_stable_and_similarity_counts_rows() {
    let s = sig(5);
    assert_eq!(band_keys(&s), band_keys(&s.clone()));
    assert_eq!(band_keys(&s).len(), 64 / BAND_ROWS);
    assert_eq!(signature_similarity(&s, &s), 1.0);
    assert_eq!(signature_similarity(&s, &[]), 0.0);
}

#[test]
fn a_batch_is_stored_in_one_transaction_and_repeats_inside_it_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("batch.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let a = doc(
        "aa00000001",
        "One",
        "Guards clashed near Panj.",
        Some("2024-03-04"),
    );
    let b = doc(
        "aa00000002",
        "Two",
        "Militants crossed at dawn.",
        Some("2024-03-05"),
    );
    let (sa, sb) = (sig(1), sig(2));
    let out = store.put_docs(&[(&a, &sa), (&b, &sb), (&a, &sa)]).unwrap();
    assert!(matches!(out[0], PutOutcome::Stored { .. }));
    assert!(matches!(out[1], PutOutcome::Stored { .. }));
    assert!(matches!(out[2], PutOutcome::AlreadyStored));
    // committed: another connection sees both
    let other = SqliteStore::open(&path).unwrap();
    assert_eq!(other.counts().unwrap().reports, 2);
    // a second batch repeating them stores nothing
    let out = store.put_docs(&[(&b, &sb)]).unwrap();
    assert!(matches!(out[0], PutOutcome::AlreadyStored));
    assert_eq!(store.counts().unwrap().reports, 2);
}
