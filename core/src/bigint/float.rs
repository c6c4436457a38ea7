//! Conversions between integers and `f64`, true division and the numeric
//! hash of floats. Everything is done on the bit patterns so no float
//! library is needed.

use super::{mag, BigInt, IntError};

const MANT_BITS: u32 = 52;
const MANT_MASK: u64 = (1 << MANT_BITS) - 1;
/// Exponent of the least significant bit of the smallest subnormal.
const MIN_EXP: i64 = -1074;

/// Rotates the `bits`-bit value `x` left by `k < bits`: multiplication by
/// `2^k` modulo `2^bits - 1`.
pub(super) fn rotate_mod(x: u64, k: u32, bits: u32) -> u64 {
    if k == 0 {
        return x;
    }
    let mask = (1u64 << bits) - 1;
    ((x << k) & mask) | (x >> (bits - k))
}

/// Rounds `(top + f) * 2^exp` to the nearest double (ties to even), where
/// `0 <= f < 1` and `f != 0` iff `sticky`. `top != 0`. When `sticky`, `top`
/// must have at least 55 significant bits. `None` on overflow.
fn round_to_f64(top: u64, sticky: bool, exp: i64) -> Option<f64> {
    let len = 64 - top.leading_zeros() as i64;
    let ulp = core::cmp::max(len + exp - 53, MIN_EXP);
    let d = ulp - exp; // bits of `top` to drop
    let mut keep = if d <= 0 {
        top << (-d)
    } else if d > 64 {
        0
    } else {
        let (keep, rem, half) = if d == 64 {
            (0, top, 1u64 << 63)
        } else {
            (top >> d, top & ((1u64 << d) - 1), 1u64 << (d - 1))
        };
        if rem > half || (rem == half && (sticky || keep & 1 == 1)) {
            keep + 1
        } else {
            keep
        }
    };
    let mut ulp = ulp;
    if keep == 1 << 53 {
        keep = 1 << 52;
        ulp += 1;
    }
    let bits = if keep < 1 << 52 {
        // Subnormal (ulp is MIN_EXP) or zero.
        keep
    } else {
        let biased = ulp + 1075;
        if biased >= 2047 {
            return None;
        }
        ((biased as u64) << MANT_BITS) | (keep & MANT_MASK)
    };
    Some(f64::from_bits(bits))
}

fn with_sign(neg: bool, x: f64) -> f64 {
    if neg {
        -x
    } else {
        x
    }
}

/// `hash(x)` for a float, as CPython computes it with modulus
/// `2^bits - 1` (`bits` = 61 on 64-bit hosts, 31 on 32-bit ones; values
/// outside 2..=63 mean 61). Equal to `BigInt::py_hash` for integral values.
/// `inf` hashes to 314159, `-inf` to -314159. CPython hashes a NaN by the
/// object's identity; this returns 0 for NaN and the VM substitutes the
/// identity hash.
pub fn hash_f64(x: f64, bits: u32) -> i64 {
    let bits = if (2..=63).contains(&bits) { bits } else { 61 };
    let raw = x.to_bits();
    let neg = raw >> 63 != 0;
    let e = ((raw >> MANT_BITS) & 0x7ff) as i64;
    let frac = raw & MANT_MASK;
    if e == 0x7ff {
        return if frac != 0 {
            0
        } else if neg {
            -314_159
        } else {
            314_159
        };
    }
    // |x| = mant * 2^exp2
    let (mant, exp2) = if e == 0 {
        (frac, MIN_EXP)
    } else {
        (frac | (1 << MANT_BITS), e - 1075)
    };
    let p = (1u64 << bits) - 1;
    let k = exp2.rem_euclid(bits as i64) as u32;
    let h = rotate_mod(mant % p, k, bits) as i64;
    let h = if neg { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

impl BigInt {
    /// `float(self)`, correctly rounded (half to even); `Overflow` when the
    /// value rounds to a magnitude of 2^1024 or more.
    pub fn to_f64(&self) -> Result<f64, IntError> {
        const MSG: &str = "int too large to convert to float";
        let len = self.bit_length();
        if len == 0 {
            return Ok(0.0);
        }
        if len > 1024 {
            return Err(IntError::Overflow(MSG));
        }
        let (top, sticky, exp) = if len <= 64 {
            (mag::get_bits(&self.mag, 0, 64), false, 0)
        } else {
            let start = len - 64;
            (
                mag::get_bits(&self.mag, start, 64),
                mag::any_low_bits(&self.mag, start),
                start as i64,
            )
        };
        match round_to_f64(top, sticky, exp) {
            Some(f) => Ok(with_sign(self.neg, f)),
            None => Err(IntError::Overflow(MSG)),
        }
    }

    /// `int(x)` for a float: truncation towards zero; `None` for infinities
    /// and NaN (the VM raises `OverflowError`/`ValueError`).
    pub fn from_f64(x: f64) -> Option<BigInt> {
        let raw = x.to_bits();
        let neg = raw >> 63 != 0;
        let e = ((raw >> MANT_BITS) & 0x7ff) as i64;
        let frac = raw & MANT_MASK;
        if e == 0x7ff {
            return None;
        }
        if e == 0 {
            // Zero or subnormal: |x| < 1.
            return Some(BigInt::zero());
        }
        let mant = frac | (1 << MANT_BITS);
        let exp = e - 1075;
        let m = if exp >= 0 {
            mag::shl(&mag::from_u64(mant), exp as usize)
        } else if exp > -64 {
            mag::from_u64(mant >> (-exp))
        } else {
            alloc::vec::Vec::new()
        };
        Some(BigInt::from_parts(neg, m))
    }

    /// `a / b` for ints, correctly rounded as CPython does. Errors:
    /// `ZeroDivision` ("division by zero") and `Overflow`
    /// ("integer division result too large for a float").
    pub fn true_div(a: &BigInt, b: &BigInt) -> Result<f64, IntError> {
        const MSG: &str = "integer division result too large for a float";
        if b.mag.is_empty() {
            return Err(IntError::ZeroDivision);
        }
        let neg = a.neg != b.neg;
        if a.mag.is_empty() {
            return Ok(with_sign(neg, 0.0));
        }
        let la = a.bit_length();
        let lb = b.bit_length();
        if la <= 53 && lb <= 53 {
            // Both exact as doubles: IEEE division rounds correctly.
            let x = mag::get_bits(&a.mag, 0, 64) as f64;
            let y = mag::get_bits(&b.mag, 0, 64) as f64;
            return Ok(with_sign(neg, x / y));
        }
        // 2^(e-1) < |a/b| < 2^(e+1)
        let e = la as i64 - lb as i64;
        if e >= 1025 {
            return Err(IntError::Overflow(MSG));
        }
        if e < -1077 {
            return Ok(with_sign(neg, 0.0));
        }
        // Scale so that the integer quotient has 55 or 56 bits.
        let s = 55 - e;
        let (q, r) = if s >= 0 {
            mag::divrem(&mag::shl(&a.mag, s as usize), &b.mag)
        } else {
            mag::divrem(&a.mag, &mag::shl(&b.mag, (-s) as usize))
        };
        let top = mag::to_u64(&q).unwrap_or(u64::MAX);
        match round_to_f64(top, !r.is_empty(), -s) {
            Some(f) => Ok(with_sign(neg, f)),
            None => Err(IntError::Overflow(MSG)),
        }
    }
}
