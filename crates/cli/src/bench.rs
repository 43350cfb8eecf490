//! `spillover gen-corpus` and `spillover bench`: the whole-process benchmark.
//!
//! The benchmark generates a synthetic corpus in memory, then times, in the same process:
//! a baseline pass (normalise and hash every report: the least any ingest must do), the
//! pipeline on one thread (per-core throughput, broken down by component), and the real
//! ingest path into a fresh SQLite file (JSON Lines parse → pipeline → one transaction per batch
//! of 64 reports). It prints reports/s, MB/s, the ratio to the baseline and peak memory.

use crate::ingest::{ingest_into, options};
use anyhow::{Context, Result};
use serde_json::json;
use spillover_corpus::{to_jsonl_line, GeneratedReport, Generator};
use spillover_ingest::{report_id, text_report, IngestOptions};
use spillover_pipeline::{link, Pipeline};
use spillover_store::{SqliteStore, Store};
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct GenCorpusArgs {
    /// Number of reports.
    #[arg(long, default_value_t = 10_000)]
    pub reports: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Output JSON Lines file (`-` for stdout).
    #[arg(long, default_value = "-")]
    pub out: PathBuf,
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Number of generated reports.
    #[arg(long, default_value_t = 10_000)]
    pub reports: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Skip the ingest-into-SQLite pass.
    #[arg(long)]
    pub no_store: bool,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn gen_corpus(args: GenCorpusArgs) -> Result<ExitCode> {
    let sink: Box<dyn Write> = if args.out.as_os_str() == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(
            std::fs::File::create(&args.out)
                .with_context(|| format!("creating {}", args.out.display()))?,
        )
    };
    let mut out = BufWriter::new(sink);
    for r in Generator::new(args.seed).take(args.reports) {
        writeln!(out, "{}", to_jsonl_line(&r))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Peak resident memory of this process in MiB (Linux), if known.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    let t = Instant::now();
    let corpus: Vec<GeneratedReport> = Generator::new(args.seed).take(args.reports).collect();
    let generate = t.elapsed();
    let bytes: usize = corpus.iter().map(|r| r.text.len()).sum();
    let words: usize = corpus
        .iter()
        .map(|r| r.text.split_whitespace().count())
        .sum();
    let mb = bytes as f64 / 1e6;

    // Baseline: normalise and hash every report.
    let t = Instant::now();
    let mut ids = std::collections::HashSet::with_capacity(corpus.len());
    for r in &corpus {
        ids.insert(report_id(&r.text));
    }
    let baseline = t.elapsed();

    // Pipeline on one thread, with per-component times.
    let pipeline = Pipeline::standard();
    let opts = IngestOptions::default();
    let mut per_component: BTreeMap<&'static str, Duration> = BTreeMap::new();
    let mut sentences = 0usize;
    let mut tokens = 0usize;
    let t = Instant::now();
    let mut report_build = Duration::ZERO;
    let mut minhash = Duration::ZERO;
    for r in &corpus {
        let t0 = Instant::now();
        let report = text_report(&r.text, &r.id, &opts);
        report_build += t0.elapsed();
        let (doc, times) = pipeline.run_timed(report)?;
        for (name, d) in times {
            *per_component.entry(name).or_default() += d;
        }
        let t1 = Instant::now();
        let sig = link::signature(doc.text());
        minhash += t1.elapsed();
        sentences += doc.sentences().len();
        tokens += doc.tokens().len();
        std::hint::black_box(sig);
    }
    let single = t.elapsed();

    // The real ingest path into a fresh database.
    let mut store_result = None;
    if !args.no_store {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("corpus.jsonl");
        {
            let mut w = BufWriter::new(std::fs::File::create(&file)?);
            for r in &corpus {
                writeln!(w, "{}", to_jsonl_line(r))?;
            }
            w.flush()?;
        }
        let db = dir.path().join("bench.db");
        let mut store = SqliteStore::open(&db)?;
        let t = Instant::now();
        let tally = ingest_into(
            &mut store,
            &[file.display().to_string()],
            &options(None, None, 32 << 20, false, 20),
            true,
            true,
        )?;
        let d = t.elapsed();
        let counts = store.counts()?;
        anyhow::ensure!(
            counts.reports == ids.len() && tally.stored == ids.len(),
            "ingest stored {} reports, expected {} distinct",
            counts.reports,
            ids.len()
        );
        store_result = Some((
            d,
            tally.stored,
            tally.near_duplicate_links,
            rayon::current_num_threads(),
        ));
    }

    // A fast wrong answer must fail: every report segmented, counts plausible.
    anyhow::ensure!(
        sentences >= corpus.len() * 5,
        "too few sentences: {sentences}"
    );
    anyhow::ensure!(
        tokens >= words,
        "fewer tokens ({tokens}) than words ({words})"
    );

    let peak = peak_rss_mib();
    let out = json!({
        "reports": corpus.len(),
        "distinct_reports": ids.len(),
        "megabytes": mb,
        "words": words,
        "sentences": sentences,
        "tokens": tokens,
        "generate_seconds": generate.as_secs_f64(),
        "baseline_hash": {"seconds": baseline.as_secs_f64(), "reports_per_sec": rate(corpus.len(), baseline), "mb_per_sec": mb / baseline.as_secs_f64().max(1e-9)},
        "pipeline_one_thread": {
            "seconds": single.as_secs_f64(),
            "reports_per_sec": rate(corpus.len(), single),
            "mb_per_sec": mb / single.as_secs_f64().max(1e-9),
            "ratio_to_baseline": single.as_secs_f64() / baseline.as_secs_f64().max(1e-9),
            "report_build_seconds": report_build.as_secs_f64(),
            "minhash_seconds": minhash.as_secs_f64(),
            "components": per_component.iter().map(|(k, v)| (k.to_string(), json!(v.as_secs_f64()))).collect::<serde_json::Map<_, _>>(),
        },
        "ingest_sqlite": store_result.map(|(d, stored, links, threads)| json!({
            "seconds": d.as_secs_f64(),
            "threads": threads,
            "reports_per_sec": rate(corpus.len(), d),
            "mb_per_sec": mb / d.as_secs_f64().max(1e-9),
            "stored": stored,
            "near_duplicate_links": links,
        })),
        "peak_rss_mib": peak,
    });
    if args.json {
        println!("{out}");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "corpus: {} reports ({} distinct), {:.1} MB, {} words (generated in {:.2} s)",
        corpus.len(),
        ids.len(),
        mb,
        words,
        generate.as_secs_f64()
    );
    println!(
        "baseline (normalise + hash):   {:>9.0} reports/s  {:>7.1} MB/s",
        rate(corpus.len(), baseline),
        mb / baseline.as_secs_f64().max(1e-9)
    );
    println!(
        "pipeline, 1 thread:            {:>9.0} reports/s  {:>7.1} MB/s  ({:.1}× the baseline's time)",
        rate(corpus.len(), single),
        mb / single.as_secs_f64().max(1e-9),
        single.as_secs_f64() / baseline.as_secs_f64().max(1e-9)
    );
    println!(
        "  report build {:.3} s · minhash {:.3} s",
        report_build.as_secs_f64(),
        minhash.as_secs_f64()
    );
    for (k, v) in &per_component {
        println!("  {k:<12} {:.3} s", v.as_secs_f64());
    }
    if let Some((d, stored, links, threads)) = store_result {
        println!(
            "ingest → SQLite, {threads} threads: {:>6.0} reports/s  {:>7.1} MB/s  ({stored} stored, {links} near-duplicate links)",
            rate(corpus.len(), d),
            mb / d.as_secs_f64().max(1e-9)
        );
    }
    if let Some(p) = peak {
        println!("peak memory: {p:.0} MiB");
    }
    Ok(ExitCode::SUCCESS)
}
