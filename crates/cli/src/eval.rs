//! `spillover eval TASK --gold FILE...`: score a stage against annotated gold data.

use anyhow::{bail, Context, Result};
use spillover_doc::{Annotation, Doc, Layer, Report};
use spillover_eval::{
    read_gold, Evaluation, GoldDoc, PredAttribution, PredEntity, PredEvent, PredPlace, PredTimex,
    Prediction, Task,
};
use spillover_pipeline::Pipeline;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct EvalArgs {
    /// ner, geo, time, attribution or events.
    pub task: Task,
    /// One or more gold files in the JSON Lines form of the gold README.
    #[arg(long, required = true, num_args = 1..)]
    pub gold: Vec<PathBuf>,
    /// Print one JSON object per gold file instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Score only the first N documents of each file.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Fail (exit 3) when a metric falls below a floor, e.g. `--floor f1=0.55`; repeatable.
    /// Applies to every gold file given.
    #[arg(long, value_parser = parse_floor)]
    pub floor: Vec<(String, f64)>,
    /// ner: also score the documents the shipped entity model was trained on (left out
    /// by default, so the figures are on held-out documents only).
    #[arg(long)]
    pub include_trained: bool,
}

fn parse_floor(s: &str) -> Result<(String, f64), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("{s:?} is not METRIC=VALUE"))?;
    let v: f64 = v.parse().map_err(|e| format!("{s:?}: {e}"))?;
    Ok((k.trim().to_string(), v))
}

fn spans(v: &serde_json::Value) -> Vec<(usize, usize)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| Some((p.get(0)?.as_u64()? as usize, p.get(1)?.as_u64()? as usize)))
                .collect()
        })
        .unwrap_or_default()
}

fn str_attr(a: &Annotation, key: &str) -> Option<String> {
    a.attrs
        .get(key)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// What the pipeline found, in the shape the scorer for `task` reads.
pub fn prediction(task: Task, doc: &Doc) -> Prediction {
    match task {
        Task::Ner => Prediction::Ner(
            doc.layer(Layer::Entities)
                .iter()
                .map(|a| PredEntity {
                    start: a.span.start,
                    end: a.span.end,
                    label: a.label.to_string(),
                })
                .collect(),
        ),
        Task::Geo => Prediction::Geo(
            doc.layer(Layer::Places)
                .iter()
                .filter_map(|a| {
                    Some(PredPlace {
                        start: a.span.start,
                        end: a.span.end,
                        lat: a.attrs.get("lat")?.as_f64()?,
                        lon: a.attrs.get("lon")?.as_f64()?,
                        area: a
                            .attrs
                            .get("precision")
                            .and_then(|p| p.as_str())
                            .is_some_and(|p| {
                                matches!(
                                    p,
                                    "country" | "admin1" | "admin2" | "region" | "border_region"
                                )
                            }),
                    })
                })
                .collect(),
        ),
        Task::Time => Prediction::Time(
            doc.layer(Layer::Dates)
                .iter()
                .map(|a| PredTimex {
                    start: a.span.start,
                    end: a.span.end,
                    r#type: a.label.to_string(),
                    value: a.key.clone().unwrap_or_default(),
                })
                .collect(),
        ),
        Task::Attribution => Prediction::Attribution(
            doc.layer(Layer::Claims)
                .iter()
                .map(|a| PredAttribution {
                    source: spans(&a.attrs["source_spans"]),
                    cue: spans(&a.attrs["cue_spans"]),
                    content: spans(&a.attrs["content_spans"]),
                })
                .collect(),
        ),
        // Events the text marks as negated, hypothetical, future or denied did not
        // happen, and the gold sets code events that did.
        Task::Events => Prediction::Events(
            doc.layer(Layer::Events)
                .iter()
                .filter(|a| a.attrs["status"].as_str().is_none_or(|s| s == "happened"))
                .map(|a| PredEvent {
                    source: str_attr(a, "source_code"),
                    target: str_attr(a, "target_code"),
                    cameo: str_attr(a, "cameo"),
                    plover: Some(a.label.to_string()),
                })
                .collect(),
        ),
    }
}

fn report_for(doc: &GoldDoc) -> Report {
    let mut r = Report::from_text(spillover_ingest::report_id(&doc.text), doc.text.clone());
    r.published = doc
        .date
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    r.published_origin = r.published.map(|_| spillover_doc::DateOrigin::Record);
    r
}

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let pipeline = Pipeline::standard();
    let mut below = Vec::new();
    for path in &args.gold {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut docs =
            read_gold(path, args.task).with_context(|| format!("reading {}", path.display()))?;
        let mut left_out = 0;
        if args.task == Task::Ner && !args.include_trained {
            let model = spillover_pipeline::entities::shipped_model()
                .map_err(|e| anyhow::anyhow!("shipped entity model: {e}"))?;
            let before = docs.len();
            docs.retain(|d| {
                !model.trained_on(spillover_pipeline::entities::model::doc_key(&d.text))
            });
            left_out = before - docs.len();
        }
        if let Some(n) = args.limit {
            docs.truncate(n);
        }
        let mut evaluation = Evaluation::new(args.task, &name);
        let mut spent = Duration::ZERO;
        for gold in &docs {
            let t = Instant::now();
            let doc = pipeline.run(report_for(gold))?;
            let pred = prediction(args.task, &doc);
            spent += t.elapsed();
            evaluation.add(gold, &pred)?;
        }
        let report = evaluation.finish(spent.as_secs_f64());
        if args.json {
            let mut json = report.to_json();
            if args.task == Task::Ner {
                json["left_out_trained"] = left_out.into();
            }
            println!("{json}");
        } else {
            println!("{}", report.to_table());
            if left_out > 0 {
                println!(
                    "({left_out} documents the entity model was trained on left out; \
                     --include-trained scores them too)"
                );
            }
        }
        for (key, floor) in &args.floor {
            match report.metric(key) {
                Some(v) if v + 1e-9 >= *floor => {}
                Some(v) => below.push(format!("{name}: {key} = {v:.4} is below the floor {floor}")),
                None => bail!("{name}: no metric {key:?} for task {}", args.task.as_str()),
            }
        }
    }
    if below.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        for b in &below {
            eprintln!("floor: {b}");
        }
        Ok(ExitCode::from(3))
    }
}
