//! Cross-report linking. Now: MinHash signatures for near-duplicate detection (the same
//! wire story re-published with small edits). The store compares signatures by LSH
//! banding, so finding candidates costs one index lookup per band, not a scan.

mod minhash;

pub use minhash::{signature, SIGNATURE_LEN};
