//! `spillover claims`, `contradictions` and `figures`: who said what, where claims
//! contradict each other, and how a figure was given over time.

use crate::ingest::parse_date;
use crate::reports::{clip, open_existing};
use crate::DbArg;
use anyhow::Result;
use chrono::NaiveDate;
use spillover_doc::claim::Stance;
use spillover_store::{ClaimQuery, ClaimRecord, ContradictionQuery, FigureRecord, Store};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Only claims about this actor (its id): its content mentions the actor, or the actor
    /// is the subject of what is claimed.
    #[arg(long, value_name = "ACTOR")]
    pub about: Option<String>,
    /// Only claims by this speaker (its actor id: `pak`, `taliban`, `doc:person:…`).
    #[arg(long, value_name = "ACTOR")]
    pub by: Option<String>,
    /// Only claims with this stance.
    #[arg(long, value_parser = parse_stance)]
    pub stance: Option<String>,
    /// Only claims said on or after this date (the claim's date, else its report's).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only claims said on or before this date.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// At most this many claims.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct ContradictionsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Only pairs where either claim is by this actor or about it.
    #[arg(long, value_name = "ACTOR")]
    pub about: Option<String>,
    /// At most this many pairs (up to 500).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// One JSON object per pair and line instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct FiguresArgs {
    /// The actor the figures are about (its id, e.g. `iskp`).
    pub subject: String,
    /// Only figures of this unit (`member`, `attack` …).
    #[arg(long)]
    pub unit: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub(crate) fn parse_stance(s: &str) -> Result<String, String> {
    match Stance::parse(s) {
        Some(stance) => Ok(stance.as_str().to_string()),
        None => {
            let all: Vec<&str> = Stance::ALL.iter().map(|s| s.as_str()).collect();
            Err(format!("{s:?} is not a stance: one of {}", all.join(", ")))
        }
    }
}

fn date_of(c: &ClaimRecord) -> &str {
    c.date.as_ref().map_or("-", |d| d.value.as_str())
}

/// The speaker as a reader wants it: the name, with the id when there is one.
fn speaker(name: Option<&str>, key: Option<&str>) -> String {
    match (name, key) {
        (Some(n), Some(k)) if !n.eq_ignore_ascii_case(k) => format!("{n} ({k})"),
        (Some(n), _) => n.to_string(),
        (None, Some(k)) => k.to_string(),
        (None, None) => "-".to_string(),
    }
}

fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

pub fn list(args: ClaimsArgs) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let page = store.list_claims(&ClaimQuery {
        about: args.about.clone(),
        by: args.by.clone(),
        stance: args.stance.clone(),
        since: args.since,
        until: args.until,
        report: None,
        limit: Some(args.limit),
        cursor: None,
    })?;
    if args.json {
        for c in &page.items {
            println!("{}", serde_json::to_string(c)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<10} {:<24} {:<8} {:<60} report",
        "date", "speaker", "stance", "content"
    );
    for c in &page.items {
        println!(
            "{:<10} {:<24} {:<8} {:<60} {} {}{}",
            clip(date_of(c), 10),
            clip(
                &speaker(c.speaker_name.as_deref(), c.speaker.as_deref()),
                24
            ),
            c.stance,
            clip(&c.content.replace('\n', " "), 60),
            short_id(&c.report),
            clip(c.title.as_deref().unwrap_or("(untitled)"), 50),
            if c.contradictions > 0 {
                format!("  [{} contradiction(s)]", c.contradictions)
            } else {
                String::new()
            }
        );
    }
    println!(
        "{} claim(s){}",
        page.items.len(),
        if page.next_cursor.is_some() {
            "; more with a larger --limit"
        } else {
            ""
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// Width of each side of a contradiction.
const SIDE: usize = 56;

fn side_by_side(left: &str, right: &str) {
    let left = clip(&left.replace('\n', " "), SIDE);
    let right = clip(&right.replace('\n', " "), SIDE);
    println!("  {left:<SIDE$} | {right}");
}

pub fn contradictions(args: ContradictionsArgs) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let pairs = store.list_contradictions(&ContradictionQuery {
        about: args.about.clone(),
        limit: Some(args.limit),
    })?;
    if args.json {
        for p in &pairs {
            println!("{}", serde_json::to_string(p)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    for p in &pairs {
        println!("{}", p.reason);
        let head = |c: &ClaimRecord| {
            format!(
                "{} {} {}",
                date_of(c),
                speaker(c.speaker_name.as_deref(), c.speaker.as_deref()),
                c.stance
            )
        };
        side_by_side(&head(&p.a), &head(&p.b));
        side_by_side(&format!("“{}”", p.a.content), &format!("“{}”", p.b.content));
        let report = |c: &ClaimRecord| {
            format!(
                "{} ({})",
                c.title.as_deref().unwrap_or("(untitled)"),
                short_id(&c.report)
            )
        };
        side_by_side(&report(&p.a), &report(&p.b));
        println!();
    }
    println!("{} contradiction(s)", pairs.len());
    Ok(ExitCode::SUCCESS)
}

/// A figure with its bound: `≤ 6500`, `~4000`, `100–200`.
fn figure_value(f: &FigureRecord) -> String {
    match (f.bound.as_str(), f.high) {
        ("at_most", _) => format!("≤ {}", f.value),
        ("at_least", _) => format!("≥ {}", f.value),
        ("about", _) => format!("~{}", f.value),
        ("range", Some(high)) => format!("{}–{high}", f.value),
        _ => f.value.to_string(),
    }
}

pub fn figures(args: FiguresArgs) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let figures = store.figure_history(&args.subject, args.unit.as_deref())?;
    if args.json {
        for f in &figures {
            println!("{}", serde_json::to_string(f)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<10} {:>14} {:<12} {:<24} {:<8} report",
        "date", "value", "unit", "speaker", "stance"
    );
    for f in &figures {
        println!(
            "{:<10} {:>14} {:<12} {:<24} {:<8} {} {}",
            clip(f.date.as_deref().unwrap_or("-"), 10),
            figure_value(f),
            clip(&f.unit, 12),
            clip(
                &speaker(f.speaker_name.as_deref(), f.speaker.as_deref()),
                24
            ),
            f.stance,
            short_id(&f.report),
            clip(f.title.as_deref().unwrap_or("(untitled)"), 50)
        );
    }
    println!("{} figure(s) for {}", figures.len(), args.subject);
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stances_and_speakers() {
        assert_eq!(parse_stance("denies").as_deref(), Ok("denies"));
        assert!(parse_stance("claims").unwrap_err().contains("accuses"));
        assert_eq!(speaker(Some("Pakistan"), Some("pak")), "Pakistan (pak)");
        assert_eq!(speaker(Some("TTP"), Some("ttp")), "TTP");
        assert_eq!(speaker(Some("Officials"), None), "Officials");
        assert_eq!(speaker(None, None), "-");
        assert_eq!(short_id("c0ffee0123"), "c0ffee01");
        assert_eq!(short_id("ab"), "ab");
    }
}
