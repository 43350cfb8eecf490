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
/// The version tag of claim listing cursors.
const CLAIM_VERSION: &str = "c1";

/// Hex of the bytes of `plain`, so a cursor is safe in a URL and a header.
fn hex(plain: &str) -> String {
    plain.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Reads back what [`hex`] wrote, `None` for anything else.
fn unhex(token: &str) -> Option<String> {
    let chunks = token.as_bytes().chunks_exact(2);
    if !chunks.remainder().is_empty() || token.len() > 256 {
        return None;
    }
    let bytes = chunks
        .map(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect::<Option<Vec<u8>>>()?;
    String::from_utf8(bytes).ok()
}

/// Where a page of claims ended: the claim's date as stored (any granularity, `None`
/// for undated claims) and its span row id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClaimPosition {
    pub said_on: Option<String>,
    pub sid: i64,
}

impl ClaimPosition {
    /// The opaque form handed to clients.
    pub fn encode(&self) -> String {
        hex(&format!(
            "{CLAIM_VERSION}|{}|{}",
            self.said_on.as_deref().unwrap_or("-"),
            self.sid
        ))
    }

    /// Reads back what [`ClaimPosition::encode`] wrote; anything else is a `BadCursor`.
    pub fn decode(token: &str) -> Result<ClaimPosition, StoreError> {
        let bad = || StoreError::BadCursor(token.chars().take(80).collect());
        let plain = unhex(token).ok_or_else(bad)?;
        let parts: Vec<&str> = plain.split('|').collect();
        let [version, said_on, sid] = parts.as_slice() else {
            return Err(bad());
        };
        if *version != CLAIM_VERSION || said_on.is_empty() {
            return Err(bad());
        }
        Ok(ClaimPosition {
            said_on: (*said_on != "-").then(|| said_on.to_string()),
            sid: sid.parse::<i64>().map_err(|_| bad())?,
        })
    }
}

/// The version tag of event listing cursors.
const EVENT_VERSION: &str = "e1";

/// Where a page of events ended: the event's date as stored (`None` for undated events)
/// and its span row id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EventPosition {
    pub date: Option<String>,
    pub sid: i64,
}

impl EventPosition {
    /// The opaque form handed to clients.
    pub fn encode(&self) -> String {
        hex(&format!(
            "{EVENT_VERSION}|{}|{}",
            self.date.as_deref().unwrap_or("-"),
            self.sid
        ))
    }

    /// Reads back what [`EventPosition::encode`] wrote; anything else is a `BadCursor`.
    pub fn decode(token: &str) -> Result<EventPosition, StoreError> {
        let bad = || StoreError::BadCursor(token.chars().take(80).collect());
        let plain = unhex(token).ok_or_else(bad)?;
        let parts: Vec<&str> = plain.split('|').collect();
        let [version, date, sid] = parts.as_slice() else {
            return Err(bad());
        };
        if *version != EVENT_VERSION || date.is_empty() {
            return Err(bad());
        }
        Ok(EventPosition {
            date: (*date != "-").then(|| date.to_string()),
            sid: sid.parse::<i64>().map_err(|_| bad())?,
        })
    }
}

impl Position {
    /// The opaque form handed to clients.
    pub fn encode(&self) -> String {
        hex(&format!(
            "{VERSION}|{}|{}|{}",
            self.published.as_deref().unwrap_or("-"),
            self.rid,
            self.sid.map_or_else(|| "-".to_string(), |s| s.to_string())
        ))
    }

    /// Reads back what [`Position::encode`] wrote; anything else is a `BadCursor`.
    pub fn decode(token: &str) -> Result<Position, StoreError> {
        let bad = || StoreError::BadCursor(token.chars().take(80).collect());
        let plain = unhex(token).ok_or_else(bad)?;
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

    #[test]
    fn claim_positions_round_trip_and_are_not_report_positions() {
        for p in [
            ClaimPosition {
                said_on: Some("2023-02".into()),
                sid: 12,
            },
            ClaimPosition {
                said_on: None,
                sid: 4,
            },
        ] {
            assert_eq!(ClaimPosition::decode(&p.encode()).unwrap(), p);
        }
        let report = Position {
            published: Some("2024-03-04".into()),
            rid: 17,
            sid: Some(99),
        };
        assert!(ClaimPosition::decode(&report.encode()).is_err());
        let claim = ClaimPosition {
            said_on: Some("2024-03-04".into()),
            sid: 1,
        };
        assert!(Position::decode(&claim.encode()).is_err());
        for junk in ["", "zz", "abc", "not a cursor"] {
            assert!(ClaimPosition::decode(junk).is_err());
        }
    }
}
