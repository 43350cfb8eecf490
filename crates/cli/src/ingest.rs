//! `spillover ingest`: sources → pipeline → store, one transaction per batch of 64 reports.

use crate::DbArg;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use spillover_doc::{Doc, Report};
use spillover_ingest::{expand_inputs, read_input, FetchOptions, IngestOptions, Input};
use spillover_pipeline::{link, Pipeline};
use spillover_store::{PutOutcome, SqliteStore, Store};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files, folders, JSON Lines batches, RSS/Atom feeds, or http(s) URLs.
    #[arg(required = true)]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub db: DbArg,
    /// Publication date for reports that carry none (metadata, feed field or dateline win).
    #[arg(long, value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    /// Outlet for reports that name none.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Largest file or JSON Lines record accepted, in bytes.
    #[arg(long, default_value_t = 32 * 1024 * 1024,
          value_parser = clap::value_parser!(u64).range(1..=1 << 30))]
    pub max_bytes: u64,
    /// Allow fetching from loopback and private network addresses (off: a hostile feed
    /// cannot make spillover probe the network it runs in).
    #[arg(long)]
    pub allow_private: bool,
    /// Seconds before an http(s) fetch gives up.
    #[arg(long, default_value_t = 20)]
    pub timeout: u64,
    /// Re-read inputs that an earlier run finished (reports already stored are still skipped).
    #[arg(long)]
    pub force: bool,
    /// Print only errors and the final line.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s:?} is not YYYY-MM-DD: {e}"))
}

/// What one ingest run did.
#[derive(Debug, Default)]
pub struct Tally {
    pub inputs: usize,
    pub inputs_skipped: usize,
    pub reports_seen: usize,
    pub stored: usize,
    pub already_stored: usize,
    pub near_duplicate_links: usize,
    pub errors: usize,
    pub bytes: usize,
}

/// Fingerprint of a file for resume bookkeeping: size and modification time.
fn fingerprint(input: &Input) -> Option<String> {
    let Input::Path(p) = input else { return None };
    let m = std::fs::metadata(p).ok()?;
    let mtime = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!("{}:{mtime}", m.len()))
}

const BATCH: usize = 64;

/// A report through the pipeline: its origin, and the doc with its MinHash or the failure.
type Processed = (String, Result<(Doc, Vec<u32>), String>);

/// Runs the pipeline over a batch in parallel and stores the batch in one transaction,
/// in input order: a kill leaves none of it stored, and a rerun stores it again (reports
/// already stored are skipped by id). One commit per batch instead of per report: the
/// commits and WAL checkpoints were most of the ingest's time.
fn flush(
    batch: &mut Vec<Report>,
    pipeline: &Pipeline,
    store: &mut SqliteStore,
    tally: &mut Tally,
    report_err: &mut dyn FnMut(String),
) -> Result<()> {
    let todo = std::mem::take(batch);
    let mut fresh = Vec::with_capacity(todo.len());
    for r in todo {
        if store.contains(&r.id)? {
            tally.already_stored += 1;
        } else {
            fresh.push(r);
        }
    }
    let processed: Vec<Processed> = fresh
        .into_par_iter()
        .map(|r| {
            let origin = r.origin.clone().unwrap_or_else(|| r.id.0.clone());
            let sig = link::signature(&r.text);
            (
                origin,
                pipeline.run(r).map(|d| (d, sig)).map_err(|e| e.to_string()),
            )
        })
        .collect();
    let mut ok: Vec<(&Doc, &[u32])> = Vec::with_capacity(processed.len());
    for (origin, p) in &processed {
        match p {
            Ok((doc, sig)) => ok.push((doc, sig.as_slice())),
            Err(e) => {
                tally.errors += 1;
                report_err(format!("{origin}: pipeline failed: {e}"));
            }
        }
    }
    for ((doc, _), outcome) in ok.iter().zip(store.put_docs(&ok)?) {
        match outcome {
            PutOutcome::Stored { near_duplicates } => {
                tally.stored += 1;
                tally.bytes += doc.text().len();
                tally.near_duplicate_links += near_duplicates.len();
            }
            PutOutcome::AlreadyStored => tally.already_stored += 1,
        }
    }
    Ok(())
}

/// Ingests `paths` into `store`; errors on single items are printed and counted.
pub fn ingest_into(
    store: &mut SqliteStore,
    paths: &[String],
    opts: &IngestOptions,
    force: bool,
    quiet: bool,
) -> Result<Tally> {
    let pipeline = Pipeline::standard();
    let (inputs, missing) = expand_inputs(paths);
    let mut tally = Tally {
        inputs: inputs.len(),
        errors: missing.len(),
        ..Default::default()
    };
    for e in missing {
        eprintln!("error: {e}");
    }
    let bar = if quiet {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} inputs · {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    };
    let started = Instant::now();
    for input in &inputs {
        let name = input.name();
        let fp = fingerprint(input);
        if let (false, Some(fp)) = (force, &fp) {
            if store.input_done(&name, fp)? {
                tally.inputs_skipped += 1;
                bar.inc(1);
                continue;
            }
        }
        let errors_before = tally.errors;
        let mut batch: Vec<Report> = Vec::new();
        let mut failure: Option<anyhow::Error> = None;
        let mut print_err = |msg: String| bar.suspend(|| eprintln!("error: {msg}"));
        let whole = read_input(input, opts, &mut |item| {
            if failure.is_some() {
                return;
            }
            match item {
                Ok(r) => {
                    tally.reports_seen += 1;
                    batch.push(r);
                    if batch.len() >= BATCH {
                        if let Err(e) =
                            flush(&mut batch, &pipeline, store, &mut tally, &mut print_err)
                        {
                            failure = Some(e);
                        }
                        bar.set_message(format!(
                            "{} stored, {} errors",
                            tally.stored, tally.errors
                        ));
                    }
                }
                Err(e) => {
                    tally.errors += 1;
                    print_err(e.to_string());
                }
            }
        });
        if let Some(e) = failure {
            return Err(e.context(format!("storing reports from {name}")));
        }
        flush(&mut batch, &pipeline, store, &mut tally, &mut print_err)?;
        match whole {
            Ok(()) => {
                // Only an input read and stored without any error is skipped next time:
                // a rerun retries the rest (stored reports are skipped by id anyway).
                if let (Some(fp), true) = (fp, tally.errors == errors_before) {
                    store.mark_input_done(&name, &fp)?;
                }
            }
            Err(e) => {
                tally.errors += 1;
                print_err(e.to_string());
            }
        }
        bar.inc(1);
        bar.set_message(format!("{} stored, {} errors", tally.stored, tally.errors));
    }
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    if !quiet {
        eprintln!(
            "{:.1} reports/s over {:.2} s",
            tally.reports_seen as f64 / secs.max(1e-9),
            secs
        );
    }
    Ok(tally)
}

pub fn options(
    published: Option<NaiveDate>,
    outlet: Option<String>,
    max_bytes: u64,
    allow_private: bool,
    timeout: u64,
) -> IngestOptions {
    IngestOptions {
        published,
        outlet,
        max_bytes,
        fetch: FetchOptions {
            timeout: std::time::Duration::from_secs(timeout),
            max_bytes: max_bytes.min(64 * 1024 * 1024),
            allow_private,
            ..FetchOptions::default()
        },
    }
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let mut store = SqliteStore::open(&args.db.db)
        .with_context(|| format!("opening {}", args.db.db.display()))?;
    let opts = options(
        args.published,
        args.outlet,
        args.max_bytes,
        args.allow_private,
        args.timeout,
    );
    let t = ingest_into(&mut store, &args.paths, &opts, args.force, args.quiet)?;
    println!(
        "{} inputs ({} unchanged, skipped) · {} reports read · {} stored · {} already stored · {} near-duplicate links · {} errors",
        t.inputs, t.inputs_skipped, t.reports_seen, t.stored, t.already_stored, t.near_duplicate_links, t.errors
    );
    // Exit 2 tells scripts that some inputs failed although the rest went in.
    Ok(if t.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
