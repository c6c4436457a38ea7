//! Pure text and number formatting: the algorithms behind `str`, `int` and
//! `float` methods, `format()`, f-strings, `%`-formatting and `repr`.
//!
//! Everything here works on plain Rust values (`&str`, `f64`, digit strings)
//! and follows CPython 3.11 exactly unless a doc comment says otherwise.
//! Nothing panics on any input: errors come back as [`TextError`], whose
//! variant names the Python exception to raise and whose message is the one
//! CPython gives.
//!
//! * [`floatfmt`]: `repr(float)`, `round(x, n)`, `float(str)`, `float.hex`,
//!   `float.fromhex`, and the dtoa-style core shared by the formatters.
//! * [`spec`]: the format-spec mini-language (`format()`, f-strings,
//!   `str.format`).
//! * [`percent`]: `%`-formatting (`printf`-style) parsing and rendering.
//! * [`repr`]: `repr(str)`, `repr(bytes)`, `ascii()`.
//! * [`strmethods`]: `str` methods as functions over `&str`.
//! * [`unicode`]: character predicates and case mappings.
//!
//! Indices in this module's public API are in characters (code points), as
//! in Python; [`char_to_byte`] and [`byte_to_char`] convert.

use alloc::string::String;

pub mod floatfmt;
pub mod percent;
pub mod repr;
pub mod spec;
pub mod strmethods;
pub mod unicode;
mod unitables;

#[cfg(test)]
mod tests;

pub use floatfmt::{
    double_to_string, float_fromhex, float_hex, float_repr, float_to_str, parse_float, round_f64,
    DtoaFlags,
};
pub use percent::{
    percent_char, percent_float, percent_int, percent_str, Conv, ConvKind, Flags, PercentParser,
    Piece, Width,
};
pub use repr::{ascii_escape, ascii_repr, bytes_repr, str_repr};
pub use spec::{
    format_char, format_float, format_int, format_str, parse_spec, spec_int_radix, Spec,
};

/// An error to raise as a Python exception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// `ValueError(message)`.
    Value(String),
    /// `OverflowError(message)`.
    Overflow(String),
    /// `MemoryError()`: the result would not fit in memory (checked with
    /// `try_reserve` before any large, user-sized allocation).
    Memory,
}

impl TextError {
    /// The message (empty for [`TextError::Memory`]).
    pub fn message(&self) -> &str {
        match self {
            TextError::Value(m) | TextError::Overflow(m) => m,
            TextError::Memory => "",
        }
    }
}

pub(crate) fn value_error(msg: &str) -> TextError {
    TextError::Value(String::from(msg))
}

/// Reserve room for `additional` more bytes, or report `MemoryError`.
pub(crate) fn reserve(s: &mut String, additional: usize) -> Result<(), TextError> {
    s.try_reserve(additional).map_err(|_| TextError::Memory)
}

/// Append `n` copies of `c`, reporting `MemoryError` if that cannot fit.
pub(crate) fn push_repeat(s: &mut String, c: char, n: usize) -> Result<(), TextError> {
    if n == 0 {
        return Ok(());
    }
    let bytes = n.checked_mul(c.len_utf8()).ok_or(TextError::Memory)?;
    reserve(s, bytes)?;
    for _ in 0..n {
        s.push(c);
    }
    Ok(())
}

/// Whether every byte is ASCII (then character and byte indices coincide).
#[inline]
pub fn is_ascii(s: &str) -> bool {
    s.is_ascii()
}

/// Number of characters (code points) in `s`: Python's `len(s)`.
#[inline]
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of character index `idx`; `s.len()` if `idx >= char_len(s)`.
pub fn char_to_byte(s: &str, idx: usize) -> usize {
    if s.is_ascii() {
        return idx.min(s.len());
    }
    match s.char_indices().nth(idx) {
        Some((b, _)) => b,
        None => s.len(),
    }
}

/// Character index of byte offset `byte` (counting the characters that
/// start before it; offsets past the end count all characters).
pub fn byte_to_char(s: &str, byte: usize) -> usize {
    let byte = byte.min(s.len());
    let head = s.as_bytes().get(..byte).unwrap_or(&[]);
    // Count bytes that are not UTF-8 continuation bytes.
    head.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The slice of `s` between character indices `start` and `end` (clamped).
pub fn char_slice(s: &str, start: usize, end: usize) -> &str {
    if end <= start {
        return "";
    }
    let a = char_to_byte(s, start);
    let b = a + char_to_byte(s.get(a..).unwrap_or(""), end - start);
    s.get(a..b).unwrap_or("")
}
