//! Alignment from a report's clean text back to the raw input it was extracted from.

use crate::Span;
use serde::{Deserialize, Serialize};

/// One run of the alignment: `text_len` bytes of text starting at `text_start` came from
/// `raw_len` bytes of raw input starting at `raw_start`.
///
/// When the two lengths are equal the run is a verbatim copy and maps byte for byte;
/// otherwise (a decoded entity, collapsed whitespace, a paragraph break the markup implied)
/// the run maps as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignRun {
    pub text_start: u32,
    pub text_len: u32,
    pub raw_start: u32,
    pub raw_len: u32,
}

/// Ordered runs covering the text from offset 0 without gaps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    runs: Vec<AlignRun>,
}

impl Alignment {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `text_len` bytes of text that came from `raw_start..raw_start+raw_len`.
    /// Adjacent verbatim runs are merged so that a plain paragraph costs one run.
    pub fn push(&mut self, text_len: usize, raw_start: usize, raw_len: usize) {
        if text_len == 0 {
            return;
        }
        let text_start = self.text_len();
        if let Some(last) = self.runs.last_mut() {
            let verbatim = last.text_len == last.raw_len && text_len == raw_len;
            if verbatim && (last.raw_start + last.raw_len) as usize == raw_start {
                last.text_len += text_len as u32;
                last.raw_len += raw_len as u32;
                return;
            }
        }
        self.runs.push(AlignRun {
            text_start: text_start as u32,
            text_len: text_len as u32,
            raw_start: raw_start as u32,
            raw_len: raw_len as u32,
        });
    }

    /// Total text length covered.
    pub fn text_len(&self) -> usize {
        self.runs
            .last()
            .map_or(0, |r| (r.text_start + r.text_len) as usize)
    }

    pub fn runs(&self) -> &[AlignRun] {
        &self.runs
    }

    fn run_at(&self, text_offset: usize) -> Option<&AlignRun> {
        let i = self
            .runs
            .partition_point(|r| ((r.text_start + r.text_len) as usize) <= text_offset);
        self.runs.get(i)
    }

    /// The raw bytes a text span came from. `None` when the span is outside the text.
    pub fn to_raw(&self, span: Span) -> Option<Span> {
        if span.end > self.text_len() {
            return None;
        }
        let first = self.run_at(span.start)?;
        let start = if first.text_len == first.raw_len {
            first.raw_start as usize + (span.start - first.text_start as usize)
        } else {
            first.raw_start as usize
        };
        if span.is_empty() {
            return Some(Span { start, end: start });
        }
        let last = self.run_at(span.end - 1)?;
        let end = if last.text_len == last.raw_len {
            last.raw_start as usize + (span.end - last.text_start as usize)
        } else {
            (last.raw_start + last.raw_len) as usize
        };
        Some(Span {
            start,
            end: end.max(start),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_verbatim_and_replaced_runs() {
        // raw:  "<p>Tom &amp; Jerry</p>"  text: "Tom & Jerry"
        let raw = "<p>Tom &amp; Jerry</p>";
        let mut a = Alignment::new();
        a.push(4, 3, 4); // "Tom "
        a.push(1, 7, 5); // "&" from "&amp;"
        a.push(6, 12, 6); // " Jerry"
        assert_eq!(a.runs().len(), 3);
        let text = "Tom & Jerry";
        let jerry = Span::new(6, 11).unwrap();
        assert_eq!(&text[6..11], "Jerry");
        let r = a.to_raw(jerry).unwrap();
        assert_eq!(&raw[r.start..r.end], "Jerry");
        let amp = a.to_raw(Span::new(4, 5).unwrap()).unwrap();
        assert_eq!(&raw[amp.start..amp.end], "&amp;");
        let all = a.to_raw(Span::new(0, 11).unwrap()).unwrap();
        assert_eq!(&raw[all.start..all.end], "Tom &amp; Jerry");
        assert!(a.to_raw(Span::new(0, 12).unwrap()).is_none());
    }

    #[test]
    fn adjacent_verbatim_runs_merge() {
        let mut a = Alignment::new();
        a.push(3, 10, 3);
        a.push(2, 13, 2);
        assert_eq!(a.runs().len(), 1);
        assert_eq!(a.text_len(), 5);
    }
}
