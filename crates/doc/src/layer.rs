//! Span layers: what each pipeline stage found, as labelled spans.

use crate::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The layers a pipeline can assign. Each stage declares which it needs and which it adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Sentences,
    Tokens,
    Entities,
    Actors,
    Places,
    Dates,
    Quantities,
    Claims,
    Events,
    Indicators,
}

impl Layer {
    /// Every layer, in pipeline order.
    pub const ALL: [Layer; 10] = [
        Layer::Sentences,
        Layer::Tokens,
        Layer::Entities,
        Layer::Actors,
        Layer::Places,
        Layer::Dates,
        Layer::Quantities,
        Layer::Claims,
        Layer::Events,
        Layer::Indicators,
    ];

    /// The layers that hold annotations (sentences and tokens have their own types).
    pub const ANNOTATED: [Layer; 8] = [
        Layer::Entities,
        Layer::Actors,
        Layer::Places,
        Layer::Dates,
        Layer::Quantities,
        Layer::Claims,
        Layer::Events,
        Layer::Indicators,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Sentences => "sentences",
            Layer::Tokens => "tokens",
            Layer::Entities => "entities",
            Layer::Actors => "actors",
            Layer::Places => "places",
            Layer::Dates => "dates",
            Layer::Quantities => "quantities",
            Layer::Claims => "claims",
            Layer::Events => "events",
            Layer::Indicators => "indicators",
        }
    }

    pub fn parse(s: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// One labelled span of a layer: what was found, where, by which component, how sure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    #[serde(flatten)]
    pub span: Span,
    /// What the span is (`PER`, `city`, `DATE`, `asserts` …), per layer.
    pub label: Cow<'static, str>,
    /// The registry entry or normalised value it resolves to, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The component that made it.
    pub component: Cow<'static, str>,
    /// 0.0–1.0.
    pub confidence: f32,
    /// Stage-specific fields (coordinates, normalised values, roles …).
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub attrs: serde_json::Value,
}

impl Annotation {
    pub fn new(
        span: Span,
        label: impl Into<Cow<'static, str>>,
        component: &'static str,
        confidence: f32,
    ) -> Annotation {
        Annotation {
            span,
            label: label.into(),
            key: None,
            component: Cow::Borrowed(component),
            confidence,
            attrs: serde_json::Value::Null,
        }
    }

    pub fn with_key(mut self, key: impl Into<String>) -> Annotation {
        self.key = Some(key.into());
        self
    }

    pub fn with_attrs(mut self, attrs: serde_json::Value) -> Annotation {
        self.attrs = attrs;
        self
    }
}

/// The coarse kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes ("ul-Adl", "don't").
    Word,
    /// Digits with inner separators ("6,500", "1.5", "2023-12-19").
    Number,
    /// Punctuation, including quote marks.
    Punct,
    /// Anything else (symbols, emoji, currency signs).
    Symbol,
}

/// A token: a span and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    #[serde(flatten)]
    pub span: Span,
    pub kind: TokenKind,
}
