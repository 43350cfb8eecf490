//! Segmentation: sentences and tokens, the layers every later stage reads.

use crate::{Component, ComponentError};
use spillover_doc::{Doc, Layer};

/// Splits the text into sentences (headlines and photo credits as their own segments)
/// and tokens, with `spillover_text`'s rules for news English.
pub struct Segmenter;

impl Component for Segmenter {
    fn name(&self) -> &'static str {
        "segmenter"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let sentences = spillover_text::sentences::split(doc.text());
        let tokens = spillover_text::tokens::tokenize(doc.text());
        let wrap = |source| ComponentError::Span {
            component: "segmenter",
            source,
        };
        doc.set_sentences(sentences).map_err(wrap)?;
        doc.set_tokens(tokens).map_err(wrap)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spillover_doc::{Report, ReportId};

    #[test]
    fn every_sentence_and_token_slices_cleanly() {
        let text = "Photo: CSTO\n\nGen. Sidorov said ISKP had up to 6,500 members. “It is a threat,” he said.";
        let mut doc = Doc::new(Report::from_text(ReportId("s".into()), text));
        Segmenter.process(&mut doc).unwrap();
        let sents: Vec<&str> = doc
            .sentences()
            .iter()
            .map(|s| doc.slice(*s).unwrap())
            .collect();
        assert_eq!(sents[0], "Photo: CSTO");
        assert_eq!(sents[1], "Gen. Sidorov said ISKP had up to 6,500 members.");
        assert_eq!(sents[2], "“It is a threat,” he said.");
        assert!(doc
            .tokens()
            .iter()
            .any(|t| doc.slice(t.span).unwrap() == "6,500"));
        doc.check_invariants().unwrap();
    }
}
