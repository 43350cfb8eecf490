//! Sources → [`Report`]s.
//!
//! An input is a path (a plain-text file, an HTML page, a JSON Lines batch, an RSS or
//! Atom feed, or a folder of any of these) or an http(s) URL of a page or feed.
//! [`read_input`] turns one input into reports, handing each to a callback as soon as it
//! is read, so a batch of any size streams. A bad item (invalid UTF-8, a binary file, a
//! truncated or hostile feed, a huge file) becomes an [`IngestError`] naming the input,
//! and the rest of the batch goes on.
//!
//! A report's id is the hash of its normalised text ([`report_id`]), so the same content
//! ingested twice, from anywhere, has the same id and is stored once.
//!
//! ```
//! use spillover_ingest::{report_id, text_report, IngestOptions};
//! let r = text_report("Guards  clashed\r\nnear Panj.", "note.txt", &IngestOptions::default());
//! assert_eq!(r.id, report_id("Guards clashed near Panj."));
//! ```

mod error;
mod fetch;
mod sources;

pub use error::IngestError;
pub use fetch::{fetch, is_public_ip, FetchOptions};
pub use sources::{
    expand_inputs, html_report, parse_jsonl_record, read_input, text_report, Input, InputKind,
    JsonlLine, JsonlLines,
};

use chrono::NaiveDate;
use spillover_doc::ReportId;
use unicode_normalization::UnicodeNormalization;

/// Options that apply to every input of a run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Publication date for reports that carry none of their own.
    pub published: Option<NaiveDate>,
    /// Outlet for reports that name none of their own.
    pub outlet: Option<String>,
    /// Largest file or record accepted, in bytes.
    pub max_bytes: u64,
    /// How URLs are fetched.
    pub fetch: FetchOptions,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: None,
            outlet: None,
            max_bytes: 32 * 1024 * 1024,
            fetch: FetchOptions::default(),
        }
    }
}

/// The id of a report with this text: BLAKE3 of the text after Unicode NFC
/// normalisation, with whitespace runs collapsed and the ends trimmed; 32 hex digits.
pub fn report_id(text: &str) -> ReportId {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    let text = text.trim();
    let mut normal = String::with_capacity(text.len());
    let mut push_collapsed = |chars: &mut dyn Iterator<Item = char>| {
        let mut pending_space = false;
        for c in chars {
            if c.is_whitespace() {
                pending_space = true;
                continue;
            }
            if pending_space {
                normal.push(' ');
                pending_space = false;
            }
            normal.push(c);
        }
    };
    // Most news text is already NFC; normalising only when needed keeps this cheap.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        push_collapsed(&mut text.chars());
    } else {
        push_collapsed(&mut text.nfc());
    }
    let hex = blake3::hash(normal.as_bytes()).to_hex();
    ReportId(hex.as_str()[..32].to_string())
}

/// Strips a byte-order mark and turns CRLF and lone CR into LF. The result is the text
/// every span points into.
pub fn clean_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ignores_whitespace_and_normalisation_differences() {
        let a = report_id("Tajik guards  repelled\n\nthe attack.");
        let b = report_id("  Tajik guards repelled the attack.\n");
        let composed = report_id("Café");
        let decomposed = report_id("Cafe\u{301}");
        assert_eq!(a, b);
        assert_eq!(composed, decomposed);
        assert_ne!(a, report_id("Tajik guards repelled the attacks."));
        assert_eq!(a.0.len(), 32);
    }

    #[test]
    fn clean_text_normalises_line_ends_and_bom() {
        assert_eq!(clean_text("\u{feff}a\r\nb\rc"), "a\nb\nc");
    }
}
