//! `str` methods as functions over `&str`, with Python's semantics.
//! Indices (`start`, `end`, results of `find`...) are character indices;
//! `None` for `start`/`end` means the argument was omitted (or `None`).
//! Widths and counts are `isize` as in CPython (`Py_ssize_t`); the caller
//! converts Python ints (OverflowError if they do not fit).

use super::unicode::{self, is_space};
use super::{byte_to_char, char_len, char_to_byte, push_repeat, reserve, value_error, TextError};
use alloc::string::String;
use alloc::vec::Vec;

/// CPython's `ADJUST_INDICES`: clamp slice indices to `0..=len`.
pub fn adjust_indices(start: Option<isize>, end: Option<isize>, len: usize) -> (isize, isize) {
    let len = len.min(isize::MAX as usize) as isize;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end += len;
        if end < 0 {
            end = 0;
        }
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start += len;
        if start < 0 {
            start = 0;
        }
    }
    (start, end)
}

/// The sub-slice of `s` between adjusted indices, or `None` if the range is
/// shorter than `need` characters.
fn window(s: &str, start: Option<isize>, end: Option<isize>, need: usize) -> Option<(&str, isize)> {
    let (start, end) = adjust_indices(start, end, char_len(s));
    if end - start < need as isize {
        return None;
    }
    // Here 0 <= start <= end <= len.
    let a = char_to_byte(s, start as usize);
    let rest = s.get(a..)?;
    let b = a + char_to_byte(rest, (end - start) as usize);
    Some((s.get(a..b)?, start))
}

/// `s.find(sub, start, end)`: character index of the first occurrence, or -1.
pub fn find(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> isize {
    match window(s, start, end, char_len(sub)) {
        Some((hay, off)) => match hay.find(sub) {
            Some(b) => off + byte_to_char(hay, b) as isize,
            None => -1,
        },
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: character index of the last occurrence, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> isize {
    match window(s, start, end, char_len(sub)) {
        Some((hay, off)) => match hay.rfind(sub) {
            Some(b) => off + byte_to_char(hay, b) as isize,
            None => -1,
        },
        None => -1,
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences (`len + 1` for an
/// empty `sub`).
pub fn count(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> usize {
    match window(s, start, end, char_len(sub)) {
        Some((hay, _)) if sub.is_empty() => char_len(hay) + 1,
        Some((hay, _)) => hay.matches(sub).count(),
        None => 0,
    }
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<isize>, end: Option<isize>) -> bool {
    window(s, start, end, char_len(prefix)).is_some_and(|(hay, _)| hay.starts_with(prefix))
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<isize>, end: Option<isize>) -> bool {
    window(s, start, end, char_len(suffix)).is_some_and(|(hay, _)| hay.ends_with(suffix))
}

fn empty_separator() -> TextError {
    value_error("empty separator")
}

fn skip_space(s: &str, i: usize) -> usize {
    let rest = s.get(i..).unwrap_or("");
    i + rest
        .char_indices()
        .find(|&(_, c)| !is_space(c))
        .map_or(rest.len(), |(b, _)| b)
}

fn skip_nonspace(s: &str, i: usize) -> usize {
    let rest = s.get(i..).unwrap_or("");
    i + rest
        .char_indices()
        .find(|&(_, c)| is_space(c))
        .map_or(rest.len(), |(b, _)| b)
}

fn rskip_space(s: &str, i: usize) -> usize {
    let head = s.get(..i).unwrap_or("");
    head.char_indices()
        .rev()
        .find(|&(_, c)| !is_space(c))
        .map_or(0, |(b, c)| b + c.len_utf8())
}

fn rskip_nonspace(s: &str, i: usize) -> usize {
    let head = s.get(..i).unwrap_or("");
    head.char_indices()
        .rev()
        .find(|&(_, c)| is_space(c))
        .map_or(0, |(b, c)| b + c.len_utf8())
}

fn max_count(maxsplit: isize) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    }
}

/// `s.split(sep, maxsplit)` (`maxsplit < 0`: no limit). `sep == None`
/// splits on runs of whitespace ([`unicode::is_space`]) and drops empty
/// strings. An empty `sep` is `ValueError("empty separator")`.
pub fn split<'a>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: isize,
) -> Result<Vec<&'a str>, TextError> {
    let mut n = max_count(maxsplit);
    match sep {
        Some("") => Err(empty_separator()),
        // (A one-byte separator searches as a char: much faster.)
        Some(sep) if sep.len() == 1 => {
            let c = sep.as_bytes()[0] as char;
            Ok(if n == usize::MAX {
                s.split(c).collect()
            } else {
                s.splitn(n + 1, c).collect()
            })
        }
        Some(sep) => Ok(if n == usize::MAX {
            s.split(sep).collect()
        } else {
            s.splitn(n + 1, sep).collect()
        }),
        None => {
            let mut out = Vec::new();
            let mut i = 0;
            while n > 0 {
                i = skip_space(s, i);
                if i >= s.len() {
                    break;
                }
                let j = i;
                i = skip_nonspace(s, i);
                out.push(&s[j..i]);
                n -= 1;
            }
            if i < s.len() {
                i = skip_space(s, i);
                if i < s.len() {
                    out.push(&s[i..]);
                }
            }
            Ok(out)
        }
    }
}

/// `s.rsplit(sep, maxsplit)`: like [`split`] but splitting from the right.
pub fn rsplit<'a>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: isize,
) -> Result<Vec<&'a str>, TextError> {
    let mut n = max_count(maxsplit);
    let mut out: Vec<&'a str> = match sep {
        Some("") => return Err(empty_separator()),
        Some(sep) => {
            if n == usize::MAX {
                s.rsplit(sep).collect()
            } else {
                s.rsplitn(n + 1, sep).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut i = s.len();
            while n > 0 {
                i = rskip_space(s, i);
                if i == 0 {
                    break;
                }
                let j = i;
                i = rskip_nonspace(s, i);
                out.push(&s[i..j]);
                n -= 1;
            }
            if i > 0 {
                i = rskip_space(s, i);
                if i > 0 {
                    out.push(&s[..i]);
                }
            }
            out
        }
    };
    out.reverse();
    Ok(out)
}

/// `s.splitlines(keepends)`: splits at `\n \r \r\n \v \f \x1c \x1d \x1e
/// \x85 \u2028 \u2029`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut j = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !unicode::is_linebreak(c) {
            continue;
        }
        let mut next = i + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
            it.next();
            next += 1;
        }
        out.push(&s[j..if keepends { next } else { i }]);
        j = next;
    }
    if j < s.len() {
        out.push(&s[j..]);
    }
    out
}

fn strip_set(c: char, chars: Option<&str>) -> bool {
    match chars {
        None => is_space(c),
        Some(set) => set.contains(c),
    }
}

/// `s.strip(chars)`; `None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_matches(|c| strip_set(c, chars))
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_start_matches(|c| strip_set(c, chars))
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_end_matches(|c| strip_set(c, chars))
}

/// `s.replace(old, new, count)` (`count < 0`: all). An empty `old` inserts
/// `new` before every character and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: isize) -> Result<String, TextError> {
    let maxcount = max_count(count);
    let mut out = String::new();
    if maxcount == 0 || old == new {
        reserve(&mut out, s.len())?;
        out.push_str(s);
        return Ok(out);
    }
    if old.is_empty() {
        let n = (char_len(s) + 1).min(maxcount);
        let size = n
            .checked_mul(new.len())
            .and_then(|x| x.checked_add(s.len()))
            .ok_or(TextError::Memory)?;
        reserve(&mut out, size)?;
        let mut done = 0;
        for c in s.chars() {
            if done < n {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < n {
            out.push_str(new);
        }
        return Ok(out);
    }
    let n = s.matches(old).take(maxcount).count();
    let size = (s.len() - n * old.len())
        .checked_add(n.checked_mul(new.len()).ok_or(TextError::Memory)?)
        .ok_or(TextError::Memory)?;
    reserve(&mut out, size)?;
    let mut last = 0;
    for (i, m) in s.match_indices(old).take(n) {
        out.push_str(&s[last..i]);
        out.push_str(new);
        last = i + m.len();
    }
    out.push_str(&s[last..]);
    Ok(out)
}

/// `s.expandtabs(tabsize)`: columns restart after `\n` and `\r`; with
/// `tabsize <= 0` tabs are removed.
pub fn expandtabs(s: &str, tabsize: isize) -> Result<String, TextError> {
    let mut out = String::new();
    reserve(&mut out, s.len())?;
    let mut col: usize = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let t = tabsize as usize;
                let incr = t - col % t;
                push_repeat(&mut out, ' ', incr)?;
                col = col.saturating_add(incr);
            }
        } else {
            out.push(c);
            col += 1;
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(out)
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> Result<String, TextError> {
    let mut out = String::new();
    reserve(&mut out, s.len())?;
    push_repeat(&mut out, fill, left)?;
    out.push_str(s);
    push_repeat(&mut out, fill, right)?;
    Ok(out)
}

fn margin(s: &str, width: isize) -> Option<usize> {
    let len = char_len(s);
    if width <= 0 || (width as usize) <= len {
        None
    } else {
        Some(width as usize - len)
    }
}

/// `s.center(width, fillchar)` (CPython's odd-width rule included).
pub fn center(s: &str, width: isize, fillchar: char) -> Result<String, TextError> {
    match margin(s, width) {
        None => pad(s, 0, 0, fillchar),
        Some(marg) => {
            let left = marg / 2 + (marg & width as usize & 1);
            pad(s, left, marg - left, fillchar)
        }
    }
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: isize, fillchar: char) -> Result<String, TextError> {
    pad(s, 0, margin(s, width).unwrap_or(0), fillchar)
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: isize, fillchar: char) -> Result<String, TextError> {
    pad(s, margin(s, width).unwrap_or(0), 0, fillchar)
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: isize) -> Result<String, TextError> {
    let Some(fill) = margin(s, width) else {
        return pad(s, 0, 0, '0');
    };
    let mut out = String::new();
    reserve(&mut out, s.len() + 1)?;
    let body = match s.chars().next() {
        Some(c @ ('+' | '-')) => {
            out.push(c);
            &s[1..]
        }
        _ => s,
    };
    push_repeat(&mut out, '0', fill)?;
    out.push_str(body);
    Ok(out)
}

/// Whether the capital sigma at byte `i` of `s` is in the Final_Sigma
/// context (CPython's `handle_capital_sigma`): preceded by a cased letter
/// and not followed by one, looking through case-ignorable characters.
fn final_sigma(s: &str, i: usize) -> bool {
    let before = s.get(..i).unwrap_or("");
    let after = s.get(i + 2..).unwrap_or("");
    let not_ignorable = |c: &char| !unicode::is_case_ignorable(*c);
    before
        .chars()
        .rev()
        .find(not_ignorable)
        .is_some_and(unicode::is_cased)
        && !after
            .chars()
            .find(not_ignorable)
            .is_some_and(unicode::is_cased)
}

/// Lower-case the character at byte `i` of `s` (CPython's `lower_ucs4`).
fn push_lower_at(out: &mut String, s: &str, i: usize, c: char) {
    if c == 'Σ' {
        out.push(if final_sigma(s, i) { 'ς' } else { 'σ' });
    } else {
        unicode::push_lower(out, c);
    }
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        unicode::push_upper(&mut out, c);
    }
    out
}

/// `s.lower()` (with the final-sigma rule).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        push_lower_at(&mut out, s, i, c);
    }
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        unicode::push_casefold(&mut out, c);
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if unicode::is_upper(c) {
            push_lower_at(&mut out, s, i, c);
        } else if unicode::is_lower(c) {
            unicode::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.title()`: title-case after an uncased character, lower-case after a
/// cased one.
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, c) in s.char_indices() {
        if prev_cased {
            push_lower_at(&mut out, s, i, c);
        } else {
            unicode::push_title(&mut out, c);
        }
        prev_cased = unicode::is_cased(c);
    }
    out
}

/// `s.capitalize()`: the first character title-cased (`'ßa'` gives
/// `'Ssa'`), the rest lower-cased.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if i == 0 {
            unicode::push_title(&mut out, c);
        } else {
            push_lower_at(&mut out, s, i, c);
        }
    }
    out
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, unicode::is_alpha)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, unicode::is_digit)
}

/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, unicode::is_decimal)
}

/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, unicode::is_numeric)
}

/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, unicode::is_alnum)
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}

/// `s.isprintable()` (true for `''`).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(unicode::is_printable)
}

/// `s.isascii()`.
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isidentifier()` (see [`unicode::is_id_start`] for the approximation).
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || unicode::is_id_start(c) => it.all(unicode::is_id_continue),
        _ => false,
    }
}

/// `s.isupper()`: has a cased character and no lower/title-case one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_lower(c) || unicode::is_title(c) {
            return false;
        }
        cased |= unicode::is_upper(c);
    }
    cased
}

/// `s.islower()`: has a cased character and no upper/title-case one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            return false;
        }
        cased |= unicode::is_lower(c);
    }
    cased
}

/// `s.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `s.partition(sep)`: `(head, sep, tail)`, or `(s, "", "")` if `sep` is
/// absent. An empty `sep` is `ValueError("empty separator")`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`: `(head, sep, tail)` at the last occurrence, or
/// `("", "", s)`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}
