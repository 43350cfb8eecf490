use super::*;
use crate::Pipeline;
use spillover_doc::{Report, ReportId};

fn run(text: &str) -> Doc {
    let mut r = Report::from_text(ReportId("t".into()), text);
    r.published = chrono::NaiveDate::from_ymd_opt(2023, 12, 20);
    Pipeline::standard().run(r).expect("pipeline")
}

fn roles(doc: &Doc) -> Vec<(String, String, String, String)> {
    let t = doc.text();
    let join = |v: &Value| {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| Some(&t[p[0].as_u64()? as usize..p[1].as_u64()? as usize]))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    doc.layer(Layer::Claims)
        .iter()
        .map(|a| {
            (
                join(&a.attrs["source_spans"]),
                join(&a.attrs["cue_spans"]),
                join(&a.attrs["content_spans"]),
                a.label.to_string(),
            )
        })
        .collect()
}

#[test]
fn quote_regions_pair_marks() {
    let t = "He said “a. b.” and \"c\" then “open\n\nnext";
    let r = quote_regions(t);
    assert_eq!(&t[r[0].0..r[0].1], "“a. b.”");
    assert_eq!(&t[r[1].0..r[1].1], "\"c\"");
    assert_eq!(&t[r[2].0..r[2].1], "“open");
}

fn claims(doc: &Doc) -> Vec<&Annotation> {
    doc.layer(Layer::Claims).iter().collect()
}

fn speaker_key(a: &Annotation) -> Option<&str> {
    a.attrs["speaker"]["key"].as_str()
}

#[test]
fn indirect_speech_with_that() {
    let doc =
        run("Pakistan's foreign minister said that militants crossed the border from Afghanistan.");
    let r = roles(&doc);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "said");
    assert!(r[0].0.ends_with("foreign minister"), "{r:?}");
    assert_eq!(r[0].2, "that militants crossed the border from Afghanistan");
    assert_eq!(r[0].3, "asserts");
    let c = claims(&doc)[0];
    assert_eq!(c.attrs["proposition"]["predicate"], "infiltration");
}

#[test]
fn a_quote_before_its_speaker_resolves_he() {
    let doc = run("Semyon Grigoryev spoke to reporters in Dushanbe. “We see no progress. The border is not safe,” he said.");
    let r = roles(&doc);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "he");
    // The quote spans two sentences and keeps its marks.
    assert_eq!(r[0].2, "“We see no progress. The border is not safe,”");
    let c = claims(&doc)[0];
    assert_eq!(speaker_key(c), Some("doc:person:semyon-grigoryev"));
    assert_eq!(c.attrs["direct"], true);
}

#[test]
fn inverted_speaker_after_the_cue_with_apposition() {
    let doc =
        run("“The attacks will continue,” said Zabihullah Mujahid, the spokesman of the Taliban.");
    let r = roles(&doc);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "Zabihullah Mujahid, the spokesman of the Taliban");
    assert_eq!(r[0].2, "“The attacks will continue,”");
}

#[test]
fn according_to_puts_the_source_after_the_cue() {
    let doc = run("According to the Interior Ministry, 12 militants were killed in Kunduz.");
    let r = roles(&doc);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "According to");
    assert_eq!(r[0].0, "the Interior Ministry");
    assert_eq!(r[0].2, "12 militants were killed in Kunduz");
    let doc = run("Twelve militants were killed in Kunduz, according to the Interior Ministry.");
    let r = roles(&doc);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "the Interior Ministry");
    assert_eq!(r[0].2, "Twelve militants were killed in Kunduz");
}

#[test]
fn stances_come_from_cues_and_hedges() {
    let stance = |t: &str| -> Vec<String> { roles(&run(t)).into_iter().map(|r| r.3).collect() };
    assert_eq!(
        stance("The Taliban denied the presence of foreign fighters in Afghanistan."),
        ["denies"]
    );
    assert_eq!(
        stance("Pakistan accused the Taliban of sheltering TTP militants."),
        ["accuses"]
    );
    assert_eq!(
        stance("Islamabad called on the Taliban to hand over the militants."),
        ["demands"]
    );
    assert_eq!(
        stance("The minister warned that the violence could spread."),
        ["warns"]
    );
    assert_eq!(
        stance("The ministry pledged to rebuild the bridge."),
        ["promises"]
    );
    assert_eq!(
        stance("The governor said that militants may be among the refugees."),
        ["hedged"]
    );
    // A warning stays a warning when hedged, and says so.
    let doc = run("The ambassador expressed concern that terrorists may be among the migrants.");
    let c = claims(&doc);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].label, "warns");
    assert_eq!(c[0].attrs["hedged"], true);
    // "did not deny" asserts.
    assert_eq!(
        stance("The Taliban did not deny the presence of foreign fighters."),
        ["asserts"]
    );
}

#[test]
fn an_accusation_names_its_subject_and_scope() {
    let doc =
        run("Pakistan has consistently accused the Taliban of providing shelter to TTP militants.");
    let c = claims(&doc);
    assert_eq!(c.len(), 1);
    assert_eq!(speaker_key(c[0]), Some("pak"));
    assert_eq!(c[0].attrs["cue"], "has consistently accused");
    let p = &c[0].attrs["proposition"];
    assert_eq!(p["subject"], "taliban");
    assert_eq!(p["predicate"], "harbours_militants");
    assert_eq!(p["scope"], "AFG");
}

#[test]
fn nouns_and_idioms_are_not_cues() {
    for t in [
        "The claims were dismissed as propaganda by observers.",
        "Having said that, the talks will resume in Doha.",
        "The report was published on Monday.",
        "Photo: Reuters",
        "Troops from the United States left the base.",
    ] {
        assert!(roles(&run(t)).is_empty(), "{t}: {:?}", roles(&run(t)));
    }
}

#[test]
fn a_medium_relaying_the_statement_is_kept_apart() {
    let doc = run("In an interview with TASS on Sunday, December 17, Russian Ambassador to Dushanbe Semyon Grigoryev said that the Taliban has not ensured security.");
    let c = claims(&doc);
    assert_eq!(c.len(), 1, "{:?}", roles(&doc));
    assert_eq!(speaker_key(c[0]), Some("doc:person:semyon-grigoryev"));
    assert_eq!(c[0].attrs["medium"]["key"], "tass");
    assert_eq!(c[0].attrs["date"]["value"], "2023-12-17");
    assert_eq!(c[0].attrs["date"]["origin"], "text");
}

#[test]
fn an_undated_statement_takes_the_publication_date_and_says_so() {
    let doc = run("The Taliban said that the border is calm.");
    let c = claims(&doc);
    assert_eq!(c[0].attrs["date"]["value"], "2023-12-20");
    assert_eq!(c[0].attrs["date"]["origin"], "published");
}

#[test]
fn both_countries_are_both_speakers() {
    let doc = run("Iran and Pakistan share borders with Afghanistan. Both countries claim that the Taliban provides shelter to militant groups.");
    let c = claims(&doc);
    assert_eq!(c.len(), 1, "{:?}", roles(&doc));
    let speakers: Vec<&str> = c[0].attrs["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .filter_map(|s| s["key"].as_str())
        .collect();
    assert_eq!(speakers, ["irn", "pak"]);
    // An assertion that another actor harbours militants is an accusation.
    assert_eq!(c[0].label, "accuses");
}

#[test]
fn speaker_labels_open_a_paragraph() {
    let doc = run("WALLACE: Let us start with the border.\n\nPENCE: The border is secure.");
    let r = roles(&doc);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].0.as_str(), r[0].1.as_str()), ("WALLACE", ":"));
    assert_eq!(r[1].2, "The border is secure.");
}

#[test]
fn participles_continue_the_claim_before() {
    let doc = run("The ambassador expressed concern about the influx of refugees, noting that it is changing the local population.");
    let r = roles(&doc);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].2, "the influx of refugees");
    assert_eq!(r[1].0, "The ambassador");
    assert_eq!(r[1].2, "that it is changing the local population");
}

#[test]
fn accusation_and_denial_in_one_report_are_linked() {
    let doc = run("Pakistan accused the Taliban of providing shelter to TTP militants. The Taliban, however, denied the presence of terrorist groups in Afghanistan.");
    let c = claims(&doc);
    assert_eq!(c.len(), 2, "{:?}", roles(&doc));
    assert_eq!(c[1].label, "denies");
    assert_eq!(speaker_key(c[1]), Some("taliban"));
    let links = c[1].attrs["contradicts"].as_array().expect("links");
    assert_eq!(links.len(), 1);
    assert_eq!(links[0]["start"], c[0].span.start);
    assert_eq!(
        links[0]["reason"],
        "accuses vs denies: harbours_militants in AFG"
    );
    // The same speaker does not contradict itself within a report.
    let doc = run("Pakistan accused the Taliban of sheltering militants. Pakistan denied the presence of militants in Afghanistan.");
    assert!(claims(&doc)
        .iter()
        .all(|c| c.attrs["contradicts"].as_array().is_some_and(Vec::is_empty)));
}

#[test]
fn the_report_voice_is_not_a_claim() {
    let doc = run("Terrorist attacks in Pakistan have increased by 60% since 2021. Pakistan claims that terrorist attacks in the country have increased by 60%.");
    let c = claims(&doc);
    assert_eq!(c.len(), 1);
    // Only the second sentence is attributed; its figure is linked to the claim.
    assert!(c[0].span.start > 60);
    assert_eq!(speaker_key(c[0]), Some("pak"));
    assert_eq!(c[0].attrs["quantities"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_colon_hands_over_to_the_quote_in_the_next_paragraph() {
    let doc = run("The governor of Badakhshan said:\n\n“The road to Ishkashim is closed. Nobody can cross.”\n\nTraffic resumed later.");
    let r = roles(&doc);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(
        r[0].2,
        "“The road to Ishkashim is closed. Nobody can cross.”"
    );
}

#[test]
fn a_possessive_statement_noun_is_a_claim() {
    let doc =
        run("The ministry rejected Pakistan’s accusation that the Taliban shelters TTP fighters.");
    let r = roles(&doc);
    let acc = r
        .iter()
        .find(|x| x.1 == "accusation")
        .expect("nominal claim");
    assert_eq!(acc.0, "Pakistan’s");
    assert_eq!(acc.2, "that the Taliban shelters TTP fighters");
    assert_eq!(acc.3, "accuses");
}

#[test]
fn a_date_between_subject_and_verb_is_skipped() {
    let doc = run("Pakistan's foreign ministry on Thursday accused the Taliban of providing shelter to TTP militants.");
    let r = roles(&doc);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "Pakistan's foreign ministry");
    assert_eq!(r[0].1, "accused");
    let c = claims(&doc);
    assert_eq!(c[0].attrs["date"]["origin"], "text");
}

#[test]
fn a_quote_signed_after_a_dash() {
    let doc = run("Readers wrote in.\n“The border must stay open.” ― Farida Karimova\n“Nobody listens to us.” ― Jamshed Rahimov, Khorog\n");
    let r = roles(&doc);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].0.as_str(), r[0].1.as_str()), ("Farida Karimova", "―"));
    assert_eq!(r[0].2, "“The border must stay open.”");
    assert_eq!(r[1].0, "Jamshed Rahimov, Khorog");
}

#[test]
fn addressees_adjuncts_and_pronouns_are_not_speakers() {
    let speakers = |t: &str| -> Vec<String> { roles(&run(t)).into_iter().map(|r| r.0).collect() };
    assert_eq!(
        speakers("“The crossing is open,” the deputy commissioner of Khyber district, Irfanullah Wazir, told reporters at the crossing."),
        ["the deputy commissioner of Khyber district, Irfanullah Wazir"]
    );
    assert_eq!(
        speakers("“Daesh has been broken,” a ministry spokesman, Mawlawi Saifullah Haqyar, said in a statement."),
        ["a ministry spokesman, Mawlawi Saifullah Haqyar"]
    );
    assert_eq!(
        speakers("After the talks in Doha it said that the border would reopen."),
        ["it"]
    );
    let r = roles(&run("Police seized 700 kilograms of opium south of Zahedan, the provincial police chief said on Wednesday, describing it as the largest seizure this year."));
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[1].0, "the provincial police chief");
    assert_eq!(r[1].2, "it as the largest seizure this year");
}

/// The worked example: every claim of seed-expected.md with its speaker and stance,
/// and the Taliban's denial linked to the four claims it contradicts.
#[test]
fn seed_report_claims_and_contradictions() {
    let text = include_str!("../../../../../shared/examples/seed-report.txt");
    let doc = run(text);
    let c = claims(&doc);
    let find = |speaker: &str, cue: &str| -> &Annotation {
        c.iter()
            .find(|a| {
                speaker_key(a) == Some(speaker)
                    && a.attrs["cue"].as_str().is_some_and(|x| x.contains(cue))
            })
            .copied()
            .unwrap_or_else(|| panic!("no claim by {speaker} with cue {cue}: {:?}", roles(&doc)))
    };
    let tas = "doc:person:imangali-tasmagambetov";
    let grig = "doc:person:semyon-grigoryev";
    let c1 = find(tas, "expressed concern");
    assert_eq!(c1.label, "warns");
    assert_eq!(c1.attrs["date"]["value"], "2023-12-19");
    let c2 = c
        .iter()
        .find(|a| speaker_key(a) == Some(tas) && a.attrs["direct"] == true)
        .expect("claim 2");
    assert_eq!(c2.label, "asserts");
    let c3 = c
        .iter()
        .find(|a| speaker_key(a) == Some(tas) && a.attrs["date"]["value"] == "2023-03")
        .expect("claim 3");
    assert_eq!(c3.label, "asserts");
    let c4 = find("doc:person:anatoly-sidorov", "claimed");
    assert_eq!(c4.attrs["date"]["value"], "2023-02");
    assert_eq!(c4.attrs["figures"][0]["subject"], "iskp");
    assert_eq!(c4.attrs["figures"][0]["bound"], "at_most");
    let c5 = find(grig, "said");
    assert_eq!(c5.attrs["date"]["value"], "2023-12-17");
    assert_eq!(c5.attrs["medium"]["key"], "tass");
    let c6 = find(grig, "expressed concern");
    assert_eq!(c6.label, "warns");
    let c6b = find(grig, "highlighted");
    assert_eq!(c6b.attrs["hedged"], true);
    let c7 = c
        .iter()
        .find(|a| a.attrs["speakers"].as_array().is_some_and(|s| s.len() == 2))
        .expect("claim 7");
    assert_eq!(c7.label, "accuses");
    let c8 = find("jomhouri-e-eslami", "claimed");
    assert_eq!(c8.label, "accuses");
    let c9 = find("pak", "accused");
    assert_eq!(c9.label, "accuses");
    let c9b = find("pak", "called on");
    assert_eq!(c9b.label, "demands");
    let c10 = find("taliban", "denied");
    assert_eq!(c10.label, "denies");
    let linked: Vec<usize> = c10.attrs["contradicts"]
        .as_array()
        .expect("links")
        .iter()
        .filter_map(|l| l["start"].as_u64().map(|s| s as usize))
        .collect();
    for (n, other) in [(4, c4), (7, c7), (8, c8), (9, c9)] {
        assert!(
            linked.contains(&other.span.start),
            "claim 10 not linked to claim {n}: {linked:?}"
        );
    }
    // Nothing attributed to the report's own title or photo credit.
    let body = text.find("The Secretary General").expect("first paragraph");
    assert!(c.iter().all(|a| a.span.start >= body));
}

/// Developer aid: `DUMP=report.txt cargo test -p spillover-pipeline --lib claims::tests::dump -- --ignored`
/// writes the claims of one report to `claims-dump.json` in the temporary folder.
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("DUMP") else {
        return;
    };

    let text = std::fs::read_to_string(path).expect("read");
    let doc = run(&text);
    let mut out = Vec::new();
    for a in doc.layer(Layer::Claims) {
        let mut v = serde_json::to_value(a).expect("json");
        v["text"] = json!(&doc.text()[a.span.start..a.span.end]);
        out.push(v);
    }
    std::fs::write(
        std::env::temp_dir().join("claims-dump.json"),
        serde_json::to_string(&out).expect("s"),
    )
    .expect("w");
}

/// Developer aid: `GOLD=attribution.jsonl cargo test … claims::tests::dump_gold -- --ignored` writes
/// every gold document's claims to `claims-gold.jsonl` in the temporary folder.
#[test]
#[ignore]
fn dump_gold() {
    let Ok(path) = std::env::var("GOLD") else {
        return;
    };

    let text = std::fs::read_to_string(path).expect("read");
    let mut out = String::new();
    for line in text.lines() {
        let g: Value = serde_json::from_str(line).expect("json");
        let mut r = Report::from_text(ReportId("g".into()), g["text"].as_str().expect("text"));
        r.published = g["date"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let doc = Pipeline::standard().run(r).expect("pipeline");
        let claims: Vec<Value> = doc
            .layer(Layer::Claims)
            .iter()
            .map(|a| a.attrs.clone())
            .collect();
        out.push_str(&serde_json::to_string(&json!({"id": g["id"], "claims": claims})).expect("s"));
        out.push('\n');
    }
    std::fs::write(std::env::temp_dir().join("claims-gold.jsonl"), out).expect("w");
}

#[test]
fn an_obligation_laid_on_another_is_a_demand() {
    for (text, stance) in [
        (
            "Moscow said on Monday that Georgia must withdraw its troops.",
            "demands",
        ),
        (
            "The minister said Kabul must hand over the militants.",
            "demands",
        ),
        ("The minister said there must be a mistake.", "asserts"),
        ("Iran said it must defend its borders.", "asserts"),
        (
            "The envoy said they must have known about the raid.",
            "asserts",
        ),
        ("The envoy said we must stay calm.", "asserts"),
    ] {
        let doc = run(text);
        let claims = doc.layer(Layer::Claims);
        assert_eq!(claims.len(), 1, "{text}: {claims:#?}");
        assert_eq!(claims[0].label, stance, "{text}");
    }
}

#[test]
fn a_quote_before_the_source_is_the_content_whatever_follows() {
    let doc = run("“It never crossed my mind,” she said several months after her release, and a big reason was the treatment.");
    let r = roles(&doc);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, "she");
    assert!(r[0].2.starts_with("“It never crossed my mind,”"), "{r:#?}");
    // the added quote is a claim of its own
    let doc = run(
        "“We can’t afford this anymore,” Trump said, adding later, “NATO is costing us a fortune.”",
    );
    let r = roles(&doc);
    assert!(
        r.iter()
            .any(|x| x.1 == "said" && x.2.starts_with("“We can’t afford")),
        "{r:#?}"
    );
    assert!(r.iter().any(|x| x.2.contains("NATO is costing")), "{r:#?}");
}

#[test]
fn a_cue_coordinated_with_an_earlier_verb_takes_the_subject() {
    let doc = run("Mr. Schultz generally supported Democrats during his time on MSNBC, and said he did not support Mr. Trump.");
    let r = roles(&doc);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].0, "Mr. Schultz");
    assert_eq!(r[0].2, "he did not support Mr. Trump");
    // no capitalised subject: no claim invented
    let doc = run("the crowd cheered loudly, and said nothing.");
    assert!(roles(&doc).is_empty(), "{:#?}", roles(&doc));
}

/// (source, cue, content) of one claim.
type Roles = (&'static str, &'static str, &'static str);

/// One sentence (or two), and the (source, cue, content) each claim must have, in order.
#[test]
fn sources_cues_and_contents_of_common_shapes() {
    let cases: &[(&str, &[Roles])] = &[
        // a relative pronoun is the source word; the speaker resolves through it
        (
            "Officials met an engineer who said he was never paid for the design.",
            &[("who", "said", "he was never paid for the design")],
        ),
        (
            "The envoy met Ahmad Massoud, who in 2021 said the resistance would go on.",
            &[("who", "said", "the resistance would go on")],
        ),
        // a slash glued inside the source after the cue
        (
            "“They are wrong,” said 9/11 widow Terry Strada.",
            &[("9/11 widow Terry Strada", "said", "“They are wrong,”")],
        ),
        // a question closes its sentence; the speaker's sentence takes it as content
        (
            "“How many times must we see this?” Clinton said.",
            &[("Clinton", "said", "“How many times must we see this?”")],
        ),
        (
            "“Does anybody know the plan?” Graham asked.",
            &[("Graham", "asked", "“Does anybody know the plan?”")],
        ),
        // a speech verb opening a label
        (
            "Taxes rose. Said Ellis: “Nobody wants tax reform.”",
            &[("Ellis", "Said", "“Nobody wants tax reform.”")],
        ),
        // evidence shows, with no "that"
        (
            "Polls show Clinton with a lead in Ohio.",
            &[("Polls", "show", "Clinton with a lead in Ohio")],
        ),
        (
            "One study found the tax would fall on the poor.",
            &[("One study", "found", "the tax would fall on the poor")],
        ),
        // a participle with no claim before it takes the sentence's subject
        (
            "In August, several groups granted Clarke an extension, saying his capital was short.",
            &[("several groups", "saying", "his capital was short")],
        ),
        // a participle clause after an inverted source does not stop the inversion
        (
            "“It was a sad moment,” said Donald Tusk, summing up the talks.",
            &[("Donald Tusk", "said", "“It was a sad moment,”")],
        ),
        // naming someone something
        (
            "Trump called him a disgrace to the party.",
            &[("Trump", "called", "him a disgrace to the party")],
        ),
        // a title in apposition after an inverted speaker belongs to the source
        (
            "“We will win,” said Sean Spicer, chief strategist for the party.",
            &[(
                "Sean Spicer, chief strategist for the party",
                "said",
                "“We will win,”",
            )],
        ),
        // adverbs before the cue belong to the cue
        (
            "Trump has steadfastly refused to disclose his returns.",
            &[("Trump", "has steadfastly refused", "to disclose his returns")],
        ),
        // wire copy's two apostrophes closing a quote are not the speaker's
        (
            "``It is over,'' Mr. Biden said.",
            &[("Mr. Biden", "said", "It is over")],
        ),
        // a name before two appositives opens the source
        (
            "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the council, said the vote would fail.",
            &[(
                "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the council",
                "said",
                "the vote would fail",
            )],
        ),
        // a curly opening quote closed by a straight one
        (
            "“Deals should not be required for cooperating with the FBI,\" Jason Chaffetz said.",
            &[(
                "Jason Chaffetz",
                "said",
                "“Deals should not be required for cooperating with the FBI,\"",
            )],
        ),
        // the head of an evidence source before "of"
        (
            "Video of the incident shows him with his hands in the air.",
            &[(
                "Video of the incident",
                "shows",
                "him with his hands in the air",
            )],
        ),
        // a date between the cue and its "that"
        (
            "The Times reported Saturday that it had received the filings.",
            &[("The Times", "reported", "that it had received the filings")],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<(String, String, String)> = roles(&run(text))
            .into_iter()
            .map(|(s, c, t, _)| (s, c, t))
            .collect();
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(s, c, t)| (s.to_string(), c.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn forms_that_are_not_attributions_here() {
    for t in [
        // a cue inside a quotation is the quoted speaker's own words
        "“In 2011 he said the approach had failed,” Mitchell recalled.",
        // a modifier and a determiner make the cue form a noun
        "Reporters read his early-morning tweets about the pageant.",
        "Police have no immediate plans to release the recordings.",
        // a meeting called, a telephone call
        "The council called an emergency meeting on the test.",
        "He called her on Friday.",
        // "shows" of something that is not evidence needs a "that"
        "The exhibition shows paintings from the war.",
    ] {
        let r = roles(&run(t));
        assert!(
            r.iter().all(|(_, c, _, _)| !matches!(
                c.as_str(),
                "said" | "tweets" | "plans" | "called" | "shows"
            )),
            "{t}: {r:?}"
        );
    }
}
