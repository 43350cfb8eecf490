//! Training the entity tagger: a structured averaged perceptron over the features of
//! [`super::features`] — each sentence is decoded with Viterbi under the current weights
//! and the weights move from the guessed tag path towards the gold one — with shuffled
//! sentences, rare features dropped and word features hidden now and then.

use super::features::FeatureHash;
use super::lists::Lists;
use super::model::{doc_key, FeatureMap, Model, LABELS, N_TAGS};
use super::{dynamic_features, prepare, viterbi, Prepared, Scorer};
use crate::segment::Segmenter;
use crate::Component;
use spillover_doc::{Doc, Report, ReportId};

/// One annotated document: text and entities as (byte start, byte end, label).
#[derive(Debug, Clone)]
pub struct TrainDoc {
    pub text: String,
    pub entities: Vec<(usize, usize, String)>,
}

#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub epochs: usize,
    /// Features seen fewer times in the training data are dropped.
    pub min_count: u32,
    pub seed: u64,
    /// Percent of training tokens whose word-identity features are hidden.
    pub word_dropout: u8,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            min_count: 2,
            seed: 0x5eed,
            word_dropout: 10,
        }
    }
}

/// What training saw.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct TrainStats {
    pub docs: usize,
    pub sentences: usize,
    pub tokens: usize,
    pub entities: usize,
    /// Gold entities not taught: edges inside a token, or nominal mentions ("the teams").
    pub misaligned: usize,
    pub features: usize,
    /// Share of tokens tagged correctly in each epoch (on the training data).
    pub epoch_accuracy: Vec<f64>,
}

#[derive(Clone)]
struct Acc {
    w: [f32; N_TAGS],
    /// Sum over updates of (time × change), for the average.
    u: [f64; N_TAGS],
}

struct Weights {
    map: FeatureMap<Acc>,
    allowed: FeatureMap<()>,
    time: f64,
}

impl Scorer for Weights {
    #[inline]
    fn add(&self, feature: u32, scores: &mut [f32; N_TAGS]) {
        if let Some(a) = self.map.get(&feature) {
            for (s, w) in scores.iter_mut().zip(&a.w) {
                *s += w;
            }
        }
    }
}

impl Weights {
    fn update(&mut self, feature: u32, tag: usize, delta: f32) {
        if !self.allowed.contains_key(&feature) {
            return;
        }
        let a = self.map.entry(feature).or_insert(Acc {
            w: [0.0; N_TAGS],
            u: [0.0; N_TAGS],
        });
        a.w[tag] += delta;
        a.u[tag] += self.time * f64::from(delta);
    }

    fn averaged(&self) -> FeatureMap<[f32; N_TAGS]> {
        let mut out = FeatureMap::default();
        for (&f, a) in &self.map {
            let mut w = [0f32; N_TAGS];
            for (x, (w, u)) in w.iter_mut().zip(a.w.iter().zip(&a.u)) {
                *x = (f64::from(*w) - u / self.time) as f32;
            }
            if w.iter().any(|x| x.abs() >= 1e-3) {
                out.insert(f, w);
            }
        }
        out
    }
}

/// A gold tag that teaches nothing (see [`gold_tags`]).
const IGNORE: usize = usize::MAX;

/// Positions in a token's static features of those that name the word itself (W0,
/// WM1W0, W0WP1: see `features::static_features`).
const WORD_FEATURES: [usize; 3] = [1, 11, 12];

/// BIO tag index per token of a sentence from gold entity spans.
fn gold_tags(s: &Prepared<'_>, entities: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut tags = vec![0usize; s.tokens.len()];
    for &(start, end, label) in entities {
        let first = s.tokens.iter().position(|t| t.span.start == start);
        let last = s.tokens.iter().position(|t| t.span.end == end);
        if let (Some(a), Some(b)) = (first, last) {
            if a > b || tags[a..=b].iter().any(|&t| t != 0) {
                continue;
            }
            // Some sets also mark nominal mentions ("the teams", "we") as organisations.
            // This tagger finds names: a mention without a capitalised word or a digit is
            // neither taught as a name nor as not-a-name.
            let named = s.infos[a..=b]
                .iter()
                .any(|i| i.cap || i.shape.contains('d'));
            if !named {
                for t in &mut tags[a..=b] {
                    *t = IGNORE;
                }
                continue;
            }
            tags[a] = 1 + 2 * label;
            for t in &mut tags[a + 1..=b] {
                *t = 2 + 2 * label;
            }
        }
    }
    tags
}

fn segmented(text: &str) -> Doc {
    let mut doc = Doc::new(Report::from_text(ReportId("train".into()), text));
    // The segmenter never fails on text it was given as a report.
    let _ = Segmenter.process(&mut doc);
    doc
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Trains a model on `docs`. `meta` is stored in the model as given, with the training
/// statistics added under `"training"`.
pub fn train(
    docs: &[TrainDoc],
    lists: &Lists,
    opts: TrainOptions,
    meta: serde_json::Value,
) -> (Model, TrainStats) {
    let mut stats = TrainStats {
        docs: docs.len(),
        ..TrainStats::default()
    };
    let segmented: Vec<Doc> = docs.iter().map(|d| segmented(&d.text)).collect();
    // (prepared sentence, gold tags)
    let mut sentences: Vec<(Prepared<'_>, Vec<usize>)> = Vec::new();
    for (d, doc) in docs.iter().zip(&segmented) {
        let ents: Vec<(usize, usize, usize)> = d
            .entities
            .iter()
            .filter_map(|(s, e, l)| Some((*s, *e, LABELS.iter().position(|x| x == l)?)))
            .collect();
        stats.entities += ents.len();
        let mut tagged = 0;
        for p in prepare(doc, lists, true) {
            let inside: Vec<(usize, usize, usize)> = ents
                .iter()
                .copied()
                .filter(|&(s, e, _)| {
                    p.tokens.first().is_some_and(|t| t.span.start <= s)
                        && p.tokens.last().is_some_and(|t| e <= t.span.end)
                })
                .collect();
            let gold = gold_tags(&p, &inside);
            tagged += gold.iter().filter(|&&t| t != IGNORE && t % 2 == 1).count();
            stats.tokens += gold.len();
            sentences.push((p, gold));
        }
        stats.misaligned += ents.len().saturating_sub(tagged);
    }
    stats.sentences = sentences.len();

    let mut counts: FeatureMap<u32> = FeatureMap::default();
    for (p, _) in &sentences {
        for f in p.all_statics() {
            *counts.entry(*f).or_insert(0) += 1;
        }
    }
    let mut weights = Weights {
        map: FeatureMap::default(),
        allowed: counts
            .into_iter()
            .filter(|&(_, c)| c >= opts.min_count)
            .map(|(f, _)| (f, ()))
            .collect(),
        time: 1.0,
    };
    // dynamic features are always allowed: register them as they appear
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng(opts.seed | 1);
    for _ in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let (p, gold) = &sentences[si];
            // Word dropout: now and then the word itself is hidden, so the weights of what
            // generalises (shape, lists, context) grow too.
            let active: Vec<Vec<u32>> = (0..p.tokens.len())
                .map(|k| p.statics(k))
                .map(|st| {
                    let drop = (rng.next() % 100) < u64::from(opts.word_dropout);
                    st.iter()
                        .enumerate()
                        .filter(|(i, _)| !(drop && WORD_FEATURES.contains(i)))
                        .map(|(_, f)| *f)
                        .collect()
                })
                .collect();
            let guess: Vec<usize> = viterbi(&weights, &p.infos, |i| active[i].as_slice())
                .into_iter()
                .map(|(t, _)| t)
                .collect();
            // ignored tokens take the guess: they teach nothing either way
            let truth: Vec<usize> = gold
                .iter()
                .zip(&guess)
                .map(|(&g, &x)| if g == IGNORE { x } else { g })
                .collect();
            for (&g, &x) in gold.iter().zip(&guess) {
                if g != IGNORE {
                    total += 1;
                    right += usize::from(g == x);
                }
            }
            if truth != guess {
                for k in 0..truth.len() {
                    let (t, x) = (truth[k], guess[k]);
                    let tp = if k == 0 { 0 } else { truth[k - 1] };
                    let xp = if k == 0 { 0 } else { guess[k - 1] };
                    if t != x {
                        for &f in &active[k] {
                            weights.update(f, t, 1.0);
                            weights.update(f, x, -1.0);
                        }
                    }
                    if (t, tp) != (x, xp) {
                        for f in dynamic_features(&p.infos[k], tp) {
                            weights.allowed.entry(f).or_insert(());
                            weights.update(f, t, 1.0);
                        }
                        for f in dynamic_features(&p.infos[k], xp) {
                            weights.allowed.entry(f).or_insert(());
                            weights.update(f, x, -1.0);
                        }
                    }
                }
            }
            weights.time += 1.0;
        }
        stats
            .epoch_accuracy
            .push(right as f64 / total.max(1) as f64);
    }
    let averaged = weights.averaged();
    stats.features = averaged.len();
    let mut meta = meta;
    if let serde_json::Value::Object(m) = &mut meta {
        m.insert(
            "training".into(),
            serde_json::to_value(&stats).unwrap_or_default(),
        );
        m.insert(
            "options".into(),
            serde_json::json!({"epochs": opts.epochs, "min_count": opts.min_count, "seed": opts.seed, "word_dropout": opts.word_dropout, "decoder": "viterbi (first order)"}),
        );
        m.insert(
            "feature_hash".into(),
            serde_json::json!(FeatureHash::new(0).str("check").finish()),
        );
    }
    let model = Model {
        weights: averaged,
        trained_on: docs.iter().map(|d| doc_key(&d.text)).collect(),
        meta,
    };
    (model, stats)
}
