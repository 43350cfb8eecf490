//! What a claim asserts, in a form two claims can be compared by, and the rule that
//! says when two claims contradict each other.
//!
//! The claims stage writes each claim as an [`Annotation`](crate::Annotation) of the
//! `claims` layer whose `attrs` hold, among the spans and links, a `proposition` and a
//! list of `figures`. [`ClaimFacts::from_attrs`] reads back the part that matters for
//! comparison; [`contradiction`] says whether two claims — in one report or in two —
//! speak about the same thing with opposing polarity, or give incompatible figures for
//! the same measure of the same subject, and why. It never says which side is right.
//!
//! ```
//! use spillover_doc::claim::{contradiction, ClaimFacts, Stance};
//! let accuse = ClaimFacts {
//!     speaker: Some("pak".into()),
//!     stance: Stance::Accuses,
//!     predicate: Some("harbours_militants".into()),
//!     scope: Some("AFG".into()),
//!     ..ClaimFacts::default()
//! };
//! let deny = ClaimFacts {
//!     speaker: Some("taliban".into()),
//!     stance: Stance::Denies,
//!     ..accuse.clone()
//! };
//! let why = contradiction(&accuse, &deny).expect("opposed");
//! assert!(why.starts_with("accuses vs denies"));
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The stance a speaker takes toward the content of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// States it as a fact.
    #[default]
    Asserts,
    /// Warns of a danger or expresses concern.
    Warns,
    /// Blames someone.
    Accuses,
    /// Says it is not so.
    Denies,
    /// Calls on someone to act.
    Demands,
    /// Commits to act.
    Promises,
    /// States it with doubt ("may", "reportedly", "allegedly").
    Hedged,
}

impl Stance {
    pub const ALL: [Stance; 7] = [
        Stance::Asserts,
        Stance::Warns,
        Stance::Accuses,
        Stance::Denies,
        Stance::Demands,
        Stance::Promises,
        Stance::Hedged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Warns => "warns",
            Stance::Accuses => "accuses",
            Stance::Denies => "denies",
            Stance::Demands => "demands",
            Stance::Promises => "promises",
            Stance::Hedged => "hedged",
        }
    }

    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether a claim with this stance holds its content to be true. Demands and
    /// promises are about what should or will happen, so they hold nothing either way.
    pub fn polarity(self) -> Option<bool> {
        match self {
            Stance::Asserts | Stance::Warns | Stance::Accuses | Stance::Hedged => Some(true),
            Stance::Denies => Some(false),
            Stance::Demands | Stance::Promises => None,
        }
    }
}

/// How a figure is bounded ("up to 6,500" is `AtMost`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    #[default]
    Exact,
    AtMost,
    AtLeast,
    About,
    Range,
}

impl Bound {
    pub fn parse(s: &str) -> Bound {
        match s {
            "at_most" => Bound::AtMost,
            "at_least" => Bound::AtLeast,
            "about" => Bound::About,
            "range" => Bound::Range,
            _ => Bound::Exact,
        }
    }
}

/// A figure a claim gives: how many of `unit` the `subject` (an actor id) has or did.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Figure {
    pub subject: String,
    pub unit: String,
    pub value: f64,
    /// Upper end for a range; the same as `value` otherwise.
    #[serde(default)]
    pub high: Option<f64>,
    #[serde(default)]
    pub bound: Bound,
}

impl Figure {
    /// The values the figure allows. Exact figures in news are rounded, so they allow
    /// ±10 %; "about" ±25 %.
    pub fn interval(&self) -> (f64, f64) {
        let v = self.value;
        match self.bound {
            Bound::Exact => (v * 0.9, v * 1.1),
            Bound::About => (v * 0.75, v * 1.25),
            Bound::AtMost => (0.0, v),
            Bound::AtLeast => (v, f64::INFINITY),
            Bound::Range => (v, self.high.unwrap_or(v)),
        }
    }
}

/// The comparable part of a claim.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClaimFacts {
    /// The speaker's actor id.
    pub speaker: Option<String>,
    pub stance: Stance,
    /// The content is negated ("there is no threat"): flips the polarity.
    pub negated: bool,
    /// What the content says happens or holds, as a class id from the proposition table
    /// (`harbours_militants`, `infiltration`, …).
    pub predicate: Option<String>,
    /// Where it holds: a country (alpha-3).
    pub scope: Option<String>,
    /// Who it is about: an actor id.
    pub subject: Option<String>,
    /// The date of the statement (ISO, any granularity).
    pub date: Option<String>,
    pub figures: Vec<Figure>,
}

impl ClaimFacts {
    /// Reads the facts from a claim annotation's attrs (the shape the claims stage
    /// writes; missing fields stay empty).
    pub fn from_attrs(attrs: &Value) -> ClaimFacts {
        let s = |v: &Value| v.as_str().map(str::to_string);
        let prop = &attrs["proposition"];
        ClaimFacts {
            speaker: s(&attrs["speaker"]["key"]),
            stance: attrs["stance"]
                .as_str()
                .and_then(Stance::parse)
                .unwrap_or_default(),
            negated: prop["negated"].as_bool().unwrap_or(false),
            predicate: s(&prop["predicate"]),
            scope: s(&prop["scope"]),
            subject: s(&prop["subject"]),
            date: s(&attrs["date"]["value"]),
            figures: attrs["figures"]
                .as_array()
                .map(|v| {
                    v.iter()
                        .filter_map(|f| serde_json::from_value(f.clone()).ok())
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// Whether the claim holds its proposition true (`Some(true)`), false, or neither.
    pub fn polarity(&self) -> Option<bool> {
        self.stance.polarity().map(|p| p != self.negated)
    }
}

/// Days between two ISO dates of any granularity (their first day), when both parse.
fn days_apart(a: &str, b: &str) -> Option<i64> {
    let day = |s: &str| -> Option<chrono::NaiveDate> {
        let mut parts = s.get(..s.len().min(10))?.split('-');
        let y: i32 = parts.next()?.parse().ok()?;
        let m: u32 = parts.next().map_or(Some(1), |p| p.parse().ok())?;
        let d: u32 = parts.next().map_or(Some(1), |p| p.parse().ok())?;
        chrono::NaiveDate::from_ymd_opt(y, m, d)
    };
    Some((day(a)? - day(b)?).num_days().abs())
}

/// Figures for the same subject and measure further apart in time than this are a
/// history, not a contradiction.
pub const FIGURE_WINDOW_DAYS: i64 = 180;

/// Why claims `a` and `b` contradict each other, or `None`.
///
/// - **Opposed stance**: the same predicate about the same subject or in the same
///   country, held true by one and false by the other ("accuses vs denies:
///   harbours_militants in AFG").
/// - **Incompatible figures**: the same subject and unit with value ranges that do not
///   overlap, stated within [`FIGURE_WINDOW_DAYS`] of each other (or undated).
pub fn contradiction(a: &ClaimFacts, b: &ClaimFacts) -> Option<String> {
    if let (Some(pa), Some(pb)) = (&a.predicate, &b.predicate) {
        let same_subject = a.subject.is_some() && a.subject == b.subject;
        let same_scope = a.scope.is_some() && a.scope == b.scope;
        if pa == pb && (same_subject || same_scope) {
            if let (Some(x), Some(y)) = (a.polarity(), b.polarity()) {
                if x != y {
                    let label = |f: &ClaimFacts| {
                        if f.negated && f.stance != Stance::Denies {
                            format!("{} (negated)", f.stance.as_str())
                        } else {
                            f.stance.as_str().to_string()
                        }
                    };
                    let what = if same_subject {
                        a.subject.as_deref().unwrap_or_default()
                    } else {
                        a.scope.as_deref().unwrap_or_default()
                    };
                    let prep = if same_subject { "about" } else { "in" };
                    return Some(format!("{} vs {}: {pa} {prep} {what}", label(a), label(b)));
                }
            }
        }
    }
    let close = match (&a.date, &b.date) {
        (Some(x), Some(y)) => days_apart(x, y).is_none_or(|d| d <= FIGURE_WINDOW_DAYS),
        _ => true,
    };
    if !close || a.polarity() != Some(true) || b.polarity() != Some(true) {
        return None;
    }
    for fa in &a.figures {
        for fb in b
            .figures
            .iter()
            .filter(|f| f.subject == fa.subject && f.unit == fa.unit)
        {
            let (lo_a, hi_a) = fa.interval();
            let (lo_b, hi_b) = fb.interval();
            if hi_a < lo_b || hi_b < lo_a {
                return Some(format!(
                    "figures differ: {} vs {} {} of {}",
                    fa.value, fb.value, fa.unit, fa.subject
                ));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claim(stance: Stance, predicate: &str, scope: &str) -> ClaimFacts {
        ClaimFacts {
            stance,
            predicate: Some(predicate.into()),
            scope: Some(scope.into()),
            ..ClaimFacts::default()
        }
    }

    #[test]
    fn opposed_stances_on_one_proposition_contradict() {
        let a = claim(Stance::Accuses, "harbours_militants", "AFG");
        let d = claim(Stance::Denies, "harbours_militants", "AFG");
        assert_eq!(
            contradiction(&a, &d).as_deref(),
            Some("accuses vs denies: harbours_militants in AFG")
        );
        // Symmetric in substance.
        assert!(contradiction(&d, &a).is_some());
    }

    #[test]
    fn agreement_another_place_or_another_predicate_do_not() {
        let a = claim(Stance::Accuses, "harbours_militants", "AFG");
        assert!(contradiction(&a, &claim(Stance::Asserts, "harbours_militants", "AFG")).is_none());
        assert!(contradiction(&a, &claim(Stance::Denies, "harbours_militants", "PAK")).is_none());
        assert!(contradiction(&a, &claim(Stance::Denies, "infiltration", "AFG")).is_none());
        // Demands hold nothing true or false.
        assert!(contradiction(&a, &claim(Stance::Demands, "harbours_militants", "AFG")).is_none());
    }

    #[test]
    fn a_negated_assertion_opposes_an_assertion() {
        let a = claim(Stance::Asserts, "threat", "AFG");
        let mut n = claim(Stance::Asserts, "threat", "AFG");
        n.negated = true;
        assert_eq!(
            contradiction(&a, &n).as_deref(),
            Some("asserts vs asserts (negated): threat in AFG")
        );
        // A negated denial is an assertion.
        let mut nd = claim(Stance::Denies, "threat", "AFG");
        nd.negated = true;
        assert!(contradiction(&a, &nd).is_none());
    }

    #[test]
    fn the_same_subject_is_enough_without_a_scope() {
        let mut a = claim(Stance::Accuses, "harbours_militants", "AFG");
        let mut d = claim(Stance::Denies, "harbours_militants", "AFG");
        a.scope = None;
        d.scope = None;
        assert!(contradiction(&a, &d).is_none());
        a.subject = Some("taliban".into());
        d.subject = Some("taliban".into());
        assert_eq!(
            contradiction(&a, &d).as_deref(),
            Some("accuses vs denies: harbours_militants about taliban")
        );
    }

    fn figure(value: f64, bound: Bound) -> Figure {
        Figure {
            subject: "iskp".into(),
            unit: "member".into(),
            value,
            high: None,
            bound,
        }
    }

    fn with_figures(figures: Vec<Figure>, date: &str) -> ClaimFacts {
        ClaimFacts {
            figures,
            date: Some(date.into()),
            ..ClaimFacts::default()
        }
    }

    #[test]
    fn incompatible_figures_close_in_time_contradict() {
        let a = with_figures(vec![figure(6500.0, Bound::AtMost)], "2023-02");
        let b = with_figures(vec![figure(10000.0, Bound::Exact)], "2023-03-10");
        assert_eq!(
            contradiction(&a, &b).as_deref(),
            Some("figures differ: 6500 vs 10000 member of iskp")
        );
        // "up to 6,500" allows 4,000.
        let c = with_figures(vec![figure(4000.0, Bound::About)], "2023-03-10");
        assert!(contradiction(&a, &c).is_none());
        // A year later it is a history, not a contradiction.
        let d = with_figures(vec![figure(10000.0, Bound::Exact)], "2024-06");
        assert!(contradiction(&a, &d).is_none());
        // Another unit is another measure.
        let mut e = b.clone();
        e.figures[0].unit = "attack".into();
        assert!(contradiction(&a, &e).is_none());
    }

    #[test]
    fn facts_read_back_from_attrs() {
        let attrs = json!({
            "stance": "denies",
            "speaker": {"key": "taliban", "name": "Taliban"},
            "date": {"value": "2023-12-20"},
            "proposition": {"predicate": "harbours_militants", "scope": "AFG", "subject": null, "negated": false},
            "figures": [{"subject": "iskp", "unit": "member", "value": 6500.0, "bound": "at_most"}],
        });
        let f = ClaimFacts::from_attrs(&attrs);
        assert_eq!(f.stance, Stance::Denies);
        assert_eq!(f.speaker.as_deref(), Some("taliban"));
        assert_eq!(f.predicate.as_deref(), Some("harbours_militants"));
        assert_eq!(f.scope.as_deref(), Some("AFG"));
        assert_eq!(f.subject, None);
        assert_eq!(f.date.as_deref(), Some("2023-12-20"));
        assert_eq!(f.figures[0].bound, Bound::AtMost);
        assert_eq!(f.polarity(), Some(false));
        assert_eq!(ClaimFacts::from_attrs(&Value::Null), ClaimFacts::default());
    }
}
