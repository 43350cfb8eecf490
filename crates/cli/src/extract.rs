//! `spillover extract`: run the pipeline on a file without storing it.

use crate::ingest::{options, parse_date};
use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde_json::json;
use spillover_doc::{Doc, Layer};
use spillover_ingest::{read_input, Input, JsonlLine, JsonlLines};
use spillover_pipeline::Pipeline;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// A text, HTML or single-entry file (with --jsonl: a JSON Lines batch, `-` for stdin).
    pub file: PathBuf,
    /// Publication date when the report carries none; relative dates resolve against it.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    /// Print one JSON object: sentences, entities, actors, places, dates, quantities, claims, events.
    #[arg(long)]
    pub json: bool,
    /// Treat FILE as JSON Lines; print one JSON object per input line, using all cores.
    #[arg(long, conflicts_with = "json")]
    pub jsonl: bool,
}

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    if args.jsonl {
        return run_jsonl(&args);
    }
    let opts = options(args.published, None, 32 * 1024 * 1024, false, 20);
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    read_input(&Input::Path(args.file.clone()), &opts, &mut |r| match r {
        Ok(r) => reports.push(r),
        Err(e) => errors.push(e),
    })?;
    if let Some(e) = errors.into_iter().next() {
        return Err(e.into());
    }
    let report = match reports.len() {
        1 => reports.remove(0),
        0 => bail!("{}: no report found", args.file.display()),
        n => bail!(
            "{}: holds {n} reports; use --jsonl for batches or `spillover ingest`",
            args.file.display()
        ),
    };
    let doc = Pipeline::standard().run(report)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&doc.to_extract_json())?);
    } else {
        print_readable(&doc);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_readable(doc: &Doc) {
    let r = doc.report();
    println!("{}", r.title.as_deref().unwrap_or("(untitled)"));
    println!(
        "id {} · published {} · {} bytes",
        r.id,
        r.published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "unknown".into()),
        r.text.len()
    );
    println!("\nsentences ({}):", doc.sentences().len());
    for (i, s) in doc.sentences().iter().enumerate() {
        println!(
            "  [{i:>3}] {}",
            doc.text()[s.start..s.end].replace('\n', " ")
        );
    }
    for layer in Layer::ANNOTATED {
        let items = doc.layer(layer);
        println!("\n{} ({}):", layer.as_str(), items.len());
        for a in items {
            println!(
                "  {:>6}..{:<6} {:<12} {}",
                a.span.start,
                a.span.end,
                a.label,
                &doc.text()[a.span.start..a.span.end]
            );
        }
    }
}

/// One JSON Lines batch in, one line out per input line (in order), in parallel.
/// A line that cannot be read becomes `{"line": N, "error": "..."}` so the output stays aligned.
fn run_jsonl(args: &ExtractArgs) -> Result<ExitCode> {
    let reader: Box<dyn BufRead> = if args.file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(&args.file)
                .with_context(|| format!("opening {}", args.file.display()))?,
        ))
    };
    let pipeline = Pipeline::standard();
    let opts = options(args.published, None, 32 * 1024 * 1024, false, 20);
    let name = args.file.display().to_string();
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    let mut failed = 0usize;
    let max_bytes = opts.max_bytes;
    let mut lines = JsonlLines::new(reader, max_bytes).peekable();
    while lines.peek().is_some() {
        let chunk: Vec<(usize, std::io::Result<JsonlLine>)> = lines.by_ref().take(1024).collect();
        let results: Vec<(bool, String)> = chunk
            .into_par_iter()
            .map(|(n, line)| {
                let item = format!("{name}:{n}");
                let result = match line {
                    Err(e) => Err(format!("{item}: cannot read: {e}")),
                    Ok(JsonlLine::Blank) => Err(format!("{item}: blank line")),
                    Ok(JsonlLine::TooLong(size)) => Err(format!(
                        "{item}: too large ({size} bytes; the limit is {max_bytes})"
                    )),
                    Ok(JsonlLine::Record(bytes)) => {
                        spillover_ingest::parse_jsonl_record(&item, &bytes, &opts)
                            .map_err(|e| e.to_string())
                    }
                }
                .and_then(|r| pipeline.run(r).map_err(|e| format!("{item}: {e}")));
                match result {
                    Ok(doc) => {
                        let mut v = doc.to_extract_json();
                        v["line"] = json!(n);
                        (true, v.to_string())
                    }
                    Err(e) => (false, json!({"line": n, "error": e}).to_string()),
                }
            })
            .collect();
        for (ok, line) in results {
            failed += usize::from(!ok);
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
