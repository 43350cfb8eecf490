//! Named entities: micro precision/recall/F1 over exact `(start, end, label)` matches,
//! with a per-label breakdown.
//!
//! Matching is one-to-one: the gold and predicted entities of a document are treated
//! as multisets of `(start, end, label)` and their intersection is counted, so a
//! duplicated prediction matches at most as many gold entities as carry that key.

use std::collections::BTreeMap;

use super::Counts;
use crate::gold::GoldEntity;
use crate::pred::PredEntity;
use crate::report::{Figure, LabelScore};

/// Accumulates exact-match counts per label.
#[derive(Debug, Default, Clone)]
pub(crate) struct NerScorer {
    labels: BTreeMap<String, Counts>,
}

impl NerScorer {
    /// Scores one document.
    pub fn add(&mut self, gold: &[GoldEntity], pred: &[PredEntity]) {
        let mut pool: std::collections::HashMap<(usize, usize, &str), u64> =
            std::collections::HashMap::new();
        for g in gold {
            *pool.entry((g.start, g.end, g.label.as_str())).or_insert(0) += 1;
            self.labels.entry(g.label.clone()).or_default().gold += 1;
        }
        for p in pred {
            let counts = self.labels.entry(p.label.clone()).or_default();
            counts.pred += 1;
            if let Some(n) = pool.get_mut(&(p.start, p.end, p.label.as_str())) {
                if *n > 0 {
                    *n -= 1;
                    counts.tp += 1;
                }
            }
        }
    }

    /// Micro totals over every label.
    fn total(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.labels.values() {
            total.add(*c);
        }
        total
    }

    /// The report figures: `precision`, `recall`, `f1`, and counts.
    pub fn figures(&self) -> Vec<(&'static str, Figure)> {
        let t = self.total();
        vec![
            ("precision", Figure::Rate(t.precision())),
            ("recall", Figure::Rate(t.recall())),
            ("f1", Figure::Rate(t.f1())),
            ("gold_entities", Figure::Count(t.gold)),
            ("pred_entities", Figure::Count(t.pred)),
            ("matched", Figure::Count(t.tp)),
        ]
    }

    /// Scores per label, for every label seen in gold or prediction, sorted by label.
    pub fn per_label(&self) -> Vec<LabelScore> {
        self.labels
            .iter()
            .map(|(label, c)| LabelScore {
                label: label.clone(),
                precision: c.precision(),
                recall: c.recall(),
                f1: c.f1(),
                gold: c.gold,
                pred: c.pred,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(start: usize, end: usize, label: &str) -> GoldEntity {
        GoldEntity {
            start,
            end,
            label: label.into(),
        }
    }
    fn p(start: usize, end: usize, label: &str) -> PredEntity {
        PredEntity {
            start,
            end,
            label: label.into(),
        }
    }

    #[test]
    fn perfect_and_empty() {
        let gold = [g(0, 5, "PER"), g(10, 16, "LOC")];
        let mut s = NerScorer::default();
        s.add(&gold, &[p(0, 5, "PER"), p(10, 16, "LOC")]);
        assert_eq!(
            s.total(),
            Counts {
                tp: 2,
                gold: 2,
                pred: 2
            }
        );
        assert_eq!(s.total().f1(), 1.0);

        let mut s = NerScorer::default();
        s.add(&gold, &[]);
        assert_eq!(s.total().recall(), 0.0);
        assert_eq!(s.total().f1(), 0.0);
    }

    #[test]
    fn label_mismatch_and_boundaries() {
        let gold = [g(0, 5, "PER"), g(10, 16, "LOC"), g(20, 25, "ORG")];
        // Right span, wrong label; a partial span; one exact; a duplicate of the exact.
        let pred = [
            p(0, 5, "ORG"),
            p(10, 15, "LOC"),
            p(20, 25, "ORG"),
            p(20, 25, "ORG"),
        ];
        let mut s = NerScorer::default();
        s.add(&gold, &pred);
        assert_eq!(
            s.total(),
            Counts {
                tp: 1,
                gold: 3,
                pred: 4
            }
        );
        let per = s.per_label();
        let labels: Vec<&str> = per.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["LOC", "ORG", "PER"]);
        let org = &per[1];
        assert_eq!((org.gold, org.pred), (1, 3));
        assert!((org.precision - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(org.recall, 1.0);
        let per_ = &per[2];
        assert_eq!((per_.precision, per_.recall, per_.f1), (0.0, 0.0, 0.0));
    }

    #[test]
    fn labels_only_in_prediction_are_listed() {
        let mut s = NerScorer::default();
        s.add(&[g(0, 3, "PER")], &[p(4, 6, "MISC")]);
        let labels: Vec<String> = s.per_label().into_iter().map(|l| l.label).collect();
        assert_eq!(labels, ["MISC", "PER"]);
    }
}
