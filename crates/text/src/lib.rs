//! Text handling for Spillover: HTML pages to clean text, sentences, tokens, dates and
//! a language guess.
//!
//! * [`html::extract`] turns a raw news page into an [`Article`]: the clean article text
//!   (boilerplate removed, blocks separated by blank lines), an
//!   [`Alignment`](spillover_doc::Alignment) from every text byte back to the raw page,
//!   and the title, outlet, publication date, URL, language and byline.
//! * [`sentences::split`] segments news English into sentence spans.
//! * [`tokens::tokenize`] splits text into word, number, punctuation and symbol tokens.
//! * [`dates::parse_date`] reads metadata and feed dates; [`dates::find_dateline`] finds
//!   a dated dateline at the top of a report.
//! * [`language::detect`] guesses the ISO 639-1 code of a text.
//!
//! Every span is a UTF-8 byte range into the text it was computed from, so
//! `&text[span.start..span.end]` is always the text the span claims. All scanners run
//! in linear time and never panic on input.
//!
//! ```
//! use spillover_text::{extract, sentences, tokens};
//! let raw = "<html><body><nav><a href='/'>Home</a></nav><article>\
//!            <h1>Border clash</h1><p>Gen. Sidorov spoke. ISKP had 6,500 members.</p>\
//!            </article></body></html>";
//! let article = extract(raw);
//! let text = article.text.as_str();
//! let sents: Vec<&str> = sentences::split(text).iter().map(|s| &text[s.start..s.end]).collect();
//! assert_eq!(sents, ["Border clash", "Gen. Sidorov spoke.", "ISKP had 6,500 members."]);
//! let toks = tokens::tokenize(sents[2]);
//! assert_eq!(&sents[2][toks[2].span.start..toks[2].span.end], "6,500");
//! ```

#![warn(missing_docs)]

mod abbrev;
mod chars;
pub mod dates;
pub mod html;
pub mod language;
pub mod sentences;
pub mod tokens;

pub use dates::DateError;
pub use html::{extract, Article};

#[cfg(test)]
pub(crate) mod test_rng {
    //! A small deterministic generator for randomised invariant tests.

    /// xorshift64*.
    pub(crate) struct Rng(u64);

    impl Rng {
        pub(crate) fn new(seed: u64) -> Rng {
            Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
        }

        pub(crate) fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
        }

        /// A string of `n` pieces drawn from `pieces`.
        pub(crate) fn text(&mut self, pieces: &[&str], n: usize) -> String {
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(pieces[self.below(pieces.len())]);
            }
            s
        }
    }
}
