//! The actor registry: states, IGOs and their bodies, government bodies, security forces,
//! armed groups and media outlets, read from the plain tables in `data/actors/` (format in
//! `data/actors/README.md`).
//!
//! The shipped tables are embedded at build time; [`Registry::shared`] adds the `.tsv` files
//! of the folder named by `SPILLOVER_ACTORS`, so an analyst extends the registry without
//! recompiling. Every problem is reported with its file and line ([`Problem`]); a registry
//! with errors is refused, one with only warnings (an alias shared by two entries) loads.

use crate::gazetteer::{fold, with_folded};
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

/// The header every registry table starts with.
pub const HEADER: &str = "id\tkind\tname\tcountry\tparent\tcode\taliases\tmetonyms\tmembers";

/// The embedded tables, by file name.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "states.tsv",
        include_str!("../../../../data/actors/states.tsv"),
    ),
    ("igos.tsv", include_str!("../../../../data/actors/igos.tsv")),
    (
        "governments.tsv",
        include_str!("../../../../data/actors/governments.tsv"),
    ),
    (
        "armed-groups.tsv",
        include_str!("../../../../data/actors/armed-groups.tsv"),
    ),
    (
        "media.tsv",
        include_str!("../../../../data/actors/media.tsv"),
    ),
    (
        "persons.tsv",
        include_str!("../../../../data/actors/persons.tsv"),
    ),
];

/// What kind of actor an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    State,
    GovernmentBody,
    Igo,
    IgoBody,
    ArmedGroup,
    SecurityForce,
    MediaOutlet,
    Person,
    Other,
}

impl ActorKind {
    pub const ALL: [ActorKind; 9] = [
        ActorKind::State,
        ActorKind::GovernmentBody,
        ActorKind::Igo,
        ActorKind::IgoBody,
        ActorKind::ArmedGroup,
        ActorKind::SecurityForce,
        ActorKind::MediaOutlet,
        ActorKind::Person,
        ActorKind::Other,
    ];

    /// The name used in the tables and in output (`state`, `igo_body` …).
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::GovernmentBody => "government_body",
            ActorKind::Igo => "igo",
            ActorKind::IgoBody => "igo_body",
            ActorKind::ArmedGroup => "armed_group",
            ActorKind::SecurityForce => "security_force",
            ActorKind::MediaOutlet => "media_outlet",
            ActorKind::Person => "person",
            ActorKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the actor is an organisation (anything but a state or a person).
    pub fn is_organisation(self) -> bool {
        !matches!(self, ActorKind::State | ActorKind::Person)
    }
}

/// One registry entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub kind: ActorKind,
    pub name: String,
    /// ISO 3166 alpha-3.
    pub country: Option<String>,
    pub parent: Option<String>,
    /// CAMEO-style actor code (`PAKGOV`, `IGO`).
    pub code: Option<String>,
    pub aliases: Vec<String>,
    pub metonyms: Vec<String>,
    /// Member states (alpha-3) of an IGO.
    pub members: Vec<String>,
    /// `file:line` the entry was read from.
    pub origin: String,
}

/// How a surface form names an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// The canonical name or an alias.
    Name,
    /// A name that stands for the actor ("Islamabad" for the government of Pakistan).
    Metonym,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A problem in a registry table, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}: {sev}: {}", self.file, self.line, self.message)
    }
}

/// Why a registry could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("{} error(s) in the actor registry; first: {}", .0.iter().filter(|p| p.severity == Severity::Error).count(), .0.iter().find(|p| p.severity == Severity::Error).map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
    #[error("reading {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Whether an alias is written as an acronym (capitals, digits, `-`, `.`, `&`, `/`, with
/// at least two capitals): it then matches only as written.
pub fn is_acronym(alias: &str) -> bool {
    alias.chars().filter(|c| c.is_uppercase()).count() >= 2
        && alias
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '&' | '/'))
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split(['.', '-', '_']).all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn valid_code(code: &str) -> bool {
    code.len().is_multiple_of(3)
        && !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

fn valid_alpha3(a3: &str) -> bool {
    a3.len() == 3
        && a3.bytes().all(|b| b.is_ascii_uppercase())
        && crate::gazetteer::Gazetteer::shared()
            .map(|g| g.country(a3).is_some())
            .unwrap_or(true)
}

fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses one table; the entries read and the problems found (references to other entries
/// are checked by [`Registry::from_tables`]).
pub fn parse_table(file: &str, text: &str) -> (Vec<Entry>, Vec<Problem>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let mut header_seen = false;
    let problem = |line: usize, severity: Severity, message: String| Problem {
        file: file.to_string(),
        line,
        severity,
        message,
    };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            if line != HEADER {
                problems.push(problem(
                    line_no,
                    Severity::Error,
                    format!("the header must be exactly {HEADER:?}"),
                ));
                return (entries, problems);
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 9 {
            problems.push(problem(
                line_no,
                Severity::Error,
                format!("expected 9 tab-separated columns, found {}", cols.len()),
            ));
            continue;
        }
        let mut bad = |m: String| problems.push(problem(line_no, Severity::Error, m));
        let id = cols[0].trim();
        if !valid_id(id) {
            bad(format!(
                "id {id:?} must be lowercase letters and digits joined by '.', '-' or '_'"
            ));
            continue;
        }
        let Some(kind) = ActorKind::parse(cols[1].trim()) else {
            bad(format!("unknown kind {:?}", cols[1].trim()));
            continue;
        };
        let name = cols[2].trim();
        if name.is_empty() {
            bad(format!("{id}: empty name"));
            continue;
        }
        let country = Some(cols[3].trim()).filter(|s| !s.is_empty());
        if let Some(c) = country {
            if !valid_alpha3(c) {
                bad(format!(
                    "{id}: country {c:?} is not an ISO 3166 alpha-3 code"
                ));
            }
        } else if matches!(
            kind,
            ActorKind::State | ActorKind::GovernmentBody | ActorKind::SecurityForce
        ) {
            bad(format!("{id}: a {} needs a country", kind.as_str()));
        }
        let parent = Some(cols[4].trim()).filter(|s| !s.is_empty());
        if parent.is_none() && kind == ActorKind::IgoBody {
            bad(format!("{id}: an igo_body needs a parent"));
        }
        let code = Some(cols[5].trim()).filter(|s| !s.is_empty());
        if let Some(c) = code {
            if !valid_code(c) {
                bad(format!(
                    "{id}: code {c:?} must be three-letter groups of capitals (PAKGOV, IGO)"
                ));
            }
        }
        let aliases = list(cols[6]);
        let metonyms = list(cols[7]);
        let members = list(cols[8]);
        if !members.is_empty() && kind != ActorKind::Igo {
            bad(format!("{id}: only an igo has members"));
        }
        for m in &members {
            if !valid_alpha3(m) {
                bad(format!(
                    "{id}: member {m:?} is not an ISO 3166 alpha-3 code"
                ));
            }
        }
        let mut seen: HashMap<String, &str> = HashMap::new();
        let mut redundant = Vec::new();
        for a in std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .chain(metonyms.iter().map(String::as_str))
        {
            let key = if is_acronym(a) {
                a.to_string()
            } else {
                fold(a)
            };
            if key.is_empty() {
                bad(format!("{id}: name {a:?} has no letters"));
            } else if let Some(first) = seen.get(&key) {
                if *first == a {
                    bad(format!("{id}: {a:?} is listed twice"));
                } else {
                    redundant.push(format!(
                        "{id}: {a:?} matches the same text as {first:?} (redundant)"
                    ));
                }
            } else {
                seen.insert(key, a);
            }
        }
        for m in redundant {
            problems.push(problem(line_no, Severity::Warning, m));
        }
        entries.push(Entry {
            id: id.to_string(),
            kind,
            name: name.to_string(),
            country: country.map(str::to_string),
            parent: parent.map(str::to_string),
            code: code.map(str::to_string),
            aliases,
            metonyms,
            members,
            origin: format!("{file}:{line_no}"),
        });
    }
    if !header_seen {
        problems.push(problem(0, Severity::Error, "no header line".to_string()));
    }
    (entries, problems)
}

/// The loaded registry.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// Folded name → entries (non-acronym names).
    by_name: HashMap<String, Vec<(usize, NameKind)>>,
    /// Acronym as written → entries.
    by_acronym: HashMap<String, Vec<(usize, NameKind)>>,
    max_words: usize,
    warnings: Vec<Problem>,
}

impl Registry {
    /// Builds a registry from tables given as (file name, text), in order: `base` tables
    /// first, then `extra` tables whose entries may replace a base entry with the same id.
    pub fn from_tables(
        base: &[(&str, &str)],
        extra: &[(String, String)],
    ) -> Result<Registry, RegistryError> {
        let mut problems = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let mut add_layer =
            |tables: Vec<(&str, &str)>, replaces: bool, problems: &mut Vec<Problem>| {
                let mut layer_ids: HashMap<String, String> = HashMap::new();
                for (file, text) in tables {
                    let (es, ps) = parse_table(file, text);
                    problems.extend(ps);
                    for e in es {
                        if let Some(first) = layer_ids.get(&e.id) {
                            let (file, line) = split_origin(&e.origin);
                            problems.push(Problem {
                                file,
                                line,
                                severity: Severity::Error,
                                message: format!("duplicate id {:?} (first at {first})", e.id),
                            });
                            continue;
                        }
                        layer_ids.insert(e.id.clone(), e.origin.clone());
                        match by_id.get(&e.id) {
                            Some(&i) if replaces => entries[i] = e,
                            Some(_) => {}
                            None => {
                                by_id.insert(e.id.clone(), entries.len());
                                entries.push(e);
                            }
                        }
                    }
                }
            };
        add_layer(base.to_vec(), false, &mut problems);
        add_layer(
            extra
                .iter()
                .map(|(f, t)| (f.as_str(), t.as_str()))
                .collect(),
            true,
            &mut problems,
        );
        for e in &entries {
            if let Some(p) = &e.parent {
                if !by_id.contains_key(p) {
                    let (file, line) = split_origin(&e.origin);
                    problems.push(Problem {
                        file,
                        line,
                        severity: Severity::Error,
                        message: format!("{}: parent {p:?} is not in the registry", e.id),
                    });
                }
            }
        }
        let mut registry = Registry {
            entries,
            by_id,
            ..Registry::default()
        };
        registry.index(&mut problems);
        if problems.iter().any(|p| p.severity == Severity::Error) {
            problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            return Err(RegistryError::Invalid(problems));
        }
        registry.warnings = problems;
        Ok(registry)
    }

    fn index(&mut self, problems: &mut Vec<Problem>) {
        let mut owners: HashMap<String, usize> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            let names = std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(|n| (n, NameKind::Name))
                .chain(e.metonyms.iter().map(|n| (n, NameKind::Metonym)));
            for (n, how) in names {
                let (map, key) = if is_acronym(n) {
                    (&mut self.by_acronym, n.clone())
                } else {
                    (&mut self.by_name, fold(n))
                };
                self.max_words = self.max_words.max(n.split_whitespace().count());
                let slot = map.entry(key.clone()).or_default();
                if slot.iter().any(|(j, _)| *j == i) {
                    continue;
                }
                slot.push((i, how));
                if how == NameKind::Name {
                    if let Some(&j) = owners.get(&key) {
                        let (file, line) = split_origin(&e.origin);
                        problems.push(Problem {
                            file,
                            line,
                            severity: Severity::Warning,
                            message: format!(
                                "{}: {n:?} also names {} ({})",
                                e.id, self.entries[j].id, self.entries[j].origin
                            ),
                        });
                    } else {
                        owners.insert(key, i);
                    }
                }
            }
        }
    }

    /// The shipped tables.
    pub fn builtin() -> Result<Registry, RegistryError> {
        Registry::from_tables(BUILTIN, &[])
    }

    /// The shipped tables plus every `.tsv` file in `dir` (sorted by name).
    pub fn with_folder(dir: &Path) -> Result<Registry, RegistryError> {
        Registry::from_tables(BUILTIN, &read_folder(dir)?)
    }

    /// The registry for this process: the shipped tables plus the folder named by the
    /// `SPILLOVER_ACTORS` environment variable, if set. Loaded once.
    pub fn shared() -> Result<&'static Registry, &'static RegistryError> {
        static SHARED: OnceLock<Result<Registry, RegistryError>> = OnceLock::new();
        SHARED
            .get_or_init(|| match std::env::var_os("SPILLOVER_ACTORS") {
                Some(dir) if !dir.is_empty() => Registry::with_folder(Path::new(&dir)),
                _ => Registry::builtin(),
            })
            .as_ref()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// The state entry of a country (alpha-3).
    pub fn state(&self, alpha3: &str) -> Option<&Entry> {
        self.get(&alpha3.to_ascii_lowercase())
            .filter(|e| e.kind == ActorKind::State)
    }

    /// Warnings found while loading (aliases shared by several entries).
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }

    /// The most words any name has: matchers need not look at longer spans.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Entries named by `surface` exactly: an acronym as written ("TTP"), any other name
    /// ignoring case, accents and punctuation ("Jaish ul-Adl" = "jaish ul adl").
    pub fn lookup(&self, surface: &str) -> Vec<(&Entry, NameKind)> {
        let hits = if is_acronym(surface) {
            self.by_acronym
                .get(surface)
                .or_else(|| self.by_acronym.get(&surface.replace('.', "")))
        } else {
            None
        };
        let hits = match hits {
            Some(h) => Some(h),
            None => with_folded(surface, |key| self.by_name.get(key)),
        };
        hits.map(|h| h.iter().map(|&(i, k)| (&self.entries[i], k)).collect())
            .unwrap_or_default()
    }

    /// Like [`Registry::lookup`] with a key already folded (no acronym matching).
    pub fn lookup_folded(&self, key: &str) -> Vec<(&Entry, NameKind)> {
        self.by_name
            .get(key)
            .map(|h| h.iter().map(|&(i, k)| (&self.entries[i], k)).collect())
            .unwrap_or_default()
    }

    /// Every name and alias with the entry it names: (surface form as written, entry,
    /// whether an acronym, how it names the entry).
    pub fn names(&self) -> impl Iterator<Item = (&str, &Entry, NameKind)> {
        self.entries.iter().flat_map(|e| {
            std::iter::once(e.name.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .map(move |n| (n, e, NameKind::Name))
                .chain(
                    e.metonyms
                        .iter()
                        .map(move |n| (n.as_str(), e, NameKind::Metonym)),
                )
        })
    }

    /// Entries whose id, name or an alias contains `query` (folded), best first: exact
    /// names, then prefixes, then the rest, each by id.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let q = fold(query);
        let mut hits: Vec<(u8, &Entry)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let names = std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .chain(&e.metonyms);
                let mut best: Option<u8> = None;
                for n in names.map(|n| fold(n)).chain(std::iter::once(e.id.clone())) {
                    let rank = if n == q {
                        0
                    } else if n.starts_with(&q) {
                        1
                    } else if n.contains(&q) {
                        2
                    } else {
                        continue;
                    };
                    best = Some(best.map_or(rank, |b| b.min(rank)));
                }
                best.map(|b| (b, e))
            })
            .collect();
        hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
        hits.into_iter().map(|(_, e)| e).collect()
    }
}

fn split_origin(origin: &str) -> (String, usize) {
    match origin.rsplit_once(':') {
        Some((f, l)) => (f.to_string(), l.parse().unwrap_or(0)),
        None => (origin.to_string(), 0),
    }
}

/// The `.tsv` files of a folder, sorted by name, as (file name, text).
pub fn read_folder(dir: &Path) -> Result<Vec<(String, String)>, RegistryError> {
    let io = |source| RegistryError::Io {
        path: dir.display().to_string(),
        source,
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|source| RegistryError::Io {
                path: p.display().to_string(),
                source,
            })?;
            Ok((p.display().to_string(), text))
        })
        .collect()
}

#[cfg(test)]
mod tests;
