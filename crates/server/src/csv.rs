//! The CSV form of span, claim and place listings (RFC 4180: comma-separated, CRLF line ends,
//! fields quoted when they hold a comma, a quote or a line break).

use spillover_store::{ClaimRecord, PlaceSummary, SpanRecord};

/// The header row, in order. Documented in `docs/API.md`.
pub const SPAN_COLUMNS: [&str; 15] = [
    "report_id",
    "published",
    "outlet",
    "layer",
    "start",
    "end",
    "text",
    "label",
    "key",
    "component",
    "confidence",
    "sentence_start",
    "sentence_end",
    "sentence",
    "attrs",
];

fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn row(out: &mut String, values: &[&str]) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, v);
    }
    out.push_str("\r\n");
}

/// The header and one row per span.
pub fn spans(records: &[SpanRecord]) -> String {
    let mut out = String::new();
    row(&mut out, &SPAN_COLUMNS);
    for r in records {
        let published = r.published.map(|d| d.to_string()).unwrap_or_default();
        let (s_start, s_end, s_text) = match &r.sentence {
            Some(s) => (s.start.to_string(), s.end.to_string(), s.text.as_str()),
            None => (String::new(), String::new(), ""),
        };
        let attrs = if r.attrs.is_null() {
            String::new()
        } else {
            r.attrs.to_string()
        };
        row(
            &mut out,
            &[
                &r.report,
                &published,
                r.outlet.as_deref().unwrap_or(""),
                &r.layer,
                &r.start.to_string(),
                &r.end.to_string(),
                &r.text,
                &r.label,
                r.key.as_deref().unwrap_or(""),
                &r.component,
                &r.confidence.to_string(),
                &s_start,
                &s_end,
                s_text,
                &attrs,
            ],
        );
    }
    out
}

/// The header row of place exports, in order. Documented in `docs/API.md`.
pub const PLACE_COLUMNS: [&str; 14] = [
    "key",
    "name",
    "country",
    "admin1",
    "precision",
    "direction",
    "latitude",
    "longitude",
    "border_pair",
    "border_km",
    "mentions",
    "reports",
    "first_published",
    "last_published",
];

/// The header and one row per place.
pub fn places(records: &[PlaceSummary]) -> String {
    let mut out = String::new();
    row(&mut out, &PLACE_COLUMNS);
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for p in records {
        row(
            &mut out,
            &[
                &p.key,
                &p.name,
                p.country.as_deref().unwrap_or(""),
                p.admin1.as_deref().unwrap_or(""),
                &p.precision,
                p.direction.as_deref().unwrap_or(""),
                &number(p.lat),
                &number(p.lon),
                p.border_pair.as_deref().unwrap_or(""),
                &number(p.border_km),
                &p.mentions.to_string(),
                &p.reports.to_string(),
                &day(p.first_published),
                &day(p.last_published),
            ],
        );
    }
    out
}

/// The header row of claim exports, in order. Documented in `docs/API.md`.
pub const CLAIM_COLUMNS: [&str; 24] = [
    "claim_id",
    "report_id",
    "title",
    "published",
    "outlet",
    "start",
    "end",
    "date",
    "date_origin",
    "speaker",
    "speaker_name",
    "stance",
    "cue",
    "content",
    "hedged",
    "direct",
    "negated",
    "predicate",
    "scope",
    "subject",
    "about",
    "figures",
    "contradictions",
    "sentence",
];

/// The header and one row per claim.
pub fn claims(records: &[ClaimRecord]) -> String {
    let mut out = String::new();
    row(&mut out, &CLAIM_COLUMNS);
    let flag = |b: bool| if b { "true" } else { "false" };
    for c in records {
        let published = c.published.map(|d| d.to_string()).unwrap_or_default();
        let (date, origin) = match &c.date {
            Some(d) => (d.value.as_str(), d.origin.as_deref().unwrap_or("")),
            None => ("", ""),
        };
        let figures = if c.figures.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&c.figures).unwrap_or_default()
        };
        let sentence = c
            .sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        row(
            &mut out,
            &[
                &c.id.to_string(),
                &c.report,
                c.title.as_deref().unwrap_or(""),
                &published,
                c.outlet.as_deref().unwrap_or(""),
                &c.start.to_string(),
                &c.end.to_string(),
                date,
                origin,
                c.speaker.as_deref().unwrap_or(""),
                c.speaker_name.as_deref().unwrap_or(""),
                &c.stance,
                c.cue.as_deref().unwrap_or(""),
                &c.content,
                flag(c.hedged),
                flag(c.direct),
                flag(c.negated),
                c.predicate.as_deref().unwrap_or(""),
                c.scope.as_deref().unwrap_or(""),
                c.subject.as_deref().unwrap_or(""),
                &c.about.join(";"),
                &figures,
                &c.contradictions.to_string(),
                &sentence,
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        let mut out = String::new();
        row(&mut out, &["plain", "a,b", "say \"hi\"", "two\nlines", ""]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }
}
