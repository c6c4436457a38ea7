//! `printf`-style `%`-formatting of `str` (CPython's `PyUnicode_Format`).
//!
//! [`PercentParser`] splits a format string into literal text and
//! conversions. For each [`Conv`] the object layer:
//! 1. if `key` is `Some`, looks the value up in the mapping (TypeError
//!    `format requires a mapping` if the argument is not one), else
//!    consumes positional arguments: first one for each `*` width /
//!    precision (set with [`Conv::set_star_width`] /
//!    [`Conv::set_star_precision`]; TypeError `* wants int` otherwise),
//!    then the value;
//! 2. dispatches on [`Conv::kind`]: [`percent_int`] (after `int()`-style
//!    conversion of the value: `__index__`, or `int(float)` for `d i u`),
//!    [`percent_float`], [`percent_str`] (with `str()`, `repr()` or
//!    `ascii()` of the value), [`percent_char`], or raises
//!    [`Conv::unsupported_error`].
//!
//! Parse errors (`ValueError`): `incomplete format`, `incomplete format
//! key`, `width too big`, `precision too big`.

use super::floatfmt::{double_to_string, DtoaFlags};
use super::{char_len, push_repeat, reserve, value_error, TextError};
use alloc::format;
use alloc::string::String;

/// Conversion flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// `-`: left-justify.
    pub minus: bool,
    /// `+`: always show a sign.
    pub plus: bool,
    /// `' '`: a space for positive numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding (numbers only).
    pub zero: bool,
}

/// A width or precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    None,
    /// `*`: taken from the argument list.
    Star,
    N(usize),
}

impl Width {
    fn get(self) -> Option<usize> {
        match self {
            Width::N(n) => Some(n),
            _ => None,
        }
    }
}

/// One `%` conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conv<'a> {
    /// `%(name)s`: the mapping key.
    pub key: Option<&'a str>,
    pub flags: Flags,
    pub width: Width,
    pub precision: Width,
    /// The conversion character (not validated; see [`Conv::kind`]).
    pub ty: char,
    /// Character index of `ty` in the format string (for error messages).
    pub index: usize,
}

/// What a conversion formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvKind {
    /// `%s`: `str(value)`, then [`percent_str`].
    Str,
    /// `%r`: `repr(value)`, then [`percent_str`].
    Repr,
    /// `%a`: `ascii(value)`, then [`percent_str`].
    Ascii,
    /// `%d %i %u %o %x %X`: [`percent_int`] with the magnitude in `radix`.
    Int { radix: u32 },
    /// `%e %E %f %F %g %G`: [`percent_float`].
    Float,
    /// `%c`: [`percent_char`] (an int, or a str of length 1).
    Char,
    /// Anything else: raise [`Conv::unsupported_error`] (after fetching the
    /// argument, as CPython does).
    Unsupported,
}

impl Conv<'_> {
    /// Classify [`Conv::ty`].
    pub fn kind(&self) -> ConvKind {
        match self.ty {
            's' => ConvKind::Str,
            'r' => ConvKind::Repr,
            'a' => ConvKind::Ascii,
            'd' | 'i' | 'u' => ConvKind::Int { radix: 10 },
            'o' => ConvKind::Int { radix: 8 },
            'x' | 'X' => ConvKind::Int { radix: 16 },
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => ConvKind::Float,
            'c' => ConvKind::Char,
            _ => ConvKind::Unsupported,
        }
    }

    /// `ValueError("unsupported format character 'q' (0x71) at index 3")`.
    pub fn unsupported_error(&self) -> TextError {
        let c = self.ty as u32;
        let shown = if (31..=126).contains(&c) {
            self.ty
        } else {
            '?'
        };
        TextError::Value(format!(
            "unsupported format character '{}' (0x{:x}) at index {}",
            shown, c, self.index
        ))
    }

    /// Resolve a `*` width with its argument (a negative width left-justifies).
    pub fn set_star_width(&mut self, w: isize) {
        if w < 0 {
            self.flags.minus = true;
        }
        self.width = Width::N(w.unsigned_abs());
    }

    /// Resolve a `*` precision with its argument (negative means 0). CPython
    /// requires it to fit a C `int` (OverflowError otherwise).
    pub fn set_star_precision(&mut self, p: isize) {
        self.precision = Width::N(if p < 0 { 0 } else { p as usize });
    }

    /// Number of `*` arguments this conversion consumes before its value.
    pub fn star_count(&self) -> usize {
        usize::from(self.width == Width::Star) + usize::from(self.precision == Width::Star)
    }
}

/// A piece of a `%` format string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text to copy (`%%` yields `Literal("%")`).
    Literal(&'a str),
    Conv(Conv<'a>),
}

/// Iterator over the pieces of a `%` format string; stops after the first
/// error.
#[derive(Debug, Clone)]
pub struct PercentParser<'a> {
    s: &'a str,
    /// Byte position.
    pos: usize,
    /// Character index of `pos`.
    cidx: usize,
    failed: bool,
}

impl<'a> PercentParser<'a> {
    pub fn new(s: &'a str) -> Self {
        PercentParser {
            s,
            pos: 0,
            cidx: 0,
            failed: false,
        }
    }

    fn read(&mut self) -> Option<char> {
        let c = self.s.get(self.pos..)?.chars().next()?;
        self.pos += c.len_utf8();
        self.cidx += 1;
        Some(c)
    }

    fn parse_conv(&mut self) -> Result<Conv<'a>, TextError> {
        let incomplete = || value_error("incomplete format");
        let mut conv = Conv {
            key: None,
            flags: Flags::default(),
            width: Width::None,
            precision: Width::None,
            ty: '\0',
            index: 0,
        };
        let rest = self.s.get(self.pos..).unwrap_or("");
        if rest.starts_with('(') {
            self.read();
            let start = self.pos;
            let mut depth = 1;
            loop {
                let Some(c) = self.read() else {
                    return Err(value_error("incomplete format key"));
                };
                if c == ')' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                } else if c == '(' {
                    depth += 1;
                }
            }
            conv.key = Some(self.s.get(start..self.pos - 1).unwrap_or(""));
        }
        let mut ch;
        loop {
            ch = self.read().ok_or_else(incomplete)?;
            match ch {
                '-' => conv.flags.minus = true,
                '+' => conv.flags.plus = true,
                ' ' => conv.flags.space = true,
                '#' => conv.flags.alt = true,
                '0' => conv.flags.zero = true,
                _ => break,
            }
        }
        if ch == '*' {
            conv.width = Width::Star;
            ch = self.read().ok_or_else(incomplete)?;
        } else if let Some(d) = ch.to_digit(10) {
            let mut w = d as usize;
            loop {
                ch = self.read().ok_or_else(incomplete)?;
                let Some(d) = ch.to_digit(10) else { break };
                if w > (isize::MAX as usize - d as usize) / 10 {
                    return Err(value_error("width too big"));
                }
                w = w * 10 + d as usize;
            }
            conv.width = Width::N(w);
        }
        if ch == '.' {
            conv.precision = Width::N(0);
            ch = self.read().ok_or_else(incomplete)?;
            if ch == '*' {
                conv.precision = Width::Star;
                ch = self.read().ok_or_else(incomplete)?;
            } else if let Some(d) = ch.to_digit(10) {
                let mut p = d as usize;
                loop {
                    ch = self.read().ok_or_else(incomplete)?;
                    let Some(d) = ch.to_digit(10) else { break };
                    if p > (i32::MAX as usize - d as usize) / 10 {
                        return Err(value_error("precision too big"));
                    }
                    p = p * 10 + d as usize;
                }
                conv.precision = Width::N(p);
            }
        }
        if matches!(ch, 'h' | 'l' | 'L') {
            ch = self.read().ok_or_else(incomplete)?;
        }
        conv.ty = ch;
        conv.index = self.cidx - 1;
        Ok(conv)
    }
}

impl<'a> Iterator for PercentParser<'a> {
    type Item = Result<Piece<'a>, TextError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let rest = self.s.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        if !rest.starts_with('%') {
            let n = rest.find('%').unwrap_or(rest.len());
            let lit = &rest[..n];
            self.pos += n;
            self.cidx += char_len(lit);
            return Some(Ok(Piece::Literal(lit)));
        }
        if rest.as_bytes().get(1) == Some(&b'%') {
            self.pos += 2;
            self.cidx += 2;
            return Some(Ok(Piece::Literal(&rest[1..2])));
        }
        self.read();
        match self.parse_conv() {
            Ok(c) => Some(Ok(Piece::Conv(c))),
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

/// Port of `unicode_format_arg_output`: sign, `0x` prefix, padding.
/// `numeric` is CPython's `arg->sign` (true for ints and floats).
fn output(conv: &Conv, s: &str, numeric: bool) -> Result<String, TextError> {
    let f = conv.flags;
    let fill = if numeric && f.zero { '0' } else { ' ' };
    let mut len = char_len(s);
    if !numeric && matches!(conv.ty, 's' | 'r' | 'a') {
        if let Some(p) = conv.precision.get() {
            len = len.min(p);
        }
    }
    let mut sign = numeric;
    let mut chars = s.chars();
    let mut signchar = ' ';
    if sign {
        match s.chars().next() {
            Some(c @ ('-' | '+')) => {
                signchar = c;
                chars.next();
                len = len.saturating_sub(1);
            }
            _ if f.plus => signchar = '+',
            _ if f.space => signchar = ' ',
            _ => sign = false,
        }
    }
    let mut width = conv.width.get().unwrap_or(0).max(len);
    let mut out = String::new();
    reserve(&mut out, s.len().saturating_add(4))?;
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = f.alt && matches!(conv.ty, 'x' | 'X' | 'o');
    let mut prefix = String::new();
    if alt_prefix {
        prefix.extend(chars.by_ref().take(2));
        if fill != ' ' {
            out.push_str(&prefix);
        }
        width = width.saturating_sub(2);
        len = len.saturating_sub(2);
    }
    if width > len && !f.minus {
        push_repeat(&mut out, fill, width - len)?;
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        out.push_str(&prefix);
    }
    out.extend(chars.take(len));
    if width > len {
        push_repeat(&mut out, ' ', width - len)?;
    }
    Ok(out)
}

/// Format an int for `%d %i %u %o %x %X`: `magnitude_digits` is `abs(value)`
/// in the radix [`Conv::kind`] gives (lower case, `"0"` for zero). `%#o`
/// gives `0o`, `%#x` `0x`, `%#X` `0X`; the precision is a minimum digit count.
pub fn percent_int(
    conv: &Conv,
    negative: bool,
    magnitude_digits: &str,
) -> Result<String, TextError> {
    let digits = if magnitude_digits.is_empty() {
        "0"
    } else {
        magnitude_digits
    };
    let prec = conv.precision.get().unwrap_or(0);
    if prec > i32::MAX as usize - 3 {
        return Err(TextError::Overflow(String::from("precision too large")));
    }
    let mut s = String::new();
    reserve(&mut s, digits.len().max(prec) + 4)?;
    if negative {
        s.push('-');
    }
    if conv.flags.alt {
        match conv.ty {
            'o' => s.push_str("0o"),
            'x' => s.push_str("0x"),
            'X' => s.push_str("0X"),
            _ => {}
        }
    }
    push_repeat(&mut s, '0', prec.saturating_sub(digits.len()))?;
    if conv.ty == 'X' {
        s.extend(digits.chars().map(|c| c.to_ascii_uppercase()));
    } else {
        s.push_str(digits);
    }
    output(conv, &s, true)
}

/// Format a float for `%e %E %f %F %g %G` (default precision 6).
pub fn percent_float(conv: &Conv, x: f64) -> Result<String, TextError> {
    let prec = conv.precision.get().unwrap_or(6);
    let flags = DtoaFlags {
        alt: conv.flags.alt,
        ..DtoaFlags::default()
    };
    let s = double_to_string(x, conv.ty, prec, flags)?;
    output(conv, &s, true)
}

/// Pad (and for `%s %r %a`, truncate to the precision) an already converted
/// string: `str(v)`, `repr(v)`, `ascii(v)`, or the character of `%c`.
pub fn percent_str(conv: &Conv, s: &str) -> Result<String, TextError> {
    output(conv, s, false)
}

/// `%c` with an int argument: `OverflowError("%c arg not in
/// range(0x110000)")` outside the code point range (pass `u32::MAX` for
/// negatives) or for surrogates.
pub fn percent_char(conv: &Conv, cp: u32) -> Result<String, TextError> {
    let c = char::from_u32(cp)
        .ok_or_else(|| TextError::Overflow(String::from("%c arg not in range(0x110000)")))?;
    let mut buf = [0u8; 4];
    output(conv, c.encode_utf8(&mut buf), false)
}
