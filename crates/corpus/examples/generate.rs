//! Writes a synthetic JSONL corpus to stdout and its generation speed to stderr.
//!
//! `cargo run --release -p spillover-corpus --example generate -- 100000 42 > corpus.jsonl`
//! (arguments: number of reports, default 10,000; seed, default 1).

use std::io::{self, BufWriter, Write};
use std::time::Instant;

use spillover_corpus::{to_jsonl_line, Generator};

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);

    let start = Instant::now();
    let mut generator = Generator::new(seed);
    let mut bytes = 0usize;
    let reports: Vec<_> = (&mut generator).take(n).collect();
    for r in &reports {
        bytes += r.text.len();
    }
    let gen_secs = start.elapsed().as_secs_f64();

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for r in &reports {
        out.write_all(to_jsonl_line(r).as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let words: usize = reports
        .iter()
        .map(|r| r.text.split_whitespace().count())
        .sum();
    eprintln!(
        "{n} reports, {} near-duplicates, {:.1} MB of text, mean {:.0} words; generated in {:.2} s = {:.1} MB/s, {:.0} reports/s",
        generator.near_duplicates(),
        bytes as f64 / 1e6,
        words as f64 / n.max(1) as f64,
        gen_secs,
        bytes as f64 / 1e6 / gen_secs,
        n as f64 / gen_secs
    );
    Ok(())
}
