//! Corpus generator.
