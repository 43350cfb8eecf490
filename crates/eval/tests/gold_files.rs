//! Reads every gold file in `shared/gold` (if present) with the reader for its task and
//! scores the gold against itself. Nothing read from the files is hard-coded: the test
//! only checks that the files parse and that an oracle prediction scores perfectly.

use std::path::PathBuf;
use std::time::Instant;

use spillover_eval::{read_gold, Evaluation, GoldItems, Prediction, Task};

fn gold_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/gold");
    dir.is_dir().then_some(dir)
}

/// Whether the gold of these documents has any item that the given figure can see;
/// e.g. a file without CAMEO codes has no CAMEO roots, so its root F1 is 0/0 = 0.
fn events_have(
    docs: &[spillover_eval::GoldDoc],
    f: impl Fn(&spillover_eval::GoldEvent) -> bool,
) -> bool {
    docs.iter()
        .any(|d| matches!(&d.gold, GoldItems::Events(v) if v.iter().any(&f)))
}

#[test]
fn every_gold_file_parses_and_scores_perfectly_against_itself() {
    let Some(dir) = gold_dir() else {
        eprintln!("note: skipped, no gold directory at ../../../shared/gold");
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read gold dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .jsonl files in {}", dir.display());

    let mut read_total = 0.0;
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let task = Task::from_file_name(&name)
            .unwrap_or_else(|| panic!("{name}: file name does not start with a task"));
        let started = Instant::now();
        let docs = read_gold(&path, task).unwrap_or_else(|e| panic!("{e}"));
        let read_s = started.elapsed().as_secs_f64();
        read_total += read_s;
        assert!(!docs.is_empty(), "{name} has no documents");

        let mut eval = Evaluation::new(task, &name);
        for doc in &docs {
            eval.add(doc, &Prediction::from_gold(&doc.gold))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let report = eval.finish(1.0);
        assert_eq!(report.metric("docs"), Some(docs.len() as f64));
        let items: usize = docs.iter().map(|d| d.gold.len()).sum();
        let mut perfect: Vec<&str> = match task {
            Task::Ner => vec!["precision", "recall", "f1"],
            Task::Geo => vec!["found", "acc161"],
            Task::Time => vec!["strict_f1", "relaxed_f1", "type_acc", "value_acc"],
            Task::Attribution => vec!["source_f1", "cue_f1", "content_f1", "triple_acc"],
            Task::Events => vec![],
        };
        if task == Task::Events {
            if events_have(&docs, |e| e.plover.is_some()) {
                perfect.extend(["precision", "recall", "f1", "type_f1"]);
            }
            if events_have(&docs, |e| {
                e.cameo.as_deref().is_some_and(|c| !c.trim().is_empty())
            }) {
                perfect.push("cameo_root_f1");
            }
        }
        for key in &perfect {
            assert_eq!(
                report.metric(key),
                Some(1.0),
                "{name}: {key}\n{}",
                report.to_table()
            );
        }
        if task == Task::Geo {
            assert_eq!(report.metric("mean_km"), Some(0.0), "{name}");
            assert_eq!(report.metric("auc"), Some(0.0), "{name}");
        }
        if let Some(labels) = report.per_label() {
            assert!(labels.iter().all(|l| l.f1 == 1.0), "{name}: per_label");
        }
        // The empty prediction must score zero wherever there is gold to find.
        let mut empty = Evaluation::new(task, &name);
        for doc in &docs {
            empty
                .add(doc, &Prediction::empty(task))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let zero = empty.finish(1.0);
        let key = match task {
            Task::Ner | Task::Events => "recall",
            Task::Geo => "found",
            Task::Time => "relaxed_f1",
            Task::Attribution => "content_f1",
        };
        assert_eq!(zero.metric(key), Some(0.0), "{name}: empty {key}");
        eprintln!(
            "{name}: {} docs, {items} items, read in {read_s:.3} s",
            docs.len()
        );
    }
    eprintln!("all gold files read in {read_total:.3} s");
}
