use super::*;
use crate::Pipeline;
use spillover_doc::{Report, ReportId};

fn run(text: &str) -> Doc {
    let mut r = Report::from_text(ReportId("t".into()), text);
    r.published = chrono::NaiveDate::from_ymd_opt(2023, 12, 20);
    let doc = Pipeline::standard().run(r).unwrap();
    doc.check_invariants().unwrap();
    doc
}

/// (label, source_code, target_code, status) of every event.
fn events(doc: &Doc) -> Vec<(String, String, String, String)> {
    doc.layer(Layer::Events)
        .iter()
        .map(|e| {
            (
                e.label.to_string(),
                e.attrs["source_code"].as_str().unwrap_or("").to_string(),
                e.attrs["target_code"].as_str().unwrap_or("").to_string(),
                e.attrs["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The first event of `label`, or a panic listing what was found.
fn event<'d>(doc: &'d Doc, label: &str) -> &'d Annotation {
    doc.layer(Layer::Events)
        .iter()
        .find(|e| e.label == label)
        .unwrap_or_else(|| panic!("no {label} event in {:#?}", events(doc)))
}

/// Asserts an event (label, source first three letters, target first three letters).
fn has(doc: &Doc, label: &str, source: &str, target: &str) {
    let found = events(doc).iter().any(|(l, s, t, _)| {
        l == label && s.get(..3).unwrap_or(s) == source && t.get(..3).unwrap_or(t) == target
    });
    assert!(
        found,
        "no {label} {source} -> {target} in {:#?}",
        events(doc)
    );
}

fn slice<'d>(doc: &'d Doc, v: &serde_json::Value) -> &'d str {
    let s = v["start"].as_u64().unwrap() as usize;
    let e = v["end"].as_u64().unwrap() as usize;
    &doc.text()[s..e]
}

#[test]
fn builtin_tables_parse_and_agree() {
    let lex = Lexicon::shared();
    assert!(lex.triggers.len() > 200);
    for t in &lex.triggers {
        // every code is in the CAMEO table
        assert!(lex.cameo_row(t.cameo).is_some(), "{}", t.cameo);
    }
    for p in Plover::ALL {
        let row = lex.type_row(p);
        assert!(lex.cameo_row(row.default_cameo).is_some());
    }
    // roots map to the types the PLOVER table names for them
    assert_eq!(
        lex.cameo_row("190").and_then(|r| r.plover),
        Some(Plover::Assault)
    );
    assert_eq!(
        lex.cameo_row("1723").and_then(|r| r.plover),
        Some(Plover::Coerce)
    );
    assert_eq!(
        lex.cameo_row("0871").and_then(|r| r.plover),
        Some(Plover::Retreat)
    );
    assert_eq!(lex.cameo_row("01").and_then(|r| r.plover), None);
    assert_eq!(
        lex.cameo_row("1831").and_then(|r| r.acled),
        Some(("Explosions/Remote violence", "Suicide bomb"))
    );
    assert_eq!(lex.sector(Some("militant"), "groups"), Some("REB"));
    assert_eq!(lex.sector(None, "troops"), Some("MIL"));
}

#[test]
fn extra_demonyms_do_not_repeat_the_shared_table() {
    let shared = Demonyms::builtin();
    let lex = Lexicon::shared();
    for (adj, _) in lex.extra_demonyms.adjectives() {
        assert!(
            shared.adjective(adj).is_none(),
            "{adj} is already in data/demonyms.tsv"
        );
    }
}

#[test]
fn bad_table_lines_are_named() {
    let e = lexicon::parse_pattern("~ attack").unwrap_err();
    assert!(e.contains("start"), "{e}");
    let err = Lexicon::parse(
        "pattern\tplover\tcameo\tflags\tmode\nattack\tBOMB\t190\t-\t-\n",
        include_str!("../../../../data/events/cameo.tsv"),
        include_str!("../../../../data/events/plover.tsv"),
        "",
        "",
        "",
        &Demonyms::default(),
    )
    .unwrap_err();
    assert_eq!(err.file, "triggers.tsv");
    assert_eq!(err.line, 2);
}

#[test]
fn each_main_type_is_coded() {
    let cases = [
        (
            "Jordan and Britain agreed to hold joint talks on Monday.",
            "AGREE",
            "JOR",
            "GBR",
        ),
        (
            "The Iranian foreign minister visited Pakistan on Monday.",
            "CONSULT",
            "IRN",
            "PAK",
        ),
        (
            "Russia praised Kazakhstan for its handling of the crisis.",
            "SUPPORT",
            "RUS",
            "KAZ",
        ),
        (
            "Uzbekistan extradited two suspects to Tajikistan.",
            "COOPERATE",
            "UZB",
            "TJK",
        ),
        (
            "Japan sent food aid to Afghanistan last week.",
            "AID",
            "JPN",
            "AFG",
        ),
        (
            "Pakistan lifted the curfew in Peshawar on Sunday.",
            "CONCEDE",
            "PAK",
            "PAK",
        ),
        (
            "Russia withdrew its troops from Syria.",
            "RETREAT",
            "RUS",
            "SYR",
        ),
        (
            "Pakistan urged the Taliban to act against militants.",
            "REQUEST",
            "PAK",
            "AFG",
        ),
        (
            "Iran accused Pakistan of sheltering militants.",
            "ACCUSE",
            "IRN",
            "PAK",
        ),
        (
            "Tajikistan rejected an Uzbek proposal on water sharing.",
            "REJECT",
            "TJK",
            "UZB",
        ),
        (
            "Iran threatened to close its border with Pakistan.",
            "THREATEN",
            "IRN",
            "PAK",
        ),
        (
            "Thousands of Afghan refugees demonstrated outside the Iranian embassy.",
            "PROTEST",
            "AFG",
            "IRN",
        ),
        (
            "The United States imposed sanctions on Iran on Friday.",
            "SANCTION",
            "USA",
            "IRN",
        ),
        (
            "Russia deployed troops to Tajikistan in March.",
            "MOBILIZE",
            "RUS",
            "TJK",
        ),
        (
            "Tajik police arrested 12 Afghan nationals near the border.",
            "COERCE",
            "TJK",
            "AFG",
        ),
        (
            "Pakistani troops attacked Afghan border posts on Tuesday.",
            "ASSAULT",
            "PAK",
            "AFG",
        ),
    ];
    for (text, label, s, t) in cases {
        let doc = run(text);
        has(&doc, label, s, t);
    }
}

#[test]
fn passive_voice_swaps_source_and_target() {
    let doc = run("An Afghan border post was attacked by Pakistani troops on Tuesday.");
    has(&doc, "ASSAULT", "PAK", "AFG");
}

#[test]
fn the_thing_given_is_not_the_recipient() {
    // "intelligence" names a sector, but here it is what is provided
    let doc = run("The United States is providing military intelligence to Macedonia.");
    has(&doc, "AID", "USA", "MKD");
    // a recipient far from the noun is another clause's business
    let doc = run(
        "Turkish police prevented a rally by students near the university to protest the decision of sending troops to Iraq.",
    );
    let coerce: Vec<_> = events(&doc)
        .into_iter()
        .filter(|e| e.0 == "COERCE")
        .collect();
    assert!(
        !coerce.is_empty() && coerce.iter().all(|e| e.2 != "IRQ"),
        "{:?}",
        events(&doc)
    );
}

#[test]
fn verb_forms_and_settings_that_decide_source_and_target() {
    for (text, label, source, target) in [
        // "the EU gave" is a clause ("a U.S. request" would be a noun phrase)
        ("The EU gave Syria aid.", "AID", "IGO", "SYR"),
        // "is committed to" is an adjective, not a passive
        (
            "Vietnam is committed to opening up the economy.",
            "AGREE",
            "VNM",
            "---",
        ),
        // a protest with no named target: the country it is set in, else the source's
        (
            "Afghan refugees rioted on Monday at a camp in northern Pakistan.",
            "PROTEST",
            "AFG",
            "PAK",
        ),
        (
            "Afghan refugees rioted on Monday at a camp.",
            "PROTEST",
            "AFG",
            "AFG",
        ),
        // a state's aircraft and weapons are its armed forces; "struck" is an attack
        (
            "Turkish warplanes struck PKK targets in northern Iraq.",
            "ASSAULT",
            "TUR",
            "IRQ",
        ),
        // the head of "X including Y" is X
        (
            "Russian aircraft including helicopter gunships killed 46 Afghan civilians.",
            "ASSAULT",
            "RUS",
            "AFG",
        ),
        // pressing someone to act is a demand
        (
            "Washington pressured Pakistan to close the border.",
            "REQUEST",
            "USA",
            "PAK",
        ),
    ] {
        has(&run(text), label, source, target);
    }
}

#[test]
fn coordinated_partners_give_one_event_each_way() {
    let doc = run("Iran and Pakistan agreed to reopen the border crossing.");
    has(&doc, "AGREE", "IRN", "PAK");
    has(&doc, "AGREE", "PAK", "IRN");
    let doc = run("Kazakhstan, Kyrgyzstan and Tajikistan welcomed the talks with Russia.");
    for s in ["KAZ", "KGZ", "TJK"] {
        has(&doc, "SUPPORT", s, "RUS");
    }
}

#[test]
fn the_reporter_is_not_the_source() {
    let doc = run("Iran attacked Iraqi positions near Basra, Pakistani officials said.");
    has(&doc, "ASSAULT", "IRN", "IRQ");
    assert!(
        !events(&doc).iter().any(|(_, s, _, _)| s.starts_with("PAK")),
        "{:#?}",
        events(&doc)
    );
    // "X said it would …": the speaker stands for the pronoun
    let doc = run("Syria said it would withdraw its troops from Lebanon.");
    has(&doc, "AGREE", "SYR", "LBN");
    assert_eq!(event(&doc, "AGREE").attrs["intended"]["plover"], "RETREAT");
}

#[test]
fn negated_hypothetical_future_and_denied_events_are_marked() {
    let doc = run("Pakistani troops did not attack Afghan border posts.");
    assert_eq!(event(&doc, "ASSAULT").attrs["status"], "negated");
    let doc = run("Iranian forces may attack Iraqi positions.");
    assert_eq!(event(&doc, "ASSAULT").attrs["status"], "hypothetical");
    let doc = run("Pakistan denied that its troops attacked Iran.");
    assert_eq!(event(&doc, "ASSAULT").attrs["status"], "denied");
    has(&doc, "REJECT", "PAK", "---");
    // an intention is coded as the statement of it
    let doc = run("Iran will attack Iraqi positions.");
    let e = event(&doc, "THREATEN");
    assert_eq!(e.attrs["status"], "happened");
    assert_eq!(e.attrs["intended"]["plover"], "ASSAULT");
    let doc = run("Syria will not accept any more refugees.");
    assert_eq!(event(&doc, "REJECT").attrs["modality"], "refusal");
}

#[test]
fn attempts_reported_as_failed_are_negated() {
    let doc = run(
        "Extremists attempted to infiltrate Tajikistan from Afghanistan. \
         All of these attempts were suppressed by Tajik border guards.",
    );
    let e = doc
        .layer(Layer::Events)
        .iter()
        .find(|e| e.attrs["plover_mode"] == "infiltration")
        .unwrap_or_else(|| panic!("{:#?}", events(&doc)));
    assert_eq!(e.attrs["status"], "negated");
    assert_eq!(e.attrs["attempt"], "failed");
}

#[test]
fn counts_place_and_date_come_from_the_clause() {
    let doc = run(
        "Militants killed 14 soldiers and wounded 22 in Kunduz province on Tuesday, December 19.",
    );
    let e = event(&doc, "ASSAULT");
    assert_eq!(e.attrs["counts"]["killed"], 14.0);
    assert_eq!(e.attrs["counts"]["wounded"], 22.0);
    assert_eq!(slice(&doc, &e.attrs["place"]), "Kunduz");
    assert_eq!(e.attrs["place"]["country"], "AFG");
    assert_eq!(e.attrs["date"]["value"], "2023-12-19");
    assert_eq!(e.attrs["date"]["origin"], "text");
    // one event for "killed … and wounded …"
    assert_eq!(doc.layer(Layer::Events).len(), 1, "{:#?}", events(&doc));
    // no date in the sentence: the publication date, said so
    let doc = run("Pakistani troops attacked Afghan border posts.");
    assert_eq!(event(&doc, "ASSAULT").attrs["date"]["origin"], "published");
}

#[test]
fn indicators_carry_evidence_and_direction() {
    let doc = run("Armed militants from Afghanistan infiltrated Tajikistan on Monday.");
    let e = event(&doc, "ASSAULT");
    let inds = e.attrs["indicators"].as_array().unwrap();
    let inf = inds
        .iter()
        .find(|i| i["indicator"] == "border_infiltration")
        .unwrap_or_else(|| panic!("{inds:#?}"));
    assert_eq!(inf["direction"]["from"], "AFG");
    assert_eq!(inf["direction"]["to"], "TJK");
    let ev = &inf["evidence"][0];
    let (s, t) = (
        ev[0].as_u64().unwrap() as usize,
        ev[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&doc.text()[s..t], "infiltrated");
    // an accusation between two states
    let doc = run("Iran accused Pakistan of sheltering militants.");
    let e = event(&doc, "ACCUSE");
    assert!(e.attrs["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["indicator"] == "interstate_accusation"));
    // drug trafficking named in the sentence
    let doc = run("Tajik border guards seized 300 kilograms of heroin smuggled from Afghanistan.");
    let e = event(&doc, "COERCE");
    assert!(e.attrs["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["indicator"] == "drug_trafficking"));
}

/// The indicator annotations of `label`.
fn indicators<'d>(doc: &'d Doc, label: &str) -> Vec<&'d Annotation> {
    doc.layer(Layer::Indicators)
        .iter()
        .filter(|a| a.label == label)
        .collect()
}

#[test]
fn sentences_raise_indicators_without_events() {
    // no event: a figure of strength, a hedged presence among migrants
    let doc = run("ISKP had amassed up to 6,500 fighters in the north. \
         Terrorists may be among the refugees fleeing from Pakistan into Afghanistan.");
    let strength = indicators(&doc, "armed_group_strength");
    assert!(!strength.is_empty(), "{:#?}", doc.layer(Layer::Indicators));
    let terror = indicators(&doc, "terrorism");
    assert_eq!(terror.len(), 1, "{terror:#?}");
    assert_eq!(
        &doc.text()[terror[0].span.start..terror[0].span.end],
        "Terrorists"
    );
    assert_eq!(terror[0].attrs["sentence"], 1);
    let moves = indicators(&doc, "displacement");
    assert_eq!(moves.len(), 1, "{moves:#?}");
    let d = moves[0];
    assert_eq!(d.attrs["direction"]["from"], "PAK");
    assert_eq!(d.attrs["direction"]["to"], "AFG");
    assert!(d.attrs["events"].is_null(), "{d:#?}");
    assert!((d.confidence - 0.6).abs() < 1e-6);
    // the date: the publication date, said so
    assert_eq!(d.attrs["date"]["value"], "2023-12-20");
    assert_eq!(d.attrs["date"]["origin"], "published");
    // every piece of evidence lies in the sentence and is named by the span
    for a in doc.layer(Layer::Indicators) {
        let si = a.attrs["sentence"].as_u64().unwrap() as usize;
        for ev in a.attrs["evidence"].as_array().unwrap() {
            let sp = Span::new(
                ev[0].as_u64().unwrap() as usize,
                ev[1].as_u64().unwrap() as usize,
            )
            .unwrap();
            assert!(doc.sentences()[si].contains(sp), "{a:#?}");
        }
        assert_eq!(a.attrs["evidence"][0][0], a.span.start);
    }
}

#[test]
fn an_event_and_its_sentence_give_one_indicator_with_the_event() {
    let doc =
        run("Armed militants from Afghanistan infiltrated Tajikistan near Panj on 3 March 2024.");
    let inf = indicators(&doc, "border_infiltration");
    assert_eq!(inf.len(), 1, "{inf:#?}");
    let a = inf[0];
    assert_eq!(a.attrs["events"][0]["plover"], "ASSAULT");
    assert_eq!(a.attrs["direction"]["from"], "AFG");
    assert_eq!(a.attrs["direction"]["to"], "TJK");
    assert_eq!(a.attrs["place"]["origin"], "event");
    assert_eq!(a.attrs["place"]["country"], "TJK");
    assert_eq!(a.attrs["date"]["value"], "2024-03-03");
    assert!(a.confidence > 0.75);
    // said by someone: the indicator is the speaker's
    let doc = run("Pakistan's foreign ministry said terrorists crossed from Afghanistan.");
    let t = indicators(&doc, "terrorism");
    assert_eq!(t.len(), 1, "{t:#?}");
    assert!(t[0].attrs["claim"]["start"].is_u64(), "{t:#?}");
}

#[test]
fn seed_report_raises_every_indicator() {
    let doc = run(include_str!(
        "../../../../../shared/examples/seed-report.txt"
    ));
    for name in [
        "terrorism",
        "extremism",
        "drug_trafficking",
        "weapons_trafficking",
        "border_infiltration",
        "armed_group_strength",
        "displacement",
        "military_exercise",
        "interstate_accusation",
    ] {
        assert!(
            !indicators(&doc, name).is_empty(),
            "no {name} in {:#?}",
            doc.layer(Layer::Indicators)
        );
    }
    // Afghan refugees moving from Pakistan to northern Afghanistan
    assert!(indicators(&doc, "displacement")
        .iter()
        .any(|a| a.attrs["direction"]["from"] == "PAK" && a.attrs["direction"]["to"] == "AFG"));
    // the threat from AFG toward TJK
    assert!(indicators(&doc, "border_infiltration")
        .iter()
        .any(|a| a.attrs["direction"]["from"] == "AFG" && a.attrs["direction"]["to"] == "TJK"));
}

#[test]
fn every_span_is_inside_its_sentence_and_names_its_text() {
    let doc = run(include_str!(
        "../../../../../shared/examples/seed-report.txt"
    ));
    for e in doc.layer(Layer::Events) {
        let si = e.attrs["sentence"].as_u64().unwrap() as usize;
        assert!(doc.sentences()[si].contains(e.span), "{e:?}");
        let t = &e.attrs["trigger"];
        assert_eq!(slice(&doc, t), t["text"].as_str().unwrap());
        assert!(e.span.contains(Span {
            start: t["start"].as_u64().unwrap() as usize,
            end: t["end"].as_u64().unwrap() as usize
        }));
    }
}

#[test]
fn seed_report_events() {
    let doc = run(include_str!(
        "../../../../../shared/examples/seed-report.txt"
    ));
    // ACCUSE · Pakistan → Taliban; Jomhouri-e Eslami (IRN) → Taliban
    has(&doc, "ACCUSE", "PAK", "AFG");
    let jomhouri = doc.layer(Layer::Events).iter().any(|e| {
        e.label == "ACCUSE"
            && e.attrs["source"]["key"] == "jomhouri-e-eslami"
            && e.attrs["target"]["key"] == "taliban"
    });
    assert!(jomhouri, "{:#?}", events(&doc));
    // REQUEST · Pakistan → Taliban
    has(&doc, "REQUEST", "PAK", "AFG");
    // REJECT (denial) · Taliban → the accusers
    let denials: Vec<&Annotation> = doc
        .layer(Layer::Events)
        .iter()
        .filter(|e| e.label == "REJECT" && e.attrs["source"]["key"] == "taliban")
        .collect();
    let targets: Vec<&str> = denials
        .iter()
        .filter_map(|e| e.attrs["target_code"].as_str())
        .collect();
    assert!(targets.iter().any(|t| t.starts_with("PAK")), "{targets:?}");
    assert!(targets.iter().any(|t| t.starts_with("IRN")), "{targets:?}");
    // ASSAULT · Jaish ul-Adl → Iranian soldiers
    let jaish = doc.layer(Layer::Events).iter().any(|e| {
        e.label == "ASSAULT"
            && e.attrs["source"]["key"] == "jaish-al-adl"
            && e.attrs["target_code"] == "IRNMIL"
    });
    assert!(jaish, "{:#?}", events(&doc));
    // infiltration attempts toward Tajikistan: the repelled ones are not counted as happened
    let infiltrations: Vec<&Annotation> = doc
        .layer(Layer::Events)
        .iter()
        .filter(|e| e.attrs["plover_mode"] == "infiltration")
        .collect();
    assert!(infiltrations
        .iter()
        .all(|e| e.attrs["target_code"] == "TJK"));
    let repelled = infiltrations
        .iter()
        .find(|e| e.attrs["status"] == "negated")
        .unwrap_or_else(|| panic!("{:#?}", events(&doc)));
    let inf = repelled.attrs["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["indicator"] == "border_infiltration")
        .unwrap();
    assert_eq!(inf["direction"]["from"], "AFG");
    assert_eq!(inf["direction"]["to"], "TJK");
    assert_eq!(repelled.attrs["place"]["precision"], "border");
    // MOBILIZE (military exercises) · CSTO, 2021-12 .. 2023-12
    let drills = doc
        .layer(Layer::Events)
        .iter()
        .find(|e| e.label == "MOBILIZE" && e.attrs["plover_mode"] == "exercise")
        .unwrap_or_else(|| panic!("{:#?}", events(&doc)));
    assert_eq!(drills.attrs["source"]["key"], "csto");
    assert_eq!(drills.attrs["date"]["granularity"], "range");
    // CONSULT · CSTO Parliamentary Assembly plenary session · Moscow · 2023-12-19
    let session = event(&doc, "CONSULT");
    assert_eq!(
        session.attrs["source"]["key"],
        "csto.parliamentary-assembly"
    );
    assert_eq!(session.attrs["place"]["name"], "Moscow");
    assert_eq!(session.attrs["date"]["value"], "2023-12-19");
    // nothing in the report is an event of a hedged or denied claim counted as happened
    for e in doc.layer(Layer::Events) {
        if e.attrs["claim"]["stance"] == "denies" && e.attrs["claim"]["relation"] == "reported" {
            assert_ne!(e.attrs["status"], "happened", "{e:?}");
        }
    }
}

/// Dumps the layers of each line of a gold JSONL file (path in `EVENTS_DUMP`): a
/// development aid, `cargo test -p spillover-pipeline events::tests::dump -- --ignored`.
#[test]
#[ignore]
fn dump_gold_layers() {
    let Ok(path) = std::env::var("EVENTS_DUMP") else {
        return;
    };
    let p = Pipeline::standard();
    let text = std::fs::read_to_string(path).unwrap();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut r = Report::from_text(
            ReportId("g".into()),
            v["text"].as_str().unwrap().to_string(),
        );
        r.published = v["date"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let doc = p.run(r).unwrap();
        let mut out = doc.to_extract_json();
        out["id"] = v["id"].clone();
        out["gold"] = v["events"].clone();
        println!("{out}");
    }
}

/// Prints the participants, triggers and clauses the coder sees in `EVENTS_TEXT`: a
/// development aid, `EVENTS_TEXT='…' cargo test -p spillover-pipeline events::tests::explain -- --ignored --nocapture`.
#[test]
#[ignore]
fn explain() {
    let Ok(text) = std::env::var("EVENTS_TEXT") else {
        return;
    };
    let doc = run(&text);
    let coder = EventCoder::new();
    let lex = coder.lex;
    let mut words = sentence::Words::default();
    let actors = sorted(&doc, Layer::Actors);
    let places = sorted(&doc, Layer::Places);
    for (si, &sspan) in doc.sentences().iter().enumerate() {
        let toks = doc.tokens_in(sspan);
        words.fill(doc.text(), toks, lex);
        let s = sentence::Sentence {
            index: si,
            span: sspan,
            text: doc.text(),
            toks,
            words: &words,
        };
        let src = participants::Sources {
            lex,
            demonyms: coder.demonyms,
            text: doc.text(),
            actors: within(&actors, sspan),
            places: within(&places, sspan).to_vec(),
        };
        let parts = participants::find(&s, &src);
        for p in &parts {
            println!(
                "P {:?} {}..{} code={:?} country={:?} sector={:?} via={:?} loc={} pron={}",
                &doc.text()[p.span.start..p.span.end],
                p.a,
                p.b,
                p.code,
                p.country,
                p.sector,
                p.via,
                p.locative,
                p.pronoun
            );
        }
        let claims = claim_views(&doc, sspan);
        let dates = vec![false; toks.len()];
        let f = Frame {
            s: &s,
            parts: &parts,
            claims: &claims,
            dates: &dates,
            retreat: false,
        };
        let (trigs, _) = s.matches(lex);
        for m in &trigs {
            let c = f.clause(m, true);
            let span = s.span_of(m.first, m.last);
            println!(
                "T {:?} clause={}..{} sub={} nominal={} subject={:?} {:?}",
                &doc.text()[span.start..span.end],
                c.start,
                c.end,
                c.subordinate,
                f.nominal(m),
                f.subject(m, &c),
                f.modality(m, &c)
            );
        }
    }
    for e in events(&doc) {
        println!("E {e:?}");
    }
}
