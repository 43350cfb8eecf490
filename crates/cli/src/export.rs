//! `spillover export`: every stored event or claim matching the filters, all pages, as
//! CSV (columns in docs/API.md), JSON Lines or GeoJSON — to stdout, or to a file written
//! whole or not at all (a temporary file in the same folder, renamed when complete).

use crate::claims::parse_stance;
use crate::events::parse_status;
use crate::ingest::parse_date;
use crate::places::PlaceFilterArgs;
use crate::reports::open_existing;
use crate::DbArg;
use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use spillover_server::claims_csv;
use spillover_store::{
    events_csv, ClaimQuery, ClaimRecord, EventQuery, EventRecord, SqliteStore, Store,
};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportWhat {
    Events,
    Claims,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Jsonl,
    Geojson,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(value_enum)]
    pub what: ExportWhat,
    #[command(flatten)]
    pub db: DbArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Write here instead of stdout (whole or not at all).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// On or after this date (the event's or claim's date, else its report's).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// On or before this date.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Events: only this PLOVER type.
    #[arg(long = "type", value_name = "PLOVER")]
    pub plover: Option<String>,
    /// Events: only those whose source or target is this actor id.
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,
    /// Events: geography of the event's place (--country, --bbox, --near-border, --km).
    #[command(flatten)]
    pub place: PlaceFilterArgs,
    /// Events: only those raising this security indicator.
    #[arg(long)]
    pub indicator: Option<String>,
    /// Events: which statuses (happened by default, or all, negated, …).
    #[arg(long, value_parser = parse_status)]
    pub status: Option<String>,
    /// Claims: only those about this actor id.
    #[arg(long, value_name = "ACTOR")]
    pub about: Option<String>,
    /// Claims: only those by this speaker (actor id).
    #[arg(long, value_name = "ACTOR")]
    pub by: Option<String>,
    /// Claims: only those with this stance.
    #[arg(long, value_parser = parse_stance)]
    pub stance: Option<String>,
}

/// Rows fetched per page.
const PAGE: usize = 10_000;

/// Writes records page by page: the CSV header once, GeoJSON as one collection.
struct Sink<W: Write> {
    out: W,
    format: ExportFormat,
    written: usize,
}

impl<W: Write> Sink<W> {
    fn start(&mut self) -> Result<()> {
        if self.format == ExportFormat::Geojson {
            self.out
                .write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
        }
        Ok(())
    }

    /// One page: its CSV (with header), its JSON values, its GeoJSON features.
    fn page(
        &mut self,
        csv: impl FnOnce() -> String,
        json: Vec<serde_json::Value>,
        features: Vec<serde_json::Value>,
    ) -> Result<()> {
        match self.format {
            ExportFormat::Csv => {
                let text = csv();
                let body = if self.written == 0 {
                    text.as_str()
                } else {
                    // the header line again: drop it
                    text.split_once('\n').map_or("", |(_, rest)| rest)
                };
                self.out.write_all(body.as_bytes())?;
                self.written += json.len();
            }
            ExportFormat::Jsonl => {
                for v in &json {
                    serde_json::to_writer(&mut self.out, v)?;
                    self.out.write_all(b"\n")?;
                }
                self.written += json.len();
            }
            ExportFormat::Geojson => {
                for f in &features {
                    if self.written > 0 {
                        self.out.write_all(b",\n")?;
                    }
                    serde_json::to_writer(&mut self.out, f)?;
                    self.written += 1;
                }
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(W, usize)> {
        if self.format == ExportFormat::Geojson {
            self.out.write_all(b"\n]}\n")?;
        }
        self.out.flush()?;
        Ok((self.out, self.written))
    }
}

fn check_flags(args: &ExportArgs) -> Result<()> {
    let event_flags = [
        ("--type", args.plover.is_some()),
        ("--actor", args.actor.is_some()),
        (
            "--country/--bbox/--near-border/--km",
            !args.place.filter().is_empty(),
        ),
        ("--indicator", args.indicator.is_some()),
        ("--status", args.status.is_some()),
    ];
    let claim_flags = [
        ("--about", args.about.is_some()),
        ("--by", args.by.is_some()),
        ("--stance", args.stance.is_some()),
    ];
    let (wrong, what) = match args.what {
        ExportWhat::Events => (&claim_flags[..], "claims"),
        ExportWhat::Claims => (&event_flags[..], "events"),
    };
    if let Some((flag, _)) = wrong.iter().find(|(_, set)| *set) {
        bail!("{flag} filters {what}, not what is exported");
    }
    Ok(())
}

fn export<W: Write>(args: &ExportArgs, store: &SqliteStore, out: W) -> Result<(W, usize)> {
    let mut sink = Sink {
        out,
        format: args.format,
        written: 0,
    };
    sink.start()?;
    let mut cursor: Option<String> = None;
    loop {
        let next = match args.what {
            ExportWhat::Events => {
                let page = store.list_events(&EventQuery {
                    plover: args.plover.clone(),
                    actor: args.actor.clone(),
                    place: args.place.filter(),
                    indicator: args.indicator.clone(),
                    report: None,
                    since: args.since,
                    until: args.until,
                    status: args.status.clone(),
                    limit: Some(PAGE),
                    offset: 0,
                    cursor: cursor.clone(),
                })?;
                let items = &page.items;
                sink.page(
                    || events_csv(items),
                    items
                        .iter()
                        .map(serde_json::to_value)
                        .collect::<Result<_, _>>()?,
                    items.iter().map(EventRecord::geojson_feature).collect(),
                )?;
                page.next_cursor
            }
            ExportWhat::Claims => {
                let page = store.list_claims(&ClaimQuery {
                    about: args.about.clone(),
                    by: args.by.clone(),
                    stance: args.stance.clone(),
                    since: args.since,
                    until: args.until,
                    report: None,
                    limit: Some(PAGE),
                    cursor: cursor.clone(),
                })?;
                let items = &page.items;
                sink.page(
                    || claims_csv(items),
                    items
                        .iter()
                        .map(serde_json::to_value)
                        .collect::<Result<_, _>>()?,
                    items.iter().map(ClaimRecord::geojson_feature).collect(),
                )?;
                page.next_cursor
            }
        };
        match next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    sink.finish()
}

/// A temporary file next to `path`, for writing it whole.
fn temporary_next_to(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    path.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    check_flags(&args)?;
    let store = open_existing(&args.db)?;
    let what = match args.what {
        ExportWhat::Events => "event",
        ExportWhat::Claims => "claim",
    };
    match &args.out {
        None => {
            let stdout = std::io::stdout();
            export(&args, &store, BufWriter::new(stdout.lock()))?;
        }
        Some(path) => {
            let tmp = temporary_next_to(path);
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("cannot write {}", tmp.display()))?;
            let result = export(&args, &store, BufWriter::new(file)).and_then(|(w, n)| {
                let file = w.into_inner().map_err(|e| e.into_error())?;
                file.sync_all()?;
                std::fs::rename(&tmp, path)
                    .with_context(|| format!("cannot move the export to {}", path.display()))?;
                Ok(n)
            });
            match result {
                Ok(n) => eprintln!("{n} {what}(s) written to {}", path.display()),
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
