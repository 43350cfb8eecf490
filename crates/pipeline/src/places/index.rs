//! What the place tagger needs from reference data, as traits: the real gazetteer and
//! boundaries implement them (see `lexicon.rs`), and tests use small hand-made indexes.

/// The kind of a gazetteer feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureKind {
    Continent,
    /// A region, sea or landform ("Darfur", "the Fergana Valley", "the Black Sea").
    Region,
    Country,
    Admin1,
    /// A second-order unit: a county, a department, a district.
    Admin2,
    Capital,
    City,
}

impl FeatureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FeatureKind::Continent => "continent",
            FeatureKind::Region => "region",
            FeatureKind::Country => "country",
            FeatureKind::Admin1 => "admin1",
            FeatureKind::Admin2 => "admin2",
            FeatureKind::Capital => "capital",
            FeatureKind::City => "city",
        }
    }

    /// How the place is drawn: a town is a point, a province or a country is an area.
    pub fn precision(self) -> &'static str {
        match self {
            FeatureKind::Continent | FeatureKind::Region => "region",
            FeatureKind::Country => "country",
            FeatureKind::Admin1 => "admin1",
            FeatureKind::Admin2 => "admin2",
            FeatureKind::Capital | FeatureKind::City => "point",
        }
    }
}

/// One gazetteer entry a name may refer to.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub geonameid: i64,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub admin1: Option<String>,
    pub kind: FeatureKind,
    pub population: u64,
}

/// Name → candidates.
pub trait PlaceIndex: Send + Sync {
    /// Every entry whose name (any script, folded) equals `surface`.
    fn candidates(&self, surface: &str) -> Vec<Candidate>;
    /// Whether any entry has this name: a cheap test before building candidates.
    fn contains(&self, surface: &str) -> bool {
        !self.candidates(surface).is_empty()
    }
    /// The country entry for an alpha-3 code.
    fn country(&self, alpha3: &str) -> Option<Candidate>;
    /// The longest name in words, bounding the n-grams tried.
    fn max_tokens(&self) -> usize;
}

/// Distance to the nearest international boundary.
#[derive(Debug, Clone, PartialEq)]
pub struct NearestBorder {
    pub km: f64,
    /// Sorted alpha-3 pair.
    pub pair: (String, String),
}

/// International boundary geometry.
pub trait BorderIndex: Send + Sync {
    fn nearest(&self, lat: f64, lon: f64) -> Option<NearestBorder>;
    /// A reference point on the a–b boundary (for scoring; never drawn as a point).
    fn reference_point(&self, a: &str, b: &str) -> Option<(f64, f64)>;
}
