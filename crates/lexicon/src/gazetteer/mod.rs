//! The world gazetteer: places with names in many scripts, feature kinds, admin-1, population.
//!
//! Built by `scripts/build-gazetteer.py` from GeoNames data (CC BY 4.0; see
//! `data/gazetteer/README.md` for sources, attribution and the binary format) and embedded in
//! the crate, so it works offline. It holds every GeoNames place of 500+ inhabitants
//! (`cities500`, kind [`PlaceKind::City`] or [`PlaceKind::Capital`]), the admin-1 regions
//! (provinces: [`PlaceKind::Admin1`]) and the countries ([`PlaceKind::Country`]), with their
//! names in Latin, Cyrillic and Arabic script.
//!
//! Names are looked up by their folded form ([`fold`]: case, Latin diacritics, `ё`/`е`,
//! Arabic/Persian letter variants, apostrophes, hyphens and spaces, the ezafe in
//! "Mazar-i-Sharif"). A lookup returns every place carrying the name, countries first, then
//! capitals, then cities and provinces by population; choosing among them is the resolver's
//! job.
//!
//! ```
//! use spillover_lexicon::gazetteer::{Gazetteer, PlaceKind};
//!
//! let gaz = Gazetteer::load()?;
//! let kunduz: Vec<_> = gaz.lookup("Kunduz").iter().map(|&id| gaz.place(id)).collect();
//! assert!(kunduz.iter().any(|p| p.kind == PlaceKind::Admin1 && p.country_a3 == "AFG"));
//! assert!(kunduz.iter().any(|p| p.kind == PlaceKind::City && p.country_a3 == "AFG"));
//!
//! let dushanbe = gaz.place(gaz.lookup("Душанбе")[0]);
//! assert_eq!((dushanbe.kind, dushanbe.country_a3), (PlaceKind::Capital, "TJK"));
//!
//! let pakistan = gaz.country("PAK").unwrap();
//! assert_eq!(pakistan.name, "Pakistan");
//! assert!(gaz.neighbours("AFG").contains(&"TJK"));
//! # Ok::<(), spillover_lexicon::gazetteer::GazetteerError>(())
//! ```
//!
//! Loading parses and checks the whole file (about 18 MB, some tens of milliseconds in a
//! release build); [`Gazetteer::shared`] loads it once per process.

mod fold;
mod format;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use fold::{fold, with_folded};
use format::{Admin1Rec, CountryRec, PlaceRec, StrRef, NONE_U16, NONE_U32, NONE_U8};

/// The embedded data file.
static EMBEDDED: &[u8] = include_bytes!("../../../../data/gazetteer/gazetteer.bin");

/// Why a gazetteer file could not be loaded. Every variant names what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GazetteerError {
    /// The data ends before a part it declares.
    #[error("gazetteer data is truncated: {what} needs {needed} bytes, {available} available")]
    Truncated {
        /// The part that does not fit.
        what: &'static str,
        /// Bytes it needs.
        needed: usize,
        /// Bytes there are.
        available: usize,
    },
    /// The file does not start with the gazetteer magic.
    #[error("not a gazetteer file: bad magic {found:?}")]
    BadMagic {
        /// The first eight bytes found.
        found: [u8; 8],
    },
    /// The file is of another format version.
    #[error("unsupported gazetteer format version {found} (this build reads version {expected})")]
    UnsupportedVersion {
        /// The version in the file.
        found: u32,
        /// The version this code reads.
        expected: u32,
    },
    /// The body does not match the header's checksum.
    #[error("gazetteer checksum mismatch (stored {stored:#018x}, computed {computed:#018x}): the file is corrupt")]
    ChecksumMismatch {
        /// Checksum in the header.
        stored: u64,
        /// Checksum of the bytes.
        computed: u64,
    },
    /// A record or section is inconsistent; the message says which.
    #[error("corrupt gazetteer: {0}")]
    Corrupt(String),
}

/// Index of a place in a [`Gazetteer`] (not a GeoNames id; see [`Place::geonameid`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(transparent)]
pub struct PlaceId(pub u32);

/// The feature kind of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A populated place (GeoNames cities500 entry).
    City,
    /// A populated place that is its country's capital.
    Capital,
    /// A first-order administrative region (province, oblast, state).
    Admin1,
    /// A country or territory with an ISO 3166-1 code.
    Country,
}

impl PlaceKind {
    /// Lower-case name: `city`, `capital`, `admin1`, `country`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::Capital => "capital",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Country => "country",
        }
    }
}

/// One place, borrowed from the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place<'a> {
    /// Its index in the gazetteer.
    pub id: PlaceId,
    /// GeoNames id; 0 for admin-1 regions (their GeoNames features are not in the sources).
    pub geonameid: u32,
    /// Main (GeoNames) name.
    pub name: &'a str,
    /// Latitude in degrees (5 decimals). For a city its location; for a country or region
    /// a representative point (population-weighted mean of its places, snapped to the
    /// nearest of them), not a location of the mention. NaN when there is none (a few
    /// uninhabited territories); see [`Place::point`].
    pub lat: f64,
    /// Longitude in degrees; see `lat`.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of its country ("" when unknown).
    pub country_a2: &'a str,
    /// ISO 3166-1 alpha-3 code of its country ("" when unknown).
    pub country_a3: &'a str,
    /// Name of its admin-1 region (for an admin-1 region: its own name).
    pub admin1_name: Option<&'a str>,
    /// GeoNames admin-1 code within the country (e.g. `24` for Kunduz).
    pub admin1_code: Option<&'a str>,
    /// ISO 3166-2 code of its admin-1 region when the join found one (e.g. `AF-KDZ`).
    pub admin1_iso: Option<&'a str>,
    /// Feature kind.
    pub kind: PlaceKind,
    /// Population (for an admin-1 region: the sum of its places, a lower bound).
    pub population: u64,
}

impl Place<'_> {
    /// `(lat, lon)`, or `None` when the place has no point.
    pub fn point(&self) -> Option<(f64, f64)> {
        (!self.lat.is_nan() && !self.lon.is_nan()).then_some((self.lat, self.lon))
    }
}

/// The world gazetteer, parsed into memory. Cheap to query; load it once.
pub struct Gazetteer {
    strings: String,
    places: Vec<PlaceRec>,
    admin1: Vec<Admin1Rec>,
    countries: Vec<CountryRec>,
    by_code: HashMap<String, usize>,
    blocks: Vec<(u32, u32)>,
    blob: Vec<u8>,
    postings: Vec<PlaceId>,
    n_keys: usize,
    block_size: usize,
    max_tokens: usize,
    /// Built on first lookup: see [`KeyFilter`].
    filter: OnceLock<KeyFilter>,
}

/// A Bloom filter over every folded key (two probes into 2^23 bits, 1 MiB): most words
/// and phrases of a text name no place, and the filter says so without the block search
/// (about 1 % of absent keys get through; a key present always does).
struct KeyFilter {
    bits: Vec<u64>,
}

impl KeyFilter {
    const BITS: u32 = 23;

    fn hash(key: &[u8]) -> u64 {
        // FNV-1a, then SplitMix64's finaliser so that both halves are well mixed
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in key {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }

    fn probes(key: &[u8]) -> [usize; 2] {
        let h = Self::hash(key);
        let mask = (1u64 << Self::BITS) - 1;
        [(h & mask) as usize, ((h >> 32) & mask) as usize]
    }

    fn insert(&mut self, key: &[u8]) {
        for p in Self::probes(key) {
            self.bits[p / 64] |= 1 << (p % 64);
        }
    }

    fn may_contain(&self, key: &[u8]) -> bool {
        Self::probes(key)
            .iter()
            .all(|&p| self.bits[p / 64] & (1 << (p % 64)) != 0)
    }
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places.len())
            .field("countries", &self.countries.len())
            .field("admin1", &self.admin1.len())
            .field("names", &self.n_keys)
            .finish()
    }
}

fn nonempty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn coord(x: f32) -> f64 {
    (f64::from(x) * 1e5).round() / 1e5
}

impl Gazetteer {
    /// Load the gazetteer embedded in the crate (`data/gazetteer/gazetteer.bin`).
    pub fn load() -> Result<Gazetteer, GazetteerError> {
        Self::from_bytes(EMBEDDED)
    }

    /// The embedded gazetteer, loaded on first use and shared for the life of the process.
    pub fn shared() -> Result<&'static Gazetteer, &'static GazetteerError> {
        static SHARED: OnceLock<Result<Gazetteer, GazetteerError>> = OnceLock::new();
        SHARED.get_or_init(Self::load).as_ref()
    }

    /// Parse and validate gazetteer data in the format of `scripts/build-gazetteer.py`.
    ///
    /// Checks the header (magic, version, lengths), the checksum, every record's references
    /// and every key, so a truncated or corrupt file is an error naming the problem, never
    /// a panic later.
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, GazetteerError> {
        let p = format::parse(bytes)?;
        let mut by_code = HashMap::with_capacity(p.countries.len() * 2);
        for (i, c) in p.countries.iter().enumerate() {
            by_code.insert(c.alpha2.clone(), i);
            by_code.insert(c.alpha3.clone(), i);
        }
        Ok(Gazetteer {
            strings: p.strings,
            places: p.places,
            admin1: p.admin1,
            countries: p.countries,
            by_code,
            blocks: p.blocks,
            blob: p.blob,
            postings: p.postings,
            n_keys: p.n_keys,
            block_size: p.block_size,
            max_tokens: p.max_tokens,
            filter: OnceLock::new(),
        })
    }

    /// Calls `f` with every folded key and its places, in key order.
    pub fn for_each_key(&self, mut f: impl FnMut(&[u8], &[PlaceId])) {
        let mut cur: Vec<u8> = Vec::with_capacity(64);
        for (b, &(off, first_posting)) in self.blocks.iter().enumerate() {
            let mut pos = off as usize;
            let mut posting = first_posting as usize;
            let in_block = self
                .block_size
                .min(self.n_keys.saturating_sub(b * self.block_size));
            cur.clear();
            for _ in 0..in_block {
                // entries were checked at load
                let Some((prefix, suffix, count)) = self.entry(&mut pos) else {
                    return;
                };
                cur.truncate(prefix);
                cur.extend_from_slice(suffix);
                f(
                    &cur,
                    self.postings.get(posting..posting + count).unwrap_or(&[]),
                );
                posting += count;
            }
        }
    }

    fn filter(&self) -> &KeyFilter {
        self.filter.get_or_init(|| {
            let mut filter = KeyFilter {
                bits: vec![0; (1usize << KeyFilter::BITS) / 64],
            };
            self.for_each_key(|key, _| filter.insert(key));
            filter
        })
    }

    /// Whether a folded key may name a place: `false` means [`Gazetteer::lookup_folded`]
    /// finds nothing (a cheap test for text matchers, answered from a 1 MiB filter).
    pub fn may_name_folded(&self, key: &str) -> bool {
        self.filter().may_contain(key.as_bytes())
    }

    fn s(&self, r: StrRef) -> &str {
        // ranges were checked against `strings` (bounds, char boundaries) at load
        self.strings
            .get(r.off as usize..(r.off + r.len) as usize)
            .unwrap_or("")
    }

    /// Places named `name` (folded with [`fold`]), best-known first: countries, capitals,
    /// then cities and admin-1 regions by population. Empty when the name is unknown.
    pub fn lookup(&self, name: &str) -> &[PlaceId] {
        with_folded(name, |key| self.lookup_folded(key))
    }

    /// Like [`Gazetteer::lookup`] for a key already folded with [`fold`] (for matchers that
    /// fold the text once).
    pub fn lookup_folded(&self, key: &str) -> &[PlaceId] {
        let key = key.as_bytes();
        if key.is_empty() || !self.filter().may_contain(key) {
            return &[];
        }
        // last block whose first key is <= key
        let b = self
            .blocks
            .partition_point(|&(off, _)| self.first_key(off as usize) <= key);
        if b == 0 {
            return &[];
        }
        let (off, first_posting) = self.blocks[b - 1];
        let mut pos = off as usize;
        let mut posting = first_posting as usize;
        let mut cur: Vec<u8> = Vec::with_capacity(64);
        let in_block = self.block_size.min(self.n_keys - (b - 1) * self.block_size);
        for _ in 0..in_block {
            let Some((prefix, suffix, count)) = self.entry(&mut pos) else {
                return &[];
            };
            cur.truncate(prefix);
            cur.extend_from_slice(suffix);
            match cur.as_slice().cmp(key) {
                std::cmp::Ordering::Equal => {
                    return self.postings.get(posting..posting + count).unwrap_or(&[]);
                }
                std::cmp::Ordering::Greater => return &[],
                std::cmp::Ordering::Less => posting += count,
            }
        }
        &[]
    }

    /// Decode one key entry at `*pos`: (shared prefix, suffix bytes, posting count).
    fn entry(&self, pos: &mut usize) -> Option<(usize, &[u8], usize)> {
        let prefix = format::varint(&self.blob, pos)? as usize;
        let suffix = format::varint(&self.blob, pos)? as usize;
        let bytes = self.blob.get(*pos..*pos + suffix)?;
        *pos += suffix;
        let count = format::varint(&self.blob, pos)? as usize;
        Some((prefix, bytes, count))
    }

    fn first_key(&self, off: usize) -> &[u8] {
        let mut pos = off;
        self.entry(&mut pos).map_or(&[], |(_, suffix, _)| suffix)
    }

    /// The place with this id.
    ///
    /// # Panics
    /// When `id` did not come from this gazetteer (out of range); see [`Gazetteer::get`].
    pub fn place(&self, id: PlaceId) -> Place<'_> {
        self.get(id).expect("PlaceId from another gazetteer")
    }

    /// The place with this id, or `None` when it is out of range.
    pub fn get(&self, id: PlaceId) -> Option<Place<'_>> {
        let r = self.places.get(id.0 as usize)?;
        let country = (r.country != NONE_U8).then(|| &self.countries[usize::from(r.country)]);
        let a1 = (r.admin1 != NONE_U16).then(|| &self.admin1[usize::from(r.admin1)]);
        let a1_name = a1
            .filter(|a| a.place != NONE_U32)
            .map(|a| self.s(self.places[a.place as usize].name));
        Some(Place {
            id,
            geonameid: r.geonameid,
            name: self.s(r.name),
            lat: coord(r.lat),
            lon: coord(r.lon),
            country_a2: country.map_or("", |c| c.alpha2.as_str()),
            country_a3: country.map_or("", |c| c.alpha3.as_str()),
            admin1_name: a1_name,
            admin1_code: a1.and_then(|a| nonempty(self.s(a.code))),
            admin1_iso: a1.and_then(|a| nonempty(self.s(a.iso))),
            kind: r.kind,
            population: u64::from(r.population),
        })
    }

    fn country_index(&self, alpha: &str) -> Option<usize> {
        self.by_code
            .get(&alpha.trim().to_ascii_uppercase())
            .copied()
    }

    /// The country with this ISO 3166-1 alpha-2 or alpha-3 code (any case).
    pub fn country(&self, alpha: &str) -> Option<Place<'_>> {
        let c = &self.countries[self.country_index(alpha)?];
        self.get(PlaceId(c.place))
    }

    /// The capital of a country (alpha-2 or alpha-3), when it is in the gazetteer.
    pub fn capital(&self, alpha: &str) -> Option<Place<'_>> {
        let c = &self.countries[self.country_index(alpha)?];
        (c.capital_place != NONE_U32).then(|| self.get(PlaceId(c.capital_place)))?
    }

    /// Facts about a country that a [`Place`] does not carry.
    pub fn country_info(&self, alpha: &str) -> Option<CountryInfo<'_>> {
        let c = &self.countries[self.country_index(alpha)?];
        Some(CountryInfo {
            alpha2: &c.alpha2,
            alpha3: &c.alpha3,
            numeric: c.numeric,
            continent: &c.continent,
            capital_name: self.s(c.capital_name),
        })
    }

    /// Alpha-3 codes of the countries sharing a land border with `alpha` (alpha-2 or
    /// alpha-3), per GeoNames. Empty for an unknown code or an island.
    pub fn neighbours(&self, alpha: &str) -> Vec<&str> {
        self.country_index(alpha).map_or_else(Vec::new, |i| {
            self.s(self.countries[i].neighbours)
                .split(',')
                .filter(|s| !s.is_empty())
                .collect()
        })
    }

    /// Number of places (countries, admin-1 regions and cities together).
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are no places at all.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Number of distinct folded names.
    pub fn name_count(&self) -> usize {
        self.n_keys
    }

    /// Words in the longest folded name: the widest window a text matcher needs to try.
    pub fn max_name_tokens(&self) -> usize {
        self.max_tokens
    }

    /// Every place, in id order.
    pub fn places(&self) -> impl Iterator<Item = Place<'_>> + '_ {
        (0..self.places.len() as u32).filter_map(|i| self.get(PlaceId(i)))
    }
}

/// Country facts: codes, continent and the capital's name as GeoNames gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryInfo<'a> {
    /// ISO 3166-1 alpha-2.
    pub alpha2: &'a str,
    /// ISO 3166-1 alpha-3.
    pub alpha3: &'a str,
    /// ISO 3166-1 numeric.
    pub numeric: u16,
    /// GeoNames continent code (`AS`, `EU`, ...).
    pub continent: &'a str,
    /// The capital's name ("" when none).
    pub capital_name: &'a str,
}
