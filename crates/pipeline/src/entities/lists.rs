//! The reference lists the entity tagger reads as features: the world gazetteer, the actor
//! registry, given names (`data/names/given-names.txt`), titles and ranks
//! (`data/names/titles.tsv`) and demonyms (`data/demonyms.tsv`).

use super::model::{FastMap, FastSet};
use crate::places::demonyms::Demonyms;
use spillover_lexicon::actors::{is_acronym, Registry};
use spillover_lexicon::gazetteer::{fold, with_folded, Gazetteer, PlaceKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Title categories, in the order of `data/names/titles.tsv`'s `category` column values.
pub const TITLE_CATEGORIES: [&str; 4] = ["rank", "office", "honorific", "role"];

/// Lists as loaded once per process.
pub struct Lists {
    /// Distinguishes instances in the per-thread lookup memo.
    id: usize,
    gazetteer: Option<&'static Gazetteer>,
    given: FastSet<String>,
    particles: FastSet<String>,
    titles: FastMap<String, u8>,
    title_first: FastSet<String>,
    title_words: usize,
    demonyms: Demonyms,
    registry_folded: FastMap<String, u8>,
    registry_acronyms: FastMap<String, u8>,
    /// First words (folded) of registry names: a cheap test before n-gram lookups.
    registry_first: FastSet<String>,
    registry_words: usize,
}

/// Why a shipped list could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error("titles line {line}: {message}")]
    Titles { line: usize, message: String },
}

/// Parses `title TAB category TAB note` rows into folded title → category index.
pub fn parse_titles(tsv: &str) -> Result<HashMap<String, u8>, ListError> {
    let mut out = HashMap::new();
    let mut header = false;
    for (n, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header {
            header = true;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |message: String| ListError::Titles {
            line: n + 1,
            message,
        };
        if cols.len() < 2 {
            return Err(err("expected title TAB category TAB note".into()));
        }
        let cat = TITLE_CATEGORIES
            .iter()
            .position(|c| *c == cols[1].trim())
            .ok_or_else(|| err(format!("unknown category {:?}", cols[1])))?;
        let key = fold(cols[0].trim());
        if !key.is_empty() {
            // a title in several categories keeps the first (rank before office)
            out.entry(key).or_insert(cat as u8);
        }
    }
    Ok(out)
}

impl Lists {
    /// The shipped lists (the gazetteer and registry are left out when they fail to load:
    /// the tagger then runs on its other features).
    pub fn standard() -> &'static Lists {
        static LISTS: OnceLock<Lists> = OnceLock::new();
        LISTS.get_or_init(|| {
            let titles = parse_titles(include_str!("../../../../data/names/titles.tsv"))
                .unwrap_or_else(|e| panic!("shipped titles table is broken: {e}"));
            let given = include_str!("../../../../data/names/given-names.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect();
            let mut lists = Lists::new(
                Gazetteer::shared().ok(),
                Registry::shared().ok(),
                given,
                titles,
                Demonyms::builtin(),
            );
            lists.particles = include_str!("../../../../data/names/surname-particles.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                // "as-", "ad-Din": attached with a hyphen, so inside one token anyway
                .filter(|l| !l.contains(['-', ' ', '\'']))
                .map(str::to_lowercase)
                // particles that are also everyday English words would glue "X at Y"
                .filter(|l| {
                    !matches!(
                        l.as_str(),
                        "do" | "ten" | "y" | "ag" | "af" | "av" | "as" | "at" | "an"
                    )
                })
                .collect();
            lists
        })
    }

    pub fn new(
        gazetteer: Option<&'static Gazetteer>,
        registry: Option<&Registry>,
        given: HashSet<String>,
        titles: HashMap<String, u8>,
        demonyms: Demonyms,
    ) -> Lists {
        let mut registry_folded = FastMap::default();
        let mut registry_acronyms = FastMap::default();
        let mut registry_first = FastSet::default();
        let mut registry_words = 0;
        if let Some(r) = registry {
            for (name, entry, _) in r.names() {
                let kind = entry.kind as u8 + 1;
                registry_words = registry_words.max(name.split_whitespace().count());
                if is_acronym(name) {
                    registry_acronyms.entry(name.to_string()).or_insert(kind);
                } else {
                    let f = fold(name);
                    if let Some(w) = f.split(' ').next() {
                        registry_first.insert(w.to_string());
                    }
                    registry_folded.entry(f).or_insert(kind);
                }
            }
        }
        let title_words = titles
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        let title_first = titles
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        Lists {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            gazetteer,
            given: given.into_iter().collect(),
            particles: FastSet::default(),
            titles: titles.into_iter().collect(),
            title_first,
            title_words,
            demonyms,
            registry_folded,
            registry_acronyms,
            registry_first,
            registry_words,
        }
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// A lower-case word that links name parts ("bin", "ul", "von"; "al-" as "al").
    pub fn is_particle(&self, lower: &str) -> bool {
        self.particles.contains(lower)
    }

    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.adjective(word).is_some()
    }

    /// Whether a token (lowercased) can start a title: a cheap test before [`Lists::title`].
    pub fn may_start_title(&self, lower: &str) -> bool {
        lower
            .split(['-', '.', '\'', ' '])
            .next()
            .is_some_and(|w| self.title_first.contains(w))
    }

    /// The category index of a title ("Colonel General" → rank).
    pub fn title(&self, s: &str) -> Option<u8> {
        if s.len() > 60 {
            return None;
        }
        // Asked for every word that may start a title, at each length: keep the answers.
        thread_local! {
            static MEMO: Memo = Memo::default();
        }
        MEMO.with(|m| {
            m.get_or(self.id, s, || {
                with_folded(s, |key| self.titles.get(key).copied())
            })
        })
    }

    /// Most tokens a title spans ("Lt. Gen." is four tokens at most as "Lt", ".", …; the
    /// tokenizer keeps the period on known abbreviations, so words are the measure).
    pub fn max_title_tokens(&self) -> usize {
        self.title_words
    }

    /// Most tokens a gazetteer or registry name is looked up over.
    pub fn max_name_tokens(&self) -> usize {
        self.registry_words.clamp(4, 6)
    }

    /// A coarse class of the best-known place with this name: 1 country, 2 province,
    /// 3 capital, 4–7 cities by population (≥ 1M, ≥ 100k, ≥ 10k, smaller).
    pub fn place_class(&self, s: &str) -> Option<u8> {
        // Names repeat across reports; a lookup folds and searches, so keep the answers
        // (per thread, keyed by this list's id, bounded).
        thread_local! {
            static MEMO: Memo = Memo::default();
        }
        MEMO.with(|m| m.get_or(self.id, s, || self.place_class_uncached(s)))
    }

    fn place_class_uncached(&self, s: &str) -> Option<u8> {
        let g = self.gazetteer?;
        let id = *g.lookup(s).first()?;
        let p = g.get(id)?;
        Some(match p.kind {
            PlaceKind::Country => 1,
            PlaceKind::Admin1 => 2,
            PlaceKind::Capital => 3,
            PlaceKind::City if p.population >= 1_000_000 => 4,
            PlaceKind::City if p.population >= 100_000 => 5,
            PlaceKind::City if p.population >= 10_000 => 6,
            PlaceKind::City => 7,
        })
    }

    /// The kind (1 + [`spillover_lexicon::actors::ActorKind`] as a number) of a registry
    /// entry named `s`.
    /// Whether a token can start a registry name: an acronym of the registry, or a word
    /// (lowercased) that starts one. A cheap test before [`Lists::registry_kind`].
    pub fn may_start_registry(&self, token: &str, lower: &str) -> bool {
        self.registry_acronyms.contains_key(token)
            || lower
                .split(['-', '.', ' '])
                .next()
                .is_some_and(|w| self.registry_first.contains(w))
    }

    pub fn registry_kind(&self, s: &str) -> Option<u8> {
        if let Some(k) = self.registry_acronyms.get(s) {
            return Some(*k);
        }
        if is_acronym(s) {
            return None;
        }
        // As for places: folding allocates, and the same phrases recur across reports.
        thread_local! {
            static MEMO: Memo = Memo::default();
        }
        MEMO.with(|m| {
            m.get_or(self.id, s, || {
                with_folded(s, |key| self.registry_folded.get(key).copied())
            })
        })
    }
}

/// Per-thread answers of one lookup of one list (`id`), bounded: cleared when another
/// list asks or when it holds 200,000 names. Names are kept as a 64-bit hash
/// ([`name_hash`]): no copy of the name, no string comparison on a hit (two names of a
/// run share a hash with odds of about one in 10^9 at the bound).
#[derive(Default)]
struct Memo(std::cell::RefCell<(usize, HashedMap<Option<u8>>)>);

impl Memo {
    fn get_or(&self, id: usize, s: &str, compute: impl FnOnce() -> Option<u8>) -> Option<u8> {
        let key = name_hash(s);
        {
            let m = self.0.borrow();
            if m.0 == id {
                if let Some(v) = m.1.get(&key) {
                    return *v;
                }
            }
        }
        let v = compute();
        let mut m = self.0.borrow_mut();
        if m.0 != id || m.1.len() > 200_000 {
            m.0 = id;
            m.1.clear();
        }
        m.1.insert(key, v);
        v
    }
}

/// A map keyed by [`name_hash`] values (already mixed: the map uses them as they are).
pub(crate) type HashedMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<Premixed>>;

#[derive(Default)]
pub(crate) struct Premixed(u64);

impl std::hash::Hasher for Premixed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // only u64 keys reach this hasher; any other input is still hashed, slowly
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A 64-bit hash of a name, eight bytes at a time (names are short; the length is mixed
/// in, so "a" and "a\0" differ).
pub(crate) fn name_hash(s: &str) -> u64 {
    #[inline]
    fn step(h: u64, v: u64) -> u64 {
        let x = (h ^ v).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x ^ (x >> 31)
    }
    let b = s.as_bytes();
    let mut h = 0x243f_6a88_85a3_08d3 ^ (b.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = step(h, u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = step(h, u64::from_le_bytes(w));
    }
    // final avalanche (SplitMix64's)
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::{name_hash, Memo};
    use std::collections::HashSet;

    #[test]
    fn name_hashes_differ_for_names_that_differ_in_length_case_or_one_byte() {
        let mut names = vec![
            String::new(),
            "a".to_string(),
            "a\0".to_string(),
            "A".to_string(),
        ];
        for base in ["Kabul", "Mazar-i-Sharif", "Islamic State Khorasan Province"] {
            for cut in 1..=base.len() {
                names.push(base[..cut].to_string());
                names.push(base[..cut].to_lowercase());
                names.push(format!("{} ", &base[..cut]));
            }
        }
        let distinct: HashSet<&String> = names.iter().collect();
        let hashes: HashSet<u64> = distinct.iter().map(|n| name_hash(n)).collect();
        assert_eq!(hashes.len(), distinct.len());
    }

    #[test]
    fn the_memo_answers_per_list_and_computes_once() {
        let memo = Memo::default();
        let mut calls = 0;
        assert_eq!(
            memo.get_or(1, "Kabul", || {
                calls += 1;
                Some(3)
            }),
            Some(3)
        );
        assert_eq!(
            memo.get_or(1, "Kabul", || {
                calls += 1;
                None
            }),
            Some(3)
        );
        assert_eq!(calls, 1);
        // another list asks: its own answer
        assert_eq!(memo.get_or(2, "Kabul", || None), None);
        assert_eq!(memo.get_or(1, "Kabul", || Some(7)), Some(7));
    }
}
