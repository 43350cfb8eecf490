//! Reader for `borders.bin`, format version 1 (written by `scripts/build-borders.py`).
//!
//! Little-endian throughout:
//!
//! ```text
//! header    magic "SPBORDER" | u16 version | u16 flags (0) | u32 total file length
//!           | f64 scale_lon | f64 scale_lat | f64 translate_lon | f64 translate_lat
//! countries u32 count; per country (sorted by code): 3 bytes alpha-3 | u8 name length | name
//!           | u32 polygon count; per polygon: u32 ring count (outer first, then holes);
//!             per ring: POINTS (at least 4, closed: last = first)
//! pairs     u32 count; per pair (sorted, a < b): u16 country index a | u16 country index b
//!           | u32 polyline count; per polyline: POINTS
//! trailer   u64 FNV-1a 64 of every byte before it
//! POINTS    u32 point count, then per point zigzag LEB128 varints dx, dy: quantized deltas
//!           from the previous point (from 0, 0 for the first); lon = x * scale_lon +
//!           translate_lon, lat = y * scale_lat + translate_lat.
//! ```
//!
//! Every count is checked against the bytes left before anything is allocated, so a
//! corrupt or hostile file yields an error, never a panic or a huge allocation.

use super::BordersError;

pub(crate) const MAGIC: &[u8; 8] = b"SPBORDER";
pub(crate) const VERSION: u16 = 1;
const HEADER_LEN: usize = 8 + 2 + 2 + 4 + 4 * 8;
const TRAILER_LEN: usize = 8;

/// A ring or polyline: (lat, lon) in degrees.
pub(crate) type Line = Vec<(f64, f64)>;

pub(crate) struct RawCountry {
    pub code: String,
    pub name: String,
    /// Polygons; each is its rings, the first the outer ring.
    pub polygons: Vec<Vec<Line>>,
}

pub(crate) struct RawPair {
    pub a: usize,
    pub b: usize,
    pub lines: Vec<Line>,
}

pub(crate) struct Raw {
    pub countries: Vec<RawCountry>,
    pub pairs: Vec<RawPair>,
}

/// FNV-1a, 64 bits.
pub(crate) fn fnv1a64(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
    transform: [f64; 4],
}

impl<'a> Cursor<'a> {
    fn err(&self, what: &'static str) -> BordersError {
        BordersError::Malformed {
            offset: self.pos,
            what,
        }
    }

    fn left(&self) -> usize {
        self.buf.len() - self.pos
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], BordersError> {
        if self.left() < n {
            return Err(self.err(what));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u8(&mut self, what: &'static str) -> Result<u8, BordersError> {
        Ok(self.take(1, what)?[0])
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, BordersError> {
        let s = self.take(2, what)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, BordersError> {
        let s = self.take(4, what)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    fn f64(&mut self, what: &'static str) -> Result<f64, BordersError> {
        let s = self.take(8, what)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(f64::from_le_bytes(a))
    }

    /// A count of items each at least `min_bytes` long, checked against what is left.
    fn count(&mut self, min_bytes: usize, what: &'static str) -> Result<usize, BordersError> {
        let n = self.u32(what)? as usize;
        if n.saturating_mul(min_bytes) > self.left() {
            return Err(self.err(what));
        }
        Ok(n)
    }

    fn varint(&mut self) -> Result<i64, BordersError> {
        let mut v: u64 = 0;
        let mut shift = 0u32;
        loop {
            let b = self.u8("truncated varint")?;
            if shift >= 63 && b > 1 {
                return Err(self.err("varint overflow"));
            }
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                break;
            }
            shift += 7;
            if shift > 63 {
                return Err(self.err("varint overflow"));
            }
        }
        // zigzag decode
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    fn points(&mut self, min_points: usize) -> Result<Line, BordersError> {
        let n = self.count(2, "point count exceeds data")?;
        if n < min_points {
            return Err(self.err("too few points"));
        }
        let [sx, sy, tx, ty] = self.transform;
        let mut out = Vec::with_capacity(n);
        let (mut x, mut y) = (0i64, 0i64);
        for _ in 0..n {
            x = x
                .checked_add(self.varint()?)
                .ok_or_else(|| self.err("coordinate overflow"))?;
            y = y
                .checked_add(self.varint()?)
                .ok_or_else(|| self.err("coordinate overflow"))?;
            let lon = x as f64 * sx + tx;
            let lat = y as f64 * sy + ty;
            if !(-180.001..=180.001).contains(&lon) || !(-90.001..=90.001).contains(&lat) {
                return Err(self.err("coordinate out of range"));
            }
            out.push((lat.clamp(-90.0, 90.0), lon.clamp(-180.0, 180.0)));
        }
        Ok(out)
    }
}

/// Check the envelope (magic, version, length, checksum) and decode everything.
pub(crate) fn parse(b: &[u8]) -> Result<Raw, BordersError> {
    if b.len() < HEADER_LEN + TRAILER_LEN {
        return Err(BordersError::TooShort(b.len()));
    }
    if &b[..8] != MAGIC {
        return Err(BordersError::BadMagic);
    }
    let version = u16::from_le_bytes([b[8], b[9]]);
    if version != VERSION {
        return Err(BordersError::UnsupportedVersion(version));
    }
    let declared = u32::from_le_bytes([b[12], b[13], b[14], b[15]]) as usize;
    if declared != b.len() {
        return Err(BordersError::LengthMismatch {
            declared,
            actual: b.len(),
        });
    }
    let body_end = b.len() - TRAILER_LEN;
    let mut stored = [0u8; 8];
    stored.copy_from_slice(&b[body_end..]);
    if fnv1a64(&b[..body_end]) != u64::from_le_bytes(stored) {
        return Err(BordersError::Checksum);
    }

    let mut c = Cursor {
        buf: &b[..body_end],
        pos: 16,
        transform: [0.0; 4],
    };
    let mut t = [0.0; 4];
    for v in &mut t {
        *v = c.f64("truncated header")?;
        if !v.is_finite() {
            return Err(c.err("non-finite transform"));
        }
    }
    c.transform = t;

    let n_countries = c.count(3 + 1 + 4, "country count exceeds data")?;
    if n_countries > usize::from(u16::MAX) {
        return Err(c.err("too many countries"));
    }
    let mut countries: Vec<RawCountry> = Vec::with_capacity(n_countries);
    for _ in 0..n_countries {
        let code_bytes = c.take(3, "truncated country code")?;
        if !code_bytes.iter().all(u8::is_ascii_uppercase) {
            return Err(c.err("country code is not three capital letters"));
        }
        let code = String::from_utf8_lossy(code_bytes).into_owned();
        if let Some(prev) = countries.last() {
            if prev.code >= code {
                return Err(c.err("country codes not sorted and unique"));
            }
        }
        let name_len = usize::from(c.u8("truncated name length")?);
        let name = std::str::from_utf8(c.take(name_len, "truncated name")?)
            .map_err(|_| c.err("country name is not UTF-8"))?
            .to_owned();
        let n_polys = c.count(4, "polygon count exceeds data")?;
        let mut polygons = Vec::with_capacity(n_polys);
        for _ in 0..n_polys {
            let n_rings = c.count(4, "ring count exceeds data")?;
            if n_rings == 0 {
                return Err(c.err("polygon without rings"));
            }
            let mut rings = Vec::with_capacity(n_rings);
            for _ in 0..n_rings {
                let ring = c.points(4)?;
                if ring.first() != ring.last() {
                    return Err(c.err("ring not closed"));
                }
                rings.push(ring);
            }
            polygons.push(rings);
        }
        countries.push(RawCountry {
            code,
            name,
            polygons,
        });
    }

    let n_pairs = c.count(2 + 2 + 4, "pair count exceeds data")?;
    let mut pairs: Vec<RawPair> = Vec::with_capacity(n_pairs);
    for _ in 0..n_pairs {
        let a = usize::from(c.u16("truncated pair")?);
        let b = usize::from(c.u16("truncated pair")?);
        if a >= b || b >= countries.len() {
            return Err(c.err("bad pair indices"));
        }
        if let Some(prev) = pairs.last() {
            if (prev.a, prev.b) >= (a, b) {
                return Err(c.err("pairs not sorted and unique"));
            }
        }
        let n_lines = c.count(4, "polyline count exceeds data")?;
        let mut lines = Vec::with_capacity(n_lines);
        for _ in 0..n_lines {
            lines.push(c.points(2)?);
        }
        pairs.push(RawPair { a, b, lines });
    }
    if c.left() != 0 {
        return Err(c.err("trailing bytes"));
    }
    Ok(Raw { countries, pairs })
}
