//! `spillover reports`, `show` and `duplicates`: reading the store.

use crate::ingest::parse_date;
use crate::places::PlaceFilterArgs;
use crate::DbArg;
use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use spillover_store::{ReportQuery, SqliteStore, Store};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ReportsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Full-text query (SQLite FTS5 syntax: words, "phrases", AND/OR/NOT, prefix*).
    #[arg(long)]
    pub search: Option<String>,
    /// Only reports published on or after this date.
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only reports published on or before this date.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Only reports of this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only reports mentioning this actor (its id: `taliban`, `ttp`, `doc:person:…`).
    #[arg(long)]
    pub actor: Option<String>,
    /// Only reports raising this security indicator (border_infiltration, terrorism, …).
    #[arg(long)]
    pub indicator: Option<String>,
    /// Only reports mentioning a place that passes these.
    #[command(flatten)]
    pub place: PlaceFilterArgs,
    /// At most this many reports.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct ShowArgs {
    /// Report id, or a unique prefix of it (at least 4 characters).
    pub id: String,
    #[command(flatten)]
    pub db: DbArg,
    /// The stored report as one JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct DuplicatesArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub json: bool,
}

pub fn open_existing(db: &DbArg) -> Result<SqliteStore> {
    if !db.db.exists() {
        bail!(
            "no database at {} (run `spillover ingest` or `spillover demo` first, or pass --db)",
            db.db.display()
        );
    }
    SqliteStore::open(&db.db).with_context(|| format!("opening {}", db.db.display()))
}

/// `s` cut to `max` characters, the last one `…` when cut.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

pub fn list(args: ReportsArgs) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let rows = store.list_reports(&ReportQuery {
        search: args.search.clone(),
        since: args.since,
        until: args.until,
        outlet: args.outlet.clone(),
        actor: args.actor.clone(),
        place: args.place.filter(),
        indicator: args.indicator.clone(),
        limit: Some(args.limit),
        offset: 0,
    })?;
    if args.json {
        for r in &rows {
            println!("{}", serde_json::to_string(r)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<12} {:<10} {:<18} {:>5} {:>3}  title",
        "id", "published", "outlet", "sent", "dup"
    );
    for r in &rows {
        println!(
            "{:<12} {:<10} {:<18} {:>5} {:>3}  {}",
            &r.id[..r.id.len().min(12)],
            r.published
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".into()),
            clip(r.outlet.as_deref().unwrap_or("-"), 18),
            r.sentences,
            r.near_duplicates,
            clip(r.title.as_deref().unwrap_or("(untitled)"), 70)
        );
        if let Some(s) = &r.snippet {
            println!("{:>12} {}", "", clip(&s.replace('\n', " "), 110));
        }
    }
    println!("{} report(s)", rows.len());
    Ok(ExitCode::SUCCESS)
}

pub fn show(args: ShowArgs) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let Some(stored) = store.get_report(&args.id)? else {
        bail!(
            "no report with id {:?} in {}",
            args.id,
            args.db.db.display()
        );
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&stored)?);
        return Ok(ExitCode::SUCCESS);
    }
    let r = &stored.report;
    println!("id         {}", r.id);
    println!("title      {}", r.title.as_deref().unwrap_or("-"));
    println!("outlet     {}", r.outlet.as_deref().unwrap_or("-"));
    println!(
        "published  {}{}",
        r.published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into()),
        r.published_origin
            .map(|o| format!(" (from {})", o.as_str()))
            .unwrap_or_default()
    );
    println!("url        {}", r.url.as_deref().unwrap_or("-"));
    println!("language   {}", r.language.as_deref().unwrap_or("-"));
    println!(
        "format     {}   origin {}",
        r.format.as_str(),
        r.origin.as_deref().unwrap_or("-")
    );
    println!("ingested   {}   {} bytes", stored.ingested_at, r.text.len());
    for (other, sim) in &stored.near_duplicates {
        println!("near-dup   {other} (similarity {sim:.2})");
    }
    println!("\nsentences ({}):", stored.sentences.len());
    for (i, s) in stored.sentences.iter().enumerate() {
        println!(
            "  [{i:>3}] {:>6}..{:<6} {}",
            s.start,
            s.end,
            &r.text[s.start..s.end].replace('\n', " ")
        );
    }
    for layer in [
        "entities",
        "actors",
        "places",
        "dates",
        "quantities",
        "claims",
        "events",
    ] {
        let spans: Vec<_> = stored.spans.iter().filter(|s| s.layer == layer).collect();
        println!("\n{layer} ({}):", spans.len());
        for s in spans {
            println!(
                "  {:>6}..{:<6} {:<12} {:<24} {}{}",
                s.span.start,
                s.span.end,
                s.label,
                clip(&r.text[s.span.start..s.span.end], 24),
                s.key.as_deref().unwrap_or(""),
                if s.attrs.is_null() {
                    String::new()
                } else {
                    format!(" {}", s.attrs)
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn duplicates(args: DuplicatesArgs) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let links = store.near_duplicates()?;
    if args.json {
        for l in &links {
            println!("{}", serde_json::to_string(l)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    for l in &links {
        println!(
            "{:.2}  {} {}\n      {} {}",
            l.similarity,
            &l.report[..12.min(l.report.len())],
            clip(l.report_title.as_deref().unwrap_or("(untitled)"), 80),
            &l.other[..12.min(l.other.len())],
            clip(l.other_title.as_deref().unwrap_or("(untitled)"), 80)
        );
    }
    println!("{} near-duplicate link(s)", links.len());
    Ok(ExitCode::SUCCESS)
}
