//! `spillover places`: the places mentioned across stored reports, with the geographic
//! filters (country, bounding box, border and distance) that `spillover reports` shares.

use crate::ingest::parse_date;
use crate::reports::{clip, open_existing};
use crate::DbArg;
use anyhow::Result;
use chrono::NaiveDate;
use spillover_store::{
    parse_country, parse_km, BorderPair, BoundingBox, PlaceFilter, PlaceQuery, Store,
};
use std::process::ExitCode;

/// Which place mentions count; every flag given must hold for one and the same mention.
#[derive(clap::Args, Clone)]
pub struct PlaceFilterArgs {
    /// Only places in this country (ISO 3166 alpha-3, any case: TJK).
    #[arg(long, value_parser = parse_country)]
    pub country: Option<String>,
    /// Only places whose reference point lies in this box (degrees, west,south,east,north;
    /// west greater than east crosses 180°).
    #[arg(
        long,
        value_name = "MINLON,MINLAT,MAXLON,MAXLAT",
        allow_hyphen_values = true
    )]
    pub bbox: Option<BoundingBox>,
    /// Only places whose nearest international border is this one (AFG-TJK, either order).
    #[arg(long, visible_alias = "near-border", value_name = "PAIR")]
    pub border: Option<BorderPair>,
    /// Only places at most this many kilometres from that border (from any border without
    /// --border).
    #[arg(long, value_parser = parse_km, allow_hyphen_values = true)]
    pub km: Option<f64>,
}

impl PlaceFilterArgs {
    pub fn filter(&self) -> PlaceFilter {
        PlaceFilter {
            bbox: self.bbox,
            country: self.country.clone(),
            border: self.border,
            km: self.km,
        }
    }
}

#[derive(clap::Args)]
pub struct PlacesArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub place: PlaceFilterArgs,
    /// Count only mentions in reports published on or after this date.
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Count only mentions in reports published on or before this date.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Count only mentions in reports that mention this actor (its id: `taliban`).
    #[arg(long)]
    pub actor: Option<String>,
    /// At most this many places (up to 5000).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn or_dash(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

pub fn list(args: PlacesArgs) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let places = store.list_places(&PlaceQuery {
        place: args.place.filter(),
        since: args.since,
        until: args.until,
        actor: args.actor.clone(),
        limit: Some(args.limit),
    })?;
    if args.json {
        for p in &places {
            println!("{}", serde_json::to_string(p)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<22} {:<24} {:<3} {:<13} {:>8} {:>9} {:<8} {:>6} {:>4} {:>4}  dates",
        "key", "name", "cc", "precision", "lat", "lon", "border", "km", "rep", "men"
    );
    for p in &places {
        let coord = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
        let dates = match (p.first_published, p.last_published) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}..{b}"),
            _ => "-".to_string(),
        };
        let name = match &p.direction {
            Some(d) => format!("{} ({d})", p.name),
            None => p.name.clone(),
        };
        println!(
            "{:<22} {:<24} {:<3} {:<13} {:>8} {:>9} {:<8} {:>6} {:>4} {:>4}  {}",
            clip(&p.key, 22),
            clip(&name, 24),
            or_dash(p.country.as_deref()),
            p.precision,
            coord(p.lat),
            coord(p.lon),
            or_dash(p.border_pair.as_deref()),
            p.border_km.map_or("-".to_string(), |km| format!("{km:.1}")),
            p.reports,
            p.mentions,
            dates
        );
    }
    println!("{} place(s)", places.len());
    Ok(ExitCode::SUCCESS)
}
