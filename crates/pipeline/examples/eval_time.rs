//! Scores the temporal tagger on a time gold file (TimeML-derived JSON Lines).
//!
//! ```text
//! cargo run --release -p spillover-pipeline --example eval_time -- PATH/TO/time-gold.jsonl
//! ```
//!
//! Each gold document becomes a report published on its `date`; the segmenter and the
//! temporal tagger run over it, and the `dates` layer is scored with the metrics of the
//! gold README (strict and relaxed span F1, type and value accuracy). With `--errors` the
//! mismatches are printed too, one a line.

use spillover_doc::{Doc, Layer, Report, ReportId};
use spillover_eval::{read_gold, Evaluation, GoldItems, PredTimex, Prediction, Task};
use spillover_pipeline::dates::TemporalTagger;
use spillover_pipeline::segment::Segmenter;
use spillover_pipeline::Component;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let mut path = None;
    let mut errors = false;
    for a in std::env::args().skip(1) {
        if a == "--errors" {
            errors = true;
        } else {
            path = Some(PathBuf::from(a));
        }
    }
    let Some(path) = path else {
        eprintln!("usage: eval_time GOLD.jsonl [--errors]");
        return ExitCode::from(2);
    };
    let docs = match read_gold(&path, Task::Time) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let tagger = TemporalTagger::new();
    let mut eval = Evaluation::new(Task::Time, &name);
    let mut tagging = Duration::ZERO;
    for g in &docs {
        let mut report = Report::from_text(ReportId(g.id.clone()), g.text.clone());
        report.published = g
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let mut doc = Doc::new(report);
        if let Err(e) = Segmenter.process(&mut doc) {
            eprintln!("error: {}: {e}", g.id);
            return ExitCode::FAILURE;
        }
        let t = Instant::now();
        if let Err(e) = tagger.process(&mut doc) {
            eprintln!("error: {}: {e}", g.id);
            return ExitCode::FAILURE;
        }
        tagging += t.elapsed();
        let pred: Vec<PredTimex> = doc
            .layer(Layer::Dates)
            .iter()
            .map(|a| PredTimex {
                start: a.span.start,
                end: a.span.end,
                r#type: a.label.to_string(),
                value: a.key.clone().unwrap_or_default(),
            })
            .collect();
        if errors {
            print_errors(g, &pred);
        }
        if let Err(e) = eval.add(g, &Prediction::Time(pred)) {
            eprintln!("error: {}: {e}", g.id);
            return ExitCode::FAILURE;
        }
    }
    println!("{}", eval.finish(tagging.as_secs_f64()).to_table());
    ExitCode::SUCCESS
}

/// Prints missed, spurious, misplaced and misvalued expressions of one document.
fn print_errors(g: &spillover_eval::GoldDoc, pred: &[PredTimex]) {
    let GoldItems::Time(gold) = &g.gold else {
        return;
    };
    let text = &g.text;
    let s = |a: usize, b: usize| text.get(a..b).unwrap_or("?").replace('\n', " ");
    let date = g.date.as_deref().unwrap_or("-");
    for x in gold {
        let m = pred.iter().find(|p| p.start < x.end && x.start < p.end);
        match m {
            None => println!(
                "MISS\t{date}\t{}\t{}\t{:?}",
                x.r#type,
                x.value,
                s(x.start, x.end)
            ),
            Some(p) => {
                if (p.start, p.end) != (x.start, x.end) {
                    println!(
                        "SPAN\t{date}\t{:?}\t{:?}",
                        s(x.start, x.end),
                        s(p.start, p.end)
                    );
                }
                if p.r#type != x.r#type || p.value != x.value {
                    println!(
                        "VAL\t{date}\t{:?}\tgold {} {}\tpred {} {}\t{:?}",
                        s(x.start, x.end),
                        x.r#type,
                        x.value,
                        p.r#type,
                        p.value,
                        context(text, x.start, x.end)
                    );
                }
            }
        }
    }
    for p in pred {
        if !gold.iter().any(|x| p.start < x.end && x.start < p.end) {
            println!(
                "FP\t{date}\t{}\t{}\t{:?}\t{:?}",
                p.r#type,
                p.value,
                s(p.start, p.end),
                context(text, p.start, p.end)
            );
        }
    }
}

fn context(text: &str, a: usize, b: usize) -> String {
    let mut lo = a.saturating_sub(60);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (b + 40).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    text[lo..hi].replace('\n', " ")
}
