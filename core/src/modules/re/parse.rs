//! Regular-expression syntax: pattern text → [`Node`] tree, with CPython's
//! (`sre_parse`) error messages and positions. Flags in effect are baked
//! into the nodes (case folding, dot-all, multi-line anchors, ASCII classes).

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

pub const F_TEMPLATE: u32 = 1;
pub const F_I: u32 = 2;
pub const F_L: u32 = 4;
pub const F_M: u32 = 8;
pub const F_S: u32 = 16;
pub const F_U: u32 = 32;
pub const F_X: u32 = 64;
pub const F_DEBUG: u32 = 128;
pub const F_A: u32 = 256;

/// Largest repeat count (CPython's MAXREPEAT on 32-bit builds).
pub const MAXREPEAT: u32 = u32::MAX;
/// Groups a pattern may have.
pub const MAXGROUPS: u32 = 1000;

/// A syntax error: message and position (characters), or no position.
pub struct Error {
    pub msg: String,
    pub pos: Option<usize>,
    /// 0: re.error, 1: OverflowError, 2: RecursionError, 3: ValueError.
    pub kind: u8,
}

fn err(msg: String, pos: usize) -> Error {
    Error {
        msg,
        pos: Some(pos),
        kind: 0,
    }
}

/// Case folding of a literal or class: none, ASCII only, Unicode.
pub const FOLD_NONE: u8 = 0;
pub const FOLD_ASCII: u8 = 1;
pub const FOLD_UNI: u8 = 2;

// Class categories; `| CAT_ASCII` selects the ASCII definition.
pub const CAT_DIGIT: u8 = 0;
pub const CAT_NOT_DIGIT: u8 = 1;
pub const CAT_WORD: u8 = 2;
pub const CAT_NOT_WORD: u8 = 3;
pub const CAT_SPACE: u8 = 4;
pub const CAT_NOT_SPACE: u8 = 5;
pub const CAT_ASCII: u8 = 8;

// Zero-width assertions.
pub const AT_BOL: u8 = 0;
pub const AT_BOL_M: u8 = 1;
pub const AT_EOL: u8 = 2;
pub const AT_EOL_M: u8 = 3;
pub const AT_BOS: u8 = 4;
pub const AT_EOS: u8 = 5;
pub const AT_WORDB: u8 = 6;
pub const AT_NWORDB: u8 = 7;
pub const AT_WORDB_A: u8 = 8;
pub const AT_NWORDB_A: u8 = 9;

pub const REP_GREEDY: u8 = 0;
pub const REP_LAZY: u8 = 1;
pub const REP_POSSESSIVE: u8 = 2;

pub enum SetItem {
    Range(u32, u32),
    Cat(u8),
}

pub struct Set {
    pub neg: bool,
    pub fold: u8,
    pub items: Vec<SetItem>,
}

pub enum Node {
    Empty,
    Lit(u32, u8),
    /// `.`; true: DOTALL.
    Any(bool),
    Set(Box<Set>),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    Group(u32, Box<Node>),
    Rep {
        min: u32,
        max: u32,
        mode: u8,
        node: Box<Node>,
    },
    At(u8),
    Look {
        behind: bool,
        neg: bool,
        node: Box<Node>,
    },
    Atomic(Box<Node>),
    /// Group, folding, and the group's width.
    Backref(u32, u8, (usize, Option<usize>)),
    Cond(u32, Box<Node>, Box<Node>),
}

impl Node {
    /// (min, max) width in characters; max `None` = unbounded.
    pub fn width(&self) -> (usize, Option<usize>) {
        match self {
            Node::Empty | Node::At(_) | Node::Look { .. } => (0, Some(0)),
            Node::Lit(..) | Node::Any(_) | Node::Set(_) => (1, Some(1)),
            Node::Cat(v) => {
                let (mut lo, mut hi) = (0usize, Some(0usize));
                for n in v {
                    let (a, b) = n.width();
                    lo = lo.saturating_add(a);
                    hi = match (hi, b) {
                        (Some(x), Some(y)) => x.checked_add(y),
                        _ => None,
                    };
                }
                (lo, hi)
            }
            Node::Alt(v) => {
                let mut lo = usize::MAX;
                let mut hi = Some(0usize);
                for n in v {
                    let (a, b) = n.width();
                    lo = lo.min(a);
                    hi = match (hi, b) {
                        (Some(x), Some(y)) => Some(x.max(y)),
                        _ => None,
                    };
                }
                (if v.is_empty() { 0 } else { lo }, hi)
            }
            Node::Group(_, n) | Node::Atomic(n) => n.width(),
            Node::Rep { min, max, node, .. } => {
                let (a, b) = node.width();
                let lo = a.saturating_mul(*min as usize);
                let hi = if *max == MAXREPEAT {
                    if b == Some(0) {
                        Some(0)
                    } else {
                        None
                    }
                } else {
                    b.and_then(|b| b.checked_mul(*max as usize))
                };
                (lo, hi)
            }
            Node::Backref(_, _, w) => *w,
            Node::Cond(_, y, n) => {
                let (a, b) = y.width();
                let (c, d) = n.width();
                (
                    a.min(c),
                    match (b, d) {
                        (Some(x), Some(y)) => Some(x.max(y)),
                        _ => None,
                    },
                )
            }
        }
    }
    /// Matches exactly one character (a candidate for the fast repeat).
    pub fn is_single(&self) -> bool {
        matches!(self, Node::Lit(..) | Node::Any(_) | Node::Set(_))
    }
}

/// The result of parsing.
pub struct Parsed {
    pub node: Node,
    /// Flags after inline global flags (UNICODE added for str patterns).
    pub flags: u32,
    /// Number of capturing groups.
    pub groups: u32,
    /// Group names and numbers, in order of definition.
    pub names: Vec<(String, u32)>,
}

struct P<'a> {
    s: &'a [u32],
    i: usize,
    is_bytes: bool,
    flags: u32,
    groups: u32,
    open: Vec<u32>,
    names: Vec<(String, u32)>,
    max_depth: usize,
    /// False when the native stack is nearly exhausted.
    stack_ok: &'a dyn Fn() -> bool,
    /// Numbered references of conditionals, checked at the end.
    condrefs: Vec<(u32, usize)>,
    /// A variable-width look-behind was seen (reported after parsing, as
    /// CPython's compiler does).
    bad_lookbehind: bool,
    /// Inside a look-behind: the first group number defined in it.
    lookbehind_groups: Option<u32>,
    /// Width of each closed group (index = group number).
    widths: Vec<(usize, Option<usize>)>,
}

fn is_digit(c: Option<u32>) -> bool {
    matches!(c, Some(0x30..=0x39))
}
fn is_oct(c: Option<u32>) -> bool {
    matches!(c, Some(0x30..=0x37))
}
fn is_hex(c: Option<u32>) -> bool {
    c.and_then(char::from_u32)
        .is_some_and(|c| c.is_ascii_hexdigit())
}
fn ch(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{fffd}')
}

/// Is `name` a Python identifier?
pub fn is_identifier(name: &str) -> bool {
    let mut it = name.chars();
    match it.next() {
        Some(c) if c == '_' || crate::text::unicode::is_id_start(c) => {}
        _ => return false,
    }
    it.all(|c| c == '_' || crate::text::unicode::is_id_continue(c))
}

/// `repr()` of a name in an error message (`'a'`).
pub fn quote(name: &str) -> String {
    if name.contains('\'') && !name.contains('"') {
        format!("\"{}\"", name)
    } else {
        let mut s = String::from("'");
        for c in name.chars() {
            match c {
                '\'' => s.push_str("\\'"),
                '\\' => s.push_str("\\\\"),
                '\n' => s.push_str("\\n"),
                '\t' => s.push_str("\\t"),
                '\r' => s.push_str("\\r"),
                c => s.push(c),
            }
        }
        s.push('\'');
        s
    }
}

impl P<'_> {
    fn peek(&self) -> Option<u32> {
        self.s.get(self.i).copied()
    }
    fn peek_is(&self, c: char) -> bool {
        self.peek() == Some(c as u32)
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek_is(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn get(&mut self) -> Option<u32> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }
    fn fold(&self) -> u8 {
        if self.flags & F_I == 0 {
            FOLD_NONE
        } else if self.is_bytes || self.flags & F_A != 0 {
            FOLD_ASCII
        } else {
            FOLD_UNI
        }
    }
    fn ascii(&self) -> bool {
        self.is_bytes || self.flags & F_A != 0
    }
    fn lit(&self, c: u32) -> Node {
        Node::Lit(c, self.fold())
    }
    fn text(&self, a: usize, b: usize) -> String {
        self.s[a..b.min(self.s.len())]
            .iter()
            .map(|&c| ch(c))
            .collect()
    }
    fn skip_verbose(&mut self) {
        loop {
            match self.peek() {
                Some(0x20 | 0x09 | 0x0a | 0x0b | 0x0c | 0x0d) => self.i += 1,
                Some(0x23) => {
                    while let Some(c) = self.get() {
                        if c == 0x0a {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Alternatives up to `)` or the end.
    fn alt(&mut self, depth: usize) -> Result<Node, Error> {
        if depth > self.max_depth || !(self.stack_ok)() {
            return Err(Error {
                msg: String::from("maximum recursion depth exceeded"),
                pos: None,
                kind: 2,
            });
        }
        let mut branches = Vec::new();
        let mut first = depth == 0;
        loop {
            branches.push(self.seq(depth, first)?);
            first = false;
            if !self.eat('|') {
                break;
            }
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    /// `{m,n}` after a `{` at `here`; `None` when it is a literal `{`.
    #[inline(never)]
    fn brace(&mut self, here: usize) -> Result<Option<(u32, u32)>, Error> {
        if self.peek_is('}') {
            return Ok(None);
        }
        let lo_start = self.i;
        while is_digit(self.peek()) {
            self.i += 1;
        }
        let lo = self.text(lo_start, self.i);
        let hi = if self.eat(',') {
            let hs = self.i;
            while is_digit(self.peek()) {
                self.i += 1;
            }
            self.text(hs, self.i)
        } else {
            lo.clone()
        };
        if !self.eat('}') {
            self.i = here + 1;
            return Ok(None);
        }
        let num = |t: &str| -> Result<u32, Error> {
            match t.parse::<u64>() {
                Ok(v) if v < MAXREPEAT as u64 => Ok(v as u32),
                _ => Err(Error {
                    msg: String::from("the repetition number is too large"),
                    pos: None,
                    kind: 1,
                }),
            }
        };
        let min = if lo.is_empty() { 0 } else { num(&lo)? };
        let max = if hi.is_empty() { MAXREPEAT } else { num(&hi)? };
        if max < min {
            return Err(err(
                String::from("min repeat greater than max repeat"),
                here + 1,
            ));
        }
        Ok(Some((min, max)))
    }

    fn seq(&mut self, depth: usize, first: bool) -> Result<Node, Error> {
        let mut items: Vec<Node> = Vec::new();
        // Whether the last item came from a quantifier.
        let mut last_rep = false;
        // Whether the last item is an assertion (not inside a group).
        let mut last_at = false;
        loop {
            if self.flags & F_X != 0 {
                self.skip_verbose();
            }
            let Some(c) = self.peek() else { break };
            if c == '|' as u32 || c == ')' as u32 {
                break;
            }
            let here = self.i;
            self.i += 1;
            let c = ch(c);
            match c {
                '*' | '+' | '?' | '{' => {
                    let (min, max) = match c {
                        '*' => (0, MAXREPEAT),
                        '+' => (1, MAXREPEAT),
                        '?' => (0, 1),
                        _ => match self.brace(here)? {
                            Some(r) => r,
                            None => {
                                items.push(self.lit('{' as u32));
                                last_rep = false;
                                last_at = false;
                                continue;
                            }
                        },
                    };
                    let Some(last) = items.pop() else {
                        return Err(err(String::from("nothing to repeat"), here));
                    };
                    if last_at {
                        return Err(err(String::from("nothing to repeat"), here));
                    }
                    if last_rep {
                        return Err(err(String::from("multiple repeat"), here));
                    }
                    let mode = if self.eat('?') {
                        REP_LAZY
                    } else if self.eat('+') {
                        REP_POSSESSIVE
                    } else {
                        REP_GREEDY
                    };
                    items.push(Node::Rep {
                        min,
                        max,
                        mode,
                        node: Box::new(last),
                    });
                    last_rep = true;
                    last_at = false;
                    continue;
                }
                _ => {}
            }
            let (was_rep, was_at) = (last_rep, last_at);
            last_rep = false;
            last_at = matches!(c, '^' | '$');
            match c {
                '.' => items.push(Node::Any(self.flags & F_S != 0)),
                '^' => items.push(Node::At(if self.flags & F_M != 0 {
                    AT_BOL_M
                } else {
                    AT_BOL
                })),
                '$' => items.push(Node::At(if self.flags & F_M != 0 {
                    AT_EOL_M
                } else {
                    AT_EOL
                })),
                '[' => {
                    let s = self.class(here)?;
                    items.push(s);
                }
                '\\' => {
                    let n = self.escape(here)?;
                    last_at = matches!(n, Node::At(_));
                    items.push(n);
                }
                '(' => match self.group(here, depth, first && items.is_empty())? {
                    Some(n) => items.push(n),
                    None => (last_rep, last_at) = (was_rep, was_at),
                },
                _ => items.push(self.lit(c as u32)),
            }
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Cat(items),
        })
    }

    /// The character after a backslash at `here` (error at the end).
    fn esc_char(&mut self, here: usize) -> Result<u32, Error> {
        self.get()
            .ok_or_else(|| err(String::from("bad escape (end of pattern)"), here))
    }

    #[inline(never)]
    fn hex_escape(&mut self, here: usize, kind: char, n: usize) -> Result<u32, Error> {
        let start = self.i;
        while self.i - start < n && is_hex(self.peek()) {
            self.i += 1;
        }
        let digits = self.text(start, self.i);
        if digits.len() != n {
            return Err(err(format!("incomplete escape \\{}{}", kind, digits), here));
        }
        let v = u32::from_str_radix(&digits, 16).unwrap_or(0);
        if kind == 'U' && char::from_u32(v).is_none() {
            return Err(err(format!("bad escape \\U{}", digits), here));
        }
        Ok(v)
    }

    fn cat(&self, c: char) -> Option<u8> {
        let k = match c {
            'd' => CAT_DIGIT,
            'D' => CAT_NOT_DIGIT,
            'w' => CAT_WORD,
            'W' => CAT_NOT_WORD,
            's' => CAT_SPACE,
            'S' => CAT_NOT_SPACE,
            _ => return None,
        };
        Some(if self.ascii() { k | CAT_ASCII } else { k })
    }

    fn simple_escape(c: char) -> Option<u32> {
        Some(match c {
            'a' => 7,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            '\\' => 92,
            _ => return None,
        })
    }

    #[inline(never)]
    fn escape(&mut self, here: usize) -> Result<Node, Error> {
        let e = self.esc_char(here)?;
        let c = ch(e);
        if let Some(k) = self.cat(c) {
            return Ok(Node::Set(Box::new(Set {
                neg: false,
                fold: FOLD_NONE,
                items: alloc::vec![SetItem::Cat(k)],
            })));
        }
        let a = self.ascii();
        match c {
            'A' => return Ok(Node::At(AT_BOS)),
            'Z' => return Ok(Node::At(AT_EOS)),
            'b' => return Ok(Node::At(if a { AT_WORDB_A } else { AT_WORDB })),
            'B' => return Ok(Node::At(if a { AT_NWORDB_A } else { AT_NWORDB })),
            _ => {}
        }
        if let Some(v) = Self::simple_escape(c) {
            return Ok(self.lit(v));
        }
        match c {
            'x' => {
                let v = self.hex_escape(here, 'x', 2)?;
                return Ok(self.lit(v));
            }
            'u' if !self.is_bytes => {
                let v = self.hex_escape(here, 'u', 4)?;
                return Ok(self.lit(v));
            }
            'U' if !self.is_bytes => {
                let v = self.hex_escape(here, 'U', 8)?;
                return Ok(self.lit(v));
            }
            '0' => {
                let mut v = 0;
                let mut n = 0;
                while n < 2 && is_oct(self.peek()) {
                    v = v * 8 + (self.get().unwrap_or(48) - 48);
                    n += 1;
                }
                return Ok(self.lit(v));
            }
            '1'..='9' => {
                let mut num = e - 48;
                if is_digit(self.peek()) {
                    let d2 = self.get().unwrap_or(48);
                    if is_oct(Some(e)) && is_oct(Some(d2)) && is_oct(self.peek()) {
                        let d3 = self.get().unwrap_or(48);
                        let v = (e - 48) * 64 + (d2 - 48) * 8 + (d3 - 48);
                        if v > 0o377 {
                            return Err(err(
                                format!(
                                    "octal escape value \\{} outside of range 0-0o377",
                                    self.text(here + 1, self.i)
                                ),
                                here,
                            ));
                        }
                        return Ok(self.lit(v));
                    }
                    num = num * 10 + (d2 - 48);
                }
                if num <= self.groups {
                    if self.open.contains(&num) {
                        return Err(err(String::from("cannot refer to an open group"), here));
                    }
                    self.check_lookbehind(num)?;
                    return Ok(self.backref(num));
                }
                return Err(err(format!("invalid group reference {}", num), here + 1));
            }
            _ => {}
        }
        if c.is_ascii_alphabetic() {
            return Err(err(format!("bad escape \\{}", c), here));
        }
        Ok(self.lit(e))
    }

    /// An escape inside a class: a character or a category.
    #[inline(never)]
    fn class_escape(&mut self, here: usize) -> Result<SetItem, Error> {
        let e = self.esc_char(here)?;
        let c = ch(e);
        if let Some(k) = self.cat(c) {
            return Ok(SetItem::Cat(k));
        }
        if c == 'b' {
            return Ok(SetItem::Range(8, 8));
        }
        if let Some(v) = Self::simple_escape(c) {
            return Ok(SetItem::Range(v, v));
        }
        let v = match c {
            'x' => self.hex_escape(here, 'x', 2)?,
            'u' if !self.is_bytes => self.hex_escape(here, 'u', 4)?,
            'U' if !self.is_bytes => self.hex_escape(here, 'U', 8)?,
            '0'..='7' => {
                let mut v = e - 48;
                let mut n = 0;
                while n < 2 && is_oct(self.peek()) {
                    v = v * 8 + (self.get().unwrap_or(48) - 48);
                    n += 1;
                }
                if v > 0o377 {
                    return Err(err(
                        format!(
                            "octal escape value \\{} outside of range 0-0o377",
                            self.text(here + 1, self.i)
                        ),
                        here,
                    ));
                }
                v
            }
            _ if c.is_ascii_alphanumeric() => {
                return Err(err(format!("bad escape \\{}", c), here));
            }
            _ => e,
        };
        Ok(SetItem::Range(v, v))
    }

    #[inline(never)]
    fn class(&mut self, here: usize) -> Result<Node, Error> {
        let neg = self.eat('^');
        let mut items: Vec<SetItem> = Vec::new();
        let unterminated = || err(String::from("unterminated character set"), here);
        loop {
            let start = self.i;
            let Some(c) = self.get() else {
                return Err(unterminated());
            };
            if c == ']' as u32 && !items.is_empty() {
                break;
            }
            let item1 = if c == '\\' as u32 {
                self.class_escape(start)?
            } else {
                SetItem::Range(c, c)
            };
            let end1 = self.i;
            if self.eat('-') {
                let start2 = self.i;
                let Some(c2) = self.get() else {
                    return Err(unterminated());
                };
                if c2 == ']' as u32 {
                    items.push(item1);
                    items.push(SetItem::Range(45, 45));
                    break;
                }
                let item2 = if c2 == '\\' as u32 {
                    self.class_escape(start2)?
                } else {
                    SetItem::Range(c2, c2)
                };
                let bad = || {
                    err(
                        format!(
                            "bad character range {}-{}",
                            self.text(start, end1),
                            self.text(start2, self.i)
                        ),
                        start,
                    )
                };
                match (item1, item2) {
                    (SetItem::Range(lo, _), SetItem::Range(hi, _)) if hi >= lo => {
                        items.push(SetItem::Range(lo, hi))
                    }
                    _ => return Err(bad()),
                }
            } else {
                items.push(item1);
            }
        }
        let fold = self.fold();
        if fold != FOLD_NONE {
            // Add the other cases of single characters (σ/ς/Σ, s/ſ, ...).
            let n = items.len();
            for i in 0..n {
                if let SetItem::Range(a, b) = items[i] {
                    if a == b {
                        for v in [
                            super::exec::lower(a, fold as u32),
                            super::exec::upper(a, fold as u32),
                        ] {
                            if v != a {
                                items.push(SetItem::Range(v, v));
                            }
                        }
                    }
                }
            }
        }
        Ok(Node::Set(Box::new(Set { neg, fold, items })))
    }

    /// Characters up to `term` (a group name), with sre's errors.
    #[inline(never)]
    fn until(&mut self, term: char, what: &str) -> Result<String, Error> {
        let start = self.i;
        loop {
            match self.get() {
                None => {
                    if self.i == start {
                        return Err(err(format!("missing {}", what), self.i));
                    }
                    return Err(err(format!("missing {}, unterminated name", term), start));
                }
                Some(c) if c == term as u32 => {
                    if self.i - 1 == start {
                        return Err(err(format!("missing {}", what), start));
                    }
                    return Ok(self.text(start, self.i - 1));
                }
                _ => {}
            }
        }
    }

    fn flag_of(&self, c: u32) -> Option<u32> {
        Some(match ch(c) {
            'i' => F_I,
            'L' => F_L,
            'm' => F_M,
            's' => F_S,
            'x' => F_X,
            'a' => F_A,
            't' => F_TEMPLATE,
            'u' => F_U,
            _ => return None,
        })
    }

    /// Inline flags after `(?`; `Ok(None)`: global flags `(?i)`.
    #[inline(never)]
    fn flags(&mut self, first: u32) -> Result<Option<(u32, u32)>, Error> {
        const TYPE: u32 = F_A | F_L | F_U;
        let mut add = 0;
        let mut del = 0;
        let mut c = first;
        if c != '-' as u32 {
            loop {
                let f = self.flag_of(c).unwrap_or(0);
                if !self.is_bytes && c == 'L' as u32 {
                    return Err(err(
                        String::from("bad inline flags: cannot use 'L' flag with a str pattern"),
                        self.i,
                    ));
                }
                if self.is_bytes && c == 'u' as u32 {
                    return Err(err(
                        String::from("bad inline flags: cannot use 'u' flag with a bytes pattern"),
                        self.i,
                    ));
                }
                add |= f;
                if f & TYPE != 0 && add & TYPE != f {
                    return Err(err(
                        String::from("bad inline flags: flags 'a', 'u' and 'L' are incompatible"),
                        self.i,
                    ));
                }
                let Some(n) = self.get() else {
                    return Err(err(String::from("missing -, : or )"), self.i));
                };
                c = n;
                if c == ')' as u32 || c == '-' as u32 || c == ':' as u32 {
                    break;
                }
                if self.flag_of(c).is_none() {
                    let m = if ch(c).is_alphabetic() {
                        "unknown flag"
                    } else {
                        "missing -, : or )"
                    };
                    return Err(err(String::from(m), self.i - 1));
                }
            }
        }
        if c == ')' as u32 {
            return Ok(None);
        }
        if c == '-' as u32 {
            let Some(n) = self.get() else {
                return Err(err(String::from("missing flag"), self.i));
            };
            c = n;
            if self.flag_of(c).is_none() {
                let m = if ch(c).is_alphabetic() {
                    "unknown flag"
                } else {
                    "missing flag"
                };
                return Err(err(String::from(m), self.i - 1));
            }
            loop {
                let f = self.flag_of(c).unwrap_or(0);
                if f & TYPE != 0 {
                    return Err(err(
                        String::from("bad inline flags: cannot turn off flags 'a', 'u' and 'L'"),
                        self.i,
                    ));
                }
                del |= f;
                let Some(n) = self.get() else {
                    return Err(err(String::from("missing :"), self.i));
                };
                c = n;
                if c == ':' as u32 {
                    break;
                }
                if self.flag_of(c).is_none() {
                    let m = if ch(c).is_alphabetic() {
                        "unknown flag"
                    } else {
                        "missing :"
                    };
                    return Err(err(String::from(m), self.i - 1));
                }
            }
        }
        if add & del != 0 {
            return Err(err(
                String::from("bad inline flags: flag turned on and off"),
                self.i - 1,
            ));
        }
        Ok(Some((add, del)))
    }

    fn close(&mut self, start: usize) -> Result<(), Error> {
        if self.eat(')') {
            Ok(())
        } else {
            Err(err(
                String::from("missing ), unterminated subpattern"),
                start,
            ))
        }
    }

    fn backref(&self, g: u32) -> Node {
        let w = self.widths.get(g as usize).copied().unwrap_or((0, None));
        Node::Backref(g, self.fold(), w)
    }

    /// sre's checklookbehindgroup.
    fn check_lookbehind(&self, g: u32) -> Result<(), Error> {
        if let Some(first) = self.lookbehind_groups {
            if g > self.groups || self.open.contains(&g) {
                return Err(err(String::from("cannot refer to an open group"), self.i));
            }
            if g >= first {
                return Err(err(
                    String::from("cannot refer to group defined in the same lookbehind subpattern"),
                    self.i,
                ));
            }
        }
        Ok(())
    }

    fn group_ref(&self, name: &str) -> Option<u32> {
        self.names.iter().find(|(n, _)| n == name).map(|(_, g)| *g)
    }

    /// A group starting with `(` at `start`; `None` for comments and
    /// global flags.
    fn group(&mut self, start: usize, depth: usize, first: bool) -> Result<Option<Node>, Error> {
        let mut name: Option<String> = None;
        let mut capture = true;
        let mut atomic = false;
        let mut scoped: Option<(u32, u32)> = None;
        if self.eat('?') {
            let Some(c) = self.get() else {
                return Err(err(String::from("unexpected end of pattern"), self.i));
            };
            match ch(c) {
                'P' => {
                    if self.eat('<') {
                        let n = self.until('>', "group name")?;
                        if !is_identifier(&n) {
                            return Err(err(
                                format!("bad character in group name {}", quote(&n)),
                                self.i - n.chars().count() - 1,
                            ));
                        }
                        name = Some(n);
                    } else if self.eat('=') {
                        let n = self.until(')', "group name")?;
                        let npos = self.i - n.chars().count() - 1;
                        if !is_identifier(&n) {
                            return Err(err(
                                format!("bad character in group name {}", quote(&n)),
                                npos,
                            ));
                        }
                        let Some(g) = self.group_ref(&n) else {
                            return Err(err(format!("unknown group name {}", quote(&n)), npos));
                        };
                        if self.open.contains(&g) {
                            return Err(err(String::from("cannot refer to an open group"), npos));
                        }
                        self.check_lookbehind(g)?;
                        return Ok(Some(self.backref(g)));
                    } else {
                        let Some(c) = self.get() else {
                            return Err(err(String::from("unexpected end of pattern"), self.i));
                        };
                        return Err(err(format!("unknown extension ?P{}", ch(c)), self.i - 3));
                    }
                }
                ':' => capture = false,
                '#' => {
                    loop {
                        match self.get() {
                            None => {
                                return Err(err(
                                    String::from("missing ), unterminated comment"),
                                    start,
                                ))
                            }
                            Some(0x29) => break,
                            _ => {}
                        }
                    }
                    return Ok(None);
                }
                '=' | '!' | '<' => {
                    let mut behind = false;
                    let mut k = ch(c);
                    if k == '<' {
                        let Some(c2) = self.get() else {
                            return Err(err(String::from("unexpected end of pattern"), self.i));
                        };
                        k = ch(c2);
                        if k != '=' && k != '!' {
                            return Err(err(format!("unknown extension ?<{}", k), self.i - 3));
                        }
                        behind = true;
                    }
                    let saved_lb = self.lookbehind_groups;
                    if behind && saved_lb.is_none() {
                        self.lookbehind_groups = Some(self.groups + 1);
                    }
                    let body = self.alt(depth + 1);
                    self.lookbehind_groups = saved_lb;
                    let body = body?;
                    self.close(start)?;
                    if behind {
                        let (lo, hi) = body.width();
                        if hi != Some(lo) {
                            self.bad_lookbehind = true;
                        }
                    }
                    return Ok(Some(Node::Look {
                        behind,
                        neg: k == '!',
                        node: Box::new(body),
                    }));
                }
                '(' => {
                    let n = self.until(')', "group name")?;
                    let npos = self.i - n.chars().count() - 1;
                    let g = if is_identifier(&n) {
                        match self.group_ref(&n) {
                            Some(g) => g,
                            None => {
                                return Err(err(format!("unknown group name {}", quote(&n)), npos))
                            }
                        }
                    } else {
                        let v = if n.bytes().all(|b| b.is_ascii_digit()) {
                            n.parse::<u64>().ok()
                        } else {
                            None
                        };
                        let Some(v) = v else {
                            return Err(err(
                                format!("bad character in group name {}", quote(&n)),
                                npos,
                            ));
                        };
                        if v == 0 {
                            return Err(err(String::from("bad group number"), npos));
                        }
                        if v >= MAXGROUPS as u64 {
                            return Err(err(format!("invalid group reference {}", v), npos));
                        }
                        self.condrefs.push((v as u32, npos));
                        v as u32
                    };
                    self.check_lookbehind(g)?;
                    let yes = self.seq(depth + 1, false)?;
                    let no = if self.eat('|') {
                        let no = self.seq(depth + 1, false)?;
                        if self.peek_is('|') {
                            return Err(err(
                                String::from("conditional backref with more than two branches"),
                                self.i,
                            ));
                        }
                        no
                    } else {
                        Node::Empty
                    };
                    self.close(start)?;
                    return Ok(Some(Node::Cond(g, Box::new(yes), Box::new(no))));
                }
                '>' => {
                    capture = false;
                    atomic = true;
                }
                k if k == '-' || self.flag_of(c).is_some() => match self.flags(c)? {
                    None => {
                        if !first {
                            return Err(err(
                                String::from("global flags not at the start of the expression"),
                                start,
                            ));
                        }
                        // Applied to the whole pattern (it is at the start).
                        let mut add = 0;
                        for &k in &self.s[start + 2..self.i - 1] {
                            add |= self.flag_of(k).unwrap_or(0);
                        }
                        self.flags |= add;
                        return Ok(None);
                    }
                    Some(f) => {
                        capture = false;
                        scoped = Some(f);
                    }
                },
                k => {
                    return Err(err(format!("unknown extension ?{}", k), self.i - 2));
                }
            }
        }
        let gid = if capture {
            let g = self.groups + 1;
            if g >= MAXGROUPS {
                return Err(err(String::from("too many groups"), start));
            }
            if let Some(n) = &name {
                if let Some(old) = self.group_ref(n) {
                    return Err(err(
                        format!(
                            "redefinition of group name {} as group {}; was group {}",
                            quote(n),
                            g,
                            old
                        ),
                        self.i - n.chars().count() - 1,
                    ));
                }
                self.names.push((n.clone(), g));
            }
            self.groups = g;
            self.open.push(g);
            self.widths.push((0, None));
            Some(g)
        } else {
            None
        };
        let saved = self.flags;
        if let Some((add, del)) = scoped {
            self.flags = (self.flags | add) & !del;
        }
        let body = self.alt(depth + 1);
        self.flags = saved;
        let body = body?;
        self.close(start)?;
        if let Some(g) = gid {
            self.open.retain(|&x| x != g);
            let w = body.width();
            if let Some(slot) = self.widths.get_mut(g as usize) {
                *slot = w;
            }
            return Ok(Some(Node::Group(g, Box::new(body))));
        }
        if atomic {
            return Ok(Some(Node::Atomic(Box::new(body))));
        }
        Ok(Some(body))
    }
}

/// Parse `pat` (code points; bytes are 0..=255) with `flags`.
/// Groups may nest `max_depth` deep (the parser and the compiler recurse
/// once per level), as long as `stack_ok()` says the native stack has room.
pub fn parse(
    pat: &[u32],
    is_bytes: bool,
    flags: u32,
    max_depth: usize,
    stack_ok: &dyn Fn() -> bool,
) -> Result<Parsed, Error> {
    let mut p = P {
        s: pat,
        i: 0,
        is_bytes,
        flags,
        groups: 0,
        open: Vec::new(),
        names: Vec::new(),
        max_depth,
        stack_ok,
        condrefs: Vec::new(),
        bad_lookbehind: false,
        lookbehind_groups: None,
        widths: alloc::vec![(0, Some(0))],
    };
    let node = p.alt(0)?;
    if p.i < pat.len() {
        return Err(err(String::from("unbalanced parenthesis"), p.i));
    }
    for &(g, pos) in &p.condrefs {
        if g > p.groups {
            return Err(err(format!("invalid group reference {}", g), pos));
        }
    }
    if p.bad_lookbehind {
        return Err(Error {
            msg: String::from("look-behind requires fixed-width pattern"),
            pos: None,
            kind: 0,
        });
    }
    let mut flags = p.flags;
    if !is_bytes && flags & F_A != 0 && flags & F_U != 0 {
        return Err(Error {
            msg: String::from("ASCII and UNICODE flags are incompatible"),
            pos: None,
            kind: 3,
        });
    }
    if !is_bytes && flags & F_A == 0 {
        flags |= F_U;
    }
    Ok(Parsed {
        node,
        flags,
        groups: p.groups,
        names: p.names,
    })
}
