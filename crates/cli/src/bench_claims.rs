//! `spillover bench-claims`: how contradiction linking scales with the number of stored
//! claims.
//!
//! It builds synthetic reports whose claims draw speakers, stances, predicates,
//! countries, subjects and figures from small pools (so many claims share a proposition
//! and many oppose each other, the hard case), stores them into a fresh SQLite file, and
//! times the same reports stored again into another fresh file with the propositions
//! and figures removed (nothing to link: the baseline). It prints claims/s for both, the
//! ratio, and the number of links made.

use anyhow::{Context, Result};
use serde_json::json;
use spillover_doc::{Annotation, Doc, Layer, Report, ReportId, Span};
use spillover_store::{SqliteStore, Store};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct BenchClaimsArgs {
    /// Number of claims to store.
    #[arg(long, default_value_t = 100_000)]
    pub claims: usize,
    /// Claims per report.
    #[arg(long, default_value_t = 10)]
    pub per_report: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Folder for the two database files (default: a temporary folder, removed after).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// A small deterministic generator (xorshift), so runs are repeatable without a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const SPEAKERS: [&str; 12] = [
    "pak", "afg", "irn", "tjk", "uzb", "rus", "taliban", "un", "csto", "ttp", "iskp", "chn",
];
const STANCES: [&str; 5] = ["asserts", "accuses", "denies", "warns", "demands"];
const PREDICATES: [&str; 5] = [
    "harbours_militants",
    "threat",
    "infiltration",
    "support_militants",
    "eliminated",
];
const SCOPES: [&str; 8] = ["AFG", "PAK", "TJK", "IRN", "UZB", "SYR", "IRQ", "KGZ"];
const SUBJECTS: [&str; 6] = ["taliban", "ttp", "iskp", "jaish-al-adl", "al-qaeda", "imu"];
const UNITS: [&str; 3] = ["member", "fighter", "attack"];

fn report(rng: &mut Rng, n: usize, per_report: usize, linkable: bool) -> Result<Doc> {
    let sentence = "The ministry said that militants crossed the border. ";
    let text = sentence.repeat(per_report);
    let mut r = Report::from_text(ReportId(format!("bench-claims-{n}")), text);
    let day = 1 + (n % 28) as u32;
    let month = 1 + ((n / 28) % 12) as u32;
    r.published = chrono::NaiveDate::from_ymd_opt(2024, month, day);
    let date = r.published.map(|d| d.format("%Y-%m-%d").to_string());
    let mut doc = Doc::new(r);
    for i in 0..per_report {
        let at = i * sentence.len();
        let stance = rng.pick(&STANCES);
        let speaker = rng.pick(&SPEAKERS);
        let figure = rng.next().is_multiple_of(4);
        let proposition = if linkable {
            json!({
                "predicate": rng.pick(&PREDICATES),
                "scope": rng.pick(&SCOPES),
                "subject": rng.pick(&SUBJECTS),
                "negated": rng.next().is_multiple_of(10),
            })
        } else {
            json!({"predicate": null, "scope": null, "subject": null, "negated": false})
        };
        let figures = if linkable && figure {
            json!([{
                "subject": rng.pick(&SUBJECTS), "unit": rng.pick(&UNITS),
                "value": (100 + rng.next() % 9_900) as f64, "bound": "exact",
            }])
        } else {
            json!([])
        };
        let attrs = json!({
            "source_spans": [[at, at + 12]],
            "cue_spans": [[at + 13, at + 17]],
            "content_spans": [[at + 18, at + sentence.len() - 2]],
            "speaker": {"key": speaker, "name": speaker},
            "stance": stance,
            "hedged": false,
            "direct": false,
            "date": {"value": date, "origin": "published"},
            "about": [rng.pick(&SUBJECTS)],
            "proposition": proposition,
            "figures": figures,
        });
        let span = Span::new(at, at + sentence.len() - 1)?;
        doc.add(
            Layer::Claims,
            Annotation::new(span, stance, "bench", 0.8)
                .with_key(speaker)
                .with_attrs(attrs),
        )?;
    }
    doc.mark_assigned(Layer::Claims);
    Ok(doc)
}

fn store_all(path: &std::path::Path, docs: &[Doc]) -> Result<(Duration, i64)> {
    let mut store =
        SqliteStore::open(path).with_context(|| format!("opening {}", path.display()))?;
    let t = Instant::now();
    for d in docs {
        store.put_doc(d, &[])?;
    }
    let elapsed = t.elapsed();
    let links: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM claim_links", [], |r| r.get(0))?;
    Ok((elapsed, links))
}

pub fn run(args: BenchClaimsArgs) -> Result<ExitCode> {
    let per = args.per_report.max(1);
    let reports = args.claims.div_ceil(per);
    let tmp;
    let dir = match &args.dir {
        Some(d) => d.clone(),
        None => {
            tmp = tempfile::tempdir()?;
            tmp.path().to_path_buf()
        }
    };
    let build = |linkable: bool| -> Result<Vec<Doc>> {
        let mut rng = Rng(args.seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        (0..reports)
            .map(|n| report(&mut rng, n, per, linkable))
            .collect()
    };
    let plain = build(false)?;
    let (base, _) = store_all(&dir.join("baseline.db"), &plain)?;
    drop(plain);
    let linkable = build(true)?;
    let (linked, links) = store_all(&dir.join("linked.db"), &linkable)?;
    let claims = reports * per;
    let rate = |d: Duration| claims as f64 / d.as_secs_f64().max(1e-9);
    if args.json {
        println!(
            "{}",
            json!({
                "claims": claims, "reports": reports, "links": links,
                "baseline_seconds": base.as_secs_f64(), "linked_seconds": linked.as_secs_f64(),
                "baseline_claims_per_sec": rate(base), "linked_claims_per_sec": rate(linked),
                "ratio": linked.as_secs_f64() / base.as_secs_f64().max(1e-9),
            })
        );
    } else {
        println!("{claims} claims in {reports} reports");
        println!(
            "baseline (store, nothing to link): {:>8.1} s  {:>9.0} claims/s",
            base.as_secs_f64(),
            rate(base)
        );
        println!(
            "store + contradiction linking:     {:>8.1} s  {:>9.0} claims/s  ({:.2}× the baseline's time, {links} links)",
            linked.as_secs_f64(),
            rate(linked),
            linked.as_secs_f64() / base.as_secs_f64().max(1e-9)
        );
    }
    Ok(ExitCode::SUCCESS)
}
