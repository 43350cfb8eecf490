//! The per-task scorers: how each figure is defined. The scorers accumulate counts
//! over documents (through [`crate::Evaluation`]) and turn them into report figures.

pub mod attribution;
pub mod events;
pub mod geo;
pub mod ner;
pub mod time;

/// `num / den`, or 0.0 when `den` is 0 (the convention for every rate here).
pub(crate) fn ratio(num: u64, den: u64) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Harmonic mean of precision and recall; 0.0 when both are 0.
pub(crate) fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Micro-averaged match counts: true positives, gold items, predicted items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Matched items.
    pub tp: u64,
    /// Gold items.
    pub gold: u64,
    /// Predicted items.
    pub pred: u64,
}

impl Counts {
    /// Adds another set of counts.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.gold += other.gold;
        self.pred += other.pred;
    }

    /// `tp / pred` (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.pred)
    }

    /// `tp / gold` (0 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }

    /// F1 of [`Counts::precision`] and [`Counts::recall`].
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Size of the multiset intersection of two lists of keys.
pub(crate) fn multiset_matches<K: std::hash::Hash + Eq>(
    gold: impl IntoIterator<Item = K>,
    pred: impl IntoIterator<Item = K>,
) -> Counts {
    let mut pool: std::collections::HashMap<K, u64> = std::collections::HashMap::new();
    let mut counts = Counts::default();
    for k in gold {
        *pool.entry(k).or_insert(0) += 1;
        counts.gold += 1;
    }
    for k in pred {
        counts.pred += 1;
        if let Some(n) = pool.get_mut(&k) {
            if *n > 0 {
                *n -= 1;
                counts.tp += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_over_zero_is_zero() {
        let c = Counts::default();
        assert_eq!((c.precision(), c.recall(), c.f1()), (0.0, 0.0, 0.0));
        let c = Counts {
            tp: 1,
            gold: 2,
            pred: 1,
        };
        assert_eq!(c.precision(), 1.0);
        assert_eq!(c.recall(), 0.5);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn multiset_counts_duplicates_once_each() {
        let c = multiset_matches(["a", "a", "b"], ["a", "a", "a", "c"]);
        assert_eq!(
            c,
            Counts {
                tp: 2,
                gold: 3,
                pred: 4
            }
        );
    }
}
