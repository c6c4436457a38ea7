//! Shifts and bitwise operators with Python's infinite two's-complement
//! semantics.

use super::{mag, try_zeroed, BigInt, IntError, MAX_DIGITS, TOO_MANY_DIGITS};
use alloc::vec::Vec;

/// Which bitwise operator.
#[derive(Clone, Copy)]
enum Op {
    And,
    Or,
    Xor,
}

impl Op {
    fn apply(self, a: u32, b: u32) -> u32 {
        match self {
            Op::And => a & b,
            Op::Or => a | b,
            Op::Xor => a ^ b,
        }
    }
}

/// Yields the two's-complement digits of a value, sign-extended forever.
struct Twos<'a> {
    mag: &'a [u32],
    neg: bool,
    i: usize,
    borrow: bool,
}

impl<'a> Twos<'a> {
    fn new(x: &'a BigInt) -> Twos<'a> {
        Twos {
            mag: &x.mag,
            neg: x.neg,
            i: 0,
            borrow: true,
        }
    }

    fn next_digit(&mut self) -> u32 {
        let d = self.mag.get(self.i).copied().unwrap_or(0);
        self.i += 1;
        if !self.neg {
            return d;
        }
        // -m == !(m - 1)
        let (v, b) = d.overflowing_sub(self.borrow as u32);
        self.borrow = b;
        !v
    }
}

impl BigInt {
    /// `self << n`. Fails with `Overflow` ("too many digits in integer") or
    /// `Memory` when the result cannot exist.
    pub fn shl(&self, n: u64) -> Result<BigInt, IntError> {
        if self.mag.is_empty() {
            return Ok(BigInt::zero());
        }
        let words = n / 32;
        if words >= MAX_DIGITS as u64 {
            return Err(IntError::Overflow(TOO_MANY_DIGITS));
        }
        let words = words as usize;
        let bits = (n % 32) as u32;
        let mut r = try_zeroed(words + self.mag.len() + 1)?;
        if bits == 0 {
            r[words..words + self.mag.len()].copy_from_slice(&self.mag);
        } else {
            let mut carry = 0u32;
            for (i, &x) in self.mag.iter().enumerate() {
                r[words + i] = (x << bits) | carry;
                carry = x >> (32 - bits);
            }
            r[words + self.mag.len()] = carry;
        }
        Ok(BigInt::from_parts(self.neg, r))
    }

    /// `self >> n` (arithmetic: rounds towards minus infinity).
    pub fn shr(&self, n: u64) -> BigInt {
        let mut r = mag::shr(&self.mag, n);
        if self.neg && mag::any_low_bits(&self.mag, n) {
            r = mag::add_small(&r, 1);
        }
        BigInt::from_parts(self.neg, r)
    }

    /// `self << n` for an arbitrary count; negative counts are the
    /// `ValueError` "negative shift count".
    pub fn shl_by(&self, n: &BigInt) -> Result<BigInt, IntError> {
        if n.neg {
            return Err(IntError::Value("negative shift count"));
        }
        if self.mag.is_empty() {
            return Ok(BigInt::zero());
        }
        match n.to_u64() {
            Some(n) => self.shl(n),
            None => Err(IntError::Overflow(TOO_MANY_DIGITS)),
        }
    }

    /// `self >> n` for an arbitrary count; negative counts are the
    /// `ValueError` "negative shift count".
    pub fn shr_by(&self, n: &BigInt) -> Result<BigInt, IntError> {
        if n.neg {
            return Err(IntError::Value("negative shift count"));
        }
        Ok(self.shr(n.to_u64().unwrap_or(u64::MAX)))
    }

    fn bitop(&self, other: &BigInt, op: Op) -> BigInt {
        let n = core::cmp::max(self.mag.len(), other.mag.len()) + 1;
        let mut a = Twos::new(self);
        let mut b = Twos::new(other);
        let mut r: Vec<u32> = Vec::with_capacity(n);
        for _ in 0..n {
            r.push(op.apply(a.next_digit(), b.next_digit()));
        }
        // The top digit is pure sign extension.
        let neg = r[n - 1] & 0x8000_0000 != 0;
        if neg {
            let mut carry = true;
            for x in r.iter_mut() {
                let (v, c) = (!*x).overflowing_add(carry as u32);
                *x = v;
                carry = c;
            }
        }
        BigInt::from_parts(neg, r)
    }

    /// `self & other`
    pub fn and(&self, other: &BigInt) -> BigInt {
        if !self.neg && !other.neg {
            let r = self
                .mag
                .iter()
                .zip(other.mag.iter())
                .map(|(a, b)| a & b)
                .collect();
            return BigInt::from_parts(false, r);
        }
        self.bitop(other, Op::And)
    }

    /// `self | other`
    pub fn or(&self, other: &BigInt) -> BigInt {
        self.bitop(other, Op::Or)
    }

    /// `self ^ other`
    pub fn xor(&self, other: &BigInt) -> BigInt {
        self.bitop(other, Op::Xor)
    }

    /// `~self == -self - 1`
    pub fn not(&self) -> BigInt {
        if self.neg {
            BigInt::from_parts(false, mag::sub(&self.mag, &[1]))
        } else {
            BigInt::from_parts(true, mag::add_small(&self.mag, 1))
        }
    }
}
