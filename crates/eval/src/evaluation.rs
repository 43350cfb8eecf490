//! Accumulating (gold, prediction) pairs into a [`Report`].

use crate::error::EvalError;
use crate::gold::{coordinate_problem, GoldDoc, GoldItems};
use crate::pred::Prediction;
use crate::report::{Figure, Report};
use crate::score::attribution::AttributionScorer;
use crate::score::events::EventScorer;
use crate::score::geo::GeoScorer;
use crate::score::ner::NerScorer;
use crate::score::time::TimeScorer;
use crate::span::check_span;
use crate::task::Task;

/// The task-specific accumulator.
#[derive(Debug, Clone)]
enum Scorer {
    Ner(NerScorer),
    Geo(GeoScorer),
    Time(TimeScorer),
    Attribution(AttributionScorer),
    Events(EventScorer),
}

/// An evaluation in progress: feed it each gold document with the system's prediction
/// for it, then [`finish`](Evaluation::finish) with the elapsed time.
///
/// ```
/// use spillover_eval::{Evaluation, GoldDoc, GoldEntity, GoldItems, Prediction, Task};
/// let doc = GoldDoc {
///     id: "d1".into(),
///     text: "Rahmon met Putin.".into(),
///     date: None,
///     source: "example".into(),
///     gold: GoldItems::Ner(vec![GoldEntity { start: 0, end: 6, label: "PER".into() }]),
/// };
/// let mut eval = Evaluation::new(Task::Ner, "example.jsonl");
/// eval.add(&doc, &Prediction::from_gold(&doc.gold)).unwrap();
/// let report = eval.finish(0.5);
/// assert_eq!(report.metric("f1"), Some(1.0));
/// assert_eq!(report.metric("words_per_sec"), Some(6.0));
/// ```
#[derive(Debug, Clone)]
pub struct Evaluation {
    task: Task,
    gold_name: String,
    docs: u64,
    words: u64,
    scorer: Scorer,
}

impl Evaluation {
    /// A new, empty evaluation of `task` against the gold file called `gold_name`.
    pub fn new(task: Task, gold_name: &str) -> Self {
        let scorer = match task {
            Task::Ner => Scorer::Ner(NerScorer::default()),
            Task::Geo => Scorer::Geo(GeoScorer::default()),
            Task::Time => Scorer::Time(TimeScorer::default()),
            Task::Attribution => Scorer::Attribution(AttributionScorer::default()),
            Task::Events => Scorer::Events(EventScorer::default()),
        };
        Evaluation {
            task,
            gold_name: gold_name.to_string(),
            docs: 0,
            words: 0,
            scorer,
        }
    }

    /// The task being scored.
    pub fn task(&self) -> Task {
        self.task
    }

    /// Scores one document. Fails, leaving the evaluation unchanged, when the gold or
    /// the prediction belongs to another task, or when a predicted span does not fit
    /// `doc.text` (reversed, out of bounds, or not on a character boundary; empty spans
    /// are allowed and overlap nothing) or a predicted coordinate is not a valid
    /// latitude/longitude.
    pub fn add(&mut self, doc: &GoldDoc, pred: &Prediction) -> Result<(), EvalError> {
        if doc.gold.task() != self.task {
            return Err(EvalError::TaskMismatch {
                expected: self.task,
                found: doc.gold.task(),
                what: "gold document",
            });
        }
        if pred.task() != self.task {
            return Err(EvalError::TaskMismatch {
                expected: self.task,
                found: pred.task(),
                what: "prediction",
            });
        }
        validate_prediction(doc, pred)?;
        match (&mut self.scorer, &doc.gold, pred) {
            (Scorer::Ner(s), GoldItems::Ner(g), Prediction::Ner(p)) => s.add(g, p),
            (Scorer::Geo(s), GoldItems::Geo(g), Prediction::Geo(p)) => s.add(g, p),
            (Scorer::Time(s), GoldItems::Time(g), Prediction::Time(p)) => s.add(g, p),
            (Scorer::Attribution(s), GoldItems::Attribution(g), Prediction::Attribution(p)) => {
                s.add(&doc.text, g, p)
            }
            (Scorer::Events(s), GoldItems::Events(g), Prediction::Events(p)) => s.add(g, p),
            // Unreachable: both tasks were checked against `self.task` above.
            _ => {
                return Err(EvalError::TaskMismatch {
                    expected: self.task,
                    found: pred.task(),
                    what: "prediction",
                })
            }
        }
        self.docs += 1;
        self.words += doc.text.split_whitespace().count() as u64;
        Ok(())
    }

    /// Ends the evaluation. `seconds` is the time the system took over all documents;
    /// the throughputs are 0 when it is not positive.
    pub fn finish(self, seconds: f64) -> Report {
        let per_sec = |n: u64| {
            if seconds > 0.0 && seconds.is_finite() {
                n as f64 / seconds
            } else {
                0.0
            }
        };
        let mut figures = vec![
            ("docs", Figure::Count(self.docs)),
            ("words", Figure::Count(self.words)),
            ("seconds", Figure::Seconds(seconds)),
            ("docs_per_sec", Figure::PerSec(per_sec(self.docs))),
            ("words_per_sec", Figure::PerSec(per_sec(self.words))),
        ];
        let mut per_label = None;
        figures.extend(match &self.scorer {
            Scorer::Ner(s) => {
                per_label = Some(s.per_label());
                s.figures()
            }
            Scorer::Geo(s) => s.figures(),
            Scorer::Time(s) => s.figures(),
            Scorer::Attribution(s) => s.figures(),
            Scorer::Events(s) => s.figures(),
        });
        Report {
            task: self.task,
            gold: self.gold_name,
            figures,
            per_label,
        }
    }
}

/// Checks every predicted span against the document text, and every coordinate.
fn validate_prediction(doc: &GoldDoc, pred: &Prediction) -> Result<(), EvalError> {
    let text = doc.text.as_str();
    let check = |item: &dyn Fn() -> String, start: usize, end: usize| {
        check_span(text, start, end, true).map_err(|problem| EvalError::BadPredSpan {
            doc: doc.id.clone(),
            item: item(),
            start,
            end,
            problem,
        })
    };
    match pred {
        Prediction::Ner(items) => {
            for (i, x) in items.iter().enumerate() {
                check(&|| format!("entities[{i}]"), x.start, x.end)?;
            }
        }
        Prediction::Geo(items) => {
            for (i, x) in items.iter().enumerate() {
                check(&|| format!("places[{i}]"), x.start, x.end)?;
                if let Some(message) = coordinate_problem(x.lat, x.lon) {
                    return Err(EvalError::BadPredValue {
                        doc: doc.id.clone(),
                        item: format!("places[{i}]"),
                        message,
                    });
                }
            }
        }
        Prediction::Time(items) => {
            for (i, x) in items.iter().enumerate() {
                check(&|| format!("timexes[{i}]"), x.start, x.end)?;
            }
        }
        Prediction::Attribution(items) => {
            for (i, x) in items.iter().enumerate() {
                for (role, spans) in [
                    ("source", &x.source),
                    ("cue", &x.cue),
                    ("content", &x.content),
                ] {
                    for (j, &(s, e)) in spans.iter().enumerate() {
                        check(&|| format!("attributions[{i}].{role}[{j}]"), s, e)?;
                    }
                }
            }
        }
        Prediction::Events(_) => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::SpanProblem;
    use crate::gold::{GoldAttribution, GoldEntity, GoldEvent, GoldTimex, GoldToponym};
    use crate::pred::{PredEntity, PredPlace};

    fn doc(text: &str, gold: GoldItems) -> GoldDoc {
        GoldDoc {
            id: "d".into(),
            text: text.into(),
            date: None,
            source: "t".into(),
            gold,
        }
    }

    fn all_docs() -> Vec<GoldDoc> {
        let text = "Putin said on Monday that Moscow would help.";
        vec![
            doc(
                text,
                GoldItems::Ner(vec![GoldEntity {
                    start: 0,
                    end: 5,
                    label: "PER".into(),
                }]),
            ),
            doc(
                text,
                GoldItems::Geo(vec![GoldToponym {
                    start: 26,
                    end: 32,
                    name: "Moscow".into(),
                    lat: 55.7558,
                    lon: 37.6173,
                    geonameid: Some(524901),
                }]),
            ),
            doc(
                text,
                GoldItems::Time(vec![GoldTimex {
                    start: 14,
                    end: 20,
                    r#type: "DATE".into(),
                    value: "2024-01-01".into(),
                }]),
            ),
            doc(
                text,
                GoldItems::Attribution(vec![GoldAttribution {
                    source: vec![(0, 5)],
                    cue: vec![(6, 10)],
                    content: vec![(26, 43)],
                }]),
            ),
            doc(
                text,
                GoldItems::Events(vec![GoldEvent {
                    source: Some("RUSGOV".into()),
                    target: None,
                    cameo: Some("030".into()),
                    plover: Some("AGREE".into()),
                }]),
            ),
        ]
    }

    #[test]
    fn oracle_scores_perfectly_on_every_task() {
        for d in all_docs() {
            let task = d.gold.task();
            let mut e = Evaluation::new(task, "x.jsonl");
            e.add(&d, &Prediction::from_gold(&d.gold)).expect("add");
            let r = e.finish(2.0);
            let keys: &[&str] = match task {
                Task::Ner => &["precision", "recall", "f1", "per_label.PER.f1"],
                Task::Geo => &["found", "acc161"],
                Task::Time => &["strict_f1", "relaxed_f1", "type_acc", "value_acc"],
                Task::Attribution => &["source_f1", "cue_f1", "content_f1", "triple_acc"],
                Task::Events => &["precision", "recall", "f1", "type_f1", "cameo_root_f1"],
            };
            for k in keys {
                assert_eq!(r.metric(k), Some(1.0), "{task} {k}");
            }
            assert_eq!(r.metric("docs"), Some(1.0));
            assert_eq!(r.metric("docs_per_sec"), Some(0.5));
            assert_eq!(r.metric("words_per_sec"), Some(4.0));
        }
    }

    #[test]
    fn empty_prediction_scores_zero_on_every_task() {
        for d in all_docs() {
            let task = d.gold.task();
            let mut e = Evaluation::new(task, "x.jsonl");
            e.add(&d, &Prediction::empty(task)).expect("add");
            let r = e.finish(0.0);
            let key = match task {
                Task::Ner | Task::Events => "recall",
                Task::Geo => "found",
                Task::Time => "relaxed_f1",
                Task::Attribution => "content_f1",
            };
            assert_eq!(r.metric(key), Some(0.0), "{task}");
            assert_eq!(r.metric("docs_per_sec"), Some(0.0));
        }
    }

    #[test]
    fn task_mismatch_is_an_error() {
        let docs = all_docs();
        let mut e = Evaluation::new(Task::Geo, "x");
        let err = e
            .add(&docs[0], &Prediction::empty(Task::Ner))
            .expect_err("gold");
        assert!(matches!(
            err,
            EvalError::TaskMismatch {
                what: "gold document",
                ..
            }
        ));
        let err = e
            .add(&docs[1], &Prediction::empty(Task::Ner))
            .expect_err("pred");
        assert!(matches!(
            err,
            EvalError::TaskMismatch {
                what: "prediction",
                found: Task::Ner,
                ..
            }
        ));
        assert_eq!(e.finish(1.0).metric("docs"), Some(0.0));
    }

    #[test]
    fn bad_predicted_spans_and_coordinates_are_errors() {
        let d = doc("Душанбе", GoldItems::Ner(vec![]));
        let mut e = Evaluation::new(Task::Ner, "x");
        let bad = Prediction::Ner(vec![PredEntity {
            start: 0,
            end: 3,
            label: "LOC".into(),
        }]);
        let err = e.add(&d, &bad).expect_err("boundary");
        assert!(matches!(
            err,
            EvalError::BadPredSpan {
                problem: SpanProblem::NotCharBoundary { offset: 3 },
                ..
            }
        ));
        let d = doc("Paris", GoldItems::Geo(vec![]));
        let mut e = Evaluation::new(Task::Geo, "x");
        let bad = Prediction::Geo(vec![PredPlace {
            start: 0,
            end: 5,
            lat: f64::NAN,
            lon: 0.0,
            area: false,
        }]);
        assert!(matches!(
            e.add(&d, &bad),
            Err(EvalError::BadPredValue { .. })
        ));
    }

    #[test]
    fn report_json_and_table() {
        let d = &all_docs()[0];
        let mut e = Evaluation::new(Task::Ner, "ner-x.jsonl");
        let pred = Prediction::Ner(vec![
            PredEntity {
                start: 0,
                end: 5,
                label: "PER".into(),
            },
            PredEntity {
                start: 26,
                end: 32,
                label: "LOC".into(),
            },
        ]);
        e.add(d, &pred).expect("add");
        let r = e.finish(1.0);
        let j = r.to_json();
        for key in [
            "task",
            "gold",
            "docs",
            "seconds",
            "docs_per_sec",
            "words_per_sec",
            "precision",
            "recall",
            "f1",
            "per_label",
        ] {
            assert!(j.get(key).is_some(), "missing {key}");
        }
        assert_eq!(j["task"], "ner");
        assert_eq!(j["gold"], "ner-x.jsonl");
        assert_eq!(j["docs"], 1);
        assert_eq!(j["precision"], 0.5);
        assert_eq!(j["per_label"]["LOC"]["precision"], 0.0);
        assert_eq!(j["per_label"]["PER"]["f1"], 1.0);
        let table = r.to_table();
        assert!(
            table.contains("precision") && table.contains("0.5000"),
            "{table}"
        );
        assert!(table.lines().any(|l| l.starts_with("PER")), "{table}");
        assert_eq!(r.metric("per_label.LOC.recall"), Some(0.0));
        assert_eq!(r.metric("nonsense"), None);
    }

    #[test]
    fn geo_report_with_nothing_found_has_null_errors() {
        let d = &all_docs()[1];
        let mut e = Evaluation::new(Task::Geo, "geo-x.jsonl");
        e.add(d, &Prediction::empty(Task::Geo)).expect("add");
        let r = e.finish(1.0);
        let j = r.to_json();
        assert!(j["mean_km"].is_null() && j["median_km"].is_null() && j["auc"].is_null());
        assert_eq!(j["found"], 0.0);
        assert!(r
            .to_table()
            .lines()
            .any(|l| l.starts_with("mean_km") && l.ends_with('-')));
    }
}
