//! `spillover events`: the stored events (PLOVER-coded, with actors, place, date, figures
//! and security indicators), filtered, as a table, CSV (columns in docs/API.md), JSON
//! Lines or GeoJSON.

use crate::ingest::parse_date;
use crate::places::PlaceFilterArgs;
use crate::reports::{clip, open_existing};
use crate::DbArg;
use anyhow::Result;
use chrono::NaiveDate;
use spillover_store::{events_csv, events_geojson, EventQuery, Store};
use std::io::Write;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EventFormat {
    Table,
    Csv,
    Jsonl,
    Geojson,
}

#[derive(clap::Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Only events of this PLOVER type (ASSAULT, ACCUSE, …).
    #[arg(long = "type", value_name = "PLOVER")]
    pub plover: Option<String>,
    /// Only events whose source or target is this actor id.
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,
    /// Geography: --country (the event's place or either actor), --bbox, --near-border
    /// and --km (the event's place).
    #[command(flatten)]
    pub place: PlaceFilterArgs,
    /// Only events raising this security indicator (border_infiltration, terrorism, …).
    #[arg(long)]
    pub indicator: Option<String>,
    /// Only events on or after this date (the event's date, else its report's).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only events on or before this date.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Which statuses: happened (default), negated, hypothetical, future, denied, or all.
    #[arg(long, value_parser = parse_status)]
    pub status: Option<String>,
    /// At most this many events.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Skip this many events first.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EventFormat::Table)]
    pub format: EventFormat,
}

pub(crate) fn parse_status(s: &str) -> Result<String, String> {
    let s = s.trim().to_ascii_lowercase();
    if s == "all" || EventQuery::STATUSES.contains(&s.as_str()) {
        Ok(s)
    } else {
        Err(format!(
            "{s:?} is not a status: all, {}",
            EventQuery::STATUSES.join(", ")
        ))
    }
}

pub fn list(args: EventsArgs) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let page = store.list_events(&EventQuery {
        plover: args.plover.clone(),
        actor: args.actor.clone(),
        place: args.place.filter(),
        indicator: args.indicator.clone(),
        report: None,
        since: args.since,
        until: args.until,
        status: args.status.clone(),
        limit: Some(args.limit),
        offset: args.offset,
        cursor: None,
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        EventFormat::Csv => out.write_all(events_csv(&page.items).as_bytes())?,
        EventFormat::Jsonl => {
            for e in &page.items {
                writeln!(out, "{}", serde_json::to_string(e)?)?;
            }
        }
        EventFormat::Geojson => writeln!(out, "{}", events_geojson(&page.items))?,
        EventFormat::Table => {
            writeln!(
                out,
                "{:<10} {:<9} {:<8} {:<12} {:<12} {:<18} {:>6} {:<40} report",
                "date", "type", "status", "source", "target", "place", "killed", "text"
            )?;
            for e in &page.items {
                writeln!(
                    out,
                    "{:<10} {:<9} {:<8} {:<12} {:<12} {:<18} {:>6} {:<40} {}",
                    clip(e.date.as_deref().unwrap_or("-"), 10),
                    e.plover,
                    clip(&e.status, 8),
                    clip(&e.source_code, 12),
                    clip(&e.target_code, 12),
                    clip(e.place_name.as_deref().unwrap_or("-"), 18),
                    e.killed.map_or_else(|| "-".to_string(), |k| k.to_string()),
                    clip(&e.text.replace('\n', " "), 40),
                    e.report.get(..8).unwrap_or(&e.report),
                )?;
            }
            writeln!(out, "{} event(s)", page.items.len())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
