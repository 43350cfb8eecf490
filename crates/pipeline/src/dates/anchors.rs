//! Dated anchor events: "since the Taliban returned to power" is an open range from the
//! date of the event it names.
//!
//! The table is data (`data/anchors.tsv`): one event a line, tab-separated
//! `id`, `date` (`YYYY-MM-DD`), phrase patterns separated by `|`, and a description.
//! Blank lines and lines starting with `#` are skipped. Patterns are matched word by word,
//! case-insensitively, right after "since", "after", "before", "until", "following" or
//! "prior to"; a leading "the" is optional on both sides, and curly and straight
//! apostrophes are the same.

use super::lexicon::{atomize, Atom, Lex};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Why an anchor table could not be read. Every variant names the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnchorError {
    #[error("anchors line {line}: expected 4 tab-separated columns (id, date, patterns, description), found {found}")]
    Columns { line: usize, found: usize },
    #[error("anchors line {line}: empty id")]
    EmptyId { line: usize },
    #[error("anchors line {line}: id {id:?} is used twice")]
    DuplicateId { line: usize, id: String },
    #[error("anchors line {line}: date {value:?} is not a valid YYYY-MM-DD date")]
    BadDate { line: usize, value: String },
    #[error("anchors line {line}: a pattern is empty or has no words")]
    EmptyPattern { line: usize },
}

/// One dated event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorEvent {
    /// Stable identifier, e.g. `taliban-takeover`.
    pub id: String,
    /// The day the event happened.
    pub date: NaiveDate,
    /// What it is, for people.
    pub description: String,
}

/// The anchor events and their phrase patterns, indexed by first word.
#[derive(Debug, Clone, Default)]
pub struct AnchorTable {
    events: Vec<AnchorEvent>,
    /// Each pattern: its lowercase words and the event index.
    patterns: Vec<(Vec<String>, usize)>,
    by_first: HashMap<String, Vec<usize>>,
}

impl AnchorTable {
    /// Parses a table in the TSV form described in the module docs.
    pub fn parse(text: &str) -> Result<AnchorTable, AnchorError> {
        let mut table = AnchorTable::default();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let l = raw.trim_end_matches('\r');
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = l.split('\t').collect();
            if cols.len() != 4 {
                return Err(AnchorError::Columns {
                    line,
                    found: cols.len(),
                });
            }
            let id = cols[0].trim();
            if id.is_empty() {
                return Err(AnchorError::EmptyId { line });
            }
            if table.events.iter().any(|e| e.id == id) {
                return Err(AnchorError::DuplicateId {
                    line,
                    id: id.to_string(),
                });
            }
            let date = NaiveDate::parse_from_str(cols[1].trim(), "%Y-%m-%d").map_err(|_| {
                AnchorError::BadDate {
                    line,
                    value: cols[1].trim().to_string(),
                }
            })?;
            let ev = table.events.len();
            for pat in cols[2].split('|') {
                let words = pattern_words(pat);
                if words.is_empty() {
                    return Err(AnchorError::EmptyPattern { line });
                }
                table
                    .by_first
                    .entry(words[0].clone())
                    .or_default()
                    .push(table.patterns.len());
                table.patterns.push((words, ev));
            }
            table.events.push(AnchorEvent {
                id: id.to_string(),
                date,
                description: cols[3].trim().to_string(),
            });
        }
        Ok(table)
    }

    /// The events, in table order.
    pub fn events(&self) -> &[AnchorEvent] {
        &self.events
    }

    /// The longest pattern matching the atoms from `i` (after an optional "the"), as the
    /// exclusive end atom and the event.
    pub(crate) fn match_at(
        &self,
        text: &str,
        atoms: &[Atom],
        i: usize,
    ) -> Option<(usize, &AnchorEvent)> {
        let mut best: Option<(usize, usize)> = None;
        for start in [i, i + 1] {
            if start == i + 1 && !atoms.get(i).is_some_and(|a| lower_eq(text, a, "the")) {
                break;
            }
            let Some(first) = atoms.get(start) else {
                break;
            };
            let key = normalise(&text[first.start..first.end]);
            let Some(cands) = self.by_first.get(&key) else {
                continue;
            };
            for &p in cands {
                let (words, ev) = &self.patterns[p];
                let n = words.len();
                let Some(span) = atoms.get(start..start + n) else {
                    continue;
                };
                if span.iter().zip(words).all(|(a, w)| lower_eq(text, a, w))
                    && best.is_none_or(|(end, _)| start + n > end)
                {
                    best = Some((start + n, *ev));
                }
            }
        }
        best.and_then(|(end, ev)| Some((end, self.events.get(ev)?)))
    }
}

/// The lowercase words of a pattern, cut like the text; a leading "the" is dropped.
fn pattern_words(pat: &str) -> Vec<String> {
    let toks = spillover_text::tokens::tokenize(pat);
    let mut atoms = Vec::new();
    atomize(pat, &toks, &mut atoms);
    let mut words: Vec<String> = atoms
        .iter()
        .filter(|a| a.lex != Lex::Period || a.end != pat.trim_end().len())
        .map(|a| normalise(&pat[a.start..a.end]))
        .collect();
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    words
}

fn normalise(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '–' | '‐' | '‑' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn lower_eq(text: &str, a: &Atom, w: &str) -> bool {
    let t = &text[a.start..a.end];
    if t.len() == w.len() {
        return t.eq_ignore_ascii_case(w);
    }
    normalise(t) == w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line() {
        let e =
            AnchorTable::parse("# c\n\nx\t2021-08-15\tthe fall of kabul\td\ny\t2021-13-01\tp\td\n")
                .unwrap_err();
        assert_eq!(
            e,
            AnchorError::BadDate {
                line: 4,
                value: "2021-13-01".into()
            }
        );
        assert!(e.to_string().contains("line 4"));
        let e = AnchorTable::parse("x\t2021-08-15\tp\n").unwrap_err();
        assert_eq!(e, AnchorError::Columns { line: 1, found: 3 });
        let e = AnchorTable::parse("x\t2021-08-15\tp||q\td\n").unwrap_err();
        assert_eq!(e, AnchorError::EmptyPattern { line: 1 });
        let e = AnchorTable::parse("x\t2021-08-15\tp\td\nx\t2021-08-15\tq\td\n").unwrap_err();
        assert_eq!(
            e,
            AnchorError::DuplicateId {
                line: 2,
                id: "x".into()
            }
        );
    }

    #[test]
    fn matches_longest_pattern_with_optional_the() {
        let t = AnchorTable::parse(
            "a\t2021-08-15\tthe taliban takeover|the taliban's takeover of kabul\td\n",
        )
        .unwrap();
        let text = "the Taliban’s takeover of Kabul in 2021";
        let toks = spillover_text::tokens::tokenize(text);
        let mut atoms = Vec::new();
        atomize(text, &toks, &mut atoms);
        let (end, ev) = t.match_at(text, &atoms, 0).unwrap();
        assert_eq!(
            &text[..atoms[end - 1].end],
            "the Taliban’s takeover of Kabul"
        );
        assert_eq!(ev.id, "a");
        let text = "Taliban takeover";
        let toks = spillover_text::tokens::tokenize(text);
        let mut atoms = Vec::new();
        atomize(text, &toks, &mut atoms);
        assert!(t.match_at(text, &atoms, 0).is_some());
    }
}
