//! Recursive-descent parser for Python 3.11 (everything but `match`).
//!
//! Entry point: [`parse`].  The parser never panics; recursion is bounded
//! by a nesting limit ([`MAX_NESTING`] by default, see
//! [`parse_with_limit`]), which also bounds the depth of the produced
//! expression trees: left-associative chains (`a + b + c`, `a.b.c`,
//! `f()()`) count one level per link.

use alloc::boxed::Box;
use alloc::collections::VecDeque;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::ast::*;
use super::lexer::{read_escape, Cursor, Esc, Kw, Lexer, Op, StrLit, Tok, Token, MAX_PAREN};
pub use super::lexer::{ErrKind, SyntaxError};

/// Default bound on syntactic nesting (brackets, operators, blocks) and
/// on the depth of expression trees.
pub const MAX_NESTING: usize = 200;

/// What to parse, like the `mode` argument of `compile()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A module: any number of statements.
    Exec,
    /// A single expression.
    Eval,
    /// One interactive statement.
    Single,
}

/// Parses `source` (already decoded text) into a module / expression.
/// `filename` is currently only informative (errors carry no file name).
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<Mod, SyntaxError> {
    parse_with_limit(source, filename, mode, MAX_NESTING)
}

/// Like [`parse`] with an explicit nesting limit (use a smaller one on
/// targets with small stacks).
pub fn parse_with_limit(
    source: &str,
    filename: &str,
    mode: Mode,
    max_nesting: usize,
) -> Result<Mod, SyntaxError> {
    let _ = filename;
    let mut p = Parser::new(source, Lexer::new(source), 0, max_nesting.max(1));
    match p.parse_mod(mode) {
        Ok(m) => Ok(m),
        Err(e) => {
            let indent = e.msg == "unexpected indent" || e.msg == "unexpected unindent";
            let e = if p.lex_failed || indent {
                e
            } else {
                p.prefer_tokenizer_error(e)
            };
            Err(fill_text(*e, source))
        }
    }
}

/// Fills in `text` (the offending source line) if missing.
fn fill_text(mut e: SyntaxError, src: &str) -> SyntaxError {
    if e.text.is_none() && e.line > 0 {
        let mut line = 1u32;
        let mut start = 0usize;
        let b = src.as_bytes();
        let mut i = 0usize;
        while i < b.len() && line < e.line {
            match b[i] {
                b'\n' => {
                    line += 1;
                    start = i + 1;
                }
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line += 1;
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        if line == e.line {
            let rest = src.get(start..).unwrap_or("");
            let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
            e.text = rest.get(..end).map(String::from);
        }
    }
    e
}

/// Errors are boxed inside the parser: it keeps `Result`s, and so the
/// stack frames of the recursive descent, small.
type Perr = Box<SyntaxError>;
type PResult<T> = Result<T, Perr>;

fn serr(msg: impl Into<String>, line: u32, col0: u32) -> Perr {
    Box::new(SyntaxError::new(msg, line, col0))
}

fn with_kind(mut e: Perr, kind: ErrKind) -> Perr {
    e.kind = kind;
    e
}

/// Expression trees may be this many times deeper than the nesting limit
/// (long operator / attribute / call chains such as `a + b + c + ...`
/// cost no parser recursion, but produce deep left-leaning trees).
pub const CHAIN_FACTOR: usize = 5;

// Binding powers.
const P_OR: u8 = 1;
const P_AND: u8 = 2;
const P_NOT: u8 = 3;
const P_CMP: u8 = 4;
const P_BOR: u8 = 5;
const P_BXOR: u8 = 6;
const P_BAND: u8 = 7;
const P_SHIFT: u8 = 8;
const P_ARITH: u8 = 9;
const P_TERM: u8 = 10;
const P_UNARY: u8 = 11;

static EOF_TOKEN: Token = Token {
    tok: Tok::EndMarker,
    line: 0,
    col: 0,
    end_line: 0,
    end_col: 0,
    level: 0,
    at_eof: true,
};

fn mk(kind: ExprKind, loc: Loc) -> Expr {
    Expr { kind, loc }
}

fn mkb(kind: ExprKind, loc: Loc) -> Box<Expr> {
    Box::new(Expr { kind, loc })
}

/// Boxes an expression (or passes a box through).
trait IntoBox {
    fn into_box(self) -> Box<Expr>;
}

impl IntoBox for Expr {
    fn into_box(self) -> Box<Expr> {
        Box::new(self)
    }
}

impl IntoBox for Box<Expr> {
    fn into_box(self) -> Box<Expr> {
        self
    }
}

fn bx(e: impl IntoBox) -> Box<Expr> {
    e.into_box()
}

/// CPython's name for an expression kind, as used in error messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

fn err_at(msg: impl Into<String>, loc: &Loc) -> Perr {
    serr(msg, loc.line, loc.col)
}

fn augop(op: Op) -> Option<Operator> {
    Some(match op {
        Op::PlusEqual => Operator::Add,
        Op::MinEqual => Operator::Sub,
        Op::StarEqual => Operator::Mult,
        Op::AtEqual => Operator::MatMult,
        Op::SlashEqual => Operator::Div,
        Op::PercentEqual => Operator::Mod,
        Op::DoubleStarEqual => Operator::Pow,
        Op::LeftShiftEqual => Operator::LShift,
        Op::RightShiftEqual => Operator::RShift,
        Op::VBarEqual => Operator::BitOr,
        Op::CircumflexEqual => Operator::BitXor,
        Op::AmperEqual => Operator::BitAnd,
        Op::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

fn binop(op: Op) -> Option<(Operator, u8)> {
    Some(match op {
        Op::VBar => (Operator::BitOr, P_BOR),
        Op::Circumflex => (Operator::BitXor, P_BXOR),
        Op::Amper => (Operator::BitAnd, P_BAND),
        Op::LeftShift => (Operator::LShift, P_SHIFT),
        Op::RightShift => (Operator::RShift, P_SHIFT),
        Op::Plus => (Operator::Add, P_ARITH),
        Op::Minus => (Operator::Sub, P_ARITH),
        Op::Star => (Operator::Mult, P_TERM),
        Op::Slash => (Operator::Div, P_TERM),
        Op::DoubleSlash => (Operator::FloorDiv, P_TERM),
        Op::Percent => (Operator::Mod, P_TERM),
        Op::At => (Operator::MatMult, P_TERM),
        _ => return None,
    })
}

fn flush_str(buf: &mut String, parts: &mut Vec<Expr>, loc: Loc) {
    if !buf.is_empty() {
        let s = core::mem::take(buf);
        parts.push(mk(ExprKind::Constant(Constant::Str(s)), loc));
    }
}

/// Gives the parts of an f-string the location of the whole (concatenated)
/// string, like CPython 3.11: every top-level part, and the parts of format
/// specs created at a nested replacement field (still carrying the
/// placeholder `Loc::default()`).  Format specs themselves, and the literal
/// text ending a spec, keep the location of their string token.
fn fix_fstring_locs(parts: &mut [Expr], loc: Loc, top: bool) {
    for p in parts.iter_mut() {
        if top || p.loc.line == 0 {
            p.loc = loc;
        }
        if let ExprKind::FormattedValue {
            format_spec: Some(spec),
            ..
        } = &mut p.kind
        {
            if let ExprKind::JoinedStr(inner) = &mut spec.kind {
                fix_fstring_locs(inner, loc, false);
            }
        }
    }
}

fn fstring_prefix(mut e: Perr) -> Perr {
    if !e.msg.starts_with("f-string") {
        e.msg = format!("f-string: {}", e.msg);
    }
    e
}

/// Arguments being collected for a call (or class bases).
struct ArgList {
    args: Vec<Expr>,
    kws: Vec<Keyword>,
    seen_kw: bool,
    seen_dstar: bool,
    genexp: bool,
}

/// How `bin` continues after an operand.
#[derive(Clone, Copy)]
enum Cont {
    Bin(Operator, u8),
    Cmp,
    Bool(BoolOp, u8),
}

struct Parser<'a> {
    src: &'a str,
    lx: Lexer<'a>,
    /// Lookahead buffer; `toks[0]` is the current token.
    toks: VecDeque<Token>,
    /// End of the last consumed significant token.
    prev_end: (u32, u32),
    /// Current nesting level.
    depth: usize,
    /// Highest level reached by the subtree being built (see `bin`).
    peak: usize,
    max_depth: usize,
    /// Set when the lexer reported an error.
    lex_failed: bool,
    /// Set while parsing without CPython's error-diagnosis rules.
    no_invalid: bool,
    /// Set when an f-string field parsed as an unparenthesized tuple or
    /// generator expression.
    implicit_paren: bool,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str, lx: Lexer<'a>, depth: usize, max_depth: usize) -> Parser<'a> {
        Parser {
            src,
            lx,
            toks: VecDeque::new(),
            prev_end: (1, 0),
            depth,
            peak: depth,
            max_depth,
            implicit_paren: false,
            lex_failed: false,
            no_invalid: false,
        }
    }

    // ----- tokens -------------------------------------------------------

    fn fill(&mut self, n: usize) -> PResult<()> {
        while self.toks.len() <= n {
            match self.lx.next_token() {
                Ok(t) => self.toks.push_back(t),
                Err(e) => {
                    self.lex_failed = true;
                    return Err(Box::new(e));
                }
            }
        }
        Ok(())
    }

    /// Like CPython, a parser error is superseded by a tokenizer error
    /// later in the source (an unclosed bracket only if it was opened
    /// on a line before the error).
    #[inline(never)]
    fn prefer_tokenizer_error(&mut self, e: Perr) -> Perr {
        let err_line = self.toks.back().map_or(e.line, |t| t.line);
        loop {
            let unclosed = self.lx.unclosed();
            match self.lx.next_token() {
                Ok(Token {
                    tok: Tok::EndMarker,
                    ..
                }) => return e,
                Ok(_) => {}
                Err(le) => {
                    // Errors CPython's tokenizer only flags (indentation,
                    // line continuation) do not count.
                    if le.kind != ErrKind::Syntax
                        || le.msg == "unexpected character after line continuation character"
                        || le.msg == "unexpected EOF while parsing"
                    {
                        return e;
                    }
                    if let Some((_, pl, _)) = unclosed {
                        if le.msg.ends_with("was never closed") && err_line <= pl {
                            return e;
                        }
                    }
                    return Box::new(le);
                }
            }
        }
    }

    fn cur(&self) -> &Token {
        self.toks.front().unwrap_or(&EOF_TOKEN)
    }

    fn tok(&self) -> &Tok {
        &self.cur().tok
    }

    fn kw(&self) -> Option<Kw> {
        match *self.tok() {
            Tok::Kw(k) => Some(k),
            _ => None,
        }
    }

    fn op(&self) -> Option<Op> {
        match *self.tok() {
            Tok::Op(o) => Some(o),
            _ => None,
        }
    }

    fn peek_tok(&mut self, n: usize) -> PResult<&Tok> {
        self.fill(n)?;
        Ok(self.toks.get(n).map_or(&EOF_TOKEN.tok, |t| &t.tok))
    }

    fn start(&self) -> (u32, u32) {
        let t = self.cur();
        (t.line, t.col)
    }

    fn bump(&mut self) -> PResult<Token> {
        self.fill(1)?;
        let t = match self.toks.pop_front() {
            Some(t) => t,
            None => EOF_TOKEN.clone(),
        };
        if !matches!(
            t.tok,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker
        ) {
            self.prev_end = (t.end_line, t.end_col);
        }
        Ok(t)
    }

    /// Consumes the current token.
    #[inline(never)]
    fn skip(&mut self) -> PResult<()> {
        self.fill(1)?;
        if let Some(t) = self.toks.pop_front() {
            if !matches!(t.tok, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker) {
                self.prev_end = (t.end_line, t.end_col);
            }
        }
        Ok(())
    }

    fn at_op(&self, op: Op) -> bool {
        self.op() == Some(op)
    }

    fn at_kw(&self, kw: Kw) -> bool {
        self.kw() == Some(kw)
    }

    fn at_newline(&self) -> bool {
        matches!(self.tok(), Tok::Newline)
    }

    fn eat_op(&mut self, op: Op) -> PResult<bool> {
        if self.at_op(op) {
            self.skip()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn eat_kw(&mut self, kw: Kw) -> PResult<bool> {
        if self.at_kw(kw) {
            self.skip()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn expect_op(&mut self, op: Op) -> PResult<()> {
        if self.eat_op(op)? {
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn expect_name(&mut self) -> PResult<String> {
        if let Tok::Name(_) = self.tok() {
            if let Tok::Name(s) = self.bump()?.tok {
                return Ok(s);
            }
        }
        Err(self.unexpected())
    }

    fn loc_from(&self, s: (u32, u32)) -> Loc {
        Loc {
            line: s.0,
            col: s.1,
            end_line: self.prev_end.0,
            end_col: self.prev_end.1,
        }
    }

    fn err_here(&self, msg: impl Into<String>) -> Perr {
        let t = self.cur();
        let mut e = serr(msg, t.line, t.col);
        if matches!(t.tok, Tok::Dedent) && !t.at_eof {
            // CPython reports a DEDENT one column to the left.
            e.col = t.col;
        }
        e
    }

    fn unexpected(&self) -> Perr {
        let t = self.cur();
        match t.tok {
            Tok::Indent => with_kind(
                serr("unexpected indent", t.line, t.col.saturating_sub(1)),
                ErrKind::Indentation,
            ),
            Tok::Dedent => with_kind(self.err_here("unexpected unindent"), ErrKind::Indentation),
            _ => self.err_here("invalid syntax"),
        }
    }

    /// Can the current token begin an expression?
    fn at_expr_start(&self) -> bool {
        match self.tok() {
            Tok::Name(_) | Tok::Num(_) | Tok::Str(_) => true,
            Tok::Kw(k) => matches!(
                k,
                Kw::None | Kw::True | Kw::False | Kw::Lambda | Kw::Not | Kw::Await
            ),
            Tok::Op(o) => matches!(
                o,
                Op::LPar
                    | Op::LSqb
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Star
                    | Op::Ellipsis
            ),
            _ => false,
        }
    }

    // ----- nesting ------------------------------------------------------

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > self.peak {
            self.peak = self.depth;
        }
        if self.depth > self.max_depth {
            return Err(self.err_here("too many nested parentheses"));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn check_level(&self, lvl: usize, loc: (u32, u32)) -> PResult<()> {
        if lvl > self.max_depth.saturating_mul(CHAIN_FACTOR) {
            return Err(serr(
                "expression too deeply nested",
                loc.0,
                loc.1,
            ));
        }
        Ok(())
    }

    // ----- modules and statements ---------------------------------------

    fn parse_mod(&mut self, mode: Mode) -> PResult<Mod> {
        self.fill(0)?;
        match mode {
            Mode::Exec => {
                let mut body = Vec::new();
                loop {
                    match self.tok() {
                        Tok::EndMarker => break,
                        Tok::Newline => {
                            self.skip()?;
                        }
                        _ => self.statement(&mut body)?,
                    }
                }
                Ok(Mod::Module(body))
            }
            Mode::Eval => {
                while self.at_newline() {
                    self.skip()?;
                }
                let e = self.star_expressions()?;
                self.no_bare_starred(&e)?;
                while self.at_newline() {
                    self.skip()?;
                }
                if !matches!(self.tok(), Tok::EndMarker) {
                    return Err(self.unexpected());
                }
                Ok(Mod::Expression(bx(e)))
            }
            Mode::Single => {
                let mut body = Vec::new();
                while self.at_newline() {
                    self.skip()?;
                }
                if !matches!(self.tok(), Tok::EndMarker) {
                    self.statement(&mut body)?;
                }
                while self.at_newline() {
                    self.skip()?;
                }
                if !matches!(self.tok(), Tok::EndMarker) {
                    return Err(self
                        .err_here("multiple statements found while compiling a single statement"));
                }
                Ok(Mod::Interactive(body))
            }
        }
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        match *self.tok() {
            Tok::Kw(
                Kw::Def | Kw::Class | Kw::If | Kw::While | Kw::For | Kw::Try | Kw::With | Kw::Async,
            )
            | Tok::Op(Op::At) => {
                let s = self.compound()?;
                out.push(s);
                Ok(())
            }
            _ => self.simple_stmts(out),
        }
    }

    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat_op(Op::Semi)? {
                if self.at_newline() {
                    break;
                }
                continue;
            }
            break;
        }
        if self.at_newline() {
            self.skip()?;
            return Ok(());
        }
        if let Some(Stmt {
            kind: StmtKind::Expr { value },
            loc,
        }) = out.last()
        {
            if let ExprKind::Name { id, .. } = &value.kind {
                if (id == "print" || id == "exec") && self.at_expr_start() {
                    return Err(err_at(
                        format!(
                            "Missing parentheses in call to '{}'. Did you mean {}(...)?",
                            id, id
                        ),
                        loc,
                    ));
                }
            }
        }
        Err(self.unexpected())
    }

    #[inline(never)]
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.kw() {
            Some(Kw::Pass) => {
                self.skip()?;
                StmtKind::Pass
            }
            Some(Kw::Break) => {
                self.skip()?;
                StmtKind::Break
            }
            Some(Kw::Continue) => {
                self.skip()?;
                StmtKind::Continue
            }
            Some(Kw::Return) => {
                self.skip()?;
                let value = if self.at_expr_start() {
                    let e = self.star_expressions()?;
                    self.no_bare_starred(&e)?;
                    Some(bx(e))
                } else {
                    None
                };
                StmtKind::Return { value }
            }
            Some(Kw::Raise) => {
                self.skip()?;
                let mut exc = None;
                let mut cause = None;
                if self.at_expr_start() {
                    exc = Some(bx(self.expression()?));
                    if self.eat_kw(Kw::From)? {
                        cause = Some(bx(self.expression()?));
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            Some(k @ (Kw::Global | Kw::Nonlocal)) => {
                self.skip()?;
                let mut names = vec![self.expect_name()?];
                while self.eat_op(Op::Comma)? {
                    names.push(self.expect_name()?);
                }
                if k == Kw::Global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            Some(Kw::Del) => {
                self.skip()?;
                let mut targets = Vec::new();
                loop {
                    let mut e = self.star_target_item()?;
                    self.set_ctx(&mut e, ExprContext::Del)?;
                    targets.push(*e);
                    if !self.eat_op(Op::Comma)? || !self.at_expr_start() {
                        break;
                    }
                }
                StmtKind::Delete { targets }
            }
            Some(Kw::Assert) => {
                self.skip()?;
                let test = bx(self.expression()?);
                let msg = if self.eat_op(Op::Comma)? {
                    Some(bx(self.expression()?))
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            Some(Kw::Import) => {
                self.skip()?;
                let mut names = Vec::new();
                loop {
                    let s = self.start();
                    let name = self.dotted_name()?;
                    let asname = if self.eat_kw(Kw::As)? {
                        Some(self.expect_name()?)
                    } else {
                        None
                    };
                    names.push(Alias {
                        name,
                        asname,
                        loc: self.loc_from(s),
                    });
                    if !self.eat_op(Op::Comma)? {
                        break;
                    }
                }
                StmtKind::Import { names }
            }
            Some(Kw::From) => self.import_from()?,
            _ => return self.expr_stmt(start),
        };
        Ok(Stmt {
            kind,
            loc: self.loc_from(start),
        })
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.expect_name()?;
        while self.eat_op(Op::Dot)? {
            name.push('.');
            name.push_str(&self.expect_name()?);
        }
        Ok(name)
    }

    #[inline(never)]
    fn import_from(&mut self) -> PResult<StmtKind> {
        self.skip()?;
        let mut level = 0u32;
        loop {
            if self.eat_op(Op::Dot)? {
                level = level.saturating_add(1);
            } else if self.eat_op(Op::Ellipsis)? {
                level = level.saturating_add(3);
            } else {
                break;
            }
        }
        let module = if let Tok::Name(_) = self.tok() {
            Some(self.dotted_name()?)
        } else {
            None
        };
        if module.is_none() && level == 0 {
            return Err(self.unexpected());
        }
        if !self.eat_kw(Kw::Import)? {
            return Err(self.unexpected());
        }
        let mut names = Vec::new();
        if self.at_op(Op::Star) {
            let s = self.start();
            self.skip()?;
            names.push(Alias {
                name: String::from("*"),
                asname: None,
                loc: self.loc_from(s),
            });
        } else {
            let paren = self.eat_op(Op::LPar)?;
            loop {
                let s = self.start();
                let name = self.expect_name()?;
                let asname = if self.eat_kw(Kw::As)? {
                    Some(self.expect_name()?)
                } else {
                    None
                };
                names.push(Alias {
                    name,
                    asname,
                    loc: self.loc_from(s),
                });
                if !self.eat_op(Op::Comma)? {
                    break;
                }
                if paren && self.at_op(Op::RPar) {
                    break;
                }
                if !paren && (self.at_newline() || self.at_op(Op::Semi)) {
                    return Err(
                        self.err_here("trailing comma not allowed without surrounding parentheses")
                    );
                }
            }
            if paren {
                self.expect_op(Op::RPar)?;
            }
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    #[inline(never)]
    fn expr_stmt(&mut self, start: (u32, u32)) -> PResult<Stmt> {
        let paren = self.at_op(Op::LPar);
        let mut first = if self.at_kw(Kw::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        let kind = match self.op() {
            Some(Op::Equal) => {
                let mut targets = vec![*first];
                let value = loop {
                    self.skip()?;
                    let rhs = if self.at_kw(Kw::Yield) {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    };
                    if self.at_op(Op::Equal) {
                        targets.push(*rhs);
                    } else {
                        break rhs;
                    }
                };
                for (i, t) in targets.iter_mut().enumerate() {
                    self.assign_target(t, i == 0)?;
                }
                self.no_bare_starred(&value)?;
                StmtKind::Assign {
                    targets,
                    value: bx(value),
                }
            }
            Some(Op::Colon) => {
                let bad = match &first.kind {
                    ExprKind::Name { .. }
                    | ExprKind::Attribute { .. }
                    | ExprKind::Subscript { .. } => None,
                    ExprKind::Tuple { .. } => {
                        Some("only single target (not tuple) can be annotated")
                    }
                    ExprKind::List { .. } => Some("only single target (not list) can be annotated"),
                    _ => Some("illegal target for annotation"),
                };
                if let Some(msg) = bad {
                    // CPython only says so when an annotation follows.
                    let colon = self.unexpected();
                    self.skip()?;
                    if !self.at_expr_start() {
                        return Err(colon);
                    }
                    self.expression()?;
                    return Err(err_at(msg, &first.loc));
                }
                let simple = matches!(first.kind, ExprKind::Name { .. }) && !paren;
                self.set_ctx(&mut first, ExprContext::Store)?;
                self.skip()?;
                let annotation = bx(self.expression()?);
                let value = if self.eat_op(Op::Equal)? {
                    let v = if self.at_kw(Kw::Yield) {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    };
                    self.no_bare_starred(&v)?;
                    Some(bx(v))
                } else {
                    None
                };
                StmtKind::AnnAssign {
                    target: bx(first),
                    annotation,
                    value,
                    simple,
                }
            }
            Some(o) if augop(o).is_some() => {
                let op = augop(o).unwrap_or(Operator::Add);
                match first.kind {
                    ExprKind::Name { .. }
                    | ExprKind::Attribute { .. }
                    | ExprKind::Subscript { .. } => {}
                    _ => {
                        return Err(err_at(
                            format!(
                                "'{}' is an illegal expression for augmented assignment",
                                expr_name(&first)
                            ),
                            &first.loc,
                        ))
                    }
                }
                self.set_ctx(&mut first, ExprContext::Store)?;
                self.skip()?;
                let value = if self.at_kw(Kw::Yield) {
                    self.yield_expr()?
                } else {
                    self.star_expressions()?
                };
                self.no_bare_starred(&value)?;
                StmtKind::AugAssign {
                    target: bx(first),
                    op,
                    value: bx(value),
                }
            }
            _ => {
                self.no_bare_starred(&first)?;
                StmtKind::Expr { value: bx(first) }
            }
        };
        Ok(Stmt {
            kind,
            loc: self.loc_from(start),
        })
    }

    fn no_bare_starred(&self, e: &Expr) -> PResult<()> {
        if let ExprKind::Starred { .. } = e.kind {
            return Err(err_at("can't use starred expression here", &e.loc));
        }
        Ok(())
    }

    #[inline(never)]
    fn assign_target(&self, t: &mut Expr, first: bool) -> PResult<()> {
        match &t.kind {
            ExprKind::Starred { .. } => {
                return Err(err_at(
                    "starred assignment target must be in a list or tuple",
                    &t.loc,
                ))
            }
            ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => {
                return Err(err_at(
                    "assignment to yield expression not possible",
                    &t.loc,
                ))
            }
            ExprKind::Name { .. }
            | ExprKind::Attribute { .. }
            | ExprKind::Subscript { .. }
            | ExprKind::List { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::None | Constant::True | Constant::False) => {}
            _ => {
                if first {
                    return Err(err_at(
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(t)
                        ),
                        &t.loc,
                    ));
                }
            }
        }
        self.set_ctx(t, ExprContext::Store)
    }

    /// Turns an expression into an assignment / deletion target.
    #[inline(never)]
    fn set_ctx(&self, e: &mut Expr, ctx: ExprContext) -> PResult<()> {
        let loc = e.loc;
        let name = expr_name(e);
        let verb = if ctx == ExprContext::Del {
            "delete"
        } else {
            "assign to"
        };
        match &mut e.kind {
            ExprKind::Name { id, ctx: c } => {
                if id == "__debug__" {
                    return Err(err_at(format!("cannot {} __debug__", verb), &loc));
                }
                *c = ctx;
            }
            ExprKind::Attribute { ctx: c, .. } | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
            ExprKind::Starred { value, ctx: c } => {
                if ctx == ExprContext::Del {
                    return Err(err_at("cannot delete starred", &loc));
                }
                *c = ctx;
                self.set_ctx(value, ctx)?;
            }
            ExprKind::List { elts, ctx: c } | ExprKind::Tuple { elts, ctx: c } => {
                *c = ctx;
                let mut starred = false;
                for x in elts.iter_mut() {
                    if let ExprKind::Starred { .. } = x.kind {
                        if starred {
                            return Err(err_at(
                                "multiple starred expressions in assignment",
                                &x.loc,
                            ));
                        }
                        starred = true;
                    }
                    self.set_ctx(x, ctx)?;
                }
            }
            _ => return Err(err_at(format!("cannot {} {}", verb, name), &loc)),
        }
        Ok(())
    }

    /// `=` found after a test expression where an assignment is impossible.
    #[inline(never)]
    fn bad_equal(&self, e: &Expr) -> Perr {
        match &e.kind {
            ExprKind::Name { .. } => err_at(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                &e.loc,
            ),
            ExprKind::List { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::None | Constant::True | Constant::False) => {
                self.unexpected()
            }
            _ => err_at(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(e)
                ),
                &e.loc,
            ),
        }
    }

    fn compound(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = self.compound_inner();
        self.leave();
        r
    }

    fn compound_inner(&mut self) -> PResult<Stmt> {
        let start = self.start();
        match self.kw() {
            Some(Kw::If) => self.if_stmt(),
            Some(Kw::While) => self.while_stmt(),
            Some(Kw::For) => self.for_stmt(start, false),
            Some(Kw::Try) => self.try_stmt(),
            Some(Kw::With) => self.with_stmt(start, false),
            Some(Kw::Def) => self.funcdef(start, Vec::new(), false),
            Some(Kw::Class) => self.classdef(start, Vec::new()),
            Some(Kw::Async) => {
                self.skip()?;
                match self.kw() {
                    Some(Kw::Def) => self.funcdef(start, Vec::new(), true),
                    Some(Kw::For) => self.for_stmt(start, true),
                    Some(Kw::With) => self.with_stmt(start, true),
                    _ => Err(self.unexpected()),
                }
            }
            _ => self.decorated(),
        }
    }

    fn expect_colon(&mut self, forced: bool) -> PResult<()> {
        if self.eat_op(Op::Colon)? {
            return Ok(());
        }
        if forced || matches!(self.tok(), Tok::Newline | Tok::EndMarker) {
            return Err(self.err_here("expected ':'"));
        }
        Err(self.unexpected())
    }

    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.at_newline() {
            self.skip()?;
            if !matches!(self.tok(), Tok::Indent) {
                return Err(with_kind(
                    self.err_here(format!("expected an indented block after {} on line {}", what, line)),
                    ErrKind::Indentation,
                ));
            }
            self.skip()?;
            loop {
                match self.tok() {
                    Tok::Dedent => {
                        self.skip()?;
                        break;
                    }
                    Tok::EndMarker => break,
                    _ => self.statement(&mut body)?,
                }
            }
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(body)
    }

    /// The test of `if`/`elif`/`while`.
    fn cond_expr(&mut self) -> PResult<Box<Expr>> {
        let e = self.named_expr()?;
        if self.at_op(Op::Equal) {
            return Err(self.bad_equal(&e));
        }
        Ok(e)
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw(Kw::Else) {
            let line = self.start().0;
            self.skip()?;
            self.expect_colon(true)?;
            self.block("'else' statement", line)
        } else {
            Ok(Vec::new())
        }
    }

    #[inline(never)]
    fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.skip()?;
        let test = self.cond_expr()?;
        self.expect_colon(false)?;
        let body = self.block("'if' statement", start.0)?;
        let mut elifs = Vec::new();
        while self.at_kw(Kw::Elif) {
            let s = self.start();
            self.skip()?;
            let t = self.cond_expr()?;
            self.expect_colon(false)?;
            let b = self.block("'elif' statement", s.0)?;
            elifs.push((s, t, b));
        }
        let mut orelse = self.else_block()?;
        let end = self.prev_end;
        while let Some((s, t, b)) = elifs.pop() {
            let loc = Loc {
                line: s.0,
                col: s.1,
                end_line: end.0,
                end_col: end.1,
            };
            orelse = vec![Stmt {
                kind: StmtKind::If {
                    test: bx(t),
                    body: b,
                    orelse,
                },
                loc,
            }];
        }
        Ok(Stmt {
            kind: StmtKind::If {
                test: bx(test),
                body,
                orelse,
            },
            loc: self.loc_from(start),
        })
    }

    #[inline(never)]
    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.skip()?;
        let test = self.cond_expr()?;
        self.expect_colon(false)?;
        let body = self.block("'while' statement", start.0)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::While {
                test: bx(test),
                body,
                orelse,
            },
            loc: self.loc_from(start),
        })
    }

    #[inline(never)]
    fn for_stmt(&mut self, start: (u32, u32), is_async: bool) -> PResult<Stmt> {
        let line = self.start().0;
        self.skip()?;
        let target = self.star_targets()?;
        if !self.eat_kw(Kw::In)? {
            return Err(self.unexpected());
        }
        let iter = self.star_expressions()?;
        self.no_bare_starred(&iter)?;
        self.expect_colon(false)?;
        let body = self.block("'for' statement", line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::For {
                target: bx(target),
                iter: bx(iter),
                body,
                orelse,
                is_async,
            },
            loc: self.loc_from(start),
        })
    }

    #[inline(never)]
    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.skip()?;
        self.expect_colon(true)?;
        let body = self.block("'try' statement", start.0)?;
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        let mut bare: Option<Loc> = None;
        while self.at_kw(Kw::Except) {
            let hs = self.start();
            self.skip()?;
            let is_star = self.eat_op(Op::Star)?;
            match star {
                None => star = Some(is_star),
                Some(s) if s != is_star => {
                    return Err(serr(
                        "cannot have both 'except' and 'except*' on the same 'try'",
                        hs.0,
                        hs.1,
                    ))
                }
                _ => {}
            }
            if let Some(b) = bare {
                return Err(err_at("default 'except:' must be last", &b));
            }
            let mut typ = None;
            let mut name = None;
            if !self.at_op(Op::Colon) {
                let e = self.expression()?;
                if self.at_op(Op::Comma) {
                    return Err(err_at(
                        "multiple exception types must be parenthesized",
                        &e.loc,
                    ));
                }
                typ = Some(bx(e));
                if self.eat_kw(Kw::As)? {
                    name = Some(self.expect_name()?);
                }
            } else if is_star {
                return Err(self.err_here("expected one or more exception types"));
            }
            self.expect_colon(false)?;
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let hbody = self.block(what, hs.0)?;
            let loc = self.loc_from(hs);
            if typ.is_none() {
                bare = Some(loc);
            }
            handlers.push(ExceptHandler {
                typ,
                name,
                body: hbody,
                loc,
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let mut finalbody = Vec::new();
        if self.at_kw(Kw::Finally) {
            let line = self.start().0;
            self.skip()?;
            self.expect_colon(true)?;
            finalbody = self.block("'finally' statement", line)?;
        } else if handlers.is_empty() {
            return Err(self.err_here("expected 'except' or 'finally' block"));
        }
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star: star == Some(true),
            },
            loc: self.loc_from(start),
        })
    }

    /// At `with (`: is this the parenthesized form `with (a as b, c):`?
    #[inline(never)]
    fn with_paren_form(&mut self) -> PResult<bool> {
        if matches!(self.peek_tok(1)?, Tok::Op(Op::RPar) | Tok::Kw(Kw::Yield)) {
            return Ok(false);
        }
        let mut depth = 0usize;
        let mut i = 0usize;
        loop {
            let t = self.peek_tok(i)?;
            match t {
                Tok::Op(Op::LPar | Op::LSqb | Op::LBrace) => depth += 1,
                Tok::Op(Op::RPar | Op::RSqb | Op::RBrace) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Ok(matches!(self.peek_tok(i + 1)?, Tok::Op(Op::Colon)));
                    }
                }
                Tok::Kw(Kw::For | Kw::Async) if depth == 1 => return Ok(false),
                Tok::EndMarker | Tok::Newline => return Ok(false),
                _ => {}
            }
            i += 1;
        }
    }

    #[inline(never)]
    fn with_stmt(&mut self, start: (u32, u32), is_async: bool) -> PResult<Stmt> {
        let line = self.start().0;
        self.skip()?;
        let mut items = Vec::new();
        if self.at_op(Op::LPar) && self.with_paren_form()? {
            self.skip()?;
            loop {
                items.push(self.with_item()?);
                if !self.eat_op(Op::Comma)? || self.at_op(Op::RPar) {
                    break;
                }
            }
            self.expect_op(Op::RPar)?;
        } else {
            loop {
                items.push(self.with_item()?);
                if !self.eat_op(Op::Comma)? {
                    break;
                }
            }
        }
        self.expect_colon(false)?;
        let body = self.block("'with' statement", line)?;
        Ok(Stmt {
            kind: StmtKind::With {
                items,
                body,
                is_async,
            },
            loc: self.loc_from(start),
        })
    }

    #[inline(never)]
    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat_kw(Kw::As)? {
            let mut t = self.star_target_item()?;
            if let ExprKind::Starred { .. } = t.kind {
                return Err(err_at(
                    "starred assignment target must be in a list or tuple",
                    &t.loc,
                ));
            }
            self.set_ctx(&mut t, ExprContext::Store)?;
            Some(bx(t))
        } else {
            None
        };
        Ok(WithItem {
            context_expr: *context_expr,
            optional_vars,
        })
    }

    #[inline(never)]
    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decos = Vec::new();
        while self.at_op(Op::At) {
            self.skip()?;
            let d = self.named_expr()?;
            if !self.at_newline() {
                return Err(self.unexpected());
            }
            self.skip()?;
            decos.push(*d);
        }
        let start = self.start();
        match self.kw() {
            Some(Kw::Def) => self.funcdef(start, decos, false),
            Some(Kw::Class) => self.classdef(start, decos),
            Some(Kw::Async) => {
                self.skip()?;
                if self.at_kw(Kw::Def) {
                    self.funcdef(start, decos, true)
                } else {
                    Err(self.unexpected())
                }
            }
            _ => Err(self.unexpected()),
        }
    }

    #[inline(never)]
    fn funcdef(
        &mut self,
        start: (u32, u32),
        decorator_list: Vec<Expr>,
        is_async: bool,
    ) -> PResult<Stmt> {
        let line = self.start().0;
        self.skip()?;
        let name = self.expect_name()?;
        if !self.at_op(Op::LPar) {
            return Err(self.err_here("expected '('"));
        }
        self.skip()?;
        let args = self.parameters(false, start)?;
        self.expect_op(Op::RPar)?;
        let returns = if self.eat_op(Op::RArrow)? {
            Some(bx(self.expression()?))
        } else {
            None
        };
        self.expect_colon(true)?;
        let body = self.block("function definition", line)?;
        Ok(Stmt {
            kind: StmtKind::FunctionDef {
                name,
                args: Box::new(args),
                body,
                decorator_list,
                returns,
                is_async,
            },
            loc: self.loc_from(start),
        })
    }

    #[inline(never)]
    fn classdef(&mut self, start: (u32, u32), decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let line = self.start().0;
        self.skip()?;
        let name = self.expect_name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.at_op(Op::LPar) {
            let lp = self.start();
            self.skip()?;
            let (b, k, genexp) = self.call_args(lp)?;
            if genexp {
                return Err(self.unexpected());
            }
            self.expect_close(Op::RPar, None)?;
            bases = b;
            keywords = k;
        }
        self.expect_colon(false)?;
        let body = self.block("class definition", line)?;
        Ok(Stmt {
            kind: StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            },
            loc: self.loc_from(start),
        })
    }

    /// Parameters of a `def` (up to `)`) or a `lambda` (up to `:`).
    #[inline(never)]
    fn parameters(&mut self, lambda: bool, fstart: (u32, u32)) -> PResult<Arguments> {
        let close = if lambda { Op::Colon } else { Op::RPar };
        let mut a = Arguments::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut seen_default = false;
        loop {
            if self.at_op(close) {
                break;
            }
            if self.at_op(Op::Slash) {
                if seen_slash {
                    return Err(self.err_here("/ may appear only once"));
                }
                if seen_star {
                    return Err(self.err_here("/ must be ahead of *"));
                }
                if a.args.is_empty() {
                    return Err(self.err_here("at least one argument must precede /"));
                }
                self.skip()?;
                seen_slash = true;
                a.posonlyargs = core::mem::take(&mut a.args);
            } else if self.at_op(Op::Star) {
                if seen_star {
                    return Err(self.err_here("* argument may appear only once"));
                }
                self.skip()?;
                seen_star = true;
                if self.at_op(Op::Comma) || self.at_op(close) {
                    if !self.at_op(Op::Comma)
                        || matches!(self.peek_tok(1)?, Tok::Op(Op::DoubleStar))
                    {
                        return Err(self.err_here("named arguments must follow bare *"));
                    }
                } else {
                    let arg = self.param(lambda, true)?;
                    if self.at_op(Op::Equal) {
                        return Err(
                            self.err_here("var-positional argument cannot have default value")
                        );
                    }
                    a.vararg = Some(Box::new(arg));
                }
            } else if self.at_op(Op::DoubleStar) {
                self.skip()?;
                let arg = self.param(lambda, false)?;
                if self.at_op(Op::Equal) {
                    return Err(self.err_here("var-keyword argument cannot have default value"));
                }
                a.kwarg = Some(Box::new(arg));
                self.eat_op(Op::Comma)?;
                if !self.at_op(close) {
                    return Err(self.err_here("arguments cannot follow var-keyword argument"));
                }
                break;
            } else {
                let arg = self.param(lambda, false)?;
                let default = if self.eat_op(Op::Equal)? {
                    Some(self.expression()?)
                } else {
                    None
                };
                if seen_star {
                    a.kwonlyargs.push(arg);
                    a.kw_defaults.push(default.map(|d| *d));
                } else {
                    match default {
                        Some(d) => {
                            a.defaults.push(*d);
                            seen_default = true;
                        }
                        None if seen_default => {
                            return Err(err_at(
                                "non-default argument follows default argument",
                                &arg.loc,
                            ))
                        }
                        None => {}
                    }
                    a.args.push(arg);
                }
            }
            if !self.eat_op(Op::Comma)? {
                break;
            }
        }
        if seen_star && a.vararg.is_none() && a.kwonlyargs.is_empty() {
            return Err(self.err_here("named arguments must follow bare *"));
        }
        // Duplicate names.
        let mut names: Vec<&str> = Vec::new();
        for x in a
            .posonlyargs
            .iter()
            .chain(a.args.iter())
            .chain(a.kwonlyargs.iter())
        {
            names.push(&x.name);
        }
        if let Some(v) = &a.vararg {
            names.push(&v.name);
        }
        if let Some(v) = &a.kwarg {
            names.push(&v.name);
        }
        names.sort_unstable();
        for w in names.windows(2) {
            if w[0] == w[1] {
                return Err(serr(
                    format!("duplicate argument '{}' in function definition", w[0]),
                    fstart.0,
                    fstart.1,
                ));
            }
        }
        Ok(a)
    }

    #[inline(never)]
    fn param(&mut self, lambda: bool, star: bool) -> PResult<Arg> {
        let s = self.start();
        let name = self.expect_name()?;
        let annotation = if !lambda && self.eat_op(Op::Colon)? {
            if star && self.at_op(Op::Star) {
                Some(bx(self.star_expr()?))
            } else {
                Some(bx(self.expression()?))
            }
        } else {
            None
        };
        Ok(Arg {
            name,
            annotation,
            loc: self.loc_from(s),
        })
    }

    // ----- expressions --------------------------------------------------

    /// `star_expressions`: an expression or an unparenthesized tuple.
    fn star_expressions(&mut self) -> PResult<Box<Expr>> {
        let start = self.start();
        let first = self.star_expr()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![*first];
        while self.eat_op(Op::Comma)? {
            if !self.at_expr_start() {
                break;
            }
            elts.push(*self.star_expr()?);
        }
        Ok(mkb(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.loc_from(start),
        ))
    }

    #[inline(never)]
    fn starred(&mut self) -> PResult<Box<Expr>> {
        let s = self.start();
        self.skip()?;
        let v = self.bin(P_BOR)?;
        Ok(mkb(
            ExprKind::Starred {
                value: bx(v),
                ctx: ExprContext::Load,
            },
            self.loc_from(s),
        ))
    }

    fn star_expr(&mut self) -> PResult<Box<Expr>> {
        if self.at_op(Op::Star) {
            return self.starred();
        }
        self.expression()
    }

    fn star_named(&mut self) -> PResult<Box<Expr>> {
        if self.at_op(Op::Star) {
            return self.starred();
        }
        self.named_expr()
    }

    /// One assignment target (`*a`, `a.b`, `(a, b)`, ...), not yet in
    /// store context.
    fn star_target_item(&mut self) -> PResult<Box<Expr>> {
        if self.at_op(Op::Star) {
            return self.starred();
        }
        self.bin(P_BOR)
    }

    /// `star_targets` of `for` loops and comprehensions, in store context.
    #[inline(never)]
    fn star_targets(&mut self) -> PResult<Box<Expr>> {
        let start = self.start();
        let mut first = self.star_target_item()?;
        if !self.at_op(Op::Comma) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(err_at(
                    "starred assignment target must be in a list or tuple",
                    &first.loc,
                ));
            }
            self.set_ctx(&mut first, ExprContext::Store)?;
            return Ok(first);
        }
        let mut elts = vec![*first];
        while self.eat_op(Op::Comma)? {
            if !matches!(
                self.tok(),
                Tok::Name(_) | Tok::Op(Op::LPar | Op::LSqb | Op::Star)
            ) {
                break;
            }
            elts.push(*self.star_target_item()?);
        }
        let mut t = mkb(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.loc_from(start),
        );
        self.set_ctx(&mut t, ExprContext::Store)?;
        Ok(t)
    }

    fn named_expr(&mut self) -> PResult<Box<Expr>> {
        let e = self.expression()?;
        if !self.at_op(Op::ColonEqual) {
            return Ok(e);
        }
        self.walrus(e)
    }

    /// `target := value`, at the `:=`.
    #[inline(never)]
    fn walrus(&mut self, e: Box<Expr>) -> PResult<Box<Expr>> {
        let Expr { kind, loc } = *e;
        match kind {
            ExprKind::Name { id, .. } => {
                self.skip()?;
                let value = self.expression()?;
                let whole = Loc {
                    end_line: self.prev_end.0,
                    end_col: self.prev_end.1,
                    ..loc
                };
                Ok(mkb(
                    ExprKind::NamedExpr {
                        target: mkb(
                            ExprKind::Name {
                                id,
                                ctx: ExprContext::Store,
                            },
                            loc,
                        ),
                        value,
                    },
                    whole,
                ))
            }
            kind => Err(err_at(
                format!(
                    "cannot use assignment expressions with {}",
                    expr_name(&Expr { kind, loc })
                ),
                &loc,
            )),
        }
    }

    /// `expression`: conditional expressions and lambdas.
    fn expression(&mut self) -> PResult<Box<Expr>> {
        if self.at_kw(Kw::Lambda) {
            return self.lambda();
        }
        let start = self.start();
        let check = !self.no_invalid && !self.soft_start()?;
        let body = self.bin(P_OR)?;
        if self.at_kw(Kw::If) {
            return self.ternary(body, start);
        }
        if check && self.cur().level > 0 && self.comma_candidate() {
            return Err(self.forgot_comma(&body));
        }
        Ok(body)
    }

    /// `body if test else orelse`, at the `if`.
    #[inline(never)]
    fn ternary(&mut self, body: Box<Expr>, start: (u32, u32)) -> PResult<Box<Expr>> {
        self.skip()?;
        let test = self.bin(P_OR)?;
        if !self.eat_kw(Kw::Else)? {
            if self.at_op(Op::Colon) {
                return Err(self.unexpected());
            }
            return Err(err_at("expected 'else' after 'if' expression", &body.loc));
        }
        self.enter()?;
        let orelse = self.expression()?;
        self.leave();
        Ok(mkb(
            ExprKind::IfExp {
                test,
                body,
                orelse,
            },
            self.loc_from(start),
        ))
    }

    /// Does the expression about to be parsed start with `NAME STRING` or
    /// a soft keyword?  (Then CPython does not suggest a missing comma.)
    #[inline(never)]
    fn soft_start(&mut self) -> PResult<bool> {
        if let Tok::Name(n) = self.tok() {
            if n == "match" || n == "case" || n == "_" {
                return Ok(true);
            }
            return Ok(matches!(self.peek_tok(1)?, Tok::Str(_)));
        }
        Ok(false)
    }

    /// Could the current token begin an expression juxtaposed to a
    /// complete one (a missing comma)?
    fn comma_candidate(&self) -> bool {
        match self.tok() {
            Tok::Name(_) | Tok::Num(_) | Tok::Str(_) => true,
            Tok::Kw(k) => matches!(k, Kw::None | Kw::True | Kw::False | Kw::Lambda | Kw::Await),
            Tok::Op(o) => matches!(o, Op::LPar | Op::LSqb | Op::LBrace | Op::Ellipsis),
            _ => false,
        }
    }

    /// `a b` inside brackets: "Perhaps you forgot a comma?" if `b` is an
    /// expression, else a plain syntax error at `b`.
    #[inline(never)]
    fn forgot_comma(&mut self, a: &Expr) -> Perr {
        let b_err = self.unexpected();
        let saved = self.no_invalid;
        self.no_invalid = true;
        let r = self.expression();
        self.no_invalid = saved;
        match r {
            Ok(_) => {
                // Like CPython, look one token further.
                let _ = self.fill(1);
                err_at("invalid syntax. Perhaps you forgot a comma?", &a.loc)
            }
            Err(e) if self.lex_failed => e,
            Err(_) => b_err,
        }
    }

    #[inline(never)]
    fn lambda(&mut self) -> PResult<Box<Expr>> {
        self.enter()?;
        let start = self.start();
        self.skip()?;
        let args = self.parameters(true, start)?;
        if !self.eat_op(Op::Colon)? {
            return Err(self.unexpected());
        }
        let body = self.expression()?;
        self.leave();
        Ok(mkb(
            ExprKind::Lambda {
                args: Box::new(args),
                body: bx(body),
            },
            self.loc_from(start),
        ))
    }

    /// Operator-precedence parsing of everything from `or` down to unary
    /// operators.  `min` is the lowest binding power accepted.
    fn bin(&mut self, min: u8) -> PResult<Box<Expr>> {
        self.enter()?;
        let base = self.depth;
        let saved_peak = self.peak;
        self.peak = base;
        let start = self.start();
        let mut left = match *self.tok() {
            Tok::Kw(Kw::Not) if min <= P_NOT => self.unary(UnaryOp::Not, P_NOT, start)?,
            Tok::Op(Op::Minus) => self.unary(UnaryOp::USub, P_UNARY, start)?,
            Tok::Op(Op::Plus) => self.unary(UnaryOp::UAdd, P_UNARY, start)?,
            Tok::Op(Op::Tilde) => self.unary(UnaryOp::Invert, P_UNARY, start)?,
            _ => self.power()?,
        };
        let mut lvl = self.peak;
        loop {
            let cont = match *self.tok() {
                Tok::Op(o) => match binop(o) {
                    Some((op, prec)) if prec >= min => Cont::Bin(op, prec),
                    _ if min <= P_CMP
                        && matches!(
                            o,
                            Op::EqEqual | Op::NotEqual | Op::Less | Op::LessEqual | Op::Greater | Op::GreaterEqual
                        ) =>
                    {
                        Cont::Cmp
                    }
                    _ => break,
                },
                Tok::Kw(Kw::In | Kw::Is) if min <= P_CMP => Cont::Cmp,
                Tok::Kw(Kw::Not) if min <= P_CMP => {
                    if !matches!(self.peek_tok(1)?, Tok::Kw(Kw::In)) {
                        break;
                    }
                    Cont::Cmp
                }
                Tok::Kw(Kw::And) if min <= P_AND => Cont::Bool(BoolOp::And, P_AND),
                Tok::Kw(Kw::Or) if min <= P_OR => Cont::Bool(BoolOp::Or, P_OR),
                _ => break,
            };
            left = self.bin_tail(left, cont, start, base, &mut lvl)?;
        }
        self.peak = saved_peak.max(lvl);
        self.leave();
        Ok(left)
    }

    #[inline(never)]
    fn unary(&mut self, op: UnaryOp, prec: u8, start: (u32, u32)) -> PResult<Box<Expr>> {
        self.skip()?;
        let operand = self.bin(prec)?;
        Ok(mkb(ExprKind::UnaryOp { op, operand }, self.loc_from(start)))
    }

    /// Extends `left` with one binary operation, comparison chain or
    /// boolean chain.
    #[inline(never)]
    fn bin_tail(
        &mut self,
        left: Box<Expr>,
        cont: Cont,
        start: (u32, u32),
        base: usize,
        lvl: &mut usize,
    ) -> PResult<Box<Expr>> {
        let kind = match cont {
            Cont::Cmp => return self.comparison(left, start, base, lvl),
            Cont::Bin(op, prec) => {
                self.skip()?;
                self.peak = base;
                let right = self.bin(prec + 1)?;
                *lvl = (*lvl).max(self.peak);
                ExprKind::BinOp { left, op, right }
            }
            Cont::Bool(op, prec) => {
                let k = if op == BoolOp::And { Kw::And } else { Kw::Or };
                let mut values = vec![*left];
                while self.eat_kw(k)? {
                    self.peak = base;
                    values.push(*self.bin(prec + 1)?);
                    *lvl = (*lvl).max(self.peak);
                }
                ExprKind::BoolOp { op, values }
            }
        };
        *lvl += 1;
        self.check_level(*lvl, start)?;
        Ok(mkb(kind, self.loc_from(start)))
    }

    /// The comparison operator at the current token, consuming it.
    #[inline(never)]
    fn cmp_op(&mut self) -> PResult<Option<CmpOp>> {
        let op = match *self.tok() {
            Tok::Op(Op::EqEqual) => CmpOp::Eq,
            Tok::Op(Op::NotEqual) => CmpOp::NotEq,
            Tok::Op(Op::Less) => CmpOp::Lt,
            Tok::Op(Op::LessEqual) => CmpOp::LtE,
            Tok::Op(Op::Greater) => CmpOp::Gt,
            Tok::Op(Op::GreaterEqual) => CmpOp::GtE,
            Tok::Kw(Kw::In) => CmpOp::In,
            Tok::Kw(Kw::Is) => {
                self.skip()?;
                if self.eat_kw(Kw::Not)? {
                    return Ok(Some(CmpOp::IsNot));
                }
                return Ok(Some(CmpOp::Is));
            }
            Tok::Kw(Kw::Not) => {
                if !matches!(self.peek_tok(1)?, Tok::Kw(Kw::In)) {
                    return Ok(None);
                }
                self.skip()?;
                self.skip()?;
                return Ok(Some(CmpOp::NotIn));
            }
            _ => return Ok(None),
        };
        self.skip()?;
        Ok(Some(op))
    }

    #[inline(never)]
    fn comparison(
        &mut self,
        left: Box<Expr>,
        start: (u32, u32),
        base: usize,
        lvl: &mut usize,
    ) -> PResult<Box<Expr>> {
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.cmp_op()? {
            ops.push(op);
            self.peak = base;
            comparators.push(*self.bin(P_CMP + 1)?);
            *lvl = (*lvl).max(self.peak);
        }
        *lvl += 1;
        self.check_level(*lvl, start)?;
        Ok(mkb(
            ExprKind::Compare {
                left: bx(left),
                ops,
                comparators,
            },
            self.loc_from(start),
        ))
    }

    /// `await`? primary [`**` factor]
    fn power(&mut self) -> PResult<Box<Expr>> {
        let start = self.start();
        let e = if self.at_kw(Kw::Await) {
            self.skip()?;
            let v = self.postfix()?;
            mkb(ExprKind::Await { value: bx(v) }, self.loc_from(start))
        } else {
            self.postfix()?
        };
        if !self.at_op(Op::DoubleStar) {
            return Ok(e);
        }
        self.skip()?;
        let right = self.bin(P_UNARY)?;
        Ok(mkb(
            ExprKind::BinOp {
                left: bx(e),
                op: Operator::Pow,
                right: bx(right),
            },
            self.loc_from(start),
        ))
    }

    /// An atom followed by attribute references, calls and subscripts.
    fn postfix(&mut self) -> PResult<Box<Expr>> {
        let base = self.depth;
        let saved_peak = self.peak;
        self.peak = base;
        let start = self.start();
        let mut e = match *self.tok() {
            Tok::Op(Op::LPar) => {
                self.skip()?;
                self.paren_body(start, Some(Op::RPar))?
            }
            Tok::Op(Op::LSqb) => self.list_display()?,
            Tok::Op(Op::LBrace) => self.brace_display()?,
            Tok::Str(_) => self.strings()?,
            _ => self.atom()?,
        };
        let mut lvl = self.peak;
        while matches!(self.op(), Some(Op::Dot | Op::LPar | Op::LSqb)) {
            e = self.trailer(e, start, base, &mut lvl)?;
        }
        self.peak = saved_peak.max(lvl);
        Ok(e)
    }

    /// One `.name`, `(args)` or `[slices]` applied to `e`.
    #[inline(never)]
    fn trailer(
        &mut self,
        e: Box<Expr>,
        start: (u32, u32),
        base: usize,
        lvl: &mut usize,
    ) -> PResult<Box<Expr>> {
        let kind = match self.op() {
            Some(Op::Dot) => {
                self.skip()?;
                let attr = self.expect_name()?;
                ExprKind::Attribute {
                    value: e,
                    attr,
                    ctx: ExprContext::Load,
                }
            }
            Some(Op::LPar) => self.call_tail(e, base, lvl)?,
            _ => self.subscript_tail(e, base, lvl)?,
        };
        *lvl += 1;
        self.check_level(*lvl, start)?;
        Ok(mkb(kind, self.loc_from(start)))
    }

    #[inline(never)]
    fn call_tail(&mut self, e: Box<Expr>, base: usize, lvl: &mut usize) -> PResult<ExprKind> {
        let lp = self.start();
        self.skip()?;
        self.peak = base;
        let (mut args, keywords, genexp) = self.call_args(lp)?;
        self.expect_close(Op::RPar, None)?;
        *lvl = (*lvl).max(self.peak);
        if genexp {
            if let Some(g) = args.first_mut() {
                g.loc = self.loc_from(lp);
            }
        }
        Ok(ExprKind::Call {
            func: e,
            args,
            keywords,
        })
    }

    #[inline(never)]
    fn subscript_tail(&mut self, e: Box<Expr>, base: usize, lvl: &mut usize) -> PResult<ExprKind> {
        self.skip()?;
        self.peak = base;
        let slice = self.slices()?;
        self.expect_close(Op::RSqb, None)?;
        *lvl = (*lvl).max(self.peak);
        Ok(ExprKind::Subscript {
            value: e,
            slice,
            ctx: ExprContext::Load,
        })
    }

    /// Expects the closing bracket `close`; diagnoses a missing comma.
    #[inline(never)]
    fn expect_close(&mut self, close: Op, last: Option<&Expr>) -> PResult<()> {
        if self.eat_op(close)? {
            return Ok(());
        }
        if let Some(e) = last {
            if self.at_op(Op::Equal) {
                return Err(self.bad_equal(e));
            }
            let name_then_string =
                matches!(e.kind, ExprKind::Name { .. }) && matches!(self.tok(), Tok::Str(_));
            if self.at_expr_start()
                && !self.at_op(Op::Star)
                && !name_then_string
                && self.cur().level > 0
            {
                return Err(err_at(
                    "invalid syntax. Perhaps you forgot a comma?",
                    &e.loc,
                ));
            }
        }
        Err(self.unexpected())
    }

    /// Arguments of a call, after `(`.  Returns (args, keywords, whether
    /// the only argument is a bare generator expression).
    #[inline(never)]
    fn call_args(&mut self, lp: (u32, u32)) -> PResult<(Vec<Expr>, Vec<Keyword>, bool)> {
        let mut a = ArgList {
            args: Vec::new(),
            kws: Vec::new(),
            seen_kw: false,
            seen_dstar: false,
            genexp: false,
        };
        loop {
            if self.at_op(Op::RPar) {
                break;
            }
            let s = self.start();
            let stars = match self.op() {
                Some(Op::Star) => 1,
                Some(Op::DoubleStar) => 2,
                _ => 0,
            };
            let e = if stars == 0 {
                self.named_expr()?
            } else {
                self.skip()?;
                self.expression()?
            };
            self.call_arg(&mut a, e, stars, s, lp)?;
            if !self.eat_op(Op::Comma)? {
                if !self.at_op(Op::RPar) {
                    return Err(self.bad_call_end(&a));
                }
                break;
            }
            if a.genexp {
                return Err(err_at(
                    "Generator expression must be parenthesized",
                    &a.args.first().map_or(Loc::default(), |g| g.loc),
                ));
            }
        }
        Ok((a.args, a.kws, a.genexp))
    }

    /// Files one argument `e` (after `stars` asterisks) into `a`.
    #[inline(never)]
    fn call_arg(
        &mut self,
        a: &mut ArgList,
        e: Box<Expr>,
        stars: u8,
        s: (u32, u32),
        lp: (u32, u32),
    ) -> PResult<()> {
        if stars == 1 {
            if a.seen_dstar {
                return Err(serr(
                    "iterable argument unpacking follows keyword argument unpacking",
                    s.0,
                    s.1,
                ));
            }
            let loc = self.loc_from(s);
            a.args.push(mk(
                ExprKind::Starred {
                    value: e,
                    ctx: ExprContext::Load,
                },
                loc,
            ));
        } else if stars == 2 {
            let loc = self.loc_from(s);
            a.kws.push(Keyword {
                arg: None,
                value: *e,
                loc,
            });
            a.seen_dstar = true;
        } else if self.at_op(Op::Equal) {
            let id = match e.kind {
                ExprKind::Name { id, .. } => id,
                ExprKind::Constant(Constant::True | Constant::False | Constant::None) => {
                    return Err(err_at(format!("cannot assign to {}", expr_name(&e)), &e.loc))
                }
                _ => {
                    return Err(err_at(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        &e.loc,
                    ))
                }
            };
            self.skip()?;
            let value = self.expression()?;
            if a.kws.iter().any(|k| k.arg.as_deref() == Some(id.as_str())) {
                return Err(serr(format!("keyword argument repeated: {}", id), s.0, s.1));
            }
            let loc = self.loc_from(s);
            a.kws.push(Keyword {
                arg: Some(id),
                value: *value,
                loc,
            });
            a.seen_kw = true;
        } else if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            let generators = self.comp_for()?;
            let g = mk(ExprKind::GeneratorExp { elt: e, generators }, self.loc_from(lp));
            if !a.args.is_empty() || !a.kws.is_empty() || !self.at_op(Op::RPar) {
                return Err(err_at("Generator expression must be parenthesized", &g.loc));
            }
            a.args.push(g);
            a.genexp = true;
        } else {
            if a.seen_dstar {
                return Err(err_at("positional argument follows keyword argument unpacking", &e.loc));
            }
            if a.seen_kw {
                return Err(err_at("positional argument follows keyword argument", &e.loc));
            }
            a.args.push(*e);
        }
        Ok(())
    }

    /// An argument list not followed by `,` or `)`.
    #[inline(never)]
    fn bad_call_end(&mut self, a: &ArgList) -> Perr {
        let last = a.args.last().or(a.kws.last().map(|k| &k.value));
        if let Some(l) = last {
            if self.at_expr_start() && !matches!(l.kind, ExprKind::GeneratorExp { .. }) {
                if let Err(e) = self.expect_close(Op::RPar, Some(l)) {
                    return e;
                }
            }
        }
        self.unexpected()
    }

    #[inline(never)]
    fn slices(&mut self) -> PResult<Box<Expr>> {
        let start = self.start();
        let first = self.slice_item()?;
        if !self.at_op(Op::Comma) {
            if let ExprKind::Starred { .. } = first.kind {
                return Ok(mkb(
                    ExprKind::Tuple {
                        elts: vec![*first],
                        ctx: ExprContext::Load,
                    },
                    self.loc_from(start),
                ));
            }
            return Ok(first);
        }
        let mut elts = vec![*first];
        while self.eat_op(Op::Comma)? {
            if self.at_op(Op::RSqb) {
                break;
            }
            elts.push(*self.slice_item()?);
        }
        Ok(mkb(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.loc_from(start),
        ))
    }

    #[inline(never)]
    fn slice_item(&mut self) -> PResult<Box<Expr>> {
        if self.at_op(Op::Star) {
            return self.starred();
        }
        let start = self.start();
        let lower = if self.at_op(Op::Colon) {
            None
        } else {
            let e = self.named_expr()?;
            if !self.at_op(Op::Colon) {
                return Ok(e);
            }
            Some(bx(e))
        };
        self.skip()?;
        let bound = |p: &Self| !matches!(p.tok(), Tok::Op(Op::Colon | Op::Comma | Op::RSqb));
        let upper = if bound(self) {
            Some(bx(self.expression()?))
        } else {
            None
        };
        let mut step = None;
        if self.eat_op(Op::Colon)? && bound(self) {
            step = Some(bx(self.expression()?));
        }
        Ok(mkb(
            ExprKind::Slice { lower, upper, step },
            self.loc_from(start),
        ))
    }

    /// A name, number, keyword constant or `...`.
    #[inline(never)]
    fn atom(&mut self) -> PResult<Box<Expr>> {
        if !matches!(
            self.tok(),
            Tok::Name(_) | Tok::Num(_) | Tok::Kw(Kw::None | Kw::True | Kw::False) | Tok::Op(Op::Ellipsis)
        ) {
            return Err(self.unexpected());
        }
        let t = self.bump()?;
        let loc = Loc {
            line: t.line,
            col: t.col,
            end_line: t.end_line,
            end_col: t.end_col,
        };
        let kind = match t.tok {
            Tok::Name(id) => ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            },
            Tok::Num(c) => ExprKind::Constant(c),
            Tok::Kw(Kw::None) => ExprKind::Constant(Constant::None),
            Tok::Kw(Kw::True) => ExprKind::Constant(Constant::True),
            Tok::Kw(Kw::False) => ExprKind::Constant(Constant::False),
            _ => ExprKind::Constant(Constant::Ellipsis),
        };
        Ok(mkb(kind, loc))
    }

    /// The inside of `( ... )` (after the `(`), or of an f-string
    /// replacement field when `close` is `None`.
    #[inline(never)]
    fn paren_body(&mut self, start: (u32, u32), close: Option<Op>) -> PResult<Box<Expr>> {
        let closer = |p: &mut Self, last: Option<&Expr>| -> PResult<()> {
            match close {
                Some(c) => p.expect_close(c, last),
                None => {
                    if matches!(p.tok(), Tok::EndMarker) {
                        Ok(())
                    } else {
                        Err(p.unexpected())
                    }
                }
            }
        };
        if close.is_some() && self.at_op(Op::RPar) {
            self.skip()?;
            return Ok(mkb(
                ExprKind::Tuple {
                    elts: Vec::new(),
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        if self.at_kw(Kw::Yield) {
            let e = self.yield_expr()?;
            closer(self, Some(&e))?;
            return Ok(e);
        }
        let first = self.star_named()?;
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(err_at(
                    "iterable unpacking cannot be used in comprehension",
                    &first.loc,
                ));
            }
            let generators = self.comp_for()?;
            closer(self, None)?;
            self.implicit_paren = close.is_none();
            return Ok(mkb(
                ExprKind::GeneratorExp {
                    elt: bx(first),
                    generators,
                },
                self.loc_from(start),
            ));
        }
        if self.at_op(Op::Comma) {
            let mut elts = vec![*first];
            while self.eat_op(Op::Comma)? {
                if !self.at_expr_start() {
                    break;
                }
                elts.push(*self.star_named()?);
            }
            closer(self, elts.last())?;
            self.implicit_paren = close.is_none();
            return Ok(mkb(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        closer(self, Some(&first))?;
        if close.is_some() {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(err_at("cannot use starred expression here", &first.loc));
            }
        }
        Ok(first)
    }

    #[inline(never)]
    fn list_display(&mut self) -> PResult<Box<Expr>> {
        let start = self.start();
        self.skip()?;
        let mut elts = Vec::new();
        if !self.at_op(Op::RSqb) {
            let first = self.star_named()?;
            if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                if let ExprKind::Starred { .. } = first.kind {
                    return Err(err_at(
                        "iterable unpacking cannot be used in comprehension",
                        &first.loc,
                    ));
                }
                let generators = self.comp_for()?;
                self.expect_close(Op::RSqb, None)?;
                return Ok(mkb(
                    ExprKind::ListComp {
                        elt: bx(first),
                        generators,
                    },
                    self.loc_from(start),
                ));
            }
            elts.push(*first);
            while self.eat_op(Op::Comma)? {
                if self.at_op(Op::RSqb) {
                    break;
                }
                elts.push(*self.star_named()?);
            }
        }
        self.expect_close(Op::RSqb, elts.last())?;
        Ok(mkb(
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
            self.loc_from(start),
        ))
    }

    /// At the `:` after a dictionary key: the value.
    #[inline(never)]
    fn dict_value(&mut self) -> PResult<Box<Expr>> {
        let colon = self.start();
        self.skip()?;
        if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
            return Err(serr(
                "expression expected after dictionary key and ':'",
                colon.0,
                colon.1,
            ));
        }
        if self.at_op(Op::Star) {
            return Err(self.err_here("cannot use a starred expression in a dictionary value"));
        }
        self.expression()
    }

    #[inline(never)]
    fn brace_display(&mut self) -> PResult<Box<Expr>> {
        let start = self.start();
        self.skip()?;
        if self.eat_op(Op::RBrace)? {
            return Ok(mkb(
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                self.loc_from(start),
            ));
        }
        let mut keys: Vec<Option<Expr>> = Vec::new();
        let mut values: Vec<Expr> = Vec::new();
        if self.at_op(Op::DoubleStar) {
            self.skip()?;
            values.push(*self.bin(P_BOR)?);
            keys.push(None);
            if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                return Err(self.err_here("dict unpacking cannot be used in dict comprehension"));
            }
        } else {
            let first = self.star_named()?;
            if self.at_op(Op::Colon) {
                if let ExprKind::Starred { .. } = first.kind {
                    return Err(err_at(
                        "cannot use a starred expression in a dictionary key",
                        &first.loc,
                    ));
                }
                let v = self.dict_value()?;
                if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                    let generators = self.comp_for()?;
                    self.expect_close(Op::RBrace, None)?;
                    return Ok(mkb(
                        ExprKind::DictComp {
                            key: bx(first),
                            value: bx(v),
                            generators,
                        },
                        self.loc_from(start),
                    ));
                }
                keys.push(Some(*first));
                values.push(*v);
            } else {
                // A set.
                if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                    if let ExprKind::Starred { .. } = first.kind {
                        return Err(err_at(
                            "iterable unpacking cannot be used in comprehension",
                            &first.loc,
                        ));
                    }
                    let generators = self.comp_for()?;
                    self.expect_close(Op::RBrace, None)?;
                    return Ok(mkb(
                        ExprKind::SetComp {
                            elt: bx(first),
                            generators,
                        },
                        self.loc_from(start),
                    ));
                }
                let mut elts = vec![*first];
                while self.eat_op(Op::Comma)? {
                    if self.at_op(Op::RBrace) {
                        break;
                    }
                    elts.push(*self.star_named()?);
                }
                self.expect_close(Op::RBrace, elts.last())?;
                return Ok(mkb(ExprKind::Set { elts }, self.loc_from(start)));
            }
        }
        while self.eat_op(Op::Comma)? {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar)? {
                values.push(*self.bin(P_BOR)?);
                keys.push(None);
            } else {
                let saved = self.no_invalid;
                self.no_invalid = true;
                let k = self.expression();
                self.no_invalid = saved;
                let k = k?;
                if !self.at_op(Op::Colon) {
                    return Err(serr(
                        "':' expected after dictionary key",
                        k.loc.line,
                        k.loc.end_col.saturating_sub(1),
                    ));
                }
                values.push(*self.dict_value()?);
                keys.push(Some(*k));
            }
        }
        self.expect_close(Op::RBrace, values.last())?;
        Ok(mkb(ExprKind::Dict { keys, values }, self.loc_from(start)))
    }

    /// `for ... in ... if ...` clauses of a comprehension.
    #[inline(never)]
    fn comp_for(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        loop {
            let is_async = if self.at_kw(Kw::Async) && matches!(self.peek_tok(1)?, Tok::Kw(Kw::For))
            {
                self.skip()?;
                true
            } else {
                false
            };
            if !self.eat_kw(Kw::For)? {
                break;
            }
            let target = self.star_targets()?;
            if !self.eat_kw(Kw::In)? {
                if !self.no_invalid && self.cur().level > 0 && self.comma_candidate() {
                    return Err(self.forgot_comma(&target));
                }
                return Err(self.unexpected());
            }
            let iter = self.bin(P_OR)?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If)? {
                ifs.push(*self.bin(P_OR)?);
            }
            gens.push(Comprehension {
                target: *target,
                iter: *iter,
                ifs,
                is_async,
            });
        }
        if gens.is_empty() {
            return Err(self.unexpected());
        }
        Ok(gens)
    }

    #[inline(never)]
    fn yield_expr(&mut self) -> PResult<Box<Expr>> {
        let start = self.start();
        self.skip()?;
        if self.eat_kw(Kw::From)? {
            let v = self.expression()?;
            return Ok(mkb(
                ExprKind::YieldFrom { value: bx(v) },
                self.loc_from(start),
            ));
        }
        let value = if self.at_expr_start() {
            Some(bx(self.star_expressions()?))
        } else {
            None
        };
        Ok(mkb(ExprKind::Yield { value }, self.loc_from(start)))
    }

    // ----- string literals ----------------------------------------------

    /// One or more adjacent string literals.
    #[inline(never)]
    fn strings(&mut self) -> PResult<Box<Expr>> {
        let start = self.start();
        let mut buf = String::new();
        let mut bytes: Vec<u8> = Vec::new();
        let mut parts: Vec<Expr> = Vec::new();
        let (mut has_bytes, mut has_str, mut has_f) = (false, false, false);
        while let Tok::Str(_) = self.tok() {
            let t = self.bump()?;
            let tp = Loc {
                line: t.line,
                col: t.col,
                end_line: t.end_line,
                end_col: t.end_col,
            };
            match t.tok {
                Tok::Str(StrLit::Str(s)) => {
                    has_str = true;
                    buf.push_str(&s);
                }
                Tok::Str(StrLit::Bytes(b)) => {
                    has_bytes = true;
                    bytes.extend_from_slice(&b);
                }
                Tok::Str(StrLit::F {
                    raw,
                    start: s,
                    end,
                    line,
                    col,
                }) => {
                    has_str = true;
                    has_f = true;
                    let mut cur = Cursor::new(self.src, s, end, line, col);
                    self.fstring_parts(&mut cur, raw, 0, &mut buf, &mut parts, tp)?;
                }
                _ => {}
            }
            if has_bytes && has_str {
                return Err(err_at("cannot mix bytes and nonbytes literals", &tp));
            }
        }
        let loc = self.loc_from(start);
        let kind = if has_bytes {
            ExprKind::Constant(Constant::Bytes(bytes))
        } else if has_f {
            flush_str(&mut buf, &mut parts, loc);
            fix_fstring_locs(&mut parts, loc, true);
            ExprKind::JoinedStr(parts)
        } else {
            ExprKind::Constant(Constant::Str(buf))
        };
        Ok(mkb(kind, loc))
    }

    /// Literal text and replacement fields of an f-string body (or of a
    /// format spec when `level > 0`, stopping at its closing `}`).
    #[inline(never)]
    fn fstring_parts(
        &mut self,
        cur: &mut Cursor<'a>,
        raw: bool,
        level: u32,
        buf: &mut String,
        parts: &mut Vec<Expr>,
        tp: Loc,
    ) -> PResult<()> {
        let body_start = cur.pos;
        while let Some(c) = cur.peek() {
            match c {
                '{' => {
                    if level == 0 && cur.peek_at(1) == Some('{') {
                        cur.bump();
                        cur.bump();
                        buf.push('{');
                        continue;
                    }
                    let open = (cur.line, cur.col);
                    cur.bump();
                    self.fstring_field(cur, raw, level, buf, parts, tp, open)?;
                }
                '}' => {
                    if level > 0 {
                        return Ok(());
                    }
                    if cur.peek_at(1) == Some('}') {
                        cur.bump();
                        cur.bump();
                        buf.push('}');
                        continue;
                    }
                    return Err(err_at("f-string: single '}' is not allowed", &tp));
                }
                '\\' if !raw => {
                    let rel = cur.pos - body_start;
                    cur.bump();
                    match read_escape(cur, false, rel) {
                        Ok(Esc::Char(ch)) => buf.push(ch),
                        Ok(Esc::Byte(b)) => buf.push(b as char),
                        Ok(Esc::Nothing) => {}
                        Ok(Esc::Unknown) => buf.push('\\'),
                        Err(m) => return Err(err_at(m, &tp)),
                    }
                }
                _ => {
                    cur.bump();
                    buf.push(c);
                }
            }
        }
        Ok(())
    }

    /// One `{...}` replacement field, after the `{`.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn fstring_field(
        &mut self,
        cur: &mut Cursor<'a>,
        raw: bool,
        level: u32,
        buf: &mut String,
        parts: &mut Vec<Expr>,
        tp: Loc,
        open: (u32, u32),
    ) -> PResult<()> {
        let fe = |m: &str| err_at(m, &tp);
        if level >= 2 {
            return Err(fe("f-string: expressions nested too deeply"));
        }
        let e_start = cur.pos;
        let (el, ec) = (cur.line, cur.col);
        let mut stack: Vec<char> = Vec::new();
        let mut quote: Option<(char, bool)> = None;
        while let Some(c) = cur.peek() {
            if let Some((q, triple)) = quote {
                if c == '\\' {
                    return Err(fe("f-string expression part cannot include a backslash"));
                }
                if c == q {
                    if !triple {
                        quote = None;
                    } else if cur.peek_at(1) == Some(q) && cur.peek_at(2) == Some(q) {
                        cur.bump();
                        cur.bump();
                        quote = None;
                    }
                }
                cur.bump();
                continue;
            }
            match c {
                '\\' => return Err(fe("f-string expression part cannot include a backslash")),
                '#' => return Err(fe("f-string expression part cannot include '#'")),
                '\'' | '"' => {
                    let triple = cur.peek_at(1) == Some(c) && cur.peek_at(2) == Some(c);
                    if triple {
                        cur.bump();
                        cur.bump();
                    }
                    quote = Some((c, triple));
                }
                '(' | '[' | '{' => {
                    if stack.len() >= MAX_PAREN {
                        return Err(fe("f-string: too many nested parenthesis"));
                    }
                    stack.push(c);
                }
                ')' | ']' | '}' => match stack.pop() {
                    None => {
                        if c == '}' {
                            break;
                        }
                        return Err(err_at(format!("f-string: unmatched '{}'", c), &tp));
                    }
                    Some(o) => {
                        let ok = matches!((o, c), ('(', ')') | ('[', ']') | ('{', '}'));
                        if !ok {
                            return Err(err_at(
                                format!(
                                    "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                                    c, o
                                ),
                                &tp,
                            ));
                        }
                    }
                },
                '!' | '=' | '<' | '>' if stack.is_empty() => {
                    if cur.peek_at(1) == Some('=') {
                        cur.bump();
                        cur.bump();
                        continue;
                    }
                    if c == '!' || c == '=' {
                        break;
                    }
                }
                ':' if stack.is_empty() => break,
                _ => {}
            }
            cur.bump();
        }
        let e_end = cur.pos;
        let term = (cur.line, cur.col + 1);
        if quote.is_some() {
            return Err(fe("f-string: unterminated string"));
        }
        if let Some(&o) = stack.last() {
            let _ = o;
            return Err(fe("f-string: expecting '}'"));
        }
        if cur.at_end() {
            return Err(fe("f-string: expecting '}'"));
        }
        let text = self.src.get(e_start..e_end).unwrap_or("");
        if text.trim().is_empty() {
            return Err(fe("f-string: empty expression not allowed"));
        }
        let value = {
            let lx = Lexer::new_nested(self.src, e_start, e_end, el, ec);
            let mut sub = Parser::new(self.src, lx, self.depth, self.max_depth);
            let mut v = sub.fstring_expr().map_err(fstring_prefix)?;
            if sub.peak > self.peak {
                self.peak = sub.peak;
            }
            if sub.implicit_paren {
                // CPython parses the field as `(...)`: the node spans the
                // opening brace up to the character ending the expression.
                v.loc = Loc {
                    line: open.0,
                    col: open.1,
                    end_line: term.0,
                    end_col: term.1,
                };
            }
            v
        };
        let mut selfdoc: Option<&str> = None;
        if cur.peek() == Some('=') {
            cur.bump();
            while matches!(cur.peek(), Some(' ' | '\t' | '\n' | '\x0b' | '\x0c')) {
                cur.bump();
            }
            selfdoc = Some(self.src.get(e_start..cur.pos).unwrap_or(""));
        }
        let mut conversion = None;
        if cur.peek() == Some('!') {
            cur.bump();
            match cur.peek() {
                Some(c @ ('s' | 'r' | 'a')) => {
                    cur.bump();
                    conversion = Some(c);
                }
                None => return Err(fe("f-string: expecting '}'")),
                Some(_) => {
                    return Err(fe(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    ))
                }
            }
        }
        let mut format_spec = None;
        if cur.peek() == Some(':') {
            cur.bump();
            let mut sbuf = String::new();
            let mut sparts = Vec::new();
            self.fstring_parts(cur, raw, level + 1, &mut sbuf, &mut sparts, tp)?;
            flush_str(&mut sbuf, &mut sparts, tp);
            format_spec = Some(bx(mk(ExprKind::JoinedStr(sparts), tp)));
        }
        if cur.peek() != Some('}') {
            return Err(fe("f-string: expecting '}'"));
        }
        cur.bump();
        if let Some(t) = selfdoc {
            buf.push_str(t);
            if conversion.is_none() && format_spec.is_none() {
                conversion = Some('r');
            }
        }
        flush_str(buf, parts, Loc::default());
        parts.push(mk(
            ExprKind::FormattedValue {
                value: bx(value),
                conversion,
                format_spec,
            },
            Loc::default(),
        ));
        Ok(())
    }

    /// Parses a whole replacement-field expression (sub-parser).
    #[inline(never)]
    fn fstring_expr(&mut self) -> PResult<Box<Expr>> {
        self.fill(0)?;
        let start = self.start();
        self.paren_body(start, None)
    }
}
