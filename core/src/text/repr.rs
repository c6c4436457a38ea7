//! `repr()` of `str` and `bytes`, and `ascii()`.

use super::unicode::is_printable;
use alloc::string::String;
use core::fmt::Write;

fn push_escape(out: &mut String, cp: u32) {
    let _ = if cp <= 0xff {
        write!(out, "\\x{:02x}", cp)
    } else if cp <= 0xffff {
        write!(out, "\\u{:04x}", cp)
    } else {
        write!(out, "\\U{:08x}", cp)
    };
}

/// Python's `repr(str)`: single quotes unless the text contains `'` and no
/// `"`; escapes `\\`, the quote, `\t \n \r`, other ASCII controls and DEL
/// as `\xNN`, and non-printable non-ASCII characters (see
/// [`is_printable`]) as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x80 => push_escape(&mut out, c as u32),
            c if is_printable(c) => out.push(c),
            c => push_escape(&mut out, c as u32),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(bytes)`: `b'...'` with the same quote rule as `str`,
/// `\\`, the quote, `\t \n \r` escaped, and bytes outside `0x20..0x7f` as
/// `\xNN`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(char::from(quote));
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(char::from(c));
            }
            0x20..=0x7e => out.push(char::from(c)),
            c => push_escape(&mut out, u32::from(c)),
        }
    }
    out.push(char::from(quote));
    out
}

/// Escape every non-ASCII character of `s` as `\xNN`, `\uNNNN` or
/// `\UNNNNNNNN` (the `backslashreplace` step of `ascii()`: `ascii(obj)` is
/// `ascii_escape(repr(obj))`).
pub fn ascii_escape(s: &str) -> String {
    if s.is_ascii() {
        return String::from(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c as u32);
        }
    }
    out
}

/// Python's `ascii(str)`.
pub fn ascii_repr(s: &str) -> String {
    ascii_escape(&str_repr(s))
}
