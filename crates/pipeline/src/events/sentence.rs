//! One sentence as the coder sees it: its tokens, their lowercase forms (built once into
//! one reused buffer), and pattern matching over them.

use super::lexicon::{Lexicon, Pattern, PatternRef, Slot};
use spillover_doc::{Span, Token, TokenKind};

/// A pattern found in a sentence.
#[derive(Debug, Clone)]
pub struct Match {
    pub what: PatternRef,
    /// Token index of the first word.
    pub first: usize,
    /// Token index of the last word.
    pub last: usize,
    /// Token indices of the pattern's words (gaps left out).
    pub words: Vec<usize>,
}

/// Lowercase word forms of one sentence's tokens, in one buffer.
#[derive(Debug, Default)]
pub struct Words {
    buf: String,
    offs: Vec<(u32, u32)>,
}

impl Words {
    /// Fills the buffer for `toks`; returns whether any word starts a trigger pattern,
    /// and whether any word starts a trigger or an indicator cue.
    pub fn fill(&mut self, text: &str, toks: &[Token], lex: &Lexicon) -> (bool, bool) {
        self.buf.clear();
        self.offs.clear();
        let mut hit = false;
        let mut cue = false;
        for t in toks {
            let start = self.buf.len();
            let s = &text[t.span.start..t.span.end];
            if s.is_ascii() {
                self.buf.push_str(s);
                self.buf[start..].make_ascii_lowercase();
            } else {
                for c in s.chars() {
                    // Curly apostrophes read as straight ones ("’s", "don’t").
                    match c {
                        '’' | '‘' | 'ʼ' => self.buf.push('\''),
                        _ => self.buf.extend(c.to_lowercase()),
                    }
                }
            }
            self.offs.push((start as u32, self.buf.len() as u32));
            if !hit && t.kind == TokenKind::Word {
                let w = &self.buf[start..];
                if lex.trigger_first.contains(w) {
                    hit = true;
                    cue = true;
                } else if !cue && lex.first.contains_key(w) {
                    cue = true;
                }
            }
        }
        (hit, cue)
    }

    /// The lowercase form of token `i` ("" past the end).
    pub fn get(&self, i: usize) -> &str {
        self.offs
            .get(i)
            .map_or("", |&(s, e)| &self.buf[s as usize..e as usize])
    }

    pub fn len(&self) -> usize {
        self.offs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.offs.is_empty()
    }
}

/// A sentence with its tokens and words.
pub struct Sentence<'a> {
    pub index: usize,
    pub span: Span,
    pub text: &'a str,
    pub toks: &'a [Token],
    pub words: &'a Words,
}

impl<'a> Sentence<'a> {
    pub fn w(&self, i: usize) -> &str {
        self.words.get(i)
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The original text of token `i`.
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map_or("", |t| &self.text[t.span.start..t.span.end])
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` starts with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Byte span of tokens `a..=b`.
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        Span {
            start: self.toks[a].span.start,
            end: self.toks[b].span.end,
        }
    }

    /// The first token index at or after byte `offset` (the sentence length if none).
    pub fn tok_at(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.span.end <= offset)
    }

    /// Token indices `a..b` covered by `span`.
    pub fn toks_in(&self, span: Span) -> (usize, usize) {
        let a = self.toks.partition_point(|t| t.span.start < span.start);
        let b = self.toks.partition_point(|t| t.span.end <= span.end);
        (a, b.max(a))
    }

    /// Every trigger and cue pattern found, longest first where triggers overlap.
    pub fn matches(&self, lex: &Lexicon) -> (Vec<Match>, Vec<Match>) {
        let mut triggers: Vec<Match> = Vec::new();
        let mut cues: Vec<Match> = Vec::new();
        for i in 0..self.len() {
            if !self.is_word(i) {
                continue;
            }
            let Some(refs) = lex.first.get(self.w(i)) else {
                continue;
            };
            for &r in refs {
                let pattern = match r {
                    PatternRef::Trigger(t) => &lex.triggers[t as usize].pattern,
                    PatternRef::Cue(c) => &lex.cues[c as usize].1,
                };
                let mut words = Vec::with_capacity(pattern.slots.len());
                if self.match_at(pattern, 0, i, &mut words) {
                    let m = Match {
                        what: r,
                        first: i,
                        last: *words.last().unwrap_or(&i),
                        words,
                    };
                    match r {
                        PatternRef::Trigger(_) => triggers.push(m),
                        PatternRef::Cue(_) => cues.push(m),
                    }
                }
            }
        }
        // Most words first, then the earliest; a trigger whose words overlap a kept one's
        // is dropped ("dismissed an appeal" over "appeal … to").
        triggers.sort_by_key(|m| (std::cmp::Reverse(m.words.len()), m.first, m.last - m.first));
        let mut kept: Vec<Match> = Vec::with_capacity(triggers.len());
        for m in triggers {
            if !kept
                .iter()
                .any(|k| k.words.iter().any(|w| m.words.contains(w)))
            {
                kept.push(m);
            }
        }
        kept.sort_by_key(|m| m.first);
        (kept, cues)
    }

    /// Matches `pattern.slots[slot..]` with the slot's word at token `i`.
    fn match_at(&self, pattern: &Pattern, slot: usize, i: usize, words: &mut Vec<usize>) -> bool {
        let Some(Slot::Word(alts)) = pattern.slots.get(slot) else {
            return false;
        };
        if i >= self.len() || !alts.contains(&self.w(i)) {
            return false;
        }
        words.push(i);
        match pattern.slots.get(slot + 1) {
            None => return true,
            Some(Slot::Word(_)) => {
                if self.match_at(pattern, slot + 1, i + 1, words) {
                    return true;
                }
            }
            Some(Slot::Gap(n)) => {
                let mut j = i + 1;
                let mut skipped = 0;
                while j < self.len() && skipped <= *n {
                    if self.match_at(pattern, slot + 2, j, words) {
                        return true;
                    }
                    // A gap crosses words, numbers and hyphens ("a 30-day state of
                    // siege"; hyphens do not count), not clause punctuation.
                    let hyphen = self.raw(j) == "-";
                    let crossable = hyphen
                        || matches!(self.toks[j].kind, TokenKind::Word | TokenKind::Number)
                        || matches!(self.raw(j), "%" | "$");
                    if !crossable {
                        break;
                    }
                    if !hyphen {
                        skipped += 1;
                    }
                    j += 1;
                }
            }
        }
        words.pop();
        false
    }
}
