//! The closed word lists of English figures: number words, bounds, change words and the
//! function words the heuristics stop at. All lookups take lower-cased words.
//!
//! These are grammar, not domain knowledge, so they live in code; the open list of
//! counted things lives in `data/units.tsv`.

/// How a figure relates to the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The value as stated.
    Exact,
    /// The true value is at most this ("up to", "as many as", "no more than").
    AtMost,
    /// The true value is at least this ("more than", "at least", "over").
    AtLeast,
    /// An approximation ("some", "nearly", "around", "an estimated", "dozens").
    About,
    /// Between `low` and `high` ("between 40 and 50", "40 to 50", "40-50").
    Range,
}

impl Bound {
    /// The name used in the annotation's attrs.
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::AtMost => "at_most",
            Bound::AtLeast => "at_least",
            Bound::About => "about",
            Bound::Range => "range",
        }
    }

    /// The prefix of the annotation key: `<=6500`, `>=14`, `~24`.
    pub fn key_prefix(self) -> &'static str {
        match self {
            Bound::Exact | Bound::Range => "",
            Bound::AtMost => "<=",
            Bound::AtLeast => ">=",
            Bound::About => "~",
        }
    }
}

/// Phrases before a number that bound it, longest first within each first word.
pub const BOUNDS_BEFORE: &[(&[&str], Bound)] = &[
    (&["up", "to"], Bound::AtMost),
    (&["as", "many", "as"], Bound::AtMost),
    (&["as", "much", "as"], Bound::AtMost),
    (&["no", "more", "than"], Bound::AtMost),
    (&["not", "more", "than"], Bound::AtMost),
    (&["at", "most"], Bound::AtMost),
    (&["a", "maximum", "of"], Bound::AtMost),
    (&["fewer", "than"], Bound::AtMost),
    (&["less", "than"], Bound::AtMost),
    (&["just", "under"], Bound::AtMost),
    (&["under"], Bound::AtMost),
    (&["below"], Bound::AtMost),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["not", "less", "than"], Bound::AtLeast),
    (&["more", "than"], Bound::AtLeast),
    (&["at", "least"], Bound::AtLeast),
    (&["just", "over"], Bound::AtLeast),
    (&["well", "over"], Bound::AtLeast),
    (&["over"], Bound::AtLeast),
    (&["above"], Bound::AtLeast),
    (&["upwards", "of"], Bound::AtLeast),
    (&["in", "excess", "of"], Bound::AtLeast),
    (&["a", "minimum", "of"], Bound::AtLeast),
    (&["exceeding"], Bound::AtLeast),
    (&["some"], Bound::About),
    (&["nearly"], Bound::About),
    (&["almost"], Bound::About),
    (&["around"], Bound::About),
    (&["about"], Bound::About),
    (&["roughly"], Bound::About),
    (&["an", "estimated"], Bound::About),
    (&["estimated"], Bound::About),
    (&["approximately"], Bound::About),
    (&["approx."], Bound::About),
    (&["close", "to"], Bound::About),
    (&["circa"], Bound::About),
    (&["a", "total", "of"], Bound::Exact),
    (&["exactly"], Bound::Exact),
];

/// Phrases after a number (and its unit) that bound it.
pub const BOUNDS_AFTER: &[(&[&str], Bound)] = &[
    (&["or", "more"], Bound::AtLeast),
    (&["or", "so"], Bound::About),
    (&["or", "fewer"], Bound::AtMost),
    (&["or", "less"], Bound::AtMost),
];

/// Every single word that can be or end a number core on its own: small numbers,
/// scale words, vague plurals, fractions, multipliers. [`is_trigger`] must agree.
const TRIGGER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "lakh",
    "million",
    "crore",
    "billion",
    "trillion",
    "dozen",
    "dozens",
    "scores",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "half",
    "halves",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
    "tenth",
    "tenths",
    "doubled",
    "doubling",
    "twofold",
    "two-fold",
    "tripled",
    "trebled",
    "tripling",
    "threefold",
    "three-fold",
    "quadrupled",
    "fourfold",
    "four-fold",
    "fivefold",
    "five-fold",
    "tenfold",
    "ten-fold",
    "halved",
    "halving",
];

/// One bit per (first letter, last letter, length) of [`TRIGGER_WORDS`].
static TRIGGER_BITS: [u32; 26 * 26] = trigger_bits();

const fn trigger_bits() -> [u32; 26 * 26] {
    let mut bits = [0u32; 26 * 26];
    let mut i = 0;
    while i < TRIGGER_WORDS.len() {
        let w = TRIGGER_WORDS[i].as_bytes();
        let key = (w[0] - b'a') as usize * 26 + (w[w.len() - 1] - b'a') as usize;
        bits[key] |= 1 << w.len();
        i += 1;
    }
    bits
}

/// A cheap pre-test: whether a word (any case) has the first letter, last letter and
/// length of a trigger word. False positives are fine; false negatives are not.
pub fn maybe_trigger(raw: &[u8]) -> bool {
    match (raw.first(), raw.last()) {
        (Some(&f), Some(&l))
            if f.is_ascii_alphabetic() && l.is_ascii_alphabetic() && raw.len() < 32 =>
        {
            let key = (f.to_ascii_lowercase() - b'a') as usize * 26
                + (l.to_ascii_lowercase() - b'a') as usize;
            TRIGGER_BITS[key] & (1 << raw.len()) != 0
        }
        _ => false,
    }
}

/// Whether a word (any case) may open a hyphenated number ("twenty-five", "two-thirds"):
/// long enough and starting with the initial of a number word.
pub fn maybe_compound(raw: &[u8]) -> bool {
    raw.len() >= 7
        && matches!(
            raw.first().map(u8::to_ascii_lowercase),
            Some(b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n')
        )
        && raw.contains(&b'-')
}

/// Whether a lower-cased word can be or end a number core by itself.
pub fn is_trigger(w: &str) -> bool {
    small_number(w).is_some()
        || scale_word(w).is_some()
        || vague_plural(w).is_some()
        || fraction_word(w).is_some()
        || multiplier_word(w).is_some()
        || w == "dozen"
}

/// Zero to ninety-nine as a single word ("seven", "forty").
pub fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Whether a small number is a multiple of ten (the first half of "twenty-five").
pub fn is_tens(v: f64) -> bool {
    (20.0..100.0).contains(&v) && v % 10.0 == 0.0
}

/// Scale words that multiply what precedes them ("hundred", "million").
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "lakh" => 1e5,
        "million" => 1e6,
        "crore" => 1e7,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Scale abbreviations written against the digits ("1.5m", "5bn", "20k").
pub fn scale_abbrev(w: &str) -> Option<f64> {
    Some(match w {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "bn" | "b" | "bln" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Vague plurals and the base they multiply: "dozens" (12), "hundreds" (100).
/// By convention a vague plural means twice its base (see the module documentation).
pub fn vague_plural(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 12.0,
        "scores" => 20.0,
        "tens" => 10.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// Vague quantifiers before a scale word ("several hundred", "a few thousand"): the
/// smallest count each can mean.
pub fn vague_quantifier(w: &str) -> Option<f64> {
    Some(match w {
        "few" => 2.0,
        "several" => 3.0,
        "many" => 3.0,
        _ => return None,
    })
}

/// Fraction words ("half", "third", "quarters").
pub fn fraction_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 0.5,
        "third" | "thirds" => 1.0 / 3.0,
        "quarter" | "quarters" => 0.25,
        "fifth" | "fifths" => 0.2,
        "tenth" | "tenths" => 0.1,
        _ => return None,
    })
}

/// Verbs and adjectives that state a change as a factor ("doubled", "threefold").
pub fn multiplier_word(w: &str) -> Option<f64> {
    Some(match w {
        "doubled" | "doubling" | "twofold" | "two-fold" => 2.0,
        "tripled" | "trebled" | "tripling" | "threefold" | "three-fold" => 3.0,
        "quadrupled" | "fourfold" | "four-fold" => 4.0,
        "fivefold" | "five-fold" => 5.0,
        "tenfold" | "ten-fold" => 10.0,
        "halved" | "halving" => 0.5,
        _ => return None,
    })
}

/// Direction of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// An increase.
    Up,
    /// A decrease.
    Down,
}

impl Direction {
    /// The name used in the annotation's attrs: `up`, `down`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    /// The sign used in the annotation key: `+`, `-`.
    pub fn sign(self) -> &'static str {
        match self {
            Direction::Up => "+",
            Direction::Down => "-",
        }
    }
}

/// Verbs of change ("increased", "fell") and "up"/"down" as in "up 60%".
pub fn change_verb(w: &str) -> Option<Direction> {
    use Direction::*;
    Some(match w {
        "increase" | "increased" | "increases" | "increasing" | "rose" | "rise" | "rises"
        | "rising" | "risen" | "grew" | "grow" | "grows" | "growing" | "grown" | "jumped"
        | "jump" | "jumps" | "surged" | "surge" | "surges" | "soared" | "soar" | "climbed"
        | "climb" | "climbs" | "spiked" | "swelled" | "gained" | "expanded" | "up" => Up,
        "decrease" | "decreased" | "decreases" | "decreasing" | "declined" | "decline"
        | "declines" | "declining" | "fell" | "fall" | "falls" | "fallen" | "falling"
        | "dropped" | "drop" | "drops" | "plunged" | "plummeted" | "slumped" | "shrank"
        | "shrunk" | "reduced" | "cut" | "down" | "slid" | "sank" | "dipped" | "lowered" => Down,
        _ => return None,
    })
}

/// Nouns of change after a figure ("a 60% increase").
pub fn change_noun(w: &str) -> Option<Direction> {
    use Direction::*;
    Some(match w {
        "increase" | "rise" | "jump" | "surge" | "growth" | "hike" | "spike" | "uptick"
        | "upsurge" | "gain" => Up,
        "decrease" | "decline" | "drop" | "fall" | "reduction" | "cut" | "dip" | "slump"
        | "plunge" | "downturn" => Down,
        _ => return None,
    })
}

/// Comparatives after "N times" that make it a factor ("1.5 times more").
pub fn times_comparative(w: &str) -> Option<Direction> {
    match w {
        "more" | "higher" | "larger" | "greater" | "bigger" => Some(Direction::Up),
        _ => None,
    }
}

/// Month names and their abbreviations.
pub fn month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "jan."
            | "feb"
            | "feb."
            | "mar."
            | "apr"
            | "apr."
            | "jun."
            | "jul."
            | "aug"
            | "aug."
            | "sep"
            | "sep."
            | "sept"
            | "sept."
            | "oct"
            | "oct."
            | "nov"
            | "nov."
            | "dec"
            | "dec."
    )
}

/// Weekday names ("Tuesday 19").
pub fn weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Words after a number that make it a clock time.
pub fn time_suffix(w: &str) -> bool {
    matches!(
        w,
        "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m" | "gmt" | "utc" | "o'clock" | "o’clock"
    )
}

/// Words before a number that make it a reference or a name, not a figure:
/// "Resolution 2593", "No. 5", "Article 51", "Highway 1".
pub fn reference_word(w: &str) -> bool {
    matches!(
        w,
        "resolution"
            | "resolutions"
            | "no."
            | "nos."
            | "no"
            | "number"
            | "article"
            | "art."
            | "section"
            | "sec."
            | "chapter"
            | "ch."
            | "paragraph"
            | "para"
            | "page"
            | "p."
            | "pp."
            | "vol."
            | "volume"
            | "fig."
            | "figure"
            | "item"
            | "clause"
            | "law"
            | "decree"
            | "order"
            | "flight"
            | "route"
            | "highway"
            | "road"
            | "district"
            | "zone"
            | "sector"
            | "room"
            | "building"
            | "block"
            | "level"
            | "phase"
            | "stage"
            | "grade"
            | "class"
            | "type"
            | "model"
            | "version"
            | "episode"
            | "part"
            | "annex"
            | "amendment"
            | "protocol"
            | "code"
            | "channel"
            | "gate"
            | "terminal"
            | "platform"
            | "tel"
            | "tel."
            | "phone"
            | "fax"
            | "ext."
            | "aged"
            | "age"
            | "ages"
            | "rank"
            | "ranked"
            | "score"
            | "covid"
            | "#"
            | "№"
    )
}

/// Auxiliaries, modals and adverbs that sit inside a verb group ("have", "reportedly").
pub fn aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "having"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "shall"
            | "did"
            | "does"
            | "do"
            | "reportedly"
            | "allegedly"
            | "already"
            | "also"
            | "now"
            | "still"
            | "currently"
            | "recently"
            | "apparently"
            | "officially"
            | "later"
            | "earlier"
            | "subsequently"
            | "previously"
            | "again"
            | "eventually"
            | "finally"
            | "yesterday"
            | "today"
            | "jointly"
            | "together"
    )
}

/// Words allowed between a counted thing and the outcome that gives its count type
/// ("14 people were reportedly killed", "were found dead").
pub fn cue_filler(w: &str) -> bool {
    aux(w)
        || matches!(
            w,
            "reported" | "confirmed" | "found" | "all" | "later" | "subsequently" | "then" | "got"
        )
}

/// Verbs of saying and believing: a figure after them is in a reported clause, so they
/// never govern it.
pub fn reporting_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "claimed"
            | "claims"
            | "claim"
            | "told"
            | "tells"
            | "stated"
            | "states"
            | "added"
            | "adds"
            | "warned"
            | "warns"
            | "noted"
            | "notes"
            | "announced"
            | "announces"
            | "revealed"
            | "reveals"
            | "confirmed"
            | "confirms"
            | "alleged"
            | "alleges"
            | "insisted"
            | "argued"
            | "asserted"
            | "suggested"
            | "indicated"
            | "explained"
            | "replied"
            | "admitted"
            | "denied"
            | "denies"
            | "believes"
            | "believed"
            | "thinks"
            | "estimated"
            | "estimates"
            | "according"
            | "reported"
            | "reports"
            | "tweeted"
            | "wrote"
            | "writes"
            | "quoted"
    )
}

/// Verbs that commonly govern a figure as their object.
pub fn governing_verb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "numbered"
            | "number"
            | "numbers"
            | "totalled"
            | "totaled"
            | "total"
            | "totals"
            | "comprise"
            | "comprises"
            | "comprised"
            | "include"
            | "includes"
            | "included"
            | "including"
            | "reach"
            | "reached"
            | "reaches"
            | "hold"
            | "holds"
            | "held"
            | "host"
            | "hosts"
            | "house"
            | "houses"
            | "count"
            | "counts"
            | "lost"
            | "lose"
            | "sent"
            | "send"
            | "deploy"
            | "deployed"
            | "amassed"
            | "mobilised"
            | "mobilized"
            | "killed"
            | "kill"
            | "stood"
            | "stands"
            | "amounted"
            | "amounts"
            | "accounted"
            | "accounts"
            | "made"
            | "makes"
            | "took"
            | "takes"
            | "received"
            | "receives"
            | "got"
            | "gets"
            | "gained"
            | "fielded"
            | "fields"
            | "employs"
            | "employed"
            | "command"
            | "commands"
            | "commanded"
    )
}

/// Particles after a verb that still introduce its figure ("stood at", "rose to").
pub fn verb_particle(w: &str) -> bool {
    matches!(w, "at" | "to" | "for" | "by" | "about" | "around")
}

/// Words that end a noun phrase when walking left from a verb: clause openers,
/// conjunctions, reporting verbs, pronoun-like determiners and prepositions that do not
/// sit inside a name.
pub fn np_stop(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "when"
            | "where"
            | "while"
            | "whereas"
            | "because"
            | "since"
            | "after"
            | "before"
            | "if"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "so"
            | "than"
            | "as"
            | "to"
            | "by"
            | "with"
            | "without"
            | "during"
            | "despite"
            | "into"
            | "through"
            | "about"
            | "against"
            | "between"
            | "under"
            | "over"
            | "also"
            | "however"
            | "meanwhile"
            | "there"
            | "here"
            | "not"
            | "no"
            | "yet"
            | "then"
            | "although"
            | "though"
            | "unless"
            | "until"
            | "whether"
            | "i"
            | "you"
            | "he"
            | "she"
            | "it"
            | "we"
            | "they"
            | "this"
            | "these"
            | "those"
    ) || aux(w)
        || reporting_verb(w)
}

/// Words that may sit inside a noun phrase but neither start nor end one.
pub fn np_inner(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "on"
            | "from"
            | "for"
            | "along"
            | "across"
            | "near"
            | "toward"
            | "towards"
            | "at"
            | "inside"
            | "within"
            | "the"
            | "a"
            | "an"
            | "'s"
            | "’s"
            | "-"
            | "–"
            | "&"
    )
}

/// Articles trimmed from the front of a subject.
pub fn article(w: &str) -> bool {
    matches!(w, "the" | "a" | "an")
}

/// Pronouns: a subject that is only a pronoun is not reported.
pub fn pronoun(w: &str) -> bool {
    matches!(
        w,
        "i" | "you"
            | "he"
            | "she"
            | "it"
            | "we"
            | "they"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "this"
            | "these"
            | "those"
            | "which"
            | "who"
            | "there"
    )
}

/// Words that cannot be an adjective between a number and its unit.
pub fn not_modifier(w: &str) -> bool {
    np_stop(w)
        || np_inner(w)
        || matches!(
            w,
            "were" | "more" | "less" | "fewer" | "per" | "each" | "every" | "times" | "percent"
        )
}

/// Words that end a base-period clause ("since the Taliban returned to power").
pub fn base_stop(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "while"
            | "whereas"
            | "which"
            | "who"
            | "when"
            | "as"
            | "because"
            | "although"
            | "though"
            | "according"
            | "said"
            | "says"
            | "adding"
            | "officials"
    )
}

/// Prepositions that start a locative phrase ("in Afghanistan"), which ends a base clause
/// when a capitalised name other than a month follows.
pub fn locative(w: &str) -> bool {
    matches!(
        w,
        "in" | "at" | "across" | "inside" | "within" | "near" | "along"
    )
}

/// Rate words after a figure: "1,200 a day", "per month".
pub fn rate_period(w: &str) -> bool {
    matches!(
        w,
        "day" | "week" | "month" | "year" | "hour" | "night" | "minute"
    )
}

/// Words before "half" that make it a period, not a fraction ("the first half").
pub fn ordinal_word(w: &str) -> bool {
    matches!(
        w,
        "first" | "second" | "third" | "fourth" | "last" | "latter" | "next" | "past" | "the"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trigger_table_covers_every_number_word() {
        for w in TRIGGER_WORDS {
            assert!(is_trigger(w), "{w}");
            assert!(maybe_trigger(w.as_bytes()), "{w}");
            assert!(maybe_trigger(w.to_uppercase().as_bytes()), "{w}");
        }
        // Every word the lexicon reads as a number is in the table.
        for w in [
            "seventeen",
            "ninety",
            "trillion",
            "crore",
            "scores",
            "tenths",
            "trebled",
            "halving",
        ] {
            assert!(TRIGGER_WORDS.contains(&w), "{w}");
        }
        assert!(!is_trigger("the") && !is_trigger("members"));
    }
}
