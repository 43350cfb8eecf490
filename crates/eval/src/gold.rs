//! Gold documents and the streaming JSON Lines reader.
//!
//! The form is described in `shared/gold/README.md`: one JSON object per line with
//! `id`, `text`, `date`, `source` and one task field whose items carry UTF-8 byte
//! offsets into `text`. [`read_gold`] checks every offset (ordered, non-empty, in bounds,
//! on character boundaries) and stops at the first bad one, naming file, line, record
//! and item.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{EvalError, SpanProblem};
use crate::span::check_span;
use crate::task::Task;

/// One gold document (or sentence, for the events files) with its annotations.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldDoc {
    /// Unique id within the file.
    pub id: String,
    /// The text the offsets point into.
    pub text: String,
    /// Publication date `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// Which public set the line comes from.
    pub source: String,
    /// The annotations of the file's task.
    pub gold: GoldItems,
}

/// The annotations of one gold document, by task.
#[derive(Debug, Clone, PartialEq)]
pub enum GoldItems {
    /// Named entities.
    Ner(Vec<GoldEntity>),
    /// Toponyms with coordinates.
    Geo(Vec<GoldToponym>),
    /// Temporal expressions.
    Time(Vec<GoldTimex>),
    /// Attribution relations.
    Attribution(Vec<GoldAttribution>),
    /// Coded events.
    Events(Vec<GoldEvent>),
}

impl GoldItems {
    /// The task these annotations belong to.
    pub fn task(&self) -> Task {
        match self {
            GoldItems::Ner(_) => Task::Ner,
            GoldItems::Geo(_) => Task::Geo,
            GoldItems::Time(_) => Task::Time,
            GoldItems::Attribution(_) => Task::Attribution,
            GoldItems::Events(_) => Task::Events,
        }
    }

    /// Number of annotated items.
    pub fn len(&self) -> usize {
        match self {
            GoldItems::Ner(v) => v.len(),
            GoldItems::Geo(v) => v.len(),
            GoldItems::Time(v) => v.len(),
            GoldItems::Attribution(v) => v.len(),
            GoldItems::Events(v) => v.len(),
        }
    }

    /// Whether there are no annotated items.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A named entity: byte span and label (`PER`, `ORG`, `LOC`, `MISC`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEntity {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Entity label.
    pub label: String,
}

/// A toponym: byte span, the annotated string and its reference coordinate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldToponym {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The annotated string as it appears in the text.
    pub name: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// GeoNames id, when the set gives one.
    #[serde(default)]
    pub geonameid: Option<i64>,
}

/// A TIMEX3 expression: byte span, type and normalized value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldTimex {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub r#type: String,
    /// Normalized value, e.g. `1998-01-08`, `P1D`, `PRESENT_REF`.
    pub value: String,
}

/// An attribution relation; each role is a list of byte spans (possibly
/// discontinuous; `source` may be empty).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GoldAttribution {
    /// Spans of the source (speaker).
    #[serde(default)]
    pub source: Vec<(usize, usize)>,
    /// Spans of the cue (e.g. "said").
    #[serde(default)]
    pub cue: Vec<(usize, usize)>,
    /// Spans of the attributed content.
    #[serde(default)]
    pub content: Vec<(usize, usize)>,
}

/// A coded event. Actor codes are CAMEO-style (`AFGGOV`); `---` marks an absent actor
/// and `None` an actor the file does not annotate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GoldEvent {
    /// Source actor code.
    #[serde(default)]
    pub source: Option<String>,
    /// Target actor code.
    #[serde(default)]
    pub target: Option<String>,
    /// CAMEO event code.
    #[serde(default)]
    pub cameo: Option<String>,
    /// PLOVER event type.
    #[serde(default)]
    pub plover: Option<String>,
}

/// The raw shape of one line; every task field is optional here and the one the task
/// needs is checked afterwards.
#[derive(Deserialize)]
struct RawLine {
    id: String,
    text: String,
    #[serde(default)]
    date: Option<String>,
    source: String,
    #[serde(default)]
    entities: Option<Vec<GoldEntity>>,
    #[serde(default)]
    toponyms: Option<Vec<GoldToponym>>,
    #[serde(default)]
    timexes: Option<Vec<GoldTimex>>,
    #[serde(default)]
    attributions: Option<Vec<GoldAttribution>>,
    #[serde(default)]
    events: Option<Vec<GoldEvent>>,
}

impl RawLine {
    /// The first task whose field is present on the line.
    fn present_task(&self) -> Option<Task> {
        if self.entities.is_some() {
            Some(Task::Ner)
        } else if self.toponyms.is_some() {
            Some(Task::Geo)
        } else if self.timexes.is_some() {
            Some(Task::Time)
        } else if self.attributions.is_some() {
            Some(Task::Attribution)
        } else if self.events.is_some() {
            Some(Task::Events)
        } else {
            None
        }
    }

    fn take_items(&mut self, task: Task) -> Option<GoldItems> {
        match task {
            Task::Ner => self.entities.take().map(GoldItems::Ner),
            Task::Geo => self.toponyms.take().map(GoldItems::Geo),
            Task::Time => self.timexes.take().map(GoldItems::Time),
            Task::Attribution => self.attributions.take().map(GoldItems::Attribution),
            Task::Events => self.events.take().map(GoldItems::Events),
        }
    }
}

/// Reads a gold JSON Lines file for `task`.
///
/// The file is read line by line. Blank lines are skipped. Each error names the file
/// and the 1-based line number: invalid JSON or UTF-8, a missing `id`/`text`/`source`,
/// a missing (or `null`) task field, a duplicate id, a span that is reversed, empty, out
/// of bounds or not on a character boundary, or a coordinate that is not a finite
/// latitude/longitude. Reading stops at the first error.
pub fn read_gold(path: &Path, task: Task) -> Result<Vec<GoldDoc>, EvalError> {
    let file = File::open(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    read_gold_from(BufReader::new(file), &name, task).map_err(|e| match e {
        EvalError::Io { source, .. } => EvalError::Io {
            path: path.to_path_buf(),
            source,
        },
        other => other,
    })
}

/// Reads gold JSON Lines for `task` from any buffered reader; `name` is used in
/// error messages. See [`read_gold`].
pub fn read_gold_from<R: BufRead>(
    mut reader: R,
    name: &str,
    task: Task,
) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|source| EvalError::Io {
                path: name.into(),
                source,
            })?;
        if n == 0 {
            break;
        }
        line_no += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parse_err = |message: String| EvalError::Parse {
            file: name.to_string(),
            line: line_no,
            message,
        };
        let mut raw: RawLine =
            serde_json::from_slice(&buf).map_err(|e| parse_err(json_message(&e)))?;
        let Some(items) = raw.take_items(task) else {
            let hint = match raw.present_task() {
                Some(other) => format!(
                    " (the line has `{}`, the field of task {other})",
                    other.field()
                ),
                None => String::new(),
            };
            return Err(EvalError::MissingTaskField {
                file: name.to_string(),
                line: line_no,
                id: raw.id,
                field: task.field(),
                task,
                hint,
            });
        };
        if let Some(&first_line) = seen.get(&raw.id) {
            return Err(EvalError::DuplicateId {
                file: name.to_string(),
                line: line_no,
                id: raw.id,
                first_line,
            });
        }
        let doc = GoldDoc {
            id: raw.id,
            text: raw.text,
            date: raw.date,
            source: raw.source,
            gold: items,
        };
        validate(&doc).map_err(|bad| bad.into_error(name, line_no, &doc.id))?;
        seen.insert(doc.id.clone(), line_no);
        docs.push(doc);
    }
    Ok(docs)
}

/// A JSON error message whose position names the column only: each record is one
/// line, so serde's own "line 1" would mislead next to the file's line number.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&suffix) {
        Some(msg) if e.column() > 0 => format!("{msg} (column {})", e.column()),
        Some(msg) => msg.to_string(),
        None => full,
    }
}

/// A problem found by [`validate`], before file and line are attached.
enum Invalid {
    Span {
        item: String,
        start: usize,
        end: usize,
        problem: SpanProblem,
    },
    Value {
        item: String,
        message: String,
    },
}

impl Invalid {
    fn into_error(self, file: &str, line: usize, id: &str) -> EvalError {
        match self {
            Invalid::Span {
                item,
                start,
                end,
                problem,
            } => EvalError::BadGoldSpan {
                file: file.to_string(),
                line,
                id: id.to_string(),
                item,
                start,
                end,
                problem,
            },
            Invalid::Value { item, message } => EvalError::BadGoldValue {
                file: file.to_string(),
                line,
                id: id.to_string(),
                item,
                message,
            },
        }
    }
}

fn span_ok(
    text: &str,
    start: usize,
    end: usize,
    item: impl FnOnce() -> String,
) -> Result<(), Invalid> {
    check_span(text, start, end, false).map_err(|problem| Invalid::Span {
        item: item(),
        start,
        end,
        problem,
    })
}

/// Checks that a latitude/longitude pair is finite and in range.
pub(crate) fn coordinate_problem(lat: f64, lon: f64) -> Option<String> {
    if !lat.is_finite() || !lon.is_finite() {
        Some(format!("coordinate ({lat}, {lon}) is not finite"))
    } else if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        Some(format!("coordinate ({lat}, {lon}) is out of range"))
    } else {
        None
    }
}

/// Checks every span (and coordinate) of a gold document; reports the first problem.
fn validate(doc: &GoldDoc) -> Result<(), Invalid> {
    let text = doc.text.as_str();
    match &doc.gold {
        GoldItems::Ner(items) => {
            for (i, x) in items.iter().enumerate() {
                span_ok(text, x.start, x.end, || format!("entities[{i}]"))?;
            }
        }
        GoldItems::Geo(items) => {
            for (i, x) in items.iter().enumerate() {
                span_ok(text, x.start, x.end, || format!("toponyms[{i}]"))?;
                if let Some(message) = coordinate_problem(x.lat, x.lon) {
                    return Err(Invalid::Value {
                        item: format!("toponyms[{i}]"),
                        message,
                    });
                }
            }
        }
        GoldItems::Time(items) => {
            for (i, x) in items.iter().enumerate() {
                span_ok(text, x.start, x.end, || format!("timexes[{i}]"))?;
            }
        }
        GoldItems::Attribution(items) => {
            for (i, x) in items.iter().enumerate() {
                for (role, spans) in [
                    ("source", &x.source),
                    ("cue", &x.cue),
                    ("content", &x.content),
                ] {
                    for (j, &(s, e)) in spans.iter().enumerate() {
                        span_ok(text, s, e, || format!("attributions[{i}].{role}[{j}]"))?;
                    }
                }
            }
        }
        GoldItems::Events(_) => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Writes `content` to a fresh file in the system temp directory.
    fn temp_file(content: &str) -> std::path::PathBuf {
        static N: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "spillover-eval-test-{}-{}.jsonl",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let mut f = File::create(&path).expect("create temp file");
        f.write_all(content.as_bytes()).expect("write temp file");
        path
    }

    #[test]
    fn reads_every_task_form() {
        let ner = r#"{"id":"a","text":"Obama spoke.","date":null,"source":"t","entities":[{"start":0,"end":5,"label":"PER"}]}"#;
        let docs = read_gold_from(ner.as_bytes(), "x", Task::Ner).expect("ner");
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0].gold,
            GoldItems::Ner(vec![GoldEntity {
                start: 0,
                end: 5,
                label: "PER".into()
            }])
        );

        let geo = "{\"id\":\"g\",\"text\":\"In Dushanbe.\",\"date\":\"2020-01-02\",\"source\":\"t\",\"toponyms\":[{\"start\":3,\"end\":11,\"name\":\"Dushanbe\",\"lat\":38.5,\"lon\":68.7,\"geonameid\":null}]}\n\n";
        let docs = read_gold_from(geo.as_bytes(), "x", Task::Geo).expect("geo");
        assert_eq!(docs[0].date.as_deref(), Some("2020-01-02"));
        assert!(matches!(&docs[0].gold, GoldItems::Geo(v) if v[0].geonameid.is_none()));

        let att = r#"{"id":"a","text":"He said it.","date":null,"source":"t","attributions":[{"source":[],"cue":[[3,7]],"content":[[8,10]]}]}"#;
        let docs = read_gold_from(att.as_bytes(), "x", Task::Attribution).expect("att");
        assert!(matches!(&docs[0].gold, GoldItems::Attribution(v) if v[0].cue == vec![(3, 7)]));

        let ev = r#"{"id":"e","text":"X.","date":null,"source":"t","events":[{"source":"---","target":null,"cameo":"010","plover":null}]}"#;
        let docs = read_gold_from(ev.as_bytes(), "x", Task::Events).expect("events");
        assert!(
            matches!(&docs[0].gold, GoldItems::Events(v) if v[0].source.as_deref() == Some("---"))
        );
    }

    #[test]
    fn bad_offset_inside_multibyte_char_names_the_line() {
        let good = r#"{"id":"a","text":"Moscow","date":null,"source":"t","entities":[{"start":0,"end":6,"label":"LOC"}]}"#;
        // "Душанбе": every letter is two bytes; offset 3 falls inside "у".
        let bad = r#"{"id":"b","text":"Душанбе","date":null,"source":"t","entities":[{"start":0,"end":14,"label":"LOC"},{"start":0,"end":3,"label":"LOC"}]}"#;
        let path = temp_file(&format!("{good}\n{bad}\n"));
        let err = read_gold(&path, Task::Ner).expect_err("must fail");
        let _ = std::fs::remove_file(&path);
        match &err {
            EvalError::BadGoldSpan {
                line,
                id,
                item,
                problem,
                file,
                ..
            } => {
                assert_eq!(*line, 2);
                assert_eq!(id, "b");
                assert_eq!(item, "entities[1]");
                assert_eq!(*problem, SpanProblem::NotCharBoundary { offset: 3 });
                assert!(file.starts_with("spillover-eval-test-"));
            }
            other => panic!("unexpected error {other:?}"),
        }
        let msg = err.to_string();
        assert!(msg.contains("line 2"), "{msg}");
        assert!(msg.contains("multi-byte"), "{msg}");
    }

    #[test]
    fn out_of_bounds_and_empty_spans_are_refused() {
        let oob = r#"{"id":"a","text":"abc","date":null,"source":"t","timexes":[{"start":1,"end":4,"type":"DATE","value":"x"}]}"#;
        let err = read_gold_from(oob.as_bytes(), "f", Task::Time).expect_err("oob");
        assert!(matches!(
            err,
            EvalError::BadGoldSpan {
                problem: SpanProblem::OutOfBounds { len: 3 },
                ..
            }
        ));
        let empty = r#"{"id":"a","text":"abc","date":null,"source":"t","attributions":[{"source":[[1,1]],"cue":[[0,1]],"content":[]}]}"#;
        let err = read_gold_from(empty.as_bytes(), "f", Task::Attribution).expect_err("empty");
        assert!(
            err.to_string().contains("attributions[0].source[0]"),
            "{err}"
        );
    }

    #[test]
    fn missing_task_field_is_an_error() {
        let path = temp_file(
            "{\"id\":\"a\",\"text\":\"abc\",\"date\":null,\"source\":\"t\",\"toponyms\":[]}\n",
        );
        let err = read_gold(&path, Task::Ner).expect_err("must fail");
        let _ = std::fs::remove_file(&path);
        assert!(matches!(
            err,
            EvalError::MissingTaskField {
                line: 1,
                field: "entities",
                ..
            }
        ));
        let msg = err.to_string();
        assert!(
            msg.contains("`entities`") && msg.contains("toponyms"),
            "{msg}"
        );

        let null_field = r#"{"id":"a","text":"abc","date":null,"source":"t","events":null}"#;
        let err = read_gold_from(null_field.as_bytes(), "f", Task::Events).expect_err("null");
        assert!(matches!(err, EvalError::MissingTaskField { .. }));
    }

    #[test]
    fn parse_errors_and_duplicates_name_the_line() {
        let text = "{\"id\":\"a\",\"text\":\"x\",\"date\":null,\"source\":\"t\",\"events\":[]}\n{not json\n";
        let err = read_gold_from(text.as_bytes(), "f.jsonl", Task::Events).expect_err("json");
        assert!(matches!(err, EvalError::Parse { line: 2, .. }));
        let msg = err.to_string();
        assert!(msg.starts_with("f.jsonl line 2: "), "{msg}");
        assert!(msg.contains("column") && !msg.contains("line 1"), "{msg}");

        let dup = "{\"id\":\"a\",\"text\":\"x\",\"date\":null,\"source\":\"t\",\"events\":[]}\n{\"id\":\"a\",\"text\":\"y\",\"date\":null,\"source\":\"t\",\"events\":[]}\n";
        let err = read_gold_from(dup.as_bytes(), "f", Task::Events).expect_err("dup");
        assert!(matches!(
            err,
            EvalError::DuplicateId {
                line: 2,
                first_line: 1,
                ..
            }
        ));

        let bad_utf8: &[u8] =
            b"{\"id\":\"a\",\"text\":\"\xff\",\"date\":null,\"source\":\"t\",\"events\":[]}\n";
        let err = read_gold_from(bad_utf8, "f", Task::Events).expect_err("utf8");
        assert!(matches!(err, EvalError::Parse { line: 1, .. }));
    }

    #[test]
    fn bad_coordinates_are_refused() {
        let geo = r#"{"id":"g","text":"Paris","date":null,"source":"t","toponyms":[{"start":0,"end":5,"name":"Paris","lat":95.0,"lon":2.0,"geonameid":1}]}"#;
        let err = read_gold_from(geo.as_bytes(), "f", Task::Geo).expect_err("lat");
        assert!(matches!(err, EvalError::BadGoldValue { .. }));
    }

    #[test]
    fn missing_file_is_an_io_error() {
        let err = read_gold(Path::new("/nonexistent/ner-x.jsonl"), Task::Ner).expect_err("io");
        assert!(matches!(err, EvalError::Io { .. }));
        assert!(err.to_string().contains("/nonexistent/ner-x.jsonl"));
    }
}
