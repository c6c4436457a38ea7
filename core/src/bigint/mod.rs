//! Arbitrary-precision integers with Python semantics.
//!
//! [`BigInt`] is sign + magnitude, the magnitude a little-endian `Vec<u32>`
//! that is always normalised (no high zero digits; zero has no digits and
//! is non-negative). Every operation follows CPython: floor division and
//! modulo, infinite two's-complement bitwise operators, correctly rounded
//! conversions to `float`, CPython's numeric hash, `int(str, base)` and
//! `int.to_bytes`/`int.from_bytes`.
//!
//! Nothing here panics on any input: division by zero, overflow and
//! invalid arguments come back as [`IntError`] / [`ParseError`] values the
//! VM turns into exceptions.
//!
//! Only `core` and `alloc` are used. Multiplication is schoolbook with
//! Karatsuba above [`mag::KARATSUBA_THRESHOLD`] digits; division is Knuth's
//! Algorithm D; decimal conversion works in chunks of 10^9.

use alloc::vec::Vec;
use core::cmp::Ordering;
use core::fmt;

mod bits;
mod float;
mod mag;
#[cfg(test)]
mod tests;
mod text;

pub use float::hash_f64;

/// Errors of integer operations, each one a Python exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntError {
    /// `ZeroDivisionError`; the message depends on the operator
    /// (`/`: "division by zero", `//`/`divmod`: "integer division or modulo
    /// by zero", `%`: "integer modulo by zero"), so the VM supplies it.
    ZeroDivision,
    /// `OverflowError` with its CPython message.
    Overflow(&'static str),
    /// `ValueError` with its CPython message.
    Value(&'static str),
    /// `MemoryError`: the result would not fit in memory.
    Memory,
}

/// Why `int(str, base)` failed (both are `ValueError`s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// "int() base must be >= 2 and <= 36, or 0"
    InvalidBase,
    /// "invalid literal for int() with base {base}: {s!r}" (the VM formats
    /// it with the base argument as given and the original string).
    InvalidLiteral,
}

/// The modulus exponent of the numeric hash on this target: 61 where
/// `isize` is 64 bits wide, 31 otherwise (as in CPython).
pub const HASH_BITS: u32 = if usize::BITS >= 64 { 61 } else { 31 };

/// Largest number of digits a result may have before we report
/// "too many digits in integer" (keeps byte counts within `isize`).
const MAX_DIGITS: usize = (isize::MAX as usize) / 8;

const TOO_MANY_DIGITS: &str = "too many digits in integer";

/// An arbitrary-precision signed integer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigInt {
    /// True for negative values (never for zero).
    neg: bool,
    /// Little-endian base-2^32 digits, no high zeros.
    mag: Vec<u32>,
}

/// A vector of `n` zero digits, or `MemoryError` if that cannot be had.
fn try_zeroed(n: usize) -> Result<Vec<u32>, IntError> {
    if n > MAX_DIGITS {
        return Err(IntError::Overflow(TOO_MANY_DIGITS));
    }
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| IntError::Memory)?;
    v.resize(n, 0);
    Ok(v)
}

impl BigInt {
    // ----- construction -------------------------------------------------

    /// Builds a value from a sign and a (possibly unnormalised) magnitude.
    fn from_parts(neg: bool, mut mag: Vec<u32>) -> BigInt {
        mag::trim(&mut mag);
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag }
    }

    /// 0
    pub const fn zero() -> BigInt {
        BigInt {
            neg: false,
            mag: Vec::new(),
        }
    }

    /// 1
    pub fn one() -> BigInt {
        BigInt::from_u64(1)
    }

    pub fn from_u64(v: u64) -> BigInt {
        BigInt {
            neg: false,
            mag: mag::from_u64(v),
        }
    }

    pub fn from_i64(v: i64) -> BigInt {
        BigInt {
            neg: v < 0,
            mag: mag::from_u64(v.unsigned_abs()),
        }
    }

    pub fn from_u128(v: u128) -> BigInt {
        let mut mag = Vec::with_capacity(4);
        for i in 0..4 {
            mag.push((v >> (32 * i)) as u32);
        }
        BigInt::from_parts(false, mag)
    }

    pub fn from_i128(v: i128) -> BigInt {
        let mut r = BigInt::from_u128(v.unsigned_abs());
        r.neg = v < 0;
        r
    }

    // ----- conversion ---------------------------------------------------

    pub fn to_u64(&self) -> Option<u64> {
        if self.neg {
            return None;
        }
        mag::to_u64(&self.mag)
    }

    pub fn to_i64(&self) -> Option<i64> {
        let m = mag::to_u64(&self.mag)?;
        if self.neg {
            if m <= 1 << 63 {
                Some(0u64.wrapping_sub(m) as i64)
            } else {
                None
            }
        } else {
            i64::try_from(m).ok()
        }
    }

    pub fn to_u128(&self) -> Option<u128> {
        if self.neg || self.mag.len() > 4 {
            return None;
        }
        let mut r = 0u128;
        for (i, &d) in self.mag.iter().enumerate() {
            r |= (d as u128) << (32 * i);
        }
        Some(r)
    }

    pub fn to_i128(&self) -> Option<i128> {
        if self.mag.len() > 4 {
            return None;
        }
        let mut m = 0u128;
        for (i, &d) in self.mag.iter().enumerate() {
            m |= (d as u128) << (32 * i);
        }
        if self.neg {
            if m <= 1 << 127 {
                Some(0u128.wrapping_sub(m) as i128)
            } else {
                None
            }
        } else {
            i128::try_from(m).ok()
        }
    }

    pub fn to_usize(&self) -> Option<usize> {
        usize::try_from(self.to_u64()?).ok()
    }

    pub fn to_isize(&self) -> Option<isize> {
        isize::try_from(self.to_i64()?).ok()
    }

    // ----- properties ---------------------------------------------------

    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    pub fn is_negative(&self) -> bool {
        self.neg
    }

    /// -1, 0 or 1.
    pub fn signum(&self) -> i32 {
        if self.neg {
            -1
        } else if self.mag.is_empty() {
            0
        } else {
            1
        }
    }

    pub fn is_odd(&self) -> bool {
        self.mag.first().is_some_and(|d| d & 1 == 1)
    }

    /// Whether `|self| == 1`.
    fn is_abs_one(&self) -> bool {
        self.mag.len() == 1 && self.mag[0] == 1
    }

    /// Number of bits of `abs(self)` (Python's `int.bit_length`).
    pub fn bit_length(&self) -> u64 {
        mag::bit_length(&self.mag)
    }

    /// Number of one bits of `abs(self)` (Python's `int.bit_count`).
    pub fn bit_count(&self) -> u64 {
        self.mag.iter().map(|d| d.count_ones() as u64).sum()
    }

    /// Index of the lowest set bit (same for `self` and `-self`); `None`
    /// for zero.
    pub fn trailing_zeros(&self) -> Option<u64> {
        let i = self.mag.iter().position(|&d| d != 0)?;
        Some(i as u64 * 32 + self.mag[i].trailing_zeros() as u64)
    }

    // ----- comparison ---------------------------------------------------

    /// Compares with a machine integer without allocating.
    pub fn cmp_i64(&self, v: i64) -> Ordering {
        match self.to_i64() {
            Some(x) => x.cmp(&v),
            None if self.neg => Ordering::Less,
            None => Ordering::Greater,
        }
    }

    /// `self == v` without allocating.
    pub fn eq_i64(&self, v: i64) -> bool {
        self.to_i64() == Some(v)
    }

    // ----- arithmetic ---------------------------------------------------

    fn add_signed(&self, other: &BigInt, other_neg: bool) -> BigInt {
        if self.neg == other_neg {
            return BigInt::from_parts(self.neg, mag::add(&self.mag, &other.mag));
        }
        match mag::cmp(&self.mag, &other.mag) {
            Ordering::Equal => BigInt::zero(),
            Ordering::Greater => BigInt::from_parts(self.neg, mag::sub(&self.mag, &other.mag)),
            Ordering::Less => BigInt::from_parts(other_neg, mag::sub(&other.mag, &self.mag)),
        }
    }

    /// `self + other`
    pub fn add(&self, other: &BigInt) -> BigInt {
        self.add_signed(other, other.neg)
    }

    /// `self - other`
    pub fn sub(&self, other: &BigInt) -> BigInt {
        self.add_signed(other, !other.neg && !other.mag.is_empty())
    }

    /// `self * other`
    pub fn mul(&self, other: &BigInt) -> BigInt {
        BigInt::from_parts(self.neg != other.neg, mag::mul(&self.mag, &other.mag))
    }

    /// `-self`
    pub fn neg(&self) -> BigInt {
        BigInt::from_parts(!self.neg, self.mag.clone())
    }

    /// `abs(self)`
    pub fn abs(&self) -> BigInt {
        BigInt {
            neg: false,
            mag: self.mag.clone(),
        }
    }

    /// Truncating division `(trunc(self / other), self - q * other)`.
    fn divrem_trunc(&self, other: &BigInt) -> Result<(BigInt, BigInt), IntError> {
        if other.mag.is_empty() {
            return Err(IntError::ZeroDivision);
        }
        let (q, r) = mag::divrem(&self.mag, &other.mag);
        Ok((
            BigInt::from_parts(self.neg != other.neg, q),
            BigInt::from_parts(self.neg, r),
        ))
    }

    /// Python's `divmod(self, other)`: floor quotient and a remainder with
    /// the sign of `other`.
    pub fn divmod_floor(&self, other: &BigInt) -> Result<(BigInt, BigInt), IntError> {
        let (q, r) = self.divrem_trunc(other)?;
        if !r.mag.is_empty() && r.neg != other.neg {
            Ok((q.sub(&BigInt::one()), r.add(other)))
        } else {
            Ok((q, r))
        }
    }

    /// Python's `self // other`.
    pub fn div_floor(&self, other: &BigInt) -> Result<BigInt, IntError> {
        Ok(self.divmod_floor(other)?.0)
    }

    /// Python's `self % other`.
    pub fn mod_floor(&self, other: &BigInt) -> Result<BigInt, IntError> {
        if other.mag.is_empty() {
            return Err(IntError::ZeroDivision);
        }
        let r = BigInt::from_parts(self.neg, mag::divrem(&self.mag, &other.mag).1);
        if !r.mag.is_empty() && r.neg != other.neg {
            Ok(r.add(other))
        } else {
            Ok(r)
        }
    }

    /// `self ** exp` for `exp >= 0` (a negative exponent is the VM's
    /// float case and gives `Value`). Results too large for memory give
    /// `Memory` or `Overflow`.
    pub fn pow(&self, exp: &BigInt) -> Result<BigInt, IntError> {
        if exp.neg {
            return Err(IntError::Value("negative exponent"));
        }
        if exp.mag.is_empty() {
            return Ok(BigInt::one());
        }
        if self.mag.is_empty() {
            return Ok(BigInt::zero());
        }
        let odd = exp.is_odd();
        if self.is_abs_one() {
            return Ok(BigInt::from_parts(self.neg && odd, self.mag.clone()));
        }
        let e = match exp.to_u64() {
            Some(e) => e,
            None => return Err(IntError::Memory),
        };
        let bl = self.bit_length();
        // (bl - 1) * e < result bits <= bl * e
        let lower = (bl - 1).checked_mul(e).ok_or(IntError::Memory)?;
        let upper = bl.checked_mul(e).ok_or(IntError::Memory)?;
        if lower / 32 >= MAX_DIGITS as u64 {
            return Err(IntError::Memory);
        }
        // Make sure the result can be allocated before spending the time.
        let words = usize::try_from(upper / 32 + 2).map_err(|_| IntError::Memory)?;
        Vec::<u32>::new()
            .try_reserve_exact(words)
            .map_err(|_| IntError::Memory)?;
        let neg = self.neg && odd;
        if self.bit_count() == 1 {
            // (±2^k)^e = ±2^(k*e)
            let k = bl - 1;
            let r = BigInt::one().shl(k * e)?;
            return Ok(BigInt::from_parts(neg, r.mag));
        }
        let base = self.abs();
        let mut result = base.clone();
        let top = 63 - e.leading_zeros();
        for i in (0..top).rev() {
            result = result.mul(&result);
            if (e >> i) & 1 == 1 {
                result = result.mul(&base);
            }
        }
        Ok(BigInt::from_parts(neg, result.mag))
    }

    /// `pow(self, exp, modulus)`. A negative exponent uses the modular
    /// inverse of `self`; the result has the sign of `modulus` (as in
    /// CPython).
    pub fn pow_mod(&self, exp: &BigInt, modulus: &BigInt) -> Result<BigInt, IntError> {
        if modulus.mag.is_empty() {
            return Err(IntError::Value("pow() 3rd argument cannot be 0"));
        }
        let m = modulus.abs();
        if m.is_abs_one() {
            return Ok(BigInt::zero());
        }
        let mut base = self.mod_floor(&m)?;
        if exp.neg {
            base = base.mod_inverse(&m).ok_or(IntError::Value(
                "base is not invertible for the given modulus",
            ))?;
        }
        let mut result = BigInt::one();
        let nbits = exp.bit_length();
        for i in (0..nbits).rev() {
            result = result.mul(&result).mod_floor(&m)?;
            if exp.bit(i) {
                result = result.mul(&base).mod_floor(&m)?;
            }
        }
        if modulus.neg && !result.mag.is_empty() {
            result = result.sub(&m);
        }
        Ok(result)
    }

    /// Bit `i` of `abs(self)`.
    fn bit(&self, i: u64) -> bool {
        let w = (i / 32) as usize;
        self.mag.get(w).is_some_and(|d| (d >> (i % 32)) & 1 == 1)
    }

    /// Inverse of `self` modulo `m`, for `0 <= self < m`, `m > 1`.
    fn mod_inverse(&self, m: &BigInt) -> Option<BigInt> {
        let (mut r0, mut r1) = (m.clone(), self.clone());
        let (mut s0, mut s1) = (BigInt::zero(), BigInt::one());
        while !r1.mag.is_empty() {
            let (q, r) = r0.divrem_trunc(&r1).ok()?;
            r0 = core::mem::replace(&mut r1, r);
            let s = s0.sub(&q.mul(&s1));
            s0 = core::mem::replace(&mut s1, s);
        }
        if !r0.is_abs_one() {
            return None;
        }
        s0.mod_floor(m).ok()
    }

    /// Greatest common divisor (always `>= 0`). Lehmer's algorithm with
    /// 60-bit leading parts (Cohen, "A Course in Computational Algebraic
    /// Number Theory", 1.3.7).
    pub fn gcd(&self, other: &BigInt) -> BigInt {
        let (mut a, mut b) = (self.abs(), other.abs());
        if a < b {
            core::mem::swap(&mut a, &mut b);
        }
        loop {
            if b.mag.is_empty() {
                return a;
            }
            if let Some(mut x) = mag::to_u64(&a.mag) {
                let mut y = mag::to_u64(&b.mag).unwrap_or(0);
                while y != 0 {
                    let t = x % y;
                    x = y;
                    y = t;
                }
                return BigInt::from_u64(x);
            }
            // a has more than 64 bits: simulate Euclid on the top 60.
            let shift = a.bit_length() - 60;
            let mut x = mag::get_bits(&a.mag, shift, 60) as i64;
            let mut y = mag::get_bits(&b.mag, shift, 60) as i64;
            let (mut ca, mut cb, mut cc, mut cd) = (1i64, 0i64, 0i64, 1i64);
            while y + cc != 0 && y + cd != 0 {
                let q = (x + ca) / (y + cc);
                if q != (x + cb) / (y + cd) {
                    break;
                }
                (ca, cc) = (cc, ca - q * cc);
                (cb, cd) = (cd, cb - q * cd);
                (x, y) = (y, x - q * y);
            }
            if cb == 0 {
                let r = BigInt::from_parts(false, mag::divrem(&a.mag, &b.mag).1);
                a = core::mem::replace(&mut b, r);
            } else {
                let lin = |p: i64, q: i64| {
                    BigInt::from_i64(p)
                        .mul(&a)
                        .add(&BigInt::from_i64(q).mul(&b))
                        .abs()
                };
                let (na, nb) = (lin(ca, cb), lin(cc, cd));
                a = na;
                b = nb;
                if a < b {
                    core::mem::swap(&mut a, &mut b);
                }
            }
        }
    }

    /// Python's `math.isqrt(self)` (CPython's precision-doubling
    /// algorithm: about the cost of one full division).
    pub fn isqrt(&self) -> Result<BigInt, IntError> {
        if self.neg {
            return Err(IntError::Value("isqrt() argument must be nonnegative"));
        }
        let bl = self.bit_length();
        if bl <= 64 {
            return Ok(BigInt::from_u64(isqrt_u64(mag::get_bits(&self.mag, 0, 64))));
        }
        let c = (bl - 1) / 2;
        let mut a = BigInt::one();
        let mut d = 0u64;
        for s in (0..64 - c.leading_zeros()).rev() {
            let e = d;
            d = c >> s;
            let t = self.shr(2 * c - e - d + 1).div_floor(&a)?;
            a = a.shl(d - e - 1)?.add(&t);
        }
        if a.mul(&a) > *self {
            a = a.sub(&BigInt::one());
        }
        Ok(a)
    }

    // ----- hashing ------------------------------------------------------

    /// CPython's hash of an int with modulus `P = 2^bits - 1` (`bits` is 61
    /// on 64-bit hosts, 31 on 32-bit ones; values outside 2..=63 mean 61).
    /// The result fits in an `isize` of the matching width.
    pub fn py_hash(&self, bits: u32) -> i64 {
        let bits = if (2..=63).contains(&bits) { bits } else { 61 };
        let p = (1u64 << bits) - 1;
        let k = 32 % bits;
        let mut h = 0u64;
        for &d in self.mag.iter().rev() {
            h = (float::rotate_mod(h, k, bits) + d as u64) % p;
        }
        let h = h as i64;
        let h = if self.neg { -h } else { h };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// CPython's `hash(int)` for this target (see [`HASH_BITS`]).
    pub fn hash_mod(&self) -> isize {
        self.py_hash(HASH_BITS) as isize
    }

    // ----- bytes --------------------------------------------------------

    /// `int.to_bytes(length, "big" if big_endian else "little", signed=signed)`.
    pub fn to_bytes(
        &self,
        length: usize,
        big_endian: bool,
        signed: bool,
    ) -> Result<Vec<u8>, IntError> {
        if self.neg && !signed {
            return Err(IntError::Overflow("can't convert negative int to unsigned"));
        }
        // Bits needed in two's complement (sign bit included when signed).
        let needed = if self.neg {
            // -x fits in n bits iff x - 1 fits in n - 1 bits. As in
            // CPython, -1 fits even in zero bytes.
            let b = self.bit_length();
            let pow2 = self.bit_count() == 1;
            let b = if pow2 { b - 1 } else { b };
            if b == 0 {
                0
            } else {
                b + 1
            }
        } else if self.mag.is_empty() {
            0
        } else {
            self.bit_length() + signed as u64
        };
        if needed > (length as u64).saturating_mul(8) {
            return Err(IntError::Overflow("int too big to convert"));
        }
        let mut out = Vec::new();
        out.try_reserve_exact(length)
            .map_err(|_| IntError::Memory)?;
        for &d in &self.mag {
            for k in 0..4 {
                if out.len() < length {
                    out.push((d >> (8 * k)) as u8);
                }
            }
        }
        out.resize(length, 0);
        if self.neg {
            let mut carry = true;
            for b in out.iter_mut() {
                let (v, c) = (!*b).overflowing_add(carry as u8);
                *b = v;
                carry = c;
            }
        }
        if big_endian {
            out.reverse();
        }
        Ok(out)
    }

    /// `int.from_bytes(bytes, "big" if big_endian else "little", signed=signed)`.
    pub fn from_bytes(bytes: &[u8], big_endian: bool, signed: bool) -> BigInt {
        let mut le: Vec<u8> = bytes.to_vec();
        if big_endian {
            le.reverse();
        }
        let neg = signed && le.last().is_some_and(|&b| b & 0x80 != 0);
        if neg {
            let mut carry = true;
            for b in le.iter_mut() {
                let (v, c) = (!*b).overflowing_add(carry as u8);
                *b = v;
                carry = c;
            }
        }
        let mut mag = Vec::with_capacity(le.len() / 4 + 1);
        for chunk in le.chunks(4) {
            let mut d = 0u32;
            for (k, &b) in chunk.iter().enumerate() {
                d |= (b as u32) << (8 * k);
            }
            mag.push(d);
        }
        BigInt::from_parts(neg, mag)
    }
}

/// Floor of the square root of a `u64`.
fn isqrt_u64(n: u64) -> u64 {
    let mut op = n;
    let mut res = 0u64;
    let mut one = 1u64 << 62;
    while one > op {
        one >>= 2;
    }
    while one != 0 {
        if op >= res + one {
            op -= res + one;
            res = (res >> 1) + one;
        } else {
            res >>= 1;
        }
        one >>= 2;
    }
    res
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, other: &BigInt) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BigInt {
    fn cmp(&self, other: &BigInt) -> Ordering {
        match (self.neg, other.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => mag::cmp(&self.mag, &other.mag),
            (true, true) => mag::cmp(&other.mag, &self.mag),
        }
    }
}

impl From<i64> for BigInt {
    fn from(v: i64) -> BigInt {
        BigInt::from_i64(v)
    }
}

impl From<u64> for BigInt {
    fn from(v: u64) -> BigInt {
        BigInt::from_u64(v)
    }
}

impl From<i32> for BigInt {
    fn from(v: i32) -> BigInt {
        BigInt::from_i64(v as i64)
    }
}

impl From<u32> for BigInt {
    fn from(v: u32) -> BigInt {
        BigInt::from_u64(v as u64)
    }
}

impl From<isize> for BigInt {
    fn from(v: isize) -> BigInt {
        BigInt::from_i64(v as i64)
    }
}

impl From<usize> for BigInt {
    fn from(v: usize) -> BigInt {
        BigInt::from_u64(v as u64)
    }
}

impl From<i128> for BigInt {
    fn from(v: i128) -> BigInt {
        BigInt::from_i128(v)
    }
}

impl From<u128> for BigInt {
    fn from(v: u128) -> BigInt {
        BigInt::from_u128(v)
    }
}

impl fmt::Display for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_str_radix(10, false))
    }
}

impl BigInt {
    /// A value from a sign and little-endian base-2^32 digits (any trailing
    /// zero digits are dropped).
    pub fn from_slice(neg: bool, mag: &[u32]) -> BigInt {
        BigInt::from_parts(neg, mag.to_vec())
    }
    /// Sign and normalised little-endian base-2^32 digits.
    pub fn parts(&self) -> (bool, &[u32]) {
        (self.neg, &self.mag)
    }
}
