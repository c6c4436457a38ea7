//! Text conversions: `str(int)`/`format(int, "x")` digits and CPython's
//! `int(str, base)` parser.

use super::{mag, BigInt, ParseError};
use alloc::string::String;
use alloc::vec::Vec;

/// Code points of the digit zero of every run of ten Unicode decimal
/// digits (category Nd, Unicode 14.0 as in CPython 3.11). `int()` accepts
/// all of them; each run is contiguous and ordered (a Unicode stability
/// guarantee).
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// Decimal value of a Unicode decimal digit.
fn unicode_decimal(c: u32) -> Option<u8> {
    let i = match DECIMAL_ZEROS.binary_search(&c) {
        Ok(i) => i,
        Err(0) => return None,
        Err(i) => i - 1,
    };
    let d = c - DECIMAL_ZEROS[i];
    if d < 10 {
        Some(d as u8)
    } else {
        None
    }
}

/// Non-ASCII characters for which `str.isspace()` is true.
fn is_unicode_space(c: u32) -> bool {
    matches!(
        c,
        0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
    )
}

/// The whitespace CPython's parser skips (after mapping Unicode spaces).
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Value of an ASCII digit or letter, 99 for anything else.
fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

/// Largest power of `radix` fitting in a `u32`, and its exponent.
fn chunk(radix: u32) -> (u32, u32) {
    let mut p = radix;
    let mut n = 1;
    while let Some(q) = p.checked_mul(radix) {
        p = q;
        n += 1;
    }
    (p, n)
}

/// Magnitude of validated ASCII digits in `radix` (underscores skipped).
fn mag_from_ascii(s: &[u8], radix: u32) -> Vec<u32> {
    let mut r = Vec::new();
    if radix.is_power_of_two() {
        let bits = radix.trailing_zeros();
        r.reserve(s.len() * bits as usize / 32 + 1);
        let mut acc = 0u64;
        let mut n = 0;
        for &c in s.iter().rev() {
            if c == b'_' {
                continue;
            }
            acc |= (digit_value(c) as u64) << n;
            n += bits;
            if n >= 32 {
                r.push(acc as u32);
                acc >>= 32;
                n -= 32;
            }
        }
        if n > 0 {
            r.push(acc as u32);
        }
    } else {
        let (_, chunk_len) = chunk(radix);
        let mut acc = 0u32;
        let mut mult = 1u32;
        let mut k = 0;
        for &c in s {
            if c == b'_' {
                continue;
            }
            acc = acc * radix + digit_value(c);
            mult *= radix;
            k += 1;
            if k == chunk_len {
                mag::mul_small_add(&mut r, mult, acc);
                acc = 0;
                mult = 1;
                k = 0;
            }
        }
        if k > 0 {
            mag::mul_small_add(&mut r, mult, acc);
        }
    }
    mag::trim(&mut r);
    r
}

/// Divides in place by the constant `D`, returning the remainder (lets the
/// compiler replace the division by a multiplication).
fn divrem_const<const D: u32>(a: &mut [u32]) -> u32 {
    let mut r = 0u64;
    for x in a.iter_mut().rev() {
        let cur = (r << 32) | *x as u64;
        *x = (cur / D as u64) as u32;
        r = cur % D as u64;
    }
    r as u32
}

/// CPython's parser on ASCII text (after Unicode digits and spaces have
/// been mapped to ASCII).
fn parse_ascii(s: &[u8], base: u32) -> Result<BigInt, ParseError> {
    const BAD: ParseError = ParseError::InvalidLiteral;
    let n = s.len();
    let mut i = 0;
    while i < n && is_ascii_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    match s.get(i) {
        Some(b'-') => {
            neg = true;
            i += 1;
        }
        Some(b'+') => i += 1,
        _ => {}
    }
    let c0 = s.get(i).copied().unwrap_or(0);
    let c1 = s.get(i + 1).copied().unwrap_or(0).to_ascii_lowercase();
    let mut base = base;
    // Base 0 forbids leading zeros ("010") unless the value is zero.
    let mut nonzero_invalid = false;
    if base == 0 {
        base = if c0 != b'0' {
            10
        } else {
            match c1 {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    nonzero_invalid = true;
                    10
                }
            }
        };
    }
    if c0 == b'0'
        && ((base == 16 && c1 == b'x') || (base == 8 && c1 == b'o') || (base == 2 && c1 == b'b'))
    {
        i += 2;
        // One underscore may follow the prefix.
        if s.get(i) == Some(&b'_') {
            i += 1;
        }
    }
    if s.get(i) == Some(&b'_') {
        return Err(BAD);
    }
    let start = i;
    let mut prev_underscore = false;
    let mut digits = 0usize;
    while i < n {
        let c = s[i];
        if c == b'_' {
            if prev_underscore {
                return Err(BAD);
            }
            prev_underscore = true;
        } else if digit_value(c) < base {
            prev_underscore = false;
            digits += 1;
        } else {
            break;
        }
        i += 1;
    }
    if prev_underscore || digits == 0 {
        return Err(BAD);
    }
    let end = i;
    while i < n && is_ascii_space(s[i]) {
        i += 1;
    }
    if i != n {
        return Err(BAD);
    }
    let m = mag_from_ascii(&s[start..end], base);
    if nonzero_invalid && !m.is_empty() {
        return Err(BAD);
    }
    Ok(BigInt::from_parts(neg, m))
}

impl BigInt {
    /// Digits of `self` in `radix` (2..=36; anything else means 10), with
    /// a leading `-` for negative values and no prefix. Letters are
    /// upper-case when `upper`.
    pub fn to_str_radix(&self, radix: u32, upper: bool) -> String {
        let radix = if (2..=36).contains(&radix) { radix } else { 10 };
        let alphabet: &[u8; 36] = if upper {
            b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        } else {
            b"0123456789abcdefghijklmnopqrstuvwxyz"
        };
        if self.mag.is_empty() {
            return String::from("0");
        }
        // Digits, least significant first.
        let mut out: Vec<u8> = Vec::new();
        if radix.is_power_of_two() {
            let bits = radix.trailing_zeros();
            let total = self.bit_length();
            let nd = total.div_ceil(bits as u64);
            out.reserve(nd as usize + 1);
            for i in 0..nd {
                let v = mag::get_bits(&self.mag, i * bits as u64, bits);
                out.push(alphabet[v as usize]);
            }
        } else {
            let (pow, len) = chunk(radix);
            let mut t = self.mag.clone();
            // log2(10) > 3.32: about 9.7 decimal digits per u32 digit.
            out.reserve(t.len() * 10 + 1);
            while !t.is_empty() {
                let mut r = if radix == 10 {
                    divrem_const::<1_000_000_000>(&mut t)
                } else {
                    mag::divrem_small_in_place(&mut t, pow)
                };
                mag::trim(&mut t);
                for _ in 0..len {
                    out.push(alphabet[(r % radix) as usize]);
                    r /= radix;
                    if r == 0 && t.is_empty() {
                        break;
                    }
                }
            }
        }
        if self.neg {
            out.push(b'-');
        }
        out.iter().rev().map(|&b| b as char).collect()
    }

    /// `int(s, base)` exactly as CPython accepts it: surrounding
    /// whitespace, a sign, base 0 prefix detection (`0x`/`0o`/`0b`, and a
    /// matching prefix is allowed for bases 16/8/2), single underscores
    /// between digits and after a prefix, Unicode decimal digits and
    /// spaces. Base must be 0 or 2..=36.
    ///
    /// CPython 3.11 also refuses decimal strings over 4300 digits
    /// (`sys.set_int_max_str_digits`); no such limit is applied here.
    pub fn parse(s: &str, base: u32) -> Result<BigInt, ParseError> {
        if base != 0 && !(2..=36).contains(&base) {
            return Err(ParseError::InvalidBase);
        }
        if s.is_ascii() {
            return parse_ascii(s.as_bytes(), base);
        }
        let mut buf = Vec::with_capacity(s.len());
        for ch in s.chars() {
            let c = ch as u32;
            let b = if c < 127 {
                c as u8
            } else if is_unicode_space(c) {
                b' '
            } else if let Some(d) = unicode_decimal(c) {
                b'0' + d
            } else {
                return Err(ParseError::InvalidLiteral);
            };
            buf.push(b);
        }
        parse_ascii(&buf, base)
    }

    /// Value of a literal's digits in `radix` (2..=36), as the lexer
    /// produces them: ASCII digits/letters only, no sign, prefix or
    /// underscores.
    pub fn from_radix_digits(digits: &str, radix: u32) -> Result<BigInt, ParseError> {
        if !(2..=36).contains(&radix) {
            return Err(ParseError::InvalidBase);
        }
        let s = digits.as_bytes();
        if s.is_empty() || s.iter().any(|&c| digit_value(c) >= radix) {
            return Err(ParseError::InvalidLiteral);
        }
        Ok(BigInt::from_parts(false, mag_from_ascii(s, radix)))
    }
}
