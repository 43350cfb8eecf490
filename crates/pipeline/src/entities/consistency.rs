//! One name, one label within a report: after tagging sentence by sentence, a name keeps
//! the label most of its confident occurrences got, the tagger's misses of a name it
//! found elsewhere in the report are added, and a person's surname alone is a person
//! ("Tasmagambetov" after "Imangali Tasmagambetov").

use spillover_doc::{Span, Token, TokenKind};
// FNV hashing: these maps are read per word (SipHash was ~3 % of the pipeline).
use crate::entities::model::FastMap as HashMap;

/// An entity found by the tagger: span, label index, confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    pub span: Span,
    pub label: usize,
    pub confidence: f32,
}

/// Labels of a name by summed confidence.
type Votes = [f32; 4];

fn winner(v: &Votes) -> usize {
    let mut best = 0;
    for (i, x) in v.iter().enumerate() {
        if *x > v[best] {
            best = i;
        }
    }
    best
}

/// Makes labels consistent across a report and adds the occurrences the tagger missed.
/// `tokens` are all the report's tokens, in order; `found` is sorted by start.
pub(crate) fn make_consistent(text: &str, tokens: &[Token], found: &mut Vec<Found>) {
    if found.is_empty() {
        return;
    }
    let tok = |t: &Token| &text[t.span.start..t.span.end];
    let tokens_of = |span: Span| -> Vec<&str> {
        let a = tokens.partition_point(|t| t.span.start < span.start);
        tokens[a..]
            .iter()
            .take_while(|t| t.span.end <= span.end)
            .map(tok)
            .collect()
    };
    let mut votes: HashMap<Vec<&str>, Votes> = HashMap::default();
    const PER: usize = 0;
    for f in found.iter() {
        let words = tokens_of(f.span);
        if words.is_empty() {
            continue;
        }
        votes.entry(words.clone()).or_default()[f.label] += f.confidence;
        if f.label == PER && words.len() >= 2 {
            if let Some(last) = words.last().filter(|w| w.chars().count() > 2) {
                if last.chars().next().is_some_and(char::is_uppercase) {
                    votes.entry(vec![*last]).or_default()[PER] += f.confidence;
                }
            }
        }
    }
    // relabel by majority
    for f in found.iter_mut() {
        let words = tokens_of(f.span);
        if let Some(v) = votes.get(&words) {
            let w = winner(v);
            if w != f.label && v[w] > v[f.label] {
                f.label = w;
            }
        }
    }
    // add missed occurrences of names found elsewhere (capitalised, 3+ characters)
    let mut by_first: HashMap<&str, Vec<(&Vec<&str>, usize)>> = HashMap::default();
    for (words, v) in &votes {
        let first = words[0];
        let sensible = first.chars().next().is_some_and(char::is_uppercase)
            && words.iter().map(|w| w.len()).sum::<usize>() >= 3;
        if sensible {
            by_first.entry(first).or_default().push((words, winner(v)));
        }
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    let mut added = Vec::new();
    let mut i = 0;
    let mut next_found = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        while next_found < found.len() && found[next_found].span.end <= t.span.start {
            next_found += 1;
        }
        let inside = next_found < found.len() && found[next_found].span.start <= t.span.start;
        if inside || t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let Some(cands) = by_first.get(tok(t)) else {
            i += 1;
            continue;
        };
        let mut matched = 0;
        for (words, label) in cands {
            let n = words.len();
            if i + n > tokens.len() {
                continue;
            }
            let same = tokens[i..i + n].iter().map(tok).eq(words.iter().copied());
            let end = tokens[i + n - 1].span.end;
            let free = next_found >= found.len() || found[next_found].span.start >= end;
            // the next token must not continue a longer capitalised name
            let continues = tokens.get(i + n).is_some_and(|x| {
                x.kind == TokenKind::Word && tok(x).chars().next().is_some_and(char::is_uppercase)
            });
            if same && free && !continues {
                added.push(Found {
                    span: Span {
                        start: t.span.start,
                        end,
                    },
                    label: *label,
                    confidence: 0.5,
                });
                matched = n;
                break;
            }
        }
        i += matched.max(1);
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| f.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spillover_text::tokens::tokenize;

    fn f(text: &str, s: &str, nth: usize, label: usize, confidence: f32) -> Found {
        let start = text.match_indices(s).nth(nth).unwrap().0;
        Found {
            span: Span {
                start,
                end: start + s.len(),
            },
            label,
            confidence,
        }
    }

    #[test]
    fn majority_label_wins_and_misses_are_added() {
        let text = "Linkin Park toured. Linkin Park sold out. Fans of Linkin Park came.";
        let toks = tokenize(text);
        let mut found = vec![
            f(text, "Linkin Park", 0, 1, 0.9),
            f(text, "Linkin Park", 1, 2, 0.6),
        ];
        make_consistent(text, &toks, &mut found);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found.iter().all(|x| x.label == 1), "{found:?}");
    }

    #[test]
    fn surnames_alone_are_persons() {
        let text = "Imangali Tasmagambetov spoke. Later Tasmagambetov said more.";
        let toks = tokenize(text);
        let mut found = vec![f(text, "Imangali Tasmagambetov", 0, 0, 0.9)];
        make_consistent(text, &toks, &mut found);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            &text[found[1].span.start..found[1].span.end],
            "Tasmagambetov"
        );
        assert_eq!(found[1].label, 0);
    }

    #[test]
    fn a_name_inside_a_longer_name_is_not_split_out() {
        let text = "Park said so. Park Avenue was closed.";
        let toks = tokenize(text);
        let mut found = vec![f(text, "Park", 0, 0, 0.9)];
        make_consistent(text, &toks, &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
