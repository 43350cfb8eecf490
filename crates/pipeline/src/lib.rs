//! The pipeline: components that each read earlier layers of a [`Doc`] and add their own.
//!
//! Every stage implements [`Component`], declaring the layers it requires and the layers
//! it assigns. [`Pipeline::new`] refuses an order in which a component runs before the
//! layers it needs exist, so a misconfigured pipeline fails at start-up, not mid-run.
//!
//! ```
//! use spillover_doc::{Report, ReportId};
//! use spillover_pipeline::Pipeline;
//! let pipeline = Pipeline::standard();
//! let doc = pipeline.run(Report::from_text(ReportId("r".into()), "Talks ended. Guards stayed.")).unwrap();
//! assert_eq!(doc.sentences().len(), 2);
//! ```
//!
//! Stages live in a folder each: [`segment`] (sentences and tokens), [`dates`] (TIMEX3
//! expressions resolved against the publication date), [`places`] (toponyms resolved
//! against the world gazetteer, with precision and distance to the nearest border),
//! [`quantities`] (figures with bound, unit, subject and changes), [`entities`] (a learned
//! tagger), [`actors`] (registry, roles, references), [`claims`] (attribution, stance,
//! propositions, contradictions within a report); events as they arrive. [`link`] holds the
//! cross-report work (near-duplicate signatures).

pub mod actors;
pub mod claims;
pub mod dates;
pub mod entities;
pub mod events;
pub mod link;
pub mod places;
pub mod quantities;
pub mod segment;

use spillover_doc::{Doc, Layer, Report, SpanError};
use std::time::{Duration, Instant};

/// Why a component could not process a doc.
#[derive(Debug, thiserror::Error)]
pub enum ComponentError {
    #[error("component {component} produced an invalid span: {source}")]
    Span {
        component: &'static str,
        source: SpanError,
    },
    #[error("component {component} failed: {message}")]
    Failed {
        component: &'static str,
        message: String,
    },
}

/// Why a pipeline could not be built or run.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("component {component} requires layer {layer}, which no earlier component assigns")]
    MissingLayer {
        component: &'static str,
        layer: &'static str,
    },
    #[error("layer {layer} is assigned by both {first} and {second}")]
    AssignedTwice {
        layer: &'static str,
        first: &'static str,
        second: &'static str,
    },
    #[error(transparent)]
    Component(#[from] ComponentError),
}

/// Adds a component's annotations to one layer, naming the component if a span is bad.
pub(crate) fn add_all(
    doc: &mut Doc,
    layer: Layer,
    component: &'static str,
    annotations: Vec<spillover_doc::Annotation>,
) -> Result<(), ComponentError> {
    for a in annotations {
        doc.add(layer, a)
            .map_err(|source| ComponentError::Span { component, source })?;
    }
    Ok(())
}

/// Time spent in each component of one run, in pipeline order.
pub type ComponentTimes = Vec<(&'static str, Duration)>;

/// One stage of the pipeline: a `Doc` in, the same `Doc` with more layers out.
pub trait Component: Send + Sync {
    /// A short stable name, recorded on every span the component makes.
    fn name(&self) -> &'static str;
    /// Layers that must be assigned before this component runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers this component assigns (marked assigned even when it finds nothing).
    fn assigns(&self) -> &'static [Layer];
    /// Adds this component's layers to `doc`.
    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError>;
}

/// An ordered, checked list of components.
pub struct Pipeline {
    components: Vec<Box<dyn Component>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.components.iter().map(|c| c.name()))
            .finish()
    }
}

impl Pipeline {
    /// Builds a pipeline, checking that each component's required layers are assigned by
    /// an earlier one and that no layer is assigned twice.
    pub fn new(components: Vec<Box<dyn Component>>) -> Result<Pipeline, PipelineError> {
        let mut assigned: Vec<(Layer, &'static str)> = Vec::new();
        for c in &components {
            for &layer in c.requires() {
                if !assigned.iter().any(|(l, _)| *l == layer) {
                    return Err(PipelineError::MissingLayer {
                        component: c.name(),
                        layer: layer.as_str(),
                    });
                }
            }
            for &layer in c.assigns() {
                if let Some((_, first)) = assigned.iter().find(|(l, _)| *l == layer) {
                    return Err(PipelineError::AssignedTwice {
                        layer: layer.as_str(),
                        first,
                        second: c.name(),
                    });
                }
                assigned.push((layer, c.name()));
            }
        }
        Ok(Pipeline { components })
    }

    /// The default pipeline with every stage built so far.
    pub fn standard() -> Pipeline {
        // The standard list is fixed in code and its order is covered by a test, so
        // failing here is a programming error, not an input error.
        Pipeline::new(vec![
            Box::new(segment::Segmenter),
            Box::new(entities::EntityTagger::standard()),
            // Dates before quantities: numbers inside a date are not figures.
            Box::new(dates::TemporalTagger::new()),
            Box::new(places::PlaceTagger::standard()),
            Box::new(quantities::QuantityTagger::new()),
            Box::new(actors::ActorTagger::standard()),
            Box::new(claims::ClaimTagger::new()),
            Box::new(events::EventCoder::new()),
        ])
        .unwrap_or_else(|e| panic!("standard pipeline misordered: {e}"))
    }

    pub fn components(&self) -> impl Iterator<Item = &dyn Component> {
        self.components.iter().map(|c| c.as_ref())
    }

    /// Runs every component over a new doc for `report`.
    pub fn run(&self, report: Report) -> Result<Doc, PipelineError> {
        let mut doc = Doc::new(report);
        self.process(&mut doc)?;
        Ok(doc)
    }

    /// Runs every component over `doc`.
    pub fn process(&self, doc: &mut Doc) -> Result<(), PipelineError> {
        for c in &self.components {
            c.process(doc)?;
            for &layer in c.assigns() {
                doc.mark_assigned(layer);
            }
        }
        Ok(())
    }

    /// Like [`Pipeline::run`], also returning the time spent in each component.
    pub fn run_timed(&self, report: Report) -> Result<(Doc, ComponentTimes), PipelineError> {
        let mut doc = Doc::new(report);
        let mut times = Vec::with_capacity(self.components.len());
        for c in &self.components {
            let t = Instant::now();
            c.process(&mut doc)?;
            for &layer in c.assigns() {
                doc.mark_assigned(layer);
            }
            times.push((c.name(), t.elapsed()));
        }
        Ok((doc, times))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spillover_doc::ReportId;

    struct Fake(&'static str, &'static [Layer], &'static [Layer]);
    impl Component for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn requires(&self) -> &'static [Layer] {
            self.1
        }
        fn assigns(&self) -> &'static [Layer] {
            self.2
        }
        fn process(&self, _: &mut Doc) -> Result<(), ComponentError> {
            Ok(())
        }
    }

    #[test]
    fn refuses_a_component_before_its_inputs() {
        let err = Pipeline::new(vec![
            Box::new(Fake("places", &[Layer::Tokens], &[Layer::Places])),
            Box::new(segment::Segmenter),
        ])
        .unwrap_err();
        assert!(matches!(
            err,
            PipelineError::MissingLayer {
                component: "places",
                layer: "tokens"
            }
        ));
    }

    #[test]
    fn refuses_a_layer_assigned_twice() {
        let err = Pipeline::new(vec![
            Box::new(segment::Segmenter),
            Box::new(Fake("again", &[], &[Layer::Sentences])),
        ])
        .unwrap_err();
        assert!(matches!(err, PipelineError::AssignedTwice { .. }));
    }

    #[test]
    fn standard_pipeline_marks_layers_assigned() {
        let p = Pipeline::standard();
        let doc = p.run(Report::from_text(ReportId("x".into()), "")).unwrap();
        assert!(doc.has(Layer::Sentences) && doc.has(Layer::Tokens));
        assert!(doc.sentences().is_empty());
        let fake = Pipeline::new(vec![
            Box::new(segment::Segmenter),
            Box::new(Fake("places", &[Layer::Tokens], &[Layer::Places])),
        ])
        .unwrap();
        let doc = fake
            .run(Report::from_text(ReportId("x".into()), "Kabul."))
            .unwrap();
        assert!(
            doc.has(Layer::Places),
            "assigned even when nothing was found"
        );
    }
}
