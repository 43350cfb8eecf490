//! Temporal expressions: strict and relaxed span F1, then type and value accuracy
//! over the relaxed matches.
//!
//! * Strict: a prediction matches a gold timex with exactly the same span; matching
//!   is one-to-one (multiset intersection of spans).
//! * Relaxed: a prediction and a gold timex are candidates when their spans share at
//!   least one byte; candidates are taken greedily, exact spans first, then by larger
//!   byte overlap (ties: earlier gold, then earlier prediction), each gold and each
//!   prediction used at most once.
//! * `type_acc` / `value_acc`: share of relaxed matches whose type / value agree after
//!   trimming surrounding whitespace (0.0 when there is no match).

use super::{multiset_matches, ratio, Counts};
use crate::gold::GoldTimex;
use crate::pred::PredTimex;
use crate::report::Figure;
use crate::span::{greedy_match, overlap};

/// Accumulates strict and relaxed match counts.
#[derive(Debug, Default, Clone)]
pub(crate) struct TimeScorer {
    strict: Counts,
    relaxed: Counts,
    type_ok: u64,
    value_ok: u64,
}

impl TimeScorer {
    /// Scores one document.
    pub fn add(&mut self, gold: &[GoldTimex], pred: &[PredTimex]) {
        self.strict.add(multiset_matches(
            gold.iter().map(|g| (g.start, g.end)),
            pred.iter().map(|p| (p.start, p.end)),
        ));
        let mut candidates = Vec::new();
        for (gi, g) in gold.iter().enumerate() {
            for (pi, p) in pred.iter().enumerate() {
                let o = overlap((g.start, g.end), (p.start, p.end));
                if o > 0 {
                    let exact = g.start == p.start && g.end == p.end;
                    candidates.push(((exact, o), gi, pi));
                }
            }
        }
        let pairs = greedy_match(candidates, gold.len(), pred.len());
        self.relaxed.add(Counts {
            tp: pairs.len() as u64,
            gold: gold.len() as u64,
            pred: pred.len() as u64,
        });
        for (gi, pi) in pairs {
            let (g, p) = (&gold[gi], &pred[pi]);
            if g.r#type.trim() == p.r#type.trim() {
                self.type_ok += 1;
            }
            if g.value.trim() == p.value.trim() {
                self.value_ok += 1;
            }
        }
    }

    /// The report figures.
    pub fn figures(&self) -> Vec<(&'static str, Figure)> {
        vec![
            ("strict_f1", Figure::Rate(self.strict.f1())),
            ("relaxed_f1", Figure::Rate(self.relaxed.f1())),
            (
                "type_acc",
                Figure::Rate(ratio(self.type_ok, self.relaxed.tp)),
            ),
            (
                "value_acc",
                Figure::Rate(ratio(self.value_ok, self.relaxed.tp)),
            ),
            ("strict_precision", Figure::Rate(self.strict.precision())),
            ("strict_recall", Figure::Rate(self.strict.recall())),
            ("relaxed_precision", Figure::Rate(self.relaxed.precision())),
            ("relaxed_recall", Figure::Rate(self.relaxed.recall())),
            ("gold_timexes", Figure::Count(self.relaxed.gold)),
            ("pred_timexes", Figure::Count(self.relaxed.pred)),
            ("relaxed_matches", Figure::Count(self.relaxed.tp)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(start: usize, end: usize, ty: &str, value: &str) -> GoldTimex {
        GoldTimex {
            start,
            end,
            r#type: ty.into(),
            value: value.into(),
        }
    }
    fn p(start: usize, end: usize, ty: &str, value: &str) -> PredTimex {
        PredTimex {
            start,
            end,
            r#type: ty.into(),
            value: value.into(),
        }
    }

    #[test]
    fn perfect_and_empty() {
        let gold = [g(0, 6, "DATE", "1998-08-07"), g(10, 17, "DURATION", "P2Y")];
        let pred = [p(0, 6, "DATE", "1998-08-07"), p(10, 17, "DURATION", "P2Y")];
        let mut s = TimeScorer::default();
        s.add(&gold, &pred);
        assert_eq!(s.strict.f1(), 1.0);
        assert_eq!(s.relaxed.f1(), 1.0);
        assert_eq!(ratio(s.type_ok, s.relaxed.tp), 1.0);

        let mut s = TimeScorer::default();
        s.add(&gold, &[]);
        assert_eq!(s.relaxed.recall(), 0.0);
        assert_eq!(ratio(s.value_ok, s.relaxed.tp), 0.0);
    }

    #[test]
    fn two_predictions_over_one_gold_count_once() {
        // Gold "last Friday" 0..11; predictions "last" 0..4 and "Friday" 5..11.
        let gold = [g(0, 11, "DATE", "1998-08-07")];
        let pred = [p(0, 4, "DATE", "X"), p(5, 11, "DATE", " 1998-08-07 ")];
        let mut s = TimeScorer::default();
        s.add(&gold, &pred);
        assert_eq!(
            s.strict,
            Counts {
                tp: 0,
                gold: 1,
                pred: 2
            }
        );
        assert_eq!(
            s.relaxed,
            Counts {
                tp: 1,
                gold: 1,
                pred: 2
            }
        );
        // The larger overlap (Friday, 6 bytes) wins; its value matches after trimming.
        assert_eq!((s.type_ok, s.value_ok), (1, 1));
        assert!((s.relaxed.f1() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn exact_match_preferred_over_larger_overlap() {
        // Gold A 0..10 and B 5..10; prediction 5..10 is exact for B and overlaps A too.
        let gold = [g(0, 10, "DATE", "a"), g(5, 10, "TIME", "b")];
        let pred = [p(5, 10, "TIME", "b"), p(0, 6, "DURATION", "z")];
        let mut s = TimeScorer::default();
        s.add(&gold, &pred);
        assert_eq!(s.strict.tp, 1);
        assert_eq!(s.relaxed.tp, 2);
        // B↔pred0 is exact and correct; A↔pred1 has wrong type and value.
        assert_eq!((s.type_ok, s.value_ok), (1, 1));
    }
}
