//! The frame of a trigger: its clause, its source and target participants, and the
//! modality the words around it give (negation, intention, condition, attempt).

use super::participants::Participant;
use super::sentence::{Match, Sentence};
use super::words::WordSet;
use spillover_doc::{Span, TokenKind};

/// Words of a verb group that may stand between a subject and its verb.
static VERB_GROUP: WordSet = WordSet::new(&[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "'ll",
    "'d",
    "not",
    "never",
    "no",
    "longer",
    "also",
    "again",
    "still",
    "just",
    "already",
    "now",
    "then",
    "today",
    "yesterday",
    "tonight",
    "once",
    "further",
    "both",
    "all",
    "jointly",
    "to",
    "about",
    "going",
    "set",
    "ready",
    "willing",
    "prepared",
    "poised",
    "determined",
    "able",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "intended",
    "decided",
    "decides",
    "expected",
    "scheduled",
    "due",
    "hopes",
    "hope",
    "hoped",
    "wants",
    "want",
    "wanted",
    "seeks",
    "seek",
    "sought",
    "trying",
    "tried",
    "try",
    "tries",
    "attempted",
    "attempt",
    "attempting",
    "aims",
    "aim",
    "aimed",
    "continue",
    "continued",
    "continues",
    "begun",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "finally",
    "openly",
    "last",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "evening",
    "on",
    "in",
    "early",
    "late",
    "later",
    "earlier",
    "too",
    "even",
    "apparently",
    "reportedly",
    "allegedly",
    "routinely",
    "again",
    "formally",
    "officially",
    "effectively",
    "ever",
    "so",
    "far",
    "themselves",
    "itself",
    "himself",
    "herself",
    "personally",
    "unilaterally",
    "bluntly",
    "flatly",
    "outright",
    "promptly",
    "quickly",
    "immediately",
    "recently",
    "repeatedly",
    "consistently",
    "previously",
    "currently",
    "reluctantly",
]);

static FUTURE: WordSet = WordSet::new(&["will", "'ll", "shall", "would", "wo"]);
/// Words before "to" that make the infinitive an intention ("plans to", "is ready to").
static INTENT_TO: WordSet = WordSet::new(&[
    "going",
    "about",
    "set",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "intended",
    "ready",
    "willing",
    "prepared",
    "poised",
    "determined",
    "expected",
    "scheduled",
    "due",
    "hopes",
    "hope",
    "hoped",
    "wants",
    "want",
    "wanted",
    "aims",
    "aim",
    "aimed",
    "moved",
    "is",
    "are",
    "was",
    "were",
]);
static ATTEMPT_TO: WordSet = WordSet::new(&[
    "seeks",
    "seek",
    "sought",
    "trying",
    "tried",
    "try",
    "tries",
    "attempted",
    "attempt",
    "attempting",
    "attempts",
]);
static HYPOTHETICAL: WordSet = WordSet::new(&[
    "may", "might", "could", "can", "possibly", "perhaps", "likely",
]);
static BE: WordSet = WordSet::new(&[
    "is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets",
]);
/// Past participles that do not end in -ed or -en.
static IRREGULAR_PARTICIPLES: WordSet = WordSet::new(&[
    "shot", "hit", "held", "struck", "hurt", "caught", "fought", "overrun", "sent", "met",
    "seized", "freed", "shelled", "built", "put", "cut", "set", "burnt", "led", "made",
]);
/// Words that open a subordinate or relative clause.
static SUBORDINATORS: WordSet = WordSet::new(&[
    "after",
    "before",
    "since",
    "when",
    "while",
    "because",
    "if",
    "unless",
    "although",
    "though",
    "until",
    "amid",
    "following",
    "whereas",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "whether",
    "as",
]);
/// Words that open a clause of their own.
static CLAUSE_OPENERS: WordSet = WordSet::new(&["that", "but", "and", "whereby"]);
/// Reporting verbs: the reporter of an event is not its source.
pub static REPORTING: WordSet = WordSet::new(&[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "reported",
    "reports",
    "announced",
    "announces",
    "stated",
    "added",
    "adds",
    "noted",
    "notes",
    "claimed",
    "claims",
    "claim",
    "insisted",
    "confirmed",
    "confirms",
    "according",
    "quoted",
    "believes",
    "believed",
    "noting",
    "adding",
    "warned",
    "warns",
    "charged",
    "alleged",
    "argued",
    "explained",
    "declared",
    "reiterated",
    "stressed",
    "acknowledged",
    "revealed",
]);
/// Prepositions: a participant after one is not a subject.
pub static PREPOSITIONS: WordSet = WordSet::new(&[
    "in",
    "on",
    "at",
    "to",
    "with",
    "from",
    "by",
    "for",
    "of",
    "against",
    "near",
    "into",
    "toward",
    "towards",
    "over",
    "under",
    "between",
    "among",
    "about",
    "across",
    "through",
    "within",
    "without",
    "via",
    "during",
    "despite",
    "after",
    "before",
    "since",
    "like",
    "including",
    "amid",
    "behind",
    "beyond",
    "around",
    "outside",
    "inside",
    "per",
    "than",
    "upon",
    "onto",
    "along",
]);
/// Heads of "X of Y" phrases whose real head is Y ("a group of Moroccan diplomats").
static TRANSPARENT_OF: WordSet = WordSet::new(&[
    "group",
    "groups",
    "members",
    "member",
    "thousands",
    "hundreds",
    "dozens",
    "tens",
    "scores",
    "millions",
    "some",
    "many",
    "most",
    "one",
    "two",
    "three",
    "four",
    "five",
    "all",
    "number",
    "team",
    "batch",
    "patch",
    "contingent",
    "unit",
    "units",
    "majority",
    "part",
    "third",
    "half",
    "leaders",
    "leader",
    "head",
    "chief",
    "representatives",
    "delegation",
    "officials",
    "supporters",
    "members",
    "activists",
    "band",
    "each",
]);
/// Words before a trigger that make it a noun ("a request", "its withdrawal").
static DETERMINERS: WordSet = WordSet::new(&[
    "a", "an", "the", "its", "their", "his", "her", "this", "these", "those", "any", "no", "some",
    "each", "every", "another", "our", "'s", "press", "such",
]);

/// What the claims layer says about a stretch of the sentence.
#[derive(Debug, Clone)]
pub struct ClaimView {
    /// Index in the claims layer.
    pub index: usize,
    pub span: Span,
    pub cue: Span,
    pub sources: Vec<Span>,
    pub contents: Vec<Span>,
    pub stance: &'static str,
    pub hedged: bool,

    /// A reporting frame ("said", "told", "according to"): its cue and source bound the
    /// clauses of the events it reports.
    pub reporting: bool,
}

impl ClaimView {
    pub fn in_content(&self, span: Span) -> bool {
        self.contents.iter().any(|c| c.contains(span))
    }
}

/// The clause a trigger stands in: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    /// Opened by a subordinator or a relative pronoun ("after …", "which …").
    pub subordinate: bool,
    /// Opened by "if" or "unless".
    pub conditional: bool,
}

/// The modality of a trigger from its verb group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Modality {
    pub negated: bool,
    pub future: bool,
    pub hypothetical: bool,
    pub attempt: bool,
    /// An infinitive of purpose ("sent troops to investigate").
    pub purpose: bool,
    pub passive: bool,
    /// "X must …", "X should …": in a claim, a demand on X.
    pub obligation: bool,
}

/// A sentence with its participants and the claims over it.
pub struct Frame<'a, 'd> {
    pub s: &'a Sentence<'a>,
    pub parts: &'a [Participant<'d>],
    pub claims: &'a [ClaimView],
    /// Tokens inside a date expression.
    pub dates: &'a [bool],
    /// The trigger being framed is a withdrawal ("withdrawal from X" names the target).
    pub retreat: bool,
}

/// Irregular past forms of verbs that name events: never nouns, so "the EU gave",
/// "the rebels fought" are clauses, not noun phrases like "a U.S. request".
const IRREGULAR_PAST: &[&str] = &[
    "gave",
    "given",
    "sent",
    "met",
    "held",
    "struck",
    "shot",
    "fought",
    "led",
    "began",
    "begun",
    "made",
    "sought",
    "won",
    "lost",
    "fled",
    "threw",
    "thrown",
    "drove",
    "broke",
    "broken",
    "hit",
    "put",
    "set",
    "cut",
    "spoke",
    "told",
    "said",
    "went",
    "came",
    "took",
    "taken",
    "brought",
    "kept",
    "left",
    "ran",
    "stood",
    "withdrew",
    "withdrawn",
    "overran",
    "overrun",
    "froze",
    "frozen",
    "bound",
    "blew",
    "blown",
    "beat",
    "beaten",
    "swore",
    "sworn",
    "shut",
    "stole",
    "stolen",
    "spent",
    "lent",
    "dealt",
    "undertook",
    "forbade",
    "forbidden",
    "forgave",
    "forgiven",
    "rode",
    "seized",
    "laid",
    "paid",
    "sold",
    "sank",
    "sunk",
    "slew",
    "slain",
    "tore",
    "torn",
    "hid",
    "hidden",
    "fell",
    "fallen",
    "rose",
    "arose",
    "wrote",
    "written",
    "chose",
    "chosen",
    "drew",
    "drawn",
    "grew",
    "knew",
    "taught",
    "caught",
    "thought",
    "bought",
];

fn is_reporting(w: &str) -> bool {
    REPORTING.contains(&w)
}

impl Frame<'_, '_> {
    /// Whether token `i` is a reporting verb used as one: with a subject before it ("X
    /// said", "officials said on Tuesday") or a clause after it ("said that", "said,"),
    /// not an adjective ("his alleged part").
    fn reporting_at(&self, i: usize) -> bool {
        let s = self.s;
        if !is_reporting(s.w(i)) {
            return false;
        }
        let mut k = i;
        while k > 0
            && (VERB_GROUP.contains(&s.w(k - 1)) || self.dates.get(k - 1).copied().unwrap_or(false))
            && i - k < 4
        {
            k -= 1;
        }
        let subject_before = k > 0 && self.parts.iter().any(|p| p.b == k);
        let next = s.w(i + 1);
        let clause_after = matches!(
            next,
            "that" | "," | "\"" | "“" | "on" | "in" | "to" | "by" | "." | ""
        ) || self.parts.iter().any(|p| p.a == i + 1)
            || self.dates.get(i + 1).copied().unwrap_or(false);
        subject_before || clause_after || s.w(i) == "according"
    }
}

fn negation(w: &str) -> bool {
    matches!(w, "not" | "never" | "no") || w.ends_with("n't")
}

impl Frame<'_, '_> {
    /// Whether participant `p` stands after a preposition, so cannot be a subject ("a
    /// group of" and the like do not count: their head is what follows).
    pub fn after_preposition(&self, p: &Participant<'_>) -> bool {
        let s = self.s;
        // "supporters of former President Ahmed Ben Bella": look past titles
        let mut k = p.a;
        while k > 0
            && (s.is_cap(k - 1) && s.is_word(k - 1)
                || matches!(
                    s.w(k - 1),
                    "former"
                        | "late"
                        | "ousted"
                        | "the"
                        | "a"
                        | "an"
                        | "new"
                        | "senior"
                        | "top"
                        | "veteran"
                        | "exiled"
                        | "jailed"
                ))
            && p.a - k < 4
        {
            k -= 1;
        }
        if k == 0 || !PREPOSITIONS.contains(&s.w(k - 1)) {
            return false;
        }
        !(s.w(k - 1) == "of" && k >= 2 && TRANSPARENT_OF.contains(&s.w(k - 2)))
    }

    /// Whether token `i` is inside the cue of a reporting claim other than `own`.
    fn foreign_cue(&self, i: usize, own: Option<usize>) -> bool {
        let Some(t) = self.s.toks.get(i) else {
            return false;
        };
        self.claims
            .iter()
            .any(|c| c.reporting && Some(c.index) != own && c.cue.contains(t.span))
    }

    /// Whether token `i` is inside the source of a reporting claim whose cue is not `own`
    /// and comes after it (", a senior official said").
    fn claim_source(&self, i: usize, own: Option<usize>) -> bool {
        let Some(t) = self.s.toks.get(i) else {
            return false;
        };
        self.claims.iter().any(|c| {
            c.reporting
                && Some(c.index) != own
                && c.sources
                    .iter()
                    .any(|s| s.contains(t.span) && s.end <= c.cue.start + 1)
        })
    }

    /// The claim whose cue the trigger is.
    pub fn own_claim(&self, m: &Match) -> Option<usize> {
        let span = self.s.span_of(m.first, m.last);
        self.claims
            .iter()
            .find(|c| c.cue.overlaps(span))
            .map(|c| c.index)
    }

    /// The clause of a trigger.
    pub fn clause(&self, m: &Match, comp_like: bool) -> Clause {
        let s = self.s;
        let own = self.own_claim(m);
        let mut start = 0;
        let mut subordinate = false;
        let mut conditional = false;
        let mut i = m.first;
        while i > 0 {
            i -= 1;
            let w = s.w(i);
            let punct = s.toks[i].kind == TokenKind::Punct;
            if w == ")" {
                // an aside or an acronym: "the Islamic State – Khorasan province (ISKP) had …"
                if let Some(open) = (0..i).rev().find(|&k| s.w(k) == "(") {
                    i = open;
                    continue;
                }
            }
            if punct
                && matches!(
                    w,
                    ";" | ":" | "(" | ")" | "\"" | "“" | "”" | "«" | "»" | "—"
                )
            {
                start = i + 1;
                break;
            }
            if self.foreign_cue(i, own) || (own.is_none() && self.reporting_at(i)) {
                start = i + 1;
                // "in which it said 20 people were killed": still a relative clause
                let mut k = i;
                while k > 0 && i - k < 6 {
                    k -= 1;
                    let wk = s.w(k);
                    if matches!(wk, "which" | "who" | "whom" | "whose" | "where") {
                        subordinate = true;
                        break;
                    }
                    if s.toks[k].kind == TokenKind::Punct && wk != "," {
                        break;
                    }
                }
                break;
            }
            if SUBORDINATORS.contains(&w) {
                // "as" only opens a clause after a comma ("…, as the Taliban is …").
                if w == "as" && !(i > 0 && s.w(i - 1) == ",") {
                    continue;
                }
                // "following"/"after"/"before" before a noun phrase are prepositions, but
                // what follows them is still not the main clause.
                start = i + 1;
                subordinate = true;
                conditional = matches!(w, "if" | "unless");
                break;
            }
            if CLAUSE_OPENERS.contains(&w) {
                if w == "and" || w == "but" {
                    // "X did A and Y did B": a new subject right after the conjunction.
                    let coordination = self
                        .parts
                        .iter()
                        .any(|p| p.b == i || (p.b + 1 == i && s.w(p.b) == ","));
                    if !coordination
                        && self
                            .adjacent_subject(m)
                            .is_some_and(|p| self.parts[p].a == i + 1)
                    {
                        start = i + 1;
                        break;
                    }
                    continue;
                }
                // "that" after a verb ("announced on Sunday that", "declared that") opens
                // a complement clause; after a noun ("a plan that") a relative clause.
                let mut k = i;
                while k > 0
                    && (self.dates.get(k - 1).copied().unwrap_or(false)
                        || matches!(
                            s.w(k - 1),
                            "on" | "," | "also" | "again" | "today" | "yesterday"
                        ))
                {
                    k -= 1;
                }
                let before = if k > 0 { s.w(k - 1) } else { "" };
                let verb = is_reporting(before)
                    || before.ends_with("ed")
                    || self
                        .claims
                        .iter()
                        .any(|c| k > 0 && c.cue.contains(s.toks[k - 1].span));
                start = i + 1;
                subordinate = !(verb || k == 0);
                break;
            }
        }
        let mut end = s.len();
        let mut j = m.last + 1;
        while j < s.len() {
            let w = s.w(j);
            let punct = s.toks[j].kind == TokenKind::Punct;
            if w == "(" {
                if let Some(close) = (j + 1..s.len()).find(|&k| s.w(k) == ")") {
                    j = close + 1;
                    continue;
                }
            }
            if punct
                && matches!(
                    w,
                    ";" | ":" | "(" | ")" | "\"" | "“" | "”" | "«" | "»" | "—" | "." | "?" | "!"
                )
            {
                end = j;
                break;
            }
            if self.foreign_cue(j, own) || self.claim_source(j, own) {
                end = j;
                break;
            }
            if w == "," {
                // ", officials said", ", according to …"
                let reporting = (j + 1..(j + 11).min(s.len()))
                    .take_while(|&k| {
                        s.toks[k].kind != TokenKind::Punct
                            || matches!(s.w(k), "(" | ")" | "-" | ".")
                    })
                    .any(|k| self.reporting_at(k) || self.foreign_cue(k, own));
                if reporting {
                    end = j;
                    break;
                }
            }
            // "as" opens a clause after a comma or before a subject ("as they continued");
            // "after four years" is a time, not a clause
            let clause_as = w == "as"
                && ((j > 0 && s.w(j - 1) == ",")
                    || !matches!(
                        s.w(j + 1),
                        "part"
                            | "well"
                            | "such"
                            | "long"
                            | "soon"
                            | "much"
                            | "many"
                            | "of"
                            | "if"
                            | "though"
                            | "to"
                            | "for"
                            | "a"
                            | "an"
                            | "usual"
                            | "expected"
                            | "planned"
                            | "agreed"
                            | "promised"
                            | "reported"
                            | "described"
                            | "president"
                            | "minister"
                            | "head"
                            | "leader"
                            | "chief"
                            | "ambassador"
                            | "envoy"
                            | "human"
                            | "well-"
                    ));
            let time_after = matches!(w, "after" | "before" | "since" | "following")
                && (self.dates.get(j + 1).copied().unwrap_or(false)
                    || s.toks
                        .get(j + 1)
                        .is_some_and(|t| t.kind == TokenKind::Number)
                    || matches!(
                        s.w(j + 1),
                        "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "several"
                            | "years"
                            | "months"
                            | "weeks"
                            | "days"
                    ));
            if (SUBORDINATORS.contains(&w) && w != "as" && w != "following" && !time_after)
                || clause_as
            {
                end = j;
                break;
            }
            if w == "but" || (w == "that" && !comp_like) {
                end = j;
                break;
            }
            if own.is_none() && w != "according" && self.reporting_at(j) {
                end = j;
                break;
            }
            j += 1;
        }
        Clause {
            start,
            end,
            subordinate,
            conditional,
        }
    }

    /// The first token of the verb group ending right before the trigger.
    fn verb_group_start(&self, m: &Match) -> usize {
        let s = self.s;
        let mut g = m.first;
        while g > 0 {
            let w = s.w(g - 1);
            let skippable = VERB_GROUP.contains(&w)
                || negation(w)
                || self.dates.get(g - 1).copied().unwrap_or(false)
                || (w.ends_with("ly") && w.len() > 3 && !s.is_cap(g - 1));
            if !skippable {
                break;
            }
            g -= 1;
        }
        g
    }

    /// The participant ending right before the trigger's verb group, if it can be a
    /// subject (not after a preposition).
    fn adjacent_subject(&self, m: &Match) -> Option<usize> {
        let g = self.verb_group_start(m);
        let mut pi = self.parts.iter().position(|p| p.b == g && p.b <= m.first)?;
        // "Russian aircraft including helicopter gunships killed …": the head of the
        // subject is the phrase before "including"
        if pi > 0 {
            let prev = &self.parts[pi - 1];
            let gap: Vec<&str> = (prev.b..self.parts[pi].a).map(|i| self.s.w(i)).collect();
            let gap = gap.strip_prefix(&[","]).unwrap_or(&gap);
            let rest = gap
                .strip_prefix(&["including"])
                .or_else(|| gap.strip_prefix(&["such", "as"]));
            // (up to two modifiers before the included phrase: "helicopter gunships")
            if rest.is_some_and(|r| {
                r.len() <= 2 && r.iter().all(|w| w.chars().all(char::is_alphabetic))
            }) {
                pi -= 1;
            }
        }
        let p = &self.parts[pi];
        if self.after_preposition(p) && !matches!(p.kind, Some("person")) {
            return None;
        }
        Some(pi)
    }

    /// Whether the trigger is a participle adjunct with no verb group of its own ("…
    /// blocked roads in Algiers, demanding that …"): its subject is the clause's.
    pub fn adjunct(&self, m: &Match) -> bool {
        let w = self.s.w(m.first);
        w.ends_with("ing") && self.verb_group_start(m) == m.first && m.first > 0
    }

    /// The modality the verb group gives the trigger.
    pub fn modality(&self, m: &Match, clause: &Clause) -> Modality {
        let s = self.s;
        let g = self.verb_group_start(m).max(clause.start);
        let mut md = Modality {
            hypothetical: clause.conditional,
            ..Modality::default()
        };
        let mut has_be = false;
        for i in g..m.first {
            let w = s.w(i);
            if negation(w) {
                md.negated = true;
            }
            if FUTURE.contains(&w) || w == "won't" {
                md.future = true;
            }
            if HYPOTHETICAL.contains(&w) {
                md.hypothetical = true;
            }
            if BE.contains(&w) {
                has_be = true;
            }
            if w == "to" {
                let before = if i > 0 { s.w(i - 1) } else { "" };
                if ATTEMPT_TO.contains(&before) {
                    md.attempt = true;
                } else if INTENT_TO.contains(&before) {
                    md.future = true;
                } else if i + 1 == m.first && !VERB_GROUP.contains(&before) {
                    // "sent troops to investigate", "staged demonstrations Saturday to
                    // demand": an infinitive of purpose
                    md.purpose = true;
                }
            }
        }
        let first = s.w(m.first);
        let participle = first.ends_with("ed")
            || first.ends_with("en")
            || IRREGULAR_PARTICIPLES.contains(&first);
        // "a lunch hosted by …": a participle with its agent right after
        let by_after = s.w(m.last + 1) == "by";
        // "is opposed to", "is committed to" are adjectives, not passives
        // (the "to" may close the trigger's own pattern: "committed ~ to")
        let adjective_to = s.w(m.last + 1) == "to" || (m.last > m.first && s.w(m.last) == "to");
        md.passive = participle && !adjective_to && (has_be || (by_after && g == m.first));
        md.obligation = (g..m.first).any(|i| matches!(s.w(i), "must" | "should"));
        md
    }

    /// Whether the trigger is used as a noun ("a U.S. request", "its withdrawal", "a
    /// previously unannounced visit", "conceded to demands").
    pub fn nominal(&self, m: &Match) -> bool {
        let s = self.s;
        if m.first == 0 {
            return false;
        }
        let before = s.w(m.first - 1);
        let first = s.w(m.first);
        // a plural noun: "to demands", "terrorist attacks"; "-s" is a verb only right
        // after its subject or an adverb ("Taliban says", "also attacks")
        if first.ends_with('s') && !first.ends_with("ss") && m.first == m.last {
            let subject_before = self.parts.iter().any(|p| p.b == m.first);
            if PREPOSITIONS.contains(&before)
                || !(subject_before
                    || VERB_GROUP.contains(&before)
                    || (before.ends_with("ly") && !s.is_cap(m.first - 1)))
            {
                return true;
            }
        }
        let mut i = m.first;
        let mut steps = 0;
        while i > 0 && steps < 4 {
            i -= 1;
            steps += 1;
            let w = s.w(i);
            if DETERMINERS.contains(&w) {
                return true;
            }
            if VERB_GROUP.contains(&w) || self.dates.get(i).copied().unwrap_or(false) {
                return false;
            }
            let in_part = self.parts.iter().find(|p| p.a <= i && i < p.b);
            // "a U.S. request", "an Indian proposal": a state or a demonym as modifier;
            // not "the Security Council agreed", "the rebels attacked"
            let modifier = match in_part {
                Some(p) => {
                    p.sector.is_none()
                        && !p.plural
                        && !first.ends_with("ed")
                        && !IRREGULAR_PAST.contains(&first)
                        && (p.via == super::participants::Via::Demonym
                            || p.kind == Some("state")
                            || p.via == super::participants::Via::Actor)
                }
                None => {
                    let plural = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous");
                    s.is_word(i)
                        && !s.is_cap(i)
                        && !PREPOSITIONS.contains(&w)
                        && !matches!(w, "and" | "or" | "but" | "to" | "not")
                        && !plural
                }
            };
            if !modifier {
                return false;
            }
            if let Some(p) = in_part {
                // jump over the whole phrase
                i = p.a;
            }
        }
        false
    }

    /// The subject participants of a trigger: the phrase right before its verb group,
    /// else the first phrase of the clause that is not after a preposition; with the
    /// phrases coordinated with it ("Jordan and Britain").
    pub fn subject(&self, m: &Match, clause: &Clause) -> Vec<usize> {
        let adjacent = if self.adjunct(m) {
            None
        } else {
            self.adjacent_subject(m)
        };
        let chosen = adjacent
            .filter(|&p| self.parts[p].a >= clause.start)
            .or_else(|| {
                self.parts.iter().position(|p| {
                    p.a >= clause.start
                        && p.b <= m.first
                        && p.via != super::participants::Via::Place
                        && !self.after_preposition(p)
                })
            });
        let Some(c) = chosen else { return Vec::new() };
        self.coordinated(c, clause.start, m.first)
    }

    /// `c` with the participants coordinated with it inside tokens `lo..hi`.
    pub fn coordinated(&self, c: usize, lo: usize, hi: usize) -> Vec<usize> {
        let s = self.s;
        // How two participants with tokens a..b between them are joined: 2 by "and" or
        // "or" (with "the", "both", "as well as" and up to two adjectives), 1 by a comma
        // alone, 0 not at all.
        let joins = |a: usize, b: usize| -> u8 {
            if b <= a {
                return 0;
            }
            let mut and = false;
            let mut comma = false;
            let mut extra = 0;
            for i in a..b {
                match s.w(i) {
                    "," => comma = true,
                    "and" | "or" | "&" => and = true,
                    "the" | "both" | "as" | "well" | "its" | "their" => {}
                    w if and
                        && s.is_word(i)
                        && !PREPOSITIONS.contains(&w)
                        && !VERB_GROUP.contains(&w)
                        && !matches!(w, "a" | "an")
                        && extra < 2 =>
                    {
                        extra += 1
                    }
                    _ => return 0,
                }
            }
            if and {
                2
            } else if comma {
                1
            } else {
                0
            }
        };
        let mut left: Vec<(usize, u8)> = Vec::new();
        let mut k = c;
        while k > 0 {
            let prev = k - 1;
            let p = &self.parts[prev];
            let prepositional =
                self.after_preposition(p) && !self.after_preposition(&self.parts[c]);
            let j = if p.a < lo || prepositional {
                0
            } else {
                joins(p.b, self.parts[k].a)
            };
            if j == 0 {
                break;
            }
            left.push((prev, j));
            k = prev;
        }
        let mut right: Vec<(usize, u8)> = Vec::new();
        let mut k = c;
        while k + 1 < self.parts.len() {
            let next = &self.parts[k + 1];
            let j = if next.b > hi {
                0
            } else {
                joins(self.parts[k].b, next.a)
            };
            if j == 0 {
                break;
            }
            right.push((k + 1, j));
            k += 1;
        }
        // A list needs an "and": "A, B and C"; "A, the B" is an apposition. Read left to
        // right, commas count only before the last "and".
        let mut chain: Vec<usize> = left.iter().rev().map(|(i, _)| *i).collect();
        let mut joins_in_order: Vec<u8> = left.iter().rev().map(|(_, j)| *j).collect();
        let at = chain.len();
        chain.push(c);
        for (i, j) in &right {
            chain.push(*i);
            joins_in_order.push(*j);
        }
        // joins_in_order[k] joins chain[k] and chain[k + 1]
        match joins_in_order.iter().rposition(|j| *j == 2) {
            Some(last) if at <= last + 1 => chain[..=last + 1].to_vec(),
            _ => vec![c],
        }
    }

    /// The object participants of a trigger: the first phrase after it in its clause
    /// (a setting only when nothing else is there), with its coordinated phrases. In a
    /// passive clause the phrase after "by" is the agent, returned second.
    pub fn objects(
        &self,
        m: &Match,
        clause: &Clause,
        skip: &[usize],
        complaint: bool,
        intransitive: bool,
        passive: bool,
    ) -> (Vec<usize>, Vec<usize>) {
        let s = self.s;
        // after the trigger, or inside its gap ("give Tanzania a grant")
        let mut after: Vec<usize> = (0..self.parts.len())
            .filter(|&i| {
                let p = &self.parts[i];
                p.a > m.first && p.b <= clause.end && !skip.contains(&i) && !p.pronoun
            })
            .collect();
        // "complained to the UN over Israeli raids": the addressee is not the target
        let prep = |i: usize| {
            if self.parts[i].a > 0 {
                s.w(self.parts[i].a - 1)
            } else {
                ""
            }
        };
        let grievance = |i: usize| {
            let a = self.parts[i].a;
            (a.saturating_sub(3)..a).any(|k| matches!(s.w(k), "over" | "about" | "against"))
        };
        if complaint && after.iter().any(|&i| grievance(i)) {
            after.retain(|&i| prep(i) != "to");
        }
        if intransitive {
            // a setting is no target, except an institution ("demonstrated outside the
            // Iranian embassy")
            after.retain(|&i| {
                let p = &self.parts[i];
                !(p.locative || p.via == super::participants::Via::Place)
                    || matches!(p.sector, Some("GOV" | "LEG" | "JUD"))
            });
        }
        // the agent of a passive ("attacked by X"); in an active clause "an admission
        // by Moscow" names the object's agent, a candidate like any other
        let agent: Vec<usize> = after
            .iter()
            .copied()
            .filter(|_| passive)
            .find(|&i| {
                let a = self.parts[i].a;
                (a > 0 && s.w(a - 1) == "by")
                    || (a > 1 && s.w(a - 1) == "the" && s.w(a - 2) == "by")
            })
            .map(|i| self.coordinated(i, m.last + 1, clause.end))
            .unwrap_or_default();
        let candidates: Vec<usize> = after
            .iter()
            .copied()
            .filter(|i| !agent.contains(i))
            .collect();
        let setting = |i: usize| {
            self.parts[i].locative || self.parts[i].via == super::participants::Via::Place
        };
        // "deployed troops to Tajikistan": forces named without a country are the
        // agent's own, not the target, when a named party follows
        let own_forces = |i: usize| {
            let p = &self.parts[i];
            !p.coded() && matches!(p.sector, Some("MIL" | "COP")) && p.kind.is_none()
        };
        // "providing intelligence to Macedonia": an uncoded thing given, before the
        // coded party it goes to, is the theme, not the target
        let theme = |i: usize| {
            let p = &self.parts[i];
            !p.coded() && p.sector.is_some() && p.kind.is_none()
        };
        let recipient_after = |i: usize| {
            candidates.iter().any(|&j| {
                j > i
                    && self.parts[j].coded()
                    && matches!(prep(j), "to" | "into")
                    && self.parts[j].a <= self.parts[i].b + 3
            })
        };
        let first = candidates
            .iter()
            .copied()
            .find(|&i| {
                let skipped = (own_forces(i)
                    && candidates.iter().any(|&j| j > i && self.parts[j].coded()))
                    || (theme(i) && recipient_after(i));
                !(setting(i) || skipped)
            })
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .find(|&i| setting(i) && self.parts[i].coded())
            })
            .or_else(|| candidates.first().copied());
        let objects = match first {
            Some(i) => self
                .coordinated(i, m.last + 1, clause.end)
                .into_iter()
                .filter(|j| !agent.contains(j))
                .collect(),
            None => Vec::new(),
        };
        (objects, agent)
    }

    /// For a nominal trigger: the participant tied to it as its agent — "X's attack",
    /// "Israeli air raids", "attacks by X", "session of X".
    pub fn noun_agent(&self, m: &Match) -> Option<usize> {
        let s = self.s;
        // before: a participant ending at most two modifier words before the noun
        if let Some(pi) = self.parts.iter().rposition(|p| p.b <= m.first) {
            let p = &self.parts[pi];
            let gap = m.first - p.b;
            let ok = (p.b..m.first).all(|i| {
                let w = s.w(i);
                w == "'s"
                    || s.is_cap(i)
                    || (s.is_word(i)
                        && !PREPOSITIONS.contains(&w)
                        && !VERB_GROUP.contains(&w)
                        && !matches!(w, "a" | "an" | "the" | "its"))
            });
            if gap <= 2 && ok && !(p.a > 0 && PREPOSITIONS.contains(&s.w(p.a - 1))) {
                return Some(pi);
            }
        }
        // after: "by X", "of X"
        self.parts.iter().position(|p| {
            if p.a <= m.last || p.a > m.last + 5 || p.a == 0 {
                return false;
            }
            let k = if s.w(p.a - 1) == "the" { p.a - 1 } else { p.a };
            k > m.last + 1
                && matches!(s.w(k - 1), "by" | "of")
                && (m.last + 1..k - 1).all(|i| s.is_word(i) || s.w(i) == "-")
        })
    }

    /// For a nominal trigger: its target — "attacks on X", "talks with X".
    pub fn noun_target(&self, m: &Match, clause: &Clause) -> Option<usize> {
        let s = self.s;
        self.parts.iter().position(|p| {
            p.a > m.last
                && p.a <= m.last + 5
                && p.b <= clause.end
                && p.a > 0
                && (matches!(
                    s.w(p.a - 1),
                    "on" | "against" | "with" | "at" | "to" | "into"
                ) || (s.w(p.a - 1) == "from" && self.retreat))
                && (m.last + 1..p.a - 1).all(|i| s.is_word(i) || s.w(i) == "-")
        })
    }

    /// "between X and Y" after a trigger.
    pub fn between(&self, m: &Match, clause: &Clause) -> Vec<usize> {
        let s = self.s;
        let Some(k) = (m.last + 1..clause.end.min(m.last + 6)).find(|&i| s.w(i) == "between")
        else {
            return Vec::new();
        };
        let Some(first) = self.parts.iter().position(|p| p.a > k && p.a <= k + 2) else {
            return Vec::new();
        };
        let group = self.coordinated(first, k, clause.end);
        if group.len() >= 2 {
            group
        } else {
            Vec::new()
        }
    }
}
