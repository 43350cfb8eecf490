//! The event coder's tables (`data/events/`), parsed once: trigger patterns, the
//! CAMEO ↔ PLOVER ↔ ACLED table, PLOVER families, actor-phrase sectors, indicator cues and
//! the demonyms the shared table lacks.

use crate::entities::model::FastMap;
use crate::places::demonyms::Demonyms;
use std::sync::OnceLock;

/// Why a table could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("data/events/{file} line {line}: {message}")]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// The sixteen PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plover {
    Agree,
    Consult,
    Support,
    Cooperate,
    Aid,
    Concede,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl Plover {
    pub const ALL: [Plover; 16] = [
        Plover::Agree,
        Plover::Consult,
        Plover::Support,
        Plover::Cooperate,
        Plover::Aid,
        Plover::Concede,
        Plover::Retreat,
        Plover::Request,
        Plover::Accuse,
        Plover::Reject,
        Plover::Threaten,
        Plover::Protest,
        Plover::Sanction,
        Plover::Mobilize,
        Plover::Coerce,
        Plover::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Plover::Agree => "AGREE",
            Plover::Consult => "CONSULT",
            Plover::Support => "SUPPORT",
            Plover::Cooperate => "COOPERATE",
            Plover::Aid => "AID",
            Plover::Concede => "CONCEDE",
            Plover::Retreat => "RETREAT",
            Plover::Request => "REQUEST",
            Plover::Accuse => "ACCUSE",
            Plover::Reject => "REJECT",
            Plover::Threaten => "THREATEN",
            Plover::Protest => "PROTEST",
            Plover::Sanction => "SANCTION",
            Plover::Mobilize => "MOBILIZE",
            Plover::Coerce => "COERCE",
            Plover::Assault => "ASSAULT",
        }
    }

    pub fn parse(s: &str) -> Option<Plover> {
        Plover::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// How a type is re-coded under intention, refusal and demand frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// AGREE … RETREAT: an intention to do it is AGREE, a refusal REJECT.
    Cooperative,
    /// REQUEST, ACCUSE, REJECT: speech acts, kept as they are.
    Verbal,
    /// THREATEN … ASSAULT: an intention to do it is THREATEN.
    Hostile,
}

/// One row of `plover.tsv`.
#[derive(Debug, Clone)]
pub struct TypeRow {
    pub family: Family,
    pub default_cameo: &'static str,
    pub intent_cameo: Option<&'static str>,
    pub refusal_cameo: Option<&'static str>,
    pub demand_cameo: Option<&'static str>,
}

/// One row of `cameo.tsv`.
#[derive(Debug, Clone)]
pub struct CameoRow {
    pub plover: Option<Plover>,
    pub acled: Option<(&'static str, &'static str)>,
}

/// Trigger flags (see `triggers.tsv`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// A nominal trigger, coded only with an actor tied to it.
    pub noun: bool,
    /// Reciprocal: coordinated or "with" partners give both directions.
    pub sym: bool,
    /// Takes an event as its complement ("threatened to attack").
    pub comp: bool,
    /// States an intention: a hostile complement makes the event THREATEN.
    pub vow: bool,
    /// The grammatical object is the source.
    pub rev: bool,
    /// A state protesting is an official complaint (ACCUSE).
    pub protest: bool,
    /// Intransitive: a setting is never its target ("surrendered in Soroti").
    pub intr: bool,
}

/// One slot of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// One word, any of these (lowercase).
    Word(Vec<&'static str>),
    /// Up to this many other words.
    Gap(u8),
}

/// A word pattern: the first slot is always a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub slots: Vec<Slot>,
}

/// One row of `triggers.tsv`.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub plover: Plover,
    pub cameo: &'static str,
    pub flags: Flags,
    pub mode: Option<&'static str>,
    pub pattern: Pattern,
}

/// The security indicators of DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Indicator {
    Terrorism,
    Extremism,
    DrugTrafficking,
    WeaponsTrafficking,
    BorderInfiltration,
    ArmedGroupStrength,
    Displacement,
    MilitaryExercise,
    InterstateAccusation,
}

impl Indicator {
    pub const ALL: [Indicator; 9] = [
        Indicator::Terrorism,
        Indicator::Extremism,
        Indicator::DrugTrafficking,
        Indicator::WeaponsTrafficking,
        Indicator::BorderInfiltration,
        Indicator::ArmedGroupStrength,
        Indicator::Displacement,
        Indicator::MilitaryExercise,
        Indicator::InterstateAccusation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Indicator::Terrorism => "terrorism",
            Indicator::Extremism => "extremism",
            Indicator::DrugTrafficking => "drug_trafficking",
            Indicator::WeaponsTrafficking => "weapons_trafficking",
            Indicator::BorderInfiltration => "border_infiltration",
            Indicator::ArmedGroupStrength => "armed_group_strength",
            Indicator::Displacement => "displacement",
            Indicator::MilitaryExercise => "military_exercise",
            Indicator::InterstateAccusation => "interstate_accusation",
        }
    }

    pub fn parse(s: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.as_str() == s)
    }

    /// Whether the indicator describes movement across a border, so that a direction
    /// (from → to) is worth looking for.
    pub fn crosses_borders(self) -> bool {
        matches!(
            self,
            Indicator::Terrorism
                | Indicator::Extremism
                | Indicator::DrugTrafficking
                | Indicator::WeaponsTrafficking
                | Indicator::BorderInfiltration
                | Indicator::Displacement
        )
    }
}

/// What a pattern stands for: a trigger or an indicator cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternRef {
    Trigger(u32),
    Cue(u32),
}

/// The parsed tables.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub triggers: Vec<Trigger>,
    /// Indicator cues: the indicator and its pattern.
    pub cues: Vec<(Indicator, Pattern)>,
    /// First word of a trigger or cue pattern → the patterns starting with it.
    pub first: FastMap<&'static str, Vec<PatternRef>>,
    /// First words of trigger patterns (a sentence without one has no event).
    pub trigger_first: crate::entities::model::FastSet<&'static str>,
    /// Lowercase demonym or demonym plural (both tables) → country.
    pub demonym_words: FastMap<String, &'static str>,
    pub types: FastMap<Plover, TypeRow>,
    pub cameo: FastMap<&'static str, CameoRow>,
    /// Head noun (one word, lowercase) → sector code.
    pub sectors: FastMap<&'static str, &'static str>,
    /// Second word of a two-word head → (first word, sector) ("rights group").
    pub sectors2: FastMap<&'static str, Vec<(&'static str, &'static str)>>,
    /// Lowercase first words of two-word demonyms ("south", "sierra").
    pub two_word_demonym_starts: crate::entities::model::FastSet<String>,
    /// Demonyms the shared table lacks.
    pub extra_demonyms: Demonyms,
}

fn leak(s: &str) -> &'static str {
    // The tables are parsed once per process and live for the whole run.
    Box::leak(s.to_string().into_boxed_str())
}

/// The data lines of a table: (1-based line number, tab-separated columns), comments,
/// blank lines and the header (the first line starting with `header`) left out.
fn rows<'t>(text: &'t str, header: &str) -> impl Iterator<Item = (usize, Vec<&'t str>)> + 't {
    let header = header.to_string();
    text.lines()
        .enumerate()
        .filter(move |(_, l)| {
            !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with(&header)
        })
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn dash(s: &str) -> Option<&str> {
    (!s.is_empty() && s != "-").then_some(s)
}

/// Parses a pattern: words with `/` alternatives and `~` gaps.
pub fn parse_pattern(s: &str) -> Result<Pattern, String> {
    let mut slots = Vec::new();
    for part in s.split_whitespace() {
        if part == "~" {
            if slots.is_empty() {
                return Err("a pattern cannot start with ~".into());
            }
            slots.push(Slot::Gap(5));
            continue;
        }
        let alts: Vec<&'static str> = part
            .split('/')
            .filter(|w| !w.is_empty())
            .map(|w| leak(&w.to_lowercase()))
            .collect();
        if alts.is_empty() {
            return Err(format!("empty slot in {s:?}"));
        }
        slots.push(Slot::Word(alts));
    }
    if matches!(slots.last(), Some(Slot::Gap(_)) | None) {
        return Err(format!("pattern {s:?} is empty or ends with ~"));
    }
    Ok(Pattern { slots })
}

fn cameo_code(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

impl Lexicon {
    /// Parses the tables from their texts.
    pub fn parse(
        triggers: &str,
        cameo: &str,
        plover: &str,
        sectors: &str,
        indicators: &str,
        demonyms: &str,
        shared_demonyms: &Demonyms,
    ) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();

        for (line, cols) in rows(plover, "plover\t") {
            let err = |message: String| LexiconError {
                file: "plover.tsv",
                line,
                message,
            };
            if cols.len() < 6 {
                return Err(err("expected 7 tab-separated columns".into()));
            }
            let p =
                Plover::parse(cols[0]).ok_or_else(|| err(format!("unknown type {:?}", cols[0])))?;
            let family = match cols[1] {
                "cooperative" => Family::Cooperative,
                "verbal" => Family::Verbal,
                "hostile" => Family::Hostile,
                f => return Err(err(format!("unknown family {f:?}"))),
            };
            let code = |s: &str| -> Result<Option<&'static str>, LexiconError> {
                match dash(s) {
                    None => Ok(None),
                    Some(c) if cameo_code(c) => Ok(Some(leak(c))),
                    Some(c) => Err(err(format!("{c:?} is not a CAMEO code"))),
                }
            };
            let default_cameo = code(cols[2])?.ok_or_else(|| err("no default code".into()))?;
            lex.types.insert(
                p,
                TypeRow {
                    family,
                    default_cameo,
                    intent_cameo: code(cols[3])?,
                    refusal_cameo: code(cols[4])?,
                    demand_cameo: code(cols[5])?,
                },
            );
        }
        if let Some(missing) = Plover::ALL.iter().find(|p| !lex.types.contains_key(p)) {
            return Err(LexiconError {
                file: "plover.tsv",
                line: 0,
                message: format!("no row for {}", missing.as_str()),
            });
        }

        for (line, cols) in rows(cameo, "cameo\t") {
            let err = |message: String| LexiconError {
                file: "cameo.tsv",
                line,
                message,
            };
            if cols.len() < 4 || !cameo_code(cols[0]) {
                return Err(err("expected a CAMEO code and 4 more columns".into()));
            }
            let plover = match dash(cols[1]) {
                None => None,
                Some(p) => {
                    Some(Plover::parse(p).ok_or_else(|| err(format!("unknown type {p:?}")))?)
                }
            };
            let acled = match (dash(cols[2]), dash(cols[3])) {
                (Some(t), Some(s)) => Some((leak(t), leak(s))),
                (None, None) => None,
                _ => {
                    return Err(err(
                        "ACLED needs both an event type and a sub-event type".into()
                    ))
                }
            };
            if lex
                .cameo
                .insert(leak(cols[0]), CameoRow { plover, acled })
                .is_some()
            {
                return Err(err(format!("code {} repeated", cols[0])));
            }
        }

        for (line, cols) in rows(triggers, "pattern\t") {
            let err = |message: String| LexiconError {
                file: "triggers.tsv",
                line,
                message,
            };
            if cols.len() < 5 {
                return Err(err("expected 5 tab-separated columns".into()));
            }
            let pattern = parse_pattern(cols[0]).map_err(err)?;
            let plover =
                Plover::parse(cols[1]).ok_or_else(|| err(format!("unknown type {:?}", cols[1])))?;
            if !cameo_code(cols[2]) {
                return Err(err(format!("{:?} is not a CAMEO code", cols[2])));
            }
            if lex.cameo_row(cols[2]).is_none() {
                return Err(err(format!("code {} is not in cameo.tsv", cols[2])));
            }
            let mut flags = Flags::default();
            for f in cols[3]
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty() && *f != "-")
            {
                match f {
                    "noun" => flags.noun = true,
                    "sym" => flags.sym = true,
                    "comp" => flags.comp = true,
                    "vow" => flags.vow = true,
                    "rev" => flags.rev = true,
                    "protest" => flags.protest = true,
                    "intr" => flags.intr = true,
                    _ => return Err(err(format!("unknown flag {f:?}"))),
                }
            }
            let id = lex.triggers.len() as u32;
            lex.add_first(&pattern, PatternRef::Trigger(id));
            lex.triggers.push(Trigger {
                plover,
                cameo: leak(cols[2]),
                flags,
                mode: dash(cols[4]).map(leak),
                pattern,
            });
        }

        for (line, cols) in rows(sectors, "word\t") {
            if cols.len() < 2
                || cols[1].len() != 3
                || !cols[1].bytes().all(|b| b.is_ascii_uppercase())
            {
                return Err(LexiconError {
                    file: "sectors.tsv",
                    line,
                    message: "expected a word and a three-letter sector".into(),
                });
            }
            let key = cols[0].to_lowercase();
            match key.split_once(' ') {
                Some((a, b)) => lex
                    .sectors2
                    .entry(leak(b))
                    .or_default()
                    .push((leak(a), leak(cols[1]))),
                None => {
                    lex.sectors.insert(leak(&key), leak(cols[1]));
                }
            }
        }

        for (line, cols) in rows(indicators, "indicator\t") {
            let err = |message: String| LexiconError {
                file: "indicators.tsv",
                line,
                message,
            };
            if cols.len() < 2 {
                return Err(err("expected an indicator and a pattern".into()));
            }
            let ind = Indicator::parse(cols[0])
                .ok_or_else(|| err(format!("unknown indicator {:?}", cols[0])))?;
            let pattern = parse_pattern(cols[1]).map_err(err)?;
            let id = lex.cues.len() as u32;
            lex.add_first(&pattern, PatternRef::Cue(id));
            lex.cues.push((ind, pattern));
        }

        lex.extra_demonyms = Demonyms::parse(demonyms).map_err(|e| LexiconError {
            file: "demonyms.tsv",
            line: 0,
            message: e.to_string(),
        })?;
        for (adj, country) in lex
            .extra_demonyms
            .adjectives()
            .chain(shared_demonyms.adjectives())
        {
            if let Some((first, _)) = adj.split_once(' ') {
                lex.two_word_demonym_starts.insert(first.to_string());
            }
            lex.demonym_words.insert(adj.to_string(), country);
        }
        Ok(lex)
    }

    fn add_first(&mut self, pattern: &Pattern, r: PatternRef) {
        if let Some(Slot::Word(alts)) = pattern.slots.first() {
            for w in alts {
                self.first.entry(w).or_default().push(r);
                if matches!(r, PatternRef::Trigger(_)) {
                    self.trigger_first.insert(w);
                }
            }
        }
    }

    /// The country of a lowercase demonym or its plural ("afghan", "afghans").
    pub fn demonym_word(&self, lower: &str) -> Option<&'static str> {
        self.demonym_words.get(lower).copied().or_else(|| {
            lower
                .strip_suffix('s')
                .and_then(|w| self.demonym_words.get(w).copied())
        })
    }

    /// The CAMEO row of a code: exact, then its first three digits, then its root.
    pub fn cameo_row(&self, code: &str) -> Option<&CameoRow> {
        self.cameo
            .get(code)
            .or_else(|| code.get(..3).and_then(|c| self.cameo.get(c)))
            .or_else(|| code.get(..2).and_then(|c| self.cameo.get(c)))
    }

    /// The family and re-coding row of a type.
    pub fn type_row(&self, p: Plover) -> &TypeRow {
        // Every type has a row: `parse` refuses tables without one.
        &self.types[&p]
    }

    /// The sector of a two-word head ("rights group").
    pub fn two_word_sector(&self, prev: &str, head: &str) -> Option<&'static str> {
        self.sectors2
            .get(head)
            .and_then(|v| v.iter().find(|(p, _)| *p == prev).map(|(_, s)| *s))
    }

    /// The sector of a head noun, trying the two-word key first.
    pub fn sector(&self, prev: Option<&str>, head: &str) -> Option<&'static str> {
        prev.and_then(|p| self.two_word_sector(p, head))
            .or_else(|| self.sectors.get(head).copied())
    }

    /// The built-in tables.
    pub fn shared() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            // The tables are compiled in and checked by a test, so a parse error here is
            // a programming error, not an input error.
            Lexicon::parse(
                include_str!("../../../../data/events/triggers.tsv"),
                include_str!("../../../../data/events/cameo.tsv"),
                include_str!("../../../../data/events/plover.tsv"),
                include_str!("../../../../data/events/sectors.tsv"),
                include_str!("../../../../data/events/indicators.tsv"),
                include_str!("../../../../data/events/demonyms.tsv"),
                &Demonyms::builtin(),
            )
            .unwrap_or_else(|e| panic!("built-in event tables: {e}"))
        })
    }
}
