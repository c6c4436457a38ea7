//! Character properties and case mappings with Python's meanings, matching
//! CPython 3.11 (Unicode 14.0) for every code point assigned in Unicode 14.
//! All of it is verified exhaustively against CPython (see `tests.rs`).
//!
//! * Generated tables (`gen_tables.py`): [`is_printable`], [`decimal_value`]
//!   / [`is_decimal`], [`is_digit`], the non-`N*` part of [`is_numeric`],
//!   [`is_case_ignorable`], and the case mappings ([`push_upper`],
//!   [`push_lower`]; [`push_title`] and [`push_casefold`] add small rule
//!   sets). The case tables are compact runs (~4 KB) rather than `core`'s
//!   conversion tables (~24 KB), which this module never links.
//! * Fixed lists: [`is_space`], [`is_linebreak`], [`is_title`].
//! * `core::char` plus a correction table: [`is_alpha`] (`is_alphabetic`
//!   minus the non-letters it accepts), [`is_id_start`] / [`is_id_continue`]
//!   (`XID_Start` / `XID_Continue`), [`is_numeric`] (`is_numeric` plus CJK
//!   numerals).
//! * `core::char` directly: [`is_upper`], [`is_lower`] (derived `Uppercase`
//!   / `Lowercase`, exactly what CPython uses; the few characters whose
//!   property changed after Unicode 14 are pinned), [`is_cased`].
//!
//! Characters first assigned after Unicode 14 may get properties from the
//! newer Unicode of `core::char` where CPython 3.11 sees unassigned ones.

use super::unitables::*;
use alloc::string::String;

/// Python's `str.isspace` for one character (bidi WS/B/S or category Zs).
pub fn is_space(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0d
            | 0x1c..=0x20
            | 0x85
            | 0xa0
            | 0x1680
            | 0x2000..=0x200a
            | 0x2028
            | 0x2029
            | 0x202f
            | 0x205f
            | 0x3000
    )
}

/// Line boundaries of `str.splitlines`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c as u32,
        0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029
    )
}

/// Python's `str.isprintable` for one character: false for categories Cc,
/// Cf, Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space.
pub fn is_printable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x7f {
        return cp >= 0x20;
    }
    let n = if cp < 0x10000 {
        NONPRINT_P0.partition_point(|&t| u32::from(t) <= cp)
    } else if cp < 0x20000 {
        let off = cp - 0x10000;
        NONPRINT_P1.partition_point(|&t| u32::from(t) <= off) + 1
    } else {
        NONPRINT_HI.partition_point(|&t| t <= cp) + 1
    };
    n % 2 == 0
}

/// Decimal value of a decimal digit (category Nd), as used by `int()`,
/// `float()` and `str.isdecimal`.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if cp < 0x80 {
        return c.to_digit(10);
    }
    let i = DECIMAL_STARTS.partition_point(|&s| s <= cp);
    let start = *DECIMAL_STARTS.get(i.checked_sub(1)?)?;
    let v = cp - start;
    if v < 10 {
        Some(v)
    } else {
        None
    }
}

/// `str.isdecimal` for one character.
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit` for one character (Numeric_Type Decimal or Digit).
pub fn is_digit(c: char) -> bool {
    if is_decimal(c) {
        return true;
    }
    let cp = c as u32;
    let i = DIGIT_EXTRA.partition_point(|&(a, _)| a <= cp);
    match i.checked_sub(1).and_then(|j| DIGIT_EXTRA.get(j)) {
        Some(&(_, b)) => cp <= b,
        None => false,
    }
}

/// `str.isnumeric` for one character.
pub fn is_numeric(c: char) -> bool {
    if (c as u32) < 0x80 {
        return c.is_ascii_digit();
    }
    c.is_numeric() || NUMERIC_EXTRA.binary_search(&(c as u32)).is_ok()
}

/// Whether `c` lies in a run of non-letters that holds a combining mark,
/// an `So` symbol or an `Nl` number (the non-letters `char::is_alphabetic`
/// accepts).
fn in_notletter_run(c: char) -> bool {
    let cp = c as u32;
    let n = if cp < 0x10000 {
        NOTLETTER_P0.partition_point(|&t| u32::from(t) <= cp)
    } else {
        NOTLETTER_P0.len() + NOTLETTER_HI.partition_point(|&t| t <= cp)
    };
    n % 2 == 1
}

/// `str.isalpha` for one character (categories `L*`).
pub fn is_alpha(c: char) -> bool {
    if (c as u32) < 0x80 {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() && !in_notletter_run(c)
}

/// `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// Derived property `Uppercase`.
#[inline]
pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

/// Derived property `Lowercase` (as of Unicode 14: newer versions of
/// `core::char` changed a few modifier letters, pinned here).
#[inline]
pub fn is_lower(c: char) -> bool {
    match c as u32 {
        0x0295 => true,
        0x10fc | 0xa7f2..=0xa7f4 | 0xab69 => false,
        _ => c.is_lowercase(),
    }
}

/// General category Lt (title-case letters).
pub fn is_title(c: char) -> bool {
    matches!(
        c as u32,
        0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf
            | 0x1fbc | 0x1fcc | 0x1ffc
    )
}

/// Derived property `Cased`.
#[inline]
pub fn is_cased(c: char) -> bool {
    is_lower(c) || c.is_uppercase() || is_title(c)
}

/// `XID_Start` (what `str.isidentifier` requires of the first character
/// besides `_`): letters and `Nl`, plus `Other_ID_Start`, minus the
/// characters whose NFKC form is not an identifier start.
pub fn is_id_start(c: char) -> bool {
    if (c as u32) < 0x80 {
        return c.is_ascii_alphabetic();
    }
    match c as u32 {
        // Other_ID_Start.
        0x1885 | 0x1886 | 0x2118 | 0x212e => true,
        // Not XID_Start: Pattern_Syntax, or changed by NFKC.
        0x2e2f | 0x037a | 0x0e33 | 0x0eb3 | 0x309b | 0x309c | 0xfc5e..=0xfc63 | 0xfdfa | 0xfdfb => {
            false
        }
        0xfe70 | 0xfe72 | 0xfe74 | 0xfe76 | 0xfe78 | 0xfe7a | 0xfe7c | 0xfe7e | 0xff9e | 0xff9f => {
            false
        }
        // Letters, and letter numbers (Nl: both alphabetic and numeric).
        _ => is_alpha(c) || (c.is_alphabetic() && c.is_numeric()),
    }
}

/// `XID_Continue`: [`is_id_start`], decimal digits, and a generated table
/// of the rest (marks, connector punctuation, `Other_ID_Continue`).
pub fn is_id_continue(c: char) -> bool {
    if (c as u32) < 0x80 {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    if is_id_start(c) || is_decimal(c) {
        return true;
    }
    let cp = c as u32;
    let n = if cp < 0x10000 {
        IDCONT_P0.partition_point(|&t| u32::from(t) <= cp)
    } else if cp < 0x20000 {
        let off = cp - 0x10000;
        IDCONT_P1.partition_point(|&t| u32::from(t) <= off)
    } else {
        return (0xe0100..=0xe01ef).contains(&cp);
    };
    n % 2 == 1
}

/// Look `cp` up in a table of case-mapping runs (see `gen_tables.py`).
fn run_map(runs: &[(u32, i32)], cp: u32) -> Option<u32> {
    let i = runs.partition_point(|&(p, _)| p & 0x1f_ffff <= cp);
    let &(p, delta) = runs.get(i.checked_sub(1)?)?;
    let off = cp - (p & 0x1f_ffff);
    let stride2 = p & (1 << 28) != 0;
    if stride2 && off & 1 != 0 {
        return None;
    }
    let idx = if stride2 { off >> 1 } else { off };
    if idx < (p >> 21) & 0x7f {
        cp.checked_add_signed(delta)
    } else {
        None
    }
}

/// The full upper-case mapping of `c`: up to three characters; the
/// second value is how many.
pub fn upper_chars(c: char) -> ([char; 3], usize) {
    let cp = c as u32;
    if c.is_ascii() {
        return ([c.to_ascii_uppercase(), '\0', '\0'], 1);
    }
    if let Ok(i) = UPPER_MULTI.binary_search_by_key(&cp, |&(k, _)| u32::from(k)) {
        let m = UPPER_MULTI[i].1;
        let n = if m[2] == 0 { 2 } else { 3 };
        return (m.map(|u| char::from_u32(u32::from(u)).unwrap_or('\0')), n);
    }
    let u = run_map(&UPPER_RUNS, cp)
        .and_then(char::from_u32)
        .unwrap_or(c);
    ([u, '\0', '\0'], 1)
}

/// Append the full upper-case mapping of `c` (Unicode 14, as CPython 3.11).
pub fn push_upper(out: &mut String, c: char) {
    let (u, n) = upper_chars(c);
    out.extend(&u[..n]);
}

/// Append the full lower-case mapping of `c` (capital sigma becomes `σ`;
/// the string functions handle the final-sigma context).
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == '\u{130}' {
        out.push_str("i\u{307}");
    } else {
        out.push(
            run_map(&LOWER_RUNS, c as u32)
                .and_then(char::from_u32)
                .unwrap_or(c),
        );
    }
}

/// The simple (one-character) lower-case mapping of `c`
/// (`_PyUnicode_ToLowercase`), used by case-insensitive regular expressions.
pub fn lower_simple(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == '\u{130}' {
        return 'i';
    }
    run_map(&LOWER_RUNS, c as u32)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

/// The simple (one-character) upper-case mapping of `c`, or `c` itself
/// when its upper case is several characters.
pub fn upper_simple(c: char) -> char {
    let (u, n) = upper_chars(c);
    if n == 1 {
        u[0]
    } else {
        c
    }
}

/// Property `Case_Ignorable` (used by the final-sigma rule of `lower()`).
pub fn is_case_ignorable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    let n = if cp < 0x10000 {
        IGNORABLE_P0.partition_point(|&t| u32::from(t) <= cp)
    } else if cp < 0x20000 {
        IGNORABLE_P1.partition_point(|&t| u32::from(t) <= cp - 0x10000)
    } else {
        return matches!(cp, 0xe0001 | 0xe0020..=0xe007f | 0xe0100..=0xe01ef);
    };
    n % 2 == 1
}

/// Append the full title-case mapping of `c` (Python's `_PyUnicode_ToTitleFull`).
pub fn push_title(out: &mut String, c: char) {
    let cp = c as u32;
    let single = match cp {
        0x61..=0x7a => Some(cp - 0x20),
        0x00..=0x7f => Some(cp),
        0x1c4..=0x1c6 => Some(0x1c5),
        0x1c7..=0x1c9 => Some(0x1c8),
        0x1ca..=0x1cc => Some(0x1cb),
        0x1f1..=0x1f3 => Some(0x1f2),
        0x10d0..=0x10fa | 0x10fd..=0x10ff => Some(cp),
        0x1f80..=0x1faf => Some(cp | 8),
        0x1fb3 | 0x1fc3 | 0x1ff3 => Some(cp + 9),
        0x1fbc | 0x1fcc | 0x1ffc => Some(cp),
        _ => None,
    };
    if let Some(t) = single.and_then(char::from_u32) {
        out.push(t);
        return;
    }
    let (up, n) = upper_chars(c);
    for (i, &u) in up[..n].iter().enumerate() {
        match cp {
            // Greek with iota subscript: the upper case ends in a capital
            // iota; the title case keeps the combining ypogegrammeni.
            0x1fb2 | 0x1fb4 | 0x1fb7 | 0x1fc2 | 0x1fc4 | 0x1fc7 | 0x1ff2 | 0x1ff4 | 0x1ff7
                if i + 1 == n =>
            {
                out.push('\u{345}')
            }
            // Ligatures: first letter upper, the rest lower.
            0xdf | 0x587 | 0xfb00..=0xfb06 | 0xfb13..=0xfb17 if i > 0 => push_lower(out, u),
            _ => out.push(u),
        }
    }
}

/// Append the full case folding of `c` (Python's `str.casefold`).
pub fn push_casefold(out: &mut String, c: char) {
    let cp = c as u32;
    if cp < 0x80 {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let mapped = match cp {
        // Cherokee folds to the upper-case letters.
        0x13a0..=0x13f5 => Some(cp),
        0x13f8..=0x13fd => Some(cp - 8),
        0xab70..=0xabbf => Some(cp - 0xab70 + 0x13a0),
        _ => None,
    };
    if let Some(m) = mapped.and_then(char::from_u32) {
        out.push(m);
        return;
    }
    if cp == 0x1e9e {
        out.push_str("ss");
        return;
    }
    let via_upper = cp <= 0xffff && {
        let i = FOLD_VIA_UPPER.partition_point(|&(a, _)| u32::from(a) <= cp);
        match i.checked_sub(1).and_then(|j| FOLD_VIA_UPPER.get(j)) {
            Some(&(_, b)) => cp <= u32::from(b),
            None => false,
        }
    };
    if via_upper {
        let (up, n) = upper_chars(c);
        for &u in &up[..n] {
            push_lower(out, u);
        }
    } else {
        push_lower(out, c);
    }
}
