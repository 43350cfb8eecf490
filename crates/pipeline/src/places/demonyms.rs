//! Demonyms and country short names from `data/demonyms.tsv`: "Tajik", "Afghan",
//! "Pakistani" → the country, for border phrases ("the Tajik-Afghan border") and as
//! document context. A demonym that modifies an actor ("Afghan refugees") is not a place.

// FNV hashing: these maps are read per word (SipHash was ~3 % of the pipeline).
use crate::entities::model::FastMap as HashMap;

/// Why the demonym table could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DemonymError {
    #[error("demonyms line {line}: {message}")]
    Line { line: usize, message: String },
}

/// Lower-cased demonym or short name → alpha-3.
#[derive(Debug, Clone, Default)]
pub struct Demonyms {
    adjective: HashMap<String, &'static str>,
    short_name: HashMap<String, &'static str>,
}

fn leak(s: &str) -> &'static str {
    // Country codes are few and live for the whole run; interning them by leaking keeps
    // lookups allocation-free. The table is loaded once per process.
    Box::leak(s.to_string().into_boxed_str())
}

impl Demonyms {
    /// The table shipped in `data/demonyms.tsv`.
    pub fn builtin() -> Demonyms {
        Demonyms::parse(include_str!("../../../../data/demonyms.tsv"))
            .unwrap_or_else(|e| panic!("shipped demonym table is broken: {e}"))
    }

    /// Parses `alpha3 TAB adjectives TAB short names` lines; `#` starts a comment.
    pub fn parse(tsv: &str) -> Result<Demonyms, DemonymError> {
        let mut out = Demonyms::default();
        for (i, line) in tsv.lines().enumerate() {
            let line_no = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |message: &str| DemonymError::Line {
                line: line_no,
                message: message.to_string(),
            };
            if cols.len() != 3 {
                return Err(err("expected 3 tab-separated columns"));
            }
            let a3 = cols[0].trim();
            if a3.len() != 3 || !a3.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(err("first column must be an ISO alpha-3 code"));
            }
            let a3 = leak(a3);
            for adj in cols[1]
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "-")
            {
                out.adjective.insert(adj.to_lowercase(), a3);
            }
            for name in cols[2].split('|').map(str::trim).filter(|s| !s.is_empty()) {
                out.short_name.insert(name.to_lowercase(), a3);
            }
        }
        Ok(out)
    }

    /// Every demonym (lower case) with its country.
    pub fn adjectives(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.adjective.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// The country of a demonym ("Tajik", "Afghans", "Pakistani").
    pub fn adjective(&self, word: &str) -> Option<&'static str> {
        with_lower(word, |w| {
            self.adjective.get(w).copied().or_else(|| {
                w.strip_suffix('s')
                    .and_then(|s| self.adjective.get(s).copied())
            })
        })
    }

    /// The country of a short name ("U.S.", "UK", "Britain").
    pub fn short_name(&self, word: &str) -> Option<&'static str> {
        with_lower(word, |w| self.short_name.get(w).copied())
    }

    /// The country of a demonym or a short name ("Tajik" or "Tajikistan").
    pub fn country(&self, word: &str) -> Option<&'static str> {
        self.adjective(word).or_else(|| self.short_name(word))
    }
}

/// Calls `f` with `word` in lower case: on the stack for short ASCII words (these lookups
/// run for most capitalised words), else in a new string.
fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let bytes = word.as_bytes();
    if word.is_ascii() && bytes.len() <= 48 {
        let mut buf = [0u8; 48];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII in, ASCII out.
        if let Ok(lower) = std::str::from_utf8(&buf[..bytes.len()]) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_resolves_the_region() {
        let d = Demonyms::builtin();
        assert_eq!(d.adjective("Tajik"), Some("TJK"));
        assert_eq!(d.adjective("Afghans"), Some("AFG"));
        assert_eq!(d.country("Pakistan"), Some("PAK"));
        assert_eq!(d.country("Kabul"), None);
    }

    #[test]
    fn bad_lines_are_named() {
        let e = Demonyms::parse("AFG\tAfghan\tAfghanistan\nxx\ty\tz\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
    }
}
