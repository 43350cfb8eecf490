//! Abbreviations and sentence starters shared by the sentence splitter and the tokenizer.
//!
//! The lists are short on purpose: they cover the titles, ranks, months and company
//! suffixes that appear in English news copy. Matching is case-sensitive, as written.

/// How an abbreviation behaves when a period follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Titles and ranks that precede a name ("Gen.", "Dr."): never end a sentence.
    Title,
    /// Abbreviations that sit inside a clause ("vs.", "cf."): never end a sentence.
    Inner,
    /// Month abbreviations: never before a day number; end a sentence only before a
    /// clear sentence start.
    Month,
    /// Numbering words ("No.", "Vol."): never before a number; otherwise a period after
    /// them ends the sentence as usual.
    Numeric,
    /// Company suffixes, street words, weekdays ("Inc.", "St.", "Wed."): end a sentence
    /// only before a clear sentence start.
    Weak,
    /// "etc.": ends a sentence before any sentence-like start.
    Etc,
}

/// The kind of a known abbreviation written without its final period.
pub(crate) fn lookup(word: &str) -> Option<Abbrev> {
    use Abbrev::*;
    Some(match word {
        "Gen" | "Gens" | "Lt" | "Col" | "Maj" | "Capt" | "Sgt" | "Cpl" | "Pvt" | "Adm" | "Brig"
        | "Cmdr" | "Cdr" | "Lieut" | "Gov" | "Govs" | "Sen" | "Sens" | "Rep" | "Reps" | "Pres"
        | "Dr" | "Drs" | "Mr" | "Mrs" | "Ms" | "Messrs" | "Mme" | "Mlle" | "Prof" | "Amb"
        | "Hon" | "Rev" | "Insp" | "Supt" | "Atty" | "Mt" | "Ft" => Title,
        "vs" | "v" | "cf" | "viz" => Inner,
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" => Month,
        "No" | "Nos" | "no" | "nos" | "Vol" | "Vols" | "vol" | "Fig" | "Figs" | "fig" | "Art"
        | "art" | "Ch" | "ch" | "Sec" | "sec" | "p" | "pp" | "approx" | "ca" | "Ref" | "ref" => {
            Numeric
        }
        "Inc" | "Corp" | "Ltd" | "Co" | "Bros" | "Plc" | "LLC" | "Jr" | "Sr" | "St" | "Ave"
        | "Blvd" | "Rd" | "Dept" | "Univ" | "Assn" | "Est" | "al" | "Mon" | "Tue" | "Tues"
        | "Wed" | "Thu" | "Thur" | "Thurs" | "Fri" | "Sat" | "Sun" => Weak,
        "etc" => Etc,
        _ => return None,
    })
}

/// Dotted abbreviations whose period never ends a sentence ("e.g.", "i.e.").
pub(crate) fn is_inner_dotted(word: &str) -> bool {
    matches!(word, "e.g" | "i.e" | "E.g" | "I.e")
}

/// Whether `word` (without the final period) is a dotted abbreviation such as "U.S",
/// "P.J", "a.m" or "Ph.D": two or more parts of one or two ASCII letters each.
pub(crate) fn is_dotted(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let n = part.len();
        if n == 0 || n > 2 || !part.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// Capitalised words that commonly open an English news sentence. Used to decide
/// whether an ambiguous abbreviation ("U.S.", "Inc.", "a.m.") ends the sentence.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "However"
            | "Meanwhile"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Some"
            | "Many"
            | "Most"
            | "Several"
            | "Both"
            | "Each"
            | "Every"
            | "All"
            | "According"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "If"
            | "As"
            | "Since"
            | "Although"
            | "Though"
            | "Because"
            | "During"
            | "Despite"
            | "For"
            | "From"
            | "By"
            | "With"
            | "Without"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Which"
            | "Nor"
            | "So"
            | "Then"
            | "Thus"
            | "Yet"
            | "Still"
            | "Also"
            | "Now"
            | "Later"
            | "Earlier"
            | "Last"
            | "Next"
            | "Such"
            | "Other"
            | "Another"
            | "Further"
            | "Moreover"
            | "Furthermore"
            | "Indeed"
            | "Instead"
            | "Separately"
            | "Similarly"
            | "Nevertheless"
            | "Officials"
            | "Authorities"
            | "Police"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_known_words() {
        assert_eq!(lookup("Gen"), Some(Abbrev::Title));
        assert_eq!(lookup("Dec"), Some(Abbrev::Month));
        assert_eq!(lookup("No"), Some(Abbrev::Numeric));
        assert_eq!(lookup("Inc"), Some(Abbrev::Weak));
        assert_eq!(lookup("etc"), Some(Abbrev::Etc));
        assert_eq!(lookup("Taliban"), None);
    }

    #[test]
    fn dotted_shapes() {
        assert!(is_dotted("U.S"));
        assert!(is_dotted("P.J"));
        assert!(is_dotted("a.m"));
        assert!(is_dotted("Ph.D"));
        assert!(!is_dotted("www.example.com"));
        assert!(!is_dotted("1.5"));
        assert!(!is_dotted("U"));
        assert!(!is_dotted("U..S"));
    }
}
