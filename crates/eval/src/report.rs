//! The result of an evaluation: named figures, rendered as JSON or as a table.

use serde_json::{json, Map, Value};

use crate::task::Task;

/// One reported figure. The variant decides how it prints.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    /// A count (prints as an integer).
    Count(u64),
    /// A rate or score in [0, 1] (table: 4 decimals).
    Rate(f64),
    /// A distance in km (table: 1 decimal).
    Km(f64),
    /// A duration in seconds (table: 3 decimals).
    Seconds(f64),
    /// A throughput per second (table: 1 decimal).
    PerSec(f64),
    /// Undefined for this run (e.g. the mean error when nothing was found): JSON `null`.
    Missing,
}

impl Figure {
    /// The figure as a number; `None` when missing or not finite.
    pub fn value(&self) -> Option<f64> {
        let v = match *self {
            Figure::Count(n) => n as f64,
            Figure::Rate(v) | Figure::Km(v) | Figure::Seconds(v) | Figure::PerSec(v) => v,
            Figure::Missing => return None,
        };
        v.is_finite().then_some(v)
    }

    fn to_json(self) -> Value {
        match self {
            Figure::Count(n) => json!(n),
            other => other.value().map_or(Value::Null, |v| json!(v)),
        }
    }

    fn to_text(self) -> String {
        match self {
            Figure::Count(n) => n.to_string(),
            Figure::Rate(v) if v.is_finite() => format!("{v:.4}"),
            Figure::Km(v) | Figure::PerSec(v) if v.is_finite() => format!("{v:.1}"),
            Figure::Seconds(v) if v.is_finite() => format!("{v:.3}"),
            _ => "-".to_string(),
        }
    }
}

/// Precision, recall and F1 of one NER label, with its gold and predicted counts.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelScore {
    /// The label.
    pub label: String,
    /// Exact-match precision for this label.
    pub precision: f64,
    /// Exact-match recall for this label.
    pub recall: f64,
    /// F1 of the two.
    pub f1: f64,
    /// Gold entities with this label.
    pub gold: u64,
    /// Predicted entities with this label.
    pub pred: u64,
}

/// The figures of one evaluation run, in print order.
///
/// Every report has `task`, `gold`, `docs`, `words`, `seconds`, `docs_per_sec` and
/// `words_per_sec`, then the task's figures (see the crate docs); NER reports also
/// carry `per_label`.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub(crate) task: Task,
    pub(crate) gold: String,
    pub(crate) figures: Vec<(&'static str, Figure)>,
    pub(crate) per_label: Option<Vec<LabelScore>>,
}

impl Report {
    /// The task scored.
    pub fn task(&self) -> Task {
        self.task
    }

    /// The gold file name.
    pub fn gold(&self) -> &str {
        &self.gold
    }

    /// All numeric figures, in print order.
    pub fn figures(&self) -> &[(&'static str, Figure)] {
        &self.figures
    }

    /// NER scores per label (sorted by label); `None` for other tasks.
    pub fn per_label(&self) -> Option<&[LabelScore]> {
        self.per_label.as_deref()
    }

    /// A figure by key (`"f1"`, `"found"`, `"docs"`, …), or a per-label NER score as
    /// `"per_label.LABEL.precision|recall|f1"`. `None` for an unknown key or a figure that
    /// is undefined in this run.
    pub fn metric(&self, key: &str) -> Option<f64> {
        if let Some(rest) = key.strip_prefix("per_label.") {
            let (label, which) = rest.rsplit_once('.')?;
            let score = self.per_label.as_ref()?.iter().find(|l| l.label == label)?;
            return match which {
                "precision" => Some(score.precision),
                "recall" => Some(score.recall),
                "f1" => Some(score.f1),
                _ => None,
            };
        }
        self.figures
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, f)| f.value())
    }

    /// The report as one JSON object: `task`, `gold`, every figure (missing ones as
    /// `null`), and for NER `per_label` as `{label: {precision, recall, f1}}`.
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("task".into(), json!(self.task.as_str()));
        map.insert("gold".into(), json!(self.gold));
        for (key, figure) in &self.figures {
            map.insert((*key).into(), figure.to_json());
        }
        if let Some(labels) = &self.per_label {
            let mut per = Map::new();
            for l in labels {
                per.insert(
                    l.label.clone(),
                    json!({ "precision": l.precision, "recall": l.recall, "f1": l.f1 }),
                );
            }
            map.insert("per_label".into(), Value::Object(per));
        }
        Value::Object(map)
    }

    /// The same figures as an aligned, human-readable table; NER adds a per-label
    /// sub-table.
    pub fn to_table(&self) -> String {
        let mut rows: Vec<(String, String)> = vec![
            ("task".into(), self.task.as_str().into()),
            ("gold".into(), self.gold.clone()),
        ];
        rows.extend(
            self.figures
                .iter()
                .map(|(k, f)| ((*k).to_string(), f.to_text())),
        );
        let key_w = rows
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        let num_w = self
            .figures
            .iter()
            .map(|(_, f)| f.to_text().chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (i, (k, v)) in rows.iter().enumerate() {
            // Text values (task, gold) left-aligned; numbers right-aligned.
            if i < 2 {
                out.push_str(&format!("{k:<key_w$}  {v}\n"));
            } else {
                out.push_str(&format!("{k:<key_w$}  {v:>num_w$}\n"));
            }
        }
        if let Some(labels) = &self.per_label {
            let label_w = labels
                .iter()
                .map(|l| l.label.chars().count())
                .chain(["per_label".len()])
                .max()
                .unwrap_or(0);
            out.push('\n');
            out.push_str(&format!(
                "{:<label_w$}  {:>9}  {:>9}  {:>9}  {:>7}  {:>7}\n",
                "per_label", "precision", "recall", "f1", "gold", "pred"
            ));
            for l in labels {
                out.push_str(&format!(
                    "{:<label_w$}  {:>9.4}  {:>9.4}  {:>9.4}  {:>7}  {:>7}\n",
                    l.label, l.precision, l.recall, l.f1, l.gold, l.pred
                ));
            }
        }
        out
    }
}
