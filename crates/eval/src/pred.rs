//! Predictions: what the system found in one document, in the same shapes as gold.
//!
//! The caller (the CLI, which runs the pipeline) builds one [`Prediction`] per gold
//! document; this crate never runs the pipeline itself.

use serde::{Deserialize, Serialize};

use crate::gold::GoldItems;
use crate::task::Task;

/// A predicted named entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredEntity {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Entity label (`PER`, `ORG`, `LOC`, `MISC`).
    pub label: String,
}

/// A predicted place: a text span resolved to a reference coordinate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredPlace {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Latitude in degrees of the resolved feature's reference point.
    pub lat: f64,
    /// Longitude in degrees of the resolved feature's reference point.
    pub lon: f64,
    /// Whether the resolved feature is an area (a country, a province, a region) whose
    /// point is a reference point by convention, rather than a town or a site.
    #[serde(default)]
    pub area: bool,
}

/// A predicted temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredTimex {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// TIMEX3 type.
    pub r#type: String,
    /// Normalized value.
    pub value: String,
}

/// A predicted attribution relation: the same shape as the gold one (each role a list of
/// byte spans).
pub type PredAttribution = crate::gold::GoldAttribution;

/// A predicted coded event: the same shape as the gold one (`None`, `""` and `"---"` all
/// mean an absent actor).
pub type PredEvent = crate::gold::GoldEvent;

/// Everything the system predicted for one document, by task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "task", content = "items", rename_all = "lowercase")]
pub enum Prediction {
    /// Named entities.
    Ner(Vec<PredEntity>),
    /// Resolved places.
    Geo(Vec<PredPlace>),
    /// Temporal expressions.
    Time(Vec<PredTimex>),
    /// Attribution relations.
    Attribution(Vec<PredAttribution>),
    /// Coded events.
    Events(Vec<PredEvent>),
}

impl Prediction {
    /// The task of this prediction.
    pub fn task(&self) -> Task {
        match self {
            Prediction::Ner(_) => Task::Ner,
            Prediction::Geo(_) => Task::Geo,
            Prediction::Time(_) => Task::Time,
            Prediction::Attribution(_) => Task::Attribution,
            Prediction::Events(_) => Task::Events,
        }
    }

    /// An empty prediction for `task` (the system found nothing).
    pub fn empty(task: Task) -> Prediction {
        match task {
            Task::Ner => Prediction::Ner(Vec::new()),
            Task::Geo => Prediction::Geo(Vec::new()),
            Task::Time => Prediction::Time(Vec::new()),
            Task::Attribution => Prediction::Attribution(Vec::new()),
            Task::Events => Prediction::Events(Vec::new()),
        }
    }

    /// The gold annotations restated as a prediction (an oracle); scoring it against the
    /// same gold gives perfect figures. Useful to check the scorers and as a baseline.
    pub fn from_gold(gold: &GoldItems) -> Prediction {
        match gold {
            GoldItems::Ner(v) => Prediction::Ner(
                v.iter()
                    .map(|g| PredEntity {
                        start: g.start,
                        end: g.end,
                        label: g.label.clone(),
                    })
                    .collect(),
            ),
            GoldItems::Geo(v) => Prediction::Geo(
                v.iter()
                    .map(|g| PredPlace {
                        start: g.start,
                        end: g.end,
                        lat: g.lat,
                        lon: g.lon,
                        area: false,
                    })
                    .collect(),
            ),
            GoldItems::Time(v) => Prediction::Time(
                v.iter()
                    .map(|g| PredTimex {
                        start: g.start,
                        end: g.end,
                        r#type: g.r#type.clone(),
                        value: g.value.clone(),
                    })
                    .collect(),
            ),
            GoldItems::Attribution(v) => Prediction::Attribution(
                v.iter()
                    .map(|g| PredAttribution {
                        source: g.source.clone(),
                        cue: g.cue.clone(),
                        content: g.content.clone(),
                    })
                    .collect(),
            ),
            GoldItems::Events(v) => Prediction::Events(
                v.iter()
                    .map(|g| PredEvent {
                        source: g.source.clone(),
                        target: g.target.clone(),
                        cameo: g.cameo.clone(),
                        plover: g.plover.clone(),
                    })
                    .collect(),
            ),
        }
    }
}

impl From<&GoldItems> for Prediction {
    fn from(gold: &GoldItems) -> Prediction {
        Prediction::from_gold(gold)
    }
}
