use super::*;
use std::io::Write;

fn collect(
    input: &Input,
    opts: &IngestOptions,
) -> (Vec<Report>, Vec<IngestError>, Result<(), IngestError>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    let res = read_input(input, opts, &mut |r| match r {
        Ok(r) => ok.push(r),
        Err(e) => bad.push(e),
    });
    (ok, bad, res)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
    p
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Border Wire</title><link>https://example.org</link>
<item><title>Guards repel crossing</title><link>https://example.org/a</link>
<pubDate>Tue, 19 Dec 2023 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Tajik guards repelled a crossing near Panj.&lt;/p&gt;&lt;p&gt;Two men were detained.&lt;/p&gt;</description></item>
<item><title>Plain item</title><link>https://example.org/b</link>
<description>Talks on the Qosh Tepa canal resumed in Tashkent.</description></item>
</channel></rss>"#;

#[test]
fn plain_text_gets_title_dateline_and_default_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.txt", b"Photo: Reuters\r\n\r\nGuards clash on the Panj\r\n\r\nDUSHANBE, March 4, 2024 - Border guards clashed with smugglers.\r\n");
    let opts = IngestOptions {
        outlet: Some("Pamir Courier".into()),
        published: NaiveDate::from_ymd_opt(2020, 1, 1),
        ..Default::default()
    };
    let (ok, bad, res) = collect(&Input::Path(p), &opts);
    res.unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let r = &ok[0];
    assert_eq!(r.title.as_deref(), Some("Guards clash on the Panj"));
    assert!(!r.text.contains('\r'));
    assert_eq!(
        r.published,
        NaiveDate::from_ymd_opt(2024, 3, 4),
        "the dateline wins over the default"
    );
    assert_eq!(r.published_origin, Some(DateOrigin::Dateline));
    assert_eq!(r.outlet.as_deref(), Some("Pamir Courier"));
    assert_eq!(r.format, SourceFormat::Text);
}

#[test]
fn a_dateline_is_not_a_title() {
    let opts = IngestOptions::default();
    let r = text_report("TERMEZ, Uzbekistan — April 16, 2025\n\nTroops rehearse repelling a raid\n\nAround 1,500 troops began drills.", "t", &opts);
    assert_eq!(r.title.as_deref(), Some("Troops rehearse repelling a raid"));
    assert_eq!(r.published, NaiveDate::from_ymd_opt(2025, 4, 16));
    let r = text_report(
        "KABUL, Jan 18 – The Taliban rejected the claim.",
        "t",
        &opts,
    );
    assert_eq!(r.title, None);
    let r = text_report("NATO, CSTO agree to talks\n\nBody.", "t", &opts);
    assert_eq!(r.title.as_deref(), Some("NATO, CSTO agree to talks"));
    let r = text_report(
        "CSTO \"Rubezh\" drills in southern Kyrgyzstan\n\nBody.",
        "t",
        &opts,
    );
    assert_eq!(
        r.title.as_deref(),
        Some("CSTO \"Rubezh\" drills in southern Kyrgyzstan")
    );
}

#[test]
fn a_dateline_without_a_year_takes_it_from_the_text_or_sets_no_date() {
    let opts = IngestOptions::default();
    let text = "DUSHANBE, Dec. 19 (Reuters) – Tajik guards said on Tuesday, December 19, 2023, \
                that they repelled a crossing.";
    let r = text_report(text, "t", &opts);
    assert_eq!(r.published, NaiveDate::from_ymd_opt(2023, 12, 19));
    assert_eq!(r.published_origin, Some(DateOrigin::Dateline));
    let r = text_report(
        "KABUL, Jan 18 – The talks of December 28, 2023 failed.",
        "t",
        &opts,
    );
    assert_eq!(r.published, NaiveDate::from_ymd_opt(2024, 1, 18));
    assert_eq!(r.published_origin, Some(DateOrigin::Dateline));
    // no full date anywhere: the year is unknown and no date is set
    let r = text_report(
        "KABUL, Jan 18 – The Taliban rejected the claim.",
        "t",
        &opts,
    );
    assert_eq!((r.published, r.published_origin), (None, None));
    // the user's default still applies then, and says so
    let with_default = IngestOptions {
        published: NaiveDate::from_ymd_opt(2024, 1, 19),
        ..Default::default()
    };
    let r = text_report(
        "KABUL, Jan 18 – The Taliban rejected the claim.",
        "t",
        &with_default,
    );
    assert_eq!(r.published, NaiveDate::from_ymd_opt(2024, 1, 19));
    assert_eq!(r.published_origin, Some(DateOrigin::User));
}

#[test]
fn html_keeps_raw_and_alignment() {
    let dir = tempfile::tempdir().unwrap();
    let html = r#"<!DOCTYPE html><html lang="en"><head><title>Clash</title>
        <meta property="article:published_time" content="2024-02-01T10:00:00Z"></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Clash at Torkham</h1>
        <p>Pakistani and Afghan forces exchanged fire at Torkham on Thursday, officials said.</p></article></body></html>"#;
    let p = write(dir.path(), "page.html", html.as_bytes());
    let (ok, bad, res) = collect(&Input::Path(p), &IngestOptions::default());
    res.unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let r = &ok[0];
    assert_eq!(r.format, SourceFormat::Html);
    assert_eq!(r.published, NaiveDate::from_ymd_opt(2024, 2, 1));
    assert_eq!(r.published_origin, Some(DateOrigin::HtmlMeta));
    assert_eq!(r.language.as_deref(), Some("en"));
    assert!(!r.text.contains("Home"));
    let start = r.text.find("Torkham").unwrap();
    let span = spillover_doc::Span::new(start, start + 7).unwrap();
    let raw_span = r.alignment.as_ref().unwrap().to_raw(span).unwrap();
    assert_eq!(
        &r.raw.as_ref().unwrap()[raw_span.start..raw_span.end],
        "Torkham"
    );
}

#[test]
fn jsonl_bad_lines_are_errors_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut batch = Vec::new();
    batch.extend_from_slice(br#"{"id":"r1","title":"One","text":"Iran closed the Milak crossing on Monday.","published":"2024-01-08","outlet":"Steppe Monitor"}"#);
    batch.extend_from_slice(b"\n{not json\n");
    batch.extend_from_slice(b"{\"id\":\"r3\",\"text\":\"bad \xff byte\"}\n");
    batch.extend_from_slice(b"{\"id\":\"r4\",\"title\":\"no text\"}\n\n");
    batch.extend_from_slice(br#"{"id":"r5","text":"Late.","published":"2024-02-31"}"#);
    batch.extend_from_slice(b"\n");
    batch.extend_from_slice(br#"{"id":"r6","html":"<html><body><article><p>Kyrgyz and Tajik officials met in Batken to discuss the border.</p></article></body></html>"}"#);
    let p = write(dir.path(), "b.jsonl", &batch);
    let (ok, bad, res) = collect(&Input::Path(p), &IngestOptions::default());
    res.unwrap();
    assert_eq!(ok.len(), 2, "{bad:?}");
    assert_eq!(ok[0].published, NaiveDate::from_ymd_opt(2024, 1, 8));
    assert_eq!(ok[0].published_origin, Some(DateOrigin::Record));
    assert_eq!(ok[0].outlet.as_deref(), Some("Steppe Monitor"));
    assert_eq!(ok[0].format, SourceFormat::Jsonl);
    assert_eq!(ok[1].format, SourceFormat::Html);
    assert!(ok[1].text.contains("Batken"));
    let msgs: Vec<String> = bad.iter().map(|e| e.to_string()).collect();
    assert_eq!(bad.len(), 4, "{msgs:?}");
    assert!(
        msgs[0].contains("b.jsonl:2") && msgs[0].contains("invalid JSON"),
        "{}",
        msgs[0]
    );
    assert!(
        msgs[1].contains("b.jsonl:3") && msgs[1].contains("UTF-8"),
        "{}",
        msgs[1]
    );
    assert!(
        msgs[2].contains("(r4)") && msgs[2].contains("neither"),
        "{}",
        msgs[2]
    );
    assert!(msgs[3].contains("2024-02-31"), "{}", msgs[3]);
}

#[test]
fn oversized_jsonl_line_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut batch = format!("{{\"text\":\"{}\"}}\n", "x".repeat(5000)).into_bytes();
    batch.extend_from_slice(b"{\"text\":\"Short report about Herat.\"}\n");
    let p = write(dir.path(), "big.jsonl", &batch);
    let opts = IngestOptions {
        max_bytes: 1000,
        ..Default::default()
    };
    let (ok, bad, res) = collect(&Input::Path(p), &opts);
    res.unwrap();
    assert_eq!(ok.len(), 1);
    assert!(matches!(bad[0], IngestError::TooLarge { .. }), "{bad:?}");
}

#[test]
fn hostile_files_get_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(dir.path(), "x.txt", b"\x7fELF\x02\x01\x01\0\0\0binary");
    let utf = write(dir.path(), "y.txt", b"Kabul \xc3\x28 text");
    let big = write(dir.path(), "z.txt", &vec![b'a'; 4096]);
    let empty = write(dir.path(), "e.txt", b"  \n\n ");
    let feed = write(
        dir.path(),
        "f.xml",
        b"<?xml version=\"1.0\"?><rss><channel><item><title>cut",
    );
    let opts = IngestOptions {
        max_bytes: 1024,
        ..Default::default()
    };
    let whole = |p: &Path| collect(&Input::Path(p.to_path_buf()), &opts);
    assert!(matches!(whole(&bin).2, Err(IngestError::Binary { .. })));
    assert!(matches!(
        whole(&utf).2,
        Err(IngestError::InvalidUtf8 { offset: 6, .. })
    ));
    assert!(matches!(
        whole(&big).2,
        Err(IngestError::TooLarge { size: 4096, .. })
    ));
    assert!(matches!(whole(&empty).1[..], [IngestError::Empty { .. }]));
    let feed_err = whole(&feed).2.unwrap_err();
    assert!(matches!(feed_err, IngestError::Feed { .. }), "{feed_err}");
    for e in [whole(&bin).2.unwrap_err(), feed_err] {
        let msg = e.to_string();
        assert!(
            !msg.contains('\n') && msg.contains(dir.path().to_str().unwrap()),
            "{msg}"
        );
    }
}

#[test]
fn rss_entries_become_reports_with_feed_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "wire.rss", RSS.as_bytes());
    let (ok, bad, res) = collect(&Input::Path(p), &IngestOptions::default());
    res.unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[0].title.as_deref(), Some("Guards repel crossing"));
    assert_eq!(ok[0].outlet.as_deref(), Some("Border Wire"));
    assert_eq!(ok[0].published, NaiveDate::from_ymd_opt(2023, 12, 19));
    assert_eq!(ok[0].published_origin, Some(DateOrigin::Feed));
    assert_eq!(ok[0].url.as_deref(), Some("https://example.org/a"));
    assert!(ok[0].text.contains("Two men were detained."));
    assert!(!ok[0].text.contains("<p>"));
    assert_eq!(
        ok[1].text,
        "Talks on the Qosh Tepa canal resumed in Tashkent."
    );
    assert_eq!(ok[0].format, SourceFormat::Feed);
}

#[test]
fn folders_expand_sorted_and_missing_paths_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(dir.path(), "b.txt", b"B");
    write(dir.path(), "sub/a.html", b"<p>A</p>");
    write(dir.path(), ".hidden.txt", b"H");
    write(dir.path(), "notes.pdf", b"%PDF");
    write(dir.path(), "README.md", b"# About these files");
    let missing = dir.path().join("nope.txt").display().to_string();
    let (inputs, errors) = expand_inputs(&[
        dir.path().display().to_string(),
        missing,
        "https://example.org/feed".into(),
    ]);
    let names: Vec<String> = inputs.iter().map(|i| i.name()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names[0].ends_with("b.txt") && names[1].ends_with("a.html"));
    assert_eq!(inputs[2], Input::Url("https://example.org/feed".into()));
    assert_eq!(errors.len(), 1);
}

/// Serves one canned HTTP response on loopback, returning the URL.
fn serve_once(body: &'static str, content_type: &'static str) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut buf = [0u8; 4096];
            let _ = std::io::Read::read(&mut stream, &mut buf);
            let resp = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(resp.as_bytes());
        }
    });
    format!("http://{addr}/feed.xml")
}

#[test]
fn feeds_over_http_need_explicit_permission_for_loopback() {
    let url = serve_once(RSS, "application/rss+xml");
    let refused = collect(&Input::Url(url.clone()), &IngestOptions::default()).2;
    assert!(
        matches!(refused, Err(IngestError::Blocked { .. })),
        "{refused:?}"
    );
    let mut opts = IngestOptions::default();
    opts.fetch.allow_private = true;
    let (ok, bad, res) = collect(&Input::Url(url), &opts);
    res.unwrap();
    assert!(bad.is_empty());
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[0].outlet.as_deref(), Some("Border Wire"));
}

#[test]
fn an_entity_bomb_feed_does_not_expand() {
    let dir = tempfile::tempdir().unwrap();
    let mut bomb = String::from(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"aaaaaaaaaaaaaaaaaaaa\">\n",
    );
    let mut prev = "a".to_string();
    for i in 0..10 {
        let name = format!("e{i}");
        bomb.push_str(&format!(
            "<!ENTITY {name} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
        prev = name;
    }
    bomb.push_str(&format!(
        "]>\n<rss version=\"2.0\"><channel><title>Bomb</title><item><title>x</title><description>&{prev}; Kabul</description></item></channel></rss>"
    ));
    let p = write(dir.path(), "bomb.rss", bomb.as_bytes());
    let started = std::time::Instant::now();
    let (ok, _bad, _res) = collect(&Input::Path(p), &IngestOptions::default());
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    // Whatever the parser makes of it, nothing may grow towards the 20 GB the entities expand to.
    assert!(
        ok.iter().all(|r| r.text.len() < 10_000),
        "entities were expanded"
    );
}
