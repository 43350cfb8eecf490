//! Text: HTML to clean text with alignment, sentences and tokens.
