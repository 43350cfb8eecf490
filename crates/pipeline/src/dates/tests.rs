//! Hand-made sentences for each family of expressions, and the seed report end to end.
//! Every span is checked against the text it claims.

use super::*;
use chrono::NaiveDate;
use spillover_doc::{Report, ReportId};

const DCT: &str = "2023-12-20"; // a Wednesday

fn run(text: &str, published: Option<&str>) -> Doc {
    let mut report = Report::from_text(ReportId("t".into()), text);
    report.published = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
    let mut doc = Doc::new(report);
    crate::segment::Segmenter.process(&mut doc).unwrap();
    TemporalTagger::new().process(&mut doc).unwrap();
    doc.check_invariants().unwrap();
    assert!(doc.has(Layer::Dates));
    doc
}

/// (text, label, value) of every annotation, with each span checked against the text.
fn tags(text: &str, published: Option<&str>) -> Vec<(String, String, String)> {
    let doc = run(text, published);
    doc.layer(Layer::Dates)
        .iter()
        .map(|a| {
            let s = &text[a.span.start..a.span.end];
            assert_eq!(a.attrs["value"].as_str(), a.key.as_deref());
            assert_eq!(a.attrs["type"].as_str(), Some(a.label.as_ref()));
            assert!((0.0..=1.0).contains(&a.confidence));
            (
                s.to_string(),
                a.label.to_string(),
                a.key.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// The single annotation whose text is `expected`.
fn one<'d>(doc: &'d Doc, expected: &str) -> &'d Annotation {
    let found: Vec<&Annotation> = doc
        .layer(Layer::Dates)
        .iter()
        .filter(|a| &doc.text()[a.span.start..a.span.end] == expected)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{expected:?} in {:?}",
        tags(
            doc.text(),
            doc.report().published.map(|d| d.to_string()).as_deref()
        )
    );
    found[0]
}

/// Asserts the expressions found in `text` published on [`DCT`]: (span text, type, value).
fn check(text: &str, expected: &[(&str, &str, &str)]) {
    let got = tags(text, Some(DCT));
    let want: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn absolute_dates_in_news_forms() {
    check(
        "The talks opened on December 19, 2023 and closed on 21 December 2023.",
        &[
            ("December 19, 2023", "DATE", "2023-12-19"),
            ("21 December 2023", "DATE", "2023-12-21"),
        ],
    );
    check(
        "The attack on Dec. 19 followed one on 12/19/2022 and another on 2023-01-05.",
        &[
            ("Dec. 19", "DATE", "2023-12-19"),
            ("12/19/2022", "DATE", "2022-12-19"),
            ("2023-01-05", "DATE", "2023-01-05"),
        ],
    );
    check(
        "He spoke in Moscow on Tuesday, December 19, and in Minsk on Sunday, Dec. 17, 2023.",
        &[
            ("Tuesday, December 19", "DATE", "2023-12-19"),
            ("Sunday, Dec. 17, 2023", "DATE", "2023-12-17"),
        ],
    );
    let doc = run("The summit runs Dec 19-21 in Dushanbe.", Some(DCT));
    let a = one(&doc, "Dec 19-21");
    assert_eq!(a.key.as_deref(), Some("2023-12-19"));
    assert_eq!(a.attrs["status"], "range");
    assert_eq!(a.attrs["from"], "2023-12-19");
    assert_eq!(a.attrs["to"], "2023-12-21");
    assert_eq!(a.attrs["granularity"], "day");
}

#[test]
fn a_day_without_year_is_the_nearer_one() {
    // Published in December: "Jan. 14" ahead is nearer than the one gone.
    check(
        "The boy must be returned by Jan. 14.",
        &[("Jan. 14", "DATE", "2024-01-14")],
    );
    check(
        "Guards said they repelled an attack on Dec. 2.",
        &[("Dec. 2", "DATE", "2023-12-02")],
    );
    // Past tense and a date far ahead: the one gone.
    check(
        "Militants attacked the post on June 3.",
        &[("June 3", "DATE", "2023-06-03")],
    );
}

#[test]
fn months_and_seasons() {
    check(
        "In March, Tasmagambetov said the risk was growing.",
        &[("March", "DATE", "2023-03")],
    );
    check(
        "In February, Sidorov claimed ISKP had amassed fighters.",
        &[("February", "DATE", "2023-02")],
    );
    check(
        "The ministers will meet again in March.",
        &[("March", "DATE", "2024-03")],
    );
    check(
        "Fighting resumed in December 2022 and eased last summer.",
        &[
            ("December 2022", "DATE", "2022-12"),
            ("last summer", "DATE", "2023-SU"),
        ],
    );
    check(
        "Refugees crossed in the fall of 2022; more are expected this winter.",
        &[
            ("the fall of 2022", "DATE", "2022-FA"),
            ("this winter", "DATE", "2023-WI"),
        ],
    );
    check(
        "Exports rose in early March and in mid-November.",
        &[
            ("early March", "DATE", "2023-03"),
            ("mid-November", "DATE", "2023-11"),
        ],
    );
}

#[test]
fn false_friends_are_not_dates() {
    check("Officials may meet the envoys.", &[]);
    check("Protesters joined a march on the capital.", &[]);
    check("March on, the commander told the troops.", &[]);
    check("The Sunday Times reported the raid.", &[]);
    check("Sidorov said ISKP had up to 6,500 members.", &[]);
    check("At the 16th plenary session, delegates spoke.", &[]);
    check("Some 2000 people fled, and 2023 soldiers deployed.", &[]);
    check("The fall of Kabul shocked the region.", &[]);
    check("A quarter of the population fled.", &[]);
    check(
        "The Taliban’s 6-year-old policy and a 52-year-old commander.",
        &[],
    );
}

#[test]
fn weekdays_follow_tense() {
    check(
        "Border guards clashed with smugglers on Tuesday.",
        &[("Tuesday", "DATE", "2023-12-19")],
    );
    check(
        "The envoys will meet on Tuesday.",
        &[("Tuesday", "DATE", "2023-12-26")],
    );
    check(
        "The ministry announced the closure on Wednesday.",
        &[("Wednesday", "DATE", "2023-12-20")],
    );
    check(
        "The talks began last Friday and resume next Monday.",
        &[
            ("last Friday", "DATE", "2023-12-15"),
            ("next Monday", "DATE", "2023-12-25"),
        ],
    );
}

#[test]
fn relative_expressions() {
    check(
        "Guards were attacked yesterday, talks open today and end tomorrow.",
        &[
            ("yesterday", "DATE", "2023-12-19"),
            ("today", "DATE", "2023-12-20"),
            ("tomorrow", "DATE", "2023-12-21"),
        ],
    );
    check(
        "Shelling began last week; a review is due next month and ends this year.",
        &[
            ("last week", "DATE", "2023-W50"),
            ("next month", "DATE", "2024-01"),
            ("this year", "DATE", "2023"),
        ],
    );
    check(
        "The post fell two days ago, three years ago it was retaken.",
        &[
            ("two days ago", "DATE", "2023-12-18"),
            ("three years ago", "DATE", "2020"),
        ],
    );
    let doc = run(
        "Earlier this month the group regrouped; late last year it had split.",
        Some(DCT),
    );
    let a = one(&doc, "Earlier this month");
    assert_eq!(a.key.as_deref(), Some("2023-12"));
    let a = one(&doc, "late last year");
    assert_eq!(a.key.as_deref(), Some("2022"));
    assert_eq!(a.attrs["mod"], "END");
    assert_eq!(a.attrs["status"], "approximate");
}

#[test]
fn durations() {
    check(
        "The siege lasted two years, the truce six months and the raid 48 hours.",
        &[
            ("two years", "DURATION", "P2Y"),
            ("six months", "DURATION", "P6M"),
            ("48 hours", "DURATION", "PT48H"),
        ],
    );
    check(
        "The feud has simmered for decades and the camp stood a year and a half.",
        &[
            ("decades", "DURATION", "PXDE"),
            ("a year and a half", "DURATION", "P1Y6M"),
        ],
    );
    let doc = run(
        "The convoy waited about two weeks at a two-day checkpoint.",
        Some(DCT),
    );
    let a = one(&doc, "about two weeks");
    assert_eq!(a.key.as_deref(), Some("P2W"));
    assert_eq!(a.attrs["mod"], "APPROX");
    assert_eq!(one(&doc, "two-day").key.as_deref(), Some("P2D"));
}

#[test]
fn past_periods_are_durations_with_a_range() {
    let doc = run(
        "The bloc held several exercises in the past two years. Attempts rose over the past year.",
        Some(DCT),
    );
    let a = one(&doc, "the past two years");
    assert_eq!(
        (a.label.as_ref(), a.key.as_deref()),
        ("DURATION", Some("P2Y"))
    );
    assert_eq!(a.attrs["status"], "range");
    assert_eq!(a.attrs["from"], "2021-12");
    assert_eq!(a.attrs["to"], "2023-12");
    // a single past year is a date named by its year (see
    // `the_past_year_is_named_by_a_calendar_year`), with the same twelve-month range
    let a = one(&doc, "the past year");
    assert_eq!(a.key.as_deref(), Some("2023"));
    assert_eq!(a.attrs["from"], "2022-12");
    assert_eq!(a.attrs["to"], "2023-12");
    let doc = run("Aid will flow over the next three months.", Some(DCT));
    let a = one(&doc, "the next three months");
    assert_eq!(a.attrs["from"], "2023-12");
    assert_eq!(a.attrs["to"], "2024-03");
}

#[test]
fn fuzzy_expressions() {
    check(
        "Recently the group moved; it is now and currently active.",
        &[
            ("Recently", "DATE", "PAST_REF"),
            ("now", "DATE", "PRESENT_REF"),
            ("currently", "DATE", "PRESENT_REF"),
        ],
    );
    check(
        "Attacks grew in recent years and may grow in the future.",
        &[
            ("recent years", "DATE", "PAST_REF"),
            ("the future", "DATE", "FUTURE_REF"),
        ],
    );
    let doc = run("Attacks grew in recent years.", Some(DCT));
    let a = one(&doc, "recent years");
    assert_eq!(a.attrs["status"], "approximate");
}

#[test]
fn times_of_day() {
    check(
        "The blast came at 8:30 a.m. and a second at 10 p.m. Monday.",
        &[
            ("8:30 a.m.", "TIME", "2023-12-20T08:30"),
            ("10 p.m. Monday", "TIME", "2023-12-18T22:00"),
        ],
    );
    check(
        "Shots were heard Tuesday night and again this morning.",
        &[
            ("Tuesday night", "TIME", "2023-12-19TNI"),
            ("this morning", "TIME", "2023-12-20TMO"),
        ],
    );
    check(
        "The curfew starts at midnight and the border opens at 14:30 local time.",
        &[
            ("midnight", "TIME", "2023-12-20T24:00"),
            ("14:30 local time", "TIME", "2023-12-20T14:30"),
        ],
    );
}

#[test]
fn sets() {
    check(
        "Patrols run every week, convoys daily, audits annually, and talks each Thursday.",
        &[
            ("every week", "SET", "P1W"),
            ("daily", "SET", "P1D"),
            ("annually", "SET", "P1Y"),
            ("each Thursday", "SET", "XXXX-WXX-4"),
        ],
    );
    check(
        "Flights leave every two weeks.",
        &[("every two weeks", "SET", "P2W")],
    );
}

#[test]
fn years_quarters_and_decades() {
    check(
        "Formed in 2002, the alliance grew between 2021-2023.",
        &[("2002", "DATE", "2002"), ("2021-2023", "DATE", "2021")],
    );
    check(
        "Revenue fell in the first quarter and the second half of 2022.",
        &[
            ("the first quarter", "DATE", "2023-Q1"),
            ("the second half of 2022", "DATE", "2022-H2"),
        ],
    );
    check(
        "The war of the 1990s and the '80s shaped the 20th century.",
        &[
            ("the 1990s", "DATE", "199"),
            ("the '80s", "DATE", "198"),
            ("the 20th century", "DATE", "19"),
        ],
    );
    let doc = run("Trade grew in 2021-2023.", Some(DCT));
    let a = one(&doc, "2021-2023");
    assert_eq!(a.attrs["status"], "range");
    assert_eq!(a.attrs["from"], "2021");
    assert_eq!(a.attrs["to"], "2023");
}

#[test]
fn expressions_anchored_on_events() {
    let doc = run(
        "Attacks have risen since the Taliban returned to power. Trade fell after the fall of Kabul. \
         Aid had flowed before the U.S. withdrawal, and since the Taliban takeover little came.",
        Some(DCT),
    );
    let a = one(&doc, "since the Taliban returned to power");
    assert_eq!(a.key.as_deref(), Some("2021-08-15"));
    assert_eq!(a.attrs["status"], "range");
    assert_eq!(a.attrs["from"], "2021-08-15");
    assert!(a.attrs["to"].is_null());
    assert_eq!(a.attrs["anchor"], "taliban-takeover");
    let a = one(&doc, "after the fall of Kabul");
    assert_eq!(a.attrs["from"], "2021-08-15");
    let a = one(&doc, "before the U.S. withdrawal");
    assert_eq!(a.attrs["to"], "2021-08-30");
    assert!(a.attrs["from"].is_null());
    assert_eq!(a.attrs["anchor"], "us-withdrawal");
    assert_eq!(
        one(&doc, "since the Taliban takeover").attrs["anchor"],
        "taliban-takeover"
    );
}

#[test]
fn builtin_anchor_table_parses() {
    let table = AnchorTable::parse(BUILTIN_ANCHORS).unwrap();
    assert!(table.events().len() >= 15);
    let t = TemporalTagger::new();
    let kabul = t
        .anchors()
        .events()
        .iter()
        .find(|e| e.id == "taliban-takeover")
        .unwrap();
    assert_eq!(kabul.date, NaiveDate::from_ymd_opt(2021, 8, 15).unwrap());
}

#[test]
fn user_anchor_tables() {
    let tagger = TemporalTagger::with_anchors(
        "# test\nqosh-tepa\t2023-03-30\tconstruction of the qosh tepa canal began\tcanal works start\n",
    )
    .unwrap();
    let text = "Water disputes sharpened after construction of the Qosh Tepa canal began.";
    let mut doc = Doc::new(Report::from_text(ReportId("u".into()), text));
    crate::segment::Segmenter.process(&mut doc).unwrap();
    tagger.process(&mut doc).unwrap();
    let a = &doc.layer(Layer::Dates)[0];
    assert_eq!(
        &text[a.span.start..a.span.end],
        "after construction of the Qosh Tepa canal began"
    );
    assert_eq!(a.attrs["anchor"], "qosh-tepa");
    let err =
        TemporalTagger::with_anchors("ok\t2023-01-01\tx\td\nbad\tyesterday\tp\td\n").unwrap_err();
    assert_eq!(
        err,
        AnchorError::BadDate {
            line: 2,
            value: "yesterday".into()
        }
    );
}

#[test]
fn weekday_that_contradicts_the_date_is_reported() {
    let doc = run("The envoy arrived on Monday, December 19.", Some(DCT));
    let a = one(&doc, "Monday, December 19");
    assert_eq!(a.key.as_deref(), Some("2023-12-19"));
    assert_eq!(a.attrs["weekday_conflict"], true);
    assert!(a.attrs["note"]
        .as_str()
        .unwrap()
        .contains("December 19, 2023 is a Tuesday, not a Monday"));
    assert!(a.confidence < 0.9);
    let doc = run("The envoy arrived on Tuesday, December 19.", Some(DCT));
    assert!(one(&doc, "Tuesday, December 19")
        .attrs
        .get("weekday_conflict")
        .is_none());
}

#[test]
fn without_a_publication_date_relative_expressions_stay_unresolved() {
    let doc = run(
        "In March, guards clashed on Tuesday. Yesterday a post fell; last week two did. \
         The accord of December 19, 2023 held for two years.",
        None,
    );
    for (text, value) in [
        ("March", "XXXX-03"),
        ("Tuesday", "XXXX-WXX-2"),
        ("Yesterday", "XXXX-XX-XX"),
        ("last week", "XXXX-WXX"),
    ] {
        let a = one(&doc, text);
        assert_eq!(a.key.as_deref(), Some(value), "{text}");
        assert_eq!(a.attrs["status"], "unresolved", "{text}");
        assert_eq!(a.attrs["reason"], "no publication date", "{text}");
    }
    let a = one(&doc, "December 19, 2023");
    assert_eq!(a.key.as_deref(), Some("2023-12-19"));
    assert_eq!(a.attrs["status"], "exact");
    assert_eq!(one(&doc, "two years").key.as_deref(), Some("P2Y"));
}

#[test]
fn datelines_are_marked() {
    let doc = run(
        "DUSHANBE, Dec. 19 (Reuters) - Border guards clashed with smugglers.",
        Some(DCT),
    );
    let a = one(&doc, "Dec. 19");
    assert_eq!(a.attrs["dateline"], true);
    assert!(best_date_for_sentence(&doc, 0).is_none());
}

#[test]
fn best_date_for_a_sentence() {
    let doc = run(
        "Speaking in Moscow on Tuesday, December 19, he warned of threats. \
         In March, he said the same. The risk is growing now.",
        Some(DCT),
    );
    let text = doc.text();
    let d = best_date_for_sentence(&doc, 0).unwrap();
    assert_eq!(&text[d.span.start..d.span.end], "Tuesday, December 19");
    let d = best_date_for_sentence(&doc, 1).unwrap();
    assert_eq!(d.key.as_deref(), Some("2023-03"));
    assert!(best_date_for_sentence(&doc, 2).is_none());
    assert!(best_date_for_sentence(&doc, 9).is_none());
}

#[test]
fn component_contract() {
    let t = TemporalTagger::default();
    assert_eq!(t.name(), "temporal");
    assert_eq!(t.requires(), &[Layer::Sentences, Layer::Tokens]);
    assert_eq!(t.assigns(), &[Layer::Dates]);
    let p = crate::Pipeline::new(vec![Box::new(crate::segment::Segmenter), Box::new(t)]).unwrap();
    let doc = p.run(Report::from_text(ReportId("e".into()), "")).unwrap();
    assert!(doc.has(Layer::Dates) && doc.layer(Layer::Dates).is_empty());
    // Multi-byte text around expressions keeps spans on character boundaries.
    let doc = run(
        "Таджикистан — «в марте» — on Tuesday, 19 December 2023 “today”.",
        Some(DCT),
    );
    assert_eq!(
        one(&doc, "Tuesday, 19 December 2023").key.as_deref(),
        Some("2023-12-19")
    );
    assert_eq!(one(&doc, "today").key.as_deref(), Some("2023-12-20"));
}

#[test]
fn seed_report_dates_table() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/examples/seed-report.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("note: {path} is absent; the seed report test is skipped");
        return;
    };
    let doc = run(&text, Some(DCT));
    let key = |s: &str| one(&doc, s).key.clone().unwrap_or_default();
    let attr = |s: &str, k: &str| one(&doc, s).attrs[k].clone();

    assert_eq!(key("Tuesday, December 19"), "2023-12-19");
    assert_eq!(attr("Tuesday, December 19", "granularity"), "day");
    assert_eq!(key("Sunday, December 17"), "2023-12-17");
    assert_eq!(attr("Sunday, December 17", "granularity"), "day");
    assert_eq!(key("March"), "2023-03");
    assert_eq!(attr("March", "granularity"), "month");
    assert_eq!(key("February"), "2023-02");
    assert_eq!(key("2002"), "2002");
    assert_eq!(attr("2002", "granularity"), "year");

    assert_eq!(attr("the past two years", "status"), "range");
    assert_eq!(attr("the past two years", "from"), "2021-12");
    assert_eq!(attr("the past two years", "to"), "2023-12");
    // "over the past year": 2023, the twelve months to December 2023
    assert_eq!(key("the past year"), "2023");
    assert_eq!(attr("the past year", "status"), "range");
    assert_eq!(attr("the past year", "to"), "2023-12");
    // "Throughout the year": 2023, as a range
    assert_eq!(key("the year"), "2023");
    assert_eq!(attr("the year", "status"), "range");
    assert_eq!(attr("the year", "from"), "2023-01-01");
    assert_eq!(attr("the year", "to"), "2023-12-31");

    let a = one(&doc, "since the Taliban returned to power");
    assert_eq!(a.attrs["status"], "range");
    assert_eq!(a.attrs["from"], "2021-08-15");
    assert!(a.attrs["to"].is_null());
    assert_eq!(a.attrs["anchor"], "taliban-takeover");

    // Not dates: the ordinal session and the head counts.
    for a in doc.layer(Layer::Dates) {
        let s = &text[a.span.start..a.span.end];
        assert!(
            !s.contains("16th") && !s.contains("6,500") && !s.contains("4,000"),
            "{s}"
        );
    }
    // The event dates of the sentences that give one.
    let sent_of = |needle: &str| {
        let at = text.find(needle).unwrap();
        doc.sentence_at(at).unwrap()
    };
    let d = best_date_for_sentence(&doc, sent_of("Speaking at the 16th")).unwrap();
    assert_eq!(d.key.as_deref(), Some("2023-12-19"));
    let d = best_date_for_sentence(&doc, sent_of("In February, the Chief")).unwrap();
    assert_eq!(d.key.as_deref(), Some("2023-02"));
    assert!(best_date_for_sentence(&doc, sent_of("The Taliban, however")).is_none());
}

/// Throughput of the stage alone on the seed report; run with
/// `cargo test --release -p spillover-pipeline dates::tests::speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/examples/seed-report.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let mut report = Report::from_text(ReportId("s".into()), text.clone());
    report.published = NaiveDate::from_ymd_opt(2023, 12, 20);
    let mut base = Doc::new(report);
    crate::segment::Segmenter.process(&mut base).unwrap();
    let tagger = TemporalTagger::new();
    let n = 20_000;
    let mut found = 0;
    let mut tag_time = std::time::Duration::ZERO;
    let mut seg_time = std::time::Duration::ZERO;
    for _ in 0..n {
        let mut doc = Doc::new(base.report().clone());
        let t = std::time::Instant::now();
        crate::segment::Segmenter.process(&mut doc).unwrap();
        seg_time += t.elapsed();
        let t = std::time::Instant::now();
        tagger.process(&mut doc).unwrap();
        tag_time += t.elapsed();
        found += doc.layer(Layer::Dates).len();
    }
    assert!(found >= n * 8);
    let per = tag_time.as_secs_f64() / n as f64;
    println!(
        "temporal: {:.1} µs/report, {:.0} reports/s, {:.1} MB/s; segmenter {:.1} µs/report",
        per * 1e6,
        1.0 / per,
        text.len() as f64 / per / 1e6,
        seg_time.as_secs_f64() / n as f64 * 1e6
    );
}

#[test]
fn abbreviations_need_their_context() {
    check(
        "Talks will resume on Tue. after a lull since Sept. 30; The Sun. reported nothing.",
        &[
            ("Tue.", "DATE", "2023-12-26"),
            ("Sept. 30", "DATE", "2023-09-30"),
        ],
    );
}

#[test]
fn prepositions_and_infinitives_set_the_direction() {
    // DCT 2023-12-20 is a Wednesday.
    check(
        "Guards have been on alert since shortly after the Oct. 23 raid.",
        &[("Oct. 23", "DATE", "2023-10-23")],
    );
    check(
        "The ministry extended the deadline until Friday.",
        &[("Friday", "DATE", "2023-12-22")],
    );
    check(
        "Until Monday, they had not named a suspect.",
        &[("Monday", "DATE", "2023-12-18")],
    );
    check(
        "The delegation planned to leave Kabul on Thursday.",
        &[("Thursday", "DATE", "2023-12-21")],
    );
    check(
        "On Monday, the government planned to pay the families.",
        &[("Monday", "DATE", "2023-12-18")],
    );
    // a noun "plans" is no future cue
    check(
        "On Monday, when the envoy set aside his vacation plans, talks resumed.",
        &[("Monday", "DATE", "2023-12-18")],
    );
    check(
        "They were planning to block the road on Saturday.",
        &[("Saturday", "DATE", "2023-12-23")],
    );
    // "is heard": present, the nearer February wins
    check(
        "Lawyers said the appeal is heard in February.",
        &[("February", "DATE", "2024-02")],
    );
}

#[test]
fn days_counted_from_days() {
    check(
        "The day before last Tuesday's hearing, the envoy met the governor.",
        &[("The day before last Tuesday", "DATE", "2023-12-18")],
    );
    check(
        "A hearing is set for the week of January 8.",
        &[("the week of January 8", "DATE", "2024-W02")],
    );
}

#[test]
fn the_past_year_is_named_by_a_calendar_year() {
    let doc = run("Attacks rose over the past year.", Some(DCT));
    let a = one(&doc, "the past year");
    assert_eq!((a.label.as_ref(), a.key.as_deref()), ("DATE", Some("2023")));
    assert_eq!(a.attrs["status"], "range");
    assert_eq!(
        (a.attrs["from"].as_str(), a.attrs["to"].as_str()),
        (Some("2022-12"), Some("2023-12"))
    );
    // early in a year it is the year before (TimeBank)
    let doc = run("Hate groups grew over the past year.", Some("1998-03-03"));
    assert_eq!(one(&doc, "the past year").key.as_deref(), Some("1997"));
    // "for the past year" stays a duration
    check(
        "He has been held for the past year.",
        &[("the past year", "DURATION", "P1Y")],
    );
    let doc = run("Attacks rose over the past year.", None);
    assert_eq!(one(&doc, "the past year").attrs["status"], "unresolved");
}

#[test]
fn a_moved_reference_time_places_later_weekdays() {
    let text = "The Security Council on Dec. 11 ordered an embargo. Troops arrived Tuesday, \
                and the king met the envoy Monday.";
    check(
        text,
        &[
            ("Dec. 11", "DATE", "2023-12-11"),
            ("Tuesday", "DATE", "2023-12-12"),
            ("Monday", "DATE", "2023-12-11"),
        ],
    );
    // background dates leave the reference time at publication
    for text in [
        "Iran had condemned the invasion on Dec. 11. Troops arrived Tuesday.",
        "Talks stalled since the vote on Dec. 11. Troops arrived Tuesday.",
        "The Dec. 11 vote failed. Troops arrived Tuesday.",
        "The Security Council on Nov. 20 ordered an embargo. Troops arrived Tuesday.",
    ] {
        let doc = run(text, Some(DCT));
        assert_eq!(
            one(&doc, "Tuesday").key.as_deref(),
            Some("2023-12-19"),
            "{text}"
        );
    }
}

#[test]
fn that_day_is_the_day_the_story_is_at() {
    // DCT 2023-12-20 is a Wednesday.
    check(
        "Gunmen stormed the post on Dec. 3. Later that day, the army sealed the valley.",
        &[
            ("Dec. 3", "DATE", "2023-12-03"),
            ("Later that day", "DATE", "2023-12-03"),
        ],
    );
    check(
        "Two convoys were attacked on Nov. 28, and a third was ambushed the same day.",
        &[
            ("Nov. 28", "DATE", "2023-11-28"),
            ("the same day", "DATE", "2023-11-28"),
        ],
    );
    check(
        "The ministry shut the crossing in June 2021. Traders protested that year.",
        &[
            ("June 2021", "DATE", "2021-06"),
            ("that year", "DATE", "2021"),
        ],
    );
    check(
        "The envoy landed on Dec. 2; that morning the border closed.",
        &[
            ("Dec. 2", "DATE", "2023-12-02"),
            ("that morning", "TIME", "2023-12-02TMO"),
        ],
    );
    // the reporter's own "yesterday" is a point the story can come back to
    check(
        "Militants attacked the post yesterday. Later that day, the army sealed the valley.",
        &[
            ("yesterday", "DATE", "2023-12-19"),
            ("Later that day", "DATE", "2023-12-19"),
        ],
    );
}

#[test]
fn that_day_after_a_coarser_point_or_none() {
    // a day in the month just named
    let doc = run(
        "The commander was killed last October. His name was struck from the list that same day.",
        Some(DCT),
    );
    let a = one(&doc, "that same day");
    assert_eq!(a.key.as_deref(), Some("2023-10-XX"));
    assert_eq!(a.attrs["status"], "approximate");
    // a coarse point several paragraphs back is no referent, and neither is nothing:
    // a generic "that day" is not tagged
    check(
        "The market fell in 1987.\n\nYou get a rumour, and you have heavy selling that day.",
        &[("1987", "DATE", "1987")],
    );
    check(
        "You get a rumour, and you have heavy selling that day.",
        &[],
    );
    // "that week-long truce" is a modifier
    check(
        "Fighting resumed on Dec. 3, ending that week-long truce.",
        &[("Dec. 3", "DATE", "2023-12-03")],
    );
}

#[test]
fn next_and_previous_count_from_the_story_time() {
    check(
        "The envoy reached Kabul on Dec. 11 and met the governor the next morning.",
        &[
            ("Dec. 11", "DATE", "2023-12-11"),
            ("the next morning", "TIME", "2023-12-12TMO"),
        ],
    );
    check(
        "On Dec. 11 the border reopened; the previous night, shells hit Khorog.",
        &[
            ("Dec. 11", "DATE", "2023-12-11"),
            ("the previous night", "TIME", "2023-12-10TNI"),
        ],
    );
    // "the previous Friday" is the Friday before the one just named
    check(
        "The index closed Friday at 2,082, down 4.5% from the previous Friday.",
        &[
            ("Friday", "DATE", "2023-12-15"),
            ("the previous Friday", "DATE", "2023-12-08"),
        ],
    );
    check(
        "The talks opened on Dec. 7 and resumed the following Monday.",
        &[
            ("Dec. 7", "DATE", "2023-12-07"),
            ("the following Monday", "DATE", "2023-12-11"),
        ],
    );
    // counted at the unit's precision from the last point named: a month from a month
    check(
        "The group was dissolved in March. The following month, it regrouped.",
        &[
            ("March", "DATE", "2023-03"),
            ("The following month", "DATE", "2023-04"),
        ],
    );
    check(
        "The party was founded in 2015 and banned the following year.",
        &[
            ("2015", "DATE", "2015"),
            ("the following year", "DATE", "2016"),
        ],
    );
}

#[test]
fn the_reporters_own_time_stays_on_publication() {
    // After an explicit date weeks back, the reporter's weekdays and deictic words
    // still count from the publication date (the news sets bear this out: a bare
    // weekday after such a date is in the publication week far more often than not).
    check(
        "The commander was killed on Nov. 3. Police arrested two suspects on Tuesday.",
        &[
            ("Nov. 3", "DATE", "2023-11-03"),
            ("Tuesday", "DATE", "2023-12-19"),
        ],
    );
    check(
        "The commander was killed on Nov. 3. Yesterday, police made arrests; last week, \
         they searched the village.",
        &[
            ("Nov. 3", "DATE", "2023-11-03"),
            ("Yesterday", "DATE", "2023-12-19"),
            ("last week", "DATE", "2023-W50"),
        ],
    );
}

#[test]
fn a_clock_time_takes_the_day_of_its_sentence() {
    check(
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, police said.",
        &[
            ("about 10:35 a.m.", "TIME", "2023-12-15T10:35"),
            ("0735 GMT", "TIME", "2023-12-15T07:35"),
            ("Friday", "DATE", "2023-12-15"),
        ],
    );
    // a day that belongs to another time is not lent
    check(
        "The blast came at 8:30 a.m. and a second at 10 p.m. Monday.",
        &[
            ("8:30 a.m.", "TIME", "2023-12-20T08:30"),
            ("10 p.m. Monday", "TIME", "2023-12-18T22:00"),
        ],
    );
}

#[test]
fn more_tense_cues() {
    // planning with an object looks ahead
    check(
        "Protesters planned a rally in the capital on Saturday.",
        &[("Saturday", "DATE", "2023-12-23")],
    );
    check(
        "Protesters held a rally in the capital on Saturday.",
        &[("Saturday", "DATE", "2023-12-16")],
    );
    // a plan overtaken: "had been due"
    check(
        "The offer had been due to expire Friday.",
        &[("Friday", "DATE", "2023-12-15")],
    );
    check(
        "The offer is due to expire Friday.",
        &[("Friday", "DATE", "2023-12-22")],
    );
    // "would" after a past verb: a future seen from the past, the nearer day
    check(
        "Relatives said they would challenge Monday's ruling.",
        &[("Monday", "DATE", "2023-12-18")],
    );
    check(
        "The ministry said the envoy would arrive Thursday.",
        &[("Thursday", "DATE", "2023-12-21")],
    );
    // a commitment's "to" looks ahead, what comes before it stays past
    check(
        "In November, the company agreed to buy the mine in February.",
        &[
            ("November", "DATE", "2023-11"),
            ("February", "DATE", "2024-02"),
        ],
    );
    check(
        "The rebels vowed to return on Friday.",
        &[("Friday", "DATE", "2023-12-22")],
    );
    // a participle after a determiner is an adjective, no past-tense cue
    check(
        "The split takes effect on a still unspecified date in March.",
        &[("March", "DATE", "2024-03")],
    );
}

#[test]
fn paragraphs_are_blank_lines() {
    assert!(is_paragraph_break(" \n\n"));
    assert!(is_paragraph_break("\r\n \r\n"));
    assert!(!is_paragraph_break(" "));
    assert!(!is_paragraph_break("\n"));
}

#[test]
fn solar_hijri_years_need_a_cue() {
    check(
        "The budget for 1402 SH was cut, and fighting resumed in Hamal 1402.",
        &[
            ("1402 SH", "DATE", "2023"),
            ("Hamal 1402", "DATE", "2023-04"),
        ],
    );
    let text = "On 3 Hamal 1402 schools opened; in the year 1401 of the solar hijri calendar they were shut.";
    check(
        text,
        &[
            ("3 Hamal 1402", "DATE", "2023-03-23"),
            ("the year 1401", "DATE", "2022"),
        ],
    );
    let doc = run("The budget for 1402 SH was cut.", Some(DCT));
    let a = one(&doc, "1402 SH");
    assert_eq!(a.attrs["status"], "range");
    assert_eq!(a.attrs["from"], "2023-03-21");
    assert_eq!(a.attrs["to"], "2024-03-19");
    assert_eq!(a.attrs["note"], "1402 SH (solar hijri)");
    // a bare number is a Gregorian year; "Hut" needs a year after it
    check(
        "Exports rose in 1402, traders said.",
        &[("1402", "DATE", "1402")],
    );
    check(
        "The Hut stood near the border in 2023.",
        &[("2023", "DATE", "2023")],
    );
}
