//! Dates in metadata, feeds and datelines.
//!
//! [`parse_date`] reads the date strings found in HTML metadata and feeds; it keeps the
//! date part as written (no time-zone shifting). [`find_dateline`] looks for a full date
//! with a year at the very top of a report; [`find_partial_dateline`] for one without a
//! year ("DUSHANBE, Dec. 19 (Reuters) –"), whose year [`infer_dateline_year`] takes from
//! a full date elsewhere in the text, or leaves unknown.
//!
//! ```
//! use chrono::NaiveDate;
//! use spillover_text::dates::{find_dateline, parse_date};
//! let d = NaiveDate::from_ymd_opt(2023, 12, 20).unwrap();
//! assert_eq!(parse_date("Wed, 20 Dec 2023 08:15:00 GMT"), Some(d));
//! assert_eq!(parse_date("2023-12-20T08:15:00+05:00"), Some(d));
//! let text = "DUSHANBE, Dec. 20, 2023 (Reuters) – Guards said...";
//! let (date, span) = find_dateline(text).unwrap();
//! assert_eq!((date, &text[span.start..span.end]), (d, "Dec. 20, 2023"));
//! ```

use chrono::{Datelike, NaiveDate};
use spillover_doc::Span;

/// Why a string could not be read as a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The string is empty or only whitespace.
    #[error("empty date string")]
    Empty,
    /// No supported date layout matched.
    #[error("no date found in {0:?}")]
    Unrecognised(String),
    /// The layout matched but the day does not exist (e.g. 2023-02-30).
    #[error("{year:04}-{month:02}-{day:02} is not a calendar date")]
    Invalid {
        /// The year as written.
        year: i32,
        /// The month number as read (1-12).
        month: u32,
        /// The day as written.
        day: u32,
    },
    /// Day-first and month-first readings are both possible ("03/04/2023").
    #[error("ambiguous day/month order in {0:?}")]
    Ambiguous(String),
}

/// Lowest and highest year accepted.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Parses a date string from metadata or a feed; `None` when it is not a valid date.
/// See [`parse_date_strict`] for the layouts and the reasons for failure.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_date_strict(s).ok()
}

/// Parses a date string, saying why it failed.
///
/// Layouts: ISO 8601 date or date-time with or without zone ("2023-12-20",
/// "2023-12-20T08:15:00+05:00", "2023-12-20 08:15"), "2023/12/20", RFC 2822
/// ("Wed, 20 Dec 2023 08:15:00 GMT"), "December 20, 2023", "Dec. 20, 2023",
/// "20 December 2023", "20th Dec 2023", "20.12.2023", and "20/12/2023" or "12/20/2023"
/// when only one reading is possible. An optional weekday may lead. Only the date
/// part is kept.
pub fn parse_date_strict(s: &str) -> Result<NaiveDate, DateError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    let start = skip_weekday(t.as_bytes());
    match match_date_at(t, start) {
        Some((Ok(d), _)) => Ok(d),
        Some((Err(e), _)) => Err(e),
        None => Err(DateError::Unrecognised(t.to_string())),
    }
}

/// Finds a dateline at the top of `text`: a full date with a year within the first
/// ~400 bytes and the first three non-empty lines. Returns the date and the span of
/// the date expression (without any weekday).
pub fn find_dateline(text: &str) -> Option<(NaiveDate, Span)> {
    let b = text.as_bytes();
    let limit = head_limit(b);
    let mut i = 0;
    while i < limit {
        let c = b[i];
        let at_word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if at_word_start && c.is_ascii_alphanumeric() {
            if let Some((Ok(d), end)) = match_date_at(text, i) {
                return Some((d, Span { start: i, end }));
            }
        }
        i += 1;
    }
    None
}

/// Finds a dateline without a year at the top of `text` ("DUSHANBE, Dec. 19 (Reuters)
/// –", "KABUL, Jan 18 –"): a month and day after a place and a comma, followed by a
/// parenthesis or a dash, within the first ~400 bytes and three non-empty lines.
/// Returns the month, the day and the span of "Dec. 19". Whether a year can be put to
/// it is [`infer_dateline_year`]'s business; the day is never checked against a year
/// here (Feb. 29 is accepted).
///
/// ```
/// use spillover_text::dates::find_partial_dateline;
/// let text = "DUSHANBE, Dec. 19 (Reuters) – Guards said...";
/// let (m, d, span) = find_partial_dateline(text).unwrap();
/// assert_eq!((m, d, &text[span.start..span.end]), (12, 19, "Dec. 19"));
/// ```
pub fn find_partial_dateline(text: &str) -> Option<(u32, u32, Span)> {
    let b = text.as_bytes();
    let limit = head_limit(b);
    let mut i = 0;
    while i < limit {
        let at_word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if at_word_start && b[i].is_ascii_alphabetic() {
            if let Some(found) = partial_at(b, i) {
                return Some(found);
            }
        }
        i += 1;
    }
    None
}

/// A month name (full or abbreviated, optional full stop), spaces and a one- or two-digit
/// day at `i`: the month, the day and the offset after the day's digits.
fn month_name_day(b: &[u8], i: usize) -> Option<(u32, u32, usize)> {
    let w = b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let month = month_number(&b[i..i + w])?;
    let mut k = i + w;
    if b.get(k) == Some(&b'.') {
        k += 1;
    }
    let k1 = skip_spaces(b, k);
    if k1 == k {
        return None;
    }
    let (day, e) = digits(b, k1, 2)?;
    Some((month, day, e))
}

/// "Dec. 19 (" or "Jan 18 –" at `i`, after a place and a comma.
fn partial_at(b: &[u8], i: usize) -> Option<(u32, u32, Span)> {
    // a comma (and spaces) before the month: "DUSHANBE, "
    let before = b[..i]
        .iter()
        .rev()
        .find(|c| !matches!(c, b' ' | b'\t' | 0xA0 | 0xC2))?;
    if *before != b',' {
        return None;
    }
    let (month, day, e) = month_name_day(b, i)?;
    if !(1..=31).contains(&day) || NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return None;
    }
    let end = skip_ordinal(b, e);
    // then a parenthesis ("(Reuters)") or a dash, not a year
    let k = skip_spaces(b, end);
    let rest = &b[k..];
    let dash = ["(", "–", "—", "-", "_", "/"]
        .iter()
        .any(|d| rest.starts_with(d.as_bytes()));
    if !dash || k == end {
        return None;
    }
    Some((month, day, Span { start: i, end }))
}

/// The year of a dateline's month and day, from the full dates (with a year) the text
/// gives: the one whose month and day are the dateline's, else the latest one, with
/// the dateline put in the year that brings it nearest that date (a report of Jan. 18
/// citing "December 28, 2023" is of 2024). `None` when the text has no full date: the
/// year is then unknown, never guessed.
///
/// ```
/// use spillover_text::dates::infer_dateline_year;
/// let text = "KABUL, Jan 18 – The talks of December 28, 2023 failed.";
/// assert_eq!(infer_dateline_year(text, 1, 18), Some(2024));
/// assert_eq!(infer_dateline_year("KABUL, Jan 18 – Talks failed.", 1, 18), None);
/// ```
pub fn infer_dateline_year(text: &str, month: u32, day: u32) -> Option<i32> {
    let b = text.as_bytes();
    let mut latest: Option<NaiveDate> = None;
    let mut i = 0;
    while i < b.len() {
        let at_word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if at_word_start && b[i].is_ascii_alphanumeric() {
            if let Some((Ok(d), end)) = match_date_at(text, i) {
                if d.month() == month && d.day() == day {
                    return Some(d.year());
                }
                latest = latest.max(Some(d));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    let full = latest?;
    (full.year() - 1..=full.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - full).num_days().abs())
        .map(|d| d.year())
}

/// The end of the head of a report where datelines are looked for: the first ~400
/// bytes, up to the end of the third non-empty line.
fn head_limit(b: &[u8]) -> usize {
    let mut limit = b.len().min(400);
    let mut lines = 0;
    let mut line_has_text = false;
    for (k, &c) in b[..limit].iter().enumerate() {
        if c == b'\n' {
            if line_has_text {
                lines += 1;
                if lines == 3 {
                    limit = k;
                    break;
                }
            }
            line_has_text = false;
        } else if !c.is_ascii_whitespace() {
            line_has_text = true;
        }
    }
    limit
}

/// Skips a leading weekday name and the comma and spaces after it.
fn skip_weekday(b: &[u8]) -> usize {
    let w = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if w < 3 || !is_weekday(&b[..w]) {
        return 0;
    }
    let mut i = w;
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    if b.get(i) == Some(&b',') {
        i += 1;
    }
    skip_spaces(b, i)
}

fn is_weekday(w: &[u8]) -> bool {
    const DAYS: [&str; 18] = [
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "weds",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
    ];
    DAYS.iter().any(|d| w.eq_ignore_ascii_case(d.as_bytes()))
}

/// The month number of an English month name or abbreviation (case-insensitive).
fn month_number(w: &[u8]) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    for (k, m) in MONTHS.iter().enumerate() {
        let m = m.as_bytes();
        let ok = if w.len() == m.len() {
            w.eq_ignore_ascii_case(m)
        } else {
            // Three-letter abbreviation, or "Sept".
            (w.len() == 3 || (w.len() == 4 && k == 8)) && w.eq_ignore_ascii_case(&m[..w.len()])
        };
        if ok {
            return Some(k as u32 + 1);
        }
    }
    None
}

/// Skips ASCII spaces and no-break spaces.
fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i) {
            Some(b' ' | b'\t') => i += 1,
            Some(0xC2) if b.get(i + 1) == Some(&0xA0) => i += 2,
            _ => return i,
        }
    }
}

/// Reads 1..=max ASCII digits at `i`: value and end.
fn digits(b: &[u8], i: usize, max: usize) -> Option<(u32, usize)> {
    let n = b[i.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if n == 0 || n > max {
        return None;
    }
    let v = b[i..i + n]
        .iter()
        .fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'));
    Some((v, i + n))
}

/// Skips an ordinal suffix ("st", "nd", "rd", "th") at `i` when a non-letter follows.
fn skip_ordinal(b: &[u8], i: usize) -> usize {
    match b.get(i..i + 2) {
        Some(s)
            if [b"st", b"nd", b"rd", b"th"]
                .iter()
                .any(|o| s.eq_ignore_ascii_case(*o))
                && !b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) =>
        {
            i + 2
        }
        _ => i,
    }
}

type Found = (Result<NaiveDate, DateError>, usize);

fn make(year: i32, month: u32, day: u32, end: usize) -> Option<Found> {
    if !YEARS.contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some((
        NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Invalid { year, month, day }),
        end,
    ))
}

/// A four-digit year at `i` not followed by another digit.
fn year_at(b: &[u8], i: usize) -> Option<(i32, usize)> {
    let (y, e) = digits(b, i, 4)?;
    (e - i == 4).then_some((y as i32, e))
}

/// Matches a full date (with a year) starting exactly at byte `i`: the result and the
/// end of the date expression. `None` when no layout matches.
fn match_date_at(text: &str, i: usize) -> Option<Found> {
    let b = text.as_bytes();
    let c = *b.get(i)?;
    if c.is_ascii_digit() {
        let (n1, e1) = digits(b, i, 4)?;
        let len1 = e1 - i;
        let sep = *b.get(e1).unwrap_or(&0);
        if len1 == 4 {
            // 2023-12-20, 2023/12/20, 2023.12.20
            if !matches!(sep, b'-' | b'/' | b'.') {
                return None;
            }
            let (m, e2) = digits(b, e1 + 1, 2)?;
            if b.get(e2) != Some(&sep) {
                return None;
            }
            let (d, e3) = digits(b, e2 + 1, 2)?;
            return make(n1 as i32, m, d, e3);
        }
        if len1 > 2 {
            return None;
        }
        if matches!(sep, b'.' | b'/' | b'-') {
            // 20.12.2023, 20/12/2023, 20-12-2023
            if let Some((n2, e2)) = digits(b, e1 + 1, 2) {
                if b.get(e2) == Some(&sep) {
                    let (y, e3) = year_at(b, e2 + 1)?;
                    if sep == b'/' && n1 <= 12 && n2 <= 12 && n1 != n2 {
                        return Some((Err(DateError::Ambiguous(text[i..e3].to_string())), e3));
                    }
                    return if sep == b'/' && n2 > 12 {
                        make(y, n1, n2, e3)
                    } else {
                        make(y, n2, n1, e3)
                    };
                }
                return None;
            }
        }
        // 20 December 2023, 20th Dec. 2023, 20. Dezember-style "20. December 2023"
        let mut k = skip_ordinal(b, e1);
        if b.get(k) == Some(&b'.') {
            k += 1;
        }
        let k = skip_spaces(b, k);
        if k == e1 {
            return None;
        }
        let w = b[k..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let month = month_number(&b[k..k + w])?;
        let mut k = k + w;
        if b.get(k) == Some(&b'.') {
            k += 1;
        }
        if b.get(k) == Some(&b',') {
            k += 1;
        }
        let k2 = skip_spaces(b, k);
        if k2 == k && b.get(k) != Some(&b',') {
            return None;
        }
        let (y, e) = year_at(b, k2)?;
        return make(y, month, n1, e);
    }
    if c.is_ascii_alphabetic() {
        // December 20, 2023 / Dec. 20 2023 / Dec 20th, 2023
        let (month, d, e) = month_name_day(b, i)?;
        let mut k = skip_ordinal(b, e);
        if b.get(k) == Some(&b',') {
            k += 1;
        }
        let k2 = skip_spaces(b, k);
        if k2 == k && b.get(k.wrapping_sub(1)) != Some(&b',') {
            return None;
        }
        let (y, e) = year_at(b, k2)?;
        return make(y, month, d, e);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn iso_layouts() {
        let want = Some(d(2023, 12, 20));
        for s in [
            "2023-12-20",
            "2023-12-20T08:15:00+05:00",
            "2023-12-20T08:15:00Z",
            "2023-12-20T23:59:59.123-08:00",
            "2023-12-20 08:15",
            " 2023-12-20 ",
            "2023/12/20",
            "2023.12.20",
        ] {
            assert_eq!(parse_date(s), want, "{s}");
        }
    }

    #[test]
    fn written_layouts() {
        let want = Some(d(2023, 12, 20));
        for s in [
            "Wed, 20 Dec 2023 08:15:00 GMT",
            "Wed, 20 Dec 2023 08:15:00 +0000",
            "December 20, 2023",
            "Dec. 20, 2023",
            "Dec 20 2023",
            "Dec 20th, 2023",
            "Wednesday, December 20, 2023",
            "20 December 2023",
            "20th December 2023",
            "20 Dec. 2023",
            "20.12.2023",
            "20/12/2023",
            "12/20/2023",
            "20-12-2023",
            "SEPT 20, 2023",
        ] {
            let got = parse_date(s);
            if s.starts_with("SEPT") {
                assert_eq!(got, Some(d(2023, 9, 20)), "{s}");
            } else {
                assert_eq!(got, want, "{s}");
            }
        }
    }

    #[test]
    fn invalid_dates_are_none() {
        for s in [
            "",
            "   ",
            "2023-02-30",
            "2023-13-01",
            "31 February 2023",
            "not a date",
            "December 2023",
            "December 20",
            "20231220",
            "2023-12",
            "1.5",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
        assert_eq!(
            parse_date_strict("2023-02-30"),
            Err(DateError::Invalid {
                year: 2023,
                month: 2,
                day: 30
            })
        );
        assert_eq!(parse_date_strict(" "), Err(DateError::Empty));
        assert!(matches!(
            parse_date_strict("03/04/2023"),
            Err(DateError::Ambiguous(_))
        ));
        assert_eq!(parse_date("04/04/2023"), Some(d(2023, 4, 4)));
    }

    #[test]
    fn datelines() {
        let t = "DUSHANBE, Dec. 19, 2023 (Reuters) – Tajik border guards said on Tuesday...";
        let (date, span) = find_dateline(t).unwrap();
        assert_eq!(date, d(2023, 12, 19));
        assert_eq!(&t[span.start..span.end], "Dec. 19, 2023");

        let t = "Border clash\n\nPublished: 20 December 2023\n\nGuards said...";
        let (date, span) = find_dateline(t).unwrap();
        assert_eq!(date, d(2023, 12, 20));
        assert_eq!(&t[span.start..span.end], "20 December 2023");

        let t = "Headline here\n2023-12-20\nBody text.";
        let (date, span) = find_dateline(t).unwrap();
        assert_eq!(date, d(2023, 12, 20));
        assert_eq!(&t[span.start..span.end], "2023-12-20");

        let t = "Tuesday, December 19, 2023\nKABUL — Officials said...";
        let (_, span) = find_dateline(t).unwrap();
        assert_eq!(&t[span.start..span.end], "December 19, 2023");
    }

    #[test]
    fn dateline_does_not_fire_without_a_full_date() {
        assert_eq!(
            find_dateline("Formed in 2002, the Collective Security Treaty Organization is old."),
            None
        );
        assert_eq!(
            find_dateline("Speaking in Moscow on Tuesday, December 19, Tasmagambetov said."),
            None
        );
        assert_eq!(find_dateline(""), None);
        assert_eq!(find_dateline("In May 2023 the border closed."), None);
    }

    #[test]
    fn dateline_only_looks_at_the_top() {
        let t = "One\nTwo\nThree\nFour: 20 December 2023";
        assert_eq!(find_dateline(t), None);
        let mut long = "word ".repeat(100);
        long.push_str("20 December 2023");
        assert_eq!(find_dateline(&long), None);
    }

    #[test]
    fn dateline_in_seed_report_is_absent() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/examples/seed-report.txt"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            println!("note: {path} absent; skipping");
            return;
        };
        assert_eq!(find_dateline(&text), None);
    }

    #[test]
    fn random_inputs_never_panic() {
        let pieces = [
            "20",
            "2023",
            "12",
            "-",
            "/",
            ".",
            " ",
            ",",
            "Dec",
            "December",
            "Wed",
            "th",
            "\n",
            "T08:15",
            "\u{a0}",
            "Тажик",
            "9",
            "31",
            "02",
            "Sept",
        ];
        let mut rng = crate::test_rng::Rng::new(5);
        for _ in 0..5000 {
            let n = rng.below(12);
            let t = rng.text(&pieces, n);
            let _ = parse_date(&t);
            if let Some((_, span)) = find_dateline(&t) {
                assert!(t.is_char_boundary(span.start) && t.is_char_boundary(span.end));
                assert!(span.start < span.end && span.end <= t.len());
                assert!(parse_date(&t[span.start..span.end]).is_some(), "{t:?}");
            }
        }
    }

    #[test]
    fn partial_datelines() {
        for (t, want, (m, day)) in [
            (
                "DUSHANBE, Dec. 19 (Reuters) – Guards said...",
                "Dec. 19",
                (12, 19),
            ),
            ("KABUL, Jan 18 – Officials said...", "Jan 18", (1, 18)),
            (
                "Title\n\nISLAMABAD, March 3rd — The army...",
                "March 3rd",
                (3, 3),
            ),
            ("TEHRAN, Iran, Sept 30 (AP) _ Iran said", "Sept 30", (9, 30)),
        ] {
            let (mm, dd, span) = find_partial_dateline(t).unwrap();
            assert_eq!(&t[span.start..span.end], want, "{t:?}");
            assert_eq!((mm, dd), (m, day), "{t:?}");
        }
        for t in [
            // a full date is `find_dateline`'s
            "DUSHANBE, Dec. 19, 2023 (Reuters) – Guards said",
            "DUSHANBE, Dec. 19 2023 – Guards said",
            // not after a place and a comma, or not followed by a dash or parenthesis
            "Talks on Dec. 19 (Tuesday) failed.",
            "KABUL, Jan 18 officials said",
            "KABUL, Feb. 30 – nothing",
            "",
        ] {
            assert_eq!(find_partial_dateline(t), None, "{t:?}");
        }
        let mut long = "word ".repeat(100);
        long.push_str("KABUL, Jan 18 – Officials");
        assert_eq!(find_partial_dateline(&long), None);
    }

    #[test]
    fn dateline_years_come_from_the_text_or_stay_unknown() {
        let t = "DUSHANBE, Dec. 19 (Reuters) – On Tuesday, December 19, 2023, guards said";
        assert_eq!(infer_dateline_year(t, 12, 19), Some(2023));
        // the latest full date, with the dateline put nearest it
        let t = "KABUL, Jan 18 – After the talks of December 28, 2023 and March 3, 2019";
        assert_eq!(infer_dateline_year(t, 1, 18), Some(2024));
        let t = "KABUL, Dec. 30 – Elections are set for January 5, 2024.";
        assert_eq!(infer_dateline_year(t, 12, 30), Some(2023));
        // a bare year is not a full date: no guess
        assert_eq!(
            infer_dateline_year("KABUL, Jan 18 – Since 2021 ...", 1, 18),
            None
        );
        // Feb. 29 only in a leap year
        let t = "KABUL, Feb. 29 – Talks of March 1, 2024.";
        assert_eq!(infer_dateline_year(t, 2, 29), Some(2024));
    }
}
