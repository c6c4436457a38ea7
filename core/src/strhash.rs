//! The hash of `str` (and of ASCII `bytes`), shared with the build script:
//! the static strings it generates (`obj::str::pool_lookup`) carry their
//! hash precomputed, so it must be the very function the interpreter uses,
//! for the word size of the target.

/// Bits of the modulus of numeric hashes for a word of `word_bits` bits
/// (61 on 64-bit, 31 on 32-bit, as CPython).
pub const fn hash_bits(word_bits: u32) -> u32 {
    if word_bits == 64 {
        61
    } else {
        31
    }
}

/// Reduce a word-sized value like an int hash: `v mod (2**bits - 1)` with
/// the sign of `v`, and -1 (the error value of C's `tp_hash`) made -2.
pub fn reduce(v: i64, bits: u32) -> i64 {
    let m: i64 = (1i64 << bits) - 1;
    let mut h = if v >= 0 {
        v % m
    } else {
        -((-(v as i128) % m as i128) as i64)
    };
    if h == -1 {
        h = -2;
    }
    h
}

/// The hash of the UTF-8 text (or bytes) `s` on a target whose words have
/// `word_bits` bits: FNV-1a, truncated to the word and reduced like an int
/// hash, so `hash(int(h)) == h` (a `__hash__` returning it round-trips).
pub fn hash_for(s: &[u8], word_bits: u32) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let v = if word_bits == 64 {
        (h >> 2) as i64
    } else {
        (h >> 2) as u32 as i32 as i64
    };
    reduce(v, hash_bits(word_bits))
}
