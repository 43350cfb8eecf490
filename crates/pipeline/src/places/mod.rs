//! Places: toponyms recognised in the text and resolved against the world gazetteer,
//! with precision, and border-aware geography.
//!
//! [`PlaceTagger`] reads sentences and tokens and adds one [`Layer::Places`] annotation
//! per place mention:
//! * towns and capitals (`precision` `point`), provinces (`admin1`) and countries
//!   (`country`) — a province or a country keeps its reference coordinate for scoring but is
//!   never a point;
//! * regions of a country ("northern Afghanistan": `region`), border regions
//!   ("Tajikistan's southern borders": `border_region`) and boundaries ("the Tajik-Afghan
//!   border", "Iran's border with Pakistan", "the Durand Line": `border`, a line between
//!   two countries given as the `pair` of alpha-3 codes);
//! * capitals standing for their government ("Islamabad has called on …") are marked with
//!   `role: "government"` so later stages treat them as actors, not event locations.
//!
//! Each annotation's `key` is the GeoNames id (or the pair, `AFG-TJK`, for a boundary);
//! `attrs` hold `name`, `geonameid`, `country`, `admin1`, `lat`, `lon`, `kind`,
//! `precision`, `border_km` and `border_pair` (distance from the place's reference point
//! to the nearest international boundary, from real boundary geometry), `candidates`
//! (how many entries the name had) and `why` (the evidence that chose this one).
//!
//! Resolution ranks the candidates of a name by feature kind and population, countries
//! and provinces already named in the report, a following "province"/"district", and
//! nearness to the report's other places. A small town needs a locative cue ("in", "near",
//! "the village of") or a list of places around it, so common words that happen to name a
//! hamlet somewhere do not fire.

pub mod demonyms;
mod index;
mod lexicon;
mod tagger;

pub use demonyms::{DemonymError, Demonyms};
pub use index::{BorderIndex, Candidate, FeatureKind, NearestBorder, PlaceIndex};
pub use lexicon::{reference_data, ReferenceData};
pub use tagger::{Explanation, PlaceTagger};

#[cfg(test)]
mod tests;
