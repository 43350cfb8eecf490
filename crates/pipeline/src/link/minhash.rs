//! MinHash over word 3-shingles.

/// Number of hash functions in a signature (16 LSH bands of 4 rows in the store).
pub const SIGNATURE_LEN: usize = 64;

const SHINGLE: usize = 3;

#[inline]
fn mix(mut x: u64) -> u64 {
    // SplitMix64 finaliser: cheap and well distributed.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        // FNV-1a over the lower-cased word, so case and punctuation edits do not count.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for c in word.chars().flat_map(char::to_lowercase) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        out.push(h);
    }
    out
}

/// The MinHash signature of a text: for each of [`SIGNATURE_LEN`] seeded hash functions,
/// the minimum over its word 3-shingles. Texts of fewer than three words use their words.
/// An empty text gives an empty signature (never linked).
pub fn signature(text: &str) -> Vec<u32> {
    let words = word_hashes(text);
    if words.is_empty() {
        return Vec::new();
    }
    let width = SHINGLE.min(words.len());
    let mut sig = vec![u32::MAX; SIGNATURE_LEN];
    for w in words.windows(width) {
        let shingle = w.iter().fold(0u64, |acc, &h| mix(acc ^ h));
        for (i, slot) in sig.iter_mut().enumerate() {
            let v = (mix(shingle ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig
}

#[cfg(test)]
mod tests {
    use super::*;

    fn similarity(a: &[u32], b: &[u32]) -> f32 {
        a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / SIGNATURE_LEN as f32
    }

    const STORY: &str = "Tajik border guards repelled an attempt by armed men to cross the Panj river \
        near the village of Shohon on Tuesday night, the State Committee for National Security said. \
        Two attackers were detained and a quantity of weapons and ammunition was seized. The committee \
        said the group had crossed from Afghanistan's Badakhshan province and that an investigation \
        was under way. No casualties were reported among the border troops, it added.";

    #[test]
    fn small_edits_stay_similar_and_other_stories_do_not() {
        let edited = STORY.replace("on Tuesday night", "late Tuesday").replace(
            " No casualties were reported among the border troops, it added.",
            "",
        );
        let other = "Uzbekistan and Turkmenistan signed an agreement on gas transit through the \
            Amu Darya corridor, officials in Tashkent said, promising new pipelines by 2027.";
        let (a, b, c) = (signature(STORY), signature(&edited), signature(other));
        assert_eq!(a.len(), SIGNATURE_LEN);
        assert!(similarity(&a, &b) >= 0.6, "{}", similarity(&a, &b));
        assert!(similarity(&a, &c) < 0.2, "{}", similarity(&a, &c));
        assert_eq!(similarity(&a, &signature(&STORY.to_uppercase())), 1.0);
        assert!(signature("").is_empty());
    }
}
