use super::*;
use crate::Pipeline;
use spillover_doc::{Report, ReportId};
use std::collections::HashSet;

fn run(text: &str) -> Doc {
    Pipeline::standard()
        .run(Report::from_text(ReportId("t".into()), text))
        .unwrap()
}

/// (mention text, actor key, attrs) of every actor mention.
fn mentions(doc: &Doc) -> Vec<(String, String, Value)> {
    doc.layer(Layer::Actors)
        .iter()
        .map(|a| {
            (
                doc.text()[a.span.start..a.span.end].to_string(),
                a.key.clone().unwrap_or_default(),
                a.attrs.clone(),
            )
        })
        .collect()
}

fn key_of(doc: &Doc, text: &str) -> String {
    mentions(doc)
        .into_iter()
        .find(|(t, _, _)| t == text)
        .map(|(_, k, _)| k)
        .unwrap_or_else(|| panic!("no actor mention {text:?} in {:#?}", mentions(doc)))
}

fn attrs_of(doc: &Doc, text: &str) -> Value {
    mentions(doc)
        .into_iter()
        .find(|(t, _, _)| t == text)
        .map(|(_, _, a)| a)
        .unwrap_or_else(|| panic!("no actor mention {text:?} in {:#?}", mentions(doc)))
}

#[test]
fn seed_report_actors_are_found_resolved_and_none_invented() {
    let text = include_str!("../../../../../shared/examples/seed-report.txt");
    let doc = run(text);
    let keys: HashSet<String> = mentions(&doc).into_iter().map(|(_, k, _)| k).collect();
    // registry entries the worked example names
    for k in [
        "csto",
        "csto.parliamentary-assembly",
        "csto.council-of-foreign-ministers",
        "csto.working-group-afghanistan",
        "csto.collective-security-council",
        "csto.joint-staff",
        "taliban",
        "al-qaeda",
        "ttp",
        "jaish-al-adl",
        "jamaat-ansarullah",
        "iskp",
        "tass",
        "jomhouri-e-eslami",
        "afg",
        "pak",
        "irn",
        "tjk",
        "rus",
        "arm",
        "blr",
        "kaz",
        "kgz",
    ] {
        assert!(keys.contains(k), "{k} missing from {keys:?}");
    }
    assert_eq!(key_of(&doc, "Jaish ul-Adl"), key_of(&doc, "Jaish ul Adl"));
    assert_eq!(key_of(&doc, "Tahreek-e-Taliban Pakistan"), "ttp");
    assert_eq!(key_of(&doc, "Islamabad"), "pak");
    assert_eq!(key_of(&doc, "The regime"), "taliban");
    assert_eq!(key_of(&doc, "The organization"), "csto");
    assert_eq!(key_of(&doc, "Tajik security forces"), "tjk.security-forces");

    // persons: one id per person, with role fields
    let tas = key_of(&doc, "Imangali Tasmagambetov");
    assert_eq!(key_of(&doc, "Tasmagambetov"), tas);
    let a = attrs_of(&doc, "Imangali Tasmagambetov");
    assert_eq!(a["title"], "Secretary General", "{a}");
    assert_eq!(a["organisation"], "csto", "{a}");
    let a = attrs_of(&doc, "Anatoly Sidorov");
    assert_eq!(a["rank"], "Colonel General", "{a}");
    assert!(
        a["role"]
            .as_str()
            .unwrap_or("")
            .contains("Chief of the CSTO Joint Staff"),
        "{a}"
    );
    assert_eq!(a["organisation"], "csto.joint-staff", "{a}");
    let gri = key_of(&doc, "Semyon Grigoryev");
    let a = attrs_of(&doc, "Semyon Grigoryev");
    assert_eq!(a["country"], "RUS", "{a}");
    assert!(
        a["role"]
            .as_str()
            .unwrap_or("")
            .contains("Ambassador to Dushanbe"),
        "{a}"
    );
    assert_eq!(key_of(&doc, "The Russian ambassador"), gri);

    // "he" after each quote is the speaker named before it
    let he: Vec<String> = mentions(&doc)
        .into_iter()
        .filter(|(t, _, _)| t == "he" || t == "He")
        .map(|(_, k, _)| k)
        .collect();
    assert!(he.contains(&tas) && he.contains(&gri), "{he:?}");

    // no actor invented: every key is a registry entry of the example, a person of it,
    // or a report-level security force it names
    for k in &keys {
        let ok = !k.starts_with("doc:")
            || k == &tas
            || k == &gri
            || k == &key_of(&doc, "Anatoly Sidorov")
            || k == "doc:irn.security-forces";
        assert!(ok, "invented actor {k}: {:#?}", mentions(&doc));
        if !k.starts_with("doc:") {
            assert!(Registry::builtin().unwrap().get(k).is_some(), "{k}");
        }
    }
    assert!(!keys.contains("bel"), "no spurious registry hits");
}

#[test]
fn a_presidents_administration_is_the_us_executive_and_macedonia_a_state() {
    let doc = run("The Bush administration criticised Macedonia on Tuesday.");
    assert_eq!(key_of(&doc, "Bush administration"), "usa.administration");
    assert_eq!(attrs_of(&doc, "Bush administration")["code"], "USAGOV");
    assert_eq!(key_of(&doc, "Macedonia"), "mkd");
}

#[test]
fn leaders_of_the_registry_speak_for_their_bodies() {
    let doc = run("Rahmon met Mirziyoyev in Dushanbe. Muttaqi accused Pakistan of air strikes.");
    assert_eq!(key_of(&doc, "Rahmon"), "tjk.rahmon");
    assert_eq!(key_of(&doc, "Mirziyoyev"), "uzb.mirziyoyev");
    assert_eq!(attrs_of(&doc, "Rahmon")["code"], "TJKGOV");
    assert_eq!(attrs_of(&doc, "Muttaqi")["code"], "AFGREB");
}

#[test]
fn acronyms_defined_in_the_text_become_report_actors() {
    let doc = run(
        "The Regional Water Cooperation Council (RWCC) met in Dushanbe on Monday. \
         RWCC officials said the talks would resume. The RWCC has five members.",
    );
    let k = key_of(&doc, "RWCC");
    assert!(k.starts_with("doc:"), "{k}");
    let ms = mentions(&doc);
    assert_eq!(
        ms.iter().filter(|(_, key, _)| key == &k).count(),
        4,
        "{ms:#?}"
    );
    let long = ms
        .iter()
        .find(|(t, key, _)| key == &k && t.contains("Council"))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_eq!(long.2["name"], "Regional Water Cooperation Council");
    assert_eq!(long.2["registry"], false);
}

#[test]
fn titles_roles_and_appositions() {
    let doc = run(
        "Ivan Petrov, the Kazakh Foreign Minister, arrived in Astana. \
         Pakistan Army spokesman Major General Ahmed Sharif Chaudhry said the operation continued.",
    );
    let a = attrs_of(&doc, "Ivan Petrov");
    assert_eq!(a["title"], "Foreign Minister", "{a}");
    assert_eq!(a["country"], "KAZ", "{a}");
    let a = attrs_of(&doc, "Ahmed Sharif Chaudhry");
    assert_eq!(a["rank"], "Major General", "{a}");
    assert_eq!(a["country"], "PAK", "{a}");
}

#[test]
fn pronouns_and_descriptions_join_the_latest_compatible_actor() {
    let doc = run(
        "Deputy Foreign Minister Andrei Rudenko met Taliban envoys in Moscow. \
         He said Russia would keep its embassy open. The minister added that the group \
         must act against ISKP.",
    );
    let k = key_of(&doc, "Andrei Rudenko");
    assert_eq!(key_of(&doc, "He"), k);
    assert_eq!(key_of(&doc, "The minister"), k);
    let he = doc
        .layer(Layer::Actors)
        .iter()
        .find(|a| &doc.text()[a.span.start..a.span.end] == "He")
        .unwrap();
    assert_eq!(he.attrs["via"], "pronoun");
    assert!(he.attrs["antecedent"]["start"].as_u64().is_some());
}

#[test]
fn capitals_stand_for_governments_but_not_as_places() {
    let doc = run("Islamabad accused Kabul of sheltering militants. Talks were held in Islamabad.");
    let ms = mentions(&doc);
    let isl: Vec<&(String, String, Value)> =
        ms.iter().filter(|(t, _, _)| t == "Islamabad").collect();
    assert_eq!(isl.len(), 1, "{ms:#?}");
    assert_eq!(isl[0].1, "pak");
    assert_eq!(isl[0].2["via"], "metonym");
    assert_eq!(key_of(&doc, "Kabul"), "afg");
}

#[test]
fn demonym_phrases_name_security_forces_and_governments() {
    let doc = run("Pakistani troops shelled the area, and Afghan authorities protested.");
    let a = attrs_of(&doc, "Pakistani troops");
    assert_eq!(a["kind"], "security_force");
    assert_eq!(a["country"], "PAK");
    assert_eq!(a["code"], "PAKMIL");
    let a = attrs_of(&doc, "Afghan authorities");
    assert_eq!(a["kind"], "government_body");
    assert_eq!(a["country"], "AFG");
}

#[test]
fn kinds_of_unknown_organisations_come_from_their_heads() {
    assert_eq!(
        kind_from_head("Baloch Liberation Front"),
        ActorKind::ArmedGroup
    );
    assert_eq!(
        kind_from_head("Ministry of Water Resources"),
        ActorKind::GovernmentBody
    );
    assert_eq!(kind_from_head("Kabul News Agency"), ActorKind::MediaOutlet);
    assert_eq!(kind_from_head("Acme Holdings"), ActorKind::Other);
}

#[test]
fn a_possessive_state_finds_its_body() {
    let doc = run("Uzbekistan's Defence Ministry said the drills would go ahead.");
    let k = key_of(&doc, "Defence Ministry");
    let e = Registry::builtin().unwrap().get(&k).cloned().unwrap();
    assert_eq!(e.country.as_deref(), Some("UZB"), "{k}");
    assert_eq!(key_of(&doc, "Uzbekistan"), "uzb");
}

#[test]
fn datelines_and_month_names_are_not_actors() {
    let doc = run("KABUL, Jan 18 — Officials said the road to Jalalabad reopened.");
    let ms = mentions(&doc);
    assert!(
        ms.iter().all(|(t, _, _)| t != "KABUL" && t != "Jan"),
        "{ms:#?}"
    );
}

#[test]
fn short_forms_join_the_full_name() {
    let doc = run(
        "Flynn resigns. Michael Flynn, the national security adviser, resigned on Monday. \
         The Organization of African Unity met in Addis Ababa. OAU leaders said little.",
    );
    assert_eq!(key_of(&doc, "Flynn"), key_of(&doc, "Michael Flynn"));
    assert_eq!(
        key_of(&doc, "OAU"),
        key_of(&doc, "Organization of African Unity")
    );
}

#[test]
fn a_title_makes_a_person_whatever_the_tagger_said() {
    let doc = run("Secretary General Ban Ki-moon urged restraint. He spoke in New York.");
    let k = key_of(&doc, "Ban Ki-moon");
    assert_eq!(key_of(&doc, "He"), k);
    assert_eq!(attrs_of(&doc, "Ban Ki-moon")["title"], "Secretary General");
}

#[test]
fn pronouns_agree_in_gender_and_they_said_finds_the_group() {
    let doc = run(
        "Mr. Karim Rahimi met Ms. Laila Noori in Kabul. She said the talks went well, \
         and he agreed. The TTP issued a statement on Friday. They said the attack was theirs.",
    );
    assert_eq!(key_of(&doc, "She"), key_of(&doc, "Laila Noori"));
    assert_eq!(key_of(&doc, "he"), key_of(&doc, "Karim Rahimi"));
    assert_eq!(key_of(&doc, "They"), "ttp");
}

#[test]
fn first_word_keys_match_the_fold() {
    for w in [
        "Tahreek-e-Taliban",
        "O'Neil",
        "CSTO",
        "al-Qaeda",
        "Jomhouri-e",
        "Kondūz",
        "ISIS-K",
        "U.S.",
    ] {
        let f = fold(w);
        assert_eq!(
            first_word_key(w).as_ref(),
            f.split(' ').next().unwrap_or(""),
            "{w}"
        );
    }
}

#[test]
fn the_outlet_of_a_dateline_is_a_media_outlet() {
    let doc =
        run("ASADABAD, Afghanistan, Feb 19 (Frontier Ledger) — Shells hit villages on Tuesday.");
    let a = attrs_of(&doc, "Frontier Ledger");
    assert_eq!(a["kind"], "media_outlet");
    assert_eq!(a["via"], "dateline");
}

#[test]
fn a_role_may_name_where_the_person_serves() {
    let doc =
        run("A Taliban spokesman in Nimroz, Mawlawi Nasrullah Zaranji, said two guards died.");
    let a = attrs_of(&doc, "Nasrullah Zaranji");
    assert_eq!(a["title"], "spokesman", "{a}");
    assert_eq!(a["organisation"], "taliban", "{a}");
}

#[test]
fn a_shared_surname_goes_to_the_most_mentioned_person() {
    let doc = run(
        "Hillary Clinton spoke in Ohio on Monday. Hillary Clinton then met donors. \
         Chelsea Clinton joined her later. Clinton said the campaign was going well.",
    );
    let hillary = key_of(&doc, "Hillary Clinton");
    let last = mentions(&doc)
        .into_iter()
        .filter(|(t, _, _)| t == "Clinton")
        .map(|(_, k, _)| k)
        .next_back()
        .unwrap_or_else(|| panic!("{:#?}", mentions(&doc)));
    assert_eq!(last, hillary);
}

#[test]
fn a_capital_after_a_title_is_a_posting_not_a_government() {
    let doc = run("The mayor of Moscow has allocated funds for a museum, officials said.");
    let ms = mentions(&doc);
    assert!(ms.iter().all(|(t, _, _)| t != "Moscow"), "{ms:#?}");
}

#[test]
fn coordinated_demonyms_share_their_head_and_currency_is_not_a_state() {
    let doc = run(
        "Uzbek and Russian troops rehearsed near Termez. The fine was 840 U.S. dollars. \
         The minister later went to Moscow.",
    );
    let uz = attrs_of(&doc, "Uzbek");
    assert_eq!(uz["country"], "UZB", "{uz}");
    assert_eq!(attrs_of(&doc, "Russian troops")["country"], "RUS");
    let ms = mentions(&doc);
    assert!(
        ms.iter().all(|(t, _, _)| t != "U.S." && t != "Moscow"),
        "{ms:#?}"
    );
}

#[test]
fn he_is_not_the_person_behind_a_preposition() {
    let doc = run(
        "Gen. Nhek Bunchhay, a loyalist of ousted Prime Minister Prince Norodom Ranariddh, \
         said he had sent a team.",
    );
    assert_eq!(key_of(&doc, "he"), key_of(&doc, "Nhek Bunchhay"));
}

#[test]
fn a_single_name_joins_the_organisation_it_ends() {
    let doc = run(
        "Tajik court jails six for joining Ansarullah. A court in Khatlon sentenced six men \
         for membership of Jamaat Ansarullah, prosecutors said.",
    );
    let ms = mentions(&doc);
    let keys: Vec<&str> = ms
        .iter()
        .filter(|(t, _, _)| t.contains("Ansarullah"))
        .map(|(_, k, _)| k.as_str())
        .collect();
    assert!(
        keys.len() >= 2 && keys.iter().all(|k| *k == "jamaat-ansarullah"),
        "{ms:#?}"
    );
}

#[test]
fn roles_with_possessive_organisations_and_modified_titles() {
    let doc = run(
        "Mawlawi Abdul Haq Kunari, the Taliban's information chief in Kunar, said shells landed. \
         The Taliban-appointed spokesman for Nangarhar province, Mawlawi Abdul Wadood Sahil, \
         denied it.",
    );
    let a = attrs_of(&doc, "Abdul Haq Kunari");
    assert_eq!(a["organisation"], "taliban", "{a}");
    assert!(
        a["role"].as_str().unwrap_or("").contains("chief in Kunar"),
        "{a}"
    );
    let a = attrs_of(&doc, "Abdul Wadood Sahil");
    assert_eq!(a["title"], "spokesman", "{a}");
}
