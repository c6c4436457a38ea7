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

/// An item of a constant tuple, for [`tuple_key`].
#[derive(Clone, Copy)]
pub enum KeyItem<'a> {
    Str(&'a str),
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
}

/// FNV-1a, 64 bits.
struct Fnv(u64);

impl Fnv {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// The lookup key of a tuple of constants in the static tuple pool
/// (`obj::tuple::static_lookup`): the build script and the loader both
/// compute it from the items.
pub fn tuple_key<'a>(items: impl Iterator<Item = KeyItem<'a>>) -> u32 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    for it in items {
        match it {
            KeyItem::Str(s) => {
                h.feed(b"s");
                h.feed(s.as_bytes());
                h.feed(&[0]);
            }
            KeyItem::None => h.feed(b"N"),
            KeyItem::True => h.feed(b"T"),
            KeyItem::False => h.feed(b"F"),
            KeyItem::Ellipsis => h.feed(b"E"),
            KeyItem::Int(v) => {
                h.feed(b"i");
                h.feed(&v.to_le_bytes());
            }
        }
    }
    (h.0 >> 32) as u32 ^ h.0 as u32
}
