//! Attribution relations (source, cue, content): relation matching, token-overlap F1
//! per role, and triple accuracy.
//!
//! **Tokens.** A role's tokens are the maximal runs of alphanumeric characters
//! (`char::is_alphanumeric`, so Unicode letters and digits) inside the union of the
//! role's spans, each identified by its byte range. A run cut by a span boundary is
//! clipped, so a prediction that ends mid-word yields a different token than the gold
//! word and does not match it.
//!
//! **Units.** Each role is scored as a set of *units*: its tokens, or — when the role
//! has no token (no span, or only punctuation) — a single "empty" unit. So a gold and a
//! predicted role that are both empty count as one matched unit (a perfect match of
//! zero tokens, with no division by zero), while an empty role against a non-empty one
//! counts one unmatched unit on the empty side.
//!
//! **Matching.** Within a document, a gold and a predicted relation are candidates when
//! their cue spans overlap, or — if either has no cue span — when their content spans
//! overlap. Candidates are taken greedily by the number of shared content tokens
//! (then shared cue tokens; ties: earlier gold, then earlier prediction), one-to-one.
//!
//! **Scores.** Per role, micro sums over the whole file: for each matched pair,
//! `tp += |G ∩ P|`, `gold += |G|`, `pred += |P|` (G, P the unit sets); for each
//! unmatched gold relation `gold += |G|`; for each unmatched prediction `pred += |P|`.
//! `*_f1` is the F1 of `tp/pred` and `tp/gold`, so a system that finds nothing scores 0.
//! `triple_acc` = matched pairs whose three roles all overlap (share a byte; two empty
//! span lists count as overlapping) / max(gold relations, predicted relations).

use super::{ratio, Counts};
use crate::gold::GoldAttribution;
use crate::pred::PredAttribution;
use crate::report::Figure;
use crate::span::{any_overlap, greedy_match, sorted_intersection, tokens_in};

/// One scoring unit of a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    /// The role has no token.
    Empty,
    /// A token by byte range.
    Token(usize, usize),
}

/// The unit set of one role (sorted, duplicate-free).
fn units(text: &str, spans: &[(usize, usize)]) -> Vec<Unit> {
    let tokens = tokens_in(text, spans);
    if tokens.is_empty() {
        vec![Unit::Empty]
    } else {
        tokens.into_iter().map(|(s, e)| Unit::Token(s, e)).collect()
    }
}

/// A relation's spans and unit sets, by role (source, cue, content).
struct Relation<'a> {
    spans: [&'a [(usize, usize)]; 3],
    units: [Vec<Unit>; 3],
}

impl<'a> Relation<'a> {
    fn new(
        text: &str,
        source: &'a [(usize, usize)],
        cue: &'a [(usize, usize)],
        content: &'a [(usize, usize)],
    ) -> Self {
        Relation {
            spans: [source, cue, content],
            units: [units(text, source), units(text, cue), units(text, content)],
        }
    }
}

const SOURCE: usize = 0;
const CUE: usize = 1;
const CONTENT: usize = 2;

/// Accumulates per-role unit counts and relation counts.
#[derive(Debug, Default, Clone)]
pub(crate) struct AttributionScorer {
    roles: [Counts; 3],
    gold_relations: u64,
    pred_relations: u64,
    matched: u64,
    triples: u64,
}

/// Number of shared real tokens (the empty unit does not count).
fn shared_tokens(a: &[Unit], b: &[Unit]) -> usize {
    let n = sorted_intersection(a, b);
    if a == [Unit::Empty] && b == [Unit::Empty] {
        0
    } else {
        n
    }
}

impl AttributionScorer {
    /// Scores one document; all spans must be valid for `text`.
    pub fn add(&mut self, text: &str, gold: &[GoldAttribution], pred: &[PredAttribution]) {
        let gold: Vec<Relation> = gold
            .iter()
            .map(|r| Relation::new(text, &r.source, &r.cue, &r.content))
            .collect();
        let pred: Vec<Relation> = pred
            .iter()
            .map(|r| Relation::new(text, &r.source, &r.cue, &r.content))
            .collect();
        self.gold_relations += gold.len() as u64;
        self.pred_relations += pred.len() as u64;

        let mut candidates = Vec::new();
        for (gi, g) in gold.iter().enumerate() {
            for (pi, p) in pred.iter().enumerate() {
                let candidate = if g.spans[CUE].is_empty() || p.spans[CUE].is_empty() {
                    any_overlap(g.spans[CONTENT], p.spans[CONTENT])
                } else {
                    any_overlap(g.spans[CUE], p.spans[CUE])
                };
                if candidate {
                    let key = (
                        shared_tokens(&g.units[CONTENT], &p.units[CONTENT]),
                        shared_tokens(&g.units[CUE], &p.units[CUE]),
                    );
                    candidates.push((key, gi, pi));
                }
            }
        }
        let pairs = greedy_match(candidates, gold.len(), pred.len());
        let mut gold_matched = vec![false; gold.len()];
        let mut pred_matched = vec![false; pred.len()];
        for &(gi, pi) in &pairs {
            gold_matched[gi] = true;
            pred_matched[pi] = true;
            let (g, p) = (&gold[gi], &pred[pi]);
            let mut all_overlap = true;
            for role in [SOURCE, CUE, CONTENT] {
                self.roles[role].add(Counts {
                    tp: sorted_intersection(&g.units[role], &p.units[role]) as u64,
                    gold: g.units[role].len() as u64,
                    pred: p.units[role].len() as u64,
                });
                let both_empty = g.spans[role].is_empty() && p.spans[role].is_empty();
                all_overlap &= both_empty || any_overlap(g.spans[role], p.spans[role]);
            }
            if all_overlap {
                self.triples += 1;
            }
        }
        self.matched += pairs.len() as u64;
        for (g, _) in gold.iter().zip(&gold_matched).filter(|(_, &m)| !m) {
            for role in [SOURCE, CUE, CONTENT] {
                self.roles[role].gold += g.units[role].len() as u64;
            }
        }
        for (p, _) in pred.iter().zip(&pred_matched).filter(|(_, &m)| !m) {
            for role in [SOURCE, CUE, CONTENT] {
                self.roles[role].pred += p.units[role].len() as u64;
            }
        }
    }

    /// The report figures.
    pub fn figures(&self) -> Vec<(&'static str, Figure)> {
        let [source, cue, content] = self.roles;
        vec![
            ("source_f1", Figure::Rate(source.f1())),
            ("cue_f1", Figure::Rate(cue.f1())),
            ("content_f1", Figure::Rate(content.f1())),
            (
                "triple_acc",
                Figure::Rate(ratio(
                    self.triples,
                    self.gold_relations.max(self.pred_relations),
                )),
            ),
            ("source_precision", Figure::Rate(source.precision())),
            ("source_recall", Figure::Rate(source.recall())),
            ("cue_precision", Figure::Rate(cue.precision())),
            ("cue_recall", Figure::Rate(cue.recall())),
            ("content_precision", Figure::Rate(content.precision())),
            ("content_recall", Figure::Rate(content.recall())),
            ("gold_relations", Figure::Count(self.gold_relations)),
            ("pred_relations", Figure::Count(self.pred_relations)),
            ("matched", Figure::Count(self.matched)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Byte span of the `n`-th occurrence (0-based) of `needle` in `text`.
    fn find(text: &str, needle: &str, n: usize) -> (usize, usize) {
        let start = text
            .match_indices(needle)
            .nth(n)
            .map(|(i, _)| i)
            .unwrap_or(usize::MAX);
        (start, start.saturating_add(needle.len()))
    }

    fn gold(s: &[(usize, usize)], c: &[(usize, usize)], t: &[(usize, usize)]) -> GoldAttribution {
        GoldAttribution {
            source: s.to_vec(),
            cue: c.to_vec(),
            content: t.to_vec(),
        }
    }
    fn pred(s: &[(usize, usize)], c: &[(usize, usize)], t: &[(usize, usize)]) -> PredAttribution {
        PredAttribution {
            source: s.to_vec(),
            cue: c.to_vec(),
            content: t.to_vec(),
        }
    }

    const TEXT: &str = "“The talks failed,” the minister said, “and Dushanbe will not return.”";

    /// The gold relation: content is discontinuous, around "the minister said".
    fn gold_rel() -> GoldAttribution {
        gold(
            &[find(TEXT, "the minister", 0)],
            &[find(TEXT, "said", 0)],
            &[
                find(TEXT, "The talks failed", 0),
                find(TEXT, "and Dushanbe will not return", 0),
            ],
        )
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let g = gold_rel();
        let p = pred(&g.source, &g.cue, &g.content);
        let mut s = AttributionScorer::default();
        s.add(TEXT, &[g], &[p]);
        for (_, c) in [("s", s.roles[0]), ("c", s.roles[1]), ("t", s.roles[2])] {
            assert_eq!(c.f1(), 1.0);
        }
        assert_eq!((s.matched, s.triples), (1, 1));
    }

    #[test]
    fn empty_prediction_scores_zero() {
        let mut s = AttributionScorer::default();
        s.add(TEXT, &[gold_rel()], &[]);
        assert_eq!(
            s.roles[CONTENT],
            Counts {
                tp: 0,
                gold: 8,
                pred: 0
            }
        );
        assert!(s.roles.iter().all(|c| c.f1() == 0.0));
        let f = s.figures();
        assert!(f
            .iter()
            .any(|(k, v)| *k == "triple_acc" && v.value() == Some(0.0)));
    }

    #[test]
    fn token_f1_with_discontinuous_content() {
        // Content tokens in gold: The talks failed | and Dushanbe will not return = 8.
        // Prediction: only the second part, plus "said" wrongly; source "minister" only.
        let p = pred(
            &[find(TEXT, "minister", 0)],
            &[find(TEXT, "said", 0)],
            &[find(TEXT, "said, “and Dushanbe will not return", 0)],
        );
        let mut s = AttributionScorer::default();
        s.add(TEXT, &[gold_rel()], &[p]);
        assert_eq!(s.matched, 1);
        // content: 5 shared of 8 gold and 6 predicted.
        assert_eq!(
            s.roles[CONTENT],
            Counts {
                tp: 5,
                gold: 8,
                pred: 6
            }
        );
        let f1 = 2.0 * (5.0 / 6.0) * (5.0 / 8.0) / (5.0 / 6.0 + 5.0 / 8.0);
        assert!((s.roles[CONTENT].f1() - f1).abs() < 1e-12);
        // source: "minister" of "the minister".
        assert_eq!(
            s.roles[SOURCE],
            Counts {
                tp: 1,
                gold: 2,
                pred: 1
            }
        );
        assert_eq!(s.roles[CUE].f1(), 1.0);
        // All three roles overlap.
        assert_eq!(s.triples, 1);
    }

    #[test]
    fn empty_sources_match_as_one_unit() {
        let g = gold(
            &[],
            &[find(TEXT, "said", 0)],
            &[find(TEXT, "The talks failed", 0)],
        );
        let p = pred(
            &[],
            &[find(TEXT, "said", 0)],
            &[find(TEXT, "The talks failed", 0)],
        );
        let mut s = AttributionScorer::default();
        s.add(TEXT, std::slice::from_ref(&g), &[p]);
        assert_eq!(
            s.roles[SOURCE],
            Counts {
                tp: 1,
                gold: 1,
                pred: 1
            }
        );
        assert_eq!(s.triples, 1);

        // Gold source empty, prediction names one: both sides lose.
        let p = pred(&[find(TEXT, "minister", 0)], &g.cue, &g.content);
        let mut s = AttributionScorer::default();
        s.add(TEXT, &[g], &[p]);
        assert_eq!(
            s.roles[SOURCE],
            Counts {
                tp: 0,
                gold: 1,
                pred: 1
            }
        );
        assert_eq!(s.triples, 0);
    }

    #[test]
    fn one_to_one_matching_and_triple_acc() {
        // Two predictions share the gold cue; the one with more content overlap wins,
        // the other counts as an unmatched prediction.
        let g = gold_rel();
        let weak = pred(&[], &g.cue, &[find(TEXT, "The talks", 0)]);
        let strong = pred(&g.source, &g.cue, &g.content);
        let mut s = AttributionScorer::default();
        s.add(TEXT, &[g], &[weak, strong]);
        assert_eq!(s.matched, 1);
        assert_eq!(
            s.roles[CONTENT],
            Counts {
                tp: 8,
                gold: 8,
                pred: 10
            }
        );
        // 1 triple / max(1 gold, 2 predicted).
        assert_eq!(
            ratio(s.triples, s.gold_relations.max(s.pred_relations)),
            0.5
        );
    }

    #[test]
    fn no_cue_falls_back_to_content_overlap() {
        let g = gold(&[], &[], &[find(TEXT, "The talks failed", 0)]);
        let near = pred(&[], &[find(TEXT, "said", 0)], &[find(TEXT, "talks", 0)]);
        let far = pred(&[], &[], &[find(TEXT, "Dushanbe", 0)]);
        let mut s = AttributionScorer::default();
        s.add(TEXT, &[g], &[far, near]);
        assert_eq!(s.matched, 1);
        assert_eq!(
            s.roles[CONTENT],
            Counts {
                tp: 1,
                gold: 3,
                pred: 2
            }
        );
        // Gold has no cue, prediction has one: not all roles overlap.
        assert_eq!(s.triples, 0);
    }
}
