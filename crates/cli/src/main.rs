//! `spillover`: ingest news reports, extract sourced records from them, store, query and
//! evaluate. The binary is glue: each subcommand lives in a module of its own and calls
//! the library crates.

mod actors;
mod bench;
mod bench_claims;
mod claims;
mod demo;
mod eval;
mod events;
mod export;
mod extract;
mod indicators;
mod ingest;
mod place;
mod places;
mod reports;
mod serve;
mod train;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Spillover turns open-source reporting on a conflict region into a sourced, geocoded,
/// queryable record of security events, claims and figures.
#[derive(Parser)]
#[command(name = "spillover", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the database lives; shared by the commands that use one.
#[derive(clap::Args, Clone)]
pub struct DbArg {
    /// SQLite database file (created if missing).
    #[arg(long, default_value = "spillover.db", env = "SPILLOVER_DB")]
    pub db: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest the bundled sample reports into a fresh database and print a summary.
    Demo(demo::DemoArgs),
    /// Ingest files, folders, JSON Lines batches, RSS/Atom feeds or http(s) URLs.
    Ingest(ingest::IngestArgs),
    /// List stored reports (full-text search, date, actor and place filters).
    Reports(reports::ReportsArgs),
    /// Show one stored report with its sentences and every span layer.
    Show(reports::ShowArgs),
    /// List near-duplicate reports (the same story re-published with small edits).
    Duplicates(reports::DuplicatesArgs),
    /// List stored claims: who said what, with which stance, when, in which report.
    Claims(claims::ClaimsArgs),
    /// List pairs of stored claims that contradict each other, with the reason.
    Contradictions(claims::ContradictionsArgs),
    /// List stored events (PLOVER type, actors, place, date, figures, indicators) as a
    /// table, CSV, JSON Lines or GeoJSON.
    Events(events::EventsArgs),
    /// Security-indicator counts per day, week or month, overall or per country,
    /// province or border segment (table with sparklines, CSV or JSON).
    Indicators(indicators::IndicatorsArgs),
    /// Export every stored event or claim matching the filters (all pages) as CSV, JSON
    /// Lines or GeoJSON, to stdout or a file written whole.
    Export(export::ExportArgs),
    /// Every stored figure for an actor (e.g. ISKP members), by date, with who gave it.
    Figures(claims::FiguresArgs),
    /// Run the pipeline on a file without storing it and print what it found.
    Extract(extract::ExtractArgs),
    /// Score a stage against a gold file (ner, geo, time, attribution, events).
    Eval(eval::EvalArgs),
    /// Write a generated benchmark corpus as JSON Lines.
    GenCorpus(bench::GenCorpusArgs),
    /// Whole-process benchmark on a generated corpus: reports/s, MB/s, peak memory.
    Bench(bench::BenchArgs),
    /// How contradiction linking scales: store synthetic claims with and without propositions.
    BenchClaims(bench_claims::BenchClaimsArgs),
    /// A place name's gazetteer candidates, ranked, with the resolver's reasons.
    Place(place::PlaceArgs),
    /// List the places mentioned across stored reports (country, box, border filters).
    Places(places::PlacesArgs),
    /// Serve the JSON API (and the dashboard) over a database.
    Serve(serve::ServeArgs),
    /// Train the entity tagger on part of annotated NER files and score it on the rest.
    TrainNer(train::TrainNerArgs),
    /// List actor registry entries with their aliases, or check registry tables.
    Actors(actors::ActorsArgs),
}

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Restores the default SIGPIPE action, so `spillover reports | head` ends quietly
/// when `head` closes the pipe instead of panicking on a failed write.
fn reset_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to its default at start-up, before any
    // thread exists, has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    reset_sigpipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // Help and version are not errors; a usage error gets 64 (EX_USAGE), apart
            // from 2, which means "some inputs failed".
            return if e.use_stderr() {
                ExitCode::from(64)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Demo(a) => demo::run(a),
        Command::Ingest(a) => ingest::run(a),
        Command::Reports(a) => reports::list(a),
        Command::Show(a) => reports::show(a),
        Command::Duplicates(a) => reports::duplicates(a),
        Command::Claims(a) => claims::list(a),
        Command::Contradictions(a) => claims::contradictions(a),
        Command::Figures(a) => claims::figures(a),
        Command::Events(a) => events::list(a),
        Command::Export(a) => export::run(a),
        Command::Indicators(a) => indicators::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Eval(a) => eval::run(a),
        Command::GenCorpus(a) => bench::gen_corpus(a),
        Command::Bench(a) => bench::run(a),
        Command::BenchClaims(a) => bench_claims::run(a),
        Command::Place(a) => place::run(a),
        Command::Places(a) => places::list(a),
        Command::Serve(a) => serve::run(a),
        Command::TrainNer(a) => train::run(a),
        Command::Actors(a) => actors::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}
