//! Reading and validating `gazetteer.bin` (format version 1; layout documented in
//! `data/gazetteer/README.md` and written by `scripts/build-gazetteer.py`).
//!
//! Everything is checked once, at load: lengths, offsets, string ranges (in bounds and on
//! UTF-8 boundaries), record fields, key order and posting counts. After that the accessors
//! in `mod.rs` index validated data only.

use super::{GazetteerError, PlaceId, PlaceKind};

pub(crate) const MAGIC: &[u8; 8] = b"SPILGAZ\0";
pub(crate) const VERSION: u32 = 1;
pub(crate) const HEADER_LEN: usize = 128;
const PLACE_LEN: usize = 28;
const ADMIN1_LEN: usize = 20;
const COUNTRY_LEN: usize = 32;
const BLOCK_LEN: usize = 8;
pub(crate) const NONE_U8: u8 = u8::MAX;
pub(crate) const NONE_U16: u16 = u16::MAX;
pub(crate) const NONE_U32: u32 = u32::MAX;

/// A validated range of the strings section.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StrRef {
    pub off: u32,
    pub len: u32,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct PlaceRec {
    pub geonameid: u32,
    pub name: StrRef,
    pub kind: PlaceKind,
    pub country: u8,
    pub lat: f32,
    pub lon: f32,
    pub population: u32,
    pub admin1: u16,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Admin1Rec {
    pub place: u32,
    pub code: StrRef,
    pub iso: StrRef,
}

#[derive(Debug, Clone)]
pub(crate) struct CountryRec {
    pub place: u32,
    pub alpha2: String,
    pub alpha3: String,
    pub numeric: u16,
    pub continent: String,
    pub capital_place: u32,
    pub capital_name: StrRef,
    pub neighbours: StrRef,
}

/// Everything parsed out of a file.
pub(crate) struct Parsed {
    pub strings: String,
    pub places: Vec<PlaceRec>,
    pub admin1: Vec<Admin1Rec>,
    pub countries: Vec<CountryRec>,
    pub blocks: Vec<(u32, u32)>,
    pub blob: Vec<u8>,
    pub postings: Vec<PlaceId>,
    pub n_keys: usize,
    pub block_size: usize,
    pub max_tokens: usize,
}

fn corrupt(msg: impl Into<String>) -> GazetteerError {
    GazetteerError::Corrupt(msg.into())
}

/// Little-endian field reads over a slice whose length the caller has checked.
struct Rd<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Rd<'a> {
    fn new(b: &'a [u8]) -> Self {
        Rd { b, pos: 0 }
    }
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut a = [0u8; N];
        if let Some(s) = self.b.get(self.pos..self.pos + N) {
            a.copy_from_slice(s);
        }
        self.pos += N;
        a
    }
    fn u8(&mut self) -> u8 {
        self.take::<1>()[0]
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.take())
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }
    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take())
    }
    fn f32(&mut self) -> f32 {
        f32::from_le_bytes(self.take())
    }
}

/// FNV-1a over little-endian u64 words, the tail zero-padded.
pub(crate) fn checksum(body: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = body.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0100_0000_01b3);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Read a LEB128 varint at `*pos`; `None` when it runs past the end or overflows u32.
pub(crate) fn varint(b: &[u8], pos: &mut usize) -> Option<u32> {
    let mut v: u64 = 0;
    let mut shift = 0;
    loop {
        let byte = *b.get(*pos)?;
        *pos += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return u32::try_from(v).ok();
        }
        shift += 7;
        if shift > 28 {
            return None;
        }
    }
}

fn str_ref(
    strings: &str,
    off: u32,
    len: u32,
    what: &dyn Fn() -> String,
) -> Result<StrRef, GazetteerError> {
    let (o, l) = (off as usize, len as usize);
    let end = o
        .checked_add(l)
        .filter(|&e| e <= strings.len())
        .ok_or_else(|| {
            corrupt(format!(
                "{}: string range {o}+{l} outside the strings section ({} bytes)",
                what(),
                strings.len()
            ))
        })?;
    if !strings.is_char_boundary(o) || !strings.is_char_boundary(end) {
        return Err(corrupt(format!(
            "{}: string range {o}+{l} splits a UTF-8 character",
            what()
        )));
    }
    Ok(StrRef { off, len })
}

fn section<'a>(
    bytes: &'a [u8],
    name: &str,
    off: u32,
    len: u32,
    record: usize,
    count: usize,
) -> Result<&'a [u8], GazetteerError> {
    let (o, l) = (off as usize, len as usize);
    if o < HEADER_LEN {
        return Err(corrupt(format!(
            "section {name} starts at {o}, inside the header"
        )));
    }
    let end = o
        .checked_add(l)
        .filter(|&e| e <= bytes.len())
        .ok_or(GazetteerError::Truncated {
            what: "a section",
            needed: o.saturating_add(l),
            available: bytes.len(),
        })?;
    if record > 0 && Some(l) != count.checked_mul(record) {
        return Err(corrupt(format!(
            "section {name} is {l} bytes; {count} records of {record} bytes expected"
        )));
    }
    Ok(&bytes[o..end])
}

pub(crate) fn parse(bytes: &[u8]) -> Result<Parsed, GazetteerError> {
    if bytes.len() < HEADER_LEN {
        return Err(GazetteerError::Truncated {
            what: "the header",
            needed: HEADER_LEN,
            available: bytes.len(),
        });
    }
    let mut h = Rd::new(&bytes[..HEADER_LEN]);
    let magic: [u8; 8] = h.take();
    if &magic != MAGIC {
        return Err(GazetteerError::BadMagic { found: magic });
    }
    let version = h.u32();
    if version != VERSION {
        return Err(GazetteerError::UnsupportedVersion {
            found: version,
            expected: VERSION,
        });
    }
    let header_len = h.u32() as usize;
    if header_len != HEADER_LEN {
        return Err(corrupt(format!(
            "header length {header_len}, expected {HEADER_LEN}"
        )));
    }
    let file_len = h.u32() as usize;
    if file_len > bytes.len() {
        return Err(GazetteerError::Truncated {
            what: "the file",
            needed: file_len,
            available: bytes.len(),
        });
    }
    if file_len < bytes.len() {
        return Err(corrupt(format!(
            "{} bytes of trailing data after the declared end ({file_len})",
            bytes.len() - file_len
        )));
    }
    let _flags = h.u32();
    let stored = h.u64();
    let computed = checksum(&bytes[HEADER_LEN..]);
    if stored != computed {
        return Err(GazetteerError::ChecksumMismatch { stored, computed });
    }
    let mut counts = [0usize; 8];
    for c in &mut counts {
        *c = h.u32() as usize;
    }
    let [n_places, n_admin1, n_countries, n_keys, n_blocks, n_postings, max_tokens, block_size] =
        counts;
    let mut sec = [(0u32, 0u32); 7];
    for s in &mut sec {
        *s = (h.u32(), h.u32());
    }
    if n_countries > usize::from(NONE_U8)
        || n_admin1 > usize::from(NONE_U16)
        || n_places >= NONE_U32 as usize
    {
        return Err(corrupt(format!(
            "counts out of range: {n_places} places, {n_admin1} admin-1, {n_countries} countries"
        )));
    }
    if block_size == 0 || n_blocks != n_keys.div_ceil(block_size) {
        return Err(corrupt(format!(
            "{n_blocks} key blocks cannot hold {n_keys} keys in blocks of {block_size}"
        )));
    }

    let strings_b = section(bytes, "strings", sec[0].0, sec[0].1, 0, 0)?;
    let places_b = section(bytes, "places", sec[1].0, sec[1].1, PLACE_LEN, n_places)?;
    let admin1_b = section(bytes, "admin-1", sec[2].0, sec[2].1, ADMIN1_LEN, n_admin1)?;
    let countries_b = section(
        bytes,
        "countries",
        sec[3].0,
        sec[3].1,
        COUNTRY_LEN,
        n_countries,
    )?;
    let blocks_b = section(bytes, "key blocks", sec[4].0, sec[4].1, BLOCK_LEN, n_blocks)?;
    let blob = section(bytes, "key blob", sec[5].0, sec[5].1, 0, 0)?;
    let postings_b = section(bytes, "postings", sec[6].0, sec[6].1, 4, n_postings)?;

    let strings = std::str::from_utf8(strings_b)
        .map_err(|e| {
            corrupt(format!(
                "strings section is not UTF-8 at byte {}",
                e.valid_up_to()
            ))
        })?
        .to_owned();

    // places
    let mut places = Vec::with_capacity(n_places);
    for (i, rec) in places_b.chunks_exact(PLACE_LEN).enumerate() {
        let mut r = Rd::new(rec);
        let geonameid = r.u32();
        let (off, len) = (r.u32(), u32::from(r.u16()));
        let name = str_ref(&strings, off, len, &|| format!("place {i} name"))?;
        let kind = match r.u8() {
            0 => PlaceKind::City,
            1 => PlaceKind::Capital,
            2 => PlaceKind::Admin1,
            3 => PlaceKind::Country,
            k => return Err(corrupt(format!("place {i} has unknown kind {k}"))),
        };
        let country = r.u8();
        if country != NONE_U8 && usize::from(country) >= n_countries {
            return Err(corrupt(format!(
                "place {i} refers to country {country} of {n_countries}"
            )));
        }
        let (lat, lon) = (r.f32(), r.f32());
        let ok = (lat.is_nan() && lon.is_nan())
            || ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        if !ok {
            return Err(corrupt(format!(
                "place {i} has coordinates out of range ({lat}, {lon})"
            )));
        }
        let population = r.u32();
        let admin1 = r.u16();
        if admin1 != NONE_U16 && usize::from(admin1) >= n_admin1 {
            return Err(corrupt(format!(
                "place {i} refers to admin-1 {admin1} of {n_admin1}"
            )));
        }
        places.push(PlaceRec {
            geonameid,
            name,
            kind,
            country,
            lat,
            lon,
            population,
            admin1,
        });
    }

    // admin-1
    let mut admin1 = Vec::with_capacity(n_admin1);
    for (i, rec) in admin1_b.chunks_exact(ADMIN1_LEN).enumerate() {
        let mut r = Rd::new(rec);
        let place = r.u32();
        if place != NONE_U32 && place as usize >= n_places {
            return Err(corrupt(format!(
                "admin-1 {i} refers to place {place} of {n_places}"
            )));
        }
        let (off, len) = (r.u32(), u32::from(r.u16()));
        let code = str_ref(&strings, off, len, &|| format!("admin-1 {i} code"))?;
        let country = r.u8();
        if usize::from(country) >= n_countries {
            return Err(corrupt(format!(
                "admin-1 {i} refers to country {country} of {n_countries}"
            )));
        }
        let _ = r.u8();
        let (off, len) = (r.u32(), u32::from(r.u16()));
        let iso = str_ref(&strings, off, len, &|| format!("admin-1 {i} ISO code"))?;
        admin1.push(Admin1Rec { place, code, iso });
    }

    // countries
    let mut countries = Vec::with_capacity(n_countries);
    let code = |b: &[u8], what: &str, i: usize| -> Result<String, GazetteerError> {
        if b.iter().all(u8::is_ascii_uppercase) {
            Ok(b.iter().map(|&c| char::from(c)).collect())
        } else {
            Err(corrupt(format!(
                "country {i} has a malformed {what} code {b:?}"
            )))
        }
    };
    for (i, rec) in countries_b.chunks_exact(COUNTRY_LEN).enumerate() {
        let mut r = Rd::new(rec);
        let place = r.u32();
        if place as usize >= n_places {
            return Err(corrupt(format!(
                "country {i} refers to place {place} of {n_places}"
            )));
        }
        let alpha2 = code(&r.take::<2>(), "alpha-2", i)?;
        let alpha3 = code(&r.take::<3>(), "alpha-3", i)?;
        let _ = r.u8();
        let numeric = r.u16();
        let capital_place = r.u32();
        if capital_place != NONE_U32 && capital_place as usize >= n_places {
            return Err(corrupt(format!(
                "country {i} capital refers to place {capital_place} of {n_places}"
            )));
        }
        let (coff, clen) = (r.u32(), u32::from(r.u16()));
        let nlen = u32::from(r.u16());
        let noff = r.u32();
        let capital_name = str_ref(&strings, coff, clen, &|| format!("country {i} capital"))?;
        let neighbours = str_ref(&strings, noff, nlen, &|| format!("country {i} neighbours"))?;
        let continent: String = r.take::<2>().iter().map(|&c| char::from(c)).collect();
        countries.push(CountryRec {
            place,
            alpha2,
            alpha3,
            numeric,
            continent,
            capital_place,
            capital_name,
            neighbours,
        });
    }

    // key blocks
    let mut blocks = Vec::with_capacity(n_blocks);
    for rec in blocks_b.chunks_exact(BLOCK_LEN) {
        let mut r = Rd::new(rec);
        blocks.push((r.u32(), r.u32()));
    }

    // postings
    let mut postings = Vec::with_capacity(n_postings);
    for (i, rec) in postings_b.chunks_exact(4).enumerate() {
        let mut r = Rd::new(rec);
        let p = r.u32();
        if p as usize >= n_places {
            return Err(corrupt(format!(
                "posting {i} refers to place {p} of {n_places}"
            )));
        }
        postings.push(PlaceId(p));
    }

    // walk every key: order, prefix lengths, UTF-8, posting counts, block boundaries
    let mut pos = 0usize;
    let mut key: Vec<u8> = Vec::with_capacity(256);
    let mut prev: Vec<u8> = Vec::new();
    let mut posting = 0usize;
    let mut longest = 0usize;
    for k in 0..n_keys {
        let bad = |what: &str| corrupt(format!("key {k} of {n_keys}: {what}"));
        if k % block_size == 0 {
            let (off, first) = blocks[k / block_size];
            if off as usize != pos || first as usize != posting {
                return Err(bad(&format!(
                    "block {} starts at blob offset {off} / posting {first}, expected {pos} / {posting}",
                    k / block_size
                )));
            }
        }
        let prefix = varint(blob, &mut pos).ok_or_else(|| bad("truncated prefix length"))? as usize;
        let suffix = varint(blob, &mut pos).ok_or_else(|| bad("truncated suffix length"))? as usize;
        if (k % block_size == 0 && prefix != 0) || prefix > prev.len() {
            return Err(bad("shared prefix longer than the previous key"));
        }
        let end = pos
            .checked_add(suffix)
            .filter(|&e| e <= blob.len())
            .ok_or_else(|| bad("suffix runs past the key blob"))?;
        key.clear();
        key.extend_from_slice(&prev[..prefix]);
        key.extend_from_slice(&blob[pos..end]);
        pos = end;
        let count = varint(blob, &mut pos).ok_or_else(|| bad("truncated posting count"))? as usize;
        if key.is_empty() || (k > 0 && key <= prev) {
            return Err(bad("keys are not strictly ascending"));
        }
        let text = std::str::from_utf8(&key).map_err(|_| bad("key is not UTF-8"))?;
        longest = longest.max(text.split(' ').count());
        posting = posting
            .checked_add(count)
            .filter(|&p| p <= n_postings && count > 0)
            .ok_or_else(|| bad("posting count out of range"))?;
        std::mem::swap(&mut prev, &mut key);
    }
    if pos != blob.len() {
        return Err(corrupt(format!(
            "{} bytes left over after the last key",
            blob.len() - pos
        )));
    }
    if posting != n_postings {
        return Err(corrupt(format!(
            "keys hold {posting} postings, header says {n_postings}"
        )));
    }
    if longest != max_tokens {
        return Err(corrupt(format!(
            "longest key has {longest} words, header says {max_tokens}"
        )));
    }

    Ok(Parsed {
        strings,
        places,
        admin1,
        countries,
        blocks,
        blob: blob.to_vec(),
        postings,
        n_keys,
        block_size,
        max_tokens,
    })
}
