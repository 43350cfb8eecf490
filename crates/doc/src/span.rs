//! Byte spans into a report's text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a report's text.
///
/// A `Span` always has `start <= end`; whether it falls on character boundaries of a
/// particular text is checked by [`Span::slice`] and by the `Doc` when the span is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RawSpan")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
}

impl TryFrom<RawSpan> for Span {
    type Error = SpanError;
    fn try_from(raw: RawSpan) -> Result<Self, SpanError> {
        Span::new(raw.start, raw.end)
    }
}

/// Why a span could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("span {start}..{end} is reversed")]
    Reversed { start: usize, end: usize },
    #[error("span {start}..{end} runs past the end of a text of {len} bytes")]
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {start}..{end} does not fall on UTF-8 character boundaries")]
    NotCharBoundary { start: usize, end: usize },
    #[error("{what} spans are not sorted or overlap at {start}..{end}")]
    Unordered {
        what: &'static str,
        start: usize,
        end: usize,
    },
}

impl Span {
    /// A span, refusing `start > end`.
    pub fn new(start: usize, end: usize) -> Result<Span, SpanError> {
        if start > end {
            return Err(SpanError::Reversed { start, end });
        }
        Ok(Span { start, end })
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies wholly inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Checks the span against `text`: in bounds and on character boundaries.
    pub fn check(&self, text: &str) -> Result<(), SpanError> {
        if self.end > text.len() {
            return Err(SpanError::OutOfBounds {
                start: self.start,
                end: self.end,
                len: text.len(),
            });
        }
        if !text.is_char_boundary(self.start) || !text.is_char_boundary(self.end) {
            return Err(SpanError::NotCharBoundary {
                start: self.start,
                end: self.end,
            });
        }
        Ok(())
    }

    /// The text this span covers, or an error when it does not fit `text`.
    pub fn slice<'t>(&self, text: &'t str) -> Result<&'t str, SpanError> {
        self.check(text)?;
        Ok(&text[self.start..self.end])
    }

    /// The same span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let Ok(s) = self.slice(text) else {
            return *self;
        };
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span {
                start: self.start,
                end: self.start,
            };
        }
        Span {
            start: self.start + lead,
            end: self.end - trail,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_checks_bounds_and_boundaries() {
        let text = "Kunduz — Takhar";
        let dash = text.find('—').unwrap();
        assert_eq!(Span::new(0, 6).unwrap().slice(text).unwrap(), "Kunduz");
        assert!(matches!(
            Span::new(dash, dash + 1).unwrap().slice(text),
            Err(SpanError::NotCharBoundary { .. })
        ));
        assert!(matches!(
            Span::new(0, 99).unwrap().slice(text),
            Err(SpanError::OutOfBounds { .. })
        ));
        assert!(Span::new(3, 2).is_err());
    }

    #[test]
    fn deserialising_a_reversed_span_fails() {
        assert!(serde_json::from_str::<Span>(r#"{"start":5,"end":2}"#).is_err());
        let s: Span = serde_json::from_str(r#"{"start":2,"end":5}"#).unwrap();
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn trim_and_overlap() {
        let text = "  Dushanbe  ";
        let s = Span::new(0, text.len()).unwrap().trim(text);
        assert_eq!(s.slice(text).unwrap(), "Dushanbe");
        assert!(s.overlaps(Span::new(5, 20).unwrap()));
        assert!(!s.overlaps(Span::new(10, 12).unwrap()));
        assert!(Span::new(0, 12).unwrap().contains(s));
    }
}
