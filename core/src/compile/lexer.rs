//! Tokenizer for Python 3.11 source.
//!
//! Produces tokens lazily (`Lexer::next_token`), including the synthetic
//! `Newline`, `Indent` and `Dedent` tokens.  String literals are decoded
//! here, except f-strings, whose raw body is handed to the parser.
//! Never panics: every malformed input becomes a [`SyntaxError`].

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::ast::Constant;

/// What kind of exception a [`SyntaxError`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrKind {
    /// `SyntaxError`
    Syntax,
    /// `IndentationError`
    Indentation,
    /// `TabError`
    Tab,
}

/// A syntax error, positioned like CPython's (`line` 1-based, `col` the
/// 1-based character offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub msg: String,
    pub line: u32,
    pub col: u32,
    /// The source line the error is on (without its line ending).
    pub text: Option<String>,
    pub kind: ErrKind,
}

impl SyntaxError {
    /// `col0` is the 0-based column.
    pub fn new(msg: impl Into<String>, line: u32, col0: u32) -> SyntaxError {
        SyntaxError {
            msg: msg.into(),
            line,
            col: col0.saturating_add(1),
            text: None,
            kind: ErrKind::Syntax,
        }
    }

    pub fn with_kind(mut self, kind: ErrKind) -> SyntaxError {
        self.kind = kind;
        self
    }
}

/// Maximum indentation depth (like CPython's tokenizer).
pub const MAX_INDENT: usize = 100;
/// Maximum bracket nesting depth (like CPython's tokenizer).
pub const MAX_PAREN: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kw {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Kw {
    pub fn from_str(s: &str) -> Option<Kw> {
        Some(match s {
            "False" => Kw::False,
            "None" => Kw::None,
            "True" => Kw::True,
            "and" => Kw::And,
            "as" => Kw::As,
            "assert" => Kw::Assert,
            "async" => Kw::Async,
            "await" => Kw::Await,
            "break" => Kw::Break,
            "class" => Kw::Class,
            "continue" => Kw::Continue,
            "def" => Kw::Def,
            "del" => Kw::Del,
            "elif" => Kw::Elif,
            "else" => Kw::Else,
            "except" => Kw::Except,
            "finally" => Kw::Finally,
            "for" => Kw::For,
            "from" => Kw::From,
            "global" => Kw::Global,
            "if" => Kw::If,
            "import" => Kw::Import,
            "in" => Kw::In,
            "is" => Kw::Is,
            "lambda" => Kw::Lambda,
            "nonlocal" => Kw::Nonlocal,
            "not" => Kw::Not,
            "or" => Kw::Or,
            "pass" => Kw::Pass,
            "raise" => Kw::Raise,
            "return" => Kw::Return,
            "try" => Kw::Try,
            "while" => Kw::While,
            "with" => Kw::With,
            "yield" => Kw::Yield,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kw::False => "False",
            Kw::None => "None",
            Kw::True => "True",
            Kw::And => "and",
            Kw::As => "as",
            Kw::Assert => "assert",
            Kw::Async => "async",
            Kw::Await => "await",
            Kw::Break => "break",
            Kw::Class => "class",
            Kw::Continue => "continue",
            Kw::Def => "def",
            Kw::Del => "del",
            Kw::Elif => "elif",
            Kw::Else => "else",
            Kw::Except => "except",
            Kw::Finally => "finally",
            Kw::For => "for",
            Kw::From => "from",
            Kw::Global => "global",
            Kw::If => "if",
            Kw::Import => "import",
            Kw::In => "in",
            Kw::Is => "is",
            Kw::Lambda => "lambda",
            Kw::Nonlocal => "nonlocal",
            Kw::Not => "not",
            Kw::Or => "or",
            Kw::Pass => "pass",
            Kw::Raise => "raise",
            Kw::Return => "return",
            Kw::Try => "try",
            Kw::While => "while",
            Kw::With => "with",
            Kw::Yield => "yield",
        }
    }
}

/// Operators and delimiters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::LPar => "(",
            Op::RPar => ")",
            Op::LSqb => "[",
            Op::RSqb => "]",
            Op::LBrace => "{",
            Op::RBrace => "}",
            Op::Colon => ":",
            Op::Comma => ",",
            Op::Semi => ";",
            Op::Plus => "+",
            Op::Minus => "-",
            Op::Star => "*",
            Op::Slash => "/",
            Op::VBar => "|",
            Op::Amper => "&",
            Op::Less => "<",
            Op::Greater => ">",
            Op::Equal => "=",
            Op::Dot => ".",
            Op::Percent => "%",
            Op::EqEqual => "==",
            Op::NotEqual => "!=",
            Op::LessEqual => "<=",
            Op::GreaterEqual => ">=",
            Op::Tilde => "~",
            Op::Circumflex => "^",
            Op::LeftShift => "<<",
            Op::RightShift => ">>",
            Op::DoubleStar => "**",
            Op::PlusEqual => "+=",
            Op::MinEqual => "-=",
            Op::StarEqual => "*=",
            Op::SlashEqual => "/=",
            Op::PercentEqual => "%=",
            Op::AmperEqual => "&=",
            Op::VBarEqual => "|=",
            Op::CircumflexEqual => "^=",
            Op::LeftShiftEqual => "<<=",
            Op::RightShiftEqual => ">>=",
            Op::DoubleStarEqual => "**=",
            Op::DoubleSlash => "//",
            Op::DoubleSlashEqual => "//=",
            Op::At => "@",
            Op::AtEqual => "@=",
            Op::RArrow => "->",
            Op::Ellipsis => "...",
            Op::ColonEqual => ":=",
        }
    }
}

/// A string literal token.
#[derive(Debug, Clone, PartialEq)]
pub enum StrLit {
    Str(String),
    Bytes(Vec<u8>),
    /// An f-string: its raw body is `src[start..end]`, starting at
    /// (`line`, `col`).
    F {
        raw: bool,
        start: usize,
        end: usize,
        line: u32,
        col: u32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Name(String),
    Kw(Kw),
    Num(Constant),
    Str(StrLit),
    Op(Op),
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// A stray character such as `$` or `?` (the parser reports it).
    Error(char),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    /// Bracket nesting level after this token.
    pub level: u32,
    /// A `Dedent`/`EndMarker` produced at the end of the input.
    pub at_eof: bool,
}

/// A position-tracking reader over `src[pos..end]`.  `\r\n` and lone `\r`
/// read as `\n`.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    src: &'a str,
    pub pos: usize,
    end: usize,
    pub line: u32,
    pub col: u32,
    /// Position of the last line ending read.
    pub last_nl: (u32, u32),
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a str, start: usize, end: usize, line: u32, col: u32) -> Cursor<'a> {
        let end = end.min(src.len());
        Cursor {
            src,
            pos: start.min(end),
            end,
            line,
            col,
            last_nl: (line, col),
        }
    }

    fn raw_char(&self, pos: usize) -> Option<char> {
        if pos >= self.end {
            return None;
        }
        let b = *self.src.as_bytes().get(pos)?;
        if b < 0x80 {
            Some(b as char)
        } else {
            self.src.get(pos..self.end)?.chars().next()
        }
    }

    /// The next character, without consuming it.
    pub fn peek(&self) -> Option<char> {
        match self.raw_char(self.pos) {
            Some('\r') => Some('\n'),
            c => c,
        }
    }

    /// The character `n` characters ahead (0 = `peek`).
    pub fn peek_at(&self, n: usize) -> Option<char> {
        let mut c = self.clone();
        for _ in 0..n {
            c.bump()?;
        }
        c.peek()
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.end
    }

    pub fn bump(&mut self) -> Option<char> {
        let c = self.raw_char(self.pos)?;
        self.pos += c.len_utf8();
        match c {
            '\r' => {
                if self.raw_char(self.pos) == Some('\n') {
                    self.pos += 1;
                }
                self.last_nl = (self.line, self.col);
                self.line += 1;
                self.col = 0;
                Some('\n')
            }
            '\n' => {
                self.last_nl = (self.line, self.col);
                self.line += 1;
                self.col = 0;
                Some('\n')
            }
            _ => {
                self.col += 1;
                Some(c)
            }
        }
    }

    pub fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Does the unread text start with `s`?
    pub fn starts_with(&self, s: &str) -> bool {
        self.src
            .get(self.pos..self.end)
            .is_some_and(|r| r.starts_with(s))
    }
}

/// The result of reading one backslash escape.
pub enum Esc {
    Char(char),
    Byte(u8),
    /// Backslash-newline: nothing.
    Nothing,
    /// Not an escape: the backslash stands for itself and the following
    /// character was not consumed.
    Unknown,
}

fn hex_val(c: char) -> Option<u32> {
    c.to_digit(16)
}

/// Reads the escape after a backslash (already consumed).  `rel` is the
/// offset of the backslash within the literal, for messages.
pub fn read_escape(cur: &mut Cursor, bytes: bool, rel: usize) -> Result<Esc, String> {
    let bs = cur.pos.saturating_sub(1);
    let c = match cur.peek() {
        Some(c) => c,
        None => return Ok(Esc::Unknown),
    };
    let simple = match c {
        '\n' => {
            cur.bump();
            return Ok(Esc::Nothing);
        }
        '\\' => Some('\\'),
        '\'' => Some('\''),
        '"' => Some('"'),
        'a' => Some('\x07'),
        'b' => Some('\x08'),
        'f' => Some('\x0c'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\x0b'),
        _ => None,
    };
    if let Some(s) = simple {
        cur.bump();
        return Ok(if bytes {
            Esc::Byte(s as u8)
        } else {
            Esc::Char(s)
        });
    }
    match c {
        '0'..='7' => {
            let mut v: u32 = 0;
            for _ in 0..3 {
                match cur.peek().and_then(|d| d.to_digit(8)) {
                    Some(d) => {
                        v = v * 8 + d;
                        cur.bump();
                    }
                    None => break,
                }
            }
            if bytes {
                Ok(Esc::Byte((v & 0xff) as u8))
            } else {
                Ok(Esc::Char(char::from_u32(v).unwrap_or('\u{fffd}')))
            }
        }
        'x' => {
            cur.bump();
            let v = read_hex(cur, 2);
            match v {
                Some(v) if bytes => Ok(Esc::Byte(v as u8)),
                Some(v) => Ok(Esc::Char(char::from_u32(v).unwrap_or('\u{fffd}'))),
                None if bytes => Err(format!(
                    "(value error) invalid \\x escape at position {}",
                    rel
                )),
                None => Err(unicode_err(rel, cur, bs, "truncated \\xXX escape")),
            }
        }
        'u' | 'U' if !bytes => {
            cur.bump();
            let n = if c == 'u' { 4 } else { 8 };
            match read_hex(cur, n) {
                Some(v) if v > 0x10ffff => {
                    Err(unicode_err(rel, cur, bs, "illegal Unicode character"))
                }
                Some(v) => Ok(Esc::Char(char::from_u32(v).unwrap_or('\u{fffd}'))),
                None => Err(unicode_err(
                    rel,
                    cur,
                    bs,
                    if c == 'u' {
                        "truncated \\uXXXX escape"
                    } else {
                        "truncated \\UXXXXXXXX escape"
                    },
                )),
            }
        }
        'N' if !bytes => {
            cur.bump();
            if !cur.eat('{') {
                return Err(unicode_err(rel, cur, bs, "malformed \\N character escape"));
            }
            let mut name = String::new();
            loop {
                match cur.peek() {
                    Some('}') => {
                        cur.bump();
                        break;
                    }
                    Some(ch) if ch != '\n' && ch != '"' && ch != '\'' && name.len() < 100 => {
                        name.push(ch);
                        cur.bump();
                    }
                    _ => return Err(unicode_err(rel, cur, bs, "malformed \\N character escape")),
                }
            }
            match lookup_char_name(&name) {
                Some(ch) => Ok(Esc::Char(ch)),
                None => Err(unicode_err(rel, cur, bs, "unknown Unicode character name")),
            }
        }
        _ => Ok(Esc::Unknown),
    }
}

/// `rel` is the backslash's offset in the literal; the escape ends at the
/// cursor.
fn unicode_err(rel: usize, cur: &Cursor, bs: usize, what: &str) -> String {
    let end = rel + cur.pos.saturating_sub(bs).saturating_sub(1);
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
        rel, end, what
    )
}

fn read_hex(cur: &mut Cursor, n: usize) -> Option<u32> {
    let mut v: u32 = 0;
    for _ in 0..n {
        let d = cur.peek().and_then(hex_val)?;
        cur.bump();
        v = v.wrapping_mul(16).wrapping_add(d);
    }
    Some(v)
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c as u32,
            0x0300..=0x036f | 0x0483..=0x0487 | 0x0591..=0x05bd | 0x0610..=0x061a
            | 0x064b..=0x065f | 0x0900..=0x0903 | 0x093a..=0x094f | 0x1ab0..=0x1aff
            | 0x1dc0..=0x1dff | 0x200c..=0x200d | 0x203f..=0x2040 | 0x20d0..=0x20ff
            | 0xfe00..=0xfe0f | 0xfe20..=0xfe2f | 0xfe33..=0xfe34 | 0xfe4d..=0xfe4f
            | 0xff3f | 0x00b7 | 0x0387 | 0xe0100..=0xe01ef)
}

fn is_nonprintable(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c as u32, 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x2064 | 0xfeff)
}

pub struct Lexer<'a> {
    cur: Cursor<'a>,
    indents: Vec<(u32, u32)>,
    pending_dedents: usize,
    parens: Vec<(char, u32, u32)>,
    at_bol: bool,
    line_has_tokens: bool,
    nested: bool,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Lexer<'a> {
        let mut cur = Cursor::new(src, 0, src.len(), 1, 0);
        if src.starts_with('\u{feff}') {
            cur.pos = 3;
        }
        Lexer {
            cur,
            indents: alloc::vec![(0, 0)],
            pending_dedents: 0,
            parens: Vec::new(),
            at_bol: true,
            line_has_tokens: false,
            nested: false,
        }
    }

    /// A lexer for an f-string replacement field `src[start..end]`
    /// starting at (`line`, `col`): newlines are insignificant, as inside
    /// brackets, and no `Newline`/`Indent`/`Dedent` tokens are produced.
    pub fn new_nested(src: &'a str, start: usize, end: usize, line: u32, col: u32) -> Lexer<'a> {
        Lexer {
            cur: Cursor::new(src, start, end, line, col),
            indents: alloc::vec![(0, 0)],
            pending_dedents: 0,
            parens: Vec::new(),
            at_bol: false,
            line_has_tokens: false,
            nested: true,
        }
    }

    /// The innermost unclosed bracket: (char, line, 0-based col).
    pub fn unclosed(&self) -> Option<(char, u32, u32)> {
        self.parens.last().copied()
    }

    /// Current bracket nesting level.
    pub fn paren_depth(&self) -> usize {
        self.parens.len() + self.nested as usize
    }

    fn token(&self, tok: Tok, line: u32, col: u32) -> Token {
        Token {
            tok,
            line,
            col,
            end_line: self.cur.line,
            end_col: self.cur.col,
            level: self.paren_depth() as u32,
            at_eof: false,
        }
    }

    fn err<T>(&self, msg: impl Into<String>, line: u32, col: u32) -> Result<T, SyntaxError> {
        Err(SyntaxError::new(msg, line, col))
    }

    /// Handles indentation at the beginning of a line.  Returns an
    /// `Indent` token, or `None` (possibly having queued dedents, or having
    /// skipped a blank line).
    fn indentation(&mut self) -> Result<Option<Token>, SyntaxError> {
        let mut col: u32 = 0;
        let mut alt: u32 = 0;
        // Indentation continued with backslashes: the column of the first
        // backslash counts (0 meaning "none", as in CPython).
        let mut cont_col: u32 = 0;
        loop {
            match self.cur.peek() {
                Some(' ') => {
                    col += 1;
                    alt += 1;
                }
                Some('\t') => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                Some('\x0c') => {
                    col = 0;
                    alt = 0;
                }
                Some('\\') if self.cur.peek_at(1) == Some('\n') => {
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    self.cur.bump();
                }
                _ => break,
            }
            self.cur.bump();
        }
        match self.cur.peek() {
            Some('#') => {
                self.skip_comment();
                if self.cur.peek() == Some('\n') {
                    self.cur.bump();
                    self.at_bol = true;
                }
                return Ok(None);
            }
            Some('\n') => {
                self.cur.bump();
                self.at_bol = true;
                return Ok(None);
            }
            None => return Ok(None),
            _ => {}
        }
        if cont_col != 0 {
            col = cont_col;
            alt = cont_col;
        }
        let (line, ccol) = (self.cur.line, self.cur.col);
        let (top, topalt) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if alt != topalt {
                return Err(self.tab_error(line));
            }
            Ok(None)
        } else if col > top {
            if alt <= topalt {
                return Err(self.tab_error(line));
            }
            if self.indents.len() >= MAX_INDENT {
                return Err(
                    SyntaxError::new("too many levels of indentation", line, ccol)
                        .with_kind(ErrKind::Indentation),
                );
            }
            self.indents.push((col, alt));
            Ok(Some(Token {
                tok: Tok::Indent,
                line,
                col: ccol,
                end_line: line,
                end_col: ccol,
                level: 0,
                at_eof: false,
            }))
        } else {
            let mut n = 0;
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |t| t.0) {
                self.indents.pop();
                n += 1;
            }
            let (top, topalt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                // CPython points past the end of the line.
                let mut c = self.cur.clone();
                while let Some(ch) = c.peek() {
                    if ch == '\n' {
                        break;
                    }
                    c.bump();
                }
                return Err(SyntaxError::new(
                    "unindent does not match any outer indentation level",
                    line,
                    c.col,
                )
                .with_kind(ErrKind::Indentation));
            }
            if alt != topalt {
                return Err(self.tab_error(line));
            }
            self.pending_dedents = n;
            Ok(None)
        }
    }

    /// CPython reports a `TabError` at the start of the line.
    fn tab_error(&self, line: u32) -> SyntaxError {
        SyntaxError::new(
            "inconsistent use of tabs and spaces in indentation",
            line,
            0,
        )
        .with_kind(ErrKind::Tab)
    }

    fn skip_comment(&mut self) {
        while let Some(c) = self.cur.peek() {
            if c == '\n' {
                break;
            }
            self.cur.bump();
        }
    }

    /// The next token.  After `EndMarker`, keeps returning `EndMarker`.
    pub fn next_token(&mut self) -> Result<Token, SyntaxError> {
        loop {
            if self.pending_dedents > 0 {
                self.pending_dedents -= 1;
                let (l, c) = (self.cur.line, self.cur.col);
                return Ok(self.token(Tok::Dedent, l, c));
            }
            if self.at_bol {
                self.at_bol = false;
                if self.parens.is_empty() {
                    if let Some(t) = self.indentation()? {
                        self.line_has_tokens = true;
                        return Ok(t);
                    }
                    continue;
                }
            }
            while let Some(' ' | '\t' | '\x0c') = self.cur.peek() {
                self.cur.bump();
            }
            let (line, col) = (self.cur.line, self.cur.col);
            let c = match self.cur.peek() {
                Some(c) => c,
                None => return self.eof(),
            };
            match c {
                '#' => {
                    self.skip_comment();
                    continue;
                }
                '\n' => {
                    self.cur.bump();
                    if self.nested || !self.parens.is_empty() {
                        continue;
                    }
                    self.at_bol = true;
                    if self.line_has_tokens {
                        self.line_has_tokens = false;
                        return Ok(Token {
                            tok: Tok::Newline,
                            line,
                            col,
                            end_line: line,
                            end_col: col + 1,
                            level: 0,
                            at_eof: false,
                        });
                    }
                    continue;
                }
                '\\' => match self.cur.peek_at(1) {
                    Some('\n') => {
                        self.cur.bump();
                        self.cur.bump();
                        if self.cur.at_end() && !self.nested {
                            return self.err("unexpected EOF while parsing", line, col + 1);
                        }
                        continue;
                    }
                    None => return self.err("unexpected EOF while parsing", line, col + 1),
                    _ => {
                        return self.err(
                            "unexpected character after line continuation character",
                            line,
                            col + 1,
                        )
                    }
                },
                _ => {}
            }
            self.line_has_tokens = true;
            if is_id_start(c) {
                return self.name_or_string(line, col);
            }
            if c.is_ascii_digit()
                || (c == '.' && self.cur.peek_at(1).is_some_and(|d| d.is_ascii_digit()))
            {
                let k = self.number(line, col)?;
                return Ok(self.token(Tok::Num(k), line, col));
            }
            if c == '"' || c == '\'' {
                let s = self.string(false, false, false, line, col)?;
                return Ok(self.token(Tok::Str(s), line, col));
            }
            return self.operator(c, line, col);
        }
    }

    fn eof(&mut self) -> Result<Token, SyntaxError> {
        // Like CPython, end-of-input tokens sit at the end of the last line.
        let (line, col) = if self.cur.col == 0 && self.cur.line > 1 {
            self.cur.last_nl
        } else {
            (self.cur.line, self.cur.col)
        };
        if let Some(&(p, pl, pc)) = self.parens.last() {
            return self.err(format!("'{}' was never closed", p), pl, pc);
        }
        let mut t = Token {
            tok: Tok::EndMarker,
            line,
            col,
            end_line: line,
            end_col: col,
            level: 0,
            at_eof: !self.nested,
        };
        if !self.nested {
            if self.line_has_tokens {
                self.line_has_tokens = false;
                t.tok = Tok::Newline;
                t.end_col = col + 1;
                t.at_eof = false;
                return Ok(t);
            }
            if self.indents.len() > 1 {
                self.indents.truncate(1);
                t.tok = Tok::Dedent;
                return Ok(t);
            }
        }
        Ok(t)
    }

    fn name_or_string(&mut self, line: u32, col: u32) -> Result<Token, SyntaxError> {
        let start = self.cur.pos;
        while let Some(c) = self.cur.peek() {
            if !is_id_continue(c) {
                break;
            }
            self.cur.bump();
        }
        let word = self.cur.src.get(start..self.cur.pos).unwrap_or("");
        if matches!(self.cur.peek(), Some('"' | '\'')) && word.len() <= 2 {
            let (mut r, mut b, mut f, mut u, mut other) = (0, 0, 0, 0, 0);
            for ch in word.chars() {
                match ch {
                    'r' | 'R' => r += 1,
                    'b' | 'B' => b += 1,
                    'f' | 'F' => f += 1,
                    'u' | 'U' => u += 1,
                    _ => other += 1,
                }
            }
            let ok = other == 0
                && r <= 1
                && b <= 1
                && f <= 1
                && (u == 0 || word.len() == 1)
                && !(b == 1 && f == 1);
            if ok {
                let s = self.string(b == 1, r == 1, f == 1, line, col)?;
                return Ok(self.token(Tok::Str(s), line, col));
            }
        }
        if let Some(bad) = word.chars().find(|&c| !c.is_ascii() && !is_id_continue(c)) {
            return self.err(
                format!("invalid character '{}' (U+{:04X})", bad, bad as u32),
                line,
                col,
            );
        }
        let tok = match Kw::from_str(word) {
            Some(k) => Tok::Kw(k),
            None if word.is_ascii() => Tok::Name(String::from(word)),
            None => Tok::Name(nfkc_ident(word)),
        };
        Ok(self.token(tok, line, col))
    }

    fn string(
        &mut self,
        bytes: bool,
        raw: bool,
        fstr: bool,
        line: u32,
        col: u32,
    ) -> Result<StrLit, SyntaxError> {
        let q = match self.cur.bump() {
            Some(q) => q,
            None => return self.err("invalid syntax", line, col),
        };
        let triple = self.cur.peek() == Some(q) && self.cur.peek_at(1) == Some(q);
        if triple {
            self.cur.bump();
            self.cur.bump();
        }
        let body_start = self.cur.pos;
        let (bline, bcol) = (self.cur.line, self.cur.col);
        let mut s = String::new();
        let mut b: Vec<u8> = Vec::new();
        // A bad escape is reported only once the literal is known to be
        // terminated (CPython decodes after tokenizing).
        let mut esc_err: Option<String> = None;
        loop {
            let here = self.cur.pos;
            let c = match self.cur.peek() {
                Some(c) => c,
                None => return Err(self.unterminated(triple, line, col)),
            };
            if c == q {
                if !triple {
                    let end = self.cur.pos;
                    self.cur.bump();
                    if let Some(m) = esc_err {
                        // Reported at the end of the literal, like CPython.
                        return self.err(m, self.cur.line, self.cur.col);
                    }
                    return Ok(
                        self.finish_string(bytes, fstr, raw, s, b, body_start, end, bline, bcol)
                    );
                }
                if self.cur.peek_at(1) == Some(q) && self.cur.peek_at(2) == Some(q) {
                    let end = self.cur.pos;
                    self.cur.bump();
                    self.cur.bump();
                    self.cur.bump();
                    if let Some(m) = esc_err {
                        // Reported at the end of the literal, like CPython.
                        return self.err(m, self.cur.line, self.cur.col);
                    }
                    return Ok(
                        self.finish_string(bytes, fstr, raw, s, b, body_start, end, bline, bcol)
                    );
                }
            }
            if c == '\n' && !triple {
                return Err(self.unterminated(false, line, col));
            }
            if c == '\\' {
                self.cur.bump();
                if self.cur.at_end() {
                    return Err(self.unterminated(triple, line, col));
                }
                if raw || fstr {
                    // Kept verbatim (f-string bodies are decoded later);
                    // the backslash protects the next character.
                    if !fstr {
                        s.push('\\');
                        b.push(b'\\');
                    }
                    if let Some(n) = self.cur.bump() {
                        if !fstr {
                            if bytes && !n.is_ascii() {
                                return self.err(
                                    "bytes can only contain ASCII literal characters",
                                    line,
                                    col,
                                );
                            }
                            s.push(n);
                            b.push(n as u8);
                        }
                    }
                    continue;
                }
                match read_escape(&mut self.cur, bytes, here - body_start) {
                    Ok(Esc::Char(ch)) => s.push(ch),
                    Ok(Esc::Byte(x)) => b.push(x),
                    Ok(Esc::Nothing) => {}
                    Ok(Esc::Unknown) => {
                        s.push('\\');
                        b.push(b'\\');
                    }
                    Err(m) => {
                        if esc_err.is_none() {
                            esc_err = Some(m);
                        }
                    }
                }
                continue;
            }
            self.cur.bump();
            if !fstr {
                if bytes {
                    if !c.is_ascii() {
                        return self.err(
                            "bytes can only contain ASCII literal characters",
                            line,
                            col,
                        );
                    }
                    b.push(c as u8);
                } else {
                    s.push(c);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn finish_string(
        &self,
        bytes: bool,
        fstr: bool,
        raw: bool,
        s: String,
        b: Vec<u8>,
        start: usize,
        end: usize,
        line: u32,
        col: u32,
    ) -> StrLit {
        if fstr {
            StrLit::F {
                raw,
                start,
                end,
                line,
                col,
            }
        } else if bytes {
            StrLit::Bytes(b)
        } else {
            StrLit::Str(s)
        }
    }

    fn unterminated(&self, triple: bool, line: u32, col: u32) -> SyntaxError {
        // CPython counts a final line ending as part of the last line.
        let at = if self.cur.col == 0 && self.cur.line > 1 && self.cur.at_end() {
            self.cur.line - 1
        } else {
            self.cur.line
        };
        let msg = if triple {
            format!(
                "unterminated triple-quoted string literal (detected at line {})",
                at
            )
        } else {
            format!("unterminated string literal (detected at line {})", at)
        };
        SyntaxError::new(msg, line, col)
    }

    /// After a number: a following identifier character is an error,
    /// except for the keywords CPython tolerates (`1if x else y`).
    fn verify_end(&self, kind: &str, line: u32) -> Result<(), SyntaxError> {
        match self.cur.peek() {
            Some(c) if is_id_continue(c) => {
                for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
                    if self.cur.starts_with(kw) {
                        return Ok(());
                    }
                }
                self.err(
                    format!("invalid {} literal", kind),
                    line,
                    self.cur.col.saturating_sub(1),
                )
            }
            _ => Ok(()),
        }
    }

    fn digits(
        &mut self,
        out: &mut String,
        radix: u32,
        kind: &str,
        line: u32,
    ) -> Result<(), SyntaxError> {
        loop {
            match self.cur.peek() {
                Some('_') => {
                    self.cur.bump();
                    match self.cur.peek() {
                        Some(d) if d.is_digit(radix) => {}
                        _ => {
                            return self.err(
                                format!("invalid {} literal", kind),
                                line,
                                self.cur.col.saturating_sub(1),
                            );
                        }
                    }
                }
                Some(d) if d.is_digit(radix) => {
                    out.push(d.to_ascii_lowercase());
                    self.cur.bump();
                }
                _ => return Ok(()),
            }
        }
    }

    fn number(&mut self, line: u32, col: u32) -> Result<Constant, SyntaxError> {
        let mut text = String::new();
        if self.cur.peek() == Some('0') {
            let (radix, kind) = match self.cur.peek_at(1) {
                Some('x' | 'X') => (16, "hexadecimal"),
                Some('o' | 'O') => (8, "octal"),
                Some('b' | 'B') => (2, "binary"),
                _ => (10, ""),
            };
            if radix != 10 {
                self.cur.bump();
                self.cur.bump();
                if self.cur.peek() == Some('_') {
                    self.cur.bump();
                }
                self.digits(&mut text, radix, kind, line)?;
                if let Some(d) = self.cur.peek() {
                    if d.is_ascii_digit() {
                        return self.err(
                            format!("invalid digit '{}' in {} literal", d, kind),
                            line,
                            self.cur.col,
                        );
                    }
                }
                if text.is_empty() {
                    return self.err(
                        format!("invalid {} literal", kind),
                        line,
                        self.cur.col.saturating_sub(1),
                    );
                }
                self.verify_end(kind, line)?;
                return Ok(int_constant(text, radix));
            }
        }
        let mut is_float = false;
        if self.cur.peek() != Some('.') {
            self.digits(&mut text, 10, "decimal", line)?;
        }
        if self.cur.peek() == Some('.') {
            self.cur.bump();
            text.push('.');
            is_float = true;
            if self.cur.peek().is_some_and(|d| d.is_ascii_digit()) {
                self.digits(&mut text, 10, "decimal", line)?;
            }
        }
        if let Some('e' | 'E') = self.cur.peek() {
            let signed = matches!(self.cur.peek_at(1), Some('+' | '-'));
            let d = self.cur.peek_at(if signed { 2 } else { 1 });
            if d.is_some_and(|d| d.is_ascii_digit()) {
                self.cur.bump();
                text.push('e');
                if signed {
                    if let Some(s) = self.cur.bump() {
                        text.push(s);
                    }
                }
                self.digits(&mut text, 10, "decimal", line)?;
                is_float = true;
            } else if signed {
                return self.err("invalid decimal literal", line, self.cur.col + 1);
            }
        }
        if let Some('j' | 'J') = self.cur.peek() {
            self.cur.bump();
            self.verify_end("imaginary", line)?;
            return match crate::dtoa::parse(text.as_bytes()).ok_or(()) {
                Ok(v) => Ok(Constant::Complex { imag: v }),
                Err(_) => self.err("invalid imaginary literal", line, col),
            };
        }
        self.verify_end("decimal", line)?;
        if is_float {
            return match crate::dtoa::parse(text.as_bytes()).ok_or(()) {
                Ok(v) => Ok(Constant::Float(v)),
                Err(_) => self.err("invalid decimal literal", line, col),
            };
        }
        if text.len() > 1 && text.starts_with('0') && text.bytes().any(|d| d != b'0') {
            return self.err(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                line,
                col,
            );
        }
        Ok(int_constant(text, 10))
    }

    fn operator(&mut self, c: char, line: u32, col: u32) -> Result<Token, SyntaxError> {
        let c1 = self.cur.peek_at(1);
        let c2 = self.cur.peek_at(2);
        let (op, n) = match (c, c1, c2) {
            ('(', _, _) => (Op::LPar, 1),
            (')', _, _) => (Op::RPar, 1),
            ('[', _, _) => (Op::LSqb, 1),
            (']', _, _) => (Op::RSqb, 1),
            ('{', _, _) => (Op::LBrace, 1),
            ('}', _, _) => (Op::RBrace, 1),
            (':', Some('='), _) => (Op::ColonEqual, 2),
            (':', _, _) => (Op::Colon, 1),
            (',', _, _) => (Op::Comma, 1),
            (';', _, _) => (Op::Semi, 1),
            ('+', Some('='), _) => (Op::PlusEqual, 2),
            ('+', _, _) => (Op::Plus, 1),
            ('-', Some('='), _) => (Op::MinEqual, 2),
            ('-', Some('>'), _) => (Op::RArrow, 2),
            ('-', _, _) => (Op::Minus, 1),
            ('*', Some('*'), Some('=')) => (Op::DoubleStarEqual, 3),
            ('*', Some('*'), _) => (Op::DoubleStar, 2),
            ('*', Some('='), _) => (Op::StarEqual, 2),
            ('*', _, _) => (Op::Star, 1),
            ('/', Some('/'), Some('=')) => (Op::DoubleSlashEqual, 3),
            ('/', Some('/'), _) => (Op::DoubleSlash, 2),
            ('/', Some('='), _) => (Op::SlashEqual, 2),
            ('/', _, _) => (Op::Slash, 1),
            ('|', Some('='), _) => (Op::VBarEqual, 2),
            ('|', _, _) => (Op::VBar, 1),
            ('&', Some('='), _) => (Op::AmperEqual, 2),
            ('&', _, _) => (Op::Amper, 1),
            ('<', Some('<'), Some('=')) => (Op::LeftShiftEqual, 3),
            ('<', Some('<'), _) => (Op::LeftShift, 2),
            ('<', Some('='), _) => (Op::LessEqual, 2),
            ('<', _, _) => (Op::Less, 1),
            ('>', Some('>'), Some('=')) => (Op::RightShiftEqual, 3),
            ('>', Some('>'), _) => (Op::RightShift, 2),
            ('>', Some('='), _) => (Op::GreaterEqual, 2),
            ('>', _, _) => (Op::Greater, 1),
            ('=', Some('='), _) => (Op::EqEqual, 2),
            ('=', _, _) => (Op::Equal, 1),
            ('!', Some('='), _) => (Op::NotEqual, 2),
            ('.', Some('.'), Some('.')) => (Op::Ellipsis, 3),
            ('.', _, _) => (Op::Dot, 1),
            ('%', Some('='), _) => (Op::PercentEqual, 2),
            ('%', _, _) => (Op::Percent, 1),
            ('~', _, _) => (Op::Tilde, 1),
            ('^', Some('='), _) => (Op::CircumflexEqual, 2),
            ('^', _, _) => (Op::Circumflex, 1),
            ('@', Some('='), _) => (Op::AtEqual, 2),
            ('@', _, _) => (Op::At, 1),
            _ => {
                if c.is_ascii() && !c.is_ascii_control() {
                    self.cur.bump();
                    return Ok(self.token(Tok::Error(c), line, col));
                }
                if is_nonprintable(c) {
                    return self.err(
                        format!("invalid non-printable character U+{:04X}", c as u32),
                        line,
                        col,
                    );
                }
                return self.err(
                    format!("invalid character '{}' (U+{:04X})", c, c as u32),
                    line,
                    col,
                );
            }
        };
        for _ in 0..n {
            self.cur.bump();
        }
        match op {
            Op::LPar | Op::LSqb | Op::LBrace => {
                if self.parens.len() >= MAX_PAREN {
                    return self.err("too many nested parentheses", line, col);
                }
                self.parens.push((c, line, col));
            }
            Op::RPar | Op::RSqb | Op::RBrace => {
                match self.parens.pop() {
                    None => return self.err(format!("unmatched '{}'", c), line, col),
                    Some((o, ol, _)) => {
                        let want = match o {
                            '(' => ')',
                            '[' => ']',
                            _ => '}',
                        };
                        if want != c {
                            let msg = if ol != line {
                                format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c, o, ol
                            )
                            } else {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c, o)
                            };
                            return self.err(msg, line, col);
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(self.token(Tok::Op(op), line, col))
    }
}

/// A partial NFKC normalization of identifiers (Python identifiers are
/// NFKC-normalized): fullwidth forms, mathematical alphanumerics and a
/// table of compatibility letters (ligatures, letterlike symbols, modifier
/// letters, Roman numerals...).
fn nfkc_ident(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let v = c as u32;
        match v {
            0xff10..=0xff19 | 0xff21..=0xff3a | 0xff41..=0xff5a | 0xff3f => {
                out.push(char::from_u32(v - 0xff00 + 0x20).unwrap_or(c))
            }
            0x1d400..=0x1d6a3 => {
                let off = ((v - 0x1d400) % 52) as u8;
                out.push(if off < 26 {
                    (b'A' + off) as char
                } else {
                    (b'a' + off - 26) as char
                });
            }
            0x1d7ce..=0x1d7ff => out.push((b'0' + ((v - 0x1d7ce) % 10) as u8) as char),
            _ => match NFKC_MAP.binary_search_by(|&(k, _)| k.cmp(&v)) {
                Ok(i) => out.push_str(NFKC_MAP.get(i).map_or("", |e| e.1)),
                Err(_) => out.push(c),
            },
        }
    }
    out
}

/// Compatibility decompositions of identifier characters (sorted).
static NFKC_MAP: &[(u32, &str)] = &[
    (0x00AA, "a"),
    (0x00B5, "\u{3bc}"),
    (0x00BA, "o"),
    (0x017F, "s"),
    (0x01C4, "D\u{17d}"),
    (0x01C5, "D\u{17e}"),
    (0x01C6, "d\u{17e}"),
    (0x01C7, "LJ"),
    (0x01C8, "Lj"),
    (0x01C9, "lj"),
    (0x01CA, "NJ"),
    (0x01CB, "Nj"),
    (0x01CC, "nj"),
    (0x01F1, "DZ"),
    (0x01F2, "Dz"),
    (0x01F3, "dz"),
    (0x02B0, "h"),
    (0x02B1, "\u{266}"),
    (0x02B2, "j"),
    (0x02B3, "r"),
    (0x02B4, "\u{279}"),
    (0x02B5, "\u{27b}"),
    (0x02B6, "\u{281}"),
    (0x02B7, "w"),
    (0x02B8, "y"),
    (0x02E0, "\u{263}"),
    (0x02E1, "l"),
    (0x02E2, "s"),
    (0x02E3, "x"),
    (0x02E4, "\u{295}"),
    (0x1D2C, "A"),
    (0x1D2D, "\u{c6}"),
    (0x1D2E, "B"),
    (0x1D30, "D"),
    (0x1D31, "E"),
    (0x1D32, "\u{18e}"),
    (0x1D33, "G"),
    (0x1D34, "H"),
    (0x1D35, "I"),
    (0x1D36, "J"),
    (0x1D37, "K"),
    (0x1D38, "L"),
    (0x1D39, "M"),
    (0x1D3A, "N"),
    (0x1D3C, "O"),
    (0x1D3D, "\u{222}"),
    (0x1D3E, "P"),
    (0x1D3F, "R"),
    (0x1D40, "T"),
    (0x1D41, "U"),
    (0x1D42, "W"),
    (0x1D43, "a"),
    (0x1D44, "\u{250}"),
    (0x1D45, "\u{251}"),
    (0x1D46, "\u{1d02}"),
    (0x1D47, "b"),
    (0x1D48, "d"),
    (0x1D49, "e"),
    (0x1D4A, "\u{259}"),
    (0x1D4B, "\u{25b}"),
    (0x1D4C, "\u{25c}"),
    (0x1D4D, "g"),
    (0x1D4F, "k"),
    (0x1D50, "m"),
    (0x1D51, "\u{14b}"),
    (0x1D52, "o"),
    (0x1D53, "\u{254}"),
    (0x1D54, "\u{1d16}"),
    (0x1D55, "\u{1d17}"),
    (0x1D56, "p"),
    (0x1D57, "t"),
    (0x1D58, "u"),
    (0x1D59, "\u{1d1d}"),
    (0x1D5A, "\u{26f}"),
    (0x1D5B, "v"),
    (0x1D5C, "\u{1d25}"),
    (0x1D5D, "\u{3b2}"),
    (0x1D5E, "\u{3b3}"),
    (0x1D5F, "\u{3b4}"),
    (0x1D60, "\u{3c6}"),
    (0x1D61, "\u{3c7}"),
    (0x1D62, "i"),
    (0x1D63, "r"),
    (0x1D64, "u"),
    (0x1D65, "v"),
    (0x1D66, "\u{3b2}"),
    (0x1D67, "\u{3b3}"),
    (0x1D68, "\u{3c1}"),
    (0x1D69, "\u{3c6}"),
    (0x1D6A, "\u{3c7}"),
    (0x1D78, "\u{43d}"),
    (0x1D9B, "\u{252}"),
    (0x1D9C, "c"),
    (0x1D9D, "\u{255}"),
    (0x1D9E, "\u{f0}"),
    (0x1D9F, "\u{25c}"),
    (0x1DA0, "f"),
    (0x1DA1, "\u{25f}"),
    (0x1DA2, "\u{261}"),
    (0x1DA3, "\u{265}"),
    (0x1DA4, "\u{268}"),
    (0x1DA5, "\u{269}"),
    (0x1DA6, "\u{26a}"),
    (0x1DA7, "\u{1d7b}"),
    (0x1DA8, "\u{29d}"),
    (0x1DA9, "\u{26d}"),
    (0x1DAA, "\u{1d85}"),
    (0x1DAB, "\u{29f}"),
    (0x1DAC, "\u{271}"),
    (0x1DAD, "\u{270}"),
    (0x1DAE, "\u{272}"),
    (0x1DAF, "\u{273}"),
    (0x1DB0, "\u{274}"),
    (0x1DB1, "\u{275}"),
    (0x1DB2, "\u{278}"),
    (0x1DB3, "\u{282}"),
    (0x1DB4, "\u{283}"),
    (0x1DB5, "\u{1ab}"),
    (0x1DB6, "\u{289}"),
    (0x1DB7, "\u{28a}"),
    (0x1DB8, "\u{1d1c}"),
    (0x1DB9, "\u{28b}"),
    (0x1DBA, "\u{28c}"),
    (0x1DBB, "z"),
    (0x1DBC, "\u{290}"),
    (0x1DBD, "\u{291}"),
    (0x1DBE, "\u{292}"),
    (0x1DBF, "\u{3b8}"),
    (0x2071, "i"),
    (0x207F, "n"),
    (0x2090, "a"),
    (0x2091, "e"),
    (0x2092, "o"),
    (0x2093, "x"),
    (0x2094, "\u{259}"),
    (0x2095, "h"),
    (0x2096, "k"),
    (0x2097, "l"),
    (0x2098, "m"),
    (0x2099, "n"),
    (0x209A, "p"),
    (0x209B, "s"),
    (0x209C, "t"),
    (0x2102, "C"),
    (0x2107, "\u{190}"),
    (0x210A, "g"),
    (0x210B, "H"),
    (0x210C, "H"),
    (0x210D, "H"),
    (0x210E, "h"),
    (0x210F, "\u{127}"),
    (0x2110, "I"),
    (0x2111, "I"),
    (0x2112, "L"),
    (0x2113, "l"),
    (0x2115, "N"),
    (0x2119, "P"),
    (0x211A, "Q"),
    (0x211B, "R"),
    (0x211C, "R"),
    (0x211D, "R"),
    (0x2124, "Z"),
    (0x2126, "\u{3a9}"),
    (0x2128, "Z"),
    (0x212A, "K"),
    (0x212B, "\u{c5}"),
    (0x212C, "B"),
    (0x212D, "C"),
    (0x212F, "e"),
    (0x2130, "E"),
    (0x2131, "F"),
    (0x2133, "M"),
    (0x2134, "o"),
    (0x2135, "\u{5d0}"),
    (0x2136, "\u{5d1}"),
    (0x2137, "\u{5d2}"),
    (0x2138, "\u{5d3}"),
    (0x2139, "i"),
    (0x213C, "\u{3c0}"),
    (0x213D, "\u{3b3}"),
    (0x213E, "\u{393}"),
    (0x213F, "\u{3a0}"),
    (0x2145, "D"),
    (0x2146, "d"),
    (0x2147, "e"),
    (0x2148, "i"),
    (0x2149, "j"),
    (0x2160, "I"),
    (0x2161, "II"),
    (0x2162, "III"),
    (0x2163, "IV"),
    (0x2164, "V"),
    (0x2165, "VI"),
    (0x2166, "VII"),
    (0x2167, "VIII"),
    (0x2168, "IX"),
    (0x2169, "X"),
    (0x216A, "XI"),
    (0x216B, "XII"),
    (0x216C, "L"),
    (0x216D, "C"),
    (0x216E, "D"),
    (0x216F, "M"),
    (0x2170, "i"),
    (0x2171, "ii"),
    (0x2172, "iii"),
    (0x2173, "iv"),
    (0x2174, "v"),
    (0x2175, "vi"),
    (0x2176, "vii"),
    (0x2177, "viii"),
    (0x2178, "ix"),
    (0x2179, "x"),
    (0x217A, "xi"),
    (0x217B, "xii"),
    (0x217C, "l"),
    (0x217D, "c"),
    (0x217E, "d"),
    (0x217F, "m"),
    (0x2C7C, "j"),
    (0x2C7D, "V"),
    (0xA69C, "\u{44a}"),
    (0xA69D, "\u{44c}"),
    (0xA770, "\u{a76f}"),
    (0xA7F8, "\u{126}"),
    (0xA7F9, "\u{153}"),
    (0xAB5C, "\u{a727}"),
    (0xAB5D, "\u{ab37}"),
    (0xAB5E, "\u{26b}"),
    (0xAB5F, "\u{ab52}"),
    (0xFB00, "ff"),
    (0xFB01, "fi"),
    (0xFB02, "fl"),
    (0xFB03, "ffi"),
    (0xFB04, "ffl"),
    (0xFB05, "st"),
    (0xFB06, "st"),
    (0xFB13, "\u{574}\u{576}"),
    (0xFB14, "\u{574}\u{565}"),
    (0xFB15, "\u{574}\u{56b}"),
    (0xFB16, "\u{57e}\u{576}"),
    (0xFB17, "\u{574}\u{56d}"),
];

/// An integer literal from its digits (lowercase, no underscores).
fn int_constant(text: String, radix: u32) -> Constant {
    let trimmed = text.trim_start_matches('0');
    let mut v: u64 = 0;
    let mut fits = true;
    for d in trimmed.chars() {
        let dv = d.to_digit(radix).unwrap_or(0) as u64;
        match v.checked_mul(radix as u64).and_then(|x| x.checked_add(dv)) {
            Some(n) if n <= i64::MAX as u64 => v = n,
            _ => {
                fits = false;
                break;
            }
        }
    }
    if fits {
        Constant::Int(v as i64)
    } else {
        Constant::BigInt {
            digits: String::from(trimmed),
            radix,
        }
    }
}

/// Looks up a Unicode character name for `\N{...}` (case-insensitive).
/// Covers LATIN/GREEK letters, digits, CJK ideographs and a table of
/// common names; anything else is reported as unknown.
pub fn lookup_char_name(name: &str) -> Option<char> {
    let mut up = String::with_capacity(name.len());
    for c in name.chars() {
        up.push(c.to_ascii_uppercase());
    }
    let up = up.as_str();
    for (prefix, base) in [
        ("LATIN SMALL LETTER ", b'a'),
        ("LATIN CAPITAL LETTER ", b'A'),
    ] {
        if let Some(rest) = up.strip_prefix(prefix) {
            let b = rest.as_bytes();
            if b.len() == 1 && b[0].is_ascii_uppercase() {
                return Some((base + (b[0] - b'A')) as char);
            }
        }
    }
    if let Some(rest) = up.strip_prefix("DIGIT ") {
        const D: [&str; 10] = [
            "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
        ];
        if let Some(i) = D.iter().position(|d| *d == rest) {
            return Some((b'0' + i as u8) as char);
        }
    }
    if let Some(rest) = up.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        if (4..=5).contains(&rest.len()) {
            if let Ok(v) = u32::from_str_radix(rest, 16) {
                if (0x4e00..=0x9fff).contains(&v)
                    || (0x3400..=0x4dbf).contains(&v)
                    || (0x20000..=0x2a6df).contains(&v)
                {
                    return char::from_u32(v);
                }
            }
        }
    }
    let i = CHAR_NAMES.binary_search_by(|(n, _)| (*n).cmp(up)).ok()?;
    CHAR_NAMES.get(i).and_then(|&(_, c)| char::from_u32(c))
}

/// Sorted table of supported character names.
static CHAR_NAMES: &[(&str, u32)] = &[
    ("ACUTE ACCENT", 0x00B4),
    ("ALMOST EQUAL TO", 0x2248),
    ("AMPERSAND", 0x0026),
    ("ANGSTROM SIGN", 0x212B),
    ("APOSTROPHE", 0x0027),
    ("ASTERISK", 0x002A),
    ("ASTERISM", 0x2042),
    ("BALLOT X", 0x2717),
    ("BEAMED EIGHTH NOTES", 0x266B),
    ("BLACK CIRCLE", 0x25CF),
    ("BLACK DOWN-POINTING TRIANGLE", 0x25BC),
    ("BLACK HEART SUIT", 0x2665),
    ("BLACK LEFT-POINTING TRIANGLE", 0x25C0),
    ("BLACK LEFTWARDS BULLET", 0x204C),
    ("BLACK RIGHT-POINTING TRIANGLE", 0x25B6),
    ("BLACK RIGHTWARDS BULLET", 0x204D),
    ("BLACK SMALL SQUARE", 0x25AA),
    ("BLACK SQUARE", 0x25A0),
    ("BLACK STAR", 0x2605),
    ("BLACK SUN WITH RAYS", 0x2600),
    ("BLACK UP-POINTING TRIANGLE", 0x25B2),
    ("BOX DRAWINGS LIGHT ARC DOWN AND LEFT", 0x256E),
    ("BOX DRAWINGS LIGHT ARC DOWN AND RIGHT", 0x256D),
    ("BOX DRAWINGS LIGHT ARC UP AND LEFT", 0x256F),
    ("BOX DRAWINGS LIGHT ARC UP AND RIGHT", 0x2570),
    (
        "BOX DRAWINGS LIGHT DIAGONAL UPPER LEFT TO LOWER RIGHT",
        0x2572,
    ),
    (
        "BOX DRAWINGS LIGHT DIAGONAL UPPER RIGHT TO LOWER LEFT",
        0x2571,
    ),
    ("BOX DRAWINGS LIGHT DOWN AND HORIZONTAL", 0x252C),
    ("BOX DRAWINGS LIGHT DOWN AND LEFT", 0x2510),
    ("BOX DRAWINGS LIGHT DOWN AND RIGHT", 0x250C),
    ("BOX DRAWINGS LIGHT HORIZONTAL", 0x2500),
    ("BOX DRAWINGS LIGHT RIGHT", 0x2576),
    ("BOX DRAWINGS LIGHT UP", 0x2575),
    ("BOX DRAWINGS LIGHT UP AND HORIZONTAL", 0x2534),
    ("BOX DRAWINGS LIGHT UP AND LEFT", 0x2518),
    ("BOX DRAWINGS LIGHT UP AND RIGHT", 0x2514),
    ("BOX DRAWINGS LIGHT VERTICAL", 0x2502),
    ("BOX DRAWINGS LIGHT VERTICAL AND HORIZONTAL", 0x253C),
    ("BOX DRAWINGS LIGHT VERTICAL AND LEFT", 0x2524),
    ("BOX DRAWINGS LIGHT VERTICAL AND RIGHT", 0x251C),
    ("BROKEN BAR", 0x00A6),
    ("BULLET", 0x2022),
    ("CANCEL TAG", 0xE007F),
    ("CARET", 0x2038),
    ("CARET INSERTION POINT", 0x2041),
    ("CARRIAGE RETURN", 0x000D),
    ("CEDILLA", 0x00B8),
    ("CENT SIGN", 0x00A2),
    ("CHARACTER TABULATION", 0x0009),
    ("CHARACTER TIE", 0x2040),
    ("CHECK MARK", 0x2713),
    ("CIRCLED NUMBER THIRTY NINE", 0x32B4),
    ("CIRCLED PLUS", 0x2295),
    ("CIRCLED TIMES", 0x2297),
    ("CIRCUMFLEX ACCENT", 0x005E),
    ("CLOSE UP", 0x2050),
    ("CLOUD", 0x2601),
    ("COLON", 0x003A),
    ("COMBINING ACUTE ACCENT", 0x0301),
    ("COMBINING ASTERISK ABOVE", 0x20F0),
    ("COMBINING BREVE", 0x0306),
    ("COMBINING CARON", 0x030C),
    ("COMBINING CIRCUMFLEX ACCENT", 0x0302),
    ("COMBINING DIAERESIS", 0x0308),
    ("COMBINING DOT ABOVE", 0x0307),
    ("COMBINING FOUR DOTS ABOVE", 0x20DC),
    ("COMBINING GRAVE ACCENT", 0x0300),
    ("COMBINING LATIN SMALL LETTER X", 0x036F),
    ("COMBINING LEFT HARPOON ABOVE", 0x20D0),
    ("COMBINING OVERLINE", 0x0305),
    ("COMBINING RIGHT ARROW ABOVE", 0x20D7),
    ("COMBINING RING ABOVE", 0x030A),
    ("COMBINING THREE DOTS ABOVE", 0x20DB),
    ("COMBINING TILDE", 0x0303),
    ("COMMA", 0x002C),
    ("COMMERCIAL AT", 0x0040),
    ("COMMERCIAL MINUS SIGN", 0x2052),
    ("COPYRIGHT SIGN", 0x00A9),
    ("CROSS MARK", 0x274C),
    ("CURRENCY SIGN", 0x00A4),
    ("CYRILLIC CAPITAL LETTER A", 0x0410),
    ("CYRILLIC CAPITAL LETTER SHORT I", 0x0419),
    ("CYRILLIC SMALL LETTER A", 0x0430),
    ("CYRILLIC SMALL LETTER SHORT I", 0x0439),
    ("CYRILLIC SMALL LETTER ZHE", 0x0436),
    ("DAGGER", 0x2020),
    ("DARK SHADE", 0x2593),
    ("DEGREE SIGN", 0x00B0),
    ("DELETE", 0x007F),
    ("DIAERESIS", 0x00A8),
    ("DIVISION SIGN", 0x00F7),
    ("DOLLAR SIGN", 0x0024),
    ("DOTTED CROSS", 0x205C),
    ("DOUBLE DAGGER", 0x2021),
    ("DOUBLE EXCLAMATION MARK", 0x203C),
    ("DOUBLE HIGH-REVERSED-9 QUOTATION MARK", 0x201F),
    ("DOUBLE LOW LINE", 0x2017),
    ("DOUBLE LOW-9 QUOTATION MARK", 0x201E),
    ("DOUBLE PRIME", 0x2033),
    ("DOUBLE QUESTION MARK", 0x2047),
    ("DOUBLE VERTICAL LINE", 0x2016),
    ("DOUBLE-STRUCK CAPITAL N", 0x2115),
    ("DOUBLE-STRUCK CAPITAL R", 0x211D),
    ("DOUBLE-STRUCK CAPITAL Z", 0x2124),
    ("DOWNWARDS ARROW", 0x2193),
    ("EIGHTH NOTE", 0x266A),
    ("ELEMENT OF", 0x2208),
    ("EM DASH", 0x2014),
    ("EM SPACE", 0x2003),
    ("EMPTY SET", 0x2205),
    ("EN DASH", 0x2013),
    ("EN SPACE", 0x2002),
    ("EQUALS SIGN", 0x003D),
    ("ESCAPE", 0x001B),
    ("ETHIOPIC SYLLABLE SEE", 0x1234),
    ("EURO SIGN", 0x20AC),
    ("EXCLAMATION MARK", 0x0021),
    ("EXCLAMATION QUESTION MARK", 0x2049),
    ("FEMININE ORDINAL INDICATOR", 0x00AA),
    ("FIGURE DASH", 0x2012),
    ("FIVE DOT PUNCTUATION", 0x2059),
    ("FLOWER PUNCTUATION MARK", 0x2055),
    ("FOR ALL", 0x2200),
    ("FOUR DOT MARK", 0x205B),
    ("FOUR DOT PUNCTUATION", 0x2058),
    ("FRACTION SLASH", 0x2044),
    ("FULL BLOCK", 0x2588),
    ("FULL STOP", 0x002E),
    ("FULLWIDTH DIGIT ZERO", 0xFF10),
    ("GRAVE ACCENT", 0x0060),
    ("GREATER-THAN OR EQUAL TO", 0x2265),
    ("GREATER-THAN SIGN", 0x003E),
    ("GREEK CAPITAL LETTER ALPHA", 0x0391),
    ("GREEK CAPITAL LETTER BETA", 0x0392),
    ("GREEK CAPITAL LETTER CHI", 0x03A7),
    ("GREEK CAPITAL LETTER DELTA", 0x0394),
    ("GREEK CAPITAL LETTER EPSILON", 0x0395),
    ("GREEK CAPITAL LETTER ETA", 0x0397),
    ("GREEK CAPITAL LETTER GAMMA", 0x0393),
    ("GREEK CAPITAL LETTER IOTA", 0x0399),
    ("GREEK CAPITAL LETTER IOTA WITH DIALYTIKA", 0x03AA),
    ("GREEK CAPITAL LETTER KAPPA", 0x039A),
    ("GREEK CAPITAL LETTER LAMDA", 0x039B),
    ("GREEK CAPITAL LETTER MU", 0x039C),
    ("GREEK CAPITAL LETTER NU", 0x039D),
    ("GREEK CAPITAL LETTER OMEGA", 0x03A9),
    ("GREEK CAPITAL LETTER OMICRON", 0x039F),
    ("GREEK CAPITAL LETTER PHI", 0x03A6),
    ("GREEK CAPITAL LETTER PI", 0x03A0),
    ("GREEK CAPITAL LETTER PSI", 0x03A8),
    ("GREEK CAPITAL LETTER RHO", 0x03A1),
    ("GREEK CAPITAL LETTER SIGMA", 0x03A3),
    ("GREEK CAPITAL LETTER TAU", 0x03A4),
    ("GREEK CAPITAL LETTER THETA", 0x0398),
    ("GREEK CAPITAL LETTER UPSILON", 0x03A5),
    ("GREEK CAPITAL LETTER UPSILON WITH DIALYTIKA", 0x03AB),
    ("GREEK CAPITAL LETTER XI", 0x039E),
    ("GREEK CAPITAL LETTER ZETA", 0x0396),
    ("GREEK SMALL LETTER ALPHA", 0x03B1),
    ("GREEK SMALL LETTER ALPHA WITH TONOS", 0x03AC),
    ("GREEK SMALL LETTER BETA", 0x03B2),
    ("GREEK SMALL LETTER CHI", 0x03C7),
    ("GREEK SMALL LETTER DELTA", 0x03B4),
    ("GREEK SMALL LETTER EPSILON", 0x03B5),
    ("GREEK SMALL LETTER EPSILON WITH TONOS", 0x03AD),
    ("GREEK SMALL LETTER ETA", 0x03B7),
    ("GREEK SMALL LETTER ETA WITH TONOS", 0x03AE),
    ("GREEK SMALL LETTER FINAL SIGMA", 0x03C2),
    ("GREEK SMALL LETTER GAMMA", 0x03B3),
    ("GREEK SMALL LETTER IOTA", 0x03B9),
    ("GREEK SMALL LETTER IOTA WITH TONOS", 0x03AF),
    ("GREEK SMALL LETTER KAPPA", 0x03BA),
    ("GREEK SMALL LETTER LAMDA", 0x03BB),
    ("GREEK SMALL LETTER MU", 0x03BC),
    ("GREEK SMALL LETTER NU", 0x03BD),
    ("GREEK SMALL LETTER OMEGA", 0x03C9),
    ("GREEK SMALL LETTER OMICRON", 0x03BF),
    ("GREEK SMALL LETTER PHI", 0x03C6),
    ("GREEK SMALL LETTER PI", 0x03C0),
    ("GREEK SMALL LETTER PSI", 0x03C8),
    ("GREEK SMALL LETTER RHO", 0x03C1),
    ("GREEK SMALL LETTER SIGMA", 0x03C3),
    ("GREEK SMALL LETTER TAU", 0x03C4),
    ("GREEK SMALL LETTER THETA", 0x03B8),
    ("GREEK SMALL LETTER UPSILON", 0x03C5),
    (
        "GREEK SMALL LETTER UPSILON WITH DIALYTIKA AND TONOS",
        0x03B0,
    ),
    ("GREEK SMALL LETTER XI", 0x03BE),
    ("GREEK SMALL LETTER ZETA", 0x03B6),
    ("GRINNING FACE", 0x1F600),
    ("HANGZHOU NUMERAL TWENTY", 0x3039),
    ("HEAVY BLACK HEART", 0x2764),
    ("HEAVY CHECK MARK", 0x2714),
    ("HEAVY MULTIPLICATION X", 0x2716),
    ("HIGH VOLTAGE SIGN", 0x26A1),
    ("HIRAGANA LETTER A", 0x3042),
    ("HORIZONTAL BAR", 0x2015),
    ("HORIZONTAL ELLIPSIS", 0x2026),
    ("HOT BEVERAGE", 0x2615),
    ("HYPHEN", 0x2010),
    ("HYPHEN BULLET", 0x2043),
    ("HYPHEN-MINUS", 0x002D),
    ("HYPHENATION POINT", 0x2027),
    ("IDENTICAL TO", 0x2261),
    ("INCREMENT", 0x2206),
    ("INFINITY", 0x221E),
    ("INTEGRAL", 0x222B),
    ("INTERROBANG", 0x203D),
    ("INTERSECTION", 0x2229),
    ("INVERTED EXCLAMATION MARK", 0x00A1),
    ("INVERTED QUESTION MARK", 0x00BF),
    ("INVERTED UNDERTIE", 0x2054),
    ("KELVIN SIGN", 0x212A),
    ("LATIN CAPITAL LETTER A WITH ACUTE", 0x00C1),
    ("LATIN CAPITAL LETTER A WITH CIRCUMFLEX", 0x00C2),
    ("LATIN CAPITAL LETTER A WITH DIAERESIS", 0x00C4),
    ("LATIN CAPITAL LETTER A WITH GRAVE", 0x00C0),
    ("LATIN CAPITAL LETTER A WITH RING ABOVE", 0x00C5),
    ("LATIN CAPITAL LETTER A WITH TILDE", 0x00C3),
    ("LATIN CAPITAL LETTER AE", 0x00C6),
    ("LATIN CAPITAL LETTER C WITH CEDILLA", 0x00C7),
    ("LATIN CAPITAL LETTER E WITH ACUTE", 0x00C9),
    ("LATIN CAPITAL LETTER E WITH CIRCUMFLEX", 0x00CA),
    ("LATIN CAPITAL LETTER E WITH DIAERESIS", 0x00CB),
    ("LATIN CAPITAL LETTER E WITH GRAVE", 0x00C8),
    ("LATIN CAPITAL LETTER ETH", 0x00D0),
    ("LATIN CAPITAL LETTER I WITH ACUTE", 0x00CD),
    ("LATIN CAPITAL LETTER I WITH CIRCUMFLEX", 0x00CE),
    ("LATIN CAPITAL LETTER I WITH DIAERESIS", 0x00CF),
    ("LATIN CAPITAL LETTER I WITH DOT ABOVE", 0x0130),
    ("LATIN CAPITAL LETTER I WITH GRAVE", 0x00CC),
    ("LATIN CAPITAL LETTER N WITH TILDE", 0x00D1),
    ("LATIN CAPITAL LETTER O WITH ACUTE", 0x00D3),
    ("LATIN CAPITAL LETTER O WITH CIRCUMFLEX", 0x00D4),
    ("LATIN CAPITAL LETTER O WITH DIAERESIS", 0x00D6),
    ("LATIN CAPITAL LETTER O WITH GRAVE", 0x00D2),
    ("LATIN CAPITAL LETTER O WITH STROKE", 0x00D8),
    ("LATIN CAPITAL LETTER O WITH TILDE", 0x00D5),
    ("LATIN CAPITAL LETTER THORN", 0x00DE),
    ("LATIN CAPITAL LETTER U WITH ACUTE", 0x00DA),
    ("LATIN CAPITAL LETTER U WITH CIRCUMFLEX", 0x00DB),
    ("LATIN CAPITAL LETTER U WITH DIAERESIS", 0x00DC),
    ("LATIN CAPITAL LETTER U WITH GRAVE", 0x00D9),
    ("LATIN CAPITAL LETTER Y WITH ACUTE", 0x00DD),
    ("LATIN SMALL LETTER A WITH ACUTE", 0x00E1),
    ("LATIN SMALL LETTER A WITH CARON", 0x01CE),
    ("LATIN SMALL LETTER A WITH CIRCUMFLEX", 0x00E2),
    ("LATIN SMALL LETTER A WITH DIAERESIS", 0x00E4),
    ("LATIN SMALL LETTER A WITH GRAVE", 0x00E0),
    ("LATIN SMALL LETTER A WITH RING ABOVE", 0x00E5),
    ("LATIN SMALL LETTER A WITH TILDE", 0x00E3),
    ("LATIN SMALL LETTER AE", 0x00E6),
    ("LATIN SMALL LETTER C WITH CEDILLA", 0x00E7),
    ("LATIN SMALL LETTER E WITH ACUTE", 0x00E9),
    ("LATIN SMALL LETTER E WITH CIRCUMFLEX", 0x00EA),
    ("LATIN SMALL LETTER E WITH DIAERESIS", 0x00EB),
    ("LATIN SMALL LETTER E WITH GRAVE", 0x00E8),
    ("LATIN SMALL LETTER ETH", 0x00F0),
    ("LATIN SMALL LETTER I WITH ACUTE", 0x00ED),
    ("LATIN SMALL LETTER I WITH CIRCUMFLEX", 0x00EE),
    ("LATIN SMALL LETTER I WITH DIAERESIS", 0x00EF),
    ("LATIN SMALL LETTER I WITH GRAVE", 0x00EC),
    ("LATIN SMALL LETTER N WITH TILDE", 0x00F1),
    ("LATIN SMALL LETTER O WITH ACUTE", 0x00F3),
    ("LATIN SMALL LETTER O WITH CIRCUMFLEX", 0x00F4),
    ("LATIN SMALL LETTER O WITH DIAERESIS", 0x00F6),
    ("LATIN SMALL LETTER O WITH GRAVE", 0x00F2),
    ("LATIN SMALL LETTER O WITH HORN", 0x01A1),
    ("LATIN SMALL LETTER O WITH STROKE", 0x00F8),
    ("LATIN SMALL LETTER O WITH TILDE", 0x00F5),
    ("LATIN SMALL LETTER SHARP S", 0x00DF),
    ("LATIN SMALL LETTER THORN", 0x00FE),
    ("LATIN SMALL LETTER U WITH ACUTE", 0x00FA),
    ("LATIN SMALL LETTER U WITH CIRCUMFLEX", 0x00FB),
    ("LATIN SMALL LETTER U WITH DIAERESIS", 0x00FC),
    ("LATIN SMALL LETTER U WITH GRAVE", 0x00F9),
    ("LATIN SMALL LETTER Y WITH ACUTE", 0x00FD),
    ("LATIN SMALL LETTER Y WITH CIRCUMFLEX", 0x0177),
    ("LATIN SMALL LETTER Y WITH DIAERESIS", 0x00FF),
    ("LATIN SMALL LIGATURE FF", 0xFB00),
    ("LATIN SMALL LIGATURE FFI", 0xFB03),
    ("LATIN SMALL LIGATURE FI", 0xFB01),
    ("LATIN SMALL LIGATURE LONG S T", 0xFB05),
    ("LATIN SMALL LIGATURE ST", 0xFB06),
    ("LATIN SUBSCRIPT SMALL LETTER I", 0x1D62),
    ("LEFT CURLY BRACKET", 0x007B),
    ("LEFT DOUBLE QUOTATION MARK", 0x201C),
    ("LEFT PARENTHESIS", 0x0028),
    ("LEFT RIGHT ARROW", 0x2194),
    ("LEFT SINGLE QUOTATION MARK", 0x2018),
    ("LEFT SQUARE BRACKET", 0x005B),
    ("LEFT SQUARE BRACKET WITH QUILL", 0x2045),
    ("LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0x00AB),
    ("LEFTWARDS ARROW", 0x2190),
    ("LEFTWARDS ARROW WITH STROKE", 0x219A),
    ("LEFTWARDS TWO HEADED ARROW", 0x219E),
    ("LEFTWARDS WAVE ARROW", 0x219C),
    ("LESS-THAN OR EQUAL TO", 0x2264),
    ("LESS-THAN SIGN", 0x003C),
    ("LIGHT SHADE", 0x2591),
    ("LIGHT VERTICAL BAR", 0x2758),
    ("LINE FEED", 0x000A),
    ("LOGICAL AND", 0x2227),
    ("LOGICAL OR", 0x2228),
    ("LONG RIGHTWARDS SQUIGGLE ARROW", 0x27FF),
    ("LOW ASTERISK", 0x204E),
    ("LOW LINE", 0x005F),
    ("MACRON", 0x00AF),
    ("MASCULINE ORDINAL INDICATOR", 0x00BA),
    ("MATHEMATICAL BOLD SMALL FINAL SIGMA", 0x1D6D3),
    ("MATHEMATICAL LEFT ANGLE BRACKET", 0x27E8),
    ("MATHEMATICAL RIGHT ANGLE BRACKET", 0x27E9),
    ("MEDIUM SHADE", 0x2592),
    ("MICRO SIGN", 0x00B5),
    ("MIDDLE DOT", 0x00B7),
    ("MULTIPLICATION SIGN", 0x00D7),
    ("N-ARY CIRCLED TIMES OPERATOR", 0x2A02),
    ("N-ARY PRODUCT", 0x220F),
    ("N-ARY SUMMATION", 0x2211),
    ("NABLA", 0x2207),
    ("NARROW NO-BREAK SPACE", 0x202F),
    ("NO-BREAK SPACE", 0x00A0),
    ("NON-BREAKING HYPHEN", 0x2011),
    ("NORTH EAST ARROW", 0x2197),
    ("NORTH WEST ARROW", 0x2196),
    ("NOT EQUAL TO", 0x2260),
    ("NOT SIGN", 0x00AC),
    ("NULL", 0x0000),
    ("NUMBER SIGN", 0x0023),
    ("OBJECT REPLACEMENT CHARACTER", 0xFFFC),
    ("OHM SIGN", 0x2126),
    ("ONE DOT LEADER", 0x2024),
    ("OVERLINE", 0x203E),
    ("PARTIAL DIFFERENTIAL", 0x2202),
    ("PER MILLE SIGN", 0x2030),
    ("PER TEN THOUSAND SIGN", 0x2031),
    ("PERCENT SIGN", 0x0025),
    ("PILCROW SIGN", 0x00B6),
    ("PLANCK CONSTANT OVER TWO PI", 0x210F),
    ("PLUS SIGN", 0x002B),
    ("PLUS-MINUS SIGN", 0x00B1),
    ("POUND SIGN", 0x00A3),
    ("PRIME", 0x2032),
    ("PROPORTIONAL TO", 0x221D),
    ("QUADRUPLE PRIME", 0x2057),
    ("QUESTION EXCLAMATION MARK", 0x2048),
    ("QUESTION MARK", 0x003F),
    ("QUOTATION MARK", 0x0022),
    ("REFERENCE MARK", 0x203B),
    ("REGISTERED SIGN", 0x00AE),
    ("REPLACEMENT CHARACTER", 0xFFFD),
    ("REVERSE SOLIDUS", 0x005C),
    ("REVERSED DOUBLE PRIME", 0x2036),
    ("REVERSED PILCROW SIGN", 0x204B),
    ("REVERSED PRIME", 0x2035),
    ("REVERSED SEMICOLON", 0x204F),
    ("REVERSED TRIPLE PRIME", 0x2037),
    ("RIGHT CURLY BRACKET", 0x007D),
    ("RIGHT DOUBLE QUOTATION MARK", 0x201D),
    ("RIGHT PARENTHESIS", 0x0029),
    ("RIGHT SINGLE QUOTATION MARK", 0x2019),
    ("RIGHT SQUARE BRACKET", 0x005D),
    ("RIGHT SQUARE BRACKET WITH QUILL", 0x2046),
    ("RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0x00BB),
    ("RIGHTWARDS ARROW", 0x2192),
    ("RIGHTWARDS ARROW WITH HOOK", 0x21AA),
    ("RIGHTWARDS ARROW WITH STROKE", 0x219B),
    ("RIGHTWARDS DOUBLE ARROW", 0x21D2),
    ("RIGHTWARDS WAVE ARROW", 0x219D),
    ("ROMAN NUMERAL SIX", 0x2165),
    ("SCRIPT CAPITAL R", 0x211B),
    ("SECTION SIGN", 0x00A7),
    ("SEMICOLON", 0x003B),
    ("SINGLE HIGH-REVERSED-9 QUOTATION MARK", 0x201B),
    ("SINGLE LEFT-POINTING ANGLE QUOTATION MARK", 0x2039),
    ("SINGLE LOW-9 QUOTATION MARK", 0x201A),
    ("SINGLE RIGHT-POINTING ANGLE QUOTATION MARK", 0x203A),
    ("SMILING CAT FACE WITH OPEN MOUTH", 0x1F63A),
    ("SMILING FACE WITH SMILING EYES", 0x1F60A),
    ("SNAKE", 0x1F40D),
    ("SNOWMAN", 0x2603),
    ("SOFT HYPHEN", 0x00AD),
    ("SOLIDUS", 0x002F),
    ("SOUTH EAST ARROW", 0x2198),
    ("SOUTH WEST ARROW", 0x2199),
    ("SPACE", 0x0020),
    ("SPARKLES", 0x2728),
    ("SQUARE ROOT", 0x221A),
    ("SUBSCRIPT TWO", 0x2082),
    ("SUPERSCRIPT ONE", 0x00B9),
    ("SUPERSCRIPT THREE", 0x00B3),
    ("SUPERSCRIPT TWO", 0x00B2),
    ("SWUNG DASH", 0x2053),
    ("THAI DIGIT SIX", 0x0E56),
    ("THERE EXISTS", 0x2203),
    ("THREE DOT PUNCTUATION", 0x2056),
    ("THUMBS UP SIGN", 0x1F44D),
    ("TILDE", 0x007E),
    ("TIRONIAN SIGN ET", 0x204A),
    ("TRADE MARK SIGN", 0x2122),
    ("TRIANGULAR BULLET", 0x2023),
    ("TRICOLON", 0x205D),
    ("TRIPLE PRIME", 0x2034),
    ("TWO ASTERISKS ALIGNED VERTICALLY", 0x2051),
    ("TWO DOT LEADER", 0x2025),
    ("TWO DOT PUNCTUATION", 0x205A),
    ("UMBRELLA", 0x2602),
    ("UNDERTIE", 0x203F),
    ("UNION", 0x222A),
    ("UP DOWN ARROW", 0x2195),
    ("UPWARDS ARROW", 0x2191),
    ("UPWARDS TWO HEADED ARROW", 0x219F),
    ("VERTICAL FOUR DOTS", 0x205E),
    ("VERTICAL LINE", 0x007C),
    ("VULGAR FRACTION ONE HALF", 0x00BD),
    ("VULGAR FRACTION ONE QUARTER", 0x00BC),
    ("VULGAR FRACTION THREE QUARTERS", 0x00BE),
    ("WARNING SIGN", 0x26A0),
    ("WHITE CIRCLE", 0x25CB),
    ("WHITE HEAVY CHECK MARK", 0x2705),
    ("WHITE SMILING FACE", 0x263A),
    ("WHITE SQUARE", 0x25A1),
    ("WHITE STAR", 0x2606),
    ("YEN SIGN", 0x00A5),
    ("ZERO WIDTH JOINER", 0x200D),
    ("ZERO WIDTH NO-BREAK SPACE", 0xFEFF),
    ("ZERO WIDTH NON-JOINER", 0x200C),
    ("ZERO WIDTH SPACE", 0x200B),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        let mut lx = Lexer::new(src);
        let mut out = Vec::new();
        loop {
            let t = lx.next_token().expect("token");
            let end = t.tok == Tok::EndMarker;
            out.push(t.tok);
            if end {
                return out;
            }
        }
    }

    #[test]
    fn char_names() {
        for w in CHAR_NAMES.windows(2) {
            assert!(w[0].0 < w[1].0, "{} / {}", w[0].0, w[1].0);
        }
        assert_eq!(lookup_char_name("bullet"), Some('\u{2022}'));
        assert_eq!(lookup_char_name("LATIN SMALL LETTER Z"), Some('z'));
        assert_eq!(lookup_char_name("LATIN CAPITAL LETTER A"), Some('A'));
        assert_eq!(lookup_char_name("DIGIT NINE"), Some('9'));
        assert_eq!(lookup_char_name("CEDILLA"), Some('\u{b8}'));
        assert_eq!(lookup_char_name("EM DASH"), Some('\u{2014}'));
        assert_eq!(
            lookup_char_name("GREEK CAPITAL LETTER OMEGA"),
            Some('\u{3a9}')
        );
        assert_eq!(
            lookup_char_name("CJK UNIFIED IDEOGRAPH-8000"),
            Some('\u{8000}')
        );
        assert_eq!(lookup_char_name("LATIN SMALL LETTER"), None);
        assert_eq!(lookup_char_name("NO SUCH THING"), None);
        for w in NFKC_MAP.windows(2) {
            assert!(w[0].0 < w[1].0);
        }
        assert_eq!(nfkc_ident("\u{210c}\u{fb01}\u{2160}x\u{2071}"), "HfiIxi");
    }

    #[test]
    fn tokens() {
        use Op::*;
        let n = |s: &str| Tok::Name(String::from(s));
        assert_eq!(
            toks("x = (1,\n  2) # c\n"),
            [
                n("x"),
                Tok::Op(Equal),
                Tok::Op(LPar),
                Tok::Num(Constant::Int(1)),
                Tok::Op(Comma),
                Tok::Num(Constant::Int(2)),
                Tok::Op(RPar),
                Tok::Newline,
                Tok::EndMarker
            ]
        );
        assert_eq!(
            toks("if a:\n    b\n\n  # c\n    c\nd"),
            [
                Tok::Kw(Kw::If),
                n("a"),
                Tok::Op(Colon),
                Tok::Newline,
                Tok::Indent,
                n("b"),
                Tok::Newline,
                n("c"),
                Tok::Newline,
                Tok::Dedent,
                n("d"),
                Tok::Newline,
                Tok::EndMarker
            ]
        );
        assert_eq!(
            toks("a**=b//=c->d...e:=f!=g<<=h>>=i@=j"),
            [
                n("a"),
                Tok::Op(DoubleStarEqual),
                n("b"),
                Tok::Op(DoubleSlashEqual),
                n("c"),
                Tok::Op(RArrow),
                n("d"),
                Tok::Op(Ellipsis),
                n("e"),
                Tok::Op(ColonEqual),
                n("f"),
                Tok::Op(NotEqual),
                n("g"),
                Tok::Op(LeftShiftEqual),
                n("h"),
                Tok::Op(RightShiftEqual),
                n("i"),
                Tok::Op(AtEqual),
                n("j"),
                Tok::Newline,
                Tok::EndMarker
            ]
        );
        // Non-ASCII identifiers, NFKC-folded where we know how.
        assert_eq!(toks("été ｗｉｄｔｈ")[..2], [n("été"), n("width")]);
        // Soft keywords are names.
        assert_eq!(toks("match")[0], n("match"));
    }

    #[test]
    fn token_positions() {
        let mut lx = Lexer::new("a\n  bé = 'x'\n");
        let mut v = Vec::new();
        loop {
            let t = lx.next_token().unwrap();
            if t.tok == Tok::EndMarker {
                break;
            }
            v.push((t.line, t.col, t.end_line, t.end_col));
        }
        // a NEWLINE INDENT bé = 'x' NEWLINE DEDENT
        assert_eq!(v[0], (1, 0, 1, 1));
        assert_eq!(v[3], (2, 2, 2, 4));
        assert_eq!(v[5], (2, 7, 2, 10));
    }
}
