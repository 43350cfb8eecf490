//! Span helpers shared by the reader and the scorers: validation, overlap, tokens.

use crate::error::SpanProblem;

/// Checks `start..end` against `text`: ordered, in bounds, on character boundaries,
/// and non-empty when `allow_empty` is false.
pub(crate) fn check_span(
    text: &str,
    start: usize,
    end: usize,
    allow_empty: bool,
) -> Result<(), SpanProblem> {
    if start > end {
        return Err(SpanProblem::Reversed);
    }
    if start == end && !allow_empty {
        return Err(SpanProblem::Empty);
    }
    if end > text.len() {
        return Err(SpanProblem::OutOfBounds { len: text.len() });
    }
    for offset in [start, end] {
        if !text.is_char_boundary(offset) {
            return Err(SpanProblem::NotCharBoundary { offset });
        }
    }
    Ok(())
}

/// Number of bytes two half-open spans share (0 when they are disjoint).
pub(crate) fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    let lo = a.0.max(b.0);
    let hi = a.1.min(b.1);
    hi.saturating_sub(lo)
}

/// Whether any span of `a` shares at least one byte with any span of `b`.
pub(crate) fn any_overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> bool {
    a.iter().any(|&x| b.iter().any(|&y| overlap(x, y) > 0))
}

/// The union of `spans` as sorted, disjoint, non-touching spans (empty spans dropped).
pub(crate) fn merge_spans(spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted: Vec<(usize, usize)> = spans.iter().copied().filter(|s| s.0 < s.1).collect();
    sorted.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(sorted.len());
    for (s, e) in sorted {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The tokens inside `spans` of `text`: maximal runs of alphanumeric characters
/// (Unicode `char::is_alphanumeric`) within the union of the spans, each given by its
/// byte range. The result is sorted and free of duplicates.
///
/// Spans must already be valid for `text` (see [`check_span`]); a span that is not is
/// skipped rather than causing a panic.
pub(crate) fn tokens_in(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tokens = Vec::new();
    for (s, e) in merge_spans(spans) {
        let Some(piece) = text.get(s..e) else {
            continue;
        };
        let mut run: Option<usize> = None;
        for (i, c) in piece.char_indices() {
            if c.is_alphanumeric() {
                run.get_or_insert(s + i);
            } else if let Some(start) = run.take() {
                tokens.push((start, s + i));
            }
        }
        if let Some(start) = run {
            tokens.push((start, e));
        }
    }
    tokens
}

/// Size of the intersection of two sorted, duplicate-free lists.
pub(crate) fn sorted_intersection<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Greedy one-to-one matching. Each candidate is `(key, gold index, prediction index)`;
/// candidates are taken in order of decreasing key, ties broken by lower gold index,
/// then lower prediction index, and a candidate is kept when neither side is matched
/// yet. Returns the kept `(gold, prediction)` pairs.
pub(crate) fn greedy_match<K: Ord>(
    mut candidates: Vec<(K, usize, usize)>,
    n_gold: usize,
    n_pred: usize,
) -> Vec<(usize, usize)> {
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; n_gold];
    let mut pred_used = vec![false; n_pred];
    let mut pairs = Vec::new();
    for (_, g, p) in candidates {
        if g < n_gold && p < n_pred && !gold_used[g] && !pred_used[p] {
            gold_used[g] = true;
            pred_used[p] = true;
            pairs.push((g, p));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_spans() {
        let text = "Душанбе is";
        assert_eq!(check_span(text, 0, 14, false), Ok(()));
        assert_eq!(
            check_span(text, 0, 3, false),
            Err(SpanProblem::NotCharBoundary { offset: 3 })
        );
        assert_eq!(check_span(text, 4, 2, true), Err(SpanProblem::Reversed));
        assert_eq!(check_span(text, 2, 2, false), Err(SpanProblem::Empty));
        assert_eq!(check_span(text, 2, 2, true), Ok(()));
        assert_eq!(
            check_span(text, 0, 99, false),
            Err(SpanProblem::OutOfBounds { len: text.len() })
        );
    }

    #[test]
    fn overlaps_and_merges() {
        assert_eq!(overlap((0, 5), (3, 9)), 2);
        assert_eq!(overlap((0, 5), (5, 9)), 0);
        assert!(any_overlap(&[(0, 2), (8, 10)], &[(9, 12)]));
        assert!(!any_overlap(&[(0, 2)], &[]));
        assert_eq!(
            merge_spans(&[(5, 9), (0, 3), (3, 4), (7, 12), (20, 20)]),
            vec![(0, 4), (5, 12)]
        );
    }

    #[test]
    fn tokenizes_inside_spans() {
        let text = "Clinton’s aides said: «no».";
        // Whole text.
        let all = tokens_in(text, &[(0, text.len())]);
        let words: Vec<&str> = all.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(words, ["Clinton", "s", "aides", "said", "no"]);
        // A span cutting a word yields the clipped run.
        assert_eq!(tokens_in(text, &[(2, 5)]), vec![(2, 5)]);
        // Touching spans are merged before tokenizing.
        assert_eq!(tokens_in(text, &[(0, 3), (3, 7)]), vec![(0, 7)]);
    }

    #[test]
    fn greedy_prefers_high_keys_then_low_indices() {
        let pairs = greedy_match(vec![(1, 0, 0), (5, 0, 1), (5, 1, 1), (2, 1, 0)], 2, 2);
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
        assert_eq!(sorted_intersection(&[1, 3, 5], &[2, 3, 5, 7]), 2);
    }
}
