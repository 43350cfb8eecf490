//! Actors across reports: the mentions of the `actors` layer grouped by key.

use super::{parse_date, SqliteStore};
use crate::model::{ActorQuery, ActorSummary};
use crate::StoreError;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

/// The layer whose spans are actor mentions.
pub(crate) const ACTORS_LAYER: &str = "actors";

impl SqliteStore {
    pub(crate) fn list_actors_impl(
        &self,
        query: &ActorQuery,
    ) -> Result<Vec<ActorSummary>, StoreError> {
        let limit = query.effective_limit();
        let mut args: Vec<Value> = Vec::new();
        let mut sql = if query.since.is_none() && query.until.is_none() {
            // Every mention counts: the totals kept by the triggers of migration 2, in
            // the order of their index.
            String::from(
                "SELECT t.key, t.name, t.kind, t.country, t.mentions, t.reports,
                        t.first_published, t.last_published
                 FROM actor_totals t WHERE 1",
            )
        } else {
            // Only the mentions in reports of the date range, counted now: the reports
            // of the range are walked by date (`CROSS JOIN` keeps that order) and each
            // one's actor spans read by report (`INDEXED BY`: the `(layer, key, …)`
            // index would scan every actor span per report), so the work follows the
            // size of the range. Name, kind and country come from the totals.
            let mut sql = String::from(
                "SELECT c.key, t.name, t.kind, t.country, c.mentions, c.reports,
                        c.first_published, c.last_published
                 FROM (
                   SELECT s.key AS key, COUNT(*) AS mentions,
                          COUNT(DISTINCT s.report_rid) AS reports,
                          MIN(r.published) AS first_published, MAX(r.published) AS last_published
                   FROM reports r CROSS JOIN spans s INDEXED BY spans_report
                     ON s.report_rid = r.rid AND s.layer = ?
                   WHERE s.key IS NOT NULL",
            );
            args.push(ACTORS_LAYER.to_string().into());
            super::query::push_dates(query.since, query.until, &mut sql, &mut args);
            sql.push_str(
                " GROUP BY s.key
                 ) c JOIN actor_totals t ON t.key = c.key WHERE 1",
            );
            sql
        };
        if let Some(kind) = &query.kind {
            sql.push_str(" AND t.kind = ?");
            args.push(kind.clone().into());
        }
        if let Some(country) = &query.country {
            sql.push_str(" AND t.country = ?");
            args.push(country.clone().into());
        }
        sql.push_str(" ORDER BY 6 DESC, 5 DESC, 1");
        // A search is matched here, not in SQL: SQLite's lower() folds ASCII only.
        let needle = query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase);
        if needle.is_none() {
            sql.push_str(" LIMIT ?");
            args.push((limit as i64).into());
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            let key: String = r.get(0)?;
            let name: Option<String> = r.get(1)?;
            Ok(ActorSummary {
                name: name.unwrap_or_else(|| key.clone()),
                key,
                kind: r.get(2)?,
                country: r.get(3)?,
                mentions: r.get::<_, i64>(4)? as usize,
                reports: r.get::<_, i64>(5)? as usize,
                first_published: parse_date(r.get(6)?),
                last_published: parse_date(r.get(7)?),
            })
        })?;
        let mut out = Vec::new();
        for row in rows {
            let actor = row?;
            if let Some(n) = &needle {
                if !actor.name.to_lowercase().contains(n.as_str())
                    && !actor.key.to_lowercase().contains(n.as_str())
                {
                    continue;
                }
            }
            out.push(actor);
            if out.len() == limit {
                break;
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::{ActorQuery, ActorSummary, ReportQuery, SqliteStore, Store};
    use chrono::NaiveDate;
    use serde_json::json;
    use spillover_doc::{Annotation, Doc, Layer, Report, ReportId, Span};
    use std::path::Path;

    /// (word in the text, key, kind, name, country)
    type Actor = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    );

    const TALIBAN: Actor = ("Taliban", "taliban", "armed_group", "Taliban", Some("AFG"));
    const TTP: Actor = (
        "TTP",
        "ttp",
        "armed_group",
        "Tehrik-i-Taliban Pakistan",
        Some("PAK"),
    );
    const PAKISTAN: Actor = ("Pakistan", "pak", "state", "Pakistan", Some("PAK"));
    const KABUL: Actor = ("Kabul", "afg", "state", "Afghanistan", Some("AFG"));
    const GRIGORYEV: Actor = (
        "Grigoryev",
        "doc:person:semyon-grigoryev",
        "person",
        "Semyon Grigoryev",
        None,
    );
    const OZDAG: Actor = (
        "Özdağ",
        "doc:person:umit-ozdag",
        "person",
        "Ümit Özdağ",
        Some("TUR"),
    );

    /// A report with every occurrence of each actor's word tagged as a mention of it.
    fn doc(id: &str, text: &str, published: Option<&str>, actors: &[Actor]) -> Doc {
        let mut r = Report::from_text(ReportId(id.into()), text);
        r.published = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        let mut d = Doc::new(r);
        d.set_sentences(vec![Span::new(0, text.len()).unwrap()])
            .unwrap();
        for &(word, key, kind, name, country) in actors {
            let mut attrs =
                json!({"name": name, "kind": kind, "registry": !key.starts_with("doc:")});
            if let Some(c) = country {
                attrs["country"] = json!(c);
            }
            if kind == "person" {
                attrs["title"] = json!("Colonel");
            }
            let mut found = false;
            for (i, w) in text.match_indices(word) {
                found = true;
                d.add(
                    Layer::Actors,
                    Annotation::new(Span::new(i, i + w.len()).unwrap(), kind, "test", 0.9)
                        .with_key(key)
                        .with_attrs(attrs.clone()),
                )
                .unwrap();
            }
            assert!(found, "{word} not in {text:?}");
        }
        // Other layers' keys must not count as actors.
        if let Some(i) = text.find("Monday") {
            d.add(
                Layer::Dates,
                Annotation::new(Span::new(i, i + 6).unwrap(), "DATE", "test", 0.9)
                    .with_key("taliban"),
            )
            .unwrap();
        }
        d
    }

    fn fill(store: &mut SqliteStore) {
        let docs = [
            doc(
                "a1",
                "Taliban fighters met Pakistan envoys; the Taliban said Grigoryev was there.",
                Some("2024-01-10"),
                &[TALIBAN, PAKISTAN, GRIGORYEV],
            ),
            doc(
                "a2",
                "The Taliban denied TTP claims on Monday; TTP fighters crossed.",
                Some("2024-02-05"),
                &[TALIBAN, TTP],
            ),
            doc(
                "a3",
                "Pakistan blamed the TTP for the attack in Kabul; Özdağ spoke.",
                Some("2024-03-01"),
                &[PAKISTAN, TTP, KABUL, OZDAG],
            ),
            doc("a4", "An undated note on the Taliban.", None, &[TALIBAN]),
            doc(
                "a5",
                "Nothing about anyone on Monday.",
                Some("2024-04-01"),
                &[],
            ),
        ];
        for d in &docs {
            store.put_doc(d, &[]).unwrap();
        }
    }

    fn file_store(dir: &Path) -> SqliteStore {
        let mut store = SqliteStore::open(&dir.join("actors.db")).unwrap();
        fill(&mut store);
        store
    }

    fn keys(actors: &[ActorSummary]) -> Vec<&str> {
        actors.iter().map(|a| a.key.as_str()).collect()
    }

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn actors_are_grouped_counted_and_ordered() {
        let dir = tempfile::tempdir().unwrap();
        let store = file_store(dir.path());
        let all = store.list_actors(&ActorQuery::default()).unwrap();
        // By reports, then mentions, then key.
        assert_eq!(
            keys(&all),
            [
                "taliban",
                "ttp",
                "pak",
                "afg",
                "doc:person:semyon-grigoryev",
                "doc:person:umit-ozdag"
            ]
        );
        let taliban = &all[0];
        assert_eq!(
            taliban,
            &ActorSummary {
                key: "taliban".into(),
                name: "Taliban".into(),
                kind: "armed_group".into(),
                country: Some("AFG".into()),
                mentions: 4,
                reports: 3,
                first_published: date("2024-01-10"),
                last_published: date("2024-02-05"),
            }
        );
        let ttp = &all[1];
        assert_eq!((ttp.mentions, ttp.reports), (3, 2));
        assert_eq!(ttp.name, "Tehrik-i-Taliban Pakistan");
        let pak = &all[2];
        assert_eq!((pak.mentions, pak.reports), (2, 2));
        assert_eq!(
            (pak.first_published, pak.last_published),
            (date("2024-01-10"), date("2024-03-01"))
        );
        let person = &all[4];
        assert_eq!(
            (
                person.kind.as_str(),
                person.name.as_str(),
                person.country.as_deref()
            ),
            ("person", "Semyon Grigoryev", None)
        );
    }

    #[test]
    fn actor_filters() {
        let dir = tempfile::tempdir().unwrap();
        let store = file_store(dir.path());
        let list = |q: ActorQuery| store.list_actors(&q).unwrap();
        let by_kind = list(ActorQuery {
            kind: Some("armed_group".into()),
            ..Default::default()
        });
        assert_eq!(keys(&by_kind), ["taliban", "ttp"]);
        let persons = list(ActorQuery {
            kind: Some("person".into()),
            ..Default::default()
        });
        assert_eq!(persons.len(), 2);
        assert!(persons.iter().all(|a| a.kind == "person"));
        let by_country = list(ActorQuery {
            country: Some("PAK".into()),
            ..Default::default()
        });
        assert_eq!(keys(&by_country), ["ttp", "pak"]);
        // Dates filter mentions by their report's date; undated reports drop out.
        let since = list(ActorQuery {
            since: date("2024-02-01"),
            ..Default::default()
        });
        assert_eq!(
            keys(&since),
            ["ttp", "afg", "doc:person:umit-ozdag", "pak", "taliban"]
        );
        let taliban = since.iter().find(|a| a.key == "taliban").unwrap();
        assert_eq!((taliban.mentions, taliban.reports), (1, 1));
        let window = list(ActorQuery {
            since: date("2024-01-01"),
            until: date("2024-01-31"),
            ..Default::default()
        });
        assert_eq!(
            keys(&window),
            ["taliban", "doc:person:semyon-grigoryev", "pak"]
        );
        assert_eq!(window[0].mentions, 2);
        // Search: case-insensitive, name or key, Unicode names folded too.
        let search = |s: &str| {
            keys(&list(ActorQuery {
                search: Some(s.into()),
                ..Default::default()
            }))
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
        };
        assert_eq!(search("TALIBAN"), ["taliban", "ttp"]);
        assert_eq!(search("semyon-grig"), ["doc:person:semyon-grigoryev"]);
        assert_eq!(search("ÜMIT"), ["doc:person:umit-ozdag"]);
        assert_eq!(search("afghan"), ["afg"]);
        assert!(search("nobody").is_empty());
        // Filters combine.
        let combined = list(ActorQuery {
            search: Some("taliban".into()),
            country: Some("PAK".into()),
            since: date("2024-03-01"),
            ..Default::default()
        });
        assert_eq!(keys(&combined), ["ttp"]);
        assert_eq!(combined[0].mentions, 1);
        // Limits: taken after ordering and searching, clamped to 1..=500.
        assert_eq!(
            keys(&list(ActorQuery {
                limit: Some(2),
                ..Default::default()
            })),
            ["taliban", "ttp"]
        );
        assert_eq!(
            keys(&list(ActorQuery {
                search: Some("a".into()),
                limit: Some(3),
                ..Default::default()
            })),
            ["taliban", "ttp", "pak"]
        );
        assert_eq!(
            list(ActorQuery {
                limit: Some(0),
                ..Default::default()
            })
            .len(),
            1
        );
        assert_eq!(
            ActorQuery {
                limit: Some(10_000),
                ..Default::default()
            }
            .effective_limit(),
            ActorQuery::MAX_LIMIT
        );
        assert_eq!(ActorQuery::default().effective_limit(), 50);
    }

    #[test]
    fn reports_filtered_by_actor() {
        let dir = tempfile::tempdir().unwrap();
        let store = file_store(dir.path());
        let page = |q: ReportQuery| -> Vec<String> {
            let mut ids = Vec::new();
            let mut cursor: Option<String> = None;
            loop {
                let p = store.list_reports_page(&q, cursor.as_deref()).unwrap();
                ids.extend(p.items.into_iter().map(|r| r.id));
                match p.next_cursor {
                    Some(c) => cursor = Some(c),
                    None => return ids,
                }
            }
        };
        let q = |actor: &str| ReportQuery {
            actor: Some(actor.into()),
            limit: Some(1),
            ..Default::default()
        };
        // Newest first, undated last, across pages of one.
        assert_eq!(page(q("taliban")), ["a2", "a1", "a4"]);
        assert_eq!(page(q("ttp")), ["a3", "a2"]);
        assert_eq!(page(q("doc:person:semyon-grigoryev")), ["a1"]);
        // A date key equal to an actor key is not an actor mention.
        assert!(!page(q("taliban")).contains(&"a5".to_string()));
        assert!(page(q("nobody")).is_empty());
        // Combined with the other filters, and in the offset listing too.
        let recent = ReportQuery {
            actor: Some("taliban".into()),
            since: date("2024-02-01"),
            ..Default::default()
        };
        assert_eq!(page(recent.clone()), ["a2"]);
        let searched = ReportQuery {
            actor: Some("pak".into()),
            search: Some("attack".into()),
            ..Default::default()
        };
        assert_eq!(page(searched.clone()), ["a3"]);
        let listed: Vec<String> = store
            .list_reports(&searched)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(listed, ["a3"]);
        let listed = store
            .list_reports(&ReportQuery {
                actor: Some("taliban".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(listed.len(), 3);
        // The count agrees with the actor's report count.
        let taliban = store.list_actors(&ActorQuery::default()).unwrap();
        assert_eq!(taliban[0].reports, page(q("taliban")).len());
    }

    #[test]
    fn version_one_databases_gain_the_actor_index_and_totals() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            // A database written by a build that knew only migration 1.
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(super::super::migrations::MIGRATIONS[0])
                .unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            let mut v1 = SqliteStore { conn };
            fill(&mut v1);
            let tables: i64 = v1
                .connection()
                .query_row(
                    "SELECT COUNT(*) FROM sqlite_master WHERE name = 'actor_totals'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(tables, 0);
        }
        // Opened by this build, it goes through every later migration.
        let store = SqliteStore::open(&path).unwrap();
        let version: i64 = store
            .connection()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SqliteStore::schema_version());
        let indexes: Vec<String> = store
            .connection()
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spans'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            indexes.contains(&"spans_layer_key_report".to_string()),
            "{indexes:?}"
        );
        assert!(!indexes.contains(&"spans_key".to_string()), "{indexes:?}");
        // The totals filled from the stored spans equal those the triggers keep.
        let dir2 = tempfile::tempdir().unwrap();
        let fresh = file_store(dir2.path());
        let all = ActorQuery {
            limit: Some(500),
            ..Default::default()
        };
        let migrated = store.list_actors(&all).unwrap();
        assert_eq!(migrated, fresh.list_actors(&all).unwrap());
        assert_eq!(migrated.len(), 6);
        // The report filter and the actor listing read indexes, not whole tables.
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
        let p = plan("SELECT report_rid FROM spans WHERE layer = 'actors' AND key = 'taliban'");
        assert!(p.contains("COVERING INDEX spans_layer_key_report"), "{p}");
        let p = plan(
            "SELECT key FROM actor_totals t ORDER BY t.reports DESC, t.mentions DESC, t.key LIMIT 20",
        );
        assert!(
            p.contains("actor_totals_rank") && !p.contains("TEMP B-TREE"),
            "{p}"
        );
    }

    #[test]
    fn a_mention_without_name_or_country_keeps_them() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        store
            .put_doc(
                &doc("b1", "The Taliban said.", Some("2024-05-01"), &[TALIBAN]),
                &[],
            )
            .unwrap();
        // A later mention that names no one and no country, of another kind.
        let mut d = doc("b2", "They said it again.", Some("2024-05-03"), &[]);
        d.add(
            Layer::Actors,
            Annotation::new(Span::new(0, 4).unwrap(), "other", "test", 0.5).with_key("taliban"),
        )
        .unwrap();
        store.put_doc(&d, &[]).unwrap();
        let all = store.list_actors(&ActorQuery::default()).unwrap();
        assert_eq!(all.len(), 1);
        let a = &all[0];
        assert_eq!(
            (a.name.as_str(), a.country.as_deref(), a.kind.as_str()),
            ("Taliban", Some("AFG"), "other")
        );
        assert_eq!((a.mentions, a.reports), (2, 2));
        assert_eq!(
            (a.first_published, a.last_published),
            (date("2024-05-01"), date("2024-05-03"))
        );
    }

    #[test]
    fn frequent_and_rare_actors_list_the_same_way() {
        use crate::sqlite::query::ActorPlan;
        let mut store = SqliteStore::open_in_memory().unwrap();
        let days = [
            "2024-01-01",
            "2024-01-03",
            "2024-01-02",
            "2024-01-05",
            "2024-01-04",
        ];
        for (i, day) in days.iter().enumerate() {
            let text = format!("Report {i}: the Taliban spoke.");
            store
                .put_doc(&doc(&format!("c{i}"), &text, Some(day), &[TALIBAN]), &[])
                .unwrap();
        }
        store
            .put_doc(&doc("c9", "Pakistan said nothing.", None, &[PAKISTAN]), &[])
            .unwrap();
        // Five of six reports: walk and probe; one of six: read its mentions.
        assert_eq!(
            store.actor_plan(Some("taliban"), Some(1)).unwrap(),
            ActorPlan::Probe
        );
        assert_eq!(
            store.actor_plan(Some("pak"), Some(1)).unwrap(),
            ActorPlan::FromMentions
        );
        assert_eq!(
            store.actor_plan(Some("taliban"), Some(500)).unwrap(),
            ActorPlan::FromMentions
        );
        let pages = |actor: &str, limit: usize| -> Vec<String> {
            let q = ReportQuery {
                actor: Some(actor.into()),
                limit: Some(limit),
                ..Default::default()
            };
            let mut ids = Vec::new();
            let mut cursor: Option<String> = None;
            loop {
                let p = store.list_reports_page(&q, cursor.as_deref()).unwrap();
                assert!(p.items.len() <= limit);
                ids.extend(p.items.into_iter().map(|r| r.id));
                match p.next_cursor {
                    Some(c) => cursor = Some(c),
                    None => return ids,
                }
            }
        };
        let want = ["c3", "c4", "c1", "c2", "c0"];
        for limit in [1, 2, 500] {
            assert_eq!(pages("taliban", limit), want, "limit {limit}");
            assert_eq!(pages("pak", limit), ["c9"], "limit {limit}");
        }
        let listed = store
            .list_reports(&ReportQuery {
                actor: Some("taliban".into()),
                limit: Some(2),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            listed.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["c3", "c4"]
        );
    }

    #[test]
    fn totals_follow_deletions() {
        let dir = tempfile::tempdir().unwrap();
        let store = file_store(dir.path());
        // Deleting a report deletes its spans (foreign keys cascade); each actor it
        // mentioned is recounted.
        store
            .connection()
            .execute("DELETE FROM reports WHERE id = 'a2'", [])
            .unwrap();
        let all = store.list_actors(&ActorQuery::default()).unwrap();
        let taliban = all.iter().find(|a| a.key == "taliban").unwrap();
        assert_eq!((taliban.mentions, taliban.reports), (3, 2));
        assert_eq!(
            (taliban.first_published, taliban.last_published),
            (date("2024-01-10"), date("2024-01-10"))
        );
        let ttp = all.iter().find(|a| a.key == "ttp").unwrap();
        assert_eq!((ttp.mentions, ttp.reports), (1, 1));
        assert_eq!(ttp.first_published, date("2024-03-01"));
        store
            .connection()
            .execute("DELETE FROM reports WHERE id = 'a3'", [])
            .unwrap();
        let all = store.list_actors(&ActorQuery::default()).unwrap();
        assert_eq!(
            keys(&all),
            ["taliban", "doc:person:semyon-grigoryev", "pak"]
        );
    }
}
