//! Recursive-descent parser for Python 3.11 (`match`/`case` are soft
//! keywords, see `at_match_stmt`).
//!
//! Entry points: [`parse`] and [`parse_with_limit`].  Errors are
//! [`SyntaxError`]s with CPython 3.11's messages and positions (checked
//! against CPython on tens of thousands of broken inputs; a few rarer
//! diagnostics differ).  Some errors CPython's compiler (not its parser)
//! reports are reported here too: bare starred expressions, starred or
//! multiple-starred assignment targets, duplicate parameters, repeated
//! keyword arguments, `__debug__` targets, a bare `except:` that is not
//! last.  The code generator still has to reject `return`/`yield`/
//! `await`/`break`/`continue`/`nonlocal` in the wrong place, like CPython's
//! compiler does.
//!
//! Never panics on any input.  Recursion is bounded by a nesting limit
//! ([`MAX_NESTING`] by default): every bracket, unary operator, lambda,
//! conditional expression or block uses a level, and going deeper is a
//! `SyntaxError` ("too many nested parentheses").  Long flat chains
//! (`a + b + ...`, `a.b.c...`, `f()()...`) cost no recursion here but make
//! left-leaning trees; they may be up to [`CHAIN_FACTOR`] times the limit
//! long ("expression too deeply nested" beyond).  So expression trees are
//! at most about `(CHAIN_FACTOR + 3) * limit` nodes deep (1600 by default),
//! which bounds the recursion of anything walking the AST.  `elif` chains
//! are built without recursion and are unbounded (nested `If`s in
//! `orelse`).
//!
//! Stack use per nesting level is roughly 0.25-1 KB in optimized x86-64
//! builds (up to ~6 KB unoptimized); use [`parse_with_limit`] with a
//! smaller limit on targets with small stacks.
use alloc::boxed::Box;
use alloc::collections::VecDeque;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::ast::*;
use super::lexer::{read_escape, Cursor, Esc, Kw, Lexer, Op, StrLit, Tok, Token, MAX_PAREN};
pub use super::lexer::{ErrKind, SyntaxError};

/// Default bound on syntactic nesting (brackets, operators, blocks); like
/// CPython's limit of 200 nested parentheses.
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

/// Parses `source` (already decoded text; a leading BOM is skipped) into a
/// module (`Exec`), an expression (`Eval`) or an interactive statement
/// (`Single`).  `filename` is currently only informative (errors carry no
/// file name).
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

/// Is `e` an expression of the `bitwise_or` grammar level (no comparison,
/// boolean operator, `not`, conditional, lambda or walrus at its top)?
fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
    )
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
    /// A positional argument after keyword arguments.
    misplaced: Option<&'static str>,
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
    /// Start of the last consumed token (of any kind).
    prev_start: (u32, u32),
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
            prev_start: (1, 0),
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
        self.prev_start = (t.line, t.col);
        Ok(t)
    }

    /// Consumes the current token.
    #[inline(never)]
    fn skip(&mut self) -> PResult<()> {
        self.fill(1)?;
        if let Some(t) = self.toks.pop_front() {
            if !matches!(
                t.tok,
                Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker
            ) {
                self.prev_end = (t.end_line, t.end_col);
            }
            self.prev_start = (t.line, t.col);
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
            Tok::EndMarker if t.at_eof => {
                // CPython places a generic error at the end marker in column 0.
                let mut e = self.err_here("invalid syntax");
                e.col = 0;
                e
            }
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
            return Err(serr("expression too deeply nested", loc.0, loc.1));
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
        if is_name(self.tok(), "match") && self.at_match_stmt()? {
            let s = self.match_stmt()?;
            out.push(s);
            return Ok(());
        }
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
                let single = targets.len() == 1;
                for (i, t) in targets.iter_mut().enumerate() {
                    self.assign_target(t, i == 0, single)?;
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
                if self.at_op(Op::ColonEqual) && !matches!(first.kind, ExprKind::Name { .. }) {
                    return Err(err_at(
                        format!(
                            "cannot use assignment expressions with {}",
                            expr_name(&first)
                        ),
                        &first.loc,
                    ));
                }
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
    fn assign_target(&self, t: &mut Expr, first: bool, single: bool) -> PResult<()> {
        match &t.kind {
            ExprKind::Starred { .. } => {
                return Err(err_at(
                    "starred assignment target must be in a list or tuple",
                    &t.loc,
                ))
            }
            ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } if !(first && single) => {
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
                // CPython's "here" variant is for a single `=` whose target is
                // at the level of `|` expressions.
                if first && single && is_bitwise_or_level(t) {
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
            _ if !is_bitwise_or_level(e) => self.unexpected(),
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
                    self.err_here(format!(
                        "expected an indented block after {} on line {}",
                        what, line
                    )),
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
        let indented = self.at_newline();
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
            // CPython points at the end of an indented `try` block.
            if indented {
                let (l, c) = self.prev_start;
                return Err(serr("expected 'except' or 'finally' block", l, c));
            }
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
        let returns = if self.at_op(Op::RArrow) {
            let arrow = self.start();
            self.skip()?;
            match self.expression() {
                Ok(r) => Some(r),
                // CPython: the optional `-> annotation` fails, then the
                // mandatory `:` is missing at the arrow.
                Err(e) if self.lex_failed => return Err(e),
                Err(_) => return Err(serr("expected ':'", arrow.0, arrow.1)),
            }
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
        let mut star_at = (0, 0);
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
                star_at = self.start();
                self.skip()?;
                seen_star = true;
                if self.at_op(Op::Comma) || self.at_op(close) {
                    if !self.at_op(Op::Comma)
                        || matches!(self.peek_tok(1)?, Tok::Op(Op::DoubleStar))
                    {
                        if lambda {
                            return Err(self.err_here("named arguments must follow bare *"));
                        }
                        return Err(serr(
                            "named arguments must follow bare *",
                            star_at.0,
                            star_at.1,
                        ));
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
                            if !self.at_op(Op::Comma) && !self.at_op(close) {
                                return Err(self.unexpected());
                            }
                            return Err(err_at(
                                "non-default argument follows default argument",
                                &arg.loc,
                            ));
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
            return Err(serr(
                "named arguments must follow bare *",
                star_at.0,
                star_at.1,
            ));
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

    /// `target := value`, at the `:=`.  (Takes a box: frames stay small.)
    #[inline(never)]
    #[allow(clippy::boxed_local)]
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
            ExprKind::IfExp { test, body, orelse },
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
                            Op::EqEqual
                                | Op::NotEqual
                                | Op::Less
                                | Op::LessEqual
                                | Op::Greater
                                | Op::GreaterEqual
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
            misplaced: None,
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
                let at = match a.args.first().map(|g| &g.kind) {
                    Some(ExprKind::GeneratorExp { elt, .. }) => elt.loc,
                    _ => Loc::default(),
                };
                return Err(err_at("Generator expression must be parenthesized", &at));
            }
        }
        if let Some(m) = a.misplaced {
            // CPython reports this at the end of the arguments.
            return Err(self.err_here(m));
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
                    return Err(err_at(
                        format!("cannot assign to {}", expr_name(&e)),
                        &e.loc,
                    ))
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
            let elt_loc = e.loc;
            let g = mk(
                ExprKind::GeneratorExp { elt: e, generators },
                self.loc_from(lp),
            );
            if !a.args.is_empty() || !a.kws.is_empty() || !self.at_op(Op::RPar) {
                return Err(err_at(
                    "Generator expression must be parenthesized",
                    &elt_loc,
                ));
            }
            a.args.push(g);
            a.genexp = true;
        } else {
            if a.misplaced.is_none() {
                if a.seen_dstar {
                    a.misplaced = Some("positional argument follows keyword argument unpacking");
                } else if a.seen_kw {
                    a.misplaced = Some("positional argument follows keyword argument");
                }
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
            Tok::Name(_)
                | Tok::Num(_)
                | Tok::Kw(Kw::None | Kw::True | Kw::False)
                | Tok::Op(Op::Ellipsis)
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
        {
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
            let dstar = self.start();
            self.skip()?;
            values.push(*self.bin(P_BOR)?);
            keys.push(None);
            if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                return Err(serr(
                    "dict unpacking cannot be used in dict comprehension",
                    dstar.0,
                    dstar.1,
                ));
            }
        } else {
            let first = self.star_named()?;
            if self.at_op(Op::Colon) {
                if let ExprKind::Starred { .. } = first.kind {
                    return Err(self.unexpected());
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
            let v = self.star_expressions()?;
            self.no_bare_starred(&v)?;
            Some(v)
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
                return Err(serr(
                    "cannot mix bytes and nonbytes literals",
                    tp.end_line,
                    tp.end_col,
                ));
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
                    return Err(serr(
                        "f-string: single '}' is not allowed",
                        tp.end_line,
                        tp.end_col,
                    ));
                }
                '\\' if !raw => {
                    let rel = cur.pos - body_start;
                    cur.bump();
                    match read_escape(cur, false, rel) {
                        Ok(Esc::Char(ch)) => buf.push(ch),
                        Ok(Esc::Byte(b)) => buf.push(b as char),
                        Ok(Esc::Nothing) => {}
                        Ok(Esc::Unknown) => buf.push('\\'),
                        Err(m) => return Err(serr(m, tp.end_line, tp.end_col)),
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
        // CPython reports f-string errors at the end of the literal.
        let fe = |m: &str| serr(m, tp.end_line, tp.end_col);
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
                        return Err(serr(
                            format!("f-string: unmatched '{}'", c),
                            tp.end_line,
                            tp.end_col,
                        ));
                    }
                    Some(o) => {
                        let ok = matches!((o, c), ('(', ')') | ('[', ']') | ('{', '}'));
                        if !ok {
                            return Err(serr(
                                format!(
                                    "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                                    c, o
                                ),
                                tp.end_line,
                                tp.end_col,
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
            return Err(serr(
                format!("f-string: unmatched '{}'", o),
                tp.end_line,
                tp.end_col,
            ));
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

// ----- `match` statements (PEP 634) ------------------------------------------

fn is_name(t: &Tok, s: &str) -> bool {
    matches!(t, Tok::Name(n) if n == s)
}

impl<'a> Parser<'a> {
    /// At a `match` name at the start of a statement: is this a `match`
    /// statement?  `match` is a soft keyword: it is one when an expression
    /// can follow and the logical line ends with a `:` outside brackets
    /// (no other simple statement can end that way).
    #[inline(never)]
    fn at_match_stmt(&mut self) -> PResult<bool> {
        let next_ok = match self.peek_tok(1)? {
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
        };
        if !next_ok {
            return Ok(false);
        }
        let mut i = 1;
        loop {
            self.fill(i + 1)?;
            let Some(t) = self.toks.get(i + 1) else {
                return Ok(false);
            };
            if matches!(t.tok, Tok::Newline | Tok::EndMarker) {
                let Some(last) = self.toks.get(i) else {
                    return Ok(false);
                };
                return Ok(last.tok == Tok::Op(Op::Colon) && last.level == 0);
            }
            i += 1;
        }
    }

    #[inline(never)]
    fn match_stmt(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = self.match_stmt_inner();
        self.leave();
        r
    }

    fn match_stmt_inner(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let line = start.0;
        self.skip()?;
        let s = self.start();
        let first = if self.at_op(Op::Star) {
            self.starred()?
        } else {
            self.named_expr()?
        };
        let subject = if self.at_op(Op::Comma) {
            let mut elts = vec![*first];
            while self.eat_op(Op::Comma)? {
                if !self.at_expr_start() {
                    break;
                }
                elts.push(*self.star_named()?);
            }
            mkb(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                self.loc_from(s),
            )
        } else {
            self.no_bare_starred(&first)?;
            first
        };
        self.expect_colon(true)?;
        if !self.at_newline() {
            return Err(self.unexpected());
        }
        self.skip()?;
        if !matches!(self.tok(), Tok::Indent) {
            return Err(with_kind(
                self.err_here(format!(
                    "expected an indented block after 'match' statement on line {}",
                    line
                )),
                ErrKind::Indentation,
            ));
        }
        self.skip()?;
        let mut cases = Vec::new();
        loop {
            match self.tok() {
                Tok::Dedent => {
                    self.skip()?;
                    break;
                }
                Tok::EndMarker => break,
                t if is_name(t, "case") => cases.push(self.case_block()?),
                _ => return Err(self.unexpected()),
            }
        }
        Ok(Stmt {
            kind: StmtKind::Match { subject, cases },
            loc: self.loc_from(start),
        })
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        let line = self.start().0;
        self.skip()?;
        let pattern = self.top_patterns()?;
        let guard = if self.eat_kw(Kw::If)? {
            Some(self.named_expr()?)
        } else {
            None
        };
        self.expect_colon(true)?;
        let body = self.block("'case' statement", line)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// `patterns`: an open sequence pattern or one pattern.
    fn top_patterns(&mut self) -> PResult<Pattern> {
        let s = self.start();
        let first = self.maybe_star_pattern()?;
        if self.at_op(Op::Comma) {
            let mut patterns = vec![first];
            while self.eat_op(Op::Comma)? {
                if self.at_op(Op::Colon) || self.at_kw(Kw::If) {
                    break;
                }
                patterns.push(self.maybe_star_pattern()?);
            }
            return Ok(Pattern {
                kind: PatternKind::MatchSequence { patterns },
                loc: self.loc_from(s),
            });
        }
        if let PatternKind::MatchStar { .. } = first.kind {
            return Err(err_at("invalid syntax", &first.loc));
        }
        Ok(first)
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at_op(Op::Star) {
            let s = self.start();
            self.skip()?;
            let name = match self.tok() {
                Tok::Name(n) if n == "_" => {
                    self.skip()?;
                    None
                }
                Tok::Name(_) => Some(self.capture_target()?),
                _ => return Err(self.unexpected()),
            };
            return Ok(Pattern {
                kind: PatternKind::MatchStar { name },
                loc: self.loc_from(s),
            });
        }
        self.pattern()
    }

    /// A NAME that is a capture target (not followed by `.`, `(` or `=`).
    fn capture_target(&mut self) -> PResult<String> {
        if matches!(self.peek_tok(1)?, Tok::Op(Op::Dot | Op::LPar | Op::Equal)) {
            self.skip()?;
            return Err(self.unexpected());
        }
        self.expect_name()
    }

    /// `pattern`: `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let s = self.start();
        let p = self.or_pattern()?;
        if !self.at_kw(Kw::As) {
            return Ok(p);
        }
        self.skip()?;
        let name = match self.tok() {
            Tok::Name(n) if n == "_" => return Err(self.err_here("cannot use '_' as a target")),
            Tok::Name(_) => self.capture_target()?,
            _ if self.at_expr_start() => return Err(self.err_here("invalid pattern target")),
            _ => return Err(self.unexpected()),
        };
        Ok(Pattern {
            kind: PatternKind::MatchAs {
                pattern: Some(Box::new(p)),
                name: Some(name),
            },
            loc: self.loc_from(s),
        })
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let s = self.start();
        let first = self.closed_pattern()?;
        if !self.at_op(Op::VBar) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat_op(Op::VBar)? {
            patterns.push(self.closed_pattern()?);
        }
        Ok(Pattern {
            kind: PatternKind::MatchOr { patterns },
            loc: self.loc_from(s),
        })
    }

    #[inline(never)]
    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let s = self.start();
        let kind = match self.tok() {
            Tok::Num(_) | Tok::Op(Op::Minus) | Tok::Str(_) => PatternKind::MatchValue {
                value: self.literal_expr()?,
            },
            Tok::Kw(k @ (Kw::None | Kw::True | Kw::False)) => {
                let value = match k {
                    Kw::None => Constant::None,
                    Kw::True => Constant::True,
                    _ => Constant::False,
                };
                self.skip()?;
                PatternKind::MatchSingleton { value }
            }
            Tok::Name(n) if n == "_" => {
                self.skip()?;
                PatternKind::MatchAs {
                    pattern: None,
                    name: None,
                }
            }
            Tok::Name(_) => {
                if !matches!(self.peek_tok(1)?, Tok::Op(Op::Dot | Op::LPar | Op::Equal)) {
                    PatternKind::MatchAs {
                        pattern: None,
                        name: Some(self.expect_name()?),
                    }
                } else {
                    let e = self.name_or_attr()?;
                    if self.at_op(Op::LPar) {
                        return self.class_pattern(e, s);
                    }
                    if let ExprKind::Name { .. } = e.kind {
                        return Err(self.unexpected());
                    }
                    PatternKind::MatchValue { value: e }
                }
            }
            Tok::Op(Op::LPar) => {
                self.skip()?;
                if self.eat_op(Op::RPar)? {
                    PatternKind::MatchSequence {
                        patterns: Vec::new(),
                    }
                } else {
                    let first = self.maybe_star_pattern()?;
                    if self.eat_op(Op::RPar)? {
                        if let PatternKind::MatchStar { .. } = first.kind {
                            return Err(err_at("invalid syntax", &first.loc));
                        }
                        // A group: the inner pattern as it is.
                        return Ok(first);
                    }
                    if !self.at_op(Op::Comma) {
                        return Err(self.unexpected());
                    }
                    let patterns = self.pattern_list(first, Op::RPar)?;
                    PatternKind::MatchSequence { patterns }
                }
            }
            Tok::Op(Op::LSqb) => {
                self.skip()?;
                if self.eat_op(Op::RSqb)? {
                    PatternKind::MatchSequence {
                        patterns: Vec::new(),
                    }
                } else {
                    let first = self.maybe_star_pattern()?;
                    let patterns = self.pattern_list(first, Op::RSqb)?;
                    PatternKind::MatchSequence { patterns }
                }
            }
            Tok::Op(Op::LBrace) => self.mapping_pattern()?,
            _ => return Err(self.unexpected()),
        };
        Ok(Pattern {
            kind,
            loc: self.loc_from(s),
        })
    }

    /// The rest of a bracketed sequence pattern after its first item, up to
    /// and including `close`.
    fn pattern_list(&mut self, first: Pattern, close: Op) -> PResult<Vec<Pattern>> {
        let mut v = vec![first];
        while self.eat_op(Op::Comma)? {
            if self.at_op(close) {
                break;
            }
            v.push(self.maybe_star_pattern()?);
        }
        self.expect_op(close)?;
        Ok(v)
    }

    /// `NAME ('.' NAME)*` as a `Name` or `Attribute` expression.
    fn name_or_attr(&mut self) -> PResult<Box<Expr>> {
        let s = self.start();
        let id = self.expect_name()?;
        let mut e = mkb(
            ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            },
            self.loc_from(s),
        );
        while self.eat_op(Op::Dot)? {
            let attr = self.expect_name()?;
            e = mkb(
                ExprKind::Attribute {
                    value: e,
                    attr,
                    ctx: ExprContext::Load,
                },
                self.loc_from(s),
            );
        }
        Ok(e)
    }

    fn number_token(&mut self) -> PResult<(Constant, Loc)> {
        let t = self.bump()?;
        let loc = Loc {
            line: t.line,
            col: t.col,
            end_line: t.end_line,
            end_col: t.end_col,
        };
        match t.tok {
            Tok::Num(c) => Ok((c, loc)),
            _ => Err(err_at("invalid syntax", &loc)),
        }
    }

    /// A literal usable in a pattern: a signed number, a complex literal,
    /// a string, `None`, `True` or `False`.
    #[inline(never)]
    fn literal_expr(&mut self) -> PResult<Box<Expr>> {
        let s = self.start();
        match self.tok() {
            Tok::Str(_) => return self.strings(),
            Tok::Kw(Kw::None | Kw::True | Kw::False) => return self.atom(),
            _ => {}
        }
        let neg = self.eat_op(Op::Minus)?;
        if !matches!(self.tok(), Tok::Num(_)) {
            return Err(self.unexpected());
        }
        let (c, nloc) = self.number_token()?;
        let imag = matches!(c, Constant::Complex { .. });
        let mut e = mkb(ExprKind::Constant(c), nloc);
        if neg {
            e = mkb(
                ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: e,
                },
                self.loc_from(s),
            );
        }
        let op = match self.op() {
            Some(Op::Plus) => Operator::Add,
            Some(Op::Minus) => Operator::Sub,
            _ => return Ok(e),
        };
        if imag {
            return Err(err_at("real number required in complex literal", &e.loc));
        }
        self.skip()?;
        if !matches!(self.tok(), Tok::Num(_)) {
            return Err(self.unexpected());
        }
        let (c2, loc2) = self.number_token()?;
        if !matches!(c2, Constant::Complex { .. }) {
            return Err(err_at(
                "imaginary number required in complex literal",
                &loc2,
            ));
        }
        Ok(mkb(
            ExprKind::BinOp {
                left: e,
                op,
                right: mkb(ExprKind::Constant(c2), loc2),
            },
            self.loc_from(s),
        ))
    }

    #[inline(never)]
    fn mapping_pattern(&mut self) -> PResult<PatternKind> {
        self.skip()?;
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        loop {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar)? {
                if matches!(self.tok(), Tok::Name(n) if n == "_") {
                    return Err(self.unexpected());
                }
                rest = Some(self.capture_target()?);
                self.eat_op(Op::Comma)?;
                break;
            }
            let key = match self.tok() {
                Tok::Name(_) => {
                    let e = self.name_or_attr()?;
                    if let ExprKind::Name { .. } = e.kind {
                        return Err(self.unexpected());
                    }
                    e
                }
                _ => self.literal_expr()?,
            };
            self.expect_op(Op::Colon)?;
            keys.push(*key);
            patterns.push(self.pattern()?);
            if !self.eat_op(Op::Comma)? {
                break;
            }
        }
        self.expect_op(Op::RBrace)?;
        Ok(PatternKind::MatchMapping {
            keys,
            patterns,
            rest,
        })
    }

    #[inline(never)]
    #[allow(clippy::boxed_local)]
    fn class_pattern(&mut self, cls: Box<Expr>, s: (u32, u32)) -> PResult<Pattern> {
        self.skip()?;
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        loop {
            if self.at_op(Op::RPar) {
                break;
            }
            let is_kw = matches!(self.tok(), Tok::Name(_))
                && matches!(self.peek_tok(1)?, Tok::Op(Op::Equal));
            if is_kw {
                let name = self.expect_name()?;
                self.skip()?;
                kwd_attrs.push(name);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(err_at(
                        "positional patterns follow keyword patterns",
                        &p.loc,
                    ));
                }
                patterns.push(p);
            }
            if !self.eat_op(Op::Comma)? {
                break;
            }
        }
        self.expect_op(Op::RPar)?;
        Ok(Pattern {
            kind: PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            loc: self.loc_from(s),
        })
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use alloc::string::ToString;
    use std::panic;

    fn module(src: &str) -> Vec<Stmt> {
        match parse(src, "<test>", Mode::Exec) {
            Ok(Mod::Module(b)) => b,
            other => panic!("{:?}: {:?}", src, other),
        }
    }

    fn expr(src: &str) -> Expr {
        match parse(src, "<test>", Mode::Eval) {
            Ok(Mod::Expression(e)) => *e,
            other => panic!("{:?}: {:?}", src, other),
        }
    }

    fn error(src: &str) -> SyntaxError {
        match parse(src, "<test>", Mode::Exec) {
            Err(e) => e,
            Ok(m) => panic!("{:?} parsed: {:?}", src, m),
        }
    }

    /// A compact rendering of an expression, without locations.
    fn d(e: &Expr) -> String {
        use ExprKind as K;
        let list = |v: &[Expr]| v.iter().map(d).collect::<Vec<_>>().join(" ");
        let opt = |o: &Option<Box<Expr>>| o.as_ref().map_or("_".to_string(), |e| d(e));
        let gens = |g: &[Comprehension]| {
            g.iter()
                .map(|c| {
                    let mut s = format!(
                        "({}for {} in {}",
                        if c.is_async { "async " } else { "" },
                        d(&c.target),
                        d(&c.iter)
                    );
                    for i in &c.ifs {
                        s.push_str(&format!(" if {}", d(i)));
                    }
                    s.push(')');
                    s
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        match &e.kind {
            K::Name { id, ctx } => match ctx {
                ExprContext::Load => id.clone(),
                ExprContext::Store => format!("{}=", id),
                ExprContext::Del => format!("{}~", id),
            },
            K::Constant(c) => match c {
                Constant::None => "None".into(),
                Constant::True => "True".into(),
                Constant::False => "False".into(),
                Constant::Ellipsis => "...".into(),
                Constant::Int(i) => format!("{}", i),
                Constant::BigInt { digits, radix } => format!("big{}:{}", radix, digits),
                Constant::Float(f) => format!("{:?}", f),
                Constant::Complex { imag } => format!("{:?}j", imag),
                Constant::Str(s) => format!("{:?}", s),
                Constant::Bytes(b) => format!("b{:?}", b),
            },
            K::BinOp { left, op, right } => format!("({:?} {} {})", op, d(left), d(right)),
            K::UnaryOp { op, operand } => format!("({:?} {})", op, d(operand)),
            K::BoolOp { op, values } => format!("({:?} {})", op, list(values)),
            K::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut s = format!("(cmp {}", d(left));
                for (o, c) in ops.iter().zip(comparators) {
                    s.push_str(&format!(" {:?} {}", o, d(c)));
                }
                s + ")"
            }
            K::Call {
                func,
                args,
                keywords,
            } => {
                let mut s = format!("(call {}", d(func));
                for a in args {
                    s.push(' ');
                    s.push_str(&d(a));
                }
                for k in keywords {
                    match &k.arg {
                        Some(n) => s.push_str(&format!(" {}={}", n, d(&k.value))),
                        None => s.push_str(&format!(" **{}", d(&k.value))),
                    }
                }
                s + ")"
            }
            K::Attribute { value, attr, ctx } => format!(
                "{}.{}{}",
                d(value),
                attr,
                if *ctx == ExprContext::Load { "" } else { "=" }
            ),
            K::Subscript { value, slice, ctx } => format!(
                "{}[{}]{}",
                d(value),
                d(slice),
                if *ctx == ExprContext::Load { "" } else { "=" }
            ),
            K::Slice { lower, upper, step } => {
                format!("{}:{}:{}", opt(lower), opt(upper), opt(step))
            }
            K::Starred { value, .. } => format!("*{}", d(value)),
            K::Tuple { elts, .. } => format!("(tuple {})", list(elts)),
            K::List { elts, .. } => format!("[{}]", list(elts)),
            K::Set { elts } => format!("{{set {}}}", list(elts)),
            K::Dict { keys, values } => {
                let items: Vec<String> = keys
                    .iter()
                    .zip(values)
                    .map(|(k, v)| match k {
                        Some(k) => format!("{}:{}", d(k), d(v)),
                        None => format!("**{}", d(v)),
                    })
                    .collect();
                format!("{{dict {}}}", items.join(" "))
            }
            K::ListComp { elt, generators } => format!("[{} {}]", d(elt), gens(generators)),
            K::SetComp { elt, generators } => format!("{{{} {}}}", d(elt), gens(generators)),
            K::GeneratorExp { elt, generators } => format!("(gen {} {})", d(elt), gens(generators)),
            K::DictComp {
                key,
                value,
                generators,
            } => format!("{{{}:{} {}}}", d(key), d(value), gens(generators)),
            K::Lambda { args, body } => format!("(lambda {} {})", da(args), d(body)),
            K::IfExp { test, body, orelse } => {
                format!("(if {} {} {})", d(test), d(body), d(orelse))
            }
            K::NamedExpr { target, value } => format!("(:= {} {})", d(target), d(value)),
            K::Await { value } => format!("(await {})", d(value)),
            K::Yield { value } => format!("(yield {})", opt(value)),
            K::YieldFrom { value } => format!("(yield-from {})", d(value)),
            K::JoinedStr(parts) => format!("(f {})", list(parts)),
            K::FormattedValue {
                value,
                conversion,
                format_spec,
            } => format!(
                "{{{}{}{}}}",
                d(value),
                conversion.map_or(String::new(), |c| format!("!{}", c)),
                format_spec
                    .as_ref()
                    .map_or(String::new(), |s| format!(":{}", d(s)))
            ),
        }
    }

    fn da(a: &Arguments) -> String {
        let arg = |x: &Arg| match &x.annotation {
            Some(t) => format!("{}:{}", x.name, d(t)),
            None => x.name.clone(),
        };
        let mut parts: Vec<String> = Vec::new();
        for x in &a.posonlyargs {
            parts.push(arg(x));
        }
        if !a.posonlyargs.is_empty() {
            parts.push("/".into());
        }
        for x in &a.args {
            parts.push(arg(x));
        }
        if let Some(v) = &a.vararg {
            parts.push(format!("*{}", arg(v)));
        } else if !a.kwonlyargs.is_empty() {
            parts.push("*".into());
        }
        for (x, dflt) in a.kwonlyargs.iter().zip(&a.kw_defaults) {
            match dflt {
                Some(v) => parts.push(format!("{}={}", arg(x), d(v))),
                None => parts.push(arg(x)),
            }
        }
        if let Some(k) = &a.kwarg {
            parts.push(format!("**{}", arg(k)));
        }
        let defaults: Vec<String> = a.defaults.iter().map(d).collect();
        format!("({}; defaults {})", parts.join(" "), defaults.join(" "))
    }

    fn de(src: &str) -> String {
        d(&expr(src))
    }

    #[test]
    fn numbers() {
        assert_eq!(de("0"), "0");
        assert_eq!(de("1_000_000"), "1000000");
        assert_eq!(de("0x_FF"), "255");
        assert_eq!(de("0o17"), "15");
        assert_eq!(de("0B1010"), "10");
        assert_eq!(de("00"), "0");
        assert_eq!(de("9223372036854775807"), "9223372036854775807");
        assert_eq!(de("9223372036854775808"), "big10:9223372036854775808");
        assert_eq!(de("0x1_0000_0000_0000_0000"), "big16:10000000000000000");
        assert_eq!(
            de("0o0_777777777777777777777777"),
            "big8:777777777777777777777777"
        );
        assert_eq!(de("1.5"), "1.5");
        assert_eq!(de("1."), "1.0");
        assert_eq!(de(".5e-3"), "0.0005");
        assert_eq!(de("1_0.0_1E1_0"), "100100000000.0");
        assert_eq!(de("1e500"), "inf");
        assert_eq!(de("2j"), "2.0j");
        assert_eq!(de("1.5J"), "1.5j");
        assert_eq!(de("09.5"), "9.5");
        assert_eq!(de("0e0"), "0.0");
        assert_eq!(de("1if 1else 2"), "(if 1 1 2)");
        assert_eq!(de("-1"), "(USub 1)");
        assert_eq!(de("1 .real"), "1.real");
    }

    #[test]
    fn strings() {
        assert_eq!(de(r#"'a' "b" '''c''' """d""""#), r#""abcd""#);
        assert_eq!(
            de(r#"'\n\t\\\'\"\a\b\f\v\r'"#),
            r#""\n\t\\'\"\u{7}\u{8}\u{c}\u{b}\r""#
        );
        assert_eq!(de(r"'\x41\101\u00e9\U0001F600\0'"), "\"AAé😀\\0\"");
        assert_eq!(de(r"'\d\{'"), r#""\\d\\{""#);
        assert_eq!(de("'a\\\nb'"), r#""ab""#);
        assert_eq!(de(r"r'\n\''"), r#""\\n\\'""#);
        assert_eq!(de(r"R'\x'"), r#""\\x""#);
        assert_eq!(de(r"u'x'"), r#""x""#);
        assert_eq!(de(r"b'a\x00\xff\777'"), "b[97, 0, 255, 255]");
        assert_eq!(de(r"Rb'\x' bR'y'"), "b[92, 120, 121]");
        assert_eq!(
            de(r"'\N{BULLET}\N{em dash}\N{LATIN CAPITAL LETTER Q}\N{DEGREE SIGN}'"),
            "\"•—Q°\""
        );
        assert_eq!(
            de(r"'\N{GREEK SMALL LETTER ALPHA}\N{DIGIT SEVEN}\N{CJK UNIFIED IDEOGRAPH-4E00}'"),
            "\"α7一\""
        );
        assert_eq!(de("'''a\nb'''"), r#""a\nb""#);
        assert_eq!(de("'''a\r\nb'''"), r#""a\nb""#);
        assert_eq!(de(r"b'\u1234'"), "b[92, 117, 49, 50, 51, 52]");
        assert_eq!(de("''"), r#""""#);
    }

    #[test]
    fn fstrings() {
        assert_eq!(de("f'a{x}b'"), r#"(f "a" {x} "b")"#);
        assert_eq!(de("f''"), "(f )");
        assert_eq!(de("f'abc'"), r#"(f "abc")"#);
        assert_eq!(de("f'{x!r}'"), "(f {x!r})");
        assert_eq!(de("f'{x!s:>10}'"), r#"(f {x!s:(f ">10")})"#);
        assert_eq!(de("f'{x:{w}.{p}f}'"), r#"(f {x:(f {w} "." {p} "f")})"#);
        assert_eq!(de("f'{x:}'"), "(f {x:(f )})");
        assert_eq!(de("f'{{}}{{{x}}}'"), r#"(f "{}{" {x} "}")"#);
        assert_eq!(de("f'{x=}'"), r#"(f "x=" {x!r})"#);
        assert_eq!(de("f'{ x = }'"), r#"(f " x = " {x!r})"#);
        assert_eq!(de("f'{x=!s}'"), r#"(f "x=" {x!s})"#);
        assert_eq!(de("f'{x=:>4}'"), r#"(f "x=" {x:(f ">4")})"#);
        assert_eq!(de("'a' f'{x}' 'b' f'c'"), r#"(f "a" {x} "bc")"#);
        assert_eq!(de("f'{a!=b}'"), "(f {(cmp a NotEq b)})");
        assert_eq!(de("f'{a<=b}'"), "(f {(cmp a LtE b)})");
        assert_eq!(de(r#"f'{"a" if x else "b"}'"#), r#"(f {(if x "a" "b")})"#);
        assert_eq!(de("f'{d[\"k\"]}'"), r#"(f {d["k"]})"#);
        assert_eq!(de("f'''{x\n+1}'''"), "(f {(Add x 1)})");
        assert_eq!(de("f'{x, y}'"), "(f {(tuple x y)})");
        assert_eq!(de("f'{x for x in y}'"), "(f {(gen x (for x= in y))})");
        assert_eq!(de("f'{(yield)}'"), "(f {(yield _)})");
        assert_eq!(de(r"f'\n{x}\x41'"), r#"(f "\n" {x} "A")"#);
        assert_eq!(de(r"rf'\n{x}'"), r#"(f "\\n" {x})"#);
        assert_eq!(de(r"f'\N{BULLET}{x}'"), r#"(f "•" {x})"#);
        assert_eq!(de("f'{f\"{x}\"}'"), "(f {(f {x})})");
        assert_eq!(de("f'{x:{y:>3}}'"), r#"(f {x:(f {y:(f ">3")})})"#);
        assert_eq!(de("F'{3.14:.2f}' FR'{x}'"), r#"(f {3.14:(f ".2f")} {x})"#);
        // Locations inside replacement fields are exact.
        let e = expr("f'ab{xyz}'");
        match &e.kind {
            ExprKind::JoinedStr(parts) => match &parts[1].kind {
                ExprKind::FormattedValue { value, .. } => {
                    assert_eq!((value.loc.col, value.loc.end_col), (5, 8))
                }
                k => panic!("{:?}", k),
            },
            k => panic!("{:?}", k),
        }
    }

    #[test]
    fn precedence() {
        assert_eq!(de("-2**2"), "(USub (Pow 2 2))");
        assert_eq!(de("2**-1"), "(Pow 2 (USub 1))");
        assert_eq!(de("2**3**4"), "(Pow 2 (Pow 3 4))");
        assert_eq!(de("a - b - c"), "(Sub (Sub a b) c)");
        assert_eq!(
            de("a + b * c @ d // e % f / g"),
            "(Add a (Div (Mod (FloorDiv (MatMult (Mult b c) d) e) f) g))"
        );
        assert_eq!(
            de("a | b ^ c & d << e >> f"),
            "(BitOr a (BitXor b (BitAnd c (RShift (LShift d e) f))))"
        );
        assert_eq!(de("~a + +b"), "(Add (Invert a) (UAdd b))");
        assert_eq!(de("not a == b"), "(Not (cmp a Eq b))");
        assert_eq!(de("a or b and not c"), "(Or a (And b (Not c)))");
        assert_eq!(de("a and b and c or d or e"), "(Or (And a b c) d e)");
        assert_eq!(
            de("a < b <= c != d is not e in f not in g is h > i >= j == k"),
            "(cmp a Lt b LtE c NotEq d IsNot e In f NotIn g Is h Gt i GtE j Eq k)"
        );
        assert_eq!(de("a if b else c if d else e"), "(if b a (if d c e))");
        assert_eq!(
            de("lambda: a if b else c"),
            "(lambda (; defaults ) (if b a c))"
        );
        assert_eq!(de("await x ** 2"), "(Pow (await x) 2)");
        assert_eq!(de("a.b[c](d).e"), "(call a.b[c] d).e");
        assert_eq!(de("not not a"), "(Not (Not a))");
        assert_eq!(de("- - a"), "(USub (USub a))");
        assert_eq!(
            de("a if b else lambda: c"),
            "(if b a (lambda (; defaults ) c))"
        );
        assert_eq!(de("(a := 1)"), "(:= a= 1)");
        assert_eq!(de("x[a:b, c:d:e, ::, f]"), "x[(tuple a:b:_ c:d:e _:_:_ f)]");
        assert_eq!(de("x[:]"), "x[_:_:_]");
        assert_eq!(de("x[1:2,]"), "x[(tuple 1:2:_)]");
        assert_eq!(de("x[*a]"), "x[(tuple *a)]");
        assert_eq!(de("x[*a, b]"), "x[(tuple *a b)]");
        assert_eq!(de("x[y := 1]"), "x[(:= y= 1)]");
    }

    #[test]
    fn displays_and_comprehensions() {
        assert_eq!(de("()"), "(tuple )");
        assert_eq!(de("(1,)"), "(tuple 1)");
        assert_eq!(de("(1)"), "1");
        assert_eq!(de("(*a, *b)"), "(tuple *a *b)");
        assert_eq!(de("1, 2"), "(tuple 1 2)");
        assert_eq!(de("[]"), "[]");
        assert_eq!(de("[1, *a, 2,]"), "[1 *a 2]");
        assert_eq!(de("{}"), "{dict }");
        assert_eq!(de("{1: 2, **a, 3: 4,}"), "{dict 1:2 **a 3:4}");
        assert_eq!(de("{**a}"), "{dict **a}");
        assert_eq!(de("{1, *a}"), "{set 1 *a}");
        assert_eq!(
            de("[x for x in y if x if z for w in x]"),
            "[x (for x= in y if x if z) (for w= in x)]"
        );
        assert_eq!(de("{k: v for k, v in d}"), "{k:v (for (tuple k= v=) in d)}");
        assert_eq!(de("{x async for x in y}"), "{x (async for x= in y)}");
        assert_eq!(de("(x for x, in y)"), "(gen x (for (tuple x=) in y))");
        assert_eq!(de("[x for x in a or b]"), "[x (for x= in (Or a b))]");
        assert_eq!(de("[(y := x) for x in z]"), "[(:= y= x) (for x= in z)]");
        assert_eq!(
            de("[lambda: x for x in y]"),
            "[(lambda (; defaults ) x) (for x= in y)]"
        );
        assert_eq!(de("f(x for x in y)"), "(call f (gen x (for x= in y)))");
        assert_eq!(
            de("f(a, *b, c=1, *d, **e, f=2)"),
            "(call f a *b *d c=1 **e f=2)"
        );
        assert_eq!(de("f(a)(b)"), "(call (call f a) b)");
        assert_eq!(de("f(x := 1)"), "(call f (:= x= 1))");
        assert_eq!(de("..."), "...");
        assert_eq!(de("None, True, False"), "(tuple None True False)");
        // A bare generator argument spans the call's parentheses.
        match &expr("f (x for x in y)").kind {
            ExprKind::Call { args, .. } => {
                assert_eq!((args[0].loc.col, args[0].loc.end_col), (2, 16))
            }
            k => panic!("{:?}", k),
        }
    }

    #[test]
    fn lambdas_and_parameters() {
        assert_eq!(de("lambda: 0"), "(lambda (; defaults ) 0)");
        assert_eq!(
            de("lambda a, b=1, *c, d, e=2, **f: 0"),
            "(lambda (a b *c d e=2 **f; defaults 1) 0)"
        );
        assert_eq!(
            de("lambda a, /, b, *, c: 0"),
            "(lambda (a / b * c; defaults ) 0)"
        );
        assert_eq!(de("lambda *a, **k: 0"), "(lambda (*a **k; defaults ) 0)");
        assert_eq!(
            de("lambda a=1, /, b=2: 0"),
            "(lambda (a / b; defaults 1 2) 0)"
        );
        assert_eq!(
            de("lambda x: lambda y: x + y"),
            "(lambda (x; defaults ) (lambda (y; defaults ) (Add x y)))"
        );
        let body =
            module("def f(a: int, /, b: str = 'x', *args: *Ts, c, d=1, **kw: dict) -> None: pass");
        match &body[0].kind {
            StmtKind::FunctionDef {
                name,
                args,
                returns,
                is_async,
                ..
            } => {
                assert_eq!(name, "f");
                assert!(!is_async);
                assert_eq!(
                    da(args),
                    "(a:int / b:str *args:*Ts c d=1 **kw:dict; defaults \"x\")"
                );
                assert_eq!(returns.as_ref().map(|r| d(r)), Some("None".to_string()));
            }
            other => panic!("{:?}", other),
        }
    }

    fn kinds(src: &str) -> Vec<&'static str> {
        module(src)
            .iter()
            .map(|s| match &s.kind {
                StmtKind::FunctionDef {
                    is_async: false, ..
                } => "def",
                StmtKind::FunctionDef { is_async: true, .. } => "async def",
                StmtKind::ClassDef { .. } => "class",
                StmtKind::Return { .. } => "return",
                StmtKind::Delete { .. } => "del",
                StmtKind::Assign { .. } => "=",
                StmtKind::AugAssign { .. } => "op=",
                StmtKind::AnnAssign { .. } => ":",
                StmtKind::For {
                    is_async: false, ..
                } => "for",
                StmtKind::For { is_async: true, .. } => "async for",
                StmtKind::While { .. } => "while",
                StmtKind::If { .. } => "if",
                StmtKind::With {
                    is_async: false, ..
                } => "with",
                StmtKind::With { is_async: true, .. } => "async with",
                StmtKind::Raise { .. } => "raise",
                StmtKind::Try { is_star: false, .. } => "try",
                StmtKind::Try { is_star: true, .. } => "try*",
                StmtKind::Assert { .. } => "assert",
                StmtKind::Import { .. } => "import",
                StmtKind::ImportFrom { .. } => "from",
                StmtKind::Global { .. } => "global",
                StmtKind::Nonlocal { .. } => "nonlocal",
                StmtKind::Expr { .. } => "expr",
                StmtKind::Pass => "pass",
                StmtKind::Break => "break",
                StmtKind::Continue => "continue",
                StmtKind::Match { .. } => "match",
            })
            .collect()
    }

    #[test]
    fn match_soft_keyword() {
        assert_eq!(
            kinds("match x:\n    case 1:\n        pass\nmatch = 1\nmatch(x)\nmatch[x]: int\n"),
            vec!["match", "=", "expr", ":"]
        );
        assert_eq!(
            kinds("match (a, b):\n case [x, *y] | {'k': x, **y}: pass\n"),
            vec!["match"]
        );
        assert_eq!(
            error("match x:\n    case Point(x=1, 2):\n        pass\n").msg,
            "positional patterns follow keyword patterns"
        );
        assert_eq!(
            error("match x:\n    case 1 as _:\n        pass\n").msg,
            "cannot use '_' as a target"
        );
    }

    const STATEMENTS: &str = "\
import a.b as c, d
from .. import (x as y, z,)
from ...m.n import *
global g, h
def f():
    nonlocal q
    return 1, *r
async def g():
    async for x in y: pass
    async with a as b, c: pass
    await z
class C(B, metaclass=M):
    '''doc'''
    x: int = 1
    (y): int
    a.b: str
@dec
@dec2(1)
def h(): yield
x = y = 1
x += 1; x <<= 2; x @= m
del a, b[0], c.d
assert x, 'msg'
raise
raise E from e
for i in range(3):
    break
else:
    continue
while x:
    pass
else:
    pass
if a:
    pass
elif b:
    pass
else:
    pass
try:
    pass
except E as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
with (open(a) as f, open(b) as g):
    pass
with (a, b) as c: pass
with (a): pass
print(*a, **k)
";

    #[test]
    fn statements() {
        assert_eq!(
            kinds(STATEMENTS),
            [
                "import",
                "from",
                "from",
                "global",
                "def",
                "async def",
                "class",
                "def",
                "=",
                "op=",
                "op=",
                "op=",
                "del",
                "assert",
                "raise",
                "raise",
                "for",
                "while",
                "if",
                "try",
                "try*",
                "with",
                "with",
                "with",
                "expr"
            ]
        );
        let b = module(STATEMENTS);
        match &b[1].kind {
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                assert_eq!((module.as_deref(), names.len(), *level), (None, 2, 2));
                assert_eq!(names[0].asname.as_deref(), Some("y"));
            }
            k => panic!("{:?}", k),
        }
        match &b[2].kind {
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => assert_eq!(
                (module.as_deref(), names[0].name.as_str(), *level),
                (Some("m.n"), "*", 3)
            ),
            k => panic!("{:?}", k),
        }
        match &b[0].kind {
            StmtKind::Import { names } => {
                assert_eq!(names[0].name, "a.b");
                assert_eq!(names[0].asname.as_deref(), Some("c"));
            }
            k => panic!("{:?}", k),
        }
        match &b[6].kind {
            StmtKind::ClassDef {
                bases,
                keywords,
                body,
                ..
            } => {
                assert_eq!(bases.len(), 1);
                assert_eq!(keywords[0].arg.as_deref(), Some("metaclass"));
                assert_eq!(docstring(body), Some("doc"));
                let simple: Vec<bool> = body[1..]
                    .iter()
                    .map(|s| match &s.kind {
                        StmtKind::AnnAssign { simple, .. } => *simple,
                        k => panic!("{:?}", k),
                    })
                    .collect();
                assert_eq!(simple, [true, false, false]);
            }
            k => panic!("{:?}", k),
        }
        // Decorators; the def's location starts at `def`.
        match &b[7].kind {
            StmtKind::FunctionDef { decorator_list, .. } => assert_eq!(decorator_list.len(), 2),
            k => panic!("{:?}", k),
        }
        assert_eq!(b[7].loc.line, 19);
        // elif chains nest.
        match &b[18].kind {
            StmtKind::If { orelse, .. } => match &orelse[0].kind {
                StmtKind::If { orelse, .. } => assert_eq!(orelse.len(), 1),
                k => panic!("{:?}", k),
            },
            k => panic!("{:?}", k),
        }
        match &b[19].kind {
            StmtKind::Try {
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                assert_eq!((handlers.len(), orelse.len(), finalbody.len()), (3, 1, 1));
                assert_eq!(handlers[0].name.as_deref(), Some("e"));
                assert!(handlers[2].typ.is_none());
            }
            k => panic!("{:?}", k),
        }
        let items = |i: usize| match &b[i].kind {
            StmtKind::With { items, .. } => items
                .iter()
                .map(|w| {
                    let t = w.optional_vars.as_ref();
                    format!(
                        "{}{}",
                        d(&w.context_expr),
                        t.map_or(String::new(), |v| format!(" as {}", d(v)))
                    )
                })
                .collect::<Vec<_>>(),
            k => panic!("{:?}", k),
        };
        assert_eq!(items(21), ["(call open a) as f=", "(call open b) as g="]);
        assert_eq!(items(22), ["(tuple a b) as c="]);
        assert_eq!(items(23), ["a"]);
        match &b[12].kind {
            StmtKind::Delete { targets } => {
                assert_eq!(
                    targets.iter().map(d).collect::<Vec<_>>(),
                    ["a~", "b[0]=", "c.d="]
                )
            }
            k => panic!("{:?}", k),
        }
    }

    #[test]
    fn targets() {
        let t = |src: &str| match &module(src)[0].kind {
            StmtKind::Assign { targets, value } => {
                let mut v: Vec<String> = targets.iter().map(d).collect();
                v.push(d(value));
                v.join(" = ")
            }
            StmtKind::For { target, .. } => d(target),
            k => panic!("{:?}", k),
        };
        assert_eq!(t("a, *b = c"), "(tuple a= *b=) = c");
        assert_eq!(t("[a, (b, c)] = d = e"), "[a= (tuple b= c=)] = d= = e");
        assert_eq!(t("a.b, c[d] = e"), "(tuple a.b= c[d]=) = e");
        assert_eq!(t("() = x"), "(tuple ) = x");
        assert_eq!(t("x = yield y"), "x= = (yield y)");
        assert_eq!(t("x = *a, b"), "x= = (tuple *a b)");
        assert_eq!(t("for a, (b, *c) in d: pass"), "(tuple a= (tuple b= *c=))");
        assert_eq!(t("for x, in y: pass"), "(tuple x=)");
    }

    #[test]
    fn locations() {
        let b = module("if x:\n    y = f(1,\n          2)\nz = 'é' + w\n");
        assert_eq!(
            b[0].loc,
            Loc {
                line: 1,
                col: 0,
                end_line: 3,
                end_col: 12
            }
        );
        match &b[1].kind {
            StmtKind::Assign { value, .. } => match &value.kind {
                // Columns count characters, not bytes.
                ExprKind::BinOp { right, .. } => {
                    assert_eq!(
                        right.loc,
                        Loc {
                            line: 4,
                            col: 10,
                            end_line: 4,
                            end_col: 11
                        }
                    )
                }
                k => panic!("{:?}", k),
            },
            k => panic!("{:?}", k),
        }
        assert_eq!(
            expr("(a, b)").loc,
            Loc {
                line: 1,
                col: 0,
                end_line: 1,
                end_col: 6
            }
        );
        assert_eq!(
            expr("((a))").loc,
            Loc {
                line: 1,
                col: 2,
                end_line: 1,
                end_col: 3
            }
        );
    }

    #[test]
    fn modes() {
        assert!(matches!(
            parse("1 + 2\n\n", "<t>", Mode::Eval),
            Ok(Mod::Expression(_))
        ));
        assert!(parse("x = 1", "<t>", Mode::Eval).is_err());
        match parse("if x:\n    pass\n", "<t>", Mode::Single) {
            Ok(Mod::Interactive(b)) => assert_eq!(b.len(), 1),
            r => panic!("{:?}", r),
        }
        match parse("a; b; c", "<t>", Mode::Single) {
            Ok(Mod::Interactive(b)) => assert_eq!(b.len(), 3),
            r => panic!("{:?}", r),
        }
        let e = parse("x = 1\ny = 2\n", "<t>", Mode::Single).unwrap_err();
        assert_eq!(
            e.msg,
            "multiple statements found while compiling a single statement"
        );
        assert!(matches!(parse("", "<t>", Mode::Exec), Ok(Mod::Module(b)) if b.is_empty()));
        assert!(
            matches!(parse("\n\n# c\n  \n", "<t>", Mode::Exec), Ok(Mod::Module(b)) if b.is_empty())
        );
        assert!(
            matches!(parse("\u{feff}x", "<t>", Mode::Exec), Ok(Mod::Module(b)) if b.len() == 1)
        );
        // Tabs, form feeds, CR line ends, backslash continuations.
        assert_eq!(module("if x:\n\tif y:\n\t\tpass\n\tz\n").len(), 1);
        assert_eq!(module("x = 1 + \\\n  2\r\ny = 3\rz = 4").len(), 3);
        assert_eq!(module("\x0cx = 1\n").len(), 1);
        assert_eq!(module("x = (1 +\n# comment\n  2)  # c\n").len(), 1);
    }

    #[test]
    fn error_messages() {
        use ErrKind::{Indentation as I, Syntax as S, Tab as T};
        // (source, message, line, 1-based offset, kind), as CPython 3.11 reports them.
        let cases: &[(&str, &str, u32, u32, ErrKind)] = &[
        ("x = (", "'(' was never closed", 1, 5, S),
        ("x = (1,\n2", "'(' was never closed", 1, 5, S),
        ("foo(a, b", "'(' was never closed", 1, 4, S),
        ("x = [1, 2", "'[' was never closed", 1, 5, S),
        ("x = {1: 2", "'{' was never closed", 1, 5, S),
        ("x = )", "unmatched ')'", 1, 5, S),
        ("x = ]", "unmatched ']'", 1, 5, S),
        ("x = (1 ]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 8, S),
        ("x = (1 \n ]", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, S),
        ("'abc", "unterminated string literal (detected at line 1)", 1, 1, S),
        ("'abc\n", "unterminated string literal (detected at line 1)", 1, 1, S),
        ("'''abc", "unterminated triple-quoted string literal (detected at line 1)", 1, 1, S),
        ("'''abc\n\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 1, S),
        ("\"abc", "unterminated string literal (detected at line 1)", 1, 1, S),
        ("b'\u{e9}'", "bytes can only contain ASCII literal characters", 1, 1, S),
        ("x = 'a' b'b'", "cannot mix bytes and nonbytes literals", 1, 13, S),
        ("x = '\\x1'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 10, S),
        ("x = b'\\x1'", "(value error) invalid \\x escape at position 0", 1, 11, S),
        ("x = '\\N{foo}'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name", 1, 14, S),
        ("x = '\\N{LATIN SMALL LETTER A'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-22: malformed \\N character escape", 1, 30, S),
        ("x = '\\u12'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", 1, 11, S),
        ("x = '\\U00110000'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", 1, 17, S),
        ("1abc", "invalid decimal literal", 1, 1, S),
        ("x = 0x", "invalid hexadecimal literal", 1, 6, S),
        ("x = 0o8", "invalid digit '8' in octal literal", 1, 7, S),
        ("x = 0b2", "invalid digit '2' in binary literal", 1, 7, S),
        ("x = 012", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, S),
        ("x = 1_", "invalid decimal literal", 1, 6, S),
        ("x = 1__0", "invalid decimal literal", 1, 6, S),
        ("x = 1e", "invalid decimal literal", 1, 5, S),
        ("x = 1e+", "invalid decimal literal", 1, 7, S),
        ("x = 1.5abc", "invalid decimal literal", 1, 7, S),
        ("x = 5j_", "invalid imaginary literal", 1, 6, S),
        ("x = $", "invalid syntax", 1, 5, S),
        ("x = ?", "invalid syntax", 1, 5, S),
        ("x = \u{20ac}", "invalid character '\u{20ac}' (U+20AC)", 1, 5, S),
        ("x = \u{a0}", "invalid non-printable character U+00A0", 1, 5, S),
        ("x = a!b", "invalid syntax", 1, 6, S),
        ("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, S),
        ("(a, 1) = x", "cannot assign to literal", 1, 5, S),
        ("x = 1 = 2", "cannot assign to literal", 1, 5, S),
        ("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, S),
        ("a + b = c", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, S),
        ("None = 1", "cannot assign to None", 1, 1, S),
        ("True = 1", "cannot assign to True", 1, 1, S),
        ("[a, 1] = x", "cannot assign to literal", 1, 5, S),
        ("(yield) = 1", "cannot assign to yield expression here. Maybe you meant '==' instead of '='?", 1, 2, S),
        ("x = yield = 1", "assignment to yield expression not possible", 1, 5, S),
        ("del *a", "cannot delete starred", 1, 5, S),
        ("del f()", "cannot delete function call", 1, 5, S),
        ("del (a, 1)", "cannot delete literal", 1, 9, S),
        ("del a + b", "cannot delete expression", 1, 5, S),
        ("f() += 1", "'function call' is an illegal expression for augmented assignment", 1, 1, S),
        ("a, b += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1, S),
        ("[a] += 1", "'list' is an illegal expression for augmented assignment", 1, 1, S),
        ("a, b: int", "only single target (not tuple) can be annotated", 1, 1, S),
        ("[a]: int", "only single target (not list) can be annotated", 1, 1, S),
        ("f(): int", "illegal target for annotation", 1, 1, S),
        ("print 'x'", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, S),
        ("print x", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, S),
        ("exec 'x'", "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1, S),
        ("def f(a=1, b): pass", "non-default argument follows default argument", 1, 12, S),
        ("def f(*): pass", "named arguments must follow bare *", 1, 7, S),
        ("def f(*, **k): pass", "named arguments must follow bare *", 1, 7, S),
        ("def f(/, a): pass", "at least one argument must precede /", 1, 7, S),
        ("def f(a, /, b, /): pass", "/ may appear only once", 1, 16, S),
        ("def f(*a, /): pass", "/ must be ahead of *", 1, 11, S),
        ("def f(*a, *b): pass", "* argument may appear only once", 1, 11, S),
        ("def f(**k, a): pass", "arguments cannot follow var-keyword argument", 1, 12, S),
        ("def f(*a=1): pass", "var-positional argument cannot have default value", 1, 9, S),
        ("def f(**k=1): pass", "var-keyword argument cannot have default value", 1, 10, S),
        ("lambda a=1, b: 0", "non-default argument follows default argument", 1, 13, S),
        ("lambda *: 0", "named arguments must follow bare *", 1, 9, S),
        ("def f: pass", "expected '('", 1, 6, S),
        ("def f()\n    pass", "expected ':'", 1, 8, S),
        ("def f():\npass", "expected an indented block after function definition on line 1", 2, 1, I),
        ("def f(): \n", "expected an indented block after function definition on line 1", 1, 10, I),
        ("class A\n    pass", "expected ':'", 1, 8, S),
        ("class A:\npass", "expected an indented block after class definition on line 1", 2, 1, I),
        ("if x\n    pass", "expected ':'", 1, 5, S),
        ("if x:\npass", "expected an indented block after 'if' statement on line 1", 2, 1, I),
        ("if x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, S),
        ("if x.y = 1: pass", "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4, S),
        ("while x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 7, S),
        ("if x: pass\nelse\n    pass", "expected ':'", 2, 5, S),
        ("for x in y\n    pass", "expected ':'", 1, 11, S),
        ("for 1 in x: pass", "cannot assign to literal", 1, 5, S),
        ("for f() in x: pass", "cannot assign to function call", 1, 5, S),
        ("for x in y:\nz", "expected an indented block after 'for' statement on line 1", 2, 1, I),
        ("try:\n pass\nexcept* :\n pass\n", "expected one or more exception types", 3, 9, S),
        ("try:\n pass\nx = 1\n", "expected 'except' or 'finally' block", 3, 1, S),
        ("try:\n    pass\n", "expected 'except' or 'finally' block", 2, 9, S),
        ("try:\n pass\nexcept E:\n pass\nexcept* F:\n pass\n", "cannot have both 'except' and 'except*' on the same 'try'", 5, 1, S),
        ("try:\n pass\nexcept A, B:\n pass\n", "multiple exception types must be parenthesized", 3, 8, S),
        ("try\n pass", "expected ':'", 1, 4, S),
        ("with a as 1: pass", "cannot assign to literal", 1, 11, S),
        ("with a as f(): pass", "cannot assign to function call", 1, 11, S),
        ("  x = 1", "unexpected indent", 1, 2, I),
        ("x = 1\n  y = 2", "unexpected indent", 2, 2, I),
        ("if x:\n  a\n b\n", "unindent does not match any outer indentation level", 3, 3, I),
        ("if x:\n\ta\n        b\n", "inconsistent use of tabs and spaces in indentation", 3, 1, T),
        ("class A:\n    @property\n", "unexpected unindent", 2, 14, I),
        ("class A:\n    @property\nx=1\n", "unexpected unindent", 3, 0, I),
        ("f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, S),
        ("f(True=1)", "cannot assign to True", 1, 3, S),
        ("f(a=1, b)", "positional argument follows keyword argument", 1, 9, S),
        ("f(**a, b)", "positional argument follows keyword argument unpacking", 1, 9, S),
        ("f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking", 1, 8, S),
        ("f(x for x in y, 1)", "Generator expression must be parenthesized", 1, 3, S),
        ("f(1, x for x in y)", "Generator expression must be parenthesized", 1, 6, S),
        ("[a b]", "invalid syntax. Perhaps you forgot a comma?", 1, 2, S),
        ("(a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 2, S),
        ("{a b}", "invalid syntax. Perhaps you forgot a comma?", 1, 2, S),
        ("f(a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 3, S),
        ("[a, b c]", "invalid syntax. Perhaps you forgot a comma?", 1, 5, S),
        ("[1 2]", "invalid syntax. Perhaps you forgot a comma?", 1, 2, S),
        ("{1: 2, 3 4}", "':' expected after dictionary key", 1, 8, S),
        ("{1: 2, 3}", "':' expected after dictionary key", 1, 8, S),
        ("{1:}", "expression expected after dictionary key and ':'", 1, 3, S),
        ("{1: *a}", "cannot use a starred expression in a dictionary value", 1, 5, S),
        ("{**a for a in b}", "dict unpacking cannot be used in dict comprehension", 1, 2, S),
        ("{*a: 1}", "invalid syntax", 1, 4, S),
        ("[*a for a in b]", "iterable unpacking cannot be used in comprehension", 1, 2, S),
        ("(*a for a in b)", "iterable unpacking cannot be used in comprehension", 1, 2, S),
        ("(*a)", "cannot use starred expression here", 1, 2, S),
        ("a.b := 1", "cannot use assignment expressions with attribute", 1, 1, S),
        ("(a.b := 1)", "cannot use assignment expressions with attribute", 1, 2, S),
        ("(1 := 1)", "cannot use assignment expressions with literal", 1, 2, S),
        ("x := 1", "invalid syntax", 1, 3, S),
        ("a if b", "expected 'else' after 'if' expression", 1, 1, S),
        ("a if b else", "invalid syntax", 1, 12, S),
        ("1 + not 2", "invalid syntax", 1, 5, S),
        ("x = \\ 1", "unexpected character after line continuation character", 1, 6, S),
        ("x = 1 \\", "unexpected EOF while parsing", 1, 8, S),
        ("\\", "unexpected EOF while parsing", 1, 2, S),
        ("x.None", "invalid syntax", 1, 3, S),
        ("x.1", "invalid syntax", 1, 2, S),
        ("import a.", "invalid syntax", 1, 10, S),
        ("from . import", "invalid syntax", 1, 14, S),
        ("from x import a,", "trailing comma not allowed without surrounding parentheses", 1, 17, S),
        ("import a as", "invalid syntax", 1, 12, S),
        ("from import x", "invalid syntax", 1, 6, S),
        ("global", "invalid syntax", 1, 7, S),
        ("nonlocal 1", "invalid syntax", 1, 10, S),
        ("assert", "invalid syntax", 1, 7, S),
        ("raise from x", "invalid syntax", 1, 7, S),
        ("del", "invalid syntax", 1, 4, S),
        ("pass pass", "invalid syntax", 1, 6, S),
        ("f'{}'", "f-string: empty expression not allowed", 1, 6, S),
        ("f'{ }'", "f-string: empty expression not allowed", 1, 7, S),
        ("f'{a(}'", "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 8, S),
        ("f'{a)}'", "f-string: unmatched ')'", 1, 8, S),
        ("f'}'", "f-string: single '}' is not allowed", 1, 5, S),
        ("f'{x:{y:{z}}}'", "f-string: expressions nested too deeply", 1, 15, S),
        ("f'{x'", "f-string: expecting '}'", 1, 6, S),
        ("f'{x!}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 8, S),
        ("f'{x!z}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9, S),
        ("f'{x!r foo}'", "f-string: expecting '}'", 1, 13, S),
        ("f'{#}'", "f-string expression part cannot include '#'", 1, 7, S),
        ("f'{a=!x}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 10, S),
        ("async x = 1", "invalid syntax", 1, 7, S),
        ("async def f():\n    await", "invalid syntax", 2, 10, S),
        ("@\ndef f(): pass", "invalid syntax", 1, 2, S),
        ("@x\nx = 1", "invalid syntax", 2, 1, S),
        ("lambda: (yield) = 1", "cannot assign to lambda", 1, 1, S),
        ("x = [i for i in range(3) if]", "invalid syntax", 1, 28, S),
        ("x = [i for in range(3)]", "invalid syntax", 1, 12, S),
        ("x = [for i in y]", "invalid syntax", 1, 6, S),
        ("if True:\n    pass\n  else:\n    pass\n", "unindent does not match any outer indentation level", 3, 8, I),
        ("x = (1 if 2 else 3 4)", "invalid syntax. Perhaps you forgot a comma?", 1, 18, S),
        ("0b1_", "invalid binary literal", 1, 4, S),
        ("x = 1.__class__", "invalid decimal literal", 1, 6, S),
        ("while True:\n    break\nelse:\ncontinue\n", "expected an indented block after 'else' statement on line 3", 4, 1, I),
        ("for x in range(10):\n    pass\nelse\n", "expected ':'", 3, 5, S),
        ("a = b = ", "invalid syntax", 1, 9, S),
        ("a +", "invalid syntax", 1, 4, S),
        ("(", "'(' was never closed", 1, 1, S),
        (")", "unmatched ')'", 1, 1, S),
        ("[", "'[' was never closed", 1, 1, S),
        ("{", "'{' was never closed", 1, 1, S),
        ];
        for (src, msg, line, col, kind) in cases {
            let e = error(src);
            assert_eq!(
                (e.msg.as_str(), e.line, e.col, e.kind),
                (*msg, *line, *col, *kind),
                "{:?}",
                src
            );
        }
        // Errors CPython's compiler (not its parser) reports.
        for (src, msg) in [
            (
                "*a = 1",
                "starred assignment target must be in a list or tuple",
            ),
            (
                "a, *b, *c = d",
                "multiple starred expressions in assignment",
            ),
            ("x = *a", "can't use starred expression here"),
            ("return *a", "can't use starred expression here"),
            (
                "def f(a, a): pass",
                "duplicate argument 'a' in function definition",
            ),
            ("f(a=1, a=2)", "keyword argument repeated: a"),
            ("__debug__ = 1", "cannot assign to __debug__"),
            (
                "try:\n pass\nexcept:\n pass\nexcept E:\n pass\n",
                "default 'except:' must be last",
            ),
        ] {
            assert_eq!(error(src).msg, msg, "{:?}", src);
        }
        let e = error("x = 1\nfoo(a b)\n");
        assert_eq!(e.text.as_deref(), Some("foo(a b)"));
    }

    fn in_thread<F: FnOnce() + Send + 'static>(stack: usize, f: F) {
        std::thread::Builder::new()
            .stack_size(stack)
            .spawn(f)
            .expect("thread")
            .join()
            .expect("no panic");
    }

    #[test]
    fn nesting_limits() {
        in_thread(8 << 20, || {
            let n = 100_000;
            let deep = [
                format!("x = {}1{}", "(".repeat(n), ")".repeat(n)),
                format!("x = {}1{}", "[".repeat(n), "]".repeat(n)),
                format!("x = {}1", "-".repeat(n)),
                format!("x = {}1", "not ".repeat(n)),
                format!("x = {}1", "lambda: ".repeat(n)),
                format!("x = {}1", "1 if 1 else ".repeat(n)),
                format!("x = {}1", "2 ** ".repeat(n)),
                format!("x = {}", "f(".repeat(n)),
                format!("x = a{}", ".b".repeat(n)),
                format!("x = a{}", "()".repeat(n)),
                format!("x = 1{}", " + 1".repeat(n)),
                format!("x = {}1{}", "{1: ".repeat(n), "}".repeat(n)),
            ];
            for src in deep.iter() {
                let e = parse(src, "<t>", Mode::Exec).unwrap_err();
                assert!(
                    e.msg.contains("nested") || e.msg.contains("never closed"),
                    "{}: {}",
                    &src[..20],
                    e.msg
                );
            }
            // Up to the limit is fine, and long flat chains too.
            let ok = [
                format!("x = {}1{}", "(".repeat(190), ")".repeat(190)),
                format!("x = 1{}", " + 1".repeat(900)),
                format!("x = a{}", ".b".repeat(900)),
                format!("x = [{}]", "1, ".repeat(10_000)),
                format!("x = {}", "'a' ".repeat(10_000)),
                format!("x = 1{}", " or 1".repeat(10_000)),
                format!("x = 1{}", " < 1".repeat(10_000)),
            ];
            for src in ok.iter() {
                assert!(parse(src, "<t>", Mode::Exec).is_ok(), "{}", &src[..20]);
            }
            let mut elifs = String::from("if x:\n    pass\n");
            for _ in 0..5000 {
                elifs.push_str("elif x:\n    pass\n");
            }
            assert!(parse(&elifs, "<t>", Mode::Exec).is_ok());
            // Indentation deeper than 100 levels.
            let mut blocks = String::new();
            for i in 0..120 {
                blocks.push_str(&" ".repeat(i));
                blocks.push_str("if x:\n");
            }
            blocks.push_str(&" ".repeat(120));
            blocks.push_str("pass\n");
            assert_eq!(error(&blocks).msg, "too many levels of indentation");
        });
        // A smaller limit for small stacks.
        let src = format!("x = {}1{}", "(".repeat(30), ")".repeat(30));
        assert!(parse_with_limit(&src, "<t>", Mode::Exec, 20).is_err());
        assert!(parse_with_limit(&src, "<t>", Mode::Exec, 40).is_ok());
        in_thread(256 << 10, || {
            let src = format!("x = {}1{}", "f(".repeat(100), ")".repeat(100));
            assert!(parse_with_limit(&src, "<t>", Mode::Exec, 16).is_err());
        });
    }

    const SAMPLE: &str = r#"#!/usr/bin/env python3
"""Module docstring."""
import os, sys as system
from collections import (OrderedDict as OD,
                         defaultdict)

CONST: int = 0x_ff + 0o7 + 0b1 + 1_000 + 1.5e-3 + 2j

@decorator(arg=1)
class Thing(Base, metaclass=Meta):
    attr = [x ** 2 for x in range(10) if x % 2]

    def method(self, a, /, b=2, *args, c, d=4, **kw) -> "Thing":
        global CONST
        try:
            with open(a) as f, lock:
                data = f.read()
        except* (OSError, ValueError) as e:
            raise RuntimeError(f"bad {a!r:>{b}} {e=}") from e
        finally:
            del self.x, self[0]
        return {k: v for k, v in kw.items()}, {*args}, (yield)

async def main():
    async with ctx() as c:
        async for item in c:
            await item
    result = [y async for y in gen()]
    lam = lambda x, *, y=1: (x := x + y) if x else not y
    s = 'a' "b" r'\c' '''d''' + b'e'.decode()
    matrix[1:2, ::3] @= other
    print(*result, sep='', **{'end': '\n'})
    while (n := next(it, None)) is not None:
        assert n, "message"
        if n > 1: break
        elif n < 0: continue
        else: pass
    return ...
"#;

    #[test]
    fn sample_parses() {
        let b = module(SAMPLE);
        assert_eq!(b.len(), 6);
        assert_eq!(docstring(&b), Some("Module docstring."));
    }

    /// Cheap deterministic generator for the fuzz tests.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % (n.max(1) as u64)) as usize
        }
    }

    #[test]
    fn no_panic_on_mangled_input() {
        let chars: Vec<char> = SAMPLE.chars().collect();
        let run = |s: &str| {
            for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
                let r = panic::catch_unwind(|| parse_with_limit(s, "<t>", mode, 50));
                assert!(r.is_ok(), "panic on {:?}", s);
            }
        };
        // Every prefix.
        for i in 0..=chars.len() {
            run(&chars[..i].iter().collect::<String>());
        }
        // Random edits.
        let pieces = [
            "(", ")", "[", "]", "{", "}", ":", ",", "=", "*", "'", "\"", "'''", "\n", "\t", " ",
            "#", "\\", "\\\n", ".", "@", "-", "!", "<", ";", "0", "_", "f'{", "}", ":=", "lambda",
            "if", "else", "for", "in", "not", "yield", "await", "async", "0x", "1e", "é", "€",
            "\u{a0}", "\r", "\0", "\\N{", "\\x", "    ",
        ];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let mut v = chars.clone();
            for _ in 0..1 + rng.below(3) {
                let p = rng.below(v.len() + 1);
                match rng.below(3) {
                    0 => {
                        if p < v.len() {
                            v.remove(p);
                        }
                    }
                    1 => {
                        let q = (p + rng.below(30)).min(v.len());
                        v.drain(p.min(q)..q);
                    }
                    _ => {
                        for (k, c) in pieces[rng.below(pieces.len())].chars().enumerate() {
                            v.insert((p + k).min(v.len()), c);
                        }
                    }
                }
            }
            run(&v.iter().collect::<String>());
        }
        // Random soup of tokens.
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..rng.below(40) {
                s.push_str(pieces[rng.below(pieces.len())]);
            }
            run(&s);
        }
    }
}
