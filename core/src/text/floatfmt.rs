//! Float to text and back: `repr(float)`, the dtoa-style core used by
//! `format()` and `%`-formatting, `round(x, n)`, `float(str)`, `float.hex`
//! and `float.fromhex`.
//!
//! Digits come from `crate::dtoa` (exact, as David Gay's dtoa used by
//! CPython: shortest round-tripping digits, or rounded half to even on the
//! exact binary value in modes 2 and 3). The layout of those digits is a
//! port of CPython's `format_float_short`.

use super::{reserve, unicode, TextError};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Options of [`double_to_string`] (CPython's `Py_DTSF_*` flags).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `#`: keep the decimal point and trailing zeros.
    pub alt: bool,
    /// Append `.0` to integral results (used by `repr` and the empty
    /// format type).
    pub add_dot_0: bool,
    /// `z`: drop the sign of a result that rounds to zero.
    pub no_neg_0: bool,
}

/// Decimal digits of a finite, non-negative double in dtoa's convention:
/// the value is `0.d1d2d3... * 10**decpt`; no leading or trailing zeros,
/// except that zero is `"0"` with `decpt == 1`.
struct Digits {
    d: Vec<u8>,
    decpt: i64,
}

impl Digits {
    fn is_zero(&self) -> bool {
        self.d.iter().all(|&b| b == b'0')
    }

    fn normalize(mut d: Vec<u8>, mut decpt: i64) -> Digits {
        let lead = d.iter().take_while(|&&b| b == b'0').count();
        if lead == d.len() {
            return Digits {
                d: alloc::vec![b'0'],
                decpt: 1,
            };
        }
        d.drain(..lead);
        decpt -= lead as i64;
        while d.last() == Some(&b'0') {
            d.pop();
        }
        Digits { d, decpt }
    }
}

fn digits_of(x: f64, f: impl FnOnce(f64) -> (Vec<u8>, i64)) -> Digits {
    let a = x.abs();
    if a == 0.0 {
        return Digits {
            d: alloc::vec![b'0'],
            decpt: 1,
        };
    }
    let (d, decpt) = f(a);
    Digits::normalize(d, decpt)
}

/// Shortest round-tripping digits (dtoa mode 0; ties to the even digit).
fn shortest_digits(a: f64) -> Digits {
    digits_of(a, crate::dtoa::shortest)
}

/// `n >= 1` significant digits, correctly rounded (dtoa mode 2).
fn significant_digits(a: f64, n: usize) -> Digits {
    // A double has at most 767 significant decimal digits; beyond that the
    // digits are zeros, which the layout code adds.
    let n = n.clamp(1, 780);
    digits_of(a, |a| crate::dtoa::significant(a, n))
}

/// Digits rounded to `n` places after the decimal point (dtoa mode 3).
fn fixed_digits(a: f64, n: usize) -> Digits {
    // Exact decimal expansions of doubles end within 1074 places.
    let n = n.min(1080);
    digits_of(a, |a| crate::dtoa::fixed(a, n))
}

/// CPython's `PyOS_double_to_string`: `code` is one of `e E f F g G r`
/// (`r` = repr, `precision` ignored). Infinities and NaNs give `inf`,
/// `-inf`, `nan` (upper case for `E F G`); a NaN never gets a sign.
///
/// Errors only with `MemoryError` for absurd precisions.
pub fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    flags: DtoaFlags,
) -> Result<String, TextError> {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if x.is_nan() {
        return Ok(String::from(if upper { "NAN" } else { "nan" }));
    }
    if x.is_infinite() {
        let s = match (x < 0.0, upper) {
            (true, true) => "-INF",
            (true, false) => "-inf",
            (false, true) => "INF",
            (false, false) => "inf",
        };
        return Ok(String::from(s));
    }
    let mut neg = x.is_sign_negative();
    let a = x.abs();
    let (dg, precision) = match code {
        'e' => {
            let p = precision.saturating_add(1);
            (significant_digits(a, p), p)
        }
        'f' => (fixed_digits(a, precision), precision),
        'g' => {
            let p = precision.max(1);
            (significant_digits(a, p), p)
        }
        _ => (shortest_digits(a), 0),
    };
    if flags.no_neg_0 && dg.is_zero() {
        neg = false;
    }
    let mut out = String::new();
    layout(&mut out, &dg, neg, code, precision, flags, upper)?;
    Ok(out)
}

/// Port of the layout part of CPython's `format_float_short`.
fn layout(
    out: &mut String,
    dg: &Digits,
    neg: bool,
    code: char,
    precision: usize,
    flags: DtoaFlags,
    upper: bool,
) -> Result<(), TextError> {
    let digits = &dg.d[..];
    let digits_len = digits.len() as i64;
    let p = i64::try_from(precision)
        .unwrap_or(i64::MAX / 4)
        .min(i64::MAX / 4);
    let mut decpt = dg.decpt;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = p;
        }
        'f' => vdigits_end = decpt + p,
        'g' => {
            let limit = if flags.add_dot_0 { p - 1 } else { p };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = p;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let total = usize::try_from(vdigits_end - vdigits_start + 10).map_err(|_| TextError::Memory)?;
    reserve(out, total)?;
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let push_digits = |out: &mut String, d: &[u8]| {
        for &b in d {
            out.push(char::from(b));
        }
    };
    if neg {
        out.push('-');
    }
    if decpt <= 0 {
        zeros(out, decpt - vdigits_start);
        out.push('.');
        zeros(out, -decpt);
    } else {
        zeros(out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let k = decpt as usize;
        push_digits(out, &digits[..k]);
        out.push('.');
        push_digits(out, &digits[k..]);
    } else {
        push_digits(out, digits);
    }
    if digits_len < decpt {
        zeros(out, decpt - digits_len);
        out.push('.');
        zeros(out, vdigits_end - decpt);
    } else {
        zeros(out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        let _ = write!(out, "{}", e);
    }
    Ok(())
}

/// Python's `repr(float)` (and `str(float)`): shortest round-trip digits,
/// exponent form when the decimal exponent is < -4 or >= 16.
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    double_to_string(x, 'r', 0, flags).unwrap_or_default()
}

/// Python's `str(float)`: the same as [`float_repr`].
#[inline]
pub fn float_to_str(x: f64) -> String {
    float_repr(x)
}

/// Python's `round(x, ndigits)` for a float: the exact binary value rounded
/// half to even at `10**-ndigits`. Infinities and NaNs are returned
/// unchanged. Errors with `OverflowError("rounded value too large to
/// represent")` (e.g. `round(1.7e308, -308)`).
///
/// `round(x)` without `ndigits` (which returns an int) is `round_f64(x, 0)`
/// converted to an int by the caller (after rejecting inf/nan).
pub fn round_f64(x: f64, ndigits: i64) -> Result<f64, TextError> {
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    if ndigits >= 0 {
        let z = fixed_digits(x, ndigits as usize);
        return Ok(crate::dtoa::from_digits(
            x.is_sign_negative(),
            &z.d,
            z.decpt,
        ));
    }
    let k = (-ndigits) as usize;
    // Integer part of |x| exactly, plus whether a fraction was dropped.
    let a = x.abs();
    let mut sticky = false;
    let mut d: Vec<u8> = if a < 9007199254740992.0 {
        let t = a as u64;
        sticky = (a - t as f64) != 0.0;
        let mut s = String::new();
        let _ = write!(s, "{}", t);
        s.into_bytes()
    } else {
        // An integer: all its digits are before the point.
        let z = fixed_digits(a, 0);
        let mut d = z.d;
        d.resize(z.decpt.max(1) as usize, b'0');
        d
    };
    if d.len() < k + 1 {
        let mut z = alloc::vec![b'0'; k + 1 - d.len()];
        z.extend_from_slice(&d);
        d = z;
    }
    let cut = d.len() - k;
    let (head, tail) = d.split_at_mut(cut);
    let first = tail.first().copied().unwrap_or(b'0');
    let rest_nonzero = sticky || tail.iter().skip(1).any(|&b| b != b'0');
    let odd = head.last().is_some_and(|&b| (b - b'0') % 2 == 1);
    let up = first > b'5' || (first == b'5' && (rest_nonzero || odd));
    let mut head: Vec<u8> = head.to_vec();
    if up {
        let mut i = head.len();
        loop {
            if i == 0 {
                head.insert(0, b'1');
                break;
            }
            i -= 1;
            if head[i] == b'9' {
                head[i] = b'0';
            } else {
                head[i] += 1;
                break;
            }
        }
    }
    let decpt = head.len() as i64 + k as i64;
    let v = crate::dtoa::from_digits(x.is_sign_negative(), &head, decpt);
    if v.is_infinite() {
        return Err(TextError::Overflow(String::from(
            "rounded value too large to represent",
        )));
    }
    Ok(v)
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Match `inf`, `infinity` or `nan` (any case) at the start of `b`, with an
/// optional sign; returns the value and the length matched.
fn parse_inf_nan(b: &[u8]) -> Option<(f64, usize)> {
    let (neg, i) = match b.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let rest = b.get(i..)?;
    let starts = |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
    let (v, n) = if starts(b"infinity") {
        (f64::INFINITY, 8)
    } else if starts(b"inf") {
        (f64::INFINITY, 3)
    } else if starts(b"nan") {
        (f64::NAN, 3)
    } else {
        return None;
    };
    Some((if neg { -v } else { v }, i + n))
}

/// Python's `float(str)`: surrounding whitespace, a sign, `inf`/`infinity`/
/// `nan` in any case, decimal digits with optional point and exponent,
/// single underscores between digits, and non-ASCII decimal digits and
/// spaces (which CPython maps to ASCII first). `None` means CPython raises
/// `ValueError("could not convert string to float: <repr>")`.
pub fn parse_float(s: &str) -> Option<f64> {
    let mut buf: Vec<u8> = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            buf.push(c as u8);
        } else if unicode::is_space(c) {
            buf.push(b' ');
        } else {
            buf.push(b'0' + unicode::decimal_value(c)? as u8);
        }
    }
    if buf.contains(&b'_') {
        let mut prev = 0u8;
        let mut out = Vec::with_capacity(buf.len());
        for &b in &buf {
            if b == b'_' {
                if !prev.is_ascii_digit() {
                    return None;
                }
            } else {
                if prev == b'_' && !b.is_ascii_digit() {
                    return None;
                }
                out.push(b);
            }
            prev = b;
        }
        if prev == b'_' {
            return None;
        }
        buf = out;
    }
    let start = buf.iter().position(|&b| !is_c_space(b))?;
    let end = buf.iter().rposition(|&b| !is_c_space(b))? + 1;
    let t = &buf[start..end];
    if let Some((v, n)) = parse_inf_nan(t) {
        return if n == t.len() { Some(v) } else { None };
    }
    // Validate: [sign] digits [. digits] [e [sign] digits], >= 1 mantissa digit.
    let mut i = 0;
    if matches!(t.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let mut ndig = 0;
    while t.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
        ndig += 1;
    }
    if t.get(i) == Some(&b'.') {
        i += 1;
        while t.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            ndig += 1;
        }
    }
    if ndig == 0 {
        return None;
    }
    if matches!(t.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(t.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let e0 = i;
        while t.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == e0 {
            return None;
        }
    }
    if i != t.len() {
        return None;
    }
    crate::dtoa::parse(t)
}

/// Python's `float.hex()`: e.g. `0x1.8000000000000p+1`, `-0x0.0p+0`,
/// `0x0.0000000000001p-1022`, `inf`, `nan`.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return float_repr(x);
    }
    let mut s = String::new();
    if x.is_sign_negative() {
        s.push('-');
    }
    if x == 0.0 {
        s.push_str("0x0.0p+0");
        return s;
    }
    let bits = x.to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if bexp == 0 {
        (0, -1022)
    } else {
        (1, bexp - 1023)
    };
    let _ = write!(
        s,
        "0x{}.{:013x}p{}{}",
        lead,
        frac,
        if e < 0 { '-' } else { '+' },
        e.unsigned_abs()
    );
    s
}

/// `2**e` for `-1074 <= e <= 1023`.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074).clamp(0, 51))
    }
}

/// Python's `float.fromhex(s)`. Errors: `ValueError("invalid hexadecimal
/// floating-point string")`, `OverflowError("hexadecimal value too large to
/// represent as a float")`.
pub fn float_fromhex(s: &str) -> Result<f64, TextError> {
    let parse_error =
        || TextError::Value(String::from("invalid hexadecimal floating-point string"));
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_c_space(at(i)) {
        i += 1;
    }
    let value;
    if let Some((v, n)) = parse_inf_nan(&b[i..]) {
        value = v;
        i += n;
    } else {
        let mut neg = false;
        if at(i) == b'-' {
            neg = true;
            i += 1;
        } else if at(i) == b'+' {
            i += 1;
        }
        if at(i) == b'0' && matches!(at(i + 1), b'x' | b'X') {
            i += 2;
        }
        // Coefficient: keep the first 15 significant hex digits (60 bits).
        let mut m: u64 = 0;
        let mut kept = 0u32;
        let mut dropped: i64 = 0;
        let mut sticky = false;
        let mut ndigits = 0usize;
        let mut fdigits: i64 = 0;
        let mut in_frac = false;
        loop {
            let c = at(i);
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                b'.' if !in_frac => {
                    in_frac = true;
                    i += 1;
                    continue;
                }
                _ => break,
            };
            i += 1;
            ndigits += 1;
            if in_frac {
                fdigits += 1;
            }
            if kept == 0 && d == 0 {
                continue;
            }
            if kept < 15 {
                m = (m << 4) | u64::from(d);
                kept += 1;
            } else {
                dropped += 1;
                sticky |= d != 0;
            }
        }
        if ndigits == 0 {
            return Err(parse_error());
        }
        let mut exp: i64 = 0;
        if matches!(at(i), b'p' | b'P') {
            i += 1;
            let eneg = match at(i) {
                b'-' => {
                    i += 1;
                    true
                }
                b'+' => {
                    i += 1;
                    false
                }
                _ => false,
            };
            if !at(i).is_ascii_digit() {
                return Err(parse_error());
            }
            while at(i).is_ascii_digit() {
                exp = exp
                    .saturating_mul(10)
                    .saturating_add(i64::from(at(i) - b'0'));
                i += 1;
            }
            if eneg {
                exp = -exp;
            }
        }
        let overflow = || {
            TextError::Overflow(String::from(
                "hexadecimal value too large to represent as a float",
            ))
        };
        let x = if m == 0 || exp < i64::MIN / 2 {
            0.0
        } else if exp > i64::MAX / 2 {
            return Err(overflow());
        } else {
            // value = m * 2**e2 (times 1+ if sticky)
            let e2 = exp - 4 * fdigits + 4 * dropped;
            let top = i64::from(64 - m.leading_zeros());
            let top_exp = e2 + top;
            if top_exp < -1074 {
                0.0
            } else if top_exp > 1024 {
                return Err(overflow());
            } else {
                let lsb = top_exp.max(-1021) - 53;
                let shift = lsb - e2;
                let mant = if shift <= 0 {
                    m << (-shift).min(63)
                } else {
                    let sh = shift.min(63) as u32;
                    let q = m >> sh;
                    let rem = m & ((1u64 << sh) - 1);
                    let half = 1u64 << (sh - 1);
                    let up = rem > half || (rem == half && (sticky || q & 1 == 1));
                    q + u64::from(up)
                };
                if mant >= (1u64 << 53) && top_exp >= 1024 {
                    return Err(overflow());
                }
                mant as f64 * pow2(lsb)
            }
        };
        value = if neg { -x } else { x };
    }
    while is_c_space(at(i)) {
        i += 1;
    }
    if i != b.len() {
        return Err(parse_error());
    }
    Ok(value)
}
