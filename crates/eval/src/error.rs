//! Typed errors for reading gold files and scoring predictions.

use std::fmt;
use std::path::PathBuf;

use crate::task::Task;

/// What is wrong with one span, relative to the text it points into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanProblem {
    /// `start > end`.
    Reversed,
    /// `start == end` where a non-empty span is required (gold annotations).
    Empty,
    /// `end` lies past the end of the text.
    OutOfBounds {
        /// Length of the text in bytes.
        len: usize,
    },
    /// An offset falls inside a multi-byte UTF-8 character.
    NotCharBoundary {
        /// The offending offset.
        offset: usize,
    },
}

impl fmt::Display for SpanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpanProblem::Reversed => write!(f, "start is after end"),
            SpanProblem::Empty => write!(f, "the span is empty"),
            SpanProblem::OutOfBounds { len } => {
                write!(f, "it runs past the end of the text ({len} bytes)")
            }
            SpanProblem::NotCharBoundary { offset } => write!(
                f,
                "offset {offset} falls inside a multi-byte UTF-8 character"
            ),
        }
    }
}

/// Everything that can go wrong while reading gold data or scoring.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A line is not valid JSON of the expected shape (or not valid UTF-8).
    #[error("{file} line {line}: {message}")]
    Parse {
        /// File name (as given to the reader).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What the JSON parser said.
        message: String,
    },
    /// A line lacks the field that holds the annotations of the requested task.
    #[error("{file} line {line} (id {id}): missing task field `{field}` for task {task}{hint}")]
    MissingTaskField {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// Record id.
        id: String,
        /// The field that was expected (`entities`, `toponyms`, ...).
        field: &'static str,
        /// The task asked for.
        task: Task,
        /// A note naming the task field the line does have, if any.
        hint: String,
    },
    /// A gold span does not fit the text of its record.
    #[error("{file} line {line} (id {id}): {item} has bad span {start}..{end}: {problem}")]
    BadGoldSpan {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// Record id.
        id: String,
        /// Which item, e.g. `entities[3]` or `attributions[0].cue[1]`.
        item: String,
        /// Span start as given.
        start: usize,
        /// Span end as given.
        end: usize,
        /// What is wrong.
        problem: SpanProblem,
    },
    /// A gold value other than a span is invalid (e.g. a latitude out of range).
    #[error("{file} line {line} (id {id}): {item}: {message}")]
    BadGoldValue {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// Record id.
        id: String,
        /// Which item.
        item: String,
        /// What is wrong.
        message: String,
    },
    /// Two records of one gold file share an id.
    #[error("{file} line {line}: id {id} already used on line {first_line}")]
    DuplicateId {
        /// File name.
        file: String,
        /// 1-based line number of the second use.
        line: usize,
        /// The id.
        id: String,
        /// 1-based line number of the first use.
        first_line: usize,
    },
    /// A task name that is not one of `ner`, `geo`, `time`, `attribution`, `events`.
    #[error("unknown task {0:?} (expected ner, geo, time, attribution or events)")]
    UnknownTask(String),
    /// Gold or prediction of another task was given to an evaluation.
    #[error("task mismatch: the evaluation is for {expected} but the {what} is for {found}")]
    TaskMismatch {
        /// The evaluation's task.
        expected: Task,
        /// The task of what was given.
        found: Task,
        /// `"gold document"` or `"prediction"`.
        what: &'static str,
    },
    /// A predicted span does not fit the document text.
    #[error("prediction for document {doc}: {item} has bad span {start}..{end}: {problem}")]
    BadPredSpan {
        /// Document id.
        doc: String,
        /// Which item, e.g. `places[2]`.
        item: String,
        /// Span start.
        start: usize,
        /// Span end.
        end: usize,
        /// What is wrong.
        problem: SpanProblem,
    },
    /// A predicted value other than a span is invalid (e.g. a non-finite coordinate).
    #[error("prediction for document {doc}: {item}: {message}")]
    BadPredValue {
        /// Document id.
        doc: String,
        /// Which item.
        item: String,
        /// What is wrong.
        message: String,
    },
}
