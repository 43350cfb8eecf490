//! The claims stage's tables: reporting cues (`data/claims/cues.tsv`) and predicate
//! classes (`data/claims/propositions.tsv`), parsed once.

use crate::entities::model::{FastMap, FastSet};
use spillover_doc::claim::Stance;
use std::sync::OnceLock;

/// Where the source and the content sit around a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// "X said (that) …", "…, X said", "“…,” said X".
    Speech,
    /// "X told Y (that) …": an addressee before the content.
    Tell,
    /// "X accused Y of Z".
    Accuse,
    /// "X denied Z": the object is the content.
    Object,
    /// "X called on Y to Z".
    Call,
    /// "X expressed concern about Z".
    Concern,
    /// "according to X, …".
    According,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "speech" => Frame::Speech,
            "tell" => Frame::Tell,
            "accuse" => Frame::Accuse,
            "object" => Frame::Object,
            "call" => Frame::Call,
            "concern" => Frame::Concern,
            "according" => Frame::According,
            _ => return None,
        })
    }
}

/// One cue entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub stance: Stance,
    pub frame: Frame,
    /// Number of words of the form.
    pub words: usize,
}

/// A predicate phrase: its words (`None` for `*`).
#[derive(Debug, Clone)]
pub struct Phrase {
    pub predicate: u16,
    pub words: Vec<Option<String>>,
}

/// The parsed tables.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Lower-case form (words joined by a space) → cue.
    pub cues: FastMap<String, Cue>,
    /// First words of multiword forms.
    pub multi_first: FastSet<String>,
    pub predicates: Vec<String>,
    /// Whether asserting the predicate of another actor accuses it, by predicate id.
    pub accusatory: Vec<bool>,
    /// Phrases by their first word (phrases starting with `*` are not allowed).
    pub phrases: FastMap<String, Vec<Phrase>>,
}

/// A bad line in a table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct TableError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1) // header
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

impl Lexicon {
    pub fn parse(cues: &str, propositions: &str) -> Result<Lexicon, TableError> {
        let mut lex = Lexicon::default();
        let err = |file, line, message: String| TableError {
            file,
            line,
            message,
        };
        for (line, cols) in rows(cues) {
            let [forms, stance, frame] = cols[..] else {
                return Err(err("cues.tsv", line, "expected 3 columns".into()));
            };
            let stance = Stance::parse(stance)
                .ok_or_else(|| err("cues.tsv", line, format!("unknown stance {stance:?}")))?;
            let frame = Frame::parse(frame)
                .ok_or_else(|| err("cues.tsv", line, format!("unknown frame {frame:?}")))?;
            for form in forms.split_whitespace() {
                let words: Vec<String> = form.split('_').map(str::to_lowercase).collect();
                if words.len() > 1 {
                    lex.multi_first.insert(words[0].clone());
                }
                let cue = Cue {
                    stance,
                    frame,
                    words: words.len(),
                };
                if lex.cues.insert(words.join(" "), cue).is_some() {
                    return Err(err("cues.tsv", line, format!("form {form:?} listed twice")));
                }
            }
        }
        for (line, cols) in rows(propositions) {
            let [predicate, accuses, phrases] = cols[..] else {
                return Err(err("propositions.tsv", line, "expected 3 columns".into()));
            };
            let accuses = match accuses {
                "yes" => true,
                "no" => false,
                other => {
                    return Err(err(
                        "propositions.tsv",
                        line,
                        format!("accuses must be yes or no, not {other:?}"),
                    ))
                }
            };
            let id = lex.predicates.len() as u16;
            lex.predicates.push(predicate.to_string());
            lex.accusatory.push(accuses);
            for phrase in phrases.split('|') {
                let words: Vec<Option<String>> = phrase
                    .split_whitespace()
                    .map(|w| (w != "*").then(|| w.to_lowercase()))
                    .collect();
                let Some(Some(first)) = words.first().cloned() else {
                    return Err(err(
                        "propositions.tsv",
                        line,
                        format!("phrase {phrase:?} is empty or starts with *"),
                    ));
                };
                lex.phrases.entry(first).or_default().push(Phrase {
                    predicate: id,
                    words,
                });
            }
        }
        Ok(lex)
    }

    /// The built-in tables.
    pub fn shared() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            // The tables are compiled in and checked by a test, so a parse error here is
            // a programming error, not an input error.
            Lexicon::parse(
                include_str!("../../../../data/claims/cues.tsv"),
                include_str!("../../../../data/claims/propositions.tsv"),
            )
            .unwrap_or_else(|e| panic!("built-in claims tables: {e}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_parse() {
        let lex = Lexicon::shared();
        assert_eq!(lex.cues["said"].frame, Frame::Speech);
        assert_eq!(lex.cues["denied"].stance, Stance::Denies);
        assert_eq!(lex.cues["according to"].frame, Frame::According);
        assert_eq!(lex.cues["expressed concern"].words, 2);
        assert!(lex.multi_first.contains("called"));
        assert!(lex.predicates.iter().any(|p| p == "harbours_militants"));
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let e = Lexicon::parse(
            "forms\tstance\tframe\nsay\tshouts\tspeech\n",
            "predicate\tphrases\n",
        )
        .unwrap_err();
        assert_eq!((e.file, e.line), ("cues.tsv", 2));
        let e = Lexicon::parse(
            "forms\tstance\tframe\n",
            "predicate\taccuses\tphrases\nx\tno\t* a\n",
        )
        .unwrap_err();
        assert_eq!((e.file, e.line), ("propositions.tsv", 2));
        let e = Lexicon::parse(
            "forms\tstance\tframe\nsay said\tasserts\tspeech\nsaid\tasserts\tspeech\n",
            "p\tq\n",
        )
        .unwrap_err();
        assert!(e.message.contains("twice"), "{e}");
    }
}
