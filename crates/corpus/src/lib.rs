//! Deterministic generator of synthetic regional news reports, for benchmarks.
//!
//! The whole-process benchmark needs 10,000–200,000 reports that read like the real
//! input: wire stories about the borders around Afghanistan, with datelines, officials
//! and their titles, quotes, denials, casualty and seizure figures, relative dates, and a
//! few near-duplicates of earlier stories. [`Generator`] writes them from about 370
//! sentence templates (module `templates`, plus per-border background in `vocab`), filled
//! from slot lists of real places, states, organisations and armed groups, with invented
//! officials and outlets.
//!
//! How a report is made: draw a border *theatre* (Tajikistan–, Pakistan–, Iran–,
//! Uzbekistan–, Turkmenistan–Afghanistan, Iran–Pakistan, and Kyrgyzstan as a transit
//! state) and a *topic* (clash, accusation, seizure, refugees, exercise, meeting, arrest,
//! warning, water); draw one context for the whole report (places, speakers, figures,
//! dates relative to the publication date) so that it stays consistent; pick a target
//! length (log-normal, 250–900 words, mean about 440) and a paragraph plan of 4–8
//! paragraphs (lead, details, quotes, the other side's reaction, a "Separately, …" second
//! story with its own context, background, closing); fill the paragraphs with templates,
//! never the same one twice, each template drawing its own `{a|b|c}` wording. About 3 %
//! of reports are near-duplicates of one of the last 64 originals: a re-published wire
//! story with a new headline or outlet and a small edit ("said on Tuesday" → "said
//! Tuesday", a sentence dropped or added, the dateline removed).
//!
//! The same seed always gives the same reports: the generator uses its own xoshiro256**
//! PRNG and no hashing with random state. Generation runs at well over 20 MB of text per
//! second in a release build (`cargo run --release -p spillover-corpus --example generate`
//! prints the rate).
//!
//! ```
//! use spillover_corpus::{to_jsonl_line, Generator};
//!
//! let reports: Vec<_> = Generator::new(42).take(3).collect();
//! assert_eq!(reports.len(), 3);
//! let words = reports[0].text.split_whitespace().count();
//! assert!((250..=900).contains(&words));
//! // Same seed, same corpus.
//! assert_eq!(Generator::new(42).next_report(), reports[0]);
//! let line = to_jsonl_line(&reports[0]);
//! assert!(line.starts_with("{\"id\":") && !line.ends_with('\n'));
//! ```
//!
//! All the reports are fiction written for benchmarking; nothing in them is a real event,
//! and no real person is named.

mod date;
mod render;
mod rng;
mod templates;
mod vocab;

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use date::{Date, WEEKDAYS};
use render::{render, timely, usable, Ctx};
use rng::Rng;
use templates::TopicTemplates;
use vocab::{Theatre, Topic, OUTLETS, THEATRES, THEATRE_WEIGHTS};

/// One synthetic news report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedReport {
    /// Unique within one generator: `syn-<seed in hex>-<sequence number>`.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The body: paragraphs separated by a blank line, the first possibly opening with a dateline.
    pub text: String,
    /// Publication date, `YYYY-MM-DD`, between 2021-09-01 and 2025-12-31.
    pub published: String,
    /// A fictional outlet.
    pub outlet: String,
    /// A URL on the outlet's `.example` site.
    pub url: String,
}

/// Probability that a report is a near-duplicate of an earlier one.
const NEAR_DUPLICATE_RATE: f64 = 0.03;
/// How many recent originals a near-duplicate may copy.
const RECENT: usize = 64;
/// Word-count bounds of every report.
const MIN_WORDS: usize = 250;
const MAX_WORDS: usize = 900;
/// Originals stop growing here, leaving room for a near-duplicate's added sentence.
const SOFT_MAX_WORDS: usize = 885;
/// Originals are at least this long, leaving room for a near-duplicate's dropped sentence.
const SOFT_MIN_WORDS: usize = 275;
/// Background sentences per report, at most.
const MAX_BACKGROUND: usize = 6;
/// Publication dates: 2021-09-01 ..= 2025-12-31, as days since 1970-01-01.
const FIRST_DAY: i64 = 18_871;
const LAST_DAY: i64 = 20_453;

/// The role of a paragraph in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Lead,
    /// "Separately, …": the lead of a second, unrelated story from the same border.
    Secondary,
    /// Details of that second story.
    SecondaryDetail,
    Detail,
    Quote,
    Reaction,
    Background,
    Closing,
}

/// Paragraph plans for 4 to 8 paragraphs.
const PLANS: [&[Kind]; 5] = {
    use Kind::*;
    [
        &[Lead, Detail, Quote, Background],
        &[Lead, Detail, Quote, Reaction, Background],
        &[Lead, Detail, Quote, Reaction, Secondary, Background],
        &[Lead, Detail, Quote, Detail, Reaction, Secondary, Background],
        &[
            Lead, Detail, Quote, Detail, Reaction, Secondary, Background, Closing,
        ],
    ]
};

/// A paragraph under construction.
struct Paragraph {
    kind: Kind,
    sentences: Vec<String>,
    words: usize,
    /// No more sentences of its kind are available.
    closed: bool,
}

/// An original report kept so that a later near-duplicate can copy it.
struct Original {
    title: String,
    title_alt: String,
    dateline: String,
    paragraphs: Vec<Vec<String>>,
    words: usize,
    published: Date,
    outlet: usize,
}

/// Deterministic stream of [`GeneratedReport`]s; also an endless [`Iterator`].
pub struct Generator {
    seed: u64,
    rng: Rng,
    index: u64,
    /// Recent originals not yet copied; each is copied at most once.
    recent: VecDeque<Original>,
    near_duplicates: u64,
}

impl Generator {
    /// A generator whose whole output is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Generator {
            seed,
            rng: Rng::new(seed),
            index: 0,
            recent: VecDeque::with_capacity(RECENT + 1),
            near_duplicates: 0,
        }
    }

    /// How many of the reports generated so far are near-duplicates of an earlier one.
    pub fn near_duplicates(&self) -> u64 {
        self.near_duplicates
    }

    /// How many reports have been generated so far.
    pub fn generated(&self) -> u64 {
        self.index
    }

    /// The next report.
    pub fn next_report(&mut self) -> GeneratedReport {
        self.index += 1;
        if !self.recent.is_empty() && self.rng.chance(NEAR_DUPLICATE_RATE) {
            self.near_duplicates += 1;
            self.near_duplicate()
        } else {
            self.original()
        }
    }

    fn id(&self) -> String {
        format!("syn-{:x}-{:07}", self.seed, self.index)
    }

    fn url(&self, outlet: usize, published: Date, title: &str) -> String {
        format!(
            "https://{}/{:04}/{:02}/{:02}/{}-{}",
            OUTLETS[outlet].host,
            published.year,
            published.month,
            published.day,
            slug(title),
            self.index
        )
    }

    fn original(&mut self) -> GeneratedReport {
        let rng = &mut self.rng;
        let theatre: &'static Theatre = &THEATRES[rng.pick(THEATRE_WEIGHTS)];
        let outlet = rng.below(OUTLETS.len());
        let published =
            Date::from_days(FIRST_DAY + rng.below((LAST_DAY - FIRST_DAY + 1) as usize) as i64);
        let mut topic = rng.pick(theatre.topics);
        while !topic_in_season(theatre, topic, published) {
            topic = rng.pick(theatre.topics);
        }
        let mut ctx = Ctx::new(rng, theatre, topic, OUTLETS[outlet].name, published);
        let tt = templates::for_topic(topic);

        // Two headlines: one for this report, one for a possible re-publication.
        let first = pick_index(rng, tt.titles, theatre, topic, usize::MAX);
        let second = pick_index(rng, tt.titles, theatre, topic, first);
        let mut title = String::new();
        render(tt.titles[first], &mut ctx, &mut title);
        let mut title_alt = String::new();
        render(tt.titles[second], &mut ctx, &mut title_alt);
        ctx.reset_mentions();

        let target = {
            let z = rng.normal();
            let w = (455.0f64.ln() + 0.3 * z).exp();
            (w as usize).clamp(SOFT_MIN_WORDS + 10, SOFT_MAX_WORDS - 30)
        };
        let n_par =
            ((target as f64 / 85.0).round() as i64 + rng.below(3) as i64 - 1).clamp(4, 8) as usize;
        let plan = PLANS[n_par - 4];
        // A second story from the same border, with its own people and figures.
        let second = if plan.contains(&Kind::Secondary) {
            let mut topic2 = rng.pick(theatre.topics);
            for _ in 0..8 {
                if topic2 != topic && topic_in_season(theatre, topic2, published) {
                    break;
                }
                topic2 = rng.pick(theatre.topics);
            }
            if !topic_in_season(theatre, topic2, published) {
                topic2 = topic;
            }
            let ctx2 = Ctx::new(rng, theatre, topic2, OUTLETS[outlet].name, published);
            Some((ctx2, templates::for_topic(topic2), topic2))
        } else {
            None
        };

        let mut dateline = String::new();
        if rng.chance(0.6) {
            let place = render::dateline_place(&ctx, rng);
            let tpl = rng.pick(templates::DATELINES);
            dateline = render::dateline(tpl, &place, &ctx);
        }
        let mut composer = Composer {
            rng,
            ctx: &mut ctx,
            tt,
            topic,
            second,
            used: Vec::with_capacity(32),
            background_left: MAX_BACKGROUND,
        };
        let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(n_par);
        let mut total = dateline.split_whitespace().count();
        for &kind in plan {
            let mut p = Paragraph {
                kind,
                sentences: Vec::with_capacity(4),
                words: 0,
                closed: false,
            };
            if let Some(s) = composer
                .sentence(kind)
                .or_else(|| composer.sentence(Kind::Background))
            {
                p.words += word_count(&s);
                p.sentences.push(s);
            }
            total += p.words;
            paragraphs.push(p);
        }
        // A lead sometimes runs on into a second sentence.
        if composer.rng.chance(0.3) {
            if let Some(s) = composer.sentence(Kind::Detail) {
                let w = word_count(&s);
                if total + w <= SOFT_MAX_WORDS {
                    total += w;
                    paragraphs[0].words += w;
                    paragraphs[0].sentences.push(s);
                }
            }
        }
        // Grow the shortest open paragraphs until the target length is reached: within the
        // usual paragraph sizes, then up to the largest sizes if the report would fall well
        // short of its target, then without limits if it would fall below the minimum.
        let mut phase = Phase::Usual;
        while total < target.max(SOFT_MIN_WORDS) {
            let Some(i) = shortest_open(&paragraphs, composer.rng, phase) else {
                match phase {
                    Phase::Usual if total * 10 < target * 9 => phase = Phase::Relaxed,
                    Phase::Usual | Phase::Relaxed if total < SOFT_MIN_WORDS => {
                        phase = Phase::Unlimited;
                        composer.background_left += 4;
                        for p in &mut paragraphs {
                            p.closed = false;
                        }
                    }
                    _ => break,
                }
                continue;
            };
            let kind = match paragraphs[i].kind {
                Kind::Quote => Kind::Detail,
                Kind::Secondary => Kind::SecondaryDetail,
                k => k,
            };
            match composer.sentence(kind).or_else(|| {
                if kind == Kind::Detail {
                    composer.sentence(Kind::Background)
                } else {
                    None
                }
            }) {
                Some(s) => {
                    let w = word_count(&s);
                    if total + w > SOFT_MAX_WORDS {
                        break;
                    }
                    total += w;
                    paragraphs[i].words += w;
                    paragraphs[i].sentences.push(s);
                }
                None => paragraphs[i].closed = true,
            }
        }

        let paragraphs: Vec<Vec<String>> = paragraphs.into_iter().map(|p| p.sentences).collect();
        let text = join_text(&dateline, &paragraphs);
        let report = GeneratedReport {
            id: self.id(),
            url: self.url(outlet, published, &title),
            title,
            text,
            published: published.iso(),
            outlet: OUTLETS[outlet].name.to_string(),
        };
        let original = Original {
            title: report.title.clone(),
            title_alt,
            dateline,
            paragraphs,
            words: total,
            published,
            outlet,
        };
        self.recent.push_back(original);
        if self.recent.len() > RECENT {
            self.recent.pop_front();
        }
        report
    }

    fn near_duplicate(&mut self) -> GeneratedReport {
        let rng = &mut self.rng;
        let pick = rng.below(self.recent.len());
        let Some(orig) = self.recent.remove(pick) else {
            // Unreachable: the caller checks that `recent` is not empty.
            return self.original();
        };
        let source_text = join_text(&orig.dateline, &orig.paragraphs);
        let mut paragraphs = orig.paragraphs;
        let mut dateline = orig.dateline;
        let mut words = orig.words;

        let wanted = 1 + usize::from(rng.chance(0.4));
        let mut done = 0;
        // Once a sentence is added, none is removed: it could be the one just added.
        let mut added = false;
        for _ in 0..8 {
            if done == wanted {
                break;
            }
            let ok = match rng.below(4) {
                0 => drop_on_before_weekday(&mut paragraphs),
                1 => !added && remove_sentence(rng, &mut paragraphs, &mut words),
                2 => {
                    added = add_sentence(rng, &mut paragraphs, &mut words);
                    added
                }
                _ => {
                    if dateline.is_empty() {
                        false
                    } else {
                        words -= word_count(&dateline);
                        dateline.clear();
                        true
                    }
                }
            };
            done += usize::from(ok);
        }
        let mut text = join_text(&dateline, &paragraphs);
        if done == 0 || text == source_text {
            // Always possible: originals stop short of the upper bound.
            add_sentence(rng, &mut paragraphs, &mut words);
            text = join_text(&dateline, &paragraphs);
        }

        // A new headline, or the same one on another page.
        let title = if rng.chance(0.6) {
            orig.title_alt
        } else {
            orig.title
        };
        let outlet = if rng.chance(0.5) {
            rng.below(OUTLETS.len())
        } else {
            orig.outlet
        };
        let published = orig.published.add_days(rng.below(2) as i64);
        GeneratedReport {
            id: self.id(),
            url: self.url(outlet, published, &title),
            title,
            text,
            published: published.iso(),
            outlet: OUTLETS[outlet].name.to_string(),
        }
    }
}

impl Iterator for Generator {
    type Item = GeneratedReport;

    /// Never `None`: the stream is endless; use [`Iterator::take`].
    fn next(&mut self) -> Option<GeneratedReport> {
        Some(self.next_report())
    }
}

/// Picks sentences for one report, never the same template twice.
struct Composer<'a> {
    rng: &'a mut Rng,
    ctx: &'a mut Ctx,
    tt: &'static TopicTemplates,
    topic: Topic,
    /// The second story's context, templates and topic.
    second: Option<(Ctx, &'static TopicTemplates, Topic)>,
    /// Addresses of the templates already used.
    used: Vec<usize>,
    /// Background sentences still allowed: real reports carry a few, not a page of them.
    background_left: usize,
}

impl Composer<'_> {
    fn pools(&self, kind: Kind) -> [&'static [&'static str]; 2] {
        let t = self.ctx.theatre;
        match kind {
            Kind::Lead => [self.tt.leads, &[]],
            Kind::Secondary => match &self.second {
                Some((_, tt2, _)) => [tt2.leads, &[]],
                None => [&[], &[]],
            },
            Kind::SecondaryDetail => match &self.second {
                Some((_, tt2, _)) => [tt2.details, &[]],
                None => [&[], &[]],
            },
            Kind::Detail => [self.tt.details, &[]],
            Kind::Quote => [self.tt.quotes, templates::QUOTES_GENERIC],
            Kind::Reaction => [templates::REACTIONS, &[]],
            Kind::Background => [templates::BACKGROUND, t.background],
            Kind::Closing => [templates::CLOSINGS, &[]],
        }
    }

    /// A rendered sentence of `kind`, or `None` when every usable template is used up.
    fn sentence(&mut self, kind: Kind) -> Option<String> {
        if kind == Kind::Background {
            if self.background_left == 0 {
                return None;
            }
            self.background_left -= 1;
        }
        let [a, b] = self.pools(kind);
        let n = a.len() + b.len();
        if n == 0 {
            return None;
        }
        let get = |i: usize| if i < a.len() { a[i] } else { b[i - a.len()] };
        let secondary = matches!(kind, Kind::Secondary | Kind::SecondaryDetail);
        let (theatre, published) = (self.ctx.theatre, self.ctx.published);
        let topic = match (&self.second, secondary) {
            (Some((_, _, topic2)), true) => *topic2,
            _ => self.topic,
        };
        let fits = |tpl: &str, used: &[usize]| {
            !used.contains(&(tpl.as_ptr() as usize))
                && usable(tpl, theatre, topic)
                && timely(tpl, published)
        };
        let mut chosen = None;
        for _ in 0..6 {
            let tpl = get(self.rng.below(n));
            if fits(tpl, &self.used) {
                chosen = Some(tpl);
                break;
            }
        }
        if chosen.is_none() {
            let start = self.rng.below(n);
            chosen = (0..n)
                .map(|k| get((start + k) % n))
                .find(|tpl| fits(tpl, &self.used));
        }
        let tpl = chosen?;
        self.used.push(tpl.as_ptr() as usize);
        let mut out = String::with_capacity(tpl.len() + 80);
        match (&mut self.second, secondary) {
            (Some((ctx2, _, _)), true) => {
                if kind == Kind::Secondary {
                    let opening = self.rng.pick(templates::TRANSITIONS);
                    render(opening, ctx2, &mut out);
                    let start = out.len();
                    render(tpl, ctx2, &mut out);
                    lower_sentence_start(&mut out, start);
                } else {
                    render(tpl, ctx2, &mut out);
                }
            }
            _ => render(tpl, self.ctx, &mut out),
        }
        Some(out)
    }
}

/// Whether a story on `topic` fits the date: Pakistan's mass expulsions of Afghans began
/// in late 2023, so earlier Pakistani refugee stories would be anachronisms.
fn topic_in_season(theatre: &Theatre, topic: Topic, published: Date) -> bool {
    !(topic == Topic::Refugees
        && theatre.country == "Pakistan"
        && (published.year, published.month) < (2023, 10))
}

/// Index of a usable template in `list`, different from `not` where possible.
fn pick_index(rng: &mut Rng, list: &[&str], theatre: &Theatre, topic: Topic, not: usize) -> usize {
    let n = list.len();
    let start = rng.below(n);
    (0..n)
        .map(|k| (start + k) % n)
        .find(|&i| i != not && usable(list[i], theatre, topic))
        .or_else(|| (0..n).find(|&i| usable(list[i], theatre, topic)))
        .unwrap_or(0)
}

/// The most sentences a paragraph of this kind usually holds, and the most it may ever hold.
fn sentence_limits(kind: Kind) -> (usize, usize) {
    match kind {
        Kind::Lead | Kind::Closing => (1, 1),
        Kind::Secondary => (4, 6),
        Kind::SecondaryDetail => (0, 0),
        Kind::Quote => (3, 5),
        Kind::Reaction => (2, 3),
        Kind::Detail | Kind::Background => (6, usize::MAX),
    }
}

/// How far paragraphs may grow beyond their usual size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Usual,
    Relaxed,
    Unlimited,
}

/// The open, growable paragraph with the fewest words (ties broken at random), among those
/// below the size that `phase` allows.
fn shortest_open(paragraphs: &[Paragraph], rng: &mut Rng, phase: Phase) -> Option<usize> {
    let offset = rng.below(paragraphs.len());
    (0..paragraphs.len())
        .map(|k| (k + offset) % paragraphs.len())
        .filter(|&i| {
            let p = &paragraphs[i];
            !p.closed
                && !matches!(p.kind, Kind::Lead | Kind::Closing)
                && p.sentences.len()
                    < match (phase, sentence_limits(p.kind)) {
                        (Phase::Usual, (usual, _)) => usual,
                        (Phase::Relaxed, (_, most)) => most,
                        (Phase::Unlimited, _) => usize::MAX,
                    }
        })
        .min_by_key(|&i| paragraphs[i].words)
}

/// After "Separately, ", a sentence that began with a common word goes on in lower case
/// ("At least …" → "at least …"); names keep their capital.
fn lower_sentence_start(out: &mut String, start: usize) {
    const COMMON: &[&str] = &[
        "A",
        "An",
        "The",
        "At",
        "About",
        "Long",
        "More",
        "Security",
        "Officers",
        "Gunmen",
        "Delegations",
        "Thousands",
        "Hundreds",
        "Officials",
        "Troops",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Eleven",
        "Twelve",
    ];
    let first = out[start..].split(' ').next().unwrap_or("");
    if COMMON.contains(&first) {
        let lower = first.to_ascii_lowercase();
        out.replace_range(start..start + lower.len(), &lower);
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn join_text(dateline: &str, paragraphs: &[Vec<String>]) -> String {
    let len = dateline.len()
        + paragraphs
            .iter()
            .map(|p| p.iter().map(|s| s.len() + 1).sum::<usize>() + 2)
            .sum::<usize>();
    let mut text = String::with_capacity(len);
    text.push_str(dateline);
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        for (j, s) in p.iter().enumerate() {
            if j > 0 {
                text.push(' ');
            }
            text.push_str(s);
        }
    }
    text
}

/// "said on Tuesday" → "said Tuesday", once.
fn drop_on_before_weekday(paragraphs: &mut [Vec<String>]) -> bool {
    for p in paragraphs.iter_mut() {
        for s in p.iter_mut() {
            for day in WEEKDAYS {
                let from = format!("said on {day}");
                if let Some(at) = s.find(&from) {
                    s.replace_range(at..at + from.len(), &format!("said {day}"));
                    return true;
                }
            }
        }
    }
    false
}

/// Drops one sentence that does not open its paragraph.
fn remove_sentence(rng: &mut Rng, paragraphs: &mut [Vec<String>], words: &mut usize) -> bool {
    let candidates: Vec<usize> = (1..paragraphs.len())
        .filter(|&i| paragraphs[i].len() >= 2)
        .collect();
    if candidates.is_empty() {
        return false;
    }
    let p = candidates[rng.below(candidates.len())];
    let s = 1 + rng.below(paragraphs[p].len() - 1);
    let w = word_count(&paragraphs[p][s]);
    if *words - w < MIN_WORDS + 2 {
        return false;
    }
    paragraphs[p].remove(s);
    *words -= w;
    true
}

/// Adds a re-publisher's sentence at the end of the story.
fn add_sentence(rng: &mut Rng, paragraphs: &mut Vec<Vec<String>>, words: &mut usize) -> bool {
    let s = rng.pick(templates::EDITORIAL_ADDITIONS);
    let w = word_count(s);
    if *words + w > MAX_WORDS {
        return false;
    }
    if paragraphs.len() < 8 && rng.chance(0.5) {
        paragraphs.push(vec![(*s).to_string()]);
    } else if let Some(last) = paragraphs.last_mut() {
        last.push((*s).to_string());
    } else {
        return false;
    }
    *words += w;
    true
}

/// A URL slug: the first words of the title, lower-case ASCII, joined by hyphens.
fn slug(title: &str) -> String {
    let mut out = String::with_capacity(64);
    let mut words = 0;
    for word in title.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if words > 0 {
            out.push('-');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        words += 1;
        if words == 8 {
            break;
        }
    }
    out
}

/// One JSON object `{"id","url","title","text","published","outlet"}`, without a trailing
/// newline: a line of a JSONL corpus.
pub fn to_jsonl_line(r: &GeneratedReport) -> String {
    let mut out = String::with_capacity(r.text.len() + r.title.len() + r.url.len() + 128);
    out.push('{');
    let fields: [(&str, &str); 6] = [
        ("id", &r.id),
        ("url", &r.url),
        ("title", &r.title),
        ("text", &r.text),
        ("published", &r.published),
        ("outlet", &r.outlet),
    ];
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(key, &mut out);
        out.push(':');
        json_string(value, &mut out);
    }
    out.push('}');
    out
}

/// Appends `s` as a JSON string literal.
fn json_string(s: &str, out: &mut String) {
    out.push('"');
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0..=0x1f => None,
            _ => continue,
        };
        out.push_str(&s[last..i]);
        match escaped {
            Some(e) => out.push_str(e),
            None => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xf)] as char);
            }
        }
        last = i + 1;
    }
    out.push_str(&s[last..]);
    out.push('"');
}

#[cfg(test)]
mod tests;
