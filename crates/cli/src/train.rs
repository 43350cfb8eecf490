//! `spillover train-ner`: train the entity tagger on part of the annotated NER sets and
//! score it on the rest.

use anyhow::{Context, Result};
use spillover_doc::Report;
use spillover_eval::{read_gold, Evaluation, GoldItems, Task};
use spillover_pipeline::entities::lists::Lists;
use spillover_pipeline::entities::model::doc_key;
use spillover_pipeline::entities::train::{train, TrainDoc, TrainOptions};
use spillover_pipeline::entities::EntityTagger;
use spillover_pipeline::{segment::Segmenter, Pipeline};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

#[derive(clap::Args)]
pub struct TrainNerArgs {
    /// Gold NER files (JSON Lines, gold README form).
    #[arg(long, required = true, num_args = 1..)]
    pub gold: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "data/models/ner.bin")]
    pub out: PathBuf,
    /// Percent of each file's documents to train on, chosen by a hash of the text (the
    /// rest is held out and scored).
    #[arg(long, default_value_t = 70, value_parser = clap::value_parser!(u64).range(1..=100))]
    pub train_share: u64,
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    pub epochs: usize,
    /// Drop features seen fewer times than this in the training data.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    pub min_count: u32,
    /// Percent of training tokens whose word features are hidden (regularisation).
    #[arg(long, default_value_t = TrainOptions::default().word_dropout)]
    pub word_dropout: u8,
}

/// Whether a document goes to training: FNV-1a 64 of its text, mod 100, below the share.
pub fn in_training(text: &str, share: u64) -> bool {
    doc_key(text) % 100 < share
}

pub fn run(args: TrainNerArgs) -> Result<ExitCode> {
    let mut train_docs = Vec::new();
    let mut held: Vec<(String, Vec<spillover_eval::GoldDoc>)> = Vec::new();
    let mut names = Vec::new();
    for path in &args.gold {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let docs =
            read_gold(path, Task::Ner).with_context(|| format!("reading {}", path.display()))?;
        let mut dev = Vec::new();
        let (mut n_train, mut n_dev) = (0, 0);
        for d in docs {
            if in_training(&d.text, args.train_share) {
                if let GoldItems::Ner(ents) = &d.gold {
                    train_docs.push(TrainDoc {
                        text: d.text.clone(),
                        entities: ents
                            .iter()
                            .map(|e| (e.start, e.end, e.label.clone()))
                            .collect(),
                    });
                }
                n_train += 1;
            } else {
                n_dev += 1;
                dev.push(d);
            }
        }
        eprintln!("{name}: {n_train} documents to train on, {n_dev} held out");
        names.push(serde_json::json!({"file": name, "train_docs": n_train, "heldout_docs": n_dev}));
        held.push((name, dev));
    }
    let opts = TrainOptions {
        epochs: args.epochs,
        min_count: args.min_count,
        word_dropout: args.word_dropout,
        ..TrainOptions::default()
    };
    let meta = serde_json::json!({
        "made_by": "spillover train-ner (scripts/train-ner.sh)",
        "split": format!("a document trains when FNV-1a-64(text) mod 100 < {}; the rest is held out", args.train_share),
        "train_share_percent": args.train_share,
        "gold": names,
    });
    let t = Instant::now();
    let (mut model, stats) = train(&train_docs, Lists::standard(), opts, meta);
    eprintln!(
        "trained on {} documents, {} sentences, {} tokens, {} entities ({} misaligned) in {:.1} s; {} features; accuracy by epoch {:?}",
        stats.docs,
        stats.sentences,
        stats.tokens,
        stats.entities,
        stats.misaligned,
        t.elapsed().as_secs_f64(),
        stats.features,
        stats.epoch_accuracy.iter().map(|a| (a * 1000.0).round() / 1000.0).collect::<Vec<_>>()
    );
    // score the held-out part of each file with the new model
    let model_arc = Arc::new(model.clone());
    let pipeline = Pipeline::new(vec![
        Box::new(Segmenter),
        Box::new(EntityTagger::with_model(model_arc)),
    ])?;
    let mut scores = serde_json::Map::new();
    for (name, docs) in &held {
        let mut evaluation = Evaluation::new(Task::Ner, name);
        let t = Instant::now();
        for gold in docs {
            let doc = pipeline.run(Report::from_text(
                spillover_ingest::report_id(&gold.text),
                gold.text.clone(),
            ))?;
            evaluation.add(gold, &crate::eval::prediction(Task::Ner, &doc))?;
        }
        let report = evaluation.finish(t.elapsed().as_secs_f64());
        println!("{}", report.to_table());
        let j = report.to_json();
        scores.insert(
            name.clone(),
            serde_json::json!({"precision": j["precision"], "recall": j["recall"], "f1": j["f1"], "docs": docs.len()}),
        );
    }
    if let serde_json::Value::Object(m) = &mut model.meta_mut() {
        m.insert("heldout_scores".into(), serde_json::Value::Object(scores));
    }
    let bytes = model.to_bytes();
    let tmp = args.out.with_extension("bin.tmp");
    std::fs::write(&tmp, &bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, &args.out).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(ExitCode::SUCCESS)
}
