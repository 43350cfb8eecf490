//! Word lists looked up by hashing: the coder asks "is this word a preposition, an
//! auxiliary, a reporting verb?" many times per sentence.

use crate::entities::model::FastSet;
use std::sync::OnceLock;

/// A fixed list of lowercase words, hashed on first use.
pub struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<FastSet<&'static str>>,
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    /// Whether `w` is in the list.
    pub fn contains(&self, w: &&str) -> bool {
        if self.list.len() <= 6 {
            return self.list.contains(w);
        }
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(*w)
    }

    /// The words, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.list.iter().copied()
    }
}
