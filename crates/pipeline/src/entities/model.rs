//! The entity tagger's model: a weight vector over the nine BIO tags per feature hash, the
//! keys of the documents it was trained on (so evaluation can leave them out), and a JSON
//! note of how it was made.
//!
//! File format (`data/models/ner.bin`, little-endian):
//! `SPILNER1` · u32 version (1) · u32 n + n bytes of JSON metadata · u32 n + n × u64 keys
//! of training documents · u32 n + f32 scale + n × (u32 feature hash, 9 × i16 weight ÷
//! scale) sorted by hash · u64 FNV-1a checksum of everything before it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub const N_TAGS: usize = 9;
/// Tag names by index: O, then B/I pairs per label.
pub const TAGS: [&str; N_TAGS] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
/// Entity labels by tag pair (tag 1 + 2k is B of `LABELS[k]`).
pub const LABELS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

const MAGIC: &[u8; 8] = b"SPILNER1";
const VERSION: u32 = 1;

/// Whether tag `cur` may follow tag `prev` (an I- tag only continues its own label).
#[inline]
pub fn allowed(prev: usize, cur: usize) -> bool {
    cur == 0 || cur % 2 == 1 || prev == cur || prev + 1 == cur
}

/// Feature hashes are already uniform: hash maps keyed by them need no second hash.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub type FeatureMap<V> = HashMap<u32, V, BuildHasherDefault<IdentityHasher>>;

/// FNV-1a for short string keys (names, words): several times faster than the default
/// SipHash, and the keys come from reference lists, not from an adversary.
#[derive(Clone, Copy)]
pub struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FnvHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FnvHasher>>;

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not an entity model (bad magic)")]
    Magic,
    #[error("entity model version {0} is not supported (expected {VERSION})")]
    Version(u32),
    #[error("entity model is truncated")]
    Truncated,
    #[error("entity model checksum mismatch (corrupt file)")]
    Checksum,
    #[error("entity model metadata is not UTF-8 JSON: {0}")]
    Meta(String),
}

/// A trained model.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub(crate) weights: FeatureMap<[f32; N_TAGS]>,
    pub(crate) trained_on: HashSet<u64>,
    pub(crate) meta: serde_json::Value,
}

pub(crate) fn fnv64(bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The key under which a training document is remembered: FNV-1a of its text.
pub fn doc_key(text: &str) -> u64 {
    fnv64(text.as_bytes())
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.b.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        let s = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
    fn i16(&mut self) -> Result<i16, ModelError> {
        let s = self.take(2)?;
        Ok(i16::from_le_bytes([s[0], s[1]]))
    }
}

impl Model {
    /// Adds the weights of one feature to `scores`.
    #[inline]
    pub(crate) fn add(&self, feature: u32, scores: &mut [f32; N_TAGS]) {
        if let Some(w) = self.weights.get(&feature) {
            for (s, w) in scores.iter_mut().zip(w) {
                *s += w;
            }
        }
    }

    /// Whether the model was trained on a document with this [`doc_key`].
    pub fn trained_on(&self, key: u64) -> bool {
        self.trained_on.contains(&key)
    }

    pub fn n_features(&self) -> usize {
        self.weights.len()
    }

    pub fn n_trained_docs(&self) -> usize {
        self.trained_on.len()
    }

    /// How the model was made (training files, split, epochs, scores on held-out data).
    pub fn meta(&self) -> &serde_json::Value {
        &self.meta
    }

    pub fn meta_mut(&mut self) -> &mut serde_json::Value {
        &mut self.meta
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        let meta = self.meta.to_string();
        out.extend_from_slice(&(meta.len() as u32).to_le_bytes());
        out.extend_from_slice(meta.as_bytes());
        let mut keys: Vec<u64> = self.trained_on.iter().copied().collect();
        keys.sort_unstable();
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        let mut feats: Vec<(&u32, &[f32; N_TAGS])> = self.weights.iter().collect();
        feats.sort_unstable_by_key(|(h, _)| **h);
        let max = feats
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
        out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for (h, w) in feats {
            out.extend_from_slice(&h.to_le_bytes());
            for x in w {
                out.extend_from_slice(&((x * scale).round() as i16).to_le_bytes());
            }
        }
        let sum = fnv64(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < 8 + 4 + 8 || &bytes[..8] != MAGIC {
            return Err(ModelError::Magic);
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let mut s = [0u8; 8];
        s.copy_from_slice(sum);
        if fnv64(body) != u64::from_le_bytes(s) {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader { b: body, pos: 8 };
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let n = r.u32()? as usize;
        let meta = std::str::from_utf8(r.take(n)?).map_err(|e| ModelError::Meta(e.to_string()))?;
        let meta: serde_json::Value =
            serde_json::from_str(meta).map_err(|e| ModelError::Meta(e.to_string()))?;
        let n = r.u32()? as usize;
        let mut trained_on = HashSet::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            trained_on.insert(r.u64()?);
        }
        let n = r.u32()? as usize;
        let scale = f32::from_le_bytes(r.u32()?.to_le_bytes());
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError::Meta("bad weight scale".into()));
        }
        let mut weights = FeatureMap::default();
        weights.reserve(n.min(1 << 24));
        for _ in 0..n {
            let h = r.u32()?;
            let mut w = [0f32; N_TAGS];
            for x in &mut w {
                *x = f32::from(r.i16()?) / scale;
            }
            weights.insert(h, w);
        }
        if r.pos != body.len() {
            return Err(ModelError::Truncated);
        }
        Ok(Model {
            weights,
            trained_on,
            meta,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Model {
        let mut m = Model::default();
        m.weights
            .insert(7, [0.5, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]);
        m.weights.insert(3, [0.0; N_TAGS]);
        m.trained_on.insert(42);
        m.meta = serde_json::json!({"epochs": 3});
        m
    }

    #[test]
    fn round_trips_within_quantisation() {
        let m = toy();
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.n_features(), 2);
        assert!(back.trained_on(42) && !back.trained_on(41));
        assert_eq!(back.meta()["epochs"], 3);
        let w = back.weights[&7];
        assert!(
            (w[0] - 0.5).abs() < 1e-3 && (w[8] - 2.0).abs() < 1e-3,
            "{w:?}"
        );
    }

    #[test]
    fn corrupt_and_truncated_files_are_errors() {
        let mut b = toy().to_bytes();
        assert!(matches!(
            Model::from_bytes(&b[..b.len() - 3]),
            Err(ModelError::Checksum | ModelError::Truncated)
        ));
        let mid = b.len() / 2;
        b[mid] ^= 0x55;
        assert!(matches!(Model::from_bytes(&b), Err(ModelError::Checksum)));
        assert!(matches!(Model::from_bytes(b"nope"), Err(ModelError::Magic)));
    }

    #[test]
    fn i_tags_only_continue_their_label() {
        assert!(allowed(0, 1)); // O → B-PER
        assert!(allowed(1, 2)); // B-PER → I-PER
        assert!(allowed(2, 2)); // I-PER → I-PER
        assert!(!allowed(0, 2)); // O → I-PER
        assert!(!allowed(3, 2)); // B-ORG → I-PER
        assert!(allowed(2, 0));
    }
}
