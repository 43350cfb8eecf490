//! `spillover indicators`: security-indicator counts per day, week or month from the
//! stored reports, overall or per country, province or border segment — as a table of
//! totals with a sparkline, CSV (one row per series and period) or JSON.

use crate::ingest::parse_date;
use crate::places::PlaceFilterArgs;
use crate::reports::open_existing;
use crate::DbArg;
use anyhow::Result;
use chrono::NaiveDate;
use spillover_store::{series_csv, Interval, SeriesBy, SeriesQuery, Store};
use std::io::Write;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SeriesFormat {
    Table,
    Csv,
    Json,
}

#[derive(clap::Args)]
pub struct IndicatorsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Only this indicator (terrorism, extremism, drug_trafficking, weapons_trafficking,
    /// border_infiltration, armed_group_strength, displacement, military_exercise,
    /// interstate_accusation).
    #[arg(long)]
    pub indicator: Option<String>,
    /// Period length: day, week (named by its Monday) or month.
    #[arg(long, default_value = "week", value_parser = |s: &str| s.parse::<Interval>())]
    pub interval: Interval,
    /// Split the series by: none, country, admin1 (province) or border (nearest one).
    #[arg(long, default_value = "none", value_parser = |s: &str| s.parse::<SeriesBy>())]
    pub by: SeriesBy,
    /// Geography of the indicator's place: --country, --bbox, --near-border and --km.
    #[command(flatten)]
    pub place: PlaceFilterArgs,
    /// First day counted.
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Last day counted.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Only indicators inside attributed claims (true) or only the reports' own voice
    /// (false).
    #[arg(long)]
    pub attributed: Option<bool>,
    /// At most this many series, the largest first.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SeriesFormat::Table)]
    pub format: SeriesFormat,
}

/// Eight levels of a bar, for a one-line picture of a series.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The series as a line of bars (the last `width` periods), scaled to its own peak.
pub fn sparkline(values: &[u64], width: usize) -> String {
    let tail = &values[values.len().saturating_sub(width)..];
    let peak = tail.iter().copied().max().unwrap_or(0);
    tail.iter()
        .map(|&v| {
            if v == 0 || peak == 0 {
                ' '
            } else {
                let i = ((v * 7).div_ceil(peak)) as usize;
                BARS[i.min(7)]
            }
        })
        .collect()
}

pub fn run(args: IndicatorsArgs) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let series = store.indicator_series(&SeriesQuery {
        interval: args.interval,
        by: args.by,
        indicator: args.indicator.clone(),
        place: args.place.filter(),
        since: args.since,
        until: args.until,
        attributed: args.attributed,
        limit: Some(args.limit),
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        SeriesFormat::Csv => out.write_all(series_csv(&series).as_bytes())?,
        SeriesFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&series)?)?,
        SeriesFormat::Table => {
            let window = match (series.from, series.to) {
                (Some(f), Some(t)) => format!("{f} .. {t}"),
                _ => "-".to_string(),
            };
            writeln!(
                out,
                "{:<22} {:<24} {:>8} {:>7}  per {} ({}; last 40 periods)",
                "indicator", "key", "mentions", "reports", series.interval, window
            )?;
            for s in &series.series {
                let values: Vec<u64> = s.points.iter().map(|p| p.mentions).collect();
                writeln!(
                    out,
                    "{:<22} {:<24} {:>8} {:>7}  {}",
                    s.indicator,
                    s.key.as_deref().unwrap_or("-"),
                    s.mentions,
                    s.reports,
                    sparkline(&values, 40)
                )?;
            }
            writeln!(
                out,
                "{} series{}",
                series.series.len(),
                if series.truncated {
                    " (more match: raise --limit)"
                } else {
                    ""
                }
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::sparkline;

    #[test]
    fn sparkline_scales_to_the_peak_and_keeps_the_tail() {
        assert_eq!(sparkline(&[0, 1, 2, 4], 10), " ▃▅█");
        assert_eq!(sparkline(&[9, 0, 4], 2), " █");
        assert_eq!(sparkline(&[], 5), "");
    }
}
