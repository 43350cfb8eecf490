//! Claims: who said what, with which stance, when, and about whom.
//!
//! The stage finds reporting cues from `data/claims/cues.tsv` ("said", "denied",
//! "expressed concern", "according to" …) and, around each, by the cue's frame, the
//! source (a noun phrase before the cue, after it in "…, said X", or after "according
//! to") and the content (a clause or quote after the cue, or the quote or clause before
//! it). Quotes are found over the whole text first, so a quote spanning several
//! sentences or paragraphs is one content span. The speaker is the actor mention inside
//! the source — pronouns and descriptions arrive already resolved by the actors stage —
//! and a medium that relays the statement ("in an interview with TASS") is kept apart.
//!
//! Each claim carries a stance (from its cue, `hedged` when an assertion is made with
//! "may", "reportedly", "allegedly" …), the date of the statement (a date in its
//! sentence outside the content, else the date of the speaker's claim just before, else
//! the publication date, saying which), links to the actors, places, figures and dates
//! inside the content, and a comparable proposition (predicate class from
//! `data/claims/propositions.tsv`, subject actor, country, negation) with the figures it
//! gives. Claims of one report that contradict each other are linked here
//! ([`spillover_doc::claim::contradiction`]); the store links them across reports.
//!
//! Every role keeps its byte spans (`source_spans`, `cue_spans`, `content_spans`).

pub mod lexicon;
#[cfg(test)]
mod tests;

use crate::{add_all, Component, ComponentError};
use lexicon::{Cue, Frame, Lexicon};
use serde_json::{json, Value};
use spillover_doc::claim::{contradiction, ClaimFacts, Stance};
use spillover_doc::{Annotation, Doc, Layer, Span, TokenKind};
use std::borrow::Cow;

const COMPONENT: &str = "claims";

/// Words between a subject and its cue that belong to the cue ("has said", "also
/// denied", "has repeatedly called on").
const AUX: &[&str] = &[
    "'s",
    "’s",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "been",
    "be",
    "will",
    "would",
    "also",
    "repeatedly",
    "consistently",
    "reportedly",
    "allegedly",
    "recently",
    "again",
    "previously",
    "later",
    "earlier",
    "further",
    "then",
    "publicly",
    "already",
    "strongly",
    "not",
    "never",
    "did",
    "does",
    "do",
    "n't",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "didn't",
    "didn’t",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "hadn't",
    "hadn’t",
    "isn't",
    "isn’t",
    "wasn't",
    "wasn’t",
    "just",
    "still",
    "often",
    "frequently",
    "firmly",
    "flatly",
    "categorically",
    "officially",
    "once",
    "now",
    "long",
    "openly",
    "privately",
    "explicitly",
    "vehemently",
    "immediately",
];

/// Words a noun phrase walking left from a cue does not cross.
const CLAUSE_STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "because", "although", "though",
    "if", "as", "but", "or", "where", "whether", "than", "is", "was", "are", "were", "has", "have",
    "had", "to", "not", "so", "then", "said", "says", "and", "after", "before", "since", "until",
    "unless", "once", "be", "been", "being", "do", "does", "did", "will", "would", "can", "could",
    "should", "may", "might", "must",
];

/// Words a source after its cue does not cross ("said Caddell on Thursday").
const RIGHT_STOP: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "last", "this", "when", "while", "that", "who",
    "which", "because", "as", "told", "to", "said", "says", "adding", "noting", "saying", "and",
    "but", "is", "was", "has", "had", "via", "through", "with",
];

/// Verbs that report what evidence shows: a cue without a "that" when their subject is
/// a poll, a study, a court … ("Polls show Clinton ahead", "one study found Trump would …").
const EVIDENCE_VERBS: &[&str] = &["show", "shows", "showed", "shown", "find", "finds", "found"];

/// Head nouns of sources that are evidence or a body that weighs it.
const EVIDENCE_HEADS: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "survey",
    "surveys",
    "study",
    "studies",
    "analysis",
    "analyses",
    "report",
    "reports",
    "data",
    "figures",
    "statistics",
    "numbers",
    "records",
    "documents",
    "research",
    "researchers",
    "investigation",
    "investigators",
    "inquiry",
    "review",
    "audit",
    "panel",
    "court",
    "jury",
    "tests",
    "results",
    "average",
    "averages",
    "estimates",
    "video",
    "footage",
    "images",
    "photos",
    "evidence",
    "probe",
    "census",
    "tally",
    "count",
    "assessment",
    "experts",
    "scientists",
    "economists",
    "analysts",
];

/// Whether the source's head is an evidence noun: its last word, or the word before its
/// first "of" ("Video of the incident shows …").
fn evidence_source(s: &Sentence, source: &[Span]) -> bool {
    let Some(src) = source.last() else {
        return false;
    };
    let words: Vec<&W> =
        s.w.iter()
            .filter(|w| src.contains(w.span) && w.kind == TokenKind::Word)
            .collect();
    let before_of = words
        .iter()
        .position(|w| w.is("of"))
        .and_then(|k| k.checked_sub(1))
        .map(|k| words[k]);
    [words.last().copied(), before_of]
        .into_iter()
        .flatten()
        .any(|w| EVIDENCE_HEADS.contains(&w.l()))
}

/// Preceding words that make a cue form a noun ("the claims", "his remarks").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "such", "any", "no", "some", "many", "several", "of", "'s", "’s", "member",
];

/// Forms that are often nouns or non-reporting verbs: accepted only with a clear
/// content marker after them ("that", a colon, a quote, "to") or in the
/// "…, X claims." position.
const AMBIGUOUS: &[&str] = &[
    "state",
    "states",
    "post",
    "posted",
    "report",
    "reports",
    "reported",
    "show",
    "shows",
    "showed",
    "shown",
    "find",
    "finds",
    "found",
    "answer",
    "answered",
    "continue",
    "continued",
    "request",
    "requests",
    "requested",
    "demand",
    "demands",
    "fear",
    "fears",
    "feared",
    "claim",
    "claims",
    "note",
    "notes",
    "estimate",
    "estimates",
    "estimated",
    "maintain",
    "maintains",
    "maintained",
    "observe",
    "observes",
    "observed",
    "dispute",
    "disputes",
    "disputed",
    "expect",
    "expects",
    "expected",
    "think",
    "thought",
    "mention",
    "recall",
    "recalls",
    "recalled",
    "post",
    "ask",
    "asks",
    "asked",
    "agree",
    "agrees",
    "agreed",
    "propose",
    "proposes",
    "proposed",
    "reply",
    "answer",
    "indicate",
    "indicates",
    "indicated",
    "reveal",
    "revealed",
    "reveals",
    "respond",
    "responded",
    "underline",
    "underlined",
    "stress",
    "stressed",
    "conclude",
    "concluded",
    "suspect",
    "suspects",
    "suspected",
    "alleged",
    "request",
    "dismissed",
    "rejected",
    "reject",
    "rejects",
    "condemned",
    "condemn",
    "threatened",
    "threaten",
    "threatens",
    "fear",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "vow",
    "vows",
    "charge",
    "know",
    "knows",
    "knew",
    "learn",
    "learned",
    "learnt",
    "hope",
    "hopes",
    "hoped",
    "want",
    "wants",
    "wanted",
    "plan",
    "plans",
    "planned",
    "seem",
    "seems",
    "seemed",
    "question",
    "questions",
    "doubt",
    "doubts",
    "worry",
    "worries",
    "worried",
    "refuse",
    "refuses",
    "refused",
    "decline",
    "declines",
    "declined",
    "back",
    "backs",
    "backed",
    "backing",
    "echo",
    "echoes",
    "intend",
    "intends",
    "intended",
    "call",
    "calls",
    "seek",
    "seeks",
    "sought",
    "wanting",
    "planning",
    "hoping",
    "learning",
];

/// Words that make an assertion uncertain.
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "possibly",
    "perhaps",
    "likely",
    "unlikely",
    "apparently",
    "purportedly",
    "supposedly",
    "probably",
];

/// Negation words that, just before a predicate phrase, negate it.
const NEGATIONS: &[&str] = &[
    "no", "not", "n't", "never", "neither", "nor", "without", "none",
];

/// Adverbs set off by commas between a subject and its verb ("The Taliban, however,
/// denied …"): not part of the source.
const PARENTHETICALS: &[&str] = &[
    "however",
    "meanwhile",
    "though",
    "too",
    "also",
    "moreover",
    "furthermore",
    "in turn",
    "for its part",
    "for his part",
    "for her part",
    "in response",
    "instead",
    "nonetheless",
    "nevertheless",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// The claims stage.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClaimTagger;

impl ClaimTagger {
    pub fn new() -> ClaimTagger {
        ClaimTagger
    }
}

/// A word of a sentence.
#[derive(Debug, Clone)]
struct W<'a> {
    span: Span,
    /// Lower-cased (borrowed from the text when it already is).
    lower: Cow<'a, str>,
    kind: TokenKind,
    cap: bool,
}

impl W<'_> {
    fn l(&self) -> &str {
        &self.lower
    }
    fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    fn punct(&self) -> bool {
        matches!(self.kind, TokenKind::Punct | TokenKind::Symbol)
    }
    fn open_quote(&self) -> bool {
        matches!(self.l(), "“" | "\"" | "‘" | "«" | "''" | "'")
    }
    fn close_quote(&self) -> bool {
        matches!(self.l(), "”" | "\"" | "’" | "»" | "''" | "'")
    }
}

fn words_in(doc: &Doc, span: Span) -> Vec<W<'_>> {
    let text = doc.text();
    doc.tokens_in(span)
        .iter()
        .map(|t| {
            let s = &text[t.span.start..t.span.end];
            W {
                span: t.span,
                lower: if t.kind == TokenKind::Word && s.chars().any(char::is_uppercase) {
                    Cow::Owned(s.to_lowercase())
                } else {
                    Cow::Borrowed(s)
                },
                kind: t.kind,
                cap: s.chars().next().is_some_and(char::is_uppercase),
            }
        })
        .collect()
}

/// Quoted stretches of the text, marks included. A curly or guillemet quote closes at
/// its closing mark; a straight quote alternates. A quote left open at a paragraph
/// break ends there (news reopens a long quote on each paragraph).
fn quote_regions(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let prev = text[..i].chars().next_back();
        match c {
            '\n' if bytes.get(i + 1) == Some(&b'\n') => {
                if let Some(s) = open.take() {
                    let end = text[..i].trim_end().len();
                    if end > s + 1 {
                        out.push((s, end));
                    }
                }
            }
            '“' | '«' if open.is_none() => open = Some(i),
            '”' | '»' => {
                if let Some(s) = open.take() {
                    out.push((s, i + c.len_utf8()));
                }
            }
            '\'' if next == Some('\'') && open.is_none_or(|s| bytes[s] != b'"') => {
                // Two apostrophes stand for a double quote in some wire copy.
                iter.next();
                let opening = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p))
                    && text[i + 2..]
                        .chars()
                        .next()
                        .is_some_and(|n| !n.is_whitespace());
                match open {
                    None if opening => open = Some(i),
                    Some(s) if !opening && bytes[s] == b'\'' => {
                        open = None;
                        out.push((s, i + 2));
                    }
                    _ => {}
                }
            }
            '"' => {
                let opening = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p))
                    && next.is_some_and(|n| !n.is_whitespace());
                // (a straight mark also closes a curly opening one: scraped copy mixes
                // “…" freely)
                match open {
                    None if opening => open = Some(i),
                    Some(s) if !opening && (bytes[s] == b'"' || text[s..].starts_with('“')) => {
                        open = None;
                        out.push((s, i + 1));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        let end = text.trim_end().len();
        if end > s + 1 {
            out.push((s, end));
        }
    }
    out
}

/// Index of the quote region containing byte `at`.
fn region_at(regions: &[(usize, usize)], at: usize) -> Option<(usize, usize)> {
    let i = regions.partition_point(|r| r.1 <= at);
    regions.get(i).copied().filter(|r| r.0 <= at)
}

/// A mention read from an earlier layer.
#[derive(Debug, Clone)]
struct Mention<'a> {
    span: Span,
    key: Option<String>,
    label: &'a str,
    attrs: &'a Value,
}

fn mentions(doc: &Doc, layer: Layer) -> Vec<Mention<'_>> {
    doc.layer(layer)
        .iter()
        .map(|a| Mention {
            span: a.span,
            key: a.key.clone(),
            label: &a.label,
            attrs: &a.attrs,
        })
        .collect()
}

fn within<'m>(ms: &'m [Mention<'m>], spans: &[Span]) -> std::vec::IntoIter<&'m Mention<'m>> {
    ms.iter()
        .filter(|m| spans.iter().any(|s| s.contains(m.span)))
        .collect::<Vec<_>>()
        .into_iter()
}

/// One attribution found in a sentence, before it becomes an annotation.
#[derive(Debug, Clone)]
struct Found {
    sentence: usize,
    source: Vec<Span>,
    cue: Span,
    cue_lower: String,
    content: Vec<Span>,
    cue_entry: Cue,
    direct: bool,
    /// Word range (in the sentence) of the accused, addressee or person called on.
    object: Option<Span>,
    cue_negated: bool,
    cue_hedged: bool,
    /// The source was taken from the claim before (a participle: "…, noting that").
    inherited: bool,
}

fn span(a: usize, b: usize) -> Option<Span> {
    Span::new(a, b).ok().filter(|s| !s.is_empty())
}

struct Sentence<'a> {
    idx: usize,
    span: Span,
    w: Vec<W<'a>>,
    text: &'a str,
    regions: &'a [(usize, usize)],
    /// Spans of the dates layer.
    dates: &'a [Span],
}

impl<'a> Sentence<'a> {
    /// Index after the last word that is not final punctuation.
    fn body_end(&self) -> usize {
        let mut e = self.w.len();
        while e > 0 && matches!(self.w[e - 1].l(), "." | "!" | "?" | ";" | "," | ":" | "…") {
            e -= 1;
        }
        e
    }

    /// The cue at word `i`, if any: the longest form starting there.
    fn cue_at(&self, lex: &Lexicon, i: usize) -> Option<(usize, Cue)> {
        let w = &self.w[i];
        if w.kind != TokenKind::Word {
            return None;
        }
        if lex.multi_first.contains(w.l()) {
            for n in [3usize, 2] {
                if i + n <= self.w.len() {
                    let form: Vec<&str> = self.w[i..i + n].iter().map(|w| w.l()).collect();
                    if let Some(c) = lex.cues.get(&form.join(" ")) {
                        return Some((n, *c));
                    }
                }
            }
        }
        lex.cues.get(w.l()).map(|c| (1, *c))
    }

    fn is_date_word(&self, i: usize) -> bool {
        let s = self.w[i].span;
        self.dates.iter().any(|d| d.contains(s))
    }

    /// The noun phrase ending before word `end` (exclusive), walking left.
    fn np_left(&self, end: usize) -> usize {
        // A pronoun is a whole subject ("… such tolls it has reported").
        if end > 0 && PRONOUNS.contains(&self.w[end - 1].l()) {
            return end - 1;
        }
        let mut s = end;
        let mut depth = 0usize;
        while s > 0 && end - s < 16 {
            let w = &self.w[s - 1];
            if w.is(")") {
                depth += 1;
                s -= 1;
                continue;
            }
            if w.is("(") {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                s -= 1;
                continue;
            }
            if depth > 0 {
                s -= 1;
                continue;
            }
            if w.punct() && !matches!(w.l(), "-" | "–" | "'" | "’" | "." | "&") {
                break;
            }
            if w.is("and") || w.is("&") {
                let joins_names =
                    s >= 2 && self.w[s - 2].cap && self.w.get(s).is_some_and(|n| n.cap);
                if !joins_names {
                    break;
                }
                s -= 1;
                continue;
            }
            if w.is("to") {
                // "Ambassador to Dushanbe" is one noun phrase; "wants to" is not.
                let in_name = s >= 2 && self.w[s - 2].cap && self.w.get(s).is_some_and(|n| n.cap);
                if !in_name {
                    break;
                }
                s -= 1;
                continue;
            }
            if w.kind == TokenKind::Word && CLAUSE_STOP.contains(&w.l()) {
                break;
            }
            if self.is_date_word(s - 1) || w.kind == TokenKind::Number {
                break;
            }
            s -= 1;
        }
        // Leading prepositions, conjunctions and adverbs are not the speaker.
        while s < end
            && matches!(
                self.w[s].l(),
                "in" | "on"
                    | "at"
                    | "for"
                    | "from"
                    | "with"
                    | "by"
                    | "of"
                    | "during"
                    | "but"
                    | "yet"
                    | "still"
                    | "meanwhile"
                    | "however"
                    | "now"
                    | "also"
                    | "-"
                    | "–"
                    | "—"
            )
        {
            s += 1;
        }
        s
    }

    /// The noun phrase starting at word `start`, walking right; returns its end.
    fn np_right(&self, start: usize, limit: usize) -> usize {
        // "said in a statement": a preposition or pronoun-less adjunct starts no source.
        if self.w.get(start).is_some_and(|w| {
            matches!(
                w.l(),
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "that"
                    | "to"
                    | "with"
                    | "by"
                    | "from"
                    | "for"
                    | "of"
            )
        }) {
            return start;
        }
        let mut e = start;
        let mut depth = 0usize;
        while e < limit && e - start < 14 {
            let w = &self.w[e];
            if w.is("(") {
                depth += 1;
            } else if w.is(")") {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0 {
                // "9/11 widow Terry Strada": a slash glued between two words or numbers
                // stays inside the phrase.
                let glued = w.is("/")
                    && e > start
                    && self.w[e - 1].span.end == w.span.start
                    && self
                        .w
                        .get(e + 1)
                        .is_some_and(|n| n.span.start == w.span.end);
                if w.punct() && !glued && !matches!(w.l(), "-" | "–" | "'" | "’" | "." | "&") {
                    break;
                }
                if w.kind == TokenKind::Word
                    && e > start
                    && (RIGHT_STOP.contains(&w.l()) || CLAUSE_STOP.contains(&w.l()))
                {
                    break;
                }
                if self.is_date_word(e) {
                    break;
                }
            }
            e += 1;
        }
        e
    }

    /// The subject that opens the sentence, before word `limit`: the noun phrase at the
    /// start, after an opening adjunct that ends with a comma ("In August, several
    /// groups …").
    fn subject_before(&self, limit: usize) -> Option<Span> {
        let mut k = 0;
        while k < limit && (self.w[k].punct() || self.w[k].open_quote()) {
            k += 1;
        }
        if self.w.get(k).is_some_and(|w| {
            matches!(
                w.l(),
                "in" | "on" | "at" | "during" | "after" | "before" | "since" | "last" | "earlier"
            )
        }) {
            let comma = (k..limit.min(k + 7)).find(|&x| self.w[x].is(","))?;
            k = comma + 1;
        }
        let mut e = self.np_right(k, limit);
        // the verb ends the subject ("several groups granted …"); a past participle
        // right after a determiner is a modifier ("a retired general")
        if let Some(v) = (k + 2..e).find(|&x| {
            let w = &self.w[x];
            !w.cap && w.kind == TokenKind::Word && w.l().len() > 4 && w.l().ends_with("ed")
        }) {
            e = v;
        }
        let opens = self.w.get(k).is_some_and(|w| {
            w.cap
                || DETERMINERS.contains(&w.l())
                || matches!(
                    w.l(),
                    "several" | "many" | "most" | "all" | "both" | "two" | "three"
                )
        });
        if e <= k || e - k > 8 || !self.has_content_word(k, e) || !opens {
            return None;
        }
        if self.w[k..e]
            .iter()
            .any(|w| w.open_quote() || w.close_quote())
        {
            return None;
        }
        self.words_span(k, e)
    }

    fn has_content_word(&self, a: usize, b: usize) -> bool {
        self.w[a..b].iter().any(|w| {
            w.kind == TokenKind::Word && (w.cap || PRONOUNS.contains(&w.l()) || w.lower.len() > 3)
        })
    }

    fn words_span(&self, a: usize, b: usize) -> Option<Span> {
        if a >= b {
            return None;
        }
        span(self.w[a].span.start, self.w[b - 1].span.end)
    }

    /// The quote region that word `i` starts or ends.
    fn quote_of(&self, i: usize) -> Option<(usize, usize)> {
        region_at(self.regions, self.w[i].span.start)
    }

    /// Content running from word `k` to the end of the sentence (or the quote that
    /// opens at `k`, wherever it ends).
    fn content_from(&self, k: usize) -> Option<(Span, bool)> {
        let mut k = k;
        let colon = self.w.get(k).is_some_and(|w| w.is(":"));
        while k < self.w.len() && matches!(self.w[k].l(), ":" | "," | "—" | "–") {
            k += 1;
        }
        if k >= self.w.len() {
            // "He said:" and the quote opens the next paragraph.
            if !colon {
                return None;
            }
            let after = self.span.end;
            let i = self.regions.partition_point(|r| r.0 < after);
            let r = self.regions.get(i)?;
            let gap = self.text.get(after..r.0)?;
            return (gap.trim().is_empty() && gap.matches('\n').count() <= 2)
                .then(|| span(r.0, r.1).map(|s| (s, true)))
                .flatten();
        }
        if self.w[k].open_quote() {
            if let Some((a, b)) = self.quote_of(k) {
                if a == self.w[k].span.start {
                    return span(a, b).map(|s| (s, true));
                }
            }
        }
        let e = self.body_end();
        if k >= e {
            return None;
        }
        // A quote that starts inside the content and runs past the sentence is kept whole.
        let mut end = self.w[e - 1].span.end;
        if let Some((a, b)) = region_at(self.regions, self.w[e - 1].span.start) {
            if a >= self.w[k].span.start && b > end {
                end = b;
            }
        }
        span(self.w[k].span.start, end).map(|s| (s, false))
    }

    /// The next part of a quote interrupted by its attribution ("“A,” he said. “B.”" or
    /// "“A,” he said, “B.”"): a quote starting after byte `after` with only spaces and
    /// punctuation between, in the same paragraph.
    fn continuation(&self, after: usize) -> Option<Span> {
        let i = self.regions.partition_point(|r| r.0 < after);
        let r = self.regions.get(i)?;
        let gap = self.text.get(after..r.0)?;
        let ok = gap.len() < 8
            && !gap.contains('\n')
            && gap.chars().all(|c| c.is_whitespace() || ",.;:".contains(c));
        ok.then(|| span(r.0, r.1)).flatten()
    }

    /// Content ending before word `p` (the source or cue of a "…, he said" claim).
    fn content_before(&self, p: usize) -> Option<(Span, bool)> {
        let mut q = p;
        while q > 0 && matches!(self.w[q - 1].l(), "," | "—" | "–" | ":") {
            q -= 1;
        }
        if q == 0 {
            // The content is a quote ending in an earlier sentence ("“… .” he said").
            let before = self.regions.iter().rev().find(|r| r.1 <= self.span.start)?;
            let gap = &self.text[before.1..self.span.start];
            return (gap.trim().is_empty() || gap.trim() == ",")
                .then(|| span(before.0, before.1).map(|s| (s, true)))
                .flatten();
        }
        // Closing quote (possibly after a comma inside it).
        let last = &self.w[q - 1];
        if last.close_quote() || (last.is(",") && q >= 2 && self.w[q - 2].close_quote()) {
            let at = if last.close_quote() { q - 1 } else { q - 2 };
            if let Some((a, b)) = self.quote_of(at) {
                return span(a, b.max(self.w[p - 1].span.end.min(b))).map(|s| (s, true));
            }
        }
        if q == p {
            return None;
        }
        // Plain clause from the sentence start.
        let mut s = 0;
        while s < q && (self.w[s].punct() && !self.w[s].open_quote()) {
            s += 1;
        }
        self.words_span(s, q).map(|sp| (sp, false))
    }
}

impl Sentence<'_> {
    /// `sp` without the quote marks, commas, colons and dashes at its ends.
    fn trim_marks(&self, sp: Span) -> Span {
        let inside: Vec<&W> = self.w.iter().filter(|w| sp.contains(w.span)).collect();
        let keep = |w: &&&W| {
            !(w.open_quote()
                || w.close_quote()
                || matches!(w.l(), "," | ";" | ":" | "—" | "–" | "-" | "―"))
        };
        match (inside.iter().find(keep), inside.iter().rev().find(keep)) {
            (Some(a), Some(b)) => span(a.span.start, b.span.end).unwrap_or(sp),
            _ => sp,
        }
    }
}

impl ClaimTagger {
    fn find(&self, lex: &Lexicon, s: &Sentence, out: &mut Vec<Found>) {
        let n = s.w.len();
        let mut i = 0;
        let first_in_sentence = out.len();
        while i < n {
            if let Some(f) = nominal(s, i) {
                out.push(f);
                i += 2;
                continue;
            }
            let Some((len, cue)) = s.cue_at(lex, i) else {
                i += 1;
                continue;
            };
            let next = i + len;
            if let Some(mut f) =
                self.attribution(s, i, len, cue, out.get(first_in_sentence..).unwrap_or(&[]))
            {
                // A quote mark closing the content is not part of the speaker
                // ("…,'' Mr. Biden said").
                for src in &mut f.source {
                    *src = s.trim_marks(*src);
                }
                // "…, noting that …" ends the content of the claim before it.
                if f.inherited {
                    let cut = (0..i)
                        .rev()
                        .find(|&x| s.w[x].is(","))
                        .map(|x| s.w[x].span.start);
                    if let (Some(cut), Some(prev)) = (cut, out.last_mut()) {
                        if let Some(c) = prev.content.last_mut() {
                            if c.start < cut && cut < c.end {
                                if let Ok(sp) = Span::new(c.start, cut) {
                                    *c = sp;
                                }
                            }
                        }
                    }
                }
                out.push(f);
            }
            i = next;
        }
    }

    fn attribution(
        &self,
        s: &Sentence,
        i: usize,
        len: usize,
        cue: Cue,
        earlier: &[Found],
    ) -> Option<Found> {
        // A cue inside a quotation is part of the quoted speaker's words ("“In 2011 he
        // said, ‘…’,” Mitchell recalled"): the claim is the quoting speaker's.
        if s.quote_of(i).is_some() {
            return None;
        }
        let form: String = s.w[i..i + len]
            .iter()
            .map(|w| w.l())
            .collect::<Vec<_>>()
            .join(" ");
        if i > 0 && cue.frame != Frame::According && DETERMINERS.contains(&s.w[i - 1].l()) {
            return None;
        }
        // "his early-morning tweets", "no immediate plans", "his announced plans": a
        // determiner and a modifier make the cue form a noun.
        if i > 1 && cue.frame != Frame::According && DETERMINERS.contains(&s.w[i - 2].l()) {
            let m = &s.w[i - 1];
            if m.kind == TokenKind::Word && !m.cap && modifier_like(m.l()) {
                return None;
            }
        }
        // "Having said that, …" introduces the writer's own point.
        if i > 0 && s.w[i - 1].is("having") {
            return None;
        }
        // A date right after the cue sits between it and its complement ("reported
        // Saturday that …").
        let mut a = i + len;
        while a < s.w.len() && s.is_date_word(a) {
            a += 1;
        }
        let after = s.w.get(a);
        let marker_after = after.is_some_and(|w| {
            w.is("that") || w.is(":") || w.open_quote() || (w.is("to") && cue.frame != Frame::Call)
        });
        let mut found = Found {
            sentence: s.idx,
            source: Vec::new(),
            cue: s.words_span(i, i + len)?,
            cue_lower: form.clone(),
            content: Vec::new(),
            cue_entry: cue,
            direct: false,
            object: None,
            cue_negated: false,
            cue_hedged: false,
            inherited: false,
        };

        if cue.frame == Frame::According {
            // "according to X, …" / "…, according to X."
            let body_end = s.body_end();
            let src_end = s.np_right(i + len, body_end);
            found.source.push(s.words_span(i + len, src_end)?);
            let (content, direct) = if s.w[..i]
                .iter()
                .all(|w| w.punct() || matches!(w.l(), "but" | "and"))
            {
                s.content_from(src_end)?
            } else {
                let mut q = i;
                while q > 0 && s.w[q - 1].is(",") {
                    q -= 1;
                }
                if src_end < body_end && s.w[src_end].is(",") {
                    // "…, according to X, who …": the content is before.
                }
                s.content_before(q + (i - q))
                    .or_else(|| s.words_span(0, q).map(|sp| (sp, false)))?
            };
            found.content.push(content);
            found.direct = direct;
            return Some(found);
        }

        // Auxiliaries and adverbs before the cue belong to it.
        let mut b = i;
        while b > 0 && (AUX.contains(&s.w[b - 1].l()) || manner_adverb(&s.w[b - 1])) {
            b -= 1;
        }
        for w in &s.w[b..i] {
            if NEGATIONS.contains(&w.l()) || w.l().ends_with("n't") || w.l().ends_with("n’t") {
                found.cue_negated = true;
            }
            if HEDGES.contains(&w.l()) {
                found.cue_hedged = true;
            }
        }
        found.cue = s.words_span(b, i + len)?;
        // A date between the subject and its verb ("Pakistan's foreign ministry on
        // Thursday accused …") belongs to neither.
        let mut e = b;
        while e > 0 {
            let date = s.is_date_word(e - 1);
            let date_preposition = e < i
                && matches!(
                    s.w[e - 1].l(),
                    "on" | "in" | "at" | "late" | "early" | "last"
                )
                && s.is_date_word(e);
            let aux = e < b && AUX.contains(&s.w[e - 1].l());
            if !(date || date_preposition || aux) {
                break;
            }
            e -= 1;
        }
        let b = e;

        // Is the content before the cue? ("“…,” he said." / "…, said Caddell.")
        let body_end = s.body_end();
        let mut right_src_end = s.np_right(i + len, body_end);
        // "…,” said Hans Schellnhuber, the director of the institute."
        // ("…,” said Mr. Kamin, who emphasized that …": a relative clause may hold its own
        // "that")
        let relative =
            right_src_end + 1 < body_end && matches!(s.w[right_src_end + 1].l(), "who" | "whose");
        let appositive = right_src_end + 1 < body_end
            && s.w[right_src_end].is(",")
            && (matches!(
                s.w[right_src_end + 1].l(),
                "the" | "a" | "an" | "who" | "whose"
            ) || s.w[right_src_end + 1].cap
                || title_word(&s.w[right_src_end + 1]))
            && !s.w[right_src_end..body_end]
                .iter()
                .any(|w| w.open_quote() || (w.is("that") && !relative) || w.is(":"));
        let before_punct = b > 0 && (s.w[b - 1].punct() || s.w[b - 1].close_quote());
        if appositive
            && before_punct
            && right_src_end > i + len
            && matches!(cue.frame, Frame::Speech | Frame::Tell)
        {
            right_src_end = body_end;
        }
        let tail_after_right =
            right_src_end >= body_end || tail_is_adjunct(s, right_src_end, body_end);
        let before_cue_punct = b > 0 && (s.w[b - 1].punct() || s.w[b - 1].close_quote());
        // "told X" names the addressee, never the speaker: only speech verbs invert.
        // ("…, adding later, “…”": a participle after a comma continues, never inverts)
        let inverted = cue.frame == Frame::Speech
            && !form.ends_with("ing")
            && before_cue_punct
            && right_src_end > i + len
            && tail_after_right
            && !marker_after;

        if inverted {
            let src = s.words_span(i + len, right_src_end)?;
            found.source.push(src);
            let (content, direct) = s.content_before(b)?;
            found.content.push(content);
            found.direct = direct;
            if direct {
                found.content.extend(s.continuation(src.end));
            }
            return Some(found);
        }

        // A participle after a comma continues the claim before it in the sentence
        // ("…, the police chief said, describing it as …").
        if form.ends_with("ing") && b > 0 && s.w[b - 1].is(",") {
            if let Some(prev_claim) = earlier.last() {
                found.source = prev_claim.source.clone();
                found.inherited = true;
                let (content, direct) = self.content_after(s, i, len, cue, &mut found)?;
                found.content.push(content);
                found.direct = direct;
                return Some(found);
            }
        }
        // Source on the left.
        let mut src_end = b;
        let mut src_start;
        let mut appositive_end = None;
        if src_end > 0 && s.w[src_end - 1].is(",") {
            // "X, the ambassador, said" / "The Taliban, however, denied" / "…, saying".
            let comma = src_end - 1;
            let prev = (0..comma).rev().find(|&x| {
                s.w[x].punct() && !matches!(s.w[x].l(), "-" | "–" | "'" | "’" | "." | "(" | ")")
            });
            match prev {
                Some(k) if s.w[k].is(",") => {
                    let inner: Vec<&str> = s.w[k + 1..comma].iter().map(|w| w.l()).collect();
                    let inner = inner.join(" ");
                    if PARENTHETICALS.contains(&inner.as_str()) {
                        src_end = k;
                    } else {
                        appositive_end = Some(comma);
                        src_end = k;
                    }
                }
                _ => {
                    // A participle after a comma takes the source of the clause before.
                    if form.ends_with("ing") {
                        // With no claim before it, the participle's subject is the
                        // sentence's ("Trump was defensive …, saying, “…”").
                        match earlier.last() {
                            Some(prev_claim) => {
                                found.source = prev_claim.source.clone();
                                found.inherited = true;
                            }
                            None => found.source.push(s.subject_before(b)?),
                        }
                        let (content, direct) = self.content_after(s, i, len, cue, &mut found)?;
                        found.content.push(content);
                        found.direct = direct;
                        return Some(found);
                    }
                    return None;
                }
            }
        }
        if src_end > 0 && matches!(s.w[src_end - 1].l(), "who" | "which") {
            src_start = src_end - 1;
        } else {
            src_start = s.np_left(src_end);
            // "Jean-Marc Ayrault, the foreign minister of France, …, said": a name before
            // the appositive the walk stopped at opens the source.
            if appositive_end.is_some() {
                let mut hops = 0;
                while hops < 2 && src_start >= 2 && s.w[src_start - 1].is(",") {
                    let p = s.np_left(src_start - 1);
                    if p + 1 < src_start && s.w[p].cap && s.has_content_word(p, src_start - 1) {
                        src_start = p;
                        hops += 1;
                    } else {
                        break;
                    }
                }
            }
        }
        // "Mr. Schultz generally supported Democrats …, and said he …": a cue coordinated
        // with an earlier verb takes the sentence's subject, when the sentence opens with a
        // capitalised noun phrase outside any quote.
        if src_start >= src_end && src_end > 1 && s.w[src_end - 1].is("and") {
            // the run of capitalised words opening the sentence, with the glue inside
            // names ("Mr. Schultz", "Secretary of State John Kerry")
            let mut subj_end = 0;
            while subj_end + 1 < src_end
                && (s.w[subj_end].cap
                    || (subj_end > 0
                        && matches!(s.w[subj_end].l(), "of" | "the" | "." | "-" | "'s" | "’s")
                        && s.w[subj_end + 1].cap))
            {
                subj_end += 1;
            }
            let only_article = subj_end == 1 && matches!(s.w[0].l(), "the" | "a" | "an" | "this");
            if subj_end > 0
                && !only_article
                && subj_end + 1 < src_end
                && s.w[0].cap
                && !s.w[0].open_quote()
                && region_at(s.regions, s.w[0].span.start).is_none()
                && s.has_content_word(0, subj_end)
            {
                src_start = 0;
                src_end = subj_end;
            }
        }
        // "an architect who said …": the relative pronoun is the source's word in the
        // text; the speaker is resolved to what it refers to.
        let relative_subject =
            src_start + 1 == src_end && matches!(s.w[src_start].l(), "who" | "which");
        if src_start >= src_end || !(relative_subject || s.has_content_word(src_start, src_end)) {
            // No subject: a participle continues the claim before it ("…, noting that").
            if form.ends_with("ing") {
                match earlier.last() {
                    Some(prev_claim) => {
                        found.source = prev_claim.source.clone();
                        found.inherited = true;
                    }
                    None => found.source.push(s.subject_before(b)?),
                }
            } else {
                return None;
            }
        } else {
            if let Some(a) = appositive_end {
                src_end = a;
            }
            // Never start a source on a lower-case function word.
            while src_start < src_end && matches!(s.w[src_start].l(), "and" | "but" | "so") {
                src_start += 1;
            }
            found.source.push(s.words_span(src_start, src_end)?);
        }
        // "I think", "you say", "we want" inside a quote are the quoted speaker's own
        // words, not a new attribution.
        if let [src] = found.source[..] {
            let word = s.text.get(src.start..src.end).unwrap_or("").to_lowercase();
            if matches!(word.as_str(), "i" | "you" | "we")
                && region_at(s.regions, src.start).is_some()
            {
                return None;
            }
        }
        // "“…,” Mr. Clarke told reporters." — the addressee is not content.
        let after_object = if cue.frame == Frame::Tell {
            s.np_right(i + len, body_end)
        } else {
            i + len
        };
        let nothing_after = after_object >= body_end || tail_is_adjunct(s, after_object, body_end);
        // "“…,” she said several months after her release, and …": a quote closing right
        // before the source is the content, whatever follows the cue (unless a "that", a
        // colon or a new quote opens a complement there).
        let quote_before_source = found.source.first().is_some_and(|x| {
            s.w.iter()
                .position(|w| w.span.start == x.start)
                .is_some_and(|p| p > 0 && s.w[p - 1].close_quote())
        });
        // ("“…?” Graham asked." — a question verb with nothing after it is speech.)
        if (matches!(cue.frame, Frame::Speech | Frame::Tell)
            || (cue.frame == Frame::Call && nothing_after))
            && (nothing_after || quote_before_source)
            && !marker_after
        {
            // "“…,” he said." / "…, the minister added on Monday."
            let p =
                s.w.iter()
                    .position(|w| Some(w.span.start) == found.source.first().map(|x| x.start))?;
            // ("“…?” Clinton said." is a sentence of its own: the quote before it is
            // the content.)
            if p == 0 || s.w[p - 1].punct() || s.w[p - 1].close_quote() {
                let (content, direct) = s.content_before(p)?;
                found.content.push(content);
                found.direct = direct;
                if direct {
                    found.content.extend(s.continuation(found.cue.end));
                }
                return Some(found);
            }
        }
        if AMBIGUOUS.contains(&form.as_str())
            && !marker_after
            && !(EVIDENCE_VERBS.contains(&form.as_str()) && evidence_source(s, &found.source))
        {
            return None;
        }
        // "called X “Y”" names; "called X on Friday" is a telephone call.
        if matches!(form.as_str(), "call" | "calls" | "called")
            && !s.w[i + len..].iter().take(8).any(W::open_quote)
            && !names_something(s, i + len)
        {
            return None;
        }
        let (content, direct) = self.content_after(s, i, len, cue, &mut found)?;
        found.content.push(content);
        found.direct = direct;
        Some(found)
    }

    /// Content after the cue, by frame; records the object (accused, addressee).
    fn content_after(
        &self,
        s: &Sentence,
        i: usize,
        len: usize,
        cue: Cue,
        found: &mut Found,
    ) -> Option<(Span, bool)> {
        let n = s.w.len();
        let mut k = i + len;
        // "reported Saturday that …": the date is neither cue nor content.
        let mut a = k;
        while a < n && s.is_date_word(a) {
            a += 1;
        }
        if a > k && a < n && (s.w[a].is("that") || s.w[a].is(":") || s.w[a].open_quote()) {
            k = a;
        }
        match cue.frame {
            Frame::Tell
                if k < n && !s.w[k].is("that") && !s.w[k].open_quote() && !s.w[k].is(":") =>
            {
                let e = s.np_right(k, n);
                found.object = s.words_span(k, e);
                k = e;
            }
            Frame::Accuse | Frame::Call => {
                let e = s.np_right(k, n);
                found.object = s.words_span(k, e);
            }
            Frame::Concern => {
                while k < n
                    && matches!(
                        s.w[k].l(),
                        "about" | "over" | "at" | "regarding" | "that" | "on" | "for" | "with"
                    )
                {
                    k += 1;
                }
            }
            _ => {}
        }
        s.content_from(k)
    }
}

/// Nouns that attribute a statement to their possessor ("Pakistan's accusation that …",
/// "the Taliban's denial of …"), with the stance they give.
const NOUN_CUES: &[(&str, Stance)] = &[
    ("claim", Stance::Asserts),
    ("claims", Stance::Asserts),
    ("statement", Stance::Asserts),
    ("assertion", Stance::Asserts),
    ("assessment", Stance::Asserts),
    ("insistence", Stance::Asserts),
    ("contention", Stance::Asserts),
    ("argument", Stance::Asserts),
    ("belief", Stance::Hedged),
    ("view", Stance::Asserts),
    ("allegation", Stance::Accuses),
    ("allegations", Stance::Accuses),
    ("accusation", Stance::Accuses),
    ("accusations", Stance::Accuses),
    ("denial", Stance::Denies),
    ("denials", Stance::Denies),
    ("rejection", Stance::Denies),
    ("warning", Stance::Warns),
    ("warnings", Stance::Warns),
    ("demand", Stance::Demands),
    ("demands", Stance::Demands),
    ("call", Stance::Demands),
    ("calls", Stance::Demands),
    ("promise", Stance::Promises),
    ("pledge", Stance::Promises),
];

/// A possessor's statement noun at word `i + 1` ("Trump’s claim that …"): the possessor
/// is the source, the noun the cue, and what follows "that", "of", "to" or a quote the
/// content.
fn nominal(s: &Sentence, i: usize) -> Option<Found> {
    let owner = s.w.get(i)?;
    if !(owner.l().ends_with("'s") || owner.l().ends_with("’s") || owner.is("'s") || owner.is("’s"))
    {
        return None;
    }
    let noun = s.w.get(i + 1)?;
    let &(_, stance) = NOUN_CUES.iter().find(|(n, _)| noun.is(n))?;
    let next = s.w.get(i + 2)?;
    if !(next.is("that") || next.is("of") || next.is("to") || next.open_quote()) {
        return None;
    }
    // The possessor: the capitalised name ending at it ("the Taliban’s", "Pakistan’s").
    let mut start = i;
    while start > 0 && s.w[start - 1].cap && s.w[start - 1].kind == TokenKind::Word {
        start -= 1;
    }
    if start > 0 && s.w[start - 1].is("the") {
        start -= 1;
    }
    let source = s.words_span(start, i + 1)?;
    let content_start = if next.is("of") { i + 3 } else { i + 2 };
    let (content, direct) = s.content_from(content_start)?;
    Some(Found {
        sentence: s.idx,
        source: vec![source],
        cue: noun.span,
        cue_lower: noun.lower.to_string(),
        content: vec![content],
        cue_entry: Cue {
            stance,
            frame: Frame::Object,
            words: 1,
        },
        direct,
        object: None,
        cue_negated: false,
        cue_hedged: false,
        inherited: false,
    })
}

/// Whether sentence `sp` holds a cue word, or a colon or dash near its start (a
/// speaker label), without building its words.
fn might_attribute(doc: &Doc, sp: Span, lex: &Lexicon, lower: &mut String) -> bool {
    let text = doc.text();
    for (n, t) in doc.tokens_in(sp).iter().enumerate() {
        let w = &text[t.span.start..t.span.end];
        match t.kind {
            TokenKind::Word => {
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
                if lex.cues.contains_key(lower.as_str()) || lex.multi_first.contains(lower.as_str())
                {
                    return true;
                }
            }
            TokenKind::Punct if n < 7 && matches!(w, ":" | "―" | "—" | "–") => return true,
            _ => {}
        }
    }
    false
}

/// A quote signed after a dash, as in collected reactions: "“…” ― Sonya Herridge". The
/// name runs to the end of its line.
fn epigraphs(doc: &Doc, regions: &[(usize, usize)], found: &mut Vec<Found>) {
    let text = doc.text();
    for &(a, b) in regions {
        if found
            .iter()
            .any(|f| f.content.iter().any(|c| c.start <= a && b <= c.end))
        {
            continue;
        }
        let rest = &text[b..];
        let after_space = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let Some(dash) = rest[after_space..]
            .chars()
            .next()
            .filter(|c| matches!(c, '―' | '—' | '–'))
        else {
            continue;
        };
        let dash_start = b + after_space;
        let dash_end = dash_start + dash.len_utf8();
        let line = &text[dash_end..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let name = line.trim();
        let name_start = dash_end + (line.len() - line.trim_start().len());
        let words = name.split_whitespace().count();
        let capitalised = name.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        });
        if name.is_empty() || words > 6 || !capitalised || name.len() > 80 {
            continue;
        }
        let (Some(source), Some(cue), Some(content)) = (
            span(name_start, name_start + name.len()),
            span(dash_start, dash_end),
            span(a, b),
        ) else {
            continue;
        };
        found.push(Found {
            sentence: doc.sentence_at(a).unwrap_or(0),
            source: vec![source],
            cue,
            cue_lower: dash.to_string(),
            content: vec![content],
            cue_entry: Cue {
                stance: Stance::Asserts,
                frame: Frame::Speech,
                words: 1,
            },
            direct: true,
            object: None,
            cue_negated: false,
            cue_hedged: false,
            inherited: false,
        });
    }
    found.sort_by_key(|f| (f.sentence, f.cue.start));
}

/// Labels that open a paragraph with a colon but name no speaker.
const NOT_SPEAKERS: &[&str] = &[
    "photo",
    "photos",
    "video",
    "image",
    "images",
    "file",
    "source",
    "sources",
    "update",
    "updated",
    "read",
    "related",
    "watch",
    "note",
    "editor's note",
    "editor’s note",
    "correction",
    "caption",
    "credit",
    "credits",
    "tags",
    "share",
    "listen",
    "breaking",
    "see",
    "also",
    "more",
    "q",
    "a",
    "question",
    "answer",
    "warning",
    "graphic",
    "map",
    "latest",
    "live",
    "opinion",
    "analysis",
    "exclusive",
    "explainer",
    "timeline",
    "factbox",
];

/// A paragraph that opens with a speaker label: "PENCE: Well, look …", "Mujahid: We
/// will …" (the rest of the paragraph), or "Sonya Herridge ― “…”" (the quote).
fn speaker_label(s: &Sentence) -> Option<Found> {
    let starts_paragraph = s.span.start == 0
        || s.text[..s.span.start]
            .trim_end_matches([' ', '\t'])
            .ends_with('\n');
    let lead = usize::from(s.w.first().is_some_and(W::open_quote));
    // "Said Ellis: “…”" opens a sentence anywhere in a paragraph.
    let verb_opens = s.w.get(lead).is_some_and(|w| {
        w.cap
            && matches!(
                w.l(),
                "said"
                    | "says"
                    | "asked"
                    | "asks"
                    | "added"
                    | "adds"
                    | "wrote"
                    | "writes"
                    | "replied"
            )
    });
    if !starts_paragraph && !verb_opens {
        return None;
    }
    let j =
        s.w.iter()
            .take(8)
            .position(|w| matches!(w.l(), ":" | "―" | "—" | "–"))?;
    if j <= lead
        || !s.w[lead..j]
            .iter()
            .all(|w| w.cap || matches!(w.l(), "." | "-" | "'" | "’" | "of"))
    {
        return None;
    }
    let label: Vec<&str> = s.w[lead..j].iter().map(|w| w.l()).collect();
    if NOT_SPEAKERS.contains(&label.join(" ").as_str()) || NOT_SPEAKERS.contains(&label[0]) {
        return None;
    }
    // "Said Ellis: “…”": a speech verb opening the label is the cue, the rest the source.
    let verb_first = verb_opens && j > lead + 1;
    if !starts_paragraph && !verb_first {
        return None;
    }
    let (source, cue, cue_at) = if verb_first {
        (
            s.words_span(lead + 1, j)?,
            s.words_span(lead, lead + 1)?,
            lead,
        )
    } else {
        (s.words_span(lead, j)?, s.words_span(j, j + 1)?, j)
    };
    let rest = s.w.get(j + 1)?;
    let content = if s.w[j].is(":") {
        let para_end = s.text[rest.span.start..]
            .find('\n')
            .map_or(s.text.len(), |k| rest.span.start + k);
        span(rest.span.start, s.text[..para_end].trim_end().len())?
    } else {
        let (a, b) = region_at(s.regions, rest.span.start).filter(|r| r.0 == rest.span.start)?;
        span(a, b)?
    };
    Some(Found {
        sentence: s.idx,
        source: vec![source],
        cue,
        cue_lower: s.w[cue_at].lower.to_string(),
        content: vec![content],
        cue_entry: Cue {
            stance: Stance::Asserts,
            frame: Frame::Speech,
            words: 1,
        },
        direct: !s.w[j].is(":"),
        object: None,
        cue_negated: false,
        cue_hedged: false,
        inherited: false,
    })
}

/// A lower-case word that can open a title in apposition ("…, said Sean Spicer, chief
/// strategist for the RNC"): a noun-like word, not a participle, conjunction or
/// preposition.
fn title_word(w: &W) -> bool {
    let l = w.l();
    w.kind == TokenKind::Word
        && !w.cap
        && l.len() > 2
        && !l.ends_with("ing")
        && !l.ends_with("ed")
        && !l.ends_with("ly")
        && !CLAUSE_STOP.contains(&l)
        && !RIGHT_STOP.contains(&l)
        && !PREPOSITIONS.contains(&l)
        && !matches!(
            l,
            "although"
                | "though"
                | "according"
                | "because"
                | "adding"
                | "noting"
                | "not"
                | "now"
                | "then"
                | "too"
                | "also"
                | "even"
                | "just"
                | "all"
                | "both"
                | "citing"
                | "per"
        )
}

/// A lower-case "-ly" adverb or a degree word right before a cue, which belongs to it
/// ("generally praised", "almost immediately disclosed", "has steadfastly refused").
fn manner_adverb(w: &W) -> bool {
    let l = w.l();
    w.kind == TokenKind::Word
        && !w.cap
        && (matches!(l, "almost" | "even" | "quickly" | "swiftly" | "sharply")
            || (l.len() > 4
                && l.ends_with("ly")
                && !matches!(
                    l,
                    "only"
                        | "early"
                        | "family"
                        | "ally"
                        | "rally"
                        | "supply"
                        | "reply"
                        | "apply"
                        | "belly"
                        | "bully"
                        | "holy"
                        | "ugly"
                        | "silly"
                        | "daily"
                        | "weekly"
                        | "monthly"
                        | "yearly"
                        | "italy"
                        | "july"
                        | "assembly"
                        | "friendly"
                )))
}

/// Whether a lower-case word reads as a modifier before a noun: hyphenated, a participle
/// or adjective ending, or a common pre-noun adjective.
fn modifier_like(w: &str) -> bool {
    w.contains('-')
        || ["ed", "ing", "est", "al", "ive", "ous", "ful", "ic"]
            .iter()
            .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
        || matches!(
            w,
            "immediate"
                | "best"
                | "new"
                | "own"
                | "latest"
                | "recent"
                | "initial"
                | "early"
                | "late"
                | "former"
                | "previous"
                | "grand"
                | "big"
                | "first"
                | "last"
                | "many"
                | "other"
                | "repeated"
                | "angry"
                | "public"
        )
}

/// After "called" at word `k`: an object and what it is called ("called him a master",
/// "called the charges a fabrication", "called it unacceptable") rather than a meeting
/// called or a telephone call ("called a meeting", "called him on Friday").
fn names_something(s: &Sentence, k: usize) -> bool {
    let Some(first) = s.w.get(k) else {
        return false;
    };
    if matches!(
        first.l(),
        "him" | "her" | "it" | "them" | "himself" | "herself" | "itself"
    ) {
        return s.w.get(k + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && !s.is_date_word(k + 1)
                && !matches!(
                    n.l(),
                    "on" | "back"
                        | "to"
                        | "at"
                        | "up"
                        | "out"
                        | "in"
                        | "after"
                        | "before"
                        | "from"
                        | "and"
                        | "about"
                        | "over"
                        | "with"
                        | "again"
                        | "last"
                        | "this"
                )
        });
    }
    if matches!(
        first.l(),
        "a" | "an" | "for" | "on" | "off" | "up" | "back" | "in" | "out"
    ) {
        return false;
    }
    // a second noun phrase opening with "a"/"an" right after a short object
    (k + 1..(k + 6).min(s.w.len()))
        .take_while(|&x| s.w[x].kind == TokenKind::Word && !PREPOSITIONS.contains(&s.w[x].l()))
        .any(|x| matches!(s.w[x].l(), "a" | "an"))
}

const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "to", "for", "from", "with", "about", "after", "before", "during", "over",
    "by", "of", "into",
];

/// Whether words `a..b` are only an adjunct after a source ("in a statement", "on
/// Thursday", "in an interview with TASS").
fn tail_is_adjunct(s: &Sentence, a: usize, b: usize) -> bool {
    // "…,” said Donald Tusk, summing up …": a participle clause of its own.
    if s.w[a].is(",")
        && s.w.get(a + 1).is_some_and(|w| {
            w.kind == TokenKind::Word && !w.cap && w.l().len() > 5 && w.l().ends_with("ing")
        })
    {
        return true;
    }
    if b - a > 10 {
        return false;
    }
    let first = s.w[a].l();
    if first == "," && s.w.get(a + 1).is_some_and(W::open_quote) {
        return true;
    }
    (matches!(
        first,
        "in" | "on"
            | "at"
            | "during"
            | "via"
            | "through"
            | "last"
            | "this"
            | ","
            | "told"
            | "to"
            | "adding"
            | "with"
    ) || s.is_date_word(a))
        && !s.w[a..b].iter().any(|w| w.is("that") || w.open_quote())
}

fn spans_json(spans: &[Span]) -> Value {
    json!(spans.iter().map(|s| [s.start, s.end]).collect::<Vec<_>>())
}

/// Everything the stage reads from earlier layers.
struct Context<'a> {
    actors: Vec<Mention<'a>>,
    places: Vec<Mention<'a>>,
    dates: Vec<Mention<'a>>,
    quantities: Vec<Mention<'a>>,
}

fn actor_json(m: &Mention) -> Value {
    json!({
        "key": m.key,
        "name": m.attrs.get("name"),
        "kind": m.attrs.get("kind"),
        "country": m.attrs.get("country"),
        "start": m.span.start,
        "end": m.span.end,
    })
}

/// The speaker among the actor mentions inside the source: a person first, else the
/// first mention that is not the complement of a preposition ("of the CSTO").
fn speaker<'m>(doc: &Doc, ctx: &'m Context<'m>, source: &[Span]) -> Option<&'m Mention<'m>> {
    let text = doc.text();
    let inside: Vec<&Mention> = within(&ctx.actors, source).collect();
    if let Some(pair) = pair_reference(text, ctx, source) {
        return pair.first().copied();
    }
    if let Some(p) = inside.iter().find(|m| m.attrs["kind"] == "person") {
        return Some(p);
    }
    let head = inside.iter().find(|m| {
        let before = text[..m.span.start].trim_end();
        let prev = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        !matches!(
            prev.to_lowercase().as_str(),
            "of" | "to" | "for" | "in" | "from" | "with"
        )
    });
    if let Some(h) = head.or(inside.first()) {
        return Some(h);
    }
    // "who"/"which": the nearest actor before it in the sentence.
    let src = source.first()?;
    let word = text.get(src.start..src.end)?.to_lowercase();
    if word == "who" || word == "which" || word == "that" {
        return ctx
            .actors
            .iter()
            .rfind(|m| m.span.end <= src.start && src.start - m.span.end < 80);
    }
    None
}

/// "Both countries", "the two sides": the last two distinct states named before the
/// source, close by.
fn pair_reference<'m>(
    text: &str,
    ctx: &'m Context<'m>,
    source: &[Span],
) -> Option<Vec<&'m Mention<'m>>> {
    let src = source.first()?;
    let phrase = text.get(src.start..src.end)?.to_lowercase();
    if !matches!(
        phrase.as_str(),
        "both countries"
            | "the two countries"
            | "both sides"
            | "the two sides"
            | "both governments"
            | "the two governments"
            | "both nations"
            | "the two nations"
    ) {
        return None;
    }
    let before: Vec<&Mention> = ctx
        .actors
        .iter()
        .filter(|m| {
            m.span.end <= src.start && src.start - m.span.end < 400 && m.attrs["kind"] == "state"
        })
        .collect();
    // "Iran and Pakistan …": a coordinated pair wins.
    for w in before.windows(2).rev() {
        let between = text.get(w[0].span.end..w[1].span.start).unwrap_or("");
        if between.trim() == "and" && w[0].key != w[1].key {
            return Some(vec![w[0], w[1]]);
        }
    }
    let mut pair: Vec<&Mention> = Vec::new();
    for m in ctx
        .actors
        .iter()
        .rev()
        .filter(|m| m.span.end <= src.start && src.start - m.span.end < 400)
    {
        if m.attrs["kind"] == "state" && !pair.iter().any(|p| p.key == m.key) {
            pair.push(m);
            if pair.len() == 2 {
                pair.reverse();
                return Some(pair);
            }
        }
    }
    None
}

/// The stance, hedging and negation of a claim.
fn stance_of(f: &Found, content_words: &[W]) -> Option<(Stance, bool)> {
    let mut stance = f.cue_entry.stance;
    let hedged_content = content_words.iter().any(|w| HEDGES.contains(&w.l()));
    let hedged = f.cue_hedged || hedged_content || stance == Stance::Hedged;
    if f.cue_negated {
        match stance {
            Stance::Denies => stance = Stance::Asserts,
            _ => return None,
        }
    }
    if stance == Stance::Asserts && hedged {
        stance = Stance::Hedged;
    }
    if stance == Stance::Asserts && obligation(content_words) {
        stance = Stance::Demands;
    }
    Some((stance, hedged))
}

/// Whether reported content lays an obligation on someone else: "(that) China must drop
/// barriers", "Libya must hand over the suspects" — a demand, not an assertion. Not
/// "there must be", "it must", nor the speaker's own "we must" (an intention).
fn obligation(content_words: &[W]) -> bool {
    let Some(k) = content_words.iter().take(10).position(|w| w.l() == "must") else {
        return false;
    };
    let Some(before) = k.checked_sub(1).and_then(|i| content_words.get(i)) else {
        return false;
    };
    !matches!(
        before.l(),
        "there" | "it" | "this" | "that" | "which" | "what" | "who" | "i" | "we" | "you" | "one"
    ) && content_words
        .get(k + 1)
        .is_some_and(|w| !matches!(w.l(), "have" | "be" | "'ve"))
}

/// The first predicate phrase in the content: (predicate id, word index, phrase length).
fn predicate_in(lex: &Lexicon, w: &[W]) -> Option<(u16, usize, usize)> {
    let mut found: Option<(u16, usize, usize)> = None;
    for i in 0..w.len() {
        if let Some(phrases) = lex.phrases.get(w[i].l()) {
            let mut best: Option<(u16, usize)> = None;
            for p in phrases {
                let fits = p.words.len() <= w.len() - i
                    && p.words
                        .iter()
                        .enumerate()
                        .all(|(j, pw)| pw.as_ref().is_none_or(|x| *x == w[i + j].lower));
                if fits && best.is_none_or(|(_, l)| p.words.len() > l) {
                    best = Some((p.predicate, p.words.len()));
                }
            }
            if let Some((p, l)) = best {
                // The table lists predicates by priority: the first row wins.
                if found.is_none_or(|(q, _, _)| p < q) {
                    found = Some((p, i, l));
                }
            }
        }
    }
    found
}

const SUBJECT_KINDS: &[&str] = &[
    "armed_group",
    "state",
    "government",
    "security_force",
    "person",
    "igo",
    "other",
];

impl Component for ClaimTagger {
    fn name(&self) -> &'static str {
        COMPONENT
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sentences,
            Layer::Tokens,
            Layer::Actors,
            Layer::Dates,
            Layer::Places,
            Layer::Quantities,
        ]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Claims]
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let anns = self.claims(doc);
        add_all(doc, Layer::Claims, COMPONENT, anns)
    }
}

impl ClaimTagger {
    /// The claims of `doc` as annotations (earlier layers must be present).
    pub fn claims(&self, doc: &Doc) -> Vec<Annotation> {
        let lex = Lexicon::shared();
        let text = doc.text();
        let regions = quote_regions(text);
        let date_spans: Vec<Span> = doc.layer(Layer::Dates).iter().map(|a| a.span).collect();
        let mut found = Vec::new();
        let mut lower = String::new();
        for (idx, &sp) in doc.sentences().iter().enumerate() {
            // Cheap test first: most sentences of a report hold no cue and open no
            // paragraph with a speaker label.
            if !might_attribute(doc, sp, lex, &mut lower) {
                continue;
            }
            let s = Sentence {
                idx,
                span: sp,
                w: words_in(doc, sp),
                text,
                regions: &regions,
                dates: &date_spans,
            };
            let before = found.len();
            self.find(lex, &s, &mut found);
            if found.len() == before {
                found.extend(speaker_label(&s));
            }
        }
        epigraphs(doc, &regions, &mut found);
        if found.is_empty() {
            return Vec::new();
        }
        let ctx = Context {
            actors: mentions(doc, Layer::Actors),
            places: mentions(doc, Layer::Places),
            dates: mentions(doc, Layer::Dates),
            quantities: mentions(doc, Layer::Quantities),
        };
        self.annotate(doc, lex, &ctx, found)
    }

    fn annotate(
        &self,
        doc: &Doc,
        lex: &Lexicon,
        ctx: &Context,
        found: Vec<Found>,
    ) -> Vec<Annotation> {
        let text = doc.text();
        let published = doc
            .report()
            .published
            .map(|d| d.format("%Y-%m-%d").to_string());
        let mut out: Vec<(Annotation, ClaimFacts, usize)> = Vec::new();
        let mut seen: Vec<(Span, Span)> = Vec::new();
        let mut last_speaker: Option<(&Mention, usize)> = None;
        for f in found {
            if seen.iter().any(|(c, x)| {
                *c == f.cue
                    || (x.start <= f.cue.start
                        && f.cue.end <= x.end
                        && !f.content.is_empty()
                        && f.content.iter().all(|k| x.contains(*k))
                        && f.source.is_empty())
            }) {
                continue;
            }
            let content_words: Vec<W> = f.content.iter().flat_map(|&c| words_in(doc, c)).collect();
            // "Readers wrote in.": a lone particle is no content.
            if let [only] = &content_words[..] {
                if matches!(
                    only.l(),
                    "in" | "out" | "up" | "on" | "off" | "back" | "down" | "over" | "away" | "so"
                ) {
                    continue;
                }
            }
            let Some((stance, hedged)) = stance_of(&f, &content_words) else {
                continue;
            };
            let sentence_span = doc.sentences()[f.sentence];
            let mut speaker = speaker(doc, ctx, &f.source);
            if speaker.is_none() {
                // "He also highlighted …": the pronoun the actors stage left open refers
                // to the speaker of the claim just before.
                let pronoun = f
                    .source
                    .first()
                    .and_then(|s| text.get(s.start..s.end))
                    .map(str::to_lowercase);
                let person = matches!(pronoun.as_deref(), Some("he" | "she"));
                let group = matches!(pronoun.as_deref(), Some("they" | "it"));
                if let Some((m, sent)) = last_speaker {
                    let fits = if person {
                        m.attrs["kind"] == "person"
                    } else {
                        group && m.attrs["kind"] != "person"
                    };
                    if fits && f.sentence - sent <= 3 {
                        speaker = Some(m);
                    }
                }
            }
            if let Some(m) = speaker {
                last_speaker = Some((m, f.sentence));
            }
            let first_sentence = f
                .source
                .iter()
                .chain(&f.content)
                .map(|s| s.start)
                .min()
                .and_then(|b| doc.sentence_at(b))
                .unwrap_or(f.sentence);
            let speakers: Vec<Value> = match pair_reference(text, ctx, &f.source) {
                Some(pair) => pair.into_iter().map(actor_json).collect(),
                None => speaker.into_iter().map(actor_json).collect(),
            };
            // A medium relaying the statement: a media outlet in the sentence, outside
            // the source and the content.
            let medium = ctx.actors.iter().find(|m| {
                sentence_span.contains(m.span)
                    && m.attrs["kind"] == "media_outlet"
                    && !f.content.iter().any(|c| c.overlaps(m.span))
                    && speaker.is_none_or(|sp| sp.key != m.key)
            });
            // Date of the statement: a date in the sentence outside the content.
            let date = ctx
                .dates
                .iter()
                .filter(|d| {
                    sentence_span.contains(d.span)
                        && !f.content.iter().any(|c| c.overlaps(d.span))
                        && matches!(Some(d.label), Some("DATE") | Some("TIME"))
                        && d.key.as_deref().is_some_and(|k| k.starts_with(|c: char| c.is_ascii_digit()))
                })
                .min_by_key(|d| d.span.start.abs_diff(f.cue.start))
                .map(|d| {
                    json!({"value": d.key, "granularity": d.attrs.get("granularity"), "origin": "text", "start": d.span.start, "end": d.span.end})
                })
                .or_else(|| {
                    // The next sentence gives the occasion ("Speaking in Moscow on
                    // Tuesday, December 19, Tasmagambetov …").
                    let key = speaker.and_then(|m| m.key.as_ref())?;
                    let next = *doc.sentences().get(f.sentence + 1)?;
                    let again = ctx.actors.iter().find(|m| next.contains(m.span) && m.key.as_ref() == Some(key))?;
                    ctx.dates
                        .iter()
                        .find(|d| {
                            next.contains(d.span)
                                && d.span.end <= again.span.start
                                && d.label == "DATE"
                                && d.attrs["granularity"] == "day"
                                && d.key.as_deref().is_some_and(|k| k.starts_with(|c: char| c.is_ascii_digit()))
                        })
                        .map(|d| json!({"value": d.key, "granularity": "day", "origin": "next_sentence", "start": d.span.start, "end": d.span.end}))
                })
                .or_else(|| {
                    // The same speaker's claim just before (a quote after a dated claim).
                    let key = speaker.and_then(|m| m.key.as_ref())?;
                    out.iter().rev().find_map(|(a, _, sent)| {
                        (a.key.as_ref() == Some(key)
                            && first_sentence.saturating_sub(*sent) <= 2
                            && matches!(a.attrs["date"]["origin"].as_str(), Some("text" | "next_sentence")))
                            .then(|| {
                                let mut d = a.attrs["date"].clone();
                                d["origin"] = json!("context");
                                d
                            })
                    })
                })
                .or_else(|| published.as_ref().map(|p| json!({"value": p, "granularity": "day", "origin": "published"})));

            // Links inside the content.
            let about_m: Vec<&Mention> = within(&ctx.actors, &f.content).collect();
            let mut about: Vec<String> = Vec::new();
            for m in &about_m {
                if let Some(k) = &m.key {
                    if !about.contains(k) {
                        about.push(k.clone());
                    }
                }
            }
            let places: Vec<Value> = within(&ctx.places, &f.content)
                .map(|p| json!({"key": p.key, "name": p.attrs.get("name"), "country": p.attrs.get("country"), "precision": p.attrs.get("precision"), "start": p.span.start, "end": p.span.end}))
                .collect();
            let dates: Vec<Value> = within(&ctx.dates, &f.content)
                .map(|d| json!({"value": d.key, "type": d.label, "start": d.span.start, "end": d.span.end}))
                .collect();
            let quantities: Vec<Value> = within(&ctx.quantities, &f.content)
                .map(|q| json!({"key": q.key, "start": q.span.start, "end": q.span.end}))
                .collect();

            // Figures: counts in the content whose subject is an actor.
            let mut figures = Vec::new();
            for q in within(&ctx.quantities, &f.content) {
                let (Some(unit), Some(value)) =
                    (q.attrs["unit"].as_str(), q.attrs["value"].as_f64())
                else {
                    continue;
                };
                if q.attrs.get("change").is_some() {
                    continue;
                }
                let subj = q.attrs["subject_span"]
                    .as_object()
                    .and_then(|o| {
                        Some((
                            o.get("start")?.as_u64()? as usize,
                            o.get("end")?.as_u64()? as usize,
                        ))
                    })
                    .and_then(|(a, b)| {
                        ctx.actors
                            .iter()
                            .find(|m| m.span.start < b && a < m.span.end && m.key.is_some())
                    });
                if let Some(sm) = subj {
                    figures.push(json!({
                        "subject": sm.key, "unit": unit, "value": value,
                        "high": q.attrs.get("high").and_then(Value::as_f64),
                        "bound": q.attrs["bound"].as_str().unwrap_or("exact"),
                        "start": q.span.start, "end": q.span.end,
                    }));
                }
            }

            // Proposition.
            let speaker_key = speaker.and_then(|m| m.key.clone());
            let speaker_org =
                speaker.and_then(|m| m.attrs["organisation"].as_str().map(str::to_string));
            let pred = predicate_in(lex, &content_words);
            let armed_count = figures.iter().any(|fg| {
                ctx.actors.iter().any(|m| {
                    m.key.as_deref() == fg["subject"].as_str() && m.attrs["kind"] == "armed_group"
                })
            }) && within(&ctx.quantities, &f.content)
                .any(|q| q.attrs["unit_category"] == "armed");
            let (predicate, trigger_at) = match pred {
                Some((p, i, l)) => (Some(lex.predicates[p as usize].clone()), Some((i, l))),
                None if armed_count => (Some("harbours_militants".to_string()), None),
                None => (None, None),
            };
            let negated = trigger_at.is_some_and(|(i, l)| {
                let from = i.saturating_sub(3);
                content_words[from..i + l]
                    .iter()
                    .any(|w| NEGATIONS.contains(&w.l()))
            });
            let trigger_byte = trigger_at.map(|(i, _)| content_words[i].span.start);
            let eligible = |m: &&&Mention| {
                m.key.is_some()
                    && m.key != speaker_key
                    && m.key != speaker_org
                    && m.attrs["locative"] != true
                    && SUBJECT_KINDS.contains(&m.attrs["kind"].as_str().unwrap_or(""))
            };
            let object_m = f
                .object
                .and_then(|o| about_m.iter().find(|m| o.contains(m.span)).copied());
            let subject_m: Option<&Mention> = object_m
                .filter(|_| matches!(f.cue_entry.frame, Frame::Accuse | Frame::Call))
                .or_else(|| {
                    let before = trigger_byte.unwrap_or(usize::MAX);
                    about_m
                        .iter()
                        .filter(eligible)
                        .find(|m| m.span.start < before)
                        .copied()
                })
                .or_else(|| {
                    figures.first().and_then(|fg| {
                        ctx.actors
                            .iter()
                            .find(|m| m.key.as_deref() == fg["subject"].as_str())
                    })
                });
            // Scope: a country named just after the predicate ("a base in Afghanistan"),
            // else the subject's country, else the first country named in the content.
            let country_of = |m: &Mention| m.attrs["country"].as_str().map(str::to_string);
            let near_trigger = trigger_byte.and_then(|t| {
                ctx.places
                    .iter()
                    .filter(|p| {
                        f.content.iter().any(|c| c.contains(p.span))
                            && p.span.start >= t
                            && p.span.start - t < 60
                    })
                    .find_map(country_of)
            });
            let scope = if predicate.is_some() {
                near_trigger
                    .or_else(|| subject_m.and_then(country_of))
                    .or_else(|| within(&ctx.places, &f.content).find_map(country_of))
            } else {
                None
            };

            // Asserting that another actor shelters militants accuses it.
            let accusatory = pred.is_some_and(|(p, _, _)| lex.accusatory[p as usize]);
            let stance =
                if stance == Stance::Asserts && accusatory && !negated && subject_m.is_some() {
                    Stance::Accuses
                } else {
                    stance
                };
            let cue_text = &text[f.cue.start..f.cue.end];
            let source_text: Vec<&str> = f.source.iter().map(|s| &text[s.start..s.end]).collect();
            let mut all: Vec<Span> = f.source.iter().chain(&f.content).copied().collect();
            all.push(f.cue);
            let (Some(start), Some(end)) = (
                all.iter().map(|s| s.start).min(),
                all.iter().map(|s| s.end).max(),
            ) else {
                continue;
            };
            let Ok(extent) = Span::new(start, end) else {
                continue;
            };
            let attrs = json!({
                "source_spans": spans_json(&f.source),
                "cue_spans": spans_json(&[f.cue]),
                "content_spans": spans_json(&f.content),
                "speaker": speaker.map(actor_json),
                "speakers": speakers,
                "speaker_text": source_text.join(" "),
                "cue": cue_text,
                "cue_form": f.cue_lower,
                "frame": format!("{:?}", f.cue_entry.frame).to_lowercase(),
                "stance": stance.as_str(),
                "hedged": hedged,
                "direct": f.direct,
                "medium": medium.map(actor_json),
                "date": date,
                "about": about,
                "places": places,
                "dates": dates,
                "quantities": quantities,
                "figures": figures,
                "proposition": {
                    "subject": subject_m.and_then(|m| m.key.clone()),
                    "subject_name": subject_m.and_then(|m| m.attrs.get("name").cloned()),
                    "predicate": predicate,
                    "scope": scope,
                    "negated": negated,
                },
            });
            let mut confidence: f32 = if f.direct { 0.9 } else { 0.8 };
            if speaker.is_none() {
                confidence -= 0.2;
            }
            if AMBIGUOUS.contains(&f.cue_lower.as_str()) {
                confidence -= 0.1;
            }
            let facts = ClaimFacts::from_attrs(&attrs);
            let mut ann =
                Annotation::new(extent, stance.as_str(), COMPONENT, confidence).with_attrs(attrs);
            if let Some(k) = speaker_key {
                ann = ann.with_key(k);
            }
            seen.push((f.cue, extent));
            out.push((ann, facts, f.sentence));
        }
        // Contradictions within the report.
        let n = out.len();
        let mut links: Vec<Vec<Value>> = vec![Vec::new(); n];
        for a in 0..n {
            for b in a + 1..n {
                if out[a].1.speaker.is_some() && out[a].1.speaker == out[b].1.speaker {
                    continue;
                }
                if let Some(reason) = contradiction(&out[a].1, &out[b].1) {
                    let (sa, sb) = (out[a].0.span, out[b].0.span);
                    links[a].push(json!({"start": sb.start, "end": sb.end, "reason": reason}));
                    links[b].push(json!({"start": sa.start, "end": sa.end, "reason": reason}));
                }
            }
        }
        out.into_iter()
            .zip(links)
            .map(|((mut a, _, _), l)| {
                a.attrs["contradicts"] = json!(l);
                a
            })
            .collect()
    }
}
