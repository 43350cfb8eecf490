//! A report as ingested: its identity, metadata and immutable text.

use crate::Alignment;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A report's identity: the hash of its normalised text, so the same content always
/// gets the same id whatever file, feed or URL it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReportId(pub String);

impl fmt::Display for ReportId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The form the report arrived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Html,
    Feed,
    Jsonl,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Html => "html",
            SourceFormat::Feed => "feed",
            SourceFormat::Jsonl => "jsonl",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "text" => SourceFormat::Text,
            "html" => SourceFormat::Html,
            "feed" => SourceFormat::Feed,
            "jsonl" => SourceFormat::Jsonl,
            _ => return None,
        })
    }
}

/// Where a report's publication date came from, so an analyst can judge it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// Given by the user (`--published`).
    User,
    /// A field of the JSON Lines record.
    Record,
    /// The feed entry's published or updated field.
    Feed,
    /// HTML metadata (`article:published_time`, JSON-LD, `<time>`).
    HtmlMeta,
    /// A dateline or date line at the head of the text.
    Dateline,
}

impl DateOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrigin::User => "user",
            DateOrigin::Record => "record",
            DateOrigin::Feed => "feed",
            DateOrigin::HtmlMeta => "html_meta",
            DateOrigin::Dateline => "dateline",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "user" => DateOrigin::User,
            "record" => DateOrigin::Record,
            "feed" => DateOrigin::Feed,
            "html_meta" => DateOrigin::HtmlMeta,
            "dateline" => DateOrigin::Dateline,
            _ => return None,
        })
    }
}

/// One news report: metadata plus the clean text every span points into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: ReportId,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_origin: Option<DateOrigin>,
    pub language: Option<String>,
    pub format: SourceFormat,
    /// The input the text was extracted from, when it differs from the text (HTML).
    pub raw: Option<String>,
    /// Text offsets back to `raw`, present whenever `raw` is.
    pub alignment: Option<Alignment>,
    /// The clean text. Immutable once the report exists: every span points into it.
    pub text: String,
    /// The file path or URL the report was read from, for the analyst's reference.
    pub origin: Option<String>,
}

impl Report {
    /// A plain-text report with no metadata; the caller supplies the id.
    pub fn from_text(id: ReportId, text: impl Into<String>) -> Report {
        Report {
            id,
            url: None,
            outlet: None,
            title: None,
            published: None,
            published_origin: None,
            language: None,
            format: SourceFormat::Text,
            raw: None,
            alignment: None,
            text: text.into(),
            origin: None,
        }
    }
}
