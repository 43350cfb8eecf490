//! `spillover place NAME`: the gazetteer's candidates for a name, ranked as the resolver
//! ranks them without context, with the reasons.

use anyhow::{anyhow, Result};
use serde_json::json;
use spillover_pipeline::places::{reference_data, PlaceTagger};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(clap::Args)]
pub struct PlaceArgs {
    /// A place name in any script ("Kunduz", "Душанбе").
    pub name: String,
    /// At most this many candidates.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// One JSON object per candidate.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: PlaceArgs) -> Result<ExitCode> {
    let data = reference_data().map_err(|e| anyhow!("reference data: {e}"))?;
    let tagger = PlaceTagger::new(Arc::clone(&data.places), Arc::clone(&data.borders));
    let ranked = tagger.explain(&args.name);
    if ranked.is_empty() {
        eprintln!("no gazetteer entry named {:?}", args.name);
        return Ok(ExitCode::from(1));
    }
    for (rank, e) in ranked.iter().take(args.limit).enumerate() {
        let c = &e.candidate;
        let border = data.borders.nearest(c.lat, c.lon);
        if args.json {
            println!(
                "{}",
                json!({
                    "rank": rank + 1, "score": e.score, "geonameid": c.geonameid, "name": c.name,
                    "country": c.country, "admin1": c.admin1, "kind": c.kind.as_str(),
                    "precision": c.kind.precision(), "lat": c.lat, "lon": c.lon,
                    "population": c.population, "reasons": e.reasons,
                    "border_km": border.as_ref().map(|b| b.km),
                    "border_pair": border.as_ref().map(|b| format!("{}-{}", b.pair.0, b.pair.1)),
                })
            );
            continue;
        }
        println!(
            "{:>2}. {:<24} {:<8} {} {:<18} {:>8.3},{:<9.3} pop {:<10} score {:.2}",
            rank + 1,
            c.name,
            c.kind.as_str(),
            c.country,
            c.admin1.as_deref().unwrap_or("-"),
            c.lat,
            c.lon,
            c.population,
            e.score
        );
        if let Some(b) = border {
            println!(
                "      {:.1} km from the {}–{} border",
                b.km, b.pair.0, b.pair.1
            );
        }
        println!("      because: {}", e.reasons.join("; "));
    }
    if ranked.len() > args.limit {
        println!("({} more)", ranked.len() - args.limit);
    }
    Ok(ExitCode::SUCCESS)
}
