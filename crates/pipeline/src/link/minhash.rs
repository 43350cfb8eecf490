//! MinHash over word 3-shingles.

/// Number of hash functions in a signature (16 LSH bands of 4 rows in the store).
pub const SIGNATURE_LEN: usize = 64;

const SHINGLE: usize = 3;

/// The (a, b) pairs of the hash functions: fixed, so signatures are stable across runs
/// and versions (they are stored).
const PARAMS: [(u64, u64); SIGNATURE_LEN] = {
    let mut out = [(0u64, 0u64); SIGNATURE_LEN];
    let mut state: u64 = 0x5eed_0f5b_1110_e4a1;
    let mut i = 0;
    while i < SIGNATURE_LEN {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let a = splitmix(state) | 1;
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let b = splitmix(state);
        out[i] = (a, b);
        i += 1;
    }
    out
};

const fn splitmix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// SplitMix64 finaliser: cheap and well distributed.
#[inline]
fn mix(x: u64) -> u64 {
    splitmix(x)
}

fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        // FNV-1a over the lower-cased word, so case and punctuation edits do not count.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |b: u8| {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        };
        if word.is_ascii() {
            word.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
        } else {
            let mut buf = [0u8; 4];
            for c in word.chars().flat_map(char::to_lowercase) {
                c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
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
    let mut sig = vec![u32::MAX; SIGNATURE_LEN];
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512dq") {
            // SAFETY: the CPU has the features the function is compiled for.
            unsafe { minimums_avx512(&words, &mut sig) };
            return sig;
        }
    }
    minimums(&words, &mut sig);
    sig
}

/// For each hash function, the minimum over the word shingles (into `sig`).
#[inline(always)]
fn minimums(words: &[u64], sig: &mut [u32]) {
    let width = SHINGLE.min(words.len());
    for w in words.windows(width) {
        let shingle = w.iter().fold(0u64, |acc, &h| mix(acc ^ h));
        // Multiply-shift hashing: function i is (a_i * x + b_i) >> 32 with fixed odd a_i,
        // a universal family that costs one multiply-add per function.
        for (slot, (a, b)) in sig.iter_mut().zip(PARAMS.iter()) {
            let v = (shingle.wrapping_mul(*a).wrapping_add(*b) >> 32) as u32;
            *slot = (*slot).min(v);
        }
    }
}

/// [`minimums`] compiled for CPUs with 64-bit vector multiplies (AVX-512 DQ), where the
/// 64 functions of a shingle vectorise: the same arithmetic, so the same signature.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
unsafe fn minimums_avx512(words: &[u64], sig: &mut [u32]) {
    minimums(words, sig);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first four values of the signature of [`STORY`] as this version stores them.
    const PINNED: [u32; 4] = [58_670_714, 8_713_902, 13_792_873, 41_115_382];

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

    #[test]
    fn every_code_path_gives_the_same_signature() {
        let words = word_hashes(STORY);
        let mut portable = vec![u32::MAX; SIGNATURE_LEN];
        minimums(&words, &mut portable);
        assert_eq!(signature(STORY), portable);
        // a fixed value: stored signatures must not change between releases
        assert_eq!(&portable[..4], &PINNED[..]);
    }
}
