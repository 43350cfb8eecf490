//! `spillover demo`: the bundled sample reports through the whole flow, and a summary.

use crate::ingest::{ingest_into, options};
use anyhow::{Context, Result};
use spillover_store::{ReportQuery, SqliteStore, Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct DemoArgs {
    /// Database to (re)create for the demo.
    #[arg(long, default_value = "spillover-demo.db")]
    pub db: PathBuf,
    /// Folder of sample reports (default: the project's data/samples).
    #[arg(long)]
    pub samples: Option<PathBuf>,
    /// Replace the database even when its name does not mark it as a demo database.
    #[arg(long)]
    pub overwrite: bool,
    /// After the summary, serve the dashboard and API on the demo database.
    #[arg(long)]
    pub serve: bool,
    /// Address for `--serve`.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
}

/// The project's sample folder: next to the sources when run from a checkout, else
/// `data/samples` under the current folder.
fn default_samples() -> PathBuf {
    let beside_sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/samples");
    if beside_sources.is_dir() {
        beside_sources
    } else {
        PathBuf::from("data/samples")
    }
}

fn remove_db(db: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let p = PathBuf::from(p);
        if p.exists() {
            std::fs::remove_file(&p)
                .with_context(|| format!("removing old demo database {}", p.display()))?;
        }
    }
    Ok(())
}

pub fn run(args: DemoArgs) -> Result<ExitCode> {
    let samples = args.samples.unwrap_or_else(default_samples);
    anyhow::ensure!(
        samples.is_dir(),
        "sample folder {} not found (pass --samples DIR)",
        samples.display()
    );
    let samples = samples.canonicalize().unwrap_or(samples);
    let is_demo_name = args
        .db
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.contains("demo"));
    anyhow::ensure!(
        !args.db.exists() || is_demo_name || args.overwrite,
        "{} exists and is not named as a demo database; the demo recreates its database, \
         so pass a new file, one with \"demo\" in its name, or --overwrite",
        args.db.display()
    );
    remove_db(&args.db)?;
    let mut store = SqliteStore::open(&args.db)?;
    let t = Instant::now();
    let tally = ingest_into(
        &mut store,
        &[samples.display().to_string()],
        &options(None, None, 32 << 20, false, 20),
        true,
        true,
    )?;
    let secs = t.elapsed().as_secs_f64();
    let counts = store.counts()?;
    let db = args.db.display();

    println!(
        "Spillover demo: the sample reports in {}\n",
        samples.display()
    );
    println!(
        "ingest      {} inputs · {} reports read · {} stored · {} exact duplicates skipped · {} errors · {:.2} s",
        tally.inputs, tally.reports_seen, tally.stored, tally.already_stored, tally.errors, secs
    );
    println!(
        "store       {db}: {} reports · {} sentences · {} spans",
        counts.reports, counts.sentences, counts.spans
    );
    let layer = |name: &str| {
        counts
            .per_layer
            .iter()
            .find(|(l, _)| l == name)
            .map_or(0, |(_, n)| *n)
    };
    println!(
        "stages      entities {} · actors {} · places {} · dates {} · quantities {} · claims {} · events {}",
        layer("entities"), layer("actors"), layer("places"), layer("dates"), layer("quantities"), layer("claims"), layer("events")
    );
    let links = store.near_duplicates()?;
    println!(
        "\nnear-duplicates ({} links: the same story re-published with edits)",
        links.len()
    );
    for l in &links {
        println!(
            "  {:.2}  {}\n        ~ {}",
            l.similarity,
            l.report_title.as_deref().unwrap_or(&l.report),
            l.other_title.as_deref().unwrap_or(&l.other)
        );
    }
    let newest = store.list_reports(&ReportQuery {
        limit: Some(8),
        ..Default::default()
    })?;
    println!("\nnewest reports");
    for r in &newest {
        println!(
            "  {}  {:<10}  {}",
            &r.id[..10],
            r.published
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            r.title.as_deref().unwrap_or("(untitled)")
        );
    }
    let example = newest
        .first()
        .map(|r| r.id[..10].to_string())
        .unwrap_or_else(|| "ID".into());
    println!("\nexplore");
    println!("  spillover reports --db {db} --search 'Torkham OR Panj'");
    println!("  spillover reports --db {db} --since 2024-06-01");
    println!("  spillover show {example} --db {db}");
    println!("  spillover duplicates --db {db}");
    println!("  spillover place Kunduz");
    println!("  spillover serve --db {db}        # JSON API on http://127.0.0.1:8080/api/");
    println!(
        "  spillover extract {}/text/<file>.txt --json",
        samples.display()
    );
    if args.serve {
        drop(store);
        println!();
        return crate::serve::run(crate::serve::ServeArgs {
            db: crate::DbArg {
                db: args.db.clone(),
            },
            addr: args.addr,
            write_token: None,
        });
    }
    Ok(if tally.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
