//! Opaque keyset cursors for paged listings.
//!
//! A cursor records the sort key of the last row of a page (publication date, report
//! row, span row), so the next page starts strictly after it. Rows stored in between
//! land where their key sorts, never shifting the rows already seen: paging is stable
//! under inserts, with no duplicates and no gaps among the rows that existed.

use crate::StoreError;
use chrono::NaiveDate;

/// Where a page ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Position {
    /// The report's publication date (`YYYY-MM-DD`), `None` for undated reports.
    pub published: Option<String>,
    /// The report's row id.
    pub rid: i64,
    /// The span's row id, for span listings.
    pub sid: Option<i64>,
}

const VERSION: &str = "1";

impl Position {
    /// The opaque form handed to clients.
    pub fn encode(&self) -> String {
        let plain = format!(
            "{VERSION}|{}|{}|{}",
            self.published.as_deref().unwrap_or("-"),
            self.rid,
            self.sid.map_or_else(|| "-".to_string(), |s| s.to_string())
        );
        plain.bytes().map(|b| format!("{b:02x}")).collect()
    }

    /// Reads back what [`Position::encode`] wrote; anything else is a `BadCursor`.
    pub fn decode(token: &str) -> Result<Position, StoreError> {
        let bad = || StoreError::BadCursor(token.chars().take(80).collect());
        let chunks = token.as_bytes().chunks_exact(2);
        if !chunks.remainder().is_empty() || token.len() > 256 {
            return Err(bad());
        }
        let bytes = chunks
            .map(|pair| {
                std::str::from_utf8(pair)
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()
            .ok_or_else(bad)?;
        let plain = String::from_utf8(bytes).map_err(|_| bad())?;
        let parts: Vec<&str> = plain.split('|').collect();
        let [version, published, rid, sid] = parts.as_slice() else {
            return Err(bad());
        };
        if *version != VERSION {
            return Err(bad());
        }
        let published = match *published {
            "-" => None,
            d => {
                NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| bad())?;
                Some(d.to_string())
            }
        };
        let rid = rid.parse::<i64>().map_err(|_| bad())?;
        let sid = match *sid {
            "-" => None,
            s => Some(s.parse::<i64>().map_err(|_| bad())?),
        };
        Ok(Position {
            published,
            rid,
            sid,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_junk() {
        for p in [
            Position {
                published: Some("2024-03-04".into()),
                rid: 17,
                sid: Some(99),
            },
            Position {
                published: None,
                rid: 3,
                sid: None,
            },
        ] {
            assert_eq!(Position::decode(&p.encode()).unwrap(), p);
        }
        for junk in ["", "zz", "abc", "317c", "not a cursor", "é1"] {
            assert!(matches!(
                Position::decode(junk),
                Err(StoreError::BadCursor(_))
            ));
        }
    }
}
