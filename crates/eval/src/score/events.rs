//! Coded events: per document (sentence), multisets of `(source, target, PLOVER)`
//! triples, of PLOVER types, and of two-digit CAMEO roots.
//!
//! * Actors are compared on their first three characters, uppercased, after trimming
//!   whitespace ([`actor_key`]); `None`, `""` and `"---"` all mean "absent" and compare
//!   equal to each other (and unequal to any actor).
//! * Events whose `plover` is `None` (or blank) are left out of the triple and type
//!   multisets — on the gold side as the task requires, and on the predicted side too,
//!   so that a system is not penalised for coding events that have no PLOVER category.
//! * CAMEO roots are the first two characters of `cameo`; events with no (or a blank)
//!   `cameo` are skipped on either side.
//!
//! `precision`, `recall`, `f1` (triples), `type_f1` and `cameo_root_f1` are micro
//! averages of the per-document multiset intersections.

use super::{multiset_matches, Counts};
use crate::gold::GoldEvent;
use crate::pred::PredEvent;
use crate::report::Figure;

/// The comparison key of an actor code: `None` when absent (`None`, empty or `---`),
/// else its first three characters uppercased.
pub fn actor_key(code: Option<&str>) -> Option<String> {
    let code = code?.trim();
    if code.is_empty() || code == "---" {
        return None;
    }
    Some(code.chars().take(3).flat_map(char::to_uppercase).collect())
}

/// The PLOVER type, trimmed; `None` when absent or blank.
fn plover_key(plover: Option<&str>) -> Option<String> {
    plover
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
}

/// The two-digit CAMEO root; `None` when the code is absent or blank.
fn cameo_root(cameo: Option<&str>) -> Option<String> {
    cameo
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| c.chars().take(2).collect())
}

type Triple = (Option<String>, Option<String>, String);

/// The keys of one event: its triple (when it has a PLOVER type), its type, its root.
fn keys(
    source: Option<&str>,
    target: Option<&str>,
    cameo: Option<&str>,
    plover: Option<&str>,
) -> (Option<Triple>, Option<String>) {
    let triple = plover_key(plover).map(|p| (actor_key(source), actor_key(target), p));
    (triple, cameo_root(cameo))
}

/// Accumulates the three multiset comparisons.
#[derive(Debug, Default, Clone)]
pub(crate) struct EventScorer {
    triples: Counts,
    types: Counts,
    roots: Counts,
    gold_events: u64,
    pred_events: u64,
}

impl EventScorer {
    /// Scores one document.
    pub fn add(&mut self, gold: &[GoldEvent], pred: &[PredEvent]) {
        self.gold_events += gold.len() as u64;
        self.pred_events += pred.len() as u64;
        let key = |e: &GoldEvent| {
            keys(
                e.source.as_deref(),
                e.target.as_deref(),
                e.cameo.as_deref(),
                e.plover.as_deref(),
            )
        };
        let gold: Vec<_> = gold.iter().map(key).collect();
        let pred: Vec<_> = pred.iter().map(key).collect();
        let triples = |v: &[(Option<Triple>, Option<String>)]| -> Vec<Triple> {
            v.iter().filter_map(|(t, _)| t.clone()).collect()
        };
        let (gt, pt) = (triples(&gold), triples(&pred));
        self.types.add(multiset_matches(
            gt.iter().map(|t| t.2.clone()),
            pt.iter().map(|t| t.2.clone()),
        ));
        self.triples.add(multiset_matches(gt, pt));
        self.roots.add(multiset_matches(
            gold.iter().filter_map(|(_, r)| r.clone()),
            pred.iter().filter_map(|(_, r)| r.clone()),
        ));
    }

    /// The report figures.
    pub fn figures(&self) -> Vec<(&'static str, Figure)> {
        vec![
            ("precision", Figure::Rate(self.triples.precision())),
            ("recall", Figure::Rate(self.triples.recall())),
            ("f1", Figure::Rate(self.triples.f1())),
            ("type_f1", Figure::Rate(self.types.f1())),
            ("cameo_root_f1", Figure::Rate(self.roots.f1())),
            ("gold_events", Figure::Count(self.gold_events)),
            ("pred_events", Figure::Count(self.pred_events)),
            ("gold_triples", Figure::Count(self.triples.gold)),
            ("pred_triples", Figure::Count(self.triples.pred)),
            ("matched_triples", Figure::Count(self.triples.tp)),
            ("gold_cameo_roots", Figure::Count(self.roots.gold)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opt(s: &str) -> Option<String> {
        if s == "<none>" {
            None
        } else {
            Some(s.to_string())
        }
    }
    fn g(src: &str, tgt: &str, cameo: &str, plover: &str) -> GoldEvent {
        GoldEvent {
            source: opt(src),
            target: opt(tgt),
            cameo: opt(cameo),
            plover: opt(plover),
        }
    }
    fn p(src: &str, tgt: &str, cameo: &str, plover: &str) -> PredEvent {
        PredEvent {
            source: opt(src),
            target: opt(tgt),
            cameo: opt(cameo),
            plover: opt(plover),
        }
    }

    #[test]
    fn actor_keys() {
        assert_eq!(actor_key(Some("AFGGOV")), actor_key(Some("AFG")));
        assert_eq!(actor_key(Some("afgmil")), Some("AFG".to_string()));
        assert_eq!(actor_key(Some("---")), actor_key(None));
        assert_eq!(actor_key(Some("")), None);
        assert_ne!(actor_key(Some("PAK")), actor_key(Some("AFG")));
        assert_eq!(actor_key(Some("US")), Some("US".to_string()));
    }

    #[test]
    fn prefix_and_absent_actor_comparison() {
        let gold = [
            g("AFGGOV", "---", "190", "ASSAULT"),
            g("PAK", "<none>", "042", "CONSULT"),
        ];
        let pred = [
            p("AFG", "<none>", "193", "ASSAULT"),
            p("PAKMIL", "---", "036", "CONSULT"),
        ];
        let mut s = EventScorer::default();
        s.add(&gold, &pred);
        assert_eq!(
            s.triples,
            Counts {
                tp: 2,
                gold: 2,
                pred: 2
            }
        );
        assert_eq!(s.types.f1(), 1.0);
        // Roots: 19 matches, 04 vs 03 does not.
        assert_eq!(
            s.roots,
            Counts {
                tp: 1,
                gold: 2,
                pred: 2
            }
        );
    }

    #[test]
    fn perfect_empty_and_null_plover() {
        let gold = [
            g("USA", "IRN", "172", "SANCTION"),
            g("USA", "IRN", "010", "<none>"),
        ];
        let mut s = EventScorer::default();
        s.add(
            &gold,
            &[
                p("USA", "IRN", "172", "SANCTION"),
                p("USA", "IRN", "010", "<none>"),
            ],
        );
        assert_eq!(
            s.triples,
            Counts {
                tp: 1,
                gold: 1,
                pred: 1
            }
        );
        assert_eq!(
            s.roots,
            Counts {
                tp: 2,
                gold: 2,
                pred: 2
            }
        );

        let mut s = EventScorer::default();
        s.add(&gold, &[]);
        assert_eq!(s.triples.recall(), 0.0);
        assert_eq!(s.types.f1(), 0.0);
        assert_eq!(s.roots.f1(), 0.0);
    }

    #[test]
    fn multisets_are_per_document() {
        // Duplicated predictions match a single gold event once; wrong target misses.
        let gold = [g("ISR", "PSE", "<none>", "ASSAULT")];
        let pred = [
            p("ISRMIL", "PSE", "<none>", "ASSAULT"),
            p("ISR", "PSE", "<none>", "ASSAULT"),
            p("ISR", "LBN", "<none>", "ASSAULT"),
        ];
        let mut s = EventScorer::default();
        s.add(&gold, &pred);
        assert_eq!(
            s.triples,
            Counts {
                tp: 1,
                gold: 1,
                pred: 3
            }
        );
        assert_eq!(
            s.types,
            Counts {
                tp: 1,
                gold: 1,
                pred: 3
            }
        );
        assert_eq!(s.roots, Counts::default());
        // A second document cannot reuse the first document's gold.
        s.add(&[], &[p("ISR", "PSE", "<none>", "ASSAULT")]);
        assert_eq!(
            s.triples,
            Counts {
                tp: 1,
                gold: 1,
                pred: 4
            }
        );
    }
}
