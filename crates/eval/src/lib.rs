//! Evaluation: gold readers and scorers for every Spillover stage.
//!
//! The gold sets (`shared/gold/*.jsonl`, described in its `README.md`) hold one document
//! or sentence per line with UTF-8 byte offsets. This crate
//!
//! 1. reads them ([`read_gold`]), checking every offset and naming file and line on the
//!    first problem;
//! 2. scores, document by document, what the system predicted ([`Prediction`], built by
//!    the caller — this crate does not depend on the pipeline) against the gold
//!    ([`Evaluation::add`]);
//! 3. reports the figures that `spillover eval` prints ([`Report::to_json`],
//!    [`Report::to_table`]).
//!
//! Every report has `task`, `gold`, `docs`, `words`, `seconds`, `docs_per_sec` and
//! `words_per_sec` (words are whitespace-separated tokens of the document texts). Then,
//! per task (all rates in [0, 1]; 0/0 is 0):
//!
//! | task | figures | how |
//! |---|---|---|
//! | `ner` | `precision`, `recall`, `f1`, `per_label` | see [`score::ner`] |
//! | `geo` | `found`, `acc161`, `mean_km`, `median_km`, `auc`, `gold_toponyms`, `found_count` | see [`score::geo`] |
//! | `time` | `strict_f1`, `relaxed_f1`, `type_acc`, `value_acc` | see [`score::time`] |
//! | `attribution` | `source_f1`, `cue_f1`, `content_f1`, `triple_acc`, `gold_relations`, `pred_relations`, `matched` | see [`score::attribution`] |
//! | `events` | `precision`, `recall`, `f1`, `type_f1`, `cameo_root_f1` | see [`score::events`] |
//!
//! Reports carry a few extra counts and per-role / strict / relaxed precision and recall
//! as well.
//!
//! ```
//! use spillover_eval::{read_gold_from, Evaluation, Prediction, Task};
//! let line = r#"{"id":"1","text":"Talks in Dushanbe.","date":null,"source":"x","entities":[{"start":9,"end":17,"label":"LOC"}]}"#;
//! let docs = read_gold_from(line.as_bytes(), "ner-example.jsonl", Task::Ner).unwrap();
//! let mut eval = Evaluation::new(Task::Ner, "ner-example.jsonl");
//! for doc in &docs {
//!     eval.add(doc, &Prediction::empty(Task::Ner)).unwrap();
//! }
//! let report = eval.finish(0.01);
//! assert_eq!(report.metric("recall"), Some(0.0));
//! assert_eq!(report.to_json()["task"], "ner");
//! ```

mod error;
mod evaluation;
mod gold;
mod pred;
mod report;
pub mod score;
mod span;
mod task;

pub use error::{EvalError, SpanProblem};
pub use evaluation::Evaluation;
pub use gold::{
    read_gold, read_gold_from, GoldAttribution, GoldDoc, GoldEntity, GoldEvent, GoldItems,
    GoldTimex, GoldToponym,
};
pub use pred::{PredAttribution, PredEntity, PredEvent, PredPlace, PredTimex, Prediction};
pub use report::{Figure, LabelScore, Report};
pub use task::Task;
