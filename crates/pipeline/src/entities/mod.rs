//! Named entities (PER, ORG, LOC, MISC): a learned tagger for names that no list holds.
//!
//! A first-order Viterbi tagger over BIO tags scored by a structured averaged perceptron
//! ([`train`]). Its features are the word and its neighbours, shapes and affixes, the run
//! of capitalised words it sits in, what the same document does with the word elsewhere,
//! and what the reference lists know ([`lists`]: gazetteer places, actor registry names,
//! given names, titles, demonyms). The shipped weights (`data/models/ner.bin`) are made by
//! `scripts/train-ner.sh` from part of the openly licensed gold sets; the model remembers
//! which documents it saw, so `spillover eval ner` scores only the others by default.
//!
//! ```
//! use spillover_doc::{Layer, Report, ReportId};
//! use spillover_pipeline::Pipeline;
//! let doc = Pipeline::standard()
//!     .run(Report::from_text(ReportId("r".into()), "Anatoly Sidorov spoke in Moscow."))
//!     .unwrap();
//! let labels: Vec<&str> = doc.layer(Layer::Entities).iter().map(|a| a.label.as_ref()).collect();
//! assert!(labels.contains(&"LOC"), "{labels:?}");
//! ```

mod consistency;
pub mod features;
pub mod lists;
pub mod model;
pub mod train;

use crate::{Component, ComponentError};
use features::{dynamic, static_features, token_infos, DocWords, FeatureHash, TokenInfo};
use lists::Lists;
use model::{allowed, Model, LABELS, N_TAGS};
use spillover_doc::{Annotation, Doc, Layer, Span, Token};
use std::sync::{Arc, OnceLock};

const COMPONENT: &str = "entities";

/// Something that scores a feature for every tag (the shipped model, or weights in
/// training).
pub(crate) trait Scorer {
    fn add(&self, feature: u32, scores: &mut [f32; N_TAGS]);
}

impl Scorer for Model {
    #[inline]
    fn add(&self, feature: u32, scores: &mut [f32; N_TAGS]) {
        Model::add(self, feature, scores)
    }
}

/// The tag-history features of token `x` after tag `p1` (first order, so decoding is
/// exact with Viterbi): the previous tag alone, then with the word, then with the shape.
#[inline]
pub(crate) fn dynamic_features(x: &TokenInfo, p1: usize) -> [u32; 3] {
    let [word, shape] = word_history_features(x, p1);
    [previous_tag_feature(p1), word, shape]
}

/// The first of [`dynamic_features`]: the same at every token.
#[inline]
fn previous_tag_feature(p1: usize) -> u32 {
    FeatureHash::new(dynamic::T1).num(p1 as u8).finish()
}

/// The other two of [`dynamic_features`], in order.
#[inline]
fn word_history_features(x: &TokenInfo, p1: usize) -> [u32; 2] {
    let p1 = p1 as u8;
    [x.dyn_word.num(p1).finish(), x.dyn_shape.num(p1).finish()]
}

/// One sentence ready for tagging: its tokens, their facts, their static features.
pub(crate) struct Prepared<'a> {
    pub tokens: &'a [Token],
    pub infos: Vec<TokenInfo>,
    /// Static features of all tokens, one after another (one allocation per sentence).
    feats: Vec<u32>,
    /// Where each token's features are in `feats` (start, end).
    bounds: Vec<(u32, u32)>,
}

impl Prepared<'_> {
    /// The static features of token `i` (empty when it was not scored).
    pub fn statics(&self, i: usize) -> &[u32] {
        let (a, b) = self.bounds[i];
        &self.feats[a as usize..b as usize]
    }

    /// Every static feature of the sentence.
    pub fn all_statics(&self) -> &[u32] {
        &self.feats
    }
}

/// Splits a segmented doc into sentences with their features. With `everywhere` false
/// (tagging), tokens far from any capitalised word or digit get no features: they are
/// decoded as O without scoring (see [`decode`]).
pub(crate) fn prepare<'a>(doc: &'a Doc, lists: &Lists, everywhere: bool) -> Vec<Prepared<'a>> {
    let text = doc.text();
    let sentences: Vec<&[Token]> = doc
        .sentences()
        .iter()
        .map(|s| doc.tokens_in(*s))
        .filter(|t| !t.is_empty())
        .collect();
    let words = DocWords::new(text, &sentences);
    sentences
        .into_iter()
        .map(|tokens| {
            let infos = token_infos(text, tokens, lists);
            let near = near_names(&infos);
            let mut feats = Vec::with_capacity(tokens.len() * 36);
            let mut bounds = Vec::with_capacity(tokens.len());
            for (i, &near) in near.iter().enumerate() {
                let start = feats.len() as u32;
                if everywhere || near {
                    static_features(&infos, &words, i, &mut feats);
                }
                bounds.push((start, feats.len() as u32));
            }
            Prepared {
                tokens,
                infos,
                feats,
                bounds,
            }
        })
        .collect()
}

/// Tokens within two of a capitalised word or a digit: the only ones a name (which has a
/// capital or a digit) can cover, with the glue words between ("Bank of the West").
fn near_names(infos: &[TokenInfo]) -> Vec<bool> {
    let n = infos.len();
    let mut near = vec![false; n];
    for (i, x) in infos.iter().enumerate() {
        if x.cap || x.shape.contains('d') {
            for flag in &mut near[i.saturating_sub(2)..(i + 3).min(n)] {
                *flag = true;
            }
        }
    }
    near
}

/// The best tag sequence of one sentence (first-order Viterbi over the BIO tags, I- tags
/// only after their own label), with a margin per token: how far the chosen tag's path
/// score is ahead of the best path through any other tag there. `statics(i)` gives the
/// static features of token `i` (training hides some of them).
pub(crate) fn viterbi<'f>(
    scorer: &impl Scorer,
    infos: &[TokenInfo],
    statics: impl Fn(usize) -> &'f [u32],
) -> Vec<(usize, f32)> {
    let n = infos.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let mut delta = vec![[NEG; N_TAGS]; n];
    let mut back = vec![[0u8; N_TAGS]; n];
    // The previous-tag feature alone is the same at every token: score it once.
    let mut after = [[0f32; N_TAGS]; N_TAGS];
    for (p, scores) in after.iter_mut().enumerate() {
        scorer.add(previous_tag_feature(p), scores);
    }
    for i in 0..n {
        let mut st = [0f32; N_TAGS];
        for &f in statics(i) {
            scorer.add(f, &mut st);
        }
        let prevs: &[usize] = if i == 0 { &[0] } else { &ALL_TAGS };
        for &p in prevs {
            let base = if i == 0 { 0.0 } else { delta[i - 1][p] };
            if base == NEG {
                continue;
            }
            let mut d = after[p];
            for f in word_history_features(&infos[i], p) {
                scorer.add(f, &mut d);
            }
            for t in 0..N_TAGS {
                if !allowed(p, t) {
                    continue;
                }
                let v = base + d[t] + st[t];
                if v > delta[i][t] {
                    delta[i][t] = v;
                    back[i][t] = p as u8;
                }
            }
        }
    }
    let mut tags = vec![0usize; n];
    let mut best = 0;
    for t in 0..N_TAGS {
        if delta[n - 1][t] > delta[n - 1][best] {
            best = t;
        }
    }
    tags[n - 1] = best;
    for i in (1..n).rev() {
        tags[i - 1] = usize::from(back[i][tags[i]]);
    }
    tags.iter()
        .enumerate()
        .map(|(i, &t)| {
            let runner_up = (0..N_TAGS)
                .filter(|&x| x != t)
                .map(|x| delta[i][x])
                .fold(NEG, f32::max);
            (t, delta[i][t] - runner_up)
        })
        .collect()
}

const ALL_TAGS: [usize; N_TAGS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/// Tags of one prepared sentence: Viterbi over each stretch of tokens that have features,
/// O (with a large margin) elsewhere. A stretch starts after a token the tagger did not
/// score, so after an O, as in training.
pub(crate) fn decode(scorer: &impl Scorer, s: &Prepared<'_>) -> Vec<(usize, f32)> {
    let n = s.tokens.len();
    let mut out = vec![(0usize, f32::MAX); n];
    let mut i = 0;
    while i < n {
        if s.statics(i).is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && !s.statics(i).is_empty() {
            i += 1;
        }
        let tagged = viterbi(scorer, &s.infos[start..i], |k| s.statics(start + k));
        out[start..i].copy_from_slice(&tagged);
    }
    out
}

/// Entity spans from BIO tags: (first token, last token inclusive, label index).
pub(crate) fn spans_of(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = t != 0 && t % 2 == 0 && open.is_some_and(|(_, l)| l == (t - 1) / 2);
        if continues {
            continue;
        }
        if let Some((start, label)) = open.take() {
            out.push((start, i - 1, label));
        }
        if t != 0 {
            // a B tag, or an I tag the decoder would not make (kept as a start)
            open = Some((i, (t - 1) / 2));
        }
    }
    if let Some((start, label)) = open {
        out.push((start, tags.len() - 1, label));
    }
    out
}

/// The entity tagger component.
pub struct EntityTagger {
    model: Arc<Model>,
    lists: &'static Lists,
    consistent: bool,
}

static SHIPPED: &[u8] = include_bytes!("../../../../data/models/ner.bin");

/// The shipped model, loaded once (the error says what is wrong with the file).
pub fn shipped_model() -> Result<Arc<Model>, &'static model::ModelError> {
    static MODEL: OnceLock<Result<Arc<Model>, model::ModelError>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(SHIPPED).map(Arc::new))
        .as_ref()
        .cloned()
}

impl EntityTagger {
    /// The tagger with the shipped model. A broken model file is a build error caught by
    /// the tests, so this panics rather than return an error.
    pub fn standard() -> EntityTagger {
        let model = shipped_model().unwrap_or_else(|e| panic!("shipped entity model: {e}"));
        EntityTagger::with_model(model)
    }

    pub fn with_model(model: Arc<Model>) -> EntityTagger {
        EntityTagger {
            model,
            lists: Lists::standard(),
            consistent: true,
        }
    }

    /// Tags sentence by sentence only, without making a name's labels agree across the
    /// report (for measuring what that step adds).
    pub fn without_consistency(mut self) -> EntityTagger {
        self.consistent = false;
        self
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The entities of a segmented doc.
    pub fn annotate(&self, doc: &Doc) -> Vec<Annotation> {
        let mut found = Vec::new();
        for s in prepare(doc, self.lists, false) {
            let tagged = decode(self.model.as_ref(), &s);
            let tags: Vec<usize> = tagged.iter().map(|(t, _)| *t).collect();
            for (a, b, label) in spans_of(&tags) {
                // a name has a capital or a digit; the tagger is not taught nominal
                // mentions ("the teams") and drops what it guesses of them
                let named = s.infos[a..=b]
                    .iter()
                    .any(|i| i.cap || i.shape.contains('d'));
                if !named {
                    continue;
                }
                // token spans are ordered, so a..=b is a valid span
                let Ok(span) = Span::new(s.tokens[a].span.start, s.tokens[b].span.end) else {
                    continue;
                };
                let margin = tagged[a..=b]
                    .iter()
                    .map(|(_, m)| *m)
                    .fold(f32::INFINITY, f32::min);
                let confidence = 1.0 / (1.0 + (-margin / 4.0).exp());
                found.push(consistency::Found {
                    span,
                    label,
                    confidence,
                });
            }
        }
        if self.consistent {
            consistency::make_consistent(doc.text(), doc.tokens(), &mut found);
        }
        found
            .into_iter()
            .map(|f| {
                Annotation::new(
                    f.span,
                    LABELS[f.label],
                    COMPONENT,
                    (f.confidence * 100.0).round() / 100.0,
                )
            })
            .collect()
    }
}

impl Component for EntityTagger {
    fn name(&self) -> &'static str {
        COMPONENT
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let found = self.annotate(doc);
        crate::add_all(doc, Layer::Entities, COMPONENT, found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_tags_become_spans() {
        // O B-PER I-PER O B-LOC B-LOC I-ORG
        let spans = spans_of(&[0, 1, 2, 0, 5, 5, 4]);
        assert_eq!(spans, vec![(1, 2, 0), (4, 4, 2), (5, 5, 2), (6, 6, 1)]);
    }

    struct Toy;
    impl Scorer for Toy {
        fn add(&self, f: u32, scores: &mut [f32; N_TAGS]) {
            // feature 1: "I-PER looks best"; feature 2: "B-PER is good"
            if f == 1 {
                scores[2] += 5.0;
            }
            if f == 2 {
                scores[1] += 1.0;
            }
        }
    }

    #[test]
    fn viterbi_never_starts_with_an_inside_tag() {
        let infos = vec![TokenInfo::default(), TokenInfo::default()];
        let statics = [vec![1u32, 2], vec![1u32]];
        let tags: Vec<usize> = viterbi(&Toy, &infos, |i| statics[i].as_slice())
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        // I-PER cannot open the sentence: B-PER then I-PER
        assert_eq!(tags, vec![1, 2]);
    }
}
