//! Tests of the generator as a whole; the PRNG and date helpers test themselves.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::date::MONTHS;
use crate::templates::{
    for_topic, ALL_TOPICS, BACKGROUND, CLOSINGS, DATELINES, EDITORIAL_ADDITIONS, QUOTES_GENERIC,
    REACTIONS,
};

fn corpus(seed: u64, n: usize) -> Vec<GeneratedReport> {
    Generator::new(seed).take(n).collect()
}

#[test]
fn same_seed_gives_same_reports() {
    let a = corpus(7, 400);
    let b = corpus(7, 400);
    assert_eq!(a, b);
    let c = corpus(8, 400);
    assert_ne!(a[0].text, c[0].text);
}

#[test]
fn word_counts_stay_within_bounds() {
    let reports = corpus(1, 1000);
    let counts: Vec<usize> = reports.iter().map(|r| word_count(&r.text)).collect();
    for (r, &w) in reports.iter().zip(&counts) {
        assert!(
            (MIN_WORDS..=MAX_WORDS).contains(&w),
            "{} has {w} words",
            r.id
        );
    }
    let mean = counts.iter().sum::<usize>() as f64 / counts.len() as f64;
    assert!((400.0..=500.0).contains(&mean), "mean {mean}");
    // Not all the same length: a real spread.
    let short = counts.iter().filter(|&&w| w < 350).count();
    let long = counts.iter().filter(|&&w| w > 600).count();
    assert!(short > 50 && long > 20, "short {short}, long {long}");
}

#[test]
fn paragraphs_number_four_to_eight() {
    for r in corpus(2, 1000) {
        let n = r.text.split("\n\n").count();
        assert!((4..=8).contains(&n), "{}: {n} paragraphs", r.id);
        assert!(r.text.split("\n\n").all(|p| !p.trim().is_empty()));
    }
}

#[test]
fn ids_are_unique() {
    let mut seen = HashSet::new();
    let mut urls = HashSet::new();
    for r in corpus(3, 5000) {
        assert!(seen.insert(r.id.clone()), "duplicate id {}", r.id);
        assert!(urls.insert(r.url.clone()), "duplicate url {}", r.url);
    }
}

#[test]
fn near_duplicate_rate_is_realistic() {
    let mut g = Generator::new(4);
    let reports: Vec<_> = (&mut g).take(2000).collect();
    let rate = g.near_duplicates() as f64 / g.generated() as f64;
    assert!((0.01..=0.06).contains(&rate), "counted rate {rate}");

    // Independent check on the text: a near-duplicate shares most of its 8-word shingles
    // with one earlier report; unrelated reports share little.
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut found = 0;
    let mut worst_unrelated = 0.0f64;
    let mut shares = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        let shingles = shingles(&r.text);
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for h in &shingles {
            for &j in postings.get(h).map(Vec::as_slice).unwrap_or(&[]) {
                *hits.entry(j).or_default() += 1;
            }
        }
        let best = hits.iter().max_by_key(|(_, &c)| c).map(|(&j, &c)| (j, c));
        if let Some((j, c)) = best {
            let share = c as f64 / shingles.len() as f64;
            if share >= 0.6 {
                found += 1;
                assert_ne!(
                    reports[j].text, r.text,
                    "near-duplicate identical to its source"
                );
            } else {
                worst_unrelated = worst_unrelated.max(share);
                shares.push(share);
            }
        }
        for h in shingles {
            postings.entry(h).or_default().push(i);
        }
    }
    shares.sort_by(f64::total_cmp);
    let pct = |q: f64| shares[((shares.len() - 1) as f64 * q) as usize];
    eprintln!(
        "best-match share of unrelated reports: median {:.2}, p90 {:.2}, p99 {:.2}, max {worst_unrelated:.2}",
        pct(0.5),
        pct(0.9),
        pct(0.99)
    );
    // Unrelated reports on the same border and topic share some stock phrasing, as wire
    // copy does, but far less than a re-published story.
    assert!(
        pct(0.99) < 0.4,
        "unrelated reports share up to {:.2} of their text",
        pct(0.99)
    );
    assert!(
        worst_unrelated < 0.5,
        "unrelated reports share {worst_unrelated:.2} of their text"
    );
    let found_rate = found as f64 / reports.len() as f64;
    assert!(
        (0.01..=0.06).contains(&found_rate),
        "text-detected rate {found_rate}"
    );
    assert!(
        (found as i64 - g.near_duplicates() as i64).abs() <= 3,
        "detected {found}, generated {}",
        g.near_duplicates()
    );
}

fn shingles(text: &str) -> HashSet<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(8)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

#[test]
fn texts_are_clean() {
    for r in corpus(5, 2000) {
        for field in [&r.title, &r.text, &r.url, &r.outlet, &r.id] {
            assert!(std::str::from_utf8(field.as_bytes()).is_ok());
            assert!(
                !field.contains('{') && !field.contains('}'),
                "{}: {field}",
                r.id
            );
            assert!(!field.contains('@'), "{}: flag left in {field}", r.id);
            assert!(!field.contains("  "), "{}: double space in {field}", r.id);
        }
        assert!(!r.title.is_empty() && !r.title.ends_with('.'));
        let capital = |s: &str| {
            s.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        assert!(capital(&r.title), "{}", r.title);
        for p in r.text.split("\n\n") {
            assert!(capital(p), "{}: {p}", r.id);
            assert!(p.ends_with(['.', '"', '\u{201d}']), "{}: {p}", r.id);
        }
        // Quotation marks balance in curly style.
        let open = r.text.matches('\u{201c}').count();
        let close = r.text.matches('\u{201d}').count();
        assert_eq!(open, close, "{}", r.id);
        assert_eq!(r.text.matches('"').count() % 2, 0, "{}", r.id);
        assert!(r.url.starts_with("https://") && r.url.contains(".example/"));
    }
}

#[test]
fn published_dates_are_valid_and_in_range() {
    for r in corpus(6, 1000) {
        let p = &r.published;
        assert_eq!(p.len(), 10);
        let (y, m, d): (i32, u32, u32) = (
            p[0..4].parse().unwrap_or(0),
            p[5..7].parse().unwrap_or(0),
            p[8..10].parse().unwrap_or(0),
        );
        let date = Date {
            year: y,
            month: m,
            day: d,
        };
        assert_eq!(date.iso(), *p);
        assert!((FIRST_DAY..=LAST_DAY + 1).contains(&date.to_days()), "{p}");
    }
}

/// "on Tuesday, March 4" must name a day in the week before publication, with the right weekday.
#[test]
fn full_dates_agree_with_their_weekdays() {
    let mut checked = 0;
    for r in corpus(9, 1500) {
        let published = r.published.clone();
        let p = Date {
            year: published[0..4].parse().unwrap_or(0),
            month: published[5..7].parse().unwrap_or(0),
            day: published[8..10].parse().unwrap_or(0),
        };
        for day in WEEKDAYS {
            let needle = format!("on {day}, ");
            let Some(at) = r.text.find(&needle) else {
                continue;
            };
            let rest = &r.text[at + needle.len()..];
            let mut parts = rest.split([' ', ',', '.']);
            let (Some(month), Some(dom)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Some(mi) = MONTHS.iter().position(|m| *m == month) else {
                continue;
            };
            let Ok(dom) = dom.parse::<u32>() else {
                continue;
            };
            let ok = (0..8).any(|k| {
                let d = p.add_days(-k);
                d.month as usize == mi + 1 && d.day == dom && d.weekday_name() == day
            });
            // A near-duplicate may be published a day after its source.
            let ok = ok
                || (0..8).any(|k| {
                    let d = p.add_days(-k - 1);
                    d.month as usize == mi + 1 && d.day == dom && d.weekday_name() == day
                });
            assert!(
                ok,
                "{}: {day}, {month} {dom} vs published {published}",
                r.id
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} full dates");
}

#[test]
fn jsonl_lines_round_trip() {
    for r in corpus(10, 300) {
        let line = to_jsonl_line(&r);
        assert!(!line.contains('\n'));
        let back: GeneratedReport = match serde_json::from_str(&line) {
            Ok(b) => b,
            Err(e) => panic!("{}: {e}", r.id),
        };
        assert_eq!(back, r);
        let value: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        let keys: Vec<&str> = value
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        for k in ["id", "url", "title", "text", "published", "outlet"] {
            assert!(keys.contains(&k), "missing {k}");
        }
    }
    let tricky = GeneratedReport {
        id: "a\"b".into(),
        title: "tab\there \\ back".into(),
        text: "line\nbreak \u{1} ctrl \u{201c}curly\u{201d}".into(),
        published: "2024-01-01".into(),
        outlet: "O".into(),
        url: "u".into(),
    };
    let back: Result<GeneratedReport, _> = serde_json::from_str(&to_jsonl_line(&tricky));
    assert_eq!(back.ok(), Some(tricky));
}

fn all_templates() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = Vec::new();
    for topic in ALL_TOPICS {
        let tt = for_topic(topic);
        for list in [tt.titles, tt.leads, tt.details, tt.quotes] {
            all.extend_from_slice(list);
        }
    }
    for list in [
        QUOTES_GENERIC,
        REACTIONS,
        BACKGROUND,
        CLOSINGS,
        EDITORIAL_ADDITIONS,
    ] {
        all.extend_from_slice(list);
    }
    for t in THEATRES {
        all.extend_from_slice(t.background);
    }
    all
}

#[test]
fn there_are_enough_templates() {
    let all = all_templates();
    assert!(all.len() >= 60, "{} templates", all.len());
    let distinct: HashSet<_> = all.iter().collect();
    assert_eq!(distinct.len(), all.len(), "a template is listed twice");
}

/// Slot names that are also plain English words, fine as alternatives.
const ORDINARY_WORDS: &[&str] = &[
    "wounded",
    "killed",
    "group",
    "drug",
    "country",
    "other",
    "force",
    "border",
    "river",
    "day",
    "month",
    "past",
    "since",
    "town",
    "region",
    "capital",
    "crossing",
    "frontier",
    "agency",
    "ministry",
    "outlet",
    "troops",
    "vehicles",
    "detained",
    "fighters",
    "attempts",
    "weapons",
    "evidence",
    "cargo",
    "cash",
    "money",
    "share",
    "incidents",
    "prevented",
    "org",
    "tonnes",
    "reopen",
    "infiltrators",
    "Drug",
    "Killed",
];

#[test]
fn every_slot_of_every_template_is_known() {
    let mut rng = Rng::new(11);
    for theatre in THEATRES {
        for topic in ALL_TOPICS {
            let published = Date::from_days(FIRST_DAY + 100);
            let mut ctx = Ctx::new(&mut rng, theatre, topic, "Test Outlet", published);
            for tpl in all_templates() {
                for key in render::slot_names(tpl) {
                    assert!(ctx.knows(key), "unknown slot {{{key}}} in {tpl:?}");
                }
                let mut out = String::new();
                render(tpl, &mut ctx, &mut out);
                assert!(!out.contains('{'), "{out}");
                // An alternative spelled like a slot name has lost its braces (ordinary
                // words that happen to name a slot are fine).
                for word in tpl.split(['{', '|', '}']) {
                    let suspicious = !word.is_empty()
                        && !word.contains(' ')
                        && !ORDINARY_WORDS.contains(&word)
                        && ctx.knows(word)
                        && !tpl.contains(&format!("{{{word}}}"));
                    assert!(
                        !suspicious,
                        "bare slot name {word:?} in an alternative of {tpl:?}"
                    );
                }
            }
        }
    }
    for d in DATELINES {
        assert!(d.contains("{PLACE}"));
    }
}

#[test]
fn every_theatre_can_fill_a_long_report_for_each_of_its_topics() {
    // Enough distinct usable templates for the longest reports.
    for theatre in THEATRES {
        for &topic in theatre.topics {
            let tt = for_topic(topic);
            let usable_count = [
                tt.leads,
                tt.details,
                tt.quotes,
                QUOTES_GENERIC,
                REACTIONS,
                BACKGROUND,
                theatre.background,
                CLOSINGS,
            ]
            .iter()
            .flat_map(|l| l.iter())
            .filter(|t| usable(t, theatre, topic))
            .count();
            assert!(
                usable_count >= 30,
                "{} / {topic:?}: {usable_count}",
                theatre.country
            );
        }
    }
}

#[test]
fn slug_is_url_safe() {
    assert_eq!(
        slug("Tajik guards kill 2 on Panj river; 'dozens' fled"),
        "tajik-guards-kill-2-on-panj-river-dozens"
    );
}

#[test]
fn near_duplicate_edits_are_small() {
    let mut paragraphs = vec![
        vec!["Officials said on Tuesday that it was calm.".to_string()],
        vec!["One.".to_string(), "Two.".to_string()],
    ];
    assert!(drop_on_before_weekday(&mut paragraphs));
    assert_eq!(paragraphs[0][0], "Officials said Tuesday that it was calm.");
    assert!(!drop_on_before_weekday(&mut paragraphs));
}

/// Throughput in release builds; debug builds are far slower and skip the check.
#[test]
#[cfg(not(debug_assertions))]
fn generates_faster_than_20_mb_per_second() {
    let start = std::time::Instant::now();
    let bytes: usize = Generator::new(12).take(20_000).map(|r| r.text.len()).sum();
    let secs = start.elapsed().as_secs_f64();
    let mb_s = bytes as f64 / 1e6 / secs;
    assert!(mb_s > 20.0, "{mb_s:.1} MB/s");
}

/// No report speaks of a year after the one it was published in.
#[test]
fn no_report_mentions_a_future_year() {
    for r in corpus(13, 3000) {
        let published: i32 = r.published[0..4].parse().unwrap_or(0);
        for word in r.text.split(|c: char| !c.is_ascii_digit()) {
            if word.len() == 4 && word.starts_with("20") {
                let year: i32 = word.parse().unwrap_or(0);
                assert!(
                    year <= published,
                    "{}: {year} in a {published} report",
                    r.id
                );
            }
        }
    }
}
