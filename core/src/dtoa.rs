//! Decimal digits of doubles and back, exactly, with a small big-number
//! type: the one float formatter and parser of the crate (`text::floatfmt`,
//! the lexer, `repr` in the compiler's unparser). `core::fmt`'s float code
//! and `str::parse::<f64>` are not used, which keeps their tables (about
//! 12 KB) and code out of firmware images.
//!
//! - [`shortest`]: the shortest digits that read back as the same double,
//!   the closest to its exact value when several are as short, exact ties
//!   to the even digit (David Gay's dtoa mode 0, as CPython's `repr`):
//!   Steele & White / Burger & Dybvig's free-format algorithm.
//! - [`significant`] and [`fixed`]: `n` significant digits or `n` places
//!   after the point, of the exact binary value, rounded half to even
//!   (dtoa modes 2 and 3).
//! - [`parse`] / [`from_digits`]: a decimal string to the nearest double
//!   (ties to even): an approximation in floating point, then corrected one
//!   unit in the last place at a time by comparing the exact decimal value
//!   with the midpoints between neighbouring doubles.
//!
//! Depends on nothing else in the crate (`core/build.rs` includes it with
//! the compiler).

use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// Natural number, little-endian 32-bit limbs, no high zero limbs.
#[derive(Clone, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn from_u128(mut v: u128) -> Big {
        // Room for the formatting of any double without reallocation.
        let mut d = Vec::with_capacity(40);
        while v != 0 {
            d.push(v as u32);
            v >>= 32;
        }
        Big(d)
    }
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for x in self.0.iter_mut() {
            let t = (*x as u64) * (m as u64) + carry;
            *x = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }
    fn add_small(&mut self, a: u32) {
        let mut carry = a as u64;
        for x in self.0.iter_mut() {
            if carry == 0 {
                return;
            }
            let t = *x as u64 + carry;
            *x = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }
    fn mul_pow10(&mut self, mut n: u32) {
        while n >= 9 {
            self.mul_small(1_000_000_000);
            n -= 9;
        }
        if n > 0 {
            self.mul_small(10u32.pow(n));
        }
    }
    fn shl(&mut self, n: u32) {
        if self.0.is_empty() {
            return;
        }
        let limbs = (n / 32) as usize;
        let bits = n % 32;
        if bits != 0 {
            let mut carry = 0u32;
            for x in self.0.iter_mut() {
                let t = *x;
                *x = (t << bits) | carry;
                carry = t >> (32 - bits);
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 {
            let n = self.0.len();
            self.0.resize(n + limbs, 0);
            self.0.copy_within(0..n, limbs);
            self.0[..limbs].fill(0);
        }
    }
    /// `self -= o`; requires `self >= o`.
    fn sub(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for (i, x) in self.0.iter_mut().enumerate() {
            let t = *x as i64 - o.0.get(i).copied().unwrap_or(0) as i64 - borrow;
            *x = t as u32;
            borrow = (t < 0) as i64;
        }
        self.trim();
    }
    fn cmp(&self, o: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
    /// `self + o` compared with `s` (without allocating).
    fn sum_cmp(&self, o: &Big, s: &Big) -> Ordering {
        // s - self - o, limb by limb.
        let n = self.0.len().max(o.0.len()).max(s.0.len());
        let mut borrow = 0i64;
        let mut nonzero = false;
        for i in 0..n {
            let limb = |b: &Big| b.0.get(i).copied().unwrap_or(0) as i64;
            let t = limb(s) - limb(self) - limb(o) - borrow;
            nonzero |= t.rem_euclid(1 << 32) != 0;
            borrow = -t.div_euclid(1 << 32);
        }
        if borrow > 0 {
            Ordering::Greater
        } else if nonzero {
            Ordering::Less
        } else {
            Ordering::Equal
        }
    }
    /// `q = self / s` for a quotient below 10; `self` becomes the remainder.
    fn div_digit(&mut self, s: &Big) -> u8 {
        let mut d = 0;
        while self.cmp(s) != Ordering::Less {
            self.sub(s);
            d += 1;
        }
        d
    }
}

/// `x = f * 2**e` for a finite non-negative double.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits() & !(1u64 << 63);
    let frac = bits & ((1u64 << 52) - 1);
    let bexp = (bits >> 52) as i32;
    if bexp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), bexp - 1075)
    }
}

/// A lower estimate (by at most one) of `k` with `10**(k-1) <= x < 10**k`
/// for `x` in `[2**p, 2**(p+1))`.
fn estimate_k(p: i32) -> i32 {
    // floor(p * log10(2)) + 1, with log10(2) ~ 78913 / 2**18.
    (((p as i64) * 78913) >> 18) as i32 + 1
}

/// `r / s = x` exactly and `k` with `10**(k-1) <= x < 10**k` (`x > 0`):
/// afterwards `r / s = x / 10**k`, in `[0.1, 1)`.
fn scaled(x: f64) -> (Big, Big, i32) {
    let (f, e) = decompose(x);
    let mut r = Big::from_u128(f as u128);
    let mut s = Big::from_u128(1);
    if e >= 0 {
        r.shl(e as u32);
    } else {
        s.shl((-e) as u32);
    }
    let p = e + 63 - f.leading_zeros() as i32;
    let mut k = estimate_k(p) - 1;
    if k >= 0 {
        s.mul_pow10(k as u32);
    } else {
        r.mul_pow10((-k) as u32);
    }
    // k is at most the right one: raise it until r/s < 1 (then r/s >= 0.1,
    // as it was >= 1 one step before).
    while r.cmp(&s) != Ordering::Less {
        s.mul_small(10);
        k += 1;
    }
    (r, s, k)
}

/// Add one unit in the last place of the ASCII digits; `true` when the
/// carry ran out of the first digit (the digits became `1000...`).
fn round_up(d: &mut Vec<u8>) -> bool {
    for b in d.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return false;
        }
    }
    d.insert(0, b'1');
    d.pop();
    true
}

/// Generate `n` digits of `r / s` (in `[0.1, 1)` times `10**k`), rounded
/// half to even on the remainder. Returns the digits and `decpt`.
fn generate(mut r: Big, s: &Big, k: i32, n: i64) -> (Vec<u8>, i64) {
    let mut k = k as i64;
    if n < 0 {
        return (vec![b'0'], 1);
    }
    let mut d = Vec::with_capacity(n as usize + 1);
    for _ in 0..n {
        r.mul_small(10);
        d.push(b'0' + r.div_digit(s));
    }
    let up = match r.sum_cmp(&r, s) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => d.last().is_some_and(|&b| (b - b'0') % 2 == 1),
    };
    if up {
        if d.is_empty() {
            return (vec![b'1'], k + 1);
        }
        if round_up(&mut d) {
            k += 1;
        }
    }
    if d.is_empty() {
        return (vec![b'0'], 1);
    }
    (d, k)
}

/// `n >= 1` significant digits of `x > 0` (finite), correctly rounded:
/// `(digits, decpt)` with the value `0.d1d2... * 10**decpt`.
pub fn significant(x: f64, n: usize) -> (Vec<u8>, i64) {
    let (r, s, k) = scaled(x);
    generate(r, &s, k, n.max(1) as i64)
}

/// The digits of `x > 0` (finite) rounded to `n` places after the point:
/// `(digits, decpt)`; a result that rounds to zero is `("0", 1)`.
pub fn fixed(x: f64, n: usize) -> (Vec<u8>, i64) {
    let (r, s, k) = scaled(x);
    generate(r, &s, k, k as i64 + n as i64)
}

/// The shortest digits of `x > 0` (finite) that read back as `x`:
/// `(digits, decpt)`.
pub fn shortest(x: f64) -> (Vec<u8>, i64) {
    let (f, e) = decompose(x);
    let even = f % 2 == 0;
    // The lower neighbour is closer at a power of two (not subnormal).
    let closer = f == 1u64 << 52 && e > -1074;
    let (mut r, mut s, mut mp, mut mm);
    if e >= 0 {
        let mut be = Big::from_u128(1);
        be.shl(e as u32);
        r = Big::from_u128(f as u128);
        r.shl(e as u32);
        if closer {
            r.shl(2);
            s = Big::from_u128(4);
            mp = be.clone();
            mp.shl(1);
            mm = be;
        } else {
            r.shl(1);
            s = Big::from_u128(2);
            mp = be.clone();
            mm = be;
        }
    } else {
        s = Big::from_u128(1);
        if closer {
            r = Big::from_u128(f as u128 * 4);
            s.shl((2 - e) as u32);
            mp = Big::from_u128(2);
        } else {
            r = Big::from_u128(f as u128 * 2);
            s.shl((1 - e) as u32);
            mp = Big::from_u128(1);
        }
        mm = Big::from_u128(1);
    }
    let p = e + 63 - f.leading_zeros() as i32;
    let mut k = estimate_k(p) - 1;
    if k >= 0 {
        s.mul_pow10(k as u32);
    } else {
        let n = (-k) as u32;
        r.mul_pow10(n);
        mp.mul_pow10(n);
        mm.mul_pow10(n);
    }
    let high = |r: &Big, mp: &Big, s: &Big| match r.sum_cmp(mp, s) {
        Ordering::Greater => true,
        Ordering::Equal => even,
        Ordering::Less => false,
    };
    // k: the smallest with (r + m+) / s below 1 (or at most 1 when even).
    while high(&r, &mp, &s) {
        s.mul_small(10);
        k += 1;
    }
    let mut d = Vec::with_capacity(17);
    let mut kk = k as i64;
    loop {
        r.mul_small(10);
        mp.mul_small(10);
        mm.mul_small(10);
        let q = r.div_digit(&s);
        let low = match r.cmp(&mm) {
            Ordering::Less => true,
            Ordering::Equal => even,
            Ordering::Greater => false,
        };
        let hi = high(&r, &mp, &s);
        if !low && !hi && d.len() < 800 {
            d.push(b'0' + q);
            continue;
        }
        let up = if low && hi {
            match r.sum_cmp(&r, &s) {
                Ordering::Less => false,
                Ordering::Greater => true,
                Ordering::Equal => q % 2 == 1,
            }
        } else {
            hi
        };
        d.push(b'0' + q);
        if up && round_up(&mut d) {
            kk += 1;
        }
        break;
    }
    while d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
    }
    (d, kk)
}

// ------------------------------------------------------------------ parsing

/// Most significant digits kept exactly: a double's halfway points have at
/// most 767 significant digits, so digits beyond these only matter as
/// "something non-zero follows" (a sticky digit).
const MAX_DIGITS: usize = 800;

/// `f * 2**e` of `x` for the midpoint arithmetic; `None` is `2**1024`.
fn parts(x: Option<f64>) -> (u64, i32) {
    match x {
        Some(v) => decompose(v),
        None => (1u64 << 52, 972),
    }
}

/// Compare `D * 10**exp10` with the midpoint of `a < b`.
fn cmp_mid(d: &Big, exp10: i64, a: f64, b: Option<f64>) -> Ordering {
    let (fa, ea) = parts(Some(a));
    let (fb, eb) = parts(b);
    let q = ea.min(eb);
    // a + b = m * 2**q; the midpoint is m * 2**(q - 1).
    let m = ((fa as u128) << (ea - q)) + ((fb as u128) << (eb - q));
    let mut lhs = d.clone();
    let mut rhs = Big::from_u128(m);
    if exp10 >= 0 {
        lhs.mul_pow10(exp10 as u32);
    } else {
        rhs.mul_pow10((-exp10) as u32);
    }
    let t = q - 1;
    if t >= 0 {
        rhs.shl(t as u32);
    } else {
        lhs.shl((-t) as u32);
    }
    lhs.cmp(&rhs)
}

fn pow10_f64(n: u32) -> f64 {
    let mut r = 1.0f64;
    let mut b = 10.0f64;
    let mut n = n;
    while n > 0 {
        if n & 1 == 1 {
            r *= b;
        }
        b *= b;
        n >>= 1;
    }
    r
}

/// The double nearest to `0.d1d2... * 10**decpt` (ASCII digits; no sign).
pub fn from_digits(neg: bool, digits: &[u8], decpt: i64) -> f64 {
    let lead = digits.iter().take_while(|&&b| b == b'0').count();
    let mut digits = &digits[lead..];
    let decpt = decpt.saturating_sub(lead as i64);
    while let Some((&b'0', rest)) = digits.split_last() {
        digits = rest;
    }
    let sign = if neg { -1.0 } else { 1.0 };
    if digits.is_empty() {
        return sign * 0.0;
    }
    if decpt > 310 {
        return sign * f64::INFINITY;
    }
    if decpt < -330 {
        return sign * 0.0;
    }
    // Exact operands, one rounding (Clinger's fast path): up to 15 digits
    // and a power of ten up to 10**22 are exact doubles.
    let short = digits.len() as i64;
    if short <= 15 && (-22..=22).contains(&(decpt - short)) {
        let mut v = 0u64;
        for &b in digits {
            v = v * 10 + (b - b'0') as u64;
        }
        let e = decpt - short;
        let p = pow10_f64(e.unsigned_abs() as u32);
        return sign * if e >= 0 { v as f64 * p } else { v as f64 / p };
    }
    // D * 10**exp10 with at most MAX_DIGITS + 1 digits in D.
    let mut kept = digits;
    let mut sticky = false;
    if kept.len() > MAX_DIGITS {
        sticky = true;
        kept = &digits[..MAX_DIGITS];
    }
    let mut big = Big(Vec::new());
    let mut approx: u64 = 0;
    let mut napprox = 0i64;
    for &b in kept {
        big.mul_small(10);
        big.add_small((b - b'0') as u32);
        if napprox < 19 {
            approx = approx * 10 + (b - b'0') as u64;
            napprox += 1;
        }
    }
    let mut ndig = kept.len() as i64;
    if sticky {
        big.mul_small(10);
        big.add_small(1);
        ndig += 1;
    }
    let exp10 = decpt - ndig;
    // Approximation: the first 19 digits, scaled in floating point.
    let e = decpt - napprox;
    let mut z = approx as f64;
    if e >= 0 {
        let e = e as u32;
        if e > 300 {
            z = z * pow10_f64(e - 300) * 1e300;
        } else {
            z *= pow10_f64(e);
        }
    } else {
        let e = (-e) as u32;
        if e > 300 {
            z = z / pow10_f64(e - 300) / 1e300;
        } else {
            z /= pow10_f64(e);
        }
    }
    if z.is_infinite() {
        z = f64::MAX;
    }
    if z == 0.0 {
        z = f64::from_bits(1);
    }
    loop {
        let up = if z == f64::MAX {
            None
        } else {
            Some(f64::from_bits(z.to_bits() + 1))
        };
        let odd = z.to_bits() & 1 == 1;
        match cmp_mid(&big, exp10, z, up) {
            Ordering::Greater => match up {
                Some(u) => {
                    z = u;
                    continue;
                }
                None => return sign * f64::INFINITY,
            },
            Ordering::Equal if odd => match up {
                Some(u) => return sign * u,
                None => return sign * f64::INFINITY,
            },
            _ => {}
        }
        let down = f64::from_bits(z.to_bits() - 1);
        match cmp_mid(&big, exp10, down, Some(z)) {
            Ordering::Less => {
                if down == 0.0 {
                    return sign * 0.0;
                }
                z = down;
            }
            Ordering::Equal if odd => return sign * down,
            _ => return sign * z,
        }
    }
}

/// A decimal number: `[+-] digits [. digits] [(e|E) [+-] digits]` with at
/// least one mantissa digit (`.5` and `5.` are fine), to the nearest double.
/// `None` for anything else (no spaces, underscores, `inf` or `nan`).
pub fn parse(s: &[u8]) -> Option<f64> {
    let mut i = 0;
    let neg = match s.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let mut digits = Vec::with_capacity(s.len());
    let mut int_digits = 0i64;
    while let Some(&b) = s.get(i).filter(|b| b.is_ascii_digit()) {
        digits.push(b);
        int_digits += 1;
        i += 1;
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&b) = s.get(i).filter(|b| b.is_ascii_digit()) {
            digits.push(b);
            i += 1;
        }
    }
    if digits.is_empty() {
        return None;
    }
    let mut exp = 0i64;
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        let eneg = match s.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let e0 = i;
        while let Some(&b) = s.get(i).filter(|b| b.is_ascii_digit()) {
            exp = (exp * 10 + (b - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == e0 {
            return None;
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != s.len() {
        return None;
    }
    Some(from_digits(neg, &digits, int_digits.saturating_add(exp)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::String;

    fn rng(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    fn digits_of_fmt(s: &str) -> (Vec<u8>, i64) {
        // "d.ddde-7" from core::fmt.
        let (m, e) = s.split_once('e').unwrap();
        let e: i64 = e.parse().unwrap();
        let mut d: Vec<u8> = m.bytes().filter(u8::is_ascii_digit).collect();
        while d.len() > 1 && d.last() == Some(&b'0') {
            d.pop();
        }
        (d, e + 1)
    }

    fn values() -> Vec<f64> {
        let mut v = alloc::vec![
            5e-324,
            1e-323,
            2.2250738585072014e-308,
            2.2250738585072009e-308,
            f64::MAX,
            1.0,
            0.1,
            0.3,
            1e23,
            9007199254740993.0,
            876989937188173.25,
            123456789.0,
            1e22,
            5e-310,
            0.5,
            2.5,
            1.5e300,
        ];
        let mut seed = 0x1234_5678_9abc_def1u64;
        for _ in 0..8000 {
            let b = rng(&mut seed) & !(1u64 << 63);
            let x = f64::from_bits(b);
            if x.is_finite() && x > 0.0 {
                v.push(x);
            }
            let y = (rng(&mut seed) % 1_000_000) as f64 / 1000.0;
            if y > 0.0 {
                v.push(y);
            }
        }
        v
    }

    #[test]
    fn shortest_matches_core_fmt_and_round_trips() {
        for x in values() {
            let (d, k) = shortest(x);
            let s = format!("{:e}", x);
            let (fd, fk) = digits_of_fmt(&s);
            // Same length; ties may differ in the last digit (core::fmt
            // breaks them upwards).
            assert_eq!(d.len(), fd.len(), "{x:e}");
            assert_eq!(from_digits(false, &d, k), x, "{x:e}");
            if d != fd || k != fk {
                let (z, zk) = significant(x, d.len());
                assert_eq!((z, zk), (d.clone(), k), "{x:e}");
            }
        }
    }

    #[test]
    fn exact_modes_match_core_fmt() {
        for (i, x) in values().into_iter().enumerate() {
            let n = 1 + i % 25;
            let (d, k) = significant(x, n);
            let s = format!("{:.*e}", n - 1, x);
            let (mut fd, fk) = digits_of_fmt(&s);
            let mut d2 = d.clone();
            while d2.len() > 1 && d2.last() == Some(&b'0') {
                d2.pop();
            }
            while fd.len() > 1 && fd.last() == Some(&b'0') {
                fd.pop();
            }
            assert_eq!((d2, k), (fd, fk), "{x:e} {n}");
            if x < 1e30 && x > 1e-30 {
                let places = i % 20;
                let (d, k) = fixed(x, places);
                let s = format!("{:.*}", places, x);
                let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
                let ip = s.find('.').unwrap_or(s.len()) as i64;
                let want = from_digits(false, &digits, ip);
                assert_eq!(from_digits(false, &d, k), want, "{x:e} {places}");
            }
        }
    }

    #[test]
    fn parse_matches_core() {
        let mut seed = 0x0fed_cba9_8765_4321u64;
        for x in values() {
            for s in [format!("{:e}", x), format!("{:.20e}", x), format!("{}", x)] {
                assert_eq!(parse(s.as_bytes()), s.parse::<f64>().ok(), "{s}");
            }
        }
        for _ in 0..5000 {
            let n = 1 + rng(&mut seed) % 40;
            let mut s = String::new();
            for _ in 0..n {
                s.push((b'0' + (rng(&mut seed) % 10) as u8) as char);
            }
            let e = (rng(&mut seed) % 700) as i64 - 350;
            let s = format!("{s}e{e}");
            assert_eq!(parse(s.as_bytes()), s.parse::<f64>().ok(), "{s}");
        }
        // Halfway cases and long inputs.
        for s in [
            "9007199254740993",
            "9007199254740993.0000000000000000000000001",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e-400",
            "1e400",
            "0.000",
            ".5",
            "5.",
            "-0",
            "+1.5E+3",
            "1e",
            ".",
            "",
            "e5",
            "1.2.3",
        ] {
            assert_eq!(parse(s.as_bytes()), s.parse::<f64>().ok(), "{s}");
        }
        let long = format!("0.{}1e0", "0".repeat(900));
        assert_eq!(parse(long.as_bytes()), long.parse::<f64>().ok());
        let half = "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255e-324";
        assert_eq!(parse(half.as_bytes()), half.parse::<f64>().ok());
    }
}
