use super::*;

fn table(rows: &[&str]) -> String {
    let mut s = String::from("# test table\n");
    s.push_str(HEADER);
    s.push('\n');
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

fn problems(rows: &[&str]) -> Vec<Problem> {
    let t = table(rows);
    match Registry::from_tables(&[("t.tsv", t.as_str())], &[]) {
        Ok(r) => r.warnings().to_vec(),
        Err(RegistryError::Invalid(p)) => p,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn shipped_registry_loads_without_errors() {
    let r = Registry::builtin().unwrap_or_else(|e| panic!("{e}"));
    assert!(r.entries().len() > 400, "{} entries", r.entries().len());
    for a3 in [
        "afg", "pak", "irn", "tjk", "rus", "arm", "blr", "kaz", "kgz",
    ] {
        assert!(
            r.get(a3).is_some_and(|e| e.kind == ActorKind::State),
            "{a3}"
        );
    }
    let csto = r.get("csto").unwrap();
    assert_eq!(csto.kind, ActorKind::Igo);
    for m in ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"] {
        assert!(csto.members.iter().any(|x| x == m), "{m}");
    }
}

#[test]
fn seed_actors_and_their_variants_resolve_to_one_entry() {
    let r = Registry::builtin().unwrap();
    let id = |s: &str| {
        let hits = r.lookup(s);
        assert!(!hits.is_empty(), "{s:?} not found");
        hits[0].0.id.clone()
    };
    assert_eq!(id("Jaish ul-Adl"), id("Jaish ul Adl"));
    assert_eq!(id("Jaish al-Adl"), id("Jaish ul-Adl"));
    assert_eq!(id("Tahreek-e-Taliban Pakistan"), id("TTP"));
    assert_eq!(id("Tehrik-i-Taliban Pakistan"), id("TTP"));
    assert_eq!(id("ISKP"), id("Islamic State – Khorasan Province"));
    assert_eq!(id("ISIS-K"), id("ISKP"));
    assert_eq!(id("IS-K"), id("ISKP"));
    assert_eq!(id("Collective Security Treaty Organization"), "csto");
    assert_eq!(id("TASS"), id("Russian News Agency TASS"));
    assert_eq!(r.get(&id("TASS")).unwrap().kind, ActorKind::MediaOutlet);
    assert_eq!(
        r.get(&id("Jomhouri-e Eslami")).unwrap().country.as_deref(),
        Some("IRN")
    );
    assert_eq!(
        r.get(&id("Jamaat Ansarullah")).unwrap().kind,
        ActorKind::ArmedGroup
    );
    assert_eq!(r.get(&id("Al-Qaeda")).unwrap().kind, ActorKind::ArmedGroup);
    assert_eq!(id("al Qaeda"), id("Al-Qaeda"));
    for body in [
        "CSTO Parliamentary Assembly",
        "CSTO Joint Staff",
        "CSTO Council of Foreign Ministers",
    ] {
        let e = r.get(&id(body)).unwrap();
        assert_eq!(e.kind, ActorKind::IgoBody, "{body}");
        assert_eq!(e.parent.as_deref(), Some("csto"), "{body}");
    }
}

#[test]
fn acronyms_match_only_in_capitals_and_metonyms_are_marked() {
    let r = Registry::builtin().unwrap();
    assert!(!r.lookup("TTP").is_empty());
    assert!(
        r.lookup("ttp").is_empty(),
        "a lower-case word is not the acronym"
    );
    let hits = r.lookup("Islamabad");
    assert_eq!(hits[0].0.id, "pak");
    assert_eq!(hits[0].1, NameKind::Metonym);
    assert_eq!(r.lookup("Pakistan")[0].1, NameKind::Name);
}

#[test]
fn bad_lines_are_reported_with_file_and_line() {
    let p = problems(&[
        "ok\tother\tOK Org\t\t\t\t\t\t",
        "too\tfew\tcolumns",
        "ok\tother\tDuplicate id\t\t\t\t\t\t",
        "Bad Id\tother\tX\t\t\t\t\t\t",
        "k\tnonsense\tX\t\t\t\t\t\t",
        "s\tstate\tNowhere\tZZZ\t\t\t\t\t",
        "b\tigo_body\tOrphan\t\tmissing\t\t\t\t",
        "c\tother\tCode\t\t\tpakgov\t\t\t",
        "d\tother\tTwice\t\t\t\tAlias|Alias\t\t",
        "m\tother\tMembers\t\t\t\t\t\tPAK",
    ]);
    let lines: Vec<(usize, Severity)> = p.iter().map(|p| (p.line, p.severity)).collect();
    for line in [4, 5, 6, 7, 8, 9, 10, 11, 12] {
        assert!(
            lines.contains(&(line, Severity::Error)),
            "line {line} not reported: {p:#?}"
        );
    }
    assert!(
        !lines.iter().any(|(l, _)| *l == 3),
        "line 3 is fine: {p:#?}"
    );
    assert!(p.iter().all(|p| p.file == "t.tsv"));
    assert!(p[0].to_string().starts_with("t.tsv:"), "{}", p[0]);
}

#[test]
fn a_shared_alias_is_a_warning_not_an_error() {
    let p = problems(&[
        "a\tother\tAlpha\t\t\t\tThe Front\t\t",
        "b\tother\tBeta\t\t\t\tThe Front\t\t",
    ]);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].severity, Severity::Warning);
    assert_eq!(p[0].line, 4);
}

#[test]
fn a_wrong_header_is_an_error() {
    let e = Registry::from_tables(&[("h.tsv", "id\tname\nx\ty\n")], &[]).unwrap_err();
    assert!(e.to_string().contains("h.tsv:1"), "{e}");
}

#[test]
fn analyst_tables_add_and_replace_entries_without_recompiling() {
    let extra = table(&[
        "new-front\tarmed_group\tNew Liberation Front\tAFG\t\tAFGREB\tNLF|New Liberation Front of Afghanistan\t\t",
        "ttp\tarmed_group\tTTP (renamed)\tPAK\t\tPAKINS\tTTP\t\t",
    ]);
    let r = Registry::from_tables(BUILTIN, &[("mine.tsv".into(), extra)]).unwrap();
    assert_eq!(r.lookup("NLF")[0].0.id, "new-front");
    assert_eq!(r.lookup("new liberation front")[0].0.id, "new-front");
    assert_eq!(r.get("ttp").unwrap().name, "TTP (renamed)");
    assert_eq!(r.get("ttp").unwrap().origin, "mine.tsv:4");
}

#[test]
fn folders_of_tables_load_and_bad_ones_fail_with_the_file_named() {
    let dir = tempfile_dir();
    std::fs::write(
        dir.join("extra.tsv"),
        table(&["zz-group\tarmed_group\tZZ Group\tAFG\t\t\tZZG\t\t"]),
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
    let r = Registry::with_folder(&dir).unwrap();
    assert_eq!(r.lookup("ZZG")[0].0.id, "zz-group");
    std::fs::write(
        dir.join("broken.tsv"),
        table(&["x\tstate\tNo Country\t\t\t\t\t\t"]),
    )
    .unwrap();
    let e = Registry::with_folder(&dir).unwrap_err();
    assert!(e.to_string().contains("broken.tsv:3"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!(
        "spillover-actors-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn search_ranks_exact_names_first() {
    let r = Registry::builtin().unwrap();
    let hits = r.search("csto");
    assert_eq!(hits[0].id, "csto");
    assert!(hits.iter().any(|e| e.parent.as_deref() == Some("csto")));
    assert!(r.search("no such actor anywhere").is_empty());
}
