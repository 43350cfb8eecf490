//! The data that travels through Spillover's pipeline.
//!
//! A [`Report`] holds the immutable clean text of one news report and its metadata. The
//! pipeline wraps it in a [`Doc`], to which each stage adds [`Annotation`]s on a
//! [`Layer`]: a [`Span`] of byte offsets into the text, a label, the registry id it
//! resolves to, the component that made it and a confidence. No stage changes an earlier
//! stage's offsets, and the `Doc` refuses any span that does not fit its text, so
//! `&doc.text()[span.start..span.end]` is always exactly the text the span claims.
//!
//! ```
//! use spillover_doc::{Annotation, Doc, Layer, Report, ReportId, Span};
//! let mut doc = Doc::new(Report::from_text(ReportId("r1".into()), "Talks in Dushanbe."));
//! doc.add(Layer::Places, Annotation::new(Span::new(9, 17).unwrap(), "city", "gazetteer", 0.9)).unwrap();
//! assert_eq!(doc.slice(doc.layer(Layer::Places)[0].span).unwrap(), "Dushanbe");
//! ```
//!
//! This crate does no I/O.

mod alignment;
pub mod claim;
mod doc;
mod layer;
mod report;
mod span;

pub use alignment::{AlignRun, Alignment};
pub use doc::Doc;
pub use layer::{Annotation, Layer, Token, TokenKind};
pub use report::{DateOrigin, Report, ReportId, SourceFormat};
pub use span::{Span, SpanError};
