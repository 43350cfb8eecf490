//! The `Doc`: one report's immutable text and the layers the pipeline adds to it.

use crate::{Annotation, Layer, Report, Span, SpanError, Token};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// A report travelling through the pipeline.
///
/// The text never changes; stages only add layers. Every span added is checked against
/// the text, so `&doc.text()[span.start..span.end]` is always the text the span claims.
#[derive(Debug, Clone)]
pub struct Doc {
    report: Report,
    sentences: Vec<Span>,
    tokens: Vec<Token>,
    layers: [Vec<Annotation>; 8],
    assigned: BTreeSet<Layer>,
}

fn slot(layer: Layer) -> Option<usize> {
    Layer::ANNOTATED.iter().position(|l| *l == layer)
}

impl Doc {
    pub fn new(report: Report) -> Doc {
        Doc {
            report,
            sentences: Vec::new(),
            tokens: Vec::new(),
            layers: Default::default(),
            assigned: BTreeSet::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.report.text
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Gives the report back, dropping the layers.
    pub fn into_report(self) -> Report {
        self.report
    }

    /// The text of a span of this doc. Spans held by the doc were checked when added.
    pub fn slice(&self, span: Span) -> Result<&str, SpanError> {
        span.slice(self.text())
    }

    fn check_sequence(
        &self,
        spans: impl Iterator<Item = Span>,
        what: &'static str,
    ) -> Result<(), SpanError> {
        let mut prev_end = 0;
        for s in spans {
            s.check(self.text())?;
            if s.start < prev_end {
                return Err(SpanError::Unordered {
                    what,
                    start: s.start,
                    end: s.end,
                });
            }
            prev_end = s.end;
        }
        Ok(())
    }

    /// Sets the sentence layer: non-overlapping spans in text order.
    pub fn set_sentences(&mut self, sentences: Vec<Span>) -> Result<(), SpanError> {
        self.check_sequence(sentences.iter().copied(), "sentence")?;
        self.sentences = sentences;
        self.assigned.insert(Layer::Sentences);
        Ok(())
    }

    /// Sets the token layer: non-overlapping spans in text order.
    pub fn set_tokens(&mut self, tokens: Vec<Token>) -> Result<(), SpanError> {
        self.check_sequence(tokens.iter().map(|t| t.span), "token")?;
        self.tokens = tokens;
        self.assigned.insert(Layer::Tokens);
        Ok(())
    }

    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The tokens inside `span`.
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let lo = self.tokens.partition_point(|t| t.span.start < span.start);
        let hi = self.tokens.partition_point(|t| t.span.end <= span.end);
        if lo >= hi {
            return &[];
        }
        &self.tokens[lo..hi]
    }

    /// The index of the sentence holding byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        match self.sentences.get(i) {
            Some(s) if s.start <= offset => Some(i),
            _ => None,
        }
    }

    /// Adds an annotation to a layer after checking its span against the text.
    /// Sentences and tokens have their own setters and are refused here.
    pub fn add(&mut self, layer: Layer, annotation: Annotation) -> Result<(), SpanError> {
        annotation.span.check(self.text())?;
        let Some(i) = slot(layer) else {
            return Err(SpanError::Unordered {
                what: "non-annotation layer",
                start: annotation.span.start,
                end: annotation.span.end,
            });
        };
        self.layers[i].push(annotation);
        self.assigned.insert(layer);
        Ok(())
    }

    /// Marks a layer as assigned even when its stage found nothing, so later stages
    /// can tell "nothing there" from "never looked".
    pub fn mark_assigned(&mut self, layer: Layer) {
        self.assigned.insert(layer);
    }

    pub fn has(&self, layer: Layer) -> bool {
        self.assigned.contains(&layer)
    }

    pub fn assigned(&self) -> impl Iterator<Item = Layer> + '_ {
        self.assigned.iter().copied()
    }

    /// The annotations of a layer in the order they were added (empty for sentences/tokens).
    pub fn layer(&self, layer: Layer) -> &[Annotation] {
        slot(layer).map_or(&[], |i| &self.layers[i])
    }

    /// Re-checks every span held by the doc. Stages cannot break this through the API;
    /// the check exists for tests and for docs loaded from storage.
    pub fn check_invariants(&self) -> Result<(), SpanError> {
        self.check_sequence(self.sentences.iter().copied(), "sentence")?;
        self.check_sequence(self.tokens.iter().map(|t| t.span), "token")?;
        for layer in &self.layers {
            for a in layer {
                a.span.check(self.text())?;
            }
        }
        Ok(())
    }

    /// The extraction result as one JSON object with the top-level arrays `sentences`,
    /// `entities`, `actors`, `places`, `dates`, `quantities`, `claims`, `events`; every
    /// item carries `start`, `end` and the `text` it covers.
    pub fn to_extract_json(&self) -> Value {
        let r = &self.report;
        let mut out = Map::new();
        out.insert(
            "report".into(),
            json!({
                "id": r.id.0,
                "title": r.title,
                "url": r.url,
                "outlet": r.outlet,
                "published": r.published.map(|d| d.to_string()),
                "published_origin": r.published_origin.map(|o| o.as_str()),
                "language": r.language,
                "format": r.format.as_str(),
                "bytes": r.text.len(),
            }),
        );
        let sentences: Vec<Value> = self
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                json!({"index": i, "start": s.start, "end": s.end, "text": &self.text()[s.start..s.end]})
            })
            .collect();
        out.insert("sentences".into(), Value::Array(sentences));
        for layer in Layer::ANNOTATED {
            let items: Vec<Value> = self
                .layer(layer)
                .iter()
                .map(|a| {
                    let mut m = Map::new();
                    m.insert("start".into(), a.span.start.into());
                    m.insert("end".into(), a.span.end.into());
                    m.insert("text".into(), self.text()[a.span.start..a.span.end].into());
                    m.insert("label".into(), a.label.as_ref().into());
                    if let Some(k) = &a.key {
                        m.insert("key".into(), k.clone().into());
                    }
                    m.insert("component".into(), a.component.as_ref().into());
                    m.insert("confidence".into(), json!(a.confidence));
                    if let Value::Object(attrs) = &a.attrs {
                        for (k, v) in attrs {
                            m.entry(k.clone()).or_insert_with(|| v.clone());
                        }
                    }
                    Value::Object(m)
                })
                .collect();
            out.insert(layer.as_str().into(), Value::Array(items));
        }
        Value::Object(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ReportId, TokenKind};

    fn doc(text: &str) -> Doc {
        Doc::new(Report::from_text(ReportId("t".into()), text))
    }

    #[test]
    fn added_spans_slice_to_their_text() {
        let mut d = doc("Sidorov claimed ISKP had 6,500 members.");
        d.add(
            Layer::Quantities,
            Annotation::new(Span::new(25, 30).unwrap(), "count", "test", 1.0),
        )
        .unwrap();
        let a = &d.layer(Layer::Quantities)[0];
        assert_eq!(d.slice(a.span).unwrap(), "6,500");
        assert!(d.has(Layer::Quantities));
        assert!(!d.has(Layer::Places));
        d.check_invariants().unwrap();
    }

    #[test]
    fn refuses_bad_spans() {
        let mut d = doc("Тажикистан");
        assert!(d
            .add(
                Layer::Places,
                Annotation::new(Span::new(0, 3).unwrap(), "x", "test", 1.0)
            )
            .is_err());
        assert!(d
            .add(
                Layer::Places,
                Annotation::new(Span::new(0, 99).unwrap(), "x", "test", 1.0)
            )
            .is_err());
        assert!(d.layer(Layer::Places).is_empty());
        assert!(d
            .set_sentences(vec![Span::new(0, 4).unwrap(), Span::new(2, 6).unwrap()])
            .is_err());
    }

    #[test]
    fn sentence_lookup_and_tokens_in() {
        let mut d = doc("One two. Three.");
        d.set_sentences(vec![Span::new(0, 8).unwrap(), Span::new(9, 15).unwrap()])
            .unwrap();
        let toks = [(0, 3), (4, 7), (7, 8), (9, 14), (14, 15)]
            .iter()
            .map(|&(s, e)| Token {
                span: Span::new(s, e).unwrap(),
                kind: TokenKind::Word,
            })
            .collect();
        d.set_tokens(toks).unwrap();
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(8), None);
        assert_eq!(d.sentence_at(10), Some(1));
        assert_eq!(d.tokens_in(d.sentences()[1]).len(), 2);
    }

    #[test]
    fn extract_json_has_every_array_with_text() {
        let mut d = doc("Moscow hosted it.");
        d.set_sentences(vec![Span::new(0, 17).unwrap()]).unwrap();
        d.add(
            Layer::Places,
            Annotation::new(Span::new(0, 6).unwrap(), "city", "test", 0.9)
                .with_key("524901")
                .with_attrs(json!({"country": "RUS"})),
        )
        .unwrap();
        let v = d.to_extract_json();
        for k in [
            "sentences",
            "entities",
            "actors",
            "places",
            "dates",
            "quantities",
            "claims",
            "events",
        ] {
            assert!(v[k].is_array(), "{k}");
        }
        assert_eq!(v["places"][0]["text"], "Moscow");
        assert_eq!(v["places"][0]["country"], "RUS");
        assert_eq!(v["sentences"][0]["text"], "Moscow hosted it.");
    }
}
