//! Reading each kind of input into reports.

use crate::{clean_text, fetch, report_id, IngestError, IngestOptions};
use chrono::NaiveDate;
use serde::Deserialize;
use spillover_doc::{DateOrigin, Report, SourceFormat};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One thing the user named: a file or an http(s) URL. Folders are expanded into files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Url(String),
}

impl Input {
    /// How the input is named in messages and in each report's `origin`.
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Url(u) => u.clone(),
        }
    }
}

/// The form of an input, from its extension or its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Html,
    Jsonl,
    Feed,
}

const REPORT_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "xml", "rss", "atom",
];

/// Turns command-line arguments into inputs: URLs as they are, files as they are, folders
/// walked recursively (files with a report extension, hidden entries skipped, sorted so
/// runs are reproducible). Paths that do not exist become errors.
pub fn expand_inputs(args: &[String]) -> (Vec<Input>, Vec<IngestError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        let lower = arg.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            inputs.push(Input::Url(arg.clone()));
            continue;
        }
        let path = PathBuf::from(arg);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::Path(path)),
            Err(source) => errors.push(IngestError::Io {
                input: arg.clone(),
                source,
            }),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<IngestError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(IngestError::Io {
                input: dir.display().to_string(),
                source,
            });
            return;
        }
    };
    // Symbolic links to folders are not followed: a link to `..` or `/` would loop or
    // walk the whole machine. Links to files are read.
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let linked_dir = e.file_type().is_ok_and(|t| t.is_symlink()) && e.path().is_dir();
            (e.path(), linked_dir)
        })
        .collect();
    paths.sort();
    for (p, linked_dir) in paths {
        if linked_dir {
            continue;
        }
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, inputs, errors);
        } else if extension(&p).is_some_and(|e| REPORT_EXTENSIONS.contains(&e.as_str())) {
            inputs.push(Input::Path(p));
        }
    }
}

fn extension(p: &Path) -> Option<String> {
    p.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
}

/// Guesses the form from an extension (if any), a declared content type (if any) and the
/// first bytes.
fn detect_kind(ext: Option<&str>, content_type: Option<&str>, head: &[u8]) -> InputKind {
    match ext {
        Some("jsonl" | "ndjson") => return InputKind::Jsonl,
        Some("rss" | "atom") => return InputKind::Feed,
        _ => {}
    }
    if let Some(ct) = content_type.map(|c| c.to_ascii_lowercase()) {
        if ct.contains("rss") || ct.contains("atom") {
            return InputKind::Feed;
        }
        if ct.contains("json") {
            return InputKind::Jsonl;
        }
    }
    let n = head.len().min(2048);
    let sniff = String::from_utf8_lossy(&head[..n]).to_ascii_lowercase();
    let sniff = sniff.trim_start_matches('\u{feff}').trim_start();
    if sniff.contains("<rss") || sniff.contains("<feed") || sniff.contains("<rdf:rdf") {
        return InputKind::Feed;
    }
    if sniff.starts_with("<!doctype html") || sniff.contains("<html") || sniff.contains("<body") {
        return InputKind::Html;
    }
    match ext {
        Some("html" | "htm" | "xhtml") => InputKind::Html,
        Some("xml") => InputKind::Feed,
        _ if content_type.is_some_and(|c| c.to_ascii_lowercase().contains("html")) => {
            InputKind::Html
        }
        _ => InputKind::Text,
    }
}

fn check_bytes<'b>(input: &str, bytes: &'b [u8]) -> Result<&'b str, IngestError> {
    if let Some(offset) = memchr_nul(&bytes[..bytes.len().min(8192)]) {
        return Err(IngestError::Binary {
            input: input.to_string(),
            offset,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        input: input.to_string(),
        offset: e.valid_up_to(),
    })
}

fn memchr_nul(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == 0)
}

/// Reads one input and hands every report (or per-item error) to `emit`, in order.
/// An error returned here concerns the whole input (unreadable, too large, binary …).
pub fn read_input(
    input: &Input,
    opts: &IngestOptions,
    emit: &mut dyn FnMut(Result<Report, IngestError>),
) -> Result<(), IngestError> {
    let name = input.name();
    match input {
        Input::Url(url) => {
            let fetched = fetch(url, &opts.fetch)?;
            let kind = detect_kind(None, fetched.content_type.as_deref(), &fetched.body);
            let text = check_bytes(&name, &fetched.body)?;
            match kind {
                InputKind::Jsonl => read_jsonl(&name, BufReader::new(text.as_bytes()), opts, emit)?,
                InputKind::Feed => read_feed(&name, text.as_bytes(), opts, emit)?,
                InputKind::Html => emit(html_report(text, &name, opts).map(|mut r| {
                    r.url.get_or_insert(fetched.final_url.clone());
                    r
                })),
                InputKind::Text => emit(non_empty(text_report(text, &name, opts), &name)),
            }
            Ok(())
        }
        Input::Path(path) => {
            let io = |source| IngestError::Io {
                input: name.clone(),
                source,
            };
            let meta = std::fs::metadata(path).map_err(io)?;
            if meta.is_dir() {
                return Err(IngestError::Io {
                    input: name,
                    source: std::io::Error::other("is a folder"),
                });
            }
            let mut file = std::fs::File::open(path).map_err(io)?;
            let mut head = vec![0u8; 2048];
            let n = read_up_to(&mut file, &mut head).map_err(io)?;
            head.truncate(n);
            let ext = extension(path);
            let kind = detect_kind(ext.as_deref(), None, &head);
            if kind == InputKind::Jsonl {
                // Batches stream line by line; the size limit applies to each record.
                let reader = BufReader::new(std::io::Cursor::new(head).chain(file));
                return read_jsonl(&name, reader, opts, emit);
            }
            if meta.len() > opts.max_bytes {
                return Err(IngestError::TooLarge {
                    input: name,
                    size: meta.len(),
                    max: opts.max_bytes,
                });
            }
            let mut bytes = head;
            file.take(
                opts.max_bytes
                    .saturating_add(1)
                    .saturating_sub(bytes.len() as u64),
            )
            .read_to_end(&mut bytes)
            .map_err(io)?;
            if bytes.len() as u64 > opts.max_bytes {
                return Err(IngestError::TooLarge {
                    input: name,
                    size: bytes.len() as u64,
                    max: opts.max_bytes,
                });
            }
            let text = check_bytes(&name, &bytes)?;
            match kind {
                InputKind::Feed => read_feed(&name, text.as_bytes(), opts, emit)?,
                InputKind::Html => emit(html_report(text, &name, opts)),
                InputKind::Text | InputKind::Jsonl => {
                    emit(non_empty(text_report(text, &name, opts), &name))
                }
            }
            Ok(())
        }
    }
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

fn non_empty(report: Report, name: &str) -> Result<Report, IngestError> {
    if report.text.trim().is_empty() {
        return Err(IngestError::Empty {
            input: name.to_string(),
            detail: String::new(),
        });
    }
    Ok(report)
}

/// Lines that credit a photo rather than title the report.
fn is_credit_line(line: &str) -> bool {
    let l = line.trim_start().to_ascii_lowercase();
    [
        "photo:",
        "photo by",
        "image:",
        "picture:",
        "credit:",
        "file photo",
        "photograph:",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// Lines that open with a dateline ("TERMEZ, Uzbekistan — April 16, 2025", "KABUL, Jan 18 –"):
/// a place name in capitals followed by a comma or a dash.
fn is_dateline_line(line: &str) -> bool {
    let head: String = line
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == ' ' || *c == '-' || *c == '\'')
        .collect();
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    let rest = line[head.len()..].trim_start();
    // "NATO, CSTO agree to talks" is a headline: a dateline carries a date or a dash.
    let dated = line.chars().any(|c| c.is_ascii_digit())
        || line.contains('—')
        || line.contains('–')
        || line.contains(" - ");
    letters >= 3
        && dated
        && !head.chars().any(|c| c.is_lowercase())
        && (rest.starts_with(',')
            || rest.starts_with('—')
            || rest.starts_with('–')
            || rest.starts_with("- ")
            || rest.starts_with('('))
}

/// A plain-text report. The title is the first line that reads like a headline (short,
/// no final full stop, not a photo credit or a dateline); the date comes from a dateline at the head of
/// the text, else from `opts.published`.
pub fn text_report(text: &str, origin: &str, opts: &IngestOptions) -> Report {
    let text = clean_text(text);
    let title = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .find(|l| !is_credit_line(l) && !is_dateline_line(l))
        .filter(|l| l.len() <= 200 && !l.ends_with('.') && !l.ends_with('”') && !l.ends_with('"'))
        .map(str::to_string);
    let mut report = Report::from_text(report_id(&text), text);
    report.title = title;
    report.format = SourceFormat::Text;
    report.origin = Some(origin.to_string());
    finish(report, None, opts)
}

/// An HTML page: the clean article text with its alignment back to the page, and the
/// page's metadata.
pub fn html_report(raw: &str, origin: &str, opts: &IngestOptions) -> Result<Report, IngestError> {
    let raw = clean_text(raw);
    let article = spillover_text::html::extract(&raw);
    if article.text.trim().is_empty() {
        let detail = if article.warnings.is_empty() {
            String::new()
        } else {
            format!(" ({})", article.warnings.join("; "))
        };
        return Err(IngestError::Empty {
            input: origin.to_string(),
            detail,
        });
    }
    let mut report = Report::from_text(report_id(&article.text), article.text);
    report.format = SourceFormat::Html;
    report.title = article.title;
    report.url = article.url;
    report.outlet = article.outlet;
    report.language = article.language;
    report.alignment = Some(article.alignment);
    report.raw = Some(raw);
    report.origin = Some(origin.to_string());
    let meta_date = article.published.map(|d| (d, DateOrigin::HtmlMeta));
    Ok(finish(report, meta_date, opts))
}

/// Fills what the input did not say: the date (own metadata, then a dateline — with
/// its year, or without one when a full date in the text gives the year — then the
/// user's default), the outlet (user's default) and the language (detected). A
/// dateline whose year cannot be known sets no date.
fn finish(
    mut report: Report,
    own_date: Option<(NaiveDate, DateOrigin)>,
    opts: &IngestOptions,
) -> Report {
    use spillover_text::dates::{find_dateline, find_partial_dateline, infer_dateline_year};
    let dateline = || {
        let full = find_dateline(&report.text);
        // "KABUL, Jan 18 – … talks of December 28, 2023": the dateline comes first
        match find_partial_dateline(&report.text) {
            Some((m, day, span)) if full.is_none_or(|(_, f)| span.start < f.start) => {
                let y = infer_dateline_year(&report.text, m, day)?;
                NaiveDate::from_ymd_opt(y, m, day)
            }
            _ => full.map(|(d, _)| d),
        }
    };
    let date = own_date
        .or_else(|| dateline().map(|d| (d, DateOrigin::Dateline)))
        .or_else(|| opts.published.map(|d| (d, DateOrigin::User)));
    if report.published.is_none() {
        if let Some((d, origin)) = date {
            report.published = Some(d);
            report.published_origin = Some(origin);
        }
    }
    if report.outlet.is_none() {
        report.outlet = opts.outlet.clone();
    }
    if report.language.is_none() {
        report.language = spillover_text::language::detect(&report.text).map(str::to_string);
    }
    report
}

/// One line of a JSON Lines batch.
#[derive(Debug, Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    text: Option<String>,
    html: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    language: Option<String>,
}

/// One line of a JSON Lines stream, read with a size limit.
#[derive(Debug)]
pub enum JsonlLine {
    /// The line's bytes, without the newline and (on line 1) without a byte-order mark.
    Record(Vec<u8>),
    /// A line of only whitespace.
    Blank,
    /// A line longer than the limit, skipped whole; its size in bytes.
    TooLong(u64),
}

/// Reads JSON Lines one line at a time, never holding more than `max_bytes` of a line:
/// an oversized line is skipped (and reported) and the next line is read normally.
pub struct JsonlLines<R> {
    reader: R,
    max_bytes: u64,
    line_no: usize,
    done: bool,
}

impl<R: BufRead> JsonlLines<R> {
    pub fn new(reader: R, max_bytes: u64) -> Self {
        JsonlLines {
            reader,
            max_bytes,
            line_no: 0,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    /// The 1-based line number and the line, or the read error that ended the stream.
    type Item = (usize, std::io::Result<JsonlLine>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.line_no += 1;
        let mut buf = Vec::new();
        match (&mut self.reader)
            .take(self.max_bytes.saturating_add(1))
            .read_until(b'\n', &mut buf)
        {
            Ok(0) => {
                self.done = true;
                return None;
            }
            Ok(_) => {}
            Err(e) => {
                self.done = true;
                return Some((self.line_no, Err(e)));
            }
        }
        if buf.len() as u64 > self.max_bytes && buf.last() != Some(&b'\n') {
            // Skip the rest of the oversized line, then go on with the next.
            let mut skipped = buf.len() as u64;
            loop {
                buf.clear();
                match (&mut self.reader).take(1 << 20).read_until(b'\n', &mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        skipped += n as u64;
                        if buf.last() == Some(&b'\n') {
                            break;
                        }
                    }
                }
            }
            return Some((self.line_no, Ok(JsonlLine::TooLong(skipped))));
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            return Some((self.line_no, Ok(JsonlLine::Blank)));
        }
        while matches!(buf.last(), Some(b'\n' | b'\r')) {
            buf.pop();
        }
        if self.line_no == 1 && buf.starts_with("\u{feff}".as_bytes()) {
            buf.drain(..3);
        }
        Some((self.line_no, Ok(JsonlLine::Record(buf))))
    }
}

fn read_jsonl(
    name: &str,
    reader: impl BufRead,
    opts: &IngestOptions,
    emit: &mut dyn FnMut(Result<Report, IngestError>),
) -> Result<(), IngestError> {
    for (line_no, line) in JsonlLines::new(reader, opts.max_bytes) {
        let item = format!("{name}:{line_no}");
        match line {
            // The rest of the file cannot be read: the whole input failed, so it is not
            // marked done and a rerun tries it again.
            Err(source) => {
                return Err(IngestError::Io {
                    input: item,
                    source,
                })
            }
            Ok(JsonlLine::Blank) => {}
            Ok(JsonlLine::TooLong(size)) => emit(Err(IngestError::TooLarge {
                input: item,
                size,
                max: opts.max_bytes,
            })),
            Ok(JsonlLine::Record(bytes)) => emit(parse_jsonl_record(&item, &bytes, opts)),
        }
    }
    Ok(())
}

/// Parses one JSON Lines record (`{"id"?, "url"?, "title"?, "text"? | "html"?,
/// "published"?, "outlet"?, "language"?}`) into a report; `item` names it in errors.
pub fn parse_jsonl_record(
    item: &str,
    line: &[u8],
    opts: &IngestOptions,
) -> Result<Report, IngestError> {
    let line = check_bytes(item, line)?;
    let rec: JsonRecord = serde_json::from_str(line).map_err(|e| IngestError::Json {
        input: item.to_string(),
        message: e.to_string(),
    })?;
    let label = match &rec.id {
        Some(serde_json::Value::String(s)) => format!("{item} ({s})"),
        Some(v) => format!("{item} ({v})"),
        None => item.to_string(),
    };
    let published = match rec
        .published
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(p) => {
            Some(
                spillover_text::dates::parse_date(p).ok_or_else(|| IngestError::BadDate {
                    input: label.clone(),
                    value: p.to_string(),
                })?,
            )
        }
        None => None,
    };
    let mut report = match (&rec.text, &rec.html) {
        (Some(t), _) if !t.trim().is_empty() => non_empty(text_report(t, &label, opts), &label)?,
        (_, Some(h)) => html_report(h, &label, opts)?,
        _ => return Err(IngestError::NoText { input: label }),
    };
    report.format = if rec.text.as_deref().is_some_and(|t| !t.trim().is_empty()) {
        SourceFormat::Jsonl
    } else {
        SourceFormat::Html
    };
    if let Some(d) = published {
        report.published = Some(d);
        report.published_origin = Some(DateOrigin::Record);
    }
    if rec.title.is_some() {
        report.title = rec.title;
    }
    if rec.url.is_some() {
        report.url = rec.url;
    }
    if rec.outlet.is_some() {
        report.outlet = rec.outlet;
    }
    if rec.language.is_some() {
        report.language = rec.language;
    }
    Ok(report)
}

fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

fn read_feed(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
    emit: &mut dyn FnMut(Result<Report, IngestError>),
) -> Result<(), IngestError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| IngestError::Feed {
        input: name.to_string(),
        message: e.to_string(),
    })?;
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    for (i, entry) in feed.entries.iter().enumerate() {
        let item = format!("{name}#{}", i + 1);
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let report = if looks_like_html(&body) {
            html_report(&body, &item, opts)
        } else {
            non_empty(text_report(&body, &item, opts), &item)
        };
        emit(report.map(|mut r| {
            r.format = SourceFormat::Feed;
            if let Some(t) = entry
                .title
                .as_ref()
                .map(|t| t.content.trim())
                .filter(|t| !t.is_empty())
            {
                r.title = Some(t.to_string());
            }
            if let Some(link) = entry.links.first() {
                r.url = Some(link.href.clone());
            }
            if let Some(dt) = entry.published.or(entry.updated) {
                r.published = Some(dt.date_naive());
                r.published_origin = Some(DateOrigin::Feed);
            }
            if let Some(o) = &outlet {
                r.outlet = Some(o.clone());
            }
            r
        }));
    }
    Ok(())
}

#[cfg(test)]
#[path = "sources_tests.rs"]
mod tests;
