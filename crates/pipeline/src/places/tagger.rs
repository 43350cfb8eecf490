//! Recognition and resolution of place mentions.

use super::demonyms::Demonyms;
use super::index::{BorderIndex, Candidate, FeatureKind, PlaceIndex};
use crate::{Component, ComponentError};
use serde_json::{json, Map, Value};
use spillover_doc::{Annotation, Doc, Layer, Span, Token, TokenKind};
// FNV hashing: these maps are read per word (SipHash was ~3 % of the pipeline).
use crate::entities::model::{FastMap as HashMap, FastSet as HashSet};
use std::sync::Arc;

const COMPONENT: &str = "places";

/// Population from which a town resolves without a locative cue.
const TOWN_WITHOUT_CUE: u64 = 50_000;

/// Words before a name that say "this is a place".
const LOCATIVE_CUES: &[&str] = &[
    "in", "near", "at", "from", "into", "across", "outside", "inside", "around", "toward",
    "towards", "via", "through", "to", "between", "reached", "entered", "left", "visited",
];

/// Nouns that, before "of", introduce a place ("the town of Panj").
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "district",
    "province",
    "region",
    "capital",
    "port",
    "crossing",
    "area",
    "outskirts",
    "suburb",
    "oblast",
    "county",
    "valley",
];

/// Words after a name that make it a province or district ("Kunduz province").
const ADMIN_NOUNS: &[&str] = &[
    "province",
    "provinces",
    "region",
    "regions",
    "oblast",
    "governorate",
    "state",
    "district",
    "districts",
];

/// Direction adjectives that make a region of a country ("northern Afghanistan").
const DIRECTIONS: &[(&str, &str)] = &[
    ("northern", "north"),
    ("southern", "south"),
    ("eastern", "east"),
    ("western", "west"),
    ("central", "centre"),
    ("northeastern", "north-east"),
    ("north-eastern", "north-east"),
    ("northwestern", "north-west"),
    ("north-western", "north-west"),
    ("southeastern", "south-east"),
    ("south-eastern", "south-east"),
    ("southwestern", "south-west"),
    ("south-western", "south-west"),
];

/// Verbs that, right after a capital, make it stand for its government.
const GOVERNMENT_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "has",
    "have",
    "had",
    "accused",
    "accuses",
    "denied",
    "denies",
    "rejected",
    "rejects",
    "called",
    "calls",
    "warned",
    "warns",
    "demanded",
    "demands",
    "urged",
    "urges",
    "insists",
    "insisted",
    "claims",
    "claimed",
    "blamed",
    "blames",
    "announced",
    "announces",
    "wants",
    "is",
    "was",
    "will",
    "would",
    "summoned",
    "responded",
];

const BORDER_WORDS: &[&str] = &["border", "borders", "frontier", "boundary"];

/// A word of [`BORDER_WORDS`] in any case (these are ASCII, so no other word folds to
/// one; tested at every token, so without allocating).
fn is_border_word(w: &str) -> bool {
    BORDER_WORDS.iter().any(|b| b.eq_ignore_ascii_case(w))
}

/// What a town named like its own province gains (a weak prior: the seat of a province).
const SEAT_BONUS: f64 = 1.0;

/// Entries kept per thread before the memo starts afresh.
const MEMO_LIMIT: usize = 50_000;

/// Gazetteer lookups and border distances are pure functions of their input, and news
/// repeats its names ("Afghanistan" twenty times a report), so each thread keeps the
/// answers it has computed.
#[derive(Default)]
struct Memo {
    /// The index the answers came from (its address): another tagger clears the memo.
    owner: usize,
    names: HashMap<String, Vec<Candidate>>,
    borders: HashMap<(u64, u64), Option<super::index::NearestBorder>>,
}

impl Memo {
    fn insert_name(&mut self, surface: &str, v: Vec<Candidate>) {
        if self.names.len() > MEMO_LIMIT {
            self.names.clear();
        }
        self.names.insert(surface.to_string(), v);
    }
}

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// One resolved mention before it becomes an annotation.
struct Mention {
    span: Span,
    label: &'static str,
    key: String,
    attrs: Map<String, Value>,
    confidence: f32,
}

/// Why a candidate was chosen, for `spillover place`.
#[derive(Debug, Clone)]
pub struct Explanation {
    pub candidate: Candidate,
    pub score: f64,
    pub reasons: Vec<String>,
}

/// The places stage. Cheap to clone: the reference data is shared.
#[derive(Clone)]
pub struct PlaceTagger {
    index: Arc<dyn PlaceIndex>,
    borders: Arc<dyn BorderIndex>,
    demonyms: Arc<Demonyms>,
    stopwords: Arc<HashSet<String>>,
    boundary_names: Arc<Vec<(String, String, String)>>,
}

impl std::fmt::Debug for PlaceTagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlaceTagger").finish_non_exhaustive()
    }
}

fn parse_stopwords(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

fn parse_boundary_names(text: &str) -> Vec<(String, String, String)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((
                c.next()?.trim().to_lowercase(),
                c.next()?.trim().to_string(),
                c.next()?.trim().to_string(),
            ))
        })
        .collect()
}

fn lower(doc: &Doc, t: &Token) -> String {
    doc.text()[t.span.start..t.span.end].to_lowercase()
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A word that joins the parts of a place name ("Mazar-e Sharif", "Bay of Bengal"), in
/// any case (the words are ASCII or caseless, so comparing without allocating is exact).
fn is_connector(s: &str) -> bool {
    // (and the lower-case particles of names in other languages: "Dar es Salaam",
    // "Rio de Janeiro", "Ras al-Ain"; not English words such as "as" or "at")
    const CONNECTORS: [&str; 36] = [
        "and", "of", "the", "al", "el", "e", "i", "ul", "ol", "de", "du", "la", "le", "-", "–",
        "’", "'", "es", "des", "del", "della", "di", "da", "do", "dos", "das", "der", "den", "van",
        "von", "sur", "y", "ash", "ar", "az", "ad",
    ];
    CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(s))
}

fn sorted_pair(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().asin()
}

/// Evidence around a mention, gathered before ranking.
#[derive(Default, Clone)]
struct Context {
    locative: bool,
    admin_noun_after: bool,
    in_list: bool,
    /// The mention as written, lower-cased: a candidate matched only through one of its
    /// alternate names is weaker evidence than one matched by its own name.
    surface: String,
    /// Where the mention starts (a province named only here is not named "elsewhere").
    start: usize,
}

impl PlaceTagger {
    /// A tagger over the given reference data, with the shipped demonym, stop-word and
    /// boundary-name tables.
    pub fn new(index: Arc<dyn PlaceIndex>, borders: Arc<dyn BorderIndex>) -> PlaceTagger {
        PlaceTagger {
            index,
            borders,
            demonyms: Arc::new(Demonyms::builtin()),
            stopwords: Arc::new(parse_stopwords(include_str!(
                "../../../../data/place-stopwords.txt"
            ))),
            boundary_names: Arc::new(parse_boundary_names(include_str!(
                "../../../../data/boundary-names.tsv"
            ))),
        }
    }

    fn memo_owner(&self) -> usize {
        Arc::as_ptr(&self.index) as *const () as usize
    }

    /// Clears this thread's memo when it holds another tagger's answers.
    fn claim_memo(&self) {
        let owner = self.memo_owner();
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.owner != owner {
                *m = Memo {
                    owner,
                    ..Memo::default()
                };
            }
        });
    }

    /// Whether the gazetteer has this name, memoised per thread (news repeats names).
    fn has_name(&self, surface: &str) -> bool {
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if let Some(v) = m.names.get(surface) {
                return !v.is_empty();
            }
            let has = self.index.contains(surface);
            if !has {
                m.insert_name(surface, Vec::new());
            }
            has
        })
    }

    /// The candidates of a name, memoised per thread.
    fn lookup(&self, surface: &str) -> Vec<Candidate> {
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if let Some(v) = m.names.get(surface) {
                return v.clone();
            }
            let v = self.index.candidates(surface);
            m.insert_name(surface, v.clone());
            v
        })
    }

    /// The nearest international border of a point, memoised per thread.
    fn nearest_border(&self, lat: f64, lon: f64) -> Option<super::index::NearestBorder> {
        let key = (lat.to_bits(), lon.to_bits());
        MEMO.with(|m| {
            if let Some(v) = m.borrow().borders.get(&key) {
                return v.clone();
            }
            let v = self.borders.nearest(lat, lon);
            let mut m = m.borrow_mut();
            if m.borders.len() > MEMO_LIMIT {
                m.borders.clear();
            }
            m.borders.insert(key, v.clone());
            v
        })
    }

    /// A tagger over the shipped gazetteer and boundaries (loaded once per process).
    /// The data is embedded in the binary and validated by the lexicon's tests, so a
    /// failure here is a broken build, not bad input.
    pub fn standard() -> PlaceTagger {
        let data =
            super::reference_data().unwrap_or_else(|e| panic!("shipped reference data: {e}"));
        PlaceTagger::new(Arc::clone(&data.places), Arc::clone(&data.borders))
    }

    /// Scores every candidate of `name` with no document context, best first, with the
    /// reasons: what `spillover place NAME` prints.
    pub fn explain(&self, name: &str) -> Vec<Explanation> {
        let ctx = Context {
            surface: name.to_lowercase(),
            ..Context::default()
        };
        let mut out: Vec<Explanation> = self
            .index
            .candidates(name)
            .into_iter()
            .map(|c| {
                let (score, reasons) =
                    self.score(&c, &ctx, &HashSet::default(), &HashMap::default(), &[]);
                Explanation {
                    candidate: c,
                    score,
                    reasons,
                }
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    fn score(
        &self,
        c: &Candidate,
        ctx: &Context,
        countries: &HashSet<String>,
        admin1s: &HashMap<String, Vec<usize>>,
        province_names: &[String],
    ) -> (f64, Vec<String>) {
        let mut reasons = Vec::new();
        let mut score = match c.kind {
            FeatureKind::Continent | FeatureKind::Region => 9.0,
            FeatureKind::Country => 10.0,
            FeatureKind::Admin1 => 6.0,
            FeatureKind::Admin2 => 5.0,
            FeatureKind::Capital => 5.0 + (c.population as f64 + 10.0).log10() * 0.5,
            FeatureKind::City => (c.population as f64 + 10.0).log10(),
        };
        reasons.push(format!("{} (population {})", c.kind.as_str(), c.population));
        // ("Henan" for "Henan Sheng" is the province's name without its designation, not
        // an alternate name)
        let name = c.name.to_lowercase();
        let designated = c.kind == FeatureKind::Admin1
            && name.len() > ctx.surface.len()
            && name.starts_with(&ctx.surface)
            && name.as_bytes().get(ctx.surface.len()) == Some(&b' ');
        if !ctx.surface.is_empty() && name != ctx.surface && !designated {
            score -= 1.5;
            reasons.push("matched by an alternate name".into());
        }
        if ctx.admin_noun_after && matches!(c.kind, FeatureKind::Admin1 | FeatureKind::Admin2) {
            score += 6.0;
            reasons.push("followed by province/district".into());
        }
        if countries.contains(&c.country) {
            score += 4.0;
            reasons.push(format!("{} is named in the report", c.country));
        }
        if let Some(a1) = &c.admin1 {
            // named elsewhere in the report: the mention itself does not count when a
            // province shares its name ("Tripoli" names a Libyan province and a Lebanese
            // city alike)
            let at = admin1s.get(&a1.to_lowercase());
            let elsewhere = at.is_some_and(|at| at.iter().any(|&o| o != ctx.start));
            let here = at.is_some_and(|at| at.contains(&ctx.start));
            // (nor does a town of that country matched by an alternate or former name:
            // "Minnesota" is not Minneota, Minnesota, "Nebraska" not a Virginia town once
            // called so)
            let namesake_of_province =
                c.kind != FeatureKind::Admin1 && province_names.contains(&c.country);
            if namesake_of_province {
                reasons.push(format!("a province of {} has this name", c.country));
            } else if c.kind != FeatureKind::Admin1 && elsewhere {
                score += 5.0;
                reasons.push(format!("its province {a1} is named in the report"));
            } else if c.kind != FeatureKind::Admin1 && here {
                // a town whose name is also its own province's is usually the seat
                // (Kunduz, Herat): a weaker prior than a province named elsewhere
                score += SEAT_BONUS;
                reasons.push(format!("named like its province {a1}"));
            }
        }
        (score, reasons)
    }

    /// Collects the place context of the whole report: countries named or implied by a
    /// demonym, and province names.
    fn doc_context(&self, doc: &Doc) -> (HashSet<String>, HashMap<String, Vec<usize>>) {
        let mut countries = HashSet::default();
        let mut admin1s: HashMap<String, Vec<usize>> = HashMap::default();
        let tokens = doc.tokens();
        for (k, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let word = &doc.text()[t.span.start..t.span.end];
            if !starts_upper(word) {
                continue;
            }
            // "New Mexico" does not name Mexico, nor "Papua New Guinea" Guinea: the word
            // ends a longer name
            if let Some(prev) = k.checked_sub(1).map(|p| &tokens[p]) {
                let before = &doc.text()[prev.span.start..prev.span.end];
                let joined = doc.text().get(prev.span.start..t.span.end).unwrap_or("");
                if prev.kind == TokenKind::Word
                    && starts_upper(before)
                    && prev.span.end + 1 == t.span.start
                    && self.has_name(joined)
                {
                    continue;
                }
            }
            if let Some(a3) = self.demonyms.country(word) {
                countries.insert(a3.to_string());
                continue;
            }
            if !self.has_name(word) {
                continue;
            }
            // each province name once per occurrence (a name may give several), with
            // where it was named
            let mut named: Vec<String> = Vec::new();
            for c in self.lookup(word) {
                match c.kind {
                    FeatureKind::Country => {
                        countries.insert(c.country.clone());
                    }
                    FeatureKind::Admin1 => {
                        let name = c.name.to_lowercase();
                        if !named.contains(&name) {
                            named.push(name);
                        }
                    }
                    _ => {}
                }
            }
            for name in named {
                admin1s.entry(name).or_default().push(t.span.start);
            }
        }
        (countries, admin1s)
    }

    /// All place mentions of a doc, without adding them.
    pub fn annotate(&self, doc: &Doc) -> Vec<Annotation> {
        self.claim_memo();
        let (countries, admin1s) = self.doc_context(doc);
        let mut mentions: Vec<Mention> = Vec::new();
        for &sentence in doc.sentences() {
            let toks = doc.tokens_in(sentence);
            self.sentence_mentions(doc, toks, &countries, &admin1s, &mut mentions);
        }
        // A word the dates stage took ("In March", "on Sunday") is not a place.
        let dates: Vec<Span> = doc.layer(Layer::Dates).iter().map(|a| a.span).collect();
        mentions.retain(|m| m.label == "border" || !dates.iter().any(|d| d.overlaps(m.span)));
        self.refine_by_proximity(&mut mentions, &countries);
        mentions
            .into_iter()
            .map(|m| {
                Annotation::new(m.span, m.label, COMPONENT, m.confidence)
                    .with_key(m.key)
                    .with_attrs(Value::Object(m.attrs))
            })
            .collect()
    }

    fn sentence_mentions(
        &self,
        doc: &Doc,
        toks: &[Token],
        countries: &HashSet<String>,
        admin1s: &HashMap<String, Vec<usize>>,
        out: &mut Vec<Mention>,
    ) {
        let text = doc.text();
        let max_n = self.index.max_tokens().clamp(1, 8);
        // In a title-case headline every word is capitalised, so capitals say nothing
        // about names there.
        let words: Vec<&Token> = toks.iter().filter(|t| t.kind == TokenKind::Word).collect();
        let capitalised = words
            .iter()
            .filter(|t| starts_upper(&text[t.span.start..t.span.end]))
            .count();
        let headline = words.len() >= 4 && capitalised * 10 >= words.len() * 7;
        let mut i = 0;
        while i < toks.len() {
            if let Some((m, next)) = self.border_phrase(doc, toks, i) {
                out.push(m);
                i = next;
                continue;
            }
            let first = &text[toks[i].span.start..toks[i].span.end];
            if toks[i].kind != TokenKind::Word || !starts_upper(first) {
                i += 1;
                continue;
            }
            // "#SouthSudan", "#GazaUnderAttack": a place at the head of a hashtag written
            // in camel case
            if let Some((len, surface)) = self.camel_hashtag(text, &toks[i]) {
                let mut ctx = self.context(doc, toks, i, i);
                ctx.surface = surface.to_lowercase();
                let cands = self.lookup(&surface);
                if let Some(mut m) = self.resolve(doc, toks, i, i, cands, &ctx, countries, admin1s)
                {
                    m.span.end = toks[i].span.start + len;
                    out.push(m);
                }
                i += 1;
                continue;
            }
            // The run of capitalised words and connectors from `i` bounds the n-grams worth
            // looking up, so most positions cost one or two lookups.
            let mut run = 0;
            while run < max_n && i + run < toks.len() {
                let t = &toks[i + run];
                let w = &text[t.span.start..t.span.end];
                if !(starts_upper(w) || is_connector(w)) {
                    break;
                }
                run += 1;
            }
            let mut found: Option<(usize, Vec<Candidate>)> = None;
            for n in (1..=run).rev() {
                let j = i + n - 1;
                let last = &text[toks[j].span.start..toks[j].span.end];
                if !starts_upper(last) {
                    continue;
                }
                let surface = &text[toks[i].span.start..toks[j].span.end];
                if surface.contains('\n') || !self.has_name(surface) {
                    continue;
                }
                found = Some((j, self.lookup(surface)));
                break;
            }
            // "U.S.", "UK", "America": short names of countries, which the gazetteer may
            // lack or share with a village somewhere.
            if let Some(c) = self
                .demonyms
                .short_name(first)
                .and_then(|a3| self.index.country(a3))
            {
                match &mut found {
                    Some((j, cands))
                        if *j == i
                            && !cands.iter().any(|x| {
                                x.kind == FeatureKind::Country && x.country == c.country
                            }) =>
                    {
                        cands.push(c);
                    }
                    None => found = Some((i, vec![c])),
                    _ => {}
                }
            }
            let Some((j, cands)) = found else {
                i += 1;
                continue;
            };
            // A country inside a longer name ("U.S. Centers for Disease Control",
            // "Pakistan Army") is still that country; other places there are part of a
            // person's or an organisation's name.
            let country_named = cands
                .iter()
                .any(|c| matches!(c.kind, FeatureKind::Country | FeatureKind::Continent));
            if !headline && !country_named && self.inside_longer_name(doc, toks, i, j) {
                i = j + 1;
                continue;
            }
            let span = Span {
                start: toks[i].span.start,
                end: toks[j].span.end,
            };
            // The entity tagger (when it ran): a person's name, or a longer organisation
            // name, is not a place; a name it calls a location needs no further cue.
            // A following "district" or "province" outweighs the tagger.
            let entity = entity_verdict(doc, span);
            let mut ctx = self.context(doc, toks, i, j);
            let cued = ctx.admin_noun_after;
            if !country_named && !cued && entity == EntityVerdict::NotPlace {
                i = j + 1;
                continue;
            }
            ctx.locative |= entity == EntityVerdict::Location;
            let single = i == j;
            let surface_lower = text[toks[i].span.start..toks[j].span.end]
                .trim_end_matches('.')
                .to_lowercase();
            if single && self.stopwords.contains(&surface_lower) && !ctx.locative {
                i = j + 1;
                continue;
            }
            // A name the actor registry gives an organisation ("Taliban", "Hamas"), not a
            // state, is that organisation, even where some village shares it.
            if !cued && names_an_organisation(&text[toks[i].span.start..toks[j].span.end]) {
                i = j + 1;
                continue;
            }
            if let Some(m) = self.resolve(doc, toks, i, j, cands, &ctx, countries, admin1s) {
                out.push(m);
            }
            i = j + 1;
        }
    }

    /// A hashtag in camel case at token `t` whose leading words name a place: the byte
    /// length of those words in the token and the name with spaces ("#NewYorkStrong" →
    /// (7, "New York")).
    fn camel_hashtag(&self, text: &str, t: &Token) -> Option<(usize, String)> {
        if t.span.start == 0 || text.as_bytes().get(t.span.start - 1) != Some(&b'#') {
            return None;
        }
        let word = &text[t.span.start..t.span.end];
        // the byte offsets where a capital follows a lower-case letter
        let mut cuts = vec![0];
        let mut prev_lower = false;
        for (k, c) in word.char_indices() {
            if c.is_uppercase() && prev_lower {
                cuts.push(k);
            }
            prev_lower = c.is_lowercase();
        }
        if cuts.len() < 2 {
            return None;
        }
        cuts.push(word.len());
        (1..cuts.len()).rev().find_map(|n| {
            let parts: Vec<&str> = cuts.windows(2).take(n).map(|w| &word[w[0]..w[1]]).collect();
            let surface = parts.join(" ");
            self.has_name(&surface).then(|| (cuts[n], surface))
        })
    }

    fn context(&self, doc: &Doc, toks: &[Token], i: usize, j: usize) -> Context {
        let prev = |k: usize| i.checked_sub(k).map(|p| lower(doc, &toks[p]));
        let next = toks.get(j + 1).map(|t| lower(doc, t));
        let p1 = prev(1);
        let locative = p1.as_deref().is_some_and(|w| LOCATIVE_CUES.contains(&w))
            || (p1.as_deref() == Some("of")
                && prev(2).as_deref().is_some_and(|w| PLACE_NOUNS.contains(&w)));
        let admin_noun_after = next.as_deref().is_some_and(|w| ADMIN_NOUNS.contains(&w))
            || self.list_ends_in_admin_noun(doc, toks, j);
        let in_list = matches!(p1.as_deref(), Some(",") | Some("and"))
            || matches!(next.as_deref(), Some(",") | Some("and"));
        // "Woodstock is a town in …": the name is said to be a place.
        let copula = matches!(next.as_deref(), Some("is") | Some("was"))
            && toks[j + 1..]
                .iter()
                .skip(1)
                .take(4)
                .any(|t| PLACE_NOUNS.contains(&lower(doc, t).as_str()));
        let surface = doc.text()[toks[i].span.start..toks[j].span.end].to_lowercase();
        // "the Torkham crossing", "Termez bridge": a crossing names a place.
        let crossing = next
            .as_deref()
            .is_some_and(|w| matches!(w, "crossing" | "border" | "checkpoint" | "bridge" | "port"));
        // "#Ferguson": a hashtag names what the post is about
        let hashtag = toks[i].span.start > 0
            && doc.text().as_bytes().get(toks[i].span.start - 1) == Some(&b'#');
        Context {
            locative: locative || copula || crossing || hashtag,
            admin_noun_after,
            in_list,
            surface,
            start: toks[i].span.start,
        }
    }

    /// Whether tokens `i..=j` sit inside a longer capitalised name ("Nelson Mandela",
    /// "Moscow State University", "Dr. David Heymann"): a place name there is part of a
    /// person's or an organisation's name. A following place noun ("Kunduz Province",
    /// "New York City") does not count.
    fn inside_longer_name(&self, doc: &Doc, toks: &[Token], i: usize, j: usize) -> bool {
        let text = doc.text();
        let capital_word = |t: &Token| {
            let w = &text[t.span.start..t.span.end];
            t.kind == TokenKind::Word && starts_upper(w) && !is_connector(w)
        };
        let before = i.checked_sub(1).map(|p| &toks[p]).is_some_and(|t| {
            capital_word(t)
                && i > 1
                && self
                    .demonyms
                    .country(&text[t.span.start..t.span.end])
                    .is_none()
        });
        let after = toks.get(j + 1).is_some_and(|t| {
            let w = lower(doc, t);
            capital_word(t)
                && !PLACE_NOUNS.contains(&w.as_str())
                && !ADMIN_NOUNS.contains(&w.as_str())
                && !BORDER_WORDS.contains(&w.as_str())
        });
        before || after
    }

    /// "Badakhshan, Kunduz, and Takhar provinces": a list of capitalised names ending in a
    /// plural province noun makes each of them a province.
    fn list_ends_in_admin_noun(&self, doc: &Doc, toks: &[Token], j: usize) -> bool {
        let text = doc.text();
        let mut k = j + 1;
        let mut steps = 0;
        while k < toks.len() && steps < 12 {
            let w = &text[toks[k].span.start..toks[k].span.end];
            let wl = w.to_lowercase();
            if wl == "provinces" || wl == "regions" || wl == "districts" {
                return true;
            }
            if !(w == "," || wl == "and" || starts_upper(w)) {
                return false;
            }
            k += 1;
            steps += 1;
        }
        false
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &self,
        doc: &Doc,
        toks: &[Token],
        i: usize,
        j: usize,
        cands: Vec<Candidate>,
        ctx: &Context,
        countries: &HashSet<String>,
        admin1s: &HashMap<String, Vec<usize>>,
    ) -> Option<Mention> {
        let text = doc.text();
        let n_cands = cands.len();
        // Countries with a province of exactly this name: there the name is the province's,
        // and a namesake town of that country takes no credit from other provinces named
        // in the report ("Arizona, California, Colorado, …, Missouri": not the town of
        // California in Missouri).
        let province_names: Vec<String> = cands
            .iter()
            .filter(|c| c.kind == FeatureKind::Admin1 && c.name.to_lowercase() == ctx.surface)
            .map(|c| c.country.clone())
            .collect();
        let mut scored: Vec<(f64, Vec<String>, Candidate)> = cands
            .into_iter()
            .map(|c| {
                let (s, r) = self.score(&c, ctx, countries, admin1s, &province_names);
                (s, r, c)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (mut best_score, mut why, mut best) = scored.first()?.clone();
        // "Kunduz" alone is the city, "Kunduz province" the province; likewise a district
        // named like its seat town ("Zaranj"). The province's town must be its main one,
        // not a namesake village (California, MD); a district gives no population.
        let area = match best.kind {
            FeatureKind::Admin1 => Some((10_000, "province")),
            FeatureKind::Admin2 => Some((1_000, "district")),
            _ => None,
        };
        if let Some((min_pop, noun)) = area.filter(|_| !ctx.admin_noun_after) {
            if let Some((s, r, c)) = scored.iter().find(|(_, _, c)| {
                matches!(c.kind, FeatureKind::City | FeatureKind::Capital)
                    && c.country == best.country
                    && c.name.eq_ignore_ascii_case(&best.name)
                    && c.population >= min_pop
                    && c.population * 5 >= best.population
            }) {
                (best_score, why, best) = (*s, r.clone(), c.clone());
                why.push(format!("the town, as no {noun} noun follows"));
            }
        }
        // A small town needs a cue: a locative word, or a list of places in a country the
        // report names. ("Khorasan province" is evidence for a province, not for a town of
        // that name elsewhere.)
        if best.kind == FeatureKind::City && best.population < TOWN_WITHOUT_CUE {
            let evidence = ctx.locative || (ctx.in_list && countries.contains(&best.country));
            if !evidence {
                return None;
            }
        }
        let runner_up = scored.get(1).map_or(0.0, |s| s.0);
        let margin = (best_score - runner_up).max(0.0);
        let confidence = (0.5 + margin / 10.0).min(0.99) as f32;

        let mut span = Span {
            start: toks[i].span.start,
            end: toks[j].span.end,
        };
        let mut label = best.kind.as_str();
        let mut precision = best.kind.precision();
        let mut attrs = Map::new();
        // "northern Afghanistan": a region of a country.
        if best.kind == FeatureKind::Country {
            if let Some(prev) = i.checked_sub(1) {
                let w = lower(doc, &toks[prev]);
                if let Some((_, dir)) = DIRECTIONS.iter().find(|(adj, _)| *adj == w) {
                    span.start = toks[prev].span.start;
                    label = "region";
                    precision = "region";
                    attrs.insert("direction".into(), json!(dir));
                }
            }
            // "Tajikistan's southern borders": a border region.
            let rest: Vec<String> = toks[j + 1..]
                .iter()
                .take(3)
                .map(|t| lower(doc, t))
                .collect();
            if rest.len() >= 3
                && (rest[0] == "’s" || rest[0] == "'s")
                && BORDER_WORDS.contains(&rest[2].as_str())
            {
                if let Some((_, dir)) = DIRECTIONS.iter().find(|(adj, _)| *adj == rest[1]) {
                    span.end = toks[j + 3].span.end;
                    label = "border_region";
                    precision = "border_region";
                    attrs.insert("direction".into(), json!(dir));
                }
            }
        }
        // A capital that speaks or acts ("Islamabad has called on …"), or that is told,
        // urged or handed something ("hand them over to Islamabad"), stands for its
        // government.
        if best.kind == FeatureKind::Capital {
            let next = toks.get(j + 1).map(|t| lower(doc, t));
            let p1 = i.checked_sub(1).map(|p| lower(doc, &toks[p]));
            let p2 = i.checked_sub(2).map(|p| lower(doc, &toks[p]));
            let subject = (i == 0 || matches!(p1.as_deref(), Some(",") | Some("“") | Some("\"")))
                && next
                    .as_deref()
                    .is_some_and(|w| GOVERNMENT_VERBS.contains(&w));
            let addressee = matches!(
                p1.as_deref(),
                Some("with" | "urged" | "accused" | "told" | "asked" | "pressed" | "blamed")
            ) || (p1.as_deref() == Some("to") && p2.as_deref() == Some("over"));
            if subject || addressee {
                attrs.insert("role".into(), json!("government"));
                attrs.insert("government_of".into(), json!(best.country));
            }
        }
        attrs.insert("name".into(), json!(best.name));
        attrs.insert("geonameid".into(), json!(best.geonameid));
        attrs.insert("country".into(), json!(best.country));
        attrs.insert("admin1".into(), json!(best.admin1));
        attrs.insert("lat".into(), json!(best.lat));
        attrs.insert("lon".into(), json!(best.lon));
        attrs.insert("kind".into(), json!(best.kind.as_str()));
        attrs.insert("precision".into(), json!(precision));
        attrs.insert("candidates".into(), json!(n_cands));
        attrs.insert("why".into(), json!(why));
        if let Some(nb) = self.nearest_border(best.lat, best.lon) {
            attrs.insert("border_km".into(), json!((nb.km * 10.0).round() / 10.0));
            attrs.insert(
                "border_pair".into(),
                json!(format!("{}-{}", nb.pair.0, nb.pair.1)),
            );
        }
        let _ = text;
        Some(Mention {
            span,
            label,
            key: best.geonameid.to_string(),
            attrs,
            confidence,
        })
    }

    /// Boundary phrases at token `i`: "Tajik-Afghan border", "Tajik–Afghan border",
    /// "Iran's border with Pakistan", "the border between Iran and Pakistan",
    /// "the Durand Line". Returns the mention and the next token index.
    fn border_phrase(&self, doc: &Doc, toks: &[Token], i: usize) -> Option<(Mention, usize)> {
        let text = doc.text();
        let word = |k: usize| toks.get(k).map(|t| &text[t.span.start..t.span.end]);
        let w0 = word(i)?;
        // Named boundaries.
        let first = w0.as_bytes().first().map(u8::to_ascii_lowercase);
        for (phrase, a, b) in self.boundary_names.iter() {
            // (this runs at every token: a first-letter test before anything else)
            if phrase.as_bytes().first().copied() != first && w0.is_ascii() {
                continue;
            }
            let n = phrase.split_whitespace().count();
            if i + n <= toks.len() {
                let surface = &text[toks[i].span.start..toks[i + n - 1].span.end];
                let same = if surface.is_ascii() {
                    surface.eq_ignore_ascii_case(phrase)
                } else {
                    surface.to_lowercase() == *phrase
                };
                if same {
                    let span = Span {
                        start: toks[i].span.start,
                        end: toks[i + n - 1].span.end,
                    };
                    return Some((self.border_mention(span, a, b, "named boundary"), i + n));
                }
            }
        }
        // "Tajik-Afghan border" (one hyphenated token).
        if let Some(bw) = word(i + 1) {
            if BORDER_WORDS.iter().any(|b| b.eq_ignore_ascii_case(bw)) {
                if let Some((l, r)) = w0.split_once(['-', '–']) {
                    if let (Some(a), Some(b)) = (self.demonyms.country(l), self.demonyms.country(r))
                    {
                        if a != b {
                            let span = Span {
                                start: toks[i].span.start,
                                end: toks[i + 1].span.end,
                            };
                            return Some((self.border_mention(span, a, b, "X-Y border"), i + 2));
                        }
                    }
                }
            }
        }
        // "Tajik – Afghan border" (three tokens).
        if let (Some(dash), Some(r), Some(bw)) = (word(i + 1), word(i + 2), word(i + 3)) {
            if (dash == "-" || dash == "–") && is_border_word(bw) {
                if let (Some(a), Some(b)) = (self.demonyms.country(w0), self.demonyms.country(r)) {
                    if a != b {
                        let span = Span {
                            start: toks[i].span.start,
                            end: toks[i + 3].span.end,
                        };
                        return Some((self.border_mention(span, a, b, "X-Y border"), i + 4));
                    }
                }
            }
        }
        // "Iran's border with Pakistan" / "Iran border with Pakistan".
        // (names of countries and their demonyms start with a letter: skip the rest cheaply)
        let letter = w0.chars().next().is_some_and(char::is_alphabetic);
        if let Some(a) = letter.then(|| self.demonyms.country(w0)).flatten() {
            let mut k = i + 1;
            if matches!(word(k), Some("’s") | Some("'s")) {
                k += 1;
            }
            if let (Some(bw), Some(with), Some(other)) = (word(k), word(k + 1), word(k + 2)) {
                if is_border_word(bw) && with.eq_ignore_ascii_case("with") {
                    if let Some(b) = self.demonyms.country(other) {
                        if a != b {
                            let span = Span {
                                start: toks[i].span.start,
                                end: toks[k + 2].span.end,
                            };
                            return Some((
                                self.border_mention(span, a, b, "X's border with Y"),
                                k + 3,
                            ));
                        }
                    }
                }
            }
        }
        // "border between Iran and Pakistan".
        if is_border_word(w0) {
            if let (Some(between), Some(x), Some(and), Some(y)) =
                (word(i + 1), word(i + 2), word(i + 3), word(i + 4))
            {
                if between.eq_ignore_ascii_case("between") && and.eq_ignore_ascii_case("and") {
                    if let (Some(a), Some(b)) = (self.demonyms.country(x), self.demonyms.country(y))
                    {
                        if a != b {
                            let span = Span {
                                start: toks[i].span.start,
                                end: toks[i + 4].span.end,
                            };
                            return Some((
                                self.border_mention(span, a, b, "border between X and Y"),
                                i + 5,
                            ));
                        }
                    }
                }
            }
        }
        None
    }

    fn border_mention(&self, span: Span, a: &str, b: &str, why: &str) -> Mention {
        let (a, b) = sorted_pair(a, b);
        let key = format!("{a}-{b}");
        let mut attrs = Map::new();
        attrs.insert("name".into(), json!(format!("{a}–{b} border")));
        attrs.insert("pair".into(), json!([a, b]));
        attrs.insert("kind".into(), json!("border"));
        attrs.insert("precision".into(), json!("border"));
        attrs.insert("border_km".into(), json!(0.0));
        attrs.insert("border_pair".into(), json!(key));
        attrs.insert("why".into(), json!([why]));
        if let Some((lat, lon)) = self.borders.reference_point(&a, &b) {
            attrs.insert("lat".into(), json!(lat));
            attrs.insert("lon".into(), json!(lon));
        }
        Mention {
            span,
            label: "border",
            key,
            attrs,
            confidence: 0.9,
        }
    }

    /// Second pass: where a name had several candidates, prefer the one near the report's
    /// other places (a "Panj" next to "Khorog" is the Tajik town).
    fn refine_by_proximity(&self, mentions: &mut [Mention], countries: &HashSet<String>) {
        let anchors: Vec<(f64, f64)> = mentions
            .iter()
            .filter(|m| m.attrs.get("candidates").and_then(Value::as_u64) == Some(1))
            .filter(|m| m.attrs.get("precision").and_then(Value::as_str) == Some("point"))
            .filter_map(|m| Some((m.attrs.get("lat")?.as_f64()?, m.attrs.get("lon")?.as_f64()?)))
            .collect();
        if anchors.is_empty() {
            return;
        }
        let mut cache: HashMap<String, Vec<Candidate>> = HashMap::default();
        for m in mentions.iter_mut() {
            let ambiguous = m
                .attrs
                .get("candidates")
                .and_then(Value::as_u64)
                .unwrap_or(0)
                > 1;
            let is_point = m.attrs.get("precision").and_then(Value::as_str) == Some("point");
            if !ambiguous || !is_point {
                continue;
            }
            let current_country = m
                .attrs
                .get("country")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let Some(name) = m
                .attrs
                .get("name")
                .and_then(Value::as_str)
                .map(str::to_string)
            else {
                continue;
            };
            let cands = cache
                .entry(name.clone())
                .or_insert_with(|| self.index.candidates(&name));
            let near = |c: &Candidate| {
                anchors
                    .iter()
                    .map(|&a| haversine_km(a, (c.lat, c.lon)))
                    .fold(f64::MAX, f64::min)
            };
            let current = (
                m.attrs.get("lat").and_then(Value::as_f64).unwrap_or(0.0),
                m.attrs.get("lon").and_then(Value::as_f64).unwrap_or(0.0),
            );
            let current_dist = anchors
                .iter()
                .map(|&a| haversine_km(a, current))
                .fold(f64::MAX, f64::min);
            if let Some(best) = cands
                .iter()
                .filter(|c| matches!(c.kind, FeatureKind::City | FeatureKind::Capital))
                .min_by(|a, b| near(a).total_cmp(&near(b)))
            {
                // Switch only for a clearly closer namesake of some size, and never out of
                // a country the report names into one it does not ("Paris" beside Sofia
                // is not a Ukrainian village when France is named).
                let leaves_named =
                    countries.contains(&current_country) && !countries.contains(&best.country);
                if near(best) + 300.0 < current_dist && best.population >= 1_000 && !leaves_named {
                    m.attrs.insert("geonameid".into(), json!(best.geonameid));
                    m.attrs.insert("country".into(), json!(best.country));
                    m.attrs.insert("admin1".into(), json!(best.admin1));
                    m.attrs.insert("lat".into(), json!(best.lat));
                    m.attrs.insert("lon".into(), json!(best.lon));
                    m.key = best.geonameid.to_string();
                    if let Some(Value::Array(why)) = m.attrs.get_mut("why") {
                        why.push(json!("near the report's other places"));
                    }
                    if let Some(nb) = self.nearest_border(best.lat, best.lon) {
                        m.attrs
                            .insert("border_km".into(), json!((nb.km * 10.0).round() / 10.0));
                        m.attrs.insert(
                            "border_pair".into(),
                            json!(format!("{}-{}", nb.pair.0, nb.pair.1)),
                        );
                    }
                }
            }
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum EntityVerdict {
    Location,
    NotPlace,
    Unknown,
}

/// What the entities layer says about a candidate place name.
fn entity_verdict(doc: &Doc, span: Span) -> EntityVerdict {
    for e in doc.layer(Layer::Entities) {
        if !e.span.contains(span) || e.confidence < 0.8 {
            continue;
        }
        return match e.label.as_ref() {
            "LOC" if e.span == span => EntityVerdict::Location,
            "PER" => EntityVerdict::NotPlace,
            "ORG" | "MISC" if e.span.len() > span.len() => EntityVerdict::NotPlace,
            _ => EntityVerdict::Unknown,
        };
    }
    EntityVerdict::Unknown
}

impl Component for PlaceTagger {
    fn name(&self) -> &'static str {
        COMPONENT
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Places]
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        for a in self.annotate(doc) {
            doc.add(Layer::Places, a)
                .map_err(|source| ComponentError::Span {
                    component: COMPONENT,
                    source,
                })?;
        }
        Ok(())
    }
}

/// Whether the actor registry names an armed group, IGO, media outlet or other
/// non-state organisation by `surface` (its name or an alias, not a metonym).
fn names_an_organisation(surface: &str) -> bool {
    use spillover_lexicon::actors::{ActorKind, NameKind, Registry};
    let Ok(registry) = Registry::shared() else {
        return false;
    };
    let hits = registry.lookup(surface);
    !hits.is_empty()
        && hits.iter().all(|(e, how)| {
            *how == NameKind::Name
                && matches!(
                    e.kind,
                    ActorKind::ArmedGroup | ActorKind::Igo | ActorKind::MediaOutlet
                )
        })
}
