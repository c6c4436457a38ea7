//! The format-spec mini-language of `format()`, f-strings and `str.format`
//! (CPython's `Python/formatter_unicode.c`).
//!
//! Usage: `let spec = parse_spec(spec_str, type_name)?;` then
//! [`format_int`], [`format_float`], [`format_str`] or [`format_char`].
//! An empty spec parses to the defaults, for which the formatters give
//! `str(value)` (CPython special-cases `''` to `str(obj)`, which for `bool`
//! and `int`/`float`/`str` subclasses with their own `__str__` differs: the
//! caller handles that case before calling here).

use super::floatfmt::{double_to_string, DtoaFlags};
use super::{push_repeat, reserve, unicode, value_error, TextError};
use alloc::format;
use alloc::string::String;

/// A parsed format spec: `[[fill]align][sign]["z"]["#"]["0"][width]
/// [grouping]["." precision][type]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec<'a> {
    /// Fill character: the explicit one, else `'0'` if [`Spec::zero`],
    /// else `' '`.
    pub fill: char,
    /// Explicit alignment (`<`, `>`, `=`, `^`); `None` means the type's
    /// default (`>` for numbers, `<` for strings; `=` for numbers with
    /// [`Spec::zero`]).
    pub align: Option<char>,
    /// `+`, `-` or `' '`.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero (floats only).
    pub z: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag (only recognised when no fill was given).
    pub zero: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
    /// Python type name of the formatted object, for error messages
    /// (`"int"`, `"bool"`, `"float"`, `"str"`, a subclass name...).
    pub type_name: &'a str,
}

impl<'a> Spec<'a> {
    /// The spec of `''`: every field at its default.
    pub fn empty(type_name: &'a str) -> Spec<'a> {
        Spec {
            fill: ' ',
            align: None,
            sign: None,
            z: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
            type_name,
        }
    }

    fn resolved_align(&self, default: char) -> char {
        match self.align {
            Some(a) => a,
            None if default == '>' && self.zero => '=',
            None => default,
        }
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

fn unknown_code(ty: char, type_name: &str) -> TextError {
    let c = ty as u32;
    TextError::Value(if c > 32 && c < 128 {
        format!(
            "Unknown format code '{}' for object of type '{}'",
            ty, type_name
        )
    } else {
        format!(
            "Unknown format code '\\x{:x}' for object of type '{}'",
            c, type_name
        )
    })
}

/// Parse a run of decimal digits (any Unicode decimal digits, as CPython).
/// Returns the number of characters consumed.
fn get_integer(s: &str, out: &mut usize) -> Result<usize, TextError> {
    let mut n: usize = 0;
    let mut count = 0;
    for c in s.chars() {
        let Some(d) = unicode::decimal_value(c) else {
            break;
        };
        let d = d as usize;
        if n > (isize::MAX as usize - d) / 10 {
            return Err(value_error("Too many decimal digits in format string"));
        }
        n = n * 10 + d;
        count += 1;
    }
    *out = n;
    Ok(count)
}

fn skip_chars(s: &str, n: usize) -> &str {
    let b = super::char_to_byte(s, n);
    s.get(b..).unwrap_or("")
}

/// Parse a format spec (CPython's `parse_internal_render_format_spec`).
/// `type_name` is the Python type name used in error messages.
pub fn parse_spec<'a>(spec: &str, type_name: &'a str) -> Result<Spec<'a>, TextError> {
    let mut sp = Spec::empty(type_name);
    let mut rest = spec;
    let mut chars = rest.chars();
    let c0 = chars.next();
    let c1 = chars.next();
    let mut fill_specified = false;
    if let (Some(f), Some(a)) = (c0, c1.filter(|&a| is_align(a))) {
        sp.fill = f;
        sp.align = Some(a);
        fill_specified = true;
        rest = skip_chars(rest, 2);
    } else if let Some(a) = c0.filter(|&a| is_align(a)) {
        sp.align = Some(a);
        rest = skip_chars(rest, 1);
    }
    if let Some(c) = rest.chars().next().filter(|c| matches!(c, '+' | '-' | ' ')) {
        sp.sign = Some(c);
        rest = &rest[1..];
    }
    if rest.starts_with('z') {
        sp.z = true;
        rest = &rest[1..];
    }
    if rest.starts_with('#') {
        sp.alternate = true;
        rest = &rest[1..];
    }
    if !fill_specified && rest.starts_with('0') {
        sp.fill = '0';
        sp.zero = true;
        rest = &rest[1..];
    }
    let mut w = 0;
    let n = get_integer(rest, &mut w)?;
    if n > 0 {
        sp.width = Some(w);
        rest = skip_chars(rest, n);
    }
    if rest.starts_with(',') {
        sp.grouping = Some(',');
        rest = &rest[1..];
    }
    if rest.starts_with('_') {
        if sp.grouping.is_some() {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        sp.grouping = Some('_');
        rest = &rest[1..];
    }
    if rest.starts_with(',') && sp.grouping == Some('_') {
        return Err(value_error("Cannot specify both ',' and '_'."));
    }
    if rest.starts_with('.') {
        rest = &rest[1..];
        let mut p = 0;
        let n = get_integer(rest, &mut p)?;
        if n == 0 {
            return Err(value_error("Format specifier missing precision"));
        }
        sp.precision = Some(p);
        rest = skip_chars(rest, n);
    }
    let mut tail = rest.chars();
    match (tail.next(), tail.next()) {
        (None, _) => {}
        (Some(t), None) => sp.ty = Some(t),
        (Some(_), Some(_)) => {
            return Err(TextError::Value(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, type_name
            )))
        }
    }
    if let Some(g) = sp.grouping {
        let ok = match sp.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            let t = sp.ty.unwrap_or('\0');
            let c = t as u32;
            return Err(TextError::Value(if c > 32 && c < 128 {
                format!("Cannot specify '{}' with '{}'.", g, t)
            } else {
                format!("Cannot specify '{}' with '\\x{:x}'.", g, c)
            }));
        }
    }
    Ok(sp)
}

/// The radix in which the caller must render an int's magnitude for
/// [`format_int`]: 2 for `b`, 8 for `o`, 16 for `x`/`X`, else 10 (also for
/// `c` and the float types, which [`format_int`] reads as decimal).
pub fn spec_int_radix(spec: &Spec) -> u32 {
    match spec.ty {
        Some('b') => 2,
        Some('o') => 8,
        Some('x' | 'X') => 16,
        _ => 10,
    }
}

/// A number split the way CPython's `calc_number_widths` sees it.
struct NumberParts<'s> {
    /// The number is negative (a `-` is shown).
    neg: bool,
    prefix: &'s str,
    /// Integer digits, grouped if asked.
    digits: &'s str,
    has_decimal: bool,
    /// Everything after the decimal point (or after the digits).
    remainder: &'s str,
}

/// Port of `_PyUnicode_InsertThousandsGrouping`: the digits with separators
/// every `group` digits (none if `group == 0`), zero-padded to `min_width`.
fn group_digits(
    digits: &[u8],
    min_width: isize,
    group: usize,
    sep: u8,
) -> Result<alloc::vec::Vec<u8>, TextError> {
    let mut out: alloc::vec::Vec<u8> = alloc::vec::Vec::new();
    let want = digits.len().max(min_width.max(0) as usize);
    let extra = want.checked_div(group).map_or(0, |q| q + 1);
    out.try_reserve(want.saturating_add(extra))
        .map_err(|_| TextError::Memory)?;
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width.max(0);
    let mut pos = digits.len();
    let mut use_sep = false;
    let mut emit = |out: &mut alloc::vec::Vec<u8>, n_chars: isize, n_zeros: isize, sep_on: bool| {
        if sep_on {
            out.push(sep);
        }
        for _ in 0..n_chars {
            pos -= 1;
            out.push(digits[pos]);
        }
        for _ in 0..n_zeros {
            out.push(b'0');
        }
    };
    let mut broken = false;
    if group > 0 {
        let g = group as isize;
        loop {
            let len = g.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(&mut out, n_chars, n_zeros, use_sep);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        emit(&mut out, n_chars, n_zeros, use_sep);
    }
    out.reverse();
    Ok(out)
}

/// Port of `calc_number_widths` + `fill_number`.
fn fill_number(
    p: &NumberParts,
    spec: &Spec,
    align: char,
    group: usize,
    sep: u8,
) -> Result<String, TextError> {
    let sign = match (spec.sign, p.neg) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let n_remainder = super::char_len(p.remainder);
    let n_non_digit =
        usize::from(sign.is_some()) + p.prefix.len() + usize::from(p.has_decimal) + n_remainder;
    let width = spec
        .width
        .map_or(-1isize, |w| w.min(isize::MAX as usize) as isize);
    let min_width = if spec.fill == '0' && align == '=' {
        width - n_non_digit as isize
    } else {
        0
    };
    let grouped = if p.digits.is_empty() {
        alloc::vec::Vec::new()
    } else {
        group_digits(p.digits.as_bytes(), min_width, group, sep)?
    };
    let n_padding = width - (n_non_digit + grouped.len()) as isize;
    let (mut lpad, mut spad, mut rpad) = (0usize, 0usize, 0usize);
    if n_padding > 0 {
        let n = n_padding as usize;
        match align {
            '<' => rpad = n,
            '^' => {
                lpad = n / 2;
                rpad = n - lpad;
            }
            '=' => spad = n,
            _ => lpad = n,
        }
    }
    let mut out = String::new();
    reserve(&mut out, n_non_digit + grouped.len() + 8)?;
    push_repeat(&mut out, spec.fill, lpad)?;
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(p.prefix);
    push_repeat(&mut out, spec.fill, spad)?;
    for &b in &grouped {
        out.push(char::from(b));
    }
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    push_repeat(&mut out, spec.fill, rpad)?;
    Ok(out)
}

/// Format an int. `magnitude_digits` is `abs(value)` written in the radix
/// [`spec_int_radix`] returns (lower-case letters; `"0"` for zero; an empty
/// string also means zero).
///
/// Handles every presentation type valid for ints:
/// * `b o d n x X` and none (`#` prefixes `0b 0o 0x 0X`, `,`/`_` grouping,
///   `_` every 4 digits for `b o x X`, sign, fill, alignment incl. `=`,
///   zero padding; `n` groups nothing, as in the C locale);
/// * `c` (the digits are read as a decimal code point, see [`format_char`]);
/// * the float types `e E f F g G %`: CPython converts the int to a float
///   first (correctly rounded; `OverflowError("int too large to convert to
///   float")` past the float range). This function does that conversion
///   itself from the decimal digits, so the caller may pass the int here;
///   a caller that already has the `f64` can call [`format_float`] instead.
pub fn format_int(
    negative: bool,
    magnitude_digits: &str,
    spec: &Spec,
) -> Result<String, TextError> {
    let ty = spec.ty.unwrap_or('d');
    let digits = if magnitude_digits.is_empty() {
        "0"
    } else {
        magnitude_digits
    };
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let v = crate::dtoa::parse(digits.as_bytes()).unwrap_or(f64::INFINITY);
            if v.is_infinite() {
                return Err(TextError::Overflow(String::from(
                    "int too large to convert to float",
                )));
            }
            return format_float(if negative { -v } else { v }, spec);
        }
        _ => return Err(unknown_code(ty, spec.type_name)),
    }
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.z {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        char_spec_checks(spec)?;
        // CPython converts to a C long first (64-bit here, as on 64-bit hosts).
        let mut mag: u128 = 0;
        for b in digits.bytes() {
            mag = mag
                .saturating_mul(10)
                .saturating_add(u128::from(b.wrapping_sub(b'0') % 10));
        }
        if mag > (1u128 << 63) - u128::from(!negative) {
            return Err(TextError::Overflow(String::from(
                "Python int too large to convert to C long",
            )));
        }
        let cp = if negative && mag != 0 {
            u32::MAX
        } else {
            u32::try_from(mag).unwrap_or(u32::MAX)
        };
        return format_char(cp, spec);
    }
    let prefix = if spec.alternate {
        match ty {
            'b' => "0b",
            'o' => "0o",
            'x' => "0x",
            'X' => "0X",
            _ => "",
        }
    } else {
        ""
    };
    let upper;
    let digits = if ty == 'X' {
        upper = digits.to_ascii_uppercase();
        &upper[..]
    } else {
        digits
    };
    let (group, sep) = match (ty, spec.grouping) {
        ('n', _) | (_, None) => (0, b','),
        ('b' | 'o' | 'x' | 'X', Some(_)) => (4, b'_'),
        (_, Some(g)) => (3, g as u8),
    };
    let parts = NumberParts {
        neg: negative,
        prefix,
        digits,
        has_decimal: false,
        remainder: "",
    };
    fill_number(&parts, spec, spec.resolved_align('>'), group, sep)
}

fn char_spec_checks(spec: &Spec) -> Result<(), TextError> {
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.z {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if spec.sign.is_some() {
        return Err(value_error(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    Ok(())
}

/// Format code point `cp` with presentation type `c` (`format(65, 'c')`).
/// Errors as CPython: precision, `z`, sign and `#` are `ValueError`s;
/// `cp > 0x10ffff` is `OverflowError("%c arg not in range(0x110000)")`
/// (a negative int should be passed as `u32::MAX`). Surrogate code points,
/// which a Rust string cannot hold, also give that `OverflowError`.
pub fn format_char(cp: u32, spec: &Spec) -> Result<String, TextError> {
    char_spec_checks(spec)?;
    let Some(c) = char::from_u32(cp) else {
        return Err(TextError::Overflow(String::from(
            "%c arg not in range(0x110000)",
        )));
    };
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    let parts = NumberParts {
        neg: false,
        prefix: "",
        digits: "",
        has_decimal: false,
        remainder: s,
    };
    fill_number(&parts, spec, spec.resolved_align('>'), 0, b',')
}

/// Format a float: types `e E f F g G n %` and none. Type none is `str(x)`
/// without a precision; with one it is like `g` except that an integral
/// result keeps `.0` and switches to exponent form one digit earlier
/// (`format(1.0, '.3')` is `'1.0'`, `format(100.0, '.3')` is `'1e+02'`).
/// `n` is `g` in the C locale (no grouping, `.` as decimal point), which
/// is what CPython does unless the program calls `locale.setlocale`.
/// Rounding is correct (half to even on the exact binary value).
pub fn format_float(x: f64, spec: &Spec) -> Result<String, TextError> {
    let mut ty = match spec.ty {
        None => 'r',
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => t,
        Some(t) => return Err(unknown_code(t, spec.type_name)),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_error("precision too big"));
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        add_dot_0: false,
        no_neg_0: spec.z,
    };
    let mut default_precision = 6;
    if ty == 'r' {
        flags.add_dot_0 = true;
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let add_pct = ty == '%';
    if add_pct {
        ty = 'f';
        val *= 100.0;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(val, ty, precision, flags)?;
    if add_pct {
        buf.push('%');
    }
    let (neg, body) = match buf.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, &buf[..]),
    };
    let nd = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, after) = body.split_at(nd);
    let (has_decimal, remainder) = match after.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, after),
    };
    let group = match (spec.ty, spec.grouping) {
        (Some('n'), _) | (_, None) => 0,
        _ => 3,
    };
    let parts = NumberParts {
        neg,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    let sep = spec.grouping.map_or(b',', |g| g as u8);
    fill_number(&parts, spec, spec.resolved_align('>'), group, sep)
}

/// Format a string: type `s` or none; precision truncates; width counts
/// characters. Sign, `z`, `#` and `=` alignment are `ValueError`s.
pub fn format_str(s: &str, spec: &Spec) -> Result<String, TextError> {
    if let (Some(g), None) = (spec.grouping, spec.ty) {
        // The default type of str is 's', which refuses separators.
        return Err(TextError::Value(format!(
            "Cannot specify '{}' with 's'.",
            g
        )));
    }
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, spec.type_name)),
    }
    match spec.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.z {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let align = spec.resolved_align('<');
    if align == '=' {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut text = s;
    let mut len = super::char_len(s);
    if let Some(p) = spec.precision {
        if len > p {
            text = super::char_slice(s, 0, p);
            len = p;
        }
    }
    let total = spec.width.map_or(len, |w| w.max(len));
    let pad = total - len;
    let lpad = match align {
        '>' => pad,
        '^' => pad / 2,
        _ => 0,
    };
    let mut out = String::new();
    reserve(&mut out, text.len())?;
    push_repeat(&mut out, spec.fill, lpad)?;
    out.push_str(text);
    push_repeat(&mut out, spec.fill, pad - lpad)?;
    Ok(out)
}
